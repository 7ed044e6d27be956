"""Learn the word clusters the role tagger (extract/roles.py) reads as features.

A word the answer keys never showed with a role still shares a cluster with words that
did ("abducted" with "kidnapped", "peasants" with "farmers"), so the tagger can generalise
past its training words. The clusters come from the texts alone, no labels: a skip-gram
word2vec (gensim) over the MUC-4 DEV 1-1300 texts (roles_train.jsonl's documents, read
from dev.jsonl; dev.jsonl holds only DEV 1-1300, TST1 and TST2, and TST1/TST2 are
roles_dev, the honest test, so they are left out), then k-means (scipy) on the unit
vectors at several granularities, coarse to fine. The output is one line a word: the word
(lower case, as spaCy's English tokenizer splits it) and its cluster at each granularity,
in src/strife/data/models/word_clusters.tsv, with the granularities in its header.

gensim is a training dependency only (the `train` extra): the runtime reads the TSV.

Run: PYTHONHASHSEED=0 PYTHONPATH=src python scripts/train_word_clusters.py [--data DIR]
then scripts/train_roles.py (the tagger's features include the clusters).
Training is deterministic: one worker thread, fixed seeds, a fixed string hash.
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

import numpy as np
import spacy
from gensim.models import Word2Vec
from scipy.cluster.vq import kmeans2

from strife.evaluate.muc4 import read_jsonl

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "strife" / "data" / "models" / "word_clusters.tsv"
DEFAULT_DATA = next(
    (p / "shared" / "data" / "muc4" for p in REPO.parents if (p / "shared" / "data" / "muc4").is_dir()),
    Path("shared/data/muc4"),
)
GRANULARITIES = (16, 64, 256)
MIN_COUNT = 3  # rarer words get no cluster: their vectors are noise


def _hash(word: str) -> int:
    # gensim seeds each word's initial vector from a hash of it; Python's own is salted
    # per process, which would make two runs differ
    return zlib.crc32(word.encode("utf-8"))


def corpus(data: Path) -> list[list[str]]:
    """DEV 1-1300's texts as lower-cased token lists, one a sentence-ish line."""
    train_ids = {r["docid"] for r in read_jsonl(data / "roles_train.jsonl")}
    held_out = {r["docid"] for r in read_jsonl(data / "roles_dev.jsonl")}
    tokenizer = spacy.blank("en").tokenizer
    out = []
    for d in read_jsonl(data / "dev.jsonl"):
        if d["docid"] not in train_ids or d["docid"] in held_out:
            continue
        for line in d["text"].lower().split("\n"):
            words = [t.text for t in tokenizer(line) if not t.is_space]
            if words:
                out.append(words)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    sentences = corpus(args.data)
    print(f"{len(sentences)} lines, {sum(map(len, sentences))} tokens")
    model = Word2Vec(sentences, vector_size=100, window=5, min_count=MIN_COUNT, sg=1, negative=10,
                     epochs=15, workers=1, seed=13, hashfxn=_hash)
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    columns = []
    for k in GRANULARITIES:
        _, labels = kmeans2(vectors.astype(np.float64), k, iter=30, minit="++", seed=13)
        columns.append(labels)
    lines = ["#word\t" + "\t".join(f"c{k}" for k in GRANULARITIES)]
    lines += [word + "\t" + "\t".join(str(c[i]) for c in columns) for i, word in enumerate(words)
              if "\t" not in word and word.strip()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(words)} words clustered at {GRANULARITIES} -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    for probe in ("kidnapped", "bomb", "peasants", "fmln", "soldiers"):
        if probe in model.wv:
            print(probe, "~", [w for w, _ in model.wv.most_similar(probe, topn=6)])


if __name__ == "__main__":
    main()
