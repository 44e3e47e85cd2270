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
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from . import config
from .corpus import load_corpus
from .dates import PRECISIONS, display_date, precision_of, tag
from .events import COUNTRY_ACTORS, FAMILY, PRIORITY, EventMention, actors_of, compatible, extract_events
from .figures import Figure, extract_figures
from .places import Mention, PlaceMatcher, discover, find_unlisted_sites
from .published import Constraint, infer_publication_dates, lead_span
from .text import Sentence, fold, split_sentences

MAX_ROUNDS = 4
PRIORITY_INDEX = {t: i for i, t in enumerate(PRIORITY + ["other"])}
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}
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
    local: pd.DataFrame | None = None  # publication dates from each article's own text
    log: "ConstraintLog | None" = None


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
WEAK_KEYS = {f"actor:{a}" for a in COUNTRY_ACTORS}  # a country as actor tells no event apart in date reasoning


def corpus_constraints(articles: pd.DataFrame, extracts: dict[str, ArticleExtract],
                       log: "ConstraintLog | None" = None) -> dict[str, list[Constraint]]:
    """Bounds on each article's publication date from the events other articles date.

    An event an article mentions (same type family, a shared key) that other articles date
    bounds its publication from below. When the mention could be several dated events, the
    sound bound is the earliest of them; the lead's news bounds it from above (within a
    week) only when all candidates agree. Articles dated by metadata or a dateline are
    settled and skipped; anchors are indexed by (type family, key), so the cost grows with
    the corpus, not with its square. ``log`` records which keys were looked up (for warm rebuilds)."""
    files = dict(zip(articles.article_id, articles.file))
    settled = {aid: bool(s) for aid, s in zip(articles.article_id, articles.get(
        "published_settled", pd.Series(False, index=articles.index)))}
    reliable = _reliable(articles)
    index: dict[tuple[str, str], list[tuple[str, EventMention]]] = {}
    for aid, ex in extracts.items():
        for key, e in anchor_postings(ex, reliable.get(aid, False)):
            index.setdefault(key, []).append((aid, e))
    anchors = AnchorLookup(index.get)
    out: dict[str, list[Constraint]] = {}
    for aid, ex in extracts.items():
        if settled.get(aid):
            continue
        cons = article_constraints(aid, ex, anchors, files, log)
        if cons:
            out[aid] = cons
    if log is not None:
        log.index = index
    return out


def anchor_postings(ex: ArticleExtract, reliable: bool) -> list[tuple[tuple[str, str], EventMention]]:
    """The (type family, key) entries under which an article's dated events bound other articles."""
    out = []
    for e in ex.events:
        if e.date_start is None or e.date_basis == "publication" or e.repeated:
            continue
        if (e.date_basis in ("explicit", "reference") and e.date_text) or reliable:
            fam = FAMILY.get(e.event_type, e.event_type)
            for k in sorted(e.keys - WEAK_KEYS):
                out.append(((fam, k), e))
    return out


class AnchorLookup:
    """Per (type family, key): the two earliest and two latest anchors from distinct articles,
    and the day-dated anchors by (month, day); a key shared by too many anchors tells nothing."""

    def __init__(self, get):
        self.get = get
        self._summary: dict = {}
        self._days: dict = {}

    def summary(self, key):
        if key not in self._summary:
            posting = self.get(key)
            if not posting or len(posting) > COMMON_KEY:
                self._summary[key] = None
            else:
                self._summary[key] = (
                    _two_distinct(sorted(posting, key=lambda p: (p[1].date_start, p[0]))),
                    _two_distinct(sorted(posting, key=lambda p: (p[1].date_end, p[0]), reverse=True)))
        return self._summary[key]

    def on_day(self, key, month_day):
        if key not in self._days:
            by: dict = {}
            if self.summary(key) is not None:
                for bid, f in self.get(key):
                    if f.precision == "day":
                        by.setdefault((f.date_start.month, f.date_start.day), []).append((bid, f))
            self._days[key] = by
        return self._days[key].get(month_day, ())


