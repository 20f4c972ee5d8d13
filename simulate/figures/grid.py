"""The what-if grid: rows are the baseline and the named what-ifs of one or more
scenarios, columns are rules; each cell is coloured adopted / not adopted and
says the tally, with a black VETO tag naming the blocking members by ISO code.

The cells are :func:`simulate.engine.grid.grid`'s, drawn as they are: the same data
as ``unsc grid --json``. Artists carry gids: ``grid-cell-{row}-{col}``,
``grid-main-{row}-{col}`` (glyph and tally), ``grid-note-{row}-{col}``
(adopted / short by N), ``grid-veto-{row}-{col}`` and ``grid-override-{row}-{col}``
(the mark of a cell decided under its what-if's own rule, explained in the footnote); row and column names are
the axes' tick labels (group rows, in bold, name a scenario).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from ..catalog.scenarios import Scenario
from ..engine.grid import GridCell, grid
from ..engine.replay import Outcome
from ..errors import SimulateError
from ..model.members import resolve_member
from ..render.text import long_date
from ._layout import Measure, axes_inches, fit_lines
from .style import ADOPTED_COLOUR, FAILED_COLOUR, VETO_COLOUR, new_figure, style_context

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..rules.protocol import VotingRule

GridSource = Scenario | Iterable[Scenario] | Iterable[GridCell]

__all__ = ["MAX_ROWS", "GridRow", "cell_main", "cell_note", "check_rows", "grid_row_count", "grid_rows", "plot_grid"]

INK = "#111111"
GROUP = "#EFEFEF"
#: Marks a cell decided under its what-if's own rule, not under the column's.
OVERRIDE_MARK = "*"
#: The most rows (what-ifs, baselines and scenario headers) a 1280x720 grid figure can show legibly.
MAX_ROWS = 40


def check_rows(rows: int) -> None:
    """Refuse, before any outcome is computed, a grid figure of more than :data:`MAX_ROWS` rows."""
    if rows > MAX_ROWS:
        raise SimulateError(
            f"a grid figure shows at most {MAX_ROWS} rows (baselines, what-ifs and scenario headers), "
            f"and this one would have {rows:,}: plot fewer scenarios or what-ifs, or use `unsc grid` for text"
        )


@attrs.frozen
class GridRow:
    """One row of the figure: a scenario's group header, or a what-if with its outcomes by rule."""

    label: str
    symbol: str
    whatif: str | None = None  # None: a group header
    outcomes: dict[str, Outcome] = attrs.Factory(dict)
    title: str = ""

    @property
    def is_group(self) -> bool:
        return self.whatif is None


