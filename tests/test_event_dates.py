"""Which date an event takes when a sentence relates two times: a relative date counted from an event the
sentence names, « cette année-là », a finer date in apposition to a coarser one. The short articles are
written for these tests; each test runs the tagger and the event extraction on one of them."""

from datetime import date

import pytest

from helpers.extract.dates import refine_appositions, tag
from helpers.extract.events import extract_events
from helpers.extract.published import lead_span
from helpers.text import fold, split_sentences


def events(text: str, published: date):
    """The event mentions of ``text`` published on ``published`` (no places)."""
    sentences = split_sentences(text)
    return extract_events("t", text, sentences, [], published, published, lead_span(text, text.split("\n")[0]))


def expr(text: str, words: str, published: date):
    """The expression of ``text`` that starts with ``words``, dated for ``published``."""
    spans = [(s.start, s.end) for s in split_sentences(text)]
    return next(x for x in tag(text, published, published, spans) if x.text.startswith(words))


def typed(evs, etype):
    found = [e for e in evs if e.event_type == etype]
    assert found, f"no {etype} event among {[(e.event_type, e.clause) for e in evs]}"
    return found[0]


# --- « N jours après X »: counted from X's date or the main clause's, never from the publication day ----

VOTE_TOLD = (
    "Le Sénat irakien reste divisé\n\n"
    "Le 12 mars, les sénateurs ont adopté une motion réclamant le départ des soldats étrangers.\n"
    "Le texte avait été adopté trois jours après la frappe américaine qui avait tué deux commandants "
    "d'une milice près de Kerbala.\n"
)
NOTHING_TOLD = (
    "Tensions à Bagdad\n\n"
    "Des manifestants ont occupé une place du centre-ville pour dénoncer la présence américaine.\n"
    "Le texte avait été adopté trois jours après la frappe américaine qui avait tué deux commandants "
    "d'une milice près de Kerbala.\n"
)


def test_an_offset_alone_in_its_sentence_is_not_counted_from_publication():
    x = expr(NOTHING_TOLD, "trois jours", date(2020, 3, 20))
    assert x.date_start is None and x.main_start is None, (
        f"« trois jours après la frappe » with no other date in its sentence was dated {x.date_start}…"
        f"{x.main_start} ({x.note}): counted from the publication day, it makes a wrong date"
    )


def test_the_event_an_offset_names_counts_back_from_the_main_clause_told_with_a_date():
    strike = typed(events(VOTE_TOLD, date(2020, 3, 20)), "killing")
    assert (strike.date_start, strike.date_end) == (date(2020, 3, 9), date(2020, 3, 9)), (
        f"the strike three days before the vote told on 12 March was dated {strike.date_start}…{strike.date_end}"
    )


def test_the_event_an_offset_names_stays_undated_when_the_article_dates_nothing():
    strike = typed(events(NOTHING_TOLD, date(2020, 3, 20)), "killing")
    assert strike.date_start is None, (
        f"the strike three days before an undated vote was dated {strike.date_start} ({strike.date_basis}): "
        "nothing in the article fixes it"
    )


def test_the_main_clause_after_an_offset_counts_from_the_event_told_earlier():
    text = (
        "Le Parlement irakien hausse le ton\n\n"
        "Le 3 mars, une frappe américaine a tué deux commandants d'une milice près de Kerbala.\n"
        "Deux jours après la frappe, les députés ont voté une résolution demandant le départ des troupes "
        "étrangères.\n"
    )
    vote = typed(events(text, date(2020, 3, 20)), "vote")
    assert vote.date_start == date(2020, 3, 5), (
        f"« Deux jours après la frappe » (told on 3 March) dated the vote {vote.date_start}"
    )


def test_an_offset_after_this_decision_counts_from_the_decision_told():
    text = (
        "L'Alliance renforce sa mission\n\n"
        "Les ministres de l'Alliance ont approuvé mardi le renforcement de leur mission de conseil en Irak.\n"
        "Cette décision intervient quatre jours après une attaque au drone contre la base de Harir qui a "
        "blessé deux soldats.\n"
    )
    attack = typed(events(text, date(2021, 3, 11)), "attack")
    assert attack.date_start == date(2021, 3, 5), (
        f"« Cette décision intervient quatre jours après une attaque »: the decision was told on Tuesday 9 March, "
        f"the attack dated {attack.date_start}"
    )


def test_a_clause_after_apres_que_with_a_comma_inside_is_what_the_offset_counts_back_to():
    text = (
        "Bagdad et Washington ouvrent des pourparlers\n\n"
        "Mercredi, le gouvernement irakien a annoncé l'ouverture de pourparlers avec Washington sur le départ "
        "des conseillers américains.\n"
        "Cette annonce intervient quelques jours après que le chef du gouvernement, en visite à Paris, a réclamé "
        "un dialogue immédiat sur la fin de la mission.\n"
    )
    demand = typed(events(text, date(2024, 1, 26)), "announcement")
    assert (demand.date_start, demand.date_end) == (date(2024, 1, 17), date(2024, 1, 22)), (
        f"the demand a few days before the announcement of Wednesday 24 January was dated "
        f"{demand.date_start}…{demand.date_end}: the clause after « après que X, en visite à Paris, » was read as "
        "a main clause after the offset"
    )


def test_whole_years_counted_from_a_whole_year_give_a_year():
    text = "Tout commence en 2016. Cette année-là, Washington avait dépêché des conseillers, quatre ans après les en avoir rappelés."
    x = expr(text, "quatre ans", date(2021, 3, 11))
    assert (x.date_start, x.date_end) == (date(2012, 1, 1), date(2012, 12, 31)), (
        f"« quatre ans après » from 2016 gave {x.date_start}…{x.date_end}, not the year 2012"
    )


# --- « cette année-là », « la même année »: the year the text named last -----------------------------


def test_that_year_is_the_year_named_before():
    text = "Il faut revenir à 2016. Cette année-là, Washington avait dépêché des conseillers."
    x = expr(text, "Cette année", date(2021, 3, 11))
    assert (x.date_start, x.date_end) == (date(2016, 1, 1), date(2016, 12, 31)), (
        f"« Cette année-là » after 2016 was dated {x.date_start}…{x.date_end}"
    )


def test_the_same_year_is_the_year_named_before():
    text = "En 2017, la ville a été reprise ; la même année, les conseillers sont arrivés."
    x = expr(text, "la même", date(2021, 3, 11))
    assert x.date_start == date(2017, 1, 1), f"« la même année » after 2017 was dated {x.date_start}"


def test_that_year_with_no_year_named_is_not_the_publication_year():
    x = expr("Cette année-là, Washington avait dépêché des conseillers.", "Cette année", date(2021, 3, 11))
    assert x.date_start is None, f"« Cette année-là » with no year named before was dated {x.date_start}"


# --- a finer time in apposition to a coarser one that holds it dates the event --------------------------


def test_a_month_picked_out_by_dont_dates_the_event_not_the_season():
    text = (
        "Kirkouk : la base K1 rendue\n\n"
        "La base avait essuyé plusieurs tirs de roquettes à l'automne, dont l'un, en octobre, avait blessé "
        "trois soldats américains.\n"
    )
    attack = typed(events(text, date(2020, 12, 2)), "attack")
    assert (attack.date_start, attack.date_end) == (date(2020, 10, 1), date(2020, 10, 31)), (
        f"« à l'automne, dont l'un, en octobre » dated the attack {attack.date_start}…{attack.date_end}, not October"
    )


@pytest.mark.parametrize("sep", [", ", " "])
def test_a_weekday_and_date_after_last_week_dates_the_event(sep):
    text = f"La semaine dernière{sep}mardi 8 septembre, l'émissaire a été reçu par le président irakien à Bagdad."
    spans = [(s.start, s.end) for s in split_sentences(text)]
    week = refine_appositions(tag(text, date(2020, 9, 16), date(2020, 9, 16), spans), fold(text))[0]
    assert (week.date_start, week.date_end) == (date(2020, 9, 8), date(2020, 9, 8)), (
        f"« La semaine dernière{sep}mardi 8 septembre » stood for {week.date_start}…{week.date_end}, not the Tuesday"
    )


def test_two_times_that_do_not_nest_stay_two_dates():
    text = "Les troupes sont arrivées en juin, en juillet et en août."
    refined = refine_appositions(tag(text, date(2020, 9, 16)), fold(text))
    june = refined[0]
    assert (june.date_start, june.date_end) == (date(2020, 6, 1), date(2020, 6, 30)), (
        f"« en juin, en juillet » are two months: June became {june.date_start}…{june.date_end}"
    )


# --- a live blog: each entry's news on the blog's day; « depuis » + an event noun and its date ------------

LIVE_BLOG = (
    "EN DIRECT - Tirs de drones dans l'ouest de l'Irak : le fil de la journée\n\n"
    "20h40 - Les forces américaines ont frappé deux dépôts d'armes d'une milice près de la frontière "
    "syrienne, indique le Pentagone.\n"
    "18h10 - Rappel : la semaine dernière, samedi, une attaque de drone avait visé la base de Harir.\n"
)


def test_a_live_entry_tells_its_news_on_the_blogs_day():
    """An entry's passé composé with no date of its own (« deux dépôts ont été frappés ») happened on the day
    the blog is posted, not on the day of the attack a later entry recalls."""
    strike = typed(events(LIVE_BLOG, date(2023, 5, 9)), "strike")
    assert (strike.date_start, strike.date_end) == (date(2023, 5, 9), date(2023, 5, 9)), strike


def test_one_clock_time_alone_is_no_live_blog():
    """A single paragraph opening on a clock time is no live blog: its undated clause tells the story's time
    (the rocket fire of Saturday), as in any article, not the day of publication."""
    text = (
        "Tensions dans l'ouest de l'Irak\n\n"
        "Samedi, des roquettes ont visé la base d'Aïn al-Assad, sans faire de victimes.\n"
        "Une réunion des chefs de tribu s'est tenue à Ramadi pour discuter de la sécurité des routes.\n"
        "20h40 - Les forces américaines ont frappé deux dépôts d'armes d'une milice près de la frontière "
        "syrienne, indique le Pentagone.\n"
    )
    strike = typed(events(text, date(2023, 5, 9)), "strike")
    assert strike.date_start != date(2023, 5, 9), strike


SINCE_DEMAND = (
    "Les factions durcissent le ton\n\n"
    "Une réunion des chefs de tribu s'est tenue à Ramadi pour discuter de la sécurité des routes.\n"
    "Les factions armées exigent le retrait des soldats étrangers depuis l'assassinat de leur chef militaire "
    "Abou Hassan, en mars 2021.\n"
)


def test_since_an_event_dates_that_event_not_the_demand():
    """« exigent le retrait … depuis l'assassinat de X, en mars 2021 »: the killing is a past fact of March
    2021 (the demand around it does not make it a demand), and the month is not the demand's date."""
    evs = events(SINCE_DEMAND, date(2021, 11, 2))
    killing = typed(evs, "killing")
    assert (killing.date_start, killing.date_end) == (date(2021, 3, 1), date(2021, 3, 31)), killing
    assert killing.modality == "realized", killing.modality
    demand = typed(evs, "announcement")
    assert demand.date_start is None or demand.date_start.year != 2021 or demand.date_start.month != 3, demand


AT_THE_END = (
    "Bagdad et Washington poursuivent leurs discussions\n\n"
    "Les routes de la province restent peu sûres, selon les habitants de Ramadi.\n"
    "Les délégations avaient ouvert en février une nouvelle session de négociations, à l'issue de laquelle "
    "Washington avait fait savoir que ses avions de combat seraient retirés de la base d'Aïn al-Assad.\n"
)


def test_a_statement_at_the_end_of_talks_takes_their_date():
    """« une session de négociations, à l'issue de laquelle Washington avait fait savoir que … seraient
    retirés »: the talks in February, and a statement of a move to come (« avait fait savoir »: a past
    statement, so its conditional is a plan) made at their end, in February too."""
    evs = events(AT_THE_END, date(2022, 6, 14))
    talks = typed(evs, "talks")
    assert (talks.date_start, talks.date_end) == (date(2022, 2, 1), date(2022, 2, 28)), talks
    said = typed(evs, "announcement")
    assert (said.date_start, said.date_end) == (date(2022, 2, 1), date(2022, 2, 28)), said
    assert said.modality == "planned", said.modality


