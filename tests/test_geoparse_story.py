"""Where an incident is when its own clauses name no known place: an incident told for context
falls back to the story's place (not the middle of the country), 'the city' in its own clause
points back to the last town named (not to a town another clause of its sentence names, nor
to where an actor is based), 'the province' to the last province; and phrases that name a
place through another one ('near the X dam, southeast of Y', 'the city's X district', a
wounded man airlifted to Y, 'In X last week', 'Elwak', 'Petion-Ville'). Sentences written for
these tests (not those of any devset)."""

import re

import pytest

from strife.extract.places import PROVINCE_ANAPHOR
from strife.geo.geoparse import BACKER_AFTER, PREP_OPENING, RULES


def _events(code, text, published="2025-06-12"):
    return code(text, published=published)


def _background(code, text, published="2025-06-12"):
    events = [e for e in _events(code, text, published) if e.mode == "background"]
    assert events, text
    return events


def test_rules_load():
    assert "province" in RULES["province_anaphors"] and "state" not in RULES["province_anaphors"]
    assert PROVINCE_ANAPHOR.search("The province has seen attacks") and not PROVINCE_ANAPHOR.search("the province's governor")
    assert not PROVINCE_ANAPHOR.search("the provincial capital")
    assert "based in" in RULES["reference_before"]
    for key in ("province_anaphors", "area_anaphors", "place_subject_verbs", "backer_suffixes"):
        words = RULES[key]
        assert words and all(w == w.lower() and w.strip() == w for w in words) and len(set(words)) == len(words), key
    assert "say" not in RULES["place_subject_verbs"]  # ("Moscow said" is its government speaking)
    assert BACKER_AFTER.match("-backed") and not BACKER_AFTER.match("-Kivu")
    assert any(re.search(p, "was wounded and airlifted to ") for p in RULES["care_before"])
    assert "in solidarity with" in RULES["cause_before"] and not set(RULES["cause_before"]) & set(RULES["reference_before"])
    assert PREP_OPENING.search("In Kidal last week").group("name") == "Kidal"
    assert PREP_OPENING.search("Rebels attacked on Monday. At Kidal they").group("name") == "Kidal"
    assert PREP_OPENING.search("the Rebels In Kidal") is None


@pytest.mark.parametrize("text, town", [
    # no place at all: the story's town, not the middle of Uganda
    ("KAMPALA - Gunmen killed four traders at a market in Kasese on Tuesday, police said. "
     "A year ago, a grenade attack by the same group killed nine people at a bar.", "Kasese"),
    # only a village the gazetteer lacks: the story's town again
    ("MAIDUGURI - Boko Haram fighters killed eleven farmers near Konduga on Saturday, residents said. "
     "In April, the militants burned dozens of homes in Ngolobakari and abducted six women.", "Konduga"),
])
def test_a_context_incident_with_no_known_place_is_at_the_storys_place(code, text, town):
    locations = [e.location for e in _background(code, text)]
    assert all(loc is not None and loc.name == town and loc.geo_precision == 2 for loc in locations), locations


def test_a_context_incident_in_another_country_keeps_the_fallback_of_its_own(code):
    # the story's town is in Kenya; the earlier incident names Somalia: never the Kenyan town
    text = ("NAIROBI - Police shot dead two robbery suspects in Eldoret on Monday, a police commander said. "
            "In March, al-Shabaab militants killed 14 soldiers in an ambush in a village of Somalia.")
    for e in _background(code, text):
        assert e.location is not None and e.location.iso3 == "SOM"


def test_an_unknown_place_told_by_a_bearing_of_a_town_is_near_the_town(code):
    text = ("BAMAKO - Jihadist fighters attacked an army post near the Gorobal dam, northeast of Gao in northern Mali, "
            "on Sunday, killing six soldiers, the army said.")
    (e,) = [e for e in _events(code, text) if e.mode == "reported"]
    assert e.location.name == "Gao" and e.location.geo_precision == 2


def test_the_city_in_the_incidents_own_clause_is_the_last_town_named(code):
    text = ("GOMA - M23 rebels shelled Goma on Monday, killing five people, the army said. "
            "A bomb at a bus station in the city killed two people in March last year, and in April a rocket attack on Bukavu killed 13 people.")
    march = [e for e in _events(code, text, "2025-05-20") if e.date is not None and e.date.startswith("2024-03")]
    assert march and march[0].location.name == "Goma"