def article_constraints(aid: str, ex: ArticleExtract, anchors: AnchorLookup, files: dict,
                        log: "ConstraintLog | None" = None) -> list[Constraint]:
    out = []
    for e in ex.events:
        if e.date_basis == "explicit" or e.repeated:
            continue
        fams = sorted({FAMILY.get(t, t) for t in {e.event_type} | e.background})
        wanted = [(fam, k) for fam in fams for k in sorted(e.keys - WEAK_KEYS)]
        by_day = e.date_start is not None and e.date_basis == "anchored" and e.precision == "day"
        if log is not None:
            if by_day:
                for k in wanted:
                    for d in _near_days(e.date_start):
                        log.day_keys.setdefault(k + d, set()).add(aid)
            else:
                for k in wanted:
                    log.summary_keys.setdefault(k, set()).add(aid)
        keys = [k for k in wanted if anchors.summary(k) is not None]
        if not keys:
            continue
        if by_day:
            cands = [f for k in keys for d in _near_days(e.date_start) for bid, f in anchors.on_day(k, d)
                     if bid != aid and _same_day_month(e, f)]
            if not cands:
                continue
            first = min(cands, key=lambda f: (f.date_start, f.event_id))
            last_end = max(f.date_end for f in cands)
        else:
            firsts = [next(((b, f) for b, f in anchors.summary(k)[0] if b != aid), None) for k in keys]
            lasts = [x for x in (next(((b, f) for b, f in anchors.summary(k)[1] if b != aid), None) for k in keys) if x]
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
        out.append(Constraint(first.date_start, hi, what + (" (its lead news: within a week)" if hi else "")))
    return out


@dataclass
class ConstraintLog:
    """What the cross-article date reasoning looked up, round by round (see helpers.incremental)."""

    summary_keys: dict = field(default_factory=dict)  # (family, key) -> articles that read its summary
    day_keys: dict = field(default_factory=dict)  # (family, key, month, day) -> articles that read it by day
    unstable: set = field(default_factory=set)  # (family, key) whose anchors changed from one round to the next
    index: dict = field(default_factory=dict)  # the last round's anchors
    converged: bool = False  # the rounds stopped because nothing changed (not at MAX_ROUNDS)
    redated: set = field(default_factory=set)  # articles whose dates the rounds changed

    def merged(self, other: "ConstraintLog") -> "ConstraintLog":
        """This log and ``other``'s (another set of articles, dated against this one's anchors)."""
        out = ConstraintLog({k: set(v) for k, v in self.summary_keys.items()},
                            {k: set(v) for k, v in self.day_keys.items()}, self.unstable | other.unstable, {},
                            self.converged and other.converged, self.redated | other.redated)
        for mine, theirs in ((out.summary_keys, other.summary_keys), (out.day_keys, other.day_keys)):
            for k, v in theirs.items():
                mine.setdefault(k, set()).update(v)
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
    memo = PubMemo(p)
    log = ConstraintLog()
    articles, rounds = settle_dates(local, articles, extracts, lambda a, ex: corpus_constraints(a, ex, log),
                                    lambda r: cache.get_or_make(r, lambda: extract_article(r, matcher, use_ner)),
                                    memo, log)
    memo.save()
    return Build(articles, extracts, matcher, warnings_, rounds, local=local, log=log)


def settle_dates(local: pd.DataFrame, articles: pd.DataFrame, extracts: dict, constraints, reextract,
                 memo: "PubMemo", log: "ConstraintLog", on_round=None) -> tuple[pd.DataFrame, int]:
    """Rounds of cross-article dating: the constraints from the current extractions date the
    articles anew (from their own text's dates, ``local``), and the articles whose dates changed
    are extracted again, until nothing changes (``log.converged``) or MAX_ROUNDS. The keys a
    re-dated article posts under, before and after, go to ``log.unstable``. ``extracts`` is
    updated in place; returns the dated articles and the number of rounds."""
    rounds = 1
    for _ in range(MAX_ROUNDS):
        new = memo.infer(local, constraints(articles, extracts))
        changed = [aid for aid, a, b in zip(new.article_id, new[PUB_KEY].values.tolist(),
                                            articles[PUB_KEY].values.tolist()) if a != b and aid in extracts]
        before, after = _reliable(articles), _reliable(new)
        articles = new
        if not changed:
            log.converged = True
            break
        rounds += 1
        log.redated.update(changed)
        for r in articles[articles.article_id.isin(changed) & (articles.status == "ok")].itertuples():
            log.unstable.update(k for k, _ in anchor_postings(extracts[r.article_id], before.get(r.article_id)))
            extracts[r.article_id] = reextract(r)
            log.unstable.update(k for k, _ in anchor_postings(extracts[r.article_id], after.get(r.article_id)))
        if on_round:
            on_round(articles, extracts)
    return articles, rounds


