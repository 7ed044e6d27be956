"""One incident, one event: is a report's event an incident already known, and what do all
the reports of one incident say together?

Two jobs, both pure functions over records (the store only calls them):
- `match(report, known)` scores a pair and explains the score field by field, as a coder
  would justify merging two reports (same day, same town, same kind of attack, same group).
- `merged_record(kept_id, reports)` derives an event's fields from every report of it,
  deterministically: tolls as low/best/high across outlets, a later figure from one outlet
  superseding its earlier one, the most precise place, disputes saying who said what.

Weights, windows and thresholds are data (`strife/data/merge.json`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from strife.geo.distance import km_between
from strife.record import Count, Event, Evidence, Location, SourceRef


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return json.loads(resources.files("strife.data").joinpath("merge.json").read_text(encoding="utf-8"))


# --- matching ---------------------------------------------------------------------------------


@dataclass
class Feature:
    score: float  # -1 disagree .. 1 agree
    weight: float
    why: str


@dataclass
class Match:
    """The verdict on one pair, with the reasons a reader can check."""

    score: float
    matched: bool
    features: dict[str, Feature] = field(default_factory=dict)
    veto: Optional[str] = None
    known_id: Optional[str] = None
    against: Optional[str] = None  # the known event's report (article id) it was scored against
    threshold: Optional[float] = None  # the threshold this pair had to reach (stricter without a place or a date)

    @property
    def agreed(self) -> list[str]:
        return [name for name, f in self.features.items() if f.score > 0]

    @property
    def disagreed(self) -> list[str]:
        return [name for name, f in self.features.items() if f.score < 0]

    def explain(self) -> dict[str, Any]:
        return {
            "known_id": self.known_id,
            "against": self.against,
            "score": round(self.score, 3),
            "threshold": self.threshold if self.threshold is not None else rules()["threshold"],
            "matched": self.matched,
            "veto": self.veto,
            "agreed": self.agreed,
            "disagreed": self.disagreed,
            "fields": {n: {"score": round(f.score, 3), "weight": f.weight, "why": f.why} for n, f in self.features.items()},
        }


class Veto(Exception):
    pass


def match(report: Event, known: Event, known_id: str | None = None) -> Match:
    """Is `report` the incident `known` describes? Features both records inform are scored and
    averaged by weight; a hard contradiction (other country, dates too far apart, another
    kind of event, places far apart) is a veto."""
    cfg = rules()
    features: dict[str, Feature] = {}
    try:
        _check_modes(report, known, cfg)
        across = _cross_family(report, known, cfg)
        for name, scorer in _SCORERS.items():
            if across is not None and name == "actors":
                # Each type codes other parties as actor1 (the protesters of a protest are
                # the victims of its bombing): across families actors are not comparable.
                continue
            found = scorer(report, known, cfg)
            if found is not None:
                score, why = found
                features[name] = Feature(score, cfg["weights"][name], why)
        if across is not None and not _linked(features, report, known):
            raise Veto(f"event types of different families ({report.event_type} / {known.event_type}) "
                       f"with nothing in common to link them (no shared target, site, weapon or named actor)")
    except Veto as veto:
        return Match(0.0, False, features, veto=str(veto), known_id=known_id)
    total = sum(f.weight for f in features.values())
    score = sum(f.score * f.weight for f in features.values()) / total if total else 0.0
    if "date" not in features:
        # A date is the least a coder needs to call two reports one incident, unless all
        # else agrees strongly: the same town, the same family of events, the same actors.
        undated = _undated_unmatchable(report, known, features, cfg)
        if undated is not None:
            return Match(score, False, features, veto=undated, known_id=known_id)
        threshold = cfg["threshold_undated"]
    else:
        # Without a place to compare, the rest must agree more strongly.
        threshold = cfg["threshold"] if "place" in features else cfg["threshold_without_place"]
    return Match(score, score >= threshold, features, known_id=known_id, threshold=threshold)


def _undated_unmatchable(a: Event, b: Event, features: dict[str, Feature], cfg) -> str | None:
    """Why a pair without a date to compare cannot be one incident; None when it may be."""
    if not a.date and not b.date:
        return "no date to compare: neither report dates its event"
    town = cfg["undated_max_geo_precision"]
    for loc in (a.location, b.location):
        if loc is None or loc.geo_precision is None or loc.geo_precision > town:
            return "no date to compare, and the places are not both towns"
    if "place" not in features or features["place"].score < cfg["place_scores"]["same"]:
        return "no date to compare, and the places are not the same town"
    if "family" not in features or features["family"].score <= 0:
        return "no date to compare, and the event types are not of one family"
    if "actors" not in features or features["actors"].score < cfg["undated_min_actors_score"]:
        return "no date to compare, and the actors do not agree"
    return None


def _linked(features: dict[str, Feature], a: Event, b: Event) -> bool:
    """Something that ties two codings of different families to one incident: a target, a
    site or a weapon in common, or a named group both name, whatever its role in each."""
    if any(name in features and features[name].score > 0 for name in ("targets", "site", "weapons")):
        return True
    named = lambda e: {_norm(x.name) for x in (e.actor1, e.actor2) if x is not None and not is_generic(x.name)}
    return bool(named(a) & named(b))


def _check_modes(a: Event, b: Event, cfg) -> None:
    allowed = cfg["mergeable_modes"]
    if a.mode not in allowed or b.mode not in allowed:
        raise Veto(f"mode {a.mode} / {b.mode}: only {', '.join(allowed)} events merge")


def _date_score(a: Event, b: Event, cfg):
    if not a.date or not b.date:
        return None
    try:
        da, db = dt.date.fromisoformat(a.date), dt.date.fromisoformat(b.date)
    except ValueError:
        return None
    gap = _day_gap(a, b, da, db)
    precision = str(max(a.time_precision or 1, b.time_precision or 1))
    window = cfg["date_window_days"].get(precision, max(cfg["date_window_days"].values()))
    if gap == 0:
        return 1.0, f"same day ({a.date})" if da == db else "overlapping days"
    if gap > window:
        raise Veto(f"dates {a.date} and {b.date} are {gap} days apart (window {window} at time_precision {precision})")
    edge = cfg["date_score_at_window_edge"]
    return 1.0 - (gap / window) * (1.0 - edge), f"{gap} day(s) apart, window {window}"


def _day_gap(a: Event, b: Event, da: dt.date, db: dt.date) -> int:
    """Days between two events' spans (0 when they overlap)."""
    ea = _end(a, da)
    eb = _end(b, db)
    if da <= eb and db <= ea:
        return 0
    return (db - ea).days if db > ea else (da - eb).days


