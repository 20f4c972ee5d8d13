#!/usr/bin/env python3
"""Benchmark the classroom explorer (``unsc explore``): a click's round trip and the page load.

Run ``python benchmarks/bench_explore.py`` (a table) or ``... --json``. A server runs in this
process on a free port of 127.0.0.1. A *click* is one ``GET /api/replay`` with one more seat
changed (every seat in turn, cycling yes -> no -> abstain -> absent), on the 15-seat Council
(S/2016/1026 under its own rule) and on a 25-seat reform council (the same vote under
``g4-2005``, the new seats abstaining). For each, the server time (the API function, parse
to JSON) and the HTTP round trip over a kept-alive connection are reported at the median
and the 95th percentile. The page load is the requests a browser makes (``/``, ``app.js``,
``style.css``, ``/api/meta``, ``/api/replay``) and, where Debian's Chromium and selenium are
present, the time from navigation to the first drawn answer in headless Chromium.

Targets (``--strict`` exits 1 when one is missed): a click under 50 ms of server time at the
95th percentile for 15 and 25 seats; the page loaded in under 1 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from typing import Any

from simulate.explore.api import Explorer, State
from simulate.explore.server import ExplorerServer, make_server

CYCLE = ["yes", "no", "abstain", "absent"]
CLICK_TARGET = 0.050
LOAD_TARGET = 1.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def click_states(explorer: Explorer, base: State, clicks: int) -> list[State]:
    """States after 1, 2, ... clicks: every seat in turn moves one step along the cycle."""
    answer = explorer.replay(base)
    seats = [s for s in answer["seats"] if not s["new"]]
    sets: dict[str, str] = {}
    news: dict[str, str] = dict(base.new)
    out = []
    for i in range(clicks):
        seat = answer["seats"][i % len(answer["seats"])]
        name = seat["name"]
        current = (news if seat["new"] else sets).get(name) or seat["ballot"]
        nxt = CYCLE[(CYCLE.index(current) + 1) % 4]
        (news if seat["new"] else sets)[name] = nxt
        out.append(State(base.scenario, base.rule, base.whatifs, tuple(sets.items()), tuple(news.items())))
    assert seats
    return out


def measure_clicks(explorer: Explorer, server: ExplorerServer, base: State, clicks: int) -> dict[str, Any]:
    states = click_states(explorer, base, clicks)
    server_times = []
    for state in states:
        query = state.query()
        t = time.perf_counter()
        explorer.replay(explorer.parse(query))
        server_times.append(time.perf_counter() - t)
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
    round_trips = []
    for state in states:
        t = time.perf_counter()
        conn.request("GET", "/api/replay?" + state.query())
        response = conn.getresponse()
        body = response.read()
        round_trips.append(time.perf_counter() - t)
        assert response.status == 200, body[:200]
    conn.close()
    seats = len(explorer.replay(base)["seats"])
    return {
        "seats": seats,
        "clicks": clicks,
        "server_p50_ms": 1000 * statistics.median(server_times),
        "server_p95_ms": 1000 * percentile(server_times, 0.95),
        "http_p50_ms": 1000 * statistics.median(round_trips),
        "http_p95_ms": 1000 * percentile(round_trips, 0.95),
    }


def measure_load(server: ExplorerServer, repeats: int) -> dict[str, Any]:
    paths = ["/", "/app.js", "/style.css", "/api/meta", "/api/replay?scenario=S%2F2016%2F1026"]
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
        for path in paths:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, path
        conn.close()
        times.append(time.perf_counter() - t)
    return {"requests": len(paths), "p50_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times)}


def measure_browser(server: ExplorerServer, repeats: int) -> dict[str, Any] | str:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return "selenium is not installed"
    if not chromium or not driver_path:
        return "no chromium / chromedriver"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,720",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='unsc-bench-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    times = []
    try:
        for _ in range(repeats):
            driver.get(server.url + "?scenario=S%2F2016%2F1026")
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready"))
            times.append(driver.execute_script("return performance.now()") / 1000)
    finally:
        driver.quit()
    return {"loads": repeats, "p50_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=200, help="clicks per council (default 200)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--no-browser", action="store_true", help="skip the page load in Chromium")
    args = parser.parse_args(argv)

    explorer = Explorer.from_command_line(["S/2016/1026"])
    server = make_server(explorer, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        explorer.replay(explorer.parse("scenario=S/2016/1026"))  # warm the caches (scenario files, rules)
        clicks = [
            measure_clicks(explorer, server, State("S/2016/1026"), args.clicks),
            measure_clicks(explorer, server, State("S/2016/1026", "g4-2005", new=(("all", "abstain"),)), args.clicks),
        ]
        load = measure_load(server, 20)
        browser = "skipped" if args.no_browser else measure_browser(server, 5)
    finally:
        server.shutdown()
        server.server_close()

    missed = [
        f"{c['seats']} seats: {c['server_p95_ms']:.1f} ms" for c in clicks if c["server_p95_ms"] > 1000 * CLICK_TARGET
    ]
    loads = [load["max_ms"]] + ([browser["max_ms"]] if isinstance(browser, dict) else [])
    missed += [f"page load {t:.0f} ms" for t in loads if t > 1000 * LOAD_TARGET]
    report = {"clicks": clicks, "page_load_http": load, "page_load_chromium": browser, "missed": missed}
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        print(f"A click's round trip ({args.clicks} clicks per council; target: server p95 < 50 ms)")
        print(f"  {'seats':>5}  {'server p50':>10}  {'server p95':>10}  {'HTTP p50':>9}  {'HTTP p95':>9}")
        for c in clicks:
            print(f"  {c['seats']:>5}  {c['server_p50_ms']:>7.1f} ms  {c['server_p95_ms']:>7.1f} ms  "
                  f"{c['http_p50_ms']:>6.1f} ms  {c['http_p95_ms']:>6.1f} ms")
        print(f"Page load over HTTP ({load['requests']} requests): median {load['p50_ms']:.1f} ms, "
              f"max {load['max_ms']:.1f} ms (target < 1 s)")
        if isinstance(browser, dict):
            print(f"Page load in headless Chromium (navigation to the first drawn answer): "
                  f"median {browser['p50_ms']:.0f} ms, max {browser['max_ms']:.0f} ms")
        else:
            print(f"Page load in Chromium: {browser}")
        print("All targets met." if not missed else "Missed: " + "; ".join(missed))
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
