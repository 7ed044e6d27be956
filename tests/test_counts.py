"""extract.counts: casualty statements in one sentence.

Every sentence here is written for these tests. Each case states what a coder would
record: the kind, the figure, the group as written; the spans are checked on every case.
"""

import json
import re
from importlib import resources

import pytest

from strife.extract.counts import DATA, Casualty, find_casualties, parse_quantity


def _spans_hold(sentence: str, casualties: list[Casualty], offset: int = 0) -> None:
    for c in casualties:
        assert sentence[c.start - offset : c.end - offset] == c.text
        q = c.quantity
        assert sentence[q.start - offset : q.end - offset] == q.text
        assert c.start <= q.start and q.end <= c.end, "the clause quotes its number"
        if c.group is None:
            assert c.group_start is None and c.group_end is None
        else:
            assert sentence[c.group_start - offset : c.group_end - offset] == c.group
            assert c.start <= c.group_start and c.group_end <= c.end, "the clause quotes its group"
        assert q.low <= q.best <= q.high


def read(sentence: str, offset: int = 0) -> list[Casualty]:
    found = find_casualties(sentence, offset)
    _spans_hold(sentence, found, offset)
    return found


def summary(sentence: str) -> list[tuple[str, int, str | None]]:
    return [(c.kind, c.quantity.best, c.group) for c in read(sentence)]


# -- the casualty clauses a report uses -------------------------------------------------

CLAUSES = [
    # verb + coordinated objects
    ("Fighters stormed two checkpoints near Turbat on Sunday, killing at least four members of "
     "the security forces and two civilians, officials said.",
     [("killed", 4, "members of the security forces"), ("killed", 2, "civilians")]),
    # subject + were + also + participle
    ("At least nine insurgents were also killed in the gun battle that followed.",
     [("killed", 9, "insurgents")]),
    # coordinated subjects, then a second clause of another kind
    ("Officials said four security forces and two civilians were killed and 15 members of the "
     "Frontier Corps were wounded.",
     [("killed", 4, "security forces"), ("killed", 2, "civilians"), ("injured", 15, "members of the Frontier Corps")]),
    ("Troops returned fire and killed nine assailants.", [("killed", 9, "assailants")]),
    ("A car bomb killed four people and wounded five others outside the court.",
     [("killed", 4, "people"), ("injured", 5, "others")]),
    ("The drone strike, which killed at least nine people, hit a house in Datta Khel.",
     [("killed", 9, "people")]),
    ("The group issued a statement saying that two of its fighters were killed.",
     [("killed", 2, "its fighters")]),
    ("The death toll rose to 12 on Thursday.", [("killed", 12, None)]),
    ("The death toll from the market bombing rose from 10 to 15.", [("killed", 15, None)]),
    ("The grenade left 5 dead and 20 injured.", [("killed", 5, None), ("injured", 20, None)]),
    ("Twelve people died when the bus was set on fire.", [("killed", 12, "people")]),
    ("Police said the gunmen killed 3 before fleeing.", [("killed", 3, None)]),
    ("Three were killed and several more were hurt.", [("killed", 3, None), ("injured", 3, "more")]),
    ("The bodies of seven men were found in a ditch outside the town.", [("killed", 7, "men")]),
    ("The fighting claimed the lives of 30 people.", [("killed", 30, "people")]),
    ("Eight people lost their lives in the stampede that followed the blast.", [("killed", 8, "people")]),
    ("A traffic policeman was shot dead at a junction in Peshawar.", [("killed", 1, "traffic policeman")]),
    ("Unknown attackers shot dead two shopkeepers in the bazaar.", [("killed", 2, "shopkeepers")]),
    ("Two rangers were gunned down on the highway.", [("killed", 2, "rangers")]),
    ("Gunmen gunned down three farmers in their fields.", [("killed", 3, "farmers")]),
    ("At least 12 killed in bomb blast at Quetta market", [("killed", 12, None)]),
    ("Three people were shot and killed, and two others were shot and wounded.",
     [("killed", 3, "people"), ("injured", 2, "others")]),
    ("Three soldiers are believed to have been killed.", [("killed", 3, "soldiers")]),
    ("Another policeman died of his wounds in hospital.", [("killed", 1, "policeman")]),
    ("Six of the dead were children.", []),  # a part of a toll told elsewhere, not a second toll
    ("Nine deaths were reported after the clashes.", [("killed", 9, None)]),
    # injured
    ("Four villagers suffered injuries when the shell landed.", [("injured", 4, "villagers")]),
    ("Two students were hurt in the stampede.", [("injured", 2, "students")]),
    ("Two people were killed and three others critically injured.",
     [("killed", 2, "people"), ("injured", 3, "others")]),
    ("Medics treated three wounded soldiers at the base.", [("injured", 3, "soldiers")]),
    # abducted
    ("Bandits abducted at least 25 pupils from a boarding school.", [("abducted", 25, "pupils")]),
    ("Two engineers were kidnapped on the road to Gwadar.", [("abducted", 2, "engineers")]),
    ("Six aid workers were taken hostage at the border.", [("abducted", 6, "aid workers")]),
    ("The rebels took 20 passengers hostage.", [("abducted", 20, "passengers")]),
    ("The militants seized two soldiers.", [("abducted", 2, "soldiers")]),
    ("The militants seized two vehicles and a rifle.", []),
    # arrested
    ("Police arrested 14 suspected members of a criminal gang in Cali.",
     [("arrested", 14, "suspected members of a criminal gang")]),
    ("Five men were detained after the raid.", [("arrested", 5, "men")]),
    ("Nine protesters were taken into custody.", [("arrested", 9, "protesters")]),
    ("Security forces rounded up 30 suspects and took 12 others into custody.",
     [("arrested", 30, "suspects"), ("arrested", 12, "others")]),
    ("Officers apprehended two suspects near the station.", [("arrested", 2, "suspects")]),
    # "others" is left for the caller to relate to the group before
    ("One protester was killed and seven others were wounded.",
     [("killed", 1, "protester"), ("injured", 7, "others")]),
    # number words, vague words and qualifiers in context
    ("Eleven soldiers and about twenty militants were killed in the clashes.",
     [("killed", 11, "soldiers"), ("killed", 20, "militants")]),
    ("One police officer was killed and dozens of people were injured.",
     [("killed", 1, "police officer"), ("injured", 12, "people")]),
    ("Two dozen demonstrators were detained.", [("arrested", 24, "demonstrators")]),
    ("A dozen were injured.", [("injured", 12, None)]),
    ("Scores of villagers were wounded.", [("injured", 20, "villagers")]),
    ("Hundreds were arrested.", [("arrested", 100, None)]),
    ("Both guards were killed.", [("killed", 2, "guards")]),
    ("The explosion killed more than 1,200 people.", [("killed", 1200, "people")]),
    ("Twenty-five miners were abducted.", [("abducted", 25, "miners")]),
    ("A single passenger was hurt.", [("injured", 1, "passenger")]),
    ("Three people, including two children, were killed.", [("killed", 3, "people")]),
]


