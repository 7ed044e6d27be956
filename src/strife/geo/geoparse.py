"""The geoparser: place phrases of an article, resolved against the gazetteer.

Finds where places stand ("in X", "near X", "X district", "the town of X", "in the port
city of X", "the X Valley", spaCy's GPE/LOC/FAC entities, "40 km south of X"), then
resolves each among its namesakes by a score (weights in data/geo_rules.json): first the
article's own context (a province it names, the countries it names or its dateline, the
other places of the article that share a province or country with a reading), then
whether the phrase is the place's own name or only an alternate one, its kind and its
population. The small English model mislabels places (Quetta as ORG, Sistan as PERSON):
a name the gazetteer knows, standing after a place preposition or before a place noun,
is a place whatever the tagger said. An unknown name is kept with place None and the
reason; it never costs the others.

Some phrases name a place through another: "the Borno state capital" or "the provincial
capital" is the province's capital (strife.geo.capitals); a landmark ("Tahrir Square in
central Baghdad") is the town named with it, never a namesake of its words abroad; an
unknown district set before a town ("Kibera, Nairobi") falls back to that town, an
unknown town beside a country's name ("X, in central Mali") to that country.

Locators and look-alikes: "Djenne (Mopti, Mali)" is a town and, in brackets, the province
that holds it; a name read abroad takes its reading inside the province named right after
it ("east of Palmyra, Homs countryside"); the words of a thing's name ("the Line of
Control") are places only as provinces or big towns by their own name; a building's bare
noun ("in front of Congress") is a landmark, never a town abroad; "the Quetta Press Club"
is in Quetta; "rural Tame" is the town's land (precision 2).

Precision follows ACLED: 1 a named town, 2 near a town, a part of it or of its land
("area", "valley", "40 km south of"), or a district, 3 a province or country. A place the
gazetteer holds without coordinates falls back to a town of its name inside it, then to
its province, and the fallback is written into the reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc

from strife.extract.lexicon import LEXICON, load_data
from strife.extract.places import is_source_place
from strife.extract.states import STATES
from strife.geo.capitals import capital_of, national_capitals
from strife.geo.distance import km_between
from strife.geo.gazetteer import DISPLAY_SUFFIXES, Gazetteer, Place, keys_of, normalise

GEO = load_data("geo_aliases.json")
RULES = load_data("geo_rules.json")
WEIGHTS = RULES["weights"]
NOT_PLACES = {normalise(n) for n in GEO["not_places"]}
NOUNS = GEO["place_nouns"]
NOUN_KIND = {n: kind for kind, ns in NOUNS.items() for n in ns}
AREA_NOUNS = set(RULES["area_nouns"])
SUPRANATIONAL = {normalise(n) for n in RULES["supranational"]}
# a demonym right before a force or a weapon ("Turkish drone", "Rwandan troops", "Russian
# military jets") says whose they are: forces abroad must not place the incident at home
TELLING_AFTER = re.compile(r"\s+(?:said|says|reported|announced|told|claimed|confirmed|spokes\w+)\b")
# (or another's name between: "U.S. and British warplanes")
FORCE_AFTER = re.compile(rf"\.?\s+(?:and\s+[A-Z][\w.-]+\s+)?(?:[a-z]+\s+)?(?:{'|'.join(sorted(map(re.escape, RULES['force_nouns']), key=len, reverse=True))})\b")
NEAR_WORDS = set(RULES["near_words"])
# "the Iran-aligned Kataib Hezbollah", "Turkish-backed factions": an adjective of a backer, not a place
BACKER_AFTER = re.compile(rf"-(?:{'|'.join(sorted(map(re.escape, RULES['backer_suffixes']), key=len, reverse=True))})\b", re.I)
POLICE_BEYOND = RULES["police_beyond_borders"]
# "Kenyan police", "the Uganda Police Force", "Congolese riot police": a country's police act at home,
# so the story is in that country (one lower-case or capitalised word may stand between)
HOME_POLICE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:[A-Za-z]+\s+)?(?:{'|'.join(sorted(map(re.escape, RULES['home_police_nouns']), key=len, reverse=True))})\b")
# "Dhaka Metropolitan Police", "Karachi police", "the Sindh police": a city's or a province's police
CITY_POLICE = re.compile(r"\b((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)??))\s+(?:(?:metropolitan|city|capital|provincial|regional|state|district)\s+)?police\b", re.I)
# "Fano militiamen": a group's alias made of a name and a noun for its members is the group, not a place
GROUP_MEMBER_TAIL = re.compile(rf"\s+(?:{'|'.join(sorted(map(re.escape, RULES['group_member_nouns']), key=len, reverse=True))})$", re.I)
DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"}


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NOUN_ALT = _alternation(set(NOUN_KIND) | AREA_NOUNS)
_DIR_ALT = _alternation(RULES["directions"])
_DESC_ALT = _alternation(RULES["descriptors"])
_NAME = r"(?:(?:al|el|ad|ar|as|ash|an|az|at)-)?[A-Z][\w'’.-]*(?:[ -](?:(?:de|del|la|las|los|du|des|da|do|dos|das|el|al|ad|ul|e|i|y|and|of)[ -])?[A-Z][\w'’.-]*){0,4}"
_PREPS = ["in", "at", "of", "from", "to", "into", "toward", "towards", "across", "inside", "on", "through", "throughout", "along"] + sorted(NEAR_WORDS, key=len, reverse=True)
# "in rural Tame", "in downtown Port-au-Prince": a word for the town's land or its centre
_TOWN_SIDE_ALT = _alternation(RULES["town_land_words"] + RULES["town_centre_words"])
_PREP_TAIL = (
    rf"(?:the\s+)?(?P<dir>(?i:{_DIR_ALT})\s+)?(?P<side>(?i:{_TOWN_SIDE_ALT})\s+)?"
    rf"(?:(?:[A-Z]\w+\s+)?(?P<desc>(?:{_DESC_ALT}))(?:\s+of|,)?\s+)?"
    rf"(?P<name>{_NAME})"
)
PREP = re.compile(rf"\b(?P<prep>{_alternation(_PREPS)})\s+" + _PREP_TAIL)
# a sentence may open with its place ("In Tulkarm last week, two women were killed"): the
# preposition is capitalised there, and only there (a pass of its own: the name before the
# sentence's stop may have run into it, "on Monday. In Tubas")
_OPENING_PREPS = ["In", "At", "Near", "Outside", "Inside", "Around", "Across", "Throughout"]
PREP_OPENING = re.compile(rf"(?:\A|(?<=[.!?;:] )|(?<=[.!?]\" )|(?<=\n))(?P<prep>{_alternation(_OPENING_PREPS)})\s+" + _PREP_TAIL)
WITH_NOUN = re.compile(rf"(?P<name>{_NAME})\s+(?P<noun>(?i:{_NOUN_ALT}))\b")
NOUN_OF = re.compile(rf"\b(?P<noun>(?i:{_NOUN_ALT}|{_DESC_ALT}))\s+of\s+(?P<name>{_NAME})")
RELATIVE = re.compile(
    rf"(?<![\d,.])(?P<dist>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s*(?P<unit>km|kms|kilometers|kilometres|miles|mi)\s+(?:\([^)]*\)\s+)?"
    rf"(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?(?P<name>{_NAME})"
)
# ACLED's coder notes give a town its district, province and country in brackets after it: "Djenne (Mopti,
# Mali)", "Bakura (Bakura, Zamfara)" (no country), "Bichena (Enebse Sar Midir, East Gojjam, Amhara)", "Kalungu
# village (Kalehe, Sud-Kivu)". One pattern for all: up to four names, the last one a country when STATES knows it
# (a country's name may be one _NAME does not cover, "Democratic Republic of the Congo"); read by _coder_notes
CODER_NOTE = re.compile(
    rf"(?P<name>{_NAME})(?P<noun>\s+(?:{_alternation(RULES['coder_note_nouns'])}))?\s+\("
    rf"(?P<inner>{_NAME}(?:,\s*{_NAME}){{0,3}}?)(?:,\s*(?P<country>[A-Z][\w .'’-]+?))?\)")
OBJECT = re.compile(rf"\b(?:{_alternation(RULES['object_verbs'])})[ \t]+(?P<name>{_NAME})")  # same line: a headline's last word is no verb of the body
# "In Ahvaz, retirees gathered…": a name that opens a sentence after "In" and before a comma (the tagger often misses
# it there), checked against the gazetteer like the two below ("In Addition," is no town)
CLAUSE_IN = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'’”]\s)|(?<=\n))In\s+(?P<name>{_NAME})(?=,)")
# "Tibu, Norte de Santander": a name after a town and a comma, checked against the
# gazetteer as a province or country before it is kept
APPOSITION = re.compile(rf"(?<=[a-z]),[ \t]+(?:and[ \t]+)?(?:in[ \t]+)?(?P<name>{_NAME})(?=[,.;]|\s+(?:on|in|near|after|before|where|and)\b)")
# "villages south of Nablus": near the town, no distance given
DIRECTION_OF = re.compile(rf"\b(?<!km )(?<!miles )(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?P<name>{_NAME})")
# "the Libyan capital" with no name after it: the country's capital
CAPITAL = re.compile(rf"\b(?P<name>(?P<who>[A-Z][\w-]+)\s+capital)\b(?!,?\s+{_NAME})")
STRONG_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|into|across|inside|through|toward|towards)\s+(?:the\s+)?$", re.I)
LEADING_WORDS = re.compile(r"^(?:(?:In|At|Near|On|From|Of|The|To|Outside|Across|Around|Inside|Also|Meanwhile|Elsewhere)\s+)+")
TRAILING_NOUN = re.compile(rf"\s+(?P<noun>(?i:{_NOUN_ALT}))$")
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270, "northwest": 315}
# Month and weekday names stand after "in"/"on" too ("in January"): never places.
NOT_PLACE_WORDS = {normalise(w) for w in load_data("dates.json")["months"]} | {
    normalise(w) for w in load_data("dates.json")["weekdays"]
}
ACRONYM = re.compile(r"[A-Z]{2,5}")
# "the Borno state capital", "the provincial capital" (with no name after it): the
# capital of the province named (strife.geo.capitals)
PROVINCE_CAPITAL = re.compile(
    rf"\b(?i:the)\s+(?:(?P<name>{_NAME})\s+)?(?P<level>(?i:{_alternation(RULES['capital_levels'])}))\s+capital\b"
    rf"(?!,?\s+(?:{_NAME})|\s+of\b)"
)
# "attacked the capital of Helmand province": the same, but not after a town and a comma
# ("Lashkar Gah, the capital of Helmand province" names the town itself)
CAPITAL_OF_PROVINCE = re.compile(
    rf"(?<!,\s)\b(?i:the)\s+(?:(?P<level>(?i:{_alternation(RULES['capital_levels'])}))\s+)?capital\s+of\s+(?P<name>{_NAME})")
NEAR_BEFORE = re.compile(rf"\b(?:{_alternation(NEAR_WORDS)})\s+$", re.I)
LANDMARK_NOUNS = set(RULES["landmark_nouns"])
LANDMARK_HEADS = set(RULES["landmark_heads"])
TOWN_NAMED_LANDMARKS = set(RULES["town_named_landmarks"])
# between a landmark and its town: "Tahrir Square in central Baghdad", "Kenyatta Avenue, Nairobi"
LANDMARK_TOWN_GAP = re.compile(rf"(?:\s+[a-z]+)?(?:,\s*|\s+(?:in|of|at)\s+)(?:(?:the\s+)?(?:(?i:{_DIR_ALT})|central|downtown)\s+(?:of\s+)?)?")
# "Kibera, Nairobi", "Lyari in Karachi", "Shaheen Bagh, in south Delhi": a part of the town after it
PART_OF_TOWN_GAP = re.compile(rf"(?:,\s*|\s+)(?:in\s+)?(?:(?:the\s+)?(?:(?i:{_DIR_ALT})|central|downtown)\s+(?:(?:part\s+)?of\s+(?:the\s+)?)?)?")
# "reached Kitchanga, in eastern Congo's North Kivu", "Kasindi, a border town in": the
# words after a name say it is a place, known or not
_TOWN_NOUN_ALT = _alternation(n for n, kind in NOUN_KIND.items() if kind in ("city", "admin2"))
DESCRIBED_AS_PLACE = re.compile(rf",\s+(?:in\s|(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}(?:{_TOWN_NOUN_ALT})\b)")
TOWN_PARTS = set(RULES["town_part_nouns"])
POSSESSIVE_PART = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:district|neighbourhood|neighborhood|quarter|suburb|area|commune|township|borough)\b")
# "the Mayor of Kharkiv", "the University of Maiduguri": heads whose "of" names a place
PLACE_OWNERS = set(RULES["place_owner_heads"])
# a place noun standing alone where a name should be
BARE_NOUNS = {normalise(n) for n in NOUN_KIND} | {normalise(n) for n in AREA_NOUNS}
# a building's noun standing alone ("in front of Congress", "outside Parliament") names
# the building, not a town abroad spelt the same (Congress, Arizona)
BARE_LANDMARKS = {normalise(n) for n in RULES["landmark_nouns"]}
# a capitalised name right before a place noun ("Tillaberi region of"): the noun is its
NAME_BEFORE = re.compile(r"\b(?!(?:The|A|An|This|That|Its|Their|His|Her|In|At|Of|On|From|Near)\s)[A-Z][\w'’-]+\s+$")
PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "country": 3}


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place | None
    precision: int | None
    qualifier: str | None
    reason: str
    kind_hint: str | None = None
    # a name the gazetteer lacks keeps place None; this is the district or province its
    # sentence names, for the stage that needs a point anyway (with fallback_precision)
    fallback: Place | None = None
    fallback_precision: int | None = None
    # found by the tagger alone, in no place position ("M23", "Murree Road"): if unknown,
    # it may be no place at all, so it gets no fallback and no mention in the evidence
    tagged_only: bool = False
    # a national capital standing for its government ("since Washington stepped up its campaign")
    government: bool = False


@dataclass
class Context:
    """What the article says about where it is, for choosing among namesakes."""

    named: Counter = field(default_factory=Counter)  # countries by name or dateline
    demonyms: Counter = field(default_factory=Counter)  # "Turkish drones": as often the actor as the place
    admin1s: set = field(default_factory=set)  # provinces the article names
    # which names of the article named each of those districts: the readings of a name
    # get no credit for lying in a district that only that same name names ("Palma"
    # names a Brazilian municipality Palma, as every Brazilian town names its own, which
    # is no evidence for the town in it); a province of the name is ("Rafah": the Gaza
    # governorate and its town)
    admin1_names: dict = field(default_factory=dict)
    coherent_countries: Counter = field(default_factory=Counter)  # countries other names can be read in
    coherent_admin1s: Counter = field(default_factory=Counter)  # and districts
    readings: dict = field(default_factory=dict)  # name -> its gazetteer readings
    # whose forces act ("Somali soldiers clashed") and the home countries of the named armed groups
    # ("al-Shabaab"): as often abroad as at home, so never a country the story is in by themselves
    acting: Counter = field(default_factory=Counter)
    # countries whose police act in the text ("Kenyan police arrested"): police act at home
    home: set = field(default_factory=set)

    def countries(self) -> Counter:
        return self.named + self.demonyms


@dataclass
class ArticleGeo:
    mentions: list[PlaceMention]
    countries: Counter = field(default_factory=Counter)
    gazetteer: Gazetteer | None = None
    context: Context | None = None
    text: str = ""  # what was parsed: the stage choosing the incident's place reads the words around a place

    def main_country(self, exclude: str | None = None) -> str | None:
        for iso2, _ in self.countries.most_common():
            if iso2 != exclude:
                return iso2
        return None

    def resolve_dateline(self, dateline) -> Place | None:
        """The dateline's place; a Title-case "Kolkata:" (no capitals, agency or date to
        say it is a dateline) only if the gazetteer knows it as a province or a town of
        some size, else "Update: ..." would be a hamlet."""
        if dateline is None or not dateline.place:
            return None
        place = self.resolve_text(dateline.place)
        if place is not None and not getattr(dateline, "certain", True) and not (
                place.kind != "city" or place.population >= RULES["weak_min_population"]):
            return None
        return place

    def resolve_text(self, name: str) -> Place | None:
        if self.gazetteer is None:
            return None
        paren = re.match(r"(.+?)\s*\((.+)\)\s*$", name)  # "SAN JOSE (COSTA RICA)"
        head, _, tail = (paren.group(1), ",", paren.group(2)) if paren else name.partition(",")
        country = STATES.iso2(tail.strip()) if tail.strip() else None
        found = [p for p in self.gazetteer.lookup(head.strip(), country) if p.kind in ("city", "admin1", "admin2")]
        context = self.context or Context(named=Counter(self.countries))
        return _best(found, head.strip(), context, None, exclude_name=None)


def _primary(place: Place, name: str) -> bool:
    """The phrase is the place's own name (not one of its alternate names)."""
    return _own_name(place.name, name)


