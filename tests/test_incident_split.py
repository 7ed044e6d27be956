"""A second incident told in the same report is its own event when the report tells it as a separate happening
(another district, another day, "Hours later", "In a second attack", "Elsewhere"), with its own place, date, toll
and evidence; the same incident told again, a follow-up, a place inside the one named, or a toll update is not.
The reports are written for these tests (extract/assemble.py, facts.lend_sentence_days)."""

import re

import pytest

from strife.extract.lexicon import load_data


def _reported(code, text, published):
    return [e for e in code(text, published) if e.mode == "reported"]


def _evidence(event, field):
    return [ev for ev in event.evidence if ev.field == field and ev.start is not None]


def test_hours_later_in_another_district_is_a_second_event(code):
    text = ("Gunmen shot dead a teacher in Kohat on Thursday, police said. Hours later, a bomb exploded near a "
            "police van in Dera Ismail Khan, killing two constables.")
    first, second = _reported(code, text, "2025-05-16")
    assert (first.location.name, first.fatalities.best, first.date) == ("Kohat", 1, "2025-05-15")
    assert (second.location.name, second.fatalities.best) == ("Dera Ismail Khan", 2)
    assert second.event_type == "Explosions/Remote violence"
    assert second.date == "2025-05-15"  # hours after Thursday's killing: its day
    # each event's toll and place are read from its own sentence
    assert all(ev.start >= text.index("Hours later") for f in ("fatalities", "location") for ev in _evidence(second, f))
    assert all(ev.end <= text.index("Hours later") for ev in _evidence(first, "fatalities"))


def test_another_district_without_a_marker_is_a_second_event(code):
    text = ("Gunmen shot dead a shopkeeper in Kohat on Thursday. A bomb planted on a motorcycle exploded near a police "
            "van in Dera Ismail Khan, killing two constables and wounding four.")
    first, second = _reported(code, text, "2025-05-16")
    assert first.location.name == "Kohat" and first.fatalities.best == 1 and first.injuries is None
    assert second.location.name == "Dera Ismail Khan" and second.fatalities.best == 2 and second.injuries.best == 4


def test_a_day_told_by_the_clause_before_is_another_day(code):
    text = ("Militants attacked a checkpoint in Bannu on Monday, killing two soldiers. On Wednesday troops launched an "
            "operation in the hills, and the army said five militants were killed.")
    first, second = _reported(code, text, "2025-05-16")
    assert (first.date, first.fatalities.best) == ("2025-05-12", 2)
    assert (second.date, second.fatalities.best) == ("2025-05-14", 5)
    (day,) = _evidence(second, "date")
    assert text[day.start : day.end] == "Wednesday"
    assert second.actor2 is not None or second.actor1.name.startswith("Military")  # the troops, lent with the day


@pytest.mark.parametrize("lead, day", [("Two days later", "2025-05-18"), ("The next day", "2025-05-17")])
def test_days_later_dates_the_second_event_from_the_first(code, lead, day):
    text = (f"Gunmen raided a village in Bokkos on Friday, killing three residents. {lead}, gunmen attacked a church "
            "in Bokkos, killing five worshippers.")
    first, second = _reported(code, text, "2025-05-20")
    assert (first.date, first.fatalities.best) == ("2025-05-16", 3)
    assert (second.date, second.fatalities.best) == (day, 5)
    (told,) = _evidence(second, "date")
    assert text[told.start : told.end].strip() == lead


@pytest.mark.parametrize("text", [
    "Gunmen killed a tribal elder in Kohat on Sunday. In a second attack, militants killed two policemen at a checkpoint in Kohat.",
    "Gunmen stormed a village in Bokkos on Monday, killing one farmer. Elsewhere, in Mangu, bandits killed two herders.",
])
def test_a_discourse_marker_opens_a_second_event(code, text):
    events = _reported(code, text, "2025-05-20")
    assert [e.fatalities.best for e in events] == [1, 2]


def test_meanwhile_in_another_town_is_a_second_protest(code):
    text = ("Protesters blocked the main road in Peshawar on Monday over power cuts. Meanwhile, in Quetta, hundreds of "
            "traders marched to the press club.")
    assert [e.location.name for e in _reported(code, text, "2025-05-20")] == ["Peshawar", "Quetta"]


