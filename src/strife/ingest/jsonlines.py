"""The lines of a JSON Lines input, numbered and parsed: what every reader of JSON Lines
(report batches, gold files, event-record files) needs before it checks what a line holds.

One place, so that every reader numbers lines alike (from 1, blank lines counted but not
read) and names a bad line the same way (`name:number`) in what it reports as skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator


@dataclass
class JsonLine:
    origin: str  # "batch.jsonl:17"
    value: Any = None  # what the line holds, when it is JSON
    error: json.JSONDecodeError | UnicodeDecodeError | None = None  # why it is not


def json_lines(lines: Iterable[str | bytes], name: str) -> Iterator[JsonLine]:
    """Each non-blank line, parsed, or with the decoder's error; the caller decides what a
    line must hold and words its own reasons."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        origin = f"{name}:{number}"
        try:
            yield JsonLine(origin, json.loads(raw))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield JsonLine(origin, error=exc)
