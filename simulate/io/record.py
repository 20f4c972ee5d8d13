"""The Council's record since 1946 as bundled data: every vote, every veto, subjects and topics.

The files live in ``simulate/data/record/`` (built by ``scripts/build_record.py`` from
the Dag Hammarskjöld Library meetings tables and the project's checked facts; their
provenance and every discrepancy with a source are in ``docs/data-notes.md``).
Each file is read once per process; the functions return tuples of frozen records
in date order.

>>> december = find_vote("S/2016/1026")
>>> december.date.isoformat(), december.outcome, december.vetoed_by
('2016-12-05', 'vetoed', ('China', 'Russian Federation'))
>>> december.tally, december.subject
('11-3-1', 'syria')
>>> find_vote("S/2018/156").subject
'yemen'
>>> [v.draft for v in vetoes() if v.subject == "syria" and "China" in v.vetoed_by][:2]
['S/2011/612', 'S/2012/77']
>>> topics()["syria"].covers("syria", "The situation in the Middle East")
True
"""

from __future__ import annotations

import csv
import datetime
import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

import attrs

from ..data import data_path
from ..errors import DataFileError, UnknownNameError
from ..model.members import resolve_member

__all__ = [
    "OUTCOMES",
    "Flag",
    "RecordedVote",
    "Topic",
    "Veto",
    "VetoException",
    "find_vote",
    "flags",
    "flags_of",
    "record_path",
    "subject_of",
    "topics",
    "topics_of",
    "veto_exceptions",
    "vetoes",
    "votes",
]

OUTCOMES = ("adopted", "vetoed", "not adopted", "procedural", "other")
"""The outcomes of a recorded vote: a resolution adopted, a draft vetoed, a draft that
failed for lack of votes, a procedural decision, anything else (elections of judges)."""


def record_path(name: str) -> Path:
    """The path of a file of the bundled record."""
    return data_path("record") / name


# ---------------------------------------------------------------- records


@attrs.frozen
class RecordedVote:
    """One vote printed in the Dag Hammarskjöld Library meetings tables (1946-2022)."""

    key: str  # unique: the draft symbol, else the resolution, else "S/PV.N#k"
    date: datetime.date
    meeting: str  # "S/PV.7825"; "VTC (S/2020/...)" for the 2020-2021 written procedure
    drafts: tuple[str, ...]
    resolution: str | None  # "S/RES/2336 (2016)"
    agenda: str
    outcome: str  # one of OUTCOMES
    yes: int | None
    no: int | None
    abstain: int | None
    non_voting: int | None  # only where the table prints it
    vetoed_by: tuple[str, ...]  # canonical member names
    subject: str | None
    flags: tuple[str, ...]
    printed: str  # the draft(s) as printed, with qualifiers such as "(as amended)"
    source: str
    note: str

    @property
    def symbol(self) -> str:
        """The draft symbol if there is one, else the resolution, else the meeting."""
        return self.drafts[0] if self.drafts else self.resolution or self.meeting

    @property
    def resolution_number(self) -> int | None:
        if self.resolution is None:
            return None
        return int(self.resolution.split("/")[2].split()[0])

    @property
    def has_tally(self) -> bool:
        return self.yes is not None

    @property
    def tally(self) -> str | None:
        """``"11-3-1"`` (yes-no-abstain) where printed."""
        return None if self.yes is None else f"{self.yes}-{self.no}-{self.abstain}"


@attrs.frozen
class Veto:
    """One vetoed text (a draft, an amendment, an admission, a preliminary question)."""

    draft: str  # "S/2016/1026"; early drafts without a symbol: "S/PV.57 (Transjordan)"
    date: datetime.date
    meeting: str  # "" where the source gives none
    agenda: str
    vetoed_by: tuple[str, ...]  # canonical member names
    yes: int | None
    no: int | None
    abstain: int | None
    non_voting: int | None
    matter: str
    kind: str  # "draft resolution", "admission of new Member", "amendment", ...
    subject: str | None
    flags: tuple[str, ...]
    disputed: bool  # from vetoes-disputed.csv: out of the default counts
    source: str
    confidence: str
    note: str

    @property
    def tally(self) -> str | None:
        return None if self.yes is None else f"{self.yes}-{self.no}-{self.abstain}"

    @property
    def symbols(self) -> tuple[str, ...]:
        """The UN symbols named in ``draft`` (``"S/9696 and Corr.1 & 2"`` -> ``("S/9696",)``)."""
        return tuple(_SYMBOL.findall(self.draft))


@attrs.frozen
class Topic:
    """A named group of subjects and agenda items (``topics.toml``)."""

    name: str
    description: str
    subjects: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()  # regular expressions, searched case-insensitively

    def covers(self, subject: str | None, agenda: str = "") -> bool:
        if subject is not None and subject in self.subjects:
            return True
        return any(pattern.search(agenda) for pattern in _patterns(self.agenda))


