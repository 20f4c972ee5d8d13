"""Plain-text reports for an 80-column terminal: a replay, a what-if grid, lists."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: replay's output need not import the grid and reform engines
    from ..engine.grid import GridCell
    from ..engine.reform import EnlargedOutcome
    from ..engine.replay import Outcome
    from ..model.records import VoteRecord

__all__ = ["cell_label", "format_enlarged", "format_grid", "format_outcome", "long_date", "wrap"]

WIDTH = 80


def long_date(date: datetime.date) -> str:
    """``2016-12-05`` -> ``5 December 2016``."""
    return f"{date.day} {date.strftime('%B %Y')}"


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    """``text`` filled to the terminal's 80 columns (:data:`WIDTH`): the first line indented by
    ``first`` (default ``indent``), the others by ``indent``."""
    return textwrap.fill(
        text, width=WIDTH, initial_indent=indent if first is None else first, subsequent_indent=indent
    )


def format_outcome(outcome: Outcome, baseline: VoteRecord | None = None, descriptions: Sequence[str] = ()) -> str:
    """The replay report: heading, each member's ballot, tally and the reason.

    Ballots that differ from ``baseline`` are marked "(was ...)"; blocking
    members are marked VETO.
    """
    record = outcome.record
    draft = record.draft
    lines = [f"{draft.symbol} · {long_date(draft.date)}" + (f" · {draft.meeting}" if draft.meeting else "")]
    if draft.title:
        lines.append(wrap(draft.title))
    if draft.sponsors:
        lines.append(wrap("Sponsors: " + ", ".join(m.name for m in draft.sponsors), indent="  ", first=""))
    lines.append(wrap(f"Rule: {outcome.rule.name} ({outcome.rule.summary()})", indent="  ", first=""))
    for name, text in zip(outcome.whatifs, descriptions or outcome.whatifs, strict=False):
        lines.append(wrap(f"What-if: {name}" + (f": {text}" if text != name else ""), indent="  ", first=""))
    lines.append("")
    name_width = max(len(n) for n in record.council.names) + 2
    seat_width = max(len(s.label) for s in record.council.seats) + 2
    lines.append(f"  {'Member':<{name_width}}{'Seat':<{seat_width}}Ballot")
    blocking = set(outcome.vetoed_by)
    old = baseline.by_member() if baseline is not None else {}
    for seat in record.council.seats:
        name = seat.member.name
        ballot = outcome.ballots[name]
        mark = ""
        if name in blocking:
            mark = "VETO"
        if name in old and old[name] != ballot:
            mark = (mark + " " if mark else "") + f"(was {old[name]})"
        lines.append(f"  {name:<{name_width}}{seat.label:<{seat_width}}{ballot!s:<9}{mark}".rstrip())
    lines.append("")
    tally = f"Tally: {outcome.yes} in favour, {outcome.no} against, {outcome.abstain} abstaining"
    if outcome.absent:
        tally += f", {outcome.absent} absent"
    lines.append(tally + f" ({outcome.tally})")
    for note in outcome.notes:
        lines.append(wrap(f"Note: {note}", indent="  ", first=""))
    lines.append(wrap(outcome.reason))
    return "\n".join(lines)


def cell_label(outcome: Outcome) -> str:
    """A grid cell: ``adopted 11-1-3``, ``vetoed 11-3-1``, ``short 4-9-2``."""
    return f"{outcome.verdict} {outcome.tally}"


def format_grid(cells: Sequence[GridCell]) -> str:
    """The what-if grid as a table: rows are what-ifs, columns rules."""
    rows = list(dict.fromkeys(c.whatif for c in cells))
    rules = list(dict.fromkeys(c.rule for c in cells))
    labels = {(c.whatif, c.rule): cell_label(c.outcome) + (" *" if c.overridden else "") for c in cells}
    first = max(len("what-if"), *(len(r) for r in rows)) + 2
    widths = [max(len(r), *(len(labels[(w, r)]) for w in rows)) + 2 for r in rules]
    symbol = cells[0].outcome.symbol if cells else ""
    lines = [f"{symbol}: outcome of the baseline and each what-if under each rule", ""]
    lines.append(f"{'what-if':<{first}}" + "".join(f"{r:<{w}}" for r, w in zip(rules, widths, strict=True)))
    lines.append("-" * (first + sum(widths)))
    for row in rows:
        lines.append(
            f"{row:<{first}}"
            + "".join(f"{labels[(row, r)]:<{w}}" for r, w in zip(rules, widths, strict=True)).rstrip()
        )
    overridden = sorted({(c.whatif, c.outcome.rule.name) for c in cells if c.overridden})
    for whatif, used in overridden:
        note = f"* {whatif} sets its own rule: decided under {used}, not the column's rule"
        lines.append(wrap(note, indent="  ", first=""))
    return "\n".join(lines)


def format_enlarged(result: EnlargedOutcome, descriptions: Sequence[str] = ()) -> str:
    """The ``unsc reform`` report."""
    if result.outcome is not None:
        text = format_outcome(result.outcome, descriptions=descriptions)
        if result.supplied:
            text += "\n" + wrap(f"New seats: {result.supplied}.")
        return text
    draft = result.record.draft
    lines = [f"{draft.symbol} · {long_date(draft.date)}" + (f" · {draft.meeting}" if draft.meeting else "")]
    if draft.title:
        lines.append(wrap(draft.title))
    lines.append(wrap(f"Rule: {result.rule.name} ({result.rule.summary()})", indent="  ", first=""))
    for name, text in zip(result.whatifs, descriptions or result.whatifs, strict=False):
        lines.append(wrap(f"What-if: {name}" + (f": {text}" if text != name else ""), indent="  ", first=""))
    if result.supplied:
        lines.append(wrap(f"New seats: {result.supplied}", indent="  ", first=""))
    lines.append("")
    council = result.council
    name_width = max(len(n) for n in council.names) + 2
    seat_width = max(len(s.label) for s in council.seats) + 2
    lines.append(f"  {'Member':<{name_width}}{'Seat':<{seat_width}}Ballot")
    for seat in council.seats:
        name = seat.member.name
        ballot = "?" if name in result.unknown else str(result.known[name])
        mark = ""
        lines.append(f"  {name:<{name_width}}{seat.label:<{seat_width}}{ballot:<9}{mark}".rstrip())
    lines.append("")
    lines.append(wrap(result.headline()))
    if 0 < result.adopted < result.combinations:
        lines.append("")
        lines.append(f"  {'yes among them':<16}{'combinations':>14}{'passing':>14}")
        for y, total, adopted in result.by_yes:
            lines.append(f"  {y:<16}{total:>14,}{adopted:>14,}")
    lines.append("")
    lines.append(
        wrap(
            "Each unknown seat votes yes, no or abstain; no ballot is invented. Supply them with --new "
            "(e.g. --new permanent=yes)."
        )
    )
    return "\n".join(lines)
