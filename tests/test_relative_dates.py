"""An incident dated from another one: "…on Monday, two days after an attack on Gwoza"
(extract.dates find_offsets/shift_date, extract.facts date_from_anchor)."""

import datetime as dt

import pytest

from strife.extract.dates import (
    DATA, NUMBER_WORDS, OFFSET, OFFSET_CONNECTORS, OFFSET_UNITS, find_dates, find_offsets, shift_date,
)


def test_offset_vocabulary_is_consistent():
    assert set(OFFSET_CONNECTORS.values()) == {-1, 1}
    for unit, spec in OFFSET_UNITS.items():
        assert spec["days"] >= 0 and spec["precision"] in (1, 2, 3), unit
        # singular and plural of a unit count alike
        other = unit[:-1] if unit.endswith("s") else unit + "s"
        assert OFFSET_UNITS[other] == spec, unit
    lo, hi = DATA["offset_vague_days"]
    assert 0 < lo <= hi <= 7  # "days after" is some days, a week or less: precision 2
    assert not set(DATA["offset_count_words"]) & set(NUMBER_WORDS)
    assert not set(DATA["offset_vague_counts"]) & set(NUMBER_WORDS)
    for phrase in ("two days after", "a week before", "hours after", "the day after", "several days before"):
        assert OFFSET.fullmatch(phrase), phrase


@pytest.mark.parametrize("phrase, sign, days, precision", [
    ("two days after", -1, (2, 2), 1),
    ("a day after", -1, (1, 1), 1),
    ("the day after", -1, (1, 1), 1),
    ("3 days before", 1, (3, 3), 1),
    ("a week before", 1, (7, 7), 2),
    ("hours after", -1, (0, 0), 1),
    ("six hours after", -1, (0, 0), 1),
    ("48 hours after", -1, (2, 2), 1),
    ("days after", -1, tuple(DATA["offset_vague_days"]), 2),
    ("a few days before", 1, tuple(DATA["offset_vague_days"]), 2),
])
def test_offsets(phrase, sign, days, precision):
    (found,) = find_offsets(f"It happened {phrase} the vote.", 100)
    assert found.text == phrase and found.start == 112 and found.end == 112 + len(phrase)
    assert (found.sign, found.days, found.precision) == (sign, days, precision)


@pytest.mark.parametrize("text", ["in the days after the vote", "the day before yesterday", "day after day"])
def test_not_offsets(text):
    assert find_offsets(text) == []


def test_shift_from_the_anchor():
    pub = dt.date(2024, 6, 11)
    (monday,) = find_dates("on Monday", pub)
    (two_days,) = find_offsets("two days after")
    shifted = shift_date(monday, two_days)
    assert shifted.date == monday.date - dt.timedelta(days=2) and shifted.date_end is None and shifted.precision == 1
    (week,) = find_offsets("a week before")
    later = shift_date(monday, week)
    assert later.date == monday.date + dt.timedelta(days=7) and later.precision == 2
    (vague,) = find_offsets("days after")
    some = shift_date(monday, vague)
    lo, hi = DATA["offset_vague_days"]
    assert (some.date, some.date_end) == (monday.date - dt.timedelta(days=hi), monday.date - dt.timedelta(days=lo))
    assert some.precision == 2 and "Monday" in some.reason


def _reported(code, text, published):
    return [e for e in code(text, published) if e.mode == "reported"]


def _by_place(events):
    return {e.location.name: e for e in events if e.location is not None}


def test_two_days_after_an_attack_dates_the_attack_two_days_earlier(code):
    text = ("Jihadist fighters killed nine herders near Dikwa in Borno state on Tuesday, two days after "
            "an attack on Monguno, a militia commander said.")
    events = _by_place(code(text, "2024-06-13"))
    tuesday = dt.date(2024, 6, 11)
    assert events["Dikwa"].date == tuesday.isoformat() and events["Dikwa"].mode == "reported"
    assert events["Monguno"].date == (tuesday - dt.timedelta(days=2)).isoformat()
    # the attack two days before the news is its context (cues.json background_lead_after), as the coding guide codes
    # an incident told for context
    assert events["Monguno"].mode == "background"
    (ev,) = [v for v in events["Monguno"].evidence if v.field == "date"]
    assert text[ev.start : ev.end] == "two days after"


def test_a_day_after_an_abduction(code):
    text = "Gunmen killed five villagers in Zamfara state on Tuesday, a day after bandits abducted 20 people in Katsina state."
    events = _reported(code, text, "2024-06-12")
    abduction = next(e for e in events if e.sub_event_type == "Abduction/forced disappearance")
    assert abduction.date == "2024-06-10"


def test_a_week_before_a_bombing(code):
    text = "Gunmen killed five villagers in Zamfara state on June 3, a week before a bomb exploded in Kano."
    events = _reported(code, text, "2024-06-30")
    bomb = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert bomb.date == "2024-06-10" and bomb.time_precision == 2


def test_hours_after_keeps_the_day(code):
    text = "Militants attacked a checkpoint in Bannu on Sunday, hours after a bomb killed two soldiers in Lakki Marwat."
    events = _reported(code, text, "2024-06-11")
    assert len(events) == 2 and {e.date for e in events} == {"2024-06-09"}


def test_after_a_non_incident_does_not_shift_the_incident(code):
    # the anchor of "two days after" is the election, no incident: the march is of Thursday
    text = "Two days after the election, protesters marched in Harare on Thursday."
    (event,) = _reported(code, text, "2024-06-14")
    assert event.event_type == "Protests" and event.date == "2024-06-13"


def test_a_date_of_its_own_wins(code):
    text = ("Gunmen killed five villagers in Zamfara state on Tuesday, two days after bandits abducted "
            "20 people in Katsina state on June 5.")
    events = code(text, "2024-06-12")  # six days before the story's day: a context event
    abduction = next(e for e in events if e.sub_event_type == "Abduction/forced disappearance")
    assert abduction.date == "2024-06-05"
