"""The extraction lexicons under src/strife/data load and agree with each other."""

import re

from strife.extract.classify import TAXONOMY
from strife.extract.lexicon import LEXICON, load_data


def test_trigger_file_loads_and_every_pattern_compiles():
    triggers = load_data("triggers.json")
    assert triggers["signals"], "no signals"
    for signal, patterns in triggers["signals"].items():
        assert patterns, f"signal {signal} has no patterns"
        for p in patterns:
            re.compile(p)
    # every signal named as violent or weak exists
    names = set(triggers["signals"])
    assert set(triggers["violent_signals"]) <= names
    assert set(triggers["weak_signals"]) <= names


def test_cues_compile_and_cover_the_names_detect_uses():
    cues = load_data("cues.json")
    for name in ("trend", "planned", "hypothetical", "denied", "new_incident", "background",
                 "correction", "responsibility_claim", "responsibility_none", "clause_trend", "denial_of", "accident", "background_reason",
                 "state_account", "judicial", "period_lead", "background_lead", "tally_source", "tally_period"):
        assert cues[name], name
        for p in cues[name]:
            re.compile(p)
    for name in ("judicial", "period_lead", "clause_trend", "state_account", "tally", "trend_period", "accident_vehicle", "barrage_tally"):
        assert cues[f"_{name}_doc"], f"{name} says why it exists"


def test_taxonomy_has_acled_six_types_and_twenty_five_subtypes():
    types = TAXONOMY["types"]
    assert len(types) == 6
    assert sum(len(t["sub_event_types"]) for t in types) == 25
    assert {t["disorder_type"] for t in types} == {"Political violence", "Demonstrations", "Strategic developments"}


def test_actor_dictionary_is_consistent():
    actors = load_data("actors.json")
    names = [g["name"] for g in actors["groups"]]
    assert len(names) == len(set(names)), "duplicate group names"
    aliases = {}
    for g in actors["groups"]:
        assert g["inter"] in range(1, 9), g["name"]
        assert g["aliases"], g["name"]
        for a in g["aliases"]:
            # one alias, one group: otherwise a mention would be coded arbitrarily
            assert aliases.setdefault(a.lower(), g["name"]) == g["name"], a
    for key in ("military", "police"):
        for p in actors["state_forces"][key]:
            re.compile(p)


def test_named_group_spelling_variants_are_one_actor():
    text = "The Baluchistan Liberation Army and the Balochistan Liberation Army, or BLA, are one group."
    found = {g.name for g, _ in LEXICON.named_groups_in(text)}
    assert found == {"BLA: Balochistan Liberation Army"}


def test_acronyms_match_only_in_their_own_case():
    assert LEXICON.named_groups_in("IS claimed the attack")[0][0].name.startswith("Islamic State")
    assert LEXICON.named_groups_in("this is not a group") == []


def test_weapons_prefer_the_specific_phrase():
    hits = LEXICON.weapons("a roadside bomb and rockets, guns and explosives")
    kinds = [h.kind for h in hits]
    assert kinds == ["roadside bomb", "rockets", "firearms", "explosives"]


def test_group_categories():
    assert LEXICON.group_category("members of the security forces") == "security forces"
    assert LEXICON.group_category("civilians") == "civilians"
    assert LEXICON.group_category("insurgents") == "attackers"
    assert LEXICON.group_category("people") == "people"


def test_targets_file_loads():
    targets = load_data("targets.json")
    for p in targets["nouns"] + targets["lead_words"]:
        re.compile(p)


def test_precedence_tables_name_real_signals_and_types():
    signals = set(load_data("triggers.json")["signals"])
    valid = {(t["event_type"], s) for t in TAXONOMY["types"] for s in t["sub_event_types"]}
    for table in ("means_precedence", "violence_precedence", "development_precedence"):
        for signal, event_type, sub in TAXONOMY[table]:
            assert signal in signals, signal
            assert (event_type, sub) in valid, (event_type, sub)


