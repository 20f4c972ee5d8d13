"""Every weighted-game index against brute-force enumeration of all 2^n coalitions."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from helpers import examples
from hypothesis import given
from hypothesis import strategies as st

from simulate.power import (
    banzhaf,
    coleman_initiate,
    coleman_prevent,
    power_to_act,
    weighted_indices,
)

METHODS = ("auto", "dp", "kronecker", "classes")


@st.composite
def weighted_games(draw, max_members=8, max_weight=10):
    """A weighted game: 1..8 members with weights 0..10 (not all 0), quota 1..total."""
    weights = draw(
        st.lists(st.integers(0, max_weight), min_size=1, max_size=max_members).filter(lambda w: sum(w) > 0)
    )
    quota = draw(st.integers(1, sum(weights)))
    return weights, quota


def brute_force(weights, quota):
    """Swings, |W| and Shapley-Shubik by listing every coalition."""
    n = len(weights)
    swings = [0] * n
    pivots = [0] * n
    winning = 0
    for mask in range(1 << n):
        members = [j for j in range(n) if mask >> j & 1]
        weight = sum(weights[j] for j in members)
        winning += weight >= quota
        for i in range(n):
            if not mask >> i & 1 and weight < quota <= weight + weights[i]:
                swings[i] += 1
                pivots[i] += math.factorial(len(members)) * math.factorial(n - 1 - len(members))
    return swings, winning, [Fraction(p, math.factorial(n)) for p in pivots]


def shapley_by_orderings(weights, quota):
    """Shapley-Shubik straight from its definition: pivots over all n! orderings."""
    n = len(weights)
    pivots = [0] * n
    for order in itertools.permutations(range(n)):
        total = 0
        for i in order:
            total += weights[i]
            if total >= quota:
                pivots[i] += 1
                break
    return [Fraction(p, math.factorial(n)) for p in pivots]


@examples(0.75)  # 150 of the ci profile's 200
@given(weighted_games())
def test_every_index_matches_brute_force(game):
    weights, quota = game
    swings, winning, ss = brute_force(weights, quota)
    n = len(weights)
    total = sum(swings)
    for method in METHODS:
        p = weighted_indices(weights, quota, method=method)
        assert list(p.swings) == swings, method
        assert p.winning == winning, method
        assert list(p.shapley_shubik) == ss, method
        assert list(p.banzhaf) == [Fraction(s, total) for s in swings]
        assert list(p.banzhaf_absolute) == [Fraction(s, 2 ** (n - 1)) for s in swings]
        assert list(p.coleman_prevent) == [Fraction(s, winning) for s in swings]
        assert list(p.coleman_initiate) == [Fraction(s, 2**n - winning) for s in swings]
        assert p.power_to_act == Fraction(winning, 2**n)
        # the swing-only path used by the single-index functions
        assert list(banzhaf(weights, quota, method=method)) == list(p.banzhaf), method
        assert list(banzhaf(weights, quota, normalised=False, method=method)) == list(p.banzhaf_absolute)
        assert coleman_prevent(weights, quota, method=method) == p.coleman_prevent
        assert coleman_initiate(weights, quota, method=method) == p.coleman_initiate
        assert power_to_act(weights, quota, method=method) == p.power_to_act


@examples(0.3)  # 60 of the ci profile's 200
@given(weighted_games(max_members=6))
def test_shapley_shubik_is_the_share_of_pivotal_orderings(game):
    weights, quota = game
    assert list(weighted_indices(weights, quota).shapley_shubik) == shapley_by_orderings(weights, quota)


@examples(0.5)  # 100 of the ci profile's 200
@given(weighted_games())
def test_efficiency(game):
    p = weighted_indices(*game)
    assert sum(p.shapley_shubik) == 1
    assert sum(p.swings) > 0  # the grand coalition wins and the empty one loses
    assert sum(p.banzhaf) == 1
    assert all(0 <= x <= 1 for name in ("banzhaf_absolute", "coleman_prevent", "coleman_initiate") for x in p.index(name))


@examples(0.5)  # 100 of the ci profile's 200
@given(weighted_games())
def test_symmetry_and_null_players(game):
    weights, quota = game
    p = weighted_indices(weights, quota)
    for i, j in itertools.combinations(range(len(weights)), 2):
        if weights[i] == weights[j]:
            assert p.swings[i] == p.swings[j] and p.shapley_shubik[i] == p.shapley_shubik[j]
    for i, w in enumerate(weights):
        if w == 0 or p.swings[i] == 0:  # a null player: never pivotal, never a swing
            assert p.shapley_shubik[i] == 0 and p.banzhaf[i] == 0 and p.coleman_prevent[i] == 0
    # a heavier member never has less power (weights order power in weighted games)
    for i, j in itertools.permutations(range(len(weights)), 2):
        if weights[i] >= weights[j]:
            assert p.swings[i] >= p.swings[j] and p.shapley_shubik[i] >= p.shapley_shubik[j]


@examples(0.3)  # 60 of the ci profile's 200
@given(weighted_games(max_members=6), st.integers(1, 12))
def test_scaling_weights_and_quota_changes_nothing(game, factor):
    weights, quota = game
    scaled = weighted_indices([w * factor for w in weights], quota * factor)
    assert scaled == weighted_indices(weights, quota)
    assert weighted_indices([Fraction(w, factor) for w in weights], Fraction(quota, factor)) == scaled
