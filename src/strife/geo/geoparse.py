"""The geoparser: place phrases of an article, resolved against the gazetteer.

Finds where places stand ("in X", "near X", "X district", spaCy's GPE/LOC/FAC entities,
"40 km south of X"), then resolves each among its namesakes by the article's own context:
a province named in the same paragraph, the countries the article names (by name,
demonym or dateline), then the feature type and population. The small English model
mislabels places (Quetta as ORG, Sistan as PERSON): a name the gazetteer knows, standing
after a place preposition or before a place noun, is a place whatever the tagger said.
An unknown name is kept with place None and the reason; it never costs the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from strife.extract.lexicon import load_data
from strife.extract.states import STATES
from strife.geo.gazetteer import DISPLAY_SUFFIXES, Gazetteer, Place, keys_of, normalise

GEO = load_data("geo_aliases.json")
NOT_PLACES = {normalise(n) for n in GEO["not_places"]}
NOUNS = GEO["place_nouns"]
NOUN_KIND = {n: kind for kind, ns in NOUNS.items() for n in ns}
_NOUN_ALT = "|".join(sorted((re.escape(n) for n in NOUN_KIND), key=len, reverse=True))
_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:(?:de|del|la|las|los|el|al|ad|ul|e|i|y|and|of)[ -])?[A-Z][\w'’.-]*){0,4}"
PREP = re.compile(
    rf"\b(?P<prep>in|near|at|outside|of|from|to|around|across|into|toward|towards|between|on the outskirts of|outskirts of|area of)\s+"
    rf"(?:the\s+)?(?P<dir>(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeastern|northwestern|southeastern|southwestern)\s+)?"
    rf"(?P<name>{_NAME})"
)
WITH_NOUN = re.compile(rf"(?P<name>{_NAME})\s+(?P<noun>(?i:{_NOUN_ALT}))\b")
NOUN_OF = re.compile(rf"\b(?P<noun>(?i:{_NOUN_ALT}))\s+of\s+(?P<name>{_NAME})")
RELATIVE = re.compile(
    rf"(?P<dist>\d+(?:\.\d+)?)\s*(?P<unit>km|kilometers|kilometres|miles|mi)\s+(?:\([^)]*\)\s+)?"
    rf"(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?P<name>{_NAME})"
)
LEADING_WORDS = re.compile(r"^(?:(?:In|At|Near|On|From|Of|The|To|Outside|Across|Around|Inside|Across|Also|Meanwhile|Elsewhere)\s+)+")
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270, "northwest": 315}
NEAR_WORDS = {"near", "outside", "on the outskirts of", "outskirts of", "area of", "around", "between"}
# Month and weekday names stand after "in"/"on" too ("in January"): never places.
NOT_PLACE_WORDS = {normalise(w) for w in load_data("dates.json")["months"]} | {
    normalise(w) for w in load_data("dates.json")["weekdays"]
}
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


@dataclass
class ArticleGeo:
    mentions: list[PlaceMention]
    countries: Counter = field(default_factory=Counter)
    gazetteer: Gazetteer | None = None

    def main_country(self, exclude: str | None = None) -> str | None:
        for iso2, _ in self.countries.most_common():
            if iso2 != exclude:
                return iso2
        return None

    def resolve_text(self, name: str) -> Place | None:
        if self.gazetteer is None:
            return None
        paren = re.match(r"(.+?)\s*\((.+)\)\s*$", name)  # "SAN JOSE (COSTA RICA)"
        head, _, tail = (paren.group(1), ",", paren.group(2)) if paren else name.partition(",")
        country = STATES.iso2(tail.strip()) if tail.strip() else None
        found = [p for p in self.gazetteer.lookup(head.strip(), country) if p.kind in ("city", "admin1", "admin2")]
        return _by_context(found, self.countries, set(), None)


def _displace(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d = km / 6371.0
    b, p1, l1 = math.radians(bearing), math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def _kind_rank(place: Place, hint: str | None) -> int:
    if hint and place.kind == hint:
        return 0
    order = ["city", "admin2", "admin1", "country", "other"] if hint in (None, "city") else ["admin2", "admin1", "city", "country", "other"]
    return 1 + order.index(place.kind)


def _primary(place: Place, name: str) -> bool:
    """The phrase is the place's own name (not one of its alternate names)."""
    own = keys_of(place.name) | keys_of(DISPLAY_SUFFIXES.sub("", place.name))
    return bool(keys_of(name) & own)


