"""Reading the project's TOML data files (scenarios, rules) with clear errors.

One place checks that the file exists, is a file, is UTF-8 and is TOML, and
caches what was built from it until the file changes.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs

from ..errors import DataFileError

__all__ = ["SpecError", "format_exception", "load_toml_file", "parse_toml", "strict_converter", "structure"]

T = TypeVar("T")


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """TOML text as a dictionary; a syntax error names the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from None


@functools.lru_cache(maxsize=512)
def _cached(path: Path, text: str, build: Callable[[str, Path], Any]) -> Any:
    return build(text, path)


def load_toml_file(path: str | Path, kind: str, build: Callable[[str, Path], T]) -> T:
    """``build(text, path)`` for the file at ``path`` (a ``kind`` file, for messages),
    cached by the file's content: a file rewritten within the file system's clock
    tick is read again, never served from the cache."""
    path = Path(path)
    if path.is_dir():
        raise DataFileError(path, f"is a folder, not a {kind} file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "not a UTF-8 text file") from None
    result: T = _cached(path.resolve(), text, build)
    return result


# ---------------------------------------------------------------- strict structuring


class SpecError(ValueError):
    """A value in the right place but of the wrong shape; its text is shown as it is."""


def _strict(kind: type, what: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise SpecError(f"expected {what}, got {value!r}")
        return value

    return hook


def _date(value: Any, _type: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise SpecError(f"expected a TOML date such as 2016-10-08 (no quotes), got {value!r}")


def _str_list(value: Any, _type: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SpecError(f"expected a list of names such as [\"France\", \"Spain\"], got {value!r}")
    return list(value)


def strict_converter() -> cattrs.Converter:
    """A cattrs converter that refuses unknown keys and never coerces: a string
    stays a string, a number a number, a date a TOML date, a list a list."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(datetime.date, _date)
    conv.register_structure_hook_func(lambda t: t == list[str], _str_list)
    return conv


def format_exception(exc: BaseException, type_: Any, root: type | None = None) -> str:
    """How one structuring problem reads (for :func:`cattrs.transform_error`).

    Unknown keys get the closest known one suggested; at the top of the file
    (``root``) they are unknown tables.
    """
    from ..errors import suggest

    if isinstance(exc, SpecError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        cl = exc.cl
        known = [f.name.rstrip("_") for f in attrs.fields(cl)] if cl is not None and attrs.has(cl) else []
        what = "table" if cl is not None and cl is root else "key"
        parts = []
        for extra in sorted(exc.extra_fields):
            hint = suggest(extra, known)
            parts.append(f"unknown {what} {extra!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
        return "; ".join(parts) + (f"; known: {', '.join(known)}" if known else "")
    if isinstance(exc, KeyError):
        return "required key missing"
    table = next((t for t in (type_, *typing.get_args(type_)) if isinstance(t, type) and attrs.has(t)), None)
    if isinstance(exc, AttributeError) and "has no attribute 'keys'" in str(exc) and table is not None:
        got = str(exc).split("'")[1] if "'" in str(exc) else "value"
        words = {"str": "a string", "int": "a number", "float": "a number", "list": "a list", "bool": "true or false"}
        keys = ", ".join(f.name.rstrip("_") for f in attrs.fields(table))
        return f"expected a table {{ ... }} with the keys {keys}, got {words.get(got, got)}"
    return cattrs.v.format_exception(exc, type_)


def structure(
    conv: cattrs.Converter, raw: dict[str, Any], cls: type[T], path: Path | str, where: Callable[[str], str]
) -> T:
    """``raw`` structured as ``cls``; every problem in one :class:`DataFileError`
    naming the file, the place (``where`` turns a cattrs path such as
    ``$.draft.date`` into ``[draft] date``) and what is wrong."""
    try:
        return conv.structure(raw, cls)
    except cattrs.BaseValidationError as exc:
        problems = []
        fmt = functools.partial(format_exception, root=cls)
        for line in cattrs.transform_error(exc, path="$", format_exception=fmt):
            message, _, at = line.rpartition(" @ ")
            place = where(re.sub(r"(?<=\w)_(?=$|[.\[])", "", at))  # fields such as set_ are TOML keys (set)
            message = message.replace("required field missing", "required key missing")
            if message == "required key missing" and place.startswith("[") and place.endswith("]"):
                message = "required table missing"
            problems.append(f"{place}: {message}")
        raise DataFileError(path, "; ".join(problems)) from None
