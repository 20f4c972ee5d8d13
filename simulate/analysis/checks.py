"""The property battery: what a voting rule does, checked over every ballot profile.

:func:`check_rule` answers, for a rule on a council:

=====================  ==================================================================
``monotonic``          moving one ballot towards yes (no -> abstain -> yes) never turns an
                       adopted draft into a rejected one
``proper``             no two disjoint coalitions can both adopt a draft (a coalition
                       *adopts* when its members vote yes and everyone else no)
``decisive``           for every coalition, it or the rest can adopt a draft
``anonymous``          swapping the ballots of two members of the same seat class
                       (veto, permanent without veto, elected) never changes the outcome
``veto_players``       members whose lone "no" defeats every draft
``dummies``            members whose ballot never changes the outcome
``blocking``           the smallest coalition that defeats a draft everybody else supports
                       by voting no (overall and within each seat class)
``abstention``         whether one abstention can defeat a draft everybody else supports,
                       and how many abstentions it takes
=====================  ==================================================================

How:

* ``"exhaustive"``: every one of the ``3**n`` yes/no/abstain profiles is decided
  (vectorised, in chunks; the default up to 13 seats, and for a decision
  function up to 15);
* ``"classes"``: for a :class:`~simulate.rules.Rule`, which by construction
  treats alike the seats of one class (same veto, same obligation to abstain),
  each vector of per-class counts of yes/no/abstain is decided once: exact, and
  cheap for 25 seats (the default for rules above 13 seats);
* ``"sampled"``: hypothesis searches for counterexamples (``examples`` per
  property) and shrinks the one it finds; universal claims ("a veto player")
  are then "none found" rather than proofs. The default for decision functions
  above 15 seats.

Both exact methods decide through the rule's own ``decide``, so they test the
engine the replay uses. Each failure comes with its smallest counterexample
(fewest members not voting yes), as ballots a person can read:

>>> from simulate.rules import FunctionRule
>>> broken = FunctionRule(lambda p: ((p == 0).sum(axis=1) >= 9) & ((p == 0).sum(axis=1) <= 12), name="nine-to-twelve")
>>> report = check_rule(broken, seats=15)
>>> report["monotonic"].holds
False
>>> print(report["monotonic"].counterexample.text)
not monotonic: adopted with 12 in favour, but rejected after Ukraine switches from no to yes
  before: in favour: China, France, Russian Federation, United Kingdom, United States, Angola,
            Egypt, Japan, Malaysia, New Zealand, Senegal, Spain
          against: Ukraine, Uruguay, Venezuela (Bolivarian Republic of)
          -> adopted
  after:  Ukraine votes yes -> rejected (13 in favour)
"""

from __future__ import annotations

import itertools
import math
import random
import textwrap
from collections.abc import Callable, Sequence
from functools import reduce
from typing import Any

import attrs
import numpy as np

from ..catalog.registry import as_rule
from ..codes import ABSTAIN, NO, YES
from ..errors import TESTING_EXTRA, SimulateError
from ..model.ballots import Ballot
from ..model.council import Council
from ..model.motion import Matter, Motion
from ..rules.function import FunctionRule
from ..rules.protocol import VotingRule

__all__ = [
    "EXHAUSTIVE_AUTO",
    "EXHAUSTIVE_MAX",
    "PROPERTIES",
    "Counterexample",
    "PropertyResult",
    "RuleReport",
    "check_rule",
    "decision_table",
]

TERNARY = (YES, NO, ABSTAIN)
#: How the blocking report names each seat kind.
KIND_LABELS = {"veto": "veto holders", "permanent": "permanent members without a veto", "elected": "elected members"}

#: Up to this many seats every profile is enumerated by default.
EXHAUSTIVE_AUTO = 13
#: Decision functions are enumerated by default up to this many seats (the Council's 15).
EXHAUSTIVE_AUTO_FUNCTION = 15
#: The most seats ``method="exhaustive"`` accepts (3**16 = 43 million profiles).
EXHAUSTIVE_MAX = 16
_CHUNK = 1 << 17
#: The work of a sampled check grows as examples x seats^2 (swapping the ballots of every
#: pair of seats of a class); 200 examples on 70 seats take about ten seconds.
SAMPLED_BUDGET = 1_000_000
#: A sampled check searches seat by seat (veto players, dummies) for at most this many seats.
SEAT_SEARCHES = 10
#: The most ballots (classes of profiles x seats) an exact check by seat classes decides
#: (about ten seconds); beyond it the check is refused before any work is done.
CLASSES_MAX_BALLOTS = 200_000_000

#: The properties, in report order, with their labels.
PROPERTIES = {
    "monotonic": "monotonic",
    "proper": "proper",
    "decisive": "decisive",
    "anonymous": "anonymous",
    "veto_players": "veto players",
    "dummies": "dummy players",
    "blocking": "smallest blocking",
    "abstention": "abstention blocks",
}
#: Properties every sensible rule should have: ``unsc check-rule`` exits 1 when one fails.
REQUIRED = ("monotonic", "proper")


# ---------------------------------------------------------------- results


@attrs.frozen
class Counterexample:
    """A failure, readable: ``text``; and the ballot ``profiles`` involved (in
    seat order), with the ``members`` whose ballots change or who form the
    coalitions."""

    text: str
    profiles: tuple[tuple[Ballot, ...], ...] = ()
    members: tuple[str, ...] = ()


