"""3. Reasoning across articles: dating rounds, then the merge of mentions into the chronology.

The cross-article steps read only a few fields of each event mention: a build keeps, for each article,
its :class:`ArticleView` (:func:`view`: its event mentions as :class:`EventView`, without their
sentences, figures or places), and reads the whole extraction from the result store when it makes
the article's rows of the tables. What it holds across the steps then grows with the number of events,
not with the texts.
"""

from __future__ import annotations

import sys

from .clauses import base_exit, looks_ahead_of, told_as_background


class NeedsFullBuild(Exception):
    """A warm rebuild cannot give the full build's result here (the message says why)."""


class EventView:
    """What the dating rounds and the merge read of an event mention
    (:class:`helpers.extract.events.EventMention`): its id, type, date, keys and places, and what the dating
    rounds read of its clause (``ahead``, ``told_before``, ``base_exit``: read once here, each where the
    rounds ask for it, so that no clause is kept; the chronology quotes the clause and the headline from the
    events table). Values that recur (words, dates, sets of keys, places) are one object each, shared through
    ``shared`` (a dict the build keeps while it holds the views)."""

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
        "ahead",
        "told_before",
        "base_exit",
    )

    def __init__(self, e, article_id: str | None = None, shared: dict | None = None) -> None:
        word = sys.intern  # the same few words in every article: one copy each
        one = shared.setdefault if shared is not None else _itself
        self.event_id = e.event_id
        self.article_id = article_id if article_id is not None and article_id == e.article_id else e.article_id
        self.event_type, self.precision = word(e.event_type), word(e.precision)
        self.date_start, self.date_end = one(e.date_start, e.date_start), one(e.date_end, e.date_end)
        self.date_text = word(e.date_text) if e.date_text else e.date_text
        self.date_basis, self.qualifier = word(e.date_basis), word(e.qualifier)
        place_ids = tuple(word(p) for p in e.place_ids)
        self.place_ids = one(place_ids, place_ids)
        keys = frozenset(word(k) for k in e.keys)
        self.keys = one(keys, keys)
        self.in_lead, self.weekday, self.repeated = e.in_lead, e.weekday, e.repeated
        background = frozenset(word(t) for t in e.background)
        self.background = one(background, background)
        # read by the dating rounds only for a mention not dated explicitly, not repeated / in the lead
        self.ahead = looks_ahead_of(e) if e.date_basis != "explicit" and not e.repeated else False
        self.told_before = told_as_background(e) if e.in_lead else False
        self.base_exit = base_exit(e)


def _itself(value, default):
    """``value`` (no sharing)."""
    return value


class ArticleView:
    """What the cross-article steps read of one article's extraction: its event mentions (:class:`EventView`)."""

    __slots__ = ("article_id", "events")

    def __init__(self, article_id: str, events: list[EventView]) -> None:
        self.article_id, self.events = article_id, events


def view(ex, shared: dict | None = None) -> ArticleView:
    """The :class:`ArticleView` of an article's extraction (:class:`helpers.extract.article.ArticleExtract`);
    ``shared``: see :class:`EventView`."""
    return ArticleView(ex.article_id, [EventView(e, ex.article_id, shared) for e in ex.events])
