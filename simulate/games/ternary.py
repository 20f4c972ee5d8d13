"""Ternary (abstention-aware) class games: each member votes yes, no or abstain.

Under the Charter an abstention is neither a "yes" nor a "no": a permanent
member's abstention does not block, but it is not an affirmative vote either.
Such rules are *ternary voting games* (Felsenthal & Machover, "Ternary voting
games", International Journal of Game Theory 26, 1997). A class-symmetric
ternary game is given by seat classes of sizes ``n_1, ..., n_k`` and a
vectorised predicate ``win(counts) -> bool array`` where ``counts`` has shape
``(m, k, 3)``: ``counts[r, c]`` is ``(yes, no, abstain)`` for class ``c``
(the ballot codes of :mod:`simulate.model.ballots`: ``YES = 0``, ``NO = 1``,
``ABSTAIN = 2``).

Profiles are drawn uniformly from the ``3^n`` (each member independently yes,
no or abstain with probability 1/3); everything is counted exactly over class
compositions with multinomial multiplicities ``n_c! / (y! x! a!)``, never by
enumerating profiles. Definitions implemented (all exact fractions):

``power_to_act``
    ``A_3 = #{adopted profiles} / 3^n``, the ternary analogue of Coleman's
    power of the collectivity to act.
``banzhaf_absolute`` (the ternary Banzhaf measure used here)
    ``β'_i = #{x_{-i} : f(x_{-i}, yes) != f(x_{-i}, no)} / 3^(n-1)``: the
    probability, over uniformly random ballots of the *other* ``n - 1``
    members, that member ``i``'s switch from its least favourable ballot
    (``no``) to its most favourable one (``yes``) changes the outcome. This is
    the swing between the two extreme ballots; an abstention lies between
    them.
``abstain_to_yes`` and ``no_to_abstain``
    The same probability for the two one-step switches (``abstain -> yes``,
    ``no -> abstain``). A permanent member's veto shows up as ``no_to_abstain``;
    an elected member's is always 0 under the Charter rule.
``banzhaf``
    ``β'_i`` normalised to sum to 1 over the members (0 if no member is ever decisive).

``shapley_shubik`` (Felsenthal and Machover's ternary Shapley-Shubik index)
    The roll-call model (Felsenthal & Machover 1997; *The Measurement of
    Voting Power*, 1998): the ``n!`` orders in which the members may be
    called and the ``3^n`` profiles are equally likely, and ``φ_i`` is the
    share of the ``n! 3^n`` roll-calls in which ``i`` is the *pivot*, the
    first member after whose ballot the outcome no longer depends on the
    ballots still to come (:func:`ternary_pivots`, counted by class).
    ``Σ_i φ_i = 1``. If abstaining is the same as voting no (or as voting
    yes), i.e. the outcome depends only on who votes yes (or only on who
    votes no), ``φ`` is the ordinary Shapley-Shubik index of that simple game.

The published Council values, "about 0.1636 for a permanent and 0.0182 for an
elected member" (Felsenthal and Machover, as quoted by Freixas 2005), do not
match this definition to the fourth decimal: under ``charter-1965`` (9 votes,
no permanent "no") the exact values are
``φ_P = 118525786/725416965 = 0.163390`` and
``φ_E = 26557607/1450833930 = 0.018305``, which round to 0.1634 and 0.0183
(differences 0.00021 and 0.00010; both sets sum to 1 over 5 + 10 members).
A roll-call-by-roll-call brute force on small games, and an independent
floating-point Markov chain over the Council's roll-call states, agree with
the exact values, so the gap is not rounding: the published figures must
come from a slightly different model or computation, which we could not
consult. We report the exact values.

When the game is *monotone* (``f(no) <= f(abstain) <= f(yes)`` for every
member and every profile of the others; reported by ``monotone``) the outcome
can change at most once along ``no -> abstain -> yes``, so
``banzhaf_absolute = abstain_to_yes + no_to_abstain`` exactly.

>>> import numpy as np
>>> def charter(c):                      # class 0: 5 veto holders, class 1: 10 elected
...     return (c[:, :, 0].sum(axis=1) >= 9) & (c[:, 0, 1] == 0)
>>> t = ternary_class_indices([5, 10], charter)
>>> t.adopted, t.power_to_act
(146796, Fraction(48932, 4782969))
>>> [round(float(x), 4) for x in (t.banzhaf_absolute[0], t.no_to_abstain[0], t.banzhaf_absolute[5])]
[0.0227, 0.008, 0.0111]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs
import numpy as np

from ..codes import ABSTAIN, NO, YES
from . import lattice
from .classes import check_sizes, evaluate_predicate
from .errors import PowerInputError

__all__ = [
    "ABSTAIN",
    "NO",
    "TERNARY_INDEX_NAMES",
    "YES",
    "TernaryIndices",
    "binary_predicate",
    "compositions",
    "ternary_class_indices",
    "ternary_count_vectors",
    "ternary_pivots",
    "ternary_power_to_act",
    "ternary_shapley_shubik",
]


#: Per-member ternary indices, in the order used by :meth:`TernaryIndices.as_floats`.
TERNARY_INDEX_NAMES = ("shapley_shubik", "banzhaf", "banzhaf_absolute", "abstain_to_yes", "no_to_abstain")

Predicate = Callable[[np.ndarray], np.ndarray]


def _ratio(num: int, den: int) -> Fraction:
    return Fraction(num, den) if den else Fraction(0)


@attrs.frozen
class TernaryIndices:
    """Exact ternary indices of an ``n``-member class game (members listed class by class).

    Counts are over the ``3^(n-1)`` ballot profiles of the other members
    (``yes_no[i]``: profiles where ``f(yes) != f(no)`` for member ``i``, and so
    on) and over all ``3^n`` profiles (``adopted``).
    """

    n: int
    adopted: int
    yes_no: tuple[int, ...]
    yes_abstain: tuple[int, ...]
    abstain_no: tuple[int, ...]
    monotone: bool
    classes: tuple[int, ...] | None = None
    pivots: tuple[int, ...] | None = None

    @property
    def shapley_shubik(self) -> tuple[Fraction, ...]:
        """Felsenthal-Machover ``φ_i = pivots[i] / (n! 3^n)`` (see :func:`ternary_pivots`)."""
        if self.pivots is None:
            raise PowerInputError("these ternary indices were built without roll-call pivots")
        total = math.factorial(self.n) * 3**self.n
        return tuple(Fraction(k, total) for k in self.pivots)

    @property
    def profiles(self) -> int:
        """``3^n``."""
        return 3**self.n

    @property
    def power_to_act(self) -> Fraction:
        """``A_3 = adopted / 3^n``."""
        return Fraction(self.adopted, self.profiles)

    @property
    def banzhaf_absolute(self) -> tuple[Fraction, ...]:
        """``β'_i = #{f(yes) != f(no)} / 3^(n-1)``."""
        return tuple(Fraction(x, 3 ** (self.n - 1)) for x in self.yes_no)

    @property
    def banzhaf(self) -> tuple[Fraction, ...]:
        """``β'_i / Σ_j β'_j`` (all 0 if nobody is ever decisive)."""
        total = sum(self.yes_no)
        return tuple(_ratio(x, total) for x in self.yes_no)

    @property
    def abstain_to_yes(self) -> tuple[Fraction, ...]:
        """``#{f(yes) != f(abstain)} / 3^(n-1)``."""
        return tuple(Fraction(x, 3 ** (self.n - 1)) for x in self.yes_abstain)

    @property
    def no_to_abstain(self) -> tuple[Fraction, ...]:
        """``#{f(abstain) != f(no)} / 3^(n-1)``."""
        return tuple(Fraction(x, 3 ** (self.n - 1)) for x in self.abstain_no)

    def as_floats(self) -> dict[str, list[float] | float | bool]:
        """Every index as floats, plus ``power_to_act`` and ``monotone``."""
        names = [name for name in TERNARY_INDEX_NAMES if name != "shapley_shubik" or self.pivots is not None]
        out: dict[str, list[float] | float | bool] = {name: [float(x) for x in getattr(self, name)] for name in names}
        out["power_to_act"] = float(self.power_to_act)
        out["monotone"] = self.monotone
        return out


