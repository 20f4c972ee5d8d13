"""Ballot distributions as what-if changes: :class:`Chance` and :class:`Blocs` (used by
:mod:`simulate.analysis.chance`; here, in the model layer, so that scenario files can hold them).

A :class:`Chance` gives members a probability distribution over ballots instead
of a ballot ("Angola votes yes with probability 0.6, abstains with 0.4"); members
it does not name keep the ballot they have at that point of the what-if sequence,
unless ``others`` names a model for "everyone else" (:data:`MODELS`). A
:class:`Bloc` is a leader and followers: each follower casts the leader's
ballot with probability ``rho`` (independently of the other followers) and
otherwise keeps its own (random) ballot; :class:`Blocs` holds several, checked
for cycles and applied leaders first.

Probabilities are :class:`fractions.Fraction` when given as fractions, integers
or strings (``"1/3"``, ``"0.6"``: exact), and ``float`` when given as floats;
the engines answer in the same kind.

>>> d = BallotDistribution.parse({"yes": "3/5", "abstain": "2/5"}, "Angola")
>>> d.describe(), d.exact
('yes 0.6, abstain 0.4', True)
>>> Chance({"Angola": {"yes": 0.6, "abstain": 0.4}}).describe()
'Angola votes yes 0.6, abstain 0.4'
>>> BallotDistribution.parse({"yes": 0.6, "no": 0.3}, "Angola")
Traceback (most recent call last):
...
simulate.errors.SimulateError: Angola: probabilities sum to 0.9, 0.1 short of 1
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from ..errors import SimulateError, UnknownNameError
from .ballots import Ballot, parse_ballot
from .members import Member, resolve_member
from .whatif import _members

__all__ = [
    "MODELS",
    "BallotDistribution",
    "Bloc",
    "Blocs",
    "Chance",
    "Probability",
    "parse_bloc_option",
    "parse_chance_option",
    "parse_probability",
]

Probability = Fraction | float

#: Tolerance for floating-point probabilities summing to 1.
FLOAT_TOLERANCE = 1e-9


def parse_probability(value: Any, where: str = "probability") -> Probability:
    """A probability from a float, an int, a Fraction or a string (``"1/3"``, ``"0.6"``: exact).

    >>> parse_probability("1/3"), parse_probability(0.25), parse_probability("0.6")
    (Fraction(1, 3), 0.25, Fraction(3, 5))
    >>> parse_probability("-0.1", "Angola: yes")
    Traceback (most recent call last):
    ...
    simulate.errors.SimulateError: Angola: yes: probability -0.1 is negative
    """
    if isinstance(value, bool):
        raise SimulateError(f"{where}: expected a probability, got {value!r}")
    p: Probability
    if isinstance(value, Fraction):
        p = value
    elif isinstance(value, int):
        p = Fraction(value)
    elif isinstance(value, float):
        p = value
    elif isinstance(value, str):
        text = value.strip()
        if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise SimulateError(f"{where}: probability {text!r} is not a number between 0 and 1")
        try:
            p = Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise SimulateError(
                f"{where}: expected a probability such as 0.6 or 1/3, got {value!r}"
            ) from None
    else:
        raise SimulateError(f"{where}: expected a probability such as 0.6 or 1/3, got {value!r}")
    if isinstance(p, float) and math.isnan(p):
        raise SimulateError(f"{where}: probability is NaN (not a number)")
    shown = value.strip() if isinstance(value, str) else _show(p)
    if p < 0:
        raise SimulateError(f"{where}: probability {shown} is negative")
    if p > 1:
        raise SimulateError(f"{where}: probability {shown} is above 1")
    return p


def _show(p: Probability) -> str:
    """A probability for people: a decimal when it is one (0.6), else a small fraction (1/3)."""
    if isinstance(p, Fraction):
        if 10**6 % p.denominator == 0:
            return f"{float(p):.6g}"
        return str(p) if p.denominator <= 1000 else f"{float(p):.6g}"
    return f"{p:.6g}"


def _same_kind(values: Sequence[Probability]) -> tuple[Probability, ...]:
    """All Fractions, or all floats when any is a float."""
    if any(isinstance(v, float) for v in values):
        return tuple(float(v) for v in values)
    return tuple(Fraction(v) for v in values)


@attrs.frozen
class BallotDistribution:
    """Probabilities of yes, no, abstain and absent (in :class:`~simulate.ballots.Ballot` order)."""

    probs: tuple[Probability, Probability, Probability, Probability]

    @classmethod
    def point(cls, ballot: Ballot) -> BallotDistribution:
        """Certainty: ``ballot`` with probability 1."""
        return cls(tuple(Fraction(int(b == ballot)) for b in Ballot))  # type: ignore[arg-type]

    @classmethod
    def parse(
        cls, spec: BallotDistribution | Mapping[Any, Any] | str, where: str = "distribution"
    ) -> BallotDistribution:
        """From ``{"yes": 0.6, "abstain": 0.4}`` or ``"yes:0.6,abstain:0.4"``; checked."""
        if isinstance(spec, BallotDistribution):
            return spec
        if isinstance(spec, str):
            pairs: list[tuple[Any, Any]] = []
            for item in spec.split(","):
                word, sep, p = item.rpartition(":")
                if not sep or not word.strip() or not p.strip():
                    raise SimulateError(
                        f"{where}: expected BALLOT:P,BALLOT:P... (e.g. yes:0.6,abstain:0.4), got {spec!r}"
                    )
                pairs.append((word.strip(), p.strip()))
        elif isinstance(spec, Mapping):
            pairs = list(spec.items())
        else:
            raise SimulateError(f"{where}: expected a table of ballot = probability, got {spec!r}")
        if not pairs:
            raise SimulateError(f"{where}: no ballot has a probability")
        probs: dict[Ballot, Probability] = {}
        for word, p in pairs:
            ballot = _ballot(word, where)
            if ballot in probs:
                raise SimulateError(f"{where}: {ballot} is given twice")
            probs[ballot] = parse_probability(p, f"{where}: {ballot}")
        values = _same_kind([probs.get(b, Fraction(0)) for b in Ballot])
        total = sum(values)
        off = total != 1 if isinstance(total, Fraction) else abs(total - 1) > FLOAT_TOLERANCE
        if off:
            gap = total - 1
            how = f"{_show(-gap)} short of 1" if gap < 0 else f"{_show(gap)} over 1"
            raise SimulateError(f"{where}: probabilities sum to {_show(total)}, {how}")
        return cls(values)  # type: ignore[arg-type]

    @property
    def exact(self) -> bool:
        return all(isinstance(p, Fraction) for p in self.probs)

    @property
    def support(self) -> tuple[Ballot, ...]:
        return tuple(b for b in Ballot if self.probs[b] > 0)

    @property
    def certain(self) -> Ballot | None:
        """The ballot when there is no uncertainty."""
        support = self.support
        return support[0] if len(support) == 1 else None

    def __getitem__(self, ballot: Ballot | str) -> Probability:
        return self.probs[parse_ballot(ballot)]

    def as_float(self) -> BallotDistribution:
        return BallotDistribution(tuple(float(p) for p in self.probs))  # type: ignore[arg-type]

    def describe(self) -> str:
        """``"yes 0.6, abstain 0.4"`` (decimals when every probability is one, else fractions)."""
        shown = [self.probs[b] for b in Ballot if self.probs[b] > 0]
        decimal = all(not isinstance(p, Fraction) or 10**6 % p.denominator == 0 for p in shown)
        return ", ".join(
            f"{b} {_show(self.probs[b]) if decimal else str(self.probs[b])}" for b in Ballot if self.probs[b] > 0
        )


def _ballot(word: Any, where: str) -> Ballot:
    try:
        return parse_ballot(word if isinstance(word, Ballot) else str(word))
    except SimulateError as exc:
        raise SimulateError(f"{where}: {exc}") from None


# ---------------------------------------------------------------- models for "everyone else"

_THIRD = Fraction(1, 3)
_HALF = Fraction(1, 2)
_UNIFORM = BallotDistribution((_THIRD, _THIRD, _THIRD, Fraction(0)))
_COIN = BallotDistribution((_HALF, _HALF, Fraction(0), Fraction(0)))


@attrs.frozen
class Model:
    """A named model for members a :class:`Chance` does not name."""

    name: str
    seats: str  # "all", "elected", "permanent"
    distribution: BallotDistribution
    description: str

    def covers(self, permanent: bool) -> bool:
        return self.seats == "all" or (self.seats == "permanent") == permanent


#: The named models for "everyone else" (``others=`` / ``--others``); new seats of an
#: enlarged council count as permanent or elected by their kind.
MODELS: dict[str, Model] = {
    m.name: m
    for m in (
        Model("recorded", "none", _UNIFORM, "every member not named keeps its recorded ballot"),
        Model("uncertain", "all", _UNIFORM, "every member not named votes yes, no or abstain, 1/3 each"),
        Model(
            "elected-uncertain", "elected", _UNIFORM,
            "every elected member not named votes yes, no or abstain, 1/3 each; permanent members keep their ballots",
        ),
        Model(
            "permanent-uncertain", "permanent", _UNIFORM,
            "every permanent member not named votes yes, no or abstain, 1/3 each; elected members keep their ballots",
        ),
        Model("coin", "all", _COIN, "every member not named votes yes or no, 1/2 each (the Banzhaf model)"),
    )
}


def get_model(name: str | None) -> Model | None:
    if name is None:
        return None
    key = str(name).strip().lower()
    if key not in MODELS:
        raise UnknownNameError("model", str(name), MODELS, hint=f"(models: {', '.join(MODELS)})")
    return None if key == "recorded" else MODELS[key]


# ---------------------------------------------------------------- the changes


def _dists(values: Any) -> tuple[tuple[Member, BallotDistribution], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    pairs = []
    for name, spec in items:
        member = resolve_member(name)
        pairs.append((member, BallotDistribution.parse(spec, member.name)))
    _members([m for m, _ in pairs])
    return tuple(pairs)


def _model(value: str | None) -> str | None:
    model = get_model(value)
    return None if model is None else model.name


@attrs.frozen
class Chance:
    """Members cast random ballots, independently of each other and of everything before.

    ``ballots`` maps members to distributions; ``others`` names a model
    (:data:`MODELS`) for every seat not named here and not set by an earlier
    change of the sequence.
    """

    ballots: tuple[tuple[Member, BallotDistribution], ...] = attrs.field(default=(), converter=_dists)
    others: str | None = attrs.field(default=None, converter=_model)
    #: what to say instead of listing every distribution (e.g. where they come from)
    label: str = ""

    def apply(self, record: Any, lookup: Any = None) -> Any:
        raise SimulateError(
            f"a chance what-if ({self.describe()}) gives probabilities, not ballots: use `unsc chance` "
            "or simulate.analysis.chance"
        )

    def describe(self) -> str:
        if self.label:
            return self.label
        parts = [f"{m.name} votes {d.describe()}" for m, d in self.ballots]
        if self.others:
            words = MODELS[self.others].description.replace(" not named", " not set otherwise")
            parts.insert(0, f"{words} ({self.others})")
        return "; ".join(parts) or "nobody changes"

    @property
    def exact(self) -> bool:
        return all(d.exact for _, d in self.ballots)


def _rho(value: Any) -> Probability:
    return parse_probability(value, "rho")


@attrs.frozen
class Bloc:
    """``members`` cast the ballot of ``leader`` with probability ``rho`` each, else their own."""

    leader: Member = attrs.field(converter=resolve_member)
    members: tuple[Member, ...] = attrs.field(converter=_members)
    rho: Probability = attrs.field(default=Fraction(1), converter=_rho)

    def __attrs_post_init__(self) -> None:
        if not self.members:
            raise SimulateError(f"the bloc led by {self.leader.name} has no followers")
        if self.leader in self.members:
            raise SimulateError(f"{self.leader.name} cannot follow itself")

    def describe(self) -> str:
        who = ", ".join(m.name for m in self.members)
        verb = "follows" if len(self.members) == 1 else "follow"
        return f"{who} {verb} {self.leader.name} with probability {_show(self.rho)}"


def _blocs(values: Iterable[Bloc]) -> tuple[Bloc, ...]:
    blocs = tuple(values)
    following: dict[Member, Member] = {}
    for bloc in blocs:
        for m in bloc.members:
            if m in following:
                raise SimulateError(f"{m.name} follows both {following[m].name} and {bloc.leader.name}")
            following[m] = bloc.leader
    # a cycle of followers: A follows B follows ... follows A
    for start in following:
        chain = [start]
        at = start
        while at in following:
            at = following[at]
            if at in chain:
                cycle = [*chain[chain.index(at):], at]
                raise SimulateError("a cycle of followers: " + " follows ".join(m.name for m in cycle))
            chain.append(at)
    # leaders first: a bloc whose leader follows another bloc comes after that bloc
    by_leader = {b.leader: b for b in blocs}
    order: list[Bloc] = []

    def visit(bloc: Bloc) -> None:
        if bloc in order:
            return
        if bloc.leader in following and following[bloc.leader] in by_leader:
            visit(by_leader[following[bloc.leader]])
        order.append(bloc)

    for bloc in blocs:
        visit(bloc)
    return tuple(order)


@attrs.frozen
class Blocs:
    """Several blocs, applied together (leaders' blocs first); no member follows twice, no cycles."""

    blocs: tuple[Bloc, ...] = attrs.field(converter=_blocs)

    def apply(self, record: Any, lookup: Any = None) -> Any:
        raise SimulateError(
            f"a bloc what-if ({self.describe()}) gives probabilities, not ballots: use `unsc chance`"
        )

    def describe(self) -> str:
        return "; ".join(b.describe() for b in self.blocs)


# ---------------------------------------------------------------- the command-line forms


def parse_chance_option(text: str) -> Chance:
    """``"Angola=yes:0.6,abstain:0.4"`` -> a :class:`Chance`."""
    member, sep, spec = text.partition("=")
    if not sep or not member.strip() or not spec.strip():
        raise SimulateError(
            f"--chance expects MEMBER=BALLOT:P,BALLOT:P... (e.g. Angola=yes:0.6,abstain:0.4), got {text!r}"
        )
    name = resolve_member(member.strip()).name
    return Chance([(name, BallotDistribution.parse(spec.strip(), f"--chance {name}"))])


def parse_bloc_option(text: str) -> Bloc:
    """``"Russia:Angola,Venezuela@0.8"`` -> a :class:`Bloc` (``@RHO`` optional, default 1)."""
    body, sep, rho = text.rpartition("@")
    if not sep:
        body, rho = text, "1"
    leader, sep, followers = body.partition(":")
    names = [f.strip() for f in followers.split(",") if f.strip()]
    if not sep or not leader.strip() or not names:
        raise SimulateError(
            f"--bloc expects LEADER:FOLLOWER,FOLLOWER...@RHO (e.g. Russia:Angola,Venezuela@0.8), got {text!r}"
        )
    return Bloc(leader.strip(), names, parse_probability(rho, f"--bloc {text}: rho"))
