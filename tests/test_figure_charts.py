"""The troop and casualty charts tell only what the figures support: levels joined, targets, parts,
sites and flows apart; tolls by event, killed and wounded apart, never added up."""

import shutil

import matplotlib
import pandas as pd
import pytest

from .conftest import DATA, make_data_dir, tree_hash

matplotlib.use("Agg")

from helpers.present import charts  # noqa: E402
from helpers.present.demo import demo_data_dir  # noqa: E402

COLUMNS = [
    "figure_id",
    "article_id",
    "kind",
    "party",
    "count_best",
    "count_low",
    "count_high",
    "approximate",
    "unit",
    "refers_to",
    "refers_end",
    "refers_precision",
    "evidence",
    "outlet",
    "measure",
    "part_of",
    "scope",
    "event_id",
]


def figures(*rows):
    """A figures table from (id, kind, party, count, measure, date, scope, part_of, event_id) tuples."""
    out = []
    for fid, kind, party, n, measure, day, scope, part_of, event_id in rows:
        out.append(
            dict(
                figure_id=fid,
                article_id="a1",
                kind=kind,
                party=party,
                count_best=n,
                count_low=n,
                count_high=n,
                approximate=False,
                unit="soldats",
                refers_to=day,
                refers_end=day,
                refers_precision="day",
                evidence=f"phrase {fid}",
                outlet="Test",
                measure=measure,
                part_of=part_of,
                scope=scope,
                event_id=event_id,
            )
        )
    df = pd.DataFrame(out, columns=COLUMNS)
    for c in ("count_best", "count_low", "count_high"):
        df[c] = df[c].astype("Int64")
    return df


ARTICLES = pd.DataFrame([dict(article_id="a1", status="ok", outlet="Test", file="a1.txt")])
CHRONOLOGY = pd.DataFrame(
    columns=[
        "chronology_id",
        "date_start",
        "date_end",
        "precision",
        "event_type",
        "summary",
        "n_outlets",
        "event_ids",
        "display_date",
        "headline",
    ]
)

TROOPS = figures(
    ("f1", "troops", "US", 5200, "present", "2020-01-05", "Iraq", "", ""),
    ("f2", "troops", "US", 3000, "planned", "2020-09-30", "Iraq", "", ""),
    ("f3", "troops", "US", 500, "leaving", "2020-03-01", "Iraq", "", ""),
    ("f4", "troops", "US", 2500, "present", "2021-01-15", "Iraq", "", ""),
    ("f5", "troops", "US", 160, "present", "2021-01-15", "Iraq", "f4", ""),
    ("f6", "troops", "US", 900, "present", "2021-01-15", "Syria", "", ""),
    ("f7", "troops", "US", 800, "present", "2020-06-01", "erbil-city", "", ""),
    ("f8", "troops", "US", 1500, "moved", "2020-04-01", "Kuwait", "", ""),
)


def test_each_troop_figure_is_shown_as_what_it_is():
    shown = dict(zip(*charts.troop_points(TROOPS)[["figure_id", "shown_as"]].T.values))
    assert shown == {"f1": "level", "f2": "planned", "f3": "flow", "f4": "level", "f5": "part", "f7": "site"}, shown


def test_the_line_joins_only_the_levels_in_iraq():
    fig, data = charts.troop_chart(TROOPS, CHRONOLOGY, ARTICLES)
    lines = [ln for ax in fig.axes for ln in ax.get_lines() if len(ln.get_xdata()) > 1 and ln.get_linestyle() == "-"]
    joined = sorted(y for ln in lines for y in ln.get_ydata() if y > 1)
    assert joined == [2500.0, 5200.0], f"the line joins {joined}: only the two levels in Iraq may be joined"


def test_a_figure_about_another_country_is_not_drawn():
    _, data = charts.troop_chart(TROOPS, CHRONOLOGY, ARTICLES)
    assert "f6" not in set(data.figure_id), "900 in Syria is not a level in Iraq"


def test_the_title_states_levels_only():
    title = charts.troop_title(charts.troop_points(TROOPS))
    assert "5\u202f200" in title and "2\u202f500" in title, title
    assert not any(x in title for x in ("3\u202f000", "160", "1\u202f500", "900")), f"not a level in Iraq: {title}"


