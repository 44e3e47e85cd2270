"""The merge: mentions of the same real-world event, across articles, as one chronology row."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

import pandas as pd

from ..extract.dates import display_date, precision_of
from ..extract.events import EventMention
from ..read import sources
from ..vocabulary import PRECISION_RANK, PRIORITY_INDEX, TYPE_LABELS, family
from . import NeedsFullBuild
from .dating import COMMON_KEY

MARGIN = 50  # a key this far past COMMON_KEY stays too common however many clusters a patch changes
CHRONO_COLUMNS = [
    "chronology_id",
    "date_start",
    "date_end",
    "precision",
    "event_type",
    "summary",
    "place_ids",
    "n_articles",
    "n_outlets",
    "article_ids",
    "event_ids",
    "display_date",
    "outlets",
    "qualifier",
    "mention_types",
    "headline",
]


def compatible(a: tuple[date, date], b: tuple[date, date], slack_days: int = 1) -> bool:
    """Do two date spans overlap, with ``slack_days`` of slack each side?"""
    return a[0] <= b[1] + timedelta(days=slack_days) and b[0] <= a[1] + timedelta(days=slack_days)


_DAYS = (timedelta(days=0), timedelta(days=1))  # the slack of compatible(), made once
AIDS_TUPLE = 8  # a cluster's articles kept as a tuple up to this many (most clusters hold one or two), then a set


class MergeMention:
    """What the merge reads of an event mention (also what a warm rebuild keeps of it)."""

    __slots__ = ("eid", "aid", "etype", "fam", "start", "end", "precision", "qualifier", "keys", "skey", "months")

    def __init__(
        self, eid: str, aid: str, etype: str, start: date, end: date, precision: str, qualifier: str, keys
    ) -> None:
        self.eid, self.aid, self.etype = eid, aid, etype
        self.fam = family(etype)
        self.start, self.end, self.precision, self.qualifier = start, end, precision, qualifier
        self.keys = frozenset(keys)
        self.skey = (PRECISION_RANK.get(precision, 9), start, eid)
        self.months = _months(start, end)

    @classmethod
    def of(cls, e: EventMention) -> MergeMention:
        """The merge's view of an extracted event mention."""
        return cls(e.event_id, e.article_id, e.event_type, e.date_start, e.date_end, e.precision, e.qualifier, e.keys)

    def as_tuple(self) -> tuple:
        """The mention as plain values (what the saved merge index keeps)."""
        return (
            self.eid,
            self.aid,
            self.etype,
            self.start,
            self.end,
            self.precision,
            self.qualifier,
            tuple(sorted(self.keys)),
        )


class Cluster:
    __slots__ = (
        "founder", "skey", "fam", "start", "end", "precision", "qualifier", "keys", "members", "aids", "months", "done"
    )  # fmt: skip

    def __init__(self, e: MergeMention):
        self.founder, self.skey, self.fam = e.eid, e.skey, e.fam
        self.start, self.end, self.precision, self.qualifier = e.start, e.end, e.precision, e.qualifier
        # its keys: the founder's own set until a member brings another key; its articles: a tuple while few
        self.keys, self.members, self.aids = e.keys, [e], (e.aid,)
        # the keys registered since the cluster's months were last ``months`` (registering one again changes nothing)
        self.months, self.done = False, None  # (set at its first registration)


