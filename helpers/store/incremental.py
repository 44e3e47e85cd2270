"""Warm rebuilds: the previous build's results, patched for the articles added since.

Every full build saves its results under ``DATA/interim/state/`` with what produced them:
the code fingerprint (the pipeline's source and every reference file), each article file's size,
time and content key, and the sidecar's bytes. On the next run:

- nothing changed: the saved tables are the result;
- files were only added: the new articles are read, extracted, dated against the saved
  anchors and merged into the saved chronology by replaying the previous merge (see
  :func:`replay`), and the tables are patched;
- anything else (a file edited or removed, a sidecar edit, new code or reference data, an
  added article whose dated events would change how an earlier article is dated, an article
  whose text another file already had): a full build (:func:`helpers.build.build`), which
  re-extracts only what its per-article caches do not hold.

The patched result is the full build's, byte for byte: the conditions above are the cases
where the cross-article steps provably give the old results for the old articles, and
``tests/test_incremental.py`` compares both exports as files. A file counts as unchanged when
its size and modification time are those saved and it was not written in the second before
the save (git's rule for racy timestamps); otherwise its bytes are hashed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .. import config
from ..across.dating import (
    COMMON_KEY,
    AnchorLookup,
    ConstraintLog,
    PubMemo,
    _reliable,
    _two_distinct,
    anchor_postings,
    article_constraints,
    settle_dates,
)
from ..across.merge import Greedy, MergeMention, chronology_row
from ..build import Build
from ..extract.article import extract_article
from ..extract.places import PlaceMatcher
from ..read import sources
from ..read.corpus import OutletRegistry, _file_key, _load_dated, _load_one, article_names, read_sidecar
from ..tables import (
    PLACE_COLUMNS,
    events_table,
    figures_table,
    place_mentions_table,
    place_rows,
    undated_table,
    unplaced_table,
)
from .cache import BUILD_CODE, ExtractCache, code_fingerprint

STATE_VERSION = 3
RACY_NS = 1_000_000_000  # a file written within a second of the save is hashed, not trusted by its time
# the tables that a patch only adds rows to (kept as a base file plus journal files), with their order
GROWING = {
    "corpus": "file",
    "events": "article_id",
    "figures": "article_id",
    "place_mentions": "article_id",
    "removed": "file",
    "unplaced": "article_id",
    "undated": "article_id",
}
JOURNAL_MAX = 16  # patches kept as journal files before the base is written anew
N_SHARDS = 64
MARGIN = 50  # a key this far past the merge's COMMON_KEY stays too common however many clusters a patch changes
STORES = ("anchors", "registry", "clusters")


class ShardStore:
    """A dict kept on disk in ``N_SHARDS`` pickle files, each read when one of its keys is asked
    for and written back (under a new version number) when changed. ``versions`` (saved in
    state.pkl, written last) names the files that belong together, so an interrupted save leaves
    the previous set whole.

    The stores: ``anchors`` (family, key) -> the dated events that bound other articles' dates
    (as in across.dating.corpus_constraints); ``registry`` (family, key) -> [(time, founder)], the
    clusters registered under the key in merge order; ``clusters`` founder -> (chronology id,
    family, keys, member mentions in merge order)."""

    def __init__(self, folder: Path, name: str, versions: list[int] | None = None):
        self.folder, self.name = folder, name
        self.versions = list(versions) if versions else [0] * N_SHARDS
        self.shards: dict[int, dict] = {}
        self.dirty: set[int] = set()

    @staticmethod
    def shard_of(key) -> int:
        return zlib.crc32(repr(key).encode("utf-8")) % N_SHARDS

    def _path(self, i: int, v: int) -> Path:
        return self.folder / f"{self.name}-{i:02d}.v{v}.pkl"

    def _load(self, i: int) -> dict:
        if i not in self.shards:
            if self.versions[i] == 0:
                self.shards[i] = {}
            else:
                with self._path(i, self.versions[i]).open("rb") as fh:
                    self.shards[i] = pickle.load(fh)
        return self.shards[i]

    def get(self, key, default=None):
        return self._load(self.shard_of(key)).get(key, default)

    def __setitem__(self, key, value) -> None:
        i = self.shard_of(key)
        self._load(i)[key] = value
        self.dirty.add(i)

    def pop(self, key) -> None:
        i = self.shard_of(key)
        if self._load(i).pop(key, None) is not None:
            self.dirty.add(i)

    def fill(self, items) -> None:
        """Replace the whole content (a full build)."""
        self.shards = {i: {} for i in range(N_SHARDS)}
        for k, v in items:
            self.shards[self.shard_of(k)][k] = v
        self.dirty = set(range(N_SHARDS))

    def write(self) -> list[Path]:
        """Write the changed shards as new versions; returns the files they replace."""
        on_disk: dict[int, list[tuple[int, Path]]] = {}
        for f in self.folder.glob(f"{self.name}-*.v*.pkl"):
            try:
                i, v = int(f.name.split("-")[1][:2]), int(f.name.rsplit(".v", 1)[1][:-4])
            except ValueError:
                continue
            on_disk.setdefault(i, []).append((v, f))
        old = []
        for i in sorted(self.dirty):
            v = max([self.versions[i]] + [x for x, _ in on_disk.get(i, [])]) + 1
            _dump(self._path(i, v), self.shards[i])
            old += [f for _, f in on_disk.get(i, [])]
            self.versions[i] = v
        self.dirty = set()
        return old


class AnchorRef(NamedTuple):
    """What date reasoning reads of an anchor event (see across.dating.article_constraints)."""

    article_id: str
    event_id: str
    event_type: str
    date_start: object
    date_end: object
    precision: str


@dataclass
class State:
    version: int
    fingerprint: str
    sidecar: str
    saved_ns: int
    files: dict  # file -> (size, mtime_ns, key)
    chronology: pd.DataFrame
    places: pd.DataFrame
    warnings: list
    rounds: int
    log: ConstraintLog  # its index is the ``anchors`` store
    versions: dict  # store name -> shard versions
    base: str  # the file of the growing tables at the last full write
    journal: list  # the files of the rows added since, one per patch
    folder: Path | None = None
    _frames: dict | None = None

    def frames(self) -> dict:
        """The growing tables: the base with the journal's rows put in place."""
        if self._frames is None:
            with (self.folder / self.base).open("rb") as fh:
                frames = pickle.load(fh)
            if self.journal:
                adds = {n: [] for n in GROWING}
                for name in self.journal:
                    with (self.folder / name).open("rb") as fh:
                        for n, df in pickle.load(fh).items():
                            adds[n].append(df)
                for n, by in GROWING.items():
                    if adds[n]:
                        frames[n] = insert_sorted(frames[n], pd.concat(adds[n], ignore_index=True), by)
            self._frames = frames
        return self._frames

    def tables(self) -> dict:
        from ..read.corpus import articles_table

        f = self.frames()
        return dict(
            articles=articles_table(f["corpus"]),
            events=f["events"],
            chronology=self.chronology,
            places=self.places,
            place_mentions=f["place_mentions"],
            figures=f["figures"],
            removed=f["removed"],
            unplaced=f["unplaced"],
            undated=f["undated"],
        )


