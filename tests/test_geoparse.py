"""The geoparser's behaviours (issue 4), on short texts written for these tests."""


import pytest

from strife.analyse import load_nlp
from strife.extract.lexicon import load_data
from strife.geo import ArticleGeo, PlaceMention, geoparse
from strife.geo.distance import km_between
from strife.geo.gazetteer import normalise
from strife.geo.geoparse import WEIGHTS


def km(a, b):
    return km_between(*a, *b)


def mention(geo: ArticleGeo, text: str) -> PlaceMention:
    return next(m for m in geo.mentions if m.text == text)


def test_rules_file_loads_and_is_consistent():
    rules = load_data("geo_rules.json")
    assert set(rules["weights"]) >= {"in_named_admin1", "named_country", "own_name", "log_population", "no_coordinates"}
    assert rules["weights"]["no_coordinates"] < 0 < rules["weights"]["in_named_admin1"]
    # context outweighs fame: a province named beats a million more inhabitants
    assert WEIGHTS["in_named_admin1"] > 3 * WEIGHTS["log_population"]
    for key in ("directions", "descriptors", "area_nouns", "near_words", "supranational", "source_nouns", "speech_verbs", "object_verbs"):
        words = rules[key]
        assert words and len(words) == len(set(words)), key
    assert "northeast" in rules["directions"] and "valley" in rules["area_nouns"]


def test_namesake_by_province_named_nearby(parse):
    geo = parse("Rebels burned a clinic in Bijapur, Chhattisgarh, on Monday.")
    town = mention(geo, "Bijapur").place
    assert town.country_iso2 == "IN" and town.admin1 == "Chhattīsgarh"
    spain = parse("Farmers marched through Segovia, in Castile and Leon, on Sunday.")
    colombia = parse("Miners marched through Segovia, a town in northeast Antioquia, on Sunday.")
    assert mention(spain, "Segovia").place.country_iso2 == "ES"
    assert mention(colombia, "Segovia").place.country_iso2 == "CO"


def test_namesake_by_other_places_of_the_paragraph(parse):
    geo = parse("Troops clashed with militants in Isabela on Friday. The wounded were taken to Lamitan, Basilan.")
    assert mention(geo, "Isabela").place.country_iso2 == "PH"


def test_province_beats_a_village_of_its_name_elsewhere(parse):
    geo = parse("Vigilantes blocked highways across Michoacan on Thursday.")
    m = mention(geo, "Michoacan")
    assert m.place.kind == "admin1" and m.precision == 3


def test_a_relative_location_is_coded_at_the_named_towns_point_with_precision_2(parse, gaz):
    # coders code "60 km north of Kandahar" to Kandahar, precision 2 (tests/devset/README.md)
    geo = parse("A bus was ambushed 60 kilometres north of Kandahar on Friday.")
    m = mention(geo, "Kandahar")
    base = next(p for p in gaz.lookup("Kandahar") if p.kind == "city" and p.country_iso2 == "AF")
    assert m.precision == 2 and "60 km north of it" in m.reason
    assert km((base.lat, base.lon), (m.place.lat, m.place.lon)) < 1


def test_valley_and_area_phrases_are_precision_2(parse):
    geo = parse("Gunmen attacked a post in the Tirah Valley of Khyber district late on Sunday.")
    tirah = mention(geo, "Tirah")
    assert tirah.place.country_iso2 == "PK" and tirah.precision == 2
    assert any(m.text == "Khyber" and m.place is not None for m in geo.mentions)
    area = parse("Traders rioted in the bazaar area of Chaman, Balochistan.")
    chaman = mention(area, "Chaman")
    assert chaman.place.country_iso2 == "PK" and chaman.precision == 2 and "area" in chaman.reason


def test_near_a_district_and_the_border(parse):
    geo = parse("Soldiers killed five fighters near the Afghan border in South Waziristan on Monday.")
    m = mention(geo, "South Waziristan")
    assert m.place.kind == "admin2" and m.place.country_iso2 == "PK" and m.precision == 2


def test_country_name_reads_as_the_country(parse):
    geo = parse("Unrest spread across Mozambique after the vote, and US diplomats left.")
    moz = mention(geo, "Mozambique")
    assert moz.place.kind == "country" and moz.precision == 3
    assert all(m.place is None or m.place.kind == "country" for m in geo.mentions if m.text == "US")


