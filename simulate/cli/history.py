"""``unsc history`` (the record: votes and vetoes), ``unsc history stats``, ``unsc counterfactual``,
the record's figures (``unsc plot veto-decades|syria|counterfactual``) and ``unsc replay`` of a
vote that has a tally but no scenario file.

Light at import: the record is loaded, and matplotlib imported, only inside the commands.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from ..errors import SimulateError, UnknownNameError
from .core import print_json

if TYPE_CHECKING:  # the modules themselves load lazily, inside the commands (start-up speed)
    from ..analysis.counterfactual import Decision, Summary
    from ..analysis.history import History, HistoryVote, VetoStats
    from ..rules.protocol import VotingRule

__all__ = ["register", "register_plots", "replay_from_record"]

WIDTH = 80

#: Short column labels for the permanent members (JSON keeps the canonical names).
SHORT = {"Russian Federation": "Russia", "United Kingdom": "UK", "United States": "US"}


def _add_filters(p: argparse.ArgumentParser, *, vetoed_by: bool = True, outcome: bool = True) -> None:
    if vetoed_by:
        p.add_argument(
            "--vetoed-by",
            action="append",
            metavar="MEMBER",
            help="vetoed by this member (repeatable: by any of them); names as in `unsc replay --set`",
        )
    p.add_argument("--topic", metavar="TOPIC", help="a topic of the record (e.g. syria, israel-palestine, admission)")
    p.add_argument("--since", metavar="DATE", help="from this date, inclusive (YYYY-MM-DD; YYYY or YYYY-MM too)")
    p.add_argument("--until", metavar="DATE", help="up to this date, inclusive (YYYY-MM-DD; YYYY or YYYY-MM too)")
    if outcome:
        p.add_argument("--outcome", metavar="OUTCOME", help="adopted, vetoed, not adopted, procedural or other")
    p.add_argument(
        "--include-disputed",
        action="store_true",
        help="also count the negative votes often called vetoes that the UN library's veto list leaves out",
    )
    p.add_argument(
        "--combine-successors",
        action="store_true",
        help="count the USSR's vetoes as the Russian Federation's (its continuing state); apart by default",
    )


def _history(args: argparse.Namespace, *, vetoes_only: bool = False) -> History:
    from ..analysis.history import load_history

    outcome = getattr(args, "outcome", None)
    vetoes_only = vetoes_only or bool(getattr(args, "vetoed_by", None)) or (outcome or "").strip().lower() == "vetoed"
    history = load_history(
        include_disputed=args.include_disputed, combine_successors=args.combine_successors, vetoes_only=vetoes_only
    )
    filtered = history.filter(
        vetoed_by=getattr(args, "vetoed_by", None),
        topic=args.topic,
        since=args.since,
        until=args.until,
        outcome=outcome,
    )
    return filtered.vetoes() if vetoes_only else filtered


def _nothing(what: str = "vote") -> int:
    print(f"No {what} in the record matches these filters.")
    return 0


# ------------------------------------------------------------------ unsc history


def _outcome_text(vote: HistoryVote) -> str:
    from ..model.members import join_names

    if vote.outcome == "vetoed":
        return f"vetoed by {join_names(vote.vetoed_by)}" if vote.vetoed_by else "vetoed"
    if vote.outcome == "adopted" and vote.resolution and vote.resolution != vote.symbol:
        return f"adopted: {vote.resolution}"
    return vote.outcome


def format_history(history: History) -> str:
    """The ``unsc history`` listing: two lines per vote and one per veto, then a count."""
    from ..analysis.history import ordinal
    from ..render.text import long_date

    lines = []
    for v in history:
        head = f"{v.date.isoformat()}  {v.symbol:<18} {v.tally:<8} {_outcome_text(v)}"
        lines.append(textwrap.fill(head, width=WIDTH, subsequent_indent=" " * 12, break_on_hyphens=False))
        about = " · ".join(x for x in (v.meeting, v.agenda) if x)
        if v.subject:
            about += f" [{v.subject}]"
        if v.disputed:
            about += " (not on the UN library's veto list)"
        indent = " " * 12
        lines.append(indent + textwrap.shorten(about, width=WIDTH - 12, placeholder="..."))
        for o in v.ordinals:
            text = o.describe() + (f" ({ordinal(o.overall)} overall)" if o.on_topic is not None else "")
            lines.append(
                textwrap.fill(text[:1].upper() + text[1:], width=WIDTH, initial_indent=indent, subsequent_indent=indent)
            )
    vetoed = sum(1 for v in history if v.vetoed_by)
    first, last = history[0].date, history[-1].date
    span = f"on {long_date(first)}" if first == last else f"from {long_date(first)} to {long_date(last)}"
    lines.append("")
    lines.append(f"{len(history)} vote{'s' if len(history) != 1 else ''} ({vetoed} vetoed) {span}.")
    return "\n".join(lines)


def cmd_history(args: argparse.Namespace) -> int:
    if args.json and args.csv:
        raise SimulateError("give --json or --csv, not both")
    history = _history(args)
    if args.json:
        print_json(history.to_json())
        return 0
    if not len(history):
        return _nothing()
    if args.csv:
        sys.stdout.write(history.to_csv())
        return 0
    print(format_history(history))
    return 0


def _table(title: str, rows: dict[Any, dict[str, int]], members: tuple[str, ...], label: str) -> list[str]:
    heads = [SHORT.get(m, m) for m in members]
    width = max([len(label), *(len(str(k)) for k in rows), 5]) + 2
    cols = [max(len(h), 4) + 2 for h in heads]
    out = [
        title,
        f"{label:<{width}}" + "".join(f"{h:>{c}}" for h, c in zip(heads, cols, strict=True)) + f"{'total':>8}",
    ]
    totals = dict.fromkeys(members, 0)
    for key, counts in rows.items():
        out.append(
            f"{key!s:<{width}}"
            + "".join(f"{counts[m]:>{c}}" for m, c in zip(members, cols, strict=True))
            + f"{sum(counts.values()):>8}"
        )
        for m in members:
            totals[m] += counts[m]
    return out


def format_stats(stats: VetoStats, note: str) -> str:
    members = stats.members
    decades = {f"{d}s": counts for d, counts in stats.by_decade.items()}
    lines = _table("Vetoes per decade", decades, members, "decade")
    lines.append(
        f"{'total':<{max([6, *(len(k) for k in decades), 5]) + 2}}"
        + "".join(f"{stats.totals[m]:>{max(len(SHORT.get(m, m)), 4) + 2}}" for m in members)
        + f"{sum(stats.totals.values()):>8}"
    )
    lines.append("")
    lines += _table("Vetoes per topic (a text on several topics counts in each)", stats.by_topic, members, "topic")
    lines.append("")
    lines.append(textwrap.fill(note, width=WIDTH))
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    history = _history(args, vetoes_only=True)
    if not len(history):
        if args.json:
            print_json(history.stats().to_json())
            return 0
        return _nothing("veto")
    stats = history.stats()
    if args.json:
        print_json(stats.to_json())
        return 0
    note = (
        f"{stats.vetoed_texts} vetoed texts; a member counts once per text it is named on. "
        + (
            "The USSR's vetoes count as the Russian Federation's. "
            if stats.combined
            else "USSR and Russian Federation apart (--combine-successors to add them up). "
        )
        + (
            "Disputed vetoes included."
            if history.include_disputed
            else "Disputed vetoes left out (--include-disputed)."
        )
    )
    print(format_stats(stats, note))
    return 0


# ------------------------------------------------------------------ unsc counterfactual


def _rules(args: argparse.Namespace) -> list[VotingRule]:
    from ..analysis.counterfactual import builtin_rules
    from ..catalog.registry import as_rule

    return [as_rule(r) for r in (args.rule or builtin_rules())]


def format_summary(summary: Summary) -> str:
    from ..analysis.counterfactual import VERDICTS

    width = max([len(r) for r in summary.rules] + [4]) + 2
    heads = ["overcome", "still blocked", "undetermined", "not for it"]
    lines = [f"What {summary.vetoes} recorded vetoes become under each rule", ""]
    lines.append(f"{'rule':<{width}}" + "".join(f"{h:>14}" for h in heads))
    for rule in summary.rules:
        t = summary.totals[rule]
        lines.append(
            f"{rule:<{width}}" + "".join(f"{t[v]:>14}" for v in VERDICTS) + f"{summary.not_applicable[rule]:>14}"
        )
    lines.append("")
    lines.append(
        textwrap.fill(
            "Each vetoed text is decided again from its tally and the members who vetoed, through the rule itself, "
            "over every ballot profile consistent with the record; undetermined when those profiles disagree or the "
            "record has no tally. 'Not for it': vetoes cast on a council of another size than the rule's (the "
            "11-seat Council before 1966 for a 15-seat rule). --json or --csv for each vote.",
            width=WIDTH,
        )
    )
    return "\n".join(lines)


def format_outcomes(decisions: list[Decision], votes: int) -> str:
    """Every vote's outcome under each rule, counted, and how many differ from the record."""
    from ..analysis.counterfactual import OUTCOMES

    rules = list(dict.fromkeys(d.rule for d in decisions))
    width = max([len(r) for r in rules] + [4]) + 2
    lines = [f"Outcomes of {votes} votes under each rule", ""]
    lines.append(f"{'rule':<{width}}" + "".join(f"{h:>13}" for h in (*OUTCOMES, "not as voted")))
    for rule in rules:
        mine = [d for d in decisions if d.rule == rule]
        counts = [sum(1 for d in mine if d.outcome == o) for o in OUTCOMES]
        changed = sum(1 for d in mine if d.outcome not in ("undetermined", d.vote.outcome))
        lines.append(f"{rule:<{width}}" + "".join(f"{n:>13}" for n in (*counts, changed)))
    return "\n".join(lines)


