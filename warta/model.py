"""Typed records that travel between pipeline stages, and their JSON form.

The JSON form is the coded-article interchange of ``shared/gold/README.md``; ``to_dict`` writes it
and ``from_dict`` reads it back. Records are frozen: a stage returns new records, never mutates.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("asserted", "planned", "intend", "negated", "hypothetical", "claimed")
FIGURE_KINDS = ("killed", "injured", "displaced", "missing", "arrested")
FIGURE_GROUPS = ("people", "soldiers", "civilians", "police", "militants", "children", "women",
                 "journalists", "refugees", "others")
PRECISIONS = ("day", "week", "month", "year", "unknown")


@dataclass(frozen=True)
class Span:
    """A stretch of the cleaned article text: ``text == article.text[start:end]``."""
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is raw until cleaned, then the cleaned text all offsets refer to."""
    id: str
    text: str
    title: str | None = None
    published: str | None = None          # YYYY-MM-DD
    url: str | None = None
    source: str | None = None             # outlet name or site
    language: str | None = None           # ISO 639-1
    removed: tuple[str, ...] = ()         # lines removed by cleaning
    dateline: str | None = None           # "PHNOM PENH" in "PHNOM PENH –"
    published_derived: str | None = None  # "input" or "text" (found in the text)
    origin: str | None = None             # file the article was read from

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "title": self.title, "published": self.published,
                "source": self.source, "language": self.language, "text": self.text,
                "removed": list(self.removed), "dateline": self.dateline}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(id=str(d["id"]), text=d.get("text") or "", title=d.get("title"),
                   published=d.get("published"), url=d.get("url"), source=d.get("source"),
                   language=d.get("language"), removed=tuple(d.get("removed") or ()),
                   dateline=d.get("dateline"))


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text == article.text[start:end]`` (slots: a sentence read token by token
    makes a few dozen of them)."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == article.text[start:end]``. Its tokens are made on first use (most
    sentences are read by automata and regular expressions, never token by token)."""
    index: int
    start: int
    end: int
    text: str

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        from warta.segment import tokens_of
        return tokens_of(self.text, 0, len(self.text), base=self.start)


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted upon: surface text and its resolution."""
    text: str
    name: str | None = None
    country: str | None = None   # ISO 3166-1 alpha-3
    sector: str | None = None    # PLOVER sector code (GOV, MIL, COP, CVL, ...)
    org: str | None = None       # organisation code when it has no country (UNO, IGO, EUR, NGO, ...)
    role: str | None = None      # role title in English when stated ("foreign minister")

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector,
                "org": self.org, "role": self.role}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(text=d.get("text") or "", name=d.get("name"), country=d.get("country"),
                   sector=d.get("sector"), org=d.get("org"), role=d.get("role"))


@dataclass(frozen=True)
class ActorMention:
    """An actor found in the text. ``kind``: country, demonym, office, org, group, person, pronoun."""
    span: Span
    sentence_index: int
    actor: Actor
    kind: str
    head: Span | None = None     # the core word(s) when the mention is a longer phrase


@dataclass(frozen=True)
class When:
    """A resolved date. ``value`` is YYYY-MM-DD, YYYY-MM or YYYY by precision (week: the Monday)."""
    value: str | None
    precision: str = "unknown"   # day, week, month, year, unknown
    derived: str = "explicit"    # explicit, relative, published
    end: str | None = None       # end of a range

    def to_dict(self) -> dict[str, Any]:
        d = {"value": self.value, "precision": self.precision, "derived": self.derived}
        if self.end:
            d["end"] = self.end
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> When:
        return cls(value=d.get("value"), precision=d.get("precision") or "unknown",
                   derived=d.get("derived") or "explicit", end=d.get("end"))


@dataclass(frozen=True)
class DateMention:
    span: Span
    sentence_index: int
    when: When
    tense: str | None = None     # past, future, or None when the text does not say


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str | None = None
    country: str | None = None   # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    precision: str = "point"     # point, admin1, country
    derived: str | None = None   # None when named in the sentence; "dateline" or "article" for fallbacks

    def to_dict(self) -> dict[str, Any]:
        d = {"name": self.name, "admin1": self.admin1, "country": self.country, "lat": self.lat,
             "lon": self.lon, "precision": self.precision}
        if self.derived:
            d["derived"] = self.derived
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(name=d.get("name") or "", admin1=d.get("admin1"), country=d.get("country"),
                   lat=d.get("lat"), lon=d.get("lon"), precision=d.get("precision") or "point",
                   derived=d.get("derived"))


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    sentence_index: int
    place: Place


@dataclass(frozen=True)
class Figure:
    """A quantity of people: killed, injured, displaced, missing or arrested."""
    kind: str
    low: int | None = None
    best: int | None = None
    high: int | None = None
    group: str = "people"
    country: str | None = None
    claimed_by: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0
    status: str | None = None    # "claimed" for a hedged figure
    sentence_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "low": self.low, "best": self.best, "high": self.high,
             "group": self.group, "country": self.country, "claimed_by": self.claimed_by,
             "text": self.text, "start": self.start, "end": self.end}
        if self.status:
            d["status"] = self.status
        if self.sentence_index is not None:
            d["sentence_index"] = self.sentence_index
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(kind=d["kind"], low=d.get("low"), best=d.get("best"), high=d.get("high"),
                   group=d.get("group") or "people", country=d.get("country"),
                   claimed_by=d.get("claimed_by"), text=d.get("text") or "",
                   start=int(d.get("start") or 0), end=int(d.get("end") or 0), status=d.get("status"),
                   sentence_index=d.get("sentence_index"))


