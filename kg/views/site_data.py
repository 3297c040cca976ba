"""The JSON behind the site's encounter list: one entry per encounter, plus the countries to filter by."""

from __future__ import annotations

import calendar
import hashlib
import re

from kg.views.model import EncounterSummary, duration_label, kind_label


def page_name(iri: str) -> str:
    """A file name for an encounter page: a readable slug of the IRI plus a short hash (unique, path-safe)."""
    tail = iri.rsplit("/id/", 1)[-1]
    slug = re.sub(r"[^a-z0-9-]+", "_", tail.lower()).strip("_")[:80]
    return f"{slug}-{hashlib.sha256(iri.encode()).hexdigest()[:8]}.html"


def date_range(value: str) -> tuple[str, str]:
    """First and last day an ISO date of any precision covers: '2026-02' -> ('2026-02-01', '2026-02-28')."""
    parts = value.split("-")
    if not value or not all(p.isdigit() for p in parts):
        return "", ""
    if len(parts) >= 3:
        return value, value
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def encounter_entry(s: EncounterSummary) -> dict[str, object]:
    start, end = date_range(s.date)
    return {
        "iri": s.iri, "kind": s.kind, "kind_label": kind_label(s.kind), "date": s.date, "start": start, "end": end,
        "duration": duration_label(s.duration), "articles": s.articles, "page": "encounters/" + page_name(s.iri),
        "participants": [{"name": p.name, "iso3": p.iso3, "iri": p.iri} for p in s.participants],
        "countries": [iso or label for role, label, iso in s.discussed if role == "country"],
        "discussed": [label for _, label, _ in s.discussed],
    }


def site_data(summaries: list[EncounterSummary]) -> dict[str, object]:
    countries: dict[str, str] = {}
    for s in summaries:
        for role, label, iso in s.discussed:
            if role == "country":
                countries.setdefault(iso or label, label)
    return {
        "encounters": [encounter_entry(s) for s in summaries],
        "countries": [{"code": c, "label": label} for c, label in sorted(countries.items(), key=lambda kv: kv[1])],
    }
