"""One chart style for every figure, and the figures of the notebooks.

Each chart has a title that states what it shows, labelled axes and a source line that
names the articles' outlets. :func:`save` writes PNG and SVG with the CSV of exactly the
data drawn. Uncertainty is drawn, not hidden: imprecise dates as spans with hollow marks,
approximate counts as ranges.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.transforms import blended_transform_factory

from .. import config
from ..vocabulary import PARTY_NAMES, TYPE_LABELS_SHORT
from .cells import write_csv

TYPE_COLORS = {
    "withdrawal": "#1b5e20",
    "handover": "#43a047",
    "redeployment": "#00838f",
    "deployment": "#1565c0",
    "attack": "#c62828",
    "strike": "#ef6c00",
    "killing": "#6a1b9a",
    "vote": "#3949ab",
    "agreement": "#00897b",
    "talks": "#8d6e63",
    "announcement": "#757575",
    "suspension": "#f9a825",
    "protest": "#d81b60",
    "other": "#9e9e9e",
}
PARTY_COLORS = {
    "US": "#1f4e9c",
    "FR": "#d62728",
    "UK": "#7b1fa2",
    "CZ": "#2ca02c",
    "coalition": "#ff7f0e",
    "NATO": "#17becf",
    "IQ": "#8c564b",
    "PMF": "#6b6b00",
    "DE": "#444444",
    "IT": "#009246",
    "IR": "#b8860b",
    "": "#999999",
}


def apply_style() -> None:
    """The house style of every chart (fonts, grid, sizes; SVG output stable across runs)."""
    plt.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 9.5,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "svg.hashsalt": "iraq",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "text.parse_math": False,  # article text is shown as written: a « $ » is not mathtext
        }
    )


def source_line(fig, articles: pd.DataFrame, extra: str = "") -> None:
    """The source line under a chart: how many articles, from which outlets."""
    ok = articles[articles.status == "ok"]
    outlets = sorted({o for o in ok.outlet if o})
    unknown = int((ok.outlet == "").sum())
    text = f"Source : {len(ok)} articles de presse francophone ({', '.join(outlets)}"
    text += f"{', ' if outlets and unknown else ''}{unknown} d'origine inconnue" if unknown else ""
    text += ")."
    if extra:
        text += " " + extra
    fig.text(0.01, 0.005, dollars(text), fontsize=7, color="#555", ha="left", va="bottom", wrap=True, parse_math=True)


def dollars(text: str) -> str:
    """``text`` escaped for mathtext (« $ » -> « \\$ », shown as « $ »), for a text drawn with ``parse_math=True``.

    Every other text is drawn with ``text.parse_math`` off (:func:`apply_style`), so an outlet, a file name
    or a headline with « $ » is drawn as written; but matplotlib measures a wrapped text as mathtext whatever
    that setting, so the wrapped source line is escaped and drawn with mathtext on (its escapes resolved)."""
    return text.replace("$", "\\$")


def save(fig, name: str, data: pd.DataFrame, out_dir: Path | None = None) -> list[Path]:
    """Save ``fig`` as PNG and SVG and ``data`` as CSV under reports/figures/ (deterministic files)."""
    out = out_dir or (config.REPORTS_DIR / "figures")
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg", out / f"{name}.csv"]
    fig.savefig(paths[0], bbox_inches="tight", metadata={"Software": None})
    fig.savefig(paths[1], bbox_inches="tight", metadata={"Date": None, "Creator": None})
    write_csv(data, paths[2])  # text a spreadsheet would evaluate is neutralized
    return paths


def place_labels(ax, labels: list[tuple], offsets=None, sort: bool = True) -> None:
    """Label points (x, y, text, size, weight, color), trying positions around each point and
    keeping the first whose box overlaps no label placed before (axes limits must be final)."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axbox = ax.get_window_extent(renderer)
    placed = []
    offsets = offsets or [
        (6, 4),
        (6, -10),
        (-6, 4),
        (-6, -10),
        (0, 8),
        (0, -14),
        (10, 12),
        (-10, -18),
        (6, 16),
        (-6, -22),
    ]
    items = sorted(labels, key=lambda t: (-t[3], str(t[0]))) if sort else labels
    for x, y, text, size, weight, color in items:
        for dx, dy in offsets:
            ha = "left" if dx > 0 else ("right" if dx < 0 else "center")
            t = ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=size,
                fontweight=weight,
                ha=ha,
                zorder=6,
                color=color,
                bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.6),
            )
            bb = t.get_window_extent(renderer).expanded(1.02, 1.05)
            inside = axbox.x0 <= bb.x0 and bb.x1 <= axbox.x1 + 40
            if inside and not any(bb.overlaps(o) for o in placed):
                placed.append(bb)
                break
            t.remove()
        else:
            t = ax.annotate(
                text,
                (x, y),
                xytext=(6, 4),
                textcoords="offset points",
                fontsize=size - 1,
                fontweight=weight,
                zorder=6,
                alpha=0.8,
                color=color,
            )
            placed.append(t.get_window_extent(renderer))


