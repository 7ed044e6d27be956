"""The event store: every input a user gave, with its outcome, and the events coded from it.

One article is one transaction: its text, its events and the row recording the input are
written together or not at all, so a process killed mid-run leaves whole articles only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

from sqlalchemy import Connection, Engine, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from strife.ingest.article import Article, Skipped
from strife.record import Event
from strife.store.engine import WRITE, create_store_engine
from strife.store.rows import article_row, event_from_record, event_row, text_sha256, with_id
from strife.resolve import merge, neardup
from strife.store import history, schema
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
    events_added: int  # new events
    sha256: str
    events_merged: int = 0  # reports of events the store already knew


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
    by_outcome: dict[str, int]  # inputs: events | no_event | skipped | duplicate
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
        """Store an article and the events coded from it, each merged into the incident it
        reports when the store already knows it (see strife.resolve.merge).

        Exact and near-duplicate texts add nothing (outcome `duplicate`); a new text under
        a stored article's id or URL is an updated version, whose figures replace the
        earlier version's in the events it fed."""
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
                now = _now()
                stored_id, version_of = _version(conn, article)
                keys = neardup.band_keys(article.text)
                if version_of is None:
                    near = _near_duplicate(conn, article.text, keys)
                    if near is not None:
                        conn.execute(insert(schema.articles), {**article_row(article), "duplicate_of": near.article_id})
                        _record_input(conn, article, stored_id, digest, "duplicate", near.reason, 0, now)
                        return IngestOutcome("duplicate", near.article_id, 0, digest)
                conn.execute(insert(schema.articles), {**article_row(article), "article_id": stored_id, "version_of": version_of})
                conn.execute(insert(schema.article_lsh), [{"key": k, "article_id": stored_id} for k in sorted(set(keys))])
                added = merged = 0
                taken: set[str] = set()
                for report in stored:
                    created = _file_event(conn, report, stored_id, version_of, taken, now)
                    added += created
                    merged += not created
                _record_input(conn, article, stored_id, digest, outcome, None, len(stored), now)
        except IntegrityError as err:
            raise StoreConflict(f"{article.origin}: article {article.id} not stored: {err.orig}") from err
        return IngestOutcome(outcome, stored_id, added, digest, merged)

    def event(self, event_id: str) -> Optional[Event]:
        """One event with its sources and history; an id merged into another event gives
        that event. None for an id the store never issued."""
        with self._engine.connect() as conn:
            current = history.resolve_id(conn, event_id)
            record = conn.execute(select(schema.events.c.record).where(schema.events.c.id == current)).scalar_one_or_none()
            if record is None:
                return None
            return _with_history(conn, event_from_record(record))

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
        with_history: bool = False,
        *,
        admin1: str | None = None,
        actor: str | None = None,
        bbox: tuple[float, float, float, float] | str | None = None,
        text: str | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Stored events (one per incident, merged across its reports), ordered by date
        (undated last) then id; `limit`/`offset` page them. `with_history` fills each
        event's sources and revisions.

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
            found = [event_from_record(record) for record in query_records(conn, wanted)]
            return [_with_history(conn, e) for e in found] if with_history else found

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


def _version(conn: Connection, article: Article) -> tuple[str, Optional[str]]:
    """(the id to store the article under, the stored article it updates or None).

    The same id with another text is stored as `<id>@v<n>`; a new id at a stored URL keeps
    its id. Either way it updates the latest version stored, never a syndicated copy."""
    ar = schema.articles.c
    same_id = conn.execute(select(ar.article_id).where(ar.article_id == article.id)).first()
    if same_id is not None:
        versions = conn.execute(
            select(func.count()).select_from(schema.articles).where(ar.article_id.like(f"{article.id}@v%"))
        ).scalar_one()
        return f"{article.id}@v{versions + 2}", _latest_version(conn, article.id)
    if article.url:
        at_url = conn.execute(
            select(ar.article_id).where(ar.url == article.url, ar.duplicate_of.is_(None))
        ).scalars().all()
        if at_url:
            return article.id, _latest_version(conn, at_url[0])
    return article.id, None


def _latest_version(conn: Connection, article_id: str) -> str:
    ar = schema.articles.c
    seen = {article_id}
    while True:
        newer = conn.execute(select(ar.article_id).where(ar.version_of == article_id)).scalar_one_or_none()
        if newer is None or newer in seen:
            return article_id
        seen.add(newer)
        article_id = newer


def _near_duplicate(conn: Connection, text: str, keys: list[str]):
    lsh, ar = schema.article_lsh.c, schema.articles.c
    candidates = conn.execute(
        select(ar.article_id, ar.text).join(schema.article_lsh, lsh.article_id == ar.article_id).where(lsh.key.in_(keys)).distinct()
    ).all()
    return neardup.best_near_duplicate(text, {row.article_id: row.text for row in candidates})


