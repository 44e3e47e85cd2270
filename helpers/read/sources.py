"""Citing the articles: a reader's name for each, its reference (address or file) and the bibliography.

An article is named by its outlet; when the outlet is unknown, by its title, else its file name
(never by its hash). Its reference is its address when one is known (the sidecar's ``url``, the
page's or its footer's, see :mod:`helpers.read.corpus`), else its file under ``raw/articles/``.
Every text here comes from the articles: :func:`link` escapes it and only ever makes an ``http(s)``
address a link.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pandas as pd

UNKNOWN = "média inconnu"


def article_name(row) -> str:
    """« Press TV », else « “title” (média inconnu) », else « file (média inconnu) »."""
    outlet = (row.get("outlet") or "").strip()
    if outlet:
        return outlet
    title = " ".join((row.get("title") or "").split())
    if title:
        if len(title) > 60:
            title = title[:57].rsplit(" ", 1)[0] + "…"
        return f"« {title} » ({UNKNOWN})"
    return f"{row.get('file') or '?'} ({UNKNOWN})"


def names(articles: pd.DataFrame) -> dict[str, str]:
    """article_id → :func:`article_name`. Unknown-outlet articles of the same title are named by their
    file instead (each such article counts as its own outlet)."""
    used = [c for c in ("article_id", "outlet", "title", "file") if c in articles.columns]
    values = [articles[c].tolist() for c in used]  # by column: a frame's records are slow to make
    rows = [r for r in (dict(zip(used, v)) for v in zip(*values)) if r.get("article_id")]
    out = {r["article_id"]: article_name(r) for r in rows}
    counts = Counter(out[r["article_id"]] for r in rows if not r.get("outlet"))
    for r in rows:
        if not r.get("outlet") and counts[out[r["article_id"]]] > 1:
            out[r["article_id"]] = f"{r.get('file') or '?'} ({UNKNOWN})"
    return out


def reference(row) -> str:
    """The article's address when known, else ``fichier : raw/articles/<file>``."""
    url = (row.get("url") or "").strip()
    return url if url else f"fichier : {row.get('file') or '?'}"


def is_web(url: str) -> bool:
    """Is ``url`` a web address (http or https)?"""
    return bool(re.match(r"https?://[^\s<>\"']+$", url or "", re.IGNORECASE))


def link(url: str, text: str | None = None) -> str:
    """An escaped link when ``url`` is an http(s) address, else the escaped text alone."""
    shown = html.escape(text if text is not None else url, quote=True)
    if is_web(url):
        return f"<a href=\"{html.escape(url, quote=True)}\" target=\"_blank\" rel=\"noopener noreferrer\">{shown}</a>"
    return shown


def cite_html(row) -> str:
    """« Outlet, “title”, date — link or file » as escaped HTML."""
    parts = [html.escape(article_name(row))]
    if row.get("outlet") and row.get("title"):
        parts.append(f"« {html.escape(row['title'])} »")
    if row.get("published"):
        parts.append(html.escape(row["published"]))
    ref = reference(row)
    parts.append(link(ref, "lien") if is_web(ref) else html.escape(ref))
    return ", ".join(parts)


def cite(df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``df`` (with an ``article_id`` column) with the article's name (``article``) and its reference
    (``source``: address or file) added, so that every fact row can be traced to its article."""
    a = articles[articles.article_id != ""].drop_duplicates("article_id").set_index("article_id")
    nm = names(articles)
    out = df.copy()
    out["article"] = [nm.get(aid, "") for aid in out.article_id]
    out["source"] = [reference(a.loc[aid]) if aid in a.index else "" for aid in out.article_id]
    return out


BIBLIOGRAPHY_COLUMNS = [
    "outlet",
    "title",
    "published",
    "published_end",
    "published_precision",
    "url",
    "url_basis",
    "source_urls",
    "file",
    "article_id",
]


def bibliography(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article read: outlet (or « média inconnu »), title, publication date, address, file."""
    ok = articles[articles.status == "ok"].copy()
    ok["outlet"] = [r["outlet"] or UNKNOWN for r in ok.to_dict("records")]
    ok = ok.reindex(columns=BIBLIOGRAPHY_COLUMNS).fillna("")
    return ok.sort_values(["published", "outlet", "file"]).reset_index(drop=True)


def bibliography_html(articles: pd.DataFrame) -> str:
    """The bibliography as an escaped HTML table (addresses as links, files named)."""
    rows = []
    for r in bibliography(articles).to_dict("records"):
        date = r["published"] + (f" – {r['published_end']}" if r["published_end"] not in ("", r["published"]) else "")
        extra = [u for u in r["source_urls"].split(";") if u and u != r["url"]]
        more = "".join(f"<br><small>source citée : {link(u)}</small>" for u in extra)
        rows.append(
            f"<tr><td>{html.escape(r['outlet'])}</td><td>{html.escape(r['title'])}</td>"
            f"<td>{html.escape(date)}</td><td>{link(r['url']) if r['url'] else '—'}{more}</td>"
            f"<td><code>{html.escape(r['file'])}</code></td></tr>"
        )
    return (
        "<table class='bibliography'><thead><tr><th>Média</th><th>Titre</th><th>Publié</th>"
        "<th>Adresse</th><th>Fichier</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
