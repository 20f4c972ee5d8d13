"""The decision table: the rule's own decision at every point of a count lattice of its seats.

The seats ``N`` of the council are split into groups ``G_1, ..., G_k`` (one
seat per group for the exhaustive method; the rule's seat roles, which it
treats alike by construction, for the seat-class method). A point of the count
lattice (:class:`~simulate.games.lattice.CountLattice`) gives each group a
composition ``(y_c, x_c, a_c)`` of its ``m_c`` seats; the table holds
``D(K) = decide(rep(K))``, the decision on the point's representative profile
(each group's seats in seat order: ``y_c`` yes, then ``x_c`` no, then ``a_c``
abstain). For a rule that treats each group alike, ``D(K)`` is its decision on
every one of the ``Π_c m_c! / (y_c! x_c! a_c!)`` profiles over ``K``; with one
seat per group the table is the decision on all ``3^n`` profiles, in
lexicographic order.

The table is decided in chunks of about :data:`CHUNK` profiles through the
rule's own ``decide``, so it tests the engine the replay uses.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from ...errors import SimulateError
from ...games.errors import PowerInputError
from ...games.lattice import CountLattice
from ...games.profiles import decide_all as enumerate_all
from ...model.motion import Motion
from ...rules.protocol import VotingRule

__all__ = ["CHUNK", "Decide", "SeatLattice", "decider", "decision_table", "rule_groups"]

#: A decision: ``int8 (profiles, seats)`` -> ``bool (profiles,)``.
Decide = Callable[[np.ndarray], np.ndarray]
#: Profiles decided at once.
CHUNK = 1 << 17


def decider(rule: VotingRule, motion: Motion) -> Decide:
    """``rule.decide`` on ``motion``, as bools; a user's function that fails says so in one line."""

    def decide(profiles: np.ndarray) -> np.ndarray:
        try:
            out = rule.decide(profiles, motion)
        except SimulateError:
            raise
        except Exception as exc:  # the user's function: one line, naming it
            raise SimulateError(
                f"rule {rule.name}: deciding {len(profiles)} profiles of {profiles.shape[1]} seats failed: "
                f"{type(exc).__name__}: {exc}"
            ) from None
        return np.asarray(out, dtype=bool)

    return decide


def rule_groups(rule: VotingRule, motion: Motion) -> list[list[int]]:
    """The groups of seats the rule treats alike on ``motion`` (its seat roles)."""
    return [list(group) for group in rule.seat_roles(motion)]


class SeatLattice:
    """Profiles of ``n`` seats up to permutations within groups of seats: one point per
    vector of per-group (yes, no, abstain) counts (``counts``, the count lattice of the
    group sizes). With one seat per group, the points are exactly the ``3**n``
    profiles, in lexicographic order."""

    def __init__(self, groups: Sequence[Sequence[int]], n: int) -> None:
        self.n = n
        self.groups = [np.asarray(sorted(g), dtype=np.intp) for g in groups]  # seats in seat order
        self.counts = CountLattice([len(g) for g in self.groups])
        self.sizes = list(self.counts.sizes)
        self.comps = self.counts.comps
        self.shape = self.counts.shape
        self.size = self.counts.size

    def profiles(self, coords: Sequence[np.ndarray]) -> np.ndarray:
        """The representative profiles of the points ``coords`` (one index array per group)."""
        return self.counts.profiles(self.groups, self.n, coords)

    def profile(self, point: Sequence[int]) -> np.ndarray:
        return self.profiles([np.array([p]) for p in point])[0]

    def decide_all(self, decide: Decide) -> np.ndarray:
        """The decision at every point, in C order.

        One seat per group: every profile, in the order of the power package's
        enumerator (:func:`simulate.games.profiles.decide_all`, the same
        lexicographic order). Otherwise the last axes form a block built once
        and tiled under each value of the first axes."""
        if all(m == 1 for m in self.sizes) and all(int(g[0]) == i for i, g in enumerate(self.groups)):
            try:
                return enumerate_all(decide, self.n).reshape(self.shape)
            except PowerInputError as exc:
                raise SimulateError(str(exc)) from None
        t, tail = len(self.shape), 1
        while t > 0 and tail * self.shape[t - 1] <= CHUNK:
            tail *= self.shape[t - 1]
            t -= 1
        block = np.zeros((tail, self.n), dtype=np.int8)
        if t < len(self.shape):
            coords = np.unravel_index(np.arange(tail), self.shape[t:])
            for axis, idx in zip(range(t, len(self.shape)), coords, strict=True):
                block[:, self.groups[axis]] = self.counts.ballots(axis)[idx]
        head_shape = self.shape[:t]
        heads = math.prod(head_shape)
        per = max(1, CHUNK // tail)
        out = np.empty(self.size, dtype=bool)
        for h0 in range(0, heads, per):
            h1 = min(h0 + per, heads)
            chunk = np.tile(block, (h1 - h0, 1))
            if head_shape:
                coords = np.unravel_index(np.arange(h0, h1), head_shape)
                for axis, idx in enumerate(coords):
                    chunk[:, self.groups[axis]] = np.repeat(self.counts.ballots(axis)[idx], tail, axis=0)
            got = decide(chunk)
            if got.shape != (len(chunk),):
                raise SimulateError(f"the decision returned shape {got.shape} for {len(chunk)} profiles")
            out[h0 * tail : h1 * tail] = got
        return out.reshape(self.shape)


def decision_table(rule: VotingRule, motion: Motion, method: str = "exhaustive") -> tuple[np.ndarray, list[np.ndarray]]:
    """The decision at every point of the profile lattice and its seat groups
    (one seat per group for ``"exhaustive"``, the rule's classes for ``"classes"``)."""
    n = motion.council.size
    groups = [[i] for i in range(n)] if method == "exhaustive" else rule_groups(rule, motion)
    lattice = SeatLattice(groups, n)
    return lattice.decide_all(decider(rule, motion)), lattice.groups
