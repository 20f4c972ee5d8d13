"""The one error the power package raises for bad input.

:class:`PowerInputError` is a :class:`ValueError`, so callers that already
catch ``ValueError`` keep working, and a :class:`~simulate.errors.SimulateError`,
so the ``unsc`` command reports it as one line on stderr with exit status 2.
Its message is one plain sentence meant for people (it names the offending
weight, quota or predicate).

>>> from simulate.power import banzhaf
>>> banzhaf([3, 2, 1], 7)
Traceback (most recent call last):
    ...
simulate.games.errors.PowerInputError: the quota 7 is above the total weight 6: no coalition could ever win
"""

from __future__ import annotations

from ..errors import SimulateError

__all__ = ["PowerInputError"]


class PowerInputError(SimulateError, ValueError):
    """A game that cannot be analysed: bad weights, quota, class sizes or predicate."""
