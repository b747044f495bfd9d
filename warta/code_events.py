"""Sentence → PLOVER events with source, target, status, attribution and evidence.

For each sentence that tells news (not a headline repeated in the body, a caption or a pointer to
another story): find triggers (``warta.events.triggers``), read source and target from the
sentence's structure (``warta.events.roles``), the status and speaker from cue words
(``warta.events.status``), then fill date, place, figures, mode, contexts, CAMEO root and
confidence and merge the sentences that tell one happening (``warta.events.assemble``).
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from warta import __version__
from warta.events import nonstate
from warta.events.assemble import (INFERRED, Draft, actor_key, cameo_of, confidence_of, contexts_of, event_date,
                                   event_id, event_place, evidence_of, figures_for, merge_events, mode_of,
                                   pair_key)
from warta.events.article import article_dyad, dateline_end, is_noise, is_sport, sentences_with_anchors
from warta.events.lexicon import EventLexicon, load_lexicon
from warta.events.roles import Roles, SentenceView, assign_roles, build_slots
from warta.events.scope import (governs_next, is_accused, is_content_of, is_object_of, is_reference, is_refusal,
                                is_reaction_object, reaction_object)
from warta.events.status import Attribution, event_status, find_attributions
from warta.events.triggers import TriggerMatch, find_triggers
from warta.lang import Language
from warta.model import Actor, Document, Event, Place, Sentence
from warta.resolve.places import dateline_place

SPLIT_TYPES = frozenset({"CONSULT"})
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "ASSAULT"})
INSURGENT_SECTORS = frozenset({"REB"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# what a state and its own rebels say to each other: talks, deals, demands, refusals, accusations
# and threats (a state "disarming" or "aiding" its rebels is not a retreat or aid of its own)
INSURGENT_DYAD_TYPES = frozenset({"AGREE", "CONSULT", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE"})
_CLOSERS = frozenset({",", '"', "”", "’", "'"})
STRONG_WEIGHT = 0.7     # a trigger this strong may take both sides from the article


def code_events(doc: Document, lang: Language) -> tuple[Event, ...]:
    """The events of one document, one per happening, most confident first."""
    lexicon = load_lexicon(lang)
    drafts: list[Draft] = []
    seen: set[str] = set()
    if is_sport(doc, lexicon):
        return ()
    hits = sentences_with_anchors(doc, lexicon)
    filed_at = dateline_place(doc.article, lang)
    for sentence in doc.sentences:
        if sentence.index not in hits:
            continue
        text = sentence.text.strip()
        if not text or text in seen or is_noise(sentence, lexicon):
            seen.add(text)
            continue
        seen.add(text)
        drafts.extend(code_sentence(doc, sentence, lexicon, filed_at))
    if not drafts:
        return ()           # nothing to complete: the article's two sides (its actors) are not read
    drafts = complete_drafts(aim_reactions(drafts), article_dyad(doc, lexicon))
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


def complete_drafts(drafts: list[Draft], dyad: tuple[Actor, Actor] | None) -> list[Draft]:
    """Fill missing sides from the article's two sides, keep drafts with both sides resolved (or
    an attack with no state doer, and the arrest of its suspects by the attacked country), and
    keep one draft per happening in each sentence."""
    kept: dict[int, list[Draft]] = {}
    attacked = nonstate.attacked_countries(drafts)
    for d in drafts:
        roles = _with_dyad(d.roles, d, dyad)
        if enough_actors(roles) or (d.unknown_doer and actor_key(roles.target)) or \
                (d.suspect_arrest and roles.source is not None and roles.source.country in attacked):
            kept.setdefault(d.sentence_index, []).append(replace(d, roles=roles))
    return [d for si in sorted(kept) for d in _drop_nested(kept[si])]


INFERRED_DISTANCE = 99          # both sides from the article
INFERRED_PENALTY = INFERRED     # one side from the article


def _with_dyad(roles: Roles, draft: Draft, dyad: tuple[Actor, Actor] | None) -> Roles:
    """A clash or talk with no side named is between the article's two sides; an attack with one
    side named that belongs to them is against the other."""
    if dyad is None:
        return roles
    src, tgt = actor_key(roles.source), actor_key(roles.target)
    keys = [actor_key(a) for a in dyad]
    if not src and not tgt and draft.symmetric and draft.trigger.entry.weight >= STRONG_WEIGHT:
        return Roles(dyad[0], dyad[1], None, None, INFERRED_DISTANCE)
    if draft.event_type != "ASSAULT" or (src and tgt):
        return roles
    known = src or tgt
    if known not in keys:
        return roles
    other = dyad[1] if keys[0] == known else dyad[0]
    distance = roles.distance + INFERRED_PENALTY
    if src:
        return Roles(roles.source, other, roles.source_span, None, distance)
    return replace(roles, source=other, source_span=None, distance=distance)


def sentence_view(doc: Document, sentence: Sentence, lexicon: EventLexicon
                  ) -> tuple[SentenceView, list[Attribution], int]:
    """The sentence's words and actor slots (speakers and dateline actors set aside), its
    speakers, and the token where its text starts after a dateline."""
    words = tuple(t.text.lower() for t in sentence.tokens)
    slots = build_slots(sentence, doc.in_sentence("actors", sentence.index), words, lexicon,
                        doc.in_sentence("places", sentence.index))
    speakers = find_attributions(sentence, words, lexicon, [(s.first, s.last) for s in slots])
    dateline = dateline_end(words)
    excluded = frozenset(i for i, s in enumerate(slots)
                         if s.last < dateline or any(a.side != "before" and a.first <= s.first and s.last <= a.last
                                                     for a in speakers))
    said: dict[int, tuple[int, ...]] = {}
    for a in speakers:
        if a.side == "before":
            for i, s in enumerate(slots):
                if s.first == a.first and s.last == a.last:
                    said[i] = said.get(i, ()) + (a.cue,)
    return SentenceView(sentence, words, slots, excluded, said), speakers, dateline


def code_sentence(doc: Document, sentence: Sentence, lexicon: EventLexicon,
                  filed_at: Place | None = None) -> list[Draft]:
    """Drafts of one sentence, before the article's two sides fill missing actors. An attack with
    no state doer ("serangan teror di X") is read against the country where it happened
    (``warta.events.nonstate``; ``filed_at`` is the place of the article's dateline)."""
    triggers = find_triggers(sentence, lexicon)
    if not triggers:
        return []
    view, speakers, dateline = sentence_view(doc, sentence, lexicon)
    words = view.words
    drafts: list[Draft] = []
    content = False
    body_start = sentence.tokens[dateline].start if dateline else 0
    for k, trig in enumerate(triggers):
        joined = content and trig.first > 0 and words[trig.first - 1] in lexicon.coordinators
        content = joined or is_content_of(trig, triggers[:k], words, lexicon)
        if content or is_reference(words, trig, lexicon) or governs_next(words, trig, triggers[k + 1:], lexicon) or \
                is_object_of(trig, triggers[:k]):
            continue
        status = event_status(words, trig, lexicon)
        event_type, mode = trig.entry.event_type, mode_of(trig.entry.event_type, trig, words, lexicon)
        if status == "negated" and is_refusal(words, trig, lexicon):
            event_type, mode, status = "REJECT", "meet" if event_type == "CONSULT" else None, "asserted"
        if status == "asserted" and is_accused(trig, triggers[:k], words):
            status = "claimed"          # "Thailand menuduh Kamboja menanam ranjau": the act is alleged
        split = trig.entry.event_type in SPLIT_TYPES and trig.entry.mode != "third-party"
        reacts_to = reaction_object(words, trig, triggers[k + 1:], lexicon) if event_type == trig.entry.event_type \
            else None
        reacted = is_reaction_object(trig, triggers[:k])
        for roles in assign_roles(view, trig, lexicon, split_targets=split):
            if reacted and roles.source_span is not None and roles.source_span.end <= triggers[k - 1].start:
                roles = replace(roles, source=None, source_span=None)     # the reactor is not the doer
            roles = _fallback_source(roles, trig, speakers, view)
            roles = _not_self(roles, trig.entry.event_type)
            unknown_doer = False
            if event_type == trig.entry.event_type and nonstate.applies(trig, status, roles.source, words, lexicon):
                site = nonstate.unknown_doer_roles(doc, view, trig, roles, body_start, status, filed_at, lexicon)
                if site is not None:
                    roles, unknown_doer = site, True
            if not (actor_key(roles.source) or actor_key(roles.target) or trig.entry.symmetric):
                continue
            drafts.append(Draft(
                sentence_index=sentence.index, trigger=trig, roles=roles,
                event_type=event_type, mode=mode,
                status=status, attribution=_attribution(trig, speakers, words),
                symmetric=trig.entry.symmetric or roles.mutual,
                body_start=body_start, unknown_doer=unknown_doer,
                suspect_arrest=not unknown_doer and nonstate.arrests_suspects(trig, mode, status, roles, words,
                                                                              lexicon),
                reacts_to=reacts_to if roles.target is None else None))
    return drafts


REACTION_LOOKBACK = 6      # sentences back in which a reaction looks for the happening it answers


def aim_reactions(drafts: list[Draft]) -> list[Draft]:
    """A condemnation or denial of a happening told before ("Iran mengecam serangan tersebut",
    "Kamboja membantah tuduhan") is aimed at whoever did it: the doer of the latest earlier
    happening of that type (any type for "tindakan tersebut") other than the one reacting."""
    out = list(drafts)
    for i, d in enumerate(out):
        src = actor_key(d.roles.source)
        if d.reacts_to is None or not src or d.roles.target is not None:
            continue
        for e in reversed(out[:i]):
            if d.sentence_index - e.sentence_index > REACTION_LOOKBACK:
                break
            doer = actor_key(e.roles.source)
            if e.status not in nonstate.FACT_STATUS or not doer or doer == src or \
                    (e.sentence_index == d.sentence_index and e.trigger.first >= d.trigger.first):
                continue
            if d.reacts_to and e.event_type != d.reacts_to:
                continue
            roles = replace(d.roles, target=e.roles.source, target_span=None,
                            distance=max(d.roles.distance, INFERRED_PENALTY))
            out[i] = replace(d, roles=roles)
            break
    return out


def enough_actors(roles: Roles) -> bool:
    """Both sides resolved to a country or organisation. (Measured on the project gold: events
    with one side unknown were wrong nine times in ten, so they are not coded.)"""
    return bool(actor_key(roles.source) and actor_key(roles.target))


SPEAKER_REACH = 8     # "X mengatakan akan menyerang": the speaker is the subject of a verb this close


def _fallback_source(roles: Roles, trig: TriggerMatch, speakers: list[Attribution],
                     view: SentenceView) -> Roles:
    """A clause reported by a speaker ("X mengatakan akan mengirim bantuan") has X as its subject
    when it names no other."""
    if roles.source is not None or trig.voice in ("noun", "bare"):
        return roles
    for a in speakers:
        if a.side == "before" and a.cue < trig.first and trig.first - a.cue <= SPEAKER_REACH:
            slot = next((s for s in view.slots if s.first == a.first and s.last == a.last), None)
            if slot is not None and slot.resolved:
                actor = next(x for x in slot.actors if x.country or x.org)
                if actor_key(actor) != actor_key(roles.target):
                    return replace(roles, source=actor, source_span=slot.span,
                                   distance=max(roles.distance, trig.first - slot.last))
    return roles


def _not_self(roles: Roles, event_type: str) -> Roles:
    """No event of a country with itself, unless it is domestic: an act of force or protest between
    two different actors of one country (police against protesters, an army against rebels), or
    talks, demands and accusations between a state and its own rebels."""
    s, t = roles.source, roles.target
    if s is None or t is None or actor_key(s) is None or actor_key(s) != actor_key(t):
        return roles
    if event_type in DOMESTIC_TYPES and not roles.target_is_place and s.sector != t.sector and \
            (s.text or "").lower() != (t.text or "").lower():
        return roles
    if event_type == "ASSAULT" and roles.target_is_place and roles.target_prep == "target" and \
            s.sector in INSURGENT_SECTORS:
        return roles      # "pemberontak menembakkan roket ke Damaskus": rebels attack their own state
    if event_type in INSURGENT_DYAD_TYPES and not roles.target_is_place and _state_and_insurgents(s, t):
        return roles      # "Pemerintah Filipina menolak tuntutan pemberontak komunis"
    return Roles(s, None, roles.source_span, None, roles.distance)


def _state_and_insurgents(s: Actor, t: Actor) -> bool:
    """One side the state (its government, army or police, or the country itself) and the other
    rebels of that country: a domestic dyad. (On the corpus outside the gold this changed two
    events: "Pemerintah menuduh gerilyawan" right; a government's commitment to disarm Hizbullah
    read as its own RETREAT wrong, hence the verbal types only.)"""
    sectors = {s.sector, t.sector}
    return bool(sectors & INSURGENT_SECTORS) and len(sectors) == 2 and \
        bool(sectors & (STATE_SECTORS | {None}))


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
