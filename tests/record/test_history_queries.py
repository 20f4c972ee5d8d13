"""The record as a queryable history: the news' counting claims, per-member totals, filters,
ordinals, successor states and disputed vetoes, all read from the bundled data."""

from __future__ import annotations

import datetime

import pytest

from simulate.analysis.history import JSON_KEYS, OUTCOMES, load_history, ordinal, parse_date
from simulate.errors import SimulateError, UnknownNameError
from simulate.io import record
from simulate.model.members import resolve_member

#: Vetoes per member in the checked facts (shared/facts/vetoes.csv: 233 texts, a member once per text).
TOTALS = {"USSR": 90, "United States": 90, "Russian Federation": 42, "United Kingdom": 29, "China": 20, "France": 17}


@pytest.fixture(scope="module")
def history():
    return load_history()


def test_the_news_counts_of_5_december_2016_come_out_of_the_data(history):
    russia = history.filter(vetoed_by=["Russian Federation"], topic="syria", until="2016-12-05")
    china = history.filter(vetoed_by=["China"], topic="syria", until="2016-12-05")
    assert len(russia) == 6 and russia[-1].symbol == "S/2016/1026"
    assert len(china) == 5 and china[-1].symbol == "S/2016/1026"
    assert russia[-1].ordinal("Russia").describe() == "the Russian Federation's 6th veto on Syria"
    assert china[-1].ordinal("China").describe() == "China's 5th veto on Syria"
    # the ordinals are counted over the whole record, whatever the period asked for
    assert (
        history.filter(topic="syria", since="2016-12-01", until="2016-12-31", outcome="vetoed")[0]
        .ordinal("Russian Federation")
        .on_topic
        == 6
    )


def test_per_member_totals_and_vetoed_texts(history):
    stats = history.vetoes().stats()
    assert stats.totals == TOTALS and stats.vetoed_texts == 233 == len(record.vetoes())
    assert sum(sum(c.values()) for c in stats.by_decade.values()) == sum(TOTALS.values())
    # the last veto's ordinal is the member's total
    for member, total in TOTALS.items():
        last = history.filter(vetoed_by=member)[-1]
        assert last.ordinal(member).overall == total


def test_successor_states_are_apart_unless_combined(history):
    combined = load_history(combine_successors=True)
    assert combined.vetoes().stats().totals["Russian Federation"] == TOTALS["USSR"] + TOTALS["Russian Federation"]
    assert "USSR" not in combined.vetoes().stats().totals
    assert len(history.filter(vetoed_by="Russian Federation")) == TOTALS["Russian Federation"]
    assert len(combined.filter(vetoed_by="Russian Federation")) == 132 == len(combined.filter(vetoed_by="USSR"))
    last = combined.filter(vetoed_by="Russia")[-1].ordinal("Russia")
    assert last.overall == 132 and "counting the USSR's" in last.describe()


def test_disputed_vetoes_only_when_asked(history):
    disputed = load_history(include_disputed=True)
    extra = [v for v in disputed if v.disputed]
    assert extra and not [v for v in history if v.disputed]
    assert len(disputed.vetoes()) == 233 + len(extra) == len(record.vetoes(include_disputed=True))


def test_filters_combine_and_dates_are_inclusive(history):
    day = history.filter(since="2016-12-05", until="2016-12-05")
    assert {v.date for v in day} == {datetime.date(2016, 12, 5)} and "S/2016/1026" in [v.symbol for v in day]
    both = history.filter(vetoed_by=["United States", "United Kingdom"], since="1980", until="1989")
    assert all({"United States", "United Kingdom"} & set(v.vetoed_by) for v in both)
    assert len(both) >= len(history.filter(vetoed_by="United States", since="1980", until="1989"))
    assert all(v.outcome == "adopted" for v in history.filter(outcome="adopted", since="2016", until="2016"))
    assert [v.date for v in history] == sorted(v.date for v in history)


def test_every_vote_has_the_json_keys_and_canonical_names(history):
    for v in history.filter(since="2016", until="2016"):
        data = v.to_json()
        assert tuple(data) == JSON_KEYS and data["outcome"] in OUTCOMES
        assert all(resolve_member(name).name == name for name in data["vetoed_by"])
    unknown = [v for v in history if not v.has_tally]
    assert unknown and unknown[0].to_json()["yes"] is None


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"vetoed_by": "Rusia"}, UnknownNameError, "did you mean 'Russia'"),
        ({"topic": "syra"}, UnknownNameError, "did you mean 'syria'"),
        ({"outcome": "vetod"}, UnknownNameError, "did you mean 'vetoed'"),
        ({"since": "2016-13-01"}, SimulateError, "not a date"),
        ({"since": "2017", "until": "2016"}, SimulateError, "is after"),
    ],
)
def test_bad_filters_say_what_is_wrong(history, kwargs, error, text):
    with pytest.raises(error, match=text):
        history.filter(**kwargs)


def test_dates_and_ordinals():
    assert parse_date("2016-02", end=True) == datetime.date(2016, 2, 29)
    assert parse_date("2016") == datetime.date(2016, 1, 1)
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
        "111th",
    ]


def test_to_pandas_is_optional(history, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(SimulateError, match="needs pandas"):
        history.to_pandas()


def test_to_pandas_when_installed(history):
    pd = pytest.importorskip("pandas")
    frame = history.filter(topic="syria").to_pandas()
    assert list(frame.columns) == list(JSON_KEYS) and len(frame) == len(history.filter(topic="syria"))
    assert isinstance(frame["date"].dtype, pd.DatetimeTZDtype) or str(frame["date"].dtype).startswith("datetime64")
