"""The rule's decision by seat-class counts: one representative profile per count combination.

A rule states which seats it treats alike (``rule.seat_roles(motion)``: seat
kind, refined by the veto and the obligatory abstentions it applies to the
motion; a user's function is checked on random profiles, else every seat is
alone). So whether a profile is adopted, vetoed or short of votes depends only
on how many seats of each group cast each ballot. :func:`outcome_table` decides one representative
profile per combination of class count vectors with the rule's own
:meth:`~simulate.rules.Rule.tally`; the exact engine weighs the table with
probabilities, the Monte Carlo engine looks draws up in it.

Outcome codes, read off the rule's own tally: :data:`ADOPTED`, :data:`VETOED`
(``tally.vetoed``: not adopted although it had the required votes, because of
blocking ballots), :data:`SHORT` (``tally.short_by > 0``), :data:`OTHER` (not
adopted for another reason: a rule that states no quota, or a further majority
it requires).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import attrs
import numpy as np

from ...errors import SimulateError
from ...games.symmetry import representative_profiles
from ...model.motion import Motion
from ...rules.protocol import Tally, VotingRule

__all__ = ["ADOPTED", "MAX_TABLE", "OTHER", "OUTCOMES", "SHORT", "VETOED", "OutcomeTable", "classify", "outcome_table"]

ADOPTED, VETOED, SHORT, OTHER = 0, 1, 2, 3
OUTCOMES = ("adopted", "vetoed", "short", "other")

#: The most count combinations a table may have (each is one decided profile).
MAX_TABLE = 4_000_000
_BATCH = 1 << 18


class TableTooLarge(SimulateError):
    """The count lattice is too large to decide in full."""


def classify(tally: Tally) -> np.ndarray:
    """Outcome code per profile from the rule's own tally (never re-deriving the veto)."""
    adopted = np.asarray(tally.adopted, dtype=bool)
    out = np.full(adopted.shape, OTHER, dtype=np.int8)
    out[adopted] = ADOPTED
    out[~adopted & (np.asarray(tally.short_by) > 0)] = SHORT
    out[~adopted & np.asarray(tally.vetoed, dtype=bool)] = VETOED
    return out


def compositions(n: int, support: Sequence[int]) -> np.ndarray:
    """Count vectors over the four ballots (yes, no, abstain, absent) summing to ``n``, zero outside ``support``."""
    support = sorted(support)
    rows = []
    for parts in itertools.product(range(n + 1), repeat=len(support) - 1):
        rest = n - sum(parts)
        if rest < 0:
            continue
        v = [0, 0, 0, 0]
        for b, k in zip(support, [*parts, rest], strict=True):
            v[b] = k
        rows.append(v)
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


@attrs.frozen(eq=False)
class OutcomeTable:
    """Outcome codes over the product of the classes' count vectors.

    ``classes[c]`` are the seats of class ``c``; ``comps[c]`` its count vectors
    (rows: yes, no, abstain, absent); ``outcome`` has shape
    ``(len(comps[0]), len(comps[1]), ...)``; ``index[c]`` maps the dense code
    ``y + n*(s+1) + a*(s+1)**2`` (``s`` seats in the class) to the row of ``comps[c]``, -1 if none.
    """

    classes: tuple[tuple[int, ...], ...]
    comps: tuple[np.ndarray, ...]
    index: tuple[np.ndarray, ...]
    outcome: np.ndarray

    def dense_code(self, c: int, counts: np.ndarray) -> np.ndarray:
        s = len(self.classes[c]) + 1
        counts = np.asarray(counts)
        return counts[..., 0] + counts[..., 1] * s + counts[..., 2] * s * s


def outcome_table(rule: VotingRule, motion: Motion, supports: Sequence[Sequence[int]]) -> OutcomeTable:
    """The table for ``rule`` on ``motion``, each seat's ballots within ``supports[seat]`` (plus yes and no).

    Raises :class:`TableTooLarge` when there are too many count combinations
    (a rule that treats every seat alone, or a very large council).
    """
    classes = tuple(tuple(c) for c in rule.seat_roles(motion))
    per_class = tuple(
        tuple(sorted({0, 1}.union(*(set(supports[s]) for s in seats)))) for seats in classes
    )
    try:
        hash((rule, motion))
    except TypeError:  # an unhashable rule: no cache
        return _cached_table.__wrapped__(rule, motion, classes, per_class)
    return _cached_table(rule, motion, classes, per_class)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=64)
def _cached_table(
    rule: VotingRule, motion: Motion, classes: tuple[tuple[int, ...], ...], per_class: tuple[tuple[int, ...], ...]
) -> OutcomeTable:
    comps = tuple(compositions(len(seats), sup) for seats, sup in zip(classes, per_class, strict=True))
    shape = tuple(len(c) for c in comps)
    total = int(np.prod(shape, dtype=np.int64))
    if total > MAX_TABLE:
        alone = " (it treats every seat alone)" if all(len(c) == 1 for c in classes) else ""
        raise TableTooLarge(
            f"{total:,} combinations of seat-group counts (more than {MAX_TABLE:,}) for rule {rule.name}{alone}"
        )
    n = motion.council.size
    out = np.empty(total, dtype=np.int8)
    grids = np.indices(shape).reshape(len(shape), -1).T  # (total, k)
    for start in range(0, total, _BATCH):
        rows = grids[start:start + _BATCH]
        counts = np.stack([comps[c][rows[:, c]] for c in range(len(comps))], axis=1)  # (m, k, 4)
        profiles = representative_profiles(counts, classes, n, [0, 1, 2, 3])
        out[start:start + _BATCH] = classify(rule.tally(profiles, motion))
    index = []
    for seats, comp in zip(classes, comps, strict=True):
        s = len(seats) + 1
        dense = np.full(s ** 3, -1, dtype=np.int32)
        dense[comp[:, 0] + comp[:, 1] * s + comp[:, 2] * s * s] = np.arange(len(comp))
        index.append(dense)
    return OutcomeTable(classes, comps, tuple(index), out.reshape(shape))
