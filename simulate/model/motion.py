"""What a rule needs to know about a vote besides the ballots: the council, the
matter (Article 27(2) or 27(3)), the draft's flags, and the parties to the
dispute who must abstain (Article 27(3))."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from .convert import str_set
from .council import Council
from .members import Member, resolve_member

__all__ = ["CHARTER_CHAPTERS", "OBLIGATORY_ABSTENTION_CHAPTERS", "Matter", "Motion"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
          "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX")
#: What a draft's ``chapter`` may be: a chapter of the Charter (I to XIX) or Article 52(3).
CHARTER_CHAPTERS = frozenset({*_ROMAN, "52(3)"})

#: Decisions in which a party to a dispute must abstain (Article 27(3)).
OBLIGATORY_ABSTENTION_CHAPTERS = frozenset({"VI", "52(3)"})


class Matter(enum.StrEnum):
    """Article 27(2) (procedural) or 27(3) (all other, "substantive") matters."""

    SUBSTANTIVE = "substantive"
    PROCEDURAL = "procedural"


def _members(values: Iterable[str | Member]) -> tuple[Member, ...]:
    return tuple(resolve_member(v) for v in values)


@attrs.frozen
class Motion:
    """What a rule needs to know about the vote besides the ballots.

    ``flags`` are draft flags such as ``"mass-atrocity"`` (see veto restraint);
    ``parties`` are parties to the dispute, who must abstain in decisions under
    Chapter VI and Article 52(3) (``chapter`` ``"VI"`` or ``"52(3)"``).
    """

    council: Council
    matter: Matter = attrs.field(default=Matter.SUBSTANTIVE, converter=Matter)
    flags: frozenset[str] = attrs.field(default=frozenset(), converter=str_set)
    parties: tuple[Member, ...] = attrs.field(default=(), converter=_members)
    chapter: str | None = None


