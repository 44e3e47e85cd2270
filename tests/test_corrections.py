"""The researcher's corrections (DATA/corrections.csv): each kind, applied at every build, reported when orphaned."""

from __future__ import annotations

import csv
import io

import pytest

from helpers.build import build
from helpers.corrections import Corrections, norm, parse_period
from helpers.present.export import export
from tests.conftest import make_data_dir

# Articles written for these tests, in the styles of a wire copy and a regional outlet.
ERBIL = """Roquettes sur l'aéroport d'Erbil

ERBIL, 16 février 2021 (AFP) - Une attaque à la roquette a visé lundi 15 février 2021 l'aéroport international d'Erbil, où sont stationnés des soldats de la coalition, tuant un sous-traitant civil.
Environ 2 500 soldats américains sont encore déployés en Irak, selon le Pentagone.
Deux soldats américains ont été blessés dans l'attaque, selon la coalition.
Les forces irakiennes ont renforcé la sécurité autour de la base de Taji.
Le Parlement a par ailleurs examiné une motion sur la présence étrangère.
"""
ENQUETE = """Washington promet une enquête

Le 17 février 2021, le secrétaire d'État américain a annoncé l'ouverture d'une enquête sur les tirs contre Erbil.
"""
SOLEIMANI_A = """Le 3 janvier 2020, une frappe de drone américaine a tué le général iranien Qassem Soleimani près de l'aéroport de Bagdad.
"""
SOLEIMANI_B = """Qassem Soleimani a été tué le 3 janvier 2020 par un drone américain à Bagdad, a rapporté la télévision d'État.
"""
MARDI = """Mardi, trois roquettes ont frappé la base d'Aïn al-Asad, qui abrite des soldats américains.
"""
NEW = """Le 20 février 2021, des manifestants se sont rassemblés à Bagdad pour réclamer le départ des troupes étrangères.
"""

HEADER = ["action", "target", "file", "match", "field", "value", "reason"]


def corpus(tmp_path, **extra: str):
    files = {"erbil.txt": ERBIL, "enquete.txt": ENQUETE, **extra}
    return make_data_dir(tmp_path, seeds=False, extra={k: v.encode() for k, v in files.items()})


def write(data, *rows: list[str]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    (data / "corrections.csv").write_text(buf.getvalue(), encoding="utf-8")


def status(t) -> dict[int, tuple[str, str]]:
    return {r.row: (r.status, r.message) for r in t.corrections.table().itertuples()}


def event_in(t, words: str):
    rows = t.events[t.events.evidence.map(norm).str.contains(norm(words), regex=False)]
    assert len(rows) == 1, (
        f"expected one event holding {words!r}, got {len(rows)}: {t.events[['event_type', 'evidence']]}"
    )
    return rows.iloc[0]


def test_set_an_event_type_and_date(tmp_path):
    d = corpus(tmp_path)
    write(
        d,
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", "test: a type"],
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "date", "2021-02-14", "test: a date"],
    )
    t = build(d)
    e = event_in(t, "Une attaque à la roquette a visé")
    assert (e.event_type, e.date_start, e.date_end, e.precision) == ("strike", "2021-02-14", "2021-02-14", "day"), e
    assert e.corrected and e.correction == "test: a type | test: a date", e
    assert set(status(t).values()) == {("applied", "")}, status(t)
    row = t.chronology[t.chronology.event_ids.str.contains(e.event_id)].iloc[0]
    assert row.corrected and "test: a type" in row.correction, row


def test_drop_a_false_event_and_add_a_missed_one(tmp_path):
    d = corpus(tmp_path)
    before = build(d, warm=False).events
    assert not before.evidence.str.contains("motion sur la présence").any(), "precondition: that event is missed"
    write(
        d,
        ["drop", "event", "enquete.txt", "annoncé l'ouverture d'une enquête", "", "", "test: not an event"],
        [
            "add",
            "event",
            "erbil.txt",
            "Le Parlement a par ailleurs examiné une motion",
            "",
            "date=2021-02; type=vote; agent=IQ",
            "test: missed",
        ],
    )
    t = build(d)
    assert not t.events.evidence.str.contains("ouverture d'une enquête").any(), "the dropped event is still there"
    e = event_in(t, "examiné une motion")
    assert (e.event_type, e.date_start, e.date_end, e.precision, e.agent) == (
        "vote",
        "2021-02-01",
        "2021-02-28",
        "month",
        "IQ",
    ), e
    assert e.corrected and e.correction == "test: missed", e
    assert e.evidence == "Le Parlement a par ailleurs examiné une motion sur la présence étrangère.", e.evidence
    assert t.chronology.event_ids.str.contains(e.event_id).sum() == 1, "the added event is not in the chronology"