@attrs.frozen
class Flag:
    """A flag on a draft (``mass-atrocity``), with the project's reason and a source."""

    draft: str
    flag: str
    reason: str
    source: str


@attrs.frozen
class VetoException:
    """A veto of ``vetoes.csv`` (to 26 May 2022) where the meetings tables differ from the veto list:
    ``check`` is ``missing`` (no vetoed vote on its date), ``vetoers`` or ``tally``."""

    draft: str
    date: datetime.date
    check: str
    reason: str


# ---------------------------------------------------------------- reading


_SYMBOL = re.compile(r"S/(?:PV\.\d+|RES/\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Add|Corr)\.\d+)*")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.cache
def _patterns(agenda: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in agenda)


def _rows(name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    path = record_path(name)
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(path, f"missing column(s) {', '.join(missing)}")
            width = len(header)
            for line, values in enumerate(reader, start=2):
                if len(values) != width:
                    raise DataFileError(path, f"line {line}: {len(values)} fields, the header has {width}")
                yield line, dict(zip(header, values, strict=True))
    except FileNotFoundError:
        raise DataFileError(path, "no such file (the bundled record is incomplete)") from None
    except UnicodeDecodeError:
        raise DataFileError(path, "not a UTF-8 text file") from None


class _Row:
    """Typed access to one CSV row; every error names the file, the line and the column."""

    __slots__ = ("line", "name", "row")

    def __init__(self, name: str, line: int, row: dict[str, str]) -> None:
        self.name = name
        self.line = line
        self.row = row

    def fail(self, column: str, problem: str) -> DataFileError:
        return DataFileError(record_path(self.name), f"line {self.line}, column {column}: {problem}")

    def text(self, column: str, required: bool = True) -> str:
        value = self.row[column].strip()
        if required and not value:
            raise self.fail(column, "empty")
        return value

    def date(self, column: str) -> datetime.date:
        value = self.row[column].strip()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"not an ISO date: {value!r}") from None

    def count(self, column: str) -> int | None:
        value = self.row[column].strip()
        if not value:
            return None
        if not value.isdigit():
            raise self.fail(column, f"not a count: {value!r}")
        return int(value)

    def members(self, column: str) -> tuple[str, ...]:
        names = [n.strip() for n in self.row[column].split(";") if n.strip()]
        out = []
        for name in names:
            try:
                member = resolve_member(name)
            except UnknownNameError as exc:
                raise self.fail(column, str(exc)) from None
            if member.name != name:
                raise self.fail(column, f"{name!r} is not the canonical name (use {member.name!r})")
            out.append(name)
        return tuple(out)

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self.row[column].strip()
        if value not in allowed:
            raise self.fail(column, f"{value!r} is not one of {', '.join(allowed)}")
        return value


@functools.cache
def _subjects() -> tuple[Mapping[str, tuple[str, str]], tuple[tuple[re.Pattern[str], str], ...]]:
    """Curated subjects: by draft symbol or meeting, and by agenda pattern (in file order)."""
    keyed: dict[str, tuple[str, str]] = {}
    by_agenda: list[tuple[re.Pattern[str], str]] = []
    name = "subjects.csv"
    for line, raw in _rows(name, ("key", "kind", "subject", "reason", "source")):
        row = _Row(name, line, raw)
        kind = row.choice("kind", ("draft", "meeting", "agenda"))
        key = row.text("key")
        subject = row.text("subject")
        if not _SLUG.fullmatch(subject):
            raise row.fail("subject", f"{subject!r} is not a lower-case slug such as 'israel-palestine'")
        row.text("reason")
        row.text("source")
        if kind == "agenda":
            try:
                by_agenda.append((re.compile(key, re.I), subject))
            except re.error as exc:
                raise row.fail("key", f"not a regular expression: {exc}") from None
        else:
            if key in keyed:
                raise row.fail("key", f"{key!r} is listed twice")
            keyed[key] = (subject, raw["reason"])
    return MappingProxyType(keyed), tuple(by_agenda)


def subject_of(symbol: str, agenda: str = "", meeting: str = "") -> str | None:
    """The curated subject of a draft (by its symbol, as printed or without a qualifier such as
    ``(as amended)``), else of its meeting, else the first agenda pattern that matches; None if none.

    >>> subject_of("S/2018/156"), subject_of("S/2016/1026")
    ('yemen', 'syria')
    >>> subject_of("", agenda="The situation in Cyprus")
    'cyprus'
    """
    keyed = _subjects()[0]
    for key in (symbol, re.sub(r"\s*\(.*\)$", "", symbol), meeting):
        if key and key in keyed:
            return keyed[key][0]
    return _agenda_subject(agenda) if agenda else None