@pytest.mark.parametrize(
    "sentence",
    [
        # « faire savoir »: the infinitive has no tense; « a fait » has, and is past
        "Washington a fait savoir jeudi que les unités restantes seraient redéployées hors d'Irak.",
        # a participle read as an adjective keeps the tense of its copula (« seraient »)
        "Le Pentagone a fait savoir jeudi que les derniers soldats seraient redéployés au Koweït.",
    ],
)
def test_a_conditional_in_a_past_statement_is_a_plan(sentence):
    """What a past statement says in the conditional is the future of that past: an announcement of a move to
    come (planned), not a move told as rumour."""
    text = "Washington et Bagdad\n\nLes routes de la province restent peu sûres, selon les habitants.\n" + sentence
    evs = events(text, date(2022, 6, 14))
    assert not [e for e in evs if e.event_type == "redeployment"], [(e.event_type, e.modality) for e in evs]
    assert typed(evs, "announcement").modality == "planned"


# --- agreements: a joint statement, a timetable set, an agreement named by its dated participle -------------


def test_two_parties_setting_a_timetable_in_a_joint_statement_agree_on_the_statement_s_day():
    """« arrêter un calendrier » is to set it, not to stop it; in a joint statement it is an agreement, dated by
    the statement (« publiée mardi »), not by the publication day."""
    text = (
        "Londres et Bagdad s'entendent sur un calendrier\n\n"
        "Dans un communiqué commun diffusé mardi, le Royaume-Uni et l'Irak ont arrêté un calendrier pour le départ "
        "des instructeurs britanniques.\n"
    )
    evs = events(text, date(2022, 5, 13))
    e = typed(evs, "agreement")
    assert (e.date_start, e.date_end) == (date(2022, 5, 10),) * 2, (e.date_start, e.clause)
    assert not [x for x in evs if x.event_type in ("suspension", "withdrawal")], [(x.event_type, x.clause) for x in evs]


def test_one_side_fixing_a_date_announces_it():
    text = (
        "La Belgique fixe son départ\n\n"
        "Le gouvernement belge a arrêté mercredi le calendrier du retrait de ses soldats.\n"
    )
    evs = events(text, date(2022, 5, 13))
    assert [e.event_type for e in evs] == ["announcement"], [(e.event_type, e.clause) for e in evs]


def test_a_plan_stated_in_a_joint_communique_is_an_agreement():
    text = (
        "Fin de mission\n\n"
        "Dans un communiqué conjoint publié jeudi, Rome et Bagdad annoncent que les soldats italiens quitteront "
        "le pays d'ici la fin de l'année.\n"
    )
    e = typed(events(text, date(2023, 3, 4)), "agreement")
    assert e.date_start == date(2023, 3, 2), e.date_start


def test_an_agreement_named_by_its_dated_participle_was_concluded_whatever_the_sentence_plans():
    """« conformément à l'accord conclu en mars 2022 »: the participle and its date tell a past act, though the
    clause around the noun speaks of a departure to come."""
    text = (
        "Retrait\n\n"
        "Les derniers instructeurs devraient quitter la base d'ici l'été, conformément à l'accord conclu en mars "
        "2022 entre Copenhague et Bagdad.\n"
    )
    e = typed(events(text, date(2023, 4, 20)), "agreement")
    assert (e.date_start, e.date_end) == (date(2022, 3, 1), date(2022, 3, 31)), (e.date_start, e.date_end)


def test_a_predicate_coordinated_without_subject_shares_its_partner_s_mood():
    """« devrait avoir été retirée ou redéployée »: the redeployment is as much to come as the withdrawal."""
    text = (
        "Effectifs\n\n"
        "Selon un responsable, la moitié des soldats devrait avoir été retirée ou redéployée au Koweït d'ici "
        "l'automne.\n"
    )
    evs = events(text, date(2023, 4, 20))
    assert not [e for e in evs if e.modality == "realized"], [(e.event_type, e.modality) for e in evs]


# --- « partir » in the passé composé, storming, « depuis » in another clause, a statement continued ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon des sources locales, la plupart des instructeurs italiens stationnés sur le camp de Dublin en sont "
        "partis la semaine dernière.",
        "Les soldats italiens sont partis de la base d'al-Asad la semaine dernière.",
    ],
)
def test_forces_that_have_left_withdrew_that_week(sentence):
    """« en sont partis », « sont partis de »: partir's passé composé (with « en » standing for the place left),
    not the noun « parti »; the week before publication."""
    e = typed(events(f"Irak\n\n{sentence}\n", date(2024, 6, 12)), "withdrawal")
    assert (e.date_start, e.date_end) == (date(2024, 6, 3), date(2024, 6, 9)), (e.date_start, e.date_end)


def test_storming_an_embassy_is_an_attack_and_the_crowd_leaving_no_withdrawal():
    text = (
        "Tension à Bagdad\n\n"
        "Jeudi dernier, des centaines de manifestants pro-iraniens avaient pris d'assaut l'ambassade des "
        "États-Unis, brûlant une guérite avant de se retirer le soir même.\n"
    )
    evs = events(text, date(2021, 4, 20))
    typed(evs, "attack")
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]


def test_since_a_year_in_another_clause_is_no_date_of_the_event():
    """« la rétrocession du site, dont ils occupaient une partie depuis 2017 »: 2017 starts the occupation."""
    text = (
        "Passation\n\n"
        "Une brève cérémonie a marqué jeudi la rétrocession du camp, dont les militaires étrangers occupaient une "
        "aile depuis 2017.\n"
    )
    e = typed(events(text, date(2020, 8, 22)), "handover")
    assert e.date_start == date(2020, 8, 20), e.date_start


def test_a_statement_continued_is_no_new_announcement():
    """« le communiqué a ajouté que … »: more of a statement told before, not an announcement of its own."""
    text = (
        "Passation\n\n"
        "La coalition a remis mardi la base de Kirkouk aux forces irakiennes, selon un communiqué. Le communiqué a "
        "ajouté que « 300 soldats de la coalition vont quitter le pays » dans les prochains jours.\n"
    )
    evs = events(text, date(2020, 8, 22))
    assert [e.event_type for e in evs] == ["handover"], [(e.event_type, e.clause) for e in evs]


def test_that_day_is_the_day_named_before_not_today():
    """« Ce jour-là »: « -là » points back to the day the text named (« remonter au 12 mars »), not to the
    publication day as « ce jour » does."""
    text = (
        "Analyse\n\n"
        "Il faut revenir au 12 mars pour saisir la colère des députés. Ce jour-là, l'assassinat du commandant "
        "Abou Ali al-Askari par un drone américain a bouleversé la classe politique.\n"
    )
    e = typed(events(text, date(2021, 9, 2)), "killing")
    assert e.date_start == date(2021, 3, 12), (e.date_start, e.date_text)


def test_arresting_people_is_no_suspension():
    """« arrêter des membres d'une milice » is to arrest them; « arrêter » stops an activity only when that is
    its object."""
    text = (
        "Bagdad\n\n"
        "Les services de sécurité ont arrêté mardi des membres d'une milice soupçonnés de préparer des tirs.\n"
    )
    evs = events(text, date(2021, 9, 2))
    assert not [e for e in evs if e.event_type == "suspension"], [(e.event_type, e.clause) for e in evs]


def test_a_date_set_off_between_a_verb_and_its_object_leaves_the_object_the_verbs():
    """« qui a tué, le 12 mars, un commandant … »: the noun phrase after a date set off by commas is the verb's
    object (the parse hangs it on the date): a leader killed."""
    text = (
        "Tensions à Bagdad\n\n"
        "Le Parlement a durci le ton après la frappe de drone qui a tué, le 12 mars, un commandant des Brigades "
        "du Hezbollah, Ali Hassan Moussa, dans son bureau de Bagdad.\n"
    )
    e = typed(events(text, date(2023, 3, 20)), "killing")
    assert e.date_start == date(2023, 3, 12), (e.date_start, e.date_text)


def test_a_strike_that_killed_a_leader_is_one_killing():
    """« la frappe de drone qui a tué un commandant »: the strike and the killing its relative clause tells are
    one event, the killing; no attack beside it."""
    text = (
        "Tensions à Bagdad\n\n"
        "Le Parlement a durci le ton après la frappe de drone qui a tué, le 12 mars, un commandant des Brigades "
        "du Hezbollah, Ali Hassan Moussa, dans son bureau de Bagdad.\n"
    )
    evs = events(text, date(2023, 3, 20))
    assert [e.event_type for e in evs] == ["killing"], [(e.event_type, e.clause) for e in evs]


def test_a_day_without_its_month_takes_the_month_named_before_in_its_sentence():
    """« ouvertes en mars, dont la première séance s'était tenue le 14 à Erbil »: « le 14 » is a day of the
    month the sentence just named."""
    text = "Pourparlers\n\nDes discussions ouvertes en mars, dont la première séance s'était tenue le 14 à Erbil.\n"
    x = expr(text, "le 14", date(2023, 6, 2))
    assert (x.date_start, x.date_end) == (date(2023, 3, 14), date(2023, 3, 14)), (x.date_start, x.note)


def test_a_day_without_a_month_in_its_sentence_takes_the_month_just_named():
    """« Le 14, … » with no month named in its sentence: the month the sentence before names (« en mars. Le 14 »
    is 14 March, as a reader takes it), not the publication's month."""
    text = "Pourparlers\n\nLes discussions ont repris en mars. Le 14, à Erbil, les délégations se sont revues.\n"
    spans = [(s.start, s.end) for s in split_sentences(text)]
    found = [(x.text, x.date_start) for x in tag(text, date(2023, 6, 2), date(2023, 6, 2), spans)]
    assert [d for w, d in found if w.lower().startswith("le 14")] == [date(2023, 3, 14)], found


def test_the_eve_of_an_event_after_a_bare_day_dates_the_event_the_next_day():
    """« s'était tenue le 14 à Erbil, la veille de l'attaque contre la base »: the attack is the 15th."""
    text = (
        "Pourparlers\n\n"
        "Des discussions ouvertes en mars, dont la première séance s'était tenue le 14 à Erbil, la veille de "
        "l'attaque contre la base d'Harir.\n"
    )
    e = typed(events(text, date(2023, 6, 2)), "attack")
    assert e.date_start == date(2023, 3, 15), (e.date_start, e.date_text)


def test_a_convoy_that_stops_is_no_suspension():
    """« le convoi s'est arrêté à Erbil »: the pronominal verb with a mover as subject is to stop moving, not a
    suspension of operations."""
    text = "Retrait\n\nLe convoi de la coalition s'est arrêté mardi à Erbil avant de gagner la frontière.\n"
    evs = events(text, date(2021, 5, 20))
    assert not [e for e in evs if e.event_type == "suspension"], [(e.event_type, e.clause) for e in evs]


def test_strikes_that_stop_are_a_suspension():
    """« les frappes se sont arrêtées jeudi »: an activity that stops is a suspension."""
    text = "Répit\n\nLes frappes de la coalition se sont arrêtées jeudi dans la région d'Anbar.\n"
    e = typed(events(text, date(2021, 5, 20)), "suspension")
    assert e.date_start == date(2021, 5, 20), (e.date_start, e.date_text)


def test_a_fronted_participle_of_receiving_a_leader_is_talks_that_day():
    """« Reçu mardi à l'Élysée, le ministre irakien … »: the fronted participle with its own date tells the talks
    of that day, whatever the main clause says."""
    text = (
        "Analyse\n\n"
        "Reçu mardi à l'Élysée, le ministre irakien, Fouad Hussein, était venu chercher une promesse que le "
        "président ne lui a donnée qu'à demi-mot.\n"
    )
    e = typed(events(text, date(2020, 8, 21)), "talks")
    assert e.date_start == date(2020, 8, 18), (e.date_start, e.date_text)