# the aliases strife's own data gives a place (geo_aliases.json: "Hodeidah" for Al Hudaydah, "Kiev" for
# Kyiv) are chosen English names of it, as good as its own; GeoNames' alternate names are not ("Boni" of Bonn)
CURATED_NAMES: dict[str, set[str]] = {}
for _alias in GEO["aliases"]:
    for _key in keys_of(_alias["target"]):
        CURATED_NAMES.setdefault(_key, set()).update(keys_of(_alias["name"]))


@lru_cache(maxsize=65536)  # asked for every reading of every name, several times an article
def _own_name(place_name: str, name: str) -> bool:
    bare = re.sub(r"^(?:City|Town|Municipality) of\s+|\s+City$", "", place_name)  # "City of Isabela"
    own = keys_of(place_name) | keys_of(DISPLAY_SUFFIXES.sub("", place_name)) | keys_of(bare)
    own |= {alias for key in set(own) for alias in CURATED_NAMES.get(key, ())}
    # a final "h" after a vowel is a transliteration's choice, not another name
    # ("Basra" is Basrah's own name, not an alternate one; so "Shabwa" and Shabwah)
    return bool(_unaspirated(keys_of(name)) & _unaspirated(own))


def _unaspirated(keys: set[str]) -> set[str]:
    return {re.sub(r"(?<=[aeiou])h$", "", k) for k in keys}


# a bare name, with no noun to say its kind: a town first ("in Kandahar"), then a province
KIND_BONUS = RULES["kind_bonus"]


def _score(p: Place, name: str, ctx: Context, hint: str | None, exclude_name: str | None) -> float:
    w = WEIGHTS
    s = 0.0
    if _in_named_province(p, ctx, exclude_name):
        s += w["in_named_admin1"]
    if p.kind == "city" and p.population < RULES["town_outside_province_max_population"] and any(a.country_iso2 == p.country_iso2 and p.admin1_id != a.geonameid
                                for a in ctx.readings.get(name, []) if a.kind == "admin1"):
        # "in Michoacan": the state, not a village of its name in another state
        s += w["town_outside_its_province"]
    named_total = sum(ctx.named.values()) or 1
    if ctx.named.get(p.country_iso2):
        s += w["named_country"] * (0.5 + 0.5 * ctx.named[p.country_iso2] / named_total)
    if ctx.demonyms.get(p.country_iso2):
        s += w["demonym_country"]
        if not ctx.named and len(ctx.demonyms) == 1 and not ctx.acting:
            # "the Bolivian parliament" in a text that names no country, gives no dateline and has no forces
            # acting: the one demonym is the story's country, as a named country would be (Santa Cruz de la
            # Sierra, not a Santa Cruz of Manila)
            s += w["named_country"] * 0.5
    # other names of the article that can be read in this province or country; the
    # name's own readings do not vote for themselves
    own = 1 if exclude_name else 0  # resolve_text (the dateline) counts no name of its own
    if any(ctx.coherent_admin1s.get(a, 0) - own > 0 for a in {p.admin1_id, p.admin2_id, p.geonameid} - {None}):
        s += w["coherent_admin1"]
    if ctx.coherent_countries.get(p.country_iso2, 0) - own > 0:
        s += w["coherent_country"] * min(1.0, (ctx.coherent_countries[p.country_iso2] - own) / 2)
    if _primary(p, name):
        s += w["own_name"]
    if hint and (p.kind == hint or (hint == "admin2" and p.kind == "admin1") or (hint == "admin1" and p.kind == "admin2")):
        s += w["kind_hint"] * (1.0 if p.kind == hint else 0.5)
    elif not hint:
        s += KIND_BONUS.get(p.kind, 0.0)
    s += w["log_population"] * math.log10(p.population + 1)
    if p.lat is None:
        s += w["no_coordinates"]
    return s


def _in_named_province(p: Place, ctx: Context, name: str | None) -> bool:
    """The reading lies in (or is) a province the article names by a name other than `name`."""
    held = ctx.admin1s & {p.admin1_id, p.admin2_id, p.geonameid}
    return bool(held) and (name is None or any(ctx.admin1_names.get(a) is None or ctx.admin1_names[a] - {name} for a in held))