def french_date_axis(ax, span_days: float | None = None) -> None:
    """Year ticks for long spans, French month ticks ("janv. 2020") for spans under two years."""
    from matplotlib.ticker import FuncFormatter

    from ..extract.dates import MONTH_ABBR

    lo, hi = ax.get_xlim()
    span = span_days if span_days is not None else hi - lo
    if span > 730:
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        return
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=1 if span < 200 else 3))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: f"{MONTH_ABBR[mdates.num2date(v).month]} {mdates.num2date(v).year}")
    )


def event_title(row, width: int = 80) -> str:
    """What happened, in a few words: the event's ``headline`` when the chronology has one, else its
    ``summary`` without the type prefix, cut at a word under ``width`` characters."""
    get = row.get if hasattr(row, "get") else (lambda k, d="": getattr(row, k, d))
    text = " ".join(str(get("headline", "") or "").split())
    if not text:
        text = " ".join(str(get("summary", "") or "").split())
        label = TYPE_LABELS_SHORT.get(get("event_type", ""), "")
        if " — " in text:
            text = text.split(" — ", 1)[1]
        text = text or label
    if len(text) > width:
        text = text[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:—-") + "…"
    return text


def _mid(a: str, b: str) -> date:
    da, db = date.fromisoformat(a), date.fromisoformat(b)
    return da + (db - da) / 2


# --- corpus ----------------------------------------------------------------------------------


def articles_over_time(articles: pd.DataFrame):
    """Articles by publication date (spans for windows) and outlet."""
    apply_style()
    ok = articles[(articles.status == "ok") & (articles.published != "")].copy()
    ok["outlet_shown"] = ok.outlet.replace("", "(inconnu)")
    outlets = sorted(ok.outlet_shown.unique())
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.45 * max(len(outlets), 1)))
    for r in ok.itertuples():
        y = outlets.index(r.outlet_shown)
        a, b = date.fromisoformat(r.published), date.fromisoformat(r.published_end or r.published)
        if a == b:
            ax.plot([a], [y], "o", color="#1f4e9c", ms=7)
        else:
            ax.plot([a, b], [y, y], "-", color="#1f4e9c", lw=5, alpha=0.35, solid_capstyle="butt")
            ax.plot([a], [y], "o", mfc="white", mec="#1f4e9c", ms=7)
        ax.annotate(r.file.split("_")[0], (a, y), xytext=(0, 7), textcoords="offset points", fontsize=7, ha="center")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    french_date_axis(ax)
    ax.set_xlabel("date de publication (trait : fenêtre inférée ; point plein : jour connu)")
    first = ok.published.min() if len(ok) else ""
    last = ok.published.max() if len(ok) else ""
    ax.set_title(f"{len(ok)} articles datés, publiés entre {first[:4]} et {last[:4]}")
    source_line(fig, articles)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    data = ok[["file", "outlet", "published", "published_end", "published_precision", "published_basis"]]
    return fig, data.reset_index(drop=True)


# --- chronology ----------------------------------------------------------------------------------


def date_in_words(r) -> str:
    """The event's date in words, its precision kept: « 3 janvier 2020 », « début mars 2020 », « été 2019 »."""
    from ..extract.dates import display_date

    get = r.get if hasattr(r, "get") else (lambda k, d="": getattr(r, k, d))
    q = get("qualifier", "")
    return display_date(
        date.fromisoformat(get("date_start")),
        date.fromisoformat(get("date_end")),
        get("precision"),
        q if isinstance(q, str) else "",
        abbreviated=False,
    )