def _state_path(p: config.Paths) -> Path:
    return p.interim / "state" / "state.pkl"


def _anchor(aid: str, e) -> tuple:
    return aid, AnchorRef(e.article_id, e.event_id, e.event_type, e.date_start, e.date_end, e.precision)


def _sidecar_hash(p: config.Paths) -> str:
    try:
        return hashlib.sha256(p.sidecar.read_bytes()).hexdigest() if p.sidecar.exists() else ""
    except OSError:
        return "unreadable"


def _stat(path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def save(
    p: config.Paths,
    tables,
    greedy: Greedy,
    scanned: dict | None = None,
    stores: dict | None = None,
    prev: State | None = None,
    adds: dict | None = None,
) -> None:
    """Save a build's results (never raises: without a writable interim folder, runs are cold).

    After a full build (``stores`` None), every file is written anew. After a patch, only the
    changed shards of the stores, a journal file with the rows the patch added (or, every
    ``JOURNAL_MAX`` patches, a new base) and state.pkl are written. state.pkl is written last
    and names the files that belong to it, so an interrupted save leaves the previous state whole."""
    b = tables.build
    folder = _state_path(p).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        saved_ns = time.time_ns()
        files = scanned if scanned is not None else _scan(p)
        log = b.log
        stale: list[Path] = []
        if stores is None:
            stores = {n: ShardStore(folder, n) for n in STORES}
            stores["anchors"].fill((k, [_anchor(aid, e) for aid, e in posting]) for k, posting in log.index.items())
            cids = {
                eids.split(";")[0]: cid
                for cid, eids in zip(tables.chronology.chronology_id, tables.chronology.event_ids)
            }
            clusters, registry = [], {}
            for f, c in greedy.clusters.items():
                head = min(m.eid for m in c.members)
                clusters.append((f, (cids[head], c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members))))
            for key, posting in greedy.posting.items():
                registry[key] = sorted(((t, f) for f, t in posting.items()))
            stores["clusters"].fill(clusters)
            stores["registry"].fill(registry.items())
        stale += [f for st_ in stores.values() for f in st_.write()]
        tag = f"{saved_ns:x}"
        if prev is not None and adds is not None and len(prev.journal) < JOURNAL_MAX:
            base, journal = prev.base, prev.journal + [f"journal-{tag}.pkl"]
            _dump(folder / journal[-1], adds)
        else:
            base, journal = f"base-{tag}.pkl", []
            _dump(
                folder / base,
                {
                    "corpus": b.articles,
                    "events": tables.events,
                    "figures": tables.figures,
                    "place_mentions": tables.place_mentions,
                    "removed": tables.removed,
                    "unplaced": tables.unplaced,
                    "undated": tables.undated,
                },
            )
            if prev is not None:
                stale += [folder / prev.base] + [folder / j for j in prev.journal]
        slim = replace(log, index={})
        st = State(
            STATE_VERSION,
            code_fingerprint(str(p.reference.resolve()), BUILD_CODE),
            _sidecar_hash(p),
            saved_ns,
            files,
            tables.chronology,
            tables.places,
            list(b.warnings),
            b.rounds,
            slim,
            {n: s_.versions for n, s_ in stores.items()},
            base,
            journal,
        )
        _dump(_state_path(p), st)
        keep = {base, *journal, _state_path(p).name}
        if prev is None:  # after a full build: whatever the folder held before is stale
            stale += [f for f in folder.glob("*.pkl") if f.name.startswith(("base-", "journal-"))]
        for f in stale:
            if f.name not in keep:
                f.unlink(missing_ok=True)
    except OSError:
        pass


