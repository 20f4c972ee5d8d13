"""Figures of the record: vetoes per decade by member, the Syria series on a timeline, and the
counterfactual summary (vetoes overcome per rule).

Each function takes what :mod:`simulate.analysis.history` and
:mod:`simulate.analysis.counterfactual` computed (it counts and decides nothing
itself), draws on ``ax`` or on a new 1280x720 slide, and returns the Figure.
Artists carry gids so that tests can read back what was drawn:
``decade-{member}-{decade}`` (a bar segment), ``syria-{member}-{n}`` (the n-th
veto mark of a member), ``syria-short-{symbol}``, ``cf-{verdict}-{rule}``.

>>> from simulate.analysis.history import load_history
>>> fig = plot_veto_decades(load_history())
>>> fig.axes[0].get_title(loc="left")
'Vetoes per decade, 1946–2026'
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import attrs

from .style import ADOPTED_COLOUR, FAILED_COLOUR, new_figure, style_context

__all__ = [
    "MEMBER_STYLE",
    "SyriaMark",
    "plot_counterfactual",
    "plot_syria",
    "plot_veto_decades",
    "syria_marks",
]

#: Colour (Okabe-Ito) and hatch (the second channel) of each member that has vetoed.
MEMBER_STYLE: dict[str, tuple[str, str]] = {
    "United States": ("#0072B2", ""),
    "USSR": ("#CC79A7", "//"),
    "Russian Federation": ("#D55E00", ""),
    "United Kingdom": ("#56B4E9", ".."),
    "France": ("#009E73", "\\\\"),
    "China": ("#E69F00", "xx"),
}
_OTHER = ("#999999", "++")
UNDETERMINED_COLOUR = "#D9D9D9"
SHORT = {"Russian Federation": "Russia", "United Kingdom": "UK", "United States": "US"}


def _figure_and_axes(ax: Any, rect: tuple[float, float, float, float] = (0.07, 0.12, 0.70, 0.74)) -> tuple[Any, Any]:
    if ax is not None:
        return ax.figure, ax
    fig = new_figure()
    with style_context():
        ax = fig.add_axes(rect)
    return fig, ax


def _member_style(name: str) -> tuple[str, str]:
    if name in MEMBER_STYLE:
        return MEMBER_STYLE[name]
    if name.startswith("Russian Federation"):
        return MEMBER_STYLE["Russian Federation"]
    return _OTHER


def plot_veto_decades(history: Any, ax: Any = None) -> Any:
    """Vetoes per decade, one stacked bar per decade, one segment per member (colour and hatch).

    ``history`` is a :class:`~simulate.analysis.history.History` (filtered as you like);
    the counts are its :meth:`~simulate.analysis.history.History.stats`.
    """
    stats = history.stats()
    fig, ax = _figure_and_axes(ax)
    with style_context():
        decades = list(stats.by_decade)
        bottoms = [0] * len(decades)
        x = list(range(len(decades)))
        order = sorted(stats.members, key=lambda m: list(MEMBER_STYLE).index(m) if m in MEMBER_STYLE else 99)
        for member in order:
            heights = [stats.by_decade[d].get(member, 0) for d in decades]
            colour, hatch = _member_style(member)
            label = member if not stats.combined or member != "Russian Federation" else "USSR + Russia"
            bars = ax.bar(
                x,
                heights,
                bottom=bottoms,
                width=0.72,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                linewidth=0.8,
                label=f"{label} ({stats.totals[member]})",
            )
            for bar, decade, h in zip(bars, decades, heights, strict=True):
                bar.set_gid(f"decade-{member}-{decade}")
                if h >= 4:
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + h / 2,
                        str(h),
                        ha="center",
                        va="center",
                        fontsize=11,
                        color="white" if colour in ("#0072B2", "#D55E00", "#CC79A7", "#009E73") else "#111111",
                        fontweight="bold",
                    )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        for xi, total in zip(x, bottoms, strict=True):
            ax.text(
                xi, total + max(bottoms) * 0.015, str(total), ha="center", va="bottom", fontsize=13, fontweight="bold"
            )
        ax.set_xticks(x, [f"{d}s" for d in decades])
        ax.set_ylabel("vetoes (one per text and member)")
        ax.set_ylim(0, max(bottoms) * 1.12 if bottoms else 1)
        ax.spines[["top", "right"]].set_visible(False)
        first = min(v.date for v in history if v.vetoed_by).year if stats.vetoed_texts else ""
        last = max(v.date for v in history if v.vetoed_by).year if stats.vetoed_texts else ""
        ax.set_title(f"Vetoes per decade, {first}–{last}", loc="left")
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), title="vetoes in total")
        note = (
            f"{stats.vetoed_texts} vetoed texts, a member counted once per text. USSR and Russian Federation "
            + ("counted together." if stats.combined else "counted apart.")
            + ("" if history.include_disputed else " Disputed vetoes left out.")
            + "\nSources: UN Dag Hammarskjöld Library veto list; UN press releases for vetoes after May 2022."
        )
        fig.text(0.07, 0.015, note, fontsize=11, color="#444444")
    return fig


@attrs.frozen
class SyriaMark:
    """One mark of the timeline: a draft, vetoed by a member (its running count) or short of votes."""

    symbol: str
    date: datetime.date
    lane: str  # a member's name, or "short of votes"
    count: int  # the member's running count of vetoes on the topic (0 for a draft short of votes)
    tally: str


def syria_marks(history: Any) -> list[SyriaMark]:
    """The marks of the timeline, from the record's failed drafts (vetoed or not adopted), in date order."""
    marks: list[SyriaMark] = []
    counts: dict[str, int] = {}
    for v in history:
        if v.vetoed_by:
            for name in v.vetoed_by:
                counts[name] = counts.get(name, 0) + 1
                marks.append(SyriaMark(v.symbol, v.date, name, counts[name], v.tally))
        elif v.outcome == "not adopted":
            marks.append(SyriaMark(v.symbol, v.date, "short of votes", 0, v.tally))
    return marks


