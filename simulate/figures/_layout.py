"""Measuring text in inches, so that layouts fit before anything is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Measure", "axes_inches", "fit_lines", "wrap_balanced"]


#: text extents measured so far, shared by every figure: an extent depends only on the string, its
#: size, weight and style, the font and text settings in force, the dpi and the kind of renderer, so
#: the names and labels of a slide are laid out once per process, not once per figure
_MEASURED: dict[tuple[object, ...], tuple[float, float]] = {}
#: the settings an extent depends on (font.*, text.*, mathtext.* and the rest of the key), numbered
_SETTINGS: dict[tuple[object, ...], int] = {}


def _settings(renderer: object, dpi: float) -> int:
    import matplotlib as mpl

    fonts = ((k, repr(v)) for k, v in mpl.rcParams.items() if k.startswith(("font.", "text.", "mathtext.")))
    key = (type(renderer).__name__, dpi, *fonts)
    return _SETTINGS.setdefault(key, len(_SETTINGS))


class Measure:
    """Text extents in inches on the renderer of ``fig`` (Agg when it has none)."""

    def __init__(self, fig: Figure) -> None:
        self.fig = fig
        self.dpi = fig.dpi
        get = getattr(fig.canvas, "get_renderer", None)
        if get is not None:
            self.renderer = get()
        else:  # a canvas that cannot measure (pdf, svg): measure on Agg
            from matplotlib.backends.backend_agg import RendererAgg

            w, h = fig.get_size_inches() * fig.dpi
            self.renderer = RendererAgg(int(w), int(h), fig.dpi)
        self._settings = _settings(self.renderer, self.dpi)  # the style in force when the figure is laid out
        if len(_MEASURED) > 50_000:  # bounded: a process drawing figures for ever keeps a few MB at most
            _MEASURED.clear()
        self._cache = _MEASURED

    def text(self, s: str, size: float, weight: str = "normal", style: str = "normal") -> tuple[float, float]:
        """(width, height) of ``s`` in inches."""
        key = (self._settings, s, round(size, 3), weight, style)
        if key not in self._cache:
            from matplotlib.text import Text

            if not s:
                self._cache[key] = (0.0, 0.0)
            else:
                t = Text(0, 0, s, fontsize=size, fontweight=weight, fontstyle=style)
                t.set_figure(self.fig)
                bb = t.get_window_extent(renderer=self.renderer)
                self._cache[key] = (bb.width / self.dpi, bb.height / self.dpi)
        return self._cache[key]

    def artist(self, artist: Artist) -> tuple[float, float]:
        """(width, height) in inches of a drawn artist (a legend, a text)."""
        bb = artist.get_window_extent(renderer=self.renderer)
        return bb.width / self.dpi, bb.height / self.dpi


def fit_lines(text: str, width: float, size: float, measure: Measure, weight: str = "normal") -> str:
    """``text`` with line breaks at spaces so that each line is at most ``width`` inches."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if current and measure.text(trial, size, weight)[0] > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return "\n".join(lines)


def axes_inches(ax: Axes) -> tuple[float, float]:
    """The width and height of ``ax`` in inches."""
    fig = cast("Figure", ax.get_figure())  # the slides draw axes on a Figure, never a SubFigure
    w, h = fig.get_size_inches()
    box = ax.get_position()
    return box.width * w, box.height * h


def wrap_balanced(text: str, width: float, size: float, measure: Measure, weight: str = "normal") -> str:
    """``text`` on as few lines as fit in ``width`` inches, broken at spaces, lines balanced.

    Among the breaks with the fewest lines, the one with the narrowest widest
    line wins, and a break before "(" is preferred, so that
    "Venezuela (Bolivarian Republic of)" becomes "Venezuela" over
    "(Bolivarian Republic of)" rather than leaving "of)" alone on a line.
    """
    import itertools

    words = text.split(" ")
    if measure.text(text, size, weight)[0] <= width or len(words) == 1:
        return text
    best: tuple[float, str] | None = None
    for lines_n in range(2, len(words) + 1):
        for cuts in itertools.combinations(range(1, len(words)), lines_n - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
            widest = max(measure.text(line, size, weight)[0] for line in lines)
            if widest > width:
                continue
            cost = widest - sum(0.25 * width for line in lines[1:] if line.startswith("("))
            if best is None or cost < best[0]:
                best = (cost, "\n".join(lines))
        if best is not None:
            return best[1]
    return "\n".join(words)
