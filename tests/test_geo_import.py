"""Importing GeoNames dumps into the gazetteer, on small dumps in the real formats written here."""

import functools
import hashlib
import http.server
import shutil
import sqlite3
import threading
import zipfile

import pytest
from click.testing import CliRunner

from strife.cli import main
from strife.extract.lexicon import load_data
from strife.geo import Gazetteer, GazetteerImportError, import_geonames
from strife.geo.gazetteer import KIND_RANK

# real ids of the default index: Balochistan, Khyber Pakhtunkhwa, Kachhi District,
# North Waziristan, Mach (a town of cities500), Kunar province
BALOCHISTAN, KP, KACHHI, N_WAZIRISTAN, MACH, KUNAR = 1183606, 1168873, 1175527, 1168875, 1171757, 1135702
VILLAGE, VALLEY, MOUNTAIN, DISTRICT, DISTRICT_VILLAGE, AF_VILLAGE, WELL = range(90000001, 90000008)


def place_row(gid, name, ascii_name, lat, lon, fclass, fcode, iso2, a1, a2="", pop=0, alternates=""):
    """One line of allCountries.txt / XX.txt: GeoNames' 19 tab-separated columns."""
    cols = [gid, name, ascii_name, alternates, lat, lon, fclass, fcode, iso2, "", a1, a2, "", "", pop, "", "1200", "Asia/Karachi", "2024-03-01"]
    return "\t".join(str(c) for c in cols) + "\n"


PK_ROWS = [
    place_row(VILLAGE, "Spīnkai Raghzai", "Spinkai Raghzai", 30.1, 67.6, "P", "PPL", "PK", "02", "1175527", alternates="Spinkai Raghzay"),
    place_row(VALLEY, "Shawal Valley", "Shawal Valley", 32.6, 69.6, "T", "VAL", "PK", "03", "1168875"),
    place_row(MOUNTAIN, "Takatu", "Takatu", 30.33, 67.08, "T", "MT", "PK", "02"),
    place_row(DISTRICT, "Hub District", "Hub District", 25.3, 66.9, "A", "ADM2", "PK", "02", "900"),
    place_row(DISTRICT_VILLAGE, "Sakran Goth", "Sakran Goth", 25.2, 66.8, "P", "PPL", "PK", "02", "900"),
    place_row(MACH, "Mach", "Mach", 29.86, 67.33, "P", "PPL", "PK", "02", "1175527", pop=99999),
    place_row(WELL, "Chah Khushk", "Chah Khushk", 28.0, 65.0, "H", "WLL", "PK", "02"),
    "90000009\tCut Short\tCut Short\t\t30.0\t67.0\tP\tPPL\tPK\n",  # a truncated line
    place_row(90000010, "Bad Latitude", "Bad Latitude", "north", 67.0, "P", "PPL", "PK", "02"),
]
AF_ROWS = [place_row(AF_VILLAGE, "Dewagal", "Dewagal", 34.9, 71.0, "P", "PPL", "AF", "34")]
ADMIN1 = f"PK.02\tBalochistan\tBalochistan\t{BALOCHISTAN}\nPK.03\tKhyber Pakhtunkhwa\tKhyber Pakhtunkhwa\t{KP}\nAF.34\tKunar\tKunar\t{KUNAR}\n"
# the codes file may name a unit otherwise than its own row does (Hub / Hub District)
ADMIN2 = (f"PK.02.1175527\tKachhi\tKachhi\t{KACHHI}\nPK.03.1168875\tNorth Waziristan\tNorth Waziristan\t{N_WAZIRISTAN}\n"
          f"PK.02.900\tHub\tHub\t{DISTRICT}\n")


def alt_row(alt_id, gid, lang, name, historic=0, colloquial=0):
    """One line of alternateNamesV2.txt: id, geonameid, isolanguage, name, preferred, short, colloquial, historic, from, to."""
    return f"{alt_id}\t{gid}\t{lang}\t{name}\t0\t0\t{colloquial}\t{historic}\t\t\n"


