"""Publication dates: given (sidecar), or inferred from the text with the evidence shown.

The inference reasons as a careful reader does, in this order:

1. a dateline or "Publié le …" line gives the day;
2. the latest explicit year the text mentions is a lower bound (an article is not older
   than the years it speaks of in the past), and, when nothing else bounds it, the
   assumed year of publication (said so in the evidence);
3. across the corpus: an event the article mentions that another article dates is a
   lower bound; when it is the article's lead news, publication is within a week of it
   (these constraints come from :func:`helpers.pipeline.corpus_constraints`);
4. a weekday with a day and month ("ce mercredi 25 mars") fixes the year among a few
   candidates: the first candidate not older than the bounds. In the lead it is the
   publication day; elsewhere publication follows it within two days;
5. a full date the article reports in the past ("le 27 septembre 2024") raises the lower bound, and so
   does a day and month without a year ("Le 26 juillet, …") once the year is bounded.

Photo credits and captions were removed by normalization and their years are never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from .. import config
from ..read.corpus import parse_iso_date
from ..text import fold, split_sentences
from .dates import TimeExpr, find_expressions, month_range, resolve, weekday_years

FUTURE_BEFORE = re.compile(
    r"(mett\w* fin|prendr\w* fin|a partir|d'ici|jusqu'|prevu|prevue|prevus|devrait|devra|doivent|doit|avant|"
    r"d'ici a|programme|attendu|attendue|au plus tard|echeance)[^.\n]{0,25}$"
)
DATELINE_WORDS = re.compile(
    r"^\W*(publie|publiee|mis a jour|mise a jour|posted|published|updated|"
    r"date de publication|date)\b"
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
    """The calendar unit a publication window fits in: day, month or year (unknown beyond a year)."""
    if a == b:
        return "day"
    if (a.year, a.month) == (b.year, b.month):
        return "month"
    if a.year == b.year:
        return "year"
    return "year" if (b - a).days <= 366 else "unknown"


def is_future_context(folded: str, start: int) -> bool:
    """Is the expression at ``start`` announced as a deadline or plan ("d'ici", "prévu"…)?"""
    line_start = max(folded.rfind("\n", 0, start), folded.rfind(". ", 0, start)) + 1
    return bool(FUTURE_BEFORE.search(folded[line_start:start]))


def lead_span(text: str, title: str) -> tuple[int, int]:
    """The span of the lead: the first two sentences of the body, title excluded."""
    sents = split_sentences(text)
    if sents and title and fold(sents[0].text).strip() == fold(title).strip():
        sents = sents[1:]
    lead = sents[:2]
    return (lead[0].start, lead[-1].end) if lead else (0, 0)


def infer_one(
    text: str,
    title: str = "",
    meta_published: str = "",
    html_date: str = "",
    constraints: list[Constraint] | None = None,
) -> PubDate:
    """The publication date (window) of one article."""
    if meta_published:
        parsed = parse_iso_date(meta_published)
        if parsed:
            d, prec = parsed
            end = {"day": d, "month": month_range(d.year, d.month)[1], "year": date(d.year, 12, 31)}[prec]
            return PubDate(d, end, prec, "metadata", "", settled=True)
    exprs = find_expressions(text)
    folded = fold(text)

    # 1. dateline / "Publié le"
    dl = _dateline(text, folded, exprs)
    if dl:
        return dl
    if html_date:
        parsed = parse_iso_date(html_date[:10])
        if parsed:
            d, prec = parsed
            return PubDate(d, d, prec, "inferred", f"HTML page metadata: {html_date}")

    evidence: list[str] = []
    lo: date | None = None
    hi: date | None = None
    # 2. the latest explicit year
    # "d'ici septembre 2026", "jusqu'en 2026": a deadline, not a year the article looks back on
    years = [(x.year2 or x.year, x) for x in exprs if x.year is not None and not is_future_context(folded, x.start)]
    if years:
        y, x = max(years, key=lambda t: (t[0], -t[1].start))
        lo = date(y, 1, 1)
        evidence.append(f"latest year mentioned: {y} ({x.text.strip()!r})")
    # 3. constraints from the corpus
    notes = []
    for c in sorted(constraints or [], key=lambda c: (c.hi is not None, c.lo or date.min)):
        new_lo = max(lo, c.lo) if (lo and c.lo) else (lo or c.lo)
        new_hi = min(hi, c.hi) if (hi and c.hi) else (hi or c.hi)
        own_years = [y for y, _ in years]
        if (new_lo and new_hi and new_lo > new_hi) or (new_hi and own_years and new_hi.year < max(own_years)):
            notes.append(f"ignored, contradicts the rest: {c.evidence}")
            continue
        if new_lo != lo or new_hi != hi:
            evidence.append(c.evidence)
        lo, hi = new_lo, new_hi
    # 4. weekday + day + month
    lead = lead_span(text, title)
    wd = [
        x
        for x in exprs
        if x.kind == "date" and x.weekday is not None and x.year is None and not is_future_context(folded, x.start)
    ]
    if wd:
        years_ok = None
        for x in wd:
            ys = set(weekday_years(x.day, x.month, x.weekday, range(config.EARLIEST_YEAR, config.STUDY_END_YEAR + 1)))
            years_ok = ys if years_ok is None else (years_ok & ys or years_ok)
        in_lead = [x for x in wd if lead[0] <= x.start < lead[1] or (x.rel == "this")]
        key = in_lead[0] if in_lead else max(wd, key=lambda x: (x.month, x.day))
        floor = lo - timedelta(days=2) if lo else None
        cands = sorted(y for y in (years_ok or ()) if floor is None or date(y, key.month, key.day) >= floor)
        if floor is None:  # nothing bounds it: prefer the period the corpus is about
            study = [y for y in cands if config.STUDY_START_YEAR <= y <= config.STUDY_END_YEAR]
            cands = study or cands
        if cands:
            d = date(cands[0], key.month, key.day)
            if hi is None or d <= hi:
                alts = ", ".join(str(y) for y in sorted(years_ok) if y != cands[0])
                why = (
                    "the first such year not older than the bounds"
                    if floor
                    else f"the first such year in the study period {config.STUDY_START_YEAR}–{config.STUDY_END_YEAR} "
                    "(nothing else decides)"
                )
                evidence.insert(
                    0,
                    f"{key.text.strip()!r}: that weekday falls on that date in "
                    f"{', '.join(str(y) for y in sorted(years_ok))}; {cands[0]} is {why}",
                )
                if in_lead:
                    return PubDate(d, d, "day", "inferred", "; ".join(evidence), [f"other candidate years: {alts}"])
                end = d + timedelta(days=2)
                if hi is not None:
                    end = min(end, hi)
                evidence.insert(1, "published within two days of the latest dated day it reports")
                return PubDate(d, end, window_precision(d, end), "inferred", "; ".join(evidence))
    if lo is None:
        return PubDate(notes=["no date evidence in the text"], evidence="")
    if hi is None:
        hi = date(lo.year, 12, 31)
        evidence.append(f"assumed published in {lo.year}, the latest year it mentions")
    # 5. a full past date the article reports ("le 27 septembre 2024"): not published before it
    for x in exprs:
        if x.kind == "date" and x.year is not None and not is_future_context(folded, x.start):
            d = date(x.year, x.month, x.day)
            if lo < d <= hi:
                lo = d
                evidence.append(f"{x.text.strip()!r} is reported: not before {lo.isoformat()}")
    # 6. day + month without year, in the past
    for x in exprs:
        if x.kind == "date" and x.year is None and x.rel is None and not is_future_context(folded, x.start):
            r = resolve(x, hi)
            if r and lo < r[0] <= hi:
                lo = r[0]
                evidence.append(f"{x.text.strip()!r} is past: not before {lo.isoformat()}")
    if lo > hi:
        return PubDate(notes=[f"contradictory bounds {lo}..{hi}"], evidence="; ".join(evidence))
    return PubDate(lo, hi, window_precision(lo, hi), "inferred", "; ".join(evidence))


def _dateline(text: str, folded: str, exprs: list[TimeExpr]) -> PubDate | None:
    found = []
    for x in exprs:
        if x.kind != "date" or x.year is None:
            continue
        ls = folded.rfind("\n", 0, x.start) + 1
        le = folded.find("\n", x.end)
        le = len(folded) if le < 0 else le
        line = folded[ls:le]
        words = len(line.split())
        near_edge = x.start < 400 or x.start > len(text) - 300
        if DATELINE_WORDS.search(line) and words <= 16:
            rank = 0 if re.search(r"publi|posted|published", line) else 1
        elif near_edge and (words <= 8 or re.match(r"^[a-z' -]{2,30},? (le )?$", folded[ls : x.start])):
            rank = 2
        else:
            continue
        found.append((rank, x.start, x, text[ls:le].strip()))
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
    df: pd.DataFrame, constraints: dict[str, list[Constraint]] | None = None, only: set[str] | None = None
) -> pd.DataFrame:
    """Fill the ``published*`` columns of a corpus table (see :func:`helpers.corpus.load_corpus`).

    With ``only``, rows of other articles keep the dates they have (their own text's)."""
    df = df.copy()
    constraints = constraints or {}
    out = []
    for r in df.itertuples():
        if r.status == "skipped":
            out.append(PubDate())
            continue
        if only is not None and r.article_id not in only and isinstance(getattr(r, "published", None), str):
            out.append(None)
            continue
        out.append(
            infer_one(
                r.text,
                r.title,
                getattr(r, "meta_published", ""),
                getattr(r, "html_date", "") or "",
                constraints.get(r.article_id),
            )
        )
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
