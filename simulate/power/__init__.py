"""Exact voting power: weighted games, class-symmetric games, ternary games, enumeration."""
from .errors import PowerInputError
from .indices import INDEX_NAMES, PowerIndices
from .weighted import banzhaf, coleman_initiate, coleman_prevent, integer_game, power_to_act, shapley_shubik, weighted_indices
from .classes import class_indices, class_winning, count_vectors
