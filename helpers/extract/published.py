"""Publication dates: given (sidecar), or inferred from the text as a window with its reasons.

A window is the set of days the article may have been published on; every bound rests on words of
the text (quoted in the evidence) and the window is never narrowed by a guess. Wrong is worse than
wide: every relative date of the article ("mardi", "la semaine dernière") hangs on it.

1. **Metadata** (the sidecar) and a **full dateline** ("BAGDAD, 3 janv. 2020 (AFP) -", "Publié le …",
   "Mis à jour le …", numeric datelines) give the day; nothing else can change it.
2. A **dateline without a year** ("WASHINGTON, 9 septembre (Reuters) -", "Mis à jour le 14/02") keeps one
   day a year, and only the years where that day is the weekday its own sentence tells the news by or the day
   after (« BAGDAD, 10 mai (Belga) – … a passé mardi », « … jeudi soir »); the bounds below choose the year. When that day is the day of (or after) a one-day event of
   the reference timeline the article names as what happened (not as background or anniversary), the wire
   filed its report of it: that event's year.
3. **Dates the article reports**: one in a past clause ("En 2019, les manifestations ont commencé", "depuis
   2014") is a lower bound, never the publication date itself; one in a future clause ("se retireront
   d'ici septembre 2026", "le vote aura lieu le 3 novembre 2020") an upper bound.
4. **The reference timeline** (``DATA/reference/timeline.csv``, :mod:`helpers.extract.timeline`): an event
   the text names in a past or present clause (the killing of Soleimani, the Tower 22 attack, COVID-19) is
   a lower bound; a person named with a title ("le chef du Pentagone, Mark Esper") dates the clause within
   the term, and the article too when the clause is its news (no year written in the sentence, no
   pluperfect, no "alors", "ancien" or "de l'époque"), within one of them when the terms are apart (Trump's
   two); "l'ancien président" is after the term.
5. A **day and month without a year** next to a timeline entry ("tués le 3 janvier" beside the killing of
   Soleimani, "le mardi 24 mars" beside the coronavirus) is that entry's date, and writers leave the year
   out only for dates of the past twelve months: publication is within a year after it.
6. **The rest of the corpus** (:func:`helpers.across.dating.corpus_constraints`): an event another article
   dates is a lower bound; the lead's news is within a week of it.
7. A **weekday with a day and month** ("ce mercredi 25 mars") falls on that weekday only in some years:
   in the lead it is the day of the news (published that day or the next); elsewhere a day of the two weeks
   before publication (writers add the weekday only to the days around it: « samedi 4 janvier »); in a
   clause of the future or of a plan, a day of the coming year (or of those two weeks): it still picks the years.
   Counted from by an offset (« Douze jours après l'assaut du jeudi 20 janvier, … »), it is the anchor of its
   clause's day, which is that far from it (an inexact count, « quelques semaines après », leaves it open).
   A later day told as past, without its year within a month after it (« … ont annoncé le 26 janvier … ») or
   counted from the last day told (« Dix jours plus tard, … »), is of the same stretch: publication is not
   before it, in the lead or elsewhere; an inexact count (« plusieurs semaines plus tard ») leaves it open. Told as the start of a span to the
   present (« depuis le jeudi 20 janvier ») or in the pluperfect, it is before the news: a day of those two weeks.
8. A **date in apposition to a period counted from publication** (« la semaine dernière, jeudi 20 août »,
   « le mois dernier, le 12 mars », « cette semaine, … ») is in that calendar week, month or year: publication
   is in the one after it, the same, or the one before.
9. **« Jour pour jour »** in the lead counts an exact interval from a past day to the writer's present
   (« il y a un an jour pour jour, le 3 janvier … », « un mois jour pour jour après le vote … »): published
   about that day.
10. A **date in apposition to its distance from the present** (« en septembre 2025, soit dans douze mois »,
   « il y a dix ans, en 2014 »): published that far from it, give or take half the unit writers round to.

Bounds are applied strongest first (dateline, reported dates, timeline, yearless dates, corpus,
weekdays, periods, « jour pour jour », distances); one that would leave no day is set aside and said so. The window's
precision is the smallest calendar unit holding it: day, month, year (or a year's span) or unknown. Photo
credits and captions were removed by normalization and their years are never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from .. import config
from ..read.corpus import parse_iso_date
from ..text import fold, split_sentences
from .dates import (
    _DATED_PARTICIPLE,
    _TENSE_RX,
    NUM,
    PAST_VERB_BEFORE,
    WD,
    TimeExpr,
    _num,
    _unit,
    clause_tense,
    find_expressions,
    month_range,
    part_range,
    participle_before,
    resolve,
    weekday_years,
)
from .timeline import Reference, Timeline

FUTURE_BEFORE = re.compile(
    r"(mett\w* fin|prendr\w* fin|a partir|d'ici|jusqu'|prevu|prevue|prevus|devrait|devra|doivent|doit|avant|"
    r"d'ici a|programme|attendu|attendue|au plus tard|echeance)[^.\n]{0,25}$"
)
DATELINE_WORDS = re.compile(
    r"^\W*(publie|publiee|mis a jour|mise a jour|derniere mise a jour|actualise|actualisee|modifie|modifiee|"
    r"posted|published|updated|date de publication|date)\b"
)

# the same words inside a byline's line, and a clock time after a date (« à 18:47 », « - 17:42 », « à 16h05 »)
STAMP_WORDS = re.compile(
    r"\b(?:(?:a ete |a )?publiee?|mis a jour|mise a jour|derniere mise a jour|actualisee?|modifiee?|posted|published|"
    r"updated)\b(?:\s*(?:le|:))?\s*$"
)
# the cue of a stamp's update part (« modifié à 21h02, le … », « mis à jour le … »)
UPDATE = r"(?:mis a jour|mise a jour|derniere mise a jour|actualisee?|modifiee?|updated|maj)\b"
# what may follow a stamp's date on its line: a clock time, then another part of the byline or its update
CLOCK = r"\s*(?:a|-|,)?\s*\d{1,2}\s*(?:h|:)\s*\d{2}\b"
UPDATE_TAIL = rf"\s*[,;-]?\s*{UPDATE}.*"
# the time zone a clock time may carry (« 7 h 14 HNE », « 08:41 GMT », « 16h05 (heure de Paris) », « 10:00 UTC+1 »;
# Canada's normal and daylight hours: HNE, HAE, HNP, HAP…; Central Europe's: HEC)
TIME_ZONE = (
    r"(?:\s*\(?(?:(?:gmt|utc|tu)(?:\s*[+-]\s*\d{1,2})?|h[na][ecrpat]|hec|hae?c|cet|cest|"
    r"heure (?:locale|de paris|de l'est|du pacifique|francaise|de bruxelles|de geneve|suisse))\)?)?"
)
STAMP_TAIL = re.compile(
    rf"(?:{CLOCK}(?:\s*(?:h|min))?{TIME_ZONE})?\s*(?:[|•—–(].*|- .*|{UPDATE_TAIL})?[\s.]*"
)  # (folded: — is -)
STAMP_CLOCK = re.compile(CLOCK)
# a byline's signature before its date (« Rédigé par AFP le », « Écrit par Jean Dupont, le », « Par Léa Martin - »): a
# name (capitalised) after « par », at the head of its part of the line
_SIGNED = re.compile(
    r"\s*(?:(?:[RrÉéEe]crit|[Rr]édig|[Ss]ign)[ée]e?s?\s+)?[Pp]ar\s+[A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){0,4}?\s*,?\s*"
    r"(?:le\s+)?"
)
# a stamp with the time first (« 20h30, le 01 janvier 2020 », « 14:02 - 12/05/2022 », « modifié à 21h02, le … »):
# the date's part of the line holds only a clock time, after a stamp's cue or none
CLOCK_FIRST = re.compile(
    r"(?:(?:publiee?|mis a jour|mise a jour|actualisee?|modifiee?)\s+)?(?:a\s+)?\d{1,2}\s*(?:h|:)\s*\d{2}"
    r"(?:\s*(?:h|min))?\s*[,-]?\s*(?:le\s+)?"
)


@dataclass
class Constraint:
    """A bound on the publication date from outside the article's own text."""

    lo: date | None
    hi: date | None
    evidence: str


@dataclass
class PubDate:
    start: date | None = None
    end: date | None = None
    precision: str = "unknown"
    basis: str = ""
    evidence: str = ""
    notes: list[str] = field(default_factory=list)
    settled: bool = False  # from metadata or a dateline: nothing in the corpus can change it


def window_precision(a: date, b: date) -> str:
    """The contract's precision of a window: day, month (one calendar month), year (within a year) or unknown."""
    if a == b:
        return "day"
    if (a.year, a.month) == (b.year, b.month):
        return "month"
    if a.year == b.year or (b - a).days <= 366:
        return "year"
    return "unknown"


def is_future_context(folded: str, start: int) -> bool:
    """Is the expression at ``start`` announced as a deadline or plan ("d'ici", "prévu"…)?"""
    # the marker ends at most 25 characters before the date: a bounded look back (a line may be a whole article)
    lo = max(0, start - 80)
    line_start = max(folded.rfind("\n", lo, start), folded.rfind(". ", lo, start), lo - 1) + 1
    m = FUTURE_BEFORE.search(folded[line_start:start])
    if m is None:
        return False
    if m.group(1) == "jusqu'" and PAST_VERB_BEFORE.search(
        folded, max(line_start, line_start + m.start(1) - 40), line_start + m.start(1)
    ):
        return False  # « qui a commandé jusqu'en novembre la mission », « stationnés jusqu'en 2011 »: a past end
    # a past participle between the marker and the date binds the date to that past act (« avant l'échéance du
    # 30 juin fixée en mars »: the setting was in March)
    p = _DATED_PARTICIPLE.search(folded, max(line_start + m.end(1), start - 40), start)
    return p is None


# a photo caption or credit line ("Sur cette photo d'archives …", "[Tim Sloane / AFP]", "(Crédit photo: …)")
_CAPTION = re.compile(
    r"\b(?:photo|archives?|credit|getty|illustration|capture d'ecran|image)\b|©|\[[^\]\n]*/[^\]\n]*\]"
)


