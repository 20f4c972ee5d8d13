"""Hypothesis strategies for property tests of voting rules: yours and ours.

Like :mod:`hypothesis.extra.numpy`, each function checks its arguments at once
(raising :class:`hypothesis.errors.InvalidArgument`) and returns a strategy:

=========================  ===========================================================
:func:`ballots`            :class:`~simulate.model.ballots.Ballot` values
:func:`members`            states of the registry (:class:`~simulate.model.members.Member`)
:func:`seat_classes`       :class:`~simulate.rules.SeatClasses`: any size, any mix
:func:`councils`           :class:`~simulate.model.council.Council` of real states (or placeholders)
:func:`ballot_profiles`    ``int8`` arrays of shape ``(profiles, seats)``, codes 0-3
:func:`motions`            :class:`~simulate.rules.Motion` for a council
:func:`drafts`             :class:`~simulate.model.records.Draft`
:func:`vote_records`       :class:`~simulate.model.records.VoteRecord`
:func:`rules`              :class:`~simulate.rules.Rule`: quotas, vetoes, restraint, ...
:func:`rule_cases`         ``(rule, motion, profiles)`` that fit together
=========================  ===========================================================

A property test of your own, for instance that under every Charter-style rule
a draft that passes keeps passing when one more member votes yes:

>>> import numpy as np
>>> from hypothesis import given, settings
>>> from simulate import strategies as us
>>> @settings(max_examples=25, deadline=None)
... @given(us.rule_cases())
... def test_one_more_yes_never_hurts(case):
...     rule, motion, profiles = case
...     before = rule.decide(profiles, motion)
...     for seat in range(motion.council.size):
...         raised = profiles.copy()
...         raised[:, seat] = 0  # YES
...         assert not np.any(before & ~rule.decide(raised, motion))
>>> test_one_more_yes_never_hurts()
"""

from __future__ import annotations

import datetime
import functools
import string
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .errors import TESTING_EXTRA

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
    from hypothesis.extra import numpy as hnp
except ModuleNotFoundError as exc:  # hypothesis is an extra, not a dependency
    if exc.name is None or exc.name.partition(".")[0] != "hypothesis":
        raise
    raise ModuleNotFoundError(
        f"simulate.strategies needs hypothesis, which is not installed: {TESTING_EXTRA}", name=exc.name
    ) from exc

from .model.ballots import Ballot
from .model.council import Council
from .model.members import Member, all_members
from .model.motion import Matter, Motion
from .model.records import Draft, VoteRecord
from .rules.quota import STATUSES, Rule, VetoRestraint
from .rules.seats import SeatClasses, placeholder_member

__all__ = [
    "ALL_BALLOTS",
    "TERNARY",
    "ballot_profiles",
    "ballots",
    "councils",
    "drafts",
    "members",
    "motions",
    "rule_cases",
    "rules",
    "seat_classes",
    "vote_records",
]

#: yes, no, abstain: the alphabet of exhaustive analysis.
TERNARY = (Ballot.YES, Ballot.NO, Ballot.ABSTAIN)
#: every ballot, absence included.
ALL_BALLOTS = tuple(Ballot)

_MAX_SEATS = 60


def _strategy(
    value: object, kind: type, what: str, name: str, default: Callable[[], st.SearchStrategy[Any]]
) -> st.SearchStrategy[Any]:
    """``value`` as a strategy: ``default()`` when None, ``st.just`` for a ``kind``."""
    if value is None:
        return default()
    if isinstance(value, kind):
        return st.just(value)
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be {what} or a strategy")
    return value