def _short_date(date: datetime.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"


def grid_rows(cells: Sequence[GridCell]) -> tuple[list[GridRow], list[str]]:
    """Rows and rule columns from grid cells (of one scenario or several, by draft symbol).

    With cells of more than one draft, each draft's rows follow a group row.
    """
    columns = list(dict.fromkeys(c.rule for c in cells))
    symbols = list(dict.fromkeys(c.outcome.symbol for c in cells))
    rows: list[GridRow] = []
    for symbol in symbols:
        mine = [c for c in cells if c.outcome.symbol == symbol]
        draft = mine[0].outcome.record.draft
        if len(symbols) > 1:
            rows.append(GridRow(f"{symbol} · {_short_date(draft.date)}", symbol, title=draft.title))
        for whatif in dict.fromkeys(c.whatif for c in mine):
            outcomes = {c.rule: c.outcome for c in mine if c.whatif == whatif}
            rows.append(GridRow(whatif, symbol, whatif, outcomes))
    return rows, columns


def cell_main(outcome: Outcome) -> str:
    """"✓ 11-1-3" or "✗ 11-3-1": the result glyph and the tally."""
    return f"{'✓' if outcome.adopted else '✗'} {outcome.tally}"


def cell_note(outcome: Outcome) -> str:
    """The word under the tally when there is no VETO tag: "adopted", "short by 2"..."""
    if outcome.adopted:
        return "adopted"
    if outcome.vetoed_by:
        return ""
    if outcome.short_by:
        return f"short by {outcome.short_by}"
    return "not adopted"


def veto_tag(outcome: Outcome) -> str:
    """"VETO CHN RUS" (blocking members by ISO code), or "" when the draft was not vetoed."""
    if not outcome.vetoed_by:
        return ""
    return "VETO " + " ".join(resolve_member(n).iso3 for n in outcome.vetoed_by)


def _wrap_rule(name: str, width: float, size: float, measure: Measure) -> str:
    """A rule name on lines of at most ``width`` inches, broken after hyphens only
    (so that joining the lines gives the name back)."""
    parts = name.split("-")
    pieces = [p + "-" for p in parts[:-1]] + [parts[-1]]
    lines, current = [], ""
    for piece in pieces:
        if current and measure.text(current + piece, size)[0] > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return "\n".join(lines)


def grid_row_count(scenarios: Sequence[Scenario]) -> int:
    """How many rows the grid figure of ``scenarios`` has (known before any replay)."""
    rows = sum(1 + len(s.whatifs) for s in scenarios)
    return rows + (len(scenarios) if len(scenarios) > 1 else 0)


def _cells_of(source: GridSource, rules: Sequence[VotingRule | str]) -> list[GridCell]:
    if isinstance(source, Scenario):
        check_rows(grid_row_count([source]))
        return grid(source, rules)
    items: list[Scenario | GridCell] = list(source)
    cells = [c for c in items if isinstance(c, GridCell)]
    scenarios = [s for s in items if isinstance(s, Scenario)]
    if items and len(cells) == len(items):
        return cells
    if items and len(scenarios) == len(items):
        check_rows(grid_row_count(scenarios))
        return [c for s in scenarios for c in grid(s, rules)]
    raise TypeError("plot_grid takes a Scenario, a list of Scenarios or the cells of simulate.engine.grid.grid()")


def _fit(
    rows: Sequence[GridRow], columns: Sequence[str], cell_w: float, cell_h: float, fs: float, measure: Measure
) -> str | None:
    """How the cells fit at ``fs``: "stacked" (tally over note), "inline", or None."""
    pad = 0.08
    tag_pad = 2 * 0.3 * fs * 0.85 / 72
    stacked = inline = True
    for row in rows:
        for outcome in row.outcomes.values():
            mw, mh = measure.text(cell_main(outcome), fs, "bold")
            tag, note = veto_tag(outcome), cell_note(outcome)
            if tag:
                nw, nh = measure.text(tag, fs * 0.85, "bold")
                nw, nh = nw + tag_pad, nh + tag_pad
            else:
                nw, nh = measure.text(note, fs * 0.9)
            if max(mw, nw) + 2 * pad > cell_w or mh + nh + 0.1 > cell_h - 0.06:
                stacked = False
            if mw + nw + 0.15 + 2 * pad > cell_w or max(mh, nh) > cell_h - 0.04:
                inline = False
    return "stacked" if stacked else ("inline" if inline else None)


def _draw_cells(
    ax: Axes, rows: Sequence[GridRow], columns: Sequence[str], fs: float, mode: str, measure: Measure
) -> None:
    from matplotlib.patches import Rectangle

    cell_w_in, cell_h_in = axes_inches(ax)
    cell_w_in /= len(columns)
    cell_h_in /= len(rows)
    for i, row in enumerate(rows):
        if row.is_group:
            ax.add_patch(Rectangle((0, i), len(columns), 1, facecolor=GROUP, edgecolor="white", linewidth=2,
                                   gid=f"grid-group-{i}"))
            if row.title:
                width = len(columns) * cell_w_in - 0.2
                text = row.title
                while text and measure.text(text, fs * 0.9, style="italic")[0] > width:
                    text = text[:-2].rstrip() + "…"
                ax.text(0.1 / cell_w_in, i + 0.5, text, ha="left", va="center", fontsize=fs * 0.9,
                        fontstyle="italic", color="#444444", gid=f"grid-grouptitle-{i}")
            continue
        for j, rule in enumerate(columns):
            outcome = row.outcomes.get(rule)
            if outcome is None:
                ax.add_patch(Rectangle((j, i), 1, 1, facecolor="white", edgecolor="#DDDDDD", linewidth=1,
                                       gid=f"grid-cell-{i}-{j}"))
                ax.text(j + 0.5, i + 0.5, "n/a", ha="center", va="center", fontsize=fs * 0.9, color="#777777",
                        gid=f"grid-main-{i}-{j}")
                continue
            colour = ADOPTED_COLOUR if outcome.adopted else FAILED_COLOUR
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=colour, edgecolor="white", linewidth=2.5,
                                   gid=f"grid-cell-{i}-{j}"))
            main, tag, note = cell_main(outcome), veto_tag(outcome), cell_note(outcome)
            second = tag or note
            if mode == "stacked":
                spots = [(j + 0.5, i + 0.36, "center"), (j + 0.5, i + 0.7, "center")]
            else:
                mw = measure.text(main, fs, "bold")[0]
                if tag:
                    sw = measure.text(tag, fs * 0.85, "bold")[0] + 2 * 0.3 * fs * 0.85 / 72
                else:
                    sw = measure.text(note, fs * 0.9)[0]
                x0 = j + 0.5 - (mw + 0.15 + sw) / 2 / cell_w_in
                spots = [(x0, i + 0.5, "left"), (x0 + (mw + 0.15) / cell_w_in, i + 0.5, "left")]
            ax.text(spots[0][0], spots[0][1], main, ha=spots[0][2], va="center", fontsize=fs, fontweight="bold",
                    color=INK, gid=f"grid-main-{i}-{j}")
            if outcome.rule.name != rule:  # the row's what-if sets its own rule (GridCell.overridden)
                ax.text(j + 1 - 0.06 / cell_w_in, i + 0.05 / cell_h_in, OVERRIDE_MARK, ha="right", va="top",
                        fontsize=fs * 1.5, fontweight="bold", color=INK, gid=f"grid-override-{i}-{j}")
            if tag:
                x = spots[1][0] + (0.3 * fs * 0.85 / 72 / cell_w_in if mode == "inline" else 0)
                ax.text(x, spots[1][1], tag, ha=spots[1][2], va="center", fontsize=fs * 0.85, fontweight="bold",
                        color="white", gid=f"grid-veto-{i}-{j}",
                        bbox=dict(boxstyle="round,pad=0.3", facecolor=VETO_COLOUR, edgecolor=VETO_COLOUR))
            elif second:
                ax.text(spots[1][0], spots[1][1], second, ha=spots[1][2], va="center", fontsize=fs * 0.9,
                        color=INK, gid=f"grid-note-{i}-{j}")


