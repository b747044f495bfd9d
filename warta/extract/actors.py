"""Actor mentions: countries, organisations, offices and their holders, groups, persons.

The scanner finds dictionary words (``warta.resolve.actors``: written forms and lowercase forms)
with one Aho-Corasick automaton over the lowercased text, keeps the longest non-overlapping ones,
then joins them into phrases by a small grammar of Indonesian noun phrases:

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
from warta.resolve.actors import (ActorLexicon, Entry, actor_lexicon, fold_each, person_actor,
                                  resolve_actor_text)

__all__ = ["extract_actors", "phrase_mentions", "resolve_actor_text", "scan_atoms"]

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
    fallback_country: str | None = None  # a title's usual country when nobody holds it here
    qualified: bool = False          # followed by a name we could not read ("Presiden FIFA")


_FINAL_SIGMA_SOURCE = "\u03a3"   # the one capital whose lowercase depends on its neighbours


def _fold(text: str) -> str:
    """Lowercase without changing the length (so offsets stay valid): each character on its own,
    one whose lowercase is longer ("İ") kept as written.

    ``str.lower`` gives the same string when no character grows (the total length is unchanged)
    and no capital sigma is present (the only context-dependent mapping), which is nearly always;
    otherwise the characters are mapped one by one."""
    low = text.lower()
    if len(low) == len(text) and (text.isascii() or _FINAL_SIGMA_SOURCE not in text):
        return low
    return fold_each(text)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def scan_atoms(text: str, lex: ActorLexicon, base: int = 0, folded: str | None = None) -> list[Atom]:
    """Longest, non-overlapping dictionary words of ``text``, in order. ``folded`` is
    ``_fold(text)`` when the caller has it already."""
    found = _dictionary_words(text, lex, _fold(text) if folded is None else folded)
    if not found:
        return []
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    atoms: list[Atom] = []
    last_end = -1
    for start, end, _, entry in found:
        if start >= last_end:
            if entry.kind == "country" and _stopped(text, start, lex):
                continue
            atoms.append(Atom(start + base, end + base, entry))
            last_end = end
    return [a for k, a in enumerate(atoms)
            if not (a.kind == "person" and " " not in a.entry.surface
                    and _inside_name(text, a.start - base)
                    and not (k > 0 and text[atoms[k - 1].end - base:a.start - base].strip() == ""))]


def _preferred(entries: tuple[Entry, ...]) -> Entry:
    return entries[0] if len(entries) == 1 else min(entries, key=lambda e: _PRIORITY[e.kind])


def _dictionary_words(text: str, lex: ActorLexicon, folded: str) -> list[tuple[int, int, int, Entry]]:
    """(start, end, priority, entry) of every bounded dictionary word: the written forms of
    the dictionary and its lowercase forms, found in one pass of ``lex.both`` over ``folded``."""
    found: list[tuple[int, int, int, Entry]] = []
    for end_idx, (length, ci, cs) in lex.both.iter(folded):
        start, end = end_idx - length + 1, end_idx + 1
        # ``_bounded`` written out, the character before first: four in five matches are short
        # keys inside a longer word ("as" in "pasukan") and fail there
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        for surface, entries in cs:
            if text.startswith(surface, start):
                entry = _preferred(entries)
                found.append((start, end, _PRIORITY[entry.kind], entry))
        if ci:
            entry = _preferred(ci)
            found.append((start, end, _PRIORITY[entry.kind], entry))
    return found


def _inside_name(text: str, start: int) -> bool:
    """A one-word name right after another capitalised word ("Bandar Abbas") is part of a longer
    name, not the person the dictionary knows."""
    return after_capitalised_word(text[:start], ".!?\"“”")


NAME_BREAKS = ",.;:!?\"”)"   # a word ending in one of these closes the name before it


def after_capitalised_word(before: str, sentence_ends: str) -> bool:
    """Whether ``before`` ends, after a space, with a capitalised word that is not the first of its
    sentence (the word before it does not end in one of ``sentence_ends``) and that no
    punctuation closes: the name that follows continues a longer name."""
    if not before.endswith(" "):
        return False
    words = before.rsplit(None, 2)      # the last two words (the rest stays in one piece)
    if len(words) < 2:
        return False
    prev = words[-1]
    if not prev[:1].isupper() or prev[-1:] in NAME_BREAKS:
        return False
    return words[-2][-1:] not in sentence_ends


def _stopped(text: str, start: int, lex: ActorLexicon) -> bool:
    words = text[:start].rsplit(None, 1)
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


_WORD_START = re.compile(r"(?<!\S)\S")    # the first character of each word of ``str.split()``


def _title_case_line(text: str, phrase_start: int, pos: int) -> bool:
    """The line around ``pos`` is a headline in Title Case, where capitals say nothing of names
    (the words of the title phrase itself, ``phrase_start``..``pos``, are not counted)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:phrase_start] + " " + text[pos:end if end >= 0 else len(text)]
    firsts = list(filter(str.isalpha, _WORD_START.findall(line)))   # of words that begin with a letter
    if len(firsts) < 5:
        return False
    return sum(map(str.isupper, firsts)) / len(firsts) > 0.6


