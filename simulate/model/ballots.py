"""Ballots: how one member votes on one draft.

Codes are small integers so that ballot profiles are ``numpy.int8`` arrays of
shape ``(profiles, seats)``: ``YES = 0``, ``NO = 1``, ``ABSTAIN = 2``,
``ABSENT = 3``. The first three are the ternary alphabet of exhaustive analysis.

In the Council's records a member "present and not voting" or "not
participating" is counted here as absent: neither is a vote.
"""

from __future__ import annotations

import enum

from .. import codes
from ..codes import ABSENT, ABSTAIN, NO, YES
from ..errors import UnknownNameError

__all__ = ["ABSENT", "ABSTAIN", "BALLOT_WORDS", "NO", "YES", "Ballot", "parse_ballot"]


class Ballot(enum.IntEnum):
    """A member's ballot. ``str(Ballot.NO) == "no"``."""

    YES = codes.YES
    NO = codes.NO
    ABSTAIN = codes.ABSTAIN
    ABSENT = codes.ABSENT

    def __str__(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        """Words for people: "in favour", "against", "abstained", "absent"."""
        return _LABELS[self]


_LABELS = {
    Ballot.YES: "in favour",
    Ballot.NO: "against",
    Ballot.ABSTAIN: "abstained",
    Ballot.ABSENT: "absent",
}

#: Every word accepted for a ballot (case-insensitive), mapped to its ballot.
BALLOT_WORDS: dict[str, Ballot] = {
    "yes": Ballot.YES,
    "y": Ballot.YES,
    "for": Ballot.YES,
    "in favour": Ballot.YES,
    "in favor": Ballot.YES,
    "no": Ballot.NO,
    "n": Ballot.NO,
    "against": Ballot.NO,
    "abstain": Ballot.ABSTAIN,
    "abstention": Ballot.ABSTAIN,
    "abstained": Ballot.ABSTAIN,
    "a": Ballot.ABSTAIN,
    "absent": Ballot.ABSENT,
    "present and not voting": Ballot.ABSENT,
    "present-not-voting": Ballot.ABSENT,
    "not voting": Ballot.ABSENT,
    "not participating": Ballot.ABSENT,
    "non-participation": Ballot.ABSENT,
}


def parse_ballot(word: str | Ballot) -> Ballot:
    """The ballot named by ``word``.

    >>> parse_ballot("Abstain"), parse_ballot("against"), parse_ballot("present and not voting")
    (<Ballot.ABSTAIN: 2>, <Ballot.NO: 1>, <Ballot.ABSENT: 3>)
    """
    if isinstance(word, Ballot):
        return word
    if not isinstance(word, str):
        raise UnknownNameError("ballot", repr(word), BALLOT_WORDS, hint="(use yes, no, abstain or absent)")
    key = " ".join(word.replace("_", " ").split()).casefold()
    try:
        return BALLOT_WORDS[key]
    except KeyError:
        raise UnknownNameError(
            "ballot", word, ["yes", "no", "abstain", "absent"], hint="(use yes, no, abstain or absent)"
        ) from None
