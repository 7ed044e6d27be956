"""The event store against a real SQLite file and a real PostgreSQL database (the `store_url`
fixture runs each test on both), and the bundled demo reports."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from strife.ingest.article import Article, Skipped
from strife.record import Actor, ArticleRef, Count, Event, Evidence, Location
from strife.store import Store, StoreConflict, schema, store_url

# --- builders ------------------------------------------------------------------------------


def article(text="Gunmen attacked a checkpost on Tuesday.", id="a_1", origin="r1.txt", published="2024-01-30"):
    return Article(
        id=id,
        text=text,
        origin=origin,
        title="A report",
        source="Example News",
        published=dt.date.fromisoformat(published) if published else None,
        published_basis="argument" if published else "none",
        language="en",
    )


def event(
    art,
    id,
    date=None,
    date_end=None,
    event_type="Battles",
    iso3="PAK",
    country="Pakistan",
    start=0,
    killed=None,
    place="Somewhere",
    admin1=None,
    lat=30.0,
    lon=70.0,
    actor1=None,
    actor2=None,
    assoc=(),
    notes=None,
):
    return Event(
        id=id,
        article=ArticleRef(id=art.id, title=art.title, published=str(art.published) if art.published else None),
        date=date,
        date_end=date_end,
        event_type=event_type,
        actor1=Actor(name=actor1) if actor1 else None,
        actor2=Actor(name=actor2) if actor2 else None,
        assoc_actors=[Actor(name=name) for name in assoc],
        location=Location(name=place, admin1=admin1, country=country, iso3=iso3, lat=lat, lon=lon),
        fatalities=Count(low=killed, best=killed, high=killed) if killed is not None else None,
        evidence=[Evidence(field="event_type", start=start, end=start + 6, quote=art.text[start : start + 6])],
        notes=notes,
    )


def rows(url, sql):
    """Rows of a SQL statement (or a Core select), read apart from the store's own engine."""
    engine = create_engine(store_url(url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql) if isinstance(sql, str) else sql)]
    finally:
        engine.dispose()


def count(url, table):
    return rows(url, f"SELECT COUNT(*) FROM {table}")[0][0]


def is_sqlite(url):
    return str(url).startswith("sqlite")


@pytest.fixture
def db(store_url):
    return store_url


@pytest.fixture
def store(db):
    with Store.open(db) as s:
        yield s


# --- opening --------------------------------------------------------------------------------


def test_open_creates_schema_and_indexes(store, db):
    engine = create_engine(store_url(db))
    try:
        assert {"inputs", "articles", "events"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    # The words of the index definitions (SQLAlchemy does not reflect SQLite's expression
    # indexes), so lower(event_type) counts for event_type.
    if is_sqlite(db):
        sql = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL"
    else:
        sql = "SELECT indexdef FROM pg_indexes WHERE tablename = 'events'"
    definitions = [d.split(" ON ", 1)[1] for (d,) in rows(db, sql)]
    indexed = {word for d in definitions for word in re.findall(r"\w+", d)}
    assert {"iso3", "date", "event_type", "admin1", "lat", "lon", "date_end"} <= indexed


def test_open_creates_missing_directories(tmp_path):
    path = tmp_path / "a" / "b" / "strife.sqlite"
    with Store.open(str(path)):
        pass
    assert path.exists()


def test_wal_mode_and_foreign_keys_are_on(store, db):
    if not is_sqlite(db):
        pytest.skip("WAL and foreign-key pragmas are SQLite's")
    # journal_mode=WAL is a property of the file, so a fresh connection sees it.
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    # Foreign keys are per connection: deleting an article through the store's own engine
    # must cascade to its events, which only happens when they are on.
    a = article()
    store.ingest(a, [event(a, "e_1", date="2024-01-30")])
    with store._engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles WHERE article_id = 'a_1'")
    assert count(db, "events") == 0


def test_open_accepts_a_url_and_the_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'by-url.sqlite'}"
    assert store_url(url) == url
    monkeypatch.setenv("STRIFE_DB", str(tmp_path / "from-env" / "s.sqlite"))
    with Store.open() as s:
        a = article()
        s.ingest(a, [])
    assert count(f"sqlite:///{tmp_path / 'from-env' / 's.sqlite'}", "inputs") == 1