def _best(candidates: list[Place], name: str, ctx: Context, hint: str | None, exclude_name: str | None) -> Place | None:
    if not candidates:
        return None
    return max(candidates, key=lambda p: _score(p, name, ctx, hint, exclude_name))


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    qualifier: str | None
    hint: str | None
    direction: str | None = None
    relative: tuple[float, float] | None = None  # (km, bearing)
    weak: bool = False  # found only by position (after a verb, after a comma): a place only if known as one
    tagged_only: bool = False  # found only by the tagger's entities, in no place position
    capital_of: str | None = None  # "the Libyan capital": the capital of this country (ISO2)
    # the name after "of" in "the Angel of Independence": a thing's name, a place only
    # inside the story's countries
    of_a_thing: bool = False
    # "Yemen's Red Sea coast", "Nigeria's Niger State": named as a part of this country (ISO2)
    within: str | None = None


def _candidates(doc: Doc, text: str, skip: tuple[int, int] | None, gazetteer: Gazetteer,
                notes: list[_CoderNote] = ()) -> list[_Candidate]:
    found: dict[tuple[int, int], _Candidate] = {}

    def add(c: _Candidate) -> None:
        if skip and skip[0] <= c.start < skip[1]:
            return
        possessive = re.search(r"['’]s\s+|(?<=s)['’]\s+", c.name)
        if possessive:  # "Pakistan's Baluchistan province", "the Philippines' Sulu province": two places
            head, tail = c.name[: possessive.start()], c.name[possessive.end() :]
            add(replace(c, end=c.start + len(head), name=head, hint=None, qualifier=None))
            add(replace(c, start=c.start + possessive.end(), name=tail, within=STATES.iso2(head) or c.within))
            return
        stop = re.search(r"(?<=\w{3})\.\s", c.name)
        if stop:  # "on the road to Ansongo. The army said": the name ends with its sentence
            c = replace(c, name=c.name[: stop.start()], end=c.start + stop.start())
        if c.name.endswith("."):
            c = replace(c, name=c.name[:-1], end=c.end - 1)
        lead = LEADING_WORDS.match(c.name)
        if lead:  # "In Zamfara state": a sentence-initial preposition is not part of the name
            c = replace(c, name=c.name[lead.end() :], start=c.start + lead.end())
            if not c.name:
                return
        trailing = TRAILING_NOUN.search(c.name)
        if trailing and trailing.start() > 0 and _town_named_with_noun(c.name, gazetteer):
            trailing = None  # "Quezon City", "Sadr City": the noun is part of the town's own name
        if trailing and trailing.start() > 0:  # "Ghazni Province", "Tirah Valley": the noun says the kind
            noun = trailing.group("noun").lower()
            c = replace(c, name=c.name[: trailing.start()], end=c.start + trailing.start())
            if noun in AREA_NOUNS:
                c = replace(c, qualifier=c.qualifier or "area")
            elif c.hint is None:
                c = replace(c, hint=NOUN_KIND.get(noun))
        if BACKER_AFTER.match(text, c.end):  # ("Iran-aligned", "Kurdish-led": who backs or leads, no place)
            return
        key = normalise(c.name)
        if re.search(r"\d", c.name):  # "M23", "F-16": names of groups and things, not places
            return
        if (key in NOT_PLACES and not (key in DIRECTION_WORDS and c.hint in ("admin1", "admin2"))) or key in NOT_PLACE_WORDS or len(c.name) < 2:
            return  # (a direction with a province noun is a name: Cameroon's "West region")
        if STATES.is_demonym(c.name) and c.hint not in ("admin1", "admin2"):
            return  # ("the Somali region" of Ethiopia is a province: a noun says so)
        if key in BARE_NOUNS:  # "the Northern Province of Sri Lanka" leaves "Province": a noun, no name
            return
        for k, other in list(found.items()):
            if other.start < c.end and c.start < other.end:
                if other.end - other.start >= c.end - c.start:
                    # the same name found twice: what the first finder missed, the second may know
                    if (other.start, other.end) == (c.start, c.end):
                        found[k] = replace(other, qualifier=other.qualifier or c.qualifier, hint=other.hint or c.hint,
                                           direction=other.direction or c.direction)
                    return  # overlaps a longer candidate already found
                c = replace(c, qualifier=c.qualifier or other.qualifier, hint=c.hint or other.hint,
                            tagged_only=c.tagged_only and other.tagged_only)
                del found[k]
        found[(c.start, c.end)] = c

    for m in RELATIVE.finditer(text):
        km = float(m.group("dist").replace(",", "")) * (1.609 if m.group("unit") in ("miles", "mi") else 1)
        bearing = BEARINGS[m.group("dir").replace("-", "")]
        add(_Candidate(m.start("name"), m.end("name"), m.group("name"), "km of", None, relative=(km, bearing)))
    for m in CAPITAL.finditer(text):
        iso2 = STATES.iso2(m.group("who"))
        if iso2:
            add(_Candidate(m.start("name"), m.end("name"), m.group("name"), None, "city", capital_of=iso2))
    for m in DIRECTION_OF.finditer(text):
        if re.search(r"\d\s*(?:km|kms|kilometers|kilometres|miles|mi)\s+$", text[max(0, m.start() - 20) : m.start()]):
            continue  # "40 km south of X": the relative finder's
        add(_Candidate(m.start("name"), m.end("name"), m.group("name"), f"{m.group('dir')} of", None))
    for m in WITH_NOUN.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in ("the", "a", "an"):
            continue
        noun = m.group("noun").lower()
        longer = _longest_noun_ending(f"{name} {m.group('noun')}")
        if longer is not None and len(longer) > len(noun):
            # "Kaura Namoda Local Government Area": the noun is the longest one that ends the phrase
            name, noun = name[: len(name) - (len(longer) - len(noun))].rstrip(), longer
            if not name:
                continue
        if noun in AREA_NOUNS:  # ("the Jenin refugee camp", "the Mosul outskirts": the town's)
            add(_Candidate(m.start("name"), m.start("name") + len(name), name, "area", "city" if noun in TOWN_PARTS else None))
        else:
            add(_Candidate(m.start("name"), m.start("name") + len(name), name, None, NOUN_KIND[noun]))
    for m in NOUN_OF.finditer(text):  # "the state of Guanajuato", "the town of Sake", "the Guma area of Benue"
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        noun = m.group("noun").lower()
        if NAME_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            # "the Tillaberi region of Niger": the noun is Tillaberi's; Niger is only what
            # holds it (the country, not Nigeria's Niger State)
            add(_Candidate(m.start("name"), m.start("name") + len(name), name, None, None))
            continue
        qualifier = "area" if noun in AREA_NOUNS else None
        add(_Candidate(m.start("name"), m.start("name") + len(name), name, qualifier, NOUN_KIND.get(noun, "city")))
    for m in [*PREP.finditer(text), *PREP_OPENING.finditer(text)]:
        prep = m.group("prep").lower()
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        hint = "city" if m.group("desc") else None
        side = m.group("side").strip().lower() if m.group("side") else None
        qualifier = prep if prep in NEAR_WORDS else None
        if side is not None:
            hint = "city"  # ("rural Tame" is the town's land, "downtown Juba" the town: a town first)
            if side in RULES["town_land_words"]:
                qualifier = qualifier or "area"
        add(_Candidate(m.start("name"), m.start("name") + len(name), name, qualifier, hint,
                       direction=m.group("dir").strip().lower() if m.group("dir") else None,
                       of_a_thing=prep == "of" and _thing_before_of(text, m.start(), gazetteer)))
    for note in notes:
        if note.country is None or len(note.parts) != 1 or note.noun:
            continue  # (see _CoderNote: only "Town (Province, Country)" names its places for the finders)
        add(_Candidate(note.name_start, note.name_end, note.name, None, None))
        add(_Candidate(note.parts[0][1], note.parts[0][2], note.parts[0][0], None, "admin1"))
    for pattern in (OBJECT, APPOSITION, CLAUSE_IN):
        for m in pattern.finditer(text):
            name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
            add(_Candidate(m.start("name"), m.start("name") + len(name), name, None, None, weak=True))
    # a name inside a longer organisation's name ("Volunteers for the Defence of the
    # Homeland") is no place; but the tagger also calls "Barsalogho in Burkina Faso's" an
    # organisation, so not when the name opens it or a place preposition stands inside it
    # (an entity that is only "the" and the name, "the Quetta Press Club", is that name itself)
    organisations = [(e.start_char + (4 if re.match(r"(?i)the\s", e.text) else 0), e.end_char) for e in doc.ents
                     if e.label_ in ("ORG", "NORP", "PERSON") and not re.search(r"\s(?:in|near|of the town of)\s|\(", e.text)]
    # (nor one that runs into brackets, "Kharkiv (Kharkiv, Ukraine": the tagger misread a locator)
    for key, c in list(found.items()):
        if any(s < c.start and c.end <= e for s, e in organisations):
            del found[key]
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)
            name = re.sub(r"\s*\(.*$", "", name)  # "Port-au-Prince (Ouest": the tagger ran into the brackets
            name = re.sub(r"(?:'s|’s)$", "", name)
            start = ent.start_char + ent.text.find(name)
            if name and name[0].isupper():
                add(_Candidate(start, start + len(name), name, None, None, tagged_only=True))
    return sorted(found.values(), key=lambda c: c.start)


CONNECTOR_TAIL = re.compile(r"(?:[ -](?:de|del|la|las|los|du|des|da|do|dos|das|el|al|and|of|y|e|i))+$")


def _split(c: _Candidate, gazetteer: Gazetteer) -> list[_Candidate]:
    """"Usulutan and Morazan" is two places, "Tirah Valley of Khyber" too; "San Luis de
    la" is "San Luis" cut short."""
    if gazetteer.lookup(c.name):
        return [c]
    trimmed = CONNECTOR_TAIL.sub("", c.name)
    if trimmed != c.name and trimmed:
        return [replace(c, name=trimmed, end=c.start + len(trimmed))]
    # ("Myaing Township, Magway Region": a town and its province, the noun only the second's)
    for joint in (" and ", " of ", ", "):
        if joint in c.name:
            first, _, second = c.name.partition(joint)
            offset = c.start + len(first) + len(joint)
            head = replace(c, name=first, end=c.start + len(first), hint=None if joint == ", " else c.hint)
            tail = replace(c, name=second, start=offset, qualifier=None if joint == " of " else c.qualifier, relative=None)
            if joint == " of " and not TRAILING_NOUN.search(first) and normalise(first) not in BARE_NOUNS \
                    and first.split()[-1].lower() not in LANDMARK_NOUNS | PLACE_OWNERS and not any(
                    _primary(p, first) and _known_abroad(p) for p in gazetteer.lookup(first)):
                # "the Angel of Independence", "the Church of the Nativity": the head is no
                # place nor place noun, so the whole is a thing's name and its tail no
                # evidence of a namesake abroad (Independence, Missouri)
                tail = replace(tail, of_a_thing=True)
                head = replace(head, of_a_thing=True)  # ("the Line of Control": neither word is a place)
            parts = []
            for part in (head, tail):
                noun = TRAILING_NOUN.search(part.name)
                if noun and noun.start() > 0:  # "Tirah Valley" -> "Tirah", a part of its land
                    kind = noun.group("noun").lower()
                    part = replace(part, name=part.name[: noun.start()], end=part.start + noun.start())
                    part = replace(part, qualifier="area") if kind in AREA_NOUNS else replace(part, hint=NOUN_KIND.get(kind))
                parts.append(part)
            return parts
    return [c]


