"""JSON Lines: the event record of event-record.md, one a line, with its sources and
revisions. Read back with `Event.model_validate`, a line gives the same event."""

from __future__ import annotations

from typing import IO, Iterable

from strife.record import Event


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(event.to_json() + "\n")
        n += 1
    return n
