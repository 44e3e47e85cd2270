"""Event frames: types follow who did what to whom, and how the article tells it (CODEBOOK.md).

The articles of tests/fixtures/frames/ are written for these tests, in the styles of several outlets;
each one holds one trap of the codebook."""

import shutil

import pytest

from tests.conftest import ROOT, make_data_dir

FIXTURES = ROOT / "tests" / "fixtures" / "frames"


@pytest.fixture(scope="module")
def frames_tables(tmp_path_factory):
    from helpers.build import build as make_tables

    extra = {p.name: p.read_bytes() for p in FIXTURES.glob("*.txt")}
    d = make_data_dir(tmp_path_factory.mktemp("frames"), seeds=False, extra=extra)
    shutil.copy(FIXTURES / "sidecar.csv", d / "raw" / "articles.csv")
    return make_tables(d)


def events_of(t, file):
    aid = t.articles.set_index("file").loc[file, "article_id"]
    return t.events[t.events.article_id == aid]


def one(t, file):
    ev = events_of(t, file)
    assert len(ev) == 1, f"{file}: expected one event, got {list(ev.event_type)} from {list(ev.evidence)}"
    return ev.iloc[0]


def test_deaths_in_an_attack_are_the_attack(frames_tables):
    e = one(frames_tables, "afp_roquettes_balad.txt")
    assert e.event_type == "attack", f"soldiers killed by rockets on a base: {e.event_type}"
    assert e.date_start == "2021-05-11" and "balad" in e.place_ids
    assert e.agent == "" and "US" in e.target.split(";"), f"unknown agent, US target: {e.agent!r} / {e.target!r}"


def test_violence_by_us_forces_is_a_strike(frames_tables):
    e = one(frames_tables, "reuters_frappe_milice.txt")
    assert e.event_type == "strike" and e.agent.split(";")[0] == "US", (e.event_type, e.agent)
    assert e.date_start == "2021-05-20"


def test_a_named_leader_targeted_is_a_killing(frames_tables):
    e = one(frames_tables, "presstv_assassinat.txt")
    assert e.event_type == "killing", e.event_type
    assert e.date_start == "2021-05-15"


def test_a_future_move_is_an_announcement_dated_when_said(frames_tables):
    e = one(frames_tables, "f24_plan_retrait.txt")
    assert e.event_type == "announcement" and e.modality == "planned", (e.event_type, e.modality)
    assert e.date_start == "2021-05-10", "the statement's day, not the plan's deadline"


def test_a_demand_is_an_announcement(frames_tables):
    e = one(frames_tables, "rt_demande_depart.txt")
    assert (e.event_type, e.modality) == ("announcement", "demanded")
    assert "PMF" in e.agent.split(";"), e.agent


def test_a_denial_is_an_announcement(frames_tables):
    e = one(frames_tables, "olj_dementi.txt")
    assert (e.event_type, e.modality) == ("announcement", "denied")
    assert e.agent.split(";")[0] == "US"


def test_reported_news_keeps_its_type(frames_tables):
    e = one(frames_tables, "nouvelliste_conditionnel.txt")
    assert (e.event_type, e.modality) == ("withdrawal", "reported")
    assert "UK" in e.agent.split(";") and "taji" in e.place_ids


def test_one_occurrence_told_twice_is_one_event(frames_tables):
    e = one(frames_tables, "lemonde_remise_recit.txt")
    assert e.event_type == "handover" and e.date_start == "2021-05-13" and "k1" in e.place_ids
    assert e.evidence_all.count(" | ") == 1, f"lead and recap both quoted: {e.evidence_all}"
    assert e.headline == "La coalition remet la base K1 aux forces irakiennes", e.headline


def test_two_parties_signing_is_an_agreement(frames_tables):
    e = one(frames_tables, "aa_accord.txt")
    assert e.event_type == "agreement" and {"IQ", "US"} <= set(e.agent.split(";")), (e.event_type, e.agent)


def test_leaving_for_another_place_is_a_redeployment(frames_tables):
    e = one(frames_tables, "rfi_redeploiement.txt")
    assert e.event_type == "redeployment" and e.agent == "IT", (e.event_type, e.agent)


def test_undated_events_are_kept_apart(frames_tables):
    t = frames_tables
    aid = t.articles.set_index("file").loc["sputnik_sans_date.txt", "article_id"]
    assert not (t.events.article_id == aid).any(), "no date fixed by the text: not in events.csv"
    u = t.undated[t.undated.article_id == aid]
    assert list(u.event_type) == ["attack"] and "ain-al-asad" in u.iloc[0].place_ids
    assert u.iloc[0].evidence.startswith("Des roquettes se sont abattues")


def test_chronology_rows_have_headlines(frames_tables):
    ch = frames_tables.chronology
    assert (ch.headline.str.len() > 5).all()
    assert "La coalition remet la base K1 aux forces irakiennes" in set(ch.headline)


# --- how the article tells its story: tense, anaphora, statements (articles written for these tests) ----------