def compositions(n: int) -> np.ndarray:
    """Every ``(yes, no, abstain)`` with sum ``n``, shape ``((n+1)(n+2)/2, 3)``.

    Ordered by ``yes``, then ``no`` (ascending): the rows of
    :func:`simulate.games.lattice.compositions`, the one count lattice, in reverse.

    >>> compositions(2).tolist()
    [[0, 0, 2], [0, 1, 1], [0, 2, 0], [1, 0, 1], [1, 1, 0], [2, 0, 0]]
    """
    return lattice.compositions(n)[::-1].copy()


def _check(sizes: Sequence[int]) -> tuple[int, ...]:
    return check_sizes(sizes, lattice.composition_count)


def ternary_count_vectors(sizes: Sequence[int]) -> np.ndarray:
    """Every ternary count vector, shape ``(Π_c (n_c+1)(n_c+2)/2, k, 3)`` (last class fastest,
    each class's compositions in the order of :func:`compositions`).

    >>> ternary_count_vectors([1, 1]).shape
    (9, 2, 3)
    """
    return lattice.CountLattice(_check(sizes)).vectors()[::-1].copy()


def _lattice(sizes: tuple[int, ...], win: Predicate) -> np.ndarray:
    """``win`` at every point of the count lattice (:class:`~simulate.games.lattice.CountLattice`)."""
    points = lattice.CountLattice(sizes)
    return evaluate_predicate(win, points.vectors(), "ternary count vectors").reshape(points.shape)


