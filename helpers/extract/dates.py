"""A French temporal tagger for press text.

``find_expressions(text)`` finds temporal expressions and parses them into fields
(day, month, year, weekday, part of a period, relative word...). ``resolve_window``
turns one into a date range, anchored on the publication date (or on a window of
possible publication dates: the result then covers every possibility). ``tag`` does
both for a whole text, including references back ("le 3 janvier de la même année",
"deux jours après une frappe").

Matching runs on the folded text (:func:`helpers.text.fold`), so any case, accents or
none, and typographic apostrophes work; spans refer to the original text.

What is *not* a date: durations ("depuis six mois"), counts and ages ("30 soldats"),
ordinals ("brigade 32"), and years in photo credits ("© AFP 2023").
"""

from __future__ import annotations

import bisect
import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..text import fold

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
MONTHS_EN = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTH_NAMES = [
    "",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# weekday and month names, folded (« fevrier », « aout »): words of a date, never of a name or an event
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(fold(m) for m in MONTH_NAMES if m)
MONTH_ABBR = ["", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quelques": 3,
    "plusieurs": 3,
}
SEASONS = {"printemps": (3, 5), "ete": (6, 8), "automne": (9, 11), "hiver": (12, 2)}
SEASON_NAMES = {"printemps": "printemps", "ete": "été", "automne": "automne", "hiver": "hiver"}

_alt = lambda words: "|".join(sorted(words, key=len, reverse=True))  # noqa: E731
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("mars", "mai", "juin", "aout")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
M_ANY = rf"(?:(?:{_alt(_FULL_MONTHS)})(?![a-z])|(?:{_alt(_ABBR_MONTHS)})(?![a-z])\.?)"
M_FULL = r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)(?![a-z])"
M_EN = rf"(?:{_alt(MONTHS_EN)})(?![a-z])\.?"
WD = rf"(?:{_alt(WEEKDAYS)})"
WD_EN = rf"(?:{_alt(WEEKDAYS_EN)})"
DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?:19[5-9]\d|20\d\d)(?!\d)"
# any year a press article dates ("le 6 mars 1941"): before 1950 only where a day or month makes it a year
YEAR_ANY = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
# a two-digit year ("le 10 novembre 93", "octobre 98", "en 97") only before punctuation or a little word
YY = r"'?(?P<yy>\d\d)(?=\s*(?:[,.;:)!?]|$)|\s(?:a|au|aux|et|sur|dans|lors|quand|puis|vers|en|pres|le|la|les|l'|ou)\b)"
TWO_DIGIT_PIVOT = 40  # "40" and below are 2000s, "41" and above 1900s
NUM = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
# nouns after which a 4-digit number is a count, not a year
COUNT_NOUNS = (
    r"(?:soldats?|militaires?|hommes|personnes|morts?|tues?|blesses?|combattants?|roquettes?|missiles?|"
    r"drones?|attaques?|victimes|conseillers?|membres|troupes|km|kilometres?|dollars?|euros?|\$|%)"
)
# words after which a number is not a count even when they end in s or x
_FUNCTION_WORDS = frozenset(
    "les des ses ces mes tes nos vos leurs aux dans sous plus moins apres depuis alors vers "
    "tous puis jamais toujours mais sans chez pres lors parmi selon malgre".split()
)
_NEXT_WORD = re.compile(r" ?([a-z%$]+)")


