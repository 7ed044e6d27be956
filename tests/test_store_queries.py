"""The event filters users need (admin1, actor, bounding box, text, paging), on both backends,
and that they run off the indexes rather than a scan and sort of every event."""

from __future__ import annotations

import re
import threading
import time

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text

from strife.store import Store
from strife.store import query as store_query
from test_store import article, event, is_sqlite


def ids(events):
    return [e.id for e in events]


@pytest.fixture
def store(store_url):
    with Store.open(store_url) as s:
        yield s


@pytest.fixture
def filled(store):
    so = article(text="Reports from Somalia. " * 3, id="a_so", origin="so.txt")
    fj = article(text="Reports from Fiji and Peru. " * 3, id="a_fj", origin="fj.txt")
    store.ingest(so, [
        event(so, "e_mog", date="2024-03-02", iso3="SOM", country="Somalia", admin1="Banaadir", place="Mogadishu",
              lat=2.04, lon=45.34, actor1="Al Shabaab", actor2="Military Forces of Somalia (2022-)",
              notes="A suicide bomber struck a restaurant near the port."),
        event(so, "e_kis", date="2024-03-01", iso3="SOM", country="Somalia", admin1="Lower Juba", place="Kismayo",
              lat=-0.36, lon=42.55, actor1="Police Forces of Somalia (2022-)", assoc=["Jubaland Police"],
              notes="Police dispersed protesters with gunfire."),
        event(so, "e_bai", date="2024-02-20", iso3="SOM", country="Somalia", admin1="Bay", place="Baidoa",
              lat=3.11, lon=43.65, actor1="Unidentified Armed Group (Somalia)", assoc=["Clan Militia"],
              notes="Bombings at two checkpoints; a roadside bomb hit a convoy."),
    ])
    store.ingest(fj, [
        event(fj, "e_suva", date="2024-03-05", iso3="FJI", country="Fiji", admin1="Central", place="Suva",
              lat=-18.14, lon=178.44, actor1="Protesters (Fiji)", event_type="Protests"),
        event(fj, "e_taveuni", date=None, iso3="FJI", country="Fiji", admin1="Northern", place="Taveuni",
              lat=-16.85, lon=-179.97, actor1="Rioters (Fiji)", event_type="Riots"),
        event(fj, "e_lima", date="2024-03-03", iso3="PER", country="Peru", admin1="Lima", place="Lima",
              lat=-12.05, lon=-77.04, actor1="Protesters (Peru)", actor2="Police Forces of Peru (2023-)",
              event_type="Protests", notes="Marchers reached Congress."),
    ])
    return store


def test_filter_by_admin1_any_case(filled):
    assert ids(filled.events(admin1="lower juba")) == ["e_kis"]
    assert ids(filled.events(admin1=" LIMA ", country="PER")) == ["e_lima"]
    assert filled.events(admin1="Lima", country="SOM") == []


def test_filter_by_actor_substring_of_any_actor(filled):
    # actor1, actor2 and associated actors; part of the name; any case.
    assert ids(filled.events(actor="shabaab")) == ["e_mog"]
    assert ids(filled.events(actor="Military Forces")) == ["e_mog"]
    assert ids(filled.events(actor="jubaland")) == ["e_kis"]
    assert ids(filled.events(actor="police")) == ["e_kis", "e_lima"]
    assert ids(filled.events(actor="(fiji)")) == ["e_suva", "e_taveuni"]
    # Under three characters no trigram helps, but the answer is the same kind.
    assert ids(filled.events(actor="Pe")) == ["e_lima"]
    assert filled.events(actor="Hezbollah") == []
    # LIKE's wildcards are literal in a name.
    assert filled.events(actor="%") == [] and filled.events(actor="_") == []
    with pytest.raises(ValueError, match="actor"):
        filled.events(actor="  ")


