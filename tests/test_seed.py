"""The reference article (shared/seed) against its hand-coded gold.

strife's code knows nothing of this article; this test only checks that the general
pipeline codes it the way a trained coder did.
"""

import json
import math
import re

import pytest

from conftest import SHARED

SEED = SHARED / "seed"
pytestmark = pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="shared/seed not present")


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed(extractor):
    from strife.ingest import read_inputs
    import datetime as dt

    gold = json.loads((SEED / "gold.json").read_text())
    items = list(read_inputs([str(SEED / "article.txt")], published=dt.date.fromisoformat(gold["published"])))
    (article,) = items
    (result,) = list(extractor.extract([article]))
    return gold, article, result.events


def _matching(events, g):
    out = []
    for e in events:
        if e.mode != "reported" or e.date != g["date"] or e.location is None or e.location.lat is None:
            continue
        if km(e.location.lat, e.location.lon, g["lat"], g["lon"]) <= g["max_km"]:
            out.append(e)
    return out


def test_both_required_events_are_found_once(seed):
    gold, _, events = seed
    for g in gold["required"]:
        assert len(_matching(events, g)) == 1, g["key"]


def test_required_events_fields(seed):
    gold, _, events = seed
    for g in gold["required"]:
        (e,) = _matching(events, g)
        acceptable = [tuple(t) for t in g.get("acceptable_types", [])] + [(g["event_type"], g["sub_event_type"])]
        assert (e.event_type, e.sub_event_type) in acceptable, g["key"]
        assert e.location.admin1 == g["admin1"] and e.location.iso3 == g["iso3"], g["key"]
        assert e.location.country == g["country"]
        assert e.fatalities is not None and e.fatalities.best == g["fatalities_best"], g["key"]
        if "fatalities_acceptable" in g:
            assert e.fatalities.low in g["fatalities_acceptable"]
        assert e.injuries is not None and e.injuries.best == g["injuries_best"], g["key"]
        assert set(e.weapons) == set(g["weapons"]), g["key"]
        if g["claimed_by"]:
            assert any(g["claimed_by"] in c for c in e.claimed_by)
            assert g["actor_perpetrator"] in e.actor1.name and e.actor1.inter == 2
        else:
            assert e.claimed_by == []
            assert e.actor1.name == f"Unidentified Armed Group ({g['country']})"
        # every filled field cites the text
        fields = {ev.field for ev in e.evidence if ev.start is not None}
        assert {"date", "location", "fatalities", "event_type", "weapons"} <= fields, g["key"]


def test_mach_attack_breakdown_and_disputes(seed):
    gold, _, events = seed
    g = gold["required"][0]
    (e,) = _matching(events, g)
    assert e.actor2.name == "Military Forces of Pakistan" and e.actor2.inter == 1
    groups = {x.group: x.n for x in e.fatalities_by_group}
    assert groups.get("security forces") == 4 and groups.get("civilians") == 2
    assert 9 in groups.values()
    assert any("initially" in d for d in e.disputes)
    assert e.fatalities.high >= e.fatalities.best >= e.fatalities.low


def test_sibi_bombing_targets_civilians(seed):
    gold, _, events = seed
    (e,) = _matching(events, gold["required"][1])
    assert e.actor2 is not None and e.actor2.inter == 7


def test_background_strike_in_iran(seed):
    gold, _, events = seed
    g = gold["background"][0]
    found = [e for e in events if e.mode == "background" and e.location and e.location.iso3 == g["iso3"]]
    assert len(found) == 1
    (e,) = found
    assert e.date == g["date"]
    assert (e.event_type, e.sub_event_type) == (g["event_type"], g["sub_event_type"])
    assert e.actor1.name == "Military Forces of Pakistan" and e.actor1.inter == 8
    assert e.fatalities.best == g["fatalities_best"]


def test_must_not(seed):
    gold, article, events = seed
    text = article.text
    assert all(e.date is None or e.date.startswith("2024") for e in events)
    assert all(not (e.location and e.location.name == "Quetta") for e in events)
    # nothing coded from the photo caption, page furniture or the trend paragraph
    caption = re.search(r"Open this photo.*?Images\n", text, re.S)
    trend = re.search(r"In recent years.*?\n", text)
    for e in events:
        for ev in e.evidence:
            if ev.start is None:
                continue
            for span in (caption, trend):
                assert not (span.start() <= ev.start < span.end()), (e.event_type, ev)
    # the reported incidents are exactly the two required ones
    assert len([e for e in events if e.mode == "reported"]) == 2


def test_evidence_quotes_are_the_text(seed):
    _, article, events = seed
    for e in events:
        for ev in e.evidence:
            if ev.start is not None:
                assert article.text[ev.start : ev.end] == ev.quote
