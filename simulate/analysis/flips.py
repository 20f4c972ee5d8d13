"""Minimal flips: the smallest groups of members whose changed ballots reverse a decision.

For a recorded vote (after any what-ifs) with ballots ``b`` and outcome
``o = decide(b)`` under its rule, a set ``S`` of members *flips* the outcome
if some new ballots for the members of ``S`` (each member changing to a ballot
other than its own: ``yes``, ``no`` or ``abstain``) give ``decide(b') != o``.
``S`` is *minimal* if it flips and no proper subset of it does. Definitions:

* ``minimal_sets``: every minimal set, each member with the ballot it changes
  to. When several new ballots would do, the one reported is the *smallest
  change*: ballots are ordered ``no < abstain (= absent) < yes`` and the set's
  total distance is minimised (a change costs at least 1), ties going to the
  lowest ballot codes. So S/2016/1026 needs China and the Russian Federation
  to *abstain* (a yes would do as well), while S/2016/847 needs France, the
  United Kingdom and the United States to vote *yes*.
* ``critical``: the members found in *every* minimal set: no change of the
  outcome is possible without them.
* ``pivotal``: the members who flip the outcome alone (minimal sets of one).

Nothing is enumerated subset by subset. Members are grouped by current ballot
and by the role the rule gives their seat (seat kind, whether its veto counts
for this motion, whether it must abstain); within a group members are
interchangeable, which is checked with the rule's own decision. Every
*change pattern* (how many members of each group move to each other ballot)
is decided once, in one vectorised call of the rule; a member set flips iff a
pattern with the same number of movers per group does, so the minimal sets
are the minimal points of a small lattice (a cumulative OR along each axis),
and their number is a product of binomial coefficients. A rule that is not
symmetric within groups falls back to one group per seat (at most ``3^15``
patterns for the Council, evaluated in chunks).

>>> from simulate.catalog.scenarios import load_scenario
>>> f = scenario_flips(load_scenario("S/2016/1026"))
>>> f.adopted, f.count, [[(c.member, str(c.to)) for c in s] for s in f.minimal_sets]
(False, 1, [[('China', 'abstain'), ('Russian Federation', 'abstain')]])
>>> f.critical
('China', 'Russian Federation')
>>> october = scenario_flips(load_scenario("S/2016/847"))
>>> october.count, {len(s) for s in october.minimal_sets}, october.critical
(28, {5}, ('France', 'United Kingdom', 'United States'))
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import numpy as np

from ..catalog.scenarios import Scenario
from ..codes import ABSENT, ABSTAIN, NO, YES
from ..engine.replay import decide_record, replay
from ..games.errors import PowerInputError
from ..games.symmetry import partition
from ..model.ballots import Ballot
from ..model.motion import Motion
from ..model.records import VoteRecord
from ..model.whatif import Change as WhatIfChange
from ..model.whatif import WhatIf
from ..rules.protocol import VotingRule
from .power import rule_classes, rule_decide

__all__ = ["Change", "Flips", "minimal_flips", "scenario_flips"]

#: Ballots a member can change to.
TARGETS = (YES, NO, ABSTAIN)
#: Ordinal position of each ballot, for the size of a change.
_POSITION = {NO: 0, ABSTAIN: 1, ABSENT: 1, YES: 2}
#: Patterns decided per call of the rule.
CHUNK = 1 << 16
#: Refuse more change patterns than this (memory and time, not exactness).
MAX_PATTERNS = 3**16


def change_cost(old: int, new: int) -> int:
    """``max(1, |pos(new) - pos(old)|)`` on ``no < abstain = absent < yes``.

    >>> change_cost(1, 2), change_cost(1, 0), change_cost(3, 2)
    (1, 2, 1)
    """
    return max(1, abs(_POSITION[new] - _POSITION[old]))


@attrs.frozen
class Change:
    """One member's changed ballot."""

    member: str
    old: Any  # Ballot
    to: Any  # Ballot

    def to_json(self) -> dict[str, str]:
        return {"member": self.member, "from": str(self.old), "to": str(self.to)}


