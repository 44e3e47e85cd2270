"""3. Reasoning across articles: dating rounds, then the merge of mentions into the chronology.

The cross-article steps read only a few fields of each event mention: a build keeps, for each article,
its :class:`ArticleView` (:func:`view`: its event mentions as :class:`EventView`, without their
sentences, figures or places), and reads the whole extraction from the result store when it makes
the article's rows of the tables. What it holds across the steps then grows with the number of events,
not with the texts.
"""

from __future__ import annotations

import sys


class NeedsFullBuild(Exception):
    """A warm rebuild cannot give the full build's result here (the message says why)."""


class EventView:
    """What the dating rounds and the merge read of an event mention
    (:class:`helpers.extract.events.EventMention`): its id, type, date, keys, clause and headline."""

    __slots__ = (
        "event_id",
        "article_id",
        "event_type",
        "date_start",
        "date_end",
        "precision",
        "date_text",
        "date_basis",
        "qualifier",
        "place_ids",
        "keys",
        "in_lead",
        "weekday",
        "repeated",
        "background",
        "clause",
        "headline",
    )

    def __init__(self, e) -> None:
        word = sys.intern  # the same few words in every article: one copy each
        self.event_id, self.article_id = e.event_id, e.article_id
        self.event_type, self.precision = word(e.event_type), word(e.precision)
        self.date_start, self.date_end, self.date_text = e.date_start, e.date_end, e.date_text
        self.date_basis, self.qualifier = word(e.date_basis), word(e.qualifier)
        self.place_ids = tuple(word(p) for p in e.place_ids)
        self.keys = frozenset(word(k) for k in e.keys)
        self.in_lead, self.weekday, self.repeated = e.in_lead, e.weekday, e.repeated
        self.background = frozenset(word(t) for t in e.background)
        self.clause, self.headline = e.clause, e.headline


class ArticleView:
    """What the cross-article steps read of one article's extraction: its event mentions (:class:`EventView`)."""

    __slots__ = ("article_id", "events")

    def __init__(self, article_id: str, events: list[EventView]) -> None:
        self.article_id, self.events = article_id, events


def view(ex) -> ArticleView:
    """The :class:`ArticleView` of an article's extraction (:class:`helpers.extract.article.ArticleExtract`)."""
    return ArticleView(ex.article_id, [EventView(e) for e in ex.events])