def _check_int(value: object, name: str, low: int = 0, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InvalidArgument(f"{name}={value!r} must be a whole number")
    if value < low or (high is not None and value > high):
        raise InvalidArgument(f"{name}={value!r} must be between {low} and {high}")


def _alphabet(ballots_: str | Sequence[Ballot | int | str]) -> tuple[Ballot, ...]:
    if ballots_ == "ternary":
        return TERNARY
    if ballots_ == "all":
        return ALL_BALLOTS
    try:
        out = tuple(Ballot(int(b)) if not isinstance(b, str) else Ballot[b.upper()] for b in ballots_)
    except (TypeError, ValueError, KeyError):
        raise InvalidArgument(f"ballots={ballots_!r}: use 'ternary', 'all' or a sequence of Ballot") from None
    if not out:
        raise InvalidArgument("ballots must not be empty")
    return out


def ballots(*, absent: bool = True) -> st.SearchStrategy[Ballot]:
    """A :class:`Ballot`; ``absent=False`` draws only yes, no and abstain.

    Shrinks towards ``Ballot.YES``.
    """
    return st.sampled_from(ALL_BALLOTS if absent else TERNARY)


def members() -> st.SearchStrategy[Member]:
    """A state of the registry (``simulate/data/states.csv``)."""
    return st.sampled_from(all_members())


# The strategies' bodies are module-level composites: hypothesis reads a composite's source
# when it is defined, so one defined inside each call would cost that on every call (and
# rules(council=c) is called once per example by rule_cases). Likewise the strategies they draw
# from are built once (module constants, or cached by their arguments): a strategy built afresh
# for every draw is validated afresh by hypothesis, about a third of drawing a rule case.


_MATTERS = st.sampled_from(list(Matter))
_FLAG_SETS = st.frozensets(st.just("mass-atrocity"))


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _maybe_integers(low: int, high: int) -> st.SearchStrategy[int | None]:
    return st.none() | st.integers(low, high)


@functools.cache
def _seated(n: int) -> st.SearchStrategy[list[Member]]:
    """``n`` distinct states of the registry."""
    return st.lists(st.sampled_from(all_members()), min_size=n, max_size=n, unique_by=_name)


@functools.cache
def _some_of(members: tuple[Member, ...]) -> st.SearchStrategy[list[Member]]:
    return st.lists(st.sampled_from(members), unique=True)


@st.composite
def _draw_classes(draw: st.DrawFn, fixed: tuple[tuple[str, int], ...], min_seats: int, max_seats: int) -> SeatClasses:
    counts: dict[str, Any] = dict(fixed)
    free = [k for k in ("veto", "permanent", "elected") if k not in counts]
    if not free:
        total = sum(counts.values())
        if not min_seats <= total <= max_seats:
            raise InvalidArgument(f"the fixed classes add up to {total} seats, outside [{min_seats}, {max_seats}]")
        return SeatClasses(**counts)
    total = draw(_integers(max(min_seats, sum(counts.values())), max_seats))
    left = total - sum(counts.values())
    for k in free[:-1]:
        counts[k] = draw(_integers(0, left))
        left -= counts[k]
    counts[free[-1]] = left
    return SeatClasses(**counts)


def seat_classes(
    *,
    min_seats: int = 1,
    max_seats: int = 27,
    veto: int | None = None,
    permanent: int | None = None,
    elected: int | None = None,
) -> st.SearchStrategy[SeatClasses]:
    """Seat classes with ``min_seats`` to ``max_seats`` seats in all; a class
    given as a number is fixed, the others are drawn.

    >>> from hypothesis import find
    >>> find(seat_classes(min_seats=15, max_seats=15, veto=5), lambda c: c.permanent == 0).describe()
    '5 with a veto, 10 elected'
    """
    _check_int(min_seats, "min_seats", 1, _MAX_SEATS)
    _check_int(max_seats, "max_seats", min_seats, _MAX_SEATS)
    fixed = {k: v for k, v in (("veto", veto), ("permanent", permanent), ("elected", elected)) if v is not None}
    for k, v in fixed.items():
        _check_int(v, k, 0, max_seats)
    if sum(fixed.values()) > max_seats:
        raise InvalidArgument(f"the fixed classes {fixed} already exceed max_seats={max_seats}")
    return _draw_classes(tuple(fixed.items()), min_seats, max_seats)


@st.composite
def _draw_council(draw: st.DrawFn, classes: st.SearchStrategy[SeatClasses], real_states: bool) -> Council:
    shape = draw(classes)
    n = shape.total
    if real_states:
        states = all_members()
        if n > len(states):
            raise InvalidArgument(f"{n} seats but only {len(states)} states in the registry")
        seated = draw(_seated(n))
    else:
        seated = [
            placeholder_member(f"{k.title()} seat {i + 1}", k, i) for k, c in shape.kinds.items() for i in range(c)
        ]
    veto = seated[: shape.veto]
    permanent = seated[: shape.veto + shape.permanent]
    elected = seated[shape.veto + shape.permanent :]
    return Council.from_names(permanent, elected, veto=veto, source="hypothesis")


def _name(member: Member) -> str:
    return member.name


def councils(
    *,
    classes: SeatClasses | st.SearchStrategy[SeatClasses] | None = None,
    min_seats: int = 1,
    max_seats: int = 27,
    real_states: bool = True,
) -> st.SearchStrategy[Council]:
    """A council: veto holders first, then other permanent seats, then elected.

    Seats are held by distinct states of the registry, or, with
    ``real_states=False``, by placeholders ("Veto seat 1", ...). ``classes``
    fixes the shape (a :class:`SeatClasses` or a strategy for one).
    """
    classes = _strategy(
        classes, SeatClasses, "SeatClasses", "classes", lambda: seat_classes(min_seats=min_seats, max_seats=max_seats)
    )
    return _draw_council(classes, real_states)


def ballot_profiles(
    seats: int | Council | st.SearchStrategy[int],
    *,
    profiles: int | st.SearchStrategy[int] | None = None,
    ballots: str | Sequence[Ballot] = "all",
) -> st.SearchStrategy[np.ndarray]:
    """Ballot profiles: an ``int8`` array of shape ``(profiles, seats)``.

    ``seats`` is a number, a council (its size) or a strategy for a number;
    ``profiles`` likewise (default: 1 to 20 rows). ``ballots`` is
    ``"ternary"`` (yes, no, abstain), ``"all"`` (with absent) or a sequence of
    ballots. Built on :func:`hypothesis.extra.numpy.arrays`.

    >>> from hypothesis import find
    >>> find(ballot_profiles(15, profiles=2, ballots="ternary"), lambda p: True)
    array([[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], dtype=int8)
    """
    alphabet = [int(b) for b in _alphabet(ballots)]
    if isinstance(seats, Council):
        seats = seats.size
    if not isinstance(seats, st.SearchStrategy):
        _check_int(seats, "seats", 1, 10_000)
        seats = st.just(int(seats))
    if profiles is None:
        profiles = st.integers(1, 20)
    elif not isinstance(profiles, st.SearchStrategy):
        _check_int(profiles, "profiles", 0, 1_000_000)
        profiles = st.just(int(profiles))
    codes = tuple(alphabet)
    return st.tuples(profiles, seats).flatmap(lambda shape: _int8_arrays(shape, codes))


@functools.lru_cache(maxsize=4096)
def _int8_arrays(shape: tuple[int, int], codes: tuple[int, ...]) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.int8, shape, elements=_sampled(codes))


