"""Maps of the places the corpus names: an interactive folium map and a static map.

Everything from an article is untrusted: :func:`esc` escapes it for HTML *and* for the
JavaScript template strings folium writes popups into (backticks, ``${``, backslashes).

The interactive map is self-contained: Leaflet (with its images) and jQuery come from the
``xstatic-leaflet`` and ``xstatic-jquery`` packages that ``make install`` puts in the virtual
environment, and are written into the page; the markers are SVG drawn here and the time control is
plain Leaflet (no icon font, no plugin, no CDN). Only the OpenStreetMap background, off by default,
needs the network.
"""

from __future__ import annotations

import base64
import html
import json
import re
from functools import lru_cache
from pathlib import Path

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from .. import config
from ..vocabulary import KIND_LABELS, SITE_KINDS, SITE_STATUS_SHORT

STATUS_COLORS = {  # folium icon colours and matching hex for the static map
    "handover": ("green", "#2e7d32"),
    "withdrawal": ("darkgreen", "#1b5e20"),
    "redeployment": ("cadetblue", "#00838f"),
    "deployment": ("blue", "#1565c0"),
    "attack": ("red", "#c62828"),
    "strike": ("orange", "#ef6c00"),
    "mentioned": ("gray", "#757575"),
}
CREDITS = (
    "Fonds : Natural Earth (domaine public). Noms de lieux : GeoNames (geonames.org), CC BY 4.0. "
    "Coordonnées des sites : coalition_sites.csv (sources par site)."
)


