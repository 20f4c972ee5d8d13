"""Uncertain ballots: the chance that a draft passes, is vetoed or falls short, under each rule.

* :mod:`simulate.model.chance`: :class:`Chance` (ballot distributions as what-ifs,
  with named models for "everyone else") and :class:`Bloc` / :class:`Blocs`
  (in the model layer, so that scenario files can hold them);
* :mod:`.model`: the random vote (what-ifs and random changes, in order);
* :mod:`.tables`: the rule's own decision by seat-group counts;
* :mod:`.exact`: exact probabilities by seat group (members independent, or a
  few leader-follower blocs);
* :mod:`.montecarlo`: seeded, chunked, vectorised simulation, several rules on
  the same draws;
* :mod:`.frequencies`: propensities from the record, with a Dirichlet prior;
* :mod:`.api`: :func:`chance`, the one call (``unsc chance``).
"""

from __future__ import annotations

from ...model.chance import (
    MODELS,
    BallotDistribution,
    Bloc,
    Blocs,
    Chance,
    parse_bloc_option,
    parse_chance_option,
)
from .api import ChanceResult, RuleChance, blocs, chance
from .exact import NotExact, exact_probabilities
from .frequencies import DEFAULT_PRIOR, Propensities, propensities
from .model import ChanceModel, build_model
from .montecarlo import simulate

__all__ = [
    "DEFAULT_PRIOR",
    "MODELS",
    "BallotDistribution",
    "Bloc",
    "Blocs",
    "Chance",
    "ChanceModel",
    "ChanceResult",
    "NotExact",
    "Propensities",
    "RuleChance",
    "blocs",
    "build_model",
    "chance",
    "exact_probabilities",
    "parse_bloc_option",
    "parse_chance_option",
    "propensities",
    "simulate",
]
