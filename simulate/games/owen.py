"""Power with blocs: the Owen value and the Banzhaf-Owen index (simple games with a priori unions).

The members ``N = {0..n-1}`` of a simple game ``v`` are partitioned into blocs
``P = {B_1, ..., B_m}`` (a priori unions: members who coordinate, but still
cast their own ballots). For member ``i`` of bloc ``B_k`` (``b = |B_k|``),
summing over the sets ``R`` of *other* blocs (``r = |R|``, ``Q_R`` their
members) and the sets ``T`` of ``i``'s bloc-mates (``t = |T|``), with the
swing indicator ``δ_i(S) = v(S + i) - v(S)`` (``S + i``: ``S`` with ``i`` added):

=========================  ==========================================================================
``owen`` (Owen 1977)       ``Ow_i = Σ_R Σ_T r!(m-r-1)!/m! · t!(b-t-1)!/b! · δ_i(Q_R + T)``
``banzhaf_owen_absolute``  ``BO_i = Σ_R Σ_T δ_i(Q_R + T) / (2^(m-1) 2^(b-1))``  (Owen 1982)
``banzhaf_owen``           ``BO_i / Σ_j BO_j``  (normalised; 0 if nobody ever swings)
=========================  ==========================================================================

The Owen value is the Shapley value when the blocs enter in a random order and
the members of a bloc in a random order within it: the blocs share the
Shapley value of the *quotient game* ``v_P(R) = v(Q_R)`` (``Σ_{i ∈ B_k} Ow_i``
is bloc ``k``'s Shapley value there, and ``Σ_i Ow_i = 1``), and with one bloc
of all or with every member alone it *is* the Shapley-Shubik index. The
Banzhaf-Owen index equals the Penrose-Banzhaf measure when every member is
alone (and when there is one bloc); a member alone in its bloc gets its
bloc's Banzhaf measure in the quotient game. It is not efficient.

Counted without listing coalitions: every member carries an additive integer
*code* (a weight, or a seat class encoded in mixed radix so that the sum of
the codes of a coalition is its count vector) and the game is a table
``win[s]`` of the code sums. With the generating functions of the other blocs
``Π_{j != k} (1 + y x^{c(B_j)})`` (``y``: blocs taken, ``x``: code) and of the
bloc-mates ``Π_{l ∈ B_k - i} (1 + z x^{c_l})``, weighted by ``r!(m-r-1)!``
and ``t!(b-t-1)!`` (or by 1 for Banzhaf-Owen), their product counts the
pairs ``(R, T)`` by code sum ``s``, and ``δ_i`` is ``win[s + c_i] and not win[s]``.
Everything is an exact integer; only the distinct (bloc, code) pairs are computed.

>>> from simulate.power import shapley_shubik
>>> shapley_shubik([4, 3, 2, 1], 6)                      # [6; 4, 3, 2, 1], everyone alone
(Fraction(5, 12), Fraction(1, 4), Fraction(1, 4), Fraction(1, 12))
>>> p = weighted_bloc_indices([4, 3, 2, 1], 6, [[1, 2]])  # members 1 and 2 vote as a bloc
>>> p.owen, p.blocs
((Fraction(1, 6), Fraction(1, 3), Fraction(1, 3), Fraction(1, 6)), ((1, 2), (0,), (3,)))
>>> p.bloc_owen                                          # the quotient game: the bloc needs a partner
(Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
>>> p.banzhaf_owen_absolute
(Fraction(1, 4), Fraction(3, 8), Fraction(3, 8), Fraction(1, 4))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs
import numpy as np

from .classes import check_sizes, count_vectors, evaluate_predicate
from .errors import PowerInputError
from .weighted import integer_game

__all__ = [
    "BLOC_INDEX_NAMES",
    "BlocIndices",
    "bloc_indices",
    "check_blocs",
    "class_bloc_indices",
    "weighted_bloc_indices",
]

#: Per-member indices with blocs, in the order used by :meth:`BlocIndices.as_floats`.
BLOC_INDEX_NAMES = ("owen", "banzhaf_owen", "banzhaf_owen_absolute")

Predicate = Callable[[np.ndarray], np.ndarray]

#: Refuse games whose generating-function tables (rows x code sums) would exceed this many exact integers.
MAX_TABLE = 20_000_000


@attrs.frozen
class BlocIndices:
    """Exact power of ``n`` members partitioned into ``blocs`` (tuples of member indices).

    ``owen[i]`` is ``Ow_i``; ``swings[i]`` is ``Σ_R Σ_T δ_i(Q_R + T)``, the
    numerator of ``BO_i``.
    """

    n: int
    blocs: tuple[tuple[int, ...], ...]
    owen: tuple[Fraction, ...]
    swings: tuple[int, ...]

    @property
    def bloc_of(self) -> tuple[int, ...]:
        """``bloc_of[i]``: the index of member ``i``'s bloc."""
        out = [0] * self.n
        for k, bloc in enumerate(self.blocs):
            for i in bloc:
                out[i] = k
        return tuple(out)

    @property
    def banzhaf_owen_absolute(self) -> tuple[Fraction, ...]:
        """``BO_i = swings_i / (2^(m-1) 2^(|B_k|-1))``."""
        m = len(self.blocs)
        size = [len(self.blocs[k]) for k in self.bloc_of]
        return tuple(Fraction(s, 2 ** (m - 1 + size[i] - 1)) for i, s in enumerate(self.swings))

    @property
    def banzhaf_owen(self) -> tuple[Fraction, ...]:
        """``BO_i / Σ_j BO_j`` (all 0 if nobody ever swings)."""
        absolute = self.banzhaf_owen_absolute
        total = sum(absolute, Fraction(0))
        return tuple(x / total if total else Fraction(0) for x in absolute)

    @property
    def bloc_owen(self) -> tuple[Fraction, ...]:
        """``Σ_{i ∈ B_k} Ow_i`` per bloc: the Shapley value of the quotient game."""
        return tuple(sum((self.owen[i] for i in bloc), Fraction(0)) for bloc in self.blocs)

    def as_floats(self) -> dict[str, list[float]]:
        """Every per-member index as floats, plus ``bloc_owen`` per bloc."""
        out = {name: [float(x) for x in getattr(self, name)] for name in BLOC_INDEX_NAMES}
        out["bloc_owen"] = [float(x) for x in self.bloc_owen]
        return out


