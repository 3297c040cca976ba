"""The JSON behind the site's encounter list: one entry per encounter, plus the countries to filter by."""

from __future__ import annotations

import hashlib
import re

from kg.folding import fold
from kg.views.dates import date_label, date_range, period
from kg.views.model import EncounterSummary, duration_label, kind_label


def page_name(iri: str) -> str:
    """A file name for an encounter page: a readable slug of the IRI plus a short hash (unique, path-safe)."""
    tail = iri.rsplit("/id/", 1)[-1]
    slug = re.sub(r"[^a-z0-9-]+", "_", tail.lower()).strip("_")[:80]
    return f"{slug}-{hashlib.sha256(iri.encode()).hexdigest()[:8]}.html"


def encounter_entry(s: EncounterSummary) -> dict[str, object]:
    start, end = date_range(s.date)
    known = period(s.date)
    return {
        "iri": s.iri, "kind": s.kind, "kind_label": kind_label(s.kind), "date": s.date,
        "date_label": date_label(s.date), "precision": known.precision if known else "", "start": start, "end": end,
        "duration": duration_label(s.duration), "articles": s.articles, "page": "encounters/" + page_name(s.iri),
        "participants": [{"name": p.name, "folded": fold(p.name), "iso3": p.iso3, "iri": p.iri}
                         for p in s.participants],
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
