"""Fill a mention: the facts its own clause states, each with its span.

Dates, casualty statements and places are found once over the whole text (by
extract.dates, extract.counts and geo.geoparse) and handed out here to the clause that
contains them; weapons, groups, state actors and targets are read from the clause.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS

from strife.extract.counts import Casualty
from strife.extract.dates import DateMention, find_offsets, shift_date
from strife.extract.detect import Mention
from strife.extract.lexicon import LEXICON, Hit, NamedGroup, load_data
from strife.extract.places import locates_another
from strife.extract.states import STATES

ACCUSED_OF = re.compile(r"\b(?:" + "|".join(load_data("actor_groups.json")["accusation_before"]) + r")\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?$", re.I)

_targets = load_data("targets.json")
# Case-sensitive: a target is a common noun ("bank"), not part of a name ("West Bank").
TARGET_NOUNS = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_targets["nouns"], key=len, reverse=True)) + r")(?![\w-])"
)
TARGET_LEAD = re.compile(r"(?<![\w-])(?:" + "|".join(_targets["lead_words"]) + r")\s+", re.I)
TARGET_PASSIVE = re.compile(
    r"((?:[\w.'’-]+\s+){0,3}?(?:" + "|".join(sorted(_targets["nouns"], key=len, reverse=True)) + r"))"
    r"\s+(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?(?:" + "|".join(_targets["passive_verbs"]) + r")\b"
)
TARGET_OF_TAIL = re.compile(_targets["of_tail"])
TARGET_PART = re.compile(r"^(?:(?:at\s+)?least\s+|(?:" + "|".join(_targets["parts"]) + r")\s+of\s+)", re.I)
TARGET_CLAUSE_WORD = re.compile(r"\b(?:when|where|while|although|though|because|which|who|stated|said)\b", re.I)
LEADING_FUNCTION = re.compile(r"^(?:(?:a|an|the|and|or|also|some|several|other|its|their|his|her)\s+)+", re.I)
# "attacked a joint checkpoint of the armed forces", "stormed an army post": an armed target
ARMED_TARGET = re.compile(
    r"(?<![\w-])(?:" + "|".join(_targets["armed_target_leads"]) + r")\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:" + "|".join(sorted(_targets["armed_targets"], key=len, reverse=True)) + r")(?![\w-])",
    re.I,
)


SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|confirmed(?:\s+the\s+\w+)?|reported|statement|added|spokes(?:man|woman|person)\s+said)"
    r"(?:\s+(?:in|at)\s+(?:a|an|the)\s+\w+(?:\s+\w+)?)?\s+(?:late\s+|early\s+)?(?:on|late|early)?\s*$",
    re.I,
)


@dataclass
class MentionFacts:
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    places: list = field(default_factory=list)  # geo PlaceMention
    # of those, the places that say where something else is (the teller, a hospital, a reference: places.locates_another)
    asides: list = field(default_factory=list)
    weapons: list[Hit] = field(default_factory=list)
    groups: list[tuple[NamedGroup, Hit]] = field(default_factory=list)
    state_actor: tuple[str, Hit] | None = None  # (iso2, span) of a state acting: "Pakistan's strikes"
    targets: list[Hit] = field(default_factory=list)
    claim: Hit | None = None
    no_claim: Hit | None = None

    def best_date(self) -> DateMention | None:
        dates = [d for d in self.dates if d.date is not None]
        return min(dates, key=lambda d: (d.precision, d.start), default=None)

    def locating_places(self) -> list:
        """The places that say where the clause's happening was (not its asides)."""
        return [p for p in self.places if not any(p is a for a in self.asides)]


def _inside(start: int, end: int, m: Mention) -> bool:
    return m.start <= start and end <= m.end


SEIZED_BEFORE, SEIZED_AFTER = 50, 80  # characters around a weapon where a seizure is told


def _seized(weapon: Hit, mention: Mention) -> bool:
    """A weapon seized or found in a cache ("an M-16 rifle and ammunition were seized")
    was no instrument of the incident."""
    local = weapon.start - mention.start
    around = mention.text[max(0, local - SEIZED_BEFORE) : local + (weapon.end - weapon.start) + SEIZED_AFTER]
    return LEXICON.seized_re.search(around) is not None

