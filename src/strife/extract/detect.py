"""Detect event mentions: clauses of a sentence that report a happening, and how.

A sentence often carries more than one incident ("BLA threatened attacks following
Pakistan's Jan. 18 strikes in Iran, which killed nine"), so a sentence is cut into
clauses at the words that introduce another happening ("following", "in response to",
"; but"). Each clause with a trigger is a Mention, with what its cues say about it:
a trend or a threat is dropped here; background, a new incident, a correction or a
claim of responsibility are kept as flags for assembly to weigh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from strife.extract.dates import OFFSET_UNITS, DateMention
from strife.extract.lexicon import LEXICON, Hit, load_data
from strife.extract.people import people_in
from strife.extract.states import STATES

# "…on Monday, a week before a bomb exploded in Kano": a span of time (dates.json
# offset_units) then "before" opens a clause about another happening; a bare "before" does
# not ("killed him before fleeing").
_UNIT_BEFORE = "|".join(f"(?<={re.escape(u)})" for u in OFFSET_UNITS)
# Where one clause ends and a clause about another happening begins. Relative clauses
# ("…, which killed nine") describe the happening before them and are not cut off.
# Nor is "after" with a gerund ("killed 8,000 men after overrunning the enclave in July 1995"): the same actors' act
# leading up to the one told, whose date it may hold.
CLAUSE_BOUNDARY = re.compile(
    rf"(?:(?:{_UNIT_BEFORE})\s+(?=before\s)|"
    r"[;:]\s+|,?\s+but\s+|,\s+and\s+(?=[A-Z])|\s+(?=following\s)|\s+(?=after\s(?!the\s+(?:attack|bombing|blast))(?![a-z]+ing\s))|"
    # "…signed a peace accord on Monday, | ending months of fighting over land": the period the accord ends, a lead-up
    # (cues.json period_lead), not the accord's own happening
    r",\s+(?=ending\s)|"
    r"\s+(?=in\s+response\s+to\s)|\s+(?=in\s+retaliation\s)|\s+(?=(?:an\s+apparent\s+)?retaliation\s+for\s)|"
    # "…gathered on Sunday to mark 30 years since the massacre, in which 800 were killed": what is
    # commemorated is another (old) happening; cues.json clause_trend drops that clause; so is the
    # anniversary told after the day ("…in Kuta on Sunday, the 23rd anniversary of the attacks that killed 202")
    r"\s+(?=(?:to\s+mark|marking|to\s+commemorate|commemorating)\s)|"
    r",\s+(?=(?:the|its|their)\s+(?:[\w-]+\s+){0,2}anniversary\s+of\s)|"
    # "…gathered on Tuesday for a vigil | to mourn nine policemen killed in Monday's bombing in Bannu": the
    # deaths mourned are another happening, with their own day and place
    r"\s+(?=to\s+mourn\s)|"
    # "The jihadists took control of the town and on Sunday set up a headquarters": an act told with a day of its
    # own after "and" is another happening (assemble.py weighs whether it is another event)
    r",?\s+and\s+(?=(?:then\s+|later\s+)?on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))",
    re.I,
)
# A trigger preceded by a definite determiner within a few words refers back to an
# incident already told ("the overnight attacks", "the rocket and gun attacks").
ANAPHORIC_BEFORE = re.compile(
    # ("this week in a recruitment drive": a determiner of a time word refers to no incident)
    r"(?:^|\W)(?:the|those|these|this|that|such|both)\s+(?!(?:week|weekend|month|year|morning|afternoon|evening|night|time)\b)(?:[\w'’.-]+\s+){0,3}$", re.I
)
# A day the sentence gives its happening: a weekday, or a day and a month ("on 14 March")
DAY_TOLD = re.compile(
    r"\b(?:on|last|this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\bon\s+\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
SAID_BEFORE = re.compile(r"\b(?:said|say|says|told|reported|announced|added|stated|confirmed)\s+$", re.I)
# "Police on Wednesday said 73 people had been killed in the past month": the day of the telling
SAID_AFTER = re.compile(r"^\s*,?\s*(?:said|says|told|reported|announced|added|stated|confirmed|released|published|issued|updated)\b", re.I)
PLANNED_REACH = 30  # characters between a "threatened to"/"vowed to" cue and its trigger


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    triggers: list[Hit]
    cues: dict[str, Hit] = field(default_factory=dict)
    anaphoric: bool = False
    referring: frozenset[int] = frozenset()  # triggers written as references ("the rally")
    # the definite subject of the clause's first act ("the militants had fired rockets"): its head word (lower
    # case) over the span of the whole subject phrase ("The attackers, from the X front of the EMC,")
    subject: Hit | None = None
    people: list[Hit] = field(default_factory=list)  # named victims and perpetrators (extract.people)

    @property
    def signals(self) -> set[str]:
        return {t.kind for t in self.triggers}

    def own_signals(self) -> set[str]:
        """Signals of triggers that tell a happening, not refer back to one."""
        return {t.kind for i, t in enumerate(self.triggers) if i not in self.referring}

    def has(self, cue: str) -> bool:
        return cue in self.cues


def _modifier(doc: Doc, trigger: Hit) -> bool:
    """A participle that describes a noun ("detained classmates", "the wounded men")
    tells no new happening in this clause."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span.root.dep_ == "amod" and span.root.tag_ in ("VBN", "JJ")


