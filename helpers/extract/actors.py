"""Actors: who an event clause names (states, armies, armed groups, institutions), by general lexicons.

The names are those of the events table's ``actors`` column; which of them are too generic to tell two
events apart is in :mod:`helpers.vocabulary` (``GENERIC_ACTORS``, ``COUNTRY_ACTORS``).
"""

from __future__ import annotations

import re

from ..text import WordPatterns, short_text_memo


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


ACTOR_PATTERNS = WordPatterns(ACTORS)


@short_text_memo
def actors_of(clause_folded: str) -> tuple[str, ...]:
    """The actors a folded clause names, in lexicon order (once per clause: an event's clause is read for each of
    its mentions and frames; a pattern none of whose words can start in the clause is not run)."""
    return tuple(name for name, rx in ACTOR_PATTERNS.runnable(clause_folded) if rx.search(clause_folded))
