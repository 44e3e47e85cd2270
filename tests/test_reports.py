"""The report site as a reader meets it: notebooks that do not change when nothing changed."""

from __future__ import annotations

import shutil

from .conftest import ROOT


def test_two_report_runs_leave_the_notebooks_byte_identical(tmp_path, monkeypatch):
    from helpers import config
    from helpers.present.report import main

    monkeypatch.setenv("IRAQ_REPORTS_DIR", str(tmp_path / "reports"))  # restored after the test
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    nbs = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", nbs)
    args = ["--notebooks-dir", str(nbs), "--out", str(tmp_path / "reports")]
    assert main(args) == 0
    first = {p.name: p.read_bytes() for p in nbs.glob("*.ipynb")}
    assert main(args) == 0
    changed = [p.name for p in nbs.glob("*.ipynb") if p.read_bytes() != first[p.name]]
    assert not changed, f"a second `make report` with nothing changed rewrote {changed}"


def _html_outputs(nb_path):
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            h = o.get("data", {}).get("text/html")
            if h:
                yield h if isinstance(h, str) else "".join(h)


def test_every_fact_row_in_the_reports_carries_an_address_or_a_file():
    """A fact row quotes an article (an `evidence` sentence or a mention): it must say which article,
    by its address or its file. Checked on the committed, executed notebooks."""
    import re
    from io import StringIO

    import pandas as pd

    checked = 0
    for nb in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        for h in _html_outputs(nb):
            for li in re.findall(r"<li class='fact'>(.*?)</li>", h, flags=re.S):
                src = re.search(r"<span class='src'>(.*?)</span>", li, flags=re.S)
                assert src and re.search(r"https?://|fichier : \S", src.group(1)), f"{nb.name}: {li[:200]}"
                checked += 1
            if "<th>evidence</th>" not in h or "dataframe" not in h:
                continue
            for df in pd.read_html(StringIO(h)):
                if "evidence" not in df.columns:
                    continue
                ref = next((c for c in ("source", "file") if c in df.columns), None)
                assert ref, f"{nb.name}: a table of sentences without source column: {list(df.columns)}"
                bad = df[~df[ref].astype(str).str.contains(r"https?://|fichier : \S|\.\w+$", regex=True)]
                assert bad.empty, f"{nb.name}: rows without address or file: {bad.head(3).to_dict('records')}"
                checked += len(df)
    assert checked > 20, f"only {checked} fact rows found in the notebooks' outputs"


def test_index_links_every_report_and_figure_and_reports_link_back(tmp_path, monkeypatch):
    import re

    from helpers.present import report

    out = tmp_path / "reports"
    (out / "figures").mkdir(parents=True)
    for name in ("timeline", "map_bases"):
        for ext in ("png", "svg", "csv"):
            (out / "figures" / f"{name}.{ext}").write_bytes(b"x")
    page = report.figures_page(out)
    for name in ("timeline", "map_bases"):
        for ext in ("png", "svg", "csv"):
            assert f"href='{name}.{ext}'" in page, f"the figures page does not link {name}.{ext}"
    assert "href='../index.html'" in page, "the figures page does not link back to the index"
    index = report.build_index([("01-build-chronology.html", "01 · Chronologie", "x")], None)
    for href in ("01-build-chronology.html", "figures/index.html", "figures/map_bases.html", "bibliography.html"):
        assert f"href='{href}'" in index or f'href="{href}"' in index, f"the index does not link {href}"
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "01-build-chronology.ipynb", as_version=4)
    report.export_html(nb, tmp_path / "01.html")
    body = (tmp_path / "01.html").read_text(encoding="utf-8")
    assert "href='index.html'" in body, "an exported report does not link back to the index"
    assert not re.search(r"<script[^>]*src=\"https?://", body), "an exported report loads a script from the web"


