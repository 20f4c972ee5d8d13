"""Members: the states that can sit on the Council.

Every name a user types is resolved against the bundled registry
``simulate/data/states.csv`` (the 193 member states of the United Nations and
the historical states that sat on the Council), by canonical UN short name, by
ISO 3166 alpha-3 code or by a common alias, case-insensitively:

>>> resolve_member("Russia").name
'Russian Federation'
>>> resolve_member("usa").name, resolve_member("UK").iso3
('United States', 'GBR')
>>> resolve_member("Venezuela").name
'Venezuela (Bolivarian Republic of)'
"""

from __future__ import annotations

import csv
import datetime
import functools
from collections.abc import Iterable

import attrs

from ..data import data_path
from ..errors import DataFileError, UnknownNameError

__all__ = ["Member", "all_members", "join_names", "resolve_member", "with_article"]


def _aliases(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(";")
    return tuple(a.strip() for a in value if a.strip())


@attrs.frozen(order=True)
class Member:
    """A state, named by its canonical UN short name.

    ``aliases`` are other names users type ("Russia", "UK", "USA", "Venezuela").
    Members compare and hash by name, ISO code and aliases; being frozen they can
    be used as dictionary keys.
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    iso3: str = attrs.field(
        validator=attrs.validators.matches_re(r"[A-Z]{3}"),
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases, order=False)
    #: UN membership (admission, and end for states that ceased to exist), when known
    un_member_from: datetime.date | None = attrs.field(default=None, eq=False, order=False, repr=False)
    un_member_to: datetime.date | None = attrs.field(default=None, eq=False, order=False, repr=False)

    def __str__(self) -> str:
        return self.name

    @property
    def the(self) -> str:
        """The name as it reads inside a sentence ("the Russian Federation")."""
        return with_article(self.name)

    def matches(self, text: str) -> bool:
        key = text.strip().casefold()
        return key in {self.name.casefold(), self.iso3.casefold(), *(a.casefold() for a in self.aliases)}


_ARTICLE_PREFIXES = (
    "United ",
    "Russian Federation",
    "Republic of ",
    "Democratic ",
    "Netherlands",
    "Philippines",
    "Central African Republic",
    "Dominican Republic",
    "Czech Republic",
    "Gambia",
    "Bahamas",
    "Comoros",
    "Maldives",
    "Marshall Islands",
    "Solomon Islands",
    "Sudan",
    "Syrian Arab Republic",
    "Niger",
    "Holy See",
    "Lao People",
    "USSR",
    "German Democratic Republic",
    "Union of ",
    "Kingdom ",
    "Congo",
)


def with_article(name: str) -> str:
    """``name`` with "the" where English puts one.

    >>> with_article("Russian Federation"), with_article("China"), with_article("Niger")
    ('the Russian Federation', 'China', 'the Niger')
    """
    if name.startswith(_ARTICLE_PREFIXES) and not name.startswith("Nigeria"):
        return f"the {name}"
    return name


def join_names(names: Iterable[str], article: bool = True) -> str:
    """Names joined for a sentence: "China and the Russian Federation".

    >>> join_names(["France", "United Kingdom", "United States"])
    'France, the United Kingdom and the United States'
    """
    words = [with_article(n) if article else n for n in names]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


@functools.cache
def _registry() -> tuple[tuple[Member, ...], dict[str, Member]]:
    path = data_path("states.csv")
    members: list[Member] = []
    index: dict[str, Member] = {}
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    member = Member(
                        row["name"], row["iso3"], row.get("aliases") or "",
                        _date(row.get("un_member_from")), _date(row.get("un_member_to")),
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise DataFileError(path, f"line {line}: not a valid state row ({exc})") from None
                members.append(member)
                for key in (member.name, member.iso3, *member.aliases):
                    other = index.setdefault(key.casefold(), member)
                    if other is not member:
                        raise DataFileError(path, f"line {line}: name {key!r} is also used by {other.name}")
    except OSError as exc:
        raise DataFileError(path, f"cannot read the registry of states ({exc.strerror})") from None
    return tuple(members), index


def all_members() -> tuple[Member, ...]:
    """Every state in the registry, in file order."""
    return _registry()[0]


def resolve_member(name: str | Member) -> Member:
    """The member named ``name`` (canonical name, ISO alpha-3 code or alias).

    An unknown name raises :class:`~simulate.errors.UnknownNameError` with the
    closest known names:

    >>> resolve_member("Rusia")
    Traceback (most recent call last):
    ...
    simulate.errors.UnknownNameError: unknown member 'Rusia'; did you mean 'Russia'...
    """
    if isinstance(name, Member):
        return name
    if not isinstance(name, str):
        raise UnknownNameError("member", repr(name), [])
    members, index = _registry()
    try:
        return index[name.strip().casefold()]
    except KeyError:
        pass
    choices = [m.name for m in members] + [a for m in members for a in m.aliases]
    raise UnknownNameError("member", name, choices)