def test_a_postgresql_url_gets_the_psycopg_driver():
    assert store_url("postgresql://u@h:5/d") == "postgresql+psycopg://u@h:5/d"
    assert store_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_store_db_from_the_environment_on_either_backend(db, monkeypatch):
    monkeypatch.setenv("STRIFE_DB", db)
    with Store.open() as s:
        s.ingest(article(), [])
    assert count(db, "inputs") == 1


def test_reopening_sees_the_data(db):
    a = article()
    with Store.open(db) as s:
        s.ingest(a, [event(a, "e_1", date="2024-01-30", killed=4)])
    with Store.open(store_url(db)) as s:
        (found,) = s.events()
        assert found.id == "e_1" and found.fatalities.best == 4
        assert [r.outcome for r in s.inputs()] == ["events"]


# --- ingest ---------------------------------------------------------------------------------


def test_ingest_stores_article_events_and_input(store, db):
    a = article()
    e1 = event(a, "e_1", date="2024-01-30", killed=9)
    e2 = event(a, "e_2", date="2024-01-29", event_type="Violence against civilians", start=10)
    before = dt.datetime.now(dt.timezone.utc)
    outcome = store.ingest(a, [e1, e2])

    assert (outcome.outcome, outcome.article_id, outcome.events_added) == ("events", "a_1", 2)
    # The whole record survives the round trip, ordered by date.
    assert store.events() == [e2, e1]
    art = schema.articles.c
    assert rows(db, select(art.article_id, art.title, art.source, art.published, art.language, art.text)) == [
        ("a_1", "A report", "Example News", dt.date(2024, 1, 30), "en", a.text)
    ]
    assert rows(db, "SELECT id, article_id, iso3, event_type, fatalities_best FROM events ORDER BY id") == [
        ("e_1", "a_1", "PAK", "Battles", 9),
        ("e_2", "a_1", "PAK", "Violence against civilians", None),
    ]
    (row,) = store.inputs()
    assert row.outcome == "events" and row.n_events == 2 and row.reason is None
    assert row.origin == "r1.txt" and row.article_id == "a_1"
    assert row.sha256 == hashlib.sha256(a.text.encode("utf-8")).hexdigest()
    assert row.published == dt.date(2024, 1, 30)
    assert row.ingested_at.tzinfo is not None
    assert before - dt.timedelta(seconds=1) <= row.ingested_at <= dt.datetime.now(dt.timezone.utc)


def test_ingest_without_events_records_no_event(store, db):
    outcome = store.ingest(article(), [])
    assert outcome.outcome == "no_event" and outcome.events_added == 0
    assert [(r.outcome, r.n_events) for r in store.inputs()] == [("no_event", 0)]
    assert count(db, "articles") == 1 and count(db, "events") == 0


def test_same_text_twice_adds_nothing(store, db):
    a = article()
    store.ingest(a, [event(a, "e_1", date="2024-01-30")])
    # Same text under another file name and id: still the same report.
    again = article(id="a_other", origin="copy.txt")
    outcome = store.ingest(again, [event(again, "e_9", date="2024-01-30")])
    assert outcome.outcome == "duplicate"
    assert outcome.article_id == "a_1" and outcome.events_added == 0
    assert (count(db, "articles"), count(db, "events"), count(db, "inputs")) == (1, 1, 1)


def test_events_without_id_get_a_stable_one_and_callers_object_is_untouched(store):
    a = article()
    e = event(a, "", date="2024-01-30")
    store.ingest(a, [e])
    (stored,) = store.events()
    assert e.id == ""
    assert stored.id == e.model_copy(deep=True).with_stable_id().id
    assert stored.id.startswith("e_")


# --- skipped inputs -------------------------------------------------------------------------