def _count_follows(folded: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts something: a unit or a plural noun follows it."""
    m = _NEXT_WORD.match(folded, end)
    if not m:
        return False
    w = m.group(1)
    if w in _FUNCTION_WORDS:
        return False
    return w in ("%", "$", "km", "m", "kg", "t", "mds", "md") or (len(w) >= 4 and w[-1] in "sx")


CREDIT_CONTEXT = re.compile(r"(©|\(c\)|copyright|credit|photo|getty|afp|reuters|sputnik|archive)[^\n]{0,25}$")


@dataclass
class TimeExpr:
    """A temporal expression, parsed and (once resolved) dated."""

    text: str
    start: int
    end: int
    kind: str  # date | interval | month | part | season | year | weekday | relative | offset
    day: int | None = None
    day2: int | None = None
    month: int | None = None
    month2: int | None = None
    year: int | None = None
    year2: int | None = None
    weekday: int | None = None
    part: str | None = None  # debut | mi | fin
    season: str | None = None
    rel: str | None = None  # last | next | this | same_year | next_year | prev_year | yesterday ...
    n: int | None = None
    unit: str | None = None
    direction: str | None = None  # after | before (offsets)
    vague: bool = False  # "quelques jours après"
    bound: str = ""  # lt | gt | about: « moins d'une semaine », « plus de deux ans », « près de trois mois »
    # offsets that refer to another event ("deux jours après une frappe"): the date of the
    # sentence's main clause; date_start/date_end are those of the event referred to
    main_start: date | None = None
    main_end: date | None = None
    night: bool = False
    since: bool = False  # "depuis ..."
    tense: str | None = None  # future | past | None: the clause around it (see clause_tense)
    date_start: date | None = None
    date_end: date | None = None
    precision: str | None = None
    basis: str = "unresolved"  # explicit | anchored | reference | unresolved
    note: str = ""

    @property
    def resolved(self) -> bool:
        """Does the expression have a date (after resolution)?"""
        return self.date_start is not None

    @property
    def qualifier(self) -> str:
        """The part of the period as written for readers: début, mi-, fin or ''."""
        return {"debut": "début", "mi": "mi-", "fin": "fin"}.get(self.part or "", "")


# --- tense: does the clause around an expression look forward or back? -------------------------

# Future and conditional forms end in the future stem's "r" + a|ai|ont (future) or ait|aient (conditional):
# "quittera", "seront", "pourra", "viendront", "partira", "cesseraient". Which letters may come before that
# "r" tells them from imperfects and passés simples of verbs whose stem ends in r ("déclarait", "assurait",
# "montrait", "livrait", "entra") and from nouns ("retrait", "vrai"): see :func:`_is_future_form`.
_FUT_WORD = r"[a-z]*r(?:a|ai|ont|ait|aient)"
_NOT_FUTURE = frozenset(
    {
        "vrai",
        "extra",
        "ultra",
        "contra",
        "mantra",
        "tantra",
        "sutra",
        "hydra",
        "sierra",
        "camera",
        "opera",
        "chimera",
        "lira",
        "mira",
        "serra",
        "barra",
    }
)
# -irer verbs, whose imperfect ("retirait") and passé simple ("retira") look like the future and conditional
# of -ir verbs ("partira", "partirait")
_IRER_STEMS = frozenset(
    "tir retir attir inspir aspir expir soupir admir desir chavir delir vir conspir respir transpir etir empir".split()
)
_FUTURE_U_V = frozenset(
    f"{stem}{end}"
    for stem in ("au", "sau", "conclu", "exclu", "inclu", "de", "sui", "poursui", "vi", "rece", "perce", "dece")
    for end in ("ra", "ront", "rai", "rait", "raient")
)
# nouns in -ait that are neither imperfects nor conditionals
_NOT_IMPERFECT = frozenset(
    {
        "retrait",
        "trait",
        "portrait",
        "attrait",
        "extrait",
        "souhait",
        "lait",
        "fait",
        "forfait",
        "bienfait",
        "mefait",
        "parfait",
        "abstrait",
        "distrait",
        "soustrait",
        "plait",
        "tait",
    }
)


def _is_future_form(word: str, text: str, pos: int) -> bool:
    """Whether ``word`` (folded, at ``pos`` in ``text``) is a future or conditional verb form."""
    if word in _NOT_FUTURE or word in _NOT_IMPERFECT or len(word) < 3:
        return False
    m = re.search(r"r(?:a|ai|ont|ait|aient)$", word)
    stem = word[: m.start()]
    if not stem:
        return False
    last = stem[-1]
    if last in "uv":
        return word in _FUTURE_U_V  # "aura", "devra" ... but not "assurait", "livrait"
    if last == "t":
        return stem.endswith(("tt", "it"))  # "mettra", "connaîtrait"; not "montrait", "entra"
    if last == "d":
        return not stem.endswith("ad")  # "viendra", "faudrait"; not "encadrait"
    if last == "i":
        return stem + "r" not in _IRER_STEMS  # "partira", "partirait"; not "retira", "retirait"
    if last == "e":
        return text[pos + len(stem) - 1] not in "éèÉÈ"  # "quittera"; not "opéra", "considérait"
    return last == "r"  # "pourra", "verrait"


_ADVERBS = (
    r"(?:(?:deja|pas|jamais|bien|aussi|encore|egalement|finalement|notamment|officiellement|meme|toujours|"
    r"recemment|alors|ainsi|enfin|d'abord|ensuite|rapidement|longtemps|ete|en effet|d'ailleurs),? )*"
)
_PARTICIPLE = r"(?P<pp>[a-z]+(?:e|es|ee|ees|i|is|ie|ies|it|ite|u|us|ue|ues|t|ts|te|tes))"
# words after "a"/"ont" that are not participles ("il a des soldats", "n'y a plus", "a lieu")
_NOT_PARTICIPLE = frozenset(
    "une cette ce cet ces des les ses mes tes nos vos leurs plus pas lieu besoin raison tort "
    "droit peur faim soif cours part tout tous toute toutes deux trois six dix quelque "
    "quelques elle lui eux autre autres meme encore deja toujours jamais aussi "
    "notamment egalement environ pres".split()
)
_TENSE_RX = re.compile(
    r"\b(?:(?P<aux>(?:a|ont|avait|avaient|avons|ai|eut|eurent|aurait|auraient|s'est|se sont|s'etait|se seraient|"
    rf"se serait|s'etaient|fut|furent) {_ADVERBS}{_PARTICIPLE})"
    # the passé composé of the verbs conjugated with « être » (« sont convenus », « est arrivé »)
    rf"|(?P<etre>(?:est|sont|etait|etaient) {_ADVERBS}(?:convenu|arrive|parti|venu|revenu|rentre|sorti|mort|"
    r"decede|tombe|devenu|retourne|intervenu|survenu|alle|parvenu|apparu)(?:e|s|es)?)"
    r"|(?P<plan>(?:va|vont|doit|doivent|devra|devront) (?:[a-z']+ )?[a-z]+(?:er|ir|re|oir))"
    r"|(?P<sched>(?:devrait|devraient|pourrait|pourraient|compte|comptent|entend|entendent|s'apprete|s'appretent|"
    r"prevoit|prevoient) (?:[a-z']+ )?[a-z]+(?:er|ir|re|oir)|prevue?s?|programmee?s?|a venir|avant de|prochaine?s?|"
    # « prévoir » in any tense looks ahead: what it names is a plan (« l'accord prévoyait la fin … avant le 31 »)
    r"prevo(?:it|ient|yait|yaient|yant|ira|iront|irait|iraient))"
    r"|(?P<ago>il y a|dernier|derniere|derniers|dernieres|passee?s?|depuis)"
    rf"|(?P<fut>{_FUT_WORD})|(?P<imp>[a-z]{{2,}}(?:ait|aient)))\b"
)
_CLAUSE_END = re.compile(r"[.;!?\n]")
# a past participle bound to the date that follows it: "publié le 27 septembre", "signé en 2021", "né le 3 mars"
_PARTICIPLES = (
    r"publie|signe|conclu|adopte|annonce|tue|decede|ne|elu|nomme|lance|cree|fonde|vote|ratifie|survenu|"
    r"intervenu|commis|perpetre|tenu|organise|prononce|declare|diffuse|paru|emis|remis|transfere|cede|evacue|"
    r"abattu|blesse|enleve|arrete|libere|inaugure|promulgue|date|assassine|execute|capture|detruit|bombarde|"
    r"frappe|vise|cible|attaque|touche|retire|quitte|parti|arrive|rentre|deploye|redeploye|suspendu|mort|"
    r"fixe|ouvert|relance|entame|prolonge|decide|investi|designe|reelu|installe|limoge"
)
_DATED_PARTICIPLE = re.compile(
    rf"\b(?P<pp>{_PARTICIPLES})"
    r"(?:e|s|es)? (?:le |la |l'|en |au |a |aux |du |des |dans la nuit du |dans la nuit de |depuis |ce |cette )?$"
)
# a participle opening a phrase set off by commas (« la base, remise aux forces irakiennes le 3 janvier, doit… »)
_APPOSED_PARTICIPLE = re.compile(rf"\s*(?:(?:deja|recemment|officiellement) )?(?P<pp>{_PARTICIPLES})(?:e|s|es)?\b")


def _accented(text: str, m: re.Match) -> bool:
    """A participle ending in « -é » is written so (« organisé », not the verb « organise »)."""
    return not m.group("pp").endswith("e") or text[m.end("pp") - 1] in "éÉ"


def participle_before(text: str, folded: str, start: int) -> int | None:
    """Where the past participle bound to the date at ``start`` begins ("l'accord conclu en septembre 2024",
    "signé le 3 mars"), or None: the date is that past act's."""
    m = _DATED_PARTICIPLE.search(folded, max(0, start - 40), start)
    if m and _accented(text, m):  # "organisé", not "organise"
        return m.start()
    return None


# a completive clause after a verb of saying or knowing (« fait savoir qu'il va… », « a annoncé que les troupes… »)
_COMPLETIVE = re.compile(
    r"\b(?:savoir|annonce\w*|affirme\w*|declare\w*|indique\w*|precise\w*|assure\w*|estime\w*|explique\w*|"
    r"ajoute\w*|confirme\w*|promet\w*|promis|dit|dire|souligne\w*|rappelle\w*|averti\w*|previent|prevenu) qu(?:e |')"
)
_CLEFT_BEFORE = re.compile(r"\bc'(?:est|etait|sera)\b")


def looks_ahead(clause: str) -> bool:
    """Whether a clause speaks of what is still to come: a future, conditional or plan ("quitteront",
    "devrait quitter", "prévu") and no past tense."""
    folded = fold(clause)
    kinds = set()
    for m in _TENSE_RX.finditer(folded):
        t = clause_tense(clause, folded, m.start(), m.start())
        kinds.add(t)
        if t == "past":
            return False
    return bool(kinds & {"future", "planned"})


def clause_tense(text: str, folded: str, start: int, end: int, reach: int = 90) -> str | None:
    """'future', 'planned', 'past' or None for the expression at ``start:end``: the tense of the verb (or
    marker) nearest to it in its sentence, within ``reach`` characters. 'future': a future or "va/doit partir";
    'planned': a conditional, "prévu", "devrait", "prochain"; 'past': a past tense, "il y a", "dernier";
    one between the same commas comes first ("avant de partir le 30 octobre, il a salué": future).
    A present tense, or nothing decisive, gives None."""
    if participle_before(text, folded, start) is not None:
        return "past"
    a = max(0, start - reach)
    b = min(len(folded), end + reach)
    m = None
    for m in _CLAUSE_END.finditer(folded, a, start):
        pass
    if m is not None:
        a = m.end()
    m = _CLAUSE_END.search(folded, end, b)
    if m is not None:
        b = m.start()
    m = _COMPLETIVE.search(folded, end, b)
    if m is not None and not _CLEFT_BEFORE.search(folded, a, start):
        # « dès le 24 octobre, le Pentagone fait savoir qu'il va renforcer… »: the tense of what is said is not the
        # tense of the saying, which the date is of
        b = m.start()
    seg_a = max(a, folded.rfind(",", a, start) + 1)
    comma = folded.find(",", end, b)
    seg_b = b if comma < 0 else comma
    pp = _APPOSED_PARTICIPLE.match(folded, seg_a)
    if pp and comma >= 0 and (seg_a == a or folded[seg_a - 1] == ",") and _accented(text, pp):
        # the date is in a participle's phrase set off by commas: that phrase tells a past fact of its noun, whatever
        # the main verb's tense (« remise aux forces irakiennes le 3 janvier, la base doit accueillir… »)
        return "past"
    best: tuple[bool, int, str] | None = None
    for m in _TENSE_RX.finditer(folded, a, b):
        if start <= m.start() < end:
            continue
        kind = m.lastgroup
        word = m.group()
        if kind == "fut":
            if text[m.start()].isupper() and m.start() > a:
                continue  # a name ("Samarra", "Ankara")
            if re.match(r"(?:serait|seraient|aurait|auraient)$", word):
                continue  # the journalistic conditional ("aurait tué"): the participle decides
            if not _is_future_form(word, text, m.start()):
                if not word.endswith(("ait", "aient")) or word in _NOT_IMPERFECT:
                    continue
                kind = "imp"
            elif word.endswith(("ait", "aient")):
                kind = "sched"  # a conditional: "partiraient", "cesserait"
        elif kind == "imp" and word in _NOT_IMPERFECT:
            continue
        elif kind == "aux" and (
            (word.startswith("a ") and text[m.start()] in "àÀ") or m.group("pp") in _NOT_PARTICIPLE
        ):
            continue  # the preposition "à"; "il a des", "a lieu"
        tense = {
            "fut": "future",
            "plan": "future",
            "sched": "planned",
            "aux": "past",
            "etre": "past",
            "imp": "past",
            "ago": "past",
        }[kind]
        dist = start - m.end() if m.end() <= start else m.start() - end
        key = (not (seg_a <= m.start() and m.end() <= seg_b), dist, tense)
        if best is None or key < best:
            best = key
    return best[2] if best else None


# --- finding ---------------------------------------------------------------------------------


def _day(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    return 1 if s in ("1er", "premier") else int(s)


def _month(s: str | None, table=MONTHS) -> int | None:
    return table.get(s.strip(" .")) if s else None


def _num(s: str) -> int:
    return int(s) if s.isdigit() else NUMBER_WORDS[s]


_PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = []
# words without which a pattern cannot match (a cheap test that spares scanning the text with it)
_DIGITS = tuple("0123456789")
_NEEDS = {
    "iso": ("-",),
    "numeric": ("/", "."),
    "numeric_dm": ("/",),
    "dashed": ("-",),
    "interval": ("du ", "entre le"),
    "en_date": ("19", "20"),
    "en_date2": ("19", "20"),
    "fr_month_first": (", 19", ", 20"),
    "date_list": ("les ",),
    "part": ("debut", "mi", "fin", "courant", "milieu"),
    "month_year": _DIGITS,
    "season": ("printemps", "ete", "automne", "hiver"),
    "season_generic": ("comme", "les mois"),
    "weekend": ("week",),
    "same_time": ("meme ",),
    "that_day": ("jour-la", "matin-la", "soir-la", "nuit-la", "journee-la", "soiree-la", "matinee-la"),
    "new_year": ("nouvel", "jour de l'an"),
    "feast": (
        "noel",
        "paques",
        "toussaint",
        "saint",
        "chandeleur",
        "assomption",
        "ascension",
        "pentecote",
        "mardi gras",
    ),
    "relative_week": ("semaine",),
    "relative_month": ("mois",),
    "that_year": ("annee",),
    "relative_year": ("annee", "l'an "),
    "relative_day": ("hier", "aujourd'hui", "demain", "ce jour", "desormais"),
    "ago": ("il y a",),
    "earlier": ("plus tot",),
    "since_then": ("depuis", "plus tard"),
    "in_time": ("dans ",),
    "part_relative": ("semaine", "mois", "annee"),
    "lendemain": ("lendemain", "veille", "meme jour", "meme moment", "meme temps"),
    "night_weekdays": ("nuit",),
    "decade": ("annees ",),
    "century": ("siecle",),
    "year_range": ("19", "20"),
    "year": ("1", "2"),
    "year_yy": _DIGITS,
    "bare_year": ("19", "20"),
}


def _p(name: str, pattern: str) -> None:
    _PATTERNS.append((name, re.compile(pattern), _NEEDS.get(name, ())))


# order = priority: a longer, more specific form claims its span first
_p("iso", rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
_p(
    "numeric",
    r"\b(?P<d>0?[1-9]|[12]\d|3[01])[/.](?P<m>0?[1-9]|1[0-2])[/.](?:(?P<y>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d/.])",
)
# a day, month and year with dashes, tight or spaced (« le 04-01-2022 », « Publié le 20 - 06 - 2019 »): the same
# separator twice and a year of four digits (not a score, a range of years or a phone number)
_p(
    "dashed",
    r"(?<![\d./-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>-| - )(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d./-])",
)
_p("numeric_dm", r"\b(?:le|du|au) (?P<d>0?[1-9]|[12]\d|3[01])/(?P<m>0?[1-9]|1[0-2])(?![\d/])(?! d(?:es|u|e|')\b)")
_p(
    "interval",
    rf"\b(?:(?P<night>(?:dans |durant |pendant )?la nuit) )?(?:du|entre le) (?P<d>{DAY})(?: (?P<m>{M_ANY}))?"
    rf"(?: (?P<y>{YEAR}))? (?:au|et le|et) (?P<d2>{DAY}) (?P<m2>{M_ANY})(?:,? (?P<y2>{YEAR}))?",
)
_p("en_date", rf"\b(?:(?P<wd>{WD_EN}),? )?(?P<m>{M_EN}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>{YEAR})")
# a French month name first, as content systems set to the English order print it (« mars 5, 2023 », « dimanche,
# juillet 2, 2023 »: WordPress's « F j, Y »): the comma before the year, no count after it
_p(
    "fr_month_first",
    rf"\b(?:(?P<wd>{WD}),? )?(?P<m>{M_FULL}) (?P<d>[12]\d|3[01]|0?[1-9]), (?P<y>{YEAR})(?! ?{COUNT_NOUNS})",
)
_p("en_date2", rf"\b(?:(?P<wd>{WD_EN}),? )?(?P<d>\d{{1,2}}) (?P<m>{M_EN}),? (?P<y>{YEAR})")
_p(
    "date_list",
    rf"\bles (?P<d>{DAY}) et (?={DAY} (?P<m>{M_ANY})(?:,? (?P<y>{YEAR_ANY}))?"
    r"(?: (?P<rel>derniers|dernieres|prochains|prochaines))?)",
)
_p(
    "date",
    rf"\b(?:(?P<pre>ce|le|du|au|depuis le|des le|depuis ce|jusqu'au|avant le|apres le) )?(?:(?P<wd>{WD}) )?"
    rf"(?P<d>{DAY})(?P<sep>[ -])(?P<m>{M_ANY})(?:,? (?P<y>{YEAR_ANY})| {YY})?"
    r"(?: (?P<rel>dernier|derniere|derniers|dernieres|prochain|prochaine|prochains|prochaines)(?![a-z]))?"
    r"(?P<ref> de la meme annee| de l'annee (?:suivante|precedente|derniere|passee))?",
)
# feasts: a day of the year ("à Noël", "la Toussaint", "la veille de Noël"), or one moved with Easter
_p(
    "feast",
    r"\b(?:(?P<eve>la veille de|le soir de|la nuit de|le jour de|le lendemain de) |(?P<pre>a|pour|de|depuis|avant|apres|"
    r"jusqu'a|pendant|durant|vers|d'ici|les fetes de|la treve de|des) )?"
    r"(?:(?P<fixed>noel)|(?:la |l')(?P<saint>toussaint|saint-sylvestre|saint-valentin|saint-nicolas|saint-jean|"
    r"chandeleur|sainte-catherine|assomption)|(?P<easter>paques|lundi de paques|l'ascension|la pentecote|"
    r"lundi de pentecote|mardi gras|vendredi saint))\b",
)
_p(
    "part",
    rf"\b(?P<p>debut|mi|fin|courant|milieu)(?:[- ]| de | du mois de | du mois d'| de l'annee | de l'an )"
    rf"(?:(?P<m>{M_FULL})(?:,? (?P<y>{YEAR}))?|(?P<yo>{YEAR})|(?P<rel>l'annee (?:derniere|passee|prochaine)|"
    r"l'an (?:dernier|passe|prochain)|(?:cette|l')annee|l'an))",
)
_p(
    "month_year",
    rf"\b(?:(?P<pre>depuis|des) )?(?P<m>{M_FULL}|janv\.|fevr\.|avr\.|juil\.|sept\.|oct\.|nov\.|dec\.) "
    rf"(?:(?P<y>{YEAR_ANY})(?! ?{COUNT_NOUNS})|{YY})",
)
_p(
    "month",
    rf"\b(?:(?P<pre>(?:le|au|du|ce|depuis le) mois (?:de |d')|en |de |d'|depuis |des |courant |jusqu'en |d'ici |"
    rf"avant |apres |depuis le debut du mois d'|depuis le debut du mois de )(?P<m>{M_FULL})(?: (?P<rel>dernier|passe|prochain))?"
    rf"|(?P<m_>{M_FULL}) (?P<rel_>dernier|passe|prochain))",
)
_p(
    "season",
    rf"\b(?P<pre>l'|cet |ce |au |a l'|en |de l'|depuis l'|durant l'|pendant l'|au cours de l'|du |le )"
    rf"(?P<s>printemps|ete|automne|hiver)(?: (?P<rel>dernier|passe|prochain)|,? (?P<y>{YEAR}))?(?![a-z])"
    r"(?P<ref> de la meme annee| de l'annee (?:suivante|precedente))?",
)
_p(
    "season_generic",
    r"\b(?P<s>printemps|ete|automne|hiver) comme (?P<s2>printemps|ete|automne|hiver)\b"
    r"|\bles mois d'(?P<s3>ete|hiver|automne)\b|\bles mois de (?P<s4>printemps)\b",
)
_p("weekend", r"\b(?:(?:ce|le) week-?end(?: (?P<rel>dernier|passe|prochain))?|le week-?end d'avant)\b")
_p("same_time", r"\b(?:a )?(?:la|cette) meme (?:epoque|periode)\b")
# « ce jour-là », « cette nuit-là »: « -là » points back to a day the text has named, not to today
_p("that_day", r"\b(?:ce (?:jour|matin|soir)|cette (?:nuit|journee|soiree|matinee))-la\b")
_p("new_year", r"\b(?:(?P<ny>la nouvelle annee)|(?P<nyd>le (?:jour de l'an|nouvel an)))\b")
# « depuis » with no complement (« Plusieurs pays ont depuis déplacé… », « Depuis, le ministre réclame… », « depuis
# lors »): since the time last told, up to the publication
_p(
    "since_then",
    r"(?:\b(?:a|ont|avait|avaient|est|sont|etait|etaient|aurait|auraient|ete) (?P<aux>depuis)(?= [a-z]+(?:e|es|ee|ees|i|is|u|us|t|ts)\b)"
    r"|(?:^|[.;]\s*)(?P<front>depuis)(?=\s*,)|\b(?P<lors>depuis lors)\b"
    # « a plus tard annoncé », « Plus tard, … »: after the time last told (a count before it, « deux jours plus
    # tard », is an offset)
    r"|\b(?:a|ont|avait|avaient|est|sont|etait|etaient|aurait|auraient) (?P<later>plus tard)(?= [a-z]+\b)"
    r"|(?:^|[.;]\s*)(?P<later_front>plus tard)(?=\s*,))",
)
# « plus tôt cette année »: from the start of the period to the publication
_p(
    "earlier",
    r"\bplus tot (?:(?P<y>cette annee|dans l'annee)|(?P<m>ce mois(?:-ci)?|dans le mois)|(?P<w>cette semaine))\b",
)
_p(
    "relative_week",
    r"\b(?:(?P<this>cette semaine)|la semaine (?P<rel>derniere|passee|prochaine|precedente)|"
    r"(?P<rel2>la semaine d'avant))\b",
)
_p("relative_month", r"\b(?:(?P<this>ce mois(?:-ci)?)|le mois (?P<rel>dernier|passe|prochain))\b")
# « cette année-là », « la même année »: the year the text named last, not the year of publication
_p("that_year", r"\b(?:cette annee-la|(?:la|cette) meme annee|l'annee meme)(?![a-z-])")
_p(
    "relative_year",
    r"\b(?:(?P<this>cette annee)|l'annee (?P<rel>derniere|passee|prochaine|en cours)|"
    r"l'an (?P<rel2>dernier|passe|prochain))\b",
)
_p(
    "relative_day",
    rf"\b(?P<w>aujourd'hui|desormais|avant-hier|hier|apres-demain|demain|ce jour(?!-la\b))(?:,? (?P<wd>{WD})(?! \d))?\b",
)
_p(
    "ago",
    r"\bil y a (?:(?P<q>pres d'|pres de |presque |environ |plus d'|plus de |moins d'|moins de |a peine |"
    rf"tout juste |quelque ))?(?P<n>{NUM}) (?P<u>jours?|semaines?|mois|ans?|annees?)\b",
)
_p("in_time", rf"\bdans (?P<n>{NUM}) (?P<u>jours?|semaines?|mois|ans?|annees?)\b")
# a part of the week, month or year of publication ("en fin de semaine", "d'ici la fin du mois", "début d'année")
_p(
    "part_relative",
    r"\b(?P<p>debut|fin|milieu|mi)(?:-| de la | de | d'| du )(?P<per>semaine|mois|annee)"
    r"(?: (?P<rel>prochaine?|derniere?|passee?|en cours))?(?! d[eu'] | de l'| [a-z]+ \d)\b",
)
_p(
    "offset",
    rf"\b(?:(?P<q>moins d'|moins de |plus d'|plus de |pres d'|pres de |environ |quelque ))?"
    rf"(?P<n>{NUM}) (?P<u>heures?|jours?|semaines?|mois|ans?|annees?) (?P<dir>apres|plus tard|avant|auparavant|plus tot)\b",
)
_p(
    "lendemain",
    r"\b(?P<w>au lendemain d(?:e|u|es|')|le lendemain|la veille d(?:e|u|es|')|la veille|le meme jour|ce meme jour|"
    r"au meme moment|dans le meme temps)",
)
_p("night_weekdays", rf"\b(?:dans |durant |pendant )?la nuit (?:de |du )(?P<wd>{WD}) (?:a|au) (?P<wd2>{WD})\b")
_p(
    "weekday",
    rf"\b(?:(?P<pre>ce|le|dans la nuit de|la nuit de|depuis) )?(?P<wd>{WD})(?: (?P<rel>dernier|prochain))?"
    # not « mardi 15 » (a day of the month: the date's), but « a envoyé mardi 150 soldats » (a count)
    rf"(?! (?:[0-3]?\d|1er)(?:\s*(?:[,.;:)]|$)|\s+{M_ANY}))\b",
)
_p(
    "decade",
    r"\b(?:(?P<p>debut|fin|milieu) )?(?:des |les |aux |dans les |depuis les )?annees "
    r"(?P<dec>(?:19|20)?[0-9]0|vingt|trente|quarante|cinquante|soixante|soixante-dix|quatre-vingt|"
    r"quatre-vingts|quatre-vingt-dix)(?![0-9a-z-])",
)
_p(
    "century",
    r"\b(?:(?P<p>debut|fin|milieu) (?:du |des )?)?(?:(?:le|au|du|des|depuis le) )?(?P<c>[xvi]{1,5}|[12]?\d)"
    r"(?:e|eme|er|ieme) siecles?\b",
)
_p("year_range", rf"\b(?:de |entre )?(?P<y>{YEAR}) ?(?:-|a|et) ?(?P<y2>{YEAR})\b")
_p(
    "year",
    rf"\b(?P<pre>en|depuis|des|d'ici|jusqu'en|avant|apres|de|d'|l'annee|annee|vers|au|a partir de|"
    rf"courant|fin|debut|mi|et|entre|ou|l'an) (?P<y>{YEAR_ANY})(?! ?{COUNT_NOUNS})",
)
_p("year_yy", rf"\b(?P<pre>en|depuis|des|jusqu'en|fin|debut|mi|l'an|l'annee) {YY}")
# a year with no preposition ("le budget 2020", "la saison 2002/2003"), not a count ("2500 soldats")
_p("bare_year", rf"(?P<y>(?:19[5-9]|20\d)\d)(?!\d)(?:/(?P<y2>{YEAR}))?(?! ?{COUNT_NOUNS})(?![.,]\d)(?! ?\d)(?!h\d)")


def find_expressions(text: str) -> list[TimeExpr]:
    """Every temporal expression of ``text`` with its parsed fields (not yet resolved)."""
    return list(_find_cached(text))


@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[TimeExpr, ...]:
    # callers never mutate the expressions (resolving makes copies), so a text's parse is shared
    return tuple(_find(text))


class _Spans:
    """Spans that do not overlap, sorted: whether a new one overlaps any in O(log n) (a text of 50,000 dates
    costs in proportion to its length, not to its square). An empty span [p, p) is kept apart: it overlaps a
    span that holds p strictly inside."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.points: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        """Does [s, e) overlap a span kept?"""
        i = bisect.bisect_left(self.starts, e) - 1  # the last span starting before e
        if i >= 0 and self.ends[i] > s:
            return True
        j = bisect.bisect_right(self.points, s)
        return j < len(self.points) and self.points[j] < e

    def add(self, s: int, e: int) -> None:
        """Keep [s, e) (it overlaps none kept)."""
        if s == e:
            bisect.insort(self.points, s)
            return
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _find(text: str) -> list[TimeExpr]:
    """The expressions of ``text``: each pattern of ``_PATTERNS`` in order (the most specific first) on the
    folded text, a span already taken by an earlier pattern skipped; years inside photo credits are left
    out. Sorted by position; the tense of an undated expression's clause is noted (it decides whether a
    bare date looks back or forward from the publication)."""
    folded = fold(text)
    taken = _Spans()
    out: list[TimeExpr] = []
    for name, rx, needs in _PATTERNS:
        if needs and not any(w in folded for w in needs):
            continue
        for m in rx.finditer(folded):
            s, e = m.span()
            if taken.overlaps(s, e):
                continue
            # the credit's word and at most 25 characters after it, on this line (40 characters always hold them)
            line_start = max(folded.rfind("\n", max(0, s - 40), s) + 1, s - 40, 0)
            if CREDIT_CONTEXT.search(folded, line_start, s) and name in (
                "year",
                "year_range",
                "month_year",
                "bare_year",
            ):
                continue
            if name == "date_list":  # "les 6 et 13 avril": "les 6" here, "13 avril" by the date pattern
                e = m.end("d")
            if name == "feast" and re.match(r" [A-ZÀ-Ý]", text[e : e + 2]):
                continue  # a name: "de Noël Mamère", "la Saint-Jean Baptiste"
            if name == "season_generic":
                exprs = _generic_seasons(m, text)
            else:
                exprs = [_build(name, m.groupdict(), text[s:e], s, e, folded)]
            if exprs[0] is None:
                continue
            taken.add(s, e)
            out.extend(exprs)
    out.sort(key=lambda x: x.start)
    out = _bare_days(text, folded, out, taken)
    for x in out:
        if x.year is None and x.kind in _TENSED and x.rel not in _FIXED_RELS:
            x.tense = clause_tense(text, folded, x.start, x.end)
            if x.tense == "past" and x.rel == "next" and x.note == "forward marker":
                x.rel, x.note = None, ""  # "à partir du 1er mars, les troupes ont quitté": past after all
            elif x.tense is None and x.rel == "next" and x.note == "forward marker" and x.kind == "date":
                if re.search(r"\b(?:des|a partir|a compter)\b", folded[max(0, x.start - 14) : x.start + 4]):
                    # « dès le 24 octobre, le Pentagone fait savoir… » (the narrative present of a story told),
                    # « à partir du 1er mars, les vols reprennent » (a schedule): a start in the present tense is
                    # the nearer of the two days
                    x.rel, x.note = None, "nearest"
    return out


# « le 27 » with no month, before a place, a comma or the end of the clause (« la première réunion s'était tenue
# le 27 à Bagdad, … »): a day of the month the sentence named just before
# a past tense right before « jusqu' » (« a commandé », « avaient été stationnés », « dirigeait »): the end of a
# past state or act, not a deadline
PAST_VERB_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient|eut|eurent)(?: (?:ete|deja|longtemps|toujours))? \w+(?:e|ee|es|ees|i|is|u|us|t)\s*$"
    r"|\w\w(?:ait|aient)\s*$"
)
BARE_DAY = re.compile(rf"\b(?:le|du|au|depuis le|jusqu'au) (?P<d>{DAY})(?=\s*[,;.]| (?:a|au|aux|dans|pres) )")


# a day of the month with no month in its sentence, in figures (« le 3 », not « le premier », the pronoun), before a
# comma or the end of the clause (« avait déjà frappé, le 3, un groupe », « signé le 12. »)
_MONTHLESS_DAY = re.compile(r"(?:le|du|depuis le|jusqu'au) (?:[12]\d|3[01]|0?[1-9]|1er)")
# what makes « le 3 » no day: an address (« au 3, rue … »), a score or a range (« le 3 à 1 »), a list's item
_NOT_A_DAY_AFTER = re.compile(r"\s*(?:,\s*(?:rue|avenue|boulevard|bd|place|quai|allee|impasse|bis|ter)\b|(?:a|au) \d)")


def _bare_days(text: str, folded: str, out: list[TimeExpr], taken: _Spans) -> list[TimeExpr]:
    """``out`` with the days of the month written without their month (« en janvier …, le 27 à Bagdad »): the
    month (and year) of the date or month named last before them in their sentence, a later day when it was a
    date. Without one in the sentence, no date."""
    more = []
    for m in BARE_DAY.finditer(folded):
        s, e = m.span()
        if taken.overlaps(s, e):
            continue
        prev = [x for x in out if x.end <= s and x.month is not None and x.kind in ("date", "month") and not x.month2]
        if not prev or s - prev[-1].end > 200 or re.search(r"[.!?;:\n]", folded[prev[-1].end : s]):
            if _MONTHLESS_DAY.fullmatch(folded, s, e) and not _NOT_A_DAY_AFTER.match(folded, e):
                # no month in the sentence: a day of a month the text named just before or, failing that, of the
                # publication's month or the one before (see tag and resolve)
                more.append(
                    TimeExpr(text[s:e], s, e, "relative", day=_day(m.group("d")), unit="month_day", rel="day_of_month")
                )
            continue
        ref, day = prev[-1], _day(m.group("d"))
        if ref.kind == "date" and (ref.day is None or day <= ref.day):
            continue
        more.append(
            TimeExpr(text[s:e], s, e, "date", day=day, month=ref.month, year=ref.year, note=f"month of {ref.text!r}")
        )
    return sorted(out + more, key=lambda x: x.start) if more else out


# kinds whose date depends on the direction the clause looks in, unless a word fixes it
_TENSED = ("date", "interval", "month", "part", "season", "weekday", "relative", "feast", "part_rel")
_FIXED_RELS = (
    "last",
    "days",
    "ago",
    "in",
    "same_year",
    "prev_year",
    "next_year",
    "this_year",
    "last_year",
    "generic",
    "same_time",
    "new_year",
)


def _generic_seasons(m: re.Match, text: str) -> list[TimeExpr]:
    """ "été comme hiver", "les mois d'été": seasons in general, not a dated one."""
    out = []
    for g in ("s", "s2", "s3", "s4"):
        if m.group(g):
            a, b = m.span(g) if g in ("s", "s2") else m.span()
            out.append(TimeExpr(text[a:b], a, b, "season", season=m.group(g), rel="generic"))
    return out


def _build(name: str, g: dict, raw: str, s: int, e: int, folded: str) -> TimeExpr | None:
    """The :class:`TimeExpr` of one match of pattern ``name`` (``g``: its named groups; ``raw``: the text as
    written, at ``s``..``e``; ``folded``: the whole folded text, for context), or None when the match is not
    a date after all (an impossible day, "sept" the number, a year that counts people…).

    One branch per pattern family sets the fields resolution reads: day, month, year (and their second
    values for intervals), weekday, the relative word (``rel``: this, next, last, same/previous/next year…),
    the part of a period (début, mi-, fin), the season, an offset's amount and unit and what it refers to
    ("deux jours après …"), and whether the expression starts a span ("depuis")."""
    x = TimeExpr(raw, s, e, "date")
    pre = (g.get("pre") or "").strip()
    x.since = pre.startswith("depuis") or pre == "des"
    if name in ("iso", "numeric", "dashed"):
        x.day, x.month, x.year = int(g["d"]), int(g["m"]), _year(g)
        if not _valid(x.year, x.month, x.day):
            return None
    elif name == "numeric_dm":
        x.day, x.month = int(g["d"]), int(g["m"])
        if not _valid(2000, x.month, x.day):
            return None
    elif name == "date_list":
        x.day, x.month, x.year = _day(g["d"]), _month(g["m"]), _year(g)
        x.rel = _rel_word(g.get("rel"))
    elif name == "fr_month_first":
        x.day, x.month, x.year = int(g["d"]), _month(g["m"]), int(g["y"])
        x.weekday = WEEKDAYS.get(g.get("wd") or "")
        if not _valid(x.year, x.month, x.day):
            return None
    elif name in ("en_date", "en_date2"):
        x.day, x.month, x.year = int(g["d"]), _month(g["m"], MONTHS_EN), int(g["y"])
        x.weekday = WEEKDAYS_EN.get(g.get("wd") or "")
        if not _valid(x.year, x.month, x.day):
            return None
    elif name == "interval":
        x.kind, x.night = "interval", bool(g.get("night"))
        x.day, x.day2 = _day(g["d"]), _day(g["d2"])
        x.month2 = _month(g["m2"])
        x.month = _month(g.get("m")) or x.month2
        x.year2 = int(g["y2"]) if g.get("y2") else None
        x.year = int(g["y"]) if g.get("y") else x.year2
    elif name == "date":
        x.day, x.month = _day(g["d"]), _month(g["m"])
        x.year = _year(g)
        if g.get("sep") == "-" and x.year is None and (x.day, x.month) in NAMED_DAYS:
            x.year = NAMED_DAYS[(x.day, x.month)]  # "le 11-Septembre": the day that became a name
        elif g.get("sep") == "-" and not raw[raw.find("-") + 1 :][:1].isupper():
            return None  # "1-2", a range, not a date
        x.weekday = WEEKDAYS.get(g.get("wd") or "")
        x.rel = _rel_word(g.get("rel"))
        ref = (g.get("ref") or "").strip()
        if ref:
            x.rel = "same_year" if "meme" in ref else ("next_year" if "suivante" in ref else "prev_year")
        if pre == "ce":
            x.rel = x.rel or "this"
        # "sept" and "mars" are also words: a bare day + "sept" needs a dot, a year or a day number
        if g["m"].rstrip(".") in ("sept", "sep", "jan", "dec", "oct", "nov", "fev") and not (
            g["m"].endswith(".") or x.year
        ):
            after = folded[e : e + 12]
            if not re.match(r"\s*(?:,|\.|;|$|\s(?:au|a|dernier|prochain|et|de))", after):
                return None
    elif name == "part":
        x.kind, x.part = "part", {"courant": "mi", "milieu": "mi"}.get(g["p"], g["p"])
        if g.get("m"):
            x.month = _month(g["m"])
            x.year = int(g["y"]) if g.get("y") else None
        elif g.get("yo"):
            x.year = int(g["yo"])
        else:
            r = g.get("rel") or ""
            x.rel = "last_year" if re.search(r"dern|pass", r) else ("next_year" if "proch" in r else "this_year")
    elif name == "month_year":
        x.kind, x.month, x.year = "month", _month(g["m"]), _year(g)
        if x.year < 1950 and _count_follows(folded, e):
            return None
    elif name == "month":
        x.kind = "month"
        x.month = _month(g.get("m") or g.get("m_"))
        rel = g.get("rel") or g.get("rel_")
        if rel:
            x.rel = "next" if rel == "prochain" else "last"
        if pre == "jusqu'en" and not x.rel and PAST_VERB_BEFORE.search(folded, max(0, s - 40), s):
            x.rel = "last"  # « qui a commandé jusqu'en novembre la mission »: the end of a past command
        if pre.startswith("d'ici") or pre == "jusqu'en":
            x.rel = x.rel or "next"
        if pre in ("de", "d'"):  # a noun's month (« la rentrée de septembre », « les frappes de janvier »)
            if raw[len(pre) :].lstrip()[:1].isupper() or re.match(
                rf"\s*(?:a|au|et|jusqu'a) (?:{M_FULL})\b", folded[e:]
            ):
                return None  # a name (« Mars Express »), or the start of a span of months (« de janvier à mars »)
    elif name == "season":
        x.kind, x.season = "season", g["s"]
        x.note = "en" if pre == "en" else ""
        if g["s"] == "ete":
            before = folded[max(0, s - 12) : s]
            if re.search(r"\b(a|ont|avait|avaient|aura|auront|aurait|ayant|l'a|l'ont)\s*$", before) and pre in (
                "l'",
                "",
            ):
                return None
        if g.get("y"):
            x.year = int(g["y"])
        ref = (g.get("ref") or "").strip()
        if ref and x.year is None:
            x.rel = "same_year" if "meme" in ref else ("next_year" if "suivante" in ref else "prev_year")
        elif g.get("rel"):
            x.rel = "next" if g["rel"] == "prochain" else "last"
        else:
            x.rel = "this"
    elif name == "relative_week":
        x.kind, x.unit = "relative", "week"
        r = g.get("rel") or ("precedente" if g.get("rel2") else "")
        x.rel = "this" if g.get("this") else ("next" if r == "prochaine" else "last")
    elif name == "relative_month":
        x.kind, x.unit = "relative", "month"
        x.rel = "this" if g.get("this") else ("next" if g.get("rel") == "prochain" else "last")
    elif name == "that_year":
        x.kind, x.rel = "year", "same_year"
    elif name == "relative_year":
        x.kind, x.unit = "relative", "year"
        r = g.get("rel") or g.get("rel2") or ""
        x.rel = "this" if (g.get("this") or r == "en cours") else ("next" if r.startswith("proch") else "last")
    elif name == "feast":
        if g.get("fixed") and not (g.get("eve") or pre):
            return None  # "Noël" alone may be a first name ("Noël Mamère")
        x.kind, x.note = "feast", (g.get("fixed") or g.get("saint") or g.get("easter")).replace("l'", "")
        x.note = x.note.replace("la ", "")
        if x.note in FIXED_FEASTS:
            x.month, x.day = FIXED_FEASTS[x.note]
            x.kind = "date"
            if (g.get("eve") or "").startswith("la veille"):
                d = date(2001, x.month, x.day) - timedelta(days=1)  # a year with no 29 February
                x.month, x.day = d.month, d.day
    elif name == "relative_day":
        x.kind, x.unit = "relative", "day"
        x.n = {
            "aujourd'hui": 0,
            "desormais": 0,
            "ce jour": 0,
            "hier": -1,
            "avant-hier": -2,
            "demain": 1,
            "apres-demain": 2,
        }[g["w"]]
        x.rel = "days"
        x.weekday = WEEKDAYS.get(g.get("wd") or "")  # « hier, lundi »: that day's weekday
    elif name == "weekend":
        x.kind, x.unit = "relative", "weekend"
        x.rel = {"dernier": "last", "passe": "last", "prochain": "next"}.get(g.get("rel") or "", "this")
        if "avant" in raw:
            x.rel = "last"
    elif name == "same_time":
        x.kind, x.rel = "relative", "same_time"
    elif name == "that_day":
        x.kind, x.rel, x.unit = "relative", "that_day", "day"
    elif name == "new_year":
        x.kind, x.rel = ("date" if g.get("nyd") else "year"), "new_year"
        if g.get("nyd"):
            x.day, x.month = 1, 1
    elif name == "decade":
        d = g["dec"]
        words = {
            "vingt": 20,
            "trente": 30,
            "quarante": 40,
            "cinquante": 50,
            "soixante": 60,
            "soixante-dix": 70,
            "quatre-vingt": 80,
            "quatre-vingts": 80,
            "quatre-vingt-dix": 90,
        }
        if d in words:
            y = 1900 + words[d]
        elif len(d) == 4:
            y = int(d)
        else:
            y = (2000 if int(d) < 20 else 1900) + int(d)
        a, b = {"debut": (0, 3), "milieu": (4, 6), "fin": (7, 9)}.get(g.get("p") or "", (0, 9))
        x.kind, x.year, x.year2 = "year", y + a, y + b
        x.part = g.get("p")
    elif name == "century":
        c = g["c"]
        if c.isdigit():
            n = int(c)
        else:
            if raw[m_start(raw, c) :][:1].islower():
                return None  # roman numerals are written in capitals
            n = _roman(c)
        if not 1 <= n <= 21:
            return None
        y = (n - 1) * 100
        a, b = {"debut": (0, 32), "milieu": (33, 66), "fin": (67, 99)}.get(g.get("p") or "", (0, 99))
        x.kind, x.year, x.year2 = "year", max(y + a, 1), y + b
        x.part = g.get("p")
    elif name == "ago":
        x.kind, x.rel = "relative", "ago"
        x.n, x.unit = _num(g["n"]), _unit(g["u"])
        x.bound = _bound(g.get("q"))
    elif name == "in_time":
        x.kind, x.rel = "relative", "in"
        x.n, x.unit = _num(g["n"]), _unit(g["u"])
        x.vague = g["n"] in ("quelques", "plusieurs")
    elif name == "part_relative":
        x.kind, x.part = "part_rel", "mi" if g["p"] == "milieu" else g["p"]
        x.unit = {"semaine": "week", "mois": "month", "annee": "year"}[g["per"]]
        r = g.get("rel") or ""
        x.rel = "next" if r.startswith("proch") else ("last" if r.startswith(("dern", "pass")) else "this")
    elif name == "offset":
        x.kind, x.n, x.unit = "offset", _num(g["n"]), _unit(g["u"])
        x.vague = g["n"] in ("quelques", "plusieurs")
        x.bound = _bound(g.get("q"))
        x.direction = "after" if g["dir"] in ("apres", "plus tard") else "before"
        x.rel = "follows" if g["dir"] in ("plus tard", "auparavant", "plus tot") else "refers"
    elif name == "since_then":
        x.kind, x.rel = "relative", "since_told"
    elif name == "earlier":
        x.kind, x.rel = "relative", "earlier"
        x.unit = "year" if g.get("y") else ("month" if g.get("m") else "week")
    elif name == "lendemain":
        x.kind, x.n, x.unit = "offset", (0 if "meme" in g["w"] else 1), "day"
        x.direction = "after" if "lendemain" in g["w"] else "before"
        x.rel = "refers" if re.search(r"d(?:e|u|es|')$", g["w"]) else "follows"
    elif name == "weekday":
        x.kind, x.weekday = "weekday", WEEKDAYS[g["wd"]]
        r = g.get("rel") or ""
        x.rel = {"dernier": "last", "prochain": "next"}.get(r, "this" if pre == "ce" else "recent")
    elif name == "night_weekdays":
        x.kind, x.weekday, x.night = "weekday", WEEKDAYS[g["wd"]], True
        x.day2 = (WEEKDAYS[g["wd2"]] - WEEKDAYS[g["wd"]]) % 7  # days the night spans into
        x.rel = "recent"
    elif name == "year_range":
        x.kind, x.year, x.year2 = "year", int(g["y"]), int(g["y2"])
        if x.year2 <= x.year:
            return None
    elif name in ("year", "year_yy", "bare_year"):
        x.kind, x.year = "year", _year(g)
        if g.get("y2"):
            x.year2 = int(g["y2"])
            if x.year2 != x.year + 1:
                return None
        if (x.year < 1950 or name == "bare_year") and _count_follows(folded, e):
            return None
        if name == "bare_year" and re.search(r"(?:[\w.,/$€-]|\d )$", folded[max(0, s - 2) : s]):
            return None  # part of a longer number, an amount, a reference
        if name == "bare_year" and re.search(
            r"(?:n°|no|numero|tel|page|p\.|art\.|article|loi|resolution|"
            r"code|route|rn|[a-z]-) ?$",
            folded[max(0, s - 12) : s],
        ):
            return None
        if pre in ("fin", "debut", "mi"):
            x.kind, x.part = "part", pre
    if (
        x.kind in ("date", "month", "part", "weekday", "interval")
        and x.year is None
        and x.rel in (None, "recent", "this")
    ):
        before = folded[max(0, s - 25) : s + (len(pre) + 1 if pre else 0)]
        if re.search(r"\bd'ici (?:a |au |a la |la |le |l')?$", before) or re.search(
            r"\bd'ici (?:a |au |a la |la |le |l')?$", folded[max(0, s - 25) : s]
        ):
            x.rel, x.note = "next", "d'ici"  # "d'ici la fin septembre": the coming one (this month's included)
        elif re.search(
            r"(?:jusqu'(?:a|au|en)|a partir d[eu']|a compter d[eu']|des (?:le|la)|avant|au plus tard)"
            r"\s*(?:la |le |l'|a la |du |de la )?$",
            before,
        ):
            x.rel, x.note = "next", "forward marker"  # unless the clause is in the past (see _find)
    if x.kind in ("date", "interval") and x.month is None:
        return None
    if x.day is not None and x.month is not None and x.day > 31:
        return None
    return x


# days that became names, written with a hyphen: the year is that of the event
NAMED_DAYS = {(11, 9): 2001, (7, 10): 2023}
FIXED_FEASTS = {
    "noel": (12, 25), "toussaint": (11, 1), "saint-sylvestre": (12, 31), "saint-valentin": (2, 14),
    "saint-nicolas": (12, 6), "saint-jean": (6, 24), "chandeleur": (2, 2), "sainte-catherine": (11, 25),
    "assomption": (8, 15), "nouvel an": (1, 1), "jour de l'an": (1, 1),
}  # fmt: skip
EASTER_OFFSETS = {"paques": 0, "lundi de paques": 1, "ascension": 39, "pentecote": 49, "lundi de pentecote": 50,
                  "mardi gras": -47, "vendredi saint": -2}  # fmt: skip


def easter(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _year(g: dict) -> int | None:
    """The year of a match: four digits, or two ("93", "'05") read around TWO_DIGIT_PIVOT."""
    if g.get("y"):
        return int(g["y"])
    if g.get("yy"):
        yy = int(g["yy"])
        return (2000 if yy <= TWO_DIGIT_PIVOT else 1900) + yy
    return None


def _rel_word(w: str | None) -> str | None:
    """ "dernier(s)/dernière(s)" → last, "prochain(s)/prochaine(s)" → next."""
    if not w:
        return None
    return "last" if w.startswith("dern") else "next"


def _roman(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10}
    n = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        n += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return n


def m_start(raw: str, c: str) -> int:
    """Where ``c`` starts in the folded ``raw`` text (-1 when absent)."""
    return fold(raw).find(c)


def _unit(u: str) -> str:
    return {
        "heure": "hour",
        "heures": "hour",
        "jour": "day",
        "jours": "day",
        "semaine": "week",
        "semaines": "week",
        "mois": "month",
        "an": "year",
        "ans": "year",
        "annee": "year",
        "annees": "year",
    }[u]


def _valid(y: int, m: int | None, d: int | None) -> bool:
    try:
        date(y, m or 1, d or 1)
        return True
    except (ValueError, TypeError):
        return False


# --- resolving ---------------------------------------------------------------------------------


def precision_of(start: date, end: date) -> str:
    """The precision of a span: day (up to two days), week, month, season or year."""
    days = (end - start).days + 1
    if days <= 2:
        return "day"
    if days <= 11:
        return "week"
    if days <= 31:
        return "month"
    if days <= 95:
        return "season"
    return "year"


def month_range(y: int, m: int) -> tuple[date, date]:
    """The first and last days of month ``m`` of year ``y``."""
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def part_range(y: int, m: int | None, part: str) -> tuple[date, date]:
    """The span of début / mi / fin of a month (thirds), or of a year when ``m`` is None."""
    if m is None:
        a, b = {"debut": (1, 3), "mi": (5, 8), "fin": (10, 12)}[part]
        return date(y, a, 1), month_range(y, b)[1]
    last = calendar.monthrange(y, m)[1]
    a, b = {"debut": (1, 10), "mi": (11, 20), "fin": (21, last)}[part]
    return date(y, m, a), date(y, m, b)


def season_range(y: int, season: str) -> tuple[date, date]:
    """The span of a season of year ``y`` (the winter of ``y`` starts in December of ``y - 1``)."""
    a, b = SEASONS[season]
    if season == "hiver":  # the winter of year y: December y-1 to February y
        return date(y - 1, 12, 1), month_range(y, 2)[1]
    return date(y, a, 1), month_range(y, b)[1]


def weekday_years(day: int, month: int, weekday: int, years) -> list[int]:
    """The years among ``years`` in which ``day``/``month`` falls on ``weekday``."""
    return [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == weekday]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def resolve(x: TimeExpr, anchor: date | None, context_year: int | None = None) -> tuple[date, date] | None:
    """The date range of ``x`` for one publication date ``anchor`` (None: only explicit dates)."""
    k = x.kind
    year = x.year
    if x.rel == "since_told":
        return None  # dated from the time told before it (see _since_told)
    if x.rel == "generic" or (k == "season" and x.note == "en" and x.tense is None and year is None):
        return None  # "été comme hiver", "les ventes augmentent en été": no particular season
    if x.rel == "new_year":
        if anchor is None:
            return None
        y = anchor.year + (1 if anchor.month >= 7 else 0)
        return (date(y, 1, 1), date(y, 1, 1)) if k == "date" else (date(y, 1, 1), date(y, 12, 31))
    if year is None and x.rel == "same_year":
        year = context_year
    elif year is None and x.rel in ("next_year", "prev_year") and context_year and k in ("date", "interval"):
        year = context_year + (1 if x.rel == "next_year" else -1)
    if k == "date":
        if year is not None:
            if not _valid(year, x.month, x.day):
                return None
            d = date(year, x.month, x.day)
            return d, d
        if anchor is None:
            return None
        direction = _direction(x)
        if x.weekday is not None:
            # the calendar repeats every 28 years: a weekday + day + month always has a candidate. The one
            # within a year of the anchor is meant (either way; the tense decides between two); failing
            # that, the latest before it
            years = weekday_years(x.day, x.month, x.weekday, range(anchor.year - 29, anchor.year + 30))
            cands = [date(y, x.month, x.day) for y in years]
            near = [c for c in cands if abs((c - anchor).days) <= 366]
            if near:
                ahead = [c for c in near if c >= anchor]
                behind = [c for c in near if c <= anchor]
                if direction == "future" and ahead:
                    d = min(ahead)
                elif direction == "past" and behind:
                    d = max(behind)
                else:
                    d = min(near, key=lambda c: (abs((c - anchor).days), c > anchor))
                return d, d
            past = [c for c in cands if c <= anchor]
            d = max(past) if past else min(cands)
            return d, d
        cands = [
            date(y, x.month, x.day)
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if _valid(y, x.month, x.day)
        ]
        if not cands:
            return None
        if direction == "future":
            ahead = [c for c in cands if c >= anchor]
            d = min(ahead) if ahead else max(cands)
        elif direction == "past":
            behind = [c for c in cands if c <= anchor]
            d = max(behind) if behind else min(cands)
        elif x.note == "nearest":
            d = min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))
        else:  # the news: the latest such day, or one announced for the coming week
            past = [c for c in cands if c <= anchor + timedelta(days=7)]
            d = max(past) if past else min(cands)
        return d, d
    if k == "part_rel":
        return _part_of_period(x, anchor) if anchor is not None else None
    if k == "feast":  # a feast moved with Easter
        if anchor is None or x.note not in EASTER_OFFSETS:
            return None
        cands = [
            easter(y) + timedelta(days=EASTER_OFFSETS[x.note]) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        ]
        direction = _direction(x)
        if direction == "future":
            d = min(c for c in cands if c >= anchor) if any(c >= anchor for c in cands) else max(cands)
        elif direction == "past":
            d = max(c for c in cands if c <= anchor) if any(c <= anchor for c in cands) else min(cands)
        else:
            d = max(c for c in cands if c <= anchor + timedelta(days=7))
        return d, d
    if k == "interval":
        y2 = x.year2 or year
        if y2 is None:
            if anchor is None:
                return None
            r = resolve(TimeExpr("", 0, 0, "date", day=x.day2, month=x.month2), anchor)
            if r is None:
                return None
            y2 = r[0].year
        y1 = year if (x.year and x.year2) else (y2 - 1 if (x.month or x.month2) > x.month2 else y2)
        if not (_valid(y1, x.month, x.day) and _valid(y2, x.month2, x.day2)):
            return None
        a, b = date(y1, x.month, x.day), date(y2, x.month2, x.day2)
        return (a, b) if a <= b else None
    if k in ("month", "part", "season"):
        if year is None:
            if x.rel in ("this_year", "last_year", "next_year"):
                if anchor is None:
                    return None
                year = anchor.year + {"this_year": 0, "last_year": -1, "next_year": 1}[x.rel]
                return part_range(year, None, x.part)
            if anchor is None:
                return None
            if k == "season":
                return _season_relative(x, anchor)
            year = anchor.year
            first = date(year, x.month, 1)
            anchor_month = date(anchor.year, anchor.month, 1)
            direction = _direction(x)
            if x.rel == "next" and not x.note:  # "juin prochain": a later month
                year = year if first > anchor_month else year + 1
            elif direction == "future":  # "d'ici septembre", "rouvrira en août": this month or a later one
                year = year if first >= anchor_month else year + 1
            elif x.rel == "last":
                year = year if first < anchor_month else year - 1
            elif first > anchor_month:
                year -= 1
        if k == "month":
            return month_range(year, x.month)
        if k == "part":
            return part_range(year, x.month, x.part)
        return season_range(year, x.season)
    if k == "year":
        if year is None:
            return None
        return date(year, 1, 1), date(x.year2 or year, 12, 31)
    if anchor is None:
        return None
    if k == "weekday":
        back = (anchor.weekday() - x.weekday) % 7
        if x.rel == "last" and back == 0:
            back = 7
        if x.night and x.day2:  # "la nuit de lundi à mardi": the night ends on or before the anchor
            back = (anchor.weekday() - x.weekday - x.day2) % 7 + x.day2
        if x.rel == "next" or (x.rel in ("recent", "this") and x.tense in ("future", "planned")):
            fwd = (x.weekday - anchor.weekday()) % 7
            if x.rel != "this" and not x.note:  # "vendredi prochain", "aura lieu jeudi": not today;
                fwd = fwd or 7  # "ce jeudi", "à partir de jeudi" may be
            d = anchor + timedelta(days=fwd)
        else:
            d = anchor - timedelta(days=back)
        return d, d + timedelta(days=x.day2 or 0) if x.night else d
    if k == "relative":
        if x.unit == "weekend":
            sat = anchor + timedelta(days=5 - anchor.weekday())  # this week's Saturday
            weekend = anchor.weekday() >= 5
            if x.rel == "last":
                d = sat - timedelta(days=7)
            elif x.rel == "next":
                d = sat + timedelta(days=7) if weekend else sat
            elif weekend:
                d = sat
            elif x.tense == "past" or (x.tense is None and anchor.weekday() <= 2):
                d = sat - timedelta(days=7)  # early in the week, "ce week-end" is the one just past
            else:
                d = sat
            return d, d + timedelta(days=1)
        if x.rel in ("same_time", "that_day"):
            return None  # resolved in tag() from the expression it refers back to
        if x.rel == "day_of_month":  # « le 3 »: the latest 3rd by the anchor, or in a future clause the next one
            return _day_of_month(x.day, anchor, x.tense in ("future", "planned"))
        if x.rel == "days":
            d = anchor + timedelta(days=x.n)
            return d, d
        if x.rel == "in":  # "dans quinze jours": that day after the anchor ("quelques": two to seven)
            if x.vague:
                lo_d, hi_d = _delta(x)
                return anchor + lo_d, anchor + hi_d
            if x.unit == "day":
                d = anchor + timedelta(days=x.n)
                return d, d
            if x.unit == "week":
                d = anchor + timedelta(weeks=x.n)
                return d - timedelta(days=3), d + timedelta(days=3)
            return month_range(*_ym(_add_months(anchor, x.n * (12 if x.unit == "year" else 1))))
        if x.rel == "earlier":  # « plus tôt cette année »: from the period's start to the anchor
            start = {
                "year": date(anchor.year, 1, 1),
                "month": anchor.replace(day=1),
                "week": anchor - timedelta(days=anchor.weekday()),
            }[x.unit]
            return start, max(start, anchor - timedelta(days=1))
        if x.rel == "ago" and x.bound:
            lo_d, hi_d = _delta(x)
            return anchor - hi_d, anchor - lo_d
        if x.rel == "ago":
            if x.unit == "day":
                d = anchor - timedelta(days=x.n)
                return d, d
            if x.unit == "week":
                d = anchor - timedelta(weeks=x.n)
                return d - timedelta(days=3), d + timedelta(days=3)
            if x.unit == "month":
                return month_range(*_ym(_add_months(anchor, -x.n)))
            # "il y a un an": about the same month N years before
            return month_range(*_ym(_add_months(anchor, -12 * x.n)))
        shift = {"this": 0, "last": -1, "next": 1}[x.rel]
        if x.unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
            return monday, monday + timedelta(days=6)
        if x.unit == "month":
            return month_range(*_ym(_add_months(anchor, shift)))
        return date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31)
    return None


def _day_of_month(day: int, anchor: date, ahead: bool) -> tuple[date, date] | None:
    """The day ``day`` of the anchor's month or of the one before (the next one holding it when ``ahead``)."""
    first = date(anchor.year, anchor.month, 1)
    for k in range(0, 3):
        m = _add_months(first, k if ahead else -k)
        if _valid(m.year, m.month, day):
            d = date(m.year, m.month, day)
            if (d >= anchor) if ahead else (d <= anchor):
                return d, d
    return None


def _part_of_period(x: TimeExpr, anchor: date) -> tuple[date, date]:
    """'fin de semaine', 'début du mois prochain', 'fin d'année': a part of a week, month or year around
    the anchor; without "prochain/dernier", the one the clause looks to (the part already over in a past
    clause, still ahead in a future one)."""

    def span(shift: int) -> tuple[date, date]:
        if x.unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
            a, b = {"debut": (0, 2), "mi": (2, 4), "fin": (3, 6)}[x.part]
            return monday + timedelta(days=a), monday + timedelta(days=b)
        if x.unit == "month":
            first = _add_months(date(anchor.year, anchor.month, 1), shift)
            return part_range(first.year, first.month, x.part)
        return part_range(anchor.year + shift, None, x.part)

    shift = {"next": 1, "last": -1}.get(x.rel, 0)
    a, b = span(shift)
    if x.rel == "this" and x.tense == "past" and a > anchor:
        a, b = span(-1)
    elif x.rel == "this" and x.tense in ("future", "planned") and b < anchor:
        a, b = span(1)
    return a, b


def _direction(x: TimeExpr) -> str | None:
    """'future', 'past' or None: from a word of the expression ("prochain", "dernier", "d'ici") or its clause."""
    if x.rel == "next":
        return "future"
    if x.rel == "last":
        return "past"
    return "future" if x.tense == "planned" else x.tense


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _season_relative(x: TimeExpr, anchor: date) -> tuple[date, date]:
    """'l'été dernier': the latest summer over before ``anchor``; 'cet été': the one of its year;
    'en été' in a future clause: the summer not yet over, in a past one: the latest one begun."""
    if x.rel == "this" and x.tense in ("future", "planned", "past"):
        for y in range(anchor.year - 1, anchor.year + 2):
            a, b = season_range(y, x.season)
            if x.tense != "past" and b >= anchor:
                return a, b
        for y in range(anchor.year + 1, anchor.year - 3, -1):
            a, b = season_range(y, x.season)
            if a <= anchor:
                return a, b
    for y in range(anchor.year + 1, anchor.year - 3, -1):
        a, b = season_range(y, x.season)
        if x.rel == "last" and b < anchor:
            return a, b
        if x.rel == "this" and a <= anchor + timedelta(days=120):
            return a, b
        if x.rel == "next" and a > anchor and season_range(y - 1, x.season)[0] <= anchor:
            return a, b
    return season_range(anchor.year, x.season)


def resolve_window(x: TimeExpr, lo: date | None, hi: date | None = None, context_year: int | None = None) -> TimeExpr:
    """Date ``x`` for a publication date somewhere in [lo, hi]: the union of the possibilities."""
    hi = hi or lo
    y = replace(x)
    explicit = resolve(x, None, context_year)
    if explicit is not None:
        y.date_start, y.date_end = explicit
        y.basis = "explicit" if x.year is not None or x.year2 is not None else "reference"
    elif lo is not None:
        a = resolve(x, lo, context_year)
        b = resolve(x, hi, context_year) if hi != lo else a
        if a is None or b is None:
            return y
        y.date_start, y.date_end = min(a[0], b[0]), max(a[1], b[1])
        if x.kind == "date" and a != b and b[0] >= lo - timedelta(days=7):
            # « le 18 mars » in an article known only as of March: this March's, not a window back to the
            # March before (that reading needs a past the text would have marked, « l'an dernier »)
            y.date_start, y.date_end = b
        elif x.kind == "weekday" and hi - lo > timedelta(days=7) and y.date_start < lo <= y.date_end:
            # a bare weekday in an article known only by its month: a day of that month (CODEBOOK)
            y.date_start = lo
        y.basis = "anchored"
    else:
        return y
    y.precision = precision_of(y.date_start, y.date_end)
    if x.kind == "interval" and y.precision == "week" and (y.date_end - y.date_start).days <= 7:
        y.precision = "day" if x.night else "week"
    if x.night and (y.date_end - y.date_start).days <= 1:
        y.precision = "day"
    if x.unit == "weekend":
        y.precision = "week"
    return y


def tag(
    text: str, lo: date | None = None, hi: date | None = None, sentence_spans: list[tuple[int, int]] | None = None
) -> list[TimeExpr]:
    """Find and resolve every expression of ``text`` for a publication window [lo, hi].

    ``de la même année`` takes the year of the latest explicit year before it; an offset
    ("deux jours après une frappe") is dated from the other date of its sentence, and
    "N jours plus tard" from the date before it.
    """
    exprs = find_expressions(text)
    out: list[TimeExpr] = []
    context_year = None
    for x in exprs:
        if x.kind == "offset":
            out.append(x)
            continue
        r = resolve_window(x, lo, hi, context_year)
        if x.year is not None and x.kind in ("date", "interval", "month", "part", "season", "year"):
            context_year = x.year2 or x.year
        elif r.resolved and r.basis == "reference":
            context_year = r.date_start.year
        out.append(r)
    spans = sentence_spans or [(0, len(text))]
    folded = fold(text)
    for i, x in enumerate(out):
        if x.rel == "same_time" and lo is not None:
            out[i] = _same_time(x, out, spans, lo, hi or lo)
        elif x.rel == "that_day":
            out[i] = _that_day(x, out, spans)
        elif x.rel == "day_of_month":
            out[i] = _month_told(x, out, spans, hi or lo)
        elif x.rel == "earlier":
            out[i] = _earlier_than_told(x, out, spans)
        elif x.rel == "since_told" and (hi or lo) is not None:
            out[i] = _since_told(x, out, spans, hi or lo)
    for i, x in enumerate(out):
        if x.kind != "offset":
            continue
        sent = next(((a, b) for a, b in spans if a <= x.start < b), (0, len(text)))
        lo_d, hi_d = _delta(x)
        if x.rel == "refers":
            # "N jours après X": the other date of the sentence is that of the main clause when
            # it comes before the offset, and that of X when it comes after it. With no other date
            # the offset fixes nothing here: X is an event, and only its date (or the main clause's,
            # when the article dates them: see helpers.extract.events) can count the days, never
            # the publication day
            others = [
                o for o in out if o is not x and o.resolved and sent[0] <= o.start < sent[1] and o.kind != "offset"
            ]
            if not others:
                continue
            ref = min(others, key=lambda o: abs(o.start - x.start))
            main = count_from(x, ref.date_start, ref.date_end, forward=True) if ref.start > x.start else None
            if main is not None and (
                _in_main_clause(folded, sent[0], x, ref)
                or (hi or lo) is not None
                and main[0] > (hi or lo)
                and clause_tense(text, folded, ref.start, ref.end) not in ("future", "planned")
            ):
                # the date after X's phrase is the main clause's own: X is counted back from it. A past clause
                # dated after publication is no reading (« vingt ans après l'invasion, … est arrivé ce mardi »)
                main = None
            if main is not None:  # the date given is X's
                out[i] = replace(
                    x,
                    date_start=ref.date_start,
                    date_end=ref.date_end,
                    main_start=main[0],
                    main_end=main[1],
                    basis="reference",
                    note=f"from {ref.text!r}",
                )
            else:
                a, b = count_from(x, ref.date_start, ref.date_end, forward=False)
                out[i] = replace(
                    x,
                    date_start=a,
                    date_end=b,
                    main_start=ref.date_start,
                    main_end=ref.date_end,
                    basis="reference",
                    note=f"from {ref.text!r}",
                )
        else:
            before = [o for o in out[:i] if o.resolved and o.kind != "offset"]
            if not before:
                continue
            ref = before[-1]
            # « en septembre 2014 …, un an plus tard »: September 2015, whole months and years counted whole
            a, b = count_from(x, ref.date_start, ref.date_end, forward=True)
            out[i] = replace(x, date_start=a, date_end=b, basis="reference", note=f"from {ref.text!r}")
        y = out[i]
        if y.date_start is not None:
            out[i] = replace(y, precision=precision_of(y.date_start, y.date_end))
    return out


# what may follow the comma that closes X's phrase and still be about X: a relative clause (« …, qui a eu lieu le 3
# janvier, … »), a parenthesis or a quotation
_ON_X = re.compile(r"\s*(?:(?:qui|que|qu'|dont|ou|lequel|laquelle|lesquels|lesquelles)\b|[(«\"])")
# the little words that may stand before a date in apposition (« …, le 3 janvier, … », « …, en 2013, … »)
_BEFORE_DATE = frozenset("le la l' en au du de des ce cette dans a des depuis".split())


def _in_main_clause(folded: str, sent_start: int, x: TimeExpr, ref: TimeExpr) -> bool:
    """Whether the date ``ref`` after an offset « N ans après X » is the main clause's own, not X's: the offset
    fronts its sentence (or follows a dateline's dash), X's phrase ends at a comma, and the main clause's words
    stand between that comma and the date (« Près de vingt ans après l'invasion, le ministre est arrivé mardi
    7 mars »). A date right after the comma (« …, le 3 janvier, … ») or in a relative clause on X is X's."""
    if not re.search(r"(?:^|[,:\-–—(])\s*$", folded[sent_start : x.start]):
        return False
    comma = folded.find(",", x.end, ref.start)
    if comma == -1 or re.search(r"[.;:!?]", folded[x.end : ref.start]) or _ON_X.match(folded, comma + 1):
        return False
    words = re.findall(r"[a-z]+'?", folded[comma + 1 : ref.start])
    return any(w not in _BEFORE_DATE for w in words)


# what may stand between a period and a finer time it holds, in apposition: a comma (« la semaine dernière, jeudi
# 20 août »), « dont » and the part it picks out (« au printemps, dont l'une, en mars »)
APPOSITION = re.compile(r"\s*,\s*(?:dont\b[^,.;:!?()«»]{0,40}?(?:\s*,\s*|\s+))?")


def refine_appositions(exprs: list[TimeExpr], folded: str) -> list[TimeExpr]:
    """The dated expressions, each period followed in apposition by a finer time that falls inside it (« au
    printemps, dont l'une, en mars », « la semaine dernière, jeudi 20 août », « la semaine dernière jeudi 20
    août ») standing for that finer time: an event the clause dates by the period happened then. Two times
    that do not nest (« en 2019, le 3 mai » read as 2020's) are two dates, left as they are."""
    out = list(exprs)
    for i, (x, y) in enumerate(zip(exprs, exprs[1:])):
        if not (x.resolved and y.resolved) or "offset" in (x.kind, y.kind) or x.since or y.since:
            continue
        between = folded[x.end : y.start]
        weekday_date = y.kind == "date" and y.weekday is not None
        if not (APPOSITION.fullmatch(between) or (weekday_date and between.isspace())):
            continue
        inside = x.date_start <= y.date_start and y.date_end <= x.date_end
        if inside and (y.date_end - y.date_start) < (x.date_end - x.date_start):
            out[i] = replace(y, start=x.start, end=x.end, note=f"within {x.text!r}")
    return out


def _last_told(x: TimeExpr, out: list[TimeExpr], spans, keep) -> TimeExpr | None:
    """The last resolved expression before ``x``, in its sentence or the two before, that ``keep`` accepts."""
    k = next((i for i, (a, b) in enumerate(spans) if a <= x.start < b), 0)
    since = spans[max(0, k - 2)][0] if spans else 0
    told = [o for o in out if o is not x and o.resolved and since <= o.start and o.end <= x.start and keep(o)]
    return max(told, key=lambda o: o.start) if told else None


def _that_day(x: TimeExpr, out: list[TimeExpr], spans) -> TimeExpr:
    """« Ce jour-là », « cette nuit-là »: the day last named before it, in its sentence or the two before
    (« Il faut remonter au 3 janvier … Ce jour-là, … »); with none, unresolved (not the publication day)."""
    ref = _last_told(
        x, out, spans, lambda o: o.kind != "offset" and o.rel != "that_day" and (o.date_end - o.date_start).days <= 1
    )
    if ref is None:
        return x
    return replace(
        x,
        date_start=ref.date_start,
        date_end=ref.date_end,
        precision=ref.precision,
        basis="reference",
        note=f"from {ref.text!r}",
    )


def _earlier_than_told(x: TimeExpr, out: list[TimeExpr], spans) -> TimeExpr:
    """« plus tôt dans le mois (la semaine, l'année) » after a day the sentence or the two before name (« Le 29 mars,
    la base K1 a été remise, après celles d'al-Qaïm et de Qayyarah plus tôt dans le mois »): earlier in that day's
    month, not in the publication's; with no such day, as resolved from publication."""
    ref = _last_told(x, out, spans, lambda o: o.kind != "offset" and o.rel != "earlier" and o.precision == "day")
    if ref is None:
        return x
    a, b = resolve(replace(x, date_start=None, date_end=None), ref.date_start) or (None, None)
    if a is None:
        return x
    return replace(
        x, date_start=a, date_end=b, precision=precision_of(a, b), basis="reference", note=f"from {ref.text!r}"
    )


def _since_told(x: TimeExpr, out: list[TimeExpr], spans, last: date) -> TimeExpr:
    """« depuis » with no complement (« Plusieurs pays ont depuis déplacé une partie de leurs soldats »): from the
    time the sentence or the two before last told to the publication; with none, unresolved."""
    ref = _last_told(x, out, spans, lambda o: o.kind != "offset" and o.rel != "since_told" and o.date_start <= last)
    if ref is None:
        return x
    a, b = ref.date_start, last
    return replace(
        x, date_start=a, date_end=b, precision=precision_of(a, b), basis="reference", note=f"since {ref.text!r}"
    )


def _month_told(x: TimeExpr, out: list[TimeExpr], spans, last: date | None) -> TimeExpr:
    """« Le 27, … » with no month in its sentence: a day of the month the two sentences before it name (« En
    janvier, les tirs se sont multipliés. Le 27, … »); with none, as resolved from publication (the anchor's
    month or the one before). A past clause is not dated after publication."""
    ref = _last_told(
        x,
        out,
        spans,
        lambda o: (
            o.kind in ("date", "month", "part")
            and (o.date_start.year, o.date_start.month) == (o.date_end.year, o.date_end.month)
        ),
    )
    if ref is None:
        return x
    y, m = ref.date_start.year, ref.date_start.month
    if not _valid(y, m, x.day):
        return x
    d = date(y, m, x.day)
    if last is not None and d > last and x.tense not in ("future", "planned"):
        return x
    return replace(x, date_start=d, date_end=d, precision="day", basis="reference", note=f"month of {ref.text!r}")


def _same_time(x: TimeExpr, out: list[TimeExpr], spans, lo: date, hi: date) -> TimeExpr:
    """ "(l'année dernière) à la même époque": the time of year of the publication, in the year of the
    expression it goes with (the nearest in its sentence, the one before preferred); else that expression's date."""
    sent = next(((a, b) for a, b in spans if a <= x.start < b), (0, 0))
    near = [o for o in out if o is not x and o.resolved and o.kind != "offset" and sent[0] <= o.start < sent[1]]
    if not near:
        return x
    ref = min(near, key=lambda o: (abs(o.start - x.start), o.start > x.start))
    a, b = ref.date_start, ref.date_end
    if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        a = date(a.year, lo.month, 1)
        b = month_range(a.year, hi.month if hi.year == lo.year else 12)[1]
    return replace(
        x, date_start=a, date_end=b, precision=precision_of(a, b), basis="reference", note=f"from {ref.text!r}"
    )


def count_from(x: TimeExpr, start: date, end: date, forward: bool) -> tuple[date, date]:
    """The days an offset ``x`` (« deux jours après X ») gives, counted from the dates [start, end] of one side:
    the main clause's from X's (``forward``), or X's from the main clause's. Whole years counted from a whole
    year give a whole year (« en 2014, trois ans après » is 2011), whole months or years from a whole month a month
    (« en septembre 2014 …, un an plus tard » is September 2015)."""
    sign = (1 if x.direction == "after" else -1) * (1 if forward else -1)
    if not x.vague and x.n and x.unit in ("year", "month"):
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        whole_month = start.day == 1 and end == month_range(end.year, end.month)[1]
        if whole_year and x.unit == "year":
            return date(start.year + sign * x.n, 1, 1), date(end.year + sign * x.n, 12, 31)
        if whole_month:  # « un an après mars 2020 »: March 2021
            months = sign * x.n * (12 if x.unit == "year" else 1)
            a = _add_months(start.replace(day=1), months)
            b = _add_months(end.replace(day=1), months)
            return a, month_range(b.year, b.month)[1]
    lo_d, hi_d = _delta(x)
    if sign > 0:
        return start + lo_d, end + hi_d
    return start - hi_d, end - lo_d


def _bound(q: str | None) -> str:
    """The bound a quantity's adverb puts on it: « moins de » lt, « plus de » gt, « près de », « environ » about."""
    q = (q or "").strip()
    if q.startswith("moins"):
        return "lt"
    if q.startswith("plus"):
        return "gt"
    return "about" if q.startswith(("pres", "environ", "quelque", "presque")) else ""


def _delta(x: TimeExpr) -> tuple[timedelta, timedelta]:
    """The (smallest, largest) shift an offset stands for: '2 jours' exactly, 'quelques jours' 2–7; hours, the
    same day or the next ('quelques heures après X': X's day or the day after, 48 heures: two days)."""
    if x.unit == "hour":
        n = 24 if x.vague or not x.n else x.n
        return timedelta(days=n // 24 if not x.vague else 0), timedelta(days=max(1, math.ceil(n / 24)))
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[x.unit]
    n = x.n or 0
    if x.bound == "lt":  # « moins d'une semaine »: from a day to the whole span
        return timedelta(days=min(1, n * days)), timedelta(days=n * days)
    if x.bound == "gt":  # « plus de deux ans »: the span, and up to half again (a writer says « près de » nearer)
        return timedelta(days=n * days), timedelta(days=n * days * 1.5 + days)
    if x.bound == "about":  # « près de trois mois »: a quarter either way, at least half the unit
        margin = max(days / 2, n * days / 4)  # « environ un mois » from 15 June: 1–31 May
        return timedelta(days=max(0, math.ceil(n * days - margin))), timedelta(days=math.floor(n * days + margin))
    if x.vague:
        return timedelta(days=2 * days), timedelta(days=7 * days if x.unit == "day" else 4 * days)
    if x.unit in ("month", "year"):
        return timedelta(days=(x.n - 0.5) * days), timedelta(days=(x.n + 0.5) * days)
    return timedelta(days=x.n * days), timedelta(days=x.n * days)


# --- writing dates for readers -----------------------------------------------------------------


def display_date(
    start: date | None, end: date | None, precision: str | None = None, qualifier: str = "", abbreviated: bool = True
) -> str:
    """'3 janv. 2020', 'début janv. 2020', 'mars 2020', 'été 2019', '2–3 janv. 2020', '2021'."""
    if start is None or (isinstance(start, float)):
        return "date inconnue"
    end = end or start
    names = MONTH_ABBR if abbreviated else MONTH_NAMES
    if start == end:
        return f"{'1er' if start.day == 1 else start.day} {names[start.month]} {start.year}"
    if qualifier and start.month == end.month and start.year == end.year:
        q = "mi-" if qualifier.startswith("mi") else qualifier + " "
        return f"{q}{names[start.month]} {start.year}"
    if start.day == 1 and end == month_range(end.year, end.month)[1]:
        if start.month == end.month and start.year == end.year:
            return f"{names[start.month]} {start.year}"
        if start.month == 1 and end.month == 12:
            if qualifier:
                return f"{qualifier} {start.year}" if start.year == end.year else f"{start.year}–{end.year}"
            return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        if qualifier and start.year == end.year:
            return f"{qualifier} {start.year}"
        for s, (a, b) in SEASONS.items():
            if (start.month, end.month) == (a, b) and (start.year == end.year) != (s == "hiver"):
                return f"{SEASON_NAMES[s]} {end.year}"
        if start.year == end.year:
            return f"{names[start.month]}–{names[end.month]} {start.year}"
        return f"{names[start.month]} {start.year} – {names[end.month]} {end.year}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{end.day} {names[start.month]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {names[start.month]} – {end.day} {names[end.month]} {start.year}"
    return f"{start.day} {names[start.month]} {start.year} – {end.day} {names[end.month]} {end.year}"
