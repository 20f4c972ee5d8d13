"""Voting rules: the :class:`VotingRule` protocol every rule offers, and the kinds
of rule (quota and veto, a user's decision function, double majority).

Which rules are known by name lives in :mod:`simulate.catalog.registry`.
"""

from __future__ import annotations

from ..model.motion import Matter, Motion
from .function import FunctionRule
from .protocol import GroupCount, Tally, VotingRule
from .quota import STATUSES, QuotaRule, Rule, VetoRestraint
from .seats import (
    LARGEST_COUNCIL,
    SeatClasses,
    enlarge_council,
    example_council,
    is_placeholder,
    placeholder_member,
)

__all__ = [
    "LARGEST_COUNCIL",
    "STATUSES",
    "FunctionRule",
    "GroupCount",
    "Matter",
    "Motion",
    "QuotaRule",
    "Rule",
    "SeatClasses",
    "Tally",
    "VetoRestraint",
    "VotingRule",
    "enlarge_council",
    "example_council",
    "is_placeholder",
    "placeholder_member",
]
