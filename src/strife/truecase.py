"""Restore case to ALL-CAPS wire text before parsing.

spaCy's English model is trained on mixed case: on capitals it tags nearly every word a
proper noun. No truecasing model is installable here, so this is lexicon-driven: lower
everything, capitalise sentence starts, and give back their case to the names strife
knows (actor aliases and acronyms from the actor dictionary, and any word list a caller
adds, such as gazetteer names). Same length in, same length out: offsets stay valid.
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from strife.extract.lexicon import LEXICON, load_data

# Sentence starts: after end punctuation, a blank line, a wire dash or "[TEXT]". Not after
# a single newline: wire copy wraps its lines mid-sentence.
SENTENCE_START = re.compile(r"(^\s*|[.!?]\s+|\n\s*\n\s*|--\s*|\[text\]\s*)([a-z])", re.I)


def restore_case(text: str, proper_names: dict[str, str] | None = None) -> str:
    lowered = text.lower()
    out = list(lowered)
    # The article's own names first, then the lexicon's: later writes win, and a known
    # group name ("Farabundo Marti National Liberation Front") outranks a place inside it.
    patterns = _name_patterns(proper_names or {}) + _lexicon_patterns()
    for pattern, cased in patterns:
        for m in pattern.finditer(lowered):
            _copy_case(out, m.start(), m.group(0), cased)
    for start, end in person_name_spans(lowered):
        out[start] = out[start].upper()
    result = "".join(out)
    return SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), result)


def _name_patterns(names: dict[str, str]) -> list[tuple[re.Pattern, str]]:
    # Longest names first, so that the longest name is written last where two overlap.
    # Any run of blanks between words: wire copy wraps a name over two lines.
    ordered = sorted(names.items(), key=lambda kv: len(kv[0]))
    return [
        (re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in low.split()) + r"(?![\w-])"), cased)
        for low, cased in ordered
        if low.split() and cased.lower().split() == low.split()
    ]


def _copy_case(out: list[str], start: int, matched: str, cased: str) -> None:
    """Write `cased`'s capitals over the match, letter for letter, keeping the text's own
    blanks (a newline inside the name stays a newline: same length, same offsets)."""
    letters = iter(c for c in cased if not c.isspace())
    for i, c in enumerate(matched):
        if not c.isspace():
            out[start + i] = next(letters, c)


_CASING = load_data("truecase.json")
MIN_TOWN_POPULATION: int = _CASING["min_town_population"]
PLACE_NAME_LOWERCASE = frozenset(_CASING["place_name_lowercase_words"])
# "the bolivar department": the words before a word that says what kind of place it is
PHRASE_BEFORE_PLACE_KIND = re.compile(
    r"([a-z][a-z ]{2,40}?)(?=\s+(?:" + "|".join(map(re.escape, _CASING["place_kind_words"])) + r")\b)"
)

_PEOPLE = load_data("person_names.json")
GIVEN_NAMES = frozenset(_PEOPLE["given_names"])
TITLES = frozenset(_PEOPLE["titles"])
PARTICLES = frozenset(_PEOPLE["particles"])
NOT_SURNAMES = frozenset(_PEOPLE["not_surnames"])
NAME_WORD = re.compile(r"[a-z][a-z'-]*")
MAX_NAME_WORDS = 4


def _surname_like(word: str) -> bool:
    # No English dictionary is installable here, so a surname is told by what it is not:
    # no function word, no verb of speech or role, no -ed/-ing/-ly form, no event word.
    return (
        len(word) > 1
        and word not in STOP_WORDS
        and word not in NOT_SURNAMES
        and word not in TITLES
        and not word.endswith(("ed", "ing", "ly"))
        and not LEXICON.has_event_signal(word)
    )


def person_name_spans(lowered: str) -> list[tuple[int, int]]:
    """Words of people's names in lower-cased text, to capitalise: a given name followed
    by surnames ("jose napoleon duarte", "maria de la cruz"), or a title followed by one
    ("colonel benavides"). A given name alone is left as it is ("angel", "rosa")."""
    words = list(NAME_WORD.finditer(lowered))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        w = words[i].group(0)
        if w not in GIVEN_NAMES and w not in TITLES:
            i += 1
            continue
        run, j = ([words[i]] if w in GIVEN_NAMES else []), i + 1
        while j < len(words) and len(run) < MAX_NAME_WORDS:
            between = lowered[words[j - 1].end() : words[j].start()]
            if between.strip():
                break  # punctuation ends a name
            nxt = words[j].group(0)
            if nxt in PARTICLES and j + 1 < len(words) and _surname_like(words[j + 1].group(0)):
                j += 1  # "de la cruz": the particle stays lower case
                continue
            if nxt in GIVEN_NAMES or _surname_like(nxt):
                run.append(words[j])
                j += 1
                continue
            break
        surnames = [m for m in run if m.group(0) not in GIVEN_NAMES or m is not run[0]]
        if run and (len(run) > 1 or (w in TITLES and surnames)):
            spans.extend((m.start(), m.end()) for m in run)
        i = max(j, i + 1)
    return spans


@functools.lru_cache(maxsize=1)
def _lexicon_patterns() -> list[tuple[re.Pattern, str]]:
    return _name_patterns(LEXICON.cased_names)


PLACE_LEAD = re.compile(r"\b(?:in|near|at|of|from|to|outside|toward|towards)\s+$")
PLACE_TAIL = re.compile(
    r"^\s+(?:department|province|city|town|village|district|municipality|jurisdiction|state|region|county|valley|area)\b"
)
WORD = re.compile(r"[a-z][a-z'’.-]*")


def place_names(lowered: str, is_place, max_words: int = 5) -> dict[str, str]:
    """Place names in lower-cased wire text, to give back their capitals.

    `is_place(name) -> str | None` answers with the cased name when the gazetteer knows
    it. Only names standing where places stand ("in X", "X department") are tried:
    'police' and 'march' are towns somewhere too.
    """
    found: dict[str, str] = {}
    words = list(WORD.finditer(lowered))
    for i, first in enumerate(words):
        if not PLACE_LEAD.search(lowered[max(0, first.start() - 12) : first.start()]):
            continue
        if first.group(0) in STOP_WORDS:
            continue  # "in the …", "of their …": 'The' and 'An' are villages somewhere
        for n in range(max_words, 0, -1):
            if i + n > len(words):
                continue
            last = words[i + n - 1]
            phrase = lowered[first.start() : last.end()]
            if last.group(0) in STOP_WORDS or any(c in phrase for c in ",;\n.") and "\n" in phrase.strip():
                continue
            if any(c in phrase for c in ",;"):
                continue
            cased = is_place(phrase)
            if cased and len(cased) == len(phrase):
                found[phrase] = cased
                break
    for m in PHRASE_BEFORE_PLACE_KIND.finditer(lowered):
        phrase = m.group(1).split(" in ")[-1].split(" of ")[-1].strip()
        if not phrase or phrase.split()[0] in STOP_WORDS:
            continue
        cased = is_place(phrase)
        if cased and len(cased) == len(phrase):
            found[phrase] = cased
    return found
