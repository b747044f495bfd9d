"""Sentence → PLOVER events with source, target, status, attribution and evidence.

For each sentence that tells news (not a headline repeated in the body, a caption or a pointer to
another story): find triggers (``warta.events.triggers``), read source and target from the
sentence's structure (``warta.events.roles``), the status and speaker from cue words
(``warta.events.status``), then fill date, place, figures, mode, contexts, CAMEO root and
confidence and merge the sentences that tell one happening (``warta.events.assemble``).
"""
from __future__ import annotations

import hashlib
from collections import Counter

from warta import __version__
from warta.events.assemble import (Draft, actor_key, cameo_of, confidence_of, contexts_of, event_date,
                                   event_id, event_place, evidence_of, figures_for, merge_events, mode_of,
                                   pair_key)
from warta.events.lexicon import EventLexicon, load_lexicon
from warta.events.roles import Roles, SentenceView, assign_roles, build_slots
from warta.events.status import Attribution, event_status, find_attributions
from warta.events.triggers import TriggerMatch, find_triggers
from warta.lang import Language
from warta.model import Actor, Document, Event, Sentence

SPLIT_TYPES = frozenset({"CONSULT"})
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "ASSAULT", "SANCTION", "MOBILIZE", "REQUEST", "ACCUSE"})
_END_PUNCT = frozenset('.!?"”’\')')
_CLOSERS = frozenset({",", '"', "”", "’", "'"})


def code_events(doc: Document, lang: Language) -> tuple[Event, ...]:
    """The events of one document, one per happening, most confident first."""
    lexicon = load_lexicon(lang)
    drafts: list[Draft] = []
    seen: set[str] = set()
    dyad = article_dyad(doc)
    for sentence in doc.sentences:
        text = sentence.text.strip()
        if not text or text in seen or is_noise(sentence, lexicon):
            seen.add(text)
            continue
        seen.add(text)
        drafts.extend(code_sentence(doc, sentence, lexicon, dyad))
    if not drafts:
        return ()
    version = coder_version(lang)
    attached = figures_for(doc, drafts, lexicon)
    events, keys, ongoing = [], [], []
    for i, d in enumerate(drafts):
        ongoing.append(d.event_type == "ASSAULT" and d.symmetric)
        events.append(_event(doc, d, attached.get(i, ()), version, lexicon, lang))
        keys.append((d.event_type, pair_key(d.event_type, d.symmetric, d.roles.source, d.roles.target)))
    merged = merge_events(events, keys, ongoing)
    return tuple(sorted(merged, key=lambda e: (-e.confidence, e.evidence.sentence_index)))


def coder_version(lang: Language) -> str:
    """warta's version and a short hash of the language's data files."""
    return lang.compiled("event_coder_version", _version)