def test_a_fronted_participle_of_another_verb_is_no_talks():
    """« Accompagné de son épouse, le président … »: only receiving a leader or an envoy is talks."""
    text = (
        "Visite\n\nAccompagné de son épouse, le président français a salué mardi les soldats de l'opération Chammal.\n"
    )
    evs = events(text, date(2020, 8, 21))
    assert not [e for e in evs if e.event_type == "talks"], [(e.event_type, e.clause) for e in evs]


# --- the object of a negated verb is no event; an assembly's demand is its vote; a main clause's own date ------

NEGATED_OBJECTS = (
    "Les alliés restent en Irak\n\n"
    "Le Danemark, qui compte une centaine d'instructeurs près de Bagdad, n'a pas annoncé de retrait lundi.\n"
    "« Il ne s'agit pas d'un départ, mais d'une pause », a insisté mardi la ministre norvégienne.\n"
)


def test_the_object_of_a_negated_verb_is_no_withdrawal():
    evs = events(NEGATED_OBJECTS, date(2020, 1, 8))
    moves = [(e.event_type, e.clause) for e in evs if e.event_type in ("withdrawal", "redeployment")]
    assert not moves, f"« n'a pas annoncé de retrait » / « il ne s'agit pas d'un départ » made moves: {moves}"


def test_a_negated_announcement_is_no_announcement():
    evs = events(NEGATED_OBJECTS, date(2020, 1, 8))
    said = [e.clause for e in evs if e.event_type == "announcement" and "annonc" in e.clause]
    assert not said, f"« X n'a pas annoncé de retrait » was made an announcement: {said}"


def test_a_negation_that_leaves_its_object_standing_keeps_the_event():
    text = "Retrait à Kirkouk\n\nLes menaces n'ont pas empêché le retrait des soldats britanniques de Kirkouk lundi.\n"
    evs = events(text, date(2020, 1, 8))
    assert any(e.event_type == "withdrawal" for e in evs), (
        f"« n'ont pas empêché le retrait » lost the withdrawal: {[(e.event_type, e.clause) for e in evs]}"
    )


ASSEMBLY_DEMAND = (
    "Bagdad sous pression\n\n"
    "Samedi 11 janvier, le Parlement irakien a réclamé le départ des soldats étrangers stationnés dans le pays.\n"
)


def test_an_assembly_demanding_a_departure_is_a_vote():
    evs = events(ASSEMBLY_DEMAND, date(2020, 1, 14))
    vote = typed(evs, "vote")
    assert vote.date_start == date(2020, 1, 11), f"the parliament's demand was dated {vote.date_start}"
    assert not [e for e in evs if e.event_type == "announcement"], (
        f"the parliament's demand was also an announcement: {[(e.event_type, e.clause) for e in evs]}"
    )


def test_members_demanding_a_departure_are_no_vote():
    text = (
        "Bagdad sous pression\n\nSamedi 11 janvier, des députés chiites ont réclamé le départ des soldats étrangers.\n"
    )
    evs = events(text, date(2020, 1, 14))
    assert not [e for e in evs if e.event_type == "vote"], (
        f"some members' demand was made a vote: {[(e.event_type, e.clause) for e in evs]}"
    )


MAIN_DATED_AFTER_OFFSET = (
    "Motion au Sénat\n\n"
    "Quatre jours après l'attaque contre le consulat, les sénateurs ont approuvé mardi 10 mars une motion "
    "demandant le départ des soldats étrangers.\n"
)


def test_a_main_clause_with_its_own_date_after_an_offset_takes_that_date():
    vote = typed(events(MAIN_DATED_AFTER_OFFSET, date(2020, 3, 13)), "vote")
    assert (vote.date_start, vote.date_end) == (date(2020, 3, 10), date(2020, 3, 10)), (
        f"« Quatre jours après X, … ont approuvé mardi 10 mars » was dated {vote.date_start}…{vote.date_end}, "
        "not the clause's own date"
    )


def test_an_assembly_and_a_government_demanding_together_is_no_vote():
    text = (
        "Bagdad sous pression\n\n"
        "Samedi 11 janvier, le Parlement et le gouvernement ont demandé aux soldats étrangers de quitter le pays.\n"
    )
    evs = events(text, date(2020, 1, 14))
    assert not [e for e in evs if e.event_type == "vote"], (
        f"a demand of the parliament with the government was made a vote: {[(e.event_type, e.clause) for e in evs]}"
    )


# --- a past participle with a date of its own: the act it tells, at that date ---------------------------------

SET_BY_TWO = (
    "Le départ se précise\n\n"
    "Les derniers instructeurs quitteront la base avant l'échéance du 31 octobre fixée en mars par Bagdad et "
    "Washington.\n"
)


def test_a_deadline_set_by_two_parties_is_an_agreement_at_the_participle_s_date():
    """« l'échéance du 31 octobre fixée en mars par X et Y »: two parties set the date in March (agreement),
    whatever the main clause plans."""
    e = typed(events(SET_BY_TWO, date(2022, 6, 10)), "agreement")
    assert (e.date_start, e.date_end) == (date(2022, 3, 1), date(2022, 3, 31)), (e.date_start, e.date_text)


def test_a_timetable_set_by_a_participle_is_no_suspension():
    """« le calendrier, arrêté en février par les deux pays »: « arrêter » a timetable is to set it."""
    text = (
        "Calendrier\n\n"
        "Le calendrier du retrait, arrêté en février par les deux pays, prévoit un départ en deux étapes.\n"
    )
    evs = events(text, date(2022, 6, 10))
    assert not [e for e in evs if e.event_type == "suspension"], [(e.event_type, e.clause) for e in evs]
    e = typed(evs, "agreement")
    assert e.date_start == date(2022, 2, 1), (e.date_start, e.date_text)


def test_talks_launched_on_a_day_are_talks_that_day_whatever_the_clause_plans():
    """« les consultations, lancées le 9 mai, doivent reprendre »: the talks opened on 9 May."""
    text = (
        "Diplomatie\n\n"
        "Les consultations bilatérales, lancées le 9 mai à Bagdad, doivent reprendre après les fêtes, selon un "
        "conseiller.\n"
    )
    e = typed(events(text, date(2022, 6, 10)), "talks")
    assert e.date_start == date(2022, 5, 9), (e.date_start, e.date_text)


def test_a_move_announced_on_a_date_is_an_announcement_that_day():
    """« le retrait des soldats belges, annoncé en avril par Bruxelles, … »: the statement of April, not a move."""
    text = (
        "Belgique\n\n"
        "Le retrait des soldats belges, annoncé en avril par Bruxelles, n'a toujours pas débuté selon l'état-major.\n"
    )
    evs = events(text, date(2022, 6, 10))
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]
    e = typed(evs, "announcement")
    assert e.date_start == date(2022, 4, 1), (e.date_start, e.date_text)


def test_a_withdrawal_not_ruled_out_is_no_withdrawal():
    """« n'a pas exclu un retrait »: a move held possible is at most said, never done."""
    text = "Pays-Bas\n\nJeudi, la ministre néerlandaise n'a pas exclu un retrait des instructeurs néerlandais.\n"
    evs = events(text, date(2022, 6, 10))
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]


def test_a_coalition_formed_in_a_past_year_is_no_event():
    """« la coalition formée en 2014 »: a description that says which coalition, not an event of the codebook (set
    off by commas, « La coalition, formée en 2014, », the founding is told: see test_background_events)."""
    text = "Contexte\n\nDes dizaines de pays participent à la coalition formée en 2014 contre les jihadistes.\n"
    evs = events(text, date(2022, 6, 10))
    assert not [e for e in evs if e.date_start and e.date_start.year == 2014], [(e.event_type, e.clause) for e in evs]


def test_a_demand_in_the_phrase_of_a_vote_noun_is_that_vote():
    """« le vote par lequel le Parlement a demandé de mettre fin à la présence des soldats, le 12 mars »: the demand is what the vote
    asked, so there is one vote, on 12 March, and no second vote dated by the publication."""
    text = (
        "Le Parlement et les troupes étrangères\n\n"
        "Un mois jour pour jour après le vote par lequel le Parlement a demandé au gouvernement de mettre fin à la présence "
        "des soldats étrangers, le 12 mars, la situation reste figée sur le terrain.\n"
    )
    votes = [e for e in events(text, date(2021, 4, 12)) if e.event_type == "vote"]
    assert votes, "no vote"
    assert all(e.date_start != date(2021, 4, 12) for e in votes), [(e.date_start, e.clause) for e in votes]


RECENT_IN_RELATIVE = (
    "Bagdad sous tension\n\n"
    "Le contingent danois a annoncé avoir interrompu ses patrouilles pour protéger ses casernes, "
    "qui ont été visées par des obus de mortier ces dernières semaines.\n"
)
RECENT_OF_THE_ATTACKS = (
    "Une base sous le feu\n\n"
    "Le camp, au nord de la ville, a été la cible de fréquentes attaques au mortier de groupes armés visant "
    "les instructeurs étrangers ces derniers mois.\n"
)


def test_recent_weeks_in_a_relative_clause_date_that_clause_not_the_main_event():
    """« ces dernières semaines » in a relative clause telling another kind of event (shots at the barracks)
    is not the suspension's time: the suspension is the day's news."""
    halt = typed(events(RECENT_IN_RELATIVE, date(2020, 1, 8)), "suspension")
    assert (halt.date_start, halt.date_end) == (date(2020, 1, 8), date(2020, 1, 8)), halt


def test_recent_months_after_a_participle_of_the_same_violence_date_the_attacks():
    attacks = typed(events(RECENT_OF_THE_ATTACKS, date(2020, 8, 20)), "attack")
    assert attacks.date_start < date(2020, 7, 1) and attacks.date_end == date(2020, 8, 20), attacks


# --- the strikes a sentence tells by their conductor, bounded offsets, « ces frappes » ------------------------

STRIKES_RECALLED = (
    "Un camp visé dans la province d'Anbar\n\n"
    "Jeudi, trois obus de mortier ont visé un camp où logent des instructeurs étrangers. L'attaque intervient "
    "moins de dix jours après les bombardements conduits par l'armée américaine contre des dépôts d'une milice "
    "près de la frontière syrienne. Ces bombardements du 2 mai avaient détruit plusieurs entrepôts, selon "
    "une ONG.\n"
    "Le 20 avril, une attaque au drone avait déjà visé, selon la police, l'aéroport de la ville voisine.\n"
)


def test_violence_noun_takes_author_and_target_from_its_participle_of_conducting():
    """« les bombardements conduits par l'armée américaine contre des dépôts d'une milice »: a strike."""
    evs = events(STRIKES_RECALLED, date(2021, 5, 8))
    assert [e for e in evs if e.event_type == "strike"], [(e.event_type, e.clause) for e in evs]


def test_less_than_n_days_after_is_a_window_not_a_day():
    """« moins de dix jours après les bombardements »: the strikes fell within the ten days before, not on
    the tenth day before."""
    x = expr(STRIKES_RECALLED, "moins de dix jours", date(2021, 5, 8))
    assert x.bound == "lt", x
    strikes = [e for e in events(STRIKES_RECALLED, date(2021, 5, 8)) if e.event_type == "strike"]
    windowed = [e for e in strikes if e.date_start != e.date_end]
    assert windowed and windowed[0].date_end > windowed[0].date_start + (date(2021, 1, 8) - date(2021, 1, 1)), [
        (e.date_start, e.date_end, e.clause) for e in strikes
    ]


def test_a_demonstrative_violence_noun_is_typed_as_the_one_told_before():
    """« Ces bombardements du 2 mai avaient détruit… »: no author or target of its own, the strikes told in the
    sentence before; dated by its own phrase."""
    strikes = [e for e in events(STRIKES_RECALLED, date(2021, 5, 8)) if e.event_type == "strike"]
    assert any(e.date_start == e.date_end == date(2021, 5, 2) for e in strikes), [
        (e.date_start, e.date_end, e.clause) for e in strikes
    ]


