"""The MUC-4 role-filler scorer, on a case computed by hand, and the event adapter."""

import json
from types import SimpleNamespace

import pytest

from strife.evaluate.muc4 import (
    ROLES, bare, clean_fills, full_name, muc_type, normalise, pair, person_names, role_fills, rule_fills, run_muc4,
    score_document, settle_fills, trim, widen,
)
from strife.extract.lexicon import load_data
from strife.record import Actor, ArticleRef, Event, Evidence


def test_normalise_drops_case_punctuation_articles_and_spaces():
    assert normalise("  The  FMLN's   Urban-Guerrillas. ") == "fmln s urban guerrillas"
    assert normalise("AN M-16 RIFLE") == normalise("m 16 rifle")
    assert normalise("theatre") == "theatre"  # an article inside a word stays


def test_pairing_is_one_to_one_and_maximal():
    # greedy in fill order would give "m-16 rifle" the first entity and leave "rifle" unpaired
    assert pair(["m-16 rifle", "rifle"], [["rifle", "m-16 rifle"], ["M-16 RIFLE"]]) == 2
    # two aliases of one entity pair only once
    assert pair(["FMLN", "farabundo marti national liberation front"], [["farabundo marti national liberation front", "fmln"]]) == 1
    assert pair([], [["x"]]) == 0 and pair(["x"], []) == 0


def test_scorer_matches_hand_computed_figures():
    gold = {
        "PerpInd": [["urban guerrillas"], ["terrorists"]],
        "PerpOrg": [["farabundo marti national liberation front", "fmln"]],
        "Target": [["las canas bridge"]],
        "Victim": [["peasants"], ["jose perez"]],
        "Weapon": [["rifle", "m-16 rifle"], ["m-16 rifle"]],
    }
    predicted = {
        "PerpInd": ["URBAN GUERRILLAS."],                                   # 1 of 1 fill, 1 of 2 entities
        "PerpOrg": ["The FMLN", "Farabundo Marti National Liberation Front"],  # 1 match, 2 fills
        "Target": ["bridge"],                                               # no match
        "Victim": ["peasants", "Peasants"],                                 # one fill after normalising
        "Weapon": ["m-16 rifle", "rifle"],                                  # 2 matches by pairing
    }
    tallies = score_document(predicted, gold)
    assert [(tallies[r].matched, tallies[r].predicted, tallies[r].gold) for r in ROLES] == [
        (1, 1, 2), (1, 2, 1), (0, 1, 1), (1, 1, 2), (2, 2, 2)]
    matched = sum(t.matched for t in tallies.values())
    predicted_n = sum(t.predicted for t in tallies.values())
    gold_n = sum(t.gold for t in tallies.values())
    # by hand: P = 5/7, R = 5/8, F1 = 2PR/(P+R) = 10/15
    assert (matched, predicted_n, gold_n) == (5, 7, 8)
    p, r = matched / predicted_n, matched / gold_n
    assert 2 * p * r / (p + r) == pytest.approx(2 / 3)


REF = ArticleRef(id="T-1")


def _event(**kw) -> Event:
    return Event(article=REF, **kw)


def test_adapter_counts_terrorist_incidents_with_coders_spans():
    kidnap = _event(
        event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
        actor1=Actor(name="FMLN: Farabundo Marti National Liberation Front", mention="FMLN", inter=2),
        victims=["50 peasants", "three soldiers", "people"], targets=["the Las Canas bridge", "an army patrol"],
        evidence=[Evidence(field="weapons", start=10, end=21, quote="M-16 RIFLES"),
                  Evidence(field="weapons", start=30, end=37, quote="RIFLES"),
                  Evidence(field="perpetrators", start=40, end=50, quote="TERRORISTS")],
    )
    clash = _event(
        event_type="Battles", sub_event_type="Armed clash",
        actor1=Actor(name="Military Forces of El Salvador", mention="soldiers", inter=1),
        victims=["three subversives"],
    )
    bombing = _event(
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        actor1=Actor(name="Unidentified Armed Group (Peru)", mention="the urban guerrillas", inter=3),
        actor2=None,
    )
    assert muc_type(kidnap) == "KIDNAPPING" and muc_type(bombing) == "BOMBING"
    assert muc_type(clash) is None  # fighting between armed sides is not a terrorist incident
    fills = role_fills([kidnap, clash, bombing], {r: "rules" for r in ROLES})  # the rules' adapter alone
    assert fills == {
        "PerpInd": ["TERRORISTS", "urban guerrillas"],  # described perpetrators beside the named group
        "PerpOrg": ["FMLN"],
        "Target": ["Las Canas bridge"],
        "Victim": ["peasants"],
        "Weapon": ["M-16 RIFLES"],  # "RIFLES" is the same instrument, less specific
    }  # the soldiers, "people" and the army patrol are no MUC victims or targets
    # what the role tagger's second stage reads: the same rules' fills, of the events MUC
    # templates that happened (a planned kidnapping fills nothing)
    planned = kidnap.model_copy(update={"mode": "planned", "victims": ["a judge"]})
    assert rule_fills([kidnap, clash, bombing, planned]) == fills