def _setup_axes(ax: Axes, rows: Sequence[GridRow], columns: Sequence[str], fs: float, measure: Measure) -> None:
    ax.set_gid("grid")
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(rows), 0)
    cell_w = axes_inches(ax)[0] / len(columns) - 0.1
    ax.set_xticks([j + 0.5 for j in range(len(columns))], [_wrap_rule(c, cell_w, fs, measure) for c in columns],
                  fontsize=fs)
    ax.set_yticks([i + 0.5 for i in range(len(rows))], [r.label for r in rows], fontsize=fs)
    for label, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row.is_group:
            label.set_fontweight("bold")
    ax.xaxis.tick_top()
    ax.tick_params(length=0, pad=6)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _codes_note(rows: Sequence[GridRow]) -> str:
    codes: dict[str, str] = {}
    for row in rows:
        for outcome in row.outcomes.values():
            for name in outcome.vetoed_by:
                codes[resolve_member(name).iso3] = name
    text = "Tally: for-against-abstain(-absent)."
    if codes:
        text += " VETO: blocked by " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())) + "."
    own = {
        row.whatif: outcome.rule.name
        for row in rows
        for column, outcome in row.outcomes.items()
        if outcome.rule.name != column
    }
    if own:
        text += (
            f" {OVERRIDE_MARK} decided under the what-if's own rule, not the column's ("
            + ", ".join(f"{w}: {r}" for w, r in own.items()) + ")."
        )
    return text


