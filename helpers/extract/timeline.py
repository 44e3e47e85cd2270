"""The reference timeline: well-known dated events and terms of office that an article may name
without a date (``DATA/reference/timeline.csv``, one row each, with its source).

An article that names the killing of Qassem Soleimani was written after 3 January 2020; one that calls
Joe Biden "le président américain" in its news was written during his term. :func:`Timeline.find`
returns these references with the words they rest on; :mod:`helpers.extract.published` turns them
into bounds on the publication date.

Columns of the file:

- ``kind``: ``office`` (a person holding a title) or ``event`` (a dated happening);
- ``since``: the first day the text can name it (an office: the election or appointment; an event: its date);
  ``start``, ``end``: the term of office or the event (``end`` blank: not over); ``outgoing``: from when
  the holder is "sortant" or "démissionnaire" (the successor elected, the resignation accepted);
- ``words``: plain words (folded, ``|``-separated), one of which the text must contain for the row to be
  looked for (a quick test before the regular expressions);
- ``names``: a regular expression on the folded text (:func:`helpers.text.fold`) for the person or the
  event's words; ``cue``: for an office, its titles ("président américain", "chef du Pentagone"),
  which must stand next to the name; for an event, words that must also occur in the same ``scope``
  (``sentence`` or ``paragraph``);
- ``by_day_month``: ``yes`` when a day and month written without a year next to its words is that
  event ("tués le 3 janvier" beside the killing of Soleimani); no for dates that became names, which
  writers repeat without a year for years ("le 7 octobre");
- ``what``, ``source``: what it is, and the page its dates were read from.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from re import _constants as sre_c
from re import _parser as sre_parse

from ..text import MAX_SENTENCE, fold

TIMELINE_FILE = "timeline.csv"


@dataclass(frozen=True)
class Entry:
    """One row of the timeline."""

    id: str
    kind: str  # office | event
    since: date
    start: date
    end: date | None
    outgoing: date | None
    words: tuple[str, ...]
    names: str
    cue: str
    scope: str
    by_day_month: bool
    what: str
    source: str


@dataclass(frozen=True)
class Reference:
    """A mention of timeline entries in a text. ``entries`` are the rows it may be (one person's terms:
    "le président Trump" is either of his two); ``role`` says how it is named: ``event``; for an office
    ``holder`` (title and name, no qualifier), ``former`` ("l'ancien président"), ``then`` ("alors
    président", "de l'époque"), ``outgoing`` ("sortant", "démissionnaire"), ``elect`` ("président élu")."""

    entries: tuple[Entry, ...]
    start: int
    end: int
    role: str
    words: str


_FORMER = re.compile(r"(?:\bancien(?:ne)?|\bex|\bl'ex|\bfeu|\bdefunte?|\bformer|\bfutur|\bprochain)[ -]?$")
_THEN = re.compile(r"(?:\balors|\bl'alors|de l'epoque|d'alors|a l'epoque|a ce moment-la)\b")
_OUTGOING = re.compile(
    r"\b(?:sortant|demissionnaire|charge des affaires courantes|des affaires courantes|"
    r"par interim|interimaire)\b"
)
_ELECT = re.compile(r"\belue?\b|\bdesigne\b")


class Timeline:
    """The entries of ``timeline.csv``, and how to find them in a text."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._groups: dict[str, tuple[Entry, ...]] = {}
        for e in entries:
            key = f"{e.kind}\x1f{e.names}\x1f{e.cue}"
            self._groups[key] = self._groups.get(key, ()) + (e,)
        # rows that share their names answer the same match; a names regex runs only on a text holding one of
        # its rows' words
        by_names: dict[str, list] = {}
        for ents in self._groups.values():
            by_names.setdefault(ents[0].names, []).append((ents, re.compile(ents[0].cue) if ents[0].cue else None))
        self._names = [
            (
                tuple(sorted({w for ents, _ in subs for e in ents for w in e.words})),
                re.compile(rf"\b(?:{names})\b"),
                subs,
            )
            for names, subs in by_names.items()
        ]

    @classmethod
    def load(cls, reference_dir: Path | str | None) -> Timeline:
        """The timeline of a data folder's ``reference/`` (empty when the file is absent)."""
        if reference_dir is None:
            return cls([])
        path = Path(reference_dir) / TIMELINE_FILE
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return cls([])
        return _load(str(path), stamp)

    def find(self, text: str, folded: str | None = None) -> list[Reference]:
        """Every reference of ``text`` to an entry, in text order."""
        folded = fold(text) if folded is None else folded
        out: list[Reference] = []
        for words, names, subs in self._names:
            if words and not any(w in folded for w in words):
                continue
            for m in names.finditer(folded):
                for ents, cue in subs:
                    ref = (
                        self._office(ents, m, cue, text, folded)
                        if ents[0].kind == "office"
                        else self._event(ents, m, cue, text, folded)
                    )
                    if ref is not None:
                        out.append(ref)
        out.sort(key=lambda r: (r.start, r.entries[0].id))
        return out

    @staticmethod
    def _office(ents, m: re.Match, titles: re.Pattern, text: str, folded: str) -> Reference | None:
        """The name at ``m`` as an office holder's: with a title before it ("le président américain (sortant)
        Joe Biden", "le chef du Pentagone, Mark Esper") or after it ("Mark Esper, alors chef du Pentagone"),
        and how the words around it name the term (holder, former, then, outgoing, elect); None without a title."""
        s, e = m.span()
        line_start = folded.rfind("\n", 0, s) + 1
        before = folded[max(line_start, s - 90) : s]
        # "le président américain (sortant) Donald Trump", "le chef du Pentagone, Mark Esper"
        t = None
        for tm in titles.finditer(before):
            mid = before[tm.end() :]
            if re.fullmatch(r"(?:,? [a-z'-]+){0,2}?,? ", mid):
                t = tm
                break
        if t is not None:
            a = s - len(before) + t.start()
            qual = before[t.end() :] + " " + before[max(0, t.start() - 30) : t.start()]
            lead_in = before[max(0, t.start() - 30) : t.start()]
        else:  # "Mark Esper, le chef du Pentagone", "Trump, alors président"
            after = folded[e : e + 70]
            am = re.match(rf",? (?:le |la |l'|alors |ancien |ancienne |ex-|l'ex-|futur )*(?:{titles.pattern})\b", after)
            if not am:
                return None
            a = s
            e = e + am.end()
            qual = after[: am.end()]
            lead_in = ""
        words = text[a:e]
        if _FORMER.search(lead_in) or re.search(r"\b(?:ancien(?:ne)?|ex-|l'ex-|futur)\b", qual):
            role = "former" if not re.search(r"\bfutur|\bprochain", qual + lead_in) else "future"
        elif _THEN.search(qual) or _THEN.search(folded[e : e + 25]):
            role = "then"
        elif _OUTGOING.search(qual):
            role = "outgoing"
        elif _ELECT.search(folded[a:e]) or _ELECT.search(folded[e : e + 8]):
            role = "elect"
        else:
            role = "holder"
        return Reference(ents, a, e, role, words)

    @staticmethod
    def _event(ents, m: re.Match, cue: re.Pattern | None, text: str, folded: str) -> Reference | None:
        if cue is not None:
            a, b = _scope(folded, m.start(), ents[0].scope)
            stops = _lookahead_stops(cue.pattern)
            if stops is not None and not any(folded.find(c, a, b) >= 0 for c in stops):
                found = cue.match(folded, a, b)  # the same answer as a search (see _lookahead_stops), in one try
            else:
                found = cue.search(folded, a, b)
            if not found:
                return None
        return Reference(ents, m.start(), m.end(), "event", text[m.start() : m.end()])


def _scope(folded: str, pos: int, scope: str) -> tuple[int, int]:
    """The sentence (or paragraph) around ``pos``: between the nearest ". ! ? newline" on each side, and
    within :data:`SCOPE_MAX` characters of it (a text without sentence ends is not one sentence)."""
    stops = "\n" if scope == "paragraph" else "\n.!?"
    lo, hi = max(0, pos - SCOPE_MAX), pos + SCOPE_MAX
    a = max(max(folded.rfind(c, lo, pos) for c in stops) + 1, lo)
    ends = [i for i in (folded.find(c, pos, hi) for c in stops) if i >= 0]
    return a, (min(ends) if ends else min(hi, len(folded)))


SCOPE_MAX = MAX_SENTENCE  # characters on each side: what the scope's cue is looked for in stays bounded


@lru_cache(maxsize=256)
def _lookahead_stops(pattern: str) -> str | None:
    """For a cue made only of lookaheads that each begin with a run of any character but some stops
    (``(?=[^\\n]*(?:vote|résolution))(?=[^\\n]*troupes)``: every condition anywhere on the line), those stops;
    None for any other cue. In a window holding none of the stops, such a cue found at some position is found
    at the window's start too (its runs reach from there to wherever they reached), so one try at the start
    answers what a search would, which tries every position and runs each lookahead to the window's end
    from each (a cost in the square of the window's length)."""
    if re.search(r"\\[1-9]|\(\?P=|\(\?\(", pattern):
        return None  # a back reference: what one lookahead took could depend on where it started
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None  # a stop would stand for its other case too
    items = list(parsed)
    stops: set[str] = set()
    for op, av in items:
        if op is not sre_c.ASSERT or av[0] != 1 or not len(av[1]):
            return None
        op2, av2 = av[1][0]
        if op2 is not sre_c.MAX_REPEAT or av2[0] != 0 or av2[1] != sre_c.MAXREPEAT or len(av2[2]) != 1:
            return None
        op3, av3 = av2[2][0]
        if op3 is sre_c.NOT_LITERAL:
            stops.add(chr(av3))
        elif op3 is sre_c.IN and av3 and av3[0] == (sre_c.NEGATE, None) and all(o is sre_c.LITERAL for o, _ in av3[1:]):
            stops.update(chr(v) for _, v in av3[1:])
        else:
            return None
    return "".join(sorted(stops)) if items else None


@lru_cache(maxsize=8)
def _load(path: str, stamp: int) -> Timeline:
    """The rows of ``path`` (``stamp``: its modification time, so an edited file is read again); a row with a
    bad date or regular expression is left out."""
    entries = []
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            try:
                since = date.fromisoformat(r["since"])
                start = date.fromisoformat(r["start"])
                end = date.fromisoformat(r["end"]) if r.get("end") else None
                out = date.fromisoformat(r["outgoing"]) if r.get("outgoing") else None
                re.compile(r["names"])
                if r.get("cue"):
                    re.compile(r["cue"])
            except (ValueError, KeyError, re.error):
                continue  # a malformed row is left out, never a crash
            words = tuple(w for w in fold(r.get("words") or "").split("|") if w)
            entries.append(
                Entry(
                    r["id"],
                    r["kind"],
                    since,
                    start,
                    end,
                    out,
                    words,
                    r["names"],
                    r.get("cue", ""),
                    r.get("scope") or "sentence",
                    (r.get("by_day_month") or "") == "yes",
                    r.get("what", ""),
                    r.get("source", ""),
                )
            )
    return Timeline(entries)
