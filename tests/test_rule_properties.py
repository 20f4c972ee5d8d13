"""Properties of the Charter rules: hypothesis on random profiles (with absences),
and exhaustive checks over every yes/no/abstain profile of the 11-seat council."""

from __future__ import annotations

import datetime
import functools

import numpy as np
import pytest
from helpers import all_profiles, examples
from hypothesis import event, given
from hypothesis import strategies as st

from simulate import Ballot, Council, Matter, Motion, council_on, get_rule
from simulate import strategies as us

YES, NO, ABSTAIN, ABSENT = (int(b) for b in Ballot)
COUNCIL_2016 = council_on(datetime.date(2016, 12, 5))
COUNCIL_1950 = council_on(datetime.date(1950, 6, 27))
CHARTER = ["charter-1965", "charter-1945"]
STRICT = ["strict-concurrence", "strict-concurrence-1945"]


@functools.cache  # built once per council: hypothesis validates a strategy built afresh at every draw
def profiles_for(council: Council):
    """Hypothesis: a batch of 1 to 20 ballot profiles for ``council`` (int8, (n, seats)), any of
    the four ballots, from the package's own :func:`simulate.strategies.ballot_profiles`.

    Its arrays are mostly one ballot with others scattered (hypothesis.extra.numpy's fill), so
    that about two examples in three hold an adopted draft, the case the veto and concurrence
    properties are about; rows of independent uniform ballots hold one in about thirty
    (nine yes of fifteen and no permanent no is rare). ``test_the_profiles_reach_both_outcomes``
    keeps it so."""
    return us.ballot_profiles(council)


councils = st.sampled_from([COUNCIL_2016, COUNCIL_1950])


def rule_for(name: str, council: Council):
    """The rule of family ``name`` made for ``council``'s size (a rule is never applied to a
    council of another size: ``charter-1965`` on the 11-seat council means ``charter-1945``)."""
    return _rule_for(name, council.size)


@functools.cache  # once per family and size, not once per example
def _rule_for(name: str, seats: int):
    family = name.removesuffix("-1945").removesuffix("-1965")
    for candidate in (family, f"{family}-1965", f"{family}-1945"):
        try:
            rule = get_rule(candidate)
        except KeyError:
            continue
        if rule.council_for().size == seats:
            return rule
    raise AssertionError(f"no {family} rule for {seats} seats")


@st.composite
def council_and_profiles(draw):
    council = draw(councils)
    profiles = draw(profiles_for(council))
    adopted = rule_for("charter-1965", council).decide(profiles, Motion(council))
    event("holds an adopted draft (Charter)" if adopted.any() else "holds no adopted draft (Charter)")
    return council, profiles


# ---------------------------------------------------------------- hypothesis


@given(council_and_profiles(), st.sampled_from(CHARTER + STRICT), st.data())
def test_monotonic_turning_a_ballot_into_yes(cp, rule_name, data):
    council, profiles = cp
    rule, motion = rule_for(rule_name, council), Motion(council)
    seat = data.draw(st.integers(0, council.size - 1))
    before = rule.decide(profiles, motion)
    raised = profiles.copy()
    raised[:, seat] = YES
    after = rule.decide(raised, motion)
    assert not np.any(before & ~after)


@given(council_and_profiles(), st.sampled_from(CHARTER + STRICT))
def test_a_permanent_no_never_lets_a_substantive_draft_pass(cp, rule_name):
    council, profiles = cp
    permanent_no = (profiles[:, council.veto_mask] == NO).any(axis=1)
    adopted = rule_for(rule_name, council).decide(profiles, Motion(council))
    assert not np.any(adopted & permanent_no)


