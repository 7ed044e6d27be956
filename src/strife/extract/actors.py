"""Actors: who acted (actor1) and who was acted upon (actor2), with ACLED names and inter
codes, and the surface mention each was read from.

Precedence for actor1, from the coding guide: a group that claims the attack; a named
group the text makes the agent; a state whose forces act ("Pakistan's strikes"); an
unnamed armed perpetrator (gunmen, militants: Unidentified Armed Group, inter 3); for
demonstrations, the protesters or rioters. actor2 is the side harmed or targeted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.extract.counts import SELF_KILLED_WORDS
from strife.extract.lexicon import LEXICON, Hit, NamedGroup, load_data
from strife.extract.people import named as named_people
from strife.extract.states import STATES
from strife.record import Actor, Evidence

# Which signals tell remote means, armed violence, an attack on a place (data/triggers.json).
_TRIGGERS = load_data("triggers.json")
REMOTE_MEANS = frozenset(_TRIGGERS["remote_means_signals"])
VIOLENT = frozenset(_TRIGGERS["armed_signals"])
ATTACKING = frozenset(_TRIGGERS["attacking_signals"])
FOLLOWERS_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:party\s+)?(?:" + "|".join(load_data("actor_groups.json")["party_followers"]) + r")\b", re.I
)
FOLLOWERS_OF = re.compile(r"\b(?:" + "|".join(load_data("actor_groups.json")["party_followers"]) + r")\s+of\b", re.I)
# "soldiers killed eight Fulani herders": a people at work, harmed, are civilians (actor_groups.json peoples_at_work)
PEOPLE_AT_WORK = re.compile(r"^(?![Aa]rmed\b).*\b(?:" + "|".join(load_data("actor_groups.json")["peoples_at_work"]) + r")$")
PARENT_OF_WING = re.compile(r"\bwings?\s+of\s+(?:the\s+)?$", re.I)
FOLLOWERS_AND_OF = re.compile(r",?\s+and\s+(?:those\s+)?of\s+(?:the\s+)?$", re.I)
# "Workers of the PTI clashed with police", "supporters of the ruling party": the same people, told before the name
# (or before the full name whose abbreviation follows: "workers of the Pakistan Tehreek-i-Insaf (PTI)"; or after
# the party's leader: "supporters of jailed former prime minister Imran Khan's PTI party")
FOLLOWERS_BEFORE = re.compile(
    r"\b(?:" + "|".join(load_data("actor_groups.json")["party_followers"]) + r")\s+of\s+(?:the\s+)?(?:(?:ruling|opposition|main)\s+)?"
    r"(?:(?:[\w'’.-]+\s+){0,6}?[\w.-]+(?:'s|’s)\s+)?"
    r"(?:(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+\s+\()?$",
    re.I,
)
# a strike or an attack on a place, which a state's forces abroad carry out from afar; not
# the means of men on the ground (a suicide bomber, a grenade, a kidnapping, a rape)
STRIKE_SIGNALS = frozenset({"air", "shelling", "strike_noun", "attack"})
GROUND_MEANS = frozenset({"suicide", "grenade", "abduction", "sexual", "explosion", "riot", "mob", "protest"})
PERPETRATOR_WINDOW = 80  # characters before a trigger where its subject is looked for
BLAME_WINDOW = 150  # characters before a group's name where an authority's blame of it is looked for (a relative clause may stand between)
# casualties told with no noun of their own ("two others", "another"): of the kind told before them
OTHERS = re.compile(r"(?:the\s+)?(?:others?|another)", re.I)


@dataclass
class ActorCoding:
    actor1: Actor | None
    actor2: Actor | None
    assoc: list[Actor]
    claimed_by: list[str]
    evidence: list[Evidence]
    demonstration: bool = False  # protesters or rioters, with no armed side: Protests/Riots

    def recode_actor2(self, actor: Actor | None, reason: str | None = None) -> None:
        """A rule after the coding replaces actor2 (or, with None, drops it): the evidence of the
        actor it replaces goes with it, and the rule's reason stands as the new one's."""
        self.actor2 = actor
        self.evidence = [e for e in self.evidence if e.field != "actor2"]
        if reason is not None:
            self.evidence.append(Evidence(field="actor2", reason=reason))


def military(iso2: str, home: str | None, mention: str | None, role: str) -> Actor:
    name = STATES.force_name(iso2)
    inter = 1 if home is None or home == iso2 else 8
    return Actor(name=f"Military Forces of {name}", mention=mention, inter=inter, role=role)


_GENDARMERIES = load_data("actor_groups.json")["military_gendarmeries"]
MILITARY_GENDARMERIES = frozenset(_GENDARMERIES["countries"])
GENDARME = re.compile(_GENDARMERIES["words"], re.I)


def police(iso2: str, mention: str | None, role: str) -> Actor:
    # Where the gendarmerie is a branch of the armed forces (Cameroon, the Sahel), ACLED codes
    # its gendarmes as the state's military, wherever strife's rules found them as police.
    if iso2 in MILITARY_GENDARMERIES and mention and GENDARME.search(mention):
        return military(iso2, iso2, mention, role)
    return Actor(name=f"Police Forces of {STATES.force_name(iso2)}", mention=mention, inter=1, role=role)


def generic(template: str, iso2: str | None, inter: int, mention: str | None, role: str) -> Actor:
    country = STATES.display_name(iso2) if iso2 else "International"
    return Actor(name=f"{template} ({country})", mention=mention, inter=inter, role=role)


def group_name(group: NamedGroup, home: str | None) -> str:
    """The group's ACLED name in the incident's country: its name there ("Islamic State
    (Iraq)"), a generic identity militia with the country filled in ("Clan Militia (Somalia)")."""
    name = group.name_in(home)
    if "{country}" in name:
        name = name.replace("{country}", STATES.display_name(home or group.country))
    return name


def named(group: NamedGroup, mention: str, role: str, home: str | None = None) -> Actor:
    return Actor(name=group_name(group, home), mention=mention, inter=group.inter, role=role)


def _before_trigger(text: str, mention_start: int, triggers: list[Hit]) -> str:
    if not triggers:
        return text
    first = triggers[0].start - mention_start
    start = max(0, first - PERPETRATOR_WINDOW)
    if COORDINATED.search(text[:first]):
        start = max(0, first - 2 * PERPETRATOR_WINDOW)  # "soldiers ... entered the village and executed": a second verb
    # a coder note's brackets ("near Nara (Nara, Koulikoro)") take no room of the window
    start = max(0, start - sum(len(b.group(0)) for b in BRACKETS.finditer(text, start, first)))
    return text[start:first]


def harmed_categories(parts, killed: dict[str, int]) -> dict[str, int]:
    """Who the incident hurt, by casualty category: the dead, and the wounded and abducted
    too ("four children were wounded by shells": civilians were acted upon)."""
    harmed = {k: n for k, n in killed.items() if n}
    for _, facts in parts:
        told: str | None = None  # the category of the casualty told before in the clause
        for c in facts.casualties:
            if c.negated or c.kind not in ("killed", "injured", "abducted"):
                continue
            if (c.group or "").lower() in SELF_KILLED_WORDS:
                continue  # "three policemen and the bomber died": the bomber's own death does not make his side the one acted upon
            category = LEXICON.group_category(c.group or "")
            if told is not None and (c.group is None or OTHERS.fullmatch(c.group)):
                # "a soldier was killed and two others wounded", "killing 41 soldiers and wounding 67": the wounded
                # told with no noun of their own are of the kind told before them
                category = told
            category = category or "people"
            told = category
            harmed[category] = harmed.get(category, 0) + 1
    return harmed


def attributed_group(article_text: str | None, home: str | None, incident_start: int = 0) -> tuple[NamedGroup, Hit] | None:
    """A non-state armed group the article itself says the unnamed attackers belong to,
    anywhere in it ("The militants belonged to the banned TTP", "fighters of the Oromo
    Liberation Army stopped a bus", "The Islamic State group claimed the attack", "Police
    blamed al-Shabaab"); not one only suspected, nor one blamed that denied it."""
    if not article_text:
        return None
    for group, hit in LEXICON.named_groups_in(article_text):
        if group.inter not in (2, 3, 4):
            continue
        before = article_text[max(0, hit.start - 40) : hit.start]
        after = article_text[hit.end : hit.end + 40]
        # a claim or a blame is told after the incident it is about: one told before this
        # incident's first clause belongs to an earlier one ("The BLF claimed the blast.
        # Separately, gunmen shot dead a labourer")
        told_after = hit.start >= incident_start
        if told_after and LEXICON.attribution_blame_re.search(article_text[max(0, hit.start - BLAME_WINDOW) : hit.start]) and not LEXICON.attribution_blame_for_other_re.match(after):
            # "The army blamed the ELN": an authority's blame is how the report attributes it,
            # even when the group denies it ("Police blamed IPOB, which denied involvement": the
            # house rules make the denial a dispute); not a blame for something else ("blamed
            # the militia for drawing fire"). An explicit blame holds across a border too
            # ("Kenyan police blamed al-Shabaab")
            return group, hit
        if home and group.country and group.country != home and not group.names_by_country:
            continue  # a group of another country named in passing is not the attackers
        if LEXICON.attribution_doubt_re.search(before):
            continue
        if LEXICON.attribution_claim_re.match(after) or LEXICON.attribution_claim_before_re.search(before):
            if told_after:
                return group, hit
            continue
        if LEXICON.attribution_before_re.search(before) or LEXICON.attribution_after_re.match(after):
            return group, hit
    return None


def code_actors(parts, signals: set[str], iso2: str | None, killed: dict[str, int], article_text: str | None = None) -> ActorCoding:
    """`parts`: the incident's (Mention, MentionFacts); `iso2`: the incident's country;
    `article_text`: the whole report, where the attackers' group may be named apart."""
    coding = _code_actors(parts, signals, iso2, killed, article_text)
    if not coding.claimed_by and coding.actor1 is not None and article_text:
        # the coding guide lists a claimant in claimed_by; a claim told in a sentence of its
        # own ("The Islamic State group claimed the attack on Sunday") is outside the parts
        for group, hit in LEXICON.named_groups_in(article_text):
            if hit.start >= min((m.start for m, _ in parts), default=0) and group_name(group, iso2) == coding.actor1.name and LEXICON.attribution_claim_re.match(article_text[hit.end : hit.end + 60]):
                coding.claimed_by.append(coding.actor1.name)
                coding.evidence.append(Evidence(field="claimed_by", start=hit.start, end=hit.end, quote=hit.text))
                break
    if article_text and (described := _described_group(parts, article_text)) is not None:
        # "soldiers arrested seven suspected cartel members", in a report of the Sinaloa Cartel: its men
        unnamed = [a for a in (coding.actor1, coding.actor2) if a is not None and a.name.startswith("Unidentified Armed Group (")]
        if len(unnamed) == 1:
            field = "actor1" if unnamed[0] is coding.actor1 else "actor2"
            actor = named(described[0], described[1].text, unnamed[0].role or "perpetrator", iso2)
            coding.evidence = [e for e in coding.evidence if e.field != field]
            # no span: the words ("cartel members") do not name the group (extract/notes.py names it)
            coding.evidence.append(Evidence(field=field, reason=f"unnamed men described as of a {described[1].text.lower()}: {actor.name}, the one the report names"))
            setattr(coding, field, actor)
    if iso2 in SOLE_INSURGENCIES and (sole := _sole_insurgency(parts, iso2)) is not None:
        # "Separatist fighters ambushed a patrol" in Cameroon: its one separatist insurgency
        unnamed = [a for a in (coding.actor1, coding.actor2) if a is not None and a.name.startswith("Unidentified Armed Group (")]
        if len(unnamed) == 1:
            field = "actor1" if unnamed[0] is coding.actor1 else "actor2"
            actor = named(sole[0], unnamed[0].mention or sole[1].text, unnamed[0].role or "perpetrator", iso2)
            coding.evidence = [e for e in coding.evidence if e.field != field]
            coding.evidence.append(Evidence(field=field, start=sole[1].start, end=sole[1].end, quote=sole[1].text,
                                            reason=f"unnamed armed men described as {sole[1].text.lower()}: {actor.name}, the only such group in the country"))
            setattr(coding, field, actor)
    coding.assoc.extend(_associated(parts, coding, iso2, article_text))
    return coding


SOLE_INSURGENCIES = {iso2: (LEXICON.group_by_name(entry["group"]), re.compile(r"\b(?:" + "|".join(entry["kinds"]) + r")\b", re.I))
                     for iso2, entry in load_data("actor_groups.json")["sole_insurgencies"].items()}


def _sole_insurgency(parts, iso2: str) -> tuple[NamedGroup, Hit] | None:
    """The country's one insurgency of a kind (actor_groups.json sole_insurgencies) when the
    incident's sentences describe its unnamed armed men by that kind, outside a named group's name."""
    group, kind = SOLE_INSURGENCIES[iso2]
    for mention, facts in parts:
        names = [(h.start - mention.start, h.end - mention.start) for _, h in facts.groups]
        for m in kind.finditer(mention.text):
            if not any(s <= m.start() < e for s, e in names):
                return group, Hit("described", mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


DESCRIBED_KIND = re.compile(r"\b(?:" + "|".join(load_data("actor_groups.json")["described_kinds"]) + r")s?\b", re.I)


def _described_group(parts, article_text: str) -> tuple[NamedGroup, Hit] | None:
    """The named group that the incident's unnamed armed men are described as belonging to by its kind
    ("suspected cartel members": actor_groups.json described_kinds), when the report names one group of that kind."""
    for mention, facts in parts:
        names = [(h.start - mention.start, h.end - mention.start) for _, h in facts.groups]
        for m in DESCRIBED_KIND.finditer(mention.text):
            if any(s <= m.start() < e for s, e in names):
                continue  # "the Sinaloa Cartel" names the group itself
            word = m.group(0).lower().rstrip("s")
            kind = {}
            for group, hit in LEXICON.named_groups_in(article_text):
                if word in group.name.lower() and group.inter in (2, 3, 4):
                    kind.setdefault(group.name, (group, hit))
            if len(kind) == 1:
                group, _ = next(iter(kind.values()))
                return group, Hit("described", mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


def _associated(parts, coding: ActorCoding, home: str | None, article_text: str | None) -> list[Actor]:
    """Groups fighting beside a state's forces ("soldiers and VDP volunteers", "troops backed
    by local clan militias"): ACLED's associated actors of that side, not a side of their own."""
    side = next((a for a in (coding.actor1, coding.actor2) if a is not None and a.inter in (1, 8)), None)
    if side is None:
        return []
    taken = {a.name for a in (coding.actor1, coding.actor2) if a is not None}
    found: list[Actor] = []
    for mention, facts in parts:
        for group, hit in facts.groups:
            local = hit.start - mention.start
            if group.inter not in (2, 3, 4, 8) or not _beside_forces(mention.text, local, hit.end - mention.start):
                continue
            actor = named(group, hit.text, side.role or "participant", home)
            if actor.name in taken:
                continue
            taken.add(actor.name)
            found.append(actor)
            coding.evidence.append(Evidence(field="assoc_actors", start=hit.start, end=hit.end, quote=hit.text,
                                            reason=f"fights beside {side.name}"))
    return found


def _beside_forces(text: str, start: int, end: int) -> bool:
    """Whether the group at text[start:end] is named as the forces' ally ("troops backed by
    local clan militias"), not as the side they fight ("fighting between the army and the RSF")."""
    before = text[max(0, start - 50) : start]
    return bool(
        LEXICON.association_before_re.search(before)
        and not LEXICON.association_not_before_re.search(before)
        # "soldiers and ISWAP fighters clashed": joined by "and", the two fought each other
        and not (re.search(r"\band\s+(?:\S+\s+){0,2}$", before) and LEXICON.association_not_after_re.match(text[end : end + 40]))
    )


def _code_actors(parts, signals: set[str], iso2: str | None, killed: dict[str, int], article_text: str | None = None) -> ActorCoding:
    evidence: list[Evidence] = []
    harmed = harmed_categories(parts, killed)
    claimed: list[tuple[NamedGroup, Hit]] = []
    agents: list[tuple[NamedGroup, Hit]] = []
    victims_named: list[tuple[NamedGroup, Hit]] = []
    state: tuple[str, Hit] | None = None
    unidentified: Hit | None = None
    unidentified_attacked = False
    forces_named: Hit | None = None
    police_named: Hit | None = None
    forces_subject: Hit | None = None  # "Security forces killed five militants": the state acted
    targeted_armed: Hit | None = None  # "strikes targeting militant hideouts": armed men acted upon
    by_unidentified: Hit | None = None  # "kidnapped by terrorists of the FMLN": the agent of a passive
    between: list[tuple[NamedGroup, Hit]] = []  # the sides of "fighting between X and Y", in order
    associated: set[int] = set()  # starts of groups named beside the forces ("soldiers and VDP volunteers")
    for mention, facts in parts:
        before = _before_trigger(mention.text, mention.start, mention.triggers)
        before_start = mention.start + mention.text.find(before) if before else mention.start
        if facts.claim is not None and facts.no_claim is None and (claimant := _claimant(facts, mention, article_text)) is not None:
            claimed.append(claimant)
        if by_unidentified is None and mention.triggers:
            by_unidentified = _passive_agent(mention)
        for group, hit in facts.groups:
            local = hit.start - mention.start
            preceding = mention.text[max(0, local - 12) : local].lower()
            agent_of_passive = AGENT_BEFORE_GROUP.search(mention.text[max(0, local - 40) : local])
            if facts.claim is None and _beside_forces(mention.text, local, hit.end - mention.start):
                associated.add(hit.start)
                continue  # "soldiers and VDP volunteers killed …": beside the forces (assoc_actors), not a side
            # "clashes between the SSA and the Radaa force": both sides, in order
            if mention.triggers and not between and (forces_first := FORCES_THEN_GROUP.search(mention.text[:local])):
                # "fighting between the Sudanese army and the RSF": the state's forces, then the group
                kind = "police" if LEXICON.police_re.fullmatch(forces_first.group("forces")) else "military"
                between.append((None, Hit(kind, mention.start + forces_first.start("forces"), mention.start + forces_first.end("forces"), forces_first.group("forces"))))
                between.append((group, hit))
            elif mention.triggers and not between and BETWEEN.search(mention.text[:local]):
                between.append((group, hit))
                if (forces_next := GROUP_THEN_FORCES.match(mention.text[hit.end - mention.start :])) is not None:
                    kind = "police" if LEXICON.police_re.fullmatch(forces_next.group("forces")) else "military"
                    at = hit.end + forces_next.start("forces")
                    between.append((None, Hit(kind, at, hit.end + forces_next.end("forces"), forces_next.group("forces"))))
            elif len(between) == 1 and AND_NEXT.match(mention.text[between[0][1].end - mention.start : local]) and group != between[0][0]:
                between.append((group, hit))
            if LEXICON.supporting_re.search(mention.text[:local]):
                continue  # "troops, backed by local clan militias, recaptured …": a helper, not the side
            if facts.claim is None and SUFFERED.match(mention.text[hit.end - mention.start :]):
                victims_named.append((group, hit))  # "three NPA rebels were killed in an encounter with soldiers"
            elif facts.claim is None and LEXICON.suspicion_re.search(mention.text[max(0, _name_lead(mention, facts, hit) - 45) : _name_lead(mention, facts, hit)]):
                # "suspected Boko Haram fighters abducted …": only suspected, not the actor (the guide); "Suspected Allied
                # Democratic Forces (ADF) rebels": the abbreviation is suspected with its full name
                continue
            elif not mention.triggers and facts.claim is None and facts.casualties:
                continue  # "The FLA, the rebel alliance active in the area, put the toll at 13": a toll's source, no side
            elif facts.claim is None and (hit.start < before_start + len(before) or "by " in preceding[-4:] or preceding.endswith("by the ") or agent_of_passive or AGENT_BY_DESCRIBED.search(mention.text[max(0, local - 50) : local])):
                agents.append((group, hit))
            elif facts.claim is None and ACTED_ON.search(mention.text[:local]):
                victims_named.append((group, hit))
            elif facts.claim is None and _acts_in_clause(mention, hit):
                agents.append((group, hit))  # "two soldiers were killed on Monday when Houthi forces shelled army positions"
        if mention.triggers and not facts.groups and (referred := _referred_group(mention, before, before_start, article_text)) is not None:
            agents.append(referred)  # "A year ago, an attack by the group killed 32": the group named before
        if state is None and facts.state_actor:
            state = facts.state_actor
        # "Three policemen and the bomber died": before a verb of dying stands who died, not who acted
        dying = bool(mention.triggers) and (DYING.fullmatch(mention.triggers[0].text) is not None
                                            or _reduced_passive(mention, mention.triggers[0]))
        subject = None if dying else _subject(before, before_start)
        if subject is not None and subject.kind == "unidentified" and unidentified is None:
            unidentified = subject
            # "Gunmen ambushed a convoy": the armed men are the subject of the attack itself
            unidentified_attacked = bool(mention.triggers) and mention.triggers[0].kind == "attack"
        elif subject is not None and subject.kind != "unidentified" and forces_subject is None and mention.triggers:
            forces_subject = subject
        if not mention.triggers and facts.claim is None:
            continue  # an attribution sentence names sources, not sides (a claim names its target: "it had targeted troops")
        if targeted_armed is None:
            for m in LEXICON.unidentified_re.finditer(mention.text):
                if ACTED_ON.search(mention.text[: m.start()]):
                    targeted_armed = Hit("unidentified", mention.start + m.start(), mention.start + m.end(), m.group(0))
                    break
        if forces_named is None:
            forces_named = _force(LEXICON.military_re, "military", mention, facts)
        if police_named is None:
            police_named = _force(LEXICON.police_re, "police", mention, facts)

    def cite(field: str, hit: Hit | None) -> None:
        if hit is not None:
            evidence.append(Evidence(field=field, start=hit.start, end=hit.end, quote=hit.text))

    if unidentified is None:
        unidentified = by_unidentified
    # "Police said they repelled an attack by militants": the forces defended, the attackers acted
    defenders = _defenders(parts)
    defended = defenders is not None
    incident_start = min((m.start for m, _ in parts), default=0)
    if state is None and unidentified is None and not agents and not claimed and signals & REMOTE_MEANS and article_text:
        # "Russia attacked Kharkiv with drones overnight … Drones struck a high-rise building":
        # the text names whose drones they were, in another clause (no air-force table is guessed)
        state = STATES.attacking_state(article_text)
    # the perpetrators as the report describes them, beside the organisation coded as
    # actor1 ("terrorists of the FMLN": actor1 is the FMLN, the perpetrators "terrorists")
    described = [h for h in (unidentified, by_unidentified) if h is not None] + _other_perpetrators(parts)
    for hit in _unique_hits(described + named_people([m for m, _ in parts], "perpetrator"))[:MAX_DESCRIBED]:
        evidence.append(Evidence(field="perpetrators", start=hit.start, end=hit.end, quote=hit.text,
                                 reason="the perpetrators as the report describes or names them"))

    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by = []
    for group, hit in claimed:
        if group_name(group, iso2) not in claimed_by:
            claimed_by.append(group_name(group, iso2))
            cite("claimed_by", hit)
    # a party whose people the incident tells as its followers anywhere ("workers of the PTI clashed ...; PTI leaders
    # said") is the crowd's party, not an armed side, in each of its mentions
    followed = {g.name for _, f in parts for g, hit in f.groups if g.inter == 3 and _followers(parts, hit)}
    armed_perpetrator = unidentified is not None or any(
        g.inter in (2, 3, 4, 8) and not (g.inter == 3 and (g.name in followed or _followers(parts, hit)))
        for g, hit in agents + claimed
    )
    # soldiers who raid a village and loot it are no rioters: with no protest told, the military as the
    # subject makes riot words (looted, ransacked) the acts of an armed side; but soldiers who fire tear
    # gas or live rounds to disperse a crowd are acting on rioters (crowd control tells the crowd)
    soldiers_acting = (forces_subject is not None and forces_subject.kind == "military"
                       and not signals & {"protest", "intervention"})
    demonstration = (bool(signals & {"protest", "riot"}) and not _remote_means(parts, signals) and not armed_perpetrator
                     and not soldiers_acting)
    home = iso2 or _fallback_country(parts, article_text, exclude=state[0] if state else None) or (state[0] if state else None)

    if demonstration:
        if "riot" in signals or "mob" in signals:
            actor1 = generic("Rioters", home, 5, None, "participant")
        else:
            actor1 = generic("Protesters", home, 6, None, "participant")
        if state is not None and signals - {"protest", "strike_noun"}:
            # "Israeli forces fired tear gas at Palestinian demonstrators": that state intervened; a march on a
            # strike day ("nurses marched on the third day of a national strike") tells a walkout, no state acting
            if _police_follow(parts, state[1]):
                actor2 = police(state[0], state[1].text, "intervener")
            else:
                actor2 = military(state[0], home, state[1].text, "intervener")
            cite("actor2", state[1])
        elif police_named is not None or forces_named is not None or _intervened(parts, signals):
            hit = police_named or forces_named
            if (police_named is not None and forces_named is not None and article_text
                    and FORCE_PLACE_AFTER.match(article_text[police_named.end :])):
                # "National Guard troops fired on crowds ... protesters had attacked a police station": the
                # police are named only as a building; the forces that acted are the side
                hit = forces_named
            if (owner := _forces_of_group(parts, hit)) is not None:
                actor2 = named(owner[0], owner[1].text, "target", home)  # "stones at a patrol of UNIFIL"
            elif home and hit is forces_named and hit is not None and not LEXICON.security_agents_re.fullmatch(hit.text):
                # (generic "security forces" policing a crowd are the police, as they are making arrests)
                actor2 = military(home, home, hit.text, "intervener")
            elif home:
                actor2 = police(home, hit.text if hit else None, "intervener")
            cite("actor2", hit)
        # police who only came to separate two crowds are no side of their riot
        separating = actor2 is not None and actor2.inter == 1 and not harmed.get("security forces", 0)
        if signals & {"riot", "mob"} and (actor2 is None or (separating and "protest" not in signals)) \
                and any(LEXICON.communal_re.search(m.text) for m, _ in parts):
            actor2 = actor1.model_copy(update={"role": "participant"})  # "stone-pelting between two communities"
        if _mob(parts, signals) and home and (actor2 is None or (actor2.inter == 1 and not harmed.get("security forces", 0))):
            # a mob attacks people: its victims, not the police who came later to rescue or arrest
            actor2 = generic("Civilians", home, 7, None, "target")
        # excessive force keeps the same sides: the coding guide's "a peaceful protest has only
        # actor1 (Protesters); police who break it up become actor2 and the sub-type says how"
        return ActorCoding(actor1, actor2, _crowd_parties(parts, actor1, actor2, home, evidence), claimed_by, evidence, demonstration=True)

    if "disrupted" in signals and not _violent_beyond_disruption(parts, signals) and home:
        # a bomb defused, a cache seized: the forces that did it, against whoever planted it
        hit = police_named or forces_named or forces_subject
        if state is not None:
            actor1 = military(state[0], home, state[1].text, "perpetrator")
            cite("actor1", state[1])
        elif hit is not None and hit.kind == "military":
            actor1 = military(_forces_country(parts) or home, home, hit.text, "perpetrator")
            cite("actor1", hit)
        else:
            actor1 = police(home, hit.text if hit else None, "perpetrator")
            cite("actor1", hit)
        target = next(iter(claimed + agents + victims_named), None) or attributed_group(article_text, home, incident_start)
        if target is not None:
            actor2 = named(target[0], target[1].text, "target", home)
            cite("actor2", target[1])
        elif (other := _other_state(parts, actor1.name, home)) is not None:
            # "air defences shot down the missiles Russia launched at Kyiv", "intercepted 12 Russian drones":
            # the state whose weapons were stopped
            actor2 = military(other[0], home, other[1].text, "target")
            cite("actor2", other[1])
        else:
            actor2 = generic("Unidentified Armed Group", home, 3, unidentified.text if unidentified else None, "target")
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if "agreement" in signals and not signals & VIOLENT and home and (sides := _agreeing_communities(parts, home)) is not None:
        # "Elders of the Hawadle and Galjeel clans signed a truce": the two communities' militias (inter 4)
        (actor1, hit1), (actor2, hit2) = sides
        cite("actor1", hit1)
        cite("actor2", hit2)
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if "agreement" in signals and not signals & VIOLENT and home and (gov := _government(parts)) is not None:
        # "the government and the Comuneros del Sur signed a peace deal": ACLED's Government of <country>
        actor1 = Actor(name=f"Government of {STATES.force_name(home)}", mention=gov.text, inter=1, role="participant")
        cite("actor1", gov)
        other = next(((g, h) for _, f in parts for g, h in f.groups), None)
        if other is not None:
            actor2 = named(other[0], other[1].text, "participant", home)
            cite("actor2", other[1])
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if "transfer" in signals and not signals & VIOLENT and home and (sides := _transfer_sides(parts, home, article_text)) is not None:
        # "Al-Shabaab fighters withdrew ... and government forces entered them": who took it over, against who left
        (actor1, hit1), left = sides
        cite("actor1", hit1)
        if left is not None:
            actor2 = left[0]
            cite("actor2", left[1])
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if "group_change" in signals and not signals & VIOLENT and home and (gov := _deciding_authority(parts)) is not None:
        # "the interim government banned the Awami League", "the district magistrate imposed a curfew": the
        # state's decision (ACLED's Government of <country>), against the group it bans
        actor1 = Actor(name=f"Government of {STATES.force_name(home)}", mention=gov.text, inter=1, role="participant")
        cite("actor1", gov)
        other = next(((g, h) for _, f in parts for g, h in f.groups if h.start >= gov.end), None)
        if other is not None:
            actor2 = named(other[0], other[1].text, "target", home)
            cite("actor2", other[1])
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if not between and "clash" in signals and len(agents) >= 2 and agents[0][0] != agents[1][0] and _joined(parts, agents[0][1], agents[1][1]):
        between = agents[:2]  # "supporters of the BNP and the Awami League clashed": the two sides
    if (len(between) == 1 and between[0][0] is not None and "{country}" in between[0][0].name and not claimed
            and not between[0][0].name.endswith(" Ethnic Militia ({country})")):
        # "clashes between two rival clans": clan militias on both sides (a militia named by its people, "Fulani
        # herders", is one side: the other is told apart); "between the two clans", the two the report named before
        between = _pair_told_before(article_text, between[0][1]) or [between[0], between[0]]
    if "clash" in signals and not claimed and not between and home and (pair := _forces_pair(parts)) is not None:
        # "soldiers and policemen exchanged gunfire": the state's forces on both sides, in the order told
        (k1, h1), (k2, h2) = pair
        actor1 = police(home, h1.text, "perpetrator") if k1 == "police" else military(home, home, h1.text, "perpetrator")
        actor2 = police(home, h2.text, "target") if k2 == "police" else military(home, home, h2.text, "target")
        cite("actor1", h1)
        cite("actor2", h2)
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if "clash" in signals and not claimed and not between and home and (sides := _agreeing_communities(parts, home, FIGHTING_COMMUNITIES)) is not None:
        # "youths from the Tiv and Jukun communities clashed": the two communities' militias (inter 4)
        (actor1, hit1), (actor2, hit2) = sides
        actor1, actor2 = actor1.model_copy(update={"role": "perpetrator"}), actor2.model_copy(update={"role": "target"})
        cite("actor1", hit1)
        cite("actor2", hit2)
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if len(between) >= 2 and not claimed:
        # a side with no group is the state's forces ("between the army and the RSF")
        (g1, h1), (g2, h2) = between[:2]
        actor1 = named(g1, h1.text, "perpetrator", home) if g1 is not None else _forces_side(parts, h1, home, "perpetrator")
        actor2 = named(g2, h2.text, "target", home) if g2 is not None else _forces_side(parts, h2, home, "target")
        cite("actor1", h1)
        cite("actor2", h2)
        return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)
    if claimed:
        group, hit = claimed[0]
        actor1 = named(group, hit.text, "perpetrator", home)
        cite("actor1", hit)
    elif agents and (state is None or agents[0][1].start < state[1].start or defended):
        # a state whose forces act in an earlier clause than the group is named ("An Israeli
        # drone strike killed a Hezbollah commander. Hezbollah announced the deaths") acted first
        group, hit = agents[0]
        actor1 = named(group, hit.text, "perpetrator", home)
        if hit.kind == "referring":
            # no span: the words ("the group") do not name it, so a note written from the
            # incident's clause must name the group itself (extract/notes.py)
            evidence.append(Evidence(field="actor1", reason=f"'{hit.text}' refers to {actor1.name}, named before"))
        else:
            cite("actor1", hit)
    elif state is not None and not (defended and unidentified is not None):
        if _police_follow(parts, state[1]):  # "Kenyan police shot dead two men"
            actor1 = police(state[0], state[1].text, "perpetrator")
        else:
            actor1 = military(state[0], home, state[1].text, "perpetrator")
        cite("actor1", state[1])
    elif victims_named and (forces_named or police_named) and home:
        # the named group suffered at the forces' hands ("rebels were killed in an encounter with soldiers")
        hit = forces_named or police_named
        actor1 = police(home, hit.text, "perpetrator") if hit is police_named else military(_forces_country(parts) or home, home, hit.text, "perpetrator")
        cite("actor1", hit)
    elif forces_subject is not None and home and (
        unidentified is None
        or (forces_subject.start > unidentified.start and not (unidentified_attacked and not harmed.get("civilians")) and not defended)
    ):
        # the forces act when they are the subject, unless the armed men told before them were
        # the subject of the attack ("Gunmen ambushed a convoy … troops killed two attackers")
        # or the forces only fought it off ("police repelled an attack by gunmen"); with civilians
        # among the harmed, forces told acting may have harmed them ("military patrols killed three journalists")
        if forces_subject.kind == "police":
            actor1 = police(home, forces_subject.text, "perpetrator")
        else:
            actor1 = military(_forces_country(parts) or home, home, forces_subject.text, "perpetrator")
        cite("actor1", forces_subject)
    elif _arrests_only(parts, signals) and home and not claimed:
        # arrests are the state's: the forces named, else the police
        hit = police_named or forces_named or forces_subject
        if hit is not None and hit.kind == "military":
            actor1 = military(_forces_country(parts) or home, home, hit.text, "perpetrator")
        else:
            actor1 = police(home, hit.text if hit else None, "perpetrator")
        cite("actor1", hit)
    elif unidentified is None and not agents and home and (passive := _passive_forces(parts, article_text)) is not None:
        # "he died after he was beaten by prison warders": the forces are the passive's agent
        actor1 = police(home, passive.text, "perpetrator") if passive.kind == "police" else military(home, home, passive.text, "perpetrator")
        cite("actor1", passive)
    elif (militia := _identity_militia(parts)) is not None and home:
        actor1 = Actor(name=f"{militia.kind} Ethnic Militia ({STATES.display_name(home)})", mention=militia.text, inter=4, role="perpetrator")
        cite("actor1", militia)
    elif unidentified is not None and (attributed := attributed_group(article_text, home, incident_start)) is not None:
        actor1 = named(attributed[0], attributed[1].text, "perpetrator", home)
        cite("actor1", attributed[1])
    elif unidentified is not None:
        actor1 = generic("Unidentified Armed Group", home, 3, unidentified.text, "perpetrator")
        cite("actor1", unidentified)
    elif "arrest" in signals and (police_named or forces_named):
        hit = police_named or forces_named
        actor1 = police(home, hit.text, "perpetrator") if hit is police_named else military(home, home, hit.text, "perpetrator")
        cite("actor1", hit)
    elif "air" in signals and home and _state_air_means(parts) and unidentified is None:
        # warplanes, jets and helicopter gunships are a state's (drones are not only)
        actor1 = military(home, home, None, "perpetrator")
        evidence.append(Evidence(field="actor1", reason="an air strike with no state named: the forces of the country it struck"))
    elif signals & {"explosion", "suicide", "grenade", "attack", "kill", "abduction", "shelling"} and (attributed := attributed_group(article_text, home, incident_start)) is not None:
        actor1 = named(attributed[0], attributed[1].text, "perpetrator", home)
        cite("actor1", attributed[1])
    elif signals & STRIKE_SIGNALS and not signals & GROUND_MEANS and not described and (abroad := STATES.acting_abroad(article_text or "", home)) is not None:
        # "A Russian missile slammed into Kharkiv … A strike on a printing house in the city
        # killed seven in May": a strike told with no side named, in a report of another
        # state's strikes there, is that state's (the coding guide: its forces abroad, inter 8)
        actor1 = military(abroad[0], home, abroad[1].text, "perpetrator")
        evidence.append(Evidence(field="actor1", start=abroad[1].start, end=abroad[1].end, quote=abroad[1].text,
                                 reason="a strike with no side named, in a report of this state's strikes there"))
    elif "clash" in signals and unidentified is None and (first_side := _other_armed_side(parts, None, home, associated, suffered=False)) is not None:
        # "armed Murle youths raided a cattle camp … the two groups fought": with no side before the fighting's
        # verb, the armed group the incident names first (not one told as killed) is the side that acted
        actor1 = named(first_side[0], first_side[1].text, "perpetrator", home)
        cite("actor1", first_side[1])
    elif signals & {"explosion", "suicide", "grenade", "attack", "kill", "abduction", "shelling"}:
        actor1 = generic("Unidentified Armed Group", home, 3, None, "perpetrator")
        evidence.append(Evidence(field="actor1", reason="the report names no perpetrator: an unidentified armed group, as ACLED codes it"))

    # actor2: the side harmed or targeted
    arrests_only = _arrests_only(parts, signals)
    if arrests_only and actor1 is not None and actor1.name.startswith("Military Forces of") and (
        LEXICON.security_agents_re.fullmatch(actor1.mention or "") or (state is not None and _agents_follow(parts, state[1]))
    ):
        # "security forces arrested activists": an arrest is police work, as ACLED codes it
        actor1 = police(_iso2_of(actor1.name) or home, actor1.mention, "perpetrator")
    state_actor1 = actor1 is not None and actor1.inter in (1, 8)
    if state_actor1:
        # the state acted: a named armed group in the incident is the side it fought or struck
        # (not a group that only gives a toll: "the FLA, active in the area, put the toll at 13")
        # (nor one that only tells it: "a drone strike on a convoy killed five people, the SDF said")
        named_in_incident = [(g, h) for m, f in parts for g, h in f.groups if g.inter in (2, 3, 4) and h.start not in associated
                             and (m.triggers or f.claim is not None or not f.casualties)
                             and not (f.claim is None and _group_only_tells(m.text, h.start - m.start, h.end - m.start))]
        # (not a state's ally: "Malian soldiers and Wagner mercenaries killed 25 civilians")
        # (nor a group told as gone from the place a remote attack struck: "shelled the town a day after the
        # rebels withdrew from it")
        target = next((t for t in victims_named + agents + named_in_incident if t[0].inter in (2, 3, 4)
                       and not (t not in agents and PEOPLE_AT_WORK.search(t[1].text))
                       and not (signals & REMOTE_MEANS and _withdrawn(article_text, t[1]))), None)
        if target is not None and target not in agents and (harmed.get("civilians", 0) or harmed.get("people", 0)) \
                and not harmed.get("attackers", 0) and not harmed.get("security forces", 0) and _only_the_aim(parts, target[1]):
            # "Pakistani jets struck what Islamabad called hideouts of the Pakistani Taliban, killing eight women and
            # children": the group is only what the strike was said to aim at; the civilians it killed were acted on
            target = None
        if target is None and article_text and "clash" in signals:
            # "Fighters of the Fano, the Amhara militia, and | soldiers of the army fought": the clause was cut at
            # ", and"; the group named before it in the same sentence is the side the forces fought
            target = _group_before_clause(parts, article_text)
            if target is not None:  # told first in the subject, the group is actor1, the forces it fought actor2
                actor1, actor2 = named(target[0], target[1].text, "perpetrator", home), actor1.model_copy(update={"role": "target"})
                cite("actor1", target[1])
                target = None
        if target is None and actor2 is None:
            # other forces told as harmed ("two of the mutineers were killed"), not its allies told acting
            target = next((t for t in victims_named if t[0].inter == 8 and group_name(t[0], home) != actor1.name), None)
        if actor2 is not None:
            pass  # the group and the forces are the two sides (above)
        elif target is not None:
            actor2 = named(target[0], target[1].text, "target", home)
            cite("actor2", target[1])
        elif harmed.get("civilians", 0) or (harmed.get("people", 0) and not harmed.get("attackers", 0)):
            actor2 = generic("Civilians", home, 7, None, "target")
        elif signals & {"sexual", "abduction"} and home:
            actor2 = generic("Civilians", home, 7, None, "target")  # forces who rape or abduct act on civilians
        elif (other := _other_state(parts, actor1.name, home)) is not None:
            # "Russian forces attacked Ukrainian positions": the other state's forces
            actor2 = military(other[0], home, other[1].text, "target")
            cite("actor2", other[1])
        elif arrests_only and home:
            arrested = arrested_categories(parts)
            if (attributed := attributed_group(article_text, home, incident_start)) is not None:
                actor2 = named(attributed[0], attributed[1].text, "target", home)
                cite("actor2", attributed[1])
            elif arrested.get("attackers", 0) or unidentified is not None or targeted_armed is not None:
                actor2 = generic("Unidentified Armed Group", home, 3, None, "target")
            else:
                actor2 = generic("Civilians", home, 7, None, "target")  # activists, relatives, protesters taken away
        elif unidentified is not None or targeted_armed is not None or "clash" in signals or harmed.get("attackers", 0):
            hit = unidentified or targeted_armed
            if (attributed := attributed_group(article_text, home, incident_start)) is not None:
                actor2 = named(attributed[0], attributed[1].text, "target", home)
                cite("actor2", attributed[1])
            else:
                actor2 = generic("Unidentified Armed Group", home, 3, hit.text if hit else None, "target")
                cite("actor2", hit)
    elif (
        harmed.get("people", 0) and not harmed.get("civilians", 0) and not harmed.get("security forces", 0) and home
        and "suicide" not in signals and _only_people_harmed(parts) and not _civilian_target(parts) and (target_kind := _state_target(parts)) is not None
    ):
        # "a car bomb inside a brigade base wounded 36 people", "a JNIM attack on the town's base
        # killed 100 people": the dead are not said to be civilians and the attack struck the
        # forces' place (and no civilians' place: "outside the court complex … near a police
        # vehicle" stays an attack on civilians, as does a suicide bomber among people), so the
        # forces were acted upon
        actor2 = police(home, None, "target") if target_kind == "police" else military(home, home, None, "target")
    elif (owner := _forces_of_group(parts, forces_named or police_named)) is not None:
        actor2 = named(owner[0], owner[1].text, "target", home)  # "ambushed a patrol of the UN mission, MINUSCA"
        cite("actor2", owner[1])
    elif "clash" in signals and (other_side := _other_armed_side(parts, actor1, home, associated)) is not None:
        actor2 = named(other_side[0], other_side[1].text, "target", home)  # two named armed sides fought
        cite("actor2", other_side[1])
    elif "clash" in signals and home and (fighters := _armed_people_fighting(parts, article_text, home, actor1)) is not None:
        actor2 = fighters[0]  # "armed herders at the camp fought back": a communal militia, not civilians
        cite("actor2", fighters[1])
    elif (
        harmed.get("civilians", 0) and not harmed.get("security forces", 0)
        and not _in_first_mention(parts, forces_named) and not _in_first_mention(parts, police_named)
    ):
        # "villagers were killed when RSF fighters attacked the village … the RSF said it had
        # attacked army positions": the dead were civilians; forces named later are a claim
        actor2 = generic("Civilians", home, 7, None, "target")
    elif harmed.get("security forces", 0) or forces_named is not None or police_named is not None or defended:
        hit = forces_named or police_named
        is_police = police_named is not None and (forces_named is None or police_named.start < forces_named.start)
        if defenders is not None and defenders.kind in ("police", "military"):
            hit = defenders  # "Police said they repelled an attack": the forces that defended
            is_police = hit.kind == "police"
        if home:
            if is_police:
                actor2 = police(home, (police_named or hit).text, "target")
                cite("actor2", police_named or hit)
            else:
                forces_home = _forces_country(parts) or home
                actor2 = military(forces_home, home, hit.text if hit else None, "target")
                cite("actor2", hit)
    elif victims_named:
        actor2 = named(victims_named[0][0], victims_named[0][1].text, "target", home)
        cite("actor2", victims_named[0][1])
    elif harmed.get("civilians", 0) or harmed.get("people", 0) or signals & {"abduction", "sexual"} or _civilian_property(parts, signals):
        actor2 = generic("Civilians", home, 7, None, "target")  # people harmed, or their homes burnt or looted
    if (home and defenders is not None and defenders.kind in ("police", "military")
            and actor1 is not None and actor1.inter in (1, 8) and (actor2 is None or actor2.inter in (2, 3, 4))):
        # "Troops killed all four gunmen who attacked a checkpoint", "12 soldiers were killed in an ambush": the
        # forces were attacked first; the attackers acted (actor1), and an ambush no one is named for is an
        # unidentified group's
        attackers = actor2 or generic("Unidentified Armed Group", home, 3, None, "perpetrator")
        actor1, actor2 = attackers.model_copy(update={"role": "perpetrator"}), actor1.model_copy(update={"role": "target"})
        for i, e in enumerate(evidence):
            if e.field in ("actor1", "actor2"):
                evidence[i] = e.model_copy(update={"field": "actor2" if e.field == "actor1" else "actor1"})
        evidence.append(Evidence(field="actor1", start=defenders.start, end=defenders.end, quote=defenders.text,
                                 reason="the forces told here were attacked first: the side that attacked them acted"))
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and not _mutual(actor1, signals):
        actor2 = None
    if (
        actor1 is not None and _mutual(actor1, signals) and (actor2 is None or actor2.inter == 7)
        and forces_named is None and police_named is None and state is None and not agents[1:]
    ):
        # "armed men from the valley and the hills exchanged fire": two unnamed armed sides
        actor2 = actor1.model_copy(update={"role": "target"})
    militia = next((h for g, h in agents if actor1 is not None and "{country}" in g.name and group_name(g, home) == actor1.name), None)
    armed_men = unidentified or by_unidentified or targeted_armed or next(
        (Hit("unidentified", m.start + u.start(), m.start + u.end(), u.group(0)) for m, _ in parts
         for u in LEXICON.unidentified_re.finditer(m.text)), None)
    if (actor1 is not None and actor2 is not None and actor1.name == actor2.name and armed_men is not None and home
            and militia is not None and not between and armed_men.start != militia.start):
        # "bandits attacked the village ... local vigilantes engaged them in a gun battle": a generic militia
        # (vigilantes, a self-defence militia) against the unnamed armed men the incident tells, not against
        # itself; the side told first (or the one the militia repelled) began it
        armed = generic("Unidentified Armed Group", home, 3, armed_men.text, "perpetrator")
        fended = REPELLING.match(article_text or "", militia.end) if article_text else None
        if armed_men.start < militia.start or defended or fended:
            actor1, actor2 = armed, actor1.model_copy(update={"role": "target"})
            cite("actor1", armed_men)
        else:
            actor2 = armed.model_copy(update={"role": "target"})
            cite("actor2", armed_men)
    if actor2 is None and actor1 is not None and actor1.inter not in (1, 8) and home and (kind := _state_target(parts)) is not None:
        # "an attack by ISWAP fighters on a base": the forces the base holds
        actor2 = police(home, None, "target") if kind == "police" else military(home, home, None, "target")
    if actor2 is None and actor1 is not None and home and signals & ATTACKING and _civilian_target(parts):
        actor2 = generic("Civilians", home, 7, None, "target")  # shells on a village, a strike on homes
    if actor2 is None and actor1 is not None and actor1.inter != 7 and home and signals & ATTACKING and _civilians_acted_on(parts):
        actor2 = generic("Civilians", home, 7, None, "target")  # "youths assaulted five opposition activists"
    if actor2 is not None and home and actor2.name == generic("Civilians", home, 7, None, "target").name and (
        (foreign := _civilians_from_abroad(parts, home)) is not None
    ):
        # "a suicide bomber killed five Chinese engineers near Besham": civilians keep their
        # nationality (tests/devset/README.md; Israeli settlers shot in the West Bank are Civilians (Israel))
        actor2 = generic("Civilians", foreign[0], 7, foreign[1].text, "target")
        cite("actor2", foreign[1])
    if actor2 is None:
        evidence.append(Evidence(field="actor2", reason="the report names no side that was attacked or harmed"))
    return ActorCoding(actor1, actor2, [], claimed_by, evidence, demonstration=False)


def _civilians_from_abroad(parts, home: str) -> tuple[str, Hit] | None:
    """The other state whose nationals the incident's harmed civilians are, when every
    civilian casualty phrase that names a nationality names that one ("five Chinese engineers
    and their driver", "two Rohingya refugees"); None when the dead include the country's own
    ("two Chinese and three Pakistani workers") or no nationality is told."""
    found: list[tuple[str, Hit]] = []
    for _, facts in parts:
        for c in facts.casualties:
            if c.negated or c.kind not in ("killed", "injured", "abducted") or not c.group or c.group_start is None:
                continue
            if LEXICON.group_category(c.group) not in ("civilians", "people", None):
                continue
            named = [(iso2, hit) for iso2, hit in STATES.mentioned(c.group, c.group_start)]
            named += [(LEXICON.civilian_peoples[m.group(0).lower()], Hit("people", c.group_start + m.start(), c.group_start + m.end(), m.group(0)))
                      for m in LEXICON.civilian_peoples_re.finditer(c.group)]
            found.extend(named)
    states = {iso2 for iso2, _ in found}
    if len(states) == 1 and home not in states:
        return found[0]
    return None


AGENT_BEFORE_GROUP = re.compile(r"\bby\s+(?:[\w'’-]+\s+){1,4}(?:of|from)\s+(?:the\s+)?$", re.I)
# "Shelling by the paramilitary Rapid Support Forces", "a massacre by the jihadist group
# JNIM": the agent after "by" with a describing word or two between; a word that joins or
# relates ("by the army and RSF", "by troops against ISWAP"), a state's forces or a verb
# ("by soldiers fighting RSF") mean the group is not the agent
AGENT_BY_DESCRIBED = re.compile(
    r"\bby\s+(?:the\s+|an?\s+)?(?:(?!(?:and|or|with|against|on|in|near|at|after|from|of|to|for|between|army|troops|soldiers|police|forces|military|government|[a-z]+ing)\b)(?:[a-z][\w'’-]*|[A-Z][a-z]+ists?)\s+){1,3}$"
)


def _defenders(parts) -> Hit | None:
    """Who fought off the attack ("Police said they repelled an attack by militants"): the
    state's forces named last in the words before the defenders' verb, as a Hit of kind
    'police' or 'military'; a Hit of kind 'unknown' when the forces are not named there;
    None when no attack was fought off."""
    for mention, _ in parts:
        for r in LEXICON.repelled_re.finditer(mention.text):
            window = mention.text[max(0, r.start() - 70) : r.start()]
            offset = mention.start + max(0, r.start() - 70)
            found = [Hit(kind, offset + m.start(), offset + m.end(), m.group(0))
                     for kind, pattern in (("police", LEXICON.police_re), ("military", LEXICON.military_re))
                     for m in pattern.finditer(window) if not PASSIVE.match(window[m.end() :])]
            if found:
                return max(found, key=lambda h: h.end)
            return Hit("unknown", mention.start + r.start(), mention.start + r.end(), r.group(0))
    for mention, _ in parts:
        # "Troops killed all four gunmen who attacked a checkpoint", "soldiers were ambushed by gunmen": the forces
        # named right before were attacked first, so they defended (only with the forces named: "three villagers
        # were killed in an attack" tells no defenders)
        for r in LEXICON.forces_attacked_re.finditer(mention.text):
            window = mention.text[max(0, r.start() - 50) : r.start()]
            offset = mention.start + max(0, r.start() - 50)
            found = [Hit(kind, offset + m.start(), offset + m.end(), m.group(0))
                     for kind, pattern in (("police", LEXICON.police_re), ("military", LEXICON.military_re))
                     for m in pattern.finditer(window)]
            if found:
                return max(found, key=lambda h: h.end)
    return None


def _referred_group(mention, before: str, before_start: int, article_text: str | None) -> tuple[NamedGroup, Hit] | None:
    """The named armed group a referring word stands for ("the group", "its fighters", "the
    same front"), when that word is the incident's subject (in the words before its first
    trigger, in the same clause) or its agent ("an attack by the group"): the last group
    the report named before it, not far back."""
    if not article_text:
        return None
    found = None
    for m in LEXICON.referring_re.finditer(before):
        if not CLAUSE_BREAK.search(before[m.end() :]) and not PASSIVE.match(before[m.end() :]):
            found = (before_start + m.start(), before_start + m.end())
    if found is None:
        for m in LEXICON.referring_re.finditer(mention.text):
            if re.search(r"\bby\s+$", mention.text[max(0, m.start() - 4) : m.start()]):
                found = (mention.start + m.start(), mention.start + m.end())
                break
    if found is None:
        return None
    start, end = found
    earlier = [(g, h) for g, h in LEXICON.named_groups_in(article_text[max(0, start - LEXICON.referring_reach) : start], max(0, start - LEXICON.referring_reach))
               if g.inter in (2, 3, 4, 8)]
    if not earlier:
        return None
    return earlier[-1][0], Hit("referring", start, end, article_text[start:end])


# between a group and the violent verb it is the subject of: a word or two ("Houthi forces shelled", "the RSF's
# shelling"), no auxiliary of a passive ("positions were shelled")
SUBJECT_GAP = re.compile(r"^\s*(?:(?!(?:was|were|is|are|been|being|be|and|or|but|by|of|on|in|at|to|with|from)\b)[\w'’-]+\s+){0,2}$", re.I)


def _acts_in_clause(mention, hit) -> bool:
    """The group is the subject of a violent trigger later in its clause ("… when Houthi forces shelled"); not the
    complement of another noun ("supporters of two factions of the BNP clashed")."""
    if re.search(r"\bof\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:(?:and|or)\s+(?:the\s+)?(?:[\w'’-]+\s+)?)?$",
                 mention.text[max(0, hit.start - mention.start - 60) : hit.start - mention.start], re.I):
        return False  # "supporters of the BNP and the Awami League fought": the parties name whose supporters
    return any(
        t.start >= hit.end and t.kind in LEXICON.violent_signals
        and SUBJECT_GAP.match(mention.text[hit.end - mention.start : t.start - mention.start]) is not None
        for t in mention.triggers
    )


def _name_lead(mention, facts, hit) -> int:
    """Where the words naming a group start, in the clause: at its full name when the group is its abbreviation in
    brackets right after it ("Allied Democratic Forces (ADF)")."""
    for other, h in facts.groups:
        if h.end <= hit.start and re.fullmatch(r"\s*\(\s*", mention.text[h.end - mention.start : hit.start - mention.start]):
            return h.start - mention.start
    return hit.start - mention.start


def _passive_agent(mention) -> Hit | None:
    """An unnamed armed agent after "by" past the first trigger ("were kidnapped by
    terrorists", "placed by an urban guerrilla group")."""
    first = mention.triggers[0].start - mention.start
    for m in LEXICON.unidentified_re.finditer(mention.text, first):
        lead = mention.text[max(first, m.start() - 30) : m.start()]
        if re.search(r"\bby\s+(?:(?:a|an|the|some|several|two|three|four|five|six|unidentified|unknown|alleged|presumed|heavily)\s+)*$", lead, re.I):
            if PROTESTED_BEFORE.search(mention.text, 0, m.start()):
                continue  # "blocked the road to protest against water cuts and extortion by gangs": what they protest
            return Hit("unidentified", mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


# what a crowd protests against, up to the agent after "by" ("to protest against … extortion by gangs")
PROTESTED_BEFORE = re.compile(
    r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:e|ed|ing|ion|ions)|march(?:ed|ing)?|rall(?:y|ied|ying))\s+(?:against|over|at)\b[^.;:]{0,80}$",
    re.I)


MAX_DESCRIBED = 4  # perpetrator descriptions kept per incident


def _other_perpetrators(parts) -> list[Hit]:
    """Unnamed armed men told in an incident's clauses who are neither acted upon ("fired
    on the guerrillas") nor counted among the dead or hurt ("three subversives were
    killed"): how the report describes the perpetrators besides the subject."""
    out = []
    for mention, facts in parts:
        if not mention.triggers:
            continue
        counted = [(c.start, c.end) for c in facts.casualties]
        for m in LEXICON.unidentified_re.finditer(mention.text):
            start, end = mention.start + m.start(), mention.start + m.end()
            if any(s <= start < e for s, e in counted) or ACTED_ON.search(mention.text[: m.start()]):
                continue
            rest = mention.text[m.end() :]
            if PASSIVE.match(rest) or (not rest.strip() and not m.group(0).lower().endswith(("s", "men"))):
                continue
            if re.match(r"\s+(?:attack|raid|ambush|offensive|action|bomb|attacks)\b", rest, re.I) and not m.group(0).lower().endswith(("s", "men")):
                continue  # "a terrorist attack": a modifier of the act
            out.append(Hit("unidentified", start, end, m.group(0)))
    return out


def _unique_hits(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in hits:
        if all(h.text.lower() != o.text.lower() for o in out):
            out.append(h)
    return out


MEMBERS_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?", re.I)
SUFFERED = re.compile(
    r"^(?:\s+(?:rebels|fighters|militants|members|insurgents|cadres|commanders?|activists|supporters|leaders|workers))?\s+(?:(?:were|was)(?:\s+also)?|(?:had|have)(?:\s+also)?\s+been)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|arrested|captured|detained|neutrali[sz]ed)\b",
    re.I,
)
FORCES_THEN_GROUP = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?P<forces>" + LEXICON.military_re.pattern + "|" + LEXICON.police_re.pattern + r")\s+and\s+(?:the\s+)?$",
    re.I,
)
# "fighting between the RSF and the Sudanese army": the group, then the state's forces
GROUP_THEN_FORCES = re.compile(
    r"^(?:\s*\([^)]*\))?\s+and\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?P<forces>" + LEXICON.military_re.pattern + "|" + LEXICON.police_re.pattern + r")",
    re.I,
)
# "Vigilantes repelled bandits who stormed the village": the side right before a verb of fending off was attacked
REPELLING = re.compile(r"\s+(?:(?:on|late|early)\s+\w+\s+)?(?:repelled|repulsed|fought off|drove off|beat back|fended off|chased away|routed)\b", re.I)
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.I)
AND_NEXT = re.compile(r"^(?:\s*\([^)]*\))?\s+and\s+(?:the\s+)?$", re.I)