class Greedy:
    """The merge, one mention at a time in (precision, date, id) order: a mention joins the
    compatible cluster of its type family sharing most keys with it (the earliest on a tie), or
    starts one (compatible: dates that meet, with a day's slack only towards other articles' mentions).
    Clusters are named by their first mention (their founder), so two runs can be compared cluster by
    cluster; ``decide`` and ``apply`` are apart so that a warm rebuild can replay the decisions of the
    previous run and recompute only those that may differ."""

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
        best, best_n, best_skey = None, 0, None
        slack = _DAYS[1 if e.precision == "day" else 0]
        clusters, start, end, aid, keys = self.clusters, e.start, e.end, e.aid, e.keys
        for f in cand:  # the most keys shared, the earliest cluster (in merge order) on a tie
            c = clusters[f]
            # compatible(): a day's slack between articles (one dates the night, another the morning); none within an
            # article: its own reading kept these mentions apart as two occurrences (« le 4 », « le 5 »: two attacks;
            # extract.events.merge_occurrences)
            s = _DAYS[0] if aid in c.aids else slack
            if not (c.start <= end + s and start <= c.end + s):
                continue
            n = len(c.keys & keys)
            if n > best_n or (n == best_n and n and c.skey < best_skey):
                best, best_n, best_skey = f, n, c.skey
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
        self._register(c, e, wanted)
        return founder

    def restore(self, members: list[MergeMention], wanted: set) -> None:
        """A cluster as ``apply`` leaves it after its first ``members`` (in merge order), registered
        only under the (family, key)s in ``wanted``: a warm rebuild's state where nothing changed."""
        c = self.clusters[members[0].eid] = Cluster(members[0])
        for i, e in enumerate(members):
            if i:
                self._join(c, e)
            self._register(c, e, wanted)

    @staticmethod
    def _join(c: Cluster, e: MergeMention) -> None:
        c.members.append(e)
        aids = c.aids
        if e.aid not in aids:
            if aids.__class__ is set:
                aids.add(e.aid)
            else:
                c.aids = aids + (e.aid,) if len(aids) < AIDS_TUPLE else {*aids, e.aid}
        if not e.keys <= c.keys:
            c.keys = c.keys | e.keys
        s, t = max(c.start, e.start), min(c.end, e.end)
        if s <= t and PRECISION_RANK.get(c.precision, 9) >= PRECISION_RANK.get(e.precision, 9):
            c.start, c.end, c.precision = s, t, precision_of(s, t)

    def finish(self) -> None:
        """Let go of what only the decisions read (the buckets, each cluster's keys registered since its months
        changed), once every mention is merged: :meth:`decide` is not called again (:meth:`apply` still may)."""
        self.buckets = {}
        for c in self.clusters.values():
            c.months, c.done = False, None  # months no span has: the next registration starts anew

    def _register(self, c: Cluster, e: MergeMention, wanted: set | None) -> None:
        """``c`` registered under ``e``'s keys (those of ``wanted`` only, when given), in the buckets of its
        months now; a key the cluster was registered under since its months last changed is skipped: both the
        posting (the time of the first member with the key) and the buckets already hold it."""
        cm = _months(c.start, c.end)
        if cm != c.months:
            c.months, c.done = cm, set()
        fam, founder, done = e.fam, c.founder, c.done
        for k in e.keys:
            if k in done or (wanted is not None and (fam, k) not in wanted):
                continue
            done.add(k)
            self.posting.setdefault((fam, k), {}).setdefault(founder, e.skey)  # when it joined
            for m in cm if cm is not None else ("coarse",):
                self.buckets.setdefault((fam, k, m), set()).add(founder)


def merge_mentions(extracts: dict) -> list[MergeMention]:
    """Every dated event mention of the build, in merge order."""
    ms = [MergeMention.of(e) for aid in sorted(extracts) for e in extracts[aid].events if e.date_start is not None]
    ms.sort(key=lambda m: m.skey)
    return ms


def cluster(mentions: list[MergeMention]) -> Greedy:
    """The greedy merge of ``mentions`` (in merge order), one decision at a time."""
    g = Greedy()
    for e in mentions:
        g.apply(e, g.decide(e))
    return g


def merge_events(articles: pd.DataFrame, extracts: dict, greedy: Greedy | None = None, quotes=None) -> pd.DataFrame:
    """Mentions of the same event (same type, compatible dates, a shared name/place/actor) as one row
    (``quotes``: what each row quotes of a mention, by event id, when not the mentions of ``extracts``)."""
    g = greedy or cluster(merge_mentions(extracts))
    outlets = sources.names(articles)  # the outlet, else the title or file: never the hash
    ev = quotes if quotes is not None else {e.event_id: e for aid in sorted(extracts) for e in extracts[aid].events}
    cols: dict[str, list] = {c: [] for c in CHRONO_COLUMNS}  # column by column: no row is kept as a dict
    for c in g.clusters.values():
        for k, v in chronology_row(c, outlets, ev).items():
            cols[k].append(v)
    if not g.clusters:
        return chronology_frame([])
    # the chronology's order (sort_chronology's, on its sort columns alone), then the frame made once in it
    order = pd.DataFrame({k: cols[k] for k in CHRONO_ORDER}).sort_values(CHRONO_ORDER).index.tolist()
    return pd.DataFrame({k: [v[i] for i in order] for k, v in cols.items()}, columns=CHRONO_COLUMNS)


