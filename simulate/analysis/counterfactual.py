"""Counterfactual history: every vote of the record decided again under other rules.

For most votes the record has a tally (11-2-2) and the names of the members
who vetoed, not every member's ballot. Nothing is guessed and no rule is
re-implemented here: for each vote we build **every ballot profile consistent
with the record** and let the rule itself decide them (:meth:`Rule.tally
<simulate.rules.Rule.tally>`, the same call as a replay):

* the council is the one sitting on the day (:func:`simulate.council.council_on`);
* the permanent members are enumerated one by one (yes, no, abstain or absent),
  those named as vetoing voting no;
* the elected members are interchangeable under the rules asked (their seat
  roles, :meth:`VotingRule.seat_roles <simulate.rules.protocol.VotingRule.seat_roles>`), so only how many of
  them cast each ballot matters: the tally minus the permanent members' ballots;
* a profile is kept only if the rule of the day (``charter-1945`` or
  ``charter-1965``) gives it the recorded outcome: adopted, vetoed by exactly the
  members the record names, or not adopted.

If the rule's answer is the same for every consistent profile, that is the
answer; if not, the outcome is ``"undetermined"`` and the reason says which
ballots the record does not give (strict concurrence, for instance, needs to
know whether a permanent member abstained). A rule for an enlarged council
(``g4-2005``, ...) meets seats that did not exist: their ballots are counted over
every yes/no/abstain combination, as ``unsc reform`` does, and the answer is
"passes in k of 3^m".

>>> from simulate.analysis.history import load_history
>>> vetoes = load_history().filter(vetoed_by="Russian Federation", topic="syria", until="2016-12-05")
>>> d = decide_votes(vetoes[-1:], ["two-vetoes", "veto-abolished-9"])
>>> [(x.rule, x.outcome) for x in d]
[('two-vetoes', 'vetoed'), ('veto-abolished-9', 'adopted')]
>>> print(d[0].reason)
Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs
import numpy as np

from ..catalog.registry import RULES, as_rule, default_rule
from ..codes import ABSENT, ABSTAIN, NO, YES
from ..engine.reform import EnlargedOutcome
from ..engine.replay import decide_record
from ..errors import SimulateError
from ..games.lattice import CountLattice
from ..games.symmetry import representative_profiles
from ..model.ballots import Ballot
from ..model.council import Council, council_on
from ..model.members import join_names
from ..model.motion import Matter, Motion
from ..model.records import Draft, VoteRecord
from ..rules.protocol import VotingRule
from ..rules.quota import Rule
from .history import SUCCESSORS, HistoryVote

__all__ = [
    "MAX_PROFILES",
    "OUTCOMES",
    "VERDICTS",
    "Consistent",
    "Decision",
    "Summary",
    "consistent_profiles",
    "council_for_date",
    "decide_votes",
    "estimate",
    "summarize",
]

#: The outcomes of a decision.
OUTCOMES = ("adopted", "vetoed", "not adopted", "undetermined")
#: What became of a recorded veto under a rule.
VERDICTS = ("overcome", "still blocked", "undetermined")

#: Refuse a request that would decide more ballot profiles than this.
MAX_PROFILES = 100_000_000

_CODES = (YES, NO, ABSTAIN, ABSENT)
_WORDS = {YES: "in favour", NO: "against", ABSTAIN: "abstaining", ABSENT: "absent"}


# ---------------------------------------------------------------- councils


@functools.cache
def _council_on(date: datetime.date) -> Council:
    return council_on(date)


@functools.cache
def _year_council(year: int) -> Council | None:
    """The council of ``year`` if the same council sat on its first and last day (else None)."""
    first = max(datetime.date(year, 1, 1), datetime.date(1946, 1, 17))
    a, b = _council_on(first), _council_on(datetime.date(year, 12, 31))
    return a if a.seats == b.seats else None


def council_for_date(date: datetime.date) -> Council:
    """:func:`~simulate.council.council_on`, asked once per year where the council did not change within it.

    A year whose first and last day have the same council is taken to have had it
    all year (the membership data changes a seat within a year only in 1971 and
    1991, where this asks ``council_on`` for the very day).
    """
    if date.year < 1946:
        return council_on(date)
    year = _year_council(date.year)
    return year if year is not None else _council_on(date)


# ---------------------------------------------------------------- consistent profiles


@attrs.frozen
class Consistent:
    """The ballot profiles of the sitting council consistent with what the record says."""

    vote: HistoryVote
    council: Council | None
    motion: Motion | None
    profiles: np.ndarray  # (k, seats) int8; elected seats in canonical order within their groups
    reason: str = ""  # why there are none
    #: the elected seats fall into several groups (a rule tells some apart): which one cast which ballot matters
    split_elected: bool = False

    @property
    def ok(self) -> bool:
        return len(self.profiles) > 0

    @property
    def key(self) -> tuple[Any, ...]:
        """Votes with the same key are decided in one batch (same council, same motion)."""
        assert self.council is not None and self.motion is not None
        return (id(self.council), self.motion.matter, self.motion.flags)  # councils are cached: one object each


def _motion(vote: HistoryVote, council: Council) -> Motion:
    matter = Matter.PROCEDURAL if vote.matter == "procedural" or vote.outcome == "procedural" else Matter.SUBSTANTIVE
    return Motion(council, matter=matter, flags=frozenset(vote.flags))


@functools.cache
def _permanent_choices(p: int) -> tuple[np.ndarray, np.ndarray]:
    """Every yes/no/abstain/absent assignment of ``p`` seats (4**p, p), and its ballot counts (4**p, 4)."""
    choices = np.array(list(itertools.product(_CODES, repeat=p)), dtype=np.int8).reshape(-1, p)
    return choices, np.stack([(choices == code).sum(axis=1) for code in _CODES], axis=1)


@functools.cache
def _splits(counts: tuple[int, ...], sizes: tuple[int, ...]) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """Every way to share ballot ``counts`` (per code) among groups of ``sizes`` seats."""
    if len(sizes) == 1:
        return ((counts,),)
    out: list[tuple[tuple[int, ...], ...]] = []
    first = sizes[0]
    for share in itertools.product(*(range(min(c, first) + 1) for c in counts)):
        if sum(share) != first:
            continue
        rest = tuple(c - s for c, s in zip(counts, share, strict=True))
        out.extend((share, *tail) for tail in _splits(rest, sizes[1:]))
    return tuple(out)


def _empty(vote: HistoryVote, council: Council | None, motion: Motion | None, reason: str) -> Consistent:
    seats = council.size if council is not None else 0
    return Consistent(vote, council, motion, np.zeros((0, seats), dtype=np.int8), reason)


def _classify(rule: VotingRule, profiles: np.ndarray, motion: Motion) -> tuple[np.ndarray, Any]:
    """Per profile: 0 adopted, 1 vetoed, 2 not adopted (the replay's reading of the rule's tally:
    :attr:`Tally.vetoed <simulate.rules.protocol.Tally.vetoed>`), and the tally."""
    t = rule.tally(profiles, motion)
    adopted, vetoed = np.asarray(t.adopted, dtype=bool), np.asarray(t.vetoed, dtype=bool)
    return np.where(adopted, 0, np.where(vetoed, 1, 2)).astype(np.int8), t


_CLASS_NAMES = ("adopted", "vetoed", "not adopted")


def _candidates(vote: HistoryVote, groups: Sequence[Sequence[int]] | None) -> Consistent:
    """The profiles that fit the tally and the named vetoers (before the rule of the day is asked)."""
    try:
        council = council_for_date(vote.date)
    except SimulateError as exc:
        return _empty(vote, None, None, f"the council of the day is not in the data ({exc})")
    motion = _motion(vote, council)
    if not vote.has_tally:
        return _empty(vote, council, motion, "the record gives no tally for this vote")
    size = council.size
    y, n, a = int(vote.yes or 0), int(vote.no or 0), int(vote.abstain or 0)
    x = size - y - n - a if vote.non_voting is None else int(vote.non_voting)
    if min(y, n, a, x) < 0 or y + n + a + x != size:
        return _empty(vote, council, motion, f"the tally {vote.tally} does not fit the council of {size} members")
    permanent = [i for i, s in enumerate(council.seats) if s.permanent]
    elected = [i for i, s in enumerate(council.seats) if not s.permanent]
    names = council.names
    vetoers = []
    for name in vote.vetoed_by:
        if name not in names or not council.seats[names.index(name)].veto:
            return _empty(
                vote,
                council,
                motion,
                f"the record names {name} as vetoing, but it holds no veto on the council of the day",
            )
        vetoers.append(permanent.index(names.index(name)))
    groups = [list(g) for g in (groups or [elected])]
    shape = (tuple(permanent), tuple(tuple(g) for g in groups), size)
    profiles = _profiles_for(shape, (y, n, a, x), tuple(vetoers))
    return Consistent(vote, council, motion, profiles, split_elected=len(groups) > 1)


@functools.lru_cache(maxsize=8192)
def _profiles_for(
    shape: tuple[tuple[int, ...], tuple[tuple[int, ...], ...], int],
    tally: tuple[int, int, int, int],
    vetoers: tuple[int, ...],
) -> np.ndarray:
    """The profiles of a council of this shape (permanent seats, elected groups, size) that give
    this tally with these permanent seats (by position among them) voting no. Read-only."""
    permanent, groups, size = shape
    choices, perm_counts = _permanent_choices(len(permanent))
    counts = np.array(tally)
    keep = (perm_counts <= counts).all(axis=1)
    for col in vetoers:
        keep &= choices[:, col] == NO
    kept = np.flatnonzero(keep)
    if len(groups) == 1:  # the usual case: the elected seats' ballots in code order, by counts
        rest = (counts - perm_counts[kept])[:, None, :]
        profiles = np.empty((len(kept), size), dtype=np.int8)
        profiles[:, list(permanent)] = choices[kept]
        if groups[0]:
            seats = list(groups[0])
            profiles[:, seats] = representative_profiles(rest, [list(range(len(seats)))], len(seats), _CODES)
    else:
        codes = np.array(_CODES, dtype=np.int8)
        sizes = tuple(len(g) for g in groups)
        rows: list[np.ndarray] = []
        for i in kept:
            for split in _splits(tuple(int(v) for v in counts - perm_counts[i]), sizes):
                row = np.empty(size, dtype=np.int8)
                row[list(permanent)] = choices[i]
                for seats_, share in zip(groups, split, strict=True):
                    row[list(seats_)] = np.repeat(codes, share)
                rows.append(row)
        profiles = np.array(rows, dtype=np.int8).reshape(-1, size)
    profiles.flags.writeable = False
    return profiles


def _fit_record(batch: Sequence[Consistent]) -> list[Consistent]:
    """Keep the profiles to which the rule of the day gives the recorded outcome (one batch:
    same council and motion), vetoed by exactly the members the record names."""
    out = list(batch)
    by_rule: dict[str, list[int]] = {}
    for i, c in enumerate(batch):
        if c.ok and c.vote.outcome in _CLASS_NAMES:
            by_rule.setdefault(default_rule(c.vote.date).name, []).append(i)
    for name, members in by_rule.items():
        day = RULES[name]
        motion = batch[members[0]].motion
        assert motion is not None
        stacked = np.concatenate([batch[i].profiles for i in members])
        try:
            classes, t = _classify(day, stacked, motion)
        except SimulateError:  # the rule of the day refuses this council (September-December 1965): tally only
            continue
        blockers = np.asarray(t.blockers, dtype=bool)
        start = 0
        for i in members:
            c = batch[i]
            stop = start + len(c.profiles)
            fits = classes[start:stop] == _CLASS_NAMES.index(c.vote.outcome)
            if c.vote.outcome == "vetoed":
                named = np.zeros(stacked.shape[1], dtype=bool)
                named[[motion.council.index(v) for v in c.vote.vetoed_by]] = True
                fits &= (blockers[start:stop] == named).all(axis=1)
            start = stop
            if fits.all():
                continue
            if not fits.any():
                by = f" by {join_names(c.vote.vetoed_by)}" if c.vote.vetoed_by else ""
                out[i] = _empty(
                    c.vote,
                    c.council,
                    c.motion,
                    f"no ballot profile of the council of the day fits the record (tally {c.vote.tally}, "
                    f"{c.vote.outcome}{by}, under {day.name})",
                )
            else:
                out[i] = attrs.evolve(c, profiles=c.profiles[fits])
    return out


def consistent_profiles(vote: HistoryVote, elected_groups: Sequence[Sequence[int]] | None = None) -> Consistent:
    """Every ballot profile of the council of the day that fits the vote's record.

    ``elected_groups`` partitions the elected seats into groups whose members are
    interchangeable (default: one group); within a group only the counts matter,
    so each count split appears once, ballots in code order.
    """
    return _fit_record([_candidates(vote, elected_groups)])[0]


# ---------------------------------------------------------------- decisions


@attrs.frozen
class Decision:
    """One vote decided again under one rule."""

    vote: HistoryVote
    rule: str
    outcome: str  # one of OUTCOMES
    reason: str
    profiles: int = 0  # ballot profiles consistent with the record
    applicable: bool = True
    vetoed_by: tuple[str, ...] = ()  # members whose veto blocks it under the rule (the same in every profile)
    combinations: int | None = None  # enlarged councils: 3 ** new seats
    adopted_combinations: tuple[int, int] | None = None  # (least, most) over the consistent profiles

    @property
    def symbol(self) -> str:
        return self.vote.symbol

    @property
    def verdict(self) -> str | None:
        """For a recorded veto: overcome, still blocked or undetermined (None for other votes)."""
        if not self.vote.vetoed_by:
            return None
        if self.outcome == "adopted":
            return "overcome"
        if self.outcome in ("vetoed", "not adopted"):
            return "still blocked"
        return "undetermined"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "symbol": self.vote.symbol,
            "date": self.vote.date.isoformat(),
            "rule": self.rule,
            "outcome": self.outcome,
            "reason": self.reason,
            "recorded": self.vote.outcome,
            "recorded_vetoed_by": list(self.vote.vetoed_by),
            "verdict": self.verdict,
            "tally": self.vote.tally,
            "profiles": self.profiles,
            "applicable": self.applicable,
            "vetoed_by": list(self.vetoed_by),
        }
        if self.combinations is not None:
            lo, hi = self.adopted_combinations or (0, 0)
            data["combinations"] = self.combinations
            data["adopted_combinations"] = lo if lo == hi else [lo, hi]
        return data


CSV_KEYS = (
    "symbol",
    "date",
    "rule",
    "outcome",
    "verdict",
    "recorded",
    "recorded_vetoed_by",
    "tally",
    "profiles",
    "combinations",
    "adopted_combinations",
    "applicable",
    "reason",
)


def to_csv(decisions: Iterable[Decision]) -> str:
    """The decisions as CSV (:data:`CSV_KEYS`; lists joined with ``;``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_KEYS)
    for d in decisions:
        row = d.to_json()
        out = []
        for key in CSV_KEYS:
            value = row.get(key)
            if isinstance(value, list):
                value = ";".join(str(v) for v in value)
            out.append("" if value is None else value)
        writer.writerow(out)
    return buffer.getvalue()


