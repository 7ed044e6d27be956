"""Detection: which clauses report a happening, and what their cues say."""

import re

import pytest

from strife.analyse import load_nlp
from strife.extract.detect import clauses, detect


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def mentions(nlp, text):
    # casualty statements come from extract.counts in the pipeline; here, plain "N people"
    counts = [(m.start(), m.end()) for m in re.finditer(r"\d+ people", text)]
    return detect(nlp(text), text, counts)


def test_trend_sentence_is_not_an_event(nlp):
    text = "In recent years, insurgents have often attacked police posts in the province."
    assert mentions(nlp, text) == []


def test_threat_is_not_an_event_but_the_strike_in_the_same_sentence_is(nlp):
    text = "The group threatened to launch attacks following Ruritania's strikes on its camps, which killed 9 people."
    found = mentions(nlp, text)
    assert len(found) == 1
    assert "strikes" in found[0].text and "threatened" not in found[0].text


def test_new_incident_cue_and_anaphora(nlp):
    text = "Gunmen attacked a checkpoint on Monday. The attack lasted an hour. Also Monday, a bomb exploded at a market."
    found = mentions(nlp, text)
    assert [m.anaphoric for m in found] == [False, True, False]
    assert found[2].has("new_incident")


def test_background_cue(nlp):
    text = "It came in retaliation for air strikes on the town last month."
    (m,) = mentions(nlp, text)
    assert m.has("background")


def test_weak_trigger_needs_a_count(nlp):
    assert mentions(nlp, "The policy is dead, the minister said.") == []


def test_clauses_cut_at_following_and_but():
    s = "Officials said the raid failed, but police said five died following the clash."
    parts = [s[a:b] for a, b in clauses(s, 0)]
    assert parts == ["Officials said the raid failed", "police said five died", "following the clash."]


def test_purpose_clause_is_planned(nlp):
    text = "Supporters were riding to attend a rally when the bomb went off."
    found = mentions(nlp, text)
    assert all("protest" not in m.signals for m in found)


def test_a_rising_toll_is_not_a_trend_but_a_cumulative_statistic_is(nlp):
    rising = mentions(nlp, "The death toll from Monday's bombing at a market in Quetta has risen to 11, officials said.")
    assert rising and any(t.kind == "explosion" for m in rising for t in m.triggers)
    assert mentions(nlp, "Attacks on police have risen sharply across the province.") == []
    assert mentions(nlp, "At least 30 people have been killed during the war, a watchdog said.") == []


def test_what_a_denial_denies_is_no_mention(nlp):
    text = "The army denied reports that its troops had shelled border villages overnight."
    assert mentions(nlp, text) == []
    # the denial does not reach back over a clause boundary
    text = "Residents said a drone struck a house, but the army denied that any strike took place."
    assert any(t.kind == "air" for m in mentions(nlp, text) for t in m.triggers)


def test_a_clause_summing_a_period_is_no_mention(nlp):
    text = "Police fired tear gas in Dhaka on Tuesday after a week of protests in which more than 150 people have been killed."
    found = mentions(nlp, text)
    assert found and all("150" not in m.text for m in found)
    assert mentions(nlp, "At least 174 civilians were killed in June, the UN mission said in its monthly update.") == []


def test_threats_and_protest_leaders_are_no_mentions(nlp):
    assert mentions(nlp, "The group warned parties to stay away from rallies, saying its fighters would target candidates.") == []
    assert mentions(nlp, "Protest leaders said they would announce their next steps on Thursday.") == []


def test_a_place_that_has_seen_violence_for_a_while_is_no_mention(nlp):
    assert mentions(nlp, "Zahedan has seen weekly protests since a deadly crackdown in September.") == []
    assert mentions(nlp, "The town has been under attack since Russian forces captured it last year.") == []
    assert mentions(nlp, "Protesters marched in Zahedan on Friday.") != []


def signals_of(nlp, text):
    return [m.signals for m in mentions(nlp, text)]


def test_a_diplomatic_or_parliamentary_protest_is_no_demonstration(nlp):
    # the envoy summoned "in protest" and a walkout in a debate are acts of a state or a house
    assert signals_of(nlp, "Ruritania recalled its ambassador to Freedonia in protest at the border closure.") == []
    assert signals_of(nlp, "Opposition senators staged a walkout on Tuesday during the budget debate.") == []
    assert signals_of(nlp, "The bishop urged students not to occupy campuses in protest over the fees.") == []
    # but people marching in protest are one
    assert signals_of(nlp, "Hundreds of farmers marched in protest at the new tax on Tuesday.") != []


