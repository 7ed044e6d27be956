"""What `strife eval` shows: the terminal table, the JSON form, and the worst cases.

The worst cases are the tool for finding what to fix: each shows the report's text
(trimmed around the evidence) and the gold and the prediction side by side, the
fields that disagree marked, sorted by how wrong they are (data/evaluation.json).
"""

from __future__ import annotations

import textwrap

from strife.evaluate.pairing import coordinates, settings
from strife.geo.distance import km_between
from strife.evaluate.records import Outcome, Scores, inter_pair, mean, median

FIELD_ORDER = [
    "event_type", "sub_event_type", "protest_riot_recognised", "date", "date_within_days",
    "location_within_25km", "location_within_50km", "location_name", "admin1", "country", "fatalities", "interaction",
    "actor1", "actor2", "claimed_by", "mode",
]


def _ordered_rates(scores: Scores) -> list[str]:
    names = list(scores.rates)
    return sorted(names, key=lambda n: (FIELD_ORDER.index(n) if n in FIELD_ORDER else len(FIELD_ORDER), n))


def _targets() -> dict[str, float]:
    return {k: v for k, v in settings()["targets"].items() if not k.startswith("_")}


def _round(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(x, digits)


def as_dict(scores: Scores, errors: int = 0) -> dict:
    km = scores.location_km
    out = {
        "reports": scores.reports,
        "gold_events": scores.tp + scores.fn,
        "predicted_events": scores.tp + scores.fp,
        "detection": {
            "tp": scores.tp, "fp": scores.fp, "fn": scores.fn,
            "precision": _round(scores.precision), "recall": _round(scores.recall), "f1": _round(scores.f1),
            "fp_by_mode": dict(sorted(scores.fp_by_mode.items())),
        },
        "fields": {
            name: {"value": _round(scores.rates[name].value), "correct": scores.rates[name].hits, "n": scores.rates[name].n,
                   **({"target": _targets()[name]} if name in _targets() else {})}
            for name in _ordered_rates(scores)
        },
        "date": {"within_days": settings()["date_near_days"], "mean_abs_days": _round(mean(scores.date_days)),
                 "n": len(scores.date_days), "off_by_days": _days_histogram(scores.date_days)},
        "location_km": {"median": _round(median(km), 2), "mean": _round(mean(km), 2), "n": len(km)},
        "fatalities": {
            "mean_abs_error": _round(mean(scores.fatality_errors)),
            "median_abs_error": _round(median(scores.fatality_errors)),
            "n": len(scores.fatality_errors),
            "compared_on": dict(scores.fatalities_compared_on),
        },
        "confusion": scores.confusion,
        "skipped": [{"origin": s.origin, "id": s.id, "reason": s.reason} for s in scores.skipped],
    }
    if errors:
        out["errors"] = [case_dict(o) for o in worst(scores, errors)]
    return out


def _days_histogram(days: list[int]) -> dict[str, int]:
    """How far off the dates are: 0, 1, 2-7, 8-31 days, more."""
    bins = {"0": 0, "1": 0, "2-7": 0, "8-31": 0, ">31": 0}
    for d in days:
        key = "0" if d == 0 else "1" if d == 1 else "2-7" if d <= 7 else "8-31" if d <= 31 else ">31"
        bins[key] += 1
    return bins


def worst(scores: Scores, n: int) -> list[Outcome]:
    bad = [o for o in scores.outcomes if o.badness > 0]
    # stable: equally bad cases keep the order of the reports
    return sorted(bad, key=lambda o: -o.badness)[:n]


def case_dict(o: Outcome) -> dict:
    return {
        "article_id": o.article_id, "kind": o.kind, "badness": o.badness, "wrong": o.wrong,
        "text": excerpt(o), "gold": o.gold, "predicted": _slim(o.pred),
    }


def _slim(pred: dict | None) -> dict | None:
    if pred is None:
        return None
    return {k: v for k, v in pred.items() if k not in ("evidence", "sources", "revisions", "merged_from")}


def _fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def table(scores: Scores, title: str = "strife eval") -> str:
    d = as_dict(scores)
    det = d["detection"]
    lines = [
        title,
        f"reports {d['reports']}   gold events {d['gold_events']}   predicted events {d['predicted_events']}",
        "",
        f"{'detection':<28}P {_fmt(det['precision'])}   R {_fmt(det['recall'])}   F1 {_fmt(det['f1'])}"
        f"   (tp {det['tp']}, fp {det['fp']}, fn {det['fn']})",
        *([f"{'':<28}false positives by mode: " + ", ".join(f"{m} {n}" for m, n in det["fp_by_mode"].items())]
          if det["fp_by_mode"] else []),
        "",
        f"{'field (paired events)':<28}{'score':>7}{'correct':>9}{'n':>6}{'target':>9}",
    ]
    labels = {
        "date_within_days": f"date within {d['date']['within_days']} day(s)",
        "protest_riot_recognised": "protest/riot as such",
        "interaction": "actor inter-code pair",
        "actor1": "actor1 name", "actor2": "actor2 name",
        **{f"location_within_{k}km": f"location within {k} km" for k in settings()["location_km"]},
    }
    for name, r in d["fields"].items():
        target = ""
        if "target" in r:
            below = r["value"] is not None and r["value"] < r["target"]
            target = f"{r['target']:>7.2f}" + (" <" if below else "  ")
        lines.append(f"{labels.get(name, name):<28}{_fmt(r['value']):>7}{r['correct']:>9}{r['n']:>6}{target}".rstrip())
    lines.append("")
    lines.append(f"{'location error km':<28}median {_fmt(d['location_km']['median'], 1)}   mean {_fmt(d['location_km']['mean'], 1)}   (n {d['location_km']['n']})")
    off = ", ".join(f"{k}: {v}" for k, v in d["date"]["off_by_days"].items() if v)
    lines.append(f"{'date error days':<28}mean {_fmt(d['date']['mean_abs_days'], 2)}   (n {d['date']['n']}; off by {off or '-'})")
    on = ", ".join(f"{k} {v}" for k, v in d["fatalities"]["compared_on"].items()) or "-"
    lines.append(f"{'fatalities abs error':<28}mean {_fmt(d['fatalities']['mean_abs_error'], 2)}   median {_fmt(d['fatalities']['median_abs_error'], 1)}   (n {d['fatalities']['n']}; gold figure: {on})")
    if d["confusion"]:
        lines += ["", "event type: gold -> predicted"]
        for gold_type, row in sorted(d["confusion"].items()):
            cells = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1]))
            lines.append(f"  {gold_type:<28}{cells}")
    if d["skipped"]:
        lines += ["", f"skipped {len(d['skipped'])}:"]
        lines += [f"  {s['origin']}: {s['reason']}" for s in d["skipped"][:20]]
        if len(d["skipped"]) > 20:
            lines.append(f"  ... and {len(d['skipped']) - 20} more (see --json)")
    return "\n".join(lines)


