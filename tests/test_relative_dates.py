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


# A night told by its two days, and a day of the month with no month (the devset21 stop)
def test_a_night_told_by_two_days_is_its_later_day():
    import datetime as dt
    from strife.extract.dates import find_dates
    published = dt.date(2025, 3, 4)  # a Tuesday
    found = find_dates("Militias shelled the port overnight Saturday into Sunday, a local official said.", published)
    assert [(m.text, m.date) for m in found] == [("overnight Saturday into Sunday", dt.date(2025, 3, 2))]
    found = find_dates("Drones struck a depot in the night from Sunday to Monday.", published)
    assert [m.date for m in found] == [dt.date(2025, 3, 3)]
    # one weekday after "overnight" is still that weekday
    assert [m.date for m in find_dates("Rebels attacked the post overnight on Monday.", published)][-1] == dt.date(2025, 3, 3)


def test_on_the_nth_is_the_latest_such_day_on_or_before_publication():
    import datetime as dt
    from strife.extract.dates import find_dates
    published = dt.date(2025, 3, 4)
    assert [m.date for m in find_dates("The trader was seized on the 2nd, his brother said.", published)] == [dt.date(2025, 3, 2)]
    assert [m.date for m in find_dates("Gunmen struck on the 27th in the market town.", published)] == [dt.date(2025, 2, 27)]
    # a 30th the publication month has not reached and February lacks: January's
    assert [m.date for m in find_dates("He vanished on the 30th.", published)] == [dt.date(2025, 1, 30)]
    # ordinals of floors, days of a siege and anniversaries are no dates
    for text in ("Fire broke out on the 14th floor.", "It fell on the 5th day of the siege.",
                 "They marched on the 3rd anniversary of the massacre."):
        assert find_dates(text, published) == [], text


def test_graves_found_since_a_month_are_a_tally_not_an_incident(code):
    # a search team's count of graves or bodies found "since March" sums months of finds (cues.json trend)
    tally = ("Volunteer searchers have found 22 clandestine graves holding at least 60 bodies since March, "
             "the state's commission said on Friday.")
    assert [e for e in code(tally, "2025-08-15") if e.mode == "reported"] == []
    # a single find on a day is still told as what it is
    one = "Police found a clandestine grave holding six bodies on the outskirts of the town on Thursday."
    assert [e.sub_event_type for e in code(one, "2025-08-15") if e.mode == "reported"] == ["Other"]
