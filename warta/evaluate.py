"""Score coded articles against gold annotations, exactly as ``shared/gold/score.py`` does.

``score(coded, golds)`` takes coded articles (the interchange dicts, keyed by article id) and gold
annotations (one dict per article) and returns a typed ``Score``; ``score_files`` reads them from a
coded JSONL file and a folder of ``<article id>.json`` files. The matching rules are those of
``shared/gold/README.md``: type (or an ``alt_types`` entry) and actor countries (null fits anything,
a list fits any member, CONSULT/AGREE/COOPERATE and ``symmetric`` events either way); optional gold
events are credited but not required; a second coding of a matched happening is a duplicate, not
an error; negated and hypothetical events are ignored.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from warta.errors import FormatError, InputError

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
IGNORED_STATUS = frozenset({"negated", "hypothetical"})
COUNTERS = ("ev_gold", "ev_found", "ev_tp", "ev_fp", "ev_dup", "neg_hit", "date_total", "date_ok",
            "place_total", "place_ok", "fig_gold", "fig_tp", "fig_sys", "clean_total", "clean_ok",
            "neg_fig", "schema_errors")


@dataclass(frozen=True)
class Score:
    """The summary ``score.py`` prints, plus its notes (every miss and extra)."""
    articles: int
    articles_coded: int
    event_precision: float
    event_recall: float
    event_f1: float
    event_duplicates: int
    events_from_unrelated_text: int
    figures_from_unrelated_text: int
    schema_errors: int
    date_accuracy: float
    place_accuracy: float
    figure_precision: float
    figure_recall: float
    figure_f1: float
    cleaning_accuracy: float
    notes: tuple[str, ...] = field(default=(), compare=False)

    def summary(self) -> dict[str, Any]:
        """The result dict of ``score.py --json`` (same keys, same order)."""
        d = asdict(self)
        d.pop("notes")
        return d

    def summary_line(self) -> str:
        return (f"event_f1={self.event_f1} figure_f1={self.figure_f1} date={self.date_accuracy} "
                f"place={self.place_accuracy} cleaning={self.cleaning_accuracy}")

    def table(self) -> str:
        lines = [f"{k:28} {v}" for k, v in self.summary().items()]
        return "\n".join(lines + [self.summary_line()])


def _as_set(value) -> set | None:
    if value is None:
        return None
    return {value} if isinstance(value, str) else set(value)


def _actor_country(actor) -> str | None:
    return actor.get("country") if isinstance(actor, dict) else None


def actors_match(gold: dict, event: dict) -> bool:
    src, tgt = _actor_country(event.get("source")), _actor_country(event.get("target"))
    g_src, g_tgt = _as_set(gold["source"]), _as_set(gold["target"])

    def fits(g, s):
        return g is None or s in g

    if fits(g_src, src) and fits(g_tgt, tgt):
        return True
    symmetric = gold.get("symmetric") or gold["type"] in SYMMETRIC_TYPES
    return bool(symmetric) and fits(g_src, tgt) and fits(g_tgt, src)


def type_match(gold: dict, event: dict) -> bool:
    return event.get("event_type") in {gold["type"], *gold.get("alt_types", [])}


def _event_key(e: dict) -> tuple:
    date = (e.get("date") or {}).get("value") if isinstance(e.get("date"), dict) else None
    pair = tuple(sorted(str(_actor_country(e.get(k))) for k in ("source", "target")))
    return (e.get("event_type"), pair, date)


def _evidence_of(e: dict) -> dict:
    ev = e.get("evidence")
    if isinstance(ev, list):
        ev = ev[0] if ev else None
    return ev if isinstance(ev, dict) else {}


def _figure_numbers(f: dict) -> set:
    return {f.get(k) for k in ("low", "best", "high") if isinstance(f.get(k), (int, float))}


def _score_cleaning(gold: dict, text: str, out: dict, notes: list[str]) -> None:
    for s in gold.get("keep_lines", []):
        out["clean_total"] += 1
        out["clean_ok"] += s in text
        if s not in text:
            notes.append(f"{gold['id']}: cleaning removed kept text: {s!r}")
    for s in gold.get("drop_lines", []):
        out["clean_total"] += 1
        out["clean_ok"] += s not in text
        if s in text:
            notes.append(f"{gold['id']}: cleaning kept boilerplate: {s!r}")


def _score_schema(gold: dict, events: list[dict], text: str, out: dict, notes: list[str]) -> None:
    for e in events:
        ev = _evidence_of(e)
        if not ev.get("text"):
            out["schema_errors"] += 1
            notes.append(f"{gold['id']}: event without evidence text: {e.get('event_type')}")
        elif isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int) and \
                text[ev["start"]:ev["end"]] != ev["text"]:
            out["schema_errors"] += 1
            notes.append(f"{gold['id']}: evidence offsets do not match its text: {ev['text'][:50]!r}")


def _score_match(gold: dict, g: dict, e: dict, out: dict, notes: list[str]) -> None:
    if g.get("date") and g.get("status", "asserted") == "asserted":
        out["date_total"] += 1
        value = str(((e.get("date") or {}) if isinstance(e.get("date"), dict) else {}).get("value") or "")
        ok = value == g["date"] or (len(g["date"]) < 10 and value.startswith(g["date"]))
        out["date_ok"] += ok
        if not ok:
            notes.append(f"{gold['id']}: date {value!r} != {g['date']!r} for {g['type']}")
    if g.get("place_country"):
        out["place_total"] += 1
        place = e.get("place") if isinstance(e.get("place"), dict) else {}
        ok = place.get("country") == g["place_country"]
        out["place_ok"] += ok
        if not ok:
            notes.append(f"{gold['id']}: place {place.get('country')!r} != {g['place_country']!r} for {g['type']}")


def _score_events(gold: dict, events: list[dict], out: dict, notes: list[str]) -> None:
    used: set[int] = set()
    matched_keys = set()
    order = sorted(range(len(gold["events"])), key=lambda i: gold["events"][i].get("optional", False))
    for gi in order:
        g = gold["events"][gi]
        hit = next((si for si, e in enumerate(events)
                    if si not in used and type_match(g, e) and actors_match(g, e)), None)
        if not g.get("optional"):
            out["ev_gold"] += 1
        if hit is None:
            if not g.get("optional"):
                notes.append(f"{gold['id']}: missed {g['type']} {g['source']}->{g['target']}: {g['cue'][:70]!r}")
            continue
        used.add(hit)
        matched_keys.add(_event_key(events[hit]))
        if not g.get("optional"):
            out["ev_found"] += 1
        out["ev_tp"] += 1
        _score_match(gold, g, events[hit], out, notes)
    for si, e in enumerate(events):
        if si in used:
            continue
        if _event_key(e) in matched_keys:
            out["ev_dup"] += 1
            continue
        out["ev_fp"] += 1
        ev_text = (_evidence_of(e).get("text") or "")[:70]
        notes.append(f"{gold['id']}: extra {e.get('event_type')} "
                     f"{_actor_country(e.get('source'))}->{_actor_country(e.get('target'))}: {ev_text!r}")
    for e in events:
        ev_text = _evidence_of(e).get("text") or ""
        for neg in gold.get("not_events", []):
            if neg in ev_text or (ev_text and ev_text in neg):
                out["neg_hit"] += 1
                notes.append(f"{gold['id']}: event coded from unrelated text {neg[:50]!r}")


def _score_figures(gold: dict, coded: dict, events: list[dict], out: dict, notes: list[str]) -> None:
    figures, seen = [], set()
    for f in list(coded.get("figures", [])) + [f for e in events for f in e.get("figures", []) or []]:
        if not isinstance(f, dict):
            continue
        key = (f.get("kind"), f.get("low"), f.get("best"), f.get("high"), f.get("country"))
        if key not in seen:
            seen.add(key)
            figures.append(f)
    used_f: set[int] = set()
    for g in gold.get("figures", []):
        out["fig_gold"] += 1
        number = next(g[k] for k in ("best", "low", "high") if g.get(k) is not None)
        hit = None
        for fi, f in enumerate(figures):
            if fi in used_f or f.get("kind") != g["kind"] or number not in _figure_numbers(f):
                continue
            if g.get("country") and f.get("country") != g["country"]:
                continue
            hit = fi
            break
        if hit is None:
            notes.append(f"{gold['id']}: missed figure {g['kind']}={number} {g.get('country') or ''}: {g['cue']!r}")
        else:
            used_f.add(hit)
            out["fig_tp"] += 1
    out["fig_sys"] += len(figures)
    for f in figures:
        ftext = f.get("text") or ""
        for neg in gold.get("not_figures", []):
            if ftext and (ftext in neg or neg in ftext):
                out["neg_fig"] += 1
                notes.append(f"{gold['id']}: figure from unrelated text {neg[:50]!r}")
    for fi, f in enumerate(figures):
        if fi not in used_f:
            notes.append(f"{gold['id']}: extra figure {f.get('kind')}={sorted(_figure_numbers(f))} "
                         f"{f.get('country') or ''}: {(f.get('text') or '')[:60]!r}")


def score_article(gold: dict, coded: dict | None, out: dict, notes: list[str]) -> None:
    """Add one article's counts to ``out`` and its misses and extras to ``notes``."""
    coded = coded or {}
    text = coded.get("article", {}).get("text") or ""
    _score_cleaning(gold, text, out, notes)
    events = [e for e in coded.get("events", [])
              if isinstance(e, dict) and e.get("status") not in IGNORED_STATUS]
    _score_schema(gold, events, text, out, notes)
    _score_events(gold, events, out, notes)
    _score_figures(gold, coded, events, out, notes)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(coded: dict[str, dict], golds: Iterable[dict]) -> Score:
    """Score coded articles (by article id) against gold annotations, in the order given."""
    out = {k: 0 for k in COUNTERS}
    notes: list[str] = []
    golds = list(golds)
    for gold in golds:
        score_article(gold, coded.get(gold["id"]), out, notes)
    ev_p = _ratio(out["ev_tp"], out["ev_tp"] + out["ev_fp"])
    ev_r = _ratio(out["ev_found"], out["ev_gold"])
    fig_p = _ratio(out["fig_tp"], out["fig_sys"])
    fig_r = _ratio(out["fig_tp"], out["fig_gold"])
    return Score(
        articles=len(golds), articles_coded=sum(1 for g in golds if g["id"] in coded),
        event_precision=round(ev_p, 3), event_recall=round(ev_r, 3), event_f1=round(_f1(ev_p, ev_r), 3),
        event_duplicates=out["ev_dup"], events_from_unrelated_text=out["neg_hit"],
        figures_from_unrelated_text=out["neg_fig"], schema_errors=out["schema_errors"],
        date_accuracy=round(_ratio(out["date_ok"], out["date_total"]), 3),
        place_accuracy=round(_ratio(out["place_ok"], out["place_total"]), 3),
        figure_precision=round(fig_p, 3), figure_recall=round(fig_r, 3), figure_f1=round(_f1(fig_p, fig_r), 3),
        cleaning_accuracy=round(_ratio(out["clean_ok"], out["clean_total"]), 3),
        notes=tuple(notes))


def read_coded(path: Path) -> tuple[dict[str, dict], list[str]]:
    """Coded articles of a JSONL file by id, and one problem line per unreadable record."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read the coded file ({err})") from err
    coded: dict[str, dict] = {}
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            coded[record["article"]["id"]] = record
        except (ValueError, KeyError, TypeError) as err:
            problems.append(f"line {n}: not a coded article ({err})")
    return coded, problems


def read_golds(gold_dir: Path) -> list[dict]:
    """Gold annotations of a folder, sorted by file name (as ``score.py`` reads them)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "not a folder of gold <article id>.json files")
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            golds.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            raise FormatError(str(path), f"not a gold annotation ({err})") from err
    return golds


def score_files(coded_path: Path, gold_dir: Path) -> tuple[Score, list[str]]:
    """Score a coded JSONL file against a gold folder; also the unreadable lines of the coded file."""
    coded, problems = read_coded(coded_path)
    return score(coded, read_golds(gold_dir)), problems