def test_a_weapon_after_a_la_makes_an_attack_whatever_the_parse():
    """« une attaque au drone avait déjà visé, selon la police, l'aéroport »."""
    attacks = [e for e in events(STRIKES_RECALLED, date(2021, 5, 8)) if e.event_type == "attack"]
    assert any(e.date_start == date(2021, 4, 20) for e in attacks), [(e.date_start, e.clause) for e in attacks]


SOLDIER_AND_COMMAND = (
    "Un caporal belge tué dans le nord de l'Irak\n\n"
    "L'adjudant Marc Lenoir, du 2e régiment de hussards, a été tué mardi lors d'un accrochage avec "
    "des jihadistes, a annoncé le ministère. Le Premier ministre a salué le courage du militaire. Aucun autre "
    "soldat n'a été blessé. Vendredi, c'est le centre de commandement installé à Tikrit qui avait été rendu "
    "aux forces irakiennes.\n"
)


def test_a_named_soldier_killed_in_combat_is_an_attack_not_a_targeted_killing():
    evs = events(SOLDIER_AND_COMMAND, date(2021, 6, 10))
    assert not [e for e in evs if e.event_type == "killing"], [(e.event_type, e.clause) for e in evs]
    assert any(e.event_type == "attack" and e.date_start == date(2021, 6, 8) for e in evs), [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]


def test_a_tribute_and_a_denied_toll_are_no_events():
    """« a salué le courage du militaire » states nothing decided; « aucun autre soldat n'a été blessé »."""
    evs = events(SOLDIER_AND_COMMAND, date(2021, 6, 10))
    assert not [e for e in evs if "courage" in e.clause or "Aucun" in e.clause], [(e.event_type, e.clause) for e in evs]


def test_a_command_centre_given_back_in_a_cleft_is_a_handover():
    """« c'est le centre de commandement … qui avait été rendu »."""
    evs = events(SOLDIER_AND_COMMAND, date(2021, 6, 10))
    assert any(e.event_type == "handover" and e.date_start == date(2021, 6, 4) for e in evs), [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]


TWO_MOVES_THEN = (
    "Le contingent norvégien réduit\n\n"
    "Le détachement norvégien avait été réduit en avril, quand la mission a suspendu ses cours. Une partie "
    "des instructeurs avait alors été rapatriée à Oslo, tandis que d'autres unités avaient été transférées à "
    "la base d'Al-Udeid, au Qatar.\n"
)


def test_alors_dates_a_clause_at_the_time_just_told():
    """« avait alors été rapatriée »: in April, the time of the sentence before, though in the pluperfect."""
    evs = events(TWO_MOVES_THEN, date(2021, 11, 3))
    home = [e for e in evs if e.event_type == "withdrawal" and "Oslo" in e.clause]
    assert home and home[0].date_start == date(2021, 4, 1), [(e.event_type, e.date_start, e.clause) for e in evs]


def test_units_moved_to_a_base_while_others_went_home_are_two_moves():
    """« tandis que d'autres unités avaient été transférées à la base X »: a redeployment of its own, not a
    handover of the base, nor the same occurrence as the repatriation."""
    from helpers.extract.events import merge_occurrences

    evs = merge_occurrences(events(TWO_MOVES_THEN, date(2021, 11, 3)))
    types = [e.event_type for e in evs if "Oslo" in e.clause or "Al-Udeid" in e.clause]
    assert "redeployment" in types and "withdrawal" in types and "handover" not in types, [
        (e.event_type, e.clause) for e in evs
    ]


WHEN_CLAUSES = (
    "Des batteries antimissiles en discussion\n\n"
    "Les deux capitales discutent de l'installation de batteries depuis février, lorsque des missiles ont "
    "visé la base de Balad. Le dernier soldat polonais tué dans le pays remontait à mai 2019, lorsqu'un "
    "convoi avait été la cible d'une attaque à la roquette près de Bassora.\n"
)


def test_a_lorsque_clause_is_at_the_time_of_the_clause_it_depends_on():
    """« depuis février, lorsque des missiles ont visé… »: February; « remontait à mai 2019, lorsqu'un convoi
    avait été la cible… »: May 2019 (not the publication day, not undated)."""
    attacks = [e for e in events(WHEN_CLAUSES, date(2021, 4, 20)) if e.event_type == "attack"]
    starts = sorted((e.date_start, e.date_end) for e in attacks if e.date_start)
    assert (date(2021, 2, 1), date(2021, 2, 28)) in starts and (date(2019, 5, 1), date(2019, 5, 31)) in starts, [
        (e.date_start, e.date_end, e.clause) for e in attacks
    ]


LATER_THAN_REFERRED = (
    "Rassemblement à Nassiriya\n\n"
    "Jeudi, des milliers de partisans du mouvement ont défilé dans le centre de la ville. La marche intervient "
    "deux semaines après la frappe américaine qui a visé un dépôt d'une milice près de Kerbala. Trois jours plus "
    "tard, les députés avaient voté une motion réclamant le départ des soldats étrangers.\n"
)


def test_n_days_later_counts_from_the_event_apres_named_last():
    """« La marche intervient deux semaines après la frappe. Trois jours plus tard, les députés avaient voté »:
    the vote three days after the strike (about 17 days before the march), not three days after Thursday."""
    evs = events(LATER_THAN_REFERRED, date(2020, 2, 1))
    vote = typed(evs, "vote")
    assert vote.date_start < date(2020, 1, 30), (
        vote.date_start,
        vote.date_end,
        [(e.event_type, e.date_start) for e in evs],
    )


PLAN_CONTENT = (
    "Rome et Bagdad s'entendent sur le départ des formateurs\n\n"
    "Dans un communiqué commun publié mardi, l'Italie et l'Irak ont adopté un calendrier pour le départ des "
    "formateurs italiens. La première étape prendra fin en juin : les instructeurs devront alors avoir quitté "
    "la base de Taji.\n"
)


def test_a_plan_told_after_the_agreement_that_set_it_is_no_announcement_of_its_own():
    evs = events(PLAN_CONTENT, date(2023, 3, 9))
    assert any(e.event_type == "agreement" for e in evs), [(e.event_type, e.clause) for e in evs]
    assert not [e for e in evs if e.event_type == "announcement" and "Taji" in e.clause], [
        (e.event_type, e.clause) for e in evs
    ]


# --- a conjunct whose verb is left out (gapping): another occurrence of the same event, at its own date -----

GAPPED = (
    "Les Danois quittent le nord de l'Irak\n\n"
    "Le 4 mai, les soldats danois avaient quitté le camp de Taji, puis, lundi, la base de Balad, que les "
    "Américains occupaient depuis 2003.\n"
)
GAP_WITH_A_VERB = (
    "Les Danois quittent le nord de l'Irak\n\n"
    "Le 4 mai, les soldats danois avaient quitté le camp de Taji, puis, lundi, la base de Balad était déjà "
    "presque vide.\n"
)


def test_a_gapped_conjunct_is_another_occurrence_at_its_own_date():
    evs = [e for e in events(GAPPED, date(2021, 5, 13)) if e.event_type == "withdrawal"]
    days = sorted(e.date_start for e in evs)
    assert days == [date(2021, 5, 4), date(2021, 5, 10)], [(e.event_type, e.date_start, e.clause) for e in evs]


def test_a_conjunct_with_a_verb_of_its_own_is_no_gapped_occurrence():
    evs = [e for e in events(GAP_WITH_A_VERB, date(2021, 5, 13)) if e.event_type == "withdrawal"]
    assert [e.date_start for e in evs] == [date(2021, 5, 4)], [(e.event_type, e.date_start, e.clause) for e in evs]


# --- a subject pronoun before its auxiliary is no inverted incise (« …, a-t-elle annoncé ») ---------------

PRONOUN_SUBJECT = (
    "Berlin rappelle ses instructeurs\n\n"
    "L'Allemagne a retiré le 2 juin ses derniers instructeurs de Taji et, jeudi, elle a annoncé la fin de "
    "sa mission de formation à Erbil.\n"
)


def test_a_clause_opened_by_a_subject_pronoun_is_dated_by_its_own_date():
    evs = events(PRONOUN_SUBJECT, date(2022, 6, 11))
    said = typed(evs, "announcement")
    assert (said.date_start, said.date_end) == (date(2022, 6, 9), date(2022, 6, 9)), [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]
    left = typed(evs, "withdrawal")
    assert left.date_start == date(2022, 6, 2), [(e.event_type, e.date_start, e.clause) for e in evs]


# --- « engager des négociations » opens them; « s'engager à » pledges; a move « sur » which talks bear --------

TALKS_OPENED = (
    "Le point sur l'Irak\n\n"
    "Les négociations sur l'avenir des formateurs italiens avaient été engagées en février au sein d'un comité "
    "mixte.\n"
)
PLEDGE = "Le point sur l'Irak\n\nLe ministre s'est engagé jeudi à retirer les formateurs italiens d'ici l'été.\n"
TALKS_ABOUT_A_MOVE = (
    "Le point sur l'Irak\n\n"
    "Les Espagnols sont engagés depuis des semaines dans des discussions avec Bagdad sur un retrait de leurs "
    "instructeurs.\n"
)


def test_negotiations_engaged_in_a_month_are_talks_held_then():
    t = typed(events(TALKS_OPENED, date(2023, 5, 4)), "talks")
    assert (t.date_start, t.date_end) == (date(2023, 2, 1), date(2023, 2, 28)), (t.date_start, t.date_end, t.clause)


def test_a_pledge_to_withdraw_is_an_announcement_not_a_withdrawal():
    evs = events(PLEDGE, date(2023, 5, 6))
    assert [e.event_type for e in evs] == ["announcement"], [(e.event_type, e.clause) for e in evs]


def test_a_move_the_talks_are_about_is_not_done():
    evs = events(TALKS_ABOUT_A_MOVE, date(2023, 5, 6))
    assert "withdrawal" not in {e.event_type for e in evs}, [(e.event_type, e.modality, e.clause) for e in evs]


# --- a statement whose content is a noun phrase telling no event: the date after it is the statement's ------

END_DECLARED = (
    "Le point sur l'Irak\n\n"
    "L'OTAN a proclamé la fin de sa mission de formation en novembre 2022. Ses instructeurs restent au Koweït.\n"
)
MOVE_ANNOUNCED = (
    "Le point sur l'Irak\n\n"
    "L'OTAN a annoncé le retrait de ses instructeurs en novembre 2023. Ils rejoindront le Koweït.\n"
)


def test_a_statement_of_a_noun_telling_no_event_is_dated_by_the_date_after_it():
    said = typed(events(END_DECLARED, date(2023, 3, 2)), "announcement")
    assert (said.date_start, said.date_end) == (date(2022, 11, 1), date(2022, 11, 30)), (
        said.date_start,
        said.date_end,
        said.clause,
    )


def test_a_date_after_an_announced_move_is_not_the_statement_s():
    evs = events(MOVE_ANNOUNCED, date(2023, 3, 2))
    assert not [e for e in evs if e.date_start == date(2023, 11, 1) and e.event_type != "announcement"], [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]


# --- one official going somewhere visits it; forces arriving deploy (« sont arrivés »: no passive) -----------

VISIT = (
    "Le point sur l'Irak\n\nLe ministre britannique de la Défense est arrivé mardi par surprise sur la base d'Erbil.\n"
)
VISIT_NAMED = "Le point sur l'Irak\n\nBoris Johnson s'y était rendu le 3 mai pour rencontrer les soldats.\n"
REINFORCEMENTS = "Le point sur l'Irak\n\nLes renforts britanniques sont arrivés mardi à Erbil.\n"


@pytest.mark.parametrize("text", [VISIT, VISIT_NAMED], ids=["title", "name"])
def test_an_official_arriving_somewhere_is_a_visit_not_a_deployment(text):
    evs = events(text, date(2023, 5, 11))
    assert [e.event_type for e in evs] == ["other"], [(e.event_type, e.clause) for e in evs]
    assert "Visite" in evs[0].headline, evs[0].headline


