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
runs on HTML input through trafilatura; on flat text only its stop list and thresholds are used
(running jusText per article costs milliseconds, the line rules here tens of microseconds).
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

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LEAD = re.compile(r"^[\W_]+")
_KEYCHARS = re.compile(r"[\W_]+")
_WORDS = re.compile(r"[^\W\d_]+")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:https?://|www\.)[^)\s]*(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_MULTI_SPACE = re.compile(r" {2,}")
_RULE = re.compile(r"[-=_*~]{3,}")
_PLACEHOLDER = re.compile(r"\[(?:img|image|video|embed)\.\d+\]\s*")
_LEAD_SYMBOLS = re.compile(r"^[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u2022\u25aa\u25cf\u00b7]+\s*")

MAX_BOILERPLATE_CHARS = 500  # longer lines are paragraphs: never matched against line patterns
TAIL_WINDOW = 320            # glued tails are looked for in the last characters of a line
SPAM_WINDOW = (80, 160)      # characters before and after a spam trigger word that are searched
STORY_MIN_WORDS = 8          # fewer words: never prose
STOPWORDS_LOW = 0.20         # jusText's stopwords_low is 0.30 for HTML paragraphs; flat lines run lower
LIST_MAX_ITEMS = 12          # headlines taken under a list header
CAPTION_MAX_WORDS = 40
HEADER_SHORT_WORDS = 3       # fragments above the story of at most this many words are navigation
FOOTER_SHORT_WORDS = 3       # fragments below the story of at most this many words (no digits) are widgets


@dataclass(frozen=True)
class CleanRules:
    line: re.Pattern
    captions: re.Pattern
    spam: re.Pattern | None
    spam_triggers: ahocorasick.Automaton | None
    tails: re.Pattern | None
    appendix: re.Pattern | None
    list_headers: frozenset[str]
    tail_markers: frozenset[str]
    stopwords: frozenset[str]


def _union(patterns: list[str], flags: int = re.I) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


def build_rules(lang: Language) -> CleanRules:
    def keys(name: str) -> frozenset[str]:
        return frozenset(line_key(x) for x in lang.lines(name))

    stoplists = lang.lines("clean_stoplist.txt") if lang.has("clean_stoplist.txt") else []
    stop = frozenset(w for name in stoplists for w in justext.get_stoplist(name))
    return CleanRules(
        line=_union(lang.lines("clean_line_patterns.txt")),
        captions=_union(lang.lines("clean_captions.txt"), 0),
        spam=_union(lang.lines("clean_inline_spam.txt")),
        spam_triggers=_automaton(lang.lines("clean_spam_triggers.txt")) if lang.has("clean_spam_triggers.txt") else None,
        tails=_union(lang.lines("clean_inline_tails.txt")),
        appendix=_union(lang.lines("clean_tail_patterns.txt")),
        list_headers=keys("clean_list_headers.txt"),
        tail_markers=keys("clean_tail_markers.txt"),
        stopwords=stop,
    )


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
    """Unicode NFC, exotic spaces to plain spaces, invisible characters out, markdown unwrapped."""
    line = _MULTI_SPACE.sub(" ", _INVISIBLE.sub("", _SPACES.sub(" ", line))).strip()
    line = _LEAD_SYMBOLS.sub("", _MD_HEADING.sub("", line))
    if "[" in line and len(line) > 12:
        line = _PLACEHOLDER.sub("", line)
    return _MD_LINK.sub(r"\1", line) if "](" in line else line


@dataclass(frozen=True)
class Line:
    text: str
    key: str          # line_key of the text
    bare: str         # the text without leading bullets, emoji, brackets and quotes
    words: int
    story: bool       # reads as prose
    indented: bool = False   # the raw line began with white space


def _is_story(text: str, words: list[str], stopwords: frozenset[str]) -> bool:
    if len(words) < STORY_MIN_WORDS or not _SENTENCE_END.search(text):
        return False
    if not stopwords:
        return True
    return sum(w.casefold() in stopwords for w in words) / len(words) >= STOPWORDS_LOW


def analyse(raw: str, rules: CleanRules) -> Line:
    text = normalise_line(raw)
    words = _WORDS.findall(text)
    return Line(text, line_key(text), _LEAD.sub("", text), len(words),
                _is_story(text, words, rules.stopwords), raw[:1].isspace() and bool(text))


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
    if rules.line is not None and rules.line.fullmatch(line.bare):
        return True
    return line.words <= CAPTION_MAX_WORDS and _is_caption(line.text, rules)


def _is_caption(text: str, rules: CleanRules) -> bool:
    if rules.captions is not None and rules.captions.search(text):
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
        elif rules.appendix is not None and ln.bare and rules.appendix.fullmatch(ln.bare):
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
    return not any(len(w) >= 3 for w in _WORDS.findall(ln.text))


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
        if i < first_story and (ln.words <= HEADER_SHORT_WORDS
                                or publication_date_of_line(ln.text, mrules)):
            drop[i] = True
        elif (i > last_story and ln.words <= FOOTER_SHORT_WORDS and not _SENTENCE_END.search(ln.text)
              and not any(c.isdigit() for c in ln.text)):
            drop[i] = True
        i += 1
    return drop


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


def _spam_windows(text: str, rules: CleanRules) -> list[tuple[int, int]]:
    if rules.spam_triggers is None:
        return [(0, len(text))]
    before, after = SPAM_WINDOW
    hits = [(max(0, end - size - before), min(len(text), end + after))
            for end, size in rules.spam_triggers.iter(text.casefold())]
    return _merge(hits)


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


def cut_fragments(text: str, rules: CleanRules, removed: list[str]) -> str:
    """``text`` without inserted spam and glued tails; what was cut is appended to ``removed``."""
    if rules.spam is not None:
        windows = _spam_windows(text, rules)
        if windows:
            text = _remove_spans(text, _spans(text, rules.spam, windows), removed)
    if rules.tails is not None:
        text = _remove_spans(text, _spans(text, rules.tails, [(max(0, len(text) - TAIL_WINDOW),
                                                                 len(text))]), removed)
    return text


def mark_lines(text: str, title: str | None, lang: Language) -> tuple[list[tuple[str, str]], str | None]:
    """Every line of ``text`` in order as ``(verdict, line)`` — verdict ``keep``, ``drop`` (a
    removed line) or ``cut`` (a fragment cut out of the kept line before it) — and the title."""
    rules = rules_for(lang)
    raw = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [analyse(r, rules) for r in raw]
    title = title.strip() if title and title.strip() else guess_title(lines, rules)
    marks: list[tuple[str, str]] = []
    for ln, gone in zip(lines, classify(lines, title, rules, lang)):
        if gone:
            marks.append(("drop", ln.text))
            continue
        cuts: list[str] = []
        body = cut_fragments(ln.text, rules, cuts)
        if body or not ln.text:
            marks.append(("keep", body))
        marks.extend(("cut", c) for c in cuts)
    return marks, title


def clean_text(text: str, title: str | None, lang: Language) -> tuple[str, tuple[str, ...], str | None]:
    """Cleaned text, removed lines and fragments, and the title (given or guessed)."""
    marks, title = mark_lines(text, title, lang)
    kept: list[str] = []
    for verdict, line in marks:
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
