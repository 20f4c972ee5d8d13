"""What a rule check found: one :class:`PropertyResult` per property, gathered in a
:class:`RuleReport`, with its text (``unsc check-rule``) and its JSON.

A property is either a yes-or-no claim about the rule's decision ``D`` on a
council of ``n`` seats (``holds``: ``monotonic``, ``proper``, ``decisive``,
``anonymous``, ``abstention``), or a set of members or a number
(``veto_players``, ``dummies``, ``blocking``), with, where it fails, a
:class:`Counterexample`: the ballot profiles that show it. The report also
counts the adopted profiles, ``#{p ∈ {yes, no, abstain}^n : D(p)}`` of
``3^n``, and the winning coalitions, ``#{S ⊆ N : D(S yes, N∖S no)}`` of
``2^n``, when the check was exact.
"""

from __future__ import annotations

import textwrap
from typing import Any

import attrs

from ...model.ballots import Ballot
from ...model.council import Council
from ...model.motion import Motion
from ...rules.protocol import VotingRule

__all__ = ["PROPERTIES", "REQUIRED", "Counterexample", "PropertyResult", "RuleReport"]

#: The properties, in report order, with their labels.
PROPERTIES = {
    "monotonic": "monotonic",
    "proper": "proper",
    "decisive": "decisive",
    "anonymous": "anonymous",
    "veto_players": "veto players",
    "dummies": "dummy players",
    "blocking": "smallest blocking",
    "abstention": "abstention blocks",
}
#: Properties every sensible rule should have: ``unsc check-rule`` exits 1 when one fails.
REQUIRED = ("monotonic", "proper")



@attrs.frozen
class Counterexample:
    """A failure, readable: ``text``; and the ballot ``profiles`` involved (in
    seat order), with the ``members`` whose ballots change or who form the
    coalitions."""

    text: str
    profiles: tuple[tuple[Ballot, ...], ...] = ()
    members: tuple[str, ...] = ()


@attrs.frozen
class PropertyResult:
    """One line of the report.

    ``holds`` is True/False for yes-or-no properties (None for the others);
    ``members`` lists the members concerned (veto players, dummies, the smallest
    blocking coalition); ``value`` is a number where one applies (the size of
    the smallest blocking coalition); ``exact`` is False for sampled answers.
    """

    key: str
    holds: bool | None
    text: str
    members: tuple[str, ...] = ()
    value: int | None = None
    counterexample: Counterexample | None = None
    exact: bool = True
    detail: dict[str, Any] = attrs.Factory(dict)

    @property
    def label(self) -> str:
        return PROPERTIES[self.key]


@attrs.frozen
class RuleReport:
    """What :func:`check_rule` found; ``report["monotonic"]`` is one :class:`PropertyResult`."""

    rule: VotingRule
    motion: Motion
    method: str
    method_text: str
    results: tuple[PropertyResult, ...]
    adopted_profiles: int | None
    profiles: int
    winning_coalitions: int | None
    coalitions: int

    def __getitem__(self, key: str) -> PropertyResult:
        for r in self.results:
            if r.key == key:
                return r
        raise KeyError(key)

    @property
    def council(self) -> Council:
        return self.motion.council

    @property
    def failures(self) -> tuple[PropertyResult, ...]:
        """Required properties that do not hold."""
        return tuple(r for r in self.results if r.key in REQUIRED and r.holds is False)

    def format(self, width: int = 80) -> str:
        """The ``unsc check-rule`` report."""
        c = self.council
        kinds = ", ".join(f"{n} {k}" for k, n in c.kinds.items() if n)
        lines = [textwrap.fill(f"{self.rule.name}: {self.rule.summary()}", width=width, subsequent_indent="  ")]
        where = c.source or "inline"
        flags = f", flagged {', '.join(sorted(self.motion.flags))}" if self.motion.flags else ""
        lines.append(textwrap.fill(
            f"Council: {c.size} seats ({kinds}; {where}); a {self.motion.matter} draft{flags}",
            width=width, subsequent_indent="  ",
        ))
        lines.append(textwrap.fill(f"Checked: {self.method_text}", width=width, subsequent_indent="  "))
        lines.append("")
        for r in self.results:
            mark = {True: "yes", False: "no", None: ""}[r.holds] if r.holds is not None else (
                str(r.value) if r.value is not None else ""
            )
            head = f"  {r.label:<19}{mark:<5}"
            lines.append(textwrap.fill(r.text, width=width, initial_indent=head, subsequent_indent=" " * 26))
            if r.counterexample is not None and r.holds is False:
                for line in r.counterexample.text.splitlines():
                    lead = len(line) - len(line.lstrip())
                    lines += textwrap.wrap(
                        line.strip(), width=width, initial_indent=" " * (6 + lead), subsequent_indent=" " * (8 + lead)
                    )
        lines.append("")
        if self.adopted_profiles is not None:
            share = self.adopted_profiles / self.profiles
            lines.append(
                f"Adopted: {self.adopted_profiles:,} of {self.profiles:,} yes/no/abstain profiles ({share:.2%})"
            )
        if self.winning_coalitions is not None:
            share = self.winning_coalitions / self.coalitions
            lines.append(
                f"Winning coalitions (members yes, the rest no): {self.winning_coalitions:,} "
                f"of {self.coalitions:,} ({share:.2%})"
            )
        bad = self.failures
        if bad:
            lines.append("FAILED: " + ", ".join(r.label for r in bad))
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule.name,
            "title": self.rule.summary(),
            "seats": self.council.size,
            "council": list(self.council.names),
            "matter": str(self.motion.matter),
            "flags": sorted(self.motion.flags),
            "method": self.method,
            "adopted_profiles": self.adopted_profiles,
            "profiles": self.profiles,
            "winning_coalitions": self.winning_coalitions,
            "coalitions": self.coalitions,
            "properties": {
                r.key: {
                    "holds": r.holds,
                    "value": r.value,
                    "members": list(r.members),
                    "text": r.text,
                    "exact": r.exact,
                    "counterexample": None
                    if r.counterexample is None
                    else {
                        "text": r.counterexample.text,
                        "profiles": [[str(b) for b in p] for p in r.counterexample.profiles],
                        "members": list(r.counterexample.members),
                    },
                }
                for r in self.results
            },
            "failed": [r.key for r in self.failures],
        }