_NOUNS_LONGEST_FIRST = sorted(set(NOUN_KIND) | AREA_NOUNS, key=len, reverse=True)


def _longest_noun_ending(phrase: str) -> str | None:
    low = phrase.lower()
    return next((n for n in _NOUNS_LONGEST_FIRST if low.endswith(" " + n)), None)


def _thing_before_of(text: str, at: int, gazetteer: Gazetteer) -> bool:
    """"The Line of Control", "the Angel of Independence": a capitalised word before
    "of" that is no place, place noun, landmark or title makes the name after it part of
    a thing's name (see _split)."""
    word = re.search(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+)\s+$", text[max(0, at - 40) : at])
    if word is None:
        return False
    word = word.group(1)
    return (word.lower() not in LANDMARK_NOUNS | PLACE_OWNERS and normalise(word) not in BARE_NOUNS
            and not TRAILING_NOUN.search(" " + word) and not STATES.iso2(word)
            and not any(_primary(p, word) and _known_abroad(p) for p in gazetteer.lookup(word)))


def _known_abroad(p: Place) -> bool:
    """A place that may be named in passing anywhere: a country, a province or a big town
    (not Lin’e, a Chinese village, for the "Line" of "the Line of Control")."""
    return p.kind in ("country", "admin1") or (p.kind in ("city", "other") and p.population >= RULES["abroad_min_population"])


def _town_named_with_noun(name: str, gazetteer: Gazetteer) -> bool:
    """A town whose own name ends with a place noun ("Quezon City", "Mexico City")."""
    key = normalise(name)
    return any(p.kind == "city" and normalise(p.name) == key for p in gazetteer.lookup(name))


GLUED_ARTICLE = re.compile(r"(?:El|Al)([b-df-hj-np-tv-z]\w{2,})")


def _options(c: _Candidate, gazetteer: Gazetteer) -> list[Place]:
    """The gazetteer's readings of a candidate; a country's name reads as the country
    (not Mozambique Island, not the town of Us in France for "US")."""
    if c.capital_of:
        name = national_capitals().get(c.capital_of)
        towns = [p for p in gazetteer.lookup(name, c.capital_of) if p.kind == "city"] if name else []
        return sorted(towns, key=lambda p: -p.population)[:1]
    iso2 = STATES.iso2(c.name)
    if iso2 and c.hint == "admin1":
        # "Niger State": a province of the name, if there is one, not the country
        provinces = [p for p in gazetteer.lookup(c.name) if p.kind in ("admin1", "admin2") and _primary(p, c.name)]
        if provinces:
            return provinces
    if iso2 and c.hint in (None, "admin1"):
        country = gazetteer.country(iso2)
        if country is not None:
            return [country]
    found = gazetteer.lookup(c.name)
    if TRAILING_NOUN.search(c.name) and (whole := [p for p in found if p.kind == "city" and normalise(p.name) == normalise(c.name)]):
        return whole  # "Quezon City" is that city, not one of the towns called Quezon
    if not found and (glued := GLUED_ARTICLE.fullmatch(c.name)):
        # the Arabic article written into the name: "Elwak" is GeoNames' "El Wak"
        found = [p for p in gazetteer.lookup("Al " + glued.group(1)) if p.kind != "country"]
    if not found and re.fullmatch(r"[A-Z][\w'’]+-[A-Z][\w'’]+", c.name):
        # a compound written with a hyphen or as one word: "Petion-Ville" is "Pétionville"
        found = [p for p in gazetteer.lookup(c.name.replace("-", "")) if p.kind != "country"]
    wants_area = c.hint in ("admin1", "admin2") and not any(p.kind in ("admin1", "admin2") for p in found)
    direct = bool(found)
    article = bool(re.match(r"[A-Z]", c.name) and not re.match(r"(?i)al[- ]", c.name))
    if (not found or wants_area) and article:
        # the Arabic article, written or not: "Hasakah" is GeoNames' "Al Hasakah"
        found = found + [p for p in gazetteer.lookup("Al " + c.name) if not _primary(p, c.name) and p not in found]
    if (not direct or wants_area) and re.search(r"[aeiou]h?$", c.name) and len(c.name) >= RULES["fuzzy_min_length"]:
        # a final "h" after a vowel is a transliteration's choice: "Shabwa province" is
        # Shabwah (only readings whose own name it is that way: see _own_name); with the
        # Arabic article too ("Hawija" is GeoNames' town "Al Hawijah")
        other = c.name[:-1] if c.name.endswith("h") else c.name + "h"
        found = found + [p for p in gazetteer.lookup(other) if _primary(p, c.name) and p not in found]
        if article:
            found = found + [p for p in gazetteer.lookup("Al " + other) if _primary(p, "Al " + c.name) and p not in found]
    if c.name.isupper() and len(c.name) <= 4:
        # an acronym is a place only by a known alias, never a town that is spelt the same
        found = [p for p in found if p.kind in ("country", "admin1", "admin2") or p.name.isupper()]
    return found


def _fallback(place: Place, options: list[Place], gazetteer: Gazetteer) -> tuple[Place | None, str]:
    """A place the gazetteer holds without coordinates: a town of its name inside it,
    else its province, else its country."""
    inside = [p for p in options if p.kind == "city" and p.lat is not None and place.geonameid in (p.admin1_id, p.admin2_id)]
    if not inside and place.admin1_id:  # the district's links are missing: a town of its name in its province
        inside = [p for p in options if p.kind == "city" and p.lat is not None and p.admin1_id == place.admin1_id]
    if not inside and place.kind == "admin2" and place.admin1_id and (province := gazetteer.get(place.admin1_id)) is not None:
        # the district's town written as two words or one ("Banibangou" district, "Bani Bangou" town)
        joined = normalise(DISPLAY_SUFFIXES.sub("", place.name)).replace(" ", "")
        inside = [p for p in gazetteer.towns_in(province) if p.lat is not None and normalise(p.name).replace(" ", "") == joined]
    if inside:
        town = max(inside, key=lambda p: p.population)
        return town, f"; {place.name} has no coordinates in the gazetteer: the town of its name, {town.name}"
    for parent_id, what in ((place.admin1_id, "its province"),):
        if parent_id and parent_id != place.geonameid:
            parent = gazetteer.get(parent_id)
            if parent is not None and parent.lat is not None:
                return parent, f"; {place.name} has no coordinates in the gazetteer: {what}, {parent.name} (precision 3)"
    return None, f"; {place.name} has no coordinates in the gazetteer"


