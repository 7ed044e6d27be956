"""Event type and sub-event type (ACLED's 6 types, 25 sub-types) from what an incident's
mentions say happened, who did it and to whom.

The rules follow ACLED's codebook, in its order of precedence: the means decide first
(a lone suicide bombing is a Suicide bomb, a device left behind an IED), two armed
sides fighting make a Battle, armed violence against unarmed people is Violence against
civilians, and demonstrations are Protests or Riots by how they went.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.extract.lexicon import Hit, load_data

TAXONOMY = load_data("taxonomy.json")
DISORDER = {t["event_type"]: t["disorder_type"] for t in TAXONOMY["types"]}
DISORDER_BY_SUB = TAXONOMY["disorder_by_sub_event"]
ONE_SIDED = frozenset(TAXONOMY["one_sided_sub_event_types"])  # coded with actor1 only


@dataclass(frozen=True)
class Coding:
    event_type: str
    sub_event_type: str
    why: str  # the signal that decided, for the evidence
    trigger: Hit | None

    @property
    def disorder_type(self) -> str:
        return DISORDER_BY_SUB.get(self.sub_event_type, DISORDER[self.event_type])


def classify(
    signals: dict[str, Hit],
    actor1_inter: int | None,
    actor2_inter: int | None,
    killed: dict[str, int],
    state_acting: bool,
    demonstration: bool | None = None,
    armed_target: bool = False,
    abducted: int | None = None,
    state_target: bool = False,
) -> Coding | None:
    """`signals` maps each signal the incident carries to its first trigger span;
    `killed` maps casualty categories to counts; `armed_target` says the incident's
    attack was on a place armed forces hold (a checkpoint, a base, a patrol); `abducted` is the
    incident's count of people carried off, if told; `state_target` says a crowd in it fell on a place the
    state's forces hold (a police station)."""

    def code(event_type: str, sub: str, signal: str) -> Coding:
        return Coding(event_type, sub, signal, signals.get(signal))

    has = signals.__contains__

    def first_of(table: str) -> Coding | None:
        for signal, event_type, sub_event_type in TAXONOMY[table]:
            if has(signal):
                return code(event_type, sub_event_type, signal)
        return None

    armed_sides = actor2_inter in (1, 2, 3, 4, 8) and actor1_inter in (1, 2, 3, 4, 8)
    forces_harmed = killed.get("security forces", 0) > 0 or actor2_inter == 1
    demonstrators = has("protest") or has("riot")
    armed_violence = any(has(s) for s in ("air", "suicide", "shelling", "explosion", "grenade", "chemical", "clash"))

    if demonstration is None:
        demonstration = demonstrators and not armed_violence
    remote = any(has(s) for s in ("air", "suicide", "shelling", "explosion", "grenade", "chemical"))
    armed_harmed = killed.get("security forces", 0) + killed.get("attackers", 0) > 0
    if demonstration:
        if has("mob"):
            # a crowd that attacks people or homes is a mob even when a protest set it off
            return code("Riots", "Mob violence", "mob")
        if has("riot"):
            if actor2_inter in (5, 7) and not has("protest") and not state_target:
                # a crowd that protests nothing and falls on people or their shops (looters, a xenophobic
                # crowd) or on another crowd (two factions' supporters) is a mob, not a demonstration
                # turned violent (ACLED); one that burns a police station is still rising against the state
                return code("Riots", "Mob violence", "riot")
            return code("Riots", "Violent demonstration", "riot")
        if has("lethal_force"):
            return code("Protests", "Excessive force against protesters", "lethal_force")
        if has("intervention") or has("arrest"):
            # anyone but the forces who broke it up ("a cooperative miner died when police fired tear gas")
            if any(n for group, n in killed.items() if group != "security forces") and not has("riot"):
                return code("Protests", "Excessive force against protesters", "intervention")
            return code("Protests", "Protest with intervention", "intervention" if has("intervention") else "arrest")
        if any(killed.values()):
            # deaths at an unarmed demonstration are at the hands of those who broke it up
            return code("Protests", "Excessive force against protesters", "protest")
        return code("Protests", "Peaceful protest", "protest")
    if has("mob") and not (has("clash") and armed_sides):
        # a crowd attacking people; "vigilantes and bandits fought a gun battle" is two armed sides
        return code("Riots", "Mob violence", "mob")
    if has("discovery") and not remote and not has("clash") and not has("arrest"):
        # a mass grave found: the killings were earlier, the find is the development (ACLED's Other)
        return code("Strategic developments", "Other", "discovery")
    if has("disrupted") and not remote and not any(killed.values()) and not has("arrest") and not has("clash"):
        # a missile shot down or a bomb defused (its words masked as means in triggers.json),
        # with no one killed and nothing else fired or exploding, is a weapon's use
        # disrupted, not the attack it would have been (ACLED)
        return code("Strategic developments", "Disrupted weapons use", "disrupted")
    if has("transfer") and not has("clash") and not any(killed.values()):
        # "took control after government forces withdrew without a fight"
        return code("Strategic developments", "Non-violent transfer of territory", "transfer")
    if has("chemical"):
        return code("Explosions/Remote violence", "Chemical weapon", "chemical")
    # a "missile strike" is a missile attack, not an air strike
    if has("air") or (has("strike_noun") and state_acting and not has("clash") and not has("shelling")):
        return code("Explosions/Remote violence", "Air/drone strike", "air" if has("air") else "strike_noun")
    # shells or bombs that kill only civilians are remote violence, even amid fighting; at a base or a
    # post that was stormed and held ("gunmen stormed an army camp and a suicide car bomb exploded at its
    # gate; soldiers fought back"), the dead the report does not sort are a battle's
    clash_counts = not (remote and not armed_harmed and killed and not armed_target)
    if has("clash") and clash_counts and (has("attack") or has("suicide") or has("explosion") or has("kill") or armed_sides):
        # a complex attack that security forces fight back is a battle (coding-guide.md)
        if has("regain"):
            return code("Battles", "Government regains territory", "regain")
        if has("overtake"):
            return code("Battles", "Non-state actor overtakes territory", "overtake")
        return code("Battles", "Armed clash", "clash")
    if (found := first_of("means_precedence")) is not None:
        return found
    if has("clash") and clash_counts:
        return code("Battles", "Armed clash", "clash")
    civilians_killed = killed.get("civilians", 0) + killed.get("people", 0)
    if has("abduction") and (has("kill") or has("attack")) and civilians_killed > 0 and civilians_killed >= (abducted or 0):
        # seven shot dead and three carried off in one raid: the killing is the main act, the
        # abducted its count; twenty kidnapped and one shot while fleeing stays an abduction
        return code("Violence against civilians", "Attack", "kill" if has("kill") else "attack")
    if (found := first_of("violence_precedence")) is not None:
        return found
    if has("arrest") and not any(killed.values()) and not remote:
        # a raid that ends in detentions and harms no one is an arrest operation
        return code("Strategic developments", "Arrests", "arrest")
    if (has("arson") or has("looting") or has("destruction")) and killed and not any(killed.values()) and not (armed_sides or armed_target):
        # buildings burnt and no one hurt, the report says: property destruction
        return code("Strategic developments", "Looting/property destruction", next(s for s in ("arson", "looting", "destruction") if has(s)))
    if has("attack") or has("kill"):
        signal = "attack" if has("attack") else "kill"
        if forces_harmed or armed_sides or armed_target:
            return code("Battles", "Armed clash", signal)
        return code("Violence against civilians", "Attack", signal)
    return first_of("development_precedence")
