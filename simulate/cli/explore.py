"""``unsc explore``: the classroom explorer in the browser (a local web server)."""

from __future__ import annotations

import argparse
import sys

from ..errors import SimulateError

__all__ = ["cmd_explore", "register"]


def cmd_explore(args: argparse.Namespace) -> int:
    # imported here for start-up speed: the explorer pulls in the engine and the figures
    from ..explore.api import Explorer
    from ..explore.server import LOOPBACK, make_server, serve

    if args.port is not None and not 0 <= args.port <= 65535:
        raise SimulateError(f"--port must be from 0 to 65535, got {args.port}")
    explorer = Explorer.from_command_line(args.scenario)
    if args.host not in LOOPBACK:
        print(
            f"unsc explore: warning: listening on {args.host}: anyone who can reach this machine on that "
            "network can use the explorer",
            file=sys.stderr,
        )
    server = make_server(explorer, args.host, args.port or 0)
    serve(server, open_browser=not args.no_browser)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "explore", help="the classroom explorer in your browser: click a seat, see the Council decide",
        formatter_class=formatter,
        description=(
            "Start the classroom explorer: a local web page where clicking a seat changes\n"
            "its vote and the Council decides again, with the rule, the what-ifs, the\n"
            "smallest changes that would reverse the vote, and the figure to export.\n"
            "It listens on 127.0.0.1 (a free port unless --port), opens your browser, and\n"
            "needs no network. Ctrl-C stops it.\n\n"
            "SCENARIO is a bundled symbol to start on, or a path to your own TOML file\n"
            "(added to the page's list; repeatable).\n\n"
            "examples:\n"
            "  unsc explore\n"
            "  unsc explore S/2016/1026\n"
            "  unsc explore my-vote.toml --port 8765 --no-browser"
        ),
    )
    p.add_argument("scenario", nargs="*", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    p.add_argument("--port", "-p", type=int, metavar="N", help="port to listen on (default: a free one)")
    p.add_argument(
        "--host", default="127.0.0.1", metavar="H",
        help="address to listen on (default 127.0.0.1; anything else lets others on that network in)",
    )
    p.add_argument("--no-browser", action="store_true", help="do not open a browser; print the address")
    p.set_defaults(func=cmd_explore)