def test_weapons_that_were_seized_are_no_explosion(nlp):
    assert signals_of(nlp, "Pistols, hand grenades and ammunition were seized at the farm.") == []
    assert signals_of(nlp, "Two bombs and a detonator had been found in the car.") == []
    found = signals_of(nlp, "A man threw a grenade at a police patrol in the market on Friday.")
    assert found and "grenade" in found[0]


def test_deaths_in_an_accident_or_a_disaster_are_no_violence(nlp):
    assert mentions(nlp, "At least 30 people were killed when a bridge collapsed over the river on Sunday.") == []
    assert mentions(nlp, "Landslides killed 12 people in the hills on Sunday.") == []
    # deaths in an attack still are
    assert mentions(nlp, "At least 30 people were killed when gunmen attacked a bus on Sunday.") != []


def test_a_denied_use_or_a_denied_attack_is_no_mention(nlp):
    assert mentions(nlp, "The ministry denies using cluster munitions.") == []
    assert mentions(nlp, "The governor denied any bombing had taken place in the district.") == []
    assert mentions(nlp, "The video was meant to frighten voters rather than announce an attack.") == []


def test_a_widening_campaign_or_fighting_since_last_year_is_a_trend(nlp):
    assert mentions(nlp, "The air force has widened its strikes on the northern hills this month.") == []
    assert mentions(nlp, "Villagers blamed the army, which has been fighting rebels in the valley since last year.") == []


def test_a_clause_that_is_only_a_period_of_fighting_is_no_mention(nlp):
    found = mentions(nlp, "Rebels took the town, which fell after two weeks of heavy mortar duels.")
    assert all("duels" not in m.text for m in found)
    # a period that goes on to a toll is a (background) incident
    found = mentions(nlp, "The truce came after a week of clashes that left 11 people dead.")
    assert any("clashes" in m.text for m in found)


def test_an_attack_with_drones_is_an_air_strike(nlp):
    found = mentions(nlp, "The army attacked the port with armed drones on Monday, wounding 5 people.")
    assert found and "air" in found[0].signals


def test_blasts_only_heard_or_that_could_have_been_anything_are_no_mention(nlp):
    assert mentions(nlp, "Villagers near the border said they heard two loud explosions at night.") == []
    assert mentions(nlp, "Engineers said the explosions could have been blasting at a nearby mine.") == []
    # the blast that wounded people, heard or not, still is one
    found = mentions(nlp, "A bomb exploded at a bus stop, wounding 6 people; residents heard it miles away.")
    assert found and "explosion" in found[0].signals


def test_a_strike_that_came_a_day_after_another_tells_the_other_as_background(nlp):
    text = "The shelling came a day after a rocket attack on Nikopol killed 4 people."
    found = mentions(nlp, text)
    attack = [m for m in found if "Nikopol" in m.text]
    assert attack and all(m.has("background") for m in attack), [(m.text, m.cues) for m in found]


def test_a_published_count_dated_to_a_month_or_a_year_is_a_statistic(nlp):
    # a count the sentence tells as published figures, dated to a whole month or year, sums many incidents
    assert mentions(nlp, "According to figures published on Friday by the ministry, 57 people were killed "
                         "in the northern region in August.") == []
    assert mentions(nlp, "The monitor recorded 412 people killed in the province in 2024.") == []
    # either part alone is no statistic: a toll counted after one attack, and an attack told by its month
    assert mentions(nlp, "Rescuers counted 23 people dead after gunmen attacked the village on Monday.") != []
    assert mentions(nlp, "Gunmen killed 12 people in a raid on Dapchi in May, residents said.") != []


def test_a_toll_summed_over_a_period_is_a_trend(nlp):
    assert mentions(nlp, "Between February and May, 200 people were killed in the district.") == []
    assert mentions(nlp, "Troops killed 45 people across the region in the past week, the army said.") == []
    assert mentions(nlp, "Drone strikes by the coalition had killed 340 people in June, the monitor said.") == []
    assert mentions(nlp, "The rebels have raided border villages in previous years.") == []
    assert mentions(nlp, "The militia was responsible for most killings in the valley, the study found.") == []
    # one strike that killed people on a day is an incident
    assert mentions(nlp, "A drone strike by the coalition killed 34 people in Hajjah on Sunday.") != []


