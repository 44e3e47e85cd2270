"""The one way through the pipeline: ``build(data_dir)`` returns every table of a corpus.

Used alike by ``python -m helpers export``, the notebooks and the report. The stages, in order:
``read`` (the article files, normalized), ``extract`` (one article at a time: dates, places,
events, figures), ``across`` (reasoning across articles: dating rounds, then the merge into
the chronology), ``store`` (per-article caches and the saved build) and ``tables``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import config
from .across.dating import ConstraintLog, PubMemo, corpus_constraints, settle_dates
from .across.merge import cluster, merge_events, merge_mentions
from .corrections import Corrections
from .extract.article import ArticleExtract, extract_article
from .extract.places import PlaceMatcher
from .extract.published import infer_publication_dates
from .read.corpus import articles_table, load_corpus, removed_table
from .tables import Tables, events_table, figures_table, places_tables, undated_table, unplaced_table


class InputError(Exception):
    """The build could not run at all (the message names the file and what is wrong)."""


@dataclass
class Build:
    articles: pd.DataFrame
    extracts: dict[str, ArticleExtract]
    matcher: PlaceMatcher
    warnings: list[str] = field(default_factory=list)
    rounds: int = 0
    local: pd.DataFrame | None = None  # publication dates from each article's own text
    log: ConstraintLog | None = None
    corrections: Corrections = field(default_factory=lambda: Corrections([], []))


def check_inputs(data_dir) -> config.Paths:
    p = config.paths(data_dir)
    if not p.data_dir.is_dir():
        raise InputError(f"{p.data_dir}: no such data folder")
    if not p.articles.is_dir():
        raise InputError(f"{p.articles}: no articles folder (expected DATA/raw/articles/)")
    for name in ("outlets.csv", "coalition_sites.csv", "geonames_iraq_populated_places.tsv", "stopwords_fr.txt"):
        if not (p.reference / name).is_file():
            raise InputError(f"{p.reference / name}: reference file missing")
    return p


def build(data_dir=None, *, progress: bool = False, use_ner: bool = True, warm: bool = True) -> Tables:
    """Run the extraction and return every table (what the notebooks use).

    With ``warm`` (the default), the previous run's saved results are reused and patched when
    the corpus only gained articles (see :mod:`helpers.store.incremental`); the tables are the same."""
    from .store import incremental

    p = check_inputs(data_dir)
    corrections = Corrections.read(p.corrections)
    if warm and use_ner and not corrections.fingerprint:  # a saved build knows nothing of corrections
        t = incremental.warm_tables(data_dir, Tables)
        if t is not None:
            mark_corrected(t, corrections)
            return t
    b = extract_corpus(data_dir, progress=progress, use_ner=use_ner, corrections=corrections)
    greedy = cluster(merge_mentions(b))
    corrections.apply_links(greedy, dict(zip(b.articles.file, b.articles.article_id)), b.extracts)
    chrono = merge_events(b, greedy)
    places, place_mentions = places_tables(b, chrono)
    t = Tables(
        articles=articles_table(b.articles),
        events=events_table(b),
        chronology=chrono,
        places=places,
        place_mentions=place_mentions,
        figures=figures_table(b),
        removed=removed_table(b.articles),
        unplaced=unplaced_table(b),
        build=b,
        undated=undated_table(b),
    )
    mark_corrected(t, corrections)
    if use_ner and not corrections.fingerprint:
        incremental.save(p, t, greedy)
    return t


def mark_corrected(t: Tables, corrections: Corrections) -> None:
    """``corrected`` and ``correction`` (the reasons) on every table a researcher's correction touched."""

    def mark(df: pd.DataFrame, kind: str, keys) -> None:
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


def extract_corpus(
    data_dir=None, *, use_ner: bool = True, progress: bool = False, corrections: Corrections | None = None
) -> Build:
    """Run the whole extraction on ``data_dir`` (default: the repository's data/), with the researcher's
    corrections applied to each article's extraction (see :mod:`helpers.corrections`)."""
    p = config.paths(data_dir)
    corrections = corrections if corrections is not None else Corrections.read(p.corrections)
    corrections.begin()
    overrides = {f: {k: v for k, (v, _) in fields.items()} for f, fields in corrections.article_overrides().items()}
    articles = load_corpus(data_dir, infer_dates=True, overrides=overrides)
    corrections.apply_articles(articles)
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
    from .store.cache import ExtractCache

    cache = ExtractCache(p, enabled=True)

    def extract(r) -> ArticleExtract:
        ex = cache.get_or_make(r, lambda: extract_article(r, matcher, use_ner))
        return corrections.apply_extract(r.file, r.text, ex)

    extracts = {r.article_id: extract(r) for r in iterator}
    corrections.orphan_missing_files(set(ok.file))
    memo = PubMemo(p)
    log = ConstraintLog()
    articles, rounds = settle_dates(
        local, articles, extracts, lambda a, ex: corpus_constraints(a, ex, log), extract, memo, log
    )
    memo.save()
    return Build(articles, extracts, matcher, warnings_, rounds, local=local, log=log, corrections=corrections)