def format_breakdown(summary: Summary, by: str) -> str:
    from ..analysis.counterfactual import VERDICTS

    lines = []
    for rule in summary.rules:
        table = summary.by_decade[rule] if by == "decade" else summary.by_member[rule]
        lines.append("")
        lines.append(f"{rule} (overcome / still blocked / undetermined) by {by}")
        for key, counts in table.items():
            label = f"{key}s" if by == "decade" else str(key)
            lines.append(f"  {label:<20}" + "".join(f"{counts[v]:>6}" for v in VERDICTS))
    return "\n".join(lines)


def cmd_counterfactual(args: argparse.Namespace) -> int:
    import attrs

    from ..analysis.counterfactual import decide_votes, summarize, to_csv

    if args.json and args.csv:
        raise SimulateError("give --json or --csv, not both")
    rules = _rules(args)
    history = _history(args, vetoes_only=not args.all)
    if args.all:
        history = attrs.evolve(history, votes=tuple(v for v in history if v.has_tally))
    if not len(history):
        if args.json:
            print_json([])
            return 0
        return _nothing("veto" if not args.all else "vote with a tally")
    decisions = decide_votes(history, rules, reasons=bool(args.json or args.csv))
    if args.json:
        print_json([d.to_json() for d in decisions])
        return 0
    if args.csv:
        sys.stdout.write(to_csv(decisions))
        return 0
    summary = summarize(decisions, combine_successors=history.combine_successors)
    if args.all:
        print(format_outcomes(decisions, len(history)))
        print()
    if not summary.vetoes:
        print(
            f"{len(history)} votes decided under {len(rules)} rules; none of them was vetoed "
            "(--json or --csv for each)."
        )
        return 0
    print(format_summary(summary))
    if args.by:
        print(format_breakdown(summary, args.by))
    return 0


