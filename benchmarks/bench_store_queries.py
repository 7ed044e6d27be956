"""Query speed of the event store on a million events (issue 5: p95 under 50 ms in SQLite).

Builds a store of N synthetic events (default 1,000,000) by bulk insert through the store's
own schema and triggers (a realistic spread: ~60 countries with a skewed share each, their
regions and coordinates, eight years of dates with some multi-day and undated events,
ACLED's event types in their usual proportions, state forces, rebels, militias, protesters,
and notes written from a small vocabulary), then runs each kind of query users need many
times with random arguments, as `Store.events` does it: one page (limit 100) of whole
records, parsed back into Event objects. Prints p50/p95/max per kind, the build time and
the peak RSS.

Run:  python benchmarks/bench_store_queries.py                       # SQLite, 1M events
      python benchmarks/bench_store_queries.py --n 200000 --db postgresql://strife@127.0.0.1:54329/bench
The SQLite file goes to a temp dir unless --db names one; an existing store is reused when
it already holds N events (--keep keeps a temp file for that).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, inspect, select

from strife.store import Store, schema, store_url
from strife.store.engine import create_store_engine
from strife.store.migrate import ensure_schema

EVENT_TYPES = [  # ACLED's mix, roughly
    ("Battles", "Armed clash", 0.24),
    ("Explosions/Remote violence", "Air/drone strike", 0.19),
    ("Violence against civilians", "Attack", 0.20),
    ("Protests", "Peaceful protest", 0.26),
    ("Riots", "Violent demonstration", 0.08),
    ("Strategic developments", "Arrests", 0.03),
]
SYLLABLES = ["ka", "ru", "mo", "sa", "li", "ten", "dor", "ba", "ghi", "nu", "zan", "vel", "ori", "pa", "que", "tal"]
NOTE_WORDS = (
    "attack checkpoint convoy village market police station soldiers militants gunmen killed wounded "
    "bomb roadside explosion drone strike shelling clash border patrol protesters rally teachers wages "
    "students fuel prices election results curfew arrested abducted church mosque school hospital "
    "bridge camp displaced refugees ambush raid looting fire barracks airport port highway farmers herders"
).split()


def syllable_name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def world(rng: random.Random):
    countries = []
    for i in range(60):
        name = syllable_name(rng, 3) + "ia"
        code = (name[:2] + chr(65 + i % 26)).upper()
        lat, lon = rng.uniform(-35, 55), rng.uniform(-120, 150)
        regions = [(syllable_name(rng, 2), lat + rng.uniform(-4, 4), lon + rng.uniform(-4, 4)) for _ in range(rng.randint(5, 15))]
        actors = [
            f"Military Forces of {name} (2019-)",
            f"Police Forces of {name} (2019-)",
            f"Protesters ({name})",
            f"Rioters ({name})",
            f"Civilians ({name})",
        ] + [f"{syllable_name(rng, 2)} {rng.choice(['Liberation Front', 'Movement', 'Brigade', 'Militia', 'Army'])}" for _ in range(rng.randint(3, 10))]
        countries.append((name, code, regions, actors))
    weights = [1 / (i + 1) ** 0.9 for i in range(len(countries))]  # a few countries hold most events
    return countries, weights


def build(url: str, n: int, seed: int) -> float:
    """Bulk-load the events into a store at revision 0002, then open it: migrations 0003-0004
    build the query indexes and search tables over what is there, as an upgrade does (and
    as a bulk load should: one index build, not a million index updates). Returns the
    seconds the index build took."""
    engine = create_store_engine(url)
    ensure_schema(engine, revision="0002")
    _load(engine, n, seed)
    engine.dispose()
    t = time.perf_counter()
    Store.open(url).close()
    return time.perf_counter() - t


def _load(engine, n: int, seed: int) -> None:
    rng = random.Random(seed)
    countries, weights = world(rng)
    types, type_weights = [(t, s) for t, s, _ in EVENT_TYPES], [w for *_, w in EVENT_TYPES]
    start, days = dt.date(2018, 1, 1), 8 * 365
    now = dt.datetime.now(dt.timezone.utc)
    batch_articles, batch_events, batch_inputs = [], [], []

    def flush():
        with engine.begin() as conn:
            conn.execute(insert(schema.articles), batch_articles)
            conn.execute(insert(schema.events), batch_events)
            conn.execute(insert(schema.inputs), batch_inputs)
        batch_articles.clear(), batch_events.clear(), batch_inputs.clear()

    article_id, in_article = None, 0
    for i in range(n):
        if in_article == 0:  # one to five events a report
            article_id, in_article = f"a_{i:08d}", rng.randint(1, 5)
            published = start + dt.timedelta(days=rng.randrange(days))
            batch_articles.append({"article_id": article_id, "text": f"report {i}", "published": published,
                                   "language": "en", "url": None, "title": None, "source": None,
                                   "published_basis": "argument"})
            batch_inputs.append({"article_id": article_id, "origin": f"{article_id}.txt", "sha256": f"{i:064x}",
                                 "outcome": "events", "reason": None, "n_events": in_article,
                                 "published": published, "ingested_at": now})
        in_article -= 1
        name, code, regions, actors = rng.choices(countries, weights)[0]
        region, rlat, rlon = rng.choice(regions)
        lat, lon = round(rlat + rng.gauss(0, 0.7), 4), round(rlon + rng.gauss(0, 0.7), 4)
        event_type, sub_type = rng.choices(types, type_weights)[0]
        r = rng.random()
        date = None if r < 0.02 else start + dt.timedelta(days=rng.randrange(days))
        date_end = date + dt.timedelta(days=rng.randint(1, 30)) if date and r > 0.92 else None
        actor1, actor2 = rng.choice(actors), rng.choice(actors + [None] * 5)
        assoc = [rng.choice(actors)] if rng.random() < 0.2 else []
        killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 12])
        place = syllable_name(rng, 2) + rng.choice(["", "abad", "ville", " Town"])
        notes = " ".join(rng.choices(NOTE_WORDS, k=rng.randint(6, 14))).capitalize() + "."
        eid = f"e_{i:08d}"
        record = {
            "id": eid,
            "article": {"id": article_id},
            "date": date.isoformat() if date else None,
            "date_end": date_end.isoformat() if date_end else None,
            "event_type": event_type,
            "sub_event_type": sub_type,
            "actor1": {"name": actor1},
            "actor2": {"name": actor2} if actor2 else None,
            "assoc_actors": [{"name": a} for a in assoc],
            "location": {"name": place, "admin1": region, "country": name, "iso3": code, "lat": lat, "lon": lon},
            "fatalities": {"low": killed, "best": killed, "high": killed} if killed is not None else None,
            "notes": notes,
        }
        batch_events.append({
            "id": eid, "article_id": article_id, "mode": "reported", "date": date, "date_end": date_end,
            "event_type": event_type, "sub_event_type": sub_type, "disorder_type": None, "country": name,
            "iso3": code, "admin1": region, "admin2": None, "location_name": place, "lat": lat, "lon": lon,
            "actor1": actor1, "actor2": actor2, "fatalities_best": killed, "record": record,
        })
        if len(batch_events) >= 20000 and in_article == 0:
            flush()
            print(f"  {i + 1:>9,} events", end="\r", file=sys.stderr, flush=True)
    if batch_events:
        flush()
    print(file=sys.stderr)


def analyse(store: Store) -> None:
    # Planner statistics, as a maintained database has them.
    with store._engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()


def sample_arguments(store: Store, rng: random.Random):
    """Real values to ask for, read from the store: random events' countries, regions, actors."""
    with store._engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(schema.events)).scalar()
        picks = [f"e_{rng.randrange(n):08d}" for _ in range(400)]
        ev = schema.events.c
        return conn.execute(
            select(ev.iso3, ev.country, ev.admin1, ev.actor1, ev.event_type, ev.lat, ev.lon, ev.date).where(ev.id.in_(picks))
        ).all()