# "the two clans", "the rival clans": words that refer back to two groups the report named before
PAIR_REFERRED = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:rival\s+)?$", re.I)


def _pair_told_before(article_text: str | None, hit: Hit) -> list[tuple[NamedGroup, Hit]] | None:
    """The two identity militias a generic name refers back to ("Elders of the Hawadle and Galjeel clans met …
    Clashes between the two clans"): the last two distinct ones the report named before it, not far back; None
    unless the words refer back ("the two clans", not "two rival clans") and two are named."""
    if not article_text or not PAIR_REFERRED.search(article_text[max(0, hit.start - 20) : hit.start]):
        return None
    start = max(0, hit.start - LEXICON.referring_reach)
    found: list[tuple[NamedGroup, Hit]] = []
    for group, h in reversed(LEXICON.named_groups_in(article_text[start : hit.start], start)):
        if group.inter == 4 and "{country}" not in group.name and all(g.name != group.name for g, _ in found):
            found.insert(0, (group, h))
        if len(found) == 2:
            return found
    return None


def _mutual(actor: Actor, signals: set[str]) -> bool:
    """A fight of one kind of unnamed armed side against another: a clash whose actor1 is
    an unidentified armed group or a generic identity militia (clan against clan)."""
    generic_side = actor.name.startswith("Unidentified Armed Group (") or any(
        "{country}" in g.name and actor.name.startswith(g.name.split("{country}")[0]) for g in LEXICON.named_groups
    )
    return "clash" in signals and actor.inter in (3, 4) and generic_side


