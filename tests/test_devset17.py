"""The seventeenth development set (tests/devset17/): 30 short reports (wire stories and local-paper items) written
for strife in real places of 26 countries and coded by hand by the coding guide before strife was run on them. Its
weight is on strategic developments, every sub-event type, told alone and as a second event beside violence (a
ceasefire brokered the day after a clash, a curfew the morning after, arrests the next day, drones shot down beside
a strike, a second bomb defused beside a blast, a headquarters set up the day after a town fell), and on their edges
(a raid with arrests against a raid that became a gunfight, weapons seized, a drone intercepted, a withdrawal against
a town taken by force, looting during a riot, a peace deal against talks announced, a recruitment drive, a party
ban), with negatives (talks planned, a base planned, a deal "very close", a minister's tally, a ban sought). It must
pass the development set's consistency checks (imported from tests/test_devset.py and run here with `folder`
pointing at devset17) and keep its weighting. tests/test_devset_regression.py holds strife's figures on it above
its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset17; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET17 = HERE / "devset17"
DEVELOPMENTS = {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
                "Other"}


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET17


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d17", 30, (60, 160))


def test_it_has_negatives(manifest):
    # that negatives are exactly the reports without gold, and every report has phenomena, is
    # test_every_gold_record_belongs_to_a_report's check (imported above); here only how many
    assert len(manifest["negatives"]) == 5


def test_it_is_weighted_to_strategic_developments(gold, manifest):
    subs = Counter(g["sub_event_type"] for g in gold)
    # every strategic-development sub-type, and most of the events
    assert set(subs) >= DEVELOPMENTS
    developments = sum(n for s, n in subs.items() if s in DEVELOPMENTS)
    assert developments >= 20 and developments >= 0.6 * len(gold)
    assert subs["Arrests"] >= 3 and subs["Disrupted weapons use"] >= 3 and subs["Change to group/activity"] >= 3
    # a development told as a second event beside violence, in several reports
    per_report: dict[str, set[str]] = {}
    for g in gold:
        per_report.setdefault(g["article"]["id"], set()).add(g["event_type"])
    beside = [r for r, types in per_report.items() if "Strategic developments" in types and len(types) >= 2]
    assert len(beside) >= 6, beside
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    for tag in ("raid with arrests and no fighting", "raid that became an armed clash", "weapons cache seized",
                "drone intercepted, not a strike", "drone strike beside drones shot down", "IED defused beside a blast",
                "group withdrawing, territory handed over", "territory taken by force", "looting during a riot",
                "peace deal signed", "talks announced", "recruitment drive", "ban of a party", "minister's statement"):
        assert tags[tag] >= 1, tag
    assert len({g["location"]["iso3"] for g in gold}) >= 18
