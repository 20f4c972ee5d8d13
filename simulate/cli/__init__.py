"""The ``unsc`` command.

Each module of this package that defines ``register(subparsers)`` adds its
subcommands; a subcommand sets ``func`` (taking the parsed arguments and
returning an exit status). Modules must stay light at import time: heavy
libraries (matplotlib) are imported inside the command functions, so that
``unsc replay`` starts fast.

Errors the user can cause (:class:`~simulate.errors.SimulateError`) print one
line on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import SimulateError

__all__ = ["build_parser", "main"]

DESCRIPTION = """\
Simulate the voting rules of the UN Security Council: replay the 2016 Aleppo
votes (or your own scenario files), ask what-if, compare rules.

examples:
  unsc scenarios
  unsc replay S/2016/1026 --whatif china-abstains-again
  unsc replay S/2016/846 --set Russia=abstain
  unsc grid S/2016/1026
  unsc plot table S/2016/1026 -o december.png
  unsc power --rule charter-1965
  unsc flips S/2016/847
  unsc check-rule two-vetoes
  unsc reform S/2016/846 --rule g4-2005
  unsc history --vetoed-by Russia --topic syria --until 2016-12-05
  unsc counterfactual -r two-vetoes -r french-mexican-restraint
  unsc chance S/2016/1026 --others elected-uncertain -r charter-1965 -r two-vetoes
  unsc explore S/2016/1026
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=24, width=80)
        # room for the longest subcommand name ("    check-rule") beside its help
        self._action_max_length = 16


_VERSION_HELP = "show program's version number and exit"  # argparse's own words for action="version"


class _VersionAction(argparse.Action):
    """``--version``: the package metadata is read only when asked (start-up speed)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=_VERSION_HELP)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from .. import __version__  # computed on first access (simulate.__getattr__)

        print(f"unsc-simulate {__version__}")
        parser.exit()


def _command_modules() -> Iterator[str]:
    """The command modules, ``core`` first, then the others in name order (discovered)."""
    yield "core"
    import pkgutil  # lazy: start-up speed (not needed when core holds the command)

    yield from sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name != "core")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``unsc`` parser with every command; with ``command``, only the command
    modules up to the one that registers it (start-up speed: ``unsc replay`` does
    not build the chance, power and plot parsers). The parser's answer is the same
    for any arguments that begin with ``command``: a subcommand's help, usage and
    errors are its own, and the top-level usage names no command."""
    parser = argparse.ArgumentParser(prog="unsc", description=DESCRIPTION, formatter_class=_Formatter)
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", help="`unsc COMMAND --help` for more")
    for name in _command_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub, _Formatter)
        if command is not None and command in sub.choices:
            break
    return parser


@functools.lru_cache(maxsize=64)
def _parser(command: str | None) -> argparse.ArgumentParser:
    """``build_parser(command)``, once per process and command: a process that runs several commands
    (a notebook, the test suite: about 900 in the process) pays argparse's set-up once per command,
    not a few milliseconds each time (parsing leaves a parser as it was: every default is None or
    immutable, and the actions copy what they collect)."""
    return build_parser(command)


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, if it begins with one (not an option)."""
    return argv[0] if argv and not argv[0].startswith("-") else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(_command(argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except SimulateError as exc:
        print(f"unsc: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