def esc(text) -> str:
    """Escape untrusted text for HTML inside a JavaScript template literal."""
    s = html.escape("" if text is None else str(text), quote=True)
    return (
        s.replace("`", "&#96;")
        .replace("$", "&#36;")
        .replace("\\", "&#92;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def _ref_html(ref: str) -> str:
    """An article's reference: a link when it is a web address, else the file named (escaped)."""
    from ..read.sources import is_web

    if is_web(ref):
        return f"<a href=\"{esc(ref)}\" target=\"_blank\" rel=\"noopener noreferrer\">{esc(ref)}</a>"
    return esc(ref)


def popup_html(place: pd.Series, events: list[dict], quotes: list[tuple[str, str, str]]) -> str:
    """The popup of one place: name, status, dated events (what happened, when, how many outlets, a
    quote with its article's address or file) and the other mentions, each with its source."""
    from .charts import event_title

    parts = [
        f"<div class='site-popup'><b>{esc(place['name'])}</b> "
        f"<i>({esc(KIND_LABELS.get(place['kind'], place['kind']))})</i><br>"
    ]
    if place.get("status_text"):
        parts.append(f"<b>Dernier statut :</b> {esc(place['status_text'])}<br>")
    if events:
        parts.append("<ul style='padding-left:1em;margin:.3em 0'>")
        for e in events:
            n = e.get("n_outlets", 1)
            parts.append(
                f"<li><b>{esc(e['date'])}</b> — {esc(event_title(e, 90))} "
                f"<small>({esc(e['label'])} ; {n} média{'s' if n > 1 else ''} : {esc(e['outlets'])})</small>"
            )
            if e.get("correction"):
                parts.append(f"<br><small><b>Corrigé par le chercheur :</b> {esc(e['correction'])}</small>")
            shown = list({(q["article_id"], q["quote"]): q for q in e["quotes"]}.values())
            for q in shown[:3]:
                parts.append(f"<br><q>{esc(q['quote'])}</q> — {esc(q['outlet'])}, {_ref_html(q.get('source', ''))}")
            parts.append("</li>")
        parts.append("</ul>")
    if quotes:
        parts.append(f"<details><summary>Mentions ({len(quotes)})</summary>")
        for outlet, sentence, ref in quotes[:8]:
            parts.append(f"<p><q>{esc(sentence)}</q> — {esc(outlet)}, {_ref_html(ref)}</p>")
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)


# --- self-contained maps: Leaflet and jQuery from the xstatic packages, embedded ----------------


def _package_file(dist: str, rel: str) -> Path:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        path = Path(distribution(dist).locate_file(rel))
    except PackageNotFoundError:
        raise RuntimeError(f"{dist} is not installed (make install installs it from requirements.txt)") from None
    if not path.is_file():
        raise RuntimeError(f"{dist}: {rel} missing from the installed package (reinstall it: make install)")
    return path


@lru_cache(maxsize=1)
def offline_assets() -> str:
    """Leaflet's CSS (its images as data: URIs) and JavaScript and jQuery (slim, for folium's popups),
    inline, from the installed xstatic-leaflet and xstatic-jquery packages: a saved map needs no network."""
    css_path = _package_file("xstatic-leaflet", "xstatic/pkg/leaflet/data/leaflet.css")
    css = re.sub(
        r"url\((images/[\w.-]+\.png)\)",
        lambda m: (
            "url(data:image/png;base64," + base64.b64encode((css_path.parent / m.group(1)).read_bytes()).decode() + ")"
        ),
        css_path.read_text(encoding="utf-8"),
    )
    js = _package_file("xstatic-leaflet", "xstatic/pkg/leaflet/data/leaflet.js").read_text(encoding="utf-8")
    jq = _package_file("xstatic-jquery", "xstatic/pkg/jquery/data/jquery.slim.min.js").read_text(encoding="utf-8")
    strip = lambda t: re.sub(r"//# sourceMappingURL=\S+\s*$", "", t)  # noqa: E731
    return (
        f"<style>{css}</style>\n<style>{MAP_CSS}</style>\n<script>{strip(js)}</script>\n<script>{strip(jq)}</script>\n"
    )


MAP_CSS = """
.site-marker{background:none;border:none}
.time-control{background:#fff;padding:6px 8px;font:12px/1.4 sans-serif;max-width:330px}
.time-control input[type=range]{width:200px;vertical-align:middle}
.time-control button{font-size:12px;padding:0 5px}
.site-popup q{font-style:italic}
.map-legend{background:#fff;padding:6px 8px;font:12px/1.5 sans-serif}
.map-legend span.sw{display:inline-block;width:10px;height:10px;border:1px solid #333;margin-right:4px}
"""


def _walk(el, seen=None):
    """Every branca element reachable from ``el`` (children and element attributes), once, in order."""
    seen = set() if seen is None else seen
    if id(el) in seen:
        return
    seen.add(id(el))
    yield el
    for key, value in list(vars(el).items()):
        if key == "_parent":
            continue
        if isinstance(value, Element):
            yield from _walk(value, seen)
        elif isinstance(value, dict):
            for v in list(value.values()):
                if isinstance(v, Element):
                    yield from _walk(v, seen)


class RawHtml(Element):
    """Markup written as is (not a Jinja template: minified JavaScript may hold ``{#``)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        """The element's HTML."""
        return self.text


class OfflineAssets(MacroElement):
    """Puts :func:`offline_assets` first in the page's head when the map is rendered."""

    def render(self, **kwargs):
        """The element's HTML."""
        self.get_root().header.add_child(RawHtml(offline_assets()), name="leaflet_offline", index=0)
        super().render(**kwargs)


def make_self_contained(m) -> None:
    """No CDN link (folium's default scripts and styles dropped), Leaflet embedded in the page instead,
    and ids numbered in order (folium draws random ones), so that the same map gives the same bytes."""
    OfflineAssets().add_to(m)
    elements = list(_walk(m.get_root()))
    old = {id(el): el.get_name() for el in elements}
    for i, el in enumerate(elements):
        if hasattr(el, "default_js"):
            el.default_js, el.default_css = [], []
        el._id = f"{i:032x}"
    for el in elements:  # children are keyed by their (old) names, and templates use the keys
        el._children = type(el._children)(
            (c.get_name() if k == old.get(id(c)) else k, c) for k, c in el._children.items()
        )


def site_icon(kind: str, color: str, status: str):
    """A pin drawn in SVG (no icon font): a triangle inside for a base, a plane for an airport, a square
    for a zone; the colour says the latest status."""

    inner = {
        "airport": "<path d='M13 6l2 6 5 2v2l-5-1-1 4 2 1v1.5l-3-1-3 1V20l2-1-1-4-5 1v-2l5-2z' fill='#fff'/>",
        "zone": "<rect x='8.5' y='8' width='9' height='9' fill='#fff'/>",
    }.get(kind, "<path d='M13 6.5l5.5 10h-11z' fill='#fff'/>")
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='26' height='36' viewBox='0 0 26 36'>"
        f"<path d='M13 1C6.4 1 1 6.3 1 12.8 1 22 13 35 13 35s12-13 12-22.2C25 6.3 19.6 1 13 1z' "
        f"fill='{color}' stroke='#222' stroke-width='1.2'/>{inner}</svg>"
    )
    return folium.DivIcon(
        html=svg,
        icon_size=(26, 36),
        icon_anchor=(13, 35),
        popup_anchor=(0, -30),
        class_name=f"site-marker site-{kind} status-{status}",
    )