@given(council_and_profiles(), st.sampled_from(CHARTER), st.sampled_from([ABSTAIN, ABSENT]))
def test_abstention_and_absence_never_block_under_the_charter(cp, rule_name, replacement):
    """Permanent members who voted yes abstain (or stay away) instead: the draft can
    now fail only for lack of votes, never by their abstention or absence."""
    council, profiles = cp
    rule, motion, veto = rule_for(rule_name, council), Motion(council), council.veto_mask
    changed = profiles.copy()
    changed[:, veto] = np.where(profiles[:, veto] == YES, replacement, profiles[:, veto])
    enough_votes = (changed == YES).sum(axis=1) >= rule.quota
    assert np.array_equal(rule.decide(changed, motion), rule.decide(profiles, motion) & enough_votes)


@given(council_and_profiles(), st.sampled_from(STRICT))
def test_abstention_or_absence_blocks_under_strict_concurrence(cp, rule_name):
    council, profiles = cp
    not_concurring = (profiles[:, council.veto_mask] != YES).any(axis=1)
    adopted = rule_for(rule_name, council).decide(profiles, Motion(council))
    assert not np.any(adopted & not_concurring)


@given(council_and_profiles(), st.sampled_from(CHARTER + STRICT), st.randoms(use_true_random=False))
def test_anonymity_among_elected_members(cp, rule_name, rnd):
    council, profiles = cp
    rule, motion = rule_for(rule_name, council), Motion(council)
    elected = np.flatnonzero(~council.permanent_mask)
    shuffled = elected.copy()
    rnd.shuffle(shuffled)
    permuted = profiles.copy()
    permuted[:, elected] = profiles[:, shuffled]
    assert np.array_equal(rule.decide(profiles, motion), rule.decide(permuted, motion))


@given(council_and_profiles(), st.sampled_from(CHARTER + STRICT), st.randoms(use_true_random=False))
def test_procedural_votes_ignore_permanence(cp, rule_name, rnd):
    council, profiles = cp
    rule, motion = rule_for(rule_name, council), Motion(council, matter=Matter.PROCEDURAL)
    order = list(range(council.size))
    rnd.shuffle(order)  # any seat may take any other's ballot, permanent or not
    adopted = rule.decide(profiles, motion)
    assert np.array_equal(adopted, rule.decide(profiles[:, order], motion))
    assert np.array_equal(adopted, (profiles == YES).sum(axis=1) >= rule.required(motion))


@given(council_and_profiles())
def test_replay_of_one_record_agrees_with_the_batch(cp):
    """The one-vote replay reads the same decision as the vectorised engine."""
    from simulate import Draft, VoteRecord, decide_record

    council, profiles = cp
    rule = rule_for("charter-1965", council)
    batch = rule.decide(profiles, Motion(council))
    draft = Draft("S/TEST/1", datetime.date(2016, 12, 5))
    for row, adopted in zip(profiles, batch, strict=True):
        outcome = decide_record(VoteRecord(draft, council, [Ballot(int(b)) for b in row]), rule)
        assert outcome.adopted == bool(adopted)
        assert outcome.yes == int((row == YES).sum())


@pytest.mark.property  # a hypothesis search inside: `make test-seeds` runs it under other seeds too
def test_the_profiles_reach_both_outcomes():
    """The properties above are about adopted drafts (a permanent no never lets one pass,
    strict concurrence blocks) and failed ones: the profiles must hold both, often. Not a
    sampling accident: at least one example in five each (about 2 in 3 and 1 in 2 are
    expected; ``pytest --hypothesis-show-statistics`` shows the share for every test)."""
    seen = {"examples": 0, "adopted": 0, "failed": 0}

    @examples(0.5)
    @given(council_and_profiles())
    def count(cp):
        council, profiles = cp
        adopted = rule_for("charter-1965", council).decide(profiles, Motion(council))
        seen["examples"] += 1
        seen["adopted"] += bool(adopted.any())
        seen["failed"] += bool((~adopted).any())

    count()
    assert seen["adopted"] >= seen["examples"] / 5, seen
    assert seen["failed"] >= seen["examples"] / 5, seen


