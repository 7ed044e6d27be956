"""The MUC-4 role-filler evaluation (GRIT 2021, GTT 2021), and how strife's events fill it.

Three parts, one job each:
- the scorer, exactly as shared/data/muc4/README.md states it: fills and gold mentions
  are normalised (lower case, no punctuation, no articles a/an/the, single spaces); a fill
  matches an entity when it equals one of its mentions; per document and role, fills and
  entities are paired one-to-one to maximise matches; precision = matches / fills,
  recall = matches / entities, micro-averaged over roles and documents;
- the adapter from strife's events to MUC role fills (`role_fills`), counting only the
  events MUC would template (`muc_type`);
- the template agreement figures: incident type, date, location and fatalities.

Role gold comes from roles_*.jsonl; the texts and templates from dev.jsonl (the documents
whose docid is in the roles file).
"""

from __future__ import annotations

import json
import re
import string
import time
from dataclasses import dataclass, field
from pathlib import Path

from strife.extract.lexicon import LEXICON, load_data
from strife.extract.roles import CONFIG as ROLE_CONFIG, EVIDENCE_FIELD, is_tagged, rules_only, same_entity
from strife.ingest.article import Article
from strife.record import Event, Evidence
from strife.truecase import MAX_NAME_WORDS, person_name_spans

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MUC_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")
_CONVENTIONS = load_data("muc4.json")
MUC_MODES = frozenset(_CONVENTIONS["modes"]["modes"])

TAGGED_FIELDS = {field: role for role, field in EVIDENCE_FIELD.items()}  # evidence field -> MUC role
ROLE_COMBINE = ROLE_CONFIG["combine"]
_PUNCT = str.maketrans({c: " " for c in string.punctuation})
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


# -- the scorer --------------------------------------------------------------------------
def normalise(text: str) -> str:
    """Lower case, punctuation and the articles a/an/the removed, spaces collapsed.

    Punctuation becomes a space, as in the SQuAD-style normaliser GRIT's scorer uses
    ("m-16" -> "m 16"); gold and fills go through the same function."""
    text = text.lower().translate(_PUNCT)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def pair(fills: list[str], entities: list[list[str]]) -> int:
    """The largest number of one-to-one (fill, entity) pairs where the fill equals one of
    the entity's mentions, after normalisation. Fills that normalise alike count once.

    Maximum bipartite matching by augmenting paths (Kuhn): a few fills and entities per
    document and role, so this is instant, and it spares a dependency on scipy."""
    fill_keys = list(dict.fromkeys(k for k in (normalise(f) for f in fills) if k))
    entity_keys = [{normalise(m) for m in e} for e in entities]
    owner: dict[int, int] = {}  # entity index -> fill index

    def augment(i: int, seen: set[int]) -> bool:
        for j, mentions in enumerate(entity_keys):
            if j in seen or fill_keys[i] not in mentions:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(fill_keys)))


def distinct_fills(fills: list[str]) -> list[str]:
    """The fills as the scorer counts them: one per normalised form, empty ones dropped."""
    out, seen = [], set()
    for f in fills:
        key = normalise(f)
        if key and key not in seen:
            seen.add(key)
            out.append(f)
    return out


@dataclass
class Tally:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "matched": self.matched, "predicted": self.predicted, "gold": self.gold,
        }


def score_document(predicted: dict[str, list[str]], gold: dict[str, list[list[str]]]) -> dict[str, Tally]:
    out = {}
    for role in ROLES:
        fills = distinct_fills(predicted.get(role, []))
        entities = gold.get(role, [])
        out[role] = Tally(pair(fills, entities), len(fills), len(entities))
    return out


