"""The reference timeline: its rows, and how the text names them."""

import csv
from datetime import date

import pytest

from helpers.extract.timeline import TIMELINE_FILE, Timeline, _lookahead_stops

from .conftest import DATA

TIMELINE = Timeline.load(DATA / "reference")


def test_every_row_loads_and_has_a_source():
    with open(DATA / "reference" / TIMELINE_FILE, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(TIMELINE.entries) == len(rows), "a row of timeline.csv failed to load"
    for e in TIMELINE.entries:
        assert e.source.startswith("https://"), f"{e.id}: no source"
        assert e.since <= e.start and (e.end is None or e.start <= e.end), f"{e.id}: dates out of order"
        assert e.kind in ("office", "event"), e.id


def test_a_malformed_row_is_left_out(tmp_path):
    (tmp_path / TIMELINE_FILE).write_text(
        "id,kind,since,start,end,outgoing,words,names,cue,scope,by_day_month,what,source\n"
        "ok,event,2020-01-03,2020-01-03,,,soleimani,soleimani,,sentence,yes,x,https://example.org\n"
        "bad-date,event,2020-13-03,2020-01-03,,,x,x,,sentence,,x,https://example.org\n"
        "bad-regex,event,2020-01-03,2020-01-03,,,x,(unclosed,,sentence,,x,https://example.org\n",
        encoding="utf-8",
    )
    assert [e.id for e in Timeline.load(tmp_path).entries] == ["ok"]


def test_every_row_is_found_through_its_words():
    for e in TIMELINE.entries:
        assert e.words, f"{e.id}: no words to look for"


def test_no_file_no_timeline(tmp_path):
    assert Timeline.load(tmp_path).find("Le président américain Joe Biden a parlé.") == []


def roles(text):
    """(first entry, role) of each reference; a person's terms come together ("trump-1" and "trump-2")."""
    return [(r.entries[0].id, r.role) for r in TIMELINE.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le président américain Joe Biden a signé l'accord.", [("biden", "holder")]),
        ("Le chef du Pentagone, Mark Esper, a déclaré à Kaboul.", [("esper", "holder")]),
        ("Mark Esper, le chef du Pentagone, a déclaré à Kaboul.", [("esper", "holder")]),
        ("L'ancien président américain Barack Obama a parlé.", [("obama", "former")]),
        ("l'ex-Premier ministre Moustafa al-Kazimi", [("kadhimi", "former")]),
        ("le président alors en exercice, Donald Trump", []),  # the title is not next to the name
        ("Donald Trump, alors président des États-Unis, a ordonné la frappe.", [("trump-1", "then")]),
        ("le président sortant Donald Trump", [("trump-1", "outgoing")]),
        ("le Premier ministre démissionnaire Adel Abdel-Mahdi", [("abdul-mahdi", "outgoing")]),
        ("le président élu Joe Biden", [("biden", "elect")]),
        ("Joe Biden a parlé.", []),  # a name without its title dates nothing
    ],
)
def test_how_an_office_holder_is_named(text, expected):
    got = sorted(set(roles(text)))
    assert got == sorted(expected), f"{text!r}: {got}"


