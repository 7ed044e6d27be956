"""Train strife's role tagger (extract/roles.py) on the MUC-4 answer keys of DEV 1-1300.

Reads dev.jsonl and roles_train.jsonl from shared/data/muc4 (or --data), parses every
document as strife does (truecased, through the same spaCy pipeline), labels the key's
mentions as BIO spans, and:
1. cross-validates on the training documents (--folds, by document): out-of-fold tagging
   gives the per-role confidence thresholds and, against strife's rule-based fills of the
   same documents, whether each role's tagger fills are united with the rules' or used
   only where the rules found none, chosen for the best micro F1; the spans are placed as
   the pipeline places them (on the events, or as the document's roles when no event
   happened: extract.roles.place); the CV figures are printed;
2. the second stage (extract.roles.entity_items): over the CRF's out-of-fold marginals,
   a classifier that decides each candidate entity of a document once is cross-validated
   on the same folds, and the thresholds and sources are chosen again on its out-of-fold
   entities (--no-entities: the CRF's spans are the fills, as before);
3. trains the final CRF on all training documents (or, as roles.json's crf_documents
   says, on those of them that key an incident; the CV folds do the same) and writes it to
   src/strife/data/models/roles.crfsuite, the entity classifier, trained on all the
   out-of-fold entities (how the CRF errs on text it did not see), to
   models/roles_entities.crfsuite, with the chosen thresholds and combination in
   src/strife/data/roles.json.
Nothing of TST1/TST2 (roles_dev) is read: that is the honest test, run by
benchmarks/muc4_roles.py.

Run: PYTHONPATH=src python scripts/train_roles.py [--data DIR] [--cache DIR] [--folds 5]
     [--oof CACHE/oof_tagged_all.pkl: reuse the CRF's out-of-fold marginals, e.g. to study the second stage]
     [--crf c1=0.02 ...: a crfsuite parameter for this run] [--crf-documents all|relevant]
     [--check: only print whether the parse's training rows are those roles.json's trained_on records]

A --cache holds the parse and the rules' events of when it was made: delete its
train_docs.pkl (and oof_tagged_*.pkl, oof_spans_*.pkl) after a change to extract.roles.sentences (the rows)
or to the rules, or the training reads stale documents.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import subprocess
import tempfile
import time
from pathlib import Path

import pycrfsuite

from strife.evaluate.muc4 import (COUNTED_ROLES, MUC_MODES, ROLES, Tally, bare, clean_fills, combine_fills, normalise, read_jsonl,
                                  role_fills, score_document)
from strife.extract import roles as R
from strife.record import Event

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "src" / "strife" / "data"
DEFAULT_DATA = next(
    (p / "shared" / "data" / "muc4" for p in REPO.parents if (p / "shared" / "data" / "muc4").is_dir()),
    Path("shared/data/muc4"),
)
THRESHOLD_GRID = [round(0.05 * i, 2) for i in range(0, 19)]


# -- the documents, parsed as strife parses them ----------------------------------------
def parse_documents(data: Path, cache: Path | None) -> list[dict]:
    """Per training document: its sentences (rows), its role key, strife's rule-based
    events (without the tagger) and their MUC fills. Cached to `cache` when given."""
    cached = cache / "train_docs.pkl" if cache else None
    if cached is not None and cached.exists():
        return pickle.loads(cached.read_bytes())
    from strife.analyse import analyse
    from strife.ingest.article import Article
    from strife.pipeline import Extractor

    keys = {r["docid"]: r["extracts"] for r in read_jsonl(data / "roles_train.jsonl")}
    docs = [d for d in read_jsonl(data / "dev.jsonl") if d["docid"] in keys]
    extractor = Extractor(role_tagger=False)
    out = []
    for i in range(0, len(docs), 16):
        batch = docs[i : i + 16]
        articles = [Article(id=d["docid"], text=d["text"], origin=d["docid"]) for d in batch]
        for d, analysis in zip(batch, analyse(articles, is_place=extractor._cased_place)):
            try:
                events = extractor.code(analysis)
            except Exception:  # as the pipeline does: one bad document is no events
                events = []
            out.append({
                "docid": d["docid"], "text": analysis.text, "sents": R.sentences(analysis.doc),
                "gold": keys[d["docid"]], "events": [e.model_dump() for e in events],
            })
        print(f"parsed {len(out)}/{len(docs)}", flush=True)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(out))
    return out


def rows_fingerprint(docs: list[dict]) -> str:
    """A hash of what the tagger learns from: each document's rows (the parse, the lexicon
    marks and trigger kinds of extract.roles.sentences) and the rules' events (which mark
    the sentences: extract.roles.mark_events). Two parses with the same fingerprint train the
    same models; roles.json records the one the shipped models were trained on."""
    h = hashlib.sha256()
    for d in docs:
        h.update(repr((d["docid"], d["sents"], d["events"])).encode("utf-8"))
    return h.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def strife_commit() -> str:
    """The commit of the code that parsed and trained, '+' when the worktree had changes."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "scripts"], capture_output=True, text=True).stdout.strip()
        return head + ("+" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# -- training and tagging ----------------------------------------------------------------
def marked(doc: dict) -> list[R.Sentence]:
    """The document's sentences with its rule-based events marked, as the pipeline tags them."""
    return R.mark_events(doc["sents"], [Event.model_validate(e) for e in doc["events"]])


def train(docs: list[dict], path: Path, params: dict, which: str, relevant_only: bool = False) -> None:
    """The CRF on the documents' BIO labels; `relevant_only`: on the documents that key an
    incident only (whether a report has one is the document classifier's to say)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for d in docs:
        if relevant_only and keys_incident(d) == "N":
            continue
        for sentence, labels in zip(marked(d), R.gold_labels(d["sents"], d["gold"], which)):
            trainer.append(R.sentence_features(sentence), labels)
    trainer.set_params(params)
    trainer.train(str(path))


def tag(docs: list[dict], path: Path) -> dict[str, list[R.Tagged]]:
    """The CRF's reading of each document: Viterbi labels and every label's marginals."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return {d["docid"]: R.tag_marginals(marked(d), tagger) for d in docs}


def viterbi_spans(doc: dict, tagged: list[R.Tagged]) -> list[R.RoleSpan]:
    """The CRF's own spans (R.tag_sentences) read back from its saved marginals."""
    out = []
    for sentence, t in zip(doc["sents"], tagged):
        out += R.spans_of(sentence, list(t.labels), [t.p(i, l) for i, l in enumerate(t.labels)], doc["text"])
    return out


# -- the second stage: one decision per entity (R.entity_items) ----------------------------
def entity_label(span: R.RoleSpan, gold: dict) -> str:
    """Y when the entity's fill, bared as the MUC adapter bares it, is a key mention of its role."""
    fill = normalise(bare(span.text, keep_count=span.role in COUNTED_ROLES))
    return "Y" if any(fill == normalise(m) for e in gold.get(span.role, []) for m in e) else "N"


def train_ranker(docs: list[dict], items: dict[str, list], path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for d in docs:
        for span, features in items[d["docid"]]:
            trainer.append([features], [entity_label(span, d["gold"])])
    trainer.set_params(params)
    trainer.train(str(path))


def keys_incident(doc: dict) -> str:
    return "Y" if any(doc["gold"].get(r) for r in ROLES) else "N"


def train_documents(docs: list[dict], tagged: dict[str, list[R.Tagged]], path: Path, params: dict) -> None:
    """The document classifier (R.document_features) on the CRF's out-of-fold readings."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for d in docs:
        trainer.append([R.document_features(marked(d), tagged[d["docid"]])], [keys_incident(d)])
    trainer.set_params(params)
    trainer.train(str(path))


def cv_documents(docs: list[dict], folds: list[list[dict]], tagged: dict[str, list[R.Tagged]], params: dict) -> dict[str, float]:
    """Each document's out-of-fold probability that it keys an incident."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, held in enumerate(folds):
            rest = [d for j, f in enumerate(folds) if j != k for d in f]
            path = Path(tmp) / f"documents{k}.crfsuite"
            train_documents(rest, tagged, path, params)
            classifier = pycrfsuite.Tagger()
            classifier.open(str(path))
            for d in held:
                out[d["docid"]] = R.relevance(marked(d), tagged[d["docid"]], classifier)
    hit = sum((out[d["docid"]] >= 0.5) == (keys_incident(d) == "Y") for d in docs)
    print(f"document classifier: CV accuracy {100 * hit / len(docs):.1f} ({sum(keys_incident(d) == 'Y' for d in docs)} of {len(docs)} key an incident)")
    return out


def rank(docs: list[dict], items: dict[str, list], path: Path) -> dict[str, list[R.RoleSpan]]:
    ranker = pycrfsuite.Tagger()
    ranker.open(str(path))
    return {d["docid"]: R.score_items(items[d["docid"]], ranker) for d in docs}


# -- from spans to MUC fills, as the pipeline attaches them to events ----------------------
def attached_fills(doc: dict, spans: list[R.RoleSpan], thresholds: dict, combine: dict) -> dict[str, list[str]]:
    """The document's MUC fills when the tagger's spans enrich its rule-based events as
    the pipeline does (extract.roles.attach), scored through muc4.role_fills."""
    events = [Event.model_validate(e) for e in doc["events"]]
    kept = R.one_per_entity(spans, thresholds)
    document_roles = R.place(events, kept, doc["sents"])
    return role_fills([e for e in events if e.mode in MUC_MODES], combine, document_roles)


def score(docs: list[dict], fills: dict[str, dict[str, list[str]]]) -> dict[str, Tally]:
    out = {r: Tally() for r in ROLES}
    for d in docs:
        for role, t in score_document(fills[d["docid"]], d["gold"]).items():
            out[role].add(t)
    return out


def micro(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for t in tallies.values():
        total.add(t)
    return total


def show(name: str, tallies: dict[str, Tally]) -> str:
    parts = [f"{r} {100 * t.f1:.1f}" for r, t in tallies.items()]
    m = micro(tallies)
    return f"{name:<28} P {100 * m.precision:5.1f} R {100 * m.recall:5.1f} F1 {100 * m.f1:5.1f} | " + ", ".join(parts)


def choose(docs: list[dict], spans: dict[str, list[R.RoleSpan]], rules: dict[str, dict]) -> tuple[dict, dict]:
    """Per role, the threshold and the source (muc4.combine_fills) that give the best CV
    micro F1 over all roles. A role's fills depend only on its own threshold and source,
    so each option's tally is counted once per role; the per-role best is the start, and
    each role in turn then takes the option that makes the micro F1 best given the others
    (a role whose fills are precise at a low recall can be worth more to the micro figure
    with fewer of them), until no role changes."""
    all_tagger = {r: "tagger" for r in ROLES}
    tagged = {th: {d["docid"]: attached_fills(d, spans[d["docid"]], {r: th for r in ROLES}, all_tagger) for d in docs}
              for th in THRESHOLD_GRID}
    options = [(mode, th) for mode in ("union", "fallback", "tagger") for th in THRESHOLD_GRID] + [("rules", 1.0)]
    table: dict[str, dict[tuple[str, float], Tally]] = {role: {} for role in ROLES}
    for mode, th in options:
        t = tagged[th if mode != "rules" else THRESHOLD_GRID[0]]
        fills = {i: combine_fills(rules[i], t[i], {r: mode for r in ROLES}) for i in rules}
        for role, tally in score(docs, fills).items():
            table[role][(mode, th)] = tally
    chosen = {role: max(options, key=lambda o: (table[role][o].f1, -options.index(o))) for role in ROLES}

    def micro_f1(choice: dict) -> float:
        return micro({role: table[role][choice[role]] for role in ROLES}).f1

    for _ in range(5):
        changed = False
        for role in ROLES:
            best = max(options, key=lambda o: (micro_f1({**chosen, role: o}), o == chosen[role]))
            if micro_f1({**chosen, role: best}) > micro_f1(chosen) + 1e-9:
                chosen[role], changed = best, True
        if not changed:
            break
    thresholds = {role: chosen[role][1] for role in ROLES}
    combine = {role: chosen[role][0] for role in ROLES}
    for role in ROLES:
        print(f"  {role}: {combine[role]} at threshold {thresholds[role]} (CV F1 {100 * table[role][chosen[role]].f1:.1f})", flush=True)
    return thresholds, combine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=None, help="keep the parsed documents here between runs")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="the first N training documents (quick runs)")
    parser.add_argument("--no-final", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--oof", type=Path, default=None,
                        help="skip CV training of the CRF: read its out-of-fold marginals saved by a run with --cache")
    parser.add_argument("--label-mentions", choices=("all", "first"), default=None, help="override roles.json's")
    parser.add_argument("--no-entities", action="store_true", help="no second stage: the CRF's spans are the fills")
    parser.add_argument("--no-documents", action="store_true", help="no document classifier in the second stage")
    parser.add_argument("--crf", action="append", default=[], metavar="NAME=VALUE",
                        help="override a crfsuite parameter of roles.json for this run (CV of c1, c2, feature.minfreq)")
    parser.add_argument("--crf-documents", choices=("all", "relevant"), default=None, help="override roles.json's")
    parser.add_argument("--check", action="store_true",
                        help="only say whether today's parse (or --cache's) is the one the shipped models were trained on")
    args = parser.parse_args()
    config = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))
    params = config["training"]["crfsuite"]
    for override in args.crf:
        name, _, value = override.partition("=")
        params[name] = json.loads(value)
    if args.crf_documents:
        config["training"]["crf_documents"] = args.crf_documents
    relevant_only = config["training"].get("crf_documents", "all") == "relevant"
    print(f"CRF parameters: {params}; trained on {'the documents that key an incident' if relevant_only else 'all documents'}")
    which = config["training"]["label_mentions"] = args.label_mentions or config["training"]["label_mentions"]

    started = time.perf_counter()
    docs = parse_documents(args.data, args.cache)[: args.limit]
    print(f"{len(docs)} training documents parsed in {time.perf_counter() - started:.0f} s")
    fingerprint = rows_fingerprint(docs)
    trained_on = config.get("trained_on", {}).get("rows_sha256")
    print(f"training rows {fingerprint}; the shipped models were trained on {trained_on}"
          f" ({'the same' if fingerprint == trained_on else 'a different parse or different rule events'})")
    if args.check:
        return

    order = list(range(len(docs)))
    random.Random(config["training"]["seed"]).shuffle(order)
    folds = [[docs[i] for i in order[k :: args.folds]] for k in range(args.folds)]
    oof_tagged: dict[str, list[R.Tagged]] = {}
    if args.oof is not None:  # decoding studied on saved out-of-fold marginals, no retraining
        oof_tagged = pickle.loads(args.oof.read_bytes())
    else:
        cv_started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            for k, held in enumerate(folds):
                rest = [d for j, f in enumerate(folds) if j != k for d in f]
                path = Path(tmp) / f"fold{k}.crfsuite"
                t0 = time.perf_counter()
                train(rest, path, params, which, relevant_only)
                oof_tagged.update(tag(held, path))
                print(f"fold {k + 1}/{args.folds}: trained on {sum(1 for d in rest if not relevant_only or keys_incident(d) == 'Y')} of {len(rest)} documents in {time.perf_counter() - t0:.0f} s", flush=True)
        print(f"cross-validation: {time.perf_counter() - cv_started:.0f} s")
        if args.cache is not None:  # the out-of-fold marginals, to study decoding without retraining
            (args.cache / f"oof_tagged_{which}.pkl").write_bytes(pickle.dumps(oof_tagged))
    oof = {d["docid"]: viterbi_spans(d, oof_tagged[d["docid"]]) for d in docs}
    if args.cache is not None:  # what benchmarks/muc4_role_errors.py reads
        (args.cache / f"oof_spans_{which}.pkl").write_bytes(pickle.dumps(oof))

    rules = {d["docid"]: role_fills([e for e in (Event.model_validate(x) for x in d["events"]) if e.mode in MUC_MODES], {r: "rules" for r in ROLES}) for d in docs}
    print(show("rules alone (CV docs)", score(docs, rules)))
    tagger_alone = {d["docid"]: clean_fills({r: [s.text for s in R.one_per_entity(oof[d["docid"]], {}) if s.role == r] for r in ROLES}) for d in docs}
    print(show("tagger alone, whole doc", score(docs, tagger_alone)))
    thresholds, combine = choose(docs, oof, rules)
    chosen = {d["docid"]: attached_fills(d, oof[d["docid"]], thresholds, combine) for d in docs}
    print(show("rules + CRF spans (chosen)", score(docs, chosen)))

    ranker_params, doc_params = config["training"]["entities"], config["training"]["documents"]
    use_entities = not args.no_entities
    use_documents = use_entities and not args.no_documents
    if use_entities:
        # the second stage, cross-validated on the same folds over the CRF's out-of-fold
        # marginals: what it learns is how the CRF errs on documents it did not see
        t0 = time.perf_counter()
        relevant: dict[str, float | None] = {d["docid"]: None for d in docs}
        if use_documents:  # whether a report keys an incident, out of fold: a feature of its entities
            relevant = cv_documents(docs, folds, oof_tagged, doc_params)
        items = {d["docid"]: R.entity_items(marked(d), oof_tagged[d["docid"]], d["text"], rules[d["docid"]], relevant[d["docid"]])
                 for d in docs}
        ranked: dict[str, list[R.RoleSpan]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for k, held in enumerate(folds):
                rest = [d for j, f in enumerate(folds) if j != k for d in f]
                path = Path(tmp) / f"entities{k}.crfsuite"
                train_ranker(rest, items, path, ranker_params)
                ranked.update(rank(held, items, path))
        print(f"entity stage: {sum(map(len, items.values()))} candidate entities, CV in {time.perf_counter() - t0:.0f} s")
        if args.cache is not None:
            (args.cache / "oof_entities.pkl").write_bytes(pickle.dumps(ranked))
        e_thresholds, e_combine = choose(docs, ranked, rules)
        e_chosen = {d["docid"]: attached_fills(d, ranked[d["docid"]], e_thresholds, e_combine) for d in docs}
        print(show("rules + entities (chosen)", score(docs, e_chosen)))
        thresholds, combine, chosen = e_thresholds, e_combine, e_chosen
    if args.no_final:
        return

    t0 = time.perf_counter()
    model = DATA_DIR / config["model_file"]
    model.parent.mkdir(parents=True, exist_ok=True)
    train(docs, model, params, which, relevant_only)
    print(f"final model: {sum(1 for d in docs if not relevant_only or keys_incident(d) == 'Y')} of {len(docs)} documents, trained in {time.perf_counter() - t0:.0f} s, {model.stat().st_size / 1e6:.2f} MB")
    entity_model = DATA_DIR / config["entity_model_file"]
    if use_entities:  # trained on all the out-of-fold readings: the CRF's errors on unseen text
        train_ranker(docs, items, entity_model, ranker_params)
        print(f"entity model: {entity_model.stat().st_size / 1e6:.2f} MB")
    elif entity_model.exists():
        entity_model.unlink()
    document_model = DATA_DIR / config["document_model_file"]
    if use_documents:
        train_documents(docs, oof_tagged, document_model, doc_params)
        print(f"document model: {document_model.stat().st_size / 1e6:.2f} MB")
    elif document_model.exists():
        document_model.unlink()
    config["thresholds"], config["combine"] = thresholds, combine
    config["trained_on"] = {
        "commit": strife_commit(), "documents": len(docs), "rows_sha256": fingerprint,
        "models_sha256": {config[k]: file_sha256(DATA_DIR / config[k])
                          for k in ("model_file", "entity_model_file", "document_model_file") if (DATA_DIR / config[k]).exists()},
    }
    config["measured"] = {
        "cv_folds": args.folds, "documents": len(docs),
        "cv_micro_f1_rules": round(micro(score(docs, rules)).f1, 4),
        "cv_micro_f1_with_tagger": round(micro(score(docs, chosen)).f1, 4),
    }
    (DATA_DIR / "roles.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
