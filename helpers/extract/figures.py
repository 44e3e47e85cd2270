"""Figures: every number of soldiers, casualties and other things, with what it measures,
whose people it counts, what it is a part of and where it applies.

A figure is a number (digits with any thousands separator, French words read with
text2num, or an approximate word such as « une centaine », « des dizaines », « deux
douzaines ») attached to what it counts: the noun right after it, or, when the noun is
left out (« 2 500 en Irak et 900 en Syrie », « Puis de 34, de 50 et de 64 », « 25 autres »),
the figure it continues. Numbers inside dates, ordinals (« brigade 32 », « numéro deux »),
ages, times and percentages are never figures.

How each figure is read in its sentence (measure, party, scope) is in
:mod:`helpers.extract.figure_roles`; this module finds the numbers, their bounds and their nouns,
links figures to each other and decides, in order:

- ``kind``: ``casualties`` when the figure's own words or the verb or noun that governs it
  say killed or wounded; ``troops`` when it counts the personnel of a force; else ``other``;
- ``measure`` (codebook): a level (``present``, ``planned``), a flow (``arriving``,
  ``leaving``, ``moved``) or a toll (``killed``, ``wounded``, ``killed_or_wounded``);
- ``party``: whose people; ``party_basis`` says how it was read (``stated`` in the figure's
  words, ``possessor``, ``parts``, ``continued`` from the figure it continues, ``subject`` of
  its clause, ``context``: the force the article last named);
- ``part_of``: « 200 militaires, dont 160 formateurs », « parmi lesquels », « 30 sur 70 »,
  « 45 de ses 120 instructeurs », and a level at one site of a country level of the same
  party given before in the article;
- ``scope``: ``Iraq``, a place id (a base, a city), or another country (``Syria``,
  ``Kuwait``…), several joined by ``;``.

Counting rules (also written in notebook 03):
- ``approximate`` is true for quelque, environ, près de, plus de, au moins, moins de,
  jusqu'à and the -aine / plusieurs / des words; ``count_low``/``count_high`` bound it:
  environ/quelque N → 0.9N–1.1N; près de N → 0.9N–N; plus de / au moins N → N–(open);
  moins de / jusqu'à N → (open)–N; une dizaine 8–12, une vingtaine 16–24, une centaine
  80–120, un millier 800–1 200; des/plusieurs dizaines 20–90, centaines 200–900,
  milliers 2 000–9 000 (best: the low end); « 150 à 200 » 150–200 (best: the middle).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from text_to_num import text2num

from ..text import ByStart, Sentence, fold
from . import figure_roles as roles

NEVER_AFTER = re.compile(
    r"^\s+(?:de |d')?(?:kilometres?|km|metres?|miles?|jours?|semaines?|mois|ans|annees?|"
    r"heures?|minutes?|secondes?|fois|reprises|siecles?|decennies?|etapes?|temps|points?)\b"
)
OTHER_UNITS = (
    "bases?|roquettes?|missiles?|drones?|obus|operations?|attaques?|sites?|positions?|installations?|"
    "frappes?|raids?|vehicules?|avions?|helicopteres?|chars?|camps?|projectiles?|tirs?|cibles?|objectifs?|"
    "munitions?|bombes?|engins?|batteries|systemes?|navires?|fregates?|rafale|dollars?|euros?|millions?|"
    "milliards?|"
    "deputes?|voix|sieges?|cas|morts? civils?"
)
PERSON = roles.PERSON_UNITS.pattern[4:-2]  # the alternatives, without ^(?: )$
UNIT_RX = re.compile(
    rf"^(?:\s+(?:de |d')?(?:leurs?|ses|nos|vos|ces|les|des)?\s*)?[\s\"«“']*(?:(?:autres?|derniers?|dernieres?|premiers?|premieres?|nouveaux|nouvelles?|nouveau|seuls?|seules?)\s+)?"
    rf"(?P<unit>{PERSON}|{OTHER_UNITS})\b"
)
NATIONALITY_NOUN = re.compile(
    r"^(?:americains?|francais|britanniques?|canadiens?|allemands?|italiens?|espagnols?|"
    r"australiens?|tcheques?|slovaques?|danois|norvegiens?|neerlandais|roumains?|croates?|"
    r"hongrois|polonais|belges?|suedois|finlandais|portugais|grecs?|bulgares?|lituaniens?|"
    r"estoniens?|lettons?|albanais|irakiens?|iraniens?|kurdes?|turcs?|syriens?|jordaniens?|"
    r"libanais|russes?|israeliens?|saoudiens?|qataris?|koweitiens?|philippins?|nepalais|"
    r"indiens?|pakistanais|japonais|chinois|fidjiens?|ougandais|kenyans?)$"
)
# a nationality noun the list above does not name, by its form: a capitalized demonym (« 11 Ukrainiens »)
DEMONYM = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)?(?:iens|iennes|ains|aines|ais|aises|ois|oises|ans|anes)$"
)
NOT_DEMONYM = re.compile(r"^(?:chretiens|musulmans|paroissiens|gardiens|anciens|riverains|humains)$")


def nationality_noun(word: str) -> bool:
    """A noun of nationality as written (« Américains », « Ukrainiens »), not an adjective."""
    f = fold(word)
    return bool(NATIONALITY_NOUN.match(f) or DEMONYM.match(word) and not NOT_DEMONYM.match(f))


ORDINAL_BEFORE = re.compile(
    r"\b(brigade|bataillon|division|regiment|numero|n°|no|article|resolution|page|chapitre|"
    r"lot|vol|route|autoroute|kilometre|km|point|niveau|phase|ligne|unite|tour|base|camp|"
    r"convoi|escadron|groupement|vague)\s*$"
)
_NUM_WORDS = (
    r"zero|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|et|un|une"
)
# a run of number words; the lookahead (whole number words after the blanks) keeps the pattern from matching
# every space between two other words, without changing any match it makes
WORD_NUM = re.compile(r"\b(?=[\s-]*(?:" + _NUM_WORDS + r")+\b)(?:(?:" + _NUM_WORDS + r"|-|\s)+)\b")
AINE = {
    "dizaine": (10, 8, 12),
    "douzaine": (12, 10, 14),
    "quinzaine": (15, 12, 18),
    "vingtaine": (20, 16, 24),
    "trentaine": (30, 25, 35),
    "quarantaine": (40, 35, 45),
    "cinquantaine": (50, 40, 60),
    "soixantaine": (60, 50, 70),
    "centaine": (100, 80, 120),
    "millier": (1000, 800, 1200),
    "poignee": (5, 2, 10),
}
PLURAL_AINE = {"dizaines": (20, 20, 90), "centaines": (200, 200, 900), "milliers": (2000, 2000, 9000)}
MULTIPLE = {"dizaines": 10, "douzaines": 12, "vingtaines": 20, "centaines": 100, "milliers": 1000}
SMALL = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
APPROX_BEFORE = re.compile(
    r"\b(environ|quelque|approximativement|autour de|aux alentours de|a peu pres|pres de|presque|"
    r"plus de|au moins|au minimum|pas moins de|moins de|jusqu'a|au plus|au maximum|plus d'|"
    r"pres d'|moins d')\s*$"
)
APPROX_AFTER = re.compile(r"^\s+(?:(?!(?:a|de|et|ou|sur|contre)\b)\w+\s+)?environ\b(?!\s*\d)")
# what joins a number to the figure before it, so that it counts the same thing
COMPOSITE = re.compile(
    r"(\bdont|\bsur (?:les |la |un total de |l'ensemble des )?|\bet|,|\bparmi(?: eux| elles| lesquel\w+)?|"
    r"\bcontre|\bau lieu de|\bpuis|\bainsi qu'|\bainsi que|\bsoit|\bou|\(|\ba|\bde|\btandis que|\balors que|"
    r"\bdes|\bles|\baux)\s*"
    r"(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|une|un|de|d')?\s*$"
)
# (Swiss French writes thousands with an apostrophe: « 1'000 soldats », « 2’500 »)
DIGITS = re.compile(
    r"(?<![\w,.])\d{1,3}(?:(?:[ .,\u00a0\u202f]|(?<=\d)['\u2019](?=\d{3}))\d{3})+(?![\d\w])|(?<![\w,.])\d+(?![\d\w]|[,.]\d)"
)
PART_BEFORE = re.compile(
    r"(?:\bdont|\bparmi (?:eux|elles|lesquels|lesquelles|ceux-ci|celles-ci))\s*"
    r"(?:les |des )?(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|seulement|notamment)?\s*$"
)
WHOLE_SUR = re.compile(
    r"\b(?:sur|parmi)\s+(?:les |la |un total de |l'ensemble des |un effectif de |ses |leurs |ces )?"
    r"(?:quelque |environ |pres de |plus de )?$"
)
OF_POSSESSIVE = re.compile(
    r"^\s*(?:(?:de|d')\s*(?:ses|leurs|nos|vos|les|ces)|des)\s*(?:quelque|environ|pres de|plus de)?\s*$"
)
CONTINUES = re.compile(
    r"^\s*(?:puis|ensuite|et|mais|dont|parmi|sur|au moins|plus de|selon|soit|enfin|"
    r"par ailleurs|en outre)\b"
)
ELLIPSIS_NEXT = re.compile(
    r"^\s*(?:autres?\b|en |au |aux |a |dans |sur |pour |ont |sont |ont ete |seront |restent |"
    r"resteront |se |s'|qui |\)|,|;|\.|$|-|et |ainsi |dont |selon |devraient |doivent |"
    r"avaient |etaient |auraient |seraient |de plus\b|[a-z]+ment\b)"
)
EPIDEMIC = re.compile(r"\b(?:covid\w*|coronavirus|virus|epidemie|pandemie|maladie|cas confirmes|contamin\w+)\b")
STRUCK = re.compile(
    r"^(?:frapp\w+|vis\w+|cibl\w+|detrui\w+|detru\w+|bombard\w+|attaqu\w+|touch\w+|pilonn\w+|"
    r"atteindre|atteint\w*|endommag\w+|prendre|pris\w*|saisi\w*|intercept\w+|abatt\w+)$"
)
OBJECT_AFTER = re.compile(
    r"^\s+(?:le |l'|son |leur )(?:nombre |total |effectif )?(?:de |d'|des )?\s*"
    r"(?:ses |leurs |nos |ces |les )?(?P<unit>soldats|militaires|troupes|effectifs|forces|"
    r"hommes|personnels?|contingents?|instructeurs|conseillers|formateurs)\b"
)
COPULA_NP = re.compile(r"^\s+(?:sont|etaient|seraient|etait|est)\s+(?:des|de|d')\s*")
REPORTING_HEAD = re.compile(r"^(?:fait etat|fait part|bilan|selon|total)$")
DESTINATION = re.compile(
    r"\b(?:vers|pour se rendre|a destination d|en direction d|jusqu'a|pour rejoindre|pour gagner|"
    r"se rendre)\b"
)


@dataclass
class Figure:
    start: int
    end: int
    surface: str
    count_best: int | None
    count_low: int | None
    count_high: int | None
    approximate: bool
    unit: str = ""
    party: str = ""
    kind: str = "other"
    measure: str = ""
    part_of: int | None = None  # index, in the article's figures, of the figure this one is a part of
    scope: str = ""
    party_basis: str = ""
    measure_basis: str = ""
    sentence_index: int = 0
    # positions in the sentence: number start, number end, end of its unit noun
    local: tuple[int, int, int] = (0, 0, 0)
    unit_start: int = -1
    continues: int | None = None  # index of the figure whose noun this one shares (ellipsis)
    definite: bool = False  # "les 5 200 soldats", "ses 30 soldats": a known whole
    possessive: str = ""  # the possessive determiner, folded ("ses", "leurs")
    demonstrative: bool = False
    parts: list[int] = field(default_factory=list)

    @property
    def planned(self) -> bool:
        """A target, not a count of what is (kept for readers of the old column)."""
        return self.measure == "planned"


# --- numbers ---------------------------------------------------------------------------------------


# the patterns of _numbers, compiled once
_SEPARATORS = re.compile(r"[ .,\u00a0\u202f'\u2019]")
_MULTIPLES = re.compile(
    r"\b(?P<k>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) (?P<w>dizaines|douzaines|"
    r"vingtaines|centaines|milliers)\b"
)
_AINES = re.compile(
    r"\b(?:une?|plusieurs|des|quelques) (?:(?P<adj>petite|bonne|grosse|gros|large|grande) )?(?P<w>"
    + "|".join(sorted(list(AINE) + list(PLURAL_AINE), key=len, reverse=True))
    + r")s?\b"
    # a definite or possessive determiner before a singular -aine word counts too when « de » follows (« la
    # cinquantaine de militaires », « sa vingtaine d'instructeurs », « la barre du millier de soldats »); without it
    # « la quarantaine » is an isolation
    r"|(?:\b(?:la|le|sa|son|leur|cette|ce|notre|votre) |(?<=\bdu )|(?<=\bau ))(?P<w2>"
    + "|".join(sorted(AINE, key=len, reverse=True))
    + r")(?= (?:de |d'))"
)
_LEADING = re.compile(r"^(?:[\s-]|et\b)+")
_UN = re.compile(r"une?")
_UN_CENT = re.compile(r"une? (?:cent|mille)")


def _numbers(
    text: str, folded: str, skip: list[tuple[int, int]]
) -> list[tuple[int, int, int, int | None, int | None, bool]]:
    """(start, end, best, low, high, approximate) of every number in ``text``, never overlapping."""
    out = []

    def free(s, e):
        return not any(s < b and a < e for a, b in skip)

    for m in DIGITS.finditer(folded):
        raw = _SEPARATORS.sub("", m.group())
        if free(m.start(), m.end()):
            n = int(raw)
            out.append((m.start(), m.end(), n, n, n, False))
    for m in _MULTIPLES.finditer(folded):
        k = SMALL.get(m.group("k")) or int(m.group("k"))
        n = k * MULTIPLE[m.group("w")]
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), n, n, n, True))
    for m in _AINES.finditer(folded):
        w = m.group("w") or m.group("w2")
        best, lo, hi = AINE.get(w) or PLURAL_AINE[w]
        if m.group("adj") == "petite":
            hi = best  # « une petite centaine »: just under a hundred
        elif m.group("adj") and w in AINE:
            lo = best  # « une bonne centaine », « un gros millier »: a hundred or a little more
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), best, lo, hi, True))
    for m in WORD_NUM.finditer(folded):
        s, e = m.span()
        span = folded[s:e]
        stripped = _LEADING.sub("", span)
        lead = len(span) - len(stripped)
        span_s = stripped.rstrip(" -")
        if _UN.fullmatch(span_s) and free(s + lead, s + lead + len(span_s)):
            # "un"/"une" counts only a victim or a composite ("et un britannique"); decided later
            out.append((s + lead, s + lead + len(span_s), 1, 1, 1, False))
            continue
        if not span_s or span_s in ("et", "un", "une") or not free(s, e):
            continue
        s += lead
        e = s + len(span_s)
        words = span_s
        if words.startswith(("un ", "une ")) and not _UN_CENT.match(words):
            continue
        try:
            n = text2num(words, "fr")
        except (ValueError, IndexError):
            continue
        out.append((s, e, n, n, n, False))
    # the longest reading of overlapping spans wins ("deux douzaines" over "deux")
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list = []
    for x in out:
        if kept and x[0] < kept[-1][1]:
            continue
        kept.append(x)
    return kept


def _candidates(text: str, folded: str, skip: list[tuple[int, int]]) -> list[Figure]:
    """Numbers with their bounds and the noun right after them (if any)."""
    figs: list[Figure] = []
    for s, e, best, lo, hi, approx in _numbers(text, folded, skip):
        before = folded[max(0, s - 30) : s]
        if ORDINAL_BEFORE.search(before) or re.match(
            r"\s*(%|pour cent|ans\b|heures?|h\d|h\b|e\b|eme|er\b|ieme|"
            r"mm\b|km\b|kg\b|degres|°)",
            folded[e : e + 9],
        ):
            continue
        if re.search(r"(©|\(c\))[^\n]{0,20}$", before) or re.match(r"[-/:]\d", folded[e : e + 2]):
            continue
        if NEVER_AFTER.match(folded[e : e + 20]):
            continue  # "à 30 kilomètres", "deux jours plus tôt", "trois fois"
        m = APPROX_BEFORE.search(before)
        if m:
            approx = True
            word = re.sub(r"d'$", "de", m.group(1))  # "plus d'une douzaine" reads as "plus de"
            if word in ("environ", "quelque", "approximativement", "autour de", "aux alentours de", "a peu pres"):
                lo, hi = round(best * 0.9), round(best * 1.1)
            elif word in ("pres de", "presque"):
                lo, hi = round(best * 0.9), best
            elif word in ("plus de", "au moins", "au minimum", "pas moins de"):
                lo, hi = best, None
            else:
                lo, hi = None, best
        # a quoted quantity (« le départ de "plusieurs centaines" de militaires »): the closing quote does not
        # part the number from its noun
        quoted = re.match(r"\s*[»”]", text[e : e + 3])
        q = quoted.end() if quoted else 0
        after = folded[e + q : e + q + 60]
        um = UNIT_RX.match(after)
        unit, unit_end, unit_start = "", e, -1
        if um:
            unit = text[e + q + um.start("unit") : e + q + um.end("unit")]
            unit_start, unit_end = e + q + um.start("unit"), e + q + um.end("unit")
        elif OBJECT_AFTER.match(after):
            om = OBJECT_AFTER.match(after)  # "réduire de 270 à 120 le nombre de ses soldats"
            unit = text[e + om.start("unit") : e + om.end("unit")]
            unit_start, unit_end = e + om.start("unit"), e + om.end("unit")
        else:
            nat = re.match(r"\s+(?:de |d')?(?P<w>[a-z]+(?:-[a-z]+)?)\b", after)
            word = text[e + nat.start("w") : e + nat.end("w")] if nat else ""
            if nat and nationality_noun(word):
                unit = text[e + nat.start("w") : e + nat.end("w")]  # "2 500 Américains", "une centaine de Français"
                unit_start, unit_end = e + nat.start("w"), e + nat.end("w")
        if not m and APPROX_AFTER.match(folded[unit_end : unit_end + 20]) and not approx:
            approx, lo, hi = True, round(best * 0.9), round(best * 1.1)  # "50 hommes environ"
        if not unit and folded[s:e] in ("un", "une") and re.search(r"\bl'$", folded[max(0, s - 2) : s]):
            of = re.match(r"\s+d'(?:entre )?(?:eux|elles)\b", after)
            nouns = list(re.finditer(rf"\b(?:{PERSON})\b", folded[:s])) if of else []
            if nouns:  # "tuant l'un d'entre eux": one of the people named before
                unit, unit_start, unit_end = text[nouns[-1].start() : nouns[-1].end()], -1, e + of.end()
        f = Figure(s, e, text[s:e], best, lo, hi, approx, unit, local=(s, e, unit_end), unit_start=unit_start)
        det = re.search(r"\b(les|ses|leurs|leur|nos|vos|ces|son|sa|des)\s+(?:\w+\s+)?$", before[-22:])
        if det and not re.search(r"\b(?:des)\s*$", before):
            w = det.group(1)
            f.definite = w in ("les", "ses", "leurs", "leur", "nos", "vos", "ces", "son", "sa")
            f.possessive = w if w in ("ses", "leurs", "leur", "nos", "vos", "son", "sa") else ""
            f.demonstrative = w == "ces"
        if re.search(
            r"\b(?:reste|ensemble|totalite|plupart|partie|majorite|moitie|tiers|quart)\s+des\s+(?:\w+\s+)?$", before
        ) or (
            # the indefinite « des » never comes before a cardinal: « le départ des quelque 5 000 soldats » is « de les »
            re.search(r"(?:\b\w+|\w\s*\")\s+des\s+(?:quelque\s+|quelques\s+)?$", before)
            and (text[s:e][:1].isdigit() or not APPROX_NOUN.search(folded[s:e]))
            and not re.search(r"\b(?:l'un|l'une|certains|certaines|plusieurs|beaucoup|nombre)\s+des\s+", before[-30:])
        ):
            f.definite = True  # « le reste des quelque 2 500 militaires »: « des » is « de les »
        pm = re.match(r"\s+(?:de|d')\s*(ses|leurs|nos|vos|ces)\b", after)
        if pm and unit:
            f.possessive = pm.group(1) if pm.group(1) != "ces" else ""  # "deux de leurs soldats"
            f.demonstrative = pm.group(1) == "ces"
        figs.append(f)
    return figs


def _ranges(figs: list[Figure], text: str, folded: str) -> list[Figure]:
    """« 150 à 200 », « entre 150 et 200 », « 150-200 »: one figure with bounds, unless a verb or
    noun of change makes it a change from one level to another (« passeront de 5 200 à 3 000 »)."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        if prev is not None and not prev.unit and prev.count_best is not None and f.count_best is not None:
            gap = folded[prev.end : f.start]
            head = folded[max(0, prev.start - 60) : prev.start]
            change = re.search(
                r"\b(?:pass\w+|redui\w+|reduction|ramen\w+|port\w+|augment\w+|diminu\w+|baiss\w+|"
                r"hausse|chut\w+|tomb\w+|abaiss\w+|recul\w+|croi\w+|grimp\w+|contre)\b[^,;]*$",
                head,
            )
            is_range = (
                re.fullmatch(r"\s*(?:a|-|–)\s*", gap)
                and not re.search(r"\bde\s*(?:quelque |environ )?$", head)
                or re.fullmatch(r"\s*(?:a|-|–)\s*", gap)
                and not change
                or re.fullmatch(r"\s*et\s*", gap)
                and re.search(r"\bentre\s*$", head)
                # an estimate given as two close numbers (« deux ou trois », « 10 ou 15 »): a range, where a
                # choice between far ones (« 5 ou 500 ») is not
                or re.fullmatch(r"\s*ou\s*", gap)
                and f.count_best <= 2 * prev.count_best
            )
            if (
                is_range
                and prev.count_best < f.count_best
                and not re.search(r"\bde\s*$", head[-4:])
                or is_range
                and prev.count_best < f.count_best
                and not change
            ):
                lo = prev.count_low if prev.count_low is not None else prev.count_best
                prev.count_low, prev.count_high = lo, f.count_high if f.count_high is not None else f.count_best
                prev.count_best = round((prev.count_best + f.count_best) / 2)
                prev.approximate = True
                prev.end, prev.surface = f.end, text[prev.start : f.end]
                prev.unit, prev.unit_start, prev.local = f.unit, f.unit_start, (prev.start, f.end, f.local[2])
                continue
        out.append(f)
    return out


