"""The built-in rules: their files, their figures, and the property battery each
should pass (checked exactly, by seat-class counts; the 11-seat ones exhaustively)."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pytest

from simulate import Ballot, Motion, council_on
from simulate.analysis.checks import check_rule
from simulate.catalog.registry import RULES, get_rule
from simulate.io.rulefiles import (
    BUILTIN_ORDER,
    builtin_dir,
    dump_rule,
    load_rule_file,
    loads_rule,
)
from simulate.rules.quota import STATUSES, Rule
from simulate.rules.seats import SeatClasses

P5 = ("China", "France", "Russian Federation", "United Kingdom", "United States")
P5_1965 = ("China", "France", "USSR", "United Kingdom", "United States")

# name: (seats, (veto, permanent, elected), quota, vetoes_to_block, veto?, status, figure assumed?)
FIGURES = {
    "charter-1965": (15, (5, 0, 10), 9, 1, True, "charter", False),
    "charter-1945": (11, (5, 0, 6), 7, 1, True, "charter", False),
    "strict-concurrence": (15, (5, 0, 10), 9, 1, True, "reading", False),
    "strict-concurrence-1945": (11, (5, 0, 6), 7, 1, True, "reading", False),
    "procedural-1965": (15, (5, 0, 10), 9, 1, False, "charter", False),
    "procedural-1945": (11, (5, 0, 6), 7, 1, False, "charter", False),
    "veto-abolished-9": (15, (0, 5, 10), 9, 1, False, "hypothetical", True),
    "veto-abolished-10": (15, (0, 5, 10), 10, 1, False, "hypothetical", True),
    "two-vetoes": (15, (5, 0, 10), 9, 2, True, "hypothetical", True),
    "act-restraint": (15, (5, 0, 10), 9, 1, True, "proposal", True),
    "french-mexican-restraint": (15, (5, 0, 10), 9, 1, True, "proposal", True),
    "hlp-model-a": (24, (5, 6, 13), 14, 1, True, "proposal", True),
    "hlp-model-b": (24, (5, 0, 19), 14, 1, True, "proposal", True),
    "g4-2005": (25, (5, 6, 14), 14, 1, True, "proposal", True),
    "au-ezulwini-2005": (26, (11, 0, 15), 15, 1, True, "proposal", True),
    "ufc-2005": (25, (5, 0, 20), 15, 1, True, "proposal", True),
    "elected-majority": (15, (5, 0, 10), 9, 1, True, "hypothetical", True),
}


def test_every_builtin_file_is_listed_and_named_after_its_rule():
    stems = sorted(p.stem for p in builtin_dir().glob("*.toml"))
    assert stems == sorted(BUILTIN_ORDER) == sorted(FIGURES)
    assert list(RULES) == list(BUILTIN_ORDER)
    for name in BUILTIN_ORDER:
        assert load_rule_file(builtin_dir() / f"{name}.toml").name == name


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_builtin_figures(name):
    rule = get_rule(name)
    seats, classes, quota, vetoes, veto, status, assumed = FIGURES[name]
    assert rule.seats == seats and rule.classes.total == seats
    assert (rule.classes.veto, rule.classes.permanent, rule.classes.elected) == classes
    assert (rule.quota, rule.vetoes_to_block, rule.veto, rule.status) == (quota, vetoes, veto, status)
    assert rule.procedural_quota in (None, quota)
    assert rule.status in STATUSES
    assert rule.title and rule.description and rule.sources, "every built-in has a title, a description and sources"
    assert bool(rule.assumptions) is assumed, "the rules whose figures are assumed say so"
    if status == "hypothetical":
        assert "hypothetical" in rule.title.lower() and rule.description.lower().startswith("a hypothetical")
    if assumed and status == "proposal" and name.startswith(("hlp", "au", "ufc")):
        assert str(quota) in rule.assumptions  # the majority itself is the assumption


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_builtin_round_trips_through_the_user_format(name, tmp_path):
    rule = get_rule(name)
    assert loads_rule(dump_rule(rule)) == rule
    path = tmp_path / f"{name}.toml"
    path.write_text(dump_rule(rule), encoding="utf-8")
    assert get_rule(str(path)) == rule


def test_sources_name_the_documents():
    assert any("A/59/L.64" in s for s in get_rule("g4-2005").sources)
    assert any("A/59/L.67" in s for s in get_rule("au-ezulwini-2005").sources)
    assert any("A/59/L.68" in s for s in get_rule("ufc-2005").sources)
    assert all("A/59/565" in s for s in get_rule("hlp-model-a").sources + get_rule("hlp-model-b").sources)
    assert any("A/70/621" in s for s in get_rule("act-restraint").sources)
    act = get_rule("act-restraint").restraint
    assert act.flag == "mass-atrocity" and [m.name for m in act.members] == ["France", "United Kingdom"]
    fm = get_rule("french-mexican-restraint").restraint
    assert fm.flag == "mass-atrocity" and fm.members == ()


# ---------------------------------------------------------------- the battery

# name: (veto players, smallest blocking, elected alone, a lone abstention blocks, abstentions needed)
BATTERY = {
    "charter-1965": (P5, 1, 7, False, 7),
    "charter-1945": (P5_1965, 1, 5, False, 5),
    "strict-concurrence": (P5, 1, 7, True, 1),
    "strict-concurrence-1945": (P5_1965, 1, 5, True, 1),
    "procedural-1965": ((), 7, 7, False, 7),
    "procedural-1945": ((), 5, 5, False, 5),
    "veto-abolished-9": ((), 7, 7, False, 7),
    "veto-abolished-10": ((), 6, 6, False, 6),
    "two-vetoes": ((), 2, 7, False, 7),
    "act-restraint": (("China", "Russian Federation", "United States"), 1, 7, False, 7),
    "french-mexican-restraint": ((), 7, 7, False, 7),
    "hlp-model-a": (P5, 1, 11, False, 11),
    "hlp-model-b": (P5, 1, 11, False, 11),
    "g4-2005": (P5, 1, 12, False, 12),
    "au-ezulwini-2005": (P5, 1, 12, False, 12),  # plus the six new veto holders
    "ufc-2005": (P5, 1, 11, False, 11),
    "elected-majority": (P5, 1, 5, False, 5),  # six of ten elected must vote yes: five elected block
}


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_builtin_passes_its_battery(name):
    report = check_rule(name)
    vetoes, smallest, elected_alone, lone_abstention, abstentions = BATTERY[name]
    assert report["monotonic"].holds and report["proper"].holds, "every built-in rule is monotonic and proper"
    assert report["decisive"].holds is False  # no Council rule is: a small group and the rest can both fail
    assert report["dummies"].members == ()
    assert report["veto_players"].members[: len(vetoes)] == vetoes
    if name == "au-ezulwini-2005":
        assert len(report["veto_players"].members) == 11
    else:
        assert len(report["veto_players"].members) == len(vetoes)
    assert report["blocking"].value == smallest
    assert report["blocking"].detail["per_class"]["elected"] == elected_alone
    assert report["abstention"].holds is lone_abstention
    assert report["abstention"].detail["smallest"] == abstentions
    # anonymity within seat classes holds except where restraint splits the veto holders
    assert report["anonymous"].holds is (name != "act-restraint")
    assert report.failures == ()


def test_restraint_applies_only_to_flagged_drafts():
    unflagged = check_rule("act-restraint", flags=())
    assert unflagged["veto_players"].members == P5 and unflagged["anonymous"].holds
    assert check_rule("french-mexican-restraint", flags=())["veto_players"].members == P5
    cx = check_rule("act-restraint")["anonymous"].counterexample
    assert set(cx.members) <= set(P5)
    assert {"France", "United Kingdom"} & set(cx.members) and {"China", "Russian Federation", "United States"} & set(cx.members)


def test_procedural_matter_has_no_veto_players():
    assert check_rule("charter-1965", matter="procedural")["veto_players"].members == ()


# ---------------------------------------------------------------- the literal reading, pinned


def _ternary_count(quota: int, elected: int, strict: bool) -> int:
    """Adopted yes/no/abstain profiles of 5 veto + ``elected`` seats, by hand: k permanent
    members vote yes and the others abstain (a permanent "no" always blocks); under the
    literal reading all five must vote yes."""
    return sum(
        math.comb(5, k) * sum(math.comb(elected, y) * 2 ** (elected - y) for y in range(max(0, quota - k), elected + 1))
        for k in ([5] if strict else range(6))
    )


def test_literal_reading_differs_from_practice_exactly_where_expected():
    practice, literal = check_rule("charter-1965"), check_rule("strict-concurrence")
    assert practice.adopted_profiles == _ternary_count(9, 10, strict=False) == 146_796
    assert literal.adopted_profiles == _ternary_count(9, 10, strict=True) == 26_025
    # the same winning coalitions (yes against no): the readings differ only on abstention
    assert practice.winning_coalitions == literal.winning_coalitions == 848
    assert practice["veto_players"].members == literal["veto_players"].members == P5
    assert practice["abstention"].holds is False and literal["abstention"].holds is True
    assert literal["abstention"].members == P5
    council = council_on(datetime.date(2016, 12, 5))
    profile = np.zeros((1, 15), np.int8)
    profile[0, council.index("China")] = Ballot.ABSTAIN  # 14 in favour, China abstains
    assert get_rule("charter-1965").decide(profile, Motion(council))[0]
    assert not get_rule("strict-concurrence").decide(profile, Motion(council))[0]
    old_practice, old_literal = check_rule("charter-1945"), check_rule("strict-concurrence-1945")
    assert (old_practice.adopted_profiles, old_literal.adopted_profiles) == (2_503, _ternary_count(7, 6, strict=True))


def test_exact_class_counts_agree_with_every_profile_on_15_seats():
    """The 14,348,907 profiles of the Council, decided one by one (vectorised),
    give the same battery as the seat-class counts."""
    for name in ("charter-1965", "act-restraint"):
        every = check_rule(name, method="exhaustive")
        classes = check_rule(name, method="classes")
        assert every.adopted_profiles == classes.adopted_profiles
        assert every.winning_coalitions == classes.winning_coalitions
        for a, b in zip(every.results, classes.results, strict=True):
            assert (a.key, a.holds, a.value, a.members) == (b.key, b.holds, b.value, b.members)


# ---------------------------------------------------------------- the registry


def test_registry_is_lazy_mutable_and_protects_builtins():
    from simulate.catalog.registry import RuleRegistry

    fresh = RuleRegistry()
    assert fresh["two-vetoes"].vetoes_to_block == 2 and not fresh._complete
    mine = Rule("my-rule", "mine", quota=8, seat_classes=SeatClasses(5, 0, 10))
    fresh.register(mine)
    assert fresh["my-rule"] is mine and list(fresh)[-1] == "my-rule" and len(fresh) == len(BUILTIN_ORDER) + 1
    with pytest.raises(Exception, match="built-in"):
        fresh["charter-1965"] = Rule("charter-1965", "x", quota=1)
    with pytest.raises(Exception, match="built-in"):
        del fresh["charter-1965"]
    del fresh["my-rule"]
    assert "my-rule" not in fresh


def test_unknown_rule_suggests_names():
    with pytest.raises(KeyError, match="did you mean 'g4-2005'"):
        get_rule("g4-2006")
