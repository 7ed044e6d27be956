"""UCDP GED-style rows: the Georeferenced Event Dataset's columns and conventions.

GED counts organised violence with at least one death: state-based (type_of_violence 1,
a government against an organised group or another state), non-state (2, two organised
non-state groups) and one-sided (3, an organised actor against civilians). Events outside
that (protests, riots, arrests; no death reported; a side unknown) are not GED events:
they are left out and each is returned with the reason, never forced into a type.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import IO, Iterable

from strife.export import crosswalk as xw
from strife.extract.lexicon import LEXICON
from strife.record import Event

COLUMNS = [
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_office",
    "source_date", "source_headline", "number_of_sources", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "country", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "strife_event_id",
]

# UCDP separates several sources in one cell with ";".
SOURCE_SEPARATOR = ";"


@dataclass
class UCDPResult:
    rows: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (event id, why)


@dataclass(frozen=True)
class Dyad:
    type_of_violence: int
    side_a: str
    side_b: str
    a_kind: str  # state | nonstate: who side_a is, to give it its deaths
    b_kind: str  # state | nonstate | civilians


def dyad(event: Event) -> Dyad | str:
    """The event's UCDP type and sides, or the reason it is no GED event."""
    entry = xw.for_sub_event(event.sub_event_type)
    if entry is None:
        return f"sub-event type {event.sub_event_type!r} is not in the crosswalk" if event.sub_event_type else "no sub-event type"
    scope = entry["ucdp"]
    if scope is None:
        return f"{event.sub_event_type} is not organised violence in UCDP's sense"
    a1, a2 = event.actor1, event.actor2
    k1, k2 = xw.side_kind(a1), xw.side_kind(a2)
    if k1 not in ("state", "nonstate"):
        return "no organised actor1 (perpetrator unknown or not armed)"
    if scope == "one_sided" or k2 == "civilians":
        return Dyad(3, xw.ucdp_side_name(a1), xw.crosswalk()["ucdp_sides"]["civilians_name"], k1, "civilians")
    if k2 is None:
        return "the other side of the violence is unknown"
    if k1 == "nonstate" and k2 == "nonstate":
        return Dyad(2, xw.ucdp_side_name(a1), xw.ucdp_side_name(a2), k1, k2)
    # State-based: the government is side_a, whoever attacked.
    first, second = (a1, a2) if k1 == "state" else (a2, a1)
    return Dyad(1, xw.ucdp_side_name(first), xw.ucdp_side_name(second), xw.side_kind(first), xw.side_kind(second))


def deaths_by_side(event: Event, d: Dyad) -> dict[str, int]:
    """deaths_a, deaths_b, deaths_civilians, deaths_unknown from the casualty breakdown,
    where its groups tell the side; the rest of `best` is unknown. A breakdown that adds
    up to more than `best` (figures of conflicting sources) attributes nothing."""
    best = event.fatalities.best
    out = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0}
    by_category = xw.crosswalk()["ucdp_sides"]["death_side_by_group_category"]
    if sum(g.n for g in event.fatalities_by_group) <= best:
        for g in event.fatalities_by_group:
            kind = by_category.get(LEXICON.group_category(g.group) or "")
            if kind == "civilians":
                out["deaths_civilians"] += g.n
            elif kind is not None and kind == d.a_kind and kind != d.b_kind:
                out["deaths_a"] += g.n
            elif kind is not None and kind == d.b_kind and kind != d.a_kind:
                out["deaths_b"] += g.n
    out["deaths_unknown"] = best - out["deaths_a"] - out["deaths_b"] - out["deaths_civilians"]
    return out