# -- the adapter: strife's events -> MUC incident types and role fills -------------------
def muc_type(event: Event) -> str | None:
    """The MUC-4 incident type of a strife event, or None when MUC would not template it.

    MUC-4 keys terrorist incidents only: attacks, bombings, kidnappings, arson, robbery and
    forced work stoppages. So: an abduction is a KIDNAPPING; an explosive device, a
    suicide bomb or a grenade a BOMBING; an attack on civilians an ATTACK; burning and
    robbery by their trigger words. Fighting between armed forces (Battles), state
    shelling and air strikes, arrests, protests and riots are military or political
    events that MUC's coders left out; a battle the insurgents began against a target
    that is not a military unit is kept as an ATTACK (conventions in data/muc4.json)."""
    conv = _CONVENTIONS["types"]
    sub, kind = event.sub_event_type or "", event.event_type or ""
    trigger = next((e.quote or "" for e in event.evidence if e.field == "event_type"), "").lower()
    if sub in conv["by_sub_event"]:
        mapped = conv["by_sub_event"][sub]
        state_acted = event.actor1 is not None and event.actor1.inter in (1, 8)
        if mapped and sub in conv["state_excluded_sub_events"] and state_acted:
            return None
        if mapped:
            return mapped
    if sub in conv["by_trigger_sub_events"]:
        for word, mapped in conv["by_trigger"].items():
            if re.search(word, trigger):
                return mapped
        return None
    if kind == "Battles" and event.actor1 is not None and event.actor1.inter not in (1, 8):
        if event.targets or event.victims:
            return "ATTACK"
    return None


_STATE_INSTITUTION = re.compile(_CONVENTIONS["fills"]["state_institution"], re.I)
_GENERIC_VICTIM = re.compile(_CONVENTIONS["fills"]["generic_victims"], re.I)
_MILITARY_TARGET = re.compile(_CONVENTIONS["fills"]["military_targets"], re.I)
_NOT_INSTRUMENT = re.compile(_CONVENTIONS["fills"]["not_instruments"], re.I)
_NUMBER_WORDS = re.compile(_CONVENTIONS["fills"]["leading_quantity"], re.I)
_DETERMINERS = re.compile(_CONVENTIONS["fills"]["leading_determiner"], re.I)
COUNTED_ROLES = frozenset(_CONVENTIONS["fills"]["counted_roles"])
_SETTLE = _CONVENTIONS["settle"]
# the roles whose settled fills keep a leading number: the bared ones' and the organisations ('19 APRIL MOVEMENT')
_SETTLED_COUNTED = COUNTED_ROLES | frozenset(_SETTLE["counted_roles"])


def bare(phrase: str, keep_count: bool = False) -> str:
    """A phrase as MUC's coders mark it: the noun phrase without a leading determiner or
    quantity ("the three peasants" -> "peasants"), on one line. `keep_count`: the count
    stays ("the two individuals" -> "two individuals"), as the keys write the roles in
    COUNTED_ROLES."""
    phrase = " ".join(phrase.split())
    for _ in range(3):
        stripped = _DETERMINERS.sub("", phrase if keep_count else _NUMBER_WORDS.sub("", phrase))
        if stripped == phrase:
            break
        phrase = stripped
    return phrase.strip(" ,.;:")


def role_fills(events: list[Event], combine: dict[str, str] | None = None,
               document_roles: list[Evidence] = (), text: str | None = None) -> dict[str, list[str]]:
    """MUC role fills of a document's events, united over the document (the evaluation
    is per document, not per incident).

    Two sources: the rules' fills, read from the events MUC would template (`muc_type`),
    and the role tagger's spans (extract.roles), read from any event: the tagger learnt
    from MUC's keys which reports' roles they key. `combine[role]` (data/roles.json, chosen
    by cross-validation on the training documents) says which source a role takes:
    "union", "rules", "tagger", or "fallback" (the rules', else the tagger's).
    `document_roles`: the tagger's evidence no event took (pipeline.Extraction.roles, for
    a report where no event happened), read as tagger fills of the document."""
    combine = combine or ROLE_COMBINE
    rules = _rule_fills([rules_only(e) for e in events])
    tagged: dict[str, list[str]] = {r: [] for r in ROLES}
    groups = [h for _, h in LEXICON.named_groups_in(text)] if text else []
    for ev in [ev for event in events for ev in event.evidence] + list(document_roles):
        if is_tagged(ev) and ev.quote and ev.field in TAGGED_FIELDS:
            role = TAGGED_FIELDS[ev.field]
            tagged[role].append(widen(ev, role, text, groups) if text else ev.quote)
    # the agents the text names for an incident ("killed by uniformed individuals"), in a
    # report that has one: a tagged fill, or an event MUC templates
    if text and (any(tagged.values()) or any(muc_type(e) for e in events)):
        for phrase in agent_phrases(text):
            if not any(same_entity(bare(phrase, True), bare(f, True)) for f in tagged["PerpInd"]):
                tagged["PerpInd"].append(phrase)
    return settle_fills(combine_fills(rules, tagged, combine, _SETTLED_COUNTED), text)


