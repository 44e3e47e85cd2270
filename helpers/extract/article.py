"""The per-article step: one file read and dated by its own text (:func:`read_article`), then its
places, event mentions and figures, dated on its publication window (:func:`extract_article`).

Both are pure functions of the article (its file, its sidecar row; then its row with the publication
window) and the reference data: run once per article, kept in the result store
(:mod:`helpers.store.results`), and run again only when an article's window changes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..read.corpus import OutletRegistry, load_one
from ..text import Sentence, fold, in_sentences, sentence_at, split_sentences
from ..vocabulary import SITE_KINDS
from .actors import actors_of
from .dates import precision_of, tag
from .events import EventMention, extract_events, merge_occurrences
from .figures import Figure, extract_article_figures, victims_by_target
from .nlp import shared_parses
from .places import Mention, PlaceMatcher, discover, find_unlisted_sites
from .published import infer_one, lead_span
from .timeline import Timeline


@dataclass
class ArticleExtract:
    article_id: str
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[EventMention]
    figures: list[dict]
    unplaced: list[dict]


def read_article(
    path: Path, rel: str, meta: dict, outlets: OutletRegistry, timeline: Timeline | None, data: bytes | None = None
) -> dict:
    """One file's row of the corpus (see :func:`helpers.read.corpus.load_one`; ``data``: its bytes when already
    read) with the publication date its own text and the reference ``timeline`` give (before any constraint from
    the rest of the corpus)."""
    row = load_one(path, rel, meta, outlets, data)
    if row["status"] == "skipped":
        p = None
    else:
        p = infer_one(
            row["text"], row["title"], row.get("meta_published", ""), row.get("html_date", "") or "", timeline=timeline
        )
    row.update(
        published=p.start.isoformat() if p and p.start else "",
        published_end=p.end.isoformat() if p and p.end else "",
        published_precision=p.precision if p else "unknown",
        published_basis=(p.basis if p and p.start else ""),
        published_evidence=p.evidence if p else "",
        published_settled=bool(p and p.settled),
    )
    return row


def _window(row) -> tuple[date | None, date | None]:
    """The publication window relative dates are anchored on; none when it is unknown (open, or over
    a year wide: "mardi" would then be any Tuesday of years)."""
    if not row.published or getattr(row, "published_precision", "") == "unknown":
        return None, None
    lo = date.fromisoformat(row.published)
    hi = date.fromisoformat(row.published_end) if row.published_end else lo
    return lo, hi


def extract_article(row, matcher: PlaceMatcher, use_ner: bool = True) -> ArticleExtract:
    """Places, events and figures of one article, dated on its publication window (a sentence the
    event frames and the figures' roles both read is parsed once: :func:`helpers.extract.nlp.shared_parses`)."""
    with shared_parses():
        return _extract_article(row, matcher, use_ner)


def _extract_article(row, matcher: PlaceMatcher, use_ner: bool) -> ArticleExtract:
    """:func:`extract_article`'s work, its parses shared."""
    text = row.text
    sentences = split_sentences(text)
    mentions = matcher.find(text)
    unplaced: list[dict] = []
    towns = matcher.site_towns()
    town_site = {t: s for s, t in towns.items()}
    for surface, s, e, at in find_unlisted_sites(text, mentions, matcher):
        sent = sentence_at(sentences, s)
        if at:
            pid = town_site.get(at, at) if matcher.kind(town_site.get(at, at)) != "country" else None
            if pid:
                mentions.append(Mention(pid, f"base {surface}", s, e, "base-at"))
                continue
        unplaced.append(
            dict(
                article_id=row.article_id,
                name=f"base {surface}",
                how="unlisted base name",
                evidence=sent.text if sent else "",
            )
        )
    mentions.sort(key=lambda m: m.start)
    if use_ner:
        placed = [(m.start, m.end) for m in mentions]
        for i, name in discover([s.text for s in sentences], matcher):
            pos = text.find(name, sentences[i].start)
            if any(a <= pos < b for a, b in placed) or actors_of(fold(name)):
                continue
            unplaced.append(
                dict(article_id=row.article_id, name=name, how="NER (not in gazetteer)", evidence=sentences[i].text)
            )
    lo, hi = _window(row)
    lead = lead_span(text, row.title)
    dl = dateline_span(text)
    if dl:
        mentions = [m for m in mentions if not (dl[0] <= m.start < dl[1])]
    generic = {pid for pid in {m.place_id for m in mentions} if matcher.generic(pid)}
    all_exprs = tag(text, lo, hi, [(s.start, s.end) for s in sentences])
    events = extract_events(
        row.article_id,
        text,
        sentences,
        mentions,
        lo,
        hi,
        lead,
        towns,
        generic,
        skip=dl,
        exprs=all_exprs,
        place_name=matcher.name,
        site_ids={m.place_id for m in mentions if matcher.kind(m.place_id) in SITE_KINDS},
    )
    figures = []
    exprs_of = dict((s.index, xs) for s, xs in in_sentences(sentences, all_exprs))  # each sentence's, in one pass
    skips = {s.index: [(x.start - s.start, x.end - s.start) for x in exprs_of[s.index]] for s in sentences}
    places = [(m.start, m.end, m.place_id, matcher.kind(m.place_id)) for m in mentions]
    found = extract_article_figures(text, sentences, skips, places)
    ids = [f"{row.article_id}-f{f.start:05d}" for f in found]
    by_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(found):
        by_sentence.setdefault(f.sentence_index, []).append(k)
    events_of: dict[int, list[EventMention]] = {}  # each sentence's events (a figure reads its own sentence's)
    for e in events:
        events_of.setdefault(e.sentence_index, []).append(e)
    for s in sentences:
        if s.index not in by_sentence:
            continue
        exprs = exprs_of[s.index]
        figs = [found[k] for k in by_sentence[s.index]]
        # a date in the sentence describes the figure nearest to it ("contre 5 200 au début de l'année")
        own: dict[int, object] = {}
        dated = [
            replace(x, start=x.start - s.start, end=x.end - s.start)
            for x in exprs
            if x.resolved and x.kind != "offset" and not x.since and not (dl and dl[0] <= x.start < dl[1])
        ]
        fs = fold(s.text)
        for x in dated:
            near = min(
                range(len(figs)),
                key=lambda i: min(abs(figs[i].start - s.start - x.end), abs(figs[i].start - s.start - x.start)),
            )
            fa, fb = figs[near].start - s.start, figs[near].end - s.start
            gap = fs[fb : x.start] if x.start >= fb else fs[x.end : fa]
            # only a date in the figure's own phrase: near it, no relative clause or sentence break between
            if len(gap) <= 60 and not re.search(r"\b(qui|que|qu'|dont|lorsque|lorsqu'|ou|quand)\b|[;:]", gap):
                own.setdefault(near, x)
        for i, k in enumerate(by_sentence[s.index]):
            f = found[k]
            part_of = ids[f.part_of] if f.part_of is not None else ""
            figures.append(
                _figure_row(row, s, f, events_of.get(s.index, []), lo, hi, own.get(i), exprs)
                | dict(part_of=part_of, event_id="")
            )
    # one event per occurrence: a title, a lead and a later recap of the same event are one mention
    events = merge_occurrences(events, generic)
    link_figures_to_events(figures, found, events, sentences)
    _victims(figures, found, events, sentences)
    return ArticleExtract(row.article_id, sentences, mentions, events, figures, unplaced)


def dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline at the head of an article ("BAGDAD, 14 octobre 2020 (AFP) -", "MOSSOUL (Irak), 4 juin
    2022 (AFP) -"), if any."""
    head = fold(text[:600])
    for m in re.finditer(
        r"(?m)^[a-z' .-]{2,40}(?:\([^)\n]{1,25}\))?,?\s*(?:le\s+)?(?:\w+\s+)?\d{1,2}(?:er)?\s+[a-z]+\.?(?:\s+\d{4})?\s*"
        r"(?:\([^)\n]{1,25}\))?\s*-",
        head,
    ):
        return m.start(), m.end()
    return None


def _figure_row(row, s: Sentence, f: Figure, events: list[EventMention], lo, hi, own=None, exprs=()) -> dict:
    """A figure with the date it describes: a date next to it in the sentence, else its clause's
    event date, else the publication date."""
    if own is not None:
        return _figure_dict(
            row, s, f, own.date_start, own.date_end, own.precision, f"date in sentence ({own.text.strip()})"
        )
    ev = [
        e
        for e in events
        if e.sentence_index == s.index
        and e.date_start is not None
        and e.clause
        and s.text.find(e.clause[:20]) <= f.start - s.start
    ]
    ev = [e for e in ev if e.date_basis != "publication"]
    since = any(x.since and x.start <= f.start for x in exprs)
    if ev and not since:
        e = ev[-1]
        ref, ref_end, prec, basis = e.date_start, e.date_end, e.precision, f"event date ({e.date_text})"
    elif lo is not None:
        ref, ref_end, basis = lo, hi, "publication date"
        prec = precision_of(lo, hi)
    else:
        ref = ref_end = None
        prec, basis = "", "undated"
    return _figure_dict(row, s, f, ref, ref_end, prec, basis)


VIOLENCE = ("attack", "strike", "killing")


def link_figures_to_events(rows: list[dict], found, events: list[EventMention], sentences: list[Sentence]) -> None:
    """The event each figure belongs to (``event_id``): the event mention of its own sentence whose
    clause it follows (for a toll, an attack, strike or killing first: « les drones ont bombardé …,
    tuant 25 combattants, après une attaque contre une base …, tuant l'un d'entre eux »); for a toll
    with none there (« cinq personnes ont été blessées dans l'attaque »), the last attack, strike or
    killing the article reported before it."""
    by_sentence: dict[int, list[EventMention]] = {}
    for e in events:
        for si in {e.sentence_index} | {si for si, _ in e.also}:
            by_sentence.setdefault(si, []).append(e)
    first_violent: dict[int, EventMention] = {}
    for si, es in by_sentence.items():
        v = next((e for e in es if e.event_type in VIOLENCE), None)
        if v is not None:
            first_violent[si] = v
    violent_at = sorted(first_violent)
    row_of = {r["figure_id"]: r for r in rows}
    for f in found:
        r = row_of.get(f"{rows[0]['article_id']}-f{f.start:05d}") if rows else None
        if r is None:
            continue
        here = by_sentence.get(f.sentence_index, [])
        if f.kind == "casualties":
            violent = [e for e in here if e.event_type in VIOLENCE]
            if not violent:  # the first violent event of the last sentence before that tells one
                i = bisect_left(violent_at, f.sentence_index) - 1
                violent = [first_violent[violent_at[i]]] if i >= 0 else []
            here = violent
        sent = sentences[f.sentence_index]
        pos = f.start - sent.start

        def clause_start(e):
            at = sent.text.find(e.clause[:30]) if e.clause and e.sentence_index == f.sentence_index else -1
            return at if 0 <= at <= pos else -1

        here = sorted(here, key=clause_start, reverse=True)
        r["event_id"] = here[0].event_id if here else ""


def _victims(rows: list[dict], found: list[Figure], events: list[EventMention], sentences: list[Sentence]) -> None:
    """Tolls that name nobody take the side the violence they belong to was aimed at
    (:func:`helpers.extract.figures.victims_by_target`); their rows follow."""
    if not rows:
        return
    by_id = {e.event_id: e for e in events}
    row_of = {r["figure_id"]: r for r in rows}
    aid = rows[0]["article_id"]
    linked = {}
    for k, f in enumerate(found):
        r = row_of.get(f"{aid}-f{f.start:05d}")
        e = by_id.get(r["event_id"]) if r is not None else None
        if e is not None:
            linked[k] = (e.sentence_index, sentences[e.sentence_index].text, list(e.agent))
    for k in victims_by_target(found, sentences, linked):
        r = row_of.get(f"{aid}-f{found[k].start:05d}")
        if r is not None:
            r["party"], r["party_basis"] = found[k].party, found[k].party_basis


def _figure_dict(row, s, f, ref, ref_end, prec, basis) -> dict:
    return dict(
        figure_id=f"{row.article_id}-f{f.start:05d}",
        article_id=row.article_id,
        kind=f.kind,
        party=f.party,
        count_best=f.count_best,
        count_low=f.count_low,
        count_high=f.count_high,
        approximate=f.approximate,
        unit=f.unit,
        planned=f.planned,
        measure=f.measure,
        part_of="",
        scope=f.scope,
        party_basis=f.party_basis,
        measure_basis=f.measure_basis,
        refers_to=ref.isoformat() if ref else "",
        refers_end=ref_end.isoformat() if ref_end else "",
        refers_precision=prec,
        refers_basis=basis,
        surface=f.surface,
        evidence=s.text,
        outlet=row.outlet,
    )