# --- the article -----------------------------------------------------------------------------------


def extract_figures(text: str, sentence_start: int = 0, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Figures in one sentence (``text``); ``skip`` are spans (relative to ``text``) of dates."""
    sent = Sentence(0, 0, len(text), text)
    figs = extract_article_figures(text, [sent], {0: skip or []})
    for f in figs:
        f.start += sentence_start
        f.end += sentence_start
    return figs


def extract_article_figures(
    text: str,
    sentences: list[Sentence],
    skips: dict[int, list[tuple[int, int]]] | None = None,
    places: list[tuple[int, int, str, str]] = (),
) -> list[Figure]:
    """Every figure of an article, in order. ``skips`` maps a sentence index to the spans (relative to
    the sentence) of its date expressions; ``places`` are the gazetteer's mentions in the article
    (start, end, place_id, kind). ``start``/``end`` of the figures are article offsets;
    ``part_of`` is an index into the returned list."""
    skips = skips or {}
    context = roles.Context(text)
    out: list[Figure] = []
    para_of, lines, pos = {}, 0, 0
    for s in sentences:  # the paragraph of each sentence, counted in one pass over the text
        lines += text.count("\n", pos, s.start)
        pos = s.start
        para_of[s.index] = lines
    todo = []
    for s in sentences:
        folded = fold(s.text)
        cands = [
            c
            for c in _ranges(_candidates(s.text, folded, skips.get(s.index, [])), s.text, folded)
            if not (
                fold(c.surface) in ("un", "une")
                and not c.unit
                and not PART_BEFORE.search(folded[: c.start])
                and not _one_of_them(folded, c)
            )
        ]  # "un drone": an article; « …, dont un grièvement », « L'un d'eux »: one of the people just counted
        if cands:
            todo.append((s, folded, cands))
    docs = roles.parse_many([(s.text, [(c.start, c.end) for c in cands]) for s, _, cands in todo])
    place_at = ByStart(list(places), start=lambda p: p[0])
    first = 0  # the first figure of the two sentences before (``out`` grows in sentence order)
    for (s, folded, cands), doc in zip(todo, docs):
        here = [(a - s.start, b - s.start, pid, kind) for a, b, pid, kind in place_at.between(s.start, s.end)]
        while first < len(out) and out[first].sentence_index < s.index - 2:
            first += 1
        previous = [i for i in range(first, len(out)) if para_of.get(out[i].sentence_index) == para_of[s.index]]
        # an anaphor (« 76 d'entre eux », « Parmi les blessés, huit », « en compte 130 ») reaches past a
        # paragraph break: press paragraphs are often one sentence long
        nearby = list(range(first, len(out)))
        _read_sentence(s, folded, doc, cands, out, previous, context, here, nearby)
    _site_levels(out)
    return out


# « la mission de l'OTAN, forte de 500 personnes », « qui passera à 4 000 personnes », « une mission de
# 300 personnes »: people of a force or a mission are its personnel; the second number of a range
# (« porter la mission de 500 à 4 000 personnes ») counts what the first counts
MISSION_PEOPLE = re.compile(
    r"\b(?:mission|contingent|force|forces|effectifs?|dispositif|presence|detachement)\b(?P<own>[^.;]{0,90}?)"
    r"(?:\b(?:forte?s?|compose\w*|compt\w+|pass\w+|atteind\w+|atteint|port\w+|redui\w+|ramen\w+|comprend\w*|"
    r"totalis\w+|elev\w+)\s+(?:\w+\s+)?(?:de |a |d')?|\s+de\s+|\s+d')"
    r"(?:(?:quelque |environ |pres de |plus de )?\d[\d .,\u00a0\u202f]*\s(?:a|jusqu'a)\s+)?"
    r"(?:quelque |environ |pres de |plus de |moins de |jusqu'a )?$"
)
GAPPED = re.compile(
    r"(?:,|\bet|;)\s*(?P<who>[a-z' -]{2,30}?)\s+(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|plus d'|"
    r"moins d'|jusqu'a|seulement)?\s*$"
)
# « …, mais n'ont jamais dépassé 1 500 »: a bare number a verb of level takes, after a figure of the sentence
LEVEL_OBJECT = re.compile(
    r"\b(?:depass\w+|atteint|atteignai\w+|culmin\w+ a|s'elev\w+ a|totalis\w+)\s+"
    r"(?:plus de |moins de |pres de |environ |quelque )?$"
)
AMONG_TOLL = re.compile(
    r"^[^.;]{0,60}?\b(?:figur\w+|compt\w+|se trouv\w+|sont|etaient|seraient)\s+(?:parmi|au nombre) (?:les|des) "
    r"(?P<toll>blesses|morts|tues|victimes)\b"
)
# a toll told by its noun alone, with no number, then « dont » and a number: « Les blessés de la coalition, dont un … »
TOLL_DONT = re.compile(
    r"\b(?:les|ses|leurs|ces|nos)\s+(?P<noun>blesses|morts|tues|victimes)\b(?P<rest>[^,;:.()0-9]{0,60}),\s*dont\s*"
    r"(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|seulement)?\s*$"
)
GRAVE = re.compile(r"^[^,;.]{0,40}?\bdans un etat (?:grave|critique|serieux|desespere)\b")
FALLEN = re.compile(r"^[^,;.]{0,60}?\b(?:tomb|mort)\w* (?:en martyrs?|au combat|au champ d'honneur)")
TROOP_CONTEXT = re.compile(
    r"\b(?:troupes?|soldats?|militaires?|forces?|contingents?|effectifs|armees?|deploi\w+|deploy\w+|stationn\w+|"
    r"coalition|otan|mission)\b"
)
STRIKE_BY_COALITION = re.compile(
    r"\b(?:frappes?|raids?|drones?|bombardements?|tirs?)\b[^.;]{0,30}?\b(?:americain\w*|us|de la coalition|"
    r"des etats-unis|britannique\w*)\b"
)
THESE_STRIKES = re.compile(
    r"\b(?:ces|cette|ce|ses|leurs?) (?:frappes?|raids?|bombardements?|attaques?|tirs?|operations?)\b"
)
FIGHTERS = re.compile(r"^(?:combattants?|combattantes?|miliciens?|martyrs?)$")
APPROX_NOUN = re.compile(r"\b(?:dizaines?|vingtaines?|trentaines?|centaines?|milliers?|millions?)\b")
BELOW = re.compile(
    r"\b(?:sous|en dessous de|au-dessous de|en deca de)\s+(?:la barre|le seuil|le cap|la limite|le plafond)\s+"
    r"(?:de|des|du|d')\s*(?:quelque\s+)?$|\b(?:en dessous|au-dessous|en deca)\s+(?:de|des|d')\s*$"
)
THRESHOLD = re.compile(
    r"\b(?:la barre|le seuil|le cap|la limite|le plafond|la jauge)\s+(?:de|des|du|d')\s*[\"«“]?\s*"
    r"(?:quelque|environ|pres de|plus de|moins de)?\s*$"
)
STAY = re.compile(r"^(?:rester|demeurer)$")
CHANGE_AHEAD = re.compile(
    r"\b(?:apres|une fois|d'ici|des que|des la|a partir|au terme|a l'issue|a la fin|fin \w+|seul\w*|prochaine?s?|"
    r"plus que|ensuite|desormais|encore|retir\w*|retrait|reduction|redui\w*|depart|quitt\w*|partir|partiront|"
    r"rapatri\w*|diminu\w*|baiss\w*|passer\w*|passeront|ramen\w*|"
    # a concessive (« une trentaine resteront toutefois ») sets the staying against a departure told before
    r"toutefois|cependant|neanmoins|en revanche|pour autant)\b"
)
TALLY = re.compile(r"\b(?:bilans?|decompte|chiffre (?:initial|provisoire|precedent))\b")
TOLL_NOUNS = re.compile(r"^(?:blesses?|morts?|tues?|victimes?)$")
POPULATION = re.compile(r"\b(?:parmi|sur)\s+(?:les|ses|leurs|ces|nos)\s+(?:quelque |environ |pres de |plus de )?$")
SHARED_ADJECTIVE = re.compile(r"^\s*(?:et|ou)\s+(?:de |d')?[\w-]+\s+(?P<noun>[a-z-]+)\s+(?P<adj>[a-z-]+(?:s|es))\b")
# after « en » and its verb (« en compte », « en a envoyé »), the words that grade or date the quantity
# (« n'en compte plus que », « en déploie un peu plus d' », « en compte aujourd'hui »)
EN_GRADE = (
    r"(?:un peu |bien |nettement |largement |legerement |a peine |tout juste )?"
    r"(?:plus |moins |encore |que |seulement |desormais |toujours |aujourd'hui |actuellement )*"
)
EN_CLITIC = re.compile(
    r"\bn?'?en\s+(?!\w+ant\s)(?:\w+\s+){1,2}"
    + EN_GRADE
    + r"(?:quelque |environ |pres de |plus de |au moins |moins de |plus d'|pres d'|moins d')?$"
)
ANAPHOR_AFTER = re.compile(r"^\s+(?:d'entre|parmi)\s+(?:eux|elles)\b")
ANAPHOR_BEFORE = re.compile(
    r"\bparmi (?:eux|elles|ces derniers|ces dernieres|les (?P<noun>blesses|morts|tues|victimes|martyrs|soldats|militaires|"
    r"personnes|[a-z]+))\s*(?:,|\b(?:figur\w+|se trouv\w+|on (?:compte|denombre|trouve)|il y a(?:vait)?|(?:sont|etaient) morts)\b)"
    r"\s*(?:quelque|environ|pres de|plus de|au moins|moins de|seulement)?\s*$"
)


ONE_OF_THEM = re.compile(r"\s+d'(?:entre )?(?:eux|elles)\b")


def _one_of_them(folded: str, c: Figure) -> bool:
    """« L'un d'eux », « l'une d'entre elles » with no noun of its own: one of the people counted before."""
    return bool(
        fold(c.surface) in ("un", "une")
        and re.search(r"\bl'$", folded[max(0, c.start - 2) : c.start])
        and ONE_OF_THEM.match(folded, c.end)
    )


def _anaphor(c: Figure, out: list[Figure], mine: list[int], nearby, among) -> int | None:
    """The figure an anaphor stands for: the last troop or casualty figure of this sentence or the two
    before it; « parmi les blessés » prefers the last one that counts the wounded."""
    earlier = sorted({j for j in list(mine) + list(nearby) if out[j].kind in ("troops", "casualties")})
    if not earlier:
        return None
    n = c.count_best or 0
    earlier = [j for j in earlier if (out[j].count_best or 0) >= n] or earlier  # a subset is no larger
    noun = among.group("noun") if among is not None else None
    want = {"blesses": "wounded", "morts": "killed", "tues": "killed", "martyrs": "killed"}.get(noun or "")
    if want:
        same = [j for j in earlier if out[j].measure in (want, "killed_or_wounded")]
        if same:
            return same[-1]
    return earlier[-1]


APPROX_WORDS = r"(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|plus d'|moins d'|jusqu'a|seulement)?\s*"
# « ils sont 109 », « elles ne seront plus que 300 », « ils étaient zéro, puis onze, puis trente-quatre »: a form of
# « être » after a subject pronoun, then the number (or a series of numbers) with nothing else between
PRONOUN_COPULA = re.compile(
    r"\b(?:ils|elles)\s+(?:ne\s+|n')?(?:[a-z]+\s+){0,2}?(?:sont|etaient|seront|seraient|furent|etre|ete)\s+"
    r"(?:(?:plus|desormais|encore|aujourd'hui|deja|alors|maintenant|seulement|que|qu'a peine|tout au plus)\s+)*"
    r"(?:(?:zero|(?:" + _NUM_WORDS + r"|-)+|\d[\d\s]*),\s*(?:puis|et)?\s*)*" + APPROX_WORDS + "$"
)


TROOPISH = re.compile(
    r"^(?:effectifs?|personnels?|contingents?|nombre|total|mission|presence|troupes|forces?|armees?|"
    r"dispositif|deploiement|empreinte)$"
)
LEVEL_VERBS = re.compile(
    r"^(?:elever|eleve\w*|monter|mont\w+|passer|pass\w+|atteindre|atteint|etre|est|sont|ramen\w+|"
    r"redui\w+|port\w+|chiffr\w+|totalis\w+|estim\w+|abaiss\w+|limit\w+|plafonn\w+|augment\w+|"
    r"diminu\w+|tomb\w+|baiss\w+|depass\w+|culmin\w+)$"
)
CASUAL_SUBJECTS = ("IS",)


def _level_subject(doc, ntok):
    """« le personnel britannique total s'élève à près de 400 », « le nombre de soldats passera à
    2 000 »: the noun that the number measures is the subject of the verb."""
    chain = roles._governors(ntok)
    verb = roles._clause_verb(chain)
    if verb is None or not (LEVEL_VERBS.match(fold(verb.lemma_)) or LEVEL_VERBS.match(fold(verb.text))):
        return _level_subject_written(doc, ntok)
    subj = _shared_subject(verb)
    if subj is None or not TROOPISH.match(fold(subj.text)):
        return None
    return _counted(subj)


POSSESSIVE_DET = re.compile(r"^(?:leur|leurs|son|sa|ses)$")


def _possessed_level(doc, ntok) -> bool:
    """« Leur nombre sera réduit de 20 », « ses effectifs passeront à 300 »: the subject of a verb of level is
    a count of people that a possessive names and no noun of people completes (the people counted before)."""
    verb = roles._clause_verb(roles._governors(ntok))
    if verb is None or not (LEVEL_VERBS.match(fold(verb.lemma_)) or LEVEL_VERBS.match(fold(verb.text))):
        return False
    subj = _shared_subject(verb)
    return (
        subj is not None
        and re.fullmatch(r"nombre|total|effectifs?", fold(subj.text)) is not None
        and any(c.dep_ == "det" and POSSESSIVE_DET.match(fold(c.text)) for c in subj.children)
        and not any(roles.PERSON_UNITS.match(fold(t.text)) for t in subj.subtree if t.i != subj.i)
    )


def _shared_subject(verb):
    """The subject of a verb of level, where French leaves it unsaid: an infinitive or participle under a
    modal or raising verb has that verb's subject (« le nombre … devrait être ramené à 3 500 »), and a
    relative « qui » stands for the noun the clause hangs on (« le nombre, qui s'élève à 5 000 »)."""
    subj = roles._subject(verb)
    if subj is None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        subj = roles._subject(verb.head)
    if subj is not None and fold(subj.text) == "qui" and verb.dep_ == "acl:relcl" and verb.head.pos_ == "NOUN":
        subj = verb.head
    return subj


def _counted(noun):
    """« le nombre de soldats », « le total des militaires »: the people counted, not the word « nombre »."""
    if fold(noun.text) in ("nombre", "total"):
        for c in noun.subtree:
            if c.i != noun.i and roles.PERSON_UNITS.match(fold(c.text)):
                return c
        return None
    return noun


LEVEL_WRITTEN = re.compile(
    r"\b(?P<noun>effectifs|contingent|mission|presence|troupes|forces|dispositif|nombre|total)\b[^,;.:()]{0,40}?"
    r"(?:,\s*qui)?\s(?:pass\w+|s'eleve\w*|atteind\w+|atteint|ramen\w+|redui\w+|port\w+|augment\w+|diminu\w+|"
    r"tomb\w+|baiss\w+|plafonn\w+|limit\w+|chiffr\w+|compt\w+|depass\w+|culmin\w+)\b"
    r"[^,;.:()]{0,30}?(?:\b(?:de|a|jusqu'a)\s+)(?:quelque |environ |pres de |plus de |moins de )?$"
)


def _level_subject_written(doc, ntok):
    """The same read in the words when the parse goes astray (« Les effectifs de notre mission passeront
    progressivement de 500 à 4 000 », « le nombre de soldats en Irak, qui s'élève aujourd'hui à 5 000 »):
    a force's noun (or « le nombre de » people), a verb of level, then « de » or « à » the number."""
    m = LEVEL_WRITTEN.search(fold(doc.text[: ntok.idx]))
    noun = roles.token_at(doc, m.start("noun")) if m else None
    return _counted(noun) if noun is not None else None


def _read_sentence(
    s: Sentence,
    folded: str,
    doc,
    cands: list[Figure],
    out: list[Figure],
    previous: list[int],
    context: roles.Context,
    gazetteer,
    nearby: list[int] = (),
) -> None:
    # a number before another shares its noun: "45 de ses 120 instructeurs", "30 sur 70 soldats",
    # "de 5 200 à 3 000 soldats"
    """Read the figure candidates ``cands`` of one sentence with its parse ``doc``: numbers that share
    a noun ("45 de ses 120 instructeurs"), parts of a whole ("dont", "parmi", "sur"), unit, kind, party,
    measure and scope; the figures kept are appended to ``out`` (``previous``: the sentence's earlier
    figures; ``context``: the parties and places named so far in the article)."""
    shared: dict[int, int] = {}
    for i, (f, g) in enumerate(zip(cands, cands[1:])):
        gap = folded[f.end : g.start]
        if (
            not f.unit
            and g.unit
            and (
                OF_POSSESSIVE.match(gap)
                or re.fullmatch(
                    r"\s*(?:a|et|ou|sur|jusqu'a|-)\s*(?:les |un total de |l'ensemble des )?" + APPROX_WORDS, gap
                )
            )
        ):
            f.unit, f.unit_start = g.unit, g.unit_start
            shared[i] = i + 1
    mine: list[int] = []  # indices in ``out`` of this sentence's figures
    at: dict[int, int] = {}  # candidate index -> index in out
    for i, c in enumerate(cands):
        c.sentence_index = s.index
        if _read(doc, s, folded, c, i, cands, shared, out, mine, previous, context, nearby):
            out.append(c)
            mine.append(len(out) - 1)
            at[i] = len(out) - 1
    _relate(doc, folded, cands, shared, at, out, mine)
    _scope(doc, folded, out, mine, gazetteer)
    for k in mine:
        f = out[k]
        f.start, f.end = f.local[0] + s.start, f.local[1] + s.start


def _read(doc, s, folded, c: Figure, i: int, cands, shared, out, mine, previous, context, nearby=()) -> bool:
    """Kind, measure and party of one candidate; False when it is not a figure."""
    ntok = roles.token_at(doc, c.end - 1)
    if ntok is None or (c.surface[:1].isdigit() and ntok.text != c.surface and re.search(r"[a-z]", fold(ntok.text))):
        return False  # "K1", "4X4": a name, not a number
    word_one = fold(c.surface) in ("un", "une")
    them = word_one and _one_of_them(folded, c)
    toll_np = None
    nxt = folded[c.end : c.end + 25]
    utok = roles.token_at(doc, c.unit_start) if c.unit and c.unit_start >= 0 else None
    if utok is not None and not c.unit_start >= c.end:
        utok = None
    forward = i in shared
    ante = None
    level_np = None  # « le nombre de militaires américains blessés s'élève à 50 »: the noun phrase measured
    if c.unit and mine and PART_BEFORE.search(folded[max(0, c.start - 40) : c.start]):
        c.continues = mine[-1]  # "dont deux américains": a part of the figure before, its kind
    elif c.unit and _listed_after_toll(out, mine, folded, c) is not None:
        c.continues = _listed_after_toll(out, mine, folded, c)  # « 500 morts : 374 assaillants, 40 gardiens … »
    elif c.unit and ANAPHOR_BEFORE.search(folded[: c.start]):
        # « Parmi les morts figurent quatre commandants »: a part of the toll told before
        c.continues = _anaphor(c, out, mine, nearby, ANAPHOR_BEFORE.search(folded[: c.start]))
    copula, said = None, None
    if not c.unit and COPULA_NP.match(nxt):
        um = UNIT_RX.match(" " + folded[c.end + COPULA_NP.match(nxt).end() : c.end + 80])
        if um and re.fullmatch(PERSON, um.group("unit")):
            copula = c.end + COPULA_NP.match(nxt).end() + um.start("unit") - 1
    if not c.unit:
        after_tok = doc[ntok.i + 1] if ntok.i + 1 < len(doc) else None
        bare = (
            ELLIPSIS_NEXT.match(nxt)
            or after_tok is None
            or after_tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "ADV", "CCONJ", "SCONJ", "DET")
            or after_tok.text in roles.QUOTES  # a closing quote the tagger calls a noun
            # « ainsi que des 900 déployés en Syrie »: a participle after a bare number is its noun's, gapped
            or re.fullmatch(r"[a-z-]+(?:e|i|u)e?s", fold(after_tok.text))
            and roles.measure_word(after_tok.text) in roles.LEVELS + roles.FLOWS + roles.CASUALTY_MEASURES
            # « plus du double des 900 évoqués officiellement »: after a definite number, a plural past participle
            # (as written, accent and all, whatever the tagger calls it) is the gapped noun's
            or c.definite
            and re.fullmatch(r"[a-zà-ÿ-]+(?:és|ées|[iu]s|[iu]es)", after_tok.text) is not None
        )
        # « trois soldats ont été blessés, dont un grièvement / soigné sur place »: « un » after « dont » is one
        # of the toll's, with or without a participle of its own
        one_of = word_one and mine and out[mine[-1]].kind == "casualties" and PART_BEFORE.search(folded[: c.start])
        one_of = one_of or them  # « L'un d'eux serait dans un état grave »: one of the people counted before
        # « Les blessés de la coalition, dont un serait dans un état grave »: one of a toll told by its noun alone
        toll_np = TOLL_DONT.search(folded[: c.start]) if not mine else None
        if toll_np:
            one_of = bare = True
            c.unit = s.text[toll_np.start("noun") : toll_np.end("noun")]
        if one_of and after_tok is not None and re.fullmatch(r"[a-z-]+(?:e|i|u)e?", fold(after_tok.text)):
            bare = True
        if word_one and not one_of or not bare:
            return False
        if mine and re.search(r"\bet\s+(?:de |d')\s*" + APPROX_WORDS + "$", folded[: c.start]):
            # « étaient encore de 3 000 à l'automne, après le départ de 2 200 militaires, et d'environ 5 200 au début de
            # l'année »: « et de N » coordinates with the last figure also introduced by « de », past those between
            # (a « de » after a verb or an adverb, « étaient de », not a noun's complement, « le départ de »)
            parallel = [
                k
                for k in mine
                if (m := re.search(r"(\S+)\s+(?:de|d')\s*" + APPROX_WORDS + "$", folded[: out[k].local[0]]))
                and (w := roles.token_at(doc, m.start(1))) is not None
                and w.pos_ not in ("NOUN", "PROPN")
            ]
            if parallel:
                ante = parallel[-1]
        if mine and ante is None:
            p = out[mine[-1]]
            between = folded[p.local[2] : c.start]
            gapped = GAPPED.search(between)
            if (
                COMPOSITE.search(between)
                or re.match(r"\s*autres?\b", nxt)
                or LEVEL_OBJECT.search(between)  # « …, mais n'ont jamais dépassé 1 500 »
                or gapped
                and roles.party_of(gapped.group("who"))
                and not roles.LOCATIVE.search(gapped.group("who"))
            ):
                ante = mine[-1]  # « … 600 militaires, le Royaume-Uni environ 400 »: a gapped clause
                if re.match(r"\s*autres?\b", nxt):
                    ante = _group_before(doc, out, mine)
        if ante is None and (them or ANAPHOR_AFTER.match(nxt) or ANAPHOR_BEFORE.search(folded[: c.start])):
            # « 76 d'entre eux », « Parmi les blessés, huit … »: the people counted just before
            ante = _anaphor(c, out, mine, nearby, ANAPHOR_BEFORE.search(folded[: c.start]))
        if ante is None and not toll_np:
            lt = _level_subject(doc, ntok)
            if lt is not None:
                c.unit, utok = lt.text, None
                c.measure_basis = "level of " + lt.text
                level_np = lt
            elif _possessed_level(doc, ntok):
                # « Leur nombre sera réduit de 20 »: the number of the people just counted, theirs
                earlier = [j for j in mine + list(nearby) + previous if out[j].kind == "troops"]
                if earlier:
                    ante = max(earlier)
        if (
            ante is None
            and not c.unit
            and re.search(r"\bn?'?en\s+(?:\w+\s+){1,2}" + EN_GRADE + APPROX_WORDS + "$", folded[: c.start])
        ):
            # "n'en compte plus que 300": the clitic « en » stands for the noun counted before
            earlier = [j for j in mine + list(nearby) + previous if out[j].kind in ("troops", "casualties")]
            if earlier:
                ante = max(earlier)
        said = PRONOUN_COPULA.search(folded[: c.start]) if ante is None and not c.unit else None
        if said:
            # « ils ne devraient plus être que quelques centaines », « Ils sont désormais 109 »: a number said of a
            # pronoun by « être » counts the people the pronoun stands for, the people counted just before
            earlier = [j for j in mine + list(nearby) + previous if out[j].kind in ("troops", "casualties")]
            if earlier:
                ante = max(earlier)
        if (
            ante is None
            and not c.unit
            and (
                re.search(r"(?:\(|:)\s*(?:de |d')?" + APPROX_WORDS + "$", folded[: c.start])
                # « ramènera leurs effectifs sous la barre des 1 000 »: a threshold a level passes counts the troops named
                or THRESHOLD.search(folded[: c.start])
            )
        ):
            # "un retrait … de ses troupes : de Bagdad (40 sur 90)": the noun of the phrase it details
            nouns = list(
                re.finditer(
                    r"\b(troupes|soldats|militaires|forces|contingents?|effectifs|personnels?|armee|"
                    r"hommes|instructeurs|conseillers|formateurs)\b",
                    folded[: c.start],
                )
            )
            if nouns:
                c.unit = s.text[nouns[-1].start() : nouns[-1].end()]
                c.measure_basis = "details " + c.unit
        if (
            ante is None
            and not c.unit
            and previous
            and not mine
            and (
                CONTINUES.match(folded)
                or ntok.dep_ in ("nsubj", "nsubj:pass", "obj", "ROOT")
                or re.match(r"\s*autres?\b", nxt)
            )
        ):
            earlier = [j for j in previous if out[j].kind in ("troops", "casualties")]
            if earlier:
                ante = earlier[-1]
        if ante is None and not c.unit:
            head = _apposed_to(doc, folded, c, ntok)
            if head is None:
                return False
            # « Les soldats encore présents, quelques centaines selon une source, ont été redéployés »: a bare number
            # set off by a comma right after a noun phrase of people counts them; their noun, determiner and
            # clause are the figure's
            c.unit, c.unit_start, utok = head.text, head.idx, head
            # (the determiner is the noun phrase's, not the number's: « quelques centaines » is no definite whole)
            det = next((fold(t.text) for t in head.children if t.dep_ == "det"), "")
            c.possessive = det if det in ("ses", "leurs", "leur", "nos", "vos") else ""
        if ante is not None:
            c.unit, c.continues = out[ante].unit, ante
    if copula is not None:
        # "Parmi les 45 blessés, 20 sont des soldats américains": the noun after « sont des » is its own
        utok = roles.token_at(doc, copula)
        c.unit, c.unit_start = utok.text, copula
    fu = fold(c.unit)
    a = out[c.continues] if c.continues is not None else None
    own_np = utok is not None and not forward
    end = roles._np_end(doc, utok.i) if own_np else ntok.i + 1
    own = roles._own_predicates(doc, utok if own_np else None, end)
    chain = roles._governors(ntok if (forward or utok is None) else utok)
    if utok is not None and ntok.head.i != utok.i and ntok.dep_ not in ("nummod", "det") and not forward:
        # "une trentaine de soldats": the number word heads the phrase
        chain = roles._governors(ntok) if ntok.head.i != ntok.i else chain
    gov, gov_tok = roles._measure_of(chain)
    verb = roles._clause_verb(chain)
    if not gov and not own and own_np:
        gov, gov_tok = roles.predicate_after(doc, end)
    casualty = [m for m, _ in own if m in roles.CASUALTY_MEASURES]
    if not casualty and FALLEN.match(folded[c.local[2] :]):
        casualty = ["killed"]  # « cinq membres du Hachd tombés en martyrs », « tombés au combat »
    if not casualty and GRAVE.match(folded[c.local[2] :]):
        casualty = ["wounded"]  # « l'un des soldats se trouvait dans un état grave »: a wounded man's condition
    if not casualty and toll_np:
        casualty = [roles.CASUALTY_NOUNS[toll_np.group("noun")]]  # the toll's measure, told by its noun
    among_toll = AMONG_TOLL.match(folded[c.local[2] :]) if not casualty else None
    if among_toll:
        casualty = [roles.measure_word(among_toll.group("toll"))]  # « sept civils … figurent parmi les blessés »
    if level_np is not None:
        casualty += [m for m in (roles.measure_word(t.text) for t in level_np.subtree) if m in roles.CASUALTY_MEASURES]
    if not casualty and gov in roles.CASUALTY_MEASURES and not POPULATION.search(folded[: c.start]):
        # « aucune victime parmi les 1 500 soldats présents »: the people the toll is counted among, not the toll
        casualty = [gov]
    if (
        a is not None
        and a.kind == "casualties"
        and PART_BEFORE.search(folded[max(0, c.start - 40) : c.start])
        and not any(m in roles.CASUALTY_MEASURES for m, _ in own)
    ):
        casualty = []  # « blessé neuf personnes, dont un soldat américain »: the part shares its whole's toll
    coordinated = re.search(r"(?:\bet|,|\bainsi qu'|\bainsi que)\s*(?:d'|de )?$", folded[: c.start])
    if (
        not casualty
        and not gov
        and not own
        and a is None
        and (not word_one or coordinated)
        and not (
            verb is not None
            and roles.REPORT.match(fold(verb.lemma_))
            # « a annoncé avoir tué …, un chef …, ainsi qu'un autre membre »: a toll's verb after the verb of saying
            # is the one the figure is coordinated under
            and not (coordinated and verb.idx < c.start and _harm_between(folded, verb.idx + len(verb.text), c.start))
        )
    ):
        back = _nearest_word_before(folded, c.start)  # "ont liquidé le chef …, et 10 de leurs gardes"
        if back in roles.CASUALTY_MEASURES:
            casualty, gov_tok = [back], None
    shared_toll = False
    if casualty and gov_tok is not None and mine and not any(m in roles.CASUALTY_MEASURES for m, _ in own):
        # « tuant un civil et blessant cinq soldats et un autre employé »: a noun phrase coordinated with the toll
        # just before is another object of that toll's verb, the nearer one, not of a verb before it
        p = out[mine[-1]]
        if (
            p.kind == "casualties"
            and p.measure in roles.CASUALTY_MEASURES
            and p.measure != casualty[0]
            and gov_tok.idx < p.local[0]
            and re.fullmatch(
                r"\s*(?:,|et|ainsi qu'|ainsi que)\s*" + APPROX_WORDS, folded[_np_end_char(doc, p) : c.start]
            )
            and any(
                roles.measure_word(w) == p.measure
                for w in re.findall(r"[\w-]+", folded[gov_tok.idx + len(gov_tok.text) : p.local[0]])
            )
        ):
            casualty, gov_tok, shared_toll = [p.measure], None, True
    nationality = nationality_noun(c.unit)
    # « 109 cas de traumatismes crâniens », « 40 cas de blessures »: cases of a wound count the wounded
    cases = fu == "cas" and any(m in roles.CASUALTY_MEASURES for m, _ in own)
    person = (
        cases
        or bool(roles.PERSON_UNITS.match(fu))
        or nationality
        or bool(TROOPISH.match(fu))
        or (a is not None and a.kind in ("troops", "casualties"))
    )
    troop_unit = (
        bool(roles.TROOP_UNITS.match(fu))
        or (fu == "personnes" and not casualty and bool(MISSION_PEOPLE.search(folded[: c.start])))
        or nationality
        or bool(TROOPISH.match(fu))
        or (a is not None and a.kind == "troops")
    )
    if not person:
        c.kind = "other"
    elif casualty:
        c.kind = "casualties"
        kinds = set(casualty)
        c.measure = "killed_or_wounded" if {"killed", "wounded"} <= kinds else casualty[0]
        c.measure_basis = (
            "own words"
            if any(m in roles.CASUALTY_MEASURES for m, _ in own)
            else "coordinated with the toll before"
            if shared_toll
            else f"governed by {gov_tok.text}"
            if gov_tok is not None
            else "nearest predicate before"
        )
    elif a is not None and a.kind == "casualties" and not them:
        c.kind, c.measure, c.measure_basis = "casualties", a.measure, "continues a toll"
    elif (
        mine
        and out[mine[-1]].kind == "casualties"
        and not any(m for m, _ in own)
        and re.search(
            r"(?:\bet|\bainsi qu'|\bainsi que|\bou)\s*" + APPROX_WORDS + r"(?:une?\s+)?$",
            folded[max(0, c.start - 30) : c.start],
        )
        and gov not in roles.FLOWS + roles.LEVELS
    ):
        # "… et quatre autres blessés, ainsi qu'un soldat américain": the same toll
        p = out[mine[-1]]
        c.kind, c.measure, c.measure_basis = "casualties", p.measure, "coordinated with a toll"
    elif (
        nationality
        and a is None
        and not gov
        and not own
        and not forward
        and not TROOP_CONTEXT.search(folded)
        # « Ils ne sont plus que 5 000 Américains »: a pronoun subject stands for the troops just counted
        and not (
            re.match(r"\s*(?:ils|elles)\b[^,;.]*$", folded[: c.start])
            and any(out[j].kind == "troops" for j in previous if out[j].sentence_index < c.sentence_index)
        )
    ):
        c.kind = "other"  # « des milliers d'Irakiens ont manifesté »: people of a country, not its forces
    elif troop_unit:
        c.kind = "troops"
        prev = out[mine[-1]] if mine else None
        c.measure, c.measure_basis = _troop_measure(doc, folded, c, own, gov, gov_tok, verb, a, forward, prev)
        if said:
            # what they are (or will be) in number is their level, whatever the figure they stand for measures
            ahead = re.search(r"\b(?:seront|devr\w+|vont|va|iront)\b", said.group())
            c.measure, c.measure_basis = ("planned" if ahead else "present"), "a number said of them"
        if c.measure == "present" and CONCERNED.match(folded[c.local[2] :]):
            # « Plusieurs centaines de militaires sont concernés »: the people a move told just before affects are
            # that move's (« ne sont pas concernés » stay where they are)
            told = context.text[max(0, s.start - 600) : s.start].rstrip()
            told = re.split(r"(?<=[.!?»])\s+", told)[-1] if told else ""
            moves = [
                w
                for w in re.findall(r"[a-z-]+", fold(told) + " " + folded[: c.start])
                if roles.measure_word(w) in roles.FLOWS
            ]
            if moves:
                c.measure, c.measure_basis = roles.measure_word(moves[-1]), f"concerned by a move ({moves[-1]})"
    else:
        c.kind = "other"
    if c.kind == "casualties" and EPIDEMIC.search(folded):
        c.kind, c.measure, c.measure_basis = "other", "", "an epidemic's toll, not a war's"
    if (
        word_one
        and re.search(r"[A-Z][\w'-]+\s*,\s*$", s.text[max(0, c.start - 30) : c.start])
        and not any(m in roles.CASUALTY_MEASURES for m, _ in own)
    ):
        return False  # "Abou X, un commandant des Brigades": who he is, not how many
    if word_one and re.search(
        r"\b(?:selon|d'apres|a (?:declare|indique|affirme|precise|ajoute)|cite\w*)\s*$", folded[: c.start]
    ):
        return False  # « selon un responsable »: who says, not who was hurt
    if word_one and not (
        c.kind == "casualties"
        or (
            a is not None
            and re.match(r"\s*[a-z]+", nxt)
            and roles.party_of(nxt)
            and COMPOSITE.search(folded[max(0, c.start - 12) : c.start])
        )
    ):
        return False  # "un soldat" is an article, except for a victim or in "et un britannique"
    c.party, c.party_basis = _party(
        doc,
        s,
        folded,
        c,
        utok if own_np else None,
        end,
        ntok,
        a,
        verb,
        gov_tok,
        context,
        out[mine[-1]] if mine else None,
    )
    told_by = roles.head_wins(roles.parties_in(toll_np.group("rest")), toll_np.group("rest")) if toll_np else []
    if told_by:
        c.party, c.party_basis = roles.combine(told_by), "stated (the toll it is one of)"
    if level_np is not None and c.kind == "casualties" and roles.np_party(level_np):
        c.party, c.party_basis = roles.np_party(level_np), "stated"
    others = re.match(r"\s+(?:d')?autres\b", folded[c.end : c.unit_start]) if c.unit_start > c.end else None
    if c.kind == "troops" and others and c.party_basis == "context":
        # « quelque 200 autres soldats demeureraient à al-Tanf »: others of the troops counted just before (this
        # sentence or the two before it), not of the last country named in between
        counted = [
            j for j in list(mine) + list(nearby) if out[j].kind == "troops" and out[j].party not in ("", "other")
        ]
        if counted:
            c.party, c.party_basis = out[max(counted)].party, "others of the troops counted before"
    fighters = c.kind == "casualties" and c.party_basis == "unspecified" and FIGHTERS.match(fu)
    if c.kind == "casualties" and (
        c.party_basis == "unspecified"
        and (cases or TOLL_NOUNS.match(fu) or others and roles.GENERIC_VICTIMS.match(fu) or fighters)
        or c.party_basis == "context"
        and others
    ):
        # « qui faisait état de 34 blessés », « 40 cas de blessures », « quatre autres personnes »: a bare toll
        # is the toll just told (its sentence's target first: « une frappe contre le Hachd a fait 8 morts »);
        # « 30 autres soldats » are others of the soldiers just counted, not of the force last named
        _, aimed = roles.struck_party(s.text, stop=c.start)
        if fighters and not aimed:
            # « 25 combattants ont péri dans ces frappes, qui ont visé les positions du groupe X »: fighters killed
            # by strikes are of the side the strikes were aimed at, wherever the sentence names it
            _, aimed = roles.struck_party(s.text)
        if fighters and not aimed and THESE_STRIKES.search(folded[: c.start]):
            # « Ces frappes avaient tué 22 combattants »: the strikes the sentence before told, aimed at whom it says
            before = context.text[max(0, s.start - 600) : s.start].rstrip()
            _, aimed = roles.struck_party(re.split(r"(?<=[.!?»])\s+", before)[-1]) if before else (False, "")
        told = [
            j
            for j in list(mine) + list(nearby)
            if out[j].kind == "casualties"
            and out[j].party not in ("", "other")
            # a sentence about the tally itself (« le bilan initial faisait état de 25 blessés ») revises the toll
            # told in the lines just before, two sentences back at most
            and c.sentence_index - out[j].sentence_index <= (2 if TALLY.search(folded) else 1)
            and (others or _same_toll(out[j].measure, c.measure))
        ]
        if others and told and not aimed:
            # « Trois autres militaires ont été blessés »: others of the same people counted before, not of the last
            # group named (« …, un employé civil et un sous-traitant ont été tués »)
            same = [j for j in told if fold(out[j].unit) == fu or _same_people(out[j].unit, c.unit)]
            told = same or told
        if aimed:
            c.party, c.party_basis = aimed, "target of the violence"
        elif told:
            c.party, c.party_basis = out[max(told)].party, "the toll told before"
            if c.measure == "killed_or_wounded" and fu == "victimes" and c.measure_basis == "own words":
                c.measure, c.measure_basis = out[max(told)].measure, "victims of the toll told before"
    if (
        c.definite
        and not c.possessive
        and not c.approximate
        and a is None
        and c.kind in ("troops", "casualties")
        and not any(m not in roles.CASUALTY_MEASURES for m, _ in own)
    ):
        again = _toll_told_again(out, c)
        if again is not None and (c.party_basis != "stated" or c.party == again[0]):
            # « Outre les trois morts, … », « Sur les 109 militaires, … »: a definite number of people that is the whole
            # of a toll told in an earlier sentence names those people again, with that toll's side and measure
            c.kind = "casualties"
            c.party, c.party_basis = again[0], "the toll told before (the same number)"
            c.measure, c.measure_basis = again[1], "the toll told before (the same number)"
    return True


def _listed_after_toll(out: list[Figure], mine: list[int], folded: str, c: Figure) -> int | None:
    """The toll of the sentence that a colon after it opens the list ``c`` is an item of (« les combats ont fait
    près de 500 morts : 374 assaillants, 40 gardiens et quatre civils »): each item counts some of its dead."""
    for j in mine:
        t = out[j]
        if (
            t.kind == "casualties"
            and t.local[2] <= c.start
            and re.fullmatch(
                r"[^.;:,]{0,30}?:\s*(?:[^.;:]*?(?:,|\bet))?\s*" + APPROX_WORDS, folded[t.local[2] : c.start]
            )
        ):
            return j
    return None


def _toll_told_again(out: list[Figure], c: Figure) -> tuple[str, str] | None:
    """(party, measure) of the latest earlier sentence's whole toll (its casualty figures of one measure that are
    no part of another, added up) whose number is ``c``'s, or None."""
    tolls: dict[tuple[int, str], list[Figure]] = {}
    for f in out:
        if f.kind == "casualties" and f.part_of is None and f.sentence_index < c.sentence_index and f.count_best:
            tolls.setdefault((f.sentence_index, f.measure), []).append(f)
    for (_, measure), figs in sorted(tolls.items(), key=lambda kv: -kv[0][0]):
        if sum(f.count_best for f in figs) == c.count_best and not any(f.approximate for f in figs):
            return roles.combine([f.party or "other" for f in figs]), measure
    return None


def _apposed_to(doc, folded: str, c: Figure, ntok):
    """The head noun of people of the noun phrase a bare number is set off after by a comma (« Ses combattants,
    quelques centaines tout au plus, … »), when that noun phrase is a whole one (its top is a plural noun of people)
    with no verb of its own before the comma; None otherwise."""
    if not re.search(r",\s*" + APPROX_WORDS + "$", folded[: c.start]):
        return None
    k = ntok.i - 1
    while k >= 0 and doc[k].text != "," and doc[k].pos_ in ("ADV", "ADP", "DET"):
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    h = doc[k - 1]
    while h.dep_ in ("amod", "nmod", "obl:arg", "obl:mod", "advmod", "case", "det", "fixed", "flat:name") and h.i < k:
        if h.head.i >= k or h.head.i == h.i:
            break
        h = h.head
    if h.pos_ != "NOUN" or "Plur" not in h.morph.get("Number") or not roles.PERSON_UNITS.match(fold(h.text)):
        return None
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[h.left_edge.i : k]):
        return None
    return h


