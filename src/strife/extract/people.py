"""People named in an incident's clause, and on which side they stand.

MUC-style keys list the victims and perpetrators by name ("Ignacio Ellacuria",
"Colonel Benavides"); ACLED-style counts do not need them, but a record that names who
was harmed is worth more. Read from spaCy's PERSON entities and their place in the
parse: the object of the act or the subject of a passive ("X was killed") was harmed;
the subject of an active act did it; a speaker ("X said") is neither.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from strife.extract.lexicon import LEXICON, Hit, load_data

_ROLES = load_data("people.json")
SPEECH = frozenset(_ROLES["speech_words"])
HARMED_DEPS = frozenset(_ROLES["harmed_deps"])
ACTING_DEPS = frozenset(_ROLES["acting_deps"])
NOT_VICTIM_BEFORE = tuple(_ROLES["not_victim_before"])
UNDERGOERS = frozenset(_ROLES["undergoer_verbs"])
PLACE_WORDS = frozenset(_ROLES["place_words"])
HARM_WORDS = frozenset(_ROLES["harm_words"])
HARM_PREPOSITIONS = frozenset(_ROLES["harm_prepositions"])
PASSIVE_HARM = re.compile(_ROLES["passive_harm_after"], re.I | re.S)
TITLES = frozenset(load_data("person_names.json")["titles"])


def _governors(span: Span, depth: int = 4):
    tok = span.root
    for _ in range(depth):
        if tok.head is tok:
            return
        tok = tok.head
        yield tok


def _spoken(span: Span) -> bool:
    return span.root.head.lower_ in SPEECH and span.root.dep_ in ("nsubj", "nsubjpass")


def people_in(doc: Doc, start: int, end: int) -> list[Hit]:
    """PERSON entities inside [start, end), each a Hit of kind 'victim' or 'perpetrator'
    (others, such as the sources of the news, are left out)."""
    hits = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start_char < start or ent.end_char > end:
            continue
        if len(ent.text) < 4 or ent.text.isupper():
            continue  # an acronym tagged as a person is a group
        words = ent.text.split()
        titled = doc.text[max(start, ent.start_char - 12) : ent.start_char].lower().split()[-1:] in [[t] for t in TITLES]
        if (len(words) < 2 and not titled) or words[-1].lower() in PLACE_WORDS:
            continue  # one capitalised word is as often a place whose case was restored as a surname
        before = doc.text[max(start, ent.start_char - 25) : ent.start_char].lower()
        if _spoken(ent) or before.rstrip().endswith(NOT_VICTIM_BEFORE):
            continue
        dep = ent.root.dep_
        # a name inside an apposition or a conjunction takes the role of its anchor
        anchor = ent.root
        while anchor.dep_ in ("appos", "conj", "compound") and anchor.head is not anchor:
            anchor = anchor.head
            dep = anchor.dep_
        head = anchor.head
        # the whole name, where the parser's entity stopped short of a capitalised surname
        last = ent.end
        while last < len(doc) and last < ent.end + 2 and doc[last].is_title and doc[last].is_alpha and doc[last].idx < end:
            last += 1
        span_end = doc[last - 1].idx + len(doc[last - 1].text)
        name = doc.text[ent.start_char : span_end]
        if dep == "pobj" and head.lower_ == "by":
            hits.append(Hit("perpetrator", ent.start_char, span_end, name))
        elif dep == "pobj":
            # "the murder of X", "an attack on X": the preposition hangs on the act
            if head.lower_ in HARM_PREPOSITIONS and _harm_word(head.head):
                hits.append(Hit("victim", ent.start_char, span_end, name))
        elif (dep in HARMED_DEPS and _harm_word(head)) or (dep == "nsubj" and head.lower_ in UNDERGOERS):
            hits.append(Hit("victim", ent.start_char, span_end, name))
        elif dep == "dobj" and head.lower_ in SPEECH and PASSIVE_HARM.match(doc.text, span_end, end):
            # "the report indicates X and Y ... were abducted": the parser hung the clause's
            # subject on the verb of speech
            hits.append(Hit("victim", ent.start_char, span_end, name))
        elif dep in ACTING_DEPS and LEXICON.has_event_signal(head.text):
            # the subject of the act itself ("X murdered the judge"), not of any verb
            hits.append(Hit("perpetrator", ent.start_char, span_end, name))
    return hits


def _harm_word(token) -> bool:
    return token.lower_ in HARM_WORDS or LEXICON.has_event_signal(token.text)


def named(mentions, kind: str) -> list[Hit]:
    """The people of `kind` ('victim' or 'perpetrator') named across an incident's
    mentions, each once, in reading order."""
    out: list[Hit] = []
    for m in mentions:
        for p in m.people:
            if p.kind == kind and all(p.text.lower() != o.text.lower() for o in out):
                out.append(p)
    return out
