"""Events and the merged chronology: what a careful reader finds in the seeds, and unseen articles."""

import pytest

from helpers.read.corpus import load_corpus

from .conftest import DATA


def rows(t, etype=None, start=None, end=None):
    ch = t.chronology
    if etype:
        types = etype if isinstance(etype, (list, tuple)) else [etype]
        ch = ch[
            ch.event_type.isin(types) | ch.mention_types.str.split(";").apply(lambda ts: bool(set(ts) & set(types)))
        ]
    if start:
        ch = ch[ch.date_end >= start]
    if end:
        ch = ch[ch.date_start <= end]
    return ch


def test_soleimani_killing_is_one_row(seed_tables):
    k = rows(seed_tables, "killing", "2020-01-01", "2020-01-10")
    assert len(k) == 1
    r = k.iloc[0]
    assert (r.date_start, r.date_end, r.precision) == ("2020-01-03", "2020-01-03", "day")
    assert r.n_articles >= 4 and r.n_outlets >= 4


def test_expected_seed_events(seed_tables):
    t = seed_tables
    assert len(rows(t, "strike", "2019-12-29", "2019-12-29")) == 1
    attacks = rows(t, "attack", "2020-01-04", "2020-01-04")
    assert attacks.place_ids.str.contains("balad").any() and attacks.place_ids.str.contains("green-zone").any()
    vote = rows(t, "vote", "2020-01-05", "2020-01-05")
    assert len(vote) == 1 and vote.iloc[0].n_articles >= 2
    assert len(rows(t, "suspension", "2020-01-01", "2020-01-31")) >= 1
    qaim = rows(t, ["withdrawal", "handover"], "2020-03-19", "2020-03-19")
    assert qaim.place_ids.str.contains("al-qaim").any()
    taji = rows(t, "attack", "2020-03-01", "2020-03-31")
    assert taji.place_ids.str.contains("taji").any()
    ev = t.events
    cz = ev[(ev.date_start == "2020-03-24") & ev.actors.str.contains("tchèque")]
    assert len(cz) == 1
    fr = ev[(ev.event_type == "withdrawal") & (ev.date_start == "2020-03-25") & ev.actors.str.contains("France")]
    assert len(fr) >= 1
    merged = t.chronology[t.chronology.event_ids.apply(lambda s: bool(set(s.split(";")) & set(fr.event_id)))]
    assert len(merged) == 1
    assert len(rows(t, "agreement", "2021-07-26", "2021-07-26")) == 1
    end = ev[ev.evidence.str.contains("fin des missions de combat") & (ev.date_start >= "2021-07-01")]
    assert len(end) >= 1 and (end.date_end <= "2021-12-31").all()
    assert len(rows(t, ["agreement", "talks"], "2024-01-25", "2024-01-25")) >= 1


def test_nothing_dated_from_photo_credits(seed_tables):
    ev = seed_tables.events
    assert not ev.date_text.str.contains("AFP|©").any()
    assert not ev.evidence.str.contains("©").any()


def test_every_row_is_traceable(seed_tables):
    ch, ev = seed_tables.chronology, seed_tables.events
    ids = set(ev.event_id)
    for r in ch.itertuples():
        assert set(r.event_ids.split(";")) <= ids
        assert r.n_articles == len(set(ev[ev.event_id.isin(r.event_ids.split(";"))].article_id))
    assert (ev.evidence.str.len() > 10).all()
    text = " ".join(load_corpus(DATA).text)
    assert all(e in text for e in ev.evidence)  # verbatim sentences


def test_dates_written_for_readers(seed_tables):
    ch = seed_tables.chronology
    assert "3 janv. 2020" in set(ch.display_date)
    assert any(d.startswith("début janv.") or d == "mars 2020" or "–" in d for d in ch.display_date)


