"""``chance()``: the probability that a draft passes, is vetoed or falls short, under each rule.

>>> from simulate import load_scenario
>>> from simulate.analysis.chance import Chance, chance
>>> december = load_scenario("S/2016/1026")
>>> changes = ["china-abstains-again", Chance(others="elected-uncertain")]
>>> result = chance(december, changes, ["charter-1965", "two-vetoes"])
>>> [(r.rule, r.adopted, r.exact) for r in result.rules]
[('charter-1965', Fraction(0, 1), True), ('two-vetoes', Fraction(1507, 19683), True)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs

from ...catalog.registry import as_rule
from ...errors import SimulateError
from ...model.chance import Bloc, Blocs
from .exact import NotExact, exact_probabilities
from .model import ChanceModel, Copy, Draw, Fixed, build_model
from .montecarlo import simulate

__all__ = ["DEFAULT_DRAWS", "Z95", "ChanceResult", "RuleChance", "chance"]

DEFAULT_DRAWS = 1_000_000
#: The normal quantile of a 95% interval.
Z95 = 1.959963984540054


def _num(x: Any) -> float:
    return float(x)


@attrs.frozen
class RuleChance:
    """Outcome probabilities under one rule: exact (Fractions or floats) or simulated (with standard errors)."""

    rule: str
    title: str
    adopted: Any
    vetoed: Any
    short: Any
    other: Any
    exact: bool
    stderr: dict[str, float] | None = None
    #: P(adopted here) - P(adopted under the first rule), its standard error (0 when exact)
    difference: tuple[Any, float] | None = None
    decisive: dict[str, Any] | None = None
    decisive_stderr: dict[str, float] | None = None
    permanent_no: tuple[Any, ...] = ()

    def interval(self, outcome: str = "adopted") -> tuple[float, float]:
        """A 95% interval (a point when exact)."""
        p = _num(getattr(self, outcome))
        se = (self.stderr or {}).get(outcome, 0.0)
        return max(0.0, p - Z95 * se), min(1.0, p + Z95 * se)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "adopted": _num(self.adopted),
            "vetoed": _num(self.vetoed),
            "short": _num(self.short),
            "other": _num(self.other),
            "exact": self.exact,
        }
        if all(isinstance(getattr(self, k), Fraction) for k in ("adopted", "vetoed", "short")):
            out["fractions"] = {k: str(getattr(self, k)) for k in ("adopted", "vetoed", "short", "other")}
        if self.stderr is not None:
            out["stderr"] = dict(self.stderr)
            out["interval95"] = {k: list(self.interval(k)) for k in ("adopted", "vetoed", "short")}
        if self.difference is not None:
            d, se = self.difference
            out["difference"] = {
                "adopted": _num(d), "stderr": se, "interval95": [_num(d) - Z95 * se, _num(d) + Z95 * se],
            }
        if self.decisive is not None:
            out["decisive"] = {k: _num(v) for k, v in self.decisive.items()}
        out["permanent_no"] = [_num(x) for x in self.permanent_no]
        return out


@attrs.frozen
class ChanceResult:
    """Outcome probabilities of one random vote under several rules."""

    symbol: str
    model: str
    exact: bool
    rules: tuple[RuleChance, ...]
    draws: int | None = None
    seed: int | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "model": self.model,
            "method": "exact" if self.exact else "monte carlo",
            "draws": self.draws,
            "seed": self.seed,
            "note": self.note,
            "rules": [r.to_json() for r in self.rules],
        }


def describe_model(models: Sequence[ChanceModel], changes: Sequence[Any]) -> str:
    """The probability model in one sentence: the changes in order, then who keeps the record."""
    model = models[0]
    steps = [d for d in model.descriptions if d]
    set_seats = {op.seat for op in model.ops if isinstance(op, Draw | Fixed)}
    set_seats.update(f for op in model.ops if isinstance(op, Copy) for f in op.followers)
    covers_all = len(set_seats) == model.council.size
    blocs = any(isinstance(op, Copy) and op.rho != 1 for op in model.ops)
    text = "; then ".join(steps) if steps else "the recorded ballots"
    if not covers_all:
        text += "; every other member casts its recorded ballot"
    independence = "members vote independently except in blocs" if blocs else "members vote independently"
    return f"Model: {text}; {independence}."


def chance(
    scenario: Any,
    changes: Sequence[Any] = (),
    rules: Sequence[Any] = (),
    *,
    method: str = "auto",
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    decisive: bool = True,
    chunk: int | None = None,
    workers: int | None = None,
) -> ChanceResult:
    """P(adopted), P(vetoed), P(short) of ``scenario`` with ``changes`` (what-ifs, :class:`Chance`,
    :class:`Blocs`, in order) under each of ``rules`` (default: the draft's own).

    ``method``: ``"auto"`` (exact when every rule allows it, else Monte Carlo for
    all rules on the same draws), ``"exact"`` (an error where exactness ends) or
    ``"montecarlo"``.
    """
    if method not in ("auto", "exact", "montecarlo"):
        raise SimulateError(f"method: expected auto, exact or montecarlo, got {method!r}")
    resolved: list[Any] = [as_rule(r) for r in rules] or [None]
    models = [build_model(scenario, changes, rule) for rule in resolved]
    text = describe_model(models, changes)
    note = ""
    if method != "montecarlo":
        try:
            exacts = [exact_probabilities(m, decisive=decisive) for m in models]
        except NotExact as exc:
            if method == "exact":
                raise SimulateError(f"cannot compute exactly: {exc}") from None
            note = f"Monte Carlo: exactness ends here ({exc})"
        else:
            out = []
            for m, e in zip(models, exacts, strict=True):
                diff = None
                if len(models) > 1:
                    diff = (e.adopted - exacts[0].adopted, 0.0)
                out.append(
                    RuleChance(
                        rule=m.rule.name, title=m.rule.title, adopted=e.adopted, vetoed=e.vetoed, short=e.short,
                        other=e.other, exact=True, difference=diff,
                        decisive=None if e.decisive is None else dict(zip(m.council.names, e.decisive, strict=True)),
                        permanent_no=e.permanent_no,
                    )
                )
            return ChanceResult(scenario.symbol, text, True, tuple(out))
    kwargs: dict[str, Any] = {"decisive": decisive}
    if chunk is not None:
        kwargs["chunk"] = chunk
    if workers is not None:
        kwargs["workers"] = workers
    results = simulate(models, draws, seed, **kwargs)
    out = []
    for m, r in zip(models, results, strict=True):
        n = r.draws
        dec = dec_se = None
        if r.decisive is not None:
            dec = {name: k / n for name, k in zip(m.council.names, r.decisive, strict=True)}
            dec_se = {name: math.sqrt(p * (1 - p) / n) for name, p in dec.items()}
        out.append(
            RuleChance(
                rule=m.rule.name, title=m.rule.title,
                adopted=r.p(0), vetoed=r.p(1), short=r.p(2), other=r.p(3), exact=False,
                stderr={"adopted": r.stderr(0), "vetoed": r.stderr(1), "short": r.stderr(2)},
                difference=r.difference if len(models) > 1 else None,
                decisive=dec, decisive_stderr=dec_se,
                permanent_no=tuple(k / n for k in r.permanent_no),
            )
        )
    if not note:
        note = "Monte Carlo"
    return ChanceResult(scenario.symbol, text, False, tuple(out), draws=results[0].draws, seed=seed, note=note)


def blocs(*specs: Any) -> Blocs:
    """Shorthand: ``blocs(("Russia", ["Angola"], 0.8), ...)``."""
    return Blocs([Bloc(*s) for s in specs])
