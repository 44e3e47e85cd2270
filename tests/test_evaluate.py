"""The scorer of ``python -m helpers evaluate``, on gold files and tables written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers.__main__ import main
from helpers.evaluate import Gold, GoldError, gold_span, score

ARTICLE = "a.txt"


def gold_folder(tmp_path, article: dict, text: str = "Texte.") -> Gold:
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "articles" / ARTICLE).write_text(text, encoding="utf-8")
    (tmp_path / "sites.csv").write_text(
        "canonical_name,latitude,longitude\nCamp Taji,33.52944,44.27750\nSomewhere,,\n", encoding="utf-8"
    )
    doc = {"articles": [{"file": f"articles/{ARTICLE}", **article}]}
    (tmp_path / "gold.json").write_text(json.dumps(doc), encoding="utf-8")
    return Gold.read(tmp_path)


GOLD = {
    "publication_date": "2020-03-25",
    "events": [
        {"date": "2020-03-19", "precision": "day", "event_type": "handover", "what": "base handed over"},
        {
            "date": "2020-03",
            "precision": "month",
            "event_type": "withdrawal",
            "event_type_also_ok": ["announcement"],
            "what": "troops leave",
        },
    ],
    "bases": [{"canonical": "Camp Taji", "surface_forms": ["Taji"]}],
    "figures": [
        {"count": 200, "who": "FR", "kind": "troops", "measure": "present"},
        {"count": 3, "who": "US", "kind": "casualties", "measure": "killed"},
        {"count": 30, "who": "other", "kind": "other"},
    ],
}


def tables(events=(), figures=(), published=("2020-03-25", "2020-03-25", "day"), places=True) -> dict:
    """The export's tables for one article, as ``run_export`` returns them (all strings)."""
    arts = pd.DataFrame(
        [
            {
                "article_id": "x1",
                "file": ARTICLE,
                "published": published[0],
                "published_end": published[1],
                "published_precision": published[2],
                "published_evidence": "le 25 mars 2020",
            }
        ]
    )
    ev = pd.DataFrame(
        [dict(article_id="x1", event_type=t, date_start=s, date_end=e, evidence="…") for t, s, e in events],
        columns=["article_id", "event_type", "date_start", "date_end", "evidence"],
    )
    cols = ["article_id", "kind", "party", "count_best", "count_low", "count_high", "measure"]
    fi = pd.DataFrame([dict(zip(cols, ("x1", *f))) for f in figures], columns=cols)
    pm = pd.DataFrame([{"article_id": "x1", "place_id": "taji"}] if places else [], columns=["article_id", "place_id"])
    pl = pd.DataFrame([{"place_id": "taji", "latitude": "33.52", "longitude": "44.28"}])
    return {"articles": arts, "events": ev, "figures": fi, "place_mentions": pm, "places": pl}


PERFECT = dict(
    events=[("handover", "2020-03-19", "2020-03-19"), ("announcement", "2020-03-01", "2020-03-31")],
    figures=[("troops", "FR", "200", "200", "200", "present"), ("casualties", "US", "3", "3", "3", "killed")],
)