def plot_grid(source: GridSource, rules: Sequence[VotingRule | str] = (), *, ax: Axes | None = None) -> Figure:
    """The what-if grid of a scenario (or of several) as a figure; returns the Figure.

    ``source`` is a :class:`~simulate.catalog.scenarios.Scenario`, a list of them, or
    the cells of :func:`simulate.engine.grid.grid`; ``rules`` are the columns
    (default: each draft's own rule and the literal reading of its era).

    >>> from simulate import load_scenario
    >>> fig = plot_grid(load_scenario("S/2016/1026"))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:3]
    ['baseline', 'china-abstains-again', 'russia-abstains']
    """
    cells = _cells_of(source, rules)
    if not cells:
        raise ValueError("no grid cells to draw")
    rows, columns = grid_rows(cells)
    check_rows(len(rows))
    with style_context():
        import matplotlib as mpl

        base = mpl.rcParams["font.size"]
        if ax is not None:
            fig = cast("Figure", ax.get_figure(root=True))  # an Axes the caller drew on a figure
            measure = Measure(fig)
            w, h = axes_inches(ax)
            fs = base
            mode = None
            while fs >= 6 and mode is None:
                mode = _fit(rows, columns, w / len(columns), h / len(rows), fs, measure)
                fs -= 0.5 if mode is None else 0
            _setup_axes(ax, rows, columns, fs, measure)
            _draw_cells(ax, rows, columns, fs, mode or "inline", measure)
            return fig
        fig = new_figure()
        _plot_grid_figure(fig, rows, columns, base)
    return fig


def _plot_grid_figure(fig: Figure, rows: Sequence[GridRow], columns: Sequence[str], base: float) -> None:
    measure = Measure(fig)
    W, H = fig.get_size_inches()
    symbols = list(dict.fromkeys(r.symbol for r in rows))
    first = next(r for r in rows if not r.is_group)
    draft = next(iter(first.outcomes.values())).record.draft
    if len(symbols) == 1:
        title = f"{draft.symbol} · {long_date(draft.date)}" + (f" · {draft.title}" if draft.title else "")
    else:
        title = "What-if outcomes: " + ", ".join(symbols[:-1]) + " and " + symbols[-1]
    subtitle = "Each row: the vote as recorded (baseline) or a what-if. Each column: a voting rule."

    y = H - 0.1
    for i, (text, size, weight) in enumerate([(title, base * 1.2, "bold"), (subtitle, base * 0.95, "normal")]):
        wrapped = fit_lines(text, W - 0.4, size, measure, weight)
        fig.text(0.5, y / H, wrapped, ha="center", va="top", fontsize=size, fontweight=weight, color=INK,
                 gid=f"grid-title-{i}")
        y -= measure.text(wrapped, size, weight)[1] + 0.06
    top = y - 0.1

    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=ADOPTED_COLOUR, edgecolor="#333333"),
        Patch(facecolor=FAILED_COLOUR, edgecolor="#333333"),
    ]
    legend = fig.legend(handles, ["✓ adopted", "✗ not adopted"], loc="lower left", bbox_to_anchor=(0.1 / W, 0.02),
                        ncol=2, fontsize=base * 0.9, frameon=False, handlelength=1.6, handleheight=1.1)
    legend.set_gid("legend")
    box = legend.get_window_extent(renderer=measure.renderer)
    lw, lh = box.width / fig.dpi, box.height / fig.dpi
    middle = (box.y0 + box.y1) / 2 / fig.dpi
    note = fit_lines(_codes_note(rows), W - lw - 0.7, base * 0.85, measure)
    nh = measure.text(note, base * 0.85)[1]
    fig.text((0.45 + lw) / W, middle / H, note, ha="left", va="center", fontsize=base * 0.85,
             color=INK, gid="grid-footnote")
    bottom = middle + max(lh, nh) / 2 + 0.15

    fs = base
    while True:
        label_w = max(measure.text(r.label, fs, "bold" if r.is_group else "normal")[0] for r in rows) + 0.15
        left, right = 0.15 + label_w, W - 0.2
        cell_w = (right - left) / len(columns)
        header_h = max(measure.text(_wrap_rule(c, cell_w - 0.1, fs, measure), fs)[1] for c in columns) + 0.15
        ax_top = top - header_h
        cell_h = (ax_top - bottom) / len(rows)
        mode = _fit(rows, columns, cell_w, cell_h, fs, measure)
        if mode is not None or fs <= 6:
            break
        fs -= 0.5
    ax = fig.add_axes((left / W, bottom / H, (right - left) / W, (ax_top - bottom) / H))
    _setup_axes(ax, rows, columns, fs, measure)
    _draw_cells(ax, rows, columns, fs, mode or "inline", measure)
