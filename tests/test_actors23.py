"""Actor rules of the actors23 pass (extract/actors.py, data/actor_groups.json), each on
sentences written for these tests."""

import re

import pycountry

from strife.extract.lexicon import LEXICON, load_data


def _reported(code, text, published="2024-05-08"):
    events = [e for e in code(text, published) if e.mode == "reported"]
    assert events, "no event coded"
    return events[0]


# -- gendarmeries that are a branch of the armed forces ----------------------------------

def test_military_gendarmeries_data_loads_and_is_consistent():
    entry = load_data("actor_groups.json")["military_gendarmeries"]
    assert entry["countries"]
    for iso2 in entry["countries"]:
        assert pycountry.countries.get(alpha_2=iso2) is not None, iso2
    words = re.compile(entry["words"], re.I)
    assert words.search("two gendarmes") and words.search("a gendarmerie post")
    assert not words.search("two policemen")


def test_gendarmes_of_cameroon_are_its_military(code):
    event = _reported(code, "Separatist fighters killed three gendarmes at a checkpoint near Kumba, Cameroon, on Friday.")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Cameroon"
    assert event.actor2.inter == 1


def test_gendarmes_elsewhere_stay_police(code):
    event = _reported(code, "Gendarmes fired tear gas at hundreds of demonstrators in Dakar, Senegal, on Friday.")
    names = {a.name for a in (event.actor1, event.actor2) if a is not None}
    assert "Police Forces of Senegal" in names
    assert "Military Forces of Senegal" not in names


# -- a country's only insurgency of a kind ---------------------------------------------

def test_sole_insurgencies_data_names_known_groups():
    for iso2, entry in load_data("actor_groups.json")["sole_insurgencies"].items():
        assert pycountry.countries.get(alpha_2=iso2) is not None, iso2
        group = LEXICON.group_by_name(entry["group"])
        assert group is not None and group.inter == 2, entry["group"]
        for p in entry["kinds"]:
            re.compile(p)


def test_unnamed_separatists_in_cameroon_are_ambazonian(code):
    event = _reported(code, "Armed separatists ambushed an army patrol near Wum in Cameroon's North-West region on Friday, killing two soldiers.")
    assert event.actor1 is not None and event.actor1.name == "Ambazonian Separatists"
    assert event.actor1.inter == 2
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Cameroon"


def test_unnamed_gunmen_in_cameroon_stay_unidentified(code):
    event = _reported(code, "Gunmen shot dead a shopkeeper in Wum, Cameroon, on Friday.")
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Cameroon)"


def test_separatists_elsewhere_are_not_ambazonian(code):
    event = _reported(code, "Separatist fighters ambushed an army patrol near Sittwe, Myanmar, on Friday, killing two soldiers.")
    assert event.actor1 is None or event.actor1.name != "Ambazonian Separatists"


# -- separatist organisations are rebel groups ---------------------------------------------

def test_ipob_a_separatist_movement_is_a_rebel_group(code):
    # coding-guide.md: insurgent and separatist organisations are rebel groups, inter 2
    event = _reported(code, "IPOB gunmen attacked a police station in Orlu, Nigeria, on Friday, killing two officers.")
    assert event.actor1 is not None and event.actor1.name == "IPOB: Indigenous People of Biafra"
    assert event.actor1.inter == 2


# -- the sides of a transfer of territory, and one list of leaving verbs ------------------

def test_withdrawn_uses_the_transfer_leaving_verbs():
    from strife.extract.actors import WITHDRAWN_AFTER

    leaving = load_data("actor_groups.json")["state_forces"]["transfer_sides"]["leaving"]
    for verb in ("vacated", "evacuated", "withdrew"):
        assert verb in leaving
        assert WITHDRAWN_AFTER.match(f" fighters {verb} the town")
    assert WITHDRAWN_AFTER.match(" (AA) had pulled out")
    assert not WITHDRAWN_AFTER.match(" fighters entered the town")


def test_the_side_that_left_told_in_the_sentence_before(code):
    event = _reported(code, "The army withdrew from its base at Gossi, Mali, on Friday. "
                            "JNIM fighters entered the town on Saturday without a fight.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.actor1 is not None and event.actor1.name.startswith("JNIM")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali"


def test_a_side_with_its_abbreviation_in_brackets_left(code):
    event = _reported(code, "The Arakan Army (AA) pulled out of Buthidaung, Myanmar, on Friday, "
                            "and junta troops moved into the town on Saturday without a fight.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Myanmar"
    assert event.actor2 is not None and event.actor2.name == "Arakan Army"
