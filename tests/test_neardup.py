"""Near-duplicate reports: syndicated copies are found, different reports are not."""

import json
from importlib import resources

from strife.resolve import neardup

WIRE = (
    "QUETTA, Pakistan (AP) - A bomb hidden on a parked motorcycle exploded near a crowded vegetable market "
    "in Quetta on Monday, killing five people and wounding 20 others, police said. No group immediately "
    "claimed responsibility for the blast, which came a week before provincial elections."
)
COPY = WIRE + "\n\nThis story was provided by The Associated Press. Follow us on social media for more news."
OTHER = (
    "At least eight people were killed when a bomb went off at a vegetable market in the provincial capital "
    "of Balochistan on Monday, officials said on Tuesday. Several of the wounded died overnight in hospital."
)


def test_rules_load_and_are_consistent():
    cfg = json.loads(resources.files("strife.data").joinpath("neardup.json").read_text(encoding="utf-8"))
    assert cfg == neardup.rules()
    assert cfg["num_perm"] % cfg["bands"] == 0
    assert 0 < cfg["containment_min_jaccard"] < cfg["jaccard"] <= 1 and 0 < cfg["containment"] <= 1


def test_shingles_ignore_case_and_punctuation():
    assert neardup.shingles("One, two THREE four five six.") == {"one two three four five", "two three four five six"}
    assert neardup.shingles("Too short") == {"too short"}
    assert neardup.shingles("") == set()


def test_syndicated_copy_shares_lsh_bands_and_is_a_near_duplicate():
    assert set(neardup.band_keys(WIRE)) & set(neardup.band_keys(COPY))
    assert all(len(k) == 40 for k in neardup.band_keys(WIRE))
    found = neardup.best_near_duplicate(COPY, {"a_wire": WIRE, "a_other": OTHER})
    assert found is not None and found.article_id == "a_wire"
    assert found.reason == f"near-duplicate of a_wire (similarity {found.similarity:.2f})"


def test_another_report_of_the_same_incident_is_not_a_duplicate():
    jaccard, containment = neardup.similarity(WIRE, OTHER)
    assert jaccard < 0.2 and not neardup.is_near_duplicate(jaccard, containment)
    assert neardup.best_near_duplicate(OTHER, {"a_wire": WIRE}) is None
    # Unrelated texts almost never share a band (32+ bands of 4 rows at Jaccard ~0).
    assert not set(neardup.band_keys(WIRE)) & set(neardup.band_keys(OTHER))


def test_band_keys_are_deterministic():
    assert neardup.band_keys(WIRE) == neardup.band_keys(WIRE)
