"""Replaying a vote under a rule for an enlarged council.

The 2016 drafts were voted on by 15 members; the G4 council has 25 seats. The
ten new seats cast no ballot, and none is invented: either a what-if supplies
them (:class:`NewSeats`: "the new permanent seats vote yes"), or the outcome is
counted over every combination of their ballots (yes, no or abstain each):

>>> from simulate.catalog.scenarios import load_scenario
>>> october = load_scenario("S/2016/846")
>>> r = replay_enlarged(october, "g4-2005", ["russia-abstains"])
>>> r.adopted, r.combinations, r.unknown[:1]
(41385, 59049, ('New permanent seat (Africa) 1',))
>>> print(r.headline())
Passes in 41,385 of 59,049 combinations of the 10 new seats' ballots (70.1%): it passes iff at least 3 of them vote yes.
>>> done = replay_enlarged(october, "g4-2005", ["russia-abstains"], new_seats={"permanent": "yes", "elected": "no"})
>>> done.outcome.adopted, done.outcome.tally
(True, '17-5-3')

Up to :data:`ENUMERATE_MAX` unknown seats every combination is decided by
:meth:`Rule.decide <simulate.rules.Rule.decide>`; beyond, the seats are grouped
into classes the rule treats alike (same veto, same obligation to abstain) and
each class-count vector is decided once and weighted by its multinomial count,
which is exact.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import attrs
import numpy as np

from ..catalog.registry import as_rule
from ..catalog.scenarios import Scenario
from ..codes import YES
from ..errors import SimulateError
from ..games.lattice import CountLattice
from ..model.ballots import Ballot
from ..model.council import Council
from ..model.members import join_names
from ..model.motion import Motion
from ..model.records import VoteRecord
from ..model.whatif import Change, NewSeats, WhatIf, apply_changes
from ..rules.protocol import VotingRule
from .replay import Outcome, decide_record, new_seat_ballots

__all__ = ["ENUMERATE_MAX", "EnlargedOutcome", "NewSeats", "count_outcomes", "replay_enlarged"]

#: Unknown seats up to this many are enumerated (3**12 = 531,441 profiles).
ENUMERATE_MAX = 12
#: The most classes of combinations counted one by one (beyond, refused before any work).
CLASSES_MAX = 200_000

def count_outcomes(
    rule: VotingRule, motion: Motion, profile: np.ndarray, unknown: Sequence[int], method: str = "auto"
) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Over every yes/no/abstain combination of the ``unknown`` seats of ``profile``:
    ``(combinations, adopted, by_yes)`` where ``by_yes`` lists, for each number
    of yes among the unknown seats, ``(yes, combinations, adopted)``.

    ``method`` is ``"enumerate"``, ``"classes"`` or ``"auto"`` (enumerate up to
    :data:`ENUMERATE_MAX` unknown seats). Both decide through ``rule.decide``.
    """
    unknown = list(unknown)
    k = len(unknown)
    row = np.asarray(profile, dtype=np.int8).reshape(1, -1)
    if method == "auto":
        method = "enumerate" if k <= ENUMERATE_MAX else "classes"
    total_by_yes = [math.comb(k, y) * 2 ** (k - y) for y in range(k + 1)]
    adopted_by_yes = [0] * (k + 1)
    if method == "enumerate":
        combos = np.indices((3,) * k, dtype=np.int8).reshape(k, -1).T
        profiles = np.repeat(row, len(combos), axis=0)
        profiles[:, unknown] = combos
        adopted = rule.decide(profiles, motion)
        yes = np.count_nonzero(combos == Ballot.YES, axis=1)
        for y, n in enumerate(np.bincount(yes[adopted], minlength=k + 1)):
            adopted_by_yes[y] = int(n)
    elif method == "classes":
        unknown_set = set(unknown)
        groups = [[s for s in role if s in unknown_set] for role in rule.seat_roles(motion)]
        groups = [g for g in groups if g]
        lattice = CountLattice([len(g) for g in groups])
        if lattice.size > CLASSES_MAX:
            raise SimulateError(
                f"counting every yes/no/abstain combination of the {k} unknown seats' ballots under rule {rule.name} "
                f"means deciding {lattice.size:,} classes of combinations (more than {CLASSES_MAX:,}): "
                f"give their ballots instead, e.g. --new all=yes"
            )
        profiles = lattice.profiles(groups, row.shape[1], base=row[0])
        weights = lattice.multiplicities().reshape(-1)
        yes_counts = lattice.totals(YES).reshape(-1)
        adopted = rule.decide(profiles, motion)
        for ok, w, y in zip(adopted, weights, yes_counts, strict=True):
            if ok:
                adopted_by_yes[y] += w
    else:
        raise SimulateError(f"unknown method {method!r}: use enumerate, classes or auto")
    by_yes = [(y, total_by_yes[y], adopted_by_yes[y]) for y in range(k + 1)]
    return 3**k, sum(adopted_by_yes), by_yes


