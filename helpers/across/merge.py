"""The merge: mentions of the same real-world event, across articles, as one chronology row."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from ..extract.dates import display_date, precision_of
from ..extract.events import EventMention
from ..read import sources
from ..vocabulary import PRECISION_RANK, PRIORITY_INDEX, TYPE_LABELS, family
from .dating import COMMON_KEY

if TYPE_CHECKING:
    from ..build import Build

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
        return cls(e.event_id, e.article_id, e.event_type, e.date_start, e.date_end, e.precision, e.qualifier, e.keys)

    def as_tuple(self) -> tuple:
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
            for m in cm if cm is not None else ("coarse",):
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
    outlets = sources.names(b.articles)  # the outlet, else the title or file: never the hash
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
