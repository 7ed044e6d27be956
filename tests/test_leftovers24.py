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


# --- national guards and gendarmerie-like forces --------------------------------------------------------------------

def test_gendarmerie_like_forces_are_data():
    forces = load_data("actor_groups.json")["state_forces"]
    assert forces["_gendarmeries_doc"] and forces["personnel_nouns"]
    military = [re.compile(p, re.I) for p in forces["military"]]
    police = [re.compile(p, re.I) for p in forces["police"]]
    assert any(p.fullmatch("Guardia Nacional Bolivariana") for p in military)
    assert any(p.fullmatch("carabinieri") for p in police)
    assert not any(p.fullmatch("carabinieri") for p in military)


def _sides(event):
    return {a.name for a in (event.actor1, event.actor2) if a is not None}


def test_officers_of_a_national_guard_are_the_military(code):
    events = code("Farmers blocked a highway near Maracay on Wednesday and hurled rocks at National Guard officers who "
                  "tried to clear it, witnesses said.", "2025-05-08")
    assert events and "Military Forces of Venezuela" in _sides(events[0])
    assert "Police Forces of Venezuela" not in _sides(events[0])


def test_the_guardia_nacional_bolivariana_is_the_military(code):
    events = code("Members of the Guardia Nacional Bolivariana fired tear gas at students marching in Merida, Venezuela, "
                  "on Tuesday.", "2025-05-07")
    assert events and "Military Forces of Venezuela" in _sides(events[0])


def test_carabinieri_are_police(code):
    events = code("Carabinieri arrested three men after a clash with anarchists in Turin, Italy, on Saturday.", "2025-05-11")
    assert events and any(a.name == "Police Forces of Italy" for e in events for a in (e.actor1, e.actor2) if a)


def test_a_police_station_named_beside_the_acting_force_is_a_building(code):
    events = code("One man was shot dead in Maracaibo on Sunday when soldiers fired on crowds protesting against power "
                  "cuts, a rights group said. The governor said protesters had attacked a police station.", "2025-05-08")
    protest = [e for e in events if e.event_type == "Protests"]
    assert protest and protest[0].actor2 is not None and protest[0].actor2.name == "Military Forces of Venezuela"


# --- a toll under a conditional -------------------------------------------------------------------------------------

def test_the_conditional_rule_is_data():
    rule = load_data("counting.json")["conditional"]
    assert rule["_doc"] and all(re.compile(p) for p in rule["before"])


def test_a_toll_told_under_a_conditional_is_no_toll():
    from strife.extract.counts import find_casualties

    assert find_casualties('"Had the truck bomb reached the gate, we would be burying scores of people," the mayor said.') == []
    assert find_casualties("Officials said the device could have killed dozens of worshippers.") == []
    assert find_casualties("The grenade might have wounded many children, a teacher said.") == []


def test_a_narrative_would_later_is_a_toll():
    from strife.extract.counts import find_casualties

    found = find_casualties("Militants seized nine fishermen on Lake Chad, six of whom would later be killed.")
    assert [c.quantity.best for c in found if c.kind == "abducted"] == [9]
    assert [c.kind for c in find_casualties("Four soldiers were killed in the ambush.")] == ["killed"]


def test_a_defused_bomb_keeps_no_toll_of_what_it_would_have_done(code):
    events = code("Soldiers defused a bomb planted outside a church in Maiduguri on Sunday. \"If it had exploded, we would "
                  "be mourning many dead,\" a priest said.", "2025-05-12")
    reported = [e for e in events if e.mode == "reported"]
    assert reported and all(e.fatalities is None or e.fatalities.best == 0 for e in reported)


# --- a structure's collapse is an accident ----------------------------------------------------------------------------

def test_a_collapse_that_killed_is_an_accident(code):
    events = code("Thousands marched in Skopje on Saturday to demand justice for the victims. The roof of the city's "
                  "bus terminal, renovated last spring, collapsed on Oct. 3, killing nine travellers.", "2025-10-12")
    assert not any(e.event_type in ("Violence against civilians", "Explosions/Remote violence", "Battles") for e in events)
    assert any(e.event_type == "Protests" for e in events)


def test_a_bomb_that_brought_a_bridge_down_is_still_violence(code):
    events = code("A bomb destroyed a bridge near Kandahar on Sunday, which collapsed, killing three people, police "
                  "said.", "2025-10-13")
    assert any(e.event_type == "Explosions/Remote violence" for e in events)
