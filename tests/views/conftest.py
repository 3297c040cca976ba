"""Fixtures for the views tests: a hand-built encounter full of hostile text, and the sample store's views."""

from __future__ import annotations

import pytest

from kg.views.model import Citation, EncounterSummary, EncounterView, Fact, Participant

HOSTILE = '"Quoted" <script>alert(1)</script> & \'single\' </svg> $x^2$ ]]> \x07bell'


@pytest.fixture
def hostile_view() -> EncounterView:
    ev = Citation(sentence=f"They said {HOSTILE}.", article="art-1", url="javascript:alert(1)", headline=HOSTILE)
    ok = Citation(sentence="Iran was discussed.", article="art-2", url="https://example.org/a?x=1&y=\"2\"",
                  headline="A <b>headline</b>")
    summary = EncounterSummary(
        iri="https://w3id.org/kg-diplomacy/id/encounter/2026-02-04/remote/a--b", kind="PhoneCall", date="2026-02-04",
        duration=95, articles=2,
        participants=(Participant("https://w3id.org/kg-diplomacy/id/person/a", HOSTILE, "RUS"),
                      Participant("https://w3id.org/kg-diplomacy/id/person/b", "Xi Jinping", "CHN")),
        discussed=(("country", "Iran", "IRN"),),
    )
    facts = (
        Fact("participant", HOSTILE, summary.participants[0].iri, "RUS", (ev,)),
        Fact("participant", "Xi Jinping", summary.participants[1].iri, "CHN", (ok,)),
        Fact("country", "Iran", "https://w3id.org/kg-diplomacy/id/country/IRN", "IRN", (ok,)),
        Fact("treaty", "New START", "https://w3id.org/kg-diplomacy/id/treaty/new-start", "2010", ()),
        Fact("stance", "Xi Jinping", "", f"calls for {HOSTILE}", (ev,)),
    )
    return EncounterView(summary, facts, (ev, ok))
