"""Casualty statements: who was killed, injured, abducted or arrested, and how many.

strife's own code: no library reads "two dozen" or "scores of", and the number parsers
on the index turn "No one" into "No 1". Numbers are read only where a casualty verb
governs them ("killing four soldiers", "nine insurgents were killed", "one dead
terrorist"), so ages, years, distances and sentence lengths never become tolls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.extract.lexicon import load_data

DATA = load_data("counting.json")
GROUPS = load_data("groups.json")


@dataclass(frozen=True)
class Quantity:
    low: int
    best: int
    high: int
    qualifier: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Casualty:
    kind: str  # killed | injured | abducted | arrested
    quantity: Quantity
    group: str | None
    group_start: int | None
    group_end: int | None
    start: int
    end: int
    text: str
    by: str | None
    negated: bool


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORDNUM = _alt(list(DATA["units"]) + list(DATA["tens"]))
_NUMBER_WORDS = rf"(?:(?:{_WORDNUM})(?:[- ](?:{_alt(DATA['units'])}))?(?:\s+(?:{_alt(DATA['scales'])}))?(?:\s+(?:and\s+)?(?:{_WORDNUM}))?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![-\w/.:]|\.\d|,\d)"
_CARDINAL = rf"(?:{_DIGITS}|{_NUMBER_WORDS}|(?:two|three|four|a)\s+dozen)"
_QUALIFIER = rf"(?:(?:{_alt(re.escape(q) for q in DATA['qualifiers'])})\s+)"
_RANGE = rf"(?:between\s+{_CARDINAL}\s+and\s+{_CARDINAL}|{_CARDINAL}\s*(?:to|-|–|or)\s*{_CARDINAL})"
_VAGUE = _alt(re.escape(v) for v in DATA["vague"])
_SINGULAR = _alt(re.escape(s) for s in DATA["singular"])
QUANTITY = rf"(?:{_QUALIFIER}?(?:{_RANGE}|{_CARDINAL})(?:\s+of)?|{_VAGUE}|(?:{_SINGULAR}))"

_GROUP_NOUNS = [p for c in GROUPS["categories"] for p in c["patterns"]]
_MEMBERS = r"(?:(?:members|supporters|relatives|families|employees|workers|staff|officers|personnel|fighters) of (?:the |a |its |their )?)"
_MODIFIER = r"(?:(?!(?:were|was|and|or|in|on|at|by|of|who|had|have|are)\b)[\w'’-]+\s+)"
GROUP = rf"(?:{_MEMBERS}?{_MODIFIER}{{0,3}}?(?:{_alt(_GROUP_NOUNS)})(?![\w-]))"
OF_GROUP = rf"(?:of\s+(?:its|their|the|his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_alt(_GROUP_NOUNS)})(?![\w-]))"
QG = rf"(?P<q>{QUANTITY})(?:\s+(?P<g>{GROUP}|{OF_GROUP}))?"
_AUX = r"(?:\s+(?:were|was|have been|has been|had been|are|is|been|got))?(?:\s+(?:also|reportedly|allegedly|later|all|subsequently|initially|confirmed|believed|feared))?(?:\s+(?:to have been|to be))?"
_CONJ = r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)"


def _verbs(kind: str, form: str) -> str:
    return _alt(DATA["verbs"][kind][form])


def _compile(p: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + p + r"(?![\w-])", re.I)


QG_RE = _compile(QG + r"(?=\s*(?:,|\band\b|$))")
PATTERNS: list[tuple[str, str, re.Pattern]] = []
for _kind in ("killed", "injured", "abducted", "arrested"):
    _list = rf"(?P<list>{QG}(?:{_CONJ}{QG.replace('?P<q>', '').replace('?P<g>', '')})*)"
    PATTERNS.append((_kind, "passive", _compile(rf"{_list}{_AUX}\s+(?:{_verbs(_kind, 'passive')})")))
    if DATA["verbs"][_kind]["intransitive"]:
        PATTERNS.append((_kind, "passive", _compile(rf"{_list}(?:\s+(?:also|later|reportedly))?\s+(?:{_verbs(_kind, 'intransitive')})")))
    PATTERNS.append((_kind, "active", _compile(rf"(?:{_verbs(_kind, 'active')})\s+(?P<list>{QG}(?:{_CONJ}{QG.replace('?P<q>', '').replace('?P<g>', '')})*)")))
    PATTERNS.append((_kind, "adjective", _compile(rf"(?P<q>{QUANTITY})\s+(?:{_verbs(_kind, 'adjective')})(?:\s+(?P<g>{GROUP}))?")))
TOLL_RE = _compile(rf"(?:{'|'.join(DATA['death_toll'])})\s*(?:to\s+|at\s+)?(?P<q>{QUANTITY})(?:\s+(?P<g>{GROUP}))?")
ZERO_RE = {kind: _compile(_alt(re.escape(z) for z in zs)) for kind, zs in DATA["zero"].items()}
# Adjective tolls ("5 dead") need a verb of outcome before them, else "two dead bodies of
# the debate" would count; "left/leaving 5 dead" is the common form.
ADJ_CONTEXT = re.compile(r"(?:left|leaving|with|were|was|are|is|reported|\bof|\bin)\s+$|^\s*$", re.I)


def _number(words: str) -> int | None:
    words = words.lower().replace(",", "").strip()
    if words.isdigit():
        return int(words)
    m = re.fullmatch(r"(two|three|four|a)\s+dozen", words)
    if m:
        return {"a": 1, "two": 2, "three": 3, "four": 4}[m.group(1)] * 12
    total, current = 0, 0
    for w in re.split(r"[\s-]+", words):
        if w == "and":
            continue
        if w in DATA["units"]:
            current += DATA["units"][w]
        elif w in DATA["tens"]:
            current += DATA["tens"][w]
        elif w in DATA["scales"]:
            current = max(current, 1) * DATA["scales"][w]
            if DATA["scales"][w] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def parse_quantity(phrase: str) -> tuple[int, int, int] | None:
    """"at least nine" -> (9, 9, 9); "two dozen" -> (24, 24, 24); "10 to 15" -> (10, 10, 15)."""
    p = " ".join(phrase.lower().split())
    p = re.sub(r"\s+of$", "", p) if not p.endswith(("dozens of", "tens of", "scores of", "hundreds of", "thousands of", "a number of")) else p
    if p in ("no one", "nobody", "none", "no"):
        return 0, 0, 0
    for vague, v in DATA["vague"].items():
        if p == vague:
            return v["low"], v["best"], v["high"]
    if p in DATA["singular"]:
        n = DATA["singular"][p]
        return n, n, n
    for q in sorted(DATA["qualifiers"], key=len, reverse=True):
        if p.startswith(q + " "):
            p = p[len(q) + 1 :]
            break
    m = re.fullmatch(r"(?:between\s+)?(.+?)\s*(?:\band\b|\bto\b|-|–|\bor\b)\s*(.+)", p)
    if m and not re.fullmatch(r".*\s+dozen", p):
        a, b = _number(m.group(1)), _number(m.group(2))
        if a is not None and b is not None and a < b:
            return a, a, b  # ACLED: a range is coded at its conservative end
    n = _number(p)
    if n is None:
        return None
    return n, n, n


def _qualifier(phrase: str) -> str | None:
    low = phrase.lower()
    return next((q for q in sorted(DATA["qualifiers"], key=len, reverse=True) if low.startswith(q + " ")), None)


def _quantity(m: re.Match, group: str, text: str, offset: int) -> Quantity | None:
    span = m.span(group)
    raw = text[span[0] : span[1]]
    values = parse_quantity(raw)
    if values is None:
        return None
    return Quantity(*values, qualifier=_qualifier(raw), start=span[0] + offset, end=span[1] + offset, text=raw)


def _casualty(kind, q: Quantity, g_span, text, start, end, offset) -> Casualty:
    group = text[g_span[0] : g_span[1]] if g_span and g_span[0] >= 0 else None
    return Casualty(
        kind=kind, quantity=q, group=group,
        group_start=g_span[0] + offset if group else None,
        group_end=g_span[1] + offset if group else None,
        start=start + offset, end=end + offset, text=text[start:end], by=None, negated=False,
    )


def find_casualties(sentence: str, offset: int = 0) -> list[Casualty]:
    found: list[Casualty] = []
    taken: list[tuple[int, int, str]] = []

    def free(a: int, b: int, kind: str) -> bool:
        return not any(s < b and a < e and k == kind for s, e, k in taken)

    for kind, form, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if form == "adjective":
                if not ADJ_CONTEXT.search(sentence[max(0, m.start() - 10) : m.start()]):
                    continue
                q = _quantity(m, "q", sentence, offset)
                if q is None or not free(m.start(), m.end(), kind):
                    continue
                found.append(_casualty(kind, q, m.span("g") if m.group("g") else None, sentence, m.start(), m.end(), offset))
                taken.append((m.start(), m.end(), kind))
                continue
            list_start, list_end = m.span("list")
            if not free(list_start, list_end, kind):
                continue
            items = list(QG_RE.finditer(sentence, list_start, list_end))
            added = False
            for item in items:
                if form == "passive" and item.group("g") is None and item is not items[-1]:
                    continue
                q = _quantity(item, "q", sentence, offset)
                if q is None:
                    continue
                if item.group("g") is None and q.text.lower() in DATA["singular"]:
                    continue  # "a" with no noun after it is not a count
                found.append(_casualty(kind, q, item.span("g") if item.group("g") else None, sentence, m.start(), m.end(), offset))
                added = True
            if added:
                taken.append((list_start, list_end, kind))
    for m in TOLL_RE.finditer(sentence):
        q = _quantity(m, "q", sentence, offset)
        if q is not None and free(m.start("q"), m.end("q"), "killed"):
            found.append(_casualty("killed", q, m.span("g") if m.group("g") else None, sentence, m.start(), m.end(), offset))
            taken.append((m.start("q"), m.end("q"), "killed"))
    for kind, zero in ZERO_RE.items():
        for m in zero.finditer(sentence):
            q = Quantity(0, 0, 0, None, m.start() + offset, m.end() + offset, m.group(0))
            found.append(Casualty(kind, q, None, None, None, m.start() + offset, m.end() + offset, m.group(0), None, True))
    return sorted(found, key=lambda c: (c.start, c.quantity.start))