@functools.lru_cache(maxsize=4096)
def _agenda_subject(agenda: str) -> str | None:
    for pattern, subject in _subjects()[1]:
        if pattern.search(agenda):
            return subject
    return None


@functools.cache
def flags() -> tuple[Flag, ...]:
    """Every flag on a draft (``flags.csv``)."""
    name = "flags.csv"
    out = []
    for line, raw in _rows(name, ("draft", "flag", "reason", "source")):
        row = _Row(name, line, raw)
        flag = row.text("flag")
        if not _SLUG.fullmatch(flag):
            raise row.fail("flag", f"{flag!r} is not a lower-case slug such as 'mass-atrocity'")
        out.append(Flag(row.text("draft"), flag, row.text("reason"), row.text("source")))
    return tuple(out)


@functools.cache
def _flags_by_draft() -> Mapping[str, tuple[str, ...]]:
    by: dict[str, list[str]] = {}
    for flag in flags():
        by.setdefault(flag.draft, []).append(flag.flag)
    return MappingProxyType({k: tuple(v) for k, v in by.items()})


def flags_of(symbol: str) -> tuple[str, ...]:
    """The flags on a draft (``("mass-atrocity",)``), or ``()``."""
    return _flags_by_draft().get(symbol, ())


#: the last day of the meeting tables that ``votes.csv`` is built from
TABLES_END = datetime.date(2022, 6, 29)


@functools.cache
def votes() -> tuple[RecordedVote, ...]:
    """Every vote of the meetings tables, in date order (``votes.csv``)."""
    return _vote_rows("votes.csv", after=False)


@functools.cache
def votes_after_tables() -> tuple[RecordedVote, ...]:
    """The few votes after the meeting tables end (:data:`TABLES_END`) that the project holds
    checked facts for (``votes-after-tables.csv``): the failed Syria drafts that were not vetoed.
    Every later veto is in ``vetoes.csv``; no other later vote is in the record."""
    later = _vote_rows("votes-after-tables.csv", after=True)
    tables = {v.key for v in votes()}
    for vote in later:
        if vote.key in tables:
            raise DataFileError(record_path("votes-after-tables.csv"), f"key {vote.key!r} is also in votes.csv")
    return later


def _vote_rows(name: str, after: bool) -> tuple[RecordedVote, ...]:
    """The votes of one file in date order; ``after``: each must fall after :data:`TABLES_END`."""
    columns = (
        "key",
        "date",
        "meeting",
        "drafts",
        "resolution",
        "agenda",
        "outcome",
        "yes",
        "no",
        "abstain",
        "non_voting",
        "vetoed_by",
        "printed",
        "source",
        "note",
    )
    out: list[RecordedVote] = []
    seen: set[str] = set()
    for line, raw in _rows(name, columns):
        row = _Row(name, line, raw)
        key = row.text("key")
        if key in seen:
            raise row.fail("key", f"{key!r} is used twice")
        seen.add(key)
        if after and row.date("date") <= TABLES_END:
            raise row.fail("date", f"on or before {TABLES_END.isoformat()}: such a vote belongs in votes.csv")
        drafts = tuple(d.strip() for d in raw["drafts"].split(";") if d.strip())
        resolution = raw["resolution"].strip() or None
        if resolution is not None and not re.fullmatch(r"S/RES/\d+ \(\d{4}\)", resolution):
            raise row.fail("resolution", f"not a resolution symbol such as 'S/RES/2336 (2016)': {resolution!r}")
        agenda = raw["agenda"].strip()
        meeting = row.text("meeting")
        outcome = row.choice("outcome", OUTCOMES)
        tally = (row.count("yes"), row.count("no"), row.count("abstain"))
        if None in tally and any(x is not None for x in tally):
            raise row.fail("yes", "a tally needs yes, no and abstain together")
        symbol = drafts[0] if drafts else resolution or ""
        out.append(
            RecordedVote(
                key=key,
                date=row.date("date"),
                meeting=meeting,
                drafts=drafts,
                resolution=resolution,
                agenda=agenda,
                outcome=outcome,
                yes=tally[0],
                no=tally[1],
                abstain=tally[2],
                non_voting=row.count("non_voting"),
                vetoed_by=row.members("vetoed_by"),
                subject=subject_of(symbol, agenda, meeting),
                flags=tuple(dict.fromkeys(f for d in drafts for f in flags_of(d))),
                printed=raw["printed"].strip(),
                source=row.text("source"),
                note=raw["note"].strip(),
            )
        )
    out.sort(key=lambda v: v.date)  # stable: the file's order within a day
    return tuple(out)


@functools.cache
def _vote_index() -> Mapping[str, RecordedVote]:
    index: dict[str, RecordedVote] = {}
    for vote in votes() + votes_after_tables():
        index[vote.key.casefold()] = vote
        for draft in vote.drafts:
            index.setdefault(draft.casefold(), vote)
        if vote.resolution:
            index[vote.resolution.casefold()] = vote
            index[vote.resolution.split(" (")[0].casefold()] = vote
    return MappingProxyType(index)


