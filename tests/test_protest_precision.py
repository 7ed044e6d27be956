"""Protests that did not happen, or happened elsewhere or earlier: the traps where an automated coder invents a
demonstration (devset18's weighting), and the real protests told beside them. Sentences written for these tests."""

from strife.extract.classify import classify
from strife.extract.lexicon import Hit
from test_detect import mentions, nlp  # noqa: F401  (detection's own helper: clauses detected, "N people" as tolls; its fixture)


def signals_of(nlp, text):
    return [m.signals for m in mentions(nlp, text)]


def protests_in(nlp, text):
    return [m for m in mentions(nlp, text) if "protest" in m.signals]


def test_a_march_called_off_by_its_organisers_is_no_protest(nlp):
    # the march is named first and "called off" refers back to it with a pronoun
    assert protests_in(nlp, "Farmers' leaders said the tractor rally that was due to cross the capital on Monday "
                            "had been a mistake and called it off on Sunday night.") == []
    assert protests_in(nlp, "A teachers' march planned for the weekend in Kisumu was postponed by its organisers, "
                            "who cancelled it after the floods.") == []
    assert protests_in(nlp, "Teachers marched through Kisumu on Saturday and later called off their strike.") != []


def test_rallies_announced_or_called_for_a_later_day_are_no_protest(nlp):
    assert protests_in(nlp, "Further rallies have been announced for next month in Graz and Linz.") == []
    assert protests_in(nlp, "A march is planned for Friday in the port city.") == []
    assert protests_in(nlp, "The union called a nationwide walkout for Thursday over the pay freeze.") == []
    assert protests_in(nlp, "Opposition leaders called a second rally in Kumasi for next Saturday.") == []
    # a protest held is still one, even when another is announced in the same report
    assert protests_in(nlp, "Hundreds of nurses rallied outside the ministry in Kampala on Monday.") != []


def test_a_rally_that_never_began_is_no_protest(nlp):
    # activists taken hours before the rally they had called: the arrests are the event
    found = mentions(nlp, "Police arrested six students at a hostel in Yerevan on Friday, hours before a rally they "
                          "had called against the new fees.")
    assert found and all("protest" not in m.signals for m in found)
    assert any("arrest" in m.signals for m in found)
    assert protests_in(nlp, "Officers guarded the park where the protest was to take place.") == []
    # "before the protest began" is the protest's own start, not a protest that never was
    assert protests_in(nlp, "Minutes before the protest began, police fired tear gas at the students.") != []


def test_people_detained_as_they_gathered_were_a_protest_broken_up(nlp):
    found = mentions(nlp, "Police detained 30 women in central Minsk on Sunday as they gathered outside the "
                          "opera house.")
    assert found and {"protest", "arrest"} <= found[0].signals


def test_where_protests_are_frequent_is_no_protest(nlp):
    assert protests_in(nlp, "Analysts said the anger was greatest in the townships, where road blockades are most "
                            "frequent.") == []
    assert protests_in(nlp, "Protests over water cuts have been common in the north.") == []


def test_deaths_in_a_natural_disaster_are_no_attack(nlp):
    assert mentions(nlp, "Villagers lit candles for the 12 people killed in mudslides near the dam last month.") == []
    assert mentions(nlp, "Nine people died in the floods that swept the valley on Tuesday.") == []
    assert mentions(nlp, "Gunmen killed 12 people in a village hit by floods last month.") != []


def test_old_unrest_told_by_its_year_with_its_toll_is_no_incident(nlp):
    assert mentions(nlp, "The 2011 uprising, in which more than 800 people died, forced the president out.") == []
    assert mentions(nlp, "The 2019 riots that left 26 people dead began over fuel prices.") == []


def test_what_a_crowd_did_beside_an_anniversary_is_the_days_protest(nlp):
    found = mentions(nlp, "About 500 people gathered in Lima on Sunday to mark five years since the 2020 protests, "
                          "banging pots and calling for the police officers to be tried.")
    assert any("protest" in m.signals for m in found) and all("2020 protests" not in m.text for m in found)
    # an anniversary with nothing done but mourning stays unread
    assert protests_in(nlp, "Families gathered in Lima on Sunday to mark five years since the 2020 shooting, "
                            "laying flowers at the gate.") == []


