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

The built-in rules (the Charter rules, the literal reading, veto restraint and
the reform proposals) are TOML files in ``simulate/data/rules/``, in the format
users write (``rules/README.md``); :data:`RULES` loads each one the first time
it is asked for, so that start-up stays fast. A rule for an *enlarged* council
(more than 15 seats) describes its seats with :class:`SeatClasses`; replaying a
vote of the 15-member Council under it needs ballots for the new seats (see
:func:`simulate.rulebook.replay_enlarged`).

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
import os
from collections.abc import Callable, Iterable, Iterator, MutableMapping

import attrs
import numpy as np

from .ballots import Ballot
from .council import Council, Seat, council_on
from .errors import SimulateError, UnknownNameError
from .members import Member, resolve_member

__all__ = [
    "Matter",
    "Motion",
    "VetoRestraint",
    "Rule",
    "FunctionRule",
    "Tally",
    "SeatClasses",
    "RuleRegistry",
    "RULES",
    "STATUSES",
    "LARGEST_COUNCIL",
    "get_rule",
    "as_rule",
    "default_rule",
    "strict_counterpart",
    "placeholder_member",
    "is_placeholder",
    "enlarge_council",
    "example_council",
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


# ---------------------------------------------------------------- seat classes

#: The most seats the Council has had (15 since 1966). A rule for more seats is
#: an enlargement: it cannot decide a vote of the Council as it sat without
#: ballots for the new seats.
LARGEST_COUNCIL = 15

#: Seat kinds, in seat order: veto holders, other permanent seats, elected seats.
KINDS = ("veto", "permanent", "elected")

#: What a rule is: its ``status`` field.
STATUSES = {
    "charter": "the Charter as practised",
    "reading": "a reading of the Charter text",
    "proposal": "a reform proposal",
    "hypothetical": "a hypothetical variant (nobody's formal proposal)",
    "custom": "a user's rule",
}

_KIND_WORDS = {"veto": "with a veto", "permanent": "permanent without a veto", "elected": "elected"}
_NEW_SEAT = {"veto": "New permanent seat with veto", "permanent": "New permanent seat", "elected": "New elected seat"}
_KIND_LETTER = {"veto": "V", "permanent": "P", "elected": "E"}


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@attrs.frozen
class SeatClasses:
    """How many seats of each class a rule's council has.

    ``veto`` permanent members hold a veto, ``permanent`` other permanent members
    do not, ``elected`` members are elected. ``*_names`` optionally name the seats
    that the Council of today lacks (placeholders such as "New permanent seat
    (Africa) 1"), in order; unnamed new seats are numbered.

    >>> g4 = SeatClasses(veto=5, permanent=6, elected=14)
    >>> g4.total, g4.describe()
    (25, '5 with a veto, 6 permanent without a veto, 14 elected')
    """

    veto: int = attrs.field(default=5, validator=attrs.validators.ge(0))
    permanent: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    elected: int = attrs.field(default=10, validator=attrs.validators.ge(0))
    veto_names: tuple[str, ...] = attrs.field(default=(), converter=_names)
    permanent_names: tuple[str, ...] = attrs.field(default=(), converter=_names)
    elected_names: tuple[str, ...] = attrs.field(default=(), converter=_names)

    def __attrs_post_init__(self) -> None:
        if self.total < 1:
            raise SimulateError("a council needs at least one seat")
        for kind in KINDS:
            names = getattr(self, f"{kind}_names")
            if len(names) > getattr(self, kind):
                raise SimulateError(f"{len(names)} names for new {kind} seats, but there are only {getattr(self, kind)} {kind} seats")
            if len(set(names)) != len(names):
                raise SimulateError(f"the names of new {kind} seats repeat")

    @property
    def total(self) -> int:
        return self.veto + self.permanent + self.elected

    @property
    def kinds(self) -> dict[str, int]:
        """``{"veto": 5, "permanent": 0, "elected": 10}``, as :attr:`Council.kinds`."""
        return {kind: getattr(self, kind) for kind in KINDS}

    def describe(self) -> str:
        return ", ".join(f"{n} {_KIND_WORDS[k]}" for k, n in self.kinds.items() if n)

    def new_seat_names(self, kind: str, count: int) -> tuple[str, ...]:
        """Names for ``count`` new seats of ``kind``: the given names first, then numbered."""
        given = getattr(self, f"{kind}_names")[:count]
        return given + tuple(f"{_NEW_SEAT[kind]} {i}" for i in range(len(given) + 1, count + 1))

    @classmethod
    def of_council(cls, council: Council) -> SeatClasses:
        """The seat classes of an actual council."""
        return cls(**council.kinds)


def placeholder_member(name: str, kind: str = "elected", index: int = 0) -> Member:
    """A seat-holder that is not a state: a new seat of a reform proposal.

    Placeholders are :class:`~simulate.members.Member` objects with a user-assigned
    ISO code (``X`` + kind letter + a letter); they are not in the registry of
    states, so refer to them by the object or, in :mod:`simulate.rulebook`, by name.

    >>> seat = placeholder_member("New permanent seat 1", "permanent")
    >>> seat.iso3, is_placeholder(seat), is_placeholder(resolve_member("Japan"))
    ('XPA', True, False)
    """
    return Member(name, "X" + _KIND_LETTER[kind] + chr(ord("A") + index % 26))


def is_placeholder(member: Member) -> bool:
    """True for a new seat of a reform council (not a state of the registry)."""
    try:
        return resolve_member(member.name) != member
    except SimulateError:
        return True


def enlarge_council(council: Council, classes: SeatClasses) -> Council:
    """``council`` with placeholder seats added up to ``classes``.

    The seats that sat keep their members and order; new permanent seats follow
    the permanent members, new elected seats the elected members.

    >>> aleppo = council_on(datetime.date(2016, 12, 5))
    >>> g4 = enlarge_council(aleppo, SeatClasses(veto=5, permanent=6, elected=14))
    >>> g4.size, g4.kinds, g4.names[5], g4.names[-1]
    (25, {'veto': 5, 'permanent': 6, 'elected': 14}, 'New permanent seat 1', 'New elected seat 4')
    """
    have = council.kinds
    new = {kind: getattr(classes, kind) - have[kind] for kind in KINDS}
    if any(n < 0 for n in new.values()):
        raise SimulateError(
            f"a council of {SeatClasses(**have).describe()} seats cannot be enlarged to "
            f"{classes.describe()} seats"
        )
    added: dict[str, list[Seat]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for i, name in enumerate(classes.new_seat_names(kind, new[kind])):
            member = placeholder_member(name, kind, i)
            added[kind].append(Seat(member, permanent=kind != "elected", veto=kind == "veto"))
    permanent = [s for s in council.seats if s.permanent]
    elected = [s for s in council.seats if not s.permanent]
    if not any(added.values()):
        return council
    seats = permanent + added["veto"] + added["permanent"] + elected + added["elected"]
    source = (council.source + ", " if council.source else "") + f"enlarged to {classes.total} seats"
    return Council(seats, source=source)


#: The Council the examples and ``unsc check-rule`` use for 15 and 11 seats.
_EXAMPLE_DATES = {15: datetime.date(2016, 12, 5), 11: datetime.date(1965, 8, 30)}


def example_council(classes: SeatClasses) -> Council:
    """A council with these seat classes, for analysis and examples.

    15 seats (5 + 10): the Council of 5 December 2016, which voted on the Aleppo
    drafts; 11 seats (5 + 6): the Council of 30 August 1965, the last under the
    original Charter. Larger councils are the 2016 Council enlarged with
    placeholder seats; a council whose permanent members hold no veto is the
    2016 Council with the veto taken away. Other shapes are all placeholders
    ("Veto seat 1", "Permanent seat 1", "Elected seat 1", ...).
    """
    v, p, e = classes.veto, classes.permanent, classes.elected
    if (v, p, e) in ((5, 0, 6), (5, 0, 10)):
        return council_on(_EXAMPLE_DATES[classes.total])
    if v >= 5 and e >= 10:
        return enlarge_council(council_on(_EXAMPLE_DATES[15]), classes)
    if v == 0 and p >= 5 and e >= 10:
        base = council_on(_EXAMPLE_DATES[15])
        seats = [Seat(s.member, permanent=s.permanent, veto=False, representation=s.representation) for s in base.seats]
        return enlarge_council(Council(seats, source=base.source + ", without the veto"), classes)
    seats = [Seat(placeholder_member(f"Veto seat {i + 1}", "veto", i), permanent=True, veto=True) for i in range(v)]
    seats += [Seat(placeholder_member(f"Permanent seat {i + 1}", "permanent", i), permanent=True, veto=False) for i in range(p)]
    seats += [Seat(placeholder_member(f"Elected seat {i + 1}", "elected", i), permanent=False, veto=False) for i in range(e)]
    return Council(seats, source="placeholder seats")


def _classes_for(seats: int | None) -> SeatClasses:
    if seats == 11:
        return SeatClasses(5, 0, 6)
    if seats is None or seats == 15:
        return SeatClasses(5, 0, 10)
    veto = min(5, seats)
    return SeatClasses(veto, 0, seats - veto)


# ---------------------------------------------------------------- rules


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
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)
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
        return self.seat_classes if self.seat_classes is not None else _classes_for(self.seats)

    def council_for(self, council: Council) -> Council:
        """The council this rule decides for a vote of ``council``: the same one,
        or, for an enlarged rule, ``council`` with placeholder seats added."""
        if self.enlarged and council.size < self.seats:
            return enlarge_council(council, self.classes)
        return council

    def example_council(self) -> Council:
        """A council of this rule's shape, with real states where possible (see :func:`example_council`)."""
        return example_council(self.classes)

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
        if self.enlarged and council.size < self.seats:
            missing = self.seats - council.size
            raise SimulateError(
                f"rule {self.name} is for an enlarged council of {self.seats} seats, but this vote was cast "
                f"by a council of {council.size}: the ballots of the {missing} new seats are unknown "
                f"(supply them with NewSeats or --new, or count every combination with `unsc reform`)"
            )

    def _statistics(self, profiles: np.ndarray, motion: Motion) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The rule's sufficient statistics for every profile.

        Returns the effective profiles (after obligatory abstentions), the
        number of affirmative votes, the number of blocking ballots of veto
        holders, and the veto holders' columns. Counting column by column with
        plain-int codes and a small accumulator is fast whatever the memory
        layout: 3^15 profiles take well under a second.
        """
        self._check_council(motion.council)
        profiles = _check_profiles(profiles, motion.council)
        obliged = self.obliged_to_abstain(motion)
        if obliged.any():
            profiles = profiles.copy()
            profiles[:, obliged] = Ballot.ABSTAIN
        rows, seats = profiles.shape
        acc = _accumulator(seats)
        yes = np.zeros(rows, dtype=acc)
        for seat in range(seats):
            yes += profiles[:, seat] == _YES
        veto_cols = np.flatnonzero(self.veto_mask(motion))
        blocks = np.zeros(rows, dtype=acc)
        for seat in veto_cols:
            blocks += self._blocking(profiles[:, seat])
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
        return Tally(
            effective=effective,
            yes=yes.astype(np.int64),
            no=np.count_nonzero(effective == Ballot.NO, axis=1),
            abstain=np.count_nonzero(effective == Ballot.ABSTAIN, axis=1),
            absent=np.count_nonzero(effective == Ballot.ABSENT, axis=1),
            blockers=blockers,
            adopted=self.adopted(yes, blocks, motion),
            required=self.required(motion),
            vetoes_to_block=self.vetoes_to_block,
        )

    def summary(self) -> str:
        """One line for ``unsc rules``."""
        return self.title


def _mask(values: Iterable[bool] | None) -> tuple[bool, ...] | None:
    return None if values is None else tuple(bool(v) for v in values)


@attrs.frozen
class FunctionRule:
    """A user's own rule: a plain Python function over ballot-profile arrays.

    ``func(profiles)`` or ``func(profiles, veto_mask)`` gets an ``int8`` array
    of shape ``(profiles, seats)`` and returns a boolean array of shape
    ``(profiles,)``. ``seats`` and ``veto_seats`` (a mask over seats), when
    given, say which council the function is written for (``unsc check-rule``
    uses them).

    >>> import numpy as np
    >>> majority = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 8, name="majority")
    >>> majority.decide(np.zeros((2, 15), np.int8), None)
    array([ True,  True])
    """

    func: Callable[..., np.ndarray]
    name: str = "custom"
    title: str = "a user-defined decision function"
    description: str = ""
    seats: int | None = None
    veto_seats: tuple[bool, ...] | None = attrs.field(default=None, converter=_mask)

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


_YES = int(Ballot.YES)


def _accumulator(columns: int) -> type:
    """The smallest unsigned integer type that counts up to ``columns``."""
    return np.uint8 if columns < 256 else np.uint16 if columns < 65536 else np.uint32


def _check_profiles(profiles: np.ndarray, council: Council) -> np.ndarray:
    profiles = np.asarray(profiles)
    if profiles.ndim != 2 or profiles.shape[1] != council.size:
        raise SimulateError(
            f"ballot profiles must have shape (profiles, {council.size}), got {profiles.shape}"
        )
    if profiles.dtype != np.int8:
        profiles = profiles.astype(np.int8)
    return profiles


# ---------------------------------------------------------------- the built-in rules


class RuleRegistry(MutableMapping):
    """The rules known by name: the built-in TOML files, loaded when first asked
    for, and any rule a user adds (``RULES["mine"] = rule``).

    Iterating loads every built-in rule, in the order of
    :data:`simulate.rulebook.BUILTIN_ORDER`; looking one up by name loads only
    its file. Built-in rules cannot be replaced or removed.
    """

    def __init__(self) -> None:
        self._builtin: dict[str, Rule] = {}
        self._complete = False
        self._user: dict[str, Rule | FunctionRule] = {}

    def _load_all(self) -> None:
        if not self._complete:
            from .rulebook import builtin_rules

            loaded = builtin_rules()
            self._builtin = {**loaded, **{k: v for k, v in self._builtin.items() if k not in loaded}}
            self._complete = True

    def __getitem__(self, name: str) -> Rule | FunctionRule:
        if name in self._user:
            return self._user[name]
        if name in self._builtin:
            return self._builtin[name]
        if not self._complete and isinstance(name, str):
            from .rulebook import builtin_rule

            rule = builtin_rule(name)
            if rule is not None:
                self._builtin[name] = rule
                return rule
        raise KeyError(name)

    def __setitem__(self, name: str, rule: Rule | FunctionRule) -> None:
        if not isinstance(rule, Rule | FunctionRule):
            raise SimulateError(f"not a rule: {rule!r}")
        if name != rule.name:
            raise SimulateError(f"a rule is registered under its own name ({rule.name!r}), not {name!r}")
        self._load_all()
        if name in self._builtin:
            raise SimulateError(f"{name!r} is a built-in rule; give yours another name")
        self._user[name] = rule

    def __delitem__(self, name: str) -> None:
        if name in self._user:
            del self._user[name]
            return
        self._load_all()
        if name in self._builtin:
            raise SimulateError(f"{name!r} is a built-in rule and cannot be removed")
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter([*self._builtin, *self._user])

    def __len__(self) -> int:
        self._load_all()
        return len(self._builtin) + len(self._user)

    def register(self, rule: Rule | FunctionRule) -> Rule | FunctionRule:
        """Add a user's rule under its name; returns it."""
        self[rule.name] = rule
        return rule

    def __repr__(self) -> str:
        return f"RuleRegistry({list(self)})"


