"""The eighteenth development set (tests/devset18/): 40 short reports (wire stories and local-paper items) written
for strife in real places of 38 countries and coded by hand by the coding guide before strife was run on them. Its
weight is on protest detection precision: the traps where an automated coder invents protests (a national day of
protest told city by city, a march told twice, a protest retold in a court ruling or a government's reaction days
later, protests postponed, called off or announced, an online petition, a strike with no gathering, a news
conference of protest leaders, a funeral, a religious procession, a mourning vigil, fans celebrating, a poll, a
wave of protests with no gathering named, a trial over old unrest, a campaign rally, a rally prevented by arrests at
home) told beside real protests and riots (a sit-in in its tenth day, a diaspora rally, a government-organised
march, a protest in one sentence of economic news, interventions, excessive force, a riot, a lynching, fans
rioting). It must pass the development set's consistency checks (imported from tests/test_devset.py and run here with
`folder` pointing at devset18) and keep its weighting. tests/test_devset_regression.py holds strife's figures on it
above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset18; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET18 = HERE / "devset18"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET18


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d18", 40, (60, 150))


def test_it_is_weighted_to_protest_precision(reports, gold, manifest):
    # a third of the reports are traps with no event at all
    assert 12 <= len(manifest["negatives"]) <= 15
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    assert tags["no event"] == len(manifest["negatives"])
    for trap in ("protest postponed", "march called off", "online petition", "strike with no gathering",
                 "news conference of protest leaders", "funeral", "religious procession", "mourning vigil",
                 "sports fans celebrating", "poll about protests", "wave of protests", "election campaign rally",
                 "march told twice", "national day of protest told city by city", "sit-in in its tenth day",
                 "planned protest prevented by arrests", "diaspora protest against home government",
                 "government-organised rally", "one protest sentence in economic news"):
        assert tags[trap] >= 1, trap
    # told beside real demonstrations of every sub-type
    types = Counter(g["sub_event_type"] for g in gold)
    assert types["Peaceful protest"] >= 15
    for sub in ("Protest with intervention", "Excessive force against protesters", "Violent demonstration",
                "Mob violence"):
        assert types[sub] >= 1, sub
    assert sum(g["event_type"] in ("Protests", "Riots") for g in gold) >= len(gold) - 1
    # protests retold as context days later are background; several towns of one day are an event each
    assert sum(g["mode"] == "background" for g in gold) >= 2
    per_report = Counter(g["article"]["id"] for g in gold)
    assert max(per_report.values()) >= 3
    countries = {g["location"]["iso3"] for g in gold}
    assert len(countries) >= 25
