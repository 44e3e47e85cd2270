"""How often the extraction is right: ``python -m helpers evaluate --gold DIR [--out FILE]``.

``DIR`` holds articles coded by hand (the format of ``data/gold/``, documented in its README):
``gold.json`` (per article: events, bases, figures, publication date), ``articles/`` (the texts) and an
optional ``sites.csv`` (``canonical_name, latitude, longitude``; the coordinates of the sites the gold
names). The articles are run through the export, the same code path as ``python -m helpers export``:
once with the gold's publication day or month as the sidecar's ``published`` (for events, sites and
figures), once with no sidecar at all (for the publication dates). The exported tables are then scored
by the rules of the development set (``../shared/devset/README.md``), so that figures stay comparable:

- **events**: a gold event is *found* when an event of the same article overlaps its date span and is no
  wider than it (a day counts as ±1 day, a week ±7 days, a month, season or year its whole period), or
  than a month when only the publication month is known. *Typed recall* asks the same with an acceptable
  type (``event_type`` or one of ``event_type_also_ok``); *typed precision* is the share of extracted
  events whose date overlaps a gold event of the same article with an acceptable type.
- **sites**: a gold site is found when a place mention of the article lies within 25 km of it.
- **troops / casualties**: a gold figure is found when a figure of the same article and kind has
  ``count_low ≤ count ≤ count_high`` (no high: no upper bound); *with party* when its party is the
  gold's too; *measure* is the share of found figures that one of the matching figures gives the gold's
  measure (when the export has a ``measure`` column).
- **publication dates**: for the articles whose true day is known, *right* when the inferred date is
  within 2 days (day precision), in the right month (month precision), or a window of at most 7 days that
  holds the day; *wrong* when the window excludes the true day (and is not right): every relative date of
  the article moves with it. For the articles whose true month only is known, a window that excludes that
  month is counted apart as wrong too. *Unknown*: no date inferred.

Every miss is listed, one line each: the article, the gold item, what came out instead.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from . import config

TOLERANCE = {"day": 1, "week": 7}  # days of slack around a gold date of this precision
MONTH_DAYS = 31  # "no wider than a month" when only the publication month is known
SITE_KM = 25.0
FIGURE_KINDS = ("troops", "casualties")


class GoldError(Exception):
    """The gold folder cannot be read (the message names the file and what is wrong)."""


# --- reading the gold -----------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def _parse(value: str, *, end: bool) -> date:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the first day (or, with ``end``, the last day) it names."""
    parts = [int(x) for x in str(value).split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return _month_end(*parts) if end else date(parts[0], parts[1], 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def gold_span(item: dict, start_key: str = "date", end_key: str = "date_end") -> tuple[date, date]:
    """The period a gold date names: its first and last day (``date_end`` when given; a week is
    seven days from its first, a season three months)."""
    start = _parse(item[start_key], end=False)
    if item.get(end_key):
        return start, _parse(item[end_key], end=True)
    precision = item.get("precision", "")
    if precision == "week":
        return start, start + timedelta(days=6)
    if precision == "season":
        y, m = start.year + (start.month + 2 > 12), (start.month + 1) % 12 + 1
        return start, _month_end(y, m)
    return start, _parse(item[start_key], end=True)


@dataclass
class Gold:
    """The hand-coded articles of a gold folder."""

    folder: Path
    articles: list[dict]
    sites: dict[str, tuple[float, float] | None]

    @classmethod
    def read(cls, folder: str | Path) -> Gold:
        """The gold of ``folder`` (gold.json and its articles), checked: raises :class:`GoldError` naming the problem."""
        folder = Path(folder)
        path = folder / "gold.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise GoldError(f"{path}: no such file (a gold folder holds gold.json and articles/)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: not readable as JSON ({exc})") from None
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(articles, list):
            raise GoldError(f"{path}: no 'articles' list")
        for i, a in enumerate(articles):
            if not isinstance(a, dict) or not a.get("file"):
                raise GoldError(f"{path}: article {i} has no 'file'")
            if not (folder / a["file"]).is_file():
                raise GoldError(f"{folder / a['file']}: article file missing")
            for key in ("events", "bases", "figures"):
                a.setdefault(key, [])
        return cls(folder, articles, _read_sites(folder / "sites.csv"))


def _read_sites(path: Path) -> dict[str, tuple[float, float] | None]:
    """``canonical_name -> (latitude, longitude)`` (None when the coordinates are blank)."""
    if not path.is_file():
        return {}
    out: dict[str, tuple[float, float] | None] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                out[row["canonical_name"]] = (float(row["latitude"]), float(row["longitude"]))
            except (KeyError, TypeError, ValueError):
                out[row.get("canonical_name", "")] = None
    return out


# --- running the export ---------------------------------------------------------------------


def run_export(
    gold: Gold, work: Path, *, sidecar: bool, reference: Path, corrections: Path | None = None
) -> dict[str, pd.DataFrame]:
    """Export the gold's articles from a fresh data folder under ``work``: with the gold's publication
    dates as the sidecar's ``published`` (``sidecar``), or with no sidecar at all; with a researcher's
    ``corrections`` file (its ``file`` column names the gold's article files) or without. Returns the
    tables, keyed by the gold's ``file``."""
    from .present.export import export

    data = work / ("dated" if sidecar else "undated")
    articles_dir = data / "raw" / "articles"
    articles_dir.mkdir(parents=True)
    for a in gold.articles:
        shutil.copyfile(gold.folder / a["file"], articles_dir / Path(a["file"]).name)
    if sidecar:
        with (data / "raw" / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["file", "published"])
            for a in gold.articles:
                w.writerow([Path(a["file"]).name, a.get("publication_date", "")])
    shutil.copytree(reference, data / "reference")
    if corrections is not None:
        shutil.copyfile(corrections, data / "corrections.csv")
    export(data, data / "processed")
    out = data / "processed"
    from .present.cells import unneutralize

    return {  # the text as extracted: the quote put before what a spreadsheet would evaluate removed
        name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False).map(unneutralize)
        for name in ("articles", "events", "figures", "place_mentions", "places", "corrections")
    }


# --- scoring --------------------------------------------------------------------------------


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def _overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _width(span: tuple[date, date]) -> int:
    return (span[1] - span[0]).days + 1


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = ((math.radians(x), math.radians(y)) for x, y in (a, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def _types(g: dict) -> set[str]:
    return {g["event_type"], *g.get("event_type_also_ok", [])}


def _span_text(s: tuple[date, date]) -> str:
    return s[0].isoformat() if s[0] == s[1] else f"{s[0].isoformat()}…{s[1].isoformat()}"


def _short(text: str, n: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


class Scorer:
    """Counts and misses, overall and per article."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}
        self.per_article: dict[str, dict[str, dict[str, int]]] = {}
        self.misses: list[dict] = []

    def count(self, article: str, gauge: str, key: str, n: int = 1) -> None:
        """Add ``n`` to counter ``key`` of ``gauge``, overall and for ``article``."""
        for bucket in (self.counts, self.per_article.setdefault(article, {})):
            bucket.setdefault(gauge, {}).setdefault(key, 0)
            bucket[gauge][key] += n

    def miss(self, article: str, gauge: str, gold: str, got: str) -> None:
        """Record one miss of ``gauge`` in ``article``: what the coder has and what the export has."""
        self.misses.append({"article": article, "gauge": gauge, "gold": gold, "got": got})


def score_events(sc: Scorer, art: str, g: dict, events: pd.DataFrame) -> None:
    """Date recall, typed recall, typed precision of one article's events."""
    month_only = len(str(g.get("publication_date", ""))) == 7
    ext = [
        ((_d(r.date_start), _d(r.date_end)), r.event_type, getattr(r, "headline", "") or r.evidence)
        for r in events.itertuples()
    ]
    golds = []
    for ge in g["events"]:
        span = gold_span(ge)
        tol = TOLERANCE.get(ge.get("precision", ""), 0)
        window = (span[0] - timedelta(days=tol), span[1] + timedelta(days=tol))
        golds.append((ge, window, _types(ge)))
    for ge, window, types in golds:
        limit = max(_width(window), MONTH_DAYS) if month_only else _width(window)
        dated = [e for e in ext if _overlaps(e[0], window) and _width(e[0]) <= limit]
        typed = [e for e in dated if e[1] in types]
        sc.count(art, "events", "gold")
        sc.count(art, "events", "found", bool(dated))
        sc.count(art, "events", "typed", bool(typed))
        if not typed:
            near = [e for e in ext if _overlaps(e[0], window)]
            got = (
                "; ".join(
                    f"{_span_text(s)} {t}" + ("" if e in dated else " (too wide)")
                    for e in near
                    for s, t in [(e[0], e[1])]
                )
                or "no event at that date"
            )
            label = f"{_span_text(gold_span(ge))} {ge.get('precision', '')} {'/'.join(sorted(types))}"
            sc.miss(art, "events", f"{label}: {_short(ge.get('what', ''))}", got)
    for span, etype, what in ext:
        sc.count(art, "events", "extracted")
        ok = any(_overlaps(span, window) and etype in types for _, window, types in golds)
        sc.count(art, "events", "correct", ok)
        if not ok:
            sc.miss(
                art,
                "events (extra)",
                "no gold event of this type and date",
                f"{_span_text(span)} {etype}: {_short(what)}",
            )


def score_sites(sc: Scorer, art: str, g: dict, sites: dict, coords: list[tuple[str, float, float]]) -> None:
    """Gold sites with a place mention of the article within 25 km."""
    for b in g["bases"]:
        where = sites.get(b.get("canonical", ""))
        if where is None:
            sc.count(art, "sites", "unscored")  # no coordinates in sites.csv: nothing to measure against
            continue
        sc.count(art, "sites", "gold")
        near = [(pid, _km(where, (la, lo))) for pid, la, lo in coords]
        hit = [pid for pid, km in near if km <= SITE_KM]
        sc.count(art, "sites", "found", bool(hit))
        if not hit:
            closest = min(near, key=lambda x: x[1], default=None)
            got = f"nearest place mentioned: {closest[0]} ({closest[1]:.0f} km)" if closest else "no place mentioned"
            forms = "; ".join(b.get("surface_forms", [])[:3])
            sc.miss(art, "sites", f"{b.get('canonical')} (as written: {forms})", got)


def _int(s: str) -> int | None:
    try:
        return int(float(s))
    except (TypeError, ValueError):
        return None


def score_figures(sc: Scorer, art: str, g: dict, figures: pd.DataFrame) -> None:
    """Troop and casualty figures found, with the right party, with the right measure."""
    has_measure = "measure" in figures.columns
    ext = []
    for r in figures.itertuples():
        best = _int(r.count_best)
        low, high = _int(r.count_low), _int(r.count_high)
        ext.append((r.kind, best if low is None else low, high, r.party, getattr(r, "measure", ""), r))
    for gf in g["figures"]:
        kind = gf.get("kind")
        if kind not in FIGURE_KINDS:
            continue
        n = gf["count"]
        match = [e for e in ext if e[0] == kind and e[1] is not None and e[1] <= n and (e[2] is None or n <= e[2])]
        party = [e for e in match if e[3] == gf.get("who")]
        sc.count(art, kind, "gold")
        sc.count(art, kind, "found", bool(match))
        sc.count(art, kind, "party", bool(party))
        label = f"{n} {gf.get('who')} {gf.get('measure', '')} ({_short(gf.get('unit', ''), 40)})"
        if match and has_measure and gf.get("measure"):
            sc.count(art, kind, "measured")
            right = any(e[4] == gf["measure"] for e in match)
            sc.count(art, kind, "measure", right)
            if not right:
                sc.miss(
                    art,
                    f"{kind} measure",
                    label,
                    "; ".join(f"{e[5].count_best} {e[3]} {e[4] or '(none)'}" for e in match),
                )
        if not party:
            if match:
                got = "; ".join(f"{e[5].count_best} as {e[3] or '(no party)'}" for e in match)
            else:
                same = [e for e in ext if e[1] is not None and e[1] <= n and (e[2] is None or n <= e[2])]
                got = "; ".join(f"{e[5].count_best} as {e[0]}" for e in same) if same else "no figure with that count"
            sc.miss(art, kind, label, got)


UNREACHABLE = " [the gold's own text-alone window is wider than a week: not reachable from the text]"


def text_fixes_day(g: dict) -> bool:
    """Whether the gold's ``publication_window`` (what the text alone fixes, as its coder read it) spans at
    most 7 days, the width that scores as right: the ceiling of the publication-date gauge."""
    w = g.get("publication_window") or {}
    try:
        lo, hi = _d(str(w.get("start", ""))), _d(str(w.get("end", "")))
    except ValueError:
        return False
    return bool(lo and hi) and _width((lo, hi)) <= 7


def beyond_text(g: dict) -> bool:
    """Whether the gold says the text alone does not fix the publication day within a week."""
    return "publication_window" in g and not text_fixes_day(g)


def score_published(sc: Scorer, art: str, g: dict, row: dict | None) -> None:
    """The inferred publication window (no sidecar) against the true day, or month when only the month
    is known."""
    truth = str(g.get("publication_date", ""))
    if not truth:
        return
    true_span = (_parse(truth, end=False), _parse(truth, end=True))
    day_known = len(truth) == 10
    known = "gold" if day_known else "gold_month"
    sc.count(art, "published", known)
    sc.count(art, "published", "windows", day_known and "publication_window" in g)
    lo = _d(row["published"]) if row else None
    if lo is None:
        sc.count(art, "published", "unknown")
        if day_known:
            sc.count(art, "published", "fixed_by_text", text_fixes_day(g))
            sc.miss(art, "published", truth, "unknown" + (UNREACHABLE if beyond_text(g) else ""))
        return
    hi = _d(row.get("published_end", "")) or lo
    prec = row.get("published_precision", "")
    got = f"{_span_text((lo, hi))} ({prec}; {_short(row.get('published_evidence', ''), 120)})"
    excludes = not _overlaps((lo, hi), true_span)
    if not day_known:
        sc.count(art, "published", "wrong_month", excludes)
        if excludes:
            sc.miss(art, "published WRONG WINDOW", truth, got)
        return
    day = true_span[0]
    if text_fixes_day(g):
        sc.count(art, "published", "fixed_by_text")
    right = (
        (prec == "day" and abs((lo - day).days) <= 2)
        # (a window said to be of month precision that excludes the true day is wrong, not right)
        or (prec == "month" and (lo.year, lo.month) == (day.year, day.month) and lo <= day <= hi)
        or (lo <= day <= hi and _width((lo, hi)) <= 7)
    )
    sc.count(art, "published", "right", right)
    sc.count(art, "published", "wrong", excludes and not right)  # a day 1-2 days off is right, not wrong
    if not right:
        reach = UNREACHABLE if beyond_text(g) and not excludes else ""
        sc.miss(art, "published WRONG WINDOW" if excludes else "published", truth, got + reach)


def summarize(counts: dict[str, dict[str, int]]) -> dict:
    """The ratios of the counts (None where nothing was measured)."""
    ev, si, pu = counts.get("events", {}), counts.get("sites", {}), counts.get("published", {})
    out = {
        "events": {
            "gold": ev.get("gold", 0),
            "extracted": ev.get("extracted", 0),
            "recall_by_date": _ratio(ev.get("found", 0), ev.get("gold", 0)),
            "typed_recall": _ratio(ev.get("typed", 0), ev.get("gold", 0)),
            "typed_precision": _ratio(ev.get("correct", 0), ev.get("extracted", 0)),
        },
        "sites": {
            "gold": si.get("gold", 0),
            "found": _ratio(si.get("found", 0), si.get("gold", 0)),
            "unscored": si.get("unscored", 0),
        },
        "published": {
            "gold_days": pu.get("gold", 0),
            "right": _ratio(pu.get("right", 0), pu.get("gold", 0)),
            "text_alone_ceiling": _ratio(pu.get("fixed_by_text", 0), pu.get("gold", 0)) if pu.get("windows") else None,
            "unknown": pu.get("unknown", 0),
            "wrong_windows": pu.get("wrong", 0),
            "gold_months": pu.get("gold_month", 0),
            "wrong_windows_month": pu.get("wrong_month", 0),
        },
    }
    for kind in FIGURE_KINDS:
        f = counts.get(kind, {})
        out[kind] = {
            "gold": f.get("gold", 0),
            "found": _ratio(f.get("found", 0), f.get("gold", 0)),
            "with_party": _ratio(f.get("party", 0), f.get("gold", 0)),
            "measure": _ratio(f.get("measure", 0), f.get("measured", 0)) if f.get("measured") else None,
        }
    return out


def score(gold: Gold, dated: dict[str, pd.DataFrame], undated: dict[str, pd.DataFrame]) -> dict:
    """Every gauge, overall and per article, and the misses (see the module's docstring)."""
    sc = Scorer()

    def by_file(tables: dict[str, pd.DataFrame]) -> tuple[dict, dict]:
        ids = dict(zip(tables["articles"].file, tables["articles"].article_id))
        rows = {r["file"]: r for r in tables["articles"].to_dict("records")}
        return ids, rows

    ids, _ = by_file(dated)
    _, undated_rows = by_file(undated)
    places = dated["places"].set_index("place_id")
    for g in gold.articles:
        name = Path(g["file"]).name
        aid = ids.get(name, "")
        events = dated["events"][dated["events"].article_id == aid]
        figures = dated["figures"][dated["figures"].article_id == aid]
        mentioned = dated["place_mentions"][dated["place_mentions"].article_id == aid].place_id.unique()
        coords = [
            (pid, float(places.at[pid, "latitude"]), float(places.at[pid, "longitude"]))
            for pid in mentioned
            if pid in places.index and places.at[pid, "latitude"]
        ]
        score_events(sc, name, g, events)
        score_sites(sc, name, g, gold.sites, coords)
        score_figures(sc, name, g, figures)
        score_published(sc, name, g, undated_rows.get(name))
    return {
        "overall": summarize(sc.counts),
        "articles": {a: summarize(c) for a, c in sorted(sc.per_article.items())},
        "misses": sc.misses,
    }


def evaluate(
    gold_dir: str | Path, *, reference: str | Path | None = None, corrections: str | Path | None = None
) -> dict:
    """Score the export of the articles of ``gold_dir`` against their gold (see the module's docstring),
    with a researcher's corrections file applied when one is given."""
    gold = Gold.read(gold_dir)
    ref = Path(reference) if reference else config.paths().reference
    fix = Path(corrections) if corrections else None
    if fix is not None and not fix.is_file():
        raise GoldError(f"{fix}: no such corrections file")
    with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
        dated = run_export(gold, Path(tmp), sidecar=True, reference=ref, corrections=fix)
        undated = run_export(gold, Path(tmp), sidecar=False, reference=ref, corrections=fix)
    result = score(gold, dated, undated)
    result["gold"] = {"articles": len(gold.articles)}
    result["corrections"] = dated["corrections"].status.value_counts().sort_index().to_dict()
    return result


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def summary_lines(o: dict) -> list[str]:
    """One line per gauge, as printed by ``python -m helpers evaluate`` and ``make eval``."""
    ev, si, pu = o["events"], o["sites"], o["published"]
    tr, ca = o["troops"], o["casualties"]

    def figs(f: dict) -> str:
        return (
            f"found {_pct(f['found'])}, with party {_pct(f['with_party'])}, "
            f"measure {_pct(f['measure'])} (of {f['gold']})"
        )

    return [
        f"events: recall by date {_pct(ev['recall_by_date'])}, typed recall {_pct(ev['typed_recall'])}, "
        f"typed precision {_pct(ev['typed_precision'])} ({ev['gold']} gold, {ev['extracted']} extracted)",
        f"sites within {SITE_KM:.0f} km: {_pct(si['found'])} (of {si['gold']})",
        f"troop figures: {figs(tr)}",
        f"casualty figures: {figs(ca)}",
        f"publication dates: right {_pct(pu['right'])} (of {pu['gold_days']} known to the day"
        + (
            f"; the gold's text-alone windows allow {_pct(pu['text_alone_ceiling'])}), "
            if pu.get("text_alone_ceiling") is not None
            else "), "
        )
        + f"unknown {pu['unknown']} (of {pu['gold_days'] + pu['gold_months']}), wrong windows {pu['wrong_windows']} "
        f"(and {pu['wrong_windows_month']} of the {pu['gold_months']} known to the month)",
    ]


def miss_lines(result: dict) -> list[str]:
    """Every miss, one line each: article, gauge, gold item -> what came out instead."""
    return [f"{m['article']}: [{m['gauge']}] {m['gold']} -> {m['got']}" for m in result["misses"]]
