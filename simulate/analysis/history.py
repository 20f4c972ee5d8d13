"""The Council's record as data: every vote and every veto, filtered and counted.

The votes come from the bundled record (:mod:`simulate.io.record`: the Dag
Hammarskjöld Library meeting tables, 1946 to 29 June 2022, and after them the
failed Syria drafts that were not vetoed) and the vetoes from the bundled veto
list (every veto from 16 February 1946 on, with its sources). A vetoed vote is
one entry, whichever file it comes from; vetoes after the meeting tables end are
entries of their own.

Counting basis: one veto per vetoed text (draft, amendment, admission,
preliminary question) and per member named on it; the four negative votes
often called vetoes that the Library's list leaves out are counted only with
``include_disputed=True``. The USSR and the Russian Federation are counted
apart; ``combine_successors=True`` counts the USSR's vetoes as the Russian
Federation's (the continuing state of the USSR's seat since 24 December 1991).

>>> h = load_history()
>>> russia = h.filter(vetoed_by=["Russian Federation"], topic="syria", until="2016-12-05")
>>> [v.symbol for v in russia][-1], len(russia)
('S/2016/1026', 6)
>>> russia[-1].ordinal("Russian Federation").describe()
"the Russian Federation's 6th veto on Syria"
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from ..errors import SimulateError, UnknownNameError
from ..io import record
from ..model.members import resolve_member, with_article

__all__ = [
    "JSON_KEYS",
    "OUTCOMES",
    "SUCCESSORS",
    "History",
    "HistoryVote",
    "VetoOrdinal",
    "VetoStats",
    "load_history",
    "ordinal",
    "parse_date",
    "topic_label",
]

#: The outcomes a vote can have in the record.
OUTCOMES = ("adopted", "vetoed", "not adopted", "procedural", "other")

#: Successor states, counted as their predecessor's continuation with ``combine_successors``.
SUCCESSORS = {"USSR": "Russian Federation"}

#: The keys of every object of ``unsc history --json`` (in order).
JSON_KEYS = (
    "symbol",
    "date",
    "meeting",
    "agenda",
    "subject",
    "topics",
    "outcome",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "vetoed_by",
    "vetoes",
    "resolution",
    "kind",
    "flags",
    "disputed",
    "source",
)

_ACRONYMS = {"dprk": "the DPRK", "drc": "the DRC", "un": "the UN"}


def ordinal(n: int) -> str:
    """``1`` -> ``"1st"``, ``22`` -> ``"22nd"``, ``13`` -> ``"13th"``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def topic_label(name: str) -> str:
    """A topic's name for a sentence: ``"syria"`` -> ``"Syria"``, ``"israel-palestine"`` -> ``"Israel-Palestine"``."""
    if name in _ACRONYMS:
        return _ACRONYMS[name]
    return "-".join(part.capitalize() for part in name.split("-"))


