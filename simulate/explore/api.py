"""The explorer's JSON API, as plain functions (the HTTP server in :mod:`.server` only routes to them).

A *state* is what the page shows: a scenario, a rule, the named what-ifs switched on, the
ballots the user clicked, and the ballots of the new seats of a reform council. It travels
as a URL query string, the same one in the page's address bar and in every API call::

    scenario=S/2016/1026&rule=two-vetoes&whatif=china-abstains-again&set=Russian Federation=abstain

It is replayed exactly as ``unsc replay`` replays its options: first ``new`` (as ``--new``),
then the what-ifs in the order given (``--whatif``), then the clicked ballots (``--set``),
under ``rule`` (``--rule``). Every decision, reason and flip comes from the engine
(:func:`simulate.replay.replay`, :func:`simulate.power.flips.scenario_flips`); nothing here
decides a vote. The endpoints are documented in ``API.md`` next to this module.

>>> explorer = Explorer.bundled()
>>> state = explorer.parse("scenario=S/2016/1026&set=China=abstain")
>>> explorer.replay(state)["outcome"]["reason"]
'Not adopted: 11 votes in favour (9 required), but vetoed by the Russian Federation.'
"""

from __future__ import annotations

import re
import shlex
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import attrs

from ..analysis.flips import scenario_flips
from ..catalog.registry import RULES
from ..catalog.scenarios import Scenario, bundled_dir, bundled_scenarios, load_scenario_file
from ..engine.replay import Outcome, record_rule, replay
from ..errors import SimulateError, UnknownNameError
from ..figures import plot_compare, plot_table, save_figure  # matplotlib itself is imported only to draw
from ..figures.style import ADOPTED_COLOUR, BALLOT_WORDS, CHANGED_COLOUR, FAILED_COLOUR, GLYPHS, PALETTE, VETO_COLOUR
from ..figures.table import KIND_WORDS, headline, seat_views, split_sides
from ..model.ballots import Ballot, parse_ballot
from ..model.council import KINDS
from ..model.whatif import Change, NewSeats, SetBallots, WhatIf
from ..render.text import long_date

__all__ = ["FORMATS", "MAX_QUERY", "VIEWS", "Explorer", "State"]

#: The longest query string accepted (a state with every seat clicked is far shorter).
MAX_QUERY = 8192
#: Export formats and views.
FORMATS = ("png", "svg")
VIEWS = ("table", "compare")
#: Keys of a state; ``view`` and ``panel`` are the page's, carried in the URL and ignored by replay.
STATE_KEYS = ("scenario", "rule", "whatif", "set", "new", "view", "panel")
_SINGLE = ("scenario", "rule", "view", "panel")
_NEW_KEYS = ("all", "new", *KINDS)
#: How many minimal flips are listed by default (their number is always exact).
FLIPS_LIMIT = 12

_CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


@attrs.frozen
class State:
    """One state of the page (see the module docstring)."""

    scenario: str
    rule: str | None = None
    whatifs: tuple[str, ...] = ()
    sets: tuple[tuple[str, str], ...] = ()
    new: tuple[tuple[str, str], ...] = ()
    view: str = "table"

    def query(self) -> str:
        """The state as a query string (the inverse of :meth:`Explorer.parse`)."""
        items: list[tuple[str, str]] = [("scenario", self.scenario)]
        if self.rule:
            items.append(("rule", self.rule))
        items += [("whatif", w) for w in self.whatifs]
        items += [("set", f"{m}={b}") for m, b in self.sets]
        items += [("new", f"{k}={b}") for k, b in self.new]
        if self.view != "table":
            items.append(("view", self.view))
        return urlencode(items)

    def cli_args(self) -> list[str]:
        """The same state as ``unsc replay`` options (for tests and for people)."""
        args = [self.scenario]
        args += [f"--new={k}={b}" for k, b in self.new]
        args += [f"--whatif={w}" for w in self.whatifs]
        args += [f"--set={m}={b}" for m, b in self.sets]
        if self.rule:
            args.append(f"--rule={self.rule}")
        return args