def test_where_an_actor_is_based_is_not_the_town_the_city_points_to(code):
    text = ("TAIZ - Houthi snipers shot dead two children in Taiz on Sunday, the city's health office said. "
            "The government, based in Aden, condemned the attack. "
            "In January, shelling of a market in the city killed four people.")
    january = [e for e in _events(code, text, "2025-06-16") if e.date is not None and e.date.startswith("2025-01")]
    assert january and january[0].location.name == "Taiz"


def test_a_wounded_man_airlifted_to_a_town_is_not_the_incidents_place(code):
    text = ("PESHAWAR - Security forces killed five militants in a gunfight in Bannu district on Sunday, police said. "
            "One soldier was wounded and airlifted to Peshawar.")
    (e,) = [e for e in _events(code, text) if e.mode == "reported"]
    assert e.location.name != "Peshawar" and "Bannu" in e.location.name


def test_a_part_of_the_city_named_before_is_in_that_city(code):
    # Kyiv has a Shevchenkivskyi district too: in a Kharkiv story "the city's" one is Kharkiv's
    text = ("KHARKIV - A Russian glide bomb hit a shopping centre in Kharkiv on Friday, killing three people, the governor said. "
            "On May 2, a missile strike on a depot in the city's Shevchenkivskyi district killed one guard.")
    may = [e for e in _events(code, text, "2025-05-30") if e.date == "2025-05-02"]
    assert may and may[0].location.name == "Kharkiv"


def test_a_sentence_may_open_with_its_place(parse):
    geo = parse("Israeli troops raided a camp on Monday. In Tubas last week, two men were killed by a drone.")
    assert any(m.place is not None and m.text == "Tubas" for m in geo.mentions)


@pytest.mark.parametrize("text, name, iso3", [
    # the Arabic article written into the name
    ("Suspected militants ambushed a bus near Elwak in Kenya on Friday.", "El Wak", "KEN"),
    # a compound written with a hyphen where GeoNames writes one word
    ("Protesters burned tyres in Petion-Ville on Friday.", "Pétionville", "HTI"),
])
def test_spellings_of_a_compound_name(code, text, name, iso3):
    (e,) = _events(code, text)
    assert e.location.name == name and e.location.iso3 == iso3


def test_the_province_points_back_to_the_last_province_named(code):
    text = ("JALALABAD - A bomb hidden in a cart killed four people at a market in Jalalabad on Friday, police said. "
            "The province has suffered a wave of attacks: in March, gunmen shot dead six aid workers.")
    march = [e for e in _events(code, text, "2025-06-14") if e.date is not None and e.date.startswith("2025-03")]
    assert march and march[0].location.admin1 == "Nangarhār" and march[0].location.geo_precision == 3


def test_town_aliases(gaz):
    assert any(p.kind == "city" and p.name == "Baardheere" for p in gaz.lookup("Bardhere", "SO"))
    assert any(p.kind == "city" and p.name == "Kyaukpyu" for p in gaz.lookup("Kyaukphyu", "MM"))


def test_an_incident_with_no_place_after_the_storys_town_is_there_not_at_the_dateline(code):
    text = ("CUSCO - Hundreds of farmers marched peacefully through Sicuani on Tuesday to demand water rights, organisers said. "
            "On Thursday, gunmen shot dead two farm leaders as they drove home, police said.")
    attack = [e for e in _events(code, text, "2025-06-19") if e.sub_event_type == "Attack"]
    assert attack and attack[0].location.name == "Sicuani" and attack[0].location.geo_precision == 2


def test_a_backer_or_a_country_named_before_its_forces_is_not_the_place(code):
    text = ("DAMASCUS - The Iran-aligned Nujaba militia said on Tuesday it was suspending military operations against "
            "U.S. forces in Syria to avoid embarrassing the government, a statement on its website said.")
    (e,) = _events(code, text)
    assert e.location.iso3 == "SYR"