def _civilian_property(parts, signals: set[str]) -> bool:
    """Homes, shops or camps burnt or looted (not an office or a police station): the
    people they belong to were acted upon."""
    for mention, _ in parts:
        for t in mention.triggers:
            if t.kind in ("arson", "looting") and t.kind in signals:
                after = mention.text[t.end - mention.start : t.end - mention.start + 50]
                if not LEXICON.state_property_re.search(after):
                    return True
    return False


_AGREEING = load_data("actor_groups.json")["agreeing_communities"]
_COMMUNITY_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_AGREEING_KIND = r"(?P<kind>" + "|".join(sorted(map(re.escape, _AGREEING["kinds"]), key=len, reverse=True)) + r")\b"


def _community_patterns(leads: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """"<lead> of the X and Y <kind>" and "<lead> from two rival <kind>", for the words of who speaks or fights."""
    lead = r"\b(?:" + "|".join(sorted(leads, key=len, reverse=True)) + r")\s+(?:of|from)\s+(?:the\s+)?"
    # the names are capitalised words: case-sensitive, the lead and the kind either case
    pair = re.compile(r"(?i:" + lead + r")(?P<a>" + _COMMUNITY_NAME + r")\s+and\s+(?:the\s+)?(?P<b>" + _COMMUNITY_NAME + r")\s+(?i:" + _AGREEING_KIND + ")")
    unnamed = re.compile(lead + r"(?:" + "|".join(sorted(_AGREEING["unnamed"], key=len, reverse=True)) + r")\s+" + _AGREEING_KIND, re.I)
    return pair, unnamed


AGREEING = _community_patterns(_AGREEING["leads"])
FIGHTING_COMMUNITIES = _community_patterns(_AGREEING["fighting_leads"])


def _community_militia(name: str, kind: str, home: str) -> Actor | None:
    """The militia of the community NAME ("Dinka Bor" → the Dinka group strife knows, else "<name> Clan Militia
    (<country>)" by the kind of community told), as a side of an agreement; None when NAME is no community's
    name ("the Local and Rival …": actor_groups.json not_communities)."""
    words = name.split()
    for n in (len(words), 1):
        head = " ".join(words[:n])
        for noun in ("militia", "clan", "militias"):
            if (group := LEXICON.group_by_alias(f"{head} {noun}")) is not None and group.inter == 4 and "{country}" not in group.name:
                return named(group, name, "participant", home)
    if words[0] in LEXICON.not_communities or STATES.iso2(words[0]) or STATES.is_demonym(words[0]):
        return None
    kind_name = _AGREEING["kinds"][kind.lower()]
    return Actor(name=f"{name} {kind_name} ({STATES.display_name(home)})", mention=name, inter=4, role="participant")


def _agreeing_communities(parts, home: str, patterns=AGREEING) -> tuple[tuple[Actor, Hit], tuple[Actor, Hit]] | None:
    """The two communities whose elders or youth leaders sign the agreement (actor_groups.json
    agreeing_communities), or whose youths fight (with FIGHTING_COMMUNITIES), as their militias, each with the
    words that name it."""
    named_pair, unnamed = patterns
    for mention, _ in parts:
        if (m := named_pair.search(mention.text)) is not None:
            sides = []
            for key in ("a", "b"):
                actor = _community_militia(m.group(key), m.group("kind"), home)
                if actor is None:
                    break
                sides.append((actor, Hit(actor.name, mention.start + m.start(key), mention.start + m.end(key), m.group(key))))
            if len(sides) == 2 and sides[0][0].name != sides[1][0].name:
                return sides[0], sides[1]
        if (m := unnamed.search(mention.text)) is not None:
            kind_name = _AGREEING["kinds"][m.group("kind").lower()]
            kind_name = "Communal Militia" if kind_name == "Ethnic Militia" else kind_name  # no generic ethnic militia
            actor = Actor(name=f"{kind_name} ({STATES.display_name(home)})", mention=m.group(0), inter=4, role="participant")
            hit = Hit(actor.name, mention.start + m.start(), mention.start + m.end(), m.group(0))
            return (actor, hit), (actor.model_copy(), hit)
    return None


GOVERNMENT = re.compile(r"\b(?:government|administration)\b", re.I)


def _government(parts) -> Hit | None:
    """The government that is a party to the agreement; not one that only tells of it ("…, the regional
    administration said")."""
    for mention, _ in parts:
        for m in GOVERNMENT.finditer(mention.text):
            if not _only_a_source(mention.text, m.start(), m.end()):
                return Hit("government", mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


_TRANSFER = load_data("actor_groups.json")["state_forces"]["transfer_sides"]
TRANSFER_LEAVING = re.compile(r"^(?:\s*\([^)]{1,40}\))?(?:\s+(?!(?:after|before|when|as|but)\b)[\w'’-]+){0,4}?\s+(?:had\s+)?(?:" + "|".join(_TRANSFER["leaving"]) + r")\b", re.I)
TRANSFER_TAKING = re.compile(r"^(?:\s*\([^)]{1,40}\))?(?:\s+(?!(?:after|before|when|as|but)\b)[\w'’-]+){0,4}?\s+(?:had\s+)?(?:" + "|".join(_TRANSFER["taking"]) + r")\b", re.I)
PREVIOUS_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][^.!?]{10,400}[.!?])\s*$")  # the last whole sentence before a point
TRANSFER_RECEIVING = re.compile("(?:" + "|".join(_TRANSFER["receiving_before"]) + ")", re.I)


