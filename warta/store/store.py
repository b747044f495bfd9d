"""The event store over one back-end: adding coded articles, near-duplicates, clusters, queries."""
from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from warta.dedup import (ClusterSettings, DedupSettings, band_buckets, cluster_id, cluster_pair,
                         clusterable, day_distance, figure_totals, first_copy_key, is_copy,
                         places_agree, reconcile_figures, shift_day, shingles, signature)
from warta.errors import StoreError
from warta.model import CodedArticle, Event, Figure
from warta.store.backend import Backend, connect
from warta.store.query import (COUNT_KEYS, NOT_COUNTED, EventQuery, Page, decode_cursor,
                               encode_cursor, event_filters, sort_clause, validate_by)
from warta.store.rows import (ARTICLE_COLUMNS, EVENT_COLUMNS, FIGURE_COLUMNS, actor_rows,
                              article_coder_version, article_from_row, article_row, content_hash,
                              event_row, evidence_rows, figure_rows, place_rows)
from warta.store.schema import INSERT_MINHASH_KEY, SCHEMA_VERSION, pending, render

EVENT_SELECT = ("SELECT e.seq, e.data, e.article_id, e.cluster_id, a.title, a.published, a.source, "
                "e.day, e.confidence FROM events e JOIN articles a ON a.id = e.article_id")
TEXT_FILTER = ("(EXISTS (SELECT 1 FROM evidence v WHERE v.event_seq = e.seq AND lower(v.text) "
               "LIKE ? ESCAPE '\\') OR lower(a.text) LIKE ? ESCAPE '\\')")
CLUSTER_TEXT_FILTER = ("EXISTS (SELECT 1 FROM events e2 JOIN evidence v ON v.event_seq = e2.seq "
                       "WHERE e2.cluster_id = c.id AND lower(v.text) LIKE ? ESCAPE '\\')")


@dataclass(frozen=True)
class AddResult:
    added: int = 0          # articles stored for the first time
    replaced: int = 0       # articles whose coding changed (their events replaced)
    skipped: int = 0        # articles stored already with the same coding
    events: int = 0         # events written
    duplicates: int = 0     # articles (of this call) that are a near-duplicate of another
    clusters: int = 0       # clusters created or changed


