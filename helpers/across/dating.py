"""Dating across articles: an event one article dates bounds the publication date of another
article that mentions it (see :mod:`helpers.extract.published`). Publication dates and
extractions are repeated in rounds until they no longer change (a few rounds at most).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from ..extract.article import ArticleExtract
from ..extract.dates import display_date
from ..extract.events import EventMention
from ..extract.published import PUB_COLUMNS, Constraint, infer_publication_dates
from ..vocabulary import COUNTRY_ACTORS, family
from . import NeedsFullBuild
from .clauses import base_exit, looks_ahead_of, told_as_background

MAX_ROUNDS = 4
YEAR_BEFORE = timedelta(days=367)  # a day and month without a year: that day this year or the year before (±1 day)


COMMON_KEY = 200  # a key shared by more anchors or clusters than this tells no event apart
WEAK_KEYS = {f"actor:{a}" for a in COUNTRY_ACTORS}  # a country as actor tells no event apart in date reasoning
EXIT = "base-exit"
# families whose shared key is the event itself: a person is killed once; the coalition leaves a base for good
# once (EXIT: a handover, or a withdrawal from a named base with no count: not "une trentaine de soldats").
# Attacks, strikes and partial withdrawals recur at one base: for them only a mention dated by its day and
# month (see AnchorLookup.on_day) is the same event as an anchor
IDENTITY_FAMILIES = {"killing", EXIT}


def corpus_constraints(
    articles: pd.DataFrame,
    extracts: dict[str, ArticleExtract],
    log: ConstraintLog | None = None,
    saved=None,
    order: dict[str, int] | None = None,
    files: dict[str, str] | None = None,
) -> dict[str, list[Constraint]]:
    """Bounds on the publication date of each article of ``extracts`` from the events other articles date.

    An event an article mentions (same type family, a shared key) that other articles date
    bounds its publication from below. When the mention could be several dated events, the
    sound bound is the earliest of them; the lead's news bounds it from above (within a
    week) only when all candidates agree. Articles dated by metadata or a dateline are
    settled and skipped; anchors are indexed by (type family, key), so the cost grows with
    the corpus, not with its square. ``log`` records which keys were looked up (for warm rebuilds).

    A warm rebuild dates the added articles only: ``saved`` (a mapping with ``get``) holds the anchors of
    the articles saved before, merged with the added ones' in file order (``order``: article -> rank);
    ``files`` names every article (article -> file)."""
    files = files if files is not None else dict(zip(articles.article_id, articles.file))
    settled = {
        aid: bool(s)
        for aid, s in zip(
            articles.article_id, articles.get("published_settled", pd.Series(False, index=articles.index))
        )
    }
    index = postings(extracts, _reliable(articles), order)
    get = index.get
    if saved is not None:

        def get(k):
            mine, base = index.get(k), saved.get(k)
            return sorted((base or []) + mine, key=lambda x: order[x[0]]) if mine else base

    anchors = AnchorLookup(get)
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


def postings(
    extracts: dict[str, ArticleExtract], reliable: dict[str, bool], order: dict[str, int] | None = None
) -> dict[tuple[str, str], list[tuple[str, EventMention]]]:
    """The anchor index: (type family, key) -> the (article, event) pairs posted under it, in file order
    (``order``, article -> rank; default: the order of ``extracts``)."""
    index: dict[tuple[str, str], list[tuple[str, EventMention]]] = {}
    for aid in extracts if order is None else sorted(extracts, key=order.get):
        for key, e in anchor_postings(extracts[aid], reliable.get(aid, False)):
            index.setdefault(key, []).append((aid, e))
    return index


def anchor_postings(ex: ArticleExtract, reliable: bool) -> list[tuple[tuple[str, str], EventMention]]:
    """The (type family, key) entries under which an article's dated events bound other articles."""
    out = []
    for e in ex.events:
        if e.date_start is None or e.date_basis in ("publication", "story") or e.repeated:
            continue
        if (e.date_basis in ("explicit", "reference") and e.date_text) or reliable:
            fam = family(e.event_type)
            for k in sorted(e.keys - WEAK_KEYS):
                out.append(((fam, k), e))
            if _base_exit(e):
                out.extend(((EXIT, k), e) for k in sorted(e.keys) if k.startswith("place:"))
    return out