@functools.cache
def _sampled(codes: tuple[int, ...]) -> st.SearchStrategy[int]:
    return st.sampled_from(codes)


def motions(
    council: Council,
    *,
    matter: Matter | str | None = None,
    flags: Sequence[str] | st.SearchStrategy[frozenset[str]] | None = None,
) -> st.SearchStrategy[Motion]:
    """A motion on ``council``: the matter (drawn unless given) and draft flags
    (drawn from ``{"mass-atrocity"}`` unless given)."""
    if not isinstance(council, Council):
        raise InvalidArgument(f"council={council!r} must be a Council")
    if matter is not None:
        matter = Matter(matter)
    if flags is None:
        return _motions_on(council, matter)  # rule_cases calls this once per example
    matters = _MATTERS if matter is None else st.just(matter)
    flag_sets = flags if isinstance(flags, st.SearchStrategy) else st.just(frozenset(flags))
    return st.builds(Motion, st.just(council), matter=matters, flags=flag_sets)


def _motions_on(council: Council, matter: Matter | None) -> st.SearchStrategy[Motion]:
    """``motions(council)``, built once per council: rule_cases draws a council per example,
    and hypothesis draws equal councils again and again. Councils are matched on every field,
    also those their equality leaves out (a member's dates of UN membership), so that the
    motion's council is the one given in all but identity."""
    dates = tuple((m.un_member_from, m.un_member_to) for m in council.members)
    return _motions_cached(council, dates, matter)