class SiteMap(folium.Map):
    """A folium map whose text form names what it shows (folium's names a memory address, which
    would change every saved notebook at every run)."""

    def __repr__(self) -> str:
        return "<carte interactive des sites (folium)>"


def interactive_map(tables, reference_dir: Path | None = None):
    """A folium map that works offline: a marker per site coloured by its latest status, popups with
    dated, sourced events, layers by event type, cities mentioned, the governorates (local layer),
    optional online tiles, a legend and a time control of when each site changes."""
    import geopandas as gpd

    from ..extract.dates import MONTH_ABBR
    from ..tables import PlaceEvents, article_refs, place_events
    from .charts import event_title

    ref = reference_dir or (tables.paths or config.paths()).reference
    m = SiteMap(location=[33.3, 43.6], zoom_start=6, tiles=None, control_scale=True)
    folium.TileLayer("OpenStreetMap", name="Fond OpenStreetMap (en ligne)", show=False).add_to(m)
    gov = gpd.read_file(ref / "ne_10m_iraq_governorates.geojson")[["name_fr", "geometry"]]
    folium.GeoJson(
        gov.to_json(),
        name="Gouvernorats (Natural Earth)",
        style_function=lambda _: {"color": "#555", "weight": 1, "fillColor": "#f4efe6", "fillOpacity": 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["name_fr"], aliases=[""]),
    ).add_to(m)
    refs = article_refs(tables.articles)
    index = PlaceEvents(tables, refs)
    mentions = tables.place_mentions
    sites = tables.places[tables.places.kind.isin(SITE_KINDS)]
    all_sites = folium.FeatureGroup(name="Sites (bases, aéroports, zone)").add_to(m)
    type_layers: dict[str, folium.FeatureGroup] = {}
    timed = []
    for _, p in sites.iterrows():
        events = place_events(tables, p.place_id, refs, index)
        quotes = [
            (*refs.get(r.article_id, ("(média inconnu)", "")), r.evidence)
            for r in mentions[mentions.place_id == p.place_id].drop_duplicates("evidence").itertuples()
        ]
        quotes = [(name, sentence, source) for name, source, sentence in quotes]
        status = p.status if p.status in STATUS_COLORS else "mentioned"
        body = popup_html(p, events, quotes)

        def marker():
            return folium.Marker(
                [p.latitude, p.longitude],
                popup=folium.Popup(body, max_width=440),
                tooltip=esc(f"{p['name']} — {SITE_STATUS_SHORT.get(status, status)}"),
                icon=site_icon(p.kind, STATUS_COLORS[status][1], status),
            )

        marker().add_to(all_sites)
        for e in events:
            layer = type_layers.setdefault(
                e["event_type"], folium.FeatureGroup(name=f"Événements : {e['label']}", show=False)
            )
            marker().add_to(layer)
            one = popup_html(p, [e], [])
            timed.append(
                {
                    "lat": round(float(p.latitude), 6),
                    "lon": round(float(p.longitude), 6),
                    "start": e["date_start"],
                    "end": e["date_end"],
                    "color": STATUS_COLORS.get(e["event_type"], STATUS_COLORS["mentioned"])[1],
                    "title": esc(f"{p['name']} — {e['date']} — {event_title(e, 80)}"),
                    "popup": one,
                }
            )
    for et in sorted(type_layers):
        type_layers[et].add_to(m)
    cities = tables.places[tables.places.kind == "city"]
    cg = folium.FeatureGroup(name="Villes citées").add_to(m)
    for _, c in cities.iterrows():
        folium.CircleMarker(
            [c.latitude, c.longitude],
            radius=4,
            color="#333",
            fill=True,
            fill_opacity=0.8,
            tooltip=esc(f"{c['name']} ({c.n_mentions} mention(s))"),
            popup=folium.Popup(esc(f"{c['name']} — {c.n_mentions} mention(s)"), max_width=300),
        ).add_to(cg)
    if timed:
        timed.sort(key=lambda f: (f["start"], f["lon"], f["lat"], f["title"]))
        TimeControl(timed, MONTH_ABBR).add_to(m)
    Legend().add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    make_self_contained(m)
    return m


