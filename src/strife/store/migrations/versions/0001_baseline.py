"""The first schema: what strife wrote with create_all before alembic (schema_version 1).

Frozen here as it was, so a store made then and a store made now from scratch pass through
the same revisions. A pre-alembic store is stamped with this revision, not re-created.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(256), nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(128), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_basis", sa.String(32)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(128),
            sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("event_type", sa.String(64)),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("disorder_type", sa.String(64)),
        sa.Column("country", sa.String(128)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.String(128)),
        sa.Column("admin2", sa.String(128)),
        sa.Column("location_name", sa.String(256)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("actor1", sa.String(256)),
        sa.Column("actor2", sa.String(256)),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_iso3", "events", ["iso3"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_table(
        "inputs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(128)),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), unique=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("outcome IN ('events', 'no_event', 'skipped')", name="ck_inputs_outcome"),
        sa.UniqueConstraint("origin", "reason", name="uq_inputs_origin_reason"),
    )
    op.execute("INSERT INTO store_meta (key, value) VALUES ('schema_version', '1')")


def downgrade() -> None:
    for table in ("inputs", "events", "articles", "store_meta"):
        op.drop_table(table)