TIMELINE_ROW_IN = 0.25  # height of one event's row, inches
TIMELINE_YEAR_IN = 0.55  # room for a year's heading and month axis


def timeline(chronology: pd.DataFrame, articles: pd.DataFrame, min_year: int | None = None):
    """What happened when: one row per event, grouped by year (a panel each, January to December),
    the event's mark on the year's strip (filled dot: known day; band and hollow dot: a period, cut at
    the year's edge with an arrow when it runs on), its colour the type, its size the number of outlets;
    to its right, in a column of its own (so labels never collide), the date in words, what happened
    and how many outlets report it. Readable from 1 to 100+ events: the figure grows a row per event."""
    from ..extract.dates import MONTH_ABBR

    apply_style()
    ch = chronology.copy()
    if min_year:
        ch = ch[ch.date_end >= f"{min_year}-01-01"]
    ch = ch.sort_values(["date_start", "date_end", "chronology_id"]).reset_index(drop=True)
    ch["year"] = [max(int(a[:4]), min_year or 0) for a in ch.date_start]
    ch["date_words"] = [date_in_words(r) for r in ch.to_dict("records")]
    ch["what"] = [event_title(r, 66) for r in ch.to_dict("records")]
    years = sorted(ch.year.unique()) or [date.today().year]
    counts = [max(int((ch.year == y).sum()), 1) for y in years]
    heights = [TIMELINE_YEAR_IN + TIMELINE_ROW_IN * n for n in counts]
    top, bottom = 1.05, 0.75
    total = sum(heights) + top + bottom
    fig = plt.figure(figsize=(12.5, total))
    types = [t for t in TYPE_COLORS if t in set(ch.event_type)]
    y_cursor = total - top
    dates_col, what_col = [], []
    for year, h, n in zip(years, heights, counts):
        ax = fig.add_axes((0.08, (y_cursor - h + 0.32) / total, 0.28, (h - 0.42) / total))
        y_cursor -= h
        rows = ch[ch.year == year]
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        ax.set_xlim(lo - timedelta(days=6), hi + timedelta(days=6))
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_yticks([])
        ax.grid(axis="y", visible=False)
        ax.set_xticks(
            [date(year, mo, 1) for mo in range(1, 13)], [MONTH_ABBR[mo].rstrip(".")[:4] for mo in range(1, 13)]
        )
        ax.tick_params(axis="x", labelsize=6.5, length=2, pad=1)
        ax.set_ylabel(str(year), rotation=0, fontsize=13, fontweight="bold", ha="right", va="top", labelpad=8)
        ax.yaxis.set_label_coords(-0.03, 1.0)
        for i, r in enumerate(rows.itertuples()):
            a, b = date.fromisoformat(r.date_start), date.fromisoformat(r.date_end)
            color = TYPE_COLORS.get(r.event_type, "#777")
            size = 25 + 35 * min(r.n_outlets, 6)
            if i % 2 == 0:
                ax.axhspan(i - 0.5, i + 0.5, color="#f3f3f3", zorder=0, lw=0)
            if r.precision == "day" and a == b:
                ax.scatter([a], [i], s=size, color=color, zorder=3, edgecolor="black", linewidth=0.4)
            else:
                a2, b2 = max(a, lo), min(b, hi)
                ax.plot([a2, b2], [i, i], color=color, lw=6, alpha=0.4, solid_capstyle="butt", zorder=2)
                ax.scatter(
                    [a2 + (b2 - a2) / 2], [i], s=size, facecolor="white", edgecolor=color, linewidth=1.5, zorder=3
                )
                for edge, cut, mark in ((lo, a < lo, "<"), (hi, b > hi, ">")):
                    if cut:
                        ax.plot([edge], [i], marker=mark, color=color, ms=5, zorder=3, clip_on=False)
            n_out = f"{r.n_outlets} médias" if r.n_outlets > 1 else "1 média"
            row = blended_transform_factory(fig.transFigure, ax.transData)
            dates_col.append(
                ax.text(
                    0.375,
                    i,
                    r.date_words,
                    transform=row,
                    fontsize=7.8,
                    va="center",
                    ha="left",
                    fontweight="bold",
                    color="#222",
                    clip_on=False,
                )
            )
            what_col.append(
                ax.text(
                    0.5,
                    i,
                    f"{r.what}  ({TYPE_LABELS_SHORT.get(r.event_type, r.event_type)} ; {n_out})",
                    transform=row,
                    fontsize=7.8,
                    va="center",
                    ha="left",
                    clip_on=False,
                    color="#111",
                    fontweight="bold" if r.n_outlets > 1 else "normal",
                )
            )
    if dates_col:  # the headlines start after the longest date: the two columns never overlap
        renderer = fig.canvas.get_renderer()
        right = max(t.get_window_extent(renderer).x1 for t in dates_col)
        x = fig.transFigure.inverted().transform((right, 0))[0] + 0.012
        for t in what_col:
            t.set_x(x)
    multi = int((ch.n_outlets >= 2).sum())
    since = f" depuis {min_year}" if min_year else ""
    earlier = len(chronology) - len(ch)  # left out of the figure, not of the tables
    if earlier:
        since += f" ({earlier} antérieur{'s' if earlier > 1 else ''} dans chronology.csv)"
    fig.text(
        0.01,
        1 - 0.25 / total,
        f"{len(ch)} événement{'s' if len(ch) > 1 else ''} daté{'s' if len(ch) > 1 else ''}{since}, "
        f"dont {multi} rapporté{'s' if multi > 1 else ''} par au moins deux médias",
        fontsize=12.5,
        fontweight="bold",
        va="top",
    )
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            color=TYPE_COLORS[t],
            markeredgecolor="black",
            markeredgewidth=0.4,
            ms=7,
            label=TYPE_LABELS_SHORT.get(t, t),
        )
        for t in types
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            ls="-",
            lw=5,
            alpha=0.6,
            color="#999",
            markerfacecolor="white",
            ms=7,
            label="période (date imprécise)",
        )
    ]
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.01, 1 - 0.45 / total),
        ncol=min(len(handles), 7),
        fontsize=7.5,
        frameon=False,
        handletextpad=0.5,
        handlelength=2.4,
        columnspacing=1.6,
    )
    source_line(
        fig,
        articles,
        extra="Point plein : jour connu ; bande et rond creux : période ; taille et gras : plusieurs médias.",
    )
    cols = [
        "chronology_id",
        "date_start",
        "date_end",
        "precision",
        "date_words",
        "display_date",
        "event_type",
        "what",
        "n_articles",
        "n_outlets",
        "outlets",
        "summary",
        "article_ids",
    ]
    return fig, ch.reindex(columns=cols).reset_index(drop=True)


