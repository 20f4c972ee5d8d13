"""Monte Carlo: draw whole council votes, decide them with each rule's own decision.

Reproducible bit for bit: the draws are cut into blocks of :data:`BLOCK` votes,
and block ``b`` takes its random numbers from its own stream
``PCG64(SeedSequence(seed, spawn_key=(b,)))``, one row of uniforms (float32) per
random operation (a member's draw, a follower's coin). So the result depends
only on the seed and the number of draws, not on the chunk size (how many blocks
are processed at once) nor the number of worker threads. Rows are keyed by the
operation, so several rules see the same draws (common random numbers), even
rules for an enlarged council (their extra seats' rows come after the others).

A class-symmetric rule is decided through its outcome table (:mod:`.tables`:
the rule's own tally on one representative profile per count combination), a
table lookup per draw; any other rule (a user's function rule) decides the drawn
profiles with its own ``tally``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import numpy as np

from ...errors import SimulateError
from ...model.ballots import Ballot
from .model import ChanceModel, Copy, Draw, Fixed
from .tables import ADOPTED, OutcomeTable, TableTooLarge, classify, outcome_table

__all__ = ["BLOCK", "MAX_DRAWS", "RATE", "MCResult", "check_draws", "simulate"]

#: Votes per random stream (the unit of reproducibility).
BLOCK = 1 << 16
#: Default votes per chunk (processed at once by one thread).
CHUNK = 1 << 18
#: Refuse more draws than this.
MAX_DRAWS = 5 * 10**9
#: A conservative throughput (votes per second per rule group) for time estimates.
RATE = 5e6
#: Bytes of working memory per vote in a chunk, per random row and per seat (estimate).
_BYTES_PER_ROW, _BYTES_PER_SEAT, _BYTES_FIXED = 4, 1, 40


@attrs.frozen
class MCResult:
    """Monte Carlo estimates for one rule: counts out of ``draws``, with standard errors."""

    rule: str
    draws: int
    counts: tuple[int, int, int, int]  # adopted, vetoed, short, other
    #: versus the first rule: draws adopted only under the first / only under this one
    only_first: int
    only_this: int
    decisive: tuple[int, ...] | None
    permanent_no: tuple[int, ...]
    method: str  # "table" or "tally"

    def p(self, code: int) -> float:
        return self.counts[code] / self.draws

    def stderr(self, code: int) -> float:
        p = self.p(code)
        return math.sqrt(p * (1 - p) / self.draws)

    @property
    def difference(self) -> tuple[float, float]:
        """P(adopted under this rule) - P(adopted under the first rule), and its standard error."""
        n = self.draws
        d = (self.only_this - self.only_first) / n
        var = ((self.only_this + self.only_first) / n - d * d) / n
        return d, math.sqrt(max(var, 0.0))


def check_draws(draws: Any, rows: int = 16, seats: int = 15, groups: int = 1, where: str = "draws") -> int:
    """A sensible number of draws, or a :class:`SimulateError` saying why not."""
    if isinstance(draws, float) and draws.is_integer():
        draws = int(draws)
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer):
        raise SimulateError(f"{where}: expected a whole number of draws, got {draws!r}")
    draws = int(draws)
    if draws < 1:
        raise SimulateError(f"{where}: {draws} draws; give at least 1 (e.g. 1000000)")
    if draws > MAX_DRAWS:
        seconds = draws * groups / RATE
        raise SimulateError(
            f"{where}: {draws:,} draws would take about {seconds / 3600:.1f} hours at {RATE:.0e} votes/s; "
            f"at most {MAX_DRAWS:,} (the standard error at 10^8 draws is already below 0.0001)"
        )
    return draws


def chunk_bytes(chunk: int, rows: int, seats: int) -> int:
    """Working memory of one chunk (an estimate)."""
    return chunk * (rows * _BYTES_PER_ROW + seats * _BYTES_PER_SEAT + _BYTES_FIXED)


# ---------------------------------------------------------------- one chunk


@attrs.frozen(eq=False)
class _Group:
    """Models that share a council and operations (their profiles are drawn once)."""

    model: ChanceModel
    members: tuple[int, ...]  # indices into the models list


@attrs.frozen(eq=False)
class _Decider:
    table: OutcomeTable | None
    weights: tuple[np.ndarray, ...]  # per class: dense weight of each ballot code
    strides: tuple[int, ...]
    flat: np.ndarray | None


def _decider(model: ChanceModel) -> _Decider:
    supports: list[set[int]] = [{int(b)} for b in model.record.ballots]
    for op in model.ops:  # the ballots each seat can end with
        if isinstance(op, Fixed):
            supports[op.seat] = {int(op.ballot)}
        elif isinstance(op, Draw):
            supports[op.seat] = {int(b) for b in op.dist.support}
        elif isinstance(op, Copy):
            for f in op.followers:
                supports[f] = set(supports[op.leader]) | (supports[f] if op.rho != 1 else set())
    try:
        table = outcome_table(model.rule, model.motion, [sorted(s) for s in supports])
    except (TableTooLarge):
        return _Decider(None, (), (), None)
    weights = []
    for seats in table.classes:
        s = len(seats) + 1
        weights.append(np.array([1, s, s * s, 0], dtype=np.int16 if s**3 < 2**15 else np.int32))
    shape = table.outcome.shape
    strides = tuple(int(np.prod(shape[c + 1:], dtype=np.int64)) for c in range(len(shape)))
    return _Decider(table, tuple(weights), strides, table.outcome.ravel())


def _profiles(model: ChanceModel, rows: dict[str, int], u: np.ndarray, m: int) -> np.ndarray:
    """Drawn ballots, shape (seats, m), from the uniforms ``u`` (rows by operation key)."""
    n = model.council.size
    p = np.empty((n, m), dtype=np.int8)
    p[:] = np.asarray(model.record.ballots, dtype=np.int8)[:, None]
    mask = np.empty(m, dtype=bool)
    mask2 = np.empty(m, dtype=bool)
    for op in model.ops:
        if isinstance(op, Fixed):
            p[op.seat] = int(op.ballot)
        elif isinstance(op, Draw):
            row = u[rows[op.key]]
            support = [int(b) for b in op.dist.support]
            cum = np.cumsum([float(op.dist.probs[b]) for b in support])
            target = p[op.seat]
            if support == [0, 1] or support == [0, 1, 2]:  # the usual cases: one pass per threshold
                np.greater_equal(row, np.float32(cum[0]), out=mask)
                if len(support) == 2:
                    np.copyto(target, mask.view(np.int8))
                else:
                    np.greater_equal(row, np.float32(cum[1]), out=mask2)
                    np.add(mask.view(np.int8), mask2.view(np.int8), out=target)
                continue
            target[:] = support[0]
            for k in range(1, len(support)):
                np.greater_equal(row, np.float32(cum[k - 1]), out=mask)
                step = support[k] - support[k - 1]
                if step == 1:
                    target += mask.view(np.int8)
                else:
                    target += mask.view(np.int8) * np.int8(step)
        elif isinstance(op, Copy):
            lead = p[op.leader]
            for f in op.followers:
                if op.rho == 1:
                    p[f] = lead
                else:
                    np.less(u[rows[f"{op.key}:{model.council.names[f]}"]], np.float32(float(op.rho)), out=mask)
                    np.copyto(p[f], lead, where=mask)
    return p


def _decide(
    model: ChanceModel, decider: _Decider, p: np.ndarray, decisive: bool, permanent: Sequence[int] = ()
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Outcome codes per draw, per seat the number of draws in which it is decisive, and (when the
    permanent seats form one seat class) how many draws have 0, 1, 2... permanent members voting no."""
    if decider.table is None:
        profiles = np.ascontiguousarray(p.T)
        codes = classify(model.rule.tally(profiles, model.motion))
        swings = None
        if decisive:
            adopted = codes == ADOPTED
            swings = np.zeros(p.shape[0], dtype=np.int64)
            for s in range(p.shape[0]):
                flipped = profiles.copy()
                flipped[:, s] = Ballot.YES
                yes = np.asarray(model.rule.decide(flipped, model.motion))
                flipped[:, s] = Ballot.NO
                no = np.asarray(model.rule.decide(flipped, model.motion))
                swings[s] = int(np.count_nonzero(yes != no))
            del adopted
        return codes, swings, None
    table = decider.table
    m = p.shape[1]
    assert decider.flat is not None
    flat: np.ndarray = np.zeros(m, dtype=np.int32 if decider.flat.size < 2**31 else np.int64)
    class_codes = []
    perm = None
    for c, seats in enumerate(table.classes):
        w = decider.weights[c]
        tmp = np.empty(m, dtype=w.dtype)
        code = np.zeros(m, dtype=w.dtype)
        for s in seats:
            np.take(w, p[s], out=tmp)
            code += tmp
        class_codes.append(code)
        index: np.ndarray = np.take(table.index[c], code)
        if permanent and tuple(permanent) == seats:
            weights = np.bincount(index, minlength=len(table.comps[c]))
            perm = np.bincount(table.comps[c][:, 1], weights=weights, minlength=len(seats) + 1).astype(np.int64)
        if decider.strides[c] != 1:
            index *= decider.strides[c]
        flat += index
    codes = decider.flat[flat]
    swings = None
    if decisive:
        adopted_flat: np.ndarray = decider.flat == ADOPTED
        swings = np.zeros(p.shape[0], dtype=np.int64)
        for c, seats in enumerate(table.classes):
            w = decider.weights[c]
            lookup = table.index[c]
            for s in seats:
                without = class_codes[c] - w[p[s]]
                base = flat - lookup[class_codes[c]] * decider.strides[c]
                yes = adopted_flat[base + lookup[without + w[0]] * decider.strides[c]]
                no = adopted_flat[base + lookup[without + w[1]] * decider.strides[c]]
                swings[s] = int(np.count_nonzero(yes != no))
    return codes, swings, perm