@attrs.frozen
class Flips:
    """The minimal flips of one vote (see the module docstring for the definitions)."""

    symbol: str
    rule: str
    adopted: bool
    count: int
    minimal_sets: tuple[tuple[Change, ...], ...]
    critical: tuple[str, ...]
    pivotal: tuple[str, ...]
    whatifs: tuple[str, ...] = ()

    @property
    def listed_all(self) -> bool:
        """False when ``limit`` cut the list short (``count`` is always exact)."""
        return len(self.minimal_sets) == self.count

    def to_json(self) -> dict[str, Any]:
        """``{"adopted", "minimal_sets": [[{"member", "from", "to"}, ...], ...], "critical"}``."""
        return {
            "adopted": self.adopted,
            "minimal_sets": [[c.to_json() for c in s] for s in self.minimal_sets],
            "critical": list(self.critical),
        }


def _options(size: int, targets: int) -> np.ndarray:
    """Every vector of ``targets`` non-negative counts with sum ``<= size``, shape ``(m, targets)``."""
    rows = [c for c in itertools.product(range(size + 1), repeat=targets) if sum(c) <= size]
    return np.array(rows, dtype=np.int64).reshape(-1, targets)


@attrs.frozen
class _Group:
    seats: tuple[int, ...]
    ballot: int
    targets: tuple[int, ...]
    options: np.ndarray  # (m, len(targets)) movers to each target
    costs: np.ndarray  # (m,) size of the change
    ballots: np.ndarray  # (m, len(seats)) int8: the group's ballots under each option (movers first, in target order)
    movers: np.ndarray  # (m,) how many of the group change their ballot


def _groups(record: VoteRecord, rule: VotingRule, motion: Motion) -> list[_Group]:
    ballots = [int(b) for b in record.ballots]
    n = len(ballots)
    roles = rule_classes(rule, motion)
    role_of = {s: r for r, seats in enumerate(roles) for s in seats}
    groups = []
    for seats in partition([(role_of[i], ballots[i]) for i in range(n)]):
        b = ballots[seats[0]]
        targets = tuple(t for t in TARGETS if t != b)
        options = _options(len(seats), len(targets))
        unit = np.array([change_cost(b, t) for t in targets], dtype=np.int64)
        # seat j of the group takes the k-th code, k = how many running totals of movers are <= j
        cum = np.cumsum(options, axis=1)
        k = (cum[:, None, :] <= np.arange(len(seats))[None, :, None]).sum(axis=2)
        codes = np.array([*targets, b], dtype=np.int8)
        groups.append(_Group(tuple(seats), b, targets, options, options @ unit, codes[k], options.sum(axis=1)))
    return groups


