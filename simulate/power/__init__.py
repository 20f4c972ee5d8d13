"""Exact voting power of weighted and Security-Council-style games: the public
face of :mod:`simulate.games` (pure game theory, which imports nothing else of
the package) and of :mod:`simulate.analysis.power` and :mod:`simulate.analysis.flips`
(power and flips under the Council's rules, asking each rule).

One concept per module:

* :mod:`~simulate.games.weighted`: weighted games ``[q; w_1..w_n]`` (generating
  functions, never ``2^n`` enumeration): :func:`weighted_indices`,
  :func:`shapley_shubik`, :func:`banzhaf`, :func:`coleman_prevent`,
  :func:`coleman_initiate`, :func:`power_to_act`;
* :mod:`~simulate.games.classes`: games whose outcome depends only on the
  number of "yes" per seat class (every Council rule): :func:`class_indices`;
* :mod:`~simulate.games.ternary`: yes/no/abstain games by class:
  :func:`ternary_class_indices`, :func:`ternary_power_to_act`;
* :mod:`~simulate.games.profiles`: exhaustive chunked enumeration of all
  ``3^s`` (or ``2^s``) ballot profiles: :func:`count_adopted`, :func:`iter_ternary_profiles`;
* :mod:`~simulate.analysis.power`: power of every seat under a Council rule, from
  the rule's own decision: :func:`rule_power`;
* :mod:`~simulate.games.owen`: power with blocs (a priori unions), the Owen value
  and the Banzhaf-Owen index: :func:`weighted_bloc_indices`, :func:`class_bloc_indices`,
  and :func:`rule_bloc_power` for a Council rule;
* :mod:`~simulate.analysis.flips`: minimal sets of changed ballots that reverse a
  vote: :func:`minimal_flips`, :func:`scenario_flips`;
* :mod:`~simulate.games.symmetry`: seat classes, and the check that a rule treats
  a class alike;
* :mod:`~simulate.games.indices`: the exact result type :class:`PowerIndices`;
* :mod:`~simulate.games.errors`: :class:`PowerInputError` (a ``ValueError``).

Every value is an exact :class:`fractions.Fraction` (``as_floats()`` converts).

>>> from simulate.power import shapley_shubik
>>> [round(float(x), 4) for x in shapley_shubik([7] * 5 + [1] * 10, 39)][4:6]
[0.1963, 0.0019]
"""

from ..analysis.flips import Flips, minimal_flips, scenario_flips
from ..analysis.power import RuleBlocPower, RulePower, rule_bloc_power, rule_power
from ..games.classes import class_indices, class_winning, count_vectors
from ..games.errors import PowerInputError
from ..games.indices import INDEX_NAMES, PowerIndices
from ..games.owen import BlocIndices, class_bloc_indices, weighted_bloc_indices
from ..games.profiles import (
    ABSTAIN,
    NO,
    YES,
    count_adopted,
    decide_all,
    iter_binary_profiles,
    iter_profiles,
    iter_ternary_profiles,
    profile_at,
)
from ..games.ternary import (
    TERNARY_INDEX_NAMES,
    TernaryIndices,
    binary_predicate,
    compositions,
    ternary_class_indices,
    ternary_count_vectors,
    ternary_pivots,
    ternary_power_to_act,
    ternary_shapley_shubik,
)
from ..games.weighted import (
    banzhaf,
    coleman_initiate,
    coleman_prevent,
    integer_game,
    power_to_act,
    shapley_shubik,
    weighted_indices,
)

__all__ = [
    "ABSTAIN",
    "INDEX_NAMES",
    "NO",
    "TERNARY_INDEX_NAMES",
    "YES",
    "BlocIndices",
    "Flips",
    "PowerIndices",
    "PowerInputError",
    "RuleBlocPower",
    "RulePower",
    "TernaryIndices",
    "banzhaf",
    "binary_predicate",
    "class_bloc_indices",
    "class_indices",
    "class_winning",
    "coleman_initiate",
    "coleman_prevent",
    "compositions",
    "count_adopted",
    "count_vectors",
    "decide_all",
    "integer_game",
    "iter_binary_profiles",
    "iter_profiles",
    "iter_ternary_profiles",
    "minimal_flips",
    "power_to_act",
    "profile_at",
    "rule_bloc_power",
    "rule_power",
    "scenario_flips",
    "shapley_shubik",
    "ternary_class_indices",
    "ternary_count_vectors",
    "ternary_pivots",
    "ternary_power_to_act",
    "ternary_shapley_shubik",
    "weighted_bloc_indices",
    "weighted_indices",
]
