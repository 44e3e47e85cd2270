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
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from . import config
from .corpus import load_corpus
from .dates import PRECISIONS, display_date, precision_of, tag
from .events import PRIORITY, EventMention, actors_of, compatible, extract_events
from .figures import Figure, extract_figures
from .places import Mention, PlaceMatcher, discover, find_unlisted_sites
from .published import Constraint, infer_publication_dates, lead_span
from .text import Sentence, fold, split_sentences

MAX_ROUNDS = 4
PRIORITY_INDEX = {t: i for i, t in enumerate(PRIORITY + ["other"])}
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
    return {pid: s.split(";")[0] for pid, s in sorted(matcher._shared.items()) if s}


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
    all_exprs = tag(text, lo, hi, [(s.start, s.end) for s in sentences])
    events = extract_events(row.article_id, text, sentences, mentions, lo, hi, lead, towns, generic, skip=dl,
                            exprs=all_exprs)
    figures = []
    for s in sentences:
        exprs = [x for x in all_exprs if s.start <= x.start < s.end]
        skip = [(x.start - s.start, x.end - s.start) for x in exprs]
        figs = extract_figures(s.text, s.start, skip)
        if not figs:
            continue
        # a date in the sentence describes the figure nearest to it ("contre 5 200 au début de l'année")
        own: dict[int, object] = {}
        dated = [replace(x, start=x.start - s.start, end=x.end - s.start) for x in exprs
                 if x.resolved and x.kind != "offset" and not x.since and not (dl and dl[0] <= x.start < dl[1])]
        fs = fold(s.text)
        for x in dated:
            near = min(range(len(figs)), key=lambda i: min(abs(figs[i].start - s.start - x.end),
                                                           abs(figs[i].start - s.start - x.start)))
            fa, fb = figs[near].start - s.start, figs[near].end - s.start
            gap = fs[fb:x.start] if x.start >= fb else fs[x.end:fa]
            # only a date in the figure's own phrase: near it, no relative clause or sentence break between
            if len(gap) <= 60 and not re.search(r"\b(qui|que|qu'|dont|lorsque|lorsqu'|ou|quand)\b|[;:]", gap):
                own.setdefault(near, x)
        for i, f in enumerate(figs):
            figures.append(_figure_row(row, s, f, events, lo, hi, own.get(i), exprs))
    return ArticleExtract(row.article_id, sentences, mentions, events, figures, unplaced)


def dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline at the head of an article ("BAGDAD, 14 octobre 2020 (AFP) -"), if any."""
    head = fold(text[:600])
    for m in re.finditer(r"(?m)^[a-z' .-]{2,40},?\s*(?:le\s+)?(?:\w+\s+)?\d{1,2}(?:er)?\s+[a-z]+\.?\s+\d{4}\s*"
                         r"(?:\([^)\n]{1,25}\))?\s*-", head):
        return m.start(), m.end()
    return None


def _figure_row(row, s: Sentence, f: Figure, events: list[EventMention], lo, hi, own=None, exprs=()) -> dict:
    """A figure with the date it describes: a date next to it in the sentence, else its clause's
    event date, else the publication date."""
    if own is not None:
        return _figure_dict(row, s, f, own.date_start, own.date_end, own.precision, f"date in sentence ({own.text.strip()})")
    ev = [e for e in events if e.sentence_index == s.index and e.date_start is not None
          and e.clause and s.text.find(e.clause[:20]) <= f.start - s.start]
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


def _figure_dict(row, s, f, ref, ref_end, prec, basis) -> dict:
    return dict(
        figure_id=f"{row.article_id}-f{f.start:05d}", article_id=row.article_id, kind=f.kind, party=f.party,
        count_best=f.count_best, count_low=f.count_low, count_high=f.count_high,
        approximate=f.approximate, unit=f.unit, planned=f.planned, refers_to=ref.isoformat() if ref else "",
        refers_end=ref_end.isoformat() if ref_end else "", refers_precision=prec, refers_basis=basis,
        surface=f.surface, evidence=s.text, outlet=row.outlet,
    )


COMMON_KEY = 200  # a key shared by more anchors or clusters than this tells no event apart


def corpus_constraints(articles: pd.DataFrame, extracts: dict[str, ArticleExtract]) -> dict[str, list[Constraint]]:
    """Bounds on each article's publication date from the events other articles date.

    An event an article mentions (same type family, a shared key) that other articles date
    bounds its publication from below. When the mention could be several dated events, the
    sound bound is the earliest of them; the lead's news bounds it from above (within a
    week) only when all candidates agree. Articles dated by metadata or a dateline are
    settled and skipped; anchors are indexed by (type family, key), so the cost grows with
    the corpus, not with its square."""
    from .events import COUNTRY_ACTORS, FAMILY

    weak = {f"actor:{a}" for a in COUNTRY_ACTORS}
    reliable, files, settled = {}, {}, {}
    for aid, prec, evid, file, sett in zip(articles.article_id, articles.published_precision,
                                            articles.published_evidence, articles.file,
                                            articles.get("published_settled", pd.Series(False, index=articles.index))):
        reliable[aid] = prec == "day" and "nothing else decides" not in evid
        files[aid] = file
        settled[aid] = bool(sett)
    index: dict[tuple[str, str], list[tuple[str, EventMention]]] = {}
    for aid, ex in extracts.items():
        for e in ex.events:
            if e.date_start is None or e.date_basis == "publication" or e.repeated:
                continue
            if (e.date_basis in ("explicit", "reference") and e.date_text) or reliable.get(aid):
                fam = FAMILY.get(e.event_type, e.event_type)
                for k in e.keys - weak:
                    index.setdefault((fam, k), []).append((aid, e))
    # per key: the two earliest and two latest anchors from distinct articles
    summary: dict[tuple[str, str], tuple[list, list]] = {}
    for key, posting in index.items():
        if len(posting) > COMMON_KEY:
            continue
        summary[key] = (_two_distinct(sorted(posting, key=lambda p: (p[1].date_start, p[0]))),
                        _two_distinct(sorted(posting, key=lambda p: (p[1].date_end, p[0]), reverse=True)))
    by_day: dict[tuple, list[tuple[str, EventMention]]] = {}
    for key in summary:
        for bid, f in index[key]:
            if f.precision == "day":
                by_day.setdefault(key + (f.date_start.month, f.date_start.day), []).append((bid, f))
    out: dict[str, list[Constraint]] = {}
    for aid, ex in extracts.items():
        if settled.get(aid):
            continue
        for e in ex.events:
            if e.date_basis == "explicit" or e.repeated:
                continue
            fams = sorted({FAMILY.get(t, t) for t in {e.event_type} | e.background})
            keys = [(fam, k) for fam in fams for k in sorted(e.keys - weak) if (fam, k) in summary]
            if not keys:
                continue
            if e.date_start is not None and e.date_basis == "anchored" and e.precision == "day":
                cands = [f for k in keys for d in _near_days(e.date_start) for bid, f in by_day.get(k + d, ())
                         if bid != aid and _same_day_month(e, f)]
                if not cands:
                    continue
                first = min(cands, key=lambda f: (f.date_start, f.event_id))
                last_end = max(f.date_end for f in cands)
            else:
                firsts = [next(((b, f) for b, f in summary[k][0] if b != aid), None) for k in keys]
                lasts = [x for x in (next(((b, f) for b, f in summary[k][1] if b != aid), None) for k in keys) if x]
                firsts = [x for x in firsts if x]
                if not firsts:
                    continue
                first = min((f for _, f in firsts), key=lambda f: (f.date_start, f.event_id))
                last_end = max(f.date_end for _, f in lasts) if lasts else first.date_end
            bid = first.article_id
            what = f"mentions the {first.event_type} that {files[bid]} dates {display_date(first.date_start, first.date_end)}"
            agree = (last_end - first.date_start).days <= 7
            precise = first.precision in ("day", "week")
            hi = last_end + timedelta(days=7) if (e.in_lead and precise and agree) else None
            out.setdefault(aid, []).append(
                Constraint(first.date_start, hi, what + (" (its lead news: within a week)" if hi else "")))
    return out


def _two_distinct(posting: list) -> list:
    """The first two entries of ``posting`` that come from different articles."""
    out = []
    for bid, f in posting:
        if not out or out[0][0] != bid:
            out.append((bid, f))
        if len(out) == 2:
            break
    return out


def _near_days(d: date) -> list[tuple[int, int]]:
    return [((d + timedelta(days=k)).month, (d + timedelta(days=k)).day) for k in (-1, 0, 1)]


def _same_day_month(e: EventMention, f: EventMention) -> bool:
    """A mention dated by day and month only can be an anchor's event if the day agrees (±1),
    and, when a weekday was written ("jeudi 25 décembre"), if that weekday holds in the anchor's year."""
    if e.precision != "day" or f.precision not in ("day",):
        return True
    if e.weekday is not None:
        try:
            if date(f.date_start.year, e.date_start.month, e.date_start.day).weekday() != e.weekday:
                return False
        except ValueError:
            return False
    return abs((e.date_start.replace(year=2000) - f.date_start.replace(year=2000)).days) <= 1 if not (
        e.date_start.month == 2 and e.date_start.day == 29) else (f.date_start.month, f.date_start.day) == (2, 29)


