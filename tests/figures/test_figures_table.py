"""The Council table says what the outcome says: seat colours, glyphs, veto marks,
labels, title; and it is legible at 11, 15 and 27 seats."""

from __future__ import annotations

import attrs
import pytest
from figure_checks import ELEVEN_SEATS, assert_legible, outcome_27

from simulate import Ballot, FunctionRule, load_scenario, replay
from simulate.figures import GLYPHS, PALETTE, describe, headline, plot_table
from simulate.render.text import long_date

BUNDLED = ["S/2016/846", "S/2016/847", "S/2016/1026"]
CASES = [(s, w) for s in BUNDLED for w in [None, *load_scenario(s).whatifs]]


def _table(fig, panel="table"):
    return describe(fig)[panel]


def check_table_says(fig, outcome, panel="table"):
    """Every seat: present, labelled, coloured and marked as the outcome says."""
    table = _table(fig, panel)
    council = outcome.record.council
    assert set(table["seats"]) == set(council.names), "every seat has exactly its label"
    for seat in council.seats:
        name = seat.member.name
        shown = table["seats"][name]
        ballot = outcome.ballots[name]
        assert shown["colour"] == PALETTE[ballot].upper(), name
        assert shown["glyph"] == GLYPHS[ballot], name
        assert shown["dashed"] == (ballot == Ballot.ABSENT), name
        assert shown["shape"] == {"veto": "square", "permanent": "hexagon", "elected": "circle"}[seat.kind], name
        blocking = name in outcome.vetoed_by
        assert shown["veto_tag"] == blocking and shown["veto_ring"] == blocking, name
    assert sorted(table["vetoes"]) == sorted(outcome.vetoed_by)
    return table


@pytest.mark.parametrize(("symbol", "whatif"), CASES, ids=[f"{s}:{w or 'baseline'}" for s, w in CASES])
def test_table_says_what_the_outcome_says(symbol, whatif):
    scenario = load_scenario(symbol)
    outcome = replay(scenario, [whatif] if whatif else [])
    fig = plot_table(outcome, baseline=replay(scenario) if whatif else None)
    table = check_table_says(fig, outcome)
    title = " ".join(table["title"]).replace("\n", " ")
    draft = scenario.record.draft
    assert draft.symbol in title and long_date(draft.date) in title
    assert headline(outcome) in title
    if whatif:
        assert f"What if: {whatif}" in title
    else:
        assert "What if" not in title
    tally = table["tally"].split()
    assert [int(n) for n in tally if n.isdigit()][:3] == [outcome.yes, outcome.no, outcome.abstain]


def test_december_title_gives_the_reason():
    fig = plot_table(replay(load_scenario("S/2016/1026")))
    title = _table(fig)["title"]
    assert title[0].startswith("S/2016/1026 · 5 December 2016")
    assert title[-1] == "Not adopted: vetoed by China and the Russian Federation"
    assert "NOT ADOPTED" in _table(fig)["result"]


def test_changed_seats_are_ringed_with_their_former_ballot():
    december = load_scenario("S/2016/1026")
    outcome = replay(december, ["bloc-follows-russia"])
    fig = plot_table(outcome, baseline=replay(december))
    seats = _table(fig)["seats"]
    changed = {n for n, s in seats.items() if s["changed"]}
    assert changed == {"Angola"}  # Venezuela already voted as the Russian Federation did
    assert seats["Angola"]["was"] == "abstained"
    assert all(s["was"] is None for n, s in seats.items() if n != "Angola")


def test_a_veto_by_abstention_is_marked_on_the_abstaining_member():
    """Under the literal reading China's abstention blocks: the mark follows the outcome, not the colour."""
    outcome = replay(load_scenario("S/2016/846"), rule="strict-concurrence")
    assert "China" in outcome.vetoed_by
    fig = plot_table(outcome)
    table = check_table_says(fig, outcome)
    assert table["seats"]["China"]["colour"] == PALETTE[Ballot.ABSTAIN].upper()
    assert "China (abstained)" in table["title"][-1]


def test_the_figure_reads_the_outcome_and_never_decides_itself():
    outcome = replay(load_scenario("S/2016/1026"))
    doctored = attrs.evolve(outcome, vetoed_by=("Russian Federation",))
    table = check_table_says(plot_table(doctored), doctored)
    assert table["vetoes"] == ["Russian Federation"]


def test_eleven_seats_with_an_inline_council_and_absences():
    scenario = load_scenario(ELEVEN_SEATS)
    assert scenario.record.council.size == 11
    outcome = replay(scenario)
    fig = plot_table(outcome)
    check_table_says(fig, outcome)
    assert outcome.adopted and "ADOPTED" in _table(fig)["result"]
    assert_legible(fig)
    whatif = replay(scenario, ["ussr-returns"])
    fig = plot_table(whatif, baseline=outcome)
    table = check_table_says(fig, whatif)
    assert table["vetoes"] == ["USSR"] and table["seats"]["USSR"]["was"] == "absent"
    assert_legible(fig)


def test_twenty_seven_seats_with_permanent_members_without_a_veto():
    outcome = outcome_27()
    fig = plot_table(outcome)
    table = check_table_says(fig, outcome)
    assert table["seats"]["Brazil"]["shape"] == "hexagon"
    assert table["vetoes"] == ["France"]
    assert_legible(fig)


@pytest.mark.parametrize("symbol", BUNDLED)
def test_legible_at_fifteen_seats(symbol):
    assert_legible(plot_table(replay(load_scenario(symbol))))


def test_legible_with_a_what_if_line_and_former_ballots():
    december = load_scenario("S/2016/1026")
    names = ["china-abstains-again", "bloc-follows-russia"]
    outcome = replay(december, names)
    fig = plot_table(outcome, baseline=replay(december), descriptions=[december.whatif(n).describe() for n in names])
    assert_legible(fig)


def test_long_names_are_wrapped_at_spaces_only():
    fig = plot_table(replay(load_scenario("S/2016/1026")))
    label = next(t for t in fig.axes[0].texts if t.get_gid() == "table-label-VEN").get_text()
    assert label.replace("\n", " ") == "Venezuela (Bolivarian Republic of)"


def test_a_users_function_rule():
    rule = FunctionRule(lambda p: (p == Ballot.YES).sum(axis=1) >= 10, name="ten-votes")
    outcome = replay(load_scenario("S/2016/1026"), rule=rule)
    assert outcome.adopted and outcome.required is None
    fig = plot_table(outcome)
    check_table_says(fig, outcome)
    assert _table(fig)["title"][-1].startswith("Adopted")


def test_draws_into_the_users_axes_and_returns_their_figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(16, 9))
    left, right = fig.subplots(1, 2)
    outcome = replay(load_scenario("S/2016/846"))
    assert plot_table(outcome, ax=right) is fig
    check_table_says(fig, outcome)
    assert left.get_gid() is None and not left.texts