def _version(lang: Language) -> str:
    digest = hashlib.sha1()
    for path in sorted(lang.path.iterdir()):
        if path.is_file() and path.suffix in (".txt", ".tsv", ".json"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


def is_noise(sentence: Sentence, lexicon: EventLexicon) -> bool:
    """A pointer to another story, a caption, or a headline-like line (title case, no full stop)."""
    text = sentence.text.strip()
    low = text.lower()
    if any(low.startswith(p) for p in lexicon.noise_prefixes):
        return True
    if text[-1] in _END_PUNCT:
        return False
    words = [t.text for t in sentence.tokens if t.text.isalpha() and len(t.text) > 1]
    if not words or len(words) > 30:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital / len(words) >= 0.6


def article_dyad(doc: Document) -> tuple[Actor, Actor] | None:
    """The two sides an article is about: the pair its plural references ("kedua negara")
    most often stand for. None when it has none."""
    groups: dict[tuple[int, int], dict[str, Actor]] = {}
    for m in doc.actors:
        key = actor_key(m.actor)
        if m.kind == "pair" and key:
            groups.setdefault((m.span.start, m.span.end), {}).setdefault(key, m.actor)
    counts: Counter = Counter()
    actors: dict[str, Actor] = {}
    for found in groups.values():
        if len(found) == 2:
            counts[tuple(sorted(found))] += 1
            for k, a in found.items():
                actors.setdefault(k, a)
    if not counts:
        return None
    (a, b), _ = counts.most_common(1)[0]
    return actors[a], actors[b]


INFERRED_DISTANCE = 99
INFERRED_PENALTY = 20


def _with_dyad(roles: Roles, trig: TriggerMatch, dyad: tuple[Actor, Actor] | None) -> Roles:
    """A clash or talk with no side named is between the article's two sides; an attack with one
    side named that belongs to them is against the other."""
    if dyad is None:
        return roles
    src, tgt = actor_key(roles.source), actor_key(roles.target)
    keys = [actor_key(a) for a in dyad]
    if not src and not tgt and trig.entry.symmetric and trig.entry.weight >= STRONG_WEIGHT:
        return Roles(dyad[0], dyad[1], None, None, INFERRED_DISTANCE)
    if trig.entry.event_type != "ASSAULT" or (src and tgt):
        return roles
    known = src or tgt
    if known not in keys:
        return roles
    other = dyad[1] if keys[0] == known else dyad[0]
    distance = roles.distance + INFERRED_PENALTY
    if src:
        return Roles(roles.source, other, roles.source_span, None, distance)
    return Roles(other, roles.target, None, roles.target_span, distance)


def code_sentence(doc: Document, sentence: Sentence, lexicon: EventLexicon,
                  dyad: tuple[Actor, Actor] | None = None) -> list[Draft]:
    triggers = find_triggers(sentence, lexicon)
    if not triggers:
        return []
    words = tuple(t.text.lower() for t in sentence.tokens)
    slots = build_slots(sentence, doc.in_sentence("actors", sentence.index), words, lexicon,
                        doc.in_sentence("places", sentence.index))
    speakers = find_attributions(sentence, words, lexicon, [(s.first, s.last) for s in slots])
    excluded = frozenset(i for i, s in enumerate(slots) for a in speakers
                         if a.side != "before" and a.first <= s.first and s.last <= a.last)
    said: dict[int, tuple[int, ...]] = {}
    for a in speakers:
        if a.side == "before":
            for i, s in enumerate(slots):
                if s.first == a.first and s.last == a.last:
                    said[i] = said.get(i, ()) + (a.cue,)
    view = SentenceView(sentence, words, slots, excluded, said)
    drafts: list[Draft] = []
    for k, trig in enumerate(triggers):
        if is_reference(words, trig, lexicon) or governs_next(words, trig, triggers[k + 1:]) or \
                is_object_of(trig, triggers[:k]):
            continue
        status = event_status(words, trig, lexicon)
        split = trig.entry.event_type in SPLIT_TYPES and trig.entry.mode != "third-party"
        for roles in assign_roles(view, trig, lexicon, split_targets=split):
            roles = _fallback_source(roles, trig, speakers, view)
            roles = _not_self(roles, trig.entry.event_type)
            roles = _with_dyad(roles, trig, dyad)
            if not enough_actors(roles, trig):
                continue
            drafts.append(Draft(
                sentence_index=sentence.index, trigger=trig, roles=roles,
                event_type=trig.entry.event_type, mode=mode_of(trig.entry.event_type, trig, words, lexicon),
                status=status, attribution=_attribution(trig, speakers, words), symmetric=trig.entry.symmetric))
    return _drop_nested(drafts)


def is_reference(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """An event noun that points back to a happening told before ("sejak pertempuran",
    "serangan itu") or names a topic or aim rather than a happening ("membahas gencatan senjata")."""
    if trig.voice not in ("noun", "bare"):
        return False
    if trig.first > 0 and words[trig.first - 1] in lexicon.background:
        return True
    if trig.last + 1 < len(words) and words[trig.last + 1] in lexicon.anaphora:
        return True
    return any(w in lexicon.topic_words for w in words[max(0, trig.first - 2):trig.first])


GOVERNING_WORDS = frozenset({"untuk", "bagi", "guna"})


def governs_next(words: tuple[str, ...], trig: TriggerMatch, later: list[TriggerMatch]) -> bool:
    """A weak noun that only introduces the next trigger ("dukungan untuk memfasilitasi
    pembicaraan"): the next trigger is the event."""
    if trig.entry.weight >= 0.6 or trig.voice not in ("noun", "bare") or not later:
        return False
    gap = words[trig.last + 1:later[0].first]
    return len(gap) <= 3 and any(w in GOVERNING_WORDS for w in gap)


def is_object_of(trig: TriggerMatch, earlier: list[TriggerMatch]) -> bool:
    """An event noun right after a verb of its own type is that verb's object
    ("menengahi perundingan"): the verb's event covers it."""
    if trig.voice not in ("noun", "bare") or not earlier:
        return False
    prev = earlier[-1]
    return prev.entry.event_type == trig.entry.event_type and prev.voice != "noun" and trig.first - prev.last <= 2


TIGHT_DISTANCE = 5
STRONG_WEIGHT = 0.7


def enough_actors(roles: Roles, trig: TriggerMatch) -> bool:
    """Both sides resolved to a country or organisation. (Measured on the project gold: events
    with one side unknown were wrong nine times in ten, so they are not coded.)"""
    return bool(actor_key(roles.source) and actor_key(roles.target))


def _fallback_source(roles: Roles, trig: TriggerMatch, speakers: list[Attribution],
                     view: SentenceView) -> Roles:
    """A clause reported by a speaker ("X mengatakan akan mengirim bantuan") has X as its subject
    when it names no other."""
    if roles.source is not None:
        return roles
    for a in speakers:
        if a.side == "before" and a.cue < trig.first:
            slot = next((s for s in view.slots if s.first == a.first and s.last == a.last), None)
            if slot is not None and slot.resolved:
                actor = next(x for x in slot.actors if x.country or x.org)
                if actor_key(actor) != actor_key(roles.target):
                    return Roles(actor, roles.target, slot.span, roles.target_span,
                                 max(roles.distance, trig.first - slot.last))
    return roles


def _not_self(roles: Roles, event_type: str) -> Roles:
    """No event of a country with itself, unless it is domestic: an act of force or protest between
    two different actors of one country (police against protesters, an army against rebels)."""
    s, t = roles.source, roles.target
    if s is None or t is None or actor_key(s) is None or actor_key(s) != actor_key(t):
        return roles
    if event_type in DOMESTIC_TYPES and s.sector != t.sector and (s.text or "").lower() != (t.text or "").lower():
        return roles
    return Roles(s, None, roles.source_span, None, roles.distance)


def _attribution(trig: TriggerMatch, speakers: list[Attribution], words: tuple[str, ...]) -> str | None:
    """The speaker of the clause holding the trigger: "…, kata X" closes the sentence;
    "menurut X, …" and "X mengatakan …" open what follows."""
    for a in speakers:
        if a.side == "media":
            continue
        if a.cue < trig.first or (a.side == "after" and a.cue > 0 and words[a.cue - 1] in _CLOSERS):
            return a.text
    return None


def _explicit(d: Draft) -> int:
    """How many of a draft's actors are named in its sentence (not inferred from the article)."""
    return (d.roles.source_span is not None) + (d.roles.target_span is not None)


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """Within a sentence, drafts of one type whose actors are the same as, or a subset of, another's
    tell the same happening: keep the fullest, then the one whose actors stand closest."""
    def keys(d: Draft) -> frozenset:
        return frozenset(k for k in (actor_key(d.roles.source), actor_key(d.roles.target)) if k)

    def better(o: Draft, d: Draft, j: int, i: int) -> bool:
        if o.event_type != d.event_type or o.status != d.status:
            return False
        ko, kd = keys(o), keys(d)
        if kd < ko:
            return True
        return kd == ko and (-_explicit(o), o.roles.distance, j) < (-_explicit(d), d.roles.distance, i)

    return [d for i, d in enumerate(drafts)
            if not any(j != i and better(o, d, j, i) for j, o in enumerate(drafts))]


def _event(doc: Document, d: Draft, figures, version: str, lexicon: EventLexicon, lang: Language) -> Event:
    words = tuple(t.text.lower() for t in doc.sentences[d.sentence_index].tokens)
    cameo, _ = cameo_of(d.event_type, d.mode, lexicon)
    source, target = d.roles.source, d.roles.target
    return Event(
        id=event_id(doc.article.id, d.sentence_index, d.event_type, d.mode, source, target, d.status),
        event_type=d.event_type, evidence=evidence_of(doc, d), mode=d.mode,
        context=contexts_of(d.event_type, d.mode, words, (source, target), lexicon),
        cameo_root=cameo, source=source, target=target,
        date=event_date(doc, d.sentence_index, d.trigger.start, d.status),
        place=event_place(doc, d, lang), figures=figures, status=d.status, attribution=d.attribution,
        confidence=confidence_of(d, 1), coder_version=version)
