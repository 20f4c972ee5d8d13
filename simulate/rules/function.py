"""A user's own rule: a plain Python function over ballot-profile arrays.

It has no quota and no veto of its own to speak of: its tally reports the
counts and its decision (``required is None``, nobody "vetoes"). Which council
it is written for comes from ``seats`` and ``veto_seats`` when given.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable

import attrs
import numpy as np

from ..errors import SimulateError
from ..games.symmetry import is_class_symmetric, partition
from ..model.council import MOST_SEATS, Council, Seat
from ..model.motion import Motion
from .protocol import Tally, make_tally, read_only_profiles
from .seats import SeatClasses, classes_for, example_council, placeholder_member

__all__ = ["FunctionRule"]


def _mask(values: Iterable[bool] | None) -> tuple[bool, ...] | None:
    return None if values is None else tuple(bool(v) for v in values)


@attrs.frozen
class FunctionRule:
    """A user's own rule: a plain Python function over ballot-profile arrays.

    ``func(profiles)`` or ``func(profiles, veto_mask)`` gets a read-only
    ``int8`` array of shape ``(profiles, seats)`` and returns a boolean array of
    shape ``(profiles,)``. ``seats`` and ``veto_seats`` (a mask over seats),
    when given, say which council the function is written for.

    >>> import numpy as np
    >>> majority = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 8, name="majority")
    >>> majority.decide(np.zeros((2, 15), np.int8), None)
    array([ True,  True])
    """

    func: Callable[..., np.ndarray]
    name: str = "custom"
    title: str = "a user-defined decision function"
    description: str = ""
    seats: int | None = None
    veto_seats: tuple[bool, ...] | None = attrs.field(default=None, converter=_mask)
    #: what says the council size, for messages (e.g. "its VETO list has 2 entries")
    sized_by: str = attrs.field(default="", eq=False)
    #: how many arguments ``func`` takes (1: the profiles; 2: and the veto mask), read once: a
    #: sampled check calls ``decide`` thousands of times, and inspect.signature is slow
    _arity: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_arity", len(inspect.signature(self.func).parameters))
        if self.seats is not None and not 1 <= self.seats <= MOST_SEATS:
            raise SimulateError(
                f"rule {self.name}: a council has from 1 to {MOST_SEATS} seats (the Members of the United "
                f"Nations), not {self.seats:,}"
            )
        if self.veto_seats is not None and self.seats is not None and len(self.veto_seats) != self.seats:
            raise SimulateError(
                f"rule {self.name} gives a veto mask of {len(self.veto_seats)} seats for a council of {self.seats}"
            )

    @property
    def size(self) -> int | None:
        """The council size the function is written for, when it says."""
        if self.seats is not None:
            return self.seats
        return None if self.veto_seats is None else len(self.veto_seats)

    def council_for(self, council: Council | int | None = None) -> Council:
        """The council the function decides on: a sitting council of its size (any
        size when it does not say), or an example council of ``council`` seats (15
        when not given) whose veto seats are the function's ``veto_seats``."""
        size = self.size
        why = f" ({self.sized_by})" if self.sized_by else ""
        if isinstance(council, Council):
            if size is not None and council.size != size:
                raise SimulateError(
                    f"rule {self.name} is for a council of {size} seats{why}, but this council has {council.size}: "
                    f"choose a rule for {council.size} seats (see `unsc rules`)"
                )
            return council
        n = council if council is not None else (size if size is not None else 15)
        if size is not None and n != size:
            raise SimulateError(f"rule {self.name} is for {size} seats{why}, not {n}")
        if not 1 <= n <= MOST_SEATS:
            raise SimulateError(
                f"a council has from 1 to {MOST_SEATS} seats (the Members of the United Nations), not {n:,}"
            )
        mask = self.veto_seats
        if mask is None:
            return example_council(classes_for(n))
        vetoes = sum(mask)
        example = example_council(SeatClasses(vetoes, 0, n - vetoes))
        if list(example.veto_mask) == list(mask):
            return example
        seats = [
            Seat(placeholder_member(f"Seat {i + 1}", "veto" if veto else "elected", i), permanent=veto, veto=veto)
            for i, veto in enumerate(mask)
        ]
        return Council(seats, source="placeholder seats")

    def decide(self, profiles: np.ndarray, motion: Motion | None) -> np.ndarray:
        """The function's decision on a read-only copy of ``profiles``."""
        profiles = np.asarray(profiles, dtype=np.int8)
        if motion is not None:
            self.council_for(motion.council)
            profiles = read_only_profiles(profiles, motion.council)
        else:
            profiles = profiles.view()
            profiles.flags.writeable = False
        try:
            if self._arity >= 2:
                if motion is None:
                    raise SimulateError(f"rule {self.name} needs the council's veto mask")
                result = self.func(profiles, motion.council.veto_mask)
            else:
                result = self.func(profiles)
        except SystemExit:
            raise SimulateError(f"rule {self.name} called sys.exit(); a rule must return its decisions") from None
        except ValueError as exc:
            if "read-only" in str(exc):
                raise SimulateError(
                    f"rule {self.name} tried to change the ballots it was given; a rule must only read them"
                ) from None
            raise
        result = np.asarray(result)
        if result.shape != (profiles.shape[0],) or result.dtype != bool:
            raise SimulateError(
                f"rule {self.name} must return a boolean array of shape ({profiles.shape[0]},), "
                f"got {result.dtype} of shape {result.shape}"
            )
        return result

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        """The counts and the function's decision (no quota, no blockers)."""
        effective = read_only_profiles(profiles, motion.council)
        return make_tally(effective, self.decide(effective, motion), required=None)

    def seat_roles(self, motion: Motion) -> tuple[tuple[int, ...], ...]:
        """Seats of the same kind when the function treats them alike on 512
        random profiles (a fixed-seed test: :func:`~simulate.games.symmetry.is_class_symmetric`);
        otherwise every seat alone, which is always safe."""
        council = motion.council
        classes = partition([seat.kind for seat in council.seats])
        if all(len(c) == 1 for c in classes):
            return tuple(tuple(c) for c in classes)

        def decide(profiles: np.ndarray) -> np.ndarray:
            return self.decide(profiles, motion)

        if is_class_symmetric(decide, classes):
            return tuple(tuple(c) for c in classes)
        return tuple((i,) for i in range(council.size))

    def summary(self) -> str:
        return self.title