def _same_people(a: str, b: str) -> bool:
    """Two nouns of the same sort of people: both of soldiers (« militaires », « soldats »), or the same noun."""
    a, b = fold(a), fold(b)
    return a.rstrip("s") == b.rstrip("s") or bool(roles.MILITARY_UNITS.match(a) and roles.MILITARY_UNITS.match(b))


def _group_before(doc, out: list[Figure], mine: list[int]) -> int:
    """The group « N autres » continues: the last figure counted before it in the sentence that is no
    member of an apposition listing who an earlier figure's people were (« trois soldats — deux femmes et
    un homme — et blessé quarante autres »: others of the soldiers, not of the men)."""
    spans = [sp for sp in (_apposition(doc, out[j]) for j in mine) if sp is not None]
    for j in reversed(mine):
        if not any(a <= out[j].local[0] < b for a, b in spans):
            return j
    return mine[-1]


def _same_toll(a: str, b: str) -> bool:
    """Two measures that can count the same toll (killed and « victimes », wounded and wounded)."""
    return a == b or "killed_or_wounded" in (a, b)


ALL_OF = re.compile(
    r"\b(?:la (?:quasi-?)?totalite|l'(?:quasi-?)?integralite|l'ensemble|tous|toutes)\s+(?:des|de ses|de leurs|les|ses|leurs)\s+"
    + APPROX_WORDS
    + "$"
)
WHOLE_MOVE = re.compile(r"^(?:total|totale|complet|complete|integral|integrale|entier|entiere)$")
CEILING = re.compile(r"^(?:autoriser|permettre|plafonner)$")


