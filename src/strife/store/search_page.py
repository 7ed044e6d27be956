"""SQLite: a page of a text, actor or bounding-box search, found off keys in listing order.

Why: a search can match tens of thousands of a million events; sorting them by date meant
reading every one of them to return 100. Each search structure of SQLite (FTS5 rowids,
actor-name pairs, the R*Tree of points) keys an event by its `search_key`, which migration
0004 makes sortable: `(day << 32) | n`, the day from the event's date (undated last), n
numbering the events of that day. Key order is the listing order (date IS NULL, date, id)
but for the order within one day. So a page is found in two steps:
1. the (offset + limit)-th matching key in key order. From the search structure alone when
   the only other filter is a date range, which is a range of keys (FTS5 walks its lists in
   rowid order and stops; the actor pairs are walked on their key index or, for a few
   matches, fetched and sorted as integers; the R*Tree's matches are sorted as integers).
   With other filters the matching keys are joined to their events and tested in key order,
   at most WALK_BUDGET of them; a filter that keeps too few of those falls back to the
   general query (store/query.py).
2. the events with a matching key up to the end of that key's day, in the exact order,
   sliced: the day is read whole, so the order within it is right.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import ColumnElement, Connection, Integer, Select, column, or_, select, table, text

from strife.store import schema, search

ev = schema.events.c
events_search = table("events_search", column("search_key", Integer), column("event_id"))

DAY_UNDATED = (1 << 22) - 1  # as migration 0004 numbers undated events' day
_JULIAN_OF_ORDINAL_0 = 1721424  # julianday('0001-01-01') is 1721425.5; date.toordinal() of it is 1

# Keys tested against the other filters before giving up on the walk: a filter keeping a
# fraction f of the matches fills a page of 100 within 100 / f keys. Below f = 2% the
# general query, which walks that filter's index, is the cheaper.
WALK_BUDGET = 5_000
# Actor names matching more events than this are walked in key order on the pairs' key
# index, fewer are fetched by name and sorted (the same trade as search.ACTOR_WALK_ABOVE,
# but sorting integers, not events: measured on the million-event benchmark).
ACTOR_WALK_ABOVE = 10_000


def day_key(day: dt.date) -> int:
    """The first key of a day."""
    return (day.toordinal() + _JULIAN_OF_ORDINAL_0) << 32


class Source:
    """The keys of the events one search filter matches, as SQL with a key range."""

    def __init__(self, sql: str, params: dict) -> None:
        self.sql, self.params = sql, params  # sql has :lo and :hi, returns column k, distinct

    def ordered(self, lo: int, hi: int, limit: Optional[int] = None) -> "text":
        bounded = f"{self.sql} ORDER BY k" + (f" LIMIT {int(limit)}" if limit is not None else "")
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
    # Fetched by name (the primary key), then sorted: `+search_key` keeps SQLite off the
    # key index, which it would otherwise walk for the order.
    return Source(
        f"SELECT DISTINCT search_key AS k FROM events_actor_names {pairs} AND +search_key BETWEEN :lo AND :hi",
        params,
    )


def bbox_source(bbox: tuple[float, float, float, float]) -> Optional[Source]:
    min_lon, min_lat, max_lon, max_lat = bbox
    if min_lon > max_lon:
        return None  # across the antimeridian: the general query's two longitude bands
    return Source(
        "SELECT search_key AS k FROM events_geo WHERE min_lon <= :max_lon AND max_lon >= :min_lon"
        " AND min_lat <= :max_lat AND max_lat >= :min_lat"
        # The R*Tree's float32 boxes are a superset; the exact coordinates decide.
        " AND lon BETWEEN :min_lon AND :max_lon AND lat BETWEEN :min_lat AND :max_lat"
        " AND search_key BETWEEN :lo AND :hi",
        {"min_lon": min_lon, "min_lat": min_lat, "max_lon": max_lon, "max_lat": max_lat},
    )


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
    `others` (conditions on `events`) and, given `since`, reach it; None when the walk gives
    up (the caller then runs the general query)."""
    if since is not None and lo < day_key(since):
        # Keys before `since`'s day are of events that started earlier: only those need
        # their end read (SQLite reads the event row only then).
        key_floor = day_key(since)
        others = others + [lambda k: or_(k >= key_floor, ev.date_end >= since)]
    needed = None if limit is None else offset + limit
    end = hi
    if needed is not None and needed > 0:
        nth = _nth_key(conn, source, others, lo, hi, needed)
        if nth is False:
            return None
        if nth is not None:
            end = min(hi, ((nth >> 32) + 1 << 32) - 1)  # the end of its day
    matched = source.ordered(lo, end).subquery("m")
    query = (
        select(ev.id)
        .select_from(matched)
        .join(events_search, events_search.c.search_key == matched.c.k)
        .join(schema.events, ev.id == events_search.c.event_id)
        .where(*_conditions(others, matched.c.k))
        .order_by(ev.date.is_(None), ev.date, ev.id)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query


def _conditions(others, key) -> list:
    return [c(key) if callable(c) else c for c in others]


def _nth_key(conn: Connection, source: Source, others, lo: int, hi: int, n: int):
    """The n-th matching key that passes `others`; None if fewer match; False if the walk
    met WALK_BUDGET keys without finding n."""
    if not others:
        nth = select(column("k")).select_from(source.ordered(lo, hi).subquery("m")).order_by(column("k"))
        return conn.execute(nth.limit(1).offset(n - 1)).scalar()
    walked = source.ordered(lo, hi, limit=WALK_BUDGET).subquery("m")
    passing = (
        select(walked.c.k)
        .select_from(walked)
        .join(events_search, events_search.c.search_key == walked.c.k)
        .join(schema.events, ev.id == events_search.c.event_id)
        .where(*_conditions(others, walked.c.k))
        .order_by(walked.c.k)
        .limit(1)
        .offset(n - 1)
    )
    nth = conn.execute(passing).scalar()
    if nth is not None:
        return nth
    budget_met = select(text("count(*)")).select_from(source.ordered(lo, hi, limit=WALK_BUDGET).subquery("c"))
    return False if conn.execute(budget_met).scalar() >= WALK_BUDGET else None


def key_range(since: Optional[dt.date], until: Optional[dt.date], bound: Optional[dt.date]) -> tuple[int, int]:
    """Keys of events starting in [bound, until] (bound: the earliest start of an event that
    reaches `since`); any dated event when only one end is given, every event when none."""
    if since is None and until is None:
        return 0, (1 << 63) - 1
    lo = day_key(bound) if bound is not None else 0
    hi = day_key(until + dt.timedelta(days=1)) - 1 if until is not None else (DAY_UNDATED << 32) - 1
    return lo, hi

