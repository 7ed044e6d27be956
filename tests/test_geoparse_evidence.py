"""What in the story says its country when a place's name has namesakes abroad: a country's police
(police act at home), the forces and named armed groups that act in it (whose provinces an English name
may stand for), and a group named with its members ("Fano militiamen") that is no town. Sentences written
for these tests (not those of any devset)."""

import pytest

from strife.geo.geoparse import GROUP_MEMBER_TAIL, HOME_POLICE_AFTER, RULES


def _place(code, text, published="2025-03-14"):
    events = [e for e in code(text, published=published) if e.location is not None]
    assert events, text
    return events[0].location


def test_rules_load():
    assert HOME_POLICE_AFTER.match(" riot police fired") and HOME_POLICE_AFTER.match(" Police Force said")
    assert not HOME_POLICE_AFTER.match(" troops fired")
    assert GROUP_MEMBER_TAIL.fullmatch(" militiamen") and not GROUP_MEMBER_TAIL.fullmatch(" Liberation Army")
    assert RULES["home_police_abroad_min_population"] >= 100000
    assert "PS" in RULES["police_beyond_borders"]["IL"]


@pytest.mark.parametrize("text, iso3", [
    # Eastleigh (Nairobi) is not in the packaged gazetteer; the Hampshire town of the name is
    ("Kenyan police shot dead two robbery suspects in Eastleigh on Thursday night, a police commander said.", "KEN"),
    # Gombe is a Kinshasa district the gazetteer lacks and a Nigerian state and city it has
    ("KINSHASA - Congolese police dispersed a sit-in outside the senate in Gombe on Monday and held nine people.", "COD"),
])
def test_a_countrys_police_keep_an_unknown_name_at_home(code, text, iso3):
    assert _place(code, text).iso3 == iso3


@pytest.mark.parametrize("text, iso3", [
    # a reading at home still wins
    ("Nigerian police said gunmen killed three farmers in Gombe state on Tuesday.", "NGA"),
    # Israel's police act in the West Bank too (police_beyond_borders): Tubas stays in Palestine
    ("Israeli police arrested six men in Tubas overnight, a police statement said.", "PSE"),
])
def test_a_countrys_police_do_not_move_a_place_they_can_act_in(code, text, iso3):
    assert _place(code, text).iso3 == iso3


def test_a_province_by_its_english_name_in_the_acting_forces_country(code):
    # under a Kenyan dateline, naming Kenya: "Middle Shabelle" is only an alternate name of Somalia's
    # Shabeellaha Dhexe, and the Somali troops and al-Shabaab say the story is Somalia's
    loc = _place(code, "NAIROBI - Somali troops fought al-Shabaab fighters in the Middle Shabelle region on Tuesday, "
                       "killing six, a diplomat in Kenya said.")
    assert loc.iso3 == "SOM" and loc.admin1 == "Shabeellaha Dhexe"


def test_a_group_named_with_its_members_is_no_town(code):
    # "Fano militiamen" (actors.json) is the Amhara militia, not Fano in Italy
    # (read as a town, "between Fano" would be more precise than the region, and the incident's place)
    loc = _place(code, "Fighting between Fano militiamen and federal troops killed seven people in Amhara on Sunday, "
                       "residents said.")
    assert loc.iso3 == "ETH"


def test_a_citys_police_say_the_story_is_in_that_city(code):
    # Gulshan (Dhaka) is not in the packaged gazetteer; an Iranian town has it as an alternate name. The
    # Dhaka Metropolitan Police say the story is Dhaka's: the unknown name falls back to that city
    loc = _place(code, "A crude bomb went off outside a restaurant in Gulshan on Friday night, wounding two guards, "
                       "the Dhaka Metropolitan Police said.")
    assert loc.iso3 == "BGD" and loc.name == "Dhaka" and loc.geo_precision == 2


def test_only_a_police_named_after_one_countrys_place_is_read(gaz):
    from strife.geo.geoparse import _city_police
    assert [p.iso3 for p in _city_police("Karachi police said the men were armed.", None, gaz)] == ["PAK"]
    # the Punjab is Pakistan's and India's; "Federal Police" and "Military Police" are no places
    assert _city_police("Punjab police said the men were armed.", None, gaz) == []
    assert _city_police("Federal Police and Military Police officers arrived.", None, gaz) == []


@pytest.mark.parametrize("text, iso3", [
    # León is a Nicaraguan city by its own name and Guanajuato's León de los Aldama by an alternate one; the
    # one demonym of a text that names no country and no force says the story is Mexico's
    ("Hundreds of workers marched in Leon on Monday to protest against the Mexican government's fuel price rise.", "MEX"),
    # and it does not undo a reading the population already made
    ("Hundreds of teachers marched through Cordoba on Thursday demanding higher pay from the Argentine government.", "ARG"),
])
def test_the_one_demonym_of_a_text_naming_no_country_is_its_country(code, text, iso3):
    assert _place(code, text).iso3 == iso3
