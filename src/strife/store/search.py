"""Text and actor-name search over events, in each database's own full-text machinery.

Why these: a `LIKE '%word%'` over a million JSON records reads every row (seconds); both
databases ship an inverted index that answers in milliseconds, so the store uses theirs.
- Text (`text=`): words, not substrings. Notes, the place name and every actor's name are
  tokenised, stemmed for English and accent-folded; a query matches events that have all of
  its words, in any order ("suicide bombing" finds "a bombing by a suicide attacker").
  SQLite: FTS5 with the porter tokenizer; PostgreSQL: tsvector ('english') in a GIN index.
- Actor (`actor=`): a case-insensitive substring of actor1, actor2 or an associated actor's
  name, as users type part of a name ("Shabaab", "police"). SQLite: a million events have
  only thousands of distinct actor names, so the store keeps each name once, finds the
  names that contain the substring by scanning those (LIKE; ASCII case folding), and then
  their events by key; a trigram index over every event would be larger and, for common
  names, slower. PostgreSQL: pg_trgm trigrams in a GIN index over the events.
Bounding boxes: SQLite keeps the events' points in an R*Tree (`events_geo`, migration 0004).
SQLite, ordering: a search alone (text, actor or box, with at most a date range) is paged off
the search keys, which 0004 makes sortable, without reading the events that match beyond the
page (store/search_page.py); with an equality filter (country, admin1, type) the conditions
here are used, and the filter's index walks the listing order.
The tables, triggers and indexes are made by migrations 0003-0004; the PostgreSQL expressions
here must stay identical to the indexed ones, or the planner falls back to a scan (a test
checks the plan).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, bindparam, text

# Objects of the search machinery, outside schema.metadata (compare_metadata skips them).
SQLITE_TABLES = ("events_search", "events_text", "actor_names", "events_actor_names", "events_geo")
PG_INDEXES = ("ix_events_text", "ix_events_actors")

PG_NAMES = (
    "coalesce(actor1, '') || ' | ' || coalesce(actor2, '') || ' | ' || "
    "coalesce(jsonb_path_query_array(record::jsonb, '$.assoc_actors[*].name')::text, '')"
)
PG_BODY = f"coalesce(record ->> 'notes', '') || ' ' || coalesce(location_name, '') || ' ' || {PG_NAMES}"

_WORD = re.compile(r"\w+")


def is_search_object(name: str | None) -> bool:
    if name is None:
        return False
    return name in PG_INDEXES or any(name == t or name.startswith(t + "_") for t in SQLITE_TABLES)


def words(query: str) -> list[str]:
    found = _WORD.findall(query)
    if not found:
        raise ValueError(f"text: {query!r} has no words to search for")
    return found


def text_matches(conn: Connection, query: str) -> ColumnElement[bool]:
    """A condition on `events` (unaliased): the event's text has every word of `query`."""
    terms = words(query)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        params = {"fts_query": fts_query(query)}
        matching_keys = "SELECT rowid FROM events_text WHERE events_text MATCH :fts_query"
        if _many(conn, matching_keys, params, TEXT_WALK_ABOVE):
            return _probe(
                "SELECT 1 FROM events_search AS s, events_text AS t WHERE s.event_id = events.id"
                " AND t.rowid = s.search_key AND events_text MATCH :fts_query",
                params,
            )
        return _keyed(matching_keys, params)
    if dialect == "postgresql":
        return text(
            f"to_tsvector('english'::regconfig, {PG_BODY}) @@ plainto_tsquery('english'::regconfig, :ts_query)"
        ).bindparams(bindparam("ts_query", " ".join(terms)))
    raise ValueError(f"text search is not available on {dialect}")


def actor_matches(conn: Connection, name: str) -> ColumnElement[bool]:
    """A condition on `events`: some actor's name contains `name`, any case."""
    pattern = actor_pattern(name)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        params = {"actor_pattern": pattern}
        names = "SELECT name_key FROM actor_names WHERE name LIKE :actor_pattern ESCAPE '\\'"
        if _many(conn, f"SELECT search_key FROM events_actor_names WHERE name_key IN ({names})", params,
                 ACTOR_WALK_ABOVE):
            return _probe(
                "SELECT 1 FROM events_search AS s JOIN events_actor_names AS x ON x.search_key = s.search_key"
                f" WHERE s.event_id = events.id AND x.name_key IN ({names})",
                params,
            )
        return _keyed(f"SELECT search_key FROM events_actor_names WHERE name_key IN ({names})", params)
    if dialect == "postgresql":
        return text(f"lower({PG_NAMES}) LIKE :actor_pattern ESCAPE '\\'").bindparams(
            bindparam("actor_pattern", pattern)
        )
    raise ValueError(f"actor search is not available on {dialect}")


def fts_query(query: str) -> str:
    """An FTS5 query for every word of `query`; each word quoted, so FTS5 query syntax (AND,
    NEAR, *, ^, :) in user input stays literal."""
    return " ".join(_fts_phrase(t) for t in words(query))


def actor_pattern(name: str) -> str:
    """A LIKE pattern (escape '\\') for names containing `name`, lower-cased."""
    needle = name.strip()
    if not needle:
        raise ValueError("actor: an empty name matches every event")
    # LIKE's wildcards in a name are meant literally.
    return "%" + re.sub(r"([\\%_])", r"\\\1", needle.lower()) + "%"


# The actor names containing :actor_pattern (SQLite).
ACTOR_NAME_KEYS = "SELECT name_key FROM actor_names WHERE name LIKE :actor_pattern ESCAPE '\\'"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# SQLite: how many matches make it cheaper to walk the events in listing order and test each
# for a match, than to fetch every match and sort them. Finding a page of 100 by walking
# costs about 100 * N / matches probes, fetching costs about `matches` row reads and a sort:
# they meet near sqrt(100 * N * probe cost / read cost). Measured on the benchmark's million
# events (benchmarks/bench_store_queries.py): an FTS5 probe costs some 40 row reads, an
# actor-name probe a few. SQLite cannot know the number of matches when it plans, so the
# store counts them, up to the bound (a cheap, bounded count), and writes the condition in
# the shape that makes SQLite take the cheaper way.
TEXT_WALK_ABOVE = 100_000
ACTOR_WALK_ABOVE = 5_000


def _many(conn: Connection, matching_keys: str, params: dict, above: int) -> bool:
    bounded = f"SELECT count(*) FROM ({matching_keys} LIMIT {above + 1})"
    return conn.execute(text(bounded), params).scalar() > above


def _keyed(matching_keys: str, params: dict) -> ColumnElement[bool]:
    """Few matches: the events are fetched from the matching keys, then sorted."""
    return text(
        f"events.id IN (SELECT s.event_id FROM events_search AS s WHERE s.search_key IN ({matching_keys}))"
    ).bindparams(*(bindparam(k, v) for k, v in params.items()))


def _probe(correlated: str, params: dict) -> ColumnElement[bool]:
    """Many matches: each event met in listing order is tested, until the page is full."""
    return text(f"EXISTS ({correlated})").bindparams(*(bindparam(k, v) for k, v in params.items()))
