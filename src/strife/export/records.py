"""Where exported events come from: the store, or a JSON Lines file of event records
(`strife extract` output), each event completed with the report it came from.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import IO, Iterator

from pydantic import ValidationError

from strife.ingest.jsonlines import json_lines
from strife.record import Event, SourceRef


@dataclass
class Skip:
    """A line of an input that is no event record, and why."""

    origin: str
    reason: str


@dataclass
class EventFile:
    """Events read from a JSON Lines file; lines that are not records are kept in `skipped`."""

    stream: IO[str]
    origin: str
    skipped: list[Skip] = field(default_factory=list)

    def __iter__(self) -> Iterator[Event]:
        for line in json_lines(self.stream, self.origin):
            where, data = line.origin, line.value
            if line.error is not None:  # a text stream: a decoding error, with its column
                self.skipped.append(Skip(where, f"not JSON ({line.error.msg} at column {line.error.colno})"))
                continue
            if not isinstance(data, dict):
                self.skipped.append(Skip(where, f"a JSON {type(data).__name__}, not an event record object"))
                continue
            try:
                yield Event.model_validate(data)
            except ValidationError as err:
                first = err.errors()[0]
                place = ".".join(str(p) for p in first["loc"]) or "record"
                self.skipped.append(Skip(where, f"not an event record: {place}: {first['msg']}"))


def with_own_source(event: Event) -> Event:
    """The event with its sources listed: an event coded from one report and not yet merged
    has that report as its only source, with the figures it gave. Merged events keep theirs."""
    if event.sources:
        return event
    return event.model_copy(update={"sources": [SourceRef.of_event(event)]})


def store_events(store, **filters) -> tuple[list[Event], list[str]]:
    """The store's events under the filters it accepts; the names of those it does not.

    Filters are passed only if `Store.events` takes them, so this works with stores that
    have fewer filters (a filter asked for but not accepted is reported, never ignored
    silently)."""
    accepted = inspect.signature(store.events).parameters
    asked = {k: v for k, v in filters.items() if v is not None}
    refused = sorted(k for k in asked if k not in accepted)
    passed = {k: v for k, v in asked.items() if k in accepted}
    if "limit" in accepted:
        passed.setdefault("limit", None)
    # A store that merges reports fills each event's sources and revisions on request.
    if "with_history" in accepted:
        passed["with_history"] = True
    return store.events(**passed), refused
