"""Publication dates: given, or inferred with evidence, for the seeds and for unseen styles."""

from datetime import date, timedelta

import pytest

from helpers.extract.published import Constraint, infer_one
from helpers.extract.timeline import Timeline

from .conftest import DATA

TIMELINE = Timeline.load(DATA / "reference")

EXPECTED_SEEDS = {  # what a careful reader concludes: the lead's weekday and date is the day of the news,
    # online that day or the next
    "000": ("2020-03-25", "2020-03-26", "month"),
    "002": ("2024-01-25", "2024-01-26", "month"),
}


def by_prefix(tables):
    return tables.articles.set_index(tables.articles.file.str[:3])


def test_seed_dates(seed_tables):
    a = by_prefix(seed_tables)
    for k, (s, e, p) in EXPECTED_SEEDS.items():
        assert (a.loc[k, "published"], a.loc[k, "published_end"], a.loc[k, "published_precision"]) == (s, e, p), k
    # 004: "Samedi 4 janvier" (not in the lead) is a Saturday 4 January of 2020 (the killing of Soleimani "dans la
    # nuit du 2 au 3 janvier" fixes the year), and a weekday is written beside a date only in the two weeks
    # around publication
    assert (a.loc["004", "published"], a.loc["004", "published_end"]) == ("2020-01-04", "2020-01-17")
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
        # a stamp inside a byline: its own cue, or a clock time after the date; the first publication, not the update
        (
            "Titre\nPar Le Quotidien, avec AFP — 3 mars 2021 à 09:12\nTrois soldats ont été blessés.",
            "2021-03-03",
            "2021-03-03",
            "day",
        ),
        (
            "Titre\nCe contenu a été publié le 8 juin 2020 - 11:05\n(ATS) Un convoi a été visé lundi.",
            "2020-06-08",
            "2020-06-08",
            "day",
        ),
        (
            "Titre\nAgence ABC | Publié le 4 février 2022 à 10:15 | Mis à jour le 5 février 2022 à 08:00\nTexte.",
            "2022-02-04",
            "2022-02-04",
            "day",
        ),
        (
            "Titre\nPar Telechaine avec AFP • Mis à jour: 12/05/2024 - 18:40\nDes roquettes.",
            "2024-05-12",
            "2024-05-12",
            "day",
        ),
        # a report « publié le … » inside a sentence is a past date, not the stamp
        (
            "Titre\nDans un entretien publié le 2 mars 2020, le ministre a détaillé le plan de retrait que le "
            "gouvernement prépare depuis plusieurs mois avec ses alliés.\nLes soldats partiront.",
            "2020-03-02",
            "2026-12-31",
            "unknown",
        ),
        ("Bagdad, le 8 mars 2021 - Le pape est arrivé.", "2021-03-08", "2021-03-08", "day"),
        ("Title\nPublished on January 16, 2026\nTroops left the base.", "2026-01-16", "2026-01-16", "day"),
        (
            "Titre\n\nLes députés ont voté ce dimanche 12 sept. une motion. Depuis janvier 2020, des attaques ont eu lieu.",
            "2021-09-12",
            "2021-09-13",
            "month",
        ),
        # a Monday 7 October after 2019: 2019 or 2024, nothing decides
        (
            "Titre\n\nLe ministre est arrivé ce lundi 7 octobre à Bagdad. En 2019, les manifestations ont commencé.",
            "2019-10-07",
            "2024-10-08",
            "unknown",
        ),
        (
            "Titre\n\nLe ministre est arrivé ce lundi 7 octobre à Bagdad. En 2019, les manifestations ont commencé. "
            "Le chef du Pentagone, Mark Esper, a salué l'accord.",
            "2019-10-07",
            "2019-10-08",
            "month",
        ),
        # not before 2022; no upper bound (the year last mentioned is not the year of publication)
        (
            "Titre\n\nLe retrait se poursuit. Le 14 juillet, un accord a été signé. En 2022, la mission a changé.",
            "2022-01-01",
            "2026-12-31",
            "unknown",
        ),
    ],
)
def test_unseen_styles(text, start, end, precision):
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start.isoformat(), p.end.isoformat(), p.precision) == (start, end, precision), p
    assert p.evidence


def test_no_evidence_is_unknown():
    p = infer_one("Titre\n\nLes forces ont quitté la base. Le Parlement a voté.")
    assert p.start is None and p.precision == "unknown"


def test_photo_credit_year_is_never_used():
    p = infer_one("Titre\n© AFP 2023 Jean Dupont\nLes forces ont quitté la base.")
    assert p.start is None


def test_corpus_constraint_bounds_the_year():
    # 25 March is a Wednesday in 2015, 2020 and 2026 (and earlier years): alone, nothing decides;
    # an event another article dates in 2025 leaves 2026
    text = "Les forces françaises se sont retirées ce mercredi 25 mars, après l'assassinat du général."
    alone = infer_one(text)
    assert alone.start is None, alone
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


# --- windows with their reasons: a table of forms (articles written for these tests) ---------------------

WINDOWS = [
    # a wire dateline without a year: the year from the text (the Soleimani killing, a yearless date beside it)
    (
        "WASHINGTON, 9 janvier (Reuters) - Le Pentagone a confirmé jeudi l'envoi de renforts. Les tirs ont suivi "
        "l'assassinat de Qassem Soleimani, tué le 3 janvier à Bagdad.",
        "2020-01-09",
        "2020-01-09",
        "day",
        "dateline without a year",
    ),
    # "Mis à jour le 14/02" and a date of the past year beside a timeline event
    (
        "Titre\nDernière mise à jour le 14/02\nUne roquette a visé la base K1 jeudi. Un sous-traitant américain "
        "avait été tué le 27 décembre lors d'une attaque contre la base K1.",
        "2020-02-14",
        "2020-02-14",
        "day",
        "K1",
    ),
    # a deadline is an upper bound, the year it names is not a lower one
    (
        "Titre\n\nLe dernier contingent quittera le pays d'ici septembre 2026, selon le ministère. En 2024, les "
        "attaques se sont multipliées.",
        "2024-01-01",
        "2026-09-30",
        "unknown",
        "ahead",
    ),
    # a titled holder in the article's news: within the term; "ancien" after it
    (
        "Titre\n\nLe secrétaire américain à la Défense, Lloyd Austin, a annoncé un nouveau calendrier. En 2021, "
        "la coalition a changé de mission.",
        "2021-01-22",
        "2025-02-19",
        "unknown",
        "Lloyd Austin",
    ),
    (
        "Titre\n\nL'ancien président américain Joe Biden a commenté le retrait.",
        "2025-01-20",
        "2026-12-31",
        "unknown",
        "former",
    ),
    # a holder in a pluperfect clause, or with a year in the sentence, is history: only not before the term
    (
        "Titre\n\nEn 2019, le président Donald Trump avait ordonné le retrait de Syrie.",
        "2019-01-01",
        "2026-12-31",
        "unknown",
        "reported as past",
    ),
    # an event of the timeline dated by the day of the week in the lead is the news: within a week
    (
        "Titre\n\nUne attaque de drone a tué dimanche trois soldats américains sur la base de la Tour 22, en Jordanie, "
        "près de la frontière syrienne. Washington promet de riposter.",
        "2024-01-28",
        "2024-02-03",
        "year",
        "Tour 22",
    ),
    # the holder acted on a weekday of the lead during the term: a week after such a day
    (
        "Titre\n\nLe chef du Pentagone Christopher Miller a annoncé vendredi la réduction des effectifs en Irak. "
        "Environ 2 500 soldats américains restent désormais déployés en Irak.",
        "2021-01-15",
        "2021-01-21",
        "month",
        "Christopher Miller",
    ),
    # a weekday and date in the lead: the years where it holds, among the bounds
    (
        "Titre\n\nLes États-Unis ont frappé vendredi 2 février des cibles en Irak, après l'attaque de drone qui a tué "
        "trois soldats américains en Jordanie.",
        "2024-02-02",
        "2024-02-03",
        "month",
        "vendredi 2 février",
    ),
    # a month without a year beside an event: the event's month, and within a year of it
    (
        "Titre\n\nWashington et Bagdad négocient depuis janvier, lorsque Téhéran a tiré des missiles balistiques "
        "sur la base d'Aïn al-Assad. Les batteries ont été livrées.",
        "2020-01-08",
        "2021-01-31",
        "unknown",
        "janvier",
    ),
]