def test_skipped_inputs_are_recorded_once_with_their_reason(store):
    assert store.record_skip(Skipped(origin="bad.pdf", reason="not text")) is True
    assert store.record_skip(Skipped(origin="bad.pdf", reason="not text")) is False
    assert store.record_skip(Skipped(origin="bad.pdf", reason="empty")) is True
    assert [(r.origin, r.outcome, r.reason, r.sha256) for r in store.inputs()] == [
        ("bad.pdf", "skipped", "not text", None),
        ("bad.pdf", "skipped", "empty", None),
    ]


# --- queries --------------------------------------------------------------------------------


@pytest.fixture
def filled(store):
    pk = article(text="Report from Pakistan. " * 3, id="a_pk", origin="pk.txt")
    ke = article(text="Report from Kenya. " * 3, id="a_ke", origin="ke.txt")
    kenya_protest = {"event_type": "Protests", "iso3": "KEN", "country": "Kenya"}
    store.ingest(pk, [
        event(pk, "e_b", date="2024-01-30", killed=5),
        event(pk, "e_a", date="2024-01-30", event_type="Explosions/Remote violence", start=5),
        event(pk, "e_undated", date=None, start=9),
    ])
    store.ingest(ke, [
        event(ke, "e_ke_long", date="2024-01-10", date_end="2024-01-20", **kenya_protest),
        event(ke, "e_ke", date="2024-02-05", start=4, **kenya_protest),
    ])
    return store


def ids(events):
    return [e.id for e in events]


def test_events_are_ordered_by_date_then_id_with_undated_last(filled):
    assert ids(filled.events()) == ["e_ke_long", "e_a", "e_b", "e_ke", "e_undated"]
    assert ids(filled.events(limit=2)) == ["e_ke_long", "e_a"]


@pytest.mark.parametrize("country", ["KEN", "ken", "Kenya", "kenya", " KENYA "])
def test_filter_by_country_code_or_name(filled, country):
    assert ids(filled.events(country=country)) == ["e_ke_long", "e_ke"]


def test_filter_by_unknown_country_finds_nothing(filled):
    assert filled.events(country="Peru") == []


def test_filter_by_dates(filled):
    # An event spanning 10-20 January overlaps a range starting on the 15th.
    assert ids(filled.events(since=dt.date(2024, 1, 15))) == ["e_ke_long", "e_a", "e_b", "e_ke"]
    assert ids(filled.events(since="2024-01-21")) == ["e_a", "e_b", "e_ke"]
    assert ids(filled.events(until=dt.date(2024, 1, 29))) == ["e_ke_long"]
    assert ids(filled.events(since="2024-01-30", until="2024-01-30")) == ["e_a", "e_b"]
    with pytest.raises(ValueError):
        filled.events(since="last week")


def test_filter_by_event_type_and_combined(filled):
    assert ids(filled.events(event_type="battles")) == ["e_b", "e_undated"]
    assert ids(filled.events(event_type="Protests", country="KEN", since="2024-02-01")) == ["e_ke"]
    assert filled.events(event_type="Riots") == []


def test_summary_counts(filled):
    filled.ingest(article(text="Nothing happened.", id="a_none", origin="none.txt"), [])
    filled.record_skip(Skipped(origin="x.bin", reason="binary"))
    s = filled.summary()
    assert s.by_outcome == {"events": 2, "no_event": 1, "skipped": 1}
    assert s.by_event_type == {"Battles": 2, "Explosions/Remote violence": 1, "Protests": 2}
    assert s.by_country == {"Pakistan": 3, "Kenya": 2}
    assert s.events == 5


# --- nothing partial ------------------------------------------------------------------------


def assert_empty(db):
    assert (count(db, "articles"), count(db, "events"), count(db, "inputs")) == (0, 0, 0)


def test_constraint_violation_midway_leaves_nothing(store, db):
    a = article()
    # Two events with one id: the second insert fails after the article row was written.
    with pytest.raises(StoreConflict):
        store.ingest(a, [event(a, "e_1", date="2024-01-30"), event(a, "e_1", date="2024-01-31")])
    assert_empty(db)
    # Nothing half-written blocks a corrected retry (no leftover article or hash).
    assert store.ingest(a, [event(a, "e_1", date="2024-01-30")]).outcome == "events"