def test_figures_set_drop_and_add(tmp_path):
    d = corpus(tmp_path)
    before = build(d, warm=False).figures
    assert ((before.kind == "casualties") & (before.count_best == 2)).sum() == 1, "precondition: 2 wounded found"
    write(
        d,
        ["set", "figure", "erbil.txt", "Environ 2 500 soldats américains", "party", "coalition", "test: party"],
        ["drop", "figure", "erbil.txt", "Deux soldats américains ont été blessés", "", "", "test: false figure"],
        [
            "add",
            "figure",
            "enquete.txt",
            "les tirs contre Erbil",
            "",
            "count=4; kind=other; party=other; unit=tirs",
            "test: added",
        ],
    )
    t = build(d)
    f = t.figures[t.figures.count_best == 2500]
    assert list(f.party) == ["coalition"] and f.corrected.all() and list(f.correction) == ["test: party"], f
    assert not ((t.figures.kind == "casualties") & (t.figures.count_best == 2)).any(), "the dropped figure is there"
    added = t.figures[t.figures.correction == "test: added"]
    assert list(added[["count_best", "kind", "party", "unit"]].itertuples(index=False, name=None)) == [
        (4, "other", "other", "tirs")
    ], added
    assert status(t) == {2: ("applied", ""), 3: ("applied", ""), 4: ("applied", "")}, status(t)


def test_place_mentions_set_and_drop(tmp_path):
    d = corpus(tmp_path)
    write(
        d,
        ["set", "place", "erbil.txt", "Taji", "place_id", "balad", "test: another site"],
        ["drop", "place", "erbil.txt", "l'aéroport international d'Erbil", "", "", "test: not this place"],
    )
    t = build(d)
    pm = t.place_mentions[t.place_mentions.article_id == t.articles.set_index("file").article_id["erbil.txt"]]
    assert "taji" not in set(pm.place_id) and "balad" in set(pm.place_id), pm
    assert pm[pm.place_id == "balad"].correction.tolist() == ["test: another site"], pm
    assert status(t)[3][0] == "applied", status(t)


def test_an_article_correction_re_anchors_its_relative_dates(tmp_path):
    d = corpus(tmp_path, **{"mardi.txt": MARDI})
    write(
        d,
        ["set", "article", "mardi.txt", "", "published", "2024-03-14", "test: the page says 14 March 2024"],
        ["set", "article", "mardi.txt", "", "outlet", "Le Quotidien de test", "test: outlet from the page"],
    )
    t = build(d)
    a = t.articles.set_index("file").loc["mardi.txt"]
    assert (a.published, a.published_basis, a.outlet) == ("2024-03-14", "metadata", "Le Quotidien de test"), a
    assert a.corrected and "test: outlet from the page" in a.correction, a
    e = t.events[t.events.article_id == a.article_id]
    assert list(e.date_start) == ["2024-03-12"], e[["date_start", "date_text"]]  # Tuesday before Thursday 14 March


def test_merge_two_rows_and_split_one(tmp_path):
    d = corpus(tmp_path, **{"a.txt": SOLEIMANI_A, "b.txt": SOLEIMANI_B})
    t = build(d, warm=False)
    enq, att = event_in(t, "ouverture d'une enquête").event_id, event_in(t, "attaque à la roquette").event_id
    sa, sb = event_in(t, "frappe de drone").event_id, event_in(t, "a été tué le 3 janvier").event_id
    rows = {eid: cid for cid, ids in zip(t.chronology.chronology_id, t.chronology.event_ids) for eid in ids.split(";")}
    assert rows[enq] != rows[att], "precondition: the inquiry and the attack are two rows before the merge"
    assert rows[sa] == rows[sb], "precondition: the two reports of the killing are merged"
    write(
        d,
        [
            "merge",
            "event",
            "enquete.txt",
            "ouverture d'une enquête",
            "",
            "erbil.txt | Une attaque à la roquette",
            "test: one story",
        ],
        ["split", "event", "b.txt", "a été tué le 3 janvier", "", "", "test: keep apart"],
    )
    t = build(d)
    rows = {eid: cid for cid, ids in zip(t.chronology.chronology_id, t.chronology.event_ids) for eid in ids.split(";")}
    assert rows[enq] == rows[att], "the merge correction did not join the rows"
    assert rows[sa] != rows[sb], "the split correction did not separate the mention"
    merged = t.chronology.set_index("chronology_id").loc[rows[enq]]
    assert merged.corrected and merged.correction == "test: one story", merged
    assert status(t) == {2: ("applied", ""), 3: ("applied", "")}, status(t)


