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
