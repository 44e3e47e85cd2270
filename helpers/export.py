"""``python -m helpers export``: write the contract's tables (see ../shared/CONTRACT.md).

Writes under ``OUT`` (default ``DATA/processed/``): articles.csv, events.csv,
chronology.csv, places.csv, place_mentions.csv, figures.csv, places.geojson,
chronology.timeline.json, plus removed_lines.csv (what normalization removed) and
unplaced_places.csv (names found but not placed). Never writes under ``DATA/raw/``.
Output is deterministic: same corpus, same bytes.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from . import config
from .corpus import articles_table, removed_table
from .dates import display_date
from .pipeline import (Build, TYPE_LABELS, build, cluster, events_table, figures_table, merge_events,
                       merge_mentions, places_tables, unplaced_table)


class ExportError(Exception):
    """The export could not run at all (the message names the file and what is wrong)."""


@dataclass
class Tables:
    articles: pd.DataFrame
    events: pd.DataFrame
    chronology: pd.DataFrame
    places: pd.DataFrame
    place_mentions: pd.DataFrame
    figures: pd.DataFrame
    removed: pd.DataFrame
    unplaced: pd.DataFrame
    build: Build

    @property
    def warnings(self) -> list[str]:
        return self.build.warnings


def check_inputs(data_dir) -> config.Paths:
    p = config.paths(data_dir)
    if not p.data_dir.is_dir():
        raise ExportError(f"{p.data_dir}: no such data folder")
    if not p.articles.is_dir():
        raise ExportError(f"{p.articles}: no articles folder (expected DATA/raw/articles/)")
    for name in ("outlets.csv", "coalition_sites.csv", "geonames_iraq_populated_places.tsv"):
        if not (p.reference / name).is_file():
            raise ExportError(f"{p.reference / name}: reference file missing")
    return p


def make_tables(data_dir=None, *, progress: bool = False, use_ner: bool = True, warm: bool = True) -> Tables:
    """Run the extraction and return every table (what the notebooks use).

    With ``warm`` (the default), the previous run's saved results are reused and patched when
    the corpus only gained articles (see :mod:`helpers.incremental`); the tables are the same."""
    from . import incremental

    p = check_inputs(data_dir)
    if warm and use_ner:
        t = incremental.warm_tables(data_dir, Tables)
        if t is not None:
            return t
    b = build(data_dir, progress=progress, use_ner=use_ner)
    greedy = cluster(merge_mentions(b))
    chrono = merge_events(b, greedy)
    places, place_mentions = places_tables(b, chrono)
    t = Tables(
        articles=articles_table(b.articles), events=events_table(b), chronology=chrono, places=places,
        place_mentions=place_mentions, figures=figures_table(b), removed=removed_table(b.articles),
        unplaced=unplaced_table(b), build=b,
    )
    if use_ner:
        incremental.save(p, t, greedy)
    return t


def export(data_dir=None, out=None, *, progress: bool = False) -> str:
    p = check_inputs(data_dir)
    out_dir = Path(out) if out else p.processed
    raw = p.raw.resolve()
    if out_dir.resolve() == raw or raw in out_dir.resolve().parents:
        raise ExportError(f"{out_dir}: refusing to write under {p.raw.name}/ (raw data is read-only)")
    t = make_tables(data_dir, progress=progress)
    write_tables(t, out_dir)
    ok = (t.articles.status == "ok").sum()
    skipped = t.articles[t.articles.status != "ok"]
    lines = [f"{len(t.articles)} files: {ok} ok, {len(skipped)} skipped or duplicate; "
             f"{len(t.events)} event mentions -> {len(t.chronology)} chronology rows; "
             f"{len(t.places)} places; {len(t.figures)} figures -> {_shown(out_dir)}"]
    from .incremental import LAST

    how = {"patched": f"the saved build patched ({LAST['reason']})", "unchanged": "nothing changed since the saved build",
           "full": f"full build ({LAST['reason']})"}.get(LAST["mode"], "full build")
    lines.append(f"  build: {how}")
    for r in skipped.itertuples():
        lines.append(f"  {r.status}: {r.file}: {r.reason}")
    for w in t.warnings:
        lines.append(f"  warning: {w}")
    return "\n".join(lines)


def _shown(path: Path) -> str:
    """A path as the user typed it, relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.6f")


