"""The extraction lexicons (src/strife/data/*.json), loaded and compiled once.

Words are data; this module only turns them into compiled patterns with a small API, so
that every stage asks the same questions the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources


def load_data(name: str) -> dict:
    with resources.files("strife.data").joinpath(name).open(encoding="utf-8") as f:
        return json.load(f)


def _alternation(patterns: list[str]) -> re.Pattern:
    # Longest first: regex alternation takes the first branch that matches, not the longest.
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w-])", re.I)


def _masks_by_signal(masks: dict[str, list[str]]) -> dict[str, list[str]]:
    """triggers.json `masks`, per signal: a key naming several signals ("looting|riot": "looted weapons remained"
    holds words of both) gives its phrases to each, so a phrase masking two signals is written once."""
    out: dict[str, list[str]] = {}
    for key, patterns in masks.items():
        for signal in key.split("|"):
            out.setdefault(signal, []).extend(patterns)
    return out


# "Kuki and Meitei militants": a capitalised word, then "and" or "or", right before a group's name
SHARED_HEAD_BEFORE = re.compile(r"\b([A-Z][\w-]+)(?:\s+(?:and|or)|,)\s+$")



def trie_alternation(words) -> str:
    """A regex that matches the same words as their longest-first alternation ("a|b|..."), written as a
    prefix tree ("hawadle (?:clan militia|fighters)"). Why our own: Python's re tries every branch of an
    alternation at every position, so a thousand aliases (the clans' spellings times their forms) made
    the alias search the pipeline's slowest step; the tree tries one branch per next character. Greedy
    optional tails keep the longest-first order: a longer alias is tried before the shorter one it extends,
    and backtracking (to satisfy what follows the group) falls back to the shorter one."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def regex(node: dict) -> str:
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return regex(tree) or "(?!)"

@dataclass(frozen=True)
class Hit:
    kind: str  # a signal, a weapon, a cue name, an actor name
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NamedGroup:
    name: str
    inter: int
    country: str | None
    aliases: tuple[str, ...]
    # the ACLED name the group has in another country ("Islamic State (Iraq)"), as (iso2, name)
    names_by_country: tuple[tuple[str, str], ...] = ()

    def name_in(self, iso2: str | None) -> str:
        """The group's name for an incident in `iso2` (a template such as
        "Clan Militia ({country})" is filled by the actor coder, which knows country names)."""
        for country, name in self.names_by_country:
            if country == iso2:
                return name
        return self.name


class Lexicon:
    def __init__(self) -> None:
        triggers = load_data("triggers.json")
        self.signal_patterns = {s: _alternation(p) for s, p in triggers["signals"].items()}
        self.violent_signals = frozenset(triggers["violent_signals"])
        self.weak_signals = frozenset(triggers["weak_signals"])
        self.signal_masks = {s: _alternation(p) for s, p in _masks_by_signal(triggers.get("masks", {})).items()}
        # masks whose phrase may run across the clauses detect.py cuts a sentence into ("a vigil | to mourn …")
        self.sentence_masks = {s: _alternation(p) for s, p in _masks_by_signal(triggers.get("sentence_masks", {})).items()}
        self._any_signal = _alternation([p for ps in triggers["signals"].values() for p in ps])
        cues = load_data("cues.json")
        self.cue_patterns = {
            name: re.compile("|".join(f"(?:{p})" for p in pats), re.I)
            for name, pats in cues.items()
            if not name.startswith("_")
        }
        weapons_data = load_data("weapons.json")
        weapons = weapons_data["weapons"]
        self.weapon_patterns = {w: _alternation(p) for w, p in weapons.items()}
        self.seized_re = _alternation(weapons_data["seized_cues"]["patterns"])
        groups = load_data("groups.json")["categories"]
        self.group_patterns = [(g["category"], _alternation(g["patterns"])) for g in groups]
        actors = load_data("actors.json")
        self.named_groups = self._load_groups(actors["groups"], load_data("actor_groups.json"))
        self._alias_to_group = {}
        for g in self.named_groups:
            for alias in g.aliases:
                self._alias_to_group.setdefault(alias.lower(), g)
        # Acronyms must match in their own case ("IS", "AA", "SL" are also English words).
        cased = [a for a in self._alias_to_group if self._is_acronym(a, self._alias_to_group[a])]
        self._acronym_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(self._original_alias(a)) for a in sorted(cased, key=len, reverse=True)) + r")(?![\w-])"
        )
        plain = [a for a in self._alias_to_group if a not in set(cased)]
        self._alias_re = re.compile(r"(?<![\w-])(" + trie_alternation(plain) + r")(?![\w-])", re.I)
        world = load_data("actor_groups.json")
        attribution = world["attribution"]
        self.attribution_before_re = re.compile("(?:" + "|".join(attribution["before"]) + r")\s*$", re.I)
        self.attribution_after_re = re.compile("^(?:" + "|".join(attribution["after"] + attribution["claim_after"]) + ")", re.I)
        self.attribution_claim_re = re.compile("^(?:" + "|".join(attribution["claim_after"]) + ")", re.I)
        self.attribution_claim_before_re = re.compile("(?:" + "|".join(attribution["claim_before"]) + r")\s*$", re.I)
        self.attribution_doubt_re = re.compile(r"\b(?:" + "|".join(attribution["doubt"]) + r")\b", re.I)
        self.association_before_re = re.compile("(?:" + "|".join(world["association"]["before"]) + ")", re.I)
        self.strike_aim_re = re.compile("(?:" + "|".join(world["strike_aim"]) + ")", re.I)
        self.association_not_before_re = re.compile("(?:" + "|".join(world["association"]["not_before"]) + ")", re.I)
        self.association_not_after_re = re.compile("(?:" + "|".join(world["association"]["not_after"]) + ")", re.I)
        self.attribution_blame_re = re.compile("(?:" + "|".join(attribution["blame"]) + ")", re.I)
        self.attribution_blame_for_other_re = re.compile("(?:" + "|".join(attribution["blame_for_other"]) + ")", re.I)
        self.attribution_denial_re = re.compile("(?:" + "|".join(attribution["denial_after"]) + ")", re.I)
        more_forces = world["state_forces"]
        self.military_re = _alternation(actors["state_forces"]["military"] + more_forces["military"])
        self.police_re = _alternation(actors["state_forces"]["police"] + more_forces["police"])
        self.personnel_re = re.compile("(?:" + "|".join(more_forces["personnel_nouns"]) + ")", re.I)
        self.state_acting_nouns = "(?:" + "|".join(sorted(more_forces["acting_nouns"], key=len, reverse=True)) + ")"
        self.states_named_with_article = frozenset(more_forces["name_with_article"])
        self.acted_on_verbs = "(?:" + "|".join(sorted(more_forces["acted_on_verbs"], key=len, reverse=True)) + ")"
        self.security_agents_re = re.compile("|".join(more_forces["arresting_agents"]), re.I)
        self.mob_re = re.compile(r"\b(?:" + "|".join(world["mob_words"]) + r")\b", re.I)
        self.repelled_re = re.compile(r"\b(?:" + "|".join(world["repelled"]) + r")\b", re.I)
        self.forces_attacked_re = re.compile(r"\b(?:" + "|".join(world["forces_attacked"]) + r")\b", re.I)
        self.raid_re = re.compile(r"^(?:" + "|".join(world["raid_words"]) + r")$", re.I)
        self.supporting_re = re.compile(r"\b(?:" + "|".join(world["supporting"]) + r")\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.I)
        self.state_property_re = re.compile(r"\b(?:" + "|".join(world["state_property"]) + r")\b", re.I)
        self.civilian_property_re = re.compile(r"(?<![\w-])(?:" + "|".join(world["civilian_property"]) + r")(?![\w-])", re.I)
        militia = world["identity_militia"]
        self.identity_militia_res = [re.compile(p) for p in militia["patterns"]]
        self.not_communities = frozenset(militia["not_communities"])
        self.state_air_re = re.compile("|".join(world["state_air_means"]), re.I)
        self.state_target_res = {kind: _alternation(words) for kind, words in world["state_targets"].items()}
        self.suspicion_re = re.compile(r"\b(?:" + "|".join(world["suspicion_before"]) + r")\s+(?:the\s+)?$", re.I)
        self.communal_re = re.compile("|".join(world["communal"]["between"]), re.I)
        self.state_attacking_verbs = "(?:" + "|".join(sorted(more_forces["attacking_verbs"], key=len, reverse=True)) + ")"
        self.force_acting_verbs = "(?:" + "|".join(sorted(more_forces["acting_verbs"], key=len, reverse=True)) + ")"
        self.crowd_control_re = re.compile("|".join(more_forces["crowd_control"]), re.I)
        self.no_intervention_after_re = re.compile("^(?:" + "|".join(more_forces["no_intervention_after"]) + ")", re.I)
        self.unidentified_re = _alternation(actors["unidentified_armed"]["nouns"] + world["unidentified_armed"])
        self.referring_re = _alternation(world["referring"])
        self.civilian_peoples = {k.lower(): v for k, v in world["civilian_peoples"].items()}
        self.civilian_peoples_re = _alternation([re.escape(k) for k in world["civilian_peoples"]])
        self.referring_reach = world["referring_reach"]
        self.civilian_re = _alternation(actors["civilians"]["nouns"])
        self.protester_re = _alternation(actors["protesters"]["nouns"])
        self.rioter_re = _alternation(actors["rioters"]["nouns"])
        self._case_ambiguous = frozenset(actors["case_ambiguous_aliases"]["aliases"])

    @staticmethod
    def _load_groups(base: list[dict], world: dict) -> list[NamedGroup]:
        """actors.json's groups, with the spellings and per-country names actor_groups.json
        adds to them, then actor_groups.json's own groups (two files so that branches
        adding groups do not edit the same lines)."""
        extra = world.get("extra_aliases", {})
        by_country = world.get("names_by_country", {})
        groups = []
        for g in base + world["groups"]:
            aliases = tuple(dict.fromkeys([*g["aliases"], *extra.get(g["name"], [])]))
            countries = tuple(sorted(by_country.get(g["name"], {}).items()))
            groups.append(NamedGroup(g["name"], g["inter"], g.get("country"), aliases, countries))
        return groups + Lexicon._clan_groups(world.get("clans", {}))

    @staticmethod
    def _clan_groups(clans: dict) -> list[NamedGroup]:
        """A group for each clan of actor_groups.json `clans` ("Hawadle Clan Militia (Somalia)", inter 4), its
        aliases made from the clan's spellings with the alias forms ("Hawadle clan militia", "Hawaadle fighters")."""
        forms = clans.get("alias_forms", [])
        groups = []
        for iso2, entry in clans.get("by_country", {}).items():
            for spellings in entry["names"]:
                aliases = tuple(dict.fromkeys(f.format(clan=s) for s in spellings for f in forms))
                groups.append(NamedGroup(f"{spellings[0]} Clan Militia ({entry['country']})", 4, iso2, aliases))
        return groups

    def _original_alias(self, lowered: str) -> str:
        g = self._alias_to_group[lowered]
        return next(a for a in g.aliases if a.lower() == lowered)

    def _is_acronym(self, lowered: str, group: NamedGroup) -> bool:
        original = next(a for a in group.aliases if a.lower() == lowered)
        letters = [c for c in original if c.isalpha()]
        return len(original) <= 7 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)

    # -- triggers ---------------------------------------------------------------------
    def has_event_signal(self, text: str) -> bool:
        return self._any_signal.search(text) is not None

    def triggers(self, text: str, offset: int = 0) -> list[Hit]:
        hits = [
            Hit(signal, m.start() + offset, m.end() + offset, m.group(0))
            for signal, pattern in self.signal_patterns.items()
            for m in pattern.finditer(text)
            if not self._masked(signal, m.start(), m.end(), text)
        ]
        return sorted(hits, key=lambda h: (h.start, -h.end))

    def _masked(self, signal: str, start: int, end: int, text: str) -> bool:
        """A signal's words inside a phrase that tells no such happening ("tear gas
        shells", "no one was arrested"): triggers.json `masks`."""
        mask = self.signal_masks.get(signal)
        return mask is not None and any(m.start() <= start and end <= m.end() for m in mask.finditer(text))

    def sentence_masked(self, trigger: Hit, sentence: str, offset: int) -> bool:
        """A trigger inside a phrase of its sentence that tells no such happening, where the phrase spans the
        clauses the sentence is cut into ("a candlelight vigil | to mourn nine policemen"): triggers.json
        `sentence_masks`. `offset` is where the sentence starts in the text."""
        mask = self.sentence_masks.get(trigger.kind)
        return mask is not None and any(
            m.start() + offset <= trigger.start and trigger.end <= m.end() + offset for m in mask.finditer(sentence)
        )

    def cue(self, name: str, text: str) -> re.Match | None:
        return self.cue_patterns[name].search(text)

    # -- weapons ----------------------------------------------------------------------
    def weapons(self, text: str, offset: int = 0) -> list[Hit]:
        hits = [
            Hit(w, m.start() + offset, m.end() + offset, m.group(0))
            for w, pattern in self.weapon_patterns.items()
            for m in pattern.finditer(text)
        ]
        # A span inside a longer weapon phrase ("bomb" in "roadside bomb") is not a second weapon.
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if any(k.start <= h.start and h.end <= k.end for k in kept):
                continue
            kept.append(h)
        return kept

    # -- groups and actors ------------------------------------------------------------
    def group_category(self, phrase: str) -> str | None:
        for category, pattern in self.group_patterns:
            if pattern.search(phrase):
                return category
        return None

    def named_groups_in(self, text: str, offset: int = 0) -> list[tuple[NamedGroup, Hit]]:
        found = []
        for regex in (self._alias_re, self._acronym_re):
            for m in regex.finditer(text):
                group = self._alias_to_group[m.group(1).lower()]
                found.append((group, Hit(group.name, m.start() + offset, m.end() + offset, m.group(1))))
        found.extend(self._shared_head(text, offset, found))
        found.sort(key=lambda x: x[1].start)
        kept = []
        for g, h in found:
            if any(k.start <= h.start < k.end for _, k in kept):
                continue
            kept.append((g, h))
        return kept

    def _shared_head(self, text: str, offset: int, found: list[tuple[NamedGroup, Hit]]) -> list[tuple[NamedGroup, Hit]]:
        """Groups named by a word that shares the head noun of the group named after it ("Kuki and Meitei
        militants", "Hema and Lendu militias"): "Kuki militants" is an alias of its own, told with one noun
        for both; the hit spans the word alone."""
        extra = []
        for g, h in found:
            words = h.text.split(" ", 1)
            if len(words) != 2 or not words[0][:1].isupper():
                continue
            local = h.start - offset
            m = SHARED_HEAD_BEFORE.search(text, max(0, local - 40), local)
            if m is None:
                continue
            other = self._alias_to_group.get(f"{m.group(1)} {words[1]}".lower())
            if other is not None and other is not g:
                extra.append((other, Hit(other.name, m.start(1) + offset, m.end(1) + offset, m.group(1))))
        return extra

    def group_by_alias(self, alias: str) -> NamedGroup | None:
        return self._alias_to_group.get(alias.lower())

    def group_by_name(self, name: str) -> NamedGroup | None:
        return next((g for g in self.named_groups if g.name == name), None)

    @cached_property
    def cased_names(self) -> dict[str, str]:
        """Lower-case -> cased forms of the names strife knows, for restoring case."""
        names = {}
        for g in self.named_groups:
            for alias in g.aliases:
                if alias.lower() not in self._case_ambiguous:
                    names[alias.lower()] = alias
        return names


LEXICON = Lexicon()
