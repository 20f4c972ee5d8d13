"""unsc-simulate: the voting rules of the UN Security Council, as attrs models.

Replay a recorded vote, ask what-if, and read why a draft failed:

>>> from simulate import load_scenario, replay
>>> december = load_scenario("S/2016/1026")
>>> outcome = replay(december)
>>> outcome.tally, outcome.adopted, outcome.vetoed_by
('11-3-1', False, ('China', 'Russian Federation'))
>>> replay(december, ["russia-and-china-abstain"]).adopted
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalog.registry import RULES, as_rule, default_rule, get_rule
    from .catalog.scenarios import (
        Scenario,
        bundled_scenarios,
        load_scenario,
        load_scenario_file,
    )
    from .engine.grid import GridCell, grid
    from .engine.replay import Outcome, decide_record, replay
    from .errors import DataFileError, SimulateError, UnknownNameError
    from .model.ballots import Ballot, parse_ballot
    from .model.council import Council, Seat, council_on
    from .model.members import Member, resolve_member
    from .model.motion import Matter, Motion
    from .model.records import Draft, RecordedResult, VoteRecord
    from .model.whatif import AsOn, Follow, NewSeats, SetBallots, SetRule, WhatIf
    from .rules.function import FunctionRule
    from .rules.protocol import VotingRule
    from .rules.quota import Rule, VetoRestraint
    from .rules.seats import SeatClasses

# The public names are imported on first use (PEP 562), for start-up speed: `unsc replay` then loads only
# the modules it needs, not the grid, reform and the rest behind `from simulate import ...`.
_EXPORTS = {
    "RULES": "catalog.registry",
    "as_rule": "catalog.registry",
    "default_rule": "catalog.registry",
    "get_rule": "catalog.registry",
    "Scenario": "catalog.scenarios",
    "bundled_scenarios": "catalog.scenarios",
    "load_scenario": "catalog.scenarios",
    "load_scenario_file": "catalog.scenarios",
    "GridCell": "engine.grid",
    "grid": "engine.grid",
    "Outcome": "engine.replay",
    "decide_record": "engine.replay",
    "replay": "engine.replay",
    "DataFileError": "errors",
    "SimulateError": "errors",
    "UnknownNameError": "errors",
    "Ballot": "model.ballots",
    "parse_ballot": "model.ballots",
    "Council": "model.council",
    "Seat": "model.council",
    "council_on": "model.council",
    "Member": "model.members",
    "resolve_member": "model.members",
    "Matter": "model.motion",
    "Motion": "model.motion",
    "Draft": "model.records",
    "RecordedResult": "model.records",
    "VoteRecord": "model.records",
    "AsOn": "model.whatif",
    "Follow": "model.whatif",
    "NewSeats": "model.whatif",
    "SetBallots": "model.whatif",
    "SetRule": "model.whatif",
    "WhatIf": "model.whatif",
    "FunctionRule": "rules.function",
    "VotingRule": "rules.protocol",
    "Rule": "rules.quota",
    "VetoRestraint": "rules.quota",
    "SeatClasses": "rules.seats",
}

def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use (see ``_EXPORTS``);
    ``__version__``, read from the installed package's metadata on first use
    (:mod:`importlib.metadata` pulls in email, zipfile, csv, ...)."""
    if name == "__version__":
        from importlib import metadata  # lazy: start-up speed (see the docstring)

        try:
            value: object = metadata.version("unsc-simulate")
        except metadata.PackageNotFoundError:  # running from a source tree that was never installed
            value = "0+unknown"
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, "__version__"})


__all__ = [
    "RULES",
    "AsOn",
    "Ballot",
    "Council",
    "DataFileError",
    "Draft",
    "Follow",
    "FunctionRule",
    "GridCell",
    "Matter",
    "Member",
    "Motion",
    "NewSeats",
    "Outcome",
    "RecordedResult",
    "Rule",
    "Scenario",
    "Seat",
    "SeatClasses",
    "SetBallots",
    "SetRule",
    "SimulateError",
    "UnknownNameError",
    "VetoRestraint",
    "VoteRecord",
    "VotingRule",
    "WhatIf",
    "as_rule",
    "bundled_scenarios",
    "council_on",
    "decide_record",
    "default_rule",
    "get_rule",
    "grid",
    "load_scenario",
    "load_scenario_file",
    "parse_ballot",
    "replay",
    "resolve_member",
]