def build(data_dir=None, *, use_ner: bool = True, progress: bool = False) -> Build:
    """Run the whole extraction on ``data_dir`` (default: the repository's data/)."""
    p = config.paths(data_dir)
    articles = load_corpus(data_dir, infer_dates=True)
    warnings_ = list(articles.attrs.get("warnings", []))
    matcher = PlaceMatcher.load(p.reference)
    if "published" not in articles.columns or not articles.attrs.get("dated"):
        articles = infer_publication_dates(articles)
    local = articles
    ok = articles[articles.status == "ok"]
    iterator = ok.itertuples()
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(list(iterator), desc="articles", unit="art")
    from .cache import ExtractCache

    cache = ExtractCache(p, enabled=True)
    extracts = {r.article_id: cache.get_or_make(r, lambda r=r: extract_article(r, matcher, use_ner)) for r in iterator}
    rounds = 1
    memo = PubMemo(p)
    for _ in range(MAX_ROUNDS):
        cons = corpus_constraints(articles, extracts)
        new = memo.infer(local, cons)
        cols = ["published", "published_end", "published_precision"]
        changed = [aid for aid, a, b in zip(new.article_id, new[cols].values.tolist(), articles[cols].values.tolist())
                   if a != b and aid in extracts]
        articles = new
        if not changed:
            break
        rounds += 1
        for r in articles[articles.article_id.isin(changed) & (articles.status == "ok")].itertuples():
            extracts[r.article_id] = cache.get_or_make(r, lambda r=r: extract_article(r, matcher, use_ner))
    memo.save()
    return Build(articles, extracts, matcher, warnings_, rounds)


