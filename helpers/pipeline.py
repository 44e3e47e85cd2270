"""The whole extraction, one code path for the export command and the notebooks.

``build(data_dir)`` loads the corpus, extracts each article (places, events, figures),
then reasons across articles: an event that one article dates bounds the publication
date of another article that mentions it (see :mod:`helpers.published`). Publication
dates and extraction are repeated until they no longer change (a few rounds at most).
Then mentions of the same real-world event are merged into the chronology.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from . import config
from .corpus import load_corpus
from .dates import PRECISIONS, display_date, find_expressions
from .events import EventMention, compatible, extract_events, same_family
from .figures import Figure, extract_figures
from .places import Mention, PlaceMatcher, discover, find_unlisted_sites
from .published import Constraint, infer_publication_dates, lead_span
from .text import Sentence, split_sentences

MAX_ROUNDS = 4
PRIORITY_INDEX = {t: i for i, t in enumerate(["killing", "strike", "attack", "handover", "withdrawal", "redeployment",
                                              "deployment", "suspension", "vote", "agreement", "protest", "talks",
                                              "announcement", "other"])}
TYPE_LABELS = {
    "withdrawal": "Retrait", "handover": "Remise d'une base", "redeployment": "Redéploiement",
    "deployment": "Déploiement", "attack": "Attaque contre la coalition", "strike": "Frappe de la coalition / des États-Unis",
    "killing": "Assassinat", "vote": "Vote", "agreement": "Accord", "talks": "Négociations",
    "announcement": "Annonce", "suspension": "Suspension", "protest": "Manifestation", "other": "Autre",
}


@dataclass
class ArticleExtract:
    article_id: str
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[EventMention]
    figures: list[dict]
    unplaced: list[dict]


@dataclass
class Build:
    articles: pd.DataFrame
    extracts: dict[str, ArticleExtract]
    matcher: PlaceMatcher
    warnings: list[str] = field(default_factory=list)
    rounds: int = 0


def _window(row) -> tuple[date | None, date | None]:
    if not row.published:
        return None, None
    lo = date.fromisoformat(row.published)
    hi = date.fromisoformat(row.published_end) if row.published_end else lo
    return lo, hi


def site_towns(matcher: PlaceMatcher) -> dict[str, str]:
    g = matcher.gaz
    return {pid: s.split(";")[0] for pid, s in zip(g.place_id, g.shared_with) if s}


def extract_article(row, matcher: PlaceMatcher, use_ner: bool = True) -> ArticleExtract:
    """Places, events and figures of one article, dated on its publication window."""
    text = row.text
    sentences = split_sentences(text)
    mentions = matcher.find(text)
    unplaced: list[dict] = []
    towns = site_towns(matcher)
    town_site = {t: s for s, t in towns.items()}
    for surface, s, e, at in find_unlisted_sites(text, mentions, matcher):
        sent = next((x for x in sentences if x.start <= s < x.end), None)
        if at:
            pid = town_site.get(at, at) if matcher.kind(town_site.get(at, at)) != "country" else None
            if pid:
                mentions.append(Mention(pid, f"base {surface}", s, e, "base-at"))
                continue
        unplaced.append(dict(article_id=row.article_id, name=f"base {surface}", how="unlisted base name",
                             evidence=sent.text if sent else ""))
    mentions.sort(key=lambda m: m.start)
    if use_ner:
        from .events import actors_of
        from .text import fold

        placed = [(m.start, m.end) for m in mentions]
        for i, name in discover([s.text for s in sentences], matcher):
            pos = text.find(name, sentences[i].start)
            if any(a <= pos < b for a, b in placed) or actors_of(fold(name)):
                continue
            unplaced.append(dict(article_id=row.article_id, name=name, how="NER (not in gazetteer)",
                                 evidence=sentences[i].text))
    lo, hi = _window(row)
    lead = lead_span(text, row.title)
    dl = dateline_span(text)
    if dl:
        mentions = [m for m in mentions if not (dl[0] <= m.start < dl[1])]
    generic = {pid for pid in {m.place_id for m in mentions} if matcher.generic(pid)}
    events = extract_events(row.article_id, text, sentences, mentions, lo, hi, lead, towns, generic, skip=dl)
    figures = []
    from .dates import tag as tag_dates

    for s in sentences:
        exprs = find_expressions(s.text)
        skip = [(x.start, x.end) for x in exprs]
        figs = extract_figures(s.text, s.start, skip)
        if not figs:
            continue
        # a date in the sentence describes the figure nearest to it ("contre 5 200 au début de l'année")
        own: dict[int, object] = {}
        dated = [x for x in tag_dates(s.text, lo, hi) if x.resolved and x.kind != "offset" and not x.since
                 and not (dl and dl[0] <= s.start + x.start < dl[1])]
        from .text import fold as _fold

        fs = _fold(s.text)
        for x in dated:
            near = min(range(len(figs)), key=lambda i: min(abs(figs[i].start - s.start - x.end),
                                                           abs(figs[i].start - s.start - x.start)))
            fa, fb = figs[near].start - s.start, figs[near].end - s.start
            gap = fs[fb:x.start] if x.start >= fb else fs[x.end:fa]
            # only a date in the figure's own phrase: near it, no relative clause or sentence break between
            if len(gap) <= 60 and not re.search(r"\b(qui|que|qu'|dont|lorsque|lorsqu'|ou|quand)\b|[;:]", gap):
                own.setdefault(near, x)
        for i, f in enumerate(figs):
            figures.append(_figure_row(row, s, f, events, lo, hi, own.get(i)))
    return ArticleExtract(row.article_id, sentences, mentions, events, figures, unplaced)


def dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline at the head of an article ("BAGDAD, 14 octobre 2020 (AFP) -"), if any."""
    import re

    from .text import fold

    head = fold(text[:600])
    for m in re.finditer(r"(?m)^[a-z' .-]{2,40},?\s*(?:le\s+)?(?:\w+\s+)?\d{1,2}(?:er)?\s+[a-z]+\.?\s+\d{4}\s*"
                         r"(?:\([^)\n]{1,25}\))?\s*-", head):
        return m.start(), m.end()
    return None


