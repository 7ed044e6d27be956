"""Near-duplicate reports: the same article syndicated under other outlets, with other
datelines, credits and footers. They are one report, not extra sources.

Texts become sets of word shingles. datasketch's MinHash gives each text a signature whose
LSH bands are stored as keys (`article_lsh`), so finding candidates is an indexed lookup
however large the store; the exact Jaccard similarity of the candidates' shingles then
decides, so the verdict never rests on the sketch alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from datasketch import MinHash


@lru_cache(maxsize=1)
def rules() -> dict:
    cfg = json.loads(resources.files("strife.data").joinpath("neardup.json").read_text(encoding="utf-8"))
    if cfg["num_perm"] % cfg["bands"]:
        raise ValueError(f"neardup.json: num_perm {cfg['num_perm']} is not a multiple of bands {cfg['bands']}")
    return cfg


def shingles(text: str) -> set[str]:
    """Runs of `shingle_words` words, case and punctuation ignored; a text shorter than one
    shingle is its own single shingle."""
    words = re.findall(r"\w+", text.lower())
    k = rules()["shingle_words"]
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    cfg = rules()
    sketch = MinHash(num_perm=cfg["num_perm"], seed=cfg["seed"])
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return sketch


def band_keys(text: str) -> list[str]:
    """One key per LSH band: two texts sharing a key are candidates. 40 characters each: the
    band number and a hash of the band's rows."""
    cfg = rules()
    values = signature(text).hashvalues
    rows = cfg["num_perm"] // cfg["bands"]
    keys = []
    for band in range(cfg["bands"]):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"{band:02d}" + hashlib.sha1(chunk).hexdigest()[:38])
    return keys


def similarity(a: str, b: str) -> tuple[float, float]:
    """(Jaccard similarity, containment of the smaller shingle set in the larger)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0, 0.0
    common = len(sa & sb)
    return common / len(sa | sb), common / min(len(sa), len(sb))


def is_near_duplicate(jaccard: float, containment: float) -> bool:
    cfg = rules()
    return jaccard >= cfg["jaccard"] or (containment >= cfg["containment"] and jaccard >= cfg["containment_min_jaccard"])


@dataclass(frozen=True)
class NearDuplicate:
    article_id: str
    similarity: float

    @property
    def reason(self) -> str:
        return f"near-duplicate of {self.article_id} (similarity {self.similarity:.2f})"


def best_near_duplicate(text: str, candidates: dict[str, str]) -> NearDuplicate | None:
    """The most similar candidate (article id -> text) that is a near-duplicate, if any;
    ties go to the candidate first in id order, so the verdict is deterministic."""
    best = None
    for article_id in sorted(candidates):
        jaccard, containment = similarity(text, candidates[article_id])
        if is_near_duplicate(jaccard, containment) and (best is None or jaccard > best.similarity):
            best = NearDuplicate(article_id, jaccard)
    return best