@pytest.mark.parametrize("sentence,expected", CLAUSES, ids=[c[0][:40] for c in CLAUSES])
def test_casualty_clauses(sentence, expected):
    assert summary(sentence) == expected


def test_the_clause_quotes_verb_number_and_group():
    (c,) = read("Fighters attacked the post, killing at least four members of the security forces.")
    assert c.text == "killing at least four members of the security forces"
    assert c.quantity.text == "four" and c.quantity.qualifier == "at least"
    assert (c.quantity.low, c.quantity.best, c.quantity.high) == (4, 4, 4)
    first, second = read("Officials said four soldiers and two civilians were killed.")
    assert first.text == "four soldiers and two civilians were killed"
    assert second.text == "two civilians were killed"


def test_a_range_keeps_its_ends_and_is_coded_at_the_low_end():
    (c,) = read("Between 10 and 15 people were killed.")
    assert (c.quantity.low, c.quantity.best, c.quantity.high) == (10, 10, 15)
    (c,) = read("The blast wounded 10-15 people.")
    assert (c.quantity.low, c.quantity.best, c.quantity.high) == (10, 10, 15)
    (c,) = read("Two or three villagers were abducted.")
    assert (c.quantity.low, c.quantity.best, c.quantity.high) == (2, 2, 3)


def test_qualifiers_keep_the_stated_figure():
    found = read("Nearly 40 people died and up to 30 were hurt, while more than 20 were arrested.")
    assert [(c.kind, c.quantity.best, c.quantity.qualifier) for c in found] == [
        ("killed", 40, "nearly"), ("injured", 30, "up to"), ("arrested", 20, "more than")
    ]


# -- zeros -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,kinds", [
    ("No one was killed in the attack.", ["killed"]),
    ("Nobody was arrested.", ["arrested"]),
    ("No soldiers were killed.", ["killed"]),
    ("None of the passengers were injured.", ["killed", "injured"]),
    ("No casualties were reported.", ["killed"]),
    ("The attack was foiled without casualties.", ["killed"]),
    ("There were no injuries.", ["killed", "injured"]),
    ("No one was killed or injured.", ["killed", "injured"]),
])
def test_a_reported_zero_is_a_negated_figure(sentence, kinds):
    found = read(sentence)
    assert sorted(c.kind for c in found) == sorted(kinds)
    assert all(c.quantity.best == 0 and c.quantity.high == 0 and c.negated for c in found)


def test_no_one_hurt_also_says_no_one_killed_but_not_the_reverse():
    assert {c.kind for c in read("No one was hurt.")} == {"killed", "injured"}
    assert {c.kind for c in read("No one was killed.")} == {"killed"}