def test_forces_that_have_arrived_are_a_deployment_not_a_state():
    evs = events(REINFORCEMENTS, date(2023, 5, 11))
    d = typed(evs, "deployment")
    assert d.date_start == date(2023, 5, 9), (d.date_start, d.clause)


# --- a move « ordonné / décidé » at a date of its own, in a phrase about the move done today: the order --------

ORDERED = (
    "Le point sur l'Irak\n\n"
    "Une colonne de camions italiens a quitté jeudi la base de Taji, dernière étape du retrait décidé par Rome "
    "il y a trois semaines.\n"
)


def test_a_move_decided_at_a_date_of_its_own_is_an_announcement_then():
    evs = events(ORDERED, date(2023, 5, 12))
    said = typed(evs, "announcement")
    assert said.date_start <= date(2023, 4, 21) <= said.date_end, [(e.event_type, e.date_start, e.clause) for e in evs]
    assert typed(evs, "withdrawal").date_start == date(2023, 5, 11), [(e.event_type, e.date_start) for e in evs]


# --- an offset set off by commas after an event noun dates that event, not the clause -------------------------

RETALIATION = (
    "Le point sur l'Irak\n\n"
    "Les miliciens ont bombardé le camp de Taji le 12 mars 2020, en représailles à l'assassinat de leur chef, "
    "trois jours plus tôt, à Bagdad.\n"
)


def test_an_offset_after_a_cause_noun_dates_the_cause_not_the_clause():
    evs = events(RETALIATION, date(2020, 3, 20))
    attack = typed(evs, "attack")
    assert attack.date_start == date(2020, 3, 12), [(e.event_type, e.date_start, e.clause) for e in evs]
    killing = typed(evs, "killing")
    assert killing.date_start == date(2020, 3, 9), [(e.event_type, e.date_start, e.clause) for e in evs]


# --- a government summoning an envoy « pour protester » is a diplomatic act, no demonstration --------------

SUMMONS = (
    "Le point sur l'Irak\n\n"
    "Mardi, le ministère turc des Affaires étrangères a convoqué le chargé d'affaires irakien pour protester "
    "contre des tirs à la frontière.\n"
)


def test_summoning_an_envoy_to_protest_is_no_demonstration():
    evs = events(SUMMONS, date(2022, 5, 12))
    assert [e.event_type for e in evs] == ["other"], [(e.event_type, e.clause) for e in evs]
    assert evs[0].date_start == date(2022, 5, 10), evs[0].date_start


# --- « sans rencontrer » meets no one; « un entretien diffusé par une chaîne » is an interview, not talks -------

NO_MEETING = (
    "Le point sur l'Irak\n\n"
    "Le chancelier allemand est arrivé mardi à Erbil. Il s'y était déjà rendu le 3 mars, sans rencontrer le moindre "
    "responsable kurde.\n"
)
INTERVIEW_TEXT = (
    "Le point sur l'Irak\n\n"
    "Dans un entretien accordé mardi à une radio française, le ministre a défendu la présence de ses soldats.\n"
)


def test_an_infinitive_after_sans_is_not_done_and_a_pronoun_going_there_visits():
    evs = events(NO_MEETING, date(2022, 5, 12))
    assert "talks" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    assert sorted(e.date_start for e in evs if e.event_type == "other") == [date(2022, 3, 3), date(2022, 5, 10)], [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]


def test_an_interview_given_to_the_press_is_no_talks():
    evs = events(INTERVIEW_TEXT, date(2022, 5, 12))
    assert "talks" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- people wounded « lors d'une attaque menée le 18 octobre »: the attack's date is the clause's -------------

WOUNDED_IN = (
    "Le point sur l'Irak\n\n"
    "Quatre soldats italiens ont été blessés lors d'une attaque de drone menée le 9 avril contre le camp de Dhafra.\n"
)


def test_people_wounded_in_an_attack_dated_in_its_phrase_take_its_date():
    a = typed(events(WOUNDED_IN, date(2024, 4, 15)), "attack")
    assert a.date_start == date(2024, 4, 9), (a.date_start, a.date_basis, a.clause)


# --- a body's session held is talks; « ramener ses effectifs à N » is a withdrawal -----------------------------

SESSION_HELD = "Le point sur l'Irak\n\nLe comité mixte avait tenu sa deuxième session le 14 mars à Erbil.\n"
CUT_TO = "Le point sur l'Irak\n\nEn mars, Rome avait ramené ses effectifs de 900 à 650 militaires.\n"


def test_a_session_a_committee_held_is_talks():
    t = typed(events(SESSION_HELD, date(2023, 5, 4)), "talks")
    assert t.date_start == date(2023, 3, 14), (t.date_start, t.clause)


def test_troops_brought_down_to_a_level_are_a_withdrawal():
    w = typed(events(CUT_TO, date(2023, 5, 4)), "withdrawal")
    assert (w.date_start, w.date_end) == (date(2023, 3, 1), date(2023, 3, 31)), (w.date_start, w.date_end, w.clause)


# --- attacks a group « suspend » are what pauses; « admettre que » states ---------------------------------------

HALT = (
    "Le point sur l'Irak\n\n"
    "Le 3 mai, dans un communiqué publié en ligne, les milices de la « Résistance » annonçaient suspendre « pour "
    "l'instant » leurs attaques contre les convois.\n"
)
ADMITTED = (
    "Le point sur l'Irak\n\nLe 12 mai, l'état-major admettait que onze soldats souffraient de commotions cérébrales.\n"
)


def test_attacks_a_group_suspends_are_no_attack():
    evs = events(HALT, date(2023, 5, 20))
    assert "attack" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    assert typed(evs, "suspension").date_start == date(2023, 5, 3), [(e.event_type, e.date_start) for e in evs]


def test_admitting_a_toll_is_a_statement_at_its_date():
    said = typed(events(ADMITTED, date(2023, 5, 20)), "announcement")
    assert said.date_start == date(2023, 5, 12), (said.date_start, said.clause)


# --- « passer le relais à » another force is a handover of command; to a commander's successor it is not -------

RELAY = (
    "Le point sur l'Irak\n\nLa Norvège a passé jeudi le relais à la Suède à la tête du centre de formation de Bagdad.\n"
)
RELAY_PERSON = "Le point sur l'Irak\n\nLe général Moreau a passé jeudi le commandement à son successeur.\n"


def test_passing_the_relay_to_another_force_is_a_handover():
    h = typed(events(RELAY, date(2022, 5, 14)), "handover")
    assert h.date_start == date(2022, 5, 12), (h.date_start, h.clause)


def test_passing_command_to_a_successor_is_no_handover():
    evs = events(RELAY_PERSON, date(2022, 5, 14))
    assert "handover" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- leaders counted among the dead are a toll, not a targeted killing ------------------------------------------

COUNTED = (
    "Le point sur l'Irak\n\n"
    "Selon le Centcom, douze combattants de l'EI ont été tués mardi, dont plusieurs cadres, dans le désert.\n"
)


def test_leaders_counted_among_the_dead_are_no_targeted_killing():
    evs = events(COUNTED, date(2024, 9, 12))
    assert "killing" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- « mener une opération contre X » is an armed action; a named operation is not -----------------------------

OPERATION = (
    "Le point sur l'Irak\n\n"
    "Mardi, des forces spéciales britanniques ont mené une opération contre une cellule de l'EI près de Kirkouk.\n"
)
NAMED_OPERATION = "Le point sur l'Irak\n\nL'opération Shader, conduite depuis 2014 contre l'EI, se poursuit.\n"


def test_an_operation_led_against_someone_is_a_strike():
    s = typed(events(OPERATION, date(2021, 6, 10)), "strike")
    assert s.date_start == date(2021, 6, 8), (s.date_start, s.clause)


def test_a_named_operation_is_no_strike():
    evs = events(NAMED_OPERATION, date(2021, 6, 10))
    assert "strike" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- « plusieurs élus » are representatives, no election --------------------------------------------------------

ELECTED = (
    "Le point sur l'Irak\n\nMardi, plusieurs élus conservateurs ont critiqué le retrait décidé par le gouvernement.\n"
)


def test_representatives_are_no_election():
    evs = events(ELECTED, date(2021, 6, 10))
    assert "other" not in {e.event_type for e in evs}, [(e.event_type, e.headline, e.clause) for e in evs]


# --- a demonstrative object of a verb of judging names a move told before, not a new one -------------------------

JUDGED = "Le point sur l'Irak\n\nDébut mai, le ministre avait défendu ce déploiement lors d'une visite à Erbil.\n"


def test_a_move_defended_with_a_demonstrative_is_no_new_move():
    evs = events(JUDGED, date(2023, 6, 10))
    assert "deployment" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    assert typed(evs, "other").date_start == date(2023, 5, 1), [(e.event_type, e.date_start) for e in evs]


# --- a verb of saying in a subordinate clause (« alors que X a annoncé ») does not report its main clause --------

SUBORDINATE_SAYING = (
    "Le point sur l'Irak\n\n"
    "Ces tirs surviennent alors que Madrid a annoncé, le 2 mai, la fin de sa mission de formation.\n"
)


def test_a_statement_in_a_subordinate_clause_keeps_its_own_date():
    said = typed(events(SUBORDINATE_SAYING, date(2023, 5, 20)), "announcement")
    assert said.date_start == date(2023, 5, 2), (said.date_start, said.clause)


# --- a joint statement that sets a timetable is an agreement -----------------------------------------------------

JOINT = (
    "Le point sur l'Irak\n\n"
    "Le 3 mars, Rome et Bagdad ont rendu public un communiqué commun fixant, pour la première fois, un calendrier "
    "à la fin de la mission de formation.\n"
)


def test_a_joint_statement_setting_a_timetable_is_an_agreement():
    a = typed(events(JOINT, date(2023, 5, 20)), "agreement")
    assert a.date_start == date(2023, 3, 3), (a.date_start, a.clause)


# --- « s'entretenir avec » is a meeting; a past relative clause tells its own fact ----------------------------------

MET_IN_RELATIVE = (
    "Le point sur l'Irak\n\n"
    "La ministre belge, qui s'est entretenue jeudi avec son homologue irakien, a plaidé pour le maintien des "
    "formateurs.\n"
)


def test_a_meeting_told_in_a_past_relative_clause_is_talks():
    t = typed(events(MET_IN_RELATIVE, date(2021, 4, 17)), "talks")
    assert t.date_start == date(2021, 4, 15), (t.date_start, t.clause)


PRESENT_RELATIVE = (
    "Le point sur l'Irak\n\n"
    "Oslo rapatriera d'ici décembre les instructeurs qu'il déploie en Irak, a annoncé lundi le gouvernement.\n"
)


def test_a_present_relative_clause_under_a_plan_is_no_deployment():
    evs = events(PRESENT_RELATIVE, date(2021, 4, 14))
    assert "deployment" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    typed(evs, "announcement")


STRIKE_IN_RELATIVE = (
    "Le point sur l'Irak\n\n"
    "Le chef du Pentagone, qui a ordonné mardi des frappes contre les milices, a appelé Bagdad à la retenue.\n"
)


def test_a_strike_ordered_in_a_past_relative_clause_is_no_demand():
    s = typed(events(STRIKE_IN_RELATIVE, date(2021, 4, 15)), "strike")
    assert s.date_start == date(2021, 4, 13) and s.modality == "realized", (s.date_start, s.modality, s.clause)


# --- « viser à + infinitif » aims; it strikes nothing ------------------------------------------------------------

AIMS = (
    "Le point sur l'Irak\n\n"
    "Le gouvernement a adopté samedi une loi qui vise à protéger les bases irakiennes.\n"
    "Le plan présenté lundi vise à retirer les instructeurs étrangers d'ici l'été.\n"
)


def test_aiming_to_is_neither_a_strike_nor_a_move():
    evs = events(AIMS, date(2021, 4, 15))
    kinds = {e.event_type for e in evs}
    assert not kinds & {"attack", "strike", "withdrawal"}, [(e.event_type, e.clause) for e in evs]


# --- a toll stated for a dated attack: the statement is the news, the wounds are the attack's -----------------------