@attrs.frozen
class PropertyResult:
    """One line of the report.

    ``holds`` is True/False for yes-or-no properties (None for the others);
    ``members`` lists the members concerned (veto players, dummies, the smallest
    blocking coalition); ``value`` is a number where one applies (the size of
    the smallest blocking coalition); ``exact`` is False for sampled answers.
    """

    key: str
    holds: bool | None
    text: str
    members: tuple[str, ...] = ()
    value: int | None = None
    counterexample: Counterexample | None = None
    exact: bool = True
    detail: dict = attrs.Factory(dict)

    @property
    def label(self) -> str:
        return PROPERTIES[self.key]


@attrs.frozen
class RuleReport:
    """What :func:`check_rule` found; ``report["monotonic"]`` is one :class:`PropertyResult`."""

    rule: VotingRule
    motion: Motion
    method: str
    method_text: str
    results: tuple[PropertyResult, ...]
    adopted_profiles: int | None
    profiles: int
    winning_coalitions: int | None
    coalitions: int

    def __getitem__(self, key: str) -> PropertyResult:
        for r in self.results:
            if r.key == key:
                return r
        raise KeyError(key)

    @property
    def council(self) -> Council:
        return self.motion.council

    @property
    def failures(self) -> tuple[PropertyResult, ...]:
        """Required properties that do not hold."""
        return tuple(r for r in self.results if r.key in REQUIRED and r.holds is False)

    def format(self, width: int = 80) -> str:
        """The ``unsc check-rule`` report."""
        c = self.council
        kinds = ", ".join(f"{n} {k}" for k, n in c.kinds.items() if n)
        lines = [textwrap.fill(f"{self.rule.name}: {self.rule.summary()}", width=width, subsequent_indent="  ")]
        where = c.source or "inline"
        flags = f", flagged {', '.join(sorted(self.motion.flags))}" if self.motion.flags else ""
        lines.append(textwrap.fill(
            f"Council: {c.size} seats ({kinds}; {where}); a {self.motion.matter} draft{flags}",
            width=width, subsequent_indent="  ",
        ))
        lines.append(textwrap.fill(f"Checked: {self.method_text}", width=width, subsequent_indent="  "))
        lines.append("")
        for r in self.results:
            mark = {True: "yes", False: "no", None: ""}[r.holds] if r.holds is not None else (
                str(r.value) if r.value is not None else ""
            )
            head = f"  {r.label:<19}{mark:<5}"
            lines.append(textwrap.fill(r.text, width=width, initial_indent=head, subsequent_indent=" " * 26))
            if r.counterexample is not None and r.holds is False:
                for line in r.counterexample.text.splitlines():
                    lead = len(line) - len(line.lstrip())
                    lines += textwrap.wrap(
                        line.strip(), width=width, initial_indent=" " * (6 + lead), subsequent_indent=" " * (8 + lead)
                    )
        lines.append("")
        if self.adopted_profiles is not None:
            share = self.adopted_profiles / self.profiles
            lines.append(
                f"Adopted: {self.adopted_profiles:,} of {self.profiles:,} yes/no/abstain profiles ({share:.2%})"
            )
        if self.winning_coalitions is not None:
            share = self.winning_coalitions / self.coalitions
            lines.append(
                f"Winning coalitions (members yes, the rest no): {self.winning_coalitions:,} "
                f"of {self.coalitions:,} ({share:.2%})"
            )
        bad = self.failures
        if bad:
            lines.append("FAILED: " + ", ".join(r.label for r in bad))
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "rule": self.rule.name,
            "title": self.rule.summary(),
            "seats": self.council.size,
            "council": list(self.council.names),
            "matter": str(self.motion.matter),
            "flags": sorted(self.motion.flags),
            "method": self.method,
            "adopted_profiles": self.adopted_profiles,
            "profiles": self.profiles,
            "winning_coalitions": self.winning_coalitions,
            "coalitions": self.coalitions,
            "properties": {
                r.key: {
                    "holds": r.holds,
                    "value": r.value,
                    "members": list(r.members),
                    "text": r.text,
                    "exact": r.exact,
                    "counterexample": None
                    if r.counterexample is None
                    else {
                        "text": r.counterexample.text,
                        "profiles": [[str(b) for b in p] for p in r.counterexample.profiles],
                        "members": list(r.counterexample.members),
                    },
                }
                for r in self.results
            },
            "failed": [r.key for r in self.failures],
        }


# ---------------------------------------------------------------- the subject


def _decider(rule: VotingRule, motion: Motion) -> Callable[[np.ndarray], np.ndarray]:
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


# ---------------------------------------------------------------- the lattice


def _compositions(m: int) -> np.ndarray:
    """(yes, no, abstain) counts of ``m`` seats; for one seat, rows in code order."""
    return np.array([(y, n, m - y - n) for y in range(m, -1, -1) for n in range(m - y, -1, -1)], dtype=np.int64)


