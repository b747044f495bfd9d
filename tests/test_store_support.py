"""Store test support: the SQLite and PostgreSQL ``store`` fixture, and strategies of coded articles.

PostgreSQL: WARTA_TEST_PG_URL when set, else a throwaway server started with ``.ci/postgres.sh``
(Debian's initdb and pg_ctl, run as a non-root user). Without a server the PostgreSQL rows skip,
saying why, except under CI=true, where they fail. Each test gets its own schema.
"""
from __future__ import annotations

import atexit
import functools
import os
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import strategies as st

from warta.model import (FIGURE_GROUPS, FIGURE_KINDS, PLOVER_TYPES, PRECISIONS, STATUSES, Actor,
                         Article, CodedArticle, Event, Evidence, Figure, Place, Span, When)
from warta.store import open_store

REPO = Path(__file__).resolve().parent.parent
BACKENDS = ("sqlite", "postgresql")


@functools.lru_cache(maxsize=1)
def pg_server() -> tuple[str | None, str]:
    """(URL of a PostgreSQL server, or None; why not)."""
    url = os.environ.get("WARTA_TEST_PG_URL")
    if url:
        return url, ""
    state = Path(tempfile.mkdtemp(prefix="warta-pg-state-")) / "state"
    env = dict(os.environ, WARTA_PG_STATE=str(state))
    try:
        done = subprocess.run(["bash", str(REPO / ".ci" / "postgres.sh"), "start"], env=env,
                              capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, f"could not start PostgreSQL: {err}"
    if done.returncode != 0 or not done.stdout.strip():
        return None, f"could not start PostgreSQL: {done.stderr.strip()[-300:]}"
    atexit.register(subprocess.run, ["bash", str(REPO / ".ci" / "postgres.sh"), "stop"], env=env,
                    capture_output=True)
    return done.stdout.strip().splitlines()[-1], ""


def pg_url_or_skip() -> str:
    url, why = pg_server()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is needed under CI=true: {why}")
        pytest.skip(why)
    return url


def with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-c search_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A URL or path of an empty store on each back-end."""
    if request.param == "sqlite":
        yield str(tmp_path / "warta.db")
        return
    import psycopg
    base = pg_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield with_schema(base, schema)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


# --------------------------------------------------------------------------- builders

def event(eid: str, event_type: str = "ASSAULT", src: str | None = "ISR", tgt: str | None = "PSE",
          day: str | None = "2025-06-01", place: Place | None = None,
          figures: tuple[Figure, ...] = (), status: str = "asserted", confidence: float = 0.5,
          text: str = "Israel menyerang Gaza.", org: str | None = None) -> Event:
    return Event(id=eid, event_type=event_type, evidence=Evidence(0, 0, len(text), text),
                 source=Actor(src or org or "x", name=src, country=src, org=None if src else org,
                              sector="MIL"),
                 target=Actor(tgt or "y", name=tgt, country=tgt) if tgt else None,
                 date=When(day, "day", "explicit") if day else None, place=place,
                 figures=figures, status=status, confidence=confidence)


def coded(aid: str, events: tuple[Event, ...] = (), text: str | None = None,
          published: str | None = "2025-06-01", source: str | None = "kompas.com") -> CodedArticle:
    body = text if text is not None else f"Artikel {aid} tentang sesuatu yang lain sama sekali. " * 3
    return CodedArticle(Article(id=aid, text=body, title=f"Judul {aid}", published=published,
                                source=source, language="id"), events)


# --------------------------------------------------------------------------- strategies

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=40)
OPT_TEXT = st.none() | TEXT
CODE = st.none() | st.sampled_from(["IDN", "USA", "RUS", "ISR", "PSE", "UKR", "CHN"])
DAY = st.dates().map(lambda d: d.isoformat())
SMALL = st.none() | st.integers(0, 10 ** 9)
COORD = st.none() | st.floats(-180, 180, allow_nan=False, allow_infinity=False)

spans = st.builds(Span, st.integers(0, 10 ** 6), st.integers(0, 10 ** 6), TEXT)
actors = st.builds(Actor, TEXT, OPT_TEXT, CODE, OPT_TEXT, OPT_TEXT, OPT_TEXT)
whens = st.builds(When, st.none() | DAY, st.sampled_from(PRECISIONS),
                  st.sampled_from(["explicit", "relative", "published"]), st.none() | DAY)
places = st.builds(Place, TEXT, OPT_TEXT, CODE, COORD, COORD,
                   st.sampled_from(["point", "admin1", "country"]), st.none() | st.just("dateline"))
figures = st.builds(Figure, st.sampled_from(FIGURE_KINDS), SMALL, SMALL, SMALL,
                    st.sampled_from(FIGURE_GROUPS), CODE, OPT_TEXT, TEXT,
                    st.integers(0, 10 ** 6), st.integers(0, 10 ** 6),
                    st.none() | st.just("claimed"), st.none() | st.integers(0, 500))
field_lists = st.dictionaries(st.sampled_from(["trigger", "source", "target", "place", "date"]),
                              spans, max_size=3).map(lambda d: tuple(d.items()))
simple_evidence = st.builds(Evidence, st.integers(0, 500), st.integers(0, 10 ** 6),
                            st.integers(0, 10 ** 6), TEXT, field_lists)
evidences = st.builds(Evidence, st.integers(0, 500), st.integers(0, 10 ** 6),
                      st.integers(0, 10 ** 6), TEXT, field_lists,
                      st.lists(simple_evidence, max_size=2).map(tuple))
events = st.builds(
    Event, id=st.text("0123456789abcdef", min_size=8, max_size=16),
    event_type=st.sampled_from(PLOVER_TYPES), evidence=evidences, mode=OPT_TEXT,
    context=st.lists(TEXT, max_size=3).map(tuple), cameo_root=st.none() | st.just("19"),
    source=st.none() | actors, target=st.none() | actors, date=st.none() | whens,
    place=st.none() | places, figures=st.lists(figures, max_size=3).map(tuple),
    status=st.sampled_from(STATUSES), attribution=OPT_TEXT,
    confidence=st.integers(0, 1000).map(lambda i: i / 1000), coder_version=OPT_TEXT)
articles = st.builds(
    Article, id=st.uuids().map(lambda u: u.hex), text=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=400),
    title=OPT_TEXT, published=st.none() | DAY, url=OPT_TEXT, source=OPT_TEXT,
    language=st.none() | st.just("id"), removed=st.lists(TEXT, max_size=3).map(tuple),
    dateline=OPT_TEXT, published_derived=st.none() | st.sampled_from(["input", "text"]),
    origin=OPT_TEXT)
coded_articles = st.builds(CodedArticle, articles, st.lists(events, max_size=4).map(tuple),
                           st.lists(figures, max_size=3).map(tuple))


def test_store_support_redacts_passwords():
    from warta.store.backend import _redact
    assert _redact("postgresql://u:secret@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert _redact("postgresql://u@h/db") == "postgresql://u@h/db"
