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
