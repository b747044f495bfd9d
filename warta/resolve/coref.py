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
  one mention per referent, all with the same span and kind "pair",
- a definite description of a state ("negara itu", "negeri tersebut", "negara terisolasi itu",
  "negara yang dipimpin Kim Jong-un itu") is the one country named as an actor (not as a place
  after "di"/"ke"/"dari") in its sentence or the three before; when several countries compete
  there, the other one its own sentence names, else the one that opened an earlier sentence as
  subject, else nothing (see ``_Memory.state_ref``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Callable

from warta.model import Actor, ActorMention, Document
from warta.resolve.actors import ActorLexicon

PRONOUN_WINDOW = 6      # sentences back in which a pronoun looks for its person
STATE_REF_WINDOW = 3    # sentences back in which "negara itu" looks for its country
STATE_REF_GAP = 2       # description words between "negara" and "itu" ("negara kaya minyak itu")
STATE_REF_CLAUSE = 3    # words of a relative clause there ("negara yang dipimpin Kim Jong-un itu")
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


_WORDISH = re.compile(r"[\w-]")


def find_keys(text: str, keys) -> list[tuple[int, str]]:
    """(start, key) for the whole-word uses of ``keys`` in ``text`` (no letter, digit, "_" or "-"
    on either side), scanning left to right, the longest key winning at a position and a use
    resuming the scan at its end: what ``finditer`` of the keys' alternation, longest first,
    finds, without compiling that alternation for every article."""
    if not all(keys):
        return [(m.start(), m.group(1)) for m in _key_pattern(keys).finditer(text)]
    at: dict[int, list[str]] = {}
    for key in keys:
        pos = text.find(key)
        while pos >= 0:
            if not (pos and _WORDISH.match(text, pos - 1)):
                at.setdefault(pos, []).append(key)
            pos = text.find(key, pos + 1)
    out: list[tuple[int, str]] = []
    resume = 0
    for pos in sorted(at):
        if pos < resume:
            continue
        for key in sorted(at[pos], key=len, reverse=True):
            if not _WORDISH.match(text, pos + len(key)):
                out.append((pos, key))
                resume = pos + len(key)
                break
    return out


def _key_pattern(keys) -> re.Pattern:
    """The alternation of ``keys``, longest first, as whole words."""
    return re.compile(r"(?<![\w-])(" + _alternatives(keys) + r")(?![\w-])")


def _later_surnames(drafts_by_sentence, doc: Document, lex: ActorLexicon):
    """Add person drafts for later uses of remembered names not already covered."""
    from warta.extract.actors import Draft
    memory = _person_memory(drafts_by_sentence, lex)
    if not memory:
        return drafts_by_sentence
    taken = sorted((d.start, d.end) for _, ds in drafts_by_sentence for d in ds)
    starts = [t[0] for t in taken]
    bounds = [s.start for s in doc.sentences]
    added: dict[int, list] = {}
    for start, key in find_keys(doc.text, memory):
        end = start + len(key)
        actor, after = memory[key]
        if start < after:
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and taken[k][1] > start:
            continue
        if k + 1 < len(taken) and taken[k + 1][0] < end:
            continue
        si = bisect.bisect_right(bounds, start) - 1
        if si < 0 or end > doc.sentences[si].end:
            continue
        added.setdefault(doc.sentences[si].index, []).append(
            Draft(start, end, "person", replace(actor, text=key)))
    if not added:
        return drafts_by_sentence
    return [(si, sorted(ds + added.get(si, []), key=lambda d: d.start))
            for si, ds in drafts_by_sentence]


def _state_ref_pattern(lex: ActorLexicon) -> re.Pattern | None:
    """Head noun, up to a relative clause's length of words, closing demonstrative (built once
    per language)."""
    if lex.lang is None:
        return _build_state_ref_pattern(lex)
    return lex.lang.compiled("coref_state_ref_pattern", lambda _: _build_state_ref_pattern(lex))


def _build_state_ref_pattern(lex: ActorLexicon) -> re.Pattern | None:
    heads, closes = lex.state_ref.get("head"), lex.state_ref.get("close")
    if not heads or not closes:
        return None
    gap = r"((?:[ \t]+[^\W\d_][\w'’-]*){0," + str(STATE_REF_CLAUSE + 1) + "}?)"
    return re.compile(r"(?<![\w-])(" + _alternatives(heads) + ")" + gap + r"[ \t]+(" +
                      _alternatives(closes) + r")(?![\w-])", re.IGNORECASE)


def _state_ref_heads(lex: ActorLexicon) -> re.Pattern:
    """The head nouns alone, matched as ``_state_ref_pattern`` matches them: a sentence where
    none is found holds no state reference, and the full pattern is not tried there."""
    def build(_) -> re.Pattern:
        return re.compile(_alternatives(lex.state_ref["head"]), re.IGNORECASE)
    if lex.lang is None:
        return build(None)
    return lex.lang.compiled("coref_state_ref_heads", build)


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _state_ref_gap(gap: list[str], lex: ActorLexicon) -> bool:
    """The words between head and demonstrative describe the state: at most a few adjectives,
    or a short relative clause, and none of the words that make it another thing."""
    refused = lex.state_ref.get("not_between", frozenset())
    relative = bool(gap) and gap[0].lower() in lex.state_ref.get("relative", frozenset())
    if relative:
        words = gap[1:]
        return 1 <= len(words) <= STATE_REF_CLAUSE and not any(
            w.lower() in refused for w in words)
    return len(gap) <= STATE_REF_GAP and not any(w.lower() in refused for w in gap)


def _state_ref_preceded_well(before: str, lex: ActorLexicon) -> bool:
    """What stands right before the phrase lets it be an actor: nothing or punctuation, a
    conjunction or argument preposition, or a verb ("mengecam negara itu"); never a place cue
    ("di negara itu") nor a noun it would complete ("warga negara itu", "luar negeri itu")."""
    stripped = before.rstrip()
    if not stripped or not (stripped[-1].isalnum() or stripped[-1] in "-'’"):
        return True
    prev = re.split(r"[^\w'’-]+", stripped)[-1].lower()
    if prev in lex.place_cues or prev in lex.state_ref.get("not_before", frozenset()):
        return False
    return prev in lex.state_ref.get("before", frozenset()) or _verb_like(prev, lex)


def _state_references(drafts_by_sentence, doc: Document, lex: ActorLexicon):
    """Add a draft for each definite description of a state not inside another mention."""
    from warta.extract.actors import Draft
    pattern = _state_ref_pattern(lex)
    if pattern is None:
        return drafts_by_sentence
    heads = _state_ref_heads(lex)
    text = doc.text
    by_index = dict(drafts_by_sentence)
    added: dict[int, list] = {}
    for s in doc.sentences:
        if not heads.search(text, s.start, s.end):
            continue
        taken = [(d.start, d.end) for d in by_index.get(s.index, [])]
        for m in pattern.finditer(text, s.start, s.end):
            gap = m.group(2).split()
            if not _state_ref_gap(gap, lex):
                continue
            if not _state_ref_preceded_well(text[s.start:m.start()], lex):
                continue
            inside = [t for t in taken if t[0] < m.end() and m.start() < t[1]]
            end = m.end()
            if inside:
                clause_start = m.start(2) + m.group(2).find(gap[0]) + len(gap[0]) if gap else end
                in_clause = all(clause_start <= a and b <= m.start(3) for a, b in inside)
                if not (in_clause and gap[0].lower() in lex.state_ref.get("relative", ())):
                    continue
                end = m.end(1)              # the head alone: the clause holds mentions of its own
            added.setdefault(s.index, []).append(
                Draft(m.start(), end, "state_ref", Actor(text=text[m.start():end])))
    if not added:
        return drafts_by_sentence
    return [(si, sorted(ds + added.get(si, []), key=lambda d: d.start))
            for si, ds in drafts_by_sentence]


def _at_sentence_start(doc: Document, si_pos: int, start: int) -> bool:
    s = doc.sentences[si_pos]
    return not re.search(r"\w", doc.text[s.start:start])


def _is_leader(actor: Actor) -> bool:
    return bool(actor.role) and any(r in actor.role for r in _LEADER_ROLES)


def _is_minister(actor: Actor) -> bool:
    return bool(actor.role) and ("minister" in actor.role or "secretary" in actor.role)


def _pick_pair(history: list[tuple[int, int, Actor]], text: str, lex: ActorLexicon,
               accept: Callable[[Actor], bool], key: Callable[[Actor], object],
               sentence_start: int = 0) -> list[Actor]:
    """Two distinct referents: the latest pair joined by a coordinating word; else the latest
    two before the pair's sentence (in "Blinken mendorong kedua pihak" Blinken is not a side);
    else the latest two."""
    cands = [(s, e, a) for s, e, a in history if accept(a)]
    for k in range(len(cands) - 1, 0, -1):
        (_, e1, a1), (s2, _, a2) = cands[k - 1], cands[k]
        if key(a1) != key(a2) and text[e1:s2].strip().lower() in lex.coordination:
            return [a1, a2]
    earlier = [c for c in cands if c[1] <= sentence_start]
    return _latest_two(earlier, key) or _latest_two(cands, key)


def _latest_two(cands, key) -> list[Actor]:
    out: list[Actor] = []
    for _, _, a in reversed(cands):
        if all(key(a) != key(b) for b in out):
            out.append(a)
        if len(out) == 2:
            break
    return list(reversed(out)) if len(out) == 2 else []


def _as_country(actor: Actor, lex: ActorLexicon) -> Actor:
    """The state an actor belongs to ("kedua negara" means the states, not their ministers)."""
    if actor.role is None and actor.org is None:
        return actor
    return Actor(text=actor.text, name=lex.country_names.get(actor.country, actor.country),
                 country=actor.country)


def _has_country(a: Actor) -> bool:
    return bool(a.country)


def _by_country(a: Actor) -> object:
    return a.country


# what a plural reference counts: (which actors qualify, what makes two of them distinct)
_PAIR_RULES = {
    "country": (_has_country, _by_country),
    "minister": (_is_minister, lambda a: (a.name, a.country)),
    "leader": (lambda a: _is_leader(a) and bool(a.country), _by_country),
    "person": (lambda a: a.role is not None and bool(a.name), lambda a: a.name),
    "any": (lambda a: bool(a.country or a.org), lambda a: (a.country, a.org, a.name)),
}


def _pair_referents(refers: str, history, text: str, lex: ActorLexicon,
                    sentence_start: int = 0) -> list[Actor]:
    accept, key = _PAIR_RULES.get(refers, _PAIR_RULES["any"])
    pair = _pick_pair(history, text, lex, accept, key, sentence_start)
    if not pair and refers == "leader":      # "kedua pemimpin" of two states named as states
        pair = _pick_pair(history, text, lex, _has_country, _by_country, sentence_start)
    if refers in ("country", "leader") and pair and not all(_is_leader(a) for a in pair):
        return [_as_country(a, lex) for a in pair]
    return pair


_LOWER_RANKS = ("vice ", "deputy ", "former ", "acting ")   # English role prefixes


def _holds(holder_role: str | None, title_role: str | None) -> bool:
    """Whether a post ("defence minister") answers a title ("minister"), not a lower rank."""
    if not holder_role or not title_role:
        return False
    if holder_role == title_role:
        return True
    return title_role in holder_role and not holder_role.startswith(_LOWER_RANKS)


def _title_holder(actor: Actor, persons: list[tuple[int, Actor]]) -> Actor | None:
    for _, p in reversed(persons):
        if _holds(p.role, actor.role):
            return p
    return None


def _same_institution(actor: Actor, history) -> Actor | None:
    """An earlier mention of the same institution with its country ("Departemen Luar Negeri AS")."""
    if not actor.role:
        return None
    for _, _, a in reversed(history):
        if a.role == actor.role and a.country and not a.name == a.role:
            return a
    return None


_FITS = {"person": lambda a: True, "leader": _is_leader, "minister": _is_minister}

# sectors whose bare group noun ("pemerintah", "militer", "polisi", "pemberontak") stands for the
# one state's government or forces of that kind the article has named so far
GROUP_SECTORS = frozenset({"MIL", "COP", "REB", "GOV"})
NAMED_GROUP_SECTORS = frozenset({"GOV"})     # "pemerintahan Trump": a name after it says whose


def _sector_countries(actor: Actor, history) -> set[str]:
    """Countries of the earlier actors of the group's sector ("militer Myanmar" for "militer")."""
    return {a.country for _, _, a in history if a.sector == actor.sector and a.country}


def _group_country(actor: Actor, history, next_word: str, lex: ActorLexicon) -> str | None:
    """The state a bare group noun of a government, armed forces, police or rebels belongs to: the
    one state whose government or forces of that kind were named before it ("militer Myanmar …
    militer" → Myanmar, "Presiden Jokowi … pemerintah" → Indonesia; not after "pasukan Rusia …
    pasukan Ukraina"), and never for a group marked as another's ("pasukan lokal", "pasukan
    kami"). (Governments were added after reading every event it changed on the corpus: 5 of 6
    right, the wrong one "pemerintahan Donald Trump", now left to its name. Taking the one
    country its own sentence names instead was measured too: no gain on the project gold, and
    wrong about half the time on the corpus.)"""
    if actor.sector not in GROUP_SECTORS or next_word in lex.group_other:
        return None
    found = _sector_countries(actor, history)
    return next(iter(found)) if len(found) == 1 else None


def _verb_like(word: str, lex: ActorLexicon) -> bool:
    """A word with a verb prefix ("mengecam") that is not one of the listed function words."""
    word = word.lower()
    return word not in lex.state_ref.get("before", frozenset()) and any(
        word.startswith(p) and len(word) > len(p) + 2
        for p in lex.state_ref.get("verb_prefix", frozenset()))


def _governs(between: str, lex: ActorLexicon) -> bool:
    """A country right before the verb whose object is the description ("Indonesia mengajak
    negara tersebut") is that verb's subject, so not what the description refers to; a verb of
    saying opens a clause instead ("Libya mengaku negara itu ...")."""
    words = between.split()
    if any(w.lower() in lex.coordination for w in words):
        return False                 # "kedaulatan Amerika dan membuat negara itu": another clause
    return 1 <= len(words) <= 2 and not re.search(r"[^\w\s-]", between) and \
        _verb_like(words[-1], lex) and words[-1].lower() not in lex.report_verbs and \
        words[-1].lower() not in lex.state_ref.get("clause_verb", frozenset())


class _Memory:
    """What the article has said so far, read in text order."""

    def __init__(self, doc: Document, lex: ActorLexicon, to_mention):
        self.doc, self.lex, self.to_mention = doc, lex, to_mention
        self.pos_of = {s.index: k for k, s in enumerate(doc.sentences)}
        self.history: list[tuple[int, int, Actor]] = []   # every resolved actor, in order
        self.persons: list[tuple[int, Actor]] = []        # (sentence index, person)
        self.subjects: list[tuple[int, Actor]] = []       # persons that opened their sentence
        self.titled: dict[str, Actor] = {}                # persons first named with a title
        self.sentence_persons: list[Actor] = []
        self.first_in_sentence = True
        self.subject_starts: set[int] = set()             # actors that opened their sentence
        self.sentence_starts = [s.start for s in doc.sentences]

    def start_sentence(self) -> None:
        self.sentence_persons = []
        self.first_in_sentence = True

    def mention(self, d, si: int, actor: Actor) -> ActorMention:
        return self.to_mention(d if actor is d.actor else replace(d, actor=actor), self.doc.text, si)

    def pronoun(self, d, si: int) -> ActorMention | None:
        fits = _FITS.get(d.refers or "person", _FITS["person"])
        order: list[Actor] = []
        if not _at_sentence_start(self.doc, self.pos_of[si], d.start):
            order += reversed(self.sentence_persons)
        near = self.pos_of[si] - PRONOUN_WINDOW
        order += [p for k, p in reversed(self.subjects) if self.pos_of.get(k, 0) >= near]
        order += [p for k, p in reversed(self.persons) if self.pos_of.get(k, 0) >= near]
        ref = next((a for a in order if fits(a)), None)
        if ref is None:
            return None
        return self.mention(d, si, replace(ref, text=d.actor.text))

    def pair(self, d, si: int) -> list[ActorMention]:
        refs = _pair_referents(d.refers or "any", self.history, self.doc.text, self.lex,
                               self.doc.sentences[self.pos_of[si]].start)
        return [self.mention(d, si, replace(ref, text=d.actor.text)) for ref in refs]

    def title(self, d, si: int) -> tuple[ActorMention, bool]:
        """A title used alone: its holder named earlier, else the title's usual country."""
        holder = None
        if d.actor.text[:1].isupper() and not d.qualified:
            holder = _title_holder(d.actor, [(0, a) for _, _, a in self.history
                                             if (a.country or a.org) and a.role])
        if holder is not None:
            return self.mention(d, si, replace(holder, text=d.actor.text)), True
        actor = d.actor
        if d.fallback_country and not d.qualified:
            actor = replace(actor, country=d.fallback_country, name=(
                f"{self.lex.country_names.get(d.fallback_country)} {actor.role}"))
        return self.mention(d, si, actor), False

    def institution(self, d, si: int) -> ActorMention:
        same = _same_institution(d.actor, self.history)
        actor = replace(d.actor, country=same.country, name=same.name) if same else d.actor
        return self.mention(d, si, actor)

    def group(self, d, si: int) -> ActorMention:
        """A bare group noun of a government or of armed or police forces: see ``_group_country``.
        A government that a name right after it qualifies ("pemerintahan Donald Trump") is that
        leader's, not the state's the article named before. (Forces keep their reading: the
        capitalised word after them is mostly a people, "militan Rohingya", "teroris Bengali".)"""
        following = re.match(r"\s*([\w]+)", self.doc.text[d.end:d.end + 40])
        next_word = following.group(1).lower() if following else ""
        named = d.actor.sector in NAMED_GROUP_SECTORS and following is not None and \
            following.group(1)[:1].isupper() and self.doc.text[d.end:d.end + 1] == " "
        country = None if named else _group_country(d.actor, self.history, next_word, self.lex)
        if country is None:
            return self.mention(d, si, d.actor)
        return self.mention(d, si, replace(d.actor, country=country, name=(
            f"{self.lex.country_names.get(country, country)} {d.actor.role or ''}".strip())))

    def _sentence_pos(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def _as_place(self, start: int) -> bool:
        words = self.doc.text[max(0, start - 30):start].replace(",", " ").lower().split()
        return bool(words) and (words[-1] in self.lex.place_cues
                                or " ".join(words[-2:]) in self.lex.place_cues)

    def _dateline(self, start: int, end: int) -> bool:
        """A place opening the story's first line ("Tokyo (ANTARA) -", "Jakarta, ... -")."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip() and bool(
            re.match(r"\s*[(,\-–—]", text[end:end + 3]))

    def _coordinated(self, end: int, starts: list[int]) -> bool:
        """A mention joined to the next one by "dan"/"serta" ("Mesir dan Yordania"): one of a
        plural subject, not the subject on its own."""
        k = bisect.bisect_left(starts, end)
        return k < len(starts) and \
            self.doc.text[end:starts[k]].strip().lower() in self.lex.coordination

    def state_ref(self, d, si: int) -> ActorMention | None:
        """A definite description of a state: the one country named as an actor in its sentence
        or the three before, leaving out the subject of the verb it is the object of
        ("Indonesia mengajak negara tersebut"). Among several: the one other country its own
        sentence names before it besides that sentence's subject ("Trump mengancam Oman jika
        negara itu ..."); when its sentence names none, the one country that opened sentences
        before (not as one of a pair, "Mesir dan Yordania"); else nothing. A country named as a
        place ("lahir di Suriah ketika negara itu ...") is never the referent, but it competes."""
        pos = self.pos_of[si]
        window = [(s, e, a.country) for s, e, a in self.history
                  if a.country and self._sentence_pos(s) >= pos - STATE_REF_WINDOW
                  and not self._dateline(s, e)]
        governing = {c for s, e, c in window if self._sentence_pos(s) == pos
                     and _governs(self.doc.text[e:d.start], self.lex)}
        starts = [s for s, _, _ in window]
        near = [(s, c, self._as_place(s)) for s, _, c in window if c not in governing]
        actors = {c for _, c, place in near if not place}
        countries = {c for _, c, _ in near}
        if len(countries) > 1:
            own = {c for s, c, _ in near
                   if self._sentence_pos(s) == pos and s not in self.subject_starts}
            subjects = {c for s, e, c in window
                        if c not in governing and self._sentence_pos(s) < pos
                        and s in self.subject_starts and not self._as_place(s)
                        and not self._coordinated(e, starts)}
            countries = own if own else subjects
        countries &= actors
        if len(countries) != 1:
            return None
        code = next(iter(countries))
        actor = Actor(text=d.actor.text, name=self.lex.country_names.get(code, code), country=code)
        return self.to_mention(replace(d, kind="country", actor=actor), self.doc.text, si)

    def remember(self, d, m: ActorMention, is_person: bool) -> None:
        a = m.actor
        if self.first_in_sentence:
            self.subject_starts.add(m.span.start)
        if is_person:
            self.sentence_persons.append(a)
            self.persons.append((m.sentence_index, a))
            if self.first_in_sentence:
                self.subjects.append((m.sentence_index, a))
        if m.kind == "person" and d.titled_person and d.head and a.name:
            self.titled.setdefault(a.name, a)
        self.history.append((m.span.start, m.span.end, a))
        self.first_in_sentence = False

    def resolve(self, d, si: int) -> list[ActorMention]:
        if d.kind == "pair":
            self.first_in_sentence = False
            return self.pair(d, si)
        is_person = d.kind in ("person", "pronoun")
        if d.kind == "pronoun":
            m = self.pronoun(d, si)
        elif d.kind == "state_ref":
            m = self.state_ref(d, si)
        elif d.kind == "office" and not d.actor.country and not d.actor.org:
            m, is_person = self.title(d, si)
        elif d.kind == "org" and not d.actor.country and not d.actor.org:
            m = self.institution(d, si)
        elif d.kind == "group" and not d.actor.country and not d.actor.org:
            m = self.group(d, si)
        elif d.kind == "person" and d.actor.name in self.titled:
            m = self.mention(d, si, replace(self.titled[d.actor.name], text=d.actor.text))
        else:
            m = self.mention(d, si, d.actor)
        if m is None:
            if d.kind == "state_ref":     # it still took the subject's place
                self.first_in_sentence = False
            return []
        self.remember(d, m, is_person)
        return [m]


def resolve_references(drafts_by_sentence, doc: Document, lex: ActorLexicon,
                       to_mention) -> tuple[ActorMention, ...]:
    """Turn per-sentence drafts into final mentions, resolving references in text order."""
    drafts_by_sentence = _later_surnames(drafts_by_sentence, doc, lex)
    drafts_by_sentence = _state_references(drafts_by_sentence, doc, lex)
    memory = _Memory(doc, lex, to_mention)
    out: list[ActorMention] = []
    for si, drafts in drafts_by_sentence:
        memory.start_sentence()
        for d in drafts:
            out.extend(memory.resolve(d, si))
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return tuple(out)
