"""The export command: contract tables, determinism, exit codes, raw data untouched, escaping."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from helpers.present.maps import esc

from .conftest import ROOT, UNSEEN, make_data_dir, tree_hash

CONTRACT = {
    "articles.csv": "article_id file status reason outlet title language published published_precision "
    "published_basis published_evidence n_words",
    "events.csv": "event_id article_id event_type date_start date_end precision date_text place_ids actors evidence",
    "chronology.csv": "chronology_id date_start date_end precision event_type summary place_ids n_articles n_outlets "
    "article_ids event_ids",
    "places.csv": "place_id name kind latitude longitude source n_mentions article_ids",
    "place_mentions.csv": "article_id place_id surface evidence",
    "figures.csv": "figure_id article_id kind party count_best count_low count_high approximate unit refers_to "
    "refers_precision evidence",
}


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    extra = {p.name: p.read_bytes() for p in UNSEEN.glob("*.txt")}
    d = make_data_dir(tmp, extra=extra)
    before = tree_hash(d / "raw")
    out1, out2 = tmp / "out1", tmp / "out2"
    r1 = run("export", "--data-dir", str(d), "--out", str(out1), "--quiet")
    r2 = run("export", "--data-dir", str(d), "--out", str(out2), "--quiet")
    return d, before, out1, out2, r1, r2


def test_export_writes_the_contract(exported):
    d, before, out1, _, r1, _ = exported
    assert r1.returncode == 0, r1.stderr
    for name, cols in CONTRACT.items():
        df = pd.read_csv(out1 / name, keep_default_na=False)
        assert set(cols.split()) <= set(df.columns), (name, set(cols.split()) - set(df.columns))
    gj = json.loads((out1 / "places.geojson").read_text())
    places = pd.read_csv(out1 / "places.csv")
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(places)
    tl = json.loads((out1 / "chronology.timeline.json").read_text())
    assert tl["events"] and all("display_date" in e["start_date"] for e in tl["events"])
    shown = {e["start_date"]["display_date"] for e in tl["events"]}
    assert "3 janvier 2020" in shown and not any("janv." in d for d in shown)
    assert all(e["credit"] for e in tl["events"])
    ch = pd.read_csv(out1 / "chronology.csv")
    assert ch.precision.isin(["day", "week", "month", "season", "year"]).all()
    ev = pd.read_csv(out1 / "events.csv")
    assert ev.event_type.isin(
        [
            "withdrawal",
            "handover",
            "redeployment",
            "deployment",
            "attack",
            "strike",
            "killing",
            "vote",
            "agreement",
            "talks",
            "announcement",
            "suspension",
            "protest",
            "other",
        ]
    ).all()


def test_export_is_deterministic_and_leaves_raw_alone(exported):
    d, before, out1, out2, r1, r2 = exported
    assert tree_hash(d / "raw") == before
    for p in sorted(out1.iterdir()):
        assert p.read_bytes() == (out2 / p.name).read_bytes(), p.name


def test_export_refuses_what_it_cannot_do(tmp_path):
    r = run("export", "--data-dir", str(tmp_path / "nowhere"), "--quiet")
    assert r.returncode != 0 and "nowhere" in r.stderr and "no such data folder" in r.stderr
    d = make_data_dir(tmp_path)
    r = run("export", "--data-dir", str(d), "--out", str(d / "raw" / "out"), "--quiet")
    assert r.returncode != 0 and "raw" in r.stderr


def test_export_with_no_articles_still_runs(tmp_path):
    d = make_data_dir(tmp_path, seeds=False)
    r = run("export", "--data-dir", str(d), "--out", str(tmp_path / "o"), "--quiet")
    assert r.returncode == 0, r.stderr
    assert pd.read_csv(tmp_path / "o" / "articles.csv").empty


def test_escaping_for_html_and_js_templates():
    s = esc("l'armée « <script>alert(1)</script> » `x` ${y} <img src=x onerror=alert(1)>")
    for bad in ("<script>", "<img", "`", "${", "'"):
        assert bad not in s
    assert "&lt;script&gt;" in s


def test_hostile_article_is_escaped_in_map_and_timeline(tmp_path):
    from helpers.build import build
    from helpers.present.export import timeline_json
    from helpers.present.maps import interactive_map

    hostile = (
        "Attaque à la base <script>alert(1)</script>\n\nLe 3 mars 2021, des roquettes ont visé la base aérienne "
        "d'Aïn al-Assad <img src=x onerror=alert(2)> où l'on « cite » `tout` ${window.x}.\n"
    )
    d = make_data_dir(tmp_path, seeds=False, extra={"hostile.txt": hostile.encode()})
    t = build(d)
    assert "ain-al-asad" in set(t.places.place_id)
    html = interactive_map(t, d / "reference").get_root().render()
    assert "<script>alert(1)" not in html and "onerror=alert(2)>" not in html and "${window.x}" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    tl = json.dumps(timeline_json(t))
    assert "<script>" not in tl and "<img" not in tl


def test_json_written_one_item_at_a_time_is_what_json_dumps_writes(tmp_path):
    """places.geojson and the timeline are written item by item: the same bytes as json.dumps of the whole."""
    from helpers.present.export import _json

    cases = [
        ({"type": "FeatureCollection"}, "features", []),
        ({"type": "FeatureCollection"}, "features", [{"a": [1, {"b": "« é »\n\"x\""}], "c": {}, "d": []}, {"e": None}]),
        ({"title": {"text": {"headline": "h", "text": "t"}}}, "events", [{"f": 1.5, "g": [[1, 2], []]}]),
    ]
    for i, (head, key, items) in enumerate(cases):
        path = tmp_path / f"{i}.json"
        _json(path, head, key, iter(items))
        want = json.dumps({**head, key: items}, ensure_ascii=False, indent=1) + "\n"
        assert path.read_bytes() == want.encode("utf-8"), f"case {i}: the streamed JSON differs from json.dumps"


def test_tables_made_in_parts_are_the_tables_made_at_once():
    """A build makes the per-article tables a batch of articles at a time: the same table, values and column
    types, as from all the rows at once, also when a column reads as another type in some part (a text or a
    count missing in one article, given in another)."""
    from types import SimpleNamespace

    import pandas as pd

    from helpers.tables import FIGURE_COLUMNS, TableRows

    def article(aid: str, low):
        figure = dict.fromkeys(FIGURE_COLUMNS, "") | dict(figure_id=f"{aid}-f1", article_id=aid, count_low=low)
        figure |= dict(count_best=5, count_high=None, approximate=False, planned=False, scope=low and "local")
        return aid, SimpleNamespace(events=[], figures=[figure], mentions=[], sentences=[], unplaced=[]), "Outlet"

    arts = [article("a1", None), article("a2", 3), article("a3", None)]
    whole = TableRows()
    for a in arts:
        whole.add(*a)
    parts = TableRows(again=lambda: iter(arts))
    for a in arts:
        parts.add(*a)
        parts.part()
    for name in ("figures", "events", "place_mentions"):
        pd.testing.assert_frame_equal(parts.frame(name), whole.frame(name), obj=name)
