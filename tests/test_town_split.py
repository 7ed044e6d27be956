"""One event per location: a protest told of several towns in one list, or "in three cities" whose towns open the
clauses after it, is one event per town (towns of one city are one); a split event with no day of its own takes the
day of the incident it was split from, and one with no place of its own that incident's place (extract/assemble.py
split_by_town, the one per-town split, made before assembly; _told_again; _dated_as_told_before, places.choose_place). The reports are written for these tests."""

import re

from strife.extract.lexicon import load_data


def _reported(code, text, published="2025-03-12"):
    return [e for e in code(text, published) if e.mode == "reported"]


def _by_place(events):
    return {e.location.name: e for e in events}


def test_a_protest_held_in_two_towns_is_two_events(code):
    text = ("Nurses held protests in Lucknow and Patna on Monday over unpaid salaries. In Patna, police detained 12 nurses "
            "who tried to enter the secretariat. Both protests ended by noon.")
    events = _by_place(_reported(code, text))
    assert set(events) == {"Lucknow", "Patna"}
    assert all(e.date == "2025-03-10" for e in events.values())
    # the clause that names Patna is Patna's: the police broke up that protest, not Lucknow's
    assert events["Patna"].sub_event_type == "Protest with intervention"
    assert events["Lucknow"].sub_event_type == "Peaceful protest"


def test_a_province_between_the_towns_keeps_the_list(code):
    text = "Farmers rallied in Ludhiana, Punjab and in Patna on Monday against the new procurement rules."
    assert set(_by_place(_reported(code, text))) == {"Ludhiana", "Patna"}


def test_parts_of_one_city_are_one_event(code):
    text = ("Thousands of students marched through Zemun, New Belgrade and Vracar on Monday, demanding the resignation "
            "of the government.")
    assert len(_reported(code, text)) == 1


def test_a_toll_told_of_several_towns_is_not_shared_out(code):
    (event,) = _reported(code, "Protests in Lucknow and Patna on Monday left two people dead, police said.")
    assert event.fatalities.best == 2


def test_towns_that_open_the_clauses_after_a_count_of_cities_are_one_event_each(code):
    text = ("Teachers rallied in three cities on Wednesday to demand pay rises. In Lahore, hundreds gathered outside the "
            "Punjab Assembly; in Multan, teachers blocked a road for an hour; and in Faisalabad, about 200 teachers "
            "gathered at the district office.")
    events = _by_place(_reported(code, text))
    assert set(events) == {"Lahore", "Multan", "Faisalabad"}
    assert all(e.date == "2025-03-12" for e in events.values())
    # with no count of cities told, a clause's town is only where the one rally was
    assert len(_reported(code, "Teachers rallied on Wednesday to demand pay rises. In Multan, teachers blocked a road.")) == 1


def test_similar_protests_elsewhere_take_the_day_of_the_one_told(code):
    text = ("Police fired tear gas at protesters in Lahore on Tuesday, injuring five. Similar protests in Multan and "
            "Faisalabad passed off peacefully.")
    events = _by_place(_reported(code, text))
    assert set(events) == {"Lahore", "Multan", "Faisalabad"}
    assert {e.date for e in events.values()} == {"2025-03-11"}
    (day,) = [ev for ev in events["Multan"].evidence if ev.field == "date"]
    assert "the day of the incident told before it" in day.reason


def test_an_undated_incident_of_another_kind_keeps_the_publication_week(code):
    text = ("Police fired tear gas at protesters in Lahore on Tuesday. A bomb exploded at a bus stop in Quetta, "
            "wounding four people.")
    events = _by_place(_reported(code, text))
    assert events["Lahore"].date == "2025-03-11"
    assert events["Quetta"].date == "2025-03-12" and events["Quetta"].time_precision == 2


def test_an_earlier_incident_with_no_place_is_where_the_news_is(code):
    text = "Gunmen killed three villagers in Bokkos on Monday, officials said. In January, a similar raid killed five people."
    news, earlier = code(text, "2025-03-12")
    assert (news.mode, earlier.mode) == ("reported", "background")
    assert earlier.location.name == "Bokkos" and earlier.location.geo_precision == 2
    (where,) = [ev for ev in earlier.evidence if ev.field == "location"]
    assert "the place of the incident it is told with" in where.reason


def test_an_example_of_a_habit_is_context_told_where_the_news_is(code):
    text = ("Police used water cannon on protesters in Tbilisi on Sunday night. Georgians have protested nightly since "
            "November; on March 2, police detained 11 people at a rally outside parliament.")
    events = code(text, "2025-03-12")
    earlier = [e for e in events if e.mode == "background"]
    assert len(events) == 2 and len(earlier) == 1
    assert earlier[0].date == "2025-03-02" and earlier[0].location.name == "Tbilisi"


def test_a_war_toll_in_the_thousands_is_no_incidents_toll(code):
    text = ("Soldiers and gunmen fought in Culiacan on Saturday, leaving four gunmen dead. The city has been shaken by a "
            "war between cartel factions, which authorities say has killed more than 1,200 people.")
    (event,) = code(text, "2025-03-12")
    assert event.fatalities.best == 4


def test_a_sentence_opening_town_is_found():
    from strife.geo.geoparse import CLAUSE_IN

    assert CLAUSE_IN.search("Teachers rallied. In Multan, teachers").group("name") == "Multan"
    assert CLAUSE_IN.search("Teachers rallied in Multan on Monday.") is None  # not in a sentence
    assert CLAUSE_IN.search("Teachers rallied. In Multan teachers") is None  # no comma: not a clause's opening