def plot_syria(history: Any, ax: Any = None, topic: str = "syria") -> Any:
    """The failed drafts on a topic on a timeline: one lane per vetoing member, each veto a mark
    with the member's running count inside; drafts short of nine votes in a lane of their own."""
    from matplotlib.lines import Line2D

    marks = syria_marks(history)
    fig, ax = _figure_and_axes(ax, (0.17, 0.14, 0.56, 0.72))
    with style_context():
        vetoers = sorted({m.lane for m in marks if m.count}, key=lambda n: -max(m.count for m in marks if m.lane == n))
        lanes = [*vetoers, "short of votes"]
        y = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
        # drafts in order, evenly spaced (several drafts can fall in one week); years marked below
        symbols = list(dict.fromkeys(m.symbol for m in marks))
        x = {symbol: i + 1 for i, symbol in enumerate(symbols)}
        dates = {m.symbol: m.date for m in marks}
        by_symbol: dict[str, list[SyriaMark]] = {}
        for m in marks:
            by_symbol.setdefault(m.symbol, []).append(m)
        for symbol, group in by_symbol.items():
            if len(group) > 1:
                ax.plot([x[symbol]] * 2, [y[g.lane] for g in group][:2], color="#777777", linewidth=1.2, zorder=1)
        for m in marks:
            if m.count:
                colour, _ = _member_style(m.lane)
                (dot,) = ax.plot(
                    x[m.symbol], y[m.lane], "o", markersize=22, color=colour, markeredgecolor="white", zorder=2
                )
                dot.set_gid(f"syria-{m.lane}-{m.count}")
                ax.text(
                    x[m.symbol],
                    y[m.lane],
                    str(m.count),
                    ha="center",
                    va="center",
                    fontsize=11,
                    color="white",
                    fontweight="bold",
                    zorder=3,
                )
            else:
                (dot,) = ax.plot(
                    x[m.symbol],
                    y[m.lane],
                    "D",
                    markersize=13,
                    markerfacecolor="white",
                    markeredgecolor="#444444",
                    markeredgewidth=2,
                    zorder=2,
                )
                dot.set_gid(f"syria-short-{m.symbol}")
        years: dict[int, list[int]] = {}
        for symbol in symbols:
            years.setdefault(dates[symbol].year, []).append(x[symbol])
        for xs in years.values():
            if xs[0] > 1:
                ax.axvline(xs[0] - 0.5, color="#CCCCCC", linewidth=0.8, zorder=0)
        # a year with one or two drafts is narrow: stagger the labels of neighbouring years
        labels = [("\n" if i % 2 else "") + str(year) for i, year in enumerate(years)]
        ax.set_xticks([(xs[0] + xs[-1]) / 2 for xs in years.values()], labels)
        ax.tick_params(axis="x", length=0)
        ax.set_xlim(0.4, len(symbols) + 0.6)
        ax.set_yticks(
            [y[lane] for lane in lanes], [f"vetoed by {SHORT.get(n, n)}" for n in vetoers] + ["short of 9 votes"]
        )
        ax.set_ylim(-0.7, len(lanes) - 0.3)
        ax.spines[["top", "right", "left"]].set_visible(False)
        ax.tick_params(axis="y", length=0)
        drafts = len(by_symbol)
        vetoed = len({m.symbol for m in marks if m.count})
        first = min(m.date for m in marks).year if marks else ""
        last = max(m.date for m in marks).year if marks else ""
        label = topic.replace("-", " ").title() if topic else "The record"
        ax.set_title(f"{label}: {drafts} failed drafts, {first}–{last}, {vetoed} of them vetoed", loc="left")
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=14,
                color=_member_style(n)[0],
                label=f"{SHORT.get(n, n)}'s veto, running count\n({max(m.count for m in marks if m.lane == n)} in all)",
            )
            for n in vetoers
        ]
        handles.append(
            Line2D(
                [],
                [],
                marker="D",
                linestyle="",
                markersize=10,
                markerfacecolor="white",
                markeredgecolor="#444444",
                markeredgewidth=2,
                label="short of 9 votes\n(no veto)",
            )
        )
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), labelspacing=1.0)
        fig.text(
            0.07,
            0.03,
            "Each mark a draft put to the vote and not adopted, in order; "
            "a draft vetoed by two members has a mark in each lane.",
            fontsize=11,
            color="#444444",
        )
    return fig


