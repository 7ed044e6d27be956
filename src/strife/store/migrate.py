"""Bringing a store's schema to the one this strife writes, with alembic, from `Store.open`.

The migration scripts ship inside the package (store/migrations/), so no alembic.ini is
needed where the user runs strife. Three cases on open:
- an empty database: every migration runs, from 0001 (the first schema) to the head;
- a store from before alembic (strife wrote `store_meta.schema_version` = 1 with
  `create_all`): its tables are exactly revision 0001, so it is stamped 0001 and upgraded;
- a store stamped with a revision this strife does not know: written by a newer strife,
  refused (SchemaTooNew) before anything is written.
The upgrade runs in one transaction holding the store's write lock: two processes opening
a new store at once take turns, and a process killed mid-upgrade leaves the old schema.
(SQLite and PostgreSQL both roll back DDL with the transaction.)
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from strife.store.engine import WRITE
from strife.store.schema import SCHEMA_VERSION, SchemaTooNew

SCRIPTS = Path(__file__).resolve().parent / "migrations"

# The revision a pre-alembic store (store_meta.schema_version 1) is identical to.
BASELINE = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        # env.py runs the migrations on this connection, inside its transaction.
        config.attributes["connection"] = connection
    return config


def ensure_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to this strife's head revision; refuse a newer one.

    (`revision` stops earlier: for tests and the benchmark, which bulk-loads a store at 0002
    and lets 0003 build the query indexes over it, as an upgrade of a big store would.)
    """
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            current = set(MigrationContext.configure(conn).get_current_heads())
            if current == {head}:
                return
            _refuse_unknown(conn, scripts, current, head)
            config.attributes["connection"] = conn
            if not current and _legacy_version(conn) is not None:
                command.stamp(config, BASELINE)
            command.upgrade(config, revision)


def _refuse_unknown(conn: Connection, scripts: ScriptDirectory, current: set[str], head: str) -> None:
    where = conn.engine.url.render_as_string(hide_password=True)
    known = {script.revision for script in scripts.walk_revisions()}
    unknown = sorted(current - known)
    if unknown:
        raise SchemaTooNew(
            f"the store {where} has schema revision {', '.join(unknown)}, written by a newer "
            f"strife; this one knows up to {head}. Upgrade strife to open it."
        )
    legacy = _legacy_version(conn)
    if legacy is not None and (legacy > SCHEMA_VERSION or (not current and legacy != 1)):
        raise SchemaTooNew(
            f"the store {where} has schema version {legacy}, written by a newer strife; "
            f"this one knows up to {SCHEMA_VERSION}. Upgrade strife to open it."
        )


def _legacy_version(conn: Connection) -> int | None:
    """store_meta's schema_version, or None when there is no store_meta table yet."""
    if not inspect(conn).has_table("store_meta"):
        return None
    found = conn.execute(text("SELECT value FROM store_meta WHERE key = 'schema_version'")).scalar()
    return int(found) if found is not None else None
