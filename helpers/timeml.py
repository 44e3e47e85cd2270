"""The temporal tagger scored on ISO-TimeML gold (``python -m helpers evaluate --timeml DIR``).

Each ``*.tml`` file under ``DIR`` holds a document creation time (``<DCT>``) and a text with
inline ``<TIMEX3 type value mod>`` tags. The tagger (:func:`helpers.extract.dates.tag`) runs on the
plain text with the DCT as publication date, and is scored on the gold timexes of type DATE:

- **relaxed**: a tagger expression that overlaps a gold DATE timex finds it (one to one);
  precision is over the tagger's expressions, leaving out those that overlap only a gold
  TIME, DURATION or SET timex (not scored here);
- **strict**: the same with identical spans (ends stripped of spaces and punctuation, and the tagger's span
  without a leading preposition, which ISO-TimeML tags apart as a SIGNAL: « en juillet » is ``juillet``);
- **value**: a relaxed match whose ``[date_start, date_end]`` is the interval the gold value
  denotes — ``1999-05-18`` a day, ``1999-05`` a month, ``1999-W20`` an ISO week (``-WE`` its
  weekend), ``1999-SU`` a season, ``1999-Q2`` a quarter, ``1999-H1`` a half, ``1999`` a year,
  ``199`` a decade, ``19`` a century. With ``mod`` START, MID or END a sub-interval at the
  start, middle or end is right too. Gold values that fix no interval (``PRESENT_REF``,
  ``FUTURE_REF``, ``PAST_REF``, anything with ``X``, durations) are *unresolved*: the tagger
  is right on them when it leaves the expression unresolved. Value precision and recall are
  over the same denominators as the relaxed ones.

A winter (``WI``) is December to February; ``1999-WI`` accepts the winter ending in 1999
or the one starting in December 1999, since both readings occur. Seasons are the
meteorological ones (the tagger's).
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .extract.dates import tag
from .text import split_sentences

Interval = tuple[date, date]
STRIP = " \t\n\r.,;:!?«»\"'()[]"


@dataclass
class Timex:
    """A gold TIMEX3 of a document's text, with its span in the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass
class Document:
    """A TimeML document: its name, creation date, plain text and gold timexes."""

    name: str
    dct: date
    text: str
    timexes: list[Timex] = field(default_factory=list)


class TimemlError(ValueError):
    """A file that is not a readable TimeML document (the reason is the message)."""


def read_timeml(path: Path) -> Document:
    """Parse one ``.tml`` file: the DCT's value and the text with the spans of its TIMEX3 tags."""
    try:
        root = ET.fromstring(path.read_bytes())
    except (ET.ParseError, OSError) as exc:
        raise TimemlError(f"{path.name}: not well-formed XML ({exc})") from None
    dct_el = root.find("DCT/TIMEX3")
    dct = _day(dct_el.get("value", "")) if dct_el is not None else None
    if dct is None:
        raise TimemlError(f"{path.name}: no <DCT> with a day value")
    body = root.find("TEXT")
    if body is None:
        raise TimemlError(f"{path.name}: no <TEXT>")
    parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(Timex(start, pos, "", el.get("type", ""), el.get("value", ""), el.get("mod", "")))

    walk(body)
    text = "".join(parts)
    for t in timexes:
        t.text = text[t.start : t.end]
    timexes.sort(key=lambda t: t.start)
    return Document(path.stem, dct, text, timexes)


def _day(value: str) -> date | None:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}


def gold_intervals(value: str) -> list[Interval]:
    """The intervals a TimeML date value denotes (empty: unresolved). A value has one interval,
    except a winter (``WI``), which has the two readings the module docstring gives."""
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return [(d, d)]
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return [(date(y, mo, 1), _month_end(y, mo))]
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return [(monday + timedelta(days=5), monday + timedelta(days=6))]
            return [(monday, monday + timedelta(days=6))]
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            y = int(m[1])
            if m[2] == "WI":
                return [(date(y - 1, 12, 1), _month_end(y, 2)), (date(y, 12, 1), _month_end(y + 1, 2))]
            a, b = SEASON_MONTHS[m[2]]
            return [(date(y, a, 1), _month_end(y, b))]
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return [(date(y, 3 * q - 2, 1), _month_end(y, 3 * q))]
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return [(date(y, 6 * h - 5, 1), _month_end(y, 6 * h))]
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return [(date(y, 1, 1), date(y, 12, 31))]
        if m := re.fullmatch(r"(\d{3})", v):
            y = int(m[1]) * 10
            return [(date(y, 1, 1), date(y + 9, 12, 31))]
        if m := re.fullmatch(r"(\d{2})", v):
            y = int(m[1]) * 100
            return [(date(max(y, 1), 1, 1), date(y + 99, 12, 31))]
    except ValueError:
        return []
    return []


def value_right(start: date | None, end: date | None, value: str, mod: str = "") -> bool:
    """Whether the tagger's interval (None: unresolved) is the one the gold ``value`` denotes."""
    golds = gold_intervals(value)
    if not golds:
        return start is None
    if start is None or end is None:
        return False
    for a, b in golds:
        if (start, end) == (a, b):
            return True
        if mod in ("START", "MID", "END") and a <= start <= end <= b:
            if mod == "START" and start == a and end < b:
                return True
            if mod == "END" and end == b and start > a:
                return True
            if mod == "MID" and start > a and end < b:
                return True
    return False


