"""Assemble mentions into incidents: three sentences about one attack are one event,
two attacks in two towns are two, and an earlier strike mentioned for context is a
background event of its own.

A mention joins the incident being told unless something says it is another one: a
"new incident" cue ("Also Tuesday, …", "In a separate attack …"), a date more than a
day apart, a different town, or a background cue. A mention that refers back ("the
attacks", "those strikes") joins the most recent incident it fits and creates nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from strife.extract.counts import LATER_DEATHS, ORDINAL_LATER, TOLL_WORDS
from strife.extract.dates import find_offsets, shift_date
from strife.extract.detect import Mention
from strife.extract.facts import MentionFacts
from strife.extract.lexicon import LEXICON, load_data
from strife.extract.tolls import MORE_GROUP
from strife.geo.distance import km_between
from strife.geo.geoparse import NEAR_WORDS  # the words the geoparser gives precision 2 for

# What kind of happening each signal tells, and how far apart mentions of one incident may
# be: domain knowledge, in data/assembly.json (each value explained there).
_ASSEMBLY = load_data("assembly.json")
FAMILIES: dict[str, str] = _ASSEMBLY["signal_families"]
JOINING_FAMILIES = frozenset(_ASSEMBLY["joining_families"])
GENERIC_KILL = frozenset(_ASSEMBLY["generic_kill_signals"])
NEEDS_PLACE_BELOW_COUNTRY = frozenset(_ASSEMBLY["needs_place_below_country"])
VAGUE_DAYS = frozenset(_ASSEMBLY["vague_day_words"])
SAME_CITY_KM: float = _ASSEMBLY["same_city_km"]
NEAR_TOWN_KM: float = _ASSEMBLY["near_town_km"]
SAME_INCIDENT_MAX_GAP_DAYS: int = _ASSEMBLY["same_incident_max_gap_days"]
STORY_WINDOW_DAYS: int = _ASSEMBLY["story_window_days"]
BACKGROUND_MAX_SPAN_DAYS: int = _ASSEMBLY["background_max_span_days"]
STALE_DAYS: int = _ASSEMBLY["stale_days"]
NEXT_DAY_WORDS = tuple(_ASSEMBLY["next_day_words"])
DISTRICT_SPLIT_KM: float = _ASSEMBLY["district_split_km"]


@dataclass
class Incident:
    mode: str
    parts: list[tuple[Mention, MentionFacts]] = field(default_factory=list)

    @property
    def mentions(self) -> list[Mention]:
        return [m for m, _ in self.parts]

    @property
    def facts(self) -> list[MentionFacts]:
        return [f for _, f in self.parts]

    @property
    def signals(self) -> set[str]:
        """What happened: the signals its clauses tell, plus those they refer back to when
        the incident has them ("the rally" in an arrest story adds no protest)."""
        told = {s for m in self.mentions for s in m.own_signals()}
        told_families = {FAMILIES.get(s) for s in told}
        referred = {s for m in self.mentions for s in m.signals - m.own_signals() if FAMILIES.get(s) in told_families}
        if "riot" in told and "protest" in told and all(m.has("state_account") for m in self.mentions if "riot" in m.own_signals()):
            told = told - {"riot"}  # only the police say the protesters attacked: a dispute, not a riot
        return told | referred

    @property
    def families(self) -> set[str]:
        return {FAMILIES[s] for s in self.signals if s in FAMILIES}

    def best_date(self):
        """The most precise date the incident's clauses give; of equals, the first told,
        after any named day ("overnight" or "today" yield to "on Tuesday")."""
        dates = [d for f in self.facts for d in f.dates if d.date is not None]
        return min(dates, key=lambda d: (d.precision, d.text.lower() in VAGUE_DAYS, d.start), default=None)

    def towns(self):
        return [p for f in self.facts for p in f.places if p.place is not None and p.precision == 1]

    def near_towns(self):
        """Towns the incident is told to be near ("a village near Kaura"): precision 2,
        but they still place it, so a town far from them is another incident's."""
        return [p for f in self.facts for p in f.places
                if p.place is not None and p.precision == 2 and p.place.kind == "city" and p.qualifier in NEAR_WORDS]

    def districts(self):
        """The places that put the incident in a district: towns and districts (precision 2 or finer) whose
        district (admin2) is known."""
        return [p for f in self.facts for p in f.places if _district_level(p)]

    def countries(self) -> set[str]:
        return {p.place.country_iso2 for f in self.facts for p in f.places if p.place is not None}

    def state_actors(self) -> set[str]:
        return {f.state_actor[0] for f in self.facts if f.state_actor}


