"""The yes/no/abstain count lattice: ballot profiles up to the order of the seats within classes.

A class of ``m`` seats votes yes, no or abstain. Up to the order of its seats,
its ballots are a *composition* ``(y, x, a)`` of ``m`` (``y + x + a = m``):
there are ``C(m + 2, 2) = (m + 1)(m + 2)/2`` of them, and each stands for the
multinomial ``m! / (y! x! a!)`` profiles of the class. Its *representative*
profile gives the class's seats, in seat order, ``y`` yes, then ``x`` no, then
``a`` abstain (:func:`representative_profiles`): the first of those profiles
in lexicographic order. Compositions are listed in the lexicographic order of
their representatives: yes descending, then no descending, so that for one
seat the rows are the ballot codes in order (yes, no, abstain).

Classes of sizes ``m_1, ..., m_k`` span the product lattice
(:class:`CountLattice`): one point per vector of per-class compositions,
``Π_c C(m_c + 2, 2)`` points in C order (the last class fastest), point ``K``
of multiplicity ``Π_c m_c! / (y_c! x_c! a_c!)``. The multiplicities sum to
``3^n`` (``n = Σ_c m_c``): every profile lies over exactly one point. With one
seat per class the points are the ``3^n`` profiles themselves, in
lexicographic order (the order of :mod:`simulate.games.profiles`).

A rule that treats the seats of a class alike decides every profile over a
point as it decides the point's representative, so deciding the
``Π_c C(m_c + 2, 2)`` representatives decides all ``3^n`` profiles: 70,560
points instead of 847 billion profiles for a Council of 25 seats in classes of
5, 6 and 14.

>>> compositions(2).tolist()
[[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 2, 0], [0, 1, 1], [0, 0, 2]]
>>> lattice = CountLattice([2, 1])
>>> lattice.shape, lattice.size, int(lattice.multiplicities().sum())
((6, 3), 18, 27)
>>> lattice.profiles([[0, 2], [1]], 3, [[1], [2]]).tolist()    # (1, 1, 0) on seats 0, 2; (0, 0, 1) on seat 1
[[0, 2, 1]]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from functools import reduce

import numpy as np

from ..codes import ABSENT, ABSTAIN, NO, YES
from .errors import PowerInputError

__all__ = [
    "CountLattice",
    "binomials",
    "composition_count",
    "compositions",
    "lattice_size",
    "multinomials",
    "outer",
    "outer_sum",
    "positions",
    "representative_profiles",
]

#: The ballots of the lattice, in code order.
TERNARY = (YES, NO, ABSTAIN)


def composition_count(m: int) -> int:
    """``C(m + 2, 2)``: the compositions ``(y, x, a)`` of ``m`` seats.

    >>> [composition_count(m) for m in range(5)]
    [1, 3, 6, 10, 15]
    """
    return (m + 1) * (m + 2) // 2


def lattice_size(sizes: Sequence[int]) -> int:
    """``Π_c C(m_c + 2, 2)``: the points of the lattice of classes of ``sizes`` seats.

    >>> lattice_size([5, 6, 14]), 3**25
    (70560, 847288609443)
    """
    return math.prod(composition_count(m) for m in sizes)


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


@functools.cache
def compositions(m: int) -> np.ndarray:
    """Every ``(yes, no, abstain)`` count of ``m`` seats, shape ``(C(m+2, 2), 3)`` (``int64``,
    read-only): yes descending, then no descending (the order of the representatives).

    >>> compositions(1).tolist()
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    """
    rows = [(y, x, m - y - x) for y in range(m, -1, -1) for x in range(m - y, -1, -1)]
    return _read_only(np.array(rows, dtype=np.int64).reshape(-1, 3))


@functools.cache
def positions(m: int) -> np.ndarray:
    """``pos[y, x]``: the row of ``(y, x, m - y - x)`` in :func:`compositions` (``m``); -1 where ``y + x > m``.

    >>> int(positions(2)[1, 0]), int(positions(2)[2, 1])
    (2, -1)
    """
    pos = np.full((m + 1, m + 1), -1, dtype=np.int64)
    comps = compositions(m)
    pos[comps[:, 0], comps[:, 1]] = np.arange(len(comps))
    return _read_only(pos)


@functools.cache
def multinomials(m: int) -> np.ndarray:
    """``m! / (y! x! a!)`` per row of :func:`compositions` (``m``): Python integers, exact.

    >>> multinomials(2).tolist()
    [1, 2, 2, 1, 2, 1]
    """
    f = math.factorial
    return _read_only(np.array([f(m) // (f(y) * f(x) * f(a)) for y, x, a in compositions(m).tolist()], dtype=object))


@functools.cache
def binomials(m: int) -> np.ndarray:
    """``C(m, s)`` for ``s = 0..m``: Python integers, exact (the yes/no lattice of one class).

    >>> binomials(3).tolist()
    [1, 3, 3, 1]
    """
    return _read_only(np.array([math.comb(m, s) for s in range(m + 1)], dtype=object))


def outer(tables: Sequence[np.ndarray]) -> np.ndarray:
    """The product over classes: ``out[K] = Π_c tables[c][K_c]``, one axis per class.

    >>> outer([np.array([1, 2]), np.array([1, 3])]).tolist()
    [[1, 3], [2, 6]]
    """
    return reduce(np.multiply.outer, tables) if len(tables) > 1 else np.array(tables[0])


def outer_sum(tables: Sequence[np.ndarray], dtype: type[np.signedinteger] = np.int64) -> np.ndarray:
    """The sum over classes: ``out[K] = Σ_c tables[c][K_c]``, one axis per class (in ``dtype``,
    one pass over the result per class).

    >>> outer_sum([np.array([0, 1]), np.array([0, 10, 20])]).tolist()
    [[0, 10, 20], [1, 11, 21]]
    """
    out = np.zeros(tuple(len(t) for t in tables), dtype=dtype)
    for axis, table in enumerate(tables):
        shape = [1] * len(tables)
        shape[axis] = len(table)
        out += np.asarray(table).astype(dtype).reshape(shape)
    return out


def representative_profiles(
    counts: np.ndarray, classes: Sequence[Sequence[int]], n: int, ballots: Sequence[int]
) -> np.ndarray:
    """One profile per count vector: in class ``c`` the first ``counts[r, c, 0]`` seats cast
    ``ballots[0]``, the next ``counts[r, c, 1]`` cast ``ballots[1]``, and so on.

    ``counts`` has shape ``(m, k, len(ballots) - 1)`` or ``(m, k, len(ballots))``
    (the last ballot fills the rest of the class).

    >>> representative_profiles(np.array([[[2, 1]]]), [[0, 1, 2, 3]], 4, [0, 1, 2]).tolist()
    [[0, 0, 1, 2]]
    """
    counts = np.asarray(counts, dtype=np.int64)
    m = counts.shape[0]
    out = np.empty((m, n), dtype=np.int8)
    for c, seats in enumerate(classes):
        cols = np.asarray(seats)
        cum = np.cumsum(counts[:, c, : len(ballots) - 1], axis=1)  # (m, b-1)
        position = np.arange(len(cols))
        which = (cum[:, None, :] <= position[None, :, None]).sum(axis=2)  # (m, seats): index into ballots
        out[:, cols] = np.asarray(ballots, dtype=np.int8)[which]
    return out


@functools.cache
def _representatives(m: int) -> np.ndarray:
    """The representative ballots of every composition of ``m`` seats, shape ``(C(m+2, 2), m)``."""
    return _read_only(representative_profiles(compositions(m)[:, None, :], [range(m)], m, TERNARY))


class CountLattice:
    """The product of the composition lattices of classes of ``sizes`` seats.

    ``comps[c]`` are class ``c``'s compositions (:func:`compositions`), ``shape``
    is ``(len(comps[0]), ...)`` and ``size`` the number of points. A point is a
    tuple of row indices, one per class; arrays over the lattice have ``shape``
    (C order, the last class fastest).

    >>> lattice = CountLattice([1, 1])
    >>> lattice.vectors()[:, :, 0].tolist()[:4]        # yes per class: the profiles yy, yn, ya, ny...
    [[1, 1], [1, 0], [1, 0], [0, 1]]
    """

    def __init__(self, sizes: Sequence[int]) -> None:
        checked = []
        for i, m in enumerate(sizes):
            if isinstance(m, bool) or not isinstance(m, int | np.integer) or m < 1:
                raise PowerInputError(f"class size #{i + 1} is {m!r}: class sizes must be positive integers")
            checked.append(int(m))
        self.sizes: tuple[int, ...] = tuple(checked)  # no class at all: one point, the empty vector
        self.comps: tuple[np.ndarray, ...] = tuple(compositions(m) for m in self.sizes)
        self.shape: tuple[int, ...] = tuple(len(c) for c in self.comps)
        self.size: int = math.prod(self.shape)
        self.n: int = sum(self.sizes)

    def points(self) -> list[np.ndarray]:
        """Every point, as one index array per class (C order)."""
        if not self.shape:
            return []
        return list(np.indices(self.shape).reshape(len(self.shape), -1))

    def index(self, axis: int, counts: Sequence[int]) -> int:
        """The row of class ``axis`` with these ``(yes, no, abstain)`` counts.

        >>> CountLattice([3]).index(0, (1, 1, 1))
        4
        """
        y, x, a = (int(c) for c in counts)
        if min(y, x, a) < 0 or y + x + a != self.sizes[axis]:
            raise PowerInputError(
                f"({y}, {x}, {a}) is not a composition of the {self.sizes[axis]} seats of class #{axis + 1}"
            )
        return int(positions(self.sizes[axis])[y, x])

    def vectors(self) -> np.ndarray:
        """Every point as count vectors, shape ``(size, k, 3)``, in C order."""
        if not self.comps:
            return np.zeros((1, 0, 3), dtype=np.int64)
        return np.stack([comps[i] for comps, i in zip(self.comps, self.points(), strict=True)], axis=1)

    def multiplicities(self) -> np.ndarray:
        """``Π_c m_c! / (y_c! x_c! a_c!)`` at every point (Python integers, shape ``shape``): the
        profiles over each point."""
        return outer([multinomials(m) for m in self.sizes]) if self.sizes else np.array(1, dtype=object)

    def totals(self, ballot: int) -> np.ndarray:
        """How many seats in all cast ``ballot`` at every point (``int64``, shape ``shape``).

        >>> CountLattice([1, 2]).totals(0).tolist()[0]
        [3, 2, 2, 1, 1, 1]
        """
        return outer_sum([comps[:, ballot] for comps in self.comps])

    def moves(self, axis: int, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The points of class ``axis`` where one seat can change its ballot from ``a`` to ``b``:
        ``(source row, destination row, position of the seat that changes)``, the position
        within the class's representative ballots (the last seat casting ``a``).

        >>> [r.tolist() for r in CountLattice([2]).moves(0, 1, 0)]       # no -> yes
        [[1, 3, 4], [0, 1, 2], [1, 1, 0]]
        """
        comps = self.comps[axis]
        src = np.flatnonzero(comps[:, a] >= 1)
        new = comps[src].copy()
        new[:, a] -= 1
        new[:, b] += 1
        dst = positions(self.sizes[axis])[new[:, 0], new[:, 1]]
        pos = comps[src, : a + 1].sum(axis=1) - 1
        return src.astype(np.intp), dst.astype(np.intp), pos.astype(np.intp)

    def two_ballots(self, counted: int, other: int) -> list[np.ndarray]:
        """Per class, the rows where every seat casts ``counted`` or ``other``, by the number casting
        ``counted`` (0 to ``m``): e.g. ``two_ballots(YES, NO)`` is the yes/no lattice of coalitions.

        >>> [r.tolist() for r in CountLattice([2]).two_ballots(0, 1)]
        [[3, 1, 0]]
        """
        rows = []
        for m in self.sizes:
            counts = np.zeros((m + 1, 3), dtype=np.int64)
            counts[:, counted] = np.arange(m + 1)
            counts[:, other] = m - np.arange(m + 1)
            rows.append(positions(m)[counts[:, 0], counts[:, 1]].astype(np.intp))
        return rows

    def ballots(self, axis: int) -> np.ndarray:
        """Class ``axis``'s representative ballots per row, ``int8`` of shape ``(rows, m)`` (read-only)."""
        return _representatives(self.sizes[axis])

    def profiles(
        self,
        groups: Sequence[Sequence[int] | np.ndarray],
        n: int,
        coords: Sequence[np.ndarray] | None = None,
        base: np.ndarray | None = None,
    ) -> np.ndarray:
        """The representative profiles of the points ``coords`` (one index array per class; every
        point if None), class ``c`` on the seats ``groups[c]`` (in seat order) of ``n`` seats:
        ``int8`` of shape ``(points, n)``. Seats in no group cast the ballots of ``base`` (a
        profile of ``n`` seats; absent if None)."""
        if coords is None:
            coords = self.points()
        count = len(coords[0]) if len(coords) else self.size
        if base is None:
            out = np.full((count, n), ABSENT, dtype=np.int8)
        else:
            out = np.repeat(np.asarray(base, dtype=np.int8).reshape(1, n), count, axis=0)
        for axis, (seats, idx) in enumerate(zip(groups, coords, strict=True)):
            out[:, np.asarray(sorted(seats), dtype=np.intp)] = self.ballots(axis)[np.asarray(idx)]
        return out
