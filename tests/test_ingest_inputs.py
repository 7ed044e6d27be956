"""Ingest: every kind of input becomes an Article or a Skipped with a specific reason."""

import datetime as dt
import io
import json

from strife.extract.lexicon import load_data
from strife.ingest import Article, Skipped, read_inputs
from strife.ingest.furniture import LINE_PATTERNS, find_furniture

STORY = (
    "Gunmen attacked a police station in the town on Monday, killing two officers, "
    "police told Reuters. The attackers escaped on motorcycles, a local official said, "
    "and a search operation was under way in the surrounding villages.\n"
)


def read(tmp_path, name, content, **kw):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return list(read_inputs([str(path)], **kw))


def test_furniture_is_marked_and_the_story_kept(tmp_path):
    page = (
        "Skip to main content\nOpen this photo in gallery:\n\n"
        "Police officers stand guard near the site of an attack on Monday.JOHN DOE/Getty Images\n\n"
        + STORY + "\nFollow related authors and topics\n"
    )
    (article,) = read(tmp_path, "page.txt", page)
    reasons = {f.reason for f in article.furniture}
    assert {"navigation link", "photo gallery link", "follow prompt"} <= reasons
    assert any("caption" in r for r in reasons)
    for f in article.furniture:
        assert article.text[f.start : f.end].strip()
        assert "Gunmen attacked" not in article.text[f.start : f.end]
    body = article.body
    assert len(body) == len(article.text)
    assert "Gunmen attacked a police station" in body
    assert "Getty Images" not in body and "Skip to main content" not in body


def test_a_source_named_in_a_sentence_is_not_a_credit():
    assert find_furniture(STORY) == []


def test_mojibake_is_repaired(tmp_path):
    (article,) = read(tmp_path, "moji.txt", STORY.replace("local", "localâ€™s"))
    assert "local’s" in article.text
    assert any("mojibake" in r for r in article.repairs)


def test_latin1_bytes_are_decoded(tmp_path):
    text = STORY.replace("town", "town of Peñas") + "Café owners closed their shops.\n"
    (article,) = read(tmp_path, "latin.txt", text.encode("latin-1"))
    assert "Peñas" in article.text and "Café" in article.text
    assert any("not UTF-8" in r for r in article.repairs)


def test_binary_and_empty_files_are_skipped_with_reasons(tmp_path):
    (pdf,) = read(tmp_path, "doc.txt", b"%PDF-1.7\n\x00\x01binary")
    assert isinstance(pdf, Skipped) and "PDF" in pdf.reason
    (empty,) = read(tmp_path, "empty.txt", "   \n")
    assert isinstance(empty, Skipped) and "empty" in empty.reason


def test_a_huge_file_is_skipped_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Skipped) and "200 MB" in item.reason


def test_broken_html_still_yields_text(tmp_path):
    html = "<html><body><div><p>" + STORY + "<p>More text about the raid.<div></body>"
    (article,) = read(tmp_path, "broken.html", html)
    assert isinstance(article, Article)
    assert "Gunmen attacked" in article.text


def test_html_date_from_metadata_and_none_from_copyright(tmp_path):
    page = (
        '<html><head><meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        "<title>Attack</title></head><body><article><p>" + STORY + "</p></article></body></html>"
    )
    (article,) = read(tmp_path, "dated.html", page)
    assert article.published == dt.date(2024, 3, 5) and article.published_basis == "html"
    undated = "<html><body><article><p>" + STORY + "</p></article><footer>© Copyright 2019</footer></body></html>"
    (article,) = read(tmp_path, "undated.html", undated)
    assert article.published is None and article.published_basis == "none"


def test_jsonl_bad_lines_are_named_and_the_batch_goes_on(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": STORY, "published": "2024-03-05", "url": "https://example.org/1"}),
        "{broken",
        json.dumps({"id": "r3", "title": "no body"}),
        json.dumps({"text": STORY}),
    ]
    items = read(tmp_path, "batch.jsonl", "\n".join(lines))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Skipped", "Article"]
    assert items[0].id == "r1" and items[0].published == dt.date(2024, 3, 5) and items[0].published_basis == "metadata"
    assert items[1].origin == "batch.jsonl:2"
    assert "no 'text'" in items[2].reason
    assert items[3].id == "batch.jsonl:4"


