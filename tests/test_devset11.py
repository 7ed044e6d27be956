"""The eleventh development set (tests/devset11/): 50 short reports (wire stories with datelines, local-paper
items) written for strife in real places of 30 countries and coded by hand by the coding guide before strife was
run on them. Its weight is on detection precision and on protest and riot actors: hard negatives that hold no
event to code (statistics and year-end tallies, trials for old attacks, trend pieces, threats and warnings,
anniversaries, policy, elections, humanitarian updates, accidents and sport), real events told alongside such
traps, the same incident retold in a later sentence with other words, background incidents, and protests and
riots by unions, students, farmers, party supporters and named organisations, which ACLED still names
'Protesters (<country>)' / 'Rioters (<country>)'. It must pass the development set's consistency checks
(imported from tests/test_devset.py and run here with `folder` pointing at devset11) and keep its weighting.
tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset11; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET11 = HERE / "devset11"
# the kinds of text that hold no event of their own, each of which strife used to code
NON_EVENT = {"statistic", "monthly tally", "weekly tally", "year-end tally", "half-year report", "running tally",
             "trial", "past attack", "trend", "threat", "warning", "anniversary", "policy", "election",
             "humanitarian", "accident", "non-political", "sport"}
CROWD_GROUPS = {"union", "students", "farmers", "party supporters", "named organisation", "mob"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET11


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d11", 50, (60, 200))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    negatives = manifest["negatives"]
    assert len(negatives) == 14
    # every negative is one of the non-event kinds, so the set measures them and not empty texts
    assert all(set(manifest["phenomena"][rid]["hard"]) & NON_EVENT for rid in negatives)


def test_it_is_weighted_to_detection_traps(gold, manifest):
    phenomena = manifest["phenomena"]
    coded = {g["article"]["id"] for g in gold}
    # real events told together with a non-event trap
    trapped = [rid for rid in coded if set(phenomena[rid]["hard"]) & NON_EVENT]
    assert len(trapped) >= 20, len(trapped)
    assert len([rid for rid, p in phenomena.items() if "retold incident" in p["hard"]]) >= 6
    assert len([g for g in gold if g["mode"] == "background"]) >= 5
    assert len({g["location"]["iso3"] for g in gold}) >= 30


def test_protest_and_riot_actors_are_generic(gold, manifest):
    crowds = [g for g in gold if g["event_type"] in ("Protests", "Riots")]
    assert len(crowds) >= 12
    # unions, students, farmers and party workers are still 'Protesters (<country>)' / 'Rioters (<country>)'
    assert all(g["actor1"]["name"].startswith(("Protesters (", "Rioters (")) for g in crowds)
    named = {g["article"]["id"] for g in crowds} & {
        rid for rid, p in manifest["phenomena"].items() if set(p["hard"]) & CROWD_GROUPS}
    assert len(named) >= 10, len(named)
