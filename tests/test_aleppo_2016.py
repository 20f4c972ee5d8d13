"""The three 2016 Aleppo replays with their real tallies, outcomes and reasons, and
the headline what-ifs with their expected outcomes."""

from __future__ import annotations

import pytest

from simulate import Ballot, SetBallots, load_scenario, replay


@pytest.fixture(scope="module")
def october():
    return load_scenario("S/2016/846")


@pytest.fixture(scope="module")
def russian_draft():
    return load_scenario("S/2016/847")


@pytest.fixture(scope="module")
def december():
    return load_scenario("S/2016/1026")


def test_october_french_spanish_draft_vetoed_by_russia(october):
    o = replay(october)
    assert (o.yes, o.no, o.abstain, o.absent) == (11, 2, 2, 0)
    assert not o.adopted
    assert o.vetoed_by == ("Russian Federation",)
    assert o.negative_permanent == ("Russian Federation",)
    assert o.short_by == 0 and o.required == 9
    assert o.rule.name == "charter-1965"
    assert o.reason == "Not adopted: 11 votes in favour (9 required), but vetoed by the Russian Federation."


def test_russian_draft_failed_for_lack_of_votes_not_by_veto(russian_draft):
    o = replay(russian_draft)
    assert (o.yes, o.no, o.abstain) == (4, 9, 2)
    assert not o.adopted
    assert o.vetoed_by == ()
    assert o.negative_permanent == ("France", "United Kingdom", "United States")
    assert o.short_by == 5
    assert o.reason.startswith("Not adopted: only 4 votes in favour, 5 short of the 9 required; not a veto")


def test_december_truce_vetoed_by_russia_and_china(december):
    o = replay(december)
    assert (o.yes, o.no, o.abstain) == (11, 3, 1)
    assert not o.adopted
    assert o.vetoed_by == ("China", "Russian Federation")
    assert o.reason == (
        "Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation."
    )


def test_china_abstains_again_leaves_the_russian_veto(december, october):
    o = replay(december, ["china-abstains-again"])
    assert o.ballots["China"] is october.record.ballot("China") is Ballot.ABSTAIN
    assert (o.yes, o.no, o.abstain) == (11, 2, 2)
    assert o.vetoed_by == ("Russian Federation",)


def test_russia_abstains_leaves_the_chinese_veto(december):
    o = replay(december, ["russia-abstains"])
    assert o.vetoed_by == ("China",)
    assert not o.adopted


def test_russia_and_china_abstaining_would_have_adopted_the_truce(december):
    o = replay(december, ["russia-and-china-abstain"])
    assert o.adopted
    assert (o.yes, o.no, o.abstain) == (11, 1, 3)
    assert o.reason == "Adopted: 11 votes in favour (9 required) and no veto."


def test_whatifs_compose_in_order(december):
    both = replay(december, ["china-abstains-again", "russia-abstains"])
    assert both.adopted
    # a later change overrides an earlier one
    undone = replay(december, ["russia-and-china-abstain", SetBallots({"China": "no"})])
    assert undone.vetoed_by == ("China",)


def test_bloc_follows_the_leader(december, october):
    o = replay(december, ["bloc-follows-russia"])
    assert o.ballots["Angola"] is Ballot.NO and o.ballots["Venezuela (Bolivarian Republic of)"] is Ballot.NO
    assert (o.yes, o.no, o.abstain) == (11, 4, 0)
    o = replay(october, ["bloc-follows-russia"])
    assert o.vetoed_by == ("China", "Russian Federation")


def test_elected_members_following_egypt_meet_the_western_veto(russian_draft):
    o = replay(russian_draft, ["elected-follow-egypt"])
    assert (o.yes, o.no, o.abstain) == (12, 3, 0)
    assert o.vetoed_by == ("France", "United Kingdom", "United States")


def test_literal_charter_makes_chinas_october_abstention_a_veto(october):
    o = replay(october, ["literal-charter"])
    assert o.rule.name == "strict-concurrence"
    assert o.vetoed_by == ("China", "Russian Federation")
    assert "China (abstained)" in o.reason


def test_whatif_does_not_mutate_the_scenario(december):
    before = december.record
    replay(december, ["russia-and-china-abstain"])
    assert december.record is before
    assert december.record.ballot("China") is Ballot.NO


def test_everyone_as_in_october_reproduces_october_ballots(december, october):
    o = replay(december, ["everyone-as-in-october"])
    assert o.ballots == {m: b for m, b in october.record.by_member().items()}


def test_rule_override_and_procedural_matter(december):
    o = replay(december, rule="procedural-1965")
    assert o.adopted and o.vetoed_by == ()
    assert "no veto under procedural-1965" in o.reason


def test_two_vetoes_needed_lets_one_negative_vote_through(december):
    o = replay(december, ["china-abstains-again"], rule="two-vetoes")
    assert o.adopted and o.vetoed_by == ()
    assert "2 permanent negative votes are needed to block under two-vetoes" in o.reason
    both = replay(december, rule="two-vetoes")
    assert both.vetoed_by == ("China", "Russian Federation")


def test_veto_restraint_applies_only_to_flagged_drafts(december):
    import attrs

    draft = attrs.evolve(december.record.draft, flags=frozenset({"mass-atrocity"}))
    flagged = attrs.evolve(december, record=attrs.evolve(december.record, draft=draft))
    assert replay(december, rule="french-mexican-restraint").vetoed_by == ("China", "Russian Federation")
    o = replay(flagged, rule="french-mexican-restraint")
    assert o.adopted
    assert o.negative_permanent == ("China", "Russian Federation")
    assert "the negative votes of China and the Russian Federation do not block" in o.reason
    # the ACT code binds only its signatories among the permanent members (France, the United Kingdom)
    assert replay(flagged, rule="act-restraint").vetoed_by == ("China", "Russian Federation")