def where_prec(event: Event) -> int | None:
    """UCDP where_prec from ACLED geo_precision: 1 exact place, 2 within about 25 km,
    3 a district (admin 2), 4 a province (admin 1), 6 only the country."""
    loc = event.location
    if loc is None:
        return None
    if loc.lat is None or loc.geo_precision is None:
        return 6 if loc.country else None
    if loc.geo_precision == 1:
        return 1
    if loc.geo_precision == 2:
        return 2
    if loc.admin2 and loc.name == loc.admin2:
        return 3
    return 4 if loc.admin1 else 6


def date_prec(event: Event) -> int | None:
    """UCDP date_prec: 1 the day, 2 a span of 2-6 days, 3 a week, 4 a month (8-30 days),
    5 longer; from ACLED time_precision and the event's span."""
    if not event.date:
        return None
    try:
        span = (dt.date.fromisoformat(event.date_end) - dt.date.fromisoformat(event.date)).days if event.date_end else 0
    except ValueError:
        span = 0
    by_precision = {1: 1, 2: 3, 3: 4}.get(event.time_precision or 1, 5)
    by_span = 1 if span == 0 else 2 if span <= 6 else 3 if span <= 7 else 4 if span <= 30 else 5
    return max(by_precision, by_span)


def _joined(values: list[str]) -> str:
    """Values of the reports in their order, or nothing when no report gives one (a row of
    bare separators says nothing)."""
    return SOURCE_SEPARATOR.join(values) if any(values) else ""


def ged_id(event: Event) -> int:
    return int(hashlib.sha1(event.id.encode("utf-8")).hexdigest(), 16) % 10**10


def ucdp_row(event: Event) -> dict[str, object] | str:
    """The event as a GED row, or the reason it is no GED event."""
    if event.fatalities is None or event.fatalities.best < 1:
        return "no death reported (GED events have at least one)"
    d = dyad(event)
    if isinstance(d, str):
        return d
    loc = event.location
    sources = event.sources
    # A report whose outlet is unknown is named by its article id, as in the ACLED export.
    outlets = [s.source or s.article_id for s in sources] or [event.article.source or event.article.id]
    dates = [s.published or "" for s in sources] or [event.article.published or ""]
    titles = [s.title or "" for s in sources] or [event.article.title or ""]
    citations = [", ".join(p for p in (o, t, h) if p) for o, t, h in zip(outlets, dates, titles)]
    located = next((e for e in event.evidence if e.field == "location" and e.quote), None)
    iso3 = loc.iso3.upper() if loc and loc.iso3 else "XXX"
    year = int(event.date[:4]) if event.date else None
    gid = ged_id(event)
    return {
        "id": gid,
        "relid": f"{iso3}-{year or 'NA'}-{d.type_of_violence}-{gid}",
        "year": year if year is not None else "",
        "type_of_violence": d.type_of_violence,
        "side_a": d.side_a,
        "side_b": d.side_b,
        "source_article": SOURCE_SEPARATOR.join(citations),
        "source_office": SOURCE_SEPARATOR.join(outlets),
        "source_date": _joined(dates),
        "source_headline": _joined(titles),
        "number_of_sources": max(len(sources), 1),
        "where_prec": where_prec(event) or "",
        "where_coordinates": (loc.name or loc.admin2 or loc.admin1 or loc.country or "") if loc else "",
        "where_description": located.quote if located else "",
        "adm_1": (loc.admin1 or "") if loc else "",
        "adm_2": (loc.admin2 or "") if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "country": (loc.country or "") if loc else "",
        "date_prec": date_prec(event) or "",
        "date_start": event.date or "",
        "date_end": event.date_end or event.date or "",
        **deaths_by_side(event, d),
        "best": event.fatalities.best,
        "high": event.fatalities.high,
        "low": event.fatalities.low,
        "strife_event_id": event.id,
    }


def write_ucdp(events: Iterable[Event], out: IO[str]) -> UCDPResult:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    result = UCDPResult()
    for event in events:
        row = ucdp_row(event)
        if isinstance(row, str):
            result.left_out.append((event.id, row))
            continue
        writer.writerow(row)
        result.rows += 1
    return result
