"""``unsc chance``: the chance that a draft passes, is vetoed or falls short, with uncertain ballots."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import SimulateError
from .core import ChangeAction, add_change_options, add_new_seats_option, new_seats_changes, parse_set, print_json

WORDS = ("yes", "no", "abstain", "absent")

__all__ = ["add_chance_options", "chance_from_args", "parse_draws", "register", "resolve_chance_changes"]


def parse_draws(text: str) -> int:
    """``"1000000"``, ``"1e6"`` or ``"10**6"`` -> 1000000 (a whole number, checked by the engine)."""
    t = str(text).strip().replace("_", "").replace(",", "")
    try:
        if "**" in t:
            base, _, exp = t.partition("**")
            value: float = int(base) ** int(exp)
        else:
            value = float(t)
    except (ValueError, OverflowError):
        raise SimulateError(f"--draws: expected a whole number such as 1000000 or 1e6, got {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")) or not float(value).is_integer():
        raise SimulateError(f"--draws: expected a whole number such as 1000000 or 1e6, got {text!r}")
    return int(value)


def resolve_chance_changes(scenario: Any, collected: Any, args: argparse.Namespace) -> list[Any]:
    """Changes in command-line order; every ``--bloc`` forms one group (checked for cycles) at the first one's place."""
    from ..model.chance import Blocs, Chance

    out: list[Any] = []
    if getattr(args, "propensities", None):
        out.append(_propensity_chance(scenario, args))
    if getattr(args, "others", None):
        out.append(Chance(others=args.others))
    blocs: list[Any] = []
    bloc_at = None
    council = scenario.record.council
    for option, value in collected or []:
        try:
            bloc_at = _one(scenario, council, option, value, out, blocs, bloc_at)
        except SimulateError as exc:
            text = str(exc)
            named = text.startswith(("--", "unknown what-if"))
            raise SimulateError(text if named else f"{option} {value}: {text}") from None
    if bloc_at is not None:
        try:
            out[bloc_at] = Blocs(blocs)
        except SimulateError as exc:
            raise SimulateError(f"--bloc: {exc}") from None
    return out


def _one(
    scenario: Any, council: Any, option: str, value: str, out: list[Any], blocs: list[Any], bloc_at: int | None
) -> int | None:
    """Resolve one option into ``out`` (blocs are collected); returns where the bloc group goes."""
    from ..model.chance import parse_bloc_option, parse_chance_option

    if option in ("--whatif", "-w"):
        out.append(scenario.whatif(value))
    elif option in ("--set", "-s"):
        change = parse_set(value)
        for member, _ in change.ballots:
            council.index(member)
        out.append(change)
    elif option in ("--chance", "-c"):
        chance = parse_chance_option(value)
        for member, _ in chance.ballots:
            council.index(member)
        out.append(chance)
    elif option in ("--bloc", "-b"):
        bloc = parse_bloc_option(value)
        if bloc.leader not in council:
            raise SimulateError(f"the leader {bloc.leader.name} does not sit on this council")
        for member in bloc.members:
            council.index(member)
        blocs.append(bloc)
        if bloc_at is None:
            bloc_at = len(out)
            out.append(None)
    return bloc_at


def _propensity_chance(scenario: Any, args: argparse.Namespace) -> Any:
    from ..analysis.chance.frequencies import propensities

    estimates = propensities(args.propensities, prior=args.prior, penholder=args.penholder)
    args._propensities = estimates
    return estimates.chance(scenario.record.council.names)


