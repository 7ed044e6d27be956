"""What a change to the rules changed: the extractor run at two revisions over the texts we
own, and every event whose coding moved, with its sentence and the old and new value.

A held-out figure says *that* a change cost something; this says *where*. It runs the
`strife extract` command of each revision (each with its own PYTHONPATH, so the two
codes never mix) over one corpus, pairs the events of each report, and prints each pair
whose fatalities, event type, sub-event type or actor1/actor2 inter code differ, and each
event only one side coded. Where a report has gold (devset, devset2, tests/reports.py),
the gold events are printed under it, so a reviewer can judge which side is right.

Corpus (all texts we own or may read as unlabeled text; never tests/heldout/):
  devset    tests/devset/reports.jsonl            (gold: tests/devset/gold.jsonl)
  devset2   tests/devset2/reports.jsonl           (gold: tests/devset2/gold.jsonl)
  merge     benchmarks/data/merge_clusters.jsonl  (no event gold)
  reports   tests/reports.py REPORTS              (gold: each report's "events")
  muc4      the first --muc4 N texts of shared/data/muc4/dev.jsonl beside the repository (unlabeled here)
  --extra F a JSON Lines file of one's own probe texts (id, text, published), named by its stem

Usage (from a worktree; "HEAD" as --new means this worktree's files, edits included):
  PYTHONPATH=$PWD/src /work/main/.venv/bin/python benchmarks/diff_extract.py \
      --old 7985684 [--new WORKTREE] [--muc4 300] [--only devset2,muc4] [--field fatalities] \
      [--extra probes.jsonl] [--json changes.json]
  Probing a rule with sentences of one's own: --only none --extra probes.jsonl --all
  (--all prints every event of every report, changed or not, old and new).
A revision is checked out once, detached, at /tmp/strife_rev_<sha> (`git worktree add`);
its output is cached in /tmp/strife_diff_cache keyed by revision and corpus, so a second
run only extracts the new side. --old/--new also take a path to a checkout (its src/ is
used, nothing cached). Remove the checkouts with `git worktree remove /tmp/strife_rev_<sha>`.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# shared/ sits beside the repository, or a few levels up from a worktree
MUC4_DEV = next(
    (p / "shared" / "data" / "muc4" / "dev.jsonl" for p in REPO.parents if (p / "shared" / "data" / "muc4").is_dir()),
    Path("shared/data/muc4/dev.jsonl"),
)
CACHE = Path(tempfile.gettempdir()) / "strife_diff_cache"
FIELDS = ("fatalities", "event_type", "sub_event_type", "inter1", "inter2")
PYTHON = sys.executable


# ---------------------------------------------------------------- corpus
def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_by_article(path: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    for row in _jsonl(path):
        gold[row["article"]["id"]].append(row)
    return gold


def build_corpus(muc4: int, only: set[str] | None, extra: list[str] = ()) -> tuple[list[dict], dict[str, list[dict]]]:
    """The reports as rows `strife extract` reads (id, text, published, title, source), and
    the gold events by report id where there is gold."""
    rows: list[dict] = []
    gold: dict[str, list[dict]] = {}

    def want(name: str) -> bool:
        return only is None or name in only

    for name, folder in (("devset", "tests/devset"), ("devset2", "tests/devset2")):
        if not want(name):
            continue
        for r in _jsonl(REPO / folder / "reports.jsonl"):
            rows.append({k: r.get(k) for k in ("id", "text", "published", "title", "source")} | {"corpus": name})
        gold.update(_gold_by_article(REPO / folder / "gold.jsonl"))
    if want("merge"):
        for i, r in enumerate(_jsonl(REPO / "benchmarks/data/merge_clusters.jsonl"), start=1):
            rows.append({"id": f"merge-{i:03d}-{r.get('incident')}", "text": r["text"], "published": r.get("published"),
                         "title": r.get("title"), "source": r.get("source"), "corpus": "merge"})
    if want("reports"):
        spec = importlib.util.spec_from_file_location("test_reports_texts", REPO / "tests/reports.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for r in module.REPORTS:
            rid = f"rep-{r['key']}"
            rows.append({"id": rid, "text": r["text"], "published": r.get("published"), "corpus": "reports"})
            gold[rid] = r.get("events", [])
    if want("muc4") and muc4 > 0 and MUC4_DEV.exists():
        with MUC4_DEV.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= muc4:
                    break
                r = json.loads(line)  # the templates are not read: the texts serve as unlabeled wire
                rows.append({"id": r["docid"], "text": r["text"], "corpus": "muc4"})
    for path in extra:  # texts of one's own to probe a rule with: rows of id, text, published
        for r in _jsonl(Path(path)):
            rows.append({k: r.get(k) for k in ("id", "text", "published", "title", "source")} | {"corpus": Path(path).stem})
    return rows, gold


# ---------------------------------------------------------------- running a revision
def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout.strip()


def checkout(spec: str) -> tuple[Path, str | None]:
    """The source tree for `spec` and a cache key: a path is used as it is (no key, its
    files may change); a revision is checked out detached once under /tmp."""
    if spec == "HEAD-WORKTREE":
        return REPO, None
    if Path(spec).is_dir():
        return Path(spec).resolve(), None
    sha = _git("rev-parse", "--verify", spec + "^{commit}")
    where = Path(tempfile.gettempdir()) / f"strife_rev_{sha[:10]}"
    if not (where / "src/strife").is_dir():
        _git("worktree", "add", "--detach", str(where), sha)
    return where, sha


def run_side(tree: Path, key: str | None, corpus_file: Path, corpus_hash: str) -> dict[str, list[dict]]:
    """Event records by report id, as `strife extract` of that tree prints them."""
    cached = CACHE / f"{key}_{corpus_hash}.jsonl" if key else None
    if cached is not None and cached.exists():
        out = cached.read_text(encoding="utf-8")
    else:
        env = dict(os.environ, PYTHONPATH=str(tree / "src"))
        proc = subprocess.run([PYTHON, "-m", "strife.cli", "extract", str(corpus_file)], env=env, cwd=str(tree),
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"strife extract failed in {tree}:\n{proc.stderr[-3000:]}")
        if proc.stderr.strip():
            print(f"[{tree}] {proc.stderr.strip()[-1500:]}", file=sys.stderr)
        out = proc.stdout
        if cached is not None:
            CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_text(out, encoding="utf-8")
    events: dict[str, list[dict]] = defaultdict(list)
    for line in out.splitlines():
        if line.strip():
            e = json.loads(line)
            events[e["article"]["id"]].append(e)
    return events


# ---------------------------------------------------------------- comparing
def values(event: dict | None) -> dict:
    if event is None:
        return {f: None for f in FIELDS}
    fat = event.get("fatalities")
    return {
        "fatalities": fat["best"] if fat else None,
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "inter1": (event.get("actor1") or {}).get("inter"),
        "inter2": (event.get("actor2") or {}).get("inter"),
    }


def _spans(event: dict) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in event.get("evidence", []) if e.get("start") is not None]


def _anchor(event: dict) -> int | None:
    """Where the event is told: its event-type trigger, else its first evidence."""
    for e in event.get("evidence", []):
        if e.get("field") == "event_type" and e.get("start") is not None:
            return e["start"]
    spans = _spans(event)
    return min(s for s, _ in spans) if spans else None


def _affinity(a: dict, b: dict) -> float:
    """How surely two codings are of one incident: the same trigger, then shared evidence."""
    score = 0.0
    if _anchor(a) is not None and _anchor(a) == _anchor(b):
        score += 10
    sa, sb = set(_spans(a)), set(_spans(b))
    if sa or sb:
        score += 5 * len(sa & sb) / max(1, min(len(sa), len(sb)))
    if a.get("date") == b.get("date"):
        score += 1
    if (a.get("location") or {}).get("name") == (b.get("location") or {}).get("name"):
        score += 1
    return score


def pair(old: list[dict], new: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Old and new events of one report paired greedily by affinity; the rest unpaired."""
    candidates = sorted(((_affinity(a, b), i, j) for i, a in enumerate(old) for j, b in enumerate(new)), reverse=True)
    used_old, used_new, pairs = set(), set(), []
    for score, i, j in candidates:
        if score < 5 or i in used_old or j in used_new:  # less than shared evidence is no pairing
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old[i], new[j]))
    pairs += [(a, None) for i, a in enumerate(old) if i not in used_old]
    pairs += [(None, b) for j, b in enumerate(new) if j not in used_new]
    return pairs


