"""The event store: coded articles, events, near-duplicates and event clusters in SQLite or PostgreSQL.

The coded-article JSON (``CodedArticle.to_dict()``) is the interchange; the store is derived from
it and gives it back. One schema (``warta.store.schema``) is rendered for both dialects and
migrated on open.

Interface (stable; the API and CLI code against it)::

    open_store(url_or_path) -> Store   # "warta.db" or a path → SQLite (WAL); "postgresql://…" → PostgreSQL
    Store.schema_version: int
    Store.add(coded: Iterable[CodedArticle], *, coder_version=None) -> AddResult
        # one transaction per call; idempotent (same content → skipped; changed coding → the
        # article's events replaced in the same transaction); links near-duplicates and clusters
    Store.has_article(article_id) -> bool
    Store.coded_article(article_id) -> CodedArticle | None    # equal to what was stored
    Store.article(article_id) -> dict | None
        # id, url, title, published, source, language, dateline, text, removed, duplicate_of,
        # coder_version, n_events
    Store.events(q: EventQuery) -> Page(items, next_cursor, total)
        # each item: Event.to_dict() + article_id, cluster_id, article_title, published, outlet
    Store.event(event_id) -> dict | None
        # the event dict + "sources": [{article_id, title, url, source, published}] of its cluster
    Store.clusters(q: EventQuery) -> Page
        # id, event_type, source_country, target_country, symmetric, first_date, last_date,
        # place_name, place_country, lat, lon, first_report, first_article_id, n_events,
        # n_articles, n_sources, sources (outlets), articles (ids, first copy first),
        # figures {kind: {low, high, reports}}
    Store.cluster(cluster_id) -> dict | None        # a cluster row + its "events"
    Store.counts(q, by=("dyad", "type", "month")) -> list[dict]
        # by ⊆ {dyad, source, target, type, quad, week, month, year}; row keys: source, target
        # (dyad), event_type (type), quad, week (the Monday), month (YYYY-MM), year, and
        # events, killed, injured, displaced
    Store.actors(q=None) -> list[dict]   # country, org, name, sector, events
    Store.places(q=None) -> list[dict]   # name, admin1, country, lat, lon, events
    Store.stats() -> dict                # articles, duplicates, events, counted_events, clusters
    Store.coder_versions(ids) -> {id: coder_version}   # for skipping articles already coded
    Store.article_ids(not_coder_version=None) -> list[str]
    Store.iter_events(q) / Store.iter_clusters(q)      # every page
    Store.check() -> list[str]           # consistency problems (empty when consistent)
    Store.close()

    EventQuery(date_from, date_to, country, source, target, dyad, event_type, place, text,
               include_duplicates=False, limit=100, cursor=None, sort="date")
        # sort: "date", "-date", "confidence", "-confidence" (clusters: "confidence" = size)

Events of near-duplicate articles are left out of ``events`` and ``counts`` unless
``include_duplicates``; negated and hypothetical events are listed but never counted. Errors are
``warta.errors.StoreError``. A Store is safe to share between threads of one process.
"""
from __future__ import annotations

from warta.store.query import EventQuery, Page
from warta.store.schema import SCHEMA_VERSION
from warta.store.store import AddResult, Store, open_store

__all__ = ["AddResult", "EventQuery", "Page", "SCHEMA_VERSION", "Store", "open_store"]
