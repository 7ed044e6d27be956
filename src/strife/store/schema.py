"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one definition.

`events` keeps the whole record as JSON (the contract) next to a few flat columns that
exist only to be filtered, sorted and counted on; the JSON is the truth.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

# The schema's generation, written to `store_meta` by each migration (see migrations/): a
# strife from before alembic reads it and refuses a store newer than it knows. Alembic's own
# `alembic_version` row is what upgrades key on.
SCHEMA_VERSION = 4

OUTCOMES = ("events", "no_event", "skipped", "duplicate")

metadata = MetaData()

store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)


def _article_id(**options) -> Column:
    """The column naming the article a row comes from. What is known from an article (its
    events, its part in merged events, its hash bands) goes with it: ON DELETE CASCADE."""
    return Column("article_id", String(128), ForeignKey("articles.article_id", ondelete="CASCADE"), **options)


articles = Table(
    "articles",
    metadata,
    Column("article_id", String(128), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("published", Date),
    Column("published_basis", String(32)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(128)),
    # An updated version of the same URL replaces the earlier version's figures.
    Column("version_of", String(128)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    _article_id(nullable=False),
    Column("mode", String(16), nullable=False),
    Column("date", Date),
    Column("date_end", Date),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("disorder_type", String(64)),
    Column("country", String(128)),
    Column("iso3", String(3)),
    Column("admin1", String(128)),
    Column("admin2", String(128)),
    Column("location_name", String(256)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor1", String(256)),
    Column("actor2", String(256)),
    Column("fatalities_best", Integer),
    Column("record", JSON, nullable=False),
    Index("ix_events_article_id", "article_id"),
)

# The indexes behind `Store.events` (built in store/query.py). A listing is ordered by
# (date IS NULL, date, id): undated events last, then by id. Each filter that is an equality
# gets an index on (that key, the same order), so a page of the newest 100 "Battles" in a
# million events is read off the index in order, with no sort of everything that matched.
# Names and places compare case-insensitively, hence lower(). Text and actor-name search
# live outside this metadata (FTS5 in SQLite, GIN in PostgreSQL): see store/search.py.
_ev = events.c
_undated = _ev.date.is_(None)
# date_end rides along so that a date range is tested off the index, row lookups spared.
Index("ix_events_order", _undated, _ev.date, _ev.id, _ev.date_end)
Index("ix_events_iso3", _ev.iso3, _undated, _ev.date, _ev.id)
# A country given by name is turned into its codes first (query.py), off this index.
Index("ix_events_country", func.lower(_ev.country), _ev.iso3)
Index("ix_events_admin1", func.lower(_ev.admin1), _undated, _ev.date, _ev.id)
Index("ix_events_event_type", func.lower(_ev.event_type), _undated, _ev.date, _ev.id)
# Date ranges, in order (SQLite also serves them off ix_events_order with the leading
# expression fixed; PostgreSQL rewrites that condition to `date IS NOT NULL` and needs this);
# and the few multi-day events that started before a range and run into it.
Index("ix_events_date", _ev.date, _ev.id, _ev.date_end)
Index("ix_events_date_end", _ev.date_end, _ev.date)
# Bounding boxes: a latitude band, longitude checked off the same index entries.
Index("ix_events_lat_lon", _ev.lat, _ev.lon)

inputs = Table(
    "inputs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # No foreign key: a skipped input may name an article that was never stored.
    Column("article_id", String(128)),
    Column("origin", Text, nullable=False),
    # NULL for skipped inputs, which have no text; NULLs never collide in a unique column.
    Column("sha256", String(64), unique=True),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text),
    Column("n_events", Integer, nullable=False, default=0),
    Column("published", Date),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(f"outcome IN {OUTCOMES!r}", name="ck_inputs_outcome"),
    # Skipped inputs are idempotent per origin and reason; other rows have reason NULL.
    UniqueConstraint("origin", "reason", name="uq_inputs_origin_reason"),
)

# --- merging reports into events (issue 5; the `merge` branch writes to these) -------------

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    _article_id(primary_key=True),
    # The event's id and record as coded from that report alone.
    Column("report_event_id", String(64), primary_key=True),
    Column("record", JSON, nullable=False),
    Column("added_at", DateTime(timezone=True)),
    Index("ix_event_sources_article_id", "article_id"),
)

event_revisions = Table(
    "event_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # No foreign key: an event's history outlives its merge into another event.
    Column("event_id", String(64), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16), nullable=False),  # created | revised | merged | source_added
    Column("article_id", String(128)),
    Column("changes", JSON, nullable=False),
    Column("match", JSON),
    Column("note", Text),
)

# An id that was merged into another: ids never disappear.
event_aliases = Table(
    "event_aliases",
    metadata,
    Column("old_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False, index=True),
)

# Locality-sensitive hash bands of an article's text, for near-duplicate lookup.
article_lsh = Table(
    "article_lsh",
    metadata,
    Column("key", String(40), primary_key=True),
    _article_id(primary_key=True),
    Index("ix_article_lsh_key", "key"),
)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer strife; writing to it could damage it."""
