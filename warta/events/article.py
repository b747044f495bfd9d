"""Article-level views the event coder needs: which sentences can hold news (not sport, not a
headline, caption or pointer to another story; a trigger may start there), where a dateline ends,
and the two sides an article is about."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from warta.events.assemble import actor_key
from warta.events.lexicon import EventLexicon
from warta.model import Actor, Document, Sentence

_END_PUNCT = frozenset('."”’\')')     # how a story sentence ends; a headline may end in ? or !
SPORT_MIN_CUES = 3
SPORT_SCAN = 4000
HEADLINE_MAX_WORDS = 20     # a title-case line longer than this is a sentence full of names, not a headline
_NON_WORD = re.compile(r"\W+")


def is_sport(doc: Document, lexicon: EventLexicon) -> bool:
    """A sport story: several distinct words of sport reporting in its title and text."""
    if lexicon.sport_cues is None:
        return False
    head = f"{doc.article.title or ''} {doc.text[:SPORT_SCAN]}".lower()
    found = {cue for _, cue in lexicon.sport_cues.iter(word_text(head))}
    return len(found) >= SPORT_MIN_CUES


# Frequent punctuation, blanked by ``str.replace`` before the check that nothing but word characters
# and white space is left; any other character sends a text to the regular expression instead.
_COMMON_PUNCT = ".,-()/\":?[]'#\u201c\u201d!%&@\u2019$\u2013;\u2018+"


def word_text(text: str) -> str:
    """``text``'s words (runs of word characters) joined by single spaces, with a space before and
    after: the text a whole-word automaton scans. Blanking frequent punctuation and splitting on
    white space is much cheaper than substituting every run of non-word characters, and gives the
    same words whenever only word characters and white space are left; otherwise (rare
    punctuation or symbols) the substitution runs."""
    for mark in _COMMON_PUNCT:
        if mark in text:
            text = text.replace(mark, " ")
    words = text.split()
    rest = "".join(words).replace("_", "")
    if rest and not rest.isalnum():
        return " " + " ".join(_NON_WORD.sub(" ", text).split()) + " "
    return " " + " ".join(words) + " "


def sentences_with_anchors(doc: Document, lexicon: EventLexicon) -> set[int]:
    """Indexes of the sentences where a trigger may start (one automaton pass over the text)."""
    if lexicon.anchors is None or not doc.sentences:
        return set()
    low = " " + doc.text.lower()
    if len(low) != len(doc.text) + 1:       # case mapping changed lengths: scan every sentence
        return {s.index for s in doc.sentences}
    starts = [s.start for s in doc.sentences]
    return {doc.sentences[max(0, bisect_right(starts, end - 1) - 1)].index
            for end, _ in lexicon.anchors.iter(low)}


def is_noise(sentence: Sentence, lexicon: EventLexicon) -> bool:
    """A pointer to another story, a caption, or a headline-like line (title case, no full stop)."""
    text = sentence.text.strip()
    low = text.lower()
    if any(low.startswith(p) for p in lexicon.noise_prefixes):
        return True
    if text[-1] in _END_PUNCT:
        return False
    words = [t.text for t in sentence.tokens if t.text.isalpha() and len(t.text) > 1]
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital / len(words) >= 0.6

DYAD_MIN_REFERENCES = 3


def article_dyad(doc: Document, lexicon: EventLexicon) -> tuple[Actor, Actor] | None:
    """The two sides an article is about: the pair its plural references ("kedua negara") stand
    for, when they do so at least three times and twice as often as for any other pair.
    None otherwise. (Looser rules cost precision on the project gold set.)"""
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
    for a, b in _between_pairs(doc, lexicon):
        ka, kb = actor_key(a), actor_key(b)
        counts[tuple(sorted((ka, kb)))] += 1
        actors.setdefault(ka, a)
        actors.setdefault(kb, b)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < DYAD_MIN_REFERENCES:
        return None
    if len(ranked) > 1 and 2 * ranked[1][1] > ranked[0][1]:
        return None
    (a, b), _ = ranked[0]
    return actors[a], actors[b]


def _between_pairs(doc: Document, lexicon: EventLexicon) -> list[tuple[Actor, Actor]]:
    """Two countries named as the sides of something: "antara Armenia dan Azerbaijan"."""
    out = []
    mentions = sorted((m for m in doc.actors if m.kind != "pair" and actor_key(m.actor)),
                      key=lambda m: m.span.start)
    text = doc.text.lower()
    for a, b in zip(mentions, mentions[1:]):
        if a.sentence_index != b.sentence_index or actor_key(a.actor) == actor_key(b.actor):
            continue
        joint = text[a.span.end:b.span.start].split()
        before = text[max(0, a.span.start - 12):a.span.start].split()[-1:]
        if len(joint) == 1 and joint[0] in lexicon.coordinators and \
                before and lexicon.prepositions.get(before[0]) == "pair":
            out.append((a.actor, b.actor))
    return out

DATELINE_DASHES = frozenset({"-", "–", "—"})
DATELINE_REACH = 8


def dateline_end(words: tuple[str, ...]) -> int:
    """Token index where the text after a dateline starts ("Jakarta, CNN Indonesia -- …"), or 0."""
    for i, w in enumerate(words[:DATELINE_REACH]):
        if w in DATELINE_DASHES and i > 0 and any(x == "," for x in words[:i]):
            j = i
            while j < len(words) and words[j] in DATELINE_DASHES:
                j += 1
            return j
    return 0