def _file_event(conn: Connection, report: Event, article_id: str, version_of: Optional[str], taken: set[str], now) -> bool:
    """Add one report's event: merged into the known incident(s) it matches, else new.
    True when a new event was created. `taken`: events this article already fed (one
    article's events are distinct incidents, as its extraction decided)."""
    ev = schema.events.c
    window = merge.candidate_window(report)
    town = merge.candidate_town(report)
    found_ids: list[str] = []
    if window is not None:
        iso3 = report.location.iso3.upper() if report.location and report.location.iso3 else None
        query = select(ev.id).where(func.coalesce(ev.date_end, ev.date) >= window[0], ev.date <= window[1])
        if iso3:
            query = query.where(or_(ev.iso3 == iso3, ev.iso3.is_(None)))
        found_ids += conn.execute(query).scalars()
    if town is not None:
        # The known events of the report's town it may be without a date to compare (all of
        # them for an undated report; the undated ones for a dated report): merge.candidate_town.
        query = select(ev.id).where(ev.iso3 == town[0], ev.location_name == town[1])
        found_ids += conn.execute(query.where(ev.date.is_(None)) if window is not None else query).scalars()
    ids = [i for i in dict.fromkeys(found_ids) if i not in taken]
    candidates: dict[str, list] = history.reports_of(conn, ids) if ids else {}
    found = merge.matches_for(report, candidates)
    if not found:
        new_id = _new_event_id(conn, report.id, article_id, version_of)
        merged = merge.merged_record(new_id, [merge.Report(article_id, report)])
        conn.execute(insert(schema.events), event_row(merged, article_id))
        history.add_source(conn, merged.id, article_id, report, now)
        history.add_revision(conn, merged.id, now, "created", article_id, merge.changes(None, merged),
                             note=_no_match_note(candidates))
        taken.add(merged.id)
        return True
    ids = [m.known_id for m in found]
    kept = history.first_issued(conn, ids)
    before = event_from_record(conn.execute(select(ev.record).where(ev.id == kept)).scalar_one())
    merged_from = list(before.merged_from)
    for m in found:
        if m.known_id == kept:
            continue
        # This report bridges two known events: they were one incident all along.
        absorbed = event_from_record(conn.execute(select(ev.record).where(ev.id == m.known_id)).scalar_one())
        history.move_sources(conn, m.known_id, kept)
        history.add_alias(conn, m.known_id, kept)
        merged_from += [i for i in [m.known_id, *absorbed.merged_from] if i not in merged_from]
        conn.execute(schema.events.delete().where(ev.id == m.known_id))
        note = f"{m.known_id} merged into {kept}: report {report.id} of {article_id} matches both"
        history.add_revision(conn, m.known_id, now, "merged", article_id, {"id": [m.known_id, kept]}, m.explain(), note)
        history.add_revision(conn, kept, now, "merged", article_id, {"merged_from": [[], [m.known_id]]}, m.explain(), note)
    history.add_source(conn, kept, article_id, report, now)
    note = None
    if version_of is not None and history.drop_sources(conn, kept, version_of):
        note = f"updated version {article_id} replaces the figures of {version_of}"
    reports = history.reports_of(conn, [kept])[kept]
    after = merge.merged_record(kept, reports, merged_from)
    first = min(reports, key=lambda r: r.order)
    conn.execute(schema.events.update().where(ev.id == kept).values(**event_row(after, first.article_id)))
    diff = merge.changes(before, after)
    best = next(m for m in found if m.known_id == kept) if kept in ids else found[0]
    history.add_revision(conn, kept, now, "revised" if diff else "source_added", article_id, diff, best.explain(), note)
    taken.add(kept)
    return False


def _new_event_id(conn: Connection, wanted: str, article_id: str, version_of: Optional[str]) -> str:
    """The id for a new event: the report's own, unless the store already issued it.

    An updated version codes its events under the article's id again, so a new event of it
    may carry an id its earlier version's event holds: it gets one derived from the stored
    version instead. Any other clash is refused, since an issued id must never be reused."""
    issued = conn.execute(select(schema.events.c.id).where(schema.events.c.id == wanted)).first() or conn.execute(
        select(schema.event_aliases.c.old_id).where(schema.event_aliases.c.old_id == wanted)
    ).first()
    if issued is None:
        return wanted
    if version_of is not None:
        return "e_" + hashlib.sha1(f"{article_id}\n{wanted}".encode("utf-8")).hexdigest()[:16]
    raise StoreConflict(f"article {article_id}: event id {wanted} is already issued to another event")


def _no_match_note(candidates: dict) -> str:
    if not candidates:
        return "no known event in the date window"
    return f"no match among {len(candidates)} known event(s) in the date window"


def _with_history(conn: Connection, event: Event) -> Event:
    event = event.model_copy(deep=True)
    reports = history.reports_of(conn, [event.id])[event.id]
    event.sources = [r.source_ref() for r in sorted(reports, key=lambda r: r.order)]
    event.revisions = history.revisions_of(conn, [event.id, *history.aliases_of(conn, event.id)])
    event.revisions.sort(key=lambda r: r.at)
    return event


def _record_input(conn: Connection, article: Article, article_id: str, digest: str, outcome: str,
                  reason: Optional[str], n_events: int, now: dt.datetime) -> None:
    conn.execute(
        insert(schema.inputs),
        {
            "article_id": article_id,
            "origin": article.origin,
            "sha256": digest,
            "outcome": outcome,
            "reason": reason,
            "n_events": n_events,
            "published": article.published,
            "ingested_at": now,
        },
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _as_utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps no zone with a timestamp; every timestamp this store writes is UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)