def test_unseen_articles_extend_the_chronology(extended_tables, seed_tables):
    ch = extended_tables.chronology
    assert len(ch) > len(seed_tables.chronology)
    ain = rows(extended_tables, "attack", "2020-10-13", "2020-10-13")
    assert ain.place_ids.str.contains("ain-al-asad").any()
    assert rows(extended_tables, "withdrawal", "2020-03-29", "2020-03-29").place_ids.str.contains("k1").any()
    assert rows(extended_tables, "handover", "2020-08-01", "2020-08-31").place_ids.str.contains("taji").any()
    erbil = rows(extended_tables, "attack", "2021-03-01", "2021-03-02")
    assert erbil.place_ids.str.contains("erbil").any()
    assert rows(extended_tables, "vote", "2021-09-12", "2021-09-12").place_ids.str.contains("harir").any()
    # the AFP article's mention of the Soleimani killing is not a new row
    assert len(rows(extended_tables, "killing", "2020-01-01", "2020-01-10")) == 1


def _event(ev, etype, start, place=None, end=None):
    """Mentions of type ``etype`` starting on ``start`` (ending on ``end``, when given) at ``place``: a place
    id, or ``~text`` for any place id holding ``text`` (al-qaim as well as al-qaim-town)."""
    m = (ev.event_type == etype) & (ev.date_start == start)
    if end:
        m &= ev.date_end == end
    if place and place.startswith("~"):
        m &= ev.place_ids.str.contains(place[1:], regex=False)
    elif place:
        m &= ev.place_ids.str.split(";").apply(lambda ids: place in ids)
    return ev[m]


def _figure(f, **want):
    """Figures with every column of ``want`` equal to its value (None: the column is empty)."""
    m = f.kind.notna()
    for col, v in want.items():
        if v is None:
            m &= f[col].isna()
        elif isinstance(v, bool):
            m &= f[col].astype(bool) == v
        else:
            m &= (f[col] == v).fillna(False).astype(bool)
    return f[m]


UNSEEN_ARTICLES = [
    ("presstv_tower22.txt", "published", "2024-01-30"),
    ("lemonde_retrait_2026.txt", "outlet", "Le Monde"),
    ("olj_harir.txt", "outlet", "L'Orient-Le Jour"),
    ("olj_harir.txt", "origin", "AFP"),
    ("aa_accord_2024.txt", "published", "2024-09-27"),  # not 2026: "d'ici septembre 2026" is a deadline
    # not after the first deadline it announces ("d'ici septembre 2025"): the year it names is no upper bound
    ("aa_accord_2024.txt", "published_end", "2025-09-30"),
    ("mayadeen_hachd.txt", "outlet", "Al Mayadeen"),
    ("rfi_otan.txt", "outlet", "RFI"),
    ("mayadeen_hachd.txt", "published", "2021-06-28"),
]


@pytest.mark.parametrize("file, column, value", UNSEEN_ARTICLES, ids=[f"{f}-{c}" for f, c, _ in UNSEEN_ARTICLES])
def test_unseen_article_metadata(extended_tables, file, column, value):
    got = extended_tables.articles.set_index("file").loc[file, column]
    assert got == value, f"{file}: {column} is {got!r}, expected {value!r}"


def test_an_agency_in_the_signature_is_an_origin(extended_tables):
    origin = extended_tables.articles.set_index("file").loc["lemonde_retrait_2026.txt", "origin"]
    assert "AFP" in origin, f"lemonde_retrait_2026.txt: origin {origin!r} does not name AFP (its signature)"


UNSEEN_EVENTS = [
    ("attack", "2024-01-30", "ain-al-asad", None, "the lead's attack on Aïn al-Asad"),
    ("attack", "2024-01-28", None, None, '"Deux jours plus tôt": two days before the lead\'s date'),
    ("handover", "2026-01-17", "ain-al-asad", None, "the handover of Aïn al-Asad"),
    ("handover", "2025-10-01", "victory", None, "the handover of Camp Victory"),
    ("attack", "2025-03-10", "harir", "2025-03-11", '"dans la nuit de lundi à mardi": two days'),
    ("attack", "2021-02-15", "~erbil", None, "the attack on Erbil"),
    ("strike", "2021-06-27", "~al-qaim", "2021-06-28", "a night's strike at al-Qaim"),
    ("handover", "2020-08-23", "~taji", None, "the handover of Taji"),
]


