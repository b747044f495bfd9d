"""The date of one event, chosen from the document's date layer: the sentence's own expression
nearest the trigger, re-read for the event's status; else the day the sentence goes on telling,
the article's news day, or the publication date."""
from __future__ import annotations

import datetime as dt
import re

from warta.extract.dates.chains import chain_of, shifted_from, with_derived
from warta.extract.dates.grammar import DateData, date_data
from warta.extract.dates.mentions import clause_bounds
from warta.extract.dates.resolve import parse_iso, resolve, resolve_past, unknown
from warta.extract.dates.scan import rescan
from warta.lang import load_language
from warta.model import DateMention, Document, When


def event_date(doc: Document, sentence_index: int, anchor: int, status: str) -> When:
    """The date of an event whose trigger starts at ``anchor`` in sentence ``sentence_index``.

    The sentence's own expression nearest the trigger (one in the same clause first, one that only
    bounds a span such as "sejak ..." or dates a background happening named by a noun, "sejak
    serangan 7 Oktober", unless that noun is the event's trigger, last); else the previous
    sentence's date when this sentence goes on telling the same happening; else the article's news
    day (``_news_day``); else the publication date. An event told as the background of its clause
    ("naik pada Kamis (28/5) setelah serangan AS") takes only a date after its trigger in its own
    clause ("setelah serangan 7 Oktober"), not the clause's.
    """
    lang = load_language(doc.article.language or "id")
    data = date_data(lang)
    pub = parse_iso(doc.article.published)
    own = [m for m in doc.dates if m.sentence_index == sentence_index and not _names_other(doc, m, data, anchor)]
    if own and _told_as_background(doc, sentence_index, anchor, data):
        own = _in_own_phrase(doc, own, sentence_index, anchor)
    if own:
        best = _pick(doc, own, sentence_index, anchor, data)
        return _adjust(best, anchor, status, data, pub)
    broken = _broken_sentence_date(doc, sentence_index, status, data, pub)
    if broken is not None:
        return broken
    if status not in ("planned", "intend"):
        previous = _continued_from(doc, sentence_index, data, pub)
        if previous is not None:
            return previous
        news_day = _news_day(doc, data, pub)
        if news_day is not None:
            return news_day
    if pub is None:
        return unknown("published")
    return When(pub.isoformat(), "day", "published")


def _pick(doc: Document, own: list[DateMention], si: int, anchor: int, data: DateData) -> DateMention:
    text = doc.text
    sentence = doc.sentences[si] if si < len(doc.sentences) else None
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
    a_left, a_right = clause_bounds(text, lo, hi, anchor, anchor)

    def rank(m: DateMention):
        weak = _is_weak(doc, m, data) or _dates_background(doc, m, data, anchor)
        undated = m.when.value is None
        same_clause = a_left <= m.span.start and m.span.end <= a_right
        distance = min(abs(m.span.start - anchor), abs(m.span.end - anchor))
        return (weak, undated, not same_clause, distance)
    return min(own, key=rank)


def _adjust(m: DateMention, anchor: int, status: str, data: DateData, pub: dt.date | None) -> When:
    """Re-read the chosen expression for its event: the clause a chain names, a planned weekday,
    or a day or month without a year that came out well after publication for a happening
    reported as done ("serangan 7 Oktober" read in May is last October's, not the coming one)."""
    found = rescan(m, data)
    if found is None:
        return m.when
    chain = chain_of(found, data)
    if chain and chain[2] == "clause" and anchor >= m.span.end and m.when.precision == "day":
        unit, n, _ = chain
        return shifted_from(m.when, unit, -n, pub)       # the happening "setelah" names: a day earlier
    if status in ("planned", "intend") and m.tense is None and \
            found.kind in ("weekday", "paren", "textual", "month"):
        when = resolve(found, data, pub, "future")
        return when or m.when
    if status in ("asserted", "claimed") and m.tense != "future" and _after(m.when, pub):
        when = resolve_past(found, data, pub)
        return when or m.when
    return m.when