def test_region_of_a_country_gets_its_point_and_says_why(parse):
    geo = parse("Heavy fighting was reported in northern Mali on Tuesday.")
    m = mention(geo, "Mali")
    assert m.place.kind == "country" and m.precision == 3 and m.place.lat is not None
    assert "'northern' part" in m.reason


def test_supranational_region_is_not_a_point(parse):
    geo = parse("Jihadist violence keeps spreading across the Sahel, aid groups warned.")
    m = mention(geo, "Sahel")
    assert m.place is None and "across countries" in m.reason
    province = parse("Gunmen killed traders in Burkina Faso's Sahel region.")
    assert mention(province, "Sahel").place.kind == "admin1"


def test_bare_name_after_an_attack_verb(parse):
    geo = parse("Rebel artillery shelled Kupiansk overnight, wounding three.")
    m = mention(geo, "Kupiansk")
    assert m.place.country_iso2 == "UA" and m.precision == 1


def test_unknown_name_costs_no_other_place(parse):
    geo = parse("Militants raided Qxorbatuu village and then attacked a base near Bannu, Khyber Pakhtunkhwa.")
    unknown = mention(geo, "Qxorbatuu")
    assert unknown.place is None and "not in the gazetteer" in unknown.reason
    bannu = mention(geo, "Bannu")
    assert bannu.place.country_iso2 == "PK" and bannu.precision == 2


def test_unknown_village_falls_back_to_the_district_of_its_sentence(parse):
    geo = parse("Gunmen torched houses in Qxobbarai village, in Swat district, on Sunday.")
    unknown = mention(geo, "Qxobbarai")
    assert unknown.place is None  # the name stays unknown ...
    assert unknown.fallback.kind == "admin2" and unknown.fallback_precision == 2  # ... its district holds it
    assert "falls back to the district" in unknown.reason


def test_incident_on_an_unknown_village_is_coded_at_its_district(code):
    (event,) = code("Gunmen torched houses in Qxobbarai village, in Swat district, on Sunday, killing two.", published="2024-03-04")
    assert event.location.geo_precision == 2 and event.location.iso3 == "PAK"
    reason = next(ev.reason for ev in event.evidence if ev.field == "location")
    assert "not in the gazetteer" in reason and "falls back" in reason


def test_place_without_coordinates_falls_back_with_reason(gaz, parse):
    geo = parse("Insurgents beheaded two farmers in Ancuabe district, Cabo Delgado province.")
    m = mention(geo, "Ancuabe")
    no_point = [p for p in gaz.lookup("Ancuabe") if p.lat is None]
    if not no_point:
        pytest.skip("the gazetteer now has coordinates for Ancuabe")
    assert m.place is not None and m.place.lat is not None and m.place.kind == "admin1"
    assert m.precision == 3 and "no coordinates" in m.reason


def test_incident_place_over_the_source_place(code):
    (event,) = code("Herders attacked farmers in Agatu, Benue state, killing 12, officials in Makurdi said on Monday.",
                    published="2024-03-05")
    assert event.location.name != "Makurdi"


def test_incident_falls_back_to_a_place_of_its_sentence(code):
    events = code("Soldiers were deployed in Kandahar after heavy clashes between rival gunmen on Tuesday.",
                  published="2024-03-06")
    located = [e for e in events if e.location is not None]
    assert located and all(normalise(e.location.name) == "kandahar" and e.location.iso3 == "AFG" for e in located)
    assert all(ev.quote == "Kandahar" for e in located for ev in e.evidence if ev.field == "location")


def test_document_keeps_its_places_when_one_is_unknown(code):
    events = code("Gunmen stormed a market in Zzyxqabad on Monday. On Tuesday a bomb exploded in Mingora, Swat district, killing two.",
                  published="2024-03-07")
    places = [e.location.name for e in events if e.location is not None]
    assert "mingora" in {normalise(p) for p in places}


def test_a_victim_in_a_place_is_no_source(code):
    (event,) = code("Gunmen shot dead a police officer in Kulgam district on Friday, police said.", published="2024-03-09")
    assert event.location.geo_precision == 2 and normalise(event.location.name).startswith("kulgam")


def test_a_name_ends_with_its_sentence(parse):
    geo = parse("The convoy was ambushed on the road to Ansongo. The army said it lost two men.")
    assert mention(geo, "Ansongo").place.country_iso2 == "ML"
    assert not any("The" in m.text for m in geo.mentions)