def test_corrections_survive_a_rebuild_with_a_new_article(tmp_path):
    d = corpus(tmp_path)
    write(d, ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", "test: kept"])
    build(d)
    (d / "raw" / "articles" / "new.txt").write_text(NEW, encoding="utf-8")
    t = build(d)
    assert len(t.articles) == 3, t.articles.file
    e = event_in(t, "Une attaque à la roquette a visé")
    assert (e.event_type, e.correction) == ("strike", "test: kept"), e


def test_an_orphaned_correction_is_reported_by_name_and_the_rest_applies(tmp_path):
    d = corpus(tmp_path)
    write(
        d,
        ["set", "event", "enquete.txt", "annoncé l'ouverture d'une enquête", "event_type", "talks", "test: orphan"],
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", "test: applies"],
        ["set", "event", "gone.txt", "whatever words", "event_type", "vote", "test: no such file"],
    )
    (d / "raw" / "articles" / "enquete.txt").write_text(
        ENQUETE.replace("annoncé l'ouverture d'une enquête", "ouvert une enquête"), encoding="utf-8"
    )
    out = tmp_path / "out"
    summary = export(d, out)
    assert "correction row 2 (set event event_type in enquete.txt; reason: test: orphan): orphaned" in summary, summary
    assert "correction row 4 (set event event_type in gone.txt; reason: test: no such file): orphaned" in summary
    table = list(csv.DictReader((out / "corrections.csv").open(encoding="utf-8")))
    assert [(r["row"], r["status"]) for r in table] == [("2", "orphaned"), ("3", "applied"), ("4", "orphaned")], table
    assert event_in(build(d), "Une attaque à la roquette a visé").event_type == "strike"


def test_a_bad_row_is_named_and_the_rest_applies(tmp_path):
    d = corpus(tmp_path)
    write(
        d,
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "bombing", "test: bad type"],
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", ""],
        ["add", "event", "erbil.txt", "examiné une motion", "", "type=vote", "test: no date"],
        ["set", "figure", "erbil.txt", "Environ 2 500", "count", "deux mille", "test: not a number"],
        ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", "test: good"],
    )
    t = build(d)
    st = status(t)
    assert st[2] == (
        "invalid",
        "event_type 'bombing' is not one of withdrawal, handover, redeployment, deployment, "
        "attack, strike, killing, vote, agreement, talks, announcement, suspension, protest, "
        "other",
    ), st[2]
    assert st[3] == ("invalid", "no reason (every correction says why)"), st[3]
    assert st[4] == ("invalid", "value needs date (key=value; key=value)"), st[4]
    assert st[5] == ("invalid", "'deux mille' is not a whole number"), st[5]
    assert st[6] == ("applied", ""), st[6]
    assert event_in(t, "Une attaque à la roquette a visé").event_type == "strike"


def test_an_unreadable_file_is_one_reason_and_the_build_goes_on(tmp_path):
    d = corpus(tmp_path)
    (d / "corrections.csv").write_bytes(b"action,target,file,reason\n\xff\xfe bad bytes\n")
    t = build(d)
    assert status(t) == {0: ("invalid", "corrections.csv: not UTF-8; not read")}, status(t)
    (d / "corrections.csv").write_text(
        'action,target,file,match,field,value,reason\nset,event,erbil.txt,"unclosed\n', encoding="utf-8"
    )
    assert status(build(d))[2][0] == "invalid"  # the row with the open quote, by its line number


def test_ids_of_untouched_rows_do_not_change_when_a_correction_is_added(tmp_path):
    d = corpus(tmp_path, **{"a.txt": SOLEIMANI_A, "b.txt": SOLEIMANI_B})
    before = build(d, warm=False)
    write(d, ["set", "event", "erbil.txt", "Une attaque à la roquette a visé", "event_type", "strike", "test"])
    after = build(d)
    touched = event_in(after, "Une attaque à la roquette a visé").event_id
    assert set(before.events.event_id) == set(after.events.event_id)
    keep = before.chronology[~before.chronology.event_ids.str.contains(touched)]
    assert set(keep.chronology_id) <= set(after.chronology.chronology_id), "an untouched row changed its id"
    assert set(before.figures.figure_id) == set(after.figures.figure_id)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2020-03-19", ("2020-03-19", "2020-03-19", "day")),
        ("2020-03", ("2020-03-01", "2020-03-31", "month")),
        ("2020", ("2020-01-01", "2020-12-31", "year")),
        ("2020-03-16..2020-03-22", ("2020-03-16", "2020-03-22", "week")),
    ],
)
def test_dates_in_corrections(value, expected):
    start, end, prec = parse_period(value)
    assert (start.isoformat(), end.isoformat(), prec) == expected


def test_no_file_no_correction(tmp_path):
    c = Corrections.read(tmp_path / "corrections.csv")
    assert (c.rows, c.table().empty, c.summary_lines(), c.fingerprint) == ([], True, [], "")
