"""The sixteenth development set (tests/devset16/): 45 wire-length reports (a lead, a second source's figures, a
background paragraph) written for strife in real places of 25 countries and coded by hand by the coding guide before
strife was run on them. It is shaped like an ACLED feed: its events are in ACLED's proportions (about a third
battles, a fifth violence against civilians, a sixth explosions/remote violence, a fifth protests and riots, a tenth
strategic developments), weighted to Latin America, Pakistan, Myanmar, Mindanao, the Sahel, Sudan, eastern Congo and
Cabo Delgado, with sources that disagree on the toll, claimed and denied attacks and every date idiom of the wire. It
must pass the development set's consistency checks (imported from tests/test_devset.py and run here with `folder`
pointing at devset16) and keep that shape. tests/test_devset_regression.py holds strife's figures on it above its
floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset16; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET16 = HERE / "devset16"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET16


def test_reports_are_wire_stories(reports):
    check_numbered_reports(reports, "d16", 45, (80, 200))


def test_it_has_negatives(manifest):
    assert 4 <= len(manifest["negatives"]) <= 6


def test_it_is_shaped_like_an_acled_feed(gold):
    types = Counter(g["event_type"] for g in gold)
    share = {t: n / len(gold) for t, n in types.items()}
    assert 0.30 <= share["Battles"] <= 0.40
    assert 0.15 <= share["Violence against civilians"] <= 0.25
    assert 0.12 <= share["Explosions/Remote violence"] <= 0.20
    assert 0.15 <= share.get("Protests", 0) + share.get("Riots", 0) <= 0.25
    assert 0.07 <= share["Strategic developments"] <= 0.13


def test_it_is_weighted_to_the_regions_other_sets_cover_less(gold):
    countries = Counter(g["location"]["iso3"] for g in gold)
    assert len(countries) >= 25
    focus = {"MEX", "COL", "BRA", "HTI", "ECU", "PAK", "MMR", "PHL", "BFA", "MLI", "NER", "SDN", "COD", "MOZ"}
    assert focus <= set(countries)
    assert sum(countries[c] for c in focus) >= 0.6 * len(gold)
    pakistan = {g["location"]["admin1"] for g in gold if g["location"]["iso3"] == "PAK"}
    assert pakistan >= {"Balochistan", "Khyber Pakhtunkhwa"}


def test_its_sources_disagree_and_its_idioms_vary(gold, manifest):
    # most tolls come with a second figure, as wire stories give them
    tolls = [g["fatalities"] for g in gold if g["fatalities"] is not None]
    assert sum(f["low"] < f["high"] for f in tolls) >= 15
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    assert tags["claimed attack"] >= 6 and tags["denied attack"] >= 1 and tags["conflicting claims"] >= 15
    assert tags["toll that rises"] >= 2 and tags["background incident"] >= 1 and tags["year boundary"] >= 1
    dates = {d.lower() for p in manifest["phenomena"].values() for d in p["date_idiom"]}
    assert {"overnight", "two days ago", "earlier this week", "on jan. 4", "late saturday"} <= dates
    assert any(g["mode"] == "background" for g in gold)
    assert any(g["time_precision"] == 2 for g in gold)
