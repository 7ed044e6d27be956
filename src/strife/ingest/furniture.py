"""Page furniture in text pasted from news pages: what a reader skips and strife must too.

trafilatura removes furniture from HTML; text pasted from a page keeps it ("Skip to main
content", photo captions with their credits, "Follow related authors and topics"). The
patterns are data (data/furniture.json). Furniture stays in Article.text, so offsets
are true to what the user gave, and is blanked for analysis (Article.body).
"""

from __future__ import annotations

import re

from strife.extract.lexicon import load_data
from strife.ingest.article import Furniture

_DATA = load_data("furniture.json")
LINE_PATTERNS = [
    (re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.I), entry["reason"])
    for entry in _DATA["lines"]
]
_AGENCIES = "|".join(sorted((re.escape(a) for a in _DATA["photo_agencies"]), key=len, reverse=True))
# A credit closes the paragraph: "…on Jan. 30.BANARAS KHAN/Getty Images", "(AP Photo/Anjum Naveed)",
# "Photo: Reuters", "REUTERS/Name". The credit is at the very end, so a sentence with
# "told Reuters" in its middle is never a caption.
PHOTO_CREDIT = re.compile(
    rf"(?:(?:[A-Z][\w.'-]*\s*){{1,4}}/\s*(?:{_AGENCIES})(?:\s+via\s+(?:{_AGENCIES}))?|\((?:{_AGENCIES})(?:\s+Photo)?\s*/[^)]{{1,60}}\)|"
    rf"(?:{_AGENCIES})\s*/\s*[A-Z][\w.' -]{{1,40}}|(?:Photo|Image|Credit)\s*:\s*(?:{_AGENCIES}|[A-Z][\w.' -]{{1,40}}))\s*$"
)
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def find_furniture(text: str) -> list[Furniture]:
    found: list[Furniture] = []
    for para in PARAGRAPH.finditer(text):
        block = para.group(0)
        if PHOTO_CREDIT.search(block.rstrip()):
            found.append(Furniture(para.start(), para.end(), "photo caption with credit"))
            continue
        offset = para.start()
        for line in re.finditer(r"[^\n]+", block):
            stripped = line.group(0).strip()
            if not stripped:
                continue
            for pattern, reason in LINE_PATTERNS:
                if pattern.fullmatch(stripped):
                    found.append(Furniture(offset + line.start(), offset + line.end(), reason))
                    break
    return _with_captions_after_gallery_links(text, found)


def _with_captions_after_gallery_links(text: str, found: list[Furniture]) -> list[Furniture]:
    """The paragraph after "Open this photo in gallery" is that photo's caption, credit or not."""
    extra = []
    for f in found:
        if f.reason != "photo gallery link":
            continue
        nxt = PARAGRAPH.search(text, f.end)
        if nxt and not any(o.start <= nxt.start() < o.end for o in found) and len(nxt.group(0)) < 600:
            extra.append(Furniture(nxt.start(), nxt.end(), "photo caption"))
    return sorted(found + extra, key=lambda f: f.start)


HEADLINE = re.compile(r"\A\s*(?P<line>[^\n]{3,160})\n[ \t]*\n")


def find_headline(text: str) -> Furniture | None:
    """A pasted page's first line, set apart by a blank line and not ending a sentence,
    is its headline. It summarises the story ("…raids kill 15") and would count twice."""
    m = HEADLINE.match(text)
    if m is None:
        return None
    line = m.group("line").strip()
    if line.endswith((".", ":", ";", ",")) or len(line.split()) < 3 or not text[m.end() :].strip():
        return None
    return Furniture(m.start("line"), m.end("line"), "headline")
