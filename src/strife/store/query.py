"""The query behind `Store.events`: filters, order and paging, shaped to use the indexes.

Two steps, because a page of a large match must not drag every matching record along:
the ids of one page are found first, off the indexes (schema.py), and only then are the
records of that page read. Events are ordered by date, undated last, then by id; the
order is written as (date IS NULL, date, id), the very expressions the indexes carry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, Select, false, func, or_, select

from strife.store import schema, search, search_page
from strife.store.rows import iso_date

ev = schema.events.c
_UNDATED = ev.date.is_(None)
ORDER = (_UNDATED, ev.date, ev.id)


@dataclass(frozen=True)
class EventQuery:
    country: Optional[str] = None  # ISO3 code or country name, any case
    admin1: Optional[str] = None  # first-level region name, any case
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    event_type: Optional[str] = None
    actor: Optional[str] = None  # part of an actor's name, any case
    bbox: Optional[tuple[float, float, float, float]] = None  # min_lon, min_lat, max_lon, max_lat
    text: Optional[str] = None  # words in notes, place or actor names
    limit: Optional[int] = None
    offset: int = 0

    @classmethod
    def of(cls, since=None, until=None, bbox=None, limit=None, offset=0, **rest) -> "EventQuery":
        """Arguments as users give them, checked: dates as ISO strings, bbox as four numbers."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit: {limit} is negative")
        if offset is None or offset < 0:
            raise ValueError(f"offset: {offset} is negative")
        return cls(
            since=_date_arg(since, "since"),
            until=_date_arg(until, "until"),
            bbox=_bbox_arg(bbox),
            limit=limit,
            offset=offset,
            **rest,
        )


def records(conn: Connection, q: EventQuery) -> list[dict]:
    page = _page_ids(conn, q).subquery("page")
    query = select(schema.events.c.record).join(page, page.c.id == ev.id).order_by(*ORDER)
    return list(conn.execute(query).scalars())


def _page_ids(conn: Connection, q: EventQuery) -> Select:
    if conn.dialect.name == "sqlite":
        keyed = _keyed_page_ids(conn, q)
        if keyed is not None:
            return keyed
    return _general_page_ids(conn, q)


def _keyed_page_ids(conn: Connection, q: EventQuery) -> Optional[Select]:
    """A search without equality filters, off the sortable search keys (search_page.py);
    None when it does not apply or gives up. Equality filters (country, admin1, type) have
    indexes in listing order, which the general query walks, probing the search."""
    if any(v and v.strip() for v in (q.country, q.admin1, q.event_type)):
        return None
    source = None
    others = []
    if q.bbox is not None:
        source = search_page.bbox_source(q.bbox)
        if source is None:
            return None
    if q.actor is not None:
        if source is None:
            source = search_page.actor_source(conn, q.actor)
        else:
            others.append(search.actor_matches(conn, q.actor))
    if q.text is not None:
        if source is None:
            source = search_page.text_source(q.text)
        else:
            others.append(search.text_matches(conn, q.text))
    if source is None:
        return None
    bound = _since_bound(conn, q.since) if q.since is not None else None
    lo, hi = search_page.key_range(q.since, q.until, bound)
    return search_page.page_ids(conn, source, others, lo, hi, q.limit, q.offset, q.since)


def _general_page_ids(conn: Connection, q: EventQuery) -> Select:
    query = select(ev.id)
    if q.country and q.country.strip():
        query = query.where(_country(conn, q.country.strip()))
    if q.admin1 and q.admin1.strip():
        query = query.where(func.lower(ev.admin1) == q.admin1.strip().lower())
    if q.event_type and q.event_type.strip():
        query = query.where(func.lower(ev.event_type) == q.event_type.strip().lower())
    if q.since is not None or q.until is not None:
        # An event without a date is in no range. Saying so as `(date IS NULL) = false` lets
        # the range run on the order indexes, the leading expression fixed.
        query = query.where(_UNDATED == false())
    if q.until is not None:
        query = query.where(ev.date <= q.until)
    if q.since is not None:
        query = query.where(*_overlapping_since(conn, q.since))
    if q.bbox is not None:
        query = query.where(*_in_bbox(q.bbox))
    if q.actor is not None:
        query = query.where(search.actor_matches(conn, q.actor))
    if q.text is not None:
        query = query.where(search.text_matches(conn, q.text))
    # Dated events only: the same order without its first term, which SQLite would otherwise
    # sort on although the WHERE fixes it.
    query = query.order_by(*(ORDER[1:] if q.since is not None or q.until is not None else ORDER))
    if q.limit is not None:
        query = query.limit(q.limit)
    if q.offset:
        query = query.offset(q.offset)
    return query


