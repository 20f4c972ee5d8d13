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
import importlib
import pkgutil
import sys
from collections.abc import Sequence
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unsc", description=DESCRIPTION, formatter_class=_Formatter)
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", help="`unsc COMMAND --help` for more")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: (m.name != "core", m.name)):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub, _Formatter)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
