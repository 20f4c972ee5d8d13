"""Core commands: ``scenarios``, ``replay``, ``grid``, ``rules`` and ``demo``."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import SimulateError, UnknownNameError

if TYPE_CHECKING:  # types only: the commands import what they use when they run (start-up speed)
    from ..catalog.scenarios import Scenario
    from ..model.whatif import Change, SetBallots, WhatIf

__all__ = [
    "ChangeAction",
    "add_change_options",
    "add_new_seats_option",
    "new_seats_changes",
    "parse_set",
    "register",
    "resolve_changes",
]


class ChangeAction(argparse.Action):
    """Collects ``--whatif NAME`` and ``--set MEMBER=BALLOT`` in command-line order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        changes = list(getattr(namespace, self.dest, None) or [])
        changes.append((option_string, values))
        setattr(namespace, self.dest, changes)


def parse_set(text: str) -> SetBallots:
    """``"Russia=abstain"`` -> a :class:`~simulate.model.whatif.SetBallots` change."""
    from ..model.whatif import SetBallots

    member, sep, ballot = text.rpartition("=")
    if not sep or not member.strip() or not ballot.strip():
        raise SimulateError(f"--set expects MEMBER=BALLOT (for example Russia=abstain), got {text!r}")
    return SetBallots([(member.strip(), ballot.strip())])


def add_change_options(parser: argparse.ArgumentParser) -> None:
    """``--whatif`` and ``--set``, shared by every command that replays a vote."""
    parser.add_argument(
        "--whatif", "-w", dest="changes", action=ChangeAction, metavar="NAME",
        help="apply a named what-if of the scenario (repeat to compose, in order)",
    )
    parser.add_argument(
        "--set", "-s", dest="changes", action=ChangeAction, metavar="MEMBER=BALLOT",
        help="set one member's ballot: yes, no, abstain or absent (repeatable)",
    )


def add_new_seats_option(parser: argparse.ArgumentParser) -> None:
    """``--new``: ballots for the seats a reform council adds (every row, baseline too)."""
    parser.add_argument(
        "--new", "-n", action="append", metavar="KIND_OR_SEAT=BALLOT",
        help="under a rule for an enlarged council, the new seats' ballots: a kind (veto, permanent, "
        "elected), all, or a new seat's name, e.g. --new permanent=yes (repeatable)",
    )


def new_seats_changes(args: argparse.Namespace) -> list[WhatIf | Change]:
    """The ``--new`` ballots as a leading change (or none)."""
    from ..model.whatif import NewSeats

    return [NewSeats.parse(args.new)] if getattr(args, "new", None) else []