def write_tables(t: Tables, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    _csv(t.articles, out_dir / "articles.csv")
    _csv(t.events, out_dir / "events.csv")
    _csv(t.chronology, out_dir / "chronology.csv")
    _csv(t.places, out_dir / "places.csv")
    _csv(t.place_mentions, out_dir / "place_mentions.csv")
    _csv(t.figures, out_dir / "figures.csv")
    _csv(t.removed, out_dir / "removed_lines.csv")
    _csv(t.unplaced, out_dir / "unplaced_places.csv")
    (out_dir / "places.geojson").write_text(json.dumps(places_geojson(t), ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    (out_dir / "chronology.timeline.json").write_text(
        json.dumps(timeline_json(t), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def row_quotes(events_by_id: pd.DataFrame, event_ids: str) -> list[dict]:
    """The mentions a chronology row merges: outlet, article and the verbatim sentence of each."""
    out = []
    for eid in event_ids.split(";"):
        if eid in events_by_id.index:
            e = events_by_id.loc[eid]
            out.append({"outlet": e.outlet or "(outlet unknown)", "article_id": e.article_id, "quote": e.evidence})
    return out


def place_events(t: Tables, place_id: str) -> list[dict]:
    """The chronology rows at one place, each with its outlets and one quote per article."""
    ev = t.events.set_index("event_id")
    rows = t.chronology[t.chronology.place_ids.str.split(";").apply(lambda ids: place_id in ids)]
    out = []
    for r in rows.itertuples():
        quotes = row_quotes(ev, r.event_ids)
        out.append({"date": r.display_date, "date_start": r.date_start, "date_end": r.date_end,
                    "precision": r.precision, "event_type": r.event_type, "label": TYPE_LABELS[r.event_type],
                    "outlets": r.outlets, "quotes": quotes})
    return out


def places_geojson(t: Tables) -> dict:
    feats = []
    for r in t.places.itertuples():
        props = {k: (None if pd.isna(v) else v) for k, v in r._asdict().items() if k not in ("Index",)}
        props["events"] = place_events(t, r.place_id)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(r.longitude, 6),
                                                                                       round(r.latitude, 6)]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _tl_date(iso: str, precision: str) -> dict:
    y, m, d = (int(x) for x in iso.split("-"))
    out = {"year": y}
    if precision in ("day", "week", "month", "season"):
        out["month"] = m
    if precision in ("day", "week"):
        out["day"] = d
    return out


def timeline_json(t: Tables) -> dict:
    """TimelineJS 3 JSON; every text from an article is HTML-escaped."""
    ev = t.events.set_index("event_id")
    events = []
    for r in t.chronology.itertuples():
        quotes = [f"<blockquote>{html.escape(q['quote'])}</blockquote><p>— {html.escape(q['outlet'])}</p>"
                  for q in row_quotes(ev, r.event_ids)]
        start = _tl_date(r.date_start, r.precision)
        # the precision in words: "3 janvier 2020", "début janvier 2020", "mars 2020"
        start["display_date"] = display_date(date.fromisoformat(r.date_start), date.fromisoformat(r.date_end),
                                             r.precision, r.qualifier or "", abbreviated=False)
        item = {
            "unique_id": r.chronology_id,
            "start_date": start,
            "text": {"headline": html.escape(TYPE_LABELS[r.event_type]),
                     "text": "".join(quotes) + f"<p><small>{r.n_articles} article(s), {r.n_outlets} outlet(s): "
                                               f"{html.escape(r.outlets)}</small></p>"},
            "group": TYPE_LABELS[r.event_type],
            "credit": html.escape(r.outlets),
        }
        if r.date_end != r.date_start:
            item["end_date"] = _tl_date(r.date_end, r.precision)
        events.append(item)
    return {"title": {"text": {"headline": "Le retrait de la coalition d'Irak selon la presse francophone",
                               "text": f"{len(events)} événements datés, fusionnés entre articles."}},
            "events": events}
