"""The counterfactual engine decides tallies through the rules themselves, and agrees with the
ballot-level replay wherever the record has member-by-member ballots (the Syria series and the
2016 scenario files)."""

from __future__ import annotations

import attrs
import numpy as np
import pytest

from simulate.analysis import counterfactual as cf
from simulate.analysis.history import HistoryVote, load_history
from simulate.catalog.registry import RULES
from simulate.catalog.scenarios import bundled_scenarios
from simulate.engine.reform import replay_enlarged
from simulate.engine.replay import decide_record
from simulate.errors import SimulateError
from simulate.model.ballots import Ballot
from simulate.rules.function import FunctionRule
from simulate.rules.quota import Rule

RULE_NAMES = list(RULES)
SCENARIOS = bundled_scenarios()


def _entry(symbol: str) -> HistoryVote:
    """The record's entry; for a scenario after the meeting tables end (May 2022) and not a veto,
    what its file's [record] table says (the same fields the record has)."""
    for vote in load_history():
        if vote.symbol == symbol:
            return vote
    scenario = next(s for s in SCENARIOS if s.symbol == symbol)
    r, draft = scenario.expected, scenario.record.draft
    assert r is not None and draft.date.year >= 2022, f"{symbol} is not in the record"
    return HistoryVote(
        symbol=symbol,
        date=draft.date,
        meeting=draft.meeting,
        agenda=draft.title,
        subject="syria",
        outcome="adopted" if r.adopted else ("vetoed" if r.vetoed_by else "not adopted"),
        yes=r.yes,
        no=r.no,
        abstain=r.abstain,
        non_voting=r.absent,
        vetoed_by=tuple(m.name for m in r.vetoed_by),
        flags=tuple(sorted(draft.flags)),
    )


def _ballot_outcome(outcome) -> str:
    return "adopted" if outcome.adopted else ("vetoed" if outcome.vetoed_by else "not adopted")


@pytest.fixture(scope="module")
def decisions() -> dict[tuple[str, str], cf.Decision]:
    entries = [_entry(s.symbol) for s in SCENARIOS]
    return {(d.symbol, d.rule): d for d in cf.decide_votes(entries, RULE_NAMES)}


def test_every_scenario_is_in_the_record_with_the_same_tally_vetoers_and_flags():
    for scenario in SCENARIOS:
        entry, expected = _entry(scenario.symbol), scenario.expected
        assert expected is not None
        assert (entry.yes, entry.no, entry.abstain) == (expected.yes, expected.no, expected.abstain), scenario.symbol
        assert set(entry.vetoed_by) == {m.name for m in expected.vetoed_by}, scenario.symbol
    late = [s.symbol for s in SCENARIOS if s.symbol not in {v.symbol for v in load_history()}]
    assert late == ["S/2022/541", "S/2023/507"] or all(s.startswith(("S/2022", "S/2023")) for s in late)


def _canonical(profile: np.ndarray, council) -> np.ndarray:
    """The actual ballots with the elected members' sorted (they are interchangeable)."""
    row = profile.copy()
    elected = [i for i, s in enumerate(council.seats) if not s.permanent]
    row[elected] = np.sort(row[elected])
    return row


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.symbol)
def test_tally_level_decision_equals_ballot_level_decision_under_every_rule(scenario, decisions):
    """Where the tally decides, it decides as the ballots do; where it does not, the profiles that
    fit the record really disagree, and the actual ballots are among them."""
    entry = _entry(scenario.symbol)
    record = scenario.record
    record = attrs.evolve(record, draft=attrs.evolve(record.draft, flags=frozenset(entry.flags)))  # flags: flags.csv
    consistent = cf.consistent_profiles(entry)
    assert consistent.council is not None and consistent.council.names == record.council.names
    actual = _canonical(record.profile[0], record.council)
    assert (consistent.profiles == actual).all(axis=1).any(), "the actual ballots fit the record"
    for name in RULE_NAMES:
        rule = RULES[name]
        d = decisions[scenario.symbol, name]
        if not d.applicable:
            assert rule.seats == 11, (name, d.reason)  # only the 1945 rules are for another council
            continue
        if isinstance(rule, Rule) and rule.enlarged:
            ballots = replay_enlarged(attrs.evolve(scenario, record=record), rule, method="classes")
            assert d.combinations == ballots.combinations
            lo, hi = d.adopted_combinations
            assert lo <= ballots.adopted <= hi, name
            if d.outcome != "undetermined":
                assert lo == hi == ballots.adopted, name
            continue
        outcome = _ballot_outcome(decide_record(record, rule))
        if d.outcome != "undetermined":
            assert d.outcome == outcome, (name, d.reason)
            if outcome == "vetoed" and d.vetoed_by:
                assert set(d.vetoed_by) == set(decide_record(record, rule).vetoed_by)
        else:  # the tally cannot decide: two profiles that fit it get different outcomes, the actual one among them
            classes, _ = cf._classify(rule, consistent.profiles, consistent.motion)
            seen = {cf._CLASS_NAMES[int(k)] for k in classes}
            assert len(seen) >= 2 and outcome in seen, name


