"""Where an incident is when the text names more than its place: where it was told ("the
ministry said in Abuja"), whose forces acted ("Russian drones"), the town that owns a
neighbourhood ("Quetta's Hazara Town"), a dateline in title case, a province named like a
region across countries. Sentences written for these tests (not those of any devset)."""

import pytest

from strife.extract.dates import read_dateline
from strife.extract.lexicon import load_data
from strife.extract.places import SPEAKER_AFTER, SPEECH_THEN_PLACE


def _place(code, text, published="2024-05-15"):
    events = [e for e in code(text, published=published) if e.location is not None]
    assert events, text
    return events[0].location


def test_rules_for_tellers_and_forces_load():
    rules = load_data("geo_rules.json")
    for key in ("statement_words", "speaker_verbs", "force_nouns"):
        words = rules[key]
        assert words and len(words) == len(set(words)) and all(w == w.lower() == w.strip() for w in words), key
    # a report that something was reported in a town names the incident's town: never a telling
    assert not SPEECH_THEN_PLACE.search("Heavy fighting was reported in ")
    assert SPEECH_THEN_PLACE.search("the interior ministry said on Tuesday in a statement issued in ")
    assert SPEAKER_AFTER.match(" said it had targeted") and not SPEAKER_AFTER.match(", police said")
    # a place that kills or is said to is no speaker
    assert not SPEAKER_AFTER.match(" said to have killed four") and not SPEAKER_AFTER.match(" claimed ten lives")


@pytest.mark.parametrize("text, town, iso3", [
    # where it was said, after the verb
    ("Gunmen killed seven herders in Guma, Benue state, on Sunday, the police said in a statement released in Abuja.", "Guma", "NGA"),
    ("Fighters attacked an army post near Kidal on Friday, the army told journalists in Bamako.", "Kidal", "MLI"),
    ("A car bomb exploded outside Afgooye on Monday, the African Union said in Addis Ababa.", "Afgooye", "SOM"),
    # the capital as its government speaking
    ("Air strikes hit a fuel depot outside Hodeidah on Thursday, in what Washington said was a response to attacks on ships.",
     "udaydah", "YEM"),
])
def test_a_place_of_telling_is_not_the_incidents(code, text, town, iso3):
    loc = _place(code, text)
    assert loc.iso3 == iso3 and town.lower() in loc.name.lower(), loc


def test_the_one_told_may_stand_between_the_verb_and_the_place(code):
    loc = _place(code, "Militiamen killed three villagers about 20 km west of Bunia on Friday, a priest told AFP by phone from Bunia.")
    assert loc.name == "Bunia" and loc.geo_precision == 2  # the bearing's place, not the caller's town
    from strife.extract.places import SPEECH_THEN_PLACE, SPEECH_THEN_PLACE_UPPER
    assert not SPEECH_THEN_PLACE.search("the army said the attack in ")
    assert not SPEECH_THEN_PLACE_UPPER.search("THE ARMY SAID THE ATTACK IN ")


def test_police_in_the_capital_who_blame_someone_are_a_source(code):
    loc = _place(code, "Two teachers were shot dead near Wajir on Friday, and police in Nairobi blamed bandits.")
    assert loc.iso3 == "KEN" and loc.name == "Wajir"


def test_the_owner_town_yields_to_the_part_it_owns(code, gaz):
    if not [p for p in gaz.lookup("Insein") if p.country_iso2 == "MM" and p.lat is not None]:
        pytest.skip("the gazetteer lacks Insein")
    loc = _place(code, "A bomb exploded outside a police station in Yangon's Insein township on Tuesday, wounding two officers.")
    assert loc.name == "Insein"


def test_a_namesake_abroad_described_by_a_bearing_yields_to_the_town(code, gaz):
    # a camp "south of Jenin" read as a village of its name in Israel is a misreading: it is by Jenin
    loc = _place(code, "Israeli troops raided the Kabul camp south of Jenin in the West Bank on Monday, killing two gunmen.")
    assert loc.iso3 == "PSE" and "jenin" in loc.name.lower()


def test_a_province_named_like_a_region_across_countries_is_the_province(code):
    loc = _place(code, "Jihadists ambushed a convoy of volunteers in the Sahel region of Burkina Faso on Saturday, killing nine.",
                 published="2024-05-20")
    assert loc.iso3 == "BFA" and loc.geo_precision == 3 and loc.name == "Sahel"
    # the bare region across countries is still no place of its own
    bare = _place(code, "Jihadists killed nine soldiers in Burkina Faso on Saturday, in the worst attack in the Sahel this year.",
                  published="2024-05-20")
    assert bare.name == "Burkina Faso"


@pytest.mark.parametrize("text, place", [
    ("Kaduna, 4 March - Gunmen abducted", "Kaduna"),
    ("Bamako, 12 September 2024 - Jihadists attacked", "Bamako"),
])
def test_a_title_case_dateline_with_a_day_and_month(text, place):
    d = read_dateline(text)
    assert d is not None and d.place == place and d.certain
    # a month's name is needed: "Kaduna, 4 killed -" is no dateline's date
    not_a_date = read_dateline("Kaduna, 4 killed - gunmen struck")
    assert not_a_date is None or not_a_date.date is None


def test_a_demonym_before_forces_is_whose_they_are(code):
    # Nikolayev is a Ukrainian city and a Russian village: the Russian drones do not make it Russia
    loc = _place(code, "Russian drones struck the port of Nikolayev overnight, wounding three dock workers, "
                       "the Ukrainian air force said.")
    assert loc.iso3 == "UKR"
    # with no other country in the text, the forces' nationality is the clue there is
    home = _place(code, "Nigerian troops killed 12 insurgents in an ambush near Gwoza on Tuesday.")
    assert home.iso3 == "NGA"


def test_forces_of_two_countries_and_no_other_country_keep_both_as_clues(code):
    # "U.S." before "airstrikes" is whose they are, like a demonym; with no other country in the text both
    # nationalities stay clues, and the Somali spelling of the town is found in Somalia
    loc = _place(code, "Somali troops supported by U.S. airstrikes captured Harardhere from al-Shabaab on Friday, "
                       "killing 14 militants.", published="2024-05-20")
    assert loc.iso3 == "SOM"


def test_a_namesake_abroad_said_to_be_near_a_town_yields_to_the_town(code):
    # Duma is a West Bank village the packaged gazetteer lacks, and a town near Damascus it has
    loc = _place(code, "Masked settlers set fire to three cars in Duma, near Nablus, early on Friday, wounding a farmer.",
                 published="2024-05-18")
    assert loc.iso3 == "PSE" and loc.geo_precision == 2


@pytest.mark.parametrize("text, iso3", [
    # the home side speaking is a clue to the place, like any demonym
    ("Russian missiles hit an apartment block in Nikolayev on Sunday, killing four, the Ukrainian military said.", "UKR"),
    # the acting side speaking is a clue too, never a country named as a place: Hodeidah stays in Yemen
    ("United States jets bombed a radar site in Hodeidah on Monday, killing two, the US military said.", "YEM"),
])
def test_a_force_that_speaks_is_a_clue_not_a_named_country(code, text, iso3):
    assert _place(code, text, published="2024-05-21").iso3 == iso3
