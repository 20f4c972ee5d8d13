"""Uncertain ballots: the chance that a draft passes, is vetoed or falls short, under each rule.

* :mod:`.distributions`: :class:`Chance` (ballot distributions as what-ifs, with
  named models for "everyone else") and :class:`Bloc` / :class:`Blocs`;
* :mod:`.model`: the random vote (what-ifs and random changes, in order);
* :mod:`.tables`: the rule's own decision by seat-class counts;
* :mod:`.exact`: exact probabilities by seat class (members independent, or a
  few leader-follower blocs);
* :mod:`.montecarlo`: seeded, chunked, vectorised simulation, several rules on
  the same draws;
* :mod:`.frequencies`: ballot frequencies from the record, with a Dirichlet prior;
* :mod:`.api`: :func:`chance`, the one call (``unsc chance``).

Names are imported lazily, so that the scenario loader can use
:mod:`.distributions` without loading the engines.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ChanceResult": "api", "RuleChance": "api", "blocs": "api", "chance": "api",
    "MODELS": "distributions", "BallotDistribution": "distributions", "Bloc": "distributions",
    "Blocs": "distributions", "Chance": "distributions", "parse_bloc_option": "distributions",
    "parse_chance_option": "distributions",
    "NotExact": "exact", "exact_probabilities": "exact",
    "ChanceModel": "model", "build_model": "model",
    "simulate": "montecarlo",
    "DEFAULT_PRIOR": "frequencies", "Propensities": "frequencies", "propensities": "frequencies",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