#: Every rule known by name (see :class:`RuleRegistry`).
RULES: RuleRegistry = RuleRegistry()


def _looks_like_path(name: object) -> bool:
    if isinstance(name, os.PathLike):
        return True
    return isinstance(name, str) and name.strip().lower().endswith((".toml", ".py"))


def get_rule(name: str | Rule | FunctionRule | os.PathLike) -> Rule | FunctionRule:
    """The rule called ``name`` (a rule object is returned as it is).

    ``name`` is a built-in or registered rule's name, or a path to a rule file:
    a TOML rule (``rules/README.md``) or a Python file defining ``decide``.
    """
    if isinstance(name, Rule | FunctionRule):
        return name
    if _looks_like_path(name):
        from .rulebook import load_rule_source

        return load_rule_source(name)
    try:
        return RULES[name.strip().lower()]
    except (KeyError, AttributeError):
        raise UnknownNameError(
            "rule", str(name), RULES, hint="(see `unsc rules`, or give the path of a .toml rule file)"
        ) from None


def as_rule(obj: str | Rule | FunctionRule | Callable[..., np.ndarray]) -> Rule | FunctionRule:
    """A rule from a name, a rule, or a plain decision function over profile arrays."""
    if isinstance(obj, Rule | FunctionRule | str | os.PathLike):
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
