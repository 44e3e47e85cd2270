"""Text utilities shared by every stage: folding for matching, sentences, name keys.

``fold`` is length-preserving (one character in, one character out), so a match found
in the folded text has the same span in the original text and the evidence shown to
readers stays verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, wraps

# Characters that all mean "apostrophe" or "quote" in scraped press text.
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032"
_DQUOTES = "\u201c\u201d\u201e\u00ab\u00bb\u2033"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Spaces that are not U+0020: no-break, narrow no-break, thin, figure, ideographic...
SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DQUOTES:
        return '"'
    if ch in _DASHES:
        return "-"
    if ch in SPACES:
        return " "
    low = ch.lower()
    if len(low) != 1:  # e.g. "İ".lower() is two characters
        low = ch
    decomposed = unicodedata.normalize("NFD", low)
    base = decomposed[0] if decomposed else low
    if base == "œ":
        return "o"
    if base == "æ":
        return "a"
    return base


_FOLD_TABLE: dict[int, str] = {}
_KNOWN: set[str] = set()


# Short strings folded already (words, lemmas: the same few thousand, folded again and again by every stage),
# at most _FOLDED_MAX of them (then forgotten all at once, so memory stays bounded whatever the corpus).
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 50_000
_FOLDED_LEN = 40  # the longest string kept here (longer ones: _FOLDED_LONG)
# Sentences and paragraphs folded already: each stage of an article's extraction folds the same sentences again
# (figures, places, event frames), so the last ones are kept, up to _FOLDED_LONG_CHARS characters in all (then
# forgotten all at once); a string longer than _FOLDED_LONG_MAX is never kept.
_FOLDED_LONG: dict[str, str] = {}
_FOLDED_LONG_CHARS = 1_000_000
_FOLDED_LONG_MAX = 20_000
_folded_long_chars = 0


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes, quotes, dashes and spaces.

    The result has exactly the length of ``text`` (one character for one character).
    """
    global _folded_long_chars
    folded = _FOLDED.get(text)  # the most asked: a word or a lemma
    if folded is not None:
        return folded
    n = len(text)
    if n > _FOLDED_LEN:
        folded = _FOLDED_LONG.get(text)
        if folded is not None:
            return folded
    missing = set(text) - _KNOWN
    for ch in missing:
        _FOLD_TABLE[ord(ch)] = _fold_char(ch)
        _KNOWN.add(ch)
    folded = text.translate(_FOLD_TABLE)
    if n <= _FOLDED_LEN:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[text] = folded
    elif n <= _FOLDED_LONG_MAX:
        if _folded_long_chars + n > _FOLDED_LONG_CHARS:
            _FOLDED_LONG.clear()
            _folded_long_chars = 0
        _FOLDED_LONG[text] = folded
        _folded_long_chars += n
    return folded


# normalize_spaces' table: zero-width characters dropped, exotic spaces made plain (one pass)
_SPACE_TABLE: dict[int, str | None] = {**{ord(c): " " for c in SPACES}, **{ord(c): None for c in ZERO_WIDTH}}


def normalize_spaces(text: str) -> str:
    """NFC, no zero-width characters, every exotic space as a plain space."""
    text = unicodedata.normalize("NFC", text)
    if any(c in text for c in _SPACE_CHARS):  # most texts hold none: no pass over every character
        text = text.translate(_SPACE_TABLE)
    return text


_SPACE_CHARS = SPACES + ZERO_WIDTH


@lru_cache(maxsize=32768)
def name_key(name: str) -> str:
    """A transliteration-tolerant key for a proper name.

    Folds accents, drops the Arabic article (al-, el-, Al , l', d'), treats Q/K/C and
    W/OU as one letter, merges doubled letters, and writes every run of vowels as one
    ``a``, so Qaëm/Qaïm/al-Qaim, Qayyarah/Kayyarat and Soleimani/Souleimani meet.
    A final -ah/-a/-at/-e is dropped first (Habbaniyah / Habaniyat). Kept for the last 32,768 names asked (the
    place matcher asks for every capitalized word and its neighbours).
    """
    s = fold(name)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"^(?:al|el|ad|ar|as|at|az|an|ash|ech|es)[\s-]+|^(?:l|d)'", "", s)
    s = re.sub(r"[^a-z0-9]", "", s)
    if not s:
        return ""
    for a, b in (
        ("ou", "u"),
        ("ph", "f"),
        ("sh", "ch"),
        ("gh", "g"),
        ("kh", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("dj", "j"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"(?:ah|at|a|e|eh)$", "", s) or s
    s = re.sub(r"[qkc]", "k", s)
    s = s.replace("w", "u").replace("y", "i")
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiou]+", "a", s)


# --- sentences -------------------------------------------------------------------------

_ABBREVIATIONS = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "me",
    "st",
    "ste",
    "gen",
    "gén",
    "col",
    "lt",
    "sgt",
    "cpt",
    "cdt",
    "etc",
    "av",
    "bd",
    "no",
    "n°",
    "art",
    "p",
    "vol",
    "éd",
    "janv",
    "févr",
    "fevr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "déc",
    "dec",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "rep",
    "sen",
    "gov",
    "u.s",
    "u.n",
    "inc",
    "ltd",
    "vs",
}