def _dump(path: Path, obj) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _scan(p: config.Paths) -> dict:
    """file -> (size, mtime_ns, content key) for every article file."""
    sidecar, _ = read_sidecar(p.sidecar)
    fp = code_fingerprint(str(p.reference.resolve()))
    out = {}
    for rel in article_names(p.articles):
        f = p.articles / rel
        try:
            size, mtime = _stat(f)
        except OSError:
            size, mtime = -1, -1
        out[rel] = (size, mtime, _file_key(f, rel, sidecar.get(rel, {}), fp))
    return out


def load(p: config.Paths) -> State | None:
    try:
        with _state_path(p).open("rb") as fh:
            st = pickle.load(fh)
    except Exception:  # absent, corrupt or from another version: a full build
        return None
    if getattr(st, "version", None) != STATE_VERSION or st.fingerprint != code_fingerprint(
        str(p.reference.resolve()), BUILD_CODE
    ):
        return None
    st.folder = _state_path(p).parent
    try:
        st.frames()
    except Exception:  # a base or journal file missing or corrupt: a full build
        return None
    return st


class LazyExtracts(Mapping):
    """Build.extracts of a warm rebuild: each article's extraction read from its cache on demand."""

    def __init__(self, p: config.Paths, articles: pd.DataFrame, matcher: PlaceMatcher, known: dict):
        self.cache, self.articles, self.matcher, self.known = ExtractCache(p), articles, matcher, dict(known)
        self._pos: dict | None = None

    @property
    def pos(self) -> dict:
        if self._pos is None:
            a = self.articles
            self._pos = {aid: i for i, (aid, s) in enumerate(zip(a.article_id, a.status)) if s == "ok"}
        return self._pos

    def __getitem__(self, aid):
        if aid not in self.known:
            r = next(self.articles.iloc[[self.pos[aid]]].itertuples())
            self.known[aid] = self.cache.get_or_make(r, lambda: extract_article(r, self.matcher))
        return self.known[aid]

    def __iter__(self):
        return iter(self.pos)

    def __len__(self):
        return len(self.pos)