def lead_span(text: str, title: str) -> tuple[int, int]:
    """The span of the lead: the first two sentences of running text, leaving out the title, headlines
    and labels (short lines without final punctuation), photo captions and credits."""
    sents = split_sentences(text)
    if sents and title and fold(sents[0].text).strip() == fold(title).strip():
        sents = sents[1:]
    body = []
    for s in sents:
        ls = text.rfind("\n", 0, s.start) + 1
        le = text.find("\n", s.end)
        line = text[ls : le if le >= 0 else len(text)].strip()
        headline = len(line.split()) < 15 and not re.search(r"[.!?»\"…]$", line)
        if len(s.text.split()) < 5 or headline or _CAPTION.search(fold(line)):
            continue
        body.append(s)
        if len(body) == 2:
            break
    lead = body or sents[:2]
    return (lead[0].start, lead[-1].end) if lead else (0, 0)


# the days a window may hold: from FLOOR (no lower bound) to the horizon (no upper bound)
FLOOR = date(1900, 1, 1)
OFFICE_GRACE = timedelta(days=30)  # a holder's news may appear a few days after the term ended
WITHIN_A_YEAR = timedelta(days=366)
WEEKDAY_DATE_WITHIN = timedelta(days=13)
RANK = {
    "dateline": 0,
    "reported": 1,
    "reference": 2,
    "yearless": 3,
    "corpus": 4,
    "weekday": 5,
    "stamp_weekday": 5,
    "period": 5,
    "to_the_day": 5,
    "distance": 5,
    "named_day": 5,
    "news": 6,
}


def horizon() -> date:
    """The last day an article can have been published on, as far as this project knows."""
    return date(config.STUDY_END_YEAR, 12, 31)


@dataclass
class Bound:
    """Publication is within [lo, hi] (None: open); or, with ``days``, within one of those spans; or, with
    ``weekday``, within ``stretch`` days after a day of that weekday falling in [lo, hi]."""

    lo: date | None
    hi: date | None
    why: str
    rank: str
    days: list[tuple[date, date]] | None = None
    weekday: int | None = None
    stretch: int = 6

    def spans(self, window: Window) -> list[tuple[date, date]]:
        """The spans of a weekday bound, within reach of ``window``."""
        a = max(self.lo or FLOOR, window.lo - timedelta(days=self.stretch))
        b = min(self.hi or date.max, window.hi)
        a += timedelta(days=(self.weekday - a.weekday()) % 7)
        out = []
        while a <= b:
            out.append((a, a + timedelta(days=self.stretch)))
            a += timedelta(days=7)
        return out


class Window:
    """The days publication may fall on, as sorted disjoint closed intervals."""

    def __init__(self, spans: list[tuple[date, date]]):
        self.spans = spans

    @property
    def lo(self) -> date:
        """The first possible day."""
        return self.spans[0][0]

    @property
    def hi(self) -> date:
        """The last possible day."""
        return self.spans[-1][1]

    def within(self, lo: date | None, hi: date | None) -> Window:
        """The days of this window between ``lo`` and ``hi`` (None: open)."""
        lo, hi = lo or FLOOR, hi or date.max
        return Window([(max(a, lo), min(b, hi)) for a, b in self.spans if a <= hi and b >= lo])

    def among(self, days: list[tuple[date, date]]) -> Window:
        """The days of this window that fall in one of the spans ``days``."""
        out = []
        for c, d in sorted(days):
            for a, b in self.spans:
                if a <= d and c <= b:
                    out.append((max(a, c), min(b, d)))
        out.sort()
        merged: list[tuple[date, date]] = []
        for a, b in out:
            if merged and a <= merged[-1][1] + timedelta(days=1):
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return Window(merged)

    def __bool__(self) -> bool:
        return bool(self.spans)


def infer_one(
    text: str,
    title: str = "",
    meta_published: str = "",
    html_date: str = "",
    constraints: list[Constraint] | None = None,
    timeline: Timeline | None = None,
) -> PubDate:
    """The publication date (window) of one article, with the words each bound rests on."""
    if meta_published:
        parsed = parse_iso_date(meta_published)
        if parsed:
            d, prec = parsed
            end = {"day": d, "month": month_range(d.year, d.month)[1], "year": date(d.year, 12, 31)}[prec]
            return PubDate(d, end, prec, "metadata", "", settled=True)
    exprs = find_expressions(text)
    folded = fold(text)
    dl = _dateline(text, folded, exprs)
    if dl:
        return dl
    if html_date:
        parsed = parse_iso_date(html_date[:10])
        if parsed:
            d, prec = parsed
            return PubDate(d, d, prec, "inferred", f"HTML page metadata: {html_date}")
    sents = [(s.start, s.end) for s in split_sentences(text)]
    lead = lead_span(text, title)
    refs = timeline.find(text, folded) if timeline is not None else []
    periods = _period_pairs(folded, exprs)
    bounds = (
        _partial_dateline(text, folded, exprs)
        + _reported_dates(text, folded, exprs)
        + _reference_bounds(text, folded, exprs, refs, sents, lead)
        + _dateline_on_the_day(text, folded, exprs, refs, sents)
        + _yearless_links(text, folded, exprs, refs, sents)
        + [Bound(c.lo, c.hi, c.evidence, "corpus") for c in constraints or []]
        + _weekday_stamp(text, folded, exprs)
        + _weekday_dates(text, folded, exprs, lead, frozenset(x.start for _, x in periods))
        + _period_dates(text, periods)
        + _named_relative_days(text, folded, exprs)
        + _to_the_day(text, folded, exprs, refs, sents, lead)
        + _offset_to_present(text, folded, exprs, refs, sents)
        + _distance_dates(text, folded, exprs)
    )
    window = Window([(FLOOR, horizon())])
    used: list[Bound] = []
    notes: list[str] = []
    raised = lowered = None  # the bounds that last moved each end of the window
    for b in sorted(bounds, key=lambda b: RANK[b.rank]):
        if b.weekday is not None:
            new = window.among(b.spans(window))
        else:
            new = window.among(b.days) if b.days is not None else window.within(b.lo, b.hi)
        if not new:
            notes.append(f"set aside, contradicts the rest: {b.why}")
            continue
        if new.spans != window.spans:
            used.append(b)
            if b.days is None and b.weekday is None:
                raised = b if new.lo > window.lo else raised
                lowered = b if new.hi < window.hi else lowered
        window = new
    lo, hi = window.lo, window.hi
    evidence = _evidence(used, raised, lowered)
    if not any(b.lo is not None or b.rank == "yearless" for b in used):
        # nothing bounds it from below (a day and month, or a weekday and date, repeat over the years)
        return PubDate(notes=notes or ["no date evidence in the text"], evidence=evidence)
    if 1 < len(window.spans) <= 4:  # a few separate candidates: say which
        evidence += "; possible: " + ", ".join(
            a.isoformat() if a == b else f"{a.isoformat()}…{b.isoformat()}" for a, b in window.spans
        )
    open_end = hi == horizon() and not any(b.hi == hi or b.days or b.weekday is not None for b in used)
    prec = "unknown" if open_end else window_precision(lo, hi)
    return PubDate(lo, hi, prec, "inferred", evidence, notes)


def _evidence(used: list[Bound], raised: Bound | None, lowered: Bound | None) -> str:
    """The words the window rests on: what picked its days, then what set its start and its end."""
    days = [b for b in used if b.days is not None or b.weekday is not None]
    return "; ".join(dict.fromkeys(b.why for b in days + [raised, lowered] if b is not None))


def _sentence(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in sents if a <= pos < b), (pos, pos))


def _quote(text: str, x) -> str:
    return repr(text[x.start : x.end].strip())


def _yearless_dateline(text: str, folded: str, exprs: list[TimeExpr]) -> tuple[TimeExpr, str] | None:
    """The day and month without a year of a dateline or "Mis à jour le" line, with that line."""
    for x in exprs:
        if x.kind != "date" or x.year is not None or x.month is None or x.rel in ("next", "last"):
            continue
        line, rank = _dateline_line(text, folded, x)
        if rank is not None:
            return x, line
    return None


def _partial_dateline(text: str, folded: str, exprs: list[TimeExpr]) -> list[Bound]:
    """A dateline or "Mis à jour le" line with a day and month but no year: that day, some year."""
    found = _yearless_dateline(text, folded, exprs)
    if found is None:
        return []
    x, line = found
    years = range(FLOOR.year, horizon().year + 1)
    why = f"dateline without a year: {line!r}"
    if x.weekday is not None:
        years = weekday_years(x.day, x.month, x.weekday, years)
    else:
        lag = _lead_weekday_lag(text, folded, exprs, x)
        if lag:
            years = [y for y in years if _valid_day(y, x.month, x.day) and date(y, x.month, x.day).weekday() in lag[0]]
            why += f"; its lead's {lag[1]} is the dateline's day or the day before (the wire's report of the day)"
    days = [(date(y, x.month, x.day),) * 2 for y in years if _valid_day(y, x.month, x.day)]
    return [Bound(None, None, why, "dateline", days)]


def _lead_weekday_lag(text: str, folded: str, exprs: list[TimeExpr], dl: TimeExpr) -> tuple[set[int], str] | None:
    """The weekdays a yearless dateline's day may fall on, from the weekdays its own sentence tells the news by
    (« BAGDAD, 10 mai (Belga) – Le Danemark a passé mardi le relais »): a wire files the day's news that day or,
    for the evening's or the night's, the next morning (« vendredi soir » in a dispatch of Saturday; « dans la
    nuit de mardi à mercredi » of Wednesday or Thursday). Every weekday of the sentence counts (the news is one
    of them); none when one is of the future, of another week (« mardi dernier ») or of a plan."""
    sent = next(((a, b) for a, b in ((s.start, s.end) for s in split_sentences(text)) if a <= dl.start < b), None)
    if sent is None:
        return None
    here = [w for w in exprs if w.kind == "weekday" and dl.end <= w.start < sent[1]]
    if not here or any(
        w.rel not in (None, "recent", "this") or w.tense in ("future", "planned") or is_future_context(folded, w.start)
        for w in here
    ):
        return None
    lag = {(w.weekday + k) % 7 for w in here for k in ((1, 2) if w.night else (0, 1))}
    return lag, ", ".join(dict.fromkeys(_quote(text, w) for w in here))