def test_arson_and_robbery_are_read_from_the_trigger():
    arson = _event(event_type="Strategic developments", sub_event_type="Looting/property destruction",
                   evidence=[Evidence(field="event_type", start=0, end=6, quote="BURNED")])
    robbery = _event(event_type="Strategic developments", sub_event_type="Other",
                     evidence=[Evidence(field="event_type", start=0, end=6, quote="ROBBED")])
    arrest = _event(event_type="Strategic developments", sub_event_type="Arrests")
    assert (muc_type(arson), muc_type(robbery), muc_type(arrest)) == ("ARSON", "ROBBERY", None)


def test_bare_noun_phrases():
    assert bare("the three peasants") == "peasants"
    assert bare("at least 12 soldiers") == "soldiers"
    assert bare("Jesuit priests") == "Jesuit priests"


def test_conventions_file_loads_and_names_muc_types():
    conv = load_data("muc4.json")
    allowed = {None, "ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE"}
    assert set(conv["types"]["by_sub_event"].values()) <= allowed
    assert set(conv["types"]["by_trigger"].values()) <= allowed
    assert set(conv["types"]["state_excluded_sub_events"]) <= set(conv["types"]["by_sub_event"])


def test_run_reads_only_documents_of_the_roles_file(tmp_path):
    dev = tmp_path / "dev.jsonl"
    docs = [
        {"docid": "X-1", "split": "dev", "text": "LIMA, 2 JAN 90 -- GUERRILLAS KIDNAPPED TWO ENGINEERS.",
         "templates": [{"slots": {"INCIDENT: TYPE": ["KIDNAPPING"]}, "date_start": "1990-01-02",
                        "date_end": "1990-01-02", "country": "PERU", "killed_approx": None}]},
        {"docid": "X-2", "split": "dev", "text": "NOTHING HAPPENED.", "templates": []},
    ]
    dev.write_text("\n".join(json.dumps(d) for d in docs))
    roles = tmp_path / "roles.jsonl"
    roles.write_text(json.dumps({"docid": "X-1", "extracts": {"PerpInd": [["guerrillas"]], "PerpOrg": [], "Target": [],
                                                              "Victim": [["engineers"]], "Weapon": []}}) + "\n")
    event = _event(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                   date="1990-01-02", actor1=Actor(name="Unidentified Armed Group (Peru)", mention="GUERRILLAS", inter=3),
                   victims=["TWO ENGINEERS"])
    seen = []

    class FakeExtractor:
        def extract(self, articles):
            for a in articles:
                seen.append(a.id)
                yield SimpleNamespace(article=a, events=[event], error=None, roles=[])

    report = run_muc4(dev, roles, None, FakeExtractor(), {r: "rules" for r in ROLES})  # the events are the rules'

    assert seen == ["X-1"]
    result = report.as_dict()
    assert result["micro"]["matched"] == 2 and result["micro"]["f1"] == 1.0
    assert result["templates"]["incident_type"] == {"agree": 1, "of": 1, "rate": 1.0}
    assert result["templates"]["date"]["agree"] == 1
    assert "X-1" in report.worst(1)[0] and "micro" in report.table()