def test_masks_name_real_signals_and_drop_only_their_own_words():
    triggers = load_data("triggers.json")
    assert {s for key in triggers["masks"] for s in key.split("|")} <= set(triggers["signals"])
    for patterns in triggers["masks"].values():
        for p in patterns:
            re.compile(p)
    kinds = lambda text: {h.kind for h in LEXICON.triggers(text)}  # noqa: E731
    assert "shelling" not in kinds("police fired tear gas shells at the crowd")
    assert "intervention" in kinds("police fired tear gas shells at the crowd")
    assert "shelling" in kinds("the army fired artillery shells at the village")
    assert "grenade" not in kinds("officers threw stun grenades")
    assert "grenade" in kinds("a man threw a grenade into the market")
    assert "arrest" not in kinds("no arrests were reported")
    assert "arrest" in kinds("police made 12 arrests")
    assert "explosion" not in kinds("the bomb disposal squad defused a roadside bomb")


def test_armed_targets_load_and_need_an_attack_on_them():
    from strife.extract.facts import armed_target

    targets = load_data("targets.json")
    assert targets["armed_targets"] and targets["armed_target_leads"]
    assert armed_target("militants attacked a joint checkpoint of the armed forces") is not None
    assert armed_target("gunmen stormed an army post overnight") is not None
    assert armed_target("gunmen shot dead two farmers near a police station") is None


def test_crowd_target_leads_load_and_need_a_place_the_state_holds():
    from strife.extract.facts import crowd_state_target

    targets = load_data("targets.json")
    assert targets["crowd_target_leads"] and targets["_crowd_target_leads_doc"]
    assert crowd_state_target("rioters torched the police post on the highway")
    assert not crowd_state_target("rioters torched two buses near the bridge")


def test_trigger_phrases_for_territory_mobs_and_aircraft():
    kinds = lambda text: {h.kind for h in LEXICON.triggers(text)}  # noqa: E731
    assert "overtake" in kinds("the group said it had taken full control of the township")
    assert "overtake" in kinds("after capturing the last army battalion base")
    assert "transfer" in kinds("the forces handed over three positions to the army")
    assert "mob" in kinds("a police officer was burned to death by a mob")
    assert "air" in kinds("US aircraft carried out several strikes on rebel sites")
    assert "protest" in kinds("Sunday's funeral march was peaceful")
    assert "protest" not in kinds("in March the rebels withdrew")


def test_assembly_data_loads_and_is_consistent():
    assembly = load_data("assembly.json")
    signals = set(load_data("triggers.json")["signals"])
    families = assembly["signal_families"]
    # every signal a family is given for is one the trigger file defines (a misspelt signal would be silently familyless)
    assert set(families) <= signals
    assert set(assembly["joining_families"]) <= set(families.values())
    assert set(assembly["generic_kill_signals"]) <= set(families)
    assert all(w == w.lower() and w.strip() == w for w in assembly["vague_day_words"])  # compared with lowered text
    assert assembly["same_city_km"] > 0
    # "near X" reaches further than a city's own districts do
    assert assembly["near_town_km"] > assembly["same_city_km"]
    # a day's gap keeps one incident; the story spans at least that; a context incident may span a month, not less than a story
    assert 0 < assembly["same_incident_max_gap_days"] <= assembly["story_window_days"] < assembly["background_max_span_days"]
    # a report's first incident is stale only well after any story window: a sitrep told days later is news
    assert assembly["story_window_days"] < assembly["stale_days"]
    for name in ("same_incident_max_gap_days", "story_window_days", "background_max_span_days", "stale_days"):
        assert isinstance(assembly[name], int), name
    # sub-event types that need a place below the country are ones the taxonomy defines
    sub_types = {s for t in load_data("taxonomy.json")["types"] for s in t["sub_event_types"]}
    assert assembly["needs_place_below_country"] and set(assembly["needs_place_below_country"]) <= sub_types
    # retelling subjects are lower-case nouns (compared with the parse's lowered word), in one list each, and no
    # state force (after a raid on an army post, "the army shelled…" is the army's reply, not a retelling)
    subjects = assembly["retelling_subjects"]
    words = subjects["any_incident"] + subjects["named_before"]
    assert assembly["_retelling_subjects"] and words and len(words) == len(set(words))
    assert all(w == w.lower() and " " not in w for w in words)
    assert not {"army", "troops", "soldiers", "police", "forces", "military"} & set(words)
    # the per-town split's data is in town_split (tests/test_town_split.py); the old keys of two splits are gone
    import re
    assert not {"listed_town_families", "listed_town_lead", "listed_town_joiner", "town_list_origin_before"} & set(assembly)
    assert re.match(assembly["like_the_news"], "Similar rallies took place in Bandung", re.I)
    assert not re.match(assembly["like_the_news"], "Police said similar rallies were banned", re.I)

