"""Weighted voting games ``[q; w_1, ..., w_n]``: exact power indices without enumeration.

A coalition ``S`` wins iff ``w(S) = Σ_{j ∈ S} w_j >= q``. Every index is derived
from two exact counts, obtained from the generating function
``P(x, y) = Π_j (1 + y x^{w_j})`` whose coefficient ``N[s][k]`` is the number of
coalitions of size ``s`` and weight ``k``:

* the swings of member ``i`` are the coalitions of the others with weight in
  ``[q - w_i, q - 1]``; their counts are the coefficients of
  ``P(x, y) / (1 + y x^{w_i})``, obtained from ``N`` by an alternating sum
  (no per-member recomputation, one pass per *distinct* weight);
* ``|W| = 2^n - Σ_{k < q} N[k]``.

Only weights below ``L = min(q, W - q + 1)`` are ever tracked (when ``q`` is
more than half the total ``W`` the complements ``N∖S`` are counted instead),
so the dynamic programme costs ``O(n · s · L)`` additions, vectorised with
numpy: ``int64`` while every count is below ``2^n <= 2^62`` and Python integers
(numpy ``object`` arrays, exact at any ``n``) beyond. When the game has few
distinct weights (the Council: two) the class-count path of
:mod:`simulate.power.classes` is used instead: it is exact too and costs only
``Π (m_t + 1)`` evaluations for multiplicities ``m_t``.

Weights and quota may be integers, :class:`fractions.Fraction` (or any
:class:`numbers.Rational`), :class:`decimal.Decimal` or integral floats such
as ``7.0``; rationals are scaled to integers by the least common multiple of
their denominators, which leaves the game unchanged. Floats with a fractional
part are refused (``0.1`` is not one tenth): pass a ``Fraction``.

>>> shapley_shubik([9, 9, 7, 3, 1, 1], 16)      # Banzhaf's Nassau County board
(Fraction(1, 3), Fraction(1, 3), Fraction(0, 1), Fraction(1, 3), Fraction(0, 1), Fraction(0, 1))
"""

from __future__ import annotations

import decimal
import math
import numbers
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Literal

import numpy as np

from .errors import PowerInputError
from .indices import PowerIndices

__all__ = [
    "integer_game",
    "weighted_indices",
    "shapley_shubik",
    "banzhaf",
    "coleman_prevent",
    "coleman_initiate",
    "power_to_act",
]

Method = Literal["auto", "dp", "classes"]

#: Largest ``n`` for which every coalition count fits an ``int64`` (``2^n <= 2^62``).
_INT64_MAX_N = 62


# --------------------------------------------------------------------------- input


def _as_rational(value: object, what: str) -> Fraction:
    if isinstance(value, bool) or value is None:
        raise PowerInputError(f"{what} is {value!r}, not a number")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise PowerInputError(f"{what} is {value}, not a finite number")
        return Fraction(value)
    if isinstance(value, float | np.floating):
        value = float(value)
        if not math.isfinite(value):
            raise PowerInputError(f"{what} is {value}, not a finite number")
        if not value.is_integer():
            raise PowerInputError(
                f"{what} is {value!r}, a float with a fractional part; give it as a fractions.Fraction "
                f"(e.g. Fraction('{Fraction(value).limit_denominator(1000)}')) or scale the weights to integers"
            )
        return Fraction(int(value))
    raise PowerInputError(f"{what} is {value!r}, not a number")


