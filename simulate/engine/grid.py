"""The what-if grid: the baseline and every named what-if of a scenario under
every rule, each cell an :class:`~simulate.engine.replay.Outcome`."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..catalog.registry import as_rule, strict_counterpart
from ..catalog.scenarios import Scenario
from ..model.whatif import Change, WhatIf
from ..rules.protocol import VotingRule
from .replay import Outcome, record_rule, replay

__all__ = ["GridCell", "grid"]


@attrs.frozen
class GridCell:
    """One cell of the what-if grid."""

    whatif: str
    rule: str
    outcome: Outcome

    @property
    def overridden(self) -> bool:
        """True when the row's what-if sets a rule of its own, so the cell was
        decided under that rule and not under the column's."""
        return self.outcome.rule.name != self.rule


def grid(
    scenario: Scenario,
    rules: Sequence[VotingRule | str] = (),
    changes: Sequence[WhatIf | Change] = (),
) -> list[GridCell]:
    """The baseline and every named what-if of ``scenario`` under every rule.

    Default rules: the draft's own rule and the literal-reading rule of its era.
    Rows are ``"baseline"`` then the what-ifs in file order. ``changes`` apply to
    every row first (e.g. :class:`~simulate.model.whatif.NewSeats`, the ballots of a
    reform council's new seats, so that reform rules can be columns).
    """
    if not rules:
        own = record_rule(scenario.record)
        rules = [own, strict_counterpart(own)]
    resolved = [as_rule(r) for r in rules]
    cells = []
    for row in ["baseline", *scenario.whatifs]:
        for rule in resolved:
            outcome = replay(scenario, [*changes, *([] if row == "baseline" else [row])], rule=rule)
            cells.append(GridCell(row, rule.name, outcome))
    return cells