def test_signal_groups_name_only_defined_signals_and_date_slack_is_small():
    triggers = load_data("triggers.json")
    for group in ("state_signals", "remote_means_signals", "armed_signals", "attacking_signals"):
        assert triggers[group] and set(triggers[group]) <= set(triggers["signals"]), group
    # armed violence is violence, not the crowd's
    assert set(triggers["armed_signals"]) <= set(triggers["violent_signals"]) - {"riot", "mob"}
    # remote means are violent; "kill" alone tells no means
    assert set(triggers["remote_means_signals"]) <= set(triggers["armed_signals"]) - {"kill"}
    slack = load_data("dates.json")["future_slack_days"]
    assert isinstance(slack, int) and 0 <= slack < 7  # a week or more ahead is no report of the past


def test_truecase_data_loads_and_is_consistent():
    casing = load_data("truecase.json")
    assert isinstance(casing["min_town_population"], int) and casing["min_town_population"] > 0
    for name in ("place_name_lowercase_words", "place_kind_words"):
        words = casing[name]
        assert words and len(words) == len(set(words)), name
        # compared with lowered wire text, word by word
        assert all(w == w.lower() and w.isalpha() for w in words), name


def test_trie_alternation_matches_as_the_longest_first_alternation():
    import re as _re
    from strife.extract.lexicon import trie_alternation
    words = ["ab clan", "ab clan militia", "ab", "abc", "b-d", "x.y"]
    tree = _re.compile(r"(?<![\w-])(" + trie_alternation(words) + r")(?![\w-])", _re.I)
    plain = _re.compile(r"(?<![\w-])(" + "|".join(_re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])", _re.I)
    text = "AB clan militia met abc and ab clan men; ab clanx, b-d and x.y but not xzy or abd"
    assert [m.span(1) for m in tree.finditer(text)] == [m.span(1) for m in plain.finditer(text)]
    assert tree.search("the Ab Clan Militia").group(1) == "Ab Clan Militia"
    assert tree.search("xzy") is None and trie_alternation([]) == "(?!)"


def test_the_tolls21_rules_load_and_are_consistent():
    rules = load_data("geo_rules.json")
    nouns = rules["teller_owner_nouns"]
    assert nouns and len(nouns) == len(set(nouns)) and all(n == n.lower() for n in nouns)
    # a country's forces that speak are the state that acted, never only the teller's owner
    assert not set(nouns) & {"army", "military", "forces", "troops", "police"}
    assert isinstance(rules["teller_owner_gap"], int) and 0 <= rules["teller_owner_gap"] <= 5
    rival = load_data("counting.json")["toll"]["rival_accounts"]
    assert isinstance(rival["min_categories"], int) and rival["min_categories"] >= 2 and rival["_doc"]


def test_a_countrys_speaking_body_is_no_place_of_the_incident_but_its_army_is_its_actor():
    from strife.extract.places import TELLER_OWNER_AFTER
    assert TELLER_OWNER_AFTER.match("'s border service said one guard")
    assert TELLER_OWNER_AFTER.match("’s foreign ministry, said")
    assert not TELLER_OWNER_AFTER.match("'s army said it had recaptured")
    assert not TELLER_OWNER_AFTER.match("'s northern border with")
