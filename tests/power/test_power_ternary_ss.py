"""Felsenthal and Machover's ternary Shapley-Shubik index (the roll-call model): brute force, identities,
the Council's exact values."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from functools import cache

import numpy as np
import pytest
from helpers import examples
from hypothesis import given
from hypothesis import strategies as st

from simulate.power import (
    ABSTAIN,
    NO,
    YES,
    class_indices,
    rule_power,
    ternary_class_indices,
    ternary_pivots,
    ternary_shapley_shubik,
)


def roll_call_pivots(sizes, win, ballots=(YES, NO, ABSTAIN)):
    """By definition: every ordering of the members x every profile over ``ballots``; the pivot is the first
    member after whose ballot every completion of the profile (over ``ballots``) gives the same outcome."""
    classes = [c for c, m in enumerate(sizes) for _ in range(m)]
    n = len(classes)

    def outcome(profile):
        counts = np.zeros((1, len(sizes), 3), dtype=np.int64)
        for i, b in enumerate(profile):
            counts[0, classes[i], b] += 1
        return bool(win(counts)[0])

    @cache
    def determined(partial):
        free = [i for i, b in enumerate(partial) if b is None]
        seen = set()
        for fill in itertools.product(ballots, repeat=len(free)):
            profile = list(partial)
            for i, b in zip(free, fill, strict=True):
                profile[i] = b
            seen.add(outcome(tuple(profile)))
            if len(seen) > 1:
                return False
        return True

    pivots = [0] * n
    for profile in itertools.product(ballots, repeat=n):
        for order in itertools.permutations(range(n)):
            partial = [None] * n
            for i in order:
                if determined(tuple(partial)):
                    break
                partial[i] = profile[i]
                if determined(tuple(partial)):
                    pivots[i] += 1
                    break
    return tuple(pivots)


def charter(quota):
    def win(c):
        return (c[:, :, YES].sum(axis=1) >= quota) & (c[:, 0, NO] == 0)

    return win


def majority_of_those_voting(c):
    return c[:, :, YES].sum(axis=1) > c[:, :, NO].sum(axis=1)


def two_thirds_of_those_voting(c):  # yes >= 2 no, at least one yes
    yes, no = c[:, :, YES].sum(axis=1), c[:, :, NO].sum(axis=1)
    return (yes >= 2 * no) & (yes > 0)


GAMES = [
    ([3], majority_of_those_voting),
    ([2, 2], charter(3)),
    ([1, 3], charter(2)),
    ([2, 3], charter(4)),
    ([5], two_thirds_of_those_voting),
]


@pytest.mark.parametrize(("sizes", "win"), GAMES)
def test_against_every_roll_call(sizes, win):
    assert ternary_pivots(sizes, win) == roll_call_pivots(sizes, win)
    phi = ternary_shapley_shubik(sizes, win)
    assert sum(phi) == 1
    assert phi == tuple(Fraction(k, math.factorial(sum(sizes)) * 3 ** sum(sizes)) for k in roll_call_pivots(sizes, win))


def test_three_voters_majority_of_those_voting():
    """Derived from the definition (the published three-voter example could not be retrieved): 3 symmetric
    voters, adopted iff more yes than no. Of the 3! 3^3 = 162 roll-calls each voter is pivotal in 54."""
    assert ternary_pivots([3], majority_of_those_voting) == (54, 54, 54)
    # a dictator is pivotal in every roll-call
    assert ternary_shapley_shubik([1, 2], lambda c: c[:, 0, YES] == 1)[:1] == (Fraction(1),)


def test_a_constant_game_has_no_pivot():
    assert ternary_pivots([2, 2], lambda c: np.ones(len(c), dtype=bool)) == (0, 0, 0, 0)


@st.composite
def class_games(draw):
    k = draw(st.integers(1, 3))
    sizes = draw(st.lists(st.integers(1, 5), min_size=k, max_size=k))
    weights = draw(st.lists(st.integers(0, 6), min_size=k, max_size=k))
    total = sum(w * m for w, m in zip(weights, sizes, strict=True))
    quota = draw(st.integers(1, max(1, total)))
    return sizes, np.array(weights), quota


@examples(0.2)  # 40 of the ci profile's 200
@given(class_games())
def test_abstention_equivalent_to_no_or_to_yes_gives_the_binary_index(game):
    """If the outcome depends only on who votes yes (abstaining = voting no), f(x) = g({i : x_i = yes}), the
    ternary index is the Shapley-Shubik index of the simple game g; likewise if it depends only on who votes
    no (abstaining = voting yes), f(x) = g({i : x_i != no}). (Map a roll-call (π, x) to the ordering listing the
    yes-voters in π's order, then the others in reverse: the pivots coincide, and for each x the map is a
    bijection of orderings.)"""
    sizes, weights, quota = game
    if int((weights * np.array(sizes)).sum()) < quota:
        return
    binary = class_indices(sizes, lambda k: k @ weights >= quota).shapley_shubik
    yes_only = ternary_shapley_shubik(sizes, lambda c: c[:, :, YES] @ weights >= quota)
    not_no = ternary_shapley_shubik(sizes, lambda c: (c[:, :, YES] + c[:, :, ABSTAIN]) @ weights >= quota)
    assert yes_only == binary
    assert not_no == binary


@pytest.mark.parametrize(("sizes", "win"), GAMES[:3])
def test_no_abstention_at_all_gives_the_binary_index(sizes, win):
    """The binary roll-call model (profiles in {yes, no}^n only) gives the Shapley-Shubik index of the game
    "yes-voters win": Felsenthal and Machover's original roll-call theorem."""
    n = sum(sizes)
    pivots = roll_call_pivots(sizes, win, ballots=(YES, NO))
    binary = class_indices(sizes, lambda k: win(np.stack([k, np.array(sizes) - k, 0 * k], axis=2)))
    assert tuple(Fraction(p, math.factorial(n) * 2**n) for p in pivots) == binary.shapley_shubik


def test_the_council_under_charter_1965():
    """Felsenthal and Machover's values as quoted by Freixas (2005): about 0.1636 (permanent) and 0.0182
    (elected). The exact values round to 0.1634 and 0.0183: see the ternary module's docstring."""
    t = rule_power("charter-1965", ternary=True).ternary
    phi = t.shapley_shubik
    assert phi[0] == Fraction(118525786, 725416965) and phi[5] == Fraction(26557607, 1450833930)
    assert len(set(phi[:5])) == 1 and len(set(phi[5:])) == 1 and sum(phi) == 1
    assert abs(float(phi[0]) - 0.1636) < 3e-4 and abs(float(phi[5]) - 0.0182) < 2e-4
    assert ternary_class_indices([5, 10], charter(9)).shapley_shubik == phi
    # an abstaining permanent member does not block: less power than the binary model's 0.1963
    assert phi[0] < rule_power("charter-1965").binary.shapley_shubik[0]


def test_strict_concurrence_makes_abstention_a_no():
    t = rule_power("strict-concurrence", ternary=True)
    assert t.ternary.shapley_shubik == t.binary.shapley_shubik
