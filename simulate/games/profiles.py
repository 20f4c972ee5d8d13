"""Exhaustive enumeration of ballot profiles in bounded memory.

A *profile* of ``s`` seats is one ballot per seat, coded as in
:mod:`simulate.model.ballots`: ``YES = 0``, ``NO = 1``, ``ABSTAIN = 2``. Profile
number ``p`` (``0 <= p < 3^s``) is the profile whose ballots are the base-3
digits of ``p``, most significant digit in column 0:
``p = Σ_j profile[j] · 3^(s-1-j)``. So profile 0 is everybody voting yes and
rows come in lexicographic order. Binary enumeration (``2^s`` profiles) uses
the same codes restricted to ``YES`` and ``NO`` (base-2 digits): a decision
function written for ternary profiles applies to binary ones unchanged.

The iterators split the digits into ``h`` high and ``l`` low ones. The low
table (all ``b^l`` combinations of the last ``l`` columns) is written once into
a reusable buffer; each chunk then only fills the ``h`` high columns with a
constant (the digits of the chunk number). The buffer is column-major
(Fortran order), so each seat's column is contiguous and row-wise reductions
such as ``(chunk == YES).sum(axis=1)`` run at memory speed. Memory is
``b^l · s`` bytes plus whatever the decision function allocates, whatever ``s``.

The yielded array is the *same* buffer every time and is read-only: copy a
chunk if you keep it past the next iteration.

>>> [chunk.tolist() for chunk in iter_ternary_profiles(2, chunk_rows=3)]
[[[0, 0], [0, 1], [0, 2]], [[1, 0], [1, 1], [1, 2]], [[2, 0], [2, 1], [2, 2]]]
>>> count_adopted(lambda p: (p == YES).sum(axis=1) >= 2, 3)      # 2 of 3 say yes
7
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from ..codes import ABSTAIN, NO, YES
from .errors import PowerInputError

__all__ = [
    "ABSTAIN",
    "DEFAULT_CHUNK_ROWS",
    "NO",
    "YES",
    "count_adopted",
    "decide_all",
    "iter_binary_profiles",
    "iter_profiles",
    "iter_ternary_profiles",
    "profile_at",
]


#: Rows per chunk by default: ~2.6 MB for 15 seats, small enough for the L2/L3 caches.
DEFAULT_CHUNK_ROWS = 3**11

Decision = Callable[[np.ndarray], np.ndarray]


def _check(seats: int, chunk_rows: int) -> None:
    if isinstance(seats, bool) or not isinstance(seats, int | np.integer) or seats < 1:
        raise PowerInputError(f"the number of seats must be a positive integer (got {seats!r})")
    if isinstance(chunk_rows, bool) or not isinstance(chunk_rows, int | np.integer) or chunk_rows < 1:
        raise PowerInputError(f"chunk_rows must be a positive integer (got {chunk_rows!r})")


def iter_profiles(seats: int, base: int = 3, *, chunk_rows: int = DEFAULT_CHUNK_ROWS) -> Iterator[np.ndarray]:
    """Every profile of ``seats`` ballots in base ``base`` (3: yes/no/abstain, 2: yes/no).

    Yields read-only ``int8`` arrays of shape ``(rows, seats)`` with
    ``rows = base^l <= chunk_rows`` (at least 1); row ``r`` of chunk ``t`` is
    profile number ``t · rows + r``, i.e. ``Σ_j row[j] base^(seats-1-j)``.

    >>> [c.tolist() for c in iter_profiles(2, 2)]
    [[[0, 0], [0, 1], [1, 0], [1, 1]]]
    """
    _check(seats, chunk_rows)
    if base not in (2, 3):
        raise PowerInputError(f"profiles are binary (base 2) or ternary (base 3), not base {base!r}")
    low = 0
    while low < seats and base ** (low + 1) <= chunk_rows:
        low += 1
    high = seats - low
    rows = base**low
    buf = np.empty((rows, seats), dtype=np.int8, order="F")
    if low:
        table = np.indices((base,) * low, dtype=np.int8).reshape(low, rows)
        for j in range(low):
            buf[:, high + j] = table[j]
    digits = [0] * high  # odometer over the high digits, most significant first
    for _ in range(base**high):
        buf.flags.writeable = True
        for j, d in enumerate(digits):
            buf[:, j] = d
        buf.flags.writeable = False
        yield buf
        for j in range(high - 1, -1, -1):
            digits[j] += 1
            if digits[j] < base:
                break
            digits[j] = 0


def iter_ternary_profiles(seats: int, *, chunk_rows: int = DEFAULT_CHUNK_ROWS) -> Iterator[np.ndarray]:
    """All ``3^seats`` yes/no/abstain profiles, in chunks (see :func:`iter_profiles`).

    >>> sum(len(c) for c in iter_ternary_profiles(5, chunk_rows=10))
    243
    """
    return iter_profiles(seats, 3, chunk_rows=chunk_rows)


def iter_binary_profiles(seats: int, *, chunk_rows: int = DEFAULT_CHUNK_ROWS) -> Iterator[np.ndarray]:
    """All ``2^seats`` yes/no profiles (codes ``YES = 0``, ``NO = 1``), in chunks.

    >>> next(iter_binary_profiles(3)).tolist()[:3]
    [[0, 0, 0], [0, 0, 1], [0, 1, 0]]
    """
    return iter_profiles(seats, 2, chunk_rows=chunk_rows)


def profile_at(index: int, seats: int, base: int = 3) -> np.ndarray:
    """Profile number ``index`` (base-``base`` digits, most significant in column 0).

    >>> profile_at(5, 3).tolist()        # 5 = 0·9 + 1·3 + 2
    [0, 1, 2]
    """
    _check(seats, 1)
    if not 0 <= index < base**seats:
        raise PowerInputError(f"profile index {index} is outside 0..{base ** seats - 1}")
    out = np.zeros(seats, dtype=np.int8)
    for j in range(seats - 1, -1, -1):
        index, out[j] = divmod(index, base)
    return out


def _decide(decide: Decision, chunk: np.ndarray) -> np.ndarray:
    out = np.asarray(decide(chunk))
    if out.shape != (chunk.shape[0],) or out.dtype.kind not in "biu":
        raise PowerInputError(
            f"the decision function returned {out.dtype} of shape {out.shape} for {chunk.shape[0]} profiles; "
            f"it must return one bool per profile, shape ({chunk.shape[0]},)"
        )
    return out


def count_adopted(
    decide: Decision, seats: int, *, ternary: bool = True, chunk_rows: int = DEFAULT_CHUNK_ROWS
) -> int:
    """``#{p : decide(p)}`` over all ``3^seats`` (or ``2^seats``) profiles, chunk by chunk.

    ``decide`` maps an ``int8`` array ``(rows, seats)`` to a bool array ``(rows,)``.

    >>> def charter(p):                   # 9 yes of 15 and no "no" among seats 0..4
    ...     return ((p == YES).sum(axis=1) >= 9) & ~(p[:, :5] == NO).any(axis=1)
    >>> count_adopted(charter, 15), count_adopted(charter, 15, ternary=False)
    (146796, 848)
    """
    total = 0
    for chunk in iter_profiles(seats, 3 if ternary else 2, chunk_rows=chunk_rows):
        total += int(np.count_nonzero(_decide(decide, chunk)))
    return total


def decide_all(
    decide: Decision, seats: int, *, ternary: bool = True, chunk_rows: int = DEFAULT_CHUNK_ROWS
) -> np.ndarray:
    """``decide`` on every profile: a bool array indexed by profile number (``3^seats`` bytes).

    >>> decide_all(lambda p: (p == YES).all(axis=1), 2).nonzero()[0].tolist()
    [0]
    """
    base = 3 if ternary else 2
    out = np.empty(base**seats, dtype=bool)
    start = 0
    for chunk in iter_profiles(seats, base, chunk_rows=chunk_rows):
        out[start : start + len(chunk)] = _decide(decide, chunk)
        start += len(chunk)
    return out