ALT_ROWS = [
    alt_row(1, VILLAGE, "en", "Spin Kai"),
    alt_row(2, VILLAGE, "link", "https://en.wikipedia.org/wiki/Spinkai_Raghzai"),
    alt_row(3, VILLAGE, "post", "87300"),
    alt_row(4, VILLAGE, "ps", "سپينکۍ"),
    alt_row(5, VILLAGE, "", "Spinkai Chowk", colloquial=1),
    alt_row(6, DISTRICT, "", "Lasbela Hub", historic=1),
    alt_row(7, MACH, "en", "Mach Bazar"),
    alt_row(8, MOUNTAIN, "iata", "TKT"),
    "9\t90000001\n",  # malformed
]


def write_zip(path, member, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, text)
        zf.writestr("readme.txt", "GeoNames readme: not data\n")
    return path


@pytest.fixture(scope="module")
def dumps(tmp_path_factory):
    d = tmp_path_factory.mktemp("dumps")
    (d / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    (d / "admin2Codes.txt").write_text(ADMIN2, encoding="utf-8")
    write_zip(d / "allCountries.zip", "allCountries.txt", "".join(PK_ROWS + AF_ROWS))
    write_zip(d / "alternateNamesV2.zip", "alternateNamesV2.txt", "".join(ALT_ROWS))
    return d


def dump_files(d):
    return [d / "allCountries.zip", d / "admin1CodesASCII.txt", d / "admin2Codes.txt", d / "alternateNamesV2.zip"]


@pytest.fixture(scope="module")
def default_gaz():
    return Gazetteer.open()


def copy_of_default(default_gaz, directory):
    target = directory / "gazetteer.sqlite"
    shutil.copyfile(default_gaz.path, target)
    return target


@pytest.fixture(scope="module")
def imported(tmp_path_factory, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path_factory.mktemp("imported"))
    stats = import_geonames(dump_files(dumps), index)
    return stats, Gazetteer.open(index)


def differences(path_a, path_b, table, where=""):
    """Rows of `table` only in a, only in b (SQLite compares: the tables have 800k rows)."""
    db = sqlite3.connect(path_a)
    db.execute("ATTACH DATABASE ? AS b", (str(path_b),))
    only_a = db.execute(f"SELECT count(*) FROM (SELECT * FROM main.{table} EXCEPT SELECT * FROM b.{table} {where})").fetchone()[0]
    only_b = db.execute(f"SELECT count(*) FROM (SELECT * FROM b.{table} {where} EXCEPT SELECT * FROM main.{table})").fetchone()[0]
    db.close()
    return only_a, only_b


def only(places, iso2="PK"):
    (place,) = [p for p in places if p.country_iso2 == iso2]
    return place


def test_village_district_valley_mountain_added_with_their_admin_units(imported):
    _, gaz = imported
    village = only(gaz.lookup("Spinkai Raghzai"))
    assert (village.kind, village.feature_class, village.feature_code) == ("city", "P", "PPL")
    assert (village.admin1, village.admin1_id, village.admin2, village.admin2_id) == ("Balochistan", BALOCHISTAN, "Kachhi District", KACHHI)
    assert (village.country, village.iso3) == ("Pakistan", "PAK")
    assert village.to_location(1).admin2 == "Kachhi"
    valley = only(gaz.lookup("Shawal Valley"))
    assert (valley.kind, valley.feature_code, valley.admin1, valley.admin2_id) == ("other", "VAL", "Khyber Pakhtunkhwa", N_WAZIRISTAN)
    mountain = only(gaz.lookup("Takatu"))
    assert (mountain.kind, mountain.feature_code, mountain.admin1, mountain.admin2) == ("other", "MT", "Balochistan", None)
    # a new admin2, and a village inside it named after the district's own row
    district = gaz.lookup("Hub District")[0]  # the district before Hub the town
    assert (district.kind, district.admin1, district.admin2_id) == ("admin2", "Balochistan", DISTRICT)
    goth = only(gaz.lookup("Sakran Goth"))
    assert (goth.admin2, goth.admin2_id, goth.admin1) == ("Hub District", DISTRICT, "Balochistan")
    kunar_village = only(gaz.lookup("Dewagal"), "AF")
    assert (kunar_village.country, kunar_village.admin1_id) == ("Afghanistan", KUNAR)
    assert [p.name for p in gaz.parents(goth)] == ["Hub District", "Balochistan", "Pakistan"]


def test_a_village_the_default_index_lacks_now_resolves(imported, default_gaz):
    _, gaz = imported
    for name in ("Spinkai Raghzai", "Spīnkai Raghzai", "Spin Kai"):
        assert not [p for p in default_gaz.lookup(name) if p.country_iso2 == "PK"], name
        assert only(gaz.lookup(name)).geonameid == VILLAGE, name
    assert only(gaz.lookup("Lasbela Hub")).geonameid == DISTRICT  # a historic name is an alias


def test_codes_links_and_colloquial_names_are_not_names(imported):
    stats, gaz = imported
    for name in ("87300", "https://en.wikipedia.org/wiki/Spinkai_Raghzai", "Spinkai Chowk", "TKT"):
        assert not [p for p in gaz.lookup(name) if p.geonameid in (VILLAGE, MOUNTAIN)], name
    assert stats.names_skipped["link"] == 1 and stats.names_skipped["post"] == 1 and stats.names_skipped["iata"] == 1
    assert stats.names_skipped["colloquial"] == 1 and stats.names_skipped["not in Latin script"] == 1


def test_features_left_out_by_rule_and_counted(imported):
    stats, gaz = imported
    assert not gaz.lookup("Chah Khushk")
    assert stats.places_filtered == {"feature H.WLL": 1}
    assert stats.kinds == {"city": 4, "other": 2, "admin2": 1}  # the well is read, then left out


def test_default_places_keep_their_records(imported, default_gaz):
    stats, gaz = imported
    assert differences(default_gaz.path, gaz.path, "places", "WHERE source = 'default'") == (0, 0)
    assert gaz.get(MACH).population != 99999 and stats.places_kept == 1
    assert only(gaz.lookup("Mach Bazar")).geonameid == MACH  # but the dump's names reach them


def test_malformed_lines_are_counted_and_reported(imported):
    stats, _ = imported
    assert stats.malformed == 3
    assert any("allCountries.txt line 8" in p and "9 columns" in p for p in stats.problems)
    assert any("allCountries.txt line 9" in p and "number" in p for p in stats.problems)
    assert any("alternateNamesV2.txt line 9" in p for p in stats.problems)
    assert stats.places_added == 6 and stats.places_read == 8


def test_importing_twice_gives_the_same_index(tmp_path, imported, dumps):
    _, gaz = imported
    again = tmp_path / "again.sqlite"
    shutil.copyfile(gaz.path, again)
    stats = import_geonames(dump_files(dumps), again)
    assert stats.places_added == 0 and stats.places_updated == 6 and stats.names_added == 0

    for table in ("places", "names", "meta"):
        assert differences(again, gaz.path, table) == (0, 0), table


def test_only_the_countries_asked_for(tmp_path, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path)
    stats = import_geonames(dump_files(dumps), index, countries={"AF"})
    gaz = Gazetteer.open(index)
    assert only(gaz.lookup("Dewagal"), "AF").geonameid == AF_VILLAGE
    assert not gaz.lookup("Spinkai Raghzai")
    assert stats.places_filtered["other country"] == 7


def test_without_an_alternate_names_file_the_rows_own_alternates_count(tmp_path, default_gaz, dumps, imported):
    index = copy_of_default(default_gaz, tmp_path)
    import_geonames([dumps / "allCountries.zip", dumps / "admin1CodesASCII.txt"], index)
    gaz = Gazetteer.open(index)
    assert only(gaz.lookup("Spinkai Raghzay")).geonameid == VILLAGE
    # no admin2 codes file: the district's own row names it
    assert only(gaz.lookup("Sakran Goth")).admin2_id == DISTRICT
    # with the file, its filtered names are the alternates (the column repeats them unfiltered)
    assert not imported[1].lookup("Spinkai Raghzay")


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bad_zip_is_a_clear_error_and_the_index_stays(tmp_path, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path)
    before = sha(index)
    bad = tmp_path / "PK.zip"
    bad.write_bytes(b"<html>404 Not Found</html>")
    with pytest.raises(GazetteerImportError, match="PK.zip: not a readable zip"):
        import_geonames([dumps / "admin1CodesASCII.txt", bad], index)
    # a zip cut short in the middle of its data
    whole = (dumps / "allCountries.zip").read_bytes()
    cut = tmp_path / "cut" / "allCountries.zip"
    cut.parent.mkdir()
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(GazetteerImportError, match="allCountries.zip"):
        import_geonames([cut], index)
    assert sha(index) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert Gazetteer.open(index).lookup("Quetta")


def test_cli_import_reports_counts_and_skips(tmp_path, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path)
    files = [str(f) for f in dump_files(dumps)]
    result = CliRunner().invoke(main, ["gazetteer", "import", *files, "--index", str(index), "--country", "PK,AF"])
    assert result.exit_code == 1, result.output  # malformed lines were skipped
    assert "6 added" in result.stderr and "3 malformed lines" in result.stderr
    assert "allCountries.txt line 8: 9 columns" in result.stderr
    assert only(Gazetteer.open(index).lookup("Takatu")).feature_code == "MT"
    wrong = CliRunner().invoke(main, ["gazetteer", "import", files[0], "--country", "Pakistan"])
    assert wrong.exit_code == 2 and "two-letter" in wrong.output


@pytest.fixture
def geonames_server(tmp_path, dumps):
    """GeoNames' export/dump layout on a loopback HTTP server."""
    root = tmp_path / "dump"
    root.mkdir()
    write_zip(root / "PK.zip", "PK.txt", "".join(PK_ROWS))
    write_zip(root / "alternatenames" / "PK.zip", "PK.txt", "".join(ALT_ROWS))
    shutil.copy(dumps / "admin1CodesASCII.txt", root)
    shutil.copy(dumps / "admin2Codes.txt", root)
    (root / "countryInfo.txt").write_text(
        "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\t"
        "Postal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n"
        "PK\tPAK\t586\tPK\tPakistan\tIslamabad\t803940\t212215030\tAS\t.pk\tPKR\tRupee\t92\t#####\t^(\\d{5})$\tur-PK,en-PK\t1168579\tCN,AF,IR,IN\t\n",
        encoding="utf-8",
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_download_fetches_from_the_server_and_imports(tmp_path, default_gaz, geonames_server):
    index = copy_of_default(default_gaz, tmp_path)
    to = tmp_path / "fetched"
    args = ["gazetteer", "download", "--country", "PK", "--to", str(to), "--index", str(index)]
    result = CliRunner().invoke(main, args, env={"STRIFE_GEONAMES_URL": geonames_server})
    assert result.exit_code == 1, result.output  # the dump's malformed lines
    assert (to / "PK.zip").exists() and (to / "alternatenames" / "PK.zip").exists()
    gaz = Gazetteer.open(index)
    assert only(gaz.lookup("Spin Kai")).geonameid == VILLAGE
    assert "fetching " + geonames_server + "alternatenames/PK.zip" in result.stderr


def test_download_without_a_server_says_so(tmp_path, default_gaz, geonames_server):
    index = copy_of_default(default_gaz, tmp_path)
    before = sha(index)
    closed = "http://127.0.0.1:9/"  # the discard port: nothing listens there
    result = CliRunner().invoke(main, ["gazetteer", "download", "--country", "PK", "--to", str(tmp_path / "f"),
                                       "--index", str(index), "--base-url", closed])
    assert result.exit_code == 1 and "needs internet access" in result.output + result.stderr
    missing = CliRunner().invoke(main, ["gazetteer", "download", "--country", "XQ", "--to", str(tmp_path / "g"),
                                        "--index", str(index), "--base-url", geonames_server])
    assert missing.exit_code == 1 and "404" in missing.stderr
    assert sha(index) == before


def test_import_rules_data_is_consistent():
    rules = load_data("geonames_import.json")
    kinds = set(KIND_RANK)
    assert set(rules["classes"]) == set("AHLPRSTUV")  # GeoNames' nine feature classes
    for code, kind in list(rules["codes"].items()) + list(rules["classes"].items()):
        assert kind is None or kind in kinds, code
    for code in rules["codes"]:
        fclass, _, fcode = code.partition(".")
        assert fclass in rules["classes"] and fcode.isupper(), code
    assert "abbr" not in rules["skip_languages"] and {"link", "post", "iata"} <= set(rules["skip_languages"])


def test_a_rebuild_imports_the_dumps_again(tmp_path, monkeypatch, imported, default_gaz):
    import strife.geo.gazetteer as gazetteer_module

    # the index of an earlier strife version, holding an import; this version's is not built yet
    old = tmp_path / "gazetteer-v1.sqlite"
    shutil.copyfile(imported[1].path, old)
    target = tmp_path / f"gazetteer-v{gazetteer_module.INDEX_VERSION}.sqlite"
    monkeypatch.setattr(gazetteer_module, "build_index", lambda path: shutil.copyfile(default_gaz.path, path))
    with pytest.warns(UserWarning, match="strife gazetteer build"):
        assert not Gazetteer.open(target).lookup("Spinkai Raghzai")
    target.unlink()
    result = CliRunner().invoke(main, ["gazetteer", "build", "--path", str(target)])
    assert result.exit_code == 0 and "imported again admin1CodesASCII.txt, admin2Codes.txt, allCountries.zip" in result.stderr
    assert only(Gazetteer.open(target).lookup("Spinkai Raghzai")).geonameid == VILLAGE
    plain = CliRunner().invoke(main, ["gazetteer", "build", "--path", str(target), "--no-reimport"])
    assert plain.exit_code == 0 and not Gazetteer.open(target).lookup("Spinkai Raghzai")


def test_the_dump_folders_other_files_are_skipped_with_their_reason(tmp_path, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path)
    readme = tmp_path / "readme.txt"
    readme.write_text("Readme for GeoNames.org Gazetteer extract files\n", encoding="utf-8")
    codes = tmp_path / "featureCodes_en.txt"
    codes.write_text("A.ADM1\tfirst-order administrative division\ta primary administrative division\n", encoding="utf-8")
    deletes = tmp_path / "deletes-2024-03-01.txt"
    deletes.write_text("12345\tOld Place\tduplicate\n", encoding="utf-8")
    stats = import_geonames([readme, codes, deletes, dumps / "allCountries.zip", dumps / "admin1CodesASCII.txt"], index)
    assert set(stats.files_skipped) == {str(readme), str(codes), str(deletes)}
    assert "documentation" in stats.files_skipped[str(readme)] and "not a GeoNames file" in stats.files_skipped[str(codes)]
    assert only(Gazetteer.open(index).lookup("Takatu")).feature_code == "MT"
    with pytest.raises(GazetteerImportError, match="no GeoNames data among the files"):
        import_geonames([readme, codes], index)


def test_imports_into_one_index_run_one_after_the_other(tmp_path, default_gaz, dumps):
    index = copy_of_default(default_gaz, tmp_path)
    first = tmp_path / "af" / "allCountries.zip"
    write_zip(first, "allCountries.txt", "".join(AF_ROWS))
    second = tmp_path / "pk" / "allCountries.zip"
    write_zip(second, "allCountries.txt", "".join(PK_ROWS))
    # each import copies the index it starts from: side by side, the later one would drop the other's places
    threads = [threading.Thread(target=import_geonames, args=([f, dumps / "admin1CodesASCII.txt"], index)) for f in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gaz = Gazetteer.open(index)
    assert only(gaz.lookup("Dewagal"), "AF").geonameid == AF_VILLAGE
    assert only(gaz.lookup("Takatu")).geonameid == MOUNTAIN
