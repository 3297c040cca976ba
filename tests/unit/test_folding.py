"""kg.folding.fold: the one comparison of names (CLI filters, the gazetteer's country look-up, the rules)."""

from __future__ import annotations

import pytest

from kg.folding import fold, folded_in
from kg.gazetteer import cached_gazetteer


@pytest.mark.parametrize(("given", "folded"), [
    ("Erdoğan", "erdogan"), ("ERDOĞAN", "erdogan"), ("Vučić", "vucic"), ("Łukasz Żółć", "lukasz zolc"),
    ("Søren Ærø", "soren aero"), ("İstanbul", "istanbul"), ("Straße", "strasse"), ("ﬁnal", "final"),
    ("Ｘｉ", "xi"), ("Đoković", "dokovic"), ("Côte d'Ivoire", "cote d'ivoire"),
])
def test_fold_drops_case_and_diacritics(given, folded):
    assert fold(given) == folded


def test_folded_in_matches_a_part_of_a_name():
    assert folded_in("erdogan", "Recep Tayyip Erdoğan")
    assert folded_in("TAYYIP ERDOĞAN", "Recep Tayyip Erdogan")
    assert not folded_in("erdem", "Recep Tayyip Erdoğan")


@pytest.mark.parametrize("given", ["RUS", "ru", "Russia", "RUSSIA", "russian", "Russian Federation"])
def test_the_gazetteer_names_a_country_by_code_name_alias_or_demonym(given):
    assert [c.iso3 for c in cached_gazetteer().countries_named(given)] == ["RUS"]


def test_a_country_is_found_without_its_accents():
    assert [c.iso3 for c in cached_gazetteer().countries_named("Turkiye")] == ["TUR"]


@pytest.mark.parametrize("given", ["XXX", "", "  ", "Atlantis"])
def test_a_text_that_names_no_country_finds_none(given):
    assert cached_gazetteer().countries_named(given) == ()
