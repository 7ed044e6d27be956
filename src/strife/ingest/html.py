"""HTML -> Article: trafilatura for the main text and metadata, htmldate for the date.

htmldate's extensive search takes a date from a "© Copyright 2019" line on pages that
have none (DESIGN.md), so it is off: a missing date stays missing.
"""

from __future__ import annotations

import datetime as dt
import re

LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|body|head|p|div|article)\b", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:2000]
    return bool(LOOKS_HTML.search(head)) and head.count("<") >= 3


def extract_html(html: str) -> tuple[str, dict]:
    """-> (main text, metadata with title/url/source/published). Text is "" when nothing is found."""
    import trafilatura
    from htmldate import find_date

    meta: dict = {}
    doc = None
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception:  # trafilatura on broken markup: fall back to the plain text below
        doc = None
    text = ""
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
        text = get("text") or ""
        meta = {"title": get("title"), "url": get("url"), "source": get("sitename")}
    if not text.strip():
        text = _plain_text(html)
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:
        found = None
    meta["published"] = dt.date.fromisoformat(found[:10]) if found else None
    return text, meta


def _plain_text(html: str) -> str:
    """Last resort for markup trafilatura cannot read: every text node, paragraphs kept."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer|//header"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "li", "div")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(dict.fromkeys(blocks)) or " ".join(root.text_content().split())