def test_earlier_in_the_week_is_the_week(code):
    from strife.extract.dates import find_dates
    import datetime as dt

    (d,) = [d for d in find_dates("a colleague was beaten earlier in the week", dt.date(2025, 8, 9))]
    assert d.precision == 2 and d.date <= dt.date(2025, 8, 9)


def test_town_split_data_is_consistent():
    assembly = load_data("assembly.json")
    split = assembly["town_split"]
    assert assembly["_town_split"] and set(split["families"]) <= set(assembly["signal_families"].values())
    gap = re.compile(split["list_gap"], re.I)
    for between in (" and ", ", ", ", and ", " and in ", ", , and "):
        assert gap.match(between), between
    for between in (" to ", " near ", ", where police said "):
        assert not gap.match(between), between
    counted = re.compile(split["counted_towns"])
    assert counted.search("rallied in three Iranian cities on Tuesday") and counted.search("across 12 towns")
    assert not counted.search("in the city")
    lead = re.compile(split["clause_town_lead"])
    assert lead.search("inflation. In ") and lead.search("for an hour; and in ") and not lead.search("rallied in ")
    # the words before a list that make its towns the happening's places, and those that do not
    list_lead = re.compile(split["lead"], re.I)
    for before in ("protests were held in ", "at least 20 cities, including ", "rallies in the cities of ", "marched at "):
        assert list_lead.search(before), before
    for before in ("farmers from ", "the road between ", "marched to "):
        assert not list_lead.search(before), before


# The one per-town split (assemble.split_by_town, before assembly): each behaviour the two former passes had.

def test_a_list_clause_of_a_strike_day_is_split_and_a_later_clause_goes_to_its_town(code):
    # the list clause also reads "strike" (an air strike's word) and the story tells stones thrown at police: the
    # clause that tells a demonstration is split whatever else the story tells, and the clause that names Marseille
    # is Marseille's event
    text = ("Tens of thousands of workers marched in Lyon, Marseille and Toulouse on Thursday during a national strike "
            "over pensions. In Marseille, youths threw stones at police, who fired tear gas.")
    events = _by_place(_reported(code, text))
    assert set(events) == {"Lyon", "Marseille", "Toulouse"}
    assert events["Marseille"].sub_event_type == "Violent demonstration"
    assert events["Lyon"].sub_event_type == events["Toulouse"].sub_event_type == "Peaceful protest"
    assert {e.date for e in events.values()} == {"2025-03-06"}


def test_a_general_strike_told_in_two_towns_with_clashes_is_two_events(code):
    text = "A general strike called by opposition parties shut markets in Rawalpindi and Peshawar on Monday, and strikers clashed with police."
    assert set(_by_place(_reported(code, text))) == {"Rawalpindi", "Peshawar"}


def test_an_arrest_told_at_one_town_of_the_list_is_that_towns_protest(code):
    text = "Vendors rallied in Mombasa and Malindi on Friday. In Malindi, police arrested six vendors who refused to leave the road."
    events = _by_place(_reported(code, text))
    assert {k: e.sub_event_type for k, e in events.items()} == {"Mombasa": "Peaceful protest", "Malindi": "Protest with intervention"}


def test_towns_the_marchers_came_from_are_no_list_of_protests(code):
    assert len(_reported(code, "Shopkeepers from Sialkot and Gujranwala protested outside the tax office in Lahore on Monday.")) == 1


def test_a_town_and_a_district_of_it_are_one_protest(code):
    assert len(_reported(code, "Doctors went on strike in Kolkata and Howrah on Tuesday, rallying outside the health department.")) == 1


def test_an_attack_told_in_a_list_of_villages_is_not_split_per_town(code):
    (event,) = _reported(code, "Gunmen attacked the villages of Bokkos and Mangu on Sunday night, residents said.")
    assert event.event_type == "Violence against civilians"


def test_only_the_towns_named_of_a_count_of_cities_are_events(code):
    # "four cities", two named: the two unnamed are not coded
    text = ("Pensioners demonstrated in four cities on Monday. In Tabriz, they gathered outside the governorate; in "
            "Isfahan, several hundred marched to the pension office.")
    assert set(_by_place(_reported(code, text))) == {"Tabriz", "Isfahan"}


def test_the_towns_of_a_count_of_cities_end_where_another_incident_is_told(code):
    text = ("Teachers rallied in two cities on Wednesday to demand pay rises. In Lahore, hundreds gathered outside the "
            "assembly; in Multan, teachers blocked a road. In Quetta, gunmen shot dead a policeman on Tuesday.")
    events = _reported(code, text)
    protests = {e.location.name for e in events if e.event_type == "Protests"}
    assert protests == {"Lahore", "Multan"}
    assert [e.event_type for e in events if e.location.name == "Quetta"] != ["Protests"]


def test_the_split_is_made_once_before_assembly():
    # one per-town split: the pipeline assembles clauses already split, and no second pass runs after it
    import strife.extract.assemble as assemble
    import strife.pipeline as pipeline

    assert not hasattr(assemble, "split_listed_towns") and not hasattr(pipeline, "split_by_town")


def test_each_town_of_a_list_with_a_comma_before_and_is_an_event(code):
    text = "Farmers blocked highways in Amritsar, Ludhiana, and Jalandhar on Thursday, demanding higher prices."
    assert set(_by_place(_reported(code, text))) == {"Amritsar", "Ludhiana", "Jalandhar"}