def _date_conflict(a, b) -> bool:
    """Two dates conflict when neither contains the other and they are more than a day apart."""
    if a is None or b is None or a.date is None or b.date is None:
        return False
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if a.date <= b.date <= a_end or b.date <= a.date <= b_end:
        return False
    gap = min(abs((a.date - b_end).days), abs((b.date - a_end).days))
    return gap > SAME_INCIDENT_MAX_GAP_DAYS


def _district_level(p) -> bool:
    return p.place is not None and p.precision is not None and p.precision <= 2 and p.place.kind in ("city", "admin2") and bool(_district_ids(p.place))


def _district_ids(place) -> set:
    """The district a place lies in (or is): its admin2, and its own id when it is one."""
    return {i for i in (place.admin2_id, place.geonameid if place.kind == "admin2" else None) if i}


def _other_district(incident: Incident, p) -> bool:
    """A town or district in another district than every district-level place of the incident, and more than
    assembly.json district_split_km from each: "a policeman was shot dead in Bajaur district … a roadside bomb
    struck a vehicle in Miran Shah" are two places; a village in the district already named, or the district of
    the town already named, is the same one."""
    if not _district_level(p):
        return False
    known = incident.districts()
    if not known:
        return False
    ids = _district_ids(p.place)
    return all(not (ids & _district_ids(k.place)) and k.place.geonameid != p.place.geonameid
               and not _within(p.place, k.place, DISTRICT_SPLIT_KM) and p.place.lat is not None and k.place.lat is not None
               for k in known)


def _fits(incident: Incident, facts: MentionFacts, mention: Mention) -> bool:
    if _date_conflict(incident.best_date(), facts.best_date()):
        return False
    if _families_apart(mention.own_signals()) and any(_other_district(incident, p) for p in facts.places):
        # a clause that only tells deaths ("Two more soldiers died in a hospital in Popayan") names where they died
        return False
    towns = incident.towns()
    provinces = {p.place.admin1_id for f in incident.facts for p in f.places if p.place is not None and p.place.admin1_id}
    for p in facts.places:
        if p.place is not None and provinces and p.place.admin1_id and p.place.admin1_id not in provinces:
            return False  # another province: another incident
        if p.place is None:
            continue
        if towns and p.precision == 1 and all(p.place.geonameid != t.place.geonameid for t in towns):
            # a place named inside the incident's town or district does not split it
            if not any(p.place.admin2_id and p.place.admin2_id in (t.place.admin2_id, t.place.geonameid) for t in towns):
                if not any(_same_city(p.place, t.place) for t in towns):
                    return False
        near = incident.near_towns()
        if not towns and near and p.precision == 1 and p.place.kind == "city":
            if not any(_within(p.place, n.place, NEAR_TOWN_KM) or (p.place.admin2_id and p.place.admin2_id == n.place.admin2_id)
                       for n in near):
                return False
        if incident.countries() and p.precision <= 3 and p.place.country_iso2 not in incident.countries():
            return False
    if facts.state_actor and incident.state_actors() and facts.state_actor[0] not in incident.state_actors():
        return False
    fam_new = _families_apart(mention.signals)
    fam_old = _families_apart(incident.signals)
    if fam_old and fam_new and not (fam_new & fam_old):
        # a strike and a protest in one story are two incidents unless one refers back
        if not ({"demonstration"} <= fam_new | fam_old and "violence" in fam_new | fam_old) and not _one_assault(incident, mention, fam_new | fam_old):
            return False
    return True


def _one_assault(incident: Incident, mention: Mention, families: set[str]) -> bool:
    """"Militants stormed a police post, and two suicide bombers blew themselves up at the gate":
    guns and bombs told in one sentence, at one place, are one complex attack (coding guide), not
    a raid and a bombing."""
    return families <= {"remote", "violence"} and any(m.sentence_start == mention.sentence_start for m in incident.mentions)


