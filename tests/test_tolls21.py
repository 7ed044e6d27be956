"""Tolls told across clauses of one incident (devset21's lessons, on sentences written for these tests): a toll told
as risen in a sentence of its own, the other side's account of a fight, each side's own dead of two nationalities,
two sides' whole accounts."""


def _reported(code, text, published):
    return [e for e in code(text, published) if e.mode == "reported"]


def test_a_toll_told_as_risen_on_a_later_day_is_the_strikes_toll(code):
    text = ("A drone strike on a farmhouse near Khan Younis late on Friday killed four members of one family, the "
            "health ministry said on Saturday. Civil defence workers recovered two more bodies from the debris on "
            "Sunday, bringing the toll to six, a hospital director said.")
    (event,) = _reported(code, text, "2025-03-17")
    assert event.fatalities.best == 6
    assert event.date == "2025-03-14"


def test_the_dead_of_the_other_state_told_by_the_side_that_fought_are_its_fight(code):
    text = ("Armenian troops pushed back an assault on a post near the village of Sotk on Tuesday, the 3rd Army Corps "
            "said. The corps said it had killed a dozen Azerbaijani soldiers and lost none of its own.")
    (event,) = _reported(code, text, "2025-04-16")
    assert (event.event_type, event.date, event.fatalities.best) == ("Battles", "2025-04-15", 12)
    assert event.actor1.name == "Military Forces of Armenia" and event.actor2.name == "Military Forces of Azerbaijan"


def test_each_sides_own_dead_of_two_nationalities_add_up(code):
    text = ("Uzbek and Kyrgyz border guards exchanged fire near the village of Sokh on Friday, leaving three Uzbek "
            "guards dead, Uzbekistan's border committee said. Kyrgyzstan's state committee said two Kyrgyz guards "
            "were killed.")
    events = _reported(code, text, "2025-06-07")
    assert len(events) == 1
    assert events[0].fatalities.best == 5


def test_one_group_told_with_and_without_its_nationality_is_counted_once(code):
    text = ("Two Israeli soldiers were killed by a roadside bomb near Tubas on Monday, the military said. "
            "The two soldiers were 20 years old.")
    (event,) = _reported(code, text, "2025-06-03")
    assert event.fatalities.best == 2
