"""Minimal flips against brute force over every change of ballots."""

from __future__ import annotations

import datetime
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.analysis.flips import change_cost, minimal_flips, scenario_flips
from simulate.catalog.registry import get_rule
from simulate.catalog.scenarios import load_scenario
from simulate.engine.replay import decide_record
from simulate.model.council import council_on
from simulate.model.records import Draft, VoteRecord
from simulate.rules.function import FunctionRule

YES, NO, ABSTAIN, ABSENT = 0, 1, 2, 3


def brute_force(record, rule=None):
    """{frozenset of members: least total change} for every minimal flipping set, by deciding
    every combination of new ballots (each member: its own ballot, or yes, no, abstain)."""
    outcome = decide_record(record, rule)
    motion = record.motion
    base = [int(b) for b in record.ballots]
    n = len(base)
    options = [[b] + [t for t in (YES, NO, ABSTAIN) if t != b] for b in base]
    costs = [[0] + [change_cost(b, t) for t in o[1:]] for b, o in zip(base, options, strict=True)]
    # the last `low` members: every combination at once; the others: one chunk per combination
    low = n
    while int(np.prod([len(o) for o in options[n - low :]])) > 1 << 20:
        low -= 1
    high = n - low
    digits = np.indices([len(o) for o in options[high:]]).reshape(low, -1)
    low_values = np.stack([np.asarray(options[high + j])[digits[j]] for j in range(low)], axis=1).astype(np.int8)
    low_mask = sum((digits[j] != 0).astype(np.int64) << (high + j) for j in range(low))
    low_cost = sum(np.asarray(costs[high + j])[digits[j]] for j in range(low))
    masks, spent = [], []
    for choice in itertools.product(*[range(len(o)) for o in options[:high]]):
        profiles = np.empty((len(low_values), n), dtype=np.int8)
        profiles[:, high:] = low_values
        for i, d in enumerate(choice):
            profiles[:, i] = options[i][d]
        flipped = outcome.rule.decide(profiles, motion) != outcome.adopted
        masks.append(low_mask[flipped] | sum(int(d != 0) << i for i, d in enumerate(choice)))
        spent.append(low_cost[flipped] + sum(costs[i][d] for i, d in enumerate(choice)))
    masks_all, spent_all = np.concatenate(masks), np.concatenate(spent)
    flips = np.zeros(1 << n, dtype=bool)
    flips[masks_all] = True
    index = np.arange(1 << n)
    below = flips.copy()  # below[m]: m or a subset of m flips
    for i in range(n):
        has = (index >> i) & 1 == 1
        below[has] |= below[index[has] ^ (1 << i)]
    strictly = np.zeros_like(flips)
    for i in range(n):
        has = (index >> i) & 1 == 1
        strictly[has] |= below[index[has] ^ (1 << i)]
    minimal = flips & ~strictly
    best = np.full(1 << n, 10**9, dtype=np.int64)
    keep = minimal[masks_all]
    np.minimum.at(best, masks_all[keep], spent_all[keep])
    names = record.council.names
    return {
        frozenset(names[i] for i in range(n) if m >> i & 1): int(best[m]) for m in np.flatnonzero(minimal).tolist()
    }


def check_against_brute_force(record, rule=None):
    result = minimal_flips(record, rule)
    expected = brute_force(record, rule)
    got = {frozenset(c.member for c in s): s for s in result.minimal_sets}
    assert set(got) == set(expected)
    assert result.count == len(expected) == len(result.minimal_sets)
    outcome = decide_record(record, rule)
    council = record.council
    for members, changes in got.items():
        # each listed change flips, and is a least change for its set of members
        ballots = {council.names[i]: int(b) for i, b in enumerate(record.ballots)}
        assert all(ballots[c.member] == int(c.old) != int(c.to) for c in changes)
        ballots.update({c.member: int(c.to) for c in changes})
        profile = np.array([[ballots[name] for name in council.names]], dtype=np.int8)
        assert bool(outcome.rule.decide(profile, record.motion)[0]) != outcome.adopted
        assert sum(change_cost(int(c.old), int(c.to)) for c in changes) == expected[members]
    every = set.intersection(*(set(s) for s in expected)) if expected else set()
    assert set(result.critical) == every
    assert set(result.pivotal) == {next(iter(s)) for s in expected if len(s) == 1}
    return result


def test_december_veto_only_china_and_russia_moving_off_no():
    f = scenario_flips(load_scenario("S/2016/1026"))
    assert f.adopted is False and f.count == 1
    [changes] = f.minimal_sets
    assert [(c.member, str(c.old), str(c.to)) for c in changes] == [
        ("China", "no", "abstain"),
        ("Russian Federation", "no", "abstain"),
    ]
    assert f.critical == ("China", "Russian Federation")
    assert f.to_json() == {
        "adopted": False,
        "minimal_sets": [
            [
                {"member": "China", "from": "no", "to": "abstain"},
                {"member": "Russian Federation", "from": "no", "to": "abstain"},
            ]
        ],
        "critical": ["China", "Russian Federation"],
    }


def test_october_russian_draft_needs_28_sets_of_five():
    f = scenario_flips(load_scenario("S/2016/847"))
    assert f.count == 28 and len(f.minimal_sets) == 28
    assert {len(s) for s in f.minimal_sets} == {5}
    west = {"France", "United Kingdom", "United States"}
    for s in f.minimal_sets:
        assert west <= {c.member for c in s}
        assert {str(c.to) for c in s} == {"yes"}
    assert set(f.critical) == west
    assert len({frozenset(c.member for c in s) for s in f.minimal_sets}) == 28


@pytest.mark.parametrize(
    ("symbol", "whatifs"),
    [("S/2016/846", []), ("S/2016/847", []), ("S/2016/1026", ["russia-and-china-abstain"])],
)
def test_bundled_votes_against_brute_force(symbol, whatifs):
    from simulate.engine.replay import replay

    outcome = replay(load_scenario(symbol), whatifs)
    check_against_brute_force(outcome.record, outcome.rule)


def test_limit_keeps_the_count():
    full = scenario_flips(load_scenario("S/2016/847"), ["western-permanent-abstain"])
    short = scenario_flips(load_scenario("S/2016/847"), ["western-permanent-abstain"], limit=10)
    assert full.count == short.count == 462  # 5 more yes among 11 members not voting yes
    assert short.minimal_sets == full.minimal_sets[:10] and not short.listed_all


RULES_1945 = ["charter-1945", "strict-concurrence-1945", "procedural-1945"]
ODD_RULES = [
    FunctionRule(lambda p: (p[:, 0] == YES) & ((p == YES).sum(axis=1) >= 6), name="first-must-agree", seats=11),
    FunctionRule(lambda p: ((p == YES).sum(axis=1) > (p == NO).sum(axis=1)), name="more-yes-than-no", seats=11),
]


@settings(max_examples=12, deadline=None)
@given(
    ballots=st.lists(st.sampled_from(["yes", "no", "abstain", "absent"]), min_size=11, max_size=11),
    rule=st.sampled_from(RULES_1945 + ODD_RULES),
)
def test_random_votes_of_the_11_seat_council(ballots, rule):
    date = datetime.date(1960, 3, 1)
    record = VoteRecord(Draft("TEST/1", date), council_on(date), ballots)
    check_against_brute_force(record, get_rule(rule) if isinstance(rule, str) else rule)
