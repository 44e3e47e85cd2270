"""The TimeML gauge: reading ISO-TimeML, the intervals gold values denote, and the scores.

Every document here is written for these tests (none comes from the TimeBank)."""

import json
from datetime import date

import pytest

from helpers.__main__ import main
from helpers.timeml import evaluate_timeml, gold_intervals, read_timeml, score_document, summarize, value_right

HEAD = (
    "<?xml version='1.0' encoding='UTF-8'?>\n<TimeML>\n<DOCID>{name}</DOCID>\n"
    '<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="{dct}" /></DCT>\n<TEXT>\n'
)
TAIL = "\n</TEXT>\n</TimeML>\n"


def tml(folder, name, dct, body):
    """Write a TimeML file whose text is ``body`` (inline tags allowed) and return its path."""
    p = folder / f"{name}.tml"
    p.write_text(HEAD.format(name=name, dct=dct) + body + TAIL, encoding="utf-8")
    return p


def timex(text, value, type_="DATE", mod=""):
    m = f' mod="{mod}"' if mod else ""
    return f'<TIMEX3 tid="t9" type="{type_}" value="{value}"{m}>{text}</TIMEX3>'


PERFECT = (
    f"Le convoi a quitté la base {timex('le 3 mars 2020', '2020-03-03')}. "
    f"<EVENT eid=\"e1\" class=\"OCCURRENCE\">Les tirs</EVENT> ont repris {timex('hier', '2020-03-09')} "
    f"&amp; le commandement promet un départ {timex('en 2021', '2021')}."
)


def test_reader_gives_plain_text_and_spans_through_nested_tags_and_entities(tmp_path):
    doc = read_timeml(tml(tmp_path, "doc", "2020-03-10", PERFECT))
    assert doc.dct == date(2020, 3, 10), "the DCT's value is the anchor"
    assert "<" not in doc.text and "&amp;" not in doc.text and " & " in doc.text, "tags dropped, entities decoded"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["le 3 mars 2020", "hier", "en 2021"], (
        "each TIMEX3 span covers exactly its text in the plain text"
    )
    assert [t.value for t in doc.timexes] == ["2020-03-03", "2020-03-09", "2021"]


def test_reader_refuses_a_file_without_dct_with_a_reason(tmp_path):
    p = tmp_path / "bad.tml"
    p.write_text("<TimeML><TEXT>rien</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="DCT"):
        read_timeml(p)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1999-05-18", [("1999-05-18", "1999-05-18")]),
        ("1999-05", [("1999-05-01", "1999-05-31")]),
        ("2000-02", [("2000-02-01", "2000-02-29")]),
        ("1999-W20", [("1999-05-17", "1999-05-23")]),
        ("2003-W05-WE", [("2003-02-01", "2003-02-02")]),
        ("1999-SU", [("1999-06-01", "1999-08-31")]),
        ("1999-WI", [("1998-12-01", "1999-02-28"), ("1999-12-01", "2000-02-29")]),
        ("2002-Q3", [("2002-07-01", "2002-09-30")]),
        ("2002-H1", [("2002-01-01", "2002-06-30")]),
        ("1999", [("1999-01-01", "1999-12-31")]),
        ("196", [("1960-01-01", "1969-12-31")]),
        ("19", [("1900-01-01", "1999-12-31")]),
    ],
)
def test_gold_values_denote_their_intervals(value, expected):
    got = [(a.isoformat(), b.isoformat()) for a, b in gold_intervals(value)]
    assert got == expected, f"{value} should denote {expected}, got {got}"


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "FUTURE_REF", "PAST_REF", "XXXX-SU", "XXXX-07-15", "P1M", "1999-13", ""]
)
def test_values_that_fix_no_interval_are_unresolved(value):
    assert gold_intervals(value) == [], f"{value!r} fixes no interval"
    assert value_right(None, None, value), f"leaving {value!r} unresolved is right"
    assert not value_right(date(1999, 6, 1), date(1999, 8, 31), value), f"a date for {value!r} is wrong"


def test_mod_accepts_a_sub_interval_only_at_its_place():
    d = date
    assert value_right(d(2002, 10, 1), d(2002, 10, 10), "2002-10", "START"), "start of the month for START"
    assert not value_right(d(2002, 10, 21), d(2002, 10, 31), "2002-10", "START"), "end of month is not START"


