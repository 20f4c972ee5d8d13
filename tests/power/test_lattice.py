"""The one yes/no/abstain count lattice (simulate.games.lattice) against brute force:
every profile of up to 5 seats, under every way of grouping the seats into classes."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np
import pytest
from helpers import all_profiles

from simulate.games.lattice import (
    CountLattice,
    binomials,
    composition_count,
    compositions,
    lattice_size,
    multinomials,
    outer,
    outer_sum,
    positions,
)
from simulate.power import PowerInputError, ternary_count_vectors
from simulate.power import compositions as ascending_compositions

YES, NO, ABSTAIN = 0, 1, 2


def set_partitions(seats):
    """Every partition of ``seats`` into non-empty groups (each group in seat order)."""
    if not seats:
        yield []
        return
    first, rest = seats[0], seats[1:]
    for partition in set_partitions(rest):
        yield [[first], *partition]
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1 :]]


GROUPINGS = [groups for n in range(1, 6) for groups in set_partitions(list(range(n)))]


def test_the_groupings_are_every_set_partition():
    assert Counter(sum(len(g) for g in groups) for groups in GROUPINGS) == {1: 1, 2: 2, 3: 5, 4: 15, 5: 52}  # Bell numbers


@pytest.mark.parametrize("m", range(8))
def test_compositions_of_one_class(m):
    comps = compositions(m)
    assert comps.shape == (composition_count(m), 3) == (math.comb(m + 2, 2), 3)
    assert (comps >= 0).all() and (comps.sum(axis=1) == m).all()
    assert len({tuple(r) for r in comps.tolist()}) == len(comps)
    # the order of the representatives: sorted ballots, in lexicographic order
    reps = [[YES] * y + [NO] * x + [ABSTAIN] * a for y, x, a in comps.tolist()]
    assert reps == sorted(reps)
    assert multinomials(m).tolist() == [math.factorial(m) // (math.factorial(y) * math.factorial(x) * math.factorial(a)) for y, x, a in comps.tolist()]
    assert sum(multinomials(m)) == 3**m and sum(binomials(m)) == 2**m
    for r, (y, x, _) in enumerate(comps.tolist()):
        assert positions(m)[y, x] == r
    assert (positions(m) >= 0).sum() == len(comps)
    # the ternary games' public order is the same rows, ascending
    assert ascending_compositions(m).tolist() == comps[::-1].tolist()


@pytest.mark.parametrize("groups", GROUPINGS, ids=str)
def test_the_lattice_against_every_profile(groups):
    n = sum(len(g) for g in groups)
    lattice = CountLattice([len(g) for g in groups])
    assert lattice.size == lattice_size(lattice.sizes) == math.prod(math.comb(len(g) + 2, 2) for g in groups)
    assert lattice.shape == tuple(composition_count(len(g)) for g in groups) and lattice.n == n
    vectors = lattice.vectors()
    assert vectors.shape == (lattice.size, len(groups), 3)
    assert (vectors.sum(axis=2) == [len(g) for g in groups]).all()  # every point sums to the class sizes
    assert len({v.tobytes() for v in vectors}) == lattice.size
    # brute force: every profile's count vector, how many profiles share it, the first of them
    grid = all_profiles(n)
    seen: dict[tuple, list] = {}
    for row in grid.tolist():
        key = tuple(tuple(sum(row[s] == b for s in g) for b in (YES, NO, ABSTAIN)) for g in groups)
        seen.setdefault(key, []).append(row)
    points = [tuple(tuple(c) for c in v) for v in vectors.tolist()]
    assert set(points) == set(seen)
    mult = lattice.multiplicities().reshape(-1)
    assert [len(seen[p]) for p in points] == mult.tolist() and sum(mult) == 3**n
    profiles = lattice.profiles(groups, n)
    assert profiles.tolist() == [seen[p][0] for p in points]  # the representative: first in lexicographic order
    for ballot in (YES, NO, ABSTAIN):
        assert lattice.totals(ballot).reshape(-1).tolist() == (profiles == ballot).sum(axis=1).tolist()
    for axis in range(len(groups)):
        for r, counts in enumerate(lattice.comps[axis].tolist()):
            assert lattice.index(axis, counts) == r
    # a fixed base for the seats of no group
    if len(groups) > 1:
        base = np.full(n, 3, dtype=np.int8)
        part = lattice.profiles(groups[:1], n, [np.arange(lattice.shape[0])], base=base)
        assert (part[:, [s for g in groups[1:] for s in g]] == 3).all()


def test_one_seat_per_class_is_every_profile_in_order():
    for n in range(1, 7):
        lattice = CountLattice([1] * n)
        assert lattice.profiles([[i] for i in range(n)], n).tolist() == all_profiles(n).tolist()


@pytest.mark.parametrize("m", range(1, 6))
def test_moves_change_one_seat(m):
    lattice = CountLattice([m])
    table = lattice.ballots(0)
    for a, b in itertools.permutations((YES, NO, ABSTAIN), 2):
        src, dst, pos = lattice.moves(0, a, b)
        assert src.tolist() == [r for r, c in enumerate(compositions(m).tolist()) if c[a] >= 1]
        for s, d, p in zip(src, dst, pos, strict=True):
            assert table[s, p] == a
            moved = table[s].copy()
            moved[p] = b
            assert sorted(moved.tolist()) == table[d].tolist()


@pytest.mark.parametrize("sizes", [[1], [3], [2, 1], [1, 2, 3]])
def test_two_ballot_sublattices(sizes):
    lattice = CountLattice(sizes)
    for counted, other in itertools.permutations((YES, NO, ABSTAIN), 2):
        for axis, rows in enumerate(lattice.two_ballots(counted, other)):
            comps = lattice.comps[axis][rows]
            assert comps[:, counted].tolist() == list(range(sizes[axis] + 1))
            assert (comps[:, counted] + comps[:, other] == sizes[axis]).all()


def test_ternary_count_vectors_keep_their_order():
    assert ternary_count_vectors([2, 1]).tolist() == CountLattice([2, 1]).vectors()[::-1].tolist()


def test_outer_is_the_product_and_outer_sum_the_sum_over_classes():
    tables = [binomials(2), multinomials(1), binomials(3)]
    product = outer(tables)
    assert product.shape == (3, 3, 4)
    for idx in itertools.product(*(range(len(t)) for t in tables)):
        assert product[idx] == math.prod(t[i] for t, i in zip(tables, idx, strict=True))
    assert outer([binomials(2)]).tolist() == [1, 2, 1]
    total = outer_sum(tables, np.int16)
    assert total.dtype == np.int16 and total.shape == product.shape
    for idx in itertools.product(*(range(len(t)) for t in tables)):
        assert total[idx] == sum(t[i] for t, i in zip(tables, idx, strict=True))


@pytest.mark.parametrize("sizes", [[0], [2, -1], [True], [1.5]])
def test_bad_class_sizes_are_refused(sizes):
    with pytest.raises(PowerInputError, match=r"class size #\d is .*: class sizes must be positive integers"):
        CountLattice(sizes)


def test_no_class_is_one_point():
    """No seats to count over (e.g. no unknown seat): one point, standing for the base profile."""
    lattice = CountLattice([])
    assert (lattice.shape, lattice.size, lattice.n) == ((), 1, 0)
    assert lattice.vectors().shape == (1, 0, 3) and lattice.multiplicities().reshape(-1).tolist() == [1]
    assert lattice.totals(YES).reshape(-1).tolist() == [0]
    assert lattice.profiles([], 3, base=np.array([0, 1, 2], dtype=np.int8)).tolist() == [[0, 1, 2]]


def test_a_wrong_composition_is_refused():
    with pytest.raises(PowerInputError, match=r"\(1, 1, 0\) is not a composition of the 3 seats of class #1"):
        CountLattice([3]).index(0, (1, 1, 0))
