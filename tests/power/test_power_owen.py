"""Power with blocs (Owen value, Banzhaf-Owen index): brute force, special cases, properties, the CLI."""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction

import numpy as np
import pytest
from helpers import doctests_are_collected, examples
from hypothesis import given
from hypothesis import strategies as st

from simulate.analysis.power import rule_bloc_power, rule_decide
from simulate.catalog.registry import get_rule
from simulate.cli import main
from simulate.games.owen import bloc_indices, check_blocs, class_bloc_indices, weighted_bloc_indices
from simulate.model.motion import Motion
from simulate.power import PowerInputError, class_indices, rule_power, weighted_indices

# ----------------------------------------------------------------------------- references


def owen_by_orderings(n, v, blocs):
    """Owen (1977) by definition: the average marginal contribution over the orderings that keep every bloc
    together (bloc order and order within each bloc uniform). ``v`` is any TU game (frozenset -> number)."""
    total = [Fraction(0)] * n
    count = 0
    for bloc_order in itertools.permutations(range(len(blocs))):
        for inner in itertools.product(*(itertools.permutations(b) for b in blocs)):
            seen: set[int] = set()
            for i in (i for k in bloc_order for i in inner[k]):
                total[i] += v(frozenset(seen | {i})) - v(frozenset(seen))
                seen.add(i)
            count += 1
    return tuple(t / count for t in total)


def banzhaf_owen_by_subsets(n, v, blocs):
    """Owen (1982): Σ_R Σ_T [v(Q_R + T + i) - v(Q_R + T)] / (2^(m-1) 2^(|B_k|-1))."""
    out = []
    for i in range(n):
        k = next(k for k, b in enumerate(blocs) if i in b)
        others = [b for j, b in enumerate(blocs) if j != k]
        mates = [j for j in blocs[k] if j != i]
        swings = 0
        for R in itertools.chain.from_iterable(itertools.combinations(others, r) for r in range(len(others) + 1)):
            Q = set().union(*R)
            for T in itertools.chain.from_iterable(itertools.combinations(mates, t) for t in range(len(mates) + 1)):
                S = Q | set(T)
                swings += v(frozenset(S | {i})) - v(frozenset(S))
        out.append(Fraction(swings, 2 ** (len(blocs) - 1 + len(blocs[k]) - 1)))
    return tuple(out)


def weighted_game(weights, quota):
    return lambda S: int(sum(weights[i] for i in S) >= quota)


def test_the_reference_reproduces_the_published_example():
    # R packages GameTheoryAllocation (Owen_value) and TUvalues (owen): cost game c = (1, 1, 2, 1, 2, 2, 2)
    # on {1}, {2}, {3}, {1,2}, {1,3}, {2,3}, {1,2,3}, unions {1,2} and {3}: Owen (0.25, 0.25, 1.5),
    # Shapley (1/3, 1/3, 4/3)
    c = dict(zip([(0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)], [1, 1, 2, 1, 2, 2, 2], strict=True))

    def v(S):
        return c.get(tuple(sorted(S)), 0)

    assert owen_by_orderings(3, v, [[0, 1], [2]]) == (Fraction(1, 4), Fraction(1, 4), Fraction(3, 2))
    assert owen_by_orderings(3, v, [[0], [1], [2]]) == (Fraction(1, 3), Fraction(1, 3), Fraction(4, 3))


# ----------------------------------------------------------------------------- brute force


def random_partition(draw, n):
    labels = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    blocs: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        blocs.setdefault(label, []).append(i)
    return list(blocs.values())


@st.composite
def weighted_with_blocs(draw, max_n=6):
    n = draw(st.integers(1, max_n))
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    total = sum(weights)
    if total == 0:
        weights[0] = 1
        total = 1
    quota = draw(st.integers(1, total))
    return weights, quota, random_partition(draw, n)


@examples(0.2)  # 40 of the ci profile's 200
@given(weighted_with_blocs())
def test_weighted_games_against_brute_force(game):
    weights, quota, blocs = game
    p = weighted_bloc_indices(weights, quota, blocs)
    v = weighted_game(weights, quota)
    assert p.owen == owen_by_orderings(len(weights), v, [list(b) for b in p.blocs])
    assert p.banzhaf_owen_absolute == banzhaf_owen_by_subsets(len(weights), v, [list(b) for b in p.blocs])


def charter_like(veto, quota):
    def win(k):
        return (k[:, 0] == veto) & (k.sum(axis=1) >= quota)

    return win