def _transfer_sides(parts, home: str, article_text: str | None) -> tuple[tuple[Actor, Hit], tuple[Actor, Hit] | None] | None:
    """In a non-violent transfer of territory, the side that took the place over and the side that left it
    (actor_groups.json state_forces.transfer_sides), read in the sentences of its clauses ("Al-Shabaab fighters
    withdrew from three villages on Tuesday, and government forces entered them"), when the side that took it is
    told."""
    taking: tuple[Actor, Hit] | None = None
    leaving: tuple[Actor, Hit] | None = None
    sentences = sorted({(m.sentence_start, m.sentence_end) for m, _ in parts}) if article_text else []
    # "The army withdrew from its camp at Tessit. JNIM militants entered the town the next morning":
    # the side that left is often told in the sentence before the taking, read for leaving only
    earlier = PREVIOUS_SENTENCE.search(article_text, 0, sentences[0][0]) if sentences else None
    spans = ([(earlier.start(1), earlier.end(1), True)] if earlier else []) + [(a, b, False) for a, b in sentences]
    for start, end, leaving_only in spans:
        text = article_text[start:end]
        groups = LEXICON.named_groups_in(text)
        names = [(h.start, h.end) for _, h in groups]
        sides: list[tuple[int, int, Actor]] = [(h.start, h.end, named(g, h.text, "participant", home)) for g, h in groups]
        forces_home = next((iso2 for iso2, hit in STATES.mentioned(text) if LEXICON.military_re.match(text[hit.end : hit.end + 25].lstrip())), None)
        for pattern, kind in ((LEXICON.military_re, "military"), (LEXICON.police_re, "police")):
            for m in pattern.finditer(text):
                if any(s <= m.start() < e or (e <= m.start() and not text[e : m.start()].strip()) for s, e in names):
                    continue  # "Syrian Democratic Forces" names a group
                actor = police(home, m.group(0), "participant") if kind == "police" else \
                    military(forces_home or home, home, m.group(0), "participant")
                sides.append((m.start(), m.end(), actor))
        for s, e, actor in sorted(sides, key=lambda x: x[0]):
            hit = Hit(actor.name, start + s, start + e, text[s:e])
            if TRANSFER_LEAVING.match(text[e:]):
                leaving = leaving or (actor.model_copy(update={"role": "target"}), hit)
            elif leaving_only:
                continue
            elif TRANSFER_TAKING.match(text[e:]) or TRANSFER_RECEIVING.search(text[:s]):
                taking = taking or (actor.model_copy(update={"role": "perpetrator"}), hit)
    if taking is None or (leaving is not None and leaving[0].name == taking[0].name):
        return None
    return taking, leaving


