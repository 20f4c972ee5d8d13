"""The rule a draft defaults to follows the Council that sat, as the record does."""

from __future__ import annotations

import datetime

import pytest

from simulate import Draft, VoteRecord, council_on, decide_record, default_rule


@pytest.mark.parametrize(
    ("day", "rule"),
    [
        (datetime.date(1946, 2, 16), "charter-1945"),
        (datetime.date(1965, 8, 30), "charter-1945"),
        (datetime.date(1965, 11, 23), "charter-1945"),  # amendment in force, but eleven members sat
        (datetime.date(1965, 12, 31), "charter-1945"),
        (datetime.date(1966, 1, 1), "charter-1965"),
        (datetime.date(2016, 12, 5), "charter-1965"),
    ],
)
def test_default_rule_is_the_one_for_the_sitting_council(day, rule):
    assert default_rule(day).name == rule
    assert default_rule(day).council_for().size == council_on(day).size


def test_s_res_218_was_adopted_with_seven_votes_of_eleven():
    """S/RES/218 (1965), 23 November 1965: 7 in favour, 4 abstaining (S/PV.1268), adopted."""
    council = council_on(datetime.date(1965, 11, 23))
    assert council.size == 11
    ballots = ["yes"] * 7 + ["abstain"] * 4
    record = VoteRecord(Draft("S/RES/218 (1965)", datetime.date(1965, 11, 23)), council, ballots)
    outcome = decide_record(record)
    assert outcome.adopted and outcome.required == 7