_AGENTS = _CONVENTIONS["agents"]
_AGENT_BY = re.compile(rf"\b{_AGENTS['incident_verbs']}\b(?:\s+[\w,'\-\[\]]+){{0,{_AGENTS['max_between']}}}?\s+by\s+", re.I)
_HEADS = "(?:" + "|".join(sorted(_AGENTS["heads"], key=len, reverse=True)) + ")"
_AGENT_PHRASE = re.compile(
    rf"((?:{_AGENTS['quantifiers']}\s+){{0,3}}(?:[a-z][\w'\-]*\s+){{0,{_AGENTS['max_modifiers']}}}?{_HEADS}(?:\s+{_HEADS})*)\b"
    r"(?!\s+(?:of|from)\b)", re.I)
_HEDGES = re.compile(_AGENTS["hedges"], re.I)
_NOT_AGENTS = re.compile(_AGENTS["not_agents"], re.I)


def agent_phrases(text: str) -> list[str]:
    """The perpetrators a text names as the agent of an incident verb, on one line and
    without hedges ("MURDERED ... BY ALLEGED URBAN GUERRILLAS" -> "URBAN GUERRILLAS"), as
    the conventions' agents say (data/muc4.json): a phrase of quantifiers, a few modifiers
    and perpetrator nouns right after the "by" of an incident verb."""
    out = []
    for m in _AGENT_BY.finditer(text):
        phrase = _AGENT_PHRASE.match(text, m.end())
        if phrase is None:
            continue
        found = _HEDGES.sub("", " ".join(phrase.group(1).split()))
        if found and not _NOT_AGENTS.fullmatch(found):
            out.append(found)
    return list(dict.fromkeys(out))


_BARE_MEMBERS = re.compile(_SETTLE["bare_members"], re.I)
_MEMBERS_OF = re.compile(_SETTLE["members_of"], re.I)


def widen(evidence: Evidence, role: str, text: str, groups: list = ()) -> str:
    """A tagged span read in its text, where the tagger cut it short of what the keys
    write: a PerpOrg span inside a known group's name is that name ("ARMY" of "ARMY OF
    NATIONAL LIBERATION"); a perpetrator that is bare "members" is the members of whom the
    text says ("MEMBERS OF THE POLICE DEPARTMENT", settle.members_of). `groups`: the text's
    named-group hits (LEXICON.named_groups_in)."""
    start, end, quote = evidence.start, evidence.end, evidence.quote
    if start is None or end is None or text[start:end] != quote:
        return quote
    if role == "PerpOrg":
        hit = next((h for h in groups if h.start <= start and end <= h.end), None)
        return text[hit.start : hit.end] if hit else quote
    if role == "PerpInd" and _BARE_MEMBERS.fullmatch(quote):
        m = _MEMBERS_OF.match(text, end)
        return quote + m.group(0) if m else quote
    return quote


def rule_fills(events: list[Event]) -> dict[str, list[str]]:
    """The rules' MUC fills of a document's events (those MUC templates), cleaned as
    role_fills cleans them: what the role tagger's second stage reads as a feature."""
    return combine_fills(_rule_fills([rules_only(e) for e in events if e.mode in MUC_MODES]), {r: [] for r in ROLES},
                         {r: "rules" for r in ROLES})