@attrs.frozen
class EnlargedOutcome:
    """A vote replayed under a rule for an enlarged council.

    When every seat has a ballot, ``outcome`` is the ordinary
    :class:`~simulate.engine.replay.Outcome`; otherwise ``unknown`` names the seats
    without one and ``adopted`` counts the combinations of their ballots
    (``combinations`` = 3 ** len(unknown)) under which the draft passes.
    """

    record: VoteRecord
    rule: VotingRule
    council: Council
    known: dict[str, Ballot]
    unknown: tuple[str, ...]
    new_seats: tuple[str, ...]
    combinations: int
    adopted: int
    by_yes: tuple[tuple[int, int, int], ...]
    outcome: Outcome | None = None
    whatifs: tuple[str, ...] = ()
    supplied: str = ""
    note: str = ""

    @property
    def complete(self) -> bool:
        return not self.unknown

    @property
    def symbol(self) -> str:
        return self.record.draft.symbol

    def threshold(self) -> int | None:
        """The least number of unknown seats voting yes that makes the draft pass
        whatever the others do, if passing depends on nothing else."""
        for y, total, adopted in self.by_yes:
            if (
                adopted == total
                and all(a == t for _, t, a in self.by_yes[y:])
                and all(a == 0 for _, _, a in self.by_yes[:y])
            ):
                return y
        return None

    def headline(self) -> str:
        """One sentence: the result, or how many combinations pass."""
        if self.outcome is not None:
            return self.outcome.reason
        k = len(self.unknown)
        seats = (
            f"the {k} new seat{'s' if k != 1 else ''}' ballots"
            if self.unknown == self.new_seats
            else f"the {k} unknown seats' ballots"
        )
        share = self.adopted / self.combinations
        text = f"Passes in {self.adopted:,} of {self.combinations:,} combinations of {seats} ({share:.1%})"
        if self.adopted == 0 and self.note:
            return text + f": {self.note}."
        if self.adopted == self.combinations:
            return text + ": adopted whatever they do."
        t = self.threshold()
        if t is not None:
            return text + f": it passes iff at least {t} of them vote yes."
        return text + "."

    def to_json(self) -> dict:
        data = {
            "symbol": self.symbol,
            "date": self.record.draft.date.isoformat(),
            "rule": self.rule.name,
            "seats": self.council.size,
            "new_seats": list(self.new_seats),
            "unknown": list(self.unknown),
            "whatifs": list(self.whatifs),
            "supplied": self.supplied,
            "combinations": self.combinations,
            "adopted_combinations": self.adopted,
            "by_yes": [{"yes": y, "combinations": t, "adopted": a} for y, t, a in self.by_yes],
            "ballots": {m: str(b) for m, b in self.known.items()},
            "headline": self.headline(),
        }
        if self.outcome is not None:
            data["outcome"] = self.outcome.to_json()
        return data


