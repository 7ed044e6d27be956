"""Dates in news, resolved against the publication date.

strife's own code (not dateparser, which resolves "Tuesday" in a Tuesday article to the
week before): news writes weekdays for the past week, with the publication day itself
being "Tuesday" in a Tuesday article, and omits the year of dates within the last
months. Each DateMention keeps its span, its ACLED time_precision (1 day, 2 week,
3 month or vaguer) and how it was resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.easter import easter

from strife.extract.lexicon import load_data

DATA = load_data("dates.json")
MONTHS: dict[str, int] = DATA["months"]
WEEKDAYS: dict[str, int] = DATA["weekdays"]
NUMBER_WORDS: dict[str, int] = DATA["number_words"]
FUTURE_SLACK = dt.timedelta(days=DATA["future_slack_days"])  # "Jan. 31" in a Jan. 30 article may be tomorrow's plan


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date | None
    date_end: dt.date | None
    precision: int
    reason: str
    relative: bool


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place: str | None
    place_start: int | None
    place_end: int | None
    date: dt.date | None
    source: str | None
    # the form alone says it is a dateline (capitals, an agency or a date); "Kolkata: ..."
    # in Title case is one only if the gazetteer knows the place as a town of some size
    certain: bool = True


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH = rf"(?P<month>{_alt(MONTHS)})\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d|'?\d\d)"
WEEKDAY_FULL = _alt([w for w in WEEKDAYS if len(w) > 4])

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    ("day_month_year", re.compile(rf"\b{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}\b", re.I)),
    # "on June 25 last year": the day in the year the phrase names, not the latest June 25 before publication
    ("month_day_rel_year", re.compile(rf"\b{MONTH}\s+{DAY},?\s+(?P<rel>{_alt(DATA['relative_years'])})\b", re.I)),
    ("day_month_rel_year", re.compile(rf"\b{DAY}(?:\s+of)?\s+{MONTH},?\s+(?P<rel>{_alt(DATA['relative_years'])})\b", re.I)),
    ("month_day", re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*(?:,\s*)?(?:\d|%|percent|per\b|people|km|kilomet|miles))", re.I)),
    ("day_month", re.compile(rf"\b{DAY}(?:\s+of)?\s+{MONTH}\b", re.I)),
    # "on the 14th": a day of a month the report leaves unsaid (dates.json _day_of_month_doc)
    ("day_of_month", re.compile(
        rf"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$)|\s+(?:{_alt(DATA['day_of_month_followers'])})\b)",
        re.I)),
    ("mid_month", re.compile(rf"\b(?P<part>early|mid|late)[- ]{MONTH}(?:\s+{YEAR})?\b", re.I)),
    ("earlier_in_month", re.compile(rf"\b(?:earlier|later)\s+(?:in|this)\s+{MONTH}\b", re.I)),
    # "since January 1988", "until March": a span's edge, never an incident's date
    # "in May last year" is one date: May of the year before publication; "in April 56 people died" is April and a
    # count, not April 1956 (a year is followed by no lower-case word).
    # "in May last year" is one date: May of the year before publication, not this May and a year
    # "the third strike since May, when a drone strike killed two": the when-clause tells what happened that month
    ("since_month_when", re.compile(rf"\bsince\s+{MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?(?=,?\s+when\b)", re.I)),
    ("in_month_year", re.compile(rf"\b(?<!since )(?<!until )(?:in|during|last|this)\s+{MONTH}(?:\s+(?P<year>(?:1[89]|20)\d\d|'\d\d|\d\d(?!\s+[a-z]))|,?\s+(?P<rel_year>last|this|the\s+previous)\s+year)?\b", re.I)),
    ("month_year", re.compile(rf"\b(?<!since )(?<!until ){MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("in_year", re.compile(r"\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)\b(?![-/])", re.I)),
    # before "weekday": "on Palm Sunday" is a feast's day, "Bloody Sunday" an event's name, neither last Sunday
    ("feast_day", re.compile(rf"\b(?:{_alt(DATA['feast_days'])})\b", re.I)),
    ("named_weekday", re.compile(rf"\b(?:{_alt(DATA['named_weekdays'])})\b", re.I)),
    # "overnight Saturday into Sunday": one night, dated by its later day (the first weekday is no date of its own)
    ("overnight_span", re.compile(
        rf"\b(?:{_alt(DATA['overnight_span_leads'])})\s+(?:{WEEKDAY_FULL})\s+(?:{_alt(DATA['overnight_span_joiners'])})\s+"
        rf"(?P<weekday>{WEEKDAY_FULL})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this|coming|past)\s+)?(?P<weekday>{WEEKDAY_FULL})\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>\d+|{_alt(NUMBER_WORDS)})\s+(?P<unit>{_alt(DATA['ago_units'])})\s+ago\b", re.I)),
    ("rel_day", re.compile(rf"\b(?:{_alt(DATA['relative_days'])})\b", re.I)),
    ("rel_week", re.compile(rf"\b(?:{_alt(DATA['relative_weeks'])})\b", re.I)),
    ("rel_month", re.compile(rf"\b(?:{_alt(DATA['relative_months'])})\b", re.I)),
    ("rel_year", re.compile(rf"\b(?:{_alt(DATA['relative_years'])})\b", re.I)),
]
AMBIGUOUS = set(DATA["ambiguous_month_words"])


def _year(raw: str, published: dt.date | None) -> int:
    raw = raw.lstrip("'")
    if len(raw) == 4:
        return int(raw)
    two = int(raw)
    pivot = (published.year if published else dt.date.today().year) % 100
    century = (published.year if published else 2000) // 100 * 100
    return century + two if two <= pivot + 1 else century - 100 + two


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _past_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest date with this month and day not more than FUTURE_SLACK after publication."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= published + FUTURE_SLACK:
            return d
    return None


def _resolve(kind: str, m: re.Match, published: dt.date | None):
    """-> (date, date_end, precision, reason, relative) or None when not a date."""
    g = m.groupdict()
    text = m.group(0)
    if kind in ("iso", "numeric", "month_day_year", "day_month_year"):
        month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower()]
        if kind == "numeric" and int(g["day"]) <= 12 and int(g["mnum"]) <= 12 and g["day"] != g["mnum"]:
            return None  # 03/04/2024: day-month or month-day? not guessed
        try:
            d = dt.date(_year(g["year"], published), month, int(g["day"]))
        except ValueError:
            return None
        return d, None, 1, f"'{text}' written in full", False
    if kind in ("month_day_rel_year", "day_month_rel_year"):
        if published is None:
            return None, None, 1, f"'{text}' has no year and there is no publication date", True
        year = published.year + DATA["relative_years"][re.sub(r"\s+", " ", g["rel"].lower())]
        try:
            d = dt.date(year, MONTHS[g["month"].lower()], int(g["day"]))
        except ValueError:
            return None
        return d, None, 1, f"'{text}': that day in that year", True
    if kind in ("month_day", "day_month"):
        word = g["month"].lower()
        if word in AMBIGUOUS and not re.search(r"\d", text):
            return None
        if published is None:
            return None, None, 1, f"'{text}' has no year and there is no publication date", True
        d = _past_year(MONTHS[word], int(g["day"]), published)
        if d is None:
            return None
        return d, None, 1, f"'{text}' in the year that puts it at or before publication ({published})", True
    if kind == "mid_month":
        month = MONTHS[g["month"].lower()]
        if g.get("year"):
            year = _year(g["year"], published)
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        else:
            return None, None, 3, f"'{text}' has no year and there is no publication date", True
        part = g["part"].lower()
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, _month_end(year, month).day)}[part]
        return dt.date(year, month, first), dt.date(year, month, last), 2, f"'{text}': that part of the month", not g.get("year")
    if kind in ("earlier_in_month", "in_month_year", "month_year", "since_month_when"):
        word = g["month"].lower()
        month = MONTHS[word]
        if g.get("year"):
            year = _year(g["year"], published)
        elif g.get("rel_year") and published is not None:
            year = published.year if g["rel_year"].lower() == "this" else published.year - 1
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
            if text.lower().startswith("last") and month == published.month:
                year -= 1
        else:
            return None, None, 3, f"'{text}' has no year and there is no publication date", True
        end = _month_end(year, month)
        if kind == "earlier_in_month" and published is not None and published.year == year and published.month == month:
            end = published - dt.timedelta(days=1)  # "earlier in January" of a January article: before it
        if g.get("rel_year") and published is not None and (year, month) > (published.year, published.month):
            return None  # "in December this year" of a June report: still to come, no incident's date
        return dt.date(year, month, 1), end, 3, f"'{text}': the month", not g.get("year")
    if kind == "in_year":
        year = int(g["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), 3, f"'{text}': the year", False
    if published is None:
        return None, None, 1, f"'{text}' is relative and there is no publication date", True
    if kind == "feast_day":
        shift = dt.timedelta(days=DATA["feast_days"][re.sub(r"\s+", " ", text.lower())])
        d = easter(published.year) + shift
        if d > published:
            d = easter(published.year - 1) + shift
        return d, None, 1, f"'{text}' = {d.isoformat()}, the latest on or before publication ({published.isoformat()})", True
    if kind == "day_of_month":
        day = int(g["day"])
        year, month = published.year, published.month
        for _ in range(3):  # this month's, else the latest month that has the day on or before publication
            try:
                d = dt.date(year, month, day)
            except ValueError:
                d = None
            if d is not None and d <= published:
                return d, None, 1, f"'{text}' = {d.isoformat()}, the latest such day on or before publication ({published})", True
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return None
    if kind == "overnight_span":
        kind = "weekday"  # the later day, resolved as a weekday is
    if kind == "weekday":
        wd = WEEKDAYS[g["weekday"].lower()]
        which = (g.get("which") or "").lower()
        back = (published.weekday() - wd) % 7
        if which in ("next", "coming"):
            d = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
            return d, None, 1, f"'{text}': the coming {g['weekday']}", True
        if which in ("last", "past") and back == 0:
            back = 7
        d = published - dt.timedelta(days=back)
        why = "the publication day itself" if back == 0 else f"{back} day(s) before publication"
        return d, None, 1, f"'{text}' = {d.isoformat()} ({why}, {published.isoformat()})", True
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
        unit = g["unit"].lower()
        d = published - dt.timedelta(days=n * DATA["ago_units"][unit])
        precision = 1 if unit.startswith("day") else 2 if unit.startswith("week") else 3
        return d, None, precision, f"'{text}' before publication ({published})", True
    if kind == "rel_day":
        d = published + dt.timedelta(days=DATA["relative_days"][text.lower()])
        return d, None, 1, f"'{text}' relative to publication ({published})", True
    if kind == "rel_week" and "weekend" in text.lower():
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        return saturday, min(saturday + dt.timedelta(days=1), published), 2, f"'{text}': the weekend before publication", True
    if kind == "rel_week":
        monday = published - dt.timedelta(days=published.weekday())
        start = monday + dt.timedelta(weeks=DATA["relative_weeks"][text.lower()])
        end = min(start + dt.timedelta(days=6), published)
        return start, end, 2, f"'{text}': that week", True
    if kind == "rel_month":
        shift = DATA["relative_months"][text.lower()]
        year, month = published.year, published.month + shift
        if month < 1:
            year, month = year - 1, month + 12
        end = min(_month_end(year, month), published)
        return dt.date(year, month, 1), end, 3, f"'{text}': that month", True
    if kind == "rel_year":
        year = published.year + DATA["relative_years"][text.lower()]
        return dt.date(year, 1, 1), min(dt.date(year, 12, 31), published), 3, f"'{text}': that year", True
    return None


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text`, most specific first where two overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "named_weekday":  # "Bloody Sunday": a name; its weekday is no date
                taken.append((m.start(), m.end()))
                continue
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            date, end, precision, reason, relative = resolved
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), date, end, precision, reason, relative))
    return sorted(found, key=lambda d: d.start)


# "two days after an attack on Gwoza": a span of time between two incidents, of which the
# sentence dates one (the anchor). Not a date on its own: extract.facts applies it to the
# incident the phrase introduces, from the anchor's date (dates.json "_offset_doc").
OFFSET_UNITS: dict[str, dict] = DATA["offset_units"]
OFFSET_CONNECTORS: dict[str, int] = DATA["offset_connectors"]
OFFSET_COUNTS: dict[str, int] = {**NUMBER_WORDS, **DATA["offset_count_words"]}
OFFSET_VAGUE_DAYS: tuple[int, int] = tuple(DATA["offset_vague_days"])
OFFSET = re.compile(
    rf"\b(?:(?P<vague>{_alt(DATA['offset_vague_counts'])})\s+|(?P<n>\d+|{_alt(OFFSET_COUNTS)})\s+)?"
    rf"(?P<unit>{_alt(OFFSET_UNITS)})\s+(?P<connector>{_alt(OFFSET_CONNECTORS)})\b"
    r"(?!\s+(?:yesterday|last|this|next)\b)",  # "the day before yesterday" is a date of its own
    re.I,
)


@dataclass(frozen=True)
class DateOffset:
    start: int
    end: int  # the end of the connector: what follows is the incident the phrase introduces
    connector_start: int
    text: str
    sign: int  # the referenced incident lies after (+1) or before (-1) the anchor: 'two days after X' puts X before
    days: tuple[int, int]  # the range of days it lies from the anchor
    precision: int


def find_offsets(text: str, offset: int = 0) -> list[DateOffset]:
    """Every "<N units> after/before" in `text`; "in the days after" (a stretch, not a day) is none."""
    found = []
    for m in OFFSET.finditer(text):
        unit = m.group("unit").lower()
        per, precision = OFFSET_UNITS[unit]["days"], OFFSET_UNITS[unit]["precision"]
        raw = (m.group("n") or "").lower()
        plural = unit.endswith("s")
        if raw == "the" and plural:
            continue
        if raw:
            n = int(raw) if raw.isdigit() else OFFSET_COUNTS[raw]
            # hours keep the anchor's day unless they make a day or more ("48 hours after")
            days = (n // 24, n // 24) if per == 0 else (n * per, n * per)
        elif per == 0:
            days = (0, 0)  # "hours after": the same news day
        elif plural or m.group("vague"):
            # "days after", "several days before": some days, a week or less; the report
            # dates it that closely, so a week's precision (2) says what is known, and a
            # null would throw away that it is near the anchor
            lo, hi = OFFSET_VAGUE_DAYS
            days, precision = (lo * per, hi * per), max(precision, 2 if hi * per <= 7 else 3)
        else:
            continue  # "day after day"
        found.append(DateOffset(
            m.start() + offset, m.end() + offset, m.start("connector") + offset, m.group(0),
            OFFSET_CONNECTORS[m.group("connector").lower()], days, precision,
        ))
    return found


def shift_date(anchor: DateMention, by: DateOffset) -> DateMention:
    """The date of the incident `by` introduces, from the date of the anchoring one; the
    span is the phrase ("two days after"), the reason names the anchor."""
    if anchor.date is None:
        raise ValueError("an undated anchor dates nothing")
    first, last = anchor.date, anchor.date_end or anchor.date
    lo, hi = by.days
    if by.sign < 0:
        start, end = first - dt.timedelta(days=hi), last - dt.timedelta(days=lo)
    else:
        start, end = first + dt.timedelta(days=lo), last + dt.timedelta(days=hi)
    precision = max(anchor.precision, by.precision, 1 if start == end else 2 if (end - start).days <= 7 else 3)
    reason = f"'{by.text}' '{anchor.text}' ({anchor.date.isoformat()}): {start.isoformat()}" + (
        f" to {end.isoformat()}" if end != start else "")
    return DateMention(by.start, by.end, by.text, start, end if end != start else None, precision, reason, True)

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.' -]{1,30}|\s*\([A-Z][A-Z.' -]{1,30}\)(?=,))?)"
    r"(?:,\s*(?P<date>\d{1,2}\s+[A-Z]{3,9}\.?\s+\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    # "Ouagadougou, 2 July -", "Niamey, 19 August 2024 -": the day before a month's name
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<source>[^)]{2,40})\))?\s*(?:--|—|–|-|(?P<colon>:))\s",
)


def read_dateline(text: str) -> Dateline | None:
    """The wire dateline at the start of a story: "QUETTA, Pakistan (AP) —",
    "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --", "ISLAMABAD, Jan 30 (Reuters) -"."""
    head = text[:200]
    m = DATELINE.match(head)
    if m is None:
        return None
    place = m.group("place").strip()
    first = place.split(",")[0]
    # a dateline's city is in capitals, or it is followed by an agency or a date; the South
    # Asian press writes "PESHAWAR: ..." and "Kolkata: ...", the colon its dash
    certain = bool(first.isupper() or m.group("source") or m.group("date"))
    title_case = all(w[:1].isupper() for w in place.replace(",", " ").split())
    if not certain and not (m.group("colon") and title_case and len(place.split()) <= 3):
        return None
    if len(place.split()) > 6:
        return None
    date = None
    if m.group("date"):
        dates = find_dates(m.group("date"), None)
        dates = dates or []
        if dates and dates[0].date is not None:
            date = dates[0].date
    return Dateline(
        start=m.start(), end=m.end(), place=place, place_start=m.start("place"),
        place_end=m.start("place") + len(place), date=date,
        source=m.group("source").strip() if m.group("source") else None, certain=certain,
    )
