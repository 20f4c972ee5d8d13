"""Exact probabilities: members independent (or one or a few leader-follower blocs), by seat class.

Within each seat class the members' own distributions are convolved into the
distribution of the class's ballot-count vector (a generating function in
yes, no and abstain); the classes are independent, and the rule's decision
depends only on the count vectors (:mod:`.tables`). So ``P(adopted)`` is the
sum, over count combinations, of the product of the classes' probabilities
times the rule's own decision on one representative profile.

Blocs: the operations are first put in a normal form in which every seat is
either independent or follows a bloc leader with probability ``rho`` (and
otherwise votes its own independent distribution). Conditioning on the
leaders' ballots makes every seat independent again, so the result is a
weighted sum over the leaders' ballots (``4^blocs`` branches at most). Where
exactness ends, :class:`NotExact` says why: a chain of blocs with ``rho < 1``
(a follower of a follower), a member that follows a second leader with
``rho < 1``, more than :data:`MAX_BRANCHES` branches, a rule that treats seats of
a class differently (a user's function rule), or a count lattice too large.
The Monte Carlo engine handles those.

Probabilities are :class:`~fractions.Fraction` when every input is a fraction,
``float`` otherwise.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ...errors import SimulateError
from ...model.ballots import Ballot
from ...model.chance import BallotDistribution
from .model import ChanceModel, Copy, Draw, Fixed
from .tables import ADOPTED, OutcomeTable, TableTooLarge, outcome_table

__all__ = ["MAX_BRANCHES", "ExactResult", "NotExact", "branches", "exact_probabilities"]

#: Most combinations of bloc leaders' ballots conditioned on.
MAX_BRANCHES = 256

Probs = tuple[Any, Any, Any, Any]


class NotExact(SimulateError):
    """The model cannot be computed exactly here; the message says why."""


@attrs.frozen
class ExactResult:
    """Exact outcome probabilities of one rule (Fractions or floats)."""

    adopted: Any
    vetoed: Any
    short: Any
    other: Any
    decisive: tuple[Any, ...] | None
    permanent_no: tuple[Any, ...]
    branches: int


# ---------------------------------------------------------------- normal form


@attrs.define
class _Bloc:
    leader_dist: Probs
    leader_seat: int | None
    followers: dict[int, tuple[Any, Probs]] = attrs.Factory(dict)  # seat -> (rho, own)


def _kind(model: ChanceModel) -> Any:
    return Fraction if model.exact_inputs else float


_POINTS = {
    (code, kind): tuple(kind(int(b == code)) for b in range(4)) for code in range(4) for kind in (Fraction, float)
}


def _point(ballot: Ballot, kind: Any) -> Probs:
    return _POINTS[int(ballot), kind]  # type: ignore[return-value]


@functools.lru_cache(maxsize=1024)
def _as_kind(dist: BallotDistribution, kind: Any) -> Probs:
    return tuple(kind(p) for p in dist.probs)


def branches(model: ChanceModel) -> list[tuple[Any, list[Probs]]]:
    """``[(weight, per-seat distributions), ...]``: seats independent within each branch."""
    kind = _kind(model)
    n = model.council.size
    dist: list[Probs] = [_point(b, kind) for b in model.record.ballots]
    follows: dict[int, int] = {}  # follower seat -> bloc id
    leads: dict[int, int] = {}  # leader seat -> bloc id
    blocs: list[_Bloc] = []

    def release(s: int) -> None:
        """Seat ``s`` gets a new value: it leaves its bloc, and its followers keep the old one."""
        if s in follows:
            del blocs[follows.pop(s)].followers[s]
        if s in leads:
            blocs[leads.pop(s)].leader_seat = None

    for op in model.ops:
        if isinstance(op, Fixed):
            release(op.seat)
            dist[op.seat] = _point(op.ballot, kind)
        elif isinstance(op, Draw):
            release(op.seat)
            dist[op.seat] = _as_kind(op.dist, kind)
        elif isinstance(op, Copy):
            rho = kind(op.rho)
            leader = op.leader
            if leader in follows:
                k = follows[leader]
                lead_rho = blocs[k].followers[leader][0]
                if lead_rho != 1:
                    raise NotExact("a bloc whose leader itself follows another leader with rho < 1 (a chain of blocs)")
            elif leader in leads:
                k = leads[leader]
            else:
                k = len(blocs)
                blocs.append(_Bloc(dist[leader], leader))
                leads[leader] = k
            for f in op.followers:
                if f in follows and rho != 1:
                    raise NotExact("a member that already follows one leader follows another with rho < 1")
                own = dist[f]
                release(f)
                blocs[k].followers[f] = (rho, own)
                follows[f] = k
        else:  # pragma: no cover
            raise NotExact(f"unknown operation {op!r}")
    active = [b for b in blocs if b.followers]
    supports = [[x for x in Ballot if b.leader_dist[x] != 0] for b in active]
    count = int(np.prod([len(s) for s in supports])) if supports else 1
    if count > MAX_BRANCHES:
        raise NotExact(
            f"{len(active)} blocs: {count} combinations of their leaders' ballots (more than {MAX_BRANCHES})"
        )
    out = []
    for choice in itertools.product(*supports):
        weight: Any = kind(1)
        seats = list(dist)
        for bloc, b in zip(active, choice, strict=True):
            weight = weight * bloc.leader_dist[b]
            if bloc.leader_seat is not None:
                seats[bloc.leader_seat] = _point(b, kind)
            for f, (rho, own) in bloc.followers.items():
                seats[f] = tuple(rho * int(x == b) + (1 - rho) * own[x] for x in Ballot)
        out.append((weight, seats))
    assert all(len(s) == n for _, s in out)
    return out


# ---------------------------------------------------------------- generating functions


def _scaled(probs: Probs, kind: Any) -> tuple[tuple[Any, ...], Any]:
    """Fractions as integers over a common denominator (integer arithmetic is far faster); floats as they are."""
    if kind is not Fraction:
        return probs, 1.0
    den = math.lcm(*(Fraction(p).denominator for p in probs))
    return tuple(int(Fraction(p) * den) for p in probs), den


@functools.lru_cache(maxsize=256)
def _multinomial(k: int, size: int, exact: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Multinomial coefficients ``k! / (y! n! a! x!)`` on the ``(size+1)^3`` grid of (yes, no, abstain)
    counts (0 where ``y + n + a > k``), and the grids of ``y``, ``n``, ``a`` and ``x = k - y - n - a``."""
    y, n, a = np.indices((size + 1,) * 3)
    x = k - y - n - a
    coef = np.zeros(y.shape, dtype=object)
    for idx in zip(*np.nonzero(x >= 0), strict=True):
        i, j, m = (int(v) for v in idx)
        coef[i, j, m] = math.factorial(k) // (
            math.factorial(i) * math.factorial(j) * math.factorial(m) * math.factorial(k - i - j - m)
        )
    x = np.maximum(x, 0)
    return (coef if exact else coef.astype(float)), y, n, a, x


