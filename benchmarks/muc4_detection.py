"""A first accuracy reading on the MUC-4 development split (shared/data/muc4/dev.jsonl).

Not the standard role-filler evaluation (that is `strife eval --muc4`, issue 3): this
reads, per document, whether strife reports any incident where the answer key has one,
and for keyed incidents whether one of strife's events agrees on type, date and country.
MUC-4 keys cover terrorist incidents only, so clashes and arrests that ACLED would code
count here as false positives.

Run: python benchmarks/muc4_detection.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from strife.ingest.article import Article
from strife.pipeline import Extractor

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "muc4" / "dev.jsonl"
# MUC-4 incident types -> the ACLED event types a coder could give them
TYPES = {
    "BOMBING": {"Explosions/Remote violence"},
    "ATTACK": {"Battles", "Violence against civilians", "Explosions/Remote violence"},
    "KIDNAPPING": {"Violence against civilians"},
    "ARSON": {"Strategic developments", "Riots", "Violence against civilians"},
    "ROBBERY": {"Strategic developments"},
    "FORCED WORK STOPPAGE": {"Strategic developments", "Protests"},
}


def incident_type(template: dict) -> str:
    raw = template["slots"].get("INCIDENT: TYPE") or [""]
    first = raw[0] if isinstance(raw, list) else str(raw)
    return first.split("/")[0].strip().strip('"').upper()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DEV.exists():
        print(f"skipped: {DEV} not found")
        return
    docs = [json.loads(line) for line in DEV.open()][: args.limit]
    articles = [Article(id=d["docid"], text=d["text"], origin=d["docid"]) for d in docs]
    results = {r.article.id: r for r in Extractor().extract(articles)}
    tp = fp = fn = tn = errors = 0
    typed = [0, 0]
    dated = [0, 0]
    placed = [0, 0]
    for d in docs:
        result = results[d["docid"]]
        errors += result.error is not None
        events = [e for e in result.events if e.mode == "reported"]
        keyed = bool(d["templates"])
        tp += keyed and bool(events)
        fn += keyed and not events
        fp += (not keyed) and bool(events)
        tn += (not keyed) and not events
        if not (keyed and events):
            continue
        for t in d["templates"]:
            kind = next((k for k in TYPES if incident_type(t).startswith(k)), None)
            if kind:
                typed[1] += 1
                typed[0] += any(e.event_type in TYPES[kind] for e in events)
            if t.get("date_start"):
                dated[1] += 1
                end = t.get("date_end") or t["date_start"]
                dated[0] += any(e.date and t["date_start"] <= e.date <= end for e in events)
            if t.get("country"):
                placed[1] += 1
                placed[0] += any(e.location and (e.location.country or "").upper() == t["country"].upper() for e in events)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"{len(docs)} documents, {errors} errors")
    print(f"document-level detection: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} "
          f"(tp {tp} fp {fp} fn {fn} tn {tn})")
    for name, (hit, total) in (("incident type", typed), ("date within the key's range", dated), ("country", placed)):
        print(f"{name}: {hit}/{total} = {hit / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
