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
from strife.extract.places import locates_another
from strife.extract.tolls import MORE_GROUP, RISEN
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
SAME_TIME = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _ASSEMBLY["same_time_phrases"]) + r")\b", re.I)
RETELLING_ANY = frozenset(_ASSEMBLY["retelling_subjects"]["any_incident"])
RETELLING_NAMED = frozenset(_ASSEMBLY["retelling_subjects"]["named_before"])
ARMED_FAMILIES = frozenset({"remote", "violence"})
DEVELOPMENT_KINDS: dict[str, str] = _ASSEMBLY["development_kinds"]
DEVELOPMENT_KINDS_OF_BATTLES: dict[str, str] = _ASSEMBLY["development_kinds_of_battles"]
ACTORS_FROM_THE_EVENT_BESIDE: dict[str, dict[str, str]] = _ASSEMBLY["actors_from_the_event_beside"]
APART_BY_INSTANCE = frozenset(_ASSEMBLY["apart_by_instance_kinds"])
OWN_DAY_MAX_SPAN_DAYS: int = _ASSEMBLY["own_day_max_span_days"]
# One event per location (assembly.json town_split)
_TOWN_SPLIT = _ASSEMBLY["town_split"]
SPLIT_FAMILIES = frozenset(_TOWN_SPLIT["families"])
TOWN_LIST_LEAD = re.compile(_TOWN_SPLIT["lead"], re.I)
TOWN_LIST_GAP = re.compile(_TOWN_SPLIT["list_gap"], re.I)
COUNTED_TOWNS = re.compile(_TOWN_SPLIT["counted_towns"])
CLAUSE_TOWN_LEAD = re.compile(_TOWN_SPLIT["clause_town_lead"])
LIKE_THE_NEWS = re.compile(_ASSEMBLY["like_the_news"], re.I)


@dataclass
class Incident:
    mode: str
    parts: list[tuple[Mention, MentionFacts]] = field(default_factory=list)
    # the news incident being told when this one was split from it (another place, day, kind or an earlier
    # incident told for context): its place stands for this one's when this one names none (pipeline)
    parent: "Incident | None" = field(default=None, repr=False, compare=False)
    # the incident a strategic development was told beside, when it was split off as a second event of its own
    beside: "Incident | None" = field(default=None, repr=False, compare=False)

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
    # a place that says where the teller or a hospital is, or locates another place ("The ministry in Mexico City
    # later said…", "in critical condition at a hospital in Dhaka", "from Iraq"), does not place a clause of the
    # incident's kind elsewhere; a clause of another kind keeps all its places ("Youths in the area later blocked
    # the road to Jos in protest", after an attack: another incident)
    fam_new, fam_old = _families_apart(mention.signals), _families_apart(incident.signals)
    places = facts.places if fam_new and fam_old and not fam_new & fam_old else facts.locating_places()
    if _families_apart(mention.own_signals()) and any(_other_district(incident, p) for p in places):
        # a clause that only tells deaths ("Two more soldiers died in a hospital in Popayan") names where they died
        return False
    towns = incident.towns()
    provinces = {p.place.admin1_id for f in incident.facts for p in f.places if p.place is not None and p.place.admin1_id}
    # "In Lagos, protesters gathered at the Ikeja under-bridge": a clause that names the incident's town tells a
    # town near it (assembly.json near_town_km), in its province, as a part of it
    told_in = [p.place for p in facts.places if p.place is not None and p.precision == 1
               and any(p.place.geonameid == t.place.geonameid for t in towns)]
    for p in places:
        if p.place is not None and provinces and p.place.admin1_id and p.place.admin1_id not in provinces:
            return False  # another province: another incident
        if p.place is None:
            continue
        if towns and p.precision == 1 and all(p.place.geonameid != t.place.geonameid for t in towns):
            # a place named inside the incident's town or district does not split it
            if not any(p.place.admin2_id and p.place.admin2_id in (t.place.admin2_id, t.place.geonameid) for t in towns):
                if not any(_same_city(p.place, t.place) for t in towns) and not any(
                        p.place.admin1_id == t.admin1_id and _within(p.place, t, NEAR_TOWN_KM) for t in told_in):
                    return False
        near = incident.near_towns()
        if not towns and near and p.precision == 1 and p.place.kind == "city":
            if not any(_within(p.place, n.place, NEAR_TOWN_KM) or (p.place.admin2_id and p.place.admin2_id == n.place.admin2_id)
                       for n in near):
                return False
        if incident.countries() and p.precision <= 3 and p.place.country_iso2 not in incident.countries():
            return False
    if facts.state_actor and incident.state_actors() and facts.state_actor[0] not in incident.state_actors() and fam_new:
        # (a clause that only tells deaths names the other side's state in its dead, "it had killed dozens of
        # Russian soldiers": the same fight's toll, not another state's incident)
        return False
    if fam_old and fam_new and not (fam_new & fam_old):
        # a strike and a protest in one story are two incidents unless one refers back
        if (not ({"demonstration"} <= fam_new | fam_old and "violence" in fam_new | fam_old)
                and not _one_assault(incident, mention, fam_new | fam_old)
                and not _retells(incident, mention, facts, fam_new | fam_old)):
            return False
    return True