def _blocked_regardless(
    combinations: int, adopted: int, by_yes: Sequence[tuple[int, int, int]], blockers: Sequence[str]
) -> str:
    """Says so when no combination of the new seats' ballots passes although some give
    the votes required: the known seats' blocking ballots (read off the rule's tally) decide."""
    if adopted or not blockers:
        return ""
    return f"vetoed by {join_names(blockers)} whatever the new seats do"


def replay_enlarged(
    scenario: Scenario,
    rule: VotingRule | str,
    changes: Sequence[WhatIf | Change | str] = (),
    new_seats: NewSeats | Mapping | Iterable[str] | str | None = None,
    method: str = "auto",
) -> EnlargedOutcome:
    """Replay ``scenario`` under ``rule`` (with what-ifs), supplying or counting
    the ballots of the seats the council that voted did not have.

    ``new_seats`` gives ballots for new seats (see :class:`NewSeats`; a
    :class:`NewSeats` may also stand among ``changes``, as a what-if about the
    new seats); seats it does not cover are counted over every yes/no/abstain
    combination.

    >>> from simulate.catalog.scenarios import load_scenario
    >>> g4_yes = NewSeats({"permanent": "yes"})  # "the G4 (and the African seats) vote yes"
    >>> r = replay_enlarged(load_scenario("S/2016/846"), "g4-2005", ["russia-abstains", g4_yes])
    >>> r.unknown, r.adopted, r.combinations
    (('New elected seat 1', 'New elected seat 2', 'New elected seat 3', 'New elected seat 4'), 81, 81)
    """
    rule = as_rule(rule)
    record = attrs.evolve(scenario.record, rule=rule)
    resolved = [scenario.whatif(c) if isinstance(c, str) else c for c in changes]
    record = apply_changes(record, resolved, scenario.lookup)  # NewSeats changes land in record.new_seats
    names = tuple(c.name if isinstance(c, WhatIf) else c.describe() for c in resolved)
    rule = as_rule(cast("str | VotingRule", record.rule))  # the model layer cannot name rule types
    # the explicit new_seats first, then what-ifs about new seats in order: later wins
    spec = NewSeats(NewSeats.parse(new_seats).ballots + record.new_seats)
    council, added, supplied = new_seat_ballots(record, rule, spec)
    ballots = {**record.by_member(), **supplied}
    unknown = tuple(s.member.name for s in added if s.member.name not in supplied)
    new_names = tuple(s.member.name for s in added)
    draft = record.draft
    if not unknown:
        full = VoteRecord(draft, council, [ballots[n] for n in council.names], rule=rule)
        outcome = decide_record(full, whatifs=names)
        return EnlargedOutcome(
            record=full,
            rule=rule,
            council=council,
            known=ballots,
            unknown=(),
            new_seats=new_names,
            combinations=1,
            adopted=int(outcome.adopted),
            by_yes=((0, 1, int(outcome.adopted)),),
            outcome=outcome,
            whatifs=names,
            supplied=spec.describe(),
        )
    motion = attrs.evolve(record.motion, council=council)
    profile = np.array([ballots.get(n, Ballot.ABSENT) for n in council.names], dtype=np.int8)
    cols = [council.index(s.member) for s in added if s.member.name in unknown]
    combinations, adopted, by_yes = count_outcomes(rule, motion, profile, cols, method)
    # the known seats' blocking ballots, as the rule's own tally sees them (Article 27(3) included):
    # every new seat voting yes gives the most votes, so a block there is a block everywhere
    best = profile.copy()
    best[cols] = Ballot.YES
    t = rule.tally(best[None, :], motion)
    blockers = [council.names[i] for i in np.flatnonzero(t.blockers[0])] if bool(t.vetoed[0]) else []
    return EnlargedOutcome(
        record=record,
        rule=rule,
        council=council,
        known={n: b for n, b in ballots.items()},
        unknown=unknown,
        new_seats=new_names,
        combinations=combinations,
        adopted=adopted,
        by_yes=tuple(by_yes),
        whatifs=names,
        supplied=spec.describe(),
        note=_blocked_regardless(combinations, adopted, by_yes, blockers),
    )