def _base_exit(e: EventMention) -> bool:
    """A handover of a base, or a withdrawal from one with no count ("ont retiré leurs troupes de la base")."""
    got = getattr(e, "base_exit", None)  # a view (helpers.across.EventView) keeps it, read once, not the clause
    return got if got is not None else base_exit(e)


class AnchorLookup:
    """Per (type family, key): the two earliest and two latest anchors from distinct articles,
    and the day-dated anchors by (month, day); a key shared by too many anchors tells nothing."""

    def __init__(self, get):
        self.get = get
        self._summary: dict = {}
        self._days: dict = {}

    def summary(self, key):
        """The two earliest and the two latest anchors of ``key`` (from distinct articles), or None."""
        if key not in self._summary:
            posting = self.get(key)
            if not posting or len(posting) > COMMON_KEY:
                self._summary[key] = None
            else:
                self._summary[key] = (
                    _two_distinct(sorted(posting, key=lambda p: (p[1].date_start, p[0]))),
                    _two_distinct(sorted(posting, key=lambda p: (p[1].date_end, p[0]), reverse=True)),
                )
        return self._summary[key]

    def on_day(self, key, month_day):
        """The day-dated anchors of ``key`` on (month, day)."""
        if key not in self._days:
            by: dict = {}
            if self.summary(key) is not None:
                for bid, f in self.get(key):
                    if f.precision == "day":
                        by.setdefault((f.date_start.month, f.date_start.day), []).append((bid, f))
            self._days[key] = by
        return self._days[key].get(month_day, ())


def article_constraints(
    aid: str, ex: ArticleExtract, anchors: AnchorLookup, files: dict, log: ConstraintLog | None = None
) -> list[Constraint]:
    """The bounds on article ``aid``'s publication date from the anchors other articles post.

    For each event mention that the article does not date explicitly, the anchors under its (type
    family, key)s are looked up: a mention dated by day and month only reads the anchors of the same day
    (±1, the weekday checked) of a year its own dating allows (:func:`_same_day_month`); any other reads
    each key's earliest and latest anchors. The earliest candidate bounds publication from below; the
    lead's news, when every candidate agrees within a week, also from above. ``log`` records what was read (what a warm rebuild checks)."""
    out = []
    for e in ex.events:
        if e.date_basis == "explicit" or e.repeated or looks_ahead_of(e):
            continue  # a plan ("les troupes quitteront Taji") is no lower bound
        fams = sorted({family(t) for t in {e.event_type} | e.background})
        by_day = e.date_start is not None and e.date_basis == "anchored" and e.precision == "day"
        if not by_day:
            fams = [f for f in fams if f in IDENTITY_FAMILIES] + ([EXIT] if _base_exit(e) else [])
        wanted = [(fam, k) for fam in fams for k in sorted(e.keys - WEAK_KEYS) if fam != EXIT or k.startswith("place:")]
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
            cands = [
                f
                for k in keys
                for d in _near_days(e.date_start)
                for bid, f in anchors.on_day(k, d)
                if bid != aid and _same_day_month(e, f)
            ]
            if not cands:
                continue
            first = min(cands, key=lambda f: (f.date_start, f.event_id))
            last_end = max(f.date_end for f in cands)
            # matched within a day, the event may be the mention's own day, one before the anchor's
            lo = min(first.date_start, e.date_start)
        else:
            firsts = [next(((b, f) for b, f in anchors.summary(k)[0] if b != aid), None) for k in keys]
            lasts = [x for x in (next(((b, f) for b, f in anchors.summary(k)[1] if b != aid), None) for k in keys) if x]
            firsts = [x for x in firsts if x]
            if not firsts:
                continue
            first = min((f for _, f in firsts), key=lambda f: (f.date_start, f.event_id))
            last_end = max(f.date_end for _, f in lasts) if lasts else first.date_end
            lo = first.date_start
        bid = first.article_id
        what = (
            f"mentions the {first.event_type} that {files[bid]} dates {display_date(first.date_start, first.date_end)}"
        )
        agree = (last_end - first.date_start).days <= 7
        precise = first.precision in ("day", "week")
        fresh = e.in_lead and precise and agree and not told_as_background(e)
        hi = last_end + timedelta(days=7) if fresh else None
        out.append(Constraint(lo, hi, what + (" (its lead news: within a week)" if hi else "")))
    return out


