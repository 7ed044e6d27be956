"""What a user gives -> Articles, one per report, and Skipped records for the rest.

Files (.txt, .html, .jsonl, RSS/Atom, WARC), folders (recursively, sorted) and "-" for
stdin. Nothing raises for bad input: every problem becomes a Skipped with a specific
reason, and the stream goes on. Everything is lazy, so a batch of any size streams.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import BinaryIO, Iterator

from strife.ingest.article import Article, Skipped, date_from_iso
from strife.ingest.decode import MAX_BYTES, NotText, decode
from strife.ingest.furniture import find_furniture, find_headline
from strife.ingest.html import extract_html, looks_like_html
from strife.ingest.jsonlines import json_lines
from strife.ingest.language import detect_language, language_name

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".gz"}

Item = Article | Skipped


def read_inputs(paths: list[str], published: dt.date | None = None, stdin: BinaryIO | None = None) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            data = (stdin or io.BytesIO()).read(MAX_BYTES + 1)
            yield from _from_bytes(data, "<stdin>", "stdin", published)
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file()):
                yield from _from_file(child, child.relative_to(p).as_posix(), published)
        elif p.exists():
            yield from _from_file(p, p.name, published)
        else:
            yield Skipped(origin=path, reason="no such file or directory")


def _from_file(path: Path, article_id: str, published: dt.date | None) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        yield Skipped(origin=origin, reason="hidden file, not read")
        return
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            yield from _from_jsonl(path, published)
            return
        if suffix in WARC_SUFFIXES and (suffix == ".warc" or path.name.endswith(".warc.gz")):
            yield from _from_warc(path, published)
            return
        if size > MAX_BYTES:
            yield Skipped(origin=origin, reason=f"file is {size / 2**20:.0f} MB, larger than a report can be ({MAX_BYTES // 2**20} MB); not read")
            return
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES:
            yield Skipped(origin=origin, reason=f"unsupported file type '{suffix}' (strife reads .txt, .html, .jsonl, feeds and WARC)")
            return
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        yield Skipped(origin=origin, reason=f"cannot read: {exc.strerror or exc}")
        return
    if suffix in FEED_SUFFIXES or data.lstrip()[:200].lower().startswith((b"<?xml", b"<rss", b"<feed")):
        if b"<rss" in data[:2000] or b"<feed" in data[:2000]:
            yield from _from_feed(data, origin, published)
            return
    yield from _from_bytes(data, origin, article_id, published, html=suffix in HTML_SUFFIXES or None)


def _from_bytes(data: bytes, origin: str, article_id: str, published: dt.date | None, html: bool | None = None,
                meta: dict | None = None) -> Iterator[Item]:
    if len(data) > MAX_BYTES:
        yield Skipped(origin=origin, reason=f"input is larger than a report can be ({MAX_BYTES // 2**20} MB); not read", id=article_id)
        return
    if not data.strip():
        yield Skipped(origin=origin, reason="empty input", id=article_id)
        return
    try:
        text, repairs = decode(data)
    except NotText as exc:
        yield Skipped(origin=origin, reason=str(exc), id=article_id)
        return
    yield _article(text, origin, article_id, published, html, meta or {}, repairs)


def _article(text: str, origin: str, article_id: str, published: dt.date | None, html: bool | None,
             meta: dict, repairs: list[str]) -> Item:
    basis = "argument" if published else "none"
    if meta.get("published") and not published:
        published, basis = meta["published"], "metadata"
    if html or (html is None and looks_like_html(text)):
        text, page = extract_html(text)
        repairs = repairs + ["main text extracted from HTML"]
        for key in ("title", "url", "source"):
            meta.setdefault(key, page.get(key))
            meta[key] = meta[key] or page.get(key)
        if published is None and page.get("published"):
            published, basis = page["published"], "html"
        if not text.strip():
            return Skipped(origin=origin, reason="no article text found in the HTML", id=article_id)
    if not any(c.isalpha() for c in text):
        return Skipped(origin=origin, reason="no words in the input", id=article_id)
    furniture = find_furniture(text)
    headline = find_headline(text)
    if headline is not None and not any(f.start <= headline.start < f.end for f in furniture):
        furniture.insert(0, headline)
        meta["title"] = meta.get("title") or text[headline.start : headline.end].strip()
    article = Article(
        id=article_id, text=text, origin=origin, title=meta.get("title"), url=meta.get("url"),
        source=meta.get("source"), published=published, published_basis=basis,
        furniture=furniture, repairs=repairs,
    )
    lang = detect_language(article.body)
    if lang is not None and lang != "en":
        return Skipped(origin=origin, reason=f"language is {lang} ({language_name(lang)}); strife analyses English only", id=article_id)
    article.language = "en"
    return article


def _from_jsonl(path: Path, published: dt.date | None) -> Iterator[Item]:
    with open(path, "rb") as f:
        for line in json_lines(f, path.name):
            origin, row = line.origin, line.value
            if line.error is not None:
                yield Skipped(origin=origin, reason=f"not a JSON object: {line.error}")
                continue
            if not isinstance(row, dict):
                yield Skipped(origin=origin, reason="not a JSON object")
                continue
            body = row.get("text") or row.get("html")
            article_id = str(row.get("id") or origin)
            if not isinstance(body, str) or not body.strip():
                yield Skipped(origin=origin, reason="row has no 'text' or 'html'", id=article_id)
                continue
            meta = {"title": row.get("title"), "url": row.get("url"), "source": row.get("source"),
                    "published": date_from_iso(row.get("published"))}
            if row.get("published") and meta["published"] is None:
                yield Skipped(origin=origin, reason=f"'published' is not a date: {row.get('published')!r}", id=article_id)
                continue
            yield from _from_bytes(body.encode("utf-8"), origin, article_id, published,
                                   html=bool(row.get("html")) and not row.get("text"), meta=meta)


def _from_feed(data: bytes, origin: str, published: dt.date | None) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        yield Skipped(origin=origin, reason="a feed with no items")
        return
    for n, entry in enumerate(feed.entries, start=1):
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        meta = {"title": entry.get("title"), "url": entry.get("link"), "source": feed.feed.get("title"),
                "published": dt.date(*stamp[:3]) if stamp else None}
        item_id = entry.get("id") or entry.get("link") or f"{origin}:{n}"
        yield from _from_bytes(content.encode("utf-8"), f"{origin}:{n}", item_id, published, html=None, meta=meta)


def _from_warc(path: Path, published: dt.date | None) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Skipped(origin=str(path), reason="WARC input needs the warcio package: pip install warcio")
        return
    with open(path, "rb") as f:
        for n, record in enumerate(ArchiveIterator(f), start=1):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (ctype or ""):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(MAX_BYTES + 1)
            yield from _from_bytes(data, f"{path.name}:{n}", url or f"{path.name}:{n}", published, html=True,
                                   meta={"url": url})