def sentence_at(text: str, offset: int | None) -> str:
    if offset is None:
        return ""
    starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n\s*\n", text[:offset])]
    start = starts[-1] if starts else 0
    end_match = re.search(r"[.!?](\s|$)|\n\s*\n", text[offset:])
    end = offset + end_match.end() if end_match else len(text)
    return " ".join(text[start:end].split())


def _brief(event: dict) -> str:
    v = values(event)
    a1 = (event.get("actor1") or {}).get("name")
    a2 = (event.get("actor2") or {}).get("name")
    return (f"{v['event_type']} / {v['sub_event_type']} | fat={v['fatalities']} | "
            f"a1={a1} ({v['inter1']}) a2={a2} ({v['inter2']}) | {event.get('date')} {(event.get('location') or {}).get('name')}")


def compare(rows, gold, old_events, new_events, fields, everything=False):
    changes = []
    for row in rows:
        rid = row["id"]
        for a, b in pair(old_events.get(rid, []), new_events.get(rid, [])):
            va, vb = values(a), values(b)
            moved = [f for f in fields if va[f] != vb[f]]
            if not moved and not everything:
                continue
            kind = ("changed" if moved else "same") if a and b else ("dropped" if a else "added")
            anchor = _anchor(b or a)
            changes.append({"id": rid, "corpus": row["corpus"], "kind": kind, "fields": moved,
                            "old": va if a else None, "new": vb if b else None,
                            "old_event": _brief(a) if a else None, "new_event": _brief(b) if b else None,
                            "sentence": sentence_at(row["text"], anchor),
                            "gold": [_brief(g) for g in gold.get(rid, [])] if rid in gold else None})
    return changes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", default="7985684", help="revision or checkout path of the old code")
    parser.add_argument("--new", default="HEAD-WORKTREE", help="revision or checkout path (default: this worktree)")
    parser.add_argument("--muc4", type=int, default=300, help="how many MUC-4 dev texts to add (0: none)")
    parser.add_argument("--only", help="comma-separated corpora: devset,devset2,merge,reports,muc4")
    parser.add_argument("--extra", action="append", default=[], help="a JSON Lines file of probe texts (id, text, published); repeatable")
    parser.add_argument("--field", action="append", choices=FIELDS, help="only these fields (repeatable)")
    parser.add_argument("--all", action="store_true", help="print unchanged events too (for probing)")
    parser.add_argument("--json", help="also write the changes to this file")
    args = parser.parse_args(argv)

    only = set(args.only.split(",")) if args.only else None
    rows, gold = build_corpus(args.muc4, only, args.extra)
    payload = "".join(json.dumps({k: v for k, v in r.items() if k != "corpus"}) + "\n" for r in rows)
    corpus_hash = hashlib.sha1(payload.encode()).hexdigest()[:12]
    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "corpus.jsonl"
        corpus_file.write_text(payload, encoding="utf-8")
        sides = [run_side(*checkout(spec), corpus_file, corpus_hash) for spec in (args.old, args.new)]
    fields = tuple(args.field) if args.field else FIELDS
    changes = compare(rows, gold, sides[0], sides[1], fields, everything=args.all)

    for c in changes:
        print(f"== {c['id']} [{c['corpus']}] {c['kind']}: {', '.join(c['fields']) or '-'}")
        print(f"   sentence: {c['sentence'][:400]}")
        print(f"   old: {c['old_event']}")
        print(f"   new: {c['new_event']}")
        for g in c["gold"] or []:
            print(f"   gold: {g}")
    changes = [c for c in changes if c["fields"]]  # the summary counts only what moved
    by_field = Counter(f for c in changes for f in c["fields"])
    by_corpus = Counter(c["corpus"] for c in changes)
    by_kind = Counter(c["kind"] for c in changes)
    n_old = sum(len(v) for v in sides[0].values())
    n_new = sum(len(v) for v in sides[1].values())
    print(f"\nreports: {len(rows)}; events old {n_old}, new {n_new}; events that moved: {len(changes)}")
    print("by field: " + ", ".join(f"{f} {by_field[f]}" for f in fields))
    print("by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    print("by corpus: " + ", ".join(f"{k} {n}" for k, n in sorted(by_corpus.items())))
    if args.json:
        Path(args.json).write_text(json.dumps(changes, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