# A preposition that governs a date is a SIGNAL in ISO-TimeML, outside the TIMEX3 extent (« en juillet »,
# « depuis 1999 », « du 30 mai », « jusqu'au 2 juin »): the tagger keeps it (it bears on the date's meaning),
# the strict score leaves it out of the tagger's extent, as the annotation guidelines do.
SIGNAL = re.compile(
    r"(?:jusqu'(?:au|aux|à|en)|d'ici|depuis|dès|pendant|durant|avant|après|vers|entre|pour|dans|par|"
    r"en|du|des|au|aux|à|de)\s+(?=\w)|d'(?=\w)",
    re.IGNORECASE,
)


def _extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The tagger's span of ``text[start:end]`` as a TIMEX3 extent: stripped, and without a leading SIGNAL
    (a governing preposition) when a date word follows it."""
    start, end = _stripped(text, start, end)
    m = SIGNAL.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


@dataclass
class Pair:
    """One line of the scoring: a gold DATE timex and/or a tagger expression."""

    doc: str
    gold: Timex | None
    found_text: str = ""
    found_span: tuple[int, int] | None = None
    found_interval: Interval | None = None
    strict: bool = False
    value: bool = False

    def describe(self) -> str:
        """One line for a reader: the gold expression and value, and what the tagger gave."""
        got = "nothing" if self.found_span is None else repr(self.found_text)
        if self.found_span is not None:
            got += " → " + (
                f"{self.found_interval[0]}..{self.found_interval[1]}" if self.found_interval else "unresolved"
            )
        if self.gold is None:
            return f"{self.doc}: not a gold DATE: {got}"
        mod = f" {self.gold.mod}" if self.gold.mod else ""
        return f"{self.doc}: {self.gold.text!r} = {self.gold.value}{mod}; tagger: {got}"


def score_document(doc: Document) -> list[Pair]:
    """Tag ``doc`` anchored on its DCT and pair the tagger's expressions with its gold DATE timexes."""
    sents = [(s.start, s.end) for s in split_sentences(doc.text)]
    found = tag(doc.text, doc.dct, doc.dct, sents)
    golds = [t for t in doc.timexes if t.type == "DATE"]
    others = [t for t in doc.timexes if t.type != "DATE"]
    used: set[int] = set()
    pairs: list[Pair] = []
    for x in found:
        s, e = _extent(doc.text, x.start, x.end)
        overlaps = [i for i, g in enumerate(golds) if i not in used and s < g.end and g.start < e]
        interval = (x.date_start, x.date_end) if x.resolved else None
        if not overlaps:
            if any(s < o.end and o.start < e for o in others):
                continue  # a TIME, DURATION or SET expression: not scored
            pairs.append(Pair(doc.name, None, doc.text[s:e], (s, e), interval))
            continue
        i = max(overlaps, key=lambda i: min(e, golds[i].end) - max(s, golds[i].start))
        used.add(i)
        g = golds[i]
        pairs.append(
            Pair(
                doc.name,
                g,
                doc.text[s:e],
                (s, e),
                interval,
                strict=(s, e) == _stripped(doc.text, g.start, g.end),
                value=value_right(x.date_start if x.resolved else None, x.date_end, g.value, g.mod),
            )
        )
    for i, g in enumerate(golds):
        if i not in used:
            pairs.append(Pair(doc.name, g))
    pairs.sort(key=lambda p: p.gold.start if p.gold else p.found_span[0])
    return pairs


def _prf(right: int, found: int, gold: int) -> dict:
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def summarize(pairs: list[Pair]) -> dict:
    """Counts and relaxed, strict and value P/R/F1 of a list of pairs."""
    gold = sum(p.gold is not None for p in pairs)
    found = sum(p.found_span is not None for p in pairs)
    matched = sum(p.gold is not None and p.found_span is not None for p in pairs)
    strict = sum(p.strict for p in pairs)
    value = sum(p.value for p in pairs)
    return {
        "gold": gold,
        "found": found,
        "matched": matched,
        "strict_matched": strict,
        "value_right": value,
        "relaxed": _prf(matched, found, gold),
        "strict": _prf(strict, found, gold),
        "value": _prf(value, found, gold),
    }


def evaluate_timeml(folder: Path) -> tuple[dict, list[Pair], list[str]]:
    """Score the tagger on every ``*.tml`` under ``folder``: (figures overall and per document,
    every pair, one-line reasons for the files that could not be read)."""
    files = sorted(Path(folder).rglob("*.tml"))
    pairs: list[Pair] = []
    per_doc: dict[str, dict] = {}
    errors: list[str] = []
    for f in files:
        try:
            doc = read_timeml(f)
        except TimemlError as exc:
            errors.append(str(exc))
            continue
        ps = score_document(doc)
        pairs += ps
        s = summarize(ps)
        per_doc[doc.name] = {k: s[k] for k in ("gold", "found", "matched", "strict_matched", "value_right")}
    out = {"documents": len(per_doc), **summarize(pairs), "unreadable": len(errors), "per_document": per_doc}
    return out, pairs, errors


def misses(pairs: list[Pair]) -> list[Pair]:
    """The pairs that are not right in value (missed, spurious or wrongly normalized)."""
    return [p for p in pairs if not p.value]


def summary_line(figures: dict) -> str:
    """The one-line summary ``make eval`` prints."""
    r, s, v = figures["relaxed"], figures["strict"], figures["value"]
    return (
        f"TimeML: {figures['documents']} documents, {figures['gold']} DATE timexes, {figures['found']} found; "
        f"relaxed P {r['precision']:.2f} R {r['recall']:.2f} F1 {r['f1']:.2f}; strict F1 {s['f1']:.2f}; "
        f"value P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f}"
    )
