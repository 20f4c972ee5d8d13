"""The sampled check: hypothesis searches for counterexamples, for councils too large to enumerate.

For a decision function ``D`` on ``n`` seats with no seat classes to count
by, each yes-or-no property is a search for a witness of its failure (a
profile ``p`` with ``D(p) ∧ ¬D(p')`` for a move towards yes; ``p`` and seats
``i < j`` of one kind with ``D(p) ≠ D(p^{ij})``; disjoint ``S, T`` with
``W(S) ∧ W(T)``; ``S`` with ``¬W(S) ∧ ¬W(N∖S)``), over ``examples`` draws per
property; hypothesis shrinks the witness it finds, and it is then simplified
seat by seat towards yes/no ballots. Universal claims ("a veto player",
"a dummy") become "none found": a seat is cleared by a random batch or a
search that shows the contrary, and only :data:`SEAT_SEARCHES` seats are
searched one by one. Lone abstentions are decided exactly (``n`` profiles).

Each draw is a few hypothesis choices whatever ``n``: ``n`` bytes, read as
ballots or coalitions (``_profiles``, ``_levels``), and the kind of
profile, built once per ``n``; hypothesis's cost grows with the number of
choices drawn, not with their size. A profile is of one of two shapes: one
ballot for most seats and others anywhere, or any number ``k`` of yes in any
seats (so that every threshold is reached).

The work grows as ``examples × n²`` (every pair of seats of a kind is swapped
in the anonymity search, ``n²/2`` profiles decided at once per example);
:data:`SAMPLED_BUDGET` bounds it.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Container
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from ...codes import ABSTAIN, NO, YES
from ...errors import TESTING_EXTRA, SimulateError
from ...model.motion import Motion
from ...rules.protocol import VotingRule
from .findings import (
    abstention_result,
    anonymity_failure,
    blocking_result,
    decisive_result,
    members_result,
    monotonic_failure,
    moot,
    proper_result,
)
from .report import PROPERTIES, PropertyResult
from .table import Decide
from .words import KIND_LABELS, coalition_text, seat_names

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["SAMPLED_BUDGET", "SEAT_SEARCHES", "sampled"]

TERNARY = (YES, NO, ABSTAIN)
#: The work of a sampled check grows as examples x seats^2 (swapping the ballots of every
#: pair of seats of a class); 200 examples on 70 seats take about three seconds of CPU (a quota
#: rule with five vetoes), 100 examples on 100 seats about one.
SAMPLED_BUDGET = 1_000_000
#: A sampled check searches seat by seat (veto players, dummies) for at most this many seats.
SEAT_SEARCHES = 10

_BALLOTS = np.array(TERNARY, dtype=np.int8)


def _mostly(drawn: tuple[int, bytes]) -> np.ndarray:
    """One ballot for most seats, others anywhere: a byte of 128 or more gives its seat a ballot of its own."""
    base, raw = drawn
    v = np.frombuffer(raw, dtype=np.uint8)
    return np.where(v < 128, np.int8(base), _BALLOTS[v % 3])


def _k_yes(drawn: tuple[int, bytes]) -> np.ndarray:
    """Any number ``k`` of yes, in any seats (the ``k`` smallest keys ``byte >> 1``): reaches every threshold;
    the other seats no or abstain by the byte's last bit."""
    k, raw = drawn
    v = np.frombuffer(raw, dtype=np.uint8)
    p = np.where(v & 1, np.int8(ABSTAIN), np.int8(NO))
    p[np.argsort(v >> 1, kind="stable")[:k]] = YES
    return p


@functools.lru_cache(maxsize=32)
def _profiles(n: int) -> SearchStrategy[np.ndarray]:
    """Profiles of ``n`` seats, of the two shapes the searches need; one strategy per ``n``, built (and
    validated by hypothesis) once. Each profile is three choices (shape, ballot or ``k``, ``n`` bytes), not
    ``2n + 1``: hypothesis's cost grows with the number of choices, hardly with a choice's size."""
    from hypothesis import strategies as st

    raw = st.binary(min_size=n, max_size=n)
    return st.one_of(
        st.tuples(st.sampled_from(TERNARY), raw).map(_mostly),
        st.tuples(st.integers(0, n), raw).map(_k_yes),
    )