def _figure_row(row, s: Sentence, f: Figure, events: list[EventMention], lo, hi, own=None) -> dict:
    """A figure with the date it describes: a date next to it in the sentence, else its clause's
    event date, else the publication date."""
    if own is not None:
        return _figure_dict(row, s, f, own.date_start, own.date_end, own.precision, f"date in sentence ({own.text.strip()})")
    ev = [e for e in events if e.sentence_index == s.index and e.date_start is not None
          and e.clause and s.text.find(e.clause[:20]) <= f.start - s.start]
    ev = [e for e in ev if e.date_basis != "publication"]
    since = any(x.since and x.start <= f.start - s.start for x in find_expressions(s.text))
    if ev and not since:
        e = ev[-1]
        ref, ref_end, prec, basis = e.date_start, e.date_end, e.precision, f"event date ({e.date_text})"
    elif lo is not None:
        ref, ref_end, basis = lo, hi, "publication date"
        from .dates import precision_of

        prec = precision_of(lo, hi)
    else:
        ref = ref_end = None
        prec, basis = "", "undated"
    return _figure_dict(row, s, f, ref, ref_end, prec, basis)


def _figure_dict(row, s, f, ref, ref_end, prec, basis) -> dict:
    return dict(
        figure_id=f"{row.article_id}-f{f.start:05d}", article_id=row.article_id, kind=f.kind, party=f.party,
        count_best=f.count_best, count_low=f.count_low, count_high=f.count_high,
        approximate=f.approximate, unit=f.unit, refers_to=ref.isoformat() if ref else "",
        refers_end=ref_end.isoformat() if ref_end else "", refers_precision=prec, refers_basis=basis,
        surface=f.surface, evidence=s.text, outlet=row.outlet,
    )


