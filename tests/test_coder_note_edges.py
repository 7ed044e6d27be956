"""Rules written for the coder-note style and the type and actor edges of tests/devset19: a coder note's
"(district, province)" brackets with no country, vigilantes against armed men, villagers who fight back with
machetes, a subject before a second verb, groups named as an accusation, drone-dropped explosives, burnt chapels,
thrown brickbats, cattle raiders, protests called for a later day, a statistic that recorded "no major bombing".
The reports are written for these tests (none is from an evaluation set)."""

import json

from strife.extract.lexicon import load_data


def _reported(code, text, published):
    return [e for e in code(text, published) if e.mode == "reported"]


# -- places: the coder note's brackets ---------------------------------------------------------------------------


def test_a_town_in_brackets_with_its_district_and_province_is_read_in_that_province(code):
    # Bassa is also a town in Italy, and Plateau a province of Benin too: the brackets' district (Bassa LGA,
    # Plateau) says which
    text = ("On 2 May 2025, gunmen attacked Bassa (Bassa, Plateau) at dawn and shot dead 5 farmers on their way "
            "to the fields. Fatalities coded as 5.")
    [event] = _reported(code, text, "2025-05-04")
    assert (event.location.iso3, event.location.admin1) == ("NGA", "Plateau")
    assert event.actor2 is not None and event.actor2.name == "Civilians (Nigeria)"


def test_a_town_with_a_namesake_abroad_is_read_in_the_brackets_province(code):
    # Bor is a town of Russia's Nizhny Novgorod oblast too; Jonglei names South Sudan's
    text = ("On 9 June 2025, unidentified gunmen shot dead two traders on the road outside Bor (Bor South, "
            "Jonglei). Fatalities coded as 2.")
    [event] = _reported(code, text, "2025-06-11")
    assert event.location.iso3 == "SSD" and event.location.name == "Bor"


def test_a_village_the_gazetteer_lacks_falls_back_to_the_brackets_province(code):
    text = ("On 4 April 2025, soldiers raped three women in Kalungu village (Kalehe, Sud-Kivu), a local rights "
            "group said. The army promised an inquiry.")
    [event] = _reported(code, text, "2025-04-07")
    assert event.location is not None and event.location.iso3 == "COD" and event.location.admin1 == "Sud-Kivu"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Democratic Republic of Congo"


def test_brackets_that_name_no_province_change_nothing(parse):
    geo = parse("Police said the man (John Otieno, 34) was arrested in Kisumu on Monday.")
    assert [m.place.name for m in geo.mentions if m.place is not None and m.place.kind == "city"] == ["Kisumu"]


# -- actors ----------------------------------------------------------------------------------------------------


def test_vigilantes_who_fight_bandits_are_a_communal_militia_against_the_bandits(code):
    text = ("Bandits on motorcycles stormed a village near Gusau in Zamfara State on Friday night, and local "
            "vigilantes fought them off in a gun battle in which four bandits and a vigilante were killed, "
            "residents said.")
    [event] = _reported(code, text, "2025-05-18")
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1.name, event.actor2.name) == ("Unidentified Armed Group (Nigeria)", "Communal Militia (Nigeria)")


def test_vigilantes_who_repel_gunmen_were_attacked(code):
    text = ("Vigilantes repelled gunmen who tried to raid Tsafe town in Zamfara on Sunday, and three of the gunmen "
            "were killed in the gunfight, police said.")
    [event] = _reported(code, text, "2025-05-20")
    assert (event.actor1.name, event.actor2.name) == ("Unidentified Armed Group (Nigeria)", "Communal Militia (Nigeria)")


def test_villagers_with_machetes_who_fought_back_make_no_battle(code):
    text = ("Gunmen raided a farming village near Kachia in Kaduna State on Tuesday night, killing three residents, "
            "before villagers armed with sticks and cutlasses fought back and killed one of the attackers, a "
            "community leader said.")
    [event] = _reported(code, text, "2025-03-13")
    assert event.sub_event_type == "Attack"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Nigeria)"
    assert event.fatalities.best == 4


def test_a_subject_stands_before_a_second_verb_of_the_clause(code):
    text = ("On 6 May 2025, FAMa soldiers accompanied by Wagner Group personnel entered Diafarabe (Tenenkou, Mopti) "
            "and shot dead 4 herders at the market. Fatalities coded as 4.")
    [event] = _reported(code, text, "2025-05-08")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali"


