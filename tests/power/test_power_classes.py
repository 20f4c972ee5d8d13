"""Class-symmetric games: against brute force and against the weighted path."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.power import (
    PowerInputError,
    class_indices,
    class_winning,
    count_vectors,
    weighted_indices,
)


def council_rule(permanent, quota):
    def win(counts):
        return (counts[:, 0] == permanent) & (counts.sum(axis=1) >= quota)

    return win


def test_council_class_path_equals_weighted_path():
    by_class = class_indices([5, 10], council_rule(5, 9))
    weighted = weighted_indices([7] * 5 + [1] * 10, 39)
    assert by_class.swings == weighted.swings
    assert by_class.winning == weighted.winning
    assert by_class.shapley_shubik == weighted.shapley_shubik
    assert by_class.classes == (0,) * 5 + (1,) * 10
    old = class_indices([5, 6], council_rule(5, 7))
    assert old.shapley_shubik == weighted_indices([5] * 5 + [1] * 6, 27).shapley_shubik


def test_reform_council_of_27_seats_exactly():
    """E.g. 5 veto holders, 6 new permanent members without veto, 16 elected; 18 votes needed."""

    def win(k):
        return (k[:, 0] == 5) & (k.sum(axis=1) >= 18)

    p = class_indices([5, 6, 16], win)
    assert p.n == 27 and sum(p.shapley_shubik) == 1
    assert p.shapley_shubik[5] == p.shapley_shubik[-1]  # without a veto all non-vetoers are alike
    assert p.winning == sum(math.comb(22, k) for k in range(13, 23))
    # the same game written as a weighted game: veto weight 23 (> 22 others), quota 5*23+13
    w = weighted_indices([23] * 5 + [1] * 22, 5 * 23 + 13)
    assert w.swings == p.swings and w.shapley_shubik == p.shapley_shubik


def brute_force(sizes, win):
    """Expand the classes into members and list all 2^n coalitions."""
    member_class = [c for c, n in enumerate(sizes) for _ in range(n)]
    n = len(member_class)
    k = len(sizes)

    def wins(mask):
        counts = np.zeros((1, k), dtype=np.int64)
        for j in range(n):
            if mask >> j & 1:
                counts[0, member_class[j]] += 1
        return bool(win(counts)[0])

    outcome = [wins(mask) for mask in range(1 << n)]
    swings = [0] * n
    pivots = [0] * n
    for mask in range(1 << n):
        size = bin(mask).count("1")
        for i in range(n):
            if not mask >> i & 1 and not outcome[mask] and outcome[mask | 1 << i]:
                swings[i] += 1
                pivots[i] += math.factorial(size) * math.factorial(n - 1 - size)
    return swings, sum(outcome), [Fraction(p, math.factorial(n)) for p in pivots]


@st.composite
def monotone_class_games(draw):
    """Class sizes (total <= 9) and a monotone rule: weighted threshold AND per-class minima."""
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3).filter(lambda s: sum(s) <= 9))
    weights = draw(st.lists(st.integers(0, 5), min_size=len(sizes), max_size=len(sizes)))
    minima = [draw(st.integers(0, n)) for n in sizes]
    quota = draw(st.integers(0, sum(w * n for w, n in zip(weights, sizes, strict=True)) + 1))
    w = np.array(weights)
    lo = np.array(minima)

    def win(counts):
        return (counts @ w >= quota) & (counts >= lo).all(axis=1)

    return sizes, win


@settings(max_examples=80, deadline=None)
@given(monotone_class_games())
def test_class_indices_match_brute_force(game):
    sizes, win = game
    swings, winning, ss = brute_force(sizes, win)
    p = class_indices(sizes, win)
    assert list(p.swings) == swings
    assert p.winning == winning == class_winning(sizes, win)
    assert list(p.shapley_shubik) == ss
    if any(swings):
        assert sum(p.shapley_shubik) == 1 and sum(p.banzhaf) == 1
    else:  # a constant game: nobody has power
        assert set(p.banzhaf) == {0} and set(p.shapley_shubik) == {0}


def test_count_vectors():
    k = count_vectors([2, 1])
    assert k.shape == (6, 2)
    assert {tuple(r) for r in k.tolist()} == set(itertools.product(range(3), range(2)))


def test_not_monotone_is_refused():
    with pytest.raises(PowerInputError, match="not monotone"):
        class_indices([3], lambda k: k[:, 0] == 1)


@pytest.mark.parametrize(
    ("sizes", "win", "words"),
    [
        ([], lambda k: k[:, 0] > 0, "at least one class"),
        ([3, 0], lambda k: k[:, 0] > 0, "class size #2 is 0"),
        ([3, -1], lambda k: k[:, 0] > 0, "class size #2 is -1"),
        ([2.5], lambda k: k[:, 0] > 0, "positive integers"),
        ("35", lambda k: k[:, 0] > 0, "not '35'"),
        ([3, 2], lambda k: k > 0, "returned shape"),
        ([3, 2], lambda k: k[:, 0] * 0.5, "must return booleans"),
        ([3, 2], lambda k: k[:, 7] > 0, "predicate failed"),
        ([200, 200, 200], lambda k: k[:, 0] > 0, "count vectors"),
    ],
)
def test_bad_class_game(sizes, win, words):
    with pytest.raises(PowerInputError, match=words):
        class_indices(sizes, win)