def test_published_argument_overrides(tmp_path):
    (article,) = read(tmp_path, "r.txt", STORY, published=dt.date(2023, 1, 2))
    assert article.published == dt.date(2023, 1, 2) and article.published_basis == "argument"


def test_another_language_is_skipped(tmp_path):
    french = (
        "Des hommes armés ont attaqué un poste de police dans la ville lundi soir, tuant deux agents, "
        "selon un responsable local. Les assaillants ont pris la fuite à moto et une opération de "
        "recherche était en cours dans les villages voisins, a précisé la police.\n"
    )
    (item,) = read(tmp_path, "fr.txt", french)
    assert isinstance(item, Skipped) and "fr" in item.reason and "French" in item.reason


def test_english_note_with_nigerian_names_is_english_and_pidgin_is_not(tmp_path):
    # a short coder note dense with Hausa place names scores a shade more Nigerian Pidgin than English
    note = ("On 7 March 2024, bandits abducted 287 pupils and teachers from a school in Kajuru (Kajuru, Kaduna, "
            "Nigeria). No fatalities.\n")
    (article,) = read(tmp_path, "note.txt", note * 2)
    assert isinstance(article, Article) and article.language == "en"
    pidgin = ("Wetin dey happen for Lagos? Police don arrest plenty pipo wey dey protest for road on Monday. Dem say "
              "di pipo no get permit to gada for di place, but di protesters say na dia right to tok wetin dey pain dem.\n")
    (item,) = read(tmp_path, "pcm.txt", pidgin)
    assert isinstance(item, Skipped) and "pcm" in item.reason


def test_upper_case_wire_text_is_english(tmp_path):
    (article,) = read(tmp_path, "wire.txt", STORY.upper())
    assert isinstance(article, Article) and article.language == "en"


def test_directories_recurse_and_name_what_they_skip(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(STORY)
    (tmp_path / "in" / "sub" / "a.txt").write_text(STORY.replace("Monday", "Tuesday"))
    (tmp_path / "in" / "photo.png").write_bytes(b"\x89PNG....")
    items = list(read_inputs([str(tmp_path / "in"), str(tmp_path / "missing.txt")]))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert sorted(a.id for a in articles) == ["a.txt", "sub/a.txt"]
    assert any(".png" in s.reason for s in skipped)
    assert any("no such file" in s.reason for s in skipped)


def test_stdin(tmp_path):
    (article,) = list(read_inputs(["-"], stdin=io.BytesIO(STORY.encode())))
    assert article.id == "stdin" and article.origin == "<stdin>"


def test_rss_feed_items_become_articles(tmp_path):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Attack</title><link>https://example.org/a</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{STORY}</description></item></channel></rss>"
    )
    (article,) = read(tmp_path, "feed.xml", feed)
    assert article.url == "https://example.org/a" and article.published == dt.date(2024, 3, 5)
    assert article.source == "Wire"


def test_furniture_data_file_loads_and_compiles():
    data = load_data("furniture.json")
    assert data["lines"] and data["photo_agencies"]
    assert all(entry["reason"] for entry in data["lines"])
    assert len(LINE_PATTERNS) == len(data["lines"])


def test_every_json_lines_reader_names_a_bad_line_by_the_same_number(tmp_path):
    """Report batches, gold files and event-record files share one line reader: a blank line
    is counted but not read, and the line that is no JSON or no object is named alike."""
    from strife.evaluate.records import read_gold
    from strife.export.records import EventFile
    from strife.ingest import read_inputs

    path = tmp_path / "lines.jsonl"
    good_report = '{"id": "r1", "text": "Police fired tear gas at marchers in Nairobi on Tuesday.", "article": {"id": "r1"}}'
    path.write_text(f"{good_report}\n\nnot json\n[1, 2]\n", encoding="utf-8")
    expected = [f"{path.name}:3", f"{path.name}:4"]

    batch = [i for i in read_inputs([str(path)]) if getattr(i, "reason", None) is not None]
    assert [s.origin for s in batch] == expected
    _, gold_skips = read_gold(path)
    assert [s.origin for s in gold_skips] == expected
    with path.open(encoding="utf-8") as stream:
        records = EventFile(stream, path.name)
        list(records)
    # whether the first line passes as an event record is the record model's business, not the reader's
    assert [s.origin for s in records.skipped if s.origin != f"{path.name}:1"] == expected