LAST = {"mode": "", "reason": ""}  # how the last make_tables ran: "full", "unchanged" or "patched"


def _full(reason: str):
    LAST.update(mode="full", reason=reason)
    return None


def warm_tables(data_dir, make_tables_cls):
    """The tables of ``data_dir`` from the saved state, or None when a full build is needed.

    Never raises: a saved state that cannot be used (a file of it missing, written by two runs
    at once, unreadable) means a full build, with the reason in ``LAST``."""
    LAST.update(mode="", reason="")
    try:
        return _warm(data_dir, make_tables_cls)
    except Exception as exc:  # noqa: BLE001 - whatever went wrong, the full build is the safe answer
        return _full(f"the saved build could not be used ({type(exc).__name__}: {exc})")


def _warm(data_dir, make_tables_cls):
    p = config.paths(data_dir)
    st = load(p)
    if st is None:
        return _full("no saved build for this code and reference data")
    if not st.log.converged or _sidecar_hash(p) != st.sidecar:
        return _full("the sidecar changed" if st.log.converged else "the saved build did not converge")
    sidecar, notes = read_sidecar(p.sidecar)
    arts = p.articles
    names = article_names(arts)
    present = set(names)
    for name in sidecar:
        if name not in present:
            notes.append(f"{p.sidecar.name}: row for {name!r}, but no such file in {arts.name}/; ignored")
    if not set(st.files) <= present:
        return _full("a file was removed")
    scanned, added = {}, []
    folder = str(arts)
    for rel in names:
        try:
            size, mtime = _stat(os.path.join(folder, rel))
        except OSError:
            return _full(f"{rel}: cannot be read")
        old = st.files.get(rel)
        if old is None:
            added.append(rel)
            continue
        if (size, mtime) == old[:2] and mtime < st.saved_ns - RACY_NS:
            scanned[rel] = old
            continue
        key = _file_key(arts / rel, rel, sidecar.get(rel, {}), code_fingerprint(str(p.reference.resolve())))
        if key != old[2]:
            return _full(f"{rel} was edited")
        scanned[rel] = (size, mtime, key)
    matcher = PlaceMatcher.load(p.reference)
    if not added:
        corpus = st.frames()["corpus"]
        b = Build(corpus, LazyExtracts(p, corpus, matcher, {}), matcher, notes, st.rounds, log=st.log)
        LAST.update(mode="unchanged", reason="")
        return make_tables_cls(**st.tables(), build=b)
    return _add(p, st, sorted(added), sidecar, notes, matcher, scanned, make_tables_cls)


