"""Schema migrations: a new store, a store written before alembic, and a newer store."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from strife.store import SchemaTooNew, Store, schema, search, store_url as to_url
from strife.store.migrate import SCRIPTS
from test_store import article, count, event, is_sqlite, rows

DATA = Path(__file__).parent / "data"

# compare_metadata warns that it skips SQLite's expression indexes; they are checked apart
# (test_sqlite_expression_indexes_are_the_metadatas).
pytestmark = pytest.mark.filterwarnings("ignore:.*expression-based index")


def head():
    from alembic.script import ScriptDirectory

    from strife.store.migrate import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def differences(url):
    def outside_metadata(name, type_, parent_names):
        # alembic's own table and the search machinery (store/search.py) are not tables of
        # schema.metadata, by design.
        return name != "alembic_version" and not search.is_search_object(name)

    engine = create_engine(to_url(url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": outside_metadata})
            return compare_metadata(context, schema.metadata)
    finally:
        engine.dispose()


def test_migrations_ship_in_the_package():
    assert (SCRIPTS / "env.py").is_file()
    assert sorted(p.name for p in (SCRIPTS / "versions").glob("0*.py"))[:4] == [
        "0001_baseline.py",
        "0002_merge_tables.py",
        "0003_query_indexes.py",
        "0004_sortable_search_keys.py",
    ]


def test_upgraded_schema_is_the_metadata(empty_store_url):
    with Store.open(empty_store_url):
        pass
    assert differences(empty_store_url) == []
    assert rows(empty_store_url, "SELECT version_num FROM alembic_version") == [(head(),)]
    assert rows(empty_store_url, "SELECT value FROM store_meta WHERE key = 'schema_version'") == [
        (str(schema.SCHEMA_VERSION),)
    ]


def test_the_difference_check_can_fail(empty_store_url):
    # A schema with a column too many is reported: the check above is not vacuous.
    with Store.open(empty_store_url):
        pass
    engine = create_engine(to_url(empty_store_url))
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE articles ADD COLUMN stray INTEGER"))
    engine.dispose()
    (diff,) = differences(empty_store_url)
    assert diff[0] == "remove_column" and diff[3].name == "stray"


def test_merge_tables_and_duplicate_outcome_after_upgrade(empty_store_url):
    with Store.open(empty_store_url) as s:
        a = article()
        s.ingest(a, [event(a, "e_1", date="2024-01-30")])
        engine = s._engine
        # The ingest itself writes the report's row into the merge tables.
        assert count(empty_store_url, "event_sources") == 1
        with engine.begin() as conn:
            now = dt.datetime.now(dt.timezone.utc)
            conn.execute(schema.inputs.insert(), {"origin": "copy.txt", "sha256": "f" * 64, "outcome": "duplicate",
                                                  "reason": "near-duplicate of a_1 (similarity 0.93)",
                                                  "n_events": 0, "ingested_at": now})
        with pytest.raises(Exception, match="ck_inputs_outcome|CHECK"):
            with engine.begin() as conn:
                conn.execute(schema.inputs.insert(), {"origin": "x", "outcome": "bogus", "n_events": 0,
                                                      "ingested_at": now})
        # Deleting the article cascades to its sources, as the foreign key says.
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM articles WHERE article_id = 'a_1'"))
    assert count(empty_store_url, "event_sources") == 0 and count(empty_store_url, "events") == 0


# --- a store written before alembic ---------------------------------------------------------


@pytest.fixture
def v1_store(empty_store_url, tmp_path):
    """A store as strife wrote it at schema version 1 (tests/data/make_store_v1.py)."""
    if is_sqlite(empty_store_url):
        path = tmp_path / "strife.sqlite"
        shutil.copy(DATA / "store-v1.sqlite", path)
        return f"sqlite:///{path}"
    engine = create_engine(to_url(empty_store_url))
    dump = (DATA / "store-v1.pg.sql").read_text(encoding="utf-8")
    with engine.begin() as conn:
        conn.exec_driver_sql(dump)
    engine.dispose()
    return empty_store_url


def test_a_v1_store_is_stamped_and_upgraded_without_losing_data(v1_store):
    before = {t: count(v1_store, t) for t in ("articles", "events", "inputs")}
    assert before == {"articles": 3, "events": 3, "inputs": 4}
    assert rows(v1_store, "SELECT value FROM store_meta") == [("1",)]
    with Store.open(v1_store) as s:
        assert [e.id for e in s.events()] == ["e_b", "e_ke", "e_undated"]
        assert [(r.origin, r.outcome) for r in s.inputs()] == [
            ("pk.txt", "events"), ("ke.txt", "events"), ("none.txt", "no_event"), ("x.bin", "skipped")
        ]
        # Old events are in the new indexes too.
        assert [e.id for e in s.events(country="kenya")] == ["e_ke"]
        assert [e.id for e in s.events(text="somewhere", event_type="Protests")] == ["e_ke"]
        # The upgraded store takes new reports; the old text is still recognised.
        assert s.ingest(article(text="Report from Kenya. " * 3, id="a_again", origin="again.txt"), []).outcome == "duplicate"
        new = article(text="A new report.", id="a_new", origin="new.txt")
        assert s.ingest(new, [event(new, "e_new", date="2024-03-01", notes="a rally")]).outcome == "events"
        assert [e.id for e in s.events(text="rally")] == ["e_new"]
    assert {t: count(v1_store, t) for t in ("articles", "events", "inputs")} == {"articles": 4, "events": 4, "inputs": 5}
    assert rows(v1_store, "SELECT version_num FROM alembic_version") == [(head(),)]
    assert differences(v1_store) == []


# --- newer than this strife -----------------------------------------------------------------


def test_a_store_from_a_newer_strife_is_refused(empty_store_url):
    with Store.open(empty_store_url) as s:
        s.ingest(article(), [])
    engine = create_engine(to_url(empty_store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999_from_the_future'"))
    engine.dispose()
    with pytest.raises(SchemaTooNew, match=r"0999_from_the_future.*newer strife.*knows up to 0004"):
        Store.open(empty_store_url)
    # Refusing wrote nothing.
    assert rows(empty_store_url, "SELECT version_num FROM alembic_version") == [("0999_from_the_future",)]
    assert count(empty_store_url, "inputs") == 1


def test_a_pre_alembic_store_with_a_higher_version_is_refused(v1_store):
    engine = create_engine(to_url(v1_store))
    with engine.begin() as conn:
        conn.execute(text("UPDATE store_meta SET value = '7' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(SchemaTooNew, match="schema version 7"):
        Store.open(v1_store)
    assert count(v1_store, "events") == 3


def test_sqlite_expression_indexes_are_the_metadatas(tmp_path):
    # compare_metadata cannot see SQLite's expression indexes (SQLAlchemy does not reflect
    # them), so compare their definitions as SQLite keeps them with the metadata's DDL.
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex

    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    with Store.open(url):
        pass

    def norm(sql):
        return " ".join(sql.replace("events.", "").replace('"', "").split()).replace("( ", "(").replace(" )", ")")

    stored = {
        name: sql
        for name, table, sql in rows(url, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        if not search.is_search_object(table)
    }
    wanted = {
        index.name: str(CreateIndex(index).compile(dialect=sqlite.dialect()))
        for table in schema.metadata.tables.values()
        for index in table.indexes
    }
    assert {name: norm(sql) for name, sql in stored.items()} == {name: norm(sql) for name, sql in wanted.items()}


def test_downgrade_and_upgrade_again_keep_the_events(empty_store_url):
    from alembic import command

    from strife.store.migrate import alembic_config

    with Store.open(empty_store_url) as s:
        a = article()
        s.ingest(a, [event(a, "e_1", date="2024-01-30", notes="Gunmen burned the market.", actor1="Bandits")])
        engine = s._engine
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0002")
        assert rows(empty_store_url, "SELECT version_num FROM alembic_version") == [("0002",)]
    # Reopening upgrades again; 0003 indexes the events that are there.
    with Store.open(empty_store_url) as s:
        assert [e.id for e in s.events(text="market", actor="bandit")] == ["e_1"]
    assert differences(empty_store_url) == []
    with Store.open(empty_store_url) as s:
        with s._engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
    assert rows(empty_store_url, "SELECT version_num FROM alembic_version") == []
