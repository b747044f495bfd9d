"""The web page in Debian's headless Chromium, served by a real `warta serve` on loopback.

Loads the page, applies a filter, opens an event from the keyboard and checks that the evidence
sentence and its fields are highlighted at their offsets; screenshots go to tests/artifacts/
(set WARTA_UPDATE_SCREENSHOT=1 to also refresh docs/screenshot.png). Skips when Chromium is absent,
unless CI=true (then it fails: .ci/browser.sh installs it).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from api_fixtures import build_store

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"


def need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"missing {', '.join(missing)}; .ci/browser.sh installs Chromium")
        pytest.skip(f"missing {', '.join(missing)}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
        return json.load(response)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    need_browser()
    db = build_store(tmp_path_factory.mktemp("browser") / "events.db")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch_json(f"{base}/meta")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"warta serve did not start: {proc.stderr.read().decode()}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="warta-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, predicate, timeout: float = 15.0):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: predicate(d))


def rows(driver):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, "#events-body tr.event-row")


def severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def test_browser_filter_open_event_and_highlight(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    wait_for(browser, lambda d: len(rows(d)) == 16)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#map path.country.has-events"))
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect.bar-conflict"))
    page_shot = screenshot(browser, "browser-page.png")
    if os.environ.get("WARTA_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(page_shot, REPO / "docs" / "screenshot.png")

    # Filter: conflict events of type ASSAULT involving Armenia.
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#f-country option[value='ARM']"))
    Select(browser.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    Select(browser.find_element(By.ID, "f-country")).select_by_value("ARM")
    browser.find_element(By.ID, "apply").click()
    wait_for(browser, lambda d: len(rows(d)) == 2)
    assert "type=ASSAULT" in browser.current_url and "country=ARM" in browser.current_url
    assert all(r.find_element(By.CSS_SELECTOR, ".chip").text == "ASSAULT" for r in rows(browser))

    # The map zooms to the filtered events and back.
    zoom = browser.find_element(By.ID, "zoom")
    zoom.click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#map svg.zoomed path.country.has-events"))
    assert zoom.get_attribute("aria-pressed") == "true"
    zoom.click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#map svg:not(.zoomed)"))

    # Open the first event from the keyboard.
    first = rows(browser)[0]
    event_id = first.get_attribute("data-event-id")
    first.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail[open] .article-text mark.hl-evidence"))
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .sources li"))
    event = fetch_json(f"{server}/events/{event_id}")

    marks = browser.find_elements(By.CSS_SELECTOR, "#detail .article-text mark.hl-evidence")
    shown = [m.get_attribute("textContent") for m in marks]
    expected = [event["evidence"]["text"]] + [m["text"] for m in event["evidence"].get("more", [])]
    assert sorted(shown) == sorted(expected)
    for name, span in event["evidence"]["fields"].items():
        fields = browser.find_elements(By.CSS_SELECTOR, f"#detail .article-text mark.hl-field.hl-{name}")
        assert span["text"] in [f.get_attribute("textContent") for f in fields], name
    assert browser.find_elements(By.CSS_SELECTOR, "#detail .article-text mark.hl-field.hl-figure")
    sources = browser.find_elements(By.CSS_SELECTOR, "#detail .sources li")
    assert len(sources) == len(event["sources"]) == 2
    assert browser.switch_to.active_element.get_attribute("class") == "close"
    screenshot(browser, "browser-event.png")

    # Another source of the cluster opens with its own evidence marked.
    other = next(s for s in event["sources"] if s["article_id"] != event["article_id"])
    button = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#detail .sources button")
                  if other["title"] in b.text)
    button.click()
    wait_for(browser, lambda d: other["title"] in d.find_element(By.ID, "article-title").text)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .article-text mark.hl-evidence"))

    # Escape closes the dialog and gives focus back to the row.
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_for(browser, lambda d: d.find_element(By.ID, "detail").get_attribute("open") is None)
    assert browser.switch_to.active_element.get_attribute("data-event-id") == event_id

    origin = server
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(origin) for r in resources), resources
    assert severe_logs(browser) == []


def test_browser_phone_width_and_docs(server, browser):
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    browser.get(server + "/?type=CONSULT")
    wait_for(browser, lambda d: len(rows(d)) == 6)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide at phone width"
    assert not rows(browser)[0].find_element(By.CSS_SELECTOR, ".c-evidence").is_displayed()
    screenshot(browser, "browser-phone.png")
    browser.set_window_size(1400, 1000)

    browser.get(server + "/docs")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#swagger-ui .opblock"))
    assert "warta" in browser.find_element(By.CSS_SELECTOR, "#swagger-ui .title").text
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(r.startswith(server) for r in resources), resources
    assert severe_logs(browser) == []
