"""The anonymity counterexample is canonical: the same pair of members, in seat
order, and the same profile from the exhaustive method and the seat-class
method, and both are the brute force's answer.

Canonical means: of the profiles in which swapping the ballots of two members
of one seat kind changes the outcome, one with the fewest members not voting
yes, then the fewest abstaining; of those, the earliest pair of members
``i < j`` (in seat order); for that pair, the first such profile in
lexicographic order (so member ``i`` casts the lower ballot code)."""

from __future__ import annotations

import itertools

import attrs
import numpy as np
import pytest
from helpers import all_profiles, examples
from hypothesis import given
from hypothesis import strategies as st

from simulate import strategies as us
from simulate.analysis.checks import check_rule
from simulate.model.motion import Matter, Motion
from simulate.rules.quota import Rule, VetoRestraint
from simulate.rules.seats import SeatClasses

YES, NO, ABSTAIN = 0, 1, 2
FLAG = "mass-atrocity"


def canonical_anonymity(rule, motion) -> tuple[tuple[str, str], list[int]] | None:
    """Brute force over every profile and every pair of members of one seat kind:
    the canonical counterexample's two members and its profile (None if anonymous)."""
    council = motion.council
    n = council.size
    grid = all_profiles(n)  # lexicographic order
    decided = rule.decide(grid, motion)
    key = (grid != YES).sum(axis=1) * (n + 1) + (grid == ABSTAIN).sum(axis=1)
    best = None
    for i, j in itertools.combinations(range(n), 2):
        if council.seats[i].kind != council.seats[j].kind:
            continue
        swapped = grid.copy()
        swapped[:, [i, j]] = grid[:, [j, i]]
        witness = (grid[:, i] != grid[:, j]) & (rule.decide(swapped, motion) != decided)
        if not witness.any():
            continue
        k = int(key[witness].min())
        if best is None or k < best[0]:
            row = int(np.flatnonzero(witness & (key == k))[0])
            best = (k, (council.names[i], council.names[j]), grid[row].tolist())
    return None if best is None else best[1:]


def assert_canonical(rule, motion) -> None:
    expected = canonical_anonymity(rule, motion)
    for method in ("exhaustive", "classes"):
        result = check_rule(rule, motion=motion, method=method)["anonymous"]
        if expected is None:
            assert result.holds is True, method
            continue
        assert result.holds is False, method
        cx = result.counterexample
        before, after = ([int(b) for b in p] for p in cx.profiles)
        names, profile = expected
        assert (cx.members, before) == (names, profile), method
        i, j = (motion.council.names.index(name) for name in names)
        assert before[i] < before[j] and after == [*before[:i], before[j], *before[i + 1 : j], before[i], *before[j + 1 :]]
        assert cx.text.startswith(f"not anonymous: {names[0]} and {names[1]} "), method


def restrained(rule: Rule, seats: tuple[int, ...]) -> tuple[Rule, Motion]:
    council = rule.council_for()
    members = tuple(council.seats[s].member for s in seats)
    return attrs.evolve(rule, restraint=VetoRestraint(FLAG, members)), Motion(council, flags=frozenset({FLAG}))


def test_a_restrained_veto_holder_between_two_others():
    """The restrained seat (1) is a seat class of its own, between the two others
    (0 and 2): the seat-class method named the pair (2, 1), the later member first,
    with seat 1 voting no; the exhaustive method the pair (1, 2), with seat 2 voting no."""
    rule, motion = restrained(Rule("r", "t", quota=3, seat_classes=SeatClasses(3, 0, 2)), (1,))
    assert rule.seat_roles(motion)[:2] == ((0, 2), (1,))
    assert canonical_anonymity(rule, motion) == ((motion.council.names[0], motion.council.names[1]), [0, 1, 0, 0, 0])
    assert_canonical(rule, motion)


def test_act_restraint_names_its_pair_in_seat_order():
    """France and the United Kingdom are restrained, China, Russia and the United
    States not; the seat-class method named the United States before the United
    Kingdom. Canonical: one member not voting yes is the fewest (all voting yes
    swap nothing), China and France the earliest pair, China's "no" a veto and
    France's none (the exhaustive method agrees: the smaller councils above, and
    3**15 profiles take seconds)."""
    cx = check_rule("act-restraint", method="classes")["anonymous"].counterexample
    assert cx.members == ("China", "France")
    assert [int(b) for b in cx.profiles[0]] == [YES, NO] + [YES] * 13
    assert [int(b) for b in cx.profiles[1]] == [NO, YES] + [YES] * 13


@pytest.mark.parametrize("classes", [SeatClasses(3, 0, 1), SeatClasses(4, 0, 1), SeatClasses(2, 1, 2)])
def test_every_restraint_and_party_on_small_councils(classes):
    """Every set of restrained veto holders, and every single party obliged to
    abstain (Chapter VI), at two quotas: both methods give the brute force's answer."""
    base = Rule("r", "t", quota=1, seat_classes=classes)
    council = base.council_for()
    n, v = council.size, classes.veto
    for quota in (2, n - 1):
        rule = attrs.evolve(base, quota=quota)
        for k in range(1, v):
            for seats in itertools.combinations(range(v), k):
                assert_canonical(*restrained(rule, seats))
        for party in council.members:
            assert_canonical(rule, Motion(council, matter=Matter.SUBSTANTIVE, parties=[party], chapter="VI"))


@examples(0.3)
@given(us.councils(max_seats=6).flatmap(lambda c: st.tuples(st.just(c), us.rules(council=c))), st.data())
def test_both_exact_methods_give_the_canonical_counterexample(council_rule, data):
    council, rule = council_rule
    motion = data.draw(us.motions(council))
    parties = data.draw(st.lists(st.sampled_from(council.members), unique=True, max_size=2))
    if parties:
        motion = Motion(council, matter=motion.matter, flags=motion.flags, parties=parties, chapter="VI")
    assert_canonical(rule, motion)
