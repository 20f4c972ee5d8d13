"""The exact engine against brute-force enumeration of every profile, and Straffin = Banzhaf."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from chance_reference import brute_force
from helpers import examples
from hypothesis import given
from hypothesis import strategies as st

from simulate import load_scenario
from simulate.analysis.chance import (
    BallotDistribution,
    Bloc,
    Blocs,
    Chance,
    NotExact,
    build_model,
    chance,
    exact_probabilities,
)
from simulate.catalog.scenarios import Scenario
from simulate.model.ballots import Ballot
from simulate.model.council import council_on
from simulate.model.records import Draft, VoteRecord
from simulate.model.whatif import Follow, SetBallots

COUNCIL_11 = council_on(datetime.date(1960, 6, 1))
RULES_11 = ["charter-1945", "strict-concurrence-1945", "procedural-1945"]
RULES_15 = ["charter-1965", "two-vetoes", "strict-concurrence", "veto-abolished-9", "elected-majority"]


def scenario_11(ballots: list[int]) -> Scenario:
    draft = Draft("S/TEST/11", datetime.date(1960, 6, 1), "an eleven-seat test vote")
    return Scenario(VoteRecord(draft, COUNCIL_11, [Ballot(b) for b in ballots]))


@st.composite
def distributions(draw: st.DrawFn, exact_inputs: bool = True) -> BallotDistribution:
    """A distribution over 1-4 ballots with small denominators (or floats)."""
    support = draw(st.lists(st.integers(0, 3), min_size=1, max_size=3, unique=True))
    weights = draw(st.lists(st.integers(1, 4), min_size=len(support), max_size=len(support)))
    total = sum(weights)
    probs = [Fraction(0)] * 4
    for b, w in zip(support, weights, strict=True):
        probs[b] = Fraction(w, total)
    if not exact_inputs:
        return BallotDistribution(tuple(float(p) for p in probs))
    return BallotDistribution(tuple(probs))


def _check(model, expected: dict | None = None) -> None:
    got = exact_probabilities(model, decisive=True)
    want = expected or brute_force(model)
    for key in ("adopted", "vetoed", "short", "other"):
        assert getattr(got, key) == pytest.approx(want[key], abs=1e-12), key
    assert got.permanent_no == pytest.approx(want["permanent_no"], abs=1e-12)
    assert got.decisive == pytest.approx(want["decisive"], abs=1e-12)
    if model.exact_inputs:  # fractions in, fractions out, and equal, not just close
        assert got.adopted == want["adopted"] and isinstance(got.adopted, Fraction)
        assert got.decisive == want["decisive"]


@examples(0.06)  # 12 of the ci profile's 200
@given(
    ballots=st.lists(st.integers(0, 3), min_size=11, max_size=11),
    random_seats=st.lists(st.integers(0, 10), min_size=1, max_size=7, unique=True),
    dists=st.lists(distributions(), min_size=7, max_size=7),
    rule=st.sampled_from(RULES_11),
)
def test_exact_equals_brute_force_on_eleven_seats(ballots, random_seats, dists, rule):
    scenario = scenario_11(ballots)
    members = [COUNCIL_11.names[s] for s in random_seats]
    model = build_model(scenario, [Chance(list(zip(members, dists, strict=False)))], rule)
    _check(model)


@examples(0.04)  # 8 of the ci profile's 200
@given(
    ballots=st.lists(st.integers(0, 2), min_size=11, max_size=11),
    dists=st.lists(distributions(exact_inputs=False), min_size=6, max_size=6),
    leader=st.integers(0, 10),
    followers=st.lists(st.integers(0, 10), min_size=1, max_size=3, unique=True),
    rho=st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(4, 5), Fraction(1)]),
    rule=st.sampled_from(RULES_11),
)
def test_exact_with_one_bloc_equals_brute_force(ballots, dists, leader, followers, rho, rule):
    followers = [f for f in followers if f != leader] or [(leader + 1) % 11]
    scenario = scenario_11(ballots)
    names = COUNCIL_11.names
    random_seats = sorted({leader, *followers, 0, 5, 9})[:6]
    changes = [
        Chance(list(zip([names[s] for s in random_seats], dists, strict=False))),
        Blocs([Bloc(names[leader], [names[f] for f in followers], rho)]),
    ]
    _check(build_model(scenario, changes, rule))


def test_exact_on_fifteen_seats_with_a_bloc_and_a_phantom_leader():
    december = load_scenario("S/2016/1026")
    changes = [
        Chance({"Angola": {"yes": "1/2", "abstain": "1/2"}, "Egypt": {"yes": "2/3", "no": "1/3"},
                "China": {"no": "1/2", "abstain": "1/2"}, "Uruguay": {"yes": "1/4", "abstain": "3/4"}}),
        Blocs([Bloc("China", ["Russian Federation", "Venezuela"], "2/3")]),
        SetBallots({"China": "no"}),  # China's followers keep the ballot China had: a phantom leader
        Chance({"Japan": {"yes": "1/2", "absent": "1/2"}}),
    ]
    for rule in RULES_15:
        _check(build_model(december, changes, rule))


def test_two_blocs_condition_on_both_leaders():
    december = load_scenario("S/2016/1026")
    changes = [
        Chance({"China": {"no": "1/2", "abstain": "1/2"}, "France": {"yes": "3/4", "abstain": "1/4"},
                "Senegal": {"yes": "1/2", "no": "1/2"}}),
        Blocs([Bloc("China", ["Angola"], "1/2"), Bloc("France", ["Senegal", "Egypt"], "1/3")]),
    ]
    model = build_model(december, changes, "two-vetoes")
    assert exact_probabilities(model).branches == 4
    _check(model)


def test_a_chain_of_blocs_is_not_exact_and_says_why():
    december = load_scenario("S/2016/1026")
    changes = [Chance(others="uncertain"), Blocs([Bloc("China", ["Russia"], 0.5), Bloc("Russia", ["Angola"], 0.5)])]
    with pytest.raises(NotExact, match="chain of blocs"):
        exact_probabilities(build_model(december, changes))
    result = chance(december, changes, draws=20_000)
    assert not result.exact and "chain of blocs" in result.note


def test_fractions_in_fractions_out_floats_in_floats_out():
    december = load_scenario("S/2016/1026")
    as_fraction = chance(december, [Chance({"China": {"no": "1/3", "abstain": "2/3"}})])
    as_float = chance(december, [Chance({"China": {"no": 1 / 3, "abstain": 2 / 3}})])
    assert as_fraction.rules[0].adopted == 0 and as_fraction.rules[0].vetoed == Fraction(1)
    assert isinstance(as_fraction.rules[0].vetoed, Fraction) and isinstance(as_float.rules[0].vetoed, float)
    # Russia still vetoes; with Russia abstaining too, adoption is China's abstention
    both = chance(december, [SetBallots({"Russia": "abstain"}), Chance({"China": {"no": "1/3", "abstain": "2/3"}})])
    assert (both.rules[0].adopted, both.rules[0].vetoed, both.rules[0].short) == (Fraction(2, 3), Fraction(1, 3), 0)


@pytest.mark.parametrize("rule", ["charter-1965", "two-vetoes", "strict-concurrence", "g4-2005"])
def test_straffin_with_fair_coins_is_the_banzhaf_index(rule):
    from simulate.analysis.power import rule_power

    power = rule_power(rule)
    council = power.seats
    scenario = load_scenario("S/2016/1026")
    model = build_model(scenario, [Chance(others="coin")], rule)
    assert model.council.names == council
    got = exact_probabilities(model, decisive=True)
    assert got.decisive == power.binary.banzhaf_absolute
    assert got.adopted == power.binary.power_to_act


def test_deterministic_follow_and_bloc_with_rho_one_agree_with_replay():
    from simulate import replay

    december = load_scenario("S/2016/1026")
    follow = [Follow("Russia", ["Angola", "Egypt", "Japan"]), SetBallots({"Russia": "abstain"})]
    bloc = [Blocs([Bloc("Russia", ["Angola", "Egypt", "Japan"], 1)]), SetBallots({"Russia": "abstain"})]
    for rule in RULES_15:
        outcome = replay(december, follow, rule=rule)
        for changes in (follow, bloc):
            r = chance(december, changes, [rule]).rules[0]
            assert r.exact and r.adopted == int(outcome.adopted)
            assert r.vetoed == int(bool(outcome.vetoed_by)) and r.short == int(outcome.short_by > 0)
