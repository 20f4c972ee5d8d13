"""simulate.strategies: what they draw is valid, arguments are checked eagerly,
and a user's own property test works as documented."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import examples
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from simulate import strategies as us
from simulate.model.ballots import Ballot
from simulate.model.council import Council
from simulate.model.members import resolve_member
from simulate.model.records import VoteRecord
from simulate.rules.quota import Rule
from simulate.rules.seats import SeatClasses


def test_public_names():
    assert set(us.__all__) >= {
        "ballots", "members", "seat_classes", "councils", "ballot_profiles", "motions", "vote_records", "rules", "rule_cases",
    }
    for name in us.__all__:
        assert getattr(us, name).__doc__


@given(us.seat_classes(min_seats=3, max_seats=30))
def test_seat_classes(classes):
    assert isinstance(classes, SeatClasses) and 3 <= classes.total <= 30


@given(us.seat_classes(veto=5, elected=10))
def test_seat_classes_fixed(classes):
    assert (classes.veto, classes.elected) == (5, 10) and classes.permanent <= 12


@given(us.councils(max_seats=30))
def test_councils_of_distinct_real_states(council):
    assert isinstance(council, Council) and 1 <= council.size <= 30
    assert len(set(council.names)) == council.size
    assert all(resolve_member(m.name) == m for m in council.members)
    kinds = [s.kind for s in council.seats]
    assert kinds == sorted(kinds, key=["veto", "permanent", "elected"].index)  # veto holders first


@given(us.councils(classes=SeatClasses(2, 1, 3), real_states=False))
def test_councils_of_placeholders(council):
    assert council.kinds == {"veto": 2, "permanent": 1, "elected": 3}
    assert council.names[0] == "Veto seat 1"


@given(us.ballot_profiles(st.integers(1, 27), ballots="ternary"))
def test_ballot_profiles(profiles):
    assert profiles.dtype == np.int8 and profiles.ndim == 2 and 1 <= profiles.shape[0] <= 20
    assert set(np.unique(profiles)) <= {0, 1, 2}


@examples(0.25)  # 50 of the ci profile's 200: one fixed shape, two codes
@given(us.ballot_profiles(15, profiles=3, ballots=[Ballot.YES, Ballot.ABSENT]))
def test_ballot_profiles_alphabet(profiles):
    assert profiles.shape == (3, 15) and set(np.unique(profiles)) <= {0, 3}


@examples(0.25)  # 50 of the ci profile's 200: the record's shape (VoteRecord checks the rest itself)
@given(us.vote_records())
def test_vote_records(record):
    assert isinstance(record, VoteRecord) and len(record.ballots) == record.council.size


@given(us.rules())
def test_rules_are_within_bounds(rule):
    assert isinstance(rule, Rule)
    assert 1 <= rule.quota <= rule.seats and 1 <= rule.vetoes_to_block <= max(1, rule.classes.veto)
    assert Ballot.NO in rule.blocking_ballots and Ballot.YES not in rule.blocking_ballots
    assert not (rule.classes.veto == 0 and rule.veto)


@pytest.mark.parametrize(
    "make",
    [
        lambda: us.seat_classes(min_seats=0),
        lambda: us.seat_classes(min_seats=5, max_seats=4),
        lambda: us.seat_classes(veto=30, max_seats=27),
        lambda: us.ballot_profiles(0),
        lambda: us.ballot_profiles(15, ballots="binary"),
        lambda: us.ballot_profiles(15, profiles=-1),
        lambda: us.councils(classes="five"),
        lambda: us.rules(council="Council"),
        lambda: us.motions("Council"),
    ],
)
def test_bad_arguments_raise_at_once(make):
    with pytest.raises(InvalidArgument):
        make()


# ---------------------------------------------------------------- a user's property test, as in the README


@given(us.rule_cases())
def test_a_draft_that_passes_keeps_passing_when_one_more_member_votes_yes(case):
    rule, motion, profiles = case
    before = rule.decide(profiles, motion)
    for seat in range(motion.council.size):
        raised = profiles.copy()
        raised[:, seat] = Ballot.YES
        assert not np.any(before & ~rule.decide(raised, motion))


@examples(0.25)  # 50 of the ci profile's 200: three given rules, and the sizes must fit
@given(us.rule_cases(st.sampled_from(["charter-1965", "g4-2005", "two-vetoes"]).map(__import__("simulate").get_rule)))
def test_rule_cases_with_given_rules(case):
    rule, motion, profiles = case
    assert motion.council.size == rule.seats == profiles.shape[1]


def test_motions_carry_the_council_they_are_given():
    """motions() is cached per council; two councils that compare equal but differ in what
    equality leaves out (a member's dates of UN membership) each get their own."""
    import datetime

    import attrs
    from hypothesis import find

    germany = resolve_member("Germany")
    other = attrs.evolve(germany, un_member_from=datetime.date(1950, 1, 1))
    first = Council.from_names(["France"], [germany], source="test")
    second = Council.from_names(["France"], [other], source="test")
    assert first == second  # equality ignores the dates
    for council in (first, second, first):
        motion = find(us.motions(council), lambda m: True)
        assert motion.council == council
        assert [m.un_member_from for m in motion.council.members] == [m.un_member_from for m in council.members]