# "set fire to a police station": a crowd that falls on a place the state's forces hold
CROWD_STATE_TARGET = re.compile(
    r"(?<![\w-])(?:" + "|".join(_targets["crowd_target_leads"]) + r")\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:" + "|".join(sorted(_targets["armed_targets"], key=len, reverse=True)) + r")(?![\w-])",
    re.I,
)


def crowd_state_target(text: str) -> bool:
    """Whether the text tells a crowd falling on a place the state's forces hold (targets.json crowd_target_leads)."""
    return CROWD_STATE_TARGET.search(text) is not None


def armed_target(text: str, offset: int = 0) -> Hit | None:
    """An attack on a place armed forces hold (a checkpoint, a base, a patrol), if the
    text tells one: the defenders are an armed side (targets.json armed_targets)."""
    m = ARMED_TARGET.search(text)
    return Hit("armed_target", m.start() + offset, m.end() + offset, m.group(0)) if m else None


def find_targets(text: str, offset: int) -> list[Hit]:
    """Physical targets: a target noun phrase right after an attack word ("attacked
    security facilities", "a bomb targeting a checkpoint", "strikes on their camps")."""
    hits = []
    for lead in TARGET_LEAD.finditer(text):
        window = text[lead.end() : lead.end() + 60]
        noun = TARGET_NOUNS.search(window)
        if noun is None or len(window[: noun.start()].split()) > 4:
            continue
        end = noun.end()
        # "the headquarters of the union federation": the complement is part of the target
        tail = TARGET_OF_TAIL.match(text, lead.end() + end)
        if tail is not None and not TARGET_NOUNS.search(tail.group(0)[:4]):
            end = tail.end() - lead.end()
        hits.append(_target_hit(text, lead.end(), lead.end() + end, offset))
    for m in TARGET_PASSIVE.finditer(text):
        hits.append(_target_hit(text, m.start(1), m.end(1), offset))
    return [h for h in hits if h is not None]


def _target_hit(text: str, start: int, end: int, offset: int) -> Hit | None:
    """The phrase without its leading determiner or conjunction ("and several houses"),
    nor the part of the thing where it was hit ("the top of his vehicle"); none when the
    phrase runs over a clause ("the village when their vehicle")."""
    while True:
        phrase = text[start:end]
        skip = LEADING_FUNCTION.match(phrase) or TARGET_PART.match(phrase)
        if not skip:
            break
        start += skip.end()
    if start >= end or text[start:end].lower() in STOP_WORDS or TARGET_CLAUSE_WORD.search(text[start:end]):
        return None
    return Hit("target", start + offset, end + offset, text[start:end])


CLAUSE_BREAK = re.compile(r"[,;:.!?]|\s(?:said|says|according)\b")


def date_from_anchor(mention: Mention, text: str, published: dt.date | None, dates: list[DateMention]) -> DateMention | None:
    """"Fighters killed seven farmers on Monday, two days after an attack on Gwoza": the
    mention the phrase introduces ("after an attack on Gwoza") is dated from the other
    incident's date (the anchor), two days before it.

    Only when the phrase opens the mention, the incident it tells lies in the phrase's own
    complement (up to the clause's end: in "Two days after the election, protesters
    marched" the complement is the election, no incident, and the march keeps its date),
    the complement gives no date of its own, and the sentence dates an anchor outside the
    mention, before the phrase, else after it."""
    if published is None:
        return None
    sentence = text[mention.sentence_start : mention.sentence_end]
    for by in find_offsets(sentence, mention.sentence_start):
        if not (by.start <= mention.start <= by.connector_start):
            continue
        stop = CLAUSE_BREAK.search(text, by.end, mention.end)
        complement_end = stop.start() if stop else mention.end
        if not any(by.end <= t.start < complement_end for t in mention.triggers):
            return None
        told = [d for d in dates if mention.sentence_start <= d.start < mention.sentence_end and d.date is not None
                and not SPEECH_BEFORE.search(text[max(mention.sentence_start, d.start - 45) : d.start])]
        if any(by.end <= d.start < complement_end for d in told):
            return None  # "two days after an attack on Saturday": the complement's own date
        outside = [d for d in told if not (mention.start <= d.start < mention.end)]
        before = [d for d in outside if d.end <= by.start]
        # a date after the phrase anchors it only when the phrase opens the sentence ("Two days after an attack on
        # Gwoza, fighters killed seven on Monday"); in "The strike came a week after an attack on Kramatorsk, and in
        # February 2023 a missile strike…" the anchor is "the strike", and February 2023 is the other clause's
        opens = not text[mention.sentence_start : by.start].strip(" \t\n\"'“‘(")
        anchor = before[-1] if before else next((d for d in outside if d.start >= complement_end), None) if opens else None
        if anchor is None:
            return None
        shifted = shift_date(anchor, by)
        if shifted.date > published + dt.timedelta(days=1):
            return None  # "a week before the vote": what is still to come is no incident's date
        return shifted
    return None


