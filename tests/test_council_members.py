"""Members, aliases and the Council sitting on any date since 1946."""

from __future__ import annotations

import csv
import datetime

import pytest
from helpers import ROOT

from simulate import (
    Council,
    SimulateError,
    UnknownNameError,
    council_on,
    resolve_member,
)
from simulate.model.members import all_members, join_names


@pytest.mark.parametrize(
    ("typed", "canonical", "iso3"),
    [
        ("Russia", "Russian Federation", "RUS"),
        ("Russian Federation", "Russian Federation", "RUS"),
        ("RUS", "Russian Federation", "RUS"),
        ("UK", "United Kingdom", "GBR"),
        ("US", "United States", "USA"),
        ("USA", "United States", "USA"),
        ("venezuela", "Venezuela (Bolivarian Republic of)", "VEN"),
        ("  China ", "China", "CHN"),
        ("USSR", "USSR", "SUN"),
    ],
)
def test_aliases_resolve_to_the_canonical_member(typed, canonical, iso3):
    member = resolve_member(typed)
    assert (member.name, member.iso3) == (canonical, iso3)


def test_misspelt_member_gets_a_suggestion():
    with pytest.raises(UnknownNameError) as err:
        resolve_member("Rusia")
    assert "Russia" in str(err.value)
    with pytest.raises(UnknownNameError) as err:
        resolve_member("Venezuala")
    assert "Venezuela" in str(err.value)


def test_registry_has_every_un_member_and_every_council_member():
    members = all_members()
    assert len({m.name for m in members}) == len(members)
    rows = list(csv.DictReader((ROOT / "simulate" / "data" / "states.csv").open(encoding="utf-8")))
    assert sum(1 for r in rows if not r["un_member_to"]) == 193
    membership = csv.DictReader((ROOT / "simulate" / "data" / "membership.csv").open(encoding="utf-8"))
    for row in membership:
        resolve_member(row["member"])  # raises if a Council member is unknown


def test_council_sizes_every_year():
    for year in range(1946, 2027):
        for date in (datetime.date(year, 3, 1), datetime.date(year, 12, 31)):
            council = council_on(date)
            assert council.size == (11 if year <= 1965 else 15), date
            assert council.kinds["veto"] == 5, date


def test_dated_seat_changes_of_1971_and_1991():
    before = council_on(datetime.date(1971, 10, 24)).seats[council_on(datetime.date(1971, 10, 24)).index("China")]
    after = council_on(datetime.date(1971, 10, 25)).seats[council_on(datetime.date(1971, 10, 25)).index("China")]
    assert before.representation.startswith("Republic of China")
    assert after.representation.startswith("People's Republic of China")
    assert "USSR" in council_on(datetime.date(1991, 12, 23)).names
    late = council_on(datetime.date(1991, 12, 24))
    assert "Russian Federation" in late.names and "USSR" not in late.names


def test_the_2016_council():
    council = council_on(datetime.date(2016, 10, 8))
    assert council.names == (
        "China", "France", "Russian Federation", "United Kingdom", "United States",
        "Angola", "Egypt", "Japan", "Malaysia", "New Zealand", "Senegal", "Spain",
        "Ukraine", "Uruguay", "Venezuela (Bolivarian Republic of)",
    )


def test_no_council_before_the_first_meeting_or_after_the_data():
    with pytest.raises(SimulateError, match="no membership data"):
        council_on(datetime.date(1945, 12, 31))
    with pytest.raises(SimulateError, match="no membership data"):
        council_on(datetime.date(2031, 1, 1))


def test_inline_council_checks():
    with pytest.raises(SimulateError, match="two seats"):
        Council.from_names(["France", "France"], [])
    with pytest.raises(SimulateError, match="only a permanent member"):
        Council.from_names(["France"], ["Japan"], veto=["Japan"])
    council = Council.from_names(["France", "China"], ["Japan"], veto=["France"])
    assert [s.kind for s in council.seats] == ["veto", "permanent", "elected"]


def test_sentences_name_members_with_articles():
    assert join_names(["China", "Russian Federation"]) == "China and the Russian Federation"