def chronology_frame(rows: list[dict]) -> pd.DataFrame:
    """chronology.csv from its rows, in chronological order."""
    return sort_chronology(pd.DataFrame(rows, columns=CHRONO_COLUMNS))


CHRONO_ORDER = ["date_start", "date_end", "event_type", "chronology_id"]  # the chronology's order (ids unique)


def sort_chronology(df: pd.DataFrame) -> pd.DataFrame:
    """The chronology's order: by date, then type and id."""
    return df.sort_values(CHRONO_ORDER).reset_index(drop=True)


def chronology_row(c: Cluster, outlets: dict, events: dict) -> dict:
    """One chronology row from a cluster; ``events`` maps event ids to what the row quotes
    (objects with ``clause``, ``place_ids`` and ``event_id``)."""
    ms = sorted(c.members, key=lambda e: e.eid)
    arts = sorted({m.aid for m in ms})
    outs = sorted({outlets.get(a) or a for a in arts})
    head = min(c.members, key=lambda e: (PRECISION_RANK.get(e.precision, 9), e.eid))
    types = [m.etype for m in ms]
    etype = max(set(types), key=lambda t: (types.count(t), -PRIORITY_INDEX.get(t, 99)))
    places = list(dict.fromkeys(p for m in ms for p in events[m.eid].place_ids))
    summary = _summary(etype, events[head.eid])
    # the headline of the most precise mention of the row's type (the reader's line)
    typed = [
        m for m in sorted(c.members, key=lambda e: (PRECISION_RANK.get(e.precision, 9), e.eid)) if m.etype == etype
    ]
    headline = getattr(events[(typed[0] if typed else head).eid], "headline", "") or summary
    cid = "c-" + hashlib.sha1(f"{etype}|{head.eid}".encode()).hexdigest()[:10]
    return dict(
        chronology_id=cid,
        date_start=c.start.isoformat(),
        date_end=c.end.isoformat(),
        precision=c.precision,
        event_type=etype,
        summary=summary,
        place_ids=";".join(places),
        n_articles=len(arts),
        n_outlets=len(outs),
        article_ids=";".join(arts),
        event_ids=";".join(m.eid for m in ms),
        display_date=display_date(c.start, c.end, c.precision, c.qualifier),
        outlets="; ".join(o for o in outs),
        qualifier=c.qualifier,
        mention_types=";".join(sorted(set(types))),
        headline=headline,
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


def merge_index(greedy: Greedy, chronology: pd.DataFrame) -> tuple[list, list]:
    """What a warm rebuild reads of a merge: ``clusters`` (founder -> (chronology id, family, keys, members
    in merge order)) and ``registry`` ((family, key) -> [(time, founder)], the clusters registered under
    the key in merge order), as lists of items."""
    cids = {eids.split(";")[0]: cid for cid, eids in zip(chronology.chronology_id, chronology.event_ids)}
    clusters = []
    for f, c in greedy.clusters.items():
        head = min(m.eid for m in c.members)
        clusters.append((f, (cids[head], c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members))))
    registry = [(key, sorted((t, f) for f, t in posting.items())) for key, posting in greedy.posting.items()]
    return clusters, registry


