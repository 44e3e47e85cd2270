"""Event mentions: a sentence clause with an action of a known type, its date, actors, places.

A sentence is cut into clauses where an offset refers to another event ("…, deux jours
après une frappe qui avait tué …"): each clause is typed and dated on its own. The type
comes from general French trigger lexicons (:data:`TRIGGERS`), with the realized action
winning over talk about it ("appelant au retrait" is a vote or a demand, not a withdrawal).
Dates come from :func:`helpers.dates.tag`, anchored on the publication window; a clause
of the lead with no date of its own is the day's news and takes the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace

from ..text import ByStart, Sentence, fold, in_sentences, name_key
from ..vocabulary import GENERIC_ACTORS, PRECISION_RANK, PRIORITY, family
from .actors import actors_of
from .background import background_events
from .dates import CALENDAR_WORDS, TimeExpr, count_from, precision_of, refine_appositions, tag
from .frames import (
    JOINT_STATEMENT,
    STATED_BY,
    STATEMENT_WORDS,
    STRIKERS,
    VERB_LEMMAS,
    Frame,
    choose_frames,
    frames_by_sentence,
    modality_of,
)
from .headlines import headline
from .places import Mention
from .published import is_future_context


def _rx(p: str) -> re.Pattern:
    return re.compile(p)


# Trigger lexicons on folded text. Stems cover the conjugations and nouns of each verb.
TRIGGERS: dict[str, re.Pattern] = {
    "killing": _rx(
        r"\b(assassin\w*|liquid\w*|meurtre|elimin\w*|abattu\w*|execut\w*|tue(?:s|e|es)? (?:le|la|les|l')? ?"
        r"(?:general|chef|commandant|numero|dirigeant|leader)|qui avait tue|ont ete tues|a ete tue|tuant le)\b"
    ),
    "strike": _rx(r"\b(frappe\w*|frapp\w+|raids?|bombard\w*|pilonn\w*)\b"),
    "attack": _rx(
        r"\b(attaque\w*|attentat\w*|tirs? de roquettes?|roquettes?|obus|missiles?|ont tire|a tire|tire\w* (?:des|plus|une|un)|pris(?:es)? pour cible|vise(?:s|e|es)?|"
        r"engin explosif|drones? (?:arme|charge)s?|ont pris pour cible|a pris pour cible|"
        r"contre (?:la |les |des |une |un |l')?(?:bases?|troupes|forces|soldats|militaires|convois?|ambassade|"
        r"positions|installations))\b"
    ),
    "handover": _rx(
        r"\b(remi[st]e?s?\b[^.;]{0,60}?\b(?:aux forces|a l'armee|aux troupes|aux autorites|a la brigade|aux irakiens)|"
        r"remise|livre(?:r|e|es|nt)? la base|ont livre|a livre|"
        r"transf[ee]r\w* (?:de|la|les) (?:base|controle|installation)|retrocede\w*|pris en charge la base|"
        r"pris le controle|passation|cede\w* la base)\b"
    ),
    "withdrawal": _rx(r"\b(retir\w*|retrait|quitt\w*|evacu\w*|depart des (?:troupes|forces|soldats))\b"),
    "redeployment": _rx(r"\b(redeploi\w*|redeploy\w*|repositionn\w*|relocalis\w*)\b"),
    "deployment": _rx(r"\b(deploy\w*|deploiement|envoi de \w+|renforts?|depech\w*|stationn\w*)\b"),
    "vote": _rx(r"\b(vot\w*|scrutin|motion|resolution|projet de loi)\b"),
    "agreement": _rx(r"\b(accords?|conven\w*|conclu\w*|sign\w+ (?:un|une|l')|entente|protocole)\b"),
    "suspension": _rx(r"\b(suspen\w*|gel\w* (?:de|des|ses)|interromp\w*|mis(?:e)? en pause)\b"),
    "protest": _rx(r"\b(manifest\w*|rassemblement\w*|sit-in|protestat\w*|defile\w*)\b"),
    "talks": _rx(
        r"\b(dialogue|negociation\w*|pourparlers|discussions?|reunions?|round|concertations?|"
        r"comite|groupes? de travail|entretien\w*|rencontr\w*|sommet)\b"
    ),
    "announcement": _rx(
        r"\b(annonc\w*|declar\w*|communique|fait part|indiqu\w*|affirm\w*|precise|confirm\w*|"
        r"assure|signale|rapport\w*)\b"
    ),
}
# words that make an action talked about rather than done
NOT_REALIZED = re.compile(
    r"\b(appel\w*|reclam\w*|demand\w*|exig\w*|calendrier|intention|volonte|vouloir|veulent|"
    r"menac\w*|pression|en faveur|plaid\w*|souhait\w*|envisag\w*|projet|prevoi\w*|pourrai\w*|"
    r"refus\w*|negocia\w*|discuter|sur l'avenir|mettant fin|s'averer|necessite|"
    r"faire executer|obtemperer|parvenir|aboutir|pour|afin)\b[^.;]{0,60}$"
)
REPEATED = re.compile(
    r"\b(des dizaines d|frequent\w*|des centaines d|plusieurs dizaines|une serie d|une vague d|de nombreu\w+|"
    r"multiples|repetee?s|a plusieurs reprises|regulierement|sporadiques?|incessant\w*|constamment|sans cesse|"
    # an activity that goes on (« les attaques n'ont pas cessé », « se multiplient »)
    r"n'ont pas cesse|n'a pas cesse|ne cessent|ne cesse|se poursuiv\w*|se multipli\w*|continuent)"
)
RECENT = re.compile(
    r"\b(?:au cours des|ces|durant les|pendant les|lors des|dans les) (?:toutes )?(?:dernieres|derniers|"
    r"quelques) (?P<unit>jours|semaines|mois)\b"
)
# words that place a clause relative to another moment than the news (« c'est alors que », « ils ont déjà »,
# « par la suite »): the story's time does not apply
# a live blog's entry: a paragraph that opens on the clock time it was posted (« 22h05 - », « 9 h 30 : »)
LIVE_STAMP = re.compile(r"^[ \t]*\d{1,2} ?h ?\d{2}[ \t]*[-–—:|][ \t]", re.M)
TIME_ANAPHOR = re.compile(
    r"\b(c'est alors|alors(?! qu)|a ce moment|ensuite|par la suite|plus tard|auparavant|precedemment|deja|entre-temps|"
    r"entretemps|jadis|autrefois|naguere)\b"
)
# a temporal clause of the same time as the clause before it (« …, lorsque / quand … »)
WHEN_CLAUSE = re.compile(r"\b(?:lorsqu(?:e\s|')|quand\s)\s*$")
# the moment the sentence before has just told (« alors », not « alors que »; « à ce moment-là », « à cette
# époque »)
THEN = re.compile(r"\b(?:alors(?! qu)|a ce moment(?:-la)?|a cette epoque(?:-la)?|a cette date)\b")
# forces added, not a presence described (« 5 000 soldats ont été déployés en Irak pour… »)
ADDED = re.compile(r"\b(supplementaires?|renforts?|nouveaux|nouvelles?|additionnel\w*|de plus|en plus)\b")
PERSONNEL = re.compile(r"\b\d[\d  .]*\s*(?:soldats|militaires|hommes|conseillers|instructeurs|formateurs)\b")
LOCATOR = re.compile(
    r"\b(?:pres|non loin|a proximite|aux abords|autour|a l'?(?:est|ouest)|au (?:nord|sud)(?:-est|-ouest)?|"
    r"a hauteur|en direction|a la frontiere(?: avec)?|le long de la frontiere(?: avec)?)(?: (?:de|du|des|d'))?(?: (?:la|l'|le|les))? ?(?:(?:base|ville|aeroport|localite)"
    r"(?: \w+)?(?: (?:de|d'|du))? ?)?(?:l')?$"
)
# an action given as the cause of the clause's own event
CAUSE = re.compile(
    r"\b(en raison d(?:e|u|es|')|suite a|a la suite d(?:e|u|es|')|en reponse a|en represailles? a|"
    r"pour riposter a|face a|apres|au lendemain d(?:e|u|es|')|sur fond de)\s*(?:\S+\s+){0,7}\S*$"
)
# a strike is by coalition / US forces; an attack on them
US_AGENT = re.compile(
    r"\b(americain\w*|us|usa|etats-unis|washington|pentagone|coalition|drones? us|drones? americains?)\b"
)

GENERIC_KEYS = {
    name_key(w)
    for w in (
        "Irak",
        "Iraq",
        "Bagdad",
        "Washington",
        "Coalition",
        "Daech",
        "Etats",
        "Unis",
        "Pentagone",
        "Parlement",
        "Premier",
        "Nations",
        "Conseil",
        "Forces",
        "Force",
        "Commandement",
        "Hachd",
        "Chaabi",
        "Syrie",
        "Iran",
        "France",
        "Paris",
        "Etat",
        "Reuters",
        "Trump",
        "Defense",
        "Affaires",
        "Ministere",
        "Gouvernement",
    )
}
CAPITAL = re.compile(r"(?<![\w'’-])(?:(?:al|el|Al|El|Abu|Abou)[- ])?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)*")


SEGMENT_LETTERS = "abcdefghijklmnopqrstuvwxyz"
SIDE = 8  # segments from here on: events told beside a clause's own (a cause, a statement, a dated noun phrase)


@dataclass
class EventMention:
    article_id: str
    sentence_index: int
    segment: int
    event_type: str
    evidence: str
    clause: str
    date_start: date | None = None
    date_end: date | None = None
    precision: str = ""
    date_text: str = ""
    date_basis: str = ""  # explicit | anchored | reference | publication | "" (undated)
    qualifier: str = ""
    place_ids: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    in_lead: bool = False
    weekday: int | None = None  # the weekday written with the date ("jeudi 25 janvier"), if any
    repeated: bool = False  # "des dizaines d'attaques", "à plusieurs reprises": an activity, not one event
    before: bool = False  # told as before the news (« la base avait déjà été visée »): not the news itself
    background: set[str] = field(default_factory=set)  # types named only as a cause ("sur fond de l'assassinat…")
    modality: str = "realized"  # realized | planned | demanded | denied | reported
    agent: list[str] = field(default_factory=list)  # party codes of who did it
    target: list[str] = field(default_factory=list)  # party codes of whom it was done to
    predicate: str = ""  # the frame's predicate lemma (« remettre », « attaque »)
    headline: str = ""  # what happened in a few words, for readers (built from the frame)
    also: list[tuple[int, str]] = field(default_factory=list)  # other mentions of this occurrence: (sentence, text)
    side: str = ""  # told beside the clause's own event: cause | statement | phrase | referred ("" for the clause's)

    @property
    def event_id(self) -> str:
        """The mention's id: article, sentence number and clause letter."""
        return f"{self.article_id}-{self.sentence_index:03d}{SEGMENT_LETTERS[self.segment]}"


