"""Rules as data: TOML rule files, Python decision functions, and replaying a
vote under an enlarged council.

* :func:`load_rule_file` / :func:`loads_rule` / :func:`dump_rule`: the TOML
  format documented in ``rules/README.md`` (the built-in rules are such files,
  in ``simulate/data/rules/``);
* :func:`load_python_rule`: a Python file defining ``decide(profiles)``;
* :func:`load_rule_source`: any of these, or a built-in rule's name;
* :func:`replay_enlarged`: a vote of the 15-member Council under a rule for a
  larger council, with ballots for the new seats supplied by a what-if or
  counted over every combination.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DataFileError
from .files import (
    BUILTIN_ORDER,
    builtin_dir,
    builtin_rule,
    builtin_rules,
    default_title,
    dump_rule,
    load_rule_file,
    loads_rule,
    save_rule,
)

__all__ = [
    "BUILTIN_ORDER",
    "builtin_dir",
    "builtin_rule",
    "builtin_rules",
    "default_title",
    "dump_rule",
    "load_rule_file",
    "loads_rule",
    "save_rule",
    "load_python_rule",
    "load_rule_source",
    "replay_enlarged",
    "EnlargedOutcome",
    "NewSeats",
]


def load_python_rule(path: str | os.PathLike):
    """The rule a Python file defines (see :mod:`simulate.rulebook.pyfile`)."""
    from .pyfile import load_python_rule as load

    return load(path)


def load_rule_source(ref: str | os.PathLike):
    """A rule from a built-in name, a ``.toml`` rule file or a ``.py`` file."""
    from ..rules import get_rule

    text = os.fspath(ref)
    path = Path(text)
    if text.lower().endswith(".py"):
        return load_python_rule(path)
    if text.lower().endswith(".toml") or path.is_file():
        if path.suffix.lower() != ".toml":
            raise DataFileError(path, "a rule file ends in .toml (or .py for a decision function)")
        return load_rule_file(path)
    return get_rule(text)


def __getattr__(name: str):
    if name in ("replay_enlarged", "EnlargedOutcome", "NewSeats"):
        from . import enlarged

        return getattr(enlarged, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