def add_chance_options(p: argparse.ArgumentParser) -> None:
    add_change_options(p)
    p.add_argument(
        "--chance", "-c", dest="changes", action=ChangeAction, metavar="MEMBER=BALLOT:P,...",
        help="a member's ballot distribution, e.g. Angola=yes:0.6,abstain:0.4 "
        "(fractions such as 1/3 are exact; repeatable)",
    )
    p.add_argument(
        "--bloc", "-b", dest="changes", action=ChangeAction, metavar="LEADER:F1,F2@RHO",
        help="followers cast the leader's ballot with probability RHO (default 1), e.g. Russia:Angola,Venezuela@0.8 "
        "(repeatable; all blocs form one group, leaders first, no cycles)",
    )
    from ..model.chance import MODELS

    p.add_argument(
        "--others", metavar="MODEL", choices=list(MODELS),
        help="a model for every member not set otherwise: "
        + "; ".join(f"{k}: {m.description}" for k, m in MODELS.items()),
    )
    p.add_argument(
        "--propensities", action="append", metavar="PATH",
        help="give every sitting member its ballot frequencies over these scenario files or folders (repeatable)",
    )
    p.add_argument("--penholder", metavar="MEMBER", help="with --propensities: only drafts this member put forward")
    p.add_argument(
        "--prior", metavar="BALLOT=COUNT,...",
        help="with --propensities: Dirichlet pseudo-counts (default yes=1,no=1,abstain=1,absent=0)",
    )
    p.add_argument("--rule", "-r", action="append", metavar="RULE", help="a rule to compare (repeatable)")
    add_new_seats_option(p)
    p.add_argument("--method", choices=("auto", "exact", "montecarlo"), default="auto",
                   help="exact where possible (auto, the default), exact only, or Monte Carlo")
    p.add_argument("--draws", default="1000000", metavar="N", help="Monte Carlo draws (default 1000000; e.g. 1e7)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="Monte Carlo seed (default 0)")


def chance_from_args(args: argparse.Namespace) -> tuple[Any, Any]:
    """The scenario and the :class:`~simulate.analysis.chance.ChanceResult` the options ask for."""
    from ..analysis.chance.api import chance
    from ..analysis.chance.montecarlo import check_draws
    from ..catalog.scenarios import load_scenario

    draws = check_draws(parse_draws(args.draws), where="--draws")
    if args.seed < 0:
        raise SimulateError(f"--seed: expected a non-negative whole number, got {args.seed}")
    if (args.penholder or args.prior) and not args.propensities:
        raise SimulateError("--penholder and --prior go with --propensities PATH")
    scenario = load_scenario(args.scenario)
    changes = new_seats_changes(args) + resolve_chance_changes(scenario, args.changes, args)
    result = chance(scenario, changes, args.rule or (), method=args.method, draws=draws, seed=args.seed)
    return scenario, result


def _pct(p: Any) -> str:
    return f"{float(p) * 100:.1f}%"


def _cell(r: Any, key: str) -> str:
    p = getattr(r, key)
    if r.exact:
        return _pct(p)
    lo, hi = r.interval(key)
    return f"{_pct(p)} [{lo * 100:.1f}, {hi * 100:.1f}]"


def format_result(scenario: Any, result: Any, unseen: list[str] | None = None, estimates: Any = None) -> str:
    """The text of ``unsc chance``: every line within 80 columns, as the other commands' (the
    rule table's columns fit; free text is wrapped, a continued line indented)."""
    from ..render.text import long_date, wrap

    def para(text: str) -> str:  # a continued line indented
        return wrap(text, indent="  ", first="")

    def wrap_list(head: str, items: list[str]) -> str:  # never breaks inside an item ("United States 3.8%")
        glued = ", ".join(item.replace(" ", "\x1f") for item in items)
        return para(f"{head}{glued}").replace("\x1f", " ")

    draft = scenario.record.draft
    lines = [wrap(result.model)]
    lines.append(para(f"{draft.symbol} · {long_date(draft.date)} · {draft.title}"))
    if result.exact:
        lines.append("Exact probabilities.")
    else:
        lines.append(para(f"{result.note}: {result.draws:,} draws, seed {result.seed}; 95% intervals in brackets; "
                          "all rules on the same draws."))
    if estimates is not None:
        counts = [estimates.estimate(n).records for n in scenario.record.council.names]
        text = estimates.describe()
        lines.append(para(f"{text[0].upper()}{text[1:]}; {min(counts)} to {max(counts)} votes behind each member."))
    if unseen:
        lines.append(para(f"No record for {', '.join(unseen)}: the prior is used (flagged)."))
    lines.append("")
    width = max(len(r.rule) for r in result.rules) + 2
    cols = ("adopted", "vetoed", "short")
    cw = 10 if result.exact else 21  # "100.0% [99.9, 100.0]" and a space
    head = f"{'rule':<{width}}" + "".join(f"{c:<{cw}}" for c in ("adopted", "vetoed", "short of votes"))
    lines.append(head.rstrip())
    for r in result.rules:
        lines.append(f"{r.rule:<{width}}" + "".join(f"{_cell(r, c):<{cw}}" for c in cols).rstrip())
        if r.other:
            lines.append(f"{'':<{width}}not adopted, no quota stated: {_pct(r.other)}")
    if len(result.rules) > 1:
        first = result.rules[0].rule
        lines.append("")
        lines.append(f"Change in P(adopted) against {first}:")
        for r in result.rules[1:]:
            d, se = r.difference
            text = f"{float(d) * 100:+.1f} points"
            if not r.exact:
                text += f" [{(float(d) - 1.96 * se) * 100:+.1f}, {(float(d) + 1.96 * se) * 100:+.1f}]"
            lines.append(f"  {r.rule:<{width}}{text}")
    r0 = result.rules[0]
    if r0.permanent_no:
        dist = [f"{k}: {_pct(p)}" for k, p in enumerate(r0.permanent_no) if float(p) > 0]
        lines.append("")
        lines.append(wrap_list("Permanent members voting no: ", dist))
    for r in result.rules:
        if r.decisive:
            ranked = sorted(r.decisive.items(), key=lambda kv: -float(kv[1]))
            top = [f"{name} {_pct(p)}" for name, p in ranked if float(p) > 0][:5]
            lines.append("")
            what = "Most likely to decide the vote" + (f" under {r.rule}" if len(result.rules) > 1 else "")
            if top:
                lines.append(wrap_list(f"{what} (P(yes and no would give different outcomes)): ", top))
            else:
                lines.append(para(f"{what}: nobody (no single ballot can change the outcome)."))
    return "\n".join(lines)


def cmd_chance(args: argparse.Namespace) -> int:
    scenario, result = chance_from_args(args)
    estimates = getattr(args, "_propensities", None)
    unseen = estimates.unseen(scenario.record.council.names) if estimates is not None else None
    if args.json:
        data = result.to_json()
        if estimates is not None:
            data["propensities"] = {
                "records": estimates.records,
                "prior": {b: float(a) for b, a in zip(WORDS, estimates.prior, strict=True)},
                "unseen": unseen,
                "members": {
                    name: {"records": e.records, "prior_only": e.prior_only,
                           "distribution": {b: float(p) for b, p in zip(WORDS, e.distribution.probs, strict=True)}}
                    for name, e in ((n, estimates.estimate(n)) for n in scenario.record.council.names)
                },
            }
        print_json(data)
    else:
        print(format_result(scenario, result, unseen, estimates))
    return 0


def register(sub: Any, formatter: Any) -> None:
    p = sub.add_parser(
        "chance", help="the chance a draft passes, with uncertain ballots and blocs", formatter_class=formatter,
        description=(
            "The probability that a draft is adopted, vetoed or short of votes when some\n"
            "ballots are uncertain, under each rule; who is most likely to decide it; how\n"
            "many permanent members vote no. Exact (fractions when the inputs are) where\n"
            "members vote independently or in a few blocs; Monte Carlo otherwise, all\n"
            "rules on the same draws, with 95% intervals.\n\n"
            "--whatif, --set, --chance and --bloc apply in the order given (every --bloc\n"
            "joins one group placed at the first --bloc); --others and --propensities\n"
            "apply first, to every member nothing else sets.\n\n"
            "examples:\n"
            "  unsc chance S/2016/1026 --others elected-uncertain -r charter-1965 -r two-vetoes\n"
            "  unsc chance S/2016/1026 --chance Angola=yes:0.6,abstain:0.4\n"
            "  unsc chance S/2016/1026 -w china-abstains-again --chance China=no:1/2,abstain:1/2\n"
            "  unsc chance S/2016/846 --others elected-uncertain --bloc Russia:Angola,Venezuela@0.8 --seed 7\n"
            "  unsc chance S/2016/1026 --propensities scenarios/ --others elected-uncertain --json"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_chance_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_chance)


def cmd_plot_chance(args: argparse.Namespace) -> int:
    from .plot import _check_output, _save, _slug

    output = _check_output(args.output)
    scenario, result = chance_from_args(args)
    from ..figures.chance import plot_chance

    fig = plot_chance(result)
    rules = "".join(f"-{_slug(r.rule)}" for r in result.rules)
    print(_save(fig, output, f"{_slug(scenario.symbol)}{rules}-chance"))
    return 0


def register_plot(kinds: Any, formatter: Any, output_help: str) -> None:
    """``unsc plot chance``: added by :mod:`simulate.cli.plot` to its figures."""
    p = kinds.add_parser(
        "chance", help="the chance of adoption under each rule, with uncertain ballots", formatter_class=formatter,
        description=(
            "Per rule, one bar split into adopted / vetoed / short of votes, with 95%\n"
            "intervals when simulated; the model is stated under the title. Takes the\n"
            "options of `unsc chance`.\n\n"
            "examples:\n"
            "  unsc plot chance S/2016/1026 --others elected-uncertain -r charter-1965 -r two-vetoes\n"
            "  unsc plot chance S/2016/846 --others uncertain --bloc Russia:Angola,Venezuela@0.8 -o blocs.png"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_chance_options(p)
    p.add_argument("--output", "-o", metavar="FILE", help=output_help)
    p.set_defaults(func=cmd_plot_chance)
