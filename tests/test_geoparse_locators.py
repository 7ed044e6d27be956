"""The geoparser on locators and names that only look like places: 'Town (Province,
Country)' brackets, a namesake read inside the province named after it, the words of a
thing's name ('the Line of Control'), a building's bare noun ('Congress'), a landmark
named after its town, 'rural X' and 'downtown X', the Arabic article with a final 'h'.
Short texts written for these tests."""

from strife.extract.lexicon import load_data
from strife.extract.places import is_reference_place
from strife.geo.geoparse import RULES


def mention(geo, text):
    return next(m for m in geo.mentions if m.text == text)


def test_town_rules_data_loads():
    for key in ("town_land_words", "town_centre_words", "landmark_nouns", "town_named_landmarks", "reference_before"):
        words = load_data("geo_rules.json")[key]
        assert words and all(w == w.lower() and w.strip() == w for w in words), key
    assert not set(RULES["town_land_words"]) & set(RULES["directions"])  # a side is no direction


# --- "Town (Province, Country)" --------------------------------------------------------

def test_bracketed_province_after_a_town_is_the_province_not_its_capital(parse):
    geo = parse("Gunmen attacked a checkpoint outside Douentza (Mopti, Mali) on Friday.")
    town, province = mention(geo, "Douentza"), mention(geo, "Mopti")
    assert town.place.kind == "city" and town.place.name == "Douentza" and town.precision == 2
    assert province.place.kind == "admin1" and province.precision == 3  # not the town of Mopti


def test_a_city_named_like_its_province_is_the_city_before_the_bracket(parse):
    geo = parse("Drones struck Kharkiv (Kharkiv, Ukraine) before dawn.")
    city, province = [m for m in geo.mentions if m.text == "Kharkiv"]
    assert city.place.kind == "city" and city.precision == 1
    assert province.place.kind == "admin1" and province.place.country_iso2 == "UA"


def test_a_bracket_without_a_country_is_no_locator(parse):
    geo = parse("Gunmen attacked a checkpoint outside Douentza (Mopti, yesterday) on Friday.")
    assert not any(m.text == "Mopti" and m.kind_hint == "admin1" for m in geo.mentions)


def test_the_incident_is_the_town_not_the_bracketed_province(code):
    (event,) = code("On 2 March 2024, JNIM fighters attacked an army post near Douentza (Mopti, Mali), killing four soldiers.",
                    published="2024-03-03")
    assert event.location.name == "Douentza" and event.location.geo_precision == 2


def test_coder_note_nouns_data_loads():
    nouns = load_data("geo_rules.json")["coder_note_nouns"]
    assert nouns and all(n == n.lower() and n.strip() == n and " " not in n for n in nouns)
    assert "village" in nouns and "town" in nouns


def test_one_reader_for_brackets_with_and_without_a_country(gaz):
    from strife.geo.geoparse import _coder_notes

    (with_country,) = _coder_notes("Gunmen attacked a checkpoint outside Douentza (Mopti, Mali) on Friday.", gaz)
    assert (with_country.name, with_country.country, [p[0] for p in with_country.parts]) == ("Douentza", "ML", ["Mopti"])
    assert with_country.province.kind == "admin1" and with_country.province.country_iso2 == "ML"
    (without,) = _coder_notes("Bandits raided Gusau village (Gusau, Zamfara) at night.", gaz)
    assert without.noun and without.country is None and [p[0] for p in without.parts] == ["Gusau", "Zamfara"]
    assert without.province.country_iso2 == "NG"
    # a country the name pattern cannot spell still counts as the note's country
    (spelt,) = _coder_notes("Rebels shelled Goma (Nord-Kivu, Democratic Republic of the Congo) on Sunday.", gaz)
    assert spelt.country == "CD" and spelt.province is not None and spelt.province.country_iso2 == "CD"
    assert _coder_notes("Police said the man (John Otieno, 34) was arrested in Kisumu.", gaz) == []
    assert _coder_notes("Troops left Douentza (Mopti, Mali's north) on Friday.", gaz) == []


def test_a_village_unknown_in_a_note_with_a_country_falls_back_to_the_province(parse):
    geo = parse("Gunmen killed two herders in Qorvatabu (Mopti, Mali) on Monday.")
    village = mention(geo, "Qorvatabu")
    assert village.place is None and village.fallback is not None
    assert village.fallback.kind == "admin1" and village.fallback.country_iso2 == "ML" and village.fallback_precision == 3


# --- a namesake read inside the province named after it ----------------------------------

def test_a_name_read_abroad_takes_its_reading_in_the_province_named_after_it(parse):
    geo = parse("Shepherds found an unexploded shell south of Palmyra, Homs countryside, on Monday.")
    town, area = mention(geo, "Palmyra"), mention(geo, "Homs")
    assert town.place.country_iso2 == "SY" and town.place.kind == "city"  # not Palmyra, Pennsylvania
    assert area.place.kind == "admin1" and area.precision == 3  # the province's countryside