def test_run_scores_the_document_roles_of_a_report_with_no_event(tmp_path):
    # the role tagger's spans, when no event happened to take them, are the document's fills
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"docid": "X-1", "split": "dev", "text": "LIMA, 2 JAN 90 -- A BOMB KILLED JUDGE PEREZ.",
                               "templates": []}))
    roles = tmp_path / "roles.jsonl"
    roles.write_text(json.dumps({"docid": "X-1", "extracts": {"PerpInd": [], "PerpOrg": [], "Target": [],
                                                              "Victim": [["judge perez"]], "Weapon": [["bomb"]]}}))
    tagged = [Evidence(field="victims", start=31, end=42, quote="JUDGE PEREZ", reason="role tagger (Victim, confidence 0.90)"),
              Evidence(field="weapons", start=20, end=24, quote="BOMB", reason="role tagger (Weapon, confidence 0.90)")]

    class FakeExtractor:
        def extract(self, articles):
            for a in articles:
                yield SimpleNamespace(article=a, events=[], error=None, roles=tagged)

    report = run_muc4(dev, roles, None, FakeExtractor(), {r: "tagger" for r in ROLES})
    assert report.as_dict()["micro"]["matched"] == 2
    assert run_muc4(dev, roles, None, FakeExtractor(), {r: "rules" for r in ROLES}).as_dict()["micro"]["matched"] == 0


def test_perpetrators_keep_their_count_as_the_keys_write_them():
    fills = clean_fills({"PerpInd": ["the two individuals"], "Victim": ["the three peasants"]})
    assert fills["PerpInd"] == ["two individuals"] and fills["Victim"] == ["peasants"]
    assert bare("the two individuals", keep_count=True) == "two individuals"


def test_seized_weapons_are_no_instrument(code):
    events = code("LIMA, 2 JAN 90 -- TERRORISTS HURLED DYNAMITE AT A BANK IN MIRAFLORES. POLICE LATER SEIZED "
                  "TWO RIFLES AND A CACHE OF GRENADES IN A NEARBY HOUSE.\n", published="1990-01-02")
    quotes = {ev.quote.upper() for e in events for ev in e.evidence if ev.field == "weapons"}
    assert "DYNAMITE" in quotes and not quotes & {"RIFLES", "GRENADES"}


# -- settling the document's fills (settle_fills) ------------------------------------------
def test_fills_lose_dangling_function_words_and_hedges():
    assert trim("BAND OF GUNMEN FROM", "PerpInd") == "BAND OF GUNMEN"
    assert trim("the security forces of", "PerpOrg") == "security forces"
    assert trim("SO-CALLED RED DAWN COMMANDO", "PerpInd") == "RED DAWN COMMANDO"
    assert trim("approximately 30 shops", "Target") == "shops"
    assert trim("approximately 30 gunmen", "PerpInd") == "30 gunmen"  # the perpetrators keep their count
    assert trim("office of the mayor", "Target") == "office of the mayor"  # "of" inside stays


def test_a_string_in_two_roles_keeps_the_conventional_one():
    fills = settle_fills({"PerpInd": ["GUNMEN"], "Victim": ["MARTA LOPEZ"],
                          "Target": ["JEEP"], "Weapon": ["JEEP", "GRENADES"], "PerpOrg": []})
    assert fills["Target"] == ["JEEP"] and fills["Weapon"] == ["GRENADES"]  # the jeep was hit, not the weapon
    assert fills["Victim"] == ["MARTA LOPEZ"] and fills["PerpInd"] == ["GUNMEN"]


def test_a_fill_with_nothing_to_cut_is_left_as_combined():
    # clean_fills bared it already; baring again would take ".22" for a count
    assert trim("22 caliber pistol", "Weapon") == "22 caliber pistol"


def test_a_person_named_in_part_gets_the_full_name_the_text_writes():
    text = ("BOGOTA, 3 MAR 90 -- GUNMEN KILLED JUDGE RAMIRO OCAMPO, IN MEDELLIN. "
            "POLICE SAID OCAMPO HAD RECEIVED THREATS. MAYOR CARLOS ROJAS WAS UNHURT.")
    names = dict(person_names(text))
    assert names["ramiro ocampo"] and names["carlos rojas"]  # closed by a comma; stopped before "was"
    assert full_name("OCAMPO", list(names.items())) == "ramiro ocampo"
    assert full_name("GUNMEN", list(names.items())) == "GUNMEN"
    fills = settle_fills({"Victim": ["OCAMPO", "RAMIRO OCAMPO"]}, text)
    assert [normalise(v) for v in fills["Victim"]] == ["ramiro ocampo"]  # one person, one fill


