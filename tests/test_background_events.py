"""Events told as dated background: an event noun with a date of its own in an apposition, a participle, a
complement or a relative clause (« la chute du régime, le 3 mars, », « l'offensive déclenchée le 12 novembre »,
« l'alliance, constituée en 2015, », « depuis l'invasion de mai 2004 »). The short articles are written for these
tests; each runs the tagger and the event extraction on one of them."""

from datetime import date

from tests.test_event_dates import events, typed

PUBLISHED = date(2025, 1, 20)


def article(*sentences: str) -> str:
    return "Une base sous pression\n\n" + "\n".join(sentences) + "\n"


def at(evs, start: date, end: date | None = None):
    end = end or start
    return [e for e in evs if e.date_start == start and e.date_end == end]


def test_an_event_noun_dated_in_apposition_is_an_event_of_its_own():
    evs = events(
        article(
            "Le ministre a visité mardi la base de Harir.",
            "La chute du régime voisin, le 3 décembre, a changé la donne pour les forces étrangères.",
        ),
        PUBLISHED,
    )
    fall = at(evs, date(2024, 12, 3))
    assert [e.event_type for e in fall] == ["other"], [(e.event_type, e.date_start, e.clause) for e in evs]
    assert fall[0].headline.startswith("La chute du régime"), fall[0].headline


def test_a_participle_of_starting_dates_the_event_noun_it_follows():
    evs = events(
        article(
            "Le 14 janvier, les derniers conseillers ont quitté la base, plusieurs semaines après "
            "l'offensive rebelle déclenchée le 12 novembre.",
        ),
        PUBLISHED,
    )
    offensive = at(evs, date(2024, 11, 12))
    assert [e.event_type for e in offensive] == ["other"], [(e.event_type, e.date_start, e.clause) for e in evs]
    assert typed(evs, "withdrawal").date_start == date(2025, 1, 14)


def test_a_protest_movement_born_on_a_day_is_a_protest_at_that_day():
    evs = events(
        article(
            "Le 15 janvier, le gouvernement a reporté la visite, alors que la capitale est secouée par un "
            "mouvement de protestation né le 2 février dernier.",
        ),
        PUBLISHED,
    )
    protest = typed(evs, "protest")
    assert (protest.date_start, protest.date_end) == (date(2024, 2, 2), date(2024, 2, 2)), protest


def test_a_body_of_states_is_founded_in_an_apposition_not_in_a_description():
    told = events(article("L'alliance, constituée en 2015, compte aujourd'hui une trentaine de pays."), PUBLISHED)
    assert [e.event_type for e in at(told, date(2015, 1, 1), date(2015, 12, 31))] == ["other"], told
    named = events(
        article("Les soldats de l'alliance constituée en 2015 contre les rebelles ont regagné leur caserne lundi."),
        PUBLISHED,
    )
    assert not at(named, date(2015, 1, 1), date(2015, 12, 31)), [(e.event_type, e.date_start) for e in named]


def test_a_date_as_the_complement_of_an_event_noun_is_its_date():
    evs = events(article("Depuis l'invasion de mai 2004, plusieurs centaines de soldats sont morts."), PUBLISHED)
    assert [e.event_type for e in at(evs, date(2004, 5, 1), date(2004, 5, 31))] == ["other"], evs


def test_the_end_of_a_mission_set_off_after_a_preposition_is_dated():
    evs = events(
        article("Depuis la fin officielle de l'opération terrestre, en juin 2022, les soldats ne patrouillent plus."),
        PUBLISHED,
    )
    assert [e.event_type for e in at(evs, date(2022, 6, 1), date(2022, 6, 30))] == ["other"], evs


def test_a_group_losing_its_last_stronghold_in_a_relative_clause_is_dated():
    evs = events(
        article("Le groupe rebelle, qui a perdu en 2019 son dernier fief, multiplie les embuscades dans les collines."),
        PUBLISHED,
    )
    lost = at(evs, date(2019, 1, 1), date(2019, 12, 31))
    assert [e.event_type for e in lost] == ["other"], [(e.event_type, e.date_start, e.clause) for e in evs]
    assert lost[0].headline == "Perte de son dernier fief", lost[0].headline


