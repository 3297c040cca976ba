"""The site in a real browser: headless Chromium (Debian) driven by Selenium loads the encounter list,
filters it, clicks through to an encounter, runs saved queries against ``kg serve``'s endpoint, and keeps
screenshots (checked for not being blank) in the test's tmp dir; the list's dates stay on one line, no page
asks for a favicon; ``kg serve``'s own query page at ``/`` looks like the site, links to it and shows RDF
terms as terms."""

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
pytestmark = [pytest.mark.external, pytest.mark.slow]  # Chromium, driven by selenium
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
def site_dir(sample_store, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("browser-site")
    write_site(sample_store, site, queries=catalogue())
    return site


@pytest.fixture(scope="module")
def answered() -> list[tuple[str, int]]:
    """(path, status) of every request the site's static server answered."""
    return []


@pytest.fixture(scope="module")
def base_url(sample_store, site_dir: Path, answered: list[tuple[str, int]]) -> Iterator[str]:
    with site_server(site_dir, sample_store, answered) as url:
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


def _lines(browser, element) -> int:
    """How many lines the text of ``element`` takes on the screen."""
    return browser.execute_script(
        "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
        "return new Set(Array.from(r.getClientRects(), (x) => Math.round(x.top))).size;", element)


def test_dates_stay_on_one_line_and_no_favicon_is_asked_for(driver, base_url: str, answered, tmp_path) -> None:
    """Issue 16: a date cell wrapped at a hyphen ("2021-12-/07") in a narrow window; a year-only date looked
    like a day; the browser asked the server for /favicon.ico (a 404 from any server but kg serve). Now
    dates stay on one line, a year-only one says so, and every page carries its icon."""
    from selenium.webdriver.common.by import By

    browser = driver
    browser.set_window_size(360, 900)
    try:
        browser.get(base_url + "index.html")
        cells = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#encounters td.date"))
        assert len(cells) == 2 and all(_lines(browser, c) == 1 for c in cells), [c.text for c in cells]
        year = next(c for c in cells if c.text.startswith("2025"))  # a year-only date says so (issue 16)
        assert year.text == "2025 (year only)" and "imprecise" in year.get_attribute("class")
        assert "2025-01-01 to 2025-12-31" in year.get_attribute("title")
        _screenshot(browser, tmp_path / "narrow-list.png")
        browser.get(base_url + "timeline.html")
        cells = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "td.date"))
        assert cells and all(_lines(browser, c) == 1 for c in cells)
    finally:
        browser.set_window_size(1280, 1000)
    assert answered and not [a for a in answered if a[1] >= 400], answered
    icon = browser.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href")
    assert icon.startswith("data:image/svg+xml,")
    width = browser.execute_async_script(
        "const done = arguments[1]; const img = new Image(); img.onload = () => done(img.naturalWidth);"
        "img.onerror = () => done(-1); img.src = arguments[0];", icon)
    assert width > 0


def test_endpoint_page_looks_like_the_site_and_shows_terms(driver, sample_store, site_dir: Path, tmp_path) -> None:
    """Issue 16: the query page of ``kg serve`` was unstyled, showed "Joe Biden @en", its IRIs were not
    links and it did not link to the site served at /site/."""
    from selenium.webdriver.common.by import By

    from tests.views.servers import endpoint_server

    browser = driver
    header = "return getComputedStyle(document.querySelector('header')).backgroundColor"
    with endpoint_server(sample_store, site_dir) as url:
        browser.get(url + "site/index.html")
        site_header = browser.execute_script(header)
        browser.get(url)
        assert browser.execute_script(header) == site_header != "rgba(0, 0, 0, 0)"
        assert browser.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href").startswith("data:")
        query = ('SELECT ?topic ?label ?n WHERE { ?topic <http://www.w3.org/2000/01/rdf-schema#label> ?label '
                 'FILTER(lang(?label) = "en" && STRSTARTS(STR(?topic), "https://w3id.org/kg-diplomacy/id/topic/")) '
                 'BIND(42 AS ?n) } ORDER BY ?label LIMIT 3')
        browser.execute_script("document.getElementById('text').value = arguments[0]", query)
        browser.find_element(By.ID, "run").click()
        rows = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#results tbody tr")
                     or "error" in b.find_element(By.ID, "status").get_attribute("class"))
        assert len(rows) == 3, browser.find_element(By.ID, "status").text
        for row in rows:
            iri, label, number = row.find_elements(By.TAG_NAME, "td")
            link = iri.find_element(By.TAG_NAME, "a")
            assert link.get_attribute("href") == link.text and link.text.startswith("https://w3id.org/")
            tag = label.find_element(By.CSS_SELECTOR, "span.lang")
            assert tag.text == "en" and "@" not in label.text
            assert browser.execute_script("return arguments[0].firstChild.nodeValue", label) != ""
            assert number.text == "42" and number.get_attribute("title").endswith("#integer")
        _screenshot(browser, tmp_path / "endpoint.png")
        browser.find_element(By.CSS_SELECTOR, 'header a[href="/site/"]').click()
        _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#encounters tr.encounter"))
        assert browser.current_url == url + "site/"