def _end(event: Event, start: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(event.date_end) if event.date_end else start
    except ValueError:
        return start


def _place_score(a: Event, b: Event, cfg):
    la, lb = a.location, b.location
    if la is None or lb is None:
        return None
    if la.iso3 and lb.iso3 and la.iso3.upper() != lb.iso3.upper():
        raise Veto(f"countries differ ({la.iso3} / {lb.iso3})")
    scores, km = cfg["place_scores"], cfg["place_km"]
    inside = _containment(la, lb)
    if inside and inside[0] == "inside_country":
        # A report that names only the country says nothing about where in it: as if no
        # place were given (the stricter threshold applies).
        return None
    if la.lat is not None and lb.lat is not None and la.lon is not None and lb.lon is not None:
        d = km_between(la.lat, la.lon, lb.lat, lb.lon)
        if d <= km["same"]:
            return scores["same"], f"{d:.0f} km apart ({la.name} / {lb.name})"
        if inside:
            return scores[inside[0]], inside[1]
        if la.geo_precision == 1 and lb.geo_precision == 1 and _norm(la.name or "") != _norm(lb.name or ""):
            # Two named towns: nearby is not the same; a coder codes an event per town.
            return scores["other_town"], f"two towns {d:.0f} km apart ({la.name} / {lb.name})"
        if d > km["veto"]:
            raise Veto(f"places {d:.0f} km apart ({la.name} / {lb.name})")
        if d <= km["near"]:
            share = (d - km["same"]) / (km["near"] - km["same"])
            return scores["same"] + share * (scores["near_edge"] - scores["same"]), f"{d:.0f} km apart ({la.name} / {lb.name})"
        if la.admin1 and lb.admin1 and _norm(la.admin1) != _norm(lb.admin1):
            return scores["other_admin1"], f"{d:.0f} km apart, provinces {la.admin1} / {lb.admin1}"
        return scores["far"], f"{d:.0f} km apart ({la.name} / {lb.name})"
    if inside:
        return scores[inside[0]], inside[1]
    if la.name and lb.name and _norm(la.name) == _norm(lb.name):
        return scores["same"], f"same place name {la.name}"
    if la.admin1 and lb.admin1 and _norm(la.admin1) != _norm(lb.admin1):
        return scores["other_admin1"], f"provinces {la.admin1} / {lb.admin1}"
    return None


def _containment(la: Location, lb: Location) -> tuple[str, str] | None:
    """('inside_admin2' | 'inside_admin1', why) when one place is the district or province of
    the other: a village report and a district report of one incident."""
    for vague, precise in ((la, lb), (lb, la)):
        # Only a place coded as a region contains another: the city of Idlib (a town,
        # precision 1) does not contain Ariha, though both lie in Idlib province.
        if not vague.name or (vague.geo_precision or 3) < 2:
            continue
        name = _norm(vague.name)
        # A town named as its province (Arauca in Arauca) lies in it: the vaguer record is
        # the region, the other a town.
        other = _norm(precise.name or "") != name or (precise.geo_precision or 3) < (vague.geo_precision or 3)
        if precise.country and name == _norm(precise.country) and _norm(precise.name or "") != name:
            return "inside_country", f"{precise.name} lies in {vague.name}"
        if precise.admin2 and name == _norm(precise.admin2) and other:
            return "inside_admin2", f"{precise.name} lies in {vague.name} district"
        if precise.admin1 and name == _norm(precise.admin1) and other:
            return "inside_admin1", f"{precise.name} lies in {vague.name} province"
    return None


def _family_score(a: Event, b: Event, cfg):
    if not a.event_type or not b.event_type:
        return None
    scores = cfg["family_scores"]
    if a.event_type == b.event_type:
        if a.sub_event_type and a.sub_event_type == b.sub_event_type:
            return scores["same_sub_event_type"], f"both {a.sub_event_type}"
        return scores["same_event_type"], f"both {a.event_type} ({a.sub_event_type} / {b.sub_event_type})"
    fa, fb = family_of(a.event_type), family_of(b.event_type)
    if fa is not None and fa == fb:
        return scores["same_family"], f"{a.event_type} / {b.event_type}: both {fa}"
    across = _cross_family(a, b, cfg)
    if across is not None:
        return scores["compatible_families"], f"{a.event_type} / {b.event_type}: {across}"
    raise Veto(f"event types of different families ({a.event_type} / {b.event_type})")


def _cross_family(a: Event, b: Event, cfg) -> str | None:
    """Why two codings in different families may be one incident told differently (the
    entry of `cross_family` they fit), or None: same family, or incompatible."""
    if not a.event_type or not b.event_type:
        return None
    fa, fb = family_of(a.event_type), family_of(b.event_type)
    if fa is not None and fa == fb:
        return None
    fits = lambda e, side: e.event_type == side["event_type"] and side.get("sub_event_type") in (None, e.sub_event_type)
    for entry in cfg["cross_family"]:
        if (fits(a, entry["a"]) and fits(b, entry["b"])) or (fits(a, entry["b"]) and fits(b, entry["a"])):
            return entry["why"]
    return None


def family_of(event_type: str) -> str | None:
    for family, types in rules()["families"].items():
        if event_type in types:
            return family
    return None


def _actors_score(a: Event, b: Event, cfg):
    pairs = [(a.actor1, b.actor1), (a.actor2, b.actor2)]
    swapped = [(a.actor1, b.actor2), (a.actor2, b.actor1)]

    def side(pairs):
        found = [(_actor_pair(x, y, cfg), x, y) for x, y in pairs if x is not None and y is not None]
        return found

    direct, other = side(pairs), side(swapped)
    if not direct and not other:
        return None
    mean = lambda found: sum(s for s, _, _ in found) / len(found) if found else -2.0
    best = direct if mean(direct) >= mean(other) else other
    why = "; ".join(f"{x.name} / {y.name}" for _, x, y in best)
    return mean(best), why


def _actor_pair(x, y, cfg) -> float:
    scores = cfg["actor_scores"]
    gx, gy = is_generic(x.name), is_generic(y.name)
    # A generic name carries the country of the report's place, or "International" when the
    # report placed nothing: "Civilians (International)" and "Civilians (Nigeria)" are one.
    bare = lambda name: re.sub(r"\s*\([^)]*\)$", "", name) if is_generic(name) else name
    if _norm(bare(x.name)) == _norm(bare(y.name)):
        return scores["same_generic"] if gx else scores["same_named"]
    if gx != gy:
        return scores["named_vs_generic"]
    if x.inter is not None and x.inter == y.inter:
        return scores["same_inter"]
    return scores["different"]


def is_generic(name: str) -> bool:
    return any(name.startswith(prefix) for prefix in rules()["generic_actor_prefixes"])


def _fatalities_score(a: Event, b: Event, cfg):
    if a.fatalities is None or b.fatalities is None:
        return None
    x, y = a.fatalities.best, b.fatalities.best
    scores, tol = cfg["count_scores"], cfg["count_tolerance"]
    if x == y:
        return scores["equal"], f"both {x} killed"
    small, big = sorted((x, y))
    if big - small <= tol["absolute"] or (small > 0 and big / small <= tol["ratio"]):
        return scores["compatible"], f"{x} / {y} killed: within tolerance"
    return scores["incompatible"], f"{x} / {y} killed: too far apart"


def _targets_score(a: Event, b: Event, cfg):
    ta, tb = _words(a.targets, cfg), _words(b.targets, cfg)
    if not ta or not tb:
        return None
    common = ta & tb
    if common:
        return cfg["target_scores"]["overlap"], f"targets share {', '.join(sorted(common))}"
    return cfg["target_scores"]["none"], f"targets differ ({', '.join(a.targets)} / {', '.join(b.targets)})"


def _site_score(a: Event, b: Event, cfg):
    """The kinds of site the targets are: a mosque and a market are two places, whatever
    else the reports share."""
    sa, sb = _sites(a, cfg), _sites(b, cfg)
    if not sa or not sb:
        return None
    if sa & sb:
        return cfg["site_scores"]["same"], f"both at a {', '.join(sorted(sa & sb))}"
    return cfg["site_scores"]["different"], f"different sites ({', '.join(sorted(sa))} / {', '.join(sorted(sb))})"


def _sites(event: Event, cfg) -> set[str]:
    """The kinds of site of the event's targets; when the record names no target, those its
    own sentence names (a bomb 'inside a mosque' is at a mosque, even when the extraction
    took no target from it)."""
    kinds = lambda words: {kind for kind, nouns in cfg["sites"].items() if words & {_singular(n, cfg) for n in nouns}}
    if event.targets:
        return kinds(_words(event.targets, cfg))
    sentence = " ".join(e.quote for e in event.evidence if e.field == "mode" and e.quote)
    # The weapon is no site: the car of 'a car bomb exploded' is not a vehicle attacked.
    for weapon in sorted({e.quote for e in event.evidence if e.field == "weapons" and e.quote} | set(event.weapons), key=len, reverse=True):
        sentence = re.sub(re.escape(weapon), " ", sentence, flags=re.IGNORECASE)
    return kinds(_words([sentence], cfg))


def _weapons_score(a: Event, b: Event, cfg):
    wa, wb = _words(a.weapons, cfg), _words(b.weapons, cfg)
    if not wa or not wb:
        return None
    scores = cfg["weapon_scores"]
    ka, kb = _weapon_kinds(a, cfg), _weapon_kinds(b, cfg)
    if ka and kb:
        # Canonical weapon names: compare kinds, not words ('car bomb' and 'suicide bombers'
        # share no word but both are bombs; 'roadside bomb' and 'car bomb' share 'bomb' yet
        # are two devices).
        common = ka & kb
        if common:
            return scores["overlap"], f"weapons of one kind ({', '.join(sorted(common))})"
        generic, explosive = set(cfg["generic_weapon_kinds"]), set(cfg["explosive_weapon_kinds"])
        if (ka & generic and kb <= explosive) or (kb & generic and ka <= explosive):
            return scores["same_kind"], f"a bomb and a kind of bomb ({', '.join(a.weapons)} / {', '.join(b.weapons)})"
        return scores["different_kinds"], f"weapons of different kinds ({', '.join(a.weapons)} / {', '.join(b.weapons)})"
    common = wa & wb
    if common:
        return scores["overlap"], f"weapons share {', '.join(sorted(common))}"
    return scores["none"], f"weapons differ ({', '.join(a.weapons)} / {', '.join(b.weapons)})"


def _weapon_kinds(event: Event, cfg) -> set[str]:
    kinds = set()
    for weapon in event.weapons:
        kinds |= {kind for kind, names in cfg["weapon_kinds"].items() if weapon.lower() in names}
    return kinds


def _time_of_day_score(a: Event, b: Event, cfg):
    """A blast in the morning and another in the evening of one day are two incidents;
    only asked of reports of one day, since a time of day of another day says nothing."""
    if not a.date or a.date != b.date:
        return None
    ta, tb = time_of_day(a), time_of_day(b)
    if ta is None or tb is None:
        return None
    scores = cfg["time_of_day_scores"]
    if ta == tb:
        return scores["same"], f"both in the {ta}"
    if [ta, tb] in cfg["neighbouring_times"] or [tb, ta] in cfg["neighbouring_times"]:
        return scores["neighbouring"], f"{ta} / {tb}: neighbouring times of day"
    return scores["distinct"], f"{ta} / {tb}: distinct times of day"


def time_of_day(event: Event) -> str | None:
    """The time of day the event's own sentence gives (the first one it names), or None."""
    text = event_sentence(event)
    found = []
    for name, patterns in rules()["times_of_day"]:
        for pattern in patterns:
            hit = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
            if hit:
                found.append((hit.start(), name))
    return min(found)[1] if found else None


def _sequel_score(a: Event, b: Event, cfg):
    """One report says its event came after another ('a second blast', 'a day after',
    'in retaliation'), the other says no such thing: two incidents, the later and the
    earlier. Both saying it (two reports of the second blast) says nothing."""
    sa, sb = sequel_marker(a, b), sequel_marker(b, a)
    if (sa is None) == (sb is None):
        return None
    return cfg["sequel_scores"]["one_sided"], f"one report tells of a later incident ('{sa or sb}')"


def sequel_marker(event: Event, other: Event | None = None) -> str | None:
    """The words of the event's sentence that tell it followed another incident. A marker
    of a later day ('a day after') counts only when the event is dated after `other`'s: a
    report of the toll 'a day after the blast' still dates the blast."""
    text = event_sentence(event)
    markers = rules()["sequel_markers"]
    for pattern in markers["any_day"]:
        hit = re.search(pattern, text, re.IGNORECASE)
        if hit:
            return hit.group(0)
    if other is None or not event.date or not other.date or event.date <= other.date:
        return None
    for pattern in markers["later_day"]:
        hit = re.search(pattern, text, re.IGNORECASE)
        if hit:
            return hit.group(0)
    return None


def event_sentence(event: Event) -> str:
    """The words the event was coded from: the quotes of its evidence for its mode (the
    sentence of the trigger) and its date. Not its notes, which may tell of other events."""
    return " ".join(e.quote for e in event.evidence if e.field in ("mode", "date") and e.quote)


_SCORERS = {
    "date": _date_score,
    "place": _place_score,
    "family": _family_score,
    "actors": _actors_score,
    "fatalities": _fatalities_score,
    "targets": _targets_score,
    "weapons": _weapons_score,
    "site": _site_score,
    "time_of_day": _time_of_day_score,
    "sequel": _sequel_score,
}


def _words(phrases: list[str], cfg) -> set[str]:
    stop = set(cfg["target_stopwords"])
    words = set()
    for phrase in phrases:
        for w in re.findall(r"[a-z]+", phrase.lower()):
            if w not in stop:
                words.add(_singular(w, cfg))
    return words


def _singular(word: str, cfg) -> str:
    word = cfg["target_synonyms"].get(word, word)
    # Plural and singular are one target ("markets", "market"); "bombers" is "bomb".
    return re.sub(r"(er)?s$", "", word) if len(word) > 4 else word


def _norm(name: str) -> str:
    return re.sub(r"\s+(district|province|region|state|division|city)$", "", name.strip().lower())




def candidate_window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days a known event must touch to be worth scoring against `event`; None when the
    event has no date (see `candidate_town` for what an undated report may match)."""
    if not event.date:
        return None
    try:
        start = dt.date.fromisoformat(event.date)
    except ValueError:
        return None
    end = _end(event, start)
    # The known event may be vaguer than this one, so its window may be the widest.
    days = max(rules()["date_window_days"].values())
    return start - dt.timedelta(days=days), end + dt.timedelta(days=days)


def candidate_town(event: Event) -> tuple[str, str] | None:
    """(iso3, place name) when the event is placed at town level: an undated report may be
    scored against the known events of its town (and a dated one against the undated events
    of its town), since only the same town, family and actors can justify such a match."""
    loc = event.location
    if loc is None or not loc.iso3 or not loc.name or loc.geo_precision is None:
        return None
    if loc.geo_precision > rules()["undated_max_geo_precision"]:
        return None
    return loc.iso3.upper(), loc.name


# --- the merged record ------------------------------------------------------------------------


@dataclass
class Report:
    """One report's own record of an event, with what orders it among the others."""

    article_id: str
    record: Event
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    seq: int = 0  # ingest order, breaking ties of publication

    @property
    def order(self) -> tuple:
        return (self.published or self.record.article.published or "9999-12-31", self.seq)

    @property
    def who(self) -> str:
        return self.outlet or self.article_id

    def source_ref(self) -> SourceRef:
        r = self.record
        # The store knows the report by its row: its id, URL, outlet and publication date.
        return SourceRef.of_event(
            r,
            article_id=self.article_id,
            url=self.url or r.article.url,
            source=self.outlet,
            published=self.published or r.article.published,
            event_id=r.id,
        )


COUNTED = ("fatalities", "injuries", "abducted", "arrested")


def merged_record(kept_id: str, reports: list[Report], merged_from: list[str] | None = None) -> Event:
    """The event as all its reports tell it. A single report gives back its own record."""
    if not reports:
        raise ValueError("an event needs at least one report")
    ordered = sorted(reports, key=lambda r: r.order)
    first = ordered[0].record
    event = first.model_copy(deep=True)
    event.id = kept_id
    event.sources, event.revisions = [], []
    event.merged_from = list(merged_from or [])
    if len(ordered) == 1:
        return event

    records = [r.record for r in ordered]
    event.mode = "reported" if any(r.mode == "reported" for r in records) else first.mode
    dated = _pick_date(ordered)
    event.date, event.date_end, event.time_precision = dated.record.date, dated.record.date_end, dated.record.time_precision
    typed = _pick_type(ordered)
    if typed is not None:
        event.event_type, event.sub_event_type, event.disorder_type = typed
    event.actor1 = _pick_actor(ordered, "actor1") or event.actor1
    event.actor2 = _pick_actor(ordered, "actor2") or event.actor2
    for name in ("assoc_actors", "victims", "targets", "weapons", "claimed_by"):
        setattr(event, name, _union(getattr(r, name) for r in records))

    placed = _most_precise_place(ordered)
    event.location = placed.record.location if placed else event.location
    disputes = _union(r.disputes for r in records)
    borrowed: list[Evidence] = []
    if placed is not None and placed is not ordered[0]:
        borrowed += _evidence_from(placed, "location")
    for name in COUNTED:
        count, said, supplier = _combine_counts(ordered, name)
        setattr(event, name, count)
        disputes += [d for d in said if d not in disputes]
        if name == "fatalities" and supplier is not None:
            event.fatalities_by_group = list(supplier.record.fatalities_by_group)
            if supplier is not ordered[0]:
                borrowed += _evidence_from(supplier, name)
    event.disputes = disputes
    event.evidence = list(first.evidence) + borrowed
    confidences = [r.confidence for r in records if r.confidence is not None]
    event.confidence = max(confidences) if confidences else None
    return event


def _pick_date(ordered: list[Report]) -> Report:
    """The most precise date; among those, the one most reports give; then the earliest report."""
    dated = [r for r in ordered if r.record.date]
    if not dated:
        return ordered[0]
    best_precision = min(r.record.time_precision or 1 for r in dated)
    precise = [r for r in dated if (r.record.time_precision or 1) == best_precision]
    votes = Counter(r.record.date for r in precise)
    top = max(votes.values())
    return next(r for r in precise if votes[r.record.date] == top)


def _pick_type(ordered: list[Report]):
    """The coding most reports give. Among equally supported codings (one outlet saw a
    rally, another the bombing of it) the most specific: the type earliest in
    `type_specificity` (what was done, to whom, with what: a bombing before a protest, an
    attack before the looting it left), then one with a sub_event_type, then the earliest
    report's."""
    keys = [r.record.event_type and (r.record.event_type, r.record.sub_event_type, r.record.disorder_type) for r in ordered]
    votes = Counter(k for k in keys if k)
    if not votes:
        return None
    rank = {t: i for i, t in enumerate(rules()["type_specificity"])}
    first = {k: i for i, k in reversed(list(enumerate(keys))) if k}
    return min(votes, key=lambda k: (-votes[k], rank.get(k[0], len(rank)), k[1] is None, first[k]))


def _pick_actor(ordered: list[Report], side: str):
    """A named actor beats a generic one (a later report names the group); among named
    actors the one most reports give, then the earliest."""
    actors = [getattr(r.record, side) for r in ordered if getattr(r.record, side) is not None]
    if not actors:
        return None
    named = [a for a in actors if not is_generic(a.name)] or actors
    votes = Counter(a.name for a in named)
    top = max(votes.values())
    return next(a for a in named if votes[a.name] == top).model_copy(deep=True)


def _union(lists) -> list:
    out = []
    for items in lists:
        for item in items:
            if item not in out:
                out.append(item)
    return out


def _most_precise_place(ordered: list[Report]) -> Report | None:
    placed = [r for r in ordered if r.record.location is not None and r.record.location.name]
    if not placed:
        return None
    return min(placed, key=lambda r: (_place_rank(r.record.location), r.order))


def _place_rank(loc: Location) -> tuple[int, int]:
    name = _norm(loc.name or "")
    if loc.country and name == _norm(loc.country):
        level = 3
    elif loc.admin1 and name == _norm(loc.admin1):
        level = 2
    elif loc.admin2 and name == _norm(loc.admin2) and not loc.geonameid:
        level = 1
    else:
        level = 0
    return (loc.geo_precision or 3, level)


def _combine_counts(ordered: list[Report], name: str) -> tuple[Optional[Count], list[str], Optional[Report]]:
    """low/best/high across outlets, each outlet's latest figure superseding its earlier
    ones (a correction); the disputes say who said what. Returns the count, the disputes and
    the report whose figure became `best`."""
    told = [r for r in ordered if getattr(r.record, name) is not None]
    if not told:
        return None, [], None
    latest: dict[str, Report] = {}
    superseded: list[str] = []
    for r in told:  # in publication order: a later figure from one outlet replaces its earlier one
        earlier = latest.get(r.who)
        if earlier is not None and getattr(earlier.record, name).best != getattr(r.record, name).best:
            superseded.append(
                f"{name}: {r.who} first reported {getattr(earlier.record, name).best} "
                f"({earlier.published or '?'}), later {getattr(r.record, name).best} ({r.published or '?'})"
            )
        latest[r.who] = r
    current = sorted(latest.values(), key=lambda r: r.order)
    counts = [getattr(r.record, name) for r in current]
    votes = Counter(c.best for c in counts)
    top = max(votes.values())
    # The figure most outlets give; among equally supported figures the latest, as tolls
    # are revised upward as the dead are counted.
    supplier = [r for r in current if votes[getattr(r.record, name).best] == top][-1]
    best = getattr(supplier.record, name).best
    low = min(c.low for c in counts)
    high = max(c.high for c in counts)
    disputes = list(superseded)
    if len(votes) > 1:
        said = "; ".join(f"{r.who} ({r.published or '?'}): {getattr(r.record, name).best}" for r in current)
        disputes.append(f"{name} differ across reports: {said}")
    return Count(low=min(low, best), best=best, high=max(high, best)), disputes, supplier


def _evidence_from(report: Report, field_name: str) -> list[Evidence]:
    return [e.model_copy(update={"article_id": report.article_id}) for e in report.record.evidence if e.field == field_name]


TRACKED = (
    "mode", "date", "date_end", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "fatalities", "injuries", "abducted", "arrested", "claimed_by", "disputes", "merged_from",
)


def changes(old: Event | None, new: Event) -> dict[str, list]:
    """field -> [old, new] for what a revision changed (everything, for a new event)."""
    out = {}
    for name in TRACKED:
        after = _plain(getattr(new, name))
        before = _plain(getattr(old, name)) if old is not None else None
        if old is None and after in (None, []):
            continue
        if before != after:
            out[name] = [before, after]
    return out


def _plain(value):
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def matches_for(report: Event, candidates: dict[str, list[Report]]) -> list[Match]:
    """The known events (id -> their reports) that `report` matches, best first. A known
    event is scored by its report closest to this one: a village report and a district
    report of one incident are each judged against the report most like them."""
    found = []
    for known_id in sorted(candidates):
        scored = []
        for known in sorted(candidates[known_id], key=lambda r: r.order):
            m = match(report, known.record, known_id)
            scored.append((m.score if m.veto is None else -2.0, m, known.article_id))
        if not scored:
            continue
        _, best, against = max(scored, key=lambda t: t[0])
        if best.matched:
            best.against = against
            found.append(best)
    return sorted(found, key=lambda m: (-m.score, m.known_id))
