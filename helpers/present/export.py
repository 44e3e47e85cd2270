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

import errno
import glob
import html
import json
import os
import shutil
from datetime import date
from pathlib import Path

import pandas as pd

from ..build import InputError, build, check_inputs
from ..extract.dates import display_date
from ..read.files import printable
from ..tables import PlaceEvents, Tables, article_refs, event_quotes, place_events, row_quotes
from ..vocabulary import TYPE_LABELS
from .cells import write_csv


def export(data_dir=None, out=None, *, progress: bool = False, jobs: int | None = None) -> str:
    """Build the tables of ``data_dir`` and write them under ``out`` (articles read and extracted in ``jobs``
    processes, default one per core); returns the summary printed."""
    p = check_inputs(data_dir)
    out_dir = Path(out) if out else p.processed
    raw = p.raw.resolve()
    if out_dir.resolve() == raw or raw in out_dir.resolve().parents:
        raise InputError(f"{out_dir}: refusing to write under {p.raw.name}/ (raw data is read-only)")
    staging = Staging(out_dir)  # a folder that cannot be written is said now, before the extraction
    try:
        t = build(data_dir, progress=progress, jobs=jobs)
    except BaseException:
        staging.discard()
        raise
    write_tables(t, out_dir, staging)
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
    return "\n".join(printable(line) for line in lines)  # names and cells from the data: no terminal escapes