def _means_of(incident: Incident, mention: Mention, facts: MentionFacts) -> bool:
    """The clause fits the incident only as a retelling of how it was done (_retells): another family of
    happening, not one assault told in one sentence."""
    fam_new, fam_old = _families_apart(mention.signals), _families_apart(incident.signals)
    return (bool(fam_new and fam_old) and not fam_new & fam_old and not _one_assault(incident, mention, fam_new | fam_old)
            and _retells(incident, mention, facts, fam_new | fam_old))


def _retells(incident: Incident, mention: Mention, facts: MentionFacts, families: set[str]) -> bool:
    """"Four soldiers were killed when militants attacked a military camp … A Levies official said the militants had
    fired rockets at the camp before trying to storm it": a clause whose definite subject is the incident's attackers
    (assembly.json retelling_subjects), with no day, toll or other named group of its own, tells how the same attack
    was done (guns, rockets or a mine), not another incident. A group named inside the subject ("The attackers, from
    the X front of the EMC,") says who they were."""
    subject = mention.subject
    if subject is None or not families <= ARMED_FAMILIES or facts.best_date() is not None or facts.casualties:
        return False
    word = subject.text
    if word not in RETELLING_ANY and not (
            word in RETELLING_NAMED and any(re.search(rf"\b{re.escape(word)}\b", m.text, re.I) for m in incident.mentions)):
        return False
    known = {g.name for f in incident.facts for g, _ in f.groups}
    return all(g.name in known or (subject.start <= h.start and h.end <= subject.end) for g, h in facts.groups)
def _development_told(mention: Mention) -> set[str]:
    """The kinds of strategic development (assembly.json development_kinds) a clause tells when it tells nothing
    else: no attack, no protest, no death. A riot word on a development's own words ("looted") is the development's,
    and so is the raid in which arrests were made."""
    own = [t for i, t in enumerate(mention.triggers) if i not in mention.referring]
    told = [t for t in own if t.kind in DEVELOPMENT_KINDS]
    if not told:
        return set()
    arrest = any(t.kind == "arrest" for t in told)
    for t in own:
        if arrest and t.kind == "attack" and LEXICON.raid_re.match(t.text):
            continue  # "arrested seven suspects in raids": the arrests' own operation
        if t.kind not in DEVELOPMENT_KINDS and not any(d.start <= t.start and t.end <= d.end or t.start <= d.start and d.end <= t.end
                                                        for d in told):
            return set()
    return {DEVELOPMENT_KINDS[t.kind] for t in told}


def _only_developments(incident: Incident) -> bool:
    """Every clause of the incident that tells a happening tells only strategic developments (the president's
    detention); one that only tells deaths ("No one was killed") is said of whatever the incident is."""
    telling = [m for m in incident.mentions if m.own_signals() and not m.own_signals() <= GENERIC_KILL]
    return bool(telling) and all(_development_told(m) for m in telling)


