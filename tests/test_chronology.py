"""Events and the merged chronology: what a careful reader finds in the seeds, and unseen articles."""

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


def test_more_unseen_styles(extended_tables):
    t = extended_tables
    a = t.articles.set_index("file")
    assert a.loc["presstv_tower22.txt", "published"] == "2024-01-30"
    assert (a.loc["lemonde_retrait_2026.txt", "outlet"], a.loc["olj_harir.txt", "outlet"]) == (
        "Le Monde",
        "L'Orient-Le Jour",
    )
    assert "AFP" in a.loc["lemonde_retrait_2026.txt", "origin"] and a.loc["olj_harir.txt", "origin"] == "AFP"
    assert a.loc["aa_accord_2024.txt", "published"] == "2024-09-27"  # not 2026: "d'ici septembre 2026" is a deadline
    assert a.loc["aa_accord_2024.txt", "published_end"] == "2024-12-31"
    ev = t.events

    def has(etype, start, place=None, end=None):
        m = (ev.event_type == etype) & (ev.date_start == start)
        if end:
            m &= ev.date_end == end
        if place:
            m &= ev.place_ids.str.split(";").apply(lambda ids: place in ids)
        return bool(m.any())

    assert has("attack", "2024-01-30", "ain-al-asad") and has("attack", "2024-01-28")  # "Deux jours plus tôt"
    assert has("handover", "2026-01-17", "ain-al-asad") and has("handover", "2025-10-01", "victory")
    assert has("attack", "2025-03-10", "harir", end="2025-03-11")  # "dans la nuit de lundi à mardi"
    assert not has("handover", "2025-10-01", "baghdad-airport")  # "près de l'aéroport": a locator
    f = t.figures
    assert ((f.party == "US") & (f.count_best == 40) & (f.kind == "casualties")).any()
    assert ((f.party == "US") & (f.count_best == 900)).any()
    assert ((f.party == "US") & (f.count_best == 2000) & (f.refers_to == "2025-01-01")).any()  # "Il y a un an"
    assert ((f.party == "DE") & (f.count_low == 20) & (f.count_high == 90)).any()
    assert not ((f.count_best == 16) & (f.party == "US")).any()  # killed by US strikes, not US dead
    assert not t.places.place_id.str.contains("thawrah").any()  # "la Tour 22" is no town


def test_third_probe_set(extended_tables):
    t = extended_tables
    ev, f = t.events, t.figures
    miss = ev[(ev.event_type == "attack") & (ev.date_start == "2020-01-07") & (ev.date_end == "2020-01-08")]
    assert len(miss) == 1 and {"ain-al-asad", "erbil"} <= set(miss.iloc[0].place_ids.split(";"))
    assert ((f.kind == "other") & (f.count_best == 12) & f.count_high.isna() & (f.party == "IR")).any()
    assert ((f.kind == "casualties") & (f.count_best == 110)).any()  # "souffert de traumatismes crâniens"
    aa = f[f.outlet == "Anadolu"]
    assert ((aa.count_best == 5200) & ~aa.planned.astype(bool)).any()
    target = aa[aa.count_best == 3000].iloc[0]
    assert bool(target.planned) and target.refers_to.startswith("2020-09")  # "d'ici la fin septembre": the coming one
    taji = ev[(ev.event_type == "handover") & (ev.date_start == "2020-08-23")]
    assert taji.place_ids.str.contains("taji").any()


def test_a_cause_is_not_the_event(seed_tables):
    # 004's lead: the coalition suspends training "en raison d'attaques à la roquette répétées contre des bases"
    ev = seed_tables.events
    lead = ev[ev.evidence.str.startswith("La coalition internationale sous commandement")]
    assert list(lead.event_type) == ["suspension"]


def test_fourth_probe_set(extended_tables):
    t = extended_tables
    a = t.articles.set_index("file")
    assert a.loc["mayadeen_hachd.txt", "outlet"] == "Al Mayadeen" and a.loc["rfi_otan.txt", "outlet"] == "RFI"
    assert a.loc["mayadeen_hachd.txt", "published"] == "2021-06-28"
    ev, f = t.events, t.figures
    assert ((ev.event_type == "attack") & (ev.date_start == "2021-02-15") & ev.place_ids.str.contains("erbil")).any()
    night = ev[(ev.event_type == "strike") & (ev.date_start == "2021-06-27") & (ev.date_end == "2021-06-28")]
    assert night.place_ids.str.contains("al-qaim").any()
    rfi = f[f.outlet == "RFI"]
    assert ((rfi.party == "NATO") & (rfi.count_best == 500) & ~rfi.planned.astype(bool)).any()
    assert ((rfi.party == "NATO") & (rfi.count_best == 4000) & rfi.planned.astype(bool)).any()
