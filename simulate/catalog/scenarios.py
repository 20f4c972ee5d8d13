"""Scenario files: a recorded vote in TOML, with what-ifs and what the record says.

The format is documented in ``scenarios/README.md``. Loading goes in two steps:
``tomllib`` and a strict :mod:`cattrs` converter (unknown keys are errors) turn
the file into plain ``*Spec`` classes, then names are resolved into members,
ballots and rules. Every problem is a :class:`~simulate.errors.DataFileError`
naming the file and the place in it. (A file that is exactly right skips cattrs:
:class:`~simulate.io.datafile.PlainStructurer`, for start-up speed.)
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import DataFileError, SimulateError, UnknownNameError
from ..io.datafile import (
    Decline,
    PlainStructurer,
    SpecError,
    Table,
    as_attrs,
    load_toml_file,
    parse_toml,
    strict_converter,
    structure,
)
from ..model.ballots import Ballot, parse_ballot
from ..model.council import Council, council_on
from ..model.members import Member, resolve_member
from ..model.motion import CHARTER_CHAPTERS, Matter
from ..model.records import Draft, RecordedResult, VoteRecord
from ..model.whatif import AsOn, Change, Follow, NewSeats, SetBallots, SetRule, WhatIf
from .registry import get_rule

if TYPE_CHECKING:  # cattrs is imported only for a file the plain path declines (simulate.io.datafile)
    import cattrs

__all__ = [
    "Scenario",
    "bundled_dir",
    "bundled_scenarios",
    "find_record",
    "load_scenario",
    "load_scenario_file",
]


# ---------------------------------------------------------------- file specs

# Tables (simulate.io.datafile.Table): cheap to declare; attrs classes only when cattrs is needed (_converter).


class DraftSpec(Table):
    symbol: str
    date: datetime.date
    title: str
    matter: str
    rule: str | None = None
    meeting: str = ""
    sponsors: list[str] = attrs.Factory(list)
    chapter: str | None = None
    parties: list[str] = attrs.Factory(list)
    flags: list[str] = attrs.Factory(list)
    sources: list[str] = attrs.Factory(list)


class CouncilSpec(Table):
    permanent: list[str]
    elected: list[str]
    veto: list[str] | None = None


class VotesSpec(Table):
    yes: list[str] = attrs.Factory(list)
    no: list[str] = attrs.Factory(list)
    abstain: list[str] = attrs.Factory(list)
    absent: list[str] = attrs.Factory(list)


class RecordSpec(Table):
    adopted: bool
    yes: int
    no: int
    abstain: int
    absent: int = 0
    vetoed_by: list[str] = attrs.Factory(list)
    resolution: str = ""
    source: str = ""


class FollowSpec(Table):
    leader: str
    members: list[str]


class AsOnSpec(Table):
    draft: str
    members: list[str]


class BlocSpec(Table):
    leader: str
    members: list[str]
    rho: Any = 1


class WhatIfSpec(Table):
    description: str = ""
    as_on: AsOnSpec | None = None
    set_: dict[str, str] = attrs.Factory(dict)
    follow: list[FollowSpec] = attrs.Factory(list)
    chance: dict[str, Any] = attrs.Factory(dict)
    others: str | None = None
    bloc: list[BlocSpec] = attrs.Factory(list)
    new_seats: dict[str, str] = attrs.Factory(dict)
    rule: str | None = None


class ScenarioSpec(Table):
    draft: DraftSpec
    votes: VotesSpec
    council: CouncilSpec | None = None
    record: RecordSpec | None = None
    whatif: dict[str, WhatIfSpec] = attrs.Factory(dict)


def _str_dict(value: Any, _type: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise SpecError(f"expected a table of member = \"ballot\", got {value!r}")
    return dict(value)


@functools.cache
def _converter() -> cattrs.Converter:
    from cattrs.gen import make_dict_structure_fn, override  # lazy: start-up speed (simulate.io.datafile)

    as_attrs(DraftSpec, CouncilSpec, VotesSpec, RecordSpec, FollowSpec, AsOnSpec, BlocSpec, WhatIfSpec, ScenarioSpec)
    conv = strict_converter()
    conv.register_structure_hook_func(lambda t: t == dict[str, str], _str_dict)

    def one_or_many(cls: type, example: str) -> Any:
        """A table or a list of tables (``follow = {...}`` or ``follow = [{...}, ...]``)."""

        def hook(value: Any, _type: Any) -> list[Any]:
            items = [value] if isinstance(value, dict) else value
            if not isinstance(items, list):
                raise SpecError(f"expected {example} or a list of such tables")
            return [conv.structure(v, cls) for v in items]

        return hook

    conv.register_structure_hook_func(
        lambda t: t == list[FollowSpec], one_or_many(FollowSpec, "follow = { leader = ..., members = [...] }")
    )
    conv.register_structure_hook_func(
        lambda t: t == list[BlocSpec], one_or_many(BlocSpec, "bloc = { leader = ..., members = [...], rho = 0.8 }")
    )
    conv.register_structure_hook(
        WhatIfSpec,
        make_dict_structure_fn(
            WhatIfSpec, conv, _cattrs_forbid_extra_keys=True, set_=override(rename="set")
        ),
    )
    return conv


def _where(path: str) -> str:
    """``$.whatif['bloc'].follow[0]`` -> ``[whatif.bloc] follow[0]``."""
    path = path.removeprefix("$").lstrip(".")
    path = re.sub(r"\['([^']*)'\]", r".\1", path)
    if not path:
        return "top level"
    parts = path.split(".")
    if len(parts) == 1:
        return f"[{parts[0]}]"
    if parts[0] == "whatif" and len(parts) >= 2:
        table, rest = ".".join(parts[:2]), parts[2:]
    else:
        table, rest = parts[0], parts[1:]
    return f"[{table}]" + (f" {'.'.join(rest)}" if rest else "")


@functools.cache
def _plain() -> PlainStructurer:
    """What :func:`_converter` accepts without an error, structured alike without cattrs."""
    plain = PlainStructurer()

    def one_or_many(cls: type) -> Any:
        def hook(value: Any) -> list[Any]:
            items = [value] if type(value) is dict else value
            if type(items) is not list:
                raise Decline
            return [plain.structure(v, cls) for v in items]

        return hook

    plain.register(list[FollowSpec], one_or_many(FollowSpec))
    plain.register(list[BlocSpec], one_or_many(BlocSpec))
    plain.rename(WhatIfSpec, set_="set")
    return plain


def _structure(raw: dict[str, Any], path: Path) -> ScenarioSpec:
    return structure(_plain(), _converter, raw, ScenarioSpec, path, _where)


# ---------------------------------------------------------------- scenarios


@attrs.frozen
class Scenario:
    """A loaded scenario file: the vote, its named what-ifs and what the record says."""

    record: VoteRecord
    whatifs: dict[str, WhatIf] = attrs.Factory(dict)
    expected: RecordedResult | None = None
    path: Path | None = None

    @property
    def symbol(self) -> str:
        return self.record.draft.symbol

    def whatif(self, name: str) -> WhatIf:
        try:
            return self.whatifs[name]
        except KeyError:
            raise UnknownNameError(
                "what-if",
                name,
                self.whatifs,
                hint=f"({self.symbol} has: {', '.join(self.whatifs) or 'none'})",
            ) from None

    def lookup(self, symbol: str) -> VoteRecord:
        """Another draft's record, for "as on" what-ifs: next to this file first, then bundled."""
        return find_record(symbol, near=self.path)


