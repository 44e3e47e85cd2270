"""What the dating rounds read of an event mention's clause (a view reads it once: it keeps no clause)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..extract.dates import looks_ahead
from ..extract.published import names_as_background
from ..text import fold
from ..vocabulary import family

if TYPE_CHECKING:
    from ..extract.events import EventMention

_PARTIAL = re.compile(
    r"\d|\b(?:une?|la|des) (?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine|partie|poignee|part)\b"
    r"|\bcertain(?:e?s)?\b|\bquelques\b|\bplusieurs\b|\bpartiel"
)


def base_exit(e: EventMention) -> bool:
    """A handover of a base, or a withdrawal from one with no count, read from the mention's clause."""
    return e.event_type == "handover" or (
        family(e.event_type) == "withdrawal"
        and e.event_type != "redeployment"
        and not _PARTIAL.search(fold(e.clause or ""))
    )


def looks_ahead_of(e: EventMention) -> bool:
    """Does the mention's clause speak of what is still to come (:func:`helpers.extract.dates.looks_ahead`)?"""
    got = getattr(e, "ahead", None)  # a view keeps it, read once
    return got if got is not None else looks_ahead(e.clause or "")


def told_as_background(e: EventMention) -> bool:
    """Does the mention's clause name its event as the background of the news
    (:func:`helpers.extract.published.names_as_background`)?"""
    got = getattr(e, "told_before", None)  # a view keeps it, read once
    return got if got is not None else names_as_background(e.clause or "")