def _own_day(incident: Incident, facts: MentionFacts) -> bool:
    """The clause dates its happening to a day (or a weekend) of its own, apart from the incident's day: the
    ceasefire brokered on Tuesday after Monday's clashes, the arrests over the weekend after Friday's arson."""
    a, b = incident.best_date(), facts.best_date()
    if a is None or b is None or a.date is None or b.date is None:
        return False
    if a.text.lower() in VAGUE_DAYS or b.text.lower() in VAGUE_DAYS:
        return False  # "withdrew overnight" beside "on Wednesday": the night of the day told, not a day of its own
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if (b_end - b.date).days > OWN_DAY_MAX_SPAN_DAYS or (a_end - a.date).days > OWN_DAY_MAX_SPAN_DAYS:
        return False
    return not (a.date <= b.date <= a_end or b.date <= a.date <= b_end)


def _second_event(incident: Incident, mention: Mention, facts: MentionFacts) -> str | None:
    """Whether a clause that fits the incident being told is still another event beside it (assembly.json
    development_kinds): "development" for a strategic development of a kind the incident lacks, told with a day of
    its own or as one more of a thing ("Another IED was defused nearby"); "after development" for violence or a
    protest told with a day of its own after an incident that is only a development. None: it is the incident's."""
    told = _development_told(mention)
    if told and not any(c.kind in ("killed", "injured") for c in facts.casualties):
        kinds = {DEVELOPMENT_KINDS[s] for s in incident.signals if s in DEVELOPMENT_KINDS}
        kinds |= {DEVELOPMENT_KINDS_OF_BATTLES[s] for s in incident.signals if s in DEVELOPMENT_KINDS_OF_BATTLES}
        if told & kinds:
            return None
        if _own_day(incident, facts):
            return "development"
        if told & APART_BY_INSTANCE and LEXICON.cue("another_instance", mention.text):
            return "development"
        return None
    if not told and mention.own_signals() - GENERIC_KILL and _only_developments(incident) and _own_day(incident, facts):
        return "after development"
    return None


def _told_beside(incident: Incident, facts: MentionFacts) -> MentionFacts:
    """A development told beside an incident with no day or place of its own ("Another IED was recovered and
    defused nearby", "The attackers also burned about 40 houses in two nearby villages") happened on the
    incident's day, where it happened."""
    dates = facts.dates if facts.best_date() is not None else [d for d in [incident.best_date()] if d is not None]
    places = facts.places if any(p.place is not None for p in facts.places) else [p for f in incident.facts for p in f.places]
    return replace(facts, dates=list(dates), places=list(places))


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


def _dated_same_time(mention: Mention, facts: MentionFacts, current: Incident | None) -> MentionFacts:
    """"In Batumi, several thousand people marched peacefully the same evening": a clause with no date of its
    own that says "the same evening" is of the day of the incident just told (assembly.json same_time_phrases)."""
    if facts.best_date() is not None or current is None or not SAME_TIME.search(mention.text):
        return facts
    anchor = current.best_date()
    if anchor is None or anchor.date is None or anchor.precision != 1:
        return facts
    return replace(facts, dates=[anchor])


def split_by_town(items: list[tuple[Mention, MentionFacts]], text: str, places: list) -> tuple[list[tuple[Mention, MentionFacts]], set[int]]:
    """ACLED codes an event per location: a clause that tells a demonstration in several towns (_split_towns: "Nurses
    held protests in Lucknow and Patna", "rallied in three cities. In Ahvaz, …; in Shush, …") is one clause per town,
    each with that town alone for its place. This is the one per-town split, made before the clauses are assembled,
    so that assembly's own rules put the clauses after it with their town's event ("In Patna, police detained 12
    nurses" joins Patna's: _told_again, given the ids of the mentions split) and the clauses that name no town with
    the first town's, which is told last so that it is the incident being told. `places` are the text's place
    mentions. Returns the clauses and the ids of the mentions that were split."""
    spans = sorted((m.start, m.end) for m, _ in items)
    out: list[tuple[Mention, MentionFacts]] = []
    split: set[int] = set()
    for n, (mention, facts) in enumerate(items):
        towns = _split_towns(n, items, text, places, spans)
        if not towns:
            out.append((mention, facts))
            continue
        for town in reversed(towns[1:]):
            out.append((mention, replace(facts, places=[town])))
        out.append((mention, replace(facts, places=[towns[0]])))
        split.add(id(mention))
    return out, split