def test_a_vehicle_crash_or_a_collapse_is_an_accident(nlp):
    assert mentions(nlp, "A minibus overturned on a mountain road near the pass on Friday, killing 9 people.") == []
    assert mentions(nlp, "Two men were charged over the roof collapse, which killed 16 people in March.") == []
    # a bus attacked is violence, whatever happened to the bus after
    assert mentions(nlp, "Gunmen ambushed a minibus on the pass road on Friday, killing 9 people, and it overturned.") != []


def test_weapons_looted_earlier_and_still_held_are_no_looting(nlp):
    assert signals_of(nlp, "A district official said shootings had doubled since spring, and that looted guns "
                           "remained in the hands of the vigilantes.") == []
    assert signals_of(nlp, "Elders said the militias must hand over the looted rifles they still hold.") == []
    found = signals_of(nlp, "A mob looted weapons from the police armoury in the town on Monday.")
    assert found and found[0] & {"riot", "looting"}


def test_a_running_total_or_a_span_of_years_is_a_trend(nlp):
    assert mentions(nlp, "The militia, which swore allegiance to the caliphate, has killed hundreds in the two "
                         "provinces this year.") == []
    assert mentions(nlp, "Aid agencies say more than 4,300 civilians have been killed.") == []
    assert mentions(nlp, "The tribunal tried officers for the killing of 80 people between 1998 and 2003.") == []
    assert mentions(nlp, "The rebels attacked dozens of convoys between October 2023 and March, the navy said.") == []
    # a day's protest against gangs that have killed people this year is still the protest
    assert mentions(nlp, "Hundreds of traders marched in Kano on Monday against gangs that have killed 30 people this year.") != []
    # a toll of one attack told in the perfect is still an incident
    assert mentions(nlp, "Officials say 14 people have been killed in the bombing of the bus station on Friday.") != []


def test_talks_about_a_possible_ceasefire_are_no_agreement(nlp):
    assert mentions(nlp, "Ministers discussed guarantees for a possible ceasefire in the east.") == []
    assert mentions(nlp, "The two sides signed a ceasefire in Doha on Sunday.") != []


def test_a_call_for_a_ceasefire_is_no_agreement_and_a_group_that_still_operates_is_a_habit(nlp):
    assert mentions(nlp, "The governor called for an immediate ceasefire between the two militias.") == []
    assert mentions(nlp, "Remnants of the group still operate in the hills, where they raid farms and ambush patrols.") == []



def test_raids_feared_drills_and_simulated_strikes_are_no_attack(nlp):
    assert signals_of(nlp, "Traders shut their stalls in the town, fearing renewed air strikes.") == []
    assert signals_of(nlp, "The navy held live-fire exercises off the coast, and warplanes took part in the drills.") == []
    assert signals_of(nlp, "Cadets simulated an attack on a bridge at the academy.") == []
    # a raid that happened is still one
    assert signals_of(nlp, "Air strikes hit a fuel depot outside the city on Friday.") != []


def test_arms_handed_over_under_a_deal_are_no_bombing(nlp):
    found = signals_of(nlp, "The militia signed an accord on Monday to surrender its stockpile of explosives, "
                            "landmines and grenades.")
    assert found and all(not s & {"explosion", "grenade"} for s in found)
    assert any("explosion" in s for s in signals_of(nlp, "A landmine killed 3 people near the well on Monday."))


def test_a_protest_that_did_not_follow_or_a_truce_not_in_place_is_none(nlp):
    assert signals_of(nlp, "No demonstrations followed the verdict.") == []
    assert signals_of(nlp, "Diplomats said no truce is in place along the river.") == []
    assert signals_of(nlp, "Envoys said talks on a ceasefire would resume in Nairobi next week.") == []
    assert signals_of(nlp, "Fighting persists in the hills north of the lake.") == []
    assert signals_of(nlp, "Mortar crews fire on the villages nearly every night.") == []


def test_a_reporter_who_covered_fighting_tells_no_clash(nlp):
    assert all("clash" not in s for s in signals_of(nlp, "Gunmen seized the editor, who had written about fighting "
                                                         "between the cartels, outside his office on Monday."))