# « peuvent être déployés », « pourront y être envoyés »: what may be done, with the modal right after the noun phrase
MAY_BE = re.compile(r"^[^,;.]{0,50}?\b(?:peu\w*|pourr\w+|pouvai\w+|puissent)\s+(?:y\s+|encore\s+|desormais\s+)?etre\b")
HOLD = re.compile(
    r"^(?:compter|disposer|avoir|totaliser|comprendre|regrouper|rassembler|revendiquer|aligner|conserver|garder)$"
)


def _hearsay(verb) -> bool:
    """A verb in the conditional present or past, not the future, and not under a verb or noun of intent."""
    forms = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    return (
        any("Cnd" in t.morph.get("Mood") or re.fullmatch(r"\w{3,}r(?:ait|aient)", fold(t.text)) for t in forms)
        and not any("Fut" in t.morph.get("Tense") for t in forms)
        and not any(t.i != verb.i and fold(t.lemma_) in ("aller", "devoir", "pouvoir") for t in forms)
    )


def _troop_measure(doc, folded, c, own, gov, gov_tok, verb, a, forward, prev) -> tuple[str, str]:
    """The measure of a troop figure and why: present or planned level, a flow (arriving, leaving,
    moved), from its own words, the word that governs it, the tense of its clause, or the figure before."""
    # « d'ici » in the figure's own stretch of the sentence (« le contingent, qui compte 800 militaires, sera
    # ramené à 600 d'ici la fin de l'année »: the deadline is the 600's, not the 800's)
    stretch = re.split(r"[,;]", folded[: c.start])[-1] + re.split(r"[,;]", folded[c.start :])[0]
    later = (
        bool(verb is not None and roles.future(verb))
        or bool(re.search(r"\bd'ici\b", stretch))
        or any(t.pos_ in ("VERB", "AUX") and roles.future(t) for _, t in own)
    )
    holder = gov_tok if gov_tok is not None else verb  # « disposerait de », « conserverait »: no word of measure
    if (
        later
        and holder is not None
        # « quelques milliers de combattants opéreraient encore »: « encore » (still) says the source's now
        and (HOLD.match(fold(holder.lemma_)) or re.search(r"\bencore\b", stretch))
        and _hearsay(holder)
        and not re.search(
            r"\b(?:d'ici|prochaine?s?|a terme|desormais|a l'avenir|bientot|apres|une fois|a l'issue|au terme)\b",
            stretch,
        )
    ):
        # « l'organisation compterait encore 3 000 combattants »: the conditional of a verb of having, with no time
        # ahead, reports what a source says there is now (the French press's conditional of hearsay), not a plan
        later = False
    own_state = next(
        (t for m, t in own if m == "present" and t.pos_ in ("ADJ", "VERB") and roles._is_participle(t)), None
    )
    own_flow = next((m for m, _ in own if m in roles.FLOWS), "")
    if (
        own_flow == "arriving"
        and (c.demonstrative or c.definite)
        and not forward
        and gov not in roles.FLOWS
        and all(ADDED.match(fold(t.text)) for m, t in own if m in roles.FLOWS)
    ):
        # « ces quelque 1 100 soldats supplémentaires relèvent de … »: a known group called additional is in addition to
        # a count told before; with no verb of coming in its clause, the adjective says no move
        own_flow = ""
    before = folded[max(0, c.start - 25) : c.start]
    after = folded[c.local[2] : c.local[2] + 90]
    # the figure the permission is about, not a move it permits (« autorise l'envoi de 500 soldats »)
    # (a noun of presence between them is the level permitted: « autorise le déploiement de 700 soldats au maximum »)
    ceiling = (
        verb
        if verb is not None and CEILING.match(fold(verb.lemma_)) and (gov_tok in (None, verb) or gov == "present")
        else None
    )
    part_flow = _partitive_flow(doc, folded, c) if forward else None
    est = ESTIMATED.search(folded[: c.start])
    estimated = (
        est is not None
        and gov not in roles.FLOWS
        and not any(
            roles.measure_word(w) in roles.FLOWS
            for w in re.findall(r"[a-z-]+", re.split(r"[,;.:]", folded[: est.start()].rstrip(" ,"))[-1])
        )
    )
    if own_flow:
        m, why = own_flow, "own words"
    elif estimated:
        # « le niveau des forces américaines, estimé à quelque 500 militaires »: what a number is estimated at is
        # how many there are, a level, whatever verb of movement came earlier in the sentence
        m, why = "present", f"the level an estimate puts it at ({est.group('verb')} à)"
    elif not gov and CROSSING.match(after):
        # « des centaines de soldats franchissent la frontière »: the parse of a headline often hangs the verb on the
        # noun phrase; crossing a border is a move from one country to another
        m, why = "moved", "crosses a border"
    elif part_flow is not None:
        # « 32 de ses 35 soldats stationnés à X ont été redéployés »: the participle says where the whole is, the
        # verb of the clause what the part did
        m, why = (
            roles.measure_word(part_flow.lemma_) or roles.measure_word(part_flow.text),
            f"the part {part_flow.text}",
        )
    elif (
        a is not None
        and a.kind == "troops"
        and a.measure
        and a.sentence_index == c.sentence_index
        and (PART_BEFORE.search(folded[max(0, c.start - 40) : c.start]))
    ):
        # « les 200 militaires déployés, dont une centaine d'instructeurs, ont commencé à rentrer »: a part is
        # counted at the same date and in the same way as its whole
        m, why = a.measure, "a part of a figure"
    elif BELOW.search(before):
        # « devraient passer sous la barre des 2 000 »: a bound the level is to fall under is a ceiling set, a
        # level reached only when said as done
        # (the tense of the clause's own verb, whatever the parse hangs the bound on: « une décision qui ramènera
        # leurs effectifs sous la barre des 1 000 au cours des prochains mois »)
        ahead = later or any(roles.FUTURE_FORM.fullmatch(w) for w in re.findall(r"[a-z]+", stretch))
        m, why = ("planned" if ahead else "present"), "a ceiling"
    elif re.search(r"\bjusqu'a\s*$", before) and MAY_BE.match(after):
        # « Jusqu'à 850 membres des forces peuvent être déployés »: the most that may be there is a ceiling set, not a
        # level reached
        m, why = "planned", "a ceiling (jusqu'à …, pouvoir)"
    elif ceiling is not None and not c.definite:
        # « le mandat autorise jusqu'à 500 soldats »: what is allowed is a ceiling, a level set, not one reached
        m, why = "planned", f"a ceiling ({ceiling.text})"
    elif (
        gov in roles.FLOWS
        and c.definite
        and not forward
        and (
            ALL_OF.search(folded[: c.start])
            or gov_tok.pos_ == "NOUN"
            and any(WHOLE_MOVE.match(fold(t.text)) for t in doc[gov_tok.i + 1 : gov_tok.i + 6] if t.idx < c.local[0])
        )
    ):
        # « le retrait total des 2 000 soldats déployés », « a rapatrié la quasi-totalité des quelque 200
        # militaires »: a move said to take all of a whole is as large as the whole, however the whole is
        # described (a plain « le retrait de ses 200 militaires déployés » keeps the level: below)
        m, why = gov, f"{gov_tok.text}, all of the whole"
    elif own_state is not None and c.definite and not roles.future(own_state):
        # « le reste des quelque 2 500 militaires présents quittera … »: the level they are at now
        m, why = "present", f"own words ({own_state.text})"
    elif re.search(r"\b(?:a|jusqu'a)\s*" + APPROX_WORDS + "$", before) and _target(gov_tok, verb) is not None:
        t = _target(gov_tok, verb)
        realized = (t.pos_ == "VERB" or _completed(t)) and not later and "Inf" not in t.morph.get("VerbForm")
        m, why = ("present" if realized else "planned"), f"target of {t.text}"
    elif gov in roles.FLOWS:
        if c.definite and not forward and gov_tok.pos_ == "NOUN" and gov == "leaving" and not c.demonstrative:
            # « le retrait de ses quelque 2 000 soldats », « le départ des 300 instructeurs »: a noun of departure
            # names the move, and the whole it takes is the size of the move (a participle of state, « ses 200
            # militaires déployés en Irak », keeps the whole a level: read above)
            m, why = gov, f"the move {gov_tok.text} of the whole"
        elif c.definite and not forward:
            m, why = ("present", f"the whole that {gov_tok.text} concerns")
        elif re.match(r"deploy|deploi", fold(gov_tok.text)) and not later:
            m, why = "present", f"governed by {gov_tok.text}"
        elif re.match(r"redui|reduction|diminu", fold(gov_tok.text)) and not re.search(
            r"\bde\s*" + APPROX_WORDS + "$", before
        ):
            m, why = ("planned" if later else "present"), f"governed by {gov_tok.text}"
        else:
            m, why = gov, f"governed by {gov_tok.text}"
    elif gov == "present" or any(x in roles.LEVELS for x, _ in own):
        word = fold(gov_tok.text) if gov_tok is not None else ""
        if re.match(r"deploy|deploi|envo", word) and later:
            m, why = "arriving", f"governed by {gov_tok.text}"
        elif (
            later
            and not forward
            and (
                c.definite
                # « quelque 2 500 Américains resteront »: to stay is not to change; with no change told in the
                # sentence (« après le retrait », « d'ici », « seuls »…) the level that stays is the level now
                or gov_tok is not None
                and STAY.match(fold(gov_tok.lemma_))
                and not CHANGE_AHEAD.search(folded)
                # « Sur le millier de soldats présents, environ 200 resteront »: the part of a whole that stays is
                # what is left when the rest go, a level to come
                and not _taken_from_whole(folded, c, a)
            )
        ):
            # « les quelque 900 soldats resteront », « maintiendra ses 300 soldats »: a definite number names
            # troops there now; that they will stay says the level they are at, not a target
            m, why = "present", f"the troops there now that {gov_tok.text if gov_tok is not None else 'it'} keeps"
        else:
            m, why = (
                ("planned" if later else "present"),
                (f"governed by {gov_tok.text}" if gov_tok is not None else "own words"),
            )
    elif a is not None and a.kind == "troops" and a.measure and a.sentence_index == c.sentence_index:
        m, why = a.measure, "continues a figure"
    elif (
        prev is not None
        and prev.kind == "troops"
        and prev.measure
        and not own
        and re.search(
            r"(?:\bet|\bainsi qu'|\bainsi que|,)\s*" + APPROX_WORDS + "$", folded[max(0, c.start - 30) : c.start]
        )
    ):
        m, why = prev.measure, "coordinated with a figure"
    else:
        back = _nearest_word_before(folded, c.start)
        if c.definite and verb is not None and verb.pos_ == "VERB" and verb.idx < c.local[0]:
            # « doivent permettre de regrouper les quelque 7 500 militaires »: a known whole is measured by the words
            # of its own clause, from its verb on, not by a word of movement of the clause before (« ces départs »)
            back = _nearest_word_before(folded[verb.idx :], c.start - verb.idx)
        if RELATIVE_DONT.search(folded[: c.start]) and verb is not None and verb.idx > c.local[1]:
            # « les cellules du groupe, dont quelques milliers de combattants opéreraient encore »: the figure is the
            # subject of a relative clause of its own; a word of the clause before says nothing of it
            back = ""
        if back in roles.FLOWS or back in roles.LEVELS:
            m, why = back, "nearest predicate before"
        elif a is not None and a.kind == "troops" and a.measure:
            m, why = a.measure, "continues a figure"
        elif c.definite and not forward:
            # « les quelque 2 500 militaires devront renoncer à toute mission de combat »: a known whole names the
            # troops there now; what they are to do, with no word of number, sets no target
            m, why = "present", "a known whole"
        else:
            m, why = ("planned" if later else "present"), "a count of troops"
    if (
        m == "present"
        and prev is not None
        and prev.measure == "planned"
        and re.search(
            r"(?:\bet|\bainsi qu'|\bainsi que)\s*" + APPROX_WORDS + "$", folded[max(0, c.start - 30) : c.start]
        )
    ):
        m, why = "planned", "shares the verb of a planned level"  # "80 soldats resteront …, ainsi que 100 …"
    if (
        m == "planned"
        and re.search(r"\bcontre\s*" + APPROX_WORDS + "$", folded[: c.start])
        and not re.search(
            r"\b(?:prochaine?s?|d'ici|a venir|a terme|d'ici)\b", re.split(r"[,;.]", folded[c.local[1] :])[0]
        )
    ):
        # « moins de 2 000 devraient rester, contre environ 2 500 au début de l'année / actuellement »: the level a
        # target is set against is one that was or is, at the time it names
        m, why = "present", "the level a target is compared with"
    if m == "leaving" and DESTINATION.search(after.split(";")[0]):
        m, why = "moved", why + " with a destination"
    elif m == "leaving":
        # « quitteront les bases de Bagdad … et seront repositionnés à Erbil »: leaving to be moved
        clause = re.split(
            r";|\.|\btandis que\b|\balors que\b|\bmais\b|\d|\bet (?:l'|le |la |les )|"
            r",(?!\s*(?:et |puis )?(?:seront|sera|serait|seraient|vont|va|doivent|devraient|ont ete|etre|se |s'|y ))",
            after,
        )[0]
        moved = next((w for w in re.findall(r"[a-z]+", clause) if roles.measure_word(w) == "moved"), "")
        if moved:
            m, why = "moved", f"{why}, then {moved}"
    return m, why