PUB_KEY = ["published", "published_end", "published_precision"]


def _reliable(articles: pd.DataFrame) -> dict[str, bool]:
    """Articles dated to the day by their own text: their events bound others' dates."""
    return {aid: prec == "day" and "nothing else decides" not in evid
            for aid, prec, evid in zip(articles.article_id, articles.published_precision, articles.published_evidence)}


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


class MergeMention:
    """What the merge reads of an event mention (also what a warm rebuild keeps of it)."""

    __slots__ = ("eid", "aid", "etype", "fam", "start", "end", "precision", "qualifier", "keys", "skey", "months")

    def __init__(self, eid: str, aid: str, etype: str, start: date, end: date, precision: str, qualifier: str,
                 keys) -> None:
        self.eid, self.aid, self.etype = eid, aid, etype
        self.fam = FAMILY.get(etype, etype)
        self.start, self.end, self.precision, self.qualifier = start, end, precision, qualifier
        self.keys = frozenset(keys)
        self.skey = (PRECISION_RANK.get(precision, 9), start, eid)
        self.months = _months(start, end)

    @classmethod
    def of(cls, e: EventMention) -> "MergeMention":
        return cls(e.event_id, e.article_id, e.event_type, e.date_start, e.date_end, e.precision, e.qualifier, e.keys)

    def as_tuple(self) -> tuple:
        return (self.eid, self.aid, self.etype, self.start, self.end, self.precision, self.qualifier,
                tuple(sorted(self.keys)))


class Cluster:
    __slots__ = ("founder", "skey", "fam", "start", "end", "precision", "qualifier", "keys", "members")

    def __init__(self, e: MergeMention):
        self.founder, self.skey, self.fam = e.eid, e.skey, e.fam
        self.start, self.end, self.precision, self.qualifier = e.start, e.end, e.precision, e.qualifier
        self.keys, self.members = set(e.keys), [e]


