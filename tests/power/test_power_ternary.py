"""Ternary (yes/no/abstain) class games: brute force, identities and exhaustive enumeration."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.power import (
    ABSTAIN,
    NO,
    YES,
    PowerInputError,
    binary_predicate,
    class_indices,
    class_winning,
    compositions,
    count_adopted,
    iter_ternary_profiles,
    ternary_class_indices,
    ternary_count_vectors,
    ternary_power_to_act,
)


def charter(veto_holders, quota):
    """Charter as practised: enough yes votes and no veto holder (class 0) voting no."""

    def win(c):
        return (c[:, :, YES].sum(axis=1) >= quota) & (c[:, 0, NO] == 0)

    return win


def profile_charter(veto_holders, quota):
    def decide(p):
        return ((p == YES).sum(axis=1) >= quota) & ~(p[:, :veto_holders] == NO).any(axis=1)

    return decide


def expand(sizes, profile):
    """Counts (1, k, 3) of one profile (tuple of codes, members listed class by class)."""
    counts = np.zeros((1, len(sizes), 3), dtype=np.int64)
    start = 0
    for c, n in enumerate(sizes):
        for b in profile[start : start + n]:
            counts[0, c, b] += 1
        start += n
    return counts


def brute_force(sizes, win):
    n = sum(sizes)
    f = {p: bool(win(expand(sizes, p))[0]) for p in itertools.product((YES, NO, ABSTAIN), repeat=n)}
    yes_no, yes_abstain, abstain_no = [0] * n, [0] * n, [0] * n
    for i in range(n):
        for others in itertools.product((YES, NO, ABSTAIN), repeat=n - 1):
            y, x, a = (f[(*others[:i], b, *others[i:])] for b in (YES, NO, ABSTAIN))
            yes_no[i] += y != x
            yes_abstain[i] += y != a
            abstain_no[i] += a != x
    return sum(f.values()), yes_no, yes_abstain, abstain_no


@st.composite
def ternary_games(draw):
    """Class sizes (total <= 6) and an arbitrary (not necessarily monotone) class predicate."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3).filter(lambda s: sum(s) <= 6))
    points = math.prod((n + 1) * (n + 2) // 2 for n in sizes)
    table = draw(st.lists(st.booleans(), min_size=points, max_size=points))
    lookup = {tuple(r.ravel()): t for r, t in zip(ternary_count_vectors(sizes), table, strict=True)}

    def win(c):
        return np.array([lookup[tuple(r.ravel())] for r in c], dtype=bool)

    return sizes, win


@settings(max_examples=60, deadline=None)
@given(ternary_games())
def test_ternary_indices_match_brute_force(game):
    sizes, win = game
    adopted, yes_no, yes_abstain, abstain_no = brute_force(sizes, win)
    t = ternary_class_indices(sizes, win)
    n = sum(sizes)
    assert t.adopted == adopted
    assert t.power_to_act == Fraction(adopted, 3**n) == ternary_power_to_act(sizes, win)
    assert list(t.yes_no) == yes_no
    assert list(t.yes_abstain) == yes_abstain
    assert list(t.abstain_no) == abstain_no
    assert list(t.banzhaf_absolute) == [Fraction(x, 3 ** (n - 1)) for x in yes_no]


@pytest.mark.parametrize(("sizes", "quota"), [([5, 10], 9), ([5, 6], 7), ([2, 3], 3), ([5, 6, 16], 18)])
def test_charter_rules_are_monotone_and_the_swings_add_up(sizes, quota):
    t = ternary_class_indices(sizes, charter(sizes[0], quota))
    assert t.monotone
    for i in range(t.n):
        assert t.banzhaf_absolute[i] == t.abstain_to_yes[i] + t.no_to_abstain[i]
    elected = t.n - 1
    assert t.no_to_abstain[elected] == 0  # an elected member's "no" counts like an abstention
    assert t.no_to_abstain[0] > 0  # a veto
    assert sum(t.banzhaf) == 1


def test_non_monotone_is_reported_not_refused():
    t = ternary_class_indices([2], lambda c: c[:, 0, ABSTAIN] == 1)  # adopted iff exactly one abstains
    assert not t.monotone


def test_charter_1965_exhaustively():
    """The class count and the exhaustive 3^15 enumeration agree."""
    decide = profile_charter(5, 9)
    assert count_adopted(decide, 15) == ternary_class_indices([5, 10], charter(5, 9)).adopted == 146796
    # binary: yes / not-yes (= no) gives the classic 848 winning coalitions
    assert count_adopted(decide, 15, ternary=False) == class_winning([5, 10], binary_predicate([5, 10], charter(5, 9)))


def test_council_of_11_profile_counts_are_multinomial():
    """Every profile of the 11-seat council, tallied by (yes, no, abstain) per class."""
    sizes = (5, 6)
    seen = Counter()
    adopted = 0
    decide = profile_charter(5, 7)
    for chunk in iter_ternary_profiles(11, chunk_rows=3**7):
        per_class = [
            np.stack([(chunk[:, s] == b).sum(axis=1) for b in (YES, NO, ABSTAIN)], axis=1)
            for s in (slice(0, 5), slice(5, 11))
        ]
        keys = np.concatenate(per_class, axis=1)
        seen.update(map(tuple, keys.tolist()))
        adopted += int(decide(chunk).sum())
    f = math.factorial
    expected = {}
    for a in compositions(sizes[0]).tolist():
        for b in compositions(sizes[1]).tolist():
            m = f(5) // (f(a[0]) * f(a[1]) * f(a[2])) * (f(6) // (f(b[0]) * f(b[1]) * f(b[2])))
            expected[tuple(a + b)] = m
    assert dict(seen) == expected
    assert sum(seen.values()) == 3**11
    assert adopted == ternary_class_indices(sizes, charter(5, 7)).adopted == 2503


def test_binary_predicate_gives_the_classic_council():
    p = class_indices([5, 10], binary_predicate([5, 10], charter(5, 9)))
    assert p.shapley_shubik[0] == (1 - 10 * Fraction(4, 2145)) / 5


def test_bad_ternary_input():
    with pytest.raises(PowerInputError, match="returned shape"):
        ternary_class_indices([2, 2], lambda c: c[:, :, 0] > 0)
    with pytest.raises(PowerInputError, match="count vectors"):
        ternary_class_indices([60, 60, 60], charter(60, 100))
    with pytest.raises(PowerInputError, match="shape"):
        binary_predicate([2, 2], charter(2, 3))(np.zeros((3, 3), dtype=np.int64))