def _split_towns(n: int, items: list[tuple[Mention, MentionFacts]], text: str, places: list, spans: list[tuple[int, int]]) -> list:
    """The towns the clause `n` tells its demonstration in, one event each (assembly.json town_split): a list of towns
    (_town_list), else the towns that open the clauses after a number of towns told ("in three cities": _counted_towns);
    none for a clause of another kind, or with a toll (a toll told of several towns cannot be shared out among them)."""
    mention, facts = items[n]
    if facts.casualties or not {FAMILIES.get(s) for s in mention.own_signals()} & SPLIT_FAMILIES:
        return []
    towns = _town_list(mention, facts, text, places, spans)
    if not towns and COUNTED_TOWNS.search(mention.text):
        towns = _counted_towns(n, items, text, places)
    return towns


def _is_town(p) -> bool:
    return p.place is not None and p.place.kind == "city" and p.precision == 1


def _one_list(towns: list) -> list:
    """The towns of a list that are one event each: of one country (a list that spans countries is not split), not
    the same place or parts of one city ("through Zemun, New Belgrade and Vracar" is Belgrade); none unless two."""
    if len({t.place.country_iso2 for t in towns}) != 1:
        return []
    kept: list = []
    for t in towns:
        if not any(t.place.geonameid == k.place.geonameid or _same_city(t.place, k.place) for k in kept):
            kept.append(t)
    return kept if len(kept) >= 2 else []


def _town_list(mention: Mention, facts: MentionFacts, text: str, places: list, spans: list[tuple[int, int]]) -> list:
    """The longest list of towns the clause names as the places of its happening ("in Kolkata and Chennai", "held in
    Lagos, Abuja and Port Harcourt", "including Sao Paulo, Rio de Janeiro and Brasilia"): only list words between
    them (town_split list_gap) once the other places named between them are left out ("Ludhiana, Punjab and in
    Patna"), after a word that makes them the happening's places (town_split lead: not "from Nakuru and Eldoret").
    The list may run on into a clause of the sentence that tells no happening of its own (detect cuts "…in Lucknow,
    Patna, | and Kanpur on Monday" before the "and")."""
    previous = {id(m): prev for prev, m in zip([None] + list(places), places)}
    after = [p for p in places if mention.end <= p.start < mention.sentence_end and not any(s <= p.start < e for s, e in spans)
             and not locates_another(p, text, previous.get(id(p)))]
    towns = sorted((p for p in facts.locating_places() + after if _is_town(p)), key=lambda p: p.start)
    runs: list[list] = []
    for town in towns:
        if runs:
            gap = text[runs[-1][-1].end : town.start]
            for p in places:  # blank the other places between them
                if runs[-1][-1].end <= p.start and p.end <= town.start:
                    gap = gap.replace(p.text, "", 1)
            if TOWN_LIST_GAP.match(gap):
                runs[-1].append(town)
                continue
        runs.append([town])
    lists = [_one_list(run) for run in runs if TOWN_LIST_LEAD.search(text[max(0, run[0].start - 40) : run[0].start])]
    return max(lists, key=len, default=[])


def _counted_towns(n: int, items: list[tuple[Mention, MentionFacts]], text: str, places: list) -> list:
    """"Retirees rallied in three cities on Tuesday … In Ahvaz, retirees gathered…; in Shush, …; and in Tehran, …": the
    towns that open the clauses after a clause that tells a number of towns, up to the next clause that tells another
    incident (another kind of happening, another day, a new-incident or background cue); the clause's own towns must
    be among them."""
    mention, facts = items[n]
    kinds, day = _families_apart(mention.own_signals()), facts.best_date()
    end = len(text)
    for later, later_facts in items[n + 1 :]:
        if later.start < mention.sentence_end:
            continue
        own, d = _families_apart(later.own_signals()), later_facts.best_date()
        if (later.has("new_incident") or later.has("new_incident_later") or later.has("background") or (own and not own & kinds)
                or (d is not None and d.date is not None and (day is None or day.date is None or d.date != day.date))):
            end = later.start
            break
    towns = _one_list([p for p in places if mention.sentence_end <= p.start < end and _opens_clause(p, text)])
    own_towns = [p for p in facts.locating_places() if p.place is not None and p.place.kind == "city" and p.precision <= 2]
    if not all(any(t.place.geonameid == o.place.geonameid or _same_city(t.place, o.place) for t in towns) for o in own_towns):
        return []  # "in Multan, teachers blocked a road" told the rally there
    return towns


