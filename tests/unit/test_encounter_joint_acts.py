"""Encounters read from what two leaders did together ("signed a treaty") and talks held at a place
(sentences written for the test)."""

from __future__ import annotations

import datetime as dt


def _kinds(result) -> dict[tuple[str, ...], str]:
    return {e.participant_ids: e.kind.value for e in result.encounters}


def test_two_leaders_signing_together_met(extract):
    pair = ("masoud-pezeshkian", "vladimir-putin")
    for text in ("Vladimir Putin and Masoud Pezeshkian signed a treaty on strategic partnership on Friday.",
                 "Vladimir Putin signed an accord with Masoud Pezeshkian on Friday."):
        result = extract(text)
        assert _kinds(result) == {pair: "Meeting"}, text
        assert result.encounters[0].date.value == dt.date(2025, 3, 14)
    counterpart = extract("Emmanuel Macron and his German counterpart Olaf Scholz signed on Tuesday a pact on "
                          "energy grids.")
    assert _kinds(counterpart) == {("emmanuel-macron", "olaf-scholz"): "Meeting"}


def test_signing_alone_planned_or_passive_is_no_encounter(extract):
    for text in ("Emmanuel Macron signed a decree on Monday.",
                 "The treaty was signed by Vladimir Putin and Masoud Pezeshkian.",
                 "Vladimir Putin and Masoud Pezeshkian will sign a treaty on Friday.",
                 "The accord signed by Putin and Pezeshkian covers energy."):
        assert extract(text).encounters == (), text


def test_a_signing_does_not_decide_the_kind_of_a_visit(extract):
    result = extract("Masoud Pezeshkian paid a state visit to Vladimir Putin in Moscow on Friday. Putin and "
                     "Pezeshkian signed a treaty on partnership.")
    assert _kinds(result) == {("masoud-pezeshkian", "vladimir-putin"): "StateVisit"}


def test_talks_at_a_named_place_are_in_person(extract):
    result = extract("Relations have never been better, Viktor Orban said after talks with Robert Fico in "
                     "Bratislava on Monday.")
    assert _kinds(result) == {("robert-fico", "viktor-orban"): "Meeting"}
    remote = extract("Viktor Orban said after talks with Robert Fico on Monday that ties were strong.")
    assert _kinds(remote) == {("robert-fico", "viktor-orban"): "PhoneCall"}
