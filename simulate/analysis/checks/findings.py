"""A property's result from what the search found: the same words for every method.

Each function takes the witness a method found (a profile and the seat or seats
that move, a coalition, a set of members) and decides its profiles again
through the rule, so that the sentence states what the rule does:

* ``monotonic`` fails at a profile ``p`` with ``D(p)`` and a seat ``i`` whose
  move towards yes (no -> abstain -> yes) gives ``¬D(p')``;
* ``anonymous`` fails at ``p`` and seats ``i < j`` of one kind with
  ``p_i ≠ p_j`` and ``D(p) ≠ D(p^{ij})`` (``p^{ij}``: their ballots swapped);
* ``proper`` fails at disjoint ``S, T`` with ``W(S)`` and ``W(T)``, and
  ``decisive`` at ``S`` with ``¬W(S)`` and ``¬W(N∖S)``, where ``W(S)`` is the
  decision on ``S`` yes, ``N∖S`` no;
* ``blocking`` is a smallest ``B`` with ``¬D(B no, N∖B yes)``, and
  ``abstention`` whether one abstention (or how many) defeats a draft all the
  others support.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ...codes import YES
from ...model.ballots import Ballot
from ...model.council import Council
from .report import Counterexample, PropertyResult
from .table import Decide
from .words import as_ballots, coalition_text, no_profile, profile_words, seat_names, verdict, yes_profile

__all__ = [
    "abstention_result",
    "anonymity_failure",
    "blocking_result",
    "decisive_result",
    "members_result",
    "monotonic_failure",
    "moot",
    "proper_result",
]


def monotonic_failure(
    council: Council, before: np.ndarray, seat: int, a: int, b: int, decide: Decide
) -> PropertyResult:
    """``seat`` moving from ballot ``a`` to ``b`` (towards yes) defeats the draft ``before`` adopts."""
    after = before.copy()
    after[seat] = b
    d = decide(np.stack([before, after]))
    name = council.names[seat]
    yes0, yes1 = int((before == YES).sum()), int((after == YES).sum())
    text = (
        f"not monotonic: {verdict(d[0])} with {yes0} in favour, but {verdict(d[1])} after {name} "
        f"switches from {Ballot(a)} to {Ballot(b)}\n"
        + "  before: "
        + "\n".join(profile_words(council, before, "          "))
        + "\n"
        + f"          -> {verdict(d[0])}\n"
        + f"  after:  {name} votes {Ballot(b)} -> {verdict(d[1])} ({yes1} in favour)"
    )
    cx = Counterexample(text, (as_ballots(before), as_ballots(after)), (name,))
    return PropertyResult(
        "monotonic",
        False,
        f"{name} switching from {Ballot(a)} to {Ballot(b)} defeats an adopted draft",
        counterexample=cx,
    )


def anonymity_failure(council: Council, before: np.ndarray, i: int, j: int, decide: Decide) -> PropertyResult:
    """Seats ``i`` and ``j`` (of one kind) swapping their ballots in ``before`` changes the outcome."""
    after = before.copy()
    after[i], after[j] = before[j], before[i]
    d = decide(np.stack([before, after]))
    a, b = council.names[i], council.names[j]
    kind = council.seats[i].label
    text = (
        f"not anonymous: {a} and {b} hold the same kind of seat ({kind}), but swapping their ballots "
        f"changes the outcome\n"
        + f"  {a} {Ballot(int(before[i]))}, {b} {Ballot(int(before[j]))} -> {verdict(d[0])}\n"
        + f"  {a} {Ballot(int(after[i]))}, {b} {Ballot(int(after[j]))} -> {verdict(d[1])}\n"
        + "  profile: "
        + "\n".join(profile_words(council, before, "           "))
    )
    cx = Counterexample(text, (as_ballots(before), as_ballots(after)), (a, b))
    return PropertyResult("anonymous", False, f"{a} and {b} ({kind}) are not interchangeable", counterexample=cx)


def members_result(key: str, council: Council, seats: list[int], what: str) -> PropertyResult:
    """A property that is a set of members (veto players, dummies)."""
    names = tuple(seat_names(council, seats))
    if not names:
        return PropertyResult(key, None, "none", (), 0)
    return PropertyResult(key, None, ", ".join(names) + f" ({what})", names, len(names))


def proper_result(council: Council, S: list[int], T: list[int], decide: Decide) -> PropertyResult:
    """Not proper: the disjoint coalitions ``S`` and ``T`` both adopt a draft."""
    n = council.size
    pS, pT = yes_profile(n, S), yes_profile(n, T)
    d = decide(np.stack([pS, pT]))
    text = (
        f"not proper: two disjoint coalitions both adopt a draft (each voting yes while everyone else votes no)\n"
        f"  {len(S)} in favour: {coalition_text(council, S, 99)} -> {verdict(d[0])}\n"
        f"  {len(T)} in favour: {coalition_text(council, T, 99)} -> {verdict(d[1])}"
    )
    cx = Counterexample(text, (as_ballots(pS), as_ballots(pT)), tuple(seat_names(council, S + T)))
    return PropertyResult(
        "proper", False, f"coalitions of {len(S)} and {len(T)} members, disjoint, both adopt drafts", counterexample=cx
    )



def decisive_result(council: Council, S: list[int], decide: Decide) -> PropertyResult:
    """Not decisive: neither ``S`` nor the rest adopts a draft against the other."""
    n = council.size
    rest = [i for i in range(n) if i not in set(S)]
    pS, pR = yes_profile(n, S), yes_profile(n, rest)
    d = decide(np.stack([pS, pR]))
    who = coalition_text(council, S)
    if not S:
        text = f"a draft all {n} members vote for is rejected"
    else:
        text = f"neither {who} ({len(S)}) nor the other {len(rest)} members can adopt a draft against the other side"
    cx = Counterexample(
        f"not decisive: {who} voting yes and the rest no -> {verdict(d[0])}\n"
        f"  the rest voting yes and {who} no -> {verdict(d[1])}",
        (as_ballots(pS), as_ballots(pR)),
        tuple(seat_names(council, S)),
    )
    return PropertyResult("decisive", False, text, counterexample=cx)



def moot(key: str, exact: bool = True) -> PropertyResult:
    """Blocking and abstention mean nothing when even a unanimous draft fails."""
    value = 0 if key == "blocking" else None
    return PropertyResult(key, None, "moot: even a draft every member votes for is rejected", (), value, exact=exact)


def abstention_result(
    council: Council, lone: list[int], smallest: int | None, exact: bool, tried: int = 0
) -> PropertyResult:
    """Whether abstentions block; ``exact=False`` answers (``tried`` sampled profiles)
    say that they were sampled: a number not found may still exist, a smaller one too."""
    names = tuple(seat_names(council, lone))
    if names:
        text = f"yes: a lone abstention of {coalition_text(council, lone, 99)} defeats a draft all the others support"
        return PropertyResult("abstention", True, text, names, 1, exact=exact, detail={"smallest": smallest})
    if exact:
        tail = f"; it takes {smallest} abstentions" if smallest is not None else "; no number of abstentions does"
    elif smallest is not None:
        tail = f"; {smallest} abstentions found to block (sampled: fewer may do)"
    else:
        tail = f"; no blocking number of abstentions found in {tried} sampled profiles (a number may still block)"
    return PropertyResult(
        "abstention",
        False,
        "no: a lone abstention never defeats a draft all the others support" + tail,
        (),
        smallest,
        exact=exact,
        detail={"smallest": smallest},
    )



def blocking_result(
    council: Council, text: str, example: list[int], *, exact: bool = True, detail: dict[str, Any]
) -> PropertyResult:
    """The smallest blocking coalition found, ``example``: it votes no, the rest yes, and the draft fails."""
    p = no_profile(council.size, example)
    names = tuple(seat_names(council, example))
    return PropertyResult(
        "blocking",
        None,
        text,
        names,
        len(example),
        Counterexample(
            f"{coalition_text(council, example, 99)} voting no, the rest yes -> rejected", (as_ballots(p),), names
        ),
        exact=exact,
        detail=detail,
    )

