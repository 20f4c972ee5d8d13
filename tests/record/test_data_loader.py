"""The record loader: read once, and a broken data file is one clear error naming the file and the place."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import simulate.io.record as record
from simulate.errors import DataFileError, UnknownNameError

CACHED = ("votes", "vetoes", "topics", "flags", "veto_exceptions", "_subjects", "_flags_by_draft", "_vote_index")


def _clear() -> None:
    for name in CACHED:
        getattr(record, name).cache_clear()
    record._agenda_subject.cache_clear()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the bundled record that the loader reads instead."""
    copy = tmp_path / "record"
    shutil.copytree(record.record_path("votes.csv").parent, copy)
    monkeypatch.setattr(record, "record_path", lambda name: copy / name)
    _clear()
    yield copy
    _clear()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loaded_once() -> None:
    assert record.votes() is record.votes()
    assert record.vetoes() is record.vetoes()
    assert record.topics() is record.topics()


def test_a_bad_date_names_the_file_line_and_column(folder: Path) -> None:
    _replace(folder / "votes.csv", "2016-12-05", "2016-13-05")
    with pytest.raises(DataFileError, match=r"votes\.csv: line \d+, column date: not an ISO date: '2016-13-05'"):
        record.votes()


def test_an_unknown_member_is_named_with_suggestions(folder: Path) -> None:
    _replace(folder / "vetoes.csv", ",USSR,", ",USSSR,")
    with pytest.raises(DataFileError, match=r"vetoes\.csv: line 2, column vetoed_by: unknown member 'USSSR'.*USSR"):
        record.vetoes()


def test_a_name_that_is_not_canonical_is_refused(folder: Path) -> None:
    _replace(folder / "vetoes.csv", ",USSR,", ",Soviet Union,")
    with pytest.raises(DataFileError, match="not the canonical name"):
        record.vetoes()


def test_a_short_row_and_a_missing_file(folder: Path) -> None:
    (folder / "flags.csv").write_text("draft,flag,reason,source\nS/2016/1026,mass-atrocity\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"flags\.csv: line 2: 2 fields, the header has 4"):
        record.flags()
    (folder / "veto-exceptions.csv").unlink()
    with pytest.raises(DataFileError, match=r"veto-exceptions\.csv: no such file"):
        record.veto_exceptions()


def test_a_bad_outcome_and_a_bad_subject(folder: Path) -> None:
    _replace(folder / "votes.csv", ",vetoed,", ",blocked,")
    with pytest.raises(DataFileError, match=r"column outcome: 'blocked' is not one of adopted, vetoed"):
        record.votes()
    _clear()
    _replace(folder / "subjects.csv", ",syria,", ",Syria Arab Republic,")
    with pytest.raises(DataFileError, match=r"subjects\.csv: line \d+, column subject"):
        record.subject_of("S/2016/1026")


def test_a_broken_topics_file_names_the_topic(folder: Path) -> None:
    _replace(folder / "topics.toml", 'subjects = ["yemen"]', 'subjects = "yemen"')
    with pytest.raises(DataFileError, match=r"topics\.toml: \[topic\.yemen\]: subjects must be a list"):
        record.topics()
    _clear()
    (folder / "topics.toml").write_text("[topic.syria\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid TOML"):
        record.topics()


def test_an_unknown_symbol_suggests_close_ones() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown vote 'S/2016/1027'; did you mean"):
        record.find_vote("S/2016/1027")
    assert record.find_vote("s/res/2334").resolution == "S/RES/2334 (2016)"
    assert record.find_vote(" S/2016/1026 ").key == "S/2016/1026"
