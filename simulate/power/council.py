"""Voting power under the Council's rules, by seat class, from the rules' own decisions.

The rule's vectorised decision (:meth:`simulate.rules.Rule.decide`) is the one
source of truth: power is never computed from a re-implementation of the rule.
The seats are split into classes (veto holders, permanent members without a
veto, elected members: the council's seat kinds, refined by the seats whose
veto counts for the motion), the rule is checked to treat the seats of a class
alike (:func:`~simulate.power.symmetry.is_class_symmetric`), and the rule
decides one representative profile per count vector:

* binary analysis (yes / not yes, every member not voting yes votes ``no``, the
  classical model of Shapley and Shubik, 1954): the yes-count lattice
  ``Π (n_c + 1)`` through :func:`~simulate.power.classes.class_indices`;
* ternary analysis (yes / no / abstain): the composition lattice through
  :func:`~simulate.power.ternary.ternary_class_indices`.

A rule that treats seats of a class differently (a user's function rule) is
analysed seat by seat instead, when that is small enough.

>>> p = rule_power("charter-1965")
>>> p.seats[0], round(float(p.binary.shapley_shubik[0]), 4), p.seats[5], round(float(p.binary.shapley_shubik[5]), 4)
('China', 0.1963, 'Angola', 0.0019)
>>> p.binary.power_to_act
Fraction(53, 2048)
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .classes import class_indices
from .errors import PowerInputError
from .indices import INDEX_NAMES, PowerIndices
from .symmetry import is_class_symmetric, partition, representative_profiles
from .ternary import TERNARY_INDEX_NAMES, TernaryIndices, ternary_class_indices

__all__ = ["RulePower", "rule_power", "rule_classes", "rule_decide", "builtin_rule_names"]

YES, NO, ABSTAIN = 0, 1, 2

#: Seat-by-seat analysis (a rule not symmetric within classes) up to these sizes.
MAX_SEATS_BINARY = 20
MAX_SEATS_TERNARY = 10


@attrs.frozen
class RulePower:
    """Exact power of every seat under one rule (indices in seat order).

    ``binary`` holds the yes/not-yes indices (:class:`PowerIndices`);
    ``ternary`` the yes/no/abstain ones (:class:`TernaryIndices`) when asked for.
    ``classes`` lists the seat indices of each class the computation used.
    """

    rule: str
    title: str
    seats: tuple[str, ...]
    kinds: tuple[str, ...]
    classes: tuple[tuple[int, ...], ...]
    binary: PowerIndices
    ternary: TernaryIndices | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"rule", "power_to_act", "seats": {SEAT: {index: value}}}`` (+ ``"ternary"``)."""
        floats = self.binary.as_floats()
        out: dict[str, Any] = {
            "rule": self.rule,
            "power_to_act": floats["power_to_act"],
            "seats": {
                seat: {name: floats[name][i] for name in INDEX_NAMES}  # type: ignore[index]
                for i, seat in enumerate(self.seats)
            },
        }
        if self.ternary is not None:
            t = self.ternary.as_floats()
            out["ternary"] = {
                "power_to_act": t["power_to_act"],
                "monotone": t["monotone"],
                "seats": {
                    seat: {name: t[name][i] for name in TERNARY_INDEX_NAMES}  # type: ignore[index]
                    for i, seat in enumerate(self.seats)
                },
            }
        return out


def _rule(rule: Any) -> Any:
    from ..rules import as_rule

    return as_rule(rule)


def _council_for(rule: Any) -> Any:
    """The council a rule is analysed on: its own shape, with real states where possible."""
    from ..rules import Rule, SeatClasses, example_council

    if isinstance(rule, Rule):
        return rule.example_council()
    seats = getattr(rule, "seats", None) or 15
    shapes = {15: SeatClasses(5, 0, 10), 11: SeatClasses(5, 0, 6)}
    veto = min(5, seats)
    return example_council(shapes.get(seats, SeatClasses(veto, 0, seats - veto)))


def rule_decide(rule: Any, motion: Any) -> Any:
    """``profiles -> rule.decide(profiles, motion)`` as a bool array (the rule's own decision)."""

    def decide(profiles: np.ndarray) -> np.ndarray:
        return np.asarray(rule.decide(np.asarray(profiles, dtype=np.int8), motion), dtype=bool)

    return decide


