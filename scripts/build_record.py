"""Build the Council's record (``simulate/data/record/``) from the public sources.

Reads the Dag Hammarskjöld Library "Meetings and outcomes" tables
(``scact<YEAR>_table_en.html``, 1946-2022) and the project's checked facts
(``vetoes.csv``, ``vetoes-not-on-dhl-list.csv``) and writes:

* ``votes.csv``: one row per vote printed in the tables (a resolution adopted, a
  draft vetoed or not adopted, an election or a procedural decision), with its
  date, meeting, draft symbol(s), resolution, agenda item, outcome and tally as
  printed (empty where the table prints none), and where it was read;
* ``vetoes.csv`` and ``vetoes-disputed.csv``: the veto facts with the vetoers'
  names made canonical through the project's registry (``simulate/data/states.csv``);
  every other column, the sources included, is kept as it is.

Standard library only (``html.parser``, ``csv``); files are written atomically
(a temporary file renamed over the old one). Run from anywhere::

    python scripts/build_record.py                         # ../shared/sources/dhl_meeting_tables
    python scripts/build_record.py /path/to/dhl_meeting_tables --facts /path/to/facts

The tables are read as printed: nothing is corrected here. Differences between
the tables and the facts are checked by the tests under ``tests/record/`` and
listed in ``docs/data-notes.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLES = ROOT.parent / "shared" / "sources" / "dhl_meeting_tables"
OUT = ROOT / "simulate" / "data" / "record"
STATES = ROOT / "simulate" / "data" / "states.csv"

CHARTER_1965 = datetime.date(1965, 8, 31)  # the amended Article 27 (nine votes) in force

VOTE_FIELDS = [
    "key",
    "date",
    "meeting",
    "drafts",
    "resolution",
    "agenda",
    "outcome",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "vetoed_by",
    "printed",
    "source",
    "note",
]

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


# ---------------------------------------------------------------- the HTML tables


class _Cell:
    __slots__ = ("header", "links", "parts", "rowspan")

    def __init__(self, header: bool, rowspan: int) -> None:
        self.header = header
        self.rowspan = rowspan
        self.parts: list[str] = []
        self.links: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)


class TableParser(HTMLParser):
    """The rows of the page's tables as lists of cells (a cell left open is closed by the next one)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[_Cell]] = []
        self._row: list[_Cell] | None = None
        self._cell: _Cell | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            if self._row is None:
                self._row = []
            self._end_cell()
            try:
                rowspan = int(values.get("rowspan") or 1)
            except ValueError:
                rowspan = 1
            self._cell = _Cell(tag == "th", max(rowspan, 1))
        elif tag == "br" and self._cell is not None:
            self._cell.parts.append("\n")
        elif tag == "a" and self._cell is not None:
            self._cell.links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.parts.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(self._cell)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self.rows.append(self._row)
        self._row = None


def clean(text: str) -> str:
    """One line, single spaces."""
    return " ".join(text.replace("\xa0", " ").split())


COLUMNS = {"meeting": "meeting", "date": "date", "topic": "agenda", "outcome": "outcome", "vote outcome": "letter"}


def _column_names(row: list[_Cell]) -> list[str]:
    names = []
    for cell in row:
        text = clean(cell.text).lower()
        name = ""
        for word, column in COLUMNS.items():
            if word in text:
                name = column  # the later, more specific word wins ("letter with vote outcome")
        names.append(name)
    return names


def table_rows(path: Path) -> list[dict[str, _Cell]]:
    """The data rows of one meetings table, rowspans filled in, by column name."""
    parser = TableParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    columns: list[str] | None = None
    pending: dict[int, tuple[int, _Cell]] = {}
    out: list[dict[str, _Cell]] = []
    for row in parser.rows:
        if columns is None:
            names = _column_names(row)
            if "date" in names and "outcome" in names:
                columns = names
            continue
        if len(row) == len(columns) and _column_names(row) == columns:
            continue  # a repeated header row
        if len(row) == 1 and not pending:
            continue  # a title row
        cells: list[_Cell] = []
        given = iter(row)
        for index in range(len(columns)):
            if index in pending:
                left, spanned = pending[index]
                cells.append(spanned)
                if left > 1:
                    pending[index] = (left - 1, spanned)
                else:
                    del pending[index]
                continue
            printed = next(given, None)
            if printed is None:
                break
            cells.append(printed)
            if printed.rowspan > 1:
                pending[index] = (printed.rowspan - 1, printed)
        extra = list(given)
        record = {name: cell for name, cell in zip(columns, cells, strict=False) if name}
        if extra:  # printed cells beyond the header's columns: kept with the outcome
            outcome = record.get("outcome")
            if outcome is not None:
                merged = _Cell(False, 1)
                merged.parts = [outcome.text, "\n", *(c.text for c in extra)]
                record["outcome"] = merged
        out.append(record)
    if columns is None:
        raise SystemExit(f"error: {path}: no table header with Date and Outcome columns")
    return out