TOLLS = figures(
    ("c1", "casualties", "US", 11, "wounded", "2020-01-10", "Iraq", "", "e-001a"),
    ("c2", "casualties", "US", 64, "wounded", "2020-01-28", "Iraq", "", "e-002a"),
    ("c3", "casualties", "US", 3, "killed", "2024-01-28", "Jordan", "", "e-003a"),
    ("c4", "casualties", "US", 25, "wounded", "2024-01-28", "Jordan", "", "e-003a"),
    ("c5", "casualties", "coalition", 3, "killed", "2020-03-11", "Iraq", "", "e-004a"),
    ("c6", "casualties", "US", 2, "killed", "2020-03-11", "Iraq", "c5", "e-004a"),
)
TOLL_CHRONOLOGY = pd.DataFrame(
    [
        dict(
            chronology_id="k1",
            date_start="2020-01-08",
            date_end="2020-01-08",
            precision="day",
            event_type="attack",
            summary="tirs de missiles",
            n_outlets=2,
            event_ids="e-001a;e-002a",
            display_date="8 janv. 2020",
            headline="Tirs de missiles",
        ),
        dict(
            chronology_id="k2",
            date_start="2024-01-28",
            date_end="2024-01-28",
            precision="day",
            event_type="attack",
            summary="drone",
            n_outlets=1,
            event_ids="e-003a",
            display_date="28 janv. 2024",
            headline="Attaque de drone",
        ),
        dict(
            chronology_id="k3",
            date_start="2020-03-11",
            date_end="2020-03-11",
            precision="day",
            event_type="attack",
            summary="roquettes",
            n_outlets=1,
            event_ids="e-004a",
            display_date="11 mars 2020",
            headline="Roquettes",
        ),
    ]
)


def test_reports_of_one_toll_give_a_range_not_a_sum():
    g = charts.casualty_groups(TOLLS, TOLL_CHRONOLOGY)
    row = g[(g.chronology_id == "k1") & (g.measure == "wounded")]
    assert len(row) == 1 and (int(row.count_max.iloc[0]), int(row.count_min.iloc[0])) == (64, 11), row


def test_killed_and_wounded_stay_apart():
    g = charts.casualty_groups(TOLLS, TOLL_CHRONOLOGY)
    k2 = g[g.chronology_id == "k2"].set_index("measure").count_max.to_dict()
    assert k2 == {"killed": 3, "wounded": 25}, k2


def test_a_part_stays_inside_its_whole():
    g = charts.casualty_groups(TOLLS, TOLL_CHRONOLOGY)
    k3 = g[g.chronology_id == "k3"]
    assert list(k3.count_max) == [3] and "dont 2" in k3.parts.iloc[0], k3


def test_no_total_across_events():
    fig, groups = charts.casualty_chart(TOLLS, ARTICLES, TOLL_CHRONOLOGY)
    title = fig.axes[0].get_title()
    assert groups.chronology_id.nunique() == 3
    assert str(64 + 3 + 25 + 3) not in title and "au total" not in title, title


@pytest.fixture(scope="module")
def demo_tables(tmp_path_factory):
    from helpers.build import build

    d = make_data_dir(tmp_path_factory.mktemp("demo"))
    shutil.copytree(DATA / "demo", d / "demo")
    raw = tree_hash(d / "raw")
    tables = build(demo_data_dir(d))
    assert tree_hash(d / "raw") == raw, "the demonstration corpus wrote under data/raw/"
    return tables


def test_the_demonstration_article_stays_out_of_the_research_corpus(demo_tables):
    assert not list((DATA / "raw" / "articles").glob("demo_*")), "a demonstration article in data/raw/"
    assert demo_tables.articles.outlet.str.startswith("Article de démonstration").sum() == 1


def test_the_demonstration_shows_a_flow_a_part_and_a_target(demo_tables):
    _, data = charts.troop_chart(demo_tables.figures, demo_tables.chronology, demo_tables.articles)
    demo = data[data.outlet.str.startswith("Article de démonstration")]
    shown = {(r.count_best, r.shown_as) for r in demo.itertuples()}
    assert {(300, "flow"), (150, "flow"), (900, "part"), (2000, "planned"), (2500, "level")} <= shown, shown
