"""What a build holds per article across its steps: compact views, a merge that lets go of what only its
decisions read, the chronology quoting its sentences from the events table (sentences written for these tests)."""

from datetime import date
from types import SimpleNamespace

import pandas as pd

from helpers.across import view
from helpers.across.dating import base_exit
from helpers.across.merge import AIDS_TUPLE, MergeMention, chronology_row, cluster, merge_events
from helpers.build import _Quotes
from helpers.extract.dates import looks_ahead
from helpers.extract.events import EventMention
from helpers.extract.published import names_as_background


def _article(aid: str, clauses: list[tuple[str, str]], day: date = date(2020, 3, 9)):
    """An extraction of ``aid`` with one dated mention per (event type, clause), all on ``day``."""
    events = [
        EventMention(
            aid, i, 0, etype, clause, clause, day, day, "day", "9 mars", "explicit" if i else "anchored", "",
            ["Q1"], [], {"place:Q1", "actor:us"}, in_lead=i == 0, headline=f"{etype} à la base",
        )
        for i, (etype, clause) in enumerate(clauses)
    ]  # fmt: skip
    return SimpleNamespace(article_id=aid, events=events)


WITHDRAW_SOME = "une trentaine de soldats ont quitté la base lundi"
WITHDRAW_ALL = "les soldats ont quitté la base lundi"
LATER = "les troupes devraient quitter la base avant la fin du mois"


def test_views_keep_no_sentence_and_share_what_recurs():
    shared: dict = {}
    a = view(_article("a1", [("withdrawal", LATER), ("withdrawal", WITHDRAW_SOME)]), shared)
    b = view(_article("b2", [("withdrawal", WITHDRAW_ALL)]), shared)
    for v in (a, b):
        for e in v.events:
            assert not hasattr(e, "clause") and not hasattr(e, "headline")
            assert e.article_id is v.article_id
    first, second = a.events
    assert first.keys is second.keys is b.events[0].keys
    assert first.date_start is second.date_end is b.events[0].date_start
    assert first.place_ids is b.events[0].place_ids
    # what the dating rounds read of each clause, read once from it
    assert first.ahead == looks_ahead(LATER) is True
    assert first.told_before == names_as_background(LATER)
    assert [e.base_exit for e in (first, second, b.events[0])] == [
        base_exit(SimpleNamespace(event_type="withdrawal", clause=c)) for c in (LATER, WITHDRAW_SOME, WITHDRAW_ALL)
    ]
    assert (second.base_exit, b.events[0].base_exit) == (False, True)


def _mentions(n: int) -> list[MergeMention]:
    """One attack on the same base on the same day told by ``n`` articles."""
    d = date(2020, 1, 8)
    return [MergeMention(f"a{i:02d}-000a", f"a{i:02d}", "attack", d, d, "day", "", {"place:Q1"}) for i in range(n)]


def test_a_cluster_of_many_articles_and_a_finished_merge():
    g = cluster(_mentions(AIDS_TUPLE + 3))
    (c,) = g.clusters.values()
    assert len(c.members) == AIDS_TUPLE + 3 and set(c.aids) == {f"a{i:02d}" for i in range(AIDS_TUPLE + 3)}
    assert g.buckets
    g.finish()
    assert not g.buckets and c.done is None
    # a researcher's correction may still join a mention after the merge (registered anew)
    late = MergeMention("z99-000a", "z99", "attack", date(2020, 1, 8), date(2020, 1, 8), "day", "", {"place:Q2"})
    assert g.apply(late, c.founder) == c.founder and "place:Q2" in c.keys and ("attack", "place:Q2") in g.posting


def test_the_chronology_quotes_the_events_table():
    arts = {
        "b2": view(_article("b2", [("attack", "des roquettes ont visé la base à l'aube")])),
        "a1": view(_article("a1", [("attack", "la base a été visée par des roquettes")])),
    }
    events = pd.DataFrame(
        {
            "event_id": ["a1-000a", "b2-000a"],
            "clause": ["la base a été visée par des roquettes", "des roquettes ont visé la base à l'aube"],
            "headline": ["attaque à la base", "attaque à la base"],
            "place_ids": ["Q1", "Q1"],
        }
    ).astype("str")
    quotes = _Quotes(arts, events)
    assert quotes["b2-000a"].clause == "des roquettes ont visé la base à l'aube"
    assert quotes["a1-000a"].place_ids == ("Q1",)
    articles = pd.DataFrame({"article_id": ["a1", "b2"], "outlet": ["Le Matin", "Le Soir"], "file": ["a", "b"]})
    whole = {aid: _article(aid, [("attack", c)]) for aid, c in (("a1", events.clause[0]), ("b2", events.clause[1]))}
    for e in (ex.events[0] for ex in whole.values()):
        e.headline = "attaque à la base"
    assert merge_events(articles, arts, quotes=quotes).equals(merge_events(articles, whole))
    g = cluster([MergeMention.of(e) for v in arts.values() for e in v.events])
    (c,) = g.clusters.values()
    assert chronology_row(c, {}, quotes)["summary"].endswith("la base a été visée par des roquettes")