def _patterns(
    groups: Sequence[_Group], base: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Chunks of (pattern numbers, profiles, movers per group, cost)."""
    dims = [len(g.options) for g in groups]
    total = math.prod(dims)
    if total > MAX_PATTERNS:
        raise PowerInputError(f"{total} change patterns to decide: too many (a rule that treats every seat apart?)")
    for start in range(0, total, CHUNK):
        number = np.arange(start, min(total, start + CHUNK))
        choice = np.unravel_index(number, dims)
        profiles = np.repeat(base[None, :], len(number), axis=0)
        movers = np.empty((len(number), len(groups)), dtype=np.int64)
        cost = np.zeros(len(number), dtype=np.int64)
        for g, (group, pick) in enumerate(zip(groups, choice, strict=True)):
            movers[:, g] = group.movers[pick]
            cost += group.costs[pick]
            profiles[:, group.seats] = group.ballots[pick]
        yield number, profiles, movers, cost


def minimal_flips(
    record: VoteRecord, rule: VotingRule | str | None = None, *, limit: int | None = None, whatifs: Sequence[str] = ()
) -> Flips:
    """The minimal flips of ``record`` under ``rule`` (default: the record's own rule).

    ``limit`` caps how many minimal sets are listed (smallest first); ``count``
    is always the exact number.

    >>> from simulate.catalog.scenarios import load_scenario
    >>> f = minimal_flips(load_scenario("S/2016/846").record)      # vetoed by the Russian Federation alone
    >>> f.count, f.critical, f.pivotal, str(f.minimal_sets[0][0].to)
    (1, ('Russian Federation',), ('Russian Federation',), 'abstain')
    """
    outcome = decide_record(record, rule)
    rule = outcome.rule
    record = outcome.record  # on the council the rule decides on (a reform council's new seats included)
    motion = record.motion
    decide = rule_decide(rule, motion)
    groups = _groups(record, rule, motion)
    shape = tuple(len(g.seats) + 1 for g in groups)
    cells = math.prod(shape)
    flips = np.zeros(cells, dtype=bool)
    best_cost = np.full(cells, np.iinfo(np.int64).max, dtype=np.int64)
    best_pattern = np.full(cells, -1, dtype=np.int64)
    base = np.array([int(b) for b in record.ballots], dtype=np.int8)
    for number, profiles, movers, cost in _patterns(groups, base):
        flipped = decide(profiles) != outcome.adopted
        if not flipped.any():
            continue
        cell = np.ravel_multi_index(tuple(movers[flipped].T), shape)
        c, num = cost[flipped], number[flipped]
        order = np.lexsort((num, c, cell))
        cell, c, num = cell[order], c[order], num[order]
        first = np.r_[True, cell[1:] != cell[:-1]]
        cell, c, num = cell[first], c[first], num[first]
        better = c < best_cost[cell]  # equal cost: the earlier pattern (lower codes) stays
        best_cost[cell[better]] = c[better]
        best_pattern[cell[better]] = num[better]
        flips[cell] = True
    F = flips.reshape(shape)
    below = F.copy()
    for axis in range(len(shape)):
        np.logical_or.accumulate(below, axis=axis, out=below)
    strictly_below = np.zeros_like(F)
    for axis in range(len(shape)):
        index = [slice(None)] * len(shape)
        index[axis] = slice(1, None)
        lower = [slice(None)] * len(shape)
        lower[axis] = slice(None, -1)
        strictly_below[tuple(index)] |= below[tuple(lower)]
    minimal: list[list[int]] = sorted(
        np.argwhere(F & ~strictly_below).tolist(),  # movers per group, one row per minimal cell
        key=lambda k: (sum(k), [-x for x in k]),
    )
    names = record.council.names
    count = sum(math.prod(math.comb(len(grp.seats), k) for grp, k in zip(groups, ks, strict=True)) for ks in minimal)
    dims = [len(g.options) for g in groups]
    sets: list[list[tuple[int, int]]] = []
    for ks in minimal:
        pattern = int(best_pattern[np.ravel_multi_index(tuple(ks), shape)])
        picks = np.unravel_index(pattern, dims)
        per_group = []
        for grp, pick in zip(groups, picks, strict=True):
            counts = grp.options[int(pick)].tolist()
            targets = [t for t, m in zip(grp.targets, counts, strict=True) for _ in range(m)]
            per_group.append([(chosen, targets) for chosen in itertools.combinations(grp.seats, sum(counts))])
        for combo in itertools.product(*per_group):
            changes = sorted((seat, to) for chosen, targets in combo for seat, to in zip(chosen, targets, strict=True))
            sets.append(changes)
    sets.sort(key=lambda s: (len(s), [seat for seat, _ in s]))
    if limit is not None:
        sets = sets[: max(0, limit)]
    listed = tuple(tuple(Change(names[seat], Ballot(int(base[seat])), Ballot(int(to))) for seat, to in s) for s in sets)
    critical: list[int] = []
    pivotal: list[int] = []
    for g, group in enumerate(groups):
        if minimal and all(ks[g] == len(group.seats) for ks in minimal):
            critical.extend(group.seats)
        if any(ks[g] == 1 and sum(ks) == 1 for ks in minimal):
            pivotal.extend(group.seats)
    return Flips(
        symbol=record.draft.symbol,
        rule=rule.name,
        adopted=bool(outcome.adopted),
        count=count,
        minimal_sets=listed,
        critical=tuple(names[i] for i in sorted(critical)),
        pivotal=tuple(names[i] for i in sorted(pivotal)),
        whatifs=tuple(whatifs),
    )


def scenario_flips(
    scenario: Scenario,
    changes: Sequence[WhatIf | WhatIfChange | str] = (),
    rule: VotingRule | str | None = None,
    *,
    limit: int | None = None,
) -> Flips:
    """:func:`minimal_flips` of a scenario after its what-ifs (names or objects),
    as :func:`~simulate.engine.replay.replay` applies them.

    >>> from simulate.catalog.scenarios import load_scenario
    >>> f = scenario_flips(load_scenario("S/2016/1026"), ["russia-abstains"])
    >>> f.adopted, [[(c.member, str(c.old), str(c.to)) for c in s] for s in f.minimal_sets]
    (False, [[('China', 'no', 'abstain')]])
    """
    outcome = replay(scenario, changes, rule=rule)
    return minimal_flips(outcome.record, outcome.rule, limit=limit, whatifs=outcome.whatifs)