def test_a_name_run_that_may_have_taken_a_verb_lends_only_its_start():
    text = "LIMA, 2 JAN 90 -- MARIO PENA WROTE TO THE PAPER. POLICE SAID LUIS GOMEZ VARGAS HOLGUIN BRAVO TOOK IT."
    names = person_names(text)
    assert ("mario pena", True) in names  # cut before "wrote", a verb truecase would take for a surname
    assert ("luis gomez vargas holguin", False) in names  # truecase's longest run: it may go on past the name
    assert full_name("LUIS GOMEZ", names) == "LUIS GOMEZ"  # its end is not sure: no words after the fill's
    assert full_name("HOLGUIN", names) == "luis gomez vargas holguin"  # the words before it are


def test_a_surname_two_people_share_stays_as_written():
    names = person_names("CARLOS MENDEZ AND HIS BROTHER JORGE MENDEZ WERE KIDNAPPED.")
    assert full_name("MENDEZ", names) == "MENDEZ"
    assert full_name("JORGE MENDEZ", names) == "JORGE MENDEZ"
    assert full_name("ANA MARIA DE LEON", names) == "ANA MARIA DE LEON"  # long fills are full names


def test_settle_conventions_are_consistent():
    settle = load_data("muc4.json")["settle"]
    for keeps, loses in settle["role_precedence"]:
        assert keeps in ROLES and loses in ROLES and keeps != loses
    assert set(settle["full_name_roles"]) <= set(ROLES)
    import re
    assert re.search(settle["trailing_words"], "men from") and not re.search(settle["trailing_words"], "front")
    assert all(w == w.lower() and " " not in w for w in settle["not_name_words"])