@functools.lru_cache(maxsize=32)
def _levels(n: int, levels: int) -> SearchStrategy[np.ndarray]:
    """``n`` values in ``0 .. levels - 1`` (seat by seat: in a coalition or not; in none, in ``S`` or in
    ``T``), from ``n`` bytes: one choice, shrunk towards 0. The bytes are read from the last seat to the
    first: hypothesis shrinks them towards the smallest in shortlex order, which puts what is left
    non-zero at the end of the bytes, so in the first seats (as the exact checks name the earliest)."""
    from hypothesis import strategies as st

    return st.binary(min_size=n, max_size=n).map(functools.partial(_seat_values, levels))


def _seat_values(levels: int, raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.uint8)[::-1] % levels


def sampled(
    rule: VotingRule, motion: Motion, decide: Decide, examples: int, seed: int
) -> tuple[list[PropertyResult], int | None, int | None, str]:
    """Every property by hypothesis search: the results, no counts, and how it was checked."""
    try:  # hypothesis is an extra, imported only for a sampled check
        from hypothesis import HealthCheck, Phase, find, settings
        from hypothesis.errors import HypothesisException, NoSuchExample
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.partition(".")[0] != "hypothesis":
            raise
        raise SimulateError(
            f"a sampled rule check needs hypothesis, which is not installed: {TESTING_EXTRA}"
        ) from None

    council = motion.council
    n = council.size
    kinds = [s.kind for s in council.seats]
    conf = settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
    )

    # existence searches (a veto player's "no" in an adopted draft, a blocking coalition that is
    # then made minimal by hand) need no shrinking: shrinking is most of the time on large councils
    quick = settings(conf, phases=[Phase.generate])

    def search(strategy: SearchStrategy[Any], condition: Callable[[Any], bool], shrink: bool = True) -> Any:
        try:
            return find(strategy, condition, settings=conf if shrink else quick, random=random.Random(seed))
        except NoSuchExample:
            return None
        except HypothesisException as exc:  # e.g. Unsatisfiable: the draws do not fit hypothesis's buffer
            raise SimulateError(
                f"the sampled check of rule {rule.name} on {n} seats failed in hypothesis ({type(exc).__name__}); "
                f"try fewer seats or fewer --examples"
            ) from None

    def profiles(fixed: dict[int, int] | None = None) -> SearchStrategy[np.ndarray]:
        if not fixed:
            return _profiles(n)
        seats, ballots = list(fixed), list(fixed.values())

        def pin(p: np.ndarray) -> np.ndarray:
            p = p.copy()
            p[seats] = ballots
            return p

        return _profiles(n).map(pin)

    rng = np.random.default_rng(seed)

    def random_batch(count: int = 4096) -> np.ndarray:
        # each row its own share of yes, from none to all, so that every threshold is reached
        share = rng.random((count, 1))
        other = rng.integers(NO, ABSTAIN + 1, size=(count, n), dtype=np.int8)
        return np.where(rng.random((count, n)) < share, np.int8(YES), other).astype(np.int8)

    def search_profiles(
        condition: Callable[[np.ndarray], bool], fixed: dict[int, int] | None = None
    ) -> np.ndarray | None:
        """Hypothesis first; then a vectorised random batch, screened row by row."""
        found = search(profiles(fixed), condition)
        if found is not None:
            return found
        batch = random_batch()
        for i, b in (fixed or {}).items():
            batch[:, i] = b
        for row in batch[:512]:
            if condition(row):
                return row
        return None

    def d1(p: np.ndarray) -> bool:
        return bool(decide(p.reshape(1, -1))[0])

    def simplify(p: np.ndarray, condition: Callable[[np.ndarray], bool], keep: Container[int] = ()) -> np.ndarray:
        for i in range(n):
            if i in keep:
                continue
            for b in (YES, NO):
                if p[i] != b:
                    q = p.copy()
                    q[i] = b
                    if condition(q):
                        p = q
                        break
        return p

    results = []

    # monotonic
    def ups(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every move of one seat towards yes, seat by seat (no -> yes, no -> abstain, abstain -> yes):
        the seats, the ballots they move to, and one profile per move."""
        movers = np.flatnonzero(p != YES)
        count = np.where(p[movers] == NO, 2, 1)
        seats = np.repeat(movers, count)
        to = np.full(len(seats), YES, dtype=np.int8)
        to[np.cumsum(count)[count == 2] - 1] = ABSTAIN
        rows = np.repeat(p.reshape(1, -1), len(seats), axis=0)
        rows[np.arange(len(seats)), seats] = to
        return seats, to, rows

    def not_monotonic(p: np.ndarray) -> bool:
        movers, _, rows = ups(p)
        if not len(movers):
            return False
        out = decide(np.vstack([p, rows]))  # p, then every move: one call
        return bool(out[0]) and not out[1:].all()

    p = search_profiles(not_monotonic)
    if p is None:
        results.append(
            PropertyResult("monotonic", True, f"no counterexample in {examples} examples (sampled)", exact=False)
        )
    else:
        p = simplify(p, not_monotonic)
        movers, to, rows = ups(p)
        move = int(np.flatnonzero(~decide(rows))[0])
        failing = int(movers[move])
        results.append(
            attrs.evolve(monotonic_failure(council, p, failing, int(p[failing]), int(to[move]), decide), exact=False)
        )

    # anonymity: every pair of seats of one class
    kind_codes = np.unique(np.array(kinds), return_inverse=True)[1]
    first, second = np.triu_indices(n, 1)  # the pairs i < j, i then j ascending
    same = kind_codes[first] == kind_codes[second]
    first, second = first[same], second[same]

    def swapped(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pairs of seats of one class with different ballots, and each profile with the two swapped."""
        differ = p[first] != p[second]
        i, j = first[differ], second[differ]
        rows = np.repeat(p.reshape(1, -1), len(i), axis=0)
        r = np.arange(len(i))
        rows[r, i], rows[r, j] = p[j], p[i]
        return i, j, rows

    def not_anonymous(p: np.ndarray) -> bool:
        i, _, rows = swapped(p)
        if not len(i):
            return False
        out = decide(np.vstack([p, rows]))  # p, then every swap: one call
        return bool((out[1:] != out[0]).any())

    p = search_profiles(not_anonymous)
    if p is None:
        classes = ", ".join(k for k, c in council.kinds.items() if c)
        results.append(
            PropertyResult(
                "anonymous",
                True,
                f"within each seat class ({classes}); no counterexample in {examples} examples (sampled)",
                exact=False,
            )
        )
    else:
        p = simplify(p, not_anonymous)
        seats_i, seats_j, rows = swapped(p)
        pair = int(np.flatnonzero(decide(rows) != d1(p))[0])
        i, j = int(seats_i[pair]), int(seats_j[pair])
        results.append(attrs.evolve(anonymity_failure(council, p, i, j, decide), exact=False))

    # evidence from random batches, then hypothesis for the remaining candidates (a search per
    # seat: only for a few seats, so that the work does not grow with the council's size)
    not_veto = np.zeros(n, dtype=bool)
    not_dummy = np.zeros(n, dtype=bool)

    def evidence(batch: np.ndarray) -> None:
        base = decide(batch)
        not_veto[:] |= ((batch == NO) & base[:, None]).any(axis=0)
        for i in np.flatnonzero(~not_dummy):
            for b in TERNARY:
                changed = batch.copy()
                changed[:, i] = b
                if (decide(changed) != base).any():
                    not_dummy[i] = True
                    break

    evidence(random_batch(2048))
    if np.count_nonzero(~not_veto) + np.count_nonzero(~not_dummy) > SEAT_SEARCHES:
        evidence(random_batch(8192))
    if np.count_nonzero(~not_veto) + np.count_nonzero(~not_dummy) > SEAT_SEARCHES:
        searched: np.ndarray = np.array([], dtype=np.intp)  # too many seats to search one by one
    else:
        searched = np.arange(n)
    for i in np.intersect1d(np.flatnonzero(~not_veto), searched):
        if search(profiles({int(i): NO}), lambda p: d1(p), shrink=False) is not None:
            not_veto[i] = True
    for i in np.intersect1d(np.flatnonzero(~not_dummy), searched):
        def matters(p: np.ndarray, i: int = int(i)) -> bool:
            rows = np.repeat(p.reshape(1, -1), 3, axis=0)
            rows[:, i] = TERNARY
            return len(set(decide(rows).tolist())) > 1
        if search(profiles(), matters, shrink=False) is not None:
            not_dummy[i] = True
    vetoes = [int(i) for i in np.flatnonzero(~not_veto)]
    dummies = [int(i) for i in np.flatnonzero(~not_dummy)]
    r = members_result("veto_players", council, vetoes, "sampled: no adopted draft with their 'no' was found")
    results.append(attrs.evolve(r, exact=False, text=r.text if vetoes else "none found (sampled)"))
    r = members_result("dummies", council, dummies, "sampled: their ballot never changed an outcome")
    results.append(attrs.evolve(r, exact=False, text=r.text if dummies else "none found (sampled)"))

    # proper
    def wins(*coalitions: np.ndarray) -> np.ndarray:
        """Whether each coalition (a mask of seats) adopts a draft it votes for, the others voting no."""
        return decide(np.where(np.stack(coalitions), np.int8(YES), np.int8(NO)).astype(np.int8))

    def improper(assign: np.ndarray) -> bool:  # seat by seat: 0 in neither coalition, 1 in S, 2 in T
        return bool(wins(assign == 1, assign == 2).all())

    found = search(_levels(n, 3), improper)
    if found is None:
        results.append(
            PropertyResult(
                "proper", True, f"no two disjoint winning coalitions in {examples} examples (sampled)", exact=False
            )
        )
    else:
        for i in range(n):
            if found[i]:
                trial = found.copy()
                trial[i] = 0
                if improper(trial):
                    found = trial
        S = [int(i) for i in np.flatnonzero(found == 1)]
        T = [int(i) for i in np.flatnonzero(found == 2)]
        results.append(attrs.evolve(proper_result(council, S, T, decide), exact=False))

    # decisive
    def neither(mask: np.ndarray) -> bool:
        return not wins(mask != 0, mask == 0).any()

    found = search(_levels(n, 2), neither)
    if found is None:
        results.append(
            PropertyResult("decisive", True, f"no counterexample in {examples} examples (sampled)", exact=False)
        )
    else:
        results.append(
            attrs.evolve(decisive_result(council, [int(i) for i in np.flatnonzero(found)], decide), exact=False)
        )

    # smallest blocking coalition (searched, then made minimal)
    def smallest(ballot: int, seats: list[int]) -> list[int] | None:
        where = np.array(seats)

        def blocks(mask: np.ndarray) -> bool:
            p = np.full(n, YES, dtype=np.int8)
            p[where[mask != 0]] = ballot
            return not d1(p)

        found = search(_levels(len(seats), 2), blocks, shrink=False)
        if found is None:
            return None
        mask = found != 0
        for i in range(len(seats)):
            if mask[i]:
                trial = mask.copy()
                trial[i] = False
                if blocks(trial):
                    mask = trial
        return [int(s) for s in where[mask]]

    everyone = list(range(n))
    unanimous = d1(np.full(n, YES, dtype=np.int8))
    B = smallest(NO, everyone) if unanimous else None
    if not unanimous:
        results.append(moot("blocking", exact=True))
    elif B is None:
        results.append(PropertyResult("blocking", None, "no blocking coalition found (sampled)", exact=False))
    else:
        rows = np.full((n, n), YES, dtype=np.int8)
        np.fill_diagonal(rows, NO)
        lone = [int(i) for i in np.flatnonzero(~decide(rows))]  # a lone "no" that blocks
        if lone:
            B = [lone[0]]
            text = f"any one of {coalition_text(council, lone, 99)}"
        else:
            text = f"{len(B)} members found, e.g. {coalition_text(council, B, 99)} (sampled: a smaller one may exist)"
        per_kind: dict[str, int | None] = {}
        for kind in ("veto", "permanent", "elected"):
            seats = [i for i in range(n) if kinds[i] == kind]
            if seats:
                found_k = smallest(NO, seats)
                per_kind[kind] = None if found_k is None else len(found_k)
        if len(per_kind) > 1:
            text += "; " + "; ".join(
                f"{KIND_LABELS[k]} alone: {v if v is not None else 'none found'}" for k, v in per_kind.items()
            )
        detail = {"per_class": per_kind, "lone": tuple(seat_names(council, lone))}
        results.append(blocking_result(council, text, B, exact=False, detail=detail))

    # abstention: the lone abstentions are decided exactly
    rows = np.full((n, n), YES, dtype=np.int8)
    np.fill_diagonal(rows, ABSTAIN)
    lone = [int(i) for i in np.flatnonzero(~decide(rows))]
    if unanimous:
        A = smallest(ABSTAIN, everyone)
        results.append(abstention_result(council, lone, None if A is None else len(A), exact=False, tried=examples))
    else:
        results.append(moot("abstention", exact=True))

    order = list(PROPERTIES)
    results.sort(key=lambda r: order.index(r.key))
    return (
        results,
        None,
        None,
        f"sampled with hypothesis ({examples} examples per property, shrunk counterexamples); exact only where stated",
    )