def _same_city(a, b) -> bool:
    """A district of a city ("Sisli" in an Istanbul story) lies within a few km of the
    city's point in the same province: a chase into its side streets is the same protest."""
    return a.admin1_id == b.admin1_id and _within(a, b, SAME_CITY_KM)


def _within(a, b, km: float) -> bool:
    if a.lat is None or b.lat is None:
        return False
    return km_between(a.lat, a.lon, b.lat, b.lon) <= km


def _families_apart(signals: set[str]) -> set[str]:
    """The kinds of happening that keep two incidents apart. A clause that only says who
    died ("No one was killed.") is said of a grenade or a bomb as much as of gunmen."""
    families = {FAMILIES[s] for s in signals if s in FAMILIES} - JOINING_FAMILIES
    if signals and signals <= GENERIC_KILL:
        return set()  # only "killed"/"died" ("No one was killed."): fits whatever the incident is
    return families


def _ended_before(facts: MentionFacts, day: dt.date | None, days: int) -> bool:
    """The incident's date ended more than `days` days before `day`."""
    d = facts.best_date()
    if d is None or d.date is None or day is None:
        return False
    return (d.date_end or d.date) < day - dt.timedelta(days=days)


def _is_background(mention: Mention, facts: MentionFacts, story_date: dt.date | None) -> bool:
    if _ended_before(facts, story_date, STORY_WINDOW_DAYS):
        return True
    if mention.has("judicial"):
        # "a court on Monday sentenced two men for the 2022 bombing": the day told is the court's, the attack older
        return True
    d = facts.best_date()
    if (d is not None and d.date is not None and story_date is not None and d.precision == 1
            and abs((d.date - story_date).days) <= SAME_INCIDENT_MAX_GAP_DAYS):
        return False
    return mention.has("background") or mention.has("judicial")


def _stale(facts: MentionFacts, published: dt.date | None) -> bool:
    return _ended_before(facts, published, STALE_DAYS)


def _dated_back_from_the_news(mention: Mention, facts: MentionFacts, current: Incident | None) -> MentionFacts:
    """"The strike came a day after | a missile attack on Sumy killed 35": "the strike" is the incident being told,
    so the earlier one is dated from the news's day (a day before it). Only for a clause dated back by the words
    before it (cues.json background_lead) that gives no date of its own, after news dated to a day."""
    lead = mention.cues.get("background")
    if facts.best_date() is not None or lead is None or current is None or current.mode != "reported":
        return facts
    anchor = current.best_date()
    if anchor is None or anchor.date is None or anchor.precision != 1 or lead.end > mention.start:
        return facts  # a background cue inside the clause ("previous attacks") dates nothing
    # the clause splits before its connector: "came a day " + "after a missile attack on Sumy…"
    offsets = [by for by in find_offsets(lead.text.rstrip() + " " + mention.text[:20]) if by.sign < 0]
    if not offsets:
        return facts
    return replace(facts, dates=[shift_date(anchor, offsets[-1])])


def _told_later(mention: Mention, first_of_sentence: bool) -> bool:
    """"Hours later, a roadside bomb struck…", "The next day, gunmen attacked…" (cues.json new_incident_later): the
    first clause of the sentence tells another happening, when it tells one of its own, of a kind that stands
    apart; "Hours later, the Taliban claimed the attack", "The next day, police arrested two suspects" or "Two
    days later, two more bodies were found" go on telling the incident."""
    return first_of_sentence and mention.has("new_incident_later") and bool(_families_apart(mention.own_signals()))


