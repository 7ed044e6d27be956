"""The MUC-4 role-filler evaluation (GRIT/GTT's metric) on the development data.

Scores roles_train (DEV 1-1300: where rules are developed) and roles_dev (TST1+TST2: the
honest figure; TST3+TST4 are held out and not in shared/), printing micro and per-role
precision/recall/F1, the template agreement and the time taken.

Run: PYTHONPATH=src python benchmarks/muc4_roles.py [--limit N] [--split train|dev|both] [--worst N] [--json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from strife.evaluate.muc4 import run_muc4
from strife.pipeline import Extractor

# shared/ sits beside the repository (/work/main, /work/shared) or two levels up from a worktree
DATA = next(
    (p / "shared" / "data" / "muc4" for p in Path(__file__).resolve().parents if (p / "shared" / "data" / "muc4").is_dir()),
    Path("shared/data/muc4"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="the first N documents of each split")
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--worst", type=int, default=0, help="print the N documents that lose most")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    dev = args.data / "dev.jsonl"
    if not dev.exists():
        print(f"skipped: {dev} not found")
        return
    extractor = Extractor()
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    for split in splits:
        report = run_muc4(dev, args.data / f"roles_{split}.jsonl", args.limit, extractor)
        print(f"== roles_{split}.jsonl")
        print(json.dumps(report.as_dict(), indent=1) if args.json else report.table())
        for line in report.worst(args.worst):
            print(line)


if __name__ == "__main__":
    main()