def fill(
    mention: Mention,
    text: str,
    published: dt.date | None,
    dates: list[DateMention],
    casualties: list[Casualty],
    places: list,
) -> MentionFacts:
    facts = MentionFacts()
    facts.dates = [
        d for d in dates
        if _inside(d.start, d.end, mention)
        # a future date ("next month's election") says when something else will happen
        and not (published and d.date and d.date > published + dt.timedelta(days=1))
        # "police said on Wednesday", "in a statement on Wednesday": when it was told
        and not SPEECH_BEFORE.search(text[max(mention.start, d.start - 45) : d.start])
    ]
    if (court := mention.cues.get("judicial")) is not None:
        # "A court in Dakar on Thursday freed 23 people arrested at a protest on March 8": the day inside the court's
        # words is the court's; the incident is the one the court speaks of
        facts.dates = [d for d in facts.dates if not court.start <= d.start < court.end]
    # a date inside a group's name ("19 April Movement") is no date
    facts.dates = [d for d in facts.dates if not any(h.start < d.end and d.start < h.end for _, h in LEXICON.named_groups_in(mention.text, mention.start))]
    shifted = date_from_anchor(mention, text, published, dates)
    if shifted is not None:
        facts.dates = [shifted]
    facts.casualties = [c for c in casualties if _inside(c.start, c.end, mention) or mention.start <= c.start < mention.end]
    facts.places = [p for p in places if _inside(p.start, p.end, mention)]
    previous = {id(m): prev for prev, m in zip([None] + list(places), places)}
    facts.asides = [p for p in facts.places if locates_another(p, text, previous.get(id(p)))]
    facts.weapons = [w for w in LEXICON.weapons(mention.text, mention.start) if not _seized(w, mention)]
    facts.groups = with_identity_militias(mention.text, mention.start, LEXICON.named_groups_in(mention.text, mention.start))
    # "executed eight villagers, whom they accused of supplying JNIM": a group named as what the victims were accused
    # of is no side of the incident (actor_groups.json accusation_before)
    facts.groups = [(g, h) for g, h in facts.groups
                    if not ACCUSED_OF.search(mention.text[max(0, h.start - mention.start - 90) : h.start - mention.start])]
    facts.state_actor = STATES.acting_state(mention.text, mention.start, mention.triggers)
    if facts.state_actor is not None and any(a.start < facts.state_actor[1].end and facts.state_actor[1].start < a.end for a in facts.asides):
        # "carrying fuel across the border from Iraq when the troops opened fire": a country named to locate
        # where they came from, not the state whose forces acted
        facts.state_actor = None
    facts.targets = find_targets(mention.text, mention.start)
    facts.claim = mention.cues.get("responsibility_claim")
    facts.no_claim = mention.cues.get("responsibility_none")
    return facts