DECIDING_AUTHORITY = re.compile(r"\b(?:" + "|".join(load_data("actor_groups.json")["state_forces"]["deciding_authorities"]) + r")\b", re.I)


def _deciding_authority(parts) -> Hit | None:
    """The civil authority told before a change to a group's activity, when no group is told before it: the
    one who decided it (actor_groups.json deciding_authorities)."""
    for mention, facts in parts:
        change = next((t for t in mention.triggers if t.kind == "group_change"), None)
        if change is None:
            continue
        found = [m for m in DECIDING_AUTHORITY.finditer(mention.text, 0, change.start - mention.start)]
        if not found:
            continue
        m = found[0]
        if any(h.start < mention.start + m.start() for _, h in facts.groups):
            continue  # "the RSF's administration": the group's own
        return Hit("government", mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


def _fallback_country(parts, article_text: str | None, exclude: str | None = None) -> str | None:
    """The country to name actors after when the incident's place is unknown: the home of
    the named group that acts in it, else the state the article names most (its demonyms
    too: "Indian police"), so that no actor is "(International)" when the text says where."""
    for _, facts in parts:
        for group, _hit in facts.groups:
            if group.country and group.country != exclude and group.inter != 8:
                return group.country
    if not article_text:
        return None
    counts: dict[str, int] = {}
    for iso2, _hit in STATES.mentioned(article_text):
        if iso2 != exclude:  # the state acting abroad is not where it acted
            counts[iso2] = counts.get(iso2, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _forces_side(parts, hit: Hit, home: str | None, role: str) -> Actor:
    """The state's forces named at `hit` as one side of a fight: its police, or the military
    of the state named with them ("the Sudanese army"), else of the incident's country."""
    if hit.kind == "police":
        return police(home, hit.text, role)
    return military(_forces_country(parts) or home, home, hit.text, role)


PEOPLE_ONLY = re.compile(r"^(?:[\w'’-]+\s+){0,3}?(?:people|persons|others|individuals)$", re.I)


def _only_people_harmed(parts) -> bool:
    """Whether every casualty phrase of the incident names its people only as "people",
    "persons" or "others" (no civilians, villagers, worshippers: whose side they were is not told)."""
    groups = [c.group for _, f in parts for c in f.casualties
              if not c.negated and c.kind in ("killed", "injured", "abducted") and c.group]
    return bool(groups) and all(PEOPLE_ONLY.match(g.strip()) for g in groups)


def _state_target(parts) -> str | None:
    """'military' or 'police' when the attack struck a place of the state's forces (a base,
    a police station), read from the target nouns and the words after an attack trigger."""
    for mention, facts in parts:
        texts = [t.text for t in facts.targets]
        texts += [mention.text[t.end - mention.start : t.end - mention.start + 60] for t in mention.triggers if t.kind in ATTACKING]
        for text in texts:
            for kind in ("police", "military"):
                if LEXICON.state_target_res[kind].search(text):
                    return kind
    return None


def _civilian_target(parts) -> bool:
    """Whether the attack struck civilians' places: a target noun, or the words after a trigger."""
    for mention, facts in parts:
        if any(LEXICON.civilian_property_re.search(t.text) for t in facts.targets):
            return True
        for t in mention.triggers:
            if t.kind in ATTACKING:
                after = mention.text[t.end - mention.start : t.end - mention.start + 80]
                if LEXICON.civilian_property_re.search(after) and not LEXICON.state_property_re.search(after):
                    return True
    return False


def _group_before_clause(parts, article_text: str) -> tuple[NamedGroup, Hit] | None:
    """The named armed group (inter 2, 3 or 4) that the sentence of the incident's first clause names before that
    clause, when the clause begins with "and"-joined words of its subject (the clause was cut at ", and")."""
    mention = parts[0][0]
    head = article_text[mention.sentence_start : mention.start]
    if not re.search(r",?\s+and\s+$", head):
        return None
    found = [(g, h) for g, h in LEXICON.named_groups_in(head, mention.sentence_start) if g.inter in (2, 3, 4)
             and not LEXICON.supporting_re.search(head[: h.start - mention.sentence_start])]
    return found[0] if found else None


def _civilians_acted_on(parts) -> bool:
    """Whether people with no arms are the object of the attack's verb ("assaulted five opposition activists",
    "beat four villagers"), though no toll names them."""
    for mention, _ in parts:
        for t in mention.triggers:
            if t.kind in ATTACKING:
                after = mention.text[t.end - mention.start : t.end - mention.start + 50]
                words = re.match(r"\s+((?:[\w'’-]+\s+){0,3})", after)
                if words is None:
                    continue
                at = words.start(1)
                for word in [""] + words.group(1).split():  # "five opposition activists": after 0, 1 or 2 words
                    at = after.index(word, at) + len(word) if word else at
                    rest = after[at:].lstrip()
                    if LEXICON.civilian_re.match(rest):
                        return True
    return False


def _violent_beyond_disruption(parts, signals: set[str]) -> bool:
    """Violence besides the disrupted device: a bomb defused is no explosion, its 'IED' no attack."""
    return bool(signals & {"kill", "clash", "air", "shelling", "abduction", "sexual", "arrest"} - {"disrupted"}) or any(
        t.kind == "attack" and not LEXICON.raid_re.match(t.text) for m, _ in parts for t in m.triggers
    )



# "a patrol of the UN mission, MINUSCA", "peacekeepers of UNIFIL": a forces noun of a named group is that group's
FORCES_OF_GROUP = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:[\w'’-]+,\s+)?$", re.I)


def _forces_of_group(parts, hit: Hit | None) -> tuple[NamedGroup, Hit] | None:
    """The named group of other forces (inter 8: a UN mission, a foreign contingent) whose forces HIT names: "a
    patrol of the UN mission, MINUSCA" is MINUSCA's, not the country's army."""
    if hit is None:
        return None
    for mention, facts in parts:
        if not mention.start <= hit.start < mention.end:
            continue
        for group, ghit in facts.groups:
            if group.inter == 8 and hit.end <= ghit.start and FORCES_OF_GROUP.match(mention.text[hit.end - mention.start : ghit.start - mention.start]):
                return group, ghit
    return None


def _other_armed_side(parts, actor1: Actor | None, home: str | None, associated: set[int], suffered: bool = True) -> tuple[NamedGroup, Hit] | None:
    """In a clash, the first named armed group (inter 2, 3, 4 or 8) of the incident's first sentence that is not
    actor1 nor an ally of the forces:
    "CODECO fighters fought a Hema self-defence militia" is CODECO against the Hema militia, even with civilians
    killed in the crossfire."""
    first_sentence = parts[0][0].sentence_start if parts else None
    allies: set[str] = set()
    for mention, facts in parts:
        if mention.sentence_start != first_sentence:
            continue  # the sides are told with the fight, not in a later sentence's aside
        for group, hit in facts.groups:
            local = hit.start - mention.start
            if (group.name in allies or LEXICON.supporting_re.search(mention.text[:local])
                    or _beside_forces(mention.text, local, hit.end - mention.start)):
                allies.add(group.name)
                continue  # "soldiers backed by VDP volunteers": an ally of the forces, not the other side
            if not suffered and SUFFERED.match(mention.text[hit.end - mention.start :]):
                continue  # "three NPA rebels were killed": a side harmed, not the one that acted (SUFFERED=False)
            if group.inter in (2, 3, 4, 8) and hit.start not in associated and (actor1 is None or group_name(group, home) != actor1.name):
                return group, hit
    return None


PASSIVE_BY = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+){1,4}?by\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?$", re.I)


def _passive_forces(parts, article_text: str | None) -> Hit | None:
    """State forces named as the agent of a passive in the sentence of the incident's first clause ("a prisoner
    died after he was beaten by prison warders", "were shot by border guards"), as a Hit of kind police or
    military."""
    for mention, _ in parts[:1]:
        if not mention.triggers:
            continue
        start, end = (mention.sentence_start, mention.sentence_end) if article_text else (mention.start, mention.end)
        text = article_text[start:end] if article_text else mention.text
        for kind, pattern in (("police", LEXICON.police_re), ("military", LEXICON.military_re)):
            for m in pattern.finditer(text):
                if PASSIVE_BY.search(text[max(0, m.start() - 80) : m.start()]):
                    return Hit(kind, start + m.start(), start + m.end(), m.group(0))
    return None

FORCES_PAIR = re.compile(
    r"(?P<a>" + LEXICON.military_re.pattern + "|" + LEXICON.police_re.pattern + r")\s+and\s+(?:the\s+)?(?P<b>"
    + LEXICON.military_re.pattern + "|" + LEXICON.police_re.pattern
    + r")\s+(?:\w+\s+){0,2}?(?:clashed|fought|battled|(?:exchanged|traded)\s+(?:\w+\s+)?(?:fire|gunfire|shots))\b",
    re.I,
)


def _forces_pair(parts) -> tuple[tuple[str, Hit], tuple[str, Hit]] | None:
    """Soldiers and police told as the two sides of a fight ("Soldiers and policemen exchanged gunfire"): the
    (kind, Hit) of each, one military and one police."""
    for mention, _ in parts:
        for m in FORCES_PAIR.finditer(mention.text):
            kinds = ["police" if LEXICON.police_re.fullmatch(m.group(k)) else "military" for k in ("a", "b")]
            if sorted(kinds) == ["military", "police"]:
                return tuple((kind, Hit(kind, mention.start + m.start(k), mention.start + m.end(k), m.group(k)))
                             for kind, k in zip(kinds, ("a", "b")))
    return None

def _in_first_mention(parts, hit: Hit | None) -> bool:
    first = parts[0][0]
    return hit is not None and first.start <= hit.start < first.end


def _agents_follow(parts, state_hit: Hit) -> bool:
    """Whether the state's name governs a generic security noun ("Egyptian security forces")."""
    for mention, _ in parts:
        if mention.start <= state_hit.start < mention.end:
            after = mention.text[state_hit.end - mention.start :].lstrip()
            return LEXICON.security_agents_re.match(after) is not None
    return False


def _police_follow(parts, state_hit: Hit) -> bool:
    """Whether the state's name governs a police noun ("Kenyan police", "Israel's border police")."""
    for mention, _ in parts:
        if mention.start <= state_hit.start < mention.end:
            # "GUAYAQUIL, Ecuador - Police fired": a dateline's country and the force that opens the story
            after = re.sub(r"^(?:\s*[-–—]+\s+|(?:'s|’s)?\s+)", "", mention.text[state_hit.end - mention.start :])
            return LEXICON.police_re.match(after) is not None
    return False


# one list of leaving verbs for this rule and the transfer of territory's sides
WITHDRAWN_AFTER = re.compile(load_data("actor_groups.json")["withdrawn"] + r"(?:" + "|".join(_TRANSFER["leaving"]) + r")\b", re.I)


def _withdrawn(article_text: str | None, hit: Hit) -> bool:
    """The group's name is followed by its leaving the place ("Fano fighters withdrew from it"; actor_groups.json withdrawn)."""
    return bool(article_text) and WITHDRAWN_AFTER.match(article_text, hit.end) is not None


_PEOPLE_FIGHTING = load_data("actor_groups.json")["armed_people_fighting"]
ARMED_PEOPLE_FIGHTING = re.compile(_PEOPLE_FIGHTING["fighting"])
PEOPLE_NAMED = re.compile(_PEOPLE_FIGHTING["people_named"])


def _armed_people_fighting(parts, article_text: str | None, home: str, actor1: Actor | None) -> tuple[Actor, Hit] | None:
    """People at work told armed and fighting in the incident ("armed herders at the camp fought back"): a
    communal militia (actor_groups.json armed_people_fighting), named by the people the report told them of
    before ("a cattle camp of Dinka Bor herders": the Dinka's militia), else 'Communal Militia (<country>)'."""
    for mention, _ in parts:
        if not mention.triggers or (m := ARMED_PEOPLE_FIGHTING.search(mention.text)) is None:
            continue
        hit = Hit("militia", mention.start + m.start(), mention.start + m.end(), m.group(0))
        before = (article_text or "")[: hit.start]
        people = [p for p in PEOPLE_NAMED.finditer(before)
                  if not any(w in LEXICON.not_communities or STATES.iso2(w) or STATES.is_demonym(w) for w in [p.group("who"), *p.group("who").split()])]
        country = STATES.display_name(home)
        if people:
            who = people[-1].group("who")
            known = {g.name.replace("{country}", country) for g in LEXICON.named_groups}
            names = [f"{w} Ethnic Militia ({country})" for w in (who, who.split()[0])]
            actor = Actor(name=next((n for n in names if n in known), names[0]), mention=m.group(0), inter=4, role="target")
        else:
            actor = generic("Communal Militia", home, 4, m.group(0), "target")
        if actor1 is None or actor.name != actor1.name:
            return actor, hit
    return None


def _identity_militia(parts) -> Hit | None:
    """An ethnic or communal militia named by its community ("Hema militiamen"), as a Hit
    whose kind is the community; not a country's or a named group's word."""
    for mention, facts in parts:
        if not mention.triggers:
            continue
        spans = [(h.start - mention.start, h.end - mention.start) for _, h in facts.groups]
        for pattern in LEXICON.identity_militia_res:
            for m in pattern.finditer(mention.text):
                who = m.group("who")
                if who in LEXICON.not_communities or STATES.iso2(who) or STATES.is_demonym(who):
                    continue
                if any(s <= m.start("who") < e for s, e in spans):
                    continue
                return Hit(who, mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


def _joined(parts, first: Hit, second: Hit) -> bool:
    """Whether two names stand together as "X and (the) Y" in one clause."""
    for mention, _ in parts:
        if mention.start <= first.start and second.end <= mention.end:
            return AND_NEXT.match(mention.text[first.end - mention.start : second.start - mention.start]) is not None
    return False


def _state_air_means(parts) -> bool:
    return any(t.kind == "air" and LEXICON.state_air_re.search(t.text) for m, _ in parts for t in m.triggers)


def _mob(parts, signals: set[str]) -> bool:
    """A crowd attacking people: the mob signal, or a riot word that names a mob or a lynching."""
    return "mob" in signals or any(t.kind == "riot" and LEXICON.mob_re.search(t.text) for m, _ in parts for t in m.triggers)


def _arrests_only(parts, signals: set[str]) -> bool:
    """Arrests and nothing violent: the raid that made them, and the weapons seized in it
    ("seized explosives and suicide vests"), are not attacks."""
    if "arrest" not in signals:
        return False
    for mention, _ in parts:
        for t in mention.triggers:
            if t.kind not in VIOLENT or t.kind not in signals or LEXICON.raid_re.match(t.text):
                continue
            if "disrupted" in signals and t.kind in ("suicide", "explosion", "grenade"):
                continue  # the seized weapons
            return False
    return True


def arrested_categories(parts) -> dict[str, int]:
    found: dict[str, int] = {}
    for _, facts in parts:
        for c in facts.casualties:
            if c.kind == "arrested" and not c.negated:
                category = LEXICON.group_category(c.group or "") or "people"
                found[category] = found.get(category, 0) + 1
    return found


def _crowd_parties(parts, actor1: Actor, actor2: Actor | None, home: str | None, evidence: list[Evidence]) -> list[Actor]:
    """The parties whose people the crowd is ("PTI supporters marched", "activists of the JCD and of Shibir
    clashed"): ACLED's associated actors of the protesters or rioters; with rioters on both sides, the second
    party stands with actor2."""
    found: list[Actor] = []
    seen: set[str] = set()
    for mention, facts in parts:
        for group, hit in facts.groups:
            if group.inter != 3 or not _followers(parts, hit):
                continue
            if found and PARENT_OF_WING.search(mention.text[: hit.start - mention.start]):
                continue  # "the JCD, the student wing of the BNP": the wing is the crowd's party, its parent only told
            name = group_name(group, home)
            if name in seen:
                continue
            seen.add(name)
            both = actor2 is not None and actor2.name == actor1.name and found
            found.append(Actor(name=name, mention=hit.text, inter=3, role="target" if both else actor1.role or "participant"))
            evidence.append(Evidence(field="assoc_actors", start=hit.start, end=hit.end, quote=hit.text,
                                     reason=f"the party of {actor2.name if both else actor1.name}"))
    return found


def _followers(parts, hit: Hit) -> bool:
    """A party named for its people ("PTI supporters", "BNP activists", "workers of the PTI"): demonstrators, not an
    armed side."""
    for i, (mention, _) in enumerate(parts):
        if mention.start <= hit.start < mention.end:
            before = mention.text[: hit.start - mention.start]
            if i and re.fullmatch(r"\s*of\s+(?:the\s+)?", before) and FOLLOWERS_OF.search(parts[i - 1][0].text):
                return True  # "activists of the JCD, … and | of Islami Chhatra Shibir": a clause split at "and"
            return bool(FOLLOWERS_AFTER.match(mention.text[hit.end - mention.start :])
                        or FOLLOWERS_BEFORE.search(before)
                        # "activists of the JCD and of Islami Chhatra Shibir": the second party's people too
                        or (FOLLOWERS_AND_OF.search(before) and FOLLOWERS_OF.search(before)))
    return False


def forces_in_sentences(incident, text: str, iso2: str | None) -> Actor | None:
    """The state's forces the incident's sentences name, whole sentences and not only the
    incident's clauses ("M23 captured Sake after FARDC troops withdrew"), as the side acted upon."""
    if iso2 is None:
        return None
    seen = set()
    for mention in incident.mentions:
        span = (mention.sentence_start, mention.sentence_end)
        if span in seen:
            continue
        seen.add(span)
        sentence = text[span[0] : span[1]]
        groups = [(h.start, h.end) for _, h in LEXICON.named_groups_in(sentence, 0)]  # "Rapid Support Forces"
        hits = [(m, kind) for kind, pattern in (("police", LEXICON.police_re), ("military", LEXICON.military_re))
                for m in pattern.finditer(sentence)]
        for m, kind in sorted(hits, key=lambda h: h[0].start()):
            if any(s <= m.start() < e for s, e in groups) or _only_a_source(sentence, m.start(), m.end()):
                continue  # a group's own name, or forces that only speak ("the army said", "according to police")
            if LEXICON.supporting_re.search(sentence[: m.start()]):
                continue  # "M23 rebels, backed by Rwandan troops, captured …": the actor's ally, not its foe
            home = _forces_country([(mention, None)]) or iso2
            if kind == "police":
                return police(home, m.group(0), "target")
            return military(home, iso2, m.group(0), "target")
    return None


def battle_side(incident, text: str, iso2: str | None, actor1: Actor) -> Actor | None:
    """The other side of a battle coded with civilians as the side acted upon: ACLED's battles are fought by
    organised armed actors on both sides (coding-guide.md), so the dead the report calls people or civilians
    fell in the fighting, and the side fought is the state's forces the incident's sentences name ("clashes
    between the army and the militia killed 15 people"), another armed group the incident names ("clashes between
    rival gangs … members of Los Lobos attacked a wing held by Los Choneros"), another state's forces ("opened fire on
    Ukrainian positions"), else, against state forces, an armed group the report does not name. None when a
    group's battle names no other armed side: then the civilians may be right and the battle wrong."""
    if iso2 is None:
        return None
    if actor1.inter not in (1, 8) and (forces := forces_in_sentences(incident, text, iso2)) is not None:
        return forces
    for _, facts in incident.parts:
        for group, hit in facts.groups:
            if group.inter in (2, 3, 4) and group_name(group, iso2) != actor1.name and not PEOPLE_AT_WORK.search(hit.text):
                return named(group, hit.text, "target", iso2)
    if (other := _other_state(incident.parts, actor1.name, iso2)) is not None:
        return military(other[0], iso2, other[1].text, "target")
    if actor1.inter in (1, 8):
        return generic("Unidentified Armed Group", iso2, 3, None, "target")
    return None


def _iso2_of(force_name: str) -> str | None:
    country = force_name.split(" of ", 1)[-1]
    return STATES.iso2(country[4:] if country.startswith("the ") else country)


def _other_state(parts, actor_name: str, home: str | None) -> tuple[str, Hit] | None:
    """Another state whose forces are the other side ("attacked Ukrainian positions",
    "the missiles Russia launched", "intercepted 12 Russian drones", "fought off Russian
    assaults"); not one that only speaks ("the Lebanese army said")."""
    for mention, _ in parts:
        if not mention.triggers:
            continue
        for iso2, hit in STATES.mentioned(mention.text, mention.start):
            own = LEXICON.group_by_name(actor_name)
            if iso2 == _iso2_of(actor_name) or (own is not None and own.country == iso2):
                continue  # the acting state itself, or the state a named force belongs to (Wagner's Russia)
            after = mention.text[hit.end - mention.start : hit.end - mention.start + 40]
            force = re.match(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:" + LEXICON.state_acting_nouns + r"|positions?|lines|bases?|troops|drones?|missiles?|rockets?|assaults?|offensives?|artillery)\b", after, re.I)
            acts = re.match(r"\s+(?:launched|fired|sent)\b", after, re.I)  # "the missiles Russia launched"
            if (force and not SPEAKING.match(after[force.end() :])) or acts:
                return iso2, hit
    return None


def _remote_means(parts, signals: set[str]) -> bool:
    """Whether the incident used remote or explosive means, leaving out crowd-control
    munitions ("tear gas shells", "sound grenades" fired at a demonstration)."""
    for mention, _ in parts:
        for t in mention.triggers:
            if t.kind in REMOTE_MEANS and t.kind in signals:
                local = t.start - mention.start
                around = mention.text[max(0, local - 20) : local + len(t.text)]
                if not LEXICON.crowd_control_re.search(around):
                    return True
    return False


def _intervened(parts, signals: set[str]) -> bool:
    """An intervention trigger that is one: not a crowd leaving by itself ("the rally
    dispersed without incident")."""
    if "intervention" not in signals:
        return False
    for mention, _ in parts:
        for t in mention.triggers:
            if t.kind == "intervention" and not LEXICON.no_intervention_after_re.match(mention.text[t.end - mention.start :]):
                return True
    return False


def _forces_country(parts) -> str | None:
    """The state named with the forces ("Pakistani security forces"), if any."""
    for mention, _ in parts:
        for iso2, hit in STATES.mentioned(mention.text, mention.start):
            after = mention.text[hit.end - mention.start : hit.end - mention.start + 25]
            if LEXICON.military_re.match(after.lstrip()):
                return iso2
    return None


SPEAKING = re.compile(r"^\s+(?:\w+\s+)?(?:said|say|says|told|reported|confirmed|announced|spokesm[ae]n)\b", re.I)
# forces named only as where the report comes from: "police and residents said", "a police officer in the
# town said", "the army's spokesman", "according to police", "a military source told AFP"
SOURCE_AFTER = re.compile(
    r"^(?:'s|’s)?(?:\s+[\w-]+){0,4}?\s+(?:said|say|says|told|reported|confirmed|announced|stated|added)\b|"
    r"^(?:'s|’s)?(?:\s+[\w-]+)?\s+(?:spokes(?:man|men|woman|women|person|people)|sources?|officials?|statements?|communiqu[eé]s?)\b",
    re.I,
)
SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


# a group named only as who tells the news ("…, the SDF said", "according to the Houthis"); not "Hezbollah's
# spokesman", who may be the one killed; "Taliban spokesman Zabihullah Mujahid said": a title and a name between
GROUP_SPEAKS = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+(?:said|say|says|told|reported|added|stated)\b", re.I)


def _only_the_aim(parts, hit: Hit) -> bool:
    """Whether the group at `hit` is named only as what a strike aimed at (actor_groups.json strike_aim)."""
    for mention, _ in parts:
        if mention.start <= hit.start < mention.end:
            return LEXICON.strike_aim_re.search(mention.text[max(0, hit.start - mention.start - 60) : hit.start - mention.start]) is not None
    return False


def _group_only_tells(sentence: str, start: int, end: int) -> bool:
    return bool(GROUP_SPEAKS.match(sentence[end:]) or SOURCE_BEFORE.search(sentence[max(0, start - 40) : start]))


def _only_a_source(sentence: str, start: int, end: int) -> bool:
    """Whether the forces at sentence[start:end] are named only as the report's source."""
    return bool(SOURCE_AFTER.match(sentence[end:])  # it covers SPEAKING's "said", "spokesman"
                or SOURCE_BEFORE.search(sentence[max(0, start - 40) : start]))


# what is done to a side ("attacked", "surrendered to"): the verbs are data (actor_groups.json)
ACTED_ON = re.compile(r"\b" + LEXICON.acted_on_verbs + r"\s+(?:[\w'’-]+\s+){0,3}?$", re.I)
# forces doing something ("police in Niger State arrested", "security forces opened fire"):
# the verbs are data (actor_groups.json state_forces.acting_verbs)
ACTING = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}?" + LEXICON.force_acting_verbs + r"\b", re.I)


def _personnel_of_military(text: str, m: re.Match) -> bool:
    """A police noun that only says personnel, right after a military force's name ("National Guard officers",
    "army officers"): that force's people, not police (actor_groups.json state_forces.personnel_nouns)."""
    if not LEXICON.personnel_re.fullmatch(m.group(0)):
        return False
    before = text[max(0, m.start() - 60) : m.start()]
    return any(not before[f.end() :].strip() for f in LEXICON.military_re.finditer(before))


def _force(pattern, kind: str, mention, facts) -> Hit | None:
    """State forces named as a side of the fight: attacked, fighting back, or harmed; not
    the source of the news ("police said") nor sent afterwards ("troops were deployed")."""
    harmed = any(LEXICON.group_category(c.group or "") == "security forces" for c in facts.casualties)
    # a force noun inside a group's name or right after it ("National Resistance Front forces") is the group's
    inside_names = [(h.start - mention.start, h.end - mention.start) for _, h in facts.groups]
    for m in pattern.finditer(mention.text):
        if any(s <= m.start() < e or (e <= m.start() and not mention.text[e : m.start()].strip()) for s, e in inside_names):
            continue  # "Allied Democratic Forces" names a group, not state forces
        if any(MEMBERS_OF.fullmatch(mention.text[m.end() : s]) for s, _ in inside_names if s >= m.end()):
            continue  # "paramilitaries of the Wagner Group" are the group's men
        before, after = mention.text[: m.start()], mention.text[m.end() :]
        if SPEAKING.match(after):
            continue
        if kind == "police" and _personnel_of_military(mention.text, m):
            continue  # "threw stones at National Guard officers": the Guard's men, found as military
        if ACTED_ON.search(before) or ACTING.match(after) or harmed:
            return Hit(kind, mention.start + m.start(), mention.start + m.end(), m.group(0))
    return None


DYING = re.compile("|".join(f"(?:{p})" for p in load_data("counting.json")["kinds"]["killed"]["intransitive"]), re.I)
PASSIVE = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}?(?:was|were|is|are|has been|have been|had been|got|being)\b", re.I)
# "to mourn nine policemen killed in Monday's bombing": a participle told after its noun, then where or how it
# happened, says who suffered it, not who did it
REDUCED_PASSIVE_AFTER = re.compile(r"^\s+(?:in|by|during|when|while|near|after|at(?!\s+(?:least|most)\b))\b", re.I)


def _reduced_passive(mention, trigger: Hit) -> bool:
    return (trigger.text.lower().endswith("ed") and " " not in trigger.text
            and REDUCED_PASSIVE_AFTER.match(mention.text[trigger.end - mention.start :]) is not None)


BRACKETS = re.compile(r"\s*\([^()]*\)")
COORDINATED = re.compile(r"\band\s*$", re.I)
SECOND_VERB_REACH = 16
CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:when|while|as|after|before|because|since|who|which|that)\b", re.I)