TOLL_STATED = (
    "Le point sur l'Irak\n\n"
    "L'état-major a admis jeudi que 40 soldats avaient été blessés après les tirs de drones du 2 mars contre la "
    "base d'Erbil.\n"
    "Le ministère a reconnu vendredi que 12 pilotes avaient été soignés après les tirs de roquettes du 4 mars "
    "contre la base de Harir.\n"
)


def test_a_toll_stated_for_a_dated_attack_is_an_announcement_and_no_new_attack():
    evs = events(TOLL_STATED, date(2022, 3, 26))
    said = sorted(e.date_start for e in evs if e.event_type == "announcement")
    assert said == [date(2022, 3, 24), date(2022, 3, 25)], [(e.event_type, e.date_start, e.clause) for e in evs]
    attacks = {e.date_start for e in evs if e.event_type == "attack"}
    assert attacks == {date(2022, 3, 2), date(2022, 3, 4)}, [(e.event_type, e.date_start, e.clause) for e in evs]


# --- a clause of « au moment où », « lorsque » is at the time of the clause it depends on ---------------------------

AT_THE_TIME = (
    "Le point sur l'Irak\n\n"
    "En mars 2020, Madrid avait rapatrié ses instructeurs, au moment où l'Otan, inquiète des attaques, gelait "
    "ses activités de formation.\n"
)


def test_a_clause_of_au_moment_ou_takes_its_main_clauses_date():
    s = typed(events(AT_THE_TIME, date(2020, 9, 3)), "suspension")
    assert (s.date_start, s.date_end) == (date(2020, 3, 1), date(2020, 3, 31)), (s.date_start, s.clause)


# --- « L'accord est le fruit de… »: the event noun described by a copula is told before; the date is the rest's ------

DESCRIBED = (
    "Le point sur l'Irak\n\n"
    "L'entente est l'aboutissement des travaux d'un comité mixte dont la première réunion s'était tenue en "
    "février à Bagdad.\n"
)


def test_an_event_noun_described_by_a_copula_takes_no_date_of_its_description():
    evs = events(DESCRIBED, date(2024, 9, 28))
    assert "agreement" not in {e.event_type for e in evs}, [(e.event_type, e.date_start, e.clause) for e in evs]
    t = typed(evs, "talks")
    assert t.date_start == date(2024, 2, 1), (t.date_start, t.clause)


# --- « les pourparlers, ouverts le 3 mars, ont été suspendus »: the participle dates the talks, not the pause ------

OPENED_THEN_PAUSED = (
    "Le point sur l'Irak\n\n"
    "Les pourparlers sur le départ des instructeurs, ouverts le 3 mars à Erbil, ont été interrompus par le "
    "gouvernement régional.\n"
)


def test_a_dated_participle_of_opening_dates_the_talks_not_their_suspension():
    evs = events(OPENED_THEN_PAUSED, date(2022, 4, 20))
    t = typed(evs, "talks")
    assert t.date_start == date(2022, 3, 3), (t.date_start, t.clause)
    s = typed(evs, "suspension")
    assert s.date_start != date(2022, 3, 3), (s.date_start, s.clause)


# --- a warrant is a court's act; the killing it names is no new killing ------------------------------------------

WARRANT = (
    "Le point sur l'Irak\n\n"
    "Un juge de Bassora a délivré mercredi un mandat d'arrêt contre trois officiers pour l'assassinat d'un "
    "militant connu.\n"
)


def test_a_warrant_is_an_other_event_and_the_act_it_names_no_new_one():
    evs = events(WARRANT, date(2022, 5, 14))
    assert "killing" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    w = typed(evs, "other")
    assert w.date_start == date(2022, 5, 11), (w.date_start, w.clause)


# --- warplanes of no named country are the coalition's; named foreign jets are not -------------------------------

JETS = (
    "Le point sur l'Irak\n\n"
    "Deux chasseurs-bombardiers ont pilonné mardi un dépôt de munitions près d'Al-Bou Kamal.\n"
    "Des avions de combat turcs ont bombardé jeudi des positions kurdes près de Sinjar.\n"
)


def test_unnamed_warplanes_strike_and_named_foreign_jets_do_not():
    evs = events(JETS, date(2023, 6, 10))
    strikes = [e for e in evs if e.event_type == "strike"]
    assert [e.date_start for e in strikes] == [date(2023, 6, 6)], [(e.event_type, e.date_start, e.clause) for e in evs]


# --- « plus tôt dans le mois » after a day the sentence names: earlier in that day's month ---------------------------

EARLIER_IN_MONTH = (
    "Le point sur l'Irak\n\n"
    "Le 27 octobre, la base de Kirkouk a été cédée à l'armée, après celle de Bassora plus tôt dans le mois.\n"
)


def test_earlier_in_the_month_counts_from_the_day_the_sentence_names():
    x = expr(EARLIER_IN_MONTH, "plus tôt", date(2021, 11, 1))
    assert (x.date_start, x.date_end) == (date(2021, 10, 1), date(2021, 10, 26)), (x.date_start, x.date_end)
    hand = sorted(e.date_start for e in events(EARLIER_IN_MONTH, date(2021, 11, 1)) if e.event_type == "handover")
    assert hand == [date(2021, 10, 1), date(2021, 10, 27)], hand


# --- hypotheses are no acts; a finite clause of its own conjunction is no plan's complement ---------------------------

HYPOTHESES = (
    "Le point sur l'Irak\n\n"
    "Le ministre a prévenu lundi que Téhéran paierait cher en cas d'attaque contre les troupes britanniques.\n"
    "Ankara frappera si les combattants kurdes attaquent encore la frontière, a menacé mardi le président.\n"
)


def test_a_case_considered_is_no_attack():
    evs = events(HYPOTHESES, date(2022, 6, 8))
    assert not {e.event_type for e in evs} & {"attack", "strike"}, [(e.event_type, e.clause) for e in evs]
    assert {e.date_start for e in evs if e.event_type == "announcement"} == {date(2022, 6, 6), date(2022, 6, 7)}


GRANTED = (
    "Le point sur l'Irak\n\nMême si les derniers instructeurs ont quitté Taji jeudi, les patrouilles se poursuivent.\n"
)


def test_a_move_granted_by_meme_si_happened():
    w = typed(events(GRANTED, date(2022, 6, 11)), "withdrawal")
    assert w.date_start == date(2022, 6, 9) and w.modality == "realized", (w.date_start, w.modality)


CONTRAST = (
    "Le point sur l'Irak\n\n"
    "Si les deux premières roquettes ont visé vendredi la Zone verte, la troisième est tombée samedi sur la base "
    "de Balad.\n"
)


def test_si_with_a_past_tense_opposes_two_facts():
    evs = events(CONTRAST, date(2022, 6, 12))
    days = sorted(e.date_start for e in evs if e.event_type == "attack")
    assert date(2022, 6, 10) in days, [(e.event_type, e.date_start, e.modality) for e in evs]


# --- a victory proclaimed is an other event; people fleeing are no forces; « ne … pas pour autant » negates ---------

VICTORY_TOLD = (
    "Le point sur l'Irak\n\n"
    "L'armée irakienne a proclamé mardi la libération complète de la ville de Rawa, dernier bastion jihadiste.\n"
    "Depuis février, quelque 8 000 personnes ont quitté la ville, selon l'ONU.\n"
    "Cette victoire ne signifie pas pour autant le départ des conseillers étrangers.\n"
)


def test_a_victory_proclaimed_is_other_and_no_one_withdraws():
    evs = events(VICTORY_TOLD, date(2017, 11, 18))
    v = typed(evs, "other")
    assert v.date_start == date(2017, 11, 14) and "Victoire" in v.headline, (v.date_start, v.headline)
    assert "withdrawal" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- « commander depuis / jusqu'en » dates the start or the end of a command -----------------------------------------

COMMAND_SPAN = (
    "Le point sur l'Irak\n\n"
    "Le Portugal, qui commande depuis mai 2021 la mission de formation, y a déployé près de 200 militaires.\n"
    "La générale Ana Sousa, qui dirigeait la mission depuis juin 2021, a cédé jeudi sa place à un amiral grec.\n"
)


def test_commanding_since_a_date_is_a_change_of_command_then():
    evs = events(COMMAND_SPAN, date(2022, 3, 5))
    starts = sorted(e.date_start for e in evs if e.event_type == "other")
    assert starts == [date(2021, 5, 1), date(2021, 6, 1)], [(e.event_type, e.date_start, e.clause) for e in evs]
    typed(evs, "deployment")


# --- « ne » alone is expletive (« avant que X n'annonce ») and « ne … que » restricts: neither negates ------------------

EXPLETIVE_NE = (
    "Le point sur l'Irak\n\n"
    "Les tirs s'étaient multipliés avant que la milice n'annonce, le 12 mars, la suspension de ses opérations.\n"
    "L'Espagne n'a rapatrié jeudi que 80 de ses instructeurs.\n"
    "Aucun soldat n'a été blessé vendredi.\n"
)


def test_expletive_and_restrictive_ne_do_not_negate():
    evs = events(EXPLETIVE_NE, date(2022, 3, 19))
    said = [e for e in evs if e.event_type in ("announcement", "suspension") and e.date_start == date(2022, 3, 12)]
    assert said, [(e.event_type, e.date_start, e.clause) for e in evs]
    w = typed(evs, "withdrawal")
    assert w.date_start == date(2022, 3, 17), (w.date_start, w.clause)
    assert not [e for e in evs if e.date_start == date(2022, 3, 18)], [(e.event_type, e.clause) for e in evs]


# --- « prendre pour cible »: prendre's subject and object are the target; a cleft's « qui » is its noun --------------

TAKEN_AS_TARGET = (
    "Le point sur l'Irak\n\nMardi déjà, c'est la base de Harir, au nord d'Erbil, qui avait été prise pour cible.\n"
)


def test_a_site_taken_as_target_in_a_cleft_is_attacked():
    a = typed(events(TAKEN_AS_TARGET, date(2022, 3, 19)), "attack")
    assert a.date_start == date(2022, 3, 15) and "Harir" in a.headline, (a.date_start, a.headline)


# --- the date of a gapped occurrence (« puis, début avril, celle de X ») is never the predicate's own ----------------

GAPPED_LATER = (
    "Le point sur l'Irak\n\n"
    "En mai, l'Otan avait cédé aux forces kurdes ses sites de Dohuk et de Zakho, puis, fin juin, celui de Soran.\n"
)


def test_a_gapped_later_occurrence_keeps_its_date_and_the_first_keeps_its_own():
    days = sorted(
        (e.date_start, e.date_end) for e in events(GAPPED_LATER, date(2021, 9, 1)) if e.event_type == "handover"
    )
    assert days[0] == (date(2021, 5, 1), date(2021, 5, 31)) and days[-1][0] >= date(2021, 6, 20), days


# --- a gerund's subject is its clause's; « leurs alliés » are not the coalition ----------------------------------------

GERUND = (
    "Le point sur l'Irak\n\n"
    "Les États-Unis ont répliqué le 4 mai en bombardant des dépôts de la milice et de ses alliés près de Qaïm.\n"
    "Les Gardiens de la révolution et leurs alliés ont été visés le 6 mai par des drones.\n"
)


def test_a_gerund_strikes_for_its_clauses_subject_and_their_allies_are_not_the_coalition():
    evs = events(GERUND, date(2022, 5, 10))
    s = typed(evs, "strike")
    assert s.date_start == date(2022, 5, 4) and "US" in s.agent, (s.date_start, s.agent)
    assert "attack" not in {e.event_type for e in evs}, [(e.event_type, e.target, e.clause) for e in evs]


# --- soldiers hurt in their own raid: a strike, not an attack on them -----------------------------------------------

OWN_RAID_TOLD = (
    "Le point sur l'Irak\n\n"
    "Deux soldats britanniques ont été blessés mardi lors d'un raid héliporté contre une cache de l'EI.\n"
)


