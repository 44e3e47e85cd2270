"""Maps of the places the corpus names: an interactive folium map and a static map.

Everything from an article is untrusted: :func:`esc` escapes it for HTML *and* for the
JavaScript template strings folium writes popups into (backticks, ``${``, backslashes).
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .. import config

STATUS_COLORS = {  # folium icon colours and matching hex for the static map
    "handover": ("green", "#2e7d32"), "withdrawal": ("darkgreen", "#1b5e20"),
    "redeployment": ("cadetblue", "#00838f"), "deployment": ("blue", "#1565c0"),
    "attack": ("red", "#c62828"), "strike": ("orange", "#ef6c00"), "mentioned": ("gray", "#757575"),
}
STATUS_LABELS = {"handover": "remise aux forces irakiennes", "withdrawal": "évacuée", "redeployment": "redéploiement",
                 "deployment": "présence de forces étrangères", "attack": "attaquée", "strike": "frappée",
                 "mentioned": "citée, sans événement daté"}
SITE_KINDS = ("base", "airport", "zone")
CREDITS = ("Fonds : Natural Earth (domaine public). Noms de lieux : GeoNames (geonames.org), CC BY 4.0. "
           "Coordonnées des sites : coalition_sites.csv (sources par site).")


def esc(text) -> str:
    """Escape untrusted text for HTML inside a JavaScript template literal."""
    s = html.escape("" if text is None else str(text), quote=True)
    return s.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;").replace("{", "&#123;") \
        .replace("}", "&#125;")


def popup_html(place: pd.Series, events: list[dict], quotes: list[tuple[str, str]]) -> str:
    """The popup of one place: name, status, dated events with outlet and quote, other mentions."""
    parts = [f"<b>{esc(place['name'])}</b> <i>({esc(place['kind'])})</i><br>"]
    if place.get("status_text"):
        parts.append(f"<b>Statut :</b> {esc(place['status_text'])}<br>")
    if events:
        parts.append("<ul style='padding-left:1em;margin:0'>")
        for e in events:
            q = e["quotes"][0] if e["quotes"] else {"outlet": "", "quote": ""}
            parts.append(f"<li><b>{esc(e['date'])}</b> — {esc(e['label'])} ({esc(e['outlets'])})"
                         f"<br><q>{esc(q['quote'])}</q> — {esc(q['outlet'])}</li>")
        parts.append("</ul>")
    if quotes:
        parts.append("<details><summary>Mentions</summary>")
        for outlet, sentence in quotes[:5]:
            parts.append(f"<p><q>{esc(sentence)}</q> — {esc(outlet)}</p>")
        parts.append("</details>")
    return "".join(parts)


def interactive_map(tables, reference_dir: Path | None = None):
    """A folium map: a marker per site coloured by status, popups with dated, sourced events,
    layers by event type, cities mentioned, and a time control of when each site changes."""
    import folium
    import geopandas as gpd
    from folium.plugins import TimestampedGeoJson

    from ..tables import place_events

    ref = reference_dir or config.paths().reference
    m = folium.Map(location=[33.3, 43.6], zoom_start=6, tiles=None, control_scale=True)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (en ligne)").add_to(m)
    gov = gpd.read_file(ref / "ne_10m_iraq_governorates.geojson")[["name_fr", "geometry"]]
    folium.GeoJson(gov.to_json(), name="Gouvernorats (Natural Earth)",
                   style_function=lambda _: {"color": "#555", "weight": 1, "fillColor": "#f4efe6", "fillOpacity": 0.6},
                   tooltip=folium.GeoJsonTooltip(fields=["name_fr"], aliases=[""])).add_to(m)
    outlets = dict(zip(tables.articles.article_id, tables.articles.outlet))
    mentions = tables.place_mentions
    sites = tables.places[tables.places.kind.isin(SITE_KINDS)]
    all_sites = folium.FeatureGroup(name="Sites (bases, aéroports, zone)").add_to(m)
    type_layers: dict[str, folium.FeatureGroup] = {}
    timed = []
    for _, p in sites.iterrows():
        events = place_events(tables, p.place_id)
        quotes = [(outlets.get(r.article_id) or "(outlet unknown)", r.evidence)
                  for r in mentions[mentions.place_id == p.place_id].drop_duplicates("evidence").itertuples()]
        status = p.status if p.status in STATUS_COLORS else "mentioned"
        body = popup_html(p, events, quotes)
        icon = "plane" if p.kind == "airport" else ("flag" if p.kind == "zone" else "star")

        def marker():
            return folium.Marker([p.latitude, p.longitude], popup=folium.Popup(body, max_width=420),
                                 tooltip=esc(f"{p['name']} — {STATUS_LABELS.get(status, status)}"),
                                 icon=folium.Icon(color=STATUS_COLORS[status][0], icon=icon, prefix="fa"))
        marker().add_to(all_sites)
        for e in events:
            layer = type_layers.setdefault(e["event_type"], folium.FeatureGroup(
                name=f"Événements : {e['label']}", show=False))
            marker().add_to(layer)
            timed.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
                          "properties": {"times": [e["date_start"]], "popup": esc(f"{p['name']} — {e['date']} — "
                                                                                   f"{e['label']} ({e['outlets']})"),
                                         "icon": "circle", "iconstyle": {"fillColor": STATUS_COLORS.get(
                                             e["event_type"], STATUS_COLORS["mentioned"])[1], "fillOpacity": 0.9,
                                             "stroke": "true", "radius": 8}}})
    for et in sorted(type_layers):
        type_layers[et].add_to(m)
    cities = tables.places[tables.places.kind == "city"]
    cg = folium.FeatureGroup(name="Villes citées").add_to(m)
    for _, c in cities.iterrows():
        folium.CircleMarker([c.latitude, c.longitude], radius=4, color="#333", fill=True, fill_opacity=0.8,
                            tooltip=esc(f"{c['name']} ({c.n_mentions} mention(s))"),
                            popup=folium.Popup(esc(f"{c['name']} — {c.n_mentions} mention(s)"), max_width=300)
                            ).add_to(cg)
    if timed:
        timed.sort(key=lambda f: (f["properties"]["times"][0], f["geometry"]["coordinates"]))
        TimestampedGeoJson({"type": "FeatureCollection", "features": timed}, period="P1M", duration="P6M",
                           add_last_point=False, auto_play=False, loop=False, date_options="YYYY-MM-DD",
                           time_slider_drag_update=True).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def static_map(tables, reference_dir: Path | None = None):
    """A geopandas/matplotlib map of the sites and cities, labelled without overlaps."""
    import geopandas as gpd
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .charts import apply_style, place_labels, source_line

    apply_style()
    ref = reference_dir or config.paths().reference
    countries = gpd.read_file(ref / "ne_10m_countries_iraq_region.geojson")
    gov = gpd.read_file(ref / "ne_10m_iraq_governorates.geojson")
    rivers = gpd.read_file(ref / "ne_10m_rivers_iraq_region.geojson")
    lakes = gpd.read_file(ref / "ne_10m_lakes_iraq_region.geojson")
    fig, ax = plt.subplots(figsize=(9, 9.5))
    countries.plot(ax=ax, color="#eeeeee", edgecolor="#999", linewidth=0.6)
    gov.plot(ax=ax, color="#f6f1e7", edgecolor="#b9ab95", linewidth=0.5)
    rivers[rivers.river.isin(["Tigris", "Euphrates", "Shatt al Arab"])].plot(ax=ax, color="#5b8fc7", linewidth=1.2)
    lakes.plot(ax=ax, color="#a9c8e8", edgecolor="none")
    for name, (x, y) in {"Tigre": (44.9, 33.9), "Euphrate": (42.3, 34.15)}.items():
        ax.text(x, y, name, fontsize=7.5, color="#3b6ea5", style="italic")
    pts = tables.places[tables.places.kind.isin(SITE_KINDS + ("city",))].copy()
    pts = pts[(pts.longitude.between(38.5, 48.8)) & (pts.latitude.between(29, 37.5))]
    labels = []
    for _, p in pts.iterrows():
        if p.kind in SITE_KINDS:
            status = p.status if p.status in STATUS_COLORS else "mentioned"
            ax.scatter(p.longitude, p.latitude, s=70, marker="^" if p.kind != "zone" else "s",
                       color=STATUS_COLORS[status][1], edgecolor="black", linewidth=0.6, zorder=5)
            labels.append((p.longitude, p.latitude, p["name"], 8.5, "bold", "black"))
        else:
            ax.scatter(p.longitude, p.latitude, s=14, color="#333", zorder=4)
            labels.append((p.longitude, p.latitude, p["name"], 7.5, "normal", "#333"))
    ax.set_xlim(38.6, 48.8)
    ax.set_ylim(29.0, 37.6)
    ax.set_aspect("equal")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    place_labels(ax, labels)
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    n_sites = int(pts.kind.isin(SITE_KINDS).sum())
    ax.set_title(f"{n_sites} sites de la coalition cités par la presse, selon leur dernier statut connu",
                 loc="left", fontsize=12, fontweight="bold")
    used = [s for s in STATUS_COLORS if s in set(pts.status.replace("", "mentioned").fillna("mentioned"))] or ["mentioned"]
    handles = [Line2D([], [], marker="^", linestyle="", markersize=8, markerfacecolor=STATUS_COLORS[s][1],
                      markeredgecolor="black", label=STATUS_LABELS[s]) for s in used]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=4, color="#333", label="ville citée"))
    ax.legend(handles=handles, loc="lower left", fontsize=8, title="Dernier statut connu", title_fontsize=8.5)
    source_line(fig, tables.articles, extra=CREDITS)
    data = pts[["place_id", "name", "kind", "latitude", "longitude", "status", "status_text", "n_mentions",
                "source"]].reset_index(drop=True)
    return fig, data