def check_blocs(blocs: Sequence[Sequence[int]], n: int) -> tuple[tuple[int, ...], ...]:
    """The blocs as tuples, with every member of ``0..n-1`` not named put alone in a bloc of its own.

    A member in two blocs, an empty bloc or a member number out of range is refused.

    >>> check_blocs([[2, 0]], 4)
    ((2, 0), (1,), (3,))
    """
    seen: dict[int, int] = {}
    out: list[tuple[int, ...]] = []
    for k, bloc in enumerate(blocs):
        members = tuple(int(i) for i in bloc)
        if not members:
            raise PowerInputError(f"bloc #{k + 1} is empty")
        for i in members:
            if not 0 <= i < n:
                raise PowerInputError(f"bloc #{k + 1} names member {i}, but the members are 0 to {n - 1}")
            if i in seen:
                where = "twice in" if seen[i] == k else f"in bloc #{seen[i] + 1} and in"
                raise PowerInputError(f"member {i} is {where} bloc #{k + 1}: blocs must not overlap")
            seen[i] = k
        out.append(members)
    out += [(i,) for i in range(n) if i not in seen]
    return tuple(out)


def _polynomial(codes: Sequence[int], size: int) -> np.ndarray:
    """``G[t, s]``: subsets of ``codes`` with ``t`` items and code sum ``s < size`` (``Π (1 + y x^c)``)."""
    G = np.zeros((len(codes) + 1, size), dtype=object)
    G[0, 0] = 1
    for c in codes:
        if c < size:
            G[1:, c:] = G[1:, c:] + G[:-1, : size - c].copy()
    return G


def _by_sum(G: np.ndarray, shapley: bool) -> np.ndarray:
    """``Σ_t G[t, s] t!(k-t)!`` (``k = rows - 1``, the Shapley weights up to ``1/(k+1)!``), or ``Σ_t G[t, s]``."""
    if not shapley:
        return G.sum(axis=0)
    k = G.shape[0] - 1
    weights = np.array([math.factorial(t) * math.factorial(k - t) for t in range(k + 1)], dtype=object)
    return (G * weights[:, None]).sum(axis=0)


