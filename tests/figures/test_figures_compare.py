"""The side-by-side figure: the baseline and a what-if, the changed seats ringed in both."""

from __future__ import annotations

import pytest
from figure_checks import ELEVEN_SEATS, assert_legible
from test_figures_table import check_table_says

from simulate import load_scenario, replay
from simulate.figures import describe, headline, plot_compare

CASES = [
    ("S/2016/1026", "china-abstains-again", {"China"}),
    ("S/2016/1026", "bloc-follows-russia", {"Angola"}),
    ("S/2016/846", "russia-abstains", {"Russian Federation"}),
    ("S/2016/847", "western-permanent-abstain", {"France", "United Kingdom", "United States"}),
]


@pytest.mark.parametrize(("symbol", "whatif", "moved"), CASES)
def test_compare_shows_both_tables_and_what_moved(symbol, whatif, moved):
    scenario = load_scenario(symbol)
    baseline, outcome = replay(scenario), replay(scenario, [whatif])
    fig = plot_compare(baseline, outcome, descriptions=[scenario.whatif(whatif).describe()])
    shown = describe(fig)
    left = check_table_says(fig, baseline, panel="baseline")
    right = check_table_says(fig, outcome, panel="whatif")
    for panel in (left, right):
        assert {n for n, s in panel["seats"].items() if s["changed"]} == moved
    assert all(left["seats"][n]["was"] is None for n in moved)
    assert {n: right["seats"][n]["was"] for n in moved} == {n: baseline.ballots[n].label for n in moved}
    assert left["title"] == ["As voted", headline(baseline)]
    assert right["title"] == [f"What if: {whatif}", headline(outcome)]
    titles = " ".join(shown["texts"].values())
    assert symbol in titles and whatif in titles


def test_china_abstains_again_is_legible():
    december = load_scenario("S/2016/1026")
    fig = plot_compare(replay(december), replay(december, ["china-abstains-again"]),
                       descriptions=[december.whatif("china-abstains-again").describe()])
    assert_legible(fig)
    right = describe(fig)["whatif"]
    assert right["vetoes"] == ["Russian Federation"]


def test_compare_at_eleven_seats_is_legible():
    scenario = load_scenario(ELEVEN_SEATS)
    fig = plot_compare(replay(scenario), replay(scenario, ["ussr-returns"]))
    assert_legible(fig)
    assert describe(fig)["whatif"]["vetoes"] == ["USSR"]
