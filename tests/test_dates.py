"""The French temporal tagger: a table of expressions, non-dates, and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.extract.dates import WEEKDAYS, display_date, find_expressions, resolve_window, tag, weekday_years
from helpers.text import fold

A = date(2020, 3, 25)  # a Wednesday
B = date(2024, 1, 25)  # a Thursday
C = date(2021, 12, 9)  # a Thursday
D = date(2019, 10, 1)  # a Tuesday

# (sentence, anchor, expected start, expected end, precision)
TABLE = [
    # full dates, every month, abbreviations, case, accents or not
    ("Le 25 mars 2020, les forces ont quitté la base.", A, "2020-03-25", "2020-03-25", "day"),
    ("Le 1er janvier 2020 marque un tournant.", A, "2020-01-01", "2020-01-01", "day"),
    ("Le premier janvier 2021, rien ne change.", A, "2021-01-01", "2021-01-01", "day"),
    ("le 3 févr. 2020, une réunion", A, "2020-02-03", "2020-02-03", "day"),
    ("le 3 fevrier 2020, une réunion", A, "2020-02-03", "2020-02-03", "day"),
    ("le 12 avril 2019 à Bagdad", A, "2019-04-12", "2019-04-12", "day"),
    ("le 12 avr. 2019 à Bagdad", A, "2019-04-12", "2019-04-12", "day"),
    ("le 8 mai 2018, Washington se retire", A, "2018-05-08", "2018-05-08", "day"),
    ("Le 30 juin 2021, un drone a frappé", A, "2021-06-30", "2021-06-30", "day"),
    ("le 26 juillet 2021, un accord", A, "2021-07-26", "2021-07-26", "day"),
    ("le 26 juil. 2021, un accord", A, "2021-07-26", "2021-07-26", "day"),
    ("le 15 août 2023, des réunions", A, "2023-08-15", "2023-08-15", "day"),
    ("le 15 aout 2023, des réunions", A, "2023-08-15", "2023-08-15", "day"),
    ("le 9 septembre 2021, annonce", A, "2021-09-09", "2021-09-09", "day"),
    ("le 9 sept. 2021, annonce", A, "2021-09-09", "2021-09-09", "day"),
    ("le 31 octobre 2022, retrait", A, "2022-10-31", "2022-10-31", "day"),
    ("le 31 oct. 2022, retrait", A, "2022-10-31", "2022-10-31", "day"),
    ("le 2 novembre 2017, la victoire", A, "2017-11-02", "2017-11-02", "day"),
    ("le 2 nov. 2017, la victoire", A, "2017-11-02", "2017-11-02", "day"),
    ("le 29 décembre 2019, des frappes", A, "2019-12-29", "2019-12-29", "day"),
    ("le 29 déc. 2019, des frappes", A, "2019-12-29", "2019-12-29", "day"),
    ("LE 29 DÉCEMBRE 2019, DES FRAPPES", A, "2019-12-29", "2019-12-29", "day"),
    ("le 29 decembre 2019, des frappes", A, "2019-12-29", "2019-12-29", "day"),
    ("le 14 janv. 2024, une attaque", A, "2024-01-14", "2024-01-14", "day"),
    # numeric dates
    ("Publié le 25/01/2024 à 14h32", A, "2024-01-25", "2024-01-25", "day"),
    ("Mis à jour le 09.12.2021", A, "2021-12-09", "2021-12-09", "day"),
    ("date : 2021-12-09", A, "2021-12-09", "2021-12-09", "day"),
    ("le 1/3/2020", A, "2020-03-01", "2020-03-01", "day"),
    ("Le rapport, rendu public le 07-02-2021, fait état de tirs.", A, "2021-02-07", "2021-02-07", "day"),
    ("Actualités | Mis en ligne le 3 - 11 - 2022", A, "2022-11-03", "2022-11-03", "day"),
    # English datelines
    ("Published on January 25, 2024", A, "2024-01-25", "2024-01-25", "day"),
    ("Updated 9 December 2021", A, "2021-12-09", "2021-12-09", "day"),
    # day + month without year: the latest on or shortly before the anchor
    ("Le 29 décembre, le Pentagone a frappé", date(2020, 1, 5), "2019-12-29", "2019-12-29", "day"),
    ("Le 26 juillet, Bagdad et Washington ont conclu", C, "2021-07-26", "2021-07-26", "day"),
    ("à partir du 5 janvier au soir", date(2020, 1, 4), "2020-01-05", "2020-01-05", "day"),
    ("le 3 mars, un communiqué", A, "2020-03-03", "2020-03-03", "day"),
    ("le 1er avril, un communiqué", A, "2020-04-01", "2020-04-01", "day"),  # up to a week ahead: announced
    ("le 15 avril, un communiqué", A, "2019-04-15", "2019-04-15", "day"),
    # weekday + day + month: the weekday must hold
    ("ce mercredi 25 mars", A, "2020-03-25", "2020-03-25", "day"),
    ("le mardi 24 mars", A, "2020-03-24", "2020-03-24", "day"),
    ("Depuis le jeudi 19 mars", A, "2020-03-19", "2020-03-19", "day"),
    ("jeudi 25 janvier", B, "2024-01-25", "2024-01-25", "day"),
    ("jeudi 25 janvier", date(2020, 3, 1), "2018-01-25", "2018-01-25", "day"),
    ("Samedi 4 janvier, trois attaques", date(2020, 1, 6), "2020-01-04", "2020-01-04", "day"),
    ("lundi 7 octobre", D, "2019-10-07", "2019-10-07", "day"),
    # the occurrence within a year of the anchor, ahead of it too (not the one six years back)
    ("lundi 7 octobre", date(2019, 9, 1), "2019-10-07", "2019-10-07", "day"),
    ("vendredi 3 janvier", date(2020, 1, 4), "2020-01-03", "2020-01-03", "day"),
    ("dimanche 5 janvier", date(2020, 1, 6), "2020-01-05", "2020-01-05", "day"),
    # bare weekdays: the latest such day on or before the anchor
    ("a déclaré mardi le porte-parole", A, "2020-03-24", "2020-03-24", "day"),
    ("a annoncé jeudi le gouvernement", C, "2021-12-09", "2021-12-09", "day"),
    ("ce mercredi, Paris a confirmé", A, "2020-03-25", "2020-03-25", "day"),
    ("lundi dernier, une attaque", A, "2020-03-23", "2020-03-23", "day"),
    ("samedi, des roquettes", A, "2020-03-21", "2020-03-21", "day"),
    ("dimanche, le Parlement", A, "2020-03-22", "2020-03-22", "day"),
    ("vendredi prochain, une réunion", A, "2020-03-27", "2020-03-27", "day"),
    # months and years
    ("En janvier, Paris a fait part", A, "2020-01-01", "2020-01-31", "month"),
    ("en décembre, des frappes", A, "2019-12-01", "2019-12-31", "month"),
    ("en janvier 2020, les forces", A, "2020-01-01", "2020-01-31", "month"),
    ("en novembre 2017, la défaite", A, "2017-11-01", "2017-11-30", "month"),
    ("en sept. 2022, des combats", A, "2022-09-01", "2022-09-30", "month"),
    ("depuis 2014, Washington dirige", A, "2014-01-01", "2014-12-31", "year"),
    ("en 2017, Daech a été vaincu", A, "2017-01-01", "2017-12-31", "year"),
    ("de 2014 à 2017, la guerre", A, "2014-01-01", "2017-12-31", "year"),
    ("Le mois de décembre dernier, les drones", A, "2019-12-01", "2019-12-31", "month"),
    ("du mois d'août dernier", B, "2023-08-01", "2023-08-31", "month"),
    ("au mois de juin prochain", A, "2020-06-01", "2020-06-30", "month"),
    ("mars dernier, une réunion", A, "2019-03-01", "2019-03-31", "month"),
    # parts of a period
    ("Début janvier, ils ont liquidé", A, "2020-01-01", "2020-01-10", "week"),
    ("mi-mars, le Parlement", A, "2020-03-11", "2020-03-20", "week"),
    ("fin février, un retrait", A, "2020-02-21", "2020-02-29", "week"),
    ("à la fin 2021", A, "2021-10-01", "2021-12-31", "season"),
    ("fin 2021, la mission", A, "2021-10-01", "2021-12-31", "season"),
    ("début 2020, des tensions", A, "2020-01-01", "2020-03-31", "season"),
    ("fin décembre 2019, des frappes", A, "2019-12-21", "2019-12-31", "week"),
    ("à la fin de l'année dernière", A, "2019-10-01", "2019-12-31", "season"),
    # seasons
    ("Depuis l'été dernier, les forces", A, "2019-06-01", "2019-08-31", "season"),
    ("l'automne dernier, des manifestations", A, "2019-09-01", "2019-11-30", "season"),
    ("au printemps 2021, un retrait", A, "2021-03-01", "2021-05-31", "season"),
    ("l'hiver dernier, des attaques", A, "2019-12-01", "2020-02-29", "season"),
    ("cet été, une réunion", date(2020, 7, 10), "2020-06-01", "2020-08-31", "season"),
    # relative expressions
    ("hier, un drone", A, "2020-03-24", "2020-03-24", "day"),
    ("aujourd'hui, le ministère", A, "2020-03-25", "2020-03-25", "day"),
    ("la base est désormais fermée", A, "2020-03-25", "2020-03-25", "day"),  # « from now on »: the day told from
    ("avant-hier, une attaque", A, "2020-03-23", "2020-03-23", "day"),
    ("demain, une réunion", A, "2020-03-26", "2020-03-26", "day"),
    ("La plus importante a eu lieu la semaine passée", A, "2020-03-16", "2020-03-22", "week"),
    ("la semaine dernière, un raid", A, "2020-03-16", "2020-03-22", "week"),
    ("cette semaine, le Parlement", A, "2020-03-23", "2020-03-29", "week"),
    ("le mois dernier, un vote", A, "2020-02-01", "2020-02-29", "month"),
    ("le mois passé, un vote", A, "2020-02-01", "2020-02-29", "month"),
    ("l'année dernière, un accord", A, "2019-01-01", "2019-12-31", "year"),
    ("l'an dernier, un accord", A, "2019-01-01", "2019-12-31", "year"),
    ("cette année, un retrait", A, "2020-01-01", "2020-12-31", "year"),
    ("il y a trois jours, une attaque", A, "2020-03-22", "2020-03-22", "day"),
    ("il y a deux mois, un vote", A, "2020-01-01", "2020-01-31", "month"),
    # intervals
    ("dans la nuit du 2 au 3 janvier", date(2020, 1, 5), "2020-01-02", "2020-01-03", "day"),
    ("du 5 au 7 mars", A, "2020-03-05", "2020-03-07", "week"),
    ("du 28 décembre au 2 janvier", date(2020, 1, 5), "2019-12-28", "2020-01-02", "week"),
    ("du 5 au 7 mars 2019", A, "2019-03-05", "2019-03-07", "week"),
]


# the tagger looks forward when the French does; old, two-digit and coarse years; anaphora
J = date(2021, 7, 9)  # a Friday
K = date(2003, 2, 4)  # a Tuesday
FORWARD = [
    # future and conditional verbs, plans, markers
    ("Le Parlement votera le 15 septembre sur le retrait.", J, "2021-09-15", "2021-09-15", "day"),
    ("Les troupes quitteront la base le 30 août.", J, "2021-08-30", "2021-08-30", "day"),
    ("Le sommet se tiendra le 12 juillet à Bagdad.", J, "2021-07-12", "2021-07-12", "day"),
    ("La base sera fermée en juillet et rouvrira en août.", J, "2021-07-01", "2021-07-31", "month"),
    ("Le contingent rentrera en septembre.", J, "2021-09-01", "2021-09-30", "month"),
    ("Le régiment achèvera début octobre sa mission.", J, "2021-10-01", "2021-10-10", "week"),
    ("Le ministre devrait se rendre à Erbil le 20 juillet.", J, "2021-07-20", "2021-07-20", "day"),
    ("Les forces vont quitter Taji le 2 août.", J, "2021-08-02", "2021-08-02", "day"),
    ("Le vote est prévu le 28 octobre.", J, "2021-10-28", "2021-10-28", "day"),
    (
        "avant de quitter ses fonctions le 30 octobre, le général a salué les troupes",
        J,
        "2021-10-30",
        "2021-10-30",
        "day",
    ),
    ("Washington a annoncé que ses soldats partiraient le 3 décembre.", J, "2021-12-03", "2021-12-03", "day"),
    ("Les auditions auront lieu à partir du 30 août.", J, "2021-08-30", "2021-08-30", "day"),
    ("Le retrait sera achevé d'ici septembre.", J, "2021-09-01", "2021-09-30", "month"),
    ("La réunion aura lieu jeudi à Bagdad.", J, "2021-07-15", "2021-07-15", "day"),
    ("Les soldats rentreront en été, selon le ministère.", date(2021, 3, 2), "2021-06-01", "2021-08-31", "season"),
    # the same words in the past stay in the past
    ("Les troupes ont quitté la base le 30 août.", J, "2020-08-30", "2020-08-30", "day"),
    ("À partir du 1er juillet, les soldats ont quitté Taji.", J, "2021-07-01", "2021-07-01", "day"),
    ("La coalition se retirait le 3 septembre de la base.", J, "2020-09-03", "2020-09-03", "day"),
    # "dernier" / "prochain" after a date
    ("Le 26 septembre dernier, une attaque a visé Erbil.", date(2022, 2, 9), "2021-09-26", "2021-09-26", "day"),
    ("le 20 décembre dernier", K, "2002-12-20", "2002-12-20", "day"),
    ("Les élections auront lieu les 6 et 13 avril prochains.", K, "2003-04-06", "2003-04-06", "day"),
    ("les 6 et 13 avril prochains", K, "2003-04-06", "2003-04-06", "day"),
    ("Le 13 avril prochain, les Irakiens voteront.", K, "2003-04-13", "2003-04-13", "day"),
    # a weekday + date: the occurrence nearest the anchor, ahead too
    ("Le comité organise dimanche 29 août une cérémonie.", date(1999, 8, 10), "1999-08-29", "1999-08-29", "day"),
    # two-digit years
    ("la base a été attaquée le 10 novembre 93, près de Mossoul", K, "1993-11-10", "1993-11-10", "day"),
    ("en octobre 98, les inspecteurs sont partis", K, "1998-10-01", "1998-10-31", "month"),
    ("depuis 97, la zone d'exclusion", K, "1997-01-01", "1997-12-31", "year"),
    ("Publié le 14/02/20 à 9 h", K, "2020-02-14", "2020-02-14", "day"),
    # years before 1950
    ("Il était né à Mossoul le 21 janvier 1913.", K, "1913-01-21", "1913-01-21", "day"),
    ("La monarchie fut proclamée en août 1921.", K, "1921-08-01", "1921-08-31", "month"),
    ("Le pays est indépendant depuis 1932.", K, "1932-01-01", "1932-12-31", "year"),
    ("de 1914 à 1918, la Mésopotamie", K, "1914-01-01", "1914-12-31", "year"),
    # decades and centuries
    ("Dans les années 80, la guerre contre l'Iran", K, "1980-01-01", "1989-12-31", "year"),
    ("les années 1990 et l'embargo", K, "1990-01-01", "1999-12-31", "year"),
    ("à la fin des années 2000, le retrait", K, "2007-01-01", "2009-12-31", "year"),
    ("les années soixante-dix", K, "1970-01-01", "1979-12-31", "year"),
    ("Au XIXe siècle, Bagdad était ottomane.", K, "1800-01-01", "1899-12-31", "year"),
    ("depuis le début du XXe siècle", K, "1900-01-01", "1932-12-31", "year"),
    # bare years
    ("le budget 2020 de la défense", K, "2020-01-01", "2020-12-31", "year"),
    # feasts, fixed and moved with Easter; days that became names
    ("Les soldats rentreront pour Noël.", J, "2021-12-25", "2021-12-25", "day"),
    ("À Noël, le président a rendu visite aux troupes.", date(2019, 1, 5), "2018-12-25", "2018-12-25", "day"),
    ("la veille de Noël, une attaque", date(2019, 1, 5), "2018-12-24", "2018-12-24", "day"),
    ("Le contingent rentrera à Pâques.", date(2024, 1, 10), "2024-03-31", "2024-03-31", "day"),
    ("la Saint-Nicolas sera fêtée à Nancy", date(2002, 11, 20), "2002-12-06", "2002-12-06", "day"),
    ("à la Toussaint, une attaque a visé la base", date(2020, 12, 2), "2020-11-01", "2020-11-01", "day"),
    ("depuis les attentats du 11-Septembre", date(2018, 12, 26), "2001-09-11", "2001-09-11", "day"),
    ("le défilé du 14-Juillet", date(2002, 9, 1), "2002-07-14", "2002-07-14", "day"),
    # ahead of the anchor by a count; parts of the week, month or year of publication
    ("Le contingent rentrera dans quinze jours.", J, "2021-07-24", "2021-07-24", "day"),
    ("dans trois mois, la mission changera", J, "2021-10-01", "2021-10-31", "month"),
    ("Le vote aura lieu en fin de semaine.", date(2021, 7, 7), "2021-07-08", "2021-07-11", "week"),
    ("Le vote a eu lieu en fin de semaine.", date(2021, 7, 7), "2021-07-01", "2021-07-04", "week"),
    ("d'ici la fin du mois, les troupes seront parties", J, "2021-07-21", "2021-07-31", "week"),
    ("au début du mois prochain, une réunion", J, "2021-08-01", "2021-08-10", "week"),
    # relative forms and anaphora
    ("aujourd'hui vendredi, le Parlement", J, "2021-07-09", "2021-07-09", "day"),
    ("Ils se sont rendus ce week-end à Erbil.", K, "2003-02-01", "2003-02-02", "week"),
    ("Ils se rendront ce week-end à Erbil.", K, "2003-02-08", "2003-02-09", "week"),
    ("le week-end dernier", J, "2021-07-03", "2021-07-04", "week"),
    (
        "À la même époque l'année dernière, l'optimisme était moindre.",
        date(2002, 9, 1),
        "2001-09-01",
        "2001-09-30",
        "month",
    ),
    ("Les deux camps sont entrés dans la nouvelle année.", date(2002, 1, 2), "2002-01-01", "2002-12-31", "year"),
    ("Les vœux pour la nouvelle année seront présentés.", date(2021, 12, 20), "2022-01-01", "2022-12-31", "year"),
    # a weekday before a count is still the day (not « mardi 15 », the 15th)
    ("La France a envoyé mardi 150 soldats à Erbil.", date(2023, 6, 15), "2023-06-13", "2023-06-13", "day"),
    (
        "Il y a près d'une semaine, des roquettes ont visé le camp.",
        date(2023, 6, 15),
        "2023-06-05",
        "2023-06-11",
        "week",
    ),
    ("il y a environ un mois, la base a été remise", date(2023, 6, 15), "2023-05-01", "2023-05-31", "month"),
    # « plus tôt cette année »: from the start of the year to the day before the anchor, not the whole year
    ("Plus tôt cette année, la France a réduit son contingent.", date(2023, 6, 15), "2023-01-01", "2023-06-14", "year"),
    ("plus tôt ce mois-ci, la formation a été interrompue", date(2020, 3, 21), "2020-03-01", "2020-03-20", "month"),
]


@pytest.mark.parametrize("text,anchor,start,end,precision", FORWARD, ids=[t[0][:40] for t in FORWARD])
def test_forward_and_coarse_expression(text, anchor, start, end, precision):
    found = [x for x in tag(text, anchor) if x.kind != "offset"]
    assert found, f"nothing found in {text!r}"
    x = found[0]
    got = (x.date_start and x.date_start.isoformat(), x.date_end and x.date_end.isoformat(), x.precision)
    assert got == (start, end, precision), f"{text!r} on {anchor}: {got}, expected {(start, end, precision)}"


@pytest.mark.parametrize(
    "text",
    [
        "Les ventes de journaux augmentent en été.",  # habitual present: no particular summer
        "Il y a des touristes été comme hiver.",
        "pendant les mois d'été, le camping affiche complet",
    ],
)
def test_generic_seasons_stay_unresolved(text):
    found = tag(text, date(1999, 8, 6))
    assert found and all(not x.resolved for x in found), [(x.text, x.date_start) for x in found]


@pytest.mark.parametrize(
    "text",
    [
        "Le 14 juillet, 1500 soldats ont défilé.",
        "en 1500 exemplaires",
        "un convoi de 1200 véhicules",
        "Le Rafale vole à 1900 km/h",
        "2500 soldats sont restés",
        "la résolution 2019-12",
        "un total de 12 2020 soldats",
    ],
)
def test_counts_are_not_years(text):
    """A number before a plural noun or a unit is a count, whatever its digits."""
    years = [x for x in find_expressions(text) if x.kind in ("year", "month") and x.year and x.year < 2100]
    assert years == [], [(x.text, x.year) for x in years]


@pytest.mark.parametrize("text,anchor,start,end,precision", TABLE, ids=[t[0][:40] for t in TABLE])
def test_expression(text, anchor, start, end, precision):
    found = [x for x in tag(text, anchor) if x.kind != "offset"]
    assert found, f"nothing found in {text!r}"
    x = found[0]
    assert (x.date_start.isoformat(), x.date_end.isoformat(), x.precision) == (start, end, precision), x


def test_table_is_large_and_covers_every_month_and_weekday():
    assert len(TABLE) >= 80
    folded = fold(" ".join(t[0] for t in TABLE))
    for m in ("janv", "fev", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"):
        assert m in folded, m
    for w in WEEKDAYS:
        assert w in folded, w


@pytest.mark.parametrize(
    "text",
    [
        "Depuis six mois, 24 opérations ont été réalisées.",
        "ses 30 soldats présents en Irak",
        "la brigade 32 du huitième bataillon",
        "un homme âgé de 25 ans",
        "© AFP 2023 David Furst",
        "Crédit photo : Reuters 2019",
        "pendant deux ans, la coalition",
        "au cours des deux derniers mois",
        "2500 soldats sont restés",
        "2000 soldats américains",
        "le numéro deux du Hachd",
        "Il a été nommé, et l'été a passé",  # participle "été" is not a season
        "sept soldats ont été blessés",
        "la sonde Mars Express et le rover de Mars",  # a name, not the month
        "les contingents resteront de janvier à mars",  # a span of months (not read as one yet): not its start alone
        "Standard : 01-23-45-67-89",  # a phone number, not a day, month and year with dashes
    ],
)
def test_not_a_date(text):
    assert [x for x in find_expressions(text) if x.kind not in ("season",) or "ete" not in fold(x.text)] == [], (
        find_expressions(text)
    )


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Les frappes de janvier ont fait dix morts.", date(2024, 1, 1), date(2024, 1, 31)),
        ("Le bilan de la rentrée d'octobre reste flou.", date(2023, 10, 1), date(2023, 10, 31)),
    ],
)
def test_a_nouns_month_after_de_is_a_date(text, start, end):
    found = [x for x in tag(text, B, B, [(0, len(text))]) if x.resolved]
    assert [(x.date_start, x.date_end) for x in found] == [(start, end)], found


def test_same_year_and_offsets():
    text = (
        "Ainsi, en 2020, le Parlement a voté. Le général a été assassiné le 3 janvier de la même année. "
        "Le 5 janvier 2020, le Parlement avait voté, deux jours après une frappe qui avait tué le général."
    )
    from helpers.text import split_sentences

    xs = tag(text, date(2024, 1, 25), sentence_spans=[(s.start, s.end) for s in split_sentences(text)])
    same = next(x for x in xs if "même année" in x.text)
    assert same.date_start == date(2020, 1, 3)
    off = next(x for x in xs if x.kind == "offset")
    assert off.date_start == date(2020, 1, 3) and off.main_start == date(2020, 1, 5)


def test_season_of_the_same_year_takes_the_year_told_before():
    x = tag("suspendues début janvier 2020, puis réduites au printemps de la même année", date(2023, 6, 1))[-1]
    assert (x.date_start, x.date_end) == (date(2020, 3, 1), date(2020, 5, 31)), (x.text, x.date_start)


@pytest.mark.parametrize("words", ["Au même moment", "Dans le même temps"])
def test_at_the_same_moment_is_the_time_just_told(words):
    """« Au même moment », « dans le même temps »: the date of the expression before it, not the news day."""
    text = f"Dimanche soir, un convoi a été visé. {words}, des avions ont mené des frappes."
    x = tag(text, date(2020, 9, 22))[-1]
    assert x.kind == "offset" and (x.date_start, x.date_end) == (date(2020, 9, 20),) * 2, (x.text, x.date_start)


def test_a_passe_compose_with_etre_looks_back():
    """« sont convenus » is a past: a bare « le 26 juillet » before it is last July, not next (a conditional
    further on, « cesseraient », is what was agreed, not the meeting's time)."""
    text = "À la Maison-Blanche le 26 juillet, les deux dirigeants sont convenus que les forces cesseraient le combat."
    x = tag(text, date(2021, 8, 28))[0]
    assert x.date_start == date(2021, 7, 26), x.date_start


@pytest.mark.parametrize("verb", ["prévoyait", "prévoit", "prévoyaient"])
def test_a_date_planned_by_prevoir_is_ahead_of_the_plan(verb):
    """« prévoir » names a plan in every tense: a bare « avant le 30 juin » it governs is the plan's coming
    30 June, not a past one (the imperfect « prévoyait » is no past fact)."""
    text = f"Le mémorandum {verb} le départ des instructeurs avant le 30 juin."
    x = tag(text, date(2022, 3, 10))[0]
    assert x.tense == "planned" and x.date_start == date(2022, 6, 30), (x.tense, x.date_start)


@pytest.mark.parametrize("words", ["Ce jour-là", "Cette nuit-là", "Ce soir-là"])
def test_that_day_points_back_to_the_day_named(words):
    text = f"Le convoi a été visé le 4 mai. {words}, deux soldats ont été blessés."
    x = tag(text, date(2021, 6, 30))[-1]
    assert x.text == words and (x.date_start, x.date_end) == (date(2021, 5, 4),) * 2, (x.text, x.date_start)


def test_that_day_with_no_day_named_stays_undated():
    x = tag("Ce jour-là, deux soldats ont été blessés.", date(2021, 6, 30))[-1]
    assert x.date_start is None, (x.text, x.date_start)


def test_offset_whose_date_is_the_referred_event():
    text = "Ces tirs ont eu lieu au lendemain du meurtre du général dans la nuit du 2 au 3 janvier."
    off = next(x for x in tag(text, date(2020, 1, 5)) if x.kind == "offset")
    assert (off.date_start, off.date_end) == (date(2020, 1, 2), date(2020, 1, 3))
    assert (off.main_start, off.main_end) == (date(2020, 1, 3), date(2020, 1, 4))


@pytest.mark.parametrize(
    "text",
    [
        "Dix ans après le départ des derniers soldats, le ministre s'est rendu jeudi 14 octobre à Erbil.",
        "ÉDITION - Quinze ans après l'accord de sécurité, la commission mixte a tenu le 14 octobre sa réunion.",
    ],
)
def test_offset_fronting_the_sentence_counts_back_from_the_main_clause(text):
    """« N ans après X, [main clause … date] »: X's phrase ends at the comma; the date further on, past the main
    clause's subject or verb, is the main clause's own, and X is N years before it (never the other way round,
    which would put a past visit decades after publication)."""
    off = next(x for x in tag(text, date(2021, 10, 15)) if x.kind == "offset")
    assert (off.main_start, off.main_end) == (date(2021, 10, 14),) * 2, (off.main_start, off.main_end)
    assert off.date_end.year < 2021, off.date_start


def test_offset_with_its_events_date_in_apposition_counts_forward():
    """« Deux jours après la frappe, le 3 janvier, le Parlement a voté »: a date right after the comma is in
    apposition to X, the main clause two days later."""
    text = "Deux jours après la frappe, le 3 janvier, le Parlement a voté une résolution."
    off = next(x for x in tag(text, date(2020, 2, 1)) if x.kind == "offset")
    assert off.date_start == date(2020, 1, 3) and off.main_start == date(2020, 1, 5), (off.date_start, off.main_start)


def test_offset_read_forward_never_dates_a_past_clause_after_publication():
    """Whatever the punctuation, a past clause is not dated decades after the article: when counting forward from
    the date after « N ans après X » would do that, the date is the main clause's."""
    text = "Trente ans après la première guerre du Golfe le président est arrivé ce lundi 4 mars à Koweït."
    off = next(x for x in tag(text, date(2024, 3, 4)) if x.kind == "offset")
    assert off.main_start == date(2024, 3, 4) and off.date_end.year < 2000, (off.main_start, off.date_start)


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        # no month anywhere near: the latest such day by publication (this month's, else the month before's)
        ("Les chasseurs avaient déjà visé, le 4, un dépôt d'armes.", date(2022, 6, 20), date(2022, 6, 4)),
        ("Les chasseurs avaient déjà visé, le 24, un dépôt d'armes.", date(2022, 6, 20), date(2022, 5, 24)),
        ("Le dépôt d'armes a été bombardé le 31, selon l'armée.", date(2022, 7, 5), date(2022, 5, 31)),
        # a future clause: the next such day
        ("La commission se réunira le 28, à Erbil.", date(2022, 6, 20), date(2022, 6, 28)),
        # a month named in the sentence before: a day of that month
        ("En février, les tirs se sont multipliés. Le 11, une roquette a touché la base.", date(2022, 6, 20),
         date(2022, 2, 11)),
    ],
)  # fmt: skip
def test_a_day_of_the_month_without_its_month(text, anchor, expected):
    """« le 4 » with no month in its sentence: a day of the month the text just named, else of the publication's
    month or the one before (a past clause never after publication)."""
    from helpers.text import split_sentences

    xs = tag(text, anchor, anchor, [(s.start, s.end) for s in split_sentences(text)])
    day = [x for x in xs if x.rel == "day_of_month"]
    assert len(day) == 1 and (day[0].date_start, day[0].date_end) == (expected, expected), day


