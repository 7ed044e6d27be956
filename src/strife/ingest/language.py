"""Only English is analysed; another language is skipped with its name, never mis-coded."""

from __future__ import annotations

import pycountry

MIN_WORDS = 20  # below this, language identification guesses: treat short texts as English
# Short English notes full of African place and group names score a hair more "Nigerian Pidgin" than
# English (an English-lexified creole shares its vocabulary); real Pidgin wins by hundreds of nats. English
# within this share of the winner's log-probability is English.
ENGLISH_MARGIN = 0.02


def detect_language(text: str) -> str | None:
    words = text.split()
    if len(words) < MIN_WORDS:
        return None
    import py3langid

    ranked = py3langid.rank(" ".join(words[:400]).lower())  # lower: wire text in capitals
    (lang, top), scores = ranked[0], dict(ranked)
    if lang != "en" and "en" in scores and top - scores["en"] <= ENGLISH_MARGIN * abs(top):
        return "en"
    return lang


def language_name(code: str) -> str:
    lang = pycountry.languages.get(alpha_2=code)
    return lang.name if lang is not None else code
