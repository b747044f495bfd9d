"""Actor mentions: countries, organisations, offices and their holders, groups, persons.

The scanner finds dictionary words (``warta.resolve.actors``) with two Aho-Corasick automata
(one over the text as written, one over its lowercase form), keeps the longest non-overlapping
ones, then joins them into phrases by a small grammar of Indonesian noun phrases:

    TITLE/GROUP (filler | TITLE)* [COUNTRY | ORG] [NAME]      "Menteri Luar Negeri AS Marco Rubio"
    COUNTRY | ORG | PERSON                                     "Kamboja", "PBB", "Hun Sen"

Pronouns, bare surnames, titles used alone and plural references ("kedua negara") are resolved
afterwards by ``warta.resolve.coref``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from warta.lang import Language
from warta.model import Actor, ActorMention, Document, Span
from warta.resolve.actors import ActorLexicon, Entry, actor_lexicon, person_actor

_PRIORITY = {"person": 0, "org": 1, "country": 2, "pair": 3, "pronoun": 4, "office": 5, "group": 6}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\S")
_MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Atom:
    """One dictionary word found in the text (absolute offsets)."""
    start: int
    end: int
    entry: Entry

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass(frozen=True)
class Draft:
    """A provisional mention before coreference: the phrase and what it says."""
    start: int
    end: int
    kind: str
    actor: Actor
    head: tuple[int, int] | None = None
    refers: str | None = None        # pair: what it refers to
    titled_person: bool = False      # a person named after a title (remembered for later)


def _fold(text: str) -> str:
    """Lowercase without changing the length (so offsets stay valid)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def scan_atoms(text: str, lex: ActorLexicon, base: int = 0) -> list[Atom]:
    """Longest, non-overlapping dictionary words of ``text``, in order."""
    found: list[tuple[int, int, int, Entry]] = []
    for automaton, hay in ((lex.exact, text), (lex.folded, _fold(text))):
        if len(automaton) == 0:
            continue
        for end_idx, (length, entries) in automaton.iter(hay):
            start, end = end_idx - length + 1, end_idx + 1
            if not _bounded(text, start, end):
                continue
            entry = min(entries, key=lambda e: _PRIORITY[e.kind])
            found.append((start, end, _PRIORITY[entry.kind], entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    atoms: list[Atom] = []
    last_end = -1
    for start, end, _, entry in found:
        if start >= last_end:
            if entry.kind == "country" and _stopped(text, start, lex):
                continue
            atoms.append(Atom(start + base, end + base, entry))
            last_end = end
    return atoms


def _stopped(text: str, start: int, lex: ActorLexicon) -> bool:
    words = text[:start].split()
    return bool(words) and words[-1].lower() in lex.country_stop


def _gap_words(gap: str) -> list[str]:
    return _WORD.findall(gap)


def _filler_gap(gap: str, lex: ActorLexicon) -> bool:
    """Only spaces, parentheses and filler words between two parts of one phrase."""
    if "\n" in gap:
        return False
    for w in _gap_words(gap):
        if w in "()":
            continue
        if w.lower() not in lex.fillers:
            return False
    return True


def _capitalised_gap(gap: str, lex: ActorLexicon) -> bool:
    """Up to three capitalised words ("Keamanan Publik" in "Kementerian Keamanan Publik Laos")."""
    if "\n" in gap:
        return False
    words = _gap_words(gap)
    return 0 < len(words) <= 3 and all(w[0].isupper() and w not in lex.name_stop for w in words)


def name_after(text: str, pos: int, lex: ActorLexicon, particles: frozenset[str]) -> int | None:
    """End offset of a capitalised person name starting after one space at ``pos``, or None."""
    m = re.match(r"[ \t]{1,2}", text[pos:])
    if not m:
        return None
    i = pos + m.end()
    end = None
    count = 0
    for tok in re.finditer(r"\S+", text[i:]):
        raw = tok.group()
        word = raw.rstrip(",.;:!?)\"”’'")
        if word in particles or word == "-":
            if count == 0 or word != raw:
                break
            continue
        if not (word and word[0].isupper() and word[0].isalpha() and word not in lex.name_stop):
            break
        count += 1
        end = i + tok.start() + len(word)
        if word != raw or count >= _MAX_NAME_WORDS:
            break
    return end


def _particles(lang: Language) -> frozenset[str]:
    return frozenset(lang.lines("actor_name_particles.txt")) if lang.has(
        "actor_name_particles.txt") else frozenset()


def _country_actor(text: str, code: str, lex: ActorLexicon, sector=None, role=None) -> Actor:
    return Actor(text=text, name=lex.country_names.get(code, code), country=code, sector=sector,
                 role=role)


def _phrase(atoms: list[Atom], i: int, text: str, lex: ActorLexicon, particles, date):
    """Build the phrase that starts at ``atoms[i]``; returns (draft or None, next index)."""
    first = atoms[i]
    e = first.entry
    if e.kind == "country":
        return Draft(first.start, first.end, "country",
                     _country_actor(text[first.start:first.end], e.country, lex)), i + 1
    if e.kind == "org":
        actor = Actor(text=text[first.start:first.end], name=e.name, country=e.country,
                      sector=e.sector, org=e.org, role=e.role)
        return Draft(first.start, first.end, "org", actor), i + 1
    if e.kind == "person":
        actor = person_actor(text[first.start:first.end], e.surface, lex, date)
        return Draft(first.start, first.end, "person", actor,
                     titled_person=True), i + 1
    if e.kind in ("pronoun", "pair"):
        return Draft(first.start, first.end, e.kind, Actor(text=text[first.start:first.end]),
                     refers=e.refers), i + 1
    return _titled_phrase(atoms, i, text, lex, particles, date)


def _titled_phrase(atoms, i, text, lex, particles, date):
    """TITLE/GROUP chain, then a country or organisation, then a name."""
    first = atoms[i]
    chain = [first]
    country_atom = org_atom = person_atom = None
    end = first.end
    j = i + 1
    while j < len(atoms):
        b = atoms[j]
        gap = text[end:b.start]
        joined = _filler_gap(gap, lex) or (
            b.kind in ("country", "org") and _capitalised_gap(gap, lex))
        if not joined:
            break
        if b.kind in ("office", "group") and country_atom is None and org_atom is None \
                and not (b.kind == "group" and first.kind == "group" and gap.strip()):
            chain.append(b)
        elif b.kind == "country" and country_atom is None and org_atom is None:
            country_atom = b
        elif b.kind == "org" and country_atom is None and org_atom is None:
            org_atom = b
        elif b.kind == "person" and first.kind == "office" and not gap.strip():
            person_atom = b
            end = b.end
            j += 1
            break
        else:
            break
        end = b.end
        j += 1
    posts = [a for a in chain if a.kind == "office" and a.entry.office_kind == "office"]
    name_end = None
    if person_atom is None and posts and chain[-1].kind == "office" or (
            person_atom is None and posts and (country_atom or org_atom)):
        name_end = name_after(text, end, lex, particles)
        if name_end is not None and j < len(atoms) and atoms[j].start < name_end:
            if atoms[j].kind == "person" and atoms[j].end <= name_end + 0:
                person_atom, name_end = atoms[j], None
                end = person_atom.end
                j += 1
            else:
                name_end = None
    head = (first.start, chain[-1].end)
    title_entry = (posts or chain)[0].entry
    role = title_entry.role
    sector = title_entry.sector
    country = org = None
    name = None
    if country_atom is not None:
        country = country_atom.entry.country
        name = lex.country_names.get(country, country)
    elif org_atom is not None:
        oe = org_atom.entry
        country, org, name = oe.country, oe.org, oe.name
        if first.kind == "office" and oe.org and oe.sector:
            sector = oe.sector
    if person_atom is not None or name_end is not None:
        p_start, p_end = (person_atom.start, person_atom.end) if person_atom else (end + 1, name_end)
        while text[p_start] == " ":
            p_start += 1
        known = person_actor(text[p_start:p_end], person_atom.entry.surface, lex, date) \
            if person_atom else None
        if known is not None and country is None and org is None:
            country, org = known.country, known.org
        if country is None and org is None:
            country = next((a.entry.default_country for a in chain if a.entry.default_country), None)
        pname = known.name if known else text[p_start:p_end]
        actor = Actor(text=text[first.start:p_end], name=pname, country=country,
                      sector=sector or (known.sector if known else None), org=org, role=role)
        return Draft(first.start, p_end, "person", actor, head=(p_start, p_end),
                     titled_person=True), j
    if country is None and org is None:
        country = next((a.entry.default_country for a in chain if a.entry.default_country), None)
        if country:
            name = lex.country_names.get(country, country)
    if first.kind == "group":
        kind = "demonym" if country else "group"
    else:
        kind = "office" if posts else "org"
    if name and role and first.kind == "office":
        name = f"{name} {role}"
    actor = Actor(text=text[first.start:end], name=name or role, country=country, sector=sector,
                  org=org, role=role)
    h = head if (head[1] - head[0]) < (end - first.start) else None
    return Draft(first.start, end, kind, actor, head=h), j


def _coordinated(drafts: list[Draft], text: str, lex: ActorLexicon) -> list[Draft]:
    """"menteri luar negeri Azerbaijan dan Armenia": the second country takes the first's title."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (d.kind == "country" and prev is not None and prev.kind in ("office", "demonym", "org")
                and prev.actor.country and prev.actor.role):
            gap = text[prev.end:d.start].strip().lower()
            if gap in lex.coordination:
                actor = replace(prev.actor, text=d.actor.text, country=d.actor.country,
                                name=f"{d.actor.name} {prev.actor.role}" if prev.kind != "demonym"
                                else d.actor.name)
                d = replace(d, kind=prev.kind, actor=actor)
        out.append(d)
    return out


def _apposed(drafts: list[Draft], text: str) -> list[Draft]:
    """"Ketua Senat Kamboja, Hun Sen": a title with a country, a comma, then the holder's name."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (d.kind == "person" and prev is not None and prev.kind == "office"
                and prev.actor.country and text[prev.end:d.start].strip() == ","
                and d.actor.country in (None, prev.actor.country)):
            actor = replace(d.actor, text=text[prev.start:d.end], country=prev.actor.country,
                            org=None, role=prev.actor.role, sector=prev.actor.sector)
            out[-1] = replace(d, start=prev.start, actor=actor,
                              head=d.head or (d.start, d.end), titled_person=True)
            continue
        out.append(d)
    return out


def _counted(text: str, start: int, lex: ActorLexicon) -> bool:
    words = text[max(0, start - 40):start].split()
    return bool(words) and (any(c.isdigit() for c in words[-1]) or words[-1].lower() in lex.count_words)


def _inherit_reported(drafts: list[Draft], text: str, lex: ActorLexicon) -> list[Draft]:
    """A counted group without a country ("41 warga sipil") after "X mengatakan" takes X's country."""
    out = list(drafts)
    for k, d in enumerate(out):
        if d.kind != "group" or d.actor.country or not _counted(text, d.start, lex):
            continue
        for prev in reversed(out[:k]):
            if not prev.actor.country or prev.kind in ("pair", "pronoun"):
                continue
            between = _fold(text[prev.end:d.start]).split()
            if between and between[0] in lex.report_verbs:
                out[k] = replace(d, kind="demonym", actor=replace(
                    d.actor, country=prev.actor.country,
                    name=lex.country_names.get(prev.actor.country, prev.actor.country)))
                break
    return out


def sentence_drafts(text: str, start: int, end: int, lex: ActorLexicon, particles,
                    date: str | None) -> list[Draft]:
    """Provisional mentions of one sentence ``text[start:end]`` (offsets into ``text``)."""
    atoms = scan_atoms(text[start:end], lex, base=start)
    drafts: list[Draft] = []
    i = 0
    while i < len(atoms):
        draft, i = _phrase(atoms, i, text, lex, particles, date)
        if draft is not None and draft.actor is not None:
            drafts.append(draft)
    drafts = _apposed(_coordinated(drafts, text, lex), text)
    return _inherit_reported(drafts, text, lex)


def phrase_mentions(text: str, lang: Language, date: str | None = None) -> list[ActorMention]:
    """Mentions in a single string, without coreference (for ``resolve_actor_text``)."""
    lex = actor_lexicon(lang)
    drafts = sentence_drafts(text, 0, len(text), lex, _particles(lang), date)
    return [_to_mention(d, text, 0) for d in drafts if d.kind not in ("pronoun", "pair")]


def _to_mention(d: Draft, text: str, sentence_index: int) -> ActorMention:
    head = Span(d.head[0], d.head[1], text[d.head[0]:d.head[1]]) if d.head else None
    return ActorMention(span=Span(d.start, d.end, text[d.start:d.end]),
                        sentence_index=sentence_index, actor=d.actor, kind=d.kind, head=head)


def extract_actors(doc: Document, lang: Language) -> tuple[ActorMention, ...]:
    """Every actor mention of the document, sorted by start, with in-article coreference."""
    from warta.resolve.coref import resolve_references
    lex = actor_lexicon(lang)
    particles = lang.compiled("actor_name_particles", _particles)
    date = doc.article.published
    text = doc.text
    per_sentence: list[tuple[int, list[Draft]]] = []
    for s in doc.sentences:
        per_sentence.append((s.index, sentence_drafts(text, s.start, s.end, lex, particles, date)))
    return resolve_references(per_sentence, doc, lex, _to_mention)
