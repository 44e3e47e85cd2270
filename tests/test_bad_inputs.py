"""What researchers feed the tool: the bad-input corpus (tests/fixtures/bad/), a 20 MB file and a
hostile article go through the export and the whole report; every problem is reported, nothing
crashes, nothing executes, and data/raw is byte-identical afterwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pandas as pd
import pytest

from .conftest import HOSTILE, ROOT, make_data_dir, tree_hash

BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    d = make_data_dir(tmp, seeds=True, extra={"hostile.txt": HOSTILE.encode("utf-8")})
    for p in (BAD / "articles").iterdir():
        shutil.copy(p, d / "raw" / "articles" / p.name)
    shutil.copy(BAD / "articles.csv", d / "raw" / "articles.csv")
    para = "Les forces de la coalition ont quitté la base le 3 mars 2021 selon un porte-parole. " * 12 + "\n"
    with (d / "raw" / "articles" / "enorme.txt").open("w", encoding="utf-8") as fh:
        while fh.tell() < 20_000_000:
            fh.write(para)
    return d


@pytest.fixture(scope="module")
def exported(bad_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad_out")
    before = tree_hash(bad_dir / "raw")
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "export", "--data-dir", str(bad_dir), "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return r, out, before, time.perf_counter() - t0


def test_export_completes_in_bounded_time(exported):
    r, out, _, seconds = exported
    assert r.returncode == 0, r.stderr
    assert seconds < 120


def test_every_problem_is_reported(exported):
    r, out, _, _ = exported
    a = pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("file")
    assert a.loc["empty.txt", "status"] == "skipped" and "empty" in a.loc["empty.txt", "reason"]
    assert a.loc["whitespace.txt", "status"] == "skipped" and "whitespace" in a.loc["whitespace.txt", "reason"]
    assert a.loc["binary.dat", "status"] == "skipped" and "binary" in a.loc["binary.dat", "reason"]
    assert a.loc["enorme.txt", "status"] == "skipped" and "too large" in a.loc["enorme.txt", "reason"]
    dup = a.loc[["copie 1.txt", "copie 2 (doublon).txt"]]
    assert sorted(dup.status) == ["duplicate", "ok"] and dup.article_id.nunique() == 1
    # odd encodings and HTML read correctly
    assert a.loc["latin1_cp1252.txt", "status"] == "ok" and a.loc["latin1_cp1252.txt", "encoding"] == "cp1252"
    assert a.loc["bom_crlf.txt", "encoding"] == "utf-8-sig"
    html = a.loc["page sauvegardée.html"]
    assert html.status == "ok" and html.outlet == "L'Orient-Le Jour" and html.published == "2023-07-19"
    assert a.loc["english.txt", "language"] == "en" and a.loc["english.txt", "published"] == "2020-03-30"
    assert a.loc["sans date.txt", "published"] == "" and a.loc["sans date.txt", "published_precision"] == "unknown"
    assert a.loc["sans date.txt", "outlet"] == "Mediapart"  # from the sidecar
    assert a.loc["Réaction à Bagdad – été.txt", "published"] == "2020-07-05"
    # the sidecar's problems are warnings naming the file and row
    for words in (
        "unknown column(s) ignored: note",
        "(latin1_cp1252.txt): published '14/02/2022'",
        "(bom_crlf.txt): published '2021-02-31'",
        "'manquant.txt', but no such file",
    ):
        assert words in r.stdout, words
    for f in ("empty.txt", "binary.dat", "enorme.txt", "copie 2 (doublon).txt"):
        assert f in r.stdout
    text = (out / "events.csv").read_text() + (out / "places.csv").read_text()
    assert "Accueil" not in text and "Abonnez-vous" not in text


def test_raw_data_is_untouched(exported, bad_dir):
    _, _, before, _ = exported
    assert tree_hash(bad_dir / "raw") == before


def test_reports_build_and_show_hostile_text_literally(bad_dir, exported, tmp_path, request):
    """`make report`'s job on the bad corpus; then the rendered reports in headless Chromium."""
    out = tmp_path / "reports"
    before = tree_hash(bad_dir / "raw")
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "report", "--data-dir", str(bad_dir), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert tree_hash(bad_dir / "raw") == before
    pages = sorted(out.glob("0*.html")) + [out / "index.html", out / "figures" / "map_bases.html"]
    assert len(pages) == 6 and all(p.exists() for p in pages)
    for p in pages:
        raw = p.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in raw and "<img src=x onerror=alert(2)>" not in raw, p.name
    browser = request.getfixturevalue("browser")
    from .test_browser import open_page

    for p in pages:
        page, dialogs, errors, _ = open_page(browser, p)
        page.wait_for_timeout(500)
        assert dialogs == [], (p.name, dialogs)
        assert page.locator("img[src='x'], b[onmouseover]").count() == 0, p.name
        for frame in page.frames:
            assert frame.locator("img[src='x'], b[onmouseover]").count() == 0, p.name
        if p.name.startswith("01"):
            assert "<script>alert(1)</script>" in page.locator("body").inner_text()
        page.close()