@pytest.mark.parametrize(
    "text, entry",
    [
        ("L'assassinat de Qassem Soleimani a changé la donne.", "soleimani-killing"),
        ("Soleimani a été tué par un drone américain.", "soleimani-killing"),
        ("Des missiles iraniens ont frappé la base d'Aïn al-Assad.", "iran-missiles-2020"),
        ("Un sous-traitant américain a été tué dans l'attaque de la base K1.", "k1-attack"),
        ("Une attaque de drone a tué trois soldats américains en Jordanie.", "tower-22"),
        ("la pandémie de Covid-19", "covid-name"),
        # the 2020 handovers of the coalition's bases, named with the act and the Iraqi side
        ("La coalition a remis dimanche la base K-1 aux forces irakiennes.", "handover-k1"),
        ("Le camp de Taji a été rendu à l'armée irakienne lors d'une cérémonie.", "handover-taji"),
        ("la rétrocession d'al-Qaïm aux forces de sécurité irakiennes", "handover-al-qaim"),
        ("La base de Qayyarah, cédée aux forces irakiennes, est désormais vide.", "handover-qayyarah"),
        ("Les Américains ont remis la base d'al-Taqaddum, près de Habbaniyah, aux Irakiens.", "handover-taqaddum"),
        ("Les alliés ont décidé de faire passer la mission de 500 à 4 000 formateurs.", "nato-mission-4000"),
        ("L'OTAN a approuvé l'envoi de 4 000 instructeurs en Irak.", "nato-mission-4000"),
        (
            "Les alliés ont validé l'extension de la mission, forte de 500 formateurs, qui passera à 4 000.",
            "nato-mission-4000",
        ),
        (
            "Une salve de roquettes tirée sur Erbil a tué un sous-traitant philippin de la coalition.",
            "erbil-attack-2021",
        ),
        (
            "L'attentat-suicide aux portes de l'aéroport de Kaboul a tué 13 militaires américains.",
            "kabul-airport-bombing",
        ),
    ],
)
def test_an_event_named_with_its_words(text, entry):
    assert entry in [i for i, _ in roles(text)], roles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le général Qassem Soleimani commande la force al-Qods.",  # alive: no killing named
        "La base K1 a été visée par des roquettes.",  # no contractor killed: another attack on K1
        "Le roi de Jordanie a reçu le ministre.",
        # a base without its handover to the Iraqi side: the soldiers moved, or another party received it
        "L'Allemagne a transféré ses soldats de Taji vers la Jordanie, loin des forces irakiennes.",
        "La base K1 a été remise aux conseillers américains en 2016.",
        "Des roquettes ont visé la base de Qayyarah, où sont stationnées des forces irakiennes.",
        # the figures before the ministers' decision, or another deployment of the Alliance
        "Selon l'OTAN, la mission en Irak pourrait passer de 500 à 4 000 personnels.",
        "L'OTAN a décidé d'envoyer 4 000 soldats supplémentaires sur son flanc est.",
        # another attack on Erbil (no contractor killed), a contractor killed elsewhere and troops sent to Erbil
        "Des drones ont visé l'aéroport d'Erbil sans faire de victime.",
        "Un sous-traitant a été tué à Bassora, et les soldats ont été envoyés vers Erbil.",
        # another attack in Kabul
        "Un attentat a frappé un ministère à Kaboul, faisant six morts.",
    ],
)
def test_words_that_do_not_name_the_event(text):
    assert roles(text) == [], roles(text)


def test_windows_come_from_the_rows_dates():
    esper = next(e for e in TIMELINE.entries if e.id == "esper")
    assert (esper.start, esper.end) == (date(2019, 6, 24), date(2020, 11, 9))


LOOKAHEAD_ROWS = (
    "id,kind,since,start,end,outgoing,words,names,cue,scope,by_day_month,what,source\n"
    "vote,event,2020-01-05,2020-01-05,,,parlement,parlement,"
    r"(?=[^\n]*\bvote)(?=[^\n]*\btroupes),paragraph,,x,https://example.org" + "\n"
)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Le parlement a tenu séance. Le vote sur les troupes a eu lieu.", True),  # both cue words after the name
        ("Sur les troupes, un vote au parlement.", True),  # both before it
        ("Le parlement a voté.\nLes troupes partent.", False),  # another paragraph: not in the name's scope
        ("Le vote du parlement.\nLes troupes partent.", False),  # one cue word only in the name's paragraph
    ],
)
def test_a_cue_made_of_lookaheads_is_looked_for_in_the_whole_scope(tmp_path, text, found):
    (tmp_path / TIMELINE_FILE).write_text(LOOKAHEAD_ROWS, encoding="utf-8")
    refs = Timeline.load(tmp_path).find(text)
    assert bool(refs) is found, f"{text!r}: the cue's words are{'' if found else ' not'} in the name's paragraph"


@pytest.mark.parametrize(
    "cue, stops",
    [
        (r"(?=[^\n]*vote)(?=[^.]*troupes)", "\n."),
        (r"(?=[^\n]*vote)troupes", None),  # a word outside a lookahead: only a search finds where it starts
        (r"(?=[^\n]+vote)", None),  # a run that must take a character
        (r"(?i)(?=[^x]*vote)", None),  # a stop's other case would stop the run too
        (r"(?=[^\n]*(vote))(?=[^\n]*\1)", None),  # a back reference
        (r"vote|troupes", None),
    ],
)
def test_which_cues_are_tried_at_the_window_start_only(cue, stops):
    assert _lookahead_stops(cue) == stops, f"{cue}: stops {_lookahead_stops(cue)!r}, expected {stops!r}"