def test_a_group_suspending_its_attacks_changes_its_activity(nlp):
    found = signals_of(nlp, "The rebel front announced on Sunday that it was suspending its armed operations.")
    assert found and "group_change" in found[0]


def test_a_threat_to_consider_rallies_is_no_protest(nlp):
    assert signals_of(nlp, "The union said it would also consider rallies in three cities.") == []


def test_state_media_calling_protesters_rioters_is_the_state_account(nlp):
    found = mentions(nlp, "State television said rioters had set fire to a bank.")
    assert found and found[0].has("state_account")


def test_a_strike_called_off_or_a_campaign_rally_is_no_protest(nlp):
    # a walkout or march that was called off, suspended or averted did not happen
    assert signals_of(nlp, "The dockers' union on Friday called off a general strike planned for the port.") == []
    assert signals_of(nlp, "Nurses said their national strike was suspended after the minister met them.") == []
    # a candidate's rally is a campaign event, which ACLED does not code as a demonstration
    assert signals_of(nlp, "The governor addressed thousands of supporters at a campaign rally in the stadium.") == []
    assert signals_of(nlp, "His rival, a former mayor, held her own rally in the port city on Sunday.") == []
    # a strike that went ahead and a rally against the government are still protests
    assert signals_of(nlp, "Dockers went on strike on Friday and rallied outside the port authority.") != []


def test_air_strikes_a_crowd_protests_against_are_no_air_strike_there(nlp):
    found = signals_of(nlp, "Thousands of students marched in the capital on Friday to protest against air strikes on "
                            "the border villages.")
    assert found and all("air" not in s for s in found) and any("protest" in s for s in found)
    assert any("air" in s for s in signals_of(nlp, "Air strikes hit two border villages on Friday."))


def test_a_human_chain_a_march_to_demand_and_drivers_who_blocked_roads_are_protests(nlp):
    assert any("protest" in s for s in signals_of(nlp, "Nurses formed a human chain outside the ministry on Monday."))
    assert any("protest" in s for s in signals_of(nlp, "Farmers reached the capital on Monday after a week-long march "
                                                       "to demand water rights."))
    assert any("protest" in s for s in signals_of(nlp, "Bus drivers who blocked the ring road on Monday were fined."))
    # a chain of shops, an army's march and drivers blocked by a landslide are none
    assert signals_of(nlp, "The chain of shops reopened in the capital on Monday.") == []
    assert signals_of(nlp, "Bus drivers were blocked by a landslide on the ring road on Monday.") == []


def test_fireworks_at_police_and_a_crowd_setting_cars_on_fire_are_a_riot(nlp):
    assert any("riot" in s for s in signals_of(nlp, "Youths fired rockets and fireworks at riot officers on Saturday night."))
    assert any("riot" in s for s in signals_of(nlp, "Protesters set two buses and a kiosk on fire in the square on Friday."))
    # fireworks at a festival are no riot
    assert not any("riot" in s for s in signals_of(nlp, "Families set off fireworks over the harbour on Friday."))


def test_marchers_who_set_off_to_march_on_parliament_protest(nlp):
    assert any("protest" in s for s in signals_of(nlp, "Police detained six students on Monday as they set off to march "
                                                       "on the ministry."))


def test_a_union_that_will_keep_up_its_protests_tells_no_new_protest(nlp):
    assert mentions(nlp, "The dockers' union said it would keep up its protests until wages were paid.") == []
    assert mentions(nlp, "Farmers said they will continue their blockades next week.") == []
    # a protest told that day is still one
    assert mentions(nlp, "Dockers protested outside the port on Monday and said they would return.") != []


def test_a_crackdown_a_crowd_protests_against_or_that_is_suspended_is_no_intervention(nlp):
    found = signals_of(nlp, "Hawkers marched to City Hall on Monday to protest against a council crackdown on street "
                            "vendors.")
    assert found and all("intervention" not in s for s in found)
    assert signals_of(nlp, "The council agreed to suspend the crackdown for a month.") == []
    # a crackdown on the marchers is still force used on them
    assert any("intervention" in s for s in signals_of(nlp, "Police cracked down on the hawkers' march on Monday."))


