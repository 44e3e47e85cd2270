"""Events told as dated background: a noun of an event with a date of its own in the noun phrase, not in a clause
of the sentence (« la chute du régime, le 3 mars, a changé la donne », « l'offensive lancée le 9 octobre », « la
coalition, formée en 2014, », « le mouvement de protestation né le 2 février », « l'invasion de mars 2003 »).

The codebook counts them as events of the article: a dated fact with a type. A noun told with no date of its own
(« depuis 2014, la coalition combat Daech ») is none. The nouns here are those the frames do not type (a fall, a
victory, an offensive by third parties, the start of a protest movement, the founding of a coalition or a
mission): their phrase is read on the folded text, so that a broken parse of an apposition does not lose them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import TimeExpr
from .published import is_future_context

PROTEST_NOUNS = r"contestation|soulevement|revolte|manifestations|mouvement de (?:contestation|protestation)"
TALKS_NOUNS = r"session|reunion|sommet|rencontre|cycle de (?:discussions|negociations|pourparlers)"
# nouns of an event that holds a date in apposition or as a complement (« la chute de X, le 8 décembre », « la
# victoire de décembre 2017 »), by type; a victory is declared (the codebook's), a defeat is a state told of a
# group (« depuis la défaite de l'EI fin 2017 »), not an event
EVENT_NOUNS = (
    r"(?P<other>chute|renversement|effondrement|victoire|invasion|offensive|proclamation|creation|"
    r"fondation|lancement|fin(?: officielle)?(?= (?:de la |du |des |de l')(?:mission|operation|guerre|occupation|"
    r"combat|intervention))|debut(?= (?:de la |du |des |de l')(?:offensive|invasion|intervention|guerre|"
    r"operation)))"
    rf"|(?P<protest>{PROTEST_NOUNS}|debut(?= (?:de la |du |des )(?:{PROTEST_NOUNS})))"
)
# nouns of a body or a course of action whose start a participle dates (« la coalition, formée en 2014 »); a
# body of states (a coalition, an alliance) only in an apposition set off by a comma: « la coalition formée en
# 2014 contre l'EI » says which coalition, not that it was formed
STARTED_NOUNS = (
    r"(?P<body>coalition|alliance)|(?P<other>mission|operation|campagne|rotation|offensive|intervention|guerre|victoire|"
    rf"invasion|conflit|treve|cessez-le-feu|loi|sanctions|embargo)|(?P<protest>{PROTEST_NOUNS})|(?P<talks>{TALKS_NOUNS})"
)
# participles of starting, founding, holding or proclaiming (« lancée », « née », « proclamée »)
STARTED = (
    r"(?:lance|ne|cree|forme|constitue|fonde|mis sur pied|mise sur pied|entame|commence|debute|declenche|amorce|"
    r"proclame|declare|tenu|organise|etendu|entre(?:e|s|es)? en vigueur|eclate)(?:e|s|es)?"
)
# nouns that only something coming into force dates (« la loi César, entrée en vigueur le 17 juin »), not a start
IN_FORCE_ONLY = re.compile(r"\b(?:loi|sanctions|embargo)\b")
# a complement of the noun: a few words with no verb, comma nor clause (« de Bachar al-Assad », « turque »)
COMPLEMENT = r"(?:[\w'()-]+ ){0,9}?"
PREPOSED = re.compile(r"\b(?:depuis|apres|avant|lors d[eu]|des|avec|suite a|a la suite d[eu])\s*$")
CLAUSE_WORD = re.compile(
    r"\b(?:qui|que|qu'|dont|ou|lorsque|quand|mais|et|a|ont|est|sont|etait|avait|avaient|sera|selon|pour)\b"
)
# « le conflit avait commencé le 13 juin », « la guerre a éclaté en mars »: a war's start told in its own clause
STARTED_CLAUSE = re.compile(
    r"\b(?:la |le |l'|cette |ce )(?:guerre|conflit|offensive|treve|cessez-le-feu)(?P<rest>(?: [\w'()-]+){0,6}?)"
    r" (?:a|avait|est|etait|s'est|s'etait) (?:ete )?(?:commence|eclate|debute|declenche|entre en vigueur)e?"
    r"\s*(?:(?:le|en|au|a|dans|fin|debut|mi-)\s*)?$"
)
# « Bachar al-Assad, renversé le 8 décembre », « le régime a été renversé en décembre »: a ruler or a regime
# overthrown, set off by a comma or in the passive
OVERTHROWN = re.compile(
    r"(?P<np>\b(?:[\w'-]+ ){0,3}[\w'-]+)(?:,\s*| (?:a|avait) ete )(?:renverse|destitue|depose|chasse du pouvoir)"
    r"(?:e|s|es)?\s*(?:(?:le|en|au|a|dans|fin|debut|mi-)\s*)?$"
)
RULERS = re.compile(r"\b(?:regime|president|dirigeant|gouvernement|al-assad|assad|dictateur|rais)\b")
# what a « et » inside a noun's complement joins (« la trêve entre Israël et le Hamas »): no clause
BETWEEN = re.compile(r"\bentre (?:[\w'-]+ ){1,3}?et\b")
AFTER_DATE = re.compile(r"\s*(?:[,.;:)]|$)")
# « qui a perdu en 2017 son dernier bastion »: a group's defeat, dated in its relative clause
LOST = re.compile(r"\bperdu,?\s*(?:(?:en|le|fin|debut|mi-)\s*)?$")
LAST_HOLD = re.compile(
    r"(\s*,?\s*)(?:son|sa|ses|le|la|les) derni\w+ (?:\w+ ){0,2}?(?:bastion|fief|territoire|place forte)"
)


DETERMINER = r"\b(?:la |le |les |l'|sa |son |ses |leur |cette |ce )"
STARTED_PHRASE = re.compile(
    r"\b(?:la |le |les |l'|sa |son |ses |leur |cette |ce |un |une |du |de la |des |d')"
    rf"(?:\w+ )?(?:{STARTED_NOUNS})(?P<rest>(?: {COMPLEMENT}[\w'()-]+)?\s*)(?P<comma>,\s*)?{STARTED}"
    r"(?: (?:par|a|au|aux|en|dans) (?:[\w'-]+ ){0,4}?)?\s*(?:(?:le|en|au|a|a la|a l'|dans|des|depuis|fin|debut|mi-)\s*)?$"
)
NOUN_PHRASE = re.compile(
    rf"{DETERMINER}(?:{EVENT_NOUNS})(?P<rest>(?: {COMPLEMENT}[\w'()-]+)?)(?P<gap>,\s*|\s+)"
    r"(?:(?:le|en|au|a|dans|fin|debut|mi-)\s*)?$"
)
COMPLEMENT_DATE = re.compile(rf"\b(?:la |le |l')(?:{EVENT_NOUNS}) (?P<of>(?:de|du|d')\s*(?:(?:le|en)\s+)?)?$")
OF_DATE = re.compile(r"(?:de|du|d')\b")  # a date the tagger read with its « de » (« de 2017 », « du 8 décembre »)


LEAD_PREPOSITION = re.compile(r"(?:de |d'(?=\w+ (?:de|du|d')))?")
DATE_LEAD = re.compile(r"(?:,?\s*(?<![\w-])(?:le|en|au|a|a la|a l'|dans|des|depuis|fin|debut|mi-|de|du|d'))?\s*$")


@dataclass
class Background:
    """One background event: its type, the span of its noun phrase and its date."""

    event_type: str
    start: int
    end: int
    date: TimeExpr
    name: tuple[int, int] = (0, 0)  # the words that name it (« la chute du régime »), for its headline
    prefix: str = ""  # put before them (« Perte de » + « son dernier fief »)


# the start of a protest a « depuis » dates: « secoué depuis le 1er mars par un mouvement de contestation », « les
# manifestants, mobilisés depuis mars »
SHAKEN_BY = re.compile(
    r"\s*,?\s*par (?:un |une |des |le |la |les )(?:\w+ )?(?:mouvement de (?:contestation|protestation)|contestation|"
    r"manifestations|revolte|soulevement)\b"
)
MOBILIZED = re.compile(
    r"\b(?:manifestants|contestataires|protestataires)\b[^.;:]{0,80}?\b(?:mobilise|rassemble|descendu)e?s"
    r"(?: dans la rue)?\s*$"
)
# « Lancée en septembre 2014 en Irak et étendue à la Syrie un an plus tard, l'opération … »: a second participle
# set before the noun, with its own date
AND_STARTED = re.compile(rf"^[^,;]*\bet {STARTED}(?: (?:a|au|aux|en|dans) (?:[\w'-]+ ){{0,4}}?)?\s*$")
BODY_AFTER = re.compile(r"\s*,\s*(?:la |le |l')(?:\w+ )?(?:operation|mission|coalition|campagne|force)\b")
# « … s'étaient retirées fin 2011, avant de revenir en 2014 »: forces back in the country, a deployment
BACK_AGAIN = re.compile(
    r"\b(?P<who>troupes|soldats|forces|militaires|contingents?)\b[^.;]{0,120}\bavant de (?:revenir|retourner)"
    r"\s*(?:(?:en|le|au|a|fin|debut|mi-)\s*)?$"
)


def _since_or_offset(folded: str, a: int, x: TimeExpr) -> Background | None:
    """A background event an offset or a « depuis » dates: the start of a protest, the second step of an operation
    told by a participle set before its noun."""
    before = folded[max(a, x.start - 140) : x.start]
    if x.since and x.precision in ("day", "month"):
        if (m := SHAKEN_BY.match(folded, x.end)) is not None:
            return Background(
                "protest", x.start, m.end(), x, (m.start() + len(m.group().split(" par ")[0]) + 4, m.end())
            )
        if (m := MOBILIZED.search(before)) is not None:
            start = x.start - len(before) + m.start()
            return Background("protest", start, x.end, x, (start, start + len(m.group().split()[0])))
    if x.kind == "offset" and AND_STARTED.search(folded[a : x.start]) and (m := BODY_AFTER.match(folded, x.end)):
        return Background(
            "other", a, m.end(), x, (m.start() + len(m.group()) - len(m.group().lstrip(" ,")), m.end()), "Extension de "
        )
    return None


def _type(m: re.Match) -> str:
    return next(k for k, v in m.groupdict().items() if v)


def background_events(folded: str, a: int, b: int, exprs: list[TimeExpr], hi: date | None) -> list[Background]:
    """The dated background events of the sentence ``folded[a:b]`` (``exprs``: its time expressions): a past
    date set off after an event noun's phrase, in a participle of starting after such a noun, or as its
    complement; a group's defeat dated in its clause."""
    out: list[Background] = []
    for x in exprs:
        if not (a <= x.start < b) or not x.resolved:
            continue
        if hi is not None and x.date_end is not None and x.date_end > hi:
            continue
        if is_future_context(folded, x.start) and not BACK_AGAIN.search(folded, max(a, x.start - 140), x.start):
            continue  # (« avant de revenir en 2014 » is no deadline)
        if x.kind == "offset" or x.since:
            if (found := _since_or_offset(folded, a, x)) is not None:
                out.append(found)
            continue
        lo_ = max(a, x.start - 140)
        before = folded[lo_ : x.start]
        after_ok = AFTER_DATE.match(folded, x.end) is not None
        found = None
        # « la coalition, formée en 2014, », « l'offensive turque lancée le 9 octobre »
        m = STARTED_PHRASE.search(before)
        if (
            m is not None
            and not CLAUSE_WORD.search(BETWEEN.sub(" ", m.group("rest")))
            and (_type(m) != "body" or m.group("comma") and not m.group("rest").strip())
            and (not IN_FORCE_ONLY.match(before, m.start("other") or 0) or "vigueur" in m.group())
        ):
            found = (_type(m).replace("body", "other"), lo_ + m.start(), x.end)
        if found is None and (m := STARTED_CLAUSE.search(before)) is not None:
            found = ("other", lo_ + m.start(), x.end)
        if found is None and (m := OVERTHROWN.search(before)) is not None and RULERS.search(m.group("np")):
            out.append(
                Background(
                    "other",
                    lo_ + m.start(),
                    x.end,
                    x,
                    (lo_ + m.start(), lo_ + m.end() - len(DATE_LEAD.search(before, m.start(), m.end()).group())),
                )
            )
            continue
        if found is None and after_ok:
            # « la chute de Bachar al-Assad, le 8 décembre, », « depuis la fin officielle de la mission, en
            # décembre 2021, », « après la proclamation de la victoire fin 2017, »
            m = NOUN_PHRASE.search(before)
            if (
                m is not None
                and not CLAUSE_WORD.search(m.group("rest"))
                and (
                    m.group("gap").startswith(",")
                    or PREPOSED.search(folded, max(a, lo_ + m.start() - 30), lo_ + m.start())
                )
            ):
                found = (_type(m), lo_ + m.start(), x.end)
        if found is None:
            # « l'invasion de mars 2003 », « la chute du 8 décembre »
            m = COMPLEMENT_DATE.search(before)
            if m is not None and (m.group("of") or OF_DATE.match(folded, x.start)):
                found = (_type(m), lo_ + m.start(), x.end)
        if found is not None:
            start = found[1] + len(LEAD_PREPOSITION.match(folded, found[1]).group())
            name_end = len(folded[: x.start].rstrip(" ,"))
            name_end -= len(DATE_LEAD.search(folded, start, name_end).group())
            out.append(Background(found[0], start, found[2], x, (start, name_end)))
        elif (back := BACK_AGAIN.search(before)) is not None:
            start = x.start - len(before) + before.rindex("avant de ")
            who = (lo_ + back.start("who"), lo_ + back.end("who"))
            out.append(Background("deployment", start, x.end, x, who, "Retour des "))
        elif LOST.search(before) and (hold := LAST_HOLD.match(folded, x.end)) is not None:
            lost = lo_ + LOST.search(before).start()
            out.append(
                Background("other", lost, hold.end(), x, (hold.start() + len(hold.group(1)), hold.end()), "Perte de ")
            )
    return out