def _dateline_on_the_day(
    text: str, folded: str, exprs: list[TimeExpr], refs: list[Reference], sents: list[tuple[int, int]]
) -> list[Bound]:
    """A dateline without a year (« BAGDAD, 4 janvier (Reuters) - ») whose day is the day of, or the day
    after, a one-day timeline event the article names as what happened (not as its cause, background or
    anniversary, not in the future): the wire filed its report of that event, in that event's year. Only an
    event dated by its day and month (``by_day_month``): the first strikes of 8 August 2014 are not « la coalition »
    that a report of any later 8 August names."""
    found = _yearless_dateline(text, folded, exprs)
    if found is None:
        return []
    dl = found[0]
    for ref in refs:
        e0 = ref.entries[0]
        if ref.role != "event" or len(ref.entries) != 1 or e0.end is not None or not e0.by_day_month:
            continue  # a lasting thing that began that day (« la coalition »), not a one-day event told
        filed = [e0.start + timedelta(days=k) for k in (0, 1)]
        if not any((d.month, d.day) == (dl.month, dl.day) for d in filed):
            continue
        sent = _sentence(sents, ref.start)
        if names_as_background(text[sent[0] : sent[1]]) or clause_tense(text, folded, ref.start, ref.end) in (
            "future",
            "planned",
        ):
            continue
        return [
            Bound(
                e0.start,
                filed[1],
                f"the dateline's day ({_quote(text, dl)}) is the day of {e0.what}, which the article names "
                f"({ref.words.strip()!r}): the wire's report of it (reference timeline)",
                "news",
            )
        ]
    return []


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def _reported_dates(text: str, folded: str, exprs: list[TimeExpr]) -> list[Bound]:
    """Dates with a year: in a past clause a lower bound, in a future clause an upper bound."""
    out = []
    for x in exprs:
        if x.year is None or x.kind not in ("date", "interval", "month", "part", "season", "year"):
            continue
        r = resolve(x, None)
        if r is None:
            continue
        tense = clause_tense(text, folded, x.start, x.end)
        lo = max(0, x.start - 100)  # the 100 characters before, within the sentence (looked for there only)
        line_start = max(folded.rfind("\n", max(0, lo - 1), x.start), folded.rfind(". ", max(0, lo - 1), x.start)) + 1
        ahead = _DEADLINE.search(folded, max(line_start, lo), x.start)
        pp = participle_before(text, folded, x.start)
        if ahead and pp is not None and "," in folded[ahead.start() : pp]:
            ahead = None  # « d'ici la fin du mois, conformément à l'accord conclu en septembre 2024 »: a past act's
        deadline = ahead or folded.startswith("d'ici", x.start)
        if tense == "future" or deadline:
            out.append(Bound(None, r[1], f"{_quote(text, x)} is ahead: not after {r[1].isoformat()}", "reported"))
        elif _UNTIL.search(folded[max(line_start, x.start - 30) : x.start]) or folded.startswith("jusqu'", x.start):
            continue  # « a été prolongé jusqu'à fin 2023 »: the end of a span, said before or after it came
        elif _before(folded, x.start):
            continue  # « ont quitté la base avant le 31 décembre »: the act came before that day, not on or after it
        elif tense == "past" or x.since:
            out.append(
                Bound(r[0], None, f"{_quote(text, x)} is reported as past: not before {r[0].isoformat()}", "reported")
            )
    return out


# a deadline: the date after it is still ahead ("un accord mettant fin à la mission à la fin 2021",
# "d'ici septembre 2026", "au plus tard le 31 décembre"); not "a mis fin", "a pris fin"
_DEADLINE = re.compile(
    r"(?:\bmett(?:ant|re|ra|ront|rait|raient) fin\b|\bprendr(?:e|a|ont|ait|aient) fin\b|\bd'ici\b|"
    r"\bau plus tard\b|\bech(?:eance|u)\b|\bdate butoir\b)[^.;\n]{0,90}$"
)
# the end of a span (« prolongé jusqu'à fin 2023 », « restera jusqu'en 2026 »): a past verb does not make it past
_UNTIL = re.compile(r"\bjusqu'(?:a|au|aux|en)\s+(?:la |le |l'|fin |debut |mi-|la fin d[eu'] ?|la mi-)?$")
# a date as the bound of what came before it (« avant le 31 décembre », « avant fin 2021 »)
_BEFORE = re.compile(r"avant\b(?! de\b)")


def _before(folded: str, start: int) -> bool:
    """Whether the date at ``start`` is written as the bound of what came before it (« avant le 31 »)."""
    return bool(_BEFORE.match(folded, start) or folded.endswith("avant ", 0, start))


_PLUPERFECT = re.compile(r"\b(?:avait|avaient|etait|etaient|s'etait|s'etaient|eut|eurent) ")


def _is_news(text: str, folded: str, exprs: list[TimeExpr], sent: tuple[int, int], ref: Reference) -> bool:
    """Whether the clause naming ``ref`` is the article's present: no year written in its sentence and no
    pluperfect next to it ("alors" or "de l'époque" already made the mention one of the past: role ``then``)."""
    if any(x.year is not None and sent[0] <= x.start < sent[1] for x in exprs):
        return False
    near = folded[max(sent[0], ref.start - 60) : min(sent[1], ref.end + 60)]
    return not _PLUPERFECT.search(near)


# words that give an event named in a sentence as the cause or background of its news
_BACKGROUND = re.compile(
    r"\b(?:apres|depuis|suite a|a la suite d|en represailles|en reponse|au lendemain|dans la foulee|"
    r"consecutive?s? a|recemment|deja|naguere|jadis|anniversaire|commemor|il y a)"
)


def names_as_background(clause: str) -> bool:
    """Whether a clause names an event as the cause, background or anniversary of its news ("après
    l'assassinat de …", "le jour du deuxième anniversaire de la mort de …"), or tells it in the pluperfect
    (« lors de l'attaque du 8 janvier, Washington avait assuré … »: a past before the story's own, which
    the news then corrects or follows): not the news itself."""
    folded = fold(clause)
    # a pluperfect after « que » is reported speech's sequence of tenses (« a affirmé qu'aucun soldat
    # n'avait été blessé »), not the clause's own tense
    own = re.split(r"\bqu(?:e\b|')", folded, maxsplit=1)[0]
    return bool(_BACKGROUND.search(folded) or _PLUPERFECT.search(own))


# relative day words: the sentence's news is of the past week
_RELATIVE_DAY = ("weekday", "relative")


def _relative_news(exprs: list[TimeExpr], sent: tuple[int, int]) -> list[TimeExpr]:
    """The sentence's relative dates ("vendredi", "hier", "dans la nuit de vendredi à samedi") if it has
    no other date; else nothing."""
    here = [x for x in exprs if sent[0] <= x.start < sent[1]]
    rel = [
        x
        for x in here
        if x.kind in _RELATIVE_DAY
        and x.unit in (None, "day", "weekend")
        and x.rel not in ("next", "ago", "same_time")
        and x.tense not in ("future", "planned")
    ]
    if not rel or len(rel) != len(here):
        return []
    return rel


def _reference_bounds(
    text: str,
    folded: str,
    exprs: list[TimeExpr],
    refs: list[Reference],
    sents: list[tuple[int, int]],
    lead: tuple[int, int],
) -> list[Bound]:
    """Bounds from the timeline entries the text names."""
    out = []
    for ref in refs:
        ents = ref.entries
        e0 = ents[0]
        sent = _sentence(sents, ref.start)
        words = repr(ref.words.strip())
        tense = clause_tense(text, folded, ref.start, ref.end)
        if e0.kind == "event":
            if tense in ("future", "planned"):
                continue
            years = [x.year for x in exprs if x.year is not None and sent[0] <= x.start < sent[1]]
            span = range(min(e.start.year for e in ents), max((e.end or e.start).year for e in ents) + 1)
            if years and not any(y in span for y in years):
                continue  # the sentence speaks of another time
            since = min(e.since for e in ents)
            out.append(
                Bound(
                    since,
                    None,
                    f"{words} names {e0.what}: not before {since.isoformat()} (reference timeline)",
                    "reference",
                )
            )
            one_day = len(ents) == 1 and e0.by_day_month and e0.end is None
            rel = _relative_news(exprs, sent) if one_day else []
            in_lead = lead[0] <= ref.start < lead[1]
            # outside the lead, only a weekday that is the event's own (« Dimanche, c'est la base K1 qui a été
            # remise »: 29 March 2020 was a Sunday) dates it as of the past week
            its_day = rel and all(
                x.kind == "weekday" and x.rel in (None, "recent") and x.weekday == e0.start.weekday() for x in rel
            )
            # in the lead, a weekday that is not the event's dates another act (« Le nombre de blessés lors des
            # frappes de missiles du 8 janvier s'élève à 50, a indiqué mardi le Pentagone »): the event is not
            # the news then
            days = [x for x in rel if x.kind == "weekday"]
            other_day = days and not any(_weekday_is(x, e0.start, folded) for x in days)
            if rel and (in_lead and not other_day or its_day) and not _BACKGROUND.search(folded, sent[0], ref.start):
                hi = e0.start + timedelta(days=6)
                where = "in the lead" if in_lead else f"({_quote(text, rel[0])}, the event's own)"
                out.append(
                    Bound(
                        e0.start,
                        hi,
                        f"{words}, dated by the day of the week {where}, is the "
                        f"article's news: published within a week of "
                        f"{e0.start.isoformat()} (reference timeline)",
                        "news",
                    )
                )
            continue
        lo, hi, what = _office_window(ref)
        if lo is None and hi is None:
            continue
        news = (
            ref.role in ("holder", "outgoing", "elect") and hi is not None and _is_news(text, folded, exprs, sent, ref)
        )
        if news:
            out.append(
                Bound(
                    lo, hi, f"{words}: {what}, and the clause is the article's news (reference timeline)", "reference"
                )
            )
            for x in _relative_news(exprs, sent):
                if x.kind == "weekday" and not x.night:
                    out.append(
                        Bound(
                            lo,
                            hi - OFFICE_GRACE,
                            f"{words} acted on {_quote(text, x)} during that term: "
                            f"published within a week after such a day",
                            "reference",
                            weekday=x.weekday,
                            stretch=6,
                        )
                    )
        elif lo is not None:
            out.append(
                Bound(lo, None, f"{words}: {what}: not before {lo.isoformat()} (reference timeline)", "reference")
            )
            terms = sorted((e.since, e.end + OFFICE_GRACE if e.end else horizon()) for e in ents)
            gaps = any(b < c for (_, b), (c, _) in zip(terms, terms[1:], strict=False))
            if ref.role == "holder" and gaps and _is_news(text, folded, exprs, sent, ref):
                # one holder's terms apart (Trump's two): the news is within one of them, not between
                out.append(
                    Bound(
                        lo,
                        None,
                        f"{words}: {what}, and the clause is the article's news: within one of the terms "
                        f"(reference timeline)",
                        "reference",
                        terms,
                    )
                )
    return out


