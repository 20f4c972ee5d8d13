"""The quota-and-veto rule: the Charter's kind of rule, and the reforms and
variants written in the same terms.

A quota-and-veto rule decides a profile from two statistics:

* ``yes``, the number of affirmative votes, and
* ``blocks``, the number of veto holders whose ballot is a blocking one
  (``no`` under the Charter as practised; also ``abstain`` and ``absent`` under
  the literal text, ``strict-concurrence``),

and the draft is adopted iff ``yes >= quota and blocks < vetoes_to_block``
(on procedural matters, Article 27(2): ``yes >= procedural_quota``, no veto).
Parties to a dispute abstain in decisions under Chapter VI and Article 52(3)
(Article 27(3)); veto holders exercising restraint do not block drafts with the
restraint's flag.

The built-in rules are TOML files in ``simulate/data/rules/`` (format in
``rules/README.md``), loaded by :mod:`simulate.io.rulefiles` and known by name
in :mod:`simulate.catalog.registry`.

>>> import datetime, numpy as np
>>> from simulate.model.council import council_on
>>> council = council_on(datetime.date(2016, 12, 5))
>>> motion = Motion(council)
>>> rule = Rule("charter-1965", "the Charter", quota=9, seat_classes=SeatClasses(5, 0, 10))
>>> profile = np.zeros((1, 15), dtype=np.int8)          # everyone votes yes
>>> rule.decide(profile, motion)
array([ True])
>>> profile[0, council.index("China")] = Ballot.NO      # one veto
>>> rule.decide(profile, motion)
array([False])
>>> profile[0, council.index("China")] = Ballot.ABSTAIN # abstention never blocks
>>> bool(rule.decide(profile, motion)[0])
True
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs
import numpy as np

from ..errors import SimulateError
from ..model.ballots import YES, Ballot, parse_ballot
from ..model.convert import str_tuple
from ..model.council import Council
from ..model.members import Member, resolve_member
from ..model.motion import OBLIGATORY_ABSTENTION_CHAPTERS, Matter, Motion
from .protocol import Tally, accumulator, make_tally, read_only_profiles
from .seats import (
    LARGEST_COUNCIL,
    SeatClasses,
    classes_for,
    enlarge_council,
    example_council,
)

__all__ = ["STATUSES", "QuotaRule", "Rule", "VetoRestraint"]

#: What a rule is: its ``status`` field.
STATUSES = {
    "charter": "the Charter as practised",
    "reading": "a reading of the Charter text",
    "proposal": "a reform proposal",
    "hypothetical": "a hypothetical variant (nobody's formal proposal)",
    "custom": "a user's rule",
}


def _members(values: Iterable[str | Member]) -> tuple[Member, ...]:
    return tuple(resolve_member(v) for v in values)


@attrs.frozen
class VetoRestraint:
    """Veto holders who refrain from blocking drafts that carry ``flag``.

    ``members`` empty means every veto holder (the French-Mexican initiative as
    if all five joined it).
    """

    flag: str
    members: tuple[Member, ...] = attrs.field(default=(), converter=_members)


def _ballot_set(values: Iterable[Ballot | str]) -> frozenset[Ballot]:
    return frozenset(parse_ballot(v) for v in values)


def refuse_council(name: str, seats: int, council: Council) -> SimulateError:
    """The one message for a rule sized for another council."""
    return SimulateError(
        f"rule {name} is for a council of {seats} seats, but this council has {council.size}: "
        f"choose a rule for {council.size} seats (see `unsc rules`)"
    )


@attrs.frozen
class Rule:
    """A Charter-style voting rule.

    Adopted iff at least ``quota`` affirmative votes and fewer than
    ``vetoes_to_block`` veto holders cast a ballot in ``blocking_ballots``.
    On procedural matters (Article 27(2)) the quota is ``procedural_quota``
    and nobody holds a veto.

    ``seat_classes`` describes the rule's council (how many veto holders, other
    permanent and elected seats); ``status`` says what the rule is (see
    :data:`STATUSES`); ``assumptions`` says which figures are assumed rather
    than read in the ``sources``. A rule whose council has no veto seats has
    ``veto=False``.
    """

    name: str
    title: str
    quota: int = attrs.field(validator=attrs.validators.ge(1))
    procedural_quota: int | None = None
    seats: int | None = None
    veto: bool = True
    vetoes_to_block: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    blocking_ballots: frozenset[Ballot] = attrs.field(
        default=frozenset({Ballot.NO}), converter=_ballot_set
    )
    party_abstains: bool = True
    restraint: VetoRestraint | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    description: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    assumptions: str = ""
    seat_classes: SeatClasses | None = None
    status: str = attrs.field(default="custom", validator=attrs.validators.in_(STATUSES))

    def __attrs_post_init__(self) -> None:
        classes = self.seat_classes
        if classes is None:
            return
        if self.seats is None:
            object.__setattr__(self, "seats", classes.total)
        elif self.seats != classes.total:
            raise SimulateError(f"rule {self.name}: seats={self.seats} but its seat classes add up to {classes.total}")
        if classes.veto == 0 and self.veto:
            object.__setattr__(self, "veto", False)  # nobody holds a veto on this council

    @property
    def enlarged(self) -> bool:
        """True if the rule's council is larger than any the Council has had."""
        return self.seats is not None and self.seats > LARGEST_COUNCIL

    @property
    def classes(self) -> SeatClasses:
        """The seat classes (from ``seats`` when the rule does not give them)."""
        return self.seat_classes if self.seat_classes is not None else classes_for(self.seats)

    def council_for(self, council: Council | int | None = None) -> Council:
        """The council this rule decides on.

        Given a sitting council: the same one, or, for an enlarged rule, that
        council with placeholder seats added. Given a number of seats: an
        example council of that size. Given nothing: the rule's own example
        council. A council of another size than the rule's is refused (a rule
        is never applied silently to a council it was not made for).
        """
        if council is None:
            return self.example_council()
        if isinstance(council, int):
            if self.seats is not None and council != self.seats:
                raise SimulateError(f"rule {self.name} is for {self.seats} seats, not {council}")
            return example_council(self.seat_classes or classes_for(council))
        if self.seats is not None:
            if self.enlarged and council.size < self.seats:
                return enlarge_council(council, self.classes)
            if council.size != self.seats:
                raise refuse_council(self.name, self.seats, council)
        return council

    def example_council(self) -> Council:
        """A council of this rule's shape, with real states where possible (see
        :func:`~simulate.rules.seats.example_council`)."""
        return example_council(self.classes)

    def seat_roles(self, motion: Motion) -> tuple[tuple[int, ...], ...]:
        """Seats alike for this rule and motion: same seat kind, same veto (after
        restraint and procedural matters), same obligation to abstain (Article 27(3));
        groups in seat-kind order."""
        council = motion.council
        veto = self.veto_mask(motion)
        obliged = self.obliged_to_abstain(motion)
        groups: dict[tuple[str, bool, bool], list[int]] = {}
        for i, seat in enumerate(council.seats):
            groups.setdefault((seat.kind, bool(veto[i]), bool(obliged[i])), []).append(i)
        order = {"veto": 0, "permanent": 1, "elected": 2}
        ranked = sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[1][0]))
        return tuple(tuple(g) for _, g in ranked)

    def required(self, motion: Motion) -> int:
        """Affirmative votes required for this motion."""
        if motion.matter is Matter.PROCEDURAL and self.procedural_quota is not None:
            return self.procedural_quota
        return self.quota

    def veto_mask(self, motion: Motion) -> np.ndarray:
        """Seats whose blocking ballots count, for this motion."""
        mask = motion.council.veto_mask
        if not self.veto or motion.matter is Matter.PROCEDURAL:
            return np.zeros_like(mask)
        if self.restraint is not None and self.restraint.flag in motion.flags:
            if not self.restraint.members:
                return np.zeros_like(mask)
            for member in self.restraint.members:
                if member in motion.council:
                    mask[motion.council.index(member)] = False
        return mask

    def obliged_to_abstain(self, motion: Motion) -> np.ndarray:
        """Seats that must abstain under Article 27(3) for this motion."""
        mask = np.zeros(motion.council.size, dtype=bool)
        if (
            self.party_abstains
            and motion.matter is Matter.SUBSTANTIVE
            and motion.chapter in OBLIGATORY_ABSTENTION_CHAPTERS
        ):
            for member in motion.parties:
                if member in motion.council:
                    mask[motion.council.index(member)] = True
        return mask

    def _check_council(self, council: Council) -> None:
        if self.seats is None or council.size == self.seats:
            return
        if self.enlarged and council.size < self.seats:
            missing = self.seats - council.size
            raise SimulateError(
                f"rule {self.name} is for an enlarged council of {self.seats} seats, but this vote was cast "
                f"by a council of {council.size}: the ballots of the {missing} new seats are unknown "
                f"(supply them with NewSeats or --new, or count every combination with `unsc reform`)"
            )
        raise refuse_council(self.name, self.seats, council)

    def _statistics(
        self, profiles: np.ndarray, motion: Motion
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The rule's sufficient statistics for every profile.

        Returns the effective profiles (after obligatory abstentions), the
        number of affirmative votes, the number of blocking ballots of veto
        holders, and the veto holders' columns. Counting column by column with
        plain-int codes and a small accumulator is fast whatever the memory
        layout: 3^15 profiles take well under a second.
        """
        self._check_council(motion.council)
        profiles = read_only_profiles(profiles, motion.council)
        obliged = self.obliged_to_abstain(motion)
        if obliged.any():
            profiles = profiles.copy()
            profiles[:, obliged] = Ballot.ABSTAIN
        rows, seats = profiles.shape
        acc = accumulator(seats)
        yes: np.ndarray = np.zeros(rows, dtype=acc)
        for seat in range(seats):
            yes += profiles[:, seat] == YES
        veto_cols = np.flatnonzero(self.veto_mask(motion))
        blocks: np.ndarray = np.zeros(rows, dtype=acc)
        for col in veto_cols:
            blocks += self._blocking(profiles[:, col])
        return profiles, yes, blocks, veto_cols

    def _blocking(self, ballots: np.ndarray) -> np.ndarray:
        """Which of a veto holder's ballots block (a few comparisons beat ``np.isin``)."""
        codes = sorted(int(code) for code in self.blocking_ballots)
        out = ballots == codes[0]
        for code in codes[1:]:
            out |= ballots == code
        return out

    def adopted(self, yes: np.ndarray, blocks: np.ndarray, motion: Motion) -> np.ndarray:
        """The decision from the two statistics (``yes`` and ``blocks`` are arrays)."""
        return (np.asarray(yes) >= self.required(motion)) & (np.asarray(blocks) < self.vetoes_to_block)

    def decide(self, profiles: np.ndarray, motion: Motion) -> np.ndarray:
        """Boolean array: which profiles are adopted."""
        _, yes, blocks, _ = self._statistics(profiles, motion)
        return self.adopted(yes, blocks, motion)

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        """Counts, blocking seats and decision for every profile."""
        effective, yes, blocks, veto_cols = self._statistics(profiles, motion)
        blockers = np.zeros(effective.shape, dtype=bool)
        for seat in veto_cols:
            blockers[:, seat] = self._blocking(effective[:, seat])
        return make_tally(
            effective,
            self.adopted(yes, blocks, motion),
            required=self.required(motion),
            blockers=blockers,
            vetoes_to_block=self.vetoes_to_block,
            veto_seats=self.veto_mask(motion),
        )

    def summary(self) -> str:
        """One line for ``unsc rules``."""
        return self.title


#: The same class under the name of its kind.
QuotaRule = Rule