@pytest.mark.parametrize("sentence", [
    "No one claimed responsibility for the bombing.",
    "No one has yet claimed the attack, and police said they are still investigating.",
    "There were no immediate reports of casualties.",
    "Militants no longer attack the town.",
    "The convoy was hit, but no. 4 platoon escaped.",
])
def test_no_is_not_always_zero(sentence):
    assert read(sentence) == []


def test_positive_figures_are_not_negated():
    assert not any(c.negated for c in read("Three soldiers were killed and one was wounded."))


# -- numbers that are not casualty figures ------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("A 45-year-old man was killed.", [("killed", 1, "45-year-old man")]),
    ("A court handed him a 10-year sentence.", []),
    ("The 900-kilometer border was closed for two days.", []),
    ("He was killed a day after the attack.", []),
    ("Two soldiers were killed two days ago.", [("killed", 2, "soldiers")]),
    ("In 2014 two people were killed there.", [("killed", 2, "people")]),
    ("The Jan. 18 strikes killed at least nine people.", [("killed", 9, "people")]),
    ("At 10:30 three people were killed.", [("killed", 3, "people")]),
    ("A group of 20 gunmen attacked the post.", []),
    ("A group of 20 gunmen were killed.", [("killed", 20, "gunmen")]),
    ("Rebels fired 40 rockets, killing 3 soldiers.", [("killed", 3, "soldiers")]),
    ("Turnout fell 10 percent after two people were shot dead.", [("killed", 2, "people")]),
    ("It is unclear how many were killed.", []),
    ("Three persons have not been arrested.", []),
])
def test_ages_years_units_and_durations_are_not_counted(sentence, expected):
    assert summary(sentence) == expected


def test_military_unit_numbers_are_not_counted():
    sentence = "GUERRILLAS ATTACKED MILITARY DETACHMENT NO.4 AND 2 SOLDIERS WERE KILLED."
    assert summary(sentence) == [("killed", 2, "SOLDIERS")]
    assert summary("The convoy of Battalion 7 was ambushed near the pass.") == []


@pytest.mark.parametrize("sentence", [
    "Two gunmen killed the villagers.",  # active: the number counts the killers
    "An army patrol reportedly killed the villagers.",  # no auxiliary: still active
    "Four militants who have killed the mayor were sentenced.",  # "have killed" is active
])
def test_the_number_of_attackers_is_not_a_toll(sentence):
    assert read(sentence) == []


def test_the_killers_number_is_not_the_toll_but_the_one_victim_named_is():
    assert summary("Two gunmen killed the guard.") == [("killed", 1, "guard")]


def test_a_perpetrators_earlier_killings_are_returned_for_the_caller():
    # "has killed hundreds" is history; the caller decides whether it is an event
    assert summary("The militia, which has killed hundreds, denied the charge.") == [("killed", 100, None)]


def test_a_subject_after_a_preposition_belongs_to_its_phrase():
    assert read("Two couriers carrying cash in a bag have been arrested.") == []


def test_killed_and_wounded_together_gives_no_split():
    # the report does not say how many of the dozens died: no figure is invented
    assert read("Militants killed and wounded dozens in the market.") == []


def test_a_list_ending_in_a_source_is_not_a_list_of_victims():
    (c,) = read("The explosion killed three soldiers, two officials said.")
    assert (c.kind, c.quantity.best, c.group) == ("killed", 3, "soldiers")
    assert c.by == "two officials"


# -- upper-case wire text ------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES YESTERDAY.",
     [("killed", 3, "SUBVERSIVES"), ("injured", 7, "OTHERS")]),
    ("THE PATROL FOUND ONE DEAD TERRORIST NEAR THE BRIDGE.", [("killed", 1, "TERRORIST")]),
    ("A SOLDIER WAS WOUNDED IN THE AMBUSH.", [("injured", 1, "SOLDIER")]),
    ("A TERRORIST WAS KILLED AND TWO OTHERS WERE WOUNDED.",
     [("killed", 1, "TERRORIST"), ("injured", 2, "OTHERS")]),
    ("URBAN COMMANDOS ATTACKED A POLICE POST, KILLING THREE POLICEMEN.", [("killed", 3, "POLICEMEN")]),
    ("NO ONE WAS HURT IN THE EXPLOSION.", [("killed", 0, None), ("injured", 0, None)]),
    ("THE ARMY ARRESTED 15 PEASANTS AND TOOK TWO OTHERS HOSTAGE.",
     [("arrested", 15, "PEASANTS"), ("abducted", 2, "OTHERS")]),
])
def test_upper_case_wire_text(sentence, expected):
    assert summary(sentence) == expected


# -- who says so -----------------------------------------------------------------------------

