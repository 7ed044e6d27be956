"""Strategic developments told beside violence (extract/assemble.py, data/assembly.json development_kinds): a
development of another kind than the incident, told with a day of its own or as one more of a thing ("a second
bomb was defused", "shot down six more drones"), is a second event with the day, place and sides of the event it
is told beside; told in passing (arrests at a riot, weapons seized in a raid, shops looted by the attackers) it is
part of the event. Also the trigger words, masks and cues that find and keep apart strategic developments, and the
sides of bans, curfews and transfers of territory (extract/actors.py). The reports are written for these tests."""

import pytest

from strife.extract.lexicon import LEXICON, load_data


def _reported(code, text, published):
    return [e for e in code(text, published) if e.mode == "reported"]


def _subs(events):
    return [e.sub_event_type for e in events]


# -- a second event beside violence -------------------------------------------------------------------------


def test_a_truce_brokered_the_next_day_is_an_agreement_between_the_sides_that_fought(code):
    text = ("Fighters of two rival clan militias clashed with machine guns in Jowhar on Thursday, killing five people, "
            "local officials said. Clan elders brokered a truce on Friday morning.")
    clash, truce = _reported(code, text, "2025-06-14")
    assert (clash.sub_event_type, clash.date, clash.fatalities.best) == ("Armed clash", "2025-06-12", 5)
    assert (truce.sub_event_type, truce.date) == ("Agreement", "2025-06-13")
    assert truce.location.name == clash.location.name
    # the truce is between the militias that fought: the clash's sides
    assert truce.actor1 is not None and truce.actor1.name == clash.actor1.name
    assert truce.fatalities is None


def test_a_second_bomb_defused_beside_a_blast_is_disrupted_weapons_use_that_day_and_there(code):
    text = ("A roadside bomb planted by the Balochistan Liberation Army struck a Levies vehicle near Turbat on Sunday, "
            "killing three guards, officials said. A second bomb found on the same road was defused by the bomb "
            "disposal squad.")
    blast, defused = _reported(code, text, "2025-06-17")
    assert blast.event_type == "Explosions/Remote violence" and blast.fatalities.best == 3
    assert defused.sub_event_type == "Disrupted weapons use"
    assert (defused.date, defused.location.name) == (blast.date, blast.location.name) == ("2025-06-15", "Turbat")
    # the bomb that was stopped was the bombers'
    assert defused.actor2 is not None and defused.actor2.name == "BLA: Balochistan Liberation Army"
    assert defused.fatalities is None  # the blast's dead are not the defusal's


def test_more_drones_shot_down_beside_a_drone_strike_are_the_attackers(code):
    text = ("A Russian drone hit a petrol station in Sumy on Friday night, killing one man, the regional governor said. "
            "Air defence units shot down six more drones over the region.")
    strike, downed = _reported(code, text, "2025-06-21")
    assert strike.sub_event_type == "Air/drone strike" and strike.fatalities.best == 1
    assert downed.sub_event_type == "Disrupted weapons use"
    assert downed.actor2 is not None and downed.actor2.name == "Military Forces of Russia"
    assert downed.actor1 is not None and downed.actor1.name == "Military Forces of Ukraine"


def test_arrests_on_the_next_day_after_an_arson_attack_are_their_own_event(code):
    text = ("Gunmen burned five trucks at a quarry outside Nakuru on Monday, and no one was hurt, police said. On "
            "Tuesday, police arrested four suspects in raids in the town.")
    burning, arrests = _reported(code, text, "2025-06-25")
    assert (burning.sub_event_type, burning.date) == ("Looting/property destruction", "2025-06-23")
    assert (arrests.sub_event_type, arrests.date, arrests.arrested.best) == ("Arrests", "2025-06-24", 4)
    assert arrests.actor1.name == "Police Forces of Kenya"


def test_a_headquarters_set_up_the_day_after_the_town_fell_is_the_captors(code):
    text = ("ISWAP fighters overran the army base in Marte on Friday after hours of fighting, killing nine soldiers, and "
            "on Saturday set up a headquarters in the town's old market, residents said.")
    capture, base = _reported(code, text, "2025-06-30")
    assert capture.event_type == "Battles" and capture.date == "2025-06-27"
    assert (base.sub_event_type, base.date) == ("Headquarters or base established", "2025-06-28")
    assert base.actor1.name == "Islamic State West Africa Province"