def _months(first: str, last: str) -> list[str]:
    y, mo = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{mo:02d}" <= last[:7]:
        out.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out


class TimeControl(MacroElement):
    """A slider of months: it shows the site events of the six months up to the chosen one (a play
    button steps through them; « tous » shows every dated event). Plain Leaflet, no plugin."""

    WINDOW = 6

    def __init__(self, events: list[dict], month_abbr: dict):
        super().__init__()
        self._name = "TimeControl"
        months = _months(min(e["start"] for e in events), max(e["end"] for e in events))
        labels = [f"{month_abbr[int(x[5:7])]} {x[:4]}" for x in months]
        data = json.dumps(
            {"months": months, "labels": labels, "window": self.WINDOW, "events": events},
            ensure_ascii=False,
            sort_keys=True,
        ).replace("</", "<\\/")
        self._template = Template(
            "{% macro script(this, kwargs) %}(function () {\n"
            "var map = {{ this._parent.get_name() }};\nvar data = {{ this.data }};\n"
            + TIME_CONTROL_JS
            + "\n})();\n{% endmacro %}"
        )
        self.data = data


TIME_CONTROL_JS = r"""
var layer = L.featureGroup().addTo(map);
var marks = data.events.map(function (e) {
  var m = L.circleMarker([e.lat, e.lon], {radius: 9, color: "#222", weight: 1.5, fillColor: e.color,
                                          fillOpacity: 0.9, className: "time-event"});
  m.bindPopup(e.popup, {maxWidth: 440});
  m.bindTooltip(e.title);
  return {e: e, m: m};
});
function monthEnd(ym) {
  var y = +ym.slice(0, 4), mo = +ym.slice(5, 7), d = new Date(Date.UTC(y, mo, 0));
  return ym + "-" + String(d.getUTCDate()).padStart(2, "0");
}
var Ctl = L.Control.extend({
  options: {position: "bottomleft"},
  onAdd: function () {
    var div = L.DomUtil.create("div", "leaflet-bar time-control");
    div.innerHTML = "<b>Événements des sites, par date</b> " +
      "<label><input type='checkbox' class='tc-all'> tous</label><br>" +
      "<button type='button' class='tc-prev' title='mois précédent'>◀</button> " +
      "<input type='range' class='tc-range' min='0' step='1'> " +
      "<button type='button' class='tc-next' title='mois suivant'>▶</button> " +
      "<button type='button' class='tc-play'>lecture</button>" +
      "<div class='tc-label' aria-live='polite'></div>";
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  }
});
var ctl = new Ctl().addTo(map), div = ctl.getContainer();
var range = div.querySelector(".tc-range"), all = div.querySelector(".tc-all"),
    label = div.querySelector(".tc-label"), play = div.querySelector(".tc-play"), timer = null;
range.max = data.months.length - 1;
range.value = data.months.length - 1;
function update() {
  var i = +range.value, lo = data.months[Math.max(0, i - data.window + 1)] + "-01", hi = monthEnd(data.months[i]);
  var n = 0;
  marks.forEach(function (k) {
    var on = all.checked || (k.e.start <= hi && k.e.end >= lo);
    if (on) { n += 1; if (!layer.hasLayer(k.m)) layer.addLayer(k.m); }
    else if (layer.hasLayer(k.m)) layer.removeLayer(k.m);
  });
  range.disabled = all.checked;
  label.textContent = (all.checked ? "toutes les dates" :
    data.labels[Math.max(0, i - data.window + 1)] + " – " + data.labels[i]) + " : " + n + " événement" + (n > 1 ? "s" : "");
  div.setAttribute("data-shown", n);
}
function step(d) { range.value = Math.min(+range.max, Math.max(0, +range.value + d)); update(); }
range.addEventListener("input", update);
all.addEventListener("change", update);
div.querySelector(".tc-prev").addEventListener("click", function () { step(-1); });
div.querySelector(".tc-next").addEventListener("click", function () { step(1); });
play.addEventListener("click", function () {
  if (timer) { clearInterval(timer); timer = null; play.textContent = "lecture"; return; }
  if (+range.value >= +range.max) range.value = 0;
  play.textContent = "pause";
  timer = setInterval(function () {
    if (+range.value >= +range.max) { clearInterval(timer); timer = null; play.textContent = "lecture"; return; }
    step(1);
  }, 700);
});
update();
"""


