"""Pure game theory: weighted games, games by seat class, ternary games, exact
power indices and profile enumeration. Imports nothing of the package but
:mod:`simulate.errors` and :mod:`simulate.codes`."""