def _resolve(name: str, path: Path, where: str) -> Member:
    try:
        return resolve_member(name)
    except SimulateError as exc:
        raise DataFileError(path, f"{where}: {exc}") from None


def _build(spec: ScenarioSpec, path: Path) -> Scenario:
    d = spec.draft
    try:
        matter = Matter(d.matter)
    except ValueError:
        raise DataFileError(
            path, f"[draft] matter: expected \"substantive\" or \"procedural\", got {d.matter!r}"
        ) from None
    if d.chapter is not None and d.chapter not in CHARTER_CHAPTERS:
        raise DataFileError(
            path,
            f"[draft] chapter: expected a Charter chapter in upper-case roman numerals (I to XIX) or \"52(3)\", "
            f"got {d.chapter!r}",
        )
    if not d.symbol.strip():
        raise DataFileError(path, f"[draft] symbol: expected a draft symbol such as \"S/2016/846\", got {d.symbol!r}")
    if d.rule is not None:
        try:
            get_rule(d.rule)
        except SimulateError as exc:
            raise DataFileError(path, f"[draft] rule: {exc}") from None
    if not d.symbol:  # Draft refuses it too, but with attrs' ValueError
        raise DataFileError(
            path, f"[draft] symbol: expected a draft's symbol such as \"S/2016/1026\", got {d.symbol!r}"
        )
    draft = Draft(
        symbol=d.symbol,
        date=d.date,
        title=d.title,
        matter=matter,
        meeting=d.meeting,
        sponsors=[_resolve(n, path, "[draft] sponsors") for n in d.sponsors],
        chapter=d.chapter,
        parties=[_resolve(n, path, "[draft] parties") for n in d.parties],
        flags=d.flags,
        sources=d.sources,
    )
    council = _council(spec.council, draft.date, path)

    # ballots: every seat exactly once
    ballots: dict[Member, Ballot] = {}
    for word in ("yes", "no", "abstain", "absent"):
        for name in getattr(spec.votes, word):
            member = _resolve(name, path, f"[votes] {word}")
            if member in ballots:
                raise DataFileError(path, f"[votes]: {member.name} is listed twice ({ballots[member]} and {word})")
            if member not in council:
                raise DataFileError(
                    path,
                    f"[votes] {word}: {member.name} does not sit on the council "
                    f"({council.source or 'inline'}); members are: {', '.join(council.names)}",
                )
            ballots[member] = parse_ballot(word)
    missing = [m.name for m in council.members if m not in ballots]
    if missing:
        raise DataFileError(
            path, f"[votes]: no ballot for {', '.join(missing)} (every council member needs one; use absent = [...])"
        )
    record = VoteRecord(draft, council, [ballots[m] for m in council.members], rule=d.rule)

    for name in spec.whatif:
        if not name.strip() or name == "baseline":
            why = "is the name of the vote as recorded in grids" if name == "baseline" else "is empty"
            raise DataFileError(path, f"[whatif.{name}]: the what-if's name {why}; give it another name")
    whatifs = {name: _whatif(name, w, council, path) for name, w in spec.whatif.items()}
    expected = None
    if spec.record is not None:
        r = spec.record
        expected = RecordedResult(
            adopted=r.adopted,
            yes=r.yes,
            no=r.no,
            abstain=r.abstain,
            absent=r.absent,
            vetoed_by=[_resolve(n, path, "[record] vetoed_by") for n in r.vetoed_by],
            resolution=r.resolution,
            source=r.source,
        )
    return Scenario(record, whatifs, expected, path)


