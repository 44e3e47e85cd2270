"""The contract's tables (see data/README.md) from a build's results, and what they quote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from .across.merge import CHRONO_ORDER, chronology_row
from .config import Paths
from .corrections import Corrections
from .extract.places import PlaceMatcher
from .read import sources
from .read.corpus import articles_table, removed_table
from .store.saved import insert_sorted, rows_where
from .text import sentence_at
from .vocabulary import SITE_KINDS, SITE_STATUS, SITE_STATUS_ORDER, TYPE_LABELS


@dataclass
class Tables:
    """Every table of one build (what ``python -m helpers export`` writes and the notebooks read)."""

    articles: pd.DataFrame
    events: pd.DataFrame
    chronology: pd.DataFrame
    places: pd.DataFrame
    place_mentions: pd.DataFrame
    figures: pd.DataFrame
    removed: pd.DataFrame
    unplaced: pd.DataFrame
    undated: pd.DataFrame | None = None  # events no date of the text fixes (undated_events.csv)
    warnings: list[str] = field(default_factory=list)  # problems with the input, one line each
    corrections: Corrections = field(default_factory=lambda: Corrections([], []))  # and what became of each
    paths: Paths | None = None  # the data folder it was built from (its reference layers draw the maps)
    how: str = ""  # how the build ran: "full build (why)", "the saved build patched (…)", "nothing changed…"


EVENT_COLUMNS = [
    "event_id",
    "article_id",
    "event_type",
    "date_start",
    "date_end",
    "precision",
    "date_text",
    "place_ids",
    "actors",
    "evidence",
    "date_basis",
    "qualifier",
    "outlet",
    "clause",
    "headline",
    "agent",
    "target",
    "modality",
    "predicate",
    "evidence_all",
]


def events_table(articles: pd.DataFrame, extracts: dict) -> pd.DataFrame:
    """events.csv: one row per dated event mention, by article."""
    return TableRows.of(articles, extracts).frame("events")


def event_row(aid: str, e, outlet: str) -> tuple:
    """An event mention's row of events.csv (in :data:`EVENT_COLUMNS` order)."""
    return (
        e.event_id,
        aid,
        e.event_type,
        e.date_start.isoformat(),
        e.date_end.isoformat(),
        e.precision,
        e.date_text,
        ";".join(e.place_ids),
        "; ".join(e.actors),
        e.evidence,
        e.date_basis,
        e.qualifier,
        outlet,
        e.clause,
        e.headline,
        ";".join(e.agent),
        ";".join(e.target),
        e.modality,
        e.predicate,
        " | ".join([e.evidence] + [t for _, t in e.also]),
    )


PLACE_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "latitude",
    "longitude",
    "source",
    "n_mentions",
    "article_ids",
    "status",
    "status_date",
    "status_text",
    "n_events",
    "event_summary",
]


