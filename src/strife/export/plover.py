"""PLOVER event JSON: one object a line, the event in the PLOVER ontology (event type,
mode, context), its actor and recipient with their agent types, its place, the text
offsets that support it, and the citation of the report. The ACLED -> PLOVER -> CAMEO
mapping is data (data/crosswalk.json); a sub-type with no PLOVER type gives a null type
with the crosswalk's reason, never a forced one.
"""

from __future__ import annotations

import json
import re
from typing import IO, Iterable

import pycountry

from strife.export import crosswalk as xw
from strife.record import Actor, Event


def _mode_from_weapons(plover_type: str | None, weapons: list[str]) -> str | None:
    if plover_type != "ASSAULT":
        return None
    used = set(weapons)
    return next((mode for weapon, mode in xw.crosswalk()["assault_mode_by_weapon"]["order"] if weapon in used), None)


def _actor_country(actor: Actor) -> str | None:
    """The ISO3 code of the state a state actor belongs to ('Military Forces of Pakistan')."""
    if xw.side_kind(actor) != "state":
        return None
    m = re.match(xw.crosswalk()["ucdp_sides"]["state_name_pattern"], actor.name)
    if not m:
        return None
    try:
        return pycountry.countries.lookup(m.group("country")).alpha_3
    except LookupError:
        return None


def _party(event: Event, actor: Actor | None, field: str) -> dict | None:
    if actor is None:
        return None
    spans = [
        {"start": e.start, "end": e.end, "text": e.quote}
        for e in event.evidence
        if e.field == field and e.start is not None
    ]
    return {
        "name": actor.name,
        "text": actor.mention,
        "agent_type": xw.agent_type(actor),
        "country": _actor_country(actor),
        "acled_inter": actor.inter,
        "offsets": spans,
    }


def _citation(event: Event) -> dict:
    a = event.article
    return {"article_id": a.id, "url": a.url, "title": a.title, "source": a.source, "published": a.published}


def plover_event(event: Event) -> dict:
    entry = xw.for_sub_event(event.sub_event_type) or {}
    loc = event.location
    record = {
        "id": event.id,
        "event_date": event.date,
        "event_date_end": event.date_end,
        "event_type": entry.get("plover"),
        "mode": entry.get("mode") or _mode_from_weapons(entry.get("plover"), event.weapons),
        "context": list(entry.get("context", [])),
        "cameo_root": entry.get("cameo_root"),
        "actor": _party(event, event.actor1, "actor1"),
        "recipient": _party(event, event.actor2, "actor2"),
        "location": None if loc is None else {
            "name": loc.name, "admin1": loc.admin1, "admin2": loc.admin2, "country": loc.country,
            "iso3": loc.iso3, "geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon,
            "acled_geo_precision": loc.geo_precision,
        },
        "magnitude": {
            "killed": event.fatalities.best if event.fatalities else None,
            "injured": event.injuries.best if event.injuries else None,
            "abducted": event.abducted.best if event.abducted else None,
            "arrested": event.arrested.best if event.arrested else None,
        },
        "text_offsets": [
            {"field": e.field, "start": e.start, "end": e.end, "text": e.quote}
            for e in event.evidence
            if e.start is not None
        ],
        "citation": _citation(event),
        "other_citations": [
            {"article_id": s.article_id, "url": s.url, "title": s.title, "source": s.source, "published": s.published}
            for s in event.sources
            if s.article_id != event.article.id
        ],
        "acled": {"event_type": event.event_type, "sub_event_type": event.sub_event_type, "mode": event.mode},
    }
    if record["event_type"] is None:
        record["unmapped_reason"] = (
            entry.get("reason") or (f"sub-event type {event.sub_event_type!r} is not in the crosswalk" if event.sub_event_type else "no sub-event type")
        )
    return record


def write_plover(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(plover_event(event), ensure_ascii=False) + "\n")
        n += 1
    return n
