"""Fuzzed data files: hypothesis writes scenario and rule files, valid and broken
(wrong types, missing or unknown tables and keys, huge lists, odd Unicode, dates
out of range, councils of 0 or 300 seats, broken TOML), and the command line
must answer each with a result or one line on stderr and exit status 2: never a
traceback, never a hang.

The number of files follows the hypothesis profile (``ci``: a few hundred per
test). The long run of the closing note::

    FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/fuzz -q -p no:randomly
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import signal
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulate.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = tomllib.loads((ROOT / "scenarios" / "S-2016-846.toml").read_text(encoding="utf-8"))
RULE = tomllib.loads((ROOT / "simulate" / "data" / "rules" / "two-vetoes.toml").read_text(encoding="utf-8"))
DOUBLE = tomllib.loads((ROOT / "simulate" / "data" / "rules" / "elected-majority.toml").read_text(encoding="utf-8"))
G4 = tomllib.loads((ROOT / "simulate" / "data" / "rules" / "g4-2005.toml").read_text(encoding="utf-8"))

#: every file must be answered within this many seconds (a hang fails the test)
TIME_LIMIT = 20
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0")) or None


def fuzz_settings(share: int):
    """The profile's example count divided by ``share`` (FUZZ_EXAMPLES overrides it)."""
    current = settings.default.max_examples
    return settings(
        max_examples=EXAMPLES or max(25, current // share),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- a small TOML writer


def _key(key: str) -> str:
    return key if key and all(c.isalnum() or c in "-_" for c in key) and key.isascii() else _string(key)


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            out.append("\\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "nan"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def dumps(data: dict[str, Any]) -> str:
    """TOML text: top-level scalars, then each table (nested tables inline)."""
    lines = [f"{_key(k)} = {_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for name, table in data.items():
        if isinstance(table, dict):
            lines.append(f"\n[{_key(name)}]")
            lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- mutations

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\u202e", "Рос", "中国", "🇷🇺", "a" * 5000, "S/2016/846", "Russia", "\x00", "ǅ"]),
)
odd_dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
scalars = st.one_of(
    st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=True), st.booleans(), odd_text, odd_dates,
    st.sampled_from([0, -1, 300, 10**12, 1.5, "yes", "no", "abstain"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=3),
                      max_leaves=8)
huge_lists = st.builds(lambda item, n: [item] * n, st.sampled_from(["France", "Angola", "yes", 1]),
                       st.sampled_from([0, 16, 300, 5000]))
placeholder_names = st.builds(lambda n: [f"State {i}" for i in range(n)], st.sampled_from([0, 1, 2, 300]))


@st.composite
def a_path(draw: st.DrawFn, data: dict[str, Any]) -> tuple[str, ...]:
    """A key path, table by table: each table as likely as the next, so that the few
    keys of [draft] are hit as often as the many of [whatif.*]."""
    path: tuple[str, ...] = ()
    node: Any = data
    while isinstance(node, dict) and node:
        key = draw(st.sampled_from(sorted(node)))
        path, node = (*path, key), node[key]
        if not isinstance(node, dict) or (draw(st.booleans()) and len(path) > 1):
            break
    return path


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with up to four mutations: delete, retype, add unknown keys or tables."""
    import copy

    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["delete", "retype", "unknown", "huge", "names", "table", "blank", "blank"]))
        path = draw(a_path(data))
        if action == "table" or not path:
            data[draw(odd_text)] = draw(st.dictionaries(odd_text, scalars, max_size=3))
            continue
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if action == "blank":  # a string left empty or blank, a number set to an edge
            old = parent[path[-1]]
            if isinstance(old, str):
                parent[path[-1]] = draw(st.sampled_from(["", " ", "\t"]))
            elif isinstance(old, int) and not isinstance(old, bool):
                parent[path[-1]] = draw(st.sampled_from([0, -1, 1, 300, 10**12]))
            elif isinstance(old, list):
                parent[path[-1]] = []
        elif action == "delete":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(values)
        elif action == "unknown":
            target = parent[path[-1]] if isinstance(parent[path[-1]], dict) else parent
            target[draw(odd_text)] = draw(scalars)
        elif action == "huge":
            parent[path[-1]] = draw(huge_lists)
        else:
            parent[path[-1]] = draw(placeholder_names)
    return data


@st.composite
def council_tables(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """A scenario with a [council] of 0 to 300 seats, and votes for them."""
    import copy

    data = copy.deepcopy(base)
    n = draw(st.sampled_from([0, 1, 2, 14, 16, 300]))
    names = ["France", "China", "Russian Federation", "United Kingdom", "United States", "Angola", "Egypt",
             "Japan", "Malaysia", "New Zealand", "Senegal", "Spain", "Ukraine", "Uruguay", "Germany", "Brazil"]
    members = (names + [f"State {i}" for i in range(300)])[:n]
    data["council"] = {"permanent": members[: min(5, n)], "elected": members[5:]}
    data["votes"] = {"yes": members}
    data.pop("record", None)
    return data


def broken_text(text: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda cut: text[:cut], st.integers(0, len(text))),
        st.builds(lambda at, junk: text[:at] + junk + text[at:], st.integers(0, len(text)), st.text(max_size=5)),
        st.just("\ufeff" + text),
    )


# ---------------------------------------------------------------- running a file


class TookTooLong(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int):
    def alarm(signum: int, frame: object) -> None:
        raise TookTooLong(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def answer(argv: list[str]) -> tuple[int, str, str]:
    """``unsc ARGV`` in this process: exit status, stdout, stderr. Any exception that
    escapes :func:`main` (a traceback for a user) fails the test as it is."""
    out, err = io.StringIO(), io.StringIO()
    with time_limit(TIME_LIMIT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def assert_answered(argv: list[str], text: str) -> None:
    status, out, err = answer(argv)
    where = f"unsc {' '.join(argv)}\n--- file ---\n{text[:3000]}"
    assert status in (0, 1, 2), where
    if status == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("unsc: error: "), f"{where}\n--- stderr ---\n{err}"
    else:
        assert out.strip(), where
    assert "Traceback" not in err, where


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


# ---------------------------------------------------------------- the tests


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@fuzz_settings(share=2)
@given(data=st.one_of(mutated(SCENARIO), council_tables(SCENARIO)))
def test_scenario_files(folder: Path, data: dict[str, Any]) -> None:
    text = dumps(data)
    path = write(folder, "scenario.toml", text)
    assert_answered(["replay", str(path)], text)


@fuzz_settings(share=4)
@given(text=broken_text(dumps(SCENARIO)))
def test_broken_scenario_text(folder: Path, text: str) -> None:
    path = write(folder, "broken.toml", text)
    assert_answered(["replay", str(path), "--json"], text)


@fuzz_settings(share=2)
@given(data=st.one_of(mutated(RULE), mutated(DOUBLE), mutated(G4)))
def test_rule_files(folder: Path, data: dict[str, Any]) -> None:
    text = dumps(data)
    path = write(folder, "rule.toml", text)
    assert_answered(["replay", "S/2016/846", "--rule", str(path)], text)
    assert_answered(["rules", str(path)], text)


@fuzz_settings(share=8)
@given(data=st.one_of(mutated(RULE), mutated(G4)))
def test_rule_files_checked_and_measured(folder: Path, data: dict[str, Any]) -> None:
    text = dumps(data)
    path = write(folder, "rule.toml", text)
    assert_answered(["check-rule", str(path)], text)
    assert_answered(["power", "--rule", str(path)], text)


@fuzz_settings(share=4)
@given(text=broken_text(dumps(RULE)))
def test_broken_rule_text(folder: Path, text: str) -> None:
    path = write(folder, "broken-rule.toml", text)
    assert_answered(["check-rule", str(path)], text)