def _add(p, st: State, added, sidecar, notes, matcher, scanned, make_tables_cls):
    outlets = OutletRegistry.load(p.reference)
    ccache = ExtractCache(p, kind="corpus")
    rows = []
    for rel in added:
        f, meta = p.articles / rel, sidecar.get(rel, {})
        key = _file_key(f, rel, meta, code_fingerprint(str(p.reference.resolve())))
        try:
            size, mtime = _stat(f)
        except OSError:
            return _full(f"{rel}: cannot be read")
        scanned[rel] = (size, mtime, key)
        if key is None:
            rows.append(_load_one(f, rel, meta, outlets))
        else:
            rows.append(dict(ccache.get_or_make(None, lambda: _load_dated(f, rel, meta, outlets), key=key)))
    new = pd.DataFrame(rows)
    old = st.frames()["corpus"]
    if not set(new.columns) <= set(old.columns):
        return _full("the added files bring new columns")
    # duplicates, as load_corpus flags them: the first file (in file order) with a text keeps it
    first = {aid: fn for aid, fn, s_ in zip(old.article_id, old.file, old.status) if s_ == "ok"}
    for i, r in new.iterrows():
        if r["status"] != "ok":
            continue
        if r["article_id"] in first:
            if first[r["article_id"]] > r["file"]:
                return _full(f"{r['file']} has the text of a later file")
            new.at[i, "status"] = "duplicate"
            new.at[i, "reason"] = f"same text as {first[r['article_id']]}"
        else:
            first[r["article_id"]] = r["file"]
    folder = _state_path(p).parent
    stores = {n: ShardStore(folder, n, st.versions.get(n)) for n in STORES}
    ok = new[new.status == "ok"]
    dated = _date_new(p, st, ok, old, matcher, stores["anchors"])
    if dated is None:
        return None
    pub, extracts, rounds, log = dated
    for c in pub.columns:
        new.loc[ok.index, c] = pub[c].values
    corpus = insert_sorted(old, new[old.columns.intersection(new.columns)], "file")[old.columns]
    mini = Build(corpus[corpus.article_id.isin(extracts)], extracts, matcher, notes, rounds, log=log)
    added_ms = sorted(
        (MergeMention.of(e) for aid in sorted(extracts) for e in extracts[aid].events if e.date_start is not None),
        key=lambda m: m.skey,
    )
    merged = replay(stores["clusters"], stores["registry"], added_ms)
    if merged is None:
        return _full(LAST["reason"])
    greedy, dirty = merged
    old_cids = {c[0] for c in (stores["clusters"].get(f) for f in dirty) if c is not None}
    tables, cids, adds = _patch(st, corpus, mini, greedy, dirty, old_cids, matcher)
    adds["corpus"] = corpus[corpus.file.isin(set(new.file))]
    _update_stores(stores, greedy, dirty, cids)
    b = Build(corpus, LazyExtracts(p, corpus, matcher, extracts), matcher, notes, max(st.rounds, rounds), log=log)
    t = make_tables_cls(**tables, build=b)
    save(p, t, greedy, scanned, stores, prev=st, adds=adds)
    LAST.update(mode="patched", reason=f"{len(added)} file(s) added")
    return t


