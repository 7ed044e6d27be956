"""Merging reports of one incident into one event (issue 5), measured end to end.

`benchmarks/data/merge_clusters.jsonl` holds reports written for this benchmark: several
reports of each incident (wire and local outlets, paraphrases, tolls that rise or differ,
vaguer or more precise places, reports a day or two later, syndicated copies, one incident
coded in two families by two outlets) and look-alike incidents that must stay separate
(`lookalike_of`: two bombings in one city a day apart; two blasts in one city the same day
at a mosque and a market; two clashes in one district a day apart between other parties; a
protest and a riot in one city on one day; an attack and its reprisal the next day). Every report goes through the real ingest, the real extractor and the real
store (a temporary SQLite file), in publication order, as a live feed would arrive.

Printed: pairwise precision/recall/F1 of merging over report pairs (two reports are
merged when their main events end in one stored event), the event-count error
(incidents vs stored reported events), look-alike incidents merged, syndicated copies
recognised. Targets: F1 >= 0.95, no look-alike merged.

Run: python benchmarks/bench_merge.py [--verbose] [--explain] [--shuffle SEED]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data" / "merge_clusters.jsonl"


def load(shuffle: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Publication order, file order breaking ties: the order a feed would deliver them.
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["published"], i))
    out = []
    for n, i in enumerate(order, start=1):
        out.append({**rows[i], "id": f"r{n:02d}"})
    if shuffle is not None:
        # Reports do not always arrive in publication order (a backfill, a late feed).
        random.Random(shuffle).shuffle(out)
    return out


def run(reports: list[dict], workdir: Path) -> Path:
    from strife.ingest import read_inputs
    from strife.pipeline import Extractor
    from strife.store import Store

    feed = workdir / "feed.jsonl"
    with open(feed, "w", encoding="utf-8") as f:
        for r in reports:
            # The store sees what a feed gives, never the benchmark's answers.
            row = {k: r[k] for k in ("id", "text", "published", "source", "title", "url") if k in r}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    db = workdir / "bench.sqlite"
    extractor = Extractor()
    with Store.open(str(db)) as store:
        articles = [a for a in read_inputs([str(feed)]) if not hasattr(a, "reason")]
        for result in extractor.extract(articles):
            store.ingest(result.article, result.events)
    return db


def main_events(db: Path) -> tuple[dict[str, str | None], dict[str, str]]:
    """report id -> the stored event its main (first reported) event ended in; and
    report id -> the article it is a near-duplicate of."""
    conn = sqlite3.connect(db)
    aliases = dict(conn.execute("SELECT old_id, event_id FROM event_aliases"))

    def current(event_id):
        while event_id in aliases:
            event_id = aliases[event_id]
        return event_id

    main: dict[str, str | None] = {}
    for article_id, event_id, record in conn.execute(
        "SELECT article_id, event_id, record FROM event_sources ORDER BY article_id, added_at"
    ):
        rec = json.loads(record)
        starts = [e["start"] for e in rec["evidence"] if e.get("start") is not None]
        rank = (rec["mode"] != "reported", min(starts, default=10**9))
        known = main.get(article_id)
        if known is None or rank < known[0]:
            main[article_id] = (rank, current(event_id))
    duplicates = dict(conn.execute("SELECT article_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"))
    out = {a: ev for a, (_, ev) in main.items()}
    for copy, original in duplicates.items():
        out[copy] = out.get(original)
    n_reported = conn.execute("SELECT COUNT(*) FROM events WHERE mode = 'reported'").fetchone()[0]
    n_events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    return out, duplicates, n_reported, n_events


def score(reports: list[dict], predicted: dict[str, str | None]) -> dict:
    tp = fp = fn = 0
    for a, b in itertools.combinations(reports, 2):
        gold = a["incident"] == b["incident"]
        ea, eb = predicted.get(a["id"]), predicted.get(b["id"])
        same = ea is not None and ea == eb
        tp += gold and same
        fp += (not gold) and same
        fn += gold and not same
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_tp": tp, "pairs_fp": fp, "pairs_fn": fn, "precision": p, "recall": r, "f1": f1}


def main_records(db: Path) -> dict:
    """report id -> the first event coded from it (its own record, before merging)."""
    from strife.record import Event

    conn = sqlite3.connect(db)
    records = {}
    for article_id, record in conn.execute("SELECT article_id, record FROM event_sources ORDER BY added_at"):
        records.setdefault(article_id, Event.model_validate_json(record))
    conn.close()
    return records


def miss_causes(records: dict, reports: list[dict], predicted: dict) -> dict[str, int]:
    """Why same-incident pairs ended apart: no event coded, a veto (other country, other
    family...) or a score under the threshold. Scored on the pair's own records."""
    from collections import Counter

    from strife.resolve.merge import match

    causes = Counter()
    for a, b in itertools.combinations(reports, 2):
        if a["incident"] != b["incident"]:
            continue
        ea, eb = predicted.get(a["id"]), predicted.get(b["id"])
        if ea is not None and ea == eb:
            continue
        if ea is None or eb is None or a["id"] not in records or b["id"] not in records:
            causes["no event coded from a report"] += 1
            continue
        m = match(records[b["id"]], records[a["id"]])
        if m.veto:
            causes["veto: " + m.veto.split(" (")[0]] += 1
        else:
            causes["score below threshold" if not m.matched else "matched, but not merged by the store"] += 1
    return causes