def test_timeline_labels_say_what_happened_and_never_collide():
    """100 events over six years, many on the same days: each label names the date in words and
    what happened, and no two labels' boxes overlap."""
    from datetime import date, timedelta

    import pandas as pd

    from helpers.present import charts

    rows = []
    for i in range(100):
        d = date(2019, 6, 1) + timedelta(days=(i * 23) % 2000 if i % 3 else (i // 3) % 4)
        rows.append(
            dict(
                chronology_id=f"c-{i:03d}",
                date_start=d.isoformat(),
                date_end=(d + timedelta(days=30 * (i % 4 == 0))).isoformat(),
                precision="day" if i % 4 else "month",
                event_type=["withdrawal", "attack", "vote"][i % 3],
                summary=f"Retrait — Les troupes quittent la base numéro {i} après un long accord",
                qualifier="",
                n_articles=1 + i % 3,
                n_outlets=1 + i % 3,
                outlets="A",
                display_date="",
                article_ids="a",
                event_ids="e",
            )
        )
    ch = pd.DataFrame(rows)
    arts = pd.DataFrame([dict(article_id="a", status="ok", outlet="A", file="a.txt")])
    fig, data = charts.timeline(ch, arts)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for ax in fig.axes for t in ax.texts]
    labels = [t.get_text() for t in texts]
    assert sum("base numéro" in t for t in labels) == 100, "an event has no label saying what happened"
    assert any(t.startswith("1er juin 2019") or "juin 2019" in t for t in labels), "dates are not in words"
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            assert not a.overlaps(boxes[j]), f"labels collide: {labels[i]!r} and {labels[j]!r}"


def test_static_map_names_every_site_without_collisions_and_legends_every_symbol(seed_tables):
    from helpers.present import maps

    fig, data = maps.static_map(seed_tables)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for t in ax.texts if t.get_text() not in ("", "Tigre", "Euphrate")]  # "": leader lines
    shown = {t.get_text() for t in texts}
    for name in data.name:
        assert name in shown, f"{name} has no label on the static map"
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            assert not a.overlaps(boxes[j]), f"labels collide: {texts[i].get_text()!r}, {texts[j].get_text()!r}"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for kind in set(data.kind) - {"city"}:
        assert {"base": "base", "airport": "aéroport", "zone": "zone"}[kind] in legend, f"no legend for {kind}"
    for words in ("ville citée", "fleuve", "lac", "gouvernorat", "pays voisin", "trait de rappel"):
        assert any(words in t for t in legend), f"the legend does not name: {words}"


def test_the_timeline_says_how_many_earlier_events_it_leaves_out():
    import pandas as pd

    from helpers.present import charts

    cols = dict(precision="day", event_type="attack", summary="Attaque", qualifier="", n_articles=1, n_outlets=1)
    cols |= dict(outlets="A", display_date="", article_ids="a", event_ids="e")
    ch = pd.DataFrame(
        [
            dict(chronology_id="c-1", date_start="2016-10-17", date_end="2016-10-17", **cols),
            dict(chronology_id="c-2", date_start="2018-12-26", date_end="2018-12-26", **cols),
            dict(chronology_id="c-3", date_start="2020-01-03", date_end="2020-01-03", **cols),
        ]
    )
    arts = pd.DataFrame([dict(article_id="a", status="ok", outlet="A", file="a.txt")])
    fig, _ = charts.timeline(ch, arts, min_year=2019)
    title = fig.texts[0].get_text()
    assert title.startswith("1 événement daté depuis 2019 (2 antérieurs dans chronology.csv), dont 0 rapporté"), title
    fig, _ = charts.timeline(ch, arts)
    assert "antérieur" not in fig.texts[0].get_text(), "nothing is left out without min_year"


def _notebook(path, *sources):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}")] + [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_notebooks_run_at_once_and_a_failing_one_is_named_with_its_cell(tmp_path, monkeypatch, capsys):
    """The notebooks run on several kernels at once; the index keeps their order, and a failing cell stops
    the report with the notebook, the cell and the error named in one line."""
    from helpers import config
    from helpers.present.report import main, run_all

    monkeypatch.setenv("IRAQ_REPORTS_DIR", str(tmp_path / "reports"))
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    nbs, out = tmp_path / "notebooks", tmp_path / "reports"
    nbs.mkdir()
    out.mkdir()
    _notebook(nbs / "00-first.ipynb", "print('FINDING: le premier')")
    _notebook(nbs / "01-second.ipynb", "x = 1", "raise ValueError('une cellule en échec')")
    _notebook(nbs / "02-third.ipynb", "print('FINDING: le troisième')")
    paths = sorted(nbs.glob("*.ipynb"))
    got = run_all(paths, None, True, out, jobs=2)
    assert got[0] == ("00-first.html", "00-first", "le premier"), f"first notebook's entry: {got[0]!r}"
    assert got[2] == ("02-third.html", "02-third", "le troisième"), (
        f"third notebook's entry (out of order?): {got[2]!r}"
    )
    assert isinstance(got[1], str) and "code cell 2" in got[1] and "ValueError" in got[1], got[1]
    assert main(["--notebooks-dir", str(nbs), "--out", str(out)]) == 1, "a failing notebook must fail the report"
    err = capsys.readouterr().err
    assert "01-second.ipynb failed at code cell 2 `raise ValueError" in err, f"the error line does not say where: {err}"