def _date_new(p, st: State, ok: pd.DataFrame, old: pd.DataFrame, matcher, anchors_store: ShardStore):
    """Publication dates and extractions of the added articles, round by round as a full build
    would run them, or None when they would change how an earlier article is dated."""
    cache = ExtractCache(p)
    log = st.log
    files = dict(zip(old.article_id, old.file)) | dict(zip(ok.article_id, ok.file))
    order = {aid: i for i, aid in enumerate(sorted(files, key=files.get))}
    local = ok.reset_index(drop=True)
    cur = local
    extracts = {r.article_id: cache.get_or_make(r, lambda r=r: extract_article(r, matcher)) for r in cur.itertuples()}
    settled = dict(zip(local.article_id, local.published_settled.astype(bool)))
    new_log = ConstraintLog()
    memo = PubMemo(p)
    versions = [(extracts.copy(), _reliable(cur))]

    def postings(exs, rel) -> dict:
        out: dict = {}
        for aid in sorted(exs, key=order.get):
            for k, e in anchor_postings(exs[aid], rel.get(aid, False)):
                out.setdefault(k, []).append((aid, e))
        return out

    def constraints(articles, exs) -> dict:
        """across.dating.corpus_constraints for the added articles: the saved anchors plus theirs."""
        posted = postings(exs, _reliable(articles))

        def get(k):
            mine, base = posted.get(k), anchors_store.get(k)
            return sorted((base or []) + mine, key=lambda x: order[x[0]]) if mine else base

        anchors = AnchorLookup(get)
        out = {}
        for aid in exs:
            if not settled.get(aid):
                c = article_constraints(aid, exs[aid], anchors, files, new_log)
                if c:
                    out[aid] = c
        return out

    cur, rounds = settle_dates(
        local,
        cur,
        extracts,
        constraints,
        lambda r: cache.get_or_make(r, lambda: extract_article(r, matcher)),
        memo,
        new_log,
        on_round=lambda a, exs: versions.append((exs.copy(), _reliable(a))),
    )
    if not new_log.converged:
        return _full("the added articles' dates do not settle")
    memo.save()
    # what the added articles read must not have changed between the earlier rounds
    if (set(new_log.summary_keys) | {k[:2] for k in new_log.day_keys}) & log.unstable:
        return _full("an added article reads anchors that changed between rounds")
    # what they post must not change what an earlier article read, in any round
    old_day_fk = {k[:2] for k in log.day_keys}
    readers: dict[str, set[int]] = {}  # earlier article -> the rounds whose postings may change its bounds
    for r, (exs, rel) in enumerate(versions):
        for k, mine in postings(exs, rel).items():
            if k not in log.summary_keys and k not in old_day_fk:
                continue
            base = anchors_store.get(k) or []
            if len(base) > COMMON_KEY:
                continue  # too common before, too common after: nobody reads it
            both = sorted(base + mine, key=lambda x: order[x[0]])
            if k in log.unstable or len(both) > COMMON_KEY:
                return _full(f"an added article dates an event ({k[0]}, {k[1]}) that earlier articles are dated by")
            who = set(log.summary_keys.get(k, ())) if _summary_ids(base) != _summary_ids(both) else set()
            for _, e in mine:
                if e.precision == "day":
                    who |= log.day_keys.get(k + (e.date_start.month, e.date_start.day), set())
            for aid in who:
                readers.setdefault(aid, set()).add(r)
    if readers and not _bounds_unchanged(
        p, readers, versions, old, anchors_store, files, order, matcher, postings, log
    ):
        return _full(LAST["reason"])
    # the new log: the old one plus what the added articles read and post
    final = log.merged(new_log)
    for k, mine in postings(extracts, _reliable(cur)).items():
        anchors_store[k] = sorted(
            (anchors_store.get(k) or []) + [_anchor(aid, e) for aid, e in mine], key=lambda x: order[x[0]]
        )
    return cur.set_index(ok.index)[[c for c in cur.columns if c.startswith("published")]], extracts, rounds, final


def _bounds_unchanged(
    p, readers: dict, versions: list, old: pd.DataFrame, anchors_store, files, order, matcher, postings, log
) -> bool:
    """Do the earlier articles that read a key the added articles post under get the same
    constraints with those postings as without, in every round? Only articles that no round
    re-dated and that read no key whose anchors changed between rounds can be answered here
    (their bounds were then the same in every round); for any other, the full build decides."""
    cache = ExtractCache(p)
    rows = old.set_index("article_id", drop=False)
    for aid in sorted(readers):
        if aid in log.redated:
            LAST["reason"] = f"an added article may change the dates of {files[aid]}, re-dated by the rounds"
            return False
        r = next(rows.loc[[aid]].itertuples())
        ex = cache.get_or_make(r, lambda r=r: extract_article(r, matcher))
        read = ConstraintLog()
        before = article_constraints(aid, ex, AnchorLookup(anchors_store.get), files, read)
        if (set(read.summary_keys) | {k[:2] for k in read.day_keys}) & log.unstable:
            LAST["reason"] = f"an added article may change the dates of {files[aid]}"
            return False
        for v in sorted(readers[aid]):
            posted = postings(*versions[v])

            def get(k, posted=posted):
                mine, base = posted.get(k), anchors_store.get(k)
                return sorted((base or []) + mine, key=lambda x: order[x[0]]) if mine else base

            if article_constraints(aid, ex, AnchorLookup(get), files) != before:
                LAST["reason"] = f"an added article changes the dates of {files[aid]}"
                return False
    return True


