"""Typed attrs converters: ``converter=tuple`` works, but the attrs mypy plugin
cannot tell what a generic converter accepts, so each field names its type here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ballots import Ballot
    from .council import Seat

__all__ = ["new_seat_pairs", "seat_tuple", "str_set", "str_tuple"]


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def str_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def seat_tuple(values: Iterable[Seat]) -> tuple[Seat, ...]:
    return tuple(values)


def new_seat_pairs(values: Iterable[tuple[str, Ballot]]) -> tuple[tuple[str, Ballot], ...]:
    return tuple(values)
