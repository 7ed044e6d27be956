"""Translation between the record models and table rows."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Mapping

from strife.ingest.article import Article
from strife.record import Event


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iso_date(value: str | dt.date | None) -> dt.date | None:
    """A date column value; None for what is not a full ISO date.

    A record's own date string stays untouched in its JSON; the column only serves
    filtering, so an unreadable date is better left out of it than guessed.
    """
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def article_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "published_basis": article.published_basis,
        "language": article.language,
        "text": article.text,
    }


def event_row(event: Event, article_id: str) -> dict[str, Any]:
    loc = event.location
    return {
        "id": event.id,
        "article_id": article_id,
        "mode": event.mode,
        "date": iso_date(event.date),
        "date_end": iso_date(event.date_end),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "country": loc.country if loc else None,
        # Upper-cased here so the country filter can compare plainly and use the index.
        "iso3": loc.iso3.upper() if loc and loc.iso3 else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "location_name": loc.name if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "fatalities_best": event.fatalities.best if event.fatalities else None,
        "record": event.model_dump(mode="json"),
    }


def event_from_record(record: Mapping[str, Any]) -> Event:
    return Event.model_validate(record)


def with_id(event: Event) -> Event:
    """The event with an id, derived the stable way when the caller left it empty.

    Works on a copy: storing an event must not change the caller's object.
    """
    if event.id:
        return event
    return event.model_copy(deep=True).with_stable_id()
