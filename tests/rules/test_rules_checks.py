"""The property battery catches broken rules, each with its smallest counterexample."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import ROOT, earliest_smallest_blocking

from simulate.analysis.checks import check_rule
from simulate.errors import DataFileError, SimulateError
from simulate.io.pyrule import load_python_rule
from simulate.model.ballots import Ballot
from simulate.rules.function import FunctionRule
from simulate.rules.quota import Rule
from simulate.rules.seats import SeatClasses

YES, NO, ABSTAIN = 0, 1, 2
BROKEN = ROOT / "rules" / "examples" / "nine-to-twelve.py"
LAST_THREE = ("Ukraine", "Uruguay", "Venezuela (Bolivarian Republic of)")


def nine_to_twelve(profiles):
    yes = (profiles == YES).sum(axis=1)
    return (yes >= 9) & (yes <= 12)


@pytest.fixture(scope="module")
def broken_report():
    return check_rule(load_python_rule(BROKEN))  # every one of the 3**15 profiles


def test_broken_rule_caught_with_its_smallest_counterexample(broken_report):
    r = broken_report["monotonic"]
    assert r.holds is False and r.exact
    cx = r.counterexample
    before, after = (np.array(p) for p in cx.profiles)
    # smallest: 12 in favour and 3 against (nobody abstains), the last three seats against
    assert (before == YES).sum() == 12 and (before == NO).sum() == 3
    assert cx.members == ("Ukraine",)
    assert [broken_report.council.names[i] for i in np.flatnonzero(before == NO)] == list(LAST_THREE)
    assert (after == YES).sum() == 13 and after[broken_report.council.index("Ukraine")] == YES
    assert cx.text.splitlines()[0] == "not monotonic: adopted with 12 in favour, but rejected after Ukraine switches from no to yes"
    assert broken_report.failures == (r,)
    assert "FAILED: monotonic" in broken_report.format()


def test_broken_rule_other_findings(broken_report):
    assert broken_report["proper"].holds is True
    assert broken_report["decisive"].text == "a draft all 15 members vote for is rejected"
    assert broken_report["blocking"].text.startswith("moot")
    assert broken_report["anonymous"].holds is True


def test_improper_rule_shows_two_disjoint_winning_coalitions():
    seven = Rule("seven", "7 of 15, no veto", quota=7, seat_classes=SeatClasses(0, 5, 10))
    report = check_rule(seven)
    r = report["proper"]
    assert r.holds is False and report.failures == (r,)
    S, T = (np.array(p) for p in r.counterexample.profiles)
    assert (S == YES).sum() == 7 and (T == YES).sum() == 7 and not ((S == YES) & (T == YES)).any()
    assert report["decisive"].holds is True  # 7 of 15: a coalition or the rest always has 7


def test_non_anonymous_rule_and_dummies_and_veto_players():
    def first_two_decide(profiles):  # only seats 0 and 1 matter; seat 0 is a dictator of "no"
        return (profiles[:, 0] != NO) & (profiles[:, 1] == YES)

    report = check_rule(FunctionRule(first_two_decide, name="two"), seats=7)
    assert report["dummies"].members == report.council.names[2:]
    assert report["veto_players"].members == report.council.names[:2]
    assert report["anonymous"].holds is False
    assert report["abstention"].holds is True  # seat 1 abstaining defeats a draft the others support
    assert report["monotonic"].holds is True


def test_sampled_search_on_a_large_council_shrinks_the_counterexample():
    def broken(profiles):
        yes = (profiles == YES).sum(axis=1)
        return (yes >= 14) & (yes <= 20)

    report = check_rule(FunctionRule(broken, name="broken-25", seats=25), examples=60)
    assert report.method == "sampled"
    r = report["monotonic"]
    assert r.holds is False and not r.exact
    before, after = (np.array(p) for p in r.counterexample.profiles)
    assert (before == YES).sum() == 20 and (after == YES).sum() == 21
    assert (before == ABSTAIN).sum() == 0  # shrunk to yes and no only


def test_sampled_search_on_a_large_sound_rule_finds_no_failure():
    def g4_like(profiles, veto):
        return ((profiles == YES).sum(axis=1) >= 14) & ~(profiles[:, veto] == NO).any(axis=1)

    report = check_rule(FunctionRule(g4_like, name="g4-like", seats=25), examples=50)
    assert report["monotonic"].holds and report["proper"].holds
    assert report["veto_players"].members == report.council.names[:5]
    assert report["blocking"].detail["per_class"]["elected"] == 12
    assert report["abstention"].holds is False


def test_exhaustive_limit_and_methods():
    with pytest.raises(SimulateError, match="too many to enumerate"):
        check_rule("g4-2005", method="exhaustive")
    with pytest.raises(SimulateError, match="no seat classes"):
        check_rule(FunctionRule(nine_to_twelve), method="classes")
    with pytest.raises(SimulateError, match="is for 15 seats, not 11"):
        check_rule("charter-1965", seats=11)


def test_python_rule_files(tmp_path):
    rule = load_python_rule(BROKEN)
    assert (rule.name, rule.seats, rule.veto_seats) == ("nine-to-twelve", 15, (True,) * 5 + (False,) * 10)
    cases = {
        "syntax.py": ("def decide(p:\n", "line 1: invalid Python"),
        "raises.py": ("raise RuntimeError('no')\n", "line 1: running the file failed: RuntimeError: no"),
        "nothing.py": ("x = 1\n", "defines no decide\\(profiles\\) function"),
        "seats.py": ("SEATS = 'many'\ndef decide(p):\n    return p[:, 0] == 0\n", "SEATS: expected a whole number"),
        "veto.py": ("SEATS = 3\nVETO = [True]\ndef decide(p):\n    return p[:, 0] == 0\n", "VETO: 1 entries for 3 seats"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(DataFileError, match=message) as info:
            load_python_rule(path)
        assert str(info.value).startswith(str(path))
    failing = tmp_path / "fails.py"
    failing.write_text("def decide(profiles):\n    return profiles.sum(axis=1) / 0 > 1 if False else 1 / 0\n")
    with pytest.raises(DataFileError, match=r"fails.py: line 2: decide\(\) failed .*ZeroDivisionError"):
        check_rule(load_python_rule(failing), seats=3)
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def decide(profiles):\n    return (profiles == 0).sum(axis=1)\n")
    with pytest.raises(DataFileError, match="must return a boolean array"):
        check_rule(load_python_rule(wrong), seats=3)


def test_report_json_is_complete(broken_report):
    data = broken_report.to_json()
    assert data["failed"] == ["monotonic"] and data["method"] == "exhaustive" and data["profiles"] == 3**15
    assert set(data["properties"]) == {
        "monotonic", "proper", "decisive", "anonymous", "veto_players", "dummies", "blocking", "abstention",
    }
    cx = data["properties"]["monotonic"]["counterexample"]
    assert cx["members"] == ["Ukraine"] and len(cx["profiles"]) == 2 and cx["profiles"][0][0] == str(Ballot.YES)


def test_smallest_blocking_coalition_is_the_same_for_both_exact_methods():
    """A restrained veto holder (the second seat) forms a seat class of its own: the
    class method used to name the first two unrestrained veto holders, the
    exhaustive method the first two seats (found with --hypothesis-seed=7)."""
    import attrs

    from simulate.model.motion import Motion
    from simulate.rules.quota import VetoRestraint

    rule = Rule("r", "t", quota=5, vetoes_to_block=2, seat_classes=SeatClasses(3, 0, 3))
    council = rule.council_for()
    rule = attrs.evolve(rule, restraint=VetoRestraint("mass-atrocity", (council.seats[1].member,)))
    motion = Motion(council, flags=frozenset({"mass-atrocity"}))
    assert rule.seat_roles(motion)[:2] == ((0, 2), (1,))  # the restrained seat is a class of its own
    expected = earliest_smallest_blocking(rule, motion)
    assert expected == council.names[:2]
    for method in ("exhaustive", "classes"):
        assert check_rule(rule, motion=motion, method=method)["blocking"].members == expected, method