def corpus_constraints(articles: pd.DataFrame, extracts: dict[str, ArticleExtract]) -> dict[str, list[Constraint]]:
    """Bounds on each article's publication date from the events other articles date."""
    anchors: list[tuple[str, EventMention]] = []
    reliable = {}
    for r in articles.itertuples():
        reliable[r.article_id] = r.published_precision == "day" and "nothing else decides" not in r.published_evidence
    for aid, ex in extracts.items():
        for e in ex.events:
            if e.date_start is None or e.date_basis == "publication":
                continue
            if e.date_basis in ("explicit", "reference") and e.date_text and _explicit_chain(e) or reliable.get(aid):
                anchors.append((aid, e))
    out: dict[str, list[Constraint]] = {}
    for aid, ex in extracts.items():
        for e in ex.events:
            if e.date_basis in ("explicit",):
                continue
            for bid, f in anchors:
                if bid == aid or not same_family(f.event_type, e.event_type) or not _shared(e, f):
                    continue
                if e.date_start is not None and e.date_basis == "anchored" and not _same_day_month(e, f):
                    continue
                outlet = articles.loc[articles.article_id == bid, "file"].iloc[0]
                what = f"mentions the {e.event_type} that {outlet} dates {display_date(f.date_start, f.date_end)}"
                cons = out.setdefault(aid, [])
                precise = f.precision in ("day", "week")
                hi = f.date_end + timedelta(days=7) if (e.in_lead and precise) else None
                cons.append(Constraint(f.date_start, hi, what + (" (its lead news: within a week)" if hi else "")))
    return out


def _explicit_chain(e: EventMention) -> bool:
    return e.date_basis == "explicit" or (e.date_basis == "reference" and e.date_start is not None)


def _same_day_month(e: EventMention, f: EventMention) -> bool:
    if e.precision != "day" or f.precision not in ("day",):
        return True
    return (e.date_start.month, e.date_start.day) == (f.date_start.month, f.date_start.day) or \
        abs((e.date_start.replace(year=2000) - f.date_start.replace(year=2000)).days) <= 1


def _shared(e: EventMention, f: EventMention) -> bool:
    return bool(e.keys & f.keys)


def build(data_dir=None, *, use_ner: bool = True, progress: bool = False) -> Build:
    """Run the whole extraction on ``data_dir`` (default: the repository's data/)."""
    p = config.paths(data_dir)
    articles = load_corpus(data_dir, infer_dates=False)
    warnings_ = list(articles.attrs.get("warnings", []))
    matcher = PlaceMatcher.load(p.reference)
    articles = infer_publication_dates(articles)
    ok = articles[articles.status == "ok"]
    iterator = ok.itertuples()
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(list(iterator), desc="articles", unit="art")
    from .cache import ExtractCache

    cache = ExtractCache(p, enabled=True)
    extracts = {r.article_id: cache.get_or_make(r, lambda r=r: extract_article(r, matcher, use_ner)) for r in iterator}
    rounds = 1
    for _ in range(MAX_ROUNDS):
        cons = corpus_constraints(articles, extracts)
        new = infer_publication_dates(articles, cons)
        cols = ["published", "published_end", "published_precision"]
        changed = [aid for aid, a, b in zip(new.article_id, new[cols].values.tolist(), articles[cols].values.tolist())
                   if a != b and aid in extracts]
        articles = new
        if not changed:
            break
        rounds += 1
        for r in articles[articles.article_id.isin(changed) & (articles.status == "ok")].itertuples():
            extracts[r.article_id] = cache.get_or_make(r, lambda r=r: extract_article(r, matcher, use_ner))
    cache.save()
    return Build(articles, extracts, matcher, warnings_, rounds)


# --- tables ---------------------------------------------------------------------------------

EVENT_COLUMNS = ["event_id", "article_id", "event_type", "date_start", "date_end", "precision", "date_text",
                 "place_ids", "actors", "evidence", "date_basis", "qualifier", "outlet", "clause"]
