"""Exact results: the swing counts of a simple game and every index derived from them.

A *simple game* on members ``0..n-1`` is given by its winning coalitions. For a
member ``i`` a *swing* is a coalition ``S`` of the other members that loses
while ``S ∪ {i}`` wins; ``η_i`` is the number of swings of ``i`` and ``|W|`` the
number of winning coalitions among the ``2^n``. Every index here is exact (a
:class:`fractions.Fraction`) and is computed from ``η``, ``|W|`` and the
Shapley-Shubik numerators:

=====================  =====================================================
``shapley_shubik``     ``φ_i = Σ_{S swing for i} |S|! (n-1-|S|)! / n!``
``banzhaf``            ``β_i = η_i / Σ_j η_j``  (normalised; 0 if no swing)
``banzhaf_absolute``   ``β'_i = η_i / 2^(n-1)``  (Penrose)
``coleman_prevent``    ``η_i / |W|``  (Coleman's power to prevent action)
``coleman_initiate``   ``η_i / (2^n - |W|)``  (Coleman's power to initiate)
``power_to_act``       ``A = |W| / 2^n``  (Coleman's power of the collectivity)
=====================  =====================================================

>>> from simulate.power import weighted_indices
>>> p = weighted_indices([2, 1, 1], 3)
>>> p.swings, p.winning
((3, 1, 1), 3)
>>> p.shapley_shubik
(Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
>>> p.as_floats()["banzhaf"]
[0.6, 0.2, 0.2]
"""

from __future__ import annotations

from fractions import Fraction

import attrs

__all__ = ["INDEX_NAMES", "PowerIndices"]

#: Per-member indices, in the order used by :meth:`PowerIndices.as_floats` and the CLI.
INDEX_NAMES = ("shapley_shubik", "banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate")


def _ratio(num: int, den: int) -> Fraction:
    return Fraction(num, den) if den else Fraction(0)


@attrs.frozen
class PowerIndices:
    """Exact power indices of an ``n``-member simple game.

    ``swings[i]`` is ``η_i``; ``winning`` is ``|W|``; ``shapley_shubik[i]`` is
    ``φ_i``. ``classes[i]``, when the game was given by seat classes, is the
    class of member ``i`` (members are listed class by class).
    """

    n: int
    swings: tuple[int, ...]
    winning: int
    shapley_shubik: tuple[Fraction, ...]
    classes: tuple[int, ...] | None = None

    @property
    def coalitions(self) -> int:
        """``2^n``, the number of coalitions."""
        return 1 << self.n

    @property
    def losing(self) -> int:
        """``2^n - |W|``, the number of losing coalitions."""
        return self.coalitions - self.winning

    @property
    def total_swings(self) -> int:
        """``Σ_i η_i``."""
        return sum(self.swings)

    @property
    def banzhaf(self) -> tuple[Fraction, ...]:
        """Normalised Banzhaf index ``β_i = η_i / Σ_j η_j`` (all 0 if no member ever swings)."""
        total = self.total_swings
        return tuple(_ratio(s, total) for s in self.swings)

    @property
    def banzhaf_absolute(self) -> tuple[Fraction, ...]:
        """Penrose-Banzhaf measure ``β'_i = η_i / 2^(n-1)``."""
        half = 1 << (self.n - 1)
        return tuple(Fraction(s, half) for s in self.swings)

    @property
    def coleman_prevent(self) -> tuple[Fraction, ...]:
        """Coleman's power to prevent action ``η_i / |W|`` (0 if nothing wins)."""
        return tuple(_ratio(s, self.winning) for s in self.swings)

    @property
    def coleman_initiate(self) -> tuple[Fraction, ...]:
        """Coleman's power to initiate action ``η_i / (2^n - |W|)`` (0 if nothing loses)."""
        return tuple(_ratio(s, self.losing) for s in self.swings)

    @property
    def power_to_act(self) -> Fraction:
        """Coleman's power of the collectivity to act ``A = |W| / 2^n``."""
        return Fraction(self.winning, self.coalitions)

    def index(self, name: str) -> tuple[Fraction, ...]:
        """The per-member index called ``name`` (one of :data:`INDEX_NAMES`)."""
        if name not in INDEX_NAMES:
            raise KeyError(f"unknown power index {name!r}; known: {', '.join(INDEX_NAMES)}")
        return getattr(self, name)

    def as_floats(self) -> dict[str, list[float] | float]:
        """Every index as floats: ``{name: [per member], "power_to_act": A}``.

        Conversion is correctly rounded even when numerators and denominators
        have hundreds of digits (``Fraction.__float__``), so nothing overflows.
        """
        out: dict[str, list[float] | float] = {name: [float(x) for x in self.index(name)] for name in INDEX_NAMES}
        out["power_to_act"] = float(self.power_to_act)
        return out