class Legend(MacroElement):
    """The legend of the interactive map: the status colours and the site symbols (our own HTML)."""

    _template = Template(
        "{% macro script(this, kwargs) %}var lg = L.control({position: 'bottomright'});\n"
        "lg.onAdd = function () {\n  var d = L.DomUtil.create('div', 'map-legend');\n"
        "  d.innerHTML = {{ this.body }};\n  return d;\n};\n"
        "lg.addTo({{ this._parent.get_name() }});\n{% endmacro %}"
    )

    def __init__(self):
        super().__init__()
        self._name = "Legend"
        rows = "".join(
            f"<div><span class='sw' style='background:{c}'></span>{html.escape(SITE_STATUS_SHORT[s])}</div>"
            for s, (_, c) in STATUS_COLORS.items()
        )
        self.body = json.dumps(
            "<b>Dernier statut connu</b>"
            + rows
            + "<div>épingle ▲ base · ✈ aéroport · ■ zone</div><div>● gris foncé : ville citée</div>"
            "<div>● rond coloré : événement daté (curseur)</div>",
            ensure_ascii=False,
        )


SITE_MARKERS = {"base": "^", "airport": "D", "zone": "s"}


def place_site_labels(ax, points: list[tuple], crowd_px: float = 28) -> None:
    """Label map points (x, y, text, size, weight, color) so that no label overlaps another label or a
    point. A point with no neighbour within ``crowd_px`` is labelled beside itself; where points crowd
    (Baghdad and its bases), the label is set further out, in the first free direction, with a leader
    line to its point, so that each label is tied to its own mark. Axes limits must be final."""
    import math

    from matplotlib.transforms import offset_copy

    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    axbox = ax.get_window_extent(renderer)
    xy = [tuple(ax.transData.transform((p[0], p[1]))) for p in points]
    marks = [(x - 6, y - 6, x + 6, y + 6) for x, y in xy]
    placed: list = []

    def free(bb) -> bool:
        if not (axbox.x0 <= bb.x0 and bb.x1 <= axbox.x1 and axbox.y0 <= bb.y0 and bb.y1 <= axbox.y1):
            return False
        if any(bb.overlaps(o) for o in placed):
            return False
        return not any(bb.x0 < m[2] and m[0] < bb.x1 and bb.y0 < m[3] and m[1] < bb.y1 for m in marks)

    near = [(7, 3), (7, -11), (-7, 3), (-7, -11), (0, 9), (0, -16)]
    far = [
        (r * math.cos(a), r * math.sin(a))
        for r in (40, 60, 85, 115, 150, 200, 260)
        for a in [math.radians(d) for d in (20, -20, 160, 200, 60, -60, 120, 240, 0, 180, 90, 270)]
    ]
    order = sorted(range(len(points)), key=lambda i: (-points[i][3], points[i][2]))

    def label(x, y, text, size, weight, color, dx, dy, lead):
        ha = "left" if dx > 0 else ("right" if dx < 0 else "center")
        where = offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points")
        return ax.text(
            x,
            y,
            text,
            transform=where,
            fontsize=size,
            fontweight=weight,
            ha=ha,
            va="center" if lead else "bottom",
            zorder=7,
            color=color,
            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="#999" if lead else "none", lw=0.5, alpha=0.85),
        )

    def leader(x, y, dx, dy):  # a thin line from the label to its site
        ax.annotate(
            "",
            (x, y),
            xytext=(dx, dy),
            textcoords="offset points",
            zorder=6,
            arrowprops=dict(arrowstyle="-", color="#444", lw=0.7, shrinkA=0, shrinkB=4),
        )

    for i in order:
        x, y, text, size, weight, color = points[i]
        px, py = xy[i]
        crowded = any(j != i and math.dist(xy[j], (px, py)) < crowd_px for j in range(len(points)))
        for dx, dy in ([] if crowded else near) + far:
            lead = abs(dx) > 12 or abs(dy) > 18
            t = label(x, y, text, size, weight, color, dx, dy, lead)
            bb = t.get_window_extent(renderer).expanded(1.03, 1.1)
            if free(bb):
                placed.append(bb)
                if lead:
                    leader(x, y, dx, dy)
                break
            t.remove()
        else:  # nowhere free (a very crowded map): the last ring, drawn anyway, so that no site goes unnamed
            t = label(x, y, text, size - 1, weight, color, *far[-1], True)
            leader(x, y, *far[-1])
            placed.append(t.get_window_extent(renderer))


