"""The rules known by name: the built-in rule files, loaded when first asked for,
and the rules users register; the rule in force on a date.

>>> get_rule("charter-1965").quota, default_rule(datetime.date(1950, 6, 27)).name
(9, 'charter-1945')
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataFileError, SimulateError, UnknownNameError
from ..io.rulefiles import builtin_dir, builtin_rule, load_rule_file
from ..rules.protocol import VotingRule

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "AMENDMENT_1965",
    "FIFTEEN_SEATS",
    "RULES",
    "RuleRegistry",
    "as_rule",
    "default_rule",
    "get_rule",
    "load_rule_source",
    "strict_counterpart",
]

#: Entry into force of the amendments to Articles 23 and 27 (15 seats, 9 votes).
AMENDMENT_1965 = datetime.date(1965, 8, 31)

#: The first day of the Council of fifteen. Until then the eleven members went on
#: deciding with seven votes (S/RES/218 (1965), adopted 7-0-4 on 23 November 1965).
FIFTEEN_SEATS = datetime.date(1966, 1, 1)


class RuleRegistry(MutableMapping):
    """The rules known by name: the built-in TOML files, loaded when first asked
    for, and any rule a user adds (``RULES["mine"] = rule``).

    Iterating loads every built-in rule, in the order of
    :data:`simulate.io.rulefiles.BUILTIN_ORDER`; looking one up by name loads only
    its file. Built-in rules cannot be replaced or removed.
    """

    def __init__(self) -> None:
        self._builtin: dict[str, VotingRule] = {}
        self._complete = False
        self._user: dict[str, VotingRule] = {}

    def _load_all(self) -> None:
        if not self._complete:
            from ..io.rulefiles import builtin_rules

            loaded = builtin_rules()
            self._builtin = {**loaded, **{k: v for k, v in self._builtin.items() if k not in loaded}}
            self._complete = True

    def __getitem__(self, name: str) -> VotingRule:
        if name in self._user:
            return self._user[name]
        if name in self._builtin:
            return self._builtin[name]
        if not self._complete and isinstance(name, str):
            from ..io.rulefiles import builtin_rule

            rule = builtin_rule(name)
            if rule is not None:
                self._builtin[name] = rule
                return rule
        raise KeyError(name)

    def __setitem__(self, name: str, rule: VotingRule) -> None:
        if not isinstance(rule, VotingRule):
            raise SimulateError(f"not a rule: {rule!r}")
        if name != rule.name:
            raise SimulateError(f"a rule is registered under its own name ({rule.name!r}), not {name!r}")
        self._load_all()
        if name in self._builtin:
            raise SimulateError(f"{name!r} is a built-in rule; give yours another name")
        self._user[name] = rule

    def __delitem__(self, name: str) -> None:
        if name in self._user:
            del self._user[name]
            return
        self._load_all()
        if name in self._builtin:
            raise SimulateError(f"{name!r} is a built-in rule and cannot be removed")
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter([*self._builtin, *self._user])

    def __len__(self) -> int:
        self._load_all()
        return len(self._builtin) + len(self._user)

    def register(self, rule: VotingRule) -> VotingRule:
        """Add a user's rule under its name; returns it."""
        self[rule.name] = rule
        return rule

    def __repr__(self) -> str:
        return f"RuleRegistry({list(self)})"


#: Every rule known by name (see :class:`RuleRegistry`).
RULES: RuleRegistry = RuleRegistry()


def builtin_rule_exists(name: str) -> bool:
    """True when ``name`` is the name of a built-in rule (a file of ``simulate/data/rules``)."""
    return (builtin_dir() / f"{name}.toml").is_file()


def _looks_like_path(name: object) -> bool:
    if isinstance(name, os.PathLike):
        return True
    return isinstance(name, str) and name.strip().lower().endswith((".toml", ".py"))


def get_rule(name: str | VotingRule | os.PathLike) -> VotingRule:
    """The rule called ``name`` (a rule object is returned as it is).

    ``name`` is a built-in or registered rule's name, or a path to a rule file:
    a TOML rule (``rules/README.md``) or a Python file defining ``decide``.
    """
    if isinstance(name, VotingRule):
        return name
    if isinstance(name, os.PathLike) or _looks_like_path(name):
        return load_rule_source(name)
    try:
        return RULES[name.strip().lower()]
    except (KeyError, AttributeError):
        raise UnknownNameError(
            "rule", str(name), RULES, hint="(see `unsc rules`, or give the path of a .toml rule file)"
        ) from None


def as_rule(obj: str | VotingRule | Callable[..., np.ndarray]) -> VotingRule:
    """A rule from a name, a rule, or a plain decision function over profile arrays."""
    if isinstance(obj, str | os.PathLike | VotingRule):
        return get_rule(obj)
    if callable(obj):
        from ..rules.function import FunctionRule  # lazy: start-up speed (replay decides by a named rule)

        return FunctionRule(obj, name=getattr(obj, "__name__", "custom"))
    raise SimulateError(f"not a rule: {obj!r}")


def default_rule(date: datetime.date) -> VotingRule:
    """The Charter rule the Council applied on ``date`` (the matter is handled by the rule):
    seven votes of eleven until 31 December 1965, nine of fifteen from 1 January 1966."""
    return RULES["charter-1945"] if date < FIFTEEN_SEATS else RULES["charter-1965"]


def strict_counterpart(rule: VotingRule) -> VotingRule:
    """The literal-reading rule for the council ``rule`` decides on (11 or 15 seats)."""
    return RULES["strict-concurrence-1945"] if rule.council_for().size == 11 else RULES["strict-concurrence"]


def load_rule_source(ref: str | os.PathLike[str]) -> VotingRule:
    """A rule from a built-in name, a ``.toml`` rule file or a ``.py`` file."""
    text = os.fspath(ref)
    path = Path(text)
    if text.lower().endswith(".py"):
        from ..io.pyrule import load_python_rule  # lazy: start-up speed (only .py rule files need it)

        return _not_builtin(load_python_rule(path), path, "rename the file")
    if text.lower().endswith(".toml") or path.is_file():
        if path.suffix.lower() != ".toml":
            raise DataFileError(path, "a rule file ends in .toml (or .py for a decision function)")
        return _not_builtin(load_rule_file(path), path, "change [rule] name")
    return get_rule(text)


def _not_builtin(rule: VotingRule, path: Path, how: str) -> VotingRule:
    """A user's rule file may not take a built-in rule's name for another rule: its
    results would be shown under that name, as if the built-in rule had given them
    (a copy of the built-in rule, equal to it, is fine)."""
    builtin = builtin_rule(rule.name) if builtin_rule_exists(rule.name) else None
    if builtin is not None and builtin != rule:
        raise DataFileError(
            path,
            f"the rule is named {rule.name!r}, as a built-in rule, but differs from it: give it another name ({how})",
        )
    return rule
