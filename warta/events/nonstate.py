"""Violence with no state doer: an attack by an unknown or non-state perpetrator ("teroris",
"orang bersenjata", "militan" with no state named) or a terror attack told with no doer
("serangan teror", "bom bunuh diri") is an event against the country where it happened, with no
source (the annotation guidelines give such doers no country).

The rule is narrow on purpose, each limit measured on corpus articles outside the gold set:
- the doer or attack word stands before the trigger, starts it ("serangan teror"), or follows an
  agent word ("oleh kelompok bersenjata") or a predicate word ("merupakan aksi teroris"); after
  the trigger otherwise it names the victims ("penembakan enam terduga teroris", "menewaskan
  puluhan militan");
- the trigger is not a bare weapon noun ("merakit bom" is no attack);
- the sentence names where it happened, in a place that resolves to a country; a sentence that
  names no place takes the article's dateline only when it is abroad (a dateline at home,
  "Jakarta, CNN Indonesia --", names the outlet's desk, often far from the attack);
- the sentence names no state other than the one attacked (that state may be the doer; an
  organisation with no country, such as ISIS, may be named);
- the event's stated date is not older than about a month before publication (background:
  "serangan teror tahun 2016").
"""
from __future__ import annotations

from datetime import timedelta

from warta.events.lexicon import EventLexicon
from warta.events.roles import Roles, SentenceView
from warta.events.triggers import TriggerMatch
from warta.extract import dates as dates_layer
from warta.model import Actor, Document, Place, When

NONSTATE_TYPES = frozenset({"ASSAULT"})
ARREST_TYPES = frozenset({"COERCE"})
ARREST_MODES = frozenset({"arrest"})
ARRESTING_SECTORS = frozenset({"COP", "JUD", "GOV", "SPY"})   # police, prosecutors, courts, agencies
SUSPECT_REACH = 6        # "menangkap tiga orang tersangka": words from the trigger to the suspects
FACT_STATUS = frozenset({"asserted", "claimed"})
MIN_WEIGHT = 0.5         # weak nouns ("perang", "kekerasan") do not tell one attack
RECENT_DAYS = 31         # older stated dates are background (the guidelines' "about a month")
AGENT_ROLE = "agent"
PREDICATE_REACH = 2      # "merupakan sebuah aksi teroris": a determiner may stand between


