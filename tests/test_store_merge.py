"""The store merging reports of one incident: ids, history, aliases, duplicates, versions."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from strife.ingest.article import Article
from strife.store import Store, StoreConflict
from test_merge import BALOCHISTAN, MIR_ALI, NORTH_WAZIRISTAN, POLICE, report

BODY = (
    "A bomb hidden on a parked motorcycle exploded near a crowded vegetable market on Monday, killing "
    "several people and wounding others, police said. No group immediately claimed responsibility for the "
    "blast, which came a week before provincial elections. Report {n}."
)


def article(id, published="2024-03-04", source="Outlet", text=None, url=None, origin=None):
    return Article(
        id=id,
        # Distinct texts by default, so that only the tests about copies meet near-duplicates.
        text=text or f"Report {id} from {source} on {published}.",
        origin=origin or f"{id}.txt",
        title=f"Report {id}",
        url=url,
        source=source,
        published=dt.date.fromisoformat(published),
        published_basis="argument",
        language="en",
    )


def ingest(store, id, published="2024-03-04", source="Outlet", text=None, url=None, **event):
    a = article(id, published, source, text, url)
    e = report(id, published=published, **event)
    return store.ingest(a, [e]), e


def rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "strife.sqlite"


@pytest.fixture
def store(db):
    with Store.open(str(db)) as s:
        yield s


def test_new_tables_exist(store, db):
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"event_sources", "event_revisions", "event_aliases", "article_lsh"} <= tables


def test_reports_of_one_incident_become_one_event_with_a_stable_id(store, db):
    first, _ = ingest(store, "a1", killed=5, source="AP")
    second, _ = ingest(store, "a2", published="2024-03-05", killed=8, source="Dawn", place=BALOCHISTAN)
    third, _ = ingest(store, "a3", published="2024-03-06", killed=11, source="Reuters")
    assert (first.events_added, second.events_added, third.events_added) == (1, 0, 0)
    assert (second.events_merged, third.events_merged) == (1, 1)
    (event,) = store.events()
    assert event.id == "e_a1"  # the id issued first never changes
    assert event.fatalities.model_dump() == {"low": 5, "best": 11, "high": 11}
    assert event.location.name == "Quetta"
    assert event.sources == []  # listing gives the dataset; history on request
    assert rows(db, "SELECT event_id, article_id, report_event_id FROM event_sources ORDER BY article_id") == [
        ("e_a1", "a1", "e_a1"), ("e_a1", "a2", "e_a2"), ("e_a1", "a3", "e_a3")
    ]
    # Every report stays an input of its own with its outcome.
    assert [(r.article_id, r.outcome, r.n_events) for r in store.inputs()] == [
        ("a1", "events", 1), ("a2", "events", 1), ("a3", "events", 1)
    ]


def test_event_shows_sources_with_their_own_figures_and_the_history(store):
    ingest(store, "a1", killed=5, source="AP")
    ingest(store, "a2", published="2024-03-05", killed=8, source="Dawn")
    event = store.event("e_a1")
    assert [(s.article_id, s.source, s.fatalities.best, s.event_id) for s in event.sources] == [
        ("a1", "AP", 5, "e_a1"), ("a2", "Dawn", 8, "e_a2")
    ]
    created, revised = event.revisions
    assert (created.kind, created.article_id) == ("created", "a1")
    assert created.changes["fatalities"] == [None, {"low": 5, "best": 5, "high": 5}]
    assert (revised.kind, revised.article_id) == ("revised", "a2")
    assert revised.changes["fatalities"][1] == {"low": 5, "best": 8, "high": 8}
    assert revised.match["matched"] is True and revised.match["known_id"] == "e_a1"
    assert {"date", "place"} <= set(revised.match["agreed"])
    assert dt.datetime.fromisoformat(created.at) <= dt.datetime.fromisoformat(revised.at)
    assert store.event("e_unknown") is None
    assert store.events(with_history=True)[0].sources == event.sources


def test_a_report_that_changes_nothing_is_a_source_added(store):
    ingest(store, "a1", killed=5)
    ingest(store, "a2", killed=5, published="2024-03-05", source="Other")
    assert [r.kind for r in store.event("e_a1").revisions] == ["created", "source_added"]


def test_look_alike_incidents_stay_two_events(store):
    ingest(store, "a1", killed=5)
    ingest(store, "a2", date="2024-03-05", published="2024-03-05", sub="Suicide bomb", actor2=POLICE,
           killed=3, targets=("police station",), weapons=("suicide vest",))
    assert sorted(e.id for e in store.events()) == ["e_a1", "e_a2"]
    assert "no match among 1 known event" in store.event("e_a2").revisions[0].note


def test_village_report_revises_the_district_report_place(store):
    ingest(store, "a1", place=NORTH_WAZIRISTAN, killed=4)
    ingest(store, "a2", place=MIR_ALI, killed=4, published="2024-03-05")
    (event,) = store.events()
    assert event.id == "e_a1" and event.location.name == "Mir Ali"
    assert store.event("e_a1").revisions[-1].changes["location"][1]["name"] == "Mir Ali"


def test_two_events_of_one_article_are_never_merged_together(store):
    a = article("a1")
    twins = [report("a1", id="e_x"), report("a1", id="e_y")]
    store.ingest(a, twins)
    assert sorted(e.id for e in store.events()) == ["e_x", "e_y"]


def test_a_report_matching_two_known_events_merges_them_under_the_first_id(store, db):
    # Two reports a day apart in one town do not match each other; a third report whose
    # event spans both days matches both: they were one incident, which keeps the first id.
    ingest(store, "a1", date="2024-03-04", killed=2)
    ingest(store, "a2", date="2024-03-05", published="2024-03-05", killed=3)
    assert len(store.events()) == 2
    ingest(store, "a3", date="2024-03-04", date_end="2024-03-05", published="2024-03-06", killed=3)
    (event,) = store.events()
    assert event.id == "e_a1" and event.merged_from == ["e_a2"]
    assert rows(db, "SELECT old_id, event_id FROM event_aliases") == [("e_a2", "e_a1")]
    # The merged id still answers, with the surviving event.
    via_alias = store.event("e_a2")
    assert via_alias.id == "e_a1"
    assert sorted(s.article_id for s in via_alias.sources) == ["a1", "a2", "a3"]
    kinds = [(r.kind, r.article_id) for r in via_alias.revisions]
    assert ("merged", "a3") in kinds and kinds.count(("created", None)) == 0
    merged = [r for r in via_alias.revisions if r.kind == "merged"]
    assert all("e_a2 merged into e_a1" in r.note for r in merged)
    # The history of the absorbed event survives its row.
    assert ("created", "a2") in kinds


def test_syndicated_copy_is_a_duplicate_not_a_source(store, db):
    ingest(store, "a1", killed=5, source="AP", text=BODY.format(n=1))
    copy = BODY.format(n=1) + "\n\nThis story was provided by The Associated Press."
    outcome, _ = ingest(store, "a2", killed=5, source="Gulf Times", text=copy)
    assert (outcome.outcome, outcome.article_id, outcome.events_added) == ("duplicate", "a1", 0)
    (row,) = [r for r in store.inputs() if r.article_id == "a2"]
    assert row.outcome == "duplicate" and row.reason.startswith("near-duplicate of a1 (similarity 0.")
    assert rows(db, "SELECT duplicate_of FROM articles WHERE article_id = 'a2'") == [("a1",)]
    assert [s.article_id for s in store.event("e_a1").sources] == ["a1"]


def test_updated_version_of_a_url_replaces_its_figures(store, db):
    url = "https://news.example/quetta-blast"
    ingest(store, "a1", killed=5, url=url, text=BODY.format(n=1))
    ingest(store, "b1", killed=6, source="Other", published="2024-03-05")
    updated = BODY.format(n=1) + " The toll has since risen to nine, hospital officials said."
    outcome, _ = ingest(store, "a1-update", killed=9, url=url, text=updated, published="2024-03-05")
    assert outcome.outcome == "events"
    assert rows(db, "SELECT version_of FROM articles WHERE article_id = 'a1-update'") == [("a1",)]
    event = store.event("e_a1")
    assert sorted((s.article_id, s.fatalities.best) for s in event.sources) == [("a1-update", 9), ("b1", 6)]
    assert event.fatalities.model_dump() == {"low": 6, "best": 9, "high": 9}
    assert "a1-update replaces the figures of a1" in event.revisions[-1].note


def test_process_killed_mid_merge_leaves_the_known_event_as_it_was(db):
    script = textwrap.dedent(
        f"""
        import os, sys
        from sqlalchemy import event as sa_event
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store_merge import ingest
        from strife.store import Store

        store = Store.open({str(db)!r})
        ingest(store, "a1", killed=5)

        @sa_event.listens_for(store._engine, "after_cursor_execute")
        def die(conn, cursor, statement, *args):
            if statement.startswith("UPDATE events"):
                os._exit(9)

        ingest(store, "a2", killed=8, published="2024-03-05")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    with Store.open(str(db)) as s:
        (event,) = s.events()
        assert event.fatalities.best == 5
        assert [src.article_id for src in s.event("e_a1").sources] == ["a1"]
        assert [r.article_id for r in s.inputs()] == ["a1"]
        assert rows(db, "SELECT COUNT(*) FROM event_revisions") == [(1,)]
        # The interrupted report goes in whole on a retry.
        assert ingest(s, "a2", killed=8, published="2024-03-05")[0].events_merged == 1
        assert s.events()[0].fatalities.best == 8