DEFINITE = ("the", "these", "those")


def _definite_subject(doc: Doc, triggers: list[Hit], referring: frozenset[int]) -> Hit | None:
    """The subject of the act the clause's first trigger tells, when it is a definite noun phrase ("the militants
    had fired rockets", "The attackers, from the X front, detonated explosives"): someone already told, whom
    assembly may match to the incident being told. Through a coordinated or infinitive verb to the subject of
    its head ("the gunmen stormed the post and set off a bomb")."""
    first = next((t for i, t in enumerate(triggers) if i not in referring), None)
    span = doc.char_span(first.start, first.end, alignment_mode="expand") if first is not None else None
    if span is None:
        return None
    verb, subject = span.root, None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            break
        verb = verb.head
    if subject is None or subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children):
        return None
    words = list(subject.subtree)
    return Hit("subject", words[0].idx, words[-1].idx + len(words[-1].text), subject.lower_)


def _nominal(doc: Doc, trigger: Hit) -> bool:
    """A reference is a noun phrase ("the attacks"); "the RSF shelled" tells a new act."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is None or span.root.pos_ in ("NOUN", "PROPN", "ADJ")


def _gerund(doc: Doc, trigger: Hit) -> bool:
    """A verb's -ing form ("accused of killing"), which after a charge names the act charged, not one told."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "VBG"


def _cue_hits(name: str, text: str, offset: int) -> list[Hit]:
    return [
        Hit(name, m.start() + offset, m.end() + offset, m.group(0))
        for m in LEXICON.cue_patterns[name].finditer(text)
    ]


def clauses(sentence: str, offset: int) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in CLAUSE_BOUNDARY.finditer(sentence):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(sentence)))
    out = []
    for s, e in spans:
        piece = sentence[s:e]
        if piece.strip():
            # trimmed, so that a clause's span is exactly its words (blanked furniture
            # before a sentence is spaces the parser folded into it)
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            out.append((offset + s, offset + e))
    return out


def _planned(trigger: Hit, planned_cues: list[Hit]) -> bool:
    return any(
        (c.start <= trigger.start < c.end) or (0 <= trigger.start - c.end <= PLANNED_REACH)
        for c in planned_cues
    )


def _tells_its_day(sentence: str) -> bool:
    """The sentence dates its happening to a day ("protested on Wednesday"), not only its
    telling ("officials said on Monday")."""
    return any(
        not SAID_BEFORE.search(sentence, 0, m.start()) and not SAID_AFTER.match(sentence, m.end())
        for m in DAY_TOLD.finditer(sentence)
    )


# a date no longer than this tells one incident's day or month ("in April"), not a period ("since 2021", "this year")
INCIDENT_SPAN_DAYS: int = load_data("assembly.json")["background_max_span_days"]


def _dates_another_clause(s_text: str, s_start: int, dates: list[DateMention]) -> bool:
    """A clause of the sentence free of the trend cue tells a dated incident: in "Marib has been the scene of heavy
    fighting since 2021, and in January a missile strike on a mosque killed four" the trend is the first clause's,
    and the strike in January is an incident of its own (its clause is read; the trend's is not)."""
    for c_start, c_end in clauses(s_text, s_start):
        if _cue_hits("trend", s_text[c_start - s_start : c_end - s_start], c_start):
            continue
        if any(c_start <= d.start < c_end and d.date is not None
               and ((d.date_end or d.date) - d.date).days <= INCIDENT_SPAN_DAYS for d in dates):
            return True
    return False


