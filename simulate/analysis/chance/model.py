"""The random vote: a recorded vote and a sequence of changes, some of them random.

The changes apply in order, each to every possible profile (point by point):

* deterministic what-ifs (:mod:`simulate.whatif`) keep their meaning: ``SetBallots``
  and ``AsOn`` fix ballots, ``Follow`` copies the leader's ballot *at that point*
  (so following a random leader is a bloc with ``rho = 1``), ``SetRule`` and
  ``NewSeats`` change the rule and the new seats of an enlarged council;
* :class:`~.distributions.Chance` draws the named members' ballots afresh,
  independently (and, with ``others``, every seat no earlier change has set);
* :class:`~.distributions.Blocs` makes followers copy their leader's ballot with
  probability ``rho``.

:func:`build_model` turns this into a :class:`ChanceModel`: the final record
(council, rule, motion) and a list of operations on seats (:class:`Fixed`,
:class:`Draw`, :class:`Copy`). The exact engine reads the operations
symbolically; the Monte Carlo engine runs them on arrays of draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs

from ...catalog.registry import as_rule
from ...engine.replay import new_seat_ballots, record_rule
from ...errors import SimulateError
from ...model.ballots import Ballot
from ...model.chance import BallotDistribution, Bloc, Blocs, Chance, Probability, get_model
from ...model.records import VoteRecord
from ...model.whatif import AsOn, Follow, NewSeats, SetBallots, SetRule, WhatIf
from ...rules.protocol import VotingRule

__all__ = ["ChanceModel", "Copy", "Draw", "Fixed", "Op", "build_model", "rule_of"]


@attrs.frozen
class Fixed:
    """Seat ``seat`` casts ``ballot``."""

    seat: int
    ballot: Ballot


@attrs.frozen
class Draw:
    """Seat ``seat`` draws a ballot from ``dist`` (independently); ``key`` names its random stream."""

    seat: int
    dist: BallotDistribution
    key: str


@attrs.frozen
class Copy:
    """Each of ``followers`` casts the ballot of ``leader`` with probability ``rho``."""

    leader: int
    followers: tuple[int, ...]
    rho: Probability
    key: str


Op = Fixed | Draw | Copy


@attrs.frozen
class ChanceModel:
    """A random vote: the final record (its council, rule and motion) and the operations on seats.

    ``ops`` start from the record's ballots (a point mass); ``descriptions`` say
    what each change did, in order; ``exact_inputs`` is True when every given
    probability is a fraction.
    """

    record: VoteRecord
    rule: VotingRule
    ops: tuple[Op, ...]
    descriptions: tuple[str, ...]
    exact_inputs: bool

    @property
    def council(self) -> Any:
        return self.record.council

    @property
    def motion(self) -> Any:
        return self.record.motion

    @property
    def random(self) -> bool:
        return any(isinstance(op, Draw | Copy) for op in self.ops)


def rule_of(record: VoteRecord) -> VotingRule:
    """The rule the record is decided under (the engine's answer)."""
    return record_rule(record)


def _flatten(changes: Sequence[Any], scenario: Any) -> list[Any]:
    out: list[Any] = []
    for change in changes:
        if isinstance(change, str):
            change = scenario.whatif(change)
        if isinstance(change, WhatIf):
            out.extend(_flatten(change.changes, scenario))
        else:
            out.append(change)
    return out


def _enlarge(record: VoteRecord, rule: VotingRule) -> tuple[VoteRecord, list[Any], set[int]]:
    """The record on the rule's council; the new seats (with or without ballots) and those given none."""
    if rule.council_for(record.council).size == record.council.size:
        return record, [], set()
    council, added, supplied = new_seat_ballots(record, rule, NewSeats(record.new_seats))
    ballots = {**record.by_member(), **{s.member.name: supplied.get(s.member.name, Ballot.ABSENT) for s in added}}
    enlarged = attrs.evolve(record, council=council, ballots=[ballots[n] for n in council.names])
    missing = {council.index(s.member) for s in added if s.member.name not in supplied}
    return enlarged, added, missing


def build_model(
    scenario: Any, changes: Sequence[Any] = (), rule: VotingRule | str | None = None
) -> ChanceModel:
    """The random vote of ``scenario`` with ``changes`` applied in order under ``rule``.

    ``rule`` replaces the draft's own rule (a ``SetRule`` change applies on top).
    Under a rule for an enlarged council, the new seats vote as ``NewSeats``
    changes say, or as an ``others`` model that covers them; a new seat left
    without either is an error (no ballot is invented).
    """
    record: VoteRecord = scenario.record
    if rule is not None:
        record = attrs.evolve(record, rule=as_rule(rule))
    flat = _flatten(changes, scenario)
    lookup = getattr(scenario, "lookup", None)
    # first pass: the deterministic record (rule, new seats), to know the council
    final = record
    for change in flat:
        if isinstance(change, SetRule | NewSeats):
            final = change.apply(final, lookup)
    final_rule = rule_of(final)
    final, added, missing = _enlarge(final, final_rule)
    council = final.council
    new_kind = {council.index(s.member): s.permanent for s in added}

    ops: list[Op] = []
    touched: set[int] = set()
    descriptions: list[str] = []
    exact = True
    current = final  # the deterministic record as changes apply (for AsOn and Follow's checks)

    def seat(member: Any) -> int:
        return council.index(member)

    for i, change in enumerate(flat):
        descriptions.append(change.describe())
        if isinstance(change, SetBallots):
            for member, ballot in change.ballots:
                s = seat(member)
                ops.append(Fixed(s, ballot))
                touched.add(s)
        elif isinstance(change, AsOn):
            current = change.apply(current, lookup)
            for member in change.members:
                s = seat(member)
                ops.append(Fixed(s, current.ballot(member)))
                touched.add(s)
        elif isinstance(change, Follow):
            followers = tuple(seat(m) for m in change.members)
            ops.append(Copy(seat(change.leader), followers, Fraction(1), f"{i}:follow"))
            touched.update(followers)
        elif isinstance(change, SetRule | NewSeats):
            continue
        elif isinstance(change, Chance):
            named = {seat(m): d for m, d in change.ballots}
            model = get_model(change.others)
            for s in range(council.size):
                if s in named:
                    dist = named[s]
                elif (
                    model is not None and s not in touched
                    and model.covers(new_kind.get(s, council.seats[s].permanent))
                ):
                    dist = model.distribution
                else:
                    continue
                exact = exact and dist.exact
                certain = dist.certain
                op: Op = Fixed(s, certain) if certain is not None else Draw(s, dist, f"{i}:{council.names[s]}")
                ops.append(op)
                touched.add(s)
        elif isinstance(change, Blocs | Bloc):
            blocs = change.blocs if isinstance(change, Blocs) else (change,)
            for j, bloc in enumerate(blocs):
                leader = _on_council(council, bloc.leader, "bloc leader")
                followers = tuple(_on_council(council, m, "bloc member") for m in bloc.members)
                exact = exact and isinstance(bloc.rho, Fraction)
                if bloc.rho > 0:
                    ops.append(Copy(leader, followers, bloc.rho, f"{i}.{j}:bloc"))
                touched.update(followers)
        else:
            raise SimulateError(
                f"cannot use the change {change.describe()!r} with chance (not a known kind of what-if)"
            )
    unknown = sorted(missing - touched)
    if unknown:
        names = ", ".join(council.names[s] for s in unknown)
        raise SimulateError(
            f"rule {final_rule.name} is for a council of {council.size} seats: the new seats {names} have no ballot "
            "(give them with --new, or a model that covers them, e.g. --others uncertain)"
        )
    return ChanceModel(final, final_rule, tuple(ops), tuple(descriptions), exact)


def _on_council(council: Any, member: Any, what: str) -> int:
    if member not in council:
        raise SimulateError(f"{what} {member.name} does not sit on this council ({', '.join(council.names)})")
    return int(council.index(member))


def is_bloc(change: Any) -> bool:
    return isinstance(change, Bloc | Blocs)
