"""Indexes for the queries users run on a million events (issue 5), and text search.

The three single-column indexes of 0001 give way to ones that also carry the listing order
(see schema.py). Text and actor-name search are dialect-specific and outside the metadata
(store/search.py explains the choice):
- SQLite: an FTS5 table of words and a table of actor names with their events, kept in step
  with `events` by triggers, keyed through `events_search` (an integer key per event id: an
  FTS5 row needs an integer rowid, and the implicit rowid of `events` may change on VACUUM,
  its primary key being text);
- PostgreSQL: GIN indexes on expressions over the row (tsvector; pg_trgm trigrams).
Existing rows are indexed here, so an upgraded store finds its old events too.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# --- SQLite -------------------------------------------------------------------------------


def _sqlite_body(row: str) -> str:
    return (
        f"coalesce(json_extract({row}.record, '$.notes'), '') || ' ' || coalesce({row}.location_name, '')"
        f" || ' ' || coalesce({row}.actor1, '') || ' ' || coalesce({row}.actor2, '') || ' ' || coalesce("
        f"(SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each({row}.record, '$.assoc_actors')), '')"
    )


def _sqlite_names(row: str) -> str:
    """The distinct actor names of one event row: actor1, actor2, the associated actors."""
    return (
        f"SELECT {row}.actor1 AS name WHERE {row}.actor1 IS NOT NULL"
        f" UNION SELECT {row}.actor2 WHERE {row}.actor2 IS NOT NULL"
        f" UNION SELECT json_extract(value, '$.name') FROM json_each({row}.record, '$.assoc_actors')"
        " WHERE json_extract(value, '$.name') IS NOT NULL"
    )


def _sqlite_add(row: str) -> list[str]:
    key = f"(SELECT search_key FROM events_search WHERE event_id = {row}.id)"
    return [
        f"INSERT INTO events_search (event_id) VALUES ({row}.id);",
        f"INSERT INTO events_text (rowid, body) VALUES ({key}, {_sqlite_body(row)});",
        f"INSERT OR IGNORE INTO actor_names (name) {_sqlite_names(row)};",
        f"INSERT OR IGNORE INTO events_actor_names (name_key, search_key) SELECT a.name_key, {key}"
        f" FROM actor_names AS a WHERE a.name IN ({_sqlite_names(row)});",
    ]


def _sqlite_remove(row: str) -> list[str]:
    key = f"(SELECT search_key FROM events_search WHERE event_id = {row}.id)"
    return [
        f"DELETE FROM events_text WHERE rowid = {key};",
        f"DELETE FROM events_actor_names WHERE search_key = {key};",
        f"DELETE FROM events_search WHERE event_id = {row}.id;",
    ]


SQLITE_UP = [
    "CREATE TABLE events_search (search_key INTEGER PRIMARY KEY, event_id VARCHAR(64) NOT NULL UNIQUE)",
    # Words, stemmed (porter), accents folded: "bombings" finds "bombing", "Bogotá" "Bogota".
    "CREATE VIRTUAL TABLE events_text USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')",
    # Every actor name once (a few thousand, where events are a million), so a substring is
    # looked for among the names, then their events are found by key. Names are kept when
    # their last event goes: they then match nothing.
    "CREATE TABLE actor_names (name_key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE events_actor_names (name_key INTEGER NOT NULL, search_key INTEGER NOT NULL,"
    " PRIMARY KEY (name_key, search_key)) WITHOUT ROWID",
    "CREATE INDEX ix_events_actor_names_search_key ON events_actor_names (search_key)",
    "CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN " + " ".join(_sqlite_add("NEW")) + " END",
    "CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN " + " ".join(_sqlite_remove("OLD")) + " END",
    "CREATE TRIGGER events_search_update AFTER UPDATE ON events BEGIN "
    + " ".join(_sqlite_remove("OLD") + _sqlite_add("NEW"))
    + " END",
    # Existing events.
    "INSERT INTO events_search (event_id) SELECT id FROM events ORDER BY id",
    "INSERT INTO events_text (rowid, body) SELECT s.search_key, " + _sqlite_body("e")
    + " FROM events AS e JOIN events_search AS s ON s.event_id = e.id",
    "INSERT OR IGNORE INTO actor_names (name) SELECT actor1 FROM events WHERE actor1 IS NOT NULL"
    " UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL"
    " UNION SELECT json_extract(j.value, '$.name') FROM events AS e, json_each(e.record, '$.assoc_actors') AS j"
    " WHERE json_extract(j.value, '$.name') IS NOT NULL",
    "INSERT OR IGNORE INTO events_actor_names (name_key, search_key)"
    " SELECT a.name_key, s.search_key FROM events AS e JOIN events_search AS s ON s.event_id = e.id"
    " JOIN actor_names AS a ON a.name = e.actor1"
    " UNION SELECT a.name_key, s.search_key FROM events AS e JOIN events_search AS s ON s.event_id = e.id"
    " JOIN actor_names AS a ON a.name = e.actor2"
    " UNION SELECT a.name_key, s.search_key FROM events AS e JOIN events_search AS s ON s.event_id = e.id,"
    " json_each(e.record, '$.assoc_actors') AS j JOIN actor_names AS a ON a.name = json_extract(j.value, '$.name')",
]
SQLITE_DOWN = [
    "DROP TRIGGER events_search_update",
    "DROP TRIGGER events_search_delete",
    "DROP TRIGGER events_search_insert",
    "DROP TABLE events_actor_names",
    "DROP TABLE actor_names",
    "DROP TABLE events_text",
    "DROP TABLE events_search",
]

# --- PostgreSQL ---------------------------------------------------------------------------
# The same texts as in SQLite; these exact expressions are what store/search.py queries.
PG_NAMES = (
    "coalesce(actor1, '') || ' | ' || coalesce(actor2, '') || ' | ' || "
    "coalesce(jsonb_path_query_array(record::jsonb, '$.assoc_actors[*].name')::text, '')"
)
PG_BODY = f"coalesce(record ->> 'notes', '') || ' ' || coalesce(location_name, '') || ' ' || {PG_NAMES}"
PG_UP = [
    # Trusted extension (PostgreSQL 13+): the database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX ix_events_text ON events USING gin (to_tsvector('english'::regconfig, {PG_BODY}))",
    f"CREATE INDEX ix_events_actors ON events USING gin (lower({PG_NAMES}) gin_trgm_ops)",
]
PG_DOWN = ["DROP INDEX ix_events_actors", "DROP INDEX ix_events_text"]



def upgrade() -> None:
    for name in ("ix_events_iso3", "ix_events_date", "ix_events_event_type"):
        op.drop_index(name, table_name="events")
    undated = sa.column("date").is_(None)
    date, id_ = sa.column("date"), sa.column("id")
    op.create_index("ix_events_order", "events", [undated, date, id_, sa.column("date_end")])
    op.create_index("ix_events_iso3", "events", [sa.column("iso3"), undated, date, id_])
    op.create_index("ix_events_country", "events", [sa.func.lower(sa.column("country")), sa.column("iso3")])
    op.create_index("ix_events_admin1", "events", [sa.func.lower(sa.column("admin1")), undated, date, id_])
    op.create_index("ix_events_event_type", "events", [sa.func.lower(sa.column("event_type")), undated, date, id_])
    op.create_index("ix_events_date", "events", ["date", "id", "date_end"])
    op.create_index("ix_events_date_end", "events", ["date_end", "date"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else PG_UP if dialect == "postgresql" else []:
        op.execute(statement)
    op.execute("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else PG_DOWN if dialect == "postgresql" else []:
        op.execute(statement)
    for name in (
        "ix_events_lat_lon",
        "ix_events_date_end",
        "ix_events_date",
        "ix_events_event_type",
        "ix_events_admin1",
        "ix_events_country",
        "ix_events_iso3",
        "ix_events_order",
    ):
        op.drop_index(name, table_name="events")
    op.create_index("ix_events_iso3", "events", ["iso3"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'")