def _weekday_is(x: TimeExpr, d: date, folded: str) -> bool:
    """Whether the bare weekday ``x`` may name the day ``d`` (a night's weekdays: either of its days)."""
    if x.weekday == d.weekday():
        return True
    night = x.night or "nuit" in folded[x.start : x.end]
    return night and (d.weekday() - x.weekday) % 7 <= (x.day2 or 1)


def _office_window(ref: Reference) -> tuple[date | None, date | None, str]:
    """The window a titled mention gives (lo, hi: for a holder named in the news), and why."""
    ents = ref.entries
    who = ents[0].what.split(",")[0]
    ended = [e.end for e in ents if e.end]
    if ref.role == "former":
        if not ended:
            return None, None, ""
        lo = min(ended)
        return lo, None, f"{who} named as former holder, whose term ended {lo.isoformat()}"
    if ref.role == "then":
        lo = min(e.since for e in ents)
        return lo, None, f"{who} named in office at the time"
    if ref.role == "future":
        return None, None, ""
    if ref.role == "outgoing":
        outs = [e for e in ents if e.outgoing]
        if not outs:
            return None, None, ""
        lo = min(e.outgoing for e in outs)
        hi = max(e.end for e in outs) + OFFICE_GRACE if all(e.end for e in outs) else None
        return (
            lo,
            hi,
            f"{who} named as outgoing, from {lo.isoformat()}"
            + (f" to {max(e.end for e in outs).isoformat()}" if hi else ""),
        )
    if ref.role == "elect":
        lo = min(e.since for e in ents)
        hi = max(e.start for e in ents) + OFFICE_GRACE
        return lo, hi, f"{who} named as elected, between {lo.isoformat()} and {max(e.start for e in ents).isoformat()}"
    lo = min(e.since for e in ents)
    hi = max(e.end for e in ents) + OFFICE_GRACE if all(e.end for e in ents) else None
    span = f"{lo.isoformat()} – {max(e.end for e in ents).isoformat()}" if hi else f"since {lo.isoformat()}"
    return lo, hi, f"{who} holds that title {span}"


def _entry_span(ref: Reference) -> list[tuple[date, date]] | None:
    """When what ``ref`` names was so: an event's days, a holder's terms (each apart: Trump was not « le président »
    between his two)."""
    ents = ref.entries
    if ref.entries[0].kind == "event":
        if not ents[0].by_day_month:
            return None
        return [(min(e.start for e in ents), max(e.end or e.start for e in ents))]
    if ref.role in ("holder", "outgoing"):
        return sorted((e.start, e.end or horizon()) for e in ents)
    return None


def _yearless_links(
    text: str, folded: str, exprs: list[TimeExpr], refs: list[Reference], sents: list[tuple[int, int]]
) -> list[Bound]:
    """A day and month (or a month) without a year, in a past or present clause, beside a timeline entry:
    the date falls within the entry's span, and the article within a year after that date."""
    out = []
    for x in exprs:
        if (
            x.year is not None
            or x.kind not in ("date", "month", "part", "interval")
            or x.month is None
            or x.rel in ("next", "this")
        ):
            continue
        if x.tense in ("future", "planned") or x.rel not in (None, "last", "recent") or _before(folded, x.start):
            continue
        sent = _sentence(sents, x.start)
        for ref in refs:
            if not (sent[0] <= ref.start < sent[1]):
                continue
            spans = _entry_span(ref)
            if spans is None:
                continue
            years = range(spans[0][0].year, max(b for _, b in spans).year + 1)
            if x.kind == "interval":
                cands = [
                    (date(y - (x.month > x.month2), x.month, x.day), date(y, x.month2, x.day2))
                    for y in years
                    if _valid_day(y, x.month2, x.day2) and _valid_day(y - (x.month > x.month2), x.month, x.day)
                ]
            elif x.kind == "date":
                if x.weekday is not None:
                    years = weekday_years(x.day, x.month, x.weekday, years)
                cands = [(date(y, x.month, x.day),) * 2 for y in years if _valid_day(y, x.month, x.day)]
            elif x.kind == "part":
                cands = [part_range(y, x.month, x.part) for y in years]
            else:
                cands = [month_range(y, x.month) for y in years]
            cands = [(c, d) for c, d in cands if any(c <= b and d >= a for a, b in spans)]
            if ref.entries[0].kind == "office" and _TERM_START.search(folded, max(sent[0], x.start - 60), x.start):
                # « depuis l'entrée en fonctions de ce dernier, en mai »: the date is the term's first day
                cands = [(c, d) for c, d in cands if any(c <= e.start <= d for e in ref.entries)]
            if not cands:
                continue
            first = cands[0][0]
            what = f"{_quote(text, x)} beside {ref.words.strip()!r} ({ref.entries[0].what}) is " + (
                first.isoformat() if len(cands) == 1 else "a date within it"
            )
            year = _year_of_publication(folded, exprs, x)
            if year is not None:  # « en février de l'an dernier »: its year is counted from publication's
                p, k = year
                days = [(date(c.year + k, 1, 1), date(c.year + k, 12, 31)) for c, _ in cands]
                why = f"{what}, and {_quote(text, p)} is counted from the year of publication"
            else:
                days = [(c, d + WITHIN_A_YEAR) for c, d in cands]
                why = f"{what}, and a date written without its year is of the past year"
            out.append(Bound(None, None, why, "yearless", days))
            break
    return out


# the start of a term of office, before the date it names (« depuis son entrée en fonctions, en mai », « investi le
# 27 octobre », « l'arrivée au pouvoir, fin octobre, du Premier ministre … »)
_TERM_START = re.compile(
    r"\b(?:entree en fonctions?|prise de fonctions?|arrivee au pouvoir|accession au pouvoir|investie?|"
    r"investiture|a prete serment|prestation de serment)\b"
)


def _year_of_publication(folded: str, exprs: list[TimeExpr], x: TimeExpr) -> tuple[TimeExpr, int] | None:
    """The year counted from publication that a day or month without its year is of (« en février de l'an
    dernier », « le 3 mai de cette année »), and how many years publication is after it (1, 0, -1)."""
    p = next((y for y in exprs if y.start >= x.end), None)
    if p is None or p.kind != "relative" or p.unit != "year" or p.n or folded[x.end : p.start] != " de ":
        return None
    k = {"last": 1, "this": 0, "next": -1}.get(p.rel or "")
    return None if k is None else (p, k)


def _weekday_dates(
    text: str,
    folded: str,
    exprs: list[TimeExpr],
    lead: tuple[int, int],
    in_period: frozenset[int] = frozenset(),
) -> list[Bound]:
    """A weekday with a day and month: in the lead (or "ce mercredi 25 mars") the day of the news,
    published that day or the next; elsewhere a day of the two weeks before publication; either way only
    years where that weekday holds. In a clause of the future or of a plan it may be ahead (a date without its
    year is of the coming year) or, the clause's mood aside, of those two weeks: it still picks the years.
    A bare weekday of the lead's news ("a annoncé vendredi") was within the week before publication.
    A date the text sets in a period (``in_period``: the starts of dates in apposition to « la semaine
    dernière »…) is dated by it (:func:`_period_dates`), not here."""
    out = []
    chains: _Told | None = None  # the days the text tells, read once
    for i, x in enumerate(exprs):
        if x.year is not None or x.weekday is None or x.kind not in ("date", "weekday") or x.start in in_period:
            continue
        future = x.tense in ("future", "planned") or x.rel == "next"
        o = _governs(folded, exprs[i - 1], x) if x.kind == "date" and i else None
        if o is not None and not future:
            # « Douze jours après l'assaut du jeudi 20 janvier, la ville panse ses plaies »: the date is the anchor
            # of the clause's day, not the clause's day; an inexact count (« quelques semaines après ») leaves it open
            if o.vague or o.bound or not o.n or o.unit not in _DISTANCE_SLACK:
                continue
            years = weekday_years(x.day, x.month, x.weekday, range(FLOOR.year, horizon().year + 1))
            in_lead = lead[0] <= x.start < lead[1] or x.rel == "this"
            bound = _offset_weekday_bound(text, x, o, years, in_lead)
            chains = chains if chains is not None else _later_chains(text, folded, exprs, in_period)
            pushed = _push_later(chains, x, [date(y, x.month, x.day) for y in years], bound, text, o)
            if pushed is not None:
                out.append(pushed)
            continue
        if future or is_future_context(folded, x.start):
            if x.kind == "date":
                years = weekday_years(x.day, x.month, x.weekday, range(FLOOR.year, horizon().year + 1))
                days = [
                    (date(y, x.month, x.day) - WITHIN_A_YEAR, date(y, x.month, x.day) + WEEKDAY_DATE_WITHIN)
                    for y in years
                ]
                why = f"{_quote(text, x)}: that weekday falls on that date only in some years; ahead, within a year"
                out.append(Bound(None, None, why, "weekday", days))
            continue
        in_lead = lead[0] <= x.start < lead[1]
        if x.kind == "weekday":
            if in_lead and not x.night and x.rel in ("recent", "this"):
                out.append(
                    Bound(
                        None,
                        None,
                        f"{_quote(text, x)} in the lead: published within a week after that day",
                        "weekday",
                        weekday=x.weekday,
                        stretch=6,
                    )
                )
            continue
        years = weekday_years(x.day, x.month, x.weekday, range(FLOOR.year, horizon().year + 1))
        in_lead = (in_lead or x.rel == "this") and not _before_the_news(text, folded, exprs[i - 1] if i else None, x)
        # the lead's news of the day is online that day or the next; elsewhere, a weekday is written beside a
        # date only for the days around publication ("samedi 4 janvier"; older dates lose it: "le 4 janvier")
        stretch = timedelta(days=1) if in_lead else WEEKDAY_DATE_WITHIN
        later = _later_lead_weekdays(folded, exprs, lead, x) if in_lead else []
        if later:
            # « X a été tué vendredi 7 juillet …, a annoncé dimanche le Centcom »: the news may be the bare weekday's,
            # the first such day after the date (or the date's own), online that day or the next
            stretch += timedelta(days=max(_days_after(x.weekday, w) for w in later))
        week = _lead_this_week(folded, exprs, lead) if in_lead else None
        if week is not None:
            # « Reçu lundi 10 novembre …, il a obtenu cette semaine … »: the lead tells its news by the week, of which
            # the date is a day: published that week, up to its Sunday
            stretch = max(stretch, timedelta(days=6 - x.weekday))
        days = [(date(y, x.month, x.day), date(y, x.month, x.day) + stretch) for y in years]
        why = f"{_quote(text, x)}: that weekday falls on that date only in some years" + (
            f"; in the lead, it is a day of the week of the news ({_quote(text, week)}): published that week"
            if week is not None
            else "; in the lead, it is the day of the news (published that day or the next)"
            if in_lead and not later
            else "; in the lead, it or the lead's "
            + ", ".join(_quote(text, w) for w in later)
            + " after it is the day of the news (published that day or the next)"
            if in_lead
            else "; a weekday is written beside a date only in the two weeks around publication"
        )
        # a later day told as past moves the end: publication is not before it
        bound = Bound(None, None, why, "weekday", days)
        chains = chains if chains is not None else _later_chains(text, folded, exprs, in_period)
        pushed = _push_later(chains, x, [date(y, x.month, x.day) for y in years], bound, text)
        if pushed is not None:
            out.append(pushed)
    return out


