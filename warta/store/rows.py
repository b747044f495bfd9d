"""Coded records → table rows. Every derived column comes from the record's interchange form."""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from typing import Any

from warta.dedup import actor_code, event_day, figure_totals
from warta.model import Article, CodedArticle, Event, Figure

QUADS = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation",
    "AID": "material_cooperation", "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict", "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict", "ASSAULT": "material_conflict",
}

EVENT_COLUMNS = (
    "id", "article_id", "position", "event_type", "mode", "quad", "source_code", "target_code",
    "status", "confidence", "day", "week", "month", "year", "place_name", "place_country", "lat",
    "lon", "killed", "injured", "displaced", "dup", "cluster_id", "coder_version", "data",
)
ARTICLE_COLUMNS = (
    "id", "url", "title", "published", "source", "language", "dateline", "published_derived",
    "origin", "text", "removed", "coder_version", "content_hash", "n_events", "duplicate_of",
    "minhash", "added",
)
FIGURE_COLUMNS = (
    "article_id", "event_seq", "position", "kind", "low", "best", "high", "grp", "country",
    "claimed_by", "status", "text", "start_offset", "end_offset", "data",
)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def content_hash(coded: CodedArticle, coder_version: str | None) -> str:
    """A hash of everything stored for an article: a re-add with the same hash changes nothing."""
    a = coded.article
    payload = [coded.to_dict(), a.published_derived, a.origin, coder_version]
    return hashlib.sha1(dumps(payload).encode("utf-8")).hexdigest()


def article_coder_version(coded: CodedArticle, given: str | None) -> str | None:
    if given:
        return given
    return next((e.coder_version for e in coded.events if e.coder_version), None)


def article_row(coded: CodedArticle, coder_version: str | None, chash: str, duplicate_of: str | None,
                minhash: bytes | None, added: str) -> dict[str, Any]:
    a = coded.article
    return {"id": a.id, "url": a.url, "title": a.title, "published": a.published,
            "source": a.source, "language": a.language, "dateline": a.dateline,
            "published_derived": a.published_derived, "origin": a.origin, "text": a.text,
            "removed": dumps(list(a.removed)), "coder_version": coder_version,
            "content_hash": chash, "n_events": len(coded.events), "duplicate_of": duplicate_of,
            "minhash": minhash, "added": added}


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], text=row["text"], title=row["title"], published=row["published"],
                   url=row["url"], source=row["source"], language=row["language"],
                   removed=tuple(json.loads(row["removed"])), dateline=row["dateline"],
                   published_derived=row["published_derived"], origin=row["origin"])


def monday(day: str) -> str:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return ""
    return (d - timedelta(days=d.weekday())).isoformat()


def event_row(event: Event, article: Article, position: int, dup: bool) -> dict[str, Any]:
    day = event_day(event, article.published)
    totals = figure_totals(event.figures)
    place = event.place
    return {
        "id": event.id, "article_id": article.id, "position": position,
        "event_type": event.event_type, "mode": event.mode, "quad": QUADS.get(event.event_type),
        "source_code": actor_code(event.source), "target_code": actor_code(event.target),
        "status": event.status, "confidence": float(event.confidence), "day": day,
        "week": monday(day), "month": day[:7], "year": day[:4],
        "place_name": place.name if place else None, "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "killed": totals.get("killed", 0), "injured": totals.get("injured", 0),
        "displaced": totals.get("displaced", 0), "dup": int(dup), "cluster_id": None,
        "coder_version": event.coder_version, "data": dumps(event.to_dict()),
    }


def actor_rows(event: Event, seq: int) -> list[tuple]:
    out = []
    for side, actor in (("source", event.source), ("target", event.target)):
        if actor is not None:
            out.append((seq, side, actor.text, actor.name, actor.country, actor.org, actor.sector,
                        actor.role))
    return out


def place_rows(event: Event, seq: int) -> list[tuple]:
    p = event.place
    if p is None:
        return []
    return [(seq, p.name, p.admin1, p.country, p.lat, p.lon, p.precision, p.derived)]


def evidence_rows(event: Event, seq: int) -> list[tuple]:
    ev = event.evidence
    return [(seq, i, e.sentence_index, e.start, e.end, e.text)
            for i, e in enumerate((ev, *ev.more))]


def figure_rows(figures: tuple[Figure, ...], article_id: str, seq: int | None) -> list[tuple]:
    return [(article_id, seq, i, f.kind, f.low, f.best, f.high, f.group, f.country, f.claimed_by,
             f.status, f.text, f.start, f.end, dumps(f.to_dict()))
            for i, f in enumerate(figures)]
