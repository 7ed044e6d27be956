"""The reference article's hand coding (shared/seed/gold.json) as strife-record gold.

The seed's gold has its own form ('required' and 'background' events, plain actor
descriptions). This writes it as event records, JSON Lines, for `strife eval --gold`:

    python benchmarks/seed_gold.py /tmp/seed_gold.jsonl [SEED_DIR]
    strife eval --gold /tmp/seed_gold.jsonl ../shared/seed/article.txt --errors 5

Choices made in converting (the seed's own fields are kept where they are the record's):
- `required` events are `mode: reported`, `background` ones `mode: background`;
  `non_violent` ones are not coded (the seed says a coder records them at most as
  strategic developments), so predictions of them count as false positives.
- Fatalities: the seed's `fatalities_best` is the record's `best`.
- Actors: the seed describes them in words; they are written in the ACLED naming of
  shared/coding-guide.md (a named rebel group inter 2, unnamed bombers inter 3, state
  forces abroad inter 8). `claimed_by` likewise.
- Places without coordinates keep only their country.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"

# the seed's actor descriptions in ACLED's naming (coding-guide.md), with their inter codes
ACTORS = {
    "Balochistan Liberation Army": ("BLA: Balochistan Liberation Army", 2),
    "Military/security forces of Pakistan": ("Military Forces of Pakistan", 1),
    "Unidentified armed group": ("Unidentified Armed Group (Pakistan)", 3),
    "Supporters of Imran Khan (PTI) / civilians": ("Civilians (Pakistan)", 7),
    "Military forces of Pakistan": ("Military Forces of Pakistan", 8),
    "Military forces of Iran": ("Military Forces of Iran", 8),
    "Baluch insurgents (BLA camps)": ("BLA: Balochistan Liberation Army", 2),
    "a Baluch militant group": ("Unidentified Armed Group (Pakistan)", 3),  # unnamed in the text
}


def convert(gold: dict, article_id: str) -> list[dict]:
    out = []
    for mode, events in (("reported", gold["required"]), ("background", gold["background"])):
        for g in events:
            record = {"article": {"id": article_id, "published": gold["published"]}, "gold_key": g["key"], "mode": mode,
                      "date": g["date"], "event_type": g["event_type"], "sub_event_type": g["sub_event_type"]}
            loc = {k: g[k] for k in ("admin1", "country", "iso3", "lat", "lon") if k in g}
            if "place" in g:
                loc["name"] = g["place"]
            record["location"] = loc
            record["fatalities"] = None if g["fatalities_best"] is None else {"best": g["fatalities_best"]}
            for key, seed_key in (("actor1", "actor_perpetrator"), ("actor2", "actor_target")):
                if g.get(seed_key) in ACTORS:
                    name, inter = ACTORS[g[seed_key]]
                    record[key] = {"name": name, "inter": inter}
            if "claimed_by" in g:
                record["claimed_by"] = [ACTORS[g["claimed_by"]][0]] if g["claimed_by"] else []
            out.append(record)
    return out


def main(target: str, seed: Path = SEED) -> None:
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    records = convert(gold, gold["document"])
    Path(target).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} gold events written to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seed_gold.jsonl", Path(sys.argv[2]) if len(sys.argv) > 2 else SEED)
