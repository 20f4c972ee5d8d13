"""Seat classes: the shape of a rule's council (veto holders, other permanent
seats, elected seats), placeholder seats for reform councils, and the example
councils that analyses run on."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ..errors import SimulateError
from ..model.council import KINDS, MOST_SEATS, Council, Seat, council_on
from ..model.members import Member, resolve_member

__all__ = [
    "LARGEST_COUNCIL",
    "MOST_SEATS",
    "SeatClasses",
    "classes_for",
    "enlarge_council",
    "example_council",
    "is_placeholder",
    "placeholder_member",
]

#: The most seats the Council has had (15 since 1966). A rule for more seats is
#: an enlargement: it cannot decide a vote of the Council as it sat without
#: ballots for the new seats.
LARGEST_COUNCIL = 15

_KIND_WORDS = {"veto": "with a veto", "permanent": "permanent without a veto", "elected": "elected"}
_NEW_SEAT = {"veto": "New permanent seat with veto", "permanent": "New permanent seat", "elected": "New elected seat"}
_KIND_LETTER = {"veto": "V", "permanent": "P", "elected": "E"}


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@attrs.frozen
class SeatClasses:
    """How many seats of each class a rule's council has.

    ``veto`` permanent members hold a veto, ``permanent`` other permanent members
    do not, ``elected`` members are elected. ``*_names`` optionally name the seats
    that the Council of today lacks (placeholders such as "New permanent seat
    (Africa) 1"), in order; unnamed new seats are numbered.

    >>> g4 = SeatClasses(veto=5, permanent=6, elected=14)
    >>> g4.total, g4.describe()
    (25, '5 with a veto, 6 permanent without a veto, 14 elected')
    """

    veto: int = attrs.field(default=5, validator=attrs.validators.ge(0))
    permanent: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    elected: int = attrs.field(default=10, validator=attrs.validators.ge(0))
    veto_names: tuple[str, ...] = attrs.field(default=(), converter=_names)
    permanent_names: tuple[str, ...] = attrs.field(default=(), converter=_names)
    elected_names: tuple[str, ...] = attrs.field(default=(), converter=_names)

    def __attrs_post_init__(self) -> None:
        if self.total < 1:
            raise SimulateError("a council needs at least one seat")
        if self.total > MOST_SEATS:
            raise SimulateError(
                f"a council of {self.total:,} seats has more seats than the United Nations has Members "
                f"({MOST_SEATS})"
            )
        for kind in KINDS:
            names = getattr(self, f"{kind}_names")
            if len(names) > getattr(self, kind):
                raise SimulateError(
                    f"{len(names)} names for new {kind} seats, but there are only {getattr(self, kind)} {kind} seats"
                )
            if len(set(names)) != len(names):
                raise SimulateError(f"the names of new {kind} seats repeat")

    @property
    def total(self) -> int:
        return self.veto + self.permanent + self.elected

    @property
    def kinds(self) -> dict[str, int]:
        """``{"veto": 5, "permanent": 0, "elected": 10}``, as :attr:`Council.kinds`."""
        return {kind: getattr(self, kind) for kind in KINDS}

    def describe(self) -> str:
        return ", ".join(f"{n} {_KIND_WORDS[k]}" for k, n in self.kinds.items() if n)

    def new_seat_names(self, kind: str, count: int) -> tuple[str, ...]:
        """Names for ``count`` new seats of ``kind``: the given names first, then numbered."""
        given = getattr(self, f"{kind}_names")[:count]
        return given + tuple(f"{_NEW_SEAT[kind]} {i}" for i in range(len(given) + 1, count + 1))

    @classmethod
    def of_council(cls, council: Council) -> SeatClasses:
        """The seat classes of an actual council."""
        kinds = council.kinds
        return cls(veto=kinds["veto"], permanent=kinds["permanent"], elected=kinds["elected"])


def placeholder_member(name: str, kind: str = "elected", index: int = 0) -> Member:
    """A seat-holder that is not a state: a new seat of a reform proposal.

    Placeholders are :class:`~simulate.model.members.Member` objects with a user-assigned
    ISO code (``X`` + kind letter + a letter); they are not in the registry of
    states, so refer to them by the object or, in :mod:`simulate.io.rulefiles`, by name.

    >>> seat = placeholder_member("New permanent seat 1", "permanent")
    >>> seat.iso3, is_placeholder(seat), is_placeholder(resolve_member("Japan"))
    ('XPA', True, False)
    """
    return Member(name, "X" + _KIND_LETTER[kind] + chr(ord("A") + index % 26))


def is_placeholder(member: Member) -> bool:
    """True for a new seat of a reform council (not a state of the registry)."""
    try:
        return resolve_member(member.name) != member
    except SimulateError:
        return True


def enlarge_council(council: Council, classes: SeatClasses) -> Council:
    """``council`` with placeholder seats added up to ``classes``.

    The seats that sat keep their members and order; new permanent seats follow
    the permanent members, new elected seats the elected members.

    >>> aleppo = council_on(datetime.date(2016, 12, 5))
    >>> g4 = enlarge_council(aleppo, SeatClasses(veto=5, permanent=6, elected=14))
    >>> g4.size, g4.kinds, g4.names[5], g4.names[-1]
    (25, {'veto': 5, 'permanent': 6, 'elected': 14}, 'New permanent seat 1', 'New elected seat 4')
    """
    have = council.kinds
    new = {kind: getattr(classes, kind) - have[kind] for kind in KINDS}
    if any(n < 0 for n in new.values()):
        raise SimulateError(
            f"a council of {SeatClasses.of_council(council).describe()} seats "
            f"cannot be enlarged to {classes.describe()} seats"
        )
    added: dict[str, list[Seat]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for i, name in enumerate(classes.new_seat_names(kind, new[kind])):
            member = placeholder_member(name, kind, i)
            added[kind].append(Seat(member, permanent=kind != "elected", veto=kind == "veto"))
    permanent = [s for s in council.seats if s.permanent]
    elected = [s for s in council.seats if not s.permanent]
    if not any(added.values()):
        return council
    seats = permanent + added["veto"] + added["permanent"] + elected + added["elected"]
    source = (council.source + ", " if council.source else "") + f"enlarged to {classes.total} seats"
    return Council(seats, source=source)


#: The Council the examples and ``unsc check-rule`` use for 15 and 11 seats.
_EXAMPLE_DATES = {15: datetime.date(2016, 12, 5), 11: datetime.date(1965, 8, 30)}


def example_council(classes: SeatClasses) -> Council:
    """A council with these seat classes, for analysis and examples.

    15 seats (5 + 10): the Council of 5 December 2016, which voted on the Aleppo
    drafts; 11 seats (5 + 6): the Council of 30 August 1965, the last under the
    original Charter. Larger councils are the 2016 Council enlarged with
    placeholder seats; a council whose permanent members hold no veto is the
    2016 Council with the veto taken away. Other shapes are all placeholders
    ("Veto seat 1", "Permanent seat 1", "Elected seat 1", ...).
    """
    v, p, e = classes.veto, classes.permanent, classes.elected
    if (v, p, e) in ((5, 0, 6), (5, 0, 10)):
        return council_on(_EXAMPLE_DATES[classes.total])
    if v >= 5 and e >= 10:
        return enlarge_council(council_on(_EXAMPLE_DATES[15]), classes)
    if v == 0 and p >= 5 and e >= 10:
        base = council_on(_EXAMPLE_DATES[15])
        seats = [Seat(s.member, permanent=s.permanent, veto=False, representation=s.representation) for s in base.seats]
        return enlarge_council(Council(seats, source=base.source + ", without the veto"), classes)
    seats = [Seat(placeholder_member(f"Veto seat {i + 1}", "veto", i), permanent=True, veto=True) for i in range(v)]
    seats += [
        Seat(placeholder_member(f"Permanent seat {i + 1}", "permanent", i), permanent=True, veto=False)
        for i in range(p)
    ]
    seats += [
        Seat(placeholder_member(f"Elected seat {i + 1}", "elected", i), permanent=False, veto=False) for i in range(e)
    ]
    return Council(seats, source="placeholder seats")


def classes_for(seats: int | None) -> SeatClasses:
    """The usual shape of a council of ``seats`` seats (15 when not given): 5 + 6 for 11
    seats, 5 + 10 for 15, otherwise up to five veto holders and elected seats."""
    if seats == 11:
        return SeatClasses(5, 0, 6)
    if seats is None or seats == 15:
        return SeatClasses(5, 0, 10)
    veto = min(5, seats)
    return SeatClasses(veto, 0, seats - veto)
