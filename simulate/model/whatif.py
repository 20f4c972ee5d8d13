"""What-ifs: changes to a recorded vote, applied in order with :func:`attrs.evolve`.

Four kinds of change, which compose:

* :class:`SetBallots` -- members cast the given ballots ("Russia abstains");
* :class:`AsOn` -- members vote as they did on another draft ("China votes as on
  S/2016/846");
* :class:`Follow` -- members follow a leader (a bloc: "Venezuela and Angola vote
  as the Russian Federation does");
* :class:`SetRule` -- the draft is decided under another rule;
* :class:`NewSeats` -- ballots for the seats a reform council adds (they count
  only under a rule for an enlarged council).

A :class:`WhatIf` is a named sequence of changes; a list of what-ifs applies one
after the other, so ``[china-abstains-again, russia-abstains]`` is both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from ..errors import SimulateError, UnknownNameError
from .ballots import Ballot, parse_ballot
from .council import KINDS, Seat
from .members import Member, resolve_member
from .records import VoteRecord

__all__ = ["AsOn", "Change", "Follow", "NewSeats", "SetBallots", "SetRule", "WhatIf", "apply_changes"]

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


def _pairs(
    values: dict[str | Member, str | Ballot] | Iterable[tuple[str | Member, str | Ballot]],
) -> tuple[tuple[Member, Ballot], ...]:
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
        changes: dict[str | Member, Ballot | str] = {}
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
    def _not_self(self, attribute: attrs.Attribute[tuple[Member, ...]], value: tuple[Member, ...]) -> None:
        if self.leader in value:
            raise SimulateError(f"{self.leader.name} cannot follow itself")

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        ballot = record.ballot(self.leader)
        return record.with_ballots({m: ballot for m in self.members})

    def describe(self) -> str:
        return ", ".join(m.name for m in self.members) + f" follow {self.leader.name}"


@attrs.frozen
class SetRule:
    """The draft is decided under another rule: a rule object, or a rule's name
    or file path (resolved when the record is decided, by the rule catalogue;
    scenario files and the command line check the name when they read it)."""

    rule: object = attrs.field()

    @rule.validator
    def _named(self, attribute: attrs.Attribute, value: object) -> None:
        if isinstance(value, str) and not value.strip():
            raise SimulateError("a what-if's rule needs a name")

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        return attrs.evolve(record, rule=self.rule)

    def describe(self) -> str:
        return f"rule {getattr(self.rule, 'name', self.rule)}"


_ALL_KEYS = ("all", "new")


def _seat_pairs(
    values: Mapping[str, str | Ballot] | Iterable[tuple[str, str | Ballot]] | None,
) -> tuple[tuple[str, Ballot], ...]:
    if values is None:
        return ()
    if isinstance(values, Mapping):
        values = values.items()
    return tuple((str(k).strip(), parse_ballot(v)) for k, v in values)


@attrs.frozen
class NewSeats:
    """Ballots for the new seats of an enlarged council.

    Keys are a seat kind (``"veto"``, ``"permanent"``, ``"elected"``: every new
    seat of that kind), ``"all"``, or a new seat's name; a seat's own name wins
    over its kind, and its kind over ``"all"``.

    >>> NewSeats.parse({"permanent": "yes"}).describe()
    'new permanent seats vote yes'
    >>> NewSeats.parse(["all=abstain", "New elected seat 1=no"]).describe()
    'new seats vote abstain; New elected seat 1 votes no'
    """

    ballots: tuple[tuple[str, Ballot], ...] = attrs.field(default=(), converter=_seat_pairs)

    @classmethod
    def parse(cls, spec: NewSeats | Mapping | Iterable[str] | str | Ballot | None) -> NewSeats:
        """From a mapping, ``KEY=BALLOT`` strings, or one ballot for every new seat."""
        if spec is None:
            return cls()
        if isinstance(spec, NewSeats):
            return spec
        if isinstance(spec, Ballot) or (isinstance(spec, str) and "=" not in spec):
            return cls([("all", spec)])
        if isinstance(spec, str):
            spec = [spec]
        if isinstance(spec, Mapping):
            return cls(spec)
        pairs = []
        for item in spec:
            key, sep, ballot = str(item).rpartition("=")
            if not sep or not key.strip() or not ballot.strip():
                raise SimulateError(
                    f"new seats: expected KIND=BALLOT or SEAT=BALLOT (e.g. permanent=yes), got {item!r}"
                )
            pairs.append((key, ballot))
        return cls(pairs)

    def resolve(self, seats: Sequence[Seat]) -> dict[str, Ballot]:
        """Ballot by new seat name, for the seats this covers."""
        names = {s.member.name.casefold(): s.member.name for s in seats}
        out: dict[str, Ballot] = {}
        for rank in (0, 1, 2):  # all, then kinds, then seats: later wins
            for key, ballot in self.ballots:
                k = key.casefold()
                if rank == 0 and k in _ALL_KEYS:
                    out.update({s.member.name: ballot for s in seats})
                elif rank == 1 and k in KINDS:
                    out.update({s.member.name: ballot for s in seats if s.kind == k})
                elif rank == 2 and k not in _ALL_KEYS and k not in KINDS:
                    if k not in names:
                        raise UnknownNameError(
                            "new seat",
                            key,
                            [*KINDS, "all", *names.values()],
                            hint="(use all, veto, permanent, elected or a new seat's name)",
                        )
                    out[names[k]] = ballot
        return out

    def describe(self) -> str:
        parts = []
        for key, ballot in self.ballots:
            k = key.casefold()
            if k in _ALL_KEYS:
                parts.append(f"new seats vote {ballot}")
            elif k in KINDS:
                parts.append(f"new {k} seats vote {ballot}")
            else:
                parts.append(f"{key} votes {ballot}")
        return "; ".join(parts)

    def __bool__(self) -> bool:
        return bool(self.ballots)

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        """Record the ballots for seats the council lacks; they count only under a
        rule for an enlarged council (later ballots win)."""
        return attrs.evolve(record, new_seats=record.new_seats + self.ballots)


Change = SetBallots | AsOn | Follow | SetRule | NewSeats


def _changes(values: Iterable[Change]) -> tuple[Change, ...]:
    return tuple(values)


@attrs.frozen
class WhatIf:
    """A named what-if: changes applied in order."""

    name: str
    changes: tuple[Change, ...] = attrs.field(converter=_changes)
    description: str = ""

    def apply(self, record: VoteRecord, lookup: Lookup | None = None) -> VoteRecord:
        for change in self.changes:
            try:
                record = change.apply(record, lookup)
            except SimulateError as exc:  # say which what-if could not be applied
                raise SimulateError(f"what-if {self.name}: {exc}") from None
        return record

    def describe(self) -> str:
        return self.description or "; ".join(c.describe() for c in self.changes)


def apply_changes(record: VoteRecord, changes: Sequence[WhatIf | Change], lookup: Lookup | None = None) -> VoteRecord:
    """Apply what-ifs and single changes in order; the original record is untouched."""
    for change in changes:
        record = change.apply(record, lookup)
    return record
