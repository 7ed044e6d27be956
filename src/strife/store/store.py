"""The event store: every input a user gave, with its outcome, and the events coded from it.

One article is one transaction: its text, its events and the row recording the input are
written together or not at all, so a process killed mid-run leaves whole articles only.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from strife.ingest.article import Article, Skipped
from strife.record import Event
from strife.store.engine import WRITE, create_store_engine
from strife.store.rows import article_row, event_from_record, event_row, text_sha256, with_id
from strife.store import schema
from strife.store.migrate import ensure_schema
from strife.store.query import EventQuery
from strife.store.query import records as query_records
from strife.store.url import store_url


class StoreConflict(Exception):
    """An article could not be stored because the store holds something it contradicts
    (its id under another text, or two events with one id). Nothing of it was written."""


@dataclass(frozen=True)
class IngestOutcome:
    outcome: str  # events | no_event | duplicate
    article_id: str  # for a duplicate: the article already stored with this text
    events_added: int
    sha256: str


@dataclass(frozen=True)
class InputRow:
    id: int
    article_id: Optional[str]
    origin: str
    sha256: Optional[str]
    outcome: str  # events | no_event | skipped
    reason: Optional[str]
    n_events: int
    published: Optional[dt.date]
    ingested_at: dt.datetime  # UTC


@dataclass(frozen=True)
class Summary:
    by_outcome: dict[str, int]  # inputs: events | no_event | skipped
    by_event_type: dict[Optional[str], int]  # events; None: not classified
    by_country: dict[Optional[str], int]  # events, by country name (ISO3 when unnamed)
    events: int


class Store:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url_or_path: str | os.PathLike | None = None) -> "Store":
        """Open (creating if need be) the store at a path or URL; see `store_url` for defaults."""
        engine = create_store_engine(store_url(url_or_path))
        ensure_schema(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                yield conn

    def ingest(self, article: Article, events: list[Event]) -> IngestOutcome:
        """Store an article and the events coded from it, unless its text is already stored."""
        digest = text_sha256(article.text)
        stored = [with_id(e) for e in events]
        outcome = "events" if stored else "no_event"
        try:
            with self._writing() as conn:
                earlier = conn.execute(
                    select(schema.inputs.c.article_id).where(schema.inputs.c.sha256 == digest)
                ).first()
                if earlier is not None:
                    return IngestOutcome("duplicate", earlier.article_id or article.id, 0, digest)
                taken = conn.execute(
                    select(schema.articles.c.article_id).where(schema.articles.c.article_id == article.id)
                ).first()
                if taken is not None:
                    # Same id, other text: a revised report. Merging revisions is a later
                    # feature; until then refuse rather than overwrite or duplicate.
                    raise StoreConflict(
                        f"{article.origin}: article id {article.id} is already stored with a different text"
                    )
                conn.execute(insert(schema.articles), article_row(article))
                if stored:
                    conn.execute(insert(schema.events), [event_row(e, article.id) for e in stored])
                conn.execute(
                    insert(schema.inputs),
                    {
                        "article_id": article.id,
                        "origin": article.origin,
                        "sha256": digest,
                        "outcome": outcome,
                        "reason": None,
                        "n_events": len(stored),
                        "published": article.published,
                        "ingested_at": _now(),
                    },
                )
        except IntegrityError as err:
            raise StoreConflict(f"{article.origin}: article {article.id} not stored: {err.orig}") from err
        return IngestOutcome(outcome, article.id, len(stored), digest)

    def record_skip(self, skipped: Skipped) -> bool:
        """Record an input that gave no article; True if new, False if already recorded."""
        with self._writing() as conn:
            seen = conn.execute(
                select(schema.inputs.c.id).where(
                    schema.inputs.c.origin == skipped.origin,
                    schema.inputs.c.reason == skipped.reason,
                )
            ).first()
            if seen is not None:
                return False
            conn.execute(
                insert(schema.inputs),
                {
                    "article_id": skipped.id,
                    "origin": skipped.origin,
                    "sha256": None,
                    "outcome": "skipped",
                    "reason": skipped.reason,
                    "n_events": 0,
                    "published": None,
                    "ingested_at": _now(),
                },
            )
        return True

    def events(
        self,
        country: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
        *,
        admin1: str | None = None,
        actor: str | None = None,
        bbox: tuple[float, float, float, float] | str | None = None,
        text: str | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Stored events, ordered by date (undated last) then id; `limit`/`offset` page them.

        `country` is an ISO3 code or a country name, `admin1` a region name, either case.
        `since`/`until` keep events whose days overlap that range, so an event without a
        date is left out by either. `actor` is part of actor1's, actor2's or an associated
        actor's name, any case; `bbox` is (min_lon, min_lat, max_lon, max_lat) or that as
        "a,b,c,d"; `text` keeps events whose notes, place and actor names have all its
        words (see store/search.py). Filters combine with AND.
        """
        wanted = EventQuery.of(
            country=country,
            admin1=admin1,
            since=since,
            until=until,
            event_type=event_type,
            actor=actor,
            bbox=bbox,
            text=text,
            limit=limit,
            offset=offset,
        )
        with self._engine.connect() as conn:
            return [event_from_record(record) for record in query_records(conn, wanted)]

    def inputs(self) -> list[InputRow]:
        """Every input recorded, in the order it was first seen."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(schema.inputs).order_by(schema.inputs.c.id)).mappings()
            return [
                InputRow(
                    id=r["id"],
                    article_id=r["article_id"],
                    origin=r["origin"],
                    sha256=r["sha256"],
                    outcome=r["outcome"],
                    reason=r["reason"],
                    n_events=r["n_events"],
                    published=r["published"],
                    ingested_at=_as_utc(r["ingested_at"]),
                )
                for r in rows
            ]

    def summary(self) -> Summary:
        with self._engine.connect() as conn:

            def counts(column, table) -> dict:
                rows = conn.execute(select(column, func.count()).select_from(table).group_by(column))
                return {key: n for key, n in rows}

            country = func.coalesce(schema.events.c.country, schema.events.c.iso3)
            by_event_type = counts(schema.events.c.event_type, schema.events)
            return Summary(
                by_outcome=counts(schema.inputs.c.outcome, schema.inputs),
                by_event_type=by_event_type,
                by_country=counts(country, schema.events),
                events=sum(by_event_type.values()),
            )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _as_utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps no zone with a timestamp; every timestamp this store writes is UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)