def combine_fills(rules: dict[str, list[str]], tagged: dict[str, list[str]], combine: dict[str, str],
                  counted: frozenset[str] = COUNTED_ROLES) -> dict[str, list[str]]:
    """Per role, the rules' fills, the tagger's, or both, as `combine` says (role_fills);
    `counted`: the roles whose fills keep a leading number (clean_fills)."""
    fills = {}
    for role in ROLES:
        mode = combine.get(role, "union")
        if mode == "union":
            fills[role] = rules[role] + tagged[role]
        elif mode == "tagger":
            fills[role] = tagged[role]
        elif mode == "fallback":
            fills[role] = rules[role] or tagged[role]
        else:
            fills[role] = rules[role]
    fills["PerpOrg"] = _one_per_group(fills["PerpOrg"])
    return clean_fills(fills, counted)


_TRAILING_WORDS = re.compile(_SETTLE["trailing_words"], re.I)
_LEADING_MODIFIERS = re.compile(_SETTLE["leading_modifiers"], re.I)


def trim(fill: str, role: str) -> str:
    """A fill bounded as the keys bound it: no hedge or label before the noun phrase
    ("so-called", "approximately"), no preposition or conjunction left dangling at its
    end ("group of terrorists from" -> "group of terrorists"), then bared (`bare`)."""
    fill = original = " ".join(fill.split())
    for _ in range(3):
        cut = _TRAILING_WORDS.sub("", _LEADING_MODIFIERS.sub("", fill)).rstrip(" ,.;:")
        if cut == fill:
            break
        fill = cut
    return fill if fill == original else bare(fill, keep_count=role in _SETTLED_COUNTED)


_NOT_NAME_WORDS = frozenset(_SETTLE["not_name_words"])


def person_names(text: str) -> list[tuple[str, bool]]:
    """The people's names a text writes, lower case, without titles ("colonel rene emilio
    ponce" -> "rene emilio ponce"), as truecase finds them in wire text, each with whether
    its end is sure. truecase, with no dictionary, takes any word for a surname that is
    not a function word or an -ed/-ing/-ly form: a run is cut before a word of
    settle.not_name_words ("amando lopez wrote" -> "amando lopez"), and its end is sure when
    punctuation follows, the text writes it twice, or it stopped short of truecase's
    longest name (the next word is no surname: "federico estrada velez was"); else only
    its start is."""
    lowered = text.lower()
    runs, run, last = [], [], None
    for start, end in person_name_spans(lowered) + [(-1, -1)]:
        if run and (start < 0 or lowered[last:start].strip()):
            words = [lowered[a:b] for a, b in run]
            cut = next((k for k, w in enumerate(words) if w in _NOT_NAME_WORDS), None)
            after = lowered[last:].lstrip()
            if cut is not None:
                words = words[:cut]
            closed = cut is not None or not after or not after[0].isalnum() or len(run) < MAX_NAME_WORDS
            if len(words) > 1:
                runs.append((" ".join(words), closed))
            run = []
        if start >= 0:
            run.append((start, end))
            last = end
    names = [n for n, _ in runs]
    return [(n, any(c for m, c in runs if m == n) or names.count(n) > 1) for n in dict.fromkeys(names)]


def full_name(fill: str, names: list[tuple[str, bool]]) -> str:
    """A person written by part of the name ("pizarro", "federico estrada") as the
    longest of the text's names that holds those words in order, as the answer keys write
    a person; the fill as it is when no longer name holds it, or two different ones do.
    A name punctuation does not close lends only the words before the fill's."""
    words = normalise(fill).split()
    if not words or len(words) > 2:  # three words are a full name already ("carlos humberto cabrera")
        return fill

    def holds(name: str, closed: bool) -> bool:
        w = name.split()
        ends = range(len(words), len(w) + 1) if closed else [len(w)]
        return len(w) > len(words) and any(w[e - len(words) : e] == words for e in ends)

    longer = list(dict.fromkeys(n for n, closed in names if holds(n, closed)))
    if not longer:
        return fill
    best = max(longer, key=lambda n: (len(n.split()), -longer.index(n)))
    # every other candidate must be part of the chosen one: two people share a surname
    if any(not set(n.split()) <= set(best.split()) for n in longer):
        return fill
    return best


