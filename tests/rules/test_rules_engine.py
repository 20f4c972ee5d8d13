"""The vectorised engine (Rule.decide, Rule.tally) against a brute-force
reference, on random rules, councils, motions and profiles; and the two exact
methods of the battery (every profile, seat-class counts) against each other."""

from __future__ import annotations

import numpy as np
from helpers import earliest_smallest_blocking
from hypothesis import given
from hypothesis import strategies as st

from simulate import strategies as us
from simulate.analysis.checks import check_rule, decision_table
from simulate.catalog.registry import get_rule
from simulate.engine.reform import count_outcomes
from simulate.model.ballots import Ballot
from simulate.model.motion import Matter, Motion
from simulate.rules.quota import Rule
from simulate.rules.seats import SeatClasses


def reference(rule: Rule, motion: Motion, row) -> bool:
    """Article 27 read off one profile, seat by seat, in plain Python."""
    council = motion.council
    ballots = [Ballot(int(b)) for b in row]
    if rule.party_abstains and motion.matter is Matter.SUBSTANTIVE and motion.chapter in ("VI", "52(3)"):
        for party in motion.parties:
            if party in council:
                ballots[council.index(party)] = Ballot.ABSTAIN
    procedural = motion.matter is Matter.PROCEDURAL
    required = rule.procedural_quota if procedural and rule.procedural_quota is not None else rule.quota
    if sum(b is Ballot.YES for b in ballots) < required:
        return False
    if procedural or not rule.veto:
        return True
    restrained: set[str] = set()
    if rule.restraint is not None and rule.restraint.flag in motion.flags:
        if not rule.restraint.members:
            return True
        restrained = {m.name for m in rule.restraint.members}
    blocks = sum(
        1
        for seat, b in zip(council.seats, ballots, strict=True)
        if seat.veto and seat.member.name not in restrained and b in rule.blocking_ballots
    )
    return blocks < rule.vetoes_to_block


CHAPTERS = st.sampled_from([None, "VI", "VII", "52(3)"])
CASES = us.rule_cases()


@st.composite
def cases_with_parties(draw):
    rule, motion, profiles = draw(CASES)
    council = motion.council
    parties = draw(st.lists(st.sampled_from(council.members), unique=True, max_size=3))
    chapter = draw(CHAPTERS)
    motion = Motion(council, matter=motion.matter, flags=motion.flags, parties=parties, chapter=chapter)
    return rule, motion, profiles


@given(cases_with_parties())
def test_engine_agrees_with_the_reference(case):
    rule, motion, profiles = case
    adopted = rule.decide(profiles, motion)
    assert adopted.dtype == bool and adopted.shape == (len(profiles),)
    assert adopted.tolist() == [reference(rule, motion, row) for row in profiles]
    tally = rule.tally(profiles, motion)
    assert np.array_equal(tally.adopted, adopted)
    assert np.array_equal(tally.yes + tally.no + tally.abstain + tally.absent, np.full(len(profiles), motion.council.size))
    assert np.array_equal(rule.adopted(tally.yes, tally.blockers.sum(axis=1), motion), adopted)


@given(us.rule_cases(us.rules(classes=us.seat_classes(min_seats=1, max_seats=27))))
def test_engine_on_rules_on_their_own_councils(case):
    rule, motion, profiles = case
    assert rule.decide(profiles, motion).tolist() == [reference(rule, motion, row) for row in profiles]


@given(us.councils(max_seats=7).flatmap(lambda c: st.tuples(st.just(c), us.rules(council=c))), st.data())
def test_class_counts_agree_with_every_profile(council_rule, data):
    """Both exact methods, on random rules of up to 7 seats (3**7 = 2,187 profiles)."""
    council, rule = council_rule
    motion = data.draw(us.motions(council))
    every = check_rule(rule, motion=motion, method="exhaustive")
    classes = check_rule(rule, motion=motion, method="classes")
    assert (every.adopted_profiles, every.winning_coalitions) == (classes.adopted_profiles, classes.winning_coalitions)
    for a, b in zip(every.results, classes.results, strict=True):
        assert (a.key, a.holds, a.value, a.members) == (b.key, b.holds, b.value, b.members), a.key
    table, _ = decision_table(rule, motion)
    assert int(table.sum()) == every.adopted_profiles
    # one canonical answer: the earliest seats among the smallest blocking coalitions
    assert every["blocking"].members == earliest_smallest_blocking(rule, motion)


@given(us.councils(min_seats=3, max_seats=9).flatmap(lambda c: st.tuples(st.just(c), us.rules(council=c))), st.data())
def test_unknown_seats_counted_by_classes_as_by_enumeration(council_rule, data):
    council, rule = council_rule
    motion = data.draw(us.motions(council))
    profile = data.draw(us.ballot_profiles(council, profiles=1))[0]
    unknown = data.draw(st.lists(st.integers(0, council.size - 1), unique=True, min_size=1, max_size=council.size))
    assert count_outcomes(rule, motion, profile, unknown, "enumerate") == count_outcomes(rule, motion, profile, unknown, "classes")


def test_the_battery_checks_the_engine_by_brute_force_on_11_seats():
    rule = get_rule("charter-1945")
    council = rule.example_council()
    motion = Motion(council)
    table, _ = decision_table(rule, motion)
    grid = np.indices((3,) * 11, dtype=np.int8).reshape(11, -1).T  # every profile, in the same order
    rows = np.random.default_rng(0).choice(len(grid), 500, replace=False)
    assert table.reshape(-1)[rows].tolist() == [reference(rule, motion, grid[r]) for r in rows]


def test_an_enlarged_rule_refuses_the_smaller_council():
    import pytest

    from simulate import council_on
    from simulate.errors import SimulateError

    g4 = get_rule("g4-2005")
    aleppo = council_on(__import__("datetime").date(2016, 12, 5))
    with pytest.raises(SimulateError, match="ballots of the 10 new seats are unknown"):
        g4.decide(np.zeros((1, 15), np.int8), Motion(aleppo))
    enlarged = g4.council_for(aleppo)
    assert enlarged.size == 25 and g4.decide(np.zeros((1, 25), np.int8), Motion(enlarged))[0]
    # a Charter rule keeps deciding any council it is given, as before
    assert get_rule("charter-1965").council_for(aleppo) is aleppo
    assert Rule("r", "t", quota=3, seat_classes=SeatClasses(1, 0, 2)).seats == 3