# « estimé à quelque 500 », « évaluées à environ 2 000 », « chiffré à 900 »: the value an estimate puts on a count
ESTIMATED = re.compile(r"\b(?P<verb>(?:estim|evalu|chiffr)(?:e|ee|es|ees))\s+a\s*" + APPROX_WORDS + "$")
CROSSING = re.compile(r"^[^,;.]{0,30}?\b(?:franchi|travers)\w*\s+(?:la |les |une )?frontieres?\b")


ADDED = re.compile(r"^(?:supplementaires?|additionnels?|additionnelles?)$")


def _taken_from_whole(folded: str, c: Figure, a: Figure | None) -> bool:
    """Whether ``c`` counts some of a whole the sentence gave before it with « sur » or « parmi »."""
    return (
        a is not None
        and a.sentence_index == c.sentence_index
        and (a.count_best or 0) > (c.count_best or 0)
        and bool(
            re.search(
                r"\b(?:sur|parmi)\s+(?:(?:le|les|ses|leurs|ces)\s+)?" + APPROX_WORDS + "$",
                folded[max(0, a.local[0] - 30) : a.local[0]],
            )
        )
    )


PARTITIVE = re.compile(r"\s*(?:de|d')\s*(?:ses|leurs|nos|vos|les|ces)\s")


