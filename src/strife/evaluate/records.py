"""Scoring against gold in strife's own event-record form.

Gold is JSON Lines, one event record per line (shared/event-record.md), whole or only
some of its fields: a field the gold leaves out is not scored, a field it gives as null
is (the prediction must be null too). `article.id` (or a top-level `article_id`) ties the
gold event to its report. A line `{"article": {"id": ...}, "events": []}` says that a
report has no event at all; so does a report with no gold line.

The scoring functions take plain dicts (event records as JSON), so tests and other
gold readers (ACLED) feed them directly, without running the extractor.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from strife.evaluate.pairing import coordinates, pair_events, settings
from strife.geo.distance import km_between
from strife.export.acled import interaction
from strife.ingest.article import Article, Skipped, date_from_iso
from strife.ingest.jsonlines import json_lines


@dataclass
class Case:
    """One report: its text, its gold events and what strife made of it."""

    article_id: str
    text: str | None
    gold: list[dict]
    pred: list[dict]


@dataclass
class Outcome:
    """A gold event and the prediction paired with it; either side may be missing (a
    miss, a false positive). `wrong` names the fields that disagree."""

    article_id: str
    text: str | None
    gold: dict | None
    pred: dict | None
    wrong: list[str] = field(default_factory=list)
    badness: float = 0.0

    @property
    def kind(self) -> str:
        return "missed" if self.pred is None else "false positive" if self.gold is None else "paired"


@dataclass
class Rate:
    """A share of cases: `hits` of `n` scored."""

    hits: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hits += int(bool(ok))

    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # the unpaired predictions by their mode: a gold set that codes only an article's news (as a feed's
    # coders do) meets strife's background records here, a sign apart from news it invented
    fp_by_mode: dict[str, int] = field(default_factory=dict)
    rates: dict[str, Rate] = field(default_factory=dict)
    location_km: list[float] = field(default_factory=list)
    date_days: list[int] = field(default_factory=list)
    fatality_errors: list[int] = field(default_factory=list)
    fatalities_compared_on: dict[str, int] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    reports: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def rate(self, name: str) -> Rate:
        return self.rates.setdefault(name, Rate())

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


# -- gold ------------------------------------------------------------------------------

def gold_article_id(record: dict) -> str | None:
    art = record.get("article")
    if isinstance(art, dict) and art.get("id") is not None:
        return str(art["id"])
    if record.get("article_id") is not None:
        return str(record["article_id"])
    return None


def normalise_gold(record: dict) -> dict:
    """The gold record in the prediction's shape, without inventing fields: an actor
    given as a plain name becomes {"name": ...}, a fatality count given as a number is
    the `best` figure."""
    out = dict(record)
    for key in ("actor1", "actor2"):
        if isinstance(out.get(key), str):
            out[key] = {"name": out[key]}
    fat = out.get("fatalities")
    if isinstance(fat, (int, float)) and not isinstance(fat, bool):
        out["fatalities"] = {"best": int(fat)}
    if isinstance(out.get("claimed_by"), str):
        out["claimed_by"] = [out["claimed_by"]]
    return out


def read_gold(path: Path) -> tuple[dict[str, list[dict]], list[Skipped]]:
    """Gold events by article id, and the lines that could not be read (with why)."""
    by_article: dict[str, list[dict]] = {}
    skipped: list[Skipped] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    for line in json_lines(lines, path.name):
        origin, record = line.origin, line.value
        if line.error is not None:
            skipped.append(Skipped(origin=origin, reason=f"gold line is not JSON: {line.error}"))
            continue
        if not isinstance(record, dict):
            skipped.append(Skipped(origin=origin, reason="gold line is not a JSON object"))
            continue
        article_id = gold_article_id(record)
        if article_id is None:
            skipped.append(Skipped(origin=origin, reason="gold event has no article.id (nor article_id): cannot tell which report it belongs to"))
            continue
        events = by_article.setdefault(article_id, [])
        if "events" in record:  # an article-level line: its events, possibly none
            if not isinstance(record["events"], list):
                skipped.append(Skipped(origin=origin, reason="'events' is not a list", id=article_id))
                continue
            events.extend(normalise_gold(e) for e in record["events"] if isinstance(e, dict))
        else:
            events.append(normalise_gold(record))
    if not by_article and skipped:
        raise GoldError(f"no usable line in gold file {path}; the first problem: {skipped[0].origin}: {skipped[0].reason}")
    return by_article, skipped


class GoldError(Exception):
    """The gold cannot be used at all (unreadable file, no usable line)."""


# -- running strife over the reports ---------------------------------------------------

def gold_cases(gold_path: Path, report_paths: list[str], extractor, published: dt.date | None = None) -> tuple[list[Case], list[Skipped]]:
    """Run the extractor over the reports and pair each with its gold.

    A report without a date of its own takes the gold's `article.published`: that is
    the report's metadata, not an answer. Gold whose report is not among the inputs is
    reported as skipped, so a typo in an id does not silently shrink the evaluation.
    """
    from strife.ingest import read_inputs

    gold, skipped = read_gold(gold_path)
    gold_published = {}
    for article_id, events in gold.items():
        for e in events:
            d = date_from_iso((e.get("article") or {}).get("published"))
            if d is not None:
                gold_published[article_id] = d
    articles: list[Article] = []
    for item in read_inputs(report_paths, published=published):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            articles.append(item)
    ids = {a.id for a in articles}
    by_stem = {}
    for a in articles:  # "a.txt" answers to gold id "a" when no report is called "a"
        by_stem.setdefault(Path(a.id).stem, []).append(a)
    for article_id in list(gold):
        if article_id not in ids:
            same = by_stem.get(article_id, [])
            if len(same) == 1 and same[0].id not in gold:
                gold[same[0].id] = gold.pop(article_id)
                if article_id in gold_published:
                    gold_published[same[0].id] = gold_published.pop(article_id)
                continue
            skipped.append(Skipped(origin=str(gold_path), reason=f"gold for article {article_id!r}, which is not among the reports given", id=article_id))
    for a in articles:
        if a.published is None and a.id in gold_published:
            a.published, a.published_basis = gold_published[a.id], "metadata"
    cases = []
    for result in extractor.extract(articles):
        if result.error is not None:
            skipped.append(Skipped(origin=result.article.origin, reason=result.error, id=result.article.id))
            continue
        cases.append(Case(
            article_id=result.article.id,
            text=result.article.text,
            gold=gold.get(result.article.id, []),
            pred=[e.model_dump(mode="json") for e in result.events],
        ))
    return cases, skipped


# -- scoring ---------------------------------------------------------------------------

# ACLED dates its state actors: "Military Forces of Pakistan (2018-)" is strife's name plus the
# period of the government; the period is not part of who acted
ACTOR_PERIOD = re.compile(r"\s*\((?:\d{4})-(?:\d{4})?\)\s*$")


def _name(actor: Any) -> str | None:
    if not isinstance(actor, dict) or not actor.get("name"):
        return None
    return ACTOR_PERIOD.sub("", " ".join(str(actor["name"]).split())).casefold()


def _inter(actor: Any) -> int | None:
    if not isinstance(actor, dict) or actor.get("inter") in (None, ""):
        return None
    return int(actor["inter"])


def inter_pair(event: dict) -> str:
    """The actors' inter codes as ACLED's interaction code (smaller first, 0 for none)."""
    if "interaction" in event and event["interaction"] not in (None, ""):
        return str(event["interaction"])
    return interaction(_inter(event.get("actor1")), _inter(event.get("actor2")))


def _scores_interaction(gold: dict) -> bool:
    """Only when the gold tells both sides (an actor, or null for none) with their codes:
    a gold that names actor1 alone says nothing of actor2."""
    if "interaction" in gold:
        return True
    sides = [gold.get(k, "absent") for k in ("actor1", "actor2")]
    return all(s is None or (isinstance(s, dict) and "inter" in s) for s in sides)


def fatality_figure(gold: dict) -> str | None:
    """Which of the gold's figures to score: `best` when it gives one, else `low` (an
    ACLED row's conservative count)."""
    fat = gold.get("fatalities", "absent")
    if fat == "absent":
        return None
    if fat is None:
        return "best"
    return "best" if "best" in fat else "low" if "low" in fat else "high" if "high" in fat else None


