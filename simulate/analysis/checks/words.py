"""How the battery's profiles and coalitions read: the one place a counterexample's
ballots are put into words.

A profile ``p ∈ {yes, no, abstain, absent}^n`` reads as its members grouped by
ballot ("in favour: ..., against: ..."); a coalition ``S ⊆ N`` as its members'
names (at most ``limit``, then "and k more"). The two profiles a coalition
stands for are :func:`yes_profile` (``S`` yes, ``N∖S`` no: ``S`` *adopts* a
draft when it passes) and :func:`no_profile` (``S`` no, ``N∖S`` yes: ``S``
*blocks* a draft when it fails).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import numpy as np

from ...codes import ABSENT, ABSTAIN, NO, YES
from ...model.ballots import Ballot
from ...model.council import Council

__all__ = [
    "KIND_LABELS",
    "as_ballots",
    "coalition_text",
    "no_profile",
    "profile_words",
    "seat_names",
    "verdict",
    "yes_profile",
]

#: How the blocking report names each seat kind.
KIND_LABELS = {"veto": "veto holders", "permanent": "permanent members without a veto", "elected": "elected members"}


def seat_names(council: Council, seats: Iterable[int]) -> list[str]:
    """The names of ``seats`` (indices), in the order given."""
    return [council.names[int(i)] for i in seats]


def profile_words(council: Council, profile: np.ndarray, indent: str) -> list[str]:
    """``profile`` as lines: the members in favour, against, abstaining and absent (lines after
    the first indented by ``indent``)."""
    parts = []
    for code, word in ((YES, "in favour"), (NO, "against"), (ABSTAIN, "abstaining"), (ABSENT, "absent")):
        members = seat_names(council, np.flatnonzero(profile == code))
        if members:
            parts.append(f"{word}: " + ", ".join(members))
    lines: list[str] = []
    for part in parts:
        lines += textwrap.wrap(part, width=64, subsequent_indent="  ") or [part]
    return [indent + line if i else line for i, line in enumerate(lines)]


def verdict(adopted: bool) -> str:
    return "adopted" if adopted else "rejected"


def coalition_text(council: Council, seats: Iterable[int], limit: int = 8) -> str:
    """The members of ``seats``: "nobody", their names, or the first ``limit`` and how many more."""
    names = seat_names(council, seats)
    if not names:
        return "nobody"
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return ", ".join(names)


def as_ballots(profile: np.ndarray) -> tuple[Ballot, ...]:
    """A profile of codes as ballots, for people."""
    return tuple(Ballot(int(b)) for b in profile)


def yes_profile(n: int, yes_seats: Iterable[int]) -> np.ndarray:
    """``yes_seats`` vote yes, everyone else no (a coalition "adopting" a draft)."""
    p = np.full(n, NO, dtype=np.int8)
    p[list(yes_seats)] = YES
    return p


def no_profile(n: int, no_seats: Iterable[int]) -> np.ndarray:
    """``no_seats`` vote no, everyone else yes (a coalition blocking a draft)."""
    p = np.full(n, YES, dtype=np.int8)
    p[list(no_seats)] = NO
    return p
