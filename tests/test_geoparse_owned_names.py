"""Places read from names that are not the incident's: a country written into a group's name,
a country that is all an incident names while the dateline gives a town in it, and a named
part of a town that the gazetteer reads as a town of its own far away. Sentences written
for these tests."""

import pytest

from strife.analyse import load_nlp
from strife.extract.dates import read_dateline
from strife.extract.lexicon import LEXICON
from strife.extract.places import in_group_name
from strife.geo.geoparse import RULES, geoparse


@pytest.fixture(scope="module")
def parse_with_dateline(gaz):
    nlp = load_nlp()
    return lambda text: geoparse(nlp(text), gaz, dateline=read_dateline(text))


def mention(geo, text):
    return next(m for m in geo.mentions if m.text == text)


def test_rule_loads():
    assert isinstance(RULES["town_part_max_km"], (int, float)) and 0 < RULES["town_part_max_km"] < 50
    assert RULES["_town_part_max_km_doc"]


# --- a country in a group's name ------------------------------------------------------

def test_a_country_in_a_groups_name_is_set_aside(parse):
    text = "Fighters of the banned Tehreek-i-Taliban Pakistan attacked a checkpost on Friday."
    m = mention(parse(text), "Pakistan")
    assert m.place.kind == "country"  # still a reading, for an incident that names nothing else
    assert in_group_name(m, text, LEXICON.named_groups_in(text))
    plain = "Troops clashed with fighters in Pakistan on Friday."
    assert not in_group_name(mention(parse(plain), "Pakistan"), plain, LEXICON.named_groups_in(plain))


def test_the_source_town_beats_a_country_written_into_a_groups_name(code):
    (event,) = [e for e in code("Police in Bannu said they repelled an attack by fighters of the banned "
                                "Tehreek-i-Taliban Pakistan on a checkpost on Friday night, killing two of them.",
                                published="2025-03-08") if e.mode == "reported"]
    assert event.location.country == "Pakistan"
    assert event.location.name == "Bannu" and event.location.geo_precision in (1, 2)


# --- only the country named, the dateline a town in it ---------------------------------

def test_the_dateline_town_stands_for_a_country_the_incident_names(code):
    (event,) = [e for e in code("ACCRA - Police fired tear gas at hundreds of protesters who tried to march on "
                                "Ghana's parliament on Monday, a witness said.", published="2025-03-10")
                if e.mode == "reported"]
    assert event.location.name == "Accra" and event.location.geo_precision == 2


def test_a_dateline_town_abroad_does_not_stand_for_the_country(code):
    (event,) = [e for e in code("NAIROBI - Police fired tear gas at hundreds of protesters who tried to march on "
                                "Uganda's parliament on Monday, a witness said.", published="2025-03-10")
                if e.mode == "reported"]
    assert event.location.iso3 == "UGA" and event.location.name != "Nairobi"


# --- a part of a town read as a town of its own far away --------------------------------

def test_a_named_district_of_a_city_read_as_a_far_town_is_the_city(parse):
    geo = parse("Youths burned cars in the Bellevue district of Nantes on Saturday night.")
    m = mention(geo, "Bellevue")
    assert m.place.name == "Nantes" and m.precision == 2


def test_a_numbered_neighbourhood_is_a_part_of_its_town(parse):
    geo = parse("Separatists ambushed a patrol in the Mile 16 neighbourhood of Buea, Cameroon, on Friday.")
    m = mention(geo, "Mile")
    assert m.place.country_iso2 == "CM" and m.precision == 2
