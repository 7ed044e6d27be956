"""States as actors: which country's forces act in a clause ("Pakistan's strikes",
"strikes by Pakistan", "an Iranian strike", "Nigerian troops").

Country names come from pycountry (short forms), demonyms and aliases from the geo
data file (data/geo_aliases.json); this module only reads them.
"""

from __future__ import annotations

import re
from functools import cached_property

import pycountry

from strife.extract.lexicon import LEXICON, Hit, load_data

STATE_SIGNALS = frozenset(load_data("triggers.json")["state_signals"])  # what a state's forces can be said to do
FORCE_NOUNS = LEXICON.state_acting_nouns  # what a country's forces are called when they act (data/actor_groups.json)


# "a bomb struck an Iraqi army patrol", "exploded as a Nigerien army convoy passed", "under a Pakistani army
# vehicle": those forces were hit, they did not act
TARGETED = re.compile(r"\b(?:struck|hit|attacked|targeted|targeting|ambushed|against|on|as|under|beneath)\s+(?:an?|the)?\s*$", re.I)
# "Russia attacked", "Israel has struck", "Russia had launched 300 drones"
STATE_ATTACKS = re.compile(r"^\s+(?:(?:again|also|then|reportedly|overnight|later|had|has|have)\s+){0,2}" + LEXICON.state_attacking_verbs + r"\b", re.I)
# "Niger State" (Nigeria), "the Niger Delta", "Georgia Street": a place named after a country
NOT_THE_STATE_AFTER = re.compile(r"\s+(?:State|Delta|River|Street|Avenue|Road)\b")
# "The Malian army said on Monday that one of its drones had destroyed …": a state's forces claiming the strike
CLAIMED_STRIKE = re.compile(
    r"^(?:'s|’s)?\s+(?:army|military|armed forces|air force|defen[cs]e ministry|ministry of defen[cs]e)\s+said\s+"
    r"(?:[\w-]+\s+){0,3}?(?:that\s+)?(?:one of\s+)?its\s+(?:drones?|jets?|warplanes?|aircraft|helicopters?|aerial vectors?)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:struck|hit|destroyed|targeted|bombed)\b", re.I)
SUBJECT_BLOCKED = re.compile(r"\b(?:in|of|from|and|with|to|against|on)\s+$", re.I)  # "drones from Russia hit": not its subject
# "killed six Mexican soldiers", "captured two Russian soldiers": the state's forces are the object of a harm
HARMED_BEFORE = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|captured|capturing|kidnapped|abducted|downed|intercepted)\s+(?:(?:at\s+least|some|about|around|up\s+to|an?|the|\d+|\w+teen|\w+ty|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|several)\s+){0,3}$", re.I)
SUFFERING = re.compile(r"\s*(?:were|was|had been|have been|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|kidnapped|abducted|attacked|targeted)\b", re.I)


def _short_name(country) -> list[str]:
    names = {country.name, getattr(country, "common_name", country.name)}
    for n in list(names):
        if "," in n:  # "Iran, Islamic Republic of" -> "Iran"
            names.add(n.split(",")[0])
        if "(" in n:
            names.add(n.split("(")[0].strip())
    return [n for n in names if n]


# what follows a dateline's place: "GUAYAQUIL, Ecuador - Police …", "KYIV, June 7 (Reuters) - …"
DATELINE_AFTER = re.compile(r"\s*(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([^)]{1,20}\)\s*)?[-–—]+\s")