# --- words of a thing's name ----------------------------------------------------------

def test_the_words_of_a_things_name_are_no_small_towns_abroad(parse):
    geo = parse("Troops exchanged fire across the Line of Control in Kupwara on Monday.")
    assert all(m.place is None for m in geo.mentions if m.text in ("Line", "Control"))
    assert mention(geo, "Kupwara").place.country_iso2 == "IN"


def test_a_things_name_with_no_country_in_the_story_is_still_no_place(parse):
    geo = parse("The Line of Control was quiet on Sunday.")
    assert all(m.place is None for m in geo.mentions)


def test_a_title_before_of_keeps_its_place(parse):
    geo = parse("The Governor of Kano condemned the attack.")
    assert mention(geo, "Kano").place.country_iso2 == "NG"


# --- buildings and landmarks ----------------------------------------------------------

def test_a_bare_building_noun_is_no_town(parse):
    geo = parse("Farmers marched to Congress in Lima on Monday.")
    assert mention(geo, "Congress").place.name == "Lima"  # the building in the town named with it
    assert mention(geo, "Lima").place.country_iso2 == "PE"
    geo = parse("Farmers marched to Congress on Monday.")
    assert mention(geo, "Congress").place is None  # never Congress, Arizona


def test_a_landmark_named_after_its_town_is_in_that_town(parse):
    geo = parse("Journalists protested outside the Peshawar Press Club (Khyber Pakhtunkhwa, Pakistan) on Friday.")
    m = mention(geo, "Peshawar Press Club")
    assert m.place.name == "Peshawar" and m.place.kind == "city" and m.precision == 1


def test_a_landmark_named_after_a_man_is_not_his_namesake_town(parse):
    geo = parse("Protesters marched from Lafayette Square to the Capitol on Saturday.")
    assert mention(geo, "Lafayette Square").place is None


# --- the side of a town ---------------------------------------------------------------

def test_rural_town_is_the_towns_land(parse):
    geo = parse("Gunmen killed three farmers in rural Tumaco, Narino, on Friday.")
    m = mention(geo, "Tumaco")
    assert m.place.kind == "city" and m.place.country_iso2 == "CO" and m.precision == 2


def test_downtown_town_is_the_town(parse):
    geo = parse("Police dispersed a crowd in downtown Juba on Monday.")
    m = mention(geo, "Juba")
    assert m.place.kind == "city" and m.place.country_iso2 == "SS" and m.precision == 1


# --- spellings ------------------------------------------------------------------------

def test_arabic_article_and_final_h_together(parse):
    geo = parse("Militants attacked a checkpoint in Hawija on Sunday.")
    m = mention(geo, "Hawija")
    assert m.place.kind == "city" and m.place.country_iso2 == "IQ" and m.precision == 1  # the town, not its district


def test_a_town_after_a_compound_direction_locates_another(parse):
    text = "Soldiers raided villages in the Dibis district southwest of Kirkuk on Monday."
    geo = parse(text)
    kirkuk = mention(geo, "Kirkuk")
    previous = geo.mentions[geo.mentions.index(kirkuk) - 1]
    assert is_reference_place(kirkuk, text, previous)


def test_a_bearing_with_no_place_before_it_is_the_incidents_own_place(parse):
    text = "A mine wounded two herders in the hills east of Douentza on Friday."
    geo = parse(text)
    town = mention(geo, "Douentza")
    assert not is_reference_place(town, text, None)  # near Douentza: the incident's place
    text = "Soldiers searched houses in Hombori, east of Douentza, on Friday."
    geo = parse(text)
    town = mention(geo, "Douentza")
    assert is_reference_place(town, text, geo.mentions[geo.mentions.index(town) - 1])


def test_a_square_is_not_taken_for_the_town_of_its_first_word(parse):
    geo = parse("Protesters gathered in Lafayette Square near the White House in the United States on Sunday.")
    m = mention(geo, "Lafayette Square")
    assert m.place is None or m.place.name != "Lafayette"


def test_a_city_sharing_its_provinces_name_follows_the_word_with_it(parse):
    assert parse("A drone hit a warehouse in Odesa city on Monday.").mentions[0].place.kind == "city"
    assert parse("A bomb exploded in Quetta on Monday.").mentions[0].place.kind == "city"  # bare: the town
    assert parse("Shelling hit villages in Odesa oblast on Monday.").mentions[0].place.kind == "admin1"
    assert parse("Drones hit energy sites in the Odesa region on Monday.").mentions[0].place.kind == "admin1"


def test_the_longest_place_noun_ends_the_name(parse):
    geo = parse("Gunmen killed five farmers in Guma Local Government Area of Benue State.")
    m = mention(geo, "Guma")  # not "Guma Local Government" with an "Area"
    assert m.place.kind == "admin2" and m.place.admin1 == "Benue" and m.precision == 2