def _sitting(name: str, date: datetime.date, path: Path, where: str) -> Member:
    """A member of an inline council: a state must be a UN member on the date to sit."""
    member = _resolve(name, path, where)
    start, end = member.un_member_from, member.un_member_to
    if start is not None and date < start:
        raise DataFileError(
            path, f"{where}: {member.name} was not a UN member on {date.isoformat()} (admitted {start.isoformat()})"
        )
    if end is not None and date >= end:
        raise DataFileError(
            path, f"{where}: {member.name} was no longer a UN member on {date.isoformat()} (until {end.isoformat()})"
        )
    return member


def _council(spec: CouncilSpec | None, date: datetime.date, path: Path) -> Council:
    try:
        if spec is None:
            return council_on(date)
        permanent = [_sitting(n, date, path, "[council] permanent") for n in spec.permanent]
        elected = [_sitting(n, date, path, "[council] elected") for n in spec.elected]
        veto = None if spec.veto is None else [_resolve(n, path, "[council] veto") for n in spec.veto]
        return Council.from_names(permanent, elected, veto, source="inline [council]")
    except DataFileError:
        raise
    except SimulateError as exc:
        raise DataFileError(path, f"[council]: {exc}") from None


def _whatif(name: str, spec: WhatIfSpec, council: Council, path: Path) -> WhatIf:
    where = f"[whatif.{name}]"

    def on_council(names: list[str], key: str) -> list[Member]:
        out = []
        for n in names:
            m = _resolve(n, path, f"{where} {key}")
            if m not in council:
                raise DataFileError(path, f"{where} {key}: {m.name} does not sit on this council")
            out.append(m)
        return out

    changes: list[Change] = []
    try:
        if spec.as_on is not None:
            changes.append(AsOn(spec.as_on.draft, on_council(spec.as_on.members, "as_on.members")))
        if spec.set_:
            members = on_council(list(spec.set_), "set")
            changes.append(SetBallots([(m, parse_ballot(b)) for m, b in zip(members, spec.set_.values(), strict=True)]))
        for i, f in enumerate(spec.follow):
            leader = on_council([f.leader], f"follow[{i}].leader")[0]
            changes.append(Follow(leader, on_council(f.members, f"follow[{i}].members")))
        if spec.chance or spec.others is not None:
            changes.append(_chance(spec, on_council))
        if spec.bloc:
            changes.append(_blocs(spec, on_council))
        if spec.new_seats:
            changes.append(NewSeats(spec.new_seats))
        if spec.rule is not None:
            get_rule(spec.rule)  # an unknown name is the file's error, with suggestions
            changes.append(SetRule(spec.rule))
    except DataFileError:
        raise
    except SimulateError as exc:
        raise DataFileError(path, f"{where}: {exc}") from None
    if not changes:
        raise DataFileError(
            path, f"{where}: changes nothing (give as_on, set, follow, chance, bloc, new_seats or rule)"
        )
    return WhatIf(name, changes, spec.description)


