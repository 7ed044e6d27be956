"""The event record as an ACLED row: ACLED's column names and conventions.

ACLED codes the most conservative fatality estimate, so `fatalities` is the record's
`low`, and the dispute goes into `notes`. `interaction` is the two inter codes, the
smaller first (ACLED's convention: 12 = state forces vs rebels). The row depends on the
event alone (no clock, no counter), so the same events always give the same file: an
export can be diffed, and re-read to score against itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from functools import lru_cache
from typing import IO, Iterable

import pycountry

from strife.extract.lexicon import load_data
from strife.record import Event

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

# ACLED separates several names in one cell (assoc actors, sources, tags) with "; ".
LIST_SEPARATOR = "; "
# Digits of the event id's hash in event_id_cnty: ten keep collisions unlikely (about one
# in 10^10 per pair) while staying the short country-prefixed number ACLED users know.
ID_DIGITS = 10


@lru_cache(maxsize=1)
def conventions() -> dict:
    return load_data("acled_conventions.json")


@lru_cache(maxsize=1)
def _region_by_iso3() -> dict[str, str]:
    return {iso3: region for region, codes in conventions()["regions"].items() for iso3 in codes}


def region(iso3: str | None) -> str:
    return _region_by_iso3().get(iso3.upper(), "") if iso3 else ""


def event_id_cnty(event: Event) -> str:
    """ACLED's id: the country's ISO3 code and a number, here derived from the event id so
    the same event keeps the same ACLED id in every export."""
    key = event.id or event.model_copy(deep=True).with_stable_id().id
    number = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 10**ID_DIGITS
    iso3 = event.location.iso3.upper() if event.location and event.location.iso3 else "XXX"
    return f"{iso3}{number}"


def interaction(inter1: int | None, inter2: int | None) -> str:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return "".join(str(c) for c in codes) if len(codes) == 2 else f"{codes[0]}0"


def civilian_targeting(event: Event) -> str:
    rule = conventions()["civilian_targeting"]
    targeted = [event.actor2] + [a for a in event.assoc_actors if a.role == "target"]
    if event.event_type in rule["event_types"] or any(a is not None and a.inter in rule["target_inter"] for a in targeted):
        return rule["value"]
    return ""


def outlets(event: Event) -> list[str]:
    """The outlets that reported the event, each once, in the order they reported it; a
    report whose outlet is unknown is named by its article id."""
    names = [s.source or s.article_id for s in event.sources] or [event.article.source or event.article.id]
    return list(dict.fromkeys(names))


def source_scale(event: Event) -> str:
    """ACLED's source_scale from the outlets' known scales, narrowest first
    ("National-International"); empty when no outlet's scale is known."""
    known = conventions()["outlet_scale"]
    order = conventions()["source_scales"]
    scales = {known[o] for o in outlets(event) if o in known}
    return "-".join(s for s in order if s in scales)


def _prose_name(name: str) -> str:
    """An ACLED actor name as notes write it: 'TTP: Tehreek-i-Taliban Pakistan' is
    'Tehreek-i-Taliban Pakistan (TTP)'."""
    abbr, sep, full = name.partition(": ")
    return f"{full} ({abbr})" if sep and full else name


def notes(event: Event) -> str:
    """The event's summary, then what ACLED notes say beside it: who claimed the attack,
    the disputes, and the reported figures behind `fatalities` when they differ or the
    summary does not state them."""
    parts = [event.notes] if event.notes else []
    summary = event.notes or ""
    for name in event.claimed_by:
        prose = _prose_name(name)
        if prose.split(" (")[0] not in summary:
            parts.append(f"{prose} claimed responsibility.")
    if event.disputes:
        parts.append("[disputed: " + "; ".join(event.disputes) + "]")
    f = event.fatalities
    if f is None:
        parts.append("[fatalities: not reported]")
        return " ".join(parts)
    figures = f"low {f.low}, best {f.best}, high {f.high}" if f.low != f.best or f.best != f.high else str(f.low)
    # The report's own words for the toll, where the summary leaves them out: a reader (or
    # strife eval, re-coding these notes) sees what the figure rests on.
    told = list(dict.fromkeys(
        e.quote for e in event.evidence
        if e.field == "fatalities" and e.quote and e.quote not in summary
    ))
    if told or figures != str(f.low):
        reported = "; reported as: " + "; ".join(f'"{q}"' for q in told) if told else ""
        parts.append(f"[fatalities: {figures}{reported}]")
    return " ".join(parts)


def tags(event: Event) -> str:
    found = []
    if event.mode != "reported":
        found.append(f"mode={event.mode}")
    if len(event.sources) > 1:
        found.append(f"reports={len(event.sources)}")
    return LIST_SEPARATOR.join(found)


def timestamp(event: Event) -> int | str:
    """Unix time of the row's last change: the latest revision, else the report's
    publication day (midnight UTC); empty when neither is known."""
    moments = []
    for revision in event.revisions:
        try:
            at = dt.datetime.fromisoformat(revision.at.replace("Z", "+00:00"))
        except ValueError:
            continue
        moments.append(at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc))
    if not moments and event.article.published:
        try:
            day = dt.date.fromisoformat(event.article.published[:10])
        except ValueError:
            day = None
        if day is not None:
            moments.append(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))
    return int(max(moments).timestamp()) if moments else ""


def acled_row(event: Event) -> dict[str, object]:
    loc = event.location
    a1, a2 = event.actor1, event.actor2
    assoc_1 = [a.name for a in event.assoc_actors if a.role != "target"]
    assoc_2 = [a.name for a in event.assoc_actors if a.role == "target"]
    iso3 = loc.iso3.upper() if loc and loc.iso3 else None
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": event.date or "",
        "year": int(event.date[:4]) if event.date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": LIST_SEPARATOR.join(assoc_1),
        "inter1": a1.inter if a1 and a1.inter else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": LIST_SEPARATOR.join(assoc_2),
        "inter2": a2.inter if a2 and a2.inter else "",
        "interaction": interaction(a1.inter if a1 else None, a2.inter if a2 else None),
        "civilian_targeting": civilian_targeting(event),
        "iso": numeric_iso(iso3),
        "region": region(iso3),
        "country": loc.country if loc and loc.country else "",
        "admin1": loc.admin1 if loc and loc.admin1 else "",
        "admin2": loc.admin2 if loc and loc.admin2 else "",
        "admin3": loc.admin3 if loc and loc.admin3 else "",
        "location": loc.name if loc and loc.name else "",
        # ACLED publishes coordinates to four decimals (about 11 m).
        "latitude": round(loc.lat, 4) if loc and loc.lat is not None else "",
        "longitude": round(loc.lon, 4) if loc and loc.lon is not None else "",
        "geo_precision": loc.geo_precision if loc and loc.geo_precision else "",
        "source": LIST_SEPARATOR.join(outlets(event)),
        "source_scale": source_scale(event),
        "notes": notes(event),
        # ACLED codes 0 when no death is reported; notes says "not reported" to tell them apart.
        "fatalities": event.fatalities.low if event.fatalities else 0,
        "tags": tags(event),
        "timestamp": timestamp(event),
    }


def write_acled(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n


def numeric_iso(iso3: str | None) -> int | str:
    """ACLED's `iso` column is the numeric ISO 3166 code (586 for Pakistan)."""
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return int(country.numeric) if country is not None else ""
