"""What a figure says, read back from its artists (not from the data it was drawn from).

Tests use it to check that each seat's colour matches its ballot, that the
veto marks sit on exactly the blocking members and that the grid's cells agree
with ``unsc grid --json``; it is also a start for the alt text of a slide.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["describe"]

_SHAPES = {"Circle": "circle", "RegularPolygon": "polygon"}


def _shape(patch: Any) -> str:
    name = type(patch).__name__
    if name == "RegularPolygon":
        return {4: "square", 6: "hexagon"}.get(patch.numvertices, "polygon")
    return _SHAPES.get(name, name.lower())


def _by_gid(artists: Iterable[Artist], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for artist in artists:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            out[gid[len(prefix):]] = artist
    return out


def _table(ax: Axes) -> dict[str, Any]:
    from matplotlib.colors import to_hex

    panel = ax.get_gid()
    texts, patches = ax.texts, ax.patches
    labels = _by_gid(texts, f"{panel}-label-")
    glyphs = _by_gid(texts, f"{panel}-glyph-")
    tags = _by_gid(texts, f"{panel}-veto-")
    was = _by_gid(texts, f"{panel}-was-")
    seats = _by_gid(patches, f"{panel}-seat-")
    rings = _by_gid(patches, f"{panel}-vetoring-")
    halos = _by_gid(patches, f"{panel}-changed-")
    out_seats = {}
    for iso3, seat in seats.items():
        name = labels[iso3].get_text().replace("\n", " ") if iso3 in labels else None
        out_seats[name] = {
            "iso3": iso3,
            "colour": to_hex(seat.get_facecolor()).upper(),
            "glyph": glyphs[iso3].get_text() if iso3 in glyphs else None,
            "shape": _shape(seat),
            "dashed": seat.get_linestyle() not in ("-", "solid"),
            "veto_tag": iso3 in tags,
            "veto_ring": iso3 in rings,
            "changed": iso3 in halos,
            "was": was[iso3].get_text().removeprefix("was: ") if iso3 in was else None,
        }
    title = [t.get_text() for gid, t in sorted(_by_gid(texts, f"{panel}-title-").items())]
    single = {k: t.get_text() for k, t in _by_gid(texts, f"{panel}-").items() if k in ("result", "tally", "rule")}
    return {
        "kind": "table",
        "title": title,
        "seats": out_seats,
        "vetoes": [n for n, s in out_seats.items() if s["veto_tag"] or s["veto_ring"]],
        **single,
    }


def _grid(ax: Axes) -> dict[str, Any]:
    from matplotlib.colors import to_hex

    columns = [t.get_text().replace("\n", "") for t in ax.get_xticklabels()]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    groups = {int(k) for k in _by_gid(ax.patches, "grid-group-")}
    cells_p = _by_gid(ax.patches, "grid-cell-")
    mains = _by_gid(ax.texts, "grid-main-")
    notes = _by_gid(ax.texts, "grid-note-")
    vetoes = _by_gid(ax.texts, "grid-veto-")
    overrides = _by_gid(ax.texts, "grid-override-")
    cells = []
    group = None
    for i, row in enumerate(rows):
        if i in groups:
            group = row.split(" · ")[0]
            continue
        for j, column in enumerate(columns):
            key = f"{i}-{j}"
            if key not in cells_p:
                continue
            cells.append({
                "scenario": group,
                "whatif": row,
                "rule": column,
                "colour": to_hex(cells_p[key].get_facecolor()).upper(),
                "main": mains[key].get_text() if key in mains else "",
                "note": notes[key].get_text() if key in notes else "",
                "veto": vetoes[key].get_text() if key in vetoes else "",
                "overridden": key in overrides,
            })
    return {"kind": "grid", "columns": columns, "rows": rows, "cells": cells}


def describe(fig: Figure) -> dict[str, Any]:
    """Panels of ``fig`` by name (``table``, ``baseline``, ``whatif``, ``grid``), as read from its artists.

    A table panel: its title lines, each seat by name (fill colour, glyph,
    shape, veto tag and ring, what-if halo, former ballot), the members
    carrying a veto mark, the result and the tally. A grid: its columns, rows
    and cells (colour, tally text, note, VETO tag, the mark of a what-if's own rule). Figure-level texts with a
    gid (titles, footnotes) are under ``"texts"``.
    """
    out: dict[str, Any] = {}
    for ax in fig.axes:
        gid = ax.get_gid()
        if gid == "grid":
            out[gid] = _grid(ax)
        elif gid and any(p.get_gid() == f"{gid}-tabletop" for p in ax.patches):
            out[gid] = _table(ax)
    out["texts"] = {t.get_gid(): t.get_text() for t in fig.texts if t.get_gid()}
    return out