@pytest.mark.parametrize("text,start,end,precision,why", WINDOWS, ids=[w[4] for w in WINDOWS])
def test_window_and_its_reasons(text, start, end, precision, why):
    p = infer_one(text, timeline=TIMELINE)
    got = (p.start and p.start.isoformat(), p.end and p.end.isoformat(), p.precision)
    assert got == (start, end, precision), f"{got} for {text!r}: {p.evidence} {p.notes}"
    assert why in p.evidence, f"the evidence should quote {why!r}: {p.evidence}"


def test_a_future_event_is_no_lower_bound():
    p = infer_one(
        "Titre\n\nLe Parlement votera en 2025 sur la présence des troupes étrangères. Depuis 2019, les "
        "manifestations se succèdent.",
        timeline=TIMELINE,
    )
    assert p.start == date(2019, 1, 1) and p.end == date(2025, 12, 31), p


# « prévoir » looks ahead in every tense, and « avant + date » bounds an act that came before that day: neither
# says the day itself is past (articles written for these tests)
NOT_PAST = [
    (
        "Titre\n\nLe plan adopté par le Parlement prévoyait le départ des troupes étrangères avant le 15 mars 2021. "
        "La ministre a salué le travail accompli.",
        "prévoyait … avant le 15 mars 2021",
    ),
    (
        "Titre\n\nLe président Joe Biden a confirmé que les soldats ont quitté la base avant le 31 décembre.",
        "ont quitté … avant le 31 décembre (yearless, beside a holder)",
    ),
    (
        "Titre\n\nLe mémorandum, qui prévoyait la remise de la base aux Irakiens le 30 juin, a été signé par le "
        "président Joe Biden.",
        "qui prévoyait … le 30 juin (yearless, beside a holder)",
    ),
]


@pytest.mark.parametrize("text,why", NOT_PAST, ids=[w[1] for w in NOT_PAST])
def test_a_planned_or_before_date_is_no_lower_bound(text, why):
    p = infer_one(text, timeline=TIMELINE)
    assert "avant le" not in p.evidence and "30 juin" not in p.evidence, f"{why}: {p.evidence}"


def test_a_date_bound_to_a_past_participle_is_past_after_a_deadline_clause():
    # « d'ici l'été » is the deadline of its own clause; « signé en mars 2023 » is a past act's date
    p = infer_one(
        "Titre\n\nLes derniers instructeurs devraient rentrer d'ici l'été, comme le prévoit le texte signé en mars "
        "2023 par les deux ministres.",
        timeline=TIMELINE,
    )
    assert p.start == date(2023, 3, 1) and "reported as past" in p.evidence, p


def test_a_timeline_event_in_a_sentence_about_another_year_is_not_it():
    # the 2008 parliament vote on the security agreement is not the 2020 vote on foreign troops
    p = infer_one(
        "Titre\n\nEn 2008, le Parlement avait voté une résolution sur le retrait des troupes américaines.",
        timeline=TIMELINE,
    )
    assert p.start == date(2008, 1, 1), p


def test_a_contradicting_bound_is_set_aside_and_said_so():
    text = "BAGDAD, 3 mars (AFP) - Les forces ont quitté la base. En 2021, la mission a changé."
    p = infer_one(text, constraints=[Constraint(date(2030, 1, 1), None, "an impossible anchor")], timeline=TIMELINE)
    assert p.start == date(2021, 3, 3) or p.start.year >= 2021
    assert any("an impossible anchor" in n for n in p.notes), p.notes


def test_an_event_told_in_the_pluperfect_in_the_lead_is_not_the_news(tmp_path):
    """Another article dates the missile strike; this one names it in its lead, but in a pluperfect clause (what
    was said then, which the news corrects): a lower bound, not « published within a week of it »."""
    from helpers.build import build

    from .conftest import make_data_dir

    dated = (
        "Des missiles frappent la base d'Aïn al-Assad\n\nBAGDAD, 9 janvier 2020 (AFP) - L'armée irakienne a indiqué "
        "que des missiles ont frappé le 8 janvier 2020 la base aérienne d'Aïn al-Assad, qui accueille des soldats "
        "américains.\n"
    )
    lead = (
        "Le Pentagone revoit son bilan. Lors de l'attaque de missiles iraniens contre la base d'Aïn al-Assad, le 8 "
        "janvier, Washington {verb} qu'aucun soldat n'avait été blessé. Un porte-parole fait état de 50 blessés.\n"
    )
    for verb, within_a_week in (("avait affirmé", False), ("a affirmé", True)):
        text = "Le bilan s'alourdit à Aïn al-Assad\n\n" + lead.format(verb=verb)
        d = make_data_dir(
            tmp_path / verb.replace(" ", "_"), seeds=False, extra={"a.txt": dated.encode(), "b.txt": text.encode()}
        )
        b = build(d).articles.set_index("file").loc["b.txt"]
        assert b.published == "2020-01-08", (verb, b.published, b.published_evidence)
        assert (b.published_end <= "2020-01-15") == within_a_week, (verb, b.published_end, b.published_evidence)


@pytest.mark.parametrize(
    "dateline, named, expected",
    [
        # the wire filed its report on the day of the strike it names: that year
        ("BAGDAD, 28 janvier (Reuters) -", "l'attaque contre la Tour 22 a tué trois soldats", "2024-01-28"),
        ("BAGDAD, 29 janvier (Reuters) -", "l'attaque contre la Tour 22 a tué trois soldats", "2024-01-29"),
        # an anniversary on the same day is not the report of it: the year stays open
        ("BAGDAD, 28 janvier (Reuters) -", "un an après l'attaque contre la Tour 22, les soldats", None),
        # a dateline of another day says nothing of the year
        ("BAGDAD, 12 mars (Reuters) -", "l'attaque contre la Tour 22 a tué trois soldats", None),
    ],
)
def test_a_yearless_dateline_on_the_day_of_a_named_event_is_its_report(dateline, named, expected):
    text = f"Titre\n\n{dateline} Des représentants ont confirmé les faits. Selon eux, {named} en Jordanie.\n"
    p = infer_one(text, timeline=TIMELINE)
    got = p.start.isoformat() if p.start and p.start == p.end else None
    assert got == expected, (dateline, named, p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "sentence, lower",
    [
        # the end of a span, in a past clause: said before the date came or after, no bound either way
        ("Le mandat de la mission a été prolongé jusqu'à fin 2023 par le Parlement.", None),
        ("Le déploiement a été autorisé jusqu'en 2025.", None),
        # a date the clause tells as past still bounds from below
        ("En 2023, le mandat a été prolongé.", "2023-01-01"),
    ],
)
def test_the_end_of_a_span_is_no_lower_bound(sentence, lower):
    p = infer_one("Titre\n\n" + sentence)
    got = p.start.isoformat() if p.start else None
    assert got == lower, (sentence, p.start, p.evidence)


