"""Voting rules: the :class:`VotingRule` protocol every rule offers, and the kinds
of rule (quota and veto, a user's decision function, double majority).

Which rules are known by name lives in :mod:`simulate.catalog.registry`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

# The names are imported from their modules on first use (PEP 562), for start-up speed: importing
# simulate.rules.quota (as `unsc replay` does) then runs this file without importing every rule kind.
_EXPORTS = {
    "Matter": "..model.motion",
    "Motion": "..model.motion",
    "FunctionRule": ".function",
    "GroupCount": ".protocol",
    "Tally": ".protocol",
    "VotingRule": ".protocol",
    "STATUSES": ".quota",
    "QuotaRule": ".quota",
    "Rule": ".quota",
    "VetoRestraint": ".quota",
    "LARGEST_COUNCIL": ".seats",
    "SeatClasses": ".seats",
    "enlarge_council": ".seats",
    "example_council": ".seats",
    "is_placeholder": ".seats",
    "placeholder_member": ".seats",
}


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use (see ``_EXPORTS``)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


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