def test_soldiers_hurt_in_their_own_raid_make_a_strike():
    evs = events(OWN_RAID_TOLD, date(2021, 6, 12))
    s = typed(evs, "strike")
    assert s.date_start == date(2021, 6, 8), (s.date_start, s.clause)
    assert "attack" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- civilians brought home are no forces withdrawing; what a target is accused of is not who it is -------------------

BROUGHT_HOME_TOLD = (
    "Le point sur l'Irak\n\n"
    "Mardi, douze enfants et quatre mères détenus dans le camp d'al-Hol ont été rapatriés par un avion danois.\n"
    "Le 3 mai, un raid a visé des miliciens accusés de tirs contre des intérêts américains.\n"
)


def test_civilians_repatriated_are_other_and_an_accusation_is_no_target():
    evs = events(BROUGHT_HOME_TOLD, date(2022, 6, 9))
    kinds = {e.event_type for e in evs}
    assert "withdrawal" not in kinds and "attack" not in kinds, [(e.event_type, e.clause) for e in evs]
    assert typed(evs, "other").date_start == date(2022, 6, 7)


# --- a move that is the passive subject of an order or decision is what is ordered, not done ----------------------------

ORDERED_PASSIVE = (
    "Le point sur l'Irak\n\nLe départ des instructeurs avait été ordonné mardi par le gouvernement néerlandais.\n"
)


def test_a_move_ordered_in_the_passive_is_an_announcement():
    evs = events(ORDERED_PASSIVE, date(2021, 6, 12))
    assert "withdrawal" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    assert typed(evs, "announcement").date_start == date(2021, 6, 8)


# --- a governor's lemma as the verb it is (« réclame » lemmatized as a noun by the tagger) -----------------------------

DEMAND_PRESENT = "Le point sur l'Irak\n\nDepuis, le Premier ministre Ahmed Karim réclame le départ de la coalition.\n"


def test_a_departure_demanded_with_a_mislemmatized_verb_is_no_withdrawal():
    evs = events(DEMAND_PRESENT, date(2024, 1, 16))
    assert "withdrawal" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]


# --- a noun of aim after « pour » is no event; the foreign ministry is not the coalition ------------------------------

RECALLED = (
    "Le point sur l'Irak\n\n"
    "Lundi, le ministère jordanien des Affaires étrangères a annoncé le rappel de son ambassadeur à Bagdad pour "
    "consultations.\n"
)


def test_an_envoy_recalled_for_consultations_is_an_announcement_of_the_ministry():
    evs = events(RECALLED, date(2024, 1, 17))
    assert "talks" not in {e.event_type for e in evs}, [(e.event_type, e.clause) for e in evs]
    a = typed(evs, "announcement")
    assert a.date_start == date(2024, 1, 15) and "coalition" not in a.agent, (a.date_start, a.agent)


# --- a condemnation, a statement neither confirmed nor denied: no announcement ----------------------------------------

JUDGED_ONLY = (
    "Le point sur l'Irak\n\n"
    "Amman a dénoncé jeudi une « violation inacceptable » de son espace aérien.\n"
    "Le ministère n'a ni confirmé ni démenti vendredi ce bilan.\n"
)


def test_condemnations_and_non_statements_are_no_announcements():
    evs = events(JUDGED_ONLY, date(2023, 5, 20))
    assert not evs, [(e.event_type, e.clause) for e in evs]


STATE_RELATIVE = (
    "Le point sur l'Irak\n\n"
    "Des officiers de l'Otan avaient déjà fait part de leur volonté de retirer leurs instructeurs de deux camps sur "
    "les neuf dans lesquels ils sont déployés et opérer un redéploiement de quelques dizaines de leurs hommes.\n"
)


def test_a_relative_clause_in_the_passive_present_does_not_free_a_plan():
    evs = events(STATE_RELATIVE, date(2021, 6, 12))
    assert not {e.event_type for e in evs} & {"redeployment", "withdrawal"}, [
        (e.event_type, e.modality, e.clause) for e in evs
    ]


# --- « prendre fin » ends its subject; a simple conditional with a time ahead is a plan ----------------------------------

ENDED_TOLD = (
    "Le point sur l'Irak\n\n"
    "La mission d'entraînement du contingent norvégien a pris fin en juin 2021.\n"
    "La présence des instructeurs danois prendrait fin en deux temps, d'abord à Bagdad d'ici mai prochain.\n"
)


def test_a_mission_that_took_end_is_a_withdrawal_and_one_to_end_is_no_move():
    evs = events(ENDED_TOLD, date(2022, 9, 29))
    moves = [e for e in evs if e.event_type == "withdrawal"]
    assert [(e.date_start, e.date_end) for e in moves] == [(date(2021, 6, 1), date(2021, 6, 30))], [
        (e.event_type, e.date_start, e.modality, e.clause) for e in evs
    ]


# --- « depuis » with no complement: since the time last told, up to the publication -----------------------------------

SINCE_THEN = (
    "Le point sur l'Irak\n\n"
    "La Suède avait suspendu ses formations le 6 mars. Plusieurs pays nordiques ont depuis rapatrié une partie de "
    "leurs instructeurs.\n"
)


def test_depuis_alone_counts_from_the_time_told_before():
    x = expr(SINCE_THEN, "ont depuis", date(2020, 3, 20))
    assert (x.date_start, x.date_end) == (date(2020, 3, 6), date(2020, 3, 20)), (x.date_start, x.date_end)
    w = typed(events(SINCE_THEN, date(2020, 3, 20)), "withdrawal")
    assert (w.date_start, w.date_end) == (date(2020, 3, 6), date(2020, 3, 20)), (w.date_start, w.date_end)


# --- a date after a fronted participle of taking office is that act's, past, whatever the main clause plans ---------------

INVESTED = (
    "Le point sur l'Irak\n\n"
    "Investi fin mai par les députés, le nouveau Premier ministre devrait se rendre à Paris dans les prochains mois.\n"
)


def test_a_date_after_a_participle_of_office_is_past():
    x = expr(INVESTED, "fin mai", date(2023, 1, 26))
    assert (x.date_start, x.date_end) == (date(2022, 5, 21), date(2022, 5, 31)), (x.date_start, x.date_end)


# --- a crowd's violence (« incendié par la foule ») is a riot: a protest, not an attack or a strike ----------------------

RIOT = "Le point sur l'Irak\n\nLe consulat de Turquie à Mossoul a été incendié par la foule le 12 avril.\n"


def test_a_crowd_burning_a_consulate_is_a_protest():
    evs = events(RIOT, date(2021, 4, 20))
    p = typed(evs, "protest")
    assert p.date_start == date(2021, 4, 12), (p.date_start, p.clause)
    assert not {e.event_type for e in evs} & {"attack", "strike"}, [(e.event_type, e.clause) for e in evs]


# --- troops raised or cut « de N à M », « porter sa mission à N membres »: a move (planned when decided) ----------------

RAISED = (
    "Le point sur l'Irak\n\n"
    "Le Conseil de l'Atlantique nord avait décidé en mars 2022 de faire passer sa mission de conseil de 800 à 2 000 "
    "membres.\n"
    "Berlin a porté son contingent à 600 hommes le 4 avril.\n"
    "Londres a fait passer ses effectifs de 1 400 à 400 soldats en juin.\n"
)


def test_troops_raised_or_cut_to_a_number_are_moves():
    evs = events(RAISED, date(2022, 9, 1))
    decided = [e for e in evs if e.sentence_index == 1]
    assert decided and decided[0].event_type == "announcement", [(e.event_type, e.clause) for e in evs]
    assert (decided[0].date_start, decided[0].date_end) == (date(2022, 3, 1), date(2022, 3, 31)), decided[0].date_start
    d = typed(evs, "deployment")
    assert d.date_start == date(2022, 4, 4), (d.date_start, d.clause)
    w = typed(evs, "withdrawal")
    assert (w.date_start, w.date_end) == (date(2022, 6, 1), date(2022, 6, 30)), (w.date_start, w.clause)


# --- a participle set off by commas tells a past fact of its noun, dated, whatever the main clause plans ----------------

APPOSED = (
    "Le point sur l'Irak\n\n"
    "Le général Karimi, nommé par le gouvernement le 9 janvier, doit présenter son plan au Parlement.\n"
    "Le camp de Besmaya, cédé aux forces irakiennes le 2 janvier, doit devenir une école d'officiers.\n"
    "Visée par trois drones le 5 janvier, la garnison de Harir devra être agrandie.\n"
)


def test_a_participle_between_commas_tells_a_past_dated_fact():
    evs = events(APPOSED, date(2023, 1, 20))
    assert expr(APPOSED, "le 2 janvier", date(2023, 1, 20)).date_start == date(2023, 1, 2)
    h = typed(evs, "handover")
    assert (h.date_start, h.modality) == (date(2023, 1, 2), "realized"), (h.date_start, h.modality, h.clause)
    a = typed(evs, "attack")
    assert (a.date_start, a.modality) == (date(2023, 1, 5), "realized"), (a.date_start, a.modality, a.clause)
    o = typed(evs, "other")
    assert (o.date_start, o.modality) == (date(2023, 1, 9), "realized"), (o.date_start, o.modality, o.clause)


# --- a cleft's relative clause in a past tense tells its own fact (« C'est cette exigence qu'avait formalisée le vote… ») --

CLEFT_VOTE = (
    "Le point sur l'Irak\n\n"
    "C'est précisément cette revendication qu'avait consacrée le vote du Sénat, le 8 mars 2021, trois jours après "
    "l'assassinat à Kerbala du colonel Hadi Amiri par un drone américain.\n"
)


def test_a_cleft_relative_in_the_past_tells_a_dated_fact():
    evs = events(CLEFT_VOTE, date(2022, 6, 1))
    v = typed(evs, "vote")
    assert (v.date_start, v.modality) == (date(2021, 3, 8), "realized"), (v.date_start, v.modality)
    k = typed(evs, "killing")
    assert (k.date_start, k.modality) == (date(2021, 3, 5), "realized"), (k.date_start, k.modality)


# --- a state's forces at war with others than the coalition: violence kept as `other`, no attack nor strike -------------

THIRD_PARTY_WAR = (
    "Le point sur l'Irak\n\n"
    "L'aviation turque a bombardé le 4 mai des positions du PKK dans les monts Qandil, selon Ankara.\n"
)


def test_a_state_striking_others_than_the_coalition_is_other_violence():
    evs = events(THIRD_PARTY_WAR, date(2022, 5, 10))
    o = typed(evs, "other")
    assert o.date_start == date(2022, 5, 4), (o.date_start, o.clause)
    assert not {e.event_type for e in evs} & {"attack", "strike"}, [(e.event_type, e.clause) for e in evs]


# --- « annoncer le retrait / le rapatriement de… » makes a decision known: the announcement, not the move ----------------

ANNOUNCED_MOVE = (
    "Le point sur l'Irak\n\n"
    "Le 3 février, le chancelier avait surpris ses partenaires en annonçant le rapatriement des 150 instructeurs "
    "allemands stationnés à Erbil.\n"
    "Deux semaines plus tard, la ministre des Armées annonce le retrait d'une centaine de soldats du sud du pays.\n"
)


def test_announcing_a_withdrawal_is_the_announcement():
    evs = events(ANNOUNCED_MOVE, date(2021, 3, 1))
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]
    first = [e for e in evs if e.sentence_index == 1 and e.event_type == "announcement"]
    assert first and first[0].date_start == date(2021, 2, 3), [(e.event_type, e.date_start) for e in evs]
    assert [e for e in evs if e.sentence_index == 2 and e.event_type == "announcement"], [
        (e.event_type, e.clause) for e in evs
    ]


# --- « a plus tard annoncé »: after the time last told, up to the publication --------------------------------------------

LATER_ON = (
    "Le point sur l'Irak\n\n"
    "Mi-septembre, des convois américains ont été vus près de Deir ez-Zor. Une radio locale a plus tard affirmé "
    "que 300 soldats avaient franchi la frontière irakienne.\n"
)