def _convolve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``(a * b)[s]`` for ``s < len(a)``, over the non-zero terms of ``b`` (a bloc's few code sums)."""
    out = np.zeros(len(a), dtype=object)
    for d in np.flatnonzero(b).tolist():
        out[d:] += b[d] * a[: len(a) - d]
    return out


def bloc_indices(codes: Sequence[int], win: np.ndarray, blocs: Sequence[Sequence[int]]) -> BlocIndices:
    """Owen value and Banzhaf-Owen index of the game ``S wins iff win[Σ_{j ∈ S} codes[j]]``.

    ``codes`` are non-negative integers and ``win`` a monotone bool table over
    code sums ``0 .. len(win) - 1``; a sum beyond the table counts as winning
    (so a weighted game needs its table only up to the quota). Members not in
    any bloc are alone. For ``i`` in ``B_k`` (``b`` members, ``m`` blocs):
    ``A[a] = Σ_r #{R : |R| = r, c(Q_R) = a} r!(m-1-r)!``,
    ``B[d] = Σ_t #{T ⊆ B_k - i : |T| = t, c(T) = d} t!(b-1-t)!``,
    ``m! b! Ow_i = Σ_s (A * B)[s] [win[s + c_i] and not win[s]]`` (``*``: convolution),
    and the same with unit weights for the Banzhaf-Owen swings.

    >>> bloc_indices([1, 1, 1], np.array([False, False, True]), [[0, 1]]).owen   # 2 of 3, a bloc of 2
    (Fraction(1, 2), Fraction(1, 2), Fraction(0, 1))
    """
    codes = [int(c) for c in codes]
    if any(c < 0 for c in codes):
        raise PowerInputError("member codes must be non-negative integers")
    table = np.asarray(win, dtype=bool)
    size = len(table)
    if size == 0 or table[0]:
        raise PowerInputError("the empty coalition wins (or the game has no coalitions): nothing to share")
    n = len(codes)
    parts = check_blocs(blocs, n)
    m = len(parts)
    rows = max(m, *(len(bloc) for bloc in parts))
    if rows * size > MAX_TABLE:
        raise PowerInputError(
            f"{rows} x {size} exact counts per table (blocs or members x code sums) is more than {MAX_TABLE:,}: "
            f"scale the weights and the quota down"
        )
    bloc_code = [sum(codes[i] for i in bloc) for bloc in parts]
    padded = np.concatenate([table, np.ones(max(codes, default=0) + 1, dtype=bool)])  # beyond the table: wins
    owen: list[Fraction] = [Fraction(0)] * n
    swings: list[int] = [0] * n
    others_cache: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {}
    for k, bloc in enumerate(parts):
        key = tuple(sorted(bloc_code[:k] + bloc_code[k + 1 :]))
        if key not in others_cache:
            G = _polynomial(key, size)
            others_cache[key] = (_by_sum(G, True), _by_sum(G, False))
        A_owen, A_banzhaf = others_cache[key]
        b = len(bloc)
        done: dict[int, tuple[Fraction, int]] = {}
        for pos, i in enumerate(bloc):
            c = codes[i]
            if c not in done:
                mates = _polynomial([codes[j] for q, j in enumerate(bloc) if q != pos], size)
                swing = padded[c : c + size] & ~table  # coalition sums s where i swings
                conv_owen = _convolve(A_owen, _by_sum(mates, True))
                conv_banzhaf = _convolve(A_banzhaf, _by_sum(mates, False))
                value = Fraction(int(conv_owen[swing].sum()), math.factorial(m) * math.factorial(b))
                done[c] = (value, int(conv_banzhaf[swing].sum()))
            owen[i], swings[i] = done[c]
    return BlocIndices(n=n, blocs=parts, owen=tuple(owen), swings=tuple(swings))


def weighted_bloc_indices(weights: Sequence[object], quota: object, blocs: Sequence[Sequence[int]]) -> BlocIndices:
    """Owen value and Banzhaf-Owen index of the weighted game ``[q; w_1..w_n]`` with ``blocs`` (member indices).

    ``S`` wins iff ``Σ_{j ∈ S} w_j >= q``: :func:`bloc_indices` with the codes
    ``w_j`` and the table ``win[s] = s >= q`` for ``s < q`` (the polynomials
    are truncated at the quota, ``O(n · m · q)`` for the blocs' polynomial).

    >>> weighted_bloc_indices([1, 1, 1, 1], 3, [[0, 1], [2, 3]]).owen
    (Fraction(1, 4), Fraction(1, 4), Fraction(1, 4), Fraction(1, 4))
    """
    ints, q = integer_game(weights, quota)
    return bloc_indices(ints, np.zeros(q, dtype=bool), blocs)


def class_bloc_indices(sizes: Sequence[int], win: Predicate, blocs: Sequence[Sequence[int]]) -> BlocIndices:
    """Owen value and Banzhaf-Owen index of the class game ``(n_1, ..., n_k; win)`` with ``blocs``.

    Members are listed class by class (as in
    :func:`~simulate.games.classes.class_indices`); ``win(counts)`` decides
    count vectors ``(m, k)``. A member of class ``c`` has the code
    ``Π_{d > c} (n_d + 1)`` (mixed radix), so a coalition's code sum is its
    count vector and :func:`bloc_indices` runs on the ``Π (n_c + 1)`` points
    of the count lattice, whatever the blocs.

    >>> def charter(k):                              # 5 veto holders and 10 elected, 9 votes
    ...     return (k[:, 0] == 5) & (k.sum(axis=1) >= 9)
    >>> p = class_bloc_indices([5, 10], charter, [[0, 1, 2], [3, 4]])  # two blocs of veto holders
    >>> [round(float(x), 4) for x in p.owen[2:6]], sum(p.owen)   # the bloc of 3 gains, the pair loses
    ([0.1414, 0.2121, 0.2121, 0.0152], Fraction(1, 1))
    """
    sizes = check_sizes(sizes)
    F = evaluate_predicate(win, count_vectors(sizes))
    stride = [math.prod(m + 1 for m in sizes[c + 1 :]) for c in range(len(sizes))]
    codes = [stride[c] for c, m in enumerate(sizes) for _ in range(m)]
    for c in range(len(sizes)):  # monotone along every class: adding a member never loses
        lattice = F.reshape([m + 1 for m in sizes])
        if (lattice.take(range(sizes[c]), axis=c) & ~lattice.take(range(1, sizes[c] + 1), axis=c)).any():
            raise PowerInputError(f"the predicate is not monotone: adding a member of class #{c + 1} can lose")
    return bloc_indices(codes, F, blocs)
