"""Text utilities shared by every stage: folding for matching, sentences, name keys.

``fold`` is length-preserving (one character in, one character out), so a match found
in the folded text has the same span in the original text and the evidence shown to
readers stays verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes, quotes, dashes and spaces.

    The result has exactly the length of ``text`` (one character for one character).
    """
    missing = set(text) - _KNOWN
    for ch in missing:
        _FOLD_TABLE[ord(ch)] = _fold_char(ch)
        _KNOWN.add(ch)
    return text.translate(_FOLD_TABLE)


def normalize_spaces(text: str) -> str:
    """NFC, no zero-width characters, every exotic space as a plain space."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate({ord(c): None for c in ZERO_WIDTH})
    text = text.translate({ord(c): " " for c in SPACES})
    return text


def name_key(name: str) -> str:
    """A transliteration-tolerant key for a proper name.

    Folds accents, drops the Arabic article (al-, el-, Al , l', d'), treats Q/K/C and
    W/OU as one letter, merges doubled letters, and writes every run of vowels as one
    ``a``, so Qaëm/Qaïm/al-Qaim, Qayyarah/Kayyarat and Soleimani/Souleimani meet.
    A final -ah/-a/-at/-e is dropped first (Habbaniyah / Habaniyat).
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


def split_sentences(text: str) -> list[Sentence]:
    """Split normalized article text into sentences with their character spans.

    Paragraph breaks always end a sentence; inside a paragraph a sentence ends at
    . ! ? or … followed by a capital, except after a known abbreviation or an initial.
    """
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start = para.start()
        chunk = para.group()
        last = 0
        for m in _SENT_END.finditer(chunk):
            before = chunk[last : m.start()].rstrip()
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
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


def n_words(text: str) -> int:
    """The number of words of ``text`` (hyphenated and elided words count once)."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))