@pytest.mark.parametrize(
    "text",
    [
        "Le siège du parti est au 3, rue de Bagdad.",
        "Le premier, arrivé en 2019, a refusé.",
        "L'équipe a gagné le 3 à 1 contre ses rivaux.",
    ],
)
def test_an_address_a_pronoun_or_a_score_is_no_day_of_the_month(text):
    assert not [x for x in find_expressions(text) if x.rel == "day_of_month"], find_expressions(text)


@pytest.mark.parametrize(
    "text,start,end",
    [
        # « un an » in the singular is an offset like « deux ans »
        ("La base a été rouverte en juin 2016 puis fermée un an plus tard par l'armée.", date(2017, 6, 1),
         date(2017, 6, 30)),
        # whole years from a whole year, whole months from a whole month
        ("En 2015, la mission a commencé. Deux ans plus tard, elle a changé de nom.", date(2017, 1, 1),
         date(2017, 12, 31)),
        ("Le camp a été attaqué en avril 2019. Trois mois plus tard, il a été évacué.", date(2019, 7, 1),
         date(2019, 7, 31)),
    ],
)  # fmt: skip
def test_an_offset_after_a_date_counts_from_it_whole(text, start, end):
    from helpers.text import split_sentences

    xs = tag(text, date(2023, 5, 2), sentence_spans=[(s.start, s.end) for s in split_sentences(text)])
    off = next(x for x in xs if x.kind == "offset")
    assert (off.date_start, off.date_end) == (start, end), (off.text, off.date_start, off.date_end)