def _lead_this_week(folded: str, exprs: list[TimeExpr], lead: tuple[int, int]) -> TimeExpr | None:
    """The lead's « cette semaine » told as past or present (« a obtenu cette semaine »), if any: the week of the
    news."""
    return next(
        (
            w
            for w in exprs
            if lead[0] <= w.start < lead[1]
            and w.kind == "relative"
            and w.unit == "week"
            and w.rel == "this"
            and not w.n
            and w.tense not in ("future", "planned")
            and not is_future_context(folded, w.start)
        ),
        None,
    )


def _push_later(
    chains: _Told,
    x: TimeExpr,
    xdays: list[date],
    bound: Bound,
    text: str,
    o: TimeExpr | None = None,
) -> Bound | None:
    """``bound`` (the spans a weekday and date ``x`` allows, one for each of its days ``xdays``) with each span's end
    moved to the later days the text tells as past (« … annoncé le 26 janvier avoir repris le site », « Dix jours
    plus tard, … »): publication is not before them; None when an inexact count leaves it open. ``o``: the offset
    counted from ``x``, which then tells the day after it."""
    moved: list[tuple[date, date]] = []
    pushed: list[TimeExpr] = []
    for d, (a, b) in zip(xdays, bound.days or [], strict=True):
        latest, open_end = _later_days(chains, x, d, o)
        if open_end:
            return None
        if latest is not None and latest[0] + timedelta(days=1) > b:
            moved.append((a, latest[0] + timedelta(days=1)))
            pushed += [latest[1]] if all(latest[1] is not w for w in pushed) else []
        else:
            moved.append((a, b))
    told = ", or after the later " + ", ".join(_quote(text, w) for w in pushed) + " told as past" if pushed else ""
    return Bound(None, None, bound.why + told, bound.rank, moved)


# how far after a weekday and date a later day told without its year is read as of the same stretch
LATER_DAY_WITHIN = 31
# an offset with nothing after « après » but a comma or a full stop (« Une semaine après, … »): counted from the last day
# told, as « plus tard » is
_BARE_AFTER = re.compile(r"\s*(?:[,.;:]|$)")


@dataclass
class _Chain:
    """A day and month without a year, and the counts told after it, each from the last day told (« le 26 janvier
    …. Deux jours plus tard, … »). ``later``: whether it may be a later day of another date (not set in a period
    nor counted from by an offset), ``ahead``: told as ahead; ``steps``: (days or units, unit, ahead, words), None
    for an inexact count after it (« plusieurs semaines plus tard »), which ends the chain."""

    month: int
    day: int
    later: bool
    ahead: bool
    label: TimeExpr
    steps: list[tuple[int, str, bool, TimeExpr] | None]


@dataclass
class _Told:
    """The chains of a text by the start of their date, and those that may be later days of another date, one of
    each kind (alike ones move a window alike)."""

    by_start: dict[int, _Chain]
    distinct: list[_Chain]
    memo: dict = field(default_factory=dict)  # what _later_days found, for dates alike


def _later_chains(text: str, folded: str, exprs: list[TimeExpr], in_period: frozenset[int]) -> _Told:
    """The chains of the text's days and months without a year."""
    chains: dict[int, _Chain] = {}
    cur: _Chain | None = None
    for i, y in enumerate(exprs):
        ahead = y.tense in ("future", "planned") or is_future_context(folded, y.start)
        if y.kind == "date" and y.day is not None and y.month is not None and y.year is None:
            m, dd = (y.month2 or y.month, y.day2) if y.day2 and not y.night else (y.month, y.day)
            later = (
                y.rel in (None, "last", "this")
                and y.start not in in_period
                and (i == 0 or _governs(folded, exprs[i - 1], y) is None)
            )
            cur = chains[y.start] = _Chain(m, dd, later, ahead, y, [])
            continue
        counted = y.kind == "offset" and (
            y.rel == "follows" or (y.rel == "refers" and y.direction == "after" and _BARE_AFTER.match(folded, y.end))
        )
        if not counted or cur is None:
            cur = None  # another time is told: what follows counts from it
            continue
        if y.direction == "after" and (y.vague or y.bound or not y.n or y.unit not in _DISTANCE_SLACK):
            if not ahead:
                cur.steps.append(None)
            cur = None
            continue
        if not y.n or y.unit not in _DISTANCE_SLACK:
            cur = None
            continue
        tense = clause_tense(text, folded, y.start, y.end)
        cur.steps.append((y.n if y.direction == "after" else -y.n, y.unit, ahead or tense in ("future", "planned"), y))
    distinct: dict[tuple, _Chain] = {}
    for c in chains.values():
        if c.later:
            distinct.setdefault((c.month, c.day, c.ahead, tuple(s and s[:3] for s in c.steps)), c)
    return _Told(chains, list(distinct.values()))


def _later_days(
    chains: _Told, x: TimeExpr, d: date, o: TimeExpr | None = None
) -> tuple[tuple[date, TimeExpr] | None, bool]:
    """The latest day after ``d`` (the weekday and date ``x`` in one of its years) that the text tells as past or
    present, with its words: a day and month without a year within LATER_DAY_WITHIN days after it (« … ont annoncé
    le 26 janvier … »), or a count from the last day told, it or such a day (« Dix jours plus tard, … », « … une
    semaine après, »): its last day, give or take the count's slack. And whether an inexact count (« plusieurs
    semaines plus tard ») leaves the latest day open."""
    own = chains.by_start.get(x.start)
    key = (
        d,
        own and (own.month, own.day, own.later, own.ahead, tuple(s and s[:3] for s in own.steps)),
        o and (o.n, o.unit, o.direction),
    )
    if key not in chains.memo:
        chains.memo[key] = _later_days_of(chains, own, d, o)
    return chains.memo[key]


def _later_days_of(
    chains: _Told, own: _Chain | None, d: date, o: TimeExpr | None
) -> tuple[tuple[date, TimeExpr] | None, bool]:
    """:func:`_later_days` for the chain ``own`` of the date (None: it has none)."""
    out: list[tuple[date, TimeExpr]] = []
    for c in ([own] if own is not None else []) + [c for c in chains.distinct if c is not own]:
        if c is own:
            # the last day told is the date's, or the day its offset counts to (« Trois jours après l'attaque du … »)
            anchor = d if o is None else _shift(d, o.n if o.direction == "after" else -o.n, o.unit)
        else:
            days = [date(yr, c.month, c.day) for yr in (d.year, d.year + 1) if _valid_day(yr, c.month, c.day)]
            days = [e for e in days if 0 < (e - d).days <= LATER_DAY_WITHIN]
            if not days:
                continue
            anchor = days[0]
            if not c.ahead:
                out.append((anchor, c.label))
        for step in c.steps:
            if step is None:
                return _latest(out), True
            n, unit, ahead, label = step
            anchor = _shift(anchor, n, unit)
            if anchor > d and not ahead:
                k, u = _DISTANCE_SLACK[unit]
                out.append((_shift(anchor, k, u), label))
    return _latest(out), False


def _latest(days: list[tuple[date, TimeExpr]]) -> tuple[date, TimeExpr] | None:
    return max(days, key=lambda t: t[0]) if days else None


# « depuis » before a date in its noun phrase (« depuis l'assaut lancé le jeudi 20 janvier »)
_SINCE_BEFORE = re.compile(r"\bdepuis\b[^.;:,!?()\n]{0,80}$")
_PLUPERFECT_AUX = re.compile(r"(?:avait|avaient|etait|etaient|s'etait|s'etaient|eut|eurent)\b")


def _before_the_news(text: str, folded: str, prev: TimeExpr | None, x: TimeExpr) -> bool:
    """Whether a weekday and date is told as a time before the news: the start of a span to the present (« depuis
    le jeudi 20 janvier », « depuis l'assaut lancé le jeudi 20 janvier »), or in a clause of the pluperfect, its
    nearest verb (« des jihadistes avaient attaqué le jeudi 20 janvier … »). ``prev``: the expression before it."""
    if x.since:
        return True
    m = _SINCE_BEFORE.search(folded, max(0, x.start - 100), x.start)
    if m is not None and (prev is None or prev.start < m.start()):
        return True
    lo, hi = max(0, x.start - 300), min(len(folded), x.end + 300)  # a sentence's reach
    a = max([folded.rfind(c, lo, x.start) + 1 for c in ".;!?\n"] + [lo])
    b = min([i for i in (folded.find(c, x.end, hi) for c in ".;!?\n") if i >= 0] or [hi])
    seg_a = max(a, folded.rfind(",", a, x.start) + 1)
    comma = folded.find(",", x.end, b)
    seg_b = b if comma < 0 else comma
    best = None
    for v in _TENSE_RX.finditer(folded, a, b):
        if v.lastgroup not in ("aux", "etre") or x.start <= v.start() < x.end:
            continue
        if v.group().startswith("a ") and text[v.start()] in "àÀ":
            continue  # the preposition « à »
        dist = x.start - v.end() if v.end() <= x.start else v.start() - x.end
        key = (not (seg_a <= v.start() and v.end() <= seg_b), dist)
        if best is None or key < best[0]:
            best = (key, v)
    return best is not None and bool(_PLUPERFECT_AUX.match(best[1].group()))