def doer_cue(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """The sentence names a non-state doer or a terror attack in a doer's place for ``trig``."""
    for start in _cue_starts(words, lexicon):
        before = words[max(0, start - PREDICATE_REACH):start]
        if start <= trig.first or any(_names_doer_after(w, lexicon) for w in before):
            return True
    return False


def _names_doer_after(word: str, lexicon: EventLexicon) -> bool:
    """"oleh kelompok bersenjata", "merupakan aksi teroris": the cue after the trigger is its doer
    or what it was, not its victims."""
    return lexicon.prepositions.get(word) == AGENT_ROLE or word in lexicon.nonstate_predicates


def _cue_starts(words: tuple[str, ...], lexicon: EventLexicon) -> list[int]:
    """Token indexes where a non-state cue phrase starts."""
    out = []
    for phrase in lexicon.nonstate_cues:
        n = len(phrase)
        out.extend(i for i in range(len(words) - n + 1) if words[i:i + n] == phrase)
    return out


def applies(trig: TriggerMatch, status: str, source: Actor | None, words: tuple[str, ...],
            lexicon: EventLexicon) -> bool:
    """A violent act stated as a fact, by a trigger that tells an attack, whose doer resolved to
    no country or organisation and is named as non-state (or the attack as a terror attack)."""
    if trig.entry.event_type not in NONSTATE_TYPES or status not in FACT_STATUS or trig.entry.weight < MIN_WEIGHT:
        return False
    if source is not None and (source.country or source.org):
        return False
    if trig.last == trig.first and words[trig.first] in lexicon.weapon_nouns:
        return False
    return doer_cue(words, trig, lexicon)


def unknown_doer_roles(doc: Document, view: SentenceView, trig: TriggerMatch, roles: Roles,
                       body_start: int, status: str, filed_at: Place | None,
                       lexicon: EventLexicon) -> Roles | None:
    """The reading of an attack with no state doer: its source as found (unresolved) and the
    country where it happened as target (``filed_at``: the dateline's place). None when the
    sentence names no place (and the dateline is at home), the place does not resolve to a
    country, the sentence names another state, or the attack is background."""
    target, span = _attacked(doc, view, trig, roles, body_start)
    if target is None and _no_place(doc, view, body_start) and _abroad(filed_at, lexicon):
        target = Actor(text=filed_at.name, name=filed_at.name, country=filed_at.country)
    if target is None:
        return None
    named = {a.country for i, s in enumerate(view.slots) if i not in view.excluded
             for a in s.actors[:1] if a.country}
    if named - {target.country}:
        return None
    if _background(dates_layer.event_date(doc, view.sentence.index, trig.start, status), doc.article.published):
        return None
    return Roles(roles.source, target, roles.source_span, span, roles.distance, target_is_place=True,
                 target_prep="place")


def _abroad(filed_at: Place | None, lexicon: EventLexicon) -> bool:
    """A dateline outside the newsrooms' own country: where the story happened."""
    return filed_at is not None and bool(filed_at.country) and filed_at.country not in lexicon.desk_countries


def _no_place(doc: Document, view: SentenceView, body_start: int) -> bool:
    return not any(m.span.start >= body_start for m in doc.in_sentence("places", view.sentence.index))


def _attacked(doc: Document, view: SentenceView, trig: TriggerMatch, roles: Roles, body_start: int):
    """The country where the attack happened: the place the roles took as target, else the place
    of the sentence nearest the trigger."""
    t = roles.target
    if t is not None and roles.target_is_place and t.country:
        return t, roles.target_span
    places = [m for m in doc.in_sentence("places", view.sentence.index) if m.span.start >= body_start]
    if not places:
        return None, None
    best = min(places, key=lambda m: min(abs(m.span.start - trig.start), abs(m.span.end - trig.start)))
    if not best.place.country:
        return None, None
    return Actor(text=best.span.text, name=best.place.name, country=best.place.country), best.span


def _background(when: When | None, published: str | None) -> bool:
    """A stated date whose period ended more than about a month before publication."""
    if when is None or when.value is None or when.derived == "published":
        return False
    pub = dates_layer.parse_iso(published)
    if pub is None:
        return False
    last = dates_layer.period_end(when.end or when.value)
    return last is not None and last < pub - timedelta(days=RECENT_DAYS)


def arrests_suspects(trig: TriggerMatch, mode: str | None, status: str, roles: Roles,
                     words: tuple[str, ...], lexicon: EventLexicon) -> bool:
    """A state's police or prosecutors arrest the suspects of an attack ("polisi Prancis menangkap
    tiga tersangka"): the arrest of people with no country. Whether it answers an attack with no
    state doer in that state is settled with the article's other drafts (``attacked_countries``,
    read by ``warta.code_events.complete_drafts``)."""
    if trig.entry.event_type not in ARREST_TYPES or mode not in ARREST_MODES or status not in FACT_STATUS:
        return False
    src, tgt = roles.source, roles.target
    if src is None or not src.country or src.sector not in ARRESTING_SECTORS:
        return False
    if tgt is not None and (tgt.country or tgt.org):
        return False
    near = words[trig.last + 1:trig.last + 1 + SUSPECT_REACH]
    if trig.voice == "passive":          # "tiga tersangka ditangkap polisi Prancis"
        near = words[max(0, trig.first - SUSPECT_REACH):trig.first]
    return any(w in lexicon.suspect_nouns for w in near)


def attacked_countries(drafts) -> frozenset[str]:
    """Countries attacked by a doer with no state in the article's drafts."""
    return frozenset(d.roles.target.country for d in drafts
                     if d.unknown_doer and d.roles.target is not None and d.roles.target.country)