@pytest.mark.parametrize(
    ("sizes", "quota", "blocs"),
    [
        ([2, 3], 4, [[0, 2], [1, 3, 4]]),  # each bloc mixes a veto holder and elected members
        ([3, 4], 5, [[0, 1], [2, 3], [4, 5, 6]]),
        ([1, 5], 3, [[1, 2, 3, 4, 5]]),
        ([2, 2, 2], 4, [[0, 2, 4], [1, 3]]),
    ],
)
def test_class_games_against_brute_force(sizes, quota, blocs):
    classes = [c for c, m in enumerate(sizes) for _ in range(m)]

    def v(S):
        counts = np.bincount([classes[i] for i in S], minlength=len(sizes))
        return int(counts[0] == sizes[0] and sum(counts) >= quota)

    p = class_bloc_indices(sizes, charter_like(sizes[0], quota), blocs)
    n = sum(sizes)
    assert p.owen == owen_by_orderings(n, v, [list(b) for b in p.blocs])
    assert p.banzhaf_owen_absolute == banzhaf_owen_by_subsets(n, v, [list(b) for b in p.blocs])


def test_a_council_rule_against_its_own_decision_seat_by_seat():
    """charter-1965 with two blocs of veto holders and a bloc of three elected members: every seat's Owen
    value and Banzhaf-Owen swings by the subset formula, deciding every coalition with the rule itself."""
    blocs = [["France", "United Kingdom", "United States"], ["China", "Russia"], ["Angola", "Egypt", "Japan"]]
    p = rule_bloc_power("charter-1965", blocs)
    assert p.seats == rule_power("charter-1965").seats
    rule = get_rule("charter-1965")
    decide = rule_decide(rule, Motion(rule.council_for(None)))
    parts = [list(b) for b in p.blocs]
    m = len(parts)
    for k, bloc in enumerate(parts):
        others = [b for j, b in enumerate(parts) if j != k]
        for i in bloc:
            mates = [j for j in bloc if j != i]
            rows, weights = [], []
            for mask in range(1 << len(others)):
                Q = [s for j, b in enumerate(others) if mask >> j & 1 for s in b]
                r = bin(mask).count("1")
                for t in range(len(mates) + 1):
                    for T in itertools.combinations(mates, t):
                        rows.append(Q + list(T))
                        weights.append(Fraction(math.factorial(r) * math.factorial(m - r - 1), math.factorial(m))
                                       * Fraction(math.factorial(t) * math.factorial(len(bloc) - t - 1),
                                                  math.factorial(len(bloc))))  # fmt: skip
            without = np.ones((len(rows), 15), dtype=np.int8)  # NO
            for row, S in enumerate(rows):
                without[row, S] = 0  # YES
            with_i = without.copy()
            with_i[:, i] = 0
            swing = decide(with_i) & ~decide(without)
            assert p.indices.owen[i] == sum((w for w, s in zip(weights, swing, strict=True) if s), Fraction(0))
            assert p.indices.swings[i] == int(swing.sum())


# ----------------------------------------------------------------------------- special cases and properties


@examples(0.125)  # 25 of the ci profile's 200
@given(weighted_with_blocs(max_n=12))
def test_singletons_and_the_grand_bloc_give_the_plain_indices(game):
    weights, quota, _ = game
    n = len(weights)
    plain = weighted_indices(weights, quota)
    alone = weighted_bloc_indices(weights, quota, [])
    assert alone.owen == plain.shapley_shubik
    assert alone.banzhaf_owen_absolute == plain.banzhaf_absolute
    assert alone.banzhaf_owen == plain.banzhaf
    everyone = weighted_bloc_indices(weights, quota, [list(range(n))])
    assert everyone.owen == plain.shapley_shubik
    assert everyone.banzhaf_owen_absolute == plain.banzhaf_absolute


@examples(0.125)  # 25 of the ci profile's 200
@given(weighted_with_blocs(max_n=12))
def test_efficiency_and_the_quotient_game(game):
    weights, quota, blocs = game
    p = weighted_bloc_indices(weights, quota, blocs)
    assert sum(p.owen) == 1
    # the quotient game of a weighted game is the weighted game of the blocs' total weights
    bloc_weights = [sum(weights[i] for i in b) for b in p.blocs]
    quotient = weighted_indices(bloc_weights, quota)
    assert p.bloc_owen == quotient.shapley_shubik
    for k, bloc in enumerate(p.blocs):  # a member alone gets its bloc's Banzhaf measure in the quotient game
        if len(bloc) == 1:
            assert p.banzhaf_owen_absolute[bloc[0]] == quotient.banzhaf_absolute[k]