def _partitive_flow(doc, folded: str, c: Figure):
    """The verb of movement whose subject is « N de ses M soldats … », past the whole's own modifiers, or None."""
    if not PARTITIVE.match(folded[c.local[1] :]) or c.unit_start < 0:
        return None
    u = roles.token_at(doc, c.unit_start)
    if u is None:
        return None
    k = max(t.i for t in u.subtree) + 1
    while k < len(doc) and (doc[k].pos_ in ("AUX", "ADV") or fold(doc[k].text) in ("ne", "n'", "se", "s'", "y")):
        k += 1
    if k >= len(doc) or doc[k].pos_ != "VERB":
        return None
    flow = roles.measure_word(doc[k].lemma_) or roles.measure_word(doc[k].text)
    return doc[k] if flow in roles.FLOWS else None


def _target(gov_tok, verb):
    """The verb or noun that sets a target level (« passera à », « porter à », « réduire à »)."""
    for t in (gov_tok, verb):
        if t is not None and (roles.TARGET.match(fold(t.lemma_)) or roles.TARGET.match(fold(t.text))):
            return t
    return None


COMPLETE = re.compile(r"^(?:achever|terminer|finir|boucler|parachever|completer|finaliser|mener)$")


def _completed(noun) -> bool:
    """A noun of change that a verb of completion, said as done, governs (« a achevé la réduction de ses effectifs à
    2 500 », « la réduction … a été terminée »): the change has reached its target."""
    h = noun.head
    return (
        noun.pos_ == "NOUN"
        and h.i != noun.i
        and h.pos_ == "VERB"
        and COMPLETE.match(fold(h.lemma_)) is not None
        and not roles.future(h)
        and not roles._infinitive(h)
    )


def _harm_between(folded: str, a: int, b: int) -> bool:
    """Whether a word of killing or wounding stands between ``a`` and ``b`` (the same clause: no « ; »)."""
    return ";" not in folded[a:b] and any(
        roles.measure_word(w) in roles.CASUALTY_MEASURES for w in re.findall(r"[a-z'-]+", folded[a:b])
    )


def _nearest_word_before(folded: str, pos: int) -> str:
    """The measure of the nearest predicate word before ``pos`` in the same clause (« un retrait
    partiel … : d'Irak (150 à 200) »)."""
    clause = re.split(r";", folded[:pos])[-1]
    for w in reversed(re.findall(r"[a-z'-]+", clause)[-30:]):
        m = roles.measure_word(w)
        if (
            m
            and m not in ("present",)
            or m == "present"
            and w not in ("a", "ont", "avait", "avaient", "aura", "auront", "avoir")
        ):
            return m
    return ""


CONCERNED = re.compile(
    r"^[^,;.]{0,40}?\b(?:sont|seront|seraient|etaient|ont ete|sont egalement|sont aussi|seraient egalement) "
    r"(?:concerne|touche|vise)e?s\b"
)
OTHER_MEMBERS = re.compile(
    r"\b(?:des|les|d') ?autres (?:pays|nations|etats|membres|allies|partenaires|contingents)"
    r"(?: (?:membres|allies|partenaires|de la coalition))?\b"
)
KIN = re.compile(r"^(?:fils|filles|freres|soeurs|epouses?|cousins|neveux|enfants|proches)$")
# the possessive of kin coordinated after a noun phrase: « X, ainsi que ses deux fils », « X et trois de ses frères »
KIN_AFTER = re.compile(r"(?:,|\bet|\bainsi qu'|\bainsi que)\s*(?:ses|sa|son)?\s*$|(?:,|\bet|\bainsi que)\s*$")
ESCORT = re.compile(r"^(?:gardes?|gardes? du corps|escortes?|compagnons?|accompagnateurs?|chauffeurs?|proches)$")
FACTIONS = ("PMF", "IS")
ORIGIN = re.compile(r"\b(?:issu|venu|originaire|provenant)e?s?\s+(?:de|d'|des|du)\b.*$")
RELATIVE_DONT = re.compile(
    r"(?P<np>[^,;:.]{3,80}),\s*dont\s+(?:quelque|environ|pres de|plus de|au moins|moins de)?\s*$"
)
# a crackdown on protests, or the protesters themselves, in the clause before a bare toll
PROTEST_TOLL = re.compile(
    r"\b(?:repression|manifestants?|contestataires?|protestataires?|manifestations?|contestation|"
    r"mouvement de protestation)\b[^;.]*$"
)  # armed groups, not states: whose leader's guards are the group's


LED_BY = re.compile(
    r"\b(?:emmene|dirige|mene|conduit|pilote|commande|chapeaute)e?s?\s+par\s+(?:les |le |la |l')?[\w' -]*$"
)
PRO_IRANIAN = re.compile(r"\bpro-?\s*iranien\w*")
IRAQI_FACTION = re.compile(
    r"\b(?:hachd\w*|hached|hashd|mobilisation populaire|pmf|kata[ei]b|nujaba|nojaba|asa[iy]b|brigades du hezbollah|"
    r"resistance islamique en irak|irakien\w*)\b"
)
ABROAD = re.compile(r"\b(?:syrie|syrien\w*|liban|libanais\w*|yemen|yemenite\w*)\b")
IN_IRAQ = re.compile(r"\b(?:irak|iraq|irakien\w*)\b")


def _pro_iranian_abroad(words: str, folded: str) -> bool:
    """« onze combattants pro-iraniens » in a sentence set in Syria (or Lebanon, Yemen) and not in Iraq: the
    codebook's PMF are Iraq's factions; pro-Iranian fighters elsewhere are ``other`` unless named as those."""
    return bool(
        PRO_IRANIAN.search(words)
        and not IRAQI_FACTION.search(words)
        and ABROAD.search(folded)
        and not IN_IRAQ.search(folded)
    )


# Kurds are the codebook's KRG as the forces of Iraq's Kurdish region; Kurdish fighters in a sentence set in Syria (the
# SDF's, the YPG's) and not in Iraq are no state's forces
SYRIAN_KURDS = re.compile(r"\b(?:syrie|syrien\w*|fds|sdf|ypg|rojava)\b")
IRAQI_KURDS = re.compile(r"\b(?:irak|iraq|irakien\w*|erbil|souleymaniye?h?|dohuk|peshmergas?)\b")


def _kurds_abroad(words: str, folded: str) -> bool:
    """« deux combattants kurdes » in a sentence about Syria (« une base des FDS dans le nord-est de la Syrie »):
    ``other``, not the KRG; a peshmerga, or a sentence that names Iraq, stays the KRG's."""
    return bool(
        not re.search(r"\bpeshmergas?\b", words) and SYRIAN_KURDS.search(folded) and not IRAQI_KURDS.search(folded)
    )


# a state's nationality on rebels, insurgents or an opposition (« rebelles syriens », « l'Armée syrienne libre ») says
# where they fight, not whose forces they are: the codebook's state codes are the state's forces
REBELS = re.compile(r"\b(?:rebelles?|insurges?|opposition|opposants?|dissidents?|armee (?:[a-z-]+ )?libre)\b")


# the Islamic Revolutionary Guard Corps by its short name: « les Gardiens » with a capital (« des gardiens » of a
# prison or a building are guards)
IRGC_SHORT = re.compile(r"\b(?:des|les|aux|du corps des|Corps des) Gardiens\b")


def _party(doc, s, folded, c: Figure, utok, end, ntok, a, verb, gov_tok, context, prev) -> tuple[str, str]:
    """Whose people: the figure's own words, then a possessive's owner, the figure it continues,
    the subject of its clause, the force last named."""
    pos = s.start + c.start
    fu_ = fold(c.unit)
    first = (
        utok.left_edge.idx if utok is not None and utok.idx < c.start else c.start
    )  # an apposed number's noun before
    words = fold(s.text[first : doc[end - 1].idx + len(doc[end - 1].text)]) if utok is not None and end > 0 else ""
    if c.kind == "troops":
        # « 300 membres issus de pays alliés »: where a body's people come from is not whose they are
        words = ORIGIN.sub("", words)
    codes = roles.head_wins(roles.parties_in(words), words) if words else []
    if not codes and words and IRGC_SHORT.search(s.text[c.start : c.start + len(words)]):
        codes = ["IR"]  # « deux officiers des Gardiens »: the Corps by its short name, capitalized
    if c.unit and c.unit_start >= c.end and nationality_noun(c.unit):
        codes = codes or [roles.party_of(fold(c.unit))]  # its own noun, not one it shares (« en compte 50 »)
    if not codes and words and c.kind in ("troops", "casualties"):
        short = _short_name(s.text[first : doc[end - 1].idx + len(doc[end - 1].text)], context, pos)
        codes = [short] if short else []
    own = roles.combine(codes)
    if own in roles.FORCE_CODES and c.kind == "casualties" and roles.CIVILIAN_UNITS.match(fu_):
        # « un civil irakien », « des habitants kurdes »: IQ, KRG and PMF are forces, not nationalities
        return "civilians", "status"
    if own == "PMF" and _pro_iranian_abroad(words, folded):
        return "other", "stated"
    if own == "KRG" and _kurds_abroad(words, folded):
        return "other", "stated"
    if own in roles.STATE_CODES and REBELS.search(words):
        return "other", "stated"
    if own:
        return own, "stated"
    paren = PAREN_OWNER.search(folded[: c.start]) if c.kind in ("troops", "casualties") else None
    if paren and roles.party_of(paren.group("np")):
        # « devant l'Italie (800), le Royaume-Uni (400), l'Espagne (550 militaires) »: the party the parenthesis
        # follows counts them, whatever the parse made of the list
        return roles.party_of(paren.group("np")), "stated"
    if c.kind == "casualties" and roles.GENERIC_VICTIMS.match(fu_) and PROTEST_TOLL.search(folded[: c.start]):
        # « un mouvement de contestation dont la répression a fait 200 morts »: the dead of a crackdown on
        # protesters are the protesters, civilians, not the force the article is about
        return "civilians", "status"
    rel = RELATIVE_DONT.search(folded[: c.start]) if c.kind == "troops" and a is None else None
    if rel:
        # « les cellules du groupe X, dont quelques milliers de combattants opèrent encore »: the relative « dont »
        # (of whom) makes the noun phrase before it the owner of the people counted
        # « la coalition emmenée par Washington, dont … »: who leads a force is not whose its people are
        found = roles.parties_in(LED_BY.sub("", rel.group("np")))
        if found:
            return found[-1][1], "stated"
    if c.kind in ("troops", "casualties") and OTHER_MEMBERS.search(words):
        # « un millier de soldats des autres pays membres »: « autres » sets apart the country just named; the
        # other members of the coalition are the coalition
        return "coalition", "stated"
    if utok is not None and end > 0:
        # « trois soldats et deux policiers irakiens »: a plural adjective after coordinated nouns
        # qualifies each of them
        nxt = SHARED_ADJECTIVE.match(folded[doc[end - 1].idx + len(doc[end - 1].text) :])
        if nxt and roles.NATIONALITY.match(nxt.group("adj")) and roles.party_of(nxt.group("adj")):
            return roles.party_of(nxt.group("adj")), "stated"
    mission = MISSION_PEOPLE.search(folded[: c.start]) if c.kind == "troops" and fu_ == "personnes" else None
    if mission and roles.party_of(mission.group("own")):
        return roles.party_of(mission.group("own")), "stated"  # « la mission de l'OTAN …, forte de 500 personnes »
    body = roles.token_at(doc, mission.start()) if mission else None
    if body is not None and any(POSSESSIVE_DET.match(fold(t.text)) for t in body.children if t.dep_ == "det"):
        return roles.possessor(body, context, s.start)  # « porter ses effectifs de 500 à 4 000 personnes »
    en = EN_CLITIC.search(folded[: c.start]) if a is not None and c.kind == "troops" else None
    if en:
        # « l'Allemagne en compte 130 »: the noun is the one counted before, the owner is the subject
        # right before the clitic (the parser often reads « en compte » as a noun)
        chunk = re.split(r"[,;:(]|\btandis que\b|\balors que\b|\bet\b|\bmais\b", folded[: en.start()])[-1]
        p = roles.party_of(chunk) or roles.frame_subject(ntok, context, s.start)
        if p:
            return p, "subject"
    among_them = re.match(r"\s*parmi (?:les|des|ces) (\w+)", folded[c.local[2] :]) if c.kind == "casualties" else None
    if c.kind == "casualties" and (ASSAILANTS.match(fu_) or among_them and ASSAILANTS.match(among_them.group(1))):
        # « 374 assaillants », « 60 blessés parmi les assaillants »: attackers with no side of their own are the armed
        # group (IS, the Hachd's) the article named before
        p = context.armed_group_before(pos)
        if p:
            return p, "the attackers named before"
    if c.kind == "casualties" and utok is not None and roles.CIVILIAN_UNITS.match(fu_):
        if ARMED_ALONGSIDE.match(folded[c.local[2] :]):
            return "other", "mixed (civilians and armed people)"  # « 77 employés et gardiens de la prison »
        return "civilians", "status"  # « ses deux enfants », « dont un adolescent »: civilians by what they are
    harm = gov_tok if c.kind == "casualties" and gov_tok is not None else None
    if c.possessive:
        kin = (
            KIN_AFTER.search(folded[: c.start])
            if c.kind == "casualties" and c.possessive in ("son", "sa", "ses")
            else None
        )
        if kin and (ESCORT.match(fu_) or KIN.match(fu_)):
            # « un commandant du groupe X ainsi que ses deux fils »: a man's kin and escort, harmed with him (the noun
            # phrase the figure is coordinated with, his possessive's owner), are of his side: the last side named
            # between the verb of harm and them
            since = gov_tok.idx + len(gov_tok.text) if gov_tok is not None and gov_tok.idx < c.start else 0
            named = [code for _, code in roles.parties_in(folded[since : kin.start()]) if code != "civilians"]
            if named:
                return named[-1], "the side of the man whose kin they are"
        if c.kind == "casualties" and c.possessive in ("son", "sa", "ses") and ESCORT.match(fu_):
            # « deux de ses gardes du corps »: a leader's guards and companions are his faction's people, the armed
            # group the lines before named (an owner that names a state in the sentence itself is read below)
            own_sentence = roles.parties_in(folded)
            faction = next((code for p, code in reversed(context.mentions) if p < s.start and code in FACTIONS), "")
            if faction and not own_sentence:
                return faction, "possessor's faction"
        return roles.possessor(utok or ntok, context, s.start, harm_verb=roles._clause_verb([harm]) if harm else None)
    if a is not None:
        # "et des alliés de la coalition 2 500 autres": the subject of a gapped clause
        gap = folded[a.local[2] : c.start] if a.sentence_index == c.sentence_index else ""
        tail = re.split(r"\bet\b|,|;", gap)[-1]
        p = roles.party_of(tail)
        if p and a.sentence_index == c.sentence_index and not roles.LOCATIVE.search(tail):
            return p, "subject"
        return a.party, "continued"
    fu = fold(c.unit)
    if (
        c.kind == "casualties"
        and prev is not None
        and prev.kind == "casualties"
        and prev.party
        and roles.GENERIC_VICTIMS.match(fu)
        and re.search(
            r"(?:\bet|,|\bainsi qu'|\bainsi que)\s*" + APPROX_WORDS + "$", folded[max(0, c.start - 30) : c.start]
        )
    ):
        return prev.party, "continued"  # "trois soldats américains tués et plus de 40 blessés"
    if c.kind == "casualties" and gov_tok is not None and fold(gov_tok.lemma_) == "perdre":
        # « l'alliance dit avoir perdu plus de 11 000 combattants depuis le début de sa lutte contre X »: the people a
        # side lost are its own (its subject, else the side the sentence named before the verb), never those it fights
        p = roles.frame_subject(utok or ntok, context, s.start)
        if not p:
            named = [code for _, code in roles.parties_in(folded[: gov_tok.idx]) if code != "civilians"]
            p = named[-1] if named else ""
        if p:
            return p, "who lost them"
    if c.kind == "casualties":
        # "sept morts et une dizaine de blessés parmi les miliciens": the group the toll is among
        among = re.search(
            r"\b(?:parmi|dans les rangs)\s+(?:d'|de |des |du |les |la |le |l')*([^,;.()]{3,70})",
            re.split(r"[;.]", folded[c.local[2] :])[0],
        )
        codes = roles.head_wins(roles.parties_in(among.group(1)), among.group(1)) if among else []
        if codes and not re.match(r"(?:lesquel|eux|elles|ceux|celles)", among.group(1)):
            return roles.combine(codes), "stated"
        ranks = re.match(r"[^,;.]{0,30}?\bdans (?:leurs|ses|nos) rangs\b", folded[c.local[2] :])
        rt = roles.token_at(doc, c.local[2] + ranks.end() - 1) if ranks else None
        if rt is not None:
            # « les Brigades ont fait état d'un mort dans leurs rangs »: the ranks are their owner's, the clause's subject
            p, basis = roles.possessor(rt, context, s.start, harm_verb=roles._clause_verb([harm]) if harm else None)
            if p:
                return p, basis + " (« dans leurs rangs »)"
        if among and roles.CIVILIAN_UNITS.match(among.group(1).split()[0]):
            return "civilians", "status"  # « cinq blessés parmi les contractuels »
        if roles.CIVILIAN_UNITS.match(fu) or _aboard_civil_craft(folded, c, context, pos):
            return "civilians", "status"
        body = _body_of(words, s.text, folded, c, context, pos)
        if body:
            return body
        if roles.POLICE_UNITS.match(fu):
            # « trois soldats et deux policiers »: the police are the host state's, the last such state named
            host = next((code for p, code in reversed(context.mentions) if p < pos and code in roles.HOST_FORCES), "")
            return (host, "context") if host else ("other", "unspecified")
        if roles.MILITARY_UNITS.match(fu):
            # « L'armée irakienne a affirmé que ces raids avaient tué trois soldats »: soldiers a force reports dead or
            # wounded, with no nationality of their own, are its own
            reporter = next((v for v in roles._verbs_up(ntok) if roles.REPORT.match(fold(v.lemma_))), None)
            subj = roles._subject(reporter) if reporter is not None else None
            p = roles.np_party(subj) if subj is not None and subj.pos_ != "PRON" else ""
            if p and p not in ("civilians", "other"):
                return p, "the force that reports its own"
            return context.before(pos, exclude=roles.FOREIGN_ONLY), "context"
        return "other", "unspecified"
    if c.demonstrative:
        return context.before(pos, exclude=roles.FOREIGN_ONLY), "context"
    if c.kind != "troops":
        # whose rockets: the one who fires them (« L'Iran a tiré une douzaine de missiles »); whose bases
        # when struck: only the figure's own words say (« a frappé cinq bases du groupe X »)
        pre = APPROX_BEFORE.sub("", folded[: c.start]).rstrip()
        pre = re.sub(r"\b(?:de|d')$", "", pre).rstrip() if APPROX_BEFORE.search(folded[: c.start]) else pre
        complement = re.search(
            r"(?:\b(?:sur|contre|vers|dans|a|au|aux|par|pour|avec|entre|parmi|de|d'|des|du)|"
            r"\bd')\s*(?:les|des|ses|leurs)?$",
            pre,
        )
        target = verb is not None and STRUCK.match(fold(verb.lemma_)) or bool(complement)
        p = "" if target or c.kind == "casualties" else roles.frame_subject(utok or ntok, context, s.start)
        return p, ("subject" if p else "")
    body = _body_of(words, s.text, folded, c, context, pos)
    if body:
        return body
    head = utok or ntok
    if verb is not None and verb.i < head.i and all(x.i != verb.i for x in head.ancestors):
        # the verb right before the figure governs it whatever the parse hangs it on (« …ont réduit la voilure :
        # l'Italie maintient moins de 400 militaires »): its own subject owns the troops
        subj = roles._subject(verb)
        p = roles._party_of_subject(subj, context, s.start) if subj is not None and subj.i < verb.i else ""
        if p:
            return p, "subject"
    p = roles.frame_subject(head, context, s.start)
    if p:
        return p, "subject"
    p = _named_before(folded[: c.start], context, pos)
    if p:
        return p, "subject"
    return context.before(pos, exclude=roles.FOREIGN_ONLY), "context"


