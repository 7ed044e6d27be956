"""Tolls: killed, injured, abducted and arrested, summed over groups, with conflicting
reports kept as low/best/high and disputes (ACLED's counting rules, event-record.md).

Within one incident the same figure is often told twice ("four soldiers were killed"
in the lede and again in the fifth paragraph): a repeated figure for a group is one
figure with more support, never added twice. Different figures for one group are
conflicting claims: `best` is the one most reports support (ties: a toll told as risen,
else the lower, the conservative count), `low` the smallest and `high` the largest. A zero told before a
"but" or with "initially" is a corrected claim: it becomes a dispute, not a figure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from strife.extract.counts import LATER_DEATHS, ORDINAL_LATER, PERSON, SELF_KILLED_CATEGORY, SELF_KILLED_WORDS, VAGUE_WORDS, Casualty
from strife.extract.lexicon import LEXICON, load_data
from strife.record import Count, Evidence, GroupCount

# "A nurse at the hospital, however, said seven bodies ...": an aside between a source and its verb
ASIDE = r"(?:,\s*(?:however|though|meanwhile|in turn|for (?:its|his|her|their) part),)?"
ATTRIBUTION = [
    re.compile(r"according to (?:a |an |the )?((?:[\w-]+\s+){0,4}?[\w-]+?)(?:\s+statement)?(?=[,.;]|\s+(?:the|a|an)\s)", re.I),
    re.compile(r",\s*((?:[\w-]+\s+){0,6}?[\w-]+)\s+(?:said|say|says|told|reported|confirmed)\b", re.I),
    re.compile(r"^\W*((?:[\w-]+\s+){0,6}?[\w-]+)" + ASIDE + r"\s+(?:said|say|says|reported|confirmed)\b", re.I),
]
RISEN = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, load_data("counting.json")["toll"]["rise_words"])) + r")(?![\w-])", re.I)
SUPERSEDED = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, load_data("counting.json")["toll"]["superseded_words"])) + r")(?![\w-])", re.I)
OTHER_GROUP = re.compile(r"other\s+\w", re.I)
MEMBERS_OF = re.compile(r"members?\s+of\s", re.I)
# "two more soldiers died of their wounds": deaths told as added to the toll before them (counting.json later_deaths.more)
MORE_GROUP = re.compile(load_data("counting.json")["later_deaths"]["more"], re.I)  # "two other fighters" adds to the figure before it
KILL_CLAIM = re.compile(load_data("counting.json")["kill_claims"]["pattern"], re.I)
KILLERS_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(load_data("counting.json")["kill_claims"]["own_words"]) + r")(?![\w-])", re.I)
FOUND_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(load_data("counting.json")["kill_claims"]["found_words"]) + r")(?![\w-])", re.I)
PRONOUN_SAID = re.compile(r"(?:^|,\s*)(?:it|he|she|they)\s+(?:said|added|says|say)\b", re.I)
_OWN = load_data("counting.json")["own_losses"]
OWN_LOSSES = re.compile(rf"^(?:{_OWN['verbs']})(?![\w-])", re.I)  # "lost five men": the subject's own dead
_COUNTING = load_data("counting.json")
ONE_PERSON_WORDS = frozenset(["a", "an", *_COUNTING["possessive_one"]["determiners"]])  # "a magistrate", "his driver"
ADDITIONAL = frozenset(" ".join(p.lower().split()) for p in _COUNTING["qualifiers"]["additional"]["phrases"])  # "another three"
NOT_SOURCE = re.compile(r"^(?:it|he|she|they|this|that|which|who)$", re.I)


def attribution(sentence: str) -> str | None:
    """Who the sentence says its figures come from ("the military said", "according to police")."""
    for pattern in ATTRIBUTION:
        m = pattern.search(sentence)
        if m and not NOT_SOURCE.match(m.group(1)):
            source = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip(), flags=re.I)
            return source
    return None


def mark_kill_claim(c: Casualty, text: str, sentence_start: int = 0) -> Casualty:
    """The casualty marked as a combatant's claim of the losses it inflicted when its verb
    comes before its victims and a claimant says it did the killing ("the army said it
    killed a dozen rebels"; counting.json kill_claims)."""
    if c.kind == "killed" and not c.negated and KILLERS_WORD.search(c.text):
        return replace(c, kill_claim=True)  # "neutralised": the killers' own word (counting.json kill_claims.own_words)
    if c.kind != "killed" or c.negated or c.quantity.start <= c.start:
        return c  # "two attackers were killed": a passive telling claims no kill
    if (c.group or "").lower().startswith(("its ", "their ")):
        return c  # "killed two of its fighters": the group's own losses
    if OWN_LOSSES.match(c.text):
        return c  # "the army said it lost four men": its own dead, not a kill it claims
    claim = KILL_CLAIM.search(text, max(sentence_start, c.start - 160), c.start)
    if claim and not FOUND_WORD.search(claim.group(0)):
        # "police said they found at least 15 bodies": finders tally the dead, they claim no kill
        return replace(c, kill_claim=True)
    return c


def claims_of(parts, text: str) -> list[tuple[Casualty, str | None, bool, str]]:
    """Every casualty statement of an incident's clauses with who tells it and whether it
    is a claim later corrected ("initially said … without casualties, but …")."""
    items = []
    previous_source = None
    for mention, facts in parts:
        sentence = text[mention.sentence_start : mention.sentence_end]
        source = attribution(sentence)
        if source is None and PRONOUN_SAID.search(sentence):
            source = previous_source  # "..., the Malian army said. Five assailants were killed, it said": the same source
        previous_source = source or previous_source
        cue = mention.cues.get("correction")
        corrected = cue is not None and ("initially" in cue.text.lower() or mention.has("negated"))
        for c in facts.casualties:
            claimant = c.by or source
            if facts.claim is not None and facts.groups and (c.group or "").lower().startswith(("its ", "their ")):
                claimant = facts.groups[0][0].name  # "two of its fighters": the claiming group's own figure
            c = mark_kill_claim(c, text, mention.sentence_start)
            items.append((c, claimant, corrected, mention.text))
    return items


@dataclass
class Figure:
    n: int  # the figure for its group: the casualty's best, plus those it says it adds to
    casualty: Casualty
    claimant: str | None
    clause: str = ""  # the clause that tells it

    @property
    def superseded(self) -> bool:
        """Told as the first figure a later one replaced ("the army initially said 10")."""
        return bool(SUPERSEDED.search(self.clause))

    @property
    def low(self) -> int:
        return self.casualty.quantity.low + self.n - self.casualty.quantity.best

    @property
    def high(self) -> int:
        return self.casualty.quantity.high + self.n - self.casualty.quantity.best


@dataclass
class Toll:
    count: Count | None = None
    by_group: list[GroupCount] = field(default_factory=list)
    disputes: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    bests: dict[str, int] = field(default_factory=dict)  # category -> best figure


def _category(c: Casualty, previous: str | None) -> str:
    group = (c.group or "").strip()
    if re.fullmatch(r"(?:\w+\s+)?others?", group, re.I) and previous:
        return previous
    if group.lower() in SELF_KILLED_WORDS:
        return SELF_KILLED_CATEGORY  # "… and himself": the bomber
    category = LEXICON.group_category(group)
    if category in (None, "people") and OWN_LOSSES.match(c.text):
        return _OWN["category"]  # "the army lost five men": a side's own dead, added to the enemy dead it claims
    if category == "people" and c.kill_claim and MEMBERS_OF.match(group):
        return "attackers"  # "the army said it killed three members of the Gulf Clan": the enemy's fighters, not a total
    if category is None and c.kill_claim and group:
        return group.lower()  # a claimant's named enemy ("Wagner mercenaries") is a group, not a total
    if category is None and group and c.quantity.text.lower() in ONE_PERSON_WORDS and PERSON.search(group):
        # "a magistrate, his driver and a bodyguard": one person named by an article or a possessive is never
        # a total over the others, so a person noun the groups do not know counts as a group of its own, summed
        # ("a U.S. plane was killed", a misread, names no person and stays a bound)
        return group.lower()
    return category or "people"


def _pick(figures: list[Figure]) -> Figure:
    """The figure most clauses support; of equals, a toll told as risen or revised; else,
    told by two named sources, the lower (counting.json toll._tie_doc); else the larger, as
    a story's own tolls are revised upwards."""
    support = defaultdict(int)
    for f in figures:
        support[f.n] += 1
    top = max(support.values())
    tied = [f for f in figures if support[f.n] == top]
    risen = [f for f in tied if RISEN.search(f.casualty.text)]
    if risen:
        return max(risen, key=lambda f: (f.n, f.claimant is not None))
    if len({f.n for f in tied}) > 1 and all(f.claimant for f in tied) and len({_source_key(f.claimant) for f in tied}) > 1:
        # two sources, two totals: the lower (the report's own unattributed figure beside a named
        # source's is not such a pair: taking the lower there cost devset and devset3 figures)
        return min(tied, key=lambda f: f.n)
    return max(tied, key=lambda f: (f.n, f.claimant is not None))  # one telling revised upwards


def tally(kind: str, items: list[tuple[Casualty, str | None, bool, str]], field_name: str) -> Toll:
    """`items`: (casualty, claimant, corrected, clause text) in reading order, for one incident."""
    toll = Toll()
    by_category: dict[str, list[Figure]] = defaultdict(list)
    surface: dict[str, str] = {}
    previous = None
    last: tuple[Figure, str, str] | None = None  # the figure before, its clause and category
    later_deaths: list[tuple[int, Casualty, str | None]] = []  # "two of the wounded had since died", and the group they add to
    told: list[tuple[int, str]] = []  # (reading order, category) of every figure, to see whether one told later counts them
    last_category = None
    for i, (c, claimant, corrected, clause) in enumerate(items):
        if kind == "killed" and c.kind == kind and _later_death(c):
            later_deaths.append((i, c, last_category))
            toll.evidence.append(Evidence(field=field_name, start=c.start, end=c.end, quote=c.text))
            continue
        category = _category(c, previous)
        if c.kind == kind and not c.negated:
            told.append((i, category))
            last_category = category
        previous = category
        if c.kind != kind:
            continue
        if corrected and c.quantity.best == 0:
            toll.disputes.append(clause.strip().rstrip(",;"))
            toll.evidence.append(Evidence(field="disputes", start=c.start, end=c.end, quote=c.text))
            continue
        n = c.quantity.best
        start, quote = c.start, c.text
        if last is not None and last[1] == clause and OTHER_GROUP.match(c.group or "") and n > 0:
            # "killed a commander and two other fighters": three fighters in all (the commander is in them)
            n += last[0].n
            if last[0] in by_category[last[2]]:
                by_category[last[2]].remove(last[0])
                if not by_category[last[2]]:
                    del by_category[last[2]]
        elif (last is not None and last[1] == clause and last[2] == category and _source_key(last[0].claimant) == _source_key(claimant)
              and n > 0 and last[0].n > 0 and _names(c) != _names(last[0].casualty)):
            # one telling lists its dead: "the bodies of a woman and her two children, and
            # that three farm workers were killed" is six civilians, not claims of 3 and 3
            by_category[category].remove(last[0])
            n += last[0].n
            if toll.evidence and toll.evidence[-1].field == field_name and toll.evidence[-1].start <= c.start:
                # one quote for the whole list, so that a reader of the quotes sums it as well
                listed = toll.evidence.pop()
                start, quote = listed.start, f"{listed.quote} … {c.text}"  # the caller quotes the article's span
        figure = Figure(n, c, claimant, clause)
        by_category[category].append(figure)
        last = (figure, clause, category)
        surface.setdefault(category, (c.group or category).strip())
        toll.evidence.append(Evidence(field=field_name, start=start, end=c.end, quote=quote))
    # the wounded who died later add to the toll told before them; a figure told after them
    # ("..., bringing the toll to 20"), or a toll told as risen ("has risen to 11 ... Four of the wounded died"), already counts them
    risen = any(RISEN.search(c.text) for c, *_ in items if c.kind == kind and not _later_death(c))
    added_later = 0 if risen else sum(c.quantity.best for i, c, group in later_deaths if not _counted_after(i, group, told))
    if not by_category:
        if added_later:
            toll.count = Count(low=added_later, best=added_later, high=added_later)
        return toll
    by_category = _split_by_nationality(by_category)
    lows, bests, highs = {}, {}, {}
    for category in list(by_category):
        by_category[category] = _without_vaguer_tellings(by_category[category])
    for category, figures in by_category.items():
        highs[category] = max(max(f.high, f.n) for f in figures)
        told = [f for f in figures if not f.casualty.kill_claim]
        if any(f.superseded for f in told) and not all(f.superseded for f in told):
            told = [f for f in told if not f.superseded]  # the later telling replaces the first; the first stays in high
        if not told:
            # only the killers' word for these losses: out of low, into best (devset README).
            # Two claimants each tell of the other side's dead ("the army killed a dozen
            # rebels", "the rebels killed several mercenaries"): their claims add up.
            by_claimant: dict[str | None, list[Figure]] = defaultdict(list)
            for f in figures:
                by_claimant[f.claimant].append(f)
            picks = [_pick(fs) for fs in by_claimant.values()]
            chosen = max(picks, key=lambda f: f.n)
            lows[category], bests[category] = 0, sum(f.n for f in picks)
            highs[category] = max(highs[category], sum(max(max(f.high, f.n) for f in fs) for fs in by_claimant.values()))
        else:
            # anyone else's figure for the group, a confirmation or the other side's own
            # count, outweighs the killers' claim; the claim stays in high
            chosen = _pick(told)
            lows[category] = min(min(f.low, f.n) for f in _claims_against(chosen, told))
            if _risen_above(chosen, told):
                lows[category] = chosen.low  # "the toll rose to 11": the figures before it are the toll before it rose
            bests[category] = chosen.n
        distinct = sorted({f.n for f in figures})
        if len(distinct) > 1:
            claims = "; ".join(
                f"{f.n} per {f.claimant or 'the report'}" for f in _distinct_claims(figures)
            )
            toll.disputes.append(f"{kind} {category}: {claims}")
        if category != "people" and chosen.n > 0:
            claimed = chosen.claimant if len(distinct) > 1 else None
            name = category if category != "attackers" else _head(surface[category])
            toll.by_group.append(GroupCount(group=name, n=chosen.n, claimed_by=claimed))
        if category not in ("attackers",):
            named = next((f.casualty for f in figures if f.casualty.group), None)
            if named is not None:  # a bare number ("injuring 4") names no one
                toll.victims.append(_victim_phrase(named))
    accounts = _rival_accounts(by_category)
    if accounts is not None:
        # two sides' whole accounts: the lower sum, not one side's figure for one group beside
        # the other side's for another (counting.json toll.rival_accounts)
        totals = sorted(accounts, key=lambda a: (a[0], a[1]))
        chosen_total, chosen_low, chosen_bests, _ = totals[0]
        toll.disputes.append(f"{kind}: " + "; ".join(f"{t} in all per {source}" for t, _, _, source in totals))
        toll.bests = _by_base_category(chosen_bests)
        toll.count = Count(low=min(chosen_low, chosen_total) + added_later, best=chosen_total + added_later,
                           high=max(t for t, *_ in totals) + added_later)
        return toll
    toll.bests = _by_base_category(bests)
    specific = [c for c in bests if c != "people"]
    low = sum(lows[c] for c in specific)
    best = sum(bests[c] for c in specific)
    high = sum(highs[c] for c in specific)
    if "people" in bests and specific and bests["people"] == 0 and any(bests[c] for c in specific):
        # "no one else was hurt", "no casualties were reported there": a zero beside a
        # group's dead speaks of someone else, never the event's total
        del bests["people"]
    if "people" in bests and specific and all(f.casualty.kill_claim for f in by_category["people"]):
        # 'the group said its fighters killed "more than twenty"' beside the victims' own
        # figures: the killers' word names no group to add to, so it only widens high
        high = max(high, highs["people"])
        toll.disputes.append(f"{kind}: {bests['people']} per {_sources({f.claimant for f in by_category['people']})} (its claim of kills)")
        del bests["people"]
    if "people" in bests and specific:
        # "people" is a total over unnamed groups: it bounds the groups, it is not added.
        # Told by another source than the groups' figures, it is a conflicting claim.
        people_sources = {f.claimant for f in by_category["people"]}
        group_sources = {f.claimant for c in specific for f in by_category[c]}
        low = min(low, lows["people"]) if people_sources != group_sources else max(low, lows["people"])
        people_total = _pick([f for f in by_category["people"] if not f.casualty.kill_claim] or by_category["people"])
        people_risen = _risen_above(people_total, [f for c in specific for f in by_category[c] if not f.casualty.kill_claim])
        if people_risen:
            low = max(low, lows["people"])  # "..., bringing the toll to nine": the groups told before are in it
        rival_totals = (None not in people_sources and None not in group_sources
                        and not {_source_key(c) for c in people_sources} & {_source_key(c) for c in group_sources})
        # two named sources, two totals ("state media said 14 soldiers were killed; the
        # observatory put the toll at 21"): the lower, as two totals from two sides are coded
        best = min(best, bests["people"]) if rival_totals and not people_risen else max(best, bests["people"])
        high = max(high, highs["people"])
        claimed_only = [c for c in specific if all(f.casualty.kill_claim for f in by_category[c])]
        if people_risen and claimed_only and sum(bests[c] for c in specific if c not in claimed_only) <= bests["people"]:
            # "... bringing the military's losses to nine" beside "the army said it killed five rebels": the risen
            # toll replaces the side's own dead told before it, and the enemy dead it claims add to it (low 9, best 14)
            best = bests["people"] + sum(bests[c] for c in claimed_only)
            high = max(high, highs["people"] + sum(highs[c] for c in claimed_only))
        if people_sources != group_sources and bests["people"] != sum(bests[c] for c in specific):
            toll.disputes.append(f"{kind}: {bests['people']} in all per {_sources(people_sources)}; "
                                 f"{sum(bests[c] for c in specific)} per {_sources(group_sources)}")
    elif "people" in bests:
        low, best, high = lows["people"], bests["people"], highs["people"]
    low, best, high = low + added_later, best + added_later, high + added_later
    toll.count = Count(low=min(low, best), best=best, high=max(high, best))
    return toll


def _nationality(f: Figure) -> str | None:
    """The state a figure's group is named of by its first word ("two Kyrgyz guards", "one Tajik guard")."""
    from strife.extract.states import STATES

    words = re.sub(r"^(?:the|all|its|their)\s+", "", (f.casualty.group or "").strip(), flags=re.I).split()
    return STATES.iso2(words[0]) if words and words[0][:1].isupper() and STATES.is_demonym(words[0]) else None


def _split_by_nationality(by_category: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """ "two Kyrgyz guards dead ... one Tajik guard was killed": each side's own dead, told of two nationalities,
    are two groups summed, not two claims of one group's toll. Only when every figure of the group names its
    nationality: "two Israeli soldiers" beside "the two soldiers" is one group told twice."""
    out: dict[str, list[Figure]] = {}
    for category, figures in by_category.items():
        nations = [_nationality(f) for f in figures]
        if category != "people" and None not in nations and len(set(nations)) > 1:
            for f, iso2 in zip(figures, nations):
                out.setdefault(f"{category} ({iso2})", []).append(f)
        else:
            out[category] = figures
    return out


def _by_base_category(bests: dict[str, int]) -> dict[str, int]:
    """The groups split by nationality summed back into the category the classifier reads ("security forces")."""
    out: dict[str, int] = {}
    for category, n in bests.items():
        base = re.sub(r" \([A-Z]{2}\)$", "", category)
        out[base] = out.get(base, 0) + n
    return out


RIVAL_MIN_CATEGORIES = _COUNTING["toll"]["rival_accounts"]["min_categories"]


def _rival_accounts(by_category: dict[str, list[Figure]]) -> list[tuple[int, int, dict[str, int], str]] | None:
    """(total, total without kill claims, figure by group, source) of each named source that gives a figure for
    every group the dead are told in, when two or more do (counting.json toll.rival_accounts); else None."""
    if "people" in by_category or len(by_category) < RIVAL_MIN_CATEGORIES:
        return None  # a total over unnamed groups is a bound, read by the rules below
    by_source: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for category, figures in by_category.items():
        for f in figures:
            if f.claimant and not f.superseded:
                key = _source_key(f.claimant)
                by_source[key][category].append(f)
                names.setdefault(key, f.claimant)
    whole = {key: groups for key, groups in by_source.items() if set(groups) == set(by_category)}
    if len(whole) < 2:
        return None
    accounts = []
    for key, groups in whole.items():
        picks = {category: _pick(figures) for category, figures in groups.items()}
        total = sum(f.n for f in picks.values())
        confirmed = sum(f.n for f in picks.values() if not f.casualty.kill_claim)
        accounts.append((total, confirmed, {c: f.n for c, f in picks.items()}, names[key]))
    if len({a[0] for a in accounts}) < 2:
        return None  # the sides agree: nothing to choose between
    return accounts


def _later_death(c: Casualty) -> bool:
    """ "two of the wounded had since died", "a third died in hospital", "two more soldiers died", "another three
    soldiers were killed": deaths added to the toll told before."""
    group = c.group or ""
    return bool(LATER_DEATHS.match(group) or ORDINAL_LATER.fullmatch(group) or MORE_GROUP.match(group)
                or (c.quantity.qualifier or "").lower() in ADDITIONAL)


def _counted_after(at: int, group: str | None, told: list[tuple[int, str]]) -> bool:
    """Whether a figure told after the later deaths already counts them: a total ("bringing the toll to 20",
    "12 people were killed in all") or a new figure for the group they add to. The enemy's dead claimed after
    "two of the wounded later died" (another group) do not."""
    return any(i > at and (category == "people" or category == group or group is None) for i, category in told)


def _risen_above(chosen: Figure, figures: list[Figure]) -> bool:
    """The chosen figure is a toll told as risen and no smaller than any other: the others are the toll before it
    rose, not a second source's conflicting count, so they do not set low."""
    return bool(RISEN.search(chosen.casualty.text)) and all(f.n <= chosen.n for f in figures)


def _claims_against(chosen: Figure, figures: list[Figure]) -> list[Figure]:
    """The figures that set `low` beside the chosen one: another named source's. A smaller
    figure told by no one, or by the chosen figure's own source, is a part of the toll
    ("the bodies of a woman ...", then "six civilians in all") or the toll before it rose,
    not a conflicting claim."""
    return [chosen] + [f for f in figures if f.claimant and _source_key(f.claimant) != _source_key(chosen.claimant)]


def _source_key(claimant: str | None) -> str | None:
    """ "Rescuers" and "rescuers" are one source."""
    return " ".join(claimant.lower().split()) if claimant else None


def _names(c: Casualty) -> str:
    return " ".join((c.group or "").lower().split())


def _is_vague(f: Figure) -> bool:
    return f.casualty.quantity.qualifier in VAGUE_WORDS


def _without_vaguer_tellings(figures: list[Figure]) -> list[Figure]:
    """ "Dozens were killed" beside "at least 40 were killed" is the same toll told
    vaguely, not a claim of 12: a vague figure at or below a number told for the
    group does not conflict with it (a vague figure above every number still does)."""
    numbered = [f.n for f in figures if not _is_vague(f) and f.n > 0]
    if not numbered:
        return figures
    return [f for f in figures if not (_is_vague(f) and f.n <= max(numbered))]


def _distinct_claims(figures: list[Figure]) -> list[Figure]:
    """One line a figure, credited to whoever the report names for it."""
    by_n: dict[int, Figure] = {}
    for f in figures:
        if f.n not in by_n or (by_n[f.n].claimant is None and f.claimant is not None):
            by_n[f.n] = f
    return list(by_n.values())


def _head(group: str) -> str:
    words = re.sub(r"^(?:its|their|the|of)\s+", "", group, flags=re.I).split()
    return words[-1] if words else group


def _victim_phrase(c: Casualty) -> str:
    q = c.quantity
    if c.group_end is not None and c.group_end > q.start and c.group_start is not None and c.group_start >= q.end - 1:
        start = q.start - c.start
        end = c.group_end - c.start
        if 0 <= start < end <= len(c.text):
            return c.text[start:end]
    return f"{q.text} {c.group or ''}".strip()


def _sources(claimants: set[str | None]) -> str:
    named = sorted(c for c in claimants if c)
    return " and ".join(named) if named else "the report"


CODED = re.compile(r"(?<![\w-])(?:" + "|".join(load_data("counting.json")["coded"]["patterns"]) + r")\s+(?P<n>[\w,-]+(?:\s+[\w-]+)?)", re.I)


def coded_figure(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(figure, start, end) of a coder's stated fatality figure between `start` and `end`
    ("Fatalities coded as 12"; counting.json coded), or None."""
    from strife.extract.counts import parse_quantity

    for m in CODED.finditer(text, start, end):
        words = m.group("n").rstrip(",.;:")
        for phrase in (words, words.split()[0].rstrip(",.;:")):
            q = parse_quantity(phrase)
            if q is not None:
                return q[1], m.start(), m.start("n") + len(phrase)
    return None