class _Lattice:
    """Profiles up to permutations within groups of seats: one point per vector
    of per-group (yes, no, abstain) counts. With one seat per group, the points
    are exactly the ``3**n`` profiles, in lexicographic order."""

    def __init__(self, groups: Sequence[Sequence[int]], n: int) -> None:
        self.n = n
        self.groups = [np.asarray(sorted(g), dtype=np.intp) for g in groups]  # seats in seat order
        self.sizes = [len(g) for g in self.groups]
        self.comps = [_compositions(m) for m in self.sizes]
        self.shape = tuple(len(c) for c in self.comps)
        self.size = math.prod(self.shape)
        self.tables = []
        self.lookup = []
        for comps in self.comps:
            table = np.empty((len(comps), comps[0].sum()), dtype=np.int8)
            for i, (y, n_, a) in enumerate(comps):
                table[i] = [YES] * y + [NO] * n_ + [ABSTAIN] * a
            self.tables.append(table)
            self.lookup.append({tuple(int(x) for x in row): i for i, row in enumerate(comps)})

    def profiles(self, coords: Sequence[np.ndarray]) -> np.ndarray:
        count = len(coords[0])
        out = np.empty((count, self.n), dtype=np.int8)
        for axis, idx in enumerate(coords):
            out[:, self.groups[axis]] = self.tables[axis][idx]
        return out

    def profile(self, point: Sequence[int]) -> np.ndarray:
        return self.profiles([np.array([p]) for p in point])[0]

    def decide_all(self, decide: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """The decision at every point, in C order.

        One seat per group: every profile, in the order of the power package's
        enumerator (:func:`simulate.games.profiles.decide_all`, the same
        lexicographic order). Otherwise the last axes form a block built once
        and tiled under each value of the first axes."""
        if all(m == 1 for m in self.sizes) and all(int(g[0]) == i for i, g in enumerate(self.groups)):
            from ..games.errors import PowerInputError
            from ..games.profiles import decide_all as enumerate_all

            try:
                return enumerate_all(decide, self.n).reshape(self.shape)
            except PowerInputError as exc:
                raise SimulateError(str(exc)) from None
        t, tail = len(self.shape), 1
        while t > 0 and tail * self.shape[t - 1] <= _CHUNK:
            tail *= self.shape[t - 1]
            t -= 1
        block = np.zeros((tail, self.n), dtype=np.int8)
        if t < len(self.shape):
            coords = np.unravel_index(np.arange(tail), self.shape[t:])
            for axis, idx in zip(range(t, len(self.shape)), coords, strict=True):
                block[:, self.groups[axis]] = self.tables[axis][idx]
        head_shape = self.shape[:t]
        heads = math.prod(head_shape)
        per = max(1, _CHUNK // tail)
        out = np.empty(self.size, dtype=bool)
        for h0 in range(0, heads, per):
            h1 = min(h0 + per, heads)
            chunk = np.tile(block, (h1 - h0, 1))
            if head_shape:
                coords = np.unravel_index(np.arange(h0, h1), head_shape)
                for axis, idx in enumerate(coords):
                    chunk[:, self.groups[axis]] = np.repeat(self.tables[axis][idx], tail, axis=0)
            got = decide(chunk)
            if got.shape != (len(chunk),):
                raise SimulateError(f"the decision returned shape {got.shape} for {len(chunk)} profiles")
            out[h0 * tail : h1 * tail] = got
        return out.reshape(self.shape)

    def moves(self, axis: int, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Points of ``axis`` where one seat can change from ``a`` to ``b``:
        (source index, destination index, position in the group of the seat that changes)."""
        src, dst, pos = [], [], []
        for i, row in enumerate(self.comps[axis]):
            if row[a] < 1:
                continue
            new = [int(x) for x in row]
            new[a] -= 1
            new[b] += 1
            src.append(i)
            dst.append(self.lookup[axis][tuple(new)])
            pos.append(int(row[: a + 1].sum()) - 1)  # the last seat of block a
        return np.array(src, dtype=np.intp), np.array(dst, dtype=np.intp), np.array(pos, dtype=np.intp)

    def nonyes(self) -> np.ndarray:
        """Key array for "smallest" counterexamples: fewest seats not voting yes,
        then fewest abstentions (a yes/no profile reads best)."""
        dtype = np.int16 if self.n < 170 else np.int32
        key = np.zeros(self.shape, dtype=dtype)
        for axis, comps in enumerate(self.comps):
            shape = [1] * len(self.shape)
            shape[axis] = len(comps)
            key += ((self.sizes[axis] - comps[:, 0]) * (self.n + 1) + comps[:, 2]).astype(dtype).reshape(shape)
        return key

    def binary_indices(self) -> list[np.ndarray]:
        """Per axis, the points with no abstention, by number of yes 0..m."""
        return [
            np.array([self.lookup[axis][(y, m - y, 0)] for y in range(m + 1)], dtype=np.intp)
            for axis, m in enumerate(self.sizes)
        ]

    def abstain_indices(self) -> list[np.ndarray]:
        """Per axis, the points with no "no", by number of abstentions 0..m."""
        return [
            np.array([self.lookup[axis][(m - a, 0, a)] for a in range(m + 1)], dtype=np.intp)
            for axis, m in enumerate(self.sizes)
        ]


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


def _binomial_weights(sizes: Sequence[int]) -> list[np.ndarray]:
    return [np.array([math.comb(m, s) for s in range(m + 1)], dtype=object) for m in sizes]


def _outer(tables: Sequence[np.ndarray]) -> np.ndarray:
    return reduce(np.multiply.outer, tables) if len(tables) > 1 else tables[0]


# ---------------------------------------------------------------- words


def _names(council: Council, seats) -> list[str]:
    return [council.names[int(i)] for i in seats]


def _profile_words(council: Council, profile: np.ndarray, indent: str) -> list[str]:
    parts = []
    for code, word in ((YES, "in favour"), (NO, "against"), (ABSTAIN, "abstaining"), (int(Ballot.ABSENT), "absent")):
        members = _names(council, np.flatnonzero(profile == code))
        if members:
            parts.append(f"{word}: " + ", ".join(members))
    lines = []
    for part in parts:
        lines += textwrap.wrap(part, width=64, subsequent_indent="  ") or [part]
    return [indent + line if i else line for i, line in enumerate(lines)]


def _verdict(adopted: bool) -> str:
    return "adopted" if adopted else "rejected"


def _coalition(council: Council, seats, limit: int = 8) -> str:
    names = _names(council, seats)
    if not names:
        return "nobody"
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return ", ".join(names)


def _ballots(profile: np.ndarray) -> tuple[Ballot, ...]:
    return tuple(Ballot(int(b)) for b in profile)


def _group_kinds(council: Council, groups: Sequence[np.ndarray]) -> list[str]:
    return [council.seats[int(g[0])].kind for g in groups]


# ---------------------------------------------------------------- exact analysis


def _exact(rule, motion: Motion, lattice: _Lattice, decide) -> tuple[list[PropertyResult], int, int]:
    council = motion.council
    D = lattice.decide_all(decide)
    key = lattice.nonyes()
    results = []

    # monotonic
    best = None
    for axis in range(len(lattice.shape)):
        for a, b in ((NO, YES), (NO, ABSTAIN), (ABSTAIN, YES)):  # the first two imply the last
            src, dst, pos = lattice.moves(axis, a, b)
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
        results.append(PropertyResult("monotonic", True, "a ballot moved towards yes never defeats a draft"))
    else:
        _, point, seat, a, b = best
        results.append(_monotonic_failure(council, lattice.profile(point), seat, a, b, decide))

    # anonymity within seat classes
    kinds = _group_kinds(council, lattice.groups)
    best = None
    for kind in ("veto", "permanent", "elected"):
        axes = [i for i, k in enumerate(kinds) if k == kind]
        for A, B in itertools.pairwise(axes):
            for x, y in ((YES, NO), (YES, ABSTAIN), (NO, ABSTAIN)):
                sa, da, pa = lattice.moves(A, x, y)
                sb, db, pb = lattice.moves(B, y, x)
                if not len(sa) or not len(sb):
                    continue
                before = np.take(np.take(D, sa, axis=A), sb, axis=B)
                after = np.take(np.take(D, da, axis=A), db, axis=B)
                kk = np.take(np.take(key, sa, axis=A), sb, axis=B)
                point = _argbest(before != after, kk)
                if point is None:
                    continue
                full = list(point)
                full[A], full[B] = int(sa[point[A]]), int(sb[point[B]])
                rank = (int(key[tuple(full)]), int(np.ravel_multi_index(full, D.shape)))
                if best is None or rank < best[0]:
                    best = (rank, full, int(lattice.groups[A][pa[point[A]]]), int(lattice.groups[B][pb[point[B]]]))
    classes = ", ".join(k for k, n in council.kinds.items() if n)
    if best is None:
        results.append(PropertyResult("anonymous", True, f"within each seat class ({classes})"))
    else:
        _, point, i, j = best
        results.append(_anonymity_failure(council, lattice.profile(point), i, j, decide))

    # veto players and dummies
    vetoes, dummies = [], []
    for axis, group in enumerate(lattice.groups):
        with_no = np.flatnonzero(lattice.comps[axis][:, 1] >= 1)
        if not np.take(D, with_no, axis=axis).any():
            vetoes += [int(s) for s in group]
        dummy = True
        for a, b in ((NO, ABSTAIN), (ABSTAIN, YES)):
            src, dst, _ = lattice.moves(axis, a, b)
            if len(src) and not np.array_equal(np.take(D, src, axis=axis), np.take(D, dst, axis=axis)):
                dummy = False
        if dummy:
            dummies += [int(s) for s in group]
    results.append(_members_result("veto_players", council, sorted(vetoes), "a lone 'no' defeats every draft"))
    results.append(_members_result("dummies", council, sorted(dummies), "never change the outcome"))

    # binary game: coalitions voting yes, everyone else no
    bidx = lattice.binary_indices()
    W = _sub(D, bidx)  # W[s]: s_c members of group c vote yes, the rest no
    sizes = lattice.sizes
    ssum = reduce(np.add.outer, [np.arange(m + 1) for m in sizes]) if len(sizes) > 1 else np.arange(sizes[0] + 1)
    flip = tuple(slice(None, None, -1) for _ in sizes)
    down = W.copy()
    for axis in range(W.ndim):
        np.logical_or.accumulate(down, axis=axis, out=down)
    improper = W & down[flip]

    def earliest(mask):  # smallest coalition, earliest seats first: search the reversed axes
        point = _argbest(mask[flip], ssum[flip])
        return None if point is None else tuple(m - x for m, x in zip(sizes, point, strict=True))

    s = earliest(improper)
    if s is None:
        results.append(PropertyResult("proper", True, "no two disjoint coalitions can both adopt a draft"))
    else:
        room = tuple(slice(0, m - si + 1) for m, si in zip(sizes, s, strict=True))
        t = _argbest(W[room], ssum[room])
        results.append(_proper_failure(council, lattice, s, t, decide))
    strong_fail = ~W & ~W[flip]
    s = earliest(strong_fail)
    if s is None:
        results.append(PropertyResult("decisive", True, "for every coalition, it or the rest can adopt a draft"))
    else:
        results.append(_decisive_failure(council, lattice, s, decide))

    # smallest blocking coalitions: the coalition votes no, the rest yes
    n = lattice.n
    bsize = n - ssum
    blocked = ~W
    weights = _binomial_weights(sizes)
    unanimous = bool(W[tuple(sizes)])
    if unanimous:
        results.append(_blocking_exact(council, lattice, blocked, bsize, weights, kinds))
    else:
        results.append(_moot("blocking"))

    # abstention
    aidx = lattice.abstain_indices()
    A = _sub(D, aidx)  # A[a]: a_c members of group c abstain, the rest yes
    lone = []
    for axis, m in enumerate(sizes):
        point = [0] * len(sizes)
        point[axis] = 1
        if m >= 1 and not A[tuple(point)]:
            lone += [int(x) for x in lattice.groups[axis]]
    asum = ssum  # same shape: counts 0..m per axis
    smallest = _argbest(~A, asum)
    if unanimous:
        results.append(
            _abstention_result(council, sorted(lone), None if smallest is None else int(asum[smallest]), True)
        )
    else:
        results.append(_moot("abstention"))

    # counts
    if all(m == 1 for m in sizes):
        adopted = int(np.count_nonzero(D))
        winning = int(np.count_nonzero(W))
    else:
        multinomial = [
            np.array(
                [math.factorial(m) // (math.factorial(y) * math.factorial(k) * math.factorial(a)) for y, k, a in comps],
                dtype=object,
            )
            for m, comps in zip(sizes, lattice.comps, strict=True)
        ]
        adopted = int((_outer(multinomial) * D).sum())
        winning = int((_outer(weights) * W).sum())
    return results, adopted, winning


def _monotonic_failure(council, before: np.ndarray, seat: int, a: int, b: int, decide) -> PropertyResult:
    after = before.copy()
    after[seat] = b
    d = decide(np.stack([before, after]))
    name = council.names[seat]
    yes0, yes1 = int((before == YES).sum()), int((after == YES).sum())
    text = (
        f"not monotonic: {_verdict(d[0])} with {yes0} in favour, but {_verdict(d[1])} after {name} "
        f"switches from {Ballot(a)} to {Ballot(b)}\n"
        + "  before: "
        + "\n".join(_profile_words(council, before, "          "))
        + "\n"
        + f"          -> {_verdict(d[0])}\n"
        + f"  after:  {name} votes {Ballot(b)} -> {_verdict(d[1])} ({yes1} in favour)"
    )
    cx = Counterexample(text, (_ballots(before), _ballots(after)), (name,))
    return PropertyResult(
        "monotonic",
        False,
        f"{name} switching from {Ballot(a)} to {Ballot(b)} defeats an adopted draft",
        counterexample=cx,
    )


def _anonymity_failure(council, before: np.ndarray, i: int, j: int, decide) -> PropertyResult:
    after = before.copy()
    after[i], after[j] = before[j], before[i]
    d = decide(np.stack([before, after]))
    a, b = council.names[i], council.names[j]
    kind = council.seats[i].label
    text = (
        f"not anonymous: {a} and {b} hold the same kind of seat ({kind}), but swapping their ballots "
        f"changes the outcome\n"
        + f"  {a} {Ballot(int(before[i]))}, {b} {Ballot(int(before[j]))} -> {_verdict(d[0])}\n"
        + f"  {a} {Ballot(int(after[i]))}, {b} {Ballot(int(after[j]))} -> {_verdict(d[1])}\n"
        + "  profile: "
        + "\n".join(_profile_words(council, before, "           "))
    )
    cx = Counterexample(text, (_ballots(before), _ballots(after)), (a, b))
    return PropertyResult("anonymous", False, f"{a} and {b} ({kind}) are not interchangeable", counterexample=cx)


def _members_result(key: str, council: Council, seats: list[int], what: str) -> PropertyResult:
    names = tuple(_names(council, seats))
    if not names:
        return PropertyResult(key, None, "none", (), 0)
    return PropertyResult(key, None, ", ".join(names) + f" ({what})", names, len(names))


def _yes_profile(n: int, yes_seats) -> np.ndarray:
    """``yes_seats`` vote yes, everyone else no (a coalition "adopting" a draft)."""
    p = np.full(n, NO, dtype=np.int8)
    p[list(yes_seats)] = YES
    return p


def _no_profile(n: int, no_seats) -> np.ndarray:
    """``no_seats`` vote no, everyone else yes (a coalition blocking a draft)."""
    p = np.full(n, YES, dtype=np.int8)
    p[list(no_seats)] = NO
    return p


def _split(lattice: _Lattice, counts: Sequence[int], last: bool = False) -> list[int]:
    """Seats: ``counts[c]`` of group ``c``, the first (or the last) ones."""
    seats = []
    for group, k in zip(lattice.groups, counts, strict=True):
        seats += [int(s) for s in (group[len(group) - k :] if last else group[:k])] if k else []
    return sorted(seats)


def _earliest_coalition(lattice: _Lattice, mask: np.ndarray) -> list[int]:
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


def _proper_failure(council, lattice: _Lattice, s, t, decide) -> PropertyResult:
    S = _split(lattice, s)
    T = _split(lattice, t, last=True)
    return _proper_text(council, S, T, decide)


def _proper_text(council, S, T, decide) -> PropertyResult:
    n = council.size
    pS, pT = _yes_profile(n, S), _yes_profile(n, T)
    d = decide(np.stack([pS, pT]))
    text = (
        f"not proper: two disjoint coalitions both adopt a draft (each voting yes while everyone else votes no)\n"
        f"  {len(S)} in favour: {_coalition(council, S, 99)} -> {_verdict(d[0])}\n"
        f"  {len(T)} in favour: {_coalition(council, T, 99)} -> {_verdict(d[1])}"
    )
    cx = Counterexample(text, (_ballots(pS), _ballots(pT)), tuple(_names(council, S + T)))
    return PropertyResult(
        "proper", False, f"coalitions of {len(S)} and {len(T)} members, disjoint, both adopt drafts", counterexample=cx
    )


def _decisive_failure(council, lattice: _Lattice, s, decide) -> PropertyResult:
    return _decisive_text(council, _split(lattice, s), decide)


def _decisive_text(council, S, decide) -> PropertyResult:
    n = council.size
    rest = [i for i in range(n) if i not in set(S)]
    pS, pR = _yes_profile(n, S), _yes_profile(n, rest)
    d = decide(np.stack([pS, pR]))
    who = _coalition(council, S)
    if not S:
        text = f"a draft all {n} members vote for is rejected"
    else:
        text = f"neither {who} ({len(S)}) nor the other {len(rest)} members can adopt a draft against the other side"
    cx = Counterexample(
        f"not decisive: {who} voting yes and the rest no -> {_verdict(d[0])}\n"
        f"  the rest voting yes and {who} no -> {_verdict(d[1])}",
        (_ballots(pS), _ballots(pR)),
        tuple(_names(council, S)),
    )
    return PropertyResult("decisive", False, text, counterexample=cx)


def _blocking_exact(council, lattice: _Lattice, blocked, bsize, weights, kinds) -> PropertyResult:
    sizes = lattice.sizes
    if not blocked.any():
        return PropertyResult(
            "blocking", None, "no coalition can defeat a draft by voting no: everything passes", (), None
        )
    k = int(bsize[blocked].min())
    minimal = blocked & (bsize == k)
    count = int((_outer(weights) * minimal).sum())  # C(m, s) = C(m, m - s) coalitions per point
    example = _earliest_coalition(lattice, minimal)
    # members of minimal coalitions of size 1: groups where one member voting no blocks
    lone = []
    for a in range(len(sizes)):
        idx = tuple((mm - 1 if b == a else mm) for b, mm in enumerate(sizes))
        if blocked[idx]:
            lone += [int(x) for x in lattice.groups[a]]
    if k == 1:
        text = f"any one of {_coalition(council, sorted(lone), 99)}"
    else:
        text = f"{k} members, e.g. {_coalition(council, example, 99)} ({count:,} coalitions of {k})"
    per_kind = {}
    for kind in ("veto", "permanent", "elected"):
        axes = [i for i, kk in enumerate(kinds) if kk == kind]
        if not axes:
            continue
        fixed = tuple(slice(None) if i in axes else sizes[i] for i in range(len(sizes)))
        sub = blocked[fixed]
        if sub.any():
            per_kind[kind] = int(bsize[fixed][sub].min())
        else:
            per_kind[kind] = None
    parts = []
    for kind, size in per_kind.items():
        parts.append(f"{KIND_LABELS[kind]} alone: {size if size is not None else 'cannot block'}")
    if len(per_kind) > 1 or (per_kind and next(iter(per_kind.values())) != k):
        text += "; " + "; ".join(parts)
    p = _no_profile(council.size, example)
    return PropertyResult(
        "blocking",
        None,
        text,
        tuple(_names(council, example)),
        k,
        Counterexample(
            f"{_coalition(council, example, 99)} voting no, the rest yes -> rejected",
            (_ballots(p),),
            tuple(_names(council, example)),
        ),
        detail={"per_class": per_kind, "coalitions": count, "lone": tuple(_names(council, sorted(lone)))},
    )


def _moot(key: str, exact: bool = True) -> PropertyResult:
    value = 0 if key == "blocking" else None
    return PropertyResult(key, None, "moot: even a draft every member votes for is rejected", (), value, exact=exact)


def _abstention_result(
    council: Council, lone: list[int], smallest: int | None, exact: bool, tried: int = 0
) -> PropertyResult:
    """Whether abstentions block; ``exact=False`` answers (``tried`` sampled profiles)
    say that they were sampled: a number not found may still exist, a smaller one too."""
    names = tuple(_names(council, lone))
    if names:
        text = f"yes: a lone abstention of {_coalition(council, lone, 99)} defeats a draft all the others support"
        return PropertyResult("abstention", True, text, names, 1, exact=exact, detail={"smallest": smallest})
    if exact:
        tail = f"; it takes {smallest} abstentions" if smallest is not None else "; no number of abstentions does"
    elif smallest is not None:
        tail = f"; {smallest} abstentions found to block (sampled: fewer may do)"
    else:
        tail = f"; no blocking number of abstentions found in {tried} sampled profiles (a number may still block)"
    return PropertyResult(
        "abstention",
        False,
        "no: a lone abstention never defeats a draft all the others support" + tail,
        (),
        smallest,
        exact=exact,
        detail={"smallest": smallest},
    )


# ---------------------------------------------------------------- sampled analysis (hypothesis)


def _sampled(
    rule, motion: Motion, decide, examples: int, seed: int
) -> tuple[list[PropertyResult], int | None, int | None, str]:
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

    def search(strategy: st.SearchStrategy, condition: Callable[[Any], bool], shrink: bool = True) -> Any:
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
    def mostly(draw):  # one ballot for most seats, others anywhere
        base = draw(st.sampled_from(TERNARY))
        flips = draw(st.lists(st.booleans(), min_size=n, max_size=n))
        other = draw(st.lists(st.sampled_from(TERNARY), min_size=n, max_size=n))
        return np.array([o if f else base for f, o in zip(flips, other, strict=True)], dtype=np.int8)

    @st.composite
    def k_yes(draw):  # any number of yes, in any seats: reaches every threshold
        k = draw(st.integers(0, n))
        order = draw(st.permutations(range(n)))
        rest = draw(st.lists(st.sampled_from((NO, ABSTAIN)), min_size=n, max_size=n))
        p = np.array(rest, dtype=np.int8)
        p[list(order[:k])] = YES
        return p

    def profiles(fixed: dict[int, int] | None = None):
        def pin(p):
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

    def search_profiles(condition, fixed=None):
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

    def simplify(p: np.ndarray, condition, keep=()) -> np.ndarray:
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
    def ups(p):
        moves = [
            (i, b) for i in range(n) for b in ((YES, ABSTAIN) if p[i] == NO else (YES,) if p[i] == ABSTAIN else ())
        ]
        rows = np.repeat(p.reshape(1, -1), len(moves), axis=0)
        for r, (i, b) in enumerate(moves):
            rows[r, i] = b
        return moves, rows

    def not_monotonic(p) -> bool:
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
        results.append(attrs.evolve(_monotonic_failure(council, p, failing, int(p[failing]), to, decide), exact=False))

    # anonymity: adjacent seats of one class
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if kinds[i] == kinds[j]]

    def swapped(p):
        cand = [(i, j) for i, j in pairs if p[i] != p[j]]
        rows = np.repeat(p.reshape(1, -1), len(cand), axis=0)
        for r, (i, j) in enumerate(cand):
            rows[r, i], rows[r, j] = p[j], p[i]
        return cand, rows

    def not_anonymous(p) -> bool:
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
        results.append(attrs.evolve(_anonymity_failure(council, p, i, j, decide), exact=False))

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
        def matters(p, i=int(i)) -> bool:
            rows = np.repeat(p.reshape(1, -1), 3, axis=0)
            rows[:, i] = TERNARY
            return len(set(decide(rows).tolist())) > 1
        if search(profiles(), matters, shrink=False) is not None:
            not_dummy[i] = True
    vetoes = [int(i) for i in np.flatnonzero(~not_veto)]
    dummies = [int(i) for i in np.flatnonzero(~not_dummy)]
    r = _members_result("veto_players", council, vetoes, "sampled: no adopted draft with their 'no' was found")
    results.append(attrs.evolve(r, exact=False, text=r.text if vetoes else "none found (sampled)"))
    r = _members_result("dummies", council, dummies, "sampled: their ballot never changed an outcome")
    results.append(attrs.evolve(r, exact=False, text=r.text if dummies else "none found (sampled)"))

    # proper
    def wins(members) -> bool:
        return d1(_yes_profile(n, members))

    def improper(assign) -> bool:
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
        results.append(attrs.evolve(_proper_text(council, S, T, decide), exact=False))

    # decisive
    def neither(mask) -> bool:
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
            attrs.evolve(_decisive_text(council, [i for i, m in enumerate(found) if m], decide), exact=False)
        )

    # smallest blocking coalition (searched, then made minimal)
    def smallest(ballot: int, seats: list[int]) -> list[int] | None:
        def blocks(mask) -> bool:
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
        results.append(_moot("blocking", exact=True))
    elif B is None:
        results.append(PropertyResult("blocking", None, "no blocking coalition found (sampled)", exact=False))
    else:
        lone = []
        for i in range(n):
            p = np.full(n, YES, dtype=np.int8)
            p[i] = NO
            if not d1(p):
                lone.append(i)
        if lone:
            B = [lone[0]]
            text = f"any one of {_coalition(council, lone, 99)}"
        else:
            text = f"{len(B)} members found, e.g. {_coalition(council, B, 99)} (sampled: a smaller one may exist)"
        per_kind = {}
        for kind in ("veto", "permanent", "elected"):
            seats = [i for i in range(n) if kinds[i] == kind]
            if seats:
                found_k = smallest(NO, seats)
                per_kind[kind] = None if found_k is None else len(found_k)
        if len(per_kind) > 1:
            text += "; " + "; ".join(
                f"{KIND_LABELS[k]} alone: {v if v is not None else 'none found'}" for k, v in per_kind.items()
            )
        pB = _no_profile(n, B)
        results.append(
            PropertyResult(
                "blocking",
                None,
                text,
                tuple(_names(council, B)),
                len(B),
                Counterexample(
                    f"{_coalition(council, B, 99)} voting no, the rest yes -> rejected",
                    (_ballots(pB),),
                    tuple(_names(council, B)),
                ),
                exact=False,
                detail={"per_class": per_kind, "lone": tuple(_names(council, lone))},
            )
        )

    # abstention: the lone abstentions are decided exactly
    rows = np.full((n, n), YES, dtype=np.int8)
    np.fill_diagonal(rows, ABSTAIN)
    lone = [int(i) for i in np.flatnonzero(~decide(rows))]
    if unanimous:
        A = smallest(ABSTAIN, everyone)
        results.append(_abstention_result(council, lone, None if A is None else len(A), exact=False, tried=examples))
    else:
        results.append(_moot("abstention", exact=True))

    order = list(PROPERTIES)
    results.sort(key=lambda r: order.index(r.key))
    return (
        results,
        None,
        None,
        f"sampled with hypothesis ({examples} examples per property, shrunk counterexamples); exact only where stated",
    )


# ---------------------------------------------------------------- entry point


def _groups_for_rule(rule: VotingRule, motion: Motion) -> list[list[int]]:
    return [list(group) for group in rule.seat_roles(motion)]


def decision_table(rule, motion: Motion, method: str = "exhaustive") -> tuple[np.ndarray, list[np.ndarray]]:
    """The decision at every point of the profile lattice and its seat groups
    (one seat per group for ``"exhaustive"``, the rule's classes for ``"classes"``)."""
    n = motion.council.size
    groups = [[i] for i in range(n)] if method == "exhaustive" else _groups_for_rule(rule, motion)
    lattice = _Lattice(groups, n)
    return lattice.decide_all(_decider(rule, motion)), lattice.groups


def check_rule(
    rule: VotingRule | str,
    *,
    council: Council | None = None,
    motion: Motion | None = None,
    seats: int | None = None,
    matter: Matter | str = Matter.SUBSTANTIVE,
    flags: Sequence[str] | None = None,
    method: str = "auto",
    examples: int = 200,
    seed: int = 0,
) -> RuleReport:
    """Check the property battery for ``rule`` (a rule, a built-in name, a path).

    The council is ``motion.council``, ``council``, or the rule's example council
    (:func:`simulate.rules.example_council`; for a decision function, ``seats``
    seats, the first five holding a veto unless it says otherwise). ``flags``
    default to the rule's restraint flag, so that restraint shows.
    ``method``: ``"auto"``, ``"exhaustive"``, ``"classes"`` or ``"sampled"``.
    """
    rule = as_rule(rule)
    if motion is None:
        if council is None:
            council = rule.council_for(seats)
        elif seats is not None and seats != council.size:
            raise SimulateError(f"--seats {seats} but the council has {council.size} seats")
        if flags is None:
            restraint = getattr(rule, "restraint", None)
            flags = (restraint.flag,) if restraint is not None else ()
        motion = Motion(council, matter=matter, flags=frozenset(flags))
    n = motion.council.size
    if method == "auto":
        if n <= EXHAUSTIVE_AUTO:
            method = "exhaustive"
        elif not isinstance(rule, FunctionRule):  # a rule that states its seat roles
            method = "classes"
        elif n <= EXHAUSTIVE_AUTO_FUNCTION:
            method = "exhaustive"
        else:
            method = "sampled"
    if method not in ("exhaustive", "classes", "sampled"):
        raise SimulateError(f"unknown method {method!r}: use auto, exhaustive, classes or sampled")
    if method == "exhaustive" and n > EXHAUSTIVE_MAX:
        raise SimulateError(
            f"{n} seats are too many to enumerate (3**{n} profiles; at most {EXHAUSTIVE_MAX} seats): "
            f"use --examples N for a hypothesis search"
        )
    if method == "classes" and isinstance(rule, FunctionRule):
        raise SimulateError(
            f"rule {rule.name} is a decision function: it has no seat classes; use exhaustive or sampled"
        )
    if examples < 1:
        raise SimulateError(f"examples must be at least 1, got {examples}")
    if method == "sampled" and examples * n * n > SAMPLED_BUDGET:
        most = max(1, SAMPLED_BUDGET // (n * n))
        raise SimulateError(
            f"a sampled check of {n} seats with {examples} examples per property would take too long "
            f"(examples x seats^2 = {examples * n * n:,}, more than {SAMPLED_BUDGET:,}): "
            f"give --examples {most} or fewer"
        )
    groups = [[i] for i in range(n)] if method != "classes" else _groups_for_rule(rule, motion)
    if method == "classes":
        points = math.prod((len(g) + 1) * (len(g) + 2) // 2 for g in groups)
        if points * n > CLASSES_MAX_BALLOTS:
            raise SimulateError(
                f"checking rule {rule.name} on {n} seats means deciding {points:,} classes of profiles of {n} seats "
                f"(about {points * n:.1e} ballots, more than {CLASSES_MAX_BALLOTS:.0e}): too big to check exactly"
            )
    decide = _decider(rule, motion)
    if method == "sampled":
        results, adopted, winning, text = _sampled(rule, motion, decide, examples, seed)
    else:
        lattice = _Lattice(groups, n)
        results, adopted, winning = _exact(rule, motion, lattice, decide)
        if method == "exhaustive":
            text = f"exhaustively, every one of the {3**n:,} yes/no/abstain profiles"
        else:
            text = (
                f"exactly, by seat-class counts: {lattice.size:,} classes of profiles cover all "
                f"{3**n:,} yes/no/abstain profiles (the rule treats alike the seats of a class)"
            )
    order = list(PROPERTIES)
    results = sorted(results, key=lambda r: order.index(r.key))
    return RuleReport(rule, motion, method, text, tuple(results), adopted, 3**n, winning, 2**n)
