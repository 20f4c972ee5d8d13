"""The explorer's HTTP server: routes, one-line JSON errors, only its own files, and ``unsc explore``."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
from urllib.parse import quote

import pytest

from simulate.cli import main
from simulate.explore.server import ExplorerServer


def get(server: ExplorerServer, path: str, method: str = "GET", host: str | None = None):
    port = server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host} if host else {}
    conn.request(method, path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


def test_the_page_and_its_files(live_server: ExplorerServer) -> None:
    status, headers, body = get(live_server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<script src="app.js">' in body and b"http" not in body.split(b"<body>")[1]  # nothing from a network
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, headers, body = get(live_server, path)
        assert status == 200 and headers["Content-Type"].startswith(kind) and body


def test_replay_over_http(live_server: ExplorerServer) -> None:
    path = "/api/replay?scenario=" + quote("S/2016/1026", safe="") + "&set=China=abstain"
    status, headers, body = get(live_server, path)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    data = json.loads(body)
    assert data["outcome"]["vetoed_by"] == ["Russian Federation"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/replay?scenario=S/2099/1", 400),
        ("/api/replay?scenario=S/2016/1026&set=China=maybe", 400),
        ("/api/replay?scenario=S/2016/1026&rule=/etc/passwd", 400),
        ("/api/flips?scenario=S/2016/1026&limit=-1", 400),
        ("/api/export?scenario=S/2016/1026&format=exe", 400),
        ("/api/replay?%zz=1", 400),
        ("/../../etc/passwd", 404),
        ("/static/app.js", 404),
        ("/simulate/explore/api.py", 404),
        ("/api/nothing", 404),
    ],
)
def test_bad_requests_get_one_line_of_json(live_server: ExplorerServer, path: str, status: int) -> None:
    got, headers, body = get(live_server, path)
    assert got == status
    assert headers["Content-Type"].startswith("application/json")
    assert body.count(b"\n") == 0 and b"Traceback" not in body
    message = json.loads(body)["error"]
    assert message and "\n" not in message


def test_other_methods_and_hosts_are_refused(live_server: ExplorerServer) -> None:
    assert get(live_server, "/api/meta", method="POST")[0] == 405
    status, _, body = get(live_server, "/api/meta", host="evil.example:80")  # DNS rebinding
    assert status == 403 and b"Host" in body
    assert get(live_server, "/api/meta", host=f"localhost:{live_server.server_address[1]}")[0] == 200


def test_export_over_http(live_server: ExplorerServer) -> None:
    status, headers, body = get(live_server, "/api/export?scenario=S/2016/1026&whatif=russia-abstains&format=svg")
    assert status == 200 and headers["Content-Type"] == "image/svg+xml" and body.startswith(b"<?xml")
    assert headers["Content-Disposition"] == 'attachment; filename="S-2016-1026-explore-table.svg"'


def test_explore_refuses_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", "S/2099/1", "--no-browser"]) == 2
    assert "unknown scenario 'S/2099/1'" in capsys.readouterr().err
    assert main(["explore", "--port", "70000", "--no-browser"]) == 2
    assert "--port" in capsys.readouterr().err


def test_unsc_explore_starts_and_stops_on_ctrl_c() -> None:
    """The one subprocess test: the real command, a request, Ctrl-C, a clean exit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulate", "explore", "S/2016/1026", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("unsc explore: the classroom explorer is at http://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1].strip().strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/api/replay?scenario=S/2016/1026&set=China=abstain&set=Russia=abstain")
        assert json.loads(conn.getresponse().read())["outcome"]["adopted"] is True
        conn.close()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
