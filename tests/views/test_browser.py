"""The site in a real browser: headless Chromium (Debian) driven by Selenium loads the encounter list,
filters it, clicks through to an encounter, runs saved queries against ``kg serve``'s endpoint, and keeps
screenshots (checked for not being blank) in the test's tmp dir."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.query.saved import catalogue
from kg.views.site import write_site
from tests.views.browser import CHROMEDRIVER, CHROMIUM, FLAGS, ensure_chromium
from tests.views.servers import site_server

webdriver = pytest.importorskip("selenium.webdriver")
WAIT = 60  # seconds: a ceiling for slow machines, not a timing assertion


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    reason = ensure_chromium()
    if reason:
        pytest.skip(reason)
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def base_url(sample_store, tmp_path_factory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("browser-site")
    write_site(sample_store, site, queries=catalogue())
    with site_server(site, sample_store) as url:
        yield url


def _wait(browser, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, WAIT).until(condition)


def _screenshot(browser, path: Path) -> None:
    import numpy
    from PIL import Image

    png = browser.get_screenshot_as_png()
    path.write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("L")
    assert float(numpy.asarray(image).std()) > 10, f"blank screenshot: {path}"


def test_click_through_and_run_saved_queries(driver, base_url: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser = driver
    browser.get(base_url + "index.html")
    rows = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#encounters tr.encounter"))
    assert len(rows) == 2
    Select(browser.find_element(By.ID, "f-country")).select_by_value("IRN")
    _wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#encounters tr.encounter")) == 1)
    assert "1 of 2" in browser.find_element(By.ID, "count").text
    _screenshot(browser, tmp_path / "list.png")

    browser.find_element(By.CSS_SELECTOR, "#encounters tr.encounter a").click()
    _wait(browser, lambda b: "encounters/" in b.current_url)
    assert "Xi Jinping" in browser.find_element(By.TAG_NAME, "h1").text
    edges = browser.find_elements(By.CSS_SELECTOR, "svg a.edge")
    assert edges and browser.find_elements(By.CSS_SELECTOR, "section.fact blockquote")
    browser.get(browser.current_url.split("#")[0] + "#fact-2")
    assert browser.find_element(By.ID, "fact-2").is_displayed()
    _screenshot(browser, tmp_path / "encounter.png")

    browser.get(base_url + "queries.html")
    section = _wait(browser, lambda b: b.find_element(By.ID, "query-calls-with"))
    section.find_element(By.NAME, "actor").send_keys("Putin")
    section.find_element(By.CSS_SELECTOR, "button.run").click()
    _wait(browser, lambda b: section.find_elements(By.CSS_SELECTOR, ".output table tbody tr")
          or "error" in section.find_element(By.CSS_SELECTOR, ".output").text)
    assert "error" not in section.find_element(By.CSS_SELECTOR, ".output").text
    cells = [c.text for c in section.find_elements(By.CSS_SELECTOR, ".output tbody td")]
    assert any("vladimir-putin--xi-jinping" in c for c in cells)

    hostile = browser.find_element(By.ID, "query-calls-with")  # a quote and a brace stay a string literal
    hostile.find_element(By.NAME, "actor").clear()
    hostile.find_element(By.NAME, "actor").send_keys('x" } } DELETE WHERE { ?s ?p ?o } #')
    hostile.find_element(By.CSS_SELECTOR, "button.run").click()
    _wait(browser, lambda b: "row(s)" in hostile.find_element(By.CSS_SELECTOR, ".output").text
          or "error" in hostile.find_element(By.CSS_SELECTOR, ".output").text)
    assert "0 row(s)" in hostile.find_element(By.CSS_SELECTOR, ".output").text
    _screenshot(browser, tmp_path / "queries.png")
    print(f"screenshots kept in {tmp_path}")