def test_mod_end_and_mid():
    d = date
    assert value_right(d(2002, 10, 1), d(2002, 12, 31), "2002", "END"), "Oct–Dec is the end of the year"
    assert value_right(d(2002, 5, 1), d(2002, 8, 31), "2002", "MID"), "May–Aug is the middle of the year"
    assert not value_right(d(2002, 1, 1), d(2002, 3, 31), "2002", "MID"), "Jan–Mar is not the middle"
    assert value_right(d(2002, 1, 1), d(2002, 12, 31), "2002", "END"), "the whole interval is right too"
    assert not value_right(d(2002, 10, 1), d(2002, 12, 31), "2002"), "without mod, a sub-interval is wrong"


def test_a_perfect_document_scores_one(tmp_path):
    doc = read_timeml(tml(tmp_path, "doc", "2020-03-10", PERFECT))
    s = summarize(score_document(doc))
    assert (s["gold"], s["found"], s["matched"], s["value_right"]) == (3, 3, 3, 3), s
    assert s["relaxed"]["f1"] == s["value"]["f1"] == 1.0, s


def test_a_missed_timex_lowers_recall_by_one(tmp_path):
    body = PERFECT + f" Un bilan est attendu {timex('au cours du trimestre', '2020-Q1')}."
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert (s["gold"], s["matched"]) == (4, 3), s
    assert s["relaxed"]["recall"] == 0.75 and s["relaxed"]["precision"] == 1.0, s


def test_a_wrong_value_counts_in_relaxed_but_not_in_value(tmp_path):
    body = f"Les tirs ont repris {timex('hier', '2020-03-08')}."
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert s["matched"] == 1 and s["value_right"] == 0, s


def test_a_date_outside_any_gold_timex_lowers_precision(tmp_path):
    body = f"Les tirs ont repris {timex('hier', '2020-03-09')}, un mois après le 9 février 2020."
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert (s["found"], s["matched"]) == (2, 1) and s["relaxed"]["precision"] == 0.5, s


def test_expressions_on_time_duration_or_set_timexes_are_not_scored(tmp_path):
    body = f"Les tirs ont repris {timex('hier soir', '2020-03-09TEV', 'TIME')} {timex('en 2021', '2021')}."
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert (s["gold"], s["found"], s["matched"]) == (1, 1, 1), "'hier' on a TIME timex is neither right nor wrong"


def test_strict_needs_the_same_span(tmp_path):
    body = f"Les tirs ont repris {timex('hier', '2020-03-09')} et le départ aura lieu en mars {timex('2021', '2021')}."
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert s["matched"] == 2 and s["strict_matched"] == 1, "'mars 2021' found for '2021' is relaxed, not strict"


def test_strict_leaves_the_governing_preposition_out_as_timeml_does(tmp_path):
    body = (
        f"Le départ aura lieu en {timex('2021', '2021')}, les tirs durent depuis {timex('vendredi', '2020-03-06')} "
        f"et la trêve court jusqu'au {timex('2 juin', '2020-06-02')}."
    )
    s = summarize(score_document(read_timeml(tml(tmp_path, "doc", "2020-03-10", body))))
    assert s["matched"] == 3 and s["strict_matched"] == 3, (
        "« en », « depuis », « jusqu'au » are SIGNALs, not in the extent"
    )


def test_folder_figures_sum_the_documents_and_skip_unreadable_files(tmp_path):
    tml(tmp_path, "a", "2020-03-10", PERFECT)
    tml(tmp_path, "b", "2020-03-10", f"Les tirs ont repris {timex('hier', '2020-03-08')}.")
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>", encoding="utf-8")
    figures, pairs, errors = evaluate_timeml(tmp_path)
    assert figures["documents"] == 2 and figures["gold"] == 4 and figures["value_right"] == 3, figures
    assert set(figures["per_document"]) == {"a", "b"}
    assert len(errors) == 1 and "broken.tml" in errors[0], errors


def test_cli_prints_the_summary_and_writes_json(tmp_path, capsys):
    tml(tmp_path, "a", "2020-03-10", PERFECT)
    out = tmp_path / "acc.json"
    assert main(["evaluate", "--timeml", str(tmp_path), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "TimeML: 1 documents, 3 DATE timexes" in printed and "value P 1.00 R 1.00 F1 1.00" in printed, printed
    assert json.loads(out.read_text())["value"]["f1"] == 1.0


def test_cli_says_why_it_cannot_evaluate(tmp_path, capsys):
    assert main(["evaluate", "--timeml", str(tmp_path / "none")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["evaluate", "--timeml", str(tmp_path)]) == 2
    assert "no readable TimeML file" in capsys.readouterr().err
