"""End to end through the pipeline on short reports written for the tests (reports.py):
every ACLED event type, several countries, dates across month and year boundaries,
number words, conflicting counts, two incidents in one report, a correction, a trend."""

import pytest

from reports import REPORTS


@pytest.mark.parametrize("report", REPORTS, ids=[r["key"] for r in REPORTS])
def test_report(code, report):  # noqa: D103 - each case documents itself in reports.py
    events = [e for e in code(report["text"], report["published"], id=report["key"]) if e.mode == "reported"]
    expected = report["events"]
    assert len(events) == len(expected), [(e.event_type, e.sub_event_type, e.date) for e in events]
    for e, x in zip(events, expected):
        if "date" in x:
            assert e.date == x["date"]
        assert e.event_type == x["event_type"]
        if "sub_event_type" in x:
            assert e.sub_event_type == x["sub_event_type"]
        assert e.location is not None and e.location.iso3 == x["iso3"]
        if "fatalities" in x:
            assert e.fatalities is not None and e.fatalities.best == x["fatalities"]
        if "fatalities_low" in x:
            assert e.fatalities.low == x["fatalities_low"] and e.fatalities.high == x["fatalities_high"]
        for count in ("injuries", "abducted", "arrested"):
            if count in x:
                assert getattr(e, count) is not None and getattr(e, count).best == x[count], count
        if "actor1" in x:
            assert e.actor1 is not None and e.actor1.name == x["actor1"]
        if "inter1" in x:
            assert e.actor1 is not None and e.actor1.inter == x["inter1"]
        if "actor2" in x:
            assert e.actor2 is not None and e.actor2.name == x["actor2"]
        if "inter2" in x:
            assert e.actor2.inter == x["inter2"]
        if "claimed_by" in x:
            assert e.claimed_by == x["claimed_by"]
        if x.get("disputes"):
            assert e.disputes


def test_same_input_same_ids(code):
    text = REPORTS[0]["text"]
    first = [e.id for e in code(text, "2023-05-10", id="a")]
    again = [e.id for e in code(text, "2023-05-10", id="a")]
    assert first == again and len(set(first)) == len(first)


def test_no_publication_date_means_no_relative_date(code):
    events = code("Gunmen killed three villagers in Zamfara state on Tuesday, police said.\n", None)
    assert events and events[0].date is None
    reasons = [ev.reason for ev in events[0].evidence if ev.field == "date"]
    assert reasons and reasons[0]


def test_upper_case_wire_text(code):
    text = (
        "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] URBAN GUERRILLAS ATTACKED A NATIONAL "
        "POLICE POST IN SAN MIGUEL YESTERDAY, KILLING THREE POLICEMEN.\n"
    )
    events = code(text, None)
    assert events, "no event from an upper-case wire text"
    e = events[0]
    assert e.date == "1990-01-11"
    assert e.location is not None and e.location.iso3 == "SLV"
    assert e.fatalities.best == 3