def _summary_ids(posting) -> tuple:
    if not posting:
        return ()
    firsts = _two_distinct(sorted(posting, key=lambda x: (x[1].date_start, x[0])))
    lasts = _two_distinct(sorted(posting, key=lambda x: (x[1].date_end, x[0]), reverse=True))
    return tuple((b, f.event_id) for b, f in firsts), tuple((b, f.event_id) for b, f in lasts)


def replay(clusters: ShardStore, registry: ShardStore, added: list):
    """The merge with ``added`` mentions, as :func:`helpers.across.merge.cluster` would make it from all
    mentions, computed on the part of the previous merge that the added mentions can reach.

    A mention's decision depends only on the clusters registered under its keys and on how many
    there are. So the replay runs over the clusters registered under a set of keys K (starting
    with the added mentions' keys) and their members, in merge order; it applies each previous
    decision unless the mention is added, its previous cluster has changed ("dirty"), or one
    of its keys is held by a dirty cluster and could still be read. A key stays out of K once
    ``COMMON_KEY + MARGIN`` clusters hold it: from then on it is too common in both merges,
    whatever the patch changes (checked: no such key gains more than ``MARGIN`` dirty clusters).
    When a recomputed decision needs a key outside K, K grows and the replay restarts.
    Returns (greedy state of the replayed part, dirty founders), or None for a full build."""
    if not added:
        return Greedy(), set()
    keys = {(m.fam, k) for m in added for k in m.keys}
    sat: dict = {}

    def sat_time(key):
        if key not in sat:
            reg = registry.get(key) or []
            sat[key] = reg[COMMON_KEY + MARGIN][0] if len(reg) > COMMON_KEY + MARGIN else None
        return sat[key]

    def saturated(key, e) -> bool:
        t = sat_time(key)
        return t is not None and e.skey >= t

    new_ids = {m.eid for m in added}
    t0 = added[0].skey  # the merge before the first added mention is the previous one
    loaded: dict[str, tuple] = {}  # founder -> (family, keys, members), read once across passes
    while True:
        founders = set()
        for key in keys:
            t = sat_time(key)
            if t is None or t > t0:  # a key already too common at t0 is read by no later mention
                founders.update(f for rt, f in registry.get(key) or () if t is None or rt < t)
        g = Greedy()
        ms, prev, info = list(added), {}, {}
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
                prev[m.eid] = f
            ms += after
        ms.sort(key=lambda m: m.skey)
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
            touched.setdefault(key, set()).add(f)
            ms_ = founder_months(f)
            if ms_ is None:
                months_of[key] = None
            elif months_of.get(key, ()) is not None:
                months_of.setdefault(key, set()).update(ms_)
            if key not in keys and not saturated(key, e):
                need.add(key)

        def taint(f: str, e) -> None:
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
                LAST["reason"] = f"the added articles change too many clusters of ({key[0]}, {key[1]})"
                return None
        return g, dirty