def test_class_game_singletons_equal_class_indices():
    win = charter_like(5, 9)
    plain = class_indices([5, 10], win)
    p = class_bloc_indices([5, 10], win, [])
    assert p.owen == plain.shapley_shubik and p.banzhaf_owen_absolute == plain.banzhaf_absolute
    assert class_bloc_indices([5, 10], win, [list(range(15))]).owen == plain.shapley_shubik


def test_council_blocs_are_instant_and_exact():
    p = rule_bloc_power("charter-1965", [["France", "UK", "USA"], ["China", "Russia"]])
    o = p.indices.owen
    assert sum(o) == 1
    assert o[0] == Fraction(7, 33) and o[1] == Fraction(14, 99) and o[5] == Fraction(1, 66)
    assert p.indices.bloc_owen[:2] == (Fraction(14, 33), Fraction(14, 33))
    alone = rule_bloc_power("g4-2005", [])
    assert alone.indices.owen == rule_power("g4-2005").binary.shapley_shubik


def test_bad_blocs():
    with pytest.raises(PowerInputError, match="member 1 is in bloc #1 and in bloc #2"):
        check_blocs([[0, 1], [1, 2]], 3)
    with pytest.raises(PowerInputError, match="bloc #1 is empty"):
        check_blocs([[]], 3)
    with pytest.raises(PowerInputError, match="members are 0 to 2"):
        check_blocs([[3]], 3)
    with pytest.raises(PowerInputError, match="not monotone"):
        class_bloc_indices([2], lambda k: k[:, 0] == 1, [])
    with pytest.raises(PowerInputError, match="empty coalition"):
        bloc_indices([1], np.array([True, True]), [])
    with pytest.raises(PowerInputError, match="scale the weights and the quota down"):  # refused before any work
        weighted_bloc_indices([10**6 + i for i in range(30)], 15 * 10**6, [[0, 1]])


# ----------------------------------------------------------------------------- the command line


def test_cli_blocs_table_and_json(capsys):
    assert main(["power", "-r", "charter-1965", "--bloc", "France,UK,USA", "--bloc", "China,Russia"]) == 0
    out = capsys.readouterr().out
    assert "bloc 1 (0.42424 together): France, United Kingdom, United States" in out
    assert "3 veto (bloc 1)          0.14141" in out and "10 elected (alone)       0.01515" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["power", "-r", "charter-1965", "--bloc", "France,UK,USA", "--json"]) == 0
    [rule] = json.loads(capsys.readouterr().out)["rules"]
    assert rule["blocs"]["blocs"][0] == ["France", "United Kingdom", "United States"]
    assert set(rule["blocs"]["seats"]["France"]) == {"owen", "banzhaf_owen", "banzhaf_owen_absolute"}
    assert sum(s["owen"] for s in rule["blocs"]["seats"].values()) == pytest.approx(1)
    assert round(rule["seats"]["France"]["shapley_shubik"], 4) == 0.1963  # the plain indices are still there


def test_cli_blocs_of_a_weighted_game(capsys):
    assert main(["power", "--weights", "4,3,2,1", "--quota", "6", "--bloc", "2,3", "--json"]) == 0
    [game] = json.loads(capsys.readouterr().out)["rules"]
    assert game["blocs"]["bloc_owen"] == pytest.approx([2 / 3, 1 / 6, 1 / 6])
    assert game["blocs"]["seats"]["1"]["owen"] == pytest.approx(1 / 6)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-r", "charter-1965", "--bloc", "France,Frnace"], "did you mean 'France'"),
        (["-r", "charter-1965", "--bloc", "France,UK", "--bloc", "China,France"], "France is in bloc #1 and in"),
        (["-r", "charter-1965", "--bloc", "France,France"], "France is twice in bloc #1"),
        (["-r", "charter-1965", "--bloc", "France,,UK"], "members separated by commas"),
        (["-r", "charter-1965", "--bloc", "Germany"], "Germany"),
        (["--weights", "4,3,2,1", "--quota", "6", "--bloc", "2,5"], "numbered 1 to 4"),
        (["-r", "charter-1965", "--weights", "1,1", "--quota", "2", "--bloc", "1,2"], "not both"),
    ],
)
def test_cli_bad_blocs(capsys, args, words):
    assert main(["power", *args]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_owen_module_examples():
    """The module's examples run once, as pytest's own doctests (``--doctest-modules``); here: that
    they are collected there, and that there are some."""
    import doctest

    import simulate.games.owen as owen

    doctests_are_collected(["simulate.games.owen"])
    assert sum(len(t.examples) for t in doctest.DocTestFinder().find(owen)) > 5