class Greedy:
    """The merge, one mention at a time in (precision, date, id) order: a mention joins the
    compatible cluster of its type family sharing most keys with it (the earliest on a tie), or
    starts one. Clusters are named by their first mention (their founder), so two runs can be
    compared cluster by cluster; ``decide`` and ``apply`` are apart so that a warm rebuild can
    replay the decisions of the previous run and recompute only those that may differ."""

    def __init__(self):
        self.clusters: dict[str, Cluster] = {}
        self.posting: dict[tuple[str, str], dict[str, tuple]] = {}  # every cluster of a (family, key)
        self.buckets: dict[tuple, set[str]] = {}  # by month, or "coarse" for long spans

    def decide(self, e: MergeMention, saturated=None) -> str | None:
        """The founder of the cluster ``e`` joins (None: it starts one). ``saturated(key, e)`` tells a
        warm rebuild's partial state that a key is known to be too common at ``e``'s time."""
        cand: set[str] = set()
        fam = e.fam
        for k in e.keys:
            posting = self.posting.get((fam, k))
            if not posting or len(posting) > COMMON_KEY or (saturated and saturated((fam, k), e)):
                continue
            if e.months is None:
                cand.update(posting)
            else:
                for m in e.months:
                    cand.update(self.buckets.get((fam, k, m), ()))
                cand.update(self.buckets.get((fam, k, "coarse"), ()))
        best, best_n = None, 0
        slack = 1 if e.precision == "day" else 0
        clusters = self.clusters
        for f in sorted(cand, key=lambda f: clusters[f].skey):
            c = clusters[f]
            if not compatible((c.start, c.end), (e.start, e.end), slack):
                continue
            n = len(c.keys & e.keys)
            if n > best_n:
                best, best_n = f, n
        return best

    def apply(self, e: MergeMention, founder: str | None, wanted: set | None = None) -> str:
        """``e`` joins ``founder``'s cluster (None: starts its own), registered under its keys (only
        the (family, key)s in ``wanted``, when given: a warm rebuild reads no other)."""
        if founder is None:
            c = self.clusters[e.eid] = Cluster(e)
            founder = e.eid
        else:
            c = self.clusters[founder]
            self._join(c, e)
        self._register(c, e, e.keys if wanted is None else [k for k in e.keys if (e.fam, k) in wanted])
        return founder

    def restore(self, members: list[MergeMention], wanted: set) -> None:
        """A cluster as ``apply`` leaves it after its first ``members`` (in merge order), registered
        only under the (family, key)s in ``wanted``: a warm rebuild's state where nothing changed."""
        c = self.clusters[members[0].eid] = Cluster(members[0])
        for i, e in enumerate(members):
            if i:
                self._join(c, e)
            self._register(c, e, [k for k in e.keys if (e.fam, k) in wanted])

    @staticmethod
    def _join(c: Cluster, e: MergeMention) -> None:
        c.members.append(e)
        c.keys |= e.keys
        s, t = max(c.start, e.start), min(c.end, e.end)
        if s <= t and PRECISION_RANK.get(c.precision, 9) >= PRECISION_RANK.get(e.precision, 9):
            c.start, c.end, c.precision = s, t, precision_of(s, t)

    def _register(self, c: Cluster, e: MergeMention, keys) -> None:
        cm = _months(c.start, c.end)
        fam, founder = e.fam, c.founder
        for k in keys:
            self.posting.setdefault((fam, k), {}).setdefault(founder, e.skey)  # when it joined
            for m in (cm if cm is not None else ("coarse",)):
                self.buckets.setdefault((fam, k, m), set()).add(founder)


def merge_mentions(b: Build) -> list[MergeMention]:
    """Every dated event mention of the build, in merge order."""
    ms = [MergeMention.of(e) for aid in sorted(b.extracts) for e in b.extracts[aid].events if e.date_start is not None]
    ms.sort(key=lambda m: m.skey)
    return ms


def cluster(mentions: list[MergeMention]) -> Greedy:
    g = Greedy()
    for e in mentions:
        g.apply(e, g.decide(e))
    return g


def merge_events(b: Build, greedy: Greedy | None = None) -> pd.DataFrame:
    """Mentions of the same event (same type, compatible dates, a shared name/place/actor) as one row."""
    g = greedy or cluster(merge_mentions(b))
    outlets = dict(zip(b.articles.article_id, b.articles.outlet))
    ev = {e.event_id: e for aid in sorted(b.extracts) for e in b.extracts[aid].events}
    rows = [chronology_row(c, outlets, ev) for c in g.clusters.values()]
    return chronology_frame(rows)


def chronology_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=CHRONO_COLUMNS)
    return df.sort_values(["date_start", "date_end", "event_type", "chronology_id"]).reset_index(drop=True)


def chronology_row(c: Cluster, outlets: dict, events: dict) -> dict:
    """One chronology row from a cluster; ``events`` maps event ids to what the row quotes
    (objects with ``clause``, ``place_ids`` and ``event_id``)."""
    ms = sorted(c.members, key=lambda e: e.eid)
    arts = sorted({m.aid for m in ms})
    outs = sorted({outlets.get(a) or f"(outlet unknown: {a})" for a in arts})
    head = min(c.members, key=lambda e: (PRECISION_RANK.get(e.precision, 9), e.eid))
    types = [m.etype for m in ms]
    etype = max(set(types), key=lambda t: (types.count(t), -PRIORITY_INDEX.get(t, 99)))
    places = list(dict.fromkeys(p for m in ms for p in events[m.eid].place_ids))
    summary = _summary(etype, events[head.eid])
    cid = "c-" + hashlib.sha1(f"{etype}|{head.eid}".encode()).hexdigest()[:10]
    return dict(
        chronology_id=cid, date_start=c.start.isoformat(), date_end=c.end.isoformat(),
        precision=c.precision, event_type=etype, summary=summary, place_ids=";".join(places),
        n_articles=len(arts), n_outlets=len(outs), article_ids=";".join(arts),
        event_ids=";".join(m.eid for m in ms),
        display_date=display_date(c.start, c.end, c.precision, c.qualifier),
        outlets="; ".join(o for o in outs), qualifier=c.qualifier,
        mention_types=";".join(sorted(set(types))),
    )