def _groups_named(orgs: list[str], individuals: list[str]) -> list[str]:
    """The organisations of a document's perpetrator fills: the group that individuals
    belong to ("FARC MEMBERS", "FMLN URBAN COMMANDOS") is a PerpOrg fill as well
    (settle.individuals_name_groups), and a group is one fill whatever its alias, now the
    fills are on one line (a name broken over two lines of the wire is no alias)."""
    if _SETTLE["individuals_name_groups"]:
        orgs = orgs + [h.text for person in individuals for _, h in LEXICON.named_groups_in(person)]
    return _one_per_group(orgs)


_BUILDING_PARTS = re.compile(_SETTLE["building_parts"], re.I)


def whole_of_part(target: str) -> str:
    """A target that is part of a building ("5th floor of the cultural institute") as the
    whole the keys write ("cultural institute"), bared as trim bares; settle.building_parts."""
    whole = _BUILDING_PARTS.sub("", target)
    return bare(whole) if whole != target and whole.strip() else target


def settle_fills(fills: dict[str, list[str]], text: str | None = None) -> dict[str, list[str]]:
    """The document's fills as its MUC answer key would hold them, once the sources are
    combined (role_fills): each fill bounded (`trim`), a person written by part of the
    name given the full name the text writes (`full_name`, for the roles in
    settle.full_name_roles), a target that is part of a building the building
    (`whole_of_part`), and a string that fills two roles left in the one the
    conventions give it (data/muc4.json settle.role_precedence)."""
    out = {r: [trim(f, r) for f in fills.get(r, [])] for r in ROLES}
    out["Target"] = [whole_of_part(f) for f in out["Target"]]
    if text:
        names = person_names(text)
        for role in _SETTLE["full_name_roles"]:
            out[role] = [full_name(f, names) for f in out[role]]
    out = {r: distinct_fills(fs) for r, fs in out.items()}
    out["PerpOrg"] = _groups_named(out["PerpOrg"], out["PerpInd"])
    for keeps, loses in _SETTLE["role_precedence"]:
        kept = {normalise(f) for f in out[keeps]}
        out[loses] = [f for f in out[loses] if normalise(f) not in kept]
    return out


def _rule_fills(events: list[Event]) -> dict[str, list[str]]:
    fills: dict[str, list[str]] = {r: [] for r in ROLES}
    for event in events:
        if muc_type(event) is None:
            continue
        a1 = event.actor1
        if a1 is not None and a1.mention:
            if a1.inter in (2, 3, 4) and not a1.name.startswith("Unidentified"):
                fills["PerpOrg"].append(a1.mention)
            elif a1.name.startswith("Unidentified"):
                fills["PerpInd"].append(a1.mention)
            elif a1.inter in (1, 8) and event.sub_event_type in _CONVENTIONS["types"]["state_perpetrator_sub_events"]:
                # state forces that did it: MUC keys the institution ("army") as the
                # organisation and the men ("soldiers") as the individuals
                role = "PerpOrg" if _STATE_INSTITUTION.fullmatch(bare(a1.mention)) else "PerpInd"
                fills[role].append(a1.mention)
        for ev in event.evidence:
            if ev.field == "perpetrators" and ev.quote:
                fills["PerpInd"].append(ev.quote)
            if ev.field == "weapons" and ev.quote:
                fills["Weapon"].append(bare(ev.quote))
        fills["Target"].extend(bare(t) for t in event.targets)
        fills["Victim"].extend(bare(v) for v in event.victims)
    return fills


def _one_per_group(mentions: list[str]) -> list[str]:
    """One fill a group: a known group's aliases ("FMLN", its full name) are one entity."""
    out, seen = [], set()
    for m in mentions:
        key = _group_name(m) or normalise(m)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _group_name(phrase: str) -> str | None:
    found = LEXICON.named_groups_in(phrase)
    return found[0][0].name if found else None


