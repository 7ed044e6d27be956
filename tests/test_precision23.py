"""Detection precision in the genres beside violence (devset22's leftovers): accidental blasts, attacks told as not
found, threats and calls for attacks, strikes only voted for or announced, marchers who would set off, and the arrest
of an attack's own attackers are no event of their own; the real events beside them stay. Sentences written for these
tests."""

from test_detect import mentions, nlp  # noqa: F401  (detection's own helper and fixture)
from test_precision20 import kinds  # the signals of each mention, as devset20's tests read them


def test_a_gas_or_boiler_explosion_is_an_accident(nlp):
    assert mentions(nlp, "Three workers were killed and five injured when a gas explosion tore through a bakery in "
                         "Lodi on Friday, firefighters said.") == []
    assert mentions(nlp, "A boiler exploded at a textile factory in Ikeja on Thursday, killing four workers.") == []
    # the toll in a clause of its own is the accident's too
    assert mentions(nlp, "A gas cylinder blast destroyed two shops in Quetta on Monday, injuring six people.") == []
    # a bomb stays a bomb, and gunmen who set off a gas blast are still the event
    assert any("explosion" in s for s in kinds(nlp, "A bomb exploded at a mosque in Kabul on Friday, killing four "
                                                    "worshippers."))
    assert mentions(nlp, "Gunmen stormed a fuel depot in Kano on Friday and opened fire, killing three guards.") != []


def test_an_attack_told_as_not_found_is_none(nlp):
    assert mentions(nlp, "Police said there was no sign of sabotage.") == []
    assert mentions(nlp, "Investigators found no evidence of arson or a bomb at the warehouse.") == []
    assert mentions(nlp, "The prosecutor ruled out terrorism.") == []
    assert mentions(nlp, "Saboteurs blew up a rail line near Kursk on Tuesday.") != []


def test_a_threat_or_a_call_for_attacks_is_no_attack(nlp):
    assert mentions(nlp, "The government raised the terrorism threat level for the capital on Friday, citing online "
                         "calls for attacks on churches.") == []
    assert mentions(nlp, "Officials warned of a heightened threat of attacks on tourists during the festival.") == []


def test_a_strike_voted_for_or_announced_with_notice_is_no_event(nlp):
    assert mentions(nlp, "Dock workers in Mombasa voted overwhelmingly in favour of strike action on Monday.") == []
    assert mentions(nlp, "The union said it would give seven days' notice before any walkout.") == []
    assert mentions(nlp, "Organisers said marchers from Kumasi would set off on foot on Friday.") == []
    # the strike held, and marchers who set off, are events
    assert any("protest" in s for s in kinds(nlp, "Marchers from Kumasi set off on foot for Accra on Friday to "
                                                  "demand the release of the detained activists."))


def test_the_arrest_of_an_attacks_attackers_is_no_event_of_its_own(nlp):
    found = mentions(nlp, "A mob attacked a migrant hostel in Rostock on Sunday night, injuring four people. Police "
                          "said two of the attackers were detained.")
    assert found and not any(s == {"arrest"} or s == ["arrest"] for s in (m.signals for m in found))
    assert len(found) == 1
    assert mentions(nlp, "Police detained three of the assailants on Monday.") == []
    # an arrest of others stays one
    assert mentions(nlp, "Police arrested the opposition leader in Harare on Monday.") != []


def test_an_exercise_and_what_it_simulates_are_no_event(nlp):
    assert mentions(nlp, "Kenya and Uganda began joint military drills near Busia on Tuesday involving 2,000 troops, "
                         "armoured vehicles, artillery and helicopters.") == []
    assert mentions(nlp, "The troops will simulate the recapture of a border town.") == []
    assert any("shelling" in s for s in kinds(nlp, "Artillery shelled the outskirts of Busia on Tuesday, killing two "
                                                   "farmers."))


def test_police_naming_the_told_incident_make_no_second_one(nlp):
    found = mentions(nlp, "A pipe bomb exploded under a councillor's car in Newry on Friday. Detectives said they "
                          "were treating it as attempted murder.")
    assert len(found) == 1


def test_a_tally_of_the_week_to_a_day_is_no_incident(nlp):
    assert mentions(nlp, "At least 20 civilians were killed and 90 wounded by shelling in the week to Sunday, most of "
                         "them in Kharkiv and Sumy, the monitors said.") == []
    # the day's own shelling told beside it stays
    assert mentions(nlp, "Shelling killed three civilians in Nikopol on Sunday, the governor said.") != []


def test_an_earlier_version_of_the_story_is_no_earlier_incident(code):
    events = code("Gunmen shot dead four men at a bar in Tegucigalpa on Saturday night, police said. Correction: "
                  "an earlier version of this story said five men had been killed.", published="2025-03-02")
    assert len(events) == 1 and events[0].fatalities.best == 4


def test_the_fighting_an_accord_ends_is_its_lead_up(nlp):
    (accord,) = mentions(nlp, "Leaders of two clans signed a peace agreement in Koboko on Monday, ending months of "
                              "fighting over land.")
    assert {t.kind for t in accord.triggers} == {"agreement"}
    # fighting told for its own day stays
    assert any(t.kind == "clash" for m in mentions(nlp, "The two clans clashed in Koboko on Monday, ending a week of "
                                                        "calm.") for t in m.triggers)
