"""The twenty-first development set (tests/devset21/): 40 short reports (wire stories and ACLED-style coder notes)
written for strife in real places of Latin America, the Middle East, the Caucasus and Central Asia and Europe, coded
by hand by the coding guide before strife was run on them. Its weight is on the hardest fields: fatalities
(conflicting claims from two sides, "at least", "dozens", "more than 10", a toll revised in a correction, tolls that
rose as bodies were found, dead including the attackers, wounded only, a cumulative weekly toll that is no event) and
dates (late on a weekday, overnight one day into the next, "on the 14th", "last week", "earlier this month",
day-month-year and month-day forms, a dateline date, an event of the previous year), with every sub-event type of
battles, explosions/remote violence and violence against civilians, a few strategic developments and 6 negatives.
It must pass the development set's consistency checks (imported from tests/test_devset.py and run here with
`folder` pointing at devset21) and keep its weighting. tests/test_devset_regression.py holds strife's figures on it
above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset21; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET21 = HERE / "devset21"
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET21


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d21", 40, (40, 120))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    assert 6 <= len(manifest["negatives"]) <= 8


def test_it_covers_every_violent_sub_type(gold, taxonomy):
    subs = {g["sub_event_type"] for g in gold}
    violent = {sub for sub, (event_type, _) in taxonomy.items() if event_type in VIOLENT}
    assert violent and violent <= subs, violent - subs
    assert {"Arrests", "Looting/property destruction", "Non-violent transfer of territory"} <= subs


def test_it_is_weighted_to_fatalities_and_dates(gold, manifest, reports):
    tolls = [g["fatalities"] for g in gold if g["fatalities"] is not None]
    # conflicting claims: several events whose high is above best or best above low
    assert sum(t["high"] > t["best"] or t["best"] > t["low"] for t in tolls) >= 5
    assert sum(t["best"] == 0 for t in tolls) >= 5  # reported zero tolls (wounded only, no one hurt)
    assert sum(g["fatalities"] is None for g in gold) >= 4  # no toll told
    assert sum(bool(g["disputes"]) for g in gold) >= 6
    assert {g["time_precision"] for g in gold} >= {1, 2, 3}
    published = {r["id"]: r["published"] for r in reports}
    assert any(g["date"][:4] < published[g["article"]["id"]][:4] for g in gold)  # an event of the previous year
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    for tag in ("conflicting claims from two sides", "toll revised in a correction", "dead include the attackers",
                "wounded only", "bodies found later", "cumulative weekly toll is not one event", "event in the previous year"):
        assert tags[tag] >= 1, tag
    idioms = Counter(t for p in manifest["phenomena"].values() for t in p["date_idiom"])
    for idiom in ("late on Tuesday", "overnight Saturday into Sunday", "on the 14th", "last week", "earlier this month",
                  "day-month-year", "dateline date"):
        assert idioms[idiom] >= 1, idiom
    assert len({g["location"]["iso3"] for g in gold}) >= 20