# ---------------------------------------------------------------- exhaustive, 11 seats


@pytest.fixture(scope="module")
def ternary_11():
    return all_profiles(11, 3)  # 177,147 profiles: every yes/no/abstain profile


@pytest.mark.parametrize("rule_name", ["charter-1945", "strict-concurrence-1945", "procedural-1945"])
def test_exhaustive_11_seats_monotonic(ternary_11, rule_name):
    rule, motion = get_rule(rule_name), Motion(COUNCIL_1950)
    adopted = rule.decide(ternary_11, motion)
    for seat in range(11):
        raised = ternary_11.copy()
        raised[:, seat] = YES
        assert not np.any(adopted & ~rule.decide(raised, motion)), f"seat {seat}"


def test_exhaustive_11_seats_charter_characterisation(ternary_11):
    """Under the 1945 Charter rule as practised, a profile passes iff it has 7 yes and no permanent no."""
    p, veto = ternary_11, COUNCIL_1950.veto_mask
    adopted = get_rule("charter-1945").decide(p, Motion(COUNCIL_1950))
    yes = (p == YES).sum(axis=1)
    expected = (yes >= 7) & ~(p[:, veto] == NO).any(axis=1)
    assert np.array_equal(adopted, expected)
    # counted by hand: sum over permanent yes-count k (the others abstain), elected y >= 7-k
    from math import comb

    count = sum(
        comb(5, k) * 1 ** (5 - k) * sum(comb(6, y) * 2 ** (6 - y) for y in range(max(0, 7 - k), 7))
        for k in range(6)
    )
    assert int(adopted.sum()) == count


def test_exhaustive_11_seats_abstention_blocks_only_under_strict(ternary_11):
    p, veto = ternary_11, COUNCIL_1950.veto_mask
    motion = Motion(COUNCIL_1950)
    charter = get_rule("charter-1945").decide(p, motion)
    strict = get_rule("strict-concurrence-1945").decide(p, motion)
    permanent_abstains = (p[:, veto] == ABSTAIN).any(axis=1)
    assert np.any(charter & permanent_abstains)  # abstention does not block in practice
    assert not np.any(strict & permanent_abstains)  # but does under the literal text
    assert np.array_equal(strict, charter & ~permanent_abstains)


def test_exhaustive_11_seats_veto_and_anonymity(ternary_11):
    p, veto = ternary_11, COUNCIL_1950.veto_mask
    motion = Motion(COUNCIL_1950)
    for name in ("charter-1945", "strict-concurrence-1945"):
        rule = get_rule(name)
        adopted = rule.decide(p, motion)
        assert not np.any(adopted & (p[:, veto] == NO).any(axis=1))
        elected = np.flatnonzero(~veto)
        reversed_elected = p.copy()
        reversed_elected[:, elected] = p[:, elected[::-1]]
        assert np.array_equal(adopted, rule.decide(reversed_elected, motion))
    procedural = get_rule("charter-1945").decide(p, Motion(COUNCIL_1950, matter="procedural"))
    assert np.array_equal(procedural, (p == YES).sum(axis=1) >= 7)


def test_party_to_a_dispute_abstains_under_chapter_vi():
    """Article 27(3): in a Chapter VI decision a party's vote counts as an abstention."""
    council = COUNCIL_2016
    profile = np.zeros((1, 15), dtype=np.int8)
    profile[0, council.index("United Kingdom")] = NO
    rule = get_rule("charter-1965")
    assert not rule.decide(profile, Motion(council))[0]
    chapter_vi = Motion(council, parties=["United Kingdom"], chapter="VI")
    assert rule.decide(profile, chapter_vi)[0]
    assert not rule.decide(profile, Motion(council, parties=["United Kingdom"], chapter="VII"))[0]
    tally = rule.tally(profile, chapter_vi)
    assert (int(tally.yes[0]), int(tally.abstain[0])) == (14, 1)
