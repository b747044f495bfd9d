"""Query parameters shared by the list endpoints, validated into a store ``EventQuery``."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from warta.api.models import EventType
from warta.errors import StoreError
from warta.store import EventQuery
from warta.store.query import decode_cursor

MAX_LIMIT = 500
CODE = r"^[A-Za-z]{3}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Sort = Literal["date", "-date", "confidence", "-confidence"]


def _check_date(name: str, value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month or day."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as err:
        raise HTTPException(422, f"{name}: {value!r} is not a date ({err})") from None
    return value


def _check_cursor(value: str | None) -> str | None:
    if not value:
        return None
    try:
        key, tiebreak = decode_cursor(value)
    except StoreError:
        raise HTTPException(422, "cursor: not a cursor this server gave out") from None
    ok = (isinstance(key, (str, int, float)) and not isinstance(key, bool)
          and isinstance(tiebreak, (str, int)) and not isinstance(tiebreak, bool))
    if not ok:
        raise HTTPException(422, "cursor: not a cursor this server gave out")
    return value


def filters(
    date_from: Annotated[str | None, Query(pattern=DATE, description=
                                           "First day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="Last day, inclusive.")] = None,
    country: Annotated[str | None, Query(pattern=CODE, description=
                                         "ISO alpha-3 country (or organisation code) on either side.")] = None,
    source: Annotated[str | None, Query(pattern=CODE, description="Source actor's country code.")] = None,
    target: Annotated[str | None, Query(pattern=CODE, description="Target actor's country code.")] = None,
    dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description=
                                      "Two codes, `USA-KHM`: events between them, either direction.")] = None,
    event_type: Annotated[EventType | None, Query(alias="type", description="PLOVER event type.")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=100, description=
                                       "Part of the place name or admin-1, or a country code.")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200, description=
                                      "Words in the evidence sentence or the article.")] = None,
    include_duplicates: Annotated[bool, Query(description=
                                              "Also events of near-duplicate article copies.")] = False,
) -> EventQuery:
    date_from, date_to = _check_date("date_from", date_from), _check_date("date_to", date_to)
    if date_from and date_to and date_from[:len(date_to)] > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    pair = tuple(dyad.upper().split("-")) if dyad else None
    return EventQuery(date_from=date_from, date_to=date_to, country=_upper(country),
                      source=_upper(source), target=_upper(target), dyad=pair,
                      event_type=event_type, place=place, text=text,
                      include_duplicates=include_duplicates)


def paged(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")] = 100,
    cursor: Annotated[str | None, Query(max_length=400, pattern=r"^[A-Za-z0-9_\-]*$", description=
                                        "`next_cursor` of the previous page.")] = None,
    sort: Annotated[Sort, Query(description="date or confidence (clusters: size); `-` for descending.")
                    ] = "date",
) -> dict:
    return {"limit": limit, "cursor": _check_cursor(cursor), "sort": sort}


def with_page(q: EventQuery, page: dict) -> EventQuery:
    return replace(q, **page)


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None
