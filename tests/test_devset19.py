"""The nineteenth development set (tests/devset19/): 45 reports, mostly in ACLED's coder-note style ("On 3 February
2025, ... in X (district, province). Fatalities coded as N.", "Property destruction:", "[size=around 400]", sources
cited) and some wire items, written for strife in real places of 30 countries weighted to Africa and South and
Southeast Asia, and coded by hand by the coding guide before strife was run on them. Its weight is on the edges of
the event types (an attack against an armed clash when civilians fight back or vigilantes fight bandits, abduction
against attack, mob violence against a violent demonstration, excessive force against a protest with intervention,
shelling against an armed clash, IED and landmine against grenade, sexual violence, property destruction, government
regains territory) and on actors (militias named by their people, Fulani, Ambazonian separatists, Mai-Mai, Wagner,
Fano, RSF, JNIM, ISWAP, ISSP, NPA, ARSA, PDF, vigilantes, local officials as victims). It must pass the development
set's consistency checks (imported from tests/test_devset.py and run here with `folder` pointing at devset19) and
keep its weighting. tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset19; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET19 = HERE / "devset19"
WEIGHTED = {"NGA", "CMR", "COD", "SDN", "SSD", "ETH", "SOM", "MLI", "BFA", "NER", "MOZ", "KEN", "IND", "BGD", "PAK",
            "MMR", "PHL", "THA", "IDN"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET19


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d19", 45, (40, 120))


def test_it_has_negatives(manifest):
    assert 4 <= len(manifest["negatives"]) <= 6


def test_it_is_mostly_coder_notes(reports):
    notes = [r for r in reports if r["source"] == "ACLED coder note"]
    assert len(notes) >= 30
    # the coder note's own idioms: a day written out at the start, the place with its district and province in
    # brackets, the coder's figure, tags
    assert all(r["text"].startswith(("On ", "On or around ")) for r in notes)
    assert sum("Fatalities coded as" in r["text"] for r in notes) >= 20
    assert sum("[size=" in r["text"] for r in notes) >= 3 and any("Property destruction:" in r["text"] for r in notes)


def test_it_is_weighted_to_type_edges(gold, manifest):
    subs = Counter(g["sub_event_type"] for g in gold)
    for sub, least in {"Attack": 5, "Armed clash": 8, "Abduction/forced disappearance": 4, "Sexual violence": 2,
                       "Shelling/artillery/missile attack": 2, "Remote explosive/landmine/IED": 3, "Grenade": 2,
                       "Government regains territory": 3, "Mob violence": 1, "Violent demonstration": 2,
                       "Excessive force against protesters": 2, "Protest with intervention": 1,
                       "Looting/property destruction": 1}.items():
        assert subs[sub] >= least, (sub, subs[sub])
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    assert tags["civilians fought back"] >= 1 and tags["vigilantes against bandits"] >= 1
    assert tags["local officials as victims"] >= 3


def test_it_is_weighted_to_actors_and_regions(reports, gold):
    names = {a["name"] for g in gold for a in [g["actor1"], g["actor2"], *g["assoc_actors"]] if a}
    for needle in ("Fulani", "Ambazonian", "Mai-Mai", "Wagner", "Fano", "RSF", "JNIM", "Islamic State West Africa",
                   "ISIS-Sahel", "NPA", "ARSA", "PDF", "Communal Militia", "Ethnic Militia"):
        assert any(needle in n for n in names), needle
    countries = Counter(g["location"]["iso3"] for g in gold)
    assert set(countries) >= WEIGHTED
    assert sum(countries[c] for c in WEIGHTED) >= 30
    assert len(countries) >= 28