def _killed(event: dict, figure: str) -> int:
    # not reported is compared as 0, as ACLED codes it: a count is a number of dead
    fat = event.get("fatalities")
    return int(fat.get(figure) or 0) if isinstance(fat, dict) else 0


def _same_name(a: Any, b: Any) -> bool:
    """Place names compared as the gazetteer keys them (case, accents and spacing aside),
    so that "Nangarhar" is "Nangarhār"."""
    from strife.geo.gazetteer import normalise

    if a is None or b is None:
        return a is None and b is None
    return normalise(str(a)) == normalise(str(b))


class SameProvince:
    """Whether two province names are one province: spelt alike, or both names of the same
    gazetteer entry in the event's country ("Aleppo" and "Ḩalab", "North Kivu" and
    "Nord-Kivu"), so that the score measures the place, not the spelling convention."""

    def __init__(self, gazetteer=None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, gold_name: Any, pred_name: Any, iso3: str | None) -> bool:
        if _same_name(gold_name, pred_name):
            return True
        if self.gazetteer is None or gold_name is None or pred_name is None:
            return False
        import pycountry

        country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
        iso2 = country.alpha_2 if country is not None else None
        ids = lambda name: {p.geonameid for p in self.gazetteer.lookup(str(name), iso2) if p.kind == "admin1"}
        return bool(ids(gold_name) & ids(pred_name))