# a date the text sets in a period counted from publication: the calendar week (month) after, the same, before
PERIODS = [
    ("La semaine dernière, mardi 14 janvier,", "2020-01-20", "2020-01-26"),
    ("Cette semaine, mardi 14 janvier,", "2020-01-13", "2020-01-19"),
    ("Le mois dernier, mardi 14 janvier,", "2020-02-01", "2020-02-29"),
]


@pytest.mark.parametrize("period, start, end", PERIODS, ids=[p[0].split(",")[0] for p in PERIODS])
def test_a_date_in_apposition_to_a_period_places_publication(period, start, end):
    # Tuesday 14 January: 2014, 2020 or 2025; the past 2019 and the deadline of 2021 leave 2020
    text = (
        "Titre\n\nLa base de Bassora a été rendue à l'armée irakienne. Le ministère parle d'une étape. "
        f"{period} les derniers instructeurs étrangers avaient quitté le camp. En 2019, la base comptait 300 "
        "soldats. Le retrait doit s'achever d'ici fin 2021, selon le ministère."
    )
    p = infer_one(text, timeline=TIMELINE)
    got = (p.start and p.start.isoformat(), p.end and p.end.isoformat())
    assert got == (start, end), f"{period!r} should place publication in {start}…{end}, got {got}: {p.evidence}"
    assert period.split(",")[0] in p.evidence, f"the evidence should quote the period: {p.evidence}"


def test_a_date_apart_from_a_period_is_not_set_in_it():
    # « la semaine dernière » dates its own clause; the weekday and date of another clause is a day of the two
    # weeks before publication, not a day of last week
    text = (
        "Titre\n\nLa base de Bassora a été rendue à l'armée irakienne. Le ministère parle d'une étape. Les "
        "instructeurs sont partis la semaine dernière, et mardi 14 janvier le drapeau a été changé. En 2019, la base comptait 300 soldats. Le retrait "
        "doit s'achever d'ici fin 2021, selon le ministère."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2020, 1, 14), date(2020, 1, 27)), (
        f"a date not in apposition to the period was set in it: {p.start}…{p.end} ({p.evidence})"
    )


def test_a_period_in_the_lead_overrides_the_news_day_reading():
    # in the lead a weekday and date is read as the day of the news; « la semaine dernière » says otherwise
    text = (
        "Titre\n\nLa base de Bassora a été rendue à l'armée irakienne. La semaine dernière, mardi 14 janvier, les "
        "derniers instructeurs étrangers avaient quitté le camp. En 2019, la base comptait 300 soldats. Le retrait "
        "doit s'achever d'ici fin 2021, selon le ministère."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2020, 1, 20), date(2020, 1, 26)), (
        f"« la semaine dernière, mardi 14 janvier » in the lead should place publication the week after: "
        f"{p.start}…{p.end} ({p.evidence}; {p.notes})"
    )


def test_jour_pour_jour_after_a_named_event_is_the_present():
    # the Tower 22 attack, 28 January 2024: one year to the day after it is 28 January 2025
    text = (
        "Titre\n\nUn an jour pour jour après l'attaque de drone qui a tué trois soldats américains à la Tour 22, "
        "en Jordanie, les familles ont été reçues au Pentagone. Elles réclament toujours des réponses."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2025, 1, 27), date(2025, 1, 30)), (
        f"« un an jour pour jour après » a dated event should place publication on its anniversary: "
        f"{p.start}…{p.end} ({p.evidence})"
    )


def test_jour_pour_jour_beside_a_date_of_another_day_fixes_nothing():
    # the sentence's date is not the event's: it may be the main clause's, so the interval may end in the past
    text = (
        "Titre\n\nUn an jour pour jour après l'attaque de drone qui a tué trois soldats américains à la Tour 22, "
        "le 2 février, les familles ont été reçues au Pentagone. Elles réclament toujours des réponses."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert "jour pour jour" not in p.evidence and (p.end is None or p.end - p.start > timedelta(days=7)), (
        f"a date that is not the event's was taken for it: {p.start}…{p.end} ({p.evidence})"
    )


def test_il_y_a_jour_pour_jour_counts_from_the_sentence_date():
    text = (
        "Titre\n\nIl y a cinq ans jour pour jour, le 3 janvier 2020, une frappe américaine tuait près de "
        "l'aéroport de Bagdad le général iranien Qassem Soleimani. Ses partisans se rassemblent dans la capitale."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2025, 1, 2), date(2025, 1, 5)), (
        f"« il y a cinq ans jour pour jour, le 3 janvier 2020 » should place publication on 3 January 2025: "
        f"{p.start}…{p.end} ({p.evidence})"
    )


def test_a_weekday_and_date_in_a_plan_still_picks_the_year():
    # Kadhimi's term (May 2020 – Oct. 2022) holds a Tuesday 5 October only in 2021; the conditional makes the
    # day possibly ahead (within the coming year) or just past, never another year's
    text = (
        "Titre\n\nLe Premier ministre irakien Moustafa al-Kazimi a reçu les ambassadeurs occidentaux. "
        "La signature de l'accord pourrait avoir lieu mardi 5 octobre, selon son bureau."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2020, 10, 4), date(2021, 10, 18)), (
        f"a weekday and date in a planned clause should keep only the year it holds in: {p.start}…{p.end} "
        f"({p.evidence})"
    )


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a feast in apposition to « hier »: published the day after it, in the years the rest allows
        ("Deux soldats ont été blessés hier, jour de Noël, lors d'une attaque de roquettes.", (12, 26)),
        ("Deux soldats ont été blessés hier, le jour de Noël, près de la base.", (12, 26)),
        # a day and month in apposition to « avant-hier »: two days after it
        ("Le convoi a été visé avant-hier, 14 juillet, au nord de la capitale.", (7, 16)),
    ],
)
def test_a_day_counted_from_publication_named_by_a_date_fixes_the_day(sentence, expected):
    # Kadhimi's term (May 2020 – Oct. 2022) picks the years; the apposition picks the day of each
    text = f"Titre\n\nLe Premier ministre irakien Moustafa al-Kazimi a dénoncé l'attaque. {sentence}"
    p = infer_one(text, timeline=TIMELINE)
    assert p.start is not None and (p.start.month, p.start.day) == expected, (p.start, p.end, p.evidence)
    assert (p.end.month, p.end.day) == expected and p.end.year - p.start.year <= 2, (p.start, p.end, p.evidence)
    assert "is " in p.evidence and "day(s) after it" in p.evidence, p.evidence


def test_yesterday_with_its_weekday_fixes_the_weekday_of_publication():
    # « hier, lundi »: published on a Tuesday of Kadhimi's term, whichever
    text = "Titre\n\nLe Premier ministre irakien Moustafa al-Kazimi a reçu hier, lundi, l'envoyé américain."
    p = infer_one(text, timeline=TIMELINE)
    assert p.start is not None and p.start.weekday() == 1 and p.end.weekday() == 1, (p.start, p.end, p.evidence)


