"""A merged event told for a reader: what it is, who reported what, and how it came to be."""

from __future__ import annotations

from strife.record import Count, Event, Location


def describe(event: Event, asked_for: str | None = None) -> str:
    lines = [f"event {event.id}"]
    if asked_for and asked_for != event.id:
        lines[0] += f" ({asked_for} was merged into it)"
    if event.merged_from:
        lines.append(f"  merged from: {', '.join(event.merged_from)}")
    lines += [
        f"  date: {event.date or '?'}" + (f" to {event.date_end}" if event.date_end else "")
        + (f" (time_precision {event.time_precision})" if event.time_precision else ""),
        f"  type: {event.event_type or '?'} / {event.sub_event_type or '?'} ({event.mode})",
        f"  actor1: {event.actor1.name if event.actor1 else '-'}",
        f"  actor2: {event.actor2.name if event.actor2 else '-'}",
        f"  place: {_place(event.location)}",
        f"  fatalities: {_count(event.fatalities)}   injuries: {_count(event.injuries)}",
    ]
    if event.claimed_by:
        lines.append(f"  claimed by: {', '.join(event.claimed_by)}")
    for dispute in event.disputes:
        lines.append(f"  dispute: {dispute}")
    lines.append(f"sources ({len(event.sources)}):")
    for s in event.sources:
        lines.append(
            f"  {s.published or '?'}  {s.source or '-'}  {s.article_id}: {s.date or '?'}, {_place(s.location)}, "
            f"killed {_count(s.fatalities)}, injured {_count(s.injuries)}"
        )
    lines.append(f"history ({len(event.revisions)}):")
    for r in event.revisions:
        head = f"  {r.at}  {r.kind}" + (f" by {r.article_id}" if r.article_id else "")
        if r.match:
            head += f"  (match score {r.match.get('score')}: agreed {', '.join(r.match.get('agreed', [])) or '-'}"
            head += f"; disagreed {', '.join(r.match.get('disagreed', [])) or '-'})"
        lines.append(head)
        if r.note:
            lines.append(f"      {r.note}")
        for name, (old, new) in sorted(r.changes.items()):
            lines.append(f"      {name}: {_short(old)} -> {_short(new)}")
    return "\n".join(lines)


def _place(loc: Location | None) -> str:
    if loc is None:
        return "?"
    parts = [p for p in (loc.name, loc.admin2, loc.admin1, loc.iso3) if p]
    unique = [p for i, p in enumerate(parts) if p not in parts[:i]]
    return ", ".join(unique) + (f" (geo_precision {loc.geo_precision})" if loc.geo_precision else "")


def _count(count: Count | None) -> str:
    if count is None:
        return "-"
    if count.low == count.best == count.high:
        return str(count.best)
    return f"{count.best} (low {count.low}, high {count.high})"


def _short(value) -> str:
    if isinstance(value, dict):
        if {"low", "best", "high"} <= value.keys():
            return f"{value['best']} ({value['low']}-{value['high']})"
        if "name" in value:
            return str(value["name"])
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."
