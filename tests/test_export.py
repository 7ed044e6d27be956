"""The exports: ACLED, UCDP GED, PLOVER, GeoJSON, Parquet, flat CSV and JSON Lines, built
from real event records, read back with the readers their users have (csv, json, pyarrow)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pycountry
import pytest
from click.testing import CliRunner

from strife.cli import main
from strife.export import acled, flat, geojson, parquet, plover, ucdp
from strife.export.crosswalk import crosswalk
from strife.export.formats import export
from strife.export.jsonl import write_jsonl
from strife.export.records import EventFile, store_events, with_own_source
from strife.extract.lexicon import load_data
from strife.record import (
    Actor, ArticleRef, Count, Event, Evidence, GroupCount, Location, Revision, SourceRef,
)

# --- builders: real records -----------------------------------------------------------------

TEXT = "Militants attacked a police post in Mach on Tuesday, killing four policemen and two civilians."

MACH = Location(name="Mach", admin1="Balochistan", admin2="Kachhi", country="Pakistan", iso3="PAK",
                lat=29.8642, lon=67.3297, geo_precision=1, geonameid=1171757)


def battle(**changes) -> Event:
    event = Event(
        id="e_0123456789abcdef",
        article=ArticleRef(id="a_1", url="https://news.example/a1", title="Attack on Mach post", source="Dawn",
                           published="2024-01-31"),
        date="2024-01-30",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=Actor(name="BLA: Balochistan Liberation Army", mention="Militants", inter=2, role="perpetrator"),
        actor2=Actor(name="Police Forces of Pakistan", mention="police", inter=1, role="target"),
        victims=["four policemen", "two civilians"],
        targets=["police post"],
        location=MACH,
        fatalities=Count(low=6, best=6, high=9),
        fatalities_by_group=[GroupCount(group="policemen", n=4), GroupCount(group="civilians", n=2)],
        injuries=Count(low=3, best=3, high=3),
        weapons=["firearms"],
        claimed_by=["BLA: Balochistan Liberation Army"],
        disputes=["9 killed per the BLA; 6 per police"],
        evidence=[
            Evidence(field="actor1", start=0, end=9, quote="Militants"),
            Evidence(field="actor2", start=21, end=27, quote="police"),
            Evidence(field="location", start=36, end=40, quote="Mach"),
            Evidence(field="fatalities", start=53, end=93, quote=TEXT[53:93]),
        ],
        notes="On 30 January 2024, BLA militants attacked a police post in Mach.",
        confidence=0.8,
    )
    return event.model_copy(update=changes)


def merged_battle() -> Event:
    return battle(
        sources=[
            SourceRef(article_id="a_1", url="https://news.example/a1", title="Attack on Mach post", source="Dawn",
                      published="2024-01-31", event_id="e_a", date="2024-01-30", location=MACH,
                      fatalities=Count(low=6, best=6, high=6)),
            SourceRef(article_id="a_2", url="https://wire.example/a2", title="Pakistan: militants hit post", source="Reuters",
                      published="2024-02-01", event_id="e_b", date="2024-01-30",
                      fatalities=Count(low=9, best=9, high=9), claimed_by=["BLA: Balochistan Liberation Army"]),
        ],
        revisions=[
            Revision(at="2024-01-31T08:00:00+00:00", kind="created", article_id="a_1"),
            Revision(at="2024-02-01T10:30:00+00:00", kind="source_added", article_id="a_2",
                     changes={"fatalities.high": [6, 9]}, match={"score": 0.91, "agreed": ["date", "location"]}),
        ],
        merged_from=["e_b"],
    )


def killing_of_civilians() -> Event:
    return battle(
        id="e_civ", event_type="Violence against civilians", sub_event_type="Attack",
        actor1=Actor(name="Unidentified Armed Group (Pakistan)", inter=3, role="perpetrator"),
        actor2=Actor(name="Civilians (Pakistan)", inter=7, role="target"),
        fatalities=Count(low=3, best=3, high=3), fatalities_by_group=[GroupCount(group="villagers", n=3)],
    )


def protest() -> Event:
    return battle(
        id="e_protest", disorder_type="Demonstrations", event_type="Protests", sub_event_type="Peaceful protest",
        actor1=Actor(name="Protesters (Kenya)", inter=6), actor2=None, fatalities=None, fatalities_by_group=[],
        location=Location(name="Nairobi", country="Kenya", iso3="KEN", lat=-1.2833, lon=36.8167, geo_precision=1),
    )


# --- the crosswalk and ACLED conventions are data, and consistent ------------------------------


def test_crosswalk_covers_exactly_the_taxonomy_with_valid_plover_and_cameo():
    cw = crosswalk()
    taxonomy = {s for t in load_data("taxonomy.json")["types"] for s in t["sub_event_types"]}
    assert len(taxonomy) == 25
    assert set(cw["sub_event_types"]) == taxonomy
    for sub, entry in cw["sub_event_types"].items():
        if entry["plover"] is None:
            assert entry.get("reason"), f"{sub}: a null PLOVER type needs a reason"
            assert entry["cameo_root"] is None and entry["mode"] is None
            continue
        assert entry["plover"] in cw["plover_event_types"], sub
        assert entry["mode"] is None or entry["mode"] in cw["plover_modes"][entry["plover"]], sub
        assert entry["cameo_root"] in cw["cameo_roots"], sub
        assert set(entry["context"]) <= set(cw["plover_contexts"]), sub
        assert entry["ucdp"] in cw["ucdp_scopes"]["values"], sub
    assert len(cw["plover_event_types"]) == 16
    assert sorted(cw["cameo_roots"]) == [f"{n:02d}" for n in range(1, 21)]
    assert set(cw["agent_types"]["by_inter"]) == {str(n) for n in range(1, 9)}
    assert set(cw["agent_types"]["by_inter"].values()) <= set(cw["agent_types"]["values"])


def test_crosswalk_weapon_modes_name_real_weapons_and_assault_modes():
    cw = crosswalk()
    weapons = set(load_data("weapons.json")["weapons"])
    order = cw["assault_mode_by_weapon"]["order"]
    assert {w for w, _ in order} <= weapons
    assert {m for _, m in order} <= set(cw["plover_modes"]["ASSAULT"])


def test_ucdp_side_names_follow_ucdp_conventions():
    from strife.export.crosswalk import agent_type, ucdp_side_name

    assert ucdp_side_name(Actor(name="Military Forces of Pakistan", inter=1)) == "Government of Pakistan"
    assert ucdp_side_name(Actor(name="Police Forces of Democratic Republic of Congo (2019-)", inter=1)) == \
        "Government of Democratic Republic of Congo"
    assert ucdp_side_name(Actor(name="Military Forces of Russia", inter=8)) == "Government of Russia"
    assert ucdp_side_name(Actor(name="Civilians (Pakistan)", inter=7)) == "Civilians"
    assert ucdp_side_name(Actor(name="TTP: Tehreek-i-Taliban Pakistan", inter=2)) == "TTP: Tehreek-i-Taliban Pakistan"
    assert agent_type(Actor(name="Police Forces of Kenya", inter=1)) == "COP"
    assert agent_type(Actor(name="Military Forces of Kenya", inter=1)) == "MIL"
    assert agent_type(Actor(name="Someone", inter=None)) is None


def test_crosswalk_sends_violence_to_assault_and_demonstrations_to_protest():
    subs = crosswalk()["sub_event_types"]
    battles = next(t for t in load_data("taxonomy.json")["types"] if t["event_type"] == "Battles")
    assert {subs[s]["plover"] for s in battles["sub_event_types"]} == {"ASSAULT"}
    assert subs["Peaceful protest"]["cameo_root"] == "14"
    assert subs["Arrests"]["plover"] == "COERCE" and subs["Arrests"]["mode"] == "arrest"
    assert subs["Air/drone strike"]["mode"] == "aerial"
    assert subs["Chemical weapon"]["cameo_root"] == "20"


def test_acled_regions_cover_every_country_once():
    conv = acled.conventions()
    codes = [c for region in conv["regions"].values() for c in region]
    assert len(codes) == len(set(codes)), "a country in two regions"
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(codes), sorted(iso - set(codes))
    assert set(codes) - iso == {"XKX"}  # Kosovo, documented in the file
    assert set(conv["outlet_scale"].values()) <= set(conv["source_scales"])
    assert acled.region("pak") == "South Asia" and acled.region("SDN") == "Northern Africa"
    assert acled.region(None) == "" and acled.region("QQQ") == ""


# --- ACLED ------------------------------------------------------------------------------------


def test_acled_row_follows_acled_conventions():
    row = acled.acled_row(battle())
    assert re.fullmatch(r"PAK\d{1,10}", row["event_id_cnty"])
    assert row["iso"] == 586 and row["region"] == "South Asia"
    assert row["fatalities"] == 6  # the conservative low figure
    assert "low 6, best 6, high 9" in row["notes"] and "9 killed per the BLA" in row["notes"]
    assert row["interaction"] == "12" and row["inter1"] == 2 and row["inter2"] == 1
    assert row["civilian_targeting"] == ""
    assert row["year"] == 2024 and row["event_date"] == "2024-01-30"
    assert row["source"] == "Dawn" and row["source_scale"] == "National"
    assert row["timestamp"] == int(dt.datetime(2024, 1, 31, tzinfo=dt.timezone.utc).timestamp())
    assert list(row) == acled.COLUMNS


def test_acled_notes_carry_the_claim_and_the_words_behind_the_toll():
    text = acled.notes(battle())
    assert text.startswith("On 30 January 2024, BLA militants attacked")
    # The summary names 'BLA' but not the group's full name, so the claim is stated.
    assert "Balochistan Liberation Army (BLA) claimed responsibility." in text
    assert f'reported as: "{TEXT[53:93]}"' in text
    told = battle(notes="On 30 January 2024, militants attacked a post, " + TEXT[53:93] + ".",
                  fatalities=Count(low=6, best=6, high=6), claimed_by=[], disputes=[])
    assert acled.notes(told) == told.notes  # nothing to add: the summary states the toll


def test_acled_ids_are_stable_and_distinct():
    assert acled.event_id_cnty(battle()) == acled.event_id_cnty(battle())
    assert acled.event_id_cnty(battle()) != acled.event_id_cnty(battle(id="e_fedcba9876543210"))
    no_id = battle(id="")
    assert acled.event_id_cnty(no_id) == acled.event_id_cnty(no_id.model_copy())
    assert acled.event_id_cnty(battle(location=None)).startswith("XXX")


def test_acled_civilian_targeting_and_assoc_actors():
    assert acled.acled_row(killing_of_civilians())["civilian_targeting"] == "Civilian targeting"
    bombing = battle(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                     actor2=Actor(name="Civilians (Pakistan)", inter=7))
    assert acled.acled_row(bombing)["civilian_targeting"] == "Civilian targeting"
    with_assoc = battle(assoc_actors=[Actor(name="TTP: Tehreek-i-Taliban Pakistan", inter=2, role="participant"),
                                      Actor(name="Military Forces of Pakistan", inter=1, role="target")])
    row = acled.acled_row(with_assoc)
    assert row["assoc_actor_1"] == "TTP: Tehreek-i-Taliban Pakistan"
    assert row["assoc_actor_2"] == "Military Forces of Pakistan"
    single = acled.acled_row(protest())
    assert single["interaction"] == "60" and single["actor2"] == "" and single["fatalities"] == 0
    assert "[fatalities: not reported]" in single["notes"]


def test_acled_merged_event_lists_its_outlets_and_last_revision():
    row = acled.acled_row(merged_battle())
    assert row["source"] == "Dawn; Reuters"
    assert row["source_scale"] == "National-International"
    assert row["timestamp"] == int(dt.datetime(2024, 2, 1, 10, 30, tzinfo=dt.timezone.utc).timestamp())
    assert "reports=2" in row["tags"]


def test_acled_csv_is_deterministic_and_parses_back_to_the_same_fields():
    events = [battle(), merged_battle(), killing_of_civilians(), protest()]
    first, second = io.StringIO(), io.StringIO()
    assert acled.write_acled(events, first) == 4
    acled.write_acled(events, second)
    assert first.getvalue() == second.getvalue()
    rows = list(csv.DictReader(io.StringIO(first.getvalue())))
    assert list(rows[0]) == acled.COLUMNS
    for parsed, event in zip(rows, events):
        expected = {k: "" if v == "" else str(v) for k, v in acled.acled_row(event).items()}
        assert parsed == expected
    assert float(rows[0]["latitude"]) == pytest.approx(29.8642)


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_round_trips_events_with_sources_and_revisions(tmp_path):
    events = [merged_battle(), killing_of_civilians()]
    out = io.StringIO()
    assert write_jsonl(events, out) == 2
    back = list(EventFile(io.StringIO(out.getvalue()), "x.jsonl"))
    assert back == events
    assert back[0].sources[1].fatalities.best == 9
    assert back[0].revisions[1].changes == {"fatalities.high": [6, 9]}


def test_event_file_skips_bad_lines_with_their_reason():
    lines = [battle().to_json(), "{oops", "[1, 2]", json.dumps({"id": "e_x"}), "", protest().to_json()]
    source = EventFile(io.StringIO("\n".join(lines) + "\n"), "mixed.jsonl")
    assert [e.id for e in source] == ["e_0123456789abcdef", "e_protest"]
    reasons = {s.origin: s.reason for s in source.skipped}
    assert set(reasons) == {"mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4"}
    assert reasons["mixed.jsonl:2"].startswith("not JSON")
    assert "list" in reasons["mixed.jsonl:3"]
    assert "article" in reasons["mixed.jsonl:4"]


def test_an_unmerged_event_gets_its_own_report_as_source():
    own = with_own_source(battle())
    (source,) = own.sources
    assert (source.article_id, source.url, source.published) == ("a_1", "https://news.example/a1", "2024-01-31")
    assert source.fatalities == battle().fatalities and source.event_id == battle().id
    assert with_own_source(merged_battle()).sources == merged_battle().sources
    assert with_own_source(own) == own


# --- flat CSV ---------------------------------------------------------------------------------


def test_csv_flattens_actors_counts_lists_sources_and_revisions():
    out = io.StringIO()
    flat.write_csv([merged_battle(), protest()], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == flat.NAMES
    row = rows[0]
    assert row["actor1_name"] == "BLA: Balochistan Liberation Army" and row["actor1_inter"] == "2"
    assert row["fatalities_low"] == "6" and row["fatalities_high"] == "9"
    assert row["victims"] == "four policemen | two civilians"
    assert row["fatalities_by_group"] == "policemen: 4 | civilians: 2"
    assert row["disputes"] == "9 killed per the BLA; 6 per police"  # "; " inside a value stays whole
    assert row["n_sources"] == "2" and row["source_outlets"] == "Dawn | Reuters"
    assert row["source_article_ids"] == "a_1 | a_2"
    assert row["n_revisions"] == "2" and row["last_revised"] == "2024-02-01T10:30:00+00:00"
    assert row["merged_from"] == "e_b"
    assert rows[1]["actor2_name"] == "" and rows[1]["fatalities_best"] == ""


# --- GeoJSON ----------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_in_lon_lat_and_counts_unmapped_events():
    unplaced = battle(id="e_nowhere", location=Location(name="somewhere", country="Pakistan", iso3="PAK"))
    out = io.StringIO()
    result = geojson.write_geojson([battle(), unplaced, protest(), battle(id="e_noloc", location=None)], out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert result.features == 2 and len(doc["features"]) == 2
    first = doc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [67.3297, 29.8642]}  # lon, lat
    lon, lat = doc["features"][1]["geometry"]["coordinates"]
    assert (lon, lat) == (36.8167, -1.2833)
    assert dict(result.unmapped) == {"e_nowhere": "no coordinates for somewhere", "e_noloc": "no location"}
    assert doc["strife_unmapped"]["count"] == 2
    props = first["properties"]
    assert all(not isinstance(v, (dict, list)) for v in props.values())  # flat, one attribute table
    assert props["fatalities_best"] == 6 and props["victims"] == "four policemen | two civilians"
    assert "crs" not in doc  # RFC 7946: WGS 84 only, no crs member


# --- Parquet ----------------------------------------------------------------------------------


def test_parquet_reads_back_with_pyarrow_equal_to_the_input(tmp_path):
    path = tmp_path / "events.parquet"
    events = [merged_battle(), protest()]
    assert parquet.write_parquet(events, path) == 2
    table = pq.read_table(path)
    assert table.schema.equals(parquet.SCHEMA)
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("fatalities_best").type == pa.int64()
    assert table.schema.field("victims").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert rows == [parquet.parquet_row(e) for e in events]
    assert rows[0]["victims"] == ["four policemen", "two civilians"]
    assert rows[0]["sources"][1]["source"] == "Reuters" and rows[0]["sources"][1]["fatalities"]["best"] == 9
    assert rows[0]["evidence"][2] == {"field": "location", "start": 36, "end": 40, "quote": "Mach", "reason": None, "article_id": None}
    assert json.loads(rows[0]["revisions"][1]["changes"]) == {"fatalities.high": [6, 9]}
    assert rows[1]["fatalities_best"] is None and rows[1]["actor2_name"] is None


def test_parquet_needs_a_file():
    with pytest.raises(ValueError, match="binary"):
        export("parquet", [battle()], "-")


# --- UCDP GED ---------------------------------------------------------------------------------


def test_ucdp_state_based_puts_the_government_on_side_a_with_deaths_by_side():
    row = ucdp.ucdp_row(battle(fatalities_by_group=[GroupCount(group="policemen", n=4),
                                                    GroupCount(group="militants", n=1),
                                                    GroupCount(group="two civilians", n=1)]))
    assert row["type_of_violence"] == 1
    assert row["side_a"] == "Government of Pakistan"  # the state, though the rebels attacked
    assert row["side_b"] == "BLA: Balochistan Liberation Army"
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"], row["deaths_unknown"]) == (4, 1, 1, 0)
    assert (row["best"], row["low"], row["high"]) == (6, 6, 9)
    assert row["where_prec"] == 1 and row["date_prec"] == 1
    assert row["source_office"] == "Dawn" and row["source_headline"] == "Attack on Mach post"
    assert row["source_date"] == "2024-01-31" and row["adm_1"] == "Balochistan" and row["adm_2"] == "Kachhi"
    assert row["relid"].startswith("PAK-2024-1-")


def test_ucdp_merged_event_cites_each_report():
    row = ucdp.ucdp_row(merged_battle())
    assert row["number_of_sources"] == 2
    assert row["source_office"] == "Dawn;Reuters"
    assert row["source_date"] == "2024-01-31;2024-02-01"
    assert row["source_headline"] == "Attack on Mach post;Pakistan: militants hit post"
    unnamed = merged_battle()
    unnamed.sources[1].source = None
    unnamed.sources[0].title = unnamed.sources[1].title = None
    row = ucdp.ucdp_row(unnamed)
    assert row["source_office"] == "Dawn;a_2" and row["source_headline"] == ""
    assert acled.acled_row(unnamed)["source"] == "Dawn; a_2"


def test_ucdp_one_sided_and_non_state():
    civ = ucdp.ucdp_row(killing_of_civilians())
    assert civ["type_of_violence"] == 3
    assert (civ["side_a"], civ["side_b"]) == ("Unidentified Armed Group (Pakistan)", "Civilians")
    assert civ["deaths_civilians"] == 3 and civ["deaths_unknown"] == 0
    clash = battle(actor1=Actor(name="TTP: Tehreek-i-Taliban Pakistan", inter=2),
                   actor2=Actor(name="Lashkar-e-Islam", inter=3))
    row = ucdp.ucdp_row(clash)
    assert row["type_of_violence"] == 2
    assert (row["side_a"], row["side_b"]) == ("TTP: Tehreek-i-Taliban Pakistan", "Lashkar-e-Islam")
    bombing_of_civilians = battle(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                                  actor2=Actor(name="Civilians (Pakistan)", inter=7))
    assert ucdp.ucdp_row(bombing_of_civilians)["type_of_violence"] == 3


def test_ucdp_groups_that_add_up_beyond_best_attribute_nothing():
    row = ucdp.ucdp_row(battle(fatalities=Count(low=5, best=5, high=9),
                               fatalities_by_group=[GroupCount(group="soldiers", n=5), GroupCount(group="soldiers", n=4)]))
    assert (row["deaths_a"], row["deaths_unknown"]) == (0, 5)


def test_ucdp_leaves_out_what_ged_does_not_count_with_reasons():
    out = io.StringIO()
    no_deaths = battle(id="e_nodead", fatalities=Count(low=0, best=0, high=0))
    result = ucdp.write_ucdp([battle(), protest(), no_deaths, battle(id="e_alone", actor2=None)], out)
    assert result.rows == 1
    reasons = dict(result.left_out)
    assert "at least one" in reasons["e_protest"]
    assert "at least one" in reasons["e_nodead"]
    assert "other side" in reasons["e_alone"]
    assert "not organised violence" in ucdp.dyad(protest())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ucdp.COLUMNS and rows[0]["strife_event_id"] == battle().id


def test_ucdp_precision_codes():
    district = battle(location=Location(name="Kachhi", admin1="Balochistan", admin2="Kachhi", country="Pakistan",
                                        iso3="PAK", lat=29.5, lon=67.6, geo_precision=3))
    province = battle(location=Location(name="Balochistan", admin1="Balochistan", country="Pakistan", iso3="PAK",
                                        lat=28.5, lon=65.5, geo_precision=3))
    near = battle(location=MACH.model_copy(update={"geo_precision": 2}))
    country_only = battle(location=Location(country="Pakistan", iso3="PAK"))
    assert [ucdp.where_prec(e) for e in (battle(), near, district, province, country_only)] == [1, 2, 3, 4, 6]
    assert ucdp.date_prec(battle(date_end="2024-02-02")) == 2
    assert ucdp.date_prec(battle(time_precision=2)) == 3
    assert ucdp.date_prec(battle(time_precision=3, date="2024-01-01", date_end="2024-01-31")) == 4
    assert ucdp.date_prec(battle(date=None)) is None


# --- PLOVER -----------------------------------------------------------------------------------


def test_plover_event_carries_type_actors_place_offsets_and_citation():
    record = plover.plover_event(battle())
    assert (record["event_type"], record["mode"], record["cameo_root"]) == ("ASSAULT", "firearms", "19")
    assert record["actor"]["agent_type"] == "REB" and record["actor"]["text"] == "Militants"
    assert record["actor"]["offsets"] == [{"start": 0, "end": 9, "text": "Militants"}]
    assert record["recipient"]["agent_type"] == "COP" and record["recipient"]["country"] == "PAK"
    assert record["location"]["geonameid"] == 1171757 and record["location"]["lon"] == 67.3297
    assert {o["field"] for o in record["text_offsets"]} == {"actor1", "actor2", "location", "fatalities"}
    for o in record["text_offsets"]:
        assert TEXT[o["start"]:o["end"]] == o["text"]
    assert record["citation"]["url"] == "https://news.example/a1"
    assert record["magnitude"]["killed"] == 6
    assert "unmapped_reason" not in record


def test_plover_mode_left_open_by_the_sub_type_comes_from_the_weapons():
    knife_attack = killing_of_civilians().model_copy(update={"weapons": ["bladed weapons"]})
    assert plover.plover_event(knife_attack)["mode"] == "primitive"
    shooting = killing_of_civilians().model_copy(update={"weapons": ["bladed weapons", "firearms"]})
    assert plover.plover_event(shooting)["mode"] == "firearms"
    assert plover.plover_event(killing_of_civilians().model_copy(update={"weapons": []}))["mode"] is None
    assert plover.plover_event(protest().model_copy(update={"weapons": ["firearms"]}))["mode"] == "demonstrate"


def test_plover_unmapped_sub_type_is_null_with_reason_and_merged_sources_are_cited():
    other = plover.plover_event(battle(event_type="Strategic developments", sub_event_type="Other"))
    assert other["event_type"] is None and "residual" in other["unmapped_reason"]
    record = plover.plover_event(merged_battle())
    assert [c["article_id"] for c in record["other_citations"]] == ["a_2"]
    out = io.StringIO()
    plover.write_plover([battle(), protest()], out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["event_type"] for r in lines] == ["ASSAULT", "PROTEST"]


# --- the command ------------------------------------------------------------------------------


def test_filters_go_only_to_a_store_that_takes_them():
    class NarrowStore:
        def __init__(self):
            self.called = None

        def events(self, country=None, since=None, limit=None):
            self.called = dict(country=country, since=since, limit=limit)
            return []

    store = NarrowStore()
    found, refused = store_events(store, country="PAK", admin1="Balochistan", since=None)
    assert found == [] and refused == ["admin1"]
    assert store.called == {"country": "PAK", "since": None, "limit": None}


def test_export_from_jsonl_file_reports_skipped_lines(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(battle().to_json() + "\nnot json\n" + protest().to_json() + "\n")
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(main, ["export", "--format", "geojson", "--from", str(path), "-o", str(out)])
    assert result.exit_code == 1  # a line was skipped
    assert f"{path}:2" in result.stderr
    assert len(json.loads(out.read_text())["features"]) == 2
    ged = CliRunner().invoke(main, ["export", "--format", "ucdp", "--from", str(path)])
    assert "left out 1 (not expressible in ucdp): no death reported" in ged.stderr and "e_protest" in ged.stderr
    assert len(list(csv.DictReader(io.StringIO(ged.stdout)))) == 1
    refused = CliRunner().invoke(main, ["export", "--format", "csv", "--from", str(path), "--country", "PAK"])
    assert refused.exit_code == 2 and "--country" in refused.output
    nowhere = CliRunner().invoke(main, ["export", "--format", "csv", "--from", str(path), "-o", str(tmp_path / "no" / "x.csv")])
    assert nowhere.exit_code == 2 and "No such file or directory" in nowhere.output
    missing = CliRunner().invoke(main, ["export", "--format", "csv", "--from", str(tmp_path / "absent.jsonl")])
    assert missing.exit_code == 2 and "absent.jsonl" in missing.output
    onto_itself = CliRunner().invoke(main, ["export", "--format", "jsonl", "--from", str(path), "-o", str(path)])
    assert onto_itself.exit_code == 2 and "erase" in onto_itself.output
    assert path.read_text().count("\n") == 3  # the input is intact
    binary = CliRunner().invoke(main, ["export", "--format", "parquet", "--from", str(path)])
    assert binary.exit_code == 2 and "-o FILE.parquet" in binary.output


def test_jsonl_export_from_a_file_round_trips_with_sources_filled(tmp_path):
    path = tmp_path / "events.jsonl"
    events = [battle(), merged_battle()]
    path.write_text("".join(e.to_json() + "\n" for e in events))
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--from", str(path)])
    assert result.exit_code == 0, result.output
    back = [Event.model_validate_json(line) for line in result.stdout.splitlines()]
    assert back == [with_own_source(e) for e in events]
    assert back[0].sources[0].article_id == "a_1" and back[1].sources == merged_battle().sources


REPORT = (
    "QUETTA, Pakistan — Gunmen stormed a police checkpoint in Turbat on Monday night, killing three "
    "policemen, officials said. The attackers fled after a brief exchange of fire.\n"
)


def test_extract_ingest_export_end_to_end(tmp_path):
    runner = CliRunner()
    report = tmp_path / "turbat.txt"
    report.write_text(REPORT)
    db = str(tmp_path / "store.sqlite")
    ingested = runner.invoke(main, ["ingest", str(report), "--db", db, "--published", "2024-03-05"])
    assert ingested.exit_code == 0, ingested.output
    acled_out = tmp_path / "acled.csv"
    done = runner.invoke(main, ["export", "--format", "acled", "--db", db, "--country", "PAK", "-o", str(acled_out)])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(acled_out.open()))
    assert len(rows) >= 1
    row = rows[0]
    assert row["event_id_cnty"].startswith("PAK") and row["iso"] == "586" and row["region"] == "South Asia"
    assert row["event_date"] == "2024-03-04" and row["fatalities"] == "3"
    assert row["source"] == "turbat.txt"
    pq_out = tmp_path / "events.parquet"
    assert runner.invoke(main, ["export", "--format", "parquet", "--db", db, "-o", str(pq_out)]).exit_code == 0
    table = pq.read_table(pq_out).to_pylist()
    assert table[0]["fatalities_best"] == 3 and table[0]["sources"][0]["article_id"] == "turbat.txt"
    nothing = runner.invoke(main, ["export", "--format", "jsonl", "--db", db, "--country", "KEN"])
    assert nothing.exit_code == 0 and nothing.stdout == ""