def test_the_source_named_in_the_clause():
    (c,) = read("Eight people were killed in the raid, the military said.")
    assert c.by == "military"
    (c,) = read("Police said three passengers were killed.")
    assert c.by == "Police"
    (c,) = read("According to a military statement, troops killed nine assailants.")
    assert c.by == "military"
    (c,) = read("Nine people were killed.")
    assert c.by is None


def test_two_sources_in_one_sentence_keep_their_own_figures():
    sentence = ("Officials initially said no one was hurt, but police later said three passengers "
                "were killed.")
    found = read(sentence)
    zero = [c for c in found if c.negated]
    (three,) = [c for c in found if not c.negated]
    assert zero and all(c.by == "Officials" for c in zero)
    assert (three.quantity.best, three.by) == (3, "police")


def test_a_pronoun_or_a_passive_is_not_a_source():
    (c,) = read("It said two of its fighters were killed.")
    assert c.by is None and c.group == "its fighters"
    (c,) = read("It was reported that three soldiers were killed.")
    assert c.by is None


# -- offsets -----------------------------------------------------------------------------------

def test_offset_shifts_every_span():
    sentence = "A roadside bomb killed four people and wounded five others, police said."
    plain = find_casualties(sentence)
    shifted = read(sentence, offset=1000)
    assert len(plain) == len(shifted) == 2
    for a, b in zip(plain, shifted):
        assert (b.start, b.end) == (a.start + 1000, a.end + 1000)
        assert (b.quantity.start, b.quantity.end) == (a.quantity.start + 1000, a.quantity.end + 1000)
        assert (b.group_start, b.group_end) == (a.group_start + 1000, a.group_end + 1000)
        assert (b.text, b.group, b.kind, b.by) == (a.text, a.group, a.kind, a.by)


def test_offsets_point_into_an_article():
    article = "Quetta, Jan 30 (Wire) -- Police were on alert.\nAt least nine insurgents were also killed."
    start = article.index("At least")
    sentence = article[start:]
    (c,) = read(sentence, offset=start)
    assert article[c.start : c.end] == c.text == "At least nine insurgents were also killed"
    assert article[c.quantity.start : c.quantity.end] == "nine"
    assert article[c.group_start : c.group_end] == "insurgents"


# -- parse_quantity ------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase,expected", [
    ("at least nine", (9, 9, 9)),
    ("more than 20", (20, 20, 20)),
    ("nearly 40", (40, 40, 40)),
    ("almost 40", (40, 40, 40)),
    ("up to 30", (30, 30, 30)),
    ("about twenty", (20, 20, 20)),
    ("two dozen", (24, 24, 24)),
    ("a dozen", (12, 12, 12)),
    ("half a dozen", (6, 6, 6)),
    ("dozens", (12, 12, 12)),
    ("dozens of", (12, 12, 12)),
    ("tens", (10, 10, 10)),
    ("hundreds", (100, 100, 100)),
    ("scores", (20, 20, 20)),
    ("several", (3, 3, 3)),
    ("a few", (3, 3, 3)),
    ("some", (3, 3, 3)),
    ("10 to 15", (10, 10, 15)),
    ("10-15", (10, 10, 15)),
    ("between 10 and 15", (10, 10, 15)),
    ("a", (1, 1, 1)),
    ("an", (1, 1, 1)),
    ("one", (1, 1, 1)),
    ("a single", (1, 1, 1)),
    ("both", (2, 2, 2)),
    ("no one", (0, 0, 0)),
    ("No one", (0, 0, 0)),
    ("nobody", (0, 0, 0)),
    ("none", (0, 0, 0)),
    ("1,200", (1200, 1200, 1200)),
    ("12", (12, 12, 12)),
    ("twenty-five", (25, 25, 25)),
    ("ninety nine", (99, 99, 99)),
    ("one hundred and twenty", (120, 120, 120)),
    ("two thousand five hundred", (2500, 2500, 2500)),
    ("a hundred", (100, 100, 100)),
    ("AT LEAST NINE", (9, 9, 9)),
    ("the", None),
    ("soldiers", None),
    ("", None),
])
def test_parse_quantity(phrase, expected):
    assert parse_quantity(phrase) == expected


def test_every_vague_word_reads_as_its_documented_values():
    for word, v in DATA["vague"].items():
        if not word.startswith("_"):
            assert parse_quantity(word) == (v["low"], v["best"], v["high"]), word


# -- the data file -------------------------------------------------------------------------------

