"""The thirteenth development set (tests/devset13/): 45 short reports (wire stories and coder notes) written for
strife in real places of 33 countries and coded by hand by the coding guide before strife was run on them. Its
weight is on the actors and the interaction code: communal and ethnic militias fighting with guns, village
vigilantes, intelligence agents and plainclothes officers, prison, border and presidential guards, soldiers against
police, forces abroad and UN peacekeepers, private security guards, party youth wings, unidentified gunmen, villagers
who fought back, mutinying soldiers, rebel groups told by alias or abbreviation, a group known by its leader, a
claimed and a denied attack. It must pass the development set's consistency checks (imported from
tests/test_devset.py and run here with `folder` pointing at devset13) and keep its weighting.
tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset13; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET13 = HERE / "devset13"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET13


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d13", 45, (60, 200))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    negatives = manifest["negatives"]
    assert 4 <= len(negatives) <= 6


def test_it_is_weighted_to_actors(gold, manifest):
    inters = Counter(a["inter"] for g in gold for a in (g["actor1"], g["actor2"]) if a)
    # every ACLED actor category but protesters is on a side of some event
    assert set(inters) >= {1, 2, 3, 4, 5, 7, 8}
    assert inters[4] >= 10 and inters[8] >= 6
    pairs = Counter(tuple(sorted(a["inter"] for a in (g["actor1"], g["actor2"]) if a)) for g in gold)
    assert len(pairs) >= 12, sorted(pairs)
    assert pairs[(4, 4)] >= 5 and pairs[(1, 1)] >= 1
    # associated actors are coded with the side they stand on
    assoc = [a for g in gold for a in g["assoc_actors"]]
    assert len(assoc) >= 3 and all(a["role"] in ("perpetrator", "target") and 1 <= a["inter"] <= 8 for a in assoc)
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    assert tags["claimed attack"] >= 2 and tags["denied attack"] >= 1 and tags["group known by its leader"] >= 1
    assert tags["rebel group with alias"] >= 10 and tags["mutinying soldiers"] >= 1
    assert len({g["location"]["iso3"] for g in gold}) >= 25