def _pair(text: str, key: str, example: str) -> tuple[str, str]:
    name, sep, ballot = text.rpartition("=")
    if not sep or not name.strip() or not ballot.strip():
        raise SimulateError(f"{key} expects NAME=BALLOT (for example {example}), got {text!r}")
    return name.strip(), ballot.strip()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _slug(text: str) -> str:
    """``"S/2016/1026"`` -> ``"S-2016-1026"`` (as ``unsc plot`` names its files)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "figure"


class Explorer:
    """The scenarios the explorer may open (bundled, and the files named on the command line)
    and the API over them. Only these files are ever read: a state names a scenario by its id."""

    def __init__(self, scenarios: Sequence[Scenario], start: str | None = None) -> None:
        self.scenarios: dict[str, Scenario] = {}
        self.sources: dict[str, str] = {}
        for scenario, source in scenarios_with_sources(scenarios):
            key = scenario.symbol
            if key in self.scenarios:  # a user's file with a bundled symbol: keep both
                key = f"{scenario.symbol} ({scenario.path.name if scenario.path else 'file'})"
            self.scenarios[key] = scenario
            self.sources[key] = source
        if not self.scenarios:
            raise SimulateError("no scenario to explore")
        self.start = start if start is not None else next(iter(self.scenarios))
        if self.start not in self.scenarios:
            raise UnknownNameError("scenario", self.start, self.scenarios)
        self._figure_lock = threading.Lock()  # matplotlib is not thread-safe
        self._flips_lock = threading.Lock()  # one search at a time (a reform council takes seconds)
        self._flips_cache: dict[tuple[str, int | None], dict[str, Any]] = {}
        self._meta: dict[str, Any] | None = None

    @classmethod
    def bundled(cls) -> Explorer:
        return cls(bundled_scenarios())

    @classmethod
    def from_command_line(cls, refs: Sequence[str]) -> Explorer:
        """Bundled scenarios plus the files in ``refs``; the first ref is the one shown first.

        A ref is a bundled symbol or a path to a scenario file (loaded here, once)."""
        bundled = bundled_scenarios()
        files: list[Scenario] = []
        first: Scenario | None = None
        for ref in refs:
            scenario = _bundled_or_file(ref, bundled)
            if scenario not in bundled and scenario not in files:
                files.append(scenario)
            first = first or scenario
        explorer = cls([*bundled, *files])
        if first is not None:
            explorer.start = next(k for k, s in explorer.scenarios.items() if s is first)
        return explorer

    # ------------------------------------------------------------ the state

    def parse(self, query: str | Mapping[str, Any], extra: Sequence[str] = ()) -> State:
        """A :class:`State` from a query string; ``extra`` names further keys an endpoint takes.

        Unknown keys, repeated single keys, an unknown scenario, rule or what-if are errors
        (:class:`SimulateError`, one sentence)."""
        if isinstance(query, Mapping):
            query = urlencode(list(query.items()), doseq=True)
        if len(query) > MAX_QUERY:
            raise SimulateError(f"the request is too long ({len(query)} characters; at most {MAX_QUERY})")
        try:
            items = parse_qsl(query, keep_blank_values=True, max_num_fields=200)
        except ValueError as exc:
            raise SimulateError(f"cannot read the request: {exc}") from None
        allowed = (*STATE_KEYS, *extra)
        values: dict[str, list[str]] = {}
        for key, value in items:
            if key not in allowed:
                raise UnknownNameError("parameter", key, allowed, hint=f"(known: {', '.join(allowed)})")
            values.setdefault(key, []).append(value.strip())
        for key in (*_SINGLE, *extra):
            if len(values.get(key, [])) > 1:
                raise SimulateError(f"{key} is given {len(values[key])} times; give it once")
        scenario_id = (values.get("scenario") or [self.start])[0]
        scenario = self.scenario(scenario_id)
        rule = (values.get("rule") or [""])[0] or None
        if rule is not None and rule not in RULES:
            raise UnknownNameError("rule", rule, list(RULES), hint="(see the rule list: `unsc rules`)")
        whatifs = tuple(values.get("whatif", []))
        for name in whatifs:
            scenario.whatif(name)
        if len(set(whatifs)) != len(whatifs):
            raise SimulateError("a what-if is switched on twice")
        sets = []
        for text in values.get("set", []):
            member, ballot = _pair(text, "set", "China=abstain")
            name = scenario.record.council.seats[scenario.record.council.index(member)].member.name
            sets.append((name, str(parse_ballot(ballot))))
        new = []
        for text in values.get("new", []):
            key, ballot = _pair(text, "new", "all=abstain")
            new.append((key, str(parse_ballot(ballot))))
        view = (values.get("view") or ["table"])[0] or "table"
        if view not in VIEWS:
            raise UnknownNameError("view", view, VIEWS)
        return State(scenario_id, rule, whatifs, tuple(sets), tuple(new), view)

    def scenario(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            raise UnknownNameError(
                "scenario", scenario_id, self.scenarios, hint="(the explorer opens the bundled scenarios and the "
                "files named on its command line)"
            ) from None

    def changes(self, state: State) -> tuple[list[Change], list[WhatIf | Change]]:
        """``(new-seat changes, the rest)`` in the order ``unsc replay`` applies its options."""
        scenario = self.scenario(state.scenario)
        base: list[Change] = [NewSeats(state.new)] if state.new else []
        rest: list[WhatIf | Change] = [scenario.whatif(w) for w in state.whatifs]
        rest += [SetBallots([(m, b)]) for m, b in state.sets]
        return base, rest

    def outcomes(self, state: State) -> tuple[Outcome, Outcome | SimulateError]:
        """The outcome of the state, and the baseline it is compared with (the record, with the
        new seats' ballots, under the state's rule: as ``unsc plot compare`` draws it), or why
        there is none (a what-if may change the rule to one the bare record cannot be decided by)."""
        scenario = self.scenario(state.scenario)
        base, rest = self.changes(state)
        outcome = replay(scenario, [*base, *rest], rule=state.rule)
        self._check_new(state, outcome)
        if not rest:
            return outcome, outcome
        try:
            return outcome, replay(scenario, base, rule=state.rule)
        except SimulateError as exc:
            return outcome, exc

    def _check_new(self, state: State, outcome: Outcome) -> None:
        """Every ``new`` key names a kind, ``all``, or a new seat of this council."""
        sat = set(self.scenario(state.scenario).record.council.names)
        added = [n for n in outcome.record.council.names if n not in sat]
        folded = {n.casefold() for n in added}
        for key, _ in state.new:
            k = key.casefold()
            if k in _NEW_KEYS or k in folded:
                continue
            if not added:
                raise SimulateError(f"new seat {key!r}: rule {outcome.rule.name} adds no seats to this council")
            raise UnknownNameError("new seat", key, [*_NEW_KEYS, *added])

    # ------------------------------------------------------------ endpoints

    def meta(self) -> dict[str, Any]:
        """``GET /api/meta``: scenarios, rules and the figures' look (colours, glyphs); built once."""
        if self._meta is None:
            self._meta = self._build_meta()
        return self._meta

    def _build_meta(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "scenarios": [
                {
                    "id": key,
                    "symbol": s.symbol,
                    "date": s.record.draft.date.isoformat(),
                    "title": s.record.draft.title,
                    "source": self.sources[key],
                    "rule": _own_rule_name(s),
                    "whatifs": [{"name": n, "description": w.describe()} for n, w in s.whatifs.items()],
                }
                for key, s in self.scenarios.items()
            ],
            "rules": [_rule_meta(RULES[name]) for name in RULES],
            "style": {
                "ballots": [
                    {"ballot": str(b), "colour": PALETTE[b], "glyph": GLYPHS[b], "word": BALLOT_WORDS[b],
                     "label": b.label}
                    for b in Ballot
                ],
                "kinds": KIND_WORDS,
                "changed": CHANGED_COLOUR,
                "veto": VETO_COLOUR,
                "adopted": ADOPTED_COLOUR,
                "failed": FAILED_COLOUR,
            },
        }

    def replay(self, state: State) -> dict[str, Any]:
        """``GET /api/replay?STATE``: the outcome (``unsc replay --json``) and what the page draws."""
        outcome, baseline = self.outcomes(state)
        scenario = self.scenario(state.scenario)
        draft = scenario.record.draft
        compared = baseline if isinstance(baseline, Outcome) and baseline is not outcome else None
        return {
            "state": state.query(),
            "cli": "unsc replay " + " ".join(_shell_quote(a) for a in state.cli_args()),
            "draft": {
                "symbol": draft.symbol, "date": draft.date.isoformat(), "long_date": long_date(draft.date),
                "title": draft.title, "meeting": draft.meeting,
            },
            "rule": _rule_meta(outcome.rule),
            "changed": bool(state.sets or state.whatifs),
            **_panel(outcome, compared, scenario),
            "baseline": (
                _panel(baseline, None, scenario, highlight=_changed(outcome, baseline))
                if isinstance(baseline, Outcome) else {"error": error_message(baseline)}
            ),
        }

    def flips(self, state: State, limit: int | None = FLIPS_LIMIT) -> dict[str, Any]:
        """``GET /api/flips?STATE``: the minimal flips of the state (``unsc flips --json``, plus
        ``count``, ``pivotal`` and ``listed_all``)."""
        scenario = self.scenario(state.scenario)
        base, rest = self.changes(state)
        self.outcomes(state)  # the same checks as replay
        key = (attrs.evolve(state, view="table").query(), limit)
        with self._flips_lock:
            if key not in self._flips_cache:
                found = scenario_flips(scenario, [*base, *rest], rule=state.rule, limit=limit)
                if len(self._flips_cache) >= 256:
                    self._flips_cache.clear()
                self._flips_cache[key] = {
                    **found.to_json(),
                    "count": found.count,
                    "pivotal": list(found.pivotal),
                    "listed_all": found.listed_all,
                }
            return self._flips_cache[key]

    def export(self, state: State, fmt: str) -> tuple[bytes, str, str]:
        """``GET /api/export?STATE&format=png|svg``: the figure of ``unsc plot table`` (or
        ``unsc plot compare`` with ``view=compare``) for the state; ``(bytes, content type, file name)``."""
        if fmt not in FORMATS:
            raise UnknownNameError("format", fmt, FORMATS)
        scenario = self.scenario(state.scenario)
        base, rest = self.changes(state)
        outcome, baseline = self.outcomes(state)
        if isinstance(baseline, SimulateError):  # `unsc plot` refuses the same way
            raise baseline
        descriptions = [c.describe() for c in [*base, *rest]]
        rule = f"-{_slug(state.rule)}" if state.rule else ""
        with self._figure_lock:
            if state.view == "compare":
                if not rest:
                    raise SimulateError("compare needs a what-if: switch one on or click a seat")
                fig = plot_compare(baseline, outcome, descriptions=descriptions)
                stem = f"{_slug(scenario.symbol)}-explore{rule}-compare"
            else:
                fig = plot_table(outcome, baseline=baseline if rest else None, descriptions=descriptions)
                stem = f"{_slug(scenario.symbol)}-explore{rule}-table"
            with tempfile.TemporaryDirectory(prefix="unsc-explore-") as folder:
                path = save_figure(fig, Path(folder) / f"{stem}.{fmt}")
                data = path.read_bytes()
        return data, _CONTENT_TYPES[fmt], f"{stem}.{fmt}"