FUTURE_GRACE_DAYS = 31   # a day this close after publication may be a scheduled happening told without "akan"


def _after(when: When, pub: dt.date | None) -> bool:
    """A date resolved against publication that lies well after it (a month: after its month)."""
    if pub is None or when.derived != "relative" or not when.value:
        return False
    day = parse_iso(when.value)
    if day is not None:
        return (day - pub).days > FUTURE_GRACE_DAYS
    return when.value > pub.isoformat()[:len(when.value)]


NEWS_DAY_WINDOW = 3    # days before publication within which the previous sentence's day is "the news day"


def _broken_sentence_date(doc: Document, si: int, status: str, data: DateData,
                          pub: dt.date | None) -> When | None:
    """A sentence cut by a line break (no final stop) goes on in the next one: take its date."""
    if si + 1 >= len(doc.sentences):
        return None
    if re.search(r"[.!?\"”’)]\s*$", doc.sentences[si].text):
        return None
    nxt = [m for m in doc.dates if m.sentence_index == si + 1]
    if not nxt:
        return None
    return _adjust(nxt[0], doc.sentences[si + 1].start, status, data, pub)


MAX_CONTINUATION = 3   # sentences a chain of continuations ("Serangan itu ...", "Merespons serangan itu ...") reaches back


def _continued_from(doc: Document, si: int, data: DateData, pub: dt.date | None, depth: int = 0) -> When | None:
    """The previous sentence's day, when this one goes on telling its happening: it opens as a
    continuation ("Dalam pertemuan itu", a quotation), or that day is the news day itself (within a
    few days before publication) and the previous sentence names no other day. A sentence pointing
    back ("Merespons serangan itu") to one that names no date and points back itself ("Serangan
    itu ...") reaches further back."""
    if si <= 0 or si >= len(doc.sentences):
        return None
    prev = {m.when for m in doc.dates if m.sentence_index == si - 1 and m.when.value
            and m.when.precision == "day" and not _is_weak(doc, m, data)
            and not _dates_background(doc, m, data, None)}
    continues = _opens_as_continuation(doc.sentences[si].text, data)
    if not prev and depth < MAX_CONTINUATION and not any(m.sentence_index == si - 1 for m in doc.dates) \
            and _opens_as_continuation(doc.sentences[si].text, data, quotes=False) \
            and _opens_as_continuation(doc.sentences[si - 1].text, data, quotes=False):
        return _continued_from(doc, si - 1, data, pub, depth + 1)
    if len(prev) != 1:
        return None
    when = next(iter(prev))
    if continues:
        return when
    day = parse_iso(when.value)
    if pub is not None and day is not None and 0 <= (pub - day).days <= NEWS_DAY_WINDOW:
        return when
    return None


CONTINUATION_WORDS = 4   # opening words among which a continuation word ("itu", "yang sama") is looked for


def _opens_as_continuation(sentence: str, data: DateData, quotes: bool = True) -> bool:
    """Whether a sentence opens by pointing back ("Serangan itu ...", "Dalam pertemuan tersebut"),
    or, with ``quotes``, as a quotation (without, a quotation never counts: what a speaker says,
    "Kami siap membalas", does not go on telling a happening)."""
    opening = sentence.lstrip()
    words = [w.lower() for w in re.findall(r"\w+", opening)[:CONTINUATION_WORDS]]
    quoted = opening[:1] in "\"“'‘"
    if quoted:
        return quotes
    pairs = (" ".join(words[i:i + 2]) for i in range(len(words) - 1))
    return any(w in data.continuation for w in words) or any(p in data.continuation for p in pairs)


LEAD_SENTENCES = 2     # the article's opening sentences, whose day name ("pada Sabtu") is the news day
LEAD_KINDS = ("weekday", "relative")


