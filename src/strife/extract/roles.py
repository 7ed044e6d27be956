"""A learnt role tagger: who did it, to whom, to what and with what, read as BIO spans.

strife's rules find perpetrators, targets, victims and weapons from its lexicons; the
MUC-4 answer keys (DEV 1-1300) show many more ways these are written. This module holds a
linear-chain CRF (python-crfsuite) trained on those keys by scripts/train_roles.py, which
tags the tokens of the parse strife already made (no second parse) with five roles:
PerpInd, PerpOrg, Target, Victim, Weapon.

Four parts, one job each:
- rows: the parse as plain per-token records (what training caches and inference reads);
- features: the crfsuite feature strings of a sentence's rows;
- decoding: tagged tokens -> role spans with their char offsets and a confidence, one span
  an entity (repeated and coreferent mentions of one thing are one fill in MUC's scoring,
  every extra one a false positive);
- entities (the second stage): the CRF's marginals read over candidate phrases, pooled
  per entity over the document, and each entity decided once by a classifier trained on
  the CRF's out-of-fold readings (entity_items, score_items).
Hyperparameters and decoding thresholds live in data/roles.json.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Iterable

from spacy.tokens import Doc

from strife.extract.lexicon import LEXICON, load_data
from strife.record import Event, Evidence

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
HAPPENED = ("reported", "background")  # the event modes of what took place (roles are of these)
CONFIG = load_data("roles.json")
MODEL_FILE = CONFIG["model_file"]


# -- rows: the parse as plain records -----------------------------------------------------
@dataclass(frozen=True)
class Row:
    text: str
    start: int
    end: int
    pos: str
    tag: str
    dep: str
    head: str  # the syntactic head's lower-cased text
    head_dep: str
    ent: str  # entity type, "" outside one
    lex: str  # what strife's lexicons say of the token: "weapon", "group", "unidentified", "civilian" or ""
    gov: str = ""  # the nearest verb above the token, lower case ("kidnapped"): who did what to whom
    gov_dep: str = ""  # how the token's branch hangs from that verb ("nsubjpass", "dobj", "prep")
    head_i: int = -1  # the head's index among the sentence's rows (-1: the root, or outside the sentence)
    chunk: str = ""  # "B"/"I" inside one of spaCy's noun chunks, "" outside: a fill is a noun phrase


@dataclass(frozen=True)
class Sentence:
    index: int  # among the document's non-blank sentences: MUC fillers cluster early
    start: int
    end: int
    signals: tuple[str, ...]  # strife's trigger kinds in the sentence ("attack", "kill", ...)
    rows: tuple[Row, ...]
    # what strife's rules made of the document (mark_events): the sub-event types, with
    # their mode, of the events with evidence in this sentence, and of the document's events
    # that happened. Fillers are the arguments of the incident a report keys, so a sentence
    # that tells the incident, in a report that has one, is where they are.
    events: tuple[str, ...] = ()
    doc_events: tuple[str, ...] = ()
    # sentences since the document's first with a trigger word (-1: none yet): a report
    # tells its incident's roles where it first tells the incident, and shortly after
    since_signal: int = -1


def mark_events(sents: list[Sentence], events: list[Event]) -> list[Sentence]:
    """The sentences with the events strife's rules found in them (Sentence.events)."""
    def kind(event: Event) -> str:
        return f"{event.sub_event_type or event.event_type or 'none'}|{event.mode}"

    happened = tuple(sorted({event.sub_event_type or event.event_type or "none" for event in events
                             if event.mode in HAPPENED}))
    out = []
    first = next((s.index for s in sents if s.signals), None)
    for sentence in sents:
        inside = tuple(sorted({kind(event) for event in events
                               if any(e.start is not None and sentence.start <= e.start < sentence.end for e in event.evidence)}))
        since = sentence.index - first if first is not None and sentence.index >= first else -1
        out.append(replace(sentence, events=inside, doc_events=happened, since_signal=since))
    return out


def _lexicon_marks(text: str) -> list[tuple[int, int, str]]:
    marks = [(h.start, h.end, "weapon") for h in LEXICON.weapons(text)]
    marks += [(h.start, h.end, "group") for _, h in LEXICON.named_groups_in(text)]
    marks += [(m.start(), m.end(), "unidentified") for m in LEXICON.unidentified_re.finditer(text)]
    marks += [(m.start(), m.end(), "civilian") for m in LEXICON.civilian_re.finditer(text)]
    return marks