def test_counting_json_loads_and_is_consistent():
    with resources.files("strife.data").joinpath("counting.json").open(encoding="utf-8") as f:
        data = json.load(f)
    assert data == DATA, "counts.py reads counting.json as it is"

    for word, v in data["vague"].items():
        if word.startswith("_"):
            continue
        assert isinstance(v["best"], int) and v["low"] <= v["best"] <= v["high"], word
        assert v["why"].strip(), f"{word}: every vague value says why"
    for word, v in data["words"].items():
        if not word.startswith("_"):
            assert isinstance(v["value"], int) and v["why"].strip(), word
    for name, q in data["qualifiers"].items():
        if not name.startswith("_"):
            assert q["phrases"] and q["why"].strip(), name
    assert set(data["zero"]["words"]) >= {"no one", "nobody", "none"}

    for kind in ("killed", "injured", "abducted", "arrested"):
        forms = data["kinds"][kind]
        assert forms["active"] and forms["passive"], f"{kind} needs active and passive verbs"
        for form, patterns in forms.items():
            for p in patterns:
                re.compile(p)
    for p in data["toll"]["patterns"] + data["not_counts"]["units_after"] + data["group"]["person_nouns"]:
        re.compile(p)
    for nouns in (v for k, v in data["zero"]["nouns"].items() if not k.startswith("_")):
        assert nouns
        for p in nouns:
            re.compile(p)
    # a word that stops a group must not also be a determiner the group may start with
    assert not set(data["group"]["stop_words"]) & {"the", "a", "an", "its", "their"}


def test_deaths_of_hardship_are_no_casualties():
    assert [c for c in find_casualties("Elders said 40 children had died for lack of medicine.") if c.kind == "killed"] == []
    assert [c for c in find_casualties("Elders said 40 villagers had died of hunger since the siege began.") if c.kind == "killed"] == []
    # dying of wounds is still a fatality
    assert [c.quantity.best for c in find_casualties("Two soldiers died of their wounds.")] == [2]


def test_a_missing_casualty_figure_is_no_zero():
    assert find_casualties("The army shelled 11 villages, he said, without giving casualty details.") == []
    assert find_casualties("No casualty figures were released.") == []
    assert [c.quantity.best for c in find_casualties("There were no casualties.")] == [0]


def test_a_place_word_before_people_does_not_hide_the_count():
    assert [(c.kind, c.quantity.best) for c in find_casualties("Two village volunteers were killed on Tuesday.")] == [("killed", 2)]
    assert find_casualties("Rebels burned 12 villages.") == []


def test_a_road_death_that_set_off_a_riot_is_no_casualty_of_it():
    assert find_casualties("Villagers torched a police post after a police van hit and killed a motorcyclist.") == []
    assert [c.quantity.best for c in find_casualties("Gunmen in a car killed two policemen.")] == [2]


def test_a_quoted_object_and_a_source_that_puts_the_toll():
    from strife.extract.counts import find_casualties as read

    quoted = read('The rebels claimed to have killed "several foreign mercenaries".')
    assert [(c.kind, c.quantity.best) for c in quoted] == [("killed", 3)]
    two = read("An official said at least 30 bodies were found; villagers put the toll at more than 90.")
    assert [(c.quantity.best, c.by) for c in two] == [(30, "official"), (90, "villagers")]


def test_a_source_with_an_appositive_before_its_verb():
    from strife.extract.counts import find_casualties as read

    found = read("The Observatory, a London-based monitor, put the death toll at eight.")
    assert [(c.quantity.best, c.by) for c in found] == [(8, "London-based monitor")]


def test_a_running_total_is_not_a_toll():
    from strife.extract.counts import find_casualties as read

    assert read("The ministry says more than 30,000 people have been killed in the war.") == []
    assert read("Since the uprising began, 412 protesters have been arrested.") == []
    assert read("Officials said 350 people were detained nationwide.") == []
    kept = read("Five soldiers were killed in the fighting near the town.")
    assert [(c.kind, c.quantity.best) for c in kept] == [("killed", 5)]


def test_deaths_in_an_accident_are_not_a_toll():
    from strife.extract.counts import find_casualties as read

    assert read("They marked a year since the collapse of the bridge roof that killed 15 people.") == []
    kept = read("The blast that killed 15 people was claimed by the group.")
    assert [c.quantity.best for c in kept] == [15]


def test_a_named_victim_and_others():
    from strife.extract.counts import find_casualties as read

    found = read("The strike killed the group's spokesman Ali Hassan and three other people, officials said.")
    assert [(c.kind, c.quantity.best) for c in found] == [("killed", 4)]
    wounded = read("Gunmen killed a shopkeeper and two others were wounded.")
    assert ("killed", 3) not in [(c.kind, c.quantity.best) for c in wounded]


def test_the_bomber_who_died_counts():
    from strife.extract.counts import find_casualties as read

    found = read("A bomber rammed the gate, killing six guards and the bomber, officials said.")
    assert sorted(c.quantity.best for c in found if c.kind == "killed") == [1, 6]


