"""Write the Syria series as scenario files: ``scenarios/S-2011-612.toml`` and the rest.

The 29 drafts on Syria put to the vote from October 2011 to July 2023 that failed
(18 vetoed, 11 rival drafts short of nine votes), member by member, from the checked
facts ``syria-drafts.csv`` and ``syria-votes.csv``. The three Aleppo drafts of 2016
(S/2016/846, S/2016/847, S/2016/1026) have hand-written files of their own and are
left alone. Each file gets ``[draft]`` (with the ``mass-atrocity`` flag where
``simulate/data/record/flags.csv`` gives it), ``[votes]``, ``[record]`` and what-ifs
that teach something (see ``whatifs`` below).

Standard library only; run from anywhere::

    python scripts/build_syria_scenarios.py                    # facts in ../shared/facts
    python scripts/build_syria_scenarios.py --facts DIR --check  # exit 1 if a file would change
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from build_record import write_text  # scripts/ is on sys.path when a script is run

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT.parent / "shared" / "facts"
SCENARIOS = ROOT / "scenarios"
FLAGS = ROOT / "simulate" / "data" / "record" / "flags.csv"
HAND_WRITTEN = {"S/2016/846", "S/2016/847", "S/2016/1026"}
PERMANENT = ("China", "France", "Russian Federation", "United Kingdom", "United States")
WEST = ("France", "United Kingdom", "United States")

# Short titles in the project's own words (the facts' subject column says the same at more length).
TITLES = {
    "S/2011/612": "Syria: condemning the crackdown on protesters, with measures under Article 41 in view",
    "S/2012/77": "Syria: support for the Arab League plan for a political transition",
    "S/2012/538": "Syria: renewing UNSMIS under Chapter VII with the threat of sanctions",
    "S/2014/348": "Syria: referral to the International Criminal Court",
    "S/2017/172": "Syria: sanctions for the use of chemical weapons",
    "S/2017/315": "Syria: the chemical attack on Khan Shaykhun",
    "S/2017/884": "Syria: renewing the OPCW-UN Joint Investigative Mechanism for a year",
    "S/2017/962": "Syria: renewing the Joint Investigative Mechanism for a year",
    "S/2017/968": "Syria: the Russian Federation's draft on the Joint Investigative Mechanism",
    "S/2017/970": "Syria: a thirty-day technical renewal of the Joint Investigative Mechanism",
    "S/2018/175": "Syria: the Russian Federation's draft for an investigative mechanism on chemical weapons",
    "S/2018/321": "Syria: an independent mechanism to attribute chemical attacks (after Douma)",
    "S/2018/322": "Syria: the Russian Federation's draft supporting the OPCW mission to Douma",
    "S/2018/355": "Syria: the Russian Federation's draft condemning the strikes of 14 April 2018",
    "S/2019/756": "Syria: a ceasefire in Idlib",
    "S/2019/757": "Syria: the Russian-Chinese draft for an Idlib ceasefire with a counter-terrorism exemption",
    "S/2019/961": "Syria: renewing cross-border aid for twelve months (three crossings)",
    "S/2019/962": "Syria: the Russian Federation's draft for six months of cross-border aid (two crossings)",
    "S/2020/654": "Syria: renewing cross-border aid for twelve months (two crossings)",
    "S/2020/658": "Syria: the Russian Federation's draft for cross-border aid through Bab al-Hawa only",
    "S/2020/667": "Syria: renewing cross-border aid for six months (two crossings)",
    "S/2020/683": "Syria: the Russian Federation's draft for twelve months through Bab al-Hawa only",
    "S/2022/538": "Syria: renewing cross-border aid through Bab al-Hawa for twelve months",
    "S/2022/541": "Syria: the Russian Federation's draft for six months of cross-border aid",
    "S/2023/506": "Syria: renewing cross-border aid through Bab al-Hawa for nine months",
    "S/2023/507": "Syria: the Russian Federation's draft for six months of cross-border aid",
}

# Drafts on chemical weapons, where Bolivia (2017-2018) voted with the Russian Federation.
CHEMICAL = {"S/2017/172", "S/2017/315", "S/2017/884", "S/2017/962", "S/2017/970", "S/2018/321"}


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise SystemExit(f"error: {path}: no such file")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def q(text: str) -> str:
    """A TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def names(items: Sequence[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def penholders(sponsors: str) -> list[str]:
    """The tabling members: the names before any 'with', '+' or '(+...)' co-sponsor list."""
    head = re.split(r"\s+with\s+|\s*\(\+|\s+\+", sponsors, maxsplit=1)[0]
    out = []
    for part in head.split(";"):
        name = re.sub(r"\s*\(.*$", "", part).strip()
        if name:
            out.append(name)
    return out


def meeting_sources(meeting: str) -> tuple[str, list[str]]:
    """The meeting field and the UN symbols it names (letters of the 2020 written procedure)."""
    symbols = re.findall(r"S/PV\.\d+|S/\d{4}/\d+", meeting)
    if meeting.startswith("S/PV."):
        return meeting, symbols[:1]
    return meeting, symbols


def whatifs(draft: dict[str, str], ballots: dict[str, str], flagged: bool) -> list[tuple[str, str, list[str]]]:
    """(name, description, TOML lines) of the what-ifs for one draft."""
    out: list[tuple[str, str, list[str]]] = []
    symbol = draft["symbol"]
    vetoers = [m for m in draft["vetoed_by"].split(";") if m]
    if vetoers:
        both = len(vetoers) == 2
        sets = ", ".join(f"{q(m)} = {q('abstain')}" for m in vetoers)
        who = " and ".join(("China", "the Russian Federation") if both else ("the Russian Federation",))
        if both:
            out.append(
                (
                    "china-abstains",
                    "China abstains; the Russian Federation's negative vote alone still blocks",
                    ['set = { "China" = "abstain" }'],
                )
            )
        out.append(
            (
                "russia-and-china-abstain" if both else "russia-abstains",
                f"{who[0].upper() + who[1:]} abstain{'' if both else 's'} instead of voting against",
                [f"set = {{ {sets} }}"],
            )
        )
        bolivia = next((m for m, b in ballots.items() if m.startswith("Bolivia") and b == "no"), None)
        if symbol in CHEMICAL and bolivia is not None:
            out.append(
                (
                    "bolivia-abstains",
                    "Bolivia abstains instead of voting against: an elected member's no never blocks",
                    [f"set = {{ {q(bolivia)} = {q('abstain')} }}"],
                )
            )
        if flagged:
            out.append(
                (
                    "french-mexican-restraint",
                    "Every permanent member refrains from the veto on mass-atrocity drafts (the French-Mexican "
                    "initiative)",
                    ['rule = "french-mexican-restraint"'],
                )
            )
    else:
        abstainers = [m for m, b in ballots.items() if b == "abstain"]
        if abstainers:
            sets = ", ".join(f"{q(m)} = {q('yes')}" for m in abstainers)
            out.append(
                (
                    "abstainers-vote-yes",
                    "Every member that abstained votes in favour instead: with the votes, would it be vetoed?",
                    [f"set = {{ {sets} }}"],
                )
            )
        west_no = [m for m in WEST if ballots.get(m) == "no"]
        if west_no:
            sets = ", ".join(f"{q(m)} = {q('abstain')}" for m in west_no)
            out.append(
                (
                    "west-abstains",
                    "France, the United Kingdom and the United States abstain instead of voting against: "
                    "it still fails for lack of votes",
                    [f"set = {{ {sets} }}"],
                )
            )
    return out


def scenario_text(draft: dict[str, str], ballots: dict[str, str], flag_reason: str | None) -> str:
    symbol = draft["symbol"]
    meeting, meeting_symbols = meeting_sources(draft["meeting"])
    vetoers = [m for m in draft["vetoed_by"].split(";") if m]
    sponsors = penholders(draft["sponsors"])
    sources = [symbol, *meeting_symbols, *([draft["press_release"]] if draft["press_release"] else [])]
    title = TITLES.get(symbol, draft["subject"])
    by_ballot: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
    for member, ballot in ballots.items():
        if ballot not in by_ballot:
            raise SystemExit(f"error: {symbol}: ballot {ballot!r} of {member}")
        by_ballot[ballot].append(member)
    order = {m: i for i, m in enumerate(PERMANENT)}

    def ordered(members: list[str]) -> list[str]:
        return sorted(members, key=lambda m: (order.get(m, 9), m))

    tally = {k: len(v) for k, v in by_ballot.items()}
    expected = (int(draft["yes"]), int(draft["no"]), int(draft["abstain"]))
    if (tally["yes"], tally["no"], tally["abstain"]) != expected:
        raise SystemExit(f"error: {symbol}: ballots give {tally}, the drafts file {expected}")
    outcome = f"vetoed by {' and '.join(vetoers)}" if vetoers else "failed for lack of votes (not a veto)"
    lines = [
        f"# Draft resolution {symbol} on Syria, put to the vote on {draft['date']} ({meeting}):",
        f"# {expected[0]}-{expected[1]}-{expected[2]}, {outcome}.",
        "# Generated by scripts/build_syria_scenarios.py from the checked facts syria-drafts.csv and",
        f"# syria-votes.csv (confidence: {draft['confidence']}); do not edit by hand.",
        "",
        "[draft]",
        f"symbol = {q(symbol)}",
        f"date = {draft['date']}",
        f"meeting = {q(meeting)}",
        f"title = {q(title)}",
        'matter = "substantive"',
        f"sponsors = {names(sponsors)}  # the penholders",
        f"sources = {names(sources)}",
    ]
    if flag_reason is not None:
        lines.append('flags = ["mass-atrocity"]  # the reason and source: simulate/data/record/flags.csv')
    lines += ["", "[votes]"]
    for ballot in ("yes", "no", "abstain"):
        lines.append(f"{ballot} = {names(ordered(by_ballot[ballot]))}")
    lines += [
        "",
        "[record]",
        "adopted = false",
        f"yes = {expected[0]}",
        f"no = {expected[1]}",
        f"abstain = {expected[2]}",
        f"vetoed_by = {names(vetoers)}",
        f"source = {q(meeting_symbols[0] if meeting_symbols else meeting)}",
    ]
    for name, description, body in whatifs(draft, ballots, flag_reason is not None):
        lines += ["", f"[whatif.{name}]", f"description = {q(description)}", *body]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--facts", type=Path, default=DEFAULT_FACTS, help="folder with syria-drafts.csv, syria-votes.csv"
    )
    parser.add_argument("--out", type=Path, default=SCENARIOS, help="scenario folder (default: scenarios/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file differs")
    args = parser.parse_args(argv)
    drafts = read_csv(args.facts / "syria-drafts.csv")
    votes = read_csv(args.facts / "syria-votes.csv")
    flag_reasons = {r["draft"]: r["reason"] for r in read_csv(FLAGS) if r["flag"] == "mass-atrocity"}
    ballots: dict[str, dict[str, str]] = {}
    for row in votes:
        ballots.setdefault(row["symbol"], {})[row["member"]] = row["vote"]
    if len(drafts) != 29:
        raise SystemExit(f"error: expected the 29 Syria drafts, found {len(drafts)}")
    written = differ = 0
    for draft in drafts:
        symbol = draft["symbol"]
        if symbol in HAND_WRITTEN:
            continue
        if len(ballots.get(symbol, {})) != 15:
            raise SystemExit(f"error: {symbol}: {len(ballots.get(symbol, {}))} ballots, not 15")
        text = scenario_text(draft, ballots[symbol], flag_reasons.get(symbol))
        path = args.out / (symbol.replace("/", "-") + ".toml")
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            differ += 1
            if args.check:
                print(f"would change {path.name}")
            else:
                write_text(path, text)
        written += 1
    verb = "differ" if args.check else "rewritten"
    print(f"{written} Syria scenario files ({len(HAND_WRITTEN)} hand-written 2016 files left alone); {differ} {verb}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
