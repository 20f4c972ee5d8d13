"""Voting rules as attrs models, and the vectorised decision that every part of
the package uses: the one-vote replay, the what-if grid and exhaustive analysis
all call :meth:`Rule.tally` or :meth:`Rule.decide` on a ``numpy.int8`` array of
ballot profiles of shape ``(profiles, seats)`` (codes from
:class:`~simulate.ballots.Ballot`).

A Charter-style rule decides a profile from two statistics:

* ``yes``, the number of affirmative votes, and
* ``blocks``, the number of veto holders whose ballot is a blocking one
  (``no`` under the Charter as practised; also ``abstain`` and ``absent`` under
  the literal text, :data:`strict-concurrence <RULES>`),

and the draft is adopted iff ``yes >= quota and blocks < vetoes_to_block``.

>>> from simulate.council import council_on
>>> import datetime, numpy as np
>>> council = council_on(datetime.date(2016, 12, 5))
>>> motion = Motion(council)
>>> rule = get_rule("charter-1965")
>>> profile = np.zeros((1, 15), dtype=np.int8)          # everyone votes yes
>>> rule.decide(profile, motion)
array([ True])
>>> profile[0, council.index("China")] = Ballot.NO      # one veto
>>> rule.decide(profile, motion)
array([False])
>>> profile[0, council.index("China")] = Ballot.ABSTAIN # abstention never blocks
>>> bool(rule.decide(profile, motion)[0]), bool(get_rule("strict-concurrence").decide(profile, motion)[0])
(True, False)
"""

from __future__ import annotations

import datetime
import enum
import inspect
from collections.abc import Callable, Iterable

import attrs
import numpy as np

from .ballots import Ballot
from .council import Council
from .errors import SimulateError, UnknownNameError
from .members import Member, resolve_member

__all__ = [
    "Matter",
    "Motion",
    "VetoRestraint",
    "Rule",
    "FunctionRule",
    "Tally",
    "RULES",
    "get_rule",
    "as_rule",
    "default_rule",
    "AMENDMENT_1965",
]

#: Entry into force of the amendments to Articles 23 and 27 (15 seats, 9 votes).
AMENDMENT_1965 = datetime.date(1965, 8, 31)

#: Decisions in which a party to a dispute must abstain (Article 27(3)).
OBLIGATORY_ABSTENTION_CHAPTERS = frozenset({"VI", "52(3)"})


class Matter(enum.StrEnum):
    """Article 27(2) (procedural) or 27(3) (all other, "substantive") matters."""

    SUBSTANTIVE = "substantive"
    PROCEDURAL = "procedural"


def _members(values: Iterable[str | Member]) -> tuple[Member, ...]:
    return tuple(resolve_member(v) for v in values)


@attrs.frozen
class Motion:
    """What a rule needs to know about the vote besides the ballots.

    ``flags`` are draft flags such as ``"mass-atrocity"`` (see veto restraint);
    ``parties`` are parties to the dispute, who must abstain in decisions under
    Chapter VI and Article 52(3) (``chapter`` ``"VI"`` or ``"52(3)"``).
    """

    council: Council
    matter: Matter = attrs.field(default=Matter.SUBSTANTIVE, converter=Matter)
    flags: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    parties: tuple[Member, ...] = attrs.field(default=(), converter=_members)
    chapter: str | None = None


@attrs.frozen
class VetoRestraint:
    """Veto holders who refrain from blocking drafts that carry ``flag``.

    ``members`` empty means every veto holder (the French-Mexican initiative as
    if all five joined it).
    """

    flag: str
    members: tuple[Member, ...] = attrs.field(default=(), converter=_members)


@attrs.frozen
class Tally:
    """Vectorised counts and decision for a batch of profiles (one row each).

    ``blockers`` is a boolean array ``(profiles, seats)``, True where a veto
    holder's ballot counts towards blocking; ``effective`` is the profile
    after obligatory abstentions (Article 27(3)).
    """

    effective: np.ndarray
    yes: np.ndarray
    no: np.ndarray
    abstain: np.ndarray
    absent: np.ndarray
    blockers: np.ndarray
    adopted: np.ndarray
    required: int | None
    vetoes_to_block: int


def _ballot_set(values: Iterable[Ballot | str]) -> frozenset[Ballot]:
    from .ballots import parse_ballot

    return frozenset(parse_ballot(v) for v in values)