def test_a_perfect_export_scores_one_everywhere(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    o = score(g, tables(**PERFECT), tables(**PERFECT))["overall"]
    assert o["events"] == {
        "gold": 2,
        "extracted": 2,
        "recall_by_date": 1.0,
        "typed_recall": 1.0,
        "typed_precision": 1.0,
    }, o["events"]
    assert o["sites"]["found"] == 1.0 and o["sites"]["unscored"] == 0, o["sites"]
    assert o["troops"] == {"gold": 1, "found": 1.0, "with_party": 1.0, "measure": 1.0}, o["troops"]
    assert o["casualties"] == {"gold": 1, "found": 1.0, "with_party": 1.0, "measure": 1.0}, o["casualties"]
    assert o["published"]["right"] == 1.0 and o["published"]["wrong_windows"] == 0, o["published"]


def test_a_missing_event_lowers_recall_by_one_and_is_listed(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    r = score(g, tables(events=PERFECT["events"][1:], figures=PERFECT["figures"]), tables())
    assert r["overall"]["events"]["recall_by_date"] == 0.5, r["overall"]["events"]
    assert r["overall"]["events"]["typed_recall"] == 0.5, r["overall"]["events"]
    misses = [m for m in r["misses"] if m["gauge"] == "events"]
    assert len(misses) == 1 and "handover" in misses[0]["gold"], misses
    assert misses[0]["got"] == "2020-03-01…2020-03-31 announcement (too wide)", misses  # what came out instead


def test_a_wrong_type_counts_for_date_recall_not_typed_recall_nor_precision(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    ev = [("withdrawal", "2020-03-19", "2020-03-19"), ("announcement", "2020-03-01", "2020-03-31")]
    o = score(g, tables(events=ev), tables())["overall"]["events"]
    assert (o["recall_by_date"], o["typed_recall"], o["typed_precision"]) == (1.0, 0.5, 1.0), o
    # a withdrawal on the 19th overlaps the month-long gold withdrawal: precision counts it right
    ev = [("strike", "2020-03-19", "2020-03-19"), ("announcement", "2020-03-01", "2020-03-31")]
    o = score(g, tables(events=ev), tables())["overall"]["events"]
    assert o["typed_precision"] == 0.5, o


def test_an_event_wider_than_the_gold_span_is_not_found(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    # a week around the handover day is wider than the day ±1: not found; a day off by one is found
    o = score(g, tables(events=[("handover", "2020-03-16", "2020-03-22")]), tables())["overall"]["events"]
    assert o["recall_by_date"] == 0.5, o
    o = score(g, tables(events=[("handover", "2020-03-20", "2020-03-20")]), tables())["overall"]["events"]
    assert o["typed_recall"] == 0.5, o  # the handover found (±1 day), the withdrawal not
    # when only the publication month is known, a month is narrow enough
    g = gold_folder(tmp_path / "m", {**GOLD, "publication_date": "2020-03"})
    o = score(g, tables(events=[("handover", "2020-03-01", "2020-03-31")]), tables())["overall"]["events"]
    assert o["recall_by_date"] == 1.0, o


def test_figures_need_the_count_within_bounds_and_the_party(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    figs = [("troops", "US", "150", "150", "250", "leaving"), ("casualties", "", "3", "3", "3", "killed")]
    o = score(g, tables(figures=figs), tables())["overall"]
    assert (o["troops"]["found"], o["troops"]["with_party"], o["troops"]["measure"]) == (1.0, 0.0, 0.0), o["troops"]
    assert (o["casualties"]["found"], o["casualties"]["with_party"]) == (1.0, 0.0), o["casualties"]
    # no upper bound: « plus de 150 »
    figs = [("troops", "FR", "150", "150", "", "present")]
    assert score(g, tables(figures=figs), tables())["overall"]["troops"]["with_party"] == 1.0
    # a figure of another kind with the same count is not found
    figs = [("other", "FR", "200", "200", "200", "")]
    assert score(g, tables(figures=figs), tables())["overall"]["troops"]["found"] == 0.0


def test_a_window_that_excludes_the_true_day_is_wrong(tmp_path):
    g = gold_folder(tmp_path, GOLD)
    cases = {
        ("2016-01-01", "2016-12-31", "year"): (0.0, 1),  # a year the text mentions, not the publication's
        ("2020-03-24", "2020-03-24", "day"): (1.0, 0),  # a day off by one is right (within 2 days)
        ("2020-03-20", "2020-03-20", "day"): (0.0, 1),
        ("2020-03-01", "2020-03-31", "month"): (1.0, 0),
        ("2020-03-20", "2020-03-26", "week"): (1.0, 0),
        ("2020-01-01", "2020-12-31", "year"): (0.0, 0),  # holds the day but too wide: not right, not wrong
    }
    for window, (right, wrong) in cases.items():
        o = score(g, tables(), tables(published=window))["overall"]["published"]
        assert (o["right"], o["wrong_windows"]) == (right, wrong), (window, o)
    o = score(g, tables(), tables(published=("", "", "unknown")))["overall"]["published"]
    assert (o["right"], o["unknown"], o["wrong_windows"]) == (0.0, 1, 0), o


def test_a_window_that_excludes_the_true_month_is_counted_apart(tmp_path):
    g = gold_folder(tmp_path, {**GOLD, "publication_date": "2020-03"})
    o = score(g, tables(), tables(published=("2014-01-01", "2014-12-31", "year")))["overall"]["published"]
    assert (o["gold_days"], o["wrong_windows"], o["wrong_windows_month"]) == (0, 0, 1), o


def test_sites_are_found_within_25_km_and_blank_coordinates_are_not_scored(tmp_path):
    g = gold_folder(tmp_path, {**GOLD, "bases": GOLD["bases"] + [{"canonical": "Somewhere"}]})
    o = score(g, tables(), tables())["overall"]["sites"]
    assert (o["found"], o["gold"], o["unscored"]) == (1.0, 1, 1), o
    o = score(g, tables(places=False), tables())["overall"]["sites"]
    assert o["found"] == 0.0, o


def test_gold_spans_follow_the_precision():
    assert gold_span({"date": "2020-03", "precision": "month"}) == (date(2020, 3, 1), date(2020, 3, 31))
    assert gold_span({"date": "2020-03-16", "precision": "week"}) == (date(2020, 3, 16), date(2020, 3, 22))
    assert gold_span({"date": "2020-01", "date_end": "2020-03", "precision": "month"}) == (
        date(2020, 1, 1),
        date(2020, 3, 31),
    )
    assert gold_span({"date": "2019-12-27", "date_end": "2019-12-28", "precision": "day"}) == (
        date(2019, 12, 27),
        date(2019, 12, 28),
    )
    assert gold_span({"date": "2020", "precision": "year"}) == (date(2020, 1, 1), date(2020, 12, 31))


def test_a_broken_gold_folder_is_one_line_naming_the_file(tmp_path):
    with pytest.raises(GoldError, match="gold.json: no such file"):
        Gold.read(tmp_path)
    (tmp_path / "gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="gold.json: not readable as JSON"):
        Gold.read(tmp_path)
    (tmp_path / "gold.json").write_text(json.dumps({"articles": [{"file": "articles/none.txt"}]}), encoding="utf-8")
    with pytest.raises(GoldError, match="none.txt: article file missing"):
        Gold.read(tmp_path)
    assert main(["evaluate", "--gold", str(tmp_path / "nowhere")]) == 2


def test_the_seed_gold_runs_through_the_export_and_scores_every_article(tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["evaluate", "--gold", "data/gold", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    result = json.loads(out.read_text(encoding="utf-8"))
    seeds = sorted(p.name for p in Path("data/gold/articles").glob("*.txt"))
    assert sorted(result["articles"]) == seeds, result["articles"].keys()
    o = result["overall"]
    assert (
        o["events"]["gold"],
        o["sites"]["gold"],
        o["troops"]["gold"],
        o["casualties"]["gold"],
        o["published"]["gold_months"],
    ) == (29, 9, 7, 6, 5), o
    for gauge in ("recall_by_date", "typed_recall", "typed_precision"):
        assert 0.0 <= o["events"][gauge] <= 1.0, (gauge, o["events"])
    # every miss printed, one line each, then one summary line per gauge
    assert len(printed) == len(result["misses"]) + 5, printed
    assert printed[-5].startswith("events: recall by date") and printed[-1].startswith("publication dates:"), printed


def test_the_ceiling_counts_the_articles_whose_text_alone_fixes_the_day_within_a_week(tmp_path):
    cases = [
        (None, None),  # a gold without windows has no ceiling, not a ceiling of 0
        ({"start": "2020-03-19", "end": "2020-03-25"}, 1.0),
        ({"start": "2020-03-01", "end": "2020-03-31"}, 0.0),  # the text gives the month: no day to reach
        ({"start": "", "end": ""}, 0.0),
        ({"start": "mars", "end": "2020-03-25"}, 0.0),  # a malformed window is no ceiling, and no crash
    ]
    for i, (window, ceiling) in enumerate(cases):
        article = dict(GOLD) if window is None else {**GOLD, "publication_window": window}
        g = gold_folder(tmp_path / str(i), article)
        r = score(g, tables(), tables(published=("", "", "unknown")))
        assert r["overall"]["published"]["text_alone_ceiling"] == ceiling, (window, r["overall"]["published"])
        unreachable = [m for m in r["misses"] if "not reachable from the text" in m["got"]]
        assert len(unreachable) == (ceiling == 0.0), (window, r["misses"])


def test_a_month_precision_window_that_excludes_the_true_day_is_wrong_not_right():
    from helpers.evaluate import Scorer, score_published

    gold = {"publication_date": "2023-07-10"}
    for (lo, hi), right in ((("2023-07-07", "2023-07-08"), 0), (("2023-07-01", "2023-07-31"), 1)):
        sc = Scorer()
        row = {"published": lo, "published_end": hi, "published_precision": "month", "published_evidence": ""}
        score_published(sc, "a.txt", gold, row)
        pu = sc.counts["published"]
        assert pu.get("right", 0) == right and pu.get("wrong", 0) == 1 - right, (lo, hi, pu)
