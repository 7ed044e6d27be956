"""Where the role tagger's MUC-4 fills go wrong, on the out-of-fold predictions of DEV 1-1300.

Reads the parsed training documents and out-of-fold spans that scripts/train_roles.py
--cache DIR saved (train_docs.pkl, and oof_entities.pkl, the second stage's entities,
when data/roles.json names an entity model, else oof_spans_all.pkl), builds each document's fills as the
pipeline would (thresholds and sources of data/roles.json), and sorts every error, per role:

precision side (fills that did not match):
  boundary   overlaps a gold mention of the role but is not equal to one after normalisation
  role       equals or overlaps a gold mention of another role only
  duplicate  equals a mention of an entity another fill already matched
  spurious   overlaps no gold mention of any role
recall side (entities no fill matched):
  no_event   the document has no event MUC would read, so nothing was attached
  boundary   a fill of the role overlaps one of its mentions
  role       a fill of another role equals or overlaps one of its mentions
  absent     none of its mentions is in the parsed text (what no tagger can find)
  missed     none of the above

--ceiling: also what the second stage can reach at all, per role: the key's entities of
which a candidate phrase (extract.roles.candidates over the CRF's out-of-fold marginals,
CACHE/oof_tagged_all.pkl), bared as the fills are, equals a mention; of which some token
span of the text does; and of which a mention is in the text at all.

Run: PYTHONPATH=src python benchmarks/muc4_role_errors.py --cache DIR [--examples N] [--ceiling]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_roles as T  # noqa: E402  (the training script's own fill-building, reused)

from strife.evaluate.muc4 import MUC_MODES, ROLES, normalise, pair  # noqa: E402
from strife.extract import roles as R  # noqa: E402
from strife.record import Event  # noqa: E402

# words that make no overlap on their own ("the men" and "the police" share nothing)
_LIGHT = {"of", "in", "and", "s", "to", "from", "for", "on", "at", "by", "with"}


def _words(text: str) -> set[str]:
    return set(normalise(text).split()) - _LIGHT


def overlaps(a: str, b: str) -> bool:
    return bool(_words(a) & _words(b))


def classify(doc: dict, fills: dict[str, list[str]], has_event: bool, present) -> tuple[Counter, Counter, list]:
    """The document's precision and recall errors, by bucket and role."""
    fp, fn, examples = Counter(), Counter(), []
    gold = doc["gold"]
    for role in ROLES:
        entities = gold.get(role, [])
        own = fills.get(role, [])
        others = [f for r in ROLES if r != role for f in fills.get(r, [])]
        matched_entities: set[int] = set()
        for f in own:  # greedy pass, one fill per entity: which fills matched, which repeat an entity
            key = normalise(f)
            hit = next((j for j, e in enumerate(entities) if key in {normalise(m) for m in e} and j not in matched_entities), None)
            if hit is not None:
                matched_entities.add(hit)
                continue
            if any(key in {normalise(m) for m in e} for e in entities):
                bucket = "duplicate"
            elif any(overlaps(f, m) for e in entities for m in e):
                bucket = "boundary"
            elif any(normalise(f) == normalise(m) or overlaps(f, m) for r in ROLES if r != role for e in gold.get(r, []) for m in e):
                bucket = "role"
            else:
                bucket = "spurious"
            fp[(role, bucket)] += 1
            examples.append(("fp", role, bucket, f, [e[0] for e in entities]))
        for j, e in enumerate(entities):
            if j in matched_entities:
                continue
            if not has_event:
                bucket = "no_event"
            elif any(overlaps(f, m) for f in own for m in e):
                bucket = "boundary"
            elif any(normalise(f) == normalise(m) or overlaps(f, m) for f in others for m in e):
                bucket = "role"
            elif not any(present(m) for m in e):
                bucket = "absent"
            else:
                bucket = "missed"
            fn[(role, bucket)] += 1
            examples.append(("fn", role, bucket, e, own))
    return fp, fn, examples


