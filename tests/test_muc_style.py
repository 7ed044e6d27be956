"""Extraction from MUC-style wire copy (upper case, radio-transcript style): case
restored to people's names and wrapped names, named victims and perpetrators, targets
as coders mark them. Texts are invented in the style of the corpus."""


from strife.extract.facts import find_targets
from strife.extract.lexicon import LEXICON, load_data
from strife.truecase import person_name_spans, restore_case


def test_person_names_get_their_capitals_and_offsets_stay():
    text = ("ATTORNEY GENERAL ROBERTO GARCIA ALVARADO WAS KILLED. COLONEL BENAVIDES SAID. "
            "MARIA DE LA CRUZ DIED. THE ANGEL OF PEACE.")
    cased = restore_case(text)
    assert len(cased) == len(text)
    assert "Roberto Garcia Alvarado was killed" in cased
    assert "Colonel Benavides said" in cased  # title rule; "said" is no surname
    assert "Maria de la Cruz died" in cased
    assert "angel of" in cased  # a given name alone stays a word


def test_names_wrapped_over_a_line_are_cased():
    text = "TERRORISTS OF THE FARABUNDO MARTI\nNATIONAL LIBERATION FRONT ATTACKED THE BRIDGE."
    cased = restore_case(text)
    assert "Farabundo Marti\nNational Liberation Front" in cased and len(cased) == len(text)


def test_english_words_that_are_aliases_keep_their_case():
    assert "LeT" not in restore_case("THEY WOULD NOT LET THE PEASANTS GO.")


def test_name_runs_stop_at_punctuation_and_roles():
    lowered = "jose perez, the mayor, and carlos lopez said"
    words = [lowered[s:e] for s, e in person_name_spans(lowered)]
    assert words == ["jose", "perez", "carlos", "lopez"]


def test_targets_as_coders_mark_them():
    hits = [h.text for h in find_targets(
        "Guerrillas dynamited the headquarters of the Salvadoran workers federation in San Salvador, "
        "and the Las Canas bridge was destroyed.", 0)]
    assert hits == ["headquarters of the Salvadoran workers federation", "Las Canas bridge"]


def test_people_data_loads_and_is_consistent():
    people = load_data("people.json")
    names = load_data("person_names.json")
    assert {"harmed_deps", "acting_deps", "speech_words", "undergoer_verbs", "place_words"} <= set(people)
    assert not set(people["harmed_deps"]) & set(people["acting_deps"])
    assert all(w == w.lower() for w in names["given_names"] + names["titles"] + names["not_surnames"])
    assert not set(names["given_names"]) & set(names["not_surnames"])
    ambiguous = load_data("actors.json")["case_ambiguous_aliases"]["aliases"]
    assert all(a not in LEXICON.cased_names for a in ambiguous)


def test_wire_report_names_victim_and_perpetrators(code):
    text = ("SAN SALVADOR, 3 JAN 90 -- [TEXT] JOURNALIST JOSE ANTONIO MARTINEZ WAS KIDNAPPED "
            "YESTERDAY BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN "
            "SAN MIGUEL DEPARTMENT.\n")
    events = code(text, published="1990-01-03")
    kidnap = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert kidnap, [(e.event_type, e.sub_event_type) for e in events]
    event = kidnap[0]
    assert "Jose Antonio Martinez" in event.victims or "JOSE ANTONIO MARTINEZ" in event.victims
    assert event.actor1 is not None and event.actor1.name.startswith("FMLN")
    perpetrators = [ev.quote for ev in event.evidence if ev.field == "perpetrators"]
    assert perpetrators and perpetrators[0].upper() == "TERRORISTS"
    victim_ev = next(ev for ev in event.evidence if ev.field == "victims" and "MARTINEZ" in (ev.quote or ""))
    assert text[victim_ev.start : victim_ev.end] == victim_ev.quote