CHRONO_COLUMNS = ["chronology_id", "date_start", "date_end", "precision", "event_type", "summary", "place_ids",
                  "n_articles", "n_outlets", "article_ids", "event_ids", "display_date", "outlets", "qualifier",
                  "mention_types"]


def events_table(b: Build) -> pd.DataFrame:
    outlets = dict(zip(b.articles.article_id, b.articles.outlet))
    rows = []
    for aid in sorted(b.extracts):
        for e in b.extracts[aid].events:
            if e.date_start is None:
                continue
            rows.append(dict(event_id=e.event_id, article_id=aid, event_type=e.event_type,
                             date_start=e.date_start.isoformat(), date_end=e.date_end.isoformat(),
                             precision=e.precision, date_text=e.date_text, place_ids=";".join(e.place_ids),
                             actors="; ".join(e.actors), evidence=e.evidence, date_basis=e.date_basis,
                             qualifier=e.qualifier, outlet=outlets.get(aid, ""), clause=e.clause))
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def merge_events(b: Build) -> pd.DataFrame:
    """Mentions of the same event (same type, compatible dates, a shared name/place/actor) as one row."""
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    mentions = [e for aid in sorted(b.extracts) for e in b.extracts[aid].events
                if e.date_start is not None]
    mentions.sort(key=lambda e: (rank.get(e.precision, 9), e.date_start, e.event_id))
    clusters: list[dict] = []
    for e in mentions:
        best, best_n = None, 0
        for c in clusters:
            if not same_family(c["type"], e.event_type) or not compatible((c["start"], c["end"]), (e.date_start, e.date_end),
                                                           1 if e.precision == "day" else 0):
                continue
            n = len(c["keys"] & e.keys)
            if n > best_n:
                best, best_n = c, n
        if best is None:
            clusters.append(dict(type=e.event_type, start=e.date_start, end=e.date_end, precision=e.precision,
                                 qualifier=e.qualifier, keys=set(e.keys), mentions=[e]))
            continue
        best["mentions"].append(e)
        best["keys"] |= e.keys
        s, t = max(best["start"], e.date_start), min(best["end"], e.date_end)
        if s <= t and rank.get(best["precision"], 9) >= rank.get(e.precision, 9):
            best["start"], best["end"] = s, t
            from .dates import precision_of

            best["precision"] = precision_of(s, t)
    outlets = dict(zip(b.articles.article_id, b.articles.outlet))
    rows = []
    for c in clusters:
        ms = sorted(c["mentions"], key=lambda e: e.event_id)
        arts = sorted({m.article_id for m in ms})
        outs = sorted({outlets.get(a) or f"(outlet unknown: {a})" for a in arts})
        head = min(c["mentions"], key=lambda e: (rank.get(e.precision, 9), e.event_id))
        types = [m.event_type for m in ms]
        c["type"] = max(set(types), key=lambda t: (types.count(t), -PRIORITY_INDEX.get(t, 99)))
        places = list(dict.fromkeys(p for m in ms for p in m.place_ids))
        summary = _summary(c["type"], head)
        cid = "c-" + hashlib.sha1(f"{c['type']}|{head.event_id}".encode()).hexdigest()[:10]
        rows.append(dict(
            chronology_id=cid, date_start=c["start"].isoformat(), date_end=c["end"].isoformat(),
            precision=c["precision"], event_type=c["type"], summary=summary, place_ids=";".join(places),
            n_articles=len(arts), n_outlets=len(outs), article_ids=";".join(arts),
            event_ids=";".join(m.event_id for m in ms),
            display_date=display_date(c["start"], c["end"], c["precision"], c["qualifier"]),
            outlets="; ".join(o for o in outs), qualifier=c["qualifier"],
            mention_types=";".join(sorted(set(types))),
        ))
    df = pd.DataFrame(rows, columns=CHRONO_COLUMNS)
    return df.sort_values(["date_start", "date_end", "event_type", "chronology_id"]).reset_index(drop=True)