# ------------------------------------------------------------------ unsc replay of a tally


def _find_entry(text: str) -> HistoryVote | None:
    """The record's entry for a draft symbol, a resolution or a vote's key (None if there is none)."""
    from ..analysis.history import load_history
    from ..io.record import find_vote

    wanted = " ".join(text.split()).casefold()
    entries = load_history(include_disputed=True)
    for entry in entries:
        if entry.symbol.casefold() == wanted:
            return entry
    try:
        vote = find_vote(text)
    except UnknownNameError:
        return None
    for entry in entries:
        if entry.date == vote.date and entry.symbol in (vote.symbol, *vote.drafts, vote.resolution):
            return entry
    return None


def replay_from_record(args: argparse.Namespace, missing: UnknownNameError) -> int:
    """``unsc replay SYMBOL`` for a vote of the record without a scenario file: what its tally decides."""
    from pathlib import Path

    from ..analysis.counterfactual import decide_votes
    from ..catalog.registry import as_rule, default_rule
    from ..render.text import long_date

    text = str(args.scenario)
    if text.endswith(".toml") or Path(text).exists():
        raise missing
    entry = _find_entry(text)
    if entry is None:
        from ..analysis.history import load_history

        choices = [*missing.suggestions, *(v.symbol for v in load_history(include_disputed=True))]
        raise UnknownNameError(
            "scenario or vote", text, choices, hint="(a draft symbol or resolution of the record, or a .toml file)"
        )
    if args.changes or getattr(args, "new", None):
        raise SimulateError(
            f"{entry.symbol} has no member-by-member ballots in the data (only its tally), so --whatif, --set and "
            "--new cannot apply; write a scenario file to ask what-ifs (see scenarios/README.md)"
        )
    rule = as_rule(args.rule) if args.rule else default_rule(entry.date)
    decision = decide_votes([entry], [rule])[0]
    note = "Member-by-member ballots are not in the data: this is what the tally decides."
    if args.json:
        print_json(
            {
                **decision.to_json(),
                "meeting": entry.meeting,
                "agenda": entry.agenda,
                "subject": entry.subject,
                "yes": entry.yes,
                "no": entry.no,
                "abstain": entry.abstain,
                "non_voting": entry.non_voting,
                "ballots": None,
                "notes": [note],
            }
        )
        return 0
    lines = [f"{entry.symbol} · {long_date(entry.date)}" + (f" · {entry.meeting}" if entry.meeting else "")]
    if entry.agenda:
        lines.append(textwrap.fill(entry.agenda + (f" [{entry.subject}]" if entry.subject else ""), width=WIDTH))
    lines.append(
        textwrap.fill(f"Rule: {rule.name} ({rule.summary()})", width=WIDTH, initial_indent="  ", subsequent_indent="  ")
    )
    lines.append("")
    if entry.has_tally:
        tally = f"Tally: {entry.yes} in favour, {entry.no} against, {entry.abstain} abstaining"
        if entry.non_voting:
            tally += f", {entry.non_voting} not voting"
        lines.append(tally + f" ({entry.tally})")
    else:
        lines.append("Tally: not in the record")
    recorded = f"Recorded: {_outcome_text(entry)}"
    if entry.ordinals:
        recorded += " (" + "; ".join(o.describe() for o in entry.ordinals) + ")"
    lines.append(textwrap.fill(recorded + ".", width=WIDTH))
    lines.append("")
    lines.append(textwrap.fill(note, width=WIDTH))
    said = decision.reason if rule.name in decision.reason else f"Under {rule.name}: {decision.reason}"
    lines.append(textwrap.fill(said, width=WIDTH))
    print("\n".join(lines))
    return 0


