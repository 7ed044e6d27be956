"""Which place is the incident's: the most precise place its own clauses name.

The geoparser (strife.geo) finds and resolves every place phrase in the article; this
stage only chooses among those inside the incident's mentions: a town beats a district,
a district a province, a province a country (coding-guide.md, "Places"). With none, the
dateline's place, then the article's main country, at precision 3, and the reason is
written into the evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from strife.extract.lexicon import LEXICON, load_data
from strife.record import Evidence

_RULES = load_data("geo_rules.json")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# "police in Quetta said": where the teller is, not where the incident was
SOURCE_BEFORE = re.compile(rf"\b(?:{_alternation(_RULES['source_nouns'])})\s+in\s+(?:the\s+)?$", re.I)
# "chanted slogans in support of Gaza": what the protest is for, never where
CAUSE_BEFORE = re.compile(rf"\b(?:{_alternation(_RULES['cause_before'])})\s+(?:the\s+)?(?:people\s+of\s+)?$", re.I)
REFERENCE_BEFORE = re.compile(rf"\b(?:{_alternation(_RULES['reference_before'])})\s+(?:the\s+)?$", re.I)
# the far end of a road told by its two ends ("on the road from Kano to Zaria", "the highway between Gao and Ansongo")
ROUTE_END_BEFORE = re.compile(r"\b(?:road|roads|highway|route|motorway|track|axis)\s+(?:from|between|linking|connecting)\s+"
                              r"(?:(?:[A-Z][\w'’.-]*|da|de|do|dos|das|del|di|du|el|al|la|le)\s+){1,5}(?:to|and|with)\s+$")
# "Sake, west of Goma", "the Hawija district southwest of Kirkuk": a bearing locates the
# place named just before it; with none before it in the clause ("in the desert east of
# Palmyra") the bearing is the incident's own place, near the town
BEARING_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?$", re.I)
# "Sake, a town on the road west of Goma": the description of a place names others
APPOSITION_BEFORE = re.compile(r",\s+(?:a|an|the|about|some|near)\b[^,;.()]*$")
# "killed six traders in the town's market": the town the article last named
PLACE_ANAPHOR = re.compile(rf"\bthe\s+(?:{_alternation(_RULES['place_anaphors'])})\b(?!\s+of\b)", re.I)
# "The province has been hit by a series of attacks: in March, ...": the province the article last named
PROVINCE_ANAPHOR = re.compile(rf"\bthe\s+(?:{_alternation(_RULES['province_anaphors'])})\b(?!['’]s|\s+of\b|\s+capital\b)", re.I)
# "Youths in the area blocked the road": the place the article last named
AREA_ANAPHOR = re.compile(rf"\b(?:in|from|across)\s+the\s+(?:{_alternation(_RULES['area_anaphors'])})\b(?!\s+of\b|['’]s)", re.I)
LISTED_WITH = re.compile(r"^(?:\s*,)?\s+(?:and|or)\s+$|^\s*,\s+$")
# "on the city's Dniprovskyi district": a part of the town the article last named
PART_OF_TOLD_PLACE = re.compile(rf"\bthe\s+(?:{_alternation(_RULES['place_anaphors'])})['’]s\s+$", re.I)
# "an attack on the same town", "at the same protest": an earlier incident where the news happened
SAME_PLACE = re.compile(rf"\bthe\s+same\s+(?:{_alternation(_RULES['same_place_nouns'])})\b", re.I)
# "the ministry said in Moscow that", "speaking in Kyiv": where the teller spoke
SPEAKER_BEFORE = re.compile("|".join(f"(?:{p})" for p in _RULES["speaker_before"]), re.I)
# "died of their wounds in a hospital in Popayan", "a resident who fled to Hinche": where the wounded were treated
# or the teller went
CARE_BEFORE = re.compile("|".join(f"(?:{p})" for p in _RULES["care_before"]), re.I)
SPEECH_AFTER = re.compile(rf"^[\w\s,'’-]{{0,25}}?\b(?:{_alternation(_RULES['speech_verbs'])})\b", re.I)
# "UNHCR said in Geneva", "said in a statement issued in Abuja", "told reporters in Kampala",
# "the army said from Bogota": where it was told. ("reported in" and "claimed in" are left
# out: "fighting was reported in Bakhmut" is the incident's place.)
_TELLING = [v for v in _RULES["speech_verbs"] if v not in ("reported", "claimed")]
_TOLD_TAIL = (rf"(?:,?\s+(?:(?-i:on\s+[A-Z]\w+|late\s+on\s+[A-Z]\w+)|{_alternation(_RULES['statement_words'])}))*"
              r",?\s+(?:in|from)\s+(?:the\s+)?$")
SPEECH_THEN_PLACE = re.compile(
    # (the one told may stand between: "told Reuters by phone from Bunia", "told The Associated Press in";
    # its capitals are read case-sensitively: "said the attack in" is no telling of a place)
    rf"\b(?:{_alternation(_TELLING)})\b(?:\s+(?-i:(?:the\s+|The\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+){{0,2}}))?" + _TOLD_TAIL, re.I)
# in text all in capitals no word says it is a name: no one told is read between
SPEECH_THEN_PLACE_UPPER = re.compile(rf"\b(?:{_alternation(_TELLING)})\b" + _TOLD_TAIL, re.I)
# "Tajikistan's border service said": a country owning the body that speaks (geo_rules.json teller_owner_nouns)
TELLER_OWNER_AFTER = re.compile(
    rf"^['’]s\s+(?:[\w-]+\s+){{0,{_RULES['teller_owner_gap']}}}?(?:{_alternation(_RULES['teller_owner_nouns'])})"
    rf",?\s+(?:{_alternation(_RULES['speech_verbs'])})\b", re.I)
# "what Islamabad called hideouts", "Moscow said": the place is its government speaking
SPEAKER_AFTER = re.compile(rf"^\s+(?:{_alternation(_RULES['speaker_verbs'])})\b(?!\s+to\b)")
# "Dera Ismail Khan's Kulachi area": the owner locates the place it owns
OWNER_BETWEEN = re.compile(r"^['’]s\s+(?:the\s+)?$")

# Of two places equally precise for ACLED, the smaller unit: a province over its country.
KIND_ORDER = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


def is_source_place(mention, text: str) -> bool:
    """The place says where the teller is ("officials in Makurdi said", "UNHCR said in
    Geneva"), is the teller ("Moscow said"), or is where the wounded were treated ("died in
    a hospital in Popayan"): not where the incident was."""
    before = text[max(0, mention.start - 80) : mention.start]
    if CARE_BEFORE.search(before[-60:]):
        return True
    if SOURCE_BEFORE.search(before[-60:]) and SPEECH_AFTER.search(text[mention.end : mention.end + 60]):
        return True
    told = SPEECH_THEN_PLACE_UPPER if before.isupper() else SPEECH_THEN_PLACE
    if mention.place is not None and mention.place.kind == "country" and TELLER_OWNER_AFTER.match(text[mention.end : mention.end + 120]):
        return True
    return bool(told.search(before) or SPEAKER_BEFORE.search(before[-60:])
                or SPEAKER_AFTER.match(text[mention.end : mention.end + 20]))


def is_force_owner(mention, text: str) -> bool:
    """A country named before its forces or weapons ("operations against U.S. forces in Iraq",
    "Russian drones"): whose they are, not where the incident was (strife.geo.geoparse.FORCE_AFTER)."""
    from strife.geo.geoparse import FORCE_AFTER

    return mention.place is not None and mention.place.kind == "country" and bool(FORCE_AFTER.match(text, mention.end))


def in_group_name(mention, text: str, groups) -> bool:
    """A country written into a named group's name ("the banned Tehreek-i-Taliban Pakistan", "Pakistan
    Tehreek-e-Insaf workers"): it says whose the group is, not where the incident was; like a source's
    place it is the incident's place only when nothing else is named. `groups`: the text's named groups
    (LEXICON.named_groups_in)."""
    if mention.place is None or mention.place.kind != "country":
        return False
    return any(h.start <= mention.start and mention.end <= h.end and h.end - h.start > mention.end - mention.start
               for _, h in groups)


def locates_another(mention, text: str, previous) -> bool:
    """The place does not say where the clause's happening was: the teller's or the
    hospital's place, a reference for another place ("across the border from Iraq"), or a
    part of the town already told ("the city's Dniprovskyi district"). Such a place does
    not make the clause another incident's (extract.assemble)."""
    before = text[max(0, mention.start - 80) : mention.start]
    if (previous is not None and previous.end <= mention.start and LISTED_WITH.match(text[previous.end : mention.start])
            and is_reference_place(previous, text, None)):
        return True  # "arrived from Cotopaxi and Imbabura": listed with a reference, a reference too
    return (is_source_place(mention, text) or is_reference_place(mention, text, previous)
            or PART_OF_TOLD_PLACE.search(before[-40:]) is not None)


def is_owner_place(mention, text: str, following) -> bool:
    """The place owns the next one ("Dera Ismail Khan's Kulachi area", "Peshawar's
    Hayatabad"): named to say where that one is, which is the more precise."""
    if following is None or following.place is None or following.place.kind == "country" or following.start < mention.end:
        return False
    if mention.place is None or not OWNER_BETWEEN.match(text[mention.end : following.start]):
        return False
    # the part lies inside its owner ("Mogadishu's Afgooye corridor" is a road named after
    # a town of another province: Mogadishu stays the place)
    owner, part = mention.place, following.place
    return owner.geonameid in (part.admin1_id, part.admin2_id) or (
        owner.kind in ("city", "other") and owner.admin1_id is not None and owner.admin1_id == part.admin1_id)


def is_reference_place(mention, text: str, previous) -> bool:
    """The place is named to say where another is: "on the border with Chad", "Sake, a
    town west of Goma", "Monguno, about 140 km north-east of Maiduguri"."""
    before = text[max(0, mention.start - 80) : mention.start]
    if ROUTE_END_BEFORE.search(before):
        return True  # "the road from Mocimboa da Praia to Mueda": where the road goes, not where it happened
    if REFERENCE_BEFORE.search(before) and mention.qualifier != "km of":
        if not BEARING_BEFORE.search(before):
            return True
        if _described_by_bearing(previous, mention, text) and not _abroad_of(previous, mention) and not (
                _unknown(previous) and (previous.fallback is None or previous.fallback.kind != "city")):
            # ("near the Tishrin dam, southeast of Manbij, in northern Syria": the dam is not in the
            # gazetteer, and falls back no nearer than the country, so the town it is told by is the
            # incident's best point, near it)
            return True
    if previous is not None and previous.place is not None and previous.end <= mention.start:
        between = text[previous.end : mention.start]
        return bool(APPOSITION_BEFORE.match(between)) and "\n" not in between
    return False


def _clause_between(previous, mention, text: str, limit: int) -> str | None:
    """The words between two places when they are few and in one clause; else None."""
    if previous is None or previous.end > mention.start:
        return None
    between = text[previous.end : mention.start]
    return between if len(between) <= limit and not re.search(r"[.;:!?\n]", between) else None


def _described_by_bearing(previous, mention, text: str) -> bool:
    """"the Far'a camp south of Tubas": the bearing before `mention` describes `previous`."""
    between = _clause_between(previous, mention, text, 60)
    return between is not None and bool(BEARING_BEFORE.search(between))


# "the village of Duma near Nablus": a place said to be near another
NEAR_BEFORE = re.compile(rf"\b(?:{_alternation(w for w in _RULES['near_words'] if w not in ('between', 'off'))})\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$", re.I)


def _described_by_anchor(previous, mention, text: str) -> bool:
    """The place before `mention` is said to lie by it: by a bearing or near it."""
    if _described_by_bearing(previous, mention, text):
        return True
    between = _clause_between(previous, mention, text, 40)
    return between is not None and bool(NEAR_BEFORE.search(between))


def _abroad_of(described, anchor) -> bool:
    """A place said to lie 'south of' or 'near' a town is in the town's country: read in
    another, it is a namesake misread, and the town is the better place."""
    return (described.place is not None and anchor.place is not None
            and described.place.country_iso2 != anchor.place.country_iso2)


def choose_place(incident, geo, gazetteer, dateline, parent=None):
    """-> (Place | None, geo_precision | None, evidence). `parent`: (Place, precision, name) of the incident this one
    was split from, for an incident that names no known place of its own."""
    text = getattr(geo, "text", None) or None
    before = {id(m): prev for prev, m in zip([None] + geo.mentions, geo.mentions)}
    after = {id(m): nxt for m, nxt in zip(geo.mentions, geo.mentions[1:] + [None])}
    groups = LEXICON.named_groups_in(text) if text is not None else []

    def aside(p) -> bool:
        if text is None:
            return False
        nxt, prev = after.get(id(p)), before.get(id(p))
        if prev is not None and _described_by_anchor(prev, p, text) and _abroad_of(prev, p):
            return False  # the town a misread namesake was said to lie by is the place
        misread = nxt is not None and _described_by_anchor(p, nxt, text) and _abroad_of(p, nxt)
        return (misread or is_source_place(p, text) or is_reference_place(p, text, before.get(id(p)))
                or is_owner_place(p, text, nxt) or is_force_owner(p, text) or getattr(p, "government", False)
                or in_group_name(p, text, groups))

    def cause(p) -> bool:
        return text is not None and bool(CAUSE_BEFORE.search(text, max(0, p.start - 40), p.start))

    candidates = [
        (aside(p), p.precision, KIND_ORDER.get(p.place.kind, 4), order, p)
        for order, f in enumerate(incident.facts)
        for p in f.places
        if p.place is not None and not _is_actor(p, f) and not cause(p)
    ]
    # a name the gazetteer lacks that falls back to a town ("near the Gorobal dam, northeast of Gao"):
    # near that town, as good as the town's own mention, even where that mention only locates the name
    candidates += [
        (aside(p), p.fallback_precision, KIND_ORDER.get(p.fallback.kind, 4), order,
         replace(p, place=p.fallback, precision=p.fallback_precision))
        for order, f in enumerate(incident.facts)
        for p in f.places
        if p.place is None and getattr(p, "fallback", None) is not None and p.fallback.kind == "city"
    ]
    if text is not None and (not candidates or all(c[0] for c in candidates)):
        # "Youths in the area later blocked the road to Jos": the incident's own clause says where it was by
        # pointing back, to the last town or district named; a place it names only to locate something
        # else ('the road to Jos') is no better
        area = _area_referred_to(incident, geo, text, before)
        if area is not None:
            reason = (f"the incident's own clauses say '{area[1]}': the last town or district named before them, "
                      f"{area[0].text}")
            return area[0].place, max(2, area[0].precision or 2), [Evidence(field="location", start=area[0].start, end=area[0].end,
                                                                            quote=area[0].text, reason=reason)]
    if not candidates and text is not None and incident.mode == "background":
        same = _story_place(incident, geo, text, dateline, before)
        if same is not None:
            return same
    if not candidates and text is not None:
        # "A strike on a printing house in the city killed seven people in May, and in April a missile attack on
        # Sumy killed 35": the incident's own clause says "the city", which points back to the last town named
        # before it, before any town that another clause of its sentence names
        referred = _town_referred_to(incident, geo, text, before, own_clauses=True)
        if referred is not None:
            reason = (f"the incident's own clauses name no known place but refer back to the town: "
                      f"{referred.text}, the last town named before them")
            return referred.place, referred.precision, [Evidence(field="location", start=referred.start, end=referred.end,
                                                                 quote=referred.text, reason=reason)]
    if not candidates and text is not None:
        # the incident's own clauses name no place: a place of its sentences ("Troops
        # deployed in Tripoli after clashes between gunmen ...")
        spans = [(m.sentence_start, m.sentence_end) for m in incident.mentions]
        candidates = [
            (aside(p), p.precision, KIND_ORDER.get(p.place.kind, 4), 10 + order, p)
            for order, p in enumerate(geo.mentions)
            if p.place is not None and any(s <= p.start < e for s, e in spans)
            and not any(_is_actor(p, f) for f in incident.facts) and not cause(p)
        ]
    if candidates:
        source, precision, _, _, best = min(candidates, key=lambda c: c[:4])
        why = getattr(best, "reason", None) or ""
        town = (geo.resolve_dateline(dateline) if incident.mode == "reported" and (
                best.place.kind in ("admin1", "admin2") or (best.place.kind == "country" and not source)) else None)
        if town is not None and town.kind == "city" and (
                best.place.geonameid in (town.admin1_id, town.admin2_id)
                or (best.place.kind == "country" and best.place.country_iso2 == town.country_iso2)):
            # "MINNA - Police in Niger State arrested ...": the incident names only the
            # province, the dateline a town inside it: the town, near it (precision 2).
            # So too for a country ("NAIROBI - Kenya's parliament passed ... as police fired tear
            # gas at protesters"): the reporter's town in it is nearer the incident than the
            # country's middle
            level = {"admin1": "province", "admin2": "district"}.get(best.place.kind, "country")
            why += f"; the incident names only the {level}: the dateline's town {town.name}, inside it, precision 2"
            return town, 2, [Evidence(field="location", start=dateline.place_start, end=dateline.place_end, quote=dateline.place, reason=why)]
        if source:
            why += "; a place named only as the report's source or to locate another: no other place is named for the incident"
        elif candidates[0][3] >= 10 and all(c[3] >= 10 for c in candidates):
            why += "; the incident's own clauses name no place: a place of the same sentence"
        lacking = [p.text for f in incident.facts for p in f.places
                   if p.place is None and not getattr(p, "tagged_only", False) and "not in the gazetteer" in (p.reason or "")]
        if lacking:  # the fallback is said: a more precise name was there but is unknown
            why += f"; {', '.join(repr(t) for t in lacking)} not in the gazetteer: falls back to {best.text}"
        return best.place, precision, [Evidence(field="location", start=best.start, end=best.end, quote=best.text, reason=why)]
    unresolved = [p for f in incident.facts for p in f.places if p.place is None]
    held = [p for p in unresolved if getattr(p, "fallback", None) is not None]
    if held:  # "a village in X district": the name is unknown, the district that holds it is not
        best = min(held, key=lambda p: p.fallback_precision)
        return best.fallback, best.fallback_precision, [Evidence(field="location", start=best.start, end=best.end, quote=best.text, reason=best.reason)]
    notes = "; ".join(f"'{p.text}' not in the gazetteer" for p in unresolved)
    named_before = _town_referred_to(incident, geo, text, before)
    if named_before is not None:
        reason = (f"the incident's own sentences name no known place but refer back to the town: "
                  f"{named_before.text}, the last town named before them")
        return named_before.place, named_before.precision, [Evidence(field="location", start=named_before.start, end=named_before.end,
                                                                     quote=named_before.text, reason=reason)]
    province = _province_referred_to(incident, geo, text, gazetteer, before)
    if province is not None:
        place, mention = province
        reason = (f"the incident's own sentences name no known place but refer back to the province: "
                  f"{place.name}, the last named before them")
        return place, 3, [Evidence(field="location", start=mention.start, end=mention.end, quote=mention.text, reason=reason)]
    if parent is not None:
        # "…on Nov. 28, police arrested 11 people at a rally outside the public broadcaster", told with the news from
        # Tbilisi: an incident split from the one being told that names no known place of its own is where that one
        # was, near it (precision 2): closer than the dateline or the country
        where, precision, name = parent
        reason = (f"the incident's own sentences name no known place: the place of the incident it is told with, "
                  f"{name}, precision {max(precision or 2, 2)}")
        if notes:
            reason += f" ({notes})"
        return where, max(precision or 2, 2), [Evidence(field="location", reason=reason)]
    if dateline is not None and dateline.place and incident.mode == "reported":
        resolved = geo.resolve_dateline(dateline)
        elsewhere = _country_named_instead_of(resolved, geo, gazetteer) if resolved is not None else None
        if elsewhere is not None and text is not None and any(
                m.place is not None and m.place.geonameid == resolved.geonameid and not is_source_place(m, text)
                and not is_reference_place(m, text, before.get(id(m))) for m in geo.mentions):
            elsewhere = None  # ("AMMAN - ... in the Rabieh district of Amman": the text places its story in the dateline's town)
        if elsewhere is not None:
            # "NAIROBI - ... stormed a base in Qx ... Somalia's army said": a dateline whose
            # country the text never names is where the reporter is; the story's country
            # is the one the text names
            reason = (f"the incident's own sentences name no known place; the dateline's country is never named "
                      f"in the text, which names {elsewhere.name}: the country, precision 3")
            if notes:
                reason += f" ({notes})"
            return elsewhere, 3, [Evidence(field="location", reason=reason)]
        first = min(m.start for m in incident.mentions)
        story = _first_story_mention(geo, text, dateline, before, until=first) if text is not None else None
        if resolved is not None and story is not None and story.place.country_iso2 == resolved.country_iso2 \
                and story.place.geonameid != resolved.geonameid:
            # "TRUJILLO - Miners blocked the highway near Chao ... When police moved to clear the road, the miners
            # threw stones": an incident that names no place, told after the story's own town, is there (near it),
            # not where the reporter files from
            return _near_story_place(story, f"the incident's own sentences name no known place: the story's place named "
                                            f"before them, {story.text}, near it (precision 2), rather than the dateline's", notes)
        if resolved is not None:
            reason = "the incident's own sentences name no known place: the dateline's place"
            if notes:
                reason += f" ({notes})"
            return resolved, 2, [Evidence(field="location", start=dateline.place_start, end=dateline.place_end, quote=dateline.place, reason=reason)]
    state = next((f.state_actor[0] for f in incident.facts if f.state_actor), None)
    iso2 = geo.main_country(exclude=state if incident.mode == "background" else None)
    if incident.mode == "background" and text is not None and iso2:
        # an incident told for context whose sentences name no known place ("A year ago, a
        # bombing killed 32 people", "in March, an ambush there killed four", or only a
        # village the gazetteer lacks) is told because it is the story's own ground: the
        # story's place, near it (precision 2), is closer than the middle of the country
        story = _story_mention(geo, text, dateline, before)
        if story is not None and story.place.country_iso2 == iso2:
            return _near_story_place(story, f"no known place named for this incident, told for context: the story's place, "
                                            f"{story.place.name}, near it (precision 2)", notes)
    if iso2:
        country = gazetteer.country(iso2)
        if country is not None:
            reason = "no place named for this incident: the article's country, precision 3"
            if notes:
                reason += f" ({notes})"
            return country, 3, [Evidence(field="location", reason=reason)]
    return None, None, [Evidence(field="location", reason=notes or "no place named for this incident")]



def _near_story_place(story, reason: str, notes: str | None):
    """An incident that names no known place placed at the story's own place, near it (precision 2 at best), with the
    evidence of where the text names it."""
    if notes:
        reason += f" ({notes})"
    return story.place, max(2, story.precision or 2), [Evidence(field="location", start=story.start, end=story.end,
                                                                quote=story.text, reason=reason)]

def _first_story_mention(geo, text, dateline, before, until: int | None = None):
    """The story's own place: the first town (or district) the text names outside its dateline and not as a
    source's or a reference's place (before `until`, when given)."""
    in_dateline = (lambda p: dateline is not None and dateline.place_start is not None
                   and dateline.place_start <= p.start < dateline.place_end)
    return next((p for p in geo.mentions
                 if p.place is not None and p.place.kind in ("city", "admin2") and (until is None or p.end <= until)
                 and not in_dateline(p) and not is_source_place(p, text)
                 and not is_reference_place(p, text, before.get(id(p)))), None)


def _story_mention(geo, text, dateline, before):
    """The story's place as a mention: its first town or district, else the dateline's town (as a mention
    of the dateline's span)."""
    first = _first_story_mention(geo, text, dateline, before)
    if first is not None:
        return first
    resolved = geo.resolve_dateline(dateline) if dateline is not None and dateline.place else None
    if resolved is not None and resolved.kind == "city":
        from strife.geo.geoparse import PlaceMention

        return PlaceMention(dateline.place_start, dateline.place_end, dateline.place, resolved, 1, None, "the dateline's town")
    return None


def _story_place(incident, geo, text, dateline, before):
    """"In April, an attack on the same town freed 529 inmates": a context incident whose own clauses name no place
    but "the same town" is where the story's news is, the first town (or district) the text names outside its
    dateline and not as a source's or a reference's place; with none, the dateline's town."""
    hit = next((h for m in incident.mentions if (h := SAME_PLACE.search(text, m.start, m.end))), None)
    if hit is None:
        return None
    first = _first_story_mention(geo, text, dateline, before, until=hit.start())
    reason = f"the incident's own clauses name no place but '{hit.group(0)}': the story's place"
    if first is not None:
        return first.place, first.precision, [Evidence(field="location", start=first.start, end=first.end, quote=first.text,
                                                       reason=f"{reason}, {first.text}, the first it names")]
    resolved = geo.resolve_dateline(dateline) if dateline is not None and dateline.place else None
    if resolved is not None:
        return resolved, 1, [Evidence(field="location", start=dateline.place_start, end=dateline.place_end,
                                      quote=dateline.place, reason=f"{reason}, the dateline's town")]
    return None


def _country_named_instead_of(dateline_place, geo, gazetteer):
    """The one country the text names (by name or by a place resolved in it) when it
    never names the dateline's country nor a place in it; else None."""
    ctx = getattr(geo, "context", None)
    if ctx is None:
        return None
    home = dateline_place.country_iso2
    named = dict(ctx.named)
    named[home] = named.get(home, 0) - 2  # the dateline's own weight (strife.geo.geoparse._context)
    for m in geo.mentions:
        if m.place is not None and m.place.geonameid != dateline_place.geonameid:
            named[m.place.country_iso2] = named.get(m.place.country_iso2, 0) + 1
    if named.get(home, 0) > 0:
        return None
    others = {iso2 for iso2, n in named.items() if n > 0 and iso2 != home}
    if len(others) != 1:
        return None
    return gazetteer.country(others.pop())


def _is_actor(place_mention, facts) -> bool:
    """"Pakistan's strikes", "strikes by Pakistan": the country acts; it is not the place."""
    if facts.state_actor is None:
        return False
    if place_mention.place is not None and place_mention.place.kind != "country":
        return False  # "police in Niger State": the province is a place, whoever acts in it
    hit = facts.state_actor[1]
    return place_mention.start < hit.end and hit.start < place_mention.end


def _town_referred_to(incident, geo, text, before, own_clauses: bool = False):
    """"Insurgents occupied the town of Macomia ... During the occupation they killed six
    traders in the town's market": an incident whose sentences say only "the town" is in
    the last town named before that phrase (not one named as a source or a reference).
    `before` is choose_place's map of each place mention to the one before it. With `own_clauses`, the phrase
    is looked for only in the incident's own clauses, not in the rest of their sentences."""
    if text is None:
        return None
    for m in incident.mentions:
        hit = (PLACE_ANAPHOR.search(text, m.start, m.end) if own_clauses
               else PLACE_ANAPHOR.search(text, m.sentence_start, m.sentence_end))
        if hit is None:
            continue
        towns = [p for p in geo.mentions if p.end <= hit.start() and p.place is not None and p.place.kind == "city"
                 and not (is_source_place(p, text) or is_reference_place(p, text, before.get(id(p))))]
        if towns:
            return towns[-1]
    return None


def _unknown(mention) -> bool:
    """A place phrase the gazetteer lacks (not one the tagger alone found, which may be no place at all)."""
    return (mention is not None and mention.place is None and not getattr(mention, "tagged_only", False)
            and "not in the gazetteer" in (mention.reason or ""))


def _province_referred_to(incident, geo, text, gazetteer, before):
    """"The province has been hit by a series of attacks: in March, separatists hijacked a train": an incident
    whose sentences name no place but "the province" is in the last province named before that phrase (or the
    province of the last town named), not one named as a source's or a reference's place."""
    if text is None:
        return None
    for m in incident.mentions:
        hit = PROVINCE_ANAPHOR.search(text, m.sentence_start, m.sentence_end)
        if hit is None:
            continue
        home = geo.main_country()
        for p in reversed([p for p in geo.mentions if p.end <= hit.start() and p.place is not None]):
            if (p.place.kind == "country" or p.place.country_iso2 != home
                    or is_source_place(p, text) or is_reference_place(p, text, before.get(id(p)))):
                continue  # (a province abroad is no province of the story's)
            province = p.place if p.place.kind == "admin1" else gazetteer.get(p.place.admin1_id) if p.place.admin1_id else None
            if province is not None and province.lat is not None:
                return province, p
        return None
    return None


def _area_referred_to(incident, geo, text, before):
    """"Youths in the area later blocked the road to Jos in protest": an incident whose own clauses say "in the
    area" is at the last town or district named before that phrase (not one named as a source's or a
    reference's place). -> (mention, phrase) or None"""
    for m in incident.mentions:
        hit = AREA_ANAPHOR.search(text, m.start, m.end)
        if hit is None:
            continue
        for p in reversed([p for p in geo.mentions if p.end <= hit.start() and p.place is not None]):
            if p.place.kind not in ("city", "other", "admin2"):
                continue
            if is_source_place(p, text) or is_reference_place(p, text, before.get(id(p))):
                continue
            return p, hit.group(0)
        return None
    return None