def test_plus_tard_alone_counts_from_the_time_told_before():
    x = expr(LATER_ON, "a plus tard", date(2019, 10, 30))
    assert (x.date_start, x.date_end) == (date(2019, 9, 11), date(2019, 10, 30)), (x.date_start, x.date_end)


# --- « Après le retrait…, 80 soldats resteront »: a move that sets the time of what is to come is ahead too ------------

AFTER_THE_MOVE = (
    "Le point sur l'Irak\n\n"
    "Après le départ des troupes danoises de la base, une quarantaine d'experts resteront à Bagdad.\n"
)


def test_a_move_setting_the_time_of_a_future_clause_is_not_done():
    evs = events(AFTER_THE_MOVE, date(2021, 5, 4))
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]


# --- « lancer une opération contre X »: the operation is the violence, no forces sent ------------------------------------

OFFENSIVE = "Le point sur l'Irak\n\nL'armée turque a lancé le 17 avril une opération contre les bases du PKK.\n"


def test_launching_an_operation_against_someone_is_no_deployment():
    evs = events(OFFENSIVE, date(2022, 4, 20))
    assert not [e for e in evs if e.event_type == "deployment"], [(e.event_type, e.clause) for e in evs]
    assert typed(evs, "other").date_start == date(2022, 4, 17)


# --- the narrative present: « Le 2 mai, la Turquie lance une offensive », « dès le 14 mai, Londres fait savoir… » --------

NARRATIVE_PRESENT = (
    "Le point sur l'Irak\n\n"
    "Retour en arrière. Le 2 mai, l'Iran lance une salve de missiles contre la base d'Aïn al-Assad. "
    "Dès le 14 mai, Londres fait savoir qu'il va rapatrier ses instructeurs.\n"
)


def test_the_narrative_present_tells_past_dated_events():
    evs = events(NARRATIVE_PRESENT, date(2021, 5, 28))
    a = typed(evs, "attack")
    assert a.date_start == date(2021, 5, 2), (a.date_start, a.clause)
    said = expr(NARRATIVE_PRESENT, "Dès le 14 mai", date(2021, 5, 28))
    assert said.date_start == date(2021, 5, 14), said.date_start
    n = typed(evs, "announcement")
    assert n.date_start == date(2021, 5, 14), (n.date_start, n.clause)


def test_a_start_in_the_present_tense_is_the_nearer_day():
    text = "Le point sur l'Irak\n\nÀ partir du 3 mars, les vols militaires reprennent à Erbil.\n"
    assert expr(text, "du 3 mars", date(2021, 2, 20)).date_start == date(2021, 3, 3)


# --- drones or missiles shot down: an attack foiled; shot down by the coalition's aircraft: a strike --------------------

SHOT_DOWN = (
    "Le point sur l'Irak\n\n"
    "Le 6 mars, trois drones piégés ont été abattus près de la base de Harir. "
    "Le lendemain, un missile a été abattu par les batteries antiaériennes américaines. "
    "Le 9 mars, un Rafale français a abattu un drone iranien au-dessus de l'Anbar.\n"
)


def test_weapons_shot_down_are_foiled_attacks_unless_a_warplane_strikes():
    evs = events(SHOT_DOWN, date(2021, 3, 12))
    attacks = sorted(e.date_start for e in evs if e.event_type == "attack")
    assert attacks == [date(2021, 3, 6), date(2021, 3, 7)], [(e.event_type, e.date_start, e.clause) for e in evs]
    assert typed(evs, "strike").date_start == date(2021, 3, 9)


def test_a_speaker_re_elected_by_parliament_is_an_event():
    text = "Le point sur l'Irak\n\nLe Parlement a réélu le 11 juin à sa tête le député Ahmad Karim.\n"
    evs = events(text, date(2022, 6, 20))
    assert [e for e in evs if e.date_start == date(2022, 6, 11)], [(e.event_type, e.clause) for e in evs]


# --- the coalition's forces killing someone: its strike (a targeted killing when the victim is named) -------------------

COALITION_KILLS = (
    "Le point sur l'Irak\n\n"
    "Des commandos britanniques ont tué jeudi, au cours d'un raid près de Hit, un émir de l'EI, Abou Saad al-Rawi. "
    "Des soldats américains ont tué trois combattants de l'EI le 2 juin près de Deir ez-Zor.\n"
)


def test_the_coalition_killing_someone_is_its_strike_or_a_killing():
    evs = events(COALITION_KILLS, date(2022, 6, 4))
    by_sentence = {e.sentence_index: e.event_type for e in evs if e.date_start == date(2022, 6, 2)}
    assert by_sentence.get(1) in ("killing", "strike"), [(e.event_type, e.date_start, e.clause) for e in evs]
    assert by_sentence.get(2) == "strike", [(e.event_type, e.date_start, e.clause) for e in evs]


# --- offsets in hours: « quelques heures après X » is X's day or the day after ----------------------------------------

HOURS_AFTER = (
    "Le point sur l'Irak\n\n"
    "Le 4 mars, un drone américain a frappé un entrepôt du Hachd près de Hilla, quelques heures après une attaque à la "
    "roquette contre la base de Harir.\n"
)


def test_an_offset_in_hours_dates_the_event_it_refers_to():
    x = expr(HOURS_AFTER, "quelques heures après", date(2021, 3, 6))
    assert (x.date_start, x.date_end) == (date(2021, 3, 3), date(2021, 3, 4)), (x.date_start, x.date_end)
    a = typed(events(HOURS_AFTER, date(2021, 3, 6)), "attack")
    assert (a.date_start, a.date_end) == (date(2021, 3, 3), date(2021, 3, 4)), (a.date_start, a.date_end, a.clause)


# --- a bombing of civilians (« se sont fait exploser dans un marché, tuant 20 personnes »): other, not dropped -----------

MARKET_BOMBING = (
    "Le point sur l'Irak\n\n"
    "Le 9 avril, un kamikaze s'est fait exploser dans un marché de Sadr City, tuant 20 personnes.\n"
)


def test_a_bombing_of_civilians_is_other_violence():
    evs = events(MARKET_BOMBING, date(2021, 4, 12))
    o = typed(evs, "other")
    assert o.date_start == date(2021, 4, 9), (o.date_start, o.clause)
    assert not [e for e in evs if e.event_type == "protest"], "a market (« marché ») is no march"


def test_bases_transferred_to_the_iraqi_forces_are_a_handover():
    text = "Le point sur l'Irak\n\nLa coalition a transféré en mars aux forces irakiennes deux bases de l'Anbar.\n"
    h = typed(events(text, date(2020, 5, 1)), "handover")
    assert (h.date_start, h.date_end) == (date(2020, 3, 1), date(2020, 3, 31)), (h.date_start, h.clause)


# --- a stance for a move (« son soutien au retrait », « favorable à un départ ») advocates it: no move done -------------

STANCE = (
    "Le point sur l'Irak\n\n"
    "Le Quai d'Orsay a exprimé mardi son soutien au retrait des instructeurs européens. "
    "Plusieurs députés se disent favorables à un départ rapide des soldats italiens.\n"
)


def test_a_stance_for_a_move_is_no_move():
    evs = events(STANCE, date(2021, 6, 18))
    assert not [e for e in evs if e.event_type in ("withdrawal", "redeployment")], [
        (e.event_type, e.clause) for e in evs
    ]


# --- « X, qui avait été reçu mardi à l'Élysée par le président » : a leader receiving someone, in the passive: talks ---

RECEIVED_BY = (
    "Le point sur l'Irak\n\n"
    "Le chef du gouvernement irakien, qui avait été reçu le 7 mars à l'Élysée par le président français, est rentré "
    "à Bagdad.\n"
)


def test_received_by_a_leader_in_the_passive_is_talks():
    t = typed(events(RECEIVED_BY, date(2023, 3, 10)), "talks")
    assert t.date_start == date(2023, 3, 7), (t.date_start, t.clause)


# --- « Ce sont les premiers soldats tués cette année »: a rank among the dead already told, no death of its own ---------

FIRST_DEAD = (
    "Le point sur l'Irak\n\n"
    "Deux soldats canadiens ont été tués samedi par une bombe artisanale près de Kirkouk. "
    "Ce sont les premiers militaires canadiens tués en Irak cette année.\n"
)


def test_the_first_dead_this_year_are_no_new_event():
    evs = events(FIRST_DEAD, date(2021, 6, 14))
    assert [e.date_start for e in evs if e.event_type == "attack"] == [date(2021, 6, 12)], [
        (e.event_type, e.date_start, e.date_end, e.clause) for e in evs
    ]


def test_the_announcement_of_a_withdrawal_as_a_noun_is_the_announcement():
    text = (
        "Le point sur l'Irak\n\n"
        "Le 20 mai, la ministre s'est rendue à Erbil, dix jours après l'annonce par M. Sanchez du rapatriement des "
        "soldats espagnols.\n"
    )
    evs = events(text, date(2020, 5, 22))
    assert not [e for e in evs if e.event_type == "withdrawal"], [(e.event_type, e.clause) for e in evs]
    a = typed(evs, "announcement")
    assert a.date_start == date(2020, 5, 10), (a.date_start, a.clause)


def test_an_active_verb_with_its_subject_has_no_agent_in_par():
    text = (
        "Le point sur l'Irak\n\n"
        "Deux bombardiers B-1 ont frappé jeudi un dépôt de munitions employé, selon le Pentagone, par les Gardiens de "
        "la révolution près d'Al-Mayadine.\n"
    )
    evs = events(text, date(2023, 11, 12))
    s = typed(evs, "strike")
    assert s.date_start == date(2023, 11, 9), (s.date_start, s.clause)
    assert not [e for e in evs if e.event_type == "attack"], [(e.event_type, e.agent, e.clause) for e in evs]


# --- a date closing the sentence after an event noun a preposition of time governs is that noun's ------------


def test_a_date_after_a_noun_governed_by_apres_dates_that_noun_not_the_main_clause():
    text = (
        "Le point sur l'Irak\n\n"
        "Le calendrier des négociations reste flou après la démission du Premier ministre, le 29 novembre.\n"
        "Ce départ des conseillers intervient après la démission du Premier ministre, le 29 novembre.\n"
    )
    evs = events(text, date(2019, 12, 12))
    office = [e for e in evs if e.event_type == "other" and e.sentence_index == 1]
    assert [(e.date_start, e.date_end) for e in office] == [(date(2019, 11, 29), date(2019, 11, 29))], [
        (e.event_type, e.date_start, e.clause) for e in evs
    ]
    moves = [e for e in evs if e.event_type == "withdrawal"]
    assert all(e.date_start != date(2019, 11, 29) for e in moves), [(e.date_start, e.clause) for e in moves]


# --- wars, truces and rulers of the background: dated facts of the article ------------------------------------


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("La guerre au Soudan, déclenchée le 15 avril entre deux généraux, a vidé les ambassades.", date(2023, 4, 15)),
        ("La guerre civile avait éclaté le 15 avril entre l'armée et les paramilitaires.", date(2023, 4, 15)),
        (
            "Le cessez-le-feu entre l'armée et les rebelles, entré en vigueur le 2 juin, reste fragile.",
            date(2023, 6, 2),
        ),
        ("Le président soudanais, renversé le 11 avril par l'armée, est détenu à Khartoum.", date(2023, 4, 11)),
    ],
)
def test_a_war_begun_a_truce_in_force_a_ruler_overthrown_are_dated_background(sentence, day):
    evs = events(f"Le point sur la région\n\nLes diplomates ont quitté le pays. {sentence}\n", date(2023, 7, 20))
    got = [(e.event_type, e.date_start) for e in evs]
    assert ("other", day) in got, got


def test_a_law_is_dated_by_its_coming_into_force_not_by_any_participle():
    evs = events(
        "Le point sur la région\n\nLes sanctions, décidées le 3 mai à Bruxelles, pèsent sur les banques.\n"
        "La loi, entrée en vigueur le 17 juin, vise les entreprises du secteur pétrolier.\n",
        date(2023, 7, 20),
    )
    got = [(e.event_type, e.date_start) for e in evs if e.event_type == "other"]
    assert got == [("other", date(2023, 6, 17))], got
