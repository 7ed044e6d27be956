"""SQLite: search keys in listing order, and an R*Tree of event points (issue 5).

0003 keyed the search tables (FTS5 rowids, actor-name pairs) by an integer per event in
insertion order, so a search that matched 25,000 events had to read 25,000 events to sort
them before it could return the first 100. Here the key becomes sortable:
`(day << 32) | n`, day the julian day number of the event's date (undated events: DAY_UNDATED,
after every date), n numbering the events of that day. Key order is then the listing order
(date IS NULL, date, id) except within one day, and a page is found from the keys alone
(store/search_page.py). Existing events are numbered within their day in id order; events
added later take the next number of their day.
`events_geo` is an R*Tree of the events' points under the same key, for bounding boxes; its
coordinates are 32-bit floats rounded outwards, so the exact coordinates ride along as
auxiliary columns and are what the box is finally tested on.
PostgreSQL is unchanged (its GIN indexes and the planner do the same job there).

Revision ID: 0004
Revises: 0003
"""

import importlib

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# 0003's texts of an event (the FTS body, its actor names) are kept as they are; only the key
# and the triggers that assign it change. (A revision module's name starts with a digit, so
# it is imported by name.)
_v3 = importlib.import_module("strife.store.migrations.versions.0003_query_indexes")

DAY_UNDATED = (1 << 23) - 1  # past the julian day of 9999-12-31, 5373484


def _day(row: str) -> str:
    return f"(CASE WHEN {row}.date IS NULL THEN {DAY_UNDATED} ELSE CAST(julianday({row}.date) AS INTEGER) END)"


def _last_day(row: str) -> str:
    """The day of the event's last day: an event reaching a date is tested off events_search."""
    return (
        f"(CASE WHEN {row}.date IS NULL THEN {DAY_UNDATED}"
        f" ELSE CAST(julianday(coalesce({row}.date_end, {row}.date)) AS INTEGER) END)"
    )


def _new_key(row: str) -> str:
    """The next free key of the row's day: one past the day's highest, or the day's first."""
    day = _day(row)
    return (
        f"coalesce((SELECT search_key + 1 FROM events_search WHERE search_key >= ({day} << 32)"
        f" AND search_key < (({day} + 1) << 32) ORDER BY search_key DESC LIMIT 1), ({day} << 32) + 1)"
    )


def _sqlite_add(row: str) -> list[str]:
    key = f"(SELECT search_key FROM events_search WHERE event_id = {row}.id)"
    return [
        f"INSERT INTO events_search (search_key, event_id, last_day) VALUES ({_new_key(row)}, {row}.id, {_last_day(row)});",
        f"INSERT INTO events_text (rowid, body) VALUES ({key}, {_v3._sqlite_body(row)});",
        f"INSERT OR IGNORE INTO actor_names (name) {_v3._sqlite_names(row)};",
        f"INSERT OR IGNORE INTO events_actor_names (name_key, search_key) SELECT a.name_key, {key}"
        f" FROM actor_names AS a WHERE a.name IN ({_v3._sqlite_names(row)});",
        f"INSERT INTO events_geo SELECT {key}, {row}.lon, {row}.lon, {row}.lat, {row}.lat, {row}.lon, {row}.lat"
        f" WHERE {row}.lat IS NOT NULL AND {row}.lon IS NOT NULL;",
    ]


def _sqlite_remove(row: str) -> list[str]:
    key = f"(SELECT search_key FROM events_search WHERE event_id = {row}.id)"
    return [f"DELETE FROM events_geo WHERE search_key = {key};"] + _v3._sqlite_remove(row)


def _triggers(add, remove) -> list[str]:
    return [
        "CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN " + " ".join(add("NEW")) + " END",
        "CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN " + " ".join(remove("OLD")) + " END",
        "CREATE TRIGGER events_search_update AFTER UPDATE ON events BEGIN "
        + " ".join(remove("OLD") + add("NEW")) + " END",
    ]


DROP_TRIGGERS = [
    "DROP TRIGGER events_search_update",
    "DROP TRIGGER events_search_delete",
    "DROP TRIGGER events_search_insert",
]

# Old key -> new key, through the event id both tables carry.
def _renumbered(old_key: str) -> str:
    return f"events_search AS o ON o.search_key = {old_key} JOIN events_search_new AS n ON n.event_id = o.event_id"

SQLITE_UP = DROP_TRIGGERS + [
    # last_day: NULL only for events added after a downgrade to 0003 (whose triggers do not
    # know it); 0004 rebuilds the table on the way up again.
    "CREATE TABLE events_search_new (search_key INTEGER PRIMARY KEY, event_id VARCHAR(64) NOT NULL UNIQUE,"
    " last_day INTEGER)",
    "INSERT INTO events_search_new (search_key, event_id, last_day)"
    " SELECT (day << 32) + row_number() OVER (PARTITION BY day ORDER BY id), id, last_day"
    f" FROM (SELECT id, {_day('events')} AS day, {_last_day('events')} AS last_day FROM events) ORDER BY 1",
    # The words are copied, not recomputed from the records; in key order, which is the
    # order FTS5 builds its lists fastest in.
    "CREATE VIRTUAL TABLE events_text_new USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO events_text_new (rowid, body) SELECT n.search_key, t.body FROM events_text AS t"
    f" JOIN {_renumbered('t.rowid')} ORDER BY n.search_key",
    "INSERT INTO events_text_new (events_text_new) VALUES ('optimize')",
    "CREATE TABLE events_actor_names_new (name_key INTEGER NOT NULL, search_key INTEGER NOT NULL,"
    " PRIMARY KEY (name_key, search_key)) WITHOUT ROWID",
    "INSERT INTO events_actor_names_new (name_key, search_key) SELECT x.name_key, n.search_key"
    f" FROM events_actor_names AS x JOIN {_renumbered('x.search_key')}",
    "DROP TABLE events_text",
    "DROP TABLE events_actor_names",
    "DROP TABLE events_search",
    "ALTER TABLE events_search_new RENAME TO events_search",
    "ALTER TABLE events_text_new RENAME TO events_text",
    "ALTER TABLE events_actor_names_new RENAME TO events_actor_names",
    "CREATE INDEX ix_events_actor_names_search_key ON events_actor_names (search_key)",
    "CREATE VIRTUAL TABLE events_geo USING rtree(search_key, min_lon, max_lon, min_lat, max_lat, +lon, +lat)",
    "INSERT INTO events_geo SELECT s.search_key, e.lon, e.lon, e.lat, e.lat, e.lon, e.lat"
    " FROM events AS e JOIN events_search AS s ON s.event_id = e.id WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL",
] + _triggers(_sqlite_add, _sqlite_remove)

# Down: 0003's triggers work on any integer keys, so the sortable ones stay.
SQLITE_DOWN = DROP_TRIGGERS + ["DROP TABLE events_geo"] + _triggers(_v3._sqlite_add, _v3._sqlite_remove)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    op.execute("UPDATE store_meta SET value = '4' WHERE key = 'schema_version'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    op.execute("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'")