# (a part may carry its number: "the Mile 90 neighbourhood of Bamenda", "Sector 5 of Bucharest")
PART_OF = re.compile(r"(?:\s+\d+[A-Za-z]?)?\s+(?:(?:mountain|mountainous|hill|desert|rural|border)s?\s+)?(?:district|neighbourhood|neighborhood|quarter|suburb|area|region|sector|commune)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)
IN_ITS_PROVINCE = re.compile(r"\s+(?:village|town|hamlet|settlement|community)\s+in\s+(?:the\s+)?|,\s+a\s+(?:village|town|hamlet|settlement|community)\s+in\s+(?:the\s+)?")
# "Kani Township, Sagaing Region": a place set beside the province it lies in
BESIDE_ITS_PROVINCE = re.compile(r"(?:\s+\w+)?\s*,\s*$")


def _provinces_named_after(towns: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """"the Belgorod region" where the gazetteer has the province only in its own
    language ("Belgorodskaya oblast'", "Kharkivska oblast"): the province of a town of
    that name whose name is the town's with an ending. A name known only as a town
    ("the Hiran region") has none."""
    found: dict[int, Place] = {}
    for town in towns:
        if town.kind != "city" or not town.admin1_id:
            continue
        province = gazetteer.get(town.admin1_id)
        if province is None or province.kind != "admin1" or province.lat is None:
            continue
        town_key, province_key = normalise(town.name), normalise(province.name)
        if province_key != town_key and province_key.startswith(town_key):
            found[province.geonameid] = province
    return list(found.values())


def _inside(part: Place, whole: Place) -> bool:
    if part.country_iso2 != whole.country_iso2:
        return False
    if whole.kind in ("admin1", "admin2"):
        return whole.geonameid in (part.admin1_id, part.admin2_id)
    if whole.kind == "city":
        return part.admin1_id == whole.admin1_id
    return True


def _town_apart(part: Place, town: Place) -> bool:
    """A part of a town read as a town of its own far from it ("the Villeneuve district of Grenoble"
    read as Villeneuve, Ain, 116 km away, in the same region): a namesake, not the part."""
    if part.kind != "city" or town.kind != "city" or None in (part.lat, part.lon, town.lat, town.lon):
        return False
    return km_between(part.lat, part.lon, town.lat, town.lon) > RULES["town_part_max_km"]


def _part_of_the_next(text: str, mentions: list[PlaceMention], looked: dict[str, list[Place]]) -> None:
    """"the Dniprovskyi district of Kherson": the first name is a part of the second; a
    reading of it elsewhere (Dnipro Raion, Kyiv) is a namesake, and a part the gazetteer
    lacks is the second place, precision 2 (its town, when the second is read as a
    province of a town's name)."""
    for m, n in zip(mentions, mentions[1:]):
        if n.place is None:
            continue
        gap = text[m.end : n.start]
        if m.place is None:
            if PART_OF.fullmatch(gap) and n.place.kind == "city":
                # "the Dniprovskyi district of Kherson", the part unknown (or only a namesake
                # elsewhere): the town it is a part of, precision 2
                m.reason += f"; a part of {n.text}: {n.place.name}, precision 2"
                m.place, m.precision, m.tagged_only = n.place, 2, False
            continue
        # (beside a province named with its noun, only a reading in another country is
        # set aside: "Kabul, Kandahar province" may be a list of two places)
        beside = (BESIDE_ITS_PROVINCE.fullmatch(gap) and n.kind_hint in ("admin1", "admin2")
                  and n.place.kind in ("admin1", "admin2") and m.place.country_iso2 != n.place.country_iso2)
        # "Gombe, Kinshasa's business district": the first a part of the town after it
        town_part = (n.place.kind == "city" and re.fullmatch(r",\s*", gap)
                     and POSSESSIVE_PART.match(text, n.end))
        # "Mafa village in Yobe State": a town said to lie in a province named with its noun, read
        # in another province of that country, is a namesake; the place is that province
        held_in = (IN_ITS_PROVINCE.fullmatch(gap) and n.kind_hint in ("admin1", "admin2") and n.place.kind in ("admin1", "admin2")
                   and m.place.kind == "city" and m.place.country_iso2 == n.place.country_iso2)
        if held_in and not _inside(m.place, n.place):
            m.reason += f"; but '{m.text}' is said to lie in {n.text}, and {m.place.name} lies elsewhere: {n.place.name}"
            m.place, m.precision = n.place, n.precision
            continue
        if not (PART_OF.fullmatch(gap) or beside or town_part):
            continue
        if _inside(m.place, n.place) and not _town_apart(m.place, n.place):
            continue
        whole = n.place
        if whole.kind in ("admin1", "admin2"):
            towns = [p for p in looked.get(n.text, []) + looked.get(text[n.start : n.end], [])
                     if p.kind == "city" and p.lat is not None and whole.geonameid in (p.admin1_id, p.admin2_id)]
            if towns:
                whole = max(towns, key=lambda p: p.population)
        m.reason += f"; but '{m.text}' is a part of {n.text}, and {m.place.name} lies elsewhere: {whole.name}, precision 2"
        m.place, m.precision = whole, 2


# "in the city's Shevchenkivskyi district", "the town's Souq area": a part of the town named before
TOWN_OWNS_BEFORE = re.compile(rf"\bthe\s+(?:{_alternation(RULES['place_anaphors'])})['’]s\s+(?:(?i:{_DIR_ALT}|central|old)\s+)?$", re.I)


def _parts_of_the_town_before(text: str, mentions: list[PlaceMention]) -> None:
    """"killed a worker in the city's Shevchenkivskyi district": the name is a part of the
    last town the article named before it; a reading of it in another province (a district
    of that name in another city) is a namesake, and a part the gazetteer lacks is that town
    too: the town, precision 2."""
    for i, m in enumerate(mentions):
        if not TOWN_OWNS_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue
        town = next((n for n in reversed(mentions[:i]) if n.place is not None and n.place.kind == "city"), None)
        if town is None or (m.place is not None and _inside(m.place, town.place)):
            continue
        what = f"{m.place.name} lies elsewhere" if m.place is not None else "it is not in the gazetteer"
        m.reason += f"; '{m.text}' is a part of the town named before it, and {what}: {town.place.name}, precision 2"
        m.place, m.precision, m.tagged_only = town.place, 2, False


def _read_in_the_province_after(text: str, mentions: list[PlaceMention], looked: dict[str, list[Place]]) -> None:
    """"east of Palmyra, Homs countryside", "Djenne (Mopti, Mali)": a name read abroad
    while the place named right after it (a comma or a bracket between) is elsewhere: its
    reading inside that place's province, where the gazetteer has one (Tadmur, Syria, not
    Palmyra, Pennsylvania)."""
    for m, n in zip(mentions, mentions[1:]):
        if m.place is None or n.place is None or m.place.country_iso2 == n.place.country_iso2:
            continue
        if not re.fullmatch(r",\s*(?:in\s+)?|\s*\(", text[m.end : n.start]) or n.place.kind == "country":
            continue
        province = n.place.geonameid if n.place.kind in ("admin1", "admin2") else n.place.admin1_id
        inside = [p for p in looked.get(m.text, []) if p.kind == m.place.kind and p.lat is not None
                  and province in (p.admin1_id, p.admin2_id, p.geonameid)]
        if inside:
            best = max(inside, key=lambda p: p.population)
            m.reason += f"; but the place named after it, {n.text}, is in {n.place.country}: its reading there, {best.name}"
            m.place = best
            holding = [p for p in looked.get(n.text, []) if p.kind == "admin1" and p.geonameid == best.admin1_id and p.lat is not None]
            if holding and n.place.kind == "city" and n.qualifier == "area":
                # ("Homs countryside" after the town it holds: the province's land, not the town's)
                n.reason += f"; after {m.text}, the province that holds it: {holding[0].name}"
                n.place, n.precision = holding[0], 3


HELD_GAP = re.compile("|".join(f"(?:{g})" for g in RULES["held_gaps"]), re.I)
LIST_AFTER = re.compile(RULES["list_after"], re.I)
LIST_COMMA = re.compile(RULES["list_comma"], re.I)


def _in_a_list(text: str, mentions: list[PlaceMention], i: int) -> bool:
    """The places from mentions[i] on, joined by commas, end in "and"/"or" and one more:
    a list ("Paris, London and Berlin"), not a place written with what holds it ("El Aguaje,
    Aguililla, Michoacan, on Monday")."""
    for a, b in zip(mentions[i:], mentions[i + 1 :]):
        gap = text[a.end : b.start]
        if LIST_AFTER.fullmatch(gap):
            return True
        if not LIST_COMMA.fullmatch(gap):
            return False
    return False


def _held_by_the_place_after(text: str, mentions: list[PlaceMention], looked: dict[str, list[Place]], ctx: Context) -> None:
    """"El Aguaje, in the municipality of Aguililla", "in Kingston, Georgetown": a town written
    with the place that holds it. A reading of the town outside that place is a namesake
    (another district of the same country, or a country the text never names while it names
    the second place's: Kingston, Jamaica), so the town's reading inside it, else the place
    itself (a town's part the gazetteer lacks: that town, precision 2). Run after
    _read_in_the_province_after, which has already looked for readings inside another country's
    province; a list of places ("Paris, London and Berlin") is no such pair."""
    for i, (m, n) in enumerate(zip(mentions, mentions[1:])):
        if m.place is None or n.place is None or m.place.kind != "city" or n.place.kind == "country":
            continue
        gap = text[m.end : n.start]
        if not HELD_GAP.fullmatch(gap):
            continue
        if _in_a_list(text, mentions, i):
            continue  # "in Kabul, Kandahar and Herat": three places, none holding another
        if m.place.country_iso2 == n.place.country_iso2:
            # (a town beside a town of its country is a list or its neighbour, not its part)
            if LIST_COMMA.fullmatch(gap):
                continue  # "Kabul, Kandahar province" may list two places of one country: only "in" says held
            if n.place.kind not in ("admin1", "admin2") or _inside(m.place, n.place) or m.qualifier in NEAR_WORDS:
                continue  # ("near Bunia, Djugu territory": the site lies in the district, near the town)
            if None in (m.place.lat, n.place.lat) or km_between(m.place.lat, m.place.lon, n.place.lat, n.place.lon) < RULES["held_outside_min_km"]:
                continue  # (close by: more likely a district the gazetteer files it under wrongly than a namesake)
            why = f"{m.place.name} lies in another district or province"
        elif ctx.named.get(n.place.country_iso2) and not ctx.named.get(m.place.country_iso2):
            why = f"{m.place.name} lies in {m.place.country}, a country the text never names"
        else:
            continue
        province = n.place.geonameid if n.place.kind in ("admin1", "admin2") else n.place.admin1_id
        inside = [p for p in looked.get(m.text, []) if p.kind == "city" and p.lat is not None
                  and province in (p.admin1_id, p.admin2_id)]
        if inside:
            best = max(inside, key=lambda p: p.population)
            m.reason += f"; but '{m.text}' is written with {n.text}, and {why}: its reading there, {best.name}"
            m.place = best
        elif n.place.kind == "city":
            m.reason += f"; but '{m.text}' is written as a part of {n.text}, and {why}: {n.place.name}, precision 2"
            m.place, m.precision = n.place, 2
        else:
            m.reason += f"; but '{m.text}' is written as lying in {n.text}, and {why}: {n.place.name}"
            m.place, m.precision = n.place, n.precision


@dataclass
class _CoderNote:
    """A coder note's brackets after a town, read once (CODER_NOTE): the town, the names in the brackets (district,
    zone, province) without the country, the country when the last name is one, and the province the brackets
    name (an admin1 of the last name, in the country if one is given, told from its namesakes by the other names of
    the brackets), None when the gazetteer has none or cannot tell which."""

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    noun: bool  # "Kalungu village (...)": a noun between the town and the brackets
    parts: list[tuple[str, int, int]]  # (name, start, end), the province last
    country: str | None
    province: Place | None


def _inside_province(gazetteer: Gazetteer, place_name: str, province: Place) -> list[Place]:
    return [q for q in gazetteer.lookup(place_name) if q.kind in ("city", "admin2", "other")
            and province.geonameid in (q.admin1_id, q.admin2_id)]


def _coder_notes(text: str, gazetteer: Gazetteer) -> list[_CoderNote]:
    """The coder notes' brackets of a text, each with its one province and country check: a note counts when its
    last name is a country STATES knows or its province is in the gazetteer. "Town (Province, Country)" gives the
    finders its town and province (_candidates); every note with a province has its names read inside it
    (_read_in_the_brackets)."""
    notes = []
    for b in CODER_NOTE.finditer(text):
        parts = []  # (name, start, end) of each name in the brackets
        for m in re.finditer(r"[^,\s][^,]*", b.group("inner")):
            part = m.group().rstrip()
            parts.append((part, b.start("inner") + m.start(), b.start("inner") + m.start() + len(part)))
        if b.group("country") is not None:
            part = b.group("country").strip()
            parts.append((part, b.start("country"), b.start("country") + len(part)))
        country = STATES.iso2(parts[-1][0])
        if country:
            parts = parts[:-1]
        elif not re.fullmatch(_NAME, parts[-1][0]) or len(parts) > 4:
            continue  # (a last name that is neither a country nor a place's name: "(Mopti, Mali's north)")
        if not parts:
            continue  # ("(Mali)": a country alone)
        name = LEADING_WORDS.sub("", b.group("name"))
        provinces = [p for p in gazetteer.lookup(parts[-1][0]) if p.kind == "admin1" and (not country or p.country_iso2 == country)]
        province = None
        if provinces:
            support = {p.geonameid: sum(bool(_inside_province(gazetteer, n, p)) for n in [name, *(q[0] for q in parts[:-1])])
                       for p in provinces}
            best = max(support.values())
            chosen = [p for p in provinces if support[p.geonameid] == best]
            if len(chosen) == 1 and (best > 0 or len(provinces) == 1):
                province = chosen[0]  # (else no name of the brackets tells which of the provinces so named)
        if country is None and province is None:
            continue
        notes.append(_CoderNote(b.start(), b.end(), name, b.end("name") - len(name), b.end("name"),
                                b.group("noun") is not None,
                                parts, country, province))
    return notes


def _read_in_the_brackets(text: str, mentions: list[PlaceMention], notes: list[_CoderNote], gazetteer: Gazetteer) -> None:
    """"Miango (Bassa, Plateau)", "Bor (Bor South, Jonglei)", "Djenne (Mopti, Mali)": every name of a coder note's
    brackets is read inside the note's province (Plateau, Nigeria, which holds a Bassa; not Plateau, Benin): the
    town's reading there, else (a village the gazetteer lacks, or a namesake abroad: Bassa, Italy) no town but its
    one fallback, the district named in the brackets (precision 2) or the province itself (precision 3)."""
    for note in notes:
        province = note.province
        if province is None:
            continue
        districts = [q for n, _, _ in note.parts[:-1] for q in _inside_province(gazetteer, n, province) if q.lat is not None]
        for m in mentions:
            if not (note.start <= m.start < note.end) or m.government:
                continue
            if m.place is not None and (m.place.geonameid == province.geonameid or province.geonameid in (m.place.admin1_id, m.place.admin2_id)):
                continue  # (read there already)
            town = m.start <= note.name_start < m.end or note.name_start <= m.start < note.name_end
            readings = [q for q in _inside_province(gazetteer, m.text, province) if q.lat is not None] or (
                [province] if not town and normalise(m.text) == normalise(note.parts[-1][0]) else [])
            if readings:
                place = max(readings, key=lambda q: (q.kind == ("city" if town else "admin2"), q.population))
                precision = PRECISION[place.kind]
                if town and m.qualifier in NEAR_WORDS and precision == 1:
                    precision = 2
                m.reason += f"; in the brackets' province, {province.name}, {province.country}: {place.name}"
                m.place, m.precision, m.fallback, m.fallback_precision = place, precision, None, None
            elif town:
                fallback = districts[0] if districts else province
                m.reason += (f"; '{m.text}' is not in the gazetteer in the brackets' province, {province.name}, "
                             f"{province.country}: falls back to {fallback.name} (precision {2 if districts else 3})")
                m.place, m.precision = None, None
                m.fallback, m.fallback_precision = fallback, 2 if districts else 3
            else:
                m.reason += f"; no reading in the brackets' province, {province.name}, {province.country}"
                m.place, m.precision = None, None


def _is_landmark(text: str, m: PlaceMention) -> bool:
    """"Tahrir Square", "the Republican Palace", "Plaza Italia", "the Data Darbar shrine":
    a square, street, building or monument, named by its noun in or right after it."""
    words = m.text.split()
    after = re.match(r"\s+([a-z]+)", text[m.end : m.end + 20])
    return bool(words) and (words[-1].lower() in LANDMARK_NOUNS or words[0] in LANDMARK_HEADS
                            or (after is not None and after.group(1) in LANDMARK_NOUNS))


def _town_opening(name: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> Place | None:
    """"the Quetta Press Club", "Kabul University": the town whose name opens a
    landmark's, in a country of the article's other places."""
    words = name.split()
    if words[-1].lower() not in TOWN_NAMED_LANDMARKS:
        return None  # ("Lafayette Square", "Kenyatta Avenue": squares and streets are named after people)
    countries = {m.place.country_iso2 for m in mentions if m.place is not None}
    for k in range(len(words) - 1, 0, -1):
        towns = [p for p in gazetteer.lookup(" ".join(words[:k])) if p.kind == "city" and p.lat is not None
                 and p.country_iso2 in countries]  # (with none, "Lafayette Square" may be named after a man)
        if towns:
            return max(towns, key=lambda p: p.population)
    return None


ROAD_NOUNS = {"road", "highway", "expressway"}


def _road_end(text: str, m: PlaceMention, mentions: list[PlaceMention], gazetteer: Gazetteer) -> Place | None:
    """"the Mandera-Lafey road", "the Gusau-Funtua highway": a road named after the towns it joins is near
    the first of them the gazetteer knows as a town in a country of the article's other places."""
    words = m.text.split()
    after = re.match(r"\s+([a-z]+)", text[m.end : m.end + 20])
    if not words or not (words[-1].lower() in ROAD_NOUNS or (after is not None and after.group(1) in ROAD_NOUNS)):
        return None
    name = " ".join(words[:-1]) if words[-1].lower() in ROAD_NOUNS else m.text
    ends = [e.strip() for e in name.split("-")]
    if len(ends) < 2:
        return None
    for n in mentions:  # ("on the Gusau-Funtua road near Tsafe": the town its sentence names is the place)
        if n is not m and n.place is not None and n.place.kind == "city":
            a, b = (n.end, m.start) if n.end <= m.start else (m.end, n.start)
            if a <= b and not re.search(r"[.;!?]\s", text[a:b]):
                return None
    countries = {n.place.country_iso2 for n in mentions if n.place is not None}
    for end in ends:
        towns = [p for p in gazetteer.lookup(end) if p.kind == "city" and p.lat is not None and p.country_iso2 in countries]
        if towns:
            return max(towns, key=lambda p: p.population)
    return None


def _landmarks_in_their_town(text: str, mentions: list[PlaceMention], dateline_place: Place | None, gazetteer: Gazetteer) -> None:
    """A landmark the gazetteer lacks is in the town named with it ("Tahrir Square in
    central Baghdad", "Kenyatta Avenue, Nairobi"), else in the dateline's town (precision 2,
    as the dateline's place is), else nowhere: never a namesake of its words abroad."""
    for i, m in enumerate(mentions):
        if m.place is not None or not _is_landmark(text, m):
            continue
        town = next((n for n in mentions[i + 1 :] if n.place is not None and n.place.kind == "city"
                     and LANDMARK_TOWN_GAP.fullmatch(text[m.end : n.start])), None)
        head = _town_opening(m.text, mentions, gazetteer) if town is None else None
        end = _road_end(text, m, mentions, gazetteer) if town is None and head is None else None
        if town is not None:
            m.place, m.precision = town.place, town.precision
            m.reason = f"'{m.text}' is a landmark (not in the gazetteer) of the town named with it: {town.place.name}"
        elif head is not None:
            m.place, m.precision = head, 1
            m.reason = f"'{m.text}' is a landmark (not in the gazetteer) named after its town: {head.name}"
        elif end is not None:
            m.place, m.precision = end, 2
            m.reason = f"'{m.text}' is a road between towns (not in the gazetteer): near the first of them the gazetteer knows, {end.name}, precision 2"
        elif dateline_place is not None and dateline_place.kind == "city":
            m.place, m.precision = dateline_place, 2
            m.reason = f"'{m.text}' is a landmark (not in the gazetteer) with no town named with it: the dateline's town, {dateline_place.name}, precision 2"
        else:
            m.reason = f"'{m.text}' is a landmark not in the gazetteer, and no town is named with it"
            continue
        m.tagged_only = False


def _provincial_capitals(text: str, skip, mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """"the Helmand provincial capital", "shelled the state capital" (after naming Borno
    State): the province's capital town (strife.geo.capitals), in place of the province.
    Without a name, the province is the last one the article named before the phrase (or
    the province of the last town it named)."""
    hits = [(h, h.start("name") if h.group("name") else h.start("level"), h.end()) for h in PROVINCE_CAPITAL.finditer(text)]
    hits += [(h, h.start() + len(h.group().split()[0]) + 1, h.end()) for h in CAPITAL_OF_PROVINCE.finditer(text)]
    for hit, start, end in hits:
        if skip and skip[0] <= hit.start() < skip[1]:
            continue
        if hit.group("name"):
            named = [m for m in mentions if m.place is not None and m.start < hit.end("name") and hit.start("name") < m.end]
            province = next((m.place for m in named if m.place.kind == "admin1"), None)
        else:
            # not the teller's town ("The Defence Ministry in Mexico City later said … The state capital"): the
            # story's province is where its incidents are
            before = [m for m in mentions if m.place is not None and m.end <= start and m.place.kind != "country"
                      and not is_source_place(m, text)]
            province = None
            for m in reversed(before):
                province = m.place if m.place.kind == "admin1" else gazetteer.get(m.place.admin1_id) if m.place.admin1_id else None
                if province is not None:
                    break
        if province is None:
            continue
        capital = capital_of(province, gazetteer)
        if capital is None:
            continue
        near = bool(NEAR_BEFORE.search(text, max(0, hit.start() - 30), hit.start()))
        covered = [m for m in mentions if m.start < end and start < m.end]
        if hit.re is CAPITAL_OF_PROVINCE:  # "the capital of Helmand province": to the province's name and noun
            end = max(m.end for m in covered)
            noun = re.match(rf"\s+(?:{_NOUN_ALT})\b", text[end:], re.I)
            end += noun.end() if noun else 0
        phrase = text[start:end]
        reason = f"'{phrase}' = {capital.name}, the capital of {province.name}" + ("; near it: precision 2" if near else "")
        mentions[:] = [m for m in mentions if m not in covered]
        mentions.append(PlaceMention(start, end, phrase, capital, 2 if near else 1, "near" if near else None, reason, "city"))
        mentions.sort(key=lambda m: m.start)


def _fall_back_unknown(doc: Doc, mentions: list[PlaceMention], police: Place | None = None) -> None:
    """A name the gazetteer lacks ("a village in X district") still gets a point: the
    district or province named in its sentence, with that one's precision and the reason.
    Not the article's country: that last resort is strife.extract.places', below any
    place of the incident's sentences."""
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    for i, m in enumerate(mentions):
        if m.place is not None or m.tagged_only or "not in the gazetteer" not in m.reason or m.fallback is not None:
            continue
        start, end = next(((a, b) for a, b in sentences if a <= m.start < b), (m.start, m.end))
        town = next((o for o in mentions[i + 1 : i + 2] if o.place is not None and o.place.kind == "city"
                     and o.qualifier != "km of" and PART_OF_TOWN_GAP.fullmatch(doc.text[m.end : o.start])), None)
        areas = [o for o in mentions if o is not m and o.place is not None and o.place.kind in ("admin1", "admin2")
                 and start <= o.start < end and o.qualifier != "km of"]
        countries = [o for o in mentions if o is not m and o.place is not None and o.place.kind == "country"
                     and start <= o.start < end and not FORCE_AFTER.match(doc.text, o.end)]  # ("U.S. warplanes": whose)
        if town is not None:
            # "Kibera, Nairobi", "Shaheen Bagh, in south Delhi": a part of the town named right after it
            m.fallback, m.fallback_precision = town.place, 2
            m.reason += f"; falls back to the town named right after it, {town.place.name}: a part of it or near it (precision 2)"
        elif areas:
            # the area named after the name holds it ("Minova, in South Kivu"); else the nearest before
            area = min(areas, key=lambda o: (o.start < m.start, abs(o.start - m.start)))
            m.fallback, m.fallback_precision = area.place, PRECISION[area.place.kind]
            m.reason += f"; falls back to the {'district' if area.place.kind == 'admin2' else 'province'} named in its sentence, {area.place.name} (precision {m.fallback_precision})"
        elif countries:
            # "Ogossagou, in central Mali": the country its sentence names (after it first),
            # not the dateline's (a Dakar dateline says where the reporter is)
            country = min(countries, key=lambda o: (o.start < m.start, abs(o.start - m.start)))
            m.fallback, m.fallback_precision = country.place, 3
            m.reason += f"; falls back to the country named in its sentence, {country.place.name} (precision 3)"
        elif police is not None:
            # "clashed with police in Mirpur ... officers of the Dhaka Metropolitan Police": the one city (or
            # province) whose police the text names is where its unknown places are
            m.fallback, m.fallback_precision = police, 2 if police.kind == "city" else 3
            m.reason += f"; falls back to the city or province whose police the text names, {police.name} (precision {m.fallback_precision})"


def _context(text: str, skip, candidates: list[_Candidate], looked: dict[str, list[Place]], dateline_place: Place | None,
             groups=()) -> Context:
    ctx = Context()
    acting: Counter = Counter()
    provinces = [(c.start, c.end) for c in candidates if c.hint in ("admin1", "admin2")]
    for iso2, hit in STATES.mentioned(text):
        if skip and skip[0] <= hit.start < skip[1]:
            continue
        if any(s <= hit.start < e for s, e in provinces):
            continue  # "Niger State" names a Nigerian state, not the country Niger
        word = text[hit.start : hit.end]
        if BACKER_AFTER.match(text, hit.end):
            acting[iso2] += 1  # "the Iran-aligned group", "U.S.-backed forces": whose backing, not where
            continue
        if HOME_POLICE_AFTER.match(text, hit.end):
            ctx.home.add(iso2)
        force = FORCE_AFTER.match(text, hit.end)
        if force and TELLING_AFTER.match(text, force.end()):
            # "the Ukrainian air force said", "the US military said": a force that speaks is a
            # clue like a demonym (never a country the text names as a place)
            ctx.demonyms[iso2] += 1
            continue
        if force:
            acting[iso2] += 1  # "Russian forces shelled ...", "U.S. drones": whose forces, not where
            continue
        (ctx.demonyms if STATES.is_demonym(word) else ctx.named)[iso2] += 1
    ctx.acting = acting + Counter(g.country for g, h in groups if g.country and not (skip and skip[0] <= h.start < skip[1]))
    if not ctx.named and not ctx.demonyms and dateline_place is None:
        # with no other country in the text the forces' nationality is the best clue
        # there is ("Nigerian troops killed ten militants in ...", "Somali forces backed by
        # U.S. drones retook ...": both)
        ctx.demonyms.update(acting)
    if dateline_place is not None:
        ctx.named[dateline_place.country_iso2] += 2
        if dateline_place.admin1_id:
            ctx.coherent_admin1s[dateline_place.admin1_id] += 1
    for name in {c.name for c in candidates}:
        options = looked[name]
        own = [p for p in options if _primary(p, name)] or options
        for iso2 in {p.country_iso2 for p in own}:
            ctx.coherent_countries[iso2] += 1
        areas = {a for p in own if p.kind != "country" for a in (p.admin1_id, p.admin2_id, p.geonameid if p.kind != "city" else None)}
        for a in areas - {None}:
            ctx.coherent_admin1s[a] += 1
    ctx.readings = looked
    # a province named with its noun ("Helmand province") or by its own name alone is named
    for c in candidates:
        provinces = [p for p in looked[c.name] if p.kind in ("admin1", "admin2")
                     and (_primary(p, c.name) or c.hint in ("admin1", "admin2"))]
        if provinces and (c.hint in ("admin1", "admin2") or len({p.country_iso2 for p in provinces}) == 1):
            if len(provinces) == 1 or c.hint in ("admin1", "admin2"):
                one_country = len({p.country_iso2 for p in provinces}) == 1
                for p in provinces:
                    if one_country or ctx.named.get(p.country_iso2):
                        ctx.admin1s.add(p.geonameid)
                        if p.kind == "admin2":  # (see Context.admin1_names)
                            ctx.admin1_names.setdefault(p.geonameid, set()).add(c.name)
    return ctx


def _precision(c: _Candidate, place: Place) -> tuple[Place, int, str]:
    """ACLED's geo_precision of a resolved phrase, the point (displaced for "40 km south
    of X") and why: 1 a town, 2 near or part of it, or a district, 3 a province or more."""
    why = ""
    precision = PRECISION[place.kind]
    if c.qualifier and c.qualifier.endswith(" of") and c.qualifier[:-3] in DIRECTION_WORDS and precision == 1:
        precision = 2
        why += f"; '{c.qualifier}' the town: near it, precision 2"
    if c.hint == "admin1" and place.kind == "admin2" and precision == 2:
        # the article's own word says the level: a "province" is precision 3 even
        # where the gazetteer files provinces at its second level (the Philippines)
        precision = 3
        why += "; named as a province: precision 3"
    if c.qualifier in NEAR_WORDS and precision == 1:
        precision = 2
        why += f"; '{c.qualifier}' the town: precision 2"
    if c.qualifier == "area" and precision == 1:
        precision = 2
        why += "; an area or part of the town's land: precision 2"
    if c.direction and place.kind in ("country", "admin1"):
        why += f"; only the '{c.direction}' part of it is named: its representative point, precision 3"
    if c.relative is not None:
        # "40 km south of Quetta" is coded at Quetta's point, precision 2, as the coding guide's
        # "near X" and ACLED's and UCDP's coders do: a point moved along a bearing is a guess
        # the text does not make, and lands 40 km from the coder's point
        km_off, bearing = c.relative
        direction = next(d for d, b in BEARINGS.items() if b == bearing)
        precision = 2
        why += f"; told as {km_off:.0f} km {direction} of it: coded at its point, precision 2"
    return place, precision, why


def _city_police(text: str, skip, gazetteer: Gazetteer) -> list[Place]:
    """The cities and provinces whose police the text names ("Dhaka Metropolitan Police", "Karachi
    police"): police act at home, and in their city. Only a name whose own readings as a province or a big
    city all lie in one country ("Punjab police" says neither Pakistan nor India); the biggest of them."""
    found: dict[int, Place] = {}
    for m in CITY_POLICE.finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        name = m.group(1)
        readings = [p for p in gazetteer.lookup(name) if _primary(p, name) and p.lat is not None and (
            p.kind == "admin1" or (p.kind == "city" and p.population >= RULES["city_police_min_population"]))]
        if len({p.country_iso2 for p in readings}) == 1:
            place = max(readings, key=lambda p: (p.kind == "city", p.population))
            found[place.geonameid] = place
    return list(found.values())


def _named_with_members(c: _Candidate, groups, text: str) -> bool:
    """The name begins a named group's alias that is the name and a noun for its members ("Fano
    militiamen", actors.json): the group is meant, not a town of the name ("between Fano militiamen and
    federal troops" is no Fano, Italy)."""
    return any(h.start == c.start and c.end < h.end and GROUP_MEMBER_TAIL.fullmatch(text[c.end : h.end]) for h in groups)


PLACE_SUBJECT_VERBS = set(RULES["place_subject_verbs"])


def _capitals_as_governments(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"since Washington stepped up its campaign", "the group, which Washington blames for the attacks": a
    national capital that is the active subject of a verb is its government acting, not a place of the
    incident; a verb a place undergoes ("Kyiv came under attack", "Khartoum fell") leaves it a place."""
    capitals = national_capitals()
    for m in mentions:
        if m.place is None or m.place.kind != "city" or capitals.get(m.place.country_iso2) != m.place.name:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_.lower() not in PLACE_SUBJECT_VERBS:
            m.government = True
            m.reason += f"; the subject of '{root.head.text}': the government of {m.place.country}, not a place of the incident"


def geoparse(doc: Doc, gazetteer: Gazetteer, dateline=None) -> ArticleGeo:
    text = doc.text
    skip = (dateline.start, dateline.end) if dateline is not None else None
    notes = _coder_notes(text, gazetteer)
    candidates = [part for c in _candidates(doc, text, skip, gazetteer, notes) for part in _split(c, gazetteer)
                  if normalise(part.name) not in BARE_NOUNS]  # "in the Northern Province": "Northern" read as a direction leaves "Province"
    groups = LEXICON.named_groups_in(text)
    candidates = [c for c in candidates if not _named_with_members(c, [h for _, h in groups], text)]
    looked = {c.name: _options(c, gazetteer) for c in candidates}
    # a capitalised word after a verb or a comma is a place only if the gazetteer knows it
    # as a province or a town of some size, or by its own name in a country the article
    # names (else "attacked Shell" would be a hamlet in Ecuador)
    named = {iso2 for iso2, hit in STATES.mentioned(text) if not (skip and skip[0] <= hit.start < skip[1])}
    candidates = [
        c for c in candidates
        if not c.weak or DESCRIBED_AS_PLACE.match(text, c.end) or any(p.kind != "city" or p.population >= RULES["weak_min_population"]
                             or (p.country_iso2 in named and _primary(p, c.name)) for p in looked[c.name])
    ]
    # an unknown name the tagger calls a person or an organisation ("supporters of Imran
    # Khan") is kept as a mention but, like one the tagger alone found, gets no fallback
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP")]
    # (a name right after "in", "near", "at" stays a place: "the Mir Ali area")
    candidates = [
        replace(c, tagged_only=True)
        if not looked[c.name] and c.hint is None and c.qualifier is None and any(s <= c.start and c.end <= e for s, e in people)
        and not STRONG_BEFORE.search(text[max(0, c.start - 30) : c.start]) else c
        for c in candidates
    ]
    dateline_place = ArticleGeo([], Counter(), gazetteer).resolve_dateline(dateline)
    ctx = _context(text, skip, candidates, looked, dateline_place, groups)
    police = _city_police(text, skip, gazetteer)
    ctx.home |= {p.country_iso2 for p in police}
    # the countries of the provinces the article names: a province by its own name, a
    # district with its noun or by a name too long to be a common word ("Day" alone is
    # no evidence of South Dakota's Day County; "Deir ez-Zor" is of Syria)
    province_countries: dict[str, set[str]] = {}
    for c in candidates:
        if normalise(c.name) in SUPRANATIONAL:  # "the Red Sea coast" says no Sudanese or Egyptian state
            continue
        # (by its name alone, only a name whose own readings are all in one country:
        # "Tripoli" says neither Lebanon nor Libya)
        one_country = len({p.country_iso2 for p in looked[c.name] if _primary(p, c.name)}) == 1
        province_countries.setdefault(c.name, set()).update(
            p.country_iso2 for p in looked[c.name] if p.geonameid in ctx.admin1s
            and (c.hint in ("admin1", "admin2") or (one_country and (
                p.kind == "admin1" or len(c.name) >= RULES["district_by_name_min_length"]))))
    mentions: list[PlaceMention] = []
    for c in candidates:
        options = looked[c.name]
        reason = ""
        # ("the Sahel region of Burkina Faso" is the province: its noun says so)
        if c.direction is None and c.hint is None and normalise(c.name) in SUPRANATIONAL and text[max(0, c.start - 4) : c.start].lower() == "the ":
            mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], None, None, c.qualifier,
                                         f"'{c.name}' is a region across countries: no single point stands for it", c.hint))
            continue
        if normalise(c.name) in BARE_LANDMARKS:
            # (left to _landmarks_in_their_town: the town named with it, or the dateline's)
            mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], None, None, c.qualifier,
                                         f"'{c.name}' is a building's or landmark's noun, not a town's name", c.hint))
            continue
        if c.hint in ("admin1", "admin2"):
            narrowed = [p for p in options if p.kind in ("admin1", "admin2")]
            if not narrowed:
                # "the Hiran region" with no province of that name: a town so named counts
                # only in a country the article is about, never a hamlet Hiran in Iraq
                about = set(ctx.named) | set(ctx.demonyms) | {i for i, n in ctx.coherent_countries.items() if n > 1}
                # (or one big enough to give its name to a province: Lahij)
                towns = [p for p in options if p.country_iso2 in about or p.population >= RULES["town_outside_province_max_population"]]
                if options and not towns:
                    reason = f"no province or district named '{c.name}' in the gazetteer, and its towns of that name are outside the story's countries; "
                narrowed = _provinces_named_after(towns, gazetteer) or towns
            options = narrowed
        # the countries the article is about: those it names or names a province of
        # (not those its other names could be read in: every English word is a town in
        # the United States); a demonym is weaker, as often the actor as the place
        # ("Israeli troops arrested 12 people in Tulkarem")
        named = set(ctx.named) | {iso2 for name, isos in province_countries.items() if name != c.name for iso2 in isos}
        story = named | set(ctx.demonyms)
        set_aside: set[int] = set()  # small places abroad of that very name: no spelling match brings them back
        if named and not any(p.country_iso2 in named for p in options):
            # outside the countries the article names only a place's own name counts,
            # never an alternate spelling ("Boni" is also an old name of Bonn)
            strays = options
            options = [p for p in options if _primary(p, c.name)]
            if strays and not options:
                # a province by its English name ("Lower Shabelle") in the country whose forces or named
                # armed groups act in the text ("Somali soldiers and al-Shabaab fighters clashed") under
                # a dateline from another country (NAIROBI): the forces' country has that province
                options = [p for p in strays if p.kind in ("admin1", "admin2") and ctx.acting.get(p.country_iso2)]
                if options:
                    reason = f"'{c.name}' is an alternate name of a province of the country whose forces or groups act in the text; "
                else:
                    reason = f"'{c.name}' is only an alternate name of places outside the story's countries; "
        if story and options and not c.capital_of and not any(p.country_iso2 in story for p in options):
            # a place far outside the countries the article is about needs strong evidence:
            # only a country, a province, a big city (or, where only demonyms say the
            # countries, a district by its own name) is named abroad in passing; a small
            # town of the name ("Monument", Colorado, in a Mexico City story; "Mushu",
            # China, in a Plateau State one) is an unknown local name instead
            abroad = [p for p in options if p.kind in ("country", "admin1")
                      or (p.kind in ("city", "other") and p.population >= RULES["abroad_min_population"])
                      or (p.kind == "admin2" and not named and _primary(p, c.name))
                      # a town that gives its name to its own province ("Menaka, the main
                      # town of the Menaka region close to Niger") is a place of its own; not
                      # one that names only its district: in Portugal or Brazil every town
                      # does ("the village of Moura, Mali" is no Moura, Portugal)
                      or (p.kind == "city" and any(o.kind == "admin1" and o.geonameid == p.admin1_id for o in options))]
            set_aside = {p.geonameid for p in options} - {p.geonameid for p in abroad}
            if not abroad:
                reason = (f"'{c.name}' is not in the gazetteer within the story's countries "
                          f"(only small places of that name elsewhere: {options[0].name}, {options[0].country}); ")
            options = abroad
        if ctx.home and options and not any(p.country_iso2 in ctx.home | story for p in options):
            # "Kenyan police raided Eastleigh": a country's police act at home (or where it holds
            # territory, geo_rules' police_beyond_borders), so a namesake in a country the text gives no
            # word of is a local name the gazetteer lacks; only a country or a city big enough to be
            # named anywhere without its country stays
            held_too = {t for h in ctx.home for t in POLICE_BEYOND.get(h, ())}
            kept = [p for p in options if p.kind == "country" or p.country_iso2 in held_too
                    or (p.kind in ("city", "other") and p.population >= RULES["home_police_abroad_min_population"])]
            if not kept:
                reason = (f"'{c.name}' is not in the gazetteer in the country whose police act in the text "
                          f"({', '.join(sorted(ctx.home))}); its namesakes lie in countries the text never names "
                          f"({options[0].name}, {options[0].country}); ")
            options = kept
        if c.of_a_thing and options and story:
            # (with no country for the story, nothing says the tail is foreign: it stays as read)
            inside = [p for p in options if p.country_iso2 in story]
            if not inside:
                reason = f"'{c.name}' is part of a name of a thing ('{text[max(0, c.start - 30) : c.end].split(', ')[-1].strip()}'), not a place outside the story's countries; "
            options = inside
        elif c.of_a_thing and options:
            # with no country for the story, a word of a thing's name is a place only by
            # its own name ("the Line of Control": "Control" is only another name of El
            # Control, Mexico)
            own = [p for p in options if _primary(p, c.name) and _known_abroad(p)]
            if not own:
                reason = f"'{c.name}' is part of a name of a thing, and no province or big town has it as its own name; "
            options = own
        if c.within and options and not any(p.country_iso2 == c.within for p in options):
            # "Yemen's Red Sea coast" is no Sudanese Red Sea state: a part of the country named as
            # its owner, which the gazetteer lacks there (a country or province of the name excepted)
            reason = f"'{c.name}' is named as a part of {STATES.display_name(c.within)}, which has no place of that name in the gazetteer; "
            options = []
        elif c.within and options:
            options = [p for p in options if p.country_iso2 == c.within]
        held = {p.country_iso2 for p in options if _in_named_province(p, ctx, c.name)}
        if held:
            # a reading inside a province the article names (by another name) rules out
            # towns of the name in other countries ("Palma, near the gas projects in Cabo
            # Delgado" is no Palma in Spain, even where the gazetteer has no point for it)
            options = [p for p in options if p.country_iso2 in held or p.kind in ("country", "admin1")]
        if story and options and any(p.country_iso2 in story for p in options):
            # a reading in the story's countries: a small town of the name abroad is no
            # rival ("the Jenin refugee camp" in a West Bank story is not Jenin, Poland)
            options = [p for p in options if p.country_iso2 in story or p.kind in ("country", "admin1")
                       or p.population >= RULES["abroad_min_population"]]
        if ACRONYM.fullmatch(c.name) and not text.isupper():
            # "KIA", "ELN", "US": in mixed-case text a word in capitals is a group's or a
            # country's initials, a place only as a country or province (or an alias)
            options = [p for p in options if p.kind in ("country", "admin1") or not _primary(p, c.name)]
            if not options:
                reason = f"'{c.name}' is written as initials: no town or district of that name is taken for it; "
        if not options and len(c.name) >= RULES["fuzzy_min_length"] and not c.tagged_only:
            # spelling matches only for names in a place position and only in the
            # countries the article names or whose provinces it names: "Hamas" must not
            # become Hamm, Germany
            # (a province by its own name or with its noun, of another name: "Day" alone
            # makes no story of South Dakota's Day County)
            held = Counter(iso2 for name, isos in province_countries.items() if name != c.name for iso2 in isos)
            near = [iso for iso, _ in (ctx.named + ctx.demonyms + held).most_common(3)]
            fuzzy = [(p, score) for p, score in gazetteer.fuzzy(c.name, [c.within] if c.within else near) if p.geonameid not in set_aside]
            options = list({p.geonameid: p for p, _ in fuzzy}.values())
            if options:
                reason = f"'{c.name}' matched by spelling to '{options[0].name}'; "
        if not options:
            mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], None, None, c.qualifier,
                                         reason.rstrip("; ") or f"'{c.name}' is not in the gazetteer", c.hint, tagged_only=c.tagged_only))
            continue
        # ("near X", "outside X": a town's surroundings, so a town of the name first)
        place = _best(options, c.name, ctx, c.hint or ("city" if c.qualifier in NEAR_WORDS else None), exclude_name=c.name)
        previous = mentions[-1] if mentions else None
        if previous is not None and previous.place is not None and re.fullmatch(r",\s*(?:in\s+)?|\s*\(", text[previous.end : c.start]):
            # "near Ciudad Juarez, Chihuahua", "Djenne (Mopti, Mali)": after a town and a
            # comma or a bracket, the province that holds it
            holding = [p for p in options if p.kind in ("admin1", "admin2")
                       and p.geonameid in (previous.place.admin1_id, previous.place.admin2_id)]
            # a province always; a district only when the name is not also a bigger town
            # ("Cite Soleil, Port-au-Prince" is the city)
            holding = [p for p in holding if p.kind == "admin1" or not (
                place.kind == "city" and place.population > previous.place.population)]
            if holding and holding[0] is not place:
                place = holding[0]
                reason = f"'{c.name}' after '{previous.text},' is the province or district that holds it; "
        n_countries = len({p.country_iso2 for p in options})
        if n_countries > 1:
            reason += f"{len(options)} places named '{c.name}' in {n_countries} countries; chose {place.name}, {place.country} by the article's context"
        elif c.capital_of:
            reason += f"'{c.name}' = the capital of {place.country}, {place.name}"
        else:
            reason += f"'{c.name}' = {place.name} ({place.kind}, {place.country})"
        if place.lat is None:
            fallback, why = _fallback(place, looked[c.name], gazetteer)
            reason += why
            if fallback is None:
                mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], None, None, c.qualifier, reason, c.hint))
                continue
            place = fallback
        place, precision, why = _precision(c, place)
        reason += why
        mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], place, precision, c.qualifier, reason, c.hint))
        if place.kind == "admin1":
            ctx.admin1s.add(place.geonameid)
    countries = ctx.named + ctx.demonyms
    for m in mentions:  # the places resolved say where the story is, as its country names do
        if m.place is not None:
            countries[m.place.country_iso2] += 1
    _provincial_capitals(text, skip, mentions, gazetteer)
    _landmarks_in_their_town(text, mentions, dateline_place, gazetteer)
    _read_in_the_province_after(text, mentions, looked)
    _read_in_the_brackets(text, mentions, notes, gazetteer)
    _held_by_the_place_after(text, mentions, looked, ctx)
    _part_of_the_next(text, mentions, looked)
    _parts_of_the_town_before(text, mentions)
    _capitals_as_governments(doc, mentions)
    _fall_back_unknown(doc, mentions, police[0] if len(police) == 1 else None)
    return ArticleGeo(mentions, countries, gazetteer, ctx, text)