# a force noun after a preposition ("the gate of an army barracks", "outside a police station") or before a place noun
# ("army barracks", "police station") names a place the forces hold, not who acted
# (not "of": "members of the armed forces massacred" names who acted)
OBJECT_LEAD = re.compile(r"\b(?:at|on|in|into|through|near|outside|inside|from|to|towards?|against|behind|past)\s+(?:the\s+|an?\s+|its\s+|their\s+)?$", re.I)
FORCE_PLACE_AFTER = re.compile(r"^\s+(?:barracks|bases?|stations?|posts?|camps?|checkpoints?|headquarters|compound|academy|garrison)\b", re.I)


def _subject(before: str, offset: int) -> Hit | None:
    """Who stands as the subject before a trigger: the last armed noun there, an unnamed
    armed group or state forces (not forces that are only the source: "police said")."""
    found = []
    for kind, pattern in (("unidentified", LEXICON.unidentified_re), ("military", LEXICON.military_re), ("police", LEXICON.police_re)):
        for m in pattern.finditer(before):
            rest = before[m.end() :]
            if (kind != "unidentified" and SPEAKING.match(rest)) or PASSIVE.match(rest):
                continue  # the source of the news, or the side that suffered ("an officer was shot")
            if kind == "police" and _personnel_of_military(before, m):
                continue  # "army officers fired": the army's men, found as military
            if kind != "unidentified" and (OBJECT_LEAD.search(before, 0, m.start()) or FORCE_PLACE_AFTER.match(rest)):
                continue  # "rammed a truck through the gate of an army barracks": forces named as a place, not a subject
            # a coder note's brackets are no clause ("near Nara (Nara, Koulikoro) and executed"); a second verb of the
            # same subject may stand further off ("soldiers ... entered the village and executed eight men")
            plain = BRACKETS.sub("", rest)
            if len(plain.split()) > (SECOND_VERB_REACH if COORDINATED.search(plain) else 7) or CLAUSE_BREAK.search(plain):
                continue  # too far from the verb, or in another clause ("…on patrol when the device …")
            if LEXICON.supporting_re.search(before[max(0, m.start() - 40) : m.start()]):
                continue  # "troops supported by Wazalendo fighters regained": the helpers are not the subject
            if kind == "unidentified" and not rest.strip() and not m.group(0).lower().endswith(("s", "men")):
                continue  # "a terrorist attack", "a guerrilla raid": a modifier of the act, not its subject
            found.append(Hit(kind, offset + m.start(), offset + m.end(), m.group(0)))
    return max(found, key=lambda h: h.end, default=None)


