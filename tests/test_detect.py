"""Detection: which clauses report a happening, and what their cues say."""

import re

import pytest

from strife.analyse import load_nlp
from strife.extract.detect import clauses, detect


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def mentions(nlp, text):
    # casualty statements come from extract.counts in the pipeline; here, plain "N people"
    counts = [(m.start(), m.end()) for m in re.finditer(r"\d+ people", text)]
    return detect(nlp(text), text, counts)


def test_trend_sentence_is_not_an_event(nlp):
    text = "In recent years, insurgents have often attacked police posts in the province."
    assert mentions(nlp, text) == []


def test_threat_is_not_an_event_but_the_strike_in_the_same_sentence_is(nlp):
    text = "The group threatened to launch attacks following Ruritania's strikes on its camps, which killed 9 people."
    found = mentions(nlp, text)
    assert len(found) == 1
    assert "strikes" in found[0].text and "threatened" not in found[0].text


def test_new_incident_cue_and_anaphora(nlp):
    text = "Gunmen attacked a checkpoint on Monday. The attack lasted an hour. Also Monday, a bomb exploded at a market."
    found = mentions(nlp, text)
    assert [m.anaphoric for m in found] == [False, True, False]
    assert found[2].has("new_incident")


def test_background_cue(nlp):
    text = "It came in retaliation for air strikes on the town last month."
    (m,) = mentions(nlp, text)
    assert m.has("background")


def test_weak_trigger_needs_a_count(nlp):
    assert mentions(nlp, "The policy is dead, the minister said.") == []


def test_clauses_cut_at_following_and_but():
    s = "Officials said the raid failed, but police said five died following the clash."
    parts = [s[a:b] for a, b in clauses(s, 0)]
    assert parts == ["Officials said the raid failed", "police said five died", "following the clash."]


def test_purpose_clause_is_planned(nlp):
    text = "Supporters were riding to attend a rally when the bomb went off."
    found = mentions(nlp, text)
    assert all("protest" not in m.signals for m in found)


def test_a_rising_toll_is_not_a_trend_but_a_cumulative_statistic_is(nlp):
    rising = mentions(nlp, "The death toll from Monday's bombing at a market in Quetta has risen to 11, officials said.")
    assert rising and any(t.kind == "explosion" for m in rising for t in m.triggers)
    assert mentions(nlp, "Attacks on police have risen sharply across the province.") == []
    assert mentions(nlp, "At least 30 people have been killed during the war, a watchdog said.") == []
