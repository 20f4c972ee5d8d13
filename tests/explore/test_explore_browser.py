"""The explorer in a real browser: Debian's Chromium driven by Selenium (never a downloaded browser).

One server and one browser for the module. Skipped, in one line, where Chromium, chromedriver or
selenium is missing; ``UNSC_BROWSER_TESTS=required`` (set by ``.ci/run``) makes that a failure.
Screenshots go to ``$UNSC_SCREENSHOTS`` (default: a folder under the system's temporary folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulate.explore.api import Explorer
from simulate.explore.server import ExplorerServer

CHROMIUM = os.environ.get("UNSC_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = os.environ.get("UNSC_CHROMEDRIVER") or shutil.which("chromedriver")
try:
    import selenium
except ImportError:
    selenium = None

_NEEDED = (("chromium", CHROMIUM), ("chromedriver", DRIVER), ("selenium", selenium))
_MISSING = [what for what, found in _NEEDED if not found]
if _MISSING:
    _WHY = (
        f"browser tests skipped: no {', '.join(_MISSING)}; to run them install Debian's chromium and "
        "chromium-driver (apt-get install chromium chromium-driver) and `pip install -e '.[test]'`"
    )
    if os.environ.get("UNSC_BROWSER_TESTS") == "required":
        pytest.fail(_WHY.replace("skipped", "required (UNSC_BROWSER_TESTS=required)"), pytrace=False)
    pytest.skip(_WHY, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SHOTS = Path(os.environ.get("UNSC_SCREENSHOTS") or Path(tempfile.gettempdir()) / "unsc-explore-screenshots")
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    "--hide-scrollbars", "--window-size=1280,720",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_window_size(1280, 720)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def url(live_server: ExplorerServer) -> str:
    return live_server.url


def wait(driver: WebDriver) -> WebDriverWait:
    """Up to 15 s, looking every 0.1 s (Selenium's default, 0.5 s, idled after most clicks; more often costs Chromium more work)."""
    return WebDriverWait(driver, 15, poll_frequency=0.1)


def settle(driver: WebDriver, before: str | None = None) -> None:
    """Wait until the page has drawn the answer to its latest request (and to a newer one than ``before``)."""

    def done(d: WebDriver) -> bool:
        pending, ready = d.execute_script("return [document.body.dataset.pending, document.body.dataset.ready]")
        return ready is not None and ready == pending and (before is None or int(ready) > int(before))

    wait(driver).until(done)


def mark(driver: WebDriver) -> str | None:
    return driver.execute_script("return document.body.dataset.ready || null")


def screenshot(driver: WebDriver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
    driver.save_screenshot(str(SHOTS / name))


def open_page(driver: WebDriver, url: str, query: str = "") -> None:
    driver.get(url + (f"?{query}" if query else ""))
    settle(driver)


def reason(driver: WebDriver) -> str:
    return driver.find_element(By.ID, "reason").text


def seat(driver: WebDriver, name: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'.panel.now [data-seat="{name}"]')


def click_seat(driver: WebDriver, name: str) -> None:
    before = mark(driver)
    seat(driver, name).find_element(By.CSS_SELECTOR, ".shape").click()  # where a person clicks
    settle(driver, before)


def vetoes(driver: WebDriver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('.panel.now .seat')].filter(g => g.querySelector('.vetotag'))"
        ".map(g => g.dataset.seat)"
    )


def test_the_teachers_walk_through(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026")
    assert reason(browser) == (
        "Not adopted: 11 votes in favour (9 required), but vetoed by China and the Russian Federation."
    )
    assert vetoes(browser) == ["China", "Russian Federation"]

    click_seat(browser, "China")  # no -> abstain
    assert seat(browser, "China").get_attribute("data-ballot") == "abstain"
    assert reason(browser) == "Not adopted: 11 votes in favour (9 required), but vetoed by the Russian Federation."
    assert vetoes(browser) == ["Russian Federation"]

    click_seat(browser, "Russian Federation")
    assert reason(browser).startswith("Adopted: 11 votes in favour (9 required)")
    assert browser.find_element(By.ID, "headline").text.startswith("✓ Adopted")
    assert "set=China%3Dabstain" in browser.current_url and "set=Russian+Federation%3Dabstain" in browser.current_url

    before = mark(browser)
    browser.find_element(By.ID, "reset").click()
    settle(browser, before)
    before = mark(browser)
    Select(browser.find_element(By.ID, "rule")).select_by_value("two-vetoes")
    settle(browser, before)
    assert "rule=two-vetoes" in browser.current_url
    assert reason(browser).endswith("vetoed by China and the Russian Federation.")
    click_seat(browser, "China")
    assert reason(browser) == (
        "Adopted: 11 votes in favour (9 required); the Russian Federation voted against, "
        "but 2 permanent negative votes are needed to block under two-vetoes."
    )
    screenshot(browser, "explore-1280x720.png")


def test_the_url_carries_the_state(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026&whatif=china-abstains-again")
    assert reason(browser).endswith("vetoed by the Russian Federation.")
    box = browser.find_element(By.CSS_SELECTOR, '#whatiflist input[value="china-abstains-again"]')
    assert box.is_selected()
    click_seat(browser, "Russian Federation")
    shared = browser.current_url
    browser.refresh()
    settle(browser)
    assert browser.current_url == shared
    assert reason(browser).startswith("Adopted")
    assert browser.find_element(By.CSS_SELECTOR, '#whatiflist input[value="china-abstains-again"]').is_selected()
    before = mark(browser)
    browser.find_element(By.CSS_SELECTOR, '#whatiflist input[value="china-abstains-again"]').click()
    settle(browser, before)
    assert "whatif=" not in browser.current_url
    assert reason(browser).endswith("vetoed by China.")


def test_the_keyboard_cycles_a_seat(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026")
    browser.execute_script("document.activeElement.blur()")
    focused = None
    for _ in range(40):  # Tab from the top of the page, through the menus and buttons, to the first seat
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused = browser.execute_script("return document.activeElement.dataset.seat || null")
        if focused:
            break
    assert focused, "Tab never reached a seat"
    ballots = [seat(browser, focused).get_attribute("data-ballot")]
    for key in (Keys.ENTER, Keys.SPACE, Keys.ENTER, Keys.SPACE):
        before = mark(browser)
        ActionChains(browser).send_keys(key).perform()
        settle(browser, before)
        assert browser.switch_to.active_element.get_attribute("data-seat") == focused  # focus stays on the seat
        ballots.append(seat(browser, focused).get_attribute("data-ballot"))
    cycle = ["yes", "no", "abstain", "absent"]
    start = cycle.index(ballots[0])
    assert ballots == [cycle[(start + i) % 4] for i in range(5)]


def test_what_would_it_take_and_compare(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026")
    browser.find_element(By.ID, "flipsbtn").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "flips").get_attribute("data-ready"))
    flips = browser.find_element(By.ID, "flips").text
    assert "China: no → abstain; Russian Federation: no → abstain" in flips
    assert "panel=flips" in browser.current_url
    before = mark(browser)
    browser.find_element(By.CSS_SELECTOR, "#flips li button").click()
    settle(browser, before)
    assert reason(browser).startswith("Adopted")

    before = mark(browser)
    browser.find_element(By.ID, "compare").click()
    settle(browser, before)
    panels = browser.find_elements(By.CSS_SELECTOR, ".panel h2")
    assert [p.text for p in panels] == ["As voted", "Now"]
    assert browser.find_element(By.CSS_SELECTOR, ".panel.before .sub").text.startswith("Not adopted: vetoed by China")
    assert "view=compare" in browser.current_url
    screenshot(browser, "explore-compare-1280x720.png")


def test_export_links_give_the_figures(browser: WebDriver, url: str, explorer: Explorer) -> None:
    """The links carry the page's state; the API test checks the figure against `unsc plot`."""
    open_page(browser, url, "scenario=S/2016/1026&set=China=abstain")
    svg = browser.find_element(By.ID, "svg").get_attribute("href")
    assert svg == url + "api/export?scenario=S%2F2016%2F1026&set=China%3Dabstain&format=svg"
    href = browser.find_element(By.ID, "png").get_attribute("href")
    with urllib.request.urlopen(href, timeout=60) as response:
        data = response.read()
        assert response.headers["Content-Disposition"] == 'attachment; filename="S-2016-1026-explore-table.png"'
    assert data == explorer.export(explorer.parse("scenario=S/2016/1026&set=China=abstain"), "png")[0]


def test_a_reform_rule_adds_clickable_seats(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026")
    before = mark(browser)
    Select(browser.find_element(By.ID, "rule")).select_by_value("g4-2005")
    settle(browser, before)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".panel.now .seat")) == 25
    assert browser.find_element(By.ID, "newseats").is_displayed()
    assert "new=all%3Dabstain" in browser.current_url  # the stated default, in the URL too
    assert reason(browser).startswith("Not adopted: only 11 votes in favour, 3 short of the 14 required; not a veto")
    click_seat(browser, "New elected seat 1")  # abstain -> absent
    assert seat(browser, "New elected seat 1").get_attribute("data-ballot") == "absent"
    before = mark(browser)
    Select(browser.find_element(By.ID, "newall")).select_by_value("yes")
    settle(browser, before)
    assert reason(browser).endswith("but vetoed by China and the Russian Federation.")
    browser.find_element(By.ID, "flipsbtn").click()  # seconds of work on 25 seats: only when asked
    wait(browser).until(lambda d: d.find_elements(By.ID, "workitout"))
    screenshot(browser, "explore-g4-1280x720.png")


def test_a_bad_link_says_what_is_wrong(browser: WebDriver, url: str) -> None:
    open_page(browser, url, "scenario=S/2016/1026&set=China=maybe")
    error = browser.find_element(By.ID, "error")
    assert error.is_displayed() and "unknown ballot 'maybe'" in error.text
    before = mark(browser)
    browser.find_element(By.ID, "reset").click()
    settle(browser, before)
    assert not error.is_displayed()


def test_phone_width(browser: WebDriver, url: str) -> None:
    browser.set_window_size(390, 844)
    try:
        open_page(browser, url, "scenario=S/2016/1026&set=China=abstain")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        click_seat(browser, "Russian Federation")
        assert reason(browser).startswith("Adopted")
        screenshot(browser, "explore-phone-390.png")
    finally:
        browser.set_window_size(1280, 720)