def _handmade(site: Path) -> str:
    """An encounter list over hand-built encounters whose names carry diacritics; its path in the site."""
    from kg.views.model import EncounterSummary, Participant
    from kg.views.site import index_page
    from kg.views.site_data import site_data

    person = "https://w3id.org/kg-diplomacy/id/person/"
    summaries = [
        EncounterSummary(iri="https://w3id.org/kg-diplomacy/id/encounter/x1", kind="PhoneCall", date="2026-03-02",
                         participants=(Participant(person + "a", "Recep Tayyip Erdoğan", "TUR"),
                                       Participant(person + "b", "Aleksandar Vučić", "SRB"))),
        EncounterSummary(iri="https://w3id.org/kg-diplomacy/id/encounter/x2", kind="Meeting", date="2026-03",
                         participants=(Participant(person + "c", "Łukasz Nowak", "POL"),
                                       Participant(person + "d", "Søren Müller", "DNK"))),
    ]
    (site / "handmade").mkdir(exist_ok=True)
    (site / "handmade" / "index.html").write_text(index_page(site_data(summaries)), encoding="utf-8")
    return "handmade/index.html"


def test_actor_filter_folds_diacritics(driver, base_url: str, site_dir: Path) -> None:
    """Issue 16: the actor filter "Erdogan" found nothing when the name is stored as "Erdoğan"; an empty
    answer said nothing. Stored names come folded by kg.folding.fold; the page folds what is typed the same
    way (checked against the Python fold on names of several scripts)."""
    from selenium.webdriver.common.by import By

    browser = driver
    browser.get(base_url + _handmade(site_dir))
    actor = _wait(browser, lambda b: b.find_element(By.ID, "f-actor"))
    shown = lambda b: b.find_elements(By.CSS_SELECTOR, "#encounters tr.encounter")  # noqa: E731
    _wait(browser, lambda b: len(shown(b)) == 2)
    for typed, expected in (("Erdogan", "Erdoğan"), ("ERDOĞAN", "Erdoğan"), ("vucic", "Vučić"),
                            ("Lukasz", "Łukasz"), ("soren muller", "Søren"), ("tur", "Erdoğan")):
        actor.clear()
        actor.send_keys(typed)
        rows = _wait(browser, lambda b: len(shown(b)) == 1 and shown(b))
        assert expected in rows[0].text, typed
    from kg.folding import fold

    names = ["Recep Tayyip Erdoğan", "ERDOĞAN", "Łukaszenka", "Straße", "STRASSE", "İlham Əliyev", "Søren Müller",
             "Þór Ðoa", "Œuvre", "ﬁnance", "Ｘｉ", "Ὀδυσσεύς", "Nguyễn Phú Trọng", "Ħamrun"]
    assert browser.execute_script("return arguments[0].map(window.kgFold)", names) == [fold(n) for n in names]
    actor.clear()
    actor.send_keys("Nobody")
    _wait(browser, lambda b: not shown(b))
    assert "none matches actor “Nobody”" in browser.find_element(By.ID, "count").text


def test_encounter_picture_has_a_legend(driver, base_url: str, site_dir: Path, tmp_path: Path) -> None:
    """Issue 16: the node colours of the pictures were not explained. The legend shows each colour used, as
    drawn, and covers no box."""
    import json

    from selenium.webdriver.common.by import By

    browser = driver
    entries = json.loads((site_dir / "data.json").read_text(encoding="utf-8"))["encounters"]
    browser.get(base_url + next(e["page"] for e in entries if e["date"] == "2026-02-04"))
    keys = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "svg g.legend g.key"))
    seen = browser.execute_script(
        "const fill = (el) => getComputedStyle(el.querySelector('rect')).fill;"
        "const out = {boxes: {}, keys: {}, clash: []};"
        "for (const g of document.querySelectorAll('svg g.box')) out.boxes[g.classList[1]] = fill(g);"
        "const legend = document.querySelector('svg g.legend').getBoundingClientRect();"
        "for (const g of document.querySelectorAll('svg g.legend g.key')) out.keys[g.classList[1]] = fill(g);"
        "for (const g of document.querySelectorAll('svg g.box')) { const r = g.getBoundingClientRect();"
        "  if (r.top < legend.bottom && r.bottom > legend.top && r.left < legend.right && r.right > legend.left)"
        "    out.clash.push(g.textContent); }"
        "return out;")
    assert seen["keys"] == seen["boxes"] and len(seen["keys"]) >= 4
    assert not seen["clash"]
    assert all(k.is_displayed() for k in keys) and "country discussed" in keys[2].text
    _screenshot(browser, tmp_path / "legend.png")


