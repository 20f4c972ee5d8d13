"""``unsc chance``: the model first, the table per rule, JSON, propensities."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from simulate import load_scenario
from simulate.analysis.chance import chance, propensities
from simulate.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_json(capsys, *args: str) -> dict:
    assert main(["chance", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_text_states_the_model_first_then_the_rules_and_who_decides(capsys):
    args = ["S/2016/1026", "-w", "china-abstains-again", "--others", "elected-uncertain",
            "-r", "charter-1965", "-r", "two-vetoes"]
    assert main(["chance", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    model = " ".join(lines[: next(i for i, line in enumerate(lines) if line.startswith("S/2016/1026"))])
    assert model.startswith("Model: every elected member not set otherwise votes yes, no or abstain, 1/3 each")
    assert max(len(line) for line in lines) <= 80  # as every command's text
    text = "\n".join(lines)
    assert "Exact probabilities." in text
    assert "charter-1965  0.0%      7.7%      92.3%" in text
    assert "two-vetoes    7.7%      0.0%      92.3%" in text
    assert "+7.7 points" in text
    assert "Permanent members voting no: 1: 100.0%" in text
    assert "Most likely to decide the vote under charter-1965" in text


def test_json_has_one_item_per_rule_with_the_probabilities(capsys):
    data = run_json(capsys, "S/2016/1026", "--others", "elected-uncertain", "-r", "charter-1965", "-r", "two-vetoes")
    assert data["method"] == "exact" and data["model"].startswith("Model:")
    assert [r["rule"] for r in data["rules"]] == ["charter-1965", "two-vetoes"]
    for r in data["rules"]:
        assert r["exact"] is True and "stderr" not in r
        assert r["adopted"] + r["vetoed"] + r["short"] + r["other"] == pytest.approx(1)
        assert Fraction(r["fractions"]["vetoed"]) == Fraction(1507, 19683)
    assert data["rules"][0]["permanent_no"] == [0, 0, 1.0, 0, 0, 0]


def test_json_when_simulated_has_standard_errors_and_the_difference(capsys):
    data = run_json(capsys, "S/2016/1026", "--others", "uncertain", "--bloc", "Russia:Angola,Venezuela@0.8",
                    "--bloc", "China:Russia@0.5", "-r", "charter-1965", "-r", "two-vetoes", "--draws", "1e5", "--seed", "3")
    assert data["method"] == "monte carlo" and data["draws"] == 100_000 and data["seed"] == 3
    assert "chain of blocs" in data["note"]
    first, second = data["rules"]
    assert first["exact"] is False and set(first["stderr"]) == {"adopted", "vetoed", "short"}
    d = second["difference"]
    assert d["adopted"] == pytest.approx(second["adopted"] - first["adopted"])
    assert d["interval95"][0] < d["adopted"] < d["interval95"][1]
    again = run_json(capsys, "S/2016/1026", "--others", "uncertain", "--bloc", "Russia:Angola,Venezuela@0.8",
                     "--bloc", "China:Russia@0.5", "-r", "charter-1965", "-r", "two-vetoes", "--draws", "1e5", "--seed", "3")
    assert again == data


def test_simulated_text_fits_80_columns(capsys):
    """The widest text: intervals in every cell, a long model, a long title."""
    args = ["S/2016/846", "--others", "uncertain", "--bloc", "Russia:Angola,Venezuela@0.8", "--method", "montecarlo",
            "--draws", "1e4", "-r", "charter-1965", "-r", "two-vetoes", "-r", "veto-abolished-9"]
    assert main(["chance", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines == [line.rstrip() for line in lines]
    assert any(line.startswith("veto-abolished-9  ") and line.count("[") == 3 for line in lines)


def test_options_apply_in_order(capsys):
    """--set after --chance wins; --chance after --set wins."""
    later_set = run_json(capsys, "S/2016/1026", "--chance", "China=no:1/2,abstain:1/2", "--set", "China=abstain")
    later_chance = run_json(capsys, "S/2016/1026", "--set", "China=abstain", "--chance", "China=no:1/2,abstain:1/2")
    assert later_set["rules"][0]["vetoed"] == 1.0
    assert later_chance["rules"][0]["fractions"]["vetoed"] == "1"  # Russia still vetoes
    both = run_json(capsys, "S/2016/1026", "--set", "Russia=abstain", "--chance", "China=no:1/2,abstain:1/2")
    assert both["rules"][0]["fractions"]["adopted"] == "1/2"


def test_propensities_from_the_record_flag_members_never_seen(capsys):
    scenarios = ROOT / "scenarios"
    data = run_json(capsys, "S/2016/1026", "--propensities", str(scenarios), "--prior", "yes=1,no=1,abstain=1")
    p = data["propensities"]
    assert p["records"] >= 3 and p["unseen"] == []
    assert p["members"]["Angola"]["records"] >= 3
    estimates = propensities([scenarios], penholder="France")
    assert estimates.records >= 1
    for symbol in estimates.symbols:  # only drafts France held the pen on
        assert "France" in [m.name for m in load_scenario(symbol).record.draft.sponsors], symbol
    never = estimates.estimate("Tuvalu")  # never on the Council
    assert never.prior_only and never.records == 0
    assert never.distribution.probs == (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3), 0)
    custom = propensities([scenarios], prior={"yes": 2, "no": 0, "abstain": 0})
    assert custom.estimate("Tuvalu").distribution.probs == (1, 0, 0, 0)


def test_propensities_feed_the_engine():
    december = load_scenario("S/2016/1026")
    estimates = propensities([load_scenario(s) for s in ("S/2016/846", "S/2016/847", "S/2016/1026")])
    result = chance(december, [estimates.chance(december.record.council.names)], ["charter-1965", "two-vetoes"])
    assert result.exact and 0 < result.rules[0].adopted < result.rules[1].adopted < 1
