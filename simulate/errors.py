"""Errors a user can cause: each carries one plain sentence, and the CLI turns it
into one line on stderr with exit status 2 (never a traceback)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = ["TESTING_EXTRA", "DataFileError", "SimulateError", "UnknownNameError", "suggest"]

#: What to install for the parts that need hypothesis (simulate.strategies, sampled rule checks).
TESTING_EXTRA = "pip install 'unsc-simulate[testing]'"


class SimulateError(Exception):
    """A problem with the user's input or data; its message is meant for people."""


class DataFileError(SimulateError):
    """A data file (scenario, rule, membership) is missing or malformed.

    The message always names the file, then the problem.
    """

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"{where}{problem}")


class UnknownNameError(SimulateError, KeyError):
    """A name (member, rule, what-if, scenario) that is not known, with suggestions."""

    def __init__(self, kind: str, name: str, choices: Iterable[str], hint: str = "") -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggest(name, choices)
        message = f"unknown {kind} {name!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        if hint:
            message += f" {hint}"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


def suggest(name: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The closest names to ``name`` among ``choices`` (case-insensitive), best first.

    >>> suggest("Rusia", ["Russia", "Angola", "Austria"])
    ['Russia']
    """
    import difflib  # lazy: start-up speed (only a misspelt name needs it)

    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(choice.casefold(), choice)
    key = name.casefold()
    found = difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.75)
    if not found:  # a prefix is a good hint too ("Venez" -> "Venezuela")
        found = [k for k in by_key if k.startswith(key)][:n] if len(key) >= 3 else []
    return [by_key[k] for k in found]
