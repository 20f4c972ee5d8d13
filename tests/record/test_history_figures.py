"""The record's figures draw what the analysis computed (read back from the artists), and the
veto-history notebook runs from top to bottom and is what its build script makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import built_notebook

from simulate.analysis.counterfactual import decide_votes, summarize
from simulate.analysis.history import load_history
from simulate.cli import main
from simulate.figures.history import plot_counterfactual, plot_syria, plot_veto_decades, syria_marks

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = NOTEBOOKS / "02-veto-history.ipynb"
BUILDER = NOTEBOOKS / "build_02_veto_history.py"


def _by_gid(ax, kind: str) -> dict[str, object]:
    artists = ax.patches if kind == "patches" else ax.lines
    return {a.get_gid(): a for a in artists if a.get_gid()}


def test_veto_decades_bars_are_the_stats():
    history = load_history()
    stats = history.stats()
    ax = plot_veto_decades(history).axes[0]
    bars = _by_gid(ax, "patches")
    for decade, counts in stats.by_decade.items():
        for member, n in counts.items():
            assert bars[f"decade-{member}-{decade}"].get_height() == n
    assert {gid.split("-")[1] for gid in bars} == {
        "USSR",
        "Russian Federation",
        "United States",
        "United Kingdom",
        "France",
        "China",
    }  # USSR and Russia apart
    colours = {gid.split("-")[1]: bars[gid].get_facecolor() for gid in bars}
    assert colours["USSR"] != colours["Russian Federation"]


def test_syria_timeline_marks_every_failed_draft_with_running_counts():
    history = load_history().filter(topic="syria")
    marks = syria_marks(history)
    lines = _by_gid(plot_syria(history).axes[0], "lines")
    russia = [m for m in marks if m.lane == "Russian Federation"]
    assert [m.count for m in russia] == list(range(1, len(russia) + 1))
    assert russia[5].symbol == "S/2016/1026"  # the 6th
    china = [m for m in marks if m.lane == "China"]
    assert china[4].symbol == "S/2016/1026"  # the 5th
    assert f"syria-Russian Federation-{len(russia)}" in lines and f"syria-China-{len(china)}" in lines
    short = {m.symbol for m in marks if m.lane == "short of votes"}
    assert "S/2016/847" in short and all(f"syria-short-{s}" in lines for s in short)


def test_counterfactual_bars_are_the_summary():
    vetoes = load_history().filter(since="2010").vetoes()
    summary = summarize(decide_votes(vetoes, ["two-vetoes", "veto-abolished-9"], reasons=False))
    bars = _by_gid(plot_counterfactual(summary).axes[0], "patches")
    for rule in summary.rules:
        for verdict in ("overcome", "still blocked", "undetermined"):
            assert bars[f"cf-{verdict}-{rule}"].get_width() == summary.totals[rule][verdict]


@pytest.mark.parametrize("kind", ["veto-decades", "syria", "counterfactual"])
def test_unsc_plot_writes_each_figure(tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.png"
    extra = ["-r", "two-vetoes"] if kind == "counterfactual" else []
    assert main(["plot", kind, *extra, "-o", str(out)]) == 0
    assert out.stat().st_size > 10_000 and capsys.readouterr().out.strip() == str(out)


def test_committed_notebook_is_built_by_its_script_with_outputs_stripped():
    nbformat = pytest.importorskip("nbformat")
    assert NOTEBOOK.read_text(encoding="utf-8") == built_notebook(BUILDER), (
        "notebooks/02-veto-history.ipynb is out of date: run .venv/bin/python notebooks/build_02_veto_history.py"
    )
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.early  # several seconds: started first (tests/conftest.py)
def test_notebook_runs_checks_the_news_and_shows_its_figures(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 3
    text = "".join(o.get("text", "") for o in outputs)
    assert "the Russian Federation's 6th veto on Syria" in text
    assert "6 for the Russian Federation, 5 for China" in text
    assert "two-vetoes: 113 of 233 vetoes overcome" in text
    assert list(tmp_path.iterdir()) == [], "the notebook writes nothing"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before