def integer_game(weights: Iterable[object], quota: object) -> tuple[tuple[int, ...], int]:
    """Check a weighted game and return an equivalent one with small integer weights.

    The result ``(w', q')`` has the same winning coalitions: rationals are scaled
    by the least common multiple ``l`` of the denominators, then divided by the
    greatest common divisor ``g`` of the weights, ``q' = ⌈q l / g⌉`` (exact since
    ``w(S)`` is an integer), and every weight above ``q'`` is lowered to ``q'``
    (such a member wins alone either way).

    >>> integer_game([Fraction(1, 2), Fraction(1, 3), 1], Fraction(5, 6))
    ((3, 2, 5), 5)
    >>> integer_game([10, 20, 90], 25)
    ((1, 2, 3), 3)
    >>> integer_game([1, 2], 0)
    Traceback (most recent call last):
        ...
    simulate.power.errors.PowerInputError: the quota must be positive (got 0): with a quota of 0 or less even the empty coalition would win
    """
    if isinstance(weights, str | bytes):
        raise PowerInputError(f"weights must be a sequence of numbers, not the string {weights!r}")
    try:
        raw = list(weights)
    except TypeError:
        raise PowerInputError(f"weights must be a sequence of numbers, not {weights!r}") from None
    if not raw:
        raise PowerInputError("a weighted game needs at least one member (got no weights)")
    fr = [_as_rational(w, f"weight #{i + 1}") for i, w in enumerate(raw)]
    for i, w in enumerate(fr):
        if w < 0:
            raise PowerInputError(f"weight #{i + 1} is {w}: weights must be zero or positive")
    q = _as_rational(quota, "the quota")
    total = sum(fr, Fraction(0))
    if q <= 0:
        raise PowerInputError(
            f"the quota must be positive (got {q}): with a quota of 0 or less even the empty coalition would win"
        )
    if q > total:
        raise PowerInputError(f"the quota {q} is above the total weight {total}: no coalition could ever win")
    scale = math.lcm(q.denominator, *(w.denominator for w in fr))
    ints = [int(w * scale) for w in fr]
    qi = int(q * scale)
    g = math.gcd(*ints)  # > 0 since the total is >= q > 0
    qi = -(-qi // g)
    ints = [min(w // g, qi) for w in ints]
    return tuple(ints), qi


# --------------------------------------------------------------------------- dynamic programme


def _dtype(n: int) -> type | np.dtype:
    return np.dtype(np.int64) if n <= _INT64_MAX_N else np.dtype(object)


def _window(weights: Sequence[int], quota: int) -> tuple[int, bool]:
    """``(L, complement)``: count coalition weights ``< L``; complements when ``complement``."""
    total = sum(weights)
    high = total - quota + 1
    return (high, True) if high < quota else (quota, False)


def _winning(n: int, counted: int, complement: bool) -> int:
    # counted = number of coalitions with weight < L; low mode: those are the losing
    # coalitions; complement mode: S wins iff w(N∖S) <= W - q = L - 1.
    return counted if complement else (1 << n) - counted


def _int_sum(values: np.ndarray) -> int:
    return int(sum(values.tolist()))


def _dp_swings(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """Swings and ``|W|`` by the one-variable generating function ``Π (1 + x^{w_j})``."""
    n = len(weights)
    L, complement = _window(weights, quota)
    c = np.zeros(L, dtype=_dtype(n))
    c[0] = 1
    for w in weights:
        if w == 0:
            c += c
        elif w < L:
            c[w:] += c[: L - w]  # numpy buffers overlapping operands: uses the old values
    prefix = np.zeros(L + 1, dtype=c.dtype)
    np.cumsum(c, out=prefix[1:])
    # Σ_{k=L-w}^{L-1} N_{-i}[k] = P(L) + 2 Σ_{j>=1} (-1)^j P(L - j w),  P(m) = Σ_{k<m} N[k]
    by_weight: dict[int, int] = {}
    full = int(prefix[L])
    for w in set(weights):
        if w == 0:
            by_weight[w] = 0
            continue
        pts = prefix[L - w :: -w] if w < L else prefix[:0]
        # pts = P(L - w), P(L - 2w), ... down to index >= 0
        even = _int_sum(pts[1::2])  # j = 2, 4, ...
        odd = _int_sum(pts[0::2])  # j = 1, 3, ...
        by_weight[w] = full + 2 * (even - odd)
    return [by_weight[w] for w in weights], _winning(n, full, complement)


def _dp_full(weights: Sequence[int], quota: int) -> tuple[list[int], int, list[int]]:
    """Swings, ``|W|`` and Shapley-Shubik numerators by ``Π (1 + y x^{w_j})``."""
    n = len(weights)
    L, complement = _window(weights, quota)
    positive = [w for w in weights if w > 0]
    zeros = n - len(positive)
    smax = min(n, zeros + (L - 1) // min(positive))
    dtype = _dtype(n)
    N = np.zeros((smax + 1, L), dtype=dtype)
    N[0, 0] = 1
    for w in weights:
        if w == 0:
            N[1:, :] += N[:-1, :]
        elif w < L:
            N[1:, w:] += N[:-1, : L - w]
    # Q[s, m] = Σ_{k<m} N[s, k];  R[s] = Q[s] + Q[s-1]
    Q = np.zeros((smax + 1, L + 1), dtype=dtype)
    np.cumsum(N, axis=1, out=Q[:, 1:])
    full = _int_sum(Q[:, L])
    R = Q.copy()
    R[1:] += Q[:-1]
    fact = [math.factorial(k) for k in range(n + 1)]
    size_weight = [fact[s] * fact[n - 1 - s] for s in range(smax + 1)]
    swings_by: dict[int, int] = {}
    ss_by: dict[int, int] = {}
    for w in set(weights):
        if w == 0:
            swings_by[w] = ss_by[w] = 0
            continue
        # window[s] = Q[s, L] + Σ_{j>=1} (-1)^j R[s - j + 1, L - j w]   (zero outside the table)
        J = (L - 1) // w if w < L else 0
        window = Q[:, L].astype(object)
        if J:
            j = np.arange(1, J + 1)
            s = np.arange(smax + 1)
            rows = s[None, :] - j[:, None] + 1  # (J, smax+1)
            cols = np.broadcast_to((L - j * w)[:, None], rows.shape)
            valid = rows >= 0
            G = np.zeros(rows.shape, dtype=dtype)
            G[valid] = R[rows[valid], cols[valid]]
            odd = G[0::2].astype(object).sum(axis=0)
            even = G[1::2].astype(object).sum(axis=0) if J > 1 else 0
            window = window - odd + even
        counts = [int(x) for x in window]
        swings_by[w] = sum(counts)
        ss_by[w] = sum(c * sw for c, sw in zip(counts, size_weight))
    return [swings_by[w] for w in weights], _winning(n, full, complement), [ss_by[w] for w in weights]


# --------------------------------------------------------------------------- path choice


def _class_cost(weights: Sequence[int]) -> int:
    counts = Counter(weights)
    cost = 1
    for m in counts.values():
        cost *= m + 1
    return cost * len(counts)


def _dp_cost(weights: Sequence[int], quota: int) -> int:
    n = len(weights)
    L, _ = _window(weights, quota)
    per = 1 if n <= _INT64_MAX_N else 40
    return (n + len(set(weights))) * (n + 1) * L * per // 8 + 50 * n


def _choose(weights: Sequence[int], quota: int, method: str) -> str:
    if method not in ("auto", "dp", "classes"):
        raise PowerInputError(f"unknown method {method!r}; use 'auto', 'dp' or 'classes'")
    if method != "auto":
        return method
    return "classes" if 20 * _class_cost(weights) <= _dp_cost(weights, quota) else "dp"


def _by_classes(weights: Sequence[int], quota: int, shapley: bool) -> tuple[list[int], int, list[int] | None]:
    from .classes import _class_counts  # local: classes imports nothing from here

    distinct = sorted(set(weights))
    sizes = [weights.count(w) for w in distinct]
    big = max(distinct) * len(weights) >= 1 << 62
    wvec = np.array(distinct, dtype=object if big else np.int64)

    def wins(counts: np.ndarray) -> np.ndarray:
        k = counts.astype(object) if big else counts
        return np.asarray(k @ wvec >= quota, dtype=bool)

    swings_c, winning, ss_c = _class_counts(sizes, wins, shapley=shapley)
    pos = {w: t for t, w in enumerate(distinct)}
    swings = [swings_c[pos[w]] for w in weights]
    ss = [ss_c[pos[w]] for w in weights] if shapley else None
    return swings, winning, ss


# --------------------------------------------------------------------------- public API


def weighted_indices(weights: Iterable[object], quota: object, *, method: Method = "auto") -> PowerIndices:
    """Every exact power index of the weighted game ``[q; w_1, ..., w_n]``.

    Member ``i`` wins with coalition ``S`` iff ``Σ_{j ∈ S} w_j >= q``; the result
    holds ``η_i`` (swings), ``|W|`` and ``φ_i`` (see :mod:`simulate.power.indices`
    for the formulas of each index). ``method`` picks the dynamic programme
    (``"dp"``), the class-count path (``"classes"``), or the cheaper (``"auto"``).

    >>> p = weighted_indices([7] * 5 + [1] * 10, 39)        # the Security Council
    >>> round(float(p.shapley_shubik[0]), 4), round(float(p.shapley_shubik[5]), 4)
    (0.1963, 0.0019)
    >>> p.winning, p.swings[0], p.swings[5]
    (848, 848, 84)
    """
    w, q = integer_game(weights, quota)
    n = len(w)
    path = _choose(w, q, method)
    if path == "classes":
        swings, winning, ss = _by_classes(w, q, shapley=True)
    else:
        swings, winning, ss = _dp_full(w, q)
    nfact = math.factorial(n)
    return PowerIndices(
        n=n,
        swings=tuple(swings),
        winning=winning,
        shapley_shubik=tuple(Fraction(x, nfact) for x in ss),
    )


def shapley_shubik(weights: Iterable[object], quota: object, *, method: Method = "auto") -> tuple[Fraction, ...]:
    """Shapley-Shubik index ``φ_i = Σ_{S ⊆ N∖{i}, w(S) < q <= w(S) + w_i} |S|! (n-1-|S|)! / n!``.

    The share of the ``n!`` orderings of the members in which ``i`` is pivotal.

    >>> shapley_shubik([3, 2, 1, 1], 4)
    (Fraction(1, 2), Fraction(1, 6), Fraction(1, 6), Fraction(1, 6))
    >>> shapley_shubik([5, 1, 1], 5)                       # a dictator
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """
    return weighted_indices(weights, quota, method=method).shapley_shubik


def _swings(weights: Iterable[object], quota: object, method: Method) -> tuple[int, list[int], int]:
    w, q = integer_game(weights, quota)
    if _choose(w, q, method) == "classes":
        swings, winning, _ = _by_classes(w, q, shapley=False)
    else:
        swings, winning = _dp_swings(w, q)
    return len(w), swings, winning


def banzhaf(
    weights: Iterable[object], quota: object, *, normalised: bool = True, method: Method = "auto"
) -> tuple[Fraction, ...]:
    """Penrose-Banzhaf index: ``β_i = η_i / Σ_j η_j`` or, absolute, ``β'_i = η_i / 2^(n-1)``.

    ``η_i = #{S ⊆ N∖{i} : w(S) < q <= w(S) + w_i}`` is the number of swings of ``i``.

    >>> banzhaf([4, 3, 2, 1], 6)
    (Fraction(5, 12), Fraction(1, 4), Fraction(1, 4), Fraction(1, 12))
    >>> banzhaf([4, 3, 2, 1], 6, normalised=False)
    (Fraction(5, 8), Fraction(3, 8), Fraction(3, 8), Fraction(1, 8))
    """
    n, swings, _ = _swings(weights, quota, method)
    if normalised:
        total = sum(swings)
        return tuple(Fraction(s, total) for s in swings)
    return tuple(Fraction(s, 1 << (n - 1)) for s in swings)


def coleman_prevent(weights: Iterable[object], quota: object, *, method: Method = "auto") -> tuple[Fraction, ...]:
    """Coleman's power to prevent action ``η_i / |W|``.

    The share of winning coalitions that member ``i`` can turn into losing ones by leaving.

    >>> coleman_prevent([2, 1, 1], 3)
    (Fraction(1, 1), Fraction(1, 3), Fraction(1, 3))
    """
    _, swings, winning = _swings(weights, quota, method)
    return tuple(Fraction(s, winning) for s in swings)


def coleman_initiate(weights: Iterable[object], quota: object, *, method: Method = "auto") -> tuple[Fraction, ...]:
    """Coleman's power to initiate action ``η_i / (2^n - |W|)``.

    The share of losing coalitions that member ``i`` can turn into winning ones by joining.

    >>> coleman_initiate([2, 1, 1], 3)
    (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
    """
    n, swings, winning = _swings(weights, quota, method)
    losing = (1 << n) - winning
    return tuple(Fraction(s, losing) for s in swings)


def power_to_act(weights: Iterable[object], quota: object, *, method: Method = "auto") -> Fraction:
    """Coleman's power of the collectivity to act ``A = |W| / 2^n``.

    The probability that a uniformly random coalition wins.

    >>> power_to_act([7] * 5 + [1] * 10, 39)               # Security Council
    Fraction(53, 2048)
    """
    n, _, winning = _swings(weights, quota, method)
    return Fraction(winning, 1 << n)