@attrs.frozen
class Rule:
    """A Charter-style voting rule.

    Adopted iff at least ``quota`` affirmative votes and fewer than
    ``vetoes_to_block`` veto holders cast a ballot in ``blocking_ballots``.
    On procedural matters (Article 27(2)) the quota is ``procedural_quota``
    and nobody holds a veto.
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
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    assumptions: str = ""

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

    def _prepare(self, profiles: np.ndarray, motion: Motion) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        profiles = _check_profiles(profiles, motion.council)
        obliged = self.obliged_to_abstain(motion)
        if obliged.any():
            profiles = profiles.copy()
            profiles[:, obliged] = Ballot.ABSTAIN
        yes = np.count_nonzero(profiles == Ballot.YES, axis=1)
        veto_cols = np.flatnonzero(self.veto_mask(motion))
        codes = np.array(sorted(self.blocking_ballots), dtype=np.int8)
        blockers = np.isin(profiles[:, veto_cols], codes)
        return profiles, yes, blockers if veto_cols.size else np.zeros((len(profiles), 0), bool)

    def adopted(self, yes: np.ndarray, blocks: np.ndarray, motion: Motion) -> np.ndarray:
        """The decision from the two statistics (``yes`` and ``blocks`` are arrays)."""
        return (np.asarray(yes) >= self.required(motion)) & (np.asarray(blocks) < self.vetoes_to_block)

    def decide(self, profiles: np.ndarray, motion: Motion) -> np.ndarray:
        """Boolean array: which profiles are adopted."""
        _, yes, blockers = self._prepare(profiles, motion)
        return self.adopted(yes, blockers.sum(axis=1), motion)

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        """Counts, blocking seats and decision for every profile."""
        effective, yes, veto_blockers = self._prepare(profiles, motion)
        blockers = np.zeros(effective.shape, dtype=bool)
        blockers[:, np.flatnonzero(self.veto_mask(motion))] = veto_blockers
        return Tally(
            effective=effective,
            yes=yes,
            no=np.count_nonzero(effective == Ballot.NO, axis=1),
            abstain=np.count_nonzero(effective == Ballot.ABSTAIN, axis=1),
            absent=np.count_nonzero(effective == Ballot.ABSENT, axis=1),
            blockers=blockers,
            adopted=self.adopted(yes, veto_blockers.sum(axis=1), motion),
            required=self.required(motion),
            vetoes_to_block=self.vetoes_to_block,
        )

    def summary(self) -> str:
        """One line for ``unsc rules``."""
        return self.title


@attrs.frozen
class FunctionRule:
    """A user's own rule: a plain Python function over ballot-profile arrays.

    ``func(profiles)`` or ``func(profiles, veto_mask)`` gets an ``int8`` array
    of shape ``(profiles, seats)`` and returns a boolean array of shape
    ``(profiles,)``.

    >>> import numpy as np
    >>> majority = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 8, name="majority")
    >>> majority.decide(np.zeros((2, 15), np.int8), None)
    array([ True,  True])
    """

    func: Callable[..., np.ndarray]
    name: str = "custom"
    title: str = "a user-defined decision function"
    description: str = ""

    def decide(self, profiles: np.ndarray, motion: Motion | None) -> np.ndarray:
        profiles = np.asarray(profiles, dtype=np.int8)
        params = inspect.signature(self.func).parameters
        if len(params) >= 2:
            if motion is None:
                raise SimulateError(f"rule {self.name} needs the council's veto mask")
            result = self.func(profiles, motion.council.veto_mask)
        else:
            result = self.func(profiles)
        result = np.asarray(result)
        if result.shape != (profiles.shape[0],) or result.dtype != bool:
            raise SimulateError(
                f"rule {self.name} must return a boolean array of shape ({profiles.shape[0]},), "
                f"got {result.dtype} of shape {result.shape}"
            )
        return result

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        profiles = _check_profiles(profiles, motion.council)
        return Tally(
            effective=profiles,
            yes=np.count_nonzero(profiles == Ballot.YES, axis=1),
            no=np.count_nonzero(profiles == Ballot.NO, axis=1),
            abstain=np.count_nonzero(profiles == Ballot.ABSTAIN, axis=1),
            absent=np.count_nonzero(profiles == Ballot.ABSENT, axis=1),
            blockers=np.zeros(profiles.shape, dtype=bool),
            adopted=self.decide(profiles, motion),
            required=None,
            vetoes_to_block=1,
        )

    def summary(self) -> str:
        return self.title


def _check_profiles(profiles: np.ndarray, council: Council) -> np.ndarray:
    profiles = np.asarray(profiles)
    if profiles.ndim != 2 or profiles.shape[1] != council.size:
        raise SimulateError(
            f"ballot profiles must have shape (profiles, {council.size}), got {profiles.shape}"
        )
    if profiles.dtype != np.int8:
        profiles = profiles.astype(np.int8)
    return profiles


_STRICT = frozenset({Ballot.NO, Ballot.ABSTAIN, Ballot.ABSENT})

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            name="charter-1965",
            title="15 seats, 9 votes; any permanent member's 'no' blocks a substantive draft",
            quota=9,
            procedural_quota=9,
            seats=15,
            valid_from=AMENDMENT_1965,
            description=(
                "Article 27 as amended (in force 31 August 1965) and as practised: nine affirmative "
                "votes; on substantive matters a negative vote of any permanent member blocks; "
                "abstention and absence never block (practice since 1946, confirmed by the ICJ's "
                "Namibia advisory opinion of 1971); a party to a dispute abstains in decisions under "
                "Chapter VI and Article 52(3). Procedural matters: nine votes, no veto."
            ),
            sources=("Charter of the United Nations, Art. 27", "A/RES/1991 (XVIII) A", "ICJ Reports 1971, p. 16"),
        ),
        Rule(
            name="charter-1945",
            title="11 seats, 7 votes; any permanent member's 'no' blocks a substantive draft",
            quota=7,
            procedural_quota=7,
            seats=11,
            valid_from=datetime.date(1945, 10, 24),
            valid_to=AMENDMENT_1965 - datetime.timedelta(days=1),
            description=(
                "Article 27 of the original Charter (24 October 1945 to 30 August 1965), as practised: "
                "seven affirmative votes; a permanent member's negative vote blocks a substantive "
                "draft; abstention and absence do not. Procedural matters: seven votes, no veto."
            ),
            sources=("Charter of the United Nations (1945), Art. 27",),
        ),
        Rule(
            name="strict-concurrence",
            title="15 seats, 9 votes; literal Charter: a permanent member's 'no', abstention or absence blocks",
            quota=9,
            procedural_quota=9,
            seats=15,
            blocking_ballots=_STRICT,
            description=(
                "The literal text of Article 27(3): 'the concurring votes of the permanent members' "
                "are required, so a permanent member that votes against, abstains or is absent "
                "blocks a substantive draft. Never the Council's practice."
            ),
            sources=("Charter of the United Nations, Art. 27(3)",),
        ),
        Rule(
            name="strict-concurrence-1945",
            title="11 seats, 7 votes; literal original Charter: abstention or absence of a permanent member blocks",
            quota=7,
            procedural_quota=7,
            seats=11,
            blocking_ballots=_STRICT,
            description="The literal reading of Article 27(3) with the original Charter's seven votes.",
            sources=("Charter of the United Nations (1945), Art. 27(3)",),
        ),
        Rule(
            name="procedural-1965",
            title="15 seats, 9 votes, no veto (Article 27(2), procedural matters)",
            quota=9,
            seats=15,
            veto=False,
            party_abstains=False,
            description="Procedural matters since 1965: nine affirmative votes; nobody holds a veto.",
            sources=("Charter of the United Nations, Art. 27(2)",),
        ),
        Rule(
            name="procedural-1945",
            title="11 seats, 7 votes, no veto (original Article 27(2), procedural matters)",
            quota=7,
            seats=11,
            veto=False,
            party_abstains=False,
            description="Procedural matters before 1965: seven affirmative votes; nobody holds a veto.",
            sources=("Charter of the United Nations (1945), Art. 27(2)",),
        ),
    )
}


def get_rule(name: str | Rule | FunctionRule) -> Rule | FunctionRule:
    """The built-in rule called ``name`` (a rule object is returned as it is)."""
    if isinstance(name, Rule | FunctionRule):
        return name
    try:
        return RULES[name.strip().lower()]
    except (KeyError, AttributeError):
        raise UnknownNameError("rule", str(name), RULES, hint="(see `unsc rules`)") from None


def as_rule(obj: str | Rule | FunctionRule | Callable[..., np.ndarray]) -> Rule | FunctionRule:
    """A rule from a name, a rule, or a plain decision function over profile arrays."""
    if isinstance(obj, Rule | FunctionRule | str):
        return get_rule(obj)
    if callable(obj):
        return FunctionRule(obj, name=getattr(obj, "__name__", "custom"))
    raise SimulateError(f"not a rule: {obj!r}")


def default_rule(date: datetime.date) -> Rule:
    """The Charter rule in force on ``date`` (the matter is handled by the rule)."""
    return RULES["charter-1945"] if date < AMENDMENT_1965 else RULES["charter-1965"]


def strict_counterpart(rule: Rule | FunctionRule) -> Rule:
    """The literal-reading rule of the same era as ``rule``."""
    if isinstance(rule, Rule) and rule.quota == 7:
        return RULES["strict-concurrence-1945"]
    return RULES["strict-concurrence"]
