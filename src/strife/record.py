"""The event record (contract v1, shared/event-record.md) and its parts.

Every stage downstream of extraction speaks these models: the CLI prints them, the store
keeps them, exports translate them. Field names and meanings are the contract; fields may
be added, never renamed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Mode = Literal["reported", "background", "planned", "denied", "hypothetical"]


class Evidence(BaseModel):
    """Why a field holds: a span of the article text (character offsets) and its quote.

    `start`/`end` are None only for a field that is null for a reason the text does not
    locate (e.g. "no publication date"); `reason` then says why.
    """

    model_config = ConfigDict(extra="forbid")
    field: str
    start: Optional[int] = None
    end: Optional[int] = None
    quote: Optional[str] = None
    reason: Optional[str] = None
    # Set on a merged event's evidence taken from another report than the event's `article`
    # (offsets then index that report's text); None means the event's own article.
    article_id: Optional[str] = None


class ArticleRef(BaseModel):
    id: str
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    published_basis: Optional[str] = None  # metadata | argument | html | dateline | none


class Actor(BaseModel):
    name: str
    mention: Optional[str] = None
    inter: Optional[int] = None
    role: Optional[str] = None  # perpetrator | target | participant | claimant


class Location(BaseModel):
    name: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    admin3: Optional[str] = None
    country: Optional[str] = None
    iso3: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geo_precision: Optional[int] = None
    geonameid: Optional[int] = None


class Count(BaseModel):
    low: int
    best: int
    high: int


class GroupCount(BaseModel):
    group: str
    n: int
    claimed_by: Optional[str] = None


class SourceRef(BaseModel):
    """One report merged into an event, with the figures that report gave on its own.

    The merged event's fields are derived from all its sources; each source keeps what its
    report said, so a user can see who reported what (and a revision can be undone).
    """

    article_id: str
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None  # the outlet
    published: Optional[str] = None
    event_id: Optional[str] = None  # the event as coded from this report alone
    date: Optional[str] = None
    location: Optional[Location] = None
    fatalities: Optional[Count] = None
    injuries: Optional[Count] = None
    claimed_by: list[str] = Field(default_factory=list)

    @classmethod
    def of_event(cls, event: "Event", **report) -> "SourceRef":
        """The entry for the report an event was coded from: that report (as the event's
        `article` names it, unless `report` says better, e.g. the store's URL and outlet)
        with the figures the event gives. One place, so the store and the exports list a
        report's own figures alike."""
        a = event.article
        own = dict(
            article_id=a.id, url=a.url, title=a.title, source=a.source, published=a.published,
            event_id=event.id or None, date=event.date, location=event.location,
            fatalities=event.fatalities, injuries=event.injuries, claimed_by=list(event.claimed_by),
        )
        return cls(**{**own, **report})


class Revision(BaseModel):
    """One change to a stored event: when, which report caused it, and what changed."""

    at: str  # ISO 8601 timestamp, UTC
    kind: Literal["created", "revised", "merged", "source_added"]
    article_id: Optional[str] = None
    changes: dict[str, list] = Field(default_factory=dict)  # field -> [old, new]
    match: Optional[dict] = None  # the match that led here: score and the fields that agreed
    note: Optional[str] = None


class Event(BaseModel):
    id: str = ""
    article: ArticleRef
    mode: Mode = "reported"
    date: Optional[str] = None
    date_end: Optional[str] = None
    time_precision: Optional[int] = None
    disorder_type: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    victims: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    location: Optional[Location] = None
    fatalities: Optional[Count] = None
    fatalities_by_group: list[GroupCount] = Field(default_factory=list)
    injuries: Optional[Count] = None
    abducted: Optional[Count] = None
    arrested: Optional[Count] = None
    weapons: list[str] = Field(default_factory=list)
    claimed_by: list[str] = Field(default_factory=list)
    disputes: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: Optional[str] = None
    confidence: Optional[float] = None
    # Filled by the store once reports are merged (issue 5); empty for a single extraction.
    sources: list[SourceRef] = Field(default_factory=list)
    revisions: list[Revision] = Field(default_factory=list)
    merged_from: list[str] = Field(default_factory=list)  # ids of events merged into this one

    def with_stable_id(self, ordinal: int = 0) -> "Event":
        """Give the event an id derived from what it is, so the same input gives the same id.

        `ordinal` tells apart events of one article that agree on all of it (two attacks
        of one day whose first evidence is the actor they share): the pipeline numbers
        them in the order told."""
        first = min((e.start for e in self.evidence if e.start is not None), default=-1)
        parts = [self.article.id, self.mode, self.date, self.event_type, self.sub_event_type, first]
        key = json.dumps(parts + [ordinal] if ordinal else parts, sort_keys=True)
        self.id = "e_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return self

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False)