def clean_fills(fills: dict[str, list[str]], counted: frozenset[str] = COUNTED_ROLES) -> dict[str, list[str]]:
    """What MUC's keys never hold dropped (generic victims, military targets, the
    military's weapons), the more specific of two weapons kept, one fill a normal form."""
    fills = {r: [bare(f, keep_count=r in counted) for f in fills.get(r, [])] for r in ROLES}
    fills["Victim"] = [v for v in fills["Victim"] if not _GENERIC_VICTIM.fullmatch(v)]
    fills["Target"] = [t for t in fills["Target"] if not _MILITARY_TARGET.fullmatch(t)]
    fills["Weapon"] = _most_specific([w for w in fills["Weapon"] if not _NOT_INSTRUMENT.fullmatch(w)])
    return {r: distinct_fills([f for f in fs if f]) for r, fs in fills.items()}


def _most_specific(weapons: list[str]) -> list[str]:
    """"bomb" is the same instrument as "car bomb" beside it: keep the longer phrase."""
    keys = [normalise(w) for w in weapons]
    return [w for w, k in zip(weapons, keys) if not any(o != k and o.endswith(" " + k) for o in keys)]


# -- template agreement ------------------------------------------------------------------
def template_type(template: dict) -> str | None:
    raw = template["slots"].get("INCIDENT: TYPE") or [""]
    first = (raw[0] if isinstance(raw, list) else str(raw)).split("/")[0].strip().strip('"').upper()
    return next((t for t in MUC_TYPES if first.startswith(t)), None)


def _place_words(template: dict) -> set[str]:
    words = set()
    for key in ("place", "admin"):
        value = template.get(key) or ""
        value = re.sub(r"\([^)]*\)", "", value)
        if value.strip():
            words.add(normalise(value))
    return words


def _event_places(event: Event) -> set[str]:
    loc = event.location
    if loc is None:
        return set()
    return {normalise(v) for v in (loc.name, loc.admin1, loc.admin2, loc.admin3) if v}


@dataclass
class Agreement:
    hit: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"agree": self.hit, "of": self.total, "rate": round(self.rate, 4)}


def agree_templates(templates: list[dict], events: list[Event]) -> dict[str, Agreement]:
    """Per keyed incident: does one of the document's MUC-typed events agree with it?

    Generous by construction (any event of the document may agree, one event may agree
    with several keys), so it reads as an upper bound on template filling; it is there to
    see whether the type, date, place and toll strife gives are the key's."""
    muc_events = [(e, muc_type(e)) for e in events]
    muc_events = [(e, t) for e, t in muc_events if t is not None]
    out = {k: Agreement() for k in ("incident_type", "date", "country", "place", "fatalities")}
    for t in templates:
        kind = template_type(t)
        if kind is not None:
            out["incident_type"].total += 1
            out["incident_type"].hit += any(mt == kind for _, mt in muc_events)
        if t.get("date_start"):
            out["date"].total += 1
            end = t.get("date_end") or t["date_start"]
            out["date"].hit += any(e.date and t["date_start"] <= e.date <= end for e, _ in muc_events)
        if t.get("country"):
            out["country"].total += 1
            out["country"].hit += any(
                e.location and normalise(e.location.country or "") == normalise(t["country"]) for e, _ in muc_events
            )
        places = _place_words(t)
        if places:
            out["place"].total += 1
            out["place"].hit += any(places & _event_places(e) for e, _ in muc_events)
        if t.get("killed_approx") is not None:
            out["fatalities"].total += 1
            out["fatalities"].hit += any(
                (e.fatalities.best if e.fatalities else 0) == t["killed_approx"] for e, _ in muc_events
            )
    return out


# -- the run ------------------------------------------------------------------------------
@dataclass
class DocumentResult:
    docid: str
    predicted: dict[str, list[str]]
    gold: dict[str, list[list[str]]]
    tallies: dict[str, Tally]
    error: str | None = None