def background_types(clause_folded: str) -> set[str]:
    """Event types a clause names only as its cause or background: not its event, but the article
    mentions them (which dates the article after them)."""
    out = set()
    for t in ("killing", "strike", "attack"):
        for m in TRIGGERS[t].finditer(clause_folded):
            if CAUSE.search(clause_folded[max(0, m.start() - 70) : m.start()]):
                out.add(t)
                break
    return out


def classify(clause_folded: str, referred: bool = False) -> str | None:
    """The event type of a clause (folded text), or None when it has no trigger.

    ``referred``: the clause is the event an offset points to ("deux jours après une
    frappe qui avait tué …"), so a cause phrase inside it is the event itself."""
    found = []
    for t in PRIORITY:
        for m in TRIGGERS[t].finditer(clause_folded):
            realized = ("withdrawal", "handover", "deployment", "redeployment", "suspension", "agreement")
            if t in realized and NOT_REALIZED.search(clause_folded[: m.start()]):
                continue
            if (
                not referred
                and t in ("strike", "attack", "killing")
                and CAUSE.search(clause_folded[max(0, m.start() - 70) : m.start()])
                and len(clause_folded[: m.start()].split()) > 4
            ):
                continue
            found.append(t)
            break
    if not found:
        return None
    if "strike" in found and "attack" in found:
        # "les drones US ont bombardé … après une attaque contre une base": who acts decides
        head = clause_folded[
            : max(
                clause_folded.find(w) for w in ("frapp", "raid", "bombard", "attaqu", "roquett") if w in clause_folded
            )
            + 1
        ]
        return "strike" if US_AGENT.search(head) else "attack"
    if found[0] in ("strike", "attack") and "killing" in found:
        return (
            found[0] if not re.search(r"assassin|liquid|meurtre|general|commandant|chef", clause_folded) else "killing"
        )
    return found[0]


def key_terms(clause: str) -> set[str]:
    """Proper names of a clause as transliteration keys (for matching mentions across articles)."""
    out = set()
    for m in CAPITAL.finditer(clause):
        k = name_key(m.group())
        f = fold(m.group())
        # a state, an army, a group ("États-Unis", "Pentagone", "Hachd") acts in many events: not an identity
        if len(k) >= 4 and k not in GENERIC_KEYS and f not in _COMMON_CAPS and not actors_of(f):
            out.add(k)
    return out


_COMMON_CAPS = {
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "un",
    "une",
    "ce",
    "cette",
    "ces",
    "il",
    "ils",
    "elle",
    "elles",
    "mais",
    "depuis",
    "selon",
    "dans",
    "pour",
    "apres",
    "avant",
    "face",
    "lors",
    "ainsi",
    "alors",
    "dès",
    "des lors",
    "en",
    "au",
    "aux",
    "a",
    "c'est",
    "cela",
    "toute",
    "tout",
    "d'autant",
    "rejetant",
    "pretextant",
    "debut",
    "fin",
    "general",
    "ministere",
    "secretaire",
    "premier",
    "president",
    "porte-parole",
} | CALENDAR_WORDS


COORD = re.compile(
    r"(?:,\s*puis\s|,\s*tandis qu(?:e\s|')\s*|,\s*(?:lorsqu(?:e\s|')|quand\s)\s*|\s+puis\s+(?=(?:ont|a|avait|avaient|se|s')\b)|;\s+|,\s*avant d[e']\s*|"
    r",?\s+et\s+(?=(?:ont|a|avait|avaient|s'est|se sont|s'etait|s'etaient)\s+\w+[ée]s?\b)|"
    # « …, et dimanche, elle a annoncé… »: a subject pronoun opens a finite clause of its own
    r",?\s+(?:et|puis|mais)\s*,?\s+(?=(?:[^,;.]{1,30},\s*)?(?:il|elle|ils|elles)\s+"
    r"(?:a|ont|avait|avaient|est|sont|etait|etaient|sera|seront|s'|se|n'|ne)\b))"
)


