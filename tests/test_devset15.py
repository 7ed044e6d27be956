"""The fifteenth development set (tests/devset15/): 40 short reports (wire stories and local-paper items) written
for strife in real places of 36 countries and coded by hand by the coding guide before strife was run on them. Its
weight is on protests and riots told alongside other news, where an automated coder codes events a coder would not:
the aftermath of attacks and disasters (mourners, vigils, funerals, residents in the streets, angry crowds), protests
told by a police or government statement, several towns in one sentence, nationwide strikes with rallies, protests
"continuing across the country", protests as the reason or context of a political, economic or court story,
commemorations, a shutdown, ongoing sit-ins, online campaigns, planned protests and threats; with real protests and
riots of every sub-type among them. It must pass the development set's consistency checks (imported from
tests/test_devset.py and run here with `folder` pointing at devset15) and keep its weighting.
tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset15; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET15 = HERE / "devset15"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET15


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d15", 40, (60, 180))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    negatives = manifest["negatives"]
    assert 6 <= len(negatives) <= 9


def test_it_is_weighted_to_protests_told_alongside_other_news(gold, manifest):
    types = Counter(g["event_type"] for g in gold)
    assert types["Protests"] + types["Riots"] >= 0.85 * len(gold)
    subs = Counter(g["sub_event_type"] for g in gold)
    # every protest and riot sub-type
    assert {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
            "Violent demonstration", "Mob violence"} <= set(subs)
    assert subs["Peaceful protest"] >= 15 and subs["Protest with intervention"] >= 5 and subs["Violent demonstration"] >= 4
    assert sum(g["mode"] == "background" for g in gold) >= 4
    # protests are coded per place: several reports hold three events told in one sentence
    per_report = Counter(g["article"]["id"] for g in gold)
    assert sum(n >= 3 for n in per_report.values()) >= 4
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    for tag in ("disaster aftermath", "mourners", "vigil with a demand", "vigil of mourning only", "funeral (no event)",
                "residents took to the streets", "crowd at the scene (no protest)", "angry crowd is a protest", "angry crowd",
                "police statement gathering illegal", "government statement gathering illegal", "riot reported by a ministry",
                "no protest took place", "ministry measure after a protest", "several cities in one sentence",
                "nationwide strike with rallies", "protests continued across the country", "minister resigned after weeks of protests",
                "court freed protesters", "law passed despite protests", "protesters' demands negotiated", "protest in an economic story",
                "commemoration", "anniversary march with a demand", "strike without gathering", "sit-in entered its second week",
                "online campaign", "planned protests", "protest threat", "excessive force", "violent demonstration",
                "mob violence", "protest with intervention"):
        assert tags[tag] >= 1, tag
    assert len({g["location"]["iso3"] for g in gold}) >= 20
