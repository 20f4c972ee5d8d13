"""Replaying a vote: the outcome of one record under one rule.

The outcome is read off the rule's own vectorised ``tally`` (a batch of one),
the same call that decides millions of profiles at once, so the replay and the
engine cannot drift apart; the sentence comes from :mod:`simulate.engine.words`.

Outcome semantics (United Nations practice):

* adopted iff affirmative votes >= required and no blocking negative vote;
* ``vetoed_by``: veto holders whose blocking ballot defeated a draft that
  otherwise had the required votes; a draft short of votes is not vetoed;
* ``negative_permanent``: permanent members that voted against, whatever the result;
* ``short_by``: affirmative votes missing (0 when enough).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import attrs

from ..catalog.registry import as_rule, default_rule
from ..catalog.scenarios import Scenario
from ..errors import SimulateError
from ..model.ballots import Ballot
from ..model.council import Council, Seat
from ..model.motion import Matter
from ..model.records import RecordedResult, VoteRecord
from ..model.whatif import Change, NewSeats, WhatIf, apply_changes
from ..rules.protocol import VotingRule
from .words import Facts, Verdict, reason, verdict_of

__all__ = ["Outcome", "decide_record", "new_seat_ballots", "record_disagreement", "record_rule", "replay"]


@attrs.frozen
class Outcome:
    """The outcome of one vote under one rule."""

    record: VoteRecord
    rule: VotingRule
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
    #: what the sentence was made from (see :mod:`simulate.engine.words`)
    facts: Facts | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def verdict(self) -> Verdict:
        """adopted, vetoed, short or failed."""
        if self.facts is not None:
            return verdict_of(self.facts)
        if self.adopted:
            return Verdict.ADOPTED
        return Verdict.VETOED if self.vetoed_by else (Verdict.SHORT if self.short_by else Verdict.FAILED)

    @property
    def symbol(self) -> str:
        return self.record.draft.symbol

    @property
    def tally(self) -> str:
        """"11-3-1": in favour, against, abstaining (and "-N absent" when any)."""
        text = f"{self.yes}-{self.no}-{self.abstain}"
        return text + (f"-{self.absent}" if self.absent else "")

    def to_json(self) -> dict[str, Any]:
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


def record_rule(record: VoteRecord) -> VotingRule:
    """The rule ``record`` is decided under: its own, else the Charter rule in force on its date."""
    if record.rule is None:
        return default_rule(record.draft.date)
    return as_rule(cast("str | VotingRule", record.rule))  # the model layer cannot name rule types


def decide_record(record: VoteRecord, rule: VotingRule | str | None = None, whatifs: Sequence[str] = ()) -> Outcome:
    """The outcome of ``record`` under ``rule`` (default: the record's own rule,
    else the Charter rule in force on its date)."""
    rule = as_rule(rule) if rule is not None else record_rule(record)
    enlarged = enlarge_record(record, rule)
    unused = ""
    if record.new_seats and enlarged is record:
        unused = (
            f"ballots were given for new seats ({NewSeats(record.new_seats).describe()}), but they were not used: "
            f"rule {rule.name} is for the {record.council.size} seats that voted and adds none"
        )
    record = enlarged
    motion = record.motion
    t = rule.tally(record.profile, motion)
    council = record.council
    adopted = bool(t.adopted[0])
    yes = int(t.yes[0])
    blockers = tuple(council.names[i] for i in range(council.size) if t.blockers[0, i])
    vetoed_by = blockers if bool(t.vetoed[0]) else ()
    negative_permanent = tuple(
        s.member.name for s, b in zip(council.seats, t.effective[0], strict=True) if s.permanent and b == Ballot.NO
    )
    effective = {name: Ballot(int(b)) for name, b in zip(council.names, t.effective[0], strict=True)}
    notes = [
        f"{name} is a party to the dispute and must abstain (Article 27(3)); its {recorded} counts as an abstention"
        for name, recorded in record.by_member().items()
        if effective[name] != recorded
    ]
    if unused:
        notes.append(unused)
    veto_seats = t.veto_seats if t.veto_seats is not None else council.veto_mask
    facts = Facts(
        rule=rule.name,
        adopted=adopted,
        yes=yes,
        required=t.required,
        short_by=int(t.short_by[0]),
        vetoed_by=vetoed_by,
        negative_permanent=negative_permanent,
        blockers=blockers,
        ballots=effective,
        vetoes_to_block=t.vetoes_to_block,
        procedural=record.draft.matter is Matter.PROCEDURAL,
        no_veto=not bool(veto_seats.any()),
        groups=tuple((g.label, int(g.yes[0]), g.required) for g in t.groups),
    )
    return Outcome(
        record=record,
        rule=rule,
        adopted=adopted,
        yes=yes,
        no=int(t.no[0]),
        abstain=int(t.abstain[0]),
        absent=int(t.absent[0]),
        required=t.required,
        short_by=int(t.short_by[0]),
        vetoed_by=vetoed_by,
        negative_permanent=negative_permanent,
        reason=reason(facts),
        ballots=effective,
        whatifs=tuple(whatifs),
        notes=tuple(notes),
        facts=facts,
    )


def new_seat_ballots(
    record: VoteRecord, rule: VotingRule, new_seats: NewSeats
) -> tuple[Council, list[Seat], dict[str, Ballot]]:
    """For a rule whose council is larger than the record's: the enlarged council,
    the seats it adds, and the ballots ``new_seats`` gives them (by seat name)."""
    council = rule.council_for(record.council)
    sat = set(record.council.names)
    added = [seat for seat in council.seats if seat.member.name not in sat]
    return council, added, new_seats.resolve(added)


def enlarge_record(record: VoteRecord, rule: VotingRule) -> VoteRecord:
    """The record on the council ``rule`` decides on: as it is, or enlarged with the
    new seats voting as the record's ``new_seats`` say (an error when any new
    seat has no ballot, and when the rule was made for another council)."""
    council = rule.council_for(record.council)
    if council.size == record.council.size:
        return record
    council, added, supplied = new_seat_ballots(record, rule, NewSeats(record.new_seats))
    unknown = [seat.member.name for seat in added if seat.member.name not in supplied]
    if unknown:
        raise SimulateError(
            f"rule {rule.name} is for a council of {council.size} seats, but {record.draft.symbol} was voted on by "
            f"{record.council.size}: {len(unknown)} new seats have no ballot (give them with --new, e.g. "
            f"--new permanent=yes, or a what-if's new_seats; or count every combination with `unsc reform`)"
        )
    ballots = {**record.by_member(), **supplied}
    return attrs.evolve(record, council=council, ballots=[ballots[name] for name in council.names])


def replay(
    scenario: Scenario,
    changes: Sequence[WhatIf | Change | str] | str = (),
    rule: VotingRule | str | None = None,
) -> Outcome:
    """Replay a scenario with what-ifs applied in order.

    ``changes`` holds what-if names of the scenario, :class:`WhatIf` objects or
    single changes (one name alone is one what-if). Replaying the vote as
    recorded, a file's ``[record]`` table is compared with the result: a
    disagreement is a note. ``rule`` replaces the draft's own rule; a what-if that
    changes the rule applies on top of it.

    >>> from simulate.catalog.scenarios import load_scenario
    >>> december = load_scenario("S/2016/1026")
    >>> replay(december).reason
    'Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation.'
    >>> replay(december, ["china-abstains-again"]).vetoed_by
    ('Russian Federation',)
    """
    record = scenario.record
    if rule is not None:
        record = attrs.evolve(record, rule=as_rule(rule))
    if isinstance(changes, str):  # one what-if's name, not a list of its letters
        changes = [changes]
    resolved = [scenario.whatif(c) if isinstance(c, str) else c for c in changes]
    record = apply_changes(record, resolved, scenario.lookup)
    names = tuple(c.name if isinstance(c, WhatIf) else c.describe() for c in resolved)
    outcome = decide_record(record, whatifs=names)
    if not resolved and scenario.expected is not None and outcome.rule.name == record_rule(scenario.record).name:
        disagreement = record_disagreement(scenario.expected, scenario.record, outcome)
        if disagreement:
            outcome = attrs.evolve(outcome, notes=(*outcome.notes, disagreement))
    return outcome


def record_disagreement(expected: RecordedResult, record: VoteRecord, outcome: Outcome) -> str:
    """A note when a scenario file's ``[record]`` table (what the meeting record says)
    disagrees with its ballots or with the replay of them; ``""`` when they agree."""
    counts = {ballot: 0 for ballot in Ballot}
    for ballot in record.ballots:
        counts[ballot] += 1
    said = {"yes": expected.yes, "no": expected.no, "abstain": expected.abstain, "absent": expected.absent}
    found = {str(ballot): counts[ballot] for ballot in Ballot}
    parts = [f"{key} = {said[key]} (the [votes] table has {found[key]})" for key in said if said[key] != found[key]]
    if expected.adopted != outcome.adopted:
        parts.append(f"adopted = {str(expected.adopted).lower()} (the replay: {str(outcome.adopted).lower()})")
    vetoed = sorted(m.name for m in expected.vetoed_by)
    if vetoed != sorted(outcome.vetoed_by):
        parts.append(
            f"vetoed_by = {vetoed} (the replay: {sorted(outcome.vetoed_by)})".replace("'", '"')
        )
    if not parts:
        return ""
    return "this file's [record] table disagrees with the replay: " + "; ".join(parts)
