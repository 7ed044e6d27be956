"""Strikes from afar told by the other side (act24): the forces that only tell the news are not the side that
struck, drones fired at a place are a strike, and an air force's count of a night's launches at a whole country is
no incident of its own. Sentences written for these tests."""

from strife.extract.lexicon import LEXICON
from test_detect import mentions, nlp  # noqa: F401  (detection's own helper and fixture)


def _reported(code, text, published="2025-03-14"):
    events = [e for e in code(text, published) if e.mode == "reported"]
    assert events, "no event coded"
    return events[0]


def test_forces_that_only_tell_the_news_give_way_to_the_state_that_struck(code):
    event = _reported(code, "ODESA - Ukraine's air force said Russia had launched 60 drones at Odesa overnight, "
                            "killing two people in a residential block.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"
    event = _reported(code, "BELGOROD - Russia's defence ministry said Ukraine has fired 25 drones at Belgorod, "
                            "wounding a woman.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Ukraine"


def test_forces_that_act_and_later_tell_it_stay_the_side_that_acted(code):
    event = _reported(code, "Kenyan troops backed by Somali soldiers killed nine al-Shabaab fighters near Kismayo on "
                            "Friday, the Kenyan military spokesman told reporters in Nairobi.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Kenya"


def test_drones_fired_at_a_place_are_a_strike(nlp):
    hits = LEXICON.triggers("Rebels fired six drones at the airport on Monday.")
    assert any(h.kind == "air" for h in hits)
    # missiles beside the drones make it a missile attack, as before
    hits = LEXICON.triggers("Rebels fired missiles and drones at the airport on Monday.")
    assert not any(h.kind == "air" and h.text.startswith("fired") for h in hits)
    assert mentions(nlp, "KHARKIV - Russia fired 14 drones at Kharkiv overnight, wounding three people.") != []


def test_a_nights_count_of_launches_at_a_whole_country_is_no_incident(nlp):
    assert mentions(nlp, "KYIV - The air force said Russia launched 120 drones and six missiles at Ukraine overnight, "
                         "of which 95 were shot down.") == []
    assert mentions(nlp, "KYIV - Russia had fired 80 drones at the country overnight, the air force said.") == []
    # at a town, or with a toll, it is the incident
    assert mentions(nlp, "KYIV - Russia launched 120 drones at Zaporizhzhia overnight, the air force said.") != []
    assert mentions(nlp, "KYIV - Russia launched 120 drones at Ukraine overnight, killing 4 people.") != []
    # a town of the country, named by its demonym, is a place
    assert mentions(nlp, "Militants fired 12 rockets at the Israeli town of Ashkelon; most were intercepted.") != []


def test_strike_aim_data_loads_and_reads_the_aim_only():
    assert LEXICON.strike_aim_re.search("reportedly targeting ")
    assert LEXICON.strike_aim_re.search("what the army described as hideouts of the ")
    assert not LEXICON.strike_aim_re.search("fighters of the ")


def test_a_group_only_aimed_at_gives_way_to_the_civilians_the_strike_killed(code):
    event = _reported(code, "Pakistani jets struck what Islamabad described as hideouts of the Pakistani Taliban in "
                            "Kunar province on Sunday, killing nine people, including women and children.")
    assert event.actor2 is not None and event.actor2.name == "Civilians (Afghanistan)"
    # the group's own fighters killed: the group was acted on
    event = _reported(code, "Pakistani jets bombed TTP hideouts in Kunar province on Sunday, killing 14 militants.")
    assert event.actor2 is not None and event.actor2.name.startswith("TTP")


def test_a_group_spokesman_named_after_his_title_only_tells_the_news(code):
    event = _reported(code, "Pakistani aircraft bombed homes in Kunar province on Sunday, killing seven women and "
                            "children, Taliban spokesman Zabihullah Mujahid said.")
    assert event.actor2 is not None and event.actor2.inter == 7


def test_weapons_stopped_in_the_air_are_the_launching_states(code):
    event = _reported(code, "Ukrainian air defences shot down all the drones Russia launched at Odesa overnight, the "
                            "regional administration said. Debris fell in a park but caused no casualties.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Russia" and event.actor2.inter == 8
    # a bomb defused with no one named who planted it stays an unidentified group's
    event = _reported(code, "Police bomb disposal experts defused an explosive device found near a market in Mombasa on "
                            "Monday.")
    assert event.actor2 is not None and event.actor2.inter == 3
