"""Matching a report's event to a known incident, and the record merged from all reports."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from importlib import resources

import pytest

from strife.record import Actor, ArticleRef, Count, Event, Evidence, Location
from strife.resolve import merge
from strife.resolve.merge import Report, candidate_window, match, merged_record

# --- builders ------------------------------------------------------------------------------

QUETTA = dict(name="Quetta", admin1="Balochistan", admin2="Quetta", country="Pakistan", iso3="PAK",
              lat=30.1841, lon=67.0014, geo_precision=1)
BALOCHISTAN = dict(name="Balochistan", admin1="Balochistan", country="Pakistan", iso3="PAK",
                   lat=28.4735, lon=66.4814, geo_precision=3)
# A village and the district it lies in: Mir Ali in North Waziristan.
MIR_ALI = dict(name="Mir Ali", admin1="Khyber Pakhtunkhwa", admin2="North Waziristan", country="Pakistan",
               iso3="PAK", lat=33.0226, lon=70.2683, geo_precision=1)
NORTH_WAZIRISTAN = dict(name="North Waziristan", admin1="Khyber Pakhtunkhwa", admin2="North Waziristan",
                        country="Pakistan", iso3="PAK", lat=32.95, lon=70.0, geo_precision=2)
KABUL = dict(name="Kabul", admin1="Kabul", country="Afghanistan", iso3="AFG", lat=34.5281, lon=69.1723, geo_precision=1)
UAG = dict(name="Unidentified Armed Group (Pakistan)", inter=3, role="perpetrator")
CIVILIANS = dict(name="Civilians (Pakistan)", inter=7, role="target")
POLICE = dict(name="Police Forces of Pakistan", inter=1, role="target")
TTP = dict(name="TTP: Tehreek-i-Taliban Pakistan", inter=2, role="perpetrator")


def report(
    article_id="a1",
    date="2024-03-04",
    place=QUETTA,
    event_type="Explosions/Remote violence",
    sub="Remote explosive/landmine/IED",
    actor1=UAG,
    actor2=CIVILIANS,
    killed=None,
    injured=None,
    targets=("vegetable market",),
    weapons=("bomb",),
    published="2024-03-04",
    precision=1,
    mode="reported",
    date_end=None,
    claimed_by=(),
    id=None,
    sentence=None,
) -> Event:
    text = f"report {article_id}"
    # The sentence the event was coded from, as the extraction's evidence for its mode.
    told = [Evidence(field="mode", start=0, end=len(sentence), quote=sentence)] if sentence else []
    return Event(
        id=id or f"e_{article_id}",
        article=ArticleRef(id=article_id, published=published),
        mode=mode,
        date=date,
        date_end=date_end,
        time_precision=precision,
        event_type=event_type,
        sub_event_type=sub,
        actor1=Actor(**actor1) if actor1 else None,
        actor2=Actor(**actor2) if actor2 else None,
        location=Location(**place) if place else None,
        fatalities=Count(low=killed, best=killed, high=killed) if killed is not None else None,
        injuries=Count(low=injured, best=injured, high=injured) if injured is not None else None,
        targets=list(targets),
        weapons=list(weapons),
        claimed_by=list(claimed_by),
        evidence=[
            Evidence(field="event_type", start=0, end=6, quote=text[:6]),
            Evidence(field="fatalities", start=7, end=9, quote=text[7:9]),
            Evidence(field="location", start=2, end=4, quote=text[2:4]),
            *told,
        ],
    )


def as_report(event: Event, outlet: str, seq: int = 0) -> Report:
    return Report(article_id=event.article.id, record=event, outlet=outlet, published=event.article.published, seq=seq)


# --- the data file ---------------------------------------------------------------------------


def test_merge_rules_load_and_are_consistent():
    cfg = json.loads(resources.files("strife.data").joinpath("merge.json").read_text(encoding="utf-8"))
    assert cfg == merge.rules()
    assert set(cfg["weights"]) == set(merge._SCORERS)
    assert all(w > 0 for w in cfg["weights"].values())
    assert 0 < cfg["threshold"] < cfg["threshold_without_place"] <= 1
    windows = cfg["date_window_days"]
    # Vaguer dates get wider windows: day <= week <= month.
    assert windows["1"] <= windows["2"] <= windows["3"]
    assert cfg["place_km"]["same"] < cfg["place_km"]["near"] < cfg["place_km"]["veto"]
    for group in ("place_scores", "family_scores", "actor_scores", "count_scores", "target_scores", "weapon_scores"):
        assert all(-1 <= v <= 1 for v in cfg[group].values()), group
    # The families partition ACLED's event types exactly.
    taxonomy = json.loads(resources.files("strife.data").joinpath("taxonomy.json").read_text(encoding="utf-8"))
    types = [t["event_type"] for t in taxonomy["types"]]
    listed = [t for family in cfg["families"].values() for t in family]
    assert sorted(listed) == sorted(types) and len(listed) == len(set(listed))


def test_merge_rules_for_look_alikes_and_cross_family_codings_are_consistent():
    cfg = merge.rules()
    taxonomy = json.loads(resources.files("strife.data").joinpath("taxonomy.json").read_text(encoding="utf-8"))
    subs = {t["event_type"]: set(t["sub_event_types"]) for t in taxonomy["types"]}
    assert sorted(cfg["type_specificity"]) == sorted(subs)
    for entry in cfg["cross_family"]:
        for side in (entry["a"], entry["b"]):
            assert side["event_type"] in subs and side.get("sub_event_type", next(iter(subs[side["event_type"]]))) in subs[side["event_type"]]
        # Only pairs across families: within one family the family score already applies.
        assert merge.family_of(entry["a"]["event_type"]) != merge.family_of(entry["b"]["event_type"]), entry
        assert entry["why"]
    assert -1 <= cfg["family_scores"]["compatible_families"] < cfg["family_scores"]["same_family"]
    assert cfg["threshold_without_place"] <= cfg["threshold_undated"] <= 1
    # Weapon kinds speak of the canonical weapon names the extraction gives.
    weapons = json.loads(resources.files("strife.data").joinpath("weapons.json").read_text(encoding="utf-8"))["weapons"]
    named = [w for names in cfg["weapon_kinds"].values() for w in names]
    assert set(named) <= set(weapons) and len(named) == len(set(named))
    assert set(cfg["generic_weapon_kinds"]) <= set(cfg["explosive_weapon_kinds"]) <= set(cfg["weapon_kinds"])
    # A site noun belongs to one kind of site.
    kinds_of = {}
    for kind, group in cfg["sites"].items():
        for noun in group:
            kinds_of.setdefault(merge._singular(noun, cfg), set()).add(kind)
    assert all(len(kinds) == 1 for kinds in kinds_of.values()), {n: k for n, k in kinds_of.items() if len(k) > 1}
    times = [name for name, _ in cfg["times_of_day"]]
    assert all(a in times and b in times for a, b in cfg["neighbouring_times"])
    for pattern in [p for ps in cfg["sequel_markers"].values() for p in ps] + [p for _, ps in cfg["times_of_day"] for p in ps]:
        re.compile(pattern)


# --- matching ----------------------------------------------------------------------------------


def test_same_bombing_told_by_two_outlets_matches_and_says_why():
    m = match(report("a2", killed=8, published="2024-03-05"), report("a1", killed=5), known_id="e_a1")
    assert m.matched and m.veto is None
    assert {"date", "place", "family", "targets"} <= set(m.agreed)
    explained = m.explain()
    assert explained["known_id"] == "e_a1" and explained["matched"] is True
    assert explained["fields"]["date"]["why"] == "same day (2024-03-04)"
    assert explained["score"] >= explained["threshold"]


def test_two_bombings_in_one_city_a_day_apart_stay_apart():
    market = report("a1", killed=5)
    station = report("a2", date="2024-03-05", sub="Suicide bomb", actor2=POLICE, killed=3,
                     targets=("police station",), weapons=("suicide vest",))
    m = match(station, market)
    assert not m.matched
    assert "date" in m.disagreed and "targets" in m.disagreed
    assert m.features["place"].score == 1.0  # same city: the place alone cannot tell them apart


def test_same_kind_of_attack_in_two_nearby_towns_same_day_stays_apart():
    idlib = dict(name="Idlib", admin1="Idlib", country="Syria", iso3="SYR", lat=35.9306, lon=36.6339, geo_precision=1)
    ariha = dict(name="Ariha", admin1="Idlib", country="Syria", iso3="SYR", lat=35.8136, lon=36.6075, geo_precision=1)
    strike = dict(event_type="Explosions/Remote violence", sub="Air/drone strike", weapons=("aircraft",), actor2=None)
    m = match(report("a2", place=ariha, targets=("hospital",), killed=2, **strike),
              report("a1", place=idlib, targets=("market",), killed=10, **strike))
    assert not m.matched and "place" in m.disagreed


def test_village_report_and_district_report_match_by_containment():
    m = match(report("a2", place=NORTH_WAZIRISTAN, killed=4), report("a1", place=MIR_ALI, killed=4))
    assert m.matched
    assert m.features["place"].why == "Mir Ali lies in North Waziristan district"


def test_province_only_report_matches_weaker_than_a_district_one():
    city = report("a1", killed=5)
    by_province = match(report("a2", place=BALOCHISTAN, killed=8), city)
    by_town = match(report("a3", killed=8), city)
    assert by_province.matched
    assert by_province.features["place"].score < by_town.features["place"].score


def test_different_event_types_of_one_incident_match():
    # One outlet calls it an armed clash with police, another an attack on the checkpoint.
    clash = report("a1", event_type="Battles", sub="Armed clash", actor2=POLICE, targets=("checkpoint",), weapons=())
    attack = report("a2", event_type="Violence against civilians", sub="Attack", actor2=POLICE,
                    targets=("police checkpoint",), weapons=())
    m = match(attack, clash)
    assert m.matched and 0 < m.features["family"].score < 1


def test_a_named_group_and_an_unidentified_one_are_compatible():
    m = match(report("a2", actor1=TTP, claimed_by=[TTP["name"]]), report("a1"))
    assert m.features["actors"].score >= 0 and m.matched


@pytest.mark.parametrize(
    "change, veto",
    [
        (dict(place=KABUL), "countries differ"),
        (dict(date="2024-03-08"), "days apart"),
        (dict(event_type="Strategic developments", sub="Arrests"), "different families"),
        # A protest and a bombing may be one incident, but only when something links them.
        (dict(event_type="Protests", sub="Peaceful protest", targets=("university",), weapons=()), "nothing in common"),
        (dict(mode="planned"), "mode planned"),
    ],
)
def test_hard_contradictions_veto_a_match(change, veto):
    m = match(report("a2", **change), report("a1"))
    assert not m.matched and veto in m.veto


def test_date_window_widens_with_vaguer_time_precision():
    day = report("a1")
    six_days_later = dict(date="2024-03-10")
    assert "days apart" in match(report("a2", **six_days_later), day).veto
    # A report that only knows the week ("earlier this week") may be the same incident.
    m = match(report("a2", precision=2, **six_days_later), day)
    assert m.veto is None and m.features["date"].score < 1


def test_without_a_place_the_rest_must_agree_more():
    placed = report("a1", killed=5)
    m = match(report("a2", place=None, killed=5), placed)
    assert "place" not in m.features
    assert m.explain()["threshold"] == merge.rules()["threshold_without_place"]


def test_undated_event_has_no_candidate_window():
    assert candidate_window(report(date=None)) is None
    start, end = candidate_window(report(date="2024-03-04", date_end="2024-03-05"))
    widest = max(merge.rules()["date_window_days"].values())
    assert start == dt.date(2024, 3, 4) - dt.timedelta(days=widest)
    assert end == dt.date(2024, 3, 5) + dt.timedelta(days=widest)


# --- the merged record ---------------------------------------------------------------------------


def test_one_report_gives_back_its_own_record():
    e = report("a1", killed=5, injured=20)
    assert merged_record(e.id, [as_report(e, "AP")]) == e


def test_rising_tolls_across_three_days():
    day1 = report("a1", killed=5, published="2024-03-04")
    day2 = report("a2", killed=8, published="2024-03-05", place=BALOCHISTAN)
    day3 = report("a3", killed=11, published="2024-03-06")
    merged = merged_record("e_a1", [as_report(day1, "AP"), as_report(day2, "Daily Balochistan"), as_report(day3, "Dawn")])
    assert merged.id == "e_a1" and merged.article.id == "a1"
    # Conservative low, highest claimed high; best: the latest of equally supported figures.
    assert merged.fatalities == Count(low=5, best=11, high=11)
    (dispute,) = [d for d in merged.disputes if d.startswith("fatalities")]
    assert "AP (2024-03-04): 5" in dispute and "Daily Balochistan (2024-03-05): 8" in dispute and "Dawn (2024-03-06): 11" in dispute
    # The best figure came from another report: its evidence comes along, marked with its article.
    assert any(e.field == "fatalities" and e.article_id == "a3" for e in merged.evidence)
    assert merged.location.name == "Quetta"


def test_best_is_the_figure_most_outlets_give():
    reports = [as_report(report(f"a{i}", killed=k, published=f"2024-03-0{4 + i}"), outlet, i)
               for i, (k, outlet) in enumerate([(7, "AP"), (7, "Reuters"), (12, "Local")])]
    assert merged_record("e_a0", reports).fatalities == Count(low=7, best=7, high=12)


def test_a_later_figure_from_the_same_outlet_is_a_correction():
    first = report("a1", killed=9, published="2024-03-15")
    corrected = report("a2", killed=7, published="2024-03-16")
    other = report("a3", killed=7, published="2024-03-16")
    merged = merged_record("e_a1", [as_report(first, "Garowe Online", 0), as_report(corrected, "Garowe Online", 1),
                                    as_report(other, "Reuters", 2)])
    # The superseded 9 is no longer anyone's claim: it counts in neither low nor high.
    assert merged.fatalities == Count(low=7, best=7, high=7)
    assert "fatalities: Garowe Online first reported 9 (2024-03-15), later 7 (2024-03-16)" in merged.disputes


def test_most_precise_place_wins_whichever_report_gives_it():
    district = report("a1", place=NORTH_WAZIRISTAN, published="2024-03-04")
    village = report("a2", place=MIR_ALI, published="2024-03-05")
    merged = merged_record("e_a1", [as_report(district, "AFP"), as_report(village, "Dawn")])
    assert merged.location.name == "Mir Ali"
    assert any(e.field == "location" and e.article_id == "a2" for e in merged.evidence)


def test_named_actor_and_claims_from_a_later_report_are_kept():
    early = report("a1")
    claim = report("a2", actor1=TTP, claimed_by=[TTP["name"]], published="2024-03-05")
    merged = merged_record("e_a1", [as_report(early, "AP"), as_report(claim, "Dawn")])
    assert merged.actor1.name == TTP["name"] and merged.claimed_by == [TTP["name"]]


def test_merged_record_does_not_depend_on_the_order_reports_are_given():
    reports = [
        as_report(report("a1", killed=5, published="2024-03-04", place=BALOCHISTAN), "AP", 0),
        as_report(report("a2", killed=8, published="2024-03-05", event_type="Battles", sub="Armed clash"), "Dawn", 1),
        as_report(report("a3", killed=8, injured=4, published="2024-03-05"), "Reuters", 2),
    ]
    expected = merged_record("e_a1", reports)
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    assert merged_record("e_a1", shuffled) == expected
    assert expected.event_type == "Explosions/Remote violence"  # two reports of three say so


def test_changes_list_what_a_revision_changed():
    before = report("a1", killed=5)
    after = before.model_copy(update={"fatalities": Count(low=5, best=8, high=8)})
    assert merge.changes(before, after) == {"fatalities": [{"low": 5, "best": 5, "high": 5}, {"low": 5, "best": 8, "high": 8}]}
    created = merge.changes(None, before)
    assert created["date"] == [None, "2024-03-04"] and "claimed_by" not in created


# --- look-alikes: evidence that tells two incidents of one day and one city apart -----------------


def test_two_blasts_at_a_mosque_and_a_market_the_same_day_stay_apart():
    mosque = report("a1", targets=("Shia mosque",), killed=7)
    market = report("a2", targets=("crowded market",), killed=4)
    m = match(market, mosque)
    assert not m.matched and m.features["site"].score == -1.0
    # The same market told twice is one blast: the site agrees.
    assert match(report("a3", targets=("busy market",), killed=5), market).features["site"].score == 1.0


def test_a_site_named_only_in_the_event_sentence_counts():
    # The extraction took no target from 'inside a mosque'; the sentence still says where.
    mosque = report("a1", targets=(), sentence="A bomb exploded inside a mosque in Kabul on Friday.")
    market = report("a2", targets=("market",))
    assert merge._sites(mosque, merge.rules()) == {"mosque"}
    assert not match(market, mosque).matched
    # A car bomb is a weapon, not a car attacked: no site is read from it.
    car_bomb = report("a3", targets=(), weapons=("car bomb",), sentence="A car bomb exploded in Quetta on 4 March.")
    assert merge._sites(car_bomb, merge.rules()) == set()


def test_sites_of_one_kind_agree_in_other_words():
    convoy = report("a1", targets=("convoy of passenger vans",), weapons=())
    vehicles = report("a2", targets=("passenger vehicles",), weapons=())
    assert match(vehicles, convoy).features["site"].score == 1.0
    homes = report("a3", targets=("dozens of homes",))
    houses = report("a4", targets=("houses",))
    assert match(homes, houses).features["targets"].score == 1.0  # a home is a house


@pytest.mark.parametrize(
    "ours, theirs, expected",
    [
        (("suicide bombers",), ("car bomb",), "different_kinds"),
        (("bomb",), ("car bomb",), "same_kind"),
        (("firearms",), ("aircraft",), "different_kinds"),
        (("roadside bomb",), ("landmine",), "overlap"),
        (("improvised explosive device",), ("bomb",), "overlap"),
    ],
)
def test_weapons_compare_by_kind(ours, theirs, expected):
    m = match(report("a2", weapons=ours), report("a1", weapons=theirs))
    assert m.features["weapons"].score == merge.rules()["weapon_scores"][expected]


def test_distinct_times_of_day_tell_two_blasts_apart():
    morning = report("a1", targets=(), sentence="A bomb went off in Quetta on Friday morning, killing seven.")
    afternoon = report("a2", targets=(), sentence="A bomb went off in Quetta on Friday afternoon, killing four.")
    m = match(afternoon, morning)
    assert m.features["time_of_day"].score == -1.0 and not m.matched
    late = report("a3", targets=(), sentence="A bomb went off late on Friday night in Quetta.")
    evening = report("a4", targets=(), sentence="A bomb went off on Friday evening in Quetta.")
    assert merge.time_of_day(late) == "night"
    assert match(late, evening).features["time_of_day"].score == 0.0  # neighbours: no verdict
    # A time of day of reports of different days says nothing of which incident it was.
    other_day = report("a5", date="2024-03-05", targets=(), sentence="A bomb went off on Tuesday afternoon.")
    assert "time_of_day" not in match(other_day, morning).features


def test_a_second_blast_is_another_incident_than_the_first():
    first = report("a1", targets=(), sentence="A bomb exploded in Quetta on Monday, killing five people.")
    second = report("a2", targets=(), sentence="A second blast hit Quetta on Monday, killing three people.")
    m = match(second, first)
    assert m.features["sequel"].score == -1.0 and "A second blast" in m.features["sequel"].why
    assert not m.matched
    # Two reports of the second blast both say so: nothing against them.
    again = report("a3", targets=(), sentence="Hours later, another bomb exploded in Quetta.")
    assert "sequel" not in match(again, second).features


def test_a_toll_update_a_day_after_the_blast_is_still_the_blast():
    blast = report("a1", targets=(), killed=5, sentence="A bomb exploded in Quetta on Monday, killing five people.")
    update = report("a2", targets=(), killed=8, published="2024-03-05",
                    sentence="The toll rose to eight a day after the bombing in Quetta on Monday.")
    m = match(update, blast)
    assert "sequel" not in m.features and m.matched
    # Dated a day later, the same words tell of another incident (a day after the first).
    later = update.model_copy(update={"date": "2024-03-05"})
    assert match(later, blast).features["sequel"].score == -1.0


def test_a_reprisal_the_next_day_is_not_the_attack_it_avenges():
    attack = report("a1", event_type="Violence against civilians", sub="Attack", weapons=(), targets=("village",),
                    sentence="Gunmen attacked a village near Mangu on Friday, killing 14.")
    reprisal = report("a2", date="2024-03-05", event_type="Violence against civilians", sub="Attack", weapons=(),
                      targets=("village",), sentence="Youths attacked a village near Mangu on Saturday in retaliation.")
    m = match(reprisal, attack)
    assert "sequel" in m.disagreed and not m.matched


# --- one incident coded in two families ------------------------------------------------------------


def test_a_rally_bombing_coded_as_the_rally_matches_with_a_penalty():
    bombing = report("a1", sub="Suicide bomb", targets=("political rally",), weapons=("suicide bombers",), killed=20)
    rally = report("a2", event_type="Protests", sub="Peaceful protest", actor1=dict(name="Protesters (Pakistan)", inter=6),
                   actor2=None, targets=("Sunday's rally",), weapons=("suicide bombers",), killed=44)
    m = match(rally, bombing)
    assert m.matched and m.features["family"].score == merge.rules()["family_scores"]["compatible_families"]
    # The protesters of the rally are the bombing's victims: actors are not compared.
    assert "actors" not in m.features


def test_an_attack_on_a_village_and_the_burning_of_its_homes_match():
    attack = report("a1", event_type="Violence against civilians", sub="Attack", targets=("houses",), weapons=(),
                    actor1=dict(name="Boko Haram", inter=2), killed=12)
    burning = report("a2", event_type="Strategic developments", sub="Looting/property destruction",
                     targets=("dozens of homes",), weapons=(), actor1=dict(name="Boko Haram", inter=2), actor2=None)
    assert match(burning, attack).matched
    # Another kind of strategic development is another event whatever it shares.
    arrests = burning.model_copy(update={"sub_event_type": "Arrests"})
    assert "different families" in match(arrests, attack).veto


def test_a_named_group_links_a_riot_and_a_clash():
    clash = report("a1", event_type="Battles", sub="Armed clash", targets=(), weapons=(),
                   actor1=dict(name="Boko Haram", inter=2), actor2=dict(name="ISWAP", inter=2), killed=11)
    riot = report("a2", event_type="Riots", sub="Mob violence", targets=(), weapons=(),
                  actor1=UAG, actor2=dict(name="Boko Haram", inter=2), killed=11)
    assert match(riot, clash).matched
    unnamed = riot.model_copy(update={"actor2": None})
    assert "nothing in common" in match(unnamed, clash).veto


def test_merged_type_follows_the_most_supported_then_the_most_specific_coding():
    bombing = as_report(report("a1", sub="Suicide bomb", published="2024-03-05"), "AP", 1)
    rally = as_report(report("a2", event_type="Protests", sub="Peaceful protest", published="2024-03-04"), "Dawn", 0)
    # One each: the bombing says more of what happened, though the rally was reported first.
    assert merged_record("e_a2", [rally, bombing]).event_type == "Explosions/Remote violence"
    more = as_report(report("a3", event_type="Protests", sub="Peaceful protest", published="2024-03-06"), "Reuters", 2)
    assert merged_record("e_a2", [rally, bombing, more]).event_type == "Protests"


# --- undated reports ------------------------------------------------------------------------------


def test_an_undated_report_matches_only_when_town_family_and_actors_agree():
    dated = report("a1", actor1=TTP, killed=5)
    undated = report("a2", date=None, actor1=TTP, killed=5)
    m = match(undated, dated)
    assert m.matched and "date" not in m.features
    assert m.explain()["threshold"] == merge.rules()["threshold_undated"]
    # Only the province: not enough to match without a date.
    assert "not both towns" in match(report("a3", date=None, place=BALOCHISTAN, actor1=TTP), dated).veto
    # Other actors in the same town: no.
    assert "actors" in match(report("a4", date=None, actor1=UAG, actor2=POLICE), dated).veto
    # Two undated reports: nothing to anchor them.
    assert "neither report dates" in match(undated, report("a5", date=None, actor1=TTP)).veto


def test_candidate_town_is_given_only_for_a_town_level_place():
    assert merge.candidate_town(report(date=None)) == ("PAK", "Quetta")
    assert merge.candidate_town(report(date=None, place=BALOCHISTAN)) is None
    assert merge.candidate_town(report(date=None, place=None)) is None


def test_a_town_named_as_its_province_lies_in_it():
    town = dict(name="Arauca", admin1="Arauca", admin2="Arauca", country="Colombia", iso3="COL",
                lat=7.0847, lon=-70.7591, geo_precision=1)
    province = dict(name="Arauca", admin1="Arauca", country="Colombia", iso3="COL", lat=6.776, lon=-71.1344,
                    geo_precision=3)
    m = match(report("a2", place=province), report("a1", place=town))
    assert m.features["place"].why == "Arauca lies in Arauca district" and m.matched