class States:
    @cached_property
    def names(self) -> dict[str, str]:
        """Lower-case country name or demonym -> ISO2."""
        table: dict[str, str] = {}
        for c in pycountry.countries:
            for n in _short_name(c):
                table.setdefault(n.lower(), c.alpha_2)
        geo = load_data("geo_aliases.json")
        for demonym, iso2 in geo.get("demonyms", {}).items():
            table.setdefault(demonym.lower(), iso2)
        for name, iso2 in geo.get("country_aliases", {}).items():
            table.setdefault(name.lower(), iso2)
        for name, iso2 in load_data("actor_groups.json")["state_aliases"].items():
            table.setdefault(name.lower(), iso2)  # "US", "DRC": as reporters write the state
        return table

    @cached_property
    def _name_re(self) -> re.Pattern:
        names = sorted(self.names, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)

    @cached_property
    def _display_overrides(self) -> dict[str, str]:
        return {k: v for k, v in load_data("actors.json")["country_names"].items() if not k.startswith("_")}

    def force_name(self, iso2: str | None) -> str:
        """The country as ACLED writes it after "Military Forces of": with "the" for the
        few states whose name takes it ("Military Forces of the Philippines")."""
        name = self.display_name(iso2)
        return f"the {name}" if iso2 in LEXICON.states_named_with_article else name

    def display_name(self, iso2: str | None) -> str:
        """The country's name as ACLED writes it in actor names ("Iran", not "Iran, Islamic Republic of")."""
        if not iso2:
            return "International"
        if iso2 in self._display_overrides:
            return self._display_overrides[iso2]
        country = pycountry.countries.get(alpha_2=iso2)
        if country is None:
            return iso2
        return getattr(country, "common_name", None) or country.name.split(",")[0]

    @cached_property
    def _demonyms(self) -> set[str]:
        return {d.lower() for d in load_data("geo_aliases.json").get("demonyms", {})}

    def is_demonym(self, word: str) -> bool:
        return word.lower() in self._demonyms

    def iso2(self, name: str) -> str | None:
        return self.names.get(name.lower().strip())

    def mentioned(self, text: str, offset: int = 0) -> list[tuple[str, Hit]]:
        """Every country name or demonym in the text, with its ISO2 (capitalised only:
        'turkey' the bird and 'chad' the name are not countries)."""
        return [
            (self.names[m.group(1).lower()], Hit("state", m.start() + offset, m.end() + offset, m.group(1)))
            for m in self._name_re.finditer(text)
            if m.group(1)[0].isupper() and not NOT_THE_STATE_AFTER.match(text, m.end())
        ]

    def attacking_state(self, text: str) -> tuple[str, Hit] | None:
        """The first country named as the subject of an attack anywhere in `text` ("Russia
        attacked Kharkiv with drones"): whose forces flew the strikes a later clause tells
        without naming them ("Drones struck a high-rise building")."""
        for iso2, hit in self.mentioned(text):
            before = text[max(0, hit.start - 30) : hit.start]
            if not self.is_demonym(hit.text) and STATE_ATTACKS.match(text[hit.end : hit.end + 40]) and not SUBJECT_BLOCKED.search(before):
                return iso2, hit
            if CLAIMED_STRIKE.match(text[hit.end : hit.end + 120]):
                return iso2, hit
        return None

    def acting_state(self, text: str, offset: int, triggers: list[Hit]) -> tuple[str, Hit] | None:
        """The state whose forces carry out the clause's action, if the clause says so."""
        if not any(t.kind in STATE_SIGNALS for t in triggers):
            return None
        group_spans = [(h.start, h.end) for _, h in LEXICON.named_groups_in(text, offset)]
        acting = [(iso2, hit) for iso2, hit in self.mentioned(text, offset) if self._acts(text, offset, hit, group_spans, by_agent=True)]
        # "Ukraine's air force said Russia had launched 300 drones": forces that only tell
        # the news give way to another state the clause tells acting
        def speaks(hit: Hit) -> bool:
            return bool(SPOKEN_FORCES.match(text[hit.end - offset : hit.end - offset + 60]))

        if acting and speaks(acting[0][1]):
            return next((a for a in acting if not speaks(a[1])), acting[0])
        return acting[0] if acting else None

    def acting_abroad(self, text: str, home: str | None) -> tuple[str, Hit] | None:
        """The first state other than `home` whose forces the text tells acting ("A Russian
        missile slammed into …", "Russian forces dropped guided bombs", "Israel struck …"):
        in a report of one state's strikes on another, the side whose forces strike there,
        for a strike it tells without naming them ("a strike on a printing house killed
        seven in May"). Not a state whose forces were hit, shot down or only speak."""
        if not home:
            return None
        group_spans = [(h.start, h.end) for _, h in LEXICON.named_groups_in(text, 0)]
        for iso2, hit in self.mentioned(text):
            if iso2 == home:
                continue
            if LOST.search(text[max(0, hit.start - 30) : hit.start]) or SPOKEN.match(text[hit.end : hit.end + 60]):
                continue  # "shot down 47 Ukrainian drones", "killed 41 Russian soldiers", "the Lebanese army said"
            if self._acts(text, 0, hit, group_spans, by_agent=False):
                return iso2, hit
        return None

    def _acts(self, text: str, offset: int, hit: Hit, group_spans: list[tuple[int, int]], by_agent: bool) -> bool:
        """Whether the country named at `hit` (offsets from `offset`) stands for its forces acting."""
        if any(s <= hit.start < e for s, e in group_spans):
            return False  # "Syrian" in "Syrian Democratic Forces" names a group, not the state
        local_start, local_end = hit.start - offset, hit.end - offset
        before = text[max(0, local_start - 30) : local_start]
        if TARGETED.search(before) or HARMED_BEFORE.search(before):
            # "a bomb struck an Iraqi army patrol", "a landmine killed six Mexican soldiers": those forces were
            # hit, they did not act
            return False
        after = text[local_end : local_end + 40]
        if DATELINE_AFTER.match(after):
            return False  # a dateline's country ("PORT SUDAN - Drones launched by the RSF"): where the story was filed
        # "Pakistan's Jan. 18 strikes", "Iranian strike", "Nigerian troops"
        acting = re.match(r"(?:'s|’s)?\s+(?:[\w.-]+\s+){0,3}?(?:" + FORCE_NOUNS + r"|strikes?|air ?strikes?|shelling|raids?|bombardment)\b", after, re.I)
        if acting and not LEXICON.unidentified_re.match(after.lstrip()):
            # "Pakistani security forces were wounded": the forces suffer, they do not act
            if not SUFFERING.match(after[acting.end() :]):
                return True
        # "Russia attacked Kharkiv with drones", "Israel struck Nabatieh": the country's name
        # (not a demonym) as the subject of an attack stands for its forces
        if not self.is_demonym(hit.text) and STATE_ATTACKS.match(after) and not SUBJECT_BLOCKED.search(before):
            return True
        # "strikes by Pakistan", "carried out by the Israeli military"
        return by_agent and re.search(r"\bby\s+(?:the\s+)?$", before, re.I) is not None


# before a state's forces that were lost, not acting: "shot down 47 Ukrainian drones", "killed 41 Russian soldiers"
LOST = re.compile(r"\b(?:down|intercepted|destroyed|downed|killed|wounded|captured|repelled|repulsed)\s+(?:[\w-]+\s+){0,2}$|\d\s+$", re.I)
# a state's forces that tell the news: "Ukraine's air force said", "the Pakistani army told"
SPOKEN_FORCES = re.compile(r"(?:'s|’s)?\s+(?:[\w.-]+\s+){0,3}?(?:" + FORCE_NOUNS + r"|military|ministry)\s+(?:\w+\s+)?(?:said|says|say|told|reported|announced|stated)\b", re.I)
# forces named only as a source: "the Lebanese army said"
SPOKEN = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:said|says|say|told|reported|announced|spokes\w+|ministry)\b", re.I)


STATES = States()
