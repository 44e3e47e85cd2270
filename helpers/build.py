"""The one way through the pipeline: ``build(data_dir)`` returns every table of a corpus.

Used alike by ``python -m helpers export``, the notebooks and the report. The stages, in order:

1. ``read``: each article file, normalized, and dated by its own text (``extract.article.read_article``);
2. ``extract``: each article's places, events and figures (``extract.article.extract_article``), a pure
   function of the article and the reference data, kept in the result store (``store.results``);
3. ``across``: dating rounds (an event one article dates bounds another's publication date; re-dated
   articles are extracted again) until dates settle, then the merge of the mentions into the chronology;
4. ``tables``: the contract's tables; the build is saved (``store.saved``) for the next run.

A warm rebuild runs the same steps on the articles added since the saved build only: they are read
and extracted by the same functions, dated by the same rounds against the saved anchors
(``across.dating.date_added``; an earlier article whose bounds their anchors change, or whose anchors
changed between the saved build's rounds under a key they read, is dated again with them from its own
text's dates by the same rounds, and extracted again), merged by replaying the part of the saved merge
they can reach (``across.merge.replay``; the previous mentions of a re-dated article that changed taken
out), and their rows are put in the saved tables (``tables.patch_tables``; the re-dated articles' rows
replaced). When that cannot give the full build's result (a file edited or removed, the sidecar or the
code changed, an added article that reaches more than ``MAX_REDATED`` earlier articles…), the build is
full, and ``Tables.how`` says why.
"""

from __future__ import annotations

import gc
from collections import namedtuple
from functools import cached_property
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pyarrow as pa

from . import config
from .across import NeedsFullBuild, view
from .across.dating import ConstraintLog, PubMemo, anchor_postings, corpus_constraints, date_added, settle_dates
from .across.merge import (
    MergeMention,
    cluster,
    holders,
    merge_events,
    merge_index,
    merge_mentions,
    replay,
    update_merge_index,
)
from .corrections import Corrections
from .extract import nlp
from .extract.article import extract_article, read_article
from .extract.places import PlaceMatcher
from .extract.published import infer_one, infer_publication_dates
from .extract.timeline import Timeline
from .read.corpus import (
    OutletRegistry,
    articles_table,
    content_key,
    flag_duplicates,
    load_corpus,
    load_one,
    removed_table,
    sidecar_notes,
)
from .read.files import NotRead, article_path, read_regular
from .store import saved as saved_build
from .store.results import ResultStore
from .store.saved import insert_sorted, rows_where
from .tables import TableRows, Tables, patch_tables, places_table
from .workers import Workers


class InputError(Exception):
    """The build could not run at all (the message names the file and what is wrong)."""


REQUIRED_REFERENCE = ("outlets.csv", "coalition_sites.csv", "geonames_iraq_populated_places.tsv", "stopwords_fr.txt")


def check_inputs(data_dir) -> config.Paths:
    """The paths of ``data_dir``, checked: raises :class:`InputError` naming what is missing."""
    p = config.paths(data_dir)
    if not p.data_dir.is_dir():
        raise InputError(f"{p.data_dir}: no such data folder")
    if not p.articles.is_dir():
        raise InputError(f"{p.articles}: no articles folder (expected DATA/raw/articles/)")
    for name in REQUIRED_REFERENCE:
        if not (p.reference / name).is_file():
            raise InputError(f"{p.reference / name}: reference file missing")
    return p