def _coordinated(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a clause at a coordinator that opens a new finite clause (", puis ont remis …")."""
    out, pos = [], a
    for m in COORD.finditer(folded, a, b):
        if len(folded[pos : m.start()].split()) >= 4 and len(folded[m.end() : b].split()) >= 3:
            out.append((pos, m.start()))
            pos = m.end()
    out.append((pos, b))
    return out


def _segments(sentence: Sentence, exprs: list[TimeExpr], folded: str = "") -> list[tuple[int, int, TimeExpr | None]]:
    """Cut a sentence at offsets that refer to another event and at coordinated clauses:
    [(start, end, offset expr or None)]."""
    cuts = [x for x in exprs if x.kind == "offset" and x.rel == "refers" and sentence.start <= x.start < sentence.end]
    if not cuts:
        if folded:
            return [(a, b, None) for a, b in _coordinated(folded, sentence.start, sentence.end)]
        return [(sentence.start, sentence.end, None)]
    out, pos = [], sentence.start
    for x in cuts:
        if x.start > pos:
            out.append((pos, x.start, None))
        pos = x.start
    # « …, au lendemain de X, puis réduites au minimum au printemps »: the clause coordinated after the event
    # an offset refers to is a clause of its own, not that event
    parts = _coordinated(folded, pos, sentence.end) if folded else [(pos, sentence.end)]
    out.append((parts[0][0], parts[0][1], cuts[-1]))
    out += [(p, q, None) for p, q in parts[1:]]
    return out


def extract_events(
    article_id: str,
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    lo: date | None,
    hi: date | None,
    lead: tuple[int, int],
    site_towns: dict[str, str] | None = None,
    generic_places: set[str] | None = None,
    skip: tuple[int, int] | None = None,
    exprs: list[TimeExpr] | None = None,
    place_name=None,
    site_ids: set[str] | None = None,
) -> list[EventMention]:
    """Every event mention of one article (dated or not), typed from its frame (see
    :mod:`helpers.frames`). ``place_name(place_id)`` names places in headlines."""
    place_name = place_name or (lambda pid: pid)
    folded = fold(text)
    if exprs is None:
        exprs = tag(text, lo, hi, [(s.start, s.end) for s in sentences])
    if skip:  # the dateline's date is the publication date, not an event's
        exprs = [x for x in exprs if not (skip[0] <= x.start < skip[1])]
    exprs = refine_appositions(exprs, folded)  # « au printemps, dont l'une, en mars »: March dates the event
    site_towns = site_towns or {}
    town_site = {t: s for s, t in site_towns.items()}
    generic_places = generic_places or set()
    by_sentence = in_sentences(sentences, exprs)  # each sentence's expressions, in one pass
    dated = {s.index for s, xs in by_sentence if any(x.resolved or x.kind == "offset" for x in xs)}
    sent_frames = frames_by_sentence(text, sentences, folded, dated)
    a_dates_skip: set[tuple[int, int]] = set()  # spans of cause events dated on their own
    out: list[EventMention] = []
    sites = [m for m in mentions if m.place_id in (site_ids or set())]
    site_starts = sorted(m.start for m in sites)
    mention_at = ByStart(mentions)  # the mentions of a clause or a frame, by bisection
    written: dict[str, str] = {}
    for m in mentions:
        written.setdefault(m.place_id, m.surface)
    sides: dict[int, int] = {}
    side_events: list[EventMention] = []

    def side_segment(index: int) -> int:
        """A segment of its own for an event told beside the clause's (ids stay unique in a sentence)."""
        sides[index] = sides.get(index, SIDE - 1) + 1
        return min(sides[index], len(SEGMENT_LETTERS) - 1)

    def headline_place(pid: str) -> str:
        """A site by the gazetteer's French name; a town or a country as the article writes it (not
        the gazetteer's transliteration: « Bagdad », not « Baghdad »)."""
        if pid in (site_ids or set()) or pid not in written:
            return place_name(pid)
        w = re.sub(r"^(?:[Ll]['’]|[Ll]a |[Ll]e |[Ll]es |[Dd]['’]|[Dd]u |[Dd]es |[Aa]u |[Aa]ux )", "", written[pid])
        return w[:1].upper() + w[1:] if w[:1].islower() and " " not in w and not w.startswith(("al-", "el-")) else w

    live = _live_entries(text)
    for s, s_exprs in by_sentence:
        segs = _segments(s, s_exprs, folded)
        # offsets the sentence does not date (« deux jours après la frappe », no other date): counted from the
        # event X's noun names when the article told it dated, or from the main clause's date once the article
        # dates it; never from the publication day
        undated_offsets = [x for x in s_exprs if x.kind == "offset" and x.rel == "refers" and not x.resolved]
        counted: dict[int, tuple[date, date]] = {}
        frames = sent_frames.get(s.index, [])
        for fr in frames:
            fr.at_site = fr.kind == "violence" and bisect_left(site_starts, fr.span[0]) < bisect_left(
                site_starts, fr.span[1]
            )  # a site named within the frame
        sfold = folded[s.start : s.end]
        for seg_i, (a, b, offset) in enumerate(segs[:8]):
            clause_f = folded[a:b]
            if (
                offset is None
                and b < s.end
                and len(clause_f.split()) < 5
                and len(segs) > 1
                and any(x.kind == "offset" for x in s_exprs)
            ):
                # "Cette déclaration intervient" before "quelques jours après …": no event of its own, but it
                # names one the article told (of the noun's type, else the day's news): the offsets count from it
                t = classify(clause_f)
                p = (_told(out, s.index, t, []) if t else None) or (_news_time(out, s.index, lo) if lo else None)
                for x in undated_offsets:
                    if p is not None and x.start >= a:
                        counted.setdefault(id(x), (p.date_start, p.date_end))
                continue
            main, causes, others = choose_frames(
                frames, a, b, folded, referred=offset is not None, sentence_folded=sfold
            )
            cause_events, cause_frames = [], set()
            for fr, ftype in causes:
                # an event named as the cause of another, with a date of its own (« en représailles à une
                # attaque de vendredi »): an event of the article too
                own = [
                    x
                    for x in s_exprs
                    if (fr.span[0] <= x.start < fr.span[1] or _incise(fr, x, folded))
                    and x.resolved
                    and (x.kind != "offset" or (x.rel == "follows" and _incise(fr, x, folded)))
                    and not is_future_context(folded, x.start)
                ]
                if not own:
                    continue
                d = own[0]
                ce = EventMention(
                    article_id, s.index, side_segment(s.index), ftype, s.text, text[fr.span[0] : fr.span[1]]
                )
                ce.date_start, ce.date_end, ce.precision = d.date_start, d.date_end, d.precision
                ce.date_text, ce.date_basis, ce.qualifier = d.text.strip(), d.basis, d.qualifier
                ce.in_lead = False
                ce.side = "cause"
                _fill_frame(ce, fr, frames, ftype)
                ce.place_ids = list(dict.fromkeys(m.place_id for m in mention_at.between(*fr.span[:2])))
                ce.headline = frame_headline(ce, fr, frames, headline_place, generic_places, site_ids)
                ce.actors = actors_of(folded[fr.span[0] : fr.span[1]])
                ce.keys |= (
                    key_terms(text[fr.span[0] : fr.span[1]])
                    | {f"place:{p}" for p in ce.place_ids if p not in generic_places}
                    | {f"actor:{x}" for x in ce.actors if x not in GENERIC_ACTORS}
                )
                out.append(ce)
                cause_events.append(ce)
                cause_frames.add(id(fr))
                a_dates_skip.add((fr.span[0], max(fr.span[1], d.end)))  # (with a date set off after the noun)
            said = _dated_statement(frames, a, b, s_exprs, folded, main, hi or lo)
            retold = None
            if said is not None:
                sp, when = said
                told = (
                    main is not None and main[1] != "announcement" and _told(out, s.index, main[1], [], main[0].agent)
                )
                if not told and main is not None and main[0].kind == "death":
                    # « X a reconnu lundi que 109 soldats avaient été blessés après les tirs du 8 janvier »: the
                    # wounds are the dated violence's, named as their cause; the statement is the news (a toll)
                    told = next(
                        (
                            c
                            for c in cause_events
                            if c.event_type in ("attack", "strike")
                            and any(p <= main[0].start < q for p, q in sp.content)
                        ),
                        None,
                    )
                bare = main is None and not any(
                    f is not sp
                    and f.kind != "speech"
                    and id(f) not in cause_frames
                    and any(p <= f.start < q for p, q in sp.content)
                    for f in frames
                )  # what is said holds no event (« les effectifs sont désormais de 2 500 ») but the dated causes
                #   it names (« diagnostiqués après les tirs du 8 janvier »): the statement is
                if bare or told:
                    # the statement is news of its own: « la coalition annonce ce samedi qu'un entrepreneur
                    # a été tué dans cette attaque », « X a annoncé vendredi que les effectifs étaient de… »
                    # « X et Y ont rendu publique une déclaration commune fixant un calendrier »: a plan two parties
                    # state together is agreed (the codebook's agreement)
                    stype = (
                        "agreement"
                        if JOINT_STATEMENT.search(clause_f) and (sp.content_plan or JOINT_PLAN.search(clause_f))
                        else "announcement"
                    )
                    st = EventMention(article_id, s.index, side_segment(s.index), stype, s.text, text[a:b])
                    _fill_frame(st, sp, frames, stype)
                    st.date_start, st.date_end, st.precision = when.date_start, when.date_end, when.precision
                    st.date_text, st.date_basis, st.qualifier = when.text.strip(), when.basis, when.qualifier
                    st.in_lead = lead[0] <= s.start < lead[1] if lead != (0, 0) else False
                    st.side = "statement"
                    st.place_ids = list(dict.fromkeys(m.place_id for m in mention_at.between(a, b)))
                    st.actors = actors_of(clause_f)
                    st.keys |= key_terms(text[a:b]) | {f"actor:{x}" for x in st.actors if x not in GENERIC_ACTORS}
                    st.headline = frame_headline(st, sp, frames, headline_place, generic_places, site_ids)
                    out.append(st)
                    retold = told or None
            if main is None:
                continue
            fr, etype = main
            clause_dates = [
                x
                for x in s_exprs
                if a <= x.start < b
                and x.resolved
                and x.kind != "offset"
                and not is_future_context(folded, x.start)
                and not any(p <= x.start < q for p, q in a_dates_skip)
            ]
            if not clause_dates and seg_i > 0 and WHEN_CLAUSE.search(folded, max(0, a - 12), a):
                # « … remontait à septembre 2017, lorsqu'un sous-officier avait été tué »: a « lorsque » clause is
                # at the time of the clause it depends on
                pa, pb = segs[seg_i - 1][:2]
                clause_dates = [
                    x
                    for x in s_exprs
                    if pa <= x.start < pb
                    and x.resolved
                    and x.kind != "offset"
                    and not is_future_context(folded, x.start)
                ]
            dates = [x for x in clause_dates if not any(p <= x.start < q for p, q in fr.foreign)]
            # « depuis 2016 » in another clause (« la rétrocession du site, dont ils occupaient une partie depuis
            # 2016 ») starts that clause's state: no date of this event; but the start a « lorsque » clause tells
            # (« ils négocient depuis janvier, lorsque Téhéran a tiré… ») is its time
            dates = [x for x in dates if not (x.since and _where(fr, x.start) == 2 and a <= x.start < b)]
            # the dates of another event the clause tells (« des portraits de X, tués le 3 janvier », « après
            # celles d'al-Qaïm, le 17 mars »), outside the predicate's own phrase and clause, are not its date
            elided = _elided_dates(fr, clause_f, a, clause_dates)
            claimed = {id(x) for f, _ in others for x in _own_dates(f, fr, clause_dates, folded, phrase_only=True)}
            claimed |= {id(x) for x, *_ in elided}
            # « En mars, la coalition avait remis ses bases d'al-Qaïm et de K1, puis, début avril, celle
            # d'al-Taqaddum »: the gapped occurrence's date is never the predicate's own, wherever the parse hung it
            gapped = {id(x) for x, *_ in elided}
            dates = [x for x in dates if id(x) not in gapped] or dates
            # « les discussions, ouvertes le 27 janvier, ont été suspendues »: the day of what the clause names
            dates = [x for x in dates if not any(p <= x.start < q for f, _ in others for p, q in f.occurred)]
            dates = [x for x in dates if _where(fr, x.start) < 2 or id(x) not in claimed] or [
                x for x in dates if id(x) not in claimed
            ]
            if not dates and fr.kind == "death":
                # « blessés lors de deux attaques menées le 18 octobre »: the violence that wounded them, dated in
                # its own phrase, is the same event: its date is the clause's
                dates = [
                    x
                    for f, _ in others
                    if f.kind == "violence" and f.start > fr.start
                    for x in clause_dates
                    if f.span[0] <= x.start < f.span[1] and x.precision in ("day", "week")
                ][:1]
            if (
                said is not None
                and etype in ("agreement", "announcement")
                and _realized(fr)
                and not any(_where(fr, x.start) < 2 for x in dates)
            ):
                # an act made by what is said (« dans une déclaration commune publiée vendredi, X et Y ont arrêté un
                # calendrier »): the statement's day is the act's
                dates = [said[1]]
            if hi or lo:  # another event the clause tells has happened, or was said, by the day of the report
                clause_dates = [x for x in clause_dates if x.date_start <= (hi or lo)]
            if (etype == "announcement" or _realized(fr)) and (hi or lo):
                # a statement is dated when it is made: its deadlines (« d'ici juillet ») are the plan's; and
                # what has happened happened by the day it is reported
                dates = [x for x in dates if x.date_start <= (hi or lo)]
            ev = EventMention(article_id, s.index, seg_i, etype, s.text, text[a:b])
            _fill_frame(ev, fr, frames, etype)
            ev.in_lead = lead[0] <= s.start < lead[1] if lead != (0, 0) else False
            main_offsets = [
                x
                for x in s_exprs
                if x.kind == "offset" and x.rel == "refers" and s.start <= x.start < s.end and x.main_start is not None
            ]
            follows = [
                x for x in s_exprs if x.kind == "offset" and x.rel == "follows" and a <= x.start < b and x.resolved
            ]
            # « en représailles à l'assassinat du général X, cinq jours plus tôt, par un drone »: an offset set off
            # by commas after another event's noun dates that event, not the clause's
            incise_follows = [x for x in follows if any(_incise(f, x, folded) for f, _ in others + causes)]
            follows = [x for x in follows if x not in incise_follows]
            # the offsets the sentence does not date after a main clause with no date of its own
            later = [x for x in undated_offsets if x.start >= a] if seg_i == 0 and offset is None else []
            # the sites the predicate's phrase names (« le retrait de Qayyarah »): an occurrence told before is
            # one at those sites
            # (the parse may hang « de Qayyarah » elsewhere: a « de » right after the noun is its); a town that
            # gives its name to a site is that site (« le retrait de Balad »)
            named = [
                town_site.get(m.place_id, m.place_id)
                for m in mention_at.between(fr.span[0], max(fr.span[1], fr.end + 40))
                if (m.place_id not in generic_places or m.place_id in town_site)
                and (m.start < fr.span[1] or OF_PLACE.fullmatch(folded, fr.end, m.start) is not None)
            ]
            if retold is not None:
                # what the statement says is an occurrence already told: that occurrence, at its date
                ev.date_start, ev.date_end, ev.precision = retold.date_start, retold.date_end, retold.precision
                ev.date_text, ev.date_basis, ev.qualifier = retold.date_text, "reference", retold.qualifier
                link = f"cont:{retold.event_id}"
                retold.keys.add(link)
                ev.keys.add(link)
            elif offset is not None and not offset.resolved:
                _date_from_offset(ev, fr, offset, folded, text, out, s, b, counted)
            elif offset is not None and (own := _main_own_date(folded, offset, fr, b, dates)):
                # « Trois jours après la frappe, les députés ont voté dimanche 5 janvier… »: the main clause's own
                # calendar date says when it was; the offset only relates it to another event
                ev.date_start, ev.date_end, ev.precision = own.date_start, own.date_end, own.precision
                ev.date_text, ev.date_basis, ev.qualifier = own.text.strip(), own.basis, own.qualifier
                ev.weekday = own.weekday
            elif offset is not None and offset.resolved and _main_after_offset(folded, offset, fr, b):
                # « Deux jours après la mort de X, le parlement a adopté… »: the clause after the comma is
                # the main one, N days after X; X dated by an earlier sentence of the article gives its day
                ms, me = _after_told(folded, text, offset, out, s.index)
                ev.date_start, ev.date_end = ms, me
                ev.precision = precision_of(ms, me)
                ev.date_text, ev.date_basis = offset.text.strip(), "reference"
            elif offset is not None and offset.resolved:
                # the clause after "N jours après": the event referred to
                ev.date_start, ev.date_end, ev.precision = offset.date_start, offset.date_end, offset.precision
                ev.date_text, ev.date_basis = offset.text.strip(), "reference"
                ev.side = "referred"
            elif dates:
                # a date in the predicate's own phrase, then in its clause, then elsewhere in the sentence
                d = min(
                    dates,
                    key=lambda x: (
                        x.start < a,
                        _where(fr, x.start),
                        PRECISION_RANK.get(x.precision, len(PRECISION_RANK)),
                        x.start,
                    ),
                )
                if offset is None and main_offsets and not any(a <= x.start < b for x in main_offsets):
                    d = dates[0]
                ev.date_start, ev.date_end, ev.precision = d.date_start, d.date_end, d.precision
                ev.date_text, ev.date_basis, ev.qualifier = d.text.strip(), d.basis, d.qualifier
                ev.weekday = d.weekday if d.kind == "date" else None
                if d.since:
                    ev.date_text = d.text.strip()
            elif later and (p := _referred_told(folded, text, later[0], out, s.index, s.end)) is not None:
                # « Le texte a été adopté deux jours après la frappe », the strike told with its date earlier
                ms, me = count_from(later[0], p.date_start, p.date_end, forward=True)
                ev.date_start, ev.date_end, ev.precision = ms, me, precision_of(ms, me)
                ev.date_text, ev.date_basis = later[0].text.strip(), "reference"
            elif later and _realized(fr) and (p := _told(out, s.index, etype, named, fr.agent)) is not None:
                # « Le texte avait été adopté deux jours après la frappe », the vote told with its date earlier:
                # the sentence places X before an occurrence the article has dated
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = p.date_text, "reference", p.qualifier
                link = f"cont:{p.event_id}"
                p.keys.add(link)
                ev.keys.add(link)
            elif (
                main_offsets
                and seg_i == 0
                and fr.definite
                and fr.pos == "NOUN"
                and ev.modality == "realized"
                and _told(out, s.index, etype, named, fr.agent)
            ):
                # « Le retrait de Qayyarah intervient … deux ans après le vote »: the withdrawal the article
                # told, at its date, not two years after the vote
                p = _told(out, s.index, etype, named, fr.agent)
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = p.date_text, "reference", p.qualifier
                link = f"cont:{p.event_id}"
                p.keys.add(link)
                ev.keys.add(link)
            elif main_offsets and seg_i == 0 and main_offsets[0].main_start is not None:
                x = main_offsets[0]
                ev.date_start, ev.date_end = x.main_start, x.main_end
                ev.precision, ev.date_text, ev.date_basis = (
                    precision_of(x.main_start, x.main_end),
                    x.text.strip(),
                    "reference",
                )
            elif follows and (p := _last_referred(out, s.index)) is not None:
                # « La mobilisation intervient trois semaines après l'assassinat. Deux jours plus tard, le Parlement
                # avait voté… »: counted from the last time told, the event « après » named, not the sentence's
                # own date
                x = follows[0]
                ms, me = count_from(x, p.date_start, p.date_end, forward=True)
                ev.date_start, ev.date_end, ev.precision = ms, me, precision_of(ms, me)
                ev.date_text, ev.date_basis = x.text.strip(), "reference"
            elif follows:
                x = follows[0]
                ev.date_start, ev.date_end, ev.precision = x.date_start, x.date_end, x.precision
                ev.date_text, ev.date_basis = x.text.strip(), "reference"
            elif lo is not None and (m := _recent(fr, others, clause_f, a)) is not None:
                # « au cours des dernières semaines », « ces derniers mois »: the weeks or months before the
                # article, not the day of the sentence before
                span = {"jours": 7, "semaines": 35, "mois": 120}[m.group("unit")]
                ev.date_start, ev.date_end = lo - timedelta(days=span), hi or lo
                ev.precision = precision_of(ev.date_start, ev.date_end)
                ev.date_text, ev.date_basis = text[a + m.start() : a + m.end()], "story"
            elif out and out[-1].sentence_index == s.index and out[-1].date_start is not None and seg_i > 0:
                # a coordinated clause with no date of its own shares the date of the clause before
                p = out[-1]
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = p.date_text, p.date_basis, p.qualifier
                ev.keys.add(f"cont:{p.event_id}")
                p.keys.add(f"cont:{p.event_id}")
            elif (
                THEN.search(clause_f)
                and out
                and s.index - 2 <= out[-1].sentence_index < s.index
                and out[-1].date_start is not None
                and out[-1].date_basis not in ("publication", "")
            ):
                # « alors », « à ce moment-là »: at the time the sentence before has just told, whatever happened
                p = out[-1]
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = THEN.search(clause_f).group(0), "reference", p.qualifier
            elif (
                out
                and out[-1].sentence_index == s.index - 1
                and out[-1].date_start is not None
                and _one_story(out[-1].event_type, etype)
                and not (ev.agent and out[-1].agent and not set(ev.agent) & set(out[-1].agent))
                and not (named and out[-1].place_ids and not set(named) & set(out[-1].place_ids))
                and out[-1].date_basis != "publication"
                and fr.aspect != "before"
                and not TIME_ANAPHOR.search(clause_f)
            ):
                # the press tells one event over consecutive sentences: "Samedi 4 janvier, trois
                # attaques ont eu lieu … Si les deux premières ont visé …, la troisième …"
                p = out[-1]
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = p.date_text, "reference", p.qualifier
                link = f"cont:{p.event_id}"
                p.keys.add(link)
                ev.keys.add(link)
            elif lo is not None and fr.aspect == "now" and any(p <= s.start < q for p, q in live):
                # a live blog tells each entry's news (passé composé, présent) on the day it is posted: the
                # blog's day, not the last news dated (an entry recalls the attack of « dimanche dernier »; the
                # next one is tonight's)
                _on_publication(ev, lo, hi)
            elif ev.in_lead and lo is not None and fr.aspect != "before" and _news_time(out, s.index, lo) is not None:
                # the lead tells the news the sentence before it dated (« Mardi, … L'attaque intervient… »)
                ref = _news_time(out, s.index, lo)
                ev.date_start, ev.date_end, ev.precision = ref.date_start, ref.date_end, ref.precision
                ev.date_text, ev.date_basis, ev.qualifier = ref.date_text, "story", ref.qualifier
            elif ev.in_lead and lo is not None:
                _on_publication(ev, lo, hi)
            elif fr.definite and ev.modality in ("realized", "reported") and _told(out, s.index, etype, named):
                # « l'attaque », « ce retrait de ces forces d'al-Qaïm »: an occurrence the article has already told
                p = _told(out, s.index, etype, named)
                ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
                ev.date_text, ev.date_basis, ev.qualifier = p.date_text, "reference", p.qualifier
                link = f"cont:{p.event_id}"
                p.keys.add(link)
                ev.keys.add(link)
            elif (
                fr.aspect == "now"
                and (ev.modality in ("realized", "reported") or etype == "announcement")
                and lo is not None
                and not REPEATED.search(_frame_text(fr, folded) or clause_f)
                and not TIME_ANAPHOR.search(clause_f)
                and not fr.generic
                and not (etype == "deployment" and PERSONNEL.search(clause_f) and not ADDED.search(clause_f))
            ):
                # the story's time: a clause in the passé composé with no date of its own tells the news
                # the article last dated (« Jeudi, des roquettes ont visé… La police a déclaré que… »);
                # a plus-que-parfait or imparfait tells what came before, and stays undated
                ref = _news_time(out, s.index, lo)
                if ref is not None:
                    ev.date_start, ev.date_end, ev.precision = ref.date_start, ref.date_end, ref.precision
                    ev.date_text, ev.date_basis, ev.qualifier = ref.date_text, "story", ref.qualifier
                elif NEWS_FALLBACK:
                    _on_publication(ev, lo, hi)
            anniv = ANNIVERSARY.search(folded[max(a, fr.start - 45) : fr.start])
            if anniv and ev.date_start is not None:
                # « le deuxième anniversaire de la mort de X »: X's day, that many years before
                n = ORDINALS.get(anniv.group(1), 1)
                ev.date_start, ev.date_end = _years_before(ev.date_start, n), _years_before(ev.date_end, n)
                ev.precision = precision_of(ev.date_start, ev.date_end)
                base = max(a, fr.start - 45)
                ev.date_text = text[base + anniv.start() : base + anniv.end()].strip()
                ev.date_basis = "reference"
            here = mention_at.between(a, b)
            # "près de l'aéroport de Bagdad", "au nord d'Erbil": a locator of another place, not the event's place
            own = [m for m in here if not LOCATOR.search(folded[max(a, m.start - 40) : m.start])]
            ev.place_ids = list(dict.fromkeys(m.place_id for m in (own or here)))
            if not ev.place_ids and seg_i > 0 and offset is None and out and out[-1].sentence_index == s.index:
                ev.place_ids = list(out[-1].place_ids)  # "… de la base X et ont livré la base …": same place
            ev.actors = actors_of(clause_f)
            ev.repeated = bool(REPEATED.search(_frame_text(fr, folded) or clause_f))
            ev.before = fr.aspect == "before" or bool(TIME_ANAPHOR.search(clause_f))
            ev.background = background_types(clause_f) - {etype} if offset is None else set()
            ev.keys |= (
                key_terms(text[a:b])
                | {f"place:{p}" for p in ev.place_ids if p not in generic_places}
                | {f"place:{site_towns[p]}" for p in ev.place_ids if p in site_towns}
                | {f"actor:{x}" for x in ev.actors if x not in GENERIC_ACTORS}
            )
            ev.headline = frame_headline(ev, fr, frames, headline_place, generic_places, site_ids)
            if (
                etype == "announcement"
                and fr.kind != "speech"
                and ev.modality == "planned"
                and not any(f.kind == "speech" for f in frames)
                and ev.date_basis in ("story", "reference", "publication", "")
                and any(p.event_type in ("agreement", "announcement") and p.sentence_index < s.index for p in out)
            ):
                # « Ils ont arrêté un calendrier… La première phase s'achèvera en septembre : les militaires devront
                # alors avoir quitté… »: a plan told with no one saying it, after the statement or agreement that
                # set it, is that statement's content, not news of its own
                continue
            if seg_i == 0 and offset is None and ev.date_start is not None and ev.date_basis != "publication":
                for x in undated_offsets:  # the main clause the article dates: its offsets count from it
                    if x.start >= a:
                        counted.setdefault(id(x), (ev.date_start, ev.date_end))
            out.append(ev)
            for x, p, q, place_after in elided:
                # « la troisième base cédée ce mois-ci, après celles d'al-Qaïm, le 17 mars », « puis, jeudi, la base
                # de Qayyarah »: another occurrence of the clause's event, at that date
                se = EventMention(article_id, s.index, side_segment(s.index), etype, s.text, text[a:b])
                se.date_start, se.date_end, se.precision = x.date_start, x.date_end, x.precision
                se.date_text, se.date_basis, se.qualifier = x.text.strip(), x.basis, x.qualifier
                _fill_frame(se, fr, frames, etype)
                named_here = [m for m in mention_at.between(p, q) if m.start > fr.start]
                pick = named_here[0] if place_after and named_here else (named_here[-1] if named_here else None)
                se.place_ids = [pick.place_id] if pick else []
                se.actors = actors_of(clause_f)
                se.side = "phrase"
                se.keys |= {f"place:{p}" for p in se.place_ids if p not in generic_places}
                se.headline = frame_headline(se, fr, frames, headline_place, generic_places, site_ids)
                side_events.append(se)
            for f, ftype, x in _side_frames(fr, ev, others, frames, clause_dates + incise_follows, folded):
                # another event the clause tells with a date of its own, in a noun phrase or a clause of its
                # own (« a salué lundi l'entente trouvée vendredi », « aux funérailles de combattants tombés
                # mardi dans des frappes »): an event of the article too, at that date
                se = EventMention(article_id, s.index, side_segment(s.index), ftype, s.text, _phrase_of(text, f))
                se.date_start, se.date_end, se.precision = x.date_start, x.date_end, x.precision
                se.date_text, se.date_basis, se.qualifier = x.text.strip(), x.basis, x.qualifier
                _fill_frame(se, f, frames, ftype)
                se.place_ids = list(dict.fromkeys(m.place_id for m in mention_at.between(*f.span[:2])))
                se.actors = actors_of(folded[f.span[0] : f.span[1]])
                se.before = f.aspect == "before"
                se.side = "statement" if f.kind == "speech" else "phrase"
                se.keys |= (
                    key_terms(text[f.span[0] : f.span[1]])
                    | {f"place:{p}" for p in se.place_ids if p not in generic_places}
                    | {f"actor:{x}" for x in se.actors if x not in GENERIC_ACTORS}
                )
                se.headline = frame_headline(se, f, frames, headline_place, generic_places, site_ids)
                side_events.append(se)
        out.extend(side_events)
        side_events = []
        out.extend(_background_mentions(article_id, s, s_exprs, folded, text, out, hi or lo, side_segment))
    _date_title(out, lead, lo, hi)
    return out


def _background_mentions(article_id, s, s_exprs, folded, text, out, hi, side_segment) -> list[EventMention]:
    """The sentence's events told as dated background (see :mod:`.background`), but those at the date of an
    event the sentence already tells with that expression or type."""
    told = [e for e in out if e.sentence_index == s.index and e.date_start is not None]
    found = []
    for bg in background_events(folded, s.start, s.end, s_exprs, hi):
        x = bg.date
        if any(
            e.date_start <= x.date_end
            and x.date_start <= e.date_end
            and (e.event_type == bg.event_type or e.date_text == x.text.strip())
            for e in told + found
        ):
            continue
        ev = EventMention(article_id, s.index, side_segment(s.index), bg.event_type, s.text, text[bg.start : bg.end])
        ev.date_start, ev.date_end, ev.precision = x.date_start, x.date_end, x.precision
        ev.date_text, ev.date_basis, ev.qualifier = x.text.strip(), x.basis, x.qualifier
        ev.side, ev.before = "phrase", True
        ev.actors = actors_of(folded[bg.start : bg.end])
        ev.keys |= key_terms(text[bg.start : bg.end]) | {f"actor:{a}" for a in ev.actors if a not in GENERIC_ACTORS}
        name = text[bg.name[0] : bg.name[1]]
        name = " ".join(name.replace(",", " ").split()[:10])
        ev.headline = bg.prefix + name if bg.prefix else name[:1].upper() + name[1:]
        found.append(ev)
    return found


def _on_publication(ev: EventMention, lo: date, hi: date | None) -> None:
    """Date ``ev`` by the article's publication window (no words of the text: ``date_basis`` "publication")."""
    ev.date_start, ev.date_end = lo, hi or lo
    ev.precision = precision_of(ev.date_start, ev.date_end)
    ev.date_text, ev.date_basis = "", "publication"


def _date_title(out: list[EventMention], lead: tuple[int, int], lo: date | None, hi: date | None) -> None:
    """A title that tells a move, a vote, an agreement… over a lead that tells no event (« La Belgique rapatrie
    ses F-16 » over a lead that says the jets landed): the day's news, dated as a lead with no date of its own
    would be. A title over a lead with an event retells it and keeps no date (it merges into it)."""
    if lo is None or not out:
        return
    for t in out:
        if not _is_title(t) or t.date_start is not None or t.modality != "realized" or t.repeated or t.before:
            continue
        if t.predicate not in VERB_LEMMAS:
            continue  # a noun in a title (« X examine le retrait ») tells no act of its own
        if any(e is not t and e.in_lead for e in out):
            continue  # the lead tells the news: the title retells it, typed alike or not
        _on_publication(t, lo, hi)


def _frame_text(fr: Frame, folded: str) -> str:
    """The words of a frame's phrase and clause, without the clauses nested in them (« ses bases, visées à
    plusieurs reprises » is not said of the suspension the clause tells)."""
    return " ".join(folded[p:q] for p, q in sorted(set(fr.own) | set(fr.local)))


RELATIVE_AFTER_COMMA = re.compile(r", (?:qui|qu'|que|dont|ou|lesquel(?:le)?s?|laquelle|auxquel(?:le)?s|auquel)\b")


OF_PLACE = re.compile(r"\s*(?:d'|de |du |des )[a-z' -]{0,40}")


def _recent(fr: Frame, others: list, clause_f: str, a: int) -> re.Match | None:
    """« ces dernières semaines » in the clause, unless outside the frame's phrase and clause, in the own phrase
    of another kind of event (« ses bases, qui ont été visées par des tirs ces dernières semaines »: the weeks
    of the shots, not of the suspension the sentence tells; « des attaques … visant les troupes ces derniers
    mois » are the attacks')."""
    other = [f for f, _ in others if not _related(f.kind, fr.kind)]
    for m in RECENT.finditer(clause_f):
        pos = a + m.start()
        if _where(fr, pos) == 2 and any(any(p <= pos < q for p, q in f.own) for f in other):
            continue
        # the parse may hang the time on another word: a relative clause set off by a comma after the frame
        # runs to the next comma
        rel = None
        for rel in RELATIVE_AFTER_COMMA.finditer(clause_f, max(0, fr.end - a), m.start()):
            pass
        if (
            rel
            and "," not in clause_f[rel.end() : m.start()]
            and any(rel.end() <= f.start - a < m.start() for f in other)
        ):
            continue
        return m
    return None


def _where(fr: Frame, pos: int) -> int:
    """0 when a date is in a frame's own phrase, 1 in its clause, 2 elsewhere."""
    if any(p <= pos < q for p, q in fr.own):
        return 0
    return 1 if any(p <= pos < q for p, q in fr.local) else 2


RELATED_KINDS = ({"violence", "death"}, {"withdrawal", "handover", "redeployment", "deployment"})


def _related(k1: str, k2: str) -> bool:
    """Two kinds of predicate that can tell one event (« la frappe qui a tué X », « le retrait … la remise »)."""
    return k1 == k2 or any(k1 in g and k2 in g for g in RELATED_KINDS)


# a preposition that sets a clause in time by an event it names (« depuis », « après », « lors de », « à la suite
# de », « en riposte à »…): a date closing the sentence after that event's noun is the noun's
SINCE_NOUN = re.compile(
    r"\b(?:depuis|apres|avant|lors d[eu']|a la suite d[eu']|suite a|dans la foulee d[eu']|"
    r"en (?:riposte|reponse|represailles) a) ?(?:\S+ ){0,3}\S*$"
)
SINCE_GAP = re.compile(r",?\s*(?:en|le|au|a|dans)?")


def _incise(fr: Frame, x: TimeExpr, folded: str) -> bool:
    """A date set off by commas right after a noun's phrase is that noun's (« l'assassinat à Bagdad, le 4
    janvier, d'un commandant », « la deuxième session, à la mi-juin, »)."""
    if fr.pos != "NOUN" or not fr.span[1] <= x.start <= fr.span[1] + 6:
        return False
    gap, after = folded[fr.span[1] : x.start].strip(), folded[x.end : x.end + 2].strip()[:1]
    if gap == "," and after == ",":
        return True
    # « … depuis l'assassinat de X(,) en janvier 2020. », « … reste incertain après l'élection de X, le 5
    # novembre. »: a date closing the sentence after a noun « depuis », « après », « lors de »… governs is that
    # noun's (a clause such a preposition dates takes the date itself: « depuis janvier 2020 »)
    return (
        bool(SINCE_GAP.fullmatch(gap))
        and after in (".", ";", "")
        and bool(SINCE_NOUN.search(folded, max(0, fr.start - 40), fr.start))
    )


# what a joint statement sets: a plan (« fixant un calendrier », « une feuille de route »)
JOINT_PLAN = re.compile(r"\b(?:calendrier|echeancier|feuille de route|plan|date butoir|modalites|transition)\b")
ELLIPSIS = re.compile(r"\b(?:apres|avant|comme|outre|ainsi que|a l'instar) (?:celles?|ceux|celui) d(?:e |u |es |')")


# a conjunct with its verb left out (gapping): « puis, jeudi, la base de Qayyarah », « puis dimanche par K1 »,
# a coordinator, a date, then a noun phrase or a preposition and no verb of its own to the clause's end
GAP_BEFORE = re.compile(r"(?:,\s*|\s)(?:puis|et|ensuite|enfin)\s*,?\s*$")
GAP_AFTER = re.compile(r"\s*,?\s*(?:la |le |les |l'|celles? |ceux |celui |par |a |au |aux |de |du |des |d')")
FINITE = re.compile(
    r"\b(?:a|ont|est|sont|etait|etaient|avait|avaient|sera|seront|serait|seraient|fut|furent|se|s')\b"
    r"|\w(?:ait|aient)\b"
)
RELATIVE = re.compile(r",?\s*\b(?:qui|que|qu'|dont|lequel|laquelle|lesquels|lesquelles)\b")  # the noun's own clause


def _elided_dates(fr: Frame, clause_f: str, a: int, dates: list[TimeExpr]) -> list[tuple[TimeExpr, int, int, bool]]:
    """The dates of other occurrences of the predicate's event that the clause tells without repeating its verb,
    each with the span where its place is named and whether that place comes first: after a pronoun that
    stands for the predicate's noun (« cédée ce mois-ci, après celles d'al-Qaïm, le 17 mars, et de Qayyarah, le
    26 mars »: the place before its date), or in a gapped conjunct (« avait quitté al-Qaïm le 17 mars, puis,
    jeudi, la base de Qayyarah »: the place after)."""
    out = []
    m = ELLIPSIS.search(clause_f, max(0, fr.start - a))
    if m is not None:
        out = [
            (x, a + m.end(), x.start, False)
            for x in dates
            if x.start >= a + m.end() and x.precision in ("day", "week", "month")
        ]
    later = sorted((x for x in dates if x.start > fr.end and x.precision in ("day", "week")), key=lambda x: x.start)
    for i, x in enumerate(later):
        end = later[i + 1].start if i + 1 < len(later) else a + len(clause_f)
        rest = clause_f[x.end - a : end - a]
        rest = rest[: r.start()] if (r := RELATIVE.search(rest)) else rest
        if (
            GAP_BEFORE.search(clause_f, max(0, x.start - a - 12), x.start - a)
            and GAP_AFTER.match(rest)
            and not FINITE.search(rest)
            and len(rest.split()) <= 12
            and not any(y[0] is x for y in out)
        ):
            out.append((x, x.end, end, True))
    return out


def _own_dates(f: Frame, main: Frame, dates: list[TimeExpr], folded: str, phrase_only: bool = False) -> list[TimeExpr]:
    """The dates of a clause's other frame that are its own: in its phrase (or set off by commas after it),
    else (unless ``phrase_only``) in its clause when that is not the main frame's; none when it tells the main
    frame's event."""
    if f is main or (
        any(p <= f.start < q for p, q in main.own) and _related(f.kind, main.kind) and f.modality == main.modality
    ):
        return []  # (« le retrait ordonné il y a huit jours », said of a move done today, is the order, not the move)
    occurred = [x for x in dates if any(p <= x.start < q for p, q in f.occurred)]
    if occurred:
        return occurred  # « les discussions, ouvertes le 27 janvier, ont été suspendues »: the talks' own day
    own = [x for x in dates if any(p <= x.start < q for p, q in f.own) or _incise(f, x, folded)]
    if not own and f.clause != main.clause and not phrase_only:
        own = [x for x in dates if any(p <= x.start < q for p, q in f.local)]
    return [x for x in own if not any(p <= x.start < q for p, q in main.own) or f.clause != main.clause]


# a relative pronoun that places a statement at the end or in the course of the event before it
AT_ITS_END = re.compile(
    r"\b(?:a l'issue|au terme|a la fin|au cours|lors|a l'occasion) (?:duquel|de laquelle|desquels|desquelles)\b"
    r"[^.;]*$"
)


def _side_frames(
    main: Frame, ev: EventMention, others: list, frames: list[Frame], dates: list[TimeExpr], folded: str
) -> list:
    """The clause's other typed frames that tell an event of their own, each with its date: a date in its own
    phrase (or in its own clause, when that is not the main frame's) that is not the main event's. Not what
    the main frame says or plans, nor a frame of the main frame's phrase that tells the same event."""
    out = []
    used = {id(main)}
    for f, ftype in others:
        if id(f) in used:
            continue
        if (
            f.governed_by is not None
            and frames[f.governed_by] is main
            and not f.occurred
            and not ((f.attribute or f.sort == "command") and f.kind == "other" and _own_dates(f, main, dates, folded))
        ):
            # what a statement says, what a plan plans (not an event it names with its own day, nor a dated
            # participle of another sort said of a noun: « la mission, commandée jusqu'en novembre 2019 par X, … »)
            continue
        if (
            main.governed_by is not None
            and frames[main.governed_by] is f
            and ftype != "announcement"
            and f.sort != "command"
        ):
            continue
        if (
            ftype == "announcement"
            and f.kind != "speech"
            and not (f.governor in STATED_BY and not any(g.kind == "speech" and g.lemma == f.governor for g in frames))
        ):
            # a move to come is said by a statement, told as such elsewhere; but « le retrait ordonné par Trump il y
            # a huit jours » is told by its participle alone, dated
            continue
        own = _own_dates(f, main, dates, folded)  # (none for « la frappe qui a tué le commandant »: one event)
        if (
            not own
            and f.kind == "speech"
            and ev.date_start is not None
            and f.start > main.start
            and AT_ITS_END.search(folded, max(0, f.span[0] - 60), f.start)
        ):
            # « un cycle de discussions, à l'issue duquel Washington a annoncé… »: a statement made at the
            # end or in the course of the event the clause dates, at that date
            out.append((f, ftype, _at_date_of(ev)))
            used.add(id(f))
            continue
        if (
            not own
            and ev.date_start is not None
            and f.modality == "realized"
            and not f.negated
            and not _related(main.kind, f.kind)
            and _simultaneous(f, folded)
        ):
            # « Paris avait rapatrié ses militaires, au moment où la coalition suspendait ses formations »: a
            # clause of « au moment où », « lorsque », « tandis que » happens at the time of its main clause
            out.append((f, ftype, _at_date_of(ev)))
            used.add(id(f))
            continue
        if not own:
            continue
        x = min(own, key=lambda d: (PRECISION_RANK.get(d.precision, len(PRECISION_RANK)), d.start))
        if (
            ev.date_start is not None
            and x.date_start <= ev.date_end
            and ev.date_start <= x.date_end
            and (x.date_end - x.date_start) >= (ev.date_end - ev.date_start)
        ):
            continue  # the same time as the clause's event (or vaguer): told with it
        if any(
            x.date_start <= o[2].date_end and o[2].date_start <= x.date_end and _related(o[0].kind, f.kind) for o in out
        ):
            continue
        used.add(id(f))
        out.append((f, ftype, x))
    return out


SIMULTANEOUS = re.compile(r"(?:lorsqu|quand\b|tandis qu|pendant qu|alors meme qu)")


def _simultaneous(f: Frame, folded: str) -> bool:
    """Whether ``f`` heads a clause set at the time of the clause it depends on (« au moment où la coalition
    suspendait… », « lorsque les soldats ont quitté… »)."""
    head = folded[f.span[0] : f.span[0] + 16]
    return bool(SIMULTANEOUS.match(head)) or (
        head.startswith("ou ")
        and bool(re.search(r"\b(?:au|du|a ce) moment\s*$", folded[max(0, f.span[0] - 14) : f.span[0]]))
    )


def _at_date_of(ev: EventMention) -> SimpleNamespace:
    """A date standing for the clause's event's own (for an event told as happening at its time)."""
    return SimpleNamespace(
        date_start=ev.date_start,
        date_end=ev.date_end,
        precision=ev.precision,
        text=ev.date_text,
        basis="reference",
        qualifier=ev.qualifier,
    )


def _phrase_of(text: str, f: Frame) -> str:
    """A side event's clause: its predicate's phrase as written."""
    return text[f.span[0] : f.span[1]]


MEDIA = re.compile(
    r"\b(agences?|afp|reuters|ap|anadolu|aa|xinhua|irna|ina|sana|tass|medias?|journal|journaux|quotidien|"
    r"television|tele|chaine|site|radio|presse|sources?|temoins?|photographe|correspondante?|analystes?|"
    r"experts?|observateurs?|habitants?|images?|videos?)\b"
)


def _realized(fr: Frame) -> bool:
    """A frame told as having happened (or said to have, or denied): never dated after the report."""
    return fr.modality in ("realized", "reported", "denied")


def _said_noun_dated(sp: Frame, x: TimeExpr, frames: list[Frame], folded: str) -> bool:
    """« La coalition a déclaré la fin de sa mission de combat en décembre 2021 »: what is said is a noun phrase that
    tells no event of its own, so the past date after it is the statement's (not a clause's, « a annoncé que… »)."""
    if sp.pos != "VERB" or x.start < sp.end:
        return False
    if re.search(r"\b(?:que|qu'|si)\b|[:«»\"]", folded[sp.end : x.start]):
        return False
    return not any(f is not sp and any(p <= f.start < q for p, q in sp.content) for f in frames)


def _dated_statement(frames: list[Frame], a: int, b: int, exprs: list[TimeExpr], folded: str, main, hi=None):
    """A statement of the clause that carries its own date, with that date: the date is in the phrase of
    the verb or noun of saying (« a indiqué mardi soir le Pentagone », « dans un communiqué publié
    mercredi », « Ce samedi, la coalition annonce que… »), not in what is said nor in another event's phrase."""
    for sp in frames:
        if sp.kind != "speech" or not a <= sp.start < b or sp.negated or sp.modality != "realized":
            continue
        if sp.lemma not in STATEMENT_WORDS or MEDIA.search(fold(sp.speaker)):
            continue  # the press reporting (« a annoncé Reuters », « selon des sources ») is no party's statement
        for x in exprs:
            if not (a <= x.start < b) or not x.resolved or x.kind == "offset" or x.since:
                continue
            if is_future_context(folded, x.start):
                continue
            if any(p <= x.start < q for p, q in sp.content) and not _said_noun_dated(sp, x, frames, folded):
                continue
            if hi is not None and x.date_start > hi:
                continue  # a statement is made by the day it is reported
            if sp.span[0] <= x.start < sp.span[1]:
                pass
            elif (
                x.start - a < 3
                and x.start < sp.start
                and not re.search(r"\b(?:que|qu'|qui|lorsque|quand|dont)\b|[;:«»\"]", folded[x.end : sp.start])
                and not any(f.kind != "speech" and x.end <= f.start < sp.start for f in frames)
            ):
                pass  # « Ce samedi matin, la coalition annonce… »: the date opens the statement's clause
            else:
                continue
            if any(
                f is not sp
                and f.kind != "speech"
                and a <= f.start < b
                and f.span[0] <= x.start < f.span[1]
                and not f.span[0] <= sp.start < f.span[1]
                for f in frames
            ):
                continue  # « les tirs du 8 janvier » is the date of the tirs (a frame of another clause is not)
            return sp, x
    return None


ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxieme": 2,
    "second": 2,
    "2e": 2,
    "troisieme": 3,
    "3e": 3,
    "quatrieme": 4,
    "4e": 4,
    "cinquieme": 5,
    "5e": 5,
    "sixieme": 6,
    "septieme": 7,
    "huitieme": 8,
    "neuvieme": 9,
    "dixieme": 10,
}
ANNIVERSARY = re.compile(r"\b(" + "|".join(ORDINALS) + r") anniversaire d(?:e|u|es|')\s*(?:la |l')?\s*$")


