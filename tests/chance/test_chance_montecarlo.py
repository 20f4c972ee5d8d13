"""Monte Carlo against the exact engine, reproducibility, common random numbers."""

from __future__ import annotations

import numpy as np
import pytest

from simulate import FunctionRule, load_scenario
from simulate.analysis.chance import Bloc, Blocs, Chance, build_model, chance, exact_probabilities, simulate
from simulate.analysis.chance.montecarlo import BLOCK
from simulate.model.whatif import Follow, SetBallots

DRAWS = 100_000
SEED = 20161205

CASES = {
    "elected uncertain": [Chance(others="elected-uncertain")],
    "everyone uncertain, China leaning no": [
        Chance({"China": {"no": 0.7, "abstain": 0.3}}, others="uncertain"),
    ],
    "a bloc behind Russia": [
        Chance({"Russia": {"no": 0.5, "abstain": 0.5}}, others="elected-uncertain"),
        Blocs([Bloc("Russia", ["Angola", "Venezuela", "Egypt"], 0.8)]),
    ],
    "two blocs and absences": [
        Chance({"Japan": {"yes": 0.5, "absent": 0.5}, "China": {"yes": 0.2, "no": 0.5, "abstain": 0.3}},
               others="uncertain"),
        Blocs([Bloc("China", ["Angola"], 0.6), Bloc("United States", ["Ukraine", "Japan"], 0.9)]),
    ],
}
RULES = ["charter-1965", "two-vetoes", "veto-abolished-9", "strict-concurrence"]


@pytest.mark.parametrize("case", list(CASES))
def test_monte_carlo_agrees_with_exact_within_four_standard_errors(case):
    december = load_scenario("S/2016/1026")
    models = [build_model(december, CASES[case], rule) for rule in RULES]
    results = simulate(models, DRAWS, SEED, decisive=True)
    for model, mc in zip(models, results, strict=True):
        ex = exact_probabilities(model, decisive=True)
        for code, key in enumerate(("adopted", "vetoed", "short")):
            p = getattr(ex, key)
            se = max(np.sqrt(float(p) * (1 - float(p)) / DRAWS), 1 / DRAWS)
            assert abs(mc.p(code) - float(p)) <= 4 * se, (model.rule.name, key, mc.p(code), float(p))
        for k, p in enumerate(ex.decisive):
            se = max(np.sqrt(float(p) * (1 - float(p)) / DRAWS), 1 / DRAWS)
            assert abs(mc.decisive[k] / DRAWS - float(p)) <= 4 * se
        for k, p in enumerate(ex.permanent_no):
            se = max(np.sqrt(float(p) * (1 - float(p)) / DRAWS), 1 / DRAWS)
            assert abs(mc.permanent_no[k] / DRAWS - float(p)) <= 4 * se


def test_a_rule_that_treats_seats_differently_is_exact_seat_by_seat_or_simulated_with_its_own_tally():
    """A user's function that singles Angola out: every seat is its own group. With few uncertain
    seats the table of all combinations is still small (exact); with every seat uncertain it is not,
    and the drawn profiles are decided by the function itself."""
    december = load_scenario("S/2016/1026")
    angola_decides = FunctionRule(lambda p: (p[:, 5] == 0) & ((p == 0).sum(axis=1) >= 8), name="angola-decides")
    few = [Chance({"Angola": {"yes": 0.25, "no": 0.75}, "Egypt": {"yes": 0.5, "abstain": 0.5},
                   "Japan": {"yes": 0.5, "no": 0.5}, "Senegal": {"abstain": 0.5, "no": 0.5}})]
    from chance_reference import brute_force

    small = build_model(december, few, angola_decides)
    want = brute_force(small)
    got = exact_probabilities(small)
    assert got.adopted == pytest.approx(want["adopted"]) and got.other == pytest.approx(want["other"])

    everyone = [Chance({"Angola": {"yes": 0.25, "no": 0.75}}, others="uncertain")]
    result = chance(december, everyone, [angola_decides], draws=DRAWS, seed=SEED, decisive=False)
    r = result.rules[0]
    assert not r.exact and "treats every seat alone" in result.note
    # exactly: P(Angola yes) x P(at least 7 of the other 14 vote yes), by a rule that treats seats alike
    seven = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 8, name="eight-yes")
    rest = chance(december, [*everyone, SetBallots({"Angola": "yes"})], [seven]).rules[0]
    assert rest.exact
    expected = 0.25 * float(rest.adopted)
    assert abs(r.adopted - expected) <= 4 * max(r.stderr["adopted"], 1 / DRAWS)
    assert r.vetoed == 0 and r.short == 0 and r.other == pytest.approx(1 - r.adopted)


def test_reproducible_bit_for_bit_whatever_the_chunk_and_the_threads():
    december = load_scenario("S/2016/1026")
    changes = CASES["a bloc behind Russia"]
    models = [build_model(december, changes, rule) for rule in RULES[:2]]
    draws = 3 * BLOCK + 123
    runs = [
        simulate(models, draws, 7, chunk=BLOCK, workers=1, decisive=True),
        simulate(models, draws, 7, chunk=2 * BLOCK, workers=2, decisive=True),
        simulate(models, draws, 7, chunk=10**7, workers=3, decisive=True),
    ]
    assert runs[0] == runs[1] == runs[2]
    assert simulate(models, draws, 8)[0].counts != runs[0][0].counts


def test_several_rules_share_the_draws():
    """Common random numbers: a rule's estimate does not depend on which other rules run beside it,
    and the difference comes with its own (smaller) standard error."""
    december = load_scenario("S/2016/1026")
    changes = [SetBallots({"China": "abstain"}), Chance(others="uncertain")]
    charter = build_model(december, changes, "charter-1965")
    two = build_model(december, changes, "two-vetoes")
    g4 = build_model(december, [*changes], "g4-2005")
    alone = simulate([charter], DRAWS, SEED)[0]
    both = simulate([charter, two, g4], DRAWS, SEED)
    assert both[0].counts == alone.counts
    d, se = both[1].difference
    assert d == pytest.approx(both[1].p(0) - both[0].p(0))
    assert d > 0 and se < both[1].stderr(0)  # two vetoes to block: never less likely to pass
    assert both[1].only_first == 0
    exact_d = exact_probabilities(two).adopted - exact_probabilities(charter).adopted
    assert abs(d - float(exact_d)) <= 4 * se


def test_bloc_with_rho_one_is_the_follow_what_if():
    december = load_scenario("S/2016/1026")
    before = [Chance({"Russia": {"no": 0.4, "abstain": 0.6}}, others="elected-uncertain")]
    follow = simulate([build_model(december, [*before, Follow("Russia", ["Angola", "Egypt"])])], DRAWS, 3)
    bloc = simulate([build_model(december, [*before, Blocs([Bloc("Russia", ["Angola", "Egypt"], 1)])])], DRAWS, 3)
    assert follow == bloc