def scenarios_with_sources(scenarios: Sequence[Scenario]) -> list[tuple[Scenario, str]]:
    """Each scenario with where it comes from: ``"bundled"`` or ``"file"``."""
    folder = bundled_dir().resolve()
    out = []
    for s in scenarios:
        bundled = s.path is not None and s.path.resolve().parent == folder
        out.append((s, "bundled" if bundled else "file"))
    return out


def _bundled_or_file(ref: str, bundled: Sequence[Scenario]) -> Scenario:
    path = Path(ref)
    if ref.endswith(".toml") or path.is_file():
        return load_scenario_file(path)
    key = re.sub(r"[^0-9a-z]", "", ref.casefold())
    for scenario in bundled:
        stem = scenario.path.stem if scenario.path else ""
        if key in (re.sub(r"[^0-9a-z]", "", scenario.symbol.casefold()), re.sub(r"[^0-9a-z]", "", stem.casefold())):
            return scenario
    raise UnknownNameError(
        "scenario", ref, [s.symbol for s in bundled], hint="(a bundled symbol, see `unsc scenarios`, or a .toml file)"
    )


def _own_rule_name(scenario: Scenario) -> str:
    return record_rule(scenario.record).name


def _rule_meta(rule: Any) -> dict[str, Any]:
    return {
        "name": rule.name,
        "title": rule.title,
        "seats": getattr(rule, "seats", None),
        "enlarged": bool(getattr(rule, "enlarged", False)),
        "status": getattr(rule, "status", "custom"),
    }