def _rule_fits(rule: VotingRule, council: Council, date: datetime.date) -> str:
    """Why ``rule`` cannot decide a vote of ``council`` ("" if it can): the rule refuses a
    council of another size than its own (:meth:`VotingRule.council_for`); an enlargement
    of this council is fine."""
    if not _refuses(rule, council):
        return ""
    seats = getattr(rule, "seats", None)
    size = f"a council of {seats} members" if seats else "another council"
    return f"Not applicable: {rule.name} is a rule for {size}; the Council of {date.isoformat()} had {council.size}"


_REFUSES: dict[tuple[int, int], tuple[VotingRule, Council, bool]] = {}


def _refuses(rule: VotingRule, council: Council) -> bool:
    """Whether ``rule.council_for(council)`` refuses (asked once per rule and council object)."""
    key = (id(rule), id(council))
    known = _REFUSES.get(key)
    if known is None or known[0] is not rule or known[1] is not council:
        try:
            refused = False
            if isinstance(rule, Rule) and rule.enlarged:
                _enlarged(rule, council)
            else:
                rule.council_for(council)
        except SimulateError:
            refused = True
        known = _REFUSES[key] = (rule, council, refused)
    return known[2]


def _elected_groups(
    rules: Sequence[VotingRule], council: Council, motion: Motion, date: datetime.date
) -> list[list[int]]:
    """The elected seats split into groups that every rule treats alike (its seat roles; a rule
    that tells the elected seats apart splits them, down to one seat a group)."""
    elected = [i for i, s in enumerate(council.seats) if not s.permanent]
    keys: dict[int, tuple[int, ...]] = {i: () for i in elected}
    for rule in rules:
        if _rule_fits(rule, council, date) or (isinstance(rule, Rule) and rule.enlarged):
            continue
        where = {seat: c for c, seats in enumerate(rule.seat_roles(motion)) for seat in seats}
        for i in elected:
            keys[i] = (*keys[i], where[i])
    groups: dict[tuple[int, ...], list[int]] = {}
    for i in elected:
        groups.setdefault(keys[i], []).append(i)
    return list(groups.values())


