"""The role tagger's pretrained encoder (extract/role_encoder.py): its data file, the
windows it reads text in, how its probabilities land on strife's tokens and blend with the
CRF's, and the shipped model on sentences written here."""

from importlib import resources

import pytest
from tokenizers import Tokenizer

from strife.extract import role_encoder as E
from strife.extract import roles as R


def _sentence(words: list[str], index: int = 0, offset: int = 0) -> R.Sentence:
    rows, pos = [], offset
    for w in words:
        rows.append(R.Row(w, pos, pos + len(w), "NOUN", "NN", "dobj", "x", "ROOT", "", ""))
        pos += len(w) + 1
    return R.Sentence(index, offset, pos, ("attack",), tuple(rows))


def _sentences(*texts: str) -> list[R.Sentence]:
    out, offset = [], 0
    for i, t in enumerate(texts):
        out.append(_sentence(t.split(), i, offset))
        offset = out[-1].end + 1
    return out


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    t = Tokenizer.from_file(str(resources.files("strife.data").joinpath(E.CONFIG["tokenizer_file"])))
    t.no_truncation()
    t.no_padding()
    return t


def test_data_file_is_consistent():
    config = E.CONFIG
    # every role of the CRF, B- and I-, and O: the blend maps the two by label name
    assert set(E.LABELS) == {"O"} | {f"{tag}-{role}" for role in R.ROLES for tag in "BI"}
    assert len(E.LABELS) == len(set(E.LABELS)) == 11
    assert 8 <= config["max_pieces"] <= 512  # the base model's positions
    assert 0.0 <= config["blend"] <= 1.0
    t = config["training"]
    assert t["epochs"] >= 1 and t["batch_size"] >= 1 and 0 < t["learning_rate"] < 1 and 0 < t["o_weight"] <= 1
    data = resources.files("strife.data")
    assert data.joinpath(config["tokenizer_file"]).is_file()
    assert config["model_files"] and all(data.joinpath(m).is_file() for m in config["model_files"])


def test_windows_cover_every_token_once_and_keep_sentences_whole(tokenizer):
    sents = _sentences("Guerrillas dynamited the Usulutan power station .",
                       "Two peasants were killed by unidentified individuals .",
                       "The army blamed the FMLN .")
    wins = E.windows(sents, tokenizer, 64)
    assert len(wins) == 1  # all three fit one window: a token sees across sentence breaks
    firsts = [(si, ri) for w in wins for si, ri, _ in w.firsts]
    assert firsts == [(si, ri) for si, s in enumerate(sents) for ri in range(len(s.rows))]
    w = wins[0]
    assert w.ids[0] == tokenizer.token_to_id("[CLS]") and w.ids[-1] == tokenizer.token_to_id("[SEP]")
    # a token's position is its first piece: "dynamited" is several pieces, "the" after it starts later
    pos = {(si, ri): p for si, ri, p in w.firsts}
    assert pos[(0, 2)] - pos[(0, 1)] == len(tokenizer.encode("dynamited", add_special_tokens=False).ids) > 1
    # a small window: sentences go to windows of their own, none cut while it fits
    small = E.windows(sents, tokenizer, 16)
    assert len(small) == 3 and all(len(x.ids) <= 16 for x in small)
    assert [{si for si, _, _ in x.firsts} for x in small] == [{0}, {1}, {2}]


def test_a_sentence_longer_than_a_window_is_cut_and_nothing_is_lost(tokenizer):
    sents = [_sentence(["soldiers"] * 300)]
    wins = E.windows(sents, tokenizer, 128)
    assert len(wins) >= 3 and all(len(w.ids) <= 128 for w in wins)
    assert sorted(ri for w in wins for _, ri, _ in w.firsts) == list(range(300))


