"""Weighted games: classic values, edge cases and input errors."""

from __future__ import annotations

import decimal
import math
from fractions import Fraction

import numpy as np
import pytest

from simulate.power import (
    PowerInputError,
    banzhaf,
    coleman_initiate,
    coleman_prevent,
    integer_game,
    power_to_act,
    shapley_shubik,
    weighted_indices,
)

METHODS = ("auto", "dp", "kronecker", "classes")
COUNCIL = ([7] * 5 + [1] * 10, 39)
COUNCIL_1945 = ([5] * 5 + [1] * 6, 27)


def rounded(values, digits=4):
    return [round(float(x), digits) for x in values]


@pytest.mark.parametrize("method", METHODS)
def test_council_1965_shapley_shubik(method):
    p = weighted_indices(*COUNCIL, method=method)
    assert rounded(p.shapley_shubik) == [0.1963] * 5 + [0.0019] * 10
    assert sum(p.shapley_shubik) == 1
    # exact: an elected member is pivotal only as the 9th vote with all five permanent
    # members among the first 8: C(9,3) orderings of the rest... = 4/2145
    assert p.shapley_shubik[5] == Fraction(4, 2145)
    assert p.shapley_shubik[0] == (1 - 10 * Fraction(4, 2145)) / 5


@pytest.mark.parametrize("method", METHODS)
def test_council_1945_shapley_shubik(method):
    p = weighted_indices(*COUNCIL_1945, method=method)
    assert rounded(p.shapley_shubik) == [0.1974] * 5 + [0.0022] * 6
    assert sum(p.shapley_shubik) == 1


def test_council_counts():
    p = weighted_indices(*COUNCIL)
    # all five permanent and >= 4 of the 10 elected
    assert p.winning == sum(math.comb(10, k) for k in range(4, 11)) == 848
    assert p.swings[0] == 848  # every winning coalition needs each permanent member
    assert p.swings[5] == math.comb(9, 3)  # exactly 3 other elected members
    assert p.power_to_act == Fraction(848, 2**15)
    assert p.coleman_prevent[0] == 1
    assert p.coleman_initiate[5] == Fraction(84, 2**15 - 848)
    assert p.banzhaf_absolute[0] == Fraction(848, 2**14)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("game", [([9, 9, 7, 3, 1, 1], 16), ([31, 31, 28, 21, 2, 2], 58)])
def test_nassau_county_board(method, game):
    """Banzhaf (1965): three of the six supervisors had no power at all."""
    p = weighted_indices(*game, method=method)
    assert p.swings[3:] == (0, 0, 0)
    for name in ("shapley_shubik", "banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate"):
        values = p.index(name)
        assert values[3:] == (0, 0, 0), name
        assert values[0] == values[1] == values[2] > 0, name
    assert p.shapley_shubik[:3] == (Fraction(1, 3),) * 3


@pytest.mark.parametrize("method", METHODS)
def test_dictator_alone(method):
    p = weighted_indices([10, 1, 1, 1], 10, method=method)
    assert p.shapley_shubik == (1, 0, 0, 0)
    assert p.banzhaf == (1, 0, 0, 0)
    assert p.banzhaf_absolute == (1, 0, 0, 0)
    assert p.coleman_prevent == (1, 0, 0, 0)
    assert p.coleman_initiate == (1, 0, 0, 0)
    assert p.power_to_act == Fraction(1, 2)


@pytest.mark.parametrize("method", METHODS)
def test_weight_above_quota_is_a_dictator(method):
    assert shapley_shubik([50, 2, 2], 5, method=method) == (1, 0, 0)
    assert banzhaf([2, 50, 2], 5, method=method) == (0, 1, 0)


@pytest.mark.parametrize("method", METHODS)
def test_zero_weights_are_null(method):
    p = weighted_indices([0, 3, 0, 2, 2, 0], 4, method=method)
    for name in ("shapley_shubik", "banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate"):
        values = p.index(name)
        assert values[0] == values[2] == values[5] == 0, name
    assert sum(p.shapley_shubik) == 1
    # the zero-weight members double every count but change no index of the others
    q = weighted_indices([3, 2, 2], 4, method=method)
    assert (p.shapley_shubik[1], p.shapley_shubik[3]) == (q.shapley_shubik[0], q.shapley_shubik[1])
    assert p.power_to_act == q.power_to_act


def test_single_member():
    p = weighted_indices([4], 3)
    assert p.shapley_shubik == (1,) and p.banzhaf == (1,) and p.banzhaf_absolute == (1,)
    assert p.winning == 1 and p.power_to_act == Fraction(1, 2)