def _years_before(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


# event nouns an offset can be counted from, by type family
OFFSET_EVENTS = [
    ("killing", re.compile(r"^\s*(?:la |l')(?:mort|assassinat|elimination|deces)\b")),
    ("attack", re.compile(r"^\s*(?:la |l'|les )(?:attaques?|attentats?|tirs?)\b")),
    ("strike", re.compile(r"^\s*(?:la |les )(?:frappes?|raids?|bombardements?)\b")),
    ("vote", re.compile(r"^\s*(?:le |la )(?:vote|resolution|scrutin)\b")),
    ("withdrawal", re.compile(r"^\s*(?:le |la |l')(?:retrait|remise|passation|retrocession)\b")),
    ("agreement", re.compile(r"^\s*(?:l'|la )(?:accord|signature|entente)\b")),
]

# the types an event told can have when a noun names it: a strike that killed a leader is told as a killing,
# and « la mort de X » may be a strike's or an attack's
OFFSET_FAMILIES = {"strike": {"strike", "killing"}, "killing": {"killing", "strike", "attack"}}


def _main_after_offset(folded: str, offset: TimeExpr, fr: Frame, end: int) -> bool:
    """An offset opening its sentence (« Deux jours après la mort de X, … ») whose event phrase ends at a
    comma, the frame after that comma: the frame is the main clause, not X."""
    comma = folded.find(",", offset.end, end)
    return comma != -1 and fr.start > comma and offset.main_start is not None


def _main_own_date(folded: str, offset: TimeExpr, fr: Frame, end: int, dates: list):
    """The calendar date in the main clause's own phrase after « N jours après X, » (« …, ils ont voté dimanche
    5 janvier »), when the frame is that main clause; else None."""
    comma = folded.find(",", offset.end, end)
    if comma == -1 or fr.start <= comma:
        return None
    own = [x for x in dates if x.kind == "date" and x.start > comma and _where(fr, x.start) == 0]
    return own[0] if own else None


def _referred_told(folded: str, text: str, offset: TimeExpr, out: list, sentence_index: int, end: int):
    """The event « N jours après X » counts from, when X is a noun naming an event (« la frappe », « le vote »)
    that an earlier sentence told with a date (the same kind of event, a name in common); else None."""
    stop = folded.find(",", offset.end, end)
    stop = end if stop == -1 else stop
    phrase = folded[offset.end : stop]
    fam = next((f for f, rx in OFFSET_EVENTS if rx.search(phrase)), None)
    if fam is None:
        return None
    names = key_terms(text[offset.end : stop])
    fams = OFFSET_FAMILIES.get(fam, {fam})
    for p in reversed(out):
        if p.sentence_index >= sentence_index or p.date_start is None or family(p.event_type) not in fams:
            continue
        if names and not names & p.keys:
            continue
        return p
    return None


def _after_told(folded: str, text: str, offset: TimeExpr, out: list, sentence_index: int):
    """The main clause's days for « N jours après X »: from X's date when an earlier sentence dated X (the
    same kind of event, a name in common), else as the tagger reckoned it."""
    p = _referred_told(folded, text, offset, out, sentence_index, len(folded))
    if p is not None:
        return count_from(offset, p.date_start, p.date_end, forward=True)
    return offset.main_start, offset.main_end


def _date_from_offset(
    ev: EventMention,
    fr: Frame,
    offset: TimeExpr,
    folded: str,
    text: str,
    out: list,
    sentence: Sentence,
    end: int,
    counted: dict[int, tuple[date, date]],
) -> None:
    """Date the clause of an offset its sentence does not date (« …, deux jours après la frappe qui… »), from
    the article's own dates: the clause after « Deux jours après X, » from X told earlier; X itself from X told
    earlier (the same occurrence) or counted back from the main clause's date. Otherwise it stays undated: the
    publication day says nothing of when X was."""
    p = _referred_told(folded, text, offset, out, sentence.index, end)
    comma = folded.find(",", offset.end, end)
    opens = not folded[sentence.start : offset.start].strip()
    if opens and comma != -1 and fr.start > comma:  # the main clause, after « Deux jours après X, »
        if p is not None:
            ev.date_start, ev.date_end = count_from(offset, p.date_start, p.date_end, forward=True)
            ev.precision = precision_of(ev.date_start, ev.date_end)
            ev.date_text, ev.date_basis = offset.text.strip(), "reference"
        return
    ev.side = "referred"
    if p is not None:
        ev.date_start, ev.date_end, ev.precision = p.date_start, p.date_end, p.precision
        ev.date_text, ev.date_basis, ev.qualifier = p.date_text, "reference", p.qualifier
        link = f"cont:{p.event_id}"
        p.keys.add(link)
        ev.keys.add(link)
    elif id(offset) in counted:
        ev.date_start, ev.date_end = count_from(offset, *counted[id(offset)], forward=False)
        ev.precision = precision_of(ev.date_start, ev.date_end)
        ev.date_text, ev.date_basis = offset.text.strip(), "reference"


def _last_referred(out: list[EventMention], sentence_index: int) -> EventMention | None:
    """The dated event an offset of the sentence before referred to (« … trois semaines après l'assassinat. »),
    when that sentence ends on it: the last time the article told."""
    prev = [p for p in out if p.sentence_index == sentence_index - 1]
    if prev and prev[-1].side == "referred" and prev[-1].date_start is not None:
        return prev[-1]
    return None


def _told(
    out: list[EventMention], sentence_index: int, etype: str, places: list[str], agents: list[str] | None = None
) -> EventMention | None:
    """The dated occurrence of the same kind that earlier sentences told, the latest first; when places
    are named, one at a shared place; when both name who acted, the same party (« le Danemark a rapatrié… »
    is not what « Rome n'a aucune intention de réduire… » says)."""
    for p in reversed(out):
        if p.sentence_index >= sentence_index or p.date_start is None or family(p.event_type) != family(etype):
            continue
        if places and p.place_ids and not set(places) & set(p.place_ids):
            continue
        if agents and p.agent and not set(agents) & set(p.agent):
            continue
        return p
    return None


NEWS_FALLBACK = False
NEWS_DAYS = 31  # a dated event this close to the publication is the news, and sets the story's time


def _live_entries(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a live blog (two or more that open on a clock time, see LIVE_STAMP), as spans."""
    stamps = [m.start() for m in LIVE_STAMP.finditer(text)]
    if len(stamps) < 2:
        return []
    return [(a, e if (e := text.find("\n", a)) >= 0 else len(text)) for a in stamps]


def _news_time(out: list[EventMention], sentence_index: int, lo: date) -> EventMention | None:
    """The latest event of the earlier sentences dated as the news (not background years before; not what the
    plus-que-parfait tells as before the news, when the article tells the news itself)."""
    latest = list(reversed(out))
    return _latest_news([p for p in latest if not p.before], sentence_index, lo) or _latest_news(
        latest, sentence_index, lo
    )


def _latest_news(candidates: list[EventMention], sentence_index: int, lo: date) -> EventMention | None:
    """The first of ``candidates`` (latest first) that can be the news of sentence ``sentence_index``."""
    for p in candidates:
        if p.sentence_index >= sentence_index or p.date_start is None or p.side in ("cause", "phrase", "referred"):
            # a cause told with its own date (« en représailles à l'attaque du 28 »), an event a noun phrase
            # dates (« l'accord conclu vendredi »), the event « deux jours après » counts from: not the news
            continue
        if p.date_end >= lo - timedelta(days=NEWS_DAYS):
            return p  # (a background date, years before, leaves the story's time where it was)
    return None


def _fill_frame(ev: EventMention, fr: Frame, frames: list[Frame], etype: str) -> None:
    """The frame's modality, predicate and parties on an event mention."""
    ev.modality = modality_of(fr, frames)
    ev.predicate = fr.lemma
    agent, target = list(fr.agent), list(fr.target)
    if etype == "announcement" and fr.kind != "speech":
        # the statement's speaker, when a speech verb governs the planned move (« X a annoncé le retrait »)
        gov = frames[fr.governed_by] if fr.governed_by is not None else None
        if gov is not None and gov.agent:
            agent, target = list(gov.agent), list(dict.fromkeys(fr.agent + fr.target))
    if etype == "attack" and set(agent) & STRIKERS and not set(agent) & {"IR", "PMF", "IS"}:
        agent, target = [], agent + target  # the victims named as the subject of a passive
    ev.agent = [p for p in agent]
    ev.target = [p for p in target if p not in agent]


def frame_headline(
    ev: EventMention, fr: Frame | None, frames: list[Frame], place_name, generic_places, sites=None
) -> str:
    """The French headline of an event mention, from its frame (predicate, object, what an announcement
    says) and its agent, target, modality and places (specific places before generic ones; for a
    statement, only a site: where it was said is not what it is about)."""
    ids = [p for p in ev.place_ids if p in (sites or set())] if ev.event_type == "announcement" else ev.place_ids
    places = [place_name(p) for p in ids if p not in generic_places] or [place_name(p) for p in ids][:1]
    if fr is None:
        return headline(ev.event_type, ev.modality, ev.agent, ev.target, "", places)
    content = ""
    obj = fr.target_text
    if ev.event_type == "announcement":
        content = (
            fr.kind
            if fr.kind != "speech"
            else next((f.kind for f in frames if f.governed_by is not None and frames[f.governed_by] is fr), "")
        )
        # the announced move as the article names it (« le retrait de son contingent »); a statement
        # that tells no event: what it says (« que les effectifs sont désormais de 900 militaires »)
        obj = fr.phrase if fr.pos == "NOUN" else ""
        if fr.kind == "speech" and not content:
            # « que … », else what is announced (« une prolongation de 12 mois »), not who says it
            obj = _said(ev) or ("" if re.match(r"(?i)selon|d'apres", fr.target_text) else fr.target_text)
    elif ev.event_type in ("killing",):
        obj = fr.target_text
    weapon = ""
    f = fold(ev.clause)
    for w in ("roquette", "missile", "drone", "obus", "mortier"):
        if w in f:
            weapon = w
            break
    return headline(
        ev.event_type,
        ev.modality,
        ev.agent,
        ev.target,
        obj,
        places,
        content or ((fr.sort or fr.kind) if ev.event_type == "other" else ""),
        weapon,
        _victim(fr) if ev.event_type == "killing" else (_person(fr) if ev.event_type == "other" else ""),
    )


def _said(ev: EventMention) -> str:
    """What a statement says, as written, from its « que » (« que les effectifs… »), for its headline."""
    m = re.search(r"\bqu(?:e\b|['’])", ev.clause)
    return ev.clause[m.start() :].replace("’", "'") if m else ""


def _victim(fr: Frame) -> str:
    """The named victim of a killing: the proper names of the patient's phrase (« le général Qassem Soleimani »)."""
    t = " ".join(fr.target_text.split())
    t = re.sub(r"^(?:[Ll]e|[Ll]a|[Ll]es|[Ll]'|[Uu]n|[Uu]ne|[Dd]u|[Dd]es|[Dd]e)\s*", "", t)  # « Le commandant X »
    m = re.search(
        r"(?:(?:[Gg]énéral|[Cc]ommandant|[Cc]hef|[Dd]irigeant|[Ll]eader|[Cc]olonel)[^,;]{0,40}?)?"
        r"(?:[A-ZÀ-Ý][\w'’-]+(?:[ -](?:al|el|Al|El|de|du|ben|Abou|Abu|[A-ZÀ-Ý][\w'’-]+))*)",
        t,
    )
    out = m.group().strip() if m else short_name(t)
    return (
        out[:1].lower() + out[1:] if re.match(r"(?i)(général|commandant|chef|dirigeant|leader|colonel)\b", out) else out
    )


def _person(fr: Frame) -> str:
    """Who takes office or is buried, when the frame names a person (« du Premier ministre X »): '' else."""
    if fr.sort not in ("office", "funeral"):
        return ""
    t = " ".join((fr.agent_text + " " + fr.target_text).split())
    m = re.search(r"(?:[A-ZÀ-Ý][\w'’-]+(?:[ -](?:al|el|Al|El|ben|Abou|Abu|[A-ZÀ-Ý][\w'’-]+))+)", t)
    return m.group() if m else ""


def short_name(t: str) -> str:
    """A name cut to six words at most, for a headline."""
    from .headlines import short

    return short(t, 6)


def _one_story(a: str, b: str) -> bool:
    """Types two consecutive sentences can tell one event with: the same, or a base handed over and left."""
    return a == b or {a, b} == {"withdrawal", "handover"}


def same_family(a: str, b: str) -> bool:
    """Types that can name one event: a base handed over is a base the forces left."""
    return a == b or family(a) == family(b)


def _same_occurrence(a: EventMention, b: EventMention, generic: set[str]) -> bool:
    """Two mentions of one article that tell the same occurrence: one type family, dates that agree
    (or one undated), and a shared site, name, or the same parties."""
    if family(a.event_type) != family(b.event_type):
        return False
    if a.repeated or b.repeated:
        return False
    if (
        a.sentence_index == b.sentence_index
        and a.segment != b.segment
        and {a.event_type, b.event_type} == {"withdrawal", "redeployment"}
    ):
        return False  # « une partie a été rapatriée, tandis que d'autres ont été repositionnés au Koweït »: two moves
    if (a.date_start is None and a.before) or (b.date_start is None and b.before):
        return False  # « la base avait déjà été visée »: an earlier occurrence, not this one
    # dates the article tells that do not meet are two occurrences (« le 4 », « le 5 »: two attacks, not one):
    # one article dates its own occurrences consistently, so no day's slack (a night told over two days, « dans
    # la nuit du 4 au 5 », holds « le 5 » and meets it). A date taken from the publication (a title or lead
    # that tells the day's news without a date) keeps a day's slack: the news of the eve is published the
    # next morning.
    if a.date_start is not None and b.date_start is not None:
        slack = timedelta(days=1 if "publication" in (a.date_basis, b.date_basis) else 0)
        if not (a.date_start <= b.date_end + slack and b.date_start <= a.date_end + slack):
            return False
    wa, wb = _weekday_word(a.date_text), _weekday_word(b.date_text)
    if wa and wb and not wa & wb:
        return False  # « samedi » and « lundi »: two days
    if a.agent and b.agent and not set(a.agent) & set(b.agent):
        return False  # two parties acting: two occurrences (« l'Allemagne retire…, le Royaume-Uni déplace… »)
    pa = {p for p in a.place_ids if p not in generic}
    pb = {p for p in b.place_ids if p not in generic}
    if pa and pb:
        return bool(pa & pb)
    if _is_title(a) or _is_title(b):
        return True  # a title restates its article's news (« Une base américaine visée »)
    if any(k.startswith("cont:") for k in a.keys & b.keys):
        return True
    names = {k for k in a.keys & b.keys if not k.startswith(("place:", "cont:", "actor:"))}
    if names and (pa or pb or a.date_start is None or b.date_start is None or a.precision == b.precision == "day"):
        return True
    if (
        a.event_type == b.event_type
        and (a.agent or a.target)
        and a.agent == b.agent
        and a.target == b.target
        and a.date_start is not None
        and b.date_start is not None
        and (a.date_start, a.date_end) == (b.date_start, b.date_end)
        and a.precision == "day"
        and not (pa ^ pb)
    ):
        return True
    return False


def _is_title(e: EventMention) -> bool:
    """The article's first line when it is a title (no final punctuation)."""
    return e.sentence_index == 0 and not e.evidence.rstrip().endswith((".", "!", "?", "…", "»", '"'))


_WEEKDAY = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")


def _weekday_word(date_text: str) -> set[str]:
    """The weekdays a date names (« dans la nuit de lundi à mardi »: both)."""
    return set(_WEEKDAY.findall(fold(date_text or "")))


def merge_occurrences(events: list[EventMention], generic: set[str] | None = None) -> list[EventMention]:
    """One event per occurrence in an article: mentions that tell the same occurrence (a lead and a
    later recap, a quote) are merged into the one with the most precise date, which keeps every
    other mention's sentence as evidence (``also``), its places, names and parties."""
    generic = generic or set()
    order = sorted(
        range(len(events)),
        key=lambda i: (
            events[i].date_start is None,
            _is_title(events[i]),
            PRECISION_RANK.get(events[i].precision or None, len(PRECISION_RANK)),
            events[i].date_basis == "publication",
            events[i].sentence_index,
            events[i].segment,
        ),
    )
    kept: list[EventMention] = []
    for i in order:
        e = events[i]
        home = next((k for k in kept if _same_occurrence(k, e, generic)), None)
        if home is None:
            kept.append(e)
            continue
        if e.sentence_index != home.sentence_index and all(s != e.sentence_index for s, _ in home.also):
            home.also.append((e.sentence_index, e.evidence))
        home.place_ids = list(dict.fromkeys(home.place_ids + e.place_ids))
        home.actors = list(dict.fromkeys(home.actors + e.actors))
        home.keys |= e.keys
        home.background |= e.background
        home.agent = home.agent or e.agent
        home.target = home.target or e.target
        if (
            home.event_type != e.event_type
            and PRIORITY.index(e.event_type) < PRIORITY.index(home.event_type)
            and e.event_type == "handover"
        ):
            home.event_type = e.event_type  # a withdrawal told elsewhere as the handover of the base
    kept.sort(key=lambda e: (e.sentence_index, e.segment))
    for e in kept:
        e.also.sort()
    return kept
