"""The rule's decision by seat-class counts: one representative profile per count combination.

A Council rule treats the seats of a class alike (``rule_classes``: seat kind,
refined by the veto and the obligatory abstentions the rule applies to the
motion; checked on random profiles with the rule's own decision). So whether a
profile is adopted, vetoed or short of votes depends only on how many seats of
each class cast each ballot. :func:`outcome_table` decides one representative
profile per combination of class count vectors with the rule's own
:meth:`~simulate.rules.Rule.tally`; the exact engine weighs the table with
probabilities, the Monte Carlo engine looks draws up in it.

Outcome codes: :data:`ADOPTED`, :data:`VETOED` (not adopted although it had the
required votes, because of blocking ballots: ``tally.blockers``), :data:`SHORT`
(fewer affirmative votes than ``tally.required``), :data:`OTHER` (not adopted,
under a rule that states no quota).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from ...errors import SimulateError
from ...power.council import rule_classes, rule_decide
from ...power.symmetry import is_class_symmetric, representative_profiles

__all__ = ["ADOPTED", "MAX_TABLE", "OTHER", "OUTCOMES", "SHORT", "VETOED", "OutcomeTable", "classify", "outcome_table"]

ADOPTED, VETOED, SHORT, OTHER = 0, 1, 2, 3
OUTCOMES = ("adopted", "vetoed", "short", "other")

#: The most count combinations a table may have (each is one decided profile).
MAX_TABLE = 4_000_000
_BATCH = 1 << 18


class TableTooLarge(SimulateError):
    """The count lattice is too large to decide in full."""


class NotSymmetric(SimulateError):
    """The rule treats seats of one class differently (a user's function rule)."""


def classify(tally: Any) -> np.ndarray:
    """Outcome code per profile from the rule's own tally (never re-deriving the veto)."""
    adopted = np.asarray(tally.adopted, dtype=bool)
    out = np.full(adopted.shape, OTHER, dtype=np.int8)
    out[adopted] = ADOPTED
    if tally.required is not None:
        yes = np.asarray(tally.yes)
        enough = yes >= tally.required
        blocked = np.asarray(tally.blockers).sum(axis=1) >= tally.vetoes_to_block
        out[~adopted & ~enough] = SHORT
        out[~adopted & enough & blocked] = VETOED
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


def outcome_table(rule: Any, motion: Any, supports: Sequence[Sequence[int]]) -> OutcomeTable:
    """The table for ``rule`` on ``motion``, each seat's ballots within ``supports[seat]`` (plus yes and no).

    Raises :class:`NotSymmetric` or :class:`TableTooLarge` when the shortcut does not apply.
    """
    council = motion.council
    classes = tuple(tuple(c) for c in rule_classes(rule, council, motion))
    per_class = tuple(
        tuple(sorted({0, 1}.union(*(set(supports[s]) for s in seats)))) for seats in classes
    )
    try:
        return _cached_table(rule, motion, classes, per_class)
    except TypeError:  # an unhashable rule: no cache
        return _cached_table.__wrapped__(rule, motion, classes, per_class)


@functools.lru_cache(maxsize=64)
def _cached_table(
    rule: Any, motion: Any, classes: tuple[tuple[int, ...], ...], per_class: tuple[tuple[int, ...], ...]
) -> OutcomeTable:
    decide = rule_decide(rule, motion)
    if not _symmetric(decide, classes):
        raise NotSymmetric(f"rule {rule.name} treats seats of the same class differently")
    comps = tuple(compositions(len(seats), sup) for seats, sup in zip(classes, per_class, strict=True))
    shape = tuple(len(c) for c in comps)
    total = int(np.prod(shape, dtype=np.int64))
    if total > MAX_TABLE:
        raise TableTooLarge(
            f"{total:,} combinations of seat-class counts (more than {MAX_TABLE:,}) for rule {rule.name}"
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


def _symmetric(decide: Any, classes: tuple[tuple[int, ...], ...]) -> bool:
    if all(len(c) == 1 for c in classes):
        return True
    return is_class_symmetric(decide, [list(c) for c in classes])