def _governing_verb(token) -> tuple[str, str]:
    node = token
    for _ in range(8):  # parse trees of wire sentences are shallow; a bound spares cycles
        head = node.head
        if head is node:
            return "", ""
        if head.pos_ in ("VERB", "AUX"):
            return head.text.lower(), node.dep_
        node = head
    return "", ""


def sentences(doc: Doc) -> list[Sentence]:
    """The document's sentences as rows, blank ones (quiet paragraphs strife blanked
    before parsing) dropped."""
    text = doc.text
    marks = _lexicon_marks(text)
    chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
    chunk_starts = {c.start for c in chunks}
    chunk_inside = {i for c in chunks for i in range(c.start + 1, c.end)}
    out = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        rows = []
        position = {t.i: k for k, t in enumerate(tokens)}
        for t in tokens:
            start, end = t.idx, t.idx + len(t.text)
            lex = next((kind for s, e, kind in marks if s <= start and end <= e), "")
            gov, gov_dep = _governing_verb(t)
            head_i = position.get(t.head.i, -1) if t.head is not t else -1
            chunk = "B" if t.i in chunk_starts else "I" if t.i in chunk_inside else ""
            rows.append(Row(t.text, start, end, t.pos_, t.tag_, t.dep_, t.head.text.lower(), t.head.dep_, t.ent_type_, lex,
                            gov, gov_dep, head_i, chunk))
        signals = tuple(sorted({h.kind for h in LEXICON.triggers(sent.text)}))
        out.append(Sentence(len(out), sent.start_char, sent.end_char, signals, tuple(rows)))
    return out


# -- features -----------------------------------------------------------------------------
def _shape(word: str) -> str:
    # "Oqueli" -> "Xx", "M-16" -> "X-d": runs of a kind collapse to one letter
    kinds = ("d" if c.isdigit() else "X" if c.isupper() else "x" if c.isalpha() else c for c in word)
    return re.sub(r"(.)\1+", r"\1", "".join(kinds))[:6]


def _position(index: int) -> str:
    # MUC fillers cluster in the lede: the first sentences, by bucket
    return str(index) if index < 4 else "4-6" if index < 7 else "7+"


def _token_features(row: Row, prefix: str) -> list[str]:
    low = row.text.lower()
    return [f"{prefix}w={low}", f"{prefix}pos={row.pos}", f"{prefix}ent={row.ent}", f"{prefix}lex={row.lex}",
            f"{prefix}chunk={row.chunk}"]


def sentence_features(sentence: Sentence) -> list[list[str]]:
    """crfsuite feature strings for each token of the sentence: the word and its form, its
    parse (tag, dependency, head), strife's lexicon marks, a window of two words either
    side, and the sentence's place in the document and trigger words."""
    rows = sentence.rows
    context = [f"sent={_position(sentence.index)}"] + [f"sig={s}" for s in sentence.signals]
    if not sentence.signals:
        context.append("sig=none")
    context += [f"sev={e}" for e in sentence.events] or ["sev=none"]
    context += [f"dev={e}" for e in sentence.doc_events] or ["dev=none"]
    context.append(f"since={_position(sentence.since_signal) if sentence.since_signal >= 0 else 'before'}")
    out = []
    for i, row in enumerate(rows):
        low = row.text.lower()
        f = ["bias", f"w={low}", f"suf3={low[-3:]}", f"suf2={low[-2:]}", f"pre3={low[:3]}",
             f"shape={_shape(row.text)}", f"pos={row.pos}", f"tag={row.tag}", f"dep={row.dep}",
             f"head={row.head}", f"dep+head={row.dep}|{row.head}", f"head_dep={row.head_dep}",
             f"ent={row.ent}", f"lex={row.lex}", f"title={row.text[:1].isupper()}",
             f"gov={row.gov}", f"gov+dep={row.gov}|{row.gov_dep}", f"chunk={row.chunk}",
             # the head of the phrase the token sits in: "bridge" for "the las canas bridge"
             f"head_pos={rows[row.head_i].pos if row.head_i >= 0 else 'root'}",
             # how that phrase hangs from the clause: "pobj|by" for "urban" in "by urban
             # guerrillas" (the agent), "dobj|kidnapped" for "party" in "kidnapped party leaders"
             f"phrase={rows[row.head_i].dep}|{rows[row.head_i].head}" if row.head_i >= 0 else "phrase=root"]
        f += context
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(rows):
                f += _token_features(rows[j], f"{offset}:")
            else:
                f.append(f"{offset}:edge")
        if i > 0:
            f.append(f"bigram-1={rows[i - 1].text.lower()}|{low}")
        if i + 1 < len(rows):
            f.append(f"bigram+1={low}|{rows[i + 1].text.lower()}")
        out.append(f)
    return out


