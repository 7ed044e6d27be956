"""The taxonomy crosswalk (data/crosswalk.json): ACLED sub-event type -> PLOVER event
type and mode -> CAMEO root, the UCDP scope of each sub-type, agent types and UCDP side
conventions. Code here only reads the file; what maps to what is data."""

from __future__ import annotations

import re
from functools import lru_cache

from strife.extract.lexicon import load_data
from strife.record import Actor


@lru_cache(maxsize=1)
def crosswalk() -> dict:
    return load_data("crosswalk.json")


def for_sub_event(sub_event_type: str | None) -> dict | None:
    """The crosswalk entry of an ACLED sub-event type; None for an unknown or missing one."""
    return crosswalk()["sub_event_types"].get(sub_event_type) if sub_event_type else None


def agent_type(actor: Actor | None) -> str | None:
    """The PLOVER/CAMEO agent type of an actor; None when its inter code is unknown."""
    if actor is None or actor.inter is None:
        return None
    table = crosswalk()["agent_types"]
    kind = table["by_inter"].get(str(actor.inter))
    if kind == "MIL" and actor.name.startswith(tuple(table["police_prefixes"])):
        return "COP"
    return kind


def side_kind(actor: Actor | None) -> str | None:
    """state | nonstate | civilians, as UCDP sorts the sides of violence; None if unknown."""
    if actor is None or actor.inter is None:
        return None
    sides = crosswalk()["ucdp_sides"]
    if actor.inter in sides["state_inter"]:
        return "state"
    if actor.inter in sides["organised_nonstate_inter"]:
        return "nonstate"
    if actor.inter in sides["civilian_inter"]:
        return "civilians"
    return None


@lru_cache(maxsize=1)
def _state_name() -> re.Pattern:
    return re.compile(crosswalk()["ucdp_sides"]["state_name_pattern"])


def ucdp_side_name(actor: Actor) -> str:
    """UCDP's name for a side: 'Government of Pakistan' for Pakistan's forces, 'Civilians'
    for civilians, otherwise the actor's own name."""
    sides = crosswalk()["ucdp_sides"]
    kind = side_kind(actor)
    if kind == "civilians":
        return sides["civilians_name"]
    m = _state_name().match(actor.name)
    if kind == "state" and m:
        return sides["government_name"].format(country=m.group("country"))
    return actor.name
