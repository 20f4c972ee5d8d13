"""The property battery: what a voting rule does, checked over every ballot profile.

:func:`check_rule` answers, for a rule on a council:

=====================  ==================================================================
``monotonic``          moving one ballot towards yes (no -> abstain -> yes) never turns an
                       adopted draft into a rejected one
``proper``             no two disjoint coalitions can both adopt a draft (a coalition
                       *adopts* when its members vote yes and everyone else no)
``decisive``           for every coalition, it or the rest can adopt a draft
``anonymous``          swapping the ballots of two members of the same seat class
                       (veto, permanent without veto, elected) never changes the outcome
``veto_players``       members whose lone "no" defeats every draft
``dummies``            members whose ballot never changes the outcome
``blocking``           the smallest coalition that defeats a draft everybody else supports
                       by voting no (overall and within each seat class)
``abstention``         whether one abstention can defeat a draft everybody else supports,
                       and how many abstentions it takes
=====================  ==================================================================

How:

* ``"exhaustive"``: every one of the ``3**n`` yes/no/abstain profiles is decided
  (vectorised, in chunks; the default up to 13 seats, and for a decision
  function up to 15);
* ``"classes"``: for a :class:`~simulate.rules.Rule`, which by construction
  treats alike the seats of one class (same veto, same obligation to abstain),
  each vector of per-class counts of yes/no/abstain is decided once: exact, and
  cheap for 25 seats (the default for rules above 13 seats);
* ``"sampled"``: hypothesis searches for counterexamples (``examples`` per
  property) and shrinks the one it finds; universal claims ("a veto player")
  are then "none found" rather than proofs. The default for decision functions
  above 15 seats.

Both exact methods decide through the rule's own ``decide``, so they test the
engine the replay uses. Each failure comes with its smallest counterexample
(fewest members not voting yes), as ballots a person can read:

>>> from simulate.rules import FunctionRule
>>> broken = FunctionRule(lambda p: ((p == 0).sum(axis=1) >= 9) & ((p == 0).sum(axis=1) <= 12), name="nine-to-twelve")
>>> report = check_rule(broken, seats=15)
>>> report["monotonic"].holds
False
>>> print(report["monotonic"].counterexample.text)
not monotonic: adopted with 12 in favour, but rejected after Ukraine switches from no to yes
  before: in favour: China, France, Russian Federation, United Kingdom, United States, Angola,
            Egypt, Japan, Malaysia, New Zealand, Senegal, Spain
          against: Ukraine, Uruguay, Venezuela (Bolivarian Republic of)
          -> adopted
  after:  Ukraine votes yes -> rejected (13 in favour)

The package, one job per module:

* :mod:`.api`: :func:`check_rule`, the choice of method and its limits;
* :mod:`.table`: the rule's decision over the count lattice of its seat groups
  (:func:`decision_table`);
* :mod:`.exact`: every property read off that table (both exact methods);
* :mod:`.sampled`: the hypothesis search;
* :mod:`.findings`: a property's result from the witness a method found, in words;
* :mod:`.words`: how profiles and coalitions read;
* :mod:`.report`: :class:`PropertyResult`, :class:`RuleReport`, their text and JSON.
"""

from __future__ import annotations

from .api import CLASSES_MAX_BALLOTS, EXHAUSTIVE_AUTO, EXHAUSTIVE_AUTO_FUNCTION, EXHAUSTIVE_MAX, check_rule
from .findings import abstention_result as _abstention_result  # noqa: F401 (its path before the split)
from .report import PROPERTIES, REQUIRED, Counterexample, PropertyResult, RuleReport
from .sampled import SAMPLED_BUDGET, SEAT_SEARCHES
from .table import decision_table
from .words import KIND_LABELS

__all__ = [
    "CLASSES_MAX_BALLOTS",
    "EXHAUSTIVE_AUTO",
    "EXHAUSTIVE_AUTO_FUNCTION",
    "EXHAUSTIVE_MAX",
    "KIND_LABELS",
    "PROPERTIES",
    "REQUIRED",
    "SAMPLED_BUDGET",
    "SEAT_SEARCHES",
    "Counterexample",
    "PropertyResult",
    "RuleReport",
    "check_rule",
    "decision_table",
]