def person_name_after(text: str, pos: int, lex: ActorLexicon, particles: frozenset[str]
                      ) -> int | None:
    """Like ``name_after``, but not when the words are an acronym ("Presiden FIFA") or start
    with a place word ("Presiden Kepulauan Canary")."""
    end = name_after(text, pos, lex, particles)
    if end is None:
        return None
    first = text[pos:end].split()[0]
    if (len(first) >= 2 and first.isupper()) or first.lower() in lex.place_cues:
        return None
    return end


_SPACE_RUN = re.compile(r"\s*")
_NAME_GAP = re.compile(r"[ \t]{1,2}")
_NON_SPACE = re.compile(r"\S+")


def name_after(text: str, pos: int, lex: ActorLexicon, particles: frozenset[str]) -> int | None:
    """End offset of a capitalised person name starting after one space at ``pos``, or None."""
    m = _NAME_GAP.match(text, pos)
    if not m:
        return None
    end = None
    count = 0
    for tok in _NON_SPACE.finditer(text, m.end()):
        raw = tok.group()
        word = raw.rstrip(",.;:!?)\"”’'")
        if word in particles or word == "-":
            if count == 0 or word != raw:
                break
            continue
        if not (word and word[0].isupper() and word[0].isalpha() and word not in lex.name_stop):
            break
        count += 1
        end = tok.start() + len(word)
        if word != raw or count >= _MAX_NAME_WORDS:
            break
    return end


def _particles(lang: Language) -> frozenset[str]:
    return frozenset(lang.lines("actor_name_particles.txt")) if lang.has(
        "actor_name_particles.txt") else frozenset()


def _country_actor(text: str, code: str, lex: ActorLexicon, sector=None, role=None) -> Actor:
    return Actor(text=text, name=lex.country_names.get(code, code), country=code, sector=sector,
                 role=role)


def _capital_as_actor(text: str, start: int, end: int, lex: ActorLexicon) -> bool:
    """"Beijing menolak" stands for China's government; "di Beijing" and "Paris Saint-Germain"
    do not."""
    before = _fold(text[max(0, start - 30):start]).replace(",", " ").split()
    if before and (before[-1] in lex.place_cues or " ".join(before[-2:]) in lex.place_cues):
        return False
    after = text[end:end + 30].split()
    if text[end:end + 1] == " " and after and after[0][:1].isupper():
        return False
    if before and text[start - 1:start] == " " and not _sentence_initial(text, start):
        prev = text[max(0, start - 30):start].split()[-1]
        if prev[:1].isupper() and prev[-1:] not in ",.;:!?\"”)":
            return False
    return True


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but white space before ``start``, or the last thing before it ends a sentence."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in ".!?\"“”"


def _phrase(atoms: list[Atom], i: int, text: str, lex: ActorLexicon, particles, date):
    """Build the phrase that starts at ``atoms[i]``; returns (draft or None, next index)."""
    first = atoms[i]
    e = first.entry
    if e.kind == "country":
        if e.capital and not _capital_as_actor(text, first.start, first.end, lex):
            return None, i + 1
        return Draft(first.start, first.end, "country",
                     _country_actor(text[first.start:first.end], e.country, lex,
                                    sector=e.sector)), i + 1
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