def _changed(outcome: Outcome, baseline: Outcome) -> list[str]:
    """Members whose ballot differs between the baseline and the outcome (ringed in both)."""
    if outcome is baseline:
        return []
    return [v.name for v in seat_views(outcome, baseline) if v.changed]


def _panel(
    outcome: Outcome, baseline: Outcome | None, scenario: Scenario, highlight: Sequence[str] = ()
) -> dict[str, Any]:
    """One council table: the outcome, its headline, and the seats as the figures see them."""
    views = seat_views(outcome, baseline, highlight)
    left, right = split_sides(views)
    side = {v.name: ("left", i, len(left)) for i, v in enumerate(left)}
    side.update({v.name: ("right", i, len(right)) for i, v in enumerate(right)})
    cast = outcome.record.by_member()
    recorded = scenario.record.by_member()
    council = outcome.record.council
    seats = []
    for view, seat in zip(views, council.seats, strict=True):
        where, order, of = side[view.name]
        seats.append({
            "name": view.name,
            "iso3": view.iso3,
            "kind": view.kind,
            "permanent": view.permanent,
            "veto": seat.veto,
            "new": view.name not in recorded,
            "ballot": str(cast[view.name]),
            "effective": str(view.ballot),
            "recorded": str(recorded[view.name]) if view.name in recorded else None,
            "blocking": view.blocking,
            "changed": view.changed,
            "was": str(view.was) if view.was is not None else None,
            "side": where,
            "order": order,
            "of": of,
        })
    return {
        "outcome": outcome.to_json(),
        "tally": outcome.tally,
        "headline": headline(outcome),
        "seats": seats,
    }


def _shell_quote(text: str) -> str:
    return shlex.quote(text)


def error_message(exc: BaseException) -> str:
    """The one-line message of an error the API reports."""
    return _one_line(str(exc)) or type(exc).__name__