@pytest.mark.parametrize("etype, start, place, end, what", UNSEEN_EVENTS, ids=[e[4] for e in UNSEEN_EVENTS])
def test_unseen_event_found(extended_tables, etype, start, place, end, what):
    found = _event(extended_tables.events, etype, start, place, end)
    assert len(found), f"no {etype} on {start}{f'..{end}' if end else ''}{f' at {place}' if place else ''}: {what}"


def test_a_locator_is_not_the_event_place(extended_tables):
    found = _event(extended_tables.events, "handover", "2025-10-01", "baghdad-airport")
    assert found.empty, (
        f'"près de l\'aéroport" locates another place, yet a handover is placed there: {list(found.evidence)}'
    )


def test_one_attack_on_two_bases_is_one_mention(extended_tables):
    miss = _event(extended_tables.events, "attack", "2020-01-07", end="2020-01-08")
    assert len(miss) == 1, f"the 7-8 January 2020 missile attack: {len(miss)} mentions, expected 1"
    places = set(miss.iloc[0].place_ids.split(";"))
    assert {"ain-al-asad", "erbil"} <= places, f"the 7-8 January 2020 attack is placed at {places}, not both bases"


UNSEEN_FIGURES = [
    (dict(party="US", count_best=40, kind="casualties"), "40 US casualties"),
    (dict(party="US", count_best=900), "900 US troops"),
    (dict(party="US", count_best=2000, refers_to="2025-01-01"), '2,000 US troops "il y a un an"'),
    (dict(party="DE", count_low=20, count_high=90), "German troops, a range of 20 to 90"),
    (dict(kind="other", count_best=12, count_high=None, party="IR"), "12 Iranian missiles, not a range"),
    (dict(kind="casualties", count_best=110), '110 casualties: "souffert de traumatismes crâniens"'),
    (dict(outlet="Anadolu", count_best=5200, planned=False), "5,200 troops present (Anadolu)"),
    (dict(outlet="RFI", party="NATO", count_best=500, planned=False), "500 NATO troops present (RFI)"),
    (dict(outlet="RFI", party="NATO", count_best=4000, planned=True), "4,000 NATO troops planned (RFI)"),
]


@pytest.mark.parametrize("want, what", UNSEEN_FIGURES, ids=[w for _, w in UNSEEN_FIGURES])
def test_unseen_figure_found(extended_tables, want, what):
    assert len(_figure(extended_tables.figures, **want)), f"missing figure: {what} ({want})"


def test_people_killed_by_us_strikes_are_not_us_dead(extended_tables):
    wrong = _figure(extended_tables.figures, count_best=16, party="US")
    assert wrong.empty, f"16 killed by US strikes counted as US: {list(wrong.evidence)}"


def test_a_named_tower_is_no_town(extended_tables):
    assert not extended_tables.places.place_id.str.contains("thawrah").any(), '"la Tour 22" was placed as a town'


def test_a_target_by_the_end_of_the_month_is_the_coming_one(extended_tables):
    f = extended_tables.figures
    target = f[(f.outlet == "Anadolu") & (f.count_best == 3000)].iloc[0]
    assert bool(target.planned), "3,000 by the end of September is a plan"
    assert target.refers_to.startswith("2020-09"), f'"d\'ici la fin septembre" refers to {target.refers_to}'


def test_a_cause_is_not_the_event(seed_tables):
    # 004's lead: the coalition suspends training "en raison d'attaques à la roquette répétées contre des bases"
    ev = seed_tables.events
    lead = ev[ev.evidence.str.startswith("La coalition internationale sous commandement")]
    assert list(lead.event_type) == ["suspension"]