@dataclass
class _Chain:
    """The parts of a TITLE/GROUP phrase as they are read left to right."""
    titles: list[Atom]
    end: int
    next_atom: int
    country: Atom | None = None
    org: Atom | None = None
    person: Atom | None = None

    @property
    def first(self) -> Atom:
        return self.titles[0]

    @property
    def posts(self) -> list[Atom]:
        return [a for a in self.titles if a.kind == "office" and a.entry.office_kind == "office"]

    def default_country(self) -> str | None:
        return next((a.entry.default_country for a in self.titles if a.entry.default_country),
                    None)


def _read_chain(atoms: list[Atom], i: int, text: str, lex: ActorLexicon) -> _Chain:
    """Titles and group nouns, then a country or organisation, then a known person."""
    c = _Chain([atoms[i]], atoms[i].end, i + 1)
    while c.next_atom < len(atoms):
        b = atoms[c.next_atom]
        gap = text[c.end:b.start]
        if not (_filler_gap(gap, lex) or (b.kind in ("country", "org")
                                          and _capitalised_gap(gap, lex))):
            break
        open_slot = c.country is None and c.org is None
        if b.kind in ("office", "group") and open_slot and not (
                b.kind == "group" and c.first.kind == "group" and gap.strip()):
            c.titles.append(b)
        elif b.kind == "country" and open_slot:
            c.country = b
        elif b.kind == "org" and open_slot:
            c.org = b
        elif b.kind == "person" and c.first.kind == "office" and not gap.strip():
            c.person, c.end, c.next_atom = b, b.end, c.next_atom + 1
            break
        else:
            break
        c.end, c.next_atom = b.end, c.next_atom + 1
    if c.end < len(text) and text[c.end] == ")" and "(" in text[c.first.start:c.end]:
        c.end += 1
    _skip_abbreviation(c, atoms, text)
    return c


_ABBREVIATION = re.compile(r" ?\(([^()\n]{1,30})\)")


def _skip_abbreviation(c: _Chain, atoms: list[Atom], text: str) -> None:
    """"Menteri Luar Negeri Amerika Serikat (Menlu AS) Marco Rubio": read past the bracket."""
    m = _ABBREVIATION.match(text, c.end)
    if not m or c.person is not None or not all(w[:1].isupper() for w in m.group(1).split()):
        return
    c.end = m.end()
    while c.next_atom < len(atoms) and atoms[c.next_atom].start < c.end:
        c.next_atom += 1
    if c.next_atom < len(atoms) and atoms[c.next_atom].kind == "person" and \
            c.first.kind == "office" and not text[c.end:atoms[c.next_atom].start].strip():
        c.person = atoms[c.next_atom]
        c.end = c.person.end
        c.next_atom += 1


def _read_name(c: _Chain, atoms: list[Atom], text: str, lex: ActorLexicon, particles
               ) -> int | None:
    """End of an unknown person's name after the titles, or None (may set ``c.person``)."""
    if c.person is not None or not c.posts:
        return None
    if c.titles[-1].kind != "office" and not (c.country or c.org):
        return None
    if _title_case_line(text, c.first.start, c.end):
        return None            # a headline: "Presiden Meksiko Alami Pelecehan Seksual"
    name_end = person_name_after(text, c.end, lex, particles)
    if name_end is None or not (c.next_atom < len(atoms) and atoms[c.next_atom].start < name_end):
        return name_end
    nxt = atoms[c.next_atom]
    if nxt.kind == "person" and nxt.end <= name_end:
        c.person, c.end, c.next_atom = nxt, nxt.end, c.next_atom + 1
    return None


def _person_draft(c: _Chain, name_end: int | None, text: str, lex: ActorLexicon, date,
                  place_country: str | None, country, org, sector) -> Draft:
    """A titled person: "Menteri Luar Negeri AS Marco Rubio", "Dubes Buakeo"."""
    p_start, p_end = (c.person.start, c.person.end) if c.person else (c.end + 1, name_end)
    while text[p_start] == " ":
        p_start += 1
    known = person_actor(text[p_start:p_end], c.person.entry.surface, lex, date) \
        if c.person else None
    if known is not None and country is None and org is None:
        country, org = known.country, known.org
    if country is None and org is None:
        country = place_country or c.default_country()
    role = (c.posts or c.titles)[0].entry.role
    actor = Actor(text=text[c.first.start:p_end], name=known.name if known else text[p_start:p_end],
                  country=country, sector=sector or (known.sector if known else None), org=org,
                  role=role)
    return Draft(c.first.start, p_end, "person", actor, head=(p_start, p_end), titled_person=True)


