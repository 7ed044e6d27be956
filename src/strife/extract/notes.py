"""The event's note, ACLED style: "On 30 January 2024, militants of the BLA attacked ...
in Mach (Kachhi, Balochistan, Pakistan). 15 killed."

A note is what a user of an ACLED export reads instead of the article, so it carries
what the event was coded from: the date, the clause that tells the incident (the one
carrying its date, else its first; without the dateline and the connective that tied
it to the story) and any of its other clauses that tell more (a sub-type may rest on
them), the place with its district, province and country, the actors when
the clause does not name them, and the toll. Re-read by strife, a note codes the same
event: that is how an ACLED export is checked (strife eval --acled on its own export).
The added sentences are data (data/notes.json).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from strife.extract.assemble import Incident
from strife.extract.lexicon import load_data
from strife.extract.states import STATES
from strife.record import Actor, Event

LEADING_CONNECTOR = re.compile(
    r"^(?:(?:also|but|and|meanwhile|separately|elsewhere|following|after|in response to|in retaliation for|"
    r"(?:an apparent )?retaliation for)\b[\s,]*)+(?:(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s*)?",
    re.I,
)
DATELINE_DASH = re.compile(r"^[\s—–\-:,]+")
# a date phrase opening the clause ("On Jan. 22, fighters ..."): the note opens with the date already
OPENING_ON = re.compile(r"^(?:on\s+|late\s+on\s+|early\s+on\s+)?$", re.I)


@lru_cache(maxsize=1)
def _style() -> dict:
    return load_data("notes.json")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """ISO2 -> a demonym ("RU" -> "Russian"), the first the place data lists."""
    out: dict[str, str] = {}
    for demonym, iso2 in load_data("geo_aliases.json").get("demonyms", {}).items():
        out.setdefault(iso2, demonym)
    return out


def actor_phrase(actor: Actor) -> str | None:
    """How a note names an actor so that it reads (and re-codes) as that actor; None for
    the generic actors (unidentified armed men, civilians, crowds), which the clause's
    own words already make."""
    style = _style()
    name = actor.name
    if any(name.startswith(g) for g in style["generic_actors"]):
        return None
    for prefix, (with_demonym, with_name) in style["state_forces"].items():
        if name.startswith(prefix):
            country = name[len(prefix):]
            iso2 = STATES.iso2(country)
            demonym = _demonyms().get(iso2) if iso2 else None
            return with_demonym.format(demonym=demonym) if demonym else with_name.format(country=country)
    if ": " in name:  # "TTP: Tehreek-i-Taliban Pakistan" -> "Tehreek-i-Taliban Pakistan (TTP)"
        short, full = name.split(": ", 1)
        return f"{full} ({short})"
    return name


def _inside(start: int | None, lo: int, hi: int) -> bool:
    return start is not None and lo <= start < hi


def _spans(event: Event, field: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in event.evidence if e.field == field and e.start is not None and e.end is not None]


def _place_parts(event: Event, clause: str) -> list[str]:
    loc = event.location
    if loc is None:
        return []
    parts = []
    for part in (loc.admin2, loc.admin1, loc.country):
        if part and part != loc.name and part not in parts and part.casefold() not in clause.casefold():
            parts.append(part)
    return parts


def _toll(event: Event) -> str:
    style, fat = _style(), event.fatalities
    if fat is None:
        return ""
    if fat.low == fat.high:
        return style["toll_none"] if fat.high == 0 else style["toll_one"].format(n=fat.low)
    out = style["toll_range"].format(low=fat.low, high=fat.high)
    if fat.best not in (fat.low, fat.high):
        out += " " + style["toll_best"].format(best=fat.best)
    return out


def write_notes(event: Event, incident: Incident, dateline=None) -> str:
    style = _style()
    best = incident.best_date()
    told = next((m for m in incident.mentions if best is not None and m.start <= best.start < m.end), incident.mentions[0])
    lo, hi = told.start, told.end
    clause = told.text
    inserts: list[tuple[int, str]] = []  # (offset into the clause, text to insert there)

    def cut_to(offset: int) -> None:
        nonlocal clause, lo
        clause, lo = clause[offset - lo :], offset

    if dateline is not None and lo < dateline.end <= hi:  # "PESHAWAR, Pakistan — " is not part of what happened
        cut_to(dateline.end)
    dated = bool(event.date and event.time_precision == 1)
    if dated and best is not None and _inside(best.start, lo, hi) and OPENING_ON.match(clause[: best.start - lo]):
        cut_to(best.end)  # "On Jan. 22, fighters ...": the note's own opening gives the date
    lead = DATELINE_DASH.match(clause)
    if lead:
        cut_to(lo + lead.end())

    place_in_clause = False
    noun = style["attribution_noun"]
    trigger = next(((e.start, e.end, e.quote) for e in event.evidence if e.field == "event_type" and e.start is not None), None)
    if trigger is not None and trigger[2] and len(trigger[2].split()) <= 3 and not re.search(r"(?:ed|ing)\b", trigger[2]):
        noun = " ".join(trigger[2].lower().split())  # "Air strikes" -> "the air strikes"
    for start, end in _spans(event, "location"):
        if lo <= start and end <= hi:
            place_in_clause = True
            parts = _place_parts(event, clause)
            if parts:
                inserts.append((end - lo, " (" + ", ".join(parts) + ")"))
            break
    for at, extra in sorted(inserts, reverse=True):
        clause = clause[:at] + extra + clause[at:]

    clause = LEADING_CONNECTOR.sub("", " ".join(clause.split())).rstrip()
    if dated:
        d = dt.date.fromisoformat(event.date)
        when = style["date_opening"].format(day=d.day, month=f"{d:%B}", year=d.year)
    else:
        when = ""
    first_word = clause.split(" ", 1)[0] if clause else ""
    if when and first_word in style["lowercase_openers"]:
        clause = clause[0].lower() + clause[1:]
    elif not when and clause:
        clause = clause[0].upper() + clause[1:]
    if clause and clause[-1] not in ".!?":
        clause += "."
    opening = when + clause
    extras = _other_clauses(incident, told, dateline)

    def mentioned(field: str) -> bool:
        return any(_inside(s, lo, hi) for s, _ in _spans(event, field))

    sentences: list[str] = []  # what the note must say besides its opening
    a1, a2 = event.actor1, event.actor2
    claimed = set(event.claimed_by)
    if a1 is not None and (phrase := actor_phrase(a1)) is not None:
        if a1.name in claimed and not mentioned("claimed_by"):
            sentences.append(style["claim"].format(actor=phrase))
        elif not mentioned("actor1") and a1.name not in claimed:
            sentences.append(style["attribution"].format(actor=phrase, noun=noun))
    if a2 is not None and not mentioned("actor2") and (phrase := actor_phrase(a2)) is not None:
        sentences.append(style["target"].format(actor=phrase, noun=noun))
    loc = event.location
    if loc is not None and loc.name and not place_in_clause:
        parts = _place_parts(event, "")
        place = loc.name + (" (" + ", ".join(parts) + ")" if parts else "")
        sentences.append(style["place"].format(noun=noun, place=place))
    toll = _toll(event)
    if toll:
        sentences.append(toll)
    sentences = [s[0].upper() + s[1:] for s in sentences if s]
    # the other clauses only as room allows: the date, actors, place and toll come first
    required = sum(len(s) + 1 for s in sentences)
    if len(opening) + required > style["max_length"]:  # a long clause gives way to the facts
        opening = opening[: max(0, style["max_length"] - required - 2)].rsplit(" ", 1)[0] + " …"
    room = style["max_length"] - len(opening) - required
    kept = []
    for extra in extras:
        if len(extra) + 1 <= room:
            kept.append(extra)
            room -= len(extra) + 1
    return " ".join([opening, *kept, *sentences])[: style["max_length"]]


def _other_clauses(incident: Incident, told, dateline) -> list[str]:
    """The incident's other clauses that tell something the first does not ("Police
    later fired tear gas"): the sub-type may rest on them."""
    out = []
    covered = set(told.signals)
    for m in incident.mentions:
        if m is told or not (m.signals - covered) or (m.start < told.end and told.start < m.end):
            continue
        covered |= m.signals
        extra = m.text if dateline is None or not (m.start < dateline.end <= m.end) else m.text[dateline.end - m.start :]
        extra = DATELINE_DASH.sub("", " ".join(extra.split())).rstrip()
        if extra:
            out.append(extra[0].upper() + extra[1:] + ("" if extra[-1] in ".!?" else "."))
    return out