# ---------------------------------------------------------------- member names


def member_aliases(states: Path = STATES) -> dict[str, str]:
    """Every name and alias of the registry (case-folded) -> the canonical name."""
    names: dict[str, str] = {}
    with states.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for alias in [row["name"], row["iso3"], *row["aliases"].split(";")]:
                if alias.strip():
                    names[alias.strip().casefold()] = row["name"]
    return names


def canonical(name: str, aliases: dict[str, str]) -> str:
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.I).casefold()
    if key in aliases:
        return aliases[key]
    bare = re.sub(r"\s*\(.*\)$", "", key)  # "China (Republic of China)" -> "china"
    inner = re.search(r"\(([^()]*)\)$", key)
    for candidate in (bare, inner.group(1) if inner else ""):
        if candidate in aliases:
            return aliases[candidate]
    raise SystemExit(f"error: member name {name!r} is not in {STATES}")


def canonical_list(text: str, aliases: dict[str, str]) -> list[str]:
    parts = [p for p in re.split(r"\s*(?:;|,|\band\b)\s*", text) if p.strip()]
    return [canonical(p, aliases) for p in parts]


# ---------------------------------------------------------------- the outcome column

SYMBOL = r"S/(?:PV\.\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Add|Corr)\.\d+)*"
TOKENS = re.compile(
    "|".join(
        [
            r"(?P<res>S/RES/(?P<resn>\d+)\s*\((?P<resy>\d{4})\))",
            r"(?P<prst>S/PRST/\d{4}/\d+|" + SYMBOL + r"\s*\(PRST\)|PRST(?: unnumbered)?)",
            r"(?P<draftword>(?:Power Four )?draft resolution(?:s(?!/))?)",
            r"(?P<sym>" + SYMBOL + r")",
            r"(?P<absent>\((?P<absn>\d+) absent\))",
            r"(?P<notpart>\((?P<notwho>[^()]*) did not participate in the voting\.?\))",
            r"(?P<qual>\((?!S/)[^()]*\))",
            r"(?P<veto>vetoed\s+by\s+(?P<vetoers>.*?))(?=\s*\d+\s*-\s*\d+\s*-\s*\d+|\s*Draft|\s*S/|\s*$)",
            r"(?P<notadopted>(?:was\s+)?not\s+adopted)",
            r"(?P<unanimous>adopted\s+(?:unanimously|by\s+consensus))",
            r"(?P<novote>without\s+(?:a\s+)?vote)",
            r"(?P<tally>(?P<y>\d+)\s*-\s*(?P<n>\d+)\s*-\s*(?P<a>\d+))",
            r"(?P<nonvote>Communiqu[ée]|Note|Letter|Decision)",
            r"(?P<referral>Referral to the Committee on the Admission of New Members)",
            r"(?P<election>Election of [^+]*)",
            r"(?P<admission>Admission of new Members to the United Nations)",
        ]
    ),
    re.I,
)
FILLER = re.compile(r"^(?:[\s,;&+]|and|Corr\.\d+|Add\.\d+|--|\(|\))*$", re.I)