TARGET_BEFORE = re.compile(r"\b(?:against|on|targeting|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.I)


LINKED_TO_BEFORE = re.compile(r"\b(?:linked|affiliated|allied|aligned|loyal|close|tied)\s+(?:to|with)\s+(?:the\s+)?$", re.I)


# "The separatists claimed the attack": the definite subject right before the claim's words (its head word)
CLAIM_SUBJECT = re.compile(r"(?:^|\W)(?:the|its)\s+(?P<noun>[\w-]+)\s+(?:(?:later|also|quickly|swiftly|have|has|had)\s+)?$", re.I)


def _claimant_referred(facts, mention, article_text: str | None):
    """A claim whose subject refers back to a group named before ("Ambazonian separatists planted the mine … The
    separatists claimed the attack"; "the group claimed it"): the last armed group named before it, not far back,
    whose name holds the subject's head word (any group for a referring word: actor_groups.json referring)."""
    if not article_text:
        return None
    before = article_text[mention.start : facts.claim.start]
    referring = next((m for m in LEXICON.referring_re.finditer(before) if not before[m.end() :].strip()), None)
    subject = CLAIM_SUBJECT.search(before)
    if referring is None and subject is None:
        return None
    start = mention.start + (referring.start() if referring is not None else subject.start("noun"))
    earlier = [(g, h) for g, h in LEXICON.named_groups_in(article_text[max(0, start - LEXICON.referring_reach) : start], max(0, start - LEXICON.referring_reach))
               if g.inter in (2, 3, 4, 8)]
    if referring is None:
        noun = subject.group("noun").lower()
        earlier = [(g, h) for g, h in earlier if re.search(rf"\b{re.escape(noun)}\b", h.text, re.I)]
    if not earlier:
        return None
    end = mention.start + (referring.end() if referring is not None else subject.end("noun"))
    return earlier[-1][0], Hit("referring", start, end, article_text[start:end])


def _claimant(facts, mention, article_text: str | None = None):
    """The group that claims: the one named last before "claimed responsibility" (its
    subject; "a faction of the Pakistani Taliban, Hafiz Gul Bahadur, claimed …"), else
    the first named after it ("… was claimed by the TTP") unless that one is the claim's target ("the U.S.
    military said it carried out an air strike against al-Shabaab fighters": the army claims, not the group)."""
    before = [g for g in facts.groups if g[1].end <= facts.claim.start]
    # "JNIM, linked to al-Qaeda, claimed the ambush": a group named only as what the claimant is tied to is not it
    told = [g for g in before if not LINKED_TO_BEFORE.search(mention.text[max(0, g[1].start - mention.start - 30) : g[1].start - mention.start])]
    if told or before:
        return (told or before)[-1]
    if not facts.groups:
        return _claimant_referred(facts, mention, article_text)
    first = facts.groups[0]
    if TARGET_BEFORE.search(mention.text[max(0, first[1].start - mention.start - 40) : first[1].start - mention.start]):
        return None
    return first
