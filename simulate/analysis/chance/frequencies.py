"""Propensities from the record: each member's ballot frequencies over chosen votes, with a Dirichlet prior.

The estimate for a member is the posterior mean of a Dirichlet-multinomial
model: ``(count_b + alpha_b) / (n + sum(alpha))`` for each ballot ``b``, where
``n`` is the number of chosen records on which the member sat. The default
prior :data:`DEFAULT_PRIOR` is one pseudo-vote each for yes, no and abstain and
none for absent (Laplace's rule on the three votes: a member never seen is
uniform over yes, no and abstain, and is never made absent unless it was
absent in the record). Members never seen get the prior mean and are flagged.

>>> from simulate import load_scenario
>>> p = propensities([load_scenario(s) for s in ("S/2016/846", "S/2016/847", "S/2016/1026")])
>>> e = p.estimates["Angola"]
>>> e.records, e.counts, e.distribution.describe()
(3, (0, 0, 3, 0), 'yes 1/6, no 1/6, abstain 2/3')
>>> p.estimate("Japan").distribution.describe(), p.estimate("Germany").prior_only
('yes 1/2, no 1/3, abstain 1/6', True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from ...errors import SimulateError
from ...model.ballots import Ballot
from ...model.chance import BallotDistribution, Chance, _ballot
from ...model.members import resolve_member
from ...model.records import VoteRecord

__all__ = ["DEFAULT_PRIOR", "Estimate", "Propensities", "parse_prior", "propensities"]

#: Dirichlet pseudo-counts: one each for yes, no and abstain, none for absent.
DEFAULT_PRIOR: dict[str, int] = {"yes": 1, "no": 1, "abstain": 1, "absent": 0}


def parse_prior(spec: Mapping[str, Any] | str | None) -> tuple[Fraction, ...]:
    """Pseudo-counts per ballot from ``{"yes": 1, ...}`` or ``"yes=1,no=1,abstain=1"`` (missing ballots: 0)."""
    if spec is None:
        spec = DEFAULT_PRIOR
    if isinstance(spec, str):
        pairs = []
        for item in spec.split(","):
            word, sep, text = item.partition("=")
            if not sep:
                raise SimulateError(f"prior: expected BALLOT=COUNT,... (e.g. yes=1,no=1,abstain=1), got {spec!r}")
            pairs.append((word.strip(), text.strip()))
        spec = dict(pairs)
    assert not isinstance(spec, str)
    counts = [Fraction(0)] * 4
    for word, value in spec.items():
        ballot = _ballot(word, "prior")
        try:
            c = Fraction(value) if not isinstance(value, float) else Fraction(value).limit_denominator(10**9)
        except (ValueError, TypeError, ZeroDivisionError):
            raise SimulateError(f"prior: {ballot}: expected a pseudo-count such as 1 or 0.5, got {value!r}") from None
        if c < 0:
            raise SimulateError(f"prior: {ballot}: pseudo-count {value} is negative")
        counts[ballot] = c
    if sum(counts) == 0:
        raise SimulateError("prior: the pseudo-counts are all zero (a member never seen would have no distribution)")
    return tuple(counts)


@attrs.frozen
class Estimate:
    """One member's estimated ballot distribution and what it rests on."""

    member: str
    distribution: BallotDistribution
    records: int
    counts: tuple[int, int, int, int]
    prior_only: bool


@attrs.frozen
class Propensities:
    """Estimates by member, from ``records`` votes, under the Dirichlet ``prior``."""

    estimates: dict[str, Estimate]
    prior: tuple[Fraction, ...]
    records: int
    symbols: tuple[str, ...]

    def estimate(self, member: Any) -> Estimate:
        """A member's estimate; the prior mean (flagged) for a member never seen."""
        name = resolve_member(member).name
        if name in self.estimates:
            return self.estimates[name]
        total = sum(self.prior)
        dist = BallotDistribution(tuple(a / total for a in self.prior))  # type: ignore[arg-type]
        return Estimate(name, dist, 0, (0, 0, 0, 0), True)

    def chance(self, members: Iterable[Any]) -> Chance:
        """A :class:`Chance` giving each of ``members`` its estimated distribution."""
        return Chance(
            [(e.member, e.distribution) for e in (self.estimate(m) for m in members)],
            label=f"every member votes by its {self.describe()}",
        )

    def unseen(self, members: Iterable[Any]) -> list[str]:
        return [e.member for e in (self.estimate(m) for m in members) if e.prior_only]

    def describe(self) -> str:
        prior = ", ".join(f"{b} {self.prior[b]}" for b in Ballot if self.prior[b])
        return f"ballot frequencies in {self.records} recorded votes, with a Dirichlet prior ({prior})"


def _records(sources: Iterable[Any]) -> list[VoteRecord]:
    from ...catalog.scenarios import load_scenario, load_scenario_file

    out: list[VoteRecord] = []
    for source in sources:
        if isinstance(source, VoteRecord):
            out.append(source)
        elif hasattr(source, "record"):
            out.append(source.record)
        elif isinstance(source, str | Path) and Path(source).is_dir():
            files = sorted(Path(source).glob("*.toml"))
            if not files:
                raise SimulateError(f"{source}: no scenario files (*.toml) in this folder")
            out.extend(load_scenario_file(f).record for f in files)
        elif isinstance(source, str | Path):
            out.append(load_scenario(source).record)
        else:
            raise SimulateError(f"not a record, scenario, file or folder: {source!r}")
    return out


def propensities(
    sources: Iterable[Any], *, prior: Mapping[str, Any] | str | None = None, penholder: Any = None
) -> Propensities:
    """Ballot frequencies over the records in ``sources`` (records, scenarios, files or folders).

    ``penholder`` keeps only drafts that member put forward (its sponsors).
    """
    alpha = parse_prior(prior)
    records = _records(sources)
    if penholder is not None:
        pen = resolve_member(penholder)
        records = [r for r in records if pen in r.draft.sponsors]
        if not records:
            raise SimulateError(f"no chosen record has {pen.name} among its sponsors (penholders)")
    if not records:
        raise SimulateError("no records to estimate propensities from")
    counts: dict[str, list[int]] = {}
    for record in records:
        for name, ballot in record.by_member().items():
            counts.setdefault(name, [0, 0, 0, 0])[ballot] += 1
    total = sum(alpha)
    estimates = {}
    for name, c in counts.items():
        n = sum(c)
        dist = BallotDistribution(tuple((c[b] + alpha[b]) / (n + total) for b in Ballot))  # type: ignore[arg-type]
        estimates[name] = Estimate(name, dist, n, tuple(c), False)  # type: ignore[arg-type]
    return Propensities(estimates, alpha, len(records), tuple(r.draft.symbol for r in records))