@functools.lru_cache(maxsize=4096)
def _motions_cached(
    council: Council, dates: tuple[tuple[datetime.date | None, datetime.date | None], ...], matter: Matter | None
) -> st.SearchStrategy[Motion]:
    matters = _MATTERS if matter is None else st.just(matter)
    return st.builds(Motion, st.just(council), matter=matters, flags=_FLAG_SETS)


def drafts(
    *, min_date: datetime.date = datetime.date(1946, 1, 17), max_date: datetime.date = datetime.date(2030, 12, 31)
) -> st.SearchStrategy[Draft]:
    """A draft resolution: symbol, date, matter and flags."""
    if min_date > max_date:
        raise InvalidArgument(f"min_date={min_date} is after max_date={max_date}")
    return st.builds(
        Draft,
        symbol=st.integers(1, 9999).map(lambda k: f"S/TEST/{k}"),
        date=st.dates(min_date, max_date),
        title=st.text(max_size=40),
        matter=st.sampled_from(list(Matter)),
        flags=st.frozensets(st.sampled_from(["mass-atrocity"])),
    )


@st.composite
def _draw_record(
    draw: st.DrawFn, council: st.SearchStrategy[Council], alphabet: tuple[Ballot, ...], rule: Rule | str | None
) -> VoteRecord:
    c = draw(council)
    cast = draw(st.lists(st.sampled_from(alphabet), min_size=c.size, max_size=c.size))
    return VoteRecord(draw(drafts()), c, cast, rule=rule)


def vote_records(
    council: Council | st.SearchStrategy[Council] | None = None,
    *,
    ballots: str | Sequence[Ballot] = "all",
    rule: Rule | str | None = None,
) -> st.SearchStrategy[VoteRecord]:
    """A vote: a draft, a council (drawn unless given) and one ballot per seat."""
    alphabet = _alphabet(ballots)
    council = _strategy(council, Council, "a Council", "council", councils)

    return _draw_record(council, alphabet, rule)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
#: rule names matching ``[a-z][a-z0-9-]{0,20}`` (within rule files' NAME_PATTERN): a letter and
#: a text, two draws, about twice as fast as ``st.from_regex`` with the same pattern
_NAMES = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "-", max_size=20),
)
_EXTRA_BLOCKING = st.sets(st.sampled_from([Ballot.ABSTAIN, Ballot.ABSENT]))
_BOOLEANS = st.booleans()
_START = st.none() | st.dates(datetime.date(1945, 10, 24), datetime.date(2100, 1, 1))
_STATUSES = st.sampled_from(list(STATUSES))


