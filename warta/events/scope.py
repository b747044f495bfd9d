"""Which triggers tell a happening of their own: not a back-reference ("serangan itu"), a topic
("membahas gencatan senjata"), the object of a verb of its type, or the content of a threat or
demand; and which are alleged by an accusation."""
from __future__ import annotations

from warta.events.lexicon import EventLexicon
from warta.events.triggers import TriggerMatch

ANAPHORA_REACH = 4


def is_reference(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """An event noun that points back to a happening told before ("sejak pertempuran",
    "serangan itu") or names a topic or aim rather than a happening ("membahas gencatan senjata")."""
    if trig.voice not in ("noun", "bare"):
        return False
    if trig.first > 0 and words[trig.first - 1] in lexicon.background:
        return True
    for w in words[trig.last + 1:trig.last + 1 + ANAPHORA_REACH]:
        if w in lexicon.anaphora:
            return True        # "serangan terbaru AS-Israel itu"
        if not w.isalnum() and w != "-":
            break
    return any(w in lexicon.topic_words for w in words[max(0, trig.first - 2):trig.first])


def governs_next(words: tuple[str, ...], trig: TriggerMatch, later: list[TriggerMatch],
                 lexicon: EventLexicon) -> bool:
    """A weak noun that only introduces the next trigger ("dukungan untuk memfasilitasi
    pembicaraan"): the next trigger is the event."""
    if trig.entry.weight >= 0.6 or trig.voice not in ("noun", "bare") or not later:
        return False
    gap = words[trig.last + 1:later[0].first]
    return len(gap) <= 3 and any(w in lexicon.purpose for w in gap)


def is_object_of(trig: TriggerMatch, earlier: list[TriggerMatch]) -> bool:
    """An event noun right after a verb of its own type is that verb's object
    ("menengahi perundingan"): the verb's event covers it."""
    if trig.voice not in ("noun", "bare") or not earlier:
        return False
    prev = earlier[-1]
    return prev.entry.event_type == trig.entry.event_type and prev.voice != "noun" and trig.first - prev.last <= 2

CONTENT_WINDOW = 4
CONTENT_WINDOW_PURPOSE = 10     # "menuntut negara-negara sekutu AS untuk mencabut sanksi"
CONTENT_OF_ANY = frozenset({"THREATEN", "REQUEST", "REJECT"})  # "mengancam akan menyerang", "menolak berunding"
CONTENT_OF_NOUN = frozenset({"AGREE", "REJECT", "CONSULT"})  # "sepakat untuk gencatan senjata"


def is_content_of(trig: TriggerMatch, earlier: list[TriggerMatch], words: tuple[str, ...],
                  lexicon: EventLexicon) -> bool:
    """What a threat or demand is about, or the noun an agreement, refusal or talk is about,
    is not a happening of its own."""
    if not earlier:
        return False
    prev = earlier[-1]
    gap = words[prev.last + 1:trig.first]
    reach = CONTENT_WINDOW_PURPOSE if any(w in lexicon.purpose for w in gap) else CONTENT_WINDOW
    if prev.voice == "noun" or len(gap) >= reach:
        return False
    kind = prev.entry.event_type
    if kind == "REJECT" and _is_denial(words[prev.first], lexicon):
        return False        # "membantah menyerang …": the denied act is written, negated
    return kind in CONTENT_OF_ANY or (kind in CONTENT_OF_NOUN and trig.voice in ("noun", "bare"))


def _is_denial(word: str, lexicon: EventLexicon) -> bool:
    return any(c.status == "negated" and c.words == (word,) for c in lexicon.status_by_word.get(word, ()))


def is_accused(trig: TriggerMatch, earlier: list[TriggerMatch], words: tuple[str, ...]) -> bool:
    """The act an accusation is about ("menuduh Israel menyerang …")."""
    if not earlier:
        return False
    prev = earlier[-1]
    return prev.entry.event_type == "ACCUSE" and prev.voice != "noun" and \
        trig.first - prev.last <= CONTENT_WINDOW_PURPOSE and "." not in words[prev.last + 1:trig.first]


REFUSABLE = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def is_refusal(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """A meeting, agreement or cooperation announced as refused ("tidak akan pernah
    menegosiasikan"): PLOVER codes it REJECT."""
    if trig.entry.event_type not in REFUSABLE:
        return False
    for cue, window in lexicon.refusal_cues:
        k = len(cue)
        for i in range(max(0, trig.first - window - k + 1), trig.first - k + 1):
            if words[i:i + k] == cue:
                return True
    return False


REACTION_TYPES = frozenset({"ACCUSE", "REJECT"})
REACTION_GAP = 2     # words between a reaction verb and its object ("mengecam keras serangan itu")


def reaction_object(words: tuple[str, ...], trig: TriggerMatch, later: list[TriggerMatch],
                    lexicon: EventLexicon) -> str | None:
    """What a condemnation or denial is aimed at, when it is a happening told before: the type of
    that happening ("mengecam serangan tersebut" → ASSAULT, "membantah tuduhan" → ACCUSE), "" for
    an act of unnamed kind ("mengecam tindakan tersebut"), None when it names its own target."""
    if trig.entry.event_type not in REACTION_TYPES or trig.voice != "active":
        return None
    nxt = later[0] if later else None
    if nxt is not None and nxt.voice in ("noun", "bare") and nxt.first - trig.last - 1 <= REACTION_GAP:
        if is_reference(words, nxt, lexicon):
            return nxt.entry.event_type
        if trig.entry.event_type == "REJECT" and nxt.entry.event_type == "ACCUSE" and \
                nxt.first == trig.last + 1 and _bare_noun(words, nxt, lexicon):
            return "ACCUSE"
    for i in range(trig.last + 1, min(len(words), trig.last + 2 + REACTION_GAP)):
        if words[i] in lexicon.act_nouns:
            after = words[i + 1:i + 3]
            return "" if any(w in lexicon.anaphora for w in after) else None
    return None


def _bare_noun(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> bool:
    """An event noun that names no one after it: "membantah tuduhan dan …", "menolak tuduhan."."""
    nxt = words[trig.last + 1] if trig.last + 1 < len(words) else ""
    return not nxt or not nxt.isalnum() or nxt in lexicon.coordinators or nxt in lexicon.anaphora or \
        nxt in lexicon.relative


REACTED_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})   # "mengutuk serangan …", "mendukung operasi …"
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})   # "menyambut baik kesepakatan": often its party
REACTED_GAP = 2


def is_reaction_object(trig: TriggerMatch, earlier: list[TriggerMatch]) -> bool:
    """An event noun that is what a condemnation, denial or endorsement is about ("Sekjen PBB
    mengutuk serangan terhadap …"): the one who reacts is not its doer."""
    if trig.voice not in ("noun", "bare") or not earlier:
        return False
    prev = earlier[-1]
    return prev.entry.event_type in REACTED_TYPES and prev.voice == "active" and \
        trig.entry.event_type not in JOINT_TYPES | {prev.entry.event_type} and \
        trig.first - prev.last - 1 <= REACTED_GAP