def _count_no(p: np.ndarray, seats: Sequence[int], m: int) -> np.ndarray:
    """How many draws have 0, 1, 2, ... of ``seats`` voting no."""
    count = np.zeros(m, dtype=np.uint8)
    for s in seats:
        count += p[s] == Ballot.NO
    return np.bincount(count, minlength=len(seats) + 1)


# ---------------------------------------------------------------- the engine


def _row_keys(models: Sequence[ChanceModel]) -> dict[str, int]:
    """Random rows by operation key: the sitting council's seats first, new seats of enlarged councils after."""
    from ...rules.seats import is_placeholder

    base: dict[str, None] = {}
    extra: dict[str, None] = {}
    for model in models:
        names = model.council.names
        for op in model.ops:
            pairs: list[tuple[str, int]] = []
            if isinstance(op, Draw):
                pairs = [(op.key, op.seat)]
            elif isinstance(op, Copy) and op.rho != 1:
                pairs = [(f"{op.key}:{names[f]}", f) for f in op.followers]
            for key, seat in pairs:
                target = extra if is_placeholder(model.council.members[seat]) else base
                target.setdefault(key, None)
    return {k: i for i, k in enumerate([*base, *(k for k in extra if k not in base)])}


def simulate(
    models: Sequence[ChanceModel],
    draws: int,
    seed: int = 0,
    *,
    chunk: int = CHUNK,
    workers: int | None = None,
    decisive: bool = False,
) -> list[MCResult]:
    """Monte Carlo estimates for each model (one per rule), all on the same draws.

    ``chunk`` votes are processed at once (rounded down to a multiple of
    :data:`BLOCK`, at least one block); ``workers`` threads (default: the CPU
    count) share the chunks. Neither changes the result.
    """
    if not models:
        raise SimulateError("no rule to simulate")
    draws = check_draws(draws)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise SimulateError(f"seed: expected a non-negative whole number, got {seed!r}")
    chunk = max(BLOCK, (int(chunk) // BLOCK) * BLOCK)
    rows = _row_keys(models)
    groups: list[_Group] = []
    for i, model in enumerate(models):
        for g, group in enumerate(groups):
            same = group.model.council == model.council and group.model.ops == model.ops
            if same and group.model.record.ballots == model.record.ballots:
                groups[g] = _Group(group.model, (*group.members, i))
                break
        else:
            groups.append(_Group(model, (i,)))
    deciders = [_decider(model) for model in models]
    permanent = [[s for s in range(m.council.size) if m.council.seats[s].permanent] for m in models]
    blocks = -(-draws // BLOCK)
    per_chunk = chunk // BLOCK
    starts = list(range(0, blocks, per_chunk))

    def run(first: int) -> list[tuple[np.ndarray, int, int, np.ndarray | None, np.ndarray]]:
        last = min(first + per_chunk, blocks)
        sizes = [min(BLOCK, draws - b * BLOCK) for b in range(first, last)]
        m = sum(sizes)
        u = np.empty((len(rows), m), dtype=np.float32)
        at = 0
        for b, size in zip(range(first, last), sizes, strict=True):
            rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(int(seed), spawn_key=(b,))))
            for r in range(len(rows)):
                rng.random(size, dtype=np.float32, out=u[r, at:at + size])
            at += size
        out: list[Any] = [None] * len(models)
        first_adopted = None
        for group in groups:
            p = _profiles(group.model, rows, u, m)
            perm = None
            for i in group.members:
                codes, swings, from_table = _decide(models[i], deciders[i], p, decisive, permanent[i])
                if perm is None:
                    perm = from_table if from_table is not None else _count_no(p, permanent[i], m)
                adopted: np.ndarray | None = codes == ADOPTED if len(models) > 1 else None
                if i == 0:
                    first_adopted = adopted
                counts = np.bincount(codes, minlength=4)
                out[i] = [counts, adopted, swings, perm]
        results = []
        for counts, adopted, swings, perm in out:
            if adopted is None or first_adopted is None:
                results.append((counts, 0, 0, swings, perm))
                continue
            only_first = int(np.count_nonzero(first_adopted & ~adopted))
            only_this = int(np.count_nonzero(~first_adopted & adopted))
            results.append((counts, only_first, only_this, swings, perm))
        return results

    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(starts) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(run, starts))
    else:
        parts = [run(s) for s in starts]
    results = []
    for i, model in enumerate(models):
        counts = np.sum([part[i][0] for part in parts], axis=0)
        swings = None
        if decisive and all(part[i][3] is not None for part in parts):
            swings = tuple(int(x) for x in np.sum([np.asarray(part[i][3]) for part in parts], axis=0))
        perm = np.sum([part[i][4] for part in parts], axis=0)
        results.append(
            MCResult(
                rule=model.rule.name,
                draws=draws,
                counts=(int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3])),
                only_first=sum(part[i][1] for part in parts),
                only_this=sum(part[i][2] for part in parts),
                decisive=swings,
                permanent_no=tuple(int(x) for x in perm),
                method="table" if deciders[i].table is not None else "tally",
            )
        )
    return results