def test_an_undated_clause_in_the_passe_compose_tells_the_days_news(frames_tables):
    ev = events_of(frames_tables, "afp_harir_recit.txt")
    salve = ev[ev.evidence.str.contains("deuxième salve")]
    assert list(salve.date_start) == ["2022-04-03"], f"the story's day (« dimanche soir »): {list(salve.date_start)}"


def test_a_plus_que_parfait_tells_an_earlier_occurrence(frames_tables):
    t = frames_tables
    ev = events_of(t, "afp_harir_recit.txt")
    assert not ev.evidence_all.str.contains("avait déjà été visée").any(), "an earlier attack merged into the news"
    aid = t.articles.set_index("file").loc["afp_harir_recit.txt", "article_id"]
    u = t.undated[t.undated.article_id == aid]
    assert u.evidence.str.contains("avait déjà été visée").any(), "the earlier attack is kept, undated"


def test_a_definite_event_noun_is_the_occurrence_already_told(frames_tables):
    ev = events_of(frames_tables, "lemonde_harir_anaphore.txt")
    attacks = ev[ev.event_type == "attack"]
    assert list(attacks.date_start) == ["2022-06-06"], list(zip(attacks.date_start, attacks.evidence))
    assert "L'attaque contre Harir" in attacks.iloc[0].evidence_all, "« l'attaque » is Monday's attack"


def test_a_dated_statement_about_a_told_event_is_an_announcement_beside_it(frames_tables):
    ev = events_of(frames_tables, "xinhua_balad_bilan.txt")
    assert sorted(ev.event_type) == ["announcement", "attack"], list(ev.event_type)
    said = ev[ev.event_type == "announcement"].iloc[0]
    assert said.date_start == "2021-11-09" and said.agent == "coalition", (said.date_start, said.agent)
    attack = ev[ev.event_type == "attack"].iloc[0]
    assert "au cours de cette attaque" in attack.evidence_all, "the statement's content is the attack already told"


def test_a_dated_statement_that_tells_no_event_is_an_announcement(frames_tables):
    e = one(frames_tables, "reuters_effectifs_syrie.txt")
    assert (e.event_type, e.date_start, e.agent) == ("announcement", "2022-05-19", "US"), (e.event_type, e.date_start)


def test_the_press_reporting_is_no_partys_statement(frames_tables):
    ev = events_of(frames_tables, "reuters_effectifs_syrie.txt")
    assert not (ev.date_start == "2022-05-21").any(), "« la télévision d'État a affirmé samedi… » made an event"


def test_a_statement_of_what_is_to_come_is_an_announcement(frames_tables):
    e = one(frames_tables, "olj_belgique_maintien.txt")
    assert (e.event_type, e.modality, e.date_start) == ("announcement", "planned", "2022-10-12"), (
        e.event_type,
        e.modality,
        e.date_start,
    )
    assert e.agent.split(";")[0] == "BE", e.agent


def test_a_conditional_in_a_past_statement_is_a_plan(frames_tables):
    e = one(frames_tables, "f24_depart_conditionnel.txt")
    assert (e.event_type, e.modality, e.date_start) == ("announcement", "planned", "2023-03-13"), (
        e.event_type,
        e.modality,
    )


def test_rockets_launched_at_a_base_are_an_attack(frames_tables):
    e = one(frames_tables, "rt_taji_lancees.txt")
    assert (e.event_type, e.date_start) == ("attack", "2022-09-09") and "taji" in e.place_ids, (
        e.event_type,
        e.place_ids,
    )


def test_unclaimed_violence_against_a_militia_is_a_strike_not_an_attack(frames_tables):
    e = one(frames_tables, "aa_frappe_convoi.txt")
    assert (e.event_type, e.date_start) == ("strike", "2023-08-16"), e.event_type
    assert e.agent == "" and "PMF" in e.target.split(";"), (e.agent, e.target)


def test_a_death_in_an_accident_is_other_not_an_attack(frames_tables):
    e = one(frames_tables, "rmc_accident_route.txt")
    assert (e.event_type, e.date_start) == ("other", "2023-05-20"), e.event_type


def test_troops_deployed_is_a_presence_not_an_event(frames_tables):
    e = one(frames_tables, "leparisien_renforts.txt")
    assert (e.event_type, e.date_start) == ("deployment", "2022-02-14"), (e.event_type, e.evidence)
    assert "supplémentaires" in e.evidence, "the reinforcement is the event, not « 800 soldats sont déployés »"


def test_talking_with_the_troops_on_a_visit_is_no_talks(frames_tables):
    ev = events_of(frames_tables, "ouestfrance_visite.txt")
    assert "talks" not in set(ev.event_type), list(zip(ev.event_type, ev.evidence))
    assert ev[ev.event_type == "other"].date_start.tolist() == ["2022-12-20"]


def test_an_operation_launched_is_a_deployment(frames_tables):
    ev = events_of(frames_tables, "ouestfrance_visite.txt")
    launched = ev[ev.evidence.str.startswith("Lancée")]
    assert list(launched.event_type) == ["deployment"] and launched.iloc[0].date_start == "2014-09-01", list(
        launched.event_type
    )


