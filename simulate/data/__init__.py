"""Bundled data files: the registry of states and the Council's membership since 1946."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_path"]

_HERE = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The path of a bundled data file."""
    return _HERE / name
