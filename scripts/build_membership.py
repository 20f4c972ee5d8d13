"""Build ``simulate/data/membership.csv`` from the checked facts in ``../shared/facts``.

The output keeps every column of the facts file (with its sources) and adds
``valid_from`` / ``valid_to`` (ISO dates, empty = the whole year) for the two
seats that changed hands within a year:

* 1971: the Republic of China represented China until 25 October 1971
  (General Assembly resolution 2758 (XXVI)); the People's Republic from then.
* 1991: the USSR until 24 December 1991; the Russian Federation continued its
  membership from that date.

Run from the repository root: ``python scripts/build_membership.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "facts" / "membership.csv"
TARGET = ROOT / "simulate" / "data" / "membership.csv"

# (year, member, representation prefix) -> (valid_from, valid_to)
DATED = {
    ("1971", "China", "Republic of China"): ("", "1971-10-24"),
    ("1971", "China", "People's Republic of China"): ("1971-10-25", ""),
    ("1991", "USSR", "Union of Soviet Socialist Republics"): ("", "1991-12-23"),
    ("1991", "Russian Federation", "Russian Federation"): ("1991-12-24", ""),
}


def main() -> int:
    with SOURCE.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    fields = [*rows[0].keys(), "valid_from", "valid_to"]
    used = set()
    for row in rows:
        row["valid_from"] = row["valid_to"] = ""
        for (year, member, prefix), (start, end) in DATED.items():
            if (
                row["year"] == year
                and row["member"] == member
                and row["name_or_representation_at_time"].startswith(prefix)
            ):
                row["valid_from"], row["valid_to"] = start, end
                used.add((year, member, prefix))
    missing = set(DATED) - used
    if missing:
        print(f"error: dated seat changes not found in {SOURCE}: {sorted(missing)}", file=sys.stderr)
        return 2
    with TARGET.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