class Steps:
    """The per-article steps of one build, with the reference data and the result store they use; the
    articles missing from the store are read and extracted on every core (``jobs`` worker processes,
    :mod:`helpers.workers`), their results kept in the order of the articles."""

    def __init__(self, p: config.Paths, store: ResultStore, use_ner: bool, workers: Workers | None = None):
        self.p, self.store, self.use_ner = p, store, use_ner
        self.workers = workers or Workers(None, 1)
        self.workers.task, self.workers.prepare, self.workers.forked = self._job, self._prepare, self._forked
        self.workers.group = self._side_by_side
        self.progress = False  # a progress bar over the articles read or extracted anew
        self._fresh: dict = {}  # extractions made with their reading, by key, until the extraction stage takes them
        # what is kept of an extraction (``keep(row, extraction)``), when not the whole of it: a full build keeps
        # only what the cross-article steps read, and reads the whole again from the store for the tables
        self.keep = None

    @cached_property
    def outlets(self) -> OutletRegistry:
        """The outlets of the reference data (loaded when a file is read)."""
        return OutletRegistry.load(self.p.reference)

    @cached_property
    def matcher(self) -> PlaceMatcher:
        """The gazetteer's matcher (loaded when an article is extracted or a place table built)."""
        return PlaceMatcher.load(self.p.reference)

    @cached_property
    def timeline(self) -> Timeline:
        """The reference timeline (loaded when an article is dated)."""
        return Timeline.load(self.p.reference)

    def _prepare(self) -> None:
        """What the workers use, loaded once here before they are forked (they inherit it)."""
        for name in ("outlets", "timeline", "matcher"):  # cached properties: loaded now
            getattr(self, name)
        nlp.model()
        _long_lived()  # the workers never walk the model's objects either

    def _forked(self) -> None:
        """The workers are forked with the model: this process lets its own copy go (every later batch of the
        build runs in the workers; the model was kept out of the collector's passes, so one full pass now).
        :func:`helpers.extract.nlp.model` loads it again if this process is ever asked to parse."""
        nlp.model.cache_clear()
        gc.unfreeze()
        gc.collect()
        _long_lived()

    def _side_by_side(self, task, items: list) -> list:
        """``task`` over a chunk of items side by side, their parses made in one batch of the model
        (:func:`helpers.extract.nlp.in_lockstep`); the reference data they read loaded first, once."""
        kinds = {kind for kind, _ in items}
        needs = {"read": ("outlets", "timeline", "matcher"), "extract": ("matcher",), "date": ("timeline",)}
        for name in {name for kind in kinds for name in needs.get(kind, ())}:  # cached properties: loaded now
            getattr(self, name)
        return nlp.in_lockstep(task, items)

    def _job(self, item):
        """One article's reading (``("read", (path, rel, meta, data))``), with its extraction on the window its own
        text gives when it reads well (the extraction stage then finds it made: both read the article's dates
        from the tagger's memo), its extraction alone (``("extract", row)``), or its publication date under
        corpus constraints (``("date", args)``: :func:`helpers.extract.published.infer_one`'s, but the timeline)."""
        kind, arg = item
        if kind == "extract":
            return extract_article(arg, self.matcher, self.use_ner)
        if kind == "date":
            return infer_one(*arg, self.timeline)
        path, rel, meta, data = arg
        row = read_article(path, rel, meta, self.outlets, self.timeline, data)
        return row, (
            extract_article(SimpleNamespace(**row), self.matcher, self.use_ner) if row["status"] == "ok" else None
        )

    def read(self, path, rel: str, meta: dict) -> dict:
        """One file's corpus row, dated by its own text (see :meth:`read_many`)."""
        return self.read_many([(path, rel, meta)])[0]

    def read_many(self, items: list[tuple]) -> list[dict]:
        """Each file's corpus row (``items``: path, name, sidecar row), dated by its own text, kept in the
        store by the file's content: the bytes read are those keyed, so a file changing meanwhile cannot
        leave a result under another content. Read in batches, so that few files' bytes are held at once.

        A file read anew is extracted at once on its own publication window (kept in the store under the
        key of what it was made from, like any extraction, and handed to :meth:`extract_many`)."""
        out: list[dict] = []
        for at in range(0, len(items), READ_BATCH):
            batch, keyed = [], []
            for path, rel, meta in items[at : at + READ_BATCH]:
                try:
                    data = read_regular(path, config.MAX_FILE_BYTES, self.p.articles)
                except NotRead:  # empty, too large, unreadable, not a regular file: skipped with the reason
                    batch.append(load_one(path, rel, meta, self.outlets))
                    continue
                keyed.append(
                    (len(batch), content_key(data, rel, meta, self.store.fingerprint), (path, rel, meta, data))
                )
                batch.append({})
            args = [a for _, _, a in keyed]

            def make(todo: list[int]):
                """The rows of the files read anew; their extractions stored and kept for the extraction stage."""
                for row, ex in self._progress(self.workers.map(("read", args[i]) for i in todo), len(todo)):
                    if ex is not None:
                        r = SimpleNamespace(**row)
                        key = self.extract_key(r)
                        self.store.put("extract", key, ex)
                        self._fresh[key] = self.keep(r, ex) if self.keep else ex
                    yield row

            got = self.store.get_or_make_many("read", [k for _, k, _ in keyed], make)
            for (i, _, _), row in zip(keyed, got):
                batch[i] = dict(row)
            out += batch
            _long_lived()
        return out

    def _progress(self, done, total: int):
        """``done`` with a progress bar when the build shows one."""
        if not self.progress:
            return done
        from tqdm.auto import tqdm

        return tqdm(done, total=total, desc="articles", unit="art")

    def infer_many(self, args: list[tuple]) -> list:
        """Publication dates under corpus constraints (each of ``args``: :func:`infer_one`'s arguments, but the
        timeline), in order: a dating round's, on every core."""
        return list(self.workers.map(("date", a) for a in args))

    def extract_key(self, row) -> str:
        """The store's key of an article's extraction: its text, title, outlet, publication window and the code."""
        return self.store.key(
            row.article_id, row.text, row.title, row.outlet or "", row.published or "", row.published_end or "",
            "ner" if self.use_ner else "no ner",
        )  # fmt: skip

    def extract(self, row):
        """One article's extraction on its current publication window (kept in the store)."""
        return self.extract_many([row])[0]

    def extract_many(self, rows: list, whole: bool = False) -> list:
        """Each article's extraction on its current publication window (kept in the store), in order: what
        :attr:`keep` keeps of it, unless ``whole``."""
        keys = [self.extract_key(r) for r in rows]
        out = [None if whole else self._fresh.pop(k, None) for k in keys]
        rest = [i for i, ex in enumerate(out) if ex is None]

        def make(todo: list[int]):
            rs = [rows[rest[j]] for j in todo]
            return self._progress(self.workers.map(("extract", SimpleNamespace(**r._asdict())) for r in rs), len(rs))

        keep = None if whole else self.keep
        for at in range(0, len(rest), READ_BATCH):  # so that few whole extractions are held at once
            part = rest[at : at + READ_BATCH]

            def make_part(todo: list[int], at=at):
                return make([at + j for j in todo])

            for i, ex in zip(part, self.store.get_or_make_many("extract", [keys[i] for i in part], make_part)):
                out[i] = keep(rows[i], ex) if keep else ex
            if keep:
                _long_lived()
        return out


