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
    fig.text(0.01, 0.005, text, fontsize=7, color="#555", ha="left", va="bottom", wrap=True)


def save(fig, name: str, data: pd.DataFrame, out_dir: Path | None = None) -> list[Path]:
    """Save ``fig`` as PNG and SVG and ``data`` as CSV under reports/figures/ (deterministic files)."""
    out = out_dir or (config.REPORTS_DIR / "figures")
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg", out / f"{name}.csv"]
    fig.savefig(paths[0], bbox_inches="tight", metadata={"Software": None})
    fig.savefig(paths[1], bbox_inches="tight", metadata={"Date": None, "Creator": None})
    data.to_csv(paths[2], index=False, lineterminator="\n", float_format="%.6f")
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
    fig.text(
        0.01,
        1 - 0.25 / total,
        f"{len(ch)} événements datés{since}, dont {multi} rapportés par au moins deux médias",
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


def figure_points(figures: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The dated figures of one kind, each at the middle of the period it describes."""
    f = figures[(figures.kind == kind) & (figures.refers_to != "")].copy()
    if f.empty:
        return f.assign(date=pd.Series(dtype="datetime64[ns]"))
    f["date"] = [pd.Timestamp(_mid(a, b or a)) for a, b in zip(f.refers_to, f.refers_end)]
    f["party_name"] = f.party.map(lambda p: PARTY_NAMES.get(p, p))
    return f.sort_values(["party", "date", "figure_id"])


def troop_chart(figures: pd.DataFrame, chronology: pd.DataFrame, articles: pd.DataFrame):
    """Troop figures by party over time: points, ranges for approximate values, a line per party,
    each point labelled with its outlet; key chronology events on the time axis."""
    apply_style()
    pts = figure_points(figures, "troops")
    fig, ax = plt.subplots(figsize=(10.5, 5.8))
    labels = []
    for party, g in pts.groupby("party", sort=True):
        color = PARTY_COLORS.get(party, "#555")
        actual = g[g.get("planned", False) != True]  # noqa: E712  the line joins counts, not targets
        ax.plot(actual.date, actual.count_best.astype(float), "-", color=color, alpha=0.5, lw=1)
        for r in g.itertuples():
            hollow = r.approximate
            if getattr(r, "planned", False) is True:  # a target, not a count: a cross, labelled "prévu"
                ax.scatter([r.date], [float(r.count_best)], s=55, zorder=3, marker="x", color=color, linewidth=1.8)
                labels.append(
                    (
                        r.date,
                        float(r.count_best),
                        f"{int(r.count_best):,} prévu ({r.outlet or 'inconnu'})".replace(",", "\u202f"),
                        7,
                        "normal",
                        color,
                    )
                )
                continue
            ax.scatter(
                [r.date],
                [float(r.count_best)],
                s=45,
                zorder=3,
                color=color if not hollow else "white",
                edgecolor=color,
                linewidth=1.5,
                label=None,
            )
            lo = float(r.count_low) if pd.notna(r.count_low) else float(r.count_best)
            hi = float(r.count_high) if pd.notna(r.count_high) else float(r.count_best) * 1.6
            if lo != hi:
                ax.vlines(r.date, lo, hi, color=color, lw=2, alpha=0.6)
                if pd.isna(r.count_high):
                    ax.annotate(
                        "",
                        (r.date, hi),
                        (r.date, float(r.count_best)),
                        arrowprops=dict(arrowstyle="->", color=color, lw=1),
                    )
            if r.refers_end and r.refers_end != r.refers_to:
                ax.hlines(
                    float(r.count_best),
                    pd.Timestamp(r.refers_to),
                    pd.Timestamp(r.refers_end),
                    color=color,
                    lw=1,
                    alpha=0.5,
                    linestyles=":",
                )
            labels.append(
                (
                    r.date,
                    float(r.count_best),
                    f"{int(r.count_best):,} ({r.outlet or 'inconnu'})".replace(",", "\u202f"),
                    7,
                    "normal",
                    color,
                )
            )
        ax.plot([], [], "o-", color=color, label=PARTY_NAMES.get(party, party))
    key = key_events(chronology)
    ax.set_yscale("log")
    lo_y, hi_y = ax.get_ylim() if len(pts) else (10, 10000)
    ax.set_ylim(lo_y, hi_y * 1.8)
    hi_y = hi_y * 1.7
    shown = []
    for r in key.itertuples():
        d0 = pd.Timestamp(_mid(r.date_start, r.date_end))
        if any(abs((d0 - x).days) < 45 for x in shown):
            continue
        shown.append(d0)
        d = pd.Timestamp(_mid(r.date_start, r.date_end))
        ax.axvline(d, color="#999", lw=0.8, ls="--", zorder=0)
        ax.annotate(
            f"{r.display_date}\n{TYPE_LABELS_SHORT[r.event_type]}",
            (d, hi_y),
            xytext=(2, -2),
            textcoords="offset points",
            fontsize=6.5,
            color="#666",
            va="top",
            rotation=90,
        )
    ax.set_ylabel("effectif cité (log ; rond creux : approximatif ; trait : fourchette ; × : prévu)")
    ax.set_xlabel("date décrite par le chiffre")
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(troop_title(pts))
    if len(pts):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title="Partie", title_fontsize=8.5)
    source_line(
        fig,
        articles,
        extra="Lignes pointillées : événements clés de la chronologie (2 médias ou plus, "
        "retraits, remises, accords datés au jour).",
    )
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    place_labels(ax, labels, sort=False)
    cols = [
        "figure_id",
        "party",
        "count_best",
        "count_low",
        "count_high",
        "approximate",
        "planned",
        "unit",
        "refers_to",
        "refers_end",
        "refers_precision",
        "outlet",
        "evidence",
    ]
    return fig, pts.reindex(columns=cols).reset_index(drop=True)


def key_events(chronology: pd.DataFrame) -> pd.DataFrame:
    """Chronology rows shown on the troop chart: corroborated, or a withdrawal/handover/agreement/vote."""
    k = chronology[
        ((chronology.n_outlets >= 2) | chronology.event_type.isin(["withdrawal", "handover", "agreement"]))
        & chronology.precision.isin(["day", "week"])
    ]
    return k.sort_values(["n_outlets", "date_start"], ascending=[False, True]).sort_values("date_start", kind="stable")


def troop_title(pts: pd.DataFrame) -> str:
    """The troop chart's title: the latest figure of each party, in words."""
    if pts.empty:
        return "Aucun effectif de troupes daté dans le corpus"
    import textwrap

    parts = []
    for party, g in pts.groupby("party"):
        g = g.sort_values("date")
        a, b = g.iloc[0], g.iloc[-1]
        name = PARTY_NAMES.get(party, party)
        if len(g) == 1:
            parts.append(f"{name} {int(a.count_best):,} ({a.date.year})".replace(",", "\u202f"))
        else:
            parts.append(
                f"{name} {int(a.count_best):,} ({a.date.year}) → {int(b.count_best):,} ({b.date.year})".replace(
                    ",", "\u202f"
                )
            )
    return "\n".join(textwrap.wrap("Effectifs cités : " + " ; ".join(parts), 95))


def casualty_chart(figures: pd.DataFrame, articles: pd.DataFrame):
    """Casualty figures by date and party, kept apart from troop presence."""
    apply_style()
    pts = figure_points(figures, "casualties")
    fig, ax = plt.subplots(figsize=(9.5, 4.2))
    labels = []
    for party, g in pts.groupby("party", sort=True):
        color = PARTY_COLORS.get(party, "#555")
        ax.bar(
            g.date, g.count_best.astype(float), width=12, color=color, alpha=0.8, label=PARTY_NAMES.get(party, party)
        )
        for r in g.itertuples():
            txt = f"{'≥' if pd.isna(r.count_high) and r.approximate else ''}{int(r.count_best)} {r.unit}"
            labels.append((r.date, float(r.count_best), f"{txt} ({r.outlet or 'inconnu'})", 7, "normal", color))
    total = int(pts.count_best.sum()) if len(pts) else 0
    ax.set_title(f"{len(pts)} bilans de victimes cités, {total} personnes au total (chiffres tels que cités)")
    ax.set_ylabel("personnes tuées ou blessées (chiffre cité)")
    ax.set_xlabel("date décrite par le chiffre")
    if len(pts):
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_ylim(0, float(pts.count_best.max()) * 1.35)
    french_date_axis(ax)
    source_line(fig, articles)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    place_labels(ax, labels, offsets=[(0, 4), (0, 14), (0, 24), (8, 4), (-8, 4), (0, 34)], sort=False)
    cols = [
        "figure_id",
        "party",
        "count_best",
        "count_low",
        "count_high",
        "approximate",
        "unit",
        "refers_to",
        "refers_end",
        "outlet",
        "evidence",
    ]
    return fig, pts[cols].reset_index(drop=True)
