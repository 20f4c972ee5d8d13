"""Rule commands: ``check-rule`` (the property battery) and ``reform`` (a vote
replayed under a rule for an enlarged council)."""

from __future__ import annotations

import argparse

from .core import print_json

__all__ = ["register"]

CHECK_DESCRIPTION = """\
Check what a voting rule does: monotonicity, properness (no two disjoint
winning coalitions), decisiveness, anonymity within seat classes, veto players,
dummy players, the smallest blocking coalition, and whether abstention blocks.
Each failure is shown with its smallest counterexample, as ballots.

RULE_OR_FILE is a built-in rule (see `unsc rules`), a TOML rule file (format:
rules/README.md), or a Python file defining decide(profiles) (and optionally
SEATS and VETO). Up to 13 seats every yes/no/abstain profile is decided; a
built-in or TOML rule on more seats is checked exactly by seat-class counts; a
Python decision function on more than 15 seats is searched with hypothesis.
Exit status: 0, or 1 when the rule is not monotonic or not proper, 2 on bad
input.

examples:
  unsc check-rule charter-1965
  unsc check-rule strict-concurrence --exhaustive
  unsc check-rule g4-2005 --json
  unsc check-rule act-restraint --unflagged
  unsc check-rule my-rule.toml
  unsc check-rule rules/examples/nine-to-twelve.py --seats 15
  unsc check-rule my-function.py --seats 25 --examples 500
"""

REFORM_DESCRIPTION = """\
Replay a vote under another rule, including a rule for an enlarged council
(g4-2005: 25 seats; au-ezulwini-2005: 26). The seats the Council lacked cast
no ballot: give them with --new (a seat kind or a new seat's name), or the
outcome is counted over every yes/no/abstain combination of their ballots.
What-ifs and --set apply to the members that sat, in the order given.

examples:
  unsc reform S/2016/846 --rule g4-2005
  unsc reform S/2016/846 --rule g4-2005 --whatif russia-abstains
  unsc reform S/2016/846 --rule g4-2005 -w russia-abstains --new permanent=yes --new elected=no
  unsc reform S/2016/1026 --rule au-ezulwini-2005 --new all=abstain --json
  unsc reform S/2016/1026 --rule two-vetoes
"""


def cmd_check_rule(args: argparse.Namespace) -> int:
    from ..analysis.checks import check_rule
    from ..catalog.registry import load_rule_source
    from ..errors import SimulateError

    rule = load_rule_source(args.rule)
    if args.examples is not None:
        method = "sampled"
    elif args.exhaustive:
        method = "exhaustive"
    else:
        method = "auto"
    if args.seats is not None and args.seats < 1:
        raise SimulateError(f"--seats must be at least 1, got {args.seats}")
    flags = () if args.unflagged else (args.flag or None)
    report = check_rule(
        rule,
        seats=args.seats,
        method=method,
        examples=200 if args.examples is None else args.examples,
        matter=args.matter,
        flags=flags,
        seed=args.seed,
    )
    if args.json:
        print_json(report.to_json())
    else:
        print(report.format())
    return 1 if report.failures else 0


def cmd_reform(args: argparse.Namespace) -> int:
    from ..catalog.scenarios import load_scenario
    from ..engine.reform import replay_enlarged
    from ..render.text import format_enlarged
    from .core import resolve_changes

    scenario = load_scenario(args.scenario)
    changes = resolve_changes(scenario, args.changes)
    result = replay_enlarged(scenario, args.rule, changes, new_seats=args.new or None)
    if args.json:
        print_json(result.to_json())
    else:
        print(format_enlarged(result, descriptions=[c.describe() for c in changes]))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "check-rule",
        help="check the properties of a voting rule",
        formatter_class=formatter,
        description=CHECK_DESCRIPTION,
    )
    p.add_argument("rule", metavar="RULE_OR_FILE", help="a built-in rule, a .toml rule file or a .py decision function")
    p.add_argument(
        "--seats", type=int, metavar="N", help="seats, for a decision function (default: its SEATS, else 15)"
    )
    how = p.add_mutually_exclusive_group()
    how.add_argument("--exhaustive", action="store_true", help="decide every yes/no/abstain profile (up to 16 seats)")
    how.add_argument("--examples", type=int, metavar="N", help="search with hypothesis, N examples per property")
    p.add_argument(
        "--matter",
        choices=["substantive", "procedural"],
        default="substantive",
        help="the draft's matter (default: substantive)",
    )
    flag = p.add_mutually_exclusive_group()
    flag.add_argument(
        "--flag", action="append", metavar="FLAG", help="a draft flag (default: the rule's restraint flag, if any)"
    )
    flag.add_argument("--unflagged", action="store_true", help="check a draft without flags")
    p.add_argument("--seed", type=int, default=0, help="random seed of the hypothesis search (default: 0)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_check_rule)

    from .core import add_change_options

    p = sub.add_parser(
        "reform",
        help="replay a vote under a reform rule, new seats included",
        formatter_class=formatter,
        description=REFORM_DESCRIPTION,
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    p.add_argument(
        "--rule", "-r", required=True, metavar="RULE", help="the rule (see `unsc rules`), or a .toml rule file"
    )
    add_change_options(p)
    p.add_argument(
        "--new",
        "-n",
        action="append",
        metavar="KIND_OR_SEAT=BALLOT",
        help="ballot of new seats: all=, veto=, permanent=, elected= or a new seat's name (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_reform)
