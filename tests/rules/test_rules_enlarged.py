"""Replaying the 2016 drafts under rules for an enlarged council: no ballot is
invented; unknown seats are counted over every combination, exactly."""

from __future__ import annotations

import json
import math

import pytest

from simulate.catalog.scenarios import load_scenario
from simulate.engine.reform import replay_enlarged
from simulate.errors import SimulateError, UnknownNameError
from simulate.model.whatif import NewSeats


@pytest.fixture(scope="module")
def october():
    return load_scenario("S/2016/846")


@pytest.fixture(scope="module")
def december():
    return load_scenario("S/2016/1026")


def at_least(k: int, n: int) -> int:
    """Combinations of n yes/no/abstain ballots with at least k yes."""
    return sum(math.comb(n, y) * 2 ** (n - y) for y in range(k, n + 1))


def test_g4_unknown_seats_counted(october):
    r = replay_enlarged(october, "g4-2005", ["russia-abstains"])
    assert r.council.size == 25 and len(r.unknown) == 10 and r.unknown == r.new_seats
    assert r.combinations == 3**10
    assert r.adopted == at_least(3, 10) == 41_385  # 11 in favour of 14 needed: three new seats must say yes
    assert r.threshold() == 3
    assert r.outcome is None and not r.complete
    assert "Passes in 41,385 of 59,049 combinations" in r.headline()


def test_g4_new_seats_supplied_by_a_whatif(october):
    r = replay_enlarged(october, "g4-2005", ["russia-abstains"], new_seats={"permanent": "yes", "elected": "no"})
    assert r.complete and r.outcome.adopted and r.outcome.tally == "17-5-3"
    assert r.known["New permanent seat (Africa) 1"].name == "YES"
    partial = replay_enlarged(october, "g4-2005", ["russia-abstains"], new_seats=["permanent=no"])
    assert partial.unknown == tuple(n for n in partial.new_seats if "elected" in n.lower())
    assert partial.adopted == at_least(3, 4)  # 11 yes; 3 of the 4 new elected seats must say yes


def test_a_veto_already_cast_decides_whatever_the_new_seats_do(october, december):
    r = replay_enlarged(december, "au-ezulwini-2005")
    assert r.adopted == 0 and r.combinations == 3**11
    assert "vetoed by China and the Russian Federation whatever the new seats do" in r.headline()
    r = replay_enlarged(october, "ufc-2005")
    assert r.adopted == 0 and "vetoed by the Russian Federation" in r.headline()


def test_new_veto_holders_can_block(october):
    """Under the AU draft six new seats hold a veto: passing needs their concurrence too."""
    r = replay_enlarged(october, "au-ezulwini-2005", ["russia-abstains"])
    assert r.threshold() is None  # not a matter of counting yes only
    veto_free = replay_enlarged(october, "au-ezulwini-2005", ["russia-abstains"], new_seats={"veto": "abstain"})
    assert veto_free.adopted == at_least(4, 5)  # 11 of 15: four of the five new elected seats
    assert r.adopted == replay_enlarged(october, "au-ezulwini-2005", ["russia-abstains"], method="enumerate").adopted


def test_many_unknown_seats_counted_by_class(october):
    """27 seats and 12+ unknown: combinatorics by class counts, no enumeration."""
    from simulate.rules.quota import Rule
    from simulate.rules.seats import SeatClasses

    big = Rule("big", "27 seats", quota=16, seat_classes=SeatClasses(5, 0, 22))
    r = replay_enlarged(october, big, ["russia-abstains"])
    assert r.combinations == 3**12 and r.adopted == at_least(5, 12)
    huge = Rule("huge", "40 seats", quota=21, seat_classes=SeatClasses(5, 5, 30))
    r = replay_enlarged(october, huge, ["russia-abstains"])
    assert r.combinations == 3**25 and r.adopted == at_least(10, 25)


def test_rules_without_new_seats_replay_as_usual(october):
    r = replay_enlarged(october, "two-vetoes")
    assert r.complete and r.outcome.adopted and r.new_seats == ()


def test_new_seat_names_and_errors(october):
    assert NewSeats.parse("abstain").ballots == (("all", NewSeats.parse("all=abstain").ballots[0][1]),)
    r = replay_enlarged(october, "g4-2005", new_seats=["all=yes", "New elected seat 4=no"])
    assert r.complete and r.known["New elected seat 4"].name == "NO" and r.known["New elected seat 1"].name == "YES"
    with pytest.raises(UnknownNameError, match="did you mean 'permanent'"):
        replay_enlarged(october, "g4-2005", new_seats={"perm": "yes"})
    with pytest.raises(SimulateError, match="expected KIND=BALLOT"):
        NewSeats.parse(["permanent"]).__class__.parse(["=yes"])
    with pytest.raises(SimulateError, match="unknown ballot"):
        NewSeats.parse({"all": "maybe"})


def test_replay_under_an_enlarged_rule_explains_itself(cli):
    result = cli("replay", "S/2016/846", "--rule", "g4-2005")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "10 new seats have no ballot" in result.stderr and "unsc reform" in result.stderr
    assert "--new" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_reform_command(cli):
    result = cli("reform", "S/2016/846", "--rule", "g4-2005", "--whatif", "russia-abstains")
    assert result.returncode == 0, result.stderr
    assert "Passes in 41,385 of 59,049 combinations of the 10 new seats' ballots" in result.stdout
    assert "New permanent seat (Africa) 1" in result.stdout and "?" in result.stdout
    result = cli("reform", "S/2016/846", "-r", "g4-2005", "-w", "russia-abstains", "--new", "permanent=yes", "--new", "elected=no", "--json")
    data = json.loads(result.stdout)
    assert data["outcome"]["adopted"] is True and data["unknown"] == [] and data["outcome"]["yes"] == 17
    bad = cli("reform", "S/2016/846", "--rule", "g4-2005", "--new", "perm=yes")
    assert bad.returncode == 2 and "did you mean 'permanent'" in bad.stderr and "Traceback" not in bad.stderr