def test_a_date_apart_from_yesterday_does_not_name_it():
    # « hier » and a date of another clause: no day fixed by them
    text = (
        "Titre\n\nLe Premier ministre irakien Moustafa al-Kazimi a reçu hier les ambassadeurs. "
        "La base avait été visée à Noël par des roquettes."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert "day(s) after it" not in p.evidence, p.evidence


@pytest.mark.parametrize(
    "stamp,expected",
    [
        # the time before the date, then the update: the first publication
        ("Radio Exemple avec AFP\n19h45, le 02 février 2021, modifié à 22h10, le 02 février 2021", "2021-02-02"),
        ("Radio Exemple\n07h05, le 4 avril 2023, modifié à 09h30, le 5 avril 2023", "2023-04-04"),
        ("Publié à 08h15 le 3 mars 2021", "2021-03-03"),
        ("16:40 - 12/05/2022", "2022-05-12"),
        ("Le Journal | 11h20, le 6 juin 2024 | modifié à 12h02", "2024-06-06"),
        # the date first, its clock, then the update's own date: still the first
        ("8 juillet 2020, 10h12, modifié le 9 juillet 2020 à 07h00", "2020-07-08"),
        # the update written first on a stamp line, the publication after it
        ("Mis à jour le 14 octobre 2022 | Publié le 13 octobre 2022", "2022-10-13"),
        ("Modifié le 21 novembre 2019 à 18h00", "2019-11-21"),
    ],
)
def test_a_stamp_with_its_time_first_or_its_update_gives_the_publication_day(stamp, expected):
    text = (
        "Les soldats quittent la base du nord\n" + stamp + "\nLes derniers soldats ont quitté la base mercredi, "
        "selon un communiqué des autorités locales. Le 27 décembre, une roquette avait visé le camp.\n"
    )
    p = infer_one(text, "Les soldats quittent la base du nord", timeline=TIMELINE)
    assert (p.start.isoformat(), p.end.isoformat(), p.precision) == (expected, expected, "day"), p


@pytest.mark.parametrize(
    "sentence",
    [
        "À 20h30, le 3 mars 2021, les soldats ont quitté la base après un dernier salut au drapeau.",
        "Le texte, modifié le 3 mars 2021, prévoit un retrait des troupes d'ici la fin de l'année suivante.",
    ],
)
def test_a_clock_or_a_modification_in_running_text_is_no_stamp(sentence):
    p = infer_one("Les soldats quittent la base du nord\n" + sentence + "\nLe retrait se poursuit.", timeline=TIMELINE)
    assert not p.settled and (p.start is None or p.end != p.start), p


@pytest.mark.parametrize(
    "lead,start,end",
    [
        # 14 June is a Tuesday or a Wednesday only in 2022 and 2023 since March 2022; in 2023 alone since March 2023
        (
            "MOSSOUL, 14 juin (AFP) - Les derniers conseillers ont quitté mardi la base de Qayyarah, a annoncé "
            "l'armée. Ils y étaient déployés depuis mars 2022.",
            "2022-06-14",
            "2023-06-14",
        ),
        (
            "MOSSOUL, 14 juin (AFP) - Les derniers conseillers ont quitté mardi la base de Qayyarah, a annoncé "
            "l'armée. Ils y étaient déployés depuis mars 2023.",
            "2023-06-14",
            "2023-06-14",
        ),
        # the evening before: a Thursday evening told on 9 April, a Thursday or Friday since October 2024: 2026
        (
            "ERBIL, 9 avril (AFP) - Un drone a visé jeudi soir l'aéroport d'Erbil, sans faire de victimes. La base "
            "accueille des soldats de la coalition depuis octobre 2024.",
            "2026-04-09",
            "2026-04-09",
        ),
        # a night from Saturday to Sunday told on 3 February, a Sunday or Monday since January 2022: 2025
        (
            "BAGDAD, 3 février (AFP) - Des roquettes ont visé dans la nuit de samedi à dimanche la base de Taji, a "
            "indiqué la police. Les factions avaient repris leurs tirs en janvier 2022.",
            "2025-02-03",
            "2025-02-03",
        ),
        # a weekday ahead, or of another week, says nothing of the dispatch's day: every 14 June since March 2023
        (
            "BAGDAD, 14 juin (AFP) - Le ministre se rendra mardi à Erbil pour rencontrer les officiers, a annoncé "
            "son cabinet. Les conseillers y sont déployés depuis mars 2023.",
            "2023-06-14",
            "2026-06-14",
        ),
        (
            "BAGDAD, 14 juin (AFP) - Le ministre a rencontré mardi dernier les officiers à Erbil, a annoncé son "
            "cabinet. Les conseillers y sont déployés depuis mars 2023.",
            "2023-06-14",
            "2026-06-14",
        ),
    ],
)
def test_a_yearless_dateline_falls_on_its_leads_weekday_or_the_day_after(lead, start, end):
    p = infer_one("Les conseillers quittent le nord\n" + lead + "\n", timeline=TIMELINE)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end), p


@pytest.mark.parametrize(
    "sentence,start,end",
    [
        # a Monday 28 October since June 2017 is of 2019 or 2024; the president named in the news was in office in
        # 2019 only (his second term began in 2025)
        (
            "Le président américain Donald Trump a annoncé hier la mort du chef jihadiste, tué dans un raid.",
            "2019-10-28",
            "2019-10-28",
        ),
        # named without his title, or in a clause of the past, he says nothing of the day
        ("Donald Trump a annoncé hier la mort du chef jihadiste, tué dans un raid.", "2019-10-28", "2024-10-28"),
        (
            "Le président américain Donald Trump avait promis en 2018 de retirer les soldats de Syrie.",
            "2019-10-28",
            "2024-10-28",
        ),
    ],
)
def test_a_holder_of_two_terms_in_the_news_is_within_one_of_them(sentence, start, end):
    text = f"La revue de presse\nlundi 28 octobre\n{sentence} Depuis juin 2017, les forces kurdes ont avancé.\n"
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end), p


@pytest.mark.parametrize(
    "text,day",
    [
        (
            "Les frappes se poursuivent\nLe Courrier du Golfe — Jeudi, 06 mars 2025 — International\n"
            "Dimanche 2 mars, des drones ont visé la base.\n",
            date(2025, 3, 6),
        ),
        (
            "Les frappes se poursuivent\nLa Gazette - 14 mai 2022 - Monde\nLundi, des drones ont visé la base.\n",
            date(2022, 5, 14),
        ),
    ],
)
def test_a_date_alone_between_a_bylines_separators_is_its_stamp(text, day):
    """The date (its weekday at most) in its own part of a byline cut by dashes is the stamp, not a later
    event's day in the lead."""
    p = infer_one(text, text.split("\n")[0])
    assert (p.start, p.end) == (day, day), (p.start, p.end, p.evidence)


def test_a_number_after_a_day_and_month_and_a_comma_is_no_year():
    """« depuis le 17 octobre, 24 en Irak et 22 en Syrie »: 24 attacks, not the year 2024."""
    from helpers.extract.dates import tag

    text = "Les bases ont été visées 46 fois depuis le 17 octobre, 24 en Irak et 22 en Syrie."
    x = next(x for x in tag(text, date(2023, 11, 9), date(2023, 11, 9)) if "octobre" in x.text)
    assert x.text.strip() == "depuis le 17 octobre" and x.date_start == date(2023, 10, 17), (x.text, x.date_start)