# -- gold alignment (for training) ------------------------------------------------------
def _normal_words(text: str) -> list[str]:
    from strife.evaluate.muc4 import normalise

    return normalise(text).split()


def find_mention(sentence: Sentence, mention: str) -> list[tuple[int, int]]:
    """Every token span (first, last index, inclusive) of the sentence whose words, after
    MUC's normalisation (lower case, no punctuation or articles), are the mention's."""
    target = _normal_words(mention)
    if not target:
        return []
    words = [(w, i) for i, row in enumerate(sentence.rows) for w in _normal_words(row.text)]
    spans = []
    for k in range(len(words) - len(target) + 1):
        if [w for w, _ in words[k : k + len(target)]] == target:
            spans.append((words[k][1], words[k + len(target) - 1][1]))
    return spans


def gold_labels(sents: list[Sentence], extracts: dict[str, list[list[str]]], which: str = "all") -> list[list[str]]:
    """BIO labels from a document's role keys. `which`: "all" labels every occurrence of
    every mention of an entity; "first" only the entity's earliest occurrence. Longer
    spans are placed first; a token keeps the first label it gets."""
    labels = [["O"] * len(s.rows) for s in sents]
    candidates = []
    for role in ROLES:
        for entity in extracts.get(role, []):
            found = [(si, a, b) for si, s in enumerate(sents) for m in dict.fromkeys(entity) for a, b in find_mention(s, m)]
            if which == "first" and found:
                found = [min(found)]
            candidates += [(role, si, a, b) for si, a, b in found]
    candidates.sort(key=lambda c: -(c[3] - c[2]))
    for role, si, a, b in candidates:
        if any(labels[si][k] != "O" for k in range(a, b + 1)):
            continue
        labels[si][a] = f"B-{role}"
        for k in range(a + 1, b + 1):
            labels[si][k] = f"I-{role}"
    return labels


# -- decoding -----------------------------------------------------------------------------
@dataclass(frozen=True)
class RoleSpan:
    role: str
    start: int  # char offsets into the analysed text (the article's offsets)
    end: int
    text: str
    confidence: float  # the mean marginal probability of the span's labels
    sentence: int


def spans_of(sentence: Sentence, labels: list[str], marginals: list[float], text: str) -> list[RoleSpan]:
    """BIO labels -> spans; an I- without its B- starts a span (crfsuite seldom does it)."""
    out, current = [], None
    for i, label in enumerate(labels + ["O"]):
        tag, _, role = label.partition("-")
        if current is not None and (tag != "I" or role != current[0]):
            role0, a = current
            b = i - 1
            start, end = sentence.rows[a].start, sentence.rows[b].end
            conf = sum(marginals[a : b + 1]) / (b - a + 1)
            out.append(RoleSpan(role0, start, end, text[start:end], round(conf, 4), sentence.index))
            current = None
        if tag in ("B", "I") and current is None:
            current = (role, i)
    return out


def _group_of(phrase: str) -> str | None:
    found = LEXICON.named_groups_in(phrase)
    return found[0][0].name if found else None