@dataclass
class ConstraintLog:
    """What the cross-article date reasoning looked up, round by round (what a warm rebuild checks, see :func:`date_added`)."""

    summary_keys: dict = field(default_factory=dict)  # (family, key) -> articles that read its summary
    day_keys: dict = field(default_factory=dict)  # (family, key, month, day) -> articles that read it by day
    unstable: dict = field(default_factory=dict)  # (family, key) whose anchors changed between rounds -> by whom
    index: dict = field(default_factory=dict)  # the last round's anchors
    converged: bool = False  # the rounds stopped because nothing changed (not at MAX_ROUNDS)
    redated: set = field(default_factory=set)  # articles whose dates the rounds changed

    def merged(self, other: ConstraintLog) -> ConstraintLog:
        """This log and ``other``'s (another set of articles, dated against this one's anchors)."""
        out = ConstraintLog(
            {k: set(v) for k, v in self.summary_keys.items()},
            {k: set(v) for k, v in self.day_keys.items()},
            {k: set(v) for k, v in self.unstable.items()},
            {},
            self.converged and other.converged,
            self.redated | other.redated,
        )
        for mine, theirs in (
            (out.summary_keys, other.summary_keys),
            (out.day_keys, other.day_keys),
            (out.unstable, other.unstable),
        ):
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
    """A mention dated by day and month only can be an anchor's event if the day agrees (±1), if the
    anchor falls in a year the mention's own dating allows, and, when a weekday was written ("jeudi 25
    décembre"), if that weekday holds in the anchor's year.

    The mention's year comes from its article's publication window (its date is the latest such day
    that window allows, see :func:`helpers.extract.dates.resolve_window`): the anchor can be that day or
    the same day a year earlier (an article of 12 May writing "le 13 mai"), not a day of another year.
    An anchor of a later year would put the article's publication after the window its own text gives,
    and the mention, dated on that new window, would no longer read the anchor: the rounds would
    swing between the two windows for ever."""
    if e.precision != "day" or f.precision not in ("day",):
        return True
    if not e.date_start - YEAR_BEFORE <= f.date_start <= e.date_end + timedelta(days=1):
        return False
    if e.weekday is not None:
        try:
            if date(f.date_start.year, e.date_start.month, e.date_start.day).weekday() != e.weekday:
                return False
        except ValueError:
            return False
    return (
        abs((e.date_start.replace(year=2000) - f.date_start.replace(year=2000)).days) <= 1
        if not (e.date_start.month == 2 and e.date_start.day == 29)
        else (f.date_start.month, f.date_start.day) == (2, 29)
    )