# ------------------------------------------------------------------ figures


def _plot_veto_decades(args: argparse.Namespace) -> int:
    from .plot import _check_output, _save

    output = _check_output(args.output)
    history = _history(args, vetoes_only=True)
    if not len(history):
        return _nothing("veto")
    from ..figures.history import plot_veto_decades

    print(_save(plot_veto_decades(history), output, "veto-decades"))
    return 0


def _plot_syria(args: argparse.Namespace) -> int:
    from .plot import _check_output, _save

    output = _check_output(args.output)
    from ..analysis.history import load_history
    from ..figures.history import plot_syria

    history = load_history().filter(topic=args.topic, since=args.since, until=args.until)
    if not len(history):
        return _nothing()
    print(_save(plot_syria(history), output, f"{args.topic}-timeline"))
    return 0


def _plot_counterfactual(args: argparse.Namespace) -> int:
    from .plot import _check_output, _save

    output = _check_output(args.output)
    rules = _rules(args)
    history = _history(args, vetoes_only=True)
    if not len(history):
        return _nothing("veto")
    from ..analysis.counterfactual import decide_votes, summarize
    from ..figures.history import plot_counterfactual

    summary = summarize(decide_votes(history, rules, reasons=False), combine_successors=history.combine_successors)
    print(_save(plot_counterfactual(summary), output, "counterfactual"))
    return 0


_OUTPUT_HELP = "write to FILE (.png, .svg or .pdf; default: a new .png under out/)"