def _update_stores(stores: dict, g: Greedy, dirty: set, cids: dict) -> None:
    """The merge stores after a patch: the dirty clusters as they are now, and every key they
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
        clusters[f] = (cids[f], c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members))
        first: dict = {}
        for m in c.members:
            for k in m.keys:
                first.setdefault((c.fam, k), m.skey)
        regs[f] = first
    for key in affected:
        reg = [(t, f) for t, f in registry.get(key) or () if f not in dirty]
        reg += [(first[key], f) for f, first in regs.items() if key in first]
        registry[key] = sorted(reg)


def _patch(st: State, corpus, mini: Build, g: Greedy, dirty: set, old_cids: set, matcher) -> tuple[dict, dict, dict]:
    """The saved tables with the added articles' rows and the dirty clusters' rows."""
    from ..read.corpus import articles_table, removed_table

    t = st.tables()

    new_files = ~corpus.file.isin(set(t["articles"].file))
    adds = dict(
        events=events_table(mini),
        figures=figures_table(mini),
        place_mentions=place_mentions_table(mini),
        unplaced=unplaced_table(mini),
        removed=removed_table(corpus[new_files]),
        undated=undated_table(mini),
    )
    events, figures, mentions, unplaced, removed, undated = (
        insert_sorted(t[n], adds[n], GROWING[n])
        for n in ("events", "figures", "place_mentions", "unplaced", "removed", "undated")
    )
    # chronology: rows of clean clusters kept, rows of dirty ones rebuilt
    dropped = t["chronology"].chronology_id.isin(old_cids)
    ev = events.set_index("event_id")
    need = [m.eid for f in dirty if f in g.clusters for m in g.clusters[f].members]
    quotes = {
        eid: _Quote(eid, r.clause, r.place_ids, r.headline, r.event_type)
        for eid, r in zip(need, ev.loc[need].itertuples())
    }
    outlets = sources.names(corpus)
    rows = [chronology_row(g.clusters[f], outlets, quotes) for f in sorted(dirty) if f in g.clusters]
    cids = {f: r["chronology_id"] for f, r in zip(sorted(f for f in dirty if f in g.clusters), rows)}
    keep = t["chronology"][~dropped]
    chrono = (
        pd.concat([keep, pd.DataFrame(rows, columns=keep.columns).astype(keep.dtypes.to_dict())], ignore_index=True)
        if rows
        else keep
    )
    chrono = chrono.sort_values(["date_start", "date_end", "event_type", "chronology_id"]).reset_index(drop=True)
    # places whose mentions or chronology rows changed
    touched = set(mentions.place_id[mentions.article_id.isin(set(mini.extracts))])
    for ids in list(t["chronology"].place_ids[dropped]) + [r["place_ids"] for r in rows]:
        touched.update(x for x in ids.split(";") if x)
    places = t["places"][~t["places"].place_id.isin(touched)]
    fresh = pd.DataFrame(place_rows(matcher, mentions, chrono, touched), columns=PLACE_COLUMNS)
    places = pd.concat([places, fresh.astype(places.dtypes.to_dict())], ignore_index=True) if len(fresh) else places
    places = places.sort_values("place_id", kind="stable").reset_index(drop=True)
    return (
        dict(
            articles=articles_table(corpus),
            events=events,
            chronology=chrono,
            places=places,
            place_mentions=mentions,
            figures=figures,
            removed=removed,
            unplaced=unplaced,
            undated=undated,
        ),
        cids,
        adds,
    )


def insert_sorted(old: pd.DataFrame, add: pd.DataFrame, by: str) -> pd.DataFrame:
    """``old`` (sorted by ``by``) with the rows of ``add`` put in place, after the equal ones:
    what a stable sort of both gives, without reordering the big table."""
    if not len(add):
        return old.reset_index(drop=True)
    add = add.iloc[add[by].argsort(kind="stable")]
    keys = old[by].to_numpy()
    pos = keys.searchsorted(add[by].to_numpy(), side="right")
    parts, last = [], 0
    for p_ in sorted(set(pos)):
        parts += [old.iloc[last:p_], add[pos == p_]]
        last = p_
    parts.append(old.iloc[last:])
    return pd.concat(parts, ignore_index=True)


class _Quote(NamedTuple):
    event_id: str
    clause: str
    place_ids_text: str
    headline: str = ""
    event_type: str = ""

    @property
    def place_ids(self) -> list[str]:
        return [x for x in self.place_ids_text.split(";") if x]