def settle_dates(
    local: pd.DataFrame,
    articles: pd.DataFrame,
    extracts: dict,
    constraints,
    reextract,
    memo: PubMemo,
    log: ConstraintLog,
    on_round=None,
) -> tuple[pd.DataFrame, int]:
    """Rounds of cross-article dating: the constraints from the current extractions date the
    articles anew (from their own text's dates, ``local``), and the articles whose dates changed
    are extracted again (``reextract(rows)``: their extractions, in order), until nothing changes
    (``log.converged``) or MAX_ROUNDS. The keys a re-dated article posts under, before and after, go to
    ``log.unstable`` (with the article). ``extracts`` is
    updated in place; returns the dated articles and the number of rounds."""
    rounds = 1
    for _ in range(MAX_ROUNDS):
        new = memo.infer(local, constraints(articles, extracts))
        changed = [
            aid
            for aid, a, b in zip(new.article_id, new[PUB_KEY].values.tolist(), articles[PUB_KEY].values.tolist())
            if a != b and aid in extracts
        ]
        before, after = _reliable(articles), _reliable(new)
        articles = new
        if not changed:
            log.converged = True
            break
        rounds += 1
        log.redated.update(changed)
        rows = list(articles[articles.article_id.isin(changed) & (articles.status == "ok")].itertuples())
        for r in rows:
            for k, _ in anchor_postings(extracts[r.article_id], before.get(r.article_id)):
                log.unstable.setdefault(k, set()).add(r.article_id)
        for r, ex in zip(rows, reextract(rows), strict=True):  # in one batch: on every core
            extracts[r.article_id] = ex
            for k, _ in anchor_postings(ex, after.get(r.article_id)):
                log.unstable.setdefault(k, set()).add(r.article_id)
        if on_round:
            on_round(articles, extracts)
    return articles, rounds


PUB_KEY = ["published", "published_end", "published_precision"]


def _reliable(articles: pd.DataFrame) -> dict[str, bool]:
    """Articles dated by their own text to the day, or the day and the next (the lead's dated news): their
    events bound others' dates."""
    return {
        aid: _within_two_days(lo, hi)
        for aid, lo, hi in zip(articles.article_id, articles.published, articles.published_end)
    }


def _within_two_days(lo, hi) -> bool:
    if not isinstance(lo, str) or not lo:
        return False
    try:
        return (date.fromisoformat(hi or lo) - date.fromisoformat(lo)).days <= 1
    except (TypeError, ValueError):
        return False


class PubMemo:
    """Publication dates inferred under corpus constraints, remembered by (article, constraints) in the
    result store (kind ``dated``), so that a rerun infers again only what changed. ``infer_many``: see
    :func:`helpers.extract.published.infer_publication_dates` (the build's infers on every core)."""

    def __init__(self, store, timeline=None, infer_many=None):
        self.store = store
        self.timeline = timeline
        self.infer_many = infer_many
        self.data: dict = {}

    def infer(self, local: pd.DataFrame, cons: dict[str, list[Constraint]]) -> pd.DataFrame:
        """``local`` (each article dated by its own text) dated anew under ``cons`` (article -> constraints)."""
        keys = {aid: self.store.key(aid, tuple((c.lo, c.hi, c.evidence) for c in cs)) for aid, cs in cons.items()}
        for aid, k in keys.items():
            if k not in self.data:
                got = self.store.get("dated", k)
                if got is not None:
                    self.data[k] = got
        todo = {aid for aid, k in keys.items() if k not in self.data}
        new = (
            infer_publication_dates(local, cons, only=todo, timeline=self.timeline, infer_many=self.infer_many)
            if todo
            else local.copy()
        )
        idx = {aid: i for i, aid in enumerate(new.article_id)}
        for aid, k in keys.items():
            if aid not in idx:
                continue
            i = new.index[idx[aid]]
            if aid in todo:
                self.data[k] = tuple(_py(new.at[i, c]) for c in PUB_COLUMNS)
                self.store.put("dated", k, self.data[k])
            else:
                for c, v in zip(PUB_COLUMNS, self.data[k]):
                    new.at[i, c] = v
        return new


def _py(value):
    """A numpy scalar as the Python value it holds (what the store can keep)."""
    return value.item() if hasattr(value, "item") else value