READ_BATCH = 1000  # files read (their bytes held) at a time


# the collector's youngest generation is collected after this many new container objects (Python's default: 700)
# while a build runs. An extraction makes and drops objects by the hundred thousand (spaCy's tokens, the frames'
# memos), nearly all freed by their reference counts: at 700 the collector ran 5 times per synthetic article and
# moved the live young objects to the older generations, which it then walked again (7-8 ms of the article's
# 75-85 ms of CPU in one process, on a loaded machine); at 50,000 most are freed before it passes (1.4 ms), and the
# cycles it frees wait a little longer (at most this many objects). The tables do not depend on it.
YOUNG_GC_THRESHOLD = 50_000


def _long_lived() -> None:
    """What this process holds now stays to the end of the build (the model, the rows and views of the articles
    read so far): out of the garbage collector's full passes, which would walk all of it again each time the
    heap grows by a quarter (a quarter of the parent's time in a full rebuild). :func:`build` puts it back."""
    gc.freeze()


def _arrow_on_malloc() -> None:
    """Arrow's buffers (the tables' texts) allocated by the C library's malloc, which gives back what is
    freed, rather than by mimalloc, Arrow's default here, which keeps the pages of the transient buffers
    (each part of a table converted from Python rows, the copies a table's writing makes): about 10 KB
    more per article at the end of a build, for the same tables."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def build(
    data_dir=None, *, progress: bool = False, use_ner: bool = True, warm: bool = True, jobs: int | None = None
) -> Tables:
    """Every table of the corpus in ``data_dir`` (default: the repository's data/).

    With ``warm`` (the default), the saved build is reused when nothing changed, and patched when
    articles were only added (the same tables, byte for byte; see the module's docstring). The articles
    not in the result store are read and extracted in ``jobs`` processes (default: one per core; the
    tables are the same whatever the number)."""
    p = check_inputs(data_dir)
    _arrow_on_malloc()
    # what the process holds before the build (a notebook kernel's model, its earlier builds' caches) is walked
    # by none of this build's full garbage-collector passes (a live kernel's warm rebuild made five of them)
    _long_lived()
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], YOUNG_GC_THRESHOLD), *thresholds[1:])  # inherited by the workers
    try:
        corrections = Corrections.read(p.corrections)
        prev, why = None, "no saved build"
        if warm and use_ner and not corrections.fingerprint:  # a saved build knows nothing of corrections
            try:
                prev = saved_build.SavedBuild.load(p)
            except saved_build.NotSaved as exc:
                why = str(exc)
        # the inputs as they are before anything is read: the build reads these files and these sidecar rows and
        # saves these fingerprints, so a file added or changed while it runs is read at the next run
        inputs = saved_build.scan(p)
        return _build(p, prev, why, inputs, corrections, progress, use_ner, warm, jobs)
    finally:
        gc.unfreeze()  # what the build kept out of the collector's passes (see _long_lived)
        gc.set_threshold(*thresholds)


def _build(p, prev, why, inputs, corrections, progress, use_ner, warm, jobs) -> Tables:
    """:func:`build` once its inputs are known: the saved build patched, or the full build."""
    with ResultStore(p) as store, Workers(None, jobs) as workers:
        steps = Steps(p, store, use_ner, workers)
        if prev is not None:
            try:
                t = _warm(p, steps, prev, inputs)
                t.warnings[:0] = store.notes
                t.paths = p
                t.warnings += saved_build.changed_since(p, inputs)
                mark_corrected(t, corrections)
                return t
            except NeedsFullBuild as exc:
                why = str(exc)
            except (saved_build.NotSaved, KeyError, ValueError, TypeError) as exc:  # a damaged saved build
                why = f"the saved build could not be used ({type(exc).__name__}: {exc})"
        t = _full(p, steps, inputs, progress, corrections, save=use_ner and not corrections.fingerprint)
        t.how = f"full build ({why})" if warm and use_ner and not corrections.fingerprint else "full build"
        t.warnings[:0] = store.notes
        t.paths = p
        t.warnings += saved_build.changed_since(p, inputs)
        return t


def _full(p: config.Paths, steps: Steps, inputs, progress: bool, corrections: Corrections, save: bool) -> Tables:
    """Every stage on every article (the per-article results come from the store when it has them), with
    the researcher's corrections applied to the articles, their extractions and the merge."""
    corrections.begin()
    overrides = {f: {k: v for k, (v, _) in fields.items()} for f, fields in corrections.article_overrides().items()}
    steps.progress = progress
    steps._fresh.clear()  # a warm attempt's extractions (in the store): whole, where this build keeps views

    shared: dict = {}  # the values the views share (see helpers.across.EventView)

    def keep(r, ex):
        """What the cross-article steps read of an article's extraction, the researcher's corrections applied."""
        return view(corrections.apply_extract(r.file, r.text, ex), shared)

    steps.keep = keep
    articles = load_corpus(
        p.data_dir,
        read_many=steps.read_many,
        overrides=overrides,
        names=list(inputs.files),
        sidecar=(inputs.rows, inputs.notes),
    )
    corrections.apply_articles(articles)
    warnings = list(articles.attrs.get("warnings", []))
    if articles.empty:  # no file: the publication columns still exist
        articles = infer_publication_dates(articles)
    local = articles
    ok = articles[articles.status == "ok"]
    views = dict(zip(ok.article_id, steps.extract_many(list(ok.itertuples()))))
    corrections.orphan_missing_files(set(ok.file))
    log = ConstraintLog()
    articles, rounds = settle_dates(
        local,
        articles,
        views,
        lambda a, ex: corpus_constraints(a, ex, log),
        steps.extract_many,
        PubMemo(steps.store, steps.timeline, steps.infer_many),
        log,
    )
    steps.keep = None
    greedy = cluster(merge_mentions(views))
    greedy.finish()
    if corrections.links():
        whole = _Whole(views, articles, steps, corrections)
        corrections.apply_links(greedy, dict(zip(articles.file, articles.article_id)), whole)
    rows = table_rows(articles, steps, corrections)
    events = rows.frame("events")
    chrono = merge_events(articles, views, greedy, _Quotes(views, events))
    del views
    shared.clear()
    place_mentions = rows.frame("place_mentions")
    tables = dict(
        articles=articles_table(articles),
        events=events,
        chronology=chrono,
        places=places_table(steps.matcher, place_mentions, chrono),
        place_mentions=place_mentions,
        figures=rows.frame("figures"),
        removed=removed_table(articles),
        unplaced=rows.frame("unplaced"),
        undated=rows.frame("undated"),
    )
    t = Tables(**tables, warnings=warnings, corrections=corrections)
    mark_corrected(t, corrections)
    if save:
        clusters, registry = merge_index(greedy, chrono)
        del greedy  # (its index holds what the next run reads of it)
        kv = {s: saved_build.KV(None, s) for s in saved_build.SPACES}
        kv["anchors"].fill((k, [saved_build.anchor(aid, e) for aid, e in v]) for k, v in log.index.items())
        log.index = {}  # (its events' views let go: the anchors saved are what the next run reads)
        kv["clusters"].fill(clusters)
        kv["registry"].fill(registry)
        del clusters, registry
        state = dict(rounds=rounds, warnings=warnings, log=saved_build.log_state(log))
        saved_build.save(p, inputs, vars(t), articles, state, kv)
    return t


def table_rows(articles: pd.DataFrame, steps: Steps, corrections: Corrections) -> TableRows:
    """The per-article tables' rows of every article, each article's whole extraction (on its settled
    publication window, corrections applied) read from the store in turn, in article id order, a part
    of the tables made of each batch (see :class:`helpers.tables.TableRows`)."""
    steps.store.flush()  # what this build extracted is read back
    ok = articles[articles.status == "ok"].drop_duplicates("article_id", keep="last").sort_values("article_id")

    def batches():
        """Each batch of articles, with their whole extractions read in turn (a few at a time: the parent's
        memory grows with what is held at once, freed or not)."""
        for at in range(0, len(ok), TABLE_BATCH):
            yield (
                (r.article_id, corrections.apply_extract(r.file, r.text, ex), r.outlet)
                for sub in range(at, min(at + TABLE_BATCH, len(ok)), READ_AT_ONCE)
                for batch in [list(ok.iloc[sub : min(sub + READ_AT_ONCE, at + TABLE_BATCH)].itertuples())]
                for r, ex in zip(batch, steps.extract_many(batch, whole=True))
            )

    out = TableRows(again=lambda: (x for batch in batches() for x in batch))
    _long_lived()  # the merge's
    for batch in batches():
        for aid, ex, outlet in batch:
            out.add(aid, ex, outlet)
        out.part()
        _long_lived()
    return out


TABLE_BATCH = 1000  # articles whose rows are made into a part of the tables at a time
READ_AT_ONCE = 20  # whole extractions read from the store at a time to make them


class _Quotes:
    """What the chronology rows quote of each dated event mention (see :func:`helpers.across.merge.chronology_row`),
    by event id: its places from its view, its clause and headline read from the events table when a row asks
    (the views keep no sentence). The events table holds the dated mentions of the articles in article id order,
    each article's in the order of its view; each read checks the row's event id."""

    def __init__(self, views: dict, events: pd.DataFrame):
        self.views = [e for aid in sorted(views) for e in views[aid].events if e.date_start is not None]
        self.at = {e.event_id: i for i, e in enumerate(self.views)}
        self.ids, self.clauses, self.headlines, self.places = (
            events[c].array for c in ("event_id", "clause", "headline", "place_ids")
        )
        if len(self.ids) != len(self.views):  # not the same mentions: each found by its id in the table
            self.at = {eid: i for i, eid in enumerate(self.ids.tolist())}
            self.views = None

    def __getitem__(self, eid: str):
        i = self.at[eid]
        if self.ids[i] != eid:
            raise KeyError(f"{eid}: not at its place in the events table")
        return _Quoted(self, i, self.views[i].place_ids if self.views else None)


class _Quoted:
    """One event mention as a chronology row quotes it (its clause and headline read when asked)."""

    __slots__ = ("_q", "_i", "_places")

    def __init__(self, q: _Quotes, i: int, places) -> None:
        self._q, self._i, self._places = q, i, places

    @property
    def place_ids(self):
        """Its place ids (its view's, or as the events table writes them)."""
        if self._places is None:  # as the events table writes them
            return [x for x in self._q.places[self._i].split(";") if x]
        return self._places

    @property
    def clause(self) -> str:
        """Its clause, from the events table."""
        return self._q.clauses[self._i]

    @property
    def headline(self) -> str:
        """Its headline, from the events table."""
        return self._q.headlines[self._i]


class _Whole:
    """The articles' whole extractions, as the researcher's merges and splits read them: the events of
    all (``values``, their views) and one article's whole extraction (``get``, read from the store)."""

    def __init__(self, views: dict, articles: pd.DataFrame, steps: Steps, corrections: Corrections):
        self.views, self.steps, self.corrections = views, steps, corrections
        self.rows = {r.article_id: r for r in articles[articles.status == "ok"].itertuples()}

    def values(self):
        """Every article's view (its events, with their ids)."""
        return self.views.values()

    def get(self, aid: str, default=None):
        """One article's whole extraction, corrections applied."""
        r = self.rows.get(aid)
        if r is None or aid not in self.views:
            return default
        (ex,) = self.steps.extract_many([r], whole=True)
        return self.corrections.apply_extract(r.file, r.text, ex)


def mark_corrected(t: Tables, corrections: Corrections) -> None:
    """``corrected`` and ``correction`` (the reasons) on every table a researcher's correction touched."""
    if not corrections.marks:  # nothing corrected: the same columns, without looking row by row
        for df in (t.articles, t.events, t.figures, t.place_mentions, t.chronology):
            df["corrected"] = [False] * len(df)
            df["correction"] = [""] * len(df)
        return

    def mark(df: pd.DataFrame, kind: str, keys) -> None:
        """Mark the rows of ``df`` a correction of ``kind`` touched (by ``keys``)."""
        reasons = [corrections.reasons(kind, k) for k in keys]
        df["corrected"] = [bool(r) for r in reasons]
        df["correction"] = reasons

    mark(t.articles, "article", t.articles.article_id)
    mark(t.events, "event", t.events.event_id)
    mark(t.figures, "figure", t.figures.figure_id)
    mark(
        t.place_mentions,
        "place",
        [
            f"{a}|{p}|{s}"
            for a, p, s in zip(t.place_mentions.article_id, t.place_mentions.place_id, t.place_mentions.surface)
        ],
    )
    by_event = dict(zip(t.events.event_id, t.events.correction))
    rows = [
        " | ".join(dict.fromkeys(r for e in ids.split(";") for r in by_event.get(e, "").split(" | ") if r))
        for ids in t.chronology.event_ids
    ]
    t.chronology["corrected"] = [bool(r) for r in rows]
    t.chronology["correction"] = rows


def _scalar(value):
    """A cell as a frame's rows give it: a NumPy scalar as the Python value it holds."""
    return value.item() if isinstance(value, np.generic) else value


def _same(a: pd.Series, b: pd.Series) -> bool:
    """Are two rows' values the same (a missing value equal to a missing one)?"""
    return all(x == y or (pd.isna(x) and pd.isna(y)) for x, y in zip(a.tolist(), b.tolist()))


def _merged(e) -> tuple:
    """What the merge reads of a dated event mention, and what its chronology row quotes of it."""
    return MergeMention.of(e).as_tuple(), e.clause, tuple(e.place_ids), e.headline


def _warm(p: config.Paths, steps: Steps, prev: saved_build.SavedBuild, inputs) -> Tables:
    """The saved build's tables when nothing changed, patched when files were only added; raises
    :class:`NeedsFullBuild` otherwise."""
    if inputs.sidecar != prev.state["sidecar"]:
        raise NeedsFullBuild("the sidecar changed")
    if not set(prev.files) <= set(inputs.files):
        raise NeedsFullBuild("a file was removed")
    for rel, (size, _, key) in inputs.files.items():
        if size < 0:
            raise NeedsFullBuild(f"{rel}: cannot be read")
        if rel in prev.files and key != prev.files[rel][2]:
            raise NeedsFullBuild(f"{rel} was edited")
    sidecar, warnings = inputs.rows, list(inputs.notes)
    warnings += sidecar_notes(sidecar, list(inputs.files), p)
    added = sorted(set(inputs.files) - set(prev.files))
    if not added:
        return Tables(**prev.tables(), warnings=warnings, how="nothing changed since the saved build")
    log = saved_build.log_from_state(prev.state["log"])
    if not log.converged:  # its dates are those of its last round: only a full build can say what one more gives
        raise NeedsFullBuild("the saved build did not converge")

    # 1. read the added files, as the full build reads any file
    new = pd.DataFrame(steps.read_many([(article_path(p.articles, rel), rel, sidecar.get(rel, {})) for rel in added]))
    old = prev.frames()["corpus"]
    if not set(new.columns) - set(saved_build.CORPUS_DROPPED) <= set(old.columns):
        raise NeedsFullBuild("the added files bring new columns")
    first = {aid: f for aid, f, s in zip(old.article_id.tolist(), old.file.tolist(), old.status.tolist()) if s == "ok"}
    for aid, f, s in zip(new.article_id, new.file, new.status):
        if s == "ok" and aid in first and first[aid] > f:  # the saved copy would become the duplicate
            raise NeedsFullBuild(f"{f} has the text of a later file")
    flag_duplicates(new, first)
    ok = new[new.status == "ok"]

    # 2. date and extract them: the dating rounds, against the saved anchors (with the earlier articles they re-date)
    files = dict(zip(old.article_id, old.file)) | dict(zip(ok.article_id, ok.file))
    order = {aid: i for i, aid in enumerate(sorted(files, key=files.get))}
    rows = rows_where(old, old.status == "ok").set_index("article_id", drop=False)
    kv = prev.kv

    at: dict = {}  # saved article -> its position in ``rows`` (the first, as ``rows.loc[[aid]]`` gave)
    for i, aid in enumerate(rows.article_id.tolist()):
        at.setdefault(aid, i)

    row_type = namedtuple("Pandas", ["Index", *rows.columns], rename=True)  # what itertuples() makes

    def saved_row(aid: str):
        """A saved article's row as the rounds left it, as ``itertuples()`` gives it (its cells read one by one:
        no lookup over the whole corpus frame, no slice of it)."""
        i = at[aid]
        return row_type(rows.index[i], *(_scalar(rows.iat[i, j]) for j in range(len(rows.columns))))

    def read_saved(aid: str) -> dict:
        """A saved article's row as read (dated by its own text: the rounds had not re-dated it)."""
        rel = rows.file.iat[at[aid]]
        return steps.read(article_path(p.articles, rel), rel, sidecar.get(rel, {}))

    made: dict = {}  # extractions by key: the rounds ask for the same ones again (and the store keeps new ones unread)

    def extract(r):
        """An article's extraction on its current publication window (from the store, or made and stored)."""
        key = steps.extract_key(r)
        if key not in made:
            made[key] = steps.extract(r)
        return made[key]

    saved_made: dict = {}  # saved article -> its saved extraction (the rounds ask again for the same ones)

    def extract_saved(aid: str):
        """A saved article's extraction on its saved publication window."""
        if aid not in saved_made:
            saved_made[aid] = extract(saved_row(aid))
        return saved_made[aid]

    dated, extracts, rounds, log, posted, earlier = date_added(
        ok,
        files,
        order,
        kv["anchors"],
        log,
        extract,
        extract_saved,
        read_saved,
        PubMemo(steps.store, steps.timeline),
    )
    pub = [c for c in dated.columns if c.startswith("published")]
    mine = dated.set_index("article_id")[pub]
    new.loc[ok.index, pub] = mine.loc[ok.article_id].values
    # an earlier article dated again to the dates it had is as it was (its extraction too): nothing of it changes
    earlier = {aid: ex for aid, ex in earlier.items() if not _same(mine.loc[aid], rows.loc[aid, pub])}
    extracts = {aid: ex for aid, ex in extracts.items() if aid in earlier or aid not in rows.index}
    posted = {k: v for k, v in ((k, [x for x in v if x[0] in extracts]) for k, v in posted.items()) if v}
    if earlier:  # the earlier articles re-dated: their rows as read, with their new dates, in place of the saved
        again = pd.DataFrame([read_saved(aid) for aid in sorted(earlier)])
        again[pub] = mine.loc[again.article_id].values
        new = pd.concat([new, again], ignore_index=True)
        old = rows_where(old, ~old.file.isin(set(again.file)))
    corpus = insert_sorted(old, new[old.columns.intersection(new.columns)], "file")[old.columns]

    # 3. merge them: the part of the saved merge they can reach, replayed (the re-dated articles' mentions that
    # changed taken out and put in anew; one that did not, with what its chronology row quotes, stays as it was)
    before = {e.event_id: _merged(e) for ex in earlier.values() for e in ex.events if e.date_start is not None}
    kept = {e.event_id for aid in earlier for e in extracts[aid].events if before.get(e.event_id, 0) == _merged(e)}
    added_ms = sorted(
        (
            MergeMention.of(e)
            for aid in sorted(extracts)
            for e in extracts[aid].events
            if e.date_start is not None and e.event_id not in kept
        ),
        key=lambda m: m.skey,
    )
    gone = set(before) - kept
    greedy, dirty = replay(
        kv["clusters"], kv["registry"], added_ms, holders(kv["clusters"], prev.frames()["chronology"], gone)
    )
    old_cids = {c[0] for c in (kv["clusters"].get(f) for f in dirty) if c is not None}

    # 4. their rows in the saved tables; the saved build updated
    tables, cids, adds = patch_tables(
        prev.tables(), corpus, new, extracts, greedy, dirty, old_cids, steps.matcher, set(earlier)
    )
    adds["corpus"] = corpus[corpus.file.isin(set(new.file))]
    update_merge_index(kv, greedy, dirty, cids)
    for k in set(posted) | {k for aid, ex in earlier.items() for k, _ in anchor_postings(ex, True)}:
        mine_k = [x for x in kv["anchors"].get(k) or [] if x[0] not in earlier]
        mine_k += [saved_build.anchor(aid, e) for aid, e in posted.get(k, ())]
        if mine_k:
            kv["anchors"][k] = sorted(mine_k, key=lambda x: order[x[0]])
        else:
            kv["anchors"].pop(k)
    state = dict(rounds=max(prev.state["rounds"], rounds), warnings=warnings, log=saved_build.log_state(log))
    replaced = {n: sorted(earlier) for n in saved_build.GROWING if n not in ("corpus", "removed")}
    replaced["corpus"] = sorted(again.file) if earlier else []
    saved_build.save(p, inputs, tables, corpus, state, kv, prev=prev, adds=adds, replaced=replaced)
    how = f"{len(added)} file(s) added" + (f", {len(earlier)} earlier article(s) re-dated" if earlier else "")
    return Tables(**tables, warnings=warnings, how=f"the saved build patched ({how})")