def _tells_incident_of_its_own(doc: Doc, c_start: int, c_end: int, has_count: bool, dates: list[DateMention]) -> bool:
    """The clause gives a toll, a date no longer than one incident's (a day or a month, not
    "since 2021") or a place (a town, a region, a country): what a trial's or a charge's
    wording needs before it tells an incident rather than a crime in law."""
    return (has_count
            or any(c_start <= d.start < c_end and d.date is not None
                   and ((d.date_end or d.date) - d.date).days <= INCIDENT_SPAN_DAYS for d in dates)
            or any(c_start <= e.start_char < c_end and e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents))


def _habit_aside(c_text: str, c_start: int) -> int | None:
    """Where a trailing aside that likens the clause's happening to a habit begins ("…, as
    they have every week since January"), when it holds all of the clause's trend cues."""
    aside = LEXICON.cue_patterns["habit_aside"].search(c_text)
    if aside is None:
        return None
    if any(h.start < c_start + aside.start() for h in _cue_hits("trend", c_text, c_start)):
        return None  # a trend told before the aside: the clause itself is the habit
    return c_start + aside.start()


# a clause cut before "after" ("…on Tuesday, two days | after gunmen killed 23"): cues.json background_lead_after
_AFTER_CLAUSE = re.compile(r"(?:after|following)\s", re.I)


def _background_lead(text: str, sentence_start: int, c_start: int) -> re.Match | None:
    """The words before a clause that date it back (cues.json background_lead): "The strike came a day after | …";
    before a clause that opens with "after", a span of time told after the day's news is enough too ("Hundreds
    marched on Tuesday, two days | after gunmen killed 23 people": background_lead_after)."""
    lead = text[sentence_start:c_start]
    if found := LEXICON.cue_patterns["background_lead"].search(lead):
        return found
    if _AFTER_CLAUSE.match(text, c_start):
        return LEXICON.cue_patterns["background_lead_after"].search(lead)
    return None


def _news_before_the_court(c_text: str, c_start: int, triggers: list[Hit], judicial: Hit) -> bool:
    """"Thousands demonstrated on Sunday against a bill that would pardon people convicted over the riots": every
    happening of the clause is told, with its day, before the court's words, which speak of other people; the clause
    is the day's news, not a trial's. A trigger after the court's words ("sentenced two men for the 2022 bombing")
    or no day told before them ("men who bombed a bus in 2021 were sentenced on Tuesday") keeps it a trial's."""
    if not triggers:
        return False
    before_kinds = {t.kind for t in triggers if t.end <= judicial.start}
    # "protested outside the court on Tuesday as the trial of 40 people opened, chanting slogans": more words of the
    # same happening after the court's (the chanting of the protest told before them) keep it the day's news
    if not before_kinds or any(t.end > judicial.start and t.kind not in before_kinds for t in triggers):
        return False
    before = c_text[: judicial.start - c_start]
    return any(not SAID_BEFORE.search(before, 0, m.start()) and not SAID_AFTER.match(before, m.end())
               for m in DAY_TOLD.finditer(before))


def _death_word(trigger: Hit) -> bool:
    """A word that only tells a death ("killing", "died"), even where it is also read as an attack: "a bus plunged
    into a ravine, killing 14" is no attack."""
    return LEXICON.signal_patterns["kill"].fullmatch(trigger.text) is not None


def _accident_sentence(sentence: str, offset: int) -> bool:
    """A sentence that tells an accident (cues.json accident) and no happening of violence: a clause of it that only
    carries a toll ("..., injuring six people") counts the accident's casualties, since the accident's own clause is
    the one the cue is in (clauses are cut at the comma)."""
    return bool(_cue_hits("accident", sentence, offset)) and all(
        t.kind in LEXICON.weak_signals or _death_word(t) for t in LEXICON.triggers(sentence, offset)
        if not LEXICON.sentence_masked(t, sentence, offset))


def _barrage_at_a_country(c_text: str) -> bool:
    """A count of launches aimed at a whole country (cues.json barrage_tally), not at a place in it."""
    for m in LEXICON.cue_patterns["barrage_tally"].finditer(c_text):
        target = m.group("target")
        # the country's name itself: not a demonym ("at the Israeli town of Sderot") nor a part ("at Israel's south")
        if target.lower() == "the country" or any(hit.text == target.removeprefix("the ") and not STATES.is_demonym(hit.text)
                                                  for _, hit in STATES.mentioned(target)):
            return True
    return False