def explain_errors(db: Path, reports: list[dict], predicted: dict) -> None:
    """For each wrongly merged or wrongly separated pair, why the matcher decided so."""
    from strife.resolve.merge import match

    records = main_records(db)
    margins = []
    for a, b in itertools.combinations(reports, 2):
        gold = a["incident"] == b["incident"]
        ea, eb = predicted.get(a["id"]), predicted.get(b["id"])
        same = ea is not None and ea == eb
        if a["id"] not in records or b["id"] not in records:
            continue
        m = match(records[b["id"]], records[a["id"]])
        if m.veto is None:
            margins.append((m.score, gold, a["id"], b["id"], a["incident"], b["incident"]))
        if gold == same:
            continue
        print(f"{'MISSED' if gold else 'WRONG'} {a['incident']} {a['id']} / {b['incident']} {b['id']}: "
              f"score {m.score:.2f} veto {m.veto}")
        for name, f in m.features.items():
            print(f"    {name:10} {f.score:+.2f} x{f.weight}  {f.why}")
    same = sorted(x for x in margins if x[1])
    other = sorted((x for x in margins if not x[1]), reverse=True)
    print("closest calls (main records scored directly, no veto): lowest same-incident pairs, highest different-incident pairs")
    for x in same[:5] + other[:5]:
        print(f"    {x[0]:.3f} {'same' if x[1] else 'diff'} {x[4]} {x[2]} / {x[5]} {x[3]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each incident's reports and where they went")
    parser.add_argument("--explain", action="store_true", help="print the match explanation of every wrong pair")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="ingest in a random order instead of publication order")
    args = parser.parse_args()
    reports = load(args.shuffle)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = run(reports, Path(tmp))
        predicted, duplicates, n_reported, n_events = main_events(db)
        db_records = main_records(db)
        if args.explain:
            explain_errors(db, reports, predicted)
    elapsed = time.perf_counter() - t0
    incidents = sorted({r["incident"] for r in reports})
    s = score(reports, predicted)
    by_incident = {i: [r for r in reports if r["incident"] == i] for i in incidents}
    lookalikes_merged = []
    for r in reports:
        other = r.get("lookalike_of")
        if other is None:
            continue
        mine = {predicted.get(x["id"]) for x in by_incident[r["incident"]]} - {None}
        theirs = {predicted.get(x["id"]) for x in by_incident[other]} - {None}
        if mine & theirs and (r["incident"], other) not in lookalikes_merged:
            lookalikes_merged.append((r["incident"], other))
    syndicated = [r for r in reports if "syndicated" in r.get("note", "")]
    # Either copy may arrive first; the later one is the duplicate.
    recognised = sum(r["id"] in duplicates or r["id"] in duplicates.values() for r in syndicated)
    no_event = [r["id"] for r in reports if predicted.get(r["id"]) is None]
    predicted_clusters = len({predicted[r["id"]] for r in reports if predicted.get(r["id"])})

    causes = miss_causes(db_records, reports, predicted)
    if args.verbose:
        for inc in incidents:
            print(inc, [(r["id"], r["source"], predicted.get(r["id"])) for r in by_incident[inc]])
    print(f"reports: {len(reports)}  incidents: {len(incidents)}  "
          f"(look-alike incidents: {sum(1 for i in incidents if by_incident[i][0].get('lookalike_of'))})")
    print(f"pairwise merging: precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
          f"(tp {s['pairs_tp']}, fp {s['pairs_fp']}, fn {s['pairs_fn']})")
    print(f"events: {predicted_clusters} main events for {len(incidents)} incidents "
          f"(count error {predicted_clusters - len(incidents):+d}); store holds {n_reported} reported events, "
          f"{n_events} in all (reported-count error {n_reported - len(incidents):+d})")
    print(f"look-alikes merged: {len(lookalikes_merged)} {lookalikes_merged if lookalikes_merged else ''}")
    print(f"syndicated copies recognised as duplicates: {recognised}/{len(syndicated)}; "
          f"near-duplicates flagged in all: {len(duplicates)}")
    print(f"reports with no event extracted: {len(no_event)} {no_event if no_event else ''}")
    print("missed pairs by cause: " + (", ".join(f"{c}: {n}" for c, n in sorted(causes.items())) or "none"))
    print(f"time: {elapsed:.1f} s (extraction, geocoding and store included)")
    ok = s["f1"] >= 0.95 and not lookalikes_merged
    print("targets (F1 >= 0.95, no look-alike merged):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