def places_tables(matcher: PlaceMatcher, extracts: dict, chronology: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """places.csv (places mentioned, with coordinates and site status) and place_mentions.csv."""
    mentions = place_mentions_table(extracts)
    return places_table(matcher, mentions, chronology), mentions


def places_table(matcher: PlaceMatcher, mentions: pd.DataFrame, chronology: pd.DataFrame) -> pd.DataFrame:
    """places.csv from place_mentions.csv (``mentions``) and the chronology."""
    return pd.DataFrame(place_rows(matcher, mentions, chronology), columns=PLACE_COLUMNS)


MENTION_COLUMNS = ["article_id", "place_id", "surface", "evidence", "context"]


def place_mentions_table(extracts: dict) -> pd.DataFrame:
    """place_mentions.csv: every place named, with its sentence."""
    return TableRows.of(None, extracts).frame("place_mentions")


def mention_rows(aid: str, ex) -> list[tuple]:
    """An article's rows of place_mentions.csv (in :data:`MENTION_COLUMNS` order)."""
    rows = []
    for m in ex.mentions:
        sent = sentence_at(ex.sentences, m.start)
        rows.append((aid, m.place_id, m.surface, sent.text if sent else "", m.context))
    return rows


def place_rows(
    matcher: PlaceMatcher, mentions: pd.DataFrame, chronology: pd.DataFrame, only: set[str] | None = None
) -> list[dict]:
    """The rows of places.csv (of the places in ``only``, when given), in place_id order."""
    mentions = mentions[["place_id", "article_id"]]  # what is read of them: filters and groups copy no sentence
    chronology = chronology[PLACE_READS]
    if only is not None:
        mentions = mentions[mentions.place_id.isin(only)]
    g = matcher.gaz
    at_place: dict[str, list[int]] = {}
    for i, ids in enumerate(chronology.place_ids.tolist()):
        for pid in ids.split(";") if ids else ():
            if only is None or pid in only:
                at_place.setdefault(pid, []).append(i)
    out = []
    for pid, grp in mentions.groupby("place_id", sort=True):
        r = g.loc[pid]
        rows_here = chronology.iloc[at_place.get(pid, [])]
        status = (
            site_status(pid, rows_here)
            if r["kind"] in SITE_KINDS
            else dict(status="", status_date="", status_text="", n_events=len(rows_here), event_summary="")
        )
        out.append(
            dict(
                place_id=pid,
                name=r["name"],
                kind=r["kind"],
                latitude=float(r["latitude"]),
                longitude=float(r["longitude"]),
                source=r["source"],
                n_mentions=len(grp),
                article_ids=";".join(sorted(set(grp.article_id.tolist()))),
                **status,
            )
        )
    return out


PLACE_READS = ["place_ids", "date_start", "date_end", "display_date", "event_type", "outlets", "mention_types"]
# the chronology's columns that places.csv reads (see site_status)


def site_status(pid: str, rows: pd.DataFrame) -> dict:
    """The latest known status of a site from the chronology rows at it."""
    n = len(rows)
    summary = " | ".join(
        f"{d}: {TYPE_LABELS[t]} ({o})"
        for d, t, o in zip(rows.display_date.tolist(), rows.event_type.tolist(), rows.outlets.tolist())
    )
    # the most specific status any merged mention gives ("retirées … et ont livré la base": handover)
    kinds = pd.Series("", index=rows.index, dtype=object)
    for t in reversed(SITE_STATUS_ORDER):  # the first in SITE_STATUS_ORDER wins
        kinds = kinds.mask(rows.mention_types.str.contains(rf"(?:^|;){t}(?:;|$)", regex=True), t)
    st = rows.assign(status=kinds.astype(str))
    st = st[st.status != ""]
    if st.empty:
        return dict(status="mentioned", status_date="", status_text="", n_events=n, event_summary=summary)
    st = st.assign(o=st.status.map(SITE_STATUS_ORDER.index)).sort_values(["date_end", "o"], ascending=[True, False])
    last = st.iloc[-1]
    text = f"{SITE_STATUS[last.status]} ({last.display_date}), selon {last.outlets}"
    return dict(status=last.status, status_date=last.date_start, status_text=text, n_events=n, event_summary=summary)


FIGURE_COLUMNS = [
    "figure_id",
    "article_id",
    "kind",
    "party",
    "count_best",
    "count_low",
    "count_high",
    "approximate",
    "unit",
    "refers_to",
    "refers_precision",
    "evidence",
    "refers_end",
    "refers_basis",
    "planned",
    "surface",
    "outlet",
    "measure",
    "part_of",
    "scope",
    "party_basis",
    "measure_basis",
    "event_id",
]


def figures_table(extracts: dict) -> pd.DataFrame:
    """figures.csv: every number with its unit, party, kind and the date it describes."""
    return TableRows.of(None, extracts).frame("figures")


UNDATED_COLUMNS = [
    "event_id",
    "article_id",
    "event_type",
    "modality",
    "headline",
    "agent",
    "target",
    "place_ids",
    "actors",
    "evidence",
    "outlet",
    "evidence_all",
]


def undated_table(articles: pd.DataFrame, extracts: dict) -> pd.DataFrame:
    """Events whose date no word of the text fixes: kept with their evidence, apart from the chronology."""
    return TableRows.of(articles, extracts).frame("undated")


def undated_row(aid: str, e, outlet: str) -> tuple:
    """An undated event mention's row of undated_events.csv (in :data:`UNDATED_COLUMNS` order)."""
    return (
        e.event_id,
        aid,
        e.event_type,
        e.modality,
        e.headline,
        ";".join(e.agent),
        ";".join(e.target),
        ";".join(e.place_ids),
        "; ".join(e.actors),
        e.evidence,
        outlet,
        " | ".join([e.evidence] + [t for _, t in e.also]),
    )


def unplaced_table(extracts: dict) -> pd.DataFrame:
    """unplaced_places.csv: names found but not placed."""
    return TableRows.of(None, extracts).frame("unplaced")


UNPLACED_COLUMNS = ["article_id", "name", "how", "evidence"]


TABLE_COLUMNS = {
    "events": EVENT_COLUMNS,
    "undated": UNDATED_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "place_mentions": MENTION_COLUMNS,
    "unplaced": UNPLACED_COLUMNS,
}


class TableRows:
    """The rows of the per-article tables (events, undated events, figures, place mentions, unplaced
    names), gathered one article at a time, in article id order: what an article gives is kept as
    rows, so that its extraction need not be kept (a build reads each from the result store in turn).

    :meth:`part` turns the rows gathered so far into frames (compact: texts in Arrow, not Python
    objects); a table is their concatenation when every part read each column as the same type, which
    is then the type the whole would have been read as. Otherwise (a column of counts all missing in a
    part, say) the table is made from all its rows at once, gathered again by ``again()`` (an iterable
    of (article id, extraction, outlet), in order), so the tables never depend on where parts end."""

    def __init__(self, again=None) -> None:
        self.rows: dict[str, list] = {n: [] for n in TABLE_COLUMNS}
        self.parts: dict[str, list[pd.DataFrame]] = {n: [] for n in TABLE_COLUMNS}
        self.again = again

    @classmethod
    def of(cls, articles: pd.DataFrame | None, extracts: dict) -> TableRows:
        """The rows of ``extracts`` (article id -> extraction; ``articles`` gives their outlets)."""
        outlets = dict(zip(articles.article_id, articles.outlet)) if articles is not None else {}
        out = cls()
        for aid in sorted(extracts):
            out.add(aid, extracts[aid], outlets.get(aid, ""))
        return out

    def add(self, aid: str, ex, outlet: str) -> None:
        """One article's rows (``ex``: its extraction; articles must come in article id order)."""
        for e in ex.events:
            if e.date_start is None:
                self.rows["undated"].append(undated_row(aid, e, outlet))
            else:
                self.rows["events"].append(event_row(aid, e, outlet))
        self.rows["figures"] += ex.figures
        self.rows["place_mentions"] += mention_rows(aid, ex)
        self.rows["unplaced"] += ex.unplaced

    def part(self) -> None:
        """The rows gathered since the last part, as frames (the rows are let go)."""
        for name, rows in self.rows.items():
            if rows:
                self.parts[name].append(pd.DataFrame(rows, columns=TABLE_COLUMNS[name]))
            self.rows[name] = []

    def frame(self, name: str) -> pd.DataFrame:
        """One table (its parts are let go)."""
        if self.rows[name]:
            self.parts[name].append(pd.DataFrame(self.rows[name], columns=TABLE_COLUMNS[name]))
            self.rows[name] = []
        parts, self.parts[name] = self.parts[name], []
        if not parts:
            df = pd.DataFrame([], columns=TABLE_COLUMNS[name])
        elif len(parts) == 1:
            df = parts[0]
        elif all(p.dtypes.equals(parts[0].dtypes) for p in parts):
            df = pd.concat(parts, ignore_index=True)
        else:  # a column read as another type in some part: the whole table from all its rows at once
            del parts
            whole = TableRows()
            for aid, ex, outlet in self.again():
                whole.add(aid, ex, outlet)
            df = pd.DataFrame(whole.rows[name], columns=TABLE_COLUMNS[name])
        if name == "figures":
            for c in ("count_best", "count_low", "count_high"):
                df[c] = df[c].astype("Int64")
        if name == "unplaced":
            df = df.drop_duplicates()
        return df


def article_refs(articles: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """article_id → (name, reference): the outlet (else the title or file, never the hash) and the
    address or file (see :mod:`helpers.read.sources`)."""
    names = sources.names(articles)
    return {
        r["article_id"]: (names[r["article_id"]], sources.reference(r))
        for r in articles.to_dict("records")
        if r["article_id"]
    }


def event_quotes(events: pd.DataFrame) -> dict[str, tuple]:
    """event_id -> (article_id, outlet, evidence) of every event mention, in one pass over the events table
    (what :func:`row_quotes` looks up)."""
    return {eid: (a, o, e) for eid, a, o, e in zip(events.event_id, events.article_id, events.outlet, events.evidence)}


def row_quotes(quotes: dict[str, tuple], event_ids: str, refs: dict | None = None) -> list[dict]:
    """The mentions a chronology row merges: outlet (see :func:`article_refs`), article, its reference
    (address or file) and the verbatim sentence of each (``quotes``: :func:`event_quotes`)."""
    out = []
    for eid in event_ids.split(";"):
        q = quotes.get(eid)
        if q is not None:
            aid, outlet, evidence = q
            name, ref = (refs or {}).get(aid, (outlet or "(média inconnu)", ""))
            out.append({"outlet": name, "article_id": aid, "source": ref, "quote": evidence})
    return out


class PlaceEvents:
    """What :func:`place_events` reads, indexed once for all places: each place's chronology rows (in the
    chronology's order), every mention's quote and the articles' references."""

    def __init__(self, t: Tables, refs: dict | None = None):
        self.refs = refs if refs is not None else article_refs(t.articles)
        self.quotes = event_quotes(t.events)
        self.rows = list(t.chronology.itertuples())
        self.at: dict[str, list[int]] = {}
        for i, ids in enumerate(t.chronology.place_ids):
            for pid in dict.fromkeys(ids.split(";")):
                self.at.setdefault(pid, []).append(i)


def place_events(t: Tables, place_id: str, refs: dict | None = None, index: PlaceEvents | None = None) -> list[dict]:
    """The chronology rows at one place, each with its outlets, what happened and one quote per article
    (``index``: the tables indexed once, when several places are asked for)."""
    index = index if index is not None else PlaceEvents(t, refs)
    refs = refs if refs is not None else index.refs
    out = []
    for i in index.at.get(place_id, ()):
        r = index.rows[i]
        quotes = row_quotes(index.quotes, r.event_ids, refs)
        out.append(
            {
                "date": r.display_date,
                "date_start": r.date_start,
                "date_end": r.date_end,
                "precision": r.precision,
                "event_type": r.event_type,
                "label": TYPE_LABELS[r.event_type],
                "headline": getattr(r, "headline", "") or "",
                "summary": r.summary,
                "outlets": r.outlets,
                "n_outlets": r.n_outlets,
                "quotes": quotes,
                "correction": getattr(r, "correction", "") or "",
            }
        )
    return out


def patch_tables(
    t: dict,
    corpus: pd.DataFrame,
    new: pd.DataFrame,
    extracts: dict,
    g,
    dirty: set,
    old_cids: set,
    matcher,
    redone: set = frozenset(),
) -> tuple[dict, dict, dict]:
    """The tables ``t`` of a saved build patched: the rows of the added files (``new``; ``extracts``,
    the extractions of those that are articles, and of the earlier articles ``redone``, re-dated, whose
    rows they replace; ``corpus``, the whole corpus with them) put in place, and the chronology rows of
    the clusters the merge replay changed (``dirty``, whose previous rows were ``old_cids``) rebuilt,
    with the places they touch. Returns the tables, the new chronology ids of the dirty clusters and
    the rows added."""
    added = corpus[corpus.article_id.isin(extracts)]

    adds = dict(
        events=events_table(added, extracts),
        figures=figures_table(extracts),
        place_mentions=place_mentions_table(extracts),
        unplaced=unplaced_table(extracts),
        removed=removed_table(new[~new.file.isin(set(corpus.file[corpus.article_id.isin(redone)]))]),  # the same
        undated=undated_table(added, extracts),
    )
    kept = {n: rows_where(t[n], ~t[n].article_id.isin(redone)) if redone and n != "removed" else t[n] for n in adds}
    events, figures, mentions, unplaced, removed, undated = (
        insert_sorted(kept[n], adds[n], "file" if n == "removed" else "article_id")
        for n in ("events", "figures", "place_mentions", "unplaced", "removed", "undated")
    )
    # chronology: rows of clean clusters kept, rows of dirty ones rebuilt
    dropped = t["chronology"].chronology_id.isin(old_cids)
    need = [m.eid for f in dirty if f in g.clusters for m in g.clusters[f].members]
    quoted = events[["event_id", "clause", "place_ids", "headline", "event_type"]]
    sub = quoted[quoted.event_id.isin(set(need))]  # their rows only (no index over every event)
    cols = [sub[c].tolist() for c in quoted.columns]
    found = {eid: _Quote(eid, *rest) for eid, *rest in zip(*cols)}
    quotes = {eid: found[eid] for eid in need}
    outlets = sources.names(corpus)
    rows = [chronology_row(g.clusters[f], outlets, quotes) for f in sorted(dirty) if f in g.clusters]
    cids = {f: r["chronology_id"] for f, r in zip(sorted(f for f in dirty if f in g.clusters), rows)}
    keep = rows_where(t["chronology"], ~dropped)  # in the chronology's order: the new rows are put in place
    chrono = insert_sorted(keep, pd.DataFrame(rows, columns=keep.columns).astype(keep.dtypes.to_dict()), CHRONO_ORDER)
    # places whose mentions or chronology rows changed
    touched = set(mentions.place_id[mentions.article_id.isin(set(extracts))])
    if redone:  # the places a re-dated article named before
        touched.update(t["place_mentions"].place_id[t["place_mentions"].article_id.isin(redone)])
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


class _Quote(NamedTuple):
    """What a chronology row quotes of a saved event mention (see :func:`helpers.across.merge.chronology_row`)."""

    event_id: str
    clause: str
    place_ids_text: str
    headline: str = ""
    event_type: str = ""

    @property
    def place_ids(self) -> list[str]:
        """The place ids, as a list."""
        return [x for x in self.place_ids_text.split(";") if x]