def _by_context(candidates: list[Place], countries: Counter, admin1s: set[int], hint: str | None) -> Place | None:
    if not candidates:
        return None
    total = sum(countries.values()) or 1

    def score(p: Place) -> tuple:
        in_admin1 = p.admin1_id in admin1s or p.geonameid in admin1s
        return (
            in_admin1,
            countries.get(p.country_iso2, 0) / total,
            -_kind_rank(p, hint),
            math.log10(p.population + 1),
        )

    return max(candidates, key=score)


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    qualifier: str | None
    hint: str | None
    direction: str | None = None
    relative: tuple[float, float] | None = None  # (km, bearing)


def _candidates(doc: Doc, text: str, skip: tuple[int, int] | None) -> list[_Candidate]:
    found: dict[tuple[int, int], _Candidate] = {}

    def add(c: _Candidate) -> None:
        if skip and skip[0] <= c.start < skip[1]:
            return
        possessive = re.search(r"['’]s\s+", c.name)
        if possessive:  # "Pakistan's Baluchistan province": two places
            head, tail = c.name[: possessive.start()], c.name[possessive.end() :]
            add(replace(c, end=c.start + len(head), name=head, hint=None))
            add(replace(c, start=c.start + possessive.end(), name=tail))
            return
        if c.name.endswith("."):
            c = replace(c, name=c.name[:-1], end=c.end - 1)
        lead = LEADING_WORDS.match(c.name)
        if lead:  # "In Zamfara state": a sentence-initial preposition is not part of the name
            c = replace(c, name=c.name[lead.end() :], start=c.start + lead.end())
            if not c.name:
                return
        key = normalise(c.name)
        if key in NOT_PLACES or key in NOT_PLACE_WORDS or len(c.name) < 2 or STATES.is_demonym(c.name):
            return
        for k, other in list(found.items()):
            if other.start < c.end and c.start < other.end:
                if other.end - other.start >= c.end - c.start:
                    return  # overlaps a longer candidate already found
                del found[k]
        found[(c.start, c.end)] = c

    for m in RELATIVE.finditer(text):
        km = float(m.group("dist")) * (1.609 if m.group("unit") in ("miles", "mi") else 1)
        bearing = BEARINGS[m.group("dir").replace("-", "")]
        add(_Candidate(m.start("name"), m.end("name"), m.group("name"), "km of", None, relative=(km, bearing)))
    for m in WITH_NOUN.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in ("the", "a", "an"):
            continue
        add(_Candidate(m.start("name"), m.end("name"), name, None, NOUN_KIND[m.group("noun").lower()]))
    for m in NOUN_OF.finditer(text):  # "the state of Guanajuato", "the town of Sake"
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        add(_Candidate(m.start("name"), m.start("name") + len(name), name, None, NOUN_KIND[m.group("noun").lower()]))
    for m in PREP.finditer(text):
        prep = m.group("prep").lower()
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        add(_Candidate(m.start("name"), m.start("name") + len(name), name, prep if prep in NEAR_WORDS else None, None,
                       direction=m.group("dir").strip() if m.group("dir") else None))
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)
            name = re.sub(r"(?:'s|’s)$", "", name)
            start = ent.start_char + ent.text.find(name)
            if name and name[0].isupper():
                add(_Candidate(start, start + len(name), name, None, None))
    return sorted(found.values(), key=lambda c: c.start)


CONNECTOR_TAIL = re.compile(r"(?:[ -](?:de|del|la|las|los|el|al|and|of|y|e|i))+$")


