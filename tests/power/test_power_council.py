"""Power under the built-in Council rules, computed from the rules' own decisions."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulate.analysis.power import builtin_rule_names, rule_power
from simulate.catalog.registry import get_rule
from simulate.games.profiles import iter_binary_profiles
from simulate.model.motion import Motion
from simulate.power import count_adopted, weighted_indices
from simulate.rules.function import FunctionRule


def brute_force_binary(rule, council):
    """Swings, |W| and Shapley-Shubik numerators over all 2^n yes/no profiles, by rule.decide."""
    n = council.size
    motion = Motion(council)
    decided = np.concatenate([rule.decide(chunk, motion) for chunk in iter_binary_profiles(n)])
    # profile number: bit (n-1-j) is 1 when seat j votes NO; a coalition is the set of YES seats
    index = np.arange(1 << n)
    swings = [0] * n
    pivots = [0] * n
    for j in range(n):
        bit = 1 << (n - 1 - j)
        without = index[(index & bit) != 0]  # seat j votes no
        with_j = without ^ bit  # the same others, seat j votes yes
        swing = decided[with_j] & ~decided[without]
        sizes = n - np.array([bin(x).count("1") for x in without[swing]], dtype=np.int64)  # yes among the others
        swings[j] = int(swing.sum())
        pivots[j] = sum(math.factorial(s) * math.factorial(n - 1 - s) for s in sizes.tolist())
    return swings, int(decided.sum()), pivots


@pytest.mark.parametrize(
    ("name", "weights", "quota"),
    [("charter-1965", [7] * 5 + [1] * 10, 39), ("charter-1945", [5] * 5 + [1] * 6, 27)],
)
def test_charter_rules_equal_their_weighted_games(name, weights, quota):
    p = rule_power(name)
    w = weighted_indices(weights, quota)
    assert p.binary.swings == w.swings
    assert p.binary.winning == w.winning
    assert p.binary.shapley_shubik == w.shapley_shubik
    assert p.seats[:5] == ("China", "France", "Russian Federation", "United Kingdom", "United States") or name == "charter-1945"


@pytest.mark.parametrize("name", ["charter-1945", "strict-concurrence-1945", "procedural-1945", "charter-1965", "two-vetoes"])
def test_rule_power_matches_brute_force_over_every_coalition(name):
    rule = get_rule(name)
    result = rule_power(rule)
    council = rule.example_council()
    swings, winning, pivots = brute_force_binary(rule, council)
    assert list(result.binary.swings) == swings
    assert result.binary.winning == winning
    nfact = math.factorial(council.size)
    assert [x * nfact for x in result.binary.shapley_shubik] == pivots


@pytest.mark.parametrize("name", ["charter-1945", "strict-concurrence-1945", "procedural-1945"])
def test_ternary_power_to_act_matches_exhaustive_enumeration(name):
    rule = get_rule(name)
    council = rule.example_council()
    motion = Motion(council)
    result = rule_power(rule, ternary=True)
    assert result.ternary.adopted == count_adopted(lambda p: rule.decide(p, motion), council.size)


def test_ternary_charter_1965_matches_exhaustive_enumeration():
    rule = get_rule("charter-1965")
    motion = Motion(rule.example_council())
    adopted = count_adopted(lambda p: rule.decide(p, motion), 15)
    assert rule_power(rule, ternary=True).ternary.adopted == adopted == 146796


@pytest.mark.parametrize("name", builtin_rule_names())
def test_every_builtin_rule(name):
    rule = get_rule(name)
    p = rule_power(rule, ternary=True)
    n = len(p.seats)
    assert n == rule.example_council().size
    b = p.binary
    if any(b.swings):
        assert sum(b.shapley_shubik) == 1 and sum(b.banzhaf) == 1
    for seats in p.classes:  # seats of a class are alike
        assert len({b.shapley_shubik[i] for i in seats}) == 1
        assert len({p.ternary.yes_no[i] for i in seats}) == 1
    assert p.ternary.monotone
    veto = [i for i, kind in enumerate(p.kinds) if kind == "veto"]
    others = [i for i, kind in enumerate(p.kinds) if kind != "veto"]
    if veto and others and rule.vetoes_to_block == 1 and "procedural" not in name:
        assert b.shapley_shubik[veto[0]] > b.shapley_shubik[others[0]]
        assert b.coleman_prevent[veto[0]] == 1  # a veto holder can stop anything alone
    if not veto or "procedural" in name:
        assert len(set(b.shapley_shubik)) == 1  # without a veto every seat is alike
    data = p.to_json()
    assert set(data) == {"rule", "power_to_act", "seats", "ternary"}
    assert list(data["seats"]) == list(p.seats)
    assert all(
        set(v) == {"shapley_shubik", "banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate"}
        for v in data["seats"].values()
    )


def test_a_rule_that_treats_one_seat_apart_is_analysed_seat_by_seat():
    # seat 0 (a permanent member) must vote yes; otherwise 7 of 11
    special = FunctionRule(lambda p: (p[:, 0] == 0) & ((p == 0).sum(axis=1) >= 7), name="first-must-agree", seats=11)
    p = rule_power(special)
    assert p.classes == tuple((i,) for i in range(11))
    council = get_rule("charter-1945").example_council()
    swings, winning, _ = brute_force_binary(special, council)
    assert list(p.binary.swings) == swings and p.binary.winning == winning
    assert p.binary.shapley_shubik[0] > p.binary.shapley_shubik[1] > 0
