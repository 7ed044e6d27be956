"""Rules written for the leftovers of the stop-23 notes (a namesake the written place or country rules out, a national
guard that is a military force, an accident recalled as background, a toll in a conditional quote). Each is checked on
sentences written for these tests (real places, invented incidents)."""

import re

from strife.extract.lexicon import load_data


def mention(geo, text):
    return next(m for m in geo.mentions if m.text == text)


# --- a place written with the place that holds it ------------------------------------------------------------------

def test_the_held_place_rules_are_data_that_compile():
    rules = load_data("geo_rules.json")
    assert rules["_held_by_the_place_after_doc"]
    for gap in rules["held_gaps"]:
        re.compile(gap)
    assert re.fullmatch(rules["list_after"], " and ") and not re.fullmatch(rules["list_after"], ", ")
    assert re.fullmatch(rules["list_comma"], ", ") and rules["held_outside_min_km"] > 0


def test_a_ward_written_with_its_city_is_no_namesake_in_a_country_never_named(code):
    events = code("GEORGETOWN, Guyana - Teachers marched to the education ministry in Kingston, Georgetown, on Friday, "
                  "demanding higher pay, their union said.", "2025-03-08")
    assert events
    place = events[0].location
    assert place.country == "Guyana" and place.name == "Georgetown"  # the ward's city, not Kingston, Jamaica


def test_a_list_of_towns_of_several_countries_is_left_as_read(parse):
    geo = parse("Guyana's president said fans had celebrated the win in Kingston, Georgetown and Bridgetown.")
    assert mention(geo, "Kingston").place.country_iso2 == "JM"


def test_a_hamlet_said_to_lie_in_a_municipality_is_not_its_namesake_in_another_state(parse):
    geo = parse("Gunmen killed two farmers in the hamlet of El Aguaje, in the municipality of Tepalcatepec, Michoacan, "
                "on Sunday.")
    m = mention(geo, "El Aguaje")
    assert m.place.kind == "admin2" and m.place.name == "Tepalcatepec" and m.place.country_iso2 == "MX"

