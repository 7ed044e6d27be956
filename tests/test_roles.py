"""The learnt role tagger (extract/roles.py): rows and features, aligning key mentions to
tokens, decoding spans to one fill per entity, attaching them to events, and the shipped
model on texts written here."""

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pycrfsuite
import pytest

from strife.evaluate.muc4 import role_fills
from strife.extract import roles as R
from strife.record import Actor, ArticleRef, Event, Evidence


def _sentence(words: list[str], index: int = 0, signals=("attack",), offset: int = 0) -> R.Sentence:
    rows, pos = [], offset
    for w in words:
        rows.append(R.Row(w, pos, pos + len(w), "NOUN", "NN", "dobj", "x", "ROOT", "", ""))
        pos += len(w) + 1
    return R.Sentence(index, offset, pos, tuple(signals), tuple(rows))


def test_features_carry_the_word_its_window_and_the_sentence():
    s = _sentence(["terrorists", "bombed", "the", "bridge"], index=9, signals=())
    f = R.sentence_features(s)
    assert len(f) == 4
    assert "w=bombed" in f[1] and "-1:w=terrorists" in f[1] and "2:w=bridge" in f[1]
    assert "-2:edge" in f[1] and "1:edge" in f[3]
    assert "sent=7+" in f[0] and "sig=none" in f[0]
    assert "sig=attack" in R.sentence_features(_sentence(["a"]))[0]
    assert R._shape("M-16") == "X-d" and R._shape("Oqueli") == "Xx"


def test_a_key_mention_is_found_on_normalised_words():
    s = _sentence(["bombed", "the", "Bank", "of", "the", "Republic", "and", "an", "M-16", "."])
    # the key writes mentions normalised: no articles, punctuation a space
    assert R.find_mention(s, "bank of republic") == [(2, 5)]
    assert R.find_mention(s, "m 16") == [(8, 8)]
    assert R.find_mention(s, "republic bank") == []
    assert R.find_mention(s, "") == []


def test_gold_labels_all_or_first_occurrence_longest_first():
    sents = [_sentence(["FMLN", "rebels", "attacked"]), _sentence(["the", "FMLN", "said"], index=1)]
    key = {"PerpOrg": [["fmln"]], "PerpInd": [["fmln rebels"]]}
    every = R.gold_labels(sents, key, "all")
    # the longer span wins the token both mentions want
    assert every[0] == ["B-PerpInd", "I-PerpInd", "O"]
    assert every[1] == ["O", "B-PerpOrg", "O"]
    first = R.gold_labels(sents, {"PerpOrg": [["fmln"]]}, "first")
    assert first == [["B-PerpOrg", "O", "O"], ["O", "O", "O"]]


def test_spans_of_reads_bio_with_offsets_and_mean_confidence():
    s = _sentence(["a", "car", "bomb", "killed", "judge", "Perez"])
    text = " ".join(r.text for r in s.rows)
    labels = ["O", "B-Weapon", "I-Weapon", "O", "B-Victim", "I-Victim"]
    spans = R.spans_of(s, labels, [1, 0.8, 0.6, 1, 0.9, 0.9], text)
    assert [(x.role, x.text) for x in spans] == [("Weapon", "car bomb"), ("Victim", "judge Perez")]
    assert spans[0].confidence == pytest.approx(0.7)
    # an I- with no B- still opens a span; a new B- closes the one before
    spans = R.spans_of(s, ["I-Weapon", "B-Weapon", "I-Weapon", "O", "O", "O"], [0.5] * 6, text)
    assert [x.text for x in spans] == ["a", "car bomb"]


def _span(role, text, conf, start=0):
    return R.RoleSpan(role, start, start + len(text), text, conf, 0)


