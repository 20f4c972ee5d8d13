"""A rule written as Python: a file that defines ``decide(profiles)``.

The file is run with :mod:`importlib` from its path. It defines

* ``decide(profiles)`` (or ``decide(profiles, veto_mask)``): gets an ``int8``
  array of shape ``(profiles, seats)`` with codes ``YES=0 NO=1 ABSTAIN=2
  ABSENT=3`` and returns a boolean array of shape ``(profiles,)``;
* optionally ``SEATS`` (how many seats; default 15) and ``VETO`` (a list of
  ``SEATS`` booleans, True for seats holding a veto; default: the first five);
* optionally ``TITLE`` (one line) and ``DESCRIPTION``.

Instead of ``decide`` the file may define ``RULE``, a
:class:`~simulate.rules.Rule` or :class:`~simulate.rules.FunctionRule`.
Any error while running the file is a :class:`~simulate.errors.DataFileError`
naming it.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from ..errors import DataFileError
from ..rules.function import FunctionRule
from ..rules.quota import Rule

__all__ = ["load_python_rule"]


def _load_module(path: Path) -> ModuleType:
    key = f"{zlib.crc32(str(path).encode()):08x}"
    name = f"_unsc_rule_{path.stem.replace('-', '_')}_{key}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise DataFileError(path, "cannot be loaded as a Python file")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise DataFileError(path, f"line {exc.lineno}: invalid Python ({exc.msg})") from None
    except SystemExit as exc:  # sys.exit() in the user's file must not end the command quietly
        raise DataFileError(
            path,
            f"{_user_line(exc, path)}running the file called sys.exit({_exit_code(exc)}); a rule file must not exit",
        ) from None
    except Exception as exc:  # the user's code: report it in one line
        raise DataFileError(
            path, f"{_user_line(exc, path)}running the file failed: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        sys.modules.pop(name, None)
    return module


def _exit_code(exc: SystemExit) -> str:
    return "" if exc.code is None else repr(exc.code)


def _user_line(exc: BaseException, path: Path) -> str:
    """``"line N: "`` for the deepest frame of ``exc`` in the user's file, or ``""``."""
    line = ""
    tb = exc.__traceback__
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename) == path:
            line = f"line {tb.tb_lineno}: "
        tb = tb.tb_next
    return line


def _checked(
    decide: Callable[..., Any], path: Path, arity: int
) -> Callable[..., np.ndarray]:
    """``decide`` with its failures reported against the file, one line each."""

    def run(*args: np.ndarray) -> np.ndarray:
        profiles = args[0]
        try:
            result = decide(*args)
        except SystemExit as exc:
            raise DataFileError(
                path,
                f"{_user_line(exc, path)}decide() called sys.exit({_exit_code(exc)}); a rule must return its decisions",
            ) from None
        except ValueError as exc:
            if "read-only" not in str(exc):
                raise _failed(exc, path, profiles) from None
            raise DataFileError(
                path, f"{_user_line(exc, path)}decide() changed the ballots it was given; a rule must only read them "
                "(work on a copy: p = profiles.copy())"
            ) from None
        except Exception as exc:
            raise _failed(exc, path, profiles) from None
        result = np.asarray(result)
        if result.shape != (len(profiles),) or result.dtype != bool:
            raise DataFileError(
                path,
                f"decide() must return a boolean array of shape ({len(profiles)},), "
                f"got {result.dtype} of shape {result.shape}",
            )
        return result

    if arity == 2:
        return lambda profiles, veto_mask: run(profiles, veto_mask)
    return lambda profiles: run(profiles)


def _failed(exc: Exception, path: Path, profiles: np.ndarray) -> DataFileError:
    return DataFileError(
        path,
        f"{_user_line(exc, path)}decide() failed on {len(profiles)} profiles of {profiles.shape[1]} seats: "
        f"{type(exc).__name__}: {exc}",
    )


def load_python_rule(path: str | Path) -> Rule | FunctionRule:
    """The rule a Python file defines (``RULE``, or ``decide`` with ``SEATS`` and ``VETO``)."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "no such file" if not path.exists() else "is not a file")
    path = path.resolve()
    module = _load_module(path)
    rule = getattr(module, "RULE", None)
    if rule is not None:
        if not isinstance(rule, Rule | FunctionRule):
            raise DataFileError(path, f"RULE: expected a Rule or FunctionRule, got {type(rule).__name__}")
        return rule
    decide = getattr(module, "decide", None)
    if decide is None or not callable(decide):
        raise DataFileError(path, "defines no decide(profiles) function (nor a RULE)")
    try:
        params = [
            p
            for p in inspect.signature(decide).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
    except (TypeError, ValueError):
        params = [None]  # type: ignore[list-item]  # one unknown parameter: treated as decide(profiles)
    if len(params) not in (1, 2):
        raise DataFileError(path, "decide must take (profiles) or (profiles, veto_mask)")
    seats = getattr(module, "SEATS", None)
    if seats is not None and (isinstance(seats, bool) or not isinstance(seats, int) or seats < 1):
        raise DataFileError(path, f"SEATS: expected a whole number of seats, got {seats!r}")
    sized_by = "" if seats is None else f"its SEATS = {seats}"
    veto = getattr(module, "VETO", None)
    if veto is not None:
        try:
            veto = [bool(v) for v in veto]
        except TypeError:
            raise DataFileError(path, f"VETO: expected a list of true/false, one per seat, got {veto!r}") from None
        if seats is None:
            seats = len(veto)
            sized_by = f"its VETO list has {seats} entries"
        if len(veto) != seats:
            raise DataFileError(path, f"VETO: {len(veto)} entries for {seats} seats")
    title = getattr(module, "TITLE", None) or f"decide() in {path.name}"
    return FunctionRule(
        _checked(decide, path, len(params)),
        name=path.stem,
        title=str(title),
        description=str(getattr(module, "DESCRIPTION", "") or (inspect.getdoc(module) or "")),
        seats=seats,
        veto_seats=veto,
        sized_by=sized_by,
    )