def resolve_changes(
    scenario: Scenario, changes: Sequence[tuple[str, str]] | None
) -> list[WhatIf | Change]:
    """What-if objects and changes from the collected options, checked against the scenario."""
    out: list[WhatIf | Change] = []
    for option, value in changes or []:
        if option in ("--whatif", "-w"):
            out.append(scenario.whatif(value))
        else:
            change = parse_set(value)
            for member, _ in change.ballots:
                scenario.record.council.index(member)  # a clear error if not sitting
            out.append(change)
    return out


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout (every command's ``--json``)."""
    import json  # lazy: start-up speed (only --json needs it)

    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


# ------------------------------------------------------------------ commands


def cmd_scenarios(args: argparse.Namespace) -> int:
    from ..catalog.scenarios import bundled_dir, bundled_scenarios
    from ..engine.replay import replay
    from ..engine.words import Verdict

    scenarios = bundled_scenarios()
    if args.json:
        print_json(
            [
                {
                    "symbol": s.symbol,
                    "date": s.record.draft.date.isoformat(),
                    "title": s.record.draft.title,
                    "whatifs": list(s.whatifs),
                    "path": str(s.path),
                    **{
                        k: v
                        for k, v in replay(s).to_json().items()
                        if k in ("adopted", "yes", "no", "abstain", "vetoed_by")
                    },
                }
                for s in scenarios
            ]
        )
        return 0
    print(f"Bundled scenarios ({bundled_dir()}):")
    for s in scenarios:
        o = replay(s)
        result = str(o.verdict) if o.verdict in (Verdict.ADOPTED, Verdict.VETOED) else "not adopted"
        line = f"  {s.symbol:<12} {s.record.draft.date.isoformat()}  {o.tally:<7} {result:<12}{s.record.draft.title}"
        print(line if len(line) <= 80 else line[:77] + "...")
        print(
            textwrap.fill(
                "what-ifs: " + ", ".join(s.whatifs),
                width=80,
                initial_indent=" " * 16,
                subsequent_indent=" " * 26,
                break_on_hyphens=False,
            )
        )
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay
    from ..render.text import format_outcome

    try:
        scenario = load_scenario(args.scenario)
    except UnknownNameError as missing:  # a vote of the record without a scenario file: what its tally decides
        from .history import replay_from_record

        return replay_from_record(args, missing)
    changes = new_seats_changes(args) + resolve_changes(scenario, args.changes)
    outcome = replay(scenario, changes, rule=args.rule)
    if args.json:
        print_json(outcome.to_json())
    else:
        descriptions = [c.describe() for c in changes]
        print(format_outcome(outcome, baseline=scenario.record if changes else None, descriptions=descriptions))
    return 0


def cmd_grid(args: argparse.Namespace) -> int:
    from ..catalog.scenarios import load_scenario
    from ..engine.grid import grid
    from ..render.text import format_grid

    scenario = load_scenario(args.scenario)
    cells = grid(scenario, args.rule or (), changes=new_seats_changes(args))
    if args.json:
        print_json(
            {
                "symbol": scenario.symbol,
                "rules": list(dict.fromkeys(c.rule for c in cells)),
                "whatifs": list(dict.fromkeys(c.whatif for c in cells)),
                "cells": [
                    {"whatif": c.whatif, "column": c.rule, "overridden": c.overridden, **c.outcome.to_json()}
                    for c in cells
                ],
            }
        )
    else:
        print(format_grid(cells))
        for name, whatif in scenario.whatifs.items():
            print(
                textwrap.fill(f"{name}: {whatif.describe()}", width=80, initial_indent="  ", subsequent_indent="    ")
            )
    return 0


def _rule_json(rule: Any) -> dict[str, Any]:  # any rule kind: the optional fields are read with getattr
    classes = getattr(rule, "seat_classes", None)
    return {
        "name": rule.name,
        "title": rule.title,
        "status": getattr(rule, "status", "custom"),
        "seats": getattr(rule, "seats", None),
        "seat_classes": None if classes is None else classes.kinds,
        "quota": getattr(rule, "quota", None),
        "procedural_quota": getattr(rule, "procedural_quota", None),
        "vetoes_to_block": getattr(rule, "vetoes_to_block", None),
        "blocking_ballots": sorted(str(b) for b in getattr(rule, "blocking_ballots", ())),
        "description": rule.description,
        "assumptions": getattr(rule, "assumptions", ""),
        "sources": list(getattr(rule, "sources", ())),
    }


def cmd_rules(args: argparse.Namespace) -> int:
    from ..catalog.registry import RULES, get_rule
    from ..rules.quota import STATUSES

    if args.name:
        rule = get_rule(args.name)
        if args.json:
            print_json(_rule_json(rule))
            return 0
        data = _rule_json(rule)
        print(textwrap.fill(f"{rule.name}: {rule.title}", width=80, subsequent_indent="  "))
        print(f"  status: {STATUSES.get(data['status'], data['status'])}")
        classes = getattr(rule, "seat_classes", None)
        if classes is not None:
            print(
                textwrap.fill(
                    f"seats: {classes.total} ({classes.describe()})",
                    width=80,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
        for label, key in (("Description", "description"), ("Assumptions", "assumptions")):
            if data[key]:
                print()
                print(textwrap.fill(f"{label}: {' '.join(data[key].split())}", width=80))
        if data["sources"]:
            print()
            print("Sources:")
            for source in data["sources"]:
                print(textwrap.fill(source, width=80, initial_indent="  - ", subsequent_indent="    "))
        return 0
    rules = [RULES[name] for name in RULES]
    if args.json:
        print_json([_rule_json(r) for r in rules])
        return 0
    width = max(len(r.name) for r in rules) + 2
    for rule in rules:
        print(
            textwrap.fill(
                rule.summary(), width=80, initial_indent=f"{rule.name:<{width}}", subsequent_indent=" " * width
            )
        )
    print()
    print("`unsc rules NAME` for a rule's description, assumptions and sources.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay
    from ..render.text import format_outcome

    headline = {
        "S/2016/846": ["russia-abstains"],
        "S/2016/847": ["elected-follow-egypt"],
        "S/2016/1026": ["china-abstains-again", "russia-abstains", "russia-and-china-abstain", "bloc-follows-russia"],
    }
    rule = "=" * 80
    for symbol, whatifs in headline.items():
        scenario = load_scenario(symbol)
        print(rule)
        print(format_outcome(replay(scenario)))
        print()
        for name in whatifs:
            whatif = scenario.whatif(name)
            outcome = replay(scenario, [name])
            print(textwrap.fill(f"What if {name}? {whatif.describe()}.", width=80))
            print(
                textwrap.fill(
                    f"-> {outcome.tally}. {outcome.reason}", width=80, initial_indent="   ", subsequent_indent="   "
                )
            )
        print()
    try:
        from .. import figures
    except ImportError:
        return 0
    if hasattr(figures, "write_demo_figures"):
        paths = figures.write_demo_figures(Path(args.out))
        print(rule)
        print(f"Figures written to {args.out}/:")
        for path in paths:
            print(f"  {path}")
    print("Click the seats yourself: `unsc explore S/2016/1026` opens the classroom explorer in your browser.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "scenarios",
        help="list the bundled scenarios",
        formatter_class=formatter,
        description="List the bundled scenarios, one line each, with their what-ifs.\n\nexample:\n  unsc scenarios",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser(
        "replay",
        help="replay a vote, with what-ifs",
        formatter_class=formatter,
        description=(
            "Replay a vote and say why the draft passed or failed.\n\n"
            "SCENARIO is a bundled symbol (see `unsc scenarios`) or a path to a TOML file\n"
            "(format: scenarios/README.md). What-ifs and --set apply in the order given;\n"
            "--rule replaces the draft's own rule. Under a rule for an enlarged council\n"
            "(e.g. g4-2005), --new gives the new seats' ballots (`unsc reform` counts every\n"
            "combination instead).\n\n"
            "examples:\n"
            "  unsc replay S/2016/1026\n"
            "  unsc replay S/2016/1026 --whatif china-abstains-again\n"
            "  unsc replay S/2016/846 --set Russia=abstain --set China=no\n"
            "  unsc replay S/2016/847 --rule strict-concurrence --json\n"
            "  unsc replay S/2016/846 --rule g4-2005 --new permanent=yes --new elected=no\n"
            "  unsc replay my-vote.toml"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_change_options(p)
    p.add_argument("--rule", "-r", metavar="RULE", help="decide under this rule (see `unsc rules`)")
    add_new_seats_option(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser(
        "grid",
        help="every what-if of a scenario under every rule",
        formatter_class=formatter,
        description=(
            "The outcome of the baseline and every named what-if of a scenario under each\n"
            "rule (default: the draft's own rule and the literal reading of its era).\n"
            "A what-if that changes the rule applies on top of the column's rule; --new\n"
            "gives the new seats' ballots for columns that enlarge the council.\n\n"
            "examples:\n"
            "  unsc grid S/2016/1026\n"
            "  unsc grid S/2016/846 --rule charter-1965 --rule procedural-1965 --json\n"
            "  unsc grid S/2016/846 --rule charter-1965 --rule g4-2005 --new all=yes"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    p.add_argument("--rule", "-r", action="append", metavar="RULE", help="a rule column (repeatable)")
    add_new_seats_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_grid)

    p = sub.add_parser(
        "rules",
        help="the built-in rules",
        formatter_class=formatter,
        description=(
            "The built-in voting rules, one line each; with NAME, one rule in full:\n"
            "its description, what is assumed, and its sources.\n\n"
            "examples:\n  unsc rules\n  unsc rules g4-2005\n  unsc rules --json"
        ),
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="a rule to describe in full")
    p.add_argument("--json", action="store_true", help="print JSON, with descriptions, assumptions and sources")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser(
        "demo",
        help="replay the 2016 Aleppo votes and the headline what-ifs",
        formatter_class=formatter,
        description=(
            "Replay the October and December 2016 Aleppo votes, say why each draft failed\n"
            "and what the headline what-ifs would have changed; write figures to --out.\n\n"
            "example:\n  unsc demo --out out"
        ),
    )
    p.add_argument("--out", default="out", metavar="DIR", help="folder for figures (default: out)")
    p.set_defaults(func=cmd_demo)
