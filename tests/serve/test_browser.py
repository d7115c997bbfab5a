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
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from stored import district_store, sample_store

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


@contextmanager
def serving(path: Path) -> Iterator[str]:
    """Serve the store at `path` on a free local port; yield its address."""
    import uvicorn

    from dyad.serve.api import create_app

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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "sample.duckdb"
    sample_store(path).close()
    with serving(path) as address:
        yield address


@pytest.fixture(scope="module")
def district_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "districts.duckdb"
    district_store(path).close()
    with serving(path) as address:
        yield address


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
    assert shown and len(css(browser, "#network-chart .edge")) == len(expected)
    browser.save_screenshot(str(SHOTS / "network.png"))


def test_browser_map_has_outlines_and_points(server: str, browser: Any) -> None:
    open_view(browser, server + "/#map?factuality=all")
    assert len(css(browser, "#map-chart path.country")) > 150
    provinces = css(browser, "#map-chart g.provinces path.province")
    afghan = {
        p.get_attribute("data-name") for p in provinces if p.get_attribute("data-iso3") == "AFG"
    }
    assert len(afghan) >= 30 and {"Hilmand", "Kandahar", "Ghazni"} <= afghan  # Natural Earth
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


# ---- issue 17: the analyst's workbench ---------------------------------------------------


def page_text(browser: Any, selector: str) -> str:
    return " ".join(e.text for e in css(browser, selector))


@pytest.mark.issue(17)
def test_browser_timeline_shows_gaps_and_coverage_not_zeros(server: str, browser: Any) -> None:
    open_view(browser, server + "/#timeline?period=month&since=2019&until=2020")
    trend = api(server, "/api/trend?period=month&since=2019&until=2020")
    gaps = {g.get_attribute("data-period") for g in css(browser, "#timeline-chart rect.gap")}
    assert gaps and gaps == {r["period"] for r in trend if r["documents"] == 0}
    assert css(browser, "#timeline-chart polyline.coverage")
    bands = {
        r.get_attribute("data-period"): r.get_attribute("data-band")
        for r in css(browser, "#trend-table tbody tr")
    }
    assert all(bands[period] == "no coverage" for period in gaps)
    assert bands["2020-12"] == "partial period"
    assert not any("decrease" in band for period, band in bands.items() if period in gaps)
    # a gap's tooltip says whether events are dated in it all the same, and from where
    events = {r["period"]: r["events"] for r in trend}
    for gap in css(browser, "#timeline-chart rect.gap"):
        title = gap.find_element("css selector", "title").get_attribute("textContent")
        dated = events[gap.get_attribute("data-period")]
        assert ("documents of other periods" in title) == bool(dated), title
    browser.save_screenshot(str(SHOTS / "timeline_coverage.png"))


@pytest.mark.issue(17)
def test_browser_events_view_downloads_the_view_as_csv(server: str, browser: Any) -> None:
    import csv
    import io

    open_view(browser, server + "/#events?code=19&factuality=all")
    link = css(browser, "#download-csv")[0].get_attribute("href")
    assert "/api/events.csv?" in link and "code=19" in link
    with urllib.request.urlopen(link) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    summary = api(server, "/api/summary?code=19&factuality=all")
    assert len(rows) == summary["events"] and all(r["EventRootCode"] == "19" for r in rows)
    assert css(browser, "#download-parquet")
    labels = page_text(browser, "#events-table td.cameo")
    assert "Use conventional military force" in labels or "military" in labels.lower()
    browser.save_screenshot(str(SHOTS / "events_download.png"))


@pytest.mark.issue(17)
def test_browser_dyads_view_sorts_and_opens_events(server: str, browser: Any) -> None:
    open_view(browser, server + "/#dyads")
    dyads = api(server, "/api/dyads?limit=100")
    rows = css(browser, "#dyads-table tbody tr")
    assert [r.get_attribute("data-dyad") for r in rows] == [
        d["source"] + "-" + d["target"] for d in dyads
    ]
    heading = [h for h in css(browser, "#dyads-table th") if h.text == "Conflict share"][0]
    heading.click()
    shares = [int(r.find_elements("css selector", "td")[5].text.rstrip(" %")) for r in rows[:0]]
    shares = [
        int(r.find_elements("css selector", "td")[5].text.rstrip(" %"))
        for r in css(browser, "#dyads-table tbody tr")
    ]
    assert shares == sorted(shares)
    browser.save_screenshot(str(SHOTS / "dyads.png"))


@pytest.mark.issue(17)
def test_browser_facets_filter_on_click_and_apply_keeps_quad_and_period(
    server: str, browser: Any
) -> None:
    open_view(browser, server + "/#events?quad=4")
    facet = css(browser, "#facets [data-facet=code] a")[0]
    code = facet.get_attribute("data-value")
    facet.click()
    wait_ready(browser)
    assert f"code={code}" in browser.current_url and "quad=4" in browser.current_url
    assert all(c.get_attribute("data-code").startswith(code) for c in css(browser, "td.cameo"))
    open_view(browser, server + "/#timeline?period=month&quad=4")
    field = css(browser, "#filters input[name=since]")[0]
    field.send_keys("2019")
    field.submit()
    wait_ready(browser)
    assert "period=month" in browser.current_url and "quad=4" in browser.current_url
    assert "since=2019" in browser.current_url


