"""The Council: the seats sitting on a date, who is permanent and who holds a veto.

>>> c = council_on(datetime.date(2016, 12, 5))
>>> c.size, [s.member.name for s in c.seats if s.veto]
(15, ['China', 'France', 'Russian Federation', 'United Kingdom', 'United States'])
>>> council_on(datetime.date(1991, 12, 23)).member("USSR").name
'USSR'
>>> council_on(datetime.date(1991, 12, 24)).member("Russia").name
'Russian Federation'
"""

from __future__ import annotations

import csv
import datetime
import functools
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np

from ..data import data_path
from ..errors import DataFileError, SimulateError, UnknownNameError
from .convert import seat_tuple
from .members import Member, resolve_member

__all__ = ["FIRST_MEETING", "KINDS", "MOST_SEATS", "Council", "Seat", "council_on"]

#: No council can have more seats than the United Nations has Members (193 since
#: 2011): a larger "council" is a mistake in the input, refused before any work.
MOST_SEATS = 193

#: Seat kinds, in seat order: veto holders, other permanent seats, elected seats.
KINDS = ("veto", "permanent", "elected")

#: The Council's first meeting (London, 17 January 1946).
FIRST_MEETING = datetime.date(1946, 1, 17)


@attrs.frozen
class Seat:
    """One seat at the table: its holder, whether it is permanent and holds a veto."""

    member: Member = attrs.field(converter=resolve_member)
    permanent: bool = False
    veto: bool = attrs.field()
    #: who held the seat, in the words of the time ("Republic of China")
    representation: str = ""

    @veto.default
    def _veto_default(self) -> bool:
        return self.permanent

    @property
    def label(self) -> str:
        """For people: "permanent", "permanent, no veto" or "elected"."""
        return {"veto": "permanent", "permanent": "permanent, no veto", "elected": "elected"}[self.kind]

    @property
    def kind(self) -> str:
        """"veto", "permanent" (without a veto: reform proposals) or "elected"."""
        return "veto" if self.veto else ("permanent" if self.permanent else "elected")


def _unique_members(instance: Council, attribute: attrs.Attribute, seats: tuple[Seat, ...]) -> None:
    seen: set[str] = set()
    for seat in seats:
        if seat.member.name in seen:
            raise SimulateError(f"{seat.member.name} holds two seats on the council")
        seen.add(seat.member.name)
    if not seats:
        raise SimulateError("a council needs at least one seat")


@attrs.frozen
class Council:
    """The seats of the Council, permanent members first, in a fixed order.

    The order of ``seats`` is the column order of every ballot profile array.
    """

    seats: tuple[Seat, ...] = attrs.field(converter=seat_tuple, validator=_unique_members)
    #: where the composition comes from (a date in the bundled data, or "inline")
    source: str = ""

    @classmethod
    def from_names(
        cls,
        permanent: Iterable[str | Member],
        elected: Iterable[str | Member],
        veto: Iterable[str | Member] | None = None,
        source: str = "inline",
    ) -> Council:
        """A council from names. Veto holders default to the permanent members."""
        permanent_members = [resolve_member(m) for m in permanent]
        elected_members = [resolve_member(m) for m in elected]
        vetoes = set(permanent_members) if veto is None else {resolve_member(m) for m in veto}
        stray = vetoes - set(permanent_members)
        if stray:
            raise SimulateError(
                "only a permanent member can hold a veto: " + ", ".join(sorted(m.name for m in stray))
            )
        seats = [Seat(m, permanent=True, veto=m in vetoes) for m in permanent_members]
        seats += [Seat(m, permanent=False, veto=False) for m in elected_members]
        return cls(seats, source=source)

    @property
    def size(self) -> int:
        return len(self.seats)

    @property
    def members(self) -> tuple[Member, ...]:
        return tuple(s.member for s in self.seats)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.member.name for s in self.seats)

    @property
    def veto_mask(self) -> np.ndarray:
        """Boolean array over seats: True where the seat holds a veto."""
        return np.array([s.veto for s in self.seats], dtype=bool)

    @property
    def permanent_mask(self) -> np.ndarray:
        return np.array([s.permanent for s in self.seats], dtype=bool)

    @property
    def kinds(self) -> dict[str, int]:
        """How many seats of each kind: ``{"veto": 5, "permanent": 0, "elected": 10}``."""
        counts = {"veto": 0, "permanent": 0, "elected": 0}
        for seat in self.seats:
            counts[seat.kind] += 1
        return counts

    def index(self, member: str | Member) -> int:
        """The seat number of ``member``; a member not sitting is an error."""
        target = resolve_member(member)
        for i, seat in enumerate(self.seats):
            if seat.member == target:
                return i
        raise UnknownNameError(
            "council member", str(member), self.names, hint=f"({target.name} does not sit on this council)"
        )

    def member(self, name: str | Member) -> Member:
        return self.seats[self.index(name)].member

    def __contains__(self, member: object) -> bool:
        try:
            self.index(member)  # type: ignore[arg-type]
        except SimulateError:
            return False
        return True