def test_a_statements_headline_says_what_it_says(frames_tables):
    e = one(frames_tables, "reuters_effectifs_syrie.txt")
    assert (
        e.headline
        == "Les États-Unis annoncent que les effectifs américains en Syrie s'élevaient désormais à 900 militaires"
    ), e.headline


def test_headlines_read_as_french(frames_tables):
    """Contractions (« du commandant »), a place said once, a victim's full name."""
    assert (
        one(frames_tables, "leparisien_renforts.txt").headline == "L'Italie déploie 200 soldats supplémentaires à Erbil"
    )
    killing = one(frames_tables, "presstv_assassinat.txt").headline
    assert killing.startswith("Assassinat du commandant Ali Hamid al-Zaidi"), killing


def test_n_days_after_an_event_the_article_dated_counts_from_that_event(frames_tables):
    ev = events_of(frames_tables, "lorient_vote_apres.txt")
    vote = ev[ev.event_type == "vote"]
    assert list(vote.date_start) == ["2021-03-11"], f"three days after the 8 March killing: {list(vote.date_start)}"


def test_losing_ones_life_in_an_accident_is_a_death_not_an_attack(frames_tables):
    e = one(frames_tables, "bfm_perdu_la_vie.txt")
    assert (e.event_type, e.date_start) == ("other", "2022-11-17"), (e.event_type, e.date_start)
    assert e.headline.startswith("Mort d'un caporal britannique"), e.headline


def test_drones_launched_at_a_base_and_shot_down_are_an_attack(frames_tables):
    ev = events_of(frames_tables, "rtbf_anniversaire.txt")
    attack = ev[ev.event_type == "attack"]
    assert list(attack.date_start) == ["2023-05-09"], list(zip(ev.event_type, ev.date_start))
    assert attack.iloc[0].headline == "Attaque de drone contre la base aérienne de Harir", attack.iloc[0].headline


def test_an_anniversary_dates_its_event_years_before(frames_tables):
    ev = events_of(frames_tables, "rtbf_anniversaire.txt")
    killing = ev[ev.event_type == "killing"]
    assert list(killing.date_start) == ["2020-05-09"], "three years before the news's day, not the news's day"


def test_being_heard_is_no_agreement_and_a_march_is_a_protest(frames_tables):
    ev = events_of(frames_tables, "lesoir_defile_sadristes.txt")
    types = list(ev.event_type)
    assert "agreement" not in types, f"« se faire entendre » (to be heard) read as « s'entendre » (to agree): {types}"
    got = ev[ev.event_type == "protest"]
    assert len(got) == 1, f"« ont défilé pour réclamer… » is a march (protest), got {types}"
    assert got.iloc[0].date_start == "2022-03-11", f"the march is dated vendredi: {got.iloc[0].date_start}"


def test_the_claim_of_an_attack_told_before_is_an_announcement(frames_tables):
    ev = events_of(frames_tables, "afp_harir_revendique.txt")
    claim = ev[ev.evidence.str.contains("revendiquée")]
    assert list(claim.event_type) == ["announcement"], (
        f"« l'attaque a été revendiquée par X » is a claim (announcement), not the attack again: "
        f"{list(claim.event_type)} from {list(ev.evidence)}"
    )
    assert list(ev[ev.event_type == "attack"].date_start) == ["2022-06-07"], list(ev.event_type)


def test_no_claim_is_no_announcement(frames_tables):
    ev = events_of(frames_tables, "rfi_sans_revendication.txt")
    assert list(ev.event_type) == ["attack"], (
        f"« aucun groupe n'a revendiqué l'attaque » states no claim: {list(ev.event_type)} from {list(ev.evidence)}"
    )


def test_a_definite_event_noun_naming_a_site_is_the_occurrence_told_there(frames_tables):
    """« Le retrait de Balad intervient … » is the withdrawal from Balad the lead dated, not the handover of
    another base told in the sentence just before it."""
    ev = events_of(frames_tables, "lecho_deux_bases.txt")
    moves = ev[ev.event_type.isin(["withdrawal", "handover"])]
    shown = moves[["date_start", "date_end", "event_type", "headline"]].to_string()
    balad = moves[moves.headline.str.contains("Balad")]
    k1 = moves[moves.headline.str.contains("K1")]
    assert len(balad) >= 1 and set(balad.date_start.astype(str)) == {"2022-03-15"}, shown
    assert len(k1) == 1 and str(k1.date_start.iloc[0]) == "2022-02-11", shown


def test_a_reported_agreement_on_a_withdrawal_is_the_agreement_not_the_move(frames_tables):
    """« auraient conclu un accord de principe sur le retrait … »: an agreement (reported, told as a claim, keeps its
    type); the withdrawal is what is agreed, not a withdrawal done."""
    ev = events_of(frames_tables, "lorient_accord_rapporte.txt")
    shown = ev[["date_start", "event_type", "modality", "headline"]].to_string()
    assert "agreement" in set(ev.event_type) and "withdrawal" not in set(ev.event_type), shown
    assert str(ev[ev.event_type == "agreement"].date_start.iloc[0]) == "2023-05-09", shown
