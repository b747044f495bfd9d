"""Boilerplate and spam removal for text that arrives already flat.

``clean_article`` works line by line. A line goes (into ``Article.removed``) when it is:

- boilerplate by pattern (``clean_line_patterns.txt``): "Baca juga", ADVERTISEMENT, bylines and
  editor lines, comment rules, social widgets, "Simak video", converter markup;
- a photo caption or credit (``clean_captions.txt``);
- a repeat of the headline (the headline stays in ``Article.title``; when the input gives none it is
  guessed from the top of the text);
- the header of a list of other articles (``clean_list_headers.txt``) and the headlines under it;
- in the tail of the page, from a marker such as "Terkini Lainnya" (``clean_tail_markers.txt``) on;
- navigation above the story (short fragments, publication-date lines) or widget fragments below it;
- without any word of three letters or more ("25th", "|", "1 2 3").

Inside kept lines, inserted spam (``clean_inline_spam.txt``) and boilerplate glued to the end of a
paragraph (``clean_inline_tails.txt``) are cut out; the removed fragments go to ``removed`` too.

A line is "story-like" when it reads as prose: several words, a sentence ending and, following
jusText's paragraph classification, a share of stop words (jusText's stop list for the language,
named in ``clean_stoplist.txt``). Story-like lines are never removed by the zone rules. jusText itself
runs on HTML input through trafilatura; on flat text only its stop list and thresholds are used:
running jusText on an article's lines wrapped as paragraphs cost about 3 ms of CPU per Kompas
article, these rules about a third of that on the same (loaded) machine (bench/bench_clean.py).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import ahocorasick
import justext

from warta.lang import Language
from warta.meta import publication_date_of_line, rules_for as meta_rules
from warta.model import Article
from warta.regex_gate import LineGate, holds_all, required_literals

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LEAD = re.compile(r"^[\W_]+")
_KEYCHARS = re.compile(r"[\W_]+")
_WORDS = re.compile(r"[^\W\d_]+")
_ASCII_WORDS = re.compile(r"[A-Za-z]+")    # _WORDS on ASCII text, where a letter is one of these
_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:https?://|www\.)[^)\s]*(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?")
_WORD3 = re.compile(r"[^\W\d_]{3}")
_CLOSERS = "\"'”’)] \t"
_MULTI_SPACE = re.compile(r" {2,}")
_RULE = re.compile(r"[-=_*~]{3,}")
_BRAND = re.compile(r"[A-Za-z]\d{2,4}\b")
# where _BRAND is found, one character on: beginning with a digit (the letter before it checked
# behind), so the engine skips ahead from digit to digit rather than trying every position
_BRAND_DIGITS = re.compile(r"\d(?<=[A-Za-z]\d)\d{1,3}\b")
_LINK_ONLY = re.compile(r"[-*+•·\s]*\[[^\[\]\n]{0,300}\]\([^)\s]*(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?[\s.]*")
_PLACEHOLDER = re.compile(r"\[(?:img|image|video|embed)\.\d+\]\s*")
_LEAD_SYMBOLS = re.compile(r"^[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u2022\u25aa\u25cf\u00b7]+\s*")

KEY_MAX_CHARS = 200          # longer lines are not compared with titles and markers
MAX_BOILERPLATE_CHARS = 320  # longer lines are paragraphs: never matched against line patterns
TAIL_WINDOW = 320            # glued tails are looked for in the last characters of a line
SPAM_WINDOW = (80, 160)      # characters searched before and after a brand glued to digits
STORY_MIN_WORDS = 8          # fewer words: never prose
STOPWORD_SAMPLE = 40         # words of a line looked at for its stop-word density
STOPWORDS_LOW = 0.20         # jusText's stopwords_low is 0.30 for HTML paragraphs; flat lines run lower
LIST_MAX_ITEMS = 12          # headlines taken under a list header
CAPTION_MAX_WORDS = 40
HEADER_SHORT_WORDS = 3       # fragments above the story of at most this many words are navigation
FOOTER_SHORT_WORDS = 3       # fragments below the story of at most this many words (no digits) are widgets


@dataclass(frozen=True)
class CleanRules:
    line: LineGate      # the boilerplate line patterns, each tried only on lines it can match
    captions: tuple[re.Pattern, ...]
    any_caption: tuple[re.Pattern, ...]  # the captions as multi-line patterns, for a whole text
    spam: re.Pattern | None
    tail_triggers: ahocorasick.Automaton | None
    tail_end_chars: frozenset[str]
    tails: re.Pattern | None
    appendix: re.Pattern | None
    list_headers: frozenset[str]
    tail_markers: frozenset[str]
    stopwords: frozenset[str]
    caption_needs: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # per ``any_caption`` pattern: literals a text holds where it matches (regex_gate)


def _union(patterns: list[str], flags: int = re.I) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


def build_rules(lang: Language) -> CleanRules:
    def keys(name: str) -> frozenset[str]:
        return frozenset(line_key(x) for x in lang.lines(name))

    stoplists = lang.lines("clean_stoplist.txt") if lang.has("clean_stoplist.txt") else []
    stop = frozenset(w for name in stoplists for w in justext.get_stoplist(name))
    return CleanRules(
        line=LineGate.from_patterns(lang.lines("clean_line_patterns.txt")),
        captions=tuple(re.compile(p) for p in lang.lines("clean_captions.txt")),
        any_caption=tuple(re.compile(p, re.M) for p in lang.lines("clean_captions.txt")),
        caption_needs=tuple(required_literals(p, re.M) for p in lang.lines("clean_captions.txt")),
        spam=_union(lang.lines("clean_inline_spam.txt")),
        tail_triggers=_automaton([w for w in _optional(lang, "clean_tail_triggers.txt") if len(w) > 1]),
        tail_end_chars=frozenset(w for w in _optional(lang, "clean_tail_triggers.txt") if len(w) == 1),
        tails=_union(lang.lines("clean_inline_tails.txt")),
        appendix=_union(lang.lines("clean_tail_patterns.txt")),
        list_headers=keys("clean_list_headers.txt"),
        tail_markers=keys("clean_tail_markers.txt"),
        stopwords=stop,
    )


def _optional(lang: Language, name: str) -> list[str]:
    return lang.lines(name) if lang.has(name) else []


def _automaton(words: list[str]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w.casefold(), len(w))
    automaton.make_automaton()
    return automaton


def rules_for(lang: Language) -> CleanRules:
    return lang.compiled("clean", build_rules)


def line_key(line: str) -> str:
    """A line reduced for comparison: letters and digits only, casefolded, single spaces."""
    return _KEYCHARS.sub(" ", line.casefold()).strip()


def normalise_line(line: str) -> str:
    """Exotic spaces to plain spaces, invisible characters out, markdown unwrapped.

    Each substitution runs only when a cheap test says it can apply (this runs on every line)."""
    if not line.isascii():
        line = _INVISIBLE.sub("", _SPACES.sub(" ", line))
        if not line[:1].isalnum():
            line = _LEAD_SYMBOLS.sub("", line.lstrip())
    elif "\t" in line or "\f" in line or "\v" in line:
        line = _SPACES.sub(" ", line)
    if "  " in line:
        line = _MULTI_SPACE.sub(" ", line)
    line = line.strip()
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    if "[" in line:
        if len(line) > 12:
            line = _PLACEHOLDER.sub("", line)
        if "](" in line:
            line = _MD_LINK.sub(r"\1", line)
    return line


@dataclass(slots=True)
class Line:
    """One line of the text and what cleaning needs to know about it (internal, not shared)."""
    text: str
    key: str          # line_key of the text
    bare: str         # the text without leading bullets, emoji, brackets and quotes
    words: int
    story: bool       # reads as prose
    indented: bool = False   # the raw line began with white space
    wordy: bool = True       # has a word of three letters or more


def _letter_runs(text: str) -> list[str]:
    """``_WORDS.findall(text)``; on ASCII text (most lines) with the simpler pattern, which the
    regular expression engine runs about twice as fast."""
    return _ASCII_WORDS.findall(text) if text.isascii() else _WORDS.findall(text)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in (".", "!", "?")


def _is_story(text: str, words: list[str], stopwords: frozenset[str]) -> bool:
    if len(words) < STORY_MIN_WORDS or not _ends_sentence(text):
        return False
    if not stopwords:
        return True
    sample = _letter_runs(" ".join(words[:STOPWORD_SAMPLE]).casefold())
    return bool(sample) and sum(map(stopwords.__contains__, sample)) / len(sample) >= STOPWORDS_LOW


_BLANK = Line("", "", "", 0, False, False, False)


def analyse(raw: str, rules: CleanRules) -> Line:
    if not raw or raw.isspace():
        return _BLANK
    if "](" in raw and _LINK_ONLY.fullmatch(raw):   # a list item that is only a link: related article
        return Line(raw.strip(), "", "", 0, False, False, False)
    text = normalise_line(raw)
    words = text.split()
    story = _is_story(text, words, rules.stopwords)
    indented = raw[:1].isspace() and bool(text)
    if len(text) > KEY_MAX_CHARS:             # a paragraph: never compared with short lines
        bare = _LEAD.sub("", text) if len(text) <= MAX_BOILERPLATE_CHARS else text
        return Line(text, text, bare, len(words), story, indented, bool(_WORD3.search(text)))
    letters = _letter_runs(text)
    return Line(text, line_key(text), _LEAD.sub("", text), len(letters), story, indented,
                any(len(w) >= 3 for w in letters))


def _is_headline(line: Line) -> bool:
    return 4 <= line.words <= 30 and not line.story and not line.text.endswith((".", ",", ";"))


def guess_title(lines: list[Line], rules: CleanRules) -> str | None:
    """The headline at the top of the text: a line repeated above the story, else the first line
    when it reads as a headline."""
    head: list[Line] = []
    for line in lines:
        if line.story:
            break
        if line.key:
            head.append(line)
    candidates = [ln for ln in head if _is_headline(ln) and not _boilerplate(ln, rules)]
    keys = [ln.key for ln in head]
    for ln in candidates:
        if keys.count(ln.key) > 1:
            return ln.text
    first = next((ln for ln in lines if ln.key), None)
    if first is not None and candidates and candidates[0] is first:
        return first.text
    return None


def _boilerplate(line: Line, rules: CleanRules) -> bool:
    if len(line.text) > MAX_BOILERPLATE_CHARS:
        return False
    if rules.line.fullmatch(line.bare):
        return True
    return line.words <= CAPTION_MAX_WORDS and _is_caption(line.text, rules)


def _is_caption(text: str, rules: CleanRules) -> bool:
    if any(p.search(text) for p in rules.captions):
        return True
    # a caption printed twice around its credit: "X. REUTERS via BBCX."
    half = len(text) // 2
    if half >= 30:
        probe = text[:30]
        return text.find(probe, 20) > 0
    return False


def _marker(line: Line, markers: frozenset[str]) -> bool:
    return bool(line.key) and line.key in markers and line.words <= 6


def _tail_start(lines: list[Line], rules: CleanRules, first_story: int) -> int | None:
    """Where the page's tail begins once the story has begun: a tail marker with no long prose
    after it, a line announcing appended text, or a horizontal rule followed by indented
    (machine-appended) paragraphs."""
    for i in range(first_story + 1, len(lines)):
        ln = lines[i]
        if _marker(ln, rules.tail_markers):
            if not any(x.story and x.words >= 30 for x in lines[i + 1:]):
                return i
        elif (rules.appendix is not None and ln.bare and 2 * i >= len(lines)
              and rules.appendix.fullmatch(ln.bare)):
            return _rule_before(lines, i)
        elif _RULE.fullmatch(ln.text) and sum(x.indented for x in lines[i + 1:]) >= 2:
            return i
    return None


def _rule_before(lines: list[Line], i: int) -> int:
    """``i``, or the horizontal rule right above it (blank lines between)."""
    j = i - 1
    while j >= 0 and not lines[j].text:
        j -= 1
    return j if j >= 0 and _RULE.fullmatch(lines[j].text) else i


def _list_items(lines: list[Line], start: int) -> int:
    """End (exclusive) of the headlines listed under a list header at ``start``."""
    end, items = start + 1, 0
    while end < len(lines) and items < LIST_MAX_ITEMS:
        ln = lines[end]
        if ln.key and (ln.story or ln.words > 30 or ln.text.endswith((".", ","))):
            break
        items += bool(ln.key)
        end += 1
    return end


def _own_verdict(ln: Line, title_key: str | None, rules: CleanRules) -> bool:
    """Whether a line is boilerplate on its own, whatever surrounds it."""
    if not ln.key:
        return bool(ln.text)
    if _boilerplate(ln, rules) or (title_key is not None and ln.key == title_key):
        return True
    return not ln.wordy


def classify(lines: list[Line], title: str | None, rules: CleanRules, lang: Language) -> list[bool]:
    """For each line, whether it is removed."""
    n = len(lines)
    title_key = line_key(title) if title else None
    drop = [_own_verdict(ln, title_key, rules) for ln in lines]
    stories = [i for i, ln in enumerate(lines) if ln.story and not drop[i]]
    story_set = set(stories)
    first_story = stories[0] if stories else n
    last_story = stories[-1] if stories else -1
    tail = _tail_start(lines, rules, first_story) if stories else None
    if tail is not None:
        drop[tail:] = [True] * (n - tail)
    mrules = meta_rules(lang)
    i = 0
    while i < (tail if tail is not None else n):
        ln = lines[i]
        if _marker(ln, rules.list_headers) or (i > first_story and _marker(ln, rules.tail_markers)):
            end = _list_items(lines, i)
            drop[i:end] = [True] * (end - i)
            i = end
            continue
        if drop[i] or not ln.key or i in story_set:
            i += 1
            continue
        if stories and i < first_story and (
                (ln.words <= HEADER_SHORT_WORDS and not _ends_sentence(ln.text))
                or publication_date_of_line(ln.text, mrules)):
            drop[i] = True
        elif (stories and i > last_story and ln.words <= FOOTER_SHORT_WORDS
              and not _ends_sentence(ln.text) and not any(c.isdigit() for c in ln.text)):
            drop[i] = True
        i += 1
    return _keep_some_text(lines, drop, rules)


def _keep_some_text(lines: list[Line], drop: list[bool], rules: CleanRules) -> list[bool]:
    """When the rules would leave no words at all, only lines that are boilerplate by pattern go:
    a text too short to show a story (one headline, one sentence) is not emptied by the zone,
    list or title rules."""
    if any(ln.wordy and ln.key and not gone for ln, gone in zip(lines, drop)):
        return drop
    return [bool(ln.text) and (not ln.key or not ln.wordy or _boilerplate(ln, rules)) for ln in lines]


def _spans(text: str, pattern: re.Pattern, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in windows:
        for m in pattern.finditer(text, a, b):
            if m.end() > m.start() and (not spans or m.start() >= spans[-1][1]):
                spans.append((m.start(), m.end()))
    return spans


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _spam_windows(text: str) -> list[tuple[int, int]]:
    """Stretches around words glued to digits ("Mustang303"): every spam pattern names such a
    brand, so a paragraph without one is not searched at all."""
    before, after = SPAM_WINDOW
    return _merge([(max(0, m.start() - before), min(len(text), m.end() + after))
                   for m in _BRAND.finditer(text)])


def _remove_spans(text: str, spans: list[tuple[int, int]], removed: list[str]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        removed.append(text[a:b].strip())
        parts.append(text[last:a])
        last = b
    parts.append(text[last:])
    return _MULTI_SPACE.sub(" ", " ".join(p.strip() for p in parts if p.strip())).strip()


def _tail_possible(text: str, start: int, rules: CleanRules, words: bool = True) -> bool:
    """Whether a glued tail can end ``text``: a trigger word in its last characters, or a
    one-character trigger ending it. ``words=False``: the caller knows no trigger word is in
    ``text`` at all."""
    if rules.tail_triggers is None:
        return True
    if text.rstrip()[-1:] in rules.tail_end_chars:
        return True
    return words and next(rules.tail_triggers.iter(text[start:].casefold()), None) is not None


@dataclass(frozen=True)
class FragmentHints:
    """What one look at all the kept lines together says cannot occur in any of them (each line
    is then spared its own search): a brand glued to digits, a tail trigger word."""
    brand: bool = True
    tail_words: bool = True


def fragment_hints(texts: list[str], rules: CleanRules) -> FragmentHints:
    """Hints for ``cut_fragments`` on each of ``texts``. Both searches find, in the lines joined by
    newlines, every match they would find in a single line (a brand ends at a word boundary and
    holds no newline; casefolding maps character by character)."""
    joined = "\n".join(texts)
    brand = rules.spam is not None and _BRAND_DIGITS.search(joined) is not None
    tail_words = rules.tail_triggers is None or \
        next(rules.tail_triggers.iter(joined.casefold()), None) is not None
    return FragmentHints(brand=brand, tail_words=tail_words)


def cut_fragments(text: str, rules: CleanRules, removed: list[str],
                  hints: FragmentHints = FragmentHints()) -> str:
    """``text`` without inserted spam and glued tails; what was cut is appended to ``removed``."""
    if rules.spam is not None and hints.brand:
        windows = _spam_windows(text)
        if windows:
            text = _remove_spans(text, _spans(text, rules.spam, windows), removed)
    if rules.tails is not None:
        start = max(0, len(text) - TAIL_WINDOW)
        if _tail_possible(text, start, rules, hints.tail_words):
            text = _remove_spans(text, _spans(text, rules.tails, [(start, len(text))]), removed)
    return text


def _may_be_caption(line: Line) -> bool:
    """Whether ``_boilerplate`` would try the caption patterns on ``line`` at all."""
    return len(line.text) <= MAX_BOILERPLATE_CHARS and line.words <= CAPTION_MAX_WORDS


def for_lines(rules: CleanRules, lines: list[Line]) -> CleanRules:
    """``rules`` without the caption patterns when none of them matches any of ``lines`` that
    they are tried on (``_may_be_caption``: not the paragraphs, which make up most of a text): a
    search of those lines joined by newlines (``^`` and ``$`` at line ends) finds every match a
    search of a single line would find, so no line's own verdict changes. Each pattern searches
    on its own: most begin with a literal the regular expression engine skips ahead to, which a
    union of them all does not."""
    if not rules.captions or not rules.any_caption:
        return rules
    joined = "\n".join(ln.text for ln in lines if _may_be_caption(ln))
    needs = rules.caption_needs or ((),) * len(rules.any_caption)
    if any(holds_all(joined, need) and p.search(joined) for p, need in zip(rules.any_caption, needs)):
        return rules
    return replace(rules, captions=())


def mark_lines(text: str, title: str | None, lang: Language) -> tuple[list[tuple[str, str]], str | None]:
    """Every line of ``text`` in order as ``(verdict, line)`` — verdict ``keep``, ``drop`` (a
    removed line) or ``cut`` (a fragment cut out of the kept line before it) — and the title."""
    rules = rules_for(lang)
    raw = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [analyse(r, rules) for r in raw]
    rules = for_lines(rules, lines)
    title = title.strip() if title and title.strip() else guess_title(lines, rules)
    marks: list[tuple[str, str]] = []
    verdicts = classify(lines, title, rules, lang)
    hints = fragment_hints([ln.text for ln, gone in zip(lines, verdicts) if not gone], rules)
    for ln, gone in zip(lines, verdicts):
        if gone:
            marks.append(("drop", ln.text))
            continue
        if not ln.text:                   # a blank line: nothing to cut
            marks.append(("keep", ""))
            continue
        cuts: list[str] = []
        body = cut_fragments(ln.text, rules, cuts, hints)
        if body:
            marks.append(("keep", body))
        marks.extend(("cut", c) for c in cuts)
    return marks, title


def clean_text(text: str, title: str | None, lang: Language) -> tuple[str, tuple[str, ...], str | None]:
    """Cleaned text, removed lines and fragments, and the title (given or guessed)."""
    marks, title = mark_lines(text, title, lang)
    kept: list[str] = []
    for verdict, line in marks:
        line = line.strip()  # an inline fragment removed at a line's end leaves no trailing space
        if verdict == "keep" and (line or (kept and kept[-1])):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    removed = tuple(line for verdict, line in marks if verdict != "keep" and line)
    return "\n".join(kept), removed, title


def clean_article(article: Article, lang: Language) -> Article:
    """The article with boilerplate removed from ``text`` and listed in ``removed``."""
    text, removed, title = clean_text(article.text, article.title, lang)
    return replace(article, text=text, removed=article.removed + removed, title=title)
