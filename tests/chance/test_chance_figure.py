"""The chance figure draws the engine's numbers: bar widths, intervals, the model line."""

from __future__ import annotations

import pytest

from simulate import load_scenario
from simulate.analysis.chance import Bloc, Blocs, Chance, chance
from simulate.cli import main

pytest.importorskip("matplotlib")


def _bars(fig) -> dict[str, float]:
    ax = fig.axes[0]
    return {p.get_gid(): p.get_width() for p in ax.patches if (p.get_gid() or "").startswith("chance-")}


def test_bars_are_the_probabilities_and_exact_results_have_no_intervals():
    from simulate.figures.chance import plot_chance

    result = chance(load_scenario("S/2016/1026"), ["china-abstains-again", Chance(others="elected-uncertain")],
                    ["charter-1965", "two-vetoes"])
    fig = plot_chance(result)
    bars = _bars(fig)
    for r in result.rules:
        for key in ("adopted", "vetoed", "short"):
            assert bars[f"chance-{key}-{r.rule}"] == pytest.approx(float(getattr(r, key)) * 100)
    gids = [c.get_gid() for c in fig.axes[0].get_children()]
    assert not any((g or "").startswith("chance-interval") for g in gids)
    model = next(t for t in fig.texts if t.get_gid() == "chance-model").get_text()
    assert model.startswith("Model: China vote as on S/2016/846") and "Exact probabilities." in model
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["two-vetoes", "charter-1965"]


def test_simulated_results_draw_their_intervals(tmp_path):
    from simulate.figures.chance import bar_data, plot_chance

    changes = [Chance(others="uncertain"), Blocs([Bloc("China", ["Russia"], 0.5), Bloc("Russia", ["Angola"], 0.5)])]
    result = chance(load_scenario("S/2016/1026"), changes, ["charter-1965", "two-vetoes"], draws=50_000, seed=1)
    fig = plot_chance(result)
    gids = {c.get_gid() for c in fig.axes[0].get_children()}
    assert {"chance-interval-adopted-charter-1965", "chance-interval-not_short-two-vetoes"} <= gids
    row = bar_data(result)[0]
    lo, hi = row["interval_adopted"]
    assert lo < row["adopted"] < hi
    out = tmp_path / "chance.png"
    assert main(["plot", "chance", "S/2016/1026", "--others", "elected-uncertain", "-r", "charter-1965",
                 "-r", "two-vetoes", "-o", str(out)]) == 0
    assert out.stat().st_size > 10_000
