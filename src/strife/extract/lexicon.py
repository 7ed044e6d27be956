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


class Lexicon:
    def __init__(self) -> None:
        triggers = load_data("triggers.json")
        self.signal_patterns = {s: _alternation(p) for s, p in triggers["signals"].items()}
        self.violent_signals = frozenset(triggers["violent_signals"])
        self.weak_signals = frozenset(triggers["weak_signals"])
        self.signal_masks = {s: _alternation(p) for s, p in triggers.get("masks", {}).items()}
        self._any_signal = _alternation([p for ps in triggers["signals"].values() for p in ps])
        cues = load_data("cues.json")
        self.cue_patterns = {
            name: re.compile("|".join(f"(?:{p})" for p in pats), re.I)
            for name, pats in cues.items()
            if not name.startswith("_")
        }
        weapons = load_data("weapons.json")["weapons"]
        self.weapon_patterns = {w: _alternation(p) for w, p in weapons.items()}
        groups = load_data("groups.json")["categories"]
        self.group_patterns = [(g["category"], _alternation(g["patterns"])) for g in groups]
        actors = load_data("actors.json")
        self.named_groups = [
            NamedGroup(g["name"], g["inter"], g.get("country"), tuple(g["aliases"]))
            for g in actors["groups"]
        ]
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
        self._alias_re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(plain, key=len, reverse=True)) + r")(?![\w-])",
            re.I,
        )
        self.military_re = _alternation(actors["state_forces"]["military"])
        self.police_re = _alternation(actors["state_forces"]["police"])
        self.unidentified_re = _alternation(actors["unidentified_armed"]["nouns"])
        self.civilian_re = _alternation(actors["civilians"]["nouns"])
        self.protester_re = _alternation(actors["protesters"]["nouns"])
        self.rioter_re = _alternation(actors["rioters"]["nouns"])

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
        found.sort(key=lambda x: x[1].start)
        kept = []
        for g, h in found:
            if any(k.start <= h.start < k.end for _, k in kept):
                continue
            kept.append((g, h))
        return kept

    def group_by_name(self, name: str) -> NamedGroup | None:
        return next((g for g in self.named_groups if g.name == name), None)

    @cached_property
    def cased_names(self) -> dict[str, str]:
        """Lower-case -> cased forms of the names strife knows, for restoring case."""
        names = {}
        for g in self.named_groups:
            for alias in g.aliases:
                if alias.lower() not in {"is", "aa", "sl", "pdf", "ied"}:
                    names[alias.lower()] = alias
        return names


LEXICON = Lexicon()