def register_plots(kinds: Any, formatter: type) -> None:
    """Add ``veto-decades``, ``syria`` and ``counterfactual`` to ``unsc plot``."""
    p = kinds.add_parser(
        "veto-decades",
        help="vetoes per decade by member (stacked bars)",
        formatter_class=formatter,
        description=(
            "Vetoes per decade, one stacked bar per decade, one colour and hatch per member\n"
            "(the USSR and the Russian Federation apart unless --combine-successors).\n\n"
            "examples:\n  unsc plot veto-decades\n  unsc plot veto-decades --topic israel-palestine -o ip.png"
        ),
    )
    _add_filters(p, outcome=False)
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=_plot_veto_decades)

    p = kinds.add_parser(
        "syria",
        help="timeline of the Syria drafts: vetoed by whom, or short of votes",
        formatter_class=formatter,
        description=(
            "The failed drafts on a topic (default: syria) on a timeline: each draft a mark,\n"
            "vetoed (by whom) or short of votes, with each vetoer's running count.\n\n"
            "examples:\n  unsc plot syria\n  unsc plot syria --until 2016-12-31 -o aleppo-years.png"
        ),
    )
    p.add_argument("--topic", default="syria", metavar="TOPIC", help="the topic (default: syria)")
    p.add_argument("--since", metavar="DATE", help="from this date, inclusive")
    p.add_argument("--until", metavar="DATE", help="up to this date, inclusive")
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=_plot_syria)

    p = kinds.add_parser(
        "counterfactual",
        help="vetoes overcome under each rule",
        formatter_class=formatter,
        description=(
            "For each rule, how many recorded vetoes it overcomes, still blocks or leaves\n"
            "undetermined (see `unsc counterfactual`).\n\n"
            "examples:\n  unsc plot counterfactual\n"
            "  unsc plot counterfactual -r two-vetoes -r veto-abolished-9 -r french-mexican-restraint"
        ),
    )
    p.add_argument(
        "--rule", "-r", action="append", metavar="RULE", help="a rule (repeatable; default: every built-in rule)"
    )
    _add_filters(p, outcome=False)
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=_plot_counterfactual)


# ------------------------------------------------------------------ registration


def register(sub: Any, formatter: type) -> None:
    p = sub.add_parser(
        "history",
        help="the record: every vote and veto since 1946, filtered",
        formatter_class=formatter,
        description=(
            "List the votes of the record (the UN library's meeting tables 1946 to June 2022,\n"
            "its veto list with later vetoes, and the later failed Syria drafts), in date\n"
            "order. Each veto says which veto it was for each member, overall and on its\n"
            "topic. Filters combine (all must hold); --vetoed-by repeats (any of them).\n"
            "Dates are inclusive.\n\n"
            "examples:\n"
            '  unsc history --vetoed-by "Russian Federation" --topic syria --until 2016-12-05\n'
            "  unsc history --vetoed-by China --topic syria --json\n"
            "  unsc history --since 2016 --until 2016 --outcome vetoed --csv\n"
            "  unsc history --vetoed-by USSR --vetoed-by Russia --combine-successors\n"
            "  unsc history stats\n"
            "  unsc history stats --since 1990 --json"
        ),
    )
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per vote")
    p.add_argument("--csv", action="store_true", help="print CSV, one row per vote")
    p.set_defaults(func=cmd_history)
    sub2 = p.add_subparsers(title="subcommands", metavar="SUBCOMMAND")
    s = sub2.add_parser(
        "stats",
        help="vetoes per member per decade and per topic",
        formatter_class=formatter,
        description=(
            "Vetoes per member per decade and per topic, as tables (or --json). A member\n"
            "counts once per vetoed text it is named on.\n\n"
            "examples:\n  unsc history stats\n  unsc history stats --combine-successors --json"
        ),
    )
    _add_filters(s, vetoed_by=False, outcome=False)
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "counterfactual",
        help="every vetoed draft decided again under other rules",
        formatter_class=formatter,
        description=(
            "Decide every vetoed text of the record (--all: every vote with a tally) again\n"
            "under each rule: from its tally and the members who vetoed, over every ballot\n"
            "profile consistent with the record, through the rule itself. The answer is\n"
            "'undetermined', with the reason, when those profiles disagree; for an enlarged\n"
            "council, it counts the combinations of the new seats' ballots (passes in k of\n"
            "3^m). Default rules: every built-in rule.\n\n"
            "examples:\n"
            "  unsc counterfactual --rule two-vetoes --rule french-mexican-restraint\n"
            "  unsc counterfactual -r veto-abolished-9 --by decade\n"
            "  unsc counterfactual -r g4-2005 --topic syria --json\n"
            "  unsc counterfactual --all --since 2016 --until 2016 -r strict-concurrence --csv"
        ),
    )
    p.add_argument(
        "--rule", "-r", action="append", metavar="RULE", help="a rule (repeatable; default: every built-in rule)"
    )
    p.add_argument("--all", action="store_true", help="every vote with a tally, not only the vetoed texts")
    p.add_argument("--by", choices=("decade", "member"), help="also break the verdicts down by decade or by member")
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="a JSON array, one object per vote and rule")
    p.add_argument("--csv", action="store_true", help="CSV, one row per vote and rule")
    p.set_defaults(func=cmd_counterfactual)
