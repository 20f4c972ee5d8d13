"""Reading the project's TOML data files (scenarios, rules) with clear errors.

One place checks that the file exists, is a file, is UTF-8 and is TOML, and
caches what was built from it until the file changes.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataFileError

__all__ = ["load_toml_file", "parse_toml"]

T = TypeVar("T")


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """TOML text as a dictionary; a syntax error names the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from None


@functools.lru_cache(maxsize=512)
def _cached(path: Path, mtime_ns: int, build: Callable[[str, Path], Any]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "not a UTF-8 text file") from None
    return build(text, path)


def load_toml_file(path: str | Path, kind: str, build: Callable[[str, Path], T]) -> T:
    """``build(text, path)`` for the file at ``path`` (a ``kind`` file, for messages),
    cached until the file's modification time changes."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise DataFileError(path, f"is a folder, not a {kind} file")
    return _cached(path.resolve(), stat.st_mtime_ns, build)
