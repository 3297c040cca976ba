"""People the gazetteer does not know, recognized from how news introduce them (issue 13, open-world actors).

The names are made up for these tests, so no gazetteer knows them; the sentences are written for the tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import build_extractor
from kg.records import ActorKind, Article, EncounterKind, Precision


@pytest.fixture(scope="module")
def extract(nlp):
    extractor = build_extractor()

    def run(text: str, published: dt.date | None = dt.date(2025, 6, 5), article_id: str = "t"):
        article = Article(id=article_id, text=text, published=published)
        return extractor(nlp(text), article)

    return run


def _actors(result) -> dict[str, tuple[str | None, str | None, str | None]]:
    """name -> (represented id, title as read, role)."""
    return {a.name: (a.represents.id if a.represents else None, a.title, a.role) for a in result.text_actors}


def _names(encounter) -> set[str]:
    return {p.label for p in encounter.participants}


def test_demonym_title_and_name_make_two_text_actors_of_one_call(extract):
    result = extract("Zambian President Kalonde Mwaba held a phone call with Chilean President Ignacio Varela "
                     "Soto on Tuesday.")
    [encounter] = result.encounters
    assert encounter.kind is EncounterKind.PHONE_CALL
    assert encounter.date.value == dt.date(2025, 6, 3) and encounter.date.precision is Precision.DAY
    assert _names(encounter) == {"Kalonde Mwaba", "Ignacio Varela Soto"}
    assert all(p.from_text and p.kind is ActorKind.PERSON for p in encounter.participants)
    assert _actors(result) == {"Kalonde Mwaba": ("ZMB", "President", "head_of_state"),
                               "Ignacio Varela Soto": ("CHL", "President", "head_of_state")}


def test_title_of_country_and_a_name_holding_a_country_word(extract):
    """"Finance Minister of Portugal Rui Montenegro": the country after "of" is who he speaks for, and the
    country word inside his name is neither a country mentioned nor one discussed. (A made-up prime minister
    would share the real one's surname and office, and so be him.)"""
    result = extract("Finance Minister of Portugal Rui Montenegro met Foreign Minister of Ghana Kwesi Adjei-Boateng "
                     "in Lisbon on Monday to discuss trade with Brazil.")
    [encounter] = result.encounters
    assert _names(encounter) == {"Rui Montenegro", "Kwesi Adjei-Boateng"}
    assert _actors(result)["Rui Montenegro"] == ("PRT", "Finance Minister", "minister")
    assert _actors(result)["Kwesi Adjei-Boateng"] == ("GHA", "Foreign Minister", "foreign_minister")
    discussed = {d.subject.id for d in encounter.discussions if not isinstance(d.subject, str)}
    assert "MNE" not in discussed and "MNE" not in {m.actor.id for m in result.mentions}


def test_head_of_an_organization_represents_it(extract):
    result = extract("UN Secretary-General Amara Okonkwo-Bello met Bolivian President Teodoro Quispe Mamani in "
                     "La Paz on Wednesday.")
    [encounter] = result.encounters
    assert _actors(result)["Amara Okonkwo-Bello"] == ("UN", "Secretary-General", "organization_head")
    assert _actors(result)["Teodoro Quispe Mamani"][0] == "BOL"
    assert len(encounter.participants) == 2


def test_appositions_and_counterparts(extract):
    """"Mwaba, Zambia's president," and "his Malawian counterpart, Chikondi Banda": the title after or before
    the comma introduces the name."""
    result = extract("Mwaba, Zambia's president, met his Malawian counterpart, Chikondi Banda, in Lusaka on "
                     "Thursday. Mwaba said the talks were frank.")
    [encounter] = result.encounters
    assert _names(encounter) == {"Mwaba", "Chikondi Banda"}
    actors = _actors(result)
    assert actors["Mwaba"][0] == "ZMB"
    assert actors["Chikondi Banda"][0] == "MWI"


def test_name_after_an_apposed_title_with_of(extract):
    result = extract("Lindiwe Sithole, the prime minister of Eswatini, spoke by phone with Tongan Prime "
                     "Minister Sione Taufa on Friday.")
    [encounter] = result.encounters
    assert _names(encounter) == {"Lindiwe Sithole", "Sione Taufa"}
    assert _actors(result)["Lindiwe Sithole"][0] == "SWZ"


def test_later_surname_and_honorific_mentions_are_the_same_person(extract):
    result = extract("Gabonese President Aimé Ndong Obiang arrived in Luanda on Monday. Mr Obiang then met "
                     "Angolan Foreign Minister Tiago Mbemba. Obiang and Mbemba discussed the border.")
    assert len(result.text_actors) == 2
    assert {e.kind for e in result.encounters} == {EncounterKind.MEETING}
    assert {_names(e).__len__() for e in result.encounters} == {2}
    assert {n for e in result.encounters for n in _names(e)} == {"Aimé Ndong Obiang", "Tiago Mbemba"}


def test_title_only_mention_resolves_to_the_text_actor(extract):
    """"the Kenyan leader" names whoever the article introduced in that office."""
    result = extract("Kenyan President Otieno Kamau-Wekesa visited Addis Ababa. Later the Kenyan leader spoke "
                     "by phone with Ethiopian Prime Minister Dawit Alemu Tesfaye on Sunday.")
    [encounter] = [e for e in result.encounters if len(e.participants) == 2]
    assert _names(encounter) == {"Otieno Kamau-Wekesa", "Dawit Alemu Tesfaye"}


def test_identity_key_is_country_and_normalized_name_across_articles(extract):
    one = extract("Zambian President Kalonde Mwaba met Chilean President Ignacio Varela on Monday.", article_id="a")
    two = extract("President Kalonde Mwaba of Zambia spoke with Chilean leader Ignácio Varela by phone on "
                  "Friday.", article_id="b")
    ids_one = {a.name: a.id for a in one.text_actors}
    ids_two = {a.name: a.id for a in two.text_actors}
    assert ids_one["Kalonde Mwaba"] == ids_two["Kalonde Mwaba"] == "zmb-kalonde-mwaba"
    assert ids_one["Ignacio Varela"] == ids_two["Ignácio Varela"]


def test_misspelling_of_a_known_leader_with_title_and_country_agreeing(extract):
    """An outlet's slip ("Vladimir Putn") is the gazetteer person when the title and the country agree."""
    result = extract("Russian President Vladimir Putn held talks with Zambian President Kalonde Mwaba in "
                     "Moscow on Monday.", published=dt.date(2024, 5, 8))
    [encounter] = result.encounters
    assert {p.id for p in encounter.participants} == {"vladimir-putin", "zmb-kalonde-mwaba"}
    assert [a.name for a in result.text_actors] == ["Kalonde Mwaba"]


def test_slip_is_not_linked_when_the_country_disagrees(extract):
    result = extract("Zambian President Vladimir Putn met Chilean President Ignacio Varela on Monday.",
                     published=dt.date(2024, 5, 8))
    assert "vladimir-putin" not in {p.id for e in result.encounters for p in e.participants}


def test_former_office_is_not_a_current_one(extract):
    result = extract("Former President Joseph Mwangi-Karanja of Kenya met Ugandan President Samuel Okello on "
                     "Monday. The Kenyan president did not attend.")
    actors = {a.name: a for a in result.text_actors}
    assert "Joseph Mwangi-Karanja" in actors and "Samuel Okello" in actors
    [encounter] = result.encounters
    assert _names(encounter) == {"Joseph Mwangi-Karanja", "Samuel Okello"}


@pytest.mark.parametrize("text", [
    "The President of the European Commission said the Prime Minister's Office would respond on Monday.",
    "The prime minister said on Monday that the president will travel to Lagos.",
    "Presidents and prime ministers met in Paris, the Kenyan government said.",
])
def test_titles_without_a_name_introduce_nobody(extract, text):
    assert extract(text).text_actors == ()


def test_short_name_of_a_person_the_article_names_is_that_gazetteer_person(extract):
    """"Prime Minister Shehbaz" after "Shehbaz Sharif": the gazetteer person, not a new text actor."""
    result = extract("Pakistani Prime Minister Shehbaz Sharif arrived in Riyadh on Wednesday. On Thursday Prime "
                     "Minister Shehbaz met Zambian President Kalonde Mwaba.", published=dt.date(2025, 9, 19))
    assert [a.name for a in result.text_actors] == ["Kalonde Mwaba"]
    [encounter] = result.encounters
    assert {p.id for p in encounter.participants} == {"shehbaz-sharif", "zmb-kalonde-mwaba"}


def test_honorifics_before_a_name_are_not_part_of_it(extract):
    result = extract("Malaysian Prime Minister Dato' Seri Hamzah Aziz met Sheikh Khalid bin Rashid Al-Nuaimi, "
                     "Bahrain's foreign minister, in Putrajaya on Monday.")
    assert _actors(result) == {"Hamzah Aziz": ("MYS", "Prime Minister", "head_of_government"),
                               "Khalid bin Rashid Al-Nuaimi": ("BHR", "foreign minister", "foreign_minister")}


@pytest.mark.parametrize("opening", ["LUSAKA, Zambia — ", "Lusaka, June 4 (ZANIS) - ", "LUSAKA (Reuters) – "])
def test_leader_named_without_a_country_belongs_to_the_dateline(extract, opening):
    """A story filed from a country's capital names its own leader without the country."""
    result = extract(opening + "President Kalonde Mwaba held talks with Chilean President Ignacio Varela on "
                               "Wednesday.")
    assert _actors(result)["Kalonde Mwaba"][0] == "ZMB"
    assert _actors(result)["Ignacio Varela"][0] == "CHL"


def test_no_dateline_no_country_guessed(extract):
    result = extract("President Kalonde Mwaba held talks with Chilean President Ignacio Varela in Lusaka on Monday.")
    assert _actors(result)["Kalonde Mwaba"][0] is None


def test_parenthesised_short_name_between_country_and_title(extract):
    result = extract("Zambian President Kalonde Mwaba met his Central African Republic (CAR) counterpart, Faustin "
                     "Ngaro, in Bangui on Friday.")
    assert _actors(result)["Faustin Ngaro"][0] == "CAF"


def test_an_institution_after_a_title_is_nobody(extract):
    result = extract("The PM Office Media Wing said Zambian President Kalonde Mwaba met Chilean President "
                     "Ignacio Varela on Monday.")
    assert set(_actors(result)) == {"Kalonde Mwaba", "Ignacio Varela"}



def test_surname_shared_with_another_person_of_the_article_names_nobody(extract):
    """"Wang" in an article naming both Wang Yi and an unknown Wang Lei may be either of them."""
    result = extract("Chinese Foreign Minister Wang Yi arrived in Lusaka on Sunday, and his deputy, Wang Lei, "
                     "followed. On Monday Wang met Zambian President Kalonde Mwaba at State House.")
    assert "wang-yi" not in {p.id for e in result.encounters for p in e.participants}


@pytest.fixture(scope="module")
def person_marks(nlp):
    """The person marks of a text after the cast step: (text, person id)."""
    extractor = build_extractor()

    def run(text: str) -> list[tuple[str, str]]:
        from kg.extract.context import ArticleContext

        ctx = ArticleContext(nlp(text), Article(id="t", text=text, published=dt.date(2019, 6, 5)), extractor.data)
        ctx.marks = extractor.steps.marks(ctx)
        ctx.take_cast(extractor.steps.cast(ctx))
        return [(m.span.text, m.ref) for m in ctx.marks if m.kind == "person"]

    return run


def test_a_surname_that_is_a_date_is_not_a_later_mention(person_marks):
    marks = person_marks("British Prime Minister Theresa May flew to Lusaka on 3 May. May said the talks went well.")
    assert marks == [("Theresa May", "theresa-may"), ("May", "theresa-may")]



def test_a_longer_patronymic_name_nobody_knows_is_read_from_the_text(extract):
    result = extract("Saudi Foreign Minister Rakan bin Salman bin Abdulaziz Al Saud met Zambian President Kalonde "
                     "Mwaba in Riyadh on Monday.")
    [encounter] = result.encounters
    assert "salman-bin-abdulaziz-al-saud" not in {p.id for p in encounter.participants}
    assert _actors(result)["Rakan bin Salman bin Abdulaziz Al Saud"] == ("SAU", "Foreign Minister", "foreign_minister")



@pytest.mark.parametrize(("text", "name", "country"), [
    ("Zambian President Kalonde Mwaba met the head of Kenya's electoral commission, Amina Wekesa, in Lusaka on "
     "Monday.", "Amina Wekesa", "KEN"),
    ("Zambian President Kalonde Mwaba met the head of Peru's Central Reserve Bank, Julio Quispe, in Lusaka on "
     "Monday.", "Julio Quispe", "PER"),
    ("Zambian President Kalonde Mwaba met Russia's foreign intelligence chief Pavel Zorin in Lusaka on Monday.",
     "Pavel Zorin", "RUS"),
])
def test_the_head_of_a_body_of_a_country_speaks_for_it_without_holding_its_office(extract, text, name, country):
    """"the head of Kenya's electoral commission, X", "Russia's foreign intelligence chief X": the person speaks
    for the country, as an official, not as its head of state ("the Kenyan leader" stays someone else)."""
    result = extract(text)
    [encounter] = result.encounters
    assert {p.label for p in encounter.participants} == {"Kalonde Mwaba", name}
    represents, _title, role = _actors(result)[name]
    assert (represents, role) == (country, "official")


_MWABA = "zmb-kalonde-mwaba"


@pytest.mark.parametrize(("text", "ids"), [
    pytest.param("Singaporean Prime Minister Lawrence Wong flew to Lusaka on Sunday. On Monday Mr Wong met Zambian "
                 "President Kalonde Mwaba at State House.", {"lawrence-wong", _MWABA},
                 id="a common surname the gazetteer leaves out of the aliases, after the full name"),
    pytest.param("Qatari Emir Tamim bin Hamad Al Thani flew to Lusaka on Sunday. Zambian President Kalonde Mwaba "
                 "and Al Thani held talks on Monday.", {"tamim-bin-hamad-al-thani", _MWABA},
                 id="a family name with its particle"),
    pytest.param("Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud met Zambian President Kalonde Mwaba in "
                 "Riyadh on Monday.", {"mohammed-bin-salman", _MWABA},
                 id="a patronymic name holding King Salman's is his son, whose name begins it"),
    pytest.param("Philippine President Ferdinand Marcos Jr. met Zambian President Kalonde Mwaba in Manila on "
                 "Monday.", {"bongbong-marcos", _MWABA},
                 id="another first name with the surname, title and country of Bongbong Marcos"),
    pytest.param("Qatari Emir Tamim bin Hamad Al Thani arrived in Lusaka on Sunday. On Monday the Emir met Zambian "
                 "President Kalonde Mwaba at State House.", {"tamim-bin-hamad-al-thani", _MWABA},
                 id="a bare title held by one person of the article"),
    pytest.param("Rwandan President Paul Kagame met his Ghanaian counterpart, John Kwame Mahama, in Accra on "
                 "Tuesday.", {"paul-kagame", "john-mahama"},
                 id="a counterpart with no office read, a middle name, the country and names of John Mahama"),
])
def test_later_and_other_forms_of_a_known_person_are_that_person(extract, text, ids):
    [encounter] = extract(text).encounters
    assert {p.id for p in encounter.participants} == ids


def test_the_names_of_a_known_leader_with_another_country_are_someone_else(extract):
    other = extract("Zambian President Ferdinand Marcos met Chilean President Ignacio Varela on Monday.")
    assert "bongbong-marcos" not in {p.id for e in other.encounters for p in e.participants}



def test_a_bare_title_two_people_of_the_article_hold_names_nobody(person_marks):
    marks = person_marks("Zambian President Kalonde Mwaba met Chilean President Ignacio Varela in Lusaka. The "
                         "president said the talks went well.")
    assert [text for text, _ in marks] == ["Kalonde Mwaba", "Ignacio Varela"]



def test_a_capitalised_opening_word_before_an_apposed_title_is_not_a_name(extract):
    result = extract("Zambian President Kalonde Mwaba arrived in Dubai. Earlier, the Zambian leader met with King "
                     "Charles III on Friday.")
    assert [a.name for a in result.text_actors] == ["Kalonde Mwaba"]


@pytest.mark.parametrize(("text", "name", "org"), [
    ("Chairperson of the African Union Commission Amara Okonkwo-Bello met Bolivian President Teodoro Quispe "
     "Mamani in La Paz on Wednesday.", "Amara Okonkwo-Bello", "AU"),
    ("The Chairperson of the African Union (AU) Commission, Amara Okonkwo-Bello, met Bolivian President Teodoro "
     "Quispe Mamani in La Paz on Wednesday.", "Amara Okonkwo-Bello", "AU"),
    ("African Union Commission Chairperson Amara Okonkwo-Bello met Bolivian President Teodoro Quispe Mamani in "
     "La Paz on Wednesday.", "Amara Okonkwo-Bello", "AU"),
    ("The Secretary General of the Organization of American States (OAS), Amara Okonkwo-Bello, met Bolivian "
     "President Teodoro Quispe Mamani in La Paz on Wednesday.", "Amara Okonkwo-Bello", "OAS"),
])
def test_the_head_of_an_organization_named_with_its_body_or_short_name_speaks_for_it(extract, text, name, org):
    """The organization's article ("of the African Union"), its short name in brackets and the body the
    head chairs ("Commission") sit between the title and the name; the head still represents it."""
    result = extract(text)
    [encounter] = result.encounters
    assert _names(encounter) == {name, "Teodoro Quispe Mamani"}
    assert _actors(result)[name] == (org, _actors(result)[name][1], "organization_head")


def test_a_known_surname_under_another_first_name_out_of_office_that_day_is_someone_else(extract):
    """Brothers, spouses and children hold the same office: "President Nimal Rajapaksa" of Sri Lanka in 2012
    is not the gazetteer's Gotabaya Rajapaksa, president from 2019; in 2021 the family reading stands."""
    text = "Sri Lankan President Nimal Rajapaksa held talks with Zambian President Kalonde Mwaba on Monday."
    early = extract(text, published=dt.date(2012, 5, 9))
    assert "gotabaya-rajapaksa" not in {p.id for e in early.encounters for p in e.participants}
    assert _actors(early)["Nimal Rajapaksa"][0] == "LKA"
    late = extract(text, published=dt.date(2021, 5, 12))
    assert "gotabaya-rajapaksa" in {p.id for e in late.encounters for p in e.participants}


def test_a_bare_title_names_only_a_holder_of_an_office_under_that_title(extract):
    """"The Prime Minister" of a readout is no US president, though a president heads the US government
    too: the office's own title is a president's. "The foreign minister" is the foreign minister named."""
    result = extract("The Prime Minister spoke to Zambian President Kalonde Mwaba on Monday. They welcomed "
                     "President Trump's efforts for peace.")
    assert "donald-trump" not in {p.id for e in result.encounters for p in e.participants}
    result = extract("Iranian Foreign Minister Abbas Araghchi met Zambian President Kalonde Mwaba on Monday. "
                     "The Foreign Minister said the talks were useful.")
    [encounter] = result.encounters
    assert {p.id for p in encounter.participants} == {"abbas-araghchi", "zmb-kalonde-mwaba"}


def test_a_country_before_former_and_a_title_is_whom_the_person_speaks_for(extract):
    """"Nepal's former Prime Minister X" under a New Delhi dateline is Nepal's."""
    result = extract("NEW DELHI, May 25 - Nepal's former Prime Minister Kamal Thapa Magar called Zambian President "
                     "Kalonde Mwaba on Friday.")
    assert _actors(result)["Kamal Thapa Magar"][0] == "NPL"
