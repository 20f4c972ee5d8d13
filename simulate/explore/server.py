"""The explorer's web server: the standard library's ``ThreadingHTTPServer`` on 127.0.0.1.

It serves three static files (``static/``) and the JSON API of :mod:`.api` (documented in
``API.md``). Nothing else: no file is opened by a name that came from a request, no input
is evaluated. Every bad request gets a status 400 and one line of JSON,
``{"error": "..."}``; an unexpected failure a 500 with one line, never a traceback page.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
import traceback
import webbrowser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, TextIO
from urllib.parse import parse_qsl, urlsplit

from ..errors import SimulateError
from .api import FLIPS_LIMIT, Explorer, error_message

__all__ = ["STATIC", "ExplorerServer", "make_server", "serve"]

#: The only files served, by URL path: (file name in ``static/``, content type).
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _static(name: str) -> bytes:
    return resources.files(__package__).joinpath("static", name).read_bytes()


class ExplorerServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the :class:`Explorer` and its static files."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], explorer: Explorer) -> None:
        self.explorer = explorer
        self.files = {name: _static(name) for name, _ in STATIC.values()}
        self.quiet = True
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else str(host)
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"

    def allowed_hosts(self) -> set[str] | None:
        """Host headers accepted when bound to the loopback (guards against DNS rebinding);
        None (any) when the user chose ``--host``."""
        host, port = self.server_address[:2]
        if host not in LOOPBACK:
            return None
        return {f"{h}:{port}" for h in ("127.0.0.1", "localhost", "[::1]")}


class Handler(BaseHTTPRequestHandler):
    server: ExplorerServer
    server_version = "unsc-explore"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall per request

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        self._send(status, body, "application/json; charset=utf-8", {**(headers or {})})

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": message})

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's own errors (a malformed request line...) as one line of JSON too."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self._error(code, message or HTTPStatus(code).phrase)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "the explorer's API takes GET requests only")

    do_PUT = do_DELETE = do_PATCH = do_POST

    def do_GET(self) -> None:
        try:
            self._route()
        except SimulateError as exc:
            self._error(HTTPStatus.BAD_REQUEST, error_message(exc))
        except Exception as exc:  # never a traceback page; the terminal gets the details
            traceback.print_exc(file=sys.stderr)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {error_message(exc)}")

    def _route(self) -> None:
        allowed = self.server.allowed_hosts()
        if allowed is not None and self.headers.get("Host", "") not in allowed:
            self._error(HTTPStatus.FORBIDDEN, "unexpected Host header: open the explorer at " + self.server.url)
            return
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        explorer = self.server.explorer
        if path in STATIC:
            name, content_type = STATIC[path]
            self._send(HTTPStatus.OK, self.server.files[name], content_type)
        elif path == "/api/meta":
            self._json(HTTPStatus.OK, explorer.meta())
        elif path == "/api/replay":
            self._json(HTTPStatus.OK, explorer.replay(explorer.parse(query)))
        elif path == "/api/flips":
            state = explorer.parse(query, extra=("limit",))
            self._json(HTTPStatus.OK, explorer.flips(state, _limit(query)))
        elif path == "/api/export":
            state = explorer.parse(query, extra=("format",))
            fmt = _single(query, "format") or "png"
            data, content_type, filename = explorer.export(state, fmt)
            self._send(HTTPStatus.OK, data, content_type, {"Content-Disposition": f'attachment; filename="{filename}"'})
        elif path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {path[:80]}")


def _single(query: str, key: str) -> str | None:
    values = [v for k, v in parse_qsl(query, keep_blank_values=True) if k == key]
    return values[0].strip() if values else None


def _limit(query: str) -> int:
    text = _single(query, "limit")
    if text is None or text == "":
        return FLIPS_LIMIT
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise SimulateError(f"limit must be a whole number from 1 to 1000, got {text!r}")
    return int(text)


def make_server(explorer: Explorer, host: str = "127.0.0.1", port: int = 0) -> ExplorerServer:
    """A server bound to ``host:port`` (port 0: a free one); not yet serving."""
    try:
        return ExplorerServer((host, port), explorer)
    except OSError as exc:
        if port and exc.errno in (98, 48, 10048):  # address in use (Linux, macOS, Windows)
            raise SimulateError(
                f"port {port} is in use: choose another with --port, or leave it out for a free one"
            ) from None
        raise SimulateError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(server: ExplorerServer, *, open_browser: bool = True, out: TextIO = sys.stdout) -> None:
    """Serve until Ctrl-C; open the default browser on the start page first."""
    print(f"unsc explore: the classroom explorer is at {server.url}", file=out)
    print("Press Ctrl-C to stop.", file=out, flush=True)
    if open_browser:
        threading.Timer(0.3, _open, args=(server.url,)).start()
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C stops, even when started from a shell that ignores SIGINT in background jobs; so does SIGTERM
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        print("\nunsc explore: stopped.", file=out, flush=True)
    finally:
        server.server_close()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _open(url: str) -> None:
    try:
        if not webbrowser.open(url):
            print(f"unsc explore: could not open a browser; open {url} yourself", file=sys.stderr)
    except Exception:  # a broken browser setting must not stop the server
        print(f"unsc explore: could not open a browser; open {url} yourself", file=sys.stderr)
