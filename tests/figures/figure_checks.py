"""Checks shared by the figure tests: what a figure says, and whether it is legible.

Imported as ``from figure_checks import ...`` (this folder is on ``sys.path``
when its tests run).
"""

from __future__ import annotations

import itertools
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ELEVEN_SEATS = DATA / "illustrative-1950.toml"

#: A 27-seat reformed council: 11 permanent seats (5 with a veto), 16 elected,
#: with the longest names in the registry.
PERMANENT_27 = ["China", "France", "Russia", "United Kingdom", "United States",
                "Brazil", "India", "Japan", "Germany", "South Africa", "Nigeria"]
ELECTED_27 = ["Angola", "Bolivia", "Iran", "Venezuela", "Democratic Republic of the Congo",
              "Saint Vincent and the Grenadines", "Bosnia and Herzegovina", "Micronesia", "Egypt",
              "Spain", "Mexico", "Indonesia", "Norway", "Kazakhstan", "Lao People's Democratic Republic",
              "United Republic of Tanzania"]


def council_27():
    from simulate import Council

    return Council.from_names(PERMANENT_27, ELECTED_27, veto=PERMANENT_27[:5], source="a reform proposal")


def outcome_27(ballots=None):
    """A vote of the 27-seat council (France votes against: a veto)."""
    import datetime

    from simulate import Draft, Rule, SeatClasses, VoteRecord, decide_record

    council = council_27()
    # a rule made for this council (the Charter's 15-seat rule would be refused): 14 of 27, any veto blocks
    rule = Rule("reform-27", "27 seats, 14 votes; any veto blocks", quota=14, seat_classes=SeatClasses.of_council(council))
    if ballots is None:
        cycle = ["yes", "yes", "abstain", "yes", "no", "absent"]
        ballots = [cycle[i % len(cycle)] for i in range(council.size)]
        ballots[council.index("France")] = "no"
        for name in ("China", "Russian Federation", "United Kingdom", "United States"):
            ballots[council.index(name)] = "yes"
    record = VoteRecord(
        Draft("S/2030/27", datetime.date(2030, 1, 15), title="A vote of a reformed council of 27 seats"),
        council, ballots, rule=rule,
    )
    return decide_record(record)


def _extent(artist, renderer):
    box = artist.get_window_extent(renderer)
    patch = getattr(artist, "get_bbox_patch", lambda: None)()
    if patch is not None:
        box = type(box).union([box, patch.get_window_extent(renderer)])
    return box


def _texts(fig):
    """(name, text artist) for every visible, non-empty text of the figure."""
    out = []
    for t in fig.texts:
        out.append((t.get_gid() or t.get_text(), t))
    for ax in fig.axes:
        out += [(t.get_gid() or t.get_text(), t) for t in ax.texts]
        if ax.axison:
            out += [(f"tick {t.get_text()!r}", t) for t in ax.get_xticklabels() + ax.get_yticklabels()]
        out += [(f"title {t.get_text()!r}", t) for t in (ax.title, ax._left_title, ax._right_title)]
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    for legend in legends:
        out += [(f"legend {t.get_text()!r}", t) for t in legend.get_texts()]
    return [(n, t) for n, t in out if t.get_visible() and t.get_text().strip()]


def _overlap(a, b, tol: float = 0.5) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol


def legibility_problems(fig) -> list[str]:
    """Texts that leave the canvas, overlap each other, or overlap a seat or a legend key."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    W, H = fig.bbox.width, fig.bbox.height
    problems = []
    texts = [(name, t, _extent(t, renderer)) for name, t in _texts(fig)]
    for name, _, box in texts:
        if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > W + 0.5 or box.y1 > H + 0.5:
            problems.append(f"{name} leaves the canvas: {box.bounds}")
    for (n1, _, b1), (n2, _, b2) in itertools.combinations(texts, 2):
        if _overlap(b1, b2):
            problems.append(f"{n1} overlaps {n2}")
    seats = [(p.get_gid(), p.get_window_extent(renderer)) for ax in fig.axes for p in ax.patches
             if "-seat-" in (p.get_gid() or "")]
    for name, _, box in texts:
        if "-glyph-" in name:
            continue
        for gid, seat in seats:
            if _overlap(box, seat, tol=1.0):
                problems.append(f"{name} overlaps seat {gid}")
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    for legend in legends:
        for t in legend.get_texts():
            for handle in legend.legend_handles:
                if _overlap(t.get_window_extent(renderer), handle.get_window_extent(renderer)):
                    problems.append(f"legend text {t.get_text()!r} overlaps a legend key")
    return problems


def assert_legible(fig) -> None:
    problems = legibility_problems(fig)
    assert not problems, "\n".join(problems)