# a plural capitalized noun after « des » (« des Brigades », « des Forces », « des Unités »): a body's name, not a place's
SHORT_NAME = re.compile(r"\bdes\s+(?P<name>[A-ZÀ-Ý][a-zà-ÿ-]{3,}[sx])\b(?!\s+(?:de|du|des|d')\b)")


def _short_name(np: str, context, pos: int) -> str:
    """« huit combattants des Brigades »: a group named in full before (« les Brigades du Hezbollah ») is called by
    the first word of its name after; the party of the last full name the article gave with that word."""
    m = SHORT_NAME.search(np)
    if not m:
        return ""
    before = context.text[: max(0, pos)]
    for full in reversed(list(re.finditer(r"\b" + re.escape(m.group("name")) + r"\b", before))):
        rest = re.split(r"[,;:.()«»\n]", before[full.start() : full.start() + 50])[0]
        if rest[len(m.group("name")) :].strip()[:1] in ("", ",", ".", ";", ")"):
            continue  # the short name again, not the full one
        p = roles.party_of(fold(rest))
        if p and p != "civilians":
            return p
    return ""


# « neuf membres du groupe », « 30 combattants de l'organisation »: people of a body named before by its noun
OF_BODY = re.compile(
    r"\b(?:du|de la|de l')\s*(?P<noun>groupe|organisation|mouvement|milice|reseau|faction)\b[^,;]{0,30}$"
)


def _body_of(words: str, text: str, folded: str, c: Figure, context, pos: int) -> tuple[str, str] | None:
    """Whose people « membres du groupe » counts: a body is no state, so never the force last named. The side the
    sentence's violence was aimed at before the figure (« visait Houras al-Din : neuf membres du groupe »), else the
    party of the last name the article gave after that noun, else ``other`` (a body with no code of its own)."""
    m = OF_BODY.search(words)
    if not m:
        return None
    at = folded.find(m.group(0), c.start)
    if at >= 0:
        # « un dirigeant du groupe État islamique »: the body's own name, right after its noun
        tail = folded[at + m.start("noun") - m.start() + len(m.group("noun")) :]
        # (the name ends where the clause goes on: « du groupe ont été tués par la riposte américaine »)
        p = roles.party_of(
            re.split(r"[,;:.()]|\b(?:a|ont|avait|avaient|est|sont|etait|etaient|qui|que|par)\b", tail)[0][:40]
        )
        if p:
            return p, "stated"
    named, aimed = roles.struck_party(text, stop=c.start)
    if named:
        return (aimed or "other"), "the body struck"
    before = fold(context.text[: max(0, pos)])
    told = list(re.finditer(r"\b" + m.group("noun") + r"\b", before))
    for full in reversed(told):
        p = roles.party_of(re.split(r"[,;:.()]", before[full.end() : full.end() + 40])[0])
        if p and p != "civilians":
            return p, "the body named before"
    # « le groupe État islamique … un cadre de l'organisation »: a noun the article never used before stands for the
    # armed group it named last
    p = "" if told else context.armed_group_before(pos)
    return (p, "the armed group named before") if p else ("other", "a body of no state")


# a sentence whose subject is a definite body with no owner of its own (« La mission, qui …, compte 500 membres »)
BODY_SUBJECT = re.compile(
    r"^\s*(?:la|le|l'|cette|ce)\s*(?P<noun>mission|contingent|coalition|operation)\s*"
    r"(?:,[^,;]*,\s*|\s+(?=(?:\w+\s+)?(?:compt|compren|rassembl|totalis|regroup|reun)))"
)


def _named_before(head: str, context, pos: int) -> str:
    """« La mission … compte 500 membres »: a definite body with no owner of its own is the one the article named
    before with its owner (« la mission de l'OTAN »), not the country last named."""
    m = BODY_SUBJECT.match(head)
    if not m:
        return ""
    owners = re.findall(
        rf"\b{m.group('noun')}\s+(?:de \w+\s+)?(?:de l'|de la |du |des |d')([^,;.()]{{0,40}})",
        fold(context.text[max(0, pos - 3000) : pos]),
    )
    found = [roles.party_of(w) for w in owners if roles.party_of(w)]
    return found[-1] if found else ""


ABOARD = re.compile(
    r"^[^,;.]{0,40}?\b(?:a bord|d'equipage|du vol|de l'avion|de l'appareil|du boeing|de l'airbus)\b|"
    r"^\s*(?:passagers?|voyageurs?)\b"
)
CIVIL_CRAFT = re.compile(
    r"\b(?:boeing|airbus|avion de ligne|avion civil|appareil civil|vol commercial|vol [a-z]{0,3} ?\d+|"
    r"compagnie aerienne|airlines?|"
    r"airways|avion de passagers|autocar|autobus|minibus|bus)\b"
)


def _aboard_civil_craft(folded: str, c: Figure, context, pos: int) -> bool:
    """People aboard an airliner or a bus (« les 176 personnes à bord », « ses passagers », « les neuf
    membres d'équipage »): civilians, whatever their nationality, when the sentence or the lines before it
    name a civil craft."""
    after = folded[c.local[1] :]
    if not ABOARD.match(after) and not re.match(r"\s*(?:passagers?|voyageurs?)\b", fold(c.unit)):
        return False
    return bool(CIVIL_CRAFT.search(fold(context.text[max(0, pos - 600) : pos]) + " " + folded))


def _relate(doc, folded, cands, shared, at, out, mine) -> None:
    """Parts and wholes, changes of level, and a whole's party from its parts."""
    for i, c in enumerate(cands):
        if i not in at:
            continue
        k = at[i]
        before = folded[max(0, c.start - 40) : c.start]
        earlier = [j for j in mine if j < k]
        # « 76 d'entre eux », « Parmi les blessés, huit »: a part of the people counted before
        if c.continues is not None and (
            ANAPHOR_AFTER.match(folded[c.end :]) or ANAPHOR_BEFORE.search(folded[: c.start])
        ):
            _part(out, k, c.continues)
        elif c.continues is not None and c.continues == _listed_after_toll(out, earlier, folded, c):
            _part(out, k, c.continues)
        # "dont 160 formateurs", "parmi lesquels 3 Américains"
        elif PART_BEFORE.search(before) and earlier:
            same = [j for j in earlier if out[j].kind == c.kind] or earlier
            whole = next((j for j in reversed(same) if out[j].part_of is None), same[-1])
            _part(out, k, whole)
        elif (
            earlier
            and out[earlier[-1]].part_of is not None
            and re.fullmatch(
                r"[^.;:]*?(?:,|\bet|\bainsi qu'|\bainsi que|\btandis que|\balors que)\s*" + APPROX_WORDS,
                folded[out[earlier[-1]].local[2] : c.start],
            )
            and out[earlier[-1]].kind == c.kind
            # « 60 morts, dont cinq civils, et 200 assaillants »: a comma before « et » closes the « dont » aside, and
            # what follows is coordinated with the whole, not another of its parts (French lists put no comma there)
            and not re.fullmatch(r"[^,]*,\s*et\s*" + APPROX_WORDS, folded[out[earlier[-1]].local[2] : c.start])
        ):
            whole = out[earlier[-1]].part_of
            while out[whole].part_of is not None and out[whole].kind == c.kind:
                whole = out[whole].part_of  # « dont les 9 membres d'équipage, ainsi que 57 Canadiens »: the outer whole
            _part(out, k, whole)  # "dont 250 …, ainsi que 50 instructeurs"
        # "45 de ses 120 instructeurs", "30 sur 70": the first is part of the second
        if (
            i in shared
            and i + 1 in at
            and (
                OF_POSSESSIVE.match(folded[c.end : cands[i + 1].start])
                or re.match(r"\s*sur\b", folded[c.end : cands[i + 1].start])
            )
        ):
            _part(out, k, at[i + 1])
            whole = out[at[i + 1]]
            if whole.kind == "troops" and whole.measure in roles.FLOWS:
                whole.measure, whole.measure_basis = "present", "the whole a part is taken from"
        # "sur un total de 130 militaires": the figure before is a part of this one
        if WHOLE_SUR.search(before) and earlier and i - 1 not in shared:
            _part(out, earlier[-1], k)
            if c.kind == "troops" and c.measure in roles.FLOWS:
                c.measure, c.measure_basis = "present", "the whole a part is taken from"
        # "sur les 64 militaires …, 39 ont …"
        if WHOLE_SUR.search(before) and not earlier:
            nxt = next((at[j] for j in range(i + 1, len(cands)) if j in at and out[at[j]].kind == c.kind), None)
            if nxt is not None and re.search(
                r",\s*(?:(?:figur\w+|se trouv\w+|on (?:compte|denombre)|il y a(?:vait)?)\s+)?" + APPROX_WORDS + "$",
                folded[: cands[[j for j in at if at[j] == nxt][0]].start],
            ):
                _part(out, nxt, k)
    # "passeront de 5 200 à 3 000": the first is the level now, the second the target
    for i, c in enumerate(cands[:-1]):
        j = i + 1
        if i not in at or j not in at:
            continue
        f, g = out[at[i]], out[at[j]]
        if f.kind != "troops" or g.kind != "troops":
            continue
        gap = folded[c.end : cands[j].start]
        head = folded[max(0, c.start - 80) : c.start]
        change = re.search(
            r"\b(?:pass\w+|redui\w+|reduction|ramen\w+|port\w+|augment\w+|diminu\w+|baiss\w+|"
            r"abaiss\w+|hausse)\b",
            head,
        )
        if (
            re.fullmatch(r"\s*(?:a|jusqu'a)\s*" + APPROX_WORDS, gap)
            and re.search(r"\b(?:de\s*|d')" + APPROX_WORDS + "$", head)  # « de 500 », « d'environ 500 »
            and change
        ):
            f.measure, f.measure_basis = "present", "level before a change"
            # a change still to come (« passeront de 500 à 4 000 ») sets a target; the figure after « à »
            # only continues the noun of the first, not its measure
            coming = roles.FUTURE_FORM.fullmatch(change.group()) or re.search(
                r"\b(?:va|vont|doit|doivent|devrait|devraient|prevoit|prevoient|entend\w*|"
                r"veut|veulent|projet\w*|plan|objectif|decid\w+)\b",
                head[: change.start()],
            )
            if g.measure not in ("planned", "present") or (coming and g.measure_basis == "continues a figure"):
                g.measure, g.measure_basis = "planned", "level after a change"
    # "trois personnes, deux chefs des Brigades du Hezbollah et leur chauffeur, ont péri": the
    # apposition that lists who they were says whose
    for k in mine:
        f = out[k]
        span = _apposition(doc, f)
        if span is None:
            continue
        for j in mine:  # the figures the apposition lists are parts of the figure it describes
            if j != k and span[0] <= out[j].local[0] < span[1] and out[j].kind == f.kind:
                _part(out, j, k)
                # « trois réservistes américains, deux femmes et un homme »: words of sex in the apposition of a
                # force's people tell who they are, not that they are civilians
                if (
                    out[j].part_of == k
                    and SEX_WORDS.match(fold(out[j].unit))
                    and roles.TROOP_UNITS.match(fold(f.unit))
                    and f.party not in ("", "other", "civilians")
                ):
                    out[j].party, out[j].party_basis = f.party, "part of a force"
                elif (
                    out[j].part_of == k
                    and roles.MILITARY_UNITS.match(fold(out[j].unit))
                    and f.party in roles.STATE_CODES
                    and f.party_basis == "stated"
                    and out[j].party_basis != "stated"
                ):
                    # « Quatre Américains, deux militaires, un employé civil … et un sous-traitant »: soldats listed
                    # among a state's nationals are that state's soldiers
                    out[j].party, out[j].party_basis = f.party, "part of a state's nationals"
                # « trois militaires — deux Américains et une Britannique — »: an apposition says who the people
                # were, not what befell them; with no word of harm of its own, its parts share the whole's toll
                # (not that of the verb the parser hangs them on past the closing dash)
                if (
                    out[j].part_of == k
                    and f.kind == "casualties"
                    and f.measure in roles.CASUALTY_MEASURES
                    and out[j].measure != f.measure
                    and not any(
                        roles.measure_word(w) in roles.CASUALTY_MEASURES
                        for w in re.findall(r"[\w-]+", folded[span[0] : span[1]])
                    )
                ):
                    out[j].measure, out[j].measure_basis = f.measure, "apposition to a toll"
        if f.kind in ("casualties", "troops") and f.party_basis in ("unspecified", "context", ""):
            words = folded[span[0] : span[1]]
            codes = roles.head_wins(roles.parties_in(words), words)
            if codes and not re.search(r"\b(?:dont|selon|ont|sont|qui)\b", words):
                f.party, f.party_basis = roles.combine(codes), "apposition"
    # « cinq soldats et un autre sous-traitant, tous américains »: a floating « tous » with a nationality closing a
    # list says whose every item of it is
    for m in ALL_OF_NATION.finditer(folded):
        code = roles.party_of(m.group("nat"))
        if not code or code in ("civilians", "other"):
            continue
        listed = [k for k in mine if out[k].kind in ("troops", "casualties") and _np_end_char(doc, out[k]) <= m.start()]
        chain: list[int] = []
        end = m.start()
        for k in reversed(listed):
            if not re.fullmatch(r"\s*", folded[_np_end_char(doc, out[k]) : end]) and not chain:
                break
            if chain and not re.fullmatch(
                r"\s*(?:,|et|ainsi qu'|ainsi que)\s*" + APPROX_WORDS, folded[_np_end_char(doc, out[k]) : end]
            ):
                break
            chain.append(k)
            end = out[k].local[0]
        if len(chain) < 2:
            continue
        for k in chain:
            if out[k].party != code:
                out[k].party, out[k].party_basis = code, "a list's « tous »"
    # a whole with no party of its own takes its parts' ("trois militaires, dont deux américains")
    for k in mine:
        f = out[k]
        if f.party_basis in ("stated", "apposition", "status") or not f.parts:
            continue
        codes = [out[p].party for p in f.parts if out[p].party_basis in ("stated", "status")]
        if not codes or set(codes) == {f.party} and f.party_basis in ("the toll told before", "target of the violence"):
            continue  # « quatre autres personnes, dont un adolescent »: parts of the side already read
        if sum(out[p].count_best or 0 for p in f.parts) >= (f.count_best or 0) and len(set(codes)) == 1:
            f.party, f.party_basis = codes[0], "parts"
        elif (
            f.kind == "casualties"
            and len(set(codes)) == 1
            and codes[0] in ("PMF", "IS", "IR")
            and STRIKE_BY_COALITION.search(folded)
        ):
            # « une frappe de drone américaine a fait trois morts, dont un commandant des Kataeb Hezbollah »: a
            # strike's toll is the side it was aimed at, whose named members are the part told
            f.party, f.party_basis = codes[0], "parts (the side struck)"
        elif roles.GENERIC_VICTIMS.match(fold(f.unit)):
            f.party, f.party_basis = "other", "parts"  # "45 blessés, dont 20 Américains": the rest unknown
        else:
            f.party, f.party_basis = (
                ("coalition" if all(x not in roles.NOT_COALITION for x in codes) else "other"),
                "parts",
            )
        for p in f.parts:
            if out[p].party_basis == "continued":
                out[p].party = f.party
    # civilians by what they are stay civilians in their parts: « 176 personnes à bord, dont 63 Canadiens »
    # (a contractor or an employee keeps the nationality written with him)
    for k in mine:
        f = out[k]
        if f.kind != "casualties" or f.party != "civilians":
            continue
        for p in f.parts:
            g = out[p]
            if g.kind == "casualties" and g.party in roles.STATE_CODES and not CONTRACTOR.match(fold(g.unit)):
                g.party, g.party_basis = "civilians", "part of civilians"


