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

__all__ = ["OBLIGATORY_ABSTENTION_CHAPTERS", "Matter", "Motion"]

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