@lru_cache(maxsize=65536)
def _months(a: date, b: date) -> tuple | None:
    """The months a short span touches (a day of slack each side); None for spans over two months."""
    a, b = a - timedelta(days=1), b + timedelta(days=1)
    if (b - a).days > 62:
        return None
    out, y, m = [], a.year, a.month
    while (y, m) <= (b.year, b.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def _summary(etype: str, e: EventMention) -> str:
    clause = " ".join(e.clause.split())
    if len(clause) > 150:
        clause = clause[:147].rsplit(" ", 1)[0] + "…"
    return f"{TYPE_LABELS.get(etype, etype)} — {clause}"


PLACE_COLUMNS = ["place_id", "name", "kind", "latitude", "longitude", "source", "n_mentions", "article_ids",
                 "status", "status_date", "status_text", "n_events", "event_summary"]


def places_tables(b: Build, chronology: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """places.csv (places mentioned, with coordinates and site status) and place_mentions.csv."""
    mentions = place_mentions_table(b)
    return pd.DataFrame(place_rows(b.matcher, mentions, chronology), columns=PLACE_COLUMNS), mentions


def place_mentions_table(b: Build) -> pd.DataFrame:
    rows = []
    for aid in sorted(b.extracts):
        ex = b.extracts[aid]
        for m in ex.mentions:
            sent = next((s for s in ex.sentences if s.start <= m.start < s.end), None)
            rows.append(dict(article_id=aid, place_id=m.place_id, surface=m.surface,
                             evidence=sent.text if sent else "", context=m.context))
    return pd.DataFrame(rows, columns=["article_id", "place_id", "surface", "evidence", "context"])


def place_rows(matcher: PlaceMatcher, mentions: pd.DataFrame, chronology: pd.DataFrame,
               only: set[str] | None = None) -> list[dict]:
    """The rows of places.csv (of the places in ``only``, when given), in place_id order."""
    if only is not None:
        mentions = mentions[mentions.place_id.isin(only)]
    g = matcher.gaz
    at_place: dict[str, list[int]] = {}
    for i, ids in enumerate(chronology.place_ids):
        for pid in ids.split(";") if ids else ():
            if only is None or pid in only:
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
    return out


STATUS = {"handover": "remise aux forces irakiennes", "withdrawal": "évacuée par les forces étrangères",
          "redeployment": "forces redéployées", "deployment": "forces étrangères présentes",
          "attack": "attaquée", "strike": "frappée"}
STATUS_ORDER = ["handover", "withdrawal", "redeployment", "deployment", "attack", "strike"]


def site_status(pid: str, rows: pd.DataFrame) -> dict:
    """The latest known status of a site from the chronology rows at it."""
    n = len(rows)
    summary = " | ".join(f"{d}: {TYPE_LABELS[t]} ({o})" for d, t, o in zip(rows.display_date.tolist(),
                                                                          rows.event_type.tolist(), rows.outlets.tolist()))
    # the most specific status any merged mention gives ("retirées … et ont livré la base": handover)
    kinds = pd.Series("", index=rows.index, dtype=object)
    for t in reversed(STATUS_ORDER):  # the first in STATUS_ORDER wins
        kinds = kinds.mask(rows.mention_types.str.contains(rf"(?:^|;){t}(?:;|$)", regex=True), t)
    st = rows.assign(status=kinds.astype(str))
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
