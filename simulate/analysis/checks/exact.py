"""The exact check: every property read off the decision table over the count lattice.

``D(K)`` is the rule's decision at each point ``K`` of the lattice of its seat
groups (:mod:`.table`; one seat per group for the exhaustive method, the rule's
seat roles for the seat-class method). Every property is an array operation
on ``D``, exact because the rule treats the seats of a group alike:

``monotonic``
    no ``K`` and group ``c`` with ``D(K)`` and ``¬D(K')``, ``K'`` being ``K``
    with one seat of ``c`` moved from no to abstain, no to yes, or abstain to yes.
``anonymous``
    no ``K`` and groups ``c ≠ d`` of one seat kind with ``D(K) ≠ D(K')``, ``K'``
    being ``K`` with a seat of ``c`` and a seat of ``d`` swapping their ballots.
``veto_players``, ``dummies``
    the groups whose every point with a "no" is rejected; those along whose
    moves (no -> abstain -> yes) ``D`` never changes.
``proper``, ``decisive``, ``blocking``
    on the yes/no sublattice ``W(s) = D(s_c yes, m_c - s_c no)``: improper iff
    ``W(s) ∧ W(t)`` for some ``t ≤ m - s`` (an or-accumulation of ``W``
    downwards); not decisive iff ``¬W(s) ∧ ¬W(m - s)``; the smallest blocking
    coalition is the least ``n - Σ s`` with ``¬W(s)``, and there are
    ``Σ Π_c C(m_c, s_c)`` of that size.
``abstention``
    on the yes/abstain sublattice: whether one abstention, and how few, defeat a
    draft the others support.
Counts: ``#{p : D(p)} = Σ_K D(K) Π_c m_c! / (y_c! x_c! a_c!)`` of ``3^n`` and
``#{S : W(S)} = Σ_s W(s) Π_c C(m_c, s_c)`` of ``2^n``.

Counterexamples are canonical, the same whatever the grouping, so that both
exact methods name the same members: the fewest members not voting yes, then
the fewest abstaining; for a coalition, the earliest seats; for anonymity, then
the earliest pair of seats ``i < j``, then the first profile in lexicographic
order.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import reduce

import numpy as np

from ...codes import ABSTAIN, NO, YES
from ...games.lattice import binomials, outer, outer_sum
from ...model.council import Council
from ...model.motion import Motion
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
from .report import PropertyResult
from .table import Decide, SeatLattice
from .words import KIND_LABELS, coalition_text, seat_names

__all__ = ["exact"]

#: The unordered pairs of distinct ballots, lower code first.
BALLOT_PAIRS = ((YES, NO), (YES, ABSTAIN), (NO, ABSTAIN))


def _sub(array: np.ndarray, indices: Sequence[np.ndarray]) -> np.ndarray:
    return array[np.ix_(*indices)]


def _argbest(mask: np.ndarray, key: np.ndarray) -> tuple[int, ...] | None:
    """The point of ``mask`` with the smallest key (first in order on ties)."""
    idx = np.flatnonzero(mask)
    if not idx.size:
        return None
    keys = np.asarray(key).reshape(-1)[idx]
    flat = int(idx[int(np.argmin(keys))])
    return tuple(int(i) for i in np.unravel_index(flat, mask.shape))


def _nonyes_key(lattice: SeatLattice) -> np.ndarray:
    """Key array for "smallest" counterexamples: fewest seats not voting yes,
    then fewest abstentions (a yes/no profile reads best)."""
    dtype = np.int16 if lattice.n < 170 else np.int32
    n = lattice.n
    sizes_comps = zip(lattice.sizes, lattice.comps, strict=True)
    per_class = [(m - comps[:, YES]) * (n + 1) + comps[:, ABSTAIN] for m, comps in sizes_comps]
    return outer_sum(per_class, dtype)


def _group_kinds(council: Council, groups: Sequence[np.ndarray]) -> list[str]:
    return [council.seats[int(g[0])].kind for g in groups]


def exact(motion: Motion, lattice: SeatLattice, decide: Decide) -> tuple[list[PropertyResult], int, int]:
    """Every property, exactly: the results, the adopted profiles and the winning coalitions."""
    council = motion.council
    D = lattice.decide_all(decide)
    key = _nonyes_key(lattice)
    results = [_monotonic(council, lattice, D, key, decide), _anonymity(council, lattice, D, key, decide)]
    results += _players(council, lattice, D)

    # binary game: coalitions voting yes, everyone else no
    W = _sub(D, lattice.counts.two_ballots(YES, NO))  # W[s]: s_c members of group c vote yes, the rest no
    sizes = lattice.sizes
    ssum = reduce(np.add.outer, [np.arange(m + 1) for m in sizes]) if len(sizes) > 1 else np.arange(sizes[0] + 1)
    results += _coalitions(council, lattice, W, ssum, decide)

    # smallest blocking coalitions: the coalition votes no, the rest yes
    weights = [binomials(m) for m in sizes]
    unanimous = bool(W[tuple(sizes)])
    if unanimous:
        results.append(_blocking(council, lattice, ~W, lattice.n - ssum, weights))
    else:
        results.append(moot("blocking"))

    # abstention
    A = _sub(D, lattice.counts.two_ballots(ABSTAIN, YES))  # A[a]: a_c members of group c abstain, the rest yes
    lone: list[int] = []
    for axis, m in enumerate(sizes):
        one = [0] * len(sizes)
        one[axis] = 1
        if m >= 1 and not A[tuple(one)]:
            lone += [int(x) for x in lattice.groups[axis]]
    asum = ssum  # same shape: counts 0..m per axis
    smallest = _argbest(~A, asum)
    if unanimous:
        fewest = None if smallest is None else int(asum[smallest])
        results.append(abstention_result(council, sorted(lone), fewest, True))
    else:
        results.append(moot("abstention"))

    # counts
    if all(m == 1 for m in sizes):
        adopted = int(np.count_nonzero(D))
        winning = int(np.count_nonzero(W))
    else:
        adopted = int((lattice.counts.multiplicities() * D).sum())
        winning = int((outer(weights) * W).sum())
    return results, adopted, winning


def _monotonic(
    council: Council, lattice: SeatLattice, D: np.ndarray, key: np.ndarray, decide: Decide
) -> PropertyResult:
    best: tuple[tuple[int, int], list[int], int, int, int] | None = None
    for axis in range(len(lattice.shape)):
        for a, b in ((NO, YES), (NO, ABSTAIN), (ABSTAIN, YES)):  # the first two imply the last
            src, dst, pos = lattice.counts.moves(axis, a, b)
            if not len(src):
                continue
            viol = np.take(D, src, axis=axis) & ~np.take(D, dst, axis=axis)
            point = _argbest(viol, np.take(key, src, axis=axis))
            if point is None:
                continue
            full = list(point)
            full[axis] = int(src[point[axis]])
            rank = (int(key[tuple(full)]), int(np.ravel_multi_index(full, D.shape)))
            if best is None or rank < best[0]:
                best = (rank, full, int(lattice.groups[axis][pos[point[axis]]]), a, b)
    if best is None:
        return PropertyResult("monotonic", True, "a ballot moved towards yes never defeats a draft")
    _, full, seat, a, b = best
    return monotonic_failure(council, lattice.profile(full), seat, a, b, decide)


def _swaps(
    lattice: SeatLattice, D: np.ndarray, key: np.ndarray, first: int, second: int
) -> list[tuple[int, int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """A seat of group ``first`` casting ``u`` and one of group ``second`` casting ``v > u``
    swap their ballots: per ``(u, v)``, the source rows of both groups, where the outcome
    changes (over the lattice with those two axes restricted to the sources) and the keys."""
    out = []
    for u, v in BALLOT_PAIRS:
        sf, df, _ = lattice.counts.moves(first, u, v)
        ss, ds, _ = lattice.counts.moves(second, v, u)
        if not len(sf) or not len(ss):
            continue
        before = np.take(np.take(D, sf, axis=first), ss, axis=second)
        after = np.take(np.take(D, df, axis=first), ds, axis=second)
        keys = np.take(np.take(key, sf, axis=first), ss, axis=second)
        out.append((u, v, sf, ss, before != after, keys))
    return out


def _first_casts(profiles: np.ndarray, seats: np.ndarray, ballot: int) -> None:
    """In place: within the group ``seats`` (its representative ballots, sorted), the first
    seat casts ``ballot`` and the others the rest of the group's ballots in order, the first
    such profile in lexicographic order."""
    block = profiles[:, seats]
    first = np.argmax(block == ballot, axis=1)
    block[np.arange(len(block)), first] = -1
    block.sort(axis=1)
    block[:, 0] = ballot
    profiles[:, seats] = block


def _anonymity(
    council: Council, lattice: SeatLattice, D: np.ndarray, key: np.ndarray, decide: Decide
) -> PropertyResult:
    """Anonymity within seat kinds, with the canonical counterexample: the fewest members
    not voting yes (then abstaining); then the earliest pair ``i < j`` of seats; then the
    first profile in lexicographic order.

    The smallest key is found on adjacent groups of a kind: a swap across groups ``c < e``
    is a chain of swaps across adjacent groups through profiles with the same counts, so
    one of them changes the outcome at the same key. The pair is then the first (in seat
    order) whose groups change the outcome at that key: over groups ``c, d``, the earliest
    seat of either, ``i``, and the earliest of the other group, ``j``. For that pair, of the
    profiles over the points found, the first in lexicographic order: seat ``i`` casts the
    lower ballot, and the other seats of both groups their ballots in order."""
    kinds = _group_kinds(council, lattice.groups)
    classes = ", ".join(k for k, n in council.kinds.items() if n)
    least: int | None = None
    for kind in ("veto", "permanent", "elected"):
        axes = [i for i, k in enumerate(kinds) if k == kind]
        for c, e in itertools.pairwise(axes):
            for *_, changes, keys in _swaps(lattice, D, key, c, e):
                if changes.any():
                    k = int(keys[changes].min())
                    least = k if least is None else min(least, k)
    if least is None:
        return PropertyResult("anonymous", True, f"within each seat class ({classes})")
    groups = lattice.groups
    pairs = sorted(
        (int(groups[f][0]), int(groups[s][0]), f, s)
        for c, e in itertools.combinations(range(len(groups)), 2)
        if kinds[c] == kinds[e]
        for f, s in [(c, e) if groups[c][0] < groups[e][0] else (e, c)]
    )
    for i, j, f, s in pairs:
        found = []
        for u, v, sf, ss, changes, keys in _swaps(lattice, D, key, f, s):
            hits = np.argwhere(changes & (keys == least))
            if not len(hits):
                continue
            hits[:, f], hits[:, s] = sf[hits[:, f]], ss[hits[:, s]]
            profiles = lattice.profiles(list(hits.T))
            _first_casts(profiles, groups[f], u)
            _first_casts(profiles, groups[s], v)
            found.append(profiles)
        if found:
            candidates = np.concatenate(found)
            first = candidates[np.lexsort(candidates.T[::-1])[0]]
            return anonymity_failure(council, first, i, j, decide)
    raise AssertionError("a swap changes the outcome at the least key, but no pair of groups shows it")


def _players(council: Council, lattice: SeatLattice, D: np.ndarray) -> list[PropertyResult]:
    """Veto players (every point where one of them votes no is rejected) and dummies."""
    vetoes: list[int] = []
    dummies: list[int] = []
    for axis, group in enumerate(lattice.groups):
        with_no = np.flatnonzero(lattice.comps[axis][:, 1] >= 1)
        if not np.take(D, with_no, axis=axis).any():
            vetoes += [int(s) for s in group]
        dummy = True
        for a, b in ((NO, ABSTAIN), (ABSTAIN, YES)):
            src, dst, _ = lattice.counts.moves(axis, a, b)
            if len(src) and not np.array_equal(np.take(D, src, axis=axis), np.take(D, dst, axis=axis)):
                dummy = False
        if dummy:
            dummies += [int(s) for s in group]
    return [
        members_result("veto_players", council, sorted(vetoes), "a lone 'no' defeats every draft"),
        members_result("dummies", council, sorted(dummies), "never change the outcome"),
    ]


def _coalitions(
    council: Council, lattice: SeatLattice, W: np.ndarray, ssum: np.ndarray, decide: Decide
) -> list[PropertyResult]:
    """Proper and decisive, on the binary game ``W``."""
    sizes = lattice.sizes
    flip = tuple(slice(None, None, -1) for _ in sizes)
    down = W.copy()
    for axis in range(W.ndim):
        np.logical_or.accumulate(down, axis=axis, out=down)
    improper = W & down[flip]

    def earliest(mask: np.ndarray) -> tuple[int, ...] | None:  # smallest coalition, earliest seats first
        point = _argbest(mask[flip], ssum[flip])  # search the reversed axes
        return None if point is None else tuple(m - x for m, x in zip(sizes, point, strict=True))

    results = []
    s = earliest(improper)
    if s is None:
        results.append(PropertyResult("proper", True, "no two disjoint coalitions can both adopt a draft"))
    else:
        room = tuple(slice(0, m - si + 1) for m, si in zip(sizes, s, strict=True))
        t = _argbest(W[room], ssum[room])
        assert t is not None  # the coalition s is improper: a disjoint winning coalition exists
        results.append(proper_result(council, _split(lattice, s), _split(lattice, t, last=True), decide))
    s = earliest(~W & ~W[flip])
    if s is None:
        results.append(PropertyResult("decisive", True, "for every coalition, it or the rest can adopt a draft"))
    else:
        results.append(decisive_result(council, _split(lattice, s), decide))
    return results


def _split(lattice: SeatLattice, counts: Sequence[int], last: bool = False) -> list[int]:
    """Seats: ``counts[c]`` of group ``c``, the first (or the last) ones."""
    seats: list[int] = []
    for group, k in zip(lattice.groups, counts, strict=True):
        seats += [int(s) for s in (group[len(group) - k :] if last else group[:k])] if k else []
    return sorted(seats)


def _earliest_coalition(lattice: SeatLattice, mask: np.ndarray) -> list[int]:
    """Of the coalitions at the points of ``mask`` over the binary lattice (per
    group, how many vote yes; the group's first seats make up the rest), the one
    with the earliest seats: the first in lexicographic order of sorted seats.

    Canonical: the same coalition whatever the grouping, so that the exhaustive
    and the seat-class method name the same members. Greedy, seat by seat: keep
    the seat in the coalition whenever some point of ``mask`` allows it."""
    counts = np.indices(mask.shape, sparse=True)  # yes votes per group at each point
    rank = {int(s): (axis, r) for axis, group in enumerate(lattice.groups) for r, s in enumerate(group)}
    candidates = mask.copy()
    for seat in range(lattice.n):
        axis, r = rank[seat]
        inside = candidates & (lattice.sizes[axis] - counts[axis] > r)  # the group's first r + 1 seats vote no
        if inside.any():
            candidates = inside
    point = _argbest(candidates, np.zeros(candidates.shape, dtype=np.int8))
    if point is None:
        raise ValueError("no coalition in the mask")
    return _split(lattice, [m - s for m, s in zip(lattice.sizes, point, strict=True)])


def _blocking(
    council: Council, lattice: SeatLattice, blocked: np.ndarray, bsize: np.ndarray, weights: list[np.ndarray]
) -> PropertyResult:
    """The smallest coalitions that defeat a draft by voting no (the rest yes), overall and per seat kind."""
    sizes = lattice.sizes
    if not blocked.any():
        return PropertyResult(
            "blocking", None, "no coalition can defeat a draft by voting no: everything passes", (), None
        )
    k = int(bsize[blocked].min())
    minimal = blocked & (bsize == k)
    count = int((outer(weights) * minimal).sum())  # C(m, s) = C(m, m - s) coalitions per point
    example = _earliest_coalition(lattice, minimal)
    # members of minimal coalitions of size 1: groups where one member voting no blocks
    lone: list[int] = []
    for a in range(len(sizes)):
        idx = tuple((mm - 1 if b == a else mm) for b, mm in enumerate(sizes))
        if blocked[idx]:
            lone += [int(x) for x in lattice.groups[a]]
    if k == 1:
        text = f"any one of {coalition_text(council, sorted(lone), 99)}"
    else:
        text = f"{k} members, e.g. {coalition_text(council, example, 99)} ({count:,} coalitions of {k})"
    kinds = _group_kinds(council, lattice.groups)
    per_kind: dict[str, int | None] = {}
    for kind in ("veto", "permanent", "elected"):
        axes = [i for i, kk in enumerate(kinds) if kk == kind]
        if not axes:
            continue
        fixed = tuple(slice(None) if i in axes else sizes[i] for i in range(len(sizes)))
        sub = blocked[fixed]
        per_kind[kind] = int(bsize[fixed][sub].min()) if sub.any() else None
    parts = [f"{KIND_LABELS[kind]} alone: {'cannot block' if v is None else v}" for kind, v in per_kind.items()]
    if len(per_kind) > 1 or (per_kind and next(iter(per_kind.values())) != k):
        text += "; " + "; ".join(parts)
    detail = {"per_class": per_kind, "coalitions": count, "lone": tuple(seat_names(council, sorted(lone)))}
    return blocking_result(council, text, example, detail=detail)
