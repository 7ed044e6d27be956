"""Tables for merging reports into events (issue 5): sources, revisions, aliases, LSH bands;
articles' duplicate_of/version_of; `duplicate` as an input outcome.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD_OUTCOMES = "outcome IN ('events', 'no_event', 'skipped')"
NEW_OUTCOMES = "outcome IN ('events', 'no_event', 'skipped', 'duplicate')"


def _inputs(check: str) -> sa.Table:
    # The table as revision 0001 made it: SQLite cannot alter a CHECK constraint, so batch
    # mode rebuilds the table from this definition (rows copied, ids kept).
    return sa.Table(
        "inputs",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(128)),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), unique=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(check, name="ck_inputs_outcome"),
        sa.UniqueConstraint("origin", "reason", name="uq_inputs_origin_reason"),
    )


def _set_outcomes(old: str, new: str) -> None:
    with op.batch_alter_table("inputs", copy_from=_inputs(old)) as batch:
        batch.drop_constraint("ck_inputs_outcome", type_="check")
        batch.create_check_constraint("ck_inputs_outcome", sa.text(new))


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("duplicate_of", sa.String(128)))
        batch.add_column(sa.Column("version_of", sa.String(128)))
    _set_outcomes(OLD_OUTCOMES, NEW_OUTCOMES)
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "article_id", sa.String(128), sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("report_event_id", sa.String(64), primary_key=True),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])
    op.create_table(
        "event_revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(128)),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("match", sa.JSON),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_event_revisions_event_id", "event_revisions", ["event_id"])
    op.create_table(
        "event_aliases",
        sa.Column("old_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_event_aliases_event_id", "event_aliases", ["event_id"])
    op.create_table(
        "article_lsh",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column(
            "article_id", sa.String(128), sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_index("ix_article_lsh_key", "article_lsh", ["key"])
    op.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'")


def downgrade() -> None:
    for table in ("article_lsh", "event_aliases", "event_revisions", "event_sources"):
        op.drop_table(table)
    op.execute("DELETE FROM inputs WHERE outcome = 'duplicate'")
    _set_outcomes(NEW_OUTCOMES, OLD_OUTCOMES)
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("version_of")
        batch.drop_column("duplicate_of")
    op.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
