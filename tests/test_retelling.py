"""A follow-on sentence that retells the incident already told, or adds detail to it, is no second event: the
attackers' means told with a definite subject ("the militants had fired mortars"), and clauses whose only other
place is the teller's, a hospital's, a reference's or a part of the town told (extract/assemble.py, facts.fill,
places.locates_another). The reports are written for these tests."""

from strife.extract.lexicon import load_data


def _reported(code, text, published="2025-03-12"):
    return [e for e in code(text, published) if e.mode == "reported"]


def test_the_attackers_means_told_after_the_raid_is_the_raid(code):
    text = ("Militants stormed a police post in Lakki Marwat on Tuesday night, killing three constables, officials said. "
            "A police official said the militants had fired mortars at the post before trying to break in. "
            "No group claimed the attack.")
    (event,) = _reported(code, text)
    # the raid keeps the type its own telling gives: the mortars are how it was done
    assert event.event_type == "Battles" and event.fatalities.best == 3
    assert event.location.name.startswith("Lakki")


def test_the_attackers_named_by_their_group_are_the_same_attackers(code):
    text = ("Rebels ambushed an army convoy near Kidal on Tuesday, killing four soldiers, the army said. The attackers, "
            "from a faction of the FLA, detonated a mine under the lead truck before opening fire.")
    (event,) = _reported(code, text)
    assert event.event_type == "Battles" and event.fatalities.best == 4


def test_a_means_with_a_toll_of_its_own_or_told_by_another_side_is_another_event(code):
    toll = ("Militants stormed a police post in Lakki Marwat on Tuesday night, killing three constables. The militants "
            "also fired rockets at a nearby market, wounding six shoppers.")
    assert len(_reported(code, toll)) == 2
    # state forces are no retelling subject: the army's shelling is its reply
    reply = ("Militants stormed an army post in Lakki Marwat on Tuesday night, killing three soldiers. The army shelled "
             "the hideouts of the militants in the hills.")
    assert len(_reported(code, reply)) == 2
    # nor are "the militants" when the incident never named them
    other = ("Troops raided a village near Lakki Marwat on Tuesday, killing two farmers. The militants fired mortars at "
             "the army camp.")
    assert len(_reported(code, other)) == 2


def test_the_tellers_place_does_not_make_a_second_event(code):
    text = ("Gunmen shot dead four villagers in Kajuru on Sunday, residents said. The interior ministry in Abuja later "
            "said three suspects had been arrested.")
    (event,) = _reported(code, text)
    assert event.location.name == "Kajuru" and event.fatalities.best == 4


def test_the_hospital_where_the_wounded_lie_does_not_make_a_second_event(code):
    text = ("A mob beat a man to death in Narsingdi on Friday after accusing him of theft. Police said a second man was "
            "in critical condition at a hospital in Dhaka and that three suspects had been detained.")
    (event,) = _reported(code, text)
    assert event.location.name == "Narsingdi" and event.event_type == "Riots"


def test_a_country_named_as_where_they_came_from_is_no_place_nor_actor(code):
    text = ("Troops shot dead two smugglers near Hakkari on Sunday, a rights group said. The men were carrying fuel "
            "across the border from Iraq when the troops opened fire.")
    (event,) = _reported(code, text)
    assert event.location.country == "Turkey"
    assert event.actor1.name == "Military Forces of Turkey"  # not Iraq's: it is where the men came from


def test_a_part_of_the_city_told_is_the_same_incident(code):
    text = ("Russian missiles struck Odesa on Tuesday morning, killing three civilians, the governor said. A woman was "
            "killed in the city's Prymorskyi district and two men died near the port.")
    (event,) = _reported(code, text)
    assert event.location.name == "Odesa" and event.fatalities.best == 3


def test_a_protest_after_an_attack_stays_its_own_event(code):
    text = ("Gunmen killed two farmers near Barkin Ladi on Sunday, a community leader said. Youths later blocked the "
            "road to Jos in protest.")
    events = _reported(code, text)
    assert sorted(e.event_type for e in events) == ["Protests", "Violence against civilians"]


def test_the_state_capital_is_not_the_tellers_town(code):
    text = ("Gunmen killed five traders at a market in Borno State on Monday, the army in Abuja said. Hundreds of traders "
            "protested in the state capital on Tuesday.")
    events = {e.event_type: e for e in _reported(code, text)}
    assert events["Protests"].location.name == "Maiduguri"
    assert events["Violence against civilians"].fatalities.best == 5


def test_care_words_include_a_patients_condition():
    import re

    care = [re.compile(p, re.I) for p in load_data("geo_rules.json")["care_before"]]
    assert any(p.search("was in critical condition at a hospital in ") for p in care)
    assert not any(p.search("gunmen attacked a hospital in ") for p in care)


def test_where_the_marchers_came_from_is_not_where_they_marched(code):
    text = ("Police fired tear gas at farmers marching on the parliament in Lima on Monday. Marchers who had arrived from "
            "Cusco and Puno regrouped in a nearby park.")
    (event,) = _reported(code, text)
    assert event.location.name == "Lima"