def test_a_bomber_told_before_his_victims_counts_too():
    found = [(c.kind, c.quantity.best, c.group) for c in find_casualties(
        "A suicide bomber struck a minibus, killing himself and five passengers and wounding 15, police said.")]
    assert ("killed", 5, "passengers") in found and ("killed", 1, "himself") in found and ("injured", 15, None) in found
    # "himself" after a verb that kills no one is no casualty
    assert [c.kind for c in find_casualties("The commander surrendered himself and two aides to the army.")] == []


@pytest.mark.parametrize("sentence", ["A mob beat to death a man accused of theft.", "Residents stoned to death an elderly woman."])
def test_beaten_or_stoned_to_death_is_killed(sentence):
    assert [(c.kind, c.quantity.best) for c in find_casualties(sentence)] == [("killed", 1)]


# -- toll idioms of the fifth development set's first run (sentences written for these tests) ---------------------

@pytest.mark.parametrize("sentence, expected", [
    # a list of victims told without a total: each item is a figure, a possessive and a singular noun one
    ("Gunmen shot dead a shopkeeper, his brother and two passengers near the bus park.",
     [("killed", 1, "shopkeeper"), ("killed", 1, "brother"), ("killed", 2, "passengers")]),
    ("A nurse, her husband and their three children were killed when the shell hit the house.",
     [("killed", 1, "nurse"), ("killed", 1, "husband"), ("killed", 3, "children")]),
    ("Rebels ambushed the convoy, killing a lieutenant, a corporal and three constables.",
     [("killed", 1, "lieutenant"), ("killed", 1, "corporal"), ("killed", 3, "constables")]),
    ("The bomb killed himself, a sergeant and two recruits at the gate.",
     [("killed", 1, "sergeant"), ("killed", 2, "recruits"), ("killed", 1, "himself")]),
])
def test_a_list_of_victims_is_read_item_by_item(sentence, expected):
    assert sorted(summary(sentence)) == sorted(expected)


def test_a_plural_after_a_possessive_is_no_figure_and_a_lone_bomber_list_needs_and():
    assert summary("Gunmen killed his sons in front of the house.") == []
    # "killing himself, a soldier said": the soldier is the source, not a victim
    assert [k for k, *_ in summary("The man blew himself up at the gate, killing himself, a soldier said.")] == []


@pytest.mark.parametrize("sentence, n", [
    ("The clashes left six dead from one side and two from the other.", 8),
    ("Clan fighting killed three men on one side and five on the other, elders said.", 8),
])
def test_both_sides_dead_told_in_one_phrase_are_summed(sentence, n):
    assert [(k, b) for k, b, _ in summary(sentence)] == [("killed", n)]


def test_lost_counts_people_not_things():
    assert summary("The rebels lost seven fighters in the assault.") == [("killed", 7, "fighters")]
    assert summary("The army lost two armoured vehicles in the assault.") == []


@pytest.mark.parametrize("sentence, expected", [
    # a noun with no number of its own joined to the counted subject keeps the verb's subject
    ("Scores of women and children were killed in the raid.", [("killed", 20, "women")]),
    # the attacker joined to it is one more
    ("Two guards and the attacker died in the exchange of fire.", [("killed", 2, "guards"), ("killed", 1, "the attacker")]),
    # an aside listing part of the subject, however many groups it names, is not added
    ("Nine people, among them a pregnant woman and two boys, were killed.", [("killed", 9, "people")]),
    ("5 killed incl. 2 soldiers; 7 injured.", [("killed", 5, None), ("injured", 7, None)]),
])
def test_subjects_told_with_a_conjoined_noun_or_an_aside(sentence, expected):
    assert summary(sentence) == expected


def test_an_ordinal_death_told_later_is_one_more_and_a_fraction_is_none():
    assert summary("Two miners were shot dead and a third died on the way to hospital.") == [
        ("killed", 2, "miners"), ("killed", 1, "a third")]
    assert summary("Gunmen torched a third of the market stalls.") == []
    # with its noun it is still one more, not the article "A" counting "third protester"
    assert summary("A third protester died in hospital on Thursday.") == [("killed", 1, "A third")]