def _opens_clause(p, text: str) -> bool:
    """"In Ahvaz, retirees …", "…; and in Tehran, pensioners …": a town that opens a clause."""
    return _is_town(p) and bool(CLAUSE_TOWN_LEAD.search(text, max(0, p.start - 12), p.start)) and text[p.end : p.end + 1] == ","


def _same_place(incident: Incident, facts: MentionFacts) -> bool:
    """The clause names a place of the incident: the same town or district, or a district of the same city."""
    known = [p.place for f in incident.facts for p in f.places if p.place is not None and p.precision is not None and p.precision <= 2]
    for p in facts.places:
        if p.place is None or p.precision is None or p.precision > 2 or p.place.kind not in ("city", "admin2"):
            continue
        for k in known:
            if (p.place.geonameid == k.geonameid or _same_city(p.place, k)
                    or (_district_ids(p.place) and _district_ids(p.place) & _district_ids(k))):
                return True
    return False


def _told_again(incidents: list[Incident], current: Incident | None, mention: Mention, facts: MentionFacts,
                listed: set[int]) -> Incident | None:
    """An incident told before another one, told again further on at its own place: "Protests were held in Lagos,
    Abuja and Port Harcourt … In Abuja, police fired tear gas" goes on with Abuja's protest (one of the towns of a
    list, split_by_town), and "two days after gunmen killed 23 people in Mangu … Police said the attackers struck
    the village of Kwahaslalek in Mangu local government area on Sunday night" with the Mangu killings (an earlier
    incident told as background, joined only when the clause gives the very day it has). It names the incident's
    town or district, fits it (_fits: a kind of happening that may be told with it) and gives no other day. Two
    incidents of one city and day told one after the other (a war's many attacks in its capital) stay two."""
    if not _families_apart(mention.own_signals()) and not _development_told(mention):
        return None  # ("In Patna, police detained 12 nurses": arrests told at one town of the list are its protest's)
    d = facts.best_date()
    for incident in reversed(incidents):
        if incident is current or not _same_place(incident, facts):
            continue
        if incident.mode == "reported" and id(incident.mentions[0]) not in listed:
            continue
        if not _fits(incident, facts, mention):
            continue
        known = incident.best_date()
        if incident.mode == "background":
            if d is None or known is None or d.precision != 1 or known.precision != 1 or d.date != known.date:
                continue
        elif d is not None and known is not None and d.date is not None and known.date is not None and d.date != known.date:
            continue
        return incident
    return None


