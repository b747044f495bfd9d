"""Pydantic models of every API response and request body.

Field for field they follow the coded-article JSON (``warta.model``'s ``to_dict``); keys that
``to_dict`` writes only when set (``date.end``, ``place.derived``, ``figure.status``,
``evidence.fields``...) stay absent when unset, because routes serialise with ``exclude_unset``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from warta.model import FIGURE_KINDS, PLOVER_TYPES, PRECISIONS, STATUSES

EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Quad = Literal["cooperation", "conflict"]


class Record(BaseModel):
    """Unknown keys a newer store may add are dropped, never passed through unchecked."""
    model_config = ConfigDict(extra="ignore")


class Error(Record):
    message: str = Field(description="What went wrong, in words a person can act on.")
    detail: list[dict] | None = Field(None, description="Per-parameter reasons (422 only).")


class Span(Record):
    start: int
    end: int
    text: str


class Actor(Record):
    text: str
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(None, description="PLOVER sector code (GOV, MIL, COP, CVL, ...)")
    org: str | None = Field(None, description="organisation code when it has no country")
    role: str | None = None


class When(Record):
    value: str | None
    precision: Literal[PRECISIONS]  # type: ignore[valid-type]
    derived: str
    end: str | None = None


class Place(Record):
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "point"
    derived: str | None = None


class Figure(Record):
    kind: Literal[FIGURE_KINDS]  # type: ignore[valid-type]
    low: int | None = None
    best: int | None = None
    high: int | None = None
    group: str = "people"
    country: str | None = None
    claimed_by: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0
    status: str | None = None
    sentence_index: int | None = None


class Evidence(Record):
    sentence_index: int
    start: int
    end: int
    text: str
    fields: dict[str, Span] | None = Field(
        None, description="Span of each filled field: trigger, source, target, date, place.")
    more: list[Evidence] | None = None


class Event(Record):
    id: str
    event_type: EventType
    mode: str | None = None
    context: list[str] = []
    cameo_root: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: When | None = None
    place: Place | None = None
    figures: list[Figure] = []
    status: str = Field("asserted", description="One of " + ", ".join(STATUSES) + ".")
    attribution: str | None = None
    evidence: Evidence
    confidence: float = 0.5
    coder_version: str | None = None


class StoredEvent(Event):
    quad: Quad = Field(description="cooperation (AGREE…RETREAT) or conflict (the rest)")
    article_id: str
    cluster_id: str | None = None
    article_title: str | None = None
    published: str | None = None
    outlet: str | None = None


class SourceArticle(Record):
    article_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


class EventDetail(StoredEvent):
    sources: list[SourceArticle] = Field(description="Every article of the event's cluster, first copy first.")


class EventPage(Record):
    items: list[StoredEvent]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page.")
    total: int | None = None


class ClusterFigure(Record):
    low: int | None = None
    high: int | None = None
    reports: int | None = None


class Cluster(Record):
    id: str
    event_type: EventType
    quad: Quad
    source_country: str | None = None
    target_country: str | None = None
    symmetric: bool = False
    first_date: str | None = None
    last_date: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    first_report: str | None = None
    first_article_id: str | None = None
    n_events: int
    n_articles: int
    n_sources: int
    sources: list[str] = Field(description="Outlets that reported it.")
    articles: list[str] = Field(description="Article ids, first copy first.")
    figures: dict[str, ClusterFigure] = {}


class ClusterDetail(Cluster):
    events: list[StoredEvent]


class ClusterPage(Record):
    items: list[Cluster]
    next_cursor: str | None = None
    total: int | None = None


class Count(Record):
    source: str | None = None
    target: str | None = None
    event_type: str | None = None
    quad: str | None = None
    week: str | None = None
    month: str | None = None
    year: str | None = None
    events: int = Field(description="event reports (one per article that tells it)")
    happenings: int = Field(description="distinct happenings: event clusters, an unclustered event counting one")
    killed: int = Field(description="killed, summed once per happening (the largest figure any report gives)")
    injured: int = Field(description="injured, summed once per happening")
    displaced: int = Field(description="displaced, summed once per happening")


class TimelinePoint(Record):
    period: str = Field(description="YYYY-MM (month) or the Monday YYYY-MM-DD (week)")
    cooperation: int
    conflict: int
    killed: int
    displaced: int


class Dyad(Record):
    source: str | None
    target: str | None
    events: int


class Timeline(Record):
    interval: Literal["week", "month"]
    dyad: list[str] | None = None
    points: list[TimelinePoint]
    dyads: list[Dyad] = Field(description="The dyads with most events under the other filters.")


class CountryCount(Record):
    country: str = Field(description="ISO 3166-1 alpha-3")
    numeric: str | None = Field(None, description="ISO 3166-1 numeric, the id of world-atlas shapes")
    name: str | None = None
    events: int


class MapPoint(Record):
    name: str | None
    admin1: str | None = None
    country: str | None = None
    lat: float
    lon: float
    events: int


class MapData(Record):
    countries: list[CountryCount]
    points: list[MapPoint]


class ActorCount(Record):
    country: str | None = None
    org: str | None = None
    name: str | None = None
    sector: str | None = None
    events: int


class PlaceCount(Record):
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int


class StoredArticle(Record):
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    dateline: str | None = None
    text: str
    removed: list[str] = []
    duplicate_of: str | None = None
    coder_version: str | None = None
    n_events: int | None = None


class Article(Record):
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    text: str
    removed: list[str] = []
    dateline: str | None = None


class CodedArticle(Record):
    article: Article
    events: list[Event]
    figures: list[Figure]


class CodeRequest(BaseModel):
    """An article to code: its ``text`` (or its ``html`` page) and what is known about it."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Pasukan Azerbaijan menyerang Armenia pada Selasa (13/9).",
        "title": "Contoh", "published": "2022-09-14"}]})
    text: str | None = Field(None, max_length=1_000_000)
    html: str | None = Field(None, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}", max_length=40)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    id: str | None = Field(None, max_length=200)
    language: str | None = Field(None, pattern=r"^[a-z]{2}$")


class Meta(Record):
    version: str
    allow_code: bool
    stats: dict[str, int]
