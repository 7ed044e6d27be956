"""The tables behind merged events: each event's reports, its revisions and its old ids.

Plain reads and writes on one connection, inside the caller's transaction; what to merge
is decided in `strife.resolve.merge`, not here.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from sqlalchemy import Connection, delete, insert, select, update

from strife.record import Event, Revision
from strife.resolve.merge import Report
from strife.store import schema
from strife.store.rows import event_from_record


def resolve_id(conn: Connection, event_id: str) -> str:
    """The id an event is known by now (an id merged into another leads to that one)."""
    seen = set()
    while event_id not in seen:
        seen.add(event_id)
        target = conn.execute(
            select(schema.event_aliases.c.event_id).where(schema.event_aliases.c.old_id == event_id)
        ).scalar_one_or_none()
        if target is None:
            return event_id
        event_id = target
    return event_id


def reports_of(conn: Connection, event_ids: Iterable[str]) -> dict[str, list[Report]]:
    """event id -> its reports, with each report's outlet, URL and publication date."""
    ids = list(event_ids)
    out: dict[str, list[Report]] = {i: [] for i in ids}
    if not ids:
        return out
    es, ar = schema.event_sources.c, schema.articles.c
    query = (
        select(es.event_id, es.article_id, es.record, es.added_at, ar.source, ar.url, ar.published)
        .join(schema.articles, ar.article_id == es.article_id)
        .where(es.event_id.in_(ids))
        .order_by(es.added_at, es.article_id, es.report_event_id)
    )
    for seq, row in enumerate(conn.execute(query)):
        out[row.event_id].append(
            Report(
                article_id=row.article_id,
                record=event_from_record(row.record),
                outlet=row.source,
                url=row.url,
                published=row.published.isoformat() if row.published else None,
                seq=seq,
            )
        )
    return out


def add_source(conn: Connection, event_id: str, article_id: str, record: Event, at: dt.datetime) -> None:
    conn.execute(
        insert(schema.event_sources),
        {
            "event_id": event_id,
            "article_id": article_id,
            "report_event_id": record.id,
            "record": record.model_dump(mode="json"),
            "added_at": at,
        },
    )


def drop_sources(conn: Connection, event_id: str, article_id: str) -> int:
    es = schema.event_sources.c
    return conn.execute(
        delete(schema.event_sources).where(es.event_id == event_id, es.article_id == article_id)
    ).rowcount


def move_sources(conn: Connection, from_id: str, to_id: str) -> None:
    conn.execute(
        update(schema.event_sources).where(schema.event_sources.c.event_id == from_id).values(event_id=to_id)
    )


def add_alias(conn: Connection, old_id: str, event_id: str) -> None:
    al = schema.event_aliases.c
    # Ids that already led to the old event now lead to the one it joined.
    conn.execute(update(schema.event_aliases).where(al.event_id == old_id).values(event_id=event_id))
    conn.execute(insert(schema.event_aliases), {"old_id": old_id, "event_id": event_id})


def add_revision(
    conn: Connection,
    event_id: str,
    at: dt.datetime,
    kind: str,
    article_id: Optional[str],
    changes: dict,
    match: Optional[dict] = None,
    note: Optional[str] = None,
) -> None:
    conn.execute(
        insert(schema.event_revisions),
        {
            "event_id": event_id,
            "at": at,
            "kind": kind,
            "article_id": article_id,
            "changes": changes,
            "match": match,
            "note": note,
        },
    )


def revisions_of(conn: Connection, event_ids: Iterable[str]) -> list[Revision]:
    rv = schema.event_revisions.c
    rows = conn.execute(select(schema.event_revisions).where(rv.event_id.in_(list(event_ids))).order_by(rv.id)).mappings()
    return [
        Revision(
            at=_utc(r["at"]).isoformat(),
            kind=r["kind"],
            article_id=r["article_id"],
            changes=r["changes"] or {},
            match=r["match"],
            note=r["note"],
        )
        for r in rows
    ]


def first_issued(conn: Connection, event_ids: Iterable[str]) -> str:
    """Of several events, the one issued first (its first revision is the oldest)."""
    rv = schema.event_revisions.c
    ids = sorted(event_ids)
    rows = conn.execute(
        select(rv.event_id, rv.id).where(rv.event_id.in_(ids), rv.kind == "created").order_by(rv.id)
    ).first()
    return rows.event_id if rows is not None else ids[0]


def aliases_of(conn: Connection, event_id: str) -> list[str]:
    al = schema.event_aliases.c
    return sorted(conn.execute(select(al.old_id).where(al.event_id == event_id)).scalars())


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