def assemble(items: list[tuple[Mention, MentionFacts]], published: dt.date | None, text: str, places: list) -> list[Incident]:
    """The clauses' incidents. `text` and `places` (the text's place mentions) are what the per-town split reads
    (split_by_town), its first step."""
    items, listed = split_by_town(items, text, places)
    incidents: list[Incident] = []
    current: Incident | None = None
    story_date: dt.date | None = None
    story_day = None  # the story's date as told, when it is a day
    told_earlier: int | None = None  # the sentence of the last mention found to be background
    sentence: int | None = None
    for mention, facts in items:
        first_of_sentence, sentence = mention.sentence_start != sentence, mention.sentence_start
        told_later = _told_later(mention, first_of_sentence)
        if told_later:
            facts = _dated_on(mention, facts, current)
        elif _opens_on_another_day(mention, facts, current, first_of_sentence, mention.text):
            told_later = True  # "On Monday, military aircraft bombed the village": after Sunday's raid, another day's
        facts = _dated_same_time(mention, facts, current)
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
        if (not background and mention.has("period_lead") and facts.best_date() is None
                and current is not None and _only_developments(current)):
            # "Elders signed a ceasefire agreement on Sunday | after a week of clashes that left 11 people dead": the
            # fighting the agreement ended is told as its background, an earlier incident (cues.json period_lead)
            background = True
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
        second = None
        if (
            current is not None
            and not mention.has("new_incident")
            and not told_later
            and current.mode == mode
            and _fits(current, facts, mention)
        ):
            second = _second_event(current, mention, facts)
            if second is None:
                if _means_of(current, mention, facts):
                    # the means of the attack told ("the militants had fired rockets"): the incident keeps the type
                    # its own telling gives (a raid the troops fought off is a battle, not a shelling)
                    mention = replace(mention, referring=frozenset(range(len(mention.triggers))))
                current.parts.append((mention, facts))
                continue
        if second is None and not background and (told := _development_told(mention)):
            # "Police said dozens of BNP activists had also been arrested overnight", told after the clashes the
            # arrest story recalled: more of the arrests told before, not an incident of its own
            earlier = next((i for i in reversed(incidents) if i.mode == "reported" and i is not current and _only_developments(i)
                            and told <= {DEVELOPMENT_KINDS[s] for s in i.signals if s in DEVELOPMENT_KINDS}
                            and _fits(i, facts, mention)), None)
            if earlier is not None:
                earlier.parts.append((mention, facts))
                continue
        if second == "development":
            facts = _told_beside(current, facts)
        if background:
            earlier = next((i for i in incidents if i.mode == "background" and _fits(i, facts, mention)), None)
            if earlier is not None:
                earlier.parts.append((mention, facts))
                continue
        elif not mention.has("new_incident") and not told_later and (again := _told_again(incidents, current, mention, facts, listed)):
            again.parts.append((mention, facts))
            if again.mode == "reported":
                current = again
            continue
        if mode == "reported" and not mention.has("new_incident") and not told_later:
            facts = _dated_as_told_before(current, mention, facts)
        if mode == "reported" and story_day is not None and facts.best_date() is None and LIKE_THE_NEWS.match(mention.text):
            # "Smaller marches were held in Medellin and Cali", "Similar rallies took place in Bandung": happenings
            # like the story's, told without a day of their own, are of its day
            facts = replace(facts, dates=[story_day])
        incident = Incident(mode=mode, parts=[(mention, facts)], parent=current if current is not None and current.mode == "reported" else None,
                            beside=current if second == "development" else None)
        incidents.append(incident)
        if mode == "reported" and second != "development":
            # a development told beside the story (a second bomb defused) leaves the story the one being told
            current = incident
            if story_date is None and (d := facts.best_date()) is not None and d.date is not None:
                story_date = d.date
                story_day = d if d.precision == 1 else None
        elif current is None:
            current = incident
    return [i for i in incidents if i.mode != "background" or _dated(i)]


def _dated_as_told_before(current: Incident | None, mention: Mention, facts: MentionFacts) -> MentionFacts:
    """"Police fired on marchers in Nakuru on Monday … Similar marches in Nairobi and Eldoret were dispersed with tear
    gas": a happening of the same kind, told as the news with no day of its own, split from the incident told before
    it only by its place, is of that incident's day (else the publication date's, as any undated news)."""
    if current is None or current.mode != "reported" or facts.best_date() is not None:
        return facts
    if not (_families_apart(mention.signals) & _families_apart(current.signals)):
        return facts
    anchor = current.best_date()
    if anchor is None or anchor.date is None:
        return facts
    reason = f"no day of its own: the day of the incident told before it, '{anchor.text}' ({anchor.reason})"
    return replace(facts, dates=[replace(anchor, reason=reason)])


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
    if casualties and all(c.kind == "killed" and TOLL_WORDS.match(c.text) and RISEN.search(c.text) for c in casualties):
        # "Rescuers pulled two more bodies from the rubble on Tuesday, raising the toll to seven": a toll told as
        # risen, and nothing else, is the toll of the incident told before, whatever day the bodies were found
        return True
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