class Item:
    """One action printed in an outcome cell."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # res, draft, prst, nonvote, referral, election, admission
        self.drafts: list[str] = []
        self.qualifiers: list[str] = []
        self.resolution = ""
        self.status = ""  # vetoed, not adopted, unanimous, without vote
        self.vetoers = ""
        self.tally: tuple[int, int, int] | None = None
        self.non_voting: int | None = None
        self.text: list[str] = []

    @property
    def closed(self) -> bool:
        return bool(self.status or self.tally or self.kind not in ("draft",))


def parse_outcome(text: str) -> tuple[list[Item], list[str]]:
    """The actions in one outcome cell, and any printed text the parse did not use."""
    text = clean(text)
    items: list[Item] = []
    leftovers: list[str] = []
    current: Item | None = None
    position = 0

    def start(kind: str) -> Item:
        nonlocal current
        current = Item(kind)
        items.append(current)
        return current

    for match in TOKENS.finditer(text):
        gap = text[position : match.start()]
        if not FILLER.match(gap):
            leftovers.append(gap.strip())
        position = match.end()
        kind = match.lastgroup
        groups = match.groupdict()
        token = match.group(0)
        if groups["res"]:
            item = start("res")
            item.resolution = f"S/RES/{int(groups['resn'])} ({groups['resy']})"
        elif groups["prst"]:
            start("prst")
        elif groups["draftword"]:
            start("draft")
        elif groups["sym"]:
            if current is not None and current.kind == "draft" and not current.closed:
                current.drafts.append(groups["sym"])
            elif current is not None and current.kind == "nonvote" and not current.drafts:
                current.drafts.append(groups["sym"])  # "Note S/2017/691", "Letter (S/...)"
            else:
                start("draft").drafts.append(groups["sym"])
        elif groups["absent"]:
            if current is None:
                leftovers.append(token)
            else:
                current.non_voting = int(groups["absn"])
                current.text.append(token)
        elif groups["notpart"]:
            if current is None:
                leftovers.append(token)
            else:
                current.non_voting = len(re.split(r"\s*(?:,|\band\b)\s*", groups["notwho"]))
                current.text.append(token)
        elif groups["qual"]:
            if current is None:
                leftovers.append(token)
            else:
                current.qualifiers.append(token[1:-1].strip())
        elif groups["veto"]:
            item = current if current is not None else start("draft")
            item.status = "vetoed"
            item.vetoers = groups["vetoers"].strip()
        elif groups["notadopted"]:
            (current if current is not None else start("draft")).status = "not adopted"
        elif groups["unanimous"]:
            (current if current is not None else start("res")).status = "unanimous"
        elif groups["novote"]:
            (current if current is not None else start("res")).status = "without vote"
        elif groups["tally"]:
            item = current if current is not None and current.tally is None else start("draft")
            item.tally = (int(groups["y"]), int(groups["n"]), int(groups["a"]))
        elif kind in ("nonvote", "referral", "election", "admission"):
            start(kind).text.append(clean(token))
    gap = text[position:]
    if not FILLER.match(gap):
        leftovers.append(gap.strip())
    return items, [x for x in leftovers if x]


# ---------------------------------------------------------------- votes


def table_files(folder: Path) -> list[tuple[int, Path]]:
    found = []
    for path in sorted(folder.glob("scact*_table_en.html")):
        match = re.fullmatch(r"scact(\d{4})(?:_covid)?_table_en\.html", path.name)
        if match:
            found.append((int(match.group(1)), path))
    if not found:
        raise SystemExit(f"error: no scact<YEAR>_table_en.html files in {folder}")
    return found


def parse_date(text: str, year: int, where: str) -> tuple[datetime.date, str]:
    """The day of the vote, and a note when the table prints several days (the last one is taken)."""
    printed = clean(text)
    match = re.match(r"(\d{1,2})(?:\s*(?:[-\u2013/+]|and)\s*(\d{1,2}))?\s+([A-Za-z]+)", printed)
    month = match.group(3).lower() if match else ""
    month = next((m for m in MONTHS if len(month) >= 3 and m.startswith(month)), month)
    if not match or month not in MONTHS:
        raise SystemExit(f"error: {where}: cannot read the date {text!r}")
    day = int(match.group(2) or match.group(1))
    note = f"meeting dated '{printed}' in the table: the last day is taken" if match.group(2) else ""
    return datetime.date(year, MONTHS[month], day), note


def meeting_of(cell: _Cell | None, letter: _Cell | None) -> str:
    text = clean(cell.text) if cell is not None else ""
    match = re.search(r"S/PV\.\d+(?:\s*\((?:Resumption|Part)\s*\d+\))?", text, re.I)
    if match:
        return clean(match.group(0))
    letter_text = clean(letter.text) if letter is not None else ""
    found = re.search(r"S/\d{4}/\d+", letter_text)
    return f"VTC ({found.group(0)})" if found else "VTC"


def vote_rows(folder: Path, aliases: dict[str, str]) -> tuple[list[dict[str, str]], Counter[str], list[str]]:
    """Every vote of every table, in date order; counts of what was skipped; parse warnings."""
    rows: list[dict[str, str]] = []
    skipped: Counter[str] = Counter()
    warnings: list[str] = []
    for year, path in table_files(folder):
        printed_rows = table_rows(path)
        last: tuple[datetime.date, str, str] | None = None
        for number, cells in enumerate(printed_rows):
            where = f"{path.name} row {number + 1}"
            if "outcome" not in cells or "date" not in cells:
                skipped["row without an outcome cell"] += 1
                continue
            if not clean(cells["date"].text) and last is not None:
                # an empty date (and meeting) cell continues the meeting of the row above
                date, meeting, date_note = last
            else:
                date, date_note = parse_date(cells["date"].text, year, where)
                meeting = meeting_of(cells.get("meeting"), cells.get("letter"))
            last = (date, meeting, date_note)
            agenda = clean(cells["agenda"].text) if "agenda" in cells else ""
            items, leftovers = parse_outcome(cells["outcome"].text)
            if leftovers:
                warnings.append(f"{where} ({meeting}): text not read: {leftovers}")
            for order, item in enumerate(items, start=1):
                row = _vote_row(item, year, date, meeting, agenda, path.name, order, aliases, warnings, where)
                if row is None:
                    skipped[item.kind] += 1
                else:
                    if date_note:
                        row["note"] = "; ".join(n for n in (row["note"], date_note) if n)
                    rows.append(row)
    return rows, skipped, warnings


CORRECTION_FIELDS = ["meeting", "printed", "field", "printed_value", "corrected_value", "reason", "source"]


def field_is_duplicate(fix: dict[str, str], rows: list[dict[str, str]], found: list[int]) -> bool:
    """A 'drop' of a row printed twice: the copies agree in everything but the place they were read."""
    if fix["field"] != "drop" or len(found) < 2:
        return False
    same = [{k: v for k, v in rows[i].items() if k != "source"} for i in found]
    return all(row == same[0] for row in same)


def apply_corrections(rows: list[dict[str, str]], path: Path) -> list[dict[str, str]]:
    """Apply the listed corrections (each must match exactly one printed vote and its printed value)."""
    with path.open(newline="", encoding="utf-8") as fh:
        corrections = list(csv.DictReader(fh))
    dropped: set[int] = set()
    for line, fix in enumerate(corrections, start=2):
        where = f"{path.name} line {line}"
        found = [
            i
            for i, row in enumerate(rows)
            if row["meeting"] == fix["meeting"] and fix["printed"] in (row["printed"], row["resolution"])
        ]
        if field_is_duplicate(fix, rows, found):
            dropped.update(found[1:])
            continue
        if len(found) != 1:
            raise SystemExit(f"error: {where}: {fix['meeting']} {fix['printed']!r} matches {len(found)} votes, not 1")
        row = rows[found[0]]
        field = fix["field"]
        if field == "drop":
            dropped.add(found[0])
            continue
        if field == "tally":
            before = "-".join((row["yes"], row["no"], row["abstain"]))
        elif field in VOTE_FIELDS:
            before = row[field]
        else:
            raise SystemExit(f"error: {where}: unknown field {field!r}")
        if before != fix["printed_value"]:
            raise SystemExit(f"error: {where}: {field} is {before!r} in the table, not {fix['printed_value']!r}")
        if field == "tally":
            row["yes"], row["no"], row["abstain"] = fix["corrected_value"].split("-")
        else:
            row[field] = fix["corrected_value"]
        change = f"corrected {field}: printed {before or 'nothing'}, now {fix['corrected_value'] or 'nothing'}"
        row["note"] = "; ".join(n for n in (row["note"], f"{change} (corrections.csv)") if n)
    kept = [row for i, row in enumerate(rows) if i not in dropped]
    kept.sort(key=lambda r: (r["date"], _meeting_number(r["meeting"])))
    _assign_keys(kept)
    return kept


def _meeting_number(meeting: str) -> int:
    found = re.search(r"S/PV\.(\d+)", meeting)
    return int(found.group(1)) if found else 0


def _vote_row(
    item: Item,
    year: int,
    date: datetime.date,
    meeting: str,
    agenda: str,
    filename: str,
    order: int,
    aliases: dict[str, str],
    warnings: list[str],
    where: str,
) -> dict[str, str] | None:
    if item.kind in ("prst", "nonvote"):
        return None
    outcome = {
        "res": "adopted",
        "referral": "procedural",
        "election": "other",
        "admission": "other",
    }.get(item.kind, "")
    vetoed_by: list[str] = []
    notes: list[str] = []
    if item.kind == "draft":
        if item.status == "vetoed":
            outcome = "vetoed"
            vetoed_by = canonical_list(item.vetoers, aliases)
        elif item.status == "not adopted":
            outcome = "not adopted"
        elif item.tally is not None:
            required = 7 if date < CHARTER_1965 else 9
            if item.tally[0] >= required:
                outcome = "other"
                notes.append("the table prints a tally but no outcome")
            else:
                outcome = "not adopted"
                notes.append(f"the table prints the tally only: not adopted inferred (fewer than {required} in favour)")
            if not item.drafts:
                notes.append("the table prints no draft symbol")
            warnings.append(f"{where} ({meeting}): tally {item.tally} of {item.drafts} without an outcome")
        else:
            warnings.append(f"{where} ({meeting}): document {item.drafts} without outcome or tally: not a vote")
            return None
    if item.status == "unanimous":
        notes.append("printed 'adopted unanimously' (no tally)")
    elif item.status == "without vote":
        notes.append("adopted without a vote")
    if item.kind in ("election", "admission", "referral"):
        notes.append(" ".join(item.text))
    printed = [*item.drafts, *(f"({q})" for q in item.qualifiers)]
    if item.qualifiers:
        notes.append("; ".join(item.qualifiers))
    yes = no = abstain = non_voting = ""
    if item.tally is not None:
        yes, no, abstain = (str(x) for x in item.tally)
        if item.non_voting is not None:
            non_voting = str(item.non_voting)
    if item.text and item.kind in ("res", "draft"):
        notes.append(" ".join(item.text))
    return {
        "key": "",
        "date": date.isoformat(),
        "meeting": meeting,
        "drafts": ";".join(item.drafts),
        "resolution": item.resolution,
        "agenda": agenda,
        "outcome": outcome,
        "yes": yes,
        "no": no,
        "abstain": abstain,
        "non_voting": non_voting,
        "vetoed_by": ";".join(vetoed_by),
        "printed": " ".join(printed),
        "source": f"DHL meetings table {year} ({filename}), {meeting}, item {order}",
        "note": "; ".join(n for n in notes if n),
    }


def _assign_keys(rows: list[dict[str, str]]) -> None:
    """A unique key per vote: the draft symbol, else the resolution, else the meeting; '#k' on repeats."""
    seen: Counter[str] = Counter()
    bases = []
    for row in rows:
        if row["drafts"]:
            base = row["drafts"].split(";")[0]
        elif row["resolution"]:
            base = row["resolution"]
        else:
            base = row["meeting"]
        bases.append(base)
        seen[base] += 1
    running: Counter[str] = Counter()
    for row, base in zip(rows, bases, strict=True):
        if seen[base] > 1 or base == row["meeting"] or base.startswith("S/PV."):
            running[base] += 1
            row["key"] = f"{base}#{running[base]}"
        else:
            row["key"] = base


# ---------------------------------------------------------------- vetoes


def veto_rows(path: Path, aliases: dict[str, str]) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        row["vetoed_by"] = ";".join(canonical_list(row["vetoed_by"], aliases))
    return fields, rows


# ---------------------------------------------------------------- output


def write_text(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, renamed over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(path: Path, fields: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(path, buffer.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "tables", nargs="?", type=Path, default=DEFAULT_TABLES, help="folder of scact<YEAR>_table_en.html files"
    )
    parser.add_argument("--facts", type=Path, help="folder with vetoes.csv (default: TABLES/../../facts)")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: simulate/data/record)")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every parse warning")
    args = parser.parse_args(argv)
    tables: Path = args.tables.resolve()
    facts: Path = (args.facts or tables.parent.parent / "facts").resolve()
    if not tables.is_dir():
        print(f"error: {tables} is not a folder", file=sys.stderr)
        return 2
    aliases = member_aliases()
    votes, skipped, warnings = vote_rows(tables, aliases)
    votes = apply_corrections(votes, OUT / "corrections.csv")
    write_csv(args.out / "votes.csv", VOTE_FIELDS, votes)
    for source, target in (("vetoes.csv", "vetoes.csv"), ("vetoes-not-on-dhl-list.csv", "vetoes-disputed.csv")):
        fields, rows = veto_rows(facts / source, aliases)
        write_csv(args.out / target, fields, rows)
        print(f"wrote {target}: {len(rows)} rows (from {facts / source})")
    outcomes = Counter(v["outcome"] for v in votes)
    tallies = sum(1 for v in votes if v["yes"])
    print(f"wrote votes.csv: {len(votes)} votes, {tallies} with a tally; {dict(outcomes)}")
    print(f"not votes (skipped): {dict(skipped)}; parse warnings: {len(warnings)}")
    for warning in warnings if args.verbose else warnings[:10]:
        print(f"  {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