def _titled_phrase(atoms, i, text, lex, particles, date):
    """TITLE/GROUP chain, then a country, organisation or place, then a name."""
    c = _read_chain(atoms, i, text, lex)
    place_country = None
    if c.country is None and c.org is None and c.person is None and any(
            a.entry.takes_place for a in c.titles):
        place_end, place_country = _place_after(text, c.end, lex, particles, atoms, c.next_atom)
        if place_country:
            c.end = place_end
    name_end = _read_name(c, atoms, text, lex, particles)
    title_entry = (c.posts or c.titles)[0].entry
    role, sector = title_entry.role, title_entry.sector
    country = org = name = None
    if c.country is not None:
        country = c.country.entry.country
        name = lex.country_names.get(country, country)
    elif c.org is not None:
        oe = c.org.entry
        country, org, name = oe.country, oe.org, oe.name
        if c.first.kind == "office" and oe.sector and (oe.org or sector == "GOV"):
            sector = oe.sector     # "juru bicara Hamas" speaks for a rebel group, not a state
    if c.person is not None or name_end is not None:
        return _person_draft(c, name_end, text, lex, date, place_country, country, org,
                             sector), c.next_atom
    fallback = None
    if country is None and org is None:
        if c.posts and not place_country:
            fallback = c.default_country()   # "Menlu" alone: first look for a holder in the article
        else:
            country = place_country or c.default_country()
        if country:
            name = lex.country_names.get(country, country)
    if c.first.kind == "group":
        kind = "demonym" if country else "group"
    else:
        kind = "office" if c.posts else "org"
    if name and role and c.first.kind == "office":
        name = f"{name} {role}"
    start, end = c.first.start, c.end
    actor = Actor(text=text[start:end], name=name or role, country=country, sector=sector,
                  org=org, role=role)
    head_end = c.titles[-1].end
    nxt = text[end:end + 40].split()
    return Draft(start, end, kind, actor, head=(start, head_end) if head_end < end else None,
                 fallback_country=fallback,
                 qualified=text[end:end + 1] == " " and bool(nxt) and nxt[0][:1].isupper()
                 ), c.next_atom


def _place_after(text: str, end: int, lex: ActorLexicon, particles, atoms, j: int):
    """A place named right after an institution ("Kementerian Kesehatan Gaza", "Gubernur Jawa
    Barat"): (end of the place, its country), or (end, None)."""
    from warta.resolve.places import known_place
    stop = name_after(text, end, lex, particles)
    if stop is None or (j < len(atoms) and atoms[j].start < stop):
        return end, None
    words_start = _SPACE_RUN.match(text, end).end()
    words = text[words_start:stop].split()
    for n in range(min(3, len(words)), 0, -1):
        candidate = " ".join(words[:n])
        country = known_place(candidate, lex)
        if country:
            return words_start + len(candidate), country
    return end, None


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


def _modifier_group(d: Draft, text: str, lex: ActorLexicon) -> bool:
    """A bare group word used as a modifier ("operasi militer", "kamp pengungsi")."""
    if d.kind != "group" or d.actor.country or d.actor.org:
        return False
    words = _fold(text[max(0, d.start - 30):d.start]).split()
    return bool(words) and words[-1] in lex.group_heads


_NAME = r"[A-Z][\w'’-]+(?: (?:al-|bin |el-)?[A-Z][\w'’-]+){1,3}"
_NAME_BEFORE = re.compile(r"(" + _NAME + r"),\s*$")
_NAME_AFTER = re.compile(r"^,\s*(" + _NAME + r")(?=\s*[,.;)]|\s+[a-z]|$)")