# -- the worst cases -------------------------------------------------------------------

def _evidence_start(event: dict | None) -> int | None:
    if not event:
        return None
    starts = [e.get("start") for e in event.get("evidence") or [] if isinstance(e, dict) and e.get("start") is not None]
    first = [e.get("start") for e in event.get("evidence") or [] if isinstance(e, dict) and e.get("field") == "event_type" and e.get("start") is not None]
    return (first or sorted(starts) or [None])[0]


def excerpt(o: Outcome, width: int = 420) -> str:
    """The text around what the case is about: the prediction's (or the gold's) evidence,
    else the start of the report."""
    text = o.text or ""
    if not text:
        return ""
    at = _evidence_start(o.pred)
    if at is None:
        at = _evidence_start(o.gold)
    if at is None:
        at = 0
    start = max(0, at - width // 3)
    if start > 0 and " " in text[start : at]:  # begin at a word
        start = text.index(" ", start) + 1
    end = min(len(text), start + width)
    snippet = " ".join(text[start:end].split())
    return ("… " if start > 0 else "") + snippet + (" …" if end < len(text) else "")


def _show(event: dict | None, key: str) -> str:
    if event is None:
        return "-"
    if key == "location":
        loc = event.get("location")
        if not isinstance(loc, dict):
            return "null" if "location" in event else ""
        parts = [p for p in (loc.get("name"), loc.get("admin2"), loc.get("admin1"), loc.get("country") or loc.get("iso3")) if p]
        xy = coordinates(event)
        return ", ".join(parts) + (f" ({xy[0]:.3f}, {xy[1]:.3f})" if xy else "")
    if key == "interaction":
        return inter_pair(event) if any(k in event for k in ("interaction", "actor1", "actor2")) else ""
    if key in ("actor1", "actor2"):
        actor = event.get(key)
        if key not in event:
            return ""
        if not isinstance(actor, dict):
            return "null"
        return f"{actor.get('name')}" + (f" [{actor['inter']}]" if actor.get("inter") not in (None, "") else "")
    if key == "fatalities":
        fat = event.get("fatalities")
        if "fatalities" not in event:
            return ""
        if not isinstance(fat, dict):
            return "null"
        return " / ".join(f"{k} {fat[k]}" for k in ("low", "best", "high") if k in fat)
    if key == "claimed_by":
        return "; ".join(event.get("claimed_by") or []) if "claimed_by" in event else ""
    value = event.get(key)
    return "" if key not in event else "null" if value is None else str(value)


SHOWN = ["event_type", "sub_event_type", "mode", "date", "location", "fatalities", "actor1", "actor2", "interaction", "claimed_by"]
MARKS = {"location": ("location", "location_missing", "country", "admin1", "location_name"), "event_type": ("event_type", "protest_as_violence")}


def format_case(rank: int, o: Outcome) -> str:
    head = f"#{rank}  {o.kind}  badness {o.badness:g}  report {o.article_id}"
    if o.pred and o.pred.get("id"):
        head += f"  event {o.pred['id']}"
    if o.wrong and o.kind == "paired":
        head += "  wrong: " + ", ".join(o.wrong)
    lines = [head]
    lines += textwrap.wrap(excerpt(o), width=100, initial_indent="    ", subsequent_indent="    ")
    rows = []
    for key in SHOWN:
        g, p = _show(o.gold, key), _show(o.pred, key)
        if not g and not p:
            continue
        marked = any(w in o.wrong for w in MARKS.get(key, (key,)))
        rows.append(("*" if marked else " ", key, g, p))
    if rows:
        gw = min(45, max(len("gold"), *(len(r[2]) for r in rows)))
        lines.append(f"   {'field':<16}{'gold':<{gw}}  predicted")
        for mark, key, g, p in rows:
            lines.append(f" {mark} {key:<16}{g[:gw]:<{gw}}  {p}")
    if o.kind == "paired" and "location" in o.wrong:
        d = km_between(*coordinates(o.gold), *coordinates(o.pred))
        lines.append(f"   (place {d:.0f} km off)")
    return "\n".join(lines)


def errors_view(scores: Scores, n: int) -> str:
    cases = worst(scores, n)
    if not cases:
        return "no errors: every gold event found, every scored field right"
    return "\n\n".join(format_case(i, o) for i, o in enumerate(cases, start=1))