@pytest.mark.issue(17)
def test_browser_an_error_clears_the_previous_totals(server: str, browser: Any) -> None:
    open_view(browser, server + "/#events")
    assert css(browser, "#totals")[0].text
    open_view(browser, server + "/#events?since=someday")
    assert "since" in css(browser, "#error")[0].text
    assert css(browser, "#totals")[0].text == ""


@pytest.mark.issue(17)
def test_browser_document_view_counts_events_and_shows_actor_words(
    server: str, browser: Any
) -> None:
    event = api(server, "/api/events?limit=1")[0]
    from urllib.parse import urlencode

    query = urlencode({"id": event["doc_id"], "event": event["event_id"]})
    open_view(browser, server + "/#document?" + query)
    assert not css(browser, "#error")[0].text
    meta = css(browser, "#doc-meta")[0].text
    assert "[object Object]" not in meta and meta.endswith((" event", " events"))
    assert "/" not in meta.split(" · ")[1] or meta.split(" · ")[1].startswith("http")
    words = page_text(browser, "#doc-events .actor-words")
    assert event["source_text"] in words


@pytest.mark.issue(17)
def test_browser_rejections_view_lists_the_stored_rejections(server: str, browser: Any) -> None:
    open_view(browser, server + "/#rejections")
    stored = api(server, "/api/rejections")
    rows = css(browser, "#rejections-table tbody tr")
    assert len(rows) == len(stored) or css(browser, "main .empty")


@pytest.mark.issue(17)
def test_browser_map_fits_the_events_zooms_and_pans(server: str, browser: Any) -> None:
    open_view(browser, server + "/#map?place=Iraq&factuality=all")
    chart = css(browser, "#map-chart")[0]
    assert float(chart.get_attribute("data-zoom")) > 2  # fitted to Iraq, not the world
    points = css(browser, "#map-chart circle.point")
    places = api(server, "/api/places?place=Iraq&factuality=all")
    assert len(points) == len(places) > 1
    spots = {(p.get_attribute("cx"), p.get_attribute("cy")) for p in points}
    assert len(spots) == len(points)  # no two places collapse into one blob
    browser.save_screenshot(str(SHOTS / "map_fitted.png"))
    before = browser.execute_script("return arguments[0].getAttribute('viewBox')", chart)
    css(browser, "#zoom-in")[0].click()
    assert browser.execute_script("return arguments[0].getAttribute('viewBox')", chart) != before
    css(browser, "#zoom-world")[0].click()
    assert browser.execute_script("return arguments[0].getAttribute('viewBox')", chart).startswith(
        "0.00 0.00"
    )


@pytest.mark.issue(17)
def test_browser_country_network_draws_within_country_loops(server: str, browser: Any) -> None:
    open_view(browser, server + "/#network?level=country")
    network = api(server, "/api/network?level=country")
    loops = [e for e in network["edges"] if e["source"] == e["target"]]
    assert loops and css(browser, "#network-chart path.edge.loop")
    assert "countrys" not in browser.page_source
    assert "drawn as loops" in css(browser, "#network-note")[0].text
    browser.save_screenshot(str(SHOTS / "network_country.png"))


@pytest.mark.issue(17)
def test_browser_district_filter_narrows_the_map_to_its_province(
    district_server: str, browser: Any
) -> None:
    open_view(browser, district_server + "/#map")
    points = {p.get_attribute("data-place"): p for p in css(browser, "#map-chart circle.point")}
    assert points["Helmand"].get_attribute("data-districts") == "Sangin"
    assert points["Helmand"].get_attribute("data-events") == "8"  # its 5 and Sangin's 3
    assert "Sangin" not in points  # a district has no point of its own
    outline = css(browser, "#map-chart path.province[data-iso3='AFG']")[0]
    assert outline.value_of_css_property("fill") == "none"  # light lines under the points
    field = css(browser, "#filters input[name=district]")[0]
    field.send_keys("Sangin")
    field.submit()
    wait_ready(browser)
    assert "district=Sangin" in browser.current_url
    shown = css(browser, "#map-chart circle.point")
    assert [(p.get_attribute("data-place"), p.get_attribute("data-events")) for p in shown] == [
        ("Helmand", "3")
    ]
    assert "district Sangin" in css(browser, "#view h2")[0].text
    browser.save_screenshot(str(SHOTS / "map_district.png"))
    open_view(browser, district_server + "/#events?district=Ghazni")
    facet = css(browser, "#facets section[data-facet=district]")[0].text
    assert "Ghazni" in facet and "Sangin" not in facet
    rows = css(browser, "#view table tbody tr")
    assert len(rows) == 2  # Ghazni district only: not the city's 4 nor the province's 1