# a sentence that opens on its day ("On Monday, …", "Late on Tuesday, …"): the words before the date
OPENING_DAY_LEAD = re.compile(r"^\W*(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


def _opens_on_another_day(mention: Mention, facts: MentionFacts, current: Incident | None, first_of_sentence: bool,
                          clause: str) -> bool:
    """A sentence that opens on a day other than the day of the incident being told, and tells a happening of a kind
    that stands apart, tells another incident: "…overran a police outpost on Sunday … On Monday, military aircraft
    bombed the village" are two, though a day apart (a gap the date test allows, for "overnight" and deaths the next
    day). A death or a claim told on the next day ("On Monday, two more bodies were found") goes on telling it."""
    if not first_of_sentence or current is None or current.mode != "reported" or mention.anaphoric:
        return False
    day, anchor = facts.best_date(), current.best_date()
    if day is None or anchor is None or day.date is None or anchor.date is None or day.precision != 1 or anchor.precision != 1:
        return False
    if day.date == anchor.date or not OPENING_DAY_LEAD.match(clause[: max(0, day.start - mention.start)]):
        return False
    return bool(_families_apart(mention.own_signals()))


def _dated_on(mention: Mention, facts: MentionFacts, current: Incident | None) -> MentionFacts:
    """"Two days later, gunmen attacked…" with no date of its own: the span after the day of the incident just
    told ("hours later" is its day)."""
    cue = mention.cues.get("new_incident_later")
    if facts.best_date() is not None or cue is None or current is None:
        return facts
    anchor = current.best_date()
    if anchor is None or anchor.date is None or anchor.precision != 1:
        return facts
    offsets = [by for by in find_offsets(cue.text, cue.start) if by.sign > 0]
    if not offsets and any(w in cue.text.lower() for w in NEXT_DAY_WORDS):
        offsets = [by for by in find_offsets("a day later", cue.start)]
        offsets = [replace(by, end=cue.end, connector_start=cue.end, text=cue.text) for by in offsets]
    if not offsets:
        return facts
    return replace(facts, dates=[shift_date(anchor, offsets[0])])


def assemble(items: list[tuple[Mention, MentionFacts]], published: dt.date | None) -> list[Incident]:
    incidents: list[Incident] = []
    current: Incident | None = None
    story_date: dt.date | None = None
    told_earlier: int | None = None  # the sentence of the last mention found to be background
    sentence: int | None = None
    for mention, facts in items:
        first_of_sentence, sentence = mention.sentence_start != sentence, mention.sentence_start
        told_later = _told_later(mention, first_of_sentence)
        if told_later:
            facts = _dated_on(mention, facts, current)
        elif _opens_on_another_day(mention, facts, current, first_of_sentence, mention.text):
            told_later = True  # "On Monday, military aircraft bombed the village": after Sunday's raid, another day's
        if not mention.triggers and not facts.casualties:
            # a claim of responsibility with no trigger ("The TTP claimed responsibility.")
            if current is not None:
                current.parts.append((mention, facts))
            continue
        if current is not None and _claims_the_incident(mention):
            # "ISSP claimed the attack through its Amaq agency on Sunday and said 30 soldiers had died": a claim that
            # refers back to an incident told; its day is the claim's, and a place in the claimant's name ("Islamic
            # State Sahel Province") is no place of the incident; its toll is the claimant's word, read with the rest.
            # Told as a reference ("claimed the attack"), it joins the incident it refers to (below); else the current
            facts = replace(facts, places=[], dates=[])
            if not mention.anaphoric:
                current.parts.append((mention, facts))
                continue
        if current is not None and _later_deaths_only(facts) and not mention.has("new_incident"):
            # "Four of the wounded died overnight": the wounded of the incident being told, whatever day they died;
            # where and when they died ("at Bunia general hospital on Wednesday") is not the incident's place or day
            current.parts.append((mention, replace(facts, places=[], dates=[])))
            continue
        if current is not None and current.mode == "reported":
            background = _is_background(mention, facts, story_date or published)
        else:
            # no news told yet: an incident is the report's news unless it is long over by publication; an
            # undated mention after an old one goes on telling it ("The soldiers were convicted of murder.")
            background = (_stale(facts, published) or mention.has("judicial")
                          or (current is not None and facts.best_date() is None))
        if not background and told_earlier == mention.sentence_start and facts.best_date() is None:
            # "In February, a suicide attack in Kabul killed one, and a bombing in Kunduz killed five":
            # an undated incident told in the same sentence after a background one is background too
            background = True
        told_earlier = mention.sentence_start if background else None
        mode = "background" if background else "reported"
        if background:
            facts = _dated_back_from_the_news(mention, facts, current)
        if mention.anaphoric and not mention.has("new_incident") and not told_later:
            target = _antecedent(incidents, current, mention, facts, mode, background)
            if target is None and _refines(current, mention, facts):
                target = current
            if target is not None:
                target.parts.append((mention, facts))
                if target.mode == "reported":
                    current = target
                continue
            if not (facts.casualties or facts.places or facts.dates):
                continue  # refers back to something we did not record, and adds nothing
            # a definite first telling with its own facts ("the explosion of a bomb at noon
            # downtown") introduces the incident
        if (
            current is not None
            and not mention.has("new_incident")
            and not told_later
            and current.mode == mode
            and _fits(current, facts, mention)
        ):
            current.parts.append((mention, facts))
            continue
        if background:
            earlier = next((i for i in incidents if i.mode == "background" and _fits(i, facts, mention)), None)
            if earlier is not None:
                earlier.parts.append((mention, facts))
                continue
        incident = Incident(mode=mode, parts=[(mention, facts)])
        incidents.append(incident)
        if mode == "reported":
            current = incident
            if story_date is None and (d := facts.best_date()) is not None and d.date is not None:
                story_date = d.date
        elif current is None:
            current = incident
    return [i for i in incidents if i.mode != "background" or _dated(i)]


def _claims_the_incident(mention: Mention) -> bool:
    """A claim of responsibility whose happening words all refer back ("claimed the attack", "claimed the raid") or
    only tell deaths ("and said its fighters killed a dozen soldiers"): it tells no incident of its own."""
    return (mention.has("responsibility_claim") and not mention.has("responsibility_none") and not mention.has("new_incident")
            and not mention.has("background") and not _families_apart(mention.own_signals()))


def _later_deaths(c) -> bool:
    """"four of the wounded", "a third", "two more soldiers" (counting.json later_deaths.more): deaths that add to
    the toll of the incident told before."""
    return bool(LATER_DEATHS.match(c.group or "") or ORDINAL_LATER.fullmatch(c.group or "") or MORE_GROUP.match(c.group or ""))


def _later_deaths_only(facts: MentionFacts) -> bool:
    """A sentence that only tells deaths of the wounded (or "a third" more) and the toll they bring: "Four of the
    wounded died on Wednesday, bringing the toll to 20", "A third protester died in hospital on Wednesday"."""
    casualties = facts.casualties
    return bool(casualties) and any(_later_deaths(c) for c in casualties) and all(
        _later_deaths(c) or (c.kind == "killed" and TOLL_WORDS.match(c.text)) for c in casualties
    )


def _dated(incident: Incident) -> bool:
    """Whether a context incident can be told as one: dated to a month or better, or,
    undated, told as a happening ("hours earlier, jets struck…", dated by the story) and
    not only named as the reason for another ("in response to strikes on the south")."""
    d = incident.best_date()
    if d is None or d.date is None:
        return not all(
            m.has("background") and LEXICON.cue("background_reason", m.cues["background"].text)
            for m in incident.mentions
        )
    return ((d.date_end or d.date) - d.date).days <= BACKGROUND_MAX_SPAN_DAYS


def _refines(current: Incident | None, mention: Mention, facts: MentionFacts) -> bool:
    """"The explosive device had been hidden in a culvert in Behsud district": a reference
    to the incident being told, of its kind and with no toll of its own, adds detail (a
    place inside or near it) and is not another incident."""
    if current is None or facts.casualties or mention.has("background"):
        return False
    fam = {FAMILIES[s] for s in mention.signals if s in FAMILIES}
    return bool(fam & current.families) and not _date_conflict(current.best_date(), facts.best_date())


def _antecedent(incidents, current, mention, facts, mode, background) -> Incident | None:
    """What "the attacks" or "those strikes" refers to: an incident it fits, of the same
    kind of happening if one is, the incident being told before an earlier one."""
    fam = {FAMILIES[s] for s in mention.signals if s in FAMILIES}
    fitting = [
        (bool(fam & i.families), i is current, n, i)
        for n, i in enumerate(incidents)
        if _fits(i, facts, mention) and (i.mode == mode or not background)
        # "the rally" cannot refer back to an arrest: a reference names the same kind of thing
        and (not fam or not i.families or fam & i.families)
    ]
    return max(fitting, key=lambda t: t[:3])[3] if fitting else None
