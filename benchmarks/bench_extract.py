"""Speed and memory of `strife extract` (issue: foundation).

1. Cold: `strife extract` on one ~700-word report in a fresh process: wall time and the
   child's peak RSS (targets: <= 2 s, <= 600 MB).
2. Warm: whole pipeline vs spaCy's own parse of the same ~600-word reports, in the same
   process, one core (target: pipeline <= 1.5x spaCy). Both rates are printed.

Run: python benchmarks/bench_extract.py [--reports N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path


def demo_texts() -> list[str]:
    demo = resources.files("strife.data").joinpath("demo")
    manifest = json.loads(demo.joinpath("manifest.json").read_text(encoding="utf-8"))
    return [demo.joinpath(r["file"]).read_text(encoding="utf-8") for r in manifest["reports"]]


def reports_of(words: int, n: int) -> list[str]:
    """n reports of about `words` words, each stitched from the bundled demo reports
    (different paragraphs in a different order, so no two are the same text)."""
    paragraphs = [p.strip() for t in demo_texts() for p in t.split("\n\n") if p.strip()]
    out = []
    for i in range(n):
        chosen, count, j = [], 0, i
        while count < words:
            p = paragraphs[j % len(paragraphs)]
            chosen.append(p)
            count += len(p.split())
            j += 7
        out.append("\n\n".join(chosen))
    return out


def cold(report: str) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(report)
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "strife.cli", "extract", f.name, "--published", "2024-01-30"],
            check=False, stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return wall, max(peak, before) / 1024
    finally:
        os.unlink(f.name)


def warm(texts: list[str]) -> dict:
    from strife.analyse import load_nlp
    from strife.ingest.article import Article
    from strife.pipeline import Extractor

    nlp = load_nlp()
    extractor = Extractor()
    articles = [
        Article(id=f"r{i}", text=t, origin=f"r{i}", published=dt.date(2024, 1, 30), published_basis="argument")
        for i, t in enumerate(texts)
    ]
    tokens = sum(len(d) for d in nlp.pipe(texts[:4]))  # warm both up
    list(extractor.extract(articles[:4]))
    tokens = 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        tokens += len(doc)
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = sum(len(r.events) for r in extractor.extract(articles))
    pipeline_s = time.perf_counter() - t0
    return {
        "reports": len(texts),
        "tokens": tokens,
        "events": events,
        "spacy_tokens_per_s": round(tokens / spacy_s),
        "pipeline_tokens_per_s": round(tokens / pipeline_s),
        "pipeline_over_spacy": round(pipeline_s / spacy_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # The first run in a fresh cache builds the gazetteer index: not what "cold" measures.
    cold(reports_of(700, 1)[0])
    wall, rss = cold(reports_of(700, 1)[0])
    print(f"cold extract, one 700-word report: {wall:.2f} s wall, peak RSS {rss:.0f} MB")
    result = warm(reports_of(600, args.reports))
    print(
        f"warm, {result['reports']} reports of ~600 words ({result['tokens']} tokens): "
        f"spaCy alone {result['spacy_tokens_per_s']} tokens/s, whole pipeline "
        f"{result['pipeline_tokens_per_s']} tokens/s, ratio {result['pipeline_over_spacy']}x; "
        f"{result['events']} events"
    )


if __name__ == "__main__":
    main()