def test_spread_puts_probabilities_on_rows_and_o_where_a_token_has_no_piece(tokenizer):
    sents = [_sentence(["bomb", " ", "exploded"])]
    wins = E.windows(sents, tokenizer, 32)
    assert [ri for _, ri, _ in wins[0].firsts] == [0, 2]  # the blank token has no piece
    n = len(E.LABELS)
    weapon = [0.0] * n
    weapon[E.LABELS.index("B-Weapon")] = 1.0
    probs = [[[1.0 / n] * n for _ in wins[0].ids]]
    probs[0][wins[0].firsts[0][2]] = weapon
    rows = E.spread(sents, wins, probs)[0]
    assert rows[0][E.LABELS.index("B-Weapon")] == 1.0
    assert rows[1][E.LABELS.index("O")] == 1.0 and sum(rows[1]) == 1.0
    assert rows[2][0] == round(1.0 / n, 4)


def test_blend_weighs_the_encoder_and_keeps_the_crfs_labels():
    names = ("O", "B-Victim", "I-Victim")
    crf = [R.Tagged(("O", "B-Victim"), ((1.0, 0.0, 0.0), (0.2, 0.8, 0.0)), names)]
    enc = [[tuple(1.0 if label == "B-Victim" else 0.0 for label in E.LABELS),
            tuple(1.0 if label == "O" else 0.0 for label in E.LABELS)]]
    assert R.blend(crf, enc, 0.0)[0].marginals == crf[0].marginals
    half = R.blend(crf, enc, 0.5)[0]
    assert half.labels == crf[0].labels
    assert half.p(0, "B-Victim") == 0.5 and half.p(0, "O") == 0.5
    assert half.p(1, "B-Victim") == 0.4 and half.p(1, "O") == 0.6
    assert R.blend(crf, enc, 1.0)[0].p(0, "B-Victim") == 1.0


def test_a_blended_reading_makes_the_entity_stage_see_what_the_crf_missed():
    sents = _sentences("The bodies of Hector Oqueli were found .")
    names = tuple(E.LABELS)
    nothing = [R.Tagged(tuple("O" for _ in s.rows), tuple(tuple(1.0 if n == "O" else 0.0 for n in names) for _ in s.rows), names)
               for s in sents]
    text = " ".join(r.text for r in sents[0].rows)
    assert not [c for c in R.candidates(sents, nothing) if c.role == "Victim"]
    says = [[tuple(1.0 if n == {3: "B-Victim", 4: "I-Victim"}.get(i, "O") else 0.0 for n in E.LABELS)
             for i in range(len(sents[0].rows))]]
    blended = R.blend(nothing, says, 0.5)
    items = R.entity_items(sents, blended, text)
    victims = [span.text for span, _ in items if span.role == "Victim"]
    assert "Hector Oqueli" in victims


@pytest.fixture(scope="module")
def encoder():
    data = resources.files("strife.data")
    return E.RoleEncoder([str(data.joinpath(m)) for m in E.CONFIG["model_files"]], str(data.joinpath(E.CONFIG["tokenizer_file"])))


def _best(encoder, sentence: str) -> dict[str, str]:
    sents = _sentences(sentence)
    probs = encoder.probabilities(sents)[0]
    return {row.text: E.LABELS[max(range(len(p)), key=p.__getitem__)] for row, p in zip(sents[0].rows, probs)}


def test_the_shipped_encoder_reads_roles_in_sentences_it_never_saw(encoder):
    # written here, not MUC-4 text: the weapon, the victims and the perpetrators of an attack
    best = _best(encoder, "Urban guerrillas threw a grenade at a police patrol , wounding three agents .")
    assert best["grenade"] == "B-Weapon"
    assert best["guerrillas"].endswith("PerpInd")
    assert _best(encoder, "Members of the Shining Path killed the mayor of the town yesterday .")["mayor"].endswith("Victim")
    # probabilities: each row sums to one
    rows = encoder.probabilities(_sentences("A car bomb exploded ."))[0]
    assert all(abs(sum(p) - 1.0) < 0.01 for p in rows)


def test_load_encoder_follows_the_blend_weight(monkeypatch):
    E.load_encoder.cache_clear()
    monkeypatch.setitem(E.CONFIG, "blend", 0.0)
    assert E.load_encoder() is None  # the CRF alone
    E.load_encoder.cache_clear()
    monkeypatch.setitem(E.CONFIG, "blend", 0.5)
    assert isinstance(E.load_encoder(), E.RoleEncoder)
    E.load_encoder.cache_clear()
