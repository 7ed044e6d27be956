"""The twelfth development set (tests/devset12/): 40 short reports (wire stories and coder notes) written for strife
in real places of 31 countries and coded by hand by the coding guide before strife was run on them. Its weight is on
the edges between event types and sub-event types: peaceful protests, protests broken up and protesters shot; riots
of demonstrators and mobs; a march that turns into a riot; riots against armed communal clashes; remote violence
against battles and attacks; abductions and disappearances against arrests; sexual violence; property destruction;
strategic developments told with violent words; labour strikes against air strikes; and 'clashes' of protesters and
police. It must pass the development set's consistency checks (imported from tests/test_devset.py and run here with
`folder` pointing at devset12) and keep its weighting. tests/test_devset_regression.py holds strife's figures on it
above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset12; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET12 = HERE / "devset12"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET12


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d12", 40, (60, 200))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    negatives = manifest["negatives"]
    assert len(negatives) == 3


def test_it_is_weighted_to_type_edges(gold, manifest):
    per_type = Counter(g["event_type"] for g in gold)
    # every event type is there, and the crowd types carry the most weight
    assert set(per_type) == {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                             "Strategic developments"}
    assert per_type["Protests"] + per_type["Riots"] >= 12
    subs = {g["sub_event_type"] for g in gold}
    assert len(subs) >= 20, sorted(subs)
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    # strategic developments told with violent words, strikes of both kinds, crowds turning violent
    assert tags["violent words"] >= 6
    assert tags["labour strike"] >= 2 and tags["air strike"] + tags["air strike told as strike"] >= 2
    assert tags["protest turns riot"] >= 2
    assert len({g["location"]["iso3"] for g in gold}) >= 25
