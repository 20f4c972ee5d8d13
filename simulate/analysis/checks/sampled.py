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

The work grows as ``examples × n²`` (every pair of seats of a kind is swapped
in the anonymity search); :data:`SAMPLED_BUDGET` bounds it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Container, Sequence
from typing import Any

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
from .words import KIND_LABELS, coalition_text, seat_names, yes_profile

__all__ = ["SAMPLED_BUDGET", "SEAT_SEARCHES", "sampled"]

TERNARY = (YES, NO, ABSTAIN)
#: The work of a sampled check grows as examples x seats^2 (swapping the ballots of every
#: pair of seats of a class); 200 examples on 70 seats take about ten seconds.
SAMPLED_BUDGET = 1_000_000
#: A sampled check searches seat by seat (veto players, dummies) for at most this many seats.
SEAT_SEARCHES = 10


def sampled(
    rule: VotingRule, motion: Motion, decide: Decide, examples: int, seed: int
) -> tuple[list[PropertyResult], int | None, int | None, str]:
    """Every property by hypothesis search: the results, no counts, and how it was checked."""
    try:  # hypothesis is an extra, imported only for a sampled check
        from hypothesis import HealthCheck, Phase, find, settings
        from hypothesis import strategies as st
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

    def search(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool], shrink: bool = True) -> Any:
        try:
            return find(strategy, condition, settings=conf if shrink else quick, random=random.Random(seed))
        except NoSuchExample:
            return None
        except HypothesisException as exc:  # e.g. Unsatisfiable: the draws do not fit hypothesis's buffer
            raise SimulateError(
                f"the sampled check of rule {rule.name} on {n} seats failed in hypothesis ({type(exc).__name__}); "
                f"try fewer seats or fewer --examples"
            ) from None

    @st.composite
    def mostly(draw: st.DrawFn) -> np.ndarray:  # one ballot for most seats, others anywhere
        base = draw(st.sampled_from(TERNARY))
        flips = draw(st.lists(st.booleans(), min_size=n, max_size=n))
        other = draw(st.lists(st.sampled_from(TERNARY), min_size=n, max_size=n))
        return np.array([o if f else base for f, o in zip(flips, other, strict=True)], dtype=np.int8)

    @st.composite
    def k_yes(draw: st.DrawFn) -> np.ndarray:  # any number of yes, in any seats: reaches every threshold
        k = draw(st.integers(0, n))
        order = draw(st.permutations(range(n)))
        rest = draw(st.lists(st.sampled_from((NO, ABSTAIN)), min_size=n, max_size=n))
        p = np.array(rest, dtype=np.int8)
        p[list(order[:k])] = YES
        return p

    def profiles(fixed: dict[int, int] | None = None) -> st.SearchStrategy[np.ndarray]:
        def pin(p: np.ndarray) -> np.ndarray:
            for i, b in (fixed or {}).items():
                p[i] = b
            return p

        return st.one_of(mostly(), k_yes()).map(pin)

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
    def ups(p: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
        moves = [
            (i, b) for i in range(n) for b in ((YES, ABSTAIN) if p[i] == NO else (YES,) if p[i] == ABSTAIN else ())
        ]
        rows = np.repeat(p.reshape(1, -1), len(moves), axis=0)
        for r, (i, b) in enumerate(moves):
            rows[r, i] = b
        return moves, rows

    def not_monotonic(p: np.ndarray) -> bool:
        seats, rows = ups(p)
        if not seats or not d1(p):
            return False
        return not decide(rows).all()

    p = search_profiles(not_monotonic)
    if p is None:
        results.append(
            PropertyResult("monotonic", True, f"no counterexample in {examples} examples (sampled)", exact=False)
        )
    else:
        p = simplify(p, not_monotonic)
        moves, rows = ups(p)
        failing, to = moves[int(np.flatnonzero(~decide(rows))[0])]
        results.append(attrs.evolve(monotonic_failure(council, p, failing, int(p[failing]), to, decide), exact=False))

    # anonymity: adjacent seats of one class
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if kinds[i] == kinds[j]]

    def swapped(p: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
        cand = [(i, j) for i, j in pairs if p[i] != p[j]]
        rows = np.repeat(p.reshape(1, -1), len(cand), axis=0)
        for r, (i, j) in enumerate(cand):
            rows[r, i], rows[r, j] = p[j], p[i]
        return cand, rows

    def not_anonymous(p: np.ndarray) -> bool:
        cand, rows = swapped(p)
        return bool(cand) and bool((decide(rows) != d1(p)).any())

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
        cand, rows = swapped(p)
        i, j = cand[int(np.flatnonzero(decide(rows) != d1(p))[0])]
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
    def wins(members: Sequence[int]) -> bool:
        return d1(yes_profile(n, members))

    def improper(assign: Sequence[int]) -> bool:
        S = [i for i, a in enumerate(assign) if a == 1]
        T = [i for i, a in enumerate(assign) if a == 2]
        return wins(S) and wins(T)

    found = search(st.lists(st.sampled_from([0, 1, 2]), min_size=n, max_size=n), improper)
    if found is None:
        results.append(
            PropertyResult(
                "proper", True, f"no two disjoint winning coalitions in {examples} examples (sampled)", exact=False
            )
        )
    else:
        found = list(found)
        for i in range(n):
            if found[i]:
                trial = list(found)
                trial[i] = 0
                if improper(trial):
                    found = trial
        S = [i for i, a in enumerate(found) if a == 1]
        T = [i for i, a in enumerate(found) if a == 2]
        results.append(attrs.evolve(proper_result(council, S, T, decide), exact=False))

    # decisive
    def neither(mask: Sequence[bool]) -> bool:
        S = [i for i, m in enumerate(mask) if m]
        rest = [i for i in range(n) if not mask[i]]
        return not wins(S) and not wins(rest)

    found = search(st.lists(st.booleans(), min_size=n, max_size=n), neither)
    if found is None:
        results.append(
            PropertyResult("decisive", True, f"no counterexample in {examples} examples (sampled)", exact=False)
        )
    else:
        results.append(
            attrs.evolve(decisive_result(council, [i for i, m in enumerate(found) if m], decide), exact=False)
        )

    # smallest blocking coalition (searched, then made minimal)
    def smallest(ballot: int, seats: list[int]) -> list[int] | None:
        def blocks(mask: Sequence[bool]) -> bool:
            p = np.full(n, YES, dtype=np.int8)
            p[[s for s, m in zip(seats, mask, strict=True) if m]] = ballot
            return not d1(p)

        found = search(st.lists(st.booleans(), min_size=len(seats), max_size=len(seats)), blocks, shrink=False)
        if found is None:
            return None
        mask = list(found)
        for i in range(len(seats)):
            if mask[i]:
                trial = list(mask)
                trial[i] = False
                if blocks(trial):
                    mask = trial
        return [s for s, m in zip(seats, mask, strict=True) if m]

    everyone = list(range(n))
    unanimous = d1(np.full(n, YES, dtype=np.int8))
    B = smallest(NO, everyone) if unanimous else None
    if not unanimous:
        results.append(moot("blocking", exact=True))
    elif B is None:
        results.append(PropertyResult("blocking", None, "no blocking coalition found (sampled)", exact=False))
    else:
        lone: list[int] = []
        for i in range(n):
            p = np.full(n, YES, dtype=np.int8)
            p[i] = NO
            if not d1(p):
                lone.append(i)
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