# a noun of armed people coordinated with a civilian noun in the same noun phrase (« employés et gardiens », no second
# number): the group mixes civilians and others
ARMED_ALONGSIDE = re.compile(
    r"^\s+(?:et|ou)\s+(?:des |les |de |d')?(?:gardiens?|gardes?|soldats?|militaires?|policiers?|gendarmes?|"
    r"combattants?|miliciens?|agents? de securite|vigiles?)\b"
)
ASSAILANTS = re.compile(r"^(?:assaillants?|assaillantes?|attaquants?|agresseurs?)$")
SEX_WORDS = re.compile(r"^(?:hommes?|femmes?)$")
CONTRACTOR = re.compile(r"^(?:sous-traitants?|contractuels?|contractors?|entrepreneurs?|employes?|agents?)$")


# « …, tous américains », « toutes deux irakiennes »: the nationality of every item of the list it closes
ALL_OF_NATION = re.compile(
    r",\s*(?:tous|toutes)\s+(?:(?:deux|trois|quatre|cinq|six)\s+)?(?P<nat>[a-z-]+)\s*(?=[.;,]|$)"
)


# the noun phrase a parenthesis holding a figure opens after (« l'Espagne (550 militaires) »)
PAREN_OWNER = re.compile(r"(?:^|[,;:]|\bet\b|\bdevant\b|\bavec\b)\s*(?P<np>[^,;:()]{2,40}?)\s*\(\s*(?:\w+ )?$")
DASH_OPEN = {"—": ("—", ".", ";"), "–": ("–", ".", ";"), "(": (")",)}


def _apposition(doc, f: Figure) -> tuple[int, int] | None:
    """The span of an apposition that says who a figure's people are (« trois personnes, deux
    chefs … et leur chauffeur, ont péri »): between commas, right after the noun phrase, and
    followed by the verb."""
    if f.unit_start < f.local[1]:
        return None
    u = roles.token_at(doc, f.unit_start)
    if u is None:
        return None
    j = roles._np_end(doc, u.i)
    if j < len(doc) and doc[j].text in DASH_OPEN:
        # « trois soldats — deux femmes et un homme — » or « (deux femmes et un homme) »: a pair of dashes or
        # brackets sets an apposition off whatever follows it, commas inside included
        close = DASH_OPEN[doc[j].text]
        k = next((m for m in range(j + 1, min(len(doc), j + 40)) if doc[m].text in close), None)
        if k is not None and j + 1 < k and doc[j + 1].pos_ in ("DET", "NUM", "PRON"):
            return doc[j].idx, doc[k].idx
        return None
    if j >= len(doc) or doc[j].text != ",":
        return None
    k = j + 1
    while k < len(doc) and k < j + 30 and doc[k].text not in (",", ";", "."):
        k += 1
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].pos_ in ("AUX", "VERB"):
        return doc[j].idx, doc[k].idx
    # a list of several items, each after its comma (« Quatre Américains, deux militaires, un employé … et un
    # sous-traitant, ont été tués »): the apposition runs to the comma before the verb
    m = k
    while (
        m + 1 < len(doc)
        and m < j + 40
        and doc[m].text == ","
        and doc[m + 1].pos_ in ("DET", "NUM")
        and (doc[m + 1].pos_ == "NUM" or doc[m + 1].like_num or fold(doc[m + 1].text) in ("un", "une"))
    ):
        m += 1
        while m < len(doc) and m < j + 40 and doc[m].text not in (",", ";", "."):
            m += 1
    if m != k and m + 1 < len(doc) and doc[m].text == "," and doc[m + 1].pos_ in ("AUX", "VERB"):
        return doc[j].idx, doc[m].idx
    # at the end of the sentence, a phrase with no verb: « trois morts, tous des gardes irakiens » (not a list of
    # other people: « trois soldats, deux policiers et un civil »)
    if (
        (k >= len(doc) or doc[k].text in (";", "."))
        and not _other_people_listed(f, doc[j + 1 : k])
        and j + 1 < len(doc)
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[j + 1 : k])
        and doc[j + 1].pos_ in ("DET", "NUM", "PRON", "ADJ")
        and not re.match(r"(?:selon|d'apres|soit|contre)\b", fold(doc[j + 1].text))
    ):
        return doc[j].idx, (doc[k].idx if k < len(doc) else len(doc.text))
    return None


def _people_sort(word: str) -> str:
    """What sort of people a noun names, for the sorts no person is two of at once: soldiers, police, civilians
    ('' for the words that say no such thing: « membres », « hommes », « femmes », « personnes »)."""
    w = fold(word)
    if SEX_WORDS.match(w) or re.fullmatch(r"membres?|personnels?", w):
        return ""
    if roles.POLICE_UNITS.match(w):
        return "police"
    if roles.MILITARY_UNITS.match(w):
        return "military"
    if roles.CIVILIAN_UNITS.match(w):
        return "civilian"
    return ""


def _other_people_listed(f: Figure, toks) -> bool:
    """Whether the phrase after a figure's comma counts people of another sort than its own (« trois soldats, deux
    policiers et un civil »): a list of more people, not an apposition that says who they were."""
    mine = _people_sort(f.unit)
    if not mine:
        return False
    nouns = [t for t in toks if t.pos_ == "NOUN" and _people_sort(t.text)]
    return bool(nouns) and _people_sort(nouns[0].text) != mine


def _part(out: list[Figure], part: int, whole: int) -> None:
    if part == whole or out[part].part_of is not None:
        return
    out[part].part_of = whole
    out[whole].parts.append(part)
    if out[part].continues is None and not out[part].party:
        out[part].party = out[whole].party


def _scope(doc, folded, out, mine, gazetteer) -> None:
    """Each place phrase of the sentence goes to the figure nearest to it in the parse; a figure
    with none takes its whole's or the figure it continues, else Iraq."""
    places = roles._places(folded, gazetteer)
    anchors = {}
    for k in mine:
        f = out[k]
        toks = [roles.token_at(doc, f.local[1] - 1)]
        if f.unit_start >= 0:
            u = roles.token_at(doc, f.unit_start)
            if u is not None:
                toks.append(u)
        anchors[k] = [t for t in toks if t is not None]
    got: dict[int, list] = {k: [] for k in mine}
    last: tuple[int, int] | None = None  # (end of the last place placed, its figure)
    for a, b, label, spec in places:
        # right after a figure's noun phrase ("50 instructeurs en Jordanie"), or coordinated with the
        # place just given to a figure ("… en Jordanie et au Liban"): that figure's
        direct = [
            k
            for k in mine
            if re.fullmatch(r"\s*" + roles.PLACE_PREP.pattern[:-1] + r"\s*", folded[_np_end_char(doc, out[k]) : a])
        ]
        if (
            not direct
            and last is not None
            and re.fullmatch(
                r"\s*(?:et|,|ainsi qu'|ainsi que|ou)\s*" + roles.PLACE_PREP.pattern[:-1] + r"\s*", folded[last[0] : a]
            )
        ):
            direct = [last[1]]
        if direct:
            got[direct[-1]].append((a, label, spec))
            last = (b, direct[-1])
            continue
        pt = roles.token_at(doc, a)
        if pt is None or not anchors:
            continue
        right = [k for k in mine if re.fullmatch(r"\s*\(\s*", folded[b : out[k].local[0]])]
        if right:  # "d'Irak (150 à 200)": the figure in brackets right after the place
            got[right[0]].append((a, label, spec))
            continue
        dist = {k: min(roles._path_len(pt, t) for t in anchors[k]) if anchors[k] else 99 for k in mine}
        best = min(dist.values())
        if best > 4:
            continue
        near = [k for k in mine if dist[k] == best]
        # ties: the figure just before the place
        before = [k for k in near if out[k].local[1] <= a]
        k = before[-1] if before else near[0]
        got[k].append((a, label, spec))
        last = (b, k)
    for k in mine:
        f = out[k]
        if got[k]:
            spec = min(x[2] for x in got[k])
            labels = []
            for _, label, sp in sorted(got[k]):
                if sp == spec and label not in labels:
                    labels.append(label)
            f.scope = ";".join(labels)
        elif f.part_of is not None and out[f.part_of].scope:
            f.scope = out[f.part_of].scope
        elif f.continues is not None and out[f.continues].scope:
            f.scope = out[f.continues].scope
        else:
            f.scope = "Iraq"


def _np_end_char(doc, f: Figure) -> int:
    """Where a figure's noun phrase ends, in the sentence."""
    if f.unit_start >= f.local[1]:
        u = roles.token_at(doc, f.unit_start)
        if u is not None:
            j = roles._np_end(doc, u.i)
            t = doc[j - 1]
            return t.idx + len(t.text)
    return f.local[2]


def _site_levels(out: list[Figure]) -> None:
    """A level at a site (« 90 militaires allemands sont encore stationnés à Erbil ») is a part of
    the same party's level in Iraq given before it in the article."""
    # by party, the levels in Iraq before k that no later one of at least their count hides (counts falling):
    # the last whole larger than a site's level is found by bisection, not by reading every figure before it
    stacks: dict[str, list[tuple[int, int]]] = {}  # party -> [(-count, index)], counts decreasing
    for k, f in enumerate(out):
        if not (
            f.kind != "troops"
            or f.measure != "present"
            or f.part_of is not None
            or f.scope in ("Iraq", "")
            or not re.fullmatch(r"[a-z0-9-]+", f.scope)
            or not f.party
        ):
            stack = stacks.get(f.party, [])
            n = bisect_left(stack, (-(f.count_best or 0), -1))  # the entries of a larger count
            if n:
                _part(out, k, stack[n - 1][1])
        if f.kind == "troops" and f.measure == "present" and f.scope == "Iraq":
            stack = stacks.setdefault(f.party, [])
            c = f.count_best or 0
            while stack and -stack[-1][0] <= c:
                stack.pop()
            stack.append((-c, k))


# --- the victims of the event a toll belongs to ------------------------------------------------------

VICTIM_BASES = ("unspecified", "context")


def victims_by_target(figures: list[Figure], sentences: list[Sentence], events: dict[int, tuple]) -> list[int]:
    """A toll whose own words name nobody (« 25 combattants », « 8 morts », « cinq personnes ») counts the
    people the violence was aimed at (codebook: the victims' party): the object of the strike or attack
    its own sentence tells (« ont visé des positions des Kataeb Hezbollah, tuant 25 combattants »), else
    that of the event it belongs to, told before. ``events`` maps a figure's index to its event's
    (sentence index, sentence text, agent codes). An object that names several sides, or only a place,
    leaves the toll ``other``; so do « N autres … », people set apart from those just named. Figures that continue a toll or are parts of it follow it. Returns the
    indices of the figures changed."""
    changed: list[int] = []
    done: set[int] = set()  # the same, looked up in constant time (a text of thousands of tolls stays linear)
    for k, f in enumerate(figures):
        if f.kind != "casualties" or f.party_basis not in VICTIM_BASES:
            continue
        if f.party_basis == "context" and not roles.MILITARY_UNITS.match(fold(f.unit)):
            continue
        sent = sentences[f.sentence_index]
        if re.match(r"\s*(?:d')?autres\b", fold(sent.text[f.local[1] : f.local[1] + 12])):
            continue  # « six autres personnes ont été blessées »: others than the people the strike was aimed at
        ev = events.get(k)
        agent = tuple(ev[2]) if ev else ()
        named, party = roles.struck_party(sent.text, agent, stop=f.local[0])
        if not named and ev is not None and ev[0] < f.sentence_index:
            named, party = roles.struck_party(ev[1], agent)
        if party and party != f.party:
            f.party, f.party_basis = party, "target of the violence"
            changed.append(k)
            done.add(k)
    for k, f in enumerate(figures):  # those that continue or are parts of a toll changed above
        src = f.continues if f.continues is not None else f.part_of
        if (
            src is None
            and f.party_basis == "continued"
            and k - 1 in done
            and figures[k - 1].sentence_index == f.sentence_index
        ):
            src = k - 1  # « 8 morts et 4 blessés »: coordinated with the toll before
        if (
            src is not None
            and src in done
            and f.kind == "casualties"
            and f.party_basis in ("continued", "unspecified", "context")
        ):
            f.party, f.party_basis = figures[src].party, "continued"
            changed.append(k)
            done.add(k)
    return changed
