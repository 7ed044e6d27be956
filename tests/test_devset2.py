"""The second development set (tests/devset2/): short reports in the style of ACLED coder notes and of varied
outlets, written for strife in real places and coded by hand by the coding guide before strife was run on them.
It must pass the development set's consistency checks (imported from tests/test_devset.py and run here with
`folder` pointing at devset2), and cover all 25 sub-event types of the packaged taxonomy, 20+ countries, every inter code and the
counting conventions. tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset2; the fixtures feed them)
    check_numbered_reports, DEVSET, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

DEVSET2 = Path(__file__).parent / "devset2"
# Sub-event types a real feed is mostly made of: each needs several reports, not one, to be measured at all.
FREQUENT = ["Armed clash", "Attack", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack",
            "Air/drone strike", "Peaceful protest", "Protest with intervention", "Violent demonstration",
            "Mob violence", "Abduction/forced disappearance", "Looting/property destruction", "Arrests",
            "Non-state actor overtakes territory", "Government regains territory"]


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET2


def test_reports_are_short_notes(reports):
    assert len(reports) >= 100
    check_numbered_reports(reports, "d2", None, (12, 120))


def test_it_covers_the_whole_taxonomy_and_twenty_countries(gold, taxonomy, manifest):
    # the taxonomy is read from the package data (fixture `taxonomy`), so a sub-type added there must be covered here
    per_sub = Counter(g["sub_event_type"] for g in gold if g["mode"] in ("reported", "background"))
    assert set(taxonomy) <= set(per_sub), f"missing sub-event types: {set(taxonomy) - set(per_sub)}"
    assert set(FREQUENT) <= set(taxonomy)
    assert all(per_sub[s] >= 3 for s in FREQUENT), {s: per_sub[s] for s in FREQUENT}
    assert len({g["location"]["iso3"] for g in gold}) >= 20
    assert len(manifest["negatives"]) >= 2


def test_it_exercises_the_counting_conventions(gold, manifest):
    idioms = {t for p in manifest["phenomena"].values() for t in p["count_idiom"]}
    assert {"range", "dozens", "several", "reported zero", "conflicting claims", "attacker included"} <= idioms
    assert any(g["fatalities"] is not None and g["fatalities"]["low"] < g["fatalities"]["high"] for g in gold)
    assert any(g["fatalities"] == {"low": 0, "best": 0, "high": 0} for g in gold)
    inters = {g[k]["inter"] for g in gold for k in ("actor1", "actor2") if g[k] is not None}
    assert inters == set(range(1, 9)), "state forces, rebels, political and identity militias, rioters, protesters, civilians, external forces"
