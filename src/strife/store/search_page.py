"""SQLite: a page of a text, actor or bounding-box search, found off keys in listing order.

Why: a search can match tens of thousands of a million events; sorting them by date meant
reading every one of them to return 100. Each search structure of SQLite (FTS5 rowids,
actor-name pairs, the R*Tree of points) keys an event by its `search_key`, which migration
0004 makes sortable: `(day << 32) | n`, the day from the event's date (undated last), n
numbering the events of that day. Key order is the listing order (date IS NULL, date, id)
but for the order within one day. So a page is found in two steps:
1. the first (offset + limit) matching keys in key order. From the search structure alone
   when the only other filter is a date range, which is a range of keys (FTS5 walks its
   lists in rowid order and stops; actor pairs are walked on their key index or, for a few
   matches, fetched by name and sorted as integers; the R*Tree's matches are sorted as
   integers). Other filters (another search; the end of an event that started before
   `since`) are tested on batches of those keys, in order, at most WALK_BUDGET keys: a
   filter that keeps too few of them leaves the page to the general query (query.py).
2. those keys and the matching keys of the rest of the last one's day (the day is read
   whole, so the order within it is right) give the events, sorted exactly, and sliced.
A page costs the keys walked and about one page of event rows, however many match.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Optional

from sqlalchemy import ColumnElement, Connection, Integer, Select, column, func, select, table, text

from strife.store import schema, search

ev = schema.events.c
events_search = table("events_search", column("search_key", Integer), column("event_id"), column("last_day", Integer))

DAY_UNDATED = (1 << 23) - 1  # as migration 0004 numbers undated events' day
_JULIAN_OF_ORDINAL_0 = 1721424  # julianday('0001-01-01') is 1721425.5; date.toordinal() of it is 1

# Keys tested against the other filters before giving up on the walk: a filter keeping a
# fraction f of the matches fills a page of 100 within 100 / f keys. Below f = 2% the
# general query, which walks that filter's index, is the cheaper.
WALK_BUDGET = 5_000
# Keys read past the n-th, for the rest of its day (a search matches tens of a day's events).
DAY_SLACK = 200
# Deeper pages than this are left to the general query (the keys of a page travel as a list).
MAX_KEYS = 20_000
# Actor names matching more events than this are walked in key order on the pairs' key
# index, fewer are fetched by name and sorted (the same trade as search.ACTOR_WALK_ABOVE,
# but sorting integers, not events: measured on the million-event benchmark).
ACTOR_WALK_ABOVE = 5_000


def day_key(day: dt.date) -> int:
    """The first key of a day."""
    return (day.toordinal() + _JULIAN_OF_ORDINAL_0) << 32


class Source:
    """The keys of the events one search filter matches, as SQL with a key range."""

    def __init__(self, sql: str, params: dict) -> None:
        self.sql, self.params = sql, params  # sql has :lo and :hi, returns column k, distinct

    def ordered(self, lo: int, hi: int, limit: Optional[int] = None, order: bool = True):
        bounded = self.sql + (" ORDER BY k" if order else "") + (f" LIMIT {int(limit)}" if limit is not None else "")
        return text(bounded).bindparams(lo=lo, hi=hi, **self.params).columns(k=Integer)


def text_source(query: str) -> Source:
    return Source(
        "SELECT rowid AS k FROM events_text WHERE events_text MATCH :fts_query AND rowid BETWEEN :lo AND :hi",
        {"fts_query": search.fts_query(query)},
    )


def actor_source(conn: Connection, name: str) -> Source:
    params = {"actor_pattern": search.actor_pattern(name)}
    pairs = f"WHERE name_key IN ({search.ACTOR_NAME_KEYS})"
    counted = f"SELECT count(*) FROM (SELECT 1 FROM events_actor_names {pairs} LIMIT {ACTOR_WALK_ABOVE + 1})"
    if conn.execute(text(counted), params).scalar() > ACTOR_WALK_ABOVE:
        # Walked in key order on the key index, the names tested on each pair.
        return Source(
            "SELECT DISTINCT search_key AS k FROM events_actor_names INDEXED BY ix_events_actor_names_search_key"
            f" {pairs} AND search_key BETWEEN :lo AND :hi",
            params,
        )
    # Fetched by name on the primary key, then sorted; CROSS JOIN fixes the join order, as
    # SQLite would otherwise walk the key index for the order.
    return Source(
        "SELECT DISTINCT x.search_key AS k FROM actor_names AS a CROSS JOIN events_actor_names AS x"
        " WHERE a.name LIKE :actor_pattern ESCAPE '\\' AND x.name_key = a.name_key"
        " AND x.search_key BETWEEN :lo AND :hi",
        params,
    )


def bbox_source(bbox: tuple[float, float, float, float]) -> Optional[Source]:
    min_lon, min_lat, max_lon, max_lat = bbox
    if min_lon > max_lon:
        return None  # across the antimeridian: the general query's two longitude bands
    inner = {  # the box shrunk by more than float32 rounding (1e-5 degrees at 180)
        "in_min_lon": min_lon + _EDGE, "in_min_lat": min_lat + _EDGE,
        "in_max_lon": max_lon - _EDGE, "in_max_lat": max_lat - _EDGE,
    }
    return Source(
        "SELECT search_key AS k FROM events_geo WHERE min_lon <= :max_lon AND max_lon >= :min_lon"
        " AND min_lat <= :max_lat AND max_lat >= :min_lat"
        # The R*Tree's float32 boxes hold the exact point and may reach past the box's edge:
        # a box well inside is in; one near the edge is decided on the exact coordinates
        # (auxiliary columns, each read costing a lookup, so only there).
        " AND (min_lon > :in_min_lon AND max_lon < :in_max_lon AND min_lat > :in_min_lat AND max_lat < :in_max_lat"
        " OR lon BETWEEN :min_lon AND :max_lon AND lat BETWEEN :min_lat AND :max_lat)"
        " AND search_key BETWEEN :lo AND :hi",
        {"min_lon": min_lon, "min_lat": min_lat, "max_lon": max_lon, "max_lat": max_lat, **inner},
    )


_EDGE = 1e-4


def page_ids(
    conn: Connection,
    source: Source,
    others: list[ColumnElement[bool]],
    lo: int,
    hi: int,
    limit: Optional[int],
    offset: int,
    since: Optional[dt.date] = None,
) -> Optional[Select]:
    """The ids of one page of the events `source` matches with keys in [lo, hi] that pass
    `others` (conditions on `events`) and, given `since`, reach it; None when this way does
    not apply (no limit, a deep page) or gives up (the caller then runs the general query)."""
    if limit is None or offset + limit > MAX_KEYS:
        return None
    needed = offset + limit
    # Keys before `since`'s day are of events that started earlier: only those need their
    # end read.
    floor = day_key(since) if since is not None and lo < day_key(since) else None
    checked = bool(others) or floor is not None
    # Keys are fetched past the n-th, so the rest of its day usually comes in the same read.
    batch = max(2 * needed, 256) if checked else needed + DAY_SLACK
    kept: list[int] = []
    start, walked = lo, 0
    while needed:
        keys = _keys(conn, source, start, hi, batch)
        walked += len(keys)
        kept += _passing(conn, keys, others, since, floor)
        if len(keys) < batch:
            break  # every match seen
        if len(kept) >= needed and keys[-1] > _end_of_day(kept[needed - 1]):
            break  # the n-th key's day is seen whole
        if walked >= WALK_BUDGET and len(kept) < needed:
            return None
        start, batch = keys[-1] + 1, min(2 * batch, WALK_BUDGET)
    if needed and len(kept) >= needed:
        # The rest of the n-th key's day stays: the order within a day is by id, not by key.
        end = _end_of_day(kept[needed - 1])
        kept = [k for k in kept if k <= end]
    query = (
        select(ev.id)
        .select_from(events_search)
        .join(schema.events, ev.id == events_search.c.event_id)
        .where(events_search.c.search_key.in_(_json_ints(kept)))
        .order_by(ev.date.is_(None), ev.date, ev.id)
        .limit(limit)
    )
    return query.offset(offset) if offset else query


def _end_of_day(key: int) -> int:
    return (((key >> 32) + 1) << 32) - 1


def _keys(conn: Connection, source: Source, lo: int, hi: int, limit: Optional[int]) -> list[int]:
    return list(conn.execute(source.ordered(lo, hi, limit)).scalars())


def _passing(conn: Connection, keys: list[int], others, since, floor) -> list[int]:
    """Those of `keys` (ascending) whose events pass `others` and reach `since`."""
    if not keys:
        return []
    early = [k for k in keys if floor is not None and k < floor]
    late = keys[len(early):]
    found = []
    for part, reach in ((early, True), (late, False)):
        if not part:
            continue
        if not others and not reach:
            found += part
            continue
        # An event's last day rides in events_search: the event row is read for `others` only.
        reaches = [events_search.c.last_day >= day_key(since) >> 32] if reach else []
        query = select(events_search.c.search_key)
        if others:
            query = query.join(schema.events, ev.id == events_search.c.event_id)
        query = query.where(events_search.c.search_key.in_(_json_ints(part)), *others, *reaches).order_by(
            events_search.c.search_key
        )
        found += conn.execute(query).scalars()
    return found


def _json_ints(values: list[int]):
    # One parameter however many keys (SQLite caps a statement's parameters).
    return select(column("value", Integer)).select_from(func.json_each(json.dumps(values))).scalar_subquery()


def key_range(since: Optional[dt.date], until: Optional[dt.date], bound: Optional[dt.date]) -> tuple[int, int]:
    """Keys of events starting in [bound, until] (bound: the earliest start of an event that
    reaches `since`); any dated event when only one end is given, every event when none."""
    if since is None and until is None:
        return 0, (1 << 63) - 1
    lo = day_key(bound) if bound is not None else 0
    hi = day_key(until) + (1 << 32) - 1 if until is not None else (DAY_UNDATED << 32) - 1
    return lo, hi