def test_a_capital_acting_is_its_government_and_a_part_of_a_country_stays_in_it(code, parse):
    text = ("U.S. strikes on a fuel depot on Yemen's Red Sea coast killed 20 people on Thursday, "
            "in the deadliest raid since Washington stepped up its campaign.")
    (e,) = _events(code, text)
    assert e.location.iso3 == "YEM"  # not Washington, nor Sudan's Red Sea state
    red_sea = next(m for m in parse(text).mentions if m.text == "Red Sea")
    assert red_sea.place is None
    niger = next(m for m in parse("Gunmen killed six people in Nigeria's Niger State on Monday.").mentions if m.text == "Niger")
    assert niger.place.country_iso2 == "NG" and niger.place.kind == "admin1"
    (acting,) = parse("Washington blamed the group for the attack on its base.").mentions
    assert acting.government
    (rally,) = parse("Thousands rallied in Washington on Saturday.").mentions
    assert not rally.government


def test_a_backers_name_is_no_place(parse):
    geo = parse("The Iran-aligned militia fired drones at a base in Anbar province.")
    assert [m.text for m in geo.mentions] == ["Anbar"] and "IR" not in geo.context.named


def test_a_road_between_towns_is_near_the_first_known_town(code):
    (e,) = _events(code, "Bandits abducted 12 passengers on the Kaduna-Abuja highway in Nigeria on Monday, police said.")
    assert e.location.name == "Kaduna" and e.location.geo_precision == 2
    # a town its sentence names is the place, not the road's end
    (e,) = _events(code, "Bandits abducted 12 passengers on the Kaduna-Abuja highway near Kachia on Monday, police said.")
    assert e.location.name == "Kachia"


def test_a_district_without_a_point_falls_back_to_its_town_written_in_two_words(code):
    (e,) = _events(code, "NIAMEY - Gunmen ambushed an army convoy near Banibangou in the Tillaberi region on Friday, killing six soldiers.")
    assert e.location.name == "Bani Bangou" and e.location.admin1 == "Tillabéri"


def test_a_village_said_to_lie_in_a_province_is_no_namesake_elsewhere(code):
    # the gazetteer's Mafa is in Borno; the text puts this one in Yobe
    (e,) = _events(code, "Insurgents burned Mafa village in Yobe State on Friday night, killing nine people, residents said.")
    assert e.location.admin1 == "Yobe"


def test_two_countries_named_before_their_jets_and_a_curated_english_name(code):
    # "U.S. and British jets" are whose; "Hodeidah" is strife's own alias of Al Hudaydah, as good as its
    # own name even where the text names only the United States
    (e,) = _events(code, "U.S. and British jets struck a radar site at a port north of Hodeidah on Friday, the U.S. Central Command said.")
    assert e.location.iso3 == "YEM" and e.location.geo_precision == 2


def test_a_place_a_protest_is_for_is_not_where_it_is(code):
    text = ("RABAT - Thousands of people marched to the parliament in the Hassan district of Rabat on Sunday evening, organisers said. "
            "Marchers chanted slogans in solidarity with Gaza, and some hurled bottles and stones at police.")
    events = _events(code, text)
    assert events and all(e.location.iso3 == "MAR" for e in events)


def test_in_the_area_points_back_to_the_last_town_or_district(code):
    text = ("Bandits killed five herders in an attack in Gwoza Local Government Area of Borno State on Monday, a local leader said. "
            "Young men in the area later blocked the road to Maiduguri in protest, he said.")
    protest = [e for e in _events(code, text) if e.event_type == "Protests"]
    assert protest and protest[0].location.name == "Gwoza"


def test_the_same_evening_is_the_day_of_the_incident_told_before(code):
    text = ("YEREVAN - Police detained 30 people at an opposition rally in Yerevan on Sunday, the interior ministry said. "
            "In the northern city of Gyumri, hundreds of people marched peacefully the same evening. "
            "Protests have been held nightly since May; on June 12, police arrested five people at a sit-in outside the parliament.")
    events = _events(code, text, "2025-06-16")
    gyumri = [e for e in events if e.location.name == "Gyumri"]
    assert gyumri and gyumri[0].date == "2025-06-15"
    assert any(e.date == "2025-06-12" for e in events)  # the later rally is an incident of its own


def test_same_time_phrases_load():
    from strife.extract.assemble import SAME_TIME

    assert SAME_TIME.search("marched peacefully the same evening") and not SAME_TIME.search("the same town")
