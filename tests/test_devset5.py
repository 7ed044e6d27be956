"""The fifth development set (tests/devset5/): 60 short reports written for strife in real places, weighted to the toll
idioms its earlier sets did not cover (lists of victims, tolls split by side, number words and vague counts, tolls that
rise or are corrected, running totals, killed beside injured, missing, abducted and arrested, zeros and unknown tolls,
perpetrators counted, coder-note figures, two incidents with separate tolls), coded by hand by the coding guide before
strife was run on them. It must pass the development set's consistency checks (imported from tests/test_devset.py and
run here with `folder` pointing at devset5) and keep its weighting. tests/test_devset_regression.py holds strife's
figures on it above its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset5; the fixtures feed them)
    check_numbered_reports, DEVSET, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

DEVSET5 = Path(__file__).parent / "devset5"
# the toll idioms the set was written to measure
TOLL_IDIOMS = {"victim list", "split by side", "number word", "vague count", "qualified number", "range",
               "rising toll", "correction", "running total", "deadliest since", "injured not killed",
               "abducted not killed", "missing not killed", "arrested not killed", "killed or wounded", "bodies found",
               "died later", "reported zero", "no toll given", "unknown toll", "narrowly escaped", "attacker included",
               "attackers killed", "coder figure", "two tolls", "subgroups not added", "conflicting claims"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET5


def test_reports_are_short(reports):
    check_numbered_reports(reports, "d5", 60, (12, 120))


def test_it_is_weighted_to_toll_idioms(gold, manifest):
    phenomena = manifest["phenomena"]
    tolls = [rid for rid, p in phenomena.items() if set(p["count_idiom"]) & TOLL_IDIOMS]
    assert len(tolls) >= 50, len(tolls)
    # every idiom the set was written for is there, most of them more than once
    used = [i for p in phenomena.values() for i in p["count_idiom"]]
    assert TOLL_IDIOMS <= set(used), TOLL_IDIOMS - set(used)
    assert len({g["location"]["iso3"] for g in gold}) >= 15
    # zeros the text states and unknown tolls are both there, and kept apart (0 is a report, null is none)
    assert sum(1 for g in gold if g["fatalities"] == {"low": 0, "best": 0, "high": 0}) >= 3
    assert sum(1 for g in gold if g["fatalities"] is None) >= 4
    # a combatant's unconfirmed claim of enemy dead lifts best above low; a range or a second total lifts high
    assert sum(1 for g in gold if g["fatalities"] and g["fatalities"]["low"] < g["fatalities"]["best"]) >= 3
    assert sum(1 for g in gold if g["fatalities"] and g["fatalities"]["best"] < g["fatalities"]["high"]) >= 2
    # reports with two incidents keep two records with their own tolls
    per_report = {}
    for g in gold:
        per_report.setdefault(g["article"]["id"], []).append(g["fatalities"])
    assert sum(1 for tolls in per_report.values() if len(tolls) == 2) >= 3


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    assert len(manifest["negatives"]) >= 1


def test_tolls_are_coded_as_the_readmes_decide(gold):
    by_id = {g["article"]["id"]: g for g in gold}
    # the army's own dead in low, its unconfirmed claim of enemy dead summed into best (devset README)
    assert by_id["d5-006"]["fatalities"] == {"low": 5, "best": 25, "high": 25}
    # a suicide bomber counts; a list of victims is summed; a toll that rises is replaced by the later figure
    assert by_id["d5-002"]["fatalities"]["best"] == 5
    assert by_id["d5-004"]["fatalities"]["best"] == 6
    assert by_id["d5-018"]["fatalities"]["best"] == 7
    # a running total is not the incident's toll; "killed or wounded 12" states no number of dead
    assert by_id["d5-020"]["fatalities"]["best"] == 2
    assert by_id["d5-024"]["fatalities"] is None
    # a range: the lower bound for low and best, the upper for high
    assert by_id["d5-016"]["fatalities"] == {"low": 8, "best": 8, "high": 10}
