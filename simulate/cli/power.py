"""Voting-power commands: ``power`` (indices of rules and weighted games) and ``flips``.

Everything heavy is imported inside the command functions, so that ``unsc``
starts fast whatever the command.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from ..errors import SimulateError
from .core import (
    add_change_options,
    add_new_seats_option,
    new_seats_changes,
    print_json,
    resolve_changes,
)

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = ["parse_numbers", "register"]

WIDTH = 80


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(
        text, width=WIDTH, initial_indent=indent if first is None else first, subsequent_indent=indent,
        break_on_hyphens=False,
    )


def parse_numbers(text: str, what: str) -> list[Fraction]:
    """``"7,7,1"`` -> exact numbers; integers, decimals (``0.5``) and fractions (``1/3``).

    >>> parse_numbers("7, 1/2 ,0.25", "--weights")
    [Fraction(7, 1), Fraction(1, 2), Fraction(1, 4)]
    """
    from fractions import Fraction  # lazy: start-up speed (fractions pulls in decimal)

    items = [item.strip() for item in text.split(",")]
    if not text.strip() or any(not item for item in items):
        raise SimulateError(f"{what} expects numbers separated by commas (for example 7,7,7,7,7,1,1,1), got {text!r}")
    out = []
    for item in items:
        try:
            out.append(Fraction(item))
        except (ValueError, ZeroDivisionError):
            raise SimulateError(
                f"{what}: {item!r} is not a number (use integers, decimals or fractions like 1/3)"
            ) from None
    return out


def _number(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


def _fmt(x: Any) -> str:
    return f"{float(x):.5f}"


# ------------------------------------------------------------------ power


_BINARY_HEAD = (
    f"  {'seats':<22}{'Shapley':>10}{'Banzhaf':>10}{'Banzhaf':>10}{'Coleman':>10}{'Coleman':>10}\n"
    f"  {'':<22}{'-Shubik':>10}{'':>10}{'(abs.)':>10}{'prevent':>10}{'initiate':>10}"
)
_TERNARY_HEAD = (
    f"  {'seats':<22}{'Shapley':>10}{'Banzhaf':>10}{'Banzhaf':>10}{'abstain':>10}{'no ->':>10}\n"
    f"  {'':<22}{'-Shubik':>10}{'':>10}{'(abs.)':>10}{'-> yes':>10}{'abstain':>10}"
)


def _rows(groups: list[tuple[str, list[int]]], values: list[tuple[Any, ...]]) -> list[str]:
    """One row per group: its label in the first 22 columns, then its values; a longer label
    (a long member name, a bloc) gets a line of its own above its values, never cut."""
    lines = []
    for label, seats in groups:
        i = seats[0]
        numbers = "".join(f"{_fmt(v[i]):>10}" for v in values)
        if len(label) > 21:
            lines += [_wrap(label, first="  ", indent="    "), f"  {'':<22}{numbers}"]
        else:
            lines.append(f"  {label:<22}{numbers}")
    return lines


def _rule_groups(result: Any) -> list[tuple[str, list[int]]]:
    groups = []
    for seats in result.classes:
        seats = list(seats)
        if len(seats) == 1:
            groups.append((result.seats[seats[0]], seats))
        else:
            groups.append((f"{len(seats)} {result.kinds[seats[0]]}", seats))
    return groups


def _format_rule(result: Any) -> str:
    b = result.binary
    lines = [_wrap(f"{result.rule}: {result.title}", first="", indent="    ")]
    lines.append(
        _wrap(
            f"power to act {_fmt(b.power_to_act)} ({b.winning:,} of {b.coalitions:,} coalitions win; "
            f"not voting yes counts as no)",
            first="  ",
            indent="    ",
        )
    )
    groups = _rule_groups(result)
    lines.append(_BINARY_HEAD)
    lines += _rows(groups, [b.shapley_shubik, b.banzhaf, b.banzhaf_absolute, b.coleman_prevent, b.coleman_initiate])
    t = result.ternary
    if t is not None:
        lines.append(
            _wrap(
                f"yes/no/abstain: power to act {_fmt(t.power_to_act)} ({t.adopted:,} of {t.profiles:,} profiles"
                f" adopted{'' if t.monotone else '; not monotone'})",
                first="  ",
                indent="    ",
            )
        )
        lines.append(_TERNARY_HEAD)
        lines += _rows(groups, [t.shapley_shubik, t.banzhaf, t.banzhaf_absolute, t.abstain_to_yes, t.no_to_abstain])
    for label, seats in groups:
        if len(seats) > 1:
            lines.append(_wrap(f"{label}: " + ", ".join(result.seats[i] for i in seats), indent="      ", first="    "))
    return "\n".join(lines)


def _format_weighted(weights: list[Fraction], quota: Fraction, p: Any) -> str:
    shown = ",".join(str(_number(w)) for w in weights)
    title = f"weighted game [{_number(quota)}; {shown}]"
    lines = [_wrap(title, first="", indent="    ")]
    lines.append(
        _wrap(
            f"power to act {_fmt(p.power_to_act)} ({p.winning:,} of {p.coalitions:,} coalitions win)",
            first="  ",
            indent="    ",
        )
    )
    lines.append(_BINARY_HEAD)
    groups: dict[Fraction, list[int]] = {}
    for i, w in enumerate(weights):
        groups.setdefault(w, []).append(i)
    labelled = [
        (f"weight {_number(w)}" + (f" (x{len(seats)})" if len(seats) > 1 else f" (#{seats[0] + 1})"), seats)
        for w, seats in sorted(groups.items(), key=lambda kv: -kv[0])
    ]
    lines += _rows(labelled, [p.shapley_shubik, p.banzhaf, p.banzhaf_absolute, p.coleman_prevent, p.coleman_initiate])
    return "\n".join(lines)


def _weighted_json(weights: list[Fraction], quota: Fraction, p: Any) -> dict[str, Any]:
    from ..power import INDEX_NAMES

    floats = p.as_floats()
    shown = ",".join(str(_number(w)) for w in weights)
    return {
        "rule": f"weighted [{_number(quota)}; {shown}]",
        "power_to_act": floats["power_to_act"],
        "seats": {str(i + 1): {name: floats[name][i] for name in INDEX_NAMES} for i in range(p.n)},
    }


_BLOC_HEAD = (
    f"  {'seats':<22}{'Owen':>10}{'Banzhaf':>10}{'Banzhaf':>10}{'Shapley':>10}\n"
    f"  {'':<22}{'':>10}{'-Owen':>10}{'-Owen abs':>10}{'(alone)':>10}"
)


def _bloc_groups(blocs: Any, names: list[str], kinds: list[str]) -> list[tuple[str, list[int]]]:
    """Rows: one per (bloc, kind) for real blocs, one per kind for the members alone."""
    groups: dict[tuple[int, str], list[int]] = {}
    for k, bloc in enumerate(blocs):
        for i in bloc:
            groups.setdefault((k if len(bloc) > 1 else -1, kinds[i]), []).append(i)
    out = []
    for (k, kind), seats in groups.items():
        where = f"bloc {k + 1}" if k >= 0 else "alone"
        label = names[seats[0]] if len(seats) == 1 else f"{len(seats)} {kind}"
        out.append((f"{label} ({where})", seats))
    return out


def _format_blocs(p: Any, names: list[str], kinds: list[str], shapley: Any) -> str:
    """The bloc table of a rule or weighted game: Owen, Banzhaf-Owen, and the Shapley-Shubik index alone."""
    lines = []
    for k, bloc in enumerate(p.blocs):
        if len(bloc) > 1:
            text = f"bloc {k + 1} ({_fmt(p.bloc_owen[k])} together): " + ", ".join(names[i] for i in bloc)
            lines.append(_wrap(text, first="  ", indent="    "))
    lines.append(_BLOC_HEAD)
    lines += _rows(_bloc_groups(p.blocs, names, kinds), [p.owen, p.banzhaf_owen, p.banzhaf_owen_absolute, shapley])
    return "\n".join(lines)


def _bloc_json(p: Any, names: list[str]) -> dict[str, Any]:
    from ..games.owen import BLOC_INDEX_NAMES

    floats = p.as_floats()
    return {
        "blocs": [[names[i] for i in bloc] for bloc in p.blocs],
        "bloc_owen": floats["bloc_owen"],
        "seats": {name: {key: floats[key][i] for key in BLOC_INDEX_NAMES} for i, name in enumerate(names)},
    }


def _split_bloc(text: str) -> list[str]:
    items = [item.strip() for item in text.split(",")]
    if not text.strip() or any(not item for item in items):
        raise SimulateError(f"--bloc expects members separated by commas (for example France,UK,USA), got {text!r}")
    return items


def _weighted_blocs(texts: list[str], n: int) -> list[list[int]]:
    """``--bloc 1,2`` for a weighted game: member numbers from 1 to n."""
    blocs = []
    for text in texts:
        members = []
        for item in _split_bloc(text):
            if not item.isdigit() or not 1 <= int(item) <= n:
                raise SimulateError(
                    f"--bloc {text}: the members of the weighted game are numbered 1 to {n}, not {item}"
                )
            members.append(int(item) - 1)
        blocs.append(members)
    return blocs


def cmd_power(args: Any) -> int:
    if (args.weights is None) != (args.quota is None):
        raise SimulateError("--weights and --quota go together: give both (for example --weights 7,7,1,1 --quota 9)")
    weighted = None
    if args.weights is not None:
        weights = parse_numbers(args.weights, "--weights")
        quotas = parse_numbers(args.quota, "--quota")
        if len(quotas) != 1:
            raise SimulateError(f"--quota expects one number, got {args.quota!r}")
        weighted = (weights, quotas[0])
    from ..analysis.power import builtin_rule_names, rule_power
    from ..power import weighted_indices

    names = args.rule or ([] if weighted else builtin_rule_names())
    if args.bloc and weighted and names:
        raise SimulateError(
            "--bloc names the members of rules or of a weighted game, not both: drop --rule or --weights"
        )
    by_rule: list[Any] = []
    game_blocs = None
    if args.bloc:  # checked first: a misspelt member fails fast
        from ..analysis.power import rule_bloc_power
        from ..games.owen import weighted_bloc_indices

        if weighted is not None:
            game_blocs = weighted_bloc_indices(weighted[0], weighted[1], _weighted_blocs(args.bloc, len(weighted[0])))
        else:
            members = [_split_bloc(text) for text in args.bloc]
            by_rule = [rule_bloc_power(name, members).indices for name in names]
    results = [rule_power(name, ternary=args.ternary) for name in names]
    game = weighted_indices(*weighted) if weighted else None
    if args.json:
        rules = [r.to_json() for r in results]
        for r, b in zip(rules, by_rule, strict=False):
            r["blocs"] = _bloc_json(b, list(r["seats"]))
        if weighted is not None and game is not None:
            rules.append(_weighted_json(weighted[0], weighted[1], game))
            if game_blocs is not None:
                rules[-1]["blocs"] = _bloc_json(game_blocs, list(rules[-1]["seats"]))
        print_json({"rules": rules})
        return 0
    blocks = [_format_rule(r) for r in results]
    for i, (result, b) in enumerate(zip(results, by_rule, strict=False)):
        blocks[i] += "\n" + _format_blocs(b, list(result.seats), list(result.kinds), result.binary.shapley_shubik)
    if weighted is not None and game is not None:
        blocks.append(_format_weighted(weighted[0], weighted[1], game))
        if game_blocs is not None:
            numbers = [f"#{i + 1}" for i in range(len(weighted[0]))]
            kinds = [f"weight {_number(w)}" for w in weighted[0]]
            blocks[-1] += "\n" + _format_blocs(game_blocs, numbers, kinds, game.shapley_shubik)
    print("\n\n".join(blocks))
    if args.ternary and game is not None:
        print("\n(--ternary applies to Council rules: a weighted game has no abstention.)")
    return 0


# ------------------------------------------------------------------ flips


def _format_flips(flips: Any, outcome: Any, descriptions: list[str], limit: int | None) -> str:
    from ..model.members import join_names
    from ..render.text import long_date

    draft = outcome.record.draft
    lines = [f"{draft.symbol} · {long_date(draft.date)}" + (f" · {draft.meeting}" if draft.meeting else "")]
    for name, text in zip(flips.whatifs, descriptions or flips.whatifs, strict=False):
        lines.append(_wrap(f"What-if: {name}" + (f": {text}" if text != name else ""), first="  "))
    lines.append(_wrap(f"Rule: {flips.rule}. {outcome.reason}", first="  "))
    lines.append("")
    goal = "reject" if flips.adopted else "adopt"
    if not flips.count:
        lines.append(f"No change of ballots would {goal} it.")
        return "\n".join(lines)
    sizes = sorted({len(s) for s in flips.minimal_sets})
    size = f"{sizes[0]}" if len(sizes) == 1 else f"{sizes[0]} to {sizes[-1]}"
    plural = "s" if flips.count != 1 else ""
    lines.append(
        _wrap(
            f"{flips.count:,} minimal set{plural} of changes would {goal} it ({size} "
            f"member{'s' if sizes[-1] != 1 else ''}; no part of a set would do):",
            first="",
            indent="",
        )
    )
    shown = flips.minimal_sets if limit is None else flips.minimal_sets[:limit]
    width = len(str(len(shown)))
    for i, changes in enumerate(shown, 1):
        text = ", ".join(f"{c.member} {c.old} -> {c.to}" for c in changes)
        lines.append(_wrap(text, first=f"  {i:>{width}}. ", indent=" " * (width + 4)))
    if len(shown) < flips.count:
        lines.append(f"  ... and {flips.count - len(shown):,} more (--limit to show more, --json lists them all)")
    lines.append("")
    if flips.critical:
        lines.append(_wrap(f"Critical (in every minimal set): {join_names(flips.critical)}.", first="", indent="  "))
    else:
        lines.append("Critical: none (no member is in every minimal set).")
    if flips.pivotal:
        lines.append(_wrap(f"Alone enough: {join_names(flips.pivotal)}.", first="", indent="  "))
    return "\n".join(lines)


def cmd_flips(args: Any) -> int:
    from ..analysis.flips import minimal_flips
    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay

    if args.limit is not None and args.limit < 0:
        raise SimulateError(f"--limit must be 0 or more, got {args.limit}")
    scenario = load_scenario(args.scenario)
    changes = new_seats_changes(args) + resolve_changes(scenario, args.changes)
    outcome = replay(scenario, changes, rule=args.rule)
    limit = args.limit if args.json else (30 if args.limit is None else args.limit)
    flips = minimal_flips(
        outcome.record, outcome.rule, limit=args.limit if args.json else None, whatifs=outcome.whatifs
    )
    if args.json:
        print_json(flips.to_json())
    else:
        print(_format_flips(flips, outcome, [c.describe() for c in changes], limit))
    return 0


# ------------------------------------------------------------------ registration


def register(sub: Any, formatter: Any) -> None:
    p = sub.add_parser(
        "power",
        help="voting power under each rule, or of a weighted game",
        formatter_class=formatter,
        description=(
            "Exact voting power of every seat: Shapley-Shubik, Banzhaf (normalised and\n"
            "absolute), Coleman's powers to prevent and to initiate action, and the\n"
            "council's power to act. Without --rule or --weights: every built-in rule.\n"
            "Rules are analysed on their own council (15 seats: the Council of 5 December\n"
            "2016), with members not voting yes counted as voting no; --ternary adds the\n"
            "yes/no/abstain analysis (each ballot equally likely). --bloc groups members into\n"
            "a priori unions (blocs): the Owen value and the Banzhaf-Owen index.\n\n"
            "examples:\n"
            "  unsc power --rule charter-1965\n"
            "  unsc power --rule charter-1965 --rule strict-concurrence --ternary\n"
            "  unsc power --weights 7,7,7,7,7,1,1,1,1,1,1,1,1,1,1 --quota 39\n"
            "  unsc power --rule g4-2005 --json\n"
            "  unsc power --rule charter-1965 --bloc France,UK,USA --bloc China,Russia\n"
            "  unsc power --weights 4,3,2,1 --quota 6 --bloc 2,3"
        ),
    )
    p.add_argument("--rule", "-r", action="append", metavar="RULE", help="a rule (repeatable; see `unsc rules`)")
    p.add_argument("--weights", metavar="W,W,...", help="weights of a weighted game (integers, decimals or fractions)")
    p.add_argument("--quota", metavar="Q", help="the quota of the weighted game: a coalition wins with weight >= Q")
    p.add_argument("--ternary", action="store_true",
                   help="add the yes/no/abstain analysis of each rule (with the ternary Shapley-Shubik index "
                        "of Felsenthal and Machover)")
    p.add_argument("--bloc", action="append", metavar="M,M,...",
                   help="members voting as a bloc (repeatable): adds the Owen value and the Banzhaf-Owen index; "
                        "member names for rules, numbers from 1 for --weights")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_power)

    p = sub.add_parser(
        "flips",
        help="the smallest changes of ballots that reverse a decision",
        formatter_class=formatter,
        description=(
            "Every minimal set of members whose changed ballots would reverse the outcome\n"
            "of a vote (after any what-ifs), with the smallest change each must make, and\n"
            "the critical members: those in every minimal set.\n\n"
            "examples:\n"
            "  unsc flips S/2016/1026\n"
            "  unsc flips S/2016/847 --json\n"
            "  unsc flips S/2016/1026 --whatif russia-abstains"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_change_options(p)
    p.add_argument("--rule", "-r", metavar="RULE", help="decide under this rule (see `unsc rules`)")
    add_new_seats_option(p)
    p.add_argument("--limit", type=int, metavar="N", help="list at most N sets (text default: 30; JSON: all)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_flips)
