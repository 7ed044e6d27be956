"""The twentieth development set (tests/devset20/): 40 short reports (wire stories, opinion and analysis columns, a
humanitarian update) written for strife in real places of 35 countries and coded by hand by the coding guide before
strife was run on them. Its weight is on detection precision in the genres that sit beside political violence and
protest: labour news (strike ballots, wage talks, a lockout, strikes with and without a gathering), election days,
opinion pieces recounting past violence, anniversaries, court and inquiry reports, sports violence, crime with no
political actor, policy announcements and humanitarian updates with cumulative tolls. Most reports are negatives; the
events are mixed into the same genres. It must pass the development set's consistency checks (imported from
tests/test_devset.py and run here with `folder` pointing at devset20) and keep its weighting.
tests/test_devset_regression.py holds strife's figures on it above its floors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset20; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET20 = HERE / "devset20"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET20


def test_reports_are_short_reports(reports):
    check_numbered_reports(reports, "d20", 40, (60, 130))


def test_it_is_weighted_to_negatives(reports, gold, manifest):
    # a precision set: most reports have nothing to code, and the ones that do hold one event each
    negatives = manifest["negatives"]
    assert 22 <= len(negatives) <= 25
    per_report = Counter(g["article"]["id"] for g in gold)
    assert set(per_report.values()) == {1} and 15 <= len(per_report) <= 18
    assert all(g["mode"] == "reported" for g in gold)


def test_it_covers_the_adjacent_genres(gold, manifest):
    tags = Counter(t for p in manifest["phenomena"].values() for t in p["hard"])
    for tag in ("strike ballot", "wage talks", "lockout", "picket line", "strike with no gathering", "election day",
                "campaign rally", "polling station attacked", "opinion piece", "commemoration", "court ruling",
                "inquiry report", "sports violence", "no political actor", "policy announcement", "humanitarian update",
                "cumulative toll"):
        assert any(t.startswith(tag) for t in tags), tag
    # events mixed into the genres, not only told plainly
    assert sum(t.endswith(("opening with today's clash", "opening with today's attack", "opening with today's protest",
                           "opening with today's killing")) for t in tags) >= 4
    subs = Counter(g["sub_event_type"] for g in gold)
    assert len(subs) >= 7 and subs["Peaceful protest"] >= 3
    assert len({g["location"]["iso3"] for g in gold}) >= 15
