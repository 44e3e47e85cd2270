"""The saved maps and reports in a real browser: headless Chromium (Debian package) driven by
Playwright, with every request that is not a local file refused: the network is blocked, so what
shows comes from the page itself (Leaflet and jQuery embedded from the xstatic packages).

Hostile article text (script tags, img onerror, quotes, apostrophes, backticks, ${...})
must show literally, fire no dialog and inject no element; every site keeps its marker.

``make test`` installs Chromium and sets REQUIRE_BROWSER=1, so a missing piece fails there; run
alone on a machine without it, these tests skip and say why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import HOSTILE, make_data_dir

MARKER = ".leaflet-marker-pane .site-marker"
TIME_EVENT = ".leaflet-overlay-pane path.time-event"


def open_page(browser, path: Path):
    """Open a saved HTML file with the network blocked; returns (page, dialogs, errors, refused)."""
    page = browser.new_page()
    dialogs, errors, refused = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            return r.continue_()
        refused.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    return page, dialogs, errors, refused


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory):
    from helpers.build import build as make_tables
    from helpers.present.maps import interactive_map

    tmp = tmp_path_factory.mktemp("hostile")
    d = make_data_dir(tmp, extra={"hostile article ü.txt": HOSTILE.encode("utf-8")})
    t = make_tables(d)
    out = tmp / "map.html"
    interactive_map(t, d / "reference").save(out)
    return t, out


def test_map_shows_every_site_and_hostile_text_literally(browser, hostile_map):
    t, path = hostile_map
    page, dialogs, errors, _ = open_page(browser, path)
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


def test_map_offline_shows_every_site_popups_and_time_control(browser, seed_tables, tmp_path):
    from helpers.present.maps import interactive_map

    out = tmp_path / "map.html"
    interactive_map(seed_tables).save(out)
    page, dialogs, errors, refused = open_page(browser, out)
    page.wait_for_selector(MARKER, timeout=15000)
    sites = seed_tables.places[seed_tables.places.kind.isin(["base", "airport", "zone"])]
    assert page.locator(MARKER).count() == len(sites), "a site has no marker with the network blocked"
    assert page.locator(".leaflet-control-layers").count() == 1, "the map's script did not run to its end"
    assert not [u for u in refused if "tile.openstreetmap" not in u], f"the map asked the network for {refused}"
    page.locator(MARKER).first.dispatch_event("click")
    page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    popup = page.locator(".leaflet-popup-content").last.inner_text()
    assert "fichier :" in popup or "http" in popup, f"the popup cites no article: {popup[:200]}"
    control = page.locator(".time-control")
    assert control.count() == 1, "no time control"
    first_shown = int(control.get_attribute("data-shown"))
    assert page.locator(TIME_EVENT).count() == first_shown
    page.locator(".time-control .tc-all").check()
    every = int(control.get_attribute("data-shown"))
    assert page.locator(TIME_EVENT).count() == every > 0, "« tous » does not show every dated site event"
    page.locator(".time-control .tc-all").uncheck()
    page.locator(".time-control .tc-range").fill("0")
    assert int(control.get_attribute("data-shown")) == page.locator(TIME_EVENT).count()
    assert "2019" in control.inner_text() or "2020" in control.inner_text(), control.inner_text()
    counts = set()
    for _ in range(int(page.locator(".time-control .tc-range").get_attribute("max"))):
        page.locator(".time-control .tc-next").click()
        counts.add(page.locator(TIME_EVENT).count())
    assert len(counts) > 1, "moving the time control never changes the events shown"
    assert dialogs == [] and errors == [], errors
    page.close()