def static_map(tables, reference_dir: Path | None = None):
    """A geopandas/matplotlib map of the sites and cities, labelled without overlaps."""
    import geopandas as gpd
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .charts import apply_style, source_line

    apply_style()
    ref = reference_dir or (tables.paths or config.paths()).reference
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
            ax.scatter(
                p.longitude,
                p.latitude,
                s=70,
                marker=SITE_MARKERS.get(p.kind, "^"),
                color=STATUS_COLORS[status][1],
                edgecolor="black",
                linewidth=0.6,
                zorder=5,
            )
            labels.append((p.longitude, p.latitude, p["name"], 8.5, "bold", "black"))
        else:
            ax.scatter(p.longitude, p.latitude, s=14, color="#333", zorder=4)
            labels.append((p.longitude, p.latitude, p["name"], 7.5, "normal", "#333"))
    ax.set_xlim(38.6, 48.8)
    ax.set_ylim(29.0, 37.6)
    ax.set_aspect("equal")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    place_site_labels(ax, labels)
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    n_sites = int(pts.kind.isin(SITE_KINDS).sum())
    ax.set_title(
        f"{n_sites} sites de la coalition cités par la presse, selon leur dernier statut connu",
        loc="left",
        fontsize=12,
        fontweight="bold",
    )
    from matplotlib.patches import Patch

    statuses = set(pts.status.fillna("").replace("", "mentioned"))
    used = [s for s in STATUS_COLORS if s in statuses] or ["mentioned"]
    handles = [
        Patch(facecolor=STATUS_COLORS[s][1], edgecolor="black", lw=0.6, label=SITE_STATUS_SHORT[s]) for s in used
    ]
    kinds = [k for k in SITE_KINDS if k in set(pts.kind)]
    handles += [
        Line2D(
            [],
            [],
            marker=SITE_MARKERS[k],
            linestyle="",
            markersize=8,
            markerfacecolor="white",
            markeredgecolor="black",
            label=KIND_LABELS[k],
        )
        for k in kinds
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", markersize=4, color="#333", label="ville citée"),
        Line2D([], [], color="#444", lw=0.7, label="trait de rappel : étiquette écartée de son site"),
        Line2D([], [], color="#5b8fc7", lw=1.2, label="fleuve (Tigre, Euphrate, Chatt al-Arab)"),
        Patch(facecolor="#a9c8e8", label="lac, réservoir"),
        Patch(facecolor="#f6f1e7", edgecolor="#b9ab95", lw=0.5, label="gouvernorat d'Irak"),
        Patch(facecolor="#eeeeee", edgecolor="#999", lw=0.6, label="pays voisin"),
    ]
    ax.legend(
        handles=handles,
        loc="lower left",
        fontsize=7.5,
        title="Couleur : dernier statut connu ; forme : type de site",
        title_fontsize=8,
        framealpha=0.92,
    )
    source_line(fig, tables.articles, extra=CREDITS)
    data = pts[
        ["place_id", "name", "kind", "latitude", "longitude", "status", "status_text", "n_mentions", "source"]
    ].reset_index(drop=True)
    return fig, data