class Store:
    """Coded articles, their events and clusters, in SQLite or PostgreSQL.

    Thread-safe: one connection guarded by a lock (use one Store per process).
    """

    def __init__(self, backend: Backend, dedup: DedupSettings | None = None,
                 clusters: ClusterSettings | None = None):
        self.db = backend
        self.dedup = dedup or DedupSettings()
        self.cluster_settings = clusters or ClusterSettings()
        self._lock = threading.RLock()
        try:
            self._migrate()
        except Exception:
            backend.close()
            raise

    # ----------------------------------------------------------------- schema

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def schema_version(self) -> int:
        with self._lock:
            row = self.db.one("SELECT MAX(version) FROM schema_migrations")
            return int(row[0] or 0) if row else 0

    def _migrate(self) -> None:
        with self._lock:
            current = 0
            if self.db.table_exists("schema_migrations"):
                current = int(self.db.one("SELECT MAX(version) FROM schema_migrations")[0] or 0)
            if current > SCHEMA_VERSION:
                raise StoreError(self.db.name, f"store schema version {current} is newer than this "
                                 f"warta ({SCHEMA_VERSION}); upgrade warta")
            for version, statements in pending(current):
                self.db.begin()
                try:
                    for step in statements:
                        if callable(step):
                            step(self.db, self.dedup)
                        else:
                            self.db.execute(render(step, self.dialect))
                    self.db.execute("INSERT INTO schema_migrations (version, applied) VALUES (?, ?) "
                                    "ON CONFLICT (version) DO NOTHING", (version, _now()))
                    self.db.commit()
                except Exception as err:
                    self.db.rollback()
                    raise StoreError(self.db.name, f"migration to schema {version} failed: {err}") from err

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- writing

    def add(self, coded: Iterable[CodedArticle], *, coder_version: str | None = None) -> AddResult:
        """Store coded articles in one transaction. Idempotent: an article stored already with the
        same content is skipped; one whose coding changed has its events replaced."""
        batch = sorted(coded, key=lambda c: first_copy_key(c.article.published, c.article.id))
        counts = {"added": 0, "replaced": 0, "skipped": 0, "events": 0, "duplicates": 0}
        touched: set[str] = set()
        with self._lock:
            self.db.begin()
            try:
                writes = _BatchWrites()
                stored = self._column_by_id("content_hash", [c.article.id for c in batch])
                self._prefetch_bands(batch, stored, writes)
                for c in batch:
                    self._add_one(c, coder_version, counts, touched, stored, writes)
                self._flush(writes)
                for cid in sorted(touched):
                    self._refresh_cluster(cid)
                self.db.commit()
            except StoreError:
                self.db.rollback()
                raise
            except Exception as err:
                self.db.rollback()
                raise StoreError(self.db.name, f"could not store the batch: {err}") from err
        return AddResult(clusters=len(touched), **counts)

    def _column_by_id(self, column: str, article_ids: Sequence[str]) -> dict[str, str | None]:
        """``column`` of each of the given articles that is stored (absent: not stored)."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update({r[0]: r[1] for r in self.db.all(
                f"SELECT id, {column} FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)})
        return out

    def _add_one(self, coded: CodedArticle, coder_version: str | None, counts: dict[str, int],
                 touched: set[str], stored: dict[str, str], writes: _BatchWrites) -> None:
        a = coded.article
        version = article_coder_version(coded, coder_version)
        chash = content_hash(coded, version)
        old_hash = stored.get(a.id)
        if old_hash == chash:
            counts["skipped"] += 1
            return
        if old_hash is not None:
            self._flush(writes)                  # the rows of the events about to be deleted
            touched |= self._delete_events(a.id)
            old_text, old_sig = self.db.one("SELECT text, minhash FROM articles WHERE id = ?", (a.id,))
            old_sig = bytes(old_sig) if old_sig is not None else None
            same_text = old_text == a.text
            sig = old_sig if same_text and old_sig is not None else signature(a.text, self.dedup)
            row = article_row(coded, version, chash, None, sig, _now())
            sets = ", ".join(f"{k} = ?" for k in ARTICLE_COLUMNS if k not in ("id", "duplicate_of"))
            self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?",
                            [row[k] for k in ARTICLE_COLUMNS if k not in ("id", "duplicate_of")] + [a.id])
            if not same_text:
                self._drop_bands(a.id, old_sig)
                self._link_duplicates(a.id, a.published, sig, a.text, writes)
            dup_row = self.db.one("SELECT duplicate_of FROM articles WHERE id = ?", (a.id,))
            is_dup = dup_row is not None and dup_row[0] is not None
            counts["replaced"] += 1
        else:
            sig = writes.signature(a.id) if a.id in writes.signatures else signature(a.text, self.dedup)
            row = article_row(coded, version, chash, None, sig, _now())
            self.db.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
                            f"({', '.join('?' * len(ARTICLE_COLUMNS))})",
                            [row[k] for k in ARTICLE_COLUMNS])
            is_dup = self._link_duplicates(a.id, a.published, sig, a.text, writes) is not None
            counts["added"] += 1
        stored[a.id] = chash
        counts["duplicates"] += int(is_dup)
        writes.rows["figures"] += figure_rows(coded.figures, a.id, None)
        for position, event in enumerate(coded.events):
            self._insert_event(event, coded, position, is_dup, touched, writes)
            counts["events"] += 1

    def _insert_event(self, event: Event, coded: CodedArticle, position: int, dup: bool,
                      touched: set[str], writes: _BatchWrites) -> None:
        """Write an event row (with its cluster, found first) now, its other rows at the flush."""
        row = event_row(event, coded.article, position, dup)
        cid = self._cluster_event(event, row, coded.article.published)
        row["cluster_id"] = cid
        seq = self.db.one(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
                          f"({', '.join('?' * len(EVENT_COLUMNS))}) RETURNING seq",
                          [row[k] for k in EVENT_COLUMNS])[0]
        writes.rows["actors"] += actor_rows(event, seq)
        writes.rows["places"] += place_rows(event, seq)
        writes.rows["evidence"] += evidence_rows(event, seq)
        writes.rows["figures"] += figure_rows(event.figures, coded.article.id, seq)
        if cid:
            touched.add(cid)
            self._refresh_cluster_span(cid)

    def _flush(self, writes: _BatchWrites) -> None:
        """Write the rows kept for the end of the batch: one statement per table."""
        self.db.executemany(INSERT_MINHASH_KEY,     # in key order: B-tree pages in turn
                            sorted((bucket, band, aid) for aid, keys in writes.bands.items()
                                   for band, bucket in keys))
        for table, statement in CHILD_INSERTS.items():
            self.db.executemany(statement, writes.rows[table])
        writes.clear()

    def _delete_events(self, article_id: str) -> set[str]:
        """Delete an article's events and figures; return the clusters they were in."""
        rows = self.db.all("SELECT seq, cluster_id FROM events WHERE article_id = ?", (article_id,))
        for table in ("actors", "places", "evidence"):
            self.db.execute(f"DELETE FROM {table} WHERE event_seq IN "
                            "(SELECT seq FROM events WHERE article_id = ?)", (article_id,))
        self.db.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        return {cid for _, cid in rows if cid}

    # ----------------------------------------------------------------- near-duplicates

    def _prefetch_bands(self, batch: Sequence[CodedArticle], stored: dict[str, str | None],
                        writes: _BatchWrites) -> None:
        """The signatures of the batch's articles not stored yet, and the stored rows of their LSH
        buckets, read in a few statements for the whole batch instead of one per article. Only
        the table's writes at a flush (and the deletes that follow one) make them stale: a flush
        drops them (``_BatchWrites.clear``) and lookups go to the table again."""
        for c in batch:
            aid = c.article.id
            if aid not in stored and aid not in writes.signatures:    # an id's first copy is added
                sig = signature(c.article.text, self.dedup)
                writes.signatures[aid] = (sig, band_buckets(sig, self.dedup) if sig is not None else [])
        buckets = sorted({bucket for _, keys in writes.signatures.values() for _, bucket in keys})
        found: dict[int, list[tuple[int, str]]] = {}
        for i in range(0, len(buckets), 500):
            chunk = buckets[i:i + 500]
            for band, bucket, aid in self.db.all(
                    "SELECT band, bucket, article_id FROM minhash_keys WHERE bucket IN "
                    f"({', '.join('?' * len(chunk))})", chunk):
                found.setdefault(bucket, []).append((band, aid))
        writes.stored_buckets = found

    def _band_candidates(self, keys: list[tuple[int, int]], writes: _BatchWrites) -> set[str]:
        """Stored articles that share one of the (band, bucket) keys."""
        if writes.stored_buckets is not None:
            known = writes.stored_buckets
            return {aid for band, bucket in keys for b, aid in known.get(bucket, ()) if b == band}
        wanted = set(keys)
        rows = self.db.all(f"SELECT band, bucket, article_id FROM minhash_keys WHERE bucket IN "
                           f"({', '.join('?' * len(keys))})", [bucket for _, bucket in keys])
        return {aid for band, bucket, aid in rows if (band, bucket) in wanted}

    def _drop_bands(self, article_id: str, old_sig: bytes | None) -> None:
        """Delete an article's stored LSH bands: the keys of its stored signature (the caller has
        flushed the batch's bands)."""
        if old_sig is not None:
            self.db.executemany("DELETE FROM minhash_keys WHERE bucket = ? AND band = ? AND "
                                "article_id = ?", [(bucket, band, article_id)
                                                   for band, bucket in band_buckets(old_sig, self.dedup)])

    def _link_duplicates(self, article_id: str, published: str | None, sig: bytes | None,
                         text: str, writes: _BatchWrites) -> str | None:
        """Find the article's copies through the LSH bands (stored, and of this batch so far),
        and point its whole group at the group's first copy (earliest published, then smallest
        id). Returns what the article now points at when it has copies, else None."""
        if sig is None:
            return None
        keys = writes.keys(article_id, sig) or band_buckets(sig, self.dedup)
        candidates = sorted((self._band_candidates(keys, writes) | writes.candidates(keys)) - {article_id})
        writes.add(article_id, keys)
        matches = []
        k = self.dedup.shingle
        own = functools.cache(lambda: shingles(text, k))
        for cand in candidates:
            row = self.db.one("SELECT minhash, duplicate_of, text FROM articles WHERE id = ?", (cand,))
            if row and row[0] is not None and is_copy(sig, bytes(row[0]), own,
                                                      lambda t=row[2]: shingles(t, k), self.dedup):
                matches.append(row[1] or cand)
        if not matches:
            return None
        own = self.db.one("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,))
        roots = sorted(set(matches) | {(own[0] if own and own[0] else article_id)})
        marks = ", ".join("?" * len(roots))
        members = self.db.all(f"SELECT id, published, duplicate_of FROM articles WHERE id IN ({marks}) "
                              f"OR duplicate_of IN ({marks})", roots + roots)
        first = min(members, key=lambda m: first_copy_key(m[1], m[0]))[0]
        for mid, _, current in members:
            target = None if mid == first else first
            if current != target:
                self.db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (target, mid))
                self.db.execute("UPDATE events SET dup = ? WHERE article_id = ?",
                                (int(target is not None), mid))
        return None if article_id == first else first

    # ----------------------------------------------------------------- clusters

    def _cluster_event(self, event: Event, row: dict[str, Any], published: str | None) -> str | None:
        """The cluster an event (its row, not yet written) joins; a new one when none fits."""
        s = self.cluster_settings
        day = row["day"]
        if not clusterable(event, s) or not day:
            return None
        src, tgt, symmetric = cluster_pair(event, s)
        rows = self.db.all(
            "SELECT id, first_date, last_date, place_name, lat, lon FROM event_clusters "
            "WHERE event_type = ? AND source_code = ? AND target_code = ? AND last_date >= ? "
            "AND first_date <= ?",
            (event.event_type, src or "", tgt or "", shift_day(day, -s.window_days),
             shift_day(day, s.window_days)))
        place = (row["place_name"], row["lat"], row["lon"])
        best = None
        for cid, first, last, pname, lat, lon in rows:
            if src is None and tgt is None and not (pname and place[0]):
                continue
            if not places_agree(place, (pname, lat, lon), s):
                continue
            dist = min(day_distance(day, first) or 0, day_distance(day, last) or 0)
            if first <= day <= last:
                dist = 0
            if best is None or (dist, cid) < best[0]:
                best = ((dist, cid), cid)
        if best is not None:
            return best[1]
        cid = cluster_id(event.id)
        self.db.execute(
            "INSERT INTO event_clusters (id, event_type, source_code, target_code, either_way, "
            "first_date, last_date, place_name, place_country, lat, lon, first_report, "
            "first_article_id, n_events, n_articles, n_sources, sources, articles, figures) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '[]', '[]', '{}') "
            "ON CONFLICT (id) DO NOTHING",
            (cid, event.event_type, src or "", tgt or "", int(symmetric), day, day,
             row["place_name"], event.place.country if event.place else None, row["lat"],
             row["lon"], published, None))
        return cid

    def _refresh_cluster_span(self, cid: str) -> None:
        """Recompute what later events of the batch match a cluster on (its first and last day
        and its place) from its member events; the rest of its summary waits for the batch's end."""
        members = self.db.all("SELECT day, place_name, place_country, lat, lon FROM events "
                              "WHERE cluster_id = ? ORDER BY day, seq", (cid,))
        self.db.execute("UPDATE event_clusters SET first_date = ?, last_date = ?, place_name = ?, "
                        "place_country = ?, lat = ?, lon = ? WHERE id = ?", (*_span(members, 0, 1), cid))

    def _refresh_cluster(self, cid: str) -> None:
        """Recompute a cluster's summary from its member events (delete it when it has none)."""
        members = self.db.all(
            "SELECT e.seq, e.day, e.article_id, a.source, a.published, e.place_name, e.place_country, "
            "e.lat, e.lon FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = ? ORDER BY e.day, e.seq", (cid,))
        if not members:
            self.db.execute("DELETE FROM event_clusters WHERE id = ?", (cid,))
            return
        articles = sorted({(m[4] or "9999-99-99", m[2]) for m in members})
        sources = sorted({m[3] for m in members if m[3]})
        figs: dict[str, list[Figure]] = {}
        for art, data in self.db.all(
                "SELECT f.article_id, f.data FROM figures f JOIN events e ON e.seq = f.event_seq "
                "WHERE e.cluster_id = ? ORDER BY f.article_id, f.event_seq, f.position", (cid,)):
            figs.setdefault(art, []).append(Figure.from_dict(json.loads(data)))
        figures = reconcile_figures(figure_totals(fs) for _, fs in sorted(figs.items()))
        published = [m[4] for m in members if m[4]]
        self.db.execute(
            "UPDATE event_clusters SET first_date = ?, last_date = ?, place_name = ?, "
            "place_country = ?, lat = ?, lon = ?, first_report = ?, first_article_id = ?, "
            "n_events = ?, n_articles = ?, n_sources = ?, sources = ?, articles = ?, figures = ? "
            "WHERE id = ?",
            (*_span(members, 1, 5), min(published) if published else None, articles[0][1], len(members),
             len(articles), len(sources), json.dumps(sources, ensure_ascii=False),
             json.dumps([a for _, a in articles], ensure_ascii=False),
             json.dumps(figures), cid))

    # ----------------------------------------------------------------- reading articles

    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self.db.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def coder_versions(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The coder version each of the given stored articles was coded with (absent: not stored)."""
        with self._lock:
            return self._column_by_id("coder_version", article_ids)

    def article_ids(self, *, not_coder_version: str | None = None) -> list[str]:
        """Ids of stored articles (those not coded with ``not_coder_version`` when given), sorted."""
        with self._lock:
            if not_coder_version is None:
                rows = self.db.all("SELECT id FROM articles ORDER BY id")
            else:
                rows = self.db.all("SELECT id FROM articles WHERE coder_version IS NULL OR "
                                   "coder_version <> ? ORDER BY id", (not_coder_version,))
        return [r[0] for r in rows]

    def _article_row(self, article_id: str) -> dict[str, Any] | None:
        cols = [c for c in ARTICLE_COLUMNS if c != "minhash"]
        row = self.db.one(f"SELECT {', '.join(cols)} FROM articles WHERE id = ?", (article_id,))
        return dict(zip(cols, row)) if row else None

    def article(self, article_id: str) -> dict | None:
        """id, url, title, published, source, language, text, removed, duplicate_of (and more)."""
        with self._lock:
            row = self._article_row(article_id)
        if row is None:
            return None
        out = {k: row[k] for k in ("id", "url", "title", "published", "source", "language",
                                   "dateline", "text")}
        out.update(removed=json.loads(row["removed"]), duplicate_of=row["duplicate_of"],
                   coder_version=row["coder_version"], n_events=row["n_events"])
        return out

    def coded_article(self, article_id: str) -> CodedArticle | None:
        """The coded article exactly as it was stored."""
        with self._lock:
            row = self._article_row(article_id)
            if row is None:
                return None
            events = self.db.all("SELECT data FROM events WHERE article_id = ? ORDER BY position",
                                 (article_id,))
            figures = self.db.all("SELECT data FROM figures WHERE article_id = ? AND event_seq IS NULL "
                                  "ORDER BY position", (article_id,))
        return CodedArticle(article=article_from_row(row),
                            events=tuple(Event.from_dict(json.loads(e[0])) for e in events),
                            figures=tuple(Figure.from_dict(json.loads(f[0])) for f in figures))

    def iter_coded(self, article_ids: Iterable[str] | None = None) -> Iterator[CodedArticle]:
        for aid in (self.article_ids() if article_ids is None else article_ids):
            coded = self.coded_article(aid)
            if coded is not None:
                yield coded

    # ----------------------------------------------------------------- events

    def _event_where(self, q: EventQuery) -> tuple[list[str], list[Any]]:
        where, params = event_filters(q, months=("e.month", "e.month"), text_sql=TEXT_FILTER)
        if not q.include_duplicates:
            where.append("e.dup = 0")
        return where, params

    def events(self, q: EventQuery = EventQuery()) -> Page:
        """A page of events (event JSON + article_id, cluster_id, article_title, published, outlet)."""
        where, params = self._event_where(q)
        value_col = "e.day" if q.sort.lstrip("-") == "date" else "e.confidence"
        order, op = sort_clause(q.sort, value_col, "e.seq")
        page_where, page_params = list(where), list(params)
        if q.cursor:
            value, seq = decode_cursor(q.cursor)
            page_where.append(f"({value_col} {op} ? OR ({value_col} = ? AND e.seq {op} ?))")
            page_params += [value, value, seq]
        limit = max(1, min(int(q.limit), 10000))
        with self._lock:
            rows = self.db.all(f"{EVENT_SELECT}{_where(page_where)} ORDER BY {order} LIMIT ?",
                               page_params + [limit + 1])
            join = " JOIN articles a ON a.id = e.article_id" if q.text else ""
            total = self.db.one(f"SELECT COUNT(*) FROM events e{join}{_where(where)}", params)[0]
        more = len(rows) > limit
        rows = rows[:limit]
        items = [_event_dict(r) for r in rows]
        cursor = None
        if more:
            last = rows[-1]
            cursor = encode_cursor(last[7] if value_col == "e.day" else last[8], last[0])
        return Page(items=items, next_cursor=cursor, total=int(total))

    def iter_events(self, q: EventQuery = EventQuery()) -> Iterator[dict]:
        """Every event matching ``q`` (all pages)."""
        from dataclasses import replace
        q = replace(q, limit=1000, cursor=None)
        while True:
            page = self.events(q)
            yield from page.items
            if not page.next_cursor:
                return
            q = replace(q, cursor=page.next_cursor)

    def event(self, event_id: str) -> dict | None:
        """One event with the articles of its cluster under "sources"."""
        with self._lock:
            row = self.db.one(f"{EVENT_SELECT} WHERE e.id = ? ORDER BY e.seq LIMIT 1", (event_id,))
            if row is None:
                return None
            out = _event_dict(row)
            if out["cluster_id"]:
                srcs = self.db.all(
                    "SELECT DISTINCT a.id, a.title, a.url, a.source, a.published FROM events e "
                    "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ?", (out["cluster_id"],))
            else:
                srcs = self.db.all("SELECT id, title, url, source, published FROM articles WHERE id = ?",
                                   (out["article_id"],))
        srcs = sorted(srcs, key=lambda r: first_copy_key(r[4], r[0]))
        out["sources"] = [{"article_id": r[0], "title": r[1], "url": r[2], "source": r[3],
                           "published": r[4]} for r in srcs]
        return out

    # ----------------------------------------------------------------- clusters

    def clusters(self, q: EventQuery = EventQuery()) -> Page:
        """A page of event clusters, sorted by first date (or by size with sort="confidence")."""
        where, params = event_filters(q, dates=("c.last_date", "c.first_date"), cols="c",
                                      text_sql=CLUSTER_TEXT_FILTER)
        value_col = "c.first_date" if q.sort.lstrip("-") == "date" else "c.n_articles"
        order, op = sort_clause(q.sort, value_col, "c.id")
        page_where, page_params = list(where), list(params)
        if q.cursor:
            value, cid = decode_cursor(q.cursor)
            page_where.append(f"({value_col} {op} ? OR ({value_col} = ? AND c.id {op} ?))")
            page_params += [value, value, cid]
        limit = max(1, min(int(q.limit), 10000))
        with self._lock:
            rows = self.db.all(f"SELECT {', '.join(CLUSTER_COLUMNS)} FROM event_clusters c"
                               f"{_where(page_where)} ORDER BY {order} LIMIT ?", page_params + [limit + 1])
            total = self.db.one(f"SELECT COUNT(*) FROM event_clusters c{_where(where)}", params)[0]
        more = len(rows) > limit
        items = [_cluster_dict(r) for r in rows[:limit]]
        cursor = None
        if more:
            last = items[-1]
            cursor = encode_cursor(last["first_date"] if value_col == "c.first_date"
                                   else last["n_articles"], last["id"])
        return Page(items=items, next_cursor=cursor, total=int(total))

    def cluster(self, cid: str) -> dict | None:
        with self._lock:
            row = self.db.one(f"SELECT {', '.join(CLUSTER_COLUMNS)} FROM event_clusters c "
                              "WHERE c.id = ?", (cid,))
            if row is None:
                return None
            out = _cluster_dict(row)
            events = self.db.all(f"{EVENT_SELECT} WHERE e.cluster_id = ? ORDER BY e.day, e.seq", (cid,))
        out["events"] = [_event_dict(r) for r in events]
        return out

    def iter_clusters(self, q: EventQuery = EventQuery()) -> Iterator[dict]:
        from dataclasses import replace
        q = replace(q, limit=1000, cursor=None)
        while True:
            page = self.clusters(q)
            yield from page.items
            if not page.next_cursor:
                return
            q = replace(q, cursor=page.next_cursor)

    # ----------------------------------------------------------------- aggregates

    def counts(self, q: EventQuery = EventQuery(), by: Sequence[str] = ("dyad", "type", "month")
               ) -> list[dict]:
        """Event counts grouped ``by`` (dyad, source, target, type, quad, week, month, year): the
        events, the happenings they report (distinct event clusters; an event in no cluster is
        one) and the sums of killed, injured and displaced, once per happening. Negated and
        hypothetical events are not counted, nor (by default) events of near-duplicate articles."""
        keys = [col for b in validate_by(by) for col in COUNT_KEYS[b]]
        keys = list(dict.fromkeys(keys))
        source, source_params = "events e", []
        if q.country and not q.text:
            # Either side as two index range scans (one per direction) instead of an OR that
            # makes the planner scan every event.
            code = q.country.upper()
            cols = ", ".join(COUNT_COLUMNS)
            source = (f"(SELECT {cols} FROM events WHERE source_code = ? UNION ALL SELECT {cols} "
                      "FROM events WHERE target_code = ? AND (source_code IS NULL OR "
                      "source_code <> ?)) e")
            source_params = [code, code, code]
            q = replace(q, country=None)
        where, params = self._event_where(q)
        where.append(f"e.status NOT IN ({', '.join('?' * len(NOT_COUNTED))})")
        params = source_params + params + list(NOT_COUNTED)
        join = " JOIN articles a ON a.id = e.article_id" if q.text else ""
        select = "".join(f"{col} AS {name}, " for col, name in keys)
        names = ", ".join(name for _, name in keys)
        # One row per happening (an event cluster, or an event in none) within each group, so
        # ten reports of one attack add its dead once: the largest figure any report gives.
        happening = "COALESCE(e.cluster_id, 'event:' || CAST(e.seq AS TEXT))"
        inner = (f"SELECT {select}{happening} AS happening, COUNT(*) AS n, MAX(e.killed) AS killed, "
                 f"MAX(e.injured) AS injured, MAX(e.displaced) AS displaced FROM {source}{join}"
                 f"{_where(where)} GROUP BY {', '.join([col for col, _ in keys] + [happening])}")
        sql = (f"SELECT {names + ', ' if names else ''}SUM(t.n), COUNT(*), SUM(t.killed), SUM(t.injured), "
               f"SUM(t.displaced) FROM ({inner}) t" + (f" GROUP BY {names} ORDER BY {names}" if names else ""))
        with self._lock:
            rows = self.db.all(sql, params)
        out = []
        for r in rows:
            d = {name: r[i] for i, (_, name) in enumerate(keys)}
            n = len(keys)
            d.update(events=int(r[n] or 0), happenings=int(r[n + 1] or 0), killed=int(r[n + 2] or 0),
                     injured=int(r[n + 3] or 0), displaced=int(r[n + 4] or 0))
            if d["events"]:
                out.append(d)
        return out

    def actors(self, q: EventQuery | None = None) -> list[dict]:
        """Actors by country or organisation, name and sector, with their number of events."""
        where, params = self._event_where(q or EventQuery())
        join = " JOIN articles a ON a.id = e.article_id" if q and q.text else ""
        with self._lock:
            rows = self.db.all(
                "SELECT ac.country, ac.org, ac.name, ac.sector, COUNT(DISTINCT e.seq) FROM actors ac "
                f"JOIN events e ON e.seq = ac.event_seq{join}{_where(where)} "
                "GROUP BY ac.country, ac.org, ac.name, ac.sector", params)
        out = [{"country": r[0], "org": r[1], "name": r[2], "sector": r[3], "events": int(r[4])}
               for r in rows]
        return sorted(out, key=lambda d: (-d["events"], str(d["country"] or d["org"] or ""),
                                          str(d["name"] or ""), str(d["sector"] or "")))

    def places(self, q: EventQuery | None = None) -> list[dict]:
        """Places events happened at, with coordinates and their number of events."""
        where, params = self._event_where(q or EventQuery())
        join = " JOIN articles a ON a.id = e.article_id" if q and q.text else ""
        with self._lock:
            rows = self.db.all(
                "SELECT p.name, p.admin1, p.country, MAX(p.lat), MAX(p.lon), COUNT(*) FROM places p "
                f"JOIN events e ON e.seq = p.event_seq{join}{_where(where)} "
                "GROUP BY p.name, p.admin1, p.country", params)
        out = [{"name": r[0], "admin1": r[1], "country": r[2], "lat": r[3], "lon": r[4],
                "events": int(r[5])} for r in rows]
        return sorted(out, key=lambda d: (-d["events"], d["name"] or "", d["country"] or ""))

    def stats(self) -> dict[str, int]:
        """Sizes of the store: articles, duplicates, events, clusters."""
        with self._lock:
            one = lambda sql: int(self.db.one(sql)[0] or 0)  # noqa: E731
            return {"articles": one("SELECT COUNT(*) FROM articles"),
                    "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                    "events": one("SELECT COUNT(*) FROM events"),
                    "counted_events": one("SELECT COUNT(*) FROM events WHERE dup = 0 AND status NOT IN "
                                          "('negated', 'hypothetical')"),
                    "clusters": one("SELECT COUNT(*) FROM event_clusters"),
                    "schema_version": self.schema_version}

    def check(self) -> list[str]:
        """Consistency problems of the store (empty when consistent): every article has as many
        events as it was coded with, every event's rows and cluster exist, links point at roots."""
        problems = []
        with self._lock:
            for aid, n, m in self.db.all(
                    "SELECT a.id, a.n_events, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) "
                    "FROM articles a"):
                if n != m:
                    problems.append(f"article {aid}: {m} events stored, {n} coded")
            for (seq,) in self.db.all("SELECT e.seq FROM events e WHERE NOT EXISTS "
                                      "(SELECT 1 FROM evidence v WHERE v.event_seq = e.seq)"):
                problems.append(f"event {seq}: no evidence")
            for (cid,) in self.db.all("SELECT DISTINCT e.cluster_id FROM events e WHERE e.cluster_id "
                                      "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event_clusters c "
                                      "WHERE c.id = e.cluster_id)"):
                problems.append(f"cluster {cid}: missing")
            for cid, n, m in self.db.all("SELECT c.id, c.n_events, (SELECT COUNT(*) FROM events e "
                                         "WHERE e.cluster_id = c.id) FROM event_clusters c"):
                if n != m:
                    problems.append(f"cluster {cid}: {m} events, summary says {n}")
            for aid, root in self.db.all("SELECT a.id, a.duplicate_of FROM articles a JOIN articles r "
                                         "ON r.id = a.duplicate_of WHERE r.duplicate_of IS NOT NULL"):
                problems.append(f"article {aid}: duplicate_of {root} is itself a copy")
            for (aid,) in self.db.all("SELECT a.id FROM articles a JOIN events e ON e.article_id = a.id "
                                      "WHERE (a.duplicate_of IS NULL) <> (e.dup = 0) GROUP BY a.id"):
                problems.append(f"article {aid}: events' duplicate flag out of date")
        return problems


def _span(members, day: int, place_at: int) -> tuple:
    """A cluster's first and last day and its place (name, country, lat, lon) from its member rows
    in (day, seq) order: the first member with coordinates, else the first with a place name.
    ``day`` is the day's column; the four place columns start at ``place_at``."""
    days = [m[day] for m in members if m[day]]
    place = next((m for m in members if m[place_at + 2] is not None), None) or \
        next((m for m in members if m[place_at]), None)
    return (min(days), max(days), *(place[place_at:place_at + 4] if place else (None,) * 4))


COUNT_COLUMNS = ("seq", "cluster_id", "article_id", "source_code", "target_code", "event_type", "quad", "status",
                 "dup", "day", "week", "month", "year", "place_name", "place_country", "killed",
                 "injured", "displaced")
CLUSTER_COLUMNS = ("c.id", "c.event_type", "c.source_code", "c.target_code", "c.either_way",
                   "c.first_date", "c.last_date", "c.place_name", "c.place_country", "c.lat", "c.lon",
                   "c.first_report", "c.first_article_id", "c.n_events", "c.n_articles",
                   "c.n_sources", "c.sources", "c.articles", "c.figures")


def _cluster_dict(row: tuple) -> dict:
    d = dict(zip((c[2:] for c in CLUSTER_COLUMNS), row))
    d["source_country"] = d.pop("source_code") or None
    d["target_country"] = d.pop("target_code") or None
    d["symmetric"] = bool(d.pop("either_way"))
    for k in ("sources", "articles", "figures"):
        d[k] = json.loads(d[k])
    return d


def _event_dict(row: tuple) -> dict:
    d = json.loads(row[1])
    d.update(article_id=row[2], cluster_id=row[3], article_title=row[4], published=row[5],
             outlet=row[6])
    return d


CHILD_INSERTS = {
    "actors": "INSERT INTO actors (event_seq, side, text, name, country, org, sector, role) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "places": "INSERT INTO places (event_seq, name, admin1, country, lat, lon, place_precision, "
              "derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "evidence": "INSERT INTO evidence (event_seq, position, sentence_index, start_offset, end_offset, "
                "text) VALUES (?, ?, ?, ?, ?, ?)",
    "figures": f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) VALUES "
               f"({', '.join('?' * len(FIGURE_COLUMNS))})",
}


class _BatchWrites:
    """What one ``Store.add`` call keeps to write at its end, one statement per table: the LSH
    bands of its articles (looked up here while they are not written) and the rows of its events'
    actors, places, evidence and figures (nothing reads them before the batch's end)."""

    def __init__(self) -> None:
        self.bands: dict[str, list[tuple[int, int]]] = {}
        self.buckets: dict[tuple[int, int], list[str]] = {}
        self.rows: dict[str, list[tuple]] = {table: [] for table in CHILD_INSERTS}
        # computed ahead for the batch (Store._prefetch_bands): new articles' signatures and LSH
        # keys, and the stored rows of those keys' buckets (bucket -> (band, article id))
        self.signatures: dict[str, tuple[bytes | None, list[tuple[int, int]]]] = {}
        self.stored_buckets: dict[int, list[tuple[int, str]]] | None = None

    def signature(self, article_id: str) -> bytes | None:
        return self.signatures[article_id][0]

    def keys(self, article_id: str, sig: bytes) -> list[tuple[int, int]] | None:
        """The LSH keys computed ahead for the article, when ``sig`` is the signature they are of."""
        ahead = self.signatures.get(article_id)
        return ahead[1] if ahead is not None and ahead[0] == sig else None

    def add(self, article_id: str, keys: list[tuple[int, int]]) -> None:
        self.bands[article_id] = keys
        for key in keys:
            self.buckets.setdefault(key, []).append(article_id)

    def candidates(self, keys: list[tuple[int, int]]) -> set[str]:
        return {aid for key in keys for aid in self.buckets.get(key, ())}

    def clear(self) -> None:
        """After a flush: the rows are written, the bands now found in the table."""
        self.bands.clear()
        self.buckets.clear()
        for rows in self.rows.values():
            rows.clear()
        self.stored_buckets = None      # the table has changed


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_store(url_or_path: str = "warta.db", *, dedup: DedupSettings | None = None,
               clusters: ClusterSettings | None = None) -> Store:
    """Open (creating and migrating when needed) the store at a SQLite path or PostgreSQL URL."""
    return Store(connect(url_or_path), dedup=dedup, clusters=clusters)
