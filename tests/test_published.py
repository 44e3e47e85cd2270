"""Publication dates: given, or inferred with evidence, for the seeds and for unseen styles."""

from datetime import date

import pytest

from helpers.extract.published import Constraint, infer_one

EXPECTED_SEEDS = {  # what a careful reader concludes (issue: foundation)
    "000": ("2020-03-25", "2020-03-25", "day"),
    "002": ("2024-01-25", "2024-01-25", "day"),
}


def by_prefix(tables):
    return tables.articles.set_index(tables.articles.file.str[:3])


def test_seed_dates(seed_tables):
    a = by_prefix(seed_tables)
    for k, (s, e, p) in EXPECTED_SEEDS.items():
        assert (a.loc[k, "published"], a.loc[k, "published_end"], a.loc[k, "published_precision"]) == (s, e, p), k
    # 004: 4–6 January 2020
    assert (a.loc["004", "published"], a.loc["004", "published_end"]) == ("2020-01-04", "2020-01-06")
    # 003: March 2020
    assert a.loc["003", "published"].startswith("2020-03") and a.loc["003", "published_end"].startswith("2020-03")
    assert a.loc["003", "published_precision"] == "month"
    # 001: the second half of 2021, no more
    assert a.loc["001", "published"] >= "2021-07-01" and a.loc["001", "published_end"] == "2021-12-31"
    assert a.loc["001", "published_precision"] == "year"
    assert (a.published_basis == "inferred").all()
    assert a.published_evidence.str.len().gt(0).all()
    assert "2023" not in " ".join(a.published)  # never the photo credit's year


def test_evidence_names_the_words(seed_tables):
    a = by_prefix(seed_tables)
    assert "ce mercredi 25 mars" in a.loc["000", "published_evidence"]
    assert "jeudi 25 janvier" in a.loc["002", "published_evidence"]
    assert "Samedi 4 janvier" in a.loc["004", "published_evidence"]


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        (
            "Titre de l'article\nPublié le 12/09/2022 à 10h15\nLe Parlement a voté hier.",
            "2022-09-12",
            "2022-09-12",
            "day",
        ),
        (
            "Titre\nPublié le : 1er sept. 2022 - 09:10\nMis à jour le : 2 sept. 2022\nTexte.",
            "2022-09-01",
            "2022-09-01",
            "day",
        ),
        ("BAGDAD, 3 janv. 2020 (AFP) - Un drone a frappé.", "2020-01-03", "2020-01-03", "day"),
        ("Bagdad, le 8 mars 2021 - Le pape est arrivé.", "2021-03-08", "2021-03-08", "day"),
        ("Title\nPublished on January 16, 2026\nTroops left the base.", "2026-01-16", "2026-01-16", "day"),
        (
            "Titre\n\nLes députés ont voté ce dimanche 12 sept. une motion. Depuis janvier 2020, des attaques ont eu lieu.",
            "2021-09-12",
            "2021-09-12",
            "day",
        ),
        (
            "Titre\n\nLe ministre est arrivé ce lundi 7 octobre à Bagdad. En 2019, les manifestations ont commencé.",
            "2019-10-07",
            "2019-10-07",
            "day",
        ),
        (
            "Titre\n\nLe retrait se poursuit. Le 14 juillet, un accord a été signé. En 2022, la mission a changé.",
            "2022-07-14",
            "2022-12-31",
            "year",
        ),
    ],
)
def test_unseen_styles(text, start, end, precision):
    p = infer_one(text)
    assert (p.start.isoformat(), p.end.isoformat(), p.precision) == (start, end, precision), p
    assert p.evidence


def test_no_evidence_is_unknown():
    p = infer_one("Titre\n\nLes forces ont quitté la base. Le Parlement a voté.")
    assert p.start is None and p.precision == "unknown"


def test_photo_credit_year_is_never_used():
    p = infer_one("Titre\n© AFP 2023 Jean Dupont\nLes forces ont quitté la base.")
    assert p.start is None


def test_corpus_constraint_bounds_the_year():
    # 25 March is a Wednesday in 2015, 2020 and 2026: alone, the study period prefers 2020;
    # an event another article dates in 2025 rules 2020 out
    text = "Les forces françaises se sont retirées ce mercredi 25 mars, après l'assassinat du général."
    alone = infer_one(text)
    assert alone.start == date(2020, 3, 25) and "nothing else decides" in alone.evidence
    c = Constraint(date(2025, 6, 1), None, "mentions the withdrawal another article dates juin 2025")
    p = infer_one(text, constraints=[c])
    assert p.start == date(2026, 3, 25) and "withdrawal" in p.evidence


def test_deadlines_are_not_past_years():
    p = infer_one(
        "Titre\n\nLe 14 juillet, un accord a été conclu. La mission prendra fin d'ici septembre 2026. "
        "En 2024, des attaques ont visé les bases."
    )
    assert p.start.year == 2024 and "2026" not in p.evidence.split(";")[0]


def test_contradicting_constraint_is_ignored():
    text = "Titre\n\nEn 2021, la mission a changé. Le 26 juillet, un accord a été conclu."
    c = Constraint(date(2020, 3, 25), date(2020, 4, 1), "an unrelated withdrawal")
    p = infer_one(text, constraints=[c])
    assert p.start.year == 2021


def test_adding_articles_does_not_move_the_seeds(seed_tables, extended_tables):
    cols = ["published", "published_end", "published_precision"]
    seeds = seed_tables.articles.set_index("file")[cols]
    after = extended_tables.articles.set_index("file").loc[seeds.index, cols]
    assert seeds.equals(after), after[(seeds != after).any(axis=1)]
