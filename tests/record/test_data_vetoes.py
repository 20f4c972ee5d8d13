"""Every veto (simulate/data/record/vetoes.csv, vetoes-disputed.csv) against the membership data and
the votes parsed from the meetings tables; differences are listed in veto-exceptions.csv, never skipped
silently."""

from __future__ import annotations

import datetime
from collections import Counter

from simulate.io.record import RecordedVote, Veto, veto_exceptions, vetoes, votes
from simulate.model.council import council_on
from simulate.model.members import resolve_member

DHL_LIST_ENDS = datetime.date(2022, 5, 26)


def test_every_veto_is_bundled_with_its_sources() -> None:
    assert len(vetoes()) == 233
    assert len(vetoes(include_disputed=True)) == 237
    assert sum(v.disputed for v in vetoes(include_disputed=True)) == 4
    for veto in vetoes(include_disputed=True):
        assert veto.source and veto.kind and veto.vetoed_by, veto
    assert (vetoes()[0].date, vetoes()[-1].date) == (datetime.date(1946, 2, 16), datetime.date(2026, 4, 7))


def test_names_are_canonical() -> None:
    for veto in vetoes(include_disputed=True):
        for name in veto.vetoed_by:
            assert resolve_member(name).name == name


def test_every_vetoer_was_a_permanent_member_that_day_and_tallies_fit_the_council() -> None:
    for veto in vetoes(include_disputed=True):
        council = council_on(veto.date)
        permanent = {seat.member.name for seat in council.seats if seat.permanent}
        assert set(veto.vetoed_by) <= permanent, veto
        if veto.yes is not None:
            total = veto.yes + (veto.no or 0) + (veto.abstain or 0) + (veto.non_voting or 0)
            assert total <= council.size, veto
            assert (veto.no or 0) >= len(veto.vetoed_by), veto


def test_per_member_totals() -> None:
    """One count per vetoed text a member is named on; the USSR and the Russian Federation apart."""
    totals = Counter(m for v in vetoes() for m in v.vetoed_by)
    assert totals == {
        "USSR": 90,
        "United States": 90,
        "Russian Federation": 42,
        "United Kingdom": 29,
        "China": 20,
        "France": 17,
    }
    disputed = Counter(m for v in vetoes(include_disputed=True) for m in v.vetoed_by) - totals
    assert disputed == {"USSR": 2, "China": 1, "United States": 1}


def _match(veto: Veto, candidates: list[RecordedVote]) -> RecordedVote | None:
    """The vetoed vote on the veto's day with one of its symbols (same tally first)."""
    symbols = set(veto.symbols)
    found = [v for v in candidates if symbols & set(v.drafts)]
    same = [v for v in found if v.tally == veto.tally]
    return (same or found or [None])[0]


def test_every_veto_to_26_may_2022_is_a_vetoed_vote_on_its_date() -> None:
    exceptions = {(e.draft, e.check): e for e in veto_exceptions()}
    used: set[str] = set()
    seen: set[tuple[str, str]] = set()
    vetoed_by_day: dict[datetime.date, list[RecordedVote]] = {}
    for vote in votes():
        if vote.outcome == "vetoed":
            vetoed_by_day.setdefault(vote.date, []).append(vote)
    listed = [v for v in vetoes() if v.date <= DHL_LIST_ENDS]
    assert len(listed) == 213
    for veto in listed:
        match = _match(veto, [v for v in vetoed_by_day.get(veto.date, []) if v.key not in used])
        if match is None:
            assert (veto.draft, "missing") in exceptions, f"{veto.draft} ({veto.date}) is not a vetoed vote"
            seen.add((veto.draft, "missing"))
            continue
        used.add(match.key)
        if set(match.vetoed_by) != set(veto.vetoed_by):
            assert (veto.draft, "vetoers") in exceptions, (veto, match)
            seen.add((veto.draft, "vetoers"))
        if match.tally != veto.tally:
            assert (veto.draft, "tally") in exceptions, (veto.tally, match.tally, veto.draft)
            seen.add((veto.draft, "tally"))
    assert seen == set(exceptions), "an exception in veto-exceptions.csv no longer applies"
    unmatched = [v.key for day in vetoed_by_day.values() for v in day if v.key not in used]
    assert unmatched == [], "vetoed votes in the meetings tables that are not on the veto list"


def test_the_news_counts_of_december_2016() -> None:
    """'The sixth time Russia blocked a resolution on Syria, and the fifth for China' (5 December 2016)."""
    until = datetime.date(2016, 12, 5)
    for member, count in (("Russian Federation", 6), ("China", 5)):
        drafts = [v.draft for v in vetoes() if v.subject == "syria" and member in v.vetoed_by and v.date <= until]
        assert len(drafts) == count
        assert drafts[-1] == "S/2016/1026"