def _governs(folded: str, o: TimeExpr, x: TimeExpr) -> TimeExpr | None:
    """``o`` (the expression before the date ``x``) when it is the offset whose noun phrase holds ``x`` (« Douze
    jours après l'assaut lancé le jeudi 20 janvier », « au lendemain de la frappe du mardi 2 janvier », « deux jours
    avant le scrutin du dimanche 12 mai »: « après » or « avant » a noun phrase that ends on it, no punctuation
    between), else None."""
    if o.kind != "offset" or o.rel != "refers" or o.direction not in ("after", "before"):
        return None
    return o if _after_date(folded, [x], o.end) is x else None


def _offset_weekday_bound(text: str, x: TimeExpr, o: TimeExpr, years: list[int], in_lead: bool) -> Bound:
    """A weekday and date counted from by an exact offset: the clause's day is that far from it. In the lead it is
    the day of the news: published about then (the day before to two days after, or half the unit for weeks or
    more); elsewhere a weekday is written beside a date only in the two weeks around publication, which is then
    after the earlier of the date and the clause's day, and within those two weeks of the later."""
    sign = 1 if o.direction == "after" else -1
    k, u = _DISTANCE_SLACK[o.unit]
    days = []
    for y in years:
        d = date(y, x.month, x.day)
        moved = _shift(d, sign * o.n, o.unit)
        if in_lead:
            lo, hi = _shift(moved, -k, u), _shift(moved, k, u) + timedelta(days=1)
        else:
            lo, hi = min(d, moved), max(d, moved) + WEEKDAY_DATE_WITHIN
        days.append((lo, hi))
    why = f"{_quote(text, x)}: that weekday falls on that date only in some years; " + (
        f"{_quote(text, o)} it, the lead's news: published about then"
        if in_lead
        else f"{_quote(text, o)} it, a day of the two weeks around publication"
    )
    return Bound(None, None, why, "weekday", days)


# the parts of a byline's line (« INTERNATIONAL · Lundi », « Monde | Mercredi, 16:40 »)
_BYLINE_SEP = re.compile(r"[|•·—–]| - ")
# a weekday alone in its part of the line: a stamp's cue before it at most, a clock time after it
_WEEKDAY_STAMP = re.compile(
    rf"\s*(?:(?:publiee?|mis a jour|mise a jour|actualisee?|modifiee?)\s*(?:le\s*|:\s*)?)?{WD}\s*,?(?:{CLOCK}"
    r"(?:\s*(?:h|min))?)?\s*"
)


def _weekday_stamp(text: str, folded: str, exprs: list[TimeExpr]) -> list[Bound]:
    """A stamp that gives the day of the week only (« Mercredi, 16:40 », « INTERNATIONAL · Lundi »: pages that date
    the week's articles by their weekday): a short line at the head or foot of the article, the weekday alone in
    its part of it (a clock time after it at most): published on that weekday, the week for the rest to fix."""
    out = []
    for x in exprs:
        if x.kind != "weekday" or x.night or x.rel not in ("recent", "this"):
            continue
        if not (x.start < 400 or x.start > len(text) - 300):
            continue
        ls = folded.rfind("\n", 0, x.start) + 1
        le = folded.find("\n", x.end)
        le = len(folded) if le < 0 else le
        line = folded[ls:le]
        if len(line.split()) > 8:
            continue
        parts = [(m.start(), m.end()) for m in _BYLINE_SEP.finditer(line)]
        a = max([e for _, e in parts if e <= x.start - ls], default=0)
        b = min([st for st, _ in parts if st >= x.end - ls], default=len(line))
        if not _WEEKDAY_STAMP.fullmatch(line, a, b):
            continue
        why = f"the stamp {text[ls:le].strip()!r} gives the day of the week: published on a {_WEEKDAY_NAMES[x.weekday]}"
        out.append(Bound(None, None, why, "stamp_weekday", weekday=x.weekday, stretch=0))
        break
    return out


def _later_lead_weekdays(folded: str, exprs: list[TimeExpr], lead: tuple[int, int], x: TimeExpr) -> list[TimeExpr]:
    """The bare weekdays of the lead, told as past or present (« a annoncé dimanche »), besides the weekday and
    date ``x`` (not a day of its own span: « dans la nuit de samedi à dimanche 13 mars »): the lead's news may be
    of one of them, a day after ``x``."""
    return [
        w
        for w in exprs
        if w is not x
        and w.kind == "weekday"
        and lead[0] <= w.start < lead[1]
        and w.rel in ("recent", "this")
        and w.tense not in ("future", "planned")
        and not (w.end <= x.start and _SPAN_JOIN.fullmatch(folded, w.end, x.start))
        and _days_after(x.weekday, w)
    ]


# what joins two days of one span (« de samedi à dimanche 13 mars », « samedi et dimanche 13 mars »)
_SPAN_JOIN = re.compile(r"\s*(?:a|au|et|ou|-)\s*(?:le\s+)?")


def _days_after(weekday: int, w: TimeExpr) -> int:
    """How many days after a day of ``weekday`` the first day of the bare weekday ``w`` (its night's last) falls."""
    return (w.weekday + (w.day2 or 0 if w.night else 0) - weekday) % 7


# a relative period and a date side by side, one naming the other (« la semaine dernière, jeudi 20 août »)
_APPOSED = re.compile(r"\s*,?\s*")
_PERIOD_UNITS = ("week", "month", "year")