def replay(clusters, registry, added: list, removed: dict | None = None) -> tuple[Greedy, set[str]]:
    """The merge with ``added`` mentions, and without the ``removed`` ones (event id -> the founder of the
    cluster that held it: the mentions of an article extracted anew, whose new versions are in ``added``),
    as :func:`helpers.across.merge.cluster` would make it from all mentions, computed on the part of the
    previous merge that the changed mentions can reach.

    A mention's decision depends only on the clusters registered under its keys and on how many
    there are. So the replay runs over the clusters registered under a set of keys K (starting
    with the changed mentions' keys) and their members, in merge order; it applies each previous
    decision unless the mention is added, its previous cluster has changed ("dirty"; a removed
    mention makes its cluster dirty from its place in merge order on), or one
    of its keys is held by a dirty cluster and could still be read. A key stays out of K once
    ``COMMON_KEY + MARGIN`` clusters hold it: from then on it is too common in both merges,
    whatever the patch changes (checked: no such key gains more than ``MARGIN`` dirty clusters).
    When a recomputed decision needs a key outside K, K grows and the replay restarts.
    ``clusters`` and ``registry`` (mappings with ``get``) are the previous merge's, as
    :func:`merge_index` gives them. Returns (greedy state of the replayed part, dirty founders);
    raises :class:`NeedsFullBuild` when the added mentions change too many clusters of a common key."""
    removed = removed or {}
    if not added and not removed:
        return Greedy(), set()
    gone = {}  # event id -> the removed mention, as the previous merge holds it
    for eid, f in removed.items():
        gone[eid] = next(MergeMention(*m) for m in clusters.get(f)[3] if m[0] == eid)
    keys = {(m.fam, k) for m in [*added, *gone.values()] for k in m.keys}
    sat: dict = {}

    def sat_time(key):
        """When ``key`` became too common to tell events apart (its registry's cut), or None."""
        if key not in sat:
            reg = registry.get(key) or []
            sat[key] = reg[COMMON_KEY + MARGIN][0] if len(reg) > COMMON_KEY + MARGIN else None
        return sat[key]

    def saturated(key, e) -> bool:
        """Is ``key`` already too common when ``e`` is decided?"""
        t = sat_time(key)
        return t is not None and e.skey >= t

    new_ids = {m.eid for m in added}
    t0 = min(m.skey for m in [*added[:1], *gone.values()])  # the merge before the first change is the previous one
    loaded: dict[str, tuple] = {}  # founder -> (family, keys, members), read once across passes
    prefetch = {n: getattr(store, "prefetch", lambda keys: None) for n, store in (("c", clusters), ("r", registry))}
    while True:
        prefetch["r"](keys)  # a store on disk reads them in a few queries
        founders = set(removed.values())
        for key in keys:
            t = sat_time(key)
            if t is None or t > t0:  # a key already too common at t0 is read by no later mention
                founders.update(f for rt, f in registry.get(key) or () if t is None or rt < t)
        g = Greedy()
        ms, taken, prev, info = list(added), [], {}, {}
        prefetch["c"](f for f in founders if f not in loaded)
        for f in founders:
            if f not in loaded:
                _, fam, fkeys, members = clusters.get(f)
                members = [MergeMention(*tup) for tup in members]
                cut = next((i for i, m in enumerate(members) if m.skey >= t0), len(members))
                loaded[f] = (fam, fkeys, members[:cut], members[cut:])
            fam, fkeys, before, after = loaded[f]
            info[f] = (fam, fkeys)
            if before:  # nothing differs before t0: the cluster's state there, without a replay
                g.restore(before, keys)
            for m in after:
                if m.eid in gone:  # taken out: from its place in merge order on, its cluster differs
                    taken.append(_Gone(m, f))
                else:
                    prev[m.eid] = f
                    ms.append(m)
        ms = taken + ms  # in merge order, a mention taken out before one put in at the same place (a stable sort)
        ms.sort(key=_skey)
        dirty: set[str] = set()
        touched: dict[tuple[str, str], set[str]] = {}  # key -> dirty clusters holding it (now or before)
        months_of: dict[tuple[str, str], set | None] = {}  # key -> months of their buckets (None: any)
        need: set = set()

        def founder_months(f: str):
            """Every bucket month a cluster can be registered in: its spans only narrow from its first mention's."""
            if f in loaded:
                first = (loaded[f][2] or loaded[f][3])[0]
            else:
                first = g.clusters[f].members[0]
            return first.months

        def mark(key, f: str, e) -> None:
            """Note that dirty cluster ``f`` holds ``key``: later readers of the key may decide otherwise."""
            held = touched.get(key)
            if held is not None and f in held:  # noted already (its months with it): only the need may be new
                if key not in keys and not saturated(key, e):
                    need.add(key)
                return
            touched.setdefault(key, set()).add(f)
            ms_ = founder_months(f)
            if ms_ is None:
                months_of[key] = None
            elif months_of.get(key, ()) is not None:
                months_of.setdefault(key, set()).update(ms_)
            if key not in keys and not saturated(key, e):
                need.add(key)

        def taint(f: str, e) -> None:
            """Mark cluster ``f`` as changed by the replay, and every key it holds."""
            if f in dirty:
                return
            dirty.add(f)
            fam_keys = [(info[f][0], k) for k in info[f][1]] if f in info else []
            c = g.clusters.get(f)
            fam_keys += [(c.fam, k) for k in c.keys] if c else []
            for key in fam_keys:
                mark(key, f, e)

        def may_differ(e) -> bool:
            """Could e's candidates differ from the previous merge's? Only through a key held by a
            dirty cluster: if the key could flip across COMMON_KEY, or if a dirty cluster sits in a
            bucket e reads."""
            for k in e.keys:
                key = (e.fam, k)
                d = touched.get(key)
                if not d or saturated(key, e):
                    continue
                n = len(g.posting.get(key, ()))
                if n - len(d) > COMMON_KEY:
                    continue  # too common in both merges
                if n + len(d) > COMMON_KEY:
                    return True
                mo = months_of[key]
                if mo is None or e.months is None or any(m in mo for m in e.months):
                    return True
            return False

        for e in ms:
            if e.__class__ is _Gone:
                taint(e.founder, e)
                continue
            old = prev.get(e.eid)
            redo = e.eid in new_ids
            f = None
            if not redo:
                f = None if old == e.eid else old
                if f is not None and (f in dirty or f not in g.clusters):
                    redo = True
                elif touched:
                    redo = may_differ(e)
            if redo:
                missing = {key for key in ((e.fam, k) for k in e.keys) if key not in keys and not saturated(key, e)}
                need |= missing  # this pass is then only a search for the keys the next one needs
                f = g.decide(e, saturated)
            founder = g.apply(e, f, keys)  # no key outside K is read (it would be in `need`)
            if redo and founder != old:
                if old is not None:
                    taint(old, e)
                taint(founder, e)
            if founder in dirty:  # a changed cluster registers e's keys: their later readers must know
                for k in e.keys:
                    mark((e.fam, k), founder, e)
        if need:
            keys |= need
            continue
        for key, fs in touched.items():
            if sat_time(key) is not None and len(fs) > MARGIN:
                raise NeedsFullBuild(f"the added articles change too many clusters of ({key[0]}, {key[1]})")
        return g, dirty


