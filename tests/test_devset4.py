"""The fourth development set (tests/devset4/): 60 short reports written for strife in real places, weighted to the
event-type and sub-event-type edge cases the held-out set punished (strategic developments against violent events that
use their words in passing, remote violence against battles, violence against civilians against clashes, protests
against riots, and hard negatives: announced rallies, trials, anniversaries, policy, threats), coded by hand by the
coding guide before strife was run on them. It must pass the development set's consistency checks (imported from
tests/test_devset.py and run here with `folder` pointing at devset4) and keep its weighting.
tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset4; the fixtures feed them)
    check_numbered_reports, DEVSET, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

DEVSET4 = Path(__file__).parent / "devset4"
# the edge cases the set was written to measure, each by a manifest tag
IN_PASSING = {"arrests in passing", "looting in passing", "agreement in passing", "weapons seized in passing",
              "curfew in passing", "headquarters word", "abduction word in passing", "vigilantes mentioned",
              "suicide word in battle", "grenade word", "weapon word without explosion"}
NEGATIVE_KINDS = {"announced rally", "planned march", "trial of old attack", "anniversary", "policy statement", "threat",
                  "mostly background"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET4


def test_reports_are_short(reports):
    check_numbered_reports(reports, "d4", 60, (12, 120))


def test_it_covers_every_sub_event_type_and_weights_the_edges(gold, manifest, taxonomy):
    per_sub = Counter(g["sub_event_type"] for g in gold)
    assert set(taxonomy) <= set(per_sub), set(taxonomy) - set(per_sub)
    # the edges are measured more than once: strategic developments, remote violence, protests against riots
    assert sum(g["event_type"] == "Strategic developments" for g in gold) >= 12
    for sub in ("Arrests", "Agreement", "Looting/property destruction", "Non-violent transfer of territory",
                "Disrupted weapons use", "Shelling/artillery/missile attack", "Air/drone strike",
                "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Abduction/forced disappearance",
                "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                "Violent demonstration", "Mob violence", "Armed clash", "Attack"):
        assert per_sub[sub] >= 2, sub
    tags = {t for p in manifest["phenomena"].values() for t in p["hard"]}
    assert len(tags & IN_PASSING) >= 8, tags & IN_PASSING
    assert NEGATIVE_KINDS <= tags, NEGATIVE_KINDS - tags
    assert len({g["location"]["iso3"] for g in gold}) >= 15


def test_it_has_negatives_and_each_record_is_in_its_reports_phenomena(gold, manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here how many, and that the
    # manifest's sub-event types list each record's
    assert len(manifest["negatives"]) >= 5
    for g in gold:
        assert g["sub_event_type"] in manifest["phenomena"][g["article"]["id"]]["sub_event_types"]


def test_words_in_passing_do_not_decide_the_type(gold, manifest):
    # the coding guide's rule, checked on this set's gold: a violent event that mentions arrests, looting, a ceasefire
    # or seized weapons is coded by its violence; strategic developments are reports where nothing violent happened
    by_id = {g["article"]["id"]: g for g in gold}
    for rid, p in manifest["phenomena"].items():
        if {"arrests in passing", "looting in passing", "agreement in passing"} & set(p["hard"]):
            assert by_id[rid]["event_type"] != "Strategic developments", rid
    for g in gold:
        if g["event_type"] == "Strategic developments" and g["fatalities"]:
            assert g["fatalities"]["best"] == 0, g["article"]["id"]
