"""Fixtures of the explorer's tests: one explorer, one live server per module (in a thread)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from simulate.explore.api import Explorer
from simulate.explore.server import ExplorerServer, make_server


@pytest.fixture(scope="session")
def explorer() -> Explorer:
    return Explorer.from_command_line(["S/2016/1026"])


@pytest.fixture(scope="module")
def live_server(explorer: Explorer) -> Iterator[ExplorerServer]:
    server = make_server(explorer, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