def test_dateline_sets_the_context_for_namesakes(gaz):
    from strife.extract.dates import read_dateline

    nlp = load_nlp()
    text = "KARACHI, Pakistan (Reuters) - Protesters blocked the highway near Hyderabad on Saturday."
    geo = geoparse(nlp(text), gaz, dateline=read_dateline(text))
    hyd = mention(geo, "Hyderabad")
    assert hyd.place.country_iso2 == "PK" and hyd.precision == 2
    assert all(m.start >= text.index("Protesters") for m in geo.mentions)  # the dateline is no incident place


def test_a_colon_dateline_places_an_incident_that_names_no_town(code):
    events = code("MULTAN: Shopkeepers shut their shops and protested outside the press club on Monday against new taxes.",
                  published="2024-03-12")
    loc = events[0].location
    assert loc.name == "Multan" and loc.country == "Pakistan"


def test_a_title_case_word_and_colon_is_no_dateline_place(gaz):
    from strife.extract.dates import read_dateline

    nlp = load_nlp()
    text = "Reform: Protesters blocked the highway on Saturday."  # Reform, Alabama: a town of 1,600
    geo = geoparse(nlp(text), gaz, dateline=read_dateline(text))
    assert geo.resolve_text("Reform") is not None and geo.resolve_dateline(read_dateline(text)) is None


def test_a_destination_is_no_incident_place(code):
    events = code("Militants ambushed an army convoy 30 km north of Kandahar on the road to Tarinkot on Monday, killing four soldiers.",
                  published="2024-03-12")
    located = [e for e in events if e.location is not None]
    assert located and all(e.location.geo_precision == 2 and e.location.iso3 == "AFG" for e in located)
    assert all("30 km north of it" in ev.reason for e in located for ev in e.evidence if ev.field == "location")


def test_the_capital_of_a_country_named_by_its_demonym(parse):
    geo = parse("Rival militias clashed in the Afghan capital overnight.")
    m = mention(geo, "Afghan capital")
    assert normalise(m.place.name) == "kabul" and m.place.country_iso2 == "AF" and m.precision == 1
    named = parse("Rival militias clashed in the Afghan capital, Kabul, overnight.")
    assert not any(m.text == "Afghan capital" for m in named.mentions)  # the name itself is there


def test_benchmark_data_is_consistent(gaz):
    import json
    from pathlib import Path

    import pycountry

    root = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
    for path, least in ((root / "geo_phrases.jsonl", 300), (root / "geo_phrases_heldout.jsonl", 30)):
        reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        phrases = [(r, g) for r in reports for g in r["places"]]
        assert len(phrases) >= least
        assert len({g["iso3"] for _, g in phrases}) >= 20
        assert all(any(g["incident"] for g in r["places"]) for r in reports)
        for r, g in phrases:
            assert r["text"][g["start"] : g["end"]] == g["phrase"], (r["id"], g["phrase"])
            assert -90 <= g["lat"] <= 90 and -180 <= g["lon"] <= 180 and g["geo_precision"] in (1, 2, 3)
            iso2 = pycountry.countries.get(alpha_3=g["iso3"]).alpha_2
            towns = [p for p in gaz.lookup(g["name"], iso2) if p.kind == "city" and p.lat is not None]
            if g["geo_precision"] == 1 and towns:
                # a typo in a gold point shows as a town of that name far from it
                assert min(km((p.lat, p.lon), (g["lat"], g["lon"])) for p in towns) < 35, (r["id"], g["phrase"])


