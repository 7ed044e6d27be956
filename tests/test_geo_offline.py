"""The gazetteer index and the geoparser, on the packaged GeoNames data."""

import os
import time

from strife.extract.lexicon import load_data
from strife.extract.states import STATES
from strife.geo.distance import km_between
from strife.geo.gazetteer import INDEX_VERSION, Gazetteer, default_index_path, normalise


def km(a, b):
    return km_between(*a, *b)


def test_town_district_province_hierarchy(gaz):
    (mach,) = [p for p in gaz.lookup("Mach") if p.country_iso2 == "PK"]
    assert (mach.admin1, mach.admin2, mach.kind) == ("Balochistan", "Kachhi District", "city")
    assert km((mach.lat, mach.lon), (29.864, 67.330)) < 5
    loc = mach.to_location(1)
    assert (loc.admin2, loc.iso3, loc.country) == ("Kachhi", "PAK", "Pakistan")


def test_spelling_variants_and_renamings(gaz):
    assert gaz.lookup("Baluchistan")[0].name == "Balochistan"
    assert gaz.lookup("Bolan district")[0].name == "Kachhi District"
    assert gaz.lookup("D.I. Khan")[0].name == "Dera Ismail Khan"
    assert normalise("Dera Ismail-Khan") == normalise("dera ismail khan")


def test_fuzzy_stays_in_context_countries(gaz):
    assert all(p.country_iso2 == "PK" for p, _ in gaz.fuzzy("Bolan", ["PK"]))
    assert not any(p.country_iso2 == "MX" for p, _ in gaz.fuzzy("Bolan", ["PK"]))
    (quetta, score) = gaz.fuzzy("Quettta", ["PK"])[0]
    assert quetta.name == "Quetta" and score < 1


def test_country_by_code_and_name(gaz):
    assert gaz.country("PK").name == "Pakistan"
    assert gaz.country("IRN").name == "Iran"
    assert gaz.country("Iran").country_iso2 == "IR"


def test_namesakes_resolved_by_context(parse):
    geo = parse("A bomb went off in Sibi, a district in Baluchistan province, on Tuesday.")
    sibi = next(m for m in geo.mentions if m.text == "Sibi")
    assert sibi.place.country_iso2 == "PK" and km((sibi.place.lat, sibi.place.lon), (29.543, 67.877)) < 10
    mali = parse("Soldiers patrolled Sibi, in Mali's Koulikoro region, after the attack.")
    sibi = next(m for m in mali.mentions if m.text == "Sibi")
    assert sibi.place.country_iso2 == "ML"


def test_hyderabad_by_province(parse):
    geo = parse("Police clashed with protesters in Hyderabad, Sindh province, on Friday.")
    hyd = next(m for m in geo.mentions if m.text == "Hyderabad")
    assert hyd.place.country_iso2 == "PK"


def test_precision_codes(parse):
    geo = parse("Gunmen stormed a checkpoint near Kandahar, Afghanistan, and later moved into Helmand province.")
    by_text = {m.text: m for m in geo.mentions}
    assert by_text["Kandahar"].precision == 2  # near a town
    assert by_text["Helmand"].precision == 3 and by_text["Helmand"].place.kind == "admin1"


def test_a_relative_location_keeps_the_named_towns_point(parse, gaz):
    geo = parse("The convoy was ambushed 40 km south of Quetta on Monday.")
    m = next(m for m in geo.mentions if m.text == "Quetta")
    quetta = next(p for p in gaz.lookup("Quetta") if p.kind == "city")
    assert m.precision == 2 and "40 km south of it" in m.reason
    assert km((m.place.lat, m.place.lon), (quetta.lat, quetta.lon)) < 1


def test_unknown_place_keeps_the_others(parse):
    geo = parse("Militants attacked Zzyzxabad village near Peshawar, in Khyber Pakhtunkhwa, on Monday.")
    unknown = [m for m in geo.mentions if m.place is None]
    known = {m.place.name for m in geo.mentions if m.place is not None}
    assert any("Zzyzxabad" in m.text for m in unknown)
    assert "Peshawar" in known and "Khyber Pakhtunkhwa" in known


def test_demonyms_set_context_but_are_not_places(parse):
    geo = parse("Pakistani troops fired on the border post in Chaman.")
    assert geo.countries["PK"] >= 1
    assert all(m.text != "Pakistani" for m in geo.mentions)


def test_index_opens_fast_and_is_versioned(tmp_path, gaz):
    t0 = time.perf_counter()
    Gazetteer.open(gaz.path)
    assert time.perf_counter() - t0 < 0.5
    assert gaz.path.name == f"gazetteer-v{INDEX_VERSION}.sqlite"
    assert default_index_path().parent == gaz.path.parent


def test_a_stale_index_is_rebuilt_atomically(tmp_path, monkeypatch):
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"not a database")
    calls = []
    import strife.geo.gazetteer as g

    def fake_build(target):
        calls.append(target)
        import shutil

        shutil.copy(default_index_path(), target)
        return target

    monkeypatch.setattr(g, "build_index", fake_build)
    Gazetteer.open(path)
    assert calls == [path]
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_geo_aliases_data_is_consistent(gaz):
    data = load_data("geo_aliases.json")
    for alias in data["aliases"]:
        found = [p for p in gaz.lookup(alias["name"]) if p.country_iso2 == alias["country"]]
        assert found, alias["name"]
    for demonym, iso2 in data["demonyms"].items():
        assert gaz.country(iso2) is not None, demonym
    for name, iso2 in data["country_aliases"].items():
        assert STATES.iso2(name) == iso2, name