class PubMemo:
    """Publication dates inferred under corpus constraints, remembered by (article, constraints)
    in ``DATA/interim/published.pkl`` (with the code fingerprint), so a rerun redoes only what changed."""

    def __init__(self, paths: config.Paths):
        from .cache import code_fingerprint

        self.path = paths.interim / "published.pkl"
        self.fp = code_fingerprint(str(paths.reference.resolve()))
        self.data: dict = {}
        self.dirty = False
        try:
            import pickle

            with self.path.open("rb") as fh:
                fp, data = pickle.load(fh)
            if fp == self.fp:
                self.data = data
        except Exception:
            pass

    def infer(self, local: pd.DataFrame, cons: dict[str, list[Constraint]]) -> pd.DataFrame:
        from .published import PUB_COLUMNS

        keys = {aid: (aid, tuple((c.lo, c.hi, c.evidence) for c in cs)) for aid, cs in cons.items()}
        todo = {aid for aid, k in keys.items() if k not in self.data}
        new = infer_publication_dates(local, cons, only=todo) if todo else local.copy()
        idx = {aid: i for i, aid in enumerate(new.article_id)}
        for aid, k in keys.items():
            if aid not in idx:
                continue
            i = new.index[idx[aid]]
            if aid in todo:
                self.data[k] = tuple(new.at[i, c] for c in PUB_COLUMNS)
                self.dirty = True
            else:
                for c, v in zip(PUB_COLUMNS, self.data[k]):
                    new.at[i, c] = v
        return new

    def save(self) -> None:
        if not self.dirty:
            return
        import pickle

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump((self.fp, self.data), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.path)
        except OSError:
            pass


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
    from .events import FAMILY

    clusters: list[dict] = []
    index: dict[tuple[str, str], list[int]] = {}  # every cluster of a (family, key)
    buckets: dict[tuple[str, str, object], list[int]] = {}  # by month, or "coarse" for long spans
    for e in mentions:
        fam = FAMILY.get(e.event_type, e.event_type)
        cand = set()
        months = _months(e.date_start, e.date_end)
        for k in e.keys:
            posting = index.get((fam, k), [])
            if len(posting) > COMMON_KEY:
                continue
            if months is None:
                cand.update(posting)
            else:
                for m in months + ["coarse"]:
                    cand.update(buckets.get((fam, k, m), ()))
        best, best_n = None, 0
        for ci in sorted(cand):
            c = clusters[ci]
            if not compatible((c["start"], c["end"]), (e.date_start, e.date_end), 1 if e.precision == "day" else 0):
                continue
            n = len(c["keys"] & e.keys)
            if n > best_n:
                best, best_n = ci, n
        if best is None:
            clusters.append(dict(type=e.event_type, start=e.date_start, end=e.date_end, precision=e.precision,
                                 qualifier=e.qualifier, keys=set(e.keys), mentions=[e]))
            best = len(clusters) - 1
        else:
            c = clusters[best]
            c["mentions"].append(e)
            c["keys"] |= e.keys
            s, t = max(c["start"], e.date_start), min(c["end"], e.date_end)
            if s <= t and rank.get(c["precision"], 9) >= rank.get(e.precision, 9):
                c["start"], c["end"], c["precision"] = s, t, precision_of(s, t)
        c = clusters[best]
        cm = _months(c["start"], c["end"])
        for k in e.keys:
            posting = index.setdefault((fam, k), [])
            if best not in posting:
                posting.append(best)
            for m in (cm if cm is not None else ["coarse"]):
                b_ = buckets.setdefault((fam, k, m), [])
                if best not in b_:
                    b_.append(best)
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


def _months(a: date, b: date) -> list | None:
    """The months a short span touches (a day of slack each side); None for spans over two months."""
    a, b = a - timedelta(days=1), b + timedelta(days=1)
    if (b - a).days > 62:
        return None
    out, y, m = [], a.year, a.month
    while (y, m) <= (b.year, b.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


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
    at_place: dict[str, list[int]] = {}
    for i, ids in enumerate(chronology.place_ids):
        for pid in ids.split(";") if ids else ():
            at_place.setdefault(pid, []).append(i)
    out = []
    for pid, grp in mentions.groupby("place_id", sort=True):
        r = g.loc[pid]
        rows_here = chronology.iloc[at_place.get(pid, [])]
        status = site_status(pid, rows_here) if r["kind"] in ("base", "airport", "zone") else \
            dict(status="", status_date="", status_text="", n_events=len(rows_here), event_summary="")
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


def site_status(pid: str, rows: pd.DataFrame) -> dict:
    """The latest known status of a site from the chronology rows at it."""
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
            "refers_to", "refers_precision", "evidence", "refers_end", "refers_basis", "planned", "surface", "outlet"]
    rows = [f for aid in sorted(b.extracts) for f in b.extracts[aid].figures]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("count_best", "count_low", "count_high"):
        df[c] = df[c].astype("Int64")
    return df


def unplaced_table(b: Build) -> pd.DataFrame:
    rows = [u for aid in sorted(b.extracts) for u in b.extracts[aid].unplaced]
    return pd.DataFrame(rows, columns=["article_id", "name", "how", "evidence"]).drop_duplicates()
