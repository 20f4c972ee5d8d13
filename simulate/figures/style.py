"""The look of every figure: the palette, the slide style and saving.

Colours are from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; every colour also has a second channel (a
glyph, an outline or a shape) so that a figure printed in grey still reads.

>>> PALETTE[Ballot.YES], GLYPHS[Ballot.NO]
('#009E73', '✗')
>>> figure_format("out/S-2016-1026-table.svg")
'svg'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SimulateError
from ..model.ballots import Ballot

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ADOPTED_COLOUR",
    "BALLOT_WORDS",
    "CHANGED_COLOUR",
    "FAILED_COLOUR",
    "FORMATS",
    "GLYPHS",
    "PALETTE",
    "STYLE",
    "VETO_COLOUR",
    "figure_format",
    "new_figure",
    "save_figure",
    "style_context",
    "unique_path",
]

#: Seat fill by ballot (Okabe-Ito: bluish green, vermillion, sky blue; grey).
PALETTE: dict[Ballot, str] = {
    Ballot.YES: "#009E73",
    Ballot.NO: "#D55E00",
    Ballot.ABSTAIN: "#56B4E9",
    Ballot.ABSENT: "#F2F2F2",
}
#: The second channel: a glyph inside each seat (an absent seat is empty, with a dashed rim).
GLYPHS: dict[Ballot, str] = {
    Ballot.YES: "✓",
    Ballot.NO: "✗",
    Ballot.ABSTAIN: "—",
    Ballot.ABSENT: "",
}
#: Legend words for the ballots.
BALLOT_WORDS: dict[Ballot, str] = {
    Ballot.YES: "yes",
    Ballot.NO: "no",
    Ballot.ABSTAIN: "abstain",
    Ballot.ABSENT: "absent",
}
#: Grid cells: pale tints of the yes and no colours, so black text stays readable.
ADOPTED_COLOUR = "#80CFB9"
FAILED_COLOUR = "#EAAF80"
#: The halo around a seat that a what-if changed (Okabe-Ito reddish purple).
CHANGED_COLOUR = "#CC79A7"
#: The blocking-veto mark.
VETO_COLOUR = "#000000"

#: The packaged style sheet for slides (1280x720, large type).
STYLE = Path(__file__).with_name("slides.mplstyle")

#: File suffixes ``unsc plot`` and :func:`save_figure` write.
FORMATS = ("png", "svg", "pdf")

#: Fixed so that the same figure gives the same SVG bytes.
SVG_HASHSALT = "unsc-simulate"


def style_context() -> contextlib.AbstractContextManager[None]:
    """The slide style as a context manager (``with style_context(): ...``)."""
    import matplotlib.style

    return matplotlib.style.context(STYLE)


def new_figure(figsize: tuple[float, float] | None = None) -> Figure:
    """A new :class:`~matplotlib.figure.Figure` in the slide style, with an Agg canvas.

    The figure is not registered with pyplot: nothing to close, no global
    state; in Jupyter it displays as the value of a cell.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with style_context():
        fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig


def figure_format(path: str | Path) -> str:
    """The format named by the suffix of ``path``: ``png``, ``svg`` or ``pdf``."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if not suffix:
        raise SimulateError(f"cannot write {path}: no file suffix; end the name with .png, .svg or .pdf")
    if suffix not in FORMATS:
        raise SimulateError(f"cannot write {path}: unknown file suffix '.{suffix}'; use .png, .svg or .pdf")
    return suffix


def check_target(path: str | Path) -> str:
    """Refuse a file that cannot be written, before any drawing: a suffix that is not .png, .svg
    or .pdf, a folder, or a parent folder that does not exist or is not a folder. Returns the
    format. (A failure only the write itself can show, a full disk or a folder without
    permission, is still reported by :func:`save_figure`, and nothing is left half-written.)"""
    path = Path(path)
    fmt = figure_format(path)
    if path.is_dir():
        raise SimulateError(f"cannot write {path}: it is a folder")
    parent = path.parent
    if not parent.exists():
        raise SimulateError(f"cannot write {path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise SimulateError(f"cannot write {path}: {parent} is not a folder")
    return fmt


def _metadata(fmt: str) -> dict:
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None}
    return {}


@contextlib.contextmanager
def _temporary_next_to(path: Path, fmt: str) -> Iterator[Path]:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".{fmt}.part", dir=path.parent)
    except OSError as exc:
        raise SimulateError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    with contextlib.suppress(OSError):  # mkstemp makes the file private: give it the mode a new file would have
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def save_figure(fig: Figure, path: str | Path, *, overwrite: bool = True) -> Path:
    """Write ``fig`` to ``path`` in the format of its suffix, atomically.

    The figure is written to a temporary file next to ``path`` and renamed, so
    a failed save leaves nothing half-written. SVG and PDF output carry no
    date and SVG ids use a fixed salt, so the same figure gives the same bytes.
    With ``overwrite=False`` an existing file is never replaced
    (:class:`FileExistsError`). Returns ``path``.
    """
    import matplotlib

    path = Path(path)
    fmt = check_target(path)
    if not overwrite and path.exists():
        raise FileExistsError(path)
    with _temporary_next_to(path, fmt) as tmp:
        try:
            with matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT}):
                fig.savefig(tmp, format=fmt, metadata=_metadata(fmt))
        except OSError as exc:
            raise SimulateError(f"cannot write {path}: {exc.strerror or exc}") from None
        try:
            if overwrite:
                os.replace(tmp, path)
            else:
                _link_no_clobber(tmp, path)
        except FileExistsError:
            raise
        except OSError as exc:
            raise SimulateError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _link_no_clobber(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` unless ``path`` exists (atomically where links work)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def unique_path(folder: str | Path, stem: str, suffix: str = ".png") -> Path:
    """``folder/stem.png``, or ``stem-2.png``, ``stem-3.png``... the first that does not exist."""
    folder = Path(folder)
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