@dataclass(frozen=True)
class Evidence:
    """Where an event is stated: the sentence, and the spans of each filled field."""
    sentence_index: int
    start: int
    end: int
    text: str
    fields: tuple[tuple[str, Span], ...] = ()   # ("trigger", span), ("source", span), ...
    more: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"sentence_index": self.sentence_index, "start": self.start,
                             "end": self.end, "text": self.text}
        if self.fields:
            d["fields"] = {name: span.to_dict() for name, span in self.fields}
        if self.more:
            d["more"] = [m.to_dict() for m in self.more]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(sentence_index=int(d.get("sentence_index") or 0), start=int(d["start"]),
                   end=int(d["end"]), text=d["text"],
                   fields=tuple((k, Span.from_dict(v)) for k, v in (d.get("fields") or {}).items()),
                   more=tuple(cls.from_dict(m) for m in d.get("more") or ()))


@dataclass(frozen=True)
class Event:
    id: str
    event_type: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo_root: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: When | None = None
    place: Place | None = None
    figures: tuple[Figure, ...] = ()
    status: str = "asserted"
    attribution: str | None = None
    confidence: float = 0.5
    coder_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "event_type": self.event_type, "mode": self.mode,
            "context": list(self.context), "cameo_root": self.cameo_root,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "figures": [f.to_dict() for f in self.figures],
            "status": self.status, "attribution": self.attribution,
            "evidence": self.evidence.to_dict(), "confidence": round(self.confidence, 3),
            "coder_version": self.coder_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def opt(key, kind):
            return kind.from_dict(d[key]) if d.get(key) else None
        return cls(id=d["id"], event_type=d["event_type"], evidence=Evidence.from_dict(d["evidence"]),
                   mode=d.get("mode"), context=tuple(d.get("context") or ()),
                   cameo_root=d.get("cameo_root"), source=opt("source", Actor),
                   target=opt("target", Actor), date=opt("date", When), place=opt("place", Place),
                   figures=tuple(Figure.from_dict(f) for f in d.get("figures") or ()),
                   status=d.get("status") or "asserted", attribution=d.get("attribution"),
                   confidence=float(d.get("confidence", 0.5)), coder_version=d.get("coder_version"))


LAYERS = ("actors", "places", "dates", "figures")
Extractor = Callable[["Document"], tuple]


@dataclass(frozen=True, eq=False)
class Document:
    """The object that passes through the pipeline's components, each adding its layer.

    A layer (``LAYERS``: actors, places, dates, figures) is given either as its tuple of items or
    as an extractor, a function of the document that computes the tuple. An extractor runs on the
    first read of its layer, and the document keeps the result (``functools.cached_property``
    writes the frozen instance's ``__dict__``), so a layer nobody reads is never computed and one
    read by several components is computed once. An extractor may read other layers of the same
    document (places read actors). Most articles hold no event and no figure, so the pipeline
    gives every layer as an extractor (``warta.pipeline.build_document``).

    ``with_layer`` returns a new document with the same extractors and no computed results: a
    layer still given as an extractor is computed again, from the new document, when read there.
    A document is compared by identity (its extractors are functions).
    """
    article: Article
    sentences: tuple[Sentence, ...] = ()
    layers: Mapping[str, tuple | Extractor] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        unknown = set(self.layers) - set(LAYERS)
        if unknown:
            raise TypeError(f"Document has no layer {', '.join(sorted(unknown))}; layers: {', '.join(LAYERS)}")

    @cached_property
    def actors(self) -> tuple[ActorMention, ...]:
        return self._layer("actors")

    @cached_property
    def places(self) -> tuple[PlaceMention, ...]:
        return self._layer("places")

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        return self._layer("dates")

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        return self._layer("figures")

    def _layer(self, name: str) -> tuple:
        given = self.layers.get(name, ())
        return given(self) if callable(given) else given

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def in_sentence(self, layer: str, index: int) -> tuple:
        """The items of one layer (actors, places, dates, figures) that lie in sentence ``index``."""
        return tuple(x for x in getattr(self, layer) if x.sentence_index == index)

    def with_layer(self, **layers: tuple | Extractor) -> Document:
        """A new document with ``layers`` (tuples or extractors) in place of the ones it had."""
        return replace(self, layers={**self.layers, **layers})


def by_sentence(mentions) -> dict[int, list]:
    """Mentions of any layer grouped by sentence index, in their order (one pass over the layer,
    where ``Document.in_sentence`` scans it once per sentence)."""
    out: dict[int, list] = {}
    for m in mentions:
        out.setdefault(m.sentence_index, []).append(m)
    return out


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "events": [e.to_dict() for e in self.events],
                "figures": [f.to_dict() for f in self.figures]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CodedArticle:
        return cls(article=Article.from_dict(d["article"]),
                   events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
                   figures=tuple(Figure.from_dict(f) for f in d.get("figures") or ()))
