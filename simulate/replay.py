"""Replaying a vote: the outcome of one record under one rule, and the what-if grid.

The outcome is read off the same vectorised :meth:`Rule.tally` that decides
millions of profiles at once (a batch of one), so the replay and the engine
cannot drift apart.

Outcome semantics (United Nations practice):

* adopted iff affirmative votes >= required and no blocking negative vote;
* ``vetoed_by``: veto holders whose blocking ballot defeated a draft that
  otherwise had the required votes; a draft short of votes is not vetoed;
* ``negative_permanent``: permanent members that voted against, whatever the result;
* ``short_by``: affirmative votes missing (0 when enough).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .ballots import Ballot
from .council import Council, Seat
from .errors import SimulateError
from .members import join_names
from .records import VoteRecord
from .rules import FunctionRule, Matter, Rule, as_rule, default_rule, strict_counterpart
from .scenarios import Scenario
from .whatif import Change, NewSeats, WhatIf, apply_changes

__all__ = ["Outcome", "replay", "decide_record", "grid", "GridCell", "new_seat_ballots"]


@attrs.frozen
class Outcome:
    """The outcome of one vote under one rule."""

    record: VoteRecord
    rule: Rule | FunctionRule
    adopted: bool
    yes: int
    no: int
    abstain: int
    absent: int
    required: int | None
    short_by: int
    vetoed_by: tuple[str, ...]
    negative_permanent: tuple[str, ...]
    reason: str
    #: effective ballots by member (after obligatory abstentions), in seat order
    ballots: dict[str, Ballot]
    whatifs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def symbol(self) -> str:
        return self.record.draft.symbol

    @property
    def tally(self) -> str:
        """"11-3-1": in favour, against, abstaining (and "-N absent" when any)."""
        text = f"{self.yes}-{self.no}-{self.abstain}"
        return text + (f"-{self.absent}" if self.absent else "")

    def to_json(self) -> dict:
        """The ``unsc replay --json`` object."""
        draft = self.record.draft
        return {
            "symbol": draft.symbol,
            "date": draft.date.isoformat(),
            "rule": self.rule.name,
            "matter": str(draft.matter),
            "adopted": self.adopted,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "absent": self.absent,
            "required": self.required,
            "short_by": self.short_by,
            "vetoed_by": list(self.vetoed_by),
            "negative_permanent": list(self.negative_permanent),
            "reason": self.reason,
            "ballots": {m: str(b) for m, b in self.ballots.items()},
            "whatifs": list(self.whatifs),
            "notes": list(self.notes),
        }


def decide_record(record: VoteRecord, rule: Rule | FunctionRule | str | None = None, whatifs: Sequence[str] = ()) -> Outcome:
    """The outcome of ``record`` under ``rule`` (default: the record's own rule,
    else the Charter rule in force on its date)."""
    if rule is None:
        rule = record.rule if record.rule is not None else default_rule(record.draft.date)
    rule = as_rule(rule)
    record = _enlarge(record, rule)
    motion = record.motion
    t = rule.tally(record.profile, motion)
    council = record.council
    adopted = bool(t.adopted[0])
    yes = int(t.yes[0])
    required = t.required
    short_by = max(0, required - yes) if required is not None else 0
    blockers = [council.names[i] for i in range(council.size) if t.blockers[0, i]]
    vetoed = (not adopted) and short_by == 0 and len(blockers) >= t.vetoes_to_block
    vetoed_by = tuple(blockers) if vetoed else ()
    negative_permanent = tuple(
        s.member.name for s, b in zip(council.seats, t.effective[0], strict=True) if s.permanent and b == Ballot.NO
    )
    effective = {name: Ballot(int(b)) for name, b in zip(council.names, t.effective[0], strict=True)}
    notes = []
    for name, recorded in record.by_member().items():
        if effective[name] != recorded:
            notes.append(
                f"{name} is a party to the dispute and must abstain (Article 27(3)); its {recorded} counts as an abstention"
            )
    reason = _reason(
        rule, adopted, yes, required, short_by, vetoed_by, negative_permanent, blockers, effective, record, t.vetoes_to_block
    )
    return Outcome(
        record=record,
        rule=rule,
        adopted=adopted,
        yes=yes,
        no=int(t.no[0]),
        abstain=int(t.abstain[0]),
        absent=int(t.absent[0]),
        required=required,
        short_by=short_by,
        vetoed_by=vetoed_by,
        negative_permanent=negative_permanent,
        reason=reason,
        ballots=effective,
        whatifs=tuple(whatifs),
        notes=tuple(notes),
    )


def new_seat_ballots(record: VoteRecord, rule: Rule, new_seats: NewSeats) -> tuple[Council, list[Seat], dict[str, Ballot]]:
    """For a rule whose council is larger than the record's: the enlarged council,
    the seats it adds, and the ballots ``new_seats`` gives them (by seat name)."""
    council = rule.council_for(record.council)
    sat = set(record.council.names)
    added = [seat for seat in council.seats if seat.member.name not in sat]
    return council, added, new_seats.resolve(added)


def _enlarge(record: VoteRecord, rule: Rule | FunctionRule) -> VoteRecord:
    """The record on the council of an enlarged rule, its new seats voting as
    the record's ``new_seats`` say; an error when any new seat has no ballot."""
    if not isinstance(rule, Rule) or not rule.enlarged or record.council.size >= rule.seats:
        return record
    council, added, supplied = new_seat_ballots(record, rule, NewSeats(record.new_seats))
    unknown = [seat.member.name for seat in added if seat.member.name not in supplied]
    if unknown:
        raise SimulateError(
            f"rule {rule.name} is for a council of {rule.seats} seats, but {record.draft.symbol} was voted on by "
            f"{record.council.size}: {len(unknown)} new seats have no ballot (give them with --new, e.g. "
            f"--new permanent=yes, or a what-if's new_seats; or count every combination with `unsc reform`)"
        )
    ballots = {**record.by_member(), **supplied}
    return attrs.evolve(record, council=council, ballots=[ballots[name] for name in council.names])