def ternary_class_indices(sizes: Sequence[int], win: Predicate) -> TernaryIndices:
    """Exact ternary indices of the class game ``(n_1, ..., n_k; win)``.

    For a member of class ``c`` and each composition ``K`` of the others
    (class ``c`` then has ``n_c - 1`` members), with multiplicity
    ``m(K) = Π_d n'_d! / (y_d! x_d! a_d!)``:
    ``yes_no_c = Σ_K m(K) [f(K + yes_c) != f(K + no_c)]`` (and likewise for the
    one-step switches); ``adopted = Σ_K m(K) [f(K)]`` over full compositions.

    >>> def majority(c):                              # 3 equal members, yes > no
    ...     return c[:, 0, 0] > c[:, 0, 1]
    >>> t = ternary_class_indices([3], majority)
    >>> t.adopted, t.yes_no[0], t.abstain_to_yes[0], t.no_to_abstain[0]
    (10, 5, Fraction(1, 3), Fraction(2, 9))
    """
    sizes = _check(sizes)
    F = _lattice(sizes, win)
    mult = [lattice.multinomials(n) for n in sizes]
    adopted = int(lattice.outer(mult)[F].sum())
    yes_no: list[int] = []
    yes_abstain: list[int] = []
    abstain_no: list[int] = []
    monotone = True
    for c, n in enumerate(sizes):
        pos = lattice.positions(n)
        others = lattice.compositions(n - 1)
        y, x = others[:, 0], others[:, 1]
        fy = F.take(pos[y + 1, x], axis=c)
        fn = F.take(pos[y, x + 1], axis=c)
        fa = F.take(pos[y, x], axis=c)  # abstain: (y, x, a + 1)
        tables = list(mult)
        tables[c] = lattice.multinomials(n - 1)
        m = lattice.outer(tables)
        yes_no.append(int(m[fy != fn].sum()))
        yes_abstain.append(int(m[fy != fa].sum()))
        abstain_no.append(int(m[fa != fn].sum()))
        monotone = monotone and not bool((fn & ~fa).any() or (fa & ~fy).any())
    classes = tuple(c for c, n in enumerate(sizes) for _ in range(n))
    pivots = ternary_pivots(sizes, win)
    return TernaryIndices(
        n=sum(sizes),
        adopted=adopted,
        yes_no=tuple(yes_no[c] for c in classes),
        yes_abstain=tuple(yes_abstain[c] for c in classes),
        abstain_no=tuple(abstain_no[c] for c in classes),
        monotone=monotone,
        classes=classes,
        pivots=pivots,
    )