_SENT_END = re.compile(r"(?<=[.!?…])[»\"”’)\]]*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9«\"“])")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


# The longest a sentence can be (characters). Press sentences stay under a few hundred characters (the longest
# of the development set has about 400); a longer run without a sentence end (a scrape gone wrong, a list of
# figures, a text with no punctuation) is cut into pieces of at most this length, at the last « ; », « , », « : »
# or space of each piece's second half: every stage works sentence by sentence, so each costs at most a
# bounded amount per piece, and the whole text a cost in proportion to its length.
MAX_SENTENCE = 1000


def split_sentences(text: str) -> list[Sentence]:
    """Split normalized article text into sentences with their character spans.

    Paragraph breaks always end a sentence; inside a paragraph a sentence ends at
    . ! ? or … followed by a capital, except after a known abbreviation or an initial.
    A run longer than :data:`MAX_SENTENCE` characters is cut into pieces.
    """
    return list(_split_cached(text))


@lru_cache(maxsize=16)
def _split_cached(text: str) -> tuple[Sentence, ...]:
    # the article's stages each split the same text (publication date, lead, extraction): split once
    # (sentences are frozen, so the callers share them)
    return tuple(_split(text))


def _split(text: str) -> list[Sentence]:
    """:func:`split_sentences`, computed."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start = para.start()
        chunk = para.group()
        last = 0
        for m in _SENT_END.finditer(chunk):
            before = chunk[max(last, m.start() - 200) : m.start()].rstrip()  # the word before the stop
            word = re.search(r"([\w°.]+)[.]$", before)
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
            _append(sentences, text, p_start + last, p_start + m.start())
            last = m.end()
        _append(sentences, text, p_start + last, p_start + len(chunk))
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # an overlong run: pieces, each cut after a separator when there is one
        half = start + MAX_SENTENCE // 2
        window = text[half : start + MAX_SENTENCE]
        cut = max(window.rfind(sep) for sep in ("; ", ", ", ": "))
        cut = half + cut + 1 if cut >= 0 else half + window.rfind(" ") if " " in window else start + MAX_SENTENCE
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append(Sentence(len(out), start, piece_end, text[start:piece_end]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


class ByStart:
    """Items (anything with a start) found by where they start, in O(log n): those that start in [a, b), in
    their order, and the one that holds a position. What keeps a stage near-linear: every item looked for
    in every sentence (or every figure's sentence, every clause) costs the square of a long text."""

    def __init__(self, items: list, start=lambda x: x.start):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self.starts = [start(items[i]) for i in self.order]

    def between(self, a: int, b: int) -> list:
        """The items that start in [a, b), in their order."""
        lo, hi = bisect_left(self.starts, a), bisect_left(self.starts, b)
        return [self.items[i] for i in sorted(self.order[lo:hi])]


def in_sentences(sentences: list[Sentence], items: list) -> list[tuple[Sentence, list]]:
    """Each sentence with the items (anything with a ``start``) that start inside it, in their order."""
    index = ByStart(items)
    return [(s, index.between(s.start, s.end)) for s in sentences]


def sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence holding the position ``pos`` (``sentences`` in text order, as :func:`split_sentences`
    gives them), or None."""
    i = _at(sentences, pos)
    return sentences[i] if i >= 0 and sentences[i].start <= pos < sentences[i].end else None


def _at(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences)
    while lo < hi:  # the last sentence starting at or before pos (no list of starts built per call)
        mid = (lo + hi) // 2
        if sentences[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def n_words(text: str) -> int:
    """The number of words of ``text`` (hyphenated and elided words count once)."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


# --- word patterns ---------------------------------------------------------------------------------

WORD_START = re.compile(r"\b\w\w")  # the first two characters of each word of two or more


def word_starts(rx: re.Pattern) -> frozenset[str] | None:
    """The first two letters of every word a pattern of words (``\\b(word|word…)\\b``, ``\\b(?:word|word…)\\b``,
    ``\\bword\\b``) can match, when each of its words starts with two plain letters (else None: the pattern may
    match anywhere).
    A text none of whose words (:func:`text_starts`) starts so holds none of them: the pattern need not run."""
    p = rx.pattern
    if rx.flags & re.IGNORECASE or not isinstance(p, str):  # « EI » would match « ei »: the starts are not the text's
        return None
    if p.startswith(r"\b(?:") and p.endswith(r")\b"):
        body = p[5:-3]
    elif p.startswith(r"\b(") and p.endswith(r")\b"):
        body = p[3:-3]
    elif p.startswith(r"\b") and p.endswith(r"\b") and re.fullmatch(r"[a-z][a-z' -]*", p[2:-2]):
        body = p[2:-2]
    else:
        return None
    words, depth, cur = [], 0, ""
    for ch in body:
        if ch == "|" and depth == 0:
            words.append(cur)
            cur = ""
            continue
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:  # « \b(?:a)|(?:b)\b »: the group closed is not the one opened first
            return None
        cur += ch
    words.append(cur)
    if depth or any(not re.fullmatch(r"[a-z]{2}", w[:2]) or w[2:3] in ("?", "*", "+", "{") for w in words):
        return None
    return frozenset(w[:2] for w in words)


def text_starts(text: str) -> set[str]:
    """The first two characters of every word of ``text`` (see :func:`word_starts`)."""
    return set(WORD_START.findall(text))


class WordPatterns:
    """Named patterns of words, each run only on a text where one of its words can start (:func:`word_starts`;
    a pattern of another form always runs)."""

    def __init__(self, named: list[tuple[str, re.Pattern]]):
        self.items = [(name, rx, word_starts(rx)) for name, rx in named]

    def runnable(self, text: str) -> list[tuple[str, re.Pattern]]:
        """The (name, pattern) that may match in ``text``, in their order."""
        starts = text_starts(text)
        return [(name, rx) for name, rx, need in self.items if need is None or not need.isdisjoint(starts)]


def _class_end(p: str, i: int) -> int:
    """The position after the character class opened at ``p[i]`` (« [^]a-z] »: a ``]`` first is a member)."""
    j = i + 1
    if p.startswith("^", j):
        j += 1
    if p.startswith("]", j):
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def _group_end(p: str, i: int) -> int | None:
    """The position after the group whose content starts at ``p[i]`` (its opening parenthesis just before), None
    when it is not closed or holds a capturing group (grouping its words again would renumber it)."""
    depth = 1
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(p, i)
            continue
        if ch == "(":
            if not p.startswith("(?", i) or (p.startswith(("(?P", "(?<"), i) and not p.startswith(("(?<=", "(?<!"), i)):
                return None
            depth += 1
        elif ch == ")":
            depth -= 1
            if not depth:
                return i + 1
        i += 1
    return None


def _top_alternatives(body: str) -> list[str]:
    """The alternatives of ``body`` (a group's content, checked by :func:`_group_end`) split at its top-level ``|``."""
    out, start, depth, i = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(body, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and not depth:
            out.append(body[start:i])
            start = i + 1
        i += 1
    return out + [body[start:]]


def by_first_letter(rx: re.Pattern) -> re.Pattern:
    """``rx`` (``\\b(word|word…)`` or ``\\b(?:word|word…)`` followed by anything) with its words grouped by their
    first letter, in the same order within a letter (``\\b(a(?:ttaqu|bat…)|b(?:omb…)…)``): at a position only the
    words of its letter are tried, instead of every word in turn. Two words of different first letters never match
    at the same position, so every match is the same. ``rx`` as it is when its form is another (a word that does not
    start with a plain letter, a capturing group inside, flags that fold case)."""
    p = rx.pattern
    if not isinstance(p, str) or rx.flags & re.IGNORECASE:
        return rx
    head = next((h for h in ("\\b(?:", "\\b(") if p.startswith(h)), None)
    end = _group_end(p, len(head)) if head else None
    if end is None:
        return rx
    alts = _top_alternatives(p[len(head) : end - 1])
    if any(not re.fullmatch(r"[a-z0-9]", a[:1]) or a[1:2] in ("?", "*", "+", "{") for a in alts):
        return rx
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    grouped = "|".join(c + "(?:" + "|".join(rest) + ")" for c, rest in groups.items())
    return re.compile(head + grouped + ")" + p[end:], rx.flags)


MEMO_LEN = 1000  # the longest text a short-text memo keeps (at most MEMO_SIZE of them: memory stays bounded)
MEMO_SIZE = 4096


def short_text_memo(fn):
    """``fn`` (a text -> tuple function) computed once per text of at most :data:`MEMO_LEN` characters, the last
    :data:`MEMO_SIZE` kept; a longer text is computed each time. The result is a new list at every call."""
    kept = lru_cache(maxsize=MEMO_SIZE)(fn)

    @wraps(fn)
    def call(text: str) -> list:
        return list(kept(text) if len(text) <= MEMO_LEN else fn(text))

    call.__annotations__ = {**fn.__annotations__, "return": list}
    return call