def test_exception_midway_leaves_nothing(store, db, monkeypatch):
    import strife.store.store as store_module

    def broken(*_args):
        raise RuntimeError("disk on fire")

    # event_row runs after the article row is inserted, inside the same transaction.
    monkeypatch.setattr(store_module, "event_row", broken)
    a = article()
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.ingest(a, [event(a, "e_1", date="2024-01-30")])
    assert_empty(db)


def test_same_article_id_with_other_text_is_an_updated_version(store, db):
    # Until issue 5 this was refused (StoreConflict); now the new text is a later version
    # whose figures replace the earlier version's in the event it fed.
    a = article()
    store.ingest(a, [event(a, "e_1", date="2024-01-30", killed=3)])
    revised = article(text=a.text + " The toll rose to seven.", origin="r1-v2.txt")
    outcome = store.ingest(revised, [event(revised, "e_2", date="2024-01-30", killed=7)])
    assert (outcome.outcome, outcome.article_id, outcome.events_added) == ("events", "a_1@v2", 0)
    assert rows(db, "SELECT article_id, version_of FROM articles ORDER BY article_id") == [("a_1", None), ("a_1@v2", "a_1")]
    (merged,) = store.events()
    assert merged.id == "e_1" and merged.fatalities.best == 7
    shown = store.event("e_1")
    assert [s.article_id for s in shown.sources] == ["a_1@v2"]
    assert [r.kind for r in shown.revisions] == ["created", "revised"]
    assert shown.revisions[-1].changes["fatalities"][1]["best"] == 7
    assert "replaces the figures of a_1" in shown.revisions[-1].note


def test_process_killed_mid_transaction_leaves_nothing(db):
    # A child process ingests one article and is killed (os._exit: no cleanup, no rollback)
    # right after its events are inserted, before the commit.
    script = textwrap.dedent(
        f"""
        import os, sys
        from sqlalchemy import event as sa_event
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import article, event
        from strife.store import Store

        store = Store.open({db!r})
        store.ingest(article(text="earlier report", id="a_0", origin="r0.txt"), [])

        @sa_event.listens_for(store._engine, "after_cursor_execute")
        def die(conn, cursor, statement, *args):
            if statement.startswith("INSERT INTO events"):
                os._exit(9)

        a = article()
        store.ingest(a, [event(a, "e_1", date="2024-01-30")])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    if is_sqlite(db):
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    with Store.open(db) as s:
        assert [r.article_id for r in s.inputs()] == ["a_0"]
        assert s.events() == []
        assert count(db, "articles") == 1
        a = article()
        assert s.ingest(a, [event(a, "e_1", date="2024-01-30")]).outcome == "events"


# --- demo reports ---------------------------------------------------------------------------

DEMO = resources.files("strife.data").joinpath("demo")


def manifest():
    return json.loads(DEMO.joinpath("manifest.json").read_text(encoding="utf-8"))["reports"]


def test_demo_manifest_lists_every_report_once():
    listed = [r["file"] for r in manifest()]
    on_disk = sorted(p.name for p in DEMO.iterdir() if p.name.endswith(".txt"))
    assert len(listed) == len(set(listed)) == 8
    assert sorted(listed) == on_disk


@pytest.mark.parametrize("entry", manifest(), ids=lambda r: r["file"])
def test_demo_report(entry):
    assert dt.date.fromisoformat(entry["published"]) <= dt.date.today()
    assert entry["description"].strip()
    text = DEMO.joinpath(entry["file"]).read_text(encoding="utf-8")
    assert 100 <= len(text.split()) <= 400


def test_demo_has_a_wire_report_with_a_dateline():
    texts = [DEMO.joinpath(r["file"]).read_text(encoding="utf-8") for r in manifest()]
    assert any(re.search(r"^GOMA, Congo \(AP\) — ", t, re.MULTILINE) for t in texts)
