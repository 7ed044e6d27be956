"""The record's flat fields: one row an event, nested parts flattened under clear names.

This is the CSV export and the base of the GeoJSON properties and the Parquet columns:
`actor1` becomes `actor1_name`, `actor1_inter`..., the fatalities become
`fatalities_low/best/high`, the merged reports `n_sources`, `source_article_ids`...
Each column has a type, so the formats that keep types (Parquet, GeoJSON) keep them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import IO, Callable, Iterable, Literal

from strife.record import Actor, Count, Event

ColumnType = Literal["string", "int", "float", "list"]

# Cells of a list column in CSV and GeoJSON. Not "; ": disputes and notes use it inside
# one value ("5 per the army; 9 per officials").
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    value: Callable[[Event], object]


def _actor(prefix: str, pick: Callable[[Event], Actor | None]) -> list[Column]:
    def part(attr: str):
        return lambda e: getattr(pick(e), attr) if pick(e) is not None else None

    return [
        Column(f"{prefix}_name", "string", part("name")),
        Column(f"{prefix}_mention", "string", part("mention")),
        Column(f"{prefix}_inter", "int", part("inter")),
        Column(f"{prefix}_role", "string", part("role")),
    ]


def _count(name: str) -> list[Column]:
    def part(attr: str):
        def get(e: Event):
            count: Count | None = getattr(e, name)
            return getattr(count, attr) if count is not None else None

        return get

    return [Column(f"{name}_{attr}", "int", part(attr)) for attr in ("low", "best", "high")]


def _place(attr: str):
    return lambda e: getattr(e.location, attr) if e.location is not None else None


def _group_text(e: Event) -> list[str]:
    return [f"{g.group}: {g.n}" + (f" (per {g.claimed_by})" if g.claimed_by else "") for g in e.fatalities_by_group]


def _last_revised(e: Event) -> str | None:
    return max((r.at for r in e.revisions), default=None)


COLUMNS: list[Column] = [
    Column("id", "string", lambda e: e.id),
    Column("article_id", "string", lambda e: e.article.id),
    Column("article_url", "string", lambda e: e.article.url),
    Column("article_title", "string", lambda e: e.article.title),
    Column("article_source", "string", lambda e: e.article.source),
    Column("article_published", "string", lambda e: e.article.published),
    Column("mode", "string", lambda e: e.mode),
    Column("date", "string", lambda e: e.date),
    Column("date_end", "string", lambda e: e.date_end),
    Column("time_precision", "int", lambda e: e.time_precision),
    Column("disorder_type", "string", lambda e: e.disorder_type),
    Column("event_type", "string", lambda e: e.event_type),
    Column("sub_event_type", "string", lambda e: e.sub_event_type),
    *_actor("actor1", lambda e: e.actor1),
    *_actor("actor2", lambda e: e.actor2),
    Column("assoc_actors", "list", lambda e: [a.name for a in e.assoc_actors]),
    Column("victims", "list", lambda e: list(e.victims)),
    Column("targets", "list", lambda e: list(e.targets)),
    Column("location_name", "string", _place("name")),
    Column("admin1", "string", _place("admin1")),
    Column("admin2", "string", _place("admin2")),
    Column("admin3", "string", _place("admin3")),
    Column("country", "string", _place("country")),
    Column("iso3", "string", _place("iso3")),
    Column("latitude", "float", _place("lat")),
    Column("longitude", "float", _place("lon")),
    Column("geo_precision", "int", _place("geo_precision")),
    Column("geonameid", "int", _place("geonameid")),
    *_count("fatalities"),
    Column("fatalities_by_group", "list", _group_text),
    *_count("injuries"),
    *_count("abducted"),
    *_count("arrested"),
    Column("weapons", "list", lambda e: list(e.weapons)),
    Column("claimed_by", "list", lambda e: list(e.claimed_by)),
    Column("disputes", "list", lambda e: list(e.disputes)),
    Column("notes", "string", lambda e: e.notes),
    Column("confidence", "float", lambda e: e.confidence),
    Column("n_evidence", "int", lambda e: len(e.evidence)),
    Column("n_sources", "int", lambda e: len(e.sources)),
    Column("source_article_ids", "list", lambda e: [s.article_id for s in e.sources]),
    Column("source_urls", "list", lambda e: [s.url for s in e.sources if s.url]),
    Column("source_outlets", "list", lambda e: list(dict.fromkeys(s.source for s in e.sources if s.source))),
    Column("n_revisions", "int", lambda e: len(e.revisions)),
    Column("last_revised", "string", _last_revised),
    Column("merged_from", "list", lambda e: list(e.merged_from)),
]

NAMES = [c.name for c in COLUMNS]


def flat_row(event: Event) -> dict[str, object]:
    """The event's flat fields, typed: None where the record has nothing, lists as lists."""
    return {c.name: c.value(event) for c in COLUMNS}


def joined_row(event: Event) -> dict[str, object]:
    """The flat fields with each list joined into one text cell, for CSV and GIS tools."""
    row = flat_row(event)
    for c in COLUMNS:
        if c.type == "list":
            row[c.name] = LIST_SEPARATOR.join(row[c.name])
    return row


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow({k: ("" if v is None else v) for k, v in joined_row(event).items()})
        n += 1
    return n