def test_a_meeting_held_on_a_day_is_talks_at_that_day():
    evs = events(
        article(
            "Le 16 janvier, les délégations se sont retrouvées à Rome.",
            "Lors de la précédente rencontre, tenue à Genève le 3 mai, elles avaient fixé un calendrier.",
        ),
        PUBLISHED,
    )
    talks = typed(evs, "talks")
    assert talks.date_start == date(2024, 5, 3), [(e.event_type, e.date_start, e.clause) for e in evs]


def test_undated_background_and_plans_make_no_event():
    evs = events(
        article(
            "Depuis 2014, la coalition combat les jihadistes dans le nord du pays.",
            "La fin de la mission de combat est prévue en septembre 2026.",
        ),
        PUBLISHED,
    )
    assert not [e for e in evs if e.side == "phrase"], [(e.event_type, e.date_start, e.clause) for e in evs]


def test_a_founding_the_sentence_already_tells_is_not_told_twice():
    evs = events(article("La mission, créée en 2016 à la demande de Bagdad, compte 400 hommes."), PUBLISHED)
    assert len(at(evs, date(2016, 1, 1), date(2016, 12, 31))) == 1, [(e.event_type, e.date_start) for e in evs]


def test_a_protest_shaking_the_country_since_a_day_starts_that_day():
    evs = events(
        article(
            "Le 15 janvier, le ministre a annulé sa visite dans la capitale, secouée depuis le 4 novembre par un "
            "mouvement de contestation contre le gouvernement.",
        ),
        PUBLISHED,
    )
    protest = at(evs, date(2024, 11, 4))
    assert [e.event_type for e in protest] == ["protest"], [(e.event_type, e.date_start, e.clause) for e in evs]


def test_protesters_mobilized_since_a_month_started_that_month():
    evs = events(
        article(
            "Le 15 janvier, le ministre a reçu les syndicats.",
            "Les manifestants du port, mobilisés depuis septembre contre la vie chère, réclament sa démission.",
        ),
        PUBLISHED,
    )
    assert [e.event_type for e in at(evs, date(2024, 9, 1), date(2024, 9, 30))] == ["protest"], [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]


def test_forces_back_again_after_leaving_are_a_deployment():
    evs = events(
        article(
            "Les soldats néerlandais avaient quitté le pays en 2008, avant de revenir en 2016 à la demande du roi."
        ),
        PUBLISHED,
    )
    back = at(evs, date(2016, 1, 1), date(2016, 12, 31))
    assert [e.event_type for e in back] == ["deployment"], [(e.event_type, e.date_start, e.clause) for e in evs]
    assert typed(evs, "withdrawal").date_start == date(2008, 1, 1)


def test_a_second_participle_set_before_an_operation_dates_its_extension():
    evs = events(
        article(
            "Ouverte en mars 2016 au Tchad et étendue au Niger un an plus tard, l'opération Sirocco compte encore "
            "quelques centaines de soldats."
        ),
        PUBLISHED,
    )
    assert [e.event_type for e in at(evs, date(2017, 3, 1), date(2017, 3, 31))] == ["other"], [
        (e.event_type, e.date_start, e.date_end, e.clause) for e in evs
    ]


def test_a_victory_declared_is_dated_but_a_defeat_told_as_a_state_is_not():
    declared = events(
        article("Depuis la proclamation de la victoire sur l'Armée du Nord (ADN) fin 2018, les conseillers forment."),
        PUBLISHED,
    )
    assert [e.event_type for e in at(declared, date(2018, 10, 1), date(2018, 12, 31))] == ["other"], declared
    defeat = events(
        article("Les conseillers forment l'armée depuis la défaite de l'Armée du Nord (ADN) fin 2018."), PUBLISHED
    )
    assert not [e for e in defeat if e.side == "phrase"], [(e.event_type, e.date_start) for e in defeat]


def test_a_date_the_tagger_reads_with_its_de_is_the_complement_of_the_event_noun():
    evs = events(
        article(
            "Le 12 janvier, les instructeurs ont quitté Mossoul, rasée après l'offensive de 2016 contre les rebelles."
        ),
        PUBLISHED,
    )
    assert [e.event_type for e in at(evs, date(2016, 1, 1), date(2016, 12, 31))] == ["other"], [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]
