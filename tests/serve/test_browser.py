"""The dashboard in a real browser: Debian's chromium driven by selenium over a live server.

Skipped, with the reason shown, when chromium or chromedriver is missing (`make test`
installs them with apt where it can). Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stored import sample_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
WAIT = 60.0

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER),
        reason="chromium and chromedriver are not installed "
        "(apt-get install chromium chromium-driver; `make test` does it where apt works)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from dyad.serve.api import create_app

    path = tmp_path_factory.mktemp("browser") / "sample.duckdb"
    sample_store(path).close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(path), host="127.0.0.1", port=port, log_level="warning", ws="none"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,800")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(server + path) as response:
        return json.load(response)["data"]


def open_view(browser: Any, url: str) -> None:
    browser.get(url)
    wait_ready(browser)


def wait_ready(browser: Any) -> None:
    """Wait until the view of the current URL is rendered.

    A click changes the URL before the router runs ("hashchange"), so "ready" alone may
    still describe the previous view; the page records which route it rendered.
    """
    from selenium.webdriver.support.ui import WebDriverWait

    rendered = (
        "return document.body.dataset.state === 'ready'"
        " && document.body.dataset.rendered === location.hash"
    )
    WebDriverWait(browser, WAIT).until(lambda b: b.execute_script(rendered))


def css(browser: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(browser.find_elements(By.CSS_SELECTOR, selector))


def test_browser_timeline_bars_hold_the_trend_and_open_their_events(
    server: str, browser: Any
) -> None:
    open_view(browser, server + "/#timeline?period=quarter")
    bars = css(browser, "#timeline-chart rect.bar")
    trend = api(server, "/api/trend?period=quarter")
    assert sum(int(b.get_attribute("data-count")) for b in bars) == sum(r["events"] for r in trend)
    browser.save_screenshot(str(SHOTS / "timeline.png"))
    biggest = max(bars, key=lambda b: int(b.get_attribute("data-count")))
    quad, count = biggest.get_attribute("data-quad"), int(biggest.get_attribute("data-count"))
    biggest.find_element("xpath", "..").click()
    wait_ready(browser)
    rows = css(browser, "#events-table tbody tr")
    assert len(rows) == min(count, 50)
    assert {r.find_element("css selector", ".quad").text for r in rows} == {quad}
    browser.save_screenshot(str(SHOTS / "events_from_bar.png"))
    rows[0].find_element("css selector", "td.sentence a").click()
    wait_ready(browser)
    chosen = css(browser, "#doc-events li.chosen")
    assert len(chosen) == 1
    assert chosen[0].find_element("css selector", ".factuality").text
    assert chosen[0].find_element("css selector", ".rule").text.startswith("dyad.")
    assert css(browser, "#doc-text mark.chosen")
    browser.save_screenshot(str(SHOTS / "document.png"))


def test_browser_network_draws_every_edge_between_shown_nodes(server: str, browser: Any) -> None:
    open_view(browser, server + "/#network")
    network = api(server, "/api/network")
    shown = {c.get_attribute("data-node") for c in css(browser, "#network-chart circle")}
    expected = [e for e in network["edges"] if {e["source"], e["target"]} <= shown]
    assert shown and len(css(browser, "#network-chart line.edge")) == len(expected)
    browser.save_screenshot(str(SHOTS / "network.png"))


def test_browser_map_has_outlines_and_points(server: str, browser: Any) -> None:
    open_view(browser, server + "/#map?factuality=all")
    assert len(css(browser, "#map-chart path.country")) > 150
    points = css(browser, "#map-chart circle.point")
    assert points
    total = sum(int(p.get_attribute("data-events")) for p in points)
    assert 0 < total <= sum(p["events"] for p in api(server, "/api/places?factuality=all"))
    browser.save_screenshot(str(SHOTS / "map.png"))


def test_browser_events_table_filters_by_actor_from_the_form(server: str, browser: Any) -> None:
    open_view(browser, server + "/#events")
    field = css(browser, "#filters input[name=actor]")[0]
    field.send_keys("IRQ")
    field.submit()
    wait_ready(browser)
    rows = css(browser, "#events-table tbody tr")
    assert len(rows) == min(50, len(api(server, "/api/events?actor=IRQ&limit=500")))
    for row in rows:
        cells = [c.text for c in row.find_elements("css selector", "td")]
        assert "IRQ" in (cells[1][:3], cells[2][:3])
    browser.save_screenshot(str(SHOTS / "events_filtered.png"))


def test_browser_keyboard_enter_on_a_chart_point_opens_its_events(
    server: str, browser: Any
) -> None:
    from selenium.webdriver.common.keys import Keys

    open_view(browser, server + "/#network")
    edge = css(browser, "#network-chart a")[0]
    browser.execute_script("arguments[0].focus()", edge)
    edge.send_keys(Keys.ENTER)
    wait_ready(browser)
    assert browser.current_url.split("#")[1].startswith("events?")
    assert css(browser, "#events-table tbody tr")


def test_browser_pasted_text_shows_its_events(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    open_view(browser, server + "/#code")
    css(browser, "#code-text")[0].send_keys(
        "Iraqi troops attacked Iranian forces near Basra on Tuesday. "
        "The Iraqi government praised Turkey for its help."
    )
    css(browser, "#code-date")[0].send_keys("2008-03-25")
    css(browser, "#code-form button")[0].click()
    WebDriverWait(browser, WAIT).until(
        lambda b: css(b, "#code-table tbody tr, #code-result .empty")
    )
    assert css(browser, "#code-table tbody tr")
    browser.save_screenshot(str(SHOTS / "code.png"))


def test_browser_empty_state_when_nothing_matches(server: str, browser: Any) -> None:
    open_view(browser, server + "/#events?code=1999")
    assert "No events match" in css(browser, "main .empty")[0].text
