"""Actors: who an event clause names (states, armies, armed groups, institutions), by general lexicons.

The names are those of the events table's ``actors`` column; which of them are too generic to tell two
events apart is in :mod:`helpers.vocabulary` (``GENERIC_ACTORS``, ``COUNTRY_ACTORS``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import text_starts, word_starts


def _rx(p: str) -> re.Pattern:
    return re.compile(p)


ACTORS: list[tuple[str, re.Pattern]] = [
    ("États-Unis", _rx(r"\b(etats-unis|americain\w*|us|usa|washington|pentagone|trump|biden|austin)\b")),
    ("Coalition internationale", _rx(r"\bcoalition\b")),
    ("OTAN", _rx(r"\b(otan|nato|alliance atlantique)\b")),
    ("Irak", _rx(r"\b(irak|iraq|irakien\w*|bagdad)\b")),
    ("Parlement irakien", _rx(r"\b(parlement|deputes|assemblee)\b")),
    ("France", _rx(r"\b(france|francais\w*|paris)\b")),
    ("Royaume-Uni", _rx(r"\b(royaume-uni|britannique\w*|londres)\b")),
    ("République tchèque", _rx(r"\b(tcheque\w*|republique tcheque|prague)\b")),
    ("Allemagne", _rx(r"\b(allemagne|allemand\w*|berlin)\b")),
    ("Italie", _rx(r"\b(italie|italien\w*|rome)\b")),
    ("Espagne", _rx(r"\b(espagne|espagnol\w*|madrid)\b")),
    ("Canada", _rx(r"\b(canada|canadien\w*|ottawa)\b")),
    ("Australie", _rx(r"\b(australie|australien\w*)\b")),
    ("Iran", _rx(r"\b(iran|iranien\w*|teheran|gardiens de la revolution|cgri|force al-qods|al-qods)\b")),
    ("Hachd al-Chaabi", _rx(r"\b(hachd|hashd|mobilisation populaire|pmf)\b")),
    ("Kataeb Hezbollah", _rx(r"\b(kata[ei]b hezbollah|brigades du hezbollah)\b")),
    ("Résistance islamique en Irak", _rx(r"\bresistance islamique\b")),
    ("Daech", _rx(r"\b(daech|daesh|etat islamique|isis|ei)\b")),
    ("Turquie", _rx(r"\b(turquie|turc\w*|ankara)\b")),
    ("Syrie", _rx(r"\b(syrie|syrien\w*|damas)\b")),
    ("Israël", _rx(r"\b(israel|israelien\w*)\b")),
    ("Nations unies", _rx(r"\b(nations unies|onu|conseil de securite)\b")),
]


def actors_of(clause_folded: str) -> list[str]:
    """The actors a folded clause names, in lexicon order."""
    if len(clause_folded) > MEMO_LEN:
        return _actors(clause_folded)
    return list(_actors_memo(clause_folded))


MEMO_LEN = 1000  # the longest clause whose actors are kept (at most 4,096 clauses: memory stays bounded)


ACTOR_STARTS = [(name, rx, word_starts(rx)) for name, rx in ACTORS]


def _actors(clause_folded: str) -> list[str]:
    """:func:`actors_of`, computed (a pattern none of whose words can start in the clause is not run:
    :func:`helpers.text.word_starts`)."""
    starts = text_starts(clause_folded)
    return [
        name
        for name, rx, need in ACTOR_STARTS
        if (need is None or not need.isdisjoint(starts)) and rx.search(clause_folded)
    ]


@lru_cache(maxsize=4096)
def _actors_memo(clause_folded: str) -> tuple[str, ...]:
    """:func:`_actors` once per clause (an event's clause is read for each of its mentions and frames)."""
    return tuple(_actors(clause_folded))
