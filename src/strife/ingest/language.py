"""Only English is analysed; another language is skipped with its name, never mis-coded."""

from __future__ import annotations

import pycountry

MIN_WORDS = 20  # below this, language identification guesses: treat short texts as English


def detect_language(text: str) -> str | None:
    words = text.split()
    if len(words) < MIN_WORDS:
        return None
    import py3langid

    lang, _ = py3langid.classify(" ".join(words[:400]).lower())  # lower: wire text in capitals
    return lang


def language_name(code: str) -> str:
    lang = pycountry.languages.get(alpha_2=code)
    return lang.name if lang is not None else code
