"""Exports of stored events: CSV, JSONL, Parquet (one row per event or per cluster) and a
PLOVER-style JSON with the POLECAT field names. Every field is described in docs/export.md."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO

from warta.dedup import figure_totals
from warta.errors import StoreError
from warta.model import Figure
from warta.store import EventQuery, Store
from warta.store.rows import QUADS

FORMATS = ("csv", "jsonl", "parquet", "plover")
PER = ("event", "cluster")
KINDS = ("killed", "injured", "displaced", "missing", "arrested")

# Goldstein-scale values of the CAMEO roots (-10 most conflictual .. +10 most cooperative), used as
# a PLOVER event's intensity; a type without a CAMEO root takes its usual root's value.
GOLDSTEIN = MappingProxyType({
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
})
TYPE_ROOT = MappingProxyType({
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06",
    "AID": "07", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17",
    "ASSAULT": "19",
})

EVENT_FIELDS = (
    "event_id", "article_id", "cluster_id", "event_date", "date_precision", "date_derived",
    "event_type", "mode", "quad", "cameo_root", "contexts", "status", "confidence",
    "source_text", "source_name", "source_country", "source_org", "source_sector", "source_role",
    "target_text", "target_name", "target_country", "target_org", "target_sector", "target_role",
    "place_name", "place_admin1", "place_country", "lat", "lon", "place_precision",
    *KINDS, "attribution", "evidence_text", "evidence_start", "evidence_end", "sentence_index",
    "article_title", "published", "outlet", "coder_version",
)
CLUSTER_FIELDS = (
    "cluster_id", "event_type", "quad", "source_country", "target_country", "symmetric",
    "first_date", "last_date", "place_name", "place_country", "lat", "lon", "first_report",
    "first_article_id", "n_events", "n_articles", "n_sources", "sources", "articles",
    *(f"{k}_{end}" for k in KINDS for end in ("low", "high")),
)
FLOAT_FIELDS = {"confidence", "lat", "lon"}
INT_FIELDS = {"evidence_start", "evidence_end", "sentence_index", "n_events", "n_articles",
              "n_sources", *KINDS, *(f"{k}_{e}" for k in KINDS for e in ("low", "high"))}
BOOL_FIELDS = {"symmetric"}


def event_totals(event: dict) -> dict[str, int]:
    return figure_totals(Figure.from_dict(f) for f in event.get("figures") or ())


def flat_event(e: dict) -> dict[str, Any]:
    """One event dict (``Store.events`` item) as a flat row of ``EVENT_FIELDS``."""
    src, tgt = e.get("source") or {}, e.get("target") or {}
    date, place, ev = e.get("date") or {}, e.get("place") or {}, e.get("evidence") or {}
    totals = event_totals(e)
    row = {
        "event_id": e["id"], "article_id": e.get("article_id"), "cluster_id": e.get("cluster_id"),
        "event_date": date.get("value"), "date_precision": date.get("precision"),
        "date_derived": date.get("derived"), "event_type": e["event_type"], "mode": e.get("mode"),
        "quad": QUADS.get(e["event_type"]), "cameo_root": e.get("cameo_root"),
        "contexts": ";".join(e.get("context") or ()), "status": e.get("status"),
        "confidence": e.get("confidence"),
        "place_name": place.get("name"), "place_admin1": place.get("admin1"),
        "place_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "place_precision": place.get("precision"), "attribution": e.get("attribution"),
        "evidence_text": ev.get("text"), "evidence_start": ev.get("start"),
        "evidence_end": ev.get("end"), "sentence_index": ev.get("sentence_index"),
        "article_title": e.get("article_title"), "published": e.get("published"),
        "outlet": e.get("outlet"), "coder_version": e.get("coder_version"),
    }
    for side, actor in (("source", src), ("target", tgt)):
        for key in ("text", "name", "country", "org", "sector", "role"):
            row[f"{side}_{key}"] = actor.get(key)
    for kind in KINDS:
        row[kind] = totals.get(kind, 0)
    return row


def flat_cluster(c: dict) -> dict[str, Any]:
    """One cluster dict (``Store.clusters`` item) as a flat row of ``CLUSTER_FIELDS``."""
    row = {k: c.get(k) for k in CLUSTER_FIELDS}
    row["cluster_id"] = c["id"]
    row["quad"] = QUADS.get(c["event_type"])
    row["sources"] = ";".join(c.get("sources") or ())
    row["articles"] = ";".join(c.get("articles") or ())
    figures = c.get("figures") or {}
    for kind in KINDS:
        f = figures.get(kind) or {}
        row[f"{kind}_low"], row[f"{kind}_high"] = f.get("low"), f.get("high")
    return row


def intensity(e: dict) -> float | None:
    root = e.get("cameo_root") or TYPE_ROOT.get(e.get("event_type") or "")
    return GOLDSTEIN.get(root) if root else None


def plover_record(e: dict, articles: list[str] | None = None, outlets: list[str] | None = None
                  ) -> dict[str, Any]:
    """One event in PLOVER/POLECAT form. ``articles``/``outlets``: a cluster's (else the event's)."""
    src, tgt = e.get("source") or {}, e.get("target") or {}
    date, place, ev = e.get("date") or {}, e.get("place") or {}, e.get("evidence") or {}
    totals = event_totals(e)
    return {
        "event_id": e["id"], "cluster_id": e.get("cluster_id"),
        "event_date": date.get("value") or e.get("published"),
        "event_date_precision": date.get("precision") if date.get("value") else "published",
        "story_date": e.get("published"),
        "event_type": e["event_type"], "event_mode": e.get("mode"),
        "event_text": ev.get("text"), "event_intensity": intensity(e),
        "quad_code": QUADS.get(e["event_type"]), "cameo_root": e.get("cameo_root"),
        "contexts": list(e.get("context") or ()), "event_status": e.get("status"),
        "actor_name": src.get("name") or src.get("text"), "actor_text": src.get("text"),
        "actor_country": src.get("country") or src.get("org"), "actor_sector": src.get("sector"),
        "actor_title": src.get("role"),
        "recipient_name": tgt.get("name") or tgt.get("text"), "recipient_text": tgt.get("text"),
        "recipient_country": tgt.get("country") or tgt.get("org"),
        "recipient_sector": tgt.get("sector"), "recipient_title": tgt.get("role"),
        "placename": place.get("name"), "state_province": place.get("admin1"),
        "country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "feature_type": place.get("precision"), "raw_placename": _raw_placename(e),
        "fatalities": totals.get("killed"), "injuries": totals.get("injured"),
        "displaced": totals.get("displaced"), "figures": e.get("figures") or [],
        "attribution": e.get("attribution"), "confidence": e.get("confidence"),
        "story_ids": articles or [e.get("article_id")],
        "publishers": outlets if outlets is not None else [o for o in [e.get("outlet")] if o],
        "language": "id", "coder_version": e.get("coder_version"),
        "evidence": {"sentence_index": ev.get("sentence_index"), "start": ev.get("start"),
                     "end": ev.get("end")},
    }


def _raw_placename(e: dict) -> str | None:
    fields = (e.get("evidence") or {}).get("fields") or {}
    span = fields.get("place") or fields.get("where")
    if span:
        return span.get("text")
    return (e.get("place") or {}).get("name")


def rows(store: Store, q: EventQuery, fmt: str, per: str) -> Iterator[dict[str, Any]]:
    """The records an export writes, one per event or per cluster."""
    if per not in PER:
        raise StoreError("per", f"unknown unit {per!r}; use event or cluster")
    if per == "event":
        for e in store.iter_events(q):
            yield plover_record(e) if fmt == "plover" else e if fmt == "jsonl" else flat_event(e)
        return
    for c in store.iter_clusters(q):
        if fmt == "plover":
            full = store.cluster(c["id"]) or {}
            first = (full.get("events") or [None])[0]
            if first is not None:
                rec = plover_record(first, c.get("articles"), c.get("sources"))
                rec["event_id"] = c["id"]
                rec["cluster_figures"] = c.get("figures")
                yield rec
        else:
            yield c if fmt == "jsonl" else flat_cluster(c)


def export(store: Store, out: str | Path | TextIO, *, fmt: str = "csv", per: str = "event",
           q: EventQuery = EventQuery()) -> int:
    """Write the events (or clusters) matching ``q`` to ``out``; return how many records."""
    if fmt not in FORMATS:
        raise StoreError("format", f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    records = rows(store, q, fmt, per)
    fieldnames = EVENT_FIELDS if per == "event" else CLUSTER_FIELDS
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise StoreError("output", "Parquet needs a file name")
        return write_parquet(records, Path(out), fieldnames)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return _write_text(records, fh, fmt, fieldnames)
    return _write_text(records, out, fmt, fieldnames)


def _write_text(records: Iterable[dict], fh: TextIO, fmt: str, fieldnames: tuple[str, ...]) -> int:
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=fieldnames, extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
            n += 1
    elif fmt == "jsonl":
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    else:  # plover: one JSON array, written record by record
        fh.write("[")
        for r in records:
            fh.write(("," if n else "") + "\n" + json.dumps(r, ensure_ascii=False))
            n += 1
        fh.write("\n]\n")
    return n


def _arrow_type(name: str):
    import pyarrow as pa
    if name in FLOAT_FIELDS:
        return pa.float64()
    if name in INT_FIELDS:
        return pa.int64()
    if name in BOOL_FIELDS:
        return pa.bool_()
    return pa.string()


def write_parquet(records: Iterable[dict], path: Path, fieldnames: tuple[str, ...],
                  chunk: int = 10000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, _arrow_type(f)) for f in fieldnames])
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with pq.ParquetWriter(tmp, schema) as writer:
        buf: list[dict] = []
        for r in records:
            buf.append(r)
            if len(buf) >= chunk:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n, buf = n + len(buf), []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    tmp.replace(path)
    return n


def table_text(records: list[dict], columns: tuple[str, ...], width: int = 40) -> str:
    """A plain aligned text table of ``columns`` (cells cut to ``width``)."""
    cells = [[_cell(r.get(c), width) for c in columns] for r in records]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    out = io.StringIO()
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    return out.getvalue()


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[:width - 1] + "…"