def test_the_toll_idiom_sections_of_counting_json_are_consistent():
    person = re.compile(r"(?<![\w-])(?:" + "|".join(DATA["group"]["person_nouns"]) + r")(?![\w-])", re.I)
    po = DATA["possessive_one"]
    # a possessive victim must name people, or the list it stands in would stop at it
    assert po["nouns"] and all(person.fullmatch(n) for n in po["nouns"]), [n for n in po["nouns"] if not person.fullmatch(n)]
    assert not set(po["determiners"]) & set(DATA["group"]["stop_words"]) and po["why"].strip()
    for section in ("side_split", "ordinal_later", "own_losses", "along_with"):
        assert DATA[section]["why"].strip(), section
    # "along with" joins groups of the dead: none of its words is itself a person noun
    assert DATA["along_with"]["words"] and all(person.search(w) is None for w in DATA["along_with"]["words"])
    re.compile(DATA["self_killed"]["subject_verbs"])
    assert not any(w.endswith("self") for w in DATA["self_killed"]["words"] if w.startswith("the "))
    re.compile(DATA["side_split"]["between"]), re.compile(DATA["side_split"]["after"]), re.compile(DATA["own_losses"]["verbs"])
    assert "{ordinal}" in DATA["ordinal_later"]["pattern"] and DATA["ordinal_later"]["ordinals"]
    # the verb of own losses counts only people ("lost two vehicles" is no toll)
    assert DATA["own_losses"]["verbs"] in DATA["kinds"]["killed"]["person_only"]
    assert DATA["toll"]["superseded_words"] and not set(DATA["toll"]["superseded_words"]) & set(DATA["toll"]["rise_words"])


def test_every_casualty_group_pattern_compiles_and_kin_and_ranks_have_a_category():
    from strife.extract.lexicon import LEXICON, load_data

    groups = load_data("groups.json")["categories"]
    assert len({g["category"] for g in groups}) == len(groups)
    for g in groups:
        for p in g["patterns"]:
            re.compile(p)
    expected = {"his wife": "civilians", "a neighbour": "civilians", "their teenage son": "civilians",
                "a lieutenant": "security forces", "two constables": "security forces", "his bodyguard": "civilians",
                "four pupils": "civilians", "a vigilante": "auxiliaries"}
    assert {g: LEXICON.group_category(g) for g in expected} == expected


def test_a_capitalised_unit_word_that_begins_a_name_of_people_is_a_count():
    assert summary("Four Village Defence Force members were killed.") == [("killed", 4, "Village Defence Force members")]
    assert summary("Two District officials were shot dead.") == [("killed", 2, "District officials")]
    # a unit word still measures a place when no people follow it
    assert summary("Gunmen raided two villages and killed five people.") == [("killed", 5, "people")]


def test_a_relative_clause_between_a_subject_and_its_passive_verb():
    assert summary("Three farmers who refused to pay the levy were shot dead.") == [("killed", 3, "farmers")]
    # the relative clause's own casualty verb keeps its object, and the main verb is no casualty
    assert summary("Gunmen who killed two villagers were arrested.") == [("killed", 2, "villagers")]


# -- wire-copy tellings (devset8 stop): every sentence written for these tests ---------------

def test_victims_between_a_verb_and_to_death_are_killed():
    (c,) = read("A mob beat four suspected thieves to death outside the market.")
    assert (c.kind, c.quantity.best, c.group) == ("killed", 4, "suspected thieves")
    (c,) = read("Attackers hacked two farmers to death in their fields.")
    assert (c.kind, c.quantity.best) == ("killed", 2)


def test_a_verb_that_raises_the_toll_leads_it():
    found = read("Three more bodies were pulled from the rubble, bringing the toll to 17.")
    toll = [c for c in found if c.quantity.best == 17]
    assert toll and toll[0].text.startswith("bringing the toll")
    (c,) = [c for c in read("A wounded guard died on Monday, raising the company's losses to six.") if c.quantity.best == 6]
    assert c.kind == "killed" and "raising" in c.text
    # 'losses' is a toll only after such a verb
    assert not [c for c in read("The firm reported losses of 40 million dollars.") if c.kind == "killed"]


def test_a_figure_in_quotes_is_read_as_the_figure():
    (c,) = read("The ministry said 'more than 60' rebels had been killed.")
    assert (c.kind, c.quantity.best, c.group) == ("killed", 60, "rebels")
    # a quoted sentence of more than four words keeps its quotes: the quote marks are not stripped from it
    from strife.extract.counts import _QUOTED_WORD
    assert not _QUOTED_WORD.search('He said "they shot my brother and his sons" that night.')


def test_an_ordinal_with_an_appositive_is_one_more_death():
    (c,) = read("A fifth worker, the foreman, died of his wounds on Sunday.")
    assert (c.kind, c.quantity.best, c.group) == ("killed", 1, "A fifth")


def test_a_source_named_with_its_acronym_or_a_relative_clause_is_the_source():
    (c,) = read("The Committee for Human Rights (CHR) said on Monday that 14 bodies had been found.")
    assert c.by == "Committee for Human Rights"
    (c,) = read("A nurse, who asked not to be named, said nine people had died.")
    assert c.by == "nurse"
    (c,) = read("A farmer who fled the village said nine people had died.")
    assert c.by is None  # the head of a restrictive relative is out of reach


def test_the_attacker_as_the_subject_of_a_death_verb_is_one_more():
    assert summary("The gunman was also killed in the exchange of fire.") == [("killed", 1, "The gunman")]
    assert summary("Two guards died at the gate and the assailant also died.") == [("killed", 2, "guards"), ("killed", 1, "the assailant")]
    # an attacker who fled or is sought is no death
    assert summary("The attacker fled on foot and police said the bomber had not been identified.") == []