def test_a_curfew_imposed_the_morning_after_a_clash_is_the_governments(code):
    text = ("Armed Kuki militants and Meitei militants traded fire for hours near Moreh on Saturday night, wounding four "
            "villagers, police said. The district magistrate imposed a curfew across the district on Sunday morning.")
    clash, curfew = _reported(code, text, "2025-07-01")
    assert clash.event_type == "Battles"
    assert (curfew.sub_event_type, curfew.date) == ("Change to group/activity", "2025-06-29")
    assert curfew.actor1.name == "Government of India"


def test_a_riot_the_day_after_a_detention_is_its_own_event(code):
    text = ("Soldiers detained the prime minister at his home in Conakry on Monday, state television said. On Tuesday, "
            "hundreds of his supporters threw stones at soldiers in the capital.")
    detention, riot = _reported(code, text, "2025-07-02")
    assert (detention.sub_event_type, detention.date) == ("Arrests", "2025-06-30")
    assert (riot.event_type, riot.date) == ("Riots", "2025-07-01")


@pytest.mark.parametrize("text, published, sub", [
    # arrests told with the riot, with no day of their own
    ("Protesters stoned police in Kisii on Tuesday and set fire to a police post. Twelve people were arrested, police "
     "said.", "2025-07-09", "Violent demonstration"),
    # the raid's haul
    ("Police arrested six suspected gang members in a raid in Guayaquil on Wednesday. Officers also seized rifles and "
     "ammunition.", "2025-07-10", "Arrests"),
    # the attackers' looting is the attack's (ACLED codes looting only outside the context of other violence)
    ("Gunmen killed four herders near Moroto on Thursday, police said. The attackers also looted shops before fleeing.",
     "2025-07-11", "Attack"),
    # a withdrawal told beside the taking of a town is the same event (a non-violent transfer), not a second one
    ("JNIM fighters took control of Aguelhok on Wednesday after the army withdrew overnight, residents said.",
     "2025-07-10", "Non-violent transfer of territory"),
    # deaths told with burned houses are the attack's toll, not a second event
    ("Gunmen attacked a village near Kandahar on Sunday, killing seven. The toll rose to 11 on Monday as more bodies "
     "were found in burned houses.", "2025-07-08", "Attack"),
])
def test_a_development_told_in_passing_stays_in_the_event(code, text, published, sub):
    events = _reported(code, text, published)
    assert _subs(events) == [sub]


# -- trigger words for strategic developments ---------------------------------------------------------------


@pytest.mark.parametrize("text, sub", [
    ("The government banned the Jamhoori Watan Party on Friday, accusing its leaders of inciting violence in Quetta.",
     "Change to group/activity"),
    ("Al-Shabaab fighters held a recruitment drive in villages around Buale on Monday, elders said.",
     "Change to group/activity"),
    ("The M23 rebels announced the formation of a parallel administration in Goma on Saturday.",
     "Change to group/activity"),
    ("Malian troops set up a new forward operating base outside Gao on Tuesday, the army said.",
     "Headquarters or base established"),
    ("The army established a new observation post on a hill near Kidal on Sunday, local sources said.",
     "Headquarters or base established"),
    ("Air defences destroyed 14 drones over Kursk region overnight into Thursday, the Russian defence ministry said.",
     "Disrupted weapons use"),
    ("Bandits burned a health centre and a school in a deserted village near Mopti on Sunday; no one was hurt.",
     "Looting/property destruction"),
    ("Government troops entered Buale on Sunday without meeting resistance, residents said.",
     "Non-violent transfer of territory"),
])
def test_strategic_developments_are_found(code, text, sub):
    events = _reported(code, text, "2025-07-12")
    assert sub in _subs(events), [(e.event_type, e.sub_event_type) for e in events]


def test_the_government_that_bans_a_party_is_actor1_and_the_party_actor2(code):
    text = "Bangladesh's interim government on Tuesday banned all activities of the Jatiya Party in Dhaka."
    (ban,) = _reported(code, text, "2025-07-09")
    assert ban.sub_event_type == "Change to group/activity"
    assert ban.actor1.name == "Government of Bangladesh" and ban.actor1.inter == 1


def test_a_group_forming_its_own_administration_is_its_own_act(code):
    text = "The Arakan Army announced on Monday the formation of a rival government to run the towns it holds."
    (change,) = _reported(code, text, "2025-07-09")
    assert change.sub_event_type == "Change to group/activity" and change.actor1.name == "Arakan Army"