def compare(gold: dict, pred: dict, scores: Scores, same_province: SameProvince | None = None) -> list[str]:
    """Score one pair into `scores`; the names of the fields that are wrong."""
    same_province = same_province or SameProvince()
    cfg = settings()
    wrong: list[str] = []

    def check(name: str, ok: bool) -> None:
        scores.rate(name).add(ok)
        if not ok:
            wrong.append(name)

    if "event_type" in gold:
        check("event_type", gold["event_type"] == pred.get("event_type"))
        if gold["event_type"] in cfg["demonstration_types"]:
            ok = pred.get("event_type") in cfg["demonstration_types"]
            scores.rate("protest_riot_recognised").add(ok)
            if not ok:
                wrong.append("protest_as_violence")
    if "sub_event_type" in gold:
        check("sub_event_type", gold["sub_event_type"] == pred.get("sub_event_type"))
    if "date" in gold:
        g, p = date_from_iso(gold["date"]), date_from_iso(pred.get("date"))
        if g is None or p is None:
            check("date", g is None and p is None)
            scores.rate("date_within_days").add(g is None and p is None)
        else:
            days = abs((g - p).days)
            scores.date_days.append(days)
            check("date", days == 0)
            scores.rate("date_within_days").add(days <= cfg["date_near_days"])
    g_xy = coordinates(gold)
    if g_xy is not None:
        p_xy = coordinates(pred)
        d = km_between(*g_xy, *p_xy) if p_xy is not None else None
        if d is not None:
            scores.location_km.append(d)
        for limit in cfg["location_km"]:
            scores.rate(f"location_within_{limit}km").add(d is not None and d <= limit)
        if d is None:
            wrong.append("location_missing")
        elif d > cfg["location_km"][0]:
            wrong.append("location")
    if isinstance(gold.get("location"), dict):
        g_loc, p_loc = gold["location"], pred.get("location") or {}
        if "iso3" in g_loc or "country" in g_loc:
            key = "iso3" if g_loc.get("iso3") else "country"
            check("country", (g_loc.get(key) or None) == (p_loc.get(key) or None))
        if "admin1" in g_loc:
            check("admin1", same_province(g_loc["admin1"], p_loc.get("admin1"), p_loc.get("iso3") or g_loc.get("iso3")))
        if g_xy is None and "name" in g_loc:  # no coordinates to measure: the place's name, at least
            check("location_name", _same_name(g_loc["name"], p_loc.get("name")))
    figure = fatality_figure(gold)
    if figure is not None:
        err = abs(_killed(gold, figure) - _killed(pred, figure))
        scores.fatality_errors.append(err)
        scores.fatalities_compared_on[figure] = scores.fatalities_compared_on.get(figure, 0) + 1
        check("fatalities", err == 0)
    if _scores_interaction(gold):
        check("interaction", inter_pair(gold) == inter_pair(pred))
    for key in ("actor1", "actor2"):
        if key in gold and (gold[key] is None or "name" in gold[key]):
            check(key, _name(gold[key]) == _name(pred.get(key)))
    if "claimed_by" in gold:
        norm = lambda names: sorted(" ".join(str(n).split()).casefold() for n in (names or []))
        check("claimed_by", norm(gold["claimed_by"]) == norm(pred.get("claimed_by")))
    if "mode" in gold:
        check("mode", gold["mode"] == pred.get("mode", "reported"))
    return wrong