def _country(conn: Connection, wanted: str):
    """iso3 = code, or the country named: resolved to its codes first, so the filter is an
    equality on ix_events_iso3 rather than an OR that no index orders."""
    name = wanted.lower()
    codes = {wanted.upper()} if len(wanted) == 3 else set()
    named = select(ev.iso3).where(func.lower(ev.country) == name)
    # Walk the distinct codes stored under that name, one index probe each (a name has one
    # code in practice; DISTINCT would read every event of the country).
    code = conn.execute(named.where(ev.iso3.is_not(None)).order_by(ev.iso3).limit(1)).scalar()
    while code is not None:
        codes.add(code)
        code = conn.execute(named.where(ev.iso3 > code).order_by(ev.iso3).limit(1)).scalar()
    uncoded = conn.execute(named.where(ev.iso3.is_(None)).limit(1)).first() is not None
    by_code = ev.iso3.in_(sorted(codes)) if codes else false()
    # Events that carry the name without a code are rare; only then is the OR needed.
    return or_(by_code, func.lower(ev.country) == name) if uncoded else by_code


def _overlapping_since(conn: Connection, since: dt.date):
    """Events whose days reach `since`. The exact test is on coalesce(date_end, date), which
    no index orders; the bound on `date` added to it is implied by it (an event that ends on
    or after `since` starts no earlier than the earliest multi-day event that does), and is a
    range scan. That earliest start is read first, off ix_events_date_end alone (a covering
    scan of the multi-day events ending after `since`, a few percent of all events)."""
    bound = _since_bound(conn, since)
    return (func.coalesce(ev.date_end, ev.date) >= since, ev.date >= bound)


def _since_bound(conn: Connection, since: dt.date) -> dt.date:
    """The earliest start of an event whose days reach `since`."""
    # min(coalesce(date, date)), not min(date): SQLite would find a plain min(date) by
    # walking the date index from its start, testing date_end row by row.
    earliest_long = conn.execute(
        select(func.min(func.coalesce(ev.date, ev.date))).where(ev.date_end >= since)
    ).scalar()
    earliest_long = iso_date(earliest_long)  # SQLite hands back the ISO text of a computed date
    return min(since, earliest_long) if earliest_long else since


def _in_bbox(bbox: tuple[float, float, float, float]):
    min_lon, min_lat, max_lon, max_lat = bbox
    conditions = [ev.lat >= min_lat, ev.lat <= max_lat]
    if min_lon <= max_lon:
        conditions += [ev.lon >= min_lon, ev.lon <= max_lon]
    else:  # the box crosses the antimeridian
        conditions.append(or_(ev.lon >= min_lon, ev.lon <= max_lon))
    return conditions


def _date_arg(value: dt.date | str | None, name: str) -> Optional[dt.date]:
    if value is None:
        return None
    parsed = iso_date(value)
    if parsed is None:
        raise ValueError(f"{name}: {value!r} is not a date like 2024-01-30")
    return parsed


def _bbox_arg(value) -> Optional[tuple[float, float, float, float]]:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"bbox: {value!r} is not four numbers min_lon,min_lat,max_lon,max_lat") from None
    if not (-90 <= min_lat <= max_lat <= 90):
        raise ValueError(f"bbox: latitudes {min_lat}, {max_lat} must be within -90..90, lowest first")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ValueError(f"bbox: longitudes {min_lon}, {max_lon} must be within -180..180")
    return (min_lon, min_lat, max_lon, max_lat)
