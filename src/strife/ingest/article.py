"""What ingest hands to analysis: one Article per usable report, one Skipped per unusable one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional


def date_from_iso(value) -> dt.date | None:
    """The day an ISO date or timestamp ("2024-01-30", "2024-01-30T08:00:00Z") gives, as JSON
    rows and records carry dates; None when there is none or it is no date. Callers decide
    whether an unreadable date is an error (ingest) or a field left unscored (evaluate)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Furniture:
    """A stretch of page furniture (menu, photo credit, 'Follow related topics'): kept in the
    text so offsets stay true to what the user gave, but never analysed."""

    start: int
    end: int
    reason: str


@dataclass
class Article:
    id: str
    text: str  # repaired text; every evidence offset indexes into this string
    origin: str  # where it came from: a path, "<stdin>", "batch.jsonl:17"
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[dt.date] = None
    # how `published` was learnt: argument | metadata | html | dateline | none
    published_basis: str = "none"
    language: Optional[str] = None
    furniture: list[Furniture] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what ingest changed, e.g. "fixed mojibake"

    @property
    def body(self) -> str:
        """The text with furniture blanked out by spaces: same length, same offsets."""
        if not self.furniture:
            return self.text
        chars = list(self.text)
        for f in self.furniture:
            for i in range(f.start, min(f.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass
class Skipped:
    """An input that yields no article, and why. Printed on stderr and kept in the store."""

    origin: str
    reason: str
    id: Optional[str] = None