def badness(outcome: Outcome) -> float:
    """How wrong a case is, for ranking the worst first (weights in data/evaluation.json)."""
    w = settings()["error_weights"]
    if outcome.kind == "missed":
        return w["missed"]
    if outcome.kind == "false positive":
        return w["false_positive"]
    total = 0.0
    for name in outcome.wrong:
        if name == "location":
            d = km_between(*coordinates(outcome.gold), *coordinates(outcome.pred))
            total += min(w["location_cap"], w["location_per_100km"] * d / 100)
        elif name == "fatalities":
            figure = fatality_figure(outcome.gold) or "best"
            err = abs(_killed(outcome.gold, figure) - _killed(outcome.pred, figure))
            total += min(w["fatalities_cap"], w["fatalities_per_death"] * err)
        else:
            total += w.get(name, 1.0)
    return round(total, 3)


def score_cases(cases: Iterable[Case], skipped: list[Skipped] | None = None, gazetteer=None) -> Scores:
    """Pair and score every case. With a gazetteer, provinces are compared as places
    rather than as spellings."""
    scores = Scores(skipped=list(skipped or []))
    same_province = SameProvince(gazetteer)
    for case in cases:
        scores.reports += 1
        pairs, missed, extra = pair_events(case.gold, case.pred)
        scores.tp += len(pairs)
        scores.fn += len(missed)
        scores.fp += len(extra)
        for i, j in pairs:
            g, p = case.gold[i], case.pred[j]
            outcome = Outcome(case.article_id, case.text, g, p, wrong=compare(g, p, scores, same_province))
            _confuse(scores, g.get("event_type", "(not coded)"), p.get("event_type") or "(none)")
            scores.outcomes.append(outcome)
        for i in missed:
            scores.outcomes.append(Outcome(case.article_id, case.text, case.gold[i], None, wrong=["missed"]))
            _confuse(scores, case.gold[i].get("event_type", "(not coded)"), "(missed)")
        for j in extra:
            mode = case.pred[j].get("mode") or "reported"
            scores.fp_by_mode[mode] = scores.fp_by_mode.get(mode, 0) + 1
            scores.outcomes.append(Outcome(case.article_id, case.text, None, case.pred[j], wrong=["false_positive"]))
            _confuse(scores, "(no gold event)", case.pred[j].get("event_type") or "(none)")
    for outcome in scores.outcomes:
        outcome.badness = badness(outcome)
    return scores


def _confuse(scores: Scores, gold_type: str, pred_type: str) -> None:
    row = scores.confusion.setdefault(gold_type, {})
    row[pred_type] = row.get(pred_type, 0) + 1


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None
