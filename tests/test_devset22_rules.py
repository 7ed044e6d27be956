"""Rules written after devset22's first run (tests/devset22/README.md), each on sentences written for these tests
(real places, invented incidents): protests told only by the act of the protesters a police action broke up
("nurses who had blocked a highway ... to demand", "glued themselves to the road"), rallies that "would be held"
elsewhere, Dozo hunters outside Burkina Faso, RED-Tabara."""


def _reported(events):
    return [e for e in events if e.mode == "reported"]


def test_a_blockade_broken_up_with_detentions_is_a_protest_with_intervention(code):
    (e,) = _reported(code("Police dispersed nurses who had blocked a highway outside Accra on Tuesday to demand unpaid "
                          "wages, and detained five of them, the union said.", "2025-04-09"))
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert e.actor1.name == "Protesters (Ghana)"


def test_activists_glued_to_a_road_and_detained_are_protesters(code):
    (e,) = _reported(code("Police in Vienna detained 20 climate activists on Tuesday who had glued themselves to the road "
                          "outside parliament.", "2025-04-09"))
    assert e.event_type == "Protests" and e.actor1.inter == 6


def test_a_blocked_road_with_no_demand_stays_an_arrest(code):
    # the widened blockade signal needs a demand: men who blocked a road to smuggle cattle protest nothing
    (e,) = _reported(code("Police detained six men who had blocked the road near Kisumu on Tuesday while trying to "
                          "smuggle cattle.", "2025-04-09"))
    assert e.sub_event_type == "Arrests"


def test_rallies_that_would_be_held_elsewhere_are_no_events(code):
    events = _reported(code("Miners rallied in Lubumbashi on Tuesday over unpaid wages. Organisers said further rallies "
                            "would be held in Kolwezi next month.", "2025-04-09"))
    assert [e.location.name for e in events] == ["Lubumbashi"]


def test_dozo_hunters_take_the_country_they_act_in(code):
    (e,) = _reported(code("Dozo traditional hunters killed two herders near Korhogo on Sunday.", "2025-04-09"))
    assert e.actor1.name == "Dozo Communal Militia (Ivory Coast)" and e.actor1.inter == 4
    (b,) = _reported(code("Dozo hunters killed three herders near Banfora on Sunday.", "2025-04-09"))
    assert b.actor1.name == "Dozo Communal Militia (Burkina Faso)"


def test_red_tabara_is_a_rebel_group(code):
    (e,) = _reported(code("RED-Tabara rebels clashed with soldiers near Bubanza on Sunday, killing two.", "2025-04-09"))
    assert e.actor1.name == "RED-Tabara: Resistance for the Rule of Law in Burundi" and e.actor1.inter == 2
    assert e.sub_event_type == "Armed clash"


def test_the_air_force_that_bombed_is_an_air_strike_by_the_military(code):
    (e,) = _reported(code("The air force bombed rebel positions near Bol on Monday, killing dozens of fighters, the army "
                          "said.", "2025-04-09"))
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1.name == "Military Forces of Chad"
