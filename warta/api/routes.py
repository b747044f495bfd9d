"""The JSON endpoints. Each reads the store on ``request.app.state`` and returns a typed model."""
from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from warta import __version__
from warta.api import models as m
from warta.api.params import filters, paged, with_page
from warta.api.views import country_counts, map_points, quad_of, timeline_points, top_dyads, with_quad
from warta.errors import LanguageError, WartaError
from warta.store import EventQuery, Store

ERRORS = {404: {"model": m.Error, "description": "Not found"},
          422: {"model": m.Error, "description": "A parameter is invalid; the message says which"}}
ID = Annotated[str, Path(min_length=1, max_length=200)]
Filters = Annotated[EventQuery, Depends(filters)]
Paging = Annotated[dict, Depends(paged)]

router = APIRouter()


def store_of(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store_of)]


@router.get("/meta", response_model=m.Meta, tags=["meta"], responses=ERRORS)
def meta(request: Request, store: StoreDep) -> m.Meta:
    """Version, whether `POST /code` is enabled, and the size of the store."""
    return m.Meta(version=__version__, allow_code=request.app.state.allow_code, stats=store.stats())


@router.get("/events", response_model=m.EventPage, response_model_exclude_unset=True,
            tags=["events"], responses=ERRORS)
def list_events(store: StoreDep, q: Filters, page: Paging) -> m.EventPage:
    """Events matching the filters, a page at a time (follow `next_cursor`)."""
    result = store.events(with_page(q, page))
    return m.EventPage(items=[m.StoredEvent.model_validate(with_quad(e)) for e in result.items],
                       next_cursor=result.next_cursor, total=result.total)


@router.get("/events/{event_id}", response_model=m.EventDetail, response_model_exclude_unset=True,
            tags=["events"], responses=ERRORS)
def get_event(store: StoreDep, event_id: ID) -> m.EventDetail:
    """One event with its evidence and every source article of its cluster."""
    found = store.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return m.EventDetail.model_validate(with_quad(found))


@router.get("/clusters", response_model=m.ClusterPage, response_model_exclude_unset=True,
            tags=["clusters"], responses=ERRORS)
def list_clusters(store: StoreDep, q: Filters, page: Paging) -> m.ClusterPage:
    """Clusters: events from several articles that tell the same happening."""
    result = store.clusters(with_page(q, page))
    return m.ClusterPage(items=[m.Cluster.model_validate(with_quad(c)) for c in result.items],
                         next_cursor=result.next_cursor, total=result.total)


@router.get("/clusters/{cluster_id}", response_model=m.ClusterDetail,
            response_model_exclude_unset=True, tags=["clusters"], responses=ERRORS)
def get_cluster(store: StoreDep, cluster_id: ID) -> m.ClusterDetail:
    """One cluster with its events."""
    found = store.cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r}")
    found = with_quad(found)
    found["events"] = [with_quad(e) for e in found.get("events", [])]
    return m.ClusterDetail.model_validate(found)


@router.get("/articles/{article_id}", response_model=m.StoredArticle, tags=["articles"],
            responses=ERRORS)
def get_article(store: StoreDep, article_id: ID) -> m.StoredArticle:
    """One stored article: the cleaned text all evidence offsets point into."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return m.StoredArticle.model_validate(found)


@router.get("/articles/{article_id}/coded", response_model=m.CodedArticle,
            response_model_exclude_unset=True, tags=["articles"], responses=ERRORS)
def get_coded_article(store: StoreDep, article_id: ID) -> m.CodedArticle:
    """One stored article as coded-article JSON (the interchange form)."""
    found = store.coded_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return m.CodedArticle.model_validate(found.to_dict())


COUNT_BY = r"^(dyad|source|target|type|quad|week|month|year)(,(dyad|source|target|type|quad|week|month|year)){0,3}$"


@router.get("/counts", response_model=list[m.Count], response_model_exclude_unset=True,
            tags=["aggregates"], responses=ERRORS)
def counts(store: StoreDep, q: Filters,
           by: Annotated[str, Query(pattern=COUNT_BY, description=
                                    "Comma-separated groups: dyad, source, target, type, quad, "
                                    "week, month, year.")] = "dyad,type,month") -> list[m.Count]:
    """Counts of events (and sums of killed, injured, displaced) by dyad × type × week or month."""
    return [m.Count.model_validate(r) for r in store.counts(q, by=tuple(by.split(",")))]


@router.get("/timeline", response_model=m.Timeline, tags=["aggregates"], responses=ERRORS)
def timeline(store: StoreDep, q: Filters,
             interval: Annotated[Literal["week", "month"], Query(description="Bucket size.")] = "month",
             dyads: Annotated[int, Query(ge=0, le=50, description="How many top dyads to list.")] = 12,
             ) -> m.Timeline:
    """Cooperation and conflict events per period, with killed and displaced as a second series."""
    points = timeline_points(store.counts(q, by=("type", interval)), interval)
    top = top_dyads(store.counts(replace(q, dyad=None), by=("dyad",)), dyads)
    return m.Timeline(interval=interval, dyad=list(q.dyad) if q.dyad else None,
                      points=[m.TimelinePoint(**p) for p in points],
                      dyads=[m.Dyad(**d) for d in top])


@router.get("/map", response_model=m.MapData, tags=["aggregates"], responses=ERRORS)
def map_data(store: StoreDep, q: Filters) -> m.MapData:
    """Events per country (either side) for shading, and places with coordinates as points."""
    return m.MapData(countries=[m.CountryCount(**c) for c in country_counts(store.counts(q, by=("dyad",)))],
                     points=[m.MapPoint.model_validate(p) for p in map_points(store.places(q))])


@router.get("/actors", response_model=list[m.ActorCount], tags=["aggregates"], responses=ERRORS)
def actors(store: StoreDep, q: Filters,
           limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[m.ActorCount]:
    """Actors seen, by country or organisation, name and sector, most events first."""
    return [m.ActorCount.model_validate(a) for a in store.actors(q)[:limit]]


@router.get("/places", response_model=list[m.PlaceCount], tags=["aggregates"], responses=ERRORS)
def places(store: StoreDep, q: Filters,
           limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[m.PlaceCount]:
    """Places events happened at, most events first."""
    return [m.PlaceCount.model_validate(p) for p in store.places(q)[:limit]]


CODE_ERRORS = {403: {"model": m.Error, "description": "Coding is disabled on this server"},
               413: {"model": m.Error, "description": "The body is larger than 2 MB"},
               422: {"model": m.Error, "description": "No usable text, or a field is invalid"}}


@router.post("/code", response_model=m.CodedArticle, response_model_exclude_unset=True,
             tags=["coding"], responses=CODE_ERRORS)
def code(request: Request, body: m.CodeRequest) -> m.CodedArticle:
    """Code one posted article (text or html) into events; nothing is stored."""
    if not request.app.state.allow_code:
        raise HTTPException(403, "coding is disabled on this server; start it with --allow-code")
    from warta.pipeline import code_article
    from warta.read.jsonl import record_article
    try:
        article = record_article("request", body.model_dump(exclude_none=True), "body")
        coded = code_article(article)
    except LanguageError as err:
        raise HTTPException(422, err.reason) from None
    except WartaError as err:
        raise HTTPException(422, err.reason) from None
    return m.CodedArticle.model_validate(coded.to_dict())


__all__ = ["router", "quad_of"]