def test_helpers_supported_by_the_forces_are_not_the_subject(code):
    text = ("Government troops supported by Wazalendo fighters regained control of Rutshuru town in North Kivu from "
            "M23 rebels on Monday after a day of fighting, the army said.")
    [event] = _reported(code, text, "2025-03-04")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1.name == "Military Forces of Democratic Republic of Congo"
    assert event.actor2 is not None and event.actor2.name == "M23: March 23 Movement"


def test_a_group_named_as_what_the_victims_were_accused_of_is_no_side(code):
    text = ("Soldiers shot dead six men at a cattle market near Djibo in Burkina Faso on Saturday, accusing them of "
            "supplying JNIM, relatives said.")
    [event] = _reported(code, text, "2025-02-10")
    assert event.sub_event_type == "Attack"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Burkina Faso)"
    pattern = load_data("actor_groups.json")["accusation_before"][0]
    import re
    assert re.search(pattern, "whom they accused of collaborating with", re.I)
    assert not re.search(pattern, "the group accused the army of shelling", re.I)


def test_fc_personnel_are_the_military(code):
    text = ("FC personnel opened fire on a sit-in of unarmed protesters at a checkpoint in Turbat on Tuesday, "
            "killing one protester, organisers said.")
    [event] = _reported(code, text, "2025-01-15")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Pakistan"


def test_armed_cattle_raiders_of_a_people_are_its_militia_and_are_counted(code):
    text = ("Armed Turkana cattle raiders clashed with police near Lodwar on Friday; two raiders and "
            "a police officer were killed, the county commander said.")
    [event] = _reported(code, text, "2025-04-06")
    assert event.actor1.name == "Turkana Ethnic Militia (Kenya)"
    assert event.fatalities.best == 3


# -- triggers, masks and cues ----------------------------------------------------------------------------------------


def test_explosives_dropped_from_a_drone_are_a_drone_strike(code):
    text = "Rebels dropped explosives from a drone onto an army post in Argelia, Cauca, on Wednesday, wounding three soldiers."
    [event] = _reported(code, text, "2025-07-03")
    assert event.sub_event_type == "Air/drone strike"


def test_a_chapel_burnt_in_a_deserted_village_is_property_destruction(code):
    text = ("On 3 August 2025, insurgents burnt a chapel and about 15 huts in Chai (Macomia, Cabo Delgado). The "
            "village had been empty since June. No fatalities.")
    [event] = _reported(code, text, "2025-08-05")
    assert event.sub_event_type == "Looting/property destruction"


def test_brickbats_thrown_at_police_make_a_riot(code):
    text = ("Students protesting a fee rise threw brickbats at police outside the university in Sylhet on Monday; "
            "officers fired tear gas.")
    [event] = _reported(code, text, "2025-03-11")
    assert event.sub_event_type == "Violent demonstration"


def test_protests_called_for_next_week_are_planned(code):
    text = ("The opposition alliance on Monday called for a week of protests from next Thursday against the new "
            "electoral law, its spokesman said in Lome.")
    assert _reported(code, text, "2025-08-04") == []


def test_a_statistic_that_recorded_no_major_bombing_tells_none(code):
    text = ("Unexploded ordnance killed or wounded 150 children in the first half of the year, the U.N. said on "
            "Monday. It recorded no major bombing in the capital in that period.")
    assert _reported(code, text, "2025-07-14") == []


def test_the_new_patterns_load_and_compile():
    import re
    triggers = load_data("triggers.json")
    assert any("drones?" in p and "explosives?" in p for p in triggers["signals"]["air"])
    assert any(p.startswith("(?:villagers|residents") for p in triggers["masks"]["clash"])
    for p in triggers["masks"]["clash"] + load_data("actor_groups.json")["accusation_before"]:
        re.compile(p)
    assert "vigilantes" in next(g for g in load_data("actor_groups.json")["groups"]
                                if g["name"] == "Communal Militia ({country})")["aliases"]


def test_the_crpf_is_a_police_force(code):
    text = "Militants threw a grenade at a CRPF vehicle in Pulwama on Friday, wounding two personnel, police said."
    [event] = _reported(code, text, "2025-06-07")
    assert event.sub_event_type == "Grenade"
    assert event.actor2 is not None and event.actor2.name == "Police Forces of India"