def parse_date(text: str | datetime.date, *, end: bool = False, option: str = "date") -> datetime.date:
    """An ISO date; ``2016`` or ``2016-12`` stand for their first day (``end=True``: their last day).

    >>> parse_date("2016-12-05"), parse_date("2016", end=True)
    (datetime.date(2016, 12, 5), datetime.date(2016, 12, 31))
    """
    if isinstance(text, datetime.date):
        return text
    value = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return datetime.date(int(value), 12, 31) if end else datetime.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = (int(x) for x in value.split("-"))
            first = datetime.date(year, month, 1)
            if not end:
                return first
            following = datetime.date(year + month // 12, month % 12 + 1, 1)
            return following - datetime.timedelta(days=1)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise SimulateError(f"{option}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


@attrs.frozen
class VetoOrdinal:
    """Which veto a vetoed text was for one member: overall, and on its topic."""

    member: str
    overall: int
    topic: str | None = None
    on_topic: int | None = None
    combined: bool = False

    def describe(self, overall: bool = False) -> str:
        """``"the Russian Federation's 6th veto on Syria"`` (``overall=True``: ``"... 27th veto"``)."""
        name = with_article(self.member)
        whose = f"{name}'" if name.endswith("s") else f"{name}'s"
        if overall or self.topic is None or self.on_topic is None:
            text = f"{whose} {ordinal(self.overall)} veto"
        else:
            text = f"{whose} {ordinal(self.on_topic)} veto on {topic_label(self.topic)}"
        return text + (" (counting the USSR's)" if self.combined else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "member": self.member,
            "overall": self.overall,
            "topic": self.topic,
            "on_topic": self.on_topic,
            "text": self.describe(),
            "text_overall": self.describe(overall=True),
        }


@attrs.frozen
class HistoryVote:
    """One vote of the record (a vetoed text is one vote, whichever file it comes from)."""

    symbol: str
    date: datetime.date
    meeting: str
    agenda: str
    subject: str | None
    outcome: str
    yes: int | None
    no: int | None
    abstain: int | None
    non_voting: int | None
    vetoed_by: tuple[str, ...] = ()
    resolution: str | None = None
    kind: str = ""
    matter: str = "substantive"
    topics: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    disputed: bool = False
    source: str = ""
    note: str = ""
    #: which veto it was for each vetoer (set by :class:`History`)
    ordinals: tuple[VetoOrdinal, ...] = ()

    @property
    def has_tally(self) -> bool:
        return self.yes is not None and self.no is not None and self.abstain is not None

    @property
    def tally(self) -> str:
        """``"11-3-1"`` (and ``"-N"`` not voting when any), or ``"?"`` when the record has none."""
        if not self.has_tally:
            return "?"
        text = f"{self.yes}-{self.no}-{self.abstain}"
        return text + (f"-{self.non_voting}" if self.non_voting else "")

    @property
    def decade(self) -> int:
        return self.date.year // 10 * 10

    def ordinal(self, member: str) -> VetoOrdinal:
        """Which veto this was for ``member`` (a name or alias)."""
        name = resolve_member(member).name
        for o in self.ordinals:
            if o.member == name or SUCCESSORS.get(name) == o.member:
                return o
        raise SimulateError(f"{self.symbol} was not vetoed by {with_article(name)}")

    def to_json(self) -> dict[str, Any]:
        """The object of ``unsc history --json`` (keys :data:`JSON_KEYS`)."""
        return {
            "symbol": self.symbol,
            "date": self.date.isoformat(),
            "meeting": self.meeting,
            "agenda": self.agenda,
            "subject": self.subject,
            "topics": list(self.topics),
            "outcome": self.outcome,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "non_voting": self.non_voting,
            "vetoed_by": list(self.vetoed_by),
            "vetoes": [o.to_json() for o in self.ordinals],
            "resolution": self.resolution,
            "kind": self.kind,
            "flags": list(self.flags),
            "disputed": self.disputed,
            "source": self.source,
        }


# ---------------------------------------------------------------- building the record


def _data() -> Any:
    """The bundled record (:mod:`simulate.io.record`)."""
    return record


def _veto_entry(veto: Any, data: Any) -> HistoryVote:
    return HistoryVote(
        symbol=veto.draft,
        date=veto.date,
        meeting=veto.meeting,
        agenda=veto.agenda,
        subject=veto.subject,
        outcome="vetoed",
        yes=veto.yes,
        no=veto.no,
        abstain=veto.abstain,
        non_voting=veto.non_voting,
        vetoed_by=tuple(veto.vetoed_by),
        kind=veto.kind,
        matter=veto.matter,
        topics=tuple(data.topics_of(veto.subject, veto.agenda)),
        flags=tuple(veto.flags),
        disputed=veto.disputed,
        source=veto.source,
        note=veto.note,
    )


def _vote_entry(vote: Any, data: Any) -> HistoryVote:
    return HistoryVote(
        symbol=vote.symbol,
        date=vote.date,
        meeting=vote.meeting,
        agenda=vote.agenda,
        subject=vote.subject,
        outcome=vote.outcome,
        yes=vote.yes,
        no=vote.no,
        abstain=vote.abstain,
        non_voting=vote.non_voting,
        vetoed_by=tuple(vote.vetoed_by),
        resolution=vote.resolution,
        kind="draft resolution" if vote.drafts else "",
        matter="procedural" if vote.outcome == "procedural" else "substantive",
        topics=tuple(data.topics_of(vote.subject, vote.agenda)),
        flags=tuple(vote.flags),
        source=vote.source,
        note=vote.note,
    )


@functools.cache
def _veto_entries(include_disputed: bool) -> tuple[HistoryVote, ...]:
    """Every vetoed text of the veto list, in date order (the meeting tables are not read)."""
    data = _data()
    return tuple(_veto_entry(veto, data) for veto in data.vetoes(include_disputed=include_disputed))


def _merged(vetoes: Sequence[HistoryVote]) -> tuple[HistoryVote, ...]:
    """The vetoed texts with every other vote of the meeting tables, in date order (a vote the
    veto list covers is its entry there; within a day, the tables' order)."""
    data = _data()
    votes = data.votes() + data.votes_after_tables()
    position: dict[tuple[datetime.date, str], int] = {}
    for i, vote in enumerate(votes):
        for draft in vote.drafts:
            position.setdefault((vote.date, draft), i)
    entries: list[tuple[datetime.date, int, HistoryVote]] = []
    matched: set[int] = set()
    for entry in vetoes:
        found = position.get((entry.date, entry.symbol))
        if found is not None:
            matched.add(found)
        entries.append((entry.date, len(votes) if found is None else found, entry))
    for i, vote in enumerate(votes):
        if i in matched or (vote.outcome == "vetoed" and vote.vetoed_by):
            continue  # the veto list's entry stands for it (a vote of several drafts: under another symbol)
        entries.append((vote.date, i, _vote_entry(vote, data)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return tuple(e[2] for e in entries)


def _counted_as(name: str, combine: bool) -> str:
    return SUCCESSORS.get(name, name) if combine else name


def _with_ordinals(entries: Sequence[HistoryVote], combine: bool) -> tuple[HistoryVote, ...]:
    overall: Counter[str] = Counter()
    on_topic: Counter[tuple[str, str]] = Counter()
    out = []
    for entry in entries:
        if not entry.vetoed_by:
            out.append(entry)
            continue
        ordinals = []
        primary = _primary_topic(entry)
        for name in dict.fromkeys(_counted_as(n, combine) for n in entry.vetoed_by):
            overall[name] += 1
            for topic in entry.topics:
                on_topic[name, topic] += 1
            ordinals.append(
                VetoOrdinal(
                    name,
                    overall[name],
                    primary,
                    on_topic[name, primary] if primary else None,
                    combined=combine and name in SUCCESSORS.values(),
                )
            )
        out.append(attrs.evolve(entry, ordinals=tuple(ordinals)))
    return tuple(out)


def _primary_topic(entry: HistoryVote) -> str | None:
    """The topic named like the subject if there is one, else the first topic covering it."""
    if entry.subject in entry.topics:
        return entry.subject
    return entry.topics[0] if entry.topics else None


def _topic_ordinals(entry: HistoryVote, topic: str, counts: Counter[tuple[str, str]]) -> HistoryVote:
    return attrs.evolve(
        entry, ordinals=tuple(attrs.evolve(o, topic=topic, on_topic=counts[o.member, topic]) for o in entry.ordinals)
    )


@functools.cache
def _counted(include_disputed: bool, combine: bool) -> tuple[HistoryVote, ...]:
    """The vetoed texts with their ordinals."""
    return _with_ordinals(_veto_entries(include_disputed), combine)


@functools.cache
def _everything(include_disputed: bool, combine: bool) -> tuple[HistoryVote, ...]:
    return _merged(_counted(include_disputed, combine))


def load_history(
    *, include_disputed: bool = False, combine_successors: bool = False, vetoes_only: bool = False
) -> History:
    """The whole record, with each veto's ordinals (loaded and counted once per process).

    ``include_disputed`` adds the negative votes the Library's veto list leaves
    out; ``combine_successors`` counts the USSR's vetoes as the Russian Federation's;
    ``vetoes_only`` gives only the vetoed texts, without reading the meeting tables
    (faster, the same entries as ``load_history().vetoes()``).
    """
    disputed, combine = bool(include_disputed), bool(combine_successors)
    entries = _counted(disputed, combine) if vetoes_only else _everything(disputed, combine)
    return History(entries, include_disputed=disputed, combine_successors=combine)


# ---------------------------------------------------------------- the queryable record


def _resolve_topic(name: str) -> str:
    topics = _data().topics()
    key = name.strip().casefold()
    if key in topics:
        return key
    raise UnknownNameError("topic", name, list(topics), hint="(see `unsc history stats` for the topics)")


def _resolve_outcome(name: str) -> str:
    key = name.strip().casefold().replace("-", " ").replace("_", " ")
    aliases = {"veto": "vetoed", "failed": "not adopted", "not adopted for lack of votes": "not adopted"}
    key = aliases.get(key, key)
    if key in OUTCOMES:
        return key
    raise UnknownNameError("outcome", name, OUTCOMES, hint=f"(one of: {', '.join(OUTCOMES)})")


@attrs.frozen
class VetoStats:
    """Vetoes counted per member: by decade, by topic and in total."""

    members: tuple[str, ...]
    by_decade: dict[int, dict[str, int]]
    by_topic: dict[str, dict[str, int]]
    totals: dict[str, int]
    vetoed_texts: int
    combined: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "members": list(self.members),
            "totals": self.totals,
            "vetoed_texts": self.vetoed_texts,
            "by_decade": {f"{d}s": counts for d, counts in self.by_decade.items()},
            "by_topic": self.by_topic,
            "combine_successors": self.combined,
        }


@attrs.frozen
class History(Sequence[HistoryVote]):
    """A list of votes of the record, in date order, with filters and counts.

    Filtering keeps each veto's ordinals as counted over the whole record (the
    6th veto on Syria stays the 6th whatever the period asked for).
    """

    votes: tuple[HistoryVote, ...]
    include_disputed: bool = False
    combine_successors: bool = False
    topic: str | None = None

    def __len__(self) -> int:
        return len(self.votes)

    @overload
    def __getitem__(self, index: int) -> HistoryVote: ...

    @overload
    def __getitem__(self, index: slice) -> History: ...

    def __getitem__(self, index: int | slice) -> HistoryVote | History:
        if isinstance(index, slice):
            return attrs.evolve(self, votes=self.votes[index])
        return self.votes[index]

    def __iter__(self) -> Iterator[HistoryVote]:
        return iter(self.votes)

    def filter(
        self,
        *,
        vetoed_by: Iterable[str] | str | None = None,
        topic: str | None = None,
        subject: str | None = None,
        since: str | datetime.date | None = None,
        until: str | datetime.date | None = None,
        outcome: str | None = None,
    ) -> History:
        """The votes matching every filter given.

        ``vetoed_by``: vetoed by any of these members; ``topic``: a topic's name
        (its ordinals are then counted on that topic); ``subject``: a subject
        slug; ``since``/``until``: inclusive dates (``"2016"`` is the whole
        year); ``outcome``: one of :data:`OUTCOMES`.
        """
        start = parse_date(since, option="since") if since is not None else None
        end = parse_date(until, end=True, option="until") if until is not None else None
        if start is not None and end is not None and start > end:
            raise SimulateError(f"--since {start.isoformat()} is after --until {end.isoformat()}: no date is both")
        if isinstance(vetoed_by, str):
            vetoed_by = [vetoed_by]
        names: set[str] | None = None
        if vetoed_by is not None:
            names = {_counted_as(resolve_member(n).name, self.combine_successors) for n in vetoed_by}
        topic_key = _resolve_topic(topic) if topic is not None else None
        outcome_key = _resolve_outcome(outcome) if outcome is not None else None
        subject_key = subject.strip().casefold() if subject else None
        kept = []
        for v in self.votes:
            if start is not None and v.date < start:
                continue
            if end is not None and v.date > end:
                continue
            if outcome_key is not None and v.outcome != outcome_key:
                continue
            if topic_key is not None and topic_key not in v.topics:
                continue
            if subject_key is not None and v.subject != subject_key:
                continue
            if names is not None and not names & {_counted_as(n, self.combine_successors) for n in v.vetoed_by}:
                continue
            kept.append(v)
        out = attrs.evolve(self, votes=tuple(kept), topic=topic_key or self.topic)
        return out._on_topic(topic_key) if topic_key is not None else out

    def _on_topic(self, topic: str) -> History:
        """The same votes, their ordinals counted on ``topic`` (over the whole record)."""
        counts: Counter[tuple[str, str]] = Counter()
        per_symbol: dict[int, HistoryVote] = {}
        for entry in _counted(self.include_disputed, self.combine_successors):
            if entry.ordinals and topic in entry.topics:
                for o in entry.ordinals:
                    counts[o.member, topic] += 1
                per_symbol[id(entry)] = _topic_ordinals(entry, topic, counts)
        base = {(e.symbol, e.date): e for e in per_symbol.values()}
        return attrs.evolve(self, votes=tuple(base.get((v.symbol, v.date), v) for v in self.votes))

    # ---------------------------------------------------------------- views

    def vetoes(self) -> History:
        """Only the vetoed texts."""
        return attrs.evolve(self, votes=tuple(v for v in self.votes if v.vetoed_by))

    def counted_member(self, name: str) -> str:
        """The name a veto of ``name`` counts under (the Russian Federation for the USSR when combined)."""
        return _counted_as(name, self.combine_successors)

    def stats(self) -> VetoStats:
        """Vetoes per member per decade and per topic, over these votes."""
        by_decade: dict[int, Counter[str]] = {}
        by_topic: dict[str, Counter[str]] = {}
        totals: Counter[str] = Counter()
        texts = 0
        for v in self.votes:
            if not v.vetoed_by:
                continue
            texts += 1
            members = list(dict.fromkeys(self.counted_member(n) for n in v.vetoed_by))
            for name in members:
                totals[name] += 1
                by_decade.setdefault(v.decade, Counter())[name] += 1
                for topic in v.topics or ("(no topic)",):
                    by_topic.setdefault(topic, Counter())[name] += 1
        ranked = tuple(sorted(totals, key=lambda m: (-totals[m], m)))
        decades = sorted(by_decade)
        return VetoStats(
            members=ranked,
            by_decade={d: {m: by_decade[d][m] for m in ranked} for d in decades},
            by_topic={
                t: {m: c[m] for m in ranked}
                for t, c in sorted(by_topic.items(), key=lambda item: (-sum(item[1].values()), item[0]))
            },
            totals={m: totals[m] for m in ranked},
            vetoed_texts=texts,
            combined=self.combine_successors,
        )

    def to_json(self) -> list[dict[str, Any]]:
        return [v.to_json() for v in self.votes]

    def to_csv(self) -> str:
        """One row per vote: the JSON keys, lists joined with ``;``."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(JSON_KEYS)
        for v in self.votes:
            row = v.to_json()
            row["vetoes"] = [o["text"] for o in row["vetoes"]]
            writer.writerow(
                ";".join(str(x) for x in row[k]) if isinstance(row[k], list) else ("" if row[k] is None else row[k])
                for k in JSON_KEYS
            )
        return buffer.getvalue()

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame`, one row per vote (pandas is optional: ``pip install pandas``)."""
        try:
            import pandas as pd
        except ImportError:
            raise SimulateError("to_pandas() needs pandas, which is not installed (pip install pandas)") from None
        rows = []
        for v in self.votes:
            row = v.to_json()
            row["date"] = v.date
            row["vetoes"] = "; ".join(o["text"] for o in row["vetoes"])
            rows.append(row)
        frame = pd.DataFrame(rows, columns=list(JSON_KEYS))
        frame["date"] = pd.to_datetime(frame["date"])
        return frame