@st.composite
def _draw_rule(
    draw: st.DrawFn,
    classes: st.SearchStrategy[SeatClasses],
    veto_members: tuple[Member, ...],
    restraint: bool,
    texts: bool,
) -> Rule:
    shape = draw(classes)
    n = shape.total
    extra = draw(_EXTRA_BLOCKING)
    chosen = None
    if restraint and shape.veto and draw(_BOOLEANS):
        who = draw(_some_of(veto_members)) if veto_members else []
        chosen = VetoRestraint("mass-atrocity", who)
    kwargs: dict[str, Any] = {}
    if texts:
        start = draw(_START)
        kwargs = dict(
            title=draw(_TEXT),
            description=draw(_TEXT),
            assumptions=draw(_TEXT),
            sources=tuple(draw(st.lists(_TEXT, max_size=3))),
            valid_from=start,
            valid_to=None if start is None else draw(st.none() | st.dates(start, datetime.date(2100, 1, 1))),
            status=draw(_STATUSES),
        )
    return Rule(
        name=draw(_NAMES),
        title=kwargs.pop("title", "a rule drawn by hypothesis"),
        quota=draw(_integers(1, n)),
        procedural_quota=draw(_maybe_integers(1, n)),
        veto=draw(_BOOLEANS),
        vetoes_to_block=draw(_integers(1, max(1, shape.veto))),
        blocking_ballots=frozenset({Ballot.NO, *extra}),
        party_abstains=draw(_BOOLEANS),
        restraint=chosen,
        seat_classes=shape,
        **kwargs,
    )


def rules(
    *,
    classes: SeatClasses | st.SearchStrategy[SeatClasses] | None = None,
    council: Council | None = None,
    restraint: bool = True,
    texts: bool = False,
) -> st.SearchStrategy[Rule]:
    """A Charter-style :class:`Rule`: seat classes, quota (1 to the seats),
    procedural quota, how many veto holders it takes to block, which of their
    ballots block (always "no"; maybe abstain and absent), party abstention,
    the matter (a rule may have no veto) and, with ``restraint=True``, a veto
    restraint on drafts flagged ``mass-atrocity``.

    ``council`` fixes the seat classes to its own and lets restraint name its
    veto holders. ``texts=True`` also draws titles, descriptions, sources and
    dates (for round-trip tests of rule files).
    """
    if council is not None:
        if not isinstance(council, Council):
            raise InvalidArgument(f"council={council!r} must be a Council")
        classes = SeatClasses.of_council(council)
    veto_members = tuple(s.member for s in council.seats if s.veto) if council is not None else ()
    if isinstance(classes, SeatClasses):  # rules(council=c) is called once per example by rule_cases
        return _rules_for(classes, veto_members, restraint, texts)
    shapes = _strategy(classes, SeatClasses, "SeatClasses", "classes", seat_classes)
    return _draw_rule(shapes, veto_members, restraint, texts)


@st.composite
def _draw_case(
    draw: st.DrawFn,
    rules_: st.SearchStrategy[Rule] | None,
    profiles: int | st.SearchStrategy[int] | None,
    ballots: str | Sequence[Ballot],
    max_seats: int,
) -> tuple[Rule, Motion, np.ndarray]:
    if rules_ is None:
        council = draw(_councils_up_to(max_seats))
        rule = draw(rules(council=council))
    else:
        rule = draw(rules_)
        council = rule.example_council()
    motion = draw(motions(council))
    return rule, motion, draw(ballot_profiles(council.size, profiles=profiles, ballots=ballots))


@functools.cache
def _councils_up_to(max_seats: int) -> st.SearchStrategy[Council]:
    return councils(max_seats=max_seats)


@functools.lru_cache(maxsize=4096)
def _rules_for(
    classes: SeatClasses, veto_members: tuple[Member, ...], restraint: bool, texts: bool
) -> st.SearchStrategy[Rule]:
    """``rules(...)`` with these seat classes (and veto holders, from a council)."""
    return _draw_rule(st.just(classes), veto_members, restraint, texts)


def rule_cases(
    rules_: st.SearchStrategy[Rule] | None = None,
    *,
    profiles: int | st.SearchStrategy[int] | None = None,
    ballots: str | Sequence[Ballot] = "all",
    max_seats: int = 27,
) -> st.SearchStrategy[tuple[Rule, Motion, np.ndarray]]:
    """``(rule, motion, profiles)``: a council of real states, a rule for it
    (drawn by :func:`rules` unless ``rules_`` is given, then on the rule's own
    example council), a motion on it and ballot profiles of its size."""
    _check_int(max_seats, "max_seats", 1, _MAX_SEATS)

    return _draw_case(rules_, profiles, ballots, max_seats)