def ceiling(docs: list[dict], tagged: dict) -> None:
    """Per role: gold entities, those a candidate of the role reaches, those any token span
    (up to 12 tokens) of the text reaches, those with a mention in the text."""
    from strife.evaluate.muc4 import COUNTED_ROLES, bare

    def key(role: str, text: str) -> str:
        return normalise(bare(text, keep_count=role in COUNTED_ROLES))

    counts = Counter()
    for d in docs:
        reached = {r: set() for r in ROLES}
        for c in R.candidates(d["sents"], tagged[d["docid"]]):
            rows = d["sents"][c.sentence].rows
            reached[c.role].add(key(c.role, d["text"][rows[c.a].start : rows[c.b].end]))
        spans = {d["text"][s.rows[a].start : s.rows[b].end] for s in d["sents"]
                 for a in range(len(s.rows)) for b in range(a, min(len(s.rows), a + 12))}
        text = f" {normalise(d['text'])} "
        for role in ROLES:
            span_keys = {key(role, t) for t in spans}
            for e in d["gold"].get(role, []):
                mentions = {normalise(m) for m in e}
                counts[(role, "gold")] += 1
                counts[(role, "candidate")] += bool(mentions & reached[role])
                counts[(role, "span")] += bool(mentions & span_keys)
                counts[(role, "in text")] += any(f" {m} " in text for m in mentions)
    kinds = ("gold", "candidate", "span", "in text")
    print(f"{'ceiling':<9}" + "".join(f"{k:>10}" for k in kinds))
    for role in list(ROLES) + ["all"]:
        pick = ROLES if role == "all" else (role,)
        print(f"{role:<9}" + "".join(f"{sum(counts[(r, k)] for r in pick):10d}" for k in kinds))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--oof", type=Path, default=None, help="default: CACHE/oof_entities.pkl or CACHE/oof_spans_all.pkl")
    parser.add_argument("--examples", type=int, default=0, help="print N examples per role and bucket")
    parser.add_argument("--json", type=Path, default=None, help="write the counts here")
    parser.add_argument("--ceiling", action="store_true", help="also the candidates' recall ceiling (needs oof_tagged_all.pkl)")
    args = parser.parse_args()
    docs = pickle.loads((args.cache / "train_docs.pkl").read_bytes())
    if args.ceiling:
        ceiling(docs, pickle.loads((args.cache / "oof_tagged_all.pkl").read_bytes()))
    config = json.loads((T.DATA_DIR / "roles.json").read_text(encoding="utf-8"))
    # the thresholds of roles.json are the entity stage's when there is one: read its spans
    entities = args.cache / "oof_entities.pkl"
    default = entities if config.get("entity_model_file") and entities.exists() else args.cache / "oof_spans_all.pkl"
    oof = pickle.loads((args.oof or default).read_bytes())
    fp, fn, examples = Counter(), Counter(), defaultdict(list)
    tp, gold_n, pred_n = Counter(), Counter(), Counter()
    for d in docs:
        fills = T.attached_fills(d, oof[d["docid"]], config["thresholds"], config["combine"])
        has_event = any(Event.model_validate(e).mode in MUC_MODES for e in d["events"])
        words = " ".join(normalise(s_text) for s_text in [d["text"]])
        present = lambda m, words=f" {words} ": f" {normalise(m)} " in words  # noqa: E731
        for role, t in T.score_document(fills, d["gold"]).items():
            tp[role] += t.matched
            gold_n[role] += t.gold
            pred_n[role] += t.predicted
        a, b, ex = classify(d, fills, has_event, present)
        fp.update(a)
        fn.update(b)
        for kind, role, bucket, *rest in ex:
            examples[(kind, role, bucket)].append((d["docid"], *rest))
    fp_buckets = ("boundary", "role", "duplicate", "spurious")
    fn_buckets = ("no_event", "boundary", "role", "absent", "missed")
    print(f"{'role':<9}{'gold':>6}{'pred':>6}{'match':>6} | FP: " + " ".join(f"{b:>9}" for b in fp_buckets)
          + " | FN: " + " ".join(f"{b:>9}" for b in fn_buckets))
    for role in list(ROLES) + ["all"]:
        pick = ROLES if role == "all" else (role,)
        print(f"{role:<9}{sum(gold_n[r] for r in pick):6d}{sum(pred_n[r] for r in pick):6d}{sum(tp[r] for r in pick):6d} |     "
              + " ".join(f"{sum(fp[(r, b)] for r in pick):9d}" for b in fp_buckets) + " |     "
              + " ".join(f"{sum(fn[(r, b)] for r in pick):9d}" for b in fn_buckets))
    if args.json:
        args.json.write_text(json.dumps({"fp": {f"{r}/{b}": n for (r, b), n in fp.items()},
                                         "fn": {f"{r}/{b}": n for (r, b), n in fn.items()}}, indent=1))
    for key, items in sorted(examples.items()):
        for item in items[: args.examples]:
            print(*key, *item, sep=" | ")


if __name__ == "__main__":
    main()