def _split(c: _Candidate, gazetteer: Gazetteer) -> list[_Candidate]:
    """"Usulutan and Morazan" is two places; "San Luis de la" is "San Luis" cut short."""
    if gazetteer.lookup(c.name):
        return [c]
    trimmed = CONNECTOR_TAIL.sub("", c.name)
    if trimmed != c.name and trimmed:
        return [replace(c, name=trimmed, end=c.start + len(trimmed))]
    if " and " in c.name:
        first, _, second = c.name.partition(" and ")
        offset = c.start + len(first) + len(" and ")
        return [replace(c, name=first, end=c.start + len(first)), replace(c, name=second, start=offset)]
    return [c]


def geoparse(doc: Doc, gazetteer: Gazetteer, dateline=None) -> ArticleGeo:
    text = doc.text
    skip = (dateline.start, dateline.end) if dateline is not None else None
    countries: Counter = Counter()
    for iso2, hit in STATES.mentioned(text):
        if not (skip and skip[0] <= hit.start < skip[1]):
            countries[iso2] += 1
    candidates = [part for c in _candidates(doc, text, skip) for part in _split(c, gazetteer)]
    looked = {c.name: gazetteer.lookup(c.name) for c in candidates}
    dateline_place = None
    if dateline is not None and dateline.place:
        geo = ArticleGeo([], countries, gazetteer)
        dateline_place = geo.resolve_text(dateline.place)
        if dateline_place is not None:
            countries[dateline_place.country_iso2] += 2
    # first pass: names with one reading (provinces, countries, unique towns) set the context
    admin1s: set[int] = set()
    for c in candidates:
        options = [p for p in looked[c.name] if _primary(p, c.name)]
        if len({p.country_iso2 for p in options}) == 1 and options:
            countries[options[0].country_iso2] += 1
            if options[0].kind == "admin1":
                admin1s.add(options[0].geonameid)
    mentions: list[PlaceMention] = []
    for c in candidates:
        options = looked[c.name]
        if c.hint in ("admin1", "admin2"):
            narrowed = [p for p in options if p.kind in ("admin1", "admin2")]
            options = narrowed or options
        reason = ""
        in_context = [p for p in options if p.country_iso2 in countries]
        if countries and not in_context:
            # outside the story's countries only a place's own name counts, never an
            # alternate spelling ("Boni" is also an old name of Bonn)
            strays = options
            # and a town abroad only when no other place in the world has its name
            options = [
                p for p in options
                if _primary(p, c.name) and (p.kind in ("country", "admin1") or len({q.country_iso2 for q in strays}) == 1)
            ]
            if strays and not options:
                reason = f"'{c.name}' is only an alternate name of places outside the story's countries; "
        if not options and len(c.name) >= 5 and countries:
            fuzzy = gazetteer.fuzzy(c.name, [iso for iso, _ in countries.most_common(3)])
            options = [p for p, _ in fuzzy]
            if options:
                reason = f"'{c.name}' matched by spelling to '{options[0].name}'; "
        if not options:
            mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], None, None, c.qualifier,
                                         reason or f"'{c.name}' is not in the gazetteer", c.hint))
            continue
        place = _by_context(options, countries, admin1s, c.hint)
        n_countries = len({p.country_iso2 for p in options})
        if n_countries > 1:
            reason += f"{len(options)} places named '{c.name}' in {n_countries} countries; chose {place.name}, {place.country} by the article's context"
        else:
            reason += f"'{c.name}' = {place.name} ({place.kind}, {place.country})"
        precision = PRECISION[place.kind]
        if c.qualifier in NEAR_WORDS and precision == 1:
            precision = 2
        if c.direction and place.kind == "country":
            reason += f"; only '{c.direction}' part of the country"
        if c.relative is not None and place.lat is not None:
            lat, lon = _displace(place.lat, place.lon, *c.relative)
            place = replace(place, lat=lat, lon=lon)
            precision = 2
            reason += f"; displaced {c.relative[0]:.0f} km from it"
        mentions.append(PlaceMention(c.start, c.end, text[c.start : c.end], place, precision, c.qualifier, reason, c.hint))
        if place.kind == "admin1":
            admin1s.add(place.geonameid)
    return ArticleGeo(mentions, countries, gazetteer)
