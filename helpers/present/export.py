"""``python -m helpers export``: write the contract's tables (see ../shared/CONTRACT.md).

Writes under ``OUT`` (default ``DATA/processed/``): articles.csv, events.csv,
chronology.csv, places.csv, place_mentions.csv, figures.csv, places.geojson,
chronology.timeline.json, plus removed_lines.csv (what normalization removed),
unplaced_places.csv (names found but not placed), undated_events.csv (events no date of the text
fixes, with their evidence) and corrections.csv (the researcher's corrections and what became of
each). Never writes under ``DATA/raw/``.
Output is deterministic: same corpus, same bytes.
"""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

import pandas as pd

from ..build import InputError, build, check_inputs
from ..extract.dates import display_date
from ..tables import Tables, article_refs, place_events, row_quotes
from ..vocabulary import TYPE_LABELS


def export(data_dir=None, out=None, *, progress: bool = False) -> str:
    """Build the tables of ``data_dir`` and write them under ``out``; returns the summary printed."""
    p = check_inputs(data_dir)
    out_dir = Path(out) if out else p.processed
    raw = p.raw.resolve()
    if out_dir.resolve() == raw or raw in out_dir.resolve().parents:
        raise InputError(f"{out_dir}: refusing to write under {p.raw.name}/ (raw data is read-only)")
    t = build(data_dir, progress=progress)
    write_tables(t, out_dir)
    ok = (t.articles.status == "ok").sum()
    skipped = t.articles[t.articles.status != "ok"]
    lines = [
        f"{len(t.articles)} files: {ok} ok, {len(skipped)} skipped or duplicate; "
        f"{len(t.events)} event mentions -> {len(t.chronology)} chronology rows; "
        f"{len(t.places)} places; {len(t.figures)} figures -> {_shown(out_dir)}"
    ]
    lines.append(f"  build: {t.how}")
    for r in skipped.itertuples():
        lines.append(f"  {r.status}: {r.file}: {r.reason}")
    for w in t.warnings:
        lines.append(f"  warning: {w}")
    lines += t.corrections.summary_lines()
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
    """Write every table of ``t`` into ``out_dir`` (CSV, GeoJSON, TimelineJS JSON)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _csv(t.articles, out_dir / "articles.csv")
    _csv(t.events, out_dir / "events.csv")
    _csv(t.chronology, out_dir / "chronology.csv")
    _csv(t.places, out_dir / "places.csv")
    _csv(t.place_mentions, out_dir / "place_mentions.csv")
    _csv(t.figures, out_dir / "figures.csv")
    _csv(t.removed, out_dir / "removed_lines.csv")
    _csv(t.unplaced, out_dir / "unplaced_places.csv")
    if t.undated is not None:
        _csv(t.undated, out_dir / "undated_events.csv")
    _csv(t.corrections.table(), out_dir / "corrections.csv")
    (out_dir / "places.geojson").write_text(
        json.dumps(places_geojson(t), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out_dir / "chronology.timeline.json").write_text(
        json.dumps(timeline_json(t), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def places_geojson(t: Tables) -> dict:
    """places.geojson: one point per place, with its dated events and their quotes."""
    feats = []
    refs = article_refs(t.articles)
    for r in t.places.itertuples():
        props = {k: (None if pd.isna(v) else v) for k, v in r._asdict().items() if k not in ("Index",)}
        props["events"] = place_events(t, r.place_id, refs)
        feats.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(r.longitude, 6), round(r.latitude, 6)]},
                "properties": props,
            }
        )
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
    refs = article_refs(t.articles)
    events = []
    for r in t.chronology.itertuples():
        quotes = [
            f"<blockquote>{html.escape(q['quote'])}</blockquote><p>— {html.escape(q['outlet'])} "
            f"({html.escape(q['source'])})</p>"
            for q in row_quotes(ev, r.event_ids, refs)
        ]
        start = _tl_date(r.date_start, r.precision)
        # the precision in words: "3 janvier 2020", "début janvier 2020", "mars 2020"
        start["display_date"] = display_date(
            date.fromisoformat(r.date_start),
            date.fromisoformat(r.date_end),
            r.precision,
            r.qualifier or "",
            abbreviated=False,
        )
        item = {
            "unique_id": r.chronology_id,
            "start_date": start,
            "text": {
                "headline": html.escape(r.headline or TYPE_LABELS[r.event_type]),
                "text": "".join(quotes) + f"<p><small>{r.n_articles} article(s), {r.n_outlets} média(s) : "
                f"{html.escape(r.outlets)}</small></p>",
            },
            "group": TYPE_LABELS[r.event_type],
            "credit": html.escape(r.outlets),
        }
        if r.date_end != r.date_start:
            item["end_date"] = _tl_date(r.date_end, r.precision)
        events.append(item)
    return {
        "title": {
            "text": {
                "headline": "Le retrait de la coalition d'Irak selon la presse francophone",
                "text": f"{len(events)} événements datés, fusionnés entre articles.",
            }
        },
        "events": events,
    }