@pytest.mark.parametrize(
    "text,start,end",
    [
        # a deadline with its distance from the present: six months before June 2022 (a month either way)
        (
            "Titre\n\nLes instructeurs étrangers doivent quitter le camp de Bassora d'ici juin 2022, soit dans six "
            "mois, selon le ministère.",
            "2021-11-01",
            "2022-01-31",
        ),
        # a past year with its distance: ten years after 2014 (half a year either way)
        (
            "Titre\n\nEn 2014, il y a dix ans, les jihadistes s'emparaient de la ville. La base a été rendue à "
            "l'armée irakienne.",
            "2023-07-01",
            "2025-06-30",
        ),
        # the distance first, then the day (« il y a deux semaines, le 3 mars 2021 »: three days either way)
        (
            "Titre\n\nIl y a deux semaines, le 3 mars 2021, une salve de roquettes visait la base. Les conseillers "
            "sont restés sur place.",
            "2021-03-14",
            "2021-03-20",
        ),
        # a yearless dateline picks its day among the years: 8 May two years before May 2026
        (
            "Les conseillers quittent le nord\nERBIL, 8 mai (AFP) - La coalition a annoncé mercredi le départ de "
            "ses derniers conseillers. La mission doit s'achever en mai 2026, soit dans deux ans.",
            "2024-05-08",
            "2024-05-08",
        ),
    ],
)
def test_a_date_in_apposition_to_its_distance_from_the_present_places_publication(text, start, end):
    p = infer_one(text, timeline=TIMELINE)
    got = (p.start and p.start.isoformat(), p.end and p.end.isoformat())
    assert got == (start, end), (got, p.evidence, p.notes)


@pytest.mark.parametrize(
    "sentence",
    [
        "En 2014, il y a quelques années, les jihadistes s'emparaient de la ville.",  # no count
        "En 2014, il y a plus de dix ans, les jihadistes s'emparaient de la ville.",  # a lower bound only
        "En 2014, il y a dix ans que la ville était tombée, selon le maire.",  # counted from 2014, not from today
        "En 2014, il y a dix ans et demi, les jihadistes s'emparaient de la ville.",  # the half is another count
        "En 2014, soit dix ans après la chute de Bagdad, les jihadistes s'emparaient de la ville.",  # not from today
    ],
)
def test_a_vague_or_other_distance_beside_a_date_places_nothing(sentence):
    p = infer_one(f"Titre\n\n{sentence} La base a été rendue à l'armée irakienne.", timeline=TIMELINE)
    assert p.end is None or p.end.year > 2026 or p.precision == "unknown", (p.start, p.end, p.evidence)
    assert "from the present" not in p.evidence, p.evidence


def test_a_base_handover_told_in_the_lead_by_its_weekday_is_the_news():
    # the coalition handed al-Taqaddum to Iraqi forces on Saturday 4 April 2020 (reference timeline)
    text = (
        "Titre\n\nLa coalition a remis samedi aux forces irakiennes la base aérienne d'al-Taqaddum, près de "
        "Habbaniyah, lors d'une cérémonie sobre. Les derniers conseillers étrangers ont rejoint Erbil."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2020, 4, 4), date(2020, 4, 10)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "sentence,news",
    [
        # Sunday is the day the K-1 base was handed over (29 March 2020): the article is of the week after it
        ("Dimanche, c'est la base K1 qui a été remise à l'armée irakienne.", True),
        # another weekday than the event's: the weekday may date another act, or the writer errs
        ("Samedi, c'est la base K1 qui a été remise à l'armée irakienne.", False),
        # « dimanche dernier » may be of the week before
        ("Dimanche dernier, c'est la base K1 qui a été remise à l'armée irakienne.", False),
    ],
)
def test_an_event_dated_outside_the_lead_by_its_own_weekday_is_of_the_past_week(sentence, news):
    text = (
        "Titre\n\nLes soldats de la coalition plient bagage dans le nord de l'Irak, base après base. Les officiers "
        f"parlent d'un simple repositionnement des forces. {sentence} D'autres sites suivront."
    )
    p = infer_one(text, timeline=TIMELINE)
    week = (p.start, p.end) == (date(2020, 3, 29), date(2020, 4, 4))
    assert week is news, (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "tail,start,end",
    [
        # a month of last year beside a dated event: published the year after it, at any time of that year
        ("en janvier de l'an dernier", "2021-01-01", "2021-12-31"),
        ("en janvier de l'année dernière", "2021-01-01", "2021-12-31"),
        ("en janvier de cette année", "2020-01-03", "2020-12-31"),
        # without its year: of the past twelve months
        ("en janvier", "2020-01-03", "2021-01-31"),
    ],
)
def test_a_month_of_a_year_counted_from_publication_beside_an_event(tail, start, end):
    text = (
        "Titre\n\nLes conseillers étrangers ont quitté la base de Bassora. Le départ des instructeurs avait été "
        f"décidé après la mort de Soleimani, {tail}, selon le ministère."
    )
    p = infer_one(text, timeline=TIMELINE)
    got = (p.start and p.start.isoformat(), p.end and p.end.isoformat())
    assert got == (start, end), (got, p.evidence)


def test_natos_decision_to_expand_its_iraq_mission_told_by_its_weekday_is_the_news():
    # NATO's defence ministers decided on Thursday 18 February 2021 to take the mission from 500 to 4,000
    text = (
        "Titre\n\nRéunis par visioconférence, les ministres de la Défense de l'OTAN ont décidé jeudi de porter "
        "de 500 à 4 000 les effectifs de leur mission en Irak. Le déploiement sera progressif."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2021, 2, 18), date(2021, 2, 24)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "lead,start,end",
    [
        # Monday 15 February 2021: the rockets on Erbil that killed a contractor
        (
            "Des roquettes se sont abattues lundi soir sur la base de la coalition à Erbil, tuant un sous-traitant "
            "étranger, selon les autorités kurdes.",
            date(2021, 2, 15),
            date(2021, 2, 21),
        ),
        # Thursday 26 August 2021: the bombing at Kabul airport that killed 13 US soldiers
        (
            "À Bagdad, on a suivi de près l'attentat qui a frappé jeudi l'aéroport de Kaboul, tuant 13 militaires "
            "américains.",
            date(2021, 8, 26),
            date(2021, 9, 1),
        ),
    ],
)
def test_an_attack_of_2021_told_in_the_lead_by_its_weekday_is_the_news(lead, start, end):
    p = infer_one(f"Titre\n\n{lead} Les responsables irakiens se disent inquiets.", timeline=TIMELINE)
    assert (p.start, p.end) == (start, end), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "sentence,dated",
    [
        # a clause of the present, past the lead: the interval ends today
        ("L'attaque survient dix ans, jour pour jour, après la prise de Mossoul du 10 juin 2014.", True),
        ("Les cérémonies ont lieu dix ans jour pour jour après la chute de Mossoul du 10 juin 2014.", True),
        # told in the past, the anniversary is of another time; a date after a comma may be the main clause's
        ("Dix ans jour pour jour après la chute de Mossoul du 10 juin 2014, le général avait démissionné.", False),
        ("L'attaque survient dix ans, jour pour jour, après la chute de Mossoul, le 10 juin 2014.", False),
    ],
)
def test_jour_pour_jour_after_a_date_in_a_clause_of_the_present(sentence, dated):
    text = (
        "Titre\n\nDes roquettes ont visé la base de Bassora, sans faire de victime. Les artificiers ont "
        f"sécurisé le site dans la soirée. Aucun groupe n'a revendiqué l'attaque. {sentence}"
    )
    p = infer_one(text, timeline=TIMELINE)
    assert ((p.start, p.end) == (date(2024, 6, 9), date(2024, 6, 12))) is dated, (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "stamp,day",
    [
        ("Publié le 14-03-2021 | Le Quotidien du Golfe", date(2021, 3, 14)),
        ("Mis à jour le 16-03-2021 | Publié le 14-03-2021", date(2021, 3, 14)),
        ("Publié : 09-11-2023 à 08:15", date(2023, 11, 9)),
    ],
)
def test_a_stamp_with_a_dashed_date_gives_the_publication_day(stamp, day):
    p = infer_one(f"Les frappes se poursuivent\n{stamp}\nDes roquettes ont visé mardi la base d'Erbil.\n")
    assert (p.start, p.end, p.settled) == (day, day, True), (p.start, p.end, p.evidence)


