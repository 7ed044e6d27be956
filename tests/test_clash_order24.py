"""Who acted in a clash with the state's forces (act24): forces told as attacked first ('killed all four gunmen who
attacked a checkpoint', 'ambushed by gunmen', 'soldiers were killed in an ambush') are actor2, the attackers actor1
(the coding guide: actor1 is the side that acted). Sentences written for these tests."""

from strife.extract.lexicon import LEXICON, load_data


def _reported(code, text, published="2025-03-14"):
    events = [e for e in code(text, published) if e.mode == "reported"]
    assert events, "no event coded"
    return events[0]


def test_forces_attacked_data_loads_and_says_why():
    data = load_data("actor_groups.json")
    assert data["_forces_attacked_doc"] and data["forces_attacked"]
    assert LEXICON.forces_attacked_re.search("the gunmen who attacked a post")
    assert LEXICON.forces_attacked_re.search("were killed in an ambush near")
    assert not LEXICON.forces_attacked_re.search("troops attacked a camp")


def test_forces_attacked_first_are_actor2(code):
    event = _reported(code, "KABUL - Troops killed all four gunmen who attacked a police post outside Herat on Monday.")
    assert event.actor1.name.startswith("Unidentified Armed Group") and event.actor2.name == "Military Forces of Afghanistan"
    event = _reported(code, "NIAMEY - Niger's army said 12 soldiers were killed in an ambush near Tillaberi on Tuesday.")
    assert event.actor1.name == "Unidentified Armed Group (Niger)" and event.actor2.name == "Military Forces of Niger"
    event = _reported(code, "DAMASCUS - A truck carrying Syrian soldiers was ambushed by gunmen near Palmyra on Sunday, "
                            "killing nine soldiers.")
    assert event.actor1.inter == 3 and event.actor2.name == "Military Forces of Syria"


def test_forces_that_attack_stay_actor1(code):
    event = _reported(code, "MOGADISHU - Soldiers attacked al-Shabaab positions near Afgoye on Friday, killing 12 fighters.")
    assert event.actor1.name == "Military Forces of Somalia" and event.actor2.name == "Al Shabaab"
    # villagers killed in an attack tell no defenders
    event = _reported(code, "KADUNA - Three villagers were killed in an attack on Kauru on Monday.")
    assert event.actor2 is not None and event.actor2.inter == 7