def find_vote(symbol: str) -> RecordedVote:
    """The vote on a draft symbol, a resolution (``"S/RES/2334"`` or ``"S/RES/2334 (2016)"``)
    or a key; an unknown symbol raises :class:`~simulate.errors.UnknownNameError`."""
    index = _vote_index()
    key = " ".join(symbol.split()).casefold()
    if key in index:
        return index[key]
    raise UnknownNameError("vote", symbol, [v.key for v in votes()], "(the meeting tables cover 1946 to June 2022)")


def _veto_rows(name: str, disputed: bool) -> tuple[Veto, ...]:
    columns = (
        "draft",
        "date",
        "meeting",
        "agenda",
        "vetoed_by",
        "yes",
        "no",
        "abstain",
        "non_voting",
        "matter",
        "source",
        "confidence",
        "note",
    )
    out = []
    for line, raw in _rows(name, columns):
        row = _Row(name, line, raw)
        draft = row.text("draft")
        note = raw["note"].strip()
        kind = note.split(";")[0].strip()
        vetoed_by = row.members("vetoed_by")
        if not vetoed_by:
            raise row.fail("vetoed_by", "empty")
        agenda = raw["agenda"].strip()
        meeting = row.text("meeting", required=False)
        out.append(
            Veto(
                draft=draft,
                date=row.date("date"),
                meeting=meeting,
                agenda=agenda,
                vetoed_by=vetoed_by,
                yes=row.count("yes"),
                no=row.count("no"),
                abstain=row.count("abstain"),
                non_voting=row.count("non_voting"),
                matter=raw["matter"].strip(),
                kind=kind,
                subject=subject_of(draft, agenda, meeting),
                flags=flags_of(draft),
                disputed=disputed,
                source=row.text("source"),
                confidence=raw["confidence"].strip(),
                note=note,
            )
        )
    return tuple(out)


@functools.cache
def vetoes(include_disputed: bool = False) -> tuple[Veto, ...]:
    """Every veto, in date order (``vetoes.csv``, 233 rows to 7 April 2026); with
    ``include_disputed`` also the negative votes often called vetoes that the DHL list
    leaves out (``vetoes-disputed.csv``)."""
    rows = list(_veto_rows("vetoes.csv", False))
    if include_disputed:
        rows += _veto_rows("vetoes-disputed.csv", True)
    rows.sort(key=lambda v: v.date)  # stable
    return tuple(rows)


@functools.cache
def veto_exceptions() -> tuple[VetoException, ...]:
    """Where the meetings tables and the veto list differ on a veto (``veto-exceptions.csv``), with the reason."""
    name = "veto-exceptions.csv"
    out = []
    for line, raw in _rows(name, ("draft", "date", "check", "reason")):
        row = _Row(name, line, raw)
        check = row.choice("check", ("missing", "vetoers", "tally"))
        out.append(VetoException(row.text("draft"), row.date("date"), check, row.text("reason")))
    return tuple(out)


@functools.cache
def topics() -> Mapping[str, Topic]:
    """The topics of ``topics.toml`` by name."""
    path = record_path("topics.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(path, "no such file (the bundled record is incomplete)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from None
    table = data.get("topic")
    if not isinstance(table, dict) or set(data) != {"topic"}:
        raise DataFileError(path, "expected only [topic.NAME] tables")
    out: dict[str, Topic] = {}
    for name, spec in table.items():
        where = f"[topic.{name}]"
        if not _SLUG.fullmatch(name):
            raise DataFileError(path, f"{where}: the name is not a lower-case slug")
        if not isinstance(spec, dict):
            raise DataFileError(path, f"{where}: not a table")
        unknown = set(spec) - {"description", "subjects", "agenda"}
        if unknown:
            raise DataFileError(path, f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        description = spec.get("description")
        if not isinstance(description, str) or not description.strip():
            raise DataFileError(path, f"{where}: description missing")
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("subjects", "agenda"):
            value = spec.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataFileError(path, f"{where}: {key} must be a list of strings")
            lists[key] = tuple(value)
        if not lists["subjects"] and not lists["agenda"]:
            raise DataFileError(path, f"{where}: give subjects or agenda patterns")
        for pattern in lists["agenda"]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise DataFileError(path, f"{where}: agenda pattern {pattern!r}: {exc}") from None
        out[name] = Topic(name, description.strip(), lists["subjects"], lists["agenda"])
    return MappingProxyType(out)


def topics_of(subject: str | None, agenda: str = "") -> tuple[str, ...]:
    """The names of the topics covering a subject or agenda text."""
    return tuple(name for name, topic in topics().items() if topic.covers(subject, agenda))
