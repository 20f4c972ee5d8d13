"""Votes of the 15-member Council replayed under rules for an enlarged council:
the new seats' ballots come from --new / NewSeats / a what-if's new_seats, and
never from nowhere."""

from __future__ import annotations

import json

import pytest

from simulate import SimulateError, grid, load_scenario, load_scenario_file, replay
from simulate.engine.reform import replay_enlarged
from simulate.model.whatif import NewSeats


@pytest.fixture(scope="module")
def october():
    return load_scenario("S/2016/846")


def test_no_ballot_is_invented_for_new_seats(october):
    with pytest.raises(SimulateError, match="10 new seats have no ballot"):
        replay(october, rule="g4-2005")
    # a partial supply is not enough either
    with pytest.raises(SimulateError, match="4 new seats have no ballot"):
        replay(october, [NewSeats({"permanent": "yes"})], rule="g4-2005")


def test_supplied_new_seats_decide_the_enlarged_council(october):
    o = replay(october, ["russia-abstains", NewSeats({"permanent": "yes", "elected": "no"})], rule="g4-2005")
    assert o.record.council.size == 25
    assert (o.yes, o.no, o.abstain, o.required) == (17, 5, 3, 14)
    assert o.adopted
    # the same outcome as the reform path, which shares the decision
    r = replay_enlarged(october, "g4-2005", ["russia-abstains"], new_seats={"permanent": "yes", "elected": "no"})
    ours, theirs = o.to_json(), r.outcome.to_json()
    assert ours.pop("whatifs") == ["russia-abstains", "new permanent seats vote yes; new elected seats vote no"]
    assert theirs.pop("whatifs") == ["russia-abstains"]  # the new seats came as a parameter there
    assert ours == theirs


def test_new_seats_do_not_change_a_fifteen_seat_replay(october):
    assert replay(october, [NewSeats({"all": "no"})]).to_json()["ballots"] == replay(october).to_json()["ballots"]


def test_grid_with_reform_columns(october):
    cells = grid(october, ["charter-1965", "au-ezulwini-2005"], changes=[NewSeats({"all": "yes"})])
    by = {(c.whatif, c.rule): c.outcome for c in cells}
    assert by[("baseline", "au-ezulwini-2005")].vetoed_by == ("Russian Federation",)
    assert by[("baseline", "au-ezulwini-2005")].tally == "22-2-2"
    assert by[("russia-abstains", "au-ezulwini-2005")].adopted


def test_whatif_new_seats_in_a_scenario_file(tmp_path):
    source = (load_scenario("S/2016/846").path).read_text(encoding="utf-8")
    path = tmp_path / "october-g4.toml"
    path.write_text(
        source
        + '\n[whatif.g4-says-yes]\nnew_seats = { permanent = "yes", elected = "abstain" }\nrule = "g4-2005"\n',
        encoding="utf-8",
    )
    scenario = load_scenario_file(path)
    o = replay(scenario, ["russia-abstains", "g4-says-yes"])
    assert o.rule.name == "g4-2005" and o.adopted and o.tally == "17-1-7"
    # the reform path counts only what the what-if leaves open: nothing here
    r = replay_enlarged(scenario, "g4-2005", ["g4-says-yes"])
    assert r.unknown == () and r.outcome.vetoed_by == ("Russian Federation",)


def test_cli_replay_and_grid_with_new_seats(cli):
    result = cli("replay", "S/2016/846", "--rule", "g4-2005", "-w", "russia-abstains", "--new", "all=yes", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["yes"], data["required"], data["adopted"]) == (21, 14, True)
    assert data["ballots"]["New permanent seat (WEOG)"] == "yes"
    result = cli("replay", "S/2016/846", "--rule", "g4-2005")
    assert result.returncode == 2 and "--new" in result.stderr and "Traceback" not in result.stderr
    result = cli("grid", "S/2016/1026", "--rule", "hlp-model-b", "--new", "all=abstain", "--json")
    cells = json.loads(result.stdout)["cells"]
    assert {c["required"] for c in cells if c["column"] == "hlp-model-b" and c["rule"] == "hlp-model-b"} == {14}


def test_flips_on_an_enlarged_council(cli):
    result = cli("flips", "S/2016/846", "--rule", "g4-2005", "--new", "all=yes", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["adopted"] is False
    assert data["minimal_sets"] == [[{"member": "Russian Federation", "from": "no", "to": "abstain"}]]
