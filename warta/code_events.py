"""Sentence → PLOVER events with source, target, status, attribution and evidence.

For each sentence that tells news (not a headline repeated in the body, a caption or a pointer to
another story): find triggers (``warta.events.triggers``), read source and target from the
sentence's structure (``warta.events.roles``), the status and speaker from cue words
(``warta.events.status``), then fill date, place, figures, mode, contexts, CAMEO root and
confidence and merge the sentences that tell one happening (``warta.events.assemble``).
"""
from __future__ import annotations

import hashlib

from warta import __version__
from warta.events.assemble import (Draft, actor_key, cameo_of, confidence_of, contexts_of, event_date,
                                   event_id, event_place, evidence_of, figures_for, merge_events, mode_of,
                                   pair_key)
from warta.events.lexicon import EventLexicon, load_lexicon
from warta.events.roles import Roles, SentenceView, assign_roles, build_slots
from warta.events.status import Attribution, event_status, find_attributions
from warta.events.triggers import TriggerMatch, find_triggers
from warta.lang import Language
from warta.model import Document, Event, Sentence

SPLIT_TYPES = frozenset({"CONSULT"})
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "ASSAULT", "SANCTION", "MOBILIZE", "REQUEST", "ACCUSE"})
_END_PUNCT = frozenset('.!?"”’\')')


def code_events(doc: Document, lang: Language) -> tuple[Event, ...]:
    """The events of one document, one per happening, in order of first mention."""
    lexicon = load_lexicon(lang)
    drafts: list[Draft] = []
    seen: set[str] = set()
    for sentence in doc.sentences:
        text = sentence.text.strip()
        if not text or text in seen or is_noise(sentence, lexicon):
            seen.add(text)
            continue
        seen.add(text)
        drafts.extend(code_sentence(doc, sentence, lexicon))
    if not drafts:
        return ()
    version = coder_version(lang)
    attached = figures_for(doc, drafts, lexicon)
    events, keys = [], []
    for i, d in enumerate(drafts):
        events.append(_event(doc, d, attached.get(i, ()), version, lexicon, lang))
        keys.append((d.event_type, pair_key(d.event_type, d.symmetric, d.roles.source, d.roles.target)))
    return tuple(merge_events(events, keys))


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


def code_sentence(doc: Document, sentence: Sentence, lexicon: EventLexicon) -> list[Draft]:
    triggers = find_triggers(sentence, lexicon)
    if not triggers:
        return []
    words = tuple(t.text.lower() for t in sentence.tokens)
    slots = build_slots(sentence, doc.in_sentence("actors", sentence.index), words, lexicon)
    speakers = find_attributions(sentence, words, lexicon, [(s.first, s.last) for s in slots])
    excluded = frozenset(i for i, s in enumerate(slots)
                         if any(a.first <= s.first and s.last <= a.last for a in speakers))
    view = SentenceView(sentence, words, slots, excluded)
    drafts: list[Draft] = []
    for trig in triggers:
        if trig.voice in ("noun", "bare") and trig.first > 0 and words[trig.first - 1] in lexicon.background:
            continue
        status = event_status(words, trig, lexicon)
        split = trig.entry.event_type in SPLIT_TYPES
        for roles in assign_roles(view, trig, lexicon, split_targets=split):
            roles = _fallback_source(roles, trig, speakers, view)
            roles = _not_self(roles, trig.entry.event_type)
            if not (actor_key(roles.source) or actor_key(roles.target)):
                continue
            drafts.append(Draft(
                sentence_index=sentence.index, trigger=trig, roles=roles,
                event_type=trig.entry.event_type, mode=mode_of(trig.entry.event_type, trig, words, lexicon),
                status=status, attribution=_attribution(trig, speakers), symmetric=trig.entry.symmetric))
    return _drop_nested(drafts)


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
    """No event of a country with itself, unless it is domestic (police against protesters)."""
    s, t = roles.source, roles.target
    if s is None or t is None or actor_key(s) is None or actor_key(s) != actor_key(t):
        return roles
    if event_type in DOMESTIC_TYPES and s.sector and t.sector and s.sector != t.sector:
        return roles
    return Roles(s, None, roles.source_span, None, roles.distance)


def _attribution(trig: TriggerMatch, speakers: list[Attribution]) -> str | None:
    for a in speakers:
        if a.side == "after" or (a.side == "before" and a.cue < trig.first):
            return a.text
    return None


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """Within a sentence, a draft whose type matches another's and whose actors are a subset of it
    tells the same happening: keep the fuller one."""
    def keys(d: Draft) -> set:
        return {k for k in (actor_key(d.roles.source), actor_key(d.roles.target)) if k}
    out = []
    for i, d in enumerate(drafts):
        kd = keys(d)
        covered = any(j != i and o.event_type == d.event_type and o.status == d.status and
                      (kd < keys(o) or (kd == keys(o) and j < i))
                      for j, o in enumerate(drafts))
        if not covered:
            out.append(d)
    return out


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