def _strike_word(trigger: Hit) -> bool:
    """A stoppage's own word ("general strike", "walkout"), which tells no gathering (cues.json strike_words)."""
    return trigger.kind in ("protest", "strike_noun") and LEXICON.cue_patterns["strike_words"].fullmatch(trigger.text) is not None


# the signals of one person killing or attacking another: a personal crime's words (cues.json personal_crime)
PERSONAL_CRIME_SIGNALS = frozenset({"attack", "kill"})


def _strong(triggers: list[Hit], has_count: bool, text: str, offset: int) -> bool:
    kinds = {t.kind for t in triggers}
    if kinds - LEXICON.weak_signals:
        return True
    if "strike_noun" in kinds and STATES.acting_state(text, offset, triggers) is not None:
        return True  # "an Iranian strike", "strikes by Pakistan": a state's strike, not a walkout
    return has_count and bool(kinds & {"kill", "strike_noun", "looting"})


def detect(doc: Doc, text: str, count_spans: list[tuple[int, int]], dates: list[DateMention] = ()) -> list[Mention]:
    """Every clause of the analysed text that reports a happening, in reading order.

    `count_spans` are the offsets of casualty statements found in the text: a clause
    with a count and only a weak trigger ("12 people died") is still an incident. `dates` are
    the text's dates: a sentence with a trend cue is still read when another clause is dated.
    """
    mentions: list[Mention] = []
    # "the union did not call any march or rally": the report's strike is told by who stayed away (cues.json no_gathering)
    no_gathering = LEXICON.cue_patterns["no_gathering"].search(text) is not None
    # "A man shot dead his neighbour ...": the report's crime is a personal one, and its charge ("was charged with
    # murder") names that crime again (cues.json personal_crime)
    personal_crime = LEXICON.cue_patterns["personal_crime"].search(text) is not None
    for sent in doc.sents:
        s_text = sent.text
        if not s_text.strip():
            continue
        sentence_cues = {
            name: hits[0]
            for name in ("trend", "hypothetical", "new_incident", "new_incident_later", "responsibility_claim", "responsibility_none")
            if (hits := _cue_hits(name, s_text, sent.start_char))
        }
        # a published count in the sentence: its clauses dated to a month or a year are the statistic's
        tally = bool(_cue_hits("tally_source", s_text, sent.start_char))
        told_as_example = False
        # "A mob beat a driver to death near Hathin, police said on Wednesday, the latest in a string of attacks by
        # vigilantes": a lede that dates its happening only in a later paragraph, with the series in a trailing aside
        # after it, tells that happening; the aside is cut off clause by clause below (every trend cue lies in it)
        trend_in_aside = "trend" in sentence_cues and _habit_aside(s_text, sent.start_char) is not None
        if "trend" in sentence_cues and not trend_in_aside and not _tells_its_day(s_text):
            if not _dates_another_clause(s_text, sent.start_char, dates):
                # "In recent years, militants often attack…": a trend, not an incident; but "retirees
                # protested on Wednesday, as they have every week since January" tells that day's protest
                continue
            # "Plateau has seen repeated attacks this year: at least 52 people were killed in Bokkos in April": the
            # dated clause is an example of the trend, an earlier incident told for context
            told_as_example = True
        for c_start, c_end in clauses(s_text, sent.start_char):
            c_text = text[c_start:c_end]
            if "trend" in sentence_cues and _cue_hits("trend", c_text, c_start):
                # the day told keeps the sentence, not a clause that sums a period: in "the attack on
                # Sunday was the latest in a series of attacks that have killed 100 people" the 100 are
                # no one day's toll; a habit told in an aside after the day's happening is cut off
                aside = _habit_aside(c_text, c_start)
                if aside is None:
                    continue
                c_end = aside
                c_text = text[c_start:c_end]
            if _cue_hits("clause_trend", c_text, c_start):
                # "…gathered on Saturday | to mark six years since the 2019 uprising, banging pots and calling for the
                # release of prisoners": what the crowd did beside the anniversary is the day's happening
                demand = LEXICON.cue_patterns["anniversary_demand"].search(c_text)
                if demand is None:
                    continue  # "after a week of protests in which 150 people have been killed"
                c_start += demand.end()
                c_text = text[c_start:c_end]
            if tally and _cue_hits("tally_period", c_text, c_start):
                continue  # "According to a report released on Monday, 48 personnel were killed in the province in October"
            if _cue_hits("period_lead", c_text, c_start) and not any(c_start <= s < c_end for s, _ in count_spans):
                continue  # "…signed a truce on Monday after weeks of fighting over grazing land": the lead-up, no incident
            accident = _cue_hits("accident", c_text, c_start)
            planned = _cue_hits("planned", c_text, c_start)
            denial = _cue_hits("denial_of", c_text, c_start)
            triggers = [
                t for t in LEXICON.triggers(c_text, c_start)
                if not _planned(t, planned) and not _modifier(doc, t)
                and not any(d.end <= t.start for d in denial)  # "denied reports that troops had shelled"
                and not LEXICON.sentence_masked(t, s_text, sent.start_char)
            ]
            if no_gathering and triggers and all(_strike_word(t) for t in triggers):
                continue  # "The CGT staged a general strike on Thursday", with no march or rally: a stoppage, no gathering
            # (the sentence's: "a farmer shot dead a trader | after an argument over a debt" is cut at "after")
            if triggers and _cue_hits("personal_crime", s_text, sent.start_char) \
                    and all(t.kind in PERSONAL_CRIME_SIGNALS for t in triggers):
                continue  # "A 52-year-old man shot dead his neighbour after an argument": a personal crime, no armed actor
            has_count = any(c_start <= s < c_end for s, _ in count_spans)
            charges = _cue_hits("charge_list", c_text, c_start)
            if personal_crime and charges and triggers and all(
                    t.kind in PERSONAL_CRIME_SIGNALS and any(c.end <= t.start for c in charges) for t in triggers):
                continue  # "The suspect ... was charged with murder": the personal crime told already, in law
            if charges and not _tells_incident_of_its_own(doc, c_start, c_end, has_count, dates):
                # "He was convicted of murder, persecution and the recruitment of child soldiers": crimes in law; and
                # "rights groups have accused the militia of killing civilians": a charge's gerund names a kind of crime
                triggers = [t for t in triggers if not (any(c.end <= t.start for c in charges) and (_nominal(doc, t) or _gerund(doc, t)))]
                if not triggers:
                    continue
            if not has_count and _barrage_at_a_country(c_text):
                continue  # "Russia launched 48 drones and two missiles at the country overnight": a night's tally
            claim = "responsibility_claim" in sentence_cues or "responsibility_none" in sentence_cues
            if not triggers and not has_count and not claim:
                continue
            if triggers and not _strong(triggers, has_count, c_text, c_start) and not claim:
                continue
            if not triggers and planned and not has_count:
                continue
            if accident and all(t.kind in LEXICON.weak_signals or _death_word(t) for t in triggers):
                continue  # "45 people were killed when a dam burst": an accident, whatever its toll
            if not triggers and _accident_sentence(s_text, sent.start_char):
                continue  # "A gas cylinder blast destroyed two shops, | injuring six people": the toll of the accident
            cues = dict(sentence_cues)
            for name in ("background", "correction", "denied", "negated", "state_account", "judicial", "period_lead"):
                if hits := _cue_hits(name, c_text, c_start):
                    cues[name] = hits[0]
            if "judicial" in cues and _news_before_the_court(c_text, c_start, triggers, cues["judicial"]):
                del cues["judicial"]
            if "judicial" in cues and not _tells_incident_of_its_own(doc, c_start, c_end, has_count, dates):
                continue  # "The prosecutor said the men had attacked a polling station": a trial's charge, no incident told
            if told_as_example and "background" not in cues:
                trend = sentence_cues["trend"]
                cues["background"] = Hit("background", trend.start, trend.end, trend.text)
            if "background" not in cues and (lead := _background_lead(text, sent.start_char, c_start)):
                # "The strike came a day after | a missile attack on Sumy killed 35": dated back by the clause before
                cues["background"] = Hit("background", sent.start_char + lead.start(), sent.start_char + lead.end(), lead.group(0))
            if "hypothetical" in cues and not has_count:
                continue
            referring = frozenset(
                i for i, t in enumerate(triggers)
                if ANAPHORIC_BEFORE.search(text[max(c_start, t.start - 60) : t.start]) and _nominal(doc, t)
            )
            anaphoric = bool(triggers) and 0 in referring
            mentions.append(
                Mention(
                    start=c_start,
                    end=c_end,
                    text=c_text,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    triggers=triggers,
                    cues=cues,
                    anaphoric=anaphoric,
                    referring=referring,
                    subject=_definite_subject(doc, triggers, referring) if triggers else None,
                    people=people_in(doc, c_start, c_end) if {t.kind for t in triggers} & (LEXICON.violent_signals | {"arson"}) else [],
                )
            )
    return mentions