def _demo_reports():
    import json
    from importlib import resources

    demo = resources.files("strife.data").joinpath("demo")
    manifest = json.loads(demo.joinpath("manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["reports"]:
        head = entry["description"].split(":")[0]
        if " / " in head:
            yield entry["file"], entry["published"], tuple(head.split(" / "))


@pytest.mark.parametrize("name, published, expected", list(_demo_reports()))
def test_demo_report_main_event(extractor, name, published, expected):
    """The coder's note in the demo manifest names each report's main event type."""
    import datetime as dt
    from importlib import resources

    from strife.ingest import read_inputs

    path = str(resources.files("strife.data").joinpath("demo").joinpath(name))
    (article,) = list(read_inputs([path], published=dt.date.fromisoformat(published)))
    (result,) = list(extractor.extract([article]))
    reported = [(e.event_type, e.sub_event_type) for e in result.events if e.mode == "reported"]
    assert reported and reported[0] == expected, reported


def test_a_reference_that_adds_a_place_is_the_same_incident(code):
    # the demo's Nangarhar report: "The explosive device had been hidden … in Behsud district"
    # tells where the roadside bomb of the lede was, not a second bombing
    from importlib import resources

    text = resources.files("strife.data").joinpath("demo/afghanistan_nangarhar_roadside_bomb.txt").read_text(encoding="utf-8")
    events = [e for e in code(text, "2024-05-20") if e.mode == "reported"]
    assert len(events) == 1, [(e.event_type, e.location.name if e.location else None) for e in events]
    assert events[0].fatalities.best == 3


def test_a_context_incident_is_coded_only_when_it_can_be_dated(code):
    # named only as the reason for the attack, with no date: no background event
    events = code(
        "ISLAMABAD - Militants fired mortar shells at a border post in Kurram district on Tuesday, killing two "
        "soldiers, the army said. The group said the attack was in response to army raids on its hideouts.\n",
        "2024-03-06",
    )
    assert [e.mode for e in events] == ["reported"]
    # dated only to "late last year": no event of one day
    events = code(
        "BAMAKO - Gunmen attacked a bus near Gao on Tuesday, killing 4 passengers, officials said. "
        "Residents said the same group had killed 12 villagers in raids late last year.\n",
        "2024-03-06",
    )
    assert [e.mode for e in events] == ["reported"]
    # a context incident told with its day stays
    events = code(
        "BAMAKO - Gunmen attacked a bus near Gao on Tuesday, killing 4 passengers, officials said. "
        "On Feb. 12, the same group had killed 12 villagers in a raid on Ansongo.\n",
        "2024-03-06",
    )
    assert sorted(e.mode for e in events) == ["background", "reported"]


def test_a_district_of_the_city_is_the_same_protest(code):
    events = code(
        "ISTANBUL - Police fired tear gas on Wednesday to disperse hundreds of students marching in Istanbul "
        "against a tuition rise, witnesses said. Officers chased demonstrators into side streets in Uskudar.\n",
        "2024-05-02",
    )
    assert [(e.mode, e.event_type) for e in events] == [("reported", "Protests")]


def test_two_towns_of_one_province_apart_are_two_incidents(code):
    events = code(
        "PESHAWAR - Gunmen shot dead a policeman in Peshawar on Monday, police said. "
        "In Mardan, a bomb wounded 3 people at a market on Monday.\n",
        "2024-05-07",
    )
    assert len([e for e in events if e.mode == "reported"]) == 2


def test_coder_note_idioms(code):
    # the note's stated figure is the count; villagers who lynch are rioters; a battle's other side is named
    # in an after-clause
    (e,) = code("On 1 September 2024, a landmine exploded under a vehicle carrying herders near Ansongo (Gao, Mali). "
                "Fatalities coded as 3; sources report between 3 and 5 killed.", "2024-09-03")
    assert (e.fatalities.low, e.fatalities.best, e.fatalities.high) == (3, 3, 5)
    (e,) = code("On 28 October 2024, villagers in Puno (Puno, Peru) beat and set fire to two men suspected of "
                "kidnapping a child. Both died.", "2024-10-30")
    assert e.sub_event_type == "Mob violence" and e.actor1.name == "Rioters (Peru)" and e.actor1.inter == 5
    (e,) = code("On 29 November 2024, HTS took control of large parts of Aleppo city (Aleppo, Syria) after clashing "
                "with regime forces, who retreated.", "2024-12-02")
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor2 is not None and e.actor2.name == "Military Forces of Syria"


def test_a_habit_told_beside_the_day_of_its_happening_is_still_that_days_event(code):
    events = code("Hundreds of retirees gathered in front of Congress in Buenos Aires on Wednesday to protest against "
                  "cuts to pensions, as they have every week since January.", "2024-02-01")
    assert [(e.event_type, e.date) for e in events] == [("Protests", "2024-01-31")]
    assert code("Retirees have protested in front of Congress in Buenos Aires every week since January, "
                "organisers said on Wednesday.", "2024-02-01") == []


def test_sticks_and_stones_make_a_riot_and_looting_soldiers_do_not(code):
    (e,) = code("Supporters of two rival parties clashed with sticks and stones outside the election office in "
                "Korangi, Karachi on Wednesday, police said. Police fired tear gas to separate them.", "2024-02-29")
    assert (e.event_type, e.actor1.inter) == ("Riots", 5)
    (e,) = code("On 12 August 2023, junta soldiers raided a village near Monywa, Sagaing Region, looted valuables and "
                "shot dead two villagers, residents said.", "2023-08-15")
    assert e.event_type == "Violence against civilians" and e.actor1.name == "Military Forces of Myanmar"


def test_an_old_incident_recalled_by_a_report_with_no_news_is_background(code):
    # a policy piece that recalls earlier attacks reports no new event: the first incident it tells is long over
    events = code(
        "NEW DELHI - India and Nepal agreed on Monday to share intelligence on armed groups along their border. "
        "Officials recalled that in August 2023 a bomb on a bus near Birgunj killed six passengers.\n",
        "2025-03-04",
    )
    assert all(e.mode == "background" for e in events), [(e.mode, e.date) for e in events]
    # a sitrep that tells its incident a few days late still reports it
    events = code(
        "On 2 March, armed men attacked a village near Djibo, killing 7 civilians, local sources said.\n",
        "2025-03-06",
    )
    assert [e.mode for e in events] == ["reported"]


def test_an_undated_incident_told_after_a_background_one_in_its_sentence_is_background(code):
    events = code(
        "MOGADISHU - A car bomb killed four soldiers at a checkpoint in Afgooye on Tuesday, the army said. "
        "In January, a mortar attack on Baidoa killed two people, and a landmine near Kismayo killed three herders.\n",
        "2025-06-11",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert len(reported) == 1 and reported[0].fatalities.best == 4, [(e.mode, e.location.name) for e in events]


def test_a_running_total_since_a_month_is_no_toll_of_the_incident(code):
    events = code(
        "TIJUANA - Gunmen shot dead two police officers at a traffic stop in Tijuana on Friday, the city said. "
        "The city has been shaken since January by a turf war between gangs that has left more than 900 people dead.\n",
        "2025-05-10",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert len(reported) == 1 and reported[0].fatalities.best == 2


def test_drones_launched_by_a_group_that_struck_a_target_are_a_strike(code):
    events = code(
        "KHARTOUM - Drones launched by the paramilitary forces struck a fuel depot in Atbara on Thursday, "
        "officials said. No one was hurt.\n",
        "2025-05-16",
    )
    assert [e.sub_event_type for e in events if e.mode == "reported"] == ["Air/drone strike"]


def test_arrests_over_an_earlier_attack_do_not_take_its_toll_or_type(code):
    events = code(
        "KADUNA - Police have detained nine men in connection with Tuesday's raid on a village near Kauru, "
        "in which 14 people were killed, a spokesman said on Friday.\n",
        "2025-05-09",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert [e.sub_event_type for e in reported] == ["Arrests"]
    assert reported[0].fatalities is None or reported[0].fatalities.best == 0
    events = code("Soldiers arrested four suspected militants for their role in last month's bombing of a market "
                  "in Maiduguri, the army said on Monday.\n", "2025-05-12")
    assert [e.sub_event_type for e in events if e.mode == "reported"] == ["Arrests"]


def test_a_capital_the_teller_speaks_from_is_not_the_incidents_place(code):
    events = code(
        "The Turkish defence ministry said in Ankara on Monday that its jets had struck PKK positions in "
        "northern Iraq on Sunday, killing five militants.\n",
        "2025-03-11",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert [e.location.country for e in reported] == ["Iraq"], [e.location.name for e in reported]


def test_the_town_where_the_wounded_died_or_were_treated_is_not_the_incidents_place(code):
    # devset8 stop: "died ... in a hospital in Popayan" told the toll, not where the clash was
    events = code(
        "Rebels ambushed a police patrol near Tame in Arauca department on Monday, killing three officers. "
        "A fourth officer died of his wounds on Tuesday in a hospital in Bogota, the police said.\n",
        "2025-03-12",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert reported and {e.location.name for e in reported} == {"Tame"}, [e.location.name for e in reported]
    assert reported[0].fatalities.best == 4
    # an attack on a hospital is at the hospital's town: no verb of care stands before it
    events = code("Gunmen attacked a hospital in Tame on Monday, killing two guards, the police said.\n", "2025-03-12")
    assert [e.location.name for e in events if e.mode == "reported"] == ["Tame"]


def test_an_attack_a_court_sentenced_someone_for_is_background_even_when_the_court_day_is_told(code):
    # the day in the sentence is the court's; the bombing is older, context of the day's news
    events = code(
        "KADUNA - Gunmen killed three farmers near Birnin Gwari on Tuesday, police said. "
        "Separately, a high court on Tuesday sentenced two men to death for the 2019 bombing of a market in Kano, "
        "which killed 14 people.\n",
        "2025-04-16",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert len(reported) == 1 and reported[0].fatalities.best == 3, [(e.mode, e.location.name) for e in events]
    assert any(e.mode == "background" and e.fatalities and e.fatalities.best == 14 for e in events)


def test_workers_of_a_party_who_stone_police_are_rioters_not_the_party(code):
    # the party told as its people ("workers of the ...", its abbreviation after) is the crowd's party, not an armed side
    events = code(
        "DHAKA - Activists of the Bangladesh Nationalist Party (BNP) clashed with police in Sylhet on Sunday. "
        "The activists threw bricks at officers, who fired tear gas; 14 people were hurt. BNP leaders condemned "
        "the police action.\n",
        "2025-03-03",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert len(reported) == 1
    assert (reported[0].event_type, reported[0].actor1.name, reported[0].actor1.inter) == ("Riots", "Rioters (Bangladesh)", 5)


def test_residents_who_set_fire_to_a_building_in_a_protest_are_rioters(code):
    events = code(
        "NAIROBI - Residents of Kibera, angered by a week without water, set fire to a county office on Monday "
        "during a protest, and police fired tear gas to disperse them.\n",
        "2025-03-04",
    )
    reported = [e for e in events if e.mode == "reported"]
    assert len(reported) == 1 and reported[0].event_type == "Riots", [(e.event_type, e.sub_event_type) for e in events]
    # residents who find their homes torched by others are the victims, not rioters
    events = code(
        "KADUNA - Villagers returned to find their houses torched after gunmen raided Kauru on Monday, killing 4 people.\n",
        "2025-03-04",
    )
    assert all(e.event_type != "Riots" for e in events), [(e.event_type, e.sub_event_type) for e in events]


def test_an_air_defence_tally_over_a_whole_country_is_no_event(code):
    # drones shot down with no place of their own: a tally, not a disrupted attack somewhere
    events = code(
        "Ukraine's air force said on Sunday that 41 of the 55 drones Russia launched overnight had been shot down.\n",
        "2024-06-02",
    )
    assert [e.sub_event_type for e in events if e.sub_event_type == "Disrupted weapons use"] == []
    # an interception over a named city stays an event there
    events = code(
        "KHARKIV - Ukrainian air defences intercepted 9 Russian drones over Kharkiv early on Sunday, the regional "
        "governor said.\n",
        "2024-06-02",
    )
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    assert events[0].location.name == "Kharkiv"


def _where(events):
    return sorted((e.mode, e.event_type, e.location.name if e.location else None) for e in events)


def test_protests_told_in_a_list_of_towns_are_one_event_in_each(code):
    events = code(
        "ACCRA - Nurses held protests in Kumasi, Tamale and Takoradi on Tuesday over unpaid allowances. "
        "In Tamale, police fired tear gas at nurses who blocked the road outside the regional hospital.\n",
        "2025-03-12",
    )
    got = {e.location.name: e.sub_event_type for e in events if e.location}
    assert got == {"Kumasi": "Peaceful protest", "Tamale": "Protest with intervention", "Takoradi": "Peaceful protest"}, got
    # marchers told by where they came from are one protest (which place it takes is the place chooser's)
    events = code(
        "NAIROBI - Farmers from Nakuru and Eldoret marched to the Ministry of Agriculture in Nairobi on Monday "
        "to demand higher maize prices.\n",
        "2025-03-11",
    )
    assert len(events) == 1


def test_an_incident_told_again_at_its_place_after_another_is_the_same_incident(code):
    events = code(
        "MAIDUGURI - Hundreds of widows marched in Maiduguri on Thursday to demand protection, two days after "
        "gunmen killed 11 farmers near Konduga. The march ended at the Government House. Police said the gunmen "
        "struck farms outside Konduga on Tuesday afternoon, shooting the farmers as they worked.\n",
        "2025-05-08",
    )
    kinds = sorted((e.mode, e.event_type) for e in events)
    assert kinds == [("background", "Violence against civilians"), ("reported", "Protests")], kinds


def test_a_court_freeing_protesters_tells_an_earlier_protest(code):
    events = code(
        "HARARE - A magistrate's court in Harare on Friday freed 31 vendors who were arrested when police broke up "
        "a protest against the demolition of their stalls in Mbare on April 2.\n",
        "2025-05-16",
    )
    assert [(e.mode, e.date, e.sub_event_type) for e in events] == [("background", "2025-04-02", "Protest with intervention")]


def test_followers_of_a_leaders_party_rallying_are_protesters(code):
    events = code(
        "DHAKA - Thousands of supporters of exiled former prime minister Sheikh Hasina's Awami League rallied in "
        "Dhaka on Friday to demand fresh elections.\n",
        "2025-05-16",
    )
    assert [(e.event_type, e.actor1.name) for e in events] == [("Protests", "Protesters (Bangladesh)")]


def test_a_village_captain_is_a_civilian_and_men_killed_in_a_blast_are_its_victims(code):
    events = code(
        "DAVAO - Gunmen shot dead a barangay captain outside a chapel in Davao City on Sunday, police said.\n",
        "2025-05-19",
    )
    assert [(e.sub_event_type, e.actor2.name if e.actor2 else None) for e in events] == [("Attack", "Civilians (Philippines)")]
    events = code(
        "KARACHI - Mourners on Monday buried four soldiers killed in Sunday's roadside bombing of a convoy in "
        "Turbat, the army said.\n",
        "2025-05-19",
    )
    assert [(e.actor1.name, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan")]


def test_similar_protests_told_without_a_day_are_of_the_storys_day(code):
    events = code(
        "LUSAKA - Thousands of vendors marched in Lusaka on Saturday against new market fees. Similar protests "
        "were held in Ndola and Kitwe, the vendors' association said.\n",
        "2025-06-02",
    )
    assert sorted((e.location.name, e.date) for e in events) == [
        ("Kitwe", "2025-05-31"), ("Lusaka", "2025-05-31"), ("Ndola", "2025-05-31")]