def test_an_issued_id_is_never_reused_by_another_event(store):
    ingest(store, "a1", killed=5)
    # Another article whose (caller-given) event id is taken, and which is another incident.
    a = article("a9", published="2024-06-01")
    with pytest.raises(StoreConflict, match="e_a1 is already issued"):
        store.ingest(a, [report("a9", id="e_a1", date="2024-06-01", published="2024-06-01")])
    assert [e.id for e in store.events()] == ["e_a1"]


def test_updated_version_reporting_another_incident_gets_a_fresh_id(store):
    ingest(store, "a1", killed=5, text="First version of the story.")
    # Same article id, new text, and an event (same id as coded) that no longer matches.
    a = article("a1", published="2024-03-20", text="Second version, about something else entirely.")
    outcome = store.ingest(a, [report("a1", date="2024-03-20", published="2024-03-20")])
    assert (outcome.outcome, outcome.events_added) == ("events", 1)
    ids = sorted(e.id for e in store.events())
    assert len(ids) == 2 and "e_a1" in ids


def test_an_undated_report_joins_the_known_incident_of_its_town(store):
    from test_merge import TTP

    ingest(store, "a1", killed=5, actor1=TTP)
    later, _ = ingest(store, "a2", published="2024-03-09", date=None, killed=5, actor1=TTP)
    assert later.events_merged == 1 and [e.id for e in store.events()] == ["e_a1"]
    # And the other way round: a dated report finds the undated event of its town.
    ingest(store, "b1", published="2024-05-01", date=None, killed=2, actor1=TTP, place=MIR_ALI)
    dated, _ = ingest(store, "b2", published="2024-05-02", date="2024-04-30", killed=2, actor1=TTP, place=MIR_ALI)
    assert dated.events_merged == 1
    assert sorted(e.id for e in store.events()) == ["e_a1", "e_b1"]
    assert store.event("e_b1").date == "2024-04-30"  # the merged record takes the date a report gives


def test_an_undated_report_of_another_group_stays_apart(store):
    ingest(store, "a1", killed=5)
    ingest(store, "a2", published="2024-03-09", date=None, killed=3, actor2=POLICE)
    assert sorted(e.id for e in store.events()) == ["e_a1", "e_a2"]


def test_a_single_report_is_listed_alike_by_the_store_and_by_an_export_of_its_extraction(store):
    from strife.export.records import with_own_source

    _, extracted = ingest(store, "a1", killed=5, source="AP")
    (stored,) = store.events(with_history=True)
    (from_store,) = stored.sources
    (from_file,) = with_own_source(extracted).sources
    # the store names the report by its row (outlet from the article); the figures are the report's own either way
    assert from_store.model_dump(exclude={"event_id", "source", "published", "url"}) == from_file.model_dump(
        exclude={"event_id", "source", "published", "url"})
    assert from_store.fatalities.best == 5 and from_store.source == "AP"