@pytest.mark.parametrize("text, taker, leaver", [
    ("Al-Shabaab fighters withdrew from Buale on Sunday, and government troops entered the town hours later without a "
     "fight, residents said.", "Military Forces of Somalia", "Al Shabaab"),
    ("The UN mission MINUSCA handed over its base in Bria to the Central African armed forces on Monday.",
     "Military Forces of Central African Republic",
     "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"),
])
def test_a_transfers_actor1_took_the_place_and_actor2_left_it(code, text, taker, leaver):
    (transfer,) = _reported(code, text, "2025-07-09")
    assert transfer.sub_event_type == "Non-violent transfer of territory"
    assert (transfer.actor1.name, transfer.actor2.name if transfer.actor2 else None) == (taker, leaver)


# -- what is no strategic development -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Talks between the government and the rebels on a possible nationwide ceasefire will resume in Geneva next week.",
    "Mediators said on Monday that the two sides were \"very close\" to a peace agreement after a week of talks.",
    "The envoy said the rebels were not yet at a ceasefire with the army, but closer than ever.",
    "The defence minister said a new base would allow the army to respond faster to jihadist raids on villages.",
    "The government and the rebels will resume peace talks in Doha next month, a mediator said on Monday.",
    "Delegations will return next week to settle the last points, including a prisoner exchange.",
])
def test_talks_plans_and_deals_not_yet_made_are_no_events(code, text):
    assert _reported(code, text, "2025-07-09") == []


def test_hostages_handed_over_and_suspects_surrendering_are_no_transfer_of_territory(code):
    text = ("Police arrested three suspects in a raid in Kano on Monday. The suspects surrendered without resistance, "
            "police said, and the handover of the detainees to prosecutors was set for Friday.")
    events = _reported(code, text, "2025-07-09")
    assert _subs(events) == ["Arrests"]


def test_a_ban_on_a_partys_rallies_is_no_protest(code):
    text = "The interior ministry banned the Tehreek party on Monday; the order also bars its rallies and marches."
    events = _reported(code, text, "2025-07-09")
    assert all(e.event_type != "Protests" for e in events)


def test_a_confrontation_avoided_is_no_clash(code):
    text = ("Presidential guards detained the president in his residence on Wednesday. The army chief said the "
            "military backed the move to avoid \"a deadly confrontation\".")
    assert _subs(_reported(code, text, "2025-07-10")) == ["Arrests"]


def test_pledging_to_end_raids_tells_no_raid(code):
    text = ("Youth leaders of two communities signed a peace accord in Bor on Wednesday, pledging to end a year of cattle "
            "raids and revenge abductions.")
    assert _subs(_reported(code, text, "2025-07-10")) == ["Agreement"]


# -- the data ------------------------------------------------------------------------------------------------


def test_development_kinds_name_real_signals_and_sub_event_types():
    assembly, triggers = load_data("assembly.json"), load_data("triggers.json")
    signals = set(triggers["signals"])
    kinds = assembly["development_kinds"]
    assert set(kinds) <= signals
    assert set(assembly["apart_by_instance_kinds"]) <= set(kinds.values())
    assert "arrest" not in assembly["apart_by_instance_kinds"]  # arrests need a day of their own
    assert "destruction" not in assembly["apart_by_instance_kinds"]  # the attackers' looting is the attack's
    battles = assembly["development_kinds_of_battles"]
    assert set(battles) <= signals and set(battles.values()) <= set(kinds.values())
    assert 1 <= assembly["own_day_max_span_days"] <= 7
    taxonomy = load_data("taxonomy.json")
    subs = {s for t in taxonomy["types"] for s in t["sub_event_types"]}
    beside = assembly["actors_from_the_event_beside"]
    assert set(beside) <= subs
    assert all(set(roles) <= {"actor1", "actor2"} and set(roles.values()) <= {"actor1", "actor2"} for roles in beside.values())
    # the cue that tells one more of a thing
    assert LEXICON.cue("another_instance", "Another IED was defused")
    assert LEXICON.cue("another_instance", "shot down four more drones")
    assert not LEXICON.cue("another_instance", "Police also seized weapons")


def test_transfer_sides_and_deciding_authorities_load():
    forces = load_data("actor_groups.json")["state_forces"]
    sides = forces["transfer_sides"]
    assert sides["leaving"] and sides["taking"] and sides["receiving_before"]
    assert not set(sides["leaving"]) & set(sides["taking"])
    assert "government" in forces["deciding_authorities"]
