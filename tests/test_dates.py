"""Dates in news, resolved against the publication date (coding-guide.md, "Dates")."""

import datetime as dt

import pytest

from strife.extract.dates import DATA, MONTHS, PATTERNS, WEEKDAYS, find_dates, read_dateline


def one(text, published):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.text
    return d


def weekday_date(published: dt.date, weekday: int, back_only=True) -> dt.date:
    """Computed, not copied: the most recent such weekday on or before publication."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


PUB = dt.date(2024, 1, 30)  # a Tuesday


def test_weekday_of_the_publication_day_is_that_day():
    assert PUB.weekday() == 1
    assert one("attacked before dawn Tuesday, killing", PUB).date == PUB
    assert one("on Tuesday night", PUB).date == PUB


def test_previous_weekday():
    assert one("on Monday", PUB).date == weekday_date(PUB, 0) == PUB - dt.timedelta(days=1)
    assert one("late Sunday", PUB).date == PUB - dt.timedelta(days=2)


def test_last_weekday_on_that_weekday_is_a_week_before():
    assert one("last Tuesday", PUB).date == PUB - dt.timedelta(days=7)


def test_month_boundary():
    pub = dt.date(2023, 3, 1)
    assert one("on Monday", pub).date == weekday_date(pub, 0) == dt.date(2023, 2, 27)


def test_year_boundary_for_dates_without_a_year():
    assert one("on Dec. 28", dt.date(2024, 1, 3)).date == dt.date(2023, 12, 28)
    assert one("Jan. 18", PUB).date == dt.date(2024, 1, 18)


def test_muc_upper_case():
    d = one("THE KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS", dt.date(1990, 1, 3))
    assert d.date == dt.date(1989, 12, 30) and d.precision == 1
    assert one("CLASHES YESTERDAY IN USULUTAN", dt.date(1990, 1, 3)).date == dt.date(1990, 1, 2)


def test_earlier_in_the_month_is_month_precision_before_publication():
    d = one("in Iran earlier in January", PUB)
    assert (d.date, d.date_end, d.precision) == (dt.date(2024, 1, 1), dt.date(2024, 1, 29), 3)


def test_written_in_full_and_iso():
    assert one("on January 18, 2024", None).date == dt.date(2024, 1, 18)
    assert one("on 18 January 2024", None).date == dt.date(2024, 1, 18)
    assert one("dated 2024-01-18", None).date == dt.date(2024, 1, 18)
    assert one("3 JAN 90", None).date == dt.date(1990, 1, 3)


def test_relative_expressions():
    assert one("yesterday", PUB).date == PUB - dt.timedelta(days=1)
    assert one("three days ago", PUB).date == PUB - dt.timedelta(days=3)
    week = one("last week", PUB)
    assert week.precision == 2 and week.date.weekday() == 0 and week.date < PUB - dt.timedelta(days=6)
    month = one("last month", PUB)
    assert (month.date, month.precision) == (dt.date(2023, 12, 1), 3)


def test_no_publication_date_means_no_relative_date():
    d = one("on Tuesday", None)
    assert d.date is None and "no publication date" in d.reason


@pytest.mark.parametrize("text", [
    "protesters march on the capital", "a 10-year sentence", "the 900-kilometer border",
    "militants may attack again", "at 3 p.m.", "February 30",
])
def test_not_dates(text):
    assert [d for d in find_dates(text, PUB) if d.date is not None] == []


def test_invalid_day_is_not_a_date():
    assert find_dates("on February 30, 2023", None) == [] or all(d.date is None for d in find_dates("on February 30, 2023", None))


def test_offsets_follow_the_offset_argument():
    d = find_dates("on Monday", PUB, offset=100)[0]
    assert (d.start, d.end) == (103, 109)


@pytest.mark.parametrize("text, place, date, source", [
    ("QUETTA, Pakistan (AP) — Gunmen killed", "QUETTA, Pakistan", None, "AP"),
    ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE", "SAN SALVADOR", dt.date(1990, 1, 3), "RADIO VENCEREMOS"),
    ("LIMA, 12 FEB 90 (EFE) -- POLICE", "LIMA", dt.date(1990, 2, 12), "EFE"),
    ("KABUL — Two bombs", "KABUL", None, None),
    ("MULTAN: Two bombs", "MULTAN", None, None),  # the South Asian press's colon
    ("Jaipur: Two bombs", "Jaipur", None, None),
])
def test_datelines(text, place, date, source):
    d = read_dateline(text)
    assert d is not None and d.place == place and d.date == date and d.source == source
    assert text[d.place_start : d.place_end] == place


def test_a_title_case_colon_dateline_is_not_certain():
    assert read_dateline("Jaipur: Two bombs").certain is False
    assert read_dateline("JAIPUR: Two bombs").certain is True
    # a sentence with a colon later on is no dateline
    assert read_dateline("Police said the following: two men were held.") is None


def test_an_ordinary_first_sentence_is_no_dateline():
    assert read_dateline("A group of insurgents armed with rockets attacked a base — and fled.") is None


def test_dates_data_is_consistent():
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert sorted(set(WEEKDAYS.values())) == list(range(7))
    assert PATTERNS and all(p.pattern for _, p in PATTERNS)
    assert set(DATA["ambiguous_month_words"]) <= set(MONTHS)


def test_years_ago_is_a_date_long_before_publication():
    # "the stampede three years ago": a context incident's date, so an old incident can be told as one
    d = one("three years ago", PUB)
    assert d.date.year == PUB.year - 3 and d.precision == 3


def test_a_feast_named_by_a_weekday_is_that_feast_not_last_week():
    # Easter 2024 fell on 31 March: a June report's "on Palm Sunday" is 24 March, not the Sunday before it
    june = dt.date(2024, 6, 12)
    d = one("a shell hit the cathedral square on Palm Sunday", june)
    assert (d.date, d.precision) == (dt.date(2024, 3, 24), 1)
    # before this year's Good Friday (29 March 2024), the latest one is last year's (7 April 2023)
    assert one("the Good Friday bombing", dt.date(2024, 3, 20)).date == dt.date(2023, 4, 7)
    # a day named after an event is no date at all, and hides no weekday
    assert find_dates("marchers remembered Bloody Sunday in Derry", june) == []


def test_feast_days_are_the_weekdays_they_name():
    from dateutil.easter import easter
    for name, shift in DATA["feast_days"].items():
        weekday = name.split()[-1]
        assert weekday in WEEKDAYS, name
        assert (easter(2025) + dt.timedelta(days=shift)).weekday() == WEEKDAYS[weekday], name
    assert all(n.split()[-1] in WEEKDAYS and n == n.lower() for n in DATA["named_weekdays"])


def test_a_month_of_last_year_is_one_date():
    # "in May last year" in a June 2025 report is May 2024, not this May and a year beside it
    june = dt.date(2025, 6, 18)
    d = one("a strike killed seven people in May last year", june)
    assert (d.date, d.date_end, d.precision) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31), 3)
    assert one("in March this year", june).date == dt.date(2025, 3, 1)
    assert one("in August last year", dt.date(2025, 1, 6)).date == dt.date(2024, 8, 1)


def test_a_count_after_a_month_is_no_two_digit_year():
    july = dt.date(2025, 7, 8)
    assert [(d.text, d.date) for d in find_dates("in April 56 people died in raids", july)] == [("in April", dt.date(2025, 4, 1))]
    assert one("in June 2021 a car bomb exploded", july).date == dt.date(2021, 6, 1)
    assert one("in March '24", july).date == dt.date(2024, 3, 1)


def test_a_day_and_month_with_last_year_is_that_day_a_year_before():
    # "On June 25 last year" in a report of June 26: not the day before publication
    published = dt.date(2025, 6, 26)
    d = one("On June 25 last year, police opened fire on marchers.", published)
    assert (d.date, d.precision) == (dt.date(2024, 6, 25), 1)
    d = one("the attack of 3 March last year", published)
    assert d.date == dt.date(2024, 3, 3)
    d = one("On June 25, police opened fire on marchers.", published)
    assert d.date == dt.date(2025, 6, 25)


def test_since_a_month_followed_by_when_dates_the_when_clause():
    # "the third attack since April, when gunmen killed nine": the when-clause happened in April
    aug = dt.date(2025, 8, 12)
    d = one("the third attack on the road since April, when gunmen killed nine travellers", aug)
    assert (d.date, d.date_end, d.precision) == (dt.date(2025, 4, 1), dt.date(2025, 4, 30), 3)
    assert one("the worst since November 2023, when a bomb hit a bus", aug).date == dt.date(2023, 11, 1)
    assert one("since October, when", aug).date == dt.date(2024, 10, 1)
    # a span's edge alone is still no incident's date
    assert find_dates("attacks have risen since April", aug) == []