@functools.cache
def _membership() -> tuple[list[str], dict[int, list[tuple[str, ...]]]]:
    """The membership table: its header, and its rows grouped by year.

    Read with :func:`csv.reader`; only the rows of a year that is asked for become
    dictionaries (start-up speed: a replay needs one year of the 1,137 rows, and
    :class:`csv.DictReader` made a dictionary of every row).
    """
    path = data_path("membership.csv")
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            # blank lines skipped, as csv.DictReader does; tuples, which the garbage collector stops tracking
            rows = [tuple(row) for row in reader if row]
    except OSError as exc:
        raise DataFileError(path, f"cannot read the membership data ({exc.strerror})") from None
    required = {"year", "member", "seat_type", "valid_from", "valid_to"}
    if not rows or not required <= set(header):
        raise DataFileError(path, f"expected columns {sorted(required)}")
    at = header.index("year")
    by_year: dict[int, list[tuple[str, ...]]] = {}
    for row in rows:
        by_year.setdefault(int(row[at]), []).append(row)
    return header, by_year


def _as_dict(header: list[str], row: tuple[str, ...]) -> dict[str, Any]:
    """A row as :class:`csv.DictReader` gives it: missing values None (values beyond the header,
    which DictReader keeps under the key None, are never read)."""
    values: dict[str, Any] = dict(zip(header, row, strict=False))
    for key in header[len(row):]:
        values[key] = None
    return values


def membership_years() -> tuple[int, int]:
    years = _membership()[1]
    return min(years), max(years)


def council_on(date: datetime.date) -> Council:
    """The Council sitting on ``date``, from the bundled membership data.

    Seats that changed hands within a year (China's representation in 1971, the
    USSR and the Russian Federation in 1991) are dated. Permanent members hold a
    veto; elected members do not.
    """
    if not isinstance(date, datetime.date):
        raise SimulateError(f"not a date: {date!r}")
    _, last = membership_years()
    if date < FIRST_MEETING or date.year > last:
        raise SimulateError(
            f"no membership data for {date.isoformat()}: the bundled data covers "
            f"{FIRST_MEETING.isoformat()} to {last}-12-31 (give the council inline with a [council] table)"
        )
    return _sitting(date)


@functools.lru_cache(maxsize=1024)  # a Council is immutable: one per date, not one per call
def _sitting(date: datetime.date) -> Council:
    iso = date.isoformat()
    seats: list[Seat] = []
    header, by_year = _membership()
    for values in by_year.get(date.year, ()):
        row = _as_dict(header, values)
        if row["valid_from"] and iso < row["valid_from"]:
            continue
        if row["valid_to"] and iso > row["valid_to"]:
            continue
        permanent = row["seat_type"] == "permanent"
        seats.append(
            Seat(
                row["member"],
                permanent=permanent,
                veto=permanent,
                representation=row.get("name_or_representation_at_time", ""),
            )
        )
    seats.sort(key=lambda s: (not s.permanent, s.member.name))
    return Council(seats, source=f"membership on {iso}")