def _period_span(d: date, unit: str, rel: str) -> tuple[date, date]:
    """The days publication may fall on when ``d`` is in the period ``rel`` (last, this, next) ``unit`` of it."""
    shift = {"last": 1, "this": 0, "next": -1}[rel]
    if unit == "week":
        monday = d - timedelta(days=d.weekday()) + timedelta(days=7 * shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        y, m = divmod(d.year * 12 + d.month - 1 + shift, 12)
        return month_range(y, m + 1)
    return date(d.year + shift, 1, 1), date(d.year + shift, 12, 31)


def _period_pairs(folded: str, exprs: list[TimeExpr]) -> list[tuple[TimeExpr, TimeExpr]]:
    """The periods counted from publication (« la semaine dernière », « ce mois-ci », « l'an prochain ») with a
    date of a day and month in apposition (« la semaine dernière, jeudi 20 août »; « jeudi 20 août, la semaine
    dernière »)."""
    out = []
    for i, p in enumerate(exprs):
        if p.kind != "relative" or p.unit not in _PERIOD_UNITS or p.rel not in ("last", "this", "next") or p.n:
            continue
        for x in (exprs[i - 1] if i else None, exprs[i + 1] if i + 1 < len(exprs) else None):
            if x is None or x.kind != "date" or x.day is None or x.month is None or x.rel is not None:
                continue
            between = folded[p.end : x.start] if x.start >= p.end else folded[x.end : p.start]
            if _APPOSED.fullmatch(between) and (x.start > p.start or "," in between):
                out.append((p, x))
                break
    return out


def _period_dates(text: str, periods: list[tuple[TimeExpr, TimeExpr]]) -> list[Bound]:
    """A date in apposition to a period counted from publication (« la semaine dernière, jeudi 20 août »,
    « le mois dernier, le 12 mars », « cette semaine, mardi 3 mars »): the date is in that calendar week, month
    or year, so publication is in the one after it (« dernier »), the same (« ce ») or the one before
    (« prochain »). A date without a year may be of any year (with a weekday, only the years it holds)."""
    out = []
    for p, x in periods:
        years = [x.year] if x.year is not None else range(FLOOR.year, horizon().year + 1)
        if x.weekday is not None:
            years = weekday_years(x.day, x.month, x.weekday, years)
        days = [_period_span(date(y, x.month, x.day), p.unit, p.rel) for y in years if _valid_day(y, x.month, x.day)]
        if not days:
            continue
        where = {"last": "the one after it", "this": "the same", "next": "the one before it"}[p.rel]
        why = f"{_quote(text, p)} names the {p.unit} of {_quote(text, x)}: published in {where}"
        out.append(_days_bound(days, why, "period"))
    return out


def _days_bound(days: list[tuple[date, date]], why: str, rank: str) -> Bound:
    """Publication within one of ``days``: a window when there is one (it bounds both ends), else the spans."""
    if len(days) == 1:
        return Bound(days[0][0], days[0][1], why, rank)
    return Bound(None, None, why, rank, days)


# what stands between a day counted from publication and the date that names it (« hier, jour de Noël », « hier 24
# mars », « aujourd'hui, le 3 mai »; « le 25 décembre, hier, »): a comma, « jour » before a feast's « de Noël »
_NAMING = re.compile(r"\s*,?\s*(?:(?:le |ce )?jour\s+)?")


def _named_relative_days(text: str, folded: str, exprs: list[TimeExpr]) -> list[Bound]:
    """A day counted from publication (« hier », « avant-hier », « aujourd'hui », « demain ») named in apposition
    by a day of the year (« hier, jour de Noël », « hier 24 mars », « aujourd'hui, le 3 mai ») or by a weekday
    (« hier, lundi »): the two are one day, so publication is that many days after it (a day and month without a
    year: the same day of any year, with a year or a weekday only those that hold)."""
    out = []
    for i, r in enumerate(exprs):
        if r.kind != "relative" or r.rel != "days" or r.n is None or not -2 <= r.n <= 2:
            continue
        if not re.match(r"(?:aujourd'hui|avant-hier|apres-demain|hier|demain)", folded[r.start : r.end]):
            continue  # « désormais », « ce jour »: no day of their own
        shift = timedelta(days=-r.n)
        if r.weekday is not None:  # « hier, lundi »: published on the weekday after it
            out.append(
                Bound(
                    None,
                    None,
                    f"{_quote(text, r)}: that day is a {_WEEKDAY_NAMES[r.weekday]}",
                    "named_day",
                    weekday=(r.weekday - r.n) % 7,
                    stretch=0,
                )
            )
            continue
        for x in (exprs[i - 1] if i else None, exprs[i + 1] if i + 1 < len(exprs) else None):
            if x is None or x.kind != "date" or x.day is None or x.month is None or x.rel not in (None, "this"):
                continue
            between = folded[r.end : x.start] if x.start >= r.end else folded[x.end : r.start]
            if not _NAMING.fullmatch(between) or (x.start < r.start and "," not in between):
                continue
            years = [x.year] if x.year is not None else range(FLOOR.year, horizon().year + 1)
            if x.weekday is not None:
                years = weekday_years(x.day, x.month, x.weekday, years)
            days = [(date(y, x.month, x.day) + shift,) * 2 for y in years if _valid_day(y, x.month, x.day)]
            if days:
                why = f"{_quote(text, r)} is {_quote(text, x)}: published {-r.n} day(s) after it"
                out.append(_days_bound(days, why, "named_day"))
            break
    return out


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# « jour pour jour »: an exact interval, from a past day to the writer's present (« il y a un an jour pour jour »,
# « un mois jour pour jour après le vote …, rien n'a bougé »)
_TO_THE_DAY = re.compile(
    rf"\b(?:(?P<ago>il y a|cela fait|ca fait) )?(?:(?P<n>{NUM}) (?P<u>jours?|semaines?|mois|ans?|annees?),? jour pour "
    rf"jour|jour pour jour,? (?P<n2>{NUM}) (?P<u2>jours?|semaines?|mois|ans?|annees?)),?(?P<after> apres\b)?"
)


def _shift(d: date, n: int, unit: str) -> date:
    """``d`` plus ``n`` days, weeks, months or years (the month's last day when it has no such day)."""
    if unit in ("day", "week"):
        return d + timedelta(days=n * (7 if unit == "week" else 1))
    y, m = divmod(d.year * 12 + d.month - 1 + n * (12 if unit == "year" else 1), 12)
    return date(y, m + 1, min(d.day, month_range(y, m + 1)[1].day))


def _to_the_day(
    text: str,
    folded: str,
    exprs: list[TimeExpr],
    refs: list[Reference],
    sents: list[tuple[int, int]],
    lead: tuple[int, int],
) -> list[Bound]:
    """« Jour pour jour » in the lead: the writer counts an exact interval from a past day to the present
    (« il y a un an jour pour jour, le 3 janvier … », « un mois jour pour jour après le vote …, rien n'a
    bougé »): published that day, the day before (print editions are dated the next day) or the two after (the
    lead's news is online that day or the next).
    The past day is the sentence's only date (« il y a »), or, after « après », a one-day event of the
    reference timeline named there, every date of the sentence being its own (else a date may be the main
    clause's, which is then of the past). A clause of the present (« elle survient vingt ans jour pour jour après
    les attentats du 11 septembre 2001 ») counts to the present wherever it stands, from the date in « après »'s
    noun phrase."""
    out = []
    for m in _TO_THE_DAY.finditer(folded):
        ago, after = m.group("ago"), m.group("after")
        if bool(ago) == bool(after):
            continue
        n = _num(m.group("n") or m.group("n2"))
        unit = _unit(m.group("u") or m.group("u2"))
        sent = _sentence(sents, m.start())
        tense = clause_tense(text, folded, m.start(), m.end())
        if tense in ("future", "planned"):
            continue
        dates = [
            x
            for x in exprs
            if x.kind == "date" and x.day is not None and x.month is not None and sent[0] <= x.start < sent[1]
        ]
        x = _after_date(folded, dates, m.end()) if after and tense is None else None
        if not (lead[0] <= m.start() < lead[1]) and x is None:
            continue  # past the lead, only a clause of the present counts to the writer's present
        if ago:
            if len({(x.day, x.month, x.year) for x in dates}) != 1:
                continue
            x = dates[0]
            years = [x.year] if x.year is not None else range(FLOOR.year, horizon().year + 1)
            if x.weekday is not None:
                years = weekday_years(x.day, x.month, x.weekday, years)
            past = [date(y, x.month, x.day) for y in years if _valid_day(y, x.month, x.day)]
            since = _quote(text, x)
        elif x is not None:
            # « (elle survient) vingt ans jour pour jour après les attentats du 11 septembre 2001 »: in a clause of the
            # present, the date after « après » in its noun phrase (no comma between) is the past day, wherever the
            # sentence stands; the sentence's other dates are its own clauses'
            years = [x.year] if x.year is not None else range(FLOOR.year, horizon().year + 1)
            past = [date(y, x.month, x.day) for y in years if _valid_day(y, x.month, x.day)]
            since = _quote(text, x)
        else:
            e0 = _one_day_event(refs, m.end(), sent[1])
            if e0 is None:
                continue
            if any(
                (x.day, x.month, x.year or e0.start.year) != (e0.start.day, e0.start.month, e0.start.year)
                for x in dates
            ):
                continue
            past = [e0.start]
            since = f"{e0.what} (reference timeline)"
        days = [(d - timedelta(days=1), d + timedelta(days=2)) for d in (_shift(p, n, unit) for p in past)]
        if not days:
            continue
        why = f"{text[m.start() : m.end()].strip()!r} counts from {since} to the present: published about that day"
        out.append(_days_bound(days, why, "to_the_day"))
    return out


def _one_day_event(refs: list[Reference], start: int, end: int):
    """The one-day timeline event (named by day and month) that the text between ``start`` and ``end`` names, when it
    names exactly one such day; else None."""
    events = [
        r.entries[0]
        for r in refs
        if start <= r.start < end
        and r.role == "event"
        and len(r.entries) == 1
        and r.entries[0].by_day_month
        and r.entries[0].end is None
    ]
    return events[0] if len({e.start for e in events}) == 1 else None


# a verb of occurring in the present before an offset (« Ces annonces interviennent deux jours après … »): the
# offset counts from a past day to the news
_OCCURS_NOW = re.compile(
    r"\b(?:intervien(?:t|nent)|survien(?:t|nent)|arrive(?:nt)?|tombe(?:nt)?|a lieu|ont lieu|se produi(?:t|sent)|"
    r"se tien(?:t|nent))\b(?:\s+(?:ainsi|donc|done|pile|exactement|tout juste|juste|seulement|a peine)){0,2}\s+$"
)


def _offset_to_present(
    text: str, folded: str, exprs: list[TimeExpr], refs: list[Reference], sents: list[tuple[int, int]]
) -> list[Bound]:
    """An offset after a verb of occurring in the present (« Ces annonces interviennent deux jours après la
    publication, vendredi, d'une déclaration commune … », « La réunion a lieu trois semaines après l'attaque du 12
    mars »): the news is that far after a past day, the one-day timeline event named after it (every date of the
    sentence after the offset its own: its weekday) or the date in its noun phrase. Published about then: the day
    before to two days after (the news is online that day or the next), or within half the unit for weeks or more."""
    out = []
    for x in exprs:
        if x.kind != "offset" or x.direction != "after" or x.rel != "refers" or not x.n or x.vague:
            continue
        if x.unit not in _DISTANCE_SLACK or not _OCCURS_NOW.search(folded, max(0, x.start - 60), x.start):
            continue
        sent = _sentence(sents, x.start)
        after = [y for y in exprs if x.end <= y.start < sent[1]]
        d = _after_date(folded, [y for y in after if y.kind == "date" and y.day and y.month], x.end, apposed=True)
        if d is not None and d.weekday is None and len(after) == 1:
            years = [d.year] if d.year is not None else range(FLOOR.year, horizon().year + 1)
            past = [date(y, d.month, d.day) for y in years if _valid_day(y, d.month, d.day)]
            since = _quote(text, d)
        else:
            e0 = _one_day_event(refs, x.end, sent[1])
            if e0 is None:
                continue
            if any(
                not (y.kind == "weekday" and not y.night and y.weekday == e0.start.weekday())
                and (
                    y.kind != "date"
                    or (y.day, y.month, y.year or e0.start.year) != (e0.start.day, e0.start.month, e0.start.year)
                )
                for y in after
            ):
                continue  # another day is told after the offset: it may be the one counted from
            past = [e0.start]
            since = f"{e0.what} (reference timeline)"
        if x.unit == "day":
            days = [(p + timedelta(days=x.n - 1), p + timedelta(days=x.n + 2)) for p in past]
        else:
            k, u = _DISTANCE_SLACK[x.unit]
            days = [
                (_shift(_shift(p, x.n, x.unit), -k, u), _shift(_shift(p, x.n, x.unit), k, u) + timedelta(days=1))
                for p in past
            ]
        if days:
            why = f"{text[x.start : x.end].strip()!r} counts from {since} to the news, told in the present: published about then"
            out.append(_days_bound(days, why, "to_the_day"))
    return out


# a distance from the present written with its date in apposition (« en septembre 2025, soit dans douze mois », « il y a
# dix ans, en 2014 »): an exact count, not « quelques », « plus de », « près de » (the tagger's text of the count)
_DISTANCE = re.compile(rf"(?:il y a|dans) (?P<n>{NUM}) (?P<u>jours?|semaines?|mois|ans|annees?)")
# what stands between the date and its distance: a comma or a bracket, « soit », « c'est-à-dire »
_DISTANCE_APPOSED = re.compile(r"\s*(?:,|\(|-)\s*(?:(?:soit|c'est-a-dire|autrement dit)\s*,?\s*)?")
# what after the count makes it another one: « il y a dix ans que … » (counted from the date), « et demi »
_DISTANCE_NOT = re.compile(r"\s*(?:que\b|qu'|et\b|de plus\b|environ\b)")
# how far a writer's round count may be from the exact interval: half its unit
_DISTANCE_SLACK = {"day": (1, "day"), "week": (3, "day"), "month": (1, "month"), "year": (6, "month")}


def _distance_dates(text: str, folded: str, exprs: list[TimeExpr]) -> list[Bound]:
    """A date in apposition to its distance from the present (« s'achèvera en septembre 2025, soit dans douze
    mois », « en 2014, il y a dix ans », « il y a deux semaines, le 3 mars »): publication is that far from it,
    give or take half the unit writers round to (a day, three days, a month, half a year). A date without a
    year may be of any year."""
    out = []
    for i, r in enumerate(exprs):
        if r.kind != "relative" or r.rel not in ("ago", "in"):
            continue
        m = _DISTANCE.fullmatch(folded, r.start, r.end)
        if m is None or m.group("n") in ("quelques", "plusieurs") or _DISTANCE_NOT.match(folded, r.end):
            continue
        n, unit = _num(m.group("n")), _unit(m.group("u"))
        sign = 1 if r.rel == "ago" else -1
        for x in (exprs[i - 1] if i else None, exprs[i + 1] if i + 1 < len(exprs) else None):
            if x is None or x.rel is not None or x.kind not in ("date", "month", "year", "part", "season"):
                continue
            between = folded[x.end : r.start] if x.start < r.start else folded[r.end : x.start]
            if not _DISTANCE_APPOSED.fullmatch(between) or (x.start > r.start and "," not in between):
                continue
            if x.year is not None:
                span = resolve(x, None)
                spans = [span] if span is not None else []
            elif x.kind == "date" and x.day is not None and x.month is not None:
                years = range(FLOOR.year, horizon().year + 1)
                spans = [(date(y, x.month, x.day),) * 2 for y in years if _valid_day(y, x.month, x.day)]
            else:
                continue
            k, u = _DISTANCE_SLACK[unit]
            days = [
                (
                    _shift(_shift(a, sign * n, unit), -k, u),
                    _shift(_shift(b + timedelta(days=1), sign * n, unit), k, u) - timedelta(days=1),
                )
                for a, b in spans
            ]
            if days:
                why = f"{_quote(text, x)} is {_quote(text, r)} from the present: published about then"
                out.append(_days_bound(days, why, "distance"))
            break
    return out


# a relative clause on the date or the noun phrase it is set off after (« celle du ministre, le 20 août, où … »)
_RELATIVE_AFTER = re.compile(
    r"\s*,\s*(?:ou|qui|dont|lors de laquelle|lors duquel|au cours de laquelle|au cours duquel|pendant laquelle)\b"
)


def _after_date(folded: str, dates: list[TimeExpr], pos: int, apposed: bool = False) -> TimeExpr | None:
    """The day and month right after « après » at ``pos``, in its noun phrase (« après les attentats du 11
    septembre 2001 »; not « après l'attaque, le 2 février, … », where the date may be the main clause's). With
    ``apposed``, also one set off by a comma at the end of the noun phrase when a relative clause follows it
    (« après celle du ministre, le 20 août, où … »: the relative clause ties it to the noun phrase)."""
    for x in dates:
        if not (pos <= x.start <= pos + 80 and x.rel is None):
            continue
        between = folded[pos : x.start]
        if not re.search(r"[,;:()]", between):
            return x
        if apposed and re.fullmatch(r"[^,;:()]*,\s*", between) and _RELATIVE_AFTER.match(folded, x.end):
            return x
    return None


# a place name in capitals before a dateline's date, set off by its comma ("BAGDAD, ", "Washington, le ")
_CITY = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý(][\w'’.()-]*){0,3},\s*(?:le\s+)?")
# a wire's agency in brackets and the dash after a dateline's date (« (Reuters) - », « (AFP) — »)
_WIRE = re.compile(r"\s*\([^)\n]{1,30}\)\s*-")
DATELINE_MAX = 400  # characters on each side of a date: a dateline's line is much shorter


def _dateline_line(text: str, folded: str, x: TimeExpr) -> tuple[str, int | None]:
    """The line of ``x`` and its rank as a dateline (0 "Publié le", 1 "Mis à jour", 2 a wire or city
    dateline at the head or foot of the article), or None when it is not one."""
    lo, hi = max(0, x.start - DATELINE_MAX), x.end + DATELINE_MAX
    ls = folded.rfind("\n", lo, x.start) + 1
    le = folded.find("\n", x.end, hi)
    if (ls == 0 and lo > 0) or (le < 0 and hi < len(folded)):
        # a line this long is no dateline (and reading it whole for each date costs its square), but a wire's
        # dateline may open the article's first paragraph (« 20 octobre (Reuters) - Des drones … »): the date first
        # on its line, or after its city (« BAGDAD, »), the agency in brackets and a dash after it
        head = text[ls : x.start]
        if (
            (ls > 0 or lo == 0)
            and x.start < DATELINE_MAX
            and (not head.strip() or _CITY.fullmatch(head))
            and _WIRE.match(folded, x.end)
        ):
            return text[ls : x.end + 40].strip(), 2
        return "", None
    le = len(folded) if le < 0 else le
    line = folded[ls:le]
    words = len(line.split())
    near_edge = x.start < 400 or x.start > len(text) - 300
    # a place name in capitals before the date, set off by its comma ("BAGDAD, ", "Washington, le "), not "Dans un
    # communiqué publié ", nor a sentence's first word (« Reçu lundi 10 novembre à … »: a participle's date)
    city = _CITY.fullmatch(text[ls : x.start])
    head = folded[ls : x.start]
    if DATELINE_WORDS.search(line) and words <= 16:
        # the date's own part of the line says whether it is the update (« Mis à jour le … | Publié le … »)
        own = re.split(rf"[|•—–]|(?={UPDATE})|(?=publi)", head)[-1].strip(" ,;-")
        return text[ls:le].strip(), (
            0 if re.search(r"publi|posted|published", line) and not re.match(UPDATE, own) else 1
        )
    if near_edge and words <= 24 and STAMP_TAIL.fullmatch(folded, x.end, le):
        # a stamp set in a byline (« Par X avec AFP — 10 mars 2020 à 18:47 », « Agence Y | Publié le … | Mis à
        # jour le … », « Ce contenu a été publié le … - 17:42 »): the cue of its own part of the line, or a
        # clock time right after the date, and nothing after but the clock and the byline's other parts (not
        # « … publié le 27 septembre, la transition se fera »)
        # clock time right after the date, and nothing after but the clock and the byline's other parts (not
        # « … publié le 27 septembre, la transition se fera »); or a clock time before the date, alone in its part
        # of the line (« 20h30, le 01 janvier 2020, modifié à 21h02, le 01 janvier 2020 »: an update's part begins
        # at its cue)
        part = re.split(rf"[|•—–]|(?={UPDATE})", head)[-1]
        cue = STAMP_WORDS.search(part)
        updated = re.match(UPDATE_TAIL, folded[x.end : le]) or re.match(
            rf"{CLOCK}\s*(?:h|min)?{UPDATE_TAIL}", folded[x.end : le]
        )
        clock_after = STAMP_CLOCK.match(folded, x.end) and (len(line.split()) - len(part.split()) <= 8 or updated)
        clock_first = CLOCK_FIRST.fullmatch(part.strip(" ,;-"))
        # « Al-Ahram Hebdo — Mercredi, 07 février 2024 — Monde Arabe »: the date alone (its weekday at most) in its
        # part of a byline that separators cut
        raw = re.split(r"[|•—–]| - ", text[ls : x.start])
        alone = len(raw) > 1 and re.fullmatch(rf"\s*{WD}?\s*,?\s*(?:le\s+)?", fold(raw[-1]))
        # « Rédigé par AFP le Samedi 31 Mars 2018 à 08:41 », « Par Jean Dupont, le … »: the signature of a byline,
        # a name after « par », dates its piece (a clock time after the date, nothing but the byline's parts after)
        signed = _SIGNED.fullmatch(raw[-1]) and STAMP_CLOCK.match(folded, x.end)
        if cue or clock_after or clock_first or alone or signed:
            update = re.match(UPDATE, part.strip(" ,;-")) or (
                cue and not re.search(r"publi|posted|published", cue.group())
            )
            return text[ls:le].strip(), (1 if update else 0)
    if near_edge and DATELINE_WORDS.match(head) and STAMP_WORDS.fullmatch(head.strip(" ,;-")):
        # a stamp that opens the article's first paragraph, set off by a dash (« Publié le 30/03/2020 - La
        # coalition a remis … »): its cue alone before the date, a clock time at most after it
        if re.match(rf"(?:{CLOCK}(?:\s*(?:h|min))?)?\s*[-|]", folded[x.end : x.end + 40]):
            return text[ls : min(le, x.end + 40)].strip(), (0 if re.search(r"publi|posted|published", head) else 1)
    wire = not head.strip() and re.match(r"\s*(?:\([^)\n]{1,30}\)\s*)?-", folded[x.end : x.end + 40])
    if near_edge and (words <= 8 or city or wire):
        shown = text[ls : min(le, x.end + 40)].strip()
        return shown, 2
    return "", None


def _dateline(text: str, folded: str, exprs: list[TimeExpr]) -> PubDate | None:
    """A dateline or "Publié le" line with a full date: the publication day, settled."""
    found = []
    for x in exprs:
        if x.kind != "date" or x.year is None:
            continue
        line, rank = _dateline_line(text, folded, x)
        if rank is not None:
            found.append((rank, x.start, x, line))
    if not found:
        return None
    _, _, x, line = min(found, key=lambda t: (t[0], t[1]))
    d = date(x.year, x.month, x.day)
    return PubDate(d, d, "day", "inferred", line, settled=True)


PUB_COLUMNS = [
    "published",
    "published_end",
    "published_precision",
    "published_basis",
    "published_evidence",
    "published_settled",
]


def infer_publication_dates(
    df: pd.DataFrame,
    constraints: dict[str, list[Constraint]] | None = None,
    only: set[str] | None = None,
    timeline: Timeline | None = None,
    infer_many=None,
) -> pd.DataFrame:
    """Fill the ``published*`` columns of a corpus table (see :func:`helpers.corpus.load_corpus`).

    With ``only``, rows of other articles keep the dates they have (their own text's). ``infer_many``
    (a list of :func:`infer_one`'s arguments, but the timeline -> their dates, in order) may infer the
    dates elsewhere (on every core); by default they are inferred here, one after the other."""
    df = df.copy()
    constraints = constraints or {}
    out: list = []
    todo: list[tuple[int, tuple]] = []  # (place in out, infer_one's arguments)
    for r in df.itertuples():
        if r.status == "skipped":
            out.append(PubDate())
            continue
        if only is not None and r.article_id not in only and isinstance(getattr(r, "published", None), str):
            out.append(None)
            continue
        args = (
            r.text,
            r.title,
            getattr(r, "meta_published", ""),
            getattr(r, "html_date", "") or "",
            constraints.get(r.article_id),
        )
        todo.append((len(out), args))
        out.append(None)
    args = [a for _, a in todo]
    dated = infer_many(args) if infer_many is not None else [infer_one(*a, timeline) for a in args]
    for (i, _), p in zip(todo, dated, strict=True):
        out[i] = p
    if only is not None and "published" in df.columns:
        keep = [p is None for p in out]
        new = _pub_frame([p or PubDate() for p in out])
        for c in PUB_COLUMNS:
            df[c] = [old if k else n for old, n, k in zip(df[c], new[c], keep)]
        return df
    new = _pub_frame(out)
    for c in PUB_COLUMNS:
        df[c] = new[c]
    return df


def _pub_frame(out: list[PubDate]) -> dict[str, list]:
    df = {}
    df["published"] = [p.start.isoformat() if p.start else "" for p in out]
    df["published_end"] = [p.end.isoformat() if p.end else "" for p in out]
    df["published_precision"] = [p.precision for p in out]
    df["published_basis"] = [p.basis if p.start else "" for p in out]
    df["published_evidence"] = [p.evidence for p in out]
    df["published_settled"] = [p.settled for p in out]
    return df
