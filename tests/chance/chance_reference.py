"""A reference for the chance engines: enumerate every outcome of every random step.

Each ``Draw`` is a random variable over its support and each follower of a
``Copy`` with ``0 < rho < 1`` a coin; every combination is applied to the
record's ballots point by point (the semantics of a what-if sequence) and
decided by the rule's own tally. Slow, obvious and exact.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

from simulate.analysis.chance.model import ChanceModel, Copy, Draw, Fixed
from simulate.analysis.chance.tables import classify
from simulate.model.ballots import Ballot


def enumerate_model(model: ChanceModel, limit: int = 2_000_000) -> tuple[list, np.ndarray]:
    """Every profile with its weight (Fractions or floats): ``(weights, profiles)``."""
    variables = []  # (op index, follower or None, [(value, weight)])
    for k, op in enumerate(model.ops):
        if isinstance(op, Draw):
            variables.append((k, None, [(int(b), op.dist.probs[b]) for b in op.dist.support]))
        elif isinstance(op, Copy) and op.rho != 1:
            for f in op.followers:
                variables.append((k, f, [(True, op.rho), (False, 1 - op.rho)]))
    size = int(np.prod([len(v[2]) for v in variables])) if variables else 1
    assert size <= limit, size
    weights, rows = [], []
    for choice in itertools.product(*(v[2] for v in variables)):
        values = {(v[0], v[1]): c[0] for v, c in zip(variables, choice, strict=True)}
        w = Fraction(1) if model.exact_inputs else 1.0
        for c in choice:
            w = w * c[1]
        ballots = [int(b) for b in model.record.ballots]
        for k, op in enumerate(model.ops):
            if isinstance(op, Fixed):
                ballots[op.seat] = int(op.ballot)
            elif isinstance(op, Draw):
                ballots[op.seat] = values[(k, None)]
            elif isinstance(op, Copy):
                for f in op.followers:
                    if op.rho == 1 or values[(k, f)]:
                        ballots[f] = ballots[op.leader]
        weights.append(w)
        rows.append(ballots)
    return weights, np.array(rows, dtype=np.int8)


def brute_force(model: ChanceModel) -> dict:
    """P(adopted), P(vetoed), P(short), P(other), the permanent-no distribution and decisiveness."""
    weights, profiles = enumerate_model(model)
    codes = classify(model.rule.tally(profiles, model.motion))
    zero = Fraction(0) if model.exact_inputs else 0.0
    out = {name: sum((w for w, c in zip(weights, codes, strict=True) if c == code), zero)
           for code, name in enumerate(("adopted", "vetoed", "short", "other"))}
    permanent = [s for s in range(model.council.size) if model.council.seats[s].permanent]
    no = (profiles[:, permanent] == Ballot.NO).sum(axis=1)
    out["permanent_no"] = tuple(sum((w for w, k in zip(weights, no, strict=True) if k == j), zero)
                                for j in range(len(permanent) + 1))
    decisive = []
    for s in range(model.council.size):
        yes, nay = profiles.copy(), profiles.copy()
        yes[:, s], nay[:, s] = Ballot.YES, Ballot.NO
        swing = model.rule.decide(yes, model.motion) != model.rule.decide(nay, model.motion)
        decisive.append(sum((w for w, x in zip(weights, swing, strict=True) if x), zero))
    out["decisive"] = tuple(decisive)
    return out