def rule_classes(rule: Any, council: Any, motion: Any) -> list[list[int]]:
    """Seat classes: seat kind, refined by the veto and obligatory abstention the rule applies to the motion."""
    keys: list[tuple[Any, ...]] = [(seat.kind,) for seat in council.seats]
    veto_mask = getattr(rule, "veto_mask", None)
    obliged = getattr(rule, "obliged_to_abstain", None)
    if callable(veto_mask) and callable(obliged):
        vm, ob = veto_mask(motion), obliged(motion)
        keys = [(*k, bool(vm[i]), bool(ob[i])) for i, k in enumerate(keys)]
    return partition(keys)


def rule_power(
    rule: Any, council: Any = None, *, motion: Any = None, ternary: bool = False
) -> RulePower:
    """Exact power of every seat under ``rule`` (a name, a rule object or a decision function).

    ``council`` defaults to the rule's own council (:meth:`Rule.example_council`:
    the Council of 5 December 2016 for 15 seats, of 30 August 1965 for 11,
    placeholder seats for enlargements); ``motion`` to a substantive motion on it.

    >>> g4 = rule_power("g4-2005")
    >>> len(g4.seats), sum(g4.binary.shapley_shubik)
    (25, Fraction(1, 1))
    >>> t = rule_power("charter-1965", ternary=True).ternary
    >>> t.adopted, t.monotone
    (146796, True)
    """
    from ..rules import Motion

    rule = _rule(rule)
    if council is None:
        council = _council_for(rule)
    if motion is None:
        motion = Motion(council)
    n = council.size
    decide = rule_decide(rule, motion)
    classes = rule_classes(rule, council, motion)
    if not is_class_symmetric(decide, classes):
        if n > MAX_SEATS_BINARY or (ternary and n > MAX_SEATS_TERNARY):
            raise PowerInputError(
                f"rule {rule.name} treats seats of the same class differently, and a council of {n} seats "
                f"is too large to analyse seat by seat"
            )
        classes = [[i] for i in range(n)]
    sizes = [len(c) for c in classes]

    def binary_win(counts: np.ndarray) -> np.ndarray:
        # yes / not yes: the first counts[r, c] seats of class c vote yes, the others no
        return decide(representative_profiles(counts[:, :, None], classes, n, [YES, NO]))

    def ternary_win(counts: np.ndarray) -> np.ndarray:
        return decide(representative_profiles(counts, classes, n, [YES, NO, ABSTAIN]))

    try:
        by_class = class_indices(sizes, binary_win)
    except PowerInputError as exc:
        kinds = ", ".join(f"#{c + 1} = {council.seats[seats[0]].kind}" for c, seats in enumerate(classes))
        raise PowerInputError(f"rule {rule.name}: {exc} (classes {kinds})") from None
    seat_class = [0] * n
    for c, seats in enumerate(classes):
        for s in seats:
            seat_class[s] = c
    first = [sum(sizes[:c]) for c in range(len(sizes))]  # position of class c in class order
    order = [first[c] for c in seat_class]
    binary = PowerIndices(
        n=n,
        swings=tuple(by_class.swings[j] for j in order),
        winning=by_class.winning,
        shapley_shubik=tuple(by_class.shapley_shubik[j] for j in order),
        classes=tuple(seat_class),
    )
    tern = None
    if ternary:
        t = ternary_class_indices(sizes, ternary_win)
        tern = TernaryIndices(
            n=n,
            adopted=t.adopted,
            yes_no=tuple(t.yes_no[j] for j in order),
            yes_abstain=tuple(t.yes_abstain[j] for j in order),
            abstain_no=tuple(t.abstain_no[j] for j in order),
            monotone=t.monotone,
            classes=tuple(seat_class),
        )
    return RulePower(
        rule=rule.name,
        title=getattr(rule, "title", rule.name),
        seats=tuple(council.names),
        kinds=tuple(seat.kind for seat in council.seats),
        classes=tuple(tuple(c) for c in classes),
        binary=binary,
        ternary=tern,
    )


def builtin_rule_names() -> list[str]:
    """Every built-in rule, in the registry's order."""
    from ..rules import RULES

    return list(RULES)
