"""Text and actor-name search over events, in each database's own full-text machinery.

Why these: a `LIKE '%word%'` over a million JSON records reads every row (seconds); both
databases ship an inverted index that answers in milliseconds, so the store uses theirs.
- Text (`text=`): words, not substrings. Notes, the place name and every actor's name are
  tokenised, stemmed for English and accent-folded; a query matches events that have all of
  its words, in any order ("suicide bombing" finds "a bombing by a suicide attacker").
  SQLite: FTS5 with the porter tokenizer; PostgreSQL: tsvector ('english') in a GIN index.
- Actor (`actor=`): a case-insensitive substring of actor1, actor2 or an associated actor's
  name, as users type part of a name ("Shabaab", "police"). Substrings need trigrams:
  SQLite's FTS5 trigram tokenizer, PostgreSQL's pg_trgm in a GIN index. (Under 3 characters
  a trigram index cannot help; the query is still right, only slower.)
The tables, triggers and indexes are made by migration 0003; the PostgreSQL expressions
here must stay identical to the indexed ones, or the planner falls back to a scan (a test
checks the plan).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, bindparam, text

# Objects of the search machinery, outside schema.metadata (compare_metadata skips them).
SQLITE_TABLES = ("events_search", "events_text", "events_actors")
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


def text_matches(dialect: str, query: str) -> ColumnElement[bool]:
    """A condition on `events` (unaliased): the event's text has every word of `query`."""
    terms = words(query)
    if dialect == "sqlite":
        # Each word quoted: FTS5 query syntax (AND, NEAR, *, ^, :) in user input stays literal.
        fts = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return text(
            "events.id IN (SELECT s.event_id FROM events_search AS s WHERE s.search_key IN "
            "(SELECT rowid FROM events_text WHERE events_text MATCH :fts_query))"
        ).bindparams(bindparam("fts_query", fts))
    if dialect == "postgresql":
        return text(
            f"to_tsvector('english'::regconfig, {PG_BODY}) @@ plainto_tsquery('english'::regconfig, :ts_query)"
        ).bindparams(bindparam("ts_query", " ".join(terms)))
    raise ValueError(f"text search is not available on {dialect}")


def actor_matches(dialect: str, name: str) -> ColumnElement[bool]:
    """A condition on `events`: some actor's name contains `name`, any case."""
    needle = name.strip()
    if not needle:
        raise ValueError("actor: an empty name matches every event")
    # LIKE's wildcards in a name are meant literally.
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", needle.lower()) + "%"
    if dialect == "sqlite":
        return text(
            "events.id IN (SELECT s.event_id FROM events_search AS s WHERE s.search_key IN "
            "(SELECT rowid FROM events_actors WHERE names LIKE :actor_pattern ESCAPE '\\'))"
        ).bindparams(bindparam("actor_pattern", pattern))
    if dialect == "postgresql":
        return text(f"lower({PG_NAMES}) LIKE :actor_pattern ESCAPE '\\'").bindparams(
            bindparam("actor_pattern", pattern)
        )
    raise ValueError(f"actor search is not available on {dialect}")