def kinds(samples, rng: random.Random):
    start = dt.date(2018, 1, 1)

    def some():
        return rng.choice(samples)

    def window(days):
        since = start + dt.timedelta(days=rng.randrange(8 * 365 - days))
        return {"since": since, "until": since + dt.timedelta(days=days)}

    def actor_part():
        name = some().actor1
        words = [w.strip("()") for w in name.split() if len(w.strip("()")) >= 4]
        return rng.choice(words) if rng.random() < 0.5 else name

    return {
        "list (page at offset <= 1000)": lambda: {"offset": rng.randrange(0, 1001, 100)},
        "country (code or name)": lambda: {"country": (lambda s: s.iso3 if rng.random() < 0.5 else s.country.lower())(some())},
        "admin1 (+ country)": lambda: (lambda s: {"country": s.iso3, "admin1": s.admin1})(some()),
        "admin1 alone": lambda: {"admin1": some().admin1},
        "date range (30 days)": lambda: window(30),
        "since (open range)": lambda: {"since": start + dt.timedelta(days=rng.randrange(8 * 365))},
        "type": lambda: {"event_type": some().event_type},
        "actor (name or part)": lambda: {"actor": actor_part()},
        "bbox (2x2 degrees)": lambda: (lambda s: {"bbox": (s.lon - 1, s.lat - 1, s.lon + 1, s.lat + 1)})(some()),
        "text (one word)": lambda: {"text": rng.choice(NOTE_WORDS)},
        "text (two words)": lambda: {"text": " ".join(rng.sample(NOTE_WORDS, 2))},
        "country + type + 90 days": lambda: (lambda s: {"country": s.iso3, "event_type": s.event_type, **window(90)})(some()),
        "actor + date range (1 year)": lambda: {"actor": actor_part(), **window(365)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="events to generate")
    parser.add_argument("--db", help="store path or URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--repeat", type=int, default=200, help="runs of each query kind")
    parser.add_argument("--limit", type=int, default=100, help="page size")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temp SQLite file")
    args = parser.parse_args()

    db = args.db or str(Path(tempfile.mkdtemp(prefix="strife-bench-")) / "bench.sqlite")
    engine = create_store_engine(store_url(db))
    have = 0
    if inspect(engine).has_table("events"):
        with engine.connect() as conn:
            have = conn.execute(select(func.count()).select_from(schema.events)).scalar()
    engine.dispose()
    built = indexing = None
    if have != args.n:
        if have:
            sys.exit(f"{db} holds {have} events, not {args.n}: give an empty store")
        print(f"building {args.n:,} events in {db} ...", file=sys.stderr)
        t0 = time.perf_counter()
        indexing = build(store_url(db), args.n, args.seed)
        built = time.perf_counter() - t0
    store = Store.open(db)
    analyse(store)
    rng = random.Random(args.seed + 1)
    samples = sample_arguments(store, rng)
    print(f"store: {store.url}, {args.n:,} events; build: "
          + (f"{built:.0f} s ({args.n / built:,.0f} events/s), of which {indexing:.0f} s migrations 0003-0004 "
             "building the query indexes and search tables" if built else "reused"))
    print(f"{args.repeat} runs per kind, limit {args.limit}; times in ms, whole call to Store.events")
    print(f"{'query':<32} {'p50':>7} {'p95':>7} {'max':>7} {'rows':>6}")
    worst = 0.0
    for kind, arguments in kinds(samples, rng).items():
        times, found = [], 0
        for _ in range(args.repeat):
            call = arguments()
            t = time.perf_counter()
            found += len(store.events(limit=args.limit, **call))
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        worst = max(worst, p95)
        print(f"{kind:<32} {statistics.median(times):7.1f} {p95:7.1f} {times[-1]:7.1f} {found / args.repeat:6.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = Path(db).stat().st_size / 2**20 if "://" not in db else None
    print(f"worst p95: {worst:.1f} ms; peak RSS: {peak:.0f} MB" + (f"; file: {size:.0f} MB" if size else ""))
    store.close()
    if not args.db and not args.keep:
        for p in Path(db).parent.iterdir():
            p.unlink()
        Path(db).parent.rmdir()


if __name__ == "__main__":
    main()
