"""The chance figure: per rule, one bar split into adopted / vetoed / short of votes, with intervals.

Reads a :class:`~simulate.analysis.chance.ChanceResult` as it is (the same data
as ``unsc chance --json``). Segments carry gids ``chance-{outcome}-{rule}``;
the 95% intervals (Monte Carlo only) are error bars at the two boundaries, on
P(adopted) and on P(adopted or vetoed) = 1 - P(short), gids
``chance-interval-{boundary}-{rule}``. Each outcome has a colour and a hatch,
so that the figure reads in grey too.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..model.ballots import Ballot
from .style import PALETTE, new_figure, style_context

__all__ = ["SEGMENTS", "bar_data", "plot_chance"]

#: (outcome, label, colour, hatch): Okabe-Ito bluish green, vermillion and grey.
SEGMENTS = (
    ("adopted", "adopted", PALETTE[Ballot.YES], ""),
    ("vetoed", "vetoed", PALETTE[Ballot.NO], "xx"),
    ("short", "short of votes", "#BBBBBB", "//"),
)
INK = "#111111"


def bar_data(result: Any) -> list[dict[str, Any]]:
    """Per rule: the three probabilities (floats) and, when simulated, the interval at each boundary."""
    rows = []
    for r in result.rules:
        row: dict[str, Any] = {"rule": r.rule, **{k: float(getattr(r, k)) for k, _, _, _ in SEGMENTS}}
        row["other"] = float(r.other)
        if not r.exact and r.stderr is not None:
            row["intervals"] = {k: r.interval(k) for k, _, _, _ in SEGMENTS}
            row["interval_adopted"] = r.interval("adopted")
            slo, shi = r.interval("short")
            row["interval_not_short"] = (1 - shi, 1 - slo)
        rows.append(row)
    return rows


def _numbers(row: dict[str, Any]) -> str:
    lines = []
    for key, label, _, _ in SEGMENTS:
        text = f"{label} {row[key] * 100:.1f}%"
        interval = row.get("intervals", {}).get(key)
        if interval is not None:
            text += f" [{interval[0] * 100:.1f}, {interval[1] * 100:.1f}]"
        lines.append(text)
    if row["other"] > 0:
        lines.append(f"not adopted (no quota) {row['other'] * 100:.1f}%")
    return "\n".join(lines)


def plot_chance(result: Any, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars, one per rule (first rule on top), on a 0-100% axis; returns the Figure."""
    with style_context():
        if ax is None:
            fig = new_figure()
            ax = fig.add_axes((0.19, 0.2, 0.52, 0.55))
        else:
            fig = ax.figure
        rows = bar_data(result)
        n = len(rows)
        for i, row in enumerate(rows):
            y = n - 1 - i
            left = 0.0
            for key, _label, colour, hatch in SEGMENTS:
                width = row[key] * 100
                ax.barh(y, width, left=left, height=0.6, color=colour, hatch=hatch, edgecolor="white",
                        linewidth=1.5, gid=f"chance-{key}-{row['rule']}")
                if width >= 10:
                    ink = "white" if key == "vetoed" else INK
                    ax.text(left + width / 2, y, f"{row[key] * 100:.1f}%", ha="center", va="center", color=ink,
                            fontsize=14, fontweight="bold",
                            bbox={"boxstyle": "round,pad=0.15", "fc": colour, "ec": "none"} if hatch else None)
                left += width
            if row["other"] > 0:
                ax.barh(y, row["other"] * 100, left=left, height=0.6, color="white", edgecolor="#444444",
                        gid=f"chance-other-{row['rule']}")
            ax.text(1.02, y, _numbers(row), transform=ax.get_yaxis_transform(), ha="left", va="center",
                    fontsize=12, linespacing=1.35, gid=f"chance-numbers-{row['rule']}")
            for boundary in ("adopted", "not_short"):
                interval = row.get(f"interval_{boundary}")
                if interval is not None:
                    centre = (row["adopted"] if boundary == "adopted" else row["adopted"] + row["vetoed"]) * 100
                    lo, hi = interval[0] * 100, interval[1] * 100
                    ax.errorbar(centre, y + 0.38, xerr=[[centre - lo], [hi - centre]], fmt="none", ecolor=INK,
                                elinewidth=2, capsize=5, gid=f"chance-interval-{boundary}-{row['rule']}")
        ax.set_yticks(range(n), [row["rule"] for row in reversed(rows)])
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.6, n - 0.2)
        ax.set_xlabel("probability (%)")
        ax.spines[["top", "right"]].set_visible(False)
        from matplotlib.patches import Patch  # lazy: matplotlib only when drawing

        handles = [Patch(facecolor=c, hatch=h, edgecolor="white", label=lab) for _, lab, c, h in SEGMENTS]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
        how = "Exact probabilities." if result.exact else (
            f"Monte Carlo: {result.draws:,} draws, seed {result.seed}, all rules on the same draws; "
            "bars and brackets are 95% intervals."
        )
        heading = title or f"{result.symbol}: the chance of adoption under each rule"
        fig.suptitle(heading, x=0.02, ha="left", y=0.97)
        lines = textwrap.wrap(result.model, width=125)
        if len(lines) > 3:
            lines = [*lines[:2], lines[2][:118] + " ..."]
        fig.text(0.02, 0.9, "\n".join([*lines, how]), ha="left", va="top", fontsize=12, color="#333333",
                 linespacing=1.3, gid="chance-model")
    return fig
