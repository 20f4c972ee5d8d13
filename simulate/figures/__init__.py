"""Figures for a slide: the Council table, the what-if grid and side-by-side comparisons.

Every function returns a :class:`matplotlib.figure.Figure` (not registered
with pyplot) drawn in the packaged slide style, so that a notebook shows it and
a user can restyle it; :func:`save_figure` writes one atomically and
deterministically. Figures read everything from the core's
:class:`~simulate.engine.replay.Outcome` and :func:`~simulate.engine.grid.grid`: they never
decide a vote themselves.

>>> from simulate import load_scenario, replay
>>> from simulate.figures import plot_table, describe
>>> december = load_scenario("S/2016/1026")
>>> fig = plot_table(replay(december))
>>> sorted(describe(fig)["table"]["vetoes"])
['China', 'Russian Federation']

This module imports matplotlib; the command line imports it only when it draws.
"""

from __future__ import annotations

from .demo import write_demo_figures
from .describe import describe
from .grid import plot_grid
from .style import GLYPHS, PALETTE, STYLE, save_figure, style_context, unique_path
from .table import headline, plot_compare, plot_table

__all__ = [
    "GLYPHS",
    "PALETTE",
    "STYLE",
    "describe",
    "headline",
    "plot_compare",
    "plot_grid",
    "plot_table",
    "save_figure",
    "style_context",
    "unique_path",
    "write_demo_figures",
]
