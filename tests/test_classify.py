"""ACLED type rules, one per sub-event type family."""

import pytest

from strife.extract.classify import TAXONOMY, classify
from strife.extract.lexicon import Hit

VALID = {(t["event_type"], s) for t in TAXONOMY["types"] for s in t["sub_event_types"]}


def sig(*names):
    return {n: Hit(n, 0, 1, n) for n in names}


@pytest.mark.parametrize(
    "signals, inter1, inter2, killed, state, expected",
    [
        (("attack", "kill", "clash", "suicide"), 2, 1, {"security forces": 4}, False, ("Battles", "Armed clash")),
        (("suicide", "kill"), 3, 7, {"people": 9}, False, ("Explosions/Remote violence", "Suicide bomb")),
        (("explosion", "kill"), 3, 7, {"people": 4}, False, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        (("strike_noun", "kill"), 8, None, {"people": 9}, True, ("Explosions/Remote violence", "Air/drone strike")),
        (("air",), 1, 2, {}, True, ("Explosions/Remote violence", "Air/drone strike")),
        (("shelling",), 1, 7, {"civilians": 3}, True, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        (("grenade",), 3, 7, {}, False, ("Explosions/Remote violence", "Grenade")),
        (("chemical",), 1, 7, {}, True, ("Explosions/Remote violence", "Chemical weapon")),
        (("attack", "kill"), 3, 7, {"civilians": 5}, False, ("Violence against civilians", "Attack")),
        (("attack", "kill"), 3, 1, {"security forces": 2}, False, ("Battles", "Armed clash")),
        (("abduction",), 3, 7, {}, False, ("Violence against civilians", "Abduction/forced disappearance")),
        (("sexual",), 1, 7, {}, False, ("Violence against civilians", "Sexual violence")),
        (("protest",), 6, None, {}, False, ("Protests", "Peaceful protest")),
        (("protest", "intervention"), 6, 1, {}, False, ("Protests", "Protest with intervention")),
        (("protest", "intervention"), 1, 6, {"protesters": 3}, False, ("Protests", "Excessive force against protesters")),
        (("protest", "riot"), 5, 1, {}, False, ("Riots", "Violent demonstration")),
        (("mob", "kill"), 5, 7, {"people": 1}, False, ("Riots", "Mob violence")),
        (("arrest",), 1, 3, {}, False, ("Strategic developments", "Arrests")),
        (("agreement",), 1, 2, {}, False, ("Strategic developments", "Agreement")),
        (("disrupted",), 1, None, {}, False, ("Strategic developments", "Disrupted weapons use")),
        (("looting",), 3, None, {}, False, ("Strategic developments", "Looting/property destruction")),
        (("clash", "regain"), 1, 2, {}, False, ("Battles", "Government regains territory")),
        (("transfer",), 2, None, {}, False, ("Strategic developments", "Non-violent transfer of territory")),
        (("group_change",), 2, None, {}, False, ("Strategic developments", "Change to group/activity")),
        (("base",), 2, None, {}, False, ("Strategic developments", "Headquarters or base established")),
        (("robbery",), 3, 7, {}, False, ("Strategic developments", "Other")),
        (("clash", "overtake"), 2, 1, {}, False, ("Battles", "Non-state actor overtakes territory")),
    ],
)
def test_rules(signals, inter1, inter2, killed, state, expected):
    coding = classify(sig(*signals), inter1, inter2, killed, state)
    assert (coding.event_type, coding.sub_event_type) == expected
    assert expected in VALID


def test_disorder_type_follows_the_guide():
    riot = classify(sig("riot", "protest"), 5, 1, {}, False)
    mob = classify(sig("mob"), 5, 7, {}, False)
    protest = classify(sig("protest"), 6, None, {}, False)
    clash = classify(sig("clash"), 2, 1, {}, False)
    assert riot.disorder_type == "Demonstrations"
    assert mob.disorder_type == "Political violence"
    assert protest.disorder_type == "Demonstrations"
    assert clash.disorder_type == "Political violence"


def test_nothing_violent_is_no_event():
    assert classify({}, None, None, {}, False) is None


def test_every_sub_event_type_is_reachable():
    """Each of the 25 ACLED sub-types is produced by some combination of signals."""
    import itertools

    from strife.extract.lexicon import load_data

    names = list(load_data("triggers.json")["signals"])
    produced = set()
    for n in (1, 2):
        for combo in itertools.combinations(names, n):
            for inter1, inter2, killed, state in [(3, 7, {"civilians": 1}, False), (2, 1, {"security forces": 1}, False),
                                                  (1, 6, {"protesters": 1}, False), (6, None, {}, False), (1, 2, {}, True)]:
                c = classify(sig(*combo), inter1, inter2, killed, state)
                if c is not None:
                    produced.add((c.event_type, c.sub_event_type))
    assert produced == VALID


def test_disrupted_weapons_use_needs_nothing_fired_and_no_one_killed():
    assert classify(sig("disrupted"), 1, None, {"people": 0}, False).sub_event_type == "Disrupted weapons use"
    # rockets fired, some intercepted: still the rocket attack
    assert classify(sig("disrupted", "shelling"), 2, None, {}, False).sub_event_type == "Shelling/artillery/missile attack"
    # a raid that seizes weapons and detains suspects is an arrest
    assert classify(sig("disrupted", "arrest"), 1, 3, {}, False).sub_event_type == "Arrests"


def test_missile_strike_by_a_state_is_a_missile_attack_not_an_air_strike():
    coding = classify(sig("strike_noun", "shelling", "kill"), 8, 7, {"people": 4}, True)
    assert coding.sub_event_type == "Shelling/artillery/missile attack"


def test_a_mob_set_off_by_a_protest_is_mob_violence():
    coding = classify(sig("protest", "mob", "riot"), 5, 7, {}, False, demonstration=True)
    assert (coding.event_type, coding.sub_event_type) == ("Riots", "Mob violence")


def test_an_attack_on_an_armed_target_is_a_clash():
    coding = classify(sig("attack", "kill"), 3, None, {"attackers": 4}, False, armed_target=True)
    assert (coding.event_type, coding.sub_event_type) == ("Battles", "Armed clash")
    assert classify(sig("attack", "kill"), 3, None, {"people": 4}, False).event_type == "Violence against civilians"


def test_burning_that_hurts_no_one_is_property_destruction():
    coding = classify(sig("attack", "arson"), 3, None, {"people": 0}, False)
    assert coding.sub_event_type == "Looting/property destruction"
    # with no word on casualties, an arson attack stays an attack
    assert classify(sig("attack", "arson"), 3, 7, {}, False).sub_event_type == "Attack"


def test_a_transfer_without_a_fight_is_no_battle():
    assert classify(sig("overtake", "transfer"), 2, None, {}, False).sub_event_type == "Non-violent transfer of territory"
    assert classify(sig("overtake", "transfer", "clash"), 2, 1, {}, False).sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "signals, inter1, inter2, killed, abducted, expected",
    [
        # seven shot dead and three carried off: the killing is the main act
        (("attack", "kill", "abduction"), 2, 7, {"civilians": 7}, 3, ("Violence against civilians", "Attack")),
        # twenty kidnapped, one shot while fleeing: still an abduction
        (("abduction", "kill"), 3, 7, {"people": 1}, 20, ("Violence against civilians", "Abduction/forced disappearance")),
        # vigilantes and bandits in a gun battle are two armed sides, not a mob
        (("mob", "clash", "kill"), 3, 4, {"people": 14}, None, ("Battles", "Armed clash")),
        (("discovery",), 1, None, {}, None, ("Strategic developments", "Other")),
        (("destruction",), 3, None, {}, None, ("Strategic developments", "Looting/property destruction")),
    ],
)
def test_the_deadlier_act_and_two_armed_sides_decide(signals, inter1, inter2, killed, abducted, expected):
    got = classify(sig(*signals), inter1, inter2, killed, state_acting=False, abducted=abducted)
    assert (got.event_type, got.sub_event_type) == expected


def test_a_riot_that_protests_nothing_and_falls_on_civilians_is_mob_violence():
    # looters and a xenophobic crowd attacking shopkeepers: no demonstration told, civilians the target
    coding = classify(sig("riot", "looting", "arson"), 5, 7, {}, False, demonstration=True)
    assert (coding.event_type, coding.sub_event_type) == ("Riots", "Mob violence")
    # demonstrators who stone the police, or a protest whose crowd burns shops, stay a violent demonstration
    assert classify(sig("riot"), 5, 1, {}, False, demonstration=True).sub_event_type == "Violent demonstration"
    assert classify(sig("protest", "riot", "arson"), 5, 7, {}, False, demonstration=True).sub_event_type == \
        "Violent demonstration"


def test_a_crowd_that_burns_a_police_station_rises_against_the_state():
    coding = classify(sig("riot", "arson"), 5, 7, {}, False, demonstration=True, state_target=True)
    assert coding.sub_event_type == "Violent demonstration"


def test_a_crowd_falling_on_a_place_the_state_holds_is_told_apart():
    from strife.extract.facts import crowd_state_target
    assert crowd_state_target("Youths set fire to the police station in the market town.")
    assert crowd_state_target("The crowd stoned an army post at the junction.")
    assert not crowd_state_target("The crowd set fire to shops owned by traders from the north.")


# -- crowds that burn tyres, drones that drop explosives (actors16) ----------------------------------

def test_protesters_who_burn_tyres_are_still_peaceful(code):
    events = [e for e in code("Hundreds of farmers protested outside the governor's office in Multan, Pakistan, on Monday "
                              "over wheat prices. Protesters burned tyres on the road and dispersed in the evening.", "2024-05-08")
              if e.mode == "reported"]
    assert events and events[0].event_type == "Protests", events


def test_protesters_who_burn_police_cars_riot(code):
    events = [e for e in code("Protesters burned two police cars in Multan, Pakistan, on Monday during a demonstration "
                              "over wheat prices.", "2024-05-08") if e.mode == "reported"]
    assert events and events[0].event_type == "Riots", events


def test_a_drone_that_dropped_explosives_is_a_drone_strike(code):
    events = [e for e in code("A drone dropped explosives on a police post in Jamundi, Colombia, on Sunday, "
                              "killing one officer, police said.", "2024-05-08") if e.mode == "reported"]
    assert events and events[0].sub_event_type == "Air/drone strike", events