@functools.cache
def _compositions(sizes: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ballots of new seats by groups, one row per point of the count lattice of the groups
    (:class:`~simulate.games.lattice.CountLattice`): the ballots (c, seats in group order),
    the multinomial weights (c,) and the yes among them (c,)."""
    lattice = CountLattice(sizes)
    starts = itertools.accumulate(sizes, initial=0)
    columns = [list(range(start, start + m)) for start, m in zip(starts, sizes, strict=False)]
    ballots = lattice.profiles(columns, sum(sizes))
    return ballots, lattice.multiplicities().reshape(-1).astype(np.int64), lattice.totals(YES).reshape(-1)


def _new_seat_groups(
    rule: Rule, council: Council, motion: Motion
) -> tuple[Council, Motion, list[int], list[list[int]]]:
    """The rule's enlarged council, its motion, the columns of the sitting seats and the new seats by class."""
    big = _enlarged(rule, council)
    sat = {name: i for i, name in enumerate(council.names)}
    columns = [sat.get(name, -1) for name in big.names]
    bmotion = Motion(big, matter=motion.matter, flags=motion.flags)
    new = {j for j, col in enumerate(columns) if col < 0}
    groups = [[s for s in cls if s in new] for cls in rule.seat_roles(bmotion)]
    return big, bmotion, columns, [g for g in groups if g]


def estimate(consistent: Sequence[Consistent], rules: Sequence[VotingRule]) -> int:
    """How many ballot profiles deciding these votes under these rules takes (at most)."""
    batches: dict[tuple[Any, ...], int] = {}
    councils: dict[tuple[Any, ...], Consistent] = {}
    for c in consistent:
        if c.ok:
            batches[c.key] = batches.get(c.key, 0) + len(c.profiles)
            councils.setdefault(c.key, c)
    total = 0
    for key, rows in batches.items():
        c = councils[key]
        assert c.council is not None and c.motion is not None
        for rule in rules:
            if isinstance(rule, Rule) and rule.enlarged and c.council.size < (rule.seats or 0):
                groups = _new_seat_groups(rule, c.council, c.motion)[3]
                total += rows * math.prod(math.comb(len(g) + 2, 2) for g in groups)
            else:
                total += rows
    return total


def decide_votes(
    votes: Iterable[HistoryVote], rules: Sequence[VotingRule | str], *, reasons: bool = True
) -> list[Decision]:
    """Every vote decided again under every rule (in vote order, then rule order).

    Votes without a tally, or whose tally fits no profile, are undetermined under
    every rule, with the reason. ``reasons=False`` skips the outcome sentences
    (faster, for statistics). A request that would decide more than
    :data:`MAX_PROFILES` profiles is refused.
    """
    votes = list(votes)
    resolved = [as_rule(r) for r in rules]
    if not resolved:
        raise SimulateError("give at least one rule")
    groups_cache: dict[tuple[Any, ...], list[list[int]]] = {}
    candidates: list[Consistent] = []
    for vote in votes:
        try:
            council = council_for_date(vote.date)
        except SimulateError:
            candidates.append(_candidates(vote, None))
            continue
        motion = _motion(vote, council)
        key = (id(council), motion.matter, motion.flags, default_rule(vote.date).name)
        if key not in groups_cache:
            groups_cache[key] = _elected_groups(resolved, council, motion, vote.date)
        candidates.append(_candidates(vote, groups_cache[key]))
    batches: dict[tuple[Any, ...], list[int]] = {}
    for i, c in enumerate(candidates):
        if c.ok:
            batches.setdefault(c.key, []).append(i)
    consistent = list(candidates)
    for members in batches.values():
        for i, c in zip(members, _fit_record([candidates[i] for i in members]), strict=True):
            consistent[i] = c
    work = estimate(consistent, resolved)
    if work > MAX_PROFILES:
        raise SimulateError(
            f"this would decide about {work:,} ballot profiles (more than {MAX_PROFILES:,}): "
            "ask for fewer votes (--since/--until, --topic, --vetoed-by) or fewer rules"
        )
    results: dict[tuple[int, int], Decision] = {}
    for r, rule in enumerate(resolved):
        # votes whose councils the rule sees alike (same seat roles, vetoes and obligations) are one batch
        same: dict[tuple[Any, ...], list[int]] = {}
        for members in batches.values():
            head = consistent[members[0]]
            assert head.council is not None and head.motion is not None
            council, motion = head.council, head.motion
            ok = [i for i in members if consistent[i].ok]
            if not _refuses(rule, council):
                same.setdefault(_signature(rule, council, motion), []).extend(ok)
                continue
            for i in ok:
                c = consistent[i]
                why = _sentence(_rule_fits(rule, council, c.vote.date))
                results[i, r] = Decision(c.vote, rule.name, "undetermined", why, len(c.profiles), applicable=False)
        for members in same.values():
            first = consistent[members[0]]
            assert first.council is not None and first.motion is not None
            stacked = np.concatenate([consistent[i].profiles for i in members])
            owner = np.repeat(np.arange(len(members)), [len(consistent[i].profiles) for i in members])
            batch = _Batch(stacked, owner, members, consistent, reasons)
            if isinstance(rule, Rule) and rule.enlarged:
                decided = _decide_enlarged(rule, first.council, first.motion, batch)
            else:
                decided = _decide_plain(rule, first.motion, batch)
            results.update(((i, r), d) for i, d in decided.items())
    out = []
    for i, c in enumerate(consistent):
        for r, rule in enumerate(resolved):
            if (i, r) in results:
                out.append(results[i, r])
            elif c.council is not None and (why := _rule_fits(rule, c.council, c.vote.date)):
                out.append(Decision(c.vote, rule.name, "undetermined", _sentence(why), 0, applicable=False))
            else:
                out.append(Decision(c.vote, rule.name, "undetermined", _sentence(c.reason), 0))
    return out


_ENLARGED: dict[tuple[int, int], tuple[Rule, Council, Council]] = {}


def _enlarged(rule: Rule, council: Council) -> Council:
    """``rule.council_for(council)``, once per rule and council object."""
    key = (id(rule), id(council))
    if key not in _ENLARGED or _ENLARGED[key][0] is not rule or _ENLARGED[key][1] is not council:
        _ENLARGED[key] = (rule, council, rule.council_for(council))
    return _ENLARGED[key][2]


def _signature(rule: VotingRule, council: Council, motion: Motion) -> tuple[Any, ...]:
    """What a rule's decision on a profile depends on besides the ballots.

    A Charter-style :class:`~simulate.rules.Rule` decides from the affirmative votes
    and the blocking ballots of the seats whose veto counts, after obligatory
    abstentions: so two councils with the same seat kinds in the same order, the
    same seats holding a veto that counts and the same seats obliged to abstain,
    on a motion of the same matter, are decided alike. A function rule gets no
    such grouping (only the same council and motion).
    """
    if not isinstance(rule, Rule):
        return ("council", council.seats, motion.matter, motion.flags)
    sitting = tuple(s.kind for s in council.seats)
    if rule.enlarged and council.size < (rule.seats or 0):
        council = _enlarged(rule, council)
        motion = attrs.evolve(motion, council=council)
    return (
        "roles",
        sitting,
        tuple(s.kind for s in council.seats),
        rule.veto_mask(motion).tobytes(),
        rule.obliged_to_abstain(motion).tobytes(),
        rule.required(motion),
    )


class _Batch(NamedTuple):
    """Votes decided together (their councils are alike to the rule): every consistent profile of
    each, stacked, with the index of its vote; ``reasons=False`` skips the outcome sentences."""

    stacked: np.ndarray  # (profiles, seats)
    owner: np.ndarray  # the batch position of each profile's vote
    members: list[int]  # the index of each vote of the batch in ``consistent``
    consistent: list[Consistent]
    reasons: bool


def _sentence(text: str) -> str:
    text = text.strip()
    return (
        text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
        if text[:1].islower() and " " in text[:6]
        else (text + ("" if text.endswith(".") else "."))
    )


def _decide_plain(rule: VotingRule, motion: Motion, batch: _Batch) -> dict[int, Decision]:
    """Each vote of the batch decided on every profile consistent with its tally: one outcome where
    all agree, else undetermined with the reason."""
    stacked, owner, members, consistent, reasons = batch
    results: dict[int, Decision] = {}
    classes, t = _classify(rule, stacked, motion)
    blockers = np.asarray(t.blockers, dtype=bool)
    votes, starts, ends = _segments(owner)
    least, most = np.minimum.reduceat(classes, starts), np.maximum.reduceat(classes, starts)
    segment = np.repeat(np.arange(len(starts)), ends - starts)
    differs = (blockers != blockers[starts][segment]).any(axis=1)
    same_blockers = ~np.logical_or.reduceat(differs, starts)
    for k, j in enumerate(votes):
        i = members[int(j)]
        c = consistent[i]
        mine = np.arange(starts[k], ends[k])
        if least[k] != most[k]:
            results[i] = Decision(
                c.vote, rule.name, "undetermined", _undetermined(rule, c, classes[mine]), len(c.profiles)
            )
            continue
        outcome = _CLASS_NAMES[int(least[k])]
        vetoed_by = (
            tuple(c.council.names[s] for s in np.flatnonzero(blockers[starts[k]]))  # type: ignore[union-attr]
            if outcome == "vetoed" and same_blockers[k]
            else ()
        )
        reason = _reasons(rule, c, stacked[mine], t, mine, outcome) if reasons else ""
        results[i] = Decision(c.vote, rule.name, outcome, reason, len(c.profiles), vetoed_by=vetoed_by)
    return results


def _unique_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(rows, axis=0, return_inverse=True)``, fast for ballot codes (0-3) on up to 31 seats."""
    if rows.shape[1] > 31:
        unique, inverse = np.unique(rows, axis=0, return_inverse=True)
        return unique, inverse.reshape(-1)
    codes = rows.astype(np.int64) @ (4 ** np.arange(rows.shape[1], dtype=np.int64))
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    return rows[first], inverse.reshape(-1)


def _segments(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The runs of equal values of a non-decreasing array: values, starts, ends."""
    values, starts = np.unique(owner, return_index=True)
    ends = np.append(starts[1:], len(owner))
    return values, starts, ends


def _unknown_permanent(c: Consistent) -> list[str]:
    """The permanent members whose ballot differs between profiles that fit the record."""
    council = c.council
    assert council is not None
    return [
        council.names[i] for i, s in enumerate(council.seats) if s.permanent and len(np.unique(c.profiles[:, i])) > 1
    ]


def _undetermined(rule: VotingRule, c: Consistent, classes: np.ndarray) -> str:
    """Which ballots the record does not give, and how the outcome splits over them."""
    counts = Counter(_CLASS_NAMES[int(k)] for k in classes)
    split = ", ".join(f"{outcome} in {counts[outcome]}" for outcome in _CLASS_NAMES if counts[outcome])
    unknown = _unknown_permanent(c)
    parts = [f"how {join_names(unknown)} voted"] if unknown else []
    if c.split_elected or not unknown:
        parts.append("which elected member cast which ballot")
    which = " nor ".join(parts)
    return (
        f"Undetermined under {rule.name}: the record ({c.vote.tally}) does not say {which}; of the "
        f"{len(c.profiles)} ballot profiles that fit it, {split}."
    )


def _reasons(rule: VotingRule, c: Consistent, profiles: np.ndarray, t: Any, rows: np.ndarray, outcome: str) -> str:
    """The replay's reason (:attr:`Outcome.reason`) for the profiles that fit the record: asked of
    :func:`~simulate.replay.decide_record` once per distinct reading of the rule's tally."""
    effective = np.asarray(t.effective)[rows]
    blockers = np.asarray(t.blockers)[rows]
    council = c.council
    assert council is not None
    # what the replay's sentence depends on: the blocking seats and their ballots, and for an
    # adopted draft the permanent members voting no (the votes in favour are the tally's)
    parts = [blockers, np.where(blockers, effective, -1)]
    if outcome == "adopted":
        parts.append((effective == NO) & council.permanent_mask)
    keys = np.unique(np.concatenate(parts, axis=1).astype(np.int16), axis=0)
    text = _replay_reason(rule, c.vote, council, profiles[0].tobytes(), _motion_key(c.motion))
    if len(keys) == 1:
        return text
    unknown = _unknown_permanent(c)
    return (
        f"{outcome.capitalize()} in every ballot profile that fits the record ({c.vote.tally}), whatever "
        f"{join_names(unknown) if unknown else 'the members'} did; for example: {text}"
    )


def _motion_key(motion: Motion | None) -> tuple[Any, ...]:
    assert motion is not None
    return (motion.matter, motion.flags)


_REASONS: dict[tuple[Any, ...], str] = {}


def _replay_reason(
    rule: VotingRule, vote: HistoryVote, council: Council, profile: bytes, motion_key: tuple[Any, ...]
) -> str:
    """:func:`simulate.replay.decide_record` on one profile: its ``reason``."""
    key = (id(rule), rule.name, council.seats, profile, motion_key)
    if key not in _REASONS:
        matter, flags = motion_key
        draft = Draft(symbol=vote.symbol, date=vote.date, matter=matter, flags=flags, meeting=vote.meeting)
        ballots = [Ballot(int(b)) for b in np.frombuffer(profile, dtype=np.int8)]
        _REASONS[key] = decide_record(VoteRecord(draft, council, ballots), rule).reason
    return _REASONS[key]


#: Decide at most this many profiles of an enlarged council at once (memory).
_CHUNK = 400_000


def _decide_enlarged(rule: Rule, council: Council, motion: Motion, batch: _Batch) -> dict[int, Decision]:
    """For each consistent profile, count the combinations of the new seats' ballots under which the
    draft passes (every yes/no/abstain combination, by seat class with multinomial weights, each
    class-count vector decided by the rule)."""
    stacked, owner, members, consistent, reasons = batch
    results: dict[int, Decision] = {}
    big, bmotion, columns, groups = _new_seat_groups(rule, council, motion)
    new = [s for g in groups for s in g]
    block, weights, new_yes = _compositions(tuple(len(g) for g in groups))
    # the rule treats the seats of a class alike: sort the sitting seats' ballots within each class
    canon = stacked.copy()
    for cls in rule.seat_roles(bmotion):
        sitting = [columns[s] for s in cls if columns[s] >= 0]
        if len(sitting) > 1:
            canon[:, sitting] = np.sort(canon[:, sitting], axis=1)
    unique, inverse = _unique_rows(canon)
    known = [j for j in range(big.size) if columns[j] >= 0]
    sitting_cols = [columns[j] for j in known]
    base = np.full((len(unique), big.size), ABSENT, dtype=np.int8)
    base[:, known] = unique[:, sitting_cols]
    combos = len(block)
    adopted_by_yes = np.zeros((len(unique), len(new) + 1), dtype=np.int64)
    blocked_all = np.ones(len(unique), dtype=bool)
    one_hot = np.zeros((combos, len(new) + 1), dtype=np.int64)
    one_hot[np.arange(combos), new_yes] = weights
    weighted = one_hot.astype(np.float64)  # exact: every count is far below 2**53
    step = max(1, _CHUNK // combos)

    def profiles(rows: np.ndarray) -> np.ndarray:
        full = np.repeat(base[rows], combos, axis=0)
        full[:, new] = np.tile(block, (len(rows), 1))
        return full

    for lo in range(0, len(unique), step):
        rows = np.arange(lo, min(lo + step, len(unique)))
        adopted = rule.decide(profiles(rows), bmotion).reshape(len(rows), combos)
        adopted_by_yes[rows] = np.rint(adopted.astype(np.float64) @ weighted).astype(np.int64)
    # where no combination passes: is it blocked in every one (vetoed whatever the new seats do)?
    failing = np.flatnonzero(adopted_by_yes.sum(axis=1) == 0)
    for lo in range(0, len(failing), step):
        rows = failing[lo : lo + step]
        t = rule.tally(profiles(rows), bmotion)
        blocks = np.asarray(t.blockers, dtype=bool).sum(axis=1).reshape(len(rows), combos)
        blocked_all[rows] = (blocks >= rule.vetoes_to_block).all(axis=1)
    blocked_all[adopted_by_yes.sum(axis=1) > 0] = False
    adopted_total = adopted_by_yes.sum(axis=1)
    total = 3 ** len(new)
    by_yes_total = one_hot.sum(axis=0)
    decided: list[tuple[int, str, int, int, np.ndarray]] = []
    votes, starts, ends = _segments(owner)
    passes = adopted_total[inverse]
    least, most = np.minimum.reduceat(passes, starts), np.maximum.reduceat(passes, starts)
    always = np.minimum.reduceat(blocked_all[inverse].astype(np.int8), starts).astype(bool)
    for k, j in enumerate(votes):
        lo_, hi_ = int(least[k]), int(most[k])
        if lo_ == hi_ == total:
            outcome = "adopted"
        elif lo_ == hi_ == 0:
            outcome = "vetoed" if always[k] else "not adopted"
        else:
            outcome = "undetermined"
        decided.append((int(j), outcome, lo_, hi_, np.arange(starts[k], ends[k])))
    # who blocks, where it is blocked whatever the new seats do: the rule's blockers with the new seats voting yes
    vetoed = [(j, rows) for j, outcome, _, _, rows in decided if outcome == "vetoed"]
    names: dict[int, tuple[str, ...]] = {}
    if vetoed:
        firsts = stacked[[rows[0] for _, rows in vetoed]]
        full = np.full((len(firsts), big.size), YES, dtype=np.int8)
        full[:, known] = firsts[:, sitting_cols]
        blockers = np.asarray(rule.tally(full, bmotion).blockers, dtype=bool)
        for (j, rows), mask in zip(vetoed, blockers, strict=True):
            cols = [columns[s] for s in np.flatnonzero(mask)]
            same = bool((stacked[rows][:, cols] == stacked[rows[0]][cols]).all())
            own = consistent[members[j]].council
            assert own is not None
            names[j] = (
                tuple(own.names[columns[s]] for s in np.flatnonzero(mask))
                if same and all(columns[s] >= 0 for s in np.flatnonzero(mask))
                else ()
            )
    for j, outcome, lo_, hi_, mine in decided:
        i = members[j]
        c = consistent[i]
        vetoed_by = names.get(j, ())
        note = ""
        if outcome == "vetoed":
            note = (
                f"vetoed by {join_names(vetoed_by)} whatever the new seats do"
                if vetoed_by
                else "vetoed whatever the new seats do"
            )
        if lo_ != hi_:
            unknown = _unknown_permanent(c)
            which = f"how {join_names(unknown)} voted" if unknown else "who cast which ballot"
            reason = (
                f"Undetermined under {rule.name}: the record ({c.vote.tally}) does not say {which}; depending on that, "
                f"it passes in {lo_:,} to {hi_:,} of the {total:,} combinations of the {len(new)} new seats' ballots."
            )
        elif reasons:
            first = inverse[mine[0]]
            by_yes = tuple((y, int(by_yes_total[y]), int(adopted_by_yes[first, y])) for y in range(len(new) + 1))
            reason = _headline(rule, c, big, new, total, lo_, by_yes, note)
        else:
            reason = ""
        results[i] = Decision(
            c.vote,
            rule.name,
            outcome,
            reason,
            len(c.profiles),
            vetoed_by=vetoed_by,
            combinations=total,
            adopted_combinations=(lo_, hi_),
        )
    return results


def _headline(
    rule: Rule,
    c: Consistent,
    big: Council,
    new: list[int],
    total: int,
    adopted: int,
    by_yes: tuple[tuple[int, int, int], ...],
    note: str,
) -> str:
    """The sentence of ``unsc reform`` (:meth:`EnlargedOutcome.headline`) for these counts."""
    assert c.council is not None
    draft = Draft(symbol=c.vote.symbol, date=c.vote.date)
    record = VoteRecord(draft, c.council, [Ballot(int(b)) for b in c.profiles[0]])
    names = tuple(big.names[j] for j in sorted(new))
    result = EnlargedOutcome(
        record=record,
        rule=rule,
        council=big,
        known={},
        unknown=names,
        new_seats=names,
        combinations=total,
        adopted=adopted,
        by_yes=by_yes,
        note=note,
    )
    return result.headline()


# ---------------------------------------------------------------- summaries


@attrs.frozen
class Summary:
    """Per rule, what became of the recorded vetoes: overcome, still blocked or undetermined, by
    decade and by member; vetoes cast on a council the rule is not for are counted apart
    (``not_applicable``: e.g. a 15-seat rule and the 11-seat Council before 1966)."""

    rules: tuple[str, ...]
    totals: dict[str, dict[str, int]]
    by_decade: dict[str, dict[int, dict[str, int]]]
    by_member: dict[str, dict[str, dict[str, int]]]
    not_applicable: dict[str, int]
    vetoes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "vetoes": self.vetoes,
            "rules": {
                rule: {
                    **self.totals[rule],
                    "not_applicable": self.not_applicable[rule],
                    "by_decade": {f"{d}s": v for d, v in self.by_decade[rule].items()},
                    "by_member": self.by_member[rule],
                }
                for rule in self.rules
            },
        }

    def headline(self, rule: str) -> str:
        t = self.totals[rule]
        text = (
            f"{rule}: {t['overcome']} of {self.vetoes} vetoes overcome, {t['still blocked']} still blocked, "
            f"{t['undetermined']} undetermined"
        )
        if self.not_applicable[rule]:
            text += f", {self.not_applicable[rule]} cast on a council the rule is not for"
        return text


def summarize(decisions: Iterable[Decision], combine_successors: bool = False) -> Summary:
    """Count the verdicts on recorded vetoes per rule, by decade and by vetoing member."""
    rules: list[str] = []
    totals: dict[str, Counter[str]] = {}
    by_decade: dict[str, dict[int, Counter[str]]] = {}
    by_member: dict[str, dict[str, Counter[str]]] = {}
    not_applicable: Counter[str] = Counter()
    vetoes: set[tuple[str, datetime.date]] = set()
    for d in decisions:
        if d.rule not in totals:
            rules.append(d.rule)
            totals[d.rule] = Counter({v: 0 for v in VERDICTS})
            by_decade[d.rule] = {}
            by_member[d.rule] = {}
        verdict = d.verdict
        if verdict is None:
            continue
        vetoes.add((d.vote.symbol, d.vote.date))
        if not d.applicable:
            not_applicable[d.rule] += 1
            continue
        totals[d.rule][verdict] += 1
        by_decade[d.rule].setdefault(d.vote.decade, Counter({v: 0 for v in VERDICTS}))[verdict] += 1
        for name in dict.fromkeys(SUCCESSORS.get(n, n) if combine_successors else n for n in d.vote.vetoed_by):
            by_member[d.rule].setdefault(name, Counter({v: 0 for v in VERDICTS}))[verdict] += 1
    return Summary(
        rules=tuple(rules),
        totals={r: dict(totals[r]) for r in rules},
        by_decade={r: {k: dict(v) for k, v in sorted(by_decade[r].items())} for r in rules},
        by_member={r: {k: dict(v) for k, v in sorted(by_member[r].items())} for r in rules},
        not_applicable={r: not_applicable[r] for r in rules},
        vetoes=len(vetoes),
    )


def builtin_rules() -> list[str]:
    """Every built-in rule's name, in the registry's order."""
    return list(RULES)
