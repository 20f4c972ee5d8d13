"""The double-majority rule: a quota-and-veto rule that also requires a majority
within a named group of seats.

A draft is adopted iff the base rule adopts it (its quota of all members, no
veto) **and** at least ``group_quota`` of the group's seats vote yes:

.. math::

    \\text{adopted}(p) = \\text{base}(p) \\wedge \\#\\{i \\in G : p_i = \\text{yes}\\} \\ge q_G

The group is a seat kind (``"elected"``, ``"permanent"``, ``"veto"``) of the
rule's council. The veto, Article 27(3), restraint and the council come from the
base rule, so nothing about them is worked out twice.

>>> from simulate import get_rule, load_scenario, replay
>>> rule = get_rule("elected-majority")
>>> replay(load_scenario("S/2016/846"), ["russia-abstains"], rule=rule).reason
'Adopted: 11 votes in favour (9 required) and no veto.'
>>> replay(load_scenario("S/2016/1026"), ["russia-and-china-abstain"], rule=rule).adopted
True
"""

from __future__ import annotations

import attrs
import numpy as np

from ..errors import SimulateError
from ..model.ballots import YES
from ..model.council import KINDS, Council
from ..model.motion import Motion
from .protocol import GroupCount, Tally, make_tally
from .quota import Rule

__all__ = ["GROUP_WORDS", "DoubleMajorityRule"]

#: How a group of seats is named in sentences.
GROUP_WORDS = {"elected": "the elected members", "permanent": "the permanent members", "veto": "the veto holders"}


@attrs.frozen
class DoubleMajorityRule:
    """``base`` and at least ``group_quota`` yes votes among the seats of kind ``group``."""

    base: Rule
    group: str = attrs.field(validator=attrs.validators.in_(KINDS))
    group_quota: int = attrs.field(validator=attrs.validators.ge(1))

    def __attrs_post_init__(self) -> None:
        size = self.base.classes.kinds[self.group]
        if self.group_quota > size:
            raise SimulateError(
                f"rule {self.name}: {self.group_quota} yes votes required among {size} {self.group} seats"
            )

    def __getattr__(self, attribute: str) -> object:
        """Everything else (name, title, quota, seats, classes, status, sources,
        the veto and restraint) is the base rule's."""
        if attribute.startswith("__") or attribute == "base":
            raise AttributeError(attribute)
        return getattr(self.base, attribute)

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def title(self) -> str:
        return self.base.title

    @property
    def group_label(self) -> str:
        return GROUP_WORDS[self.group]

    def council_for(self, council: Council | int | None = None) -> Council:
        """The base rule's council (see :meth:`Rule.council_for <simulate.rules.quota.Rule.council_for>`)."""
        return self.base.council_for(council)

    def _group_seats(self, council: Council) -> np.ndarray:
        return np.array([seat.kind == self.group for seat in council.seats], dtype=bool)

    def tally(self, profiles: np.ndarray, motion: Motion) -> Tally:
        """The base rule's tally with the group majority added to the decision."""
        base = self.base.tally(profiles, motion)
        seats = self._group_seats(motion.council)
        group_yes = np.count_nonzero(base.effective[:, seats] == YES, axis=1)
        group = GroupCount(self.group_label, tuple(int(i) for i in np.flatnonzero(seats)), group_yes, self.group_quota)
        return make_tally(
            base.effective,
            base.adopted & (group_yes >= self.group_quota),
            required=base.required,
            blockers=base.blockers,
            vetoes_to_block=base.vetoes_to_block,
            groups=(group,),
            veto_seats=base.veto_seats,
        )

    def decide(self, profiles: np.ndarray, motion: Motion) -> np.ndarray:
        """Boolean array: which profiles are adopted."""
        return self.tally(profiles, motion).adopted

    def seat_roles(self, motion: Motion) -> tuple[tuple[int, ...], ...]:
        """The base rule's roles, split by membership of the group (seats of one kind
        are in the group or not, so the split changes nothing for kind groups)."""
        seats = self._group_seats(motion.council)
        out: list[tuple[int, ...]] = []
        for role in self.base.seat_roles(motion):
            inside = tuple(i for i in role if seats[i])
            outside = tuple(i for i in role if not seats[i])
            out += [part for part in (inside, outside) if part]
        return tuple(out)

    def summary(self) -> str:
        return self.title
