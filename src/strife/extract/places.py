"""Which place is the incident's: the most precise place its own clauses name.

The geoparser (strife.geo) finds and resolves every place phrase in the article; this
stage only chooses among those inside the incident's mentions: a town beats a district,
a district a province, a province a country (coding-guide.md, "Places"). With none, the
dateline's place, then the article's main country, at precision 3, and the reason is
written into the evidence.
"""

from __future__ import annotations

from strife.record import Evidence

# Of two places equally precise for ACLED, the smaller unit: a province over its country.
KIND_ORDER = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


def choose_place(incident, geo, gazetteer, dateline):
    """-> (Place | None, geo_precision | None, evidence)"""
    candidates = [
        (p.precision, KIND_ORDER.get(p.place.kind, 4), order, p)
        for order, f in enumerate(incident.facts)
        for p in f.places
        if p.place is not None and not _is_actor(p, f)
    ]
    if candidates:
        precision, _, _, best = min(candidates, key=lambda c: c[:3])
        why = getattr(best, "reason", None)
        return best.place, precision, [Evidence(field="location", start=best.start, end=best.end, quote=best.text, reason=why)]
    unresolved = [p for f in incident.facts for p in f.places if p.place is None]
    notes = "; ".join(f"'{p.text}' not in the gazetteer" for p in unresolved)
    if dateline is not None and dateline.place and incident.mode == "reported":
        resolved = geo.resolve_text(dateline.place)
        if resolved is not None:
            reason = "the incident's own sentences name no known place: the dateline's place"
            if notes:
                reason += f" ({notes})"
            return resolved, 2, [Evidence(field="location", start=dateline.place_start, end=dateline.place_end, quote=dateline.place, reason=reason)]
    state = next((f.state_actor[0] for f in incident.facts if f.state_actor), None)
    iso2 = geo.main_country(exclude=state if incident.mode == "background" else None)
    if iso2:
        country = gazetteer.country(iso2)
        if country is not None:
            reason = "no place named for this incident: the article's country, precision 3"
            if notes:
                reason += f" ({notes})"
            return country, 3, [Evidence(field="location", reason=reason)]
    return None, None, [Evidence(field="location", reason=notes or "no place named for this incident")]


def _is_actor(place_mention, facts) -> bool:
    """"Pakistan's strikes", "strikes by Pakistan": the country acts; it is not the place."""
    if facts.state_actor is None:
        return False
    hit = facts.state_actor[1]
    return place_mention.start < hit.end and hit.start < place_mention.end