def _chance(spec: WhatIfSpec, on_council: Any) -> Change:
    """``chance = { Member = { yes = 0.6, abstain = 0.4 } }`` and ``others = "MODEL"``."""
    from ..model.chance import BallotDistribution, Chance  # lazy: start-up speed (few scenarios use chance)

    dists = []
    for name, table in spec.chance.items():
        member = on_council([name], "chance")[0]
        if not isinstance(table, dict):
            raise SimulateError(
                f"chance.{name}: expected a table such as {{ yes = 0.6, abstain = 0.4 }}, got {table!r}"
            )
        dists.append((member, BallotDistribution.parse(table, f"chance.{name}")))
    try:
        return Chance(dists, others=spec.others)  # type: ignore[return-value]
    except SimulateError as exc:
        raise SimulateError(f"others: {exc}") from None


def _blocs(spec: WhatIfSpec, on_council: Any) -> Change:
    """``bloc = { leader = "Member", members = [...], rho = 0.8 }`` (or a list of such tables)."""
    from ..model.chance import Bloc, Blocs, parse_probability  # lazy: start-up speed (few scenarios use blocs)

    blocs = []
    for i, b in enumerate(spec.bloc):
        leader = on_council([b.leader], f"bloc[{i}].leader")[0]
        members = on_council(b.members, f"bloc[{i}].members")
        blocs.append(Bloc(leader, members, parse_probability(b.rho, f"bloc[{i}].rho")))
    return Blocs(blocs)  # type: ignore[return-value]


def _loads(text: str, path: Path) -> Scenario:
    return _build(_structure(parse_toml(text, path), path), path)