def _named_in_apposition(drafts: list[Draft], text: str, start: int, end: int,
                         lex: ActorLexicon) -> list[Draft]:
    """A name beside a title with a country: "Avichay Adraee, juru bicara militer Israel," and
    "juru bicara militer Israel, Avichay Adraee," name one person."""
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        if d.kind != "office" or not (d.actor.country or d.actor.org):
            out.append(d)
            continue
        lo = out[-1].end if out else start
        hi = drafts[k + 1].start if k + 1 < len(drafts) else end
        before = _NAME_BEFORE.search(text[lo:d.start])
        after = _NAME_AFTER.match(text[d.end:hi])
        if before and _plain_name(before.group(1), lex) and not _placed(
                text, lo + before.start(1), before.group(1), lex):
            n0, n1 = lo + before.start(1), lo + before.end(1)
            out.append(_named(d, text, n0, n1, n0, d.end))
        elif after and _plain_name(after.group(1), lex) and not _placed(
                text, d.end + after.start(1), after.group(1), lex):
            n0, n1 = d.end + after.start(1), d.end + after.end(1)
            out.append(_named(d, text, n0, n1, d.start, n1))
        else:
            out.append(d)
    return out


def _placed(text: str, start: int, name: str, lex: ActorLexicon) -> bool:
    """The words are a place ("di Phnom Penh, Kepala Staf ..."), not a person's name."""
    from warta.resolve.places import known_place
    words = _fold(text[max(0, start - 30):start]).split()
    return (bool(words) and words[-1] in lex.place_cues) or known_place(name, lex) is not None


def _plain_name(name: str, lex: ActorLexicon) -> bool:
    return not any(w in lex.name_stop for w in name.split())


def _named(d: Draft, text: str, n0: int, n1: int, start: int, end: int) -> Draft:
    actor = replace(d.actor, text=text[start:end], name=text[n0:n1])
    return replace(d, start=start, end=end, kind="person", actor=actor, head=(n0, n1),
                   titled_person=True, fallback_country=None, qualified=False)


def _apposed(drafts: list[Draft], text: str) -> list[Draft]:
    """"Ketua Senat Kamboja, Hun Sen": a title with a country, a comma, then the holder's name."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (d.kind == "person" and prev is not None and prev.kind == "office"
                and prev.actor.country and text[prev.end:d.start].strip() in (",", "")
                and "\n" not in text[prev.end:d.start]
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
    if not words:
        return False
    return any(c.isdigit() for c in words[-1]) or words[-1].lower() in lex.count_words


def _inherit_reported(drafts: list[Draft], text: str, lex: ActorLexicon) -> list[Draft]:
    """A counted group without a country ("41 warga sipil") after "X mengatakan" takes X's
    country."""
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
                    date: str | None, folded: str | None = None) -> list[Draft]:
    """Provisional mentions of one sentence ``text[start:end]`` (offsets into ``text``);
    ``folded`` is ``_fold(text)`` when the caller has it already."""
    atoms = scan_atoms(text[start:end], lex, base=start,
                       folded=None if folded is None else folded[start:end])
    if not atoms:
        return []
    drafts: list[Draft] = []
    i = 0
    while i < len(atoms):
        draft, i = _phrase(atoms, i, text, lex, particles, date)
        if draft is not None and draft.actor is not None:
            drafts.append(draft)
    drafts = [d for d in drafts if not _modifier_group(d, text, lex)]
    drafts = _named_in_apposition(_coordinated(drafts, text, lex), text, start, end, lex)
    drafts = _apposed(drafts, text)
    return _inherit_reported(drafts, text, lex)


def phrase_mentions(text: str, lang: Language, date: str | None = None) -> list[ActorMention]:
    """Mentions in a single string, without coreference (for ``resolve_actor_text``)."""
    lex = actor_lexicon(lang)
    drafts = sentence_drafts(text, 0, len(text), lex, _particles(lang), date)
    drafts = [replace(d, actor=replace(d.actor, country=d.fallback_country, name=(
        f"{lex.country_names.get(d.fallback_country)} {d.actor.role}")))
        if d.fallback_country and not d.actor.country else d for d in drafts]
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
    folded = _fold(text)          # once per article; character by character, so slices agree
    per_sentence: list[tuple[int, list[Draft]]] = []
    for s in doc.sentences:
        per_sentence.append((s.index, sentence_drafts(text, s.start, s.end, lex, particles, date,
                                                      folded)))
    return resolve_references(per_sentence, doc, lex, _to_mention)
