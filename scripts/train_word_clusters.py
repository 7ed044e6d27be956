"""Learn the word clusters of the role tagger's CRF (extract/roles.py, word_clusters).

Distributional word classes: words used alike ("guerrillas", "terrorists", "rebels") share
a class, so what the CRF learns of one reaches the others it saw less or never. Trained on
unlabelled text only: every MUC-4 text of shared/data/muc4/dev.jsonl (the 1,500 reports,
DEV and TST1/TST2; no answer key is read) and the repository's devset reports
(tests/devset*/reports.jsonl; never tests/heldout). The text is lowered and tokenised by
spaCy's English tokenizer (the rules the pipeline's model tokenises with), word2vec
(gensim, skip-gram, one worker and a fixed seed: reproducible) embeds every word seen
min_count times, and k-means (numpy, seeded k-means++) groups the unit vectors at each
granularity of roles.json's word_clusters.sizes.

Writes src/strife/data/models/word_clusters.tsv: a header line, then `word<TAB>id<TAB>id...`
(one id per granularity). Only that plain file is read at run time; gensim is a
training-only dependency (pip install -e '.[train]').

Run: PYTHONPATH=src python scripts/train_word_clusters.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "src" / "strife" / "data"
DEFAULT_DATA = next(
    (p / "shared" / "data" / "muc4" for p in REPO.parents if (p / "shared" / "data" / "muc4").is_dir()),
    Path("shared/data/muc4"),
)


def texts(data: Path) -> list[str]:
    out = [json.loads(line)["text"] for line in (data / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(REPO.glob("tests/devset*/reports.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def sentences(docs: list[str]) -> list[list[str]]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    out = []
    for doc in nlp.pipe(d.lower() for d in docs):
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if words:
                out.append(words)
    return out


def kmeans(x: np.ndarray, k: int, seed: int, iterations: int = 30) -> np.ndarray:
    """Spherical k-means (cosine) with k-means++ seeding; the cluster of each row."""
    rng = np.random.default_rng(seed)
    centres = [x[rng.integers(len(x))]]
    nearest = 1 - x @ centres[0]
    for _ in range(1, k):
        p = np.maximum(nearest, 0) ** 2
        centres.append(x[rng.choice(len(x), p=p / p.sum())])
        nearest = np.minimum(nearest, 1 - x @ centres[-1])
    c = np.stack(centres)
    assign = np.zeros(len(x), dtype=int)
    for _ in range(iterations):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                m = members.sum(axis=0)
                c[j] = m / (np.linalg.norm(m) or 1.0)
    return assign


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    from gensim.models import Word2Vec

    config = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))["word_clusters"]
    t0 = time.perf_counter()
    corpus = sentences(texts(args.data))
    print(f"{len(corpus)} sentences, {sum(map(len, corpus))} tokens ({time.perf_counter() - t0:.0f} s)", flush=True)
    w2v = config["word2vec"]
    model = Word2Vec(corpus, vector_size=w2v["vector_size"], window=w2v["window"], min_count=w2v["min_count"],
                     sg=1, negative=w2v["negative"], epochs=w2v["epochs"], seed=config["seed"], workers=1)
    words = list(model.wv.index_to_key)
    x = np.asarray(model.wv.vectors, dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    print(f"word2vec: {len(words)} words ({time.perf_counter() - t0:.0f} s)", flush=True)
    ids = [kmeans(x, k, config["seed"] + k) for k in config["sizes"]]
    out = DATA_DIR / config["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["#word\t" + "\t".join(f"c{k}" for k in config["sizes"])]
    lines += ["\t".join([w] + [str(int(a[i])) for a in ids]) for i, w in enumerate(words) if "\t" not in w]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {time.perf_counter() - t0:.0f} s)")
    for probe in ("guerrillas", "dynamite", "embassy", "priests", "fmln"):
        if probe in model.wv:
            i = words.index(probe)
            same = [w for j, w in enumerate(words) if ids[1][j] == ids[1][i]][:12]
            print(f"  {probe}: {' '.join(same)}")


if __name__ == "__main__":
    main()