def _votes(n: int) -> str:
    return f"{n} vote{'s' if n != 1 else ''} in favour"


def _negative_votes(names: Sequence[str]) -> str:
    """"the negative vote of France does" / "the negative votes of China and ... do"."""
    if len(names) == 1:
        return f"the negative vote of {join_names(names)} does"
    return f"the negative votes of {join_names(names)} do"


def _blocking_phrase(names: Sequence[str], effective: dict[str, Ballot]) -> str:
    if all(effective[n] == Ballot.NO for n in names):
        return join_names(names)
    return join_names([f"{n} ({effective[n].label})" for n in names])


def _reason(
    rule, adopted, yes, required, short_by, vetoed_by, negative_permanent, blockers, effective, record, vetoes_to_block
) -> str:
    if required is None:  # a user's function rule: no quota to speak of
        return f"{'Adopted' if adopted else 'Not adopted'} under {rule.name}: {_votes(yes)}."
    procedural = record.draft.matter is Matter.PROCEDURAL
    if adopted:
        text = f"Adopted: {_votes(yes)} ({required} required)"
        if negative_permanent and procedural:
            text += f"; a procedural matter, so {_negative_votes(negative_permanent)} not block"
        elif negative_permanent and isinstance(rule, Rule) and not rule.veto:
            text += f"; no veto under {rule.name}, so {_negative_votes(negative_permanent)} not block"
        elif blockers:
            text += (
                f"; {join_names(blockers)} voted against, but {vetoes_to_block} permanent negative votes "
                f"are needed to block under {rule.name}"
            )
        elif negative_permanent:
            text += f"; {_negative_votes(negative_permanent)} not block under {rule.name}"
        else:
            text += " and no veto"
        return text + "."
    if vetoed_by:
        return f"Not adopted: {_votes(yes)} ({required} required), but vetoed by {_blocking_phrase(vetoed_by, effective)}."
    text = f"Not adopted: only {_votes(yes)}, {short_by} short of the {required} required"
    if blockers:
        text += f"; not a veto, although {_blocking_phrase(blockers, effective)} "
        text += "voted against" if all(effective[n] == Ballot.NO for n in blockers) else "would have blocked"
    return text + "."


def replay(
    scenario: Scenario,
    changes: Sequence[WhatIf | Change | str] = (),
    rule: Rule | FunctionRule | str | None = None,
) -> Outcome:
    """Replay a scenario with what-ifs applied in order.

    ``changes`` holds what-if names of the scenario, :class:`WhatIf` objects or
    single changes. ``rule`` replaces the draft's own rule; a what-if that
    changes the rule applies on top of it.

    >>> from simulate.scenarios import load_scenario
    >>> december = load_scenario("S/2016/1026")
    >>> replay(december).reason
    'Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation.'
    >>> replay(december, ["china-abstains-again"]).vetoed_by
    ('Russian Federation',)
    """
    record = scenario.record
    if rule is not None:
        record = attrs.evolve(record, rule=as_rule(rule))
    resolved = [scenario.whatif(c) if isinstance(c, str) else c for c in changes]
    record = apply_changes(record, resolved, scenario.lookup)
    names = tuple(c.name if isinstance(c, WhatIf) else c.describe() for c in resolved)
    return decide_record(record, whatifs=names)


@attrs.frozen
class GridCell:
    """One cell of the what-if grid."""

    whatif: str
    rule: str
    outcome: Outcome


def grid(
    scenario: Scenario,
    rules: Sequence[Rule | FunctionRule | str] = (),
    changes: Sequence[WhatIf | Change] = (),
) -> list[GridCell]:
    """The baseline and every named what-if of ``scenario`` under every rule.

    Default rules: the draft's own rule and the literal-reading rule of its era.
    Rows are ``"baseline"`` then the what-ifs in file order. ``changes`` apply to
    every row first (e.g. :class:`~simulate.whatif.NewSeats`, the ballots of a
    reform council's new seats, so that reform rules can be columns).
    """
    if not rules:
        own = as_rule(scenario.record.rule) if scenario.record.rule else default_rule(scenario.record.draft.date)
        rules = [own, strict_counterpart(own)]
    resolved = [as_rule(r) for r in rules]
    cells = []
    for row in ["baseline", *scenario.whatifs]:
        for rule in resolved:
            outcome = replay(scenario, [*changes, *([] if row == "baseline" else [row])], rule=rule)
            cells.append(GridCell(row, rule.name, outcome))
    return cells


