"""Name matching in the default gazetteer: transliteration, diacritics, case, spacing,
abbreviations, renamings and mergers (issue 4's examples), and fuzzy matches that never
outrank an exact name."""

import pytest

from strife.geo.gazetteer import FUZZY_CEILING


def first(gaz, name, iso2, kind=None):
    found = [p for p in gaz.lookup(name) if p.country_iso2 == iso2 and (kind is None or p.kind == kind)]
    assert found, f"{name!r} not found in {iso2}"
    return found[0]


@pytest.mark.parametrize(
    "variants, iso2, kind, canonical",
    [
        (["Baluchistan", "Balochistan", "BALOCHISTAN", "Baluchistan province", "Baluchestan"], "PK", "admin1", "Balochistan"),
        (["Dera Ismail Khan", "D.I. Khan", "DI Khan", "D I Khan", "dera  ismail-khan"], "PK", "admin2", "Dera Ismail Khan"),
        (["D.G. Khan", "Dera Ghazi Khan", "Dera Ghāzi Khān"], "PK", "admin2", "Dera Ghazi Khan"),
        (["Khyber Pakhtunkhwa", "KP", "KPK", "Khyber-Pakhtunkhwa", "Khyber Pakhtoonkhwa", "NWFP",
          "North-West Frontier Province"], "PK", "admin1", "Khyber Pakhtunkhwa"),
        (["Jammu and Kashmir", "J&K", "Jammu & Kashmir", "Jammu-Kashmir", "Jammu and Kashmīr"], "IN", "admin1", "Jammu and Kashmir"),
        (["Bolan", "Bolan district", "Kachhi"], "PK", "admin2", "Kachhi District"),
        (["Bangsamoro", "BARMM", "ARMM"], "PH", "admin1", "Autonomous Region in Muslim Mindanao"),
    ],
)
def test_variants_find_one_place(gaz, variants, iso2, kind, canonical):
    target = first(gaz, canonical, iso2, kind)
    for name in variants:
        assert first(gaz, name, iso2).geonameid == target.geonameid, name


def test_fata_and_its_agencies_are_now_khyber_pakhtunkhwa(gaz):
    kp = first(gaz, "Khyber Pakhtunkhwa", "PK", "admin1")
    for name in ("FATA", "Federally Administered Tribal Areas", "Tribal Areas"):
        assert first(gaz, name, "PK").geonameid == kp.geonameid, name
    for agency in ("Khyber Agency", "Kurram Agency", "Orakzai Agency", "Bajaur Agency", "Mohmand Agency",
                   "North Waziristan Agency", "South Waziristan Agency"):
        district = first(gaz, agency, "PK")
        assert (district.kind, district.admin1_id) == ("admin2", kp.geonameid), agency
        # the district under its name without "Agency" is the same place
        assert first(gaz, agency.removesuffix(" Agency"), "PK", "admin2").geonameid == district.geonameid


def test_an_exact_name_outranks_a_close_spelling_of_another_place(gaz):
    # "Kharan District" is exactly one district and two letters away from "Kharmang District"
    exact = first(gaz, "Kharan District", "PK", "admin2")
    close = first(gaz, "Kharmang District", "PK", "admin2")
    found = gaz.search("Kharan District", ["PK"])
    assert found[0] == (exact, 1.0)
    fuzzy = {p.geonameid: score for p, score in found if score < 1}
    assert close.geonameid in fuzzy and fuzzy[close.geonameid] <= FUZZY_CEILING
    exact_ids = {p.geonameid for p in gaz.lookup("Kharan District") if p.country_iso2 == "PK"}
    assert all((score == 1.0) == (p.geonameid in exact_ids) for p, score in found)
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)
    # and the other way round
    assert gaz.search("Kharmang District", ["PK"])[0] == (close, 1.0)


def test_a_misspelling_finds_its_place_below_one(gaz):
    (place, score), *_ = gaz.search("Jhangg District", ["PK"])
    assert place.name == "Jhang District" and score < 1
    assert not [p for p, _ in gaz.search("Jhangg District", ["IN"]) if p.country_iso2 != "IN"]


def test_an_exact_name_outside_the_story_countries_is_no_match(gaz):
    assert not [p for p, _ in gaz.search("Quetta", ["AF"]) if p.country_iso2 != "AF"]
    assert gaz.search("Quetta", ["PK"])[0][0].country_iso2 == "PK"
