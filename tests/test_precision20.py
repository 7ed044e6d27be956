"""Detection precision beside violence and protest (devset20's weighting): strikes with no gathering, gatherings only
called for, mourning, crime statistics and personal crimes are no event; the real events told beside them stay.
Sentences written for these tests."""

from strife.extract.lexicon import LEXICON
from test_detect import mentions, nlp  # noqa: F401  (detection's own helper and fixture)


def kinds(nlp, text):
    return [m.signals for m in mentions(nlp, text)]


def test_a_strike_told_with_no_gathering_is_no_protest(nlp):
    assert mentions(nlp, "Dockers staged a 48-hour general strike in Valparaiso on Monday. The federation did not "
                         "organise any march or rally.") == []
    assert mentions(nlp, "Bus drivers' walkout entered its third day in Lyon on Friday, with no march or rally.") == []
    assert mentions(nlp, "The stoppage shut ports across the country on Monday. No demonstrations have been held.") == []
    # a gathering told beside the negation is one ("to protest" is the strikers' own word, a picket is a gathering)
    assert any("protest" in s for s in kinds(nlp, "A general strike was held in Pokhara on Monday to protest against "
                                                  "the fuel price rise. The party did not hold rallies."))
    assert any("protest" in s for s in kinds(nlp, "Workers picketed the depot in Leeds on Tuesday. The union did not "
                                                  "call any march."))
    # without the negation, the strike stays what main made of it
    assert any("protest" in s for s in kinds(nlp, "Dockers staged a 48-hour general strike in Valparaiso on Monday."))


def test_a_gathering_called_for_is_no_event(nlp):
    assert mentions(nlp, "The opposition leader has called for a general strike on Friday and Saturday.") == []
    assert mentions(nlp, "Teachers threatened to strike from next month in Accra.") == []


def test_mourning_is_no_protest(nlp):
    assert mentions(nlp, "Hundreds of relatives held a candlelight vigil outside the town hall in Kandy on Sunday to "
                         "mark ten years since the flood.") == []
    assert mentions(nlp, "Thousands arrived after a four-day memorial march through the hills.") == []
    assert mentions(nlp, "Pilgrims finished a long peace march retracing the path of the refugees.") == []
    # a vigil that demands something is a protest
    assert any("protest" in s for s in kinds(nlp, "Students held a vigil outside parliament in Colombo on Sunday to "
                                                  "mark the anniversary and demanded the release of detainees."))


def test_crime_statistics_are_no_attack(nlp):
    assert mentions(nlp, "Murders in the capital fell by 12% last year, the police chief said.") == []
    assert mentions(nlp, "Shootings in the eastern districts remained stubbornly high, officials said.") == []
    assert mentions(nlp, "The ministry says the curfew has cut killings by a third.") == []
    # a shooting told with its day is still an attack
    assert any("attack" in s for s in kinds(nlp, "Gunmen shot dead four people at a bar in Leon on Saturday."))


def test_a_personal_crime_is_no_political_violence(nlp):
    assert mentions(nlp, "A 34-year-old man stabbed his brother-in-law to death in Durban on Friday.") == []
    assert mentions(nlp, "A farmer shot dead a trader after an argument over a debt in Kano on Monday. The suspect "
                         "was charged with murder.") == []
    assert mentions(nlp, "A husband strangled his wife at their flat in Pune on Tuesday.") == []
    # unnamed gunmen are an armed group, whatever the quarrel
    assert mentions(nlp, "Gunmen shot dead three men outside a shop in Tijuana on Sunday.") != []


def test_fans_attacking_police_are_a_mob_but_objects_on_a_pitch_are_not(nlp):
    found = mentions(nlp, "Supporters and fans threw bottles, seats and flares at police outside the stadium in Izmir "
                          "on Sunday.")
    assert found and "mob" in found[0].signals
    assert all("mob" not in s for s in kinds(nlp, "The last game ended with fans throwing objects on the pitch."))


def test_drones_backing_troops_are_no_air_strike(nlp):
    found = mentions(nlp, "Soldiers, backed by armed drones, fought the rebels for four hours near Beni on Monday.")
    assert found and all("air" not in m.signals for m in found)
    assert any("air" in s for s in kinds(nlp, "A drone strike hit a rebel camp near Beni on Monday."))


def test_a_dated_incident_told_in_a_weekly_update_is_read(nlp):
    found = mentions(nlp, "Clashes between rebels and the army near Rutshuru on Sunday forced thousands to flee, the "
                          "UN said in its weekly update on Tuesday.")
    assert found and "clash" in found[0].signals
    assert LEXICON.cue_patterns["trend"].search("OCHA's weekly update counted 40 attacks")


def test_commemoration_cue():
    assert LEXICON.cue_patterns["commemoration"].search("gathered to mark 25 years since the siege")
    assert LEXICON.cue_patterns["commemoration"].search("the remains of 12 victims were buried")
    assert not LEXICON.cue_patterns["commemoration"].search("marched to parliament on Tuesday")
