"""The store's schema, defined once for both dialects, and its migrations.

Each migration is a list of statements written in a neutral form with a few placeholders that
the dialect fills in (``{id}`` an auto-numbered primary key, ``{float}`` a double, ``{blob}`` bytes,
``{bigint}`` a 64-bit integer, ``{without_rowid}`` SQLite's clustered-table clause). A step that
SQL cannot express is a function of the back-end and the store's near-duplicate settings.
``MIGRATIONS[n]`` takes a store from version ``n`` to ``n + 1``; applied versions are recorded in
``schema_migrations``.

JSON columns (``data``) hold a record's interchange form exactly as written (``to_dict``), so the
store gives back what it was given; the other columns are derived from it for querying.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warta.dedup import DedupSettings, band_buckets, signature

V1 = (
    """CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        applied TEXT NOT NULL
    )""",
    # One row per article: the cleaned text and removed lines, its coding and near-duplicate link.
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        url TEXT, title TEXT, published TEXT, source TEXT, language TEXT, dateline TEXT,
        published_derived TEXT, origin TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,
        coder_version TEXT,
        content_hash TEXT NOT NULL,
        n_events INTEGER NOT NULL,
        duplicate_of TEXT,
        minhash {blob},
        added TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles (duplicate_of)",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles (published, id)",
    # MinHash LSH bands: a candidate near-duplicate shares at least one (band, key) with an article.
    """CREATE TABLE IF NOT EXISTS minhash_bands (
        band INTEGER NOT NULL,
        bucket TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (band, bucket, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS minhash_bands_article ON minhash_bands (article_id)",
    # Events: the event JSON plus the columns queries filter, sort and count on.
    """CREATE TABLE IF NOT EXISTS events (
        seq {id},
        id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        mode TEXT,
        quad TEXT,
        source_code TEXT, target_code TEXT,
        status TEXT NOT NULL,
        confidence {float} NOT NULL,
        day TEXT NOT NULL,
        week TEXT NOT NULL, month TEXT NOT NULL, year TEXT NOT NULL,
        place_name TEXT, place_country TEXT, lat {float}, lon {float},
        killed {bigint} NOT NULL, injured {bigint} NOT NULL, displaced {bigint} NOT NULL,
        dup INTEGER NOT NULL,
        cluster_id TEXT,
        coder_version TEXT,
        data TEXT NOT NULL,
        UNIQUE (article_id, position)
    )""",
    "CREATE INDEX IF NOT EXISTS events_id ON events (id)",
    "CREATE INDEX IF NOT EXISTS events_day ON events (day, seq)",
    "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (event_type, day)",
    # Covering indexes for the dyad-by-month counts, one per direction of the dyad.
    """CREATE INDEX IF NOT EXISTS events_dyad_month ON events
        (source_code, target_code, month, dup, status, killed, displaced, cluster_id)""",
    """CREATE INDEX IF NOT EXISTS events_target_month ON events
        (target_code, source_code, month, dup, status, killed, displaced, cluster_id)""",
    """CREATE INDEX IF NOT EXISTS events_month ON events
        (month, source_code, target_code, dup, status, killed, displaced, cluster_id)""",
    "CREATE INDEX IF NOT EXISTS events_place ON events (place_name)",
    # Source and target of each event.
    """CREATE TABLE IF NOT EXISTS actors (
        event_seq {bigint} NOT NULL,
        side TEXT NOT NULL,
        text TEXT, name TEXT, country TEXT, org TEXT, sector TEXT, role TEXT,
        PRIMARY KEY (event_seq, side)
    )""",
    "CREATE INDEX IF NOT EXISTS actors_country ON actors (country, org, name)",
    # Every quantity of people: the article's list (event_seq NULL) and each event's own.
    """CREATE TABLE IF NOT EXISTS figures (
        article_id TEXT NOT NULL,
        event_seq {bigint},
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        low {bigint}, best {bigint}, high {bigint},
        grp TEXT, country TEXT, claimed_by TEXT, status TEXT,
        text TEXT, start_offset INTEGER, end_offset INTEGER,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS figures_article ON figures (article_id, event_seq, position)",
    "CREATE INDEX IF NOT EXISTS figures_event ON figures (event_seq)",
    """CREATE TABLE IF NOT EXISTS places (
        event_seq {bigint} PRIMARY KEY,
        name TEXT, admin1 TEXT, country TEXT, lat {float}, lon {float}, place_precision TEXT, derived TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS places_name ON places (name)",
    # Evidence sentences: position 0 is the main one, then evidence.more in order.
    """CREATE TABLE IF NOT EXISTS evidence (
        event_seq {bigint} NOT NULL,
        position INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_seq, position)
    )""",
    # Clusters of events from several articles that tell the same happening.
    """CREATE TABLE IF NOT EXISTS event_clusters (
        id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        source_code TEXT, target_code TEXT,
        either_way INTEGER NOT NULL,
        first_date TEXT NOT NULL, last_date TEXT NOT NULL,
        place_name TEXT, place_country TEXT, lat {float}, lon {float},
        first_report TEXT, first_article_id TEXT,
        n_events INTEGER NOT NULL, n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL,
        sources TEXT NOT NULL,
        articles TEXT NOT NULL,
        figures TEXT NOT NULL
    )""",
    """CREATE INDEX IF NOT EXISTS event_clusters_key ON event_clusters
        (event_type, source_code, target_code, last_date)""",
    "CREATE INDEX IF NOT EXISTS event_clusters_first ON event_clusters (first_date, id)",
)

# Version 2: the count indexes also cover ``injured`` (counts sum it), so counting reads no rows;
# pages of non-duplicate events by day get their own index.
V2 = (
    "DROP INDEX IF EXISTS events_dyad_month",
    "DROP INDEX IF EXISTS events_target_month",
    "DROP INDEX IF EXISTS events_month",
    """CREATE INDEX IF NOT EXISTS events_dyad_month2 ON events
        (source_code, target_code, month, dup, status, killed, injured, displaced)""",
    """CREATE INDEX IF NOT EXISTS events_target_month2 ON events
        (target_code, source_code, month, dup, status, killed, injured, displaced)""",
    """CREATE INDEX IF NOT EXISTS events_month2 ON events
        (month, source_code, target_code, dup, status, killed, injured, displaced)""",
    # Pages of events leave out duplicates and sort by day: one range scan, and a covered count.
    "CREATE INDEX IF NOT EXISTS events_dup_day ON events (dup, day, seq)",
)



INSERT_MINHASH_KEY = ("INSERT INTO minhash_keys (bucket, band, article_id) VALUES (?, ?, ?) "
                      "ON CONFLICT DO NOTHING")


def resign_articles(db: Any, settings: DedupSettings, chunk: int = 500) -> None:
    """Compute every stored article's MinHash signature again (``warta.dedup.signature``) and
    write its LSH keys to ``minhash_keys``. Links already made (``duplicate_of``) stay."""
    ids = [r[0] for r in db.all("SELECT id FROM articles ORDER BY id")]
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        rows = db.all(f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' * len(part))})", part)
        sigs = [(signature(text or "", settings), aid) for aid, text in rows]
        db.executemany("UPDATE articles SET minhash = ? WHERE id = ?", sigs)
        db.executemany(INSERT_MINHASH_KEY,
                       [(bucket, band, aid) for sig, aid in sigs if sig is not None
                        for band, bucket in band_buckets(sig, settings)])


# Version 3: MinHash signatures from ``warta.dedup.shingle_hashes`` (whole-text numpy arithmetic
# instead of one SHA-1 call per shingle), computed again for every stored article; the LSH keys
# in one clustered table keyed by (bucket, band, article), the bucket a 64-bit integer: one B-tree
# to write per band instead of a table, its key index and an article index. An article's keys are
# deleted through the keys of its stored signature.
V3 = (
    """CREATE TABLE IF NOT EXISTS minhash_keys (
        bucket {bigint} NOT NULL,
        band INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (bucket, band, article_id)
    ){without_rowid}""",
    "DELETE FROM minhash_keys",
    resign_articles,
    "DROP TABLE IF EXISTS minhash_bands",
)

Step = str | Callable[[Any, DedupSettings], None]
MIGRATIONS: tuple[tuple[Step, ...], ...] = (V1, V2, V3)
SCHEMA_VERSION = len(MIGRATIONS)

DIALECTS = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "float": "REAL", "blob": "BLOB",
               "bigint": "INTEGER", "without_rowid": " WITHOUT ROWID"},
    "postgresql": {"id": "BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION", "blob": "BYTEA",
                   "bigint": "BIGINT", "without_rowid": ""},
}


def render(statement: str, dialect: str) -> str:
    """One neutral statement in the words of ``dialect`` (``sqlite`` or ``postgresql``)."""
    return statement.format(**DIALECTS[dialect])


def pending(current: int) -> list[tuple[int, tuple[Step, ...]]]:
    """Migrations still to apply to a store at version ``current``, as (new version, statements)."""
    return [(i + 1, stmts) for i, stmts in enumerate(MIGRATIONS) if i + 1 > current]
