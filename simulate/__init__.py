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

from .ballots import Ballot, parse_ballot
from .council import Council, Seat, council_on
from .errors import DataFileError, SimulateError, UnknownNameError
from .members import Member, resolve_member
from .records import Draft, RecordedResult, VoteRecord
from .replay import GridCell, Outcome, decide_record, grid, replay
from .rules import RULES, FunctionRule, Matter, Motion, Rule, SeatClasses, VetoRestraint, as_rule, default_rule, get_rule
from .scenarios import Scenario, bundled_scenarios, load_scenario, load_scenario_file
from .whatif import AsOn, Follow, NewSeats, SetBallots, SetRule, WhatIf

__version__ = "0.1.0"

__all__ = [
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
    "RULES",
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
