"""The fourteenth development set (tests/devset14/): 40 short reports (wire stories and local-paper items) written
for strife in real places of 26 countries and coded by hand by the coding guide before strife was run on them. Its
weight is on protests and riots and the traps around them, where strife codes more events than a coder would:
protests announced, threatened, banned or called off, a union that vowed to continue, a sit-in's third day, one
protest told twice, a march through several districts of one city, protests the same day in distant cities (one
event each), protests recalled as background, an anniversary rally, an election campaign rally (no protest), a
counter-demonstration, a hunger strike, an online petition, a funeral procession turned protest, a protest at an
embassy, intervention against excessive force and violent demonstrations against mob violence. It must pass the
development set's consistency checks (imported from tests/test_devset.py and run here with `folder` pointing at
devset14) and keep its weighting. tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset14; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET14 = HERE / "devset14"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET14


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d14", 40, (60, 200))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    negatives = manifest["negatives"]
    assert 5 <= len(negatives) <= 6


def test_it_is_weighted_to_protests_and_riots(gold, manifest):
    types = Counter(g["event_type"] for g in gold)
    assert set(types) == {"Protests", "Riots"}
    subs = Counter(g["sub_event_type"] for g in gold)
    # every protest and riot sub-type, the peaceful ones most
    assert set(subs) == {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                         "Violent demonstration", "Mob violence"}
    assert subs["Peaceful protest"] >= 15 and subs["Protest with intervention"] >= 6 and subs["Violent demonstration"] >= 5
    assert sum(g["mode"] == "background" for g in gold) >= 2
    # protests and riots are coded per place: some reports hold two or more events
    per_report = Counter(g["article"]["id"] for g in gold)
    assert sum(n >= 2 for n in per_report.values()) >= 5
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    for tag in ("protest announced for a future date", "strike threatened", "strike called off", "union vowed to continue",
                "sit-in entered its third day", "one protest told twice", "march through several districts",
                "protests the same day in two distant cities", "protest recalled as background",
                "anniversary of an old massacre", "election campaign rally", "police ban on planned protest",
                "counter-demonstration", "hunger strike", "online petition", "funeral procession turned protest",
                "protest at an embassy", "mob violence", "excessive force", "protest with intervention"):
        assert tags[tag] >= 1, tag
    assert len({g["location"]["iso3"] for g in gold}) >= 15