def plot_counterfactual(summary: Any, ax: Any = None, rules: Sequence[str] | None = None) -> Any:
    """For each rule, the recorded vetoes it overcomes, still blocks or leaves undetermined (one bar each)."""
    rules = list(rules or summary.rules)
    fig, ax = _figure_and_axes(ax, (0.22, 0.14, 0.52, 0.72))
    with style_context():
        y = list(range(len(rules)))[::-1]
        parts = [
            ("overcome", ADOPTED_COLOUR, "", "overcome (adopted)"),
            ("still blocked", FAILED_COLOUR, "", "still blocked"),
            ("undetermined", UNDETERMINED_COLOUR, "", "undetermined"),
            ("n/a", "white", "///", "rule for another council"),
        ]
        left = [0] * len(rules)
        for key, colour, hatch, label in parts:
            if key == "n/a":
                widths = [summary.not_applicable[r] for r in rules]
            elif key == "undetermined":
                widths = [summary.totals[r]["undetermined"] for r in rules]
            else:
                widths = [summary.totals[r][key] for r in rules]
            bars = ax.barh(
                y,
                widths,
                left=left,
                height=0.7,
                color=colour,
                hatch=hatch,
                edgecolor="#888888",
                linewidth=0.6,
                label=label,
            )
            for bar, rule, w in zip(bars, rules, widths, strict=True):
                bar.set_gid(f"cf-{key}-{rule}")
                if w >= summary.vetoes * 0.04:
                    ax.text(
                        bar.get_x() + w / 2,
                        bar.get_y() + bar.get_height() / 2,
                        str(w),
                        ha="center",
                        va="center",
                        fontsize=11,
                        color="#111111",
                    )
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(y, rules)
        ax.set_xlim(0, summary.vetoes)
        ax.set_xlabel(f"recorded vetoes ({summary.vetoes})")
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title("What the recorded vetoes become under each rule", loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        fig.text(
            0.07,
            0.03,
            "Decided again from each tally through the rule itself; undetermined where the tally cannot say.",
            fontsize=11,
            color="#444444",
        )
    return fig