def _iid(probs: Probs, k: int, size: int, kind: Any) -> tuple[np.ndarray, Any]:
    """The count grid of ``k`` members with the same distribution, in one step (multinomial)."""
    scaled, den = _scaled(probs, kind)
    coef, y, n, a, x = _multinomial(k, size, kind is Fraction)
    if kind is Fraction:
        powers = [np.array([p**i for i in range(k + 1)], dtype=object) for p in scaled]
    else:
        powers = [np.array([p**i for i in range(k + 1)], dtype=float) for p in scaled]
    grid = coef * powers[0][np.minimum(y, k)] * powers[1][np.minimum(n, k)] * powers[2][np.minimum(a, k)]
    grid = grid * powers[3][x]
    return grid, den**k


def _convolve(members: Sequence[Probs], size: int, kind: Any) -> tuple[np.ndarray, Any]:
    """The distribution of (yes, no, abstain) counts over ``members`` as a dense ``(size+1)^3`` grid,
    and its denominator (1 for floats; the grid holds integers for fractions). The largest group of
    members with the same distribution enters at once (multinomial), the others one by one."""
    dtype = object if kind is Fraction else float
    groups: dict[Probs, int] = {}
    for probs in members:
        groups[probs] = groups.get(probs, 0) + 1
    common = max(groups, key=lambda p: groups[p]) if groups else None
    if common is not None and groups[common] > 2:
        grid, denominator = _iid(common, groups[common], size, kind)
        members = [p for p in members if p != common]
    else:
        grid = np.zeros((size + 1,) * 3, dtype=dtype)
        grid[0, 0, 0] = 1
        denominator = 1 if kind is Fraction else 1.0
    for probs in members:
        (py, pn, pa, px), den = _scaled(probs, kind)
        denominator *= den
        new = grid * px if px != 0 else np.zeros_like(grid)
        if py != 0:
            new[1:] += grid[:-1] * py
        if pn != 0:
            new[:, 1:] += grid[:, :-1] * pn
        if pa != 0:
            new[:, :, 1:] += grid[:, :, :-1] * pa
        grid = new
    return grid, denominator


