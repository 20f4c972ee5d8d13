"""An outcome put into words: the one place where it is done.

Every text that says why a vote passed or failed (the replay's reason, the
headline of a figure, the word in a grid cell, the explorer's sentence) comes
from here, fed by the rule's own tally, so no two of them can disagree.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

import attrs

from ..model.ballots import Ballot
from ..model.members import join_names

__all__ = ["Facts", "Verdict", "headline", "reason", "verdict_of"]


class Verdict(enum.StrEnum):
    """What happened, in one word (the grid's cell word)."""

    ADOPTED = "adopted"
    VETOED = "vetoed"
    SHORT = "short"
    FAILED = "failed"


@attrs.frozen
class Facts:
    """What a sentence about one outcome needs, read off the rule's tally."""

    rule: str
    adopted: bool
    yes: int
    required: int | None
    short_by: int
    vetoed_by: tuple[str, ...]
    negative_permanent: tuple[str, ...]
    blockers: tuple[str, ...]
    ballots: Mapping[str, Ballot]
    vetoes_to_block: int = 1
    procedural: bool = False
    no_veto: bool = False
    #: further majorities the rule requires: (label, yes, required)
    groups: tuple[tuple[str, int, int], ...] = ()


def verdict_of(facts: Facts) -> Verdict:
    """Adopted; vetoed (had the votes, blocked); short (too few votes); failed (otherwise)."""
    if facts.adopted:
        return Verdict.ADOPTED
    if facts.vetoed_by:
        return Verdict.VETOED
    if facts.short_by or any(yes < required for _, yes, required in facts.groups):
        return Verdict.SHORT
    return Verdict.FAILED


def _votes(n: int) -> str:
    return f"{n} vote{'s' if n != 1 else ''} in favour"


def _negative_votes(names: Sequence[str]) -> str:
    """"the negative vote of France does" / "the negative votes of China and ... do"."""
    if len(names) == 1:
        return f"the negative vote of {join_names(names)} does"
    return f"the negative votes of {join_names(names)} do"


def _blocking_phrase(names: Sequence[str], ballots: Mapping[str, Ballot]) -> str:
    if all(ballots[n] == Ballot.NO for n in names):
        return join_names(names)
    return join_names([f"{n} ({ballots[n].label})" for n in names])


def _groups_short(facts: Facts) -> str:
    missing = [(label, yes, req) for label, yes, req in facts.groups if yes < req]
    return "; ".join(f"only {yes} of {label} in favour, {req} required" for label, yes, req in missing)


def reason(facts: Facts) -> str:
    """One plain sentence a teacher can read out.

    >>> from simulate import load_scenario, replay
    >>> replay(load_scenario("S/2016/847")).reason
    'Not adopted: only 4 votes in favour, 5 short of the 9 required; not a veto, although France, the United Kingdom
     and the United States voted against.'
    """
    f = facts
    if f.required is None:  # a user's function rule: no quota to speak of
        return f"{'Adopted' if f.adopted else 'Not adopted'} under {f.rule}: {_votes(f.yes)}."
    if f.adopted:
        text = f"Adopted: {_votes(f.yes)} ({f.required} required)"
        if f.negative_permanent and f.procedural:
            text += f"; a procedural matter, so {_negative_votes(f.negative_permanent)} not block"
        elif f.negative_permanent and f.no_veto:
            text += f"; no veto under {f.rule}, so {_negative_votes(f.negative_permanent)} not block"
        elif f.blockers:
            text += (
                f"; {join_names(f.blockers)} voted against, but {f.vetoes_to_block} permanent negative votes "
                f"are needed to block under {f.rule}"
            )
        elif f.negative_permanent:
            text += f"; {_negative_votes(f.negative_permanent)} not block under {f.rule}"
        else:
            text += " and no veto"
        return text + "."
    if f.vetoed_by:
        blocking = _blocking_phrase(f.vetoed_by, f.ballots)
        return f"Not adopted: {_votes(f.yes)} ({f.required} required), but vetoed by {blocking}."
    if f.short_by:
        text = f"Not adopted: only {_votes(f.yes)}, {f.short_by} short of the {f.required} required"
        if f.groups and _groups_short(f):
            text += f"; {_groups_short(f)}"
    elif _groups_short(f):
        text = f"Not adopted: {_votes(f.yes)} ({f.required} required), but {_groups_short(f)}"
    else:
        text = f"Not adopted under {f.rule}: {_votes(f.yes)} ({f.required} required)"
    if f.blockers:
        text += f"; not a veto, although {_blocking_phrase(f.blockers, f.ballots)} "
        text += "voted against" if all(f.ballots[n] == Ballot.NO for n in f.blockers) else "would have blocked"
    return text + "."


def headline(facts: Facts) -> str:
    """The outcome in one short line, for a figure's title.

    >>> from simulate import load_scenario, replay
    >>> headline(replay(load_scenario("S/2016/1026")).facts)
    'Not adopted: vetoed by China and the Russian Federation'
    >>> headline(replay(load_scenario("S/2016/847")).facts)
    'Not adopted: 4 votes in favour, 5 short of the 9 required'
    """
    f = facts
    verdict = verdict_of(f)
    if f.required is None:
        return reason(f).rstrip(".")
    if verdict is Verdict.ADOPTED:
        return f"Adopted: {_votes(f.yes)} ({f.required} required)"
    if verdict is Verdict.VETOED:
        return f"Not adopted: vetoed by {_blocking_phrase(f.vetoed_by, f.ballots)}"
    if f.short_by:
        return f"Not adopted: {_votes(f.yes)}, {f.short_by} short of the {f.required} required"
    return reason(f).rstrip(".")