def load_scenario_file(path: str | Path) -> Scenario:
    """Load and check one scenario file."""
    return load_toml_file(path, "scenario", _loads)


# ---------------------------------------------------------------- the library


def bundled_dir() -> Path:
    """Where the bundled scenarios are: ``simulate/_scenarios`` in a wheel, the
    repository's ``scenarios/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_scenarios", package.parent / "scenarios"):
        if candidate.is_dir():
            return candidate
    raise DataFileError(package.parent / "scenarios", "the bundled scenarios folder is missing")


def _symbol_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def bundled_scenarios() -> list[Scenario]:
    """Every bundled scenario, by date then symbol."""
    found = [load_scenario_file(p) for p in sorted(bundled_dir().glob("*.toml"))]
    return sorted(found, key=lambda s: (s.record.draft.date, s.symbol))


def _symbol_in(text: str, path: Path) -> str | None:
    """The draft symbol a scenario file gives (``[draft] symbol``), read without building it."""
    symbol = parse_toml(text, path).get("draft", {})
    symbol = symbol.get("symbol") if isinstance(symbol, dict) else None
    return symbol if isinstance(symbol, str) else None


def find_record(symbol: str, near: Path | None = None) -> VoteRecord:
    """The record of draft ``symbol``: in the folder of ``near`` first, then bundled.

    Only the file that holds the draft is loaded in full: another file of the
    folder that cannot be read is skipped (and named if the draft is not found);
    two files of one folder with the draft are an error naming both.
    """
    folders = []
    if near is not None:
        folders.append(near.parent)
    folders.append(bundled_dir())
    key = _symbol_key(symbol)
    known: list[str] = []
    skipped: list[str] = []
    for folder in dict.fromkeys(folders):
        matches = []
        for path in sorted(folder.glob("*.toml")):
            if not path.is_file():
                continue
            try:
                found = load_toml_file(path, "scenario", _symbol_in)
            except DataFileError as exc:
                skipped.append(f"{path.name} ({exc.problem})")
                continue
            if found is None:
                continue
            if _symbol_key(found) == key:
                matches.append(path)
            known.append(found)
        if len(matches) > 1:
            raise DataFileError(
                matches[1],
                f"draft {symbol} is also in {matches[0]}: two scenario files of one folder give the same draft "
                "(keep one, or change a symbol)",
            )
        if matches:
            return load_scenario_file(matches[0]).record
    where = " and ".join(
        "the bundled scenarios" if folder == bundled_dir() else f"{folder}/" for folder in dict.fromkeys(folders)
    )
    hint = f"(looked in {where}"
    if skipped:
        hint += "; could not read " + "; ".join(skipped)
    raise UnknownNameError("draft", symbol, known, hint=hint + ")")


def load_scenario(ref: str | Path) -> Scenario:
    """A scenario from a path to a TOML file or a bundled draft's symbol (``"S/2016/1026"``)."""
    text = str(ref)
    path = Path(text)
    if text.endswith(".toml") or path.is_file():
        return load_scenario_file(path)
    key = _symbol_key(text)
    # fast path (start-up speed): a bundled file is named after its draft (S-2016-1026.toml, checked by
    # tests/test_scenarios_record.py), so only that file is parsed; any surprise falls back to the full scan
    folder = bundled_dir()
    named = [p for p in folder.glob("*.toml") if _symbol_key(p.stem) == key]
    if len(named) == 1:
        scenario = load_scenario_file(named[0])
        if _symbol_key(scenario.symbol) == key:
            return scenario
    scenarios = bundled_scenarios()
    for scenario in scenarios:
        if _symbol_key(scenario.symbol) == key or (scenario.path and _symbol_key(scenario.path.stem) == key):
            return scenario
    raise UnknownNameError(
        "scenario",
        text,
        [s.symbol for s in scenarios],
        hint="(a bundled symbol, see `unsc scenarios`, or a path to a .toml file)",
    )