def test_kinds_of_violence_named_in_general_are_no_mention(nlp):
    # plural nouns for kinds of violence, told as a period's causes, a suspect's pattern or a state's campaign
    assert mentions(nlp, "The commission said land disputes, reprisal killings and kidnappings were the leading "
                         "causes of displacement.") == []
    assert mentions(nlp, "Officers blamed separatists, citing similar ambushes on convoys in the valley this year.") == []
    assert mentions(nlp, "Local leaders have blamed previous raids on a rival clan.") == []
    assert mentions(nlp, "Ruritania has kept up air strikes in the border zone despite the truce.") == []
    assert mentions(nlp, "The governor said in the capital on Friday that the lines would hold, "
                         "as rebel units pressed their attacks from the east.") == []
    assert mentions(nlp, "The two republics fought a short border war in 2019 that left hundreds dead.") == []
    # one attack told as such is still a mention, and so is the day's clash an aside likens to the campaign
    assert mentions(nlp, "Gunmen attacked a convoy in the valley on Friday, killing 4 people.") != []
    found = mentions(nlp, "Soldiers and rebels clashed near the dam on Sunday, as the rebels pressed their attacks on the town.")
    assert len(found) == 1 and found[0].text.endswith("on Sunday")


def test_a_list_of_legal_charges_is_no_incident(nlp):
    assert mentions(nlp, "She was found guilty of torture, murder and the enslavement of prisoners.") == []
    assert mentions(nlp, "The two men were charged with terrorism and kidnapping.") == []
    # a trial over one attack that the clause places or counts keeps that attack (coded as background)
    found = mentions(nlp, "The colonel was convicted of the massacre of 30 people in Kivu.")
    assert found and "judicial" in found[0].cues
    found = mentions(nlp, "He was sentenced for murdering a shopkeeper in Kano.")
    assert found and "judicial" in found[0].cues
    # what a prosecutor says the accused did, with no date, place or toll of its own, is the trial's charge
    assert mentions(nlp, "The prosecutor said the two men had attacked a police station.") == []
    found = mentions(nlp, "The prosecutor said the two men had attacked a police station in Mopti.")
    assert found and "judicial" in found[0].cues


def test_what_a_rumour_tells_and_a_threat_to_burn_are_no_mention(nlp):
    assert mentions(nlp, "Crowds gathered after a rumour that soldiers had shot a herder.") == []
    assert mentions(nlp, "The warlord said his men would torch the farms and kill every family that stayed.") == []
    # a condition is no happening, like "if"
    assert mentions(nlp, "The rebels said the truce would end unless the militia disbanded.") == []


def test_a_count_set_against_another_period_is_a_statistic(nlp):
    assert mentions(nlp, "The institute counted 93 people killed in bandit attacks, down from 140.") == []
    assert mentions(nlp, "The survey recorded 61 people killed in attacks on farmers, more than the year before.") == []


def test_a_state_appointing_a_commander_is_no_change_to_a_group(nlp):
    def changes(text):
        return any("group_change" in s for s in signals_of(nlp, text))
    assert not changes("The prime minister has appointed a new commander for the border guard.")
    assert not changes("The junta named a new chief of the army on Monday.")
    # an armed group that names a new leader is a change to the group
    assert changes("The rebel movement named a new leader after its founder died.")


def test_blasts_that_were_heard_and_gangs_fighting_for_control_are_no_mention(nlp):
    assert mentions(nlp, "Explosions and gunfire were heard in the east of the city through the night.") == []
    assert mentions(nlp, "Two cartels fighting for control of the port have split the town.") == []
    # clash words beside it still tell the clash
    assert mentions(nlp, "Gangs fighting for control of the port clashed on Monday, leaving 6 people dead.") != []


def test_a_toll_of_the_first_days_of_a_movement_is_a_period(nlp):
    assert mentions(nlp, "The UN said 31 people were killed in the first weeks of the uprising.") == []


def test_protests_said_not_to_have_happened_or_only_a_period_of_them_are_no_mention(nlp):
    # police saying no protest took place, a party that held no rallies
    assert mentions(nlp, "The governor's office said no demonstrations had taken place in the province.") == []
    assert mentions(nlp, "The union did not hold any marches, saying the boycott was enough.") == []
    # the protests a decision came after or despite: a period's, no protest of the day
    assert mentions(nlp, "The cabinet dropped the fuel levy on Friday after three weeks of protests by taxi drivers.") == []
    assert mentions(nlp, "The senate approved the mining code despite months of demonstrations in the north.") == []
    # a protest of the day told beside them is still one
    found = mentions(nlp, "Students marched on the ministry in Accra on Monday despite weeks of protests by lecturers.")
    assert [t.text for m in found for t in m.triggers] == ["marched"]