def test_filter_by_bounding_box(filled):
    somalia = (40.0, -2.0, 46.0, 4.0)
    assert ids(filled.events(bbox=somalia)) == ["e_bai", "e_kis", "e_mog"]
    assert ids(filled.events(bbox="45,1,46,3")) == ["e_mog"]
    # A box across the antimeridian: 178E to 179W.
    assert ids(filled.events(bbox=(178.0, -20.0, -179.0, -15.0))) == ["e_suva", "e_taveuni"]
    assert filled.events(bbox=(0, 0, 1, 1)) == []
    with pytest.raises(ValueError, match="bbox"):
        filled.events(bbox="1,2,3")
    with pytest.raises(ValueError, match="latitudes"):
        filled.events(bbox=(0, 10, 1, 5))


def test_full_text_over_notes_places_and_actors(filled):
    # Stemmed: "bombing" finds "bomber" (no), "Bombings" and "bomb" (yes, same stem).
    assert ids(filled.events(text="bombing")) == ["e_bai"]
    assert ids(filled.events(text="suicide bomber")) == ["e_mog"]
    # Every word must appear, in any order, punctuation ignored.
    assert ids(filled.events(text="port, restaurant!")) == ["e_mog"]
    assert filled.events(text="suicide convoy") == []
    assert ids(filled.events(text="kismayo")) == ["e_kis"]  # the place
    assert ids(filled.events(text="militia")) == ["e_bai"]  # an associated actor
    assert ids(filled.events(text="congress", event_type="protests")) == ["e_lima"]
    # Query syntax in user input is taken as words.
    assert ids(filled.events(text='"police" dispersed* (gunfire:')) == ["e_kis"]
    with pytest.raises(ValueError, match="no words"):
        filled.events(text="?!")


def test_limit_and_offset_page_through_the_order(filled):
    everything = ids(filled.events())
    assert everything == ["e_bai", "e_kis", "e_mog", "e_lima", "e_suva", "e_taveuni"]
    pages = [ids(filled.events(limit=4, offset=o)) for o in (0, 4, 8)]
    assert pages == [everything[:4], everything[4:], []]
    assert ids(filled.events(country="Somalia", limit=2, offset=1)) == ["e_kis", "e_mog"]
    with pytest.raises(ValueError, match="offset"):
        filled.events(offset=-1)


def test_since_finds_a_long_event_that_started_before(store):
    a = article()
    store.ingest(a, [
        event(a, "e_long", date="2023-12-01", date_end="2024-02-01"),
        event(a, "e_short", date="2023-12-02"),
        event(a, "e_later", date="2024-01-20"),
    ])
    assert ids(store.events(since="2024-01-15")) == ["e_long", "e_later"]
    assert ids(store.events(since="2024-01-15", until="2024-01-19")) == ["e_long"]


def test_search_follows_deletes_and_updates(filled):
    engine = filled._engine
    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET actor1 = 'Renamed Group', location_name = 'Elsewhere' WHERE id = 'e_mog'"))
    assert ids(filled.events(actor="renamed")) == ["e_mog"]
    assert filled.events(actor="shabaab") == [] and ids(filled.events(text="elsewhere")) == ["e_mog"]
    # Deleting an article cascades to its events, and search forgets them.
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE article_id = 'a_so'"))
    assert filled.events(text="bombing") == [] and filled.events(actor="police") != []
    assert ids(filled.events(actor="police")) == ["e_lima"]
    if is_sqlite(filled.url):
        with engine.connect() as conn:
            counts = [conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                      for t in ("events_search", "events_text", "events_actor_names")]
        # Three events left, with four actor names between them (Lima has two).
        assert counts == [3, 3, 4]


# --- plans ----------------------------------------------------------------------------------


def plan(store, sort=True, **filters):
    wanted = store_query.EventQuery.of(**filters)
    with store._engine.connect() as conn:
        query = store_query._page_ids(conn, wanted)
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            return "\n".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        # A handful of rows: a scan would win on cost; forbid it to see what the index serves.
        conn.exec_driver_sql("SET enable_seqscan = off")
        if not sort:
            conn.exec_driver_sql("SET enable_sort = off")
        return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))