def _tagged(text: str, phrase: str, field: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(field=field, start=start, end=start + len(phrase), quote=phrase, reason="role tagger (x, confidence 0.50)")


def test_a_span_cut_short_of_a_known_group_or_of_whom_the_members_are_is_widened():
    from strife.extract.lexicon import LEXICON

    text = "QUITO, 9 MAY 90 -- MEMBERS OF THE NATIONAL TAXI DRIVERS UNION WERE BLAMED. THE ARMY OF NATIONAL LIBERATION SAID."
    groups = [h for _, h in LEXICON.named_groups_in(text)]
    assert widen(_tagged(text, "MEMBERS", "perpetrators"), "PerpInd", text, groups) == "MEMBERS OF THE NATIONAL TAXI DRIVERS UNION"
    army = _tagged(text, "ARMY", "perpetrator_groups")
    assert widen(army, "PerpOrg", text, groups) == "ARMY OF NATIONAL LIBERATION"
    assert widen(_tagged(text, "BLAMED", "perpetrators"), "PerpInd", text, groups) == "BLAMED"  # nothing to widen
    lone = "LIMA, 2 JAN 90 -- MEMBERS SET FIRE TO THE TOWN HALL."
    assert widen(_tagged(lone, "MEMBERS", "perpetrators"), "PerpInd", lone) == "MEMBERS"  # no "of" phrase


def test_the_group_individuals_belong_to_is_an_organisation_fill_once():
    fills = settle_fills({"PerpInd": ["FMLN URBAN COMMANDOS"], "PerpOrg": ["FARABUNDO\nMARTI NATIONAL LIBERATION FRONT"]})
    # the front's name broken over two wire lines is still the front: one PerpOrg fill
    assert [normalise(f) for f in fills["PerpOrg"]] == ["farabundo marti national liberation front"]
    assert fills["PerpInd"] == ["FMLN URBAN COMMANDOS"]
    fills = settle_fills({"PerpInd": ["SHINING PATH COLUMN"], "PerpOrg": []})
    assert [normalise(f) for f in fills["PerpOrg"]] == ["shining path"]
    assert settle_fills({"PerpInd": ["GUNMEN"], "PerpOrg": []})["PerpOrg"] == []


def test_wire_furniture_prepositions_and_possessives_are_cut_from_a_fill():
    assert trim("[TEXT] TEN HOODED MEN", "PerpInd") == "TEN HOODED MEN"
    assert trim("OF THE TRUCKS", "Target") == "TRUCKS"
    assert trim("SOLDIERS OF THE", "PerpInd") == "SOLDIERS"
    assert trim("MARIO PENA'S", "Victim") == "MARIO PENA"
    assert trim("ofelia ruiz", "Victim") == "ofelia ruiz"  # a word that starts like one stays


def test_an_organisation_keeps_the_number_of_its_name():
    fills = role_fills([], {r: "tagger" for r in ROLES}, [
        Evidence(field="perpetrator_groups", start=0, end=17, quote="14 JUNE BRIGADES",
                 reason="role tagger (PerpOrg, confidence 0.80)")])
    assert fills["PerpOrg"] == ["14 JUNE BRIGADES"]
    assert bare("14 JUNE BRIGADES") == "JUNE BRIGADES"  # what the rules' fills (the tagger's feature) still read


# -- agents the text names (agent_phrases) ---------------------------------------------------
def test_the_agent_of_an_incident_verb_is_a_perpetrator_phrase():
    from strife.evaluate.muc4 import agent_phrases

    wire = ("QUITO, 4 MAR 90 -- THE JUDGE KIDNAPPED ON MONDAY BY FOUR HOODED\nGUNMEN WAS FREED. A BANK WAS "
            "DYNAMITED BY ALLEGED URBAN GUERRILLA COMMANDOS. HE WAS ARRESTED BY POLICEMEN.")
    assert agent_phrases(wire) == ["FOUR HOODED GUNMEN", "URBAN GUERRILLA COMMANDOS"]  # no arrest, no hedge
    assert agent_phrases("the mayor was shot dead by a group of armed men") == ["a group of armed men"]
    # whose members they are is the tagger's to read; a firing squad or 'our' fighters are no fill
    assert agent_phrases("KILLED BY MEMBERS OF THE FRONT. EXECUTED BY A FIRING SQUAD. ATTACKED BY OUR FIGHTERS.") == []


def test_role_fills_add_a_named_agent_only_to_a_report_with_an_incident():
    text = "LIMA, 2 JAN 90 -- THE ENGINEER WAS MURDERED YESTERDAY BY UNIFORMED INDIVIDUALS NEAR HIS HOME."
    victim = _tagged(text, "THE ENGINEER", "victims")
    fills = role_fills([], {r: "tagger" for r in ROLES}, [victim], text)
    assert fills["PerpInd"] == ["UNIFORMED INDIVIDUALS"]
    assert role_fills([], {r: "tagger" for r in ROLES}, [], text)["PerpInd"] == []  # no incident: no fill
    # the tagger's fill of the same entity stays the one fill
    tagged = _tagged(text, "INDIVIDUALS", "perpetrators")
    assert role_fills([], {r: "tagger" for r in ROLES}, [victim, tagged], text)["PerpInd"] == ["INDIVIDUALS"]


def test_agent_conventions_are_consistent():
    import re

    agents = load_data("muc4.json")["agents"]
    assert all(h == h.lower() and h.isalpha() for h in agents["heads"])
    assert re.fullmatch(agents["incident_verbs"], "murdered") and not re.fullmatch(agents["incident_verbs"], "arrested")
    assert re.fullmatch(agents["not_agents"], "members") and not re.fullmatch(agents["not_agents"], "urban guerrillas")
    assert agents["max_between"] >= 0 and agents["max_modifiers"] >= 0


def test_a_target_that_is_part_of_a_building_is_the_building():
    fills = settle_fills({"Target": ["THE 3RD FLOOR OF THE MUNICIPAL LIBRARY", "FRONT OF THE PERUVIAN BANK", "FRONT DOOR",
                                     "OFFICES OF THE MAYOR"], "Victim": ["FLOOR OF HIS HOUSE"]})
    assert [normalise(t) for t in fills["Target"]] == ["municipal library", "peruvian bank", "front door", "offices of mayor"]
    assert fills["Victim"] == ["FLOOR OF HIS HOUSE"]  # a target's convention only
    settle = load_data("muc4.json")["settle"]
    import re
    assert not re.match(settle["building_parts"], "front for national liberation")  # a part needs its 'of'
