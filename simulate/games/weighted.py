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
:mod:`simulate.games.classes` is used instead: it is exact too and costs only
``Π (m_t + 1)`` evaluations for multiplicities ``m_t``.

Weights and quota may be integers, :class:`fractions.Fraction` (or any
:class:`numbers.Rational`), :class:`decimal.Decimal` or integral floats such
as ``7.0``; rationals are scaled to integers by the least common multiple of
their denominators, which leaves the game unchanged. Floats with a fractional
part are refused (``0.1`` is not one tenth): pass a ``Fraction``.

>>> shapley_shubik([9, 9, 7, 3, 1, 1], 16)      # Nassau County, 1964: 3 of 6 powerless
(Fraction(1, 3), Fraction(1, 3), Fraction(1, 3), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1))
"""

from __future__ import annotations

import decimal
import math
import numbers
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from itertools import accumulate
from typing import Any, Literal, cast

import numpy as np

from .errors import PowerInputError
from .indices import PowerIndices

__all__ = [
    "banzhaf",
    "coleman_initiate",
    "coleman_prevent",
    "integer_game",
    "power_to_act",
    "shapley_shubik",
    "weighted_indices",
]

Method = Literal["auto", "dp", "kronecker", "classes"]

#: Largest ``n`` for which every coalition count fits an ``int64`` (``2^n <= 2^62``).
_INT64_MAX_N = 62


# --------------------------------------------------------------------------- input


def _as_rational(value: object, what: str) -> Fraction:
    if isinstance(value, bool) or value is None:
        raise PowerInputError(f"{what} is {value!r}, not a number")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
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
    simulate.games.errors.PowerInputError: the quota must be positive (got 0): with a quota of 0 or less
        even the empty coalition would win
    """
    if isinstance(weights, str | bytes):
        raise PowerInputError(f"weights must be a sequence of numbers, not the string {weights!r}")
    try:
        raw = list(weights)
    except TypeError:
        raise PowerInputError(f"weights must be a sequence of numbers, not {weights!r}") from None
    if not raw:
        raise PowerInputError("a weighted game needs at least one member (got no weights)")
    if type(quota) is int and set(map(type, raw)) == {int}:  # fast path: plain integers
        ints, qi = cast(list[int], raw), quota
        if min(ints) < 0:
            i = next(i for i, w in enumerate(ints) if w < 0)
            raise PowerInputError(f"weight #{i + 1} is {ints[i]}: weights must be zero or positive")
        total = sum(ints)
        _check_quota(Fraction(qi), Fraction(total)) if not 0 < qi <= total else None
    else:
        fr = [_as_rational(w, f"weight #{i + 1}") for i, w in enumerate(raw)]
        for i, w in enumerate(fr):
            if w < 0:
                raise PowerInputError(f"weight #{i + 1} is {w}: weights must be zero or positive")
        q = _as_rational(quota, "the quota")
        _check_quota(q, sum(fr, Fraction(0)))
        scale = math.lcm(q.denominator, *(w.denominator for w in fr))
        ints = [int(w * scale) for w in fr]
        qi = int(q * scale)
    g = math.gcd(*ints)  # > 0 since the total is >= q > 0
    if g > 1:
        qi = -(-qi // g)
        ints = [w // g for w in ints]
    if max(ints) > qi:
        ints = [min(w, qi) for w in ints]
    return tuple(ints), qi


def _check_quota(q: Fraction, total: Fraction) -> None:
    if q <= 0:
        raise PowerInputError(
            f"the quota must be positive (got {q}): with a quota of 0 or less even the empty coalition would win"
        )
    if q > total:
        raise PowerInputError(f"the quota {q} is above the total weight {total}: no coalition could ever win")


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


def _small_sum(values: np.ndarray) -> int:
    return int(values.sum())  # callers check that int64 cannot overflow


def _int_sum(values: np.ndarray) -> int:
    return int(sum(values.tolist()))


def _swings_from_prefix(weights: Sequence[int], prefix: list[int] | np.ndarray, L: int, n: int) -> list[int]:
    """Swings of every member from the prefix sums ``P(m) = Σ_{k<m} N[k]`` of the counts.

    ``η_i = Σ_{k=L-w}^{L-1} N_{-i}[k] = P(L) + 2 Σ_{j>=1} (-1)^j P(L - j w)`` with ``w = w_i``,
    from ``N = (1 + x^w) N_{-i}``.
    """
    total: Callable[[Any], int] = sum
    if type(prefix) is np.ndarray:
        total = _int_sum if n + max(1, L).bit_length() >= 62 else _small_sum
    full = int(prefix[L])
    by_weight: dict[int, int] = {}
    for w in set(weights):
        if w == 0:
            by_weight[w] = 0
        elif w >= L:
            by_weight[w] = full
        else:
            pts = prefix[L - w :: -w]  # P(L - w), P(L - 2w), ... (j = 1, 2, ...)
            by_weight[w] = full + 2 * (total(pts[1::2]) - total(pts[0::2]))
    return [by_weight[w] for w in weights]


def _dp_swings(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """Swings and ``|W|`` by ``Π (1 + x^{w_j})`` as a numpy vector (``int64`` or Python ints)."""
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
    return _swings_from_prefix(weights, prefix, L, n), _winning(n, int(prefix[L]), complement)


def _kron_swings(weights: Sequence[int], quota: int) -> tuple[list[int], int]:
    """Swings and ``|W|`` by ``Π (1 + x^{w_j})`` packed in one Python integer (``x = 2^B``).

    Kronecker substitution: every count is below ``2^B`` (``B >= n + 1``), so the
    polynomial product is an integer product without carries; each factor costs
    one shift and one addition in C, truncated to the ``L`` tracked weights.
    Swings then follow from prefix sums as in :func:`_swings_from_prefix`.
    """
    n = len(weights)
    total = sum(weights)
    complement = total - quota + 1 < quota
    L = total - quota + 1 if complement else quota
    distinct = set(weights)
    small = L <= 64
    # small tables: tight coefficients read back by shifts; large: 64-bit words read by numpy
    words = -(-(n + 1) // 64)
    B = n + 1 if small else 64 * words
    mask = (1 << (L * B)) - 1
    c = 1
    for w in distinct:
        m = weights.count(w)
        if w == 0:
            c <<= m
        elif w < L:
            shift = w * B
            for _ in range(m):
                c = (c + (c << shift)) & mask
    if not small:
        prefix: list[int] | np.ndarray
        raw = c.to_bytes(L * 8 * words, "little")
        if words == 1:
            prefix = np.zeros(L + 1, dtype=np.int64)
            np.cumsum(np.frombuffer(raw, dtype="<i8"), out=prefix[1:])
        else:
            step = 8 * words
            digits = (int.from_bytes(raw[i : i + step], "little") for i in range(0, len(raw), step))
            prefix = list(accumulate(digits, initial=0))
        return _swings_from_prefix(weights, prefix, L, n), _winning(n, int(prefix[L]), complement)
    digit = (1 << B) - 1
    pre = list(accumulate([(c >> (k * B)) & digit for k in range(L)], initial=0))
    full = pre[L]
    by_weight = {}
    for w in distinct:
        if w == 0:
            by_weight[w] = 0
        elif w >= L:
            by_weight[w] = full
        else:
            pts = pre[L - w :: -w]
            by_weight[w] = full + 2 * (sum(pts[1::2]) - sum(pts[0::2]))
    return [by_weight[w] for w in weights], (full if complement else (1 << n) - full)


_UINT = {8: np.uint8, 16: np.uint16, 32: np.uint32, 64: np.uint64}


def _kron_full(weights: Sequence[int], quota: int) -> tuple[list[int], int, list[int]]:
    """Swings, ``|W|`` and Shapley-Shubik numerators for small games, in big-integer arithmetic.

    For each distinct weight ``w``, the polynomial of the *other* members
    ``Π_{j != i} (1 + y x^{w_j})`` is packed as one integer (``x = 2^B``,
    ``y = x^{W+1}``: one row of ``W + 1`` coefficients per coalition size, no
    carries since every count is below ``2^B``); each row's window
    ``[q - w, q - 1]`` is then summed in numpy. Cost: ``d·n`` shift-and-adds.
    """
    n = len(weights)
    row = sum(weights) + 1
    B = next(b for b in (8, 16, 32, 64) if b >= n + 1)
    nbytes = (n + 1) * row * B // 8
    dtype = _UINT[B]
    fact = [math.factorial(k) for k in range(n + 1)]
    size_weight = [fact[s] * fact[n - 1 - s] for s in range(n)]
    swings_by: dict[int, int] = {}
    ss_by: dict[int, int] = {}
    winning = 0
    shifts = [(row + w) * B for w in weights]
    for w in set(weights):
        skip = weights.index(w)
        D = 1
        for j, shift in enumerate(shifts):
            if j != skip:
                D += D << shift
        table = np.frombuffer(D.to_bytes(nbytes, "little"), dtype=dtype).reshape(n + 1, row)[:n].astype(np.int64)
        if not winning:  # coalitions S of the others, and S ∪ {i}
            by_weight = table.sum(axis=0)
            winning = int(by_weight[quota:].sum()) + int(by_weight[max(0, quota - w) :].sum())
        if w == 0:
            swings_by[w] = ss_by[w] = 0
            continue
        per_size = table[:, max(0, quota - w) : quota].sum(axis=1).tolist()
        swings_by[w] = sum(per_size)
        ss_by[w] = sum(c * f for c, f in zip(per_size, size_weight, strict=True))
    return [swings_by[w] for w in weights], winning, [ss_by[w] for w in weights]


def _dp_full(weights: Sequence[int], quota: int) -> tuple[list[int], int, list[int]]:
    """Swings, ``|W|`` and Shapley-Shubik numerators by ``Π (1 + y x^{w_j})`` as a numpy table.

    ``N[s, k]`` counts coalitions of size ``s`` and weight ``k < L``. With
    ``Q[s, m] = Σ_{k<m} N[s, k]`` and ``R[s] = Q[s] + Q[s-1]``, the others'
    counts summed over the window are, from ``N = (1 + y x^w) N_{-i}``,
    ``Σ_{k=L-w}^{L-1} N_{-i}[s, k] = Q[s, L] + Σ_{j>=1} (-1)^j R[s-j+1, L-jw]``.
    """
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
        ss_by[w] = sum(c * sw for c, sw in zip(counts, size_weight, strict=True))
    return [swings_by[w] for w in weights], _winning(n, full, complement), [ss_by[w] for w in weights]


# --------------------------------------------------------------------------- path choice
#
# Rough costs in nanoseconds, calibrated on one machine; they only pick the
# fastest of several exact methods, so a poor estimate costs time, never accuracy.

_METHODS = ("auto", "dp", "kronecker", "classes")


def _choose(weights: Sequence[int], quota: int, method: str, full: bool) -> str:
    if method not in _METHODS:
        raise PowerInputError(f"unknown method {method!r}; use one of {', '.join(map(repr, _METHODS))}")
    n = len(weights)
    if method == "kronecker" and full and n > _INT64_MAX_N:
        raise PowerInputError(f"the kronecker method handles at most {_INT64_MAX_N} members for Shapley-Shubik")
    if method != "auto":
        return method
    total = sum(weights)
    L = min(quota, total - quota + 1)
    if not full and n * L <= 20_000:  # small: the Kronecker swing count always wins
        return "kronecker"
    counts = Counter(weights)
    d = len(counts)
    # dynamic programme in numpy: (n + d) passes over an (s, L) table, ~1.5 us per numpy call
    per = 1.0 if n <= _INT64_MAX_N else 40.0
    rows = n + 1 if full else 1
    cost = {"dp": (n + d) * rows * L * per + (n + 8 * d) * 1_500 + 20_000}
    # Kronecker: shift-and-add on integers of `bits` bits
    if full:
        if n <= _INT64_MAX_N:
            B = next(b for b in (8, 16, 32, 64) if b >= n + 1)
            bits = (n + 1) * (total + 1) * B
            cost["kronecker"] = d * n * (bits / 64 * 0.4 + 120) + d * 8_000 + 5_000
    else:
        B = 64 * -(-(n + 1) // 64)
        cost["kronecker"] = n * (L * B / 64 * 0.6 + 150) + L * (60 if B > 64 else 25) + d * 500 + 5_000
    points = math.prod(m + 1 for m in counts.values())
    if points <= 200_000:
        cost["classes"] = 120_000 + points * d * 250
    best = min(cost, key=cost.__getitem__)
    _check_work(n, L, total, d, points, cost[best], full)
    return best


#: Refuse a weighted game whose fastest exact method is estimated to take longer than this
#: (nanoseconds, as the costs above) or to need more memory than this (bytes).
WORK_MAX_NS = 120e9
MEMORY_MAX_BYTES = 4 * 2**30


def _check_work(n: int, L: int, total: int, d: int, points: int, best_ns: float, full: bool) -> None:
    """Refuse, before any work, a game too big for every exact method (the integer
    weights make the tables as long as the quota: weights near 10**12 cannot be counted)."""
    item = 8 if n <= _INT64_MAX_N else 40
    memory = {"dp": (min(n, L) + 2 if full else 2) * (L + 1) * item * 3, "classes": points * d * 8}
    if full and n <= _INT64_MAX_N:
        memory["kronecker"] = 2 * (n + 1) * (total + 1) * 8
    elif not full:
        memory["kronecker"] = 2 * L * (n + 1) // 8
    least = min(memory.values()) if points <= 200_000 else min(v for k, v in memory.items() if k != "classes")
    if least > MEMORY_MAX_BYTES or best_ns > WORK_MAX_NS:
        raise PowerInputError(
            f"the weighted game of {n} members, {d} distinct weights and a quota window of {L:,} is too big to "
            f"count exactly (estimated: {least / 2**30:,.1f} GiB of memory, {best_ns / 1e9:,.0f} s): use smaller "
            f"whole-number weights (scale them down) or fewer distinct weights"
        )


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
    ss = [ss_c[pos[w]] for w in weights] if shapley and ss_c is not None else None
    return swings, winning, ss


# --------------------------------------------------------------------------- public API


def weighted_indices(weights: Iterable[object], quota: object, *, method: Method = "auto") -> PowerIndices:
    """Every exact power index of the weighted game ``[q; w_1, ..., w_n]``.

    Member ``i`` wins with coalition ``S`` iff ``Σ_{j ∈ S} w_j >= q``; the result
    holds ``η_i`` (swings), ``|W|`` and ``φ_i`` (see :mod:`simulate.games.indices`
    for the formulas of each index). ``method`` picks the dynamic programme
    (``"dp"``, numpy), big-integer Kronecker substitution (``"kronecker"``), the
    class-count path (``"classes"``), or the one estimated fastest (``"auto"``); all are exact.

    >>> p = weighted_indices([7] * 5 + [1] * 10, 39)        # the Security Council
    >>> round(float(p.shapley_shubik[0]), 4), round(float(p.shapley_shubik[5]), 4)
    (0.1963, 0.0019)
    >>> p.winning, p.swings[0], p.swings[5]
    (848, 848, 84)
    """
    w, q = integer_game(weights, quota)
    n = len(w)
    swings, winning, ss = _full(w, q, method)
    return PowerIndices(n=n, swings=tuple(swings), winning=winning, shapley_shubik=_shares(ss, math.factorial(n)))


def _shares(numerators: Sequence[int], denominator: int, exact: bool = True) -> tuple[Any, ...]:
    """``numerator / denominator`` for each: exact (one :class:`Fraction` per distinct value) or float.

    Floats come from Python's integer true division, which is correctly rounded
    however large the integers are.
    """
    if not denominator:
        return tuple(Fraction(0) if exact else 0.0 for _ in numerators)
    if not exact:
        return tuple([x / denominator for x in numerators])
    cache = {x: Fraction(x, denominator) for x in set(numerators)}
    return tuple([cache[x] for x in numerators])


def shapley_shubik(
    weights: Iterable[object], quota: object, *, exact: bool = True, method: Method = "auto"
) -> tuple[Fraction, ...] | tuple[float, ...]:
    """Shapley-Shubik index ``φ_i = Σ_{S ⊆ N∖{i}, w(S) < q <= w(S) + w_i} |S|! (n-1-|S|)! / n!``.

    The share of the ``n!`` orderings of the members in which ``i`` is pivotal.
    ``exact=False`` returns correctly rounded floats instead of fractions.

    >>> shapley_shubik([3, 2, 1, 1], 4)
    (Fraction(1, 2), Fraction(1, 6), Fraction(1, 6), Fraction(1, 6))
    >>> shapley_shubik([5, 1, 1], 5, exact=False)          # a dictator
    (1.0, 0.0, 0.0)
    """
    w, q = integer_game(weights, quota)
    _, _, ss = _full(w, q, method)
    return _shares(ss, math.factorial(len(w)), exact)


def _full(w: tuple[int, ...], q: int, method: str) -> tuple[list[int], int, list[int]]:
    path = _choose(w, q, method, full=True)
    if path == "classes":
        swings, winning, ss = _by_classes(w, q, shapley=True)
        assert ss is not None
        return swings, winning, ss
    if path == "kronecker":
        return _kron_full(w, q)
    return _dp_full(w, q)


def _swings(weights: Iterable[object], quota: object, method: Method) -> tuple[int, list[int], int]:
    w, q = integer_game(weights, quota)
    path = _choose(w, q, method, full=False)
    if path == "classes":
        swings, winning, _ = _by_classes(w, q, shapley=False)
    elif path == "kronecker":
        swings, winning = _kron_swings(w, q)
    else:
        swings, winning = _dp_swings(w, q)
    return len(w), swings, winning


def banzhaf(
    weights: Iterable[object],
    quota: object,
    *,
    normalised: bool = True,
    exact: bool = True,
    method: Method = "auto",
) -> tuple[Fraction, ...] | tuple[float, ...]:
    """Penrose-Banzhaf index: ``β_i = η_i / Σ_j η_j`` or, absolute, ``β'_i = η_i / 2^(n-1)``.

    ``η_i = #{S ⊆ N∖{i} : w(S) < q <= w(S) + w_i}`` is the number of swings of ``i``.

    >>> banzhaf([4, 3, 2, 1], 6)
    (Fraction(5, 12), Fraction(1, 4), Fraction(1, 4), Fraction(1, 12))
    >>> banzhaf([4, 3, 2, 1], 6, normalised=False)
    (Fraction(5, 8), Fraction(3, 8), Fraction(3, 8), Fraction(1, 8))
    >>> banzhaf([4, 3, 2, 1], 6, exact=False)
    (0.4166666666666667, 0.25, 0.25, 0.08333333333333333)
    """
    n, swings, _ = _swings(weights, quota, method)
    return _shares(swings, sum(swings) if normalised else 1 << (n - 1), exact)


def coleman_prevent(
    weights: Iterable[object], quota: object, *, exact: bool = True, method: Method = "auto"
) -> tuple[Fraction, ...] | tuple[float, ...]:
    """Coleman's power to prevent action ``η_i / |W|``.

    The share of winning coalitions that member ``i`` can turn into losing ones by leaving.

    >>> coleman_prevent([2, 1, 1], 3)
    (Fraction(1, 1), Fraction(1, 3), Fraction(1, 3))
    """
    _, swings, winning = _swings(weights, quota, method)
    return _shares(swings, winning, exact)


def coleman_initiate(
    weights: Iterable[object], quota: object, *, exact: bool = True, method: Method = "auto"
) -> tuple[Fraction, ...] | tuple[float, ...]:
    """Coleman's power to initiate action ``η_i / (2^n - |W|)``.

    The share of losing coalitions that member ``i`` can turn into winning ones by joining.

    >>> coleman_initiate([2, 1, 1], 3)
    (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
    """
    n, swings, winning = _swings(weights, quota, method)
    return _shares(swings, (1 << n) - winning, exact)


def power_to_act(
    weights: Iterable[object], quota: object, *, exact: bool = True, method: Method = "auto"
) -> Fraction | float:
    """Coleman's power of the collectivity to act ``A = |W| / 2^n``.

    The probability that a uniformly random coalition wins.

    >>> power_to_act([7] * 5 + [1] * 10, 39)               # Security Council
    Fraction(53, 2048)
    """
    n, _, winning = _swings(weights, quota, method)
    return Fraction(winning, 1 << n) if exact else winning / (1 << n)
