"""Casualty statements in one sentence: who was killed, injured, abducted or arrested,
how many, and who says so.

strife's own code: no library reads "two dozen" or "scores of", and the number parsers
on the index turn "No one" into "No 1". A number becomes a casualty figure only when a
casualty word governs it ("killing four soldiers", "nine insurgents were killed", "one
dead terrorist", "the death toll rose to 12"), so ages, years, distances, sentence
lengths and the size of an attacking group never become tolls.

How a sentence is read:
  1. casualty words (triggers) are found, each with the grammatical forms it can take;
  2. numbers are found, each with the noun phrase after it (the group it counts);
  3. each trigger is linked to the numbers its form allows: the subject before a passive
     or intransitive verb, the object after an active one, the noun after "one dead",
     with coordinated lists ("four soldiers and two civilians") shared by one verb.
Every word list and every counting choice lives in data/counting.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

KINDS = ("killed", "injured", "abducted", "arrested")


def _load() -> dict:
    with resources.files("strife.data").joinpath("counting.json").open(encoding="utf-8") as f:
        return json.load(f)


DATA = _load()


@dataclass(frozen=True)
class Quantity:
    low: int
    best: int
    high: int
    qualifier: str | None  # "at least", "more than", "about", "up to", "nearly", "dozens", "between" ...
    start: int  # the number phrase, without its qualifier ("four" in "at least four")
    end: int
    text: str


@dataclass(frozen=True)
class Casualty:
    kind: str  # killed | injured | abducted | arrested
    quantity: Quantity
    group: str | None  # who, as written: "members of the security forces", "others", "its fighters"
    group_start: int | None
    group_end: int | None
    start: int  # the whole casualty clause, for evidence
    end: int
    text: str
    by: str | None  # the source the clause itself names ("military", "police"), else None
    negated: bool  # a reported zero: "no one was killed", "without casualties"
    kill_claim: bool = False  # a combatant's word on the losses it inflicted (set by tolls.claims_of)


# -- regular expressions from the data ------------------------------------------------

def _pattern(fragment: str) -> str:
    """A data pattern, with each space matching any run of whitespace (wire text wraps lines)."""
    return re.sub(r" +", r"\\s+", fragment.strip())


def _literal(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _alt(fragments, literal: bool = False) -> str:
    # Longest first: regex alternation takes the first branch that matches, not the longest.
    parts = [_literal(f) if literal else _pattern(f) for f in fragments]
    return "(?:" + "|".join(sorted(set(parts), key=len, reverse=True)) + ")"


def _words(fragments, literal: bool = False) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + _alt(fragments, literal) + r"(?![\w-])", re.I)


def _lower_set(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


_N = DATA["numbers"]
_NUMBER_WORDS = {**_N["units"], **_N["teens"], **_N["tens"]}
_SCALES = _N["scales"]
_MULTIPLIERS = {w: m["value"] for w, m in _N["multipliers"].items()}
_FIXED = {" ".join(k.lower().split()): v for k, v in DATA["words"].items() if not k.startswith("_")}
_VAGUE = {" ".join(k.lower().split()): v for k, v in DATA["vague"].items() if not k.startswith("_")}
VAGUE_WORDS = frozenset(_VAGUE)  # "dozens", "several": a figure without a number
_ZERO_WORDS = list(DATA["zero"]["words"])
_QUALIFIERS = [p for q in DATA["qualifiers"].values() if isinstance(q, dict) for p in q["phrases"]]

_UNIT, _TEEN, _TENS = (_alt(_N[k], literal=True) for k in ("units", "teens", "tens"))
_SCALE = _alt(_SCALES, literal=True)
_SMALL = rf"(?:{_TENS}(?:(?:-|\s+){_UNIT})?|{_TEEN}|{_UNIT})"
_WORDNUM = (
    rf"(?:(?:{_SMALL}|an?)\s+{_SCALE}(?:\s+{_SCALE})*(?:\s+(?:and\s+)?{_SMALL}(?:\s+{_SCALE})*)*|{_SMALL})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_NUM_RE = re.compile(rf"(?<!\w){_NUM}(?!\w)", re.I)
_SEPARATORS = DATA["ranges"]["separators"]
_DASH = "[" + "".join(re.escape(s) for s in _SEPARATORS["symbols"]) + "]"
# Branch order matters (first match wins): a range before its first number, "a dozen"
# and "a few" before the article "a", "a hundred" before "a".
_CORE = (
    rf"(?P<between>{DATA['ranges']['between']}\s+{_NUM}\s+and\s+{_NUM})"
    rf"|(?P<range>{_DIGITS}\s*{_DASH}\s*{_DIGITS}|{_NUM}\s+{_alt(_SEPARATORS['words'], literal=True)}\s+{_NUM})"
    rf"|(?P<mult>(?:{_NUM}|an?)\s+{_alt(_MULTIPLIERS, literal=True)})"
    rf"|(?P<vague>{_alt(_VAGUE, literal=True)})"
    rf"|(?P<zero>{_alt(_ZERO_WORDS, literal=True)}|{DATA['zero']['determiner']['pattern']})"
    rf"|(?P<cardinal>{_NUM})"
    rf"|(?P<word>{_alt(_FIXED, literal=True)})"
)
# Not after a word, a hyphen, "$" or "No." ("NO.4"); not before a hyphenated word
# ("45-year-old", "10-year sentence", "900-kilometer border") or a decimal/time ("10:30").
QUANTITY_RE = re.compile(
    rf"(?<![\w.:/$£€#-])(?:(?P<qual>{_alt(_QUALIFIERS, literal=True)})\s+)?(?P<num>{_CORE})(?![\w-]|[.:,/]\d)",
    re.I,
)

_NC = DATA["not_counts"]
_UNIT_AFTER = re.compile(rf"\s*{_alt(_NC['units_after'])}(?![\w])", re.I)
_WORDS_BEFORE = _lower_set(_NC["words_before"])
_YEARS = range(_NC["years"]["from"], _NC["years"]["to"] + 1)
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")

_AUXILIARIES = {k: _lower_set(v) for k, v in DATA["auxiliaries"].items() if not k.startswith("_")}
_AUX = frozenset().union(*_AUXILIARIES.values())

_G = DATA["group"]
_GROUP_STOPS = _lower_set(_G["stop_words"] + DATA["adverbs"]) | _AUX
_DETERMINERS = _lower_set(_G["determiners"])
# "a group of", "a large group of", "an unspecified number of", "a police unit"
_COLLECTIVE = re.compile(rf"(?:[\w-]+\s+)?{_alt(_G['collectives']['words'], literal=True)}(?:\s+of\b|$)", re.I)
_PERSON = _words(_G["person_nouns"])
PERSON = _PERSON  # a group that names people ("pilot", "magistrate"), for the toll's categories
_PERSON_NEXT = re.compile(r"\s+" + _PERSON.pattern, _PERSON.flags)  # a unit word used as a modifier of people
# ... or the first word of a name of people: "Three District Reserve Guard personnel" (capitalised words, then people)
_NAME_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")
_TOKEN = re.compile(r"\s*(?:((?:[A-Za-z]\.){2,}|\w(?:[\w'’-]*\w)?)|([^\w\s]))")

_AUX_OR_ADVERB = _alt(sorted(_AUX) + DATA["adverbs"], literal=True)
_NOT_SUBJECT_AFTER = re.compile(rf"(?<![\w-]){_alt(DATA['subject_not_after']['words'], literal=True)}\s+$", re.I)
# ...except the "of" of a collective, whose number is the real subject: "a list of 47 people killed"
_COLLECTIVE_OF = re.compile(rf"(?<![\w-]){_alt(DATA['group']['collectives']['words'], literal=True)}\s+of\s+$", re.I)
_RELATIVE = _alt(DATA["relatives"], literal=True)
# Between a subject and its verb: "nine insurgents were also killed", "two soldiers who
# were killed", "three people, including two children, were killed" (the comma case).
_GAP = re.compile(
    rf"\s*(?P<comma>,\s*)?(?:(?P<rel>{_RELATIVE})\s+)?(?P<mid>(?:{_AUX_OR_ADVERB}\s+)*)", re.I
)
# the lead of an aside that lists part of the subject, however long the list: ", among them two children and a
# police officer, died"
_SUBSET_BEFORE = re.compile(rf",\s*{_alt(DATA['subset_leads'], literal=True)}\s+[^,;:]*$", re.I)
_ALONG_WITH = _alt(DATA["along_with"]["words"], literal=True)  # "nine attackers were killed, along with a soldier"
_AND = re.compile(rf"\s*,?\s+(?:and|as\s+well\s+as|{_ALONG_WITH})\s+(?:the\s+|(?:his|her|their|its)\s+)?", re.I)  # "a woman and her two children"
_ALONG_AFTER = re.compile(rf"\s*,?\s+{_ALONG_WITH}\s+", re.I)
_COMMA = re.compile(r"\s*,\s*(?:the\s+|(?:his|her|their|its)\s+)?", re.I)  # "a woman, her two children and ..."
_OBJECT_GAP = re.compile(r"\s+[\"“']?(?:the\s+)?", re.I)  # a quoted claim: killed "several mercenaries"
_COMPOUND = re.compile(rf"\s+(?:and|or|nor)\s+(?:{_AUX_OR_ADVERB}\s+)*", re.I)
_PREDICATE_AFTER = re.compile(rf"\s*(?:{_AUX_OR_ADVERB}\s+)*", re.I)
_REDUCED_FOLLOWER = re.compile(
    rf"\s*(?:$|[^\w\s]|{_alt(DATA['reduced_followers']['words'], literal=True)}(?![\w-]))", re.I
)

_FORMS = ("active", "passive", "intransitive", "attributive", "nominal", "counted")
_TRIGGER_RES = [
    (kind, form, _words(DATA["kinds"][kind][form]))
    for kind in KINDS
    for form in _FORMS
    if DATA["kinds"][kind][form]
]
_PERSON_ONLY = {
    kind: _words(DATA["kinds"][kind]["person_only"]) for kind in KINDS if DATA["kinds"][kind]["person_only"]
}
_TOLL_RE = _words(DATA["toll"]["patterns"])
TOLL_WORDS = _TOLL_RE  # "toll to 20": a casualty clause that is a toll statement starts with these words
_TOLL_LINK = re.compile(rf"(?:^|\s){_alt(DATA['toll']['links'], literal=True)}\s+$", re.I)
# "killing five soldiers and himself": the attacker's own death, one more killed
# "killing himself and five passengers": the bomber told first, before the counted victims
# "killing himself, a captain and three soldiers": the same, with a list after him that ends in "and"
_SELF_FIRST = re.compile(r"(?<=\s)(himself|herself|themselves)(?:\s+and\s+|\s*,\s*(?=[^.;]*?\sand\s))(?=\S)", re.I)
_SELF_FIRST_VERB = re.compile(rf"(?<![\w-])(?:{_alt(DATA['kinds']['killed']['active'])})\s+$", re.I)
# "two of the wounded had since died": a number before it counts the later dead (counting.json later_deaths)
_LATER_DEATHS = re.compile(rf"(?<!\w)(?P<num>{_NUM})(?!\w)\s+{DATA['later_deaths']['pattern']}(?![\w-])", re.I)
LATER_DEATHS = re.compile(r"(?:of|among) the (?:wounded|injured)$", re.I)  # their group as read: the toll adds them
# "Three policemen and the bomber died": the attacker joined to the counted subject, one more
_CONJOINED_SELF = re.compile(rf"\s+and\s+({_alt(DATA['self_killed']['words'], literal=True)})(?![\w-])", re.I)
_SELF_KILLED = re.compile(rf"\s*,?\s+and\s+({_alt(DATA['self_killed']['words'], literal=True)})(?![\w-])", re.I)
SELF_KILLED_CATEGORY = DATA["self_killed"]["category"]
# "The bomber also died": the attacker as the subject of a death verb, one more dead (reflexives are objects only)
_SELF_SUBJECT = re.compile(
    rf"(?<![\w-])({_alt([w for w in DATA['self_killed']['words'] if not w.endswith('self')] + DATA['self_killed']['subject_only_words'], literal=True)})"
    rf"\s+{DATA['self_killed']['subject_verbs']}(?![\w-])", re.I)
SELF_KILLED_WORDS = frozenset(w.lower() for w in DATA["self_killed"]["words"])
_NOT_VIOLENT = re.compile(rf"\s+{_alt(DATA['not_violent_deaths']['after'])}(?![\w-])", re.I)
_NOT_VIOLENT_BEFORE = re.compile(rf"(?<![\w-]){_alt(DATA['not_violent_deaths']['before'])}$", re.I)
# "we would be counting many dead", "could have killed dozens": what did not happen (counting.json conditional)
_CONDITIONAL_BEFORE = re.compile(rf"(?:{_alt(DATA['conditional']['before'])})$", re.I)
_CU = DATA["cumulative"]
# a running total ("killed in the war", "since January"): a statistic, not the event's toll
_CUMULATIVE_AFTER = re.compile(rf"(?:\s+[^\s.;,]+){{0,{_CU['gap_words']}}}?\s+{_alt(_CU['after'])}(?![\w-])", re.I)
_CUMULATIVE_BEFORE = re.compile(rf"(?<![\w-]){_alt(_CU['before'])}\s*$", re.I)
# a victim named without a number, then "and": "killed the governor and two others"
_PO = DATA["possessive_one"]
# "his wife", "their teenage son": one victim named by a possessive and a singular person noun
_POSSESSIVE_ONE = re.compile(
    rf"(?<![\w-])(?P<det>{_alt(_PO['determiners'], literal=True)})\s+"
    rf"(?P<group>(?:[a-z][\w-]*\s+){{0,{_PO['modifier_words']}}}?{_alt(_PO['nouns'], literal=True)})(?![\w'’-])",
    re.I,
)
_SS = DATA["side_split"]
# "four fighters from one side and three from the other": both sides' dead in one telling
_SIDE_SPLIT = re.compile(rf"\s+{_pattern(_SS['between'])}\s+(?P<num>{_NUM})(?!\w){_pattern(_SS['after'])}(?![\w-])", re.I)
_ORDINAL = _alt(DATA["ordinal_later"]["ordinals"], literal=True)
_ORDINAL_LATER = re.compile(
    rf"(?<![\w-]){_pattern(DATA['ordinal_later']['pattern']).replace('{ordinal}', _ORDINAL)}(?![\w-])", re.I
)
ORDINAL_LATER = re.compile(rf"(?:a|the)\s+{_ORDINAL}", re.I)  # its group as read ("a third"): the toll adds it
# "Dozens of soldiers and auxiliaries were killed": a noun with no number of its own joined to the counted group
# (a bare plural: "and the bomber" is one more, read by _CONJOINED_SELF; "and a guard" has a number of its own)
_CONJOINED = re.compile(rf"\s+and\s+(?!(?:the|a|an|his|her|their|its)\s)(?:[\w-]+\s+){{0,2}}?{_PERSON.pattern}(?=\s|,)", re.I)
_RELATIVE_CLAUSE = re.compile(
    rf"\s+(?:who|that)\s+(?:[\w'’-]+\s+){{1,6}}?(?P<aux>(?:was|were)\s+(?:{_AUX_OR_ADVERB}\s+)*)", re.I
)
_NAMED_AND = re.compile(r"\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?\s+and\s+", re.I)
OTHERS_GROUP = re.compile(r"others?\b", re.I)
# "the killing of community leader Marcos Ayala", "gunmen shot dead journalist Ana Ruiz": a person noun and a name
# after the verb, with no number, is one victim (its modifiers at most two words, the name one to four title-case words:
# in text set in capitals every word looks like a name, so there the rule reads nothing)
_NAMED_ONE = re.compile(
    rf"\s+(?:(?:the|a|an)\s+)?(?P<group>(?:[\w-]+\s+){{0,2}}?{_PERSON.pattern})\s+"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})(?![\w'’-])")
_TOLL_FROM = re.compile(r"(?<![\w-])from\s+$", re.I)
_TOLL_CLAUSE_END = re.compile(r"[.;](?:\s|$)|\s(?:and|but)\s", re.I)
_DEAD_CLOSES = re.compile(r"\s+dead(?=\s*(?:[.,;]|$))", re.I)  # "put the toll at 14 dead.": no verb of its own follows
# a verb or a figure in quotes ("more than 30 assailants were 'neutralised'", "said 'more than 50' militants were
# killed"): the speaker's words quoted, read as the words (up to four, so a quoted sentence keeps its quotes)
_QUOTED_WORD = re.compile(r"(?<![\w'’])['‘\"“]([A-Za-z0-9]+(?:[ -][A-Za-z0-9]+){0,3})['’\"”](?![\w'’])")
_TOLL_REACH = 180  # characters: "the death toll from <a long noun phrase naming the attack> rose to 12"; the link word guards the figure
_SPLIT = {
    kind: (_words(v["particles"], literal=True), re.compile(rf"(?<![\w-]){_alt(v['leads'], literal=True)}\s+$", re.I))
    for kind, v in DATA["split"].items()
    if not kind.startswith("_")
}

_Z = DATA["zero"]
_ZERO_NOUN_RES = {
    kind: re.compile(
        rf"(?<![\w-])(?P<lead>{_alt(_Z['leads']['phrases'], literal=True)})\s+"
        rf"(?:{_Z['noun_adjectives']['pattern']}\s+)?(?P<noun>{_alt(nouns)})(?![\w-])"
        rf"(?!\s+{_alt(_Z['not_before']['words'], literal=True)}(?![\w-]))",
        re.I,
    )
    for kind, nouns in _Z["nouns"].items()
    if not kind.startswith("_")
}
_ZERO_ENTAILS = {k: v for k, v in _Z["entails"].items() if k != "why"}

_A = DATA["attribution"]
_SPEECH = _words(_A["speech_verbs"], literal=True)
_ACCORDING = re.compile(rf"(?<![\w-]){_literal(_A['according'])}\s+", re.I)
_CLAUSE_BREAK = re.compile("|".join(re.escape(b) for b in _A["clause_breaks"]), re.I)
_SOURCE_STOPS = _lower_set(_A["source_stops"])
_RELATIVES = _lower_set(DATA["relatives"]) - {"that"}  # "said that" is not a relative
_NOT_SOURCES = _lower_set(_A["not_sources"])
_NOT_SOURCE_LEADS = _lower_set(_A["not_source_leads"])
_SOURCE_DROP = re.compile(rf"\s+{_alt(_A['trailing_drop'], literal=True)}$", re.I)
_SOURCE_SKIP = _lower_set(_A["trailing_skip"])  # "Officials initially said", "the army today reported"
_SOURCE_LEAD_DROP = _lower_set(_A["leading_drop"])
_MAX_SOURCE_WORDS = 7


# -- numbers ---------------------------------------------------------------------------

def _cardinal(text: str) -> int:
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    total, current = 0, 0
    for w in re.split(r"[\s-]+", t):
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = max(current, 1)
        elif w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:  # "two thousand five hundred": close the thousands
                total, current = total + current, 0
    return total + current


def _values(m: re.Match) -> tuple[int, int, int]:
    """(low, best, high) of a QUANTITY_RE match."""
    if m.group("between") or m.group("range"):
        a, b = (_cardinal(n.group(0)) for n in list(_NUM_RE.finditer(m.group("num")))[:2])
        low, high = min(a, b), max(a, b)
        return low, low, high  # counting.json "ranges": best is the conservative end
    if m.group("mult"):
        words = m.group("mult").lower().split()
        n = _cardinal(" ".join(words[:-1])) * _MULTIPLIERS[words[-1]]
        return n, n, n
    if m.group("vague"):
        v = _VAGUE[" ".join(m.group("vague").lower().split())]
        return v["low"], v["best"], v["high"]
    if m.group("zero"):
        return 0, 0, 0
    if m.group("word"):
        n = _FIXED[" ".join(m.group("word").lower().split())]["value"]
        return n, n, n
    n = _cardinal(m.group("cardinal"))
    return n, n, n


def _qualifier(m: re.Match) -> str | None:
    if m.group("qual"):
        return " ".join(m.group("qual").lower().split())
    if m.group("between"):
        return "between"
    if m.group("vague"):
        return " ".join(m.group("vague").lower().split())
    return None


def parse_quantity(phrase: str) -> tuple[int, int, int] | None:
    """(low, best, high) of a number phrase, or None if it is not one.

    "at least nine" -> (9, 9, 9); "two dozen" -> (24, 24, 24); "dozens" -> (12, 12, 12);
    "10 to 15" -> (10, 10, 15); "no one" -> (0, 0, 0); "a" -> (1, 1, 1). The choice for
    every vague word and qualifier, with its reason, is in data/counting.json.
    """
    m = QUANTITY_RE.fullmatch(" ".join(phrase.split()))
    if m is None:
        m = QUANTITY_RE.fullmatch(re.sub(r"\s+of$", "", " ".join(phrase.split()), flags=re.I))
    return _values(m) if m else None


# -- the pieces of a sentence ------------------------------------------------------------

@dataclass(frozen=True)
class _Trigger:
    kind: str
    forms: frozenset[str]
    start: int
    end: int


@dataclass(eq=False)
class _Counted:
    """A number phrase in the sentence and the noun phrase it counts."""

    start: int  # with its qualifier: where the phrase begins in a clause
    num_start: int  # the number itself
    num_end: int
    values: tuple[int, int, int]
    qualifier: str | None
    group: tuple[int, int] | None
    zero: bool

    @property
    def end(self) -> int:
        return self.group[1] if self.group else self.num_end

    @classmethod
    def read(cls, m: re.Match, group: tuple[int, int] | None) -> _Counted:
        return cls(m.start(), m.start("num"), m.end("num"), _values(m), _qualifier(m), group, bool(m.group("zero")))


@dataclass
class _Found:
    kind: str
    counted: _Counted
    group: tuple[int, int] | None
    start: int
    end: int


def _triggers(text: str) -> list[_Trigger]:
    spans: dict[tuple[str, int, int], set[str]] = {}
    for kind, form, pattern in _TRIGGER_RES:
        for m in pattern.finditer(text):
            spans.setdefault((kind, m.start(), m.end()), set()).add(form)
    extra = [(_TOLL_RE, "killed", "toll")] + [(particle, kind, "particle") for kind, (particle, _) in _SPLIT.items()]
    for pattern, kind, form in extra:
        for m in pattern.finditer(text):
            spans.setdefault((kind, m.start(), m.end()), set()).add(form)
    # A word inside a longer casualty phrase is not a trigger of its own:
    # "dead" in "shot dead", "wounded" in "fatally wounded", "killing" in "killing of".
    keys = list(spans)
    kept = [
        k for k in keys
        if not any(o[1] <= k[1] and k[2] <= o[2] and (o[2] - o[1]) > (k[2] - k[1]) for o in keys)
    ]
    return sorted((_Trigger(k[0], frozenset(spans[k]), k[1], k[2]) for k in kept), key=lambda t: (t.start, t.kind))


def _is_count(text: str, m: re.Match) -> bool:
    """False for numbers that measure something other than people."""
    if (unit := _UNIT_AFTER.match(text, m.end())) and not _PERSON_NEXT.match(text, unit.end()) \
            and not _names_people_after(text, unit):
        return False  # "two villages", but "two village volunteers" counts the volunteers
    prev = _PREVIOUS_WORD.search(text, 0, m.start())
    if prev and prev.group(1).lower().rstrip(".,") in _WORDS_BEFORE:
        return False
    cardinal = m.group("cardinal")
    if cardinal and cardinal.isdigit() and len(cardinal) == 4 and int(cardinal) in _YEARS:
        return False
    return True


def _names_people_after(text: str, unit: re.Match) -> bool:
    """A capitalised unit word that begins a name of people: "Three District Reserve Guard personnel" (up to two
    more capitalised words, none a stop word, then a person noun)."""
    if not text[unit.end() - 1 : unit.end()].isalpha() or not text[unit.start() :].lstrip()[:1].isupper():
        return False
    pos = unit.end()
    for _ in range(3):
        if _PERSON_NEXT.match(text, pos):
            return True
        word = _NAME_WORD.match(text, pos)
        if word is None or word.group(1).lower() in _GROUP_STOPS:
            return False
        pos = word.end()
    return bool(_PERSON_NEXT.match(text, pos))


def _noun_phrase(
    text: str, pos: int, stops: set[int], count_starts: set[int], after_number: bool = True
) -> tuple[int, int] | None:
    """The span of the noun phrase that starts at `pos` (a leading partitive "of" is skipped:
    "two of its fighters" counts "its fighters"), or None. It stops at a casualty word
    (`stops`) and at the next number (`count_starts`). Right after a number a participle is
    an adjective ("two visiting journalists"); after a word it starts a new clause ("the
    12 dead included")."""
    words: list[tuple[int, int, str]] = []
    previous = "modifier" if after_number else "word"  # a modifier, or a noun already read
    seen_of = False
    i = pos
    while len(words) < _G["max_words"]:
        m = _TOKEN.match(text, i)
        if m is None or m.group(1) is None:
            break
        start, end, word = m.start(1), m.end(1), m.group(1).lower()
        if start in stops or word in _GROUP_STOPS:
            break
        if not seen_of and start in count_starts:
            break  # the next number begins: "killed two soldiers three days ago" is not one group
        participle = len(word) > 4 and word.endswith(("ing", "ed"))
        if word == "of":
            seen_of = True
        elif participle and previous == "word":
            break  # a participle after the noun starts a new clause: "people travelling to"
        words.append((start, end, word))
        if word == "of" or word in _DETERMINERS:
            previous = "modifier"
        elif participle and previous != "word":
            previous = "modifier"  # "17 alleged Shining Path terrorists"
        else:
            previous = "word"
        i = end
    while words and words[0][2] == "of":
        words.pop(0)
    while words and (words[-1][2] == "of" or words[-1][2] in _DETERMINERS):
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def _counted_phrases(text: str, triggers: list[_Trigger]) -> list[_Counted]:
    trigger_starts = {t.start for t in triggers}
    matches = [m for m in QUANTITY_RE.finditer(text) if _is_count(text, m)]
    count_starts = {m.start() for m in matches}
    out: list[_Counted] = []
    covered = 0
    for m in matches:
        if m.start() < covered:
            continue  # inside the group of the number before: "two of the three soldiers"
        group = _noun_phrase(text, m.end(), trigger_starts, count_starts)
        if group and _COLLECTIVE.match(text, group[0], group[1]):
            continue  # "a group of 20 gunmen" counts the gunmen, not the group
        word = m.group("word")
        needs_group = bool(word and _FIXED[" ".join(word.lower().split())]["needs_group"])
        determiner_no = (m.group("zero") or "").lower() == "no"
        if (needs_group or determiner_no) and group is None and not _before_attributive(text, m.end(), triggers):
            continue  # "a" or "no" alone is not a figure ("No. 4")
        if determiner_no and group is not None and not _PERSON.search(text, *group):
            continue  # "no longer", "no immediate claim": only "no soldiers" is a zero
        out.append(_Counted.read(m, group))
        covered = group[1] if group else m.end()
    for m in _POSSESSIVE_ONE.finditer(text):
        if any(c.start < m.end() and m.start() < c.end for c in out) or any(m.start() <= s < m.end() for s in trigger_starts):
            continue  # "his two children" is the number's; "his wife" inside a counted group is not another
        out.append(_Counted(m.start(), m.start(), m.end("det"), (1, 1, 1), None, m.span("group"), zero=False))
    out.sort(key=lambda c: c.start)
    return out


def _names_people(text: str, c: _Counted) -> bool:
    """For weak readings: a bare figure may count people, a group must name them."""
    return c.group is None or bool(_PERSON.search(text, *c.group))


def _before_attributive(text: str, pos: int, triggers: list[_Trigger]) -> bool:
    gap = len(text[pos:]) - len(text[pos:].lstrip())
    return any(t.start == pos + gap and "attributive" in t.forms for t in triggers)


# -- linking numbers to casualty words ----------------------------------------------------

class _Reader:
    """Links the triggers of one sentence to its numbers, reading left to right. A number
    serves one clause: once a verb has taken it, no later verb counts it again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.triggers = _triggers(text)
        self.counted = _counted_phrases(text, self.triggers)
        self.used: set[_Counted] = set()  # numbers already read
        self.spent: set[_Trigger] = set()  # second verb of "killed or injured"
        self.found: list[_Found] = []

    # neighbours ------------------------------------------------------------------------
    def _free(self, c: _Counted) -> bool:
        return c not in self.used

    def _before(self, pos: int) -> _Counted | None:
        candidates = [c for c in self.counted if c.end <= pos]
        return candidates[-1] if candidates else None

    def _after(self, pos: int) -> _Counted | None:
        return next((c for c in self.counted if c.start >= pos), None)

    def _trigger_at(self, pos: int) -> _Trigger | None:
        return next((t for t in self.triggers if t.start == pos), None)

    def _starts_predicate(self, pos: int) -> bool:
        """Does a verb of its own follow `pos`? ("and three civilians were wounded")"""
        m = _PREDICATE_AFTER.match(self.text, pos)
        nxt = _TOKEN.match(self.text, pos)
        first = nxt.group(1).lower() if nxt and nxt.group(1) else ""
        return first in _AUX or self._trigger_at(m.end()) is not None

    def _subjects(self, pos: int) -> tuple[list[_Counted], str] | None:
        """The numbers a verb at `pos` has for subject, and the kind of gap between them:
        'passive' (were killed), 'perfect' (have died), 'relative' (who died), 'plain' (12 killed)."""
        c = self._before(pos)
        if c is None or not self._free(c):
            return None
        conjoined = _CONJOINED.match(self.text, c.end, pos) if c.group else None
        attacker = _CONJOINED_SELF.match(self.text, c.end, pos)
        joined = conjoined or attacker
        start = joined.end() if joined else c.end
        gap = _GAP.fullmatch(self.text, start, pos)
        if gap is None:
            # "two villagers who tried to resist were shot dead": a relative clause of its own between them
            rel = _RELATIVE_CLAUSE.fullmatch(self.text, start, pos)
            if rel is None or any(start <= t.start < pos for t in self.triggers):
                return None
            gap = _GAP.fullmatch(self.text, rel.start("aux"), pos)
        extra = []  # the attacker told beside the counted subject: his own figure of one
        if attacker is not None and joined is attacker and not gap.group("comma"):
            s, e = attacker.span(1)
            extra.append(_Counted(s, s, e, (1, 1, 1), None, (s, e), zero=False))
        if gap.group("comma") and not gap.group("rel"):
            # "three people, including two children, were killed": the subject is the first.
            subset = _SUBSET_BEFORE.search(self.text, 0, c.start)
            if not subset:
                return None
            comma = subset.start()
            c = self._before(comma)
            if c is None or not self._free(c) or self.text[c.end : comma].strip():
                return None
        words = set(gap.group("mid").lower().split())
        if words & _AUXILIARIES["passive"]:
            kind = "passive"
        elif words & _AUXILIARIES["perfect"]:
            kind = "perfect"  # "who have killed": active, its subject is the killer
        else:
            kind = "relative" if gap.group("rel") else "plain"
        chain = [c]
        first_separator = None
        while True:
            prev = self._before(chain[0].start)
            if prev is None or not self._free(prev) or not _names_people(self.text, prev):
                break
            sep = self.text[prev.end : chain[0].start]
            if _AND.fullmatch(sep):
                first_separator = first_separator or "and"
            elif _COMMA.fullmatch(sep) and first_separator == "and":
                pass  # "X, Y and Z were killed"; a bare comma first is another clause
            else:
                break
            chain.insert(0, prev)
        head = chain[0].start
        if _NOT_SUBJECT_AFTER.search(self.text, 0, head) and not _COLLECTIVE_OF.search(self.text, 0, head):
            return None  # "cocaine in a handbag have been arrested"
        return chain + extra, kind

    def _objects(self, pos: int) -> list[_Counted]:
        """The numbers an active verb ending at `pos` takes: "killing four soldiers and two civilians"."""
        c = self._after(pos)
        if c is None or not self._free(c) or not _OBJECT_GAP.fullmatch(self.text, pos, c.start):
            return []
        chain, separators = [c], []
        while True:
            nxt = self._after(chain[-1].end)
            if nxt is None or not self._free(nxt):
                break
            sep = self.text[chain[-1].end : nxt.start]
            kind = "and" if _AND.fullmatch(sep) else "comma" if _COMMA.fullmatch(sep) else None
            if kind is None or self._starts_predicate(nxt.end) or not _names_people(self.text, nxt):
                break
            chain.append(nxt)
            separators.append(kind)
        # a list ends in "and": in "killing three soldiers, two officials said" the
        # officials are a source, not victims
        while separators and separators[-1] == "comma":
            separators.pop()
            chain.pop()
        return chain

    def _compound(self, t: _Trigger, form: str) -> _Trigger | None:
        """The second verb of "killed or injured", "killed and wounded"."""
        m = _COMPOUND.match(self.text, t.end)
        if m is None:
            return None
        other = self._trigger_at(m.end())
        if other is None or other.kind == t.kind or form not in other.forms:
            return None
        return other

    # reading ---------------------------------------------------------------------------
    def _emit(self, kind: str, items: list[_Counted], t: _Trigger, verb_first: bool) -> None:
        if kind in _PERSON_ONLY and _PERSON_ONLY[kind].search(self.text, t.start, t.end):
            # "seized two soldiers" is an abduction, "seized two vehicles" is not
            items = [c for c in items if c.group and _PERSON.search(self.text, *c.group)]
        for c in items:
            self.used.add(c)
            start, end = (t.start, c.end) if verb_first else (c.start, t.end)
            self.found.append(_Found(kind, c, c.group, start, end))

    def _emit_pair(self, t: _Trigger, other: _Trigger, items: list[_Counted], verb_first: bool) -> None:
        """"No one was killed or injured" is a zero for both. "Dozens were killed or
        wounded" does not say how many of each, so it gives no figure at all."""
        self.spent.add(other)
        if all(c.zero for c in items):
            self._emit(t.kind, items, t, verb_first)
            for c in items:
                self.used.discard(c)
            self._emit(other.kind, items, other, verb_first)
        else:
            for c in items:
                self.used.add(c)

    def read(self) -> list[_Found]:
        self._attributive()
        for t in self.triggers:
            if t not in self.spent:
                self._read(t)
        return self.found

    def _attributive(self) -> None:
        """ "ONE DEAD TERRORIST", "three wounded soldiers": number, casualty word, noun."""
        for t in self.triggers:
            if "attributive" not in t.forms:
                continue
            c = self._before(t.start)
            if c is None or c.group or not self._free(c) or self.text[c.end : t.start].strip():
                continue
            group = _noun_phrase(self.text, t.end, {x.start for x in self.triggers}, set(), after_number=False)
            if group is None or not _PERSON.search(self.text, *group):
                continue  # "70,000 dead broke out" is not "dead broke"
            self.used.add(c)
            self.found.append(_Found(t.kind, c, group, c.start, group[1]))

    def _read(self, t: _Trigger) -> None:
        forms, text = t.forms, self.text
        if "toll" in forms:
            return self._toll(t)
        if "nominal" in forms:
            objects = self._objects(t.end)
            if not objects and t.kind == "killed" and (named := self._named_one(t.end)) is not None:
                objects = [named]
            return self._emit(t.kind, objects, t, verb_first=True)
        if "counted" in forms:  # "12 deaths", "took 20 hostages"
            c = self._before(t.start)
            if c and c.group is None and self._free(c) and not text[c.end : t.start].strip():
                self._emit(t.kind, [c], t, verb_first=False)
            return None
        if "particle" in forms:  # "took 20 people hostage", "took 12 others into custody"
            c = self._before(t.start)
            lead = _SPLIT[t.kind][1].search(text, 0, c.start) if c else None
            if lead and self._free(c) and not text[c.end : t.start].strip():
                self.used.add(c)
                self.found.append(_Found(t.kind, c, c.group, lead.start(), t.end))
            return None
        subjects = self._subjects(t.start) if forms & {"passive", "intransitive"} else None
        if subjects and (subjects[1] == "passive" or ("intransitive" in forms and "active" not in forms)):
            return self._passive(t, subjects[0], "passive" if "passive" in forms else "intransitive")
        if "active" in forms:
            other = self._compound(t, "active")
            shared = self._objects(other.end) if other is not None else []
            if shared:  # "killed and wounded dozens"
                return self._emit_pair(t, other, shared, verb_first=True)
            objects = self._objects(t.end)
            if objects:
                return self._emit(t.kind, objects, t, verb_first=True)
            if (others := self._named_and_others(t.end)) is not None:
                return self._emit(t.kind, [others], t, verb_first=True)
            if t.kind == "killed" and (named := self._named_one(t.end)) is not None:
                return self._emit(t.kind, [named], t, verb_first=True)
        if (subjects and subjects[1] == "plain" and "passive" in forms and _REDUCED_FOLLOWER.match(text, t.end)
                and all(_names_people(text, c) for c in subjects[0])):
            # "12 killed in blast", "left 5 dead and 20 injured": a participle with no
            # auxiliary is passive only when no object follows ("two gunmen killed the guard")
            # and its subject names people ("an army patrol reportedly killed")
            return self._passive(t, subjects[0], "passive")
        return None

    def _named_one(self, pos: int) -> _Counted | None:
        """ "the killing of community leader Marcos Ayala": one victim named by a person noun and a name, when no
        number follows the verb."""
        m = _NAMED_ONE.match(self.text, pos)
        if m is None or any(m.start() <= c.start < m.end() for c in self.counted):
            return None
        s = m.start("group")
        return _Counted(s, s, s, (1, 1, 1), None, (s, m.end("name")), zero=False)

    def _named_and_others(self, pos: int) -> _Counted | None:
        """ "killed the group's spokesman Mohammed X and three other people": a named victim
        and N others is N + 1 (with no figure before "others" to add them to)."""
        m = _NAMED_AND.match(self.text, pos)
        c = self._after(m.end()) if m else None
        if c is None or c.start != m.end() or not self._free(c) or c.zero or not c.group:
            return None
        if not OTHERS_GROUP.match(self.text[c.group[0] : c.group[1]]) or self._starts_predicate(c.end):
            return None  # "killed a policeman and two others were wounded": a clause of its own
        self.used.add(c)
        low, best, high = c.values
        return _Counted(c.start, c.num_start, c.num_end, (low + 1, best + 1, high + 1), c.qualifier, c.group, zero=False)

    def _passive(self, t: _Trigger, subjects: list[_Counted], form: str) -> None:
        other = self._compound(t, form)
        if other is not None:
            return self._emit_pair(t, other, subjects, verb_first=False)
        self._emit(t.kind, subjects, t, verb_first=False)
        # "nine attackers were killed, along with a soldier": the group after "along with" is one more of the dead
        m = _ALONG_AFTER.match(self.text, t.end)
        c = self._after(m.end()) if m else None
        if c is not None and c.start == m.end() and self._free(c) and not c.zero and _names_people(self.text, c) \
                and not self._starts_predicate(c.end):
            self._emit(t.kind, [c], t, verb_first=True)
        return None

    def _toll(self, t: _Trigger) -> None:
        """"the death toll rose to 12", "a toll of 12": the last figure after a link word
        before the clause ends ("rose from 10 to 15" is 15)."""
        # the clause ends at a full stop or "and"/"but": "a toll of 1 wounded and damage to over 20 stores"
        stop = _TOLL_CLAUSE_END.search(self.text, t.end)
        end = min(stop.start() if stop else len(self.text), t.end + _TOLL_REACH)
        best = None
        for c in self.counted:
            if not (t.end <= c.start < end and self._free(c)) or not _names_people(self.text, c):
                continue
            if self._starts_predicate(c.end) and not _DEAD_CLOSES.match(self.text, c.end):
                continue  # "a toll of 1 person wounded": that figure is read by its own verb ("put the toll at 14 dead." is the toll's)
            if _TOLL_LINK.search(self.text, t.end, c.start):
                best = c
            elif _TOLL_FROM.search(self.text, t.end, c.start) and c.values[0] != c.values[2]:
                best = self._range_end(c)  # "rose from 10 to 15" reads as the range "10 to 15"
        if best is not None:
            self.used.add(best)
            self.found.append(_Found("killed", best, best.group, t.start, best.end))

    def _range_end(self, c: _Counted) -> _Counted:
        *_, last = _NUM_RE.finditer(self.text, c.num_start, c.num_end)
        n = _cardinal(last.group(0))
        self.used.add(c)
        return _Counted(last.start(), last.start(), last.end(), (n, n, n), None, c.group, zero=False)


def _zero_nouns(text: str) -> list[_Found]:
    """ "no casualties", "without casualties", "there were no injuries"."""
    found = []
    for kind, pattern in _ZERO_NOUN_RES.items():
        for m in pattern.finditer(text):
            # the lead is the number phrase: "no", "without" read as a zero
            c = _Counted(m.start(), m.start("lead"), m.end("lead"), (0, 0, 0), None, None, zero=True)
            found.append(_Found(kind, c, None, m.start(), m.end()))
    return found


# -- who says so -------------------------------------------------------------------------

def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): cut at ";", "but", "while"... so that two sources
    in one sentence each keep their own figure."""
    seg_start, seg_end = 0, len(text)
    for b in _CLAUSE_BREAK.finditer(text):
        if b.end() <= start:
            seg_start = b.end()
        elif b.start() >= end:
            seg_end = min(seg_end, b.start())
    return seg_start, seg_end


def _source_before(text: str, verb_start: int, floor: int) -> tuple[str, bool] | None:
    """The noun phrase before a speech verb ("two local security officials and the military
    said" -> "two local security officials and the military"), and whether a comma stands
    before it (", the military said" trails the clause it attributes)."""
    tokens = []
    for m in _TOKEN.finditer(text, floor, verb_start):
        tokens.append((m.start(1) if m.group(1) else m.start(2), m.group(1) or m.group(2)))
    if tokens and tokens[-1][1] == ",":
        tokens.pop()  # an appositive closes before the verb: "the Observatory, a war monitor, put the toll at"
        opened = [i for i, (_, t) in enumerate(tokens[:-1]) if t == "," and tokens[i + 1][1].lower() in _RELATIVES]
        if opened and opened[-1] > 0:
            # "A local official, who asked not to be named, said": a clause set off by commas; its head stands before it
            del tokens[opened[-1]:]
    if tokens and tokens[-1][1] == ")" and any(t == "(" for _, t in tokens):
        while tokens and tokens[-1][1] != "(":
            tokens.pop()  # "the National Human Rights Defense Network (RNDDH) said": the acronym in brackets names the same
        tokens.pop()
    while tokens and (tokens[-1][1].lower() in _SOURCE_SKIP or tokens[-1][1].lower().endswith("ly")):
        tokens.pop()
    words: list[tuple[int, str]] = []
    after_comma = False
    while tokens:
        pos, tok = tokens.pop()
        if tok.lower() in _RELATIVES:
            return None  # "a peasant who arrived today said": the head is out of reach
        if not re.match(r"\w", tok) or tok.lower() in _SOURCE_STOPS:
            after_comma = tok == ","
            break
        if tok.lower() in _AUX:
            return None  # "casualties were reported" is passive, not a source
        words.insert(0, (pos, tok))
        if len(words) > _MAX_SOURCE_WORDS:
            return None
    while words and words[0][1].lower() in _SOURCE_LEAD_DROP | {"the", "a", "an"}:
        words.pop(0)  # ", and said that", "and it reported"
    source = _clean_source(text, words[0][0], words[-1][0] + len(words[-1][1])) if words else None
    return (source, after_comma) if source else None


def _clean_source(text: str, start: int, end: int) -> str | None:
    words = text[start:end].split()
    if (len(words) == 1 and words[0].lower() in _NOT_SOURCES) or words[0].lower() in _NOT_SOURCE_LEADS:
        return None  # "it said", "no group has claimed"
    return _SOURCE_DROP.sub("", text[start:end])


def _according(text: str, m: re.Match) -> str | None:
    """ "according to a military statement" -> "military"; "according to which" -> None."""
    span = _noun_phrase(text, m.end(), set(), set(), after_number=False)
    if span is None:
        return None
    start = span[0]
    while (article := re.match(r"(?:the|a|an)\s+", text[start : span[1]], re.I)):
        start += article.end()
    if start >= span[1] or text[start : span[1]].split()[0].lower() in _RELATIVES | _NOT_SOURCES:
        return None
    return _clean_source(text, start, span[1])


def _source(text: str, start: int, end: int) -> str | None:
    """Who the clause says the figure comes from: the nearest "X said"/"according to X"
    before the casualty in its clause, else the first ", X said" after it."""
    seg_start, seg_end = _segment(text, start, end)
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for m in _SPEECH.finditer(text, seg_start, seg_end):
        if m.end() <= start:
            found = _source_before(text, m.start(), seg_start)
            if found:
                before.append((m.end(), found[0]))
        elif m.start() >= end:
            found = _source_before(text, m.start(), end)
            if found and found[1]:
                after.append((m.start(), found[0]))
    for m in _ACCORDING.finditer(text, seg_start, seg_end):
        source = _according(text, m)
        if source is None:
            continue
        if m.end() <= start:
            before.append((m.end(), source))
        elif m.start() >= end:
            after.append((m.start(), source))
    if before:
        return max(before)[1]
    if after:
        return min(after)[1]
    return None


# -- the public entry point --------------------------------------------------------------

def find_casualties(sentence: str, offset: int = 0) -> list[Casualty]:
    """Every casualty statement in one sentence, in reading order. Offsets are into the
    sentence plus `offset` (the sentence's position in its article)."""
    self_first = [m for m in _SELF_FIRST.finditer(sentence) if _SELF_FIRST_VERB.search(sentence, 0, m.start())]
    reading = _QUOTED_WORD.sub(lambda m: " " + m.group(1) + " ", sentence)  # same length: offsets stay
    for m in self_first:  # read the victims after "himself and" as the verb's object; offsets stay
        reading = reading[: m.start()] + " " * (m.end() - m.start()) + reading[m.end() :]
    found = _Reader(reading).read() + _zero_nouns(reading)
    for f in found:
        if f.kind == "killed" and not f.counted.zero and (m := _SIDE_SPLIT.match(reading, f.end)):
            other = _cardinal(m.group("num"))
            low, best, high = f.counted.values
            f.counted = _Counted(f.counted.start, f.counted.num_start, f.counted.num_end, (low + other, best + other, high + other),
                                 f.counted.qualifier, f.counted.group, zero=False)
            f.end = m.end()
    found = [
        f for f in found
        if not (f.kind == "killed" and (_NOT_VIOLENT.match(sentence, f.end) or _NOT_VIOLENT_BEFORE.search(sentence, 0, f.start)))
        and not _cumulative(sentence, f)
        and not _CONDITIONAL_BEFORE.search(sentence, 0, f.start)
    ]
    seen: set[tuple[str, int]] = set()
    unique: list[_Found] = []
    for f in found:
        key = (f.kind, f.counted.num_start)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    for f in list(unique):
        if f.counted.zero:
            for kind in _ZERO_ENTAILS.get(f.kind, []):
                if (kind, f.counted.num_start) not in seen:
                    seen.add((kind, f.counted.num_start))
                    unique.append(_Found(kind, f.counted, f.group, f.start, f.end))
    for f in list(unique):
        if f.kind == "killed" and not f.counted.zero and (m := _SELF_KILLED.match(sentence, f.end)):
            s, e = m.span(1)
            c = _Counted(s, s, e, (1, 1, 1), None, (s, e), zero=False)
            unique.append(_Found("killed", c, (s, e), s, e))
    for m in self_first:
        if any(f.kind == "killed" and not f.counted.zero and f.counted.num_start >= m.end() for f in unique):
            s, e = m.span(1)
            c = _Counted(s, s, e, (1, 1, 1), None, (s, e), zero=False)
            unique.append(_Found("killed", c, (s, e), s, e))
    for m in _LATER_DEATHS.finditer(reading):
        if ("killed", m.start("num")) not in seen:
            n = _cardinal(m.group("num"))
            values = (n, n, n)
            # the group span is the words after the number, so the toll can add it ("of the wounded")
            head = re.search(r"(?:wounded|injured)", reading[m.end("num") : m.end()], re.I)
            group = (m.end("num") + 1, m.end("num") + (head.end() if head else 0))
            c = _Counted(m.start(), m.start("num"), m.end("num"), values, None, group, zero=False)
            unique.append(_Found("killed", c, group, m.start(), m.end()))
    for m in _SELF_SUBJECT.finditer(reading):
        s, e = m.span(1)
        if not any(f.kind == "killed" and f.counted.num_start == s for f in unique):
            c = _Counted(s, s, e, (1, 1, 1), None, (s, e), zero=False)
            unique.append(_Found("killed", c, (s, e), s, m.end()))
    for m in _ORDINAL_LATER.finditer(reading):
        # "... and a third died in hospital": one more; its group is the ordinal, so the toll adds it
        head = ORDINAL_LATER.match(m.group(0))
        # "A third protester died" is the ordinal's one more, not the article "A" counting "third protester"
        unique = [f for f in unique if not (f.kind == "killed" and m.start() <= f.counted.num_start < m.end())]
        group = (m.start(), m.start() + head.end())
        c = _Counted(m.start(), m.start(), group[1], (1, 1, 1), None, group, zero=False)
        unique.append(_Found("killed", c, group, m.start(), m.end()))
    unique.sort(key=lambda f: (f.start, f.counted.num_start, KINDS.index(f.kind)))
    return [_casualty(sentence, f, offset) for f in unique]


def _cumulative(sentence: str, f: _Found) -> bool:
    if f.counted.zero:
        return False  # "no one has been killed this year" still says no one
    return bool(_CUMULATIVE_AFTER.match(sentence, f.end) or _CUMULATIVE_BEFORE.search(sentence, 0, f.counted.start))


def _casualty(text: str, f: _Found, offset: int) -> Casualty:
    c = f.counted
    quantity = Quantity(*c.values, c.qualifier, c.num_start + offset, c.num_end + offset, text[c.num_start : c.num_end])
    g = f.group
    return Casualty(
        kind=f.kind,
        quantity=quantity,
        group=text[g[0] : g[1]] if g else None,
        group_start=g[0] + offset if g else None,
        group_end=g[1] + offset if g else None,
        start=f.start + offset,
        end=f.end + offset,
        text=text[f.start : f.end],
        by=_source(text, f.start, f.end),
        negated=f.counted.zero,
    )
