"""Events on articles written in other outlets' styles (tests/fixtures/heldout*/), one behaviour of the codebook
per test: dated events told as noun phrases or participles, violence that is not against the coalition,
funerals, taking office, crashes, pauses for the pandemic, statements with a date, « au même moment »...

The two folders hold gold.json files in the development set's format, coded before the extraction was run on
them: ``python -m helpers evaluate --gold tests/fixtures/heldout`` scores the whole of each."""

import csv
import json

import pytest

from tests.conftest import ROOT, make_data_dir

FOLDERS = [ROOT / "tests" / "fixtures" / "heldout", ROOT / "tests" / "fixtures" / "heldout2"]


@pytest.fixture(scope="module")
def heldout(tmp_path_factory):
    """The tables of both folders' articles, each with its gold publication date as the sidecar's."""
    from helpers.build import build

    extra, rows = {}, []
    for folder in FOLDERS:
        for a in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]:
            name = a["file"].split("/")[-1]
            extra[name] = (folder / a["file"]).read_bytes()
            rows.append([name, a["publication_date"]])
    d = make_data_dir(tmp_path_factory.mktemp("heldout"), seeds=False, extra=extra)
    with (d / "raw" / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "published"])
        w.writerows(rows)
    return build(d)


def events_of(t, file):
    aid = t.articles.set_index("file").loc[file, "article_id"]
    return t.events[t.events.article_id == aid]


def on(t, file, day):
    """The types of the article's events whose date span holds ``day``."""
    ev = events_of(t, file)
    return sorted(ev[(ev.date_start <= day) & (ev.date_end >= day)].event_type)


def told(t, file, words):
    """(type, first day) of the article's events whose clause holds ``words``."""
    ev = events_of(t, file)
    ev = ev[ev.clause.str.contains(words, regex=False)]
    return sorted(zip(ev.event_type, ev.date_start))


def test_event_ids_are_unique(heldout):
    """A cause, a statement and a dated noun phrase told beside one clause each get an id of their own (two
    alike made the export fail)."""
    ids = heldout.events.event_id
    assert not ids.duplicated().any(), list(ids[ids.duplicated()])


def test_a_noun_phrase_dated_on_its_own(heldout):
    """« a salué lundi l'entente trouvée vendredi »: the agreement on Friday, the statement on Monday."""
    f = "afp_accord_fin_mission.txt"
    assert "agreement" in on(heldout, f, "2024-09-27"), on(heldout, f, "2024-09-27")
    assert "announcement" in on(heldout, f, "2024-09-30"), on(heldout, f, "2024-09-30")


def test_a_participle_clause_dates_its_own_event(heldout):
    """« des frappes américaines le 25 février » after « avait tué… provoquant »: that day, a strike."""
    assert "strike" in on(heldout, "lemonde_dialogue_strategique.txt", "2021-02-25")


def test_a_participle_after_a_comma_is_said_of_the_noun_before(heldout):
    """« des portraits de Soleimani et d'al-Mouhandis, tués le 3 janvier par une frappe »: a killing that day;
    the march keeps its own day."""
    f = "almanar_marche_sadr.txt"
    assert on(heldout, f, "2020-01-03") == ["killing"], on(heldout, f, "2020-01-03")
    assert "protest" in on(heldout, f, "2020-01-24")


def test_a_dated_event_after_apres_in_a_noun_phrase(heldout):
    """« moins d'un mois après l'assassinat à Bagdad, le 4 janvier, d'un commandant »: the date set off by
    commas is the killing's."""
    assert "killing" in on(heldout, "presstv_tour22.txt", "2024-01-04")


@pytest.mark.parametrize(
    "file, words, day",
    [
        ("lemonde_kazimi_drone.txt", "la résidence du premier ministre", "2021-11-06"),
        ("presstv_tour22.txt", "attentat-suicide revendiqué", "2024-01-03"),
        ("radiocanada_pandemie_formation.txt", "vol 752", "2020-01-08"),
    ],
)
def test_violence_not_against_the_coalition_is_other(heldout, file, words, day):
    """A drone on the prime minister's residence, a bombing at a ceremony in Iran, an airliner shot down."""
    got = told(heldout, file, words)
    assert ("other", day) in got and not any(t == "attack" for t, _ in got), got


@pytest.mark.parametrize(
    "file, day",
    [
        ("presstv_tour22.txt", "2024-01-25"),
        ("xinhua_parlement_vote.txt", "2020-01-04"),
        ("20minutes_funerailles_teheran.txt", "2020-01-06"),
    ],
)
def test_funerals_are_other(heldout, file, day):
    assert on(heldout, file, day) == ["other"], on(heldout, file, day)