def test_a_court_in_a_town_of_two_words_tells_a_trial(nlp):
    found = mentions(nlp, "A court in Port Said on Monday freed nine fans who had been arrested at a protest "
                          "outside the stadium on Friday.")
    assert found and found[0].has("judicial")


def test_a_protest_outside_a_trial_is_the_days_news(nlp):
    found = mentions(nlp, "Hundreds of students protested outside the court in Ankara on Wednesday as the trial of "
                          "12 journalists opened, chanting slogans and waving newspapers.")
    assert found and "protest" in found[0].signals and not found[0].has("judicial")


def test_a_government_defending_the_policing_of_a_protest_is_the_protest_retold(nlp):
    found = mentions(nlp, "The interior minister on Thursday defended the police's handling of Monday's protest by "
                          "students in Belgrade, in which officers fired tear gas.")
    assert found and found[0].has("judicial")


def test_a_crowd_that_dispersed_of_itself_was_not_dispersed(nlp):
    found = mentions(nlp, "The drivers dispersed in the evening after the mayor agreed to meet them.")
    assert all("intervention" not in m.signals for m in found)
    found = mentions(nlp, "Police dispersed the drivers with batons after they blocked the bridge.")
    assert any("intervention" in m.signals for m in found)


def test_a_road_blockade_is_a_protest(nlp):
    found = mentions(nlp, "Police cleared a highway blockade near Sucre on Tuesday with tear gas.")
    assert found and {"protest", "intervention"} <= found[0].signals


def test_protesters_still_held_and_a_heart_attack_are_no_arrest_or_attack(nlp):
    assert all("arrest" not in s for s in signals_of(nlp, "Speakers named 30 protesters who remain in detention."))
    assert all("attack" not in s for s in signals_of(nlp, "Doctors said the marcher had died of a heart attack."))


def test_the_right_to_protest_and_protests_not_planned_are_no_protest(nlp):
    assert protests_in(nlp, "\"Everyone has the right to protest, but not to block a hospital,\" the mayor said.") == []
    assert protests_in(nlp, "The union said no further strikes were planned this month.") == []


def test_a_death_at_a_protest_broken_up_is_excessive_force():
    signals = {n: Hit(n, 0, 1, n) for n in ("protest", "intervention", "kill")}
    coding = classify(signals, 6, 1, {"civilians": 1}, False, demonstration=True)
    assert coding.sub_event_type == "Excessive force against protesters"
    # a policeman killed by the crowd the police broke up does not make it excessive force
    coding = classify(signals, 6, 1, {"security forces": 1}, False, demonstration=True)
    assert coding.sub_event_type == "Protest with intervention"


def test_security_forces_breaking_up_a_protest_are_the_police(code):
    events = [e for e in code("BAMAKO - Security forces fired tear gas at hundreds of traders who protested in Bamako "
                              "on Monday against a new market tax, witnesses said.", "2025-03-04") if e.mode == "reported"]
    assert len(events) == 1 and events[0].sub_event_type == "Protest with intervention"
    assert events[0].actor2 is not None and events[0].actor2.name == "Police Forces of Mali"


def test_markets_and_currencies_that_rally_and_support_rallied_are_no_protest(nlp):
    for text in ("Kenyan shares rallied on Thursday after the budget was passed.",
                 "The cedi rallied against the dollar on Monday as cocoa exports rose.",
                 "A late rally in oil prices lifted the index.",
                 "The senator rallied support for the bill among farmers on Friday.",
                 "Party members rallied behind the embattled governor on Monday."):
        assert protests_in(nlp, text) == [], text
    assert protests_in(nlp, "Market traders rallied outside the town hall on Thursday against the new levy.") != []


def test_mourners_chanting_prayers_are_no_protest(nlp):
    assert protests_in(nlp, "Mourners carried the coffin through the old city on Friday, chanting prayers.") == []
    assert protests_in(nlp, "Mourners carried the coffin through the old city on Friday, chanting slogans against "
                            "the army.") != []


def test_deaths_in_a_collapse_are_an_accident(nlp):
    assert mentions(nlp, "Speakers read the names of the 9 people killed in the collapse of the school roof.") == []
