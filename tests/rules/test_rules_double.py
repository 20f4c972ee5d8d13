"""The double-majority rule kind (elected-majority): a rule that is not plain
quota-and-veto, working through the same protocol as every other rule."""

from __future__ import annotations

import datetime
import itertools
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulate import Motion, SetBallots, council_on, get_rule, load_scenario, replay
from simulate import strategies as us
from simulate.cli import main
from simulate.errors import DataFileError
from simulate.io.rulefiles import dump_rule, loads_rule
from simulate.rules import VotingRule
from simulate.rules.double import DoubleMajorityRule

COUNCIL = council_on(datetime.date(2016, 12, 5))
RULE = get_rule("elected-majority")
YES, NO, ABSTAIN = 0, 1, 2


def reference(profiles: np.ndarray) -> np.ndarray:
    """The rule as its description states it, written independently: nine yes, six of them
    elected, and no permanent member voting no."""
    permanent = COUNCIL.veto_mask
    yes = (profiles == YES).sum(axis=1)
    elected_yes = (profiles[:, ~permanent] == YES).sum(axis=1)
    return (yes >= 9) & (elected_yes >= 6) & ~(profiles[:, permanent] == NO).any(axis=1)


def test_it_is_a_voting_rule_of_a_new_kind():
    assert isinstance(RULE, DoubleMajorityRule) and isinstance(RULE, VotingRule)
    assert RULE.council_for().size == 15


@given(us.ballot_profiles(15, profiles=st.integers(1, 30)))
def test_decides_as_its_description_says(profiles):
    assert np.array_equal(RULE.decide(profiles, Motion(COUNCIL)), reference(profiles))


def test_every_class_count_profile_exhaustively():
    """All (permanent yes/no/abstain) x (elected yes/no/abstain) count vectors: 21 x 66 classes."""
    rows = []
    for py, pn in itertools.product(range(6), repeat=2):
        if py + pn > 5:
            continue
        for ey, en in itertools.product(range(11), repeat=2):
            if ey + en > 10:
                continue
            rows.append([YES] * py + [NO] * pn + [ABSTAIN] * (5 - py - pn) + [YES] * ey + [NO] * en + [ABSTAIN] * (10 - ey - en))
    profiles = np.array(rows, dtype=np.int8)
    assert len(profiles) == 21 * 66
    assert np.array_equal(RULE.decide(profiles, Motion(COUNCIL)), reference(profiles))


def test_the_reason_names_the_missing_group_majority():
    # five permanent members and four elected members vote yes: nine votes, but only four elected
    ballots = {name: "yes" for name in ("China", "France", "Russia", "United Kingdom", "United States",
                                         "Egypt", "Japan", "Spain", "Ukraine")}
    ballots.update({name: "no" for name in ("Angola", "Malaysia", "New Zealand", "Senegal", "Uruguay", "Venezuela")})
    outcome = replay(load_scenario("S/2016/1026"), [SetBallots(ballots)], rule=RULE)
    assert not outcome.adopted and outcome.vetoed_by == () and outcome.short_by == 0
    assert outcome.reason == (
        "Not adopted: 9 votes in favour (9 required), but only 4 of the elected members in favour, 6 required."
    )
    assert str(outcome.verdict) == "short"
    # and under the Charter the same ballots pass
    assert replay(load_scenario("S/2016/1026"), [SetBallots(ballots)], rule="charter-1965").adopted


def test_the_veto_comes_from_the_base_rule():
    outcome = replay(load_scenario("S/2016/1026"), rule=RULE)
    assert outcome.vetoed_by == ("China", "Russian Federation")


def test_round_trip_and_file_errors(tmp_path):
    assert loads_rule(dump_rule(RULE)) == RULE
    text = dump_rule(RULE)
    with pytest.raises(DataFileError, match=r"\[group\]: kind = \"double-majority\" needs a \[group\] table"):
        loads_rule(text.split("[group]")[0], "x.toml")
    with pytest.raises(DataFileError, match=r"\[group\]: a \[group\] table needs kind"):
        loads_rule(text.replace('kind = "double-majority"\n', ""), "x.toml")
    with pytest.raises(DataFileError, match=r"\[group\] quota: expected between 1 and the 10 elected seats, got 11"):
        loads_rule(text.replace("quota = 6", "quota = 11"), "x.toml")
    with pytest.raises(DataFileError, match=r"\[group\] seats: expected one of veto, permanent, elected"):
        loads_rule(text.replace('seats = "elected"', 'seats = "electd"'), "x.toml")
    with pytest.raises(DataFileError, match=r"\[rule\] kind: expected one of quota-veto, double-majority"):
        loads_rule(text.replace('kind = "double-majority"', 'kind = "weighted"'), "x.toml")


def test_check_rule_power_flips_and_grid_work_on_it(capsys):
    assert main(["check-rule", "elected-majority", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["properties"]["monotonic"]["holds"] is True
    assert main(["power", "--rule", "elected-majority", "--json"]) == 0
    power = json.loads(capsys.readouterr().out)["rules"][0]
    assert power["rule"] == "elected-majority"
    charter = get_rule("charter-1965")
    assert main(["power", "--rule", charter.name, "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)["rules"][0]
    # the group majority takes power from the veto holders to the elected members
    assert power["seats"]["Angola"]["banzhaf"] > plain["seats"]["Angola"]["banzhaf"]
    assert main(["flips", "S/2016/846", "--rule", "elected-majority", "--json"]) == 0
    flips = json.loads(capsys.readouterr().out)
    assert flips["critical"] == ["Russian Federation"]
    assert main(["grid", "S/2016/846", "--rule", "elected-majority", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rules"] == ["elected-majority"]


def test_the_table_figure_says_why(tmp_path):
    from simulate.figures import describe, plot_table

    ballots = {name: "yes" for name in ("China", "France", "Russia", "United Kingdom", "United States",
                                         "Egypt", "Japan", "Spain", "Ukraine")}
    ballots.update({name: "no" for name in ("Angola", "Malaysia", "New Zealand", "Senegal", "Uruguay", "Venezuela")})
    outcome = replay(load_scenario("S/2016/1026"), [SetBallots(ballots)], rule=RULE)
    table = describe(plot_table(outcome))["table"]
    title = " ".join(table["title"]).replace("\n", " ")
    assert "but only 4 of the elected members in favour, 6 required" in title
    assert table["result"] == "✗ NOT ADOPTED" and table["vetoes"] == []