@pytest.mark.parametrize("text, fatalities", [
    # the same incident told again
    ("A suicide bomber killed seven people at a market in Quetta on Tuesday. The attack in Quetta was condemned by "
     "the prime minister.", 7),
    # a town inside the district already named
    ("A roadside bomb killed two soldiers in North Waziristan district on Monday. The bomb struck their vehicle near "
     "Mir Ali, officials said.", 2),
    # follow-ups hours or a day later: a claim, arrests
    ("A roadside bomb killed two soldiers in Bannu on Monday. Hours later, the Pakistani Taliban claimed the attack.", 2),
    ("Gunmen killed three worshippers at a mosque in Kohat on Friday. The next day, police arrested four suspects in Kohat.", 3),
    # toll updates, days later or in a hospital elsewhere
    ("A bomb exploded at a bus station in Kohat on Monday, killing seven people and wounding 20. Two days later, two of "
     "the wounded died, raising the death toll to nine.", 9),
    ("A bomb exploded at a checkpoint in Bannu on Monday, killing four soldiers. Two more soldiers died of their wounds "
     "in a hospital in Peshawar on Tuesday.", 6),
    # a later day that is the telling's, not a happening's ("had been killed" tells the earlier attack)
    ("Gunmen attacked a village in Bokkos on Monday, killing four farmers. On Wednesday the governor visited the area, "
     "and residents said four people had been killed.", 4),
])
def test_one_incident_stays_one_event(code, text, fatalities):
    (event,) = code(text, "2025-05-20")
    assert event.mode == "reported" and event.fatalities.best == fatalities


def test_split_data_is_consistent():
    cues = load_data("cues.json")
    assembly = load_data("assembly.json")
    dates = load_data("dates.json")
    later = [re.compile(p, re.I) for p in cues["new_incident_later"]]
    assert later and cues["_new_incident_later_doc"]
    # the cues open a sentence: a "later" inside a clause ("killed two days later") is no new telling
    assert all(p.pattern.startswith("^") for p in later)
    for probe in ("Hours later, a bomb", "Two days later, gunmen", "The next day, troops", "A day later, police"):
        assert any(p.search(probe) for p in later), probe
    assert not any(p.search("Police said hours later that") for p in later)
    # every next-day word is one a cue matches, and a count of days is dated by the "later" connector
    for words in assembly["next_day_words"]:
        assert any(p.search(f"The {words}, gunmen") for p in later), words
    assert dates["offset_connectors"]["later"] == 1
    assert assembly["district_split_km"] > assembly["same_city_km"] and assembly["_district_split_km"]
    assert all(re.compile(p, re.I) for p in cues["new_incident"])


def test_a_claim_told_days_later_with_its_own_toll_is_the_incident_it_claims(code):
    # the claim's day is the claim's, and the place inside the claimant's name ("Sahel") is no second place
    text = ("Gunmen attacked an army post near Ouallam, Niger, on Friday, killing 9 soldiers, the defence ministry said on "
            "Tuesday. The Islamic State Sahel Province claimed the raid through its Amaq agency on Sunday and said 25 "
            "soldiers had died.")
    (event,) = _reported(code, text, "2025-03-25")
    assert event.date == "2025-03-21" and event.location.name == "Ouallam"
    assert event.actor1.name == "ISIS-Sahel: Islamic State Sahel Province" and event.claimed_by == [event.actor1.name]
    assert (event.fatalities.low, event.fatalities.high) == (9, 25)


def test_a_sentence_opening_on_the_next_day_with_another_kind_of_act_is_a_second_event(code):
    text = ("Rebels stormed an army outpost near Kalay, Myanmar, on Saturday, killing 4 soldiers, the group said. "
            "On Sunday, military jets bombed a village a few kilometres from the outpost, killing 7 civilians, "
            "residents said.")
    first, second = _reported(code, text, "2025-03-19")
    assert first.date == "2025-03-15" and first.fatalities.best == 4
    assert (second.date, second.sub_event_type, second.fatalities.best) == ("2025-03-16", "Air/drone strike", 7)
    # "from the outpost" places the strike by the town the outpost was near
    assert second.location.name == first.location.name
    # a toll told on the next day goes on telling the incident
    text = ("Rebels stormed an army outpost near Kalay, Myanmar, on Saturday, killing 4 soldiers, the group said. "
            "On Sunday, two more soldiers died of their wounds, an official said.")
    (event,) = _reported(code, text, "2025-03-19")
    assert event.fatalities.best == 6