def test_taking_office_is_other(heldout):
    """« Investi le 27 octobre », « depuis son arrivée à la tête du gouvernement, en mai 2020 »."""
    assert "other" in on(heldout, "figaro_crash_soudani.txt", "2022-10-27")
    assert "other" in on(heldout, "lemonde_kazimi_drone.txt", "2020-05-15")


def test_a_general_election_is_other_not_a_vote(heldout):
    assert on(heldout, "lemonde_kazimi_drone.txt", "2021-10-10") == ["other"]


def test_a_helicopter_crash_is_other(heldout):
    assert on(heldout, "figaro_crash_soudani.txt", "2022-11-15") == ["other"]


def test_a_change_of_commander_is_no_handover(heldout):
    """« a cédé le commandement de la mission à son homologue italien »: the same force keeps it."""
    assert on(heldout, "opex360_nmi_commandement.txt", "2022-05-10") == ["other"]


def test_a_pause_for_the_pandemic_is_a_suspension(heldout):
    """« réduites au minimum au printemps de la même année en raison de la pandémie »."""
    assert "suspension" in on(heldout, "opex360_nmi_commandement.txt", "2020-04-15")
    assert "withdrawal" not in on(heldout, "opex360_nmi_commandement.txt", "2020-04-15")


def test_a_drone_intercepted_by_the_coalition_is_an_attack(heldout):
    assert told(heldout, "rfi_renforts_dates.txt", "intercepté") == [("attack", "2023-06-14")]


@pytest.mark.parametrize(
    "file, day, etype",
    [
        ("aa_suspension_rotation.txt", "2020-09-20", "strike"),
        ("rfi_renforts_dates.txt", "2023-06-08", "attack"),
        ("xinhua_parlement_vote.txt", "2020-01-05", "suspension"),
    ],
)
def test_at_the_same_moment_takes_the_date_just_told(heldout, file, day, etype):
    assert etype in on(heldout, file, day), on(heldout, file, day)


def test_a_dated_statement_is_an_announcement(heldout):
    """« a indiqué le 3 mai que Rome n'avait aucune intention de réduire… »: that day's statement, and no
    withdrawal (another party's withdrawal told before is not what it says)."""
    f = "opex360_nmi_commandement.txt"
    assert on(heldout, f, "2022-05-03").count("announcement") == 1, on(heldout, f, "2022-05-03")
    ev = events_of(heldout, f)
    assert not ((ev.event_type == "withdrawal") & ev.agent.str.contains("IT")).any()


def test_a_government_adopting_a_draft_is_no_vote(heldout):
    f = "lefigaro_bundestag_mandat.txt"
    assert on(heldout, f, "2022-10-05") == ["announcement"], on(heldout, f, "2022-10-05")
    assert on(heldout, f, "2022-10-20") == ["vote"], on(heldout, f, "2022-10-20")


def test_a_unit_repatriated_is_a_withdrawal_whatever_its_destination(heldout):
    """« rapatriée vers la France »: going home is leaving, not a move to another place of the theatre."""
    ev = events_of(heldout, "afp_mossoul_depart.txt")
    fr = ev[ev.agent.str.contains("FR")]
    assert list(fr.event_type) == ["withdrawal"], list(fr.event_type)


def test_each_occurrence_a_pronoun_stands_for(heldout):
    """« la troisième base cédée ce mois-ci, après celles d'al-Qaïm, le 17 mars, et de Qayyarah, le 26 mars »."""
    f = "ouestfrance_remise_k1.txt"
    assert "handover" in on(heldout, f, "2020-03-17") and "handover" in on(heldout, f, "2020-03-26")


def test_a_title_the_lead_does_not_retell_is_the_day_s_news(heldout):
    """« La Belgique rapatrie ses F-16 de Jordanie » over a lead that says the jets landed."""
    assert "withdrawal" in on(heldout, "lesoir_belgique_f16.txt", "2022-10-07")


def test_a_dateline_with_a_region_is_no_place_of_the_events(heldout):
    """« MOSSOUL (Irak), 4 juin 2022 (AFP) - »: where the story was filed, not where the advisers left."""
    ev = events_of(heldout, "afp_mossoul_depart.txt")
    assert not ev.place_ids.str.contains("mosul").any(), list(ev.place_ids)


def test_soleimani_is_no_town(heldout):
    ev = events_of(heldout, "presstv_tour22.txt")
    assert not ev.place_ids.str.contains("sulaymaniyah").any(), list(ev.place_ids)
