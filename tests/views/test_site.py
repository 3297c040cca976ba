"""The static site and the view commands over the sample store: files, embedded data, escaping, CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kg.cli import main
from kg.query.saved import catalogue
from kg.views.dates import Period, date_label, date_range, period
from kg.views.fetch import encounter_view, find_encounters, list_encounters
from kg.views.model import EncounterSummary, Participant
from kg.views.site import index_page, write_site
from kg.views.site_data import page_name, site_data
from kg.views.timeline import timeline_points
from tests.views.conftest import HOSTILE

CALL = "https://w3id.org/kg-diplomacy/id/encounter/2026-02-04/remote/vladimir-putin--xi-jinping"


@pytest.fixture(scope="module")
def site(sample_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_site(sample_store, out, queries=catalogue())
    return out


def test_encounters_are_read_with_their_evidence(sample_store) -> None:
    view = encounter_view(sample_store, CALL)
    assert view.summary.duration == 85 and view.summary.kind == "VideoCall"
    countries = {f.note for f in view.by_role("country")}
    assert countries == {"CUB", "IRN", "VEN"}
    assert all(f.evidence for f in view.facts if f.role in ("country", "topic", "participant"))
    assert not view.by_role("stance")  # the article's one position is on a bullet line, which is no evidence


def test_participants_and_date_pick_one_encounter(sample_store) -> None:
    assert [s.iri for s in find_encounters(sample_store, ["Putin", "xi"], "2026-02-04")] == [CALL]
    assert len(find_encounters(sample_store, ["RUS", "CHN"])) == 2
    assert find_encounters(sample_store, ["Macron"]) == []


def test_site_files(site: Path) -> None:
    for name in ("index.html", "data.json", "queries.html", "timeline.html", "timeline.svg", "timeline.png"):
        assert (site / name).is_file(), name
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert len(data["encounters"]) == 2
    for entry in data["encounters"]:
        assert (site / entry["page"]).is_file()
    assert {c["code"] for c in data["countries"]} == {"CUB", "IRN", "VEN"}
    page = (site / "encounters" / page_name(CALL)).read_text(encoding="utf-8")
    assert "<svg" in page and 'href="#fact-' in page and "Venezuela" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", (site / "index.html").read_text(encoding="utf-8"))


def test_saved_queries_are_embedded(site: Path) -> None:
    page = (site / "queries.html").read_text(encoding="utf-8")
    embedded = re.search(r'<script type="application/json" id="kg-queries">(.*?)</script>', page, re.S)
    assert embedded is not None
    names = {q["name"] for q in json.loads(embedded.group(1))}
    assert names == set(catalogue())
    assert 'value="/query"' in page


def test_embedded_json_cannot_close_its_script() -> None:
    hostile = EncounterSummary(iri="https://w3id.org/kg-diplomacy/id/encounter/x", kind="Meeting", date="2026",
                               participants=(Participant("https://w3id.org/kg-diplomacy/id/person/p", HOSTILE),),
                               discussed=(("country", "</script><script>alert(2)</script>", "XXX"),))
    data = site_data([hostile])
    page = index_page(data)
    embedded = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert embedded is not None and "<" not in embedded.group(1)
    assert json.loads(embedded.group(1)) == json.loads(json.dumps(data))
    assert page.count("<script") == 2  # the data and the list code, nothing injected


def test_dates_of_any_precision() -> None:
    assert date_range("2026-02") == ("2026-02-01", "2026-02-28")
    assert date_range("2024") == ("2024-01-01", "2024-12-31")
    assert date_range("") == ("", "") and date_range("2026-02-30") == ("", "")
    assert period("2025").precision == "year" and period("2025-03-18").precise
    assert period("2024-02") == Period(dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")
    assert [date_label(d) for d in ("2026-02-04", "2026-02", "2025", "")] == \
        ["2026-02-04", "2026-02 (month only)", "2025 (year only)", "unknown"]


def test_a_year_or_month_is_a_period_in_the_timeline_and_said_in_the_tables(sample_store, site: Path) -> None:
    """Issue 16: a year-only date was drawn as 1 January without saying so. It is now the bar of its year
    with a hollow dot in the middle, the legend says what the bar is, and every table says "(year only)"."""
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from kg.views.timeline import PERIOD_NOTE, timeline_figure, timeline_table

    points = timeline_points(list_encounters(sample_store))
    year = next(p for p in points if p.date == "2025")
    fig = timeline_figure(points)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    bars = [line for line in ax.get_lines() if line.get_gid() == "kg-period"]
    assert len(bars) == 1
    first, last = (mdates.num2date(x).date() for x in mdates.date2num(bars[0].get_xdata()))
    assert (first, last) == (dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    assert year.when.middle == dt.date(2025, 7, 2)
    assert PERIOD_NOTE in [t.get_text() for t in ax.get_legend().get_texts()]
    assert {r["iri"]: r["date"] for r in timeline_table(points)}[year.iri] == "2025 (year only)"
    assert '<td class="date">2025 (year only)</td>' in (site / "timeline.html").read_text(encoding="utf-8")
    entries = json.loads((site / "data.json").read_text(encoding="utf-8"))["encounters"]
    assert {e["date"]: (e["date_label"], e["precision"]) for e in entries}["2025"] == ("2025 (year only)", "year")
    page = next(e["page"] for e in entries if e["date"] == "2025")
    assert '<td class="date">2025 (year only)</td>' in (site / page).read_text(encoding="utf-8")


def test_timeline_pairs_and_country_filter(sample_store) -> None:
    summaries = list_encounters(sample_store)
    points = timeline_points(summaries)
    assert {p.pair for p in points} == {"CHN–RUS"} and len(points) == 2
    assert timeline_points(summaries, ("usa",)) == []
    assert len(timeline_points(summaries, ("rus",))) == 2


@pytest.fixture(scope="module")
def store_dir(sample_store, tmp_path_factory) -> str:
    """The sample store copied into an on-disk Oxigraph store, for the CLI."""
    from kg.store import open_store

    location = str(tmp_path_factory.mktemp("store") / "store")
    store = open_store(location)
    try:
        by_graph: dict = {}
        for quad in sample_store.quads():
            by_graph.setdefault(quad.graph_name, []).append(quad)
        store.replace_graphs(by_graph)
    finally:
        store.close()
    return location


def test_cli_show_formats(store_dir: str, tmp_path: Path) -> None:
    for suffix, magic in (("svg", b"<?xml"), ("html", b"<!DOCTYPE html>"), ("png", b"\x89PNG")):
        out = tmp_path / f"call.{suffix}"
        assert main(["show", "--store", store_dir, "--participants", "Putin,Xi", "--date", "2026-02-04",
                     "-o", str(out)]) == 0
        assert out.read_bytes().startswith(magic)
    assert main(["show", "--store", store_dir, "--participants", "Putin,Xi"]) == 2  # two match: ambiguous
    assert main(["show", "--store", store_dir, CALL + "-missing"]) == 2


def test_cli_timeline_and_site(store_dir: str, tmp_path: Path) -> None:
    assert main(["timeline", "--store", store_dir, "--country", "RUS", "-o", str(tmp_path / "t.svg")]) == 0
    assert b"<svg" in (tmp_path / "t.svg").read_bytes()
    assert main(["timeline", "--store", store_dir, "-o", str(tmp_path / "t.html")]) == 0
    assert main(["site", "--store", store_dir, "--out", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").is_file()


def test_site_on_a_plain_install_needs_no_matplotlib(sample_store, tmp_path, monkeypatch) -> None:
    """Without the views extra (matplotlib) the site is written whole but for the timeline picture, whose
    page keeps its table and says how to get the picture: ``kg site`` and ``kg serve --site`` are
    documented features of the default install."""
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("kg.views.site.plots_available", lambda: False)
    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    write_site(sample_store, tmp_path, queries=catalogue())
    for name in ("index.html", "data.json", "queries.html", "timeline.html"):
        assert (tmp_path / name).is_file(), name
    assert not (tmp_path / "timeline.png").exists() and not (tmp_path / "timeline.svg").exists()
    timeline = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert "pip install 'kg[views]'" in timeline and "<table>" in timeline and "2026-02-04" in timeline
