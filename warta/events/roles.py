"""Who did it to whom: source and target of a trigger from the sentence's structure.

The sentence's actor mentions become *slots* (one per span; a plural mention such as "kedua negara"
is one slot holding every referent). Roles come from word order and the word before a slot:
the slot before an active verb is its source and the one after it (or after "terhadap", "kepada",
"dengan"…) its target; a passive verb ("diserang oleh") flips them; an event noun takes a following
genitive actor as source ("serangan Israel"); "antara X dan Y", coordinated subjects and plural
mentions give both sides of a two-sided event. A possessed event noun belongs to its clause's
subject, a speaker included ("X mengatakan serangan udaranya terhadap Y"), and a meeting in a
clause with no subject of its own to the person the sentence is about ("X … usai bertemu Y").
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from warta.events.lexicon import EventLexicon, strip_clitic, voice_of
from warta.events.triggers import TriggerMatch
from warta.model import Actor, ActorMention, PlaceMention, Sentence, Span

TARGET_PREPS = frozenset({"target", "partner", "joint"})
JOINT_PARTNER_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})   # "bertemu bersama X": X is met
WINDOW_AFTER = 14
PAIR_JOINERS = frozenset({"partner", "target", "joint"})   # "antara X dengan Y", "antara X melawan Y"


@dataclass(frozen=True)
class Slot:
    """Actors of one span in a sentence, with the token range they cover."""
    first: int
    last: int
    span: Span
    actors: tuple[Actor, ...]
    kind: str
    prep: str | None     # role of the word just before the slot (target, partner, agent, pair, place…)

    @property
    def resolved(self) -> bool:
        return any(a.country or a.org for a in self.actors)


@dataclass(frozen=True)
class Roles:
    """One (source, target) reading of a trigger; ``distance`` in tokens to the farthest actor."""
    source: Actor | None
    target: Actor | None
    source_span: Span | None
    target_span: Span | None
    distance: int
    target_is_place: bool = False    # the target is where it happened ("menangkap … di Johor")
    mutual: bool = False             # both sides from one plural or "antara X dan Y": a two-sided event
    target_prep: str | None = None   # the role word before the target ("ke Damaskus": target)


@dataclass(frozen=True)
class SentenceView:
    """A sentence with its words and actor slots, built once and shared by all its triggers."""
    sentence: Sentence
    words: tuple[str, ...]
    slots: tuple[Slot, ...]
    excluded: frozenset[int]    # slot indexes used by attribution ("kata X")
    speakers: dict[int, tuple[int, ...]]   # slot index → token indexes of "X mengatakan" cues it speaks


def token_index(sentence: Sentence, offset: int) -> int:
    starts = [t.start for t in sentence.tokens]
    return max(0, bisect_right(starts, offset) - 1)


def build_slots(sentence: Sentence, mentions: tuple[ActorMention, ...], words: tuple[str, ...],
                lexicon: EventLexicon, places: tuple[PlaceMention, ...] = ()) -> tuple[Slot, ...]:
    """Slots of the sentence's actor mentions, and of its place mentions that no actor covers
    (a place can be the target: "menyerang Gaza", "bantuan ke Gaza")."""
    groups: dict[tuple[int, int], list] = {}
    for m in mentions:
        if not _names_other_place(m, places):
            groups.setdefault((m.span.start, m.span.end), []).append(m)
    for p in places:
        if p.place.country and not any(a <= p.span.start < b or p.span.start <= a < p.span.end
                                       for a, b in groups):
            actor = Actor(text=p.span.text, name=p.place.name, country=p.place.country)
            groups[(p.span.start, p.span.end)] = [ActorMention(p.span, p.sentence_index, actor, "place")]
    starts = [t.start for t in sentence.tokens]
    ends = [t.end for t in sentence.tokens]
    slots = []
    for (start, end), ms in sorted(groups.items()):
        first = max(0, bisect_right(starts, start) - 1)
        last = max(first, bisect_left(ends, end))
        prep = _preposition(words, first, lexicon)
        if prep == "partner" and ms[0].kind == "country" and _after_border(words, first, lexicon) and \
                any(o.prep == "place" and o.kind != "place" for o in slots):
            prep = "place"       # "di Ukraina, dekat perbatasan dengan Rumania": where, once more
        actors = tuple(dict.fromkeys(m.actor for m in ms))
        slots.append(Slot(first, min(last, len(words) - 1), ms[0].span, actors, ms[0].kind, prep))
    # drop slots nested inside a longer one
    return tuple(s for s in slots
                 if not any(o is not s and o.first <= s.first and s.last <= o.last and
                            (o.last - o.first) > (s.last - s.first) for o in slots))


def _names_other_place(mention: ActorMention, places: tuple[PlaceMention, ...]) -> bool:
    """A country's name inside a longer place name that is not that country's: a sea or strait
    ("Laut China Selatan", "Selat Taiwan") is where something happens, not the state."""
    span = mention.span
    return any(p.span.start <= span.start and span.end <= p.span.end and
               p.span.end - p.span.start > span.end - span.start and p.place.country != mention.actor.country
               for p in places)


def _preposition(words: tuple[str, ...], first: int, lexicon: EventLexicon) -> str | None:
    """The role the word before a slot gives it, looking past up to three place nouns
    ("ke perbatasan Ukraina")."""
    i = first - 1
    while i >= 0 and first - i <= 4 and (words[i] in lexicon.place_nouns or words[i] == "-"):
        i -= 1
    return lexicon.prepositions.get(words[i]) if i >= 0 else None


BORDER_REACH = 3     # words between a border noun and "dengan": "perbatasan sungai dengan Rumania"


def _after_border(words: tuple[str, ...], first: int, lexicon: EventLexicon) -> bool:
    """A country named as a neighbour: "di perbatasan dengan Rumania", "berbatasan dengan Malaysia".
    (Only after the sentence has said in which country: "menyiagakan pasukan di perbatasan dengan
    Korea Utara" is aimed at Korea Utara.)"""
    return any(w in lexicon.border_nouns for w in words[max(0, first - 2 - BORDER_REACH):first - 1])


def _barrier_between(view: SentenceView, lo: int, hi: int, lexicon: EventLexicon) -> bool:
    return any(lexicon.prepositions.get(view.words[i]) == "barrier" for i in range(lo, hi))


def _coordinated(view: SentenceView, left: Slot, right: Slot, lexicon: EventLexicon) -> bool:
    between = view.words[left.last + 1:right.first]
    return 0 < len(between) <= 2 and all(w in lexicon.coordinators for w in between)


def _chain(view: SentenceView, start: int, lexicon: EventLexicon) -> list[int]:
    """Slot ``start`` and the slots coordinated after it ("A dan B", "A, B serta C")."""
    chain = [start]
    slots = view.slots
    while chain[-1] + 1 < len(slots) and _coordinated(view, slots[chain[-1]], slots[chain[-1] + 1], lexicon):
        chain.append(chain[-1] + 1)
    return chain


def _co_doers(view: SentenceView, start: int, lexicon: EventLexicon) -> list[int]:
    """Slots joined to slot ``start`` as one side: "AS dan Israel", "AS-Israel" (a comma alone may
    close a clause: "serangan Hamas, Israel mengklaim …")."""
    out, slots = [], view.slots
    i = start
    while i + 1 < len(slots):
        between = view.words[slots[i].last + 1:slots[i + 1].first]
        one_word = slots[i + 1].first <= slots[i].last          # "AS-Israel" is one token
        joined = 0 < len(between) <= 2 and between != (",",) and \
            all(w in lexicon.coordinators or w in ("-", "/") for w in between)
        if not (one_word or joined):
            break
        i += 1
        out.append(i)
    return out


def _usable(view: SentenceView, i: int) -> bool:
    return i not in view.excluded


SOURCE_WINDOW = 10
PARTNER_WINDOW = 4
BETWEEN_REACH = 3
BARE_SUBJECT_REACH = 3
STRONG_VERB = 0.7
WEAK_VERB_REACH = 3    # a weak verb ("menewaskan") takes only an adjacent subject
SPEAKER_REACH = 8
RESOLVED_LOOKAHEAD = 4
TARGET_LOOKAHEAD = 8
AGENT_WINDOW = 8
WEAK_NOUN = 0.5


def _before(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> list[int]:
    """Slot indexes before the trigger that can be its subject, nearest first."""
    out = []
    for i in range(len(view.slots) - 1, -1, -1):
        s = view.slots[i]
        if s.last >= trig.first or not _usable(view, i):
            continue
        if _barrier_between(view, s.last + 1, trig.first, lexicon):
            break
        if s.prep in ("target", "partner", "joint", "place", "none", "agent", "pair", "source", "beneficiary"):
            continue
        if s.kind == "place" or _in_relative_clause(view, s, lexicon):
            continue
        cues = [c for c in view.speakers.get(i, ()) if c < trig.first
                and not (view.words[c] in lexicon.light_verbs and trig.first - c <= 2)]
        if cues and (trig.voice in ("noun", "bare") or trig.first - max(cues) > SPEAKER_REACH):
            continue     # "X mengatakan serangan itu …": the speaker is not the doer
        out.append(i)
    return out


def _in_relative_clause(view: SentenceView, s: Slot, lexicon: EventLexicon) -> bool:
    """"milisi yang didukung Iran": Iran sits in a clause about another noun."""
    return any(w in lexicon.relative for w in view.words[max(0, s.first - 3):s.first])


def _resolved_first(view: SentenceView, candidates: list[int], limit: int) -> int | None:
    """The nearest candidate, or a resolved one close behind it when the nearest is unresolved
    ("Pasukan Suriah dan milisi …", "'Otoritas Selat' milik Iran")."""
    if not candidates:
        return None
    first = candidates[0]
    if view.slots[first].resolved:
        return first
    for i in candidates[1:]:
        s = view.slots[i]
        gap = abs(s.first - view.slots[first].first)
        if gap > limit:
            break
        if s.resolved:
            return i
    return first


def _after(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> list[int]:
    """Slot indexes after the trigger within the window, nearest first."""
    out = []
    for i, s in enumerate(view.slots):
        if s.last <= trig.last or s.first < trig.first or not _usable(view, i):
            continue
        if s.first - trig.last > WINDOW_AFTER or _barrier_between(view, trig.last + 1, s.first, lexicon):
            break
        out.append(i)
    return out


def _coordinated_subject(view: SentenceView, i: int, lexicon: EventLexicon) -> int | None:
    """The slot joined to subject ``i`` from the left ("X dan Y sepakat" → X for Y)."""
    if i > 0 and _coordinated(view, view.slots[i - 1], view.slots[i], lexicon) and _usable(view, i - 1):
        return i - 1
    return None


def _pairs_of(slot: Slot) -> tuple[Actor, Actor] | None:
    actors = [a for a in slot.actors if a.country or a.org]
    if len(actors) >= 2:
        return actors[0], actors[1]
    return None


class _Reader:
    """Builds ``Roles`` for one trigger from slot indexes or explicit actors."""

    def __init__(self, view: SentenceView, trig: TriggerMatch):
        self.view, self.trig = view, trig

    def __call__(self, src: int | None, tgt: int | None, src_actor: Actor | None = None,
                 tgt_actor: Actor | None = None) -> Roles:
        slots, trig = self.view.slots, self.trig
        s_slot = slots[src] if src is not None else None
        t_slot = slots[tgt] if tgt is not None else None
        s_act = src_actor or (_best(s_slot) if s_slot else None)
        t_act = tgt_actor or (_best(t_slot) if t_slot else None)
        dist = 0
        for sl in (s_slot, t_slot):
            if sl is not None:
                dist = max(dist, trig.first - sl.last if sl.last < trig.first else sl.first - trig.last)
        return Roles(s_act, t_act, s_slot.span if s_slot else None, t_slot.span if t_slot else None, dist,
                     t_slot is not None and (t_slot.kind == "place" or t_slot.prep == "place"),
                     target_prep=t_slot.prep if t_slot is not None else None)


def assign_roles(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon,
                 split_targets: bool) -> list[Roles]:
    """Readings of ``trig``: usually one; several when it has coordinated partners and
    ``split_targets`` (meetings with several parties are one meeting each)."""
    slots = view.slots
    before = _before(view, trig, lexicon)
    after = _after(view, trig, lexicon)
    sym = trig.entry.symmetric or any(w in lexicon.reciprocal for w in view.words[max(0, trig.first - 2):trig.first])
    read = _Reader(view, trig)

    third_party = trig.entry.mode == "third-party"
    between = None if third_party else _between_reading(view, trig, after, lexicon, read)
    if between is not None:
        return [between]
    if trig.voice == "passive":
        return [_passive_reading(view, trig, before, after, sym, read, lexicon)]

    if before and _victim_cue(view, trig, lexicon):
        genitive = _genitive(view, trig, after, lexicon)
        return [read(genitive, before[0])]
    source = _source(view, trig, before, after, lexicon)
    if source is not None:
        after = [i for i in after if i != source]
        if not sym and slots[source].first > trig.last:
            partners = set(_co_doers(view, source, lexicon))
            after = [i for i in after if i not in partners]      # "serangan AS dan Israel": both did it
    if source is not None and sym and slots[source].last < trig.first:
        pair = _pairs_of(slots[source])
        partners = _targets(view, trig, after, trig.voice, lexicon)
        if pair and partners and split_targets and slots[partners[0]].first - trig.last <= PARTNER_WINDOW:
            return [read(source, partners[0], src_actor=a) for a in pair]
        if pair:
            return [replace(read(source, source, pair[0], pair[1]), mutual=True)]
        other = _coordinated_subject(view, source, lexicon)
        if other is not None:
            return [read(other, source)]

    targets = _targets(view, trig, after, trig.voice, lexicon)
    if not targets:
        pair = _pairs_of(slots[source]) if source is not None else None
        if pair and trig.entry.event_type in MUTUAL_TYPES:
            return [replace(read(source, source, pair[0], pair[1]), mutual=True)]    # "kedua negara memperkuat pasukan"
        return [read(source, None)]
    if split_targets:
        return [read(source, t) for t in targets]
    first = targets[0]
    pair = _pairs_of(slots[first])
    if pair and sym and source is None:
        return [replace(read(first, first, pair[0], pair[1]), mutual=True)]
    return [read(source, first)]


def _between_reading(view, trig, after, lexicon, read) -> Roles | None:
    """"antara X dan Y" (or a plural slot after "antara") right after the trigger."""
    for i in after[:1]:
        if view.slots[i].prep != "pair" or view.slots[i].first - trig.last > BETWEEN_REACH:
            return None          # "membahas gencatan senjata antara X dan Y": the pair is the ceasefire's
        pair = _pairs_of(view.slots[i])
        if pair:
            return replace(read(i, i, pair[0], pair[1]), mutual=True)
        chain = _chain(view, i, lexicon)
        if len(chain) >= 2:
            return replace(read(chain[0], chain[1]), mutual=True)
        other = i + 1
        gap = view.words[view.slots[i].last + 1:view.slots[other].first] if other < len(view.slots) else ()
        if len(gap) == 1 and lexicon.prepositions.get(gap[0]) in PAIR_JOINERS and _usable(view, other):
            return replace(read(i, other), mutual=True)      # "antara ISIS melawan pasukan Suriah"
    return None


def _passive_reading(view, trig, before, after, sym, read, lexicon) -> Roles:
    slots = view.slots
    rel = [k for k in range(max(0, trig.first - 2), trig.first) if view.words[k] in lexicon.relative]
    if rel:
        # "serangan yang didukung Pakistan": the patient is the noun before "yang"
        before = [i for i in before if slots[i].last == rel[0] - 1]
    agent = next((i for i in after if slots[i].prep == "agent"), None)
    if agent is None and after and slots[after[0]].first - trig.last <= 2 and slots[after[0]].prep is None:
        agent = after[0]
    patient = before[0] if before else None
    if sym and agent is not None and _pairs_of(slots[agent]):
        a, b = _pairs_of(slots[agent])
        return replace(read(agent, agent, a, b), mutual=True)
    if sym and agent is not None and patient is None:
        chain = _chain(view, agent, lexicon)
        if len(chain) >= 2:
            return read(chain[0], chain[1])
    if sym and patient is not None and _pairs_of(slots[patient]) and agent is None:
        a, b = _pairs_of(slots[patient])
        return replace(read(patient, patient, a, b), mutual=True)
    return read(agent, patient)


def _source(view, trig, before, after, lexicon) -> int | None:
    """The doer: the subject before a verb; for an event noun, a genitive actor after it
    ("serangan Israel"), an agent ("oleh X", "yang dipimpin X"), else the subject of a light verb
    or an adjacent subject. A verb in a fronted clause takes the main clause's subject."""
    slots = view.slots
    if trig.voice == "bare" and before and trig.first - slots[before[0]].last <= BARE_SUBJECT_REACH:
        return _resolved_first(view, before, RESOLVED_LOOKAHEAD)     # "kedua pihak sepakat"
    if trig.voice in ("noun", "bare"):
        genitive = _genitive(view, trig, after, lexicon)
        if genitive is not None:
            return genitive
        agent = _noun_agent(view, trig, after, lexicon)
        if agent is not None:
            return agent
        owner = _owner(view, trig, lexicon)
        if owner is not None:
            return owner
        if not before and trig.entry.weight >= WEAK_NOUN:
            fronted = _fronted_subject(view, trig, after, lexicon)   # "Dalam pertemuan dengan X, Y …"
            if fronted is None and any(slots[i].prep == "partner" for i in after):
                return _subordinate_subject(view, trig, lexicon)   # "X mengatakan … seusai pertemuan dengan Y"
            return fronted
        if not before or trig.entry.weight < WEAK_NOUN:
            return None        # a weak noun ("perang", "kekerasan") names its doer right after it or not at all
        near = slots[before[0]].last + 4 >= trig.first
        partner = any(slots[i].prep in ("partner", "joint") for i in after)
        if near or _light_verb_before(view, trig, lexicon) or (partner and trig.entry.symmetric):
            return _resolved_first(view, before, RESOLVED_LOOKAHEAD)
        return None
    reach = SOURCE_WINDOW if trig.entry.weight >= STRONG_VERB else WEAK_VERB_REACH
    if trig.first > 1 and view.words[trig.first - 1] in lexicon.coordinators and view.words[trig.first - 2] == ",":
        subject = _sentence_subject(view, trig)       # "…, dan menghancurkan Seoul": the same subject
        if subject is not None:
            return subject
    if before and trig.voice == "active" and _object_before_coordinator(view, trig, before[0], lexicon):
        return _clause_subject(view, trig, before[1:])     # "X memberitahu Y dan meminta …": X asks
    if before and trig.first - slots[before[0]].last <= reach:
        return _resolved_first(view, before, RESOLVED_LOOKAHEAD)
    if trig.first > 0 and view.words[trig.first - 1] in lexicon.coordinators:
        return _sentence_subject(view, trig)          # "…, dan mendesak junta Myanmar": same subject
    if not before:
        fronted = _fronted_subject(view, trig, after, lexicon)
        return fronted if fronted is not None else _subordinate_subject(view, trig, lexicon)
    return None


def _object_before_coordinator(view: SentenceView, trig: TriggerMatch, nearest: int, lexicon: EventLexicon) -> bool:
    """A one-sided verb right after "dan"/"serta" whose nearest actor stands right before that
    word: the verb coordinates with the one before it, and that actor is the first verb's object,
    not the second verb's subject ("AS menyerang Iran dan mengancam Irak": AS threatens). A joint
    act is both sides' ("X bertemu Y dan mencapai kesepakatan")."""
    if trig.first < 2 or trig.entry.symmetric or trig.entry.event_type in JOINT_PARTNER_TYPES:
        return False       # "X bertemu Y dan mencapai kesepakatan": X and Y agreed
    joiner = view.words[trig.first - 1]
    return joiner.isalpha() and joiner in lexicon.coordinators and view.slots[nearest].last == trig.first - 2


def _clause_subject(view: SentenceView, trig: TriggerMatch, candidates: list[int]) -> int | None:
    """The subject of the clause the trigger continues: the farthest resolved candidate with no
    comma between it and the trigger ("Setelah Iran menyerang, AS membalas Irak dan mengancam
    Suriah": AS), a speaker only when no other is left ("Iran mengatakan AS menyerang Irak dan
    mengancam Suriah": AS)."""
    inside = [i for i in candidates if "," not in view.words[view.slots[i].last + 1:trig.first]
              and view.slots[i].resolved]
    own = [i for i in inside if i not in view.speakers]
    return (own or inside)[-1] if inside else None


PERSON_KINDS = frozenset({"person", "pronoun", "office"})


def _subordinate_subject(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> int | None:
    """A meeting or visit in a clause with no subject of its own inside the sentence ("… usai
    bertemu Putin", "… seusai pertemuan dengan Putin", "ketika melawat ke India") was made by the
    person the sentence is about: its first resolved actor, when that is a person. (Measured on
    the corpus: with any event type, or a country as the sentence's subject, the clause's doer was
    often someone else: "Indonesia menjadi negara terakhir pilihan Bieber, setelah mengunjungi
    …".)"""
    if trig.entry.event_type not in JOINT_PARTNER_TYPES or trig.first < 2 or \
            view.words[trig.first - 1] not in lexicon.fronted:
        return None
    subject = _sentence_subject(view, trig)
    return subject if subject is not None and view.slots[subject].kind in PERSON_KINDS else None


OWNER_REACH = SOURCE_WINDOW    # "X mengatakan pada Sabtu bahwa serangan udaranya …": words to the owner


def _possessed(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """An event noun carrying a clitic ("serangan udaranya", "kritik paling kerasnya"): on a noun
    it is the possessive, whose owner is the clause's subject."""
    word = view.words[trig.last]
    return strip_clitic(lexicon, word) != word


def _owner(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> int | None:
    """The owner of a possessed event noun with no actor after it: the nearest resolved subject
    before it in its clause, a speaker included ("Militer Israel mengatakan bahwa serangan
    udaranya terhadap Iran …": Israel's attack), with no preposition before the subject."""
    if not _possessed(view, trig, lexicon):
        return None
    for i in range(len(view.slots) - 1, -1, -1):
        s = view.slots[i]
        if s.last >= trig.first:
            continue
        if trig.first - s.last > OWNER_REACH or _barrier_between(view, s.last + 1, trig.first, lexicon) or \
                any(w in (".", ";", ":") for w in view.words[s.last + 1:trig.first]):
            return None
        if not _usable(view, i) or s.prep is not None or s.kind == "place" or _in_relative_clause(view, s, lexicon):
            continue
        return i if s.resolved else None
    return None


def _sentence_subject(view: SentenceView, trig: TriggerMatch) -> int | None:
    """The first resolved actor of the sentence, when it stands before the trigger."""
    for i, s in enumerate(view.slots):
        if s.first >= trig.first:
            return None
        if _usable(view, i) and s.resolved and s.prep is None and s.kind != "place":
            return i
    return None


def _noun_agent(view: SentenceView, trig: TriggerMatch, after: list[int], lexicon: EventLexicon) -> int | None:
    """"operasi militer oleh militer Myanmar", "mediasi yang dipimpin Pakistan"."""
    for i in after:
        s = view.slots[i]
        if s.first - trig.last > AGENT_WINDOW:
            break
        if s.prep == "agent" and s.resolved:
            return i
        gap = view.words[trig.last + 1:s.first]
        if len(gap) == 2 and gap[0] in lexicon.relative and voice_of(lexicon, gap[1]) == "passive" and s.resolved:
            return i
    return None


def _fronted_subject(view: SentenceView, trig: TriggerMatch, after: list[int], lexicon) -> int | None:
    """"Saat berkunjung ke Beijing, panglima militer Pakistan …": the subject after the comma."""
    words = view.words
    lead = 1 if words and words[0] in ("“", '"') else 0
    if len(words) <= lead or words[lead] not in lexicon.fronted or trig.first - lead > 3:
        return None
    try:
        comma = words.index(",", trig.last + 1)
    except ValueError:
        return None
    for i in after:
        s = view.slots[i]
        if s.first == comma + 1 and s.resolved:
            return i
    return None


def _genitive(view: SentenceView, trig: TriggerMatch, after: list[int], lexicon: EventLexicon) -> int | None:
    """An actor right after an event noun, with no preposition between ("serangan Israel")."""
    for i in after[:1]:
        s = view.slots[i]
        gap = view.words[trig.last + 1:s.first]
        if s.kind != "place" and s.prep is None and len(gap) <= 2 and s.first > trig.last and \
                not any(w in lexicon.prepositions for w in gap):
            return i
    return None


def _victim_cue(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    if trig.voice not in ("noun", "bare"):
        return False
    for w in view.words[max(0, trig.first - 2):trig.first]:
        if trig.entry.event_type in lexicon.victim_cues.get(w, ()):
            return True
    return False


MUTUAL_TYPES = frozenset({"ASSAULT", "MOBILIZE", "ACCUSE", "THREATEN"})  # a plural doer acts against itself
PROPOSER_TYPES = frozenset({"REJECT", "CONCEDE", "RETREAT"})   # "menolak usulan dari X", "mundur dari X"
BENEFICIARY_TYPES = frozenset({"AID", "SUPPORT"})       # "bantuan untuk Ukraina"
WHERE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID"})   # "serangan di Lebanon": Lebanon


def _targets(view: SentenceView, trig: TriggerMatch, after: list[int], voice: str,
             lexicon: EventLexicon) -> list[int]:
    """The target slot after the trigger and the slots coordinated with it; for violence, aid and
    deployments, the country where it happens when no other target is named."""
    slots = view.slots
    event_type = trig.entry.event_type
    for i in after:
        s = slots[i]
        if s.prep == "source" and event_type in PROPOSER_TYPES:
            return [i]
        if s.prep == "beneficiary" and event_type in BENEFICIARY_TYPES:
            return [j for j in _chain(view, i, lexicon) if _usable(view, j)]
        if s.first <= trig.last:
            return [i]                 # inside the trigger phrase: "pengusiran diplomat India"
        if s.prep in ("place", "none", "source", "agent", "beneficiary"):
            continue
        if s.prep == "joint" and not (trig.entry.symmetric or event_type in JOINT_PARTNER_TYPES):
            continue       # "serangan AS, yang dilancarkan bersama Israel": Israel attacked too
        direct = s.prep is None and s.first - trig.last <= 6
        if s.prep in TARGET_PREPS or s.prep == "pair" or (direct and voice in ("active", "bare")):
            if not s.resolved:
                later = _resolved_first(view, [j for j in after if j >= i], TARGET_LOOKAHEAD)
                if later is not None and slots[later].prep in (None, "target", "partner"):
                    return [later]
            return [j for j in _chain(view, i, lexicon) if _usable(view, j)]
    if event_type in WHERE_TYPES:
        for i in after:
            if slots[i].prep in ("place", None) and slots[i].resolved and slots[i].first - trig.last <= WINDOW_AFTER:
                return [i]
    return []


def _light_verb_before(view: SentenceView, trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    lo = max(0, trig.first - 3)
    return any(w in lexicon.light_verbs for w in view.words[lo:trig.first])


def _best(slot: Slot) -> Actor:
    for a in slot.actors:
        if a.country or a.org:
            return a
    return slot.actors[0]