def test_bench_full_mode_says_why_it_is_skipped(tmp_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("bench_geo", Path(__file__).resolve().parents[1] / "benchmarks" / "bench_geo.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    gazetteer, why = bench.full_gazetteer(None, [])
    assert gazetteer is None and "GeoNames dump directory" in why
    gazetteer, why = bench.full_gazetteer(str(tmp_path), [])
    assert gazetteer is None and "no GeoNames dump files" in why


def test_organisations_after_attack_verbs_are_no_places(parse):
    geo = parse("Israeli jets struck Hamas positions in Gaza on Monday. Protesters attacked Shell offices in Lagos, Nigeria.")
    resolved = {m.text: m.place for m in geo.mentions if m.place is not None}
    assert "Hamas" not in resolved and "Shell" not in resolved
    assert resolved["Gaza"].country_iso2 == "PS" and resolved["Lagos"].country_iso2 == "NG"


def test_a_headline_verb_does_not_reach_into_the_body(parse):
    from strife.geo.geoparse import OBJECT

    assert OBJECT.search("Police confirm raid\n\nGUSAU, Nigeria - Gunmen stormed a village") is None
    assert OBJECT.search("Militants raided Fotokol overnight").group("name") == "Fotokol"
    assert not any(m.text == "M23" for m in parse("M23 fighters attacked Sake, a town west of Goma.").mentions)


def test_distances_with_thousands_separators(parse):
    geo = parse("Militants attacked a camp near Kidal, some 1,500 km northeast of Bamako.")
    assert "1500 km northeast of it" in mention(geo, "Bamako").reason


def test_a_region_noun_never_takes_a_town_abroad(parse):
    geo = parse("Al Shabaab fighters attacked a base in the Hiran region overnight.")
    m = mention(geo, "Hiran")
    assert m.place is None or m.place.country_iso2 == "SO"


def test_an_unknown_person_gets_no_fallback(parse):
    geo = parse("Supporters of Imran Khan clashed with police in Swat district on Friday.")
    person = next((m for m in geo.mentions if "Imran" in m.text), None)
    assert person is None or (person.place is None and person.fallback is None)
    assert mention(geo, "Swat").place.kind == "admin2"


def test_a_small_namesake_abroad_is_an_unknown_local_name(parse):
    # Gara is a Hungarian village; in a Nigerian story it is a village the gazetteer lacks
    geo = parse("Militants attacked Gara village in Borno State, Nigeria, on Sunday, killing two farmers.")
    gara = mention(geo, "Gara")
    assert gara.place is None and "not in the gazetteer" in gara.reason
    assert gara.fallback is not None and gara.fallback.name == "Borno"


def test_a_big_city_abroad_is_still_read(parse):
    geo = parse("Pakistani opposition supporters also protested in London on Sunday against the arrests in Lahore.")
    assert mention(geo, "London").place.country_iso2 == "GB"
    assert mention(geo, "Lahore").place.country_iso2 == "PK"


def test_initials_are_no_town(parse):
    # "Kia" is a district of the Solomon Islands; "KIA" here is an armed group
    geo = parse("Clashes erupted at KIA positions near Bhamo, Kachin State.")
    kia = mention(geo, "KIA")
    assert kia.place is None and "initials" in kia.reason
    assert mention(geo, "Bhamo").place.country_iso2 == "MM"


def test_a_province_named_sets_the_story_country_for_alternate_names(parse, gaz):
    # Mushu is also an alternate name of Mus, Turkey: not in a Plateau State story
    assert any(p.country_iso2 == "TR" for p in gaz.lookup("Mushu"))
    geo = parse("Gunmen attacked Mushu village in Bokkos district of Plateau State on Sunday.")
    assert all(m.place is None or m.place.country_iso2 == "NG" for m in geo.mentions)


def test_a_town_named_after_its_province_is_read_near_a_neighbour(parse):
    geo = parse("Fighters besieged Menaka, the main town of the Menaka region close to Niger.")
    assert mention(geo, "Menaka").place.kind == "city"


def test_a_province_named_after_a_country_is_no_country(parse):
    geo = parse("Police in Niger State arrested 25 protesters on Monday.")
    niger = mention(geo, "Niger")
    assert niger.place.kind == "admin1" and niger.place.country_iso2 == "NG"
    assert "NE" not in geo.context.named


def test_police_in_a_province_leave_the_province_the_incident_place(code):
    events = code("Police in Niger State arrested 25 protesters on Monday after they blocked a highway.", published="2024-03-12")
    assert events and events[0].location.country == "Nigeria" and events[0].location.admin1 == "Niger"


def test_the_dateline_town_inside_the_named_province_is_the_place(code):
    events = code("MINNA - Police in Niger State arrested 25 protesters on Monday after they blocked a highway.", published="2024-03-12")
    loc = events[0].location
    assert loc.name == "Minna" and loc.geo_precision == 2


def test_no_spelling_match_brings_back_a_small_place_abroad(parse):
    # "Day County" (South Dakota) is no evidence of the United States, and the
    # spelling matcher does not bring back what the abroad rule set aside
    geo = parse("Mothers marched to the Monument on Mother's Day in Mexico City, Mexico, on Friday.")
    assert all(m.place is None or m.place.country_iso2 == "MX" for m in geo.mentions)


def test_a_district_of_a_town_is_inside_it(parse):
    # Dniprovskyi is read as Dnipro Raion, Kyiv oblast: not a part of Kherson
    geo = parse("Russian artillery shelled the Dniprovskyi district of Kherson on Monday, killing two civilians.")
    part = mention(geo, "Dniprovskyi")
    assert part.place.name == "Kherson" and part.place.kind == "city" and part.precision == 2


def test_a_final_h_is_a_spelling_not_another_name(parse):
    # GeoNames has Iraq's city as "Basrah" (Basra only an alternate name) and a hamlet
    # "Basra" in Pakistan: the spelling without the h is the big city's own name
    geo = parse("Hundreds of residents of Basra blocked a main road on Monday to protest against power cuts.")
    assert mention(geo, "Basra").place.country_iso2 == "IQ"


def test_a_mountain_area_of_a_city_is_a_part_of_it(parse):
    # "Attan" is only an alternate name of Hatton, North Dakota: as a part of Sanaa it is Sanaa
    geo = parse("US aircraft struck Houthi sites in the Attan mountain area of Sanaa on Monday.")
    part = mention(geo, "Attan")
    assert part.place.country_iso2 == "YE" and part.precision == 2


def test_a_township_beside_its_region_is_not_a_namesake_abroad(parse):
    # Kani, Japan is a big city, but "Kani Township, Sagaing Region" lies in Sagaing
    geo = parse("Junta soldiers raided a village in Kani Township, Sagaing Region, and killed a man.")
    part = mention(geo, "Kani")
    assert part.place.country_iso2 == "MM" and part.precision == 2


def test_a_list_beside_a_province_keeps_its_own_places(parse):
    # the comma rule sets aside only a reading in another country than the province's
    geo = parse("Gunmen attacked checkpoints in Kabul, Kandahar province, on Monday.")
    assert mention(geo, "Kabul").place.name == "Kabul"


def test_a_region_named_after_its_town_is_the_province(parse):
    # the gazetteer knows the oblast only as "Belgorodskaya oblast'": "the Belgorod
    # region" is that province, not the town
    geo = parse("A military transport plane crashed in the Belgorod region on Wednesday.")
    place = mention(geo, "Belgorod").place
    assert place.kind == "admin1" and place.country_iso2 == "RU" and place.name.startswith("Belgorod")


def test_a_region_named_only_as_a_town_elsewhere_stays_unknown(parse):
    # the region is not made up from the province of a town Hiran in Iraq: it is
    # Somalia's Hiiraan (an alias in data/geo_aliases.json) or nothing
    geo = parse("Bandits attacked villages in the Hiran region of Somalia on Monday.")
    place = mention(geo, "Hiran").place
    assert place is None or (place.kind == "admin1" and place.country_iso2 == "SO")
    assert not any(m.place is not None and m.place.country_iso2 == "IQ" for m in geo.mentions)


def test_the_town_an_incident_refers_back_to_beats_the_dateline(code):
    events = code("LUANDA (AP) - Rebels who had held the town of Macomia for two days withdrew on Sunday, "
                  "officials said. Before leaving, the rebels killed six traders in the town's market.", published="2024-05-12")
    assert events and all(e.location.name == "Macomia" for e in events)


def test_the_town_of_a_sentence_without_a_town_named_before_keeps_the_dateline(code):
    events = code("MAPUTO, Mozambique (AP) - Gunmen killed six traders in the town's market on Sunday, officials said.", published="2024-05-12")
    assert events and all(e.location.name == "Maputo" for e in events)


def test_place_anaphors_are_lowercase_nouns():
    nouns = load_data("geo_rules.json")["place_anaphors"]
    assert nouns and all(n.isalpha() and n == n.lower() for n in nouns)


def test_an_unknown_township_beside_its_region_falls_back_to_the_region(parse):
    # "Myaing Township, Magway Region" is two names: the unknown town and its province
    geo = parse("Resistance forces captured a junta outpost in Myaing Township, Magway Region, after a siege.")
    town = mention(geo, "Myaing")
    assert town.place is None and town.fallback is not None and town.fallback.name == "Magway"
    assert mention(geo, "Magway").place.kind == "admin1"


def test_the_last_town_of_a_list_with_a_comma_before_and_is_a_place(parse):
    # the tagger calls the last name of "A, B, and C on Thursday" a person; the comma and "and" before it still
    # make it one more town of the list (an apposition after "and")
    geo = parse("Nurses rallied in Jaipur, Kota, and Ajmer on Thursday to demand permanent posts.")
    assert [m.text for m in geo.mentions if m.place is not None] == ["Jaipur", "Kota", "Ajmer"]
    # a person named after ", and" is still no place
    geo = parse("The minister met the governor, and Ahmed said on Thursday that talks would resume.")
    assert [m.text for m in geo.mentions if m.place is not None] == []