def date_added(
    added: pd.DataFrame,
    files: dict[str, str],
    order: dict[str, int],
    saved,
    log: ConstraintLog,
    extract,
    extract_saved,
    read_saved,
    memo: PubMemo,
) -> tuple[pd.DataFrame, dict, int, ConstraintLog, dict, dict]:
    """The dating rounds of a full build, run for the ``added`` articles (each dated by its own text) and
    the earlier articles they re-date, against the anchors ``saved`` by the previous build (whose rounds
    ``log`` records).

    An earlier article whose bounds the added articles' anchors change (in any round) is dated again
    with them, from its own text's dates, by the same rounds (and so on for the articles it re-dates in
    turn); so is an earlier article whose anchors changed between the previous build's rounds under a
    key the articles dated here read (those rounds are then run again with it), and an earlier article
    those rounds re-dated whose bounds they may change. The rounds of the articles dated here are then
    those of a full build: what they read of the others did not change between rounds, and what the
    others read of them is the same in every round.

    ``files``/``order``: every article's file and rank in file order; ``extract(row)``: an article's
    extraction; ``extract_saved(article_id)``: a saved article's; ``read_saved(article_id)``: a saved
    article's row as read, dated by its own text. Returns the dated articles (added and re-dated),
    their extractions, the rounds, the new log, the anchors they post and the re-dated earlier articles
    (article -> its saved extraction). Raises :class:`NeedsFullBuild` when only a full build can say what
    the added articles change: they would make a key too common to tell events apart, or one no longer
    too common, or re-date more than :data:`MAX_REDATED` earlier articles, or their rounds do not settle."""
    earlier: dict = {}  # earlier articles dated again with the added ones -> their saved extractions
    while True:
        local = pd.concat(
            [added, pd.DataFrame([read_saved(aid) for aid in earlier])], ignore_index=True
        ) if earlier else added.reset_index(drop=True)  # fmt: skip
        base = _without(saved, earlier)
        extracts = {r.article_id: extract(r) for r in local.itertuples()}
        new_log = ConstraintLog()
        versions = [(extracts.copy(), _reliable(local))]
        cur, rounds = settle_dates(
            local,
            local,
            extracts,
            lambda a, exs: corpus_constraints(a, exs, new_log, saved=base, order=order, files=files),
            lambda rows: [extract(r) for r in rows],
            memo,
            new_log,
            on_round=lambda a, exs: versions.append((exs.copy(), _reliable(a))),
        )
        if not new_log.converged:
            raise NeedsFullBuild("the added articles' dates do not settle")
        # the articles whose anchors changed between the previous rounds under a key read here: dated again here
        read = set(new_log.summary_keys) | {k[:2] for k in new_log.day_keys}
        join = {aid for k in read & log.unstable.keys() for aid in log.unstable[k]} - set(extracts)
        join |= _reached(versions, saved, base, earlier, set(extracts), files, order, log, extract_saved)
        if not join:
            break
        if len(earlier) + len(join) > MAX_REDATED:
            raise NeedsFullBuild(f"the added articles would re-date more than {MAX_REDATED} earlier articles")
        earlier.update((aid, extract_saved(aid)) for aid in sorted(join))
    final = log.merged(new_log)  # the old log plus what the articles dated here read
    return cur, extracts, rounds, final, postings(extracts, _reliable(cur), order), earlier


MAX_REDATED = 200  # earlier articles a patch may date again (beyond, the full build is as quick)


class _without:
    """The saved anchors without those of the articles dated again (they post theirs anew)."""

    def __init__(self, saved, gone: dict):
        self.saved, self.gone = saved, gone

    def get(self, k, default=None):
        """The saved anchors of ``k``, less those of the articles dated again."""
        got = self.saved.get(k)
        if got and self.gone:
            got = [x for x in got if x[0] not in self.gone]
        return got or default