def test_one_per_entity_drops_repeats_parts_aliases_and_unsure_spans():
    spans = [
        _span("Victim", "Hector Oqueli Colindres", 0.9, 0),
        _span("Victim", "Oqueli", 0.8, 40),
        _span("PerpOrg", "Farabundo Marti National Liberation Front", 0.9, 60),
        _span("PerpOrg", "FMLN", 0.7, 120),
        _span("Weapon", "bomb", 0.6, 140),
        _span("Weapon", "car bomb", 0.7, 150),
        _span("Target", "bridge", 0.3, 170),
        _span("PerpInd", "guerrillas", 0.9, 180),
        _span("PerpInd", "guerrilla", 0.8, 200),
    ]
    kept = R.one_per_entity(spans, {"Target": 0.5})
    assert [(k.role, k.text) for k in kept] == [
        ("Victim", "Hector Oqueli Colindres"),
        ("PerpOrg", "Farabundo Marti National Liberation Front"),
        ("Weapon", "car bomb"),
        ("PerpInd", "guerrillas"),
    ]
    assert R.same_entity("the Guerrillas", "urban guerrilla") and not R.same_entity("bus", "buses station")
    assert not R.same_entity("class", "clas")  # "-ss" is no plural


def _event(evidence_at: int, mode="reported", **kw) -> Event:
    return Event(article=ArticleRef(id="t"), mode=mode, event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED",
                 evidence=[Evidence(field="mode", start=evidence_at, end=evidence_at + 5, quote="x")], **kw)


def test_attach_puts_a_span_on_its_sentence_event_and_keeps_both_sources():
    sents = [_sentence(["x"] * 10, 0), _sentence(["y"] * 10, 1, offset=100)]
    first, second = _event(5), _event(105, targets=["embassy"])
    spans = [R.RoleSpan("Weapon", 110, 118, "car bomb", 0.8, 1), R.RoleSpan("Target", 10, 16, "bridge", 0.8, 0),
             R.RoleSpan("Target", 130, 137, "Embassy", 0.8, 1)]
    R.attach([first, second], spans, sents)
    assert first.targets == ["bridge"]
    rocket = _event(5, weapons=["rockets"])
    R.attach([rocket], [R.RoleSpan("Weapon", 10, 16, "rocket", 0.8, 0)], sents)
    assert rocket.weapons == ["rockets"]  # the lexicon's kind, already there
    # the rules' embassy is not written twice: the tagger's evidence says it found it too
    assert second.weapons == ["car bomb"] and second.targets == ["embassy"]
    tagged = [e for e in second.evidence if R.is_tagged(e)]
    assert {(e.field, e.start, e.end) for e in tagged} == {("weapons", 110, 118), ("targets", 130, 137)}
    assert R.rules_only(first).targets == [] and R.rules_only(second).targets == ["embassy"]
    assert not any(R.is_tagged(e) for e in R.rules_only(second).evidence)


def test_role_fills_take_each_roles_source_as_combine_says():
    sents = [_sentence(["x"] * 10, 0)]
    event = _event(5, victims=["two peasants"])
    R.attach([event], [R.RoleSpan("Victim", 10, 15, "Perez", 0.8, 0), R.RoleSpan("Weapon", 20, 28, "car bomb", 0.8, 0)], sents)
    victims = lambda mode: role_fills([event], {r: mode for r in R.ROLES})["Victim"]
    assert victims("union") == ["peasants", "Perez"]
    assert victims("rules") == ["peasants"] and victims("tagger") == ["Perez"] and victims("fallback") == ["peasants"]
    # a tagged span counts on an event MUC would not template (an arrest); the rules' fills do not
    arrest = _event(5, victims=["two peasants"])
    arrest.event_type, arrest.sub_event_type = "Strategic developments", "Arrests"
    R.attach([arrest], [R.RoleSpan("Weapon", 20, 28, "car bomb", 0.8, 0)], sents)
    fills = role_fills([arrest], {r: "union" for r in R.ROLES})
    assert fills["Weapon"] == ["car bomb"] and fills["Victim"] == []


def test_role_fills_count_a_tagged_group_once_beside_the_actor():
    event = _event(0, actor1=Actor(name="FMLN: Farabundo Marti National Liberation Front", mention="FMLN", inter=2))
    event.evidence.append(Evidence(field="perpetrator_groups", start=30, end=70, quote="Farabundo Marti National Liberation Front"))
    event.evidence.append(Evidence(field="perpetrator_groups", start=80, end=100, quote="Manuel Rodriguez Front"))
    event.evidence[-2].reason = event.evidence[-1].reason = "role tagger (PerpOrg, confidence 0.90)"
    assert role_fills([event], {r: "union" for r in R.ROLES})["PerpOrg"] == ["FMLN", "Manuel Rodriguez Front"]


