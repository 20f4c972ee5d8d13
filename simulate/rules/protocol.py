"""The one interface every voting rule offers, and the counts it returns.

Replay, grid, reform, checks, power, flips, history, probabilities, figures and
the web explorer ask a rule through this protocol; none of them re-derives a
veto, a quota, a council or a symmetry of its own.

A rule of any kind (quota and veto, a decision function, a double majority)
implements:

* ``name``, ``title``;
* :meth:`VotingRule.council_for`: the council it decides on (a sitting council
  as it is or enlarged with placeholder seats; an example council of a size);
  a council it was not made for is refused with one clear sentence;
* :meth:`VotingRule.decide`: a boolean per ballot profile;
* :meth:`VotingRule.tally`: the effective ballots (after Article 27(3)), the
  counts, the votes required, the blocking seats, whether each profile was
  vetoed or short of votes: everything a reason sentence needs;
* :meth:`VotingRule.seat_roles`: the groups of seats it treats alike, so that
  analyses may count by class instead of enumerating every profile.

Profiles are ``numpy.int8`` arrays of shape ``(profiles, seats)`` with the codes
of :class:`~simulate.model.ballots.Ballot`; rules receive them read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import attrs
import numpy as np

from ..errors import SimulateError
from ..model.ballots import ABSENT, ABSTAIN, NO, YES
from ..model.council import Council
from ..model.motion import Motion

__all__ = ["GroupCount", "Tally", "VotingRule", "accumulator", "make_tally", "read_only_profiles"]


@runtime_checkable
class VotingRule(Protocol):
    """What every rule offers (see the module docstring)."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...

    def council_for(self, council: Council | int | None = None) -> Council:
        """The council this rule decides on, given a sitting council, a number of
        seats, or nothing (the rule's own example council)."""
        ...

    def decide(self, profiles: np.ndarray, motion: Motion) -> np.ndarray:
        """Boolean array ``(profiles,)``: which profiles are adopted."""
        ...

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        """Counts, blocking seats, votes required and the decision for every profile."""
        ...

    def seat_roles(self, motion: Motion) -> tuple[tuple[int, ...], ...]:
        """A partition of the seats into groups the rule treats alike for ``motion``:
        :meth:`decide` does not change when seats of a group swap ballots."""
        ...

    def summary(self) -> str:
        """One line for ``unsc rules``."""
        ...


@attrs.frozen
class GroupCount:
    """A further majority a rule requires within a group of seats (double majorities)."""

    label: str
    seats: tuple[int, ...]
    yes: np.ndarray
    required: int


@attrs.frozen
class Tally:
    """Vectorised counts and decision for a batch of profiles (one row each).

    ``blockers`` is a boolean array ``(profiles, seats)``, True where a veto
    holder's ballot counts towards blocking; ``effective`` is the profile after
    obligatory abstentions (Article 27(3)). ``vetoed`` is True where a profile
    failed although it had the votes required, because enough veto holders cast
    a blocking ballot; ``short_by`` counts the affirmative votes missing (0 when
    enough, and always 0 for a rule with no quota, ``required is None``).
    ``groups`` are further majorities the rule requires (empty for most rules).
    """

    effective: np.ndarray
    yes: np.ndarray
    no: np.ndarray
    abstain: np.ndarray
    absent: np.ndarray
    blockers: np.ndarray
    adopted: np.ndarray
    required: int | None
    vetoes_to_block: int
    vetoed: np.ndarray
    short_by: np.ndarray
    groups: tuple[GroupCount, ...] = ()
    #: seats whose ballots can block for this motion (after restraint and procedural matters)
    veto_seats: np.ndarray | None = None


def make_tally(
    effective: np.ndarray,
    adopted: np.ndarray,
    *,
    required: int | None,
    blockers: np.ndarray | None = None,
    vetoes_to_block: int = 1,
    groups: Sequence[GroupCount] = (),
    veto_seats: np.ndarray | None = None,
) -> Tally:
    """A :class:`Tally` from the effective profiles and a rule's decision: the one
    place where counts, "vetoed" and "short by" are derived for every rule kind."""
    yes = np.count_nonzero(effective == YES, axis=1)
    if blockers is None:
        blockers = np.zeros(effective.shape, dtype=bool)
    short_by = np.zeros(len(effective), dtype=np.int64) if required is None else np.maximum(0, required - yes)
    groups_met = np.ones(len(effective), dtype=bool)
    for group in groups:
        groups_met &= np.asarray(group.yes) >= group.required
    vetoed = ~adopted & (short_by == 0) & groups_met & (blockers.sum(axis=1) >= vetoes_to_block)
    return Tally(
        effective=effective,
        yes=yes,
        no=np.count_nonzero(effective == NO, axis=1),
        abstain=np.count_nonzero(effective == ABSTAIN, axis=1),
        absent=np.count_nonzero(effective == ABSENT, axis=1),
        blockers=blockers,
        adopted=np.asarray(adopted, dtype=bool),
        required=required,
        vetoes_to_block=vetoes_to_block,
        vetoed=vetoed,
        short_by=short_by,
        groups=tuple(groups),
        veto_seats=np.zeros(effective.shape[1], dtype=bool) if veto_seats is None else veto_seats,
    )


def accumulator(columns: int) -> type:
    """The smallest unsigned integer type that counts up to ``columns``."""
    return np.uint8 if columns < 256 else np.uint16 if columns < 65536 else np.uint32


def read_only_profiles(profiles: np.ndarray, council: Council) -> np.ndarray:
    """``profiles`` checked against ``council`` as a read-only ``int8`` array.

    The caller's array is never changed: a rule that tries to write into its
    input fails instead of corrupting the replay it is part of.
    """
    profiles = np.asarray(profiles)
    if profiles.ndim != 2 or profiles.shape[1] != council.size:
        raise SimulateError(f"ballot profiles must have shape (profiles, {council.size}), got {profiles.shape}")
    if profiles.dtype != np.int8:
        profiles = profiles.astype(np.int8)
    view = profiles.view()
    view.flags.writeable = False
    return view
