"""The saved maps and reports in a real browser: headless Chromium (Debian package) driven by
Playwright, with the JavaScript libraries folium loads from CDNs served from npm packages
(tests/browser/node_modules) and every other request refused (no network, tiles stay grey).

Hostile article text (script tags, img onerror, quotes, apostrophes, backticks, ${...})
must show literally, fire no dialog and inject no element; every site keeps its marker.

``make test`` installs Chromium and the npm packages and sets REQUIRE_BROWSER=1, so a
missing piece fails there; run alone on a machine without them, these tests skip and say why.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import NODE_MODULES, make_data_dir

MARKER = ".leaflet-marker-pane .awesome-marker"
HOSTILE = ("Attaque contre l'aéroport d'Erbil\n\n"
           "Le 3 mars 2021, des roquettes ont visé la base aérienne d'Aïn al-Assad <script>alert(1)</script> "
           "où l'on « cite » \"tout\" `ceci` ${alert(3)} <img src=x onerror=alert(2)>.\n\n"
           "Le 5 mars 2021, une attaque a visé l'aéroport d'Erbil, d'après l'armée <b onmouseover=alert(4)>x</b>.\n")


def _local_assets() -> dict[str, Path]:
    """File name → local copy, for every .js/.css of the npm packages (dist builds first)."""
    out: dict[str, Path] = {}
    files = sorted(NODE_MODULES.rglob("*"), key=lambda p: ("dist" not in p.parts and "min" not in p.parts, str(p)))
    for f in files:
        if f.suffix in (".js", ".css", ".png") and f.is_file():
            out.setdefault(f.name, f)
    return out


def open_page(browser, path: Path):
    """Open a saved HTML file with CDN libraries served locally; returns (page, dialogs, errors)."""
    assets = _local_assets()
    page = browser.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        url = r.request.url
        if url.startswith("file://"):
            return r.continue_()
        name = re.sub(r"-\d+(\.\d+)+(?=\.min\.js$)", "", url.split("?")[0].rsplit("/", 1)[-1])
        local = assets.get(name) or assets.get(name.replace(".min.js", ".js"))
        if local is not None:
            return r.fulfill(path=str(local))
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    return page, dialogs, errors


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory):
    from helpers.build import build
    from helpers.present.maps import interactive_map

    tmp = tmp_path_factory.mktemp("hostile")
    d = make_data_dir(tmp, extra={"hostile article ü.txt": HOSTILE.encode("utf-8")})
    t = build(d)
    out = tmp / "map.html"
    interactive_map(t, d / "reference").save(out)
    return t, out


def test_map_shows_every_site_and_hostile_text_literally(browser, hostile_map):
    t, path = hostile_map
    page, dialogs, errors = open_page(browser, path)
    sites = t.places[t.places.kind.isin(["base", "airport", "zone"])]
    page.wait_for_selector(MARKER, timeout=15000)
    assert page.locator(MARKER).count() == len(sites)
    shown = []
    for i in range(page.locator(MARKER).count()):
        page.locator(MARKER).nth(i).dispatch_event("click")
        page.wait_for_selector(".leaflet-popup-content", timeout=5000)
        shown.append(page.locator(".leaflet-popup-content").last.inner_text())
    text = "\n".join(shown)
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "`ceci`" in text and "${alert(3)}" in text and "l'on « cite » \"tout\"" in text
    assert page.locator(".leaflet-popup-content script, img[src='x'], b[onmouseover]").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    assert not [e for e in errors if "alert" in e], errors
    page.close()


def test_committed_map_opens_with_all_sites(browser, seed_tables, tmp_path):
    from helpers.present.maps import interactive_map

    out = tmp_path / "map.html"
    interactive_map(seed_tables).save(out)
    page, dialogs, errors = open_page(browser, out)
    page.wait_for_selector(MARKER, timeout=15000)
    n = int(seed_tables.places.kind.isin(["base", "airport", "zone"]).sum())
    assert page.locator(MARKER).count() == n
    assert page.locator(".leaflet-control-layers").count() == 1  # the script ran to its end
    assert dialogs == [] and errors == [], errors
    page.close()
