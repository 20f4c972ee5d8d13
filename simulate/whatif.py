"""What-ifs: changes to a recorded vote, applied in order with :func:`attrs.evolve`.

Four kinds of change, which compose:

* :class:`SetBallots` -- members cast the given ballots ("Russia abstains");
* :class:`AsOn` -- members vote as they did on another draft ("China votes as on
  S/2016/846");
* :class:`Follow` -- members follow a leader (a bloc: "Venezuela and Angola vote
  as the Russian Federation does");
* :class:`SetRule` -- the draft is decided under another rule.

A :class:`WhatIf` is a named sequence of changes; a list of what-ifs applies one
after the other, so ``[china-abstains-again, russia-abstains]`` is both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from .ballots import Ballot, parse_ballot
from .errors import SimulateError
from .members import Member, resolve_member
from .records import VoteRecord
from .rules import get_rule

__all__ = ["SetBallots", "AsOn", "Follow", "SetRule", "WhatIf", "Change", "apply_changes"]

#: Looks up another draft's record by symbol (for :class:`AsOn`).
Lookup = Callable[[str], VoteRecord]


def _members(values: Iterable[str | Member]) -> tuple[Member, ...]:
    members = tuple(resolve_member(v) for v in values)
    seen: set[Member] = set()
    for m in members:
        if m in seen:
            raise SimulateError(f"{m.name} is listed twice")
        seen.add(m)
    return members


def _pairs(values) -> tuple[tuple[Member, Ballot], ...]:
    items = values.items() if isinstance(values, dict) else values
    pairs = tuple((resolve_member(m), parse_ballot(b)) for m, b in items)
    _members([m for m, _ in pairs])
    return pairs


@attrs.frozen
class SetBallots:
    """Members cast the given ballots."""

    ballots: tuple[tuple[Member, Ballot], ...] = attrs.field(converter=_pairs)

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        return record.with_ballots(dict(self.ballots))

    def describe(self) -> str:
        return ", ".join(f"{m.name} {b}" for m, b in self.ballots)


@attrs.frozen
class AsOn:
    """Members vote as they did on the draft ``symbol``."""

    symbol: str
    members: tuple[Member, ...] = attrs.field(converter=_members)

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        if lookup is None:
            raise SimulateError(f"cannot look up {self.symbol}: no scenario library given")
        other = lookup(self.symbol)
        changes = {}
        for member in self.members:
            if member not in other.council:
                raise SimulateError(f"{member.name} did not sit on the council that voted on {self.symbol}")
            changes[member] = other.ballot(member)
        return record.with_ballots(changes)

    def describe(self) -> str:
        return ", ".join(m.name for m in self.members) + f" vote as on {self.symbol}"


@attrs.frozen
class Follow:
    """Members cast the same ballot as ``leader`` (at this point of the what-if)."""

    leader: Member = attrs.field(converter=resolve_member)
    members: tuple[Member, ...] = attrs.field(converter=_members)

    @members.validator
    def _not_self(self, attribute, value) -> None:
        if self.leader in value:
            raise SimulateError(f"{self.leader.name} cannot follow itself")

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        ballot = record.ballot(self.leader)
        return record.with_ballots({m: ballot for m in self.members})

    def describe(self) -> str:
        return ", ".join(m.name for m in self.members) + f" follow {self.leader.name}"


@attrs.frozen
class SetRule:
    """The draft is decided under another rule."""

    rule: str = attrs.field()

    @rule.validator
    def _known(self, attribute, value) -> None:
        get_rule(value)

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        return attrs.evolve(record, rule=self.rule)

    def describe(self) -> str:
        return f"rule {self.rule}"


Change = SetBallots | AsOn | Follow | SetRule


@attrs.frozen
class WhatIf:
    """A named what-if: changes applied in order."""

    name: str
    changes: tuple[Change, ...] = attrs.field(converter=tuple)
    description: str = ""

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        for change in self.changes:
            record = change.apply(record, lookup)
        return record

    def describe(self) -> str:
        return self.description or "; ".join(c.describe() for c in self.changes)


def apply_changes(
    record: VoteRecord, changes: Sequence[WhatIf | Change], lookup: Lookup | None = None
) -> VoteRecord:
    """Apply what-ifs and single changes in order; the original record is untouched."""
    for change in changes:
        record = change.apply(record, lookup)
    return record