# --- figures ---------------------------------------------------------------------------------------


LEVELS = ("present", "planned")
FLOW_WORDS = {"arriving": "▲ arrivée de {}", "leaving": "▼ départ de {}", "moved": "◆ {} redéployés"}
MEASURE_NAMES = {"killed": "tués", "wounded": "blessés", "killed_or_wounded": "tués ou blessés"}
MEASURE_COLORS = {"killed": "#8b1a1a", "wounded": "#e08a1e", "killed_or_wounded": "#7b4f9e"}


def _n(x) -> str:
    """A count with a narrow no-break space between thousands (« 2 500 »)."""
    return f"{int(x):,}".replace(",", "\u202f")


def _month(d: pd.Timestamp) -> str:
    from ..extract.dates import MONTH_ABBR

    return f"{MONTH_ABBR[d.month]} {d.year}"


def _short_outlet(outlet: str, width: int = 22) -> str:
    outlet = outlet or "source inconnue"
    return outlet if len(outlet) <= width else outlet[: width - 1].rstrip() + "…"


def _span(r) -> str:
    """« 2 500 », or « 200 à 900 » for « plusieurs centaines », « 500 et plus » for « plus de 500 »."""
    lo = int(r.count_low) if pd.notna(r.count_low) else None
    hi = int(r.count_high) if pd.notna(r.count_high) else None
    if r.approximate and lo is not None and hi is None:
        return f"{_n(lo)} et plus"
    if r.approximate and lo is not None and hi is not None and hi > 1.5 * lo:
        return f"{_n(lo)} à {_n(hi)}"
    return _n(r.count_best)


def _people(n: int, measure: str) -> str:
    word = MEASURE_NAMES.get(measure, measure)
    return f"{_n(n)} {word if n > 1 else word.replace('tués', 'tué').replace('blessés', 'blessé')}"