def _summary(etype: str, e: EventMention) -> str:
    clause = " ".join(e.clause.split())
    if len(clause) > 150:
        clause = clause[:147].rsplit(" ", 1)[0] + "…"
    return f"{TYPE_LABELS.get(etype, etype)} — {clause}"


def places_tables(b: Build, chronology: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """places.csv (places mentioned, with coordinates and site status) and place_mentions.csv."""
    rows = []
    for aid in sorted(b.extracts):
        ex = b.extracts[aid]
        for m in ex.mentions:
            sent = next((s for s in ex.sentences if s.start <= m.start < s.end), None)
            rows.append(dict(article_id=aid, place_id=m.place_id, surface=m.surface,
                             evidence=sent.text if sent else "", context=m.context))
    mentions = pd.DataFrame(rows, columns=["article_id", "place_id", "surface", "evidence", "context"])
    g = b.matcher.gaz
    out = []
    for pid, grp in mentions.groupby("place_id", sort=True):
        r = g.loc[pid]
        status = site_status(pid, chronology) if r["kind"] in ("base", "airport", "zone") else \
            dict(status="", status_date="", status_text="", n_events=int(chronology.place_ids.str.split(";")
                                                                         .apply(lambda ids: pid in ids).sum()),
                 event_summary="")
        out.append(dict(place_id=pid, name=r["name"], kind=r["kind"], latitude=float(r["latitude"]),
                        longitude=float(r["longitude"]), source=r["source"], n_mentions=len(grp),
                        article_ids=";".join(sorted(set(grp.article_id))), **status))
    cols = ["place_id", "name", "kind", "latitude", "longitude", "source", "n_mentions", "article_ids",
            "status", "status_date", "status_text", "n_events", "event_summary"]
    return pd.DataFrame(out, columns=cols), mentions


STATUS = {"handover": "remise aux forces irakiennes", "withdrawal": "évacuée par les forces étrangères",
          "redeployment": "forces redéployées", "deployment": "forces étrangères présentes",
          "attack": "attaquée", "strike": "frappée"}
STATUS_ORDER = ["handover", "withdrawal", "redeployment", "deployment", "attack", "strike"]


def site_status(pid: str, chronology: pd.DataFrame) -> dict:
    rows = chronology[chronology.place_ids.str.split(";").apply(lambda ids: pid in ids)]
    n = len(rows)
    summary = " | ".join(f"{r.display_date}: {TYPE_LABELS[r.event_type]} ({r.outlets})" for r in rows.itertuples())
    # the most specific status any merged mention gives ("retirées … et ont livré la base": handover)
    kinds = rows.mention_types.str.split(";").apply(lambda ts: next((t for t in STATUS_ORDER if t in ts), ""))
    st = rows.assign(status=kinds)
    st = st[st.status != ""]
    if st.empty:
        return dict(status="mentioned", status_date="", status_text="", n_events=n, event_summary=summary)
    st = st.assign(o=st.status.map(STATUS_ORDER.index)).sort_values(["date_end", "o"], ascending=[True, False])
    last = st.iloc[-1]
    text = f"{STATUS[last.status]} ({last.display_date}), selon {last.outlets}"
    return dict(status=last.status, status_date=last.date_start, status_text=text, n_events=n,
                event_summary=summary)


def figures_table(b: Build) -> pd.DataFrame:
    cols = ["figure_id", "article_id", "kind", "party", "count_best", "count_low", "count_high", "approximate", "unit",
            "refers_to", "refers_precision", "evidence", "refers_end", "refers_basis", "surface", "outlet"]
    rows = [f for aid in sorted(b.extracts) for f in b.extracts[aid].figures]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("count_best", "count_low", "count_high"):
        df[c] = df[c].astype("Int64")
    return df


def unplaced_table(b: Build) -> pd.DataFrame:
    rows = [u for aid in sorted(b.extracts) for u in b.extracts[aid].unplaced]
    return pd.DataFrame(rows, columns=["article_id", "name", "how", "evidence"]).drop_duplicates()
