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


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata on first use.

    Lazy for start-up speed: :mod:`importlib.metadata` (email, zipfile, csv, ...)
    costs more than the rest of ``unsc replay``'s own imports.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata  # lazy: start-up speed (see the docstring)

    try:
        version = metadata.version("unsc-simulate")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version

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
