"""The ballot codes, defined once: ballot profiles are ``numpy.int8`` arrays of
shape ``(profiles, seats)`` holding these integers.

``YES = 0``, ``NO = 1``, ``ABSTAIN = 2``, ``ABSENT = 3``; the first three are
the ternary alphabet of exhaustive analysis. :class:`simulate.model.ballots.Ballot`
is the same codes as an enum, for people; pure game theory
(:mod:`simulate.games`) uses the plain integers.
"""

from __future__ import annotations

__all__ = ["ABSENT", "ABSTAIN", "NO", "YES"]

YES = 0
NO = 1
ABSTAIN = 2
ABSENT = 3