def test_in_one_year_is_found():
    x = next(x for x in tag("Les derniers instructeurs partiront dans un an.", date(2023, 5, 2)) if x.rel == "in")
    assert (x.date_start, x.date_end) == (date(2024, 5, 1), date(2024, 5, 31)), (x.text, x.date_start)


def test_window_anchor_gives_union():
    x = find_expressions("la semaine passée")[0]
    r = resolve_window(x, date(2020, 3, 19), date(2020, 3, 26))
    assert (r.date_start, r.date_end) == (date(2020, 3, 9), date(2020, 3, 22))


def test_display_dates():
    assert display_date(date(2020, 1, 3), date(2020, 1, 3)) == "3 janv. 2020"
    assert display_date(date(2020, 1, 1), date(2020, 1, 10), "week", "début") == "début janv. 2020"
    assert display_date(date(2020, 3, 1), date(2020, 3, 31)) == "mars 2020"
    assert display_date(date(2021, 1, 1), date(2021, 12, 31)) == "2021"
    assert display_date(date(2019, 6, 1), date(2019, 8, 31)) == "été 2019"
    assert display_date(date(2020, 1, 2), date(2020, 1, 3)) == "2–3 janv. 2020"
    assert display_date(date(2020, 1, 1), date(2020, 1, 1)) == "1er janv. 2020"


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)),
)
def test_weekday_day_month_gives_a_year_where_the_weekday_holds(d, anchor):
    names = list(WEEKDAYS)
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    text = f"{names[d.weekday()]} {d.day} {months[d.month - 1]}"
    x = [e for e in tag(text, anchor) if e.kind == "date"]
    assert x and x[0].date_start is not None
    assert x[0].date_start.weekday() == d.weekday()
    assert (x[0].date_start.month, x[0].date_start.day) == (d.month, d.day)
    assert x[0].date_start <= anchor + timedelta(days=7) or x[0].date_start.year <= anchor.year + 1


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=60))
def test_fold_preserves_length(s):
    assert len(fold(s)) == len(s)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_tagger_never_crashes(s):
    for x in tag(s, date(2020, 1, 1)):
        assert 0 <= x.start <= x.end <= len(s)


def test_weekday_years_known_cases():
    assert 2020 in weekday_years(25, 3, 2, range(2014, 2027))  # 25 March 2020 was a Wednesday
    assert weekday_years(25, 3, 2, range(2014, 2027)) == [2015, 2020, 2026]
    assert weekday_years(25, 1, 3, range(2014, 2027)) == [2018, 2024]


@pytest.mark.parametrize("text", ["Noël Mamère a pris la parole.", "de Noël Mamère", "les matches du 1-2"])
def test_names_and_ranges_are_not_feasts_or_dates(text):
    assert find_expressions(text) == [], [(x.text, x.kind) for x in find_expressions(text)]
