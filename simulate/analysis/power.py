"""Voting power under the Council's rules, by seat class, from the rules' own decisions.

The rule's vectorised decision (:meth:`simulate.rules.Rule.decide`) is the one
source of truth: power is never computed from a re-implementation of the rule.
The seats are split into classes (veto holders, permanent members without a
veto, elected members: the council's seat kinds, refined by the seats whose
veto counts for the motion), the rule is checked to treat the seats of a class
alike (:func:`~simulate.games.symmetry.is_class_symmetric`), and the rule
decides one representative profile per count vector:

* binary analysis (yes / not yes, every member not voting yes votes ``no``, the
  classical model of Shapley and Shubik, 1954): the yes-count lattice
  ``Π (n_c + 1)`` through :func:`~simulate.games.classes.class_indices`;
* ternary analysis (yes / no / abstain): the composition lattice through
  :func:`~simulate.games.ternary.ternary_class_indices`.

A rule that treats seats of a class differently (a user's function rule) is
analysed seat by seat instead, when that is small enough.

>>> p = rule_power("charter-1965")
>>> p.seats[0], round(float(p.binary.shapley_shubik[0]), 4), p.seats[5], round(float(p.binary.shapley_shubik[5]), 4)
('China', 0.1963, 'Angola', 0.0019)
>>> p.binary.power_to_act
Fraction(53, 2048)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import numpy as np

from ..catalog.registry import RULES, as_rule
from ..codes import ABSTAIN, NO, YES
from ..games.classes import class_indices
from ..games.errors import PowerInputError
from ..games.indices import INDEX_NAMES, PowerIndices
from ..games.owen import BLOC_INDEX_NAMES, BlocIndices, check_blocs, class_bloc_indices
from ..games.symmetry import representative_profiles
from ..games.ternary import TERNARY_INDEX_NAMES, TernaryIndices, ternary_class_indices
from ..model.council import Council
from ..model.motion import Motion
from ..rules.protocol import VotingRule

__all__ = [
    "RuleBlocPower",
    "RulePower",
    "builtin_rule_names",
    "rule_bloc_power",
    "rule_classes",
    "rule_decide",
    "rule_power",
    "seat_number",
]


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


def rule_decide(rule: VotingRule, motion: Motion) -> Callable[[np.ndarray], np.ndarray]:
    """``profiles -> rule.decide(profiles, motion)`` as a bool array (the rule's own decision)."""

    def decide(profiles: np.ndarray) -> np.ndarray:
        return np.asarray(rule.decide(np.asarray(profiles, dtype=np.int8), motion), dtype=bool)

    return decide


def rule_classes(rule: VotingRule, motion: Motion) -> list[list[int]]:
    """The seat roles the rule states for the motion, as lists."""
    return [list(group) for group in rule.seat_roles(motion)]


def _rule_game(
    rule: VotingRule | str, council: Council | int | None, motion: Motion | None, ternary: bool
) -> tuple[VotingRule, Council, Callable[[np.ndarray], np.ndarray], list[list[int]]]:
    """``(rule, council, decide, classes)``: the rule's own decision and the seat roles it states."""
    rule = as_rule(rule)
    if motion is not None:
        council = motion.council
    council = rule.council_for(council)
    if motion is None:
        motion = Motion(council)
    n = council.size
    decide = rule_decide(rule, motion)
    classes = rule_classes(rule, motion)
    if len(classes) == n and (n > MAX_SEATS_BINARY or (ternary and n > MAX_SEATS_TERNARY)):
        raise PowerInputError(
            f"rule {rule.name} treats no two seats alike, and a council of {n} seats "
            f"is too large to analyse seat by seat"
        )
    return rule, council, decide, classes


def rule_power(
    rule: VotingRule | str, council: Council | int | None = None, *, motion: Motion | None = None, ternary: bool = False
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
    voting, seated, decide, classes = _rule_game(rule, council, motion, ternary)
    n = seated.size
    sizes = [len(c) for c in classes]

    def binary_win(counts: np.ndarray) -> np.ndarray:
        # yes / not yes: the first counts[r, c] seats of class c vote yes, the others no
        return decide(representative_profiles(counts[:, :, None], classes, n, [YES, NO]))

    def ternary_win(counts: np.ndarray) -> np.ndarray:
        return decide(representative_profiles(counts, classes, n, [YES, NO, ABSTAIN]))

    try:
        by_class = class_indices(sizes, binary_win)
    except PowerInputError as exc:
        kinds = ", ".join(f"#{c + 1} = {seated.seats[seats[0]].kind}" for c, seats in enumerate(classes))
        raise PowerInputError(f"rule {voting.name}: {exc} (classes {kinds})") from None
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
            pivots=None if t.pivots is None else tuple(t.pivots[j] for j in order),
        )
    return RulePower(
        rule=voting.name,
        title=getattr(voting, "title", voting.name),
        seats=tuple(seated.names),
        kinds=tuple(seat.kind for seat in seated.seats),
        classes=tuple(tuple(c) for c in classes),
        binary=binary,
        ternary=tern,
    )


def builtin_rule_names() -> list[str]:
    """Every built-in rule, in the registry's order."""
    return list(RULES)


@attrs.frozen
class RuleBlocPower:
    """Owen value and Banzhaf-Owen index of every seat under one rule, with blocs of seats.

    ``blocs`` lists the seat indices of each bloc (seats named in no bloc are
    alone, after the named blocs); ``indices`` holds the exact values in seat order.
    """

    rule: str
    title: str
    seats: tuple[str, ...]
    blocs: tuple[tuple[int, ...], ...]
    indices: BlocIndices

    def to_json(self) -> dict[str, Any]:
        """``{"rule", "blocs": [[SEAT, ...], ...], "bloc_owen": [...], "seats": {SEAT: {index: value}}}``."""
        floats = self.indices.as_floats()
        return {
            "rule": self.rule,
            "blocs": [[self.seats[i] for i in bloc] for bloc in self.blocs],
            "bloc_owen": floats["bloc_owen"],
            "seats": {
                seat: {name: floats[name][i] for name in BLOC_INDEX_NAMES} for i, seat in enumerate(self.seats)
            },
        }


def seat_number(council: Council, name: str) -> int:
    """The seat of ``name`` on ``council`` (exact seat label first, then any alias of a member)."""
    folded = name.strip().casefold()
    for i, label in enumerate(council.names):
        if label.casefold() == folded:
            return i
    return int(council.index(name.strip()))


def rule_bloc_power(
    rule: VotingRule | str, blocs: Any, council: Council | int | None = None, *, motion: Motion | None = None
) -> RuleBlocPower:
    """Owen value and Banzhaf-Owen index of every seat under ``rule`` when ``blocs`` of seats coordinate.

    ``blocs``: sequences of seat names (or seat numbers). The game is the
    rule's own decision on yes / not-yes profiles, by seat class, as in
    :func:`rule_power`; the blocs only group the seats
    (:func:`simulate.games.owen.class_bloc_indices`).

    >>> p = rule_bloc_power("charter-1965", [["France", "United Kingdom", "United States"], ["China", "Russia"]])
    >>> p.seats[:5]
    ('China', 'France', 'Russian Federation', 'United Kingdom', 'United States')
    >>> [round(float(x), 4) for x in p.indices.owen[:6]]
    [0.2121, 0.1414, 0.2121, 0.1414, 0.1414, 0.0152]
    >>> p.indices.bloc_owen[0] == p.indices.bloc_owen[1]      # in the quotient game both blocs hold a veto
    True
    """
    voting, seated, decide, classes = _rule_game(rule, council, motion, False)
    n = seated.size
    numbered: list[list[int]] = []
    where: dict[int, int] = {}
    for k, bloc in enumerate(blocs):
        numbered.append([s if isinstance(s, int) else seat_number(seated, s) for s in bloc])
        for s in numbered[-1]:
            if 0 <= s < n and s in where:
                again = "twice in bloc" if where[s] == k else f"in bloc #{where[s] + 1} and in bloc"
                raise PowerInputError(f"{seated.names[s]} is {again} #{k + 1}: blocs must not overlap")
            where[s] = k
    parts = check_blocs(numbered, n)
    order = [s for seats in classes for s in seats]  # class-ordered member j is seat order[j]
    member_of = {s: j for j, s in enumerate(order)}

    def binary_win(counts: np.ndarray) -> np.ndarray:
        return decide(representative_profiles(counts[:, :, None], classes, n, [YES, NO]))

    try:
        by_class = class_bloc_indices([len(c) for c in classes], binary_win, [[member_of[s] for s in b] for b in parts])
    except PowerInputError as exc:
        raise PowerInputError(f"rule {voting.name}: {exc}") from None
    back = [member_of[s] for s in range(n)]
    indices = BlocIndices(
        n=n,
        blocs=parts,
        owen=tuple(by_class.owen[j] for j in back),
        swings=tuple(by_class.swings[j] for j in back),
    )
    return RuleBlocPower(
        rule=voting.name,
        title=getattr(voting, "title", voting.name),
        seats=tuple(seated.names),
        blocs=parts,
        indices=indices,
    )