def _class_vector(table: OutcomeTable, c: int, grid: np.ndarray) -> np.ndarray:
    comp = table.comps[c]
    return grid[comp[:, 0], comp[:, 1], comp[:, 2]]


def _outer(vectors: Sequence[np.ndarray]) -> np.ndarray:
    out = vectors[0]
    for v in vectors[1:]:
        out = np.multiply.outer(out, v)
    return out


def _sum(values: np.ndarray, kind: Any, denominator: Any) -> Any:
    if kind is Fraction:
        return Fraction(sum(values.tolist()), denominator)
    return float(values.sum())


def exact_probabilities(model: ChanceModel, *, decisive: bool = False) -> ExactResult:
    """P(adopted), P(vetoed), P(short) (and each seat's probability of being decisive) exactly.

    Raises :class:`NotExact` where exactness ends (see the module's docstring).
    """
    kind = _kind(model)
    parts = branches(model)
    n = model.council.size
    supports = [sorted({b for _, seats in parts for b in range(4) if seats[s][b] != 0}) for s in range(n)]
    try:
        table = outcome_table(model.rule, model.motion, supports)
    except (TableTooLarge) as exc:
        raise NotExact(str(exc)) from None
    totals = [kind(0)] * 4
    swings = [kind(0)] * n
    permanent = [s for s in range(n) if model.council.seats[s].permanent]
    perm_no = [kind(0)] * (len(permanent) + 1)
    for weight, seats in parts:
        grids = [_convolve([seats[s] for s in cls], len(cls), kind) for cls in table.classes]
        vectors = [_class_vector(table, c, g) for c, (g, _) in enumerate(grids)]
        denominators = [d for _, d in grids]
        joint = _outer(vectors)
        denominator = math.prod(denominators)
        if kind is Fraction:
            for code in range(4):
                mask = table.outcome == code
                if mask.any():
                    totals[code] += weight * _sum(joint[mask], kind, denominator)
        else:
            sums = np.bincount(table.outcome.ravel(), weights=joint.ravel(), minlength=4)
            for code in range(4):
                totals[code] += weight * float(sums[code])
        poly = [kind(1)]
        for s in permanent:
            p = seats[s][Ballot.NO]
            poly = [
                (poly[k] if k < len(poly) else 0) * (1 - p) + (poly[k - 1] * p if k else 0)
                for k in range(len(poly) + 1)
            ]
        for k, v in enumerate(poly):
            perm_no[k] += weight * v
        if decisive:
            for c, cls in enumerate(table.classes):
                done: dict[Probs, Any] = {}
                for s in cls:
                    if seats[s] not in done:
                        others = list(cls)
                        others.remove(s)
                        done[seats[s]] = _decisive(table, vectors, denominators, c, [seats[o] for o in others], kind)
                    swings[s] += weight * done[seats[s]]
    return ExactResult(
        adopted=totals[0], vetoed=totals[1], short=totals[2], other=totals[3],
        decisive=tuple(swings) if decisive else None, permanent_no=tuple(perm_no), branches=len(parts),
    )


def _decisive(
    table: OutcomeTable, vectors: list[np.ndarray], denominators: list[Any], c: int, others: list[Probs], kind: Any
) -> Any:
    """P(the outcome differs between this seat voting yes and voting no), the others as drawn."""
    size = len(table.classes[c])
    grid, den = _convolve(others, size - 1, kind)
    y, no, a = np.nonzero(grid != 0)
    q = grid[y, no, a]
    s = size + 1
    idx_yes = table.index[c][(y + 1) + no * s + a * s * s]
    idx_no = table.index[c][y + (no + 1) * s + a * s * s]
    adopted = table.outcome == ADOPTED
    swing = np.take(adopted, idx_yes, axis=c) != np.take(adopted, idx_no, axis=c)
    vecs = list(vectors)
    vecs[c] = q
    dens = list(denominators)
    dens[c] = den
    joint = _outer(vecs)
    return _sum(joint[swing], kind, math.prod(dens))
