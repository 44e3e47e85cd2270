"""Figures: every number of soldiers, casualties and other things, attributed and dated.

A figure is a number (digits with any thousands separator, or French words read with
text2num, or an approximate word such as "une centaine", "des dizaines") attached to
what it counts (a unit noun right after it) and to a party (a nationality or force after
the noun, else the subject before it). Composite phrases share the unit: "3 000 soldats
…, dont 2 500 Américains"; "deux soldats américains et un britannique"; "ses 200
militaires, dont 160 …". Numbers inside dates, ordinals ("brigade 32", "numéro deux"),
ages and percentages are never figures.

Counting rules (also written in notebook 03):
- ``approximate`` is true for quelque, environ, près de, plus de, au moins, moins de,
  jusqu'à and the -aine / plusieurs / des words; ``count_low``/``count_high`` bound it:
  environ/quelque N → 0.9N–1.1N; près de N → 0.9N–N; plus de / au moins N → N–(open);
  moins de / jusqu'à N → (open)–N; une dizaine 8–12, une vingtaine 16–24, une centaine
  80–120, un millier 800–1 200; des/plusieurs dizaines 20–90, centaines 200–900,
  milliers 2 000–9 000 (best: the low end).
- ``kind`` is ``casualties`` when the clause says killed/died/wounded, ``troops`` when
  the unit is personnel, else ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from ..text import fold

PERSONNEL = (
    "soldats?|militaires?|conseillers?(?: militaires?)?|instructeurs?|formateurs?|troupes|personnels?|hommes|"
    "combattants?|membres?|marines|forces speciales|commandos?|accompagnateurs?|gardes?|agents?|"
    "employes?|sous-traitants?|civils?|policiers?|officiers?|experts?|personnes|morts|tues|blesses|victimes"
)
OTHER_UNITS = (
    "bases?|roquettes?|missiles?|drones?|obus|operations?|attaques?|sites?|positions?|installations?|"
    "frappes?|raids?|vehicules?|avions?|helicopteres?|chars?|camps?|projectiles?|tirs?|cibles?|objectifs?"
)
UNIT_RX = re.compile(rf"^(?:\s+(?:de |d')?(?:leurs?|ses|nos|vos)?\s*)?\s*(?P<unit>{PERSONNEL}|{OTHER_UNITS})\b")
PARTIES: list[tuple[str, re.Pattern]] = [
    ("US", re.compile(r"\b(americain\w*|us|usa|etats-unis|washington|pentagone|marines)\b")),
    ("FR", re.compile(r"\b(francais\w*|france|paris)\b")),
    ("UK", re.compile(r"\b(britannique\w*|royaume-uni|londres|anglais\w*)\b")),
    ("CZ", re.compile(r"\b(tcheque\w*|prague)\b")),
    ("DE", re.compile(r"\b(allemand\w*|allemagne|berlin|bundeswehr)\b")),
    ("IT", re.compile(r"\b(italien\w*|italie|rome)\b")),
    ("ES", re.compile(r"\b(espagnol\w*|espagne|madrid)\b")),
    ("CA", re.compile(r"\b(canadien\w*|canada|ottawa)\b")),
    ("AU", re.compile(r"\b(australien\w*|australie)\b")),
    ("NL", re.compile(r"\b(neerlandais\w*|pays-bas)\b")),
    ("DK", re.compile(r"\b(danois\w*|danemark)\b")),
    ("NO", re.compile(r"\b(norvegien\w*|norvege)\b")),
    ("KH", re.compile(r"\b(kata[ei]b hezbollah|brigades du hezbollah)\b")),
    ("PMF", re.compile(r"\b(hachd|hashd|mobilisation populaire|pmf|milices? chiites?)\b")),
    ("NATO", re.compile(r"\b(otan|nato|alliance atlantique)\b")),
    ("coalition", re.compile(r"\bcoalition\b")),
    ("IR", re.compile(r"\b(iranien\w*|iran|gardiens de la revolution)\b")),
    ("IQ", re.compile(r"\b(irakien\w*|irak|iraq)\b")),
    ("KRG", re.compile(r"\b(kurdes?|peshmergas?)\b")),
    ("ISIS", re.compile(r"\b(daech|daesh|etat islamique|jihadistes?|djihadistes?)\b")),
]
CASUALTY = re.compile(
    r"\b(tue\w*|tuant|mort\w*|peri\w*|bless\w*|traumatis\w*|commotion\w*|hospitalis\w*|victimes?|dece\w*|assassin\w*|liquid\w*|"
    r"abattu\w*|trouve la mort|perdu la vie|tombe\w*)\b"
)
ORDINAL_BEFORE = re.compile(
    r"\b(brigade|bataillon|division|regiment|numero|n°|no|article|resolution|page|chapitre|"
    r"lot|vol|route|autoroute|kilometre|km|point|niveau|phase|ligne|unite)\s*$"
)
WORD_NUM = re.compile(
    r"\b(?:(?:zero|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|et|un|une|-|\s)+)\b"
)
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
}
PLURAL_AINE = {"dizaines": (20, 20, 90), "centaines": (200, 200, 900), "milliers": (2000, 2000, 9000)}
PLAN = re.compile(
    r"\b(d'ici|compte\w*|prevoi\w*|prevu\w*|devrai\w*|devr\w+|doi\w+ (?:etre|passer|reduire|tomber)|"
    r"va |vont |sera\w*|envisag\w*|projet\w*|objectif|reduire|ramener|abaisser|limiter|porter|"
    r"passer\w*|augmenter|portera\w*)\b"
)
APPROX_BEFORE = re.compile(
    r"\b(environ|quelque|approximativement|autour de|aux alentours de|a peu pres|pres de|presque|"
    r"plus de|au moins|au minimum|pas moins de|moins de|jusqu'a|au plus|au maximum|plus d'|"
    r"pres d'|moins d')\s*$"
)
# what joins a number to the figure before it, so it counts the same thing
COMPOSITE = re.compile(
    r"(\bdont|\bsur (?:les |la |un total de )?|\bet|,|\bparmi|\bcontre|\bau lieu de|\bpuis)\s*"
    r"(?:quelque|environ|pres de|plus de|au moins|moins de|pres d'|une|un)?\s*$"
)
# "d'Irak", "en Syrie": where, not who
LOCATION = re.compile(
    r"\b(?:en|d'|de l'|du|au|vers|hors d'|presents? en|stationnes? en)\s*(?:irak|iraq|syrie|iran|pays|koweit|jordanie|"
    r"turquie|region)\b"
)
DIGITS = re.compile(r"(?<![\d,.])\d{1,3}(?:(?:[ .,\u00a0\u202f])\d{3})+(?![\d])|(?<![\d,.])\d+(?![\d]|[,.]\d)")


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
    planned: bool = False  # a target or plan ("réduire à 3 000"), not a count of what is
    # positions in the sentence: number start, number end, end of its unit noun
    local: tuple[int, int, int] = (0, 0, 0)


def _numbers(
    text: str, folded: str, skip: list[tuple[int, int]]
) -> list[tuple[int, int, int, int | None, int | None, bool]]:
    """(start, end, best, low, high, approximate) of every number in ``text``."""
    out = []

    def free(s, e):
        return not any(s < b and a < e for a, b in skip)

    for m in DIGITS.finditer(folded):
        raw = re.sub(r"[ .,\u00a0\u202f]", "", m.group())
        if free(m.start(), m.end()):
            n = int(raw)
            out.append((m.start(), m.end(), n, n, n, False))
    aine = "|".join(sorted(list(AINE) + list(PLURAL_AINE), key=len, reverse=True))
    for m in re.finditer(r"\b(?:une?|plusieurs|des|quelques) (?P<w>" + aine + r")s?\b", folded):
        w = m.group("w")
        best, lo, hi = AINE.get(w) or PLURAL_AINE[w]
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), best, lo, hi, True))
    for m in WORD_NUM.finditer(folded):
        s, e = m.span()
        span = folded[s:e]
        stripped = re.sub(r"^(?:[\s-]|et\b)+", "", span)
        lead = len(span) - len(stripped)
        span_s = stripped.rstrip(" -")
        if re.fullmatch(r"une?", span_s) and free(s + lead, s + lead + len(span_s)):
            # "un"/"une" is a number only in a composite ("et un britannique"); decided later
            out.append((s + lead, s + lead + len(span_s), 1, 1, 1, False))
            continue
        if not span_s or span_s in ("et", "un", "une") or not free(s, e):
            continue
        s += lead
        e = s + len(span_s)
        words = span_s
        if words.startswith(("un ", "une ")) and not re.match(r"une? (?:cent|mille)", words):
            continue
        try:
            n = text2num(words, "fr")
        except (ValueError, IndexError):
            continue
        out.append((s, e, n, n, n, False))
    out.sort()
    return out


def extract_figures(text: str, sentence_start: int = 0, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Figures in one sentence (``text``); ``skip`` are spans (relative to ``text``) of dates."""
    folded = fold(text)
    figs: list[Figure] = []
    for s, e, best, lo, hi, approx in _numbers(text, folded, skip or []):
        before = folded[max(0, s - 30) : s]
        if ORDINAL_BEFORE.search(before) or re.match(
            r"\s*(%|pour cent|ans\b|heures?|h\d|e\b|eme|er\b|ieme)", folded[e : e + 9]
        ):
            continue
        if re.search(r"(©|\(c\))[^\n]{0,20}$", before):
            continue
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
        after = folded[e : e + 60]
        um = UNIT_RX.match(after)
        unit, unit_end = "", e
        if um:
            unit = text[e + um.start("unit") : e + um.end("unit")]
            unit_end = e + um.end("unit")
        figs.append(
            Figure(
                s + sentence_start, e + sentence_start, text[s:e], best, lo, hi, approx, unit, local=(s, e, unit_end)
            )
        )
    # "de 5 200 à 3 000 soldats": the first number counts what the second does
    for f, g in zip(figs, figs[1:]):
        if (
            not f.unit
            and g.unit
            and re.fullmatch(
                r"\s*(?:a|et|ou)\s*(?:environ|quelque|pres de|plus de|au moins)?\s*", folded[f.local[1] : g.local[0]]
            )
        ):
            f.unit = g.unit
    # a target, not a count: "compte réduire … à 3 000 soldats", "d'ici septembre, 2 000 soldats"
    plan = PLAN.search(folded)
    for i, f in enumerate(figs):
        s0 = f.local[0]
        f.planned = bool(
            plan
            and plan.start() < s0
            and (
                re.search(r"\b(?:a|jusqu'a)\s*(?:quelque |environ )?$", folded[max(0, s0 - 12) : s0])
                or not re.search(r"\bde\s*$", folded[max(0, s0 - 4) : s0])
                and i == len(figs) - 1
                and "d'ici" in folded
            )
        )
    # composite phrases: inherit the unit of the figure before
    kept: list[Figure] = []
    for i, f in enumerate(figs):
        s, e, unit_end = f.local
        prev = kept[-1] if kept else None
        between = folded[prev.local[2] : s] if prev else ""
        nat_after = re.match(r"\s*(?P<w>[a-z-]+)", folded[e : e + 30])
        if re.fullmatch(r"une?", folded[s:e]) and f.unit:
            continue  # "un soldat" is an article, not a count
        if not f.unit and prev is not None and prev.unit:
            if COMPOSITE.search(between) or (nat_after and _party_of(nat_after.group("w"))):
                f.unit = prev.unit
        if not f.unit:
            if nat_after and _party_of(nat_after.group("w")) and re.match(r"\s*[A-Z]", text[e : e + 3]):
                f.unit = text[e : e + 1 + len(nat_after.group("w"))].strip()  # "2 500 Américains"
            else:
                continue
        if re.fullmatch(r"une?", folded[s:e]) and not (
            prev is not None and nat_after and _party_of(nat_after.group("w")) and re.search(r"(\bet|,)\s*$", between)
        ):
            continue
        # party: a nationality or force right after the unit, else the subject before the number
        tail = folded[unit_end : unit_end + 45]
        tail = re.split(
            r"\b(contre|dont|qui|que|a|au|aux|dans|en|ont|sont|est|etaient|avaient|avait|seront|restent|"
            r"resteront|ete)\b|[,;]",
            tail,
        )[0]
        tail = LOCATION.sub(" ", tail)
        party = _party_of(tail) or _party_of(folded[e : unit_end + 1])
        if not party and re.match(r"\s*[a-z]", folded[e : e + 2]) and nat_after and _party_of(nat_after.group("w")):
            party = _party_of(nat_after.group("w"))
        casualty_noun = fold(f.unit) in ("morts", "tues", "blesses", "victimes")
        inherited = prev is not None and (f.unit == prev.unit or casualty_noun) and COMPOSITE.search(between)
        if not party and inherited:
            party = prev.party
        from_subject = False
        if not party:
            head = LOCATION.sub(" ", re.split(r"[;]", folded[:s])[-1])
            party = _last_party(head)
            from_subject = bool(party)
        f.party = party or ""
        window = folded
        personnel = re.fullmatch(PERSONNEL, fold(f.unit)) or _party_of(fold(f.unit))
        if personnel and CASUALTY.search(window):
            f.kind = "casualties"
            if from_subject:  # "Washington a frappé…, tuant 16 personnes": the subject is who kills, not who died
                f.party = ""
        elif personnel:
            f.kind = "troops"
        else:
            f.kind = "other"
        kept.append(f)
    return kept


def _party_of(s: str) -> str:
    for code, rx in PARTIES:
        if rx.search(s):
            return code
    return ""


def _last_party(s: str) -> str:
    best, pos = "", -1
    for code, rx in PARTIES:
        for m in rx.finditer(s):
            if m.start() > pos and code not in ("ISIS",):
                best, pos = code, m.start()
    return best