def test_a_dashed_date_in_running_text_is_no_stamp():
    p = infer_one(
        "Les frappes se poursuivent\nLe rapport du ministère, publié le 14-03-2021, fait état de trois blessés parmi "
        "les soldats de la coalition stationnés sur la base.\n"
    )
    assert p.start is None or p.start != date(2021, 3, 14) or not p.settled, (p.start, p.evidence)


@pytest.mark.parametrize(
    "sentence,start,end",
    [
        # the term's start named by its month: May 2020 (Kadhimi), and a date without its year is of the past year
        (
            "L'envoyé américain a été reçu par le Premier ministre Moustafa al-Kazimi, qui multiplie les contacts "
            "depuis son entrée en fonctions, en mai.",
            "2020-05-07",
            "2021-06-01",
        ),
        # without the term's start, any May of the term
        (
            "L'envoyé américain a été reçu par le Premier ministre Moustafa al-Kazimi, qui multiplie les contacts "
            "depuis les manifestations de mai.",
            "2020-05-07",
            "2022-11-26",
        ),
    ],
)
def test_a_yearless_date_of_a_terms_start_is_its_first_day(sentence, start, end):
    p = infer_one(f"Titre\n\n{sentence} Les discussions porteront sur les bases.", timeline=TIMELINE)
    got = (p.start and p.start.isoformat(), p.end and p.end.isoformat())
    assert got == (start, end), (got, p.evidence)


@pytest.mark.parametrize(
    "lead,start,end",
    [
        # the date in the lead is the act's, the bare weekday after it the announcement's: the news may be the
        # announcement's, online that day or the next (Tuesday 2 January 2024: Thursday 4, or Friday 5)
        (
            "Un commandant d'une milice pro-iranienne a été tué mardi 2 janvier dans une frappe de drone à Bagdad, "
            "a annoncé jeudi le chef du Pentagone, Lloyd Austin.",
            date(2024, 1, 2),
            date(2024, 1, 5),
        ),
        # with no other weekday, the date is the news: that day or the next
        (
            "Un commandant d'une milice pro-iranienne a été tué mardi 2 janvier dans une frappe de drone à Bagdad, "
            "selon le chef du Pentagone, Lloyd Austin.",
            date(2024, 1, 2),
            date(2024, 1, 3),
        ),
    ],
)
def test_a_weekday_after_the_leads_weekday_and_date_may_be_the_news(lead, start, end):
    p = infer_one(f"Titre\n\n{lead} Washington dit vouloir éviter l'escalade.", timeline=TIMELINE)
    assert (p.start, p.end) == (start, end), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "lead,week",
    [
        # Iran's missiles fell on Ain al-Asad on Wednesday 8 January 2020: told by that weekday, they are the news
        (
            "Des missiles iraniens se sont abattus mercredi sur la base d'Aïn al-Asad, qui abrite des soldats "
            "américains, sans faire de victimes selon Washington.",
            True,
        ),
        # another weekday dates the count, weeks later: the strikes are its background, not the news
        (
            "Le bilan des militaires américains touchés lors des tirs de missiles iraniens sur la base d'Aïn "
            "al-Asad atteint désormais 64 commotionnés, a indiqué jeudi un porte-parole du Pentagone.",
            False,
        ),
    ],
)
def test_an_event_in_the_lead_is_the_news_only_on_its_own_weekday(lead, week):
    p = infer_one(f"Titre\n\n{lead} Les responsables irakiens se disent inquiets.", timeline=TIMELINE)
    assert p.start == date(2020, 1, 8), (p.start, p.end, p.evidence)
    assert (p.end == date(2020, 1, 14)) is week, (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "stamp,day",
    [
        # a stamp that gives the weekday only, the week fixed by the text (the K-1 handover told « Dimanche »:
        # the week of 29 March – 4 April 2020)
        ("INTERNATIONAL · Jeudi", date(2020, 4, 2)),
        ("Mercredi, 16:40", date(2020, 4, 1)),
        ("Monde | Publié samedi à 08h15", date(2020, 4, 4)),
        # a sentence is no stamp
        ("Jeudi, les derniers conseillers sont partis pour Erbil.", None),
    ],
)
def test_a_stamp_of_the_weekday_only_picks_that_day_of_the_week(stamp, day):
    text = (
        f"{stamp}\nLa coalition plie bagage\n\nLes soldats de la coalition plient bagage dans le nord de l'Irak, "
        "base après base. Les officiers parlent d'un simple repositionnement des forces. Dimanche, c'est la base K1 "
        "qui a été remise à l'armée irakienne. D'autres sites suivront."
    )
    p = infer_one(text, timeline=TIMELINE)
    if day is None:
        assert p.start != p.end, (p.start, p.end, p.evidence)
    else:
        assert (p.start, p.end) == (day, day), (p.start, p.end, p.evidence)


def test_the_joint_statement_on_the_end_of_the_coalition_told_by_its_weekday_is_the_news():
    # Washington and Baghdad published their joint statement on Friday 27 September 2024
    text = (
        "Titre\n\nDans une déclaration commune publiée vendredi, Bagdad et Washington ont arrêté un calendrier pour le "
        "départ des forces de la coalition. Les factions armées ont salué une victoire."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2024, 9, 27), date(2024, 10, 3)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "sentence,start,end",
    [
        # a present « intervient N jours après » counts from the event named (the Erbil rockets of Monday 15
        # February 2021) to the news: about 18 February, the day before to two days after
        (
            "La décision intervient trois jours après les tirs de roquettes contre Erbil qui ont tué un "
            "sous-traitant étranger.",
            date(2021, 2, 17),
            date(2021, 2, 20),
        ),
        # its weekday, told beside it, is the event's own
        (
            "Ce geste survient deux jours après la publication, vendredi, d'une déclaration commune fixant la fin de "
            "la mission de la coalition.",
            date(2024, 9, 28),
            date(2024, 10, 1),
        ),
    ],
)
def test_a_present_offset_from_a_dated_event_counts_to_the_news(sentence, start, end):
    p = infer_one(f"Titre\n\nLes responsables irakiens se disent inquiets pour la suite. {sentence}", timeline=TIMELINE)
    assert (p.start, p.end) == (start, end), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        # told in the past, or with another day after the offset, it counts nothing to the present
        "La décision était intervenue trois jours après les tirs de roquettes contre Erbil qui ont tué un "
        "sous-traitant étranger.",
        "La décision intervient trois jours après les tirs de roquettes contre Erbil qui ont tué un sous-traitant "
        "étranger, et la visite du ministre le 20 février.",
    ],
)
def test_a_past_or_ambiguous_offset_counts_nothing_to_the_present(sentence):
    p = infer_one(f"Titre\n\nLes responsables irakiens se disent inquiets pour la suite. {sentence}", timeline=TIMELINE)
    assert "to the news" not in p.evidence, (p.start, p.end, p.evidence)


LATER = "Depuis janvier 2020, les attaques contre les convois se sont multipliées dans le pays."