@pytest.mark.parametrize("filters, index", [
    ({}, "ix_events_order"),
    ({"event_type": "Battles"}, "ix_events_event_type"),
    ({"country": "SOM"}, "ix_events_iso3"),
    ({"admin1": "Bay"}, "ix_events_admin1"),
    ({"since": "2024-01-01", "until": "2024-02-01"}, "ix_events_order|ix_events_date "),
])
def test_pages_are_read_off_an_index_in_order(filled, filters, index):
    found = plan(filled, sort=False, limit=100, **filters)
    assert re.search(index, found), found
    if is_sqlite(filled.url):
        # No sort of all that matched: the index gives the order.
        assert "TEMP B-TREE" not in found, found


def test_text_and_actor_search_use_their_indexes(filled):
    text_plan, actor_plan = plan(filled, text="bombing"), plan(filled, actor="police")
    if is_sqlite(filled.url):
        assert "events_text VIRTUAL TABLE" in text_plan
        assert "actor_names" in actor_plan and "SCAN events_actor_names" not in actor_plan, actor_plan
    else:
        assert "ix_events_text" in text_plan, text_plan
        assert "ix_events_actors" in actor_plan, actor_plan


# --- concurrency ----------------------------------------------------------------------------


def test_two_writers_of_one_report_store_it_once(store_url):
    """Both check for the text's hash before inserting; slowed down right after that check,
    they would both find nothing and both insert, unless writers take turns (SQLite's write
    lock, PostgreSQL's advisory lock)."""
    stores = [Store.open(store_url) for _ in range(2)]
    for s in stores:
        @sa_event.listens_for(s._engine, "after_cursor_execute")
        def slow(conn, cursor, statement, *args):
            if statement.lstrip().startswith("SELECT inputs.article_id"):
                time.sleep(0.3)

    outcomes, errors = [], []

    def ingest(s, origin):
        try:
            a = article(origin=origin)
            outcomes.append(s.ingest(a, [event(a, "e_1", date="2024-01-30")]).outcome)
        except Exception as err:  # the test reports it below
            errors.append(err)

    threads = [threading.Thread(target=ingest, args=(s, f"copy{i}.txt")) for i, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert errors == []
    assert sorted(outcomes) == ["duplicate", "events"]


# --- the command line -----------------------------------------------------------------------


def test_events_command_takes_the_new_filters(filled, store_url):
    import json

    from click.testing import CliRunner

    from strife.cli import main

    def listed(*args):
        result = CliRunner().invoke(main, ["events", "--db", store_url, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    assert listed("--actor", "POLICE") == ["e_kis", "e_lima"]
    assert listed("--admin1", "bay") == ["e_bai"]
    assert listed("--bbox", "40,-2,46,4", "--limit", "2") == ["e_bai", "e_kis"]
    assert listed("--bbox", "40,-2,46,4", "--limit", "2", "--offset", "2") == ["e_mog"]
    assert listed("--text", "bomber", "--country", "somalia") == ["e_mog"]
    bad = CliRunner().invoke(main, ["events", "--db", store_url, "--bbox", "40,-2,46"])
    assert bad.exit_code == 2 and "four numbers" in bad.output
    no_words = CliRunner().invoke(main, ["events", "--db", store_url, "--text", "!!"])
    assert no_words.exit_code == 2 and "no words" in no_words.output


def test_walking_in_order_gives_the_same_answers(filled, monkeypatch):
    # SQLite switches to testing events one by one in listing order when a search matches
    # many; force that way and compare with the other.
    from strife.store import search

    asks = [{"text": "bombing"}, {"text": "police"}, {"actor": "police"}, {"actor": "Pe"},
            {"actor": "fiji", "limit": 1, "offset": 1}, {"text": "protesters", "country": "FJI"}]
    fetched = [ids(filled.events(**a)) for a in asks]
    monkeypatch.setattr(search, "TEXT_WALK_ABOVE", 0)
    monkeypatch.setattr(search, "ACTOR_WALK_ABOVE", 0)
    assert [ids(filled.events(**a)) for a in asks] == fetched
    assert fetched[2] == ["e_kis", "e_lima"] and fetched[4] == ["e_taveuni"]