def test_the_data_file_is_consistent_with_the_model():
    config = json.loads(resources.files("strife.data").joinpath("roles.json").read_text(encoding="utf-8"))
    assert set(config["thresholds"]) == set(R.ROLES) == set(config["combine"])
    assert all(0 <= v <= 1 for v in config["thresholds"].values())
    assert set(config["combine"].values()) <= {"union", "fallback", "tagger", "rules"}
    assert config["training"]["label_mentions"] in ("all", "first")
    assert config["training"]["crf_documents"] in ("all", "relevant")
    model = resources.files("strife.data").joinpath(config["model_file"])
    assert model.is_file() and model.stat().st_size < 5_000_000
    labels = set(R.load_tagger().labels())
    assert labels <= {"O"} | {f"{p}-{r}" for p in "BI" for r in R.ROLES}
    assert {f"B-{r}" for r in R.ROLES} <= labels
    # the second stage: a two-label classifier over entities, and small
    entities = resources.files("strife.data").joinpath(config["entity_model_file"])
    assert entities.is_file() and entities.stat().st_size < 2_000_000
    assert set(R.load_ranker().labels()) == {"Y", "N"}
    assert set(config["training"]["entities"]) >= {"c2", "max_iterations"}
    documents = resources.files("strife.data").joinpath(config["document_model_file"])
    assert documents.is_file() and documents.stat().st_size < 1_000_000
    assert set(R.load_document_classifier().labels()) == {"Y", "N"}


def test_the_shipped_models_are_the_ones_roles_json_says_were_trained():
    # roles.json records what the models were trained on (scripts/train_roles.py writes it):
    # the commit, a hash of the training rows, and each model file's hash. A model file
    # replaced without its roles.json (or the other way round) fails here.
    import hashlib

    config = json.loads(resources.files("strife.data").joinpath("roles.json").read_text(encoding="utf-8"))
    trained = config["trained_on"]
    assert trained["commit"] and len(trained["rows_sha256"]) == 16 and trained["documents"] == config["measured"]["documents"]
    files = [config[k] for k in ("model_file", "entity_model_file", "document_model_file")]
    assert set(trained["models_sha256"]) == set(files)
    for name in files:
        data = resources.files("strife.data").joinpath(name).read_bytes()
        assert hashlib.sha256(data).hexdigest()[:16] == trained["models_sha256"][name], name


def test_the_training_rows_fingerprint_moves_with_the_rows_and_the_events():
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_roles", Path(__file__).resolve().parents[1] / "scripts" / "train_roles.py")
    T = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(T)
    row = R.Row("Bomb", 0, 4, "NOUN", "NN", "nsubj", "exploded", "ROOT", "", "weapon")
    doc = {"docid": "d", "sents": [R.Sentence(0, 0, 20, ("explosion",), (row,))], "events": [{"sub_event_type": "Grenade"}]}
    same = T.rows_fingerprint([dict(doc)])
    assert same == T.rows_fingerprint([doc]) and len(same) == 16
    assert T.rows_fingerprint([{**doc, "events": [{"sub_event_type": "Attack"}]}]) != same
    other_row = R.Row("Bomb", 0, 4, "NOUN", "NN", "nsubj", "exploded", "ROOT", "", "")
    assert T.rows_fingerprint([{**doc, "sents": [R.Sentence(0, 0, 20, ("explosion",), (other_row,))]}]) != same


@pytest.fixture(scope="module")
def tagged_doc():
    from strife.analyse import analyse
    from strife.ingest.article import Article

    text = ("SAN SALVADOR, 3 MAR 90 -- URBAN GUERRILLAS TODAY EXPLODED A CAR BOMB OUTSIDE THE OFFICES OF THE\n"
            "NATIONAL TELEPHONE COMPANY IN THE CAPITAL, POLICE SAID.  THE DYNAMITE BLAST DESTROYED THE BUILDING.\n")
    return analyse([Article(id="t", text=text, origin="t")])[0]