def _shown(path: Path) -> str:
    """A path as the user typed it, relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _csv(df: pd.DataFrame, path: Path) -> None:
    try:
        write_csv(df, path)  # text a spreadsheet would evaluate is neutralized (see cells.py)
    except OSError as exc:  # the file it could not write, named
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None


KNOWN_OUTPUTS = {  # what write_tables writes (a folder holding only these, or what it wrote last, is replaced)
    "articles.csv", "events.csv", "chronology.csv", "places.csv", "place_mentions.csv", "figures.csv",
    "removed_lines.csv", "unplaced_places.csv", "undated_events.csv", "corrections.csv", "places.geojson",
    "chronology.timeline.json",
}  # fmt: skip
MANIFEST = ".tables"  # in the output folder: the names the last export wrote there


class Staging:
    """The temporary folder the tables are written into, next to the output folder, then moved into place
    in one step: a reader (or a kill) never sees a mix of old and new tables. Made before the build, so a
    folder that cannot be written (read-only, full, not a folder) is said in one line before the extraction."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.parent = out_dir.parent
        self.folder = self.parent / f".{out_dir.name}.new-{os.getpid()}"
        foreign = self._foreign()
        if foreign:
            shown = ", ".join(sorted(foreign)[:5]) + (", …" if len(foreign) > 5 else "")
            raise InputError(
                f"{out_dir}: holds files the export did not write ({shown}); the tables replace the whole "
                "folder: choose an empty folder or the export's own (default DATA/processed/)"
            )
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
            self._sweep()
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir()
            probe = self.folder / MANIFEST
            with probe.open("wb") as fh:  # room for at least a small table: a full disk is said now
                fh.write(b"\0" * 65536)
                fh.flush()
                os.fsync(fh.fileno())
            probe.unlink()
        except OSError as exc:
            self.discard()
            raise InputError(f"{self.out_dir}: cannot write the tables there ({exc.strerror or exc})") from None

    def _foreign(self) -> set[str]:
        """The entries of the output folder that are not tables an export wrote."""
        if not self.out_dir.exists():
            return set()
        if not self.out_dir.is_dir() or self.out_dir.is_symlink():
            return {self.out_dir.name}
        try:
            names = {e.name for e in os.scandir(self.out_dir)}
            written = set((self.out_dir / MANIFEST).read_text(encoding="utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            written = set()
        return names - KNOWN_OUTPUTS - written - {MANIFEST, ""}

    def _sweep(self) -> None:
        """Remove what an interrupted export left next to the output folder (its process is gone)."""
        name = glob.escape(self.out_dir.name)
        for d in [*self.parent.glob(f".{name}.new-*"), *self.parent.glob(f".{name}.old-*")]:
            pid = d.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(d, ignore_errors=True)

    def commit(self) -> None:
        """Put the written tables in place of the output folder's, in one rename."""
        names = sorted(p.name for p in self.folder.iterdir())
        (self.folder / MANIFEST).write_text("\n".join(names) + "\n", encoding="utf-8")
        old = self.parent / f".{self.out_dir.name}.old-{os.getpid()}"
        for _ in range(5):  # another export may be swapping the same folder: retry
            try:
                if self.out_dir.exists():
                    os.rename(self.out_dir, old)
                os.rename(self.folder, self.out_dir)
                break
            except FileNotFoundError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
        else:
            raise InputError(f"{self.out_dir}: another export kept replacing it; the tables are in {self.folder}")
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the temporary folder (the previous tables stay as they were)."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def write_tables(t: Tables, out_dir: Path, staging: Staging | None = None) -> None:
    """Write every table of ``t`` into ``out_dir`` (CSV, GeoJSON, TimelineJS JSON), all at once: written in
    a temporary folder (``staging``, made now when not given), then moved into place together. Raises
    :class:`InputError` (one line naming the path) when they cannot be written; the old tables then stay."""
    staging = staging or Staging(out_dir)
    try:
        _write_all(t, staging.folder)
        staging.commit()
    except OSError as exc:
        staging.discard()
        where = out_dir / Path(exc.filename).name if exc.filename and exc.filename != str(staging.folder) else out_dir
        raise InputError(
            f"{where}: cannot write the tables ({exc.strerror or exc}); {out_dir} is left as it was"
        ) from None
    except BaseException:
        staging.discard()
        raise


def _write_all(t: Tables, out_dir: Path) -> None:
    """Every table of ``t`` into the (temporary) folder ``out_dir``."""
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
    _json(out_dir / "places.geojson", {"type": "FeatureCollection"}, "features", _place_features(t))
    _json(out_dir / "chronology.timeline.json", _timeline_head(len(t.chronology)), "events", _timeline_events(t))


def _json(path: Path, head: dict, key: str, items) -> None:
    """``head`` with the list ``items`` as its last member ``key``, written as ``json.dumps(…, ensure_ascii=False,
    indent=1)`` writes it, one item at a time: neither the whole text nor every item is held at once."""
    text = json.dumps({**head, key: []}, ensure_ascii=False, indent=1)  # ends with the empty list: "[]\n}"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text[: -len("[]\n}")])
        sep = "[\n"
        for item in items:  # one level deeper than the list: two more spaces on each line (JSON has no raw line break)
            lines = json.dumps(item, ensure_ascii=False, indent=1).split("\n")
            f.write(sep + "\n".join("  " + line for line in lines))
            sep = ",\n"
        f.write("[]\n}\n" if sep == "[\n" else "\n ]\n}\n")


def places_geojson(t: Tables) -> dict:
    """places.geojson: one point per place, with its dated events and their quotes."""
    return {"type": "FeatureCollection", "features": list(_place_features(t))}


def _place_features(t: Tables):
    """places.geojson's features, one at a time."""
    index = PlaceEvents(t)
    for r in t.places.itertuples():
        props = {k: (None if pd.isna(v) else v) for k, v in r._asdict().items() if k not in ("Index",)}
        props["events"] = place_events(t, r.place_id, index=index)
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(r.longitude, 6), round(r.latitude, 6)]},
            "properties": props,
        }


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
    return _timeline_head(len(t.chronology)) | {"events": list(_timeline_events(t))}


def _timeline_head(n: int) -> dict:
    """The timeline's title (``n``: its events)."""
    return {
        "title": {
            "text": {
                "headline": "Le retrait de la coalition d'Irak selon la presse francophone",
                "text": f"{n} événements datés, fusionnés entre articles.",
            }
        }
    }


def _timeline_events(t: Tables):
    """The timeline's events (one per chronology row), one at a time."""
    ev = event_quotes(t.events)
    refs = article_refs(t.articles)
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
        yield item
