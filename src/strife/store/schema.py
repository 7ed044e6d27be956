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
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)

# Bumped by any change a file written by an older strife would not have; migrations key on it.
SCHEMA_VERSION = 2  # 2: merging (event_sources, event_revisions, event_aliases, article_lsh)

OUTCOMES = ("events", "no_event", "skipped", "duplicate")

metadata = MetaData()

store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

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
    # A syndicated copy of a stored article (near-duplicate text): kept, but no source.
    Column("duplicate_of", String(128)),
    # An updated version of a stored article (same URL or id, other text): its figures
    # replace the earlier version's in the events it fed.
    Column("version_of", String(128)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column(
        "article_id",
        String(128),
        ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
    ),
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
    Index("ix_events_iso3", "iso3"),
    Index("ix_events_date", "date"),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_article_id", "article_id"),
)

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


# One row per report of a merged event: the event as coded from that report alone. The
# merged record in `events` is derived from these rows (strife.resolve.merge).
event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(128), ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    Column("report_event_id", String(64), primary_key=True),
    Column("record", JSON, nullable=False),
    Column("added_at", DateTime(timezone=True)),
    Index("ix_event_sources_article_id", "article_id"),
)

# Every change to an event. No foreign key: the history of an event merged into another
# outlives its row.
event_revisions = Table(
    "event_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16), nullable=False),  # created | revised | merged | source_added
    Column("article_id", String(128)),
    Column("changes", JSON, nullable=False),
    Column("match", JSON),
    Column("note", Text),
)

# An id merged into another event: ids once issued never disappear.
event_aliases = Table(
    "event_aliases",
    metadata,
    Column("old_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False, index=True),
)

# Locality-sensitive hash bands of an article's text (strife.resolve.neardup).
article_lsh = Table(
    "article_lsh",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("article_id", String(128), ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_lsh_key", "key"),
)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer strife; writing to it could damage it."""


def ensure_schema(engine: Engine) -> None:
    """Create missing tables and record the schema version; refuse a newer schema."""
    metadata.create_all(engine)
    with engine.begin() as conn:
        found = conn.execute(
            select(store_meta.c.value).where(store_meta.c.key == "schema_version")
        ).scalar_one_or_none()
        if found is None:
            conn.execute(store_meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        elif int(found) > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"the store has schema version {found}; this strife knows up to {SCHEMA_VERSION}"
            )