@dataclass
class Muc4Report:
    documents: list[DocumentResult] = field(default_factory=list)
    agreement: dict[str, Agreement] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # docids in the roles file but not in dev.jsonl

    def per_role(self) -> dict[str, Tally]:
        out = {r: Tally() for r in ROLES}
        for d in self.documents:
            for r in ROLES:
                out[r].add(d.tallies[r])
        return out

    def micro(self) -> Tally:
        total = Tally()
        for t in self.per_role().values():
            total.add(t)
        return total

    def as_dict(self) -> dict:
        return {
            "documents": len(self.documents),
            "errors": sum(d.error is not None for d in self.documents),
            "skipped": self.skipped,
            "seconds": round(self.seconds, 1),
            "micro": self.micro().as_dict(),
            "per_role": {r: t.as_dict() for r, t in self.per_role().items()},
            "templates": {k: a.as_dict() for k, a in self.agreement.items()},
        }

    def table(self) -> str:
        lines = [f"MUC-4 role-filler evaluation: {len(self.documents)} documents, {self.seconds:.0f} s",
                 f"{'role':<10}{'P':>8}{'R':>8}{'F1':>8}{'match':>8}{'pred':>8}{'gold':>8}"]
        for name, t in list(self.per_role().items()) + [("micro", self.micro())]:
            lines.append(f"{name:<10}{100 * t.precision:8.2f}{100 * t.recall:8.2f}{100 * t.f1:8.2f}"
                         f"{t.matched:8d}{t.predicted:8d}{t.gold:8d}")
        if self.agreement:
            lines.append("template agreement (any MUC-typed event of the document agrees with the key):")
            for k, a in self.agreement.items():
                lines.append(f"  {k:<14}{a.hit:5d}/{a.total:<5d} = {a.rate:.3f}")
        return "\n".join(lines)

    def worst(self, n: int = 20) -> list[str]:
        """The n documents that lose most (missed entities plus wrong fills), each with
        what strife filled and what the key has, role by role, to read the error classes."""
        def loss(d: DocumentResult) -> int:
            return sum(t.predicted + t.gold - 2 * t.matched for t in d.tallies.values())

        out = []
        for d in sorted(self.documents, key=loss, reverse=True)[:n]:
            parts = [f"{d.docid} (loss {loss(d)}){' ERROR ' + d.error if d.error else ''}"]
            for r in ROLES:
                t = d.tallies[r]
                if t.predicted or t.gold:
                    gold = [" / ".join(e) for e in d.gold.get(r, [])]
                    parts.append(f"  {r}: {t.matched} of pred {d.predicted.get(r, [])} gold {gold}")
            out.append("\n".join(parts))
        return out


def read_jsonl(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_muc4(dev_path: Path, roles_path: Path | None, limit: int | None, extractor,
             combine: dict[str, str] | None = None) -> Muc4Report:
    """Run `extractor` (a strife.pipeline.Extractor) over the documents of `roles_path`
    (all of dev.jsonl when None: then the role gold is empty and only the template
    agreement means anything), score, and report. `combine`: role_fills' sources."""
    started = time.perf_counter()
    docs = read_jsonl(dev_path)
    report = Muc4Report()
    if roles_path is not None:
        roles = {r["docid"]: r["extracts"] for r in read_jsonl(roles_path)}
        by_id = {d["docid"]: d for d in docs}
        report.skipped = [i for i in roles if i not in by_id]
        docs = [d for d in docs if d["docid"] in roles]
    else:
        roles = {}
    docs = docs[:limit] if limit is not None else docs
    articles = [Article(id=d["docid"], text=d["text"], origin=d["docid"]) for d in docs]
    results = {r.article.id: r for r in extractor.extract(articles)}
    agreement = {k: Agreement() for k in ("incident_type", "date", "country", "place", "fatalities")}
    for d in docs:
        result = results.get(d["docid"])
        events = [e for e in result.events if e.mode in MUC_MODES] if result else []
        predicted = role_fills(events, combine, result.roles if result else [], d["text"])
        gold = roles.get(d["docid"], {r: [] for r in ROLES})
        report.documents.append(DocumentResult(d["docid"], predicted, gold, score_document(predicted, gold),
                                               error=result.error if result else "not extracted"))
        for k, a in agree_templates(d.get("templates") or [], events).items():
            agreement[k].hit += a.hit
            agreement[k].total += a.total
    report.agreement = agreement
    report.seconds = time.perf_counter() - started
    return report