@pytest.mark.parametrize("method", ["auto", "dp", "classes"])
def test_193_equal_members(method):
    n, q = 193, 129
    p = weighted_indices([1] * n, q, method=method)
    assert len(set(p.shapley_shubik)) == 1 and p.shapley_shubik[0] == Fraction(1, n)
    swings = math.comb(n - 1, q - 1)  # the others hold exactly q - 1 seats
    assert p.swings == (swings,) * n
    assert p.banzhaf_absolute[0] == Fraction(swings, 2 ** (n - 1))
    assert p.banzhaf[0] == Fraction(1, n)
    assert p.winning == sum(math.comb(n, k) for k in range(q, n + 1))
    floats = p.as_floats()
    for name, values in floats.items():
        values = np.atleast_1d(values)
        assert np.isfinite(values).all() and (values >= 0).all() and (values <= 1).all(), name
    assert len(set(floats["banzhaf_absolute"])) == 1 and floats["banzhaf_absolute"][0] > 0


def test_large_game_paths_agree():
    rng = np.random.default_rng(7)
    weights = rng.choice([0, 1, 3], size=220).tolist()
    quota = (2 * sum(weights)) // 3
    dp = weighted_indices(weights, quota, method="dp")
    classes = weighted_indices(weights, quota, method="classes")
    assert dp == classes
    assert sum(dp.shapley_shubik) == 1
    assert banzhaf(weights, quota, method="kronecker") == banzhaf(weights, quota, method="dp") == dp.banzhaf
    for w, s in zip(weights, dp.shapley_shubik, strict=True):
        assert (w == 0) == (s == 0)


def test_all_equal_weights_symmetric():
    for n in (2, 5, 16, 40):
        for q in (1, n // 2 + 1, n):
            p = weighted_indices([3] * n, 3 * q)
            assert p.shapley_shubik == (Fraction(1, n),) * n
            assert len(set(p.swings)) == 1
            assert p.swings[0] == math.comb(n - 1, q - 1)


def test_convenience_functions_agree_with_weighted_indices():
    w, q = [5, 4, 3, 2, 1, 1], 9
    p = weighted_indices(w, q)
    assert shapley_shubik(w, q) == p.shapley_shubik
    assert banzhaf(w, q) == p.banzhaf
    assert banzhaf(w, q, normalised=False) == p.banzhaf_absolute
    assert coleman_prevent(w, q) == p.coleman_prevent
    assert coleman_initiate(w, q) == p.coleman_initiate
    assert power_to_act(w, q) == p.power_to_act


def test_rational_weights_are_scaled():
    exact = weighted_indices([Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)], Fraction(2, 3))
    assert exact == weighted_indices([3, 2, 1], 4)
    assert weighted_indices([decimal.Decimal("0.5"), decimal.Decimal("0.25"), Fraction(1, 4)], decimal.Decimal("0.5")) == weighted_indices(
        [2, 1, 1], 2
    )
    assert weighted_indices([7.0, 1.0], 7.0) == weighted_indices([7, 1], 7)
    assert weighted_indices(np.array([7, 1, 1]), np.int64(8)) == weighted_indices([7, 1, 1], 8)


def test_integer_game_reduces():
    assert integer_game([10, 20, 90], 25) == ((1, 2, 3), 3)
    assert integer_game([6, 4, 2], 5) == ((3, 2, 1), 3)  # ceil(5/2): 2·w >= 5 iff w >= 3
    assert integer_game([1, 1], Fraction(3, 2)) == ((1, 1), 2)


@pytest.mark.parametrize(
    ("weights", "quota", "words"),
    [
        ([3, 2, 1], 7, "above the total weight 6"),
        ([3, 2, 1], 0, "quota must be positive"),
        ([3, 2, 1], -1, "quota must be positive"),
        ([3, -2, 1], 2, "weight #2 is -2"),
        ([3, 0.5, 1], 2, "fractional part"),
        ([3, float("nan")], 2, "not a finite number"),
        ([3, float("inf")], 2, "not a finite number"),
        ([], 1, "at least one member"),
        ([3, "a"], 2, "not a number"),
        ([3, True], 2, "not a number"),
        ("321", 2, "not the string"),
        (5, 2, "sequence of numbers"),
        ([3, 2], None, "not a number"),
        ([0, 0], 1, "above the total weight 0"),
    ],
)
def test_bad_input(weights, quota, words):
    for function in (weighted_indices, shapley_shubik, banzhaf, power_to_act):
        with pytest.raises(PowerInputError, match=words) as info:
            function(weights, quota)
        assert isinstance(info.value, ValueError)
        assert "\n" not in str(info.value)


def test_bad_method():
    with pytest.raises(PowerInputError, match="unknown method 'fast'"):
        weighted_indices([1, 1], 1, method="fast")  # type: ignore[arg-type]
    with pytest.raises(PowerInputError, match="at most 62 members"):
        weighted_indices([1] * 70, 40, method="kronecker")


def test_float_output_is_the_rounded_exact_value():
    w, q = [193] + [1] * 200, 250  # huge counts: floats must still be correctly rounded
    for function in (shapley_shubik, banzhaf, coleman_prevent, coleman_initiate):
        exact = function(w, q)
        floats = function(w, q, exact=False)
        assert all(type(x) is float for x in floats)
        assert list(floats) == [float(x) for x in exact], function.__name__
    assert banzhaf(w, q, normalised=False, exact=False) == tuple(float(x) for x in banzhaf(w, q, normalised=False))
    assert power_to_act(w, q, exact=False) == float(power_to_act(w, q))