def _reached(versions: list, saved, base, earlier: dict, mine: set, files, order, log, extract_saved) -> set:
    """The earlier articles (not in ``mine``, the articles being dated) whose bounds the anchors those
    post, round by round (``versions``), may change: they must be dated again with them. ``earlier``:
    the earlier articles among them, with their saved extractions (what they posted before)."""
    old_day_fk = {k[:2] for k in log.day_keys}
    posted = [postings(*v, order) for v in versions]
    keys = {k for p in posted for k in p}
    keys |= {k for ex in earlier.values() for k, _ in anchor_postings(ex, True)}  # (True: every key it may post)
    readers: dict[str, set[int]] = {}  # earlier article -> the rounds whose postings may change its bounds
    for k in keys:
        if k not in log.summary_keys and k not in old_day_fk:
            continue
        before = saved.get(k) or []
        days = {(e.date_start.month, e.date_start.day) for p in posted for _, e in p.get(k, ()) if e.precision == "day"}
        days |= {(e.date_start.month, e.date_start.day) for _, e in before if e.precision == "day"}
        for r, p in enumerate(posted):
            both = sorted((base.get(k) or []) + p.get(k, []), key=lambda x: order[x[0]])
            if len(before) > COMMON_KEY and len(both) > COMMON_KEY:
                continue  # too common before, too common after: nobody reads it
            if len(both) > COMMON_KEY or len(before) > COMMON_KEY:
                raise NeedsFullBuild(
                    f"an added article dates an event ({k[0]}, {k[1]}) that earlier articles are dated by"
                )
            if k in log.unstable:  # its readers' bounds changed between the previous rounds: all dated again
                who = set(log.summary_keys.get(k, ())).union(*(a for kd, a in log.day_keys.items() if kd[:2] == k))
                for aid in who - mine:
                    readers.setdefault(aid, set()).add(-1)
                continue
            who = set(log.summary_keys.get(k, ())) if _summary_ids(before) != _summary_ids(both) else set()
            if sorted(_day_ids(before)) != sorted(_day_ids(both)):
                for d in days:
                    who |= log.day_keys.get(k + d, set())
            for aid in who - mine:
                readers.setdefault(aid, set()).add(r)
    return {
        aid
        for aid in sorted(readers)
        if _bounds_change(aid, readers[aid], posted, saved, base, files, order, log, extract_saved)
    }


def _bounds_change(aid, rounds: set, posted: list, saved, base, files, order, log, extract_saved) -> bool:
    """Does an earlier article that reads a key the articles being dated post under get other constraints
    with their postings (``posted``, round by round) than with the saved ones, in some round? Only for an
    article that no round re-dated and that read no key whose anchors changed between rounds is the
    answer a comparison (its bounds were then the same in every round); any other may change (round -1:
    a key whose readers all may), and is dated again."""
    if aid in log.redated or -1 in rounds:
        return True
    ex = extract_saved(aid)
    read = ConstraintLog()
    before = article_constraints(aid, ex, AnchorLookup(saved.get), files, read)
    if (set(read.summary_keys) | {k[:2] for k in read.day_keys}) & log.unstable.keys():
        return True
    for v in sorted(rounds):

        def get(k, mine=posted[v]):
            got = base.get(k)
            return sorted((got or []) + mine[k], key=lambda x: order[x[0]]) if k in mine else got

        if article_constraints(aid, ex, AnchorLookup(get), files) != before:
            return True
    return False


def _day_ids(posting) -> list:
    """The day-dated anchors of a posting (what :meth:`AnchorLookup.on_day` reads)."""
    return [(b, f.event_id) for b, f in posting or () if f.precision == "day"]


def _summary_ids(posting) -> tuple:
    """What :class:`AnchorLookup` summarizes of a posting: its two earliest and two latest anchors."""
    if not posting:
        return ()
    firsts = _two_distinct(sorted(posting, key=lambda x: (x[1].date_start, x[0])))
    lasts = _two_distinct(sorted(posting, key=lambda x: (x[1].date_end, x[0]), reverse=True))
    return tuple((b, f.event_id) for b, f in firsts), tuple((b, f.event_id) for b, f in lasts)
