"""Searches found off the sortable search keys (store/search_page.py) give the answers a
plain scan of every event gives, on both backends and whichever way SQLite walks.

The store is filled through the triggers in a shuffled id order, with many events a day, so
keys within a day are not in id order (the case the per-day fix-up exists for), and some
events are undated, multi-day or without coordinates."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import insert, text

from strife.store import Store, schema
from strife.store import search_page
from strife.store.rows import article_row, event_row
from test_store import article, event

# Words with distinct Porter stems, none of them inside a place or actor name below.
WORDS = ["market", "convoy", "bridge", "curfew", "airport", "village", "harbour", "tunnel"]
ACTORS = ["Police Forces of Aria", "Military Forces of Aria", "Red Brigade", "Blue Movement", "Protesters (Aria)"]
START = dt.date(2024, 1, 1)


def _events(n: int, seed: int):
    rng = random.Random(seed)
    a = article(text="Synthetic reports. " * 3, id="a_syn", origin="syn.txt")
    made = []
    for i in rng.sample(range(n), n):  # insertion order is not id order
        r = rng.random()
        date = None if r < 0.08 else START + dt.timedelta(days=rng.randrange(12))
        date_end = date + dt.timedelta(days=rng.randint(1, 6)) if date and r > 0.8 else None
        located = rng.random() > 0.1
        made.append(event(
            a, f"e_{i:04d}", date=date.isoformat() if date else None,
            date_end=date_end.isoformat() if date_end else None,
            place=f"Place{i % 7}", lat=rng.uniform(-5, 5) if located else None,
            lon=rng.uniform(10, 20) if located else None,
            actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS + [None, None]),
            assoc=[rng.choice(ACTORS)] if rng.random() < 0.2 else [],
            notes=" ".join(rng.choices(WORDS, k=rng.randint(1, 4))) + ".",
        ))
    return a, made


@pytest.fixture(scope="module")
def synthetic():
    return _events(400, seed=11)


@pytest.fixture
def store(store_url, synthetic):
    a, made = synthetic
    with Store.open(store_url) as s:
        with s._engine.begin() as conn:
            conn.execute(insert(schema.articles), article_row(a))
            for e in made:  # one by one: each through the insert trigger
                conn.execute(insert(schema.events), event_row(e, a.id))
        yield s


def _names(e):
    return [x.name for x in (e.actor1, e.actor2, *e.assoc_actors) if x is not None]


def scan(events, actor=None, bbox=None, text=None, since=None, until=None, limit=None, offset=0):
    """The reference: every event tested in Python, sorted, sliced."""
    def keep(e):
        day = dt.date.fromisoformat(e.date) if e.date else None
        last = dt.date.fromisoformat(e.date_end) if e.date_end else day
        if (since or until) and day is None:
            return False
        if since and last < since or until and day > until:
            return False
        if actor and not any(actor.lower() in n.lower() for n in _names(e)):
            return False
        if bbox:
            loc = e.location
            if loc.lat is None or not (bbox[1] <= loc.lat <= bbox[3] and bbox[0] <= loc.lon <= bbox[2]):
                return False
        if text and not all(w in (e.notes or "").lower().split() or w + "." in (e.notes or "").lower().split()
                            for w in text.split()):
            return False
        return True

    kept = sorted((e for e in events if keep(e)), key=lambda e: (e.date is None, e.date or "", e.id))
    return kept[offset:] if limit is None else kept[offset:offset + limit]


def asks():
    rng = random.Random(3)
    for _ in range(60):
        ask = {}
        for name, make in [
            ("actor", lambda: rng.choice(["police", "Forces", "brigade", "(aria)", "movement of"])),
            ("bbox", lambda: (lambda x, y: (x, y, x + rng.uniform(1, 6), y + rng.uniform(1, 6)))(
                rng.uniform(9, 18), rng.uniform(-6, 3))),
            ("text", lambda: " ".join(rng.sample(WORDS, rng.randint(1, 2)))),
        ]:
            if rng.random() < 0.45:
                ask[name] = make()
        if not ask:
            ask["text"] = rng.choice(WORDS)
        if rng.random() < 0.5:
            since = START + dt.timedelta(days=rng.randrange(12))
            ask["since"] = since
            if rng.random() < 0.6:
                ask["until"] = since + dt.timedelta(days=rng.randrange(5))
        elif rng.random() < 0.2:
            ask["until"] = START + dt.timedelta(days=rng.randrange(12))
        ask["limit"] = rng.choice([None, 1, 5, 20])
        ask["offset"] = rng.choice([0, 0, 3, 17])
        yield ask


def _ids(events):
    return [e.id for e in events]


def test_searches_match_a_plain_scan(store, monkeypatch):
    everything = store.events()
    assert len(everything) == 400
    checked = 0
    for ask in asks():
        want = _ids(scan(everything, **ask))
        assert _ids(store.events(**ask)) == want, ask
        checked += bool(want)
    assert checked > 30  # most questions have answers: the comparison is not of empty lists


@pytest.mark.parametrize("budget, actor_walk", [(1, 0), (10**9, 10**9), (30, 0)])
def test_every_way_of_walking_gives_the_same_answers(store, monkeypatch, budget, actor_walk):
    # A tiny budget makes the walk give up (the general query answers), a huge one never;
    # actor pairs walked on the key index or fetched and sorted.
    monkeypatch.setattr(search_page, "WALK_BUDGET", budget)
    monkeypatch.setattr(search_page, "ACTOR_WALK_ABOVE", actor_walk)
    everything = store.events()
    for ask in asks():
        assert _ids(store.events(**ask)) == _ids(scan(everything, **ask)), ask


def test_keys_follow_the_listing_order_but_within_a_day(store):
    if store._engine.dialect.name != "sqlite":
        pytest.skip("sortable keys are SQLite's")
    with store._engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT s.search_key, e.date, e.id FROM events_search AS s JOIN events AS e ON e.id = s.event_id"
        )).all()
    by_key = [(date is None, date or "") for _, date, _ in sorted(rows)]
    assert by_key == sorted(by_key)
    for key, date, _ in rows:
        if date is not None:
            assert key >> 32 == search_page.day_key(dt.date.fromisoformat(date)) >> 32
    # Inserted in shuffled order, some day's keys are out of id order: the fix-up is tested.
    assert [i for _, _, i in sorted(rows)] != sorted(i for *_, i in rows)


def test_new_events_after_a_bulk_upgrade_get_keys_of_their_day(tmp_path):
    from alembic import command

    from strife.store.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    a, made = _events(60, seed=5)
    with Store.open(url) as s:
        with s._engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0003")
        with s._engine.begin() as conn:
            conn.execute(insert(schema.articles), article_row(a))
            conn.execute(insert(schema.events), [event_row(e, a.id) for e in made[:40]])
    with Store.open(url) as s:  # 0004 renumbers the 40 events
        with s._engine.begin() as conn:
            for e in made[40:]:
                conn.execute(insert(schema.events), event_row(e, a.id))
        everything = s.events()
        assert len(everything) == 60
        for ask in asks():
            assert _ids(s.events(**ask)) == _ids(scan(everything, **ask)), ask


def test_the_last_possible_date_sorts_before_undated_events(store_url):
    a = article(text="Far future reports. " * 3, id="a_far", origin="far.txt")
    with Store.open(store_url) as s:
        with s._engine.begin() as conn:
            conn.execute(insert(schema.articles), article_row(a))
            for e in [event(a, "e_undated", notes="tunnel"), event(a, "e_last", date="9999-12-31", notes="tunnel"),
                      event(a, "e_first", date="0001-01-01", notes="tunnel")]:
                conn.execute(insert(schema.events), event_row(e, a.id))
        assert _ids(s.events(text="tunnel", limit=10)) == ["e_first", "e_last", "e_undated"]
        assert _ids(s.events(text="tunnel", since="9999-01-01", limit=10)) == ["e_last"]
        assert _ids(s.events(text="tunnel", until="0001-01-01", limit=10)) == ["e_first"]
        assert _ids(s.events(text="tunnel", until="9999-12-31", limit=10)) == ["e_first", "e_last"]


def test_a_box_is_decided_on_exact_coordinates_at_its_edge(store_url):
    # float32 (the R*Tree's) cannot tell 2.0 from 2.0000001 or 17.3 from 17.3000001.
    a = article(text="Edge reports. " * 3, id="a_edge", origin="edge.txt")
    points = {"e_on_edge": (2.0, 17.3), "e_just_out": (2.0000001, 17.3), "e_just_out_lon": (1.0, 17.3000001),
              "e_inside": (1.5, 16.0)}
    with Store.open(store_url) as s:
        with s._engine.begin() as conn:
            conn.execute(insert(schema.articles), article_row(a))
            for i, (name, (lat, lon)) in enumerate(points.items()):
                e = event(a, name, date=f"2024-01-0{i + 1}", lat=lat, lon=lon)
                conn.execute(insert(schema.events), event_row(e, a.id))
        assert _ids(s.events(bbox=(15.0, 0.0, 17.3, 2.0), limit=10)) == ["e_on_edge", "e_inside"]
        assert _ids(s.events(bbox=(17.3, 2.0, 18.0, 3.0), limit=10)) == ["e_on_edge", "e_just_out"]
