"""Figures: numbers in digits and words, approximations, units, parties, composites, exclusions."""

import pytest

from helpers.extract.dates import find_expressions
from helpers.extract.figures import extract_figures


def figs(sentence):
    skip = [(x.start, x.end) for x in find_expressions(sentence)]
    return [
        (f.count_best, f.count_low, f.count_high, f.party, f.kind, f.unit) for f in extract_figures(sentence, 0, skip)
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "avec environ 3 000 soldats de la Coalition déployés dans le pays, dont 2 500 Américains.",
            [(3000, 2700, 3300, "coalition", "troops", "soldats"), (2500, 2500, 2500, "US", "troops", "Américains")],
        ),
        (
            "deux soldats américains et un britannique ont péri.",
            [(2, 2, 2, "US", "casualties", "soldats"), (1, 1, 1, "UK", "casualties", "britannique")],
        ),
        (
            "Paris n'avait pas l'intention de retirer ses 200 militaires d'Irak, dont 160 sont affectés à la formation.",
            [(200, 200, 200, "FR", "troops", "militaires"), (160, 160, 160, "FR", "troops", "militaires")],
        ),
        (
            "l'armée tchèque avait fait part de sa volonté d'évacuer ses 30 soldats présents en Irak.",
            [(30, 30, 30, "CZ", "troops", "soldats")],
        ),
        (
            "Les États-Unis ont maintenu quelque 2\u00a0500 soldats en Irak.",
            [(2500, 2250, 2750, "US", "troops", "soldats")],
        ),
        (
            "Les États-Unis ont maintenu quelque 2\u202f500 soldats en Irak.",
            [(2500, 2250, 2750, "US", "troops", "soldats")],
        ),
        ("Washington a déployé 2.500 militaires supplémentaires.", [(2500, 2500, 2500, "US", "troops", "militaires")]),
        ("Washington a déployé 5,200 militaires.", [(5200, 5200, 5200, "US", "troops", "militaires")]),
        ("Berlin a rapatrié trois mille soldats allemands.", [(3000, 3000, 3000, "DE", "troops", "soldats")]),
        ("tuant au moins 25 combattants du Hachd.", [(25, 25, None, "PMF", "casualties", "combattants")]),
        ("près de 5 000 soldats américains", [(5000, 4500, 5000, "US", "troops", "soldats")]),
        ("plus de 70 attaques ont visé les intérêts américains", [(70, 70, None, "", "other", "attaques")]),
        ("une centaine de militaires français restent déployés", [(100, 80, 120, "FR", "troops", "militaires")]),
        ("plusieurs centaines de soldats britanniques", [(200, 200, 900, "UK", "troops", "soldats")]),
        ("des dizaines de roquettes ont été tirées", [(20, 20, 90, "", "other", "roquettes")]),
        ("une dizaine de conseillers italiens", [(10, 8, 12, "IT", "troops", "conseillers")]),
        (
            "le Pentagone a frappé cinq bases du groupe Kataeb Hezbollah, trois en Irak et deux en Syrie.",
            [
                (5, 5, 5, "PMF", "other", "bases"),
                (3, 3, 3, "PMF", "other", "bases"),
                (2, 2, 2, "PMF", "other", "bases"),
            ],
        ),
        (
            "retirer leurs forces de trois bases sur les 12 dans lesquelles elles sont déployées",
            [(3, 3, 3, "", "other", "bases"), (12, 12, 12, "", "other", "bases")],
        ),
        (
            "Les États-Unis comptent environ 3 000 militaires en Irak, contre 5.200 au début de l'année.",
            [(3000, 2700, 3300, "US", "troops", "militaires"), (5200, 5200, 5200, "US", "troops", "militaires")],
        ),
        ("Deux soldats danois ont été blessés.", [(2, 2, 2, "DK", "casualties", "soldats")]),
    ],
)
def test_figures(sentence, expected):
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "la brigade 32 du huitième bataillon de l'armée irakienne",
        "le numéro deux du Hachd al-Chaabi",
        "Le 5 janvier 2020, le Parlement a voté.",
        "un homme âgé de 25 ans a été arrêté",
        "une hausse de 30 % des attaques",
        "© AFP 2023 David Furst",
        "en 2014, Daech a pris Mossoul",
        "un soldat a été vu près de la base",
        "Les deux pays ont convenu de former des groupes de travail.",
        "la résolution 2379 du Conseil de sécurité",
    ],
)
def test_not_figures(sentence):
    assert figs(sentence) == [], figs(sentence)


def test_seed_figures(seed_tables):
    f = seed_tables.figures

    def has(kind, party, n):
        return ((f.kind == kind) & (f.party == party) & (f.count_best == n)).any()

    assert has("troops", "FR", 200) and has("troops", "FR", 160) and has("troops", "CZ", 30)
    assert has("troops", "coalition", 3000) and has("troops", "US", 2500)
    assert has("casualties", "PMF", 25) and has("casualties", "US", 2) and has("casualties", "UK", 1)
    assert has("other", "PMF", 5)
    assert ((f.kind == "other") & (f.count_best == 24)).any() and ((f.kind == "other") & (f.count_best == 12)).any()
    # never from a date or an ordinal
    assert not f.count_best.isin([2019, 2020, 2021, 2023, 2024, 32, 8]).any()
    fr = f[(f.party == "FR") & (f.count_best == 200)].iloc[0]
    assert fr.refers_to.startswith("2020-01") and fr.refers_precision == "month"
    us24 = f[(f.party == "US") & (f.count_best == 2500) & f.refers_to.str.startswith("2024")]
    assert len(us24) == 1 and bool(us24.iloc[0].approximate)


def test_unseen_article_adds_figures(extended_tables):
    f = extended_tables.figures
    afp = f[f.outlet == "AFP"]
    assert ((afp.party == "US") & (afp.count_best == 3000) & (afp.kind == "troops")).any()
    assert ((afp.count_best == 5200) & afp.refers_to.str.startswith("2020-01")).any()
    f24 = f[f.outlet == "France 24"]
    assert ((f24.party == "FR") & (f24.count_best == 100) & (f24.count_low == 80)).any()
    assert ((f24.kind == "casualties") & (f24.count_best == 2)).any()


def test_the_number_word_pattern_matches_number_words_only_never_the_blanks_between_other_words():
    from helpers.extract.figures import WORD_NUM

    found = [m.group().strip() for m in WORD_NUM.finditer("les vingt-deux soldats et les unités sont partis, un seul")]
    assert found == ["vingt-deux", "et", "un"], f"number-word spans read: {found}"


def test_swiss_thousands_with_an_apostrophe_are_one_number():
    got = figs("Washington garde 2'500 militaires en Irak et environ 1’000 soldats en Syrie.")
    assert [g[0] for g in got] == [2500, 1000], got
