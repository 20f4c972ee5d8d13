"""The Council table: the horseshoe seen from above, one seat per member.

Each seat is filled with the colour of its ballot and carries a glyph (✓ ✗ —;
an absent seat is empty with a dashed rim); veto holders sit in squares,
elected members in circles; a blocking veto gets a black ring and a black
VETO tag; a seat a what-if changed gets a dashed purple halo and a "was: ..."
line. Permanent members sit at the head of the table, elected members down the
two sides, names read down the left column then down the right one.

Every artist that says something has a ``gid``: ``{panel}-seat-{ISO3}``,
``{panel}-glyph-{ISO3}``, ``{panel}-label-{ISO3}``, ``{panel}-veto-{ISO3}``,
``{panel}-changed-{ISO3}``, ``{panel}-was-{ISO3}``, ``{panel}-result``,
``{panel}-tally``, ``{panel}-title``; :func:`simulate.figures.describe` reads
them back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs
import numpy as np

from ..engine import words
from ..engine.replay import Outcome
from ..errors import SimulateError
from ..model.ballots import Ballot
from ..model.members import resolve_member
from ..model.records import VoteRecord
from ..render.text import long_date
from ._layout import Measure, axes_inches, fit_lines, wrap_balanced

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import Transform
from .style import (
    ADOPTED_COLOUR,
    BALLOT_WORDS,
    CHANGED_COLOUR,
    FAILED_COLOUR,
    GLYPHS,
    PALETTE,
    VETO_COLOUR,
    new_figure,
    style_context,
)

__all__ = ["SeatView", "draw_council", "headline", "plot_compare", "plot_table", "seat_views"]

INK = "#111111"
EDGE = "#333333"
LEADER = "#9A9A9A"
TABLE = "#D9D4CC"
TABLE_EDGE = "#A69F94"
KIND_WORDS = {"veto": "permanent (veto)", "permanent": "permanent, no veto", "elected": "elected"}


# ------------------------------------------------------------------ data


@attrs.frozen
class SeatView:
    """What the figure shows for one seat (read off the outcome, never recomputed)."""

    name: str
    iso3: str
    kind: str  # "veto", "permanent" or "elected"
    ballot: Ballot
    blocking: bool
    changed: bool = False
    was: Ballot | None = None

    @property
    def permanent(self) -> bool:
        return self.kind != "elected"


def _ballots_of(baseline: Outcome | VoteRecord | None) -> dict[str, Ballot]:
    if baseline is None:
        return {}
    if isinstance(baseline, Outcome):
        return dict(baseline.ballots)
    return baseline.by_member()


def seat_views(
    outcome: Outcome, baseline: Outcome | VoteRecord | None = None, highlight: Iterable[str] = ()
) -> list[SeatView]:
    """The seats of ``outcome`` in council order.

    ``baseline`` marks seats whose ballot differs from it as changed (with the
    old ballot); ``highlight`` marks further members as changed without one.
    """
    old = _ballots_of(baseline)
    marked = {resolve_member(m).name for m in highlight}
    blocking = set(outcome.vetoed_by)
    views = []
    for seat in outcome.record.council.seats:
        name = seat.member.name
        ballot = outcome.ballots[name]
        was = old.get(name)
        changed = (was is not None and was != ballot) or name in marked
        views.append(
            SeatView(
                name=name,
                iso3=seat.member.iso3,
                kind=seat.kind,
                ballot=ballot,
                blocking=name in blocking,
                changed=changed,
                was=was if (was is not None and was != ballot) else None,
            )
        )
    return views


def headline(outcome: Outcome) -> str:
    """The outcome in one line (:func:`simulate.engine.words.headline`).

    >>> from simulate import load_scenario, replay
    >>> headline(replay(load_scenario("S/2016/1026")))
    'Not adopted: vetoed by China and the Russian Federation'
    """
    if outcome.facts is None:
        return outcome.reason.rstrip(".")
    return words.headline(outcome.facts)


def draft_line(outcome: Outcome) -> str:
    """"S/2016/1026 · 5 December 2016 · Aleppo: a seven-day truce..."."""
    draft = outcome.record.draft
    text = f"{draft.symbol} · {long_date(draft.date)}"
    return text + (f" · {draft.title}" if draft.title else "")


def whatif_line(outcome: Outcome, descriptions: Sequence[str] = ()) -> str:
    """"What if: china-abstains-again (China abstains, as it did...)", or "" without what-ifs."""
    if not outcome.whatifs:
        return ""
    parts = []
    for i, name in enumerate(outcome.whatifs):
        text = descriptions[i] if i < len(descriptions) else ""
        parts.append(f"{name} ({text})" if text and text != name else name)
    return "What if: " + " + ".join(parts)


# ------------------------------------------------------------------ the legend


@attrs.frozen
class LegendKey:
    """A legend entry: a ballot, a kind of seat, the veto tag or the what-if halo."""

    what: str  # "ballot", "kind", "veto", "changed"
    ballot: Ballot | None = None
    kind: str = "elected"


def _seat_patch(
    kind: str, xy: tuple[float, float], r: float, face: str, dashed: bool, lw: float, **kw: Any
) -> Patch:
    from matplotlib.patches import Circle, RegularPolygon

    style = dict(facecolor=face, edgecolor=EDGE, linewidth=lw, linestyle="--" if dashed else "-", **kw)
    if kind == "veto":  # a square (the circumradius of a square of side 1.8r)
        return RegularPolygon(xy, 4, radius=r * 1.27, orientation=math.pi / 4, **style)
    if kind == "permanent":
        return RegularPolygon(xy, 6, radius=r * 1.1, **style)
    return Circle(xy, r, **style)


def _legend_handler() -> Any:
    from matplotlib.legend_handler import HandlerBase
    from matplotlib.patches import Circle
    from matplotlib.text import Text

    class KeyHandler(HandlerBase):
        def create_artists(
            self,
            legend: Legend,
            orig_handle: Any,  # a LegendKey: legend_entries() passes them as handles
            xdescent: float,
            ydescent: float,
            width: float,
            height: float,
            fontsize: float,
            trans: Transform,
        ) -> list[Artist]:
            key = orig_handle
            cx, cy = width / 2 - xdescent, height / 2 - ydescent
            r = min(width, height) * 0.42
            out: list[Artist] = []
            if key.what == "ballot":
                out.append(_seat_patch("elected", (cx, cy), r, PALETTE[key.ballot], key.ballot == Ballot.ABSENT, 1.0))
                glyph = GLYPHS[key.ballot]
                if glyph:
                    out.append(Text(cx, cy, glyph, ha="center", va="center_baseline", fontsize=r * 1.5,
                                    fontweight="bold", color=INK))
            elif key.what == "kind":
                out.append(_seat_patch(key.kind, (cx, cy), r * 0.9, "white", False, 1.4))
            elif key.what == "veto":  # the black ring of a blocking seat (its label carries a VETO tag)
                out.append(_seat_patch("veto", (cx, cy), r * 0.62, PALETTE[Ballot.NO], False, 1.0))
                out.append(Circle((cx, cy), r * 1.0, fill=False, edgecolor=VETO_COLOUR, linewidth=2.4))
            elif key.what == "changed":
                out.append(Circle((cx, cy), r * 0.65, facecolor="white", edgecolor=EDGE, linewidth=1.0))
                out.append(Circle((cx, cy), r * 1.0, fill=False, edgecolor=CHANGED_COLOUR, linewidth=2.2,
                                  linestyle=(0, (2.5, 1.5))))
            for artist in out:
                artist.set_transform(trans)
            return out

    return KeyHandler()


def legend_entries(views_list: Sequence[Sequence[SeatView]]) -> tuple[list[LegendKey], list[str]]:
    """Entries for the seats shown: the four ballots always, then what is present."""
    keys = [LegendKey("ballot", b) for b in Ballot]
    labels = [BALLOT_WORDS[b] for b in Ballot]
    all_views = [v for views in views_list for v in views]
    for kind in ("veto", "permanent", "elected"):
        if any(v.kind == kind for v in all_views):
            keys.append(LegendKey("kind", kind=kind))
            labels.append(KIND_WORDS[kind])
    if any(v.blocking for v in all_views):
        keys.append(LegendKey("veto"))
        labels.append("blocking veto (VETO)")
    if any(v.changed for v in all_views):
        keys.append(LegendKey("changed"))
        labels.append("changed by the what-if")
    return keys, labels


def add_legend(
    target: Axes | Figure,
    keys: Sequence[Any],  # artists or LegendKey handles (drawn by the key handler)
    labels: Sequence[str],
    width: float,
    measure: Measure,
    fontsize: float,
    **kwargs: Any,
) -> Legend:
    """A one-row legend (two rows when one is wider than ``width`` inches) on a figure or axes."""
    handler = _legend_handler()
    common = dict(
        handler_map={LegendKey: handler}, fontsize=fontsize, frameon=False, handlelength=1.5, handleheight=1.5,
        handletextpad=0.4, columnspacing=1.1, borderaxespad=0.2, **kwargs,
    )
    choices = (len(keys), math.ceil(len(keys) / 2), math.ceil(len(keys) / 3))
    for i, ncol in enumerate(choices):
        legend = target.legend(keys, labels, ncol=ncol, **common)
        if measure.artist(legend)[0] <= width or i == len(choices) - 1:
            break
        legend.remove()
    legend.set_gid("legend")
    return legend


# ------------------------------------------------------------------ layout


@attrs.frozen
class _Block:
    """A label block: the (wrapped) name, then "was: ...", then (below mode) the VETO tag."""

    text: str
    width: float
    height: float
    name_h: float  # height of the name lines
    was_h: float


@attrs.frozen
class _Layout:
    fs: float
    R: float
    L: float
    r: float
    cx: float
    yc: float
    seats: dict[str, tuple[float, float]]  # name -> seat centre
    normals: dict[str, tuple[float, float]]
    labels: dict[str, tuple[float, float, str]]  # name -> (x of the label edge, y of the name's centre, side)
    blocks: dict[str, _Block]
    knee: float  # distance from the centre line where leaders turn towards their label
    label_x: float  # distance from the centre line of the labels' inner edge
    badge_w: float  # width of the VETO slot between label and leader (0: tags go below names)
    badge_below: bool


def split_sides(views: Sequence[SeatView]) -> tuple[list[SeatView], list[SeatView]]:
    """Left and right sides of the table, each from the head of the table down.

    Permanent members at the head, split between the sides (the extra one on
    the left), elected members after them in council order.
    """
    permanent = [v for v in views if v.permanent]
    elected = [v for v in views if not v.permanent]
    n_left = math.ceil(len(views) / 2)
    p_left = math.ceil(len(permanent) / 2)
    e_left = n_left - p_left
    return permanent[:p_left] + elected[:e_left], permanent[p_left:] + elected[e_left:]


def _path_point(s: float, R: float, L: float) -> tuple[float, float, float, float]:
    """Point and outward normal at arc length ``s`` from the head, down the left side.

    Relative to the centre of the arc; the leg runs straight down from angle pi.
    """
    arc = math.pi * R / 2
    if s <= arc:
        theta = math.pi / 2 + s / R
        return R * math.cos(theta), R * math.sin(theta), math.cos(theta), math.sin(theta)
    return -R, -(s - arc), -1.0, 0.0


def _spread(
    desired: list[float], above: list[float], below: list[float], top: float, bottom: float, gap: float
) -> list[float] | None:
    """Anchors as near ``desired`` (top to bottom) as they can be without their blocks overlapping.

    Block ``i`` reaches ``above[i]`` over its anchor and ``below[i]`` under it.
    """
    n = len(desired)
    if n == 0:
        return []
    if sum(above) + sum(below) + gap * (n - 1) > top - bottom + 1e-9:
        return None
    ys = list(desired)
    ys[0] = min(ys[0], top - above[0])
    for i in range(1, n):
        ys[i] = min(ys[i], ys[i - 1] - below[i - 1] - gap - above[i])
    ys[-1] = max(ys[-1], bottom + below[-1])
    for i in range(n - 2, -1, -1):
        ys[i] = max(ys[i], ys[i + 1] + above[i + 1] + gap + below[i])
    return ys


RING = 1.62  # the what-if halo, the outermost ring around a seat, in seat radii
MARGIN, PAD, DIAG, ELBOW = 0.15, 0.08, 0.22, 0.08


def _badge_size(fs: float, measure: Measure) -> tuple[float, float]:
    w, h = measure.text("VETO", 0.8 * fs, "bold")
    box = 2 * 0.3 * 0.8 * fs / 72
    return w + box, h + box


def _blocks(
    views: Sequence[SeatView], fs: float, col_w: float, badge_below: bool, measure: Measure
) -> dict[str, _Block]:
    blocks = {}
    bw, bh = _badge_size(fs, measure)
    for v in views:
        weight = "bold" if v.permanent else "normal"
        text = wrap_balanced(v.name, col_w, fs, measure, weight)
        w, h = measure.text(text, fs, weight)
        name_h, was_h = h, 0.0
        if v.was is not None:
            w2, was_h = measure.text(f"was: {v.was.label}", 0.85 * fs, style="italic")
            w, h = max(w, w2), h + was_h
        if v.blocking and badge_below:
            w, h = max(w, bw), h + bh + 0.06
        blocks[v.name] = _Block(text, w, h, name_h, was_h)
    return blocks


def _try_layout(
    views: Sequence[SeatView],
    W: float,
    y_top: float,
    y_bot: float,
    fs: float,
    col_max: float,
    badge_below: bool,
    measure: Measure,
) -> _Layout | None:
    left, right = split_sides(views)
    blocks = _blocks(views, fs, col_max, badge_below, measure)
    badge_w = 0.0
    if any(v.blocking for v in views) and not badge_below:
        badge_w = _badge_size(fs, measure)[0] + 0.1
    col_w = max(b.width for b in blocks.values())
    side_room = MARGIN + col_w + PAD + badge_w + DIAG + ELBOW
    height = y_top - y_bot
    r = 0.2 * fs / 14
    for _ in range(4):  # the seat radius depends on the spacing, which depends on R
        R = min(W / 2 - side_room - r * RING, 0.5 * (height - r * RING), 2.6)
        if R < 0.5:
            return None
        top_room = 0.04 + r * RING
        L = height - top_room - R
        half = math.pi * R / 2 + L
        step = half / max(len(left), len(right), 1)
        new_r = min(step / (2 * RING + 0.25), 0.3 * fs / 14, R / 3.2)
        if abs(new_r - r) < 1e-3:
            break
        r = new_r
    if r < 0.07:
        return None
    cx, yc = W / 2, y_top - top_room - R
    seats, normals, labels = {}, {}, {}
    knee = R + r * RING + ELBOW
    label_x = knee + DIAG + badge_w + PAD
    for side, members in (("left", left), ("right", right)):
        sign = -1 if side == "left" else 1
        step = half / max(len(members), 1)
        elbows = []
        for j, v in enumerate(members):
            x, y, nx, ny = _path_point((j + 0.5) * step, R, L)
            seats[v.name] = (cx - sign * x, yc + y)
            normals[v.name] = (-sign * nx, ny)
            elbows.append(yc + y + ny * (r * RING + 0.04))
        above = [blocks[v.name].name_h / 2 for v in members]
        below = [blocks[v.name].height - blocks[v.name].name_h / 2 for v in members]
        ys = _spread(elbows, above, below, y_top + 0.05, y_bot, 0.05)
        if ys is None:
            return None
        for v, y in zip(members, ys, strict=True):
            labels[v.name] = (cx + sign * label_x, y, side)
    return _Layout(fs, R, L, r, cx, yc, seats, normals, labels, blocks, knee, label_x, badge_w, badge_below)


def _layout(
    views: Sequence[SeatView], W: float, y_top: float, y_bot: float, fs: float, measure: Measure
) -> _Layout:
    """The largest type (down to 6 pt) at which the table fits; the VETO tags go
    under the names when that leaves a much larger table."""
    col_max = min(max(0.22 * W, 1.2), 3.0)
    size = fs
    while size >= 6:
        inline = _try_layout(views, W, y_top, y_bot, size, col_max, False, measure)
        below = _try_layout(views, W, y_top, y_bot, size, col_max, True, measure)
        if inline is not None and (below is None or inline.R >= 0.85 * below.R):
            return inline
        if below is not None:
            return below
        size -= 0.5
    raise SimulateError(
        f"a council of {len(views)} seats does not fit in {W:.1f} x {y_top - y_bot:.1f} inches; "
        "draw it on a larger figure"
    )


# ------------------------------------------------------------------ drawing


def _u_polygon(
    cx: float, yc: float, r_out: float, r_in: float, bottom: float, n: int = 60
) -> list[tuple[float, float]]:
    """The table top: a U between radii ``r_in`` and ``r_out``, legs down to ``bottom``."""
    outer = [(cx + r_out * math.cos(t), yc + r_out * math.sin(t)) for t in np.linspace(math.pi, 0, n)]
    inner = [(cx + r_in * math.cos(t), yc + r_in * math.sin(t)) for t in np.linspace(0, math.pi, n)]
    return (
        [(cx - r_out, bottom), *outer, (cx + r_out, bottom), (cx + r_in, bottom), *inner, (cx - r_in, bottom)]
    )


def _heading_texts(
    ax: Axes, lines: Sequence[tuple[str, float, str]], W: float, top: float, measure: Measure, scale: float
) -> float:
    """Draw heading lines (text, size, weight) centred from ``top`` down; return the y below them."""
    y = top
    for i, (text, size, weight) in enumerate(lines):
        if not text:
            continue
        size *= scale
        wrapped = fit_lines(text, W - 0.3, size, measure, weight)
        _, h = measure.text(wrapped, size, weight)
        ax.text(W / 2, y, wrapped, ha="center", va="top", fontsize=size, fontweight=weight, color=INK,
                gid=f"{ax.get_gid()}-title-{i}", linespacing=1.15)
        y -= h + 0.06
    return y


def draw_council(
    ax: Axes,
    outcome: Outcome,
    *,
    baseline: Outcome | VoteRecord | None = None,
    highlight: Iterable[str] = (),
    heading: Sequence[tuple[str, float, str]] | None = None,
    legend: bool = True,
    panel: str = "table",
    fontsize: float | None = None,
) -> None:
    """Draw the council table of ``outcome`` filling ``ax`` (its size is measured).

    ``heading``: lines ``(text, size, weight)`` above the table (default: the
    draft, the what-if and the outcome). ``panel`` prefixes the artists' gids.
    """
    import matplotlib as mpl
    from matplotlib.patches import Polygon

    fig = cast("Figure", ax.get_figure(root=True))  # an Axes the caller drew on a figure
    measure = Measure(fig)
    W, H = axes_inches(ax)
    ax.set_gid(panel)
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
    base = fontsize or mpl.rcParams["font.size"]
    scale = min(1.0, W / 12.0, H / 6.5) ** 0.5
    views = seat_views(outcome, baseline, highlight)

    # heading, legend: fixed bands at the top and the bottom
    if heading is None:
        heading = [
            (draft_line(outcome), base * 1.2, "bold"),
            (whatif_line(outcome), base * 1.05, "normal"),
            (headline(outcome), base * 1.15, "bold"),
        ]
    y_top = _heading_texts(ax, heading, W, H - 0.1, measure, scale) - 0.08
    y_bot = 0.08
    if legend:
        keys, labels = legend_entries([views])
        leg = add_legend(ax, keys, labels, W - 0.2, measure, base * 0.9 * scale, loc="lower center",
                         bbox_to_anchor=(0.5, 0.0))
        y_bot = measure.artist(leg)[1] + 0.15

    lay = _layout(views, W, y_top, y_bot, base * scale, measure)
    r = lay.r

    # the table top
    r_out = lay.R - r * 1.05 - 0.05
    band = min(max(0.16 * lay.R, 0.12), 0.42)
    r_in = r_out - band
    bottom = lay.yc - lay.L
    _add_shape(ax, Polygon(_u_polygon(lay.cx, lay.yc, r_out, r_in, bottom), closed=True, facecolor=TABLE,
                         edgecolor=TABLE_EDGE, linewidth=1.0, zorder=1, gid=f"{panel}-tabletop"))

    for v in views:
        _draw_seat(ax, v, lay, panel, measure)
    _draw_result(ax, outcome, lay, r_in, bottom, measure, panel)


def _add_shape(ax: Axes, patch: Patch) -> Patch:
    """``ax.add_patch(patch)`` without its update of the data limits: the table's axes have fixed
    limits (0 to W, 0 to H inches, already of equal aspect), so the Bezier extrema that add_patch
    computes for every circle and polygon (about 2 ms a seat) were never read."""
    ax.add_artist(patch)
    return patch


def _draw_seat(ax: Axes, v: SeatView, lay: _Layout, panel: str, measure: Measure) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    r, fs = lay.r, lay.fs
    x, y = lay.seats[v.name]
    nx, ny = lay.normals[v.name]
    lx, ly, side = lay.labels[v.name]
    sign = -1 if side == "left" else 1
    block = lay.blocks[v.name]

    # leader: out from the seat, across to the knee, then to the label
    ex, ey = x + nx * (r * RING + 0.04), y + ny * (r * RING + 0.04)
    kx = lay.cx + sign * lay.knee
    end = lay.cx + sign * (lay.label_x - 0.05)
    ax.add_line(Line2D([x, ex, kx, end], [y, ey, ey, ly], color=LEADER, linewidth=1.1, zorder=1.5,
                       gid=f"{panel}-leader-{v.iso3}"))

    # the seat, its glyph and its rings
    seat = _seat_patch(v.kind, (x, y), r, PALETTE[v.ballot], v.ballot == Ballot.ABSENT,
                       2.0 if v.permanent else 1.2, zorder=3, gid=f"{panel}-seat-{v.iso3}")
    seat.set_label(v.name)
    _add_shape(ax, seat)
    ax.text(x, y, GLYPHS[v.ballot], ha="center", va="center_baseline", fontsize=r * 72 * 1.15,
            fontweight="bold", color=INK, zorder=4, gid=f"{panel}-glyph-{v.iso3}")
    if v.blocking:
        _add_shape(ax, Circle((x, y), r * 1.33, fill=False, edgecolor=VETO_COLOUR, linewidth=3.2, zorder=3.5,
                            gid=f"{panel}-vetoring-{v.iso3}"))
    if v.changed:
        _add_shape(ax, Circle((x, y), r * RING, fill=False, edgecolor=CHANGED_COLOUR, linewidth=3.0,
                            linestyle=(0, (3, 2)), zorder=3.5, gid=f"{panel}-changed-{v.iso3}"))

    # the label, what the seat was before the what-if, the VETO tag
    ha = "right" if side == "left" else "left"
    top = ly + block.name_h / 2
    ax.text(lx, top, block.text, ha=ha, va="top", multialignment=ha, fontsize=fs,
            fontweight="bold" if v.permanent else "normal", color=INK, zorder=4,
            gid=f"{panel}-label-{v.iso3}")
    below = top - block.name_h
    if v.was is not None:
        ax.text(lx, below, f"was: {v.was.label}", ha=ha, va="top", fontsize=fs * 0.85, fontstyle="italic",
                color="#7A2E5C", zorder=4, gid=f"{panel}-was-{v.iso3}")
        below -= block.was_h
    if v.blocking:
        bw, bh = _badge_size(fs, measure)
        if lay.badge_below:
            bx, by = lx + sign * bw / 2, below - 0.06 - bh / 2
        else:
            bx, by = lay.cx + sign * (lay.label_x - PAD - lay.badge_w / 2), ly
        ax.text(bx, by, "VETO", ha="center", va="center", fontsize=fs * 0.8, fontweight="bold", color="white",
                zorder=5, gid=f"{panel}-veto-{v.iso3}",
                bbox=dict(boxstyle="round,pad=0.3", facecolor=VETO_COLOUR, edgecolor=VETO_COLOUR))


def _result_candidates(outcome: Outcome) -> list[list[tuple[str, float, str, str]]]:
    """Ways to say the result inside the horseshoe, from the fullest to the most compact.

    Each line is (text, size relative to the label type, weight, gid suffix).
    """
    result = "✓ ADOPTED" if outcome.adopted else "✗ NOT ADOPTED"
    counts = [outcome.yes, outcome.no, outcome.abstain] + ([outcome.absent] if outcome.absent else [])
    tally = " – ".join(str(n) for n in counts)
    words = "for · against · abstain" + (" · absent" if outcome.absent else "")
    stacked = "\n".join(f"{n} {w}" for n, w in zip(counts, ["for", "against", "abstain", "absent"], strict=False))
    rule = outcome.rule.name
    needed = f"{outcome.required} needed · {rule}" if outcome.required is not None else rule
    short = "✓\nADOPTED" if outcome.adopted else "✗ NOT\nADOPTED"
    return [
        [(result, 1.25, "bold", "result"), (tally, 2.1, "bold", "tally"), (words, 0.85, "normal", "tallywords"),
         (needed, 0.85, "normal", "rule")],
        [(result, 1.25, "bold", "result"), (tally, 2.1, "bold", "tally"), (words, 0.85, "normal", "tallywords")],
        [(short, 1.1, "bold", "result"), (stacked, 1.05, "bold", "tally")],
        [(stacked, 1.0, "bold", "tally")],
    ]


def _draw_result(
    ax: Axes, outcome: Outcome, lay: _Layout, r_in: float, bottom: float, measure: Measure, panel: str
) -> None:
    """The result and the tally inside the horseshoe, in the fullest form that fits
    with type of at least 9 points."""
    width = 2 * r_in - 0.12
    room = lay.yc + r_in * 0.5 - bottom - 0.1
    gap = 0.12
    chosen = None
    for lines in _result_candidates(outcome):
        smallest = min(k for _, k, _, _ in lines)
        fs = lay.fs * 1.1
        while fs * smallest >= 9:
            ext = [measure.text(t, fs * k, w) for t, k, w, _ in lines]
            boxed = 2 * 0.3 * fs * lines[0][1] / 72 if lines[0][3] == "result" else 0
            total = sum(h for _, h in ext) + gap * (len(lines) - 1) + boxed
            if max(w for w, _ in ext) + boxed <= width and total <= room:
                chosen = (lines, fs, ext, total)
                break
            fs -= 0.5
        if chosen:
            break
    if chosen is None:
        return
    lines, fs, ext, total = chosen
    y = bottom + 0.1 + (room + total) / 2
    for (text, k, weight, key), (_, h) in zip(lines, ext, strict=True):
        kwargs = {}
        if key == "result":
            colour = ADOPTED_COLOUR if outcome.adopted else FAILED_COLOUR
            kwargs["bbox"] = dict(boxstyle="round,pad=0.3", facecolor=colour, edgecolor=EDGE, linewidth=1.0)
            y -= 0.3 * fs * k / 72
        ax.text(lay.cx, y - h / 2, text, ha="center", va="center", fontsize=fs * k, fontweight=weight, color=INK,
                zorder=4, gid=f"{panel}-{key}", linespacing=1.2, **kwargs)
        y -= h + gap + (0.3 * fs * k / 72 if key == "result" else 0)


# ------------------------------------------------------------------ figures


def plot_table(
    outcome: Outcome,
    *,
    baseline: Outcome | VoteRecord | None = None,
    descriptions: Sequence[str] = (),
    ax: Axes | None = None,
    legend: bool = True,
) -> Figure:
    """The council table of one outcome; returns the :class:`~matplotlib.figure.Figure`.

    ``baseline`` (the outcome as recorded) highlights the seats a what-if
    changed; ``descriptions`` describe the what-ifs in the title.

    >>> from simulate import load_scenario, replay
    >>> fig = plot_table(replay(load_scenario("S/2016/1026")))
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "table-title-2"]
    ['Not adopted: vetoed by China and the Russian Federation']
    """
    import matplotlib as mpl

    with style_context():
        if ax is None:
            ax = new_figure().add_axes((0.01, 0.01, 0.98, 0.98))
        fig = cast("Figure", ax.get_figure(root=True))  # an Axes the caller drew on a figure
        base = mpl.rcParams["font.size"]
        heading = [
            (draft_line(outcome), base * 1.2, "bold"),
            (whatif_line(outcome, descriptions), base * 1.05, "normal"),
            (headline(outcome), base * 1.15, "bold"),
        ]
        draw_council(ax, outcome, baseline=baseline, heading=heading, legend=legend, panel="table")
    return fig


def plot_compare(
    baseline: Outcome, whatif: Outcome, *, descriptions: Sequence[str] = (), fig: Figure | None = None
) -> Figure:
    """The baseline and a what-if as two council tables side by side; returns the Figure.

    The seats the what-if changed are ringed in both tables, and the what-if's
    table says what each of them was.
    """
    import matplotlib as mpl

    with style_context():
        if fig is None:
            fig = new_figure()
        measure = Measure(fig)
        W, H = fig.get_size_inches()
        base = mpl.rcParams["font.size"]
        changed = [v.name for v in seat_views(whatif, baseline) if v.changed]

        # the overall title
        lines = [(draft_line(whatif), base * 1.2, "bold"), (whatif_line(whatif, descriptions), base * 1.05, "normal")]
        y = H - 0.1
        for i, (text, size, weight) in enumerate(lines):
            if not text:
                continue
            wrapped = fit_lines(text, W - 0.4, size, measure, weight)
            _, h = measure.text(wrapped, size, weight)
            fig.text(0.5, y / H, wrapped, ha="center", va="top", fontsize=size, fontweight=weight, color=INK,
                     gid=f"compare-title-{i}", linespacing=1.15)
            y -= h + 0.06
        top = y - 0.05

        # the shared legend
        views = [seat_views(baseline, highlight=changed), seat_views(whatif, baseline)]
        keys, labels = legend_entries(views)
        leg = add_legend(fig, keys, labels, W - 0.3, measure, base * 0.9, loc="lower center",
                         bbox_to_anchor=(0.5, 0.01))
        bottom = measure.artist(leg)[1] + 0.2

        gap = 0.25
        width = (W - 0.2 - gap) / 2
        panels = [
            ("baseline", baseline, None, changed, "As voted"),
            ("whatif", whatif, baseline, (), "What if: " + " + ".join(whatif.whatifs) if whatif.whatifs else "What if"),
        ]
        for i, (panel, outcome, base_of, highlight, caption) in enumerate(panels):
            left = 0.1 + i * (width + gap)
            ax = fig.add_axes((left / W, bottom / H, width / W, (top - bottom) / H))
            heading = [(caption, base * 1.1, "bold"), (headline(outcome), base * 1.0, "normal")]
            draw_council(ax, outcome, baseline=base_of, highlight=highlight, heading=heading, legend=False,
                         panel=panel, fontsize=base)
        fig.add_artist(_divider(fig, (0.1 + width + gap / 2) / W, bottom / H, top / H))
    return fig


def _divider(fig: Figure, x: float, y0: float, y1: float) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D([x, x], [y0 + 0.02, y1 - 0.02], transform=fig.transFigure, color="#BBBBBB", linewidth=1.0,
                  gid="compare-divider")
