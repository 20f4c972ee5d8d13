"""Class-symmetric simple games: exact indices from counts of "yes" per seat class.

Every Security Council rule has this form: the seats fall into classes of
sizes ``n_1, ..., n_k`` (veto holders, elected members, ...) and whether a
coalition wins depends only on how many members of each class it holds. The
game is given by a vectorised predicate ``win(counts) -> bool array`` where
``counts`` has shape ``(m, k)``: ``counts[r, c]`` is the number of class-``c``
members in coalition ``r``.

Instead of the ``2^n`` coalitions only the ``Π_c (n_c + 1)`` count vectors are
visited, each weighted by its exact multiplicity (Python integers):

* ``|W| = Σ_{K : win(K)} Π_c C(n_c, K_c)``;
* for a member of class ``c``, the coalitions of the *other* members with count
  vector ``K`` number ``C(n_c - 1, K_c) Π_{d != c} C(n_d, K_d)``, and ``K`` is a
  swing iff ``win(K + e_c)`` and not ``win(K)``; summing gives ``η_c``, and
  weighting each by ``s! (n-1-s)!`` with ``s = Σ K`` gives ``n! φ_c``.

Members of a class are interchangeable, so they share every index. The
predicate must be monotone (adding a member never turns a win into a loss);
this is checked on the whole count lattice. A Council of 27 seats in three
classes costs a few hundred predicate rows instead of 134 million coalitions.

>>> import numpy as np
>>> council = class_indices([5, 10], lambda k: (k[:, 0] == 5) & (k.sum(axis=1) >= 9))
>>> [round(float(x), 4) for x in council.shapley_shubik[4:6]]
[0.1963, 0.0019]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np

from .errors import PowerInputError
from .indices import PowerIndices
from .lattice import binomials, outer

__all__ = ["MAX_COUNT_VECTORS", "class_indices", "class_winning", "count_vectors"]

#: Refuse games whose count lattice has more points than this (memory, not exactness).
MAX_COUNT_VECTORS = 5_000_000

Predicate = Callable[[np.ndarray], np.ndarray]


def check_sizes(sizes: Sequence[int], lattice_points: Callable[[int], int] = lambda n: n + 1) -> tuple[int, ...]:
    """Validate class sizes (positive integers) and the size of the lattice they span."""
    if isinstance(sizes, str | bytes):
        raise PowerInputError(f"class sizes must be a sequence of positive integers, not {sizes!r}")
    try:
        out = tuple(sizes)
    except TypeError:
        raise PowerInputError(f"class sizes must be a sequence of positive integers, not {sizes!r}") from None
    if not out:
        raise PowerInputError("a class game needs at least one class of seats (got no class sizes)")
    for i, n in enumerate(out):
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
            raise PowerInputError(f"class size #{i + 1} is {n!r}: class sizes must be positive integers")
    out = tuple(int(n) for n in out)
    points = math.prod(lattice_points(n) for n in out)
    if points > MAX_COUNT_VECTORS:
        raise PowerInputError(
            f"{points} count vectors for class sizes {list(out)}: more than {MAX_COUNT_VECTORS}; merge classes"
        )
    return out


def count_vectors(sizes: Sequence[int]) -> np.ndarray:
    """Every count vector ``K`` with ``0 <= K_c <= n_c``, as an ``int64`` array ``(Π (n_c+1), k)``.

    Rows are in lexicographic order (the last class varies fastest).

    >>> count_vectors([1, 2])
    array([[0, 0],
           [0, 1],
           [0, 2],
           [1, 0],
           [1, 1],
           [1, 2]])
    """
    sizes = check_sizes(sizes)
    return np.indices([n + 1 for n in sizes], dtype=np.int64).reshape(len(sizes), -1).T


def evaluate_predicate(win: Predicate, rows: np.ndarray, what: str = "count vectors") -> np.ndarray:
    """``win(rows)`` as a bool vector, with a readable error when its shape or type is wrong."""
    try:
        out = np.asarray(win(rows))
    except PowerInputError:
        raise
    except Exception as exc:  # the user's predicate: report, don't hide
        raise PowerInputError(f"the predicate failed on an array of shape {rows.shape}: {exc!r}") from exc
    if out.shape != (rows.shape[0],):
        raise PowerInputError(
            f"the predicate returned shape {out.shape} for {rows.shape[0]} {what} of shape {rows.shape}; "
            f"it must return one bool per row, shape ({rows.shape[0]},)"
        )
    if out.dtype.kind not in "biu":
        raise PowerInputError(f"the predicate returned {out.dtype} values; it must return booleans")
    return out.astype(bool, copy=False)


def _lattice(sizes: Sequence[int], win: Predicate) -> np.ndarray:
    K = count_vectors(sizes)
    return evaluate_predicate(win, K).reshape([n + 1 for n in sizes])


def _class_counts(
    sizes: Sequence[int], win: Predicate, *, shapley: bool = True
) -> tuple[list[int], int, list[int] | None]:
    """Per class: swings ``η_c`` and ``n! φ_c``; and ``|W|``; exact integers."""
    sizes = check_sizes(sizes)
    F = _lattice(sizes, win)
    n = sum(sizes)
    binoms = [binomials(m) for m in sizes]
    winning = int(outer(binoms)[F].sum())
    fact = [math.factorial(k) for k in range(n + 1)]
    size_weight = np.array([fact[s] * fact[n - 1 - s] for s in range(n)], dtype=object)
    swings: list[int] = []
    pivots: list[int] = []
    for c, m in enumerate(sizes):
        lo = F.take(np.arange(m), axis=c)  # others hold K, member out
        hi = F.take(np.arange(1, m + 1), axis=c)  # member joins
        broken = lo & ~hi
        if broken.any():
            where = np.argwhere(broken)[0]
            raise PowerInputError(
                f"the predicate is not monotone: the coalition with counts {where.tolist()} wins but "
                f"loses when one more member of class #{c + 1} joins"
            )
        swing = hi & ~lo
        tables = list(binoms)
        tables[c] = binomials(m - 1)
        mult = outer(tables)[swing]
        swings.append(int(mult.sum()))
        if shapley:
            s = np.zeros(lo.shape, dtype=np.int64)
            for d, t in enumerate(tables):
                shape = [1] * len(sizes)
                shape[d] = len(t)
                s = s + np.arange(len(t)).reshape(shape)
            pivots.append(int((mult * size_weight[s[swing]]).sum()))
    return swings, winning, (pivots if shapley else None)


def class_winning(sizes: Sequence[int], win: Predicate) -> int:
    """``|W| = Σ_{K : win(K)} Π_c C(n_c, K_c)``, the number of winning coalitions.

    >>> class_winning([5, 10], lambda k: (k[:, 0] == 5) & (k.sum(axis=1) >= 9))
    848
    """
    sizes = check_sizes(sizes)
    F = _lattice(sizes, win)
    return int(outer([binomials(m) for m in sizes])[F].sum())


def class_indices(sizes: Sequence[int], win: Predicate) -> PowerIndices:
    """Every exact index of the class-symmetric game ``(n_1, ..., n_k; win)``.

    Members are listed class by class (``result.classes[i]`` is member ``i``'s
    class). With ``η_c = Σ_{K swing} C(n_c-1, K_c) Π_{d≠c} C(n_d, K_d)`` and
    ``s = Σ_d K_d``: Shapley-Shubik ``φ_c = Σ_{K swing} C(n_c-1, K_c) Π_{d≠c} C(n_d, K_d) s!(n-1-s)!/n!``;
    the other indices follow from ``η`` and ``|W|`` as in :mod:`simulate.games.indices`.

    >>> pre1965 = class_indices([5, 6], lambda k: (k[:, 0] == 5) & (k.sum(axis=1) >= 7))
    >>> round(float(pre1965.shapley_shubik[0]), 4), round(float(pre1965.shapley_shubik[5]), 4)
    (0.1974, 0.0022)
    >>> pre1965.swings[0], pre1965.swings[5], pre1965.winning
    (57, 5, 57)
    """
    sizes = check_sizes(sizes)
    swings_c, winning, pivots_c = _class_counts(sizes, win, shapley=True)
    assert pivots_c is not None
    n = sum(sizes)
    nfact = math.factorial(n)
    classes = tuple(c for c, m in enumerate(sizes) for _ in range(m))
    return PowerIndices(
        n=n,
        swings=tuple(swings_c[c] for c in classes),
        winning=winning,
        shapley_shubik=tuple(Fraction(pivots_c[c], nfact) for c in classes),
        classes=classes,
    )
