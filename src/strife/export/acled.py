"""The event record as an ACLED row: ACLED's column names and conventions.

ACLED codes the most conservative fatality estimate, so `fatalities` is the record's
`low`, and the dispute goes into `notes`. `interaction` is the two inter codes, the
smaller first (ACLED's convention: 12 = state forces vs rebels).
"""

from __future__ import annotations

import datetime as dt

import pycountry

from strife.record import Event

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]


def interaction(inter1: int | None, inter2: int | None) -> str:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return "".join(str(c) for c in codes) if len(codes) == 2 else f"{codes[0]}0"


def acled_row(event: Event) -> dict[str, object]:
    loc = event.location
    a1, a2 = event.actor1, event.actor2
    notes = event.notes or ""
    if event.disputes:
        notes += " [disputed: " + "; ".join(event.disputes) + "]"
    if event.fatalities and event.fatalities.low != event.fatalities.best:
        notes += f" [fatalities: low {event.fatalities.low}, best {event.fatalities.best}, high {event.fatalities.high}]"
    iso3 = loc.iso3 if loc else None
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.id[2:12]}",
        "event_date": event.date or "",
        "year": event.date[:4] if event.date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actors),
        "inter1": a1.inter if a1 and a1.inter else "",
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "",
        "inter2": a2.inter if a2 and a2.inter else "",
        "interaction": interaction(a1.inter if a1 else None, a2.inter if a2 else None),
        "civilian_targeting": "Civilian targeting" if a2 is not None and a2.inter == 7 else "",
        "iso": _numeric(iso3),
        "region": "",
        "country": loc.country if loc and loc.country else "",
        "admin1": loc.admin1 if loc and loc.admin1 else "",
        "admin2": loc.admin2 if loc and loc.admin2 else "",
        "admin3": loc.admin3 if loc and loc.admin3 else "",
        "location": loc.name if loc and loc.name else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": loc.geo_precision if loc and loc.geo_precision else "",
        "source": event.article.source or event.article.id,
        "source_scale": "",
        "notes": notes,
        "fatalities": event.fatalities.low if event.fatalities else 0,
        "tags": event.mode if event.mode != "reported" else "",
        "timestamp": int(dt.datetime.now(dt.timezone.utc).timestamp()),
    }


def _numeric(iso3: str | None) -> str:
    """ACLED's `iso` column is the numeric ISO 3166 code (586 for Pakistan)."""
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(int(country.numeric)) if country is not None else ""
