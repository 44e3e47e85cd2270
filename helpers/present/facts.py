"""The fact tables of the reports, every row traceable to its article.

:func:`chronology_html` is the chronology as a reader uses it: one row per event (date in words, what
happened, type, corroboration) that opens onto each mention: outlet, article title, address or file,
the date as written and the verbatim sentence. :func:`with_sources` adds the article's name and
reference to any table of facts (events, place mentions, figures). All article text is escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from ..read import sources
from ..vocabulary import TYPE_LABELS
from .charts import date_in_words, event_title

CSS = """<style>
table.chrono{border-collapse:collapse;font-size:.92em;width:100%}
table.chrono td,table.chrono th{border-bottom:1px solid #ddd;padding:.3em .5em;vertical-align:top;
  text-align:left!important}
table.chrono details summary{cursor:pointer;color:#1f4e9c}
table.chrono li.fact{margin:.3em 0}
table.chrono q{font-style:italic}
</style>"""


def with_sources(df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``article`` (outlet, else title or file) and ``source`` (address, else file)."""
    return sources.cite(df, articles)


def _mention(e: dict, art: dict) -> str:
    ref = sources.reference(art) if art else ""
    title = f" « {html.escape(art['title'])} »" if art and art.get("title") else ""
    written = f" <small>(date écrite : « {html.escape(e['date_text'])} »)</small>" if e.get("date_text") else ""
    fixed = f" <small class='corr'>(corrigé : {html.escape(e['correction'])})</small>" if e.get("correction") else ""
    return (
        f"<li class='fact'><q>{html.escape(e['evidence'])}</q> — <b>{html.escape(e['name'])}</b>{title}, "
        f"<span class='src'>{sources.link(ref) if sources.is_web(ref) else html.escape(ref)}</span>"
        f"{written}{fixed}</li>"
    )


def chronology_html(chronology: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The chronology as an HTML table; each row lists its mentions, each mention its article."""
    names = sources.names(articles)
    arts = {r["article_id"]: r for r in articles.to_dict("records") if r["article_id"]}
    ev = {r["event_id"]: r for r in events.to_dict("records")}
    rows = []
    for r in chronology.to_dict("records"):
        mentions = []
        for eid in r["event_ids"].split(";"):
            e = ev.get(eid)
            if e is None:
                continue
            e = dict(e, name=names.get(e["article_id"], e.get("outlet") or sources.UNKNOWN))
            mentions.append(_mention(e, arts.get(e["article_id"])))
        n = r["n_outlets"]
        rows.append(
            f"<tr id='{html.escape(r['chronology_id'])}'><td><b>{html.escape(date_in_words(r))}</b></td>"
            f"<td>{html.escape(event_title(r, 140))}<br><small>{html.escape(TYPE_LABELS.get(r['event_type'], r['event_type']))}"
            f"{' ; corrigé par le chercheur' if r.get('corrected') else ''}</small></td><td>{n} média{'s' if n > 1 else ''}<br><small>{html.escape(r['outlets'])}</small></td>"
            f"<td><details><summary>{len(mentions)} mention{'s' if len(mentions) > 1 else ''}</summary>"
            f"<ul>{''.join(mentions)}</ul></details></td></tr>"
        )
    return (
        CSS + "<table class='chrono'><thead><tr><th>Date</th><th>Ce qui s'est passé</th><th>Médias</th>"
        "<th>Mentions et articles</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def bibliography_html(articles: pd.DataFrame) -> str:
    """The bibliography of the articles as an HTML table with the site's style."""
    return CSS.replace("table.chrono", "table.bibliography") + sources.bibliography_html(articles)
