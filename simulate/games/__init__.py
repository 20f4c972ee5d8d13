"""Pure game theory: weighted games, games by seat class, ternary games, the
yes/no/abstain count lattice of seat classes, exact power indices and profile
enumeration. Imports nothing of the package but :mod:`simulate.errors` and
:mod:`simulate.codes`."""