def test_undetermined_only_where_the_tally_must_leave_it_open(decisions):
    """Exactly: every rule for the Council as it sat decides every scenario from its tally
    (strict concurrence too: the vetoed drafts stay blocked and the rival drafts stay short,
    whoever abstained); only reform councils on drafts short of votes stay open, because
    whether the new seats can carry them depends on which permanent members voted no."""
    enlarged = {n for n in RULE_NAMES if getattr(RULES[n], "enlarged", False)}
    open_ = {(s, r) for (s, r), d in decisions.items() if d.outcome == "undetermined" and d.applicable}
    assert open_ and {r for _, r in open_} <= enlarged
    for symbol, rule in open_:
        d = decisions[symbol, rule]
        assert d.vote.outcome == "not adopted" and "does not say how" in d.reason and "passes in 0 to" in d.reason
        lo, hi = d.adopted_combinations
        assert lo < hi


def test_the_december_draft_under_the_rules_that_would_have_changed_it(decisions):
    d = {r: decisions["S/2016/1026", r] for r in RULE_NAMES}
    assert d["charter-1965"].outcome == "vetoed"
    assert (
        d["charter-1965"].reason
        == "Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation."
    )
    assert d["two-vetoes"].outcome == "vetoed"  # two permanent members voted no
    assert d["veto-abolished-9"].outcome == d["veto-abolished-10"].outcome == "adopted"
    assert d["french-mexican-restraint"].outcome == "adopted"  # flagged mass-atrocity in flags.csv
    assert d["act-restraint"].outcome == "vetoed"  # China and Russia are not ACT signatories
    g4 = d["g4-2005"]
    assert (g4.outcome, g4.combinations, g4.adopted_combinations) == ("vetoed", 3**10, (0, 0))
    assert "vetoed by China and the Russian Federation whatever the new seats do" in g4.reason


def test_strict_concurrence_needs_to_know_who_abstained():
    """An adopted resolution with abstentions: undetermined under the literal reading unless the
    tally leaves no room for a permanent member's abstention."""
    adopted = [v for v in load_history().filter(since="1990", until="1995", outcome="adopted") if v.abstain]
    d = cf.decide_votes(adopted[:5], ["strict-concurrence"])
    for x in d:
        assert x.outcome == "undetermined" and "does not say how" in x.reason and x.profiles > 1
    unanimous = [v for v in load_history().filter(since="2000", until="2000", outcome="adopted") if v.tally == "15-0-0"]
    assert {x.outcome for x in cf.decide_votes(unanimous, ["strict-concurrence"])} == {"adopted"}


def test_rules_sized_for_another_council_are_not_applicable_and_say_why():
    cold_war = [v for v in load_history().filter(vetoed_by="USSR", until="1950") if v.has_tally][:3]
    for d in cf.decide_votes(cold_war, ["two-vetoes", "charter-1945"]):
        if d.rule == "two-vetoes":
            assert not d.applicable and d.outcome == "undetermined" and "council of 15 members" in d.reason
        else:
            assert d.applicable


def test_no_tally_no_answer():
    no_tally = [v for v in load_history().vetoes() if not v.has_tally]
    assert no_tally
    for d in cf.decide_votes(no_tally, ["charter-1945"]):
        assert d.outcome == "undetermined" and d.reason == "The record gives no tally for this vote."


def test_a_function_rule_that_singles_out_an_elected_seat_is_undetermined():
    first_elected = FunctionRule(lambda p: p[:, 5] == int(Ballot.YES), name="first-elected-decides")
    (d,) = cf.decide_votes([_entry("S/2016/1026")], [first_elected])
    assert d.outcome == "undetermined" and "which elected member cast which ballot" in d.reason
    majority = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 8, name="majority-8")
    (d,) = cf.decide_votes([_entry("S/2016/1026")], [majority])
    assert d.outcome == "adopted"


def test_big_requests_are_refused_with_a_reason(monkeypatch):
    monkeypatch.setattr(cf, "MAX_PROFILES", 1000)
    with pytest.raises(SimulateError, match="ballot profiles"):
        cf.decide_votes(load_history().vetoes(), ["g4-2005"])


def test_summary_counts_each_recorded_veto_once_per_rule():
    vetoes = load_history().filter(topic="syria").vetoes()
    summary = cf.summarize(cf.decide_votes(vetoes, ["veto-abolished-9", "two-vetoes"], reasons=False))
    assert summary.vetoes == len(vetoes)
    for rule in summary.rules:
        assert sum(summary.totals[rule].values()) + summary.not_applicable[rule] == len(vetoes)
        assert sum(sum(c.values()) for c in summary.by_decade[rule].values()) == len(vetoes)
    assert summary.totals["veto-abolished-9"]["overcome"] == len(vetoes)  # every Syria veto had 9 votes
    # two vetoes are needed: the drafts that the Russian Federation vetoed alone pass
    alone = sum(1 for v in vetoes if v.vetoed_by == ("Russian Federation",))
    assert summary.totals["two-vetoes"]["overcome"] == alone