def _news_day(doc: Document, data: DateData, pub: dt.date | None) -> When | None:
    """The day the article reports on: its first news-style date ("Jumat (7/4)", "(27/5/2025)"),
    or a day name or "kemarin" in its lead ("menyerang ... pada Sabtu") that comes before it, when
    that lies a few days before publication (a story dated the evening before it went out, a happening of the day
    before). An event with no date of its own happened on that day rather than on the publication
    day; it is marked ``derived: "published"`` like the publication date: the article's date, not
    one stated for the event."""
    if pub is None:
        return None
    for m in doc.dates:
        if m.when.precision != "day" or not m.when.value or _is_weak(doc, m, data):
            continue
        found = rescan(m, data)
        if found is None:
            continue
        day = parse_iso(m.when.value)
        recent = day is not None and 0 < (pub - day).days <= NEWS_DAY_WINDOW
        if found.kind == "paren":
            return with_derived(m.when, "published") if recent else None
        if recent and found.kind in LEAD_KINDS and m.sentence_index < LEAD_SENTENCES:
            return with_derived(m.when, "published")
    return None


def _is_weak(doc: Document, m: DateMention, data: DateData) -> bool:
    before = doc.text[max(0, m.span.start - 12):m.span.start].lower().split()
    return bool(before) and before[-1] in data.weak


BACKGROUND_REACH = 80   # characters left of a date searched for "sejak serangan ..."


def _dates_background(doc: Document, m: DateMention, data: DateData, anchor: int | None) -> bool:
    """Whether ``m`` dates a background happening named by a noun ("sejak serangan 7 Oktober",
    "setelah perang Gaza pecah pada Oktober 2023"), not the event whose trigger starts at
    ``anchor`` (an event told by that noun itself, the trigger between the cue and the date, keeps
    it). Only text of the date's own sentence counts."""
    start = _background_start(doc, m, data)
    if start < 0:
        return False
    return anchor is None or not start <= anchor < m.span.start


def _background_start(doc: Document, m: DateMention, data: DateData) -> int:
    """Where the background cue ("sejak serangan ...") of the date ``m`` starts; -1 without one."""
    sentence = doc.sentences[m.sentence_index] if m.sentence_index < len(doc.sentences) else None
    lo = max(sentence.start if sentence else 0, m.span.start - BACKGROUND_REACH)
    left = data.background_left.search(doc.text, lo, m.span.start)
    return -1 if left is None else left.start()


def _in_own_phrase(doc: Document, own: list[DateMention], si: int, anchor: int) -> list[DateMention]:
    """The dates after the trigger in its clause, or right after the comma that closes it ("atas
    kunjungan Presiden Nauru ke Indonesia, Desember lalu"): those of the phrase it heads."""
    sentence = doc.sentences[si]
    _, right = clause_bounds(doc.text, sentence.start, sentence.end, anchor, anchor)
    return [m for m in own if anchor < m.span.start and
            (m.span.end <= right or doc.text[right:m.span.start].strip() == ",")]


NAMED_REACH = 30   # characters left of a date searched for the noun it names ("pembantaian ")


def _names_other(doc: Document, m: DateMention, data: DateData, anchor: int) -> bool:
    """Whether ``m`` names another violent happening by its date ("arsitek pembantaian 7 Oktober",
    "akibat serangan 14 Juli"): a noun of that kind right before it that is not the event's trigger.
    One after a background cue ("sejak serangan 20 Desember") bounds the event's span instead and
    is only ranked last (``_dates_background``)."""
    left = data.named_left.search(doc.text, max(0, m.span.start - NAMED_REACH), m.span.start)
    if left is None or left.start() <= anchor < m.span.start:
        return False
    return _background_start(doc, m, data) < 0


TRIGGER_CUE_REACH = 20   # characters left of a trigger searched for its background cue ("setelah ")


def _told_as_background(doc: Document, si: int, anchor: int, data: DateData) -> bool:
    """Whether the event's trigger follows a background cue ("setelah serangan AS", "menyusul
    bentrokan"): the clause around it tells another, later happening, whose date is not its."""
    lo = doc.sentences[si].start if si < len(doc.sentences) else 0
    return data.background_cue.search(doc.text, max(lo, anchor - TRIGGER_CUE_REACH), anchor) is not None