def with_identity_militias(text: str, offset: int, groups: list[tuple[NamedGroup, Hit]]) -> list[tuple[NamedGroup, Hit]]:
    """The named groups of TEXT and the militias it names by their people ("armed Lou Nuer youths", "a Hema
    self-defence militia", actor_groups.json identity_militia): each such militia is a group of its own,
    '<People> Ethnic Militia (<country>)', inter 4, so that two peoples fighting are the two sides, and one
    people's militia fighting a named group is that group's opponent. Not a country's or a demonym's word,
    nor words inside a named group's name."""
    extra: list[tuple[NamedGroup, Hit]] = []
    for pattern in LEXICON.identity_militia_res:
        for m in pattern.finditer(text):
            who = m.group("who")
            if any(w in LEXICON.not_communities or STATES.iso2(w) or STATES.is_demonym(w) for w in [who, *who.split()]):
                continue
            inside = [(g, h) for g, h in groups if h.start - offset < m.end() and m.start() < h.end - offset]
            if any("{country}" not in g.name or not (m.start() <= h.start - offset and h.end - offset <= m.end()) for g, h in inside):
                continue  # words of a named group's name ("Fano militia")
            if any(s < m.end() and m.start() < e for s, e in [(h.start - offset, h.end - offset) for _, h in extra]):
                continue
            # a generic militia inside the people's ("a Hema self-defence militia"): the people's is the one
            groups = [(g, h) for g, h in groups if (g, h) not in inside]
            group = NamedGroup(name=f"{who} Ethnic Militia ({{country}})", inter=4, country=None, aliases=(m.group(0),))
            extra.append((group, Hit(group.name, m.start() + offset, m.end() + offset, m.group(0))))
    return sorted(groups + extra, key=lambda x: x[1].start) if extra else groups


# "residents said four people had been killed": a happening told as before the clause's day
PLUPERFECT_BEFORE = re.compile(r"\bhad(?:\s+[\w'’-]+){0,2}\s+$", re.I)
SAME_DAY_GAP: int = load_data("assembly.json")["same_incident_max_gap_days"]
SPEECH_WORD = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|stated|added|released|published|issued|according)\b", re.I)


def lend_sentence_days(items: list[tuple[Mention, MentionFacts]], text: str, published: dt.date | None,
                       dates: list[DateMention], casualties: list[Casualty], places: list) -> list[tuple[Mention, MentionFacts]]:
    """"On Wednesday police launched an operation in the area, and the police said several gang members were
    killed": the clause that tells the deaths gives no date, and the clauses before it in its sentence, which
    tell no happening of their own (no mention), give the day and who acted. The mention takes them in (it
    starts at the dated clause) and is filled again. The day must be one told of a happening, not of a
    telling ("On Wednesday, officials said…" lends nothing), and another day than that of the incident told
    before it (more than assembly.json same_incident_max_gap_days apart): a day the story already has is the
    sentence's to share (pipeline.share_sentence_date), and the clause goes on telling that incident."""
    from strife.extract.detect import clauses  # detect imports this module's neighbours; late to keep it light

    spans = [(m.start, m.end) for m, _ in items]
    out = []
    told: DateMention | None = None  # the day of the last dated mention before
    for mention, facts in items:
        lent = None
        told_before = any(PLUPERFECT_BEFORE.search(text, max(mention.start, t.start - 30), t.start) for t in mention.triggers)
        if not facts.dates and mention.triggers and not told_before:
            for d in dates:
                if not (mention.sentence_start <= d.start and d.end <= mention.start) or d.date is None or d.precision != 1:
                    continue
                if published and d.date > published + dt.timedelta(days=1):
                    continue
                if told is None or told.date is None or abs((d.date - told.date).days) <= SAME_DAY_GAP:
                    continue  # no other day told before: nothing to tell apart
                if SPEECH_BEFORE.search(text[max(mention.sentence_start, d.start - 45) : d.start]):
                    continue
                start = next((s for s, e in clauses(text[mention.sentence_start : mention.sentence_end], mention.sentence_start)
                              if s <= d.start < e), None)
                if start is None or any(s < mention.start and e > start for s, e in spans):
                    continue  # a clause in between tells a happening: the day is its own
                lead = text[start : mention.start]
                if (SPEECH_WORD.search(lead) or LEXICON.triggers(lead, start)
                        or any(start <= c.start < mention.start for c in casualties)):
                    continue  # a telling, or a happening the detector set aside (a tally, a commemoration): not lent
                lent = start
                break
        if lent is not None:
            mention = replace(mention, start=lent, text=text[lent : mention.end])
            facts = fill(mention, text, published, dates, casualties, places)
        out.append((mention, facts))
        if (d := facts.best_date()) is not None and d.date is not None:
            told = d
    return out
