"""The one call, :func:`check_rule`: which council and motion, which method, and the report.

The method is chosen by the council's size ``n`` and the rule's kind: every
one of the ``3^n`` profiles up to :data:`EXHAUSTIVE_AUTO` seats (a decision
function up to :data:`EXHAUSTIVE_AUTO_FUNCTION`); beyond, the seat classes of
a rule that states them (``Π_c C(m_c + 2, 2)`` points, at most
:data:`CLASSES_MAX_BALLOTS` ballots in all), or a hypothesis search for a
decision function. Work that would take too long is refused, in one line,
before it starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...catalog.registry import as_rule
from ...errors import SimulateError
from ...games.lattice import lattice_size
from ...model.council import Council
from ...model.motion import Matter, Motion
from ...rules.function import FunctionRule
from ...rules.protocol import VotingRule
from .exact import exact
from .report import PROPERTIES, RuleReport
from .sampled import SAMPLED_BUDGET, sampled
from .table import SeatLattice, decider, rule_groups

__all__ = ["CLASSES_MAX_BALLOTS", "EXHAUSTIVE_AUTO", "EXHAUSTIVE_AUTO_FUNCTION", "EXHAUSTIVE_MAX", "check_rule"]

#: Up to this many seats every profile is enumerated by default.
EXHAUSTIVE_AUTO = 13
#: Decision functions are enumerated by default up to this many seats (the Council's 15).
EXHAUSTIVE_AUTO_FUNCTION = 15
#: The most seats ``method="exhaustive"`` accepts (3**16 = 43 million profiles).
EXHAUSTIVE_MAX = 16
#: The most ballots (classes of profiles x seats) an exact check by seat classes decides
#: (about ten seconds); beyond it the check is refused before any work is done.
CLASSES_MAX_BALLOTS = 200_000_000


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
    groups = [[i] for i in range(n)] if method != "classes" else rule_groups(rule, motion)
    if method == "classes":
        points = lattice_size([len(g) for g in groups])
        if points * n > CLASSES_MAX_BALLOTS:
            raise SimulateError(
                f"checking rule {rule.name} on {n} seats means deciding {points:,} classes of profiles of {n} seats "
                f"(about {points * n:.1e} ballots, more than {CLASSES_MAX_BALLOTS:.0e}): too big to check exactly"
            )
    decide = decider(rule, motion)
    if method == "sampled":
        results, adopted, winning, text = sampled(rule, motion, decide, examples, seed)
    else:
        lattice = SeatLattice(groups, n)
        results, adopted, winning = exact(motion, lattice, decide)
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
