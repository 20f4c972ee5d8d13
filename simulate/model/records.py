"""A vote as recorded: the draft, the council that voted on it and each member's ballot.

A :class:`VoteRecord` is immutable. What-ifs make new records with
:func:`attrs.evolve` (see :mod:`simulate.model.whatif`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs
import numpy as np

from ..errors import SimulateError
from .ballots import Ballot, parse_ballot
from .convert import new_seat_pairs, str_set, str_tuple
from .council import Council
from .members import Member, resolve_member
from .motion import Matter, Motion

__all__ = ["Draft", "RecordedResult", "VoteRecord"]


def _names(values: Iterable[str | Member]) -> tuple[Member, ...]:
    return tuple(resolve_member(v) for v in values)


@attrs.frozen
class Draft:
    """A draft resolution (or other proposal) put to the vote."""

    symbol: str = attrs.field()
    date: datetime.date = attrs.field(validator=attrs.validators.instance_of(datetime.date))
    title: str = ""
    matter: Matter = attrs.field(default=Matter.SUBSTANTIVE, converter=Matter)
    meeting: str = ""
    sponsors: tuple[Member, ...] = attrs.field(default=(), converter=_names)
    chapter: str | None = None
    parties: tuple[Member, ...] = attrs.field(default=(), converter=_names)
    flags: frozenset[str] = attrs.field(default=frozenset(), converter=str_set)
    sources: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

    @symbol.validator
    def _symbol(self, attribute: attrs.Attribute, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise SimulateError(f"a draft needs a symbol such as \"S/2016/846\", got {value!r}")


@attrs.frozen
class RecordedResult:
    """What the meeting record says happened (a scenario file's ``[record]`` table)."""

    adopted: bool
    yes: int
    no: int
    abstain: int
    absent: int = 0
    vetoed_by: tuple[Member, ...] = attrs.field(default=(), converter=_names)
    resolution: str = ""
    source: str = ""


def _ballot_tuple(values: Iterable[str | Ballot]) -> tuple[Ballot, ...]:
    return tuple(parse_ballot(v) for v in values)


@attrs.frozen
class VoteRecord:
    """A draft, the council and the ballots (one per seat, in the council's seat order).

    ``rule`` is the rule to decide it under, by name or as a rule object (``None``:
    the Charter rule in force on the draft's date); what-ifs may change it.
    ``new_seats`` holds ballots for the seats of a reform council that this
    council lacks, supplied by what-ifs.
    """

    draft: Draft
    council: Council
    ballots: tuple[Ballot, ...] = attrs.field(converter=_ballot_tuple)
    rule: object = None  # str | Rule | FunctionRule | None
    #: ballots for seats this council lacks, by seat kind, "all" or new seat name
    #: (see :class:`simulate.model.whatif.NewSeats`); used only under an enlarged rule
    new_seats: tuple[tuple[str, Ballot], ...] = attrs.field(default=(), converter=new_seat_pairs)

    @ballots.validator
    def _check(self, attribute: attrs.Attribute[tuple[Ballot, ...]], value: tuple[Ballot, ...]) -> None:
        if len(value) != self.council.size:
            raise SimulateError(
                f"{self.draft.symbol}: {len(value)} ballots for a council of {self.council.size}"
            )

    @property
    def profile(self) -> np.ndarray:
        """The ballots as an ``int8`` array of shape ``(1, seats)``."""
        return np.array([self.ballots], dtype=np.int8)

    @property
    def motion(self) -> Motion:
        return Motion(
            self.council,
            matter=self.draft.matter,
            flags=self.draft.flags,
            parties=self.draft.parties,
            chapter=self.draft.chapter,
        )

    def ballot(self, member: str | Member) -> Ballot:
        return self.ballots[self.council.index(member)]

    def by_member(self) -> dict[str, Ballot]:
        """Ballots keyed by canonical member name, in seat order."""
        return dict(zip(self.council.names, self.ballots, strict=True))

    def with_ballots(self, changes: dict[str | Member, Ballot | str]) -> VoteRecord:
        """A new record with some members' ballots changed."""
        ballots = list(self.ballots)
        for member, ballot in changes.items():
            ballots[self.council.index(member)] = parse_ballot(ballot)
        return attrs.evolve(self, ballots=ballots)