@pytest.mark.parametrize(
    "lead,start,end",
    [
        # the lead counts weeks from the date (Saturday 4 May 2024) to its news: about 25 May, half a week each way
        (
            "Trois semaines après l'attentat commis dans la soirée du samedi 4 mai contre un convoi logistique près "
            "de Bagdad, l'enquête n'a toujours désigné aucun responsable.",
            date(2024, 5, 22),
            date(2024, 5, 29),
        ),
        # « au lendemain de » the strike of Tuesday 2 January 2024: the news is of Wednesday 3
        (
            "Au lendemain de la frappe du mardi 2 janvier contre un quartier général de milice à Bagdad, le "
            "gouvernement irakien a convoqué le chargé d'affaires américain.",
            date(2024, 1, 2),
            date(2024, 1, 5),
        ),
        # and « avant » counts back: two days before the vote of Sunday 12 May 2024
        (
            "Deux jours avant le scrutin régional du dimanche 12 mai, les partis kurdes ont suspendu leurs "
            "meetings à Erbil par crainte d'attaques.",
            date(2024, 5, 9),
            date(2024, 5, 12),
        ),
    ],
)
def test_an_offset_from_the_leads_weekday_and_date_moves_the_news(lead, start, end):
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {LATER}", timeline=TIMELINE)
    assert (p.start, p.end) == (start, end), (p.start, p.end, p.evidence)


def test_a_vague_offset_from_the_leads_weekday_and_date_leaves_the_news_open():
    # « quelques semaines après »: the news is weeks after Saturday 4 May 2024, not that day or the next
    lead = (
        "Quelques semaines après l'attentat commis le samedi 4 mai contre un convoi logistique près de Bagdad, "
        "l'enquête n'a toujours désigné aucun responsable."
    )
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {LATER}", timeline=TIMELINE)
    assert p.end is None or p.end > date(2024, 6, 1), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "rest,start,end",
    [
        # a later day of the same stretch, told as past without its year: the news is not before it (Thursday 20
        # January 2022, then Wednesday 26)
        (
            "Les combattants kurdes ont annoncé le 26 janvier avoir repris le contrôle du site.",
            date(2022, 1, 20),
            date(2022, 1, 27),
        ),
        (
            "Les combattants kurdes ont annoncé mercredi 26 janvier avoir repris le contrôle du site.",
            date(2022, 1, 26),
            date(2022, 1, 27),
        ),
        # a day before it changes nothing: the news is the lead's day or the next
        (
            "Les combattants kurdes avaient signalé le 12 janvier des mouvements suspects autour du site.",
            date(2022, 1, 20),
            date(2022, 1, 21),
        ),
        # nor does a day ahead
        (
            "Les combattants kurdes espèrent reprendre le contrôle du site d'ici le 26 janvier.",
            date(2022, 1, 20),
            date(2022, 1, 21),
        ),
        # a count from it told as past (« dix jours plus tard », « une semaine après, ») is a later day too: about 30
        # January, a day either way, online the next
        (
            "Dix jours plus tard, les combattants kurdes ont repris le contrôle du site.",
            date(2022, 1, 20),
            date(2022, 2, 1),
        ),
        (
            "Les combattants kurdes ont repris le contrôle du site une semaine après, au prix de lourdes pertes.",
            date(2022, 1, 20),
            date(2022, 1, 31),
        ),
        # counts add up, from the last day told (26 January, then two days later)
        (
            "Les combattants kurdes ont lancé l'assaut final le 26 janvier. Deux jours plus tard, le site était repris.",
            date(2022, 1, 20),
            date(2022, 1, 30),
        ),
        # a count ahead says nothing of the past
        (
            "Dix jours plus tard, les combattants kurdes devront rendre des comptes devant le conseil local.",
            date(2022, 1, 20),
            date(2022, 1, 21),
        ),
    ],
)
def test_a_later_past_day_moves_the_news_of_the_leads_weekday_and_date(rest, start, end):
    lead = (
        "Des jihadistes ont attaqué dans la nuit du jeudi 20 janvier la prison de Hassaké, dans le nord-est syrien, "
        "libérant plusieurs dizaines de détenus."
    )
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {rest} {LATER}", timeline=TIMELINE)
    assert (p.start, p.end) == (start, end), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "stamp,day",
    [
        # content systems set to the English order print French month names month first (« F j, Y »)
        ("octobre 14, 2021", date(2021, 10, 14)),
        ("Actualités\nDimanche, juillet 2, 2023", date(2023, 7, 2)),
        ("Publié le août 30, 2019 à 17:05", date(2019, 8, 30)),
    ],
)
def test_a_stamp_with_the_month_first_gives_the_publication_day(stamp, day):
    p = infer_one(f"Les frappes se poursuivent\n{stamp}\nDes roquettes ont visé mardi la base d'Erbil.\n")
    assert (p.start, p.end, p.settled) == (day, day, True), (p.start, p.end, p.evidence)


def test_an_inexact_count_after_the_leads_weekday_and_date_leaves_the_news_open():
    # « plusieurs semaines plus tard »: the news is weeks after Thursday 20 January 2022, how many is not said
    lead = (
        "Des jihadistes ont attaqué dans la nuit du jeudi 20 janvier la prison de Hassaké, dans le nord-est syrien, "
        "libérant plusieurs dizaines de détenus."
    )
    rest = "Plusieurs semaines plus tard, les combattants kurdes ont repris le contrôle du site."
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {rest} {LATER}", timeline=TIMELINE)
    assert p.end is None or p.end > date(2022, 2, 28), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "lead",
    [
        # a span from the date to the writer's present: the news is later, by how much not said
        "La ville de Hassaké panse ses plaies depuis le jeudi 20 janvier, quand des jihadistes ont attaqué la prison.",
        "Depuis l'assaut lancé le jeudi 20 janvier contre la prison, la ville de Hassaké vit sous couvre-feu.",
        # a pluperfect tells what came before the news
        "Des jihadistes avaient attaqué le jeudi 20 janvier la prison de Hassaké. La ville enterre aujourd'hui ses morts.",
    ],
)
def test_a_weekday_and_date_before_the_leads_news_is_a_day_of_the_two_weeks_around_it(lead):
    # not that day or the next: a day of the two weeks before publication, as outside the lead
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {LATER}", timeline=TIMELINE)
    assert (p.start, p.end) == (date(2022, 1, 20), date(2022, 2, 2)), (p.start, p.end, p.evidence)


def test_a_pluperfect_of_another_clause_leaves_the_leads_date_the_news():
    lead = (
        "Des jihadistes, qui avaient été libérés l'an dernier, ont attaqué le jeudi 20 janvier la prison de Hassaké, "
        "dans le nord-est syrien."
    )
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {LATER}", timeline=TIMELINE)
    assert (p.start, p.end) == (date(2022, 1, 20), date(2022, 1, 21)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "tail,counted",
    [
        # a date set off by commas, then a relative clause on it (« , le 2 mai, où … »): the noun phrase's own
        (", le 2 mai, où des accords de formation avaient été signés.", True),
        (", le 2 mai, lors de laquelle des accords de formation avaient été signés.", True),
        # set off by commas with nothing to tie it to the noun phrase: it may be the main clause's
        (", le 2 mai.", False),
    ],
)
def test_a_present_offset_counts_from_a_date_apposed_to_its_noun_phrase(tail, counted):
    text = (
        "Titre\n\nLe ministre des Armées est arrivé hier à Erbil. Ce déplacement intervient trois semaines après "
        f"celui du chef d'état-major{tail} Le Premier ministre irakien Moustafa al-Kazimi l'a reçu."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert ("counts from 'le 2 mai'" in p.evidence) is counted, (p.start, p.end, p.evidence)
    if counted:
        # three weeks after a 2 May of al-Kazimi's term (2020, 2021 or 2022), give or take half a week
        assert "possible: 2020-05-20…2020-05-27, 2021-05-20…2021-05-27, 2022-05-20…2022-05-27" in p.evidence, p.evidence


@pytest.mark.parametrize(
    "rest,end",
    [
        # outside the lead a weekday and date is a day of the two weeks before publication, unless a later day told
        # as past is further: three weeks later (10 February 2022, half a week either way, online the next day)
        ("Trois semaines plus tard, les combattants kurdes ont repris le contrôle du site.", date(2022, 2, 14)),
        ("Les combattants kurdes ont repris le contrôle du site le 14 février.", date(2022, 2, 15)),
        # a later day within those two weeks changes nothing
        ("Les combattants kurdes ont repris le contrôle du site le 26 janvier.", date(2022, 2, 2)),
    ],
)
def test_a_later_past_day_moves_the_two_weeks_of_a_weekday_and_date(rest, end):
    text = (
        "Titre\n\nLa prison de Hassaké abrite des milliers de détenus de l'organisation. Les combattants kurdes en "
        f"assurent la garde depuis des années. Des jihadistes l'ont attaquée le jeudi 20 janvier. {rest} {LATER}"
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2022, 1, 20), end), (p.start, p.end, p.evidence)


