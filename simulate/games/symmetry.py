"""Seat classes of a rule, and the check that a rule really treats a class alike.

Exact power by seat class (:mod:`simulate.games.classes`) and minimal flips by
class (:mod:`simulate.analysis.flips`) count one representative profile per count
vector. That is only right if the rule's decision does not change when seats of
the same class swap ballots. Built-in Charter rules are such by construction;
a user's function rule may not be, so :func:`is_class_symmetric` tests it on
random profiles with the rule's own decision function before the class shortcut
is taken. The profile that stands for a count vector
(:func:`~simulate.games.lattice.representative_profiles`) is the count lattice's,
in :mod:`simulate.games.lattice`.

>>> import numpy as np
>>> majority = lambda p: (p == 0).sum(axis=1) >= 3
>>> first_decides = lambda p: p[:, 0] == 0
>>> is_class_symmetric(majority, [[0, 1, 2, 3, 4]]), is_class_symmetric(first_decides, [[0, 1, 2, 3, 4]])
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np

from .lattice import representative_profiles

__all__ = ["is_class_symmetric", "partition", "representative_profiles"]

Decide = Callable[[np.ndarray], np.ndarray]


def partition(keys: Sequence[Hashable]) -> list[list[int]]:
    """Seat indices grouped by equal key, groups in order of first appearance.

    >>> partition(["veto", "veto", "elected", "veto"])
    [[0, 1, 3], [2]]
    """
    groups: dict[Hashable, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    return list(groups.values())


def is_class_symmetric(
    decide: Decide,
    classes: Sequence[Sequence[int]],
    *,
    codes: Sequence[int] = (0, 1, 2, 3),
    trials: int = 512,
    seed: int = 0,
) -> bool:
    """Whether ``decide`` gives the same result when seats of a class swap ballots.

    ``trials`` random profiles over ``codes`` are decided before and after a
    random permutation of the ballots within every class (fixed seed, so the
    answer is reproducible).
    """
    n = sum(len(c) for c in classes)
    rng = np.random.default_rng(seed)
    profiles = rng.choice(np.asarray(codes, dtype=np.int8), size=(trials, n))
    shuffled = profiles.copy()
    for cls in classes:
        if len(cls) > 1:
            cols = np.asarray(cls)
            order = rng.permuted(np.broadcast_to(np.arange(len(cls)), (trials, len(cls))), axis=1)
            shuffled[:, cols] = np.take_along_axis(profiles[:, cols], order, axis=1)
    return bool(np.array_equal(np.asarray(decide(profiles)), np.asarray(decide(shuffled))))