def ternary_power_to_act(sizes: Sequence[int], win: Predicate) -> Fraction:
    """``A_3 = Σ_{K : win(K)} Π_c n_c! / (y_c! x_c! a_c!) / 3^n``, the share of profiles adopted.

    >>> def pre1965(c):                               # 7 yes, no permanent "no", 11 seats
    ...     return (c[:, :, 0].sum(axis=1) >= 7) & (c[:, 0, 1] == 0)
    >>> ternary_power_to_act([5, 6], pre1965)
    Fraction(2503, 177147)
    """
    sizes = _check(sizes)
    F = _lattice(sizes, win)
    adopted = int(lattice.CountLattice(sizes).multiplicities()[F].sum())
    return Fraction(adopted, 3 ** sum(sizes))


def _partial_compositions(n: int) -> np.ndarray:
    """Every ``(yes, no, abstain)`` with sum at most ``n``, shape ``(C(n+3, 3), 3)``."""
    rows = [(y, x, a) for y in range(n + 1) for x in range(n + 1 - y) for a in range(n + 1 - y - x)]
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def ternary_pivots(sizes: Sequence[int], win: Predicate) -> tuple[int, ...]:
    """Roll-calls in which each member is pivotal (members class by class), of ``n! 3^n`` in all.

    A *roll-call* is an ordering ``π`` of the members together with a profile
    ``x ∈ {yes, no, abstain}^n``. After the first ``j`` members of ``π`` have
    voted, the outcome is *determined* when every completion of their ballots
    by the others gives the same outcome. The pivot of ``(π, x)`` is the first
    member after whose ballot the outcome is determined (none if it is
    determined before anybody votes: a constant game).

    Counted by class, never over the ``n!`` orderings: the state after ``p``
    ballots is the composition ``s = (y_d, x_d, a_d)_d`` of the ballots cast so
    far per class (``p_d = y_d + x_d + a_d``). The roll-call prefixes reaching
    ``s`` number ``N(s) = p! Π_d n_d! / (y_d! x_d! a_d! (n_d - p_d)!)``; if
    ``s`` is undetermined and one more member of class ``c`` with ballot ``b``
    determines it, each of the ``N(s) (n_c - p_c)`` prefixes extends to
    ``(n - p - 1)! 3^(n-p-1)`` roll-calls with that member as pivot. Whether
    ``s`` is determined is read off the full lattice: the number of winning and
    of losing full compositions that extend ``s`` (one tensor contraction per
    class), one of which must be 0.

    >>> def majority(c):                              # 3 voters: more yes than no
    ...     return c[:, 0, 0] > c[:, 0, 1]
    >>> ternary_pivots([3], majority)                 # of 3! 3^3 = 162 roll-calls
    (54, 54, 54)
    """
    sizes = check_sizes(sizes, lambda n: (n + 3) * (n + 2) * (n + 1) // 6)
    F = _lattice(sizes, win).astype(np.float64)  # counts below 2^53 are exact; float64 uses BLAS
    n = sum(sizes)
    partial = [_partial_compositions(m) for m in sizes]
    wins, losses = F, 1 - F
    for c, m in enumerate(sizes):
        full = lattice.compositions(m)
        extends = (partial[c][:, None, :] <= full[None, :, :]).all(axis=2).astype(np.float64)  # (T_c, F_c)
        wins = np.moveaxis(np.tensordot(extends, wins, axes=([1], [c])), 0, c)
        losses = np.moveaxis(np.tensordot(extends, losses, axes=([1], [c])), 0, c)
    determined = (wins == 0) | (losses == 0)
    fact = [math.factorial(k) for k in range(n + 1)]
    # Σ_s Π_d n_d!/(y! x! a! (n_d - p_d)!) over all partial states is 4^n: int64 is exact up to n = 30
    dtype = np.dtype(np.int64) if n <= 30 else np.dtype(object)
    ways = []  # ways[d][s_d, p_d]: n_d! / (y! x! a! (n_d - p_d)!) at column p_d = y + x + a
    for m, part in zip(sizes, partial, strict=True):
        table = np.zeros((len(part), m + 1), dtype=dtype)
        for r, (y, x, a) in enumerate(part.tolist()):
            table[r, y + x + a] = fact[m] // (fact[y] * fact[x] * fact[a] * fact[m - y - x - a])
        ways.append(table)
    pivots_by_class: list[int] = []
    for c, m in enumerate(sizes):
        index = {tuple(row): r for r, row in enumerate(partial[c].tolist())}
        shape = [1] * len(sizes)
        shape[c] = -1
        moves = np.zeros(determined.shape, dtype=dtype)  # ballots of a class-c member that end indeterminacy
        for ballot in (YES, NO, ABSTAIN):
            step = np.eye(3, dtype=np.int64)[ballot]
            nxt = np.array([index.get(tuple(row + step), -1) for row in partial[c]], dtype=np.int64)
            valid = (nxt >= 0).reshape(shape)
            moves += ~determined & valid & determined.take(np.maximum(nxt, 0), axis=c)
        by_cast = moves
        for d in range(len(sizes)):  # contract class d's axis with its ways, keyed by p_d (new last axis)
            table = ways[d] * (m - np.arange(m + 1)) if d == c else ways[d]
            by_cast = np.tensordot(by_cast, table, axes=([0], [0]))
        total = 0
        for cast, count in np.ndenumerate(by_cast):
            if count:
                p = sum(cast)
                total += int(count) * fact[p] * fact[n - p - 1] * 3 ** (n - p - 1)
        pivots_by_class.append(total // m)
    return tuple(pivots_by_class[c] for c, m in enumerate(sizes) for _ in range(m))


def ternary_shapley_shubik(sizes: Sequence[int], win: Predicate) -> tuple[Fraction, ...]:
    """Felsenthal and Machover's ternary Shapley-Shubik index ``φ_i = #{roll-calls with pivot i} / (n! 3^n)``.

    See :func:`ternary_pivots`. ``Σ_i φ_i = 1`` unless the game is constant.

    >>> def charter(c):
    ...     return (c[:, :, 0].sum(axis=1) >= 9) & (c[:, 0, 1] == 0)
    >>> phi = ternary_shapley_shubik([5, 10], charter)
    >>> phi[0], phi[5], sum(phi)
    (Fraction(118525786, 725416965), Fraction(26557607, 1450833930), Fraction(1, 1))
    >>> [round(float(x), 4) for x in (phi[0], phi[5])]      # quoted as 0.1636 and 0.0182 (see the module)
    [0.1634, 0.0183]
    """
    sizes = check_sizes(sizes)
    denominator = math.factorial(sum(sizes)) * 3 ** sum(sizes)
    return tuple(Fraction(k, denominator) for k in ternary_pivots(sizes, win))


def binary_predicate(sizes: Sequence[int], ternary_win: Predicate) -> Predicate:
    """The binary game of a ternary predicate: every member not voting yes votes no.

    Returns ``win(counts)`` for :func:`~simulate.games.classes.class_indices`
    (``counts`` of shape ``(m, k)``, the yes-votes per class) that calls
    ``ternary_win`` on ``(yes, n_c - yes, 0)``.

    >>> from simulate.games.classes import class_indices
    >>> def charter(c):
    ...     return (c[:, :, 0].sum(axis=1) >= 9) & (c[:, 0, 1] == 0)
    >>> p = class_indices([5, 10], binary_predicate([5, 10], charter))
    >>> round(float(p.shapley_shubik[0]), 4)
    0.1963
    """
    sizes = check_sizes(sizes)
    n = np.array(sizes, dtype=np.int64)

    def win(counts: np.ndarray) -> np.ndarray:
        counts = np.asarray(counts, dtype=np.int64)
        if counts.ndim != 2 or counts.shape[1] != len(sizes):
            raise PowerInputError(f"expected yes-counts of shape (m, {len(sizes)}), got {counts.shape}")
        tern = np.stack([counts, n - counts, np.zeros_like(counts)], axis=2)
        return ternary_win(tern)

    return win