def test_a_decision_whether_to_strike_and_detentions_since_a_month_are_no_mention(nlp):
    assert mentions(nlp, "The teachers' union will meet on Friday to decide whether to call a national strike.") == []
    assert mentions(nlp, "Lawyers say 85 people have been detained over the marches since January.") == []
    assert mentions(nlp, "Activists have been arrested at border crossings this year for joining the 2019 rallies.") == []


def test_protests_continuing_across_a_country_are_an_aside_of_the_days_protest(nlp):
    text = ("Hundreds of nurses marched in Lyon on Tuesday, as protests over the deaths of 9 people in a "
            "hospital fire continued across France.")
    found = mentions(nlp, text)
    assert len(found) == 1 and found[0].text.endswith("on Tuesday")
    # without a day of its own the movement across the country is a trend
    assert mentions(nlp, "Protests against the pension law continued across the country.") == []


def test_an_anniversary_told_after_the_day_is_the_old_happening_not_the_days(nlp):
    text = ("Thousands of people marched to the harbour in Izmir on Saturday, the tenth anniversary of the ferry "
            "bombing that killed 40 people, to demand a new trial.")
    found = mentions(nlp, text)
    assert len(found) == 1 and "anniversary" not in found[0].text
    # the victims of an attack named by its year are commemorated, not attacked that day
    assert mentions(nlp, "Relatives of the victims of the 2004 Madrid train bombings laid wreaths at Atocha on Thursday.") == []
    # a trial's incident keeps its words
    found = mentions(nlp, "A court jailed two men on Monday over the 2019 bombing of a bus in Kano.")
    assert found and "judicial" in found[0].cues


def test_a_vigil_to_mourn_is_no_protest_and_the_deaths_mourned_are_read_apart(nlp):
    text = ("Hundreds of people held a candlelight vigil in Quetta on Friday to mourn six miners killed in "
            "Thursday's bombing of a bus in Mach.")
    found = mentions(nlp, text)
    assert len(found) == 1
    assert "protest" not in found[0].signals and "Mach" in found[0].text and "Quetta" not in found[0].text
    # a vigil that demands something is a protest
    found = mentions(nlp, "Hundreds of women held a vigil in Lahore on Friday and demanded faster trials for rapists.")
    assert found and "protest" in found[0].signals
    found = mentions(nlp, "Students held a vigil in Multan on Friday to mourn a classmate shot by police, and demanded an inquiry.")
    assert found and "protest" in found[0].signals


def test_the_court_words_after_the_days_protest_do_not_make_it_a_trial(nlp):
    found = mentions(nlp, "Thousands rallied in Lima on Saturday against a law that would free officers convicted of abuses.")
    assert found and "judicial" not in found[0].cues
    found = mentions(nlp, "A court in Harare on Monday freed 12 activists arrested at a rally in Mbare on May 2.")
    assert found and "judicial" in found[0].cues


def test_a_police_account_of_stones_and_an_angry_crowd_that_blocked_a_road_are_no_riot(nlp):
    found = mentions(nlp, "A police spokeswoman said marchers threw stones at officers outside the court.")
    assert found and "state_account" in found[0].cues
    assert "riot" not in signals_of(nlp, "Angry villagers blocked the Mombasa road for three hours on Friday.")[0]
    assert "riot" in signals_of(nlp, "Angry villagers set fire to the chief's office on Friday.")[0]


def test_deaths_in_a_house_fire_or_under_a_truck_are_no_violence(nlp):
    assert mentions(nlp, "3 people died in a house fire in the settlement on Saturday.") == []
    assert mentions(nlp, "A minibus struck and killed 2 people on the bypass on Monday.") == []
    # a fire set by attackers is no accident
    assert mentions(nlp, "5 people died in a fire set by raiders in the village on Saturday.") != []


def test_a_demanded_arrest_and_a_driver_detained_are_no_intervention(nlp):
    assert "arrest" not in signals_of(nlp, "The marchers demanded compensation and the arrest of the factory owner.")[0]
    assert signals_of(nlp, "Police said the lorry driver had been detained.") == []
    assert "arrest" in signals_of(nlp, "Police detained 14 marchers outside the parliament.")[0]


