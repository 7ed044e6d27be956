"""The twenty-third development set (tests/devset23/): 24 LONG news articles (250-500 words, wire style with a
dateline) written for strife in real places of 24 countries and coded by hand by the coding guide before strife was
run on them. The other sets are mostly short reports; these carry what a whole article carries around its news:
quotes, reactions, background paragraphs recalling earlier attacks with their own tolls and dates, cumulative
figures of a wider conflict, announcements and plans, court cases. Only the news each article reports is coded (as a
feed's coders do), so a background incident strife codes is a false positive here. It must pass the development
set's consistency checks (imported from tests/test_devset.py and run here with `folder` pointing at devset23) and
keep its own promises: length, four negatives of four kinds, countries, ACLED-like proportions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_devset import (  # noqa: F401  (the imported tests run here on devset23; the fixtures feed them)
    check_numbered_reports, _lines, gold, manifest, reports, taxonomy,
    test_actors_follow_acled_conventions, test_counts_are_ordered, test_dates_are_not_after_publication,
    test_every_gold_record_belongs_to_a_report, test_places_are_in_their_country, test_reports_are_read_by_the_jsonl_reader,
    test_types_follow_the_taxonomy,
)

HERE = Path(__file__).parent
DEVSET23 = HERE / "devset23"


@pytest.fixture(scope="module")
def folder() -> Path:
    return DEVSET23


def test_reports_are_long_articles(reports):
    check_numbered_reports(reports, "d23", 24, (250, 500))
    for r in reports:
        # a wire story: a dateline in capitals before the agency's dash, and paragraphs
        head = r["text"].split(" - ", 1)[0]
        assert head.split(",")[0].isupper() and "(" in head, r["id"]
        assert r["text"].count("\n\n") >= 5, r["id"]


def test_it_has_four_negatives_of_four_kinds(manifest):
    negatives = manifest["negatives"]
    assert len(negatives) == 4
    kinds = {t for rid in negatives for t in manifest["phenomena"][rid]["hard"]}
    assert {"analysis piece", "peace talks without agreement", "court verdict", "humanitarian update"} <= kinds


def test_every_article_carries_distractors(manifest):
    # the set's point: each article tells more than its news (an earlier incident, a figure of the wider conflict,
    # a plan, a court case or a reaction)
    for rid, p in manifest["phenomena"].items():
        assert "background incident" in p["hard"], rid


def test_only_the_news_is_coded(gold):
    assert {g["mode"] for g in gold} == {"reported"}


def test_it_is_weighted_like_acled(gold):
    assert 24 <= len(gold) <= 28
    types = Counter(g["event_type"] for g in gold)
    assert len(types) == 6
    demonstrations = types["Protests"] + types["Riots"]
    assert 0.35 <= demonstrations / len(gold) <= 0.5, types
    assert 1 <= types["Strategic developments"] <= 3
    assert min(types["Battles"], types["Explosions/Remote violence"], types["Violence against civilians"]) >= 3
    subs = Counter(g["sub_event_type"] for g in gold)
    assert len(subs) >= 12, sorted(subs)


def test_it_spans_many_countries(gold, reports):
    here = {g["location"]["iso3"] for g in gold}
    assert len(here) >= 18
    per = Counter(g["location"]["iso3"] for g in gold)
    assert max(per.values()) <= 2, per.most_common(3)
    # the negatives are datelined in four more countries (Burkina Faso, Oman, Uganda, Chad)
    datelines = {r["text"].split(" (", 1)[0] for r in reports}
    assert len(datelines) >= 22