def test_saved_query_page_folds_names_and_shows_terms(driver, tmp_path: Path) -> None:
    """Issue 16: the site's saved-query runner bound a name as typed ("Erdogan" found nothing stored as
    "Erdoğan"), said nothing when no name matched, and showed every value as plain text. Now it binds the
    stored spellings folding to what was typed (asked of the endpoint), says which name matched nothing,
    and shows IRIs as links, language tags apart and datatypes in the tooltip, as kg serve's page does."""
    from pyoxigraph import RdfFormat, parse
    from selenium.webdriver.common.by import By

    from kg.store import open_store
    from tests.cli.test_name_filters import CALL, GRAPH
    from tests.views.servers import endpoint_server

    store = open_store("memory:")
    reported = (f"<https://example.org/graph/names> {{ <{CALL}> "
                "<https://w3id.org/kg-diplomacy/ontology#reportedBy> <https://example.org/article/1> }")
    store.add_quads(list(parse(GRAPH + reported, format=RdfFormat.TRIG)))
    site = tmp_path / "site"
    write_site(store, site, queries=catalogue())
    browser = driver
    with endpoint_server(store, site) as url:
        browser.get(url + "site/queries.html")
        section = _wait(browser, lambda b: b.find_element(By.ID, "query-calls-with"))

        def ask(name: str) -> str:
            field = section.find_element(By.NAME, "actor")
            field.clear()
            field.send_keys(name)
            section.find_element(By.CSS_SELECTOR, "button.run").click()
            _wait(browser, lambda b: "row(s)" in section.find_element(By.CSS_SELECTOR, ".output").text
                  or "error" in section.find_element(By.CSS_SELECTOR, ".output").text)
            return section.find_element(By.CSS_SELECTOR, ".output").text

        for typed in ("Cosic", "ĆOSIĆ", "ana cosic", "srb"):
            assert "1 row(s)" in ask(typed).splitlines()[0], typed
        cells = section.find_elements(By.CSS_SELECTOR, ".output tbody td")
        link = cells[0].find_element(By.TAG_NAME, "a")
        assert link.get_attribute("href") == link.text and link.text.endswith("ana-cosic--ion-strajescu")
        assert "Ana Ćosić" in [c.text for c in cells]
        said = ask("Nobody")
        assert "0 row(s)" in said and "matches actor “Nobody”" in said, said

        calls = browser.find_element(By.ID, "query-calls")
        calls.find_element(By.CSS_SELECTOR, "button.run").click()
        _wait(browser, lambda b: "row(s)" in calls.find_element(By.CSS_SELECTOR, ".output").text)
        head = [th.text for th in calls.find_elements(By.CSS_SELECTOR, ".output thead th")]
        row = calls.find_elements(By.CSS_SELECTOR, ".output tbody td")
        assert row, calls.find_element(By.CSS_SELECTOR, ".output").text
        articles = row[head.index("articles")]
        assert articles.get_attribute("title").endswith("#integer"), articles.get_attribute("title")
        _screenshot(browser, tmp_path / "saved-queries.png")

        from selenium.webdriver.support.ui import Select  # kg serve's own page says it too (Kg-Not-Found)

        browser.get(url)
        Select(_wait(browser, lambda b: b.find_element(By.ID, "saved"))).select_by_value("calls-with")
        for typed, expected in (("cosic", "1 row(s)"), ("Nobody", "no stored name matches actor 'Nobody'")):
            field = browser.find_element(By.CSS_SELECTOR, "#params input[name=actor]")
            field.clear()
            field.send_keys(typed)
            browser.find_element(By.ID, "run").click()
            _wait(browser, lambda b, e=expected: e in b.find_element(By.ID, "status").text)


def test_a_page_opened_from_disk_runs_saved_queries_only_with_cors(driver, sample_store, site_dir: Path) -> None:
    """Issue 16: the site opened from disk (or from another server) could not run its saved queries
    ("Failed to fetch") and did not say why. Now the page names the option (--cors null), and with it the
    query runs."""
    from selenium.webdriver.common.by import By

    from kg.serve import make_server
    from tests.views.servers import _running

    def run_calls(endpoint: str) -> str:
        driver.get(f"{(site_dir / 'queries.html').as_uri()}?endpoint={endpoint}")
        section = _wait(driver, lambda b: b.find_element(By.ID, "query-calls"))
        section.find_element(By.CSS_SELECTOR, "button.run").click()
        out = section.find_element(By.CSS_SELECTOR, ".output")
        _wait(driver, lambda b: "row(s)" in out.text or "error" in out.text)
        return out.text

    for cors, expected in (((), "--cors null"), (("null",), "2 row(s)")):
        server = make_server(sample_store, port=0, cors=cors)
        with _running(server):
            said = run_calls(server.url + "query")
        assert expected in said, said