def test_a_conflict_told_since_a_month_or_as_gripping_a_place_is_a_trend(nlp):
    # wire background paragraphs: a toll or a fight counted from a month of a year, a place "rocked by" unrest,
    # a war that "has killed thousands", a province's toll for a year
    assert mentions(nlp, "More than 300 people have been killed in clashes between the two clans in Lower Juba "
                         "since June 2022.") == []
    assert mentions(nlp, "The Tigrayan faction has fought the regional government since March 2024.") == []
    assert mentions(nlp, "The port city has been gripped by gang fighting for months.") == []
    assert mentions(nlp, "The insurgency, which began in 2012, has killed thousands of people across the north.") == []
    assert mentions(nlp, "Officials say more than 90 soldiers were killed in the province last year.") == []
    assert mentions(nlp, "The monitoring group said it had also documented 210 cases of torture in the camps.") == []
    assert mentions(nlp, "Rights groups say 4,000 people have been detained since the coup.") == []
    assert mentions(nlp, "The district has seen a wave of kidnappings since the truce collapsed.") == []
    assert mentions(nlp, "Aid agencies say many of the schools that have themselves been shelled are still closed.") == []
    # a month told without a year, or a people's service since a month, is no trend of violence; the day's
    # incident told beside such words is still a mention
    assert mentions(nlp, "Soldiers who have served since February 2022 rallied in the capital on Sunday.") != []
    assert mentions(nlp, "Gunmen killed 4 people in the market on Tuesday.") != []


def test_a_threat_told_after_its_day_and_talks_before_any_ceasefire_are_no_event(nlp):
    assert mentions(nlp, "The rebel front warned on Monday that its fighters would target convoys on the highway.") == []
    assert mentions(nlp, "The separatists said they would step up attacks on the pipeline.") == []
    assert mentions(nlp, "The government wants the militia to disarm before any ceasefire.") == []


def test_said_earlier_is_when_a_figure_was_told_not_an_earlier_incident(nlp):
    found = mentions(nlp, "The governor had said earlier that 2 people were killed in the strike.")
    assert found and not found[0].has("background") and found[0].has("correction")
    # "days after the blast" dates a telling against the blast being told, not another incident
    found = mentions(nlp, "A car bomb killed 6 people at the market, police said, releasing the toll two days after the blast.")
    assert found and not any(m.has("background") for m in found)
    assert mentions(nlp, "The raid came two days after an ambush killed 5 people.")[-1].has("background")


def test_a_perpetrator_denying_it_harmed_civilians_tells_no_fight(nlp):
    # its account of a fight is a dispute of the attack, not a clash of its own
    assert all("clash" not in s for s in signals_of(
        nlp, "The militia denied targeting civilians and said its men had fought soldiers in the hills."))
    assert all("clash" not in s for s in signals_of(
        nlp, "The army denied the allegations and said it had fought rebels near the river."))


def test_a_crowd_dispersing_peacefully_is_no_intervention(nlp):
    assert all("intervention" not in s for s in signals_of(
        nlp, "The marchers gathered outside the ministry before dispersing peacefully at dusk."))


def test_a_person_seized_by_armed_men_is_abducted(nlp):
    assert any("abduction" in s for s in signals_of(
        nlp, "A shopkeeper seized by masked men outside the town on Friday has not been released."))


def test_a_charge_of_killing_with_no_incident_of_its_own_is_no_mention(nlp):
    assert mentions(nlp, "Human rights groups have accused the border police of killing migrants, which the "
                         "ministry denies.") == []
    # a charge that places or dates the act still tells it
    assert mentions(nlp, "Two men were charged with killing a trader in Kisumu on Monday.") != []


def test_attack_helicopters_and_a_rejected_peace_deal_tell_no_attack_or_agreement(nlp):
    assert all("attack" not in s for s in signals_of(nlp, "Soldiers backed by attack helicopters clashed with rebels."))
    assert all("agreement" not in s for s in signals_of(
        nlp, "The faction, which rejected the 2014 peace deal, has been weakened by defections."))
    assert any("agreement" in s for s in signals_of(nlp, "The two militias signed a peace deal in Sirte on Monday."))