def test_the_model_tags_a_weapon_in_an_obvious_sentence(tagged_doc):
    spans = R.tag_sentences(R.sentences(tagged_doc.doc), tagged_doc.text)
    weapons = [s.text.lower() for s in spans if s.role == "Weapon"]
    assert any("bomb" in w or "dynamite" in w for w in weapons), spans
    assert all(tagged_doc.text[s.start : s.end] == s.text for s in spans)


def test_a_tiny_model_trains_and_tags(tmp_path):
    # five short documents: the weapon word in the same frame each time
    trainer = pycrfsuite.Trainer(verbose=False)
    for weapon in ("grenade", "rifle", "bomb", "pistol", "mortar"):
        s = _sentence(["they", "fired", "a", weapon, "at", "police"])
        key = {"Weapon": [[weapon]], "Victim": [["police"]]}
        trainer.append(R.sentence_features(s), R.gold_labels([s], key)[0])
    trainer.set_params({"max_iterations": 50})
    trainer.train(str(tmp_path / "tiny.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "tiny.crfsuite"))
    s = _sentence(["they", "fired", "a", "machete", "at", "police"])
    assert tagger.tag(R.sentence_features(s))[3] == "B-Weapon"


def test_the_crf_can_learn_from_the_reports_that_key_an_incident_only(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import train_roles as T

    def doc(n: int, keyed: bool) -> dict:
        s = _sentence(["rebels", "threw", "a", "grenade", "at", "troops"])
        gold = {"Weapon": [["grenade"]]} if keyed else {}
        return {"docid": f"d{n}", "sents": [s], "gold": gold, "events": []}

    # one report keys its grenade, three tell a grenade MUC keyed nothing of
    docs = [doc(0, True)] + [doc(n, False) for n in range(1, 4)]
    params = {"max_iterations": 50, "c2": 0.01}

    def grenade(relevant_only: bool) -> float:
        path = tmp_path / f"m{relevant_only}.crfsuite"
        T.train(docs, path, params, "all", relevant_only)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        tagger.set(R.sentence_features(docs[0]["sents"][0]))
        return tagger.marginal("B-Weapon", 3)

    # the unkeyed reports' O labels pull the grenade down; left out, it is a weapon
    assert grenade(True) > 0.5 > grenade(False)


def test_mark_events_tells_each_sentence_the_events_it_holds_and_the_documents():
    sents = [_sentence(["x"] * 10, 0), _sentence(["y"] * 10, 1, offset=100)]
    planned = _event(105, mode="planned")
    marked = R.mark_events(sents, [_event(5), planned])
    assert marked[0].events == ("Remote explosive/landmine/IED|reported",)
    assert marked[1].events == ("Remote explosive/landmine/IED|planned",)
    # the document's events are those that happened: the planned one is not among them
    assert marked[0].doc_events == marked[1].doc_events == ("Remote explosive/landmine/IED",)
    f = R.sentence_features(marked[1])
    assert "sev=Remote explosive/landmine/IED|planned" in f[0] and "dev=Remote explosive/landmine/IED" in f[0]
    assert "sev=none" in R.sentence_features(R.mark_events(sents, [])[0])[0]


def test_noun_chunks_and_phrase_heads_are_features(tagged_doc):
    sents = R.sentences(tagged_doc.doc)
    rows = sents[0].rows
    bomb = next(i for i, r in enumerate(rows) if r.text.lower() == "bomb")
    # "a car bomb" is one noun chunk: "a" opens it, "car" and "bomb" are inside
    assert [rows[i].chunk for i in (bomb - 2, bomb - 1, bomb)] == ["B", "I", "I"]
    assert rows[bomb - 1].head_i == bomb  # "car" hangs from "bomb"
    assert "chunk=I" in R.sentence_features(sents[0])[bomb]


def test_place_gives_the_document_its_roles_only_when_no_event_happened():
    sents = [_sentence(["x"] * 10, 0)]
    span = R.RoleSpan("Victim", 10, 15, "Perez", 0.8, 0)
    happened = _event(5)
    assert R.place([happened], [span], sents) == [] and any(R.is_tagged(e) for e in happened.evidence)
    # no event, or only a planned one: no event is made up, the span is the document's
    planned = _event(5, mode="planned")
    for events in ([], [planned]):
        roles = R.place(events, [span], sents)
        assert [(e.field, e.start, e.end, e.quote) for e in roles] == [("victims", 10, 15, "Perez")]
    assert not any(R.is_tagged(e) for e in planned.evidence)
    # a document with no trigger word of violence has no incident to have roles of
    assert R.place([], [span], [_sentence(["x"] * 10, 0, signals=())]) == []
    fills = role_fills([], {r: "tagger" for r in R.ROLES}, document_roles=R.place([], [span], sents))
    assert fills["Victim"] == ["Perez"]



# -- the second stage: entities -------------------------------------------------------------
NAMES = ("O",) + tuple(f"{p}-{r}" for r in R.ROLES for p in "BI")


def _tagged(labels: list[str], probs: list[dict[str, float]]) -> R.Tagged:
    """A CRF reading written by hand: per token, the labels' marginals (the rest to O)."""
    rows = []
    for p in probs:
        rows.append(tuple(p.get(n, 1 - sum(p.values()) if n == "O" else 0.0) for n in NAMES))
    return R.Tagged(tuple(labels), tuple(rows), NAMES)


def _chunked(words: list[str], chunks: str, index: int = 0, offset: int = 0) -> R.Sentence:
    # chunks: one letter a word, "B"/"I" inside a noun chunk, "-" outside
    s = _sentence(words, index=index, offset=offset)
    rows = tuple(replace(r, chunk="" if c == "-" else c) for r, c in zip(s.rows, chunks))
    return replace(s, rows=rows)


def test_candidates_are_viterbi_spans_weaker_runs_and_chunks_with_weight():
    s = _chunked(["gunmen", "shot", "the", "mayor", "of", "tolima", "with", "pistols"], "B-BI-B-B")
    labels = ["B-PerpInd", "O", "O", "B-Victim", "O", "O", "O", "O"]
    # "the" below R.CANDIDATE_FLOOR (0.03): no run of its own, but inside the chunk "the mayor"
    t = _tagged(labels, [{"B-PerpInd": 0.9}, {}, {"B-Victim": 0.02}, {"B-Victim": 0.6}, {"I-Victim": 0.3},
                         {"I-Victim": 0.3}, {}, {"B-Weapon": 0.4}])
    got = {(c.role, c.a, c.b, c.viterbi) for c in R.candidates([s], [t])}
    # the CRF's spans; its weaker run "mayor of tolima" (no B- likelier than an I- inside it);
    # the chunks "the mayor" and "tolima" that hold a Victim token; a weapon the Viterbi
    # path left out; nothing of "shot" and "with", which have no weight for any role
    assert got == {("PerpInd", 0, 0, True), ("Victim", 3, 3, True), ("Victim", 3, 5, False),
                   ("Victim", 2, 3, False), ("Victim", 5, 5, False), ("Weapon", 7, 7, False)}
    score = {(c.role, c.a, c.b): c.score for c in R.candidates([s], [t])}
    assert score[("Victim", 3, 5)] == pytest.approx((0.6 + 0.3 + 0.3) / 3)
    assert score[("Victim", 2, 3)] == pytest.approx((0.02 + 0.0) / 2)


def test_entity_items_pool_an_entitys_mentions_over_the_document():
    text = "a car bomb went off . the car bomb hit a bus"
    first = _chunked(["a", "car", "bomb", "went", "off", "."], "BII---")
    second = _chunked(["the", "car", "bomb", "hit", "a", "bus"], "BII-BI", index=1, offset=22)
    t1 = _tagged(["O", "B-Weapon", "I-Weapon", "O", "O", "O"],
                 [{"B-Weapon": 0.1}, {"B-Weapon": 0.7}, {"I-Weapon": 0.7}, {}, {}, {}])
    t2 = _tagged(["O", "B-Weapon", "I-Weapon", "O", "O", "B-Target"],
                 [{}, {"B-Weapon": 0.9}, {"I-Weapon": 0.9}, {}, {}, {"B-Target": 0.8}])
    items = R.entity_items([first, second], [t1, t2], text)
    weapons = [(span, f) for span, f in items if span.role == "Weapon"]
    # "a car bomb", "car bomb" and "the car bomb" are one entity: one item, its best mention
    assert len(weapons) == 1
    span, f = weapons[0]
    assert (span.text, span.sentence, span.confidence) == ("car bomb", 1, 0.9)
    assert f["Weapon|mentions=2"] == 1.0 and f["Weapon|first=0"] == 1.0 and f["Weapon|rank=1"] == 1.0
    assert f["Weapon|viterbi=True"] == 1.0 and f["Weapon|head=bomb"] == 1.0
    assert [s.text for s, _ in items if s.role == "Target"] == ["bus"]


def test_the_entity_ranker_learns_from_document_level_features(tmp_path):
    # an entity said in two sentences is a fill, one said once is not: the CRF's scores
    # are alike, only the mentions pooled over the document tell them apart
    trainer = pycrfsuite.Trainer(verbose=False)
    for n in range(20):
        trainer.append([{"Victim|mentions=2": 1.0, "score": 0.5}], ["Y"])
        trainer.append([{"Victim|mentions=1": 1.0, "score": 0.5}], ["N"])
    trainer.set_params({"max_iterations": 50, "c2": 0.1})
    trainer.train(str(tmp_path / "entities.crfsuite"))
    ranker = pycrfsuite.Tagger()
    ranker.open(str(tmp_path / "entities.crfsuite"))
    text = "rebels killed the judge and a driver . the judge had been threatened"
    sents = [_chunked(["rebels", "killed", "the", "judge", "and", "a", "driver", "."], "B-BI-BI-"),
             _chunked(["the", "judge", "had", "been", "threatened"], "BI---", index=1, offset=39)]
    taggeds = [_tagged(["O", "O", "O", "B-Victim", "O", "O", "B-Victim", "O"],
                       [{}, {}, {}, {"B-Victim": 0.5}, {}, {}, {"B-Victim": 0.5}, {}]),
               _tagged(["O", "B-Victim", "O", "O", "O"], [{}, {"B-Victim": 0.5}, {}, {}, {}])]
    scored = {s.text: s.confidence for s in R.score_items(R.entity_items(sents, taggeds, text), ranker)}
    assert set(scored) == {"judge", "driver"}
    assert scored["judge"] > 0.7 > 0.3 > scored["driver"]


def test_entity_items_join_a_groups_aliases_and_mark_longer_and_rule_found_entities():
    text = "the FMLN and the farabundo marti national liberation front attacked the mayor of tolima"
    s = _chunked(["the", "FMLN", "and", "the", "farabundo", "marti", "national", "liberation", "front", "attacked",
                  "the", "mayor", "of", "tolima"], "BI-BIIIII-BI-B")
    probs = [{}, {"B-PerpOrg": 0.6}, {}, {}, {"B-PerpOrg": 0.8}] + [{"I-PerpOrg": 0.8}] * 4 + [{}, {},
             {"B-Victim": 0.7}, {"I-Victim": 0.4}, {"I-Victim": 0.4}]
    labels = ["O", "B-PerpOrg", "O", "O", "B-PerpOrg"] + ["I-PerpOrg"] * 4 + ["O", "O", "B-Victim", "O", "O"]
    items = R.entity_items([s], [_tagged(labels, probs)], text, rules={"Victim": ["mayor"]})
    orgs = [span.text for span, _ in items if span.role == "PerpOrg"]
    # the front's two names are one entity, its best-scored mention the fill
    assert orgs == ["farabundo marti national liberation front"]
    victims = {span.text: f for span, f in items if span.role == "Victim"}
    assert set(victims) == {"mayor", "mayor of tolima", "tolima"}  # "tolima": a chunk with weight
    # "mayor" (0.7) is better liked than the longer "mayor of tolima" (0.5) around it
    assert victims["mayor"]["Victim|longer_better=False"] == 1.0
    assert victims["mayor of tolima"]["Victim|shorter_better=True"] == 1.0
    # the rules filled "mayor" as a victim, not the longer phrase
    assert victims["mayor"]["Victim|rules=True"] == 1.0 and victims["mayor of tolima"]["Victim|rules=False"] == 1.0


def test_document_features_read_the_lede_the_triggers_and_the_crfs_certainty():
    lede = _sentence(["bandits", "burned", "a", "bus"], signals=("burn",))
    later = _sentence(["talks", "resumed"], index=6, signals=(), offset=30)
    tagged = [_tagged(["O", "O", "O", "B-Target"], [{}, {}, {}, {"B-Target": 0.9}]), _tagged(["O", "O"], [{}, {}])]
    f = R.document_features([lede, later], tagged)
    assert f["w=bandits"] == 1.0 and f["sig=burn"] == 1.0 and f["first_signal=0"] == 1.0
    assert f["best_Target=4"] == 1.0 and f["best_Target"] == pytest.approx(0.9) and f["best_Victim=0"] == 1.0
    # only the lede's words: the sixth sentence's are not read
    assert "w=talks" not in f
    quiet = R.document_features([later], [tagged[1]])
    assert "first_signal=7+" in quiet and not any(k.startswith("sig=") for k in quiet)


def test_features_say_how_far_the_first_trigger_is_and_how_a_phrase_hangs():
    quiet = _sentence(["officials", "met"], 0, signals=())
    first = _sentence(["rebels", "attacked"], 1, offset=20)
    later = _sentence(["by", "urban", "guerrillas"], 3, signals=(), offset=40)
    # "urban" hangs from "guerrillas", the object of "by": the phrase is the agent's
    rows = (replace(later.rows[0], dep="prep", head="attacked"), replace(later.rows[1], dep="amod", head_i=2),
            replace(later.rows[2], dep="pobj", head="by", head_i=0))
    marked = R.mark_events([quiet, first, replace(later, rows=rows)], [])
    assert [s.since_signal for s in marked] == [-1, 0, 2]
    assert "since=before" in R.sentence_features(marked[0])[0] and "since=2" in R.sentence_features(marked[2])[0]
    assert "phrase=pobj|by" in R.sentence_features(marked[2])[1]


def test_a_role_keeps_its_best_near_miss_only_in_a_document_with_an_incident():
    spans = [
        _span("Victim", "Maria Lopez", 0.8, 0),
        _span("PerpOrg", "Popular Liberation Army", 0.25, 30),
        _span("PerpOrg", "the government", 0.22, 70),
        _span("PerpOrg", "mayor's office", 0.1, 90),
        _span("Target", "bridge", 0.2, 110),
    ]
    thresholds, margins = {"Victim": 0.5, "PerpOrg": 0.3, "Target": 0.3}, {"PerpOrg": 0.1}
    kept = R.one_per_entity(spans, thresholds)
    assert [k.text for k in kept] == ["Maria Lopez"]
    # the best PerpOrg within 0.1 of its threshold joins; Target has no margin, and the weaker one stays out
    assert [k.text for k in R.with_near_misses(spans, kept, thresholds, margins)] == ["Maria Lopez", "Popular Liberation Army"]
    # nothing kept: no incident, no near miss, unless the rules saw one MUC keys
    weak = [s for s in spans if s.role != "Victim"]
    assert R.with_near_misses(weak, [], thresholds, margins) == []
    assert [k.text for k in R.with_near_misses(weak, [], thresholds, margins, keyed=True)] == ["Popular Liberation Army"]
    # a role that kept a span of its own takes no near miss
    strong = spans + [_span("PerpOrg", "Shining Path", 0.9, 130)]
    assert [k.text for k in R.with_near_misses(strong, R.one_per_entity(strong, thresholds), thresholds, margins)] == [
        "Maria Lopez", "Shining Path"]


def test_near_miss_margins_name_thresholded_roles_and_stay_above_zero():
    margins = {k: v for k, v in R.CONFIG["near_miss_margins"].items() if not k.startswith("_")}
    assert R.CONFIG["near_miss_margins"]["_doc"]
    for role, margin in margins.items():
        assert role in R.CONFIG["thresholds"]
        assert 0 < margin < R.CONFIG["thresholds"][role]