def entity_words(text: str) -> frozenset[str]:
    """A mention's normalised words, plurals as singulars ("guerrillas" is "guerrilla")."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in _normal_words(text))


def same_entity(a: str, b: str) -> bool:
    """Two mentions taken for one entity: one's words all among the other's."""
    wa, wb = entity_words(a), entity_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def one_per_entity(spans: Iterable[RoleSpan], thresholds: dict[str, float]) -> list[RoleSpan]:
    """The spans worth a fill: confident enough for their role, one per entity.

    MUC scores a fill per entity, and every further mention of one entity is a false
    positive. So, per role, in order of confidence: a span is dropped when its normalised
    words (plurals as singulars) equal, or are all inside or around, a span already kept ("oqueli" after "hector oqueli
    colindres", "bomb" beside "car bomb"); a group's alias is dropped when the group is
    already kept under another alias ("fmln" after the front's full name)."""
    kept: list[RoleSpan] = []
    for span in sorted(spans, key=lambda s: (-s.confidence, s.start)):
        if span.confidence < thresholds.get(span.role, 0.0):
            continue
        if not entity_words(span.text):
            continue
        group = _group_of(span.text) if span.role == "PerpOrg" else None
        same_role = [k for k in kept if k.role == span.role]
        if any(same_entity(span.text, k.text) for k in same_role):
            continue
        if group is not None and any(_group_of(k.text) == group for k in same_role):
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


# -- entity-level decisions (the second stage) ---------------------------------------------
# MUC scores one fill per keyed entity, and the CRF decides token by token, sentence by
# sentence: it cannot see that a string it half-believes in is said three times, in the
# lede, and is the only candidate of its role. So the CRF's marginals are read over
# candidate phrases (its own spans, its weaker runs, spaCy's noun chunks), the mentions of
# one entity (the same bare words) are pooled over the document, and a second model
# (a maximum-entropy classifier, crfsuite on one-item sequences) decides each entity
# once, from document-level features, with its best-scored mention as the fill.
CANDIDATE_FLOOR = 0.03  # a token the CRF gives less than this for a role opens no candidate of it


@dataclass(frozen=True)
class Tagged:
    """A sentence as the CRF read it: its Viterbi labels and, per token, the marginal
    probability of each label (in `labels` order)."""
    labels: tuple[str, ...]
    marginals: tuple[tuple[float, ...], ...]
    names: tuple[str, ...]

    def p(self, i: int, label: str) -> float:
        try:
            return self.marginals[i][self.names.index(label)]
        except ValueError:
            return 0.0


def tag_marginals(sents: list[Sentence], tagger) -> list[Tagged]:
    names = tuple(tagger.labels())
    out = []
    for sentence in sents:
        labels = tagger.tag(sentence_features(sentence))
        marginals = tuple(tuple(round(tagger.marginal(n, i), 4) for n in names) for i in range(len(labels)))
        out.append(Tagged(tuple(labels), marginals, names))
    return out


@dataclass(frozen=True)
class Candidate:
    role: str
    sentence: int  # index into the document's sentences
    a: int  # first and last row, inclusive
    b: int
    score: float  # mean marginal of the span's exact labels (B- then I-)
    viterbi: bool  # the CRF's best labelling has this span


def _span_score(t: Tagged, role: str, a: int, b: int) -> float:
    return (t.p(a, f"B-{role}") + sum(t.p(k, f"I-{role}") for k in range(a + 1, b + 1))) / (b - a + 1)


def candidates(sents: list[Sentence], tagged: list[Tagged]) -> list[Candidate]:
    """Every phrase the CRF gives some weight for a role: its Viterbi spans, the runs of
    tokens whose marginal for the role reaches CANDIDATE_FLOOR (split where a B- is likelier
    than an I-), and the noun chunks that hold such a token."""
    out: dict[tuple[str, int, int, int], Candidate] = {}
    for si, (sentence, t) in enumerate(zip(sents, tagged)):
        rows = sentence.rows
        viterbi = set()
        current = None
        for i, label in enumerate(list(t.labels) + ["O"]):
            tag, _, role = label.partition("-")
            if current is not None and (tag != "I" or role != current[0]):
                viterbi.add((current[0], current[1], i - 1))
                current = None
            if tag in ("B", "I") and current is None:
                current = (role, i)
        spans = set(viterbi)
        chunks, k = [], 0
        while k < len(rows):
            if rows[k].chunk == "B":
                j = k
                while j + 1 < len(rows) and rows[j + 1].chunk == "I":
                    j += 1
                chunks.append((k, j))
                k = j + 1
            else:
                k += 1
        for role in ROLES:
            inside = [t.p(i, f"B-{role}") + t.p(i, f"I-{role}") for i in range(len(rows))]
            i = 0
            while i < len(rows):
                if inside[i] < CANDIDATE_FLOOR:
                    i += 1
                    continue
                start = i
                while i + 1 < len(rows) and inside[i + 1] >= CANDIDATE_FLOOR and t.p(i + 1, f"I-{role}") >= t.p(i + 1, f"B-{role}"):
                    i += 1
                spans.add((role, start, i))
                i += 1
            for a, b in chunks:
                if max(inside[a : b + 1]) >= CANDIDATE_FLOOR:
                    spans.add((role, a, b))
        for role, a, b in spans:
            out[(role, si, a, b)] = Candidate(role, si, a, b, round(_span_score(t, role, a, b), 4), (role, a, b) in viterbi)
    return sorted(out.values(), key=lambda c: (c.sentence, c.a, c.b, c.role))


def _bucket(x: float, edges=(1, 2, 3, 5, 8)) -> str:
    return next((str(e) for e in edges if x <= e), f">{edges[-1]}")


def _head(rows: tuple[Row, ...], a: int, b: int) -> int:
    """The span's head: its token whose syntactic head lies outside it (the last one, else)."""
    return next((k for k in range(b, a - 1, -1) if not a <= rows[k].head_i <= b), b)


def document_features(sents: list[Sentence], tagged: list[Tagged]) -> dict[str, float]:
    """What says whether a report keys an incident at all (MUC keys none for about half of
    its texts, and every fill there is a false positive): the words of its lede, strife's
    trigger kinds and the events its rules found, and how sure the CRF is of each role."""
    f: dict[str, float] = {"bias": 1.0}
    for sentence in (s for s in sents if s.index < 5):  # the lede: the first five sentences
        for row in sentence.rows:
            if row.text.isalpha():
                f[f"w={row.text.lower()}"] = 1.0
    kinds = [k for s in sents for k in s.signals]
    for k in set(kinds):
        f[f"sig={k}"] = 1.0
    f[f"signalled={_bucket(sum(1 for s in sents if s.signals), (0, 1, 2, 4, 8))}"] = 1.0
    f[f"first_signal={_position(next((s.index for s in sents if s.signals), 99))}"] = 1.0
    for e in (sents[0].doc_events if sents else ()):
        f[f"dev={e}"] = 1.0
    for role in ROLES:
        best = max((t.p(i, f"B-{role}") for t in tagged for i in range(len(t.labels))), default=0.0)
        f[f"best_{role}={int(best * 5)}"] = 1.0
        f[f"best_{role}"] = best
    return f


def relevance(sents: list[Sentence], tagged: list[Tagged], classifier) -> float | None:
    """The document classifier's probability that the report keys an incident."""
    if classifier is None:
        return None
    classifier.set([document_features(sents, tagged)])
    return round(classifier.marginal("Y", 0), 4)


def entity_items(sents: list[Sentence], tagged: list[Tagged], text: str,
                 rules: dict[str, list[str]] | None = None,
                 relevant: float | None = None) -> list[tuple[RoleSpan, dict[str, float]]]:
    """The document's candidate entities, one per role and bare words, each as its best
    mention (highest score, then earliest) with the classifier's features: the mention's
    own (CRF score, head word, governing verb, the word before, sentence), the entity's
    over the document (how many mentions, the best and summed scores, its first sentence,
    whether the CRF's best labelling has it), its rank among the role's entities, and
    whether strife's rules filled it (`rules`: their MUC fills by role, muc4.rule_fills),
    and how likely the document is to key an incident at all (`relevant`, `relevance`)."""
    from strife.evaluate.muc4 import COUNTED_ROLES, bare

    def entity_key(role: str, phrase: str) -> frozenset:
        # a fill's words as the MUC adapter bares them; a known group's aliases are one
        # entity ("fmln" and the front's full name)
        words = entity_words(bare(phrase, keep_count=role in COUNTED_ROLES))
        group = _group_of(phrase) if role == "PerpOrg" and words else None
        return frozenset({f"group:{group}"}) if group else words

    groups: dict[tuple[str, frozenset], list[Candidate]] = {}
    for c in candidates(sents, tagged):
        rows = sents[c.sentence].rows
        key = entity_key(c.role, text[rows[c.a].start : rows[c.b].end])
        if key:
            groups.setdefault((c.role, key), []).append(c)
    best_of = {g: max(cs, key=lambda c: (c.score, -c.sentence, -c.a)) for g, cs in groups.items()}
    by_key: dict[frozenset, dict[str, float]] = {}
    for (role, key), c in best_of.items():
        by_key.setdefault(key, {})[role] = c.score
    ranks: dict[tuple[str, frozenset], int] = {}
    for role in ROLES:
        ordered = sorted((g for g in groups if g[0] == role), key=lambda g: -best_of[g].score)
        for n, g in enumerate(ordered):
            ranks[g] = n + 1
    strong = {role: sum(1 for g in groups if g[0] == role and best_of[g].score >= 0.5) for role in ROLES}
    ruled = {role: {entity_key(role, f) for f in fills} for role, fills in (rules or {}).items()}
    doc_signals = sum(1 for s in sents if s.signals)
    # how sure the CRF is of anything in the document: a report with no incident has
    # only weak candidates, and each of them is a false positive
    doc_best = max((c.score for c in best_of.values()), default=0.0)
    happened = bool(sents and sents[0].doc_events)
    out = []
    for (role, key), cs in groups.items():
        c = best_of[(role, key)]
        sentence, rows = sents[c.sentence], sents[c.sentence].rows
        h = rows[_head(rows, c.a, c.b)]
        before = rows[c.a - 1].text.lower() if c.a > 0 else "<s>"
        first = min(x.sentence for x in cs)
        scores = [x.score for x in cs]
        # overlapping candidates ("a car bomb", "car bomb") are one mention: count heads
        mentions = len({(x.sentence, _head(sents[x.sentence].rows, x.a, x.b)) for x in cs})
        f = {
            "bias": 1.0, "score": c.score, "sum": min(sum(scores), 5.0) / 5, "mentions": min(mentions, 8) / 8,
            f"score={int(c.score * 10)}": 1.0, f"mentions={_bucket(mentions)}": 1.0,
            f"rank={_bucket(ranks[(role, key)], (1, 2, 3, 4, 6))}": 1.0,
            f"strong={_bucket(strong[role], (0, 1, 2, 3, 5))}": 1.0,
            f"viterbi={any(x.viterbi for x in cs)}": 1.0,
            f"first={_position(first)}": 1.0, f"sent={_position(c.sentence)}": 1.0,
            f"since={_position(sentence.since_signal) if sentence.since_signal >= 0 else 'before'}": 1.0,
            f"head={h.text.lower()}": 1.0, f"head_ent={h.ent}": 1.0, f"head_pos={h.pos}": 1.0,
            f"lex={next((r.lex for r in rows[c.a : c.b + 1] if r.lex), '')}": 1.0,
            f"gov={h.gov}": 1.0, f"gov_dep={h.gov_dep}": 1.0, f"gov+dep={h.gov}|{h.gov_dep}": 1.0, f"dep={h.dep}": 1.0,
            f"before={before}": 1.0, f"len={_bucket(c.b - c.a + 1, (1, 2, 3, 4, 6))}": 1.0,
            f"sig={bool(sentence.signals)}": 1.0, f"sev={bool(sentence.events)}": 1.0,
            f"happened={happened}": 1.0, f"doc_best={int(doc_best * 5)}": 1.0,
            **({f"relevant={int(relevant * 5)}": 1.0, "relevant": relevant} if relevant is not None else {}), f"doc_sig={_bucket(doc_signals, (0, 1, 2, 4, 8))}": 1.0,
        }
        f[f"rules={key in ruled.get(role, ())}"] = 1.0
        f[f"rules_other={any(key in v for r, v in ruled.items() if r != role)}"] = 1.0
        # the same words inside a longer entity, or around a shorter one, of the role
        # ("mayor" and "mayor of tolima"): which of the two the CRF likes better
        for name, related in (("longer", lambda k: key < k), ("shorter", lambda k: k < key)):
            other = [best_of[g].score for g in groups if g[0] == role and related(g[1])]
            if other:
                f[f"{name}_better={max(other) > c.score}"] = 1.0
        for other, s in by_key.get(key, {}).items():
            if other != role:
                f[f"also={other}"] = s
        features = {f"{role}|{name}": v for name, v in f.items()}
        features.update({name: v for name, v in f.items() if name.startswith(("score", "head_ent", "lex", "gov_dep", "relevant"))})
        start, end = rows[c.a].start, rows[c.b].end
        out.append((RoleSpan(role, start, end, text[start:end], c.score, sentence.index), features))
    return sorted(out, key=lambda x: (x[0].start, x[0].role))


def rank_entities(sents: list[Sentence], text: str, tagger, ranker, rules: dict[str, list[str]] | None = None,
                  classifier=None) -> list[RoleSpan]:
    """The document's entities with the classifier's probability that each is a fill
    (`classifier`: the document classifier, whose relevance is one of its features)."""
    tagged = tag_marginals(sents, tagger)
    return score_items(entity_items(sents, tagged, text, rules, relevance(sents, tagged, classifier)), ranker)


def score_items(items: list[tuple[RoleSpan, dict[str, float]]], ranker) -> list[RoleSpan]:
    """Each entity's span, its confidence the classifier's probability that it is a fill ("Y")."""
    out = []
    for span, features in items:
        ranker.set([features])
        out.append(replace(span, confidence=round(ranker.marginal("Y", 0), 4)))
    return out


# -- the model ----------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def load_tagger():
    """The trained CRF, or None when the package was built without its model file."""
    import pycrfsuite

    path = resources.files("strife.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _classifier(key: str):
    import pycrfsuite

    name = CONFIG.get(key)
    path = resources.files("strife.data").joinpath(name) if name else None
    if path is None or not path.is_file():
        return None
    model = pycrfsuite.Tagger()
    model.open(str(path))
    return model


@functools.lru_cache(maxsize=1)
def load_ranker():
    """The second stage's classifier (entity_items), or None when there is none: then the
    CRF's own spans are the fills."""
    return _classifier("entity_model_file")


@functools.lru_cache(maxsize=1)
def load_document_classifier():
    """The classifier of whether a report keys an incident (document_features), or None."""
    return _classifier("document_model_file")


def role_spans(sents: list[Sentence], text: str, tagger, ranker=None, events: list[Event] = ()) -> list[RoleSpan]:
    """The spans worth a fill: the second stage's entities when there is a ranker (`events`:
    the rules' events, whose fills are one of its features), else the CRF's spans; above
    their role's threshold, one per entity."""
    if ranker is not None:
        from strife.evaluate.muc4 import rule_fills

        spans = rank_entities(sents, text, tagger, ranker, rule_fills(list(events)), load_document_classifier())
    else:
        spans = tag_sentences(sents, text, tagger)
    from strife.evaluate.muc4 import MUC_MODES, muc_type

    # the rules saw an incident MUC keys: a document with an incident, even when the tagger kept nothing
    keyed = any(e.mode in MUC_MODES and muc_type(e) for e in events)
    return with_near_misses(spans, one_per_entity(spans, CONFIG["thresholds"]), CONFIG["thresholds"],
                            CONFIG.get("near_miss_margins", {}), keyed)


def with_near_misses(spans: list[RoleSpan], kept: list[RoleSpan], thresholds: dict[str, float],
                     margins: dict[str, float], keyed: bool = False) -> list[RoleSpan]:
    """The kept spans, and for each role of `margins` that kept none, in a document where
    another role kept one (the tagger believes an incident is keyed), that role's best span
    within the margin below its threshold (`keyed`: the rules found an incident MUC
    templates, which marks the document as one with an incident too). A keyed incident nearly always names who did
    it, and the threshold, chosen for the whole corpus, is set against the false
    positives of reports that key nothing: where the document has an incident, its best
    candidate is more likely a fill than not (data/roles.json near_miss_margins)."""
    if not kept and not keyed:
        return kept
    added = []
    for role, margin in margins.items():
        if role.startswith("_") or any(k.role == role for k in kept):
            continue
        floor = thresholds.get(role, 0.0) - margin
        near = [s for s in spans if s.role == role and floor <= s.confidence and entity_words(s.text)]
        if near:
            added.append(max(near, key=lambda s: (s.confidence, -s.start)))
    return sorted(kept + added, key=lambda s: s.start)


def tag_sentences(sents: list[Sentence], text: str, tagger=None) -> list[RoleSpan]:
    """Every span the CRF tags, before thresholds and one-per-entity."""
    tagger = tagger or load_tagger()
    if tagger is None:
        return []
    out = []
    for sentence in sents:
        labels = tagger.tag(sentence_features(sentence))
        marginals = [tagger.marginal(label, i) for i, label in enumerate(labels)]
        out += spans_of(sentence, labels, marginals, text)
    return out


def find_roles(doc: Doc, events: list[Event] = (), tagger=None) -> list[RoleSpan]:
    """The role spans of a parsed document (whose rule-based events are `events`), one
    per entity, above the role thresholds."""
    tagger = tagger or load_tagger()
    if tagger is None:
        return []
    return role_spans(mark_events(sentences(doc), list(events)), doc.text, tagger, load_ranker(), list(events))


# -- enriching strife's events -----------------------------------------------------------
# The evidence field each role's span is recorded under (muc4.role_fills reads them).
EVIDENCE_FIELD = {"PerpInd": "perpetrators", "PerpOrg": "perpetrator_groups", "Target": "targets",
                  "Victim": "victims", "Weapon": "weapons"}


TAGGER_REASON = "role tagger"  # how the tagger's evidence says where it comes from
ALSO_RULES = "; the rules found it too"


def is_tagged(evidence: Evidence) -> bool:
    """Evidence the role tagger gave (not the rules)."""
    return (evidence.reason or "").startswith(TAGGER_REASON)


def _event_for(span: RoleSpan, events: list[Event], sents: list[Sentence]) -> Event | None:
    """The event a span belongs to: the one that happened with evidence in the span's
    sentence, else the document's main event (the first that happened: a report leads
    with its incident)."""
    sentence = sents[span.sentence]
    happened = [e for e in events if e.mode in HAPPENED]
    # a role is of what happened: a planned or denied event in the sentence gives way
    for event in happened + [e for e in events if e not in happened]:
        if any(e.start is not None and sentence.start <= e.start < sentence.end for e in event.evidence):
            if event.mode in HAPPENED or not happened:
                return event
    return happened[0] if happened else (events[0] if events else None)


def _weapon_value(quote: str) -> str:
    """An event's weapons are kinds ("rockets"): strife's weapon lexicon names the kind
    of a tagged weapon it knows; one it does not know is written as tagged, lower case."""
    hits = LEXICON.weapons(quote)
    return hits[0].kind if hits else " ".join(_normal_words(quote))


def attach(events: list[Event], spans: list[RoleSpan], sents: list[Sentence], source_text: str | None = None) -> None:
    """Add the tagger's spans to the events, each with its evidence (char offsets, the
    quote, the tagger's confidence). The record keeps both sources: a span the rules had
    found already adds no second value, only its evidence, marked as such (ALSO_RULES),
    so a reader (muc4.role_fills) can tell the rules' fills from the tagger's.
    `source_text`: the article text (same offsets) to quote, when the tagged text was
    truecased."""
    for span in spans:
        event = _event_for(span, events, sents)
        if event is None:
            continue
        evidence = _evidence(span, source_text)
        values = {"Target": event.targets, "Victim": event.victims, "Weapon": event.weapons}.get(span.role)
        value = _weapon_value(evidence.quote) if span.role == "Weapon" else evidence.quote
        known = values is not None and entity_words(value) in {entity_words(v) for v in values}
        if values is not None and not known:
            values.append(value)
        event.evidence.append(_evidence(span, source_text, also_rules=known))
    for event in events:
        event.evidence.sort(key=lambda e: (e.start is None, e.start or 0))


def rules_only(event: Event) -> Event:
    """The event as the rules coded it: the tagger's evidence and the values it added
    taken out (for comparing the two, and for readers that want one source)."""
    added = {e.quote for e in event.evidence if is_tagged(e) and not e.reason.endswith(ALSO_RULES)}
    weapons_added = {_weapon_value(q) for q in added if q}
    return event.model_copy(update={
        "evidence": [e for e in event.evidence if not is_tagged(e)],
        "targets": [t for t in event.targets if t not in added],
        "victims": [v for v in event.victims if v not in added],
        "weapons": [w for w in event.weapons if w not in weapons_added],
    })


def _evidence(span: RoleSpan, source_text: str | None, also_rules: bool = False) -> Evidence:
    quote = source_text[span.start : span.end] if source_text is not None else span.text
    reason = f"{TAGGER_REASON} ({span.role}, confidence {span.confidence:.2f})" + (ALSO_RULES if also_rules else "")
    return Evidence(field=EVIDENCE_FIELD[span.role], start=span.start, end=span.end, quote=quote, reason=reason)


def place(events: list[Event], spans: list[RoleSpan], sents: list[Sentence], source_text: str | None = None) -> list[Evidence]:
    """Where the tagger's spans go. When one of the events happened they enrich the events
    (attach) and nothing is left over. When none did (the rules found no incident, or only
    planned or denied ones: a role is of what happened), no event is made up for them:
    they are the document's roles, returned as evidence, provided a sentence of the
    document has one of strife's trigger words (a report with no word of violence has no
    incident to have roles of)."""
    if any(e.mode in HAPPENED for e in events):
        attach(events, spans, sents, source_text)
        return []
    if not any(s.signals for s in sents):
        return []
    return [_evidence(span, source_text) for span in spans]


def add_tagged_roles(events: list[Event], doc: Doc, source_text: str | None = None, tagger=None) -> list[Evidence]:
    """The pipeline's step: tag the parsed document, keep the spans above their role's
    threshold (data/roles.json), and place them (`place`): on the events, or, when no
    event happened, as the document's roles, which are returned."""
    tagger = tagger or load_tagger()
    if tagger is None:
        return []
    sents = mark_events(sentences(doc), events)
    return place(events, role_spans(sents, doc.text, tagger, load_ranker(), events), sents, source_text)
