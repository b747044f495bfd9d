"""In-article coreference for actors.

A person named with a title (or found in the dictionary of office holders) is remembered for the
rest of the article, so that later

- the bare surname or full name ("Rubio") is the same person,
- a pronoun ("Ia", "dia", "beliau", "sang presiden") is the person it refers to: at the start of
  a sentence, the most recent person who was a sentence subject; inside a sentence, the nearest
  person before it in that sentence, else the same as at the start,
- a title used alone ("Menlu", "Presiden") is the most recent person holding that post,
- a plural reference ("kedua negara", "kedua menteri", "kedua pemimpin") is the two most recent
  actors of that sort, preferring two joined by "dan" ("antara Kamboja dan Thailand"); it yields
  one mention per referent, all with the same span and kind "pair".
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Callable

from warta.model import Actor, ActorMention, Document
from warta.resolve.actors import ActorLexicon

_LEADER_ROLES = ("president", "prime minister", "king", "queen", "chancellor", "emir", "sultan",
                 "supreme leader", "leader", "premier", "head of state", "head of government",
                 "crown prince", "general secretary")


def _surname_keys(name: str, name_stop: frozenset[str]) -> list[str]:
    """The forms a later sentence may use for a person: the full name and the last word."""
    words = name.split()
    keys = [name]
    last = words[-1] if words else ""
    if len(words) >= 2 and len(last) >= 3 and last[0].isupper() and last not in name_stop:
        keys.append(last)
    return keys


def _person_memory(drafts_by_sentence, lex: ActorLexicon):
    """(key, actor, first offset after which it may be used) for every remembered person."""
    memory: dict[str, tuple[Actor, int]] = {}
    for _, drafts in drafts_by_sentence:
        for d in drafts:
            if d.kind != "person" or not d.actor.name:
                continue
            if not (d.actor.country or d.actor.org or d.titled_person):
                continue
            name_text = d.actor.name
            if d.head:
                name_text = d.actor.text[d.head[0] - d.start:d.head[1] - d.start] or name_text
            for key in set(_surname_keys(name_text, lex.name_stop) +
                           _surname_keys(d.actor.name, lex.name_stop)):
                if key not in memory:
                    memory[key] = (d.actor, d.end)
    return memory


def _later_surnames(drafts_by_sentence, doc: Document, lex: ActorLexicon):
    """Add person drafts for later uses of remembered names not already covered."""
    from warta.extract.actors import Draft
    memory = _person_memory(drafts_by_sentence, lex)
    if not memory:
        return drafts_by_sentence
    taken = sorted((d.start, d.end) for _, ds in drafts_by_sentence for d in ds)
    starts = [t[0] for t in taken]
    text = doc.text
    pattern = re.compile(r"(?<![\w-])(" + "|".join(
        re.escape(k) for k in sorted(memory, key=len, reverse=True)) + r")(?![\w-])")
    bounds = [s.start for s in doc.sentences]
    added: dict[int, list] = {}
    for m in pattern.finditer(text):
        actor, after = memory[m.group(1)]
        if m.start() < after:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start():
            continue
        if k + 1 < len(taken) and taken[k + 1][0] < m.end():
            continue
        si = bisect.bisect_right(bounds, m.start()) - 1
        if si < 0 or m.end() > doc.sentences[si].end:
            continue
        added.setdefault(doc.sentences[si].index, []).append(
            Draft(m.start(), m.end(), "person", replace(actor, text=m.group(1))))
    if not added:
        return drafts_by_sentence
    return [(si, sorted(ds + added.get(si, []), key=lambda d: d.start))
            for si, ds in drafts_by_sentence]


def _at_sentence_start(doc: Document, si_pos: int, start: int) -> bool:
    s = doc.sentences[si_pos]
    return not re.search(r"\w", doc.text[s.start:start])


def _is_leader(actor: Actor) -> bool:
    return bool(actor.role) and any(r in actor.role for r in _LEADER_ROLES)


def _pick_pair(history: list[tuple[int, int, Actor]], text: str, lex: ActorLexicon,
               accept: Callable[[Actor], bool], key: Callable[[Actor], object]) -> list[Actor]:
    """Two distinct referents: the latest pair joined by a coordinating word, else the latest two."""
    cands = [(s, e, a) for s, e, a in history if accept(a)]
    for k in range(len(cands) - 1, 0, -1):
        (s1, e1, a1), (s2, e2, a2) = cands[k - 1], cands[k]
        if key(a1) != key(a2) and text[e1:s2].strip().lower() in lex.coordination:
            return [a1, a2]
    out: list[Actor] = []
    for _, _, a in reversed(cands):
        if all(key(a) != key(b) for b in out):
            out.append(a)
        if len(out) == 2:
            break
    return list(reversed(out)) if len(out) == 2 else []


def _pair_referents(refers: str, history, text: str, lex: ActorLexicon) -> list[Actor]:
    if refers == "country":
        return _pick_pair(history, text, lex, lambda a: bool(a.country), lambda a: a.country)
    if refers == "minister":
        got = _pick_pair(history, text, lex, lambda a: bool(a.role) and "minister" in a.role
                         or bool(a.role) and "secretary" in a.role, lambda a: (a.name, a.country))
        return got
    if refers == "leader":
        got = _pick_pair(history, text, lex, lambda a: _is_leader(a) and bool(a.country),
                         lambda a: a.country)
        return got or _pick_pair(history, text, lex, lambda a: bool(a.country), lambda a: a.country)
    if refers == "person":
        return _pick_pair(history, text, lex, lambda a: a.role is not None and bool(a.name),
                          lambda a: a.name)
    return _pick_pair(history, text, lex, lambda a: bool(a.country or a.org),
                      lambda a: (a.country, a.org, a.name))


def _title_holder(actor: Actor, persons: list[tuple[int, Actor]]) -> Actor | None:
    for _, p in reversed(persons):
        if p.role and actor.role and (p.role == actor.role or actor.role in p.role):
            return p
    return None


def _same_institution(actor: Actor, history) -> Actor | None:
    """An earlier mention of the same institution with its country ("Departemen Luar Negeri AS")."""
    for _, _, a in reversed(history):
        if a.role == actor.role and a.country and not a.name == a.role:
            return a
    return None


def resolve_references(drafts_by_sentence, doc: Document, lex: ActorLexicon,
                       to_mention) -> tuple[ActorMention, ...]:
    """Turn per-sentence drafts into final mentions, resolving references in text order."""
    drafts_by_sentence = _later_surnames(drafts_by_sentence, doc, lex)
    text = doc.text
    pos_of = {s.index: k for k, s in enumerate(doc.sentences)}
    history: list[tuple[int, int, Actor]] = []       # every resolved actor, in order
    persons: list[tuple[int, Actor]] = []            # (sentence index, person actor)
    subjects: list[Actor] = []                       # persons that opened their sentence
    titled: dict[str, Actor] = {}                   # persons first named with a title
    out: list[ActorMention] = []
    for si, drafts in drafts_by_sentence:
        sentence_persons: list[Actor] = []
        first_in_sentence = True
        for d in drafts:
            mention = None
            holder = None
            if d.kind == "pronoun":
                ref = None
                if not _at_sentence_start(doc, pos_of[si], d.start) and sentence_persons:
                    ref = sentence_persons[-1]
                if ref is None:
                    ref = subjects[-1] if subjects else (persons[-1][1] if persons else None)
                if ref is None:
                    continue
                if "presiden" in d.actor.text.lower() and not _is_leader(ref):
                    continue
                mention = to_mention(replace(d, actor=replace(ref, text=d.actor.text)), text, si)
            elif d.kind == "pair":
                refs = _pair_referents(d.refers or "any", history, text, lex)
                for ref in refs:
                    out.append(to_mention(replace(d, actor=replace(ref, text=d.actor.text)),
                                          text, si))
                first_in_sentence = False
                continue
            elif d.kind == "office" and not d.actor.country and not d.actor.org:
                if d.actor.text[:1].isupper():
                    holder = _title_holder(d.actor, persons)
                actor = replace(holder, text=d.actor.text) if holder else d.actor
                mention = to_mention(replace(d, actor=actor), text, si)
            elif d.kind == "org" and not d.actor.country and not d.actor.org:
                same = _same_institution(d.actor, history)
                actor = replace(d.actor, country=same.country, name=same.name) if same else d.actor
                mention = to_mention(replace(d, actor=actor), text, si)
            elif d.kind == "person" and d.actor.name in titled:
                mention = to_mention(replace(d, actor=replace(titled[d.actor.name],
                                                               text=d.actor.text)), text, si)
            else:
                mention = to_mention(d, text, si)
            a = mention.actor
            if mention.kind in ("person", "pronoun") or holder is not None:
                sentence_persons.append(a)
                persons.append((si, a))
                if first_in_sentence:
                    subjects.append(a)
            if mention.kind == "person" and d.titled_person and d.head and a.name:
                titled.setdefault(a.name, a)
            history.append((mention.span.start, mention.span.end, a))
            first_in_sentence = False
            out.append(mention)
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return tuple(out)
