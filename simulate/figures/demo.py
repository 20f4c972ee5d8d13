"""The figures of ``make demo``: the 2016 Aleppo votes on slides."""

from __future__ import annotations

from pathlib import Path

from ..errors import SimulateError

__all__ = ["DEMO_SCENARIOS", "write_demo_figures"]

#: The three drafts of the demo: October (two drafts, same meeting) and December 2016.
DEMO_SCENARIOS = ("S/2016/846", "S/2016/847", "S/2016/1026")


def write_demo_figures(out_dir: Path) -> list[Path]:
    """Write the demo's figures as PNG under ``out_dir``; return their paths.

    The December table, the two October tables, the what-if grid of the three
    drafts and the "China abstains again" comparison. Each file is written
    atomically; the demo replaces its own files of a previous run.
    """
    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay
    from .grid import plot_grid
    from .style import save_figure
    from .table import plot_compare, plot_table

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SimulateError(f"cannot create {out_dir}: {exc.strerror or exc}") from None
    october_1, october_2, december = (load_scenario(s) for s in DEMO_SCENARIOS)
    figures = [
        ("S-2016-1026-table.png", lambda: plot_table(replay(december))),
        ("S-2016-846-table.png", lambda: plot_table(replay(october_1))),
        ("S-2016-847-table.png", lambda: plot_table(replay(october_2))),
        ("aleppo-2016-grid.png", lambda: plot_grid([october_1, october_2, december])),
        (
            "S-2016-1026-china-abstains-again-compare.png",
            lambda: plot_compare(
                replay(december),
                replay(december, ["china-abstains-again"]),
                descriptions=[december.whatif("china-abstains-again").describe()],
            ),
        ),
    ]
    paths = []
    for name, make in figures:
        paths.append(save_figure(make(), out_dir / name))
    return paths