def holders(clusters, chronology: pd.DataFrame, eids: set[str]) -> dict[str, str]:
    """The founder of the saved cluster that holds each event mention of ``eids`` (what :func:`replay` takes
    out): a cluster is saved under its founder, one of the event ids of its chronology row."""
    if not eids:
        return {}
    aids = {e.rsplit("-", 1)[0] for e in eids}
    out = {}
    for arts, ids in zip(chronology.article_ids, chronology.event_ids):
        if aids.isdisjoint(arts.split(";")):
            continue
        members = ids.split(";")
        if eids.isdisjoint(members):
            continue
        clusters.prefetch(members)
        founder = next(m for m in members if clusters.get(m) is not None)
        out.update((m, founder) for m in members if m in eids)
    return out


_skey = attrgetter("skey")


class _Gone:
    """A mention the replay takes out, at its place in merge order: its previous cluster (``founder``) changes there."""

    __slots__ = ("skey", "founder")

    def __init__(self, m: MergeMention, founder: str) -> None:
        self.skey, self.founder = m.skey, founder


def update_merge_index(stores: dict, g: Greedy, dirty: set, cids: dict) -> None:
    """The merge index (``clusters`` and ``registry``, see :func:`merge_index`) after a patch: the dirty clusters as they are now, and every key they
    hold (then or now) registered anew. A cluster is registered under a key from its first
    member that has the key."""
    clusters, registry = stores["clusters"], stores["registry"]
    affected: set = set()
    regs: dict[str, dict] = {}
    for f in dirty:
        old = clusters.get(f)
        if old is not None:
            affected.update((old[1], k) for k in old[2])
        c = g.clusters.get(f)
        if c is None:
            clusters.pop(f)
            continue
        affected.update((c.fam, k) for k in c.keys)
        now = (cids[f], c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members))
        if now != old:  # only what changed is written
            clusters[f] = now
        first: dict = {}
        for m in c.members:
            for k in m.keys:
                first.setdefault((c.fam, k), m.skey)
        regs[f] = first
    for key in affected:
        old = registry.get(key) or []
        reg = [(t, f) for t, f in old if f not in dirty]
        reg += [(first[key], f) for f, first in regs.items() if key in first]
        reg.sort()
        if reg != old:  # a common key's registry holds thousands of clusters: written only when it changed
            registry[key] = reg