def test_a_later_past_day_counts_from_the_day_an_offset_tells():
    # three days after Thursday 20 January 2022 (the 23rd), then a week later (the 30th): not before it
    lead = (
        "Trois jours après l'attaque du jeudi 20 janvier contre la prison de Hassaké, les combattants kurdes ont "
        "bouclé le quartier."
    )
    rest = "Une semaine plus tard, ils ont repris le contrôle du site."
    p = infer_one(f"Titre\n\n{lead} Les autorités restent prudentes. {rest} {LATER}", timeline=TIMELINE)
    assert (p.start, p.end) == (date(2022, 1, 22), date(2022, 2, 3)), (p.start, p.end, p.evidence)


def test_a_sentences_first_word_is_no_city_of_a_dateline():
    # « Arrivé samedi 3 mars … »: a participle's date in the lead, not a dateline « BAGDAD, 3 mars »; the lead's
    # « mardi » after it may be the day of the news (a Saturday 3 March after 2018: 2018)
    text = (
        "Titre\nArrivé samedi 3 mars à Bagdad, le ministre français a rencontré mardi le Premier ministre irakien. "
        "Les deux hommes ont parlé du départ des soldats étrangers. En 2018, la coalition comptait 5 000 hommes."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2018, 3, 3), date(2018, 3, 7)), (p.start, p.end, p.evidence)
    assert "dateline" not in p.evidence
    # a stamp's cue that opens the first paragraph, the date set off by a dash, is the stamp (no city needed)
    p = infer_one(f"Titre\nPublié le 12/03/2018 - {text.split(chr(10))[1]}", timeline=TIMELINE)
    assert (p.start, p.end) == (date(2018, 3, 12), date(2018, 3, 12)), (p.start, p.end, p.evidence)


def test_a_lead_told_this_week_holds_its_weekday_and_date_to_that_week():
    # « cette semaine » in the lead: the news is of the week of « mercredi 5 mars » (2025), up to its Sunday
    text = (
        "Titre\nAccueilli mercredi 5 mars à Paris par ses homologues, le ministre irakien a obtenu cette semaine la "
        "promesse d'un soutien prolongé. L'accord signé en septembre 2024 reste la règle."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2025, 3, 5), date(2025, 3, 9)), (p.start, p.end, p.evidence)
    assert "cette semaine" in p.evidence
    # without it, the lead's weekday and date is the day of the news: published that day or the next
    p = infer_one(text.replace("a obtenu cette semaine", "a obtenu"), timeline=TIMELINE)
    assert (p.start, p.end) == (date(2025, 3, 5), date(2025, 3, 6)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "byline",
    [
        "Rédigé par Agence ABC le Vendredi 12 Avril 2019 à 07:35 | Lu 52 fois",
        "Écrit par Léa Martin, le 12 avril 2019 à 07:35 | Monde",
        "Par Paul Durand le vendredi 12 avril 2019 à 7h35",
    ],
)
def test_a_signed_byline_dates_its_piece(byline):
    # a name after « par » at the head of a byline, then its date and clock time: the publication day
    text = (
        f"Titre\n{byline}\nLa coalition a quitté jeudi une base du nord de l'Irak, selon un porte-parole. Les "
        "derniers conseillers étaient arrivés en 2016 pour former les forces locales."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2019, 4, 12), date(2019, 4, 12)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize("zone", ["HNE", "HAP", "GMT", "UTC+1", "(heure de Paris)"])
def test_a_stamps_clock_time_may_carry_its_time_zone(zone):
    text = (
        f"Titre\nAgence ABC et Agence XYZ | 12 avril 2019 à 7 h 35 {zone} | Mis à jour à 9 h 02\nLa coalition a "
        "quitté jeudi une base du nord de l'Irak, selon un porte-parole. Les derniers conseillers étaient arrivés en "
        "2016 pour former les forces locales."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2019, 4, 12), date(2019, 4, 12)), (p.start, p.end, p.evidence)


@pytest.mark.parametrize(
    "named", ["son opération « Printemps de paix »", "l'offensive militaire turque « Source de paix »"]
)
def test_an_operation_named_in_quotes_is_the_timeline_event(named):
    # a named operation in quotes after « opération » or « offensive » is the event of that name: 9 October 2019,
    # whose « mercredi » it was; the live blog's day and month is then of 2019
    text = (
        "Titre\n12 octobre · Mis à jour à 20h15\n20h15 - Des combattants kurdes ont affronté l'armée turque près de "
        f"Tal Abyad, selon une ONG. Ankara a lancé mercredi {named} contre les milices kurdes du nord de la Syrie."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2019, 10, 12), date(2019, 10, 12)), (p.start, p.end, p.evidence)


def test_a_wire_dateline_may_open_a_long_first_paragraph():
    # « 20 octobre (Agence) - » opening a paragraph of more than 400 characters is still the wire's dateline: a
    # Thursday or a Friday 20 October (the lead's « jeudi »), after the Hamas attack of 7 October 2023: 2023-10-20
    para = (
        "20 octobre (Agence) - Des roquettes ont visé jeudi une base abritant des soldats américains dans l'ouest "
        "de l'Irak, ont indiqué deux responsables sécuritaires, au lendemain de menaces proférées par des groupes "
        "armés locaux depuis l'attaque du Hamas du 7 octobre contre Israël. Aucune victime n'a été signalée dans "
        "l'immédiat, selon les mêmes sources, qui évoquent des dégâts matériels limités. Les militaires visés "
        "appartiennent à la coalition internationale, dont la mission de conseil se poursuit dans le pays selon "
        "les termes fixés avec le gouvernement irakien."
    )
    assert len(para) > 450
    p = infer_one(f"Titre\n{para}", timeline=TIMELINE)
    assert (p.start, p.end) == (date(2023, 10, 20), date(2023, 10, 20)), (p.start, p.end, p.evidence)


def test_a_yearless_date_beside_a_holder_falls_in_one_of_the_terms():
    # « Le président Donald Trump avait décidé en janvier … »: a January of his first term or of his second, never
    # one between (2022-2024); a Monday 7 October within a year after such a January is of 2019, not of 2024
    text = (
        "Titre\n\nLe ministre est arrivé ce lundi 7 octobre à Bagdad pour parler des soldats étrangers. Le président "
        "Donald Trump avait décidé en janvier de réduire les effectifs américains."
    )
    p = infer_one(text, timeline=TIMELINE)
    assert (p.start, p.end) == (date(2019, 10, 7), date(2019, 10, 8)), (p.start, p.end, p.evidence)
