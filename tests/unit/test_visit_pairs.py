"""A visit told through what the visitor and the host did during it: the subject and the person object of
the verb a "during his visit to <capital>" phrase hangs from, when one of them belongs to the country visited
(sentences written for the test)."""

from __future__ import annotations

import pytest

from kg.records import EncounterKind


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Luiz Inacio Lula da Silva pressed Javier Milei on Monday to reopen the trade file and settle the "
     "border dispute during his state visit to Buenos Aires.",
     ("javier-milei", "luiz-inacio-lula-da-silva")),
    ("Anthony Albanese praised Narendra Modi on Monday for his patience on the water treaty during his "
     "official visit to New Delhi.",
     ("anthony-albanese", "narendra-modi")),
])
def test_what_a_visitor_and_host_did_during_the_visit_is_their_encounter(extract, sentence, pair):
    [visit] = extract(sentence).encounters
    assert visit.participant_ids == pair
    assert visit.kind is EncounterKind.STATE_VISIT


@pytest.mark.parametrize("sentence", [
    # neither is of the country visited: a remark made abroad about someone else
    "Joe Biden criticised Vladimir Putin on Monday during his visit to Warsaw.",
    # both of the country visited: no visitor among them
    "Joe Biden thanked Donald Trump on Monday during his visit to Washington.",
])
def test_a_visit_without_one_host_and_one_visitor_names_no_pair(extract, sentence):
    assert extract(sentence).encounters == ()