def figure_points(figures: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The dated figures of one kind, with the middle of the period each describes."""
    f = figures[(figures.kind == kind) & (figures.refers_to != "")].copy()
    if f.empty:
        return f.assign(date=pd.Series(dtype="datetime64[ns]"), party_name=pd.Series(dtype=str))
    f["date"] = [pd.Timestamp(_mid(a, b or a)) for a, b in zip(f.refers_to, f.refers_end)]
    f["party_name"] = f.party.map(lambda p: PARTY_NAMES.get(p, p))
    return f.sort_values(["party", "date", "figure_id"])


def _in_iraq(scope: str) -> bool:
    """Iraq, or a place of the gazetteer (ids are lower case): not Syria's, Kuwait's or the region's."""
    parts = [x for x in str(scope or "Iraq").split(";") if x]
    return any(x == "Iraq" or x == x.lower() for x in parts)


def _site(scope: str) -> str:
    """The place id of a figure that applies to one site or town in Iraq, else ''."""
    parts = [x for x in str(scope or "").split(";") if x]
    return parts[0] if parts and all(x == x.lower() for x in parts) else ""


def troop_points(figures: pd.DataFrame) -> pd.DataFrame:
    """The troop figures the chart shows, each with how it is drawn (``shown_as``):
    ``level`` (a count of the party's troops in Iraq: the only points a line joins), ``planned``
    (a target level), ``site`` (a level at one base or town: a part of the country's presence),
    ``part`` (a part of another figure: « 200 militaires, dont 160 formateurs »), ``flow`` (troops
    arriving, leaving or moved: an annotation, never a level). Figures about other countries
    (« 900 en Syrie ») and figures with no party are left out."""
    pts = figure_points(figures, "troops")
    if pts.empty:
        return pts.assign(shown_as=pd.Series(dtype=str))
    pts = pts[(pts.party != "") & pts.scope.map(_in_iraq)].copy()
    shown = []
    for r in pts.itertuples():
        m = getattr(r, "measure", "") or "present"
        if m not in LEVELS:
            shown.append("flow")
        elif getattr(r, "part_of", ""):
            shown.append("part")
        elif _site(r.scope):
            shown.append("site")
        else:
            shown.append("planned" if m == "planned" else "level")
    return pts.assign(shown_as=shown)


def troop_chart(figures: pd.DataFrame, chronology: pd.DataFrame, articles: pd.DataFrame, title_prefix: str = ""):
    """Troop levels in Iraq by party, one panel each on its own scale from zero: the counts of a
    party's troops in Iraq joined in date order; targets (◇), parts and site levels apart, never
    joined to a whole; arrivals, departures and moves as marks along the bottom of the panel, not on
    the count scale. Ranges for approximate counts, hollow marks when approximate; key events of the
    chronology as dashed lines."""
    apply_style()
    pts = troop_points(figures)
    order = (
        pts.assign(lv=pts.shown_as.isin(["level", "planned", "site", "part"]))
        .groupby("party")
        .agg(n=("lv", "sum"), m=("count_best", "max"))
        .sort_values(["n", "m"], ascending=False)
    )
    parties = list(order.index[:8])
    n = max(len(parties), 1)
    ncols = 1 if n == 1 else 2
    nrows = (n + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(11, 1.2 + 2.7 * nrows), sharex=True, squeeze=False)
    axes = axes.ravel()
    if len(pts):
        lo_d, hi_d = pts.date.min(), pts.date.max()
        pad = pd.Timedelta(days=max(60, (hi_d - lo_d).days * 0.06))
        lo_d, hi_d = lo_d - pad, hi_d + pad
    key = key_events(chronology)
    for i, party in enumerate(parties):
        ax = axes[i]
        g = pts[pts.party == party].sort_values(["date", "figure_id"])
        _troop_panel(ax, g, party)
        ax.set_xlim(lo_d, hi_d)
        for r in key.itertuples():
            d = pd.Timestamp(_mid(r.date_start, r.date_end))
            if lo_d <= d <= hi_d:
                ax.axvline(d, color="#bbb", lw=0.7, ls="--", zorder=0)
    for ax in axes[len(parties) :]:
        ax.set_visible(False)
    if not parties:
        axes[0].set_visible(True)
        axes[0].text(
            0.5, 0.5, "aucun effectif de troupes daté en Irak", ha="center", va="center", transform=axes[0].transAxes
        )
    for ax in axes[: len(parties)]:
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(labelbottom=True)
    title = title_prefix + troop_title(pts)
    fig.suptitle(title, x=0.01, ha="left", fontsize=11.5, fontweight="bold")
    source_line(
        fig,
        articles,
        extra="● effectif cité en Irak (creux : approximatif ; trait vertical : fourchette), relié dans l'ordre des "
        "dates ; ◇ objectif annoncé ; ■ une base ou une ville ; △ une partie d'un autre chiffre (jamais reliés) ; "
        "en bas : ▲ arrivées, ▼ départs, ◆ redéploiements (des mouvements, pas des effectifs). Tirets : événements "
        "clés de la chronologie. Chiffres en Syrie, au Koweït ou dans la région écartés ; chaque pays a son échelle, "
        "depuis zéro.",
    )
    height = fig.get_size_inches()[1]
    fig.tight_layout(rect=(0, 0.75 / height, 1, 1 - (0.05 + 0.2 * (title.count("\n") + 1)) / height))
    cols = [
        "figure_id",
        "party",
        "shown_as",
        "measure",
        "count_best",
        "count_low",
        "count_high",
        "approximate",
        "unit",
        "scope",
        "part_of",
        "refers_to",
        "refers_end",
        "refers_precision",
        "outlet",
        "evidence",
    ]
    data = pts[pts.party.isin(parties)] if len(pts) else pts
    return fig, data.reindex(columns=cols).reset_index(drop=True)


def _troop_panel(ax, g: pd.DataFrame, party: str) -> None:
    """One party's panel: its levels joined, targets, parts and sites as marks of their own, flows
    along the bottom (on the axes' height, not the count scale), each point labelled with its count
    and outlet."""
    color = PARTY_COLORS.get(party, "#555")
    labels = []
    top = 0.0
    levels = g[g.shown_as == "level"]
    if len(levels) > 1:
        ax.plot(levels.date, levels.count_best.astype(float), "-", color=color, lw=1.3, alpha=0.8, zorder=2)
    for r in g[g.shown_as != "flow"].itertuples():
        y = float(r.count_best)
        lo = float(r.count_low) if pd.notna(r.count_low) else y
        hi = float(r.count_high) if pd.notna(r.count_high) else y
        top = max(top, y, hi)
        marker, size, face = {
            "level": ("o", 42, color),
            "planned": ("D", 40, "white"),
            "site": ("s", 26, color),
            "part": ("^", 30, "white"),
        }[r.shown_as]
        if r.shown_as == "level" and r.approximate:
            face = "white"
        ax.scatter(
            [r.date],
            [y],
            marker=marker,
            s=size,
            facecolor=face,
            edgecolor=color,
            linewidth=1.4,
            zorder=3,
            alpha=1 if r.shown_as in ("level", "planned") else 0.8,
        )
        if lo != hi or pd.isna(r.count_high):
            ax.vlines(r.date, lo, hi, color=color, lw=1.8, alpha=0.5, zorder=2)
            if pd.isna(r.count_high) and r.approximate:
                ax.annotate("", (r.date, y * 1.25), (r.date, y), arrowprops=dict(arrowstyle="->", color=color, lw=1))
        text = _span(r)
        if r.shown_as == "planned":
            text = f"objectif {text}"
        elif r.shown_as == "site":
            text = f"{text} à {_site(r.scope).replace('-', ' ').title()}"
        elif r.shown_as == "part":
            text = f"dont {text}"
        labels.append((r.date, y, f"{text} ({_short_outlet(r.outlet)})", 6.5, "normal", color))
    ax.set_ylim(0, max(top, 1) * 1.45)
    flows = g[g.shown_as == "flow"]
    tr = blended_transform_factory(ax.transData, ax.transAxes)
    for k, r in enumerate(flows.itertuples()):
        text = FLOW_WORDS.get(r.measure, "{} " + str(r.measure)).format(_span(r))
        yb = 0.05 + 0.09 * (k % 3)
        ax.plot([r.date, r.date], [0, yb], color="#777", lw=0.7, transform=tr, zorder=1)
        ax.text(
            r.date,
            yb,
            text,
            transform=tr,
            fontsize=6.5,
            color="#333",
            ha="left",
            va="bottom",
            bbox=dict(boxstyle="round,pad=0.15", fc="#f4f4f4", ec="none", alpha=0.9),
        )
    title = PARTY_NAMES.get(party, party)
    if len(levels):
        a, b = levels.iloc[0], levels.iloc[-1]
        title += f" — {_n(a.count_best)} ({_month(a.date)})"
        if len(levels) > 1:
            title += f" … {_n(b.count_best)} ({_month(b.date)})"
    elif not len(g[g.shown_as != "flow"]):
        title += " — seulement des mouvements"
    ax.set_title(title, fontsize=9.5)
    ax.set_ylabel("militaires", fontsize=8)
    place_labels(ax, labels, sort=False)


def key_events(chronology: pd.DataFrame) -> pd.DataFrame:
    """Chronology rows shown on the troop chart: corroborated, or a withdrawal/handover/agreement/vote."""
    k = chronology[
        ((chronology.n_outlets >= 2) | chronology.event_type.isin(["withdrawal", "handover", "agreement"]))
        & chronology.precision.isin(["day", "week"])
    ]
    return k.sort_values(["n_outlets", "date_start"], ascending=[False, True]).sort_values("date_start", kind="stable")


def troop_title(pts: pd.DataFrame) -> str:
    """What the levels support, party by party: the first and last count cited in Iraq (never a
    flow, a part, a site or a target)."""
    if pts.empty or not (pts.shown_as == "level").any():
        return "Aucun effectif de troupes en Irak daté dans le corpus"
    import textwrap

    parts = []
    lv = pts[pts.shown_as == "level"]
    for party, g in sorted(lv.groupby("party"), key=lambda x: -x[1].count_best.max()):
        g = g.sort_values("date")
        a, b = g.iloc[0], g.iloc[-1]
        name = PARTY_NAMES.get(party, party)
        if len(g) == 1 or a.date == b.date:
            parts.append(f"{name} {_n(a.count_best)} ({_month(a.date)})")
        else:
            parts.append(f"{name} {_n(a.count_best)} ({_month(a.date)}) puis {_n(b.count_best)} ({_month(b.date)})")
    return "\n".join(textwrap.wrap("Effectifs cités en Irak : " + " ; ".join(parts[:4]), 110))


def casualty_groups(figures: pd.DataFrame, chronology: pd.DataFrame) -> pd.DataFrame:
    """Casualty figures by the event they belong to (the chronology row that merges their event
    mention; else one group per article and date), one row per event, measure and party: the
    highest and lowest toll cited, never a sum. Parts (« dont deux Américains ») stay inside their
    whole and are named in its row."""
    pts = figure_points(figures, "casualties")
    cols = [
        "group",
        "chronology_id",
        "date",
        "measure",
        "party",
        "count_max",
        "count_min",
        "n_figures",
        "parts",
        "figure_ids",
        "outlets",
        "evidence",
    ]
    if pts.empty:
        return pd.DataFrame(columns=cols)
    chron_of = {}
    labels = {}
    for r in chronology.itertuples():
        for eid in str(r.event_ids).split(";"):
            chron_of[eid] = r.chronology_id
        what = getattr(r, "headline", "") or r.summary
        labels[r.chronology_id] = (
            r.date_start,
            f"{r.display_date} · {TYPE_LABELS_SHORT.get(r.event_type, '')} · {what}",
        )
    rows = []
    whole = pts[pts.get("part_of", "") == ""] if "part_of" in pts else pts
    keyed = []
    for r in whole.itertuples():
        cid = chron_of.get(getattr(r, "event_id", ""), "")
        if cid:
            keyed.append((cid, labels[cid][0], labels[cid][1], r))
        else:
            keyed.append(
                (
                    f"{r.article_id}|{r.refers_to}",
                    r.refers_to,
                    f"{_month(r.date)} · bilan sans événement daté ({r.outlet or 'source inconnue'})",
                    r,
                )
            )
    frame = pd.DataFrame(
        [(k, d, lab, r.measure or "killed_or_wounded", r.party or "non attribué", r.Index) for k, d, lab, r in keyed],
        columns=["key", "d", "label", "measure", "party", "idx"],
    )
    for (key, measure, party), g in frame.groupby(["key", "measure", "party"], sort=False):
        sub = pts.loc[g.idx]
        ids = sub.figure_id.tolist()
        parts = []
        for fid in ids:
            if "part_of" in pts:
                for p in pts[pts.part_of == fid].itertuples():
                    parts.append(f"dont {_n(p.count_best)} {PARTY_NAMES.get(p.party, p.party)}")
        rows.append(
            dict(
                group=g.label.iloc[0],
                chronology_id=key if "|" not in key else "",
                date=g.d.iloc[0],
                measure=measure,
                party=party,
                count_max=int(sub.count_best.max()),
                count_min=int(sub.count_best.min()),
                n_figures=len(sub),
                parts="; ".join(sorted(set(parts))),
                figure_ids=";".join(ids),
                outlets="; ".join(sorted({o for o in sub.outlet if o})),
                evidence=sub.evidence.iloc[0],
            )
        )
    out = pd.DataFrame(rows, columns=cols)
    order = {"killed": 0, "killed_or_wounded": 1, "wounded": 2}
    return (
        out.assign(o=out.measure.map(order))
        .sort_values(["date", "group", "o", "party"])
        .drop(columns="o")
        .reset_index(drop=True)
    )


def casualty_chart(
    figures: pd.DataFrame, articles: pd.DataFrame, chronology: pd.DataFrame | None = None, title_prefix: str = ""
):
    """Tolls event by event: one row of bars per event, killed and wounded apart, one bar per party
    at the highest toll cited (a line down to the lowest when reports differ). Nothing is added up:
    not two events, not two reports of one event."""
    apply_style()
    groups = casualty_groups(
        figures,
        chronology
        if chronology is not None
        else pd.DataFrame(
            columns=["chronology_id", "event_ids", "date_start", "display_date", "event_type", "summary"]
        ),
    )
    events = list(dict.fromkeys(groups.group))
    fig, ax = plt.subplots(figsize=(10.5, 1.6 + 0.42 * max(len(groups), 2) + 0.25 * len(events)))
    y, ticks, labels = 0.0, [], []
    for ev in events:
        g = groups[groups.group == ev]
        start = y
        for r in g.itertuples():
            color = MEASURE_COLORS.get(r.measure, "#777")
            ax.barh(y, r.count_max, height=0.7, color=color, alpha=0.85)
            if r.count_min != r.count_max:
                ax.plot([r.count_min, r.count_max], [y, y], color="black", lw=1)
                ax.plot([r.count_min], [y], "|", color="black", ms=8)
            txt = f"{_people(r.count_max, r.measure)} · {PARTY_NAMES.get(r.party, r.party)}"
            if r.count_min != r.count_max:
                txt += f" (de {_n(r.count_min)} à {_n(r.count_max)} selon les bilans)"
            if r.parts:
                txt += f" ({r.parts})"
            ax.text(r.count_max, y, "  " + txt, va="center", fontsize=7.5)
            y += 1
        ticks.append((start + y - 1) / 2)
        labels.append(event_title_short(ev))
        y += 0.6
    ax.set_yticks(ticks, labels, fontsize=7.5)
    ax.invert_yaxis()
    xmax = float(groups.count_max.max()) if len(groups) else 1.0
    ax.set_xlim(0, xmax * 1.9)
    ax.set_xlabel("personnes (barre : le bilan le plus élevé cité ; trait : du plus bas au plus haut)")
    ax.grid(axis="y", visible=False)
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=MEASURE_NAMES[m]) for m, c in MEASURE_COLORS.items() if (groups.measure == m).any()]
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="lower right")
    ax.set_title(title_prefix + casualty_title(groups), fontsize=11)
    source_line(
        fig,
        articles,
        extra="Un bilan appartient à l'événement de sa phrase (ou à l'attaque que l'article "
        "vient de rapporter) ; les bilans ne sont jamais additionnés.",
    )
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig, groups


def event_title_short(label: str, width: int = 60) -> str:
    """An event's label on two lines at most."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width)[:2])


def casualty_title(groups: pd.DataFrame) -> str:
    """What the tolls support: how many events, and the heaviest toll cited for one of them."""
    if groups.empty:
        return "Aucun bilan de victimes daté dans le corpus"
    n = groups.group.nunique()
    worst = groups.sort_values("count_max", ascending=False).iloc[0]
    when = worst.group.split(" · ")[0]
    return (
        f"Bilans cités pour {n} événement{'s' if n > 1 else ''} ; le plus lourd : "
        f"{_people(worst.count_max, worst.measure)} ({PARTY_NAMES.get(worst.party, worst.party)}, {when})"
    )
