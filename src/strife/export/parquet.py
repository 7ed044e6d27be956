"""Parquet for pandas, polars, DuckDB and Spark: one row an event, a flat typed schema
(the record's flat fields), with lists and nested parts kept as Parquet lists and structs
where a table reader handles them natively: evidence spans, the casualty breakdown, the
merged reports and the revisions. A revision's `changes` and `match` are free-form maps,
so they are JSON text.
"""

from __future__ import annotations

import json
import os
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from strife.export import flat
from strife.record import Event

_SCALAR = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "list": pa.list_(pa.string())}

_COUNT = pa.struct([("low", pa.int64()), ("best", pa.int64()), ("high", pa.int64())])

NESTED = {
    "fatalities_by_group": pa.list_(pa.struct([("group", pa.string()), ("n", pa.int64()), ("claimed_by", pa.string())])),
    "evidence": pa.list_(pa.struct([
        ("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("quote", pa.string()), ("reason", pa.string()),
        # The report whose text the offsets index, on a merged event's evidence from another report.
        ("article_id", pa.string()),
    ])),
    "sources": pa.list_(pa.struct([
        ("article_id", pa.string()), ("url", pa.string()), ("title", pa.string()), ("source", pa.string()),
        ("published", pa.string()), ("event_id", pa.string()), ("date", pa.string()),
        ("location_name", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("fatalities", _COUNT), ("injuries", _COUNT), ("claimed_by", pa.list_(pa.string())),
    ])),
    "revisions": pa.list_(pa.struct([
        ("at", pa.string()), ("kind", pa.string()), ("article_id", pa.string()),
        ("changes", pa.string()), ("match", pa.string()), ("note", pa.string()),
    ])),
}

SCHEMA = pa.schema(
    [pa.field(c.name, NESTED.get(c.name, _SCALAR[c.type])) for c in flat.COLUMNS]
    + [pa.field(name, kind) for name, kind in NESTED.items() if name not in flat.NAMES]
)


def _count(c) -> dict | None:
    return c.model_dump() if c is not None else None


def _nested(event: Event) -> dict[str, list]:
    return {
        "fatalities_by_group": [g.model_dump() for g in event.fatalities_by_group],
        "evidence": [e.model_dump() for e in event.evidence],
        "sources": [
            {
                "article_id": s.article_id, "url": s.url, "title": s.title, "source": s.source,
                "published": s.published, "event_id": s.event_id, "date": s.date,
                "location_name": s.location.name if s.location else None,
                "latitude": s.location.lat if s.location else None,
                "longitude": s.location.lon if s.location else None,
                "fatalities": _count(s.fatalities), "injuries": _count(s.injuries),
                "claimed_by": list(s.claimed_by),
            }
            for s in event.sources
        ],
        "revisions": [
            {
                "at": r.at, "kind": r.kind, "article_id": r.article_id,
                "changes": json.dumps(r.changes, ensure_ascii=False, sort_keys=True),
                "match": json.dumps(r.match, ensure_ascii=False, sort_keys=True) if r.match is not None else None,
                "note": r.note,
            }
            for r in event.revisions
        ],
    }


def parquet_row(event: Event) -> dict[str, object]:
    return flat.flat_row(event) | _nested(event)


def events_table(events: Iterable[Event]) -> pa.Table:
    rows = [parquet_row(e) for e in events]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def write_parquet(events: Iterable[Event], path: str | os.PathLike) -> int:
    table = events_table(events)
    pq.write_table(table, path)
    return table.num_rows