def test_a_group_told_along_with_the_dead_is_summed():
    assert summary("Six bandits were killed, along with a vigilante, residents said.") == [("killed", 6, "bandits"), ("killed", 1, "vigilante")]
    assert summary("The ambush killed two soldiers along with their driver.") == [("killed", 2, "soldiers"), ("killed", 1, "driver")]
    assert summary("The raid killed the driver and two passengers.") == [("killed", 1, "driver"), ("killed", 2, "passengers")]


@pytest.mark.parametrize("sentence", [
    "A protester died after the pickup he was riding in crashed into a wall.",
    "One marcher died in a road accident on the way home from the rally.",
    "Two elderly supporters died of heat exhaustion while they waited for the speech.",
    "An officer died when his motorbike skidded on the wet road near the roadblock.",
    "Nine people died in a crush at the gates of the aid depot on Friday.",
])
def test_road_deaths_and_heat_at_a_protest_are_no_toll(sentence):
    assert [c for c in read(sentence) if c.kind == "killed"] == []


def test_a_crash_caused_by_a_mine_or_fire_is_still_a_toll():
    assert summary("Three soldiers died when their truck overturned after it was hit by a rocket.") == [("killed", 3, "soldiers")]
    assert summary("Four policemen were killed when their vehicle struck a landmine and overturned.") == [("killed", 4, "policemen")]


def test_one_victim_named_by_a_person_noun_and_a_name():
    assert summary("Gunmen on a motorbike shot dead lawyer Rosa Quispe outside the courthouse.") == [
        ("killed", 1, "lawyer Rosa Quispe")]
    assert summary("Residents mourned the killing of village chief Tun Aung on Friday.") == [
        ("killed", 1, "village chief Tun Aung")]
    # a number after the verb is the figure, and a bare name is not read as a victim
    assert summary("The killing of three teachers in Kasese shocked the town.") == [("killed", 3, "teachers")]
    assert summary("Militants killed Saturday in the raid were buried.") == []


def test_an_arrest_over_a_killing_does_not_carry_its_toll():
    assert summary("Police detained four men on Monday in connection with the murder of two traders.") == [("arrested", 4, "men")]
    assert summary("Police questioned a soldier over the killing of a student.") == []
    # a sentence handed down for a killing dates it: the killing is an event of its own, with its toll
    assert summary("A court sentenced two soldiers for the killing of four miners.") == [("killed", 4, "miners")]
    # the killing told for itself keeps its figure
    assert summary("Relatives protested over the killing of two fishermen.") == [("killed", 2, "fishermen")]


def test_a_name_is_not_read_in_text_set_in_capitals():
    # every word of a wire story in capitals looks like a name: "THE KILLING OF PEASANTS IN THE AREA" names no one
    assert summary("THEY CONDEMNED THE KILLING OF PEASANTS IN THE AREA.") == []
    assert summary("THE MURDER OF MAGISTRATE CARLOS VALENCIA LED THE JUDGES TO PROTEST.") == []


def test_guardsmen_a_passer_by_and_a_wounded_man_told_with_his_age_are_counted():
    assert summary("Officials said three guardsmen and at least two attackers were killed.") == [
        ("killed", 3, "guardsmen"), ("killed", 2, "attackers")]
    assert ("killed", 1, "passer-by") in summary("A mine hit the truck, killing four soldiers and a passer-by.")
    assert [c.quantity.best for c in read("A nurse said that one of the wounded, a 12-year-old girl, had died.")
            if c.kind == "killed"] == [1]


def test_a_group_said_on_its_channel_that_it_killed_is_a_kill_claim():
    from strife.extract.tolls import mark_kill_claim

    text = "The rebels said on Telegram that they had killed more than 40 soldiers."
    assert any(mark_kill_claim(c, text).kill_claim for c in find_casualties(text))
    text = "The movement said in a statement that it had killed 12 militiamen."
    assert any(mark_kill_claim(c, text).kill_claim for c in find_casualties(text))


def test_dissidents_are_attackers_and_recruits_security_forces():
    from strife.extract.lexicon import LEXICON

    assert LEXICON.group_category("three dissidents") == "attackers"
    assert LEXICON.group_category("nine police recruits") == "security forces"
    assert LEXICON.group_category("two guardsmen") == "security forces"


def test_a_suicide_bomber_who_blew_himself_up_is_one_more_dead():
    assert summary("A suicide bomber blew himself up outside the court, killing three policemen.") == [
        ("killed", 1, "A suicide bomber"), ("killed", 3, "policemen")]
    # an attacker only told as the subject of the blast's verb, not one "blew up" a bridge
    assert summary("Insurgents blew up a bridge near the town.") == []
