"""What a figure counts, read from its sentence: measure, party, part and scope.

A number found by :mod:`helpers.extract.figures` is read in the dependency parse of its sentence
(spaCy's ``fr_core_news_sm``, the number merged into one token first so that « 2 500 » is
one word):

- **its noun phrase**: the noun it counts (« soldats », « militaires », « Américains ») and the
  noun's own modifiers up to the first verb, preposition of place or punctuation (« soldats
  américains », « membres de la coalition », « hommes de l'armée de l'air espagnole »);
- **its predicate**: a participle or relative clause of its own (« présents », « stationnés »,
  « blessés », « qui seront retirés »), then the verb or noun that governs it, climbing the
  tree (« le retrait de 14 soldats », « Washington va envoyer 1 500 militaires », « ont tué
  deux soldats »). The predicate's meaning and tense give the **measure** (codebook: a level,
  ``present``/``planned``; a flow, ``arriving``/``leaving``/``moved``; a toll, ``killed``,
  ``wounded``, ``killed_or_wounded``);
- **whose people**: the noun phrase's own nationality or force first; a possessive (« ses 30
  soldats », « deux de leurs soldats ») resolved to the nearest subject up the tree that is
  not the one doing the harm; then, for troops, the subject of the clause (« L'Italie a
  déployé 450 hommes »); then the force the article was last talking about. A group of
  several coalition members is ``coalition``; a group mixing others is ``other``. A
  casualty's party is always the victims', never the attacker's;
- **where**: the place phrase attached to the figure or to its predicate (« en Irak », « au
  Koweït », « à la base de Taji »).

Only the figure's own words and the clause that governs it are read; a word elsewhere in
the sentence (« la mort de Soleimani ») says nothing about another number.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import WORD_START, WordPatterns, fold, short_text_memo
from . import nlp as models

# --- parties -------------------------------------------------------------------------------------

# nationality adjectives/nouns and state names; a state's capital stands for it only as a subject
PARTIES: list[tuple[str, re.Pattern]] = [
    (
        "US",
        re.compile(
            r"\b(americain\w*|us|usa|etats-unis|etats unis|washington|pentagone|marines|cia|centcom|"
            r"maison[- ]blanche|etatsunien\w*|etasunien\w*)\b"
        ),
    ),
    ("FR", re.compile(r"\b(francais\w*|france|paris|elysee|chammal)\b")),
    ("UK", re.compile(r"\b(britannique\w*|royaume-uni|londres|anglais\w*)\b")),
    ("CZ", re.compile(r"\b(tcheque\w*|prague)\b")),
    ("DE", re.compile(r"\b(allemand\w*|allemagne|berlin|bundeswehr)\b")),
    ("IT", re.compile(r"\b(italien\w*|italie|rome)\b")),
    ("ES", re.compile(r"\b(espagnol\w*|espagne|madrid)\b")),
    ("CA", re.compile(r"\b(canadien\w*|canada|ottawa)\b")),
    ("AU", re.compile(r"\b(australien\w*|australie|canberra)\b")),
    ("NL", re.compile(r"\b(neerlandais\w*|pays-bas|hollandais\w*)\b")),
    ("DK", re.compile(r"\b(danois\w*|danemark)\b")),
    ("NO", re.compile(r"\b(norvegien\w*|norvege)\b")),
    ("RO", re.compile(r"\b(roumain\w*|roumanie)\b")),
    ("HR", re.compile(r"\b(croate\w*|croatie)\b")),
    ("HU", re.compile(r"\b(hongrois\w*|hongrie)\b")),
    ("PL", re.compile(r"\b(polonais\w*|pologne)\b")),
    ("BE", re.compile(r"\b(belge\w*|belgique)\b")),
    ("SE", re.compile(r"\b(suedois\w*|suede)\b")),
    ("FI", re.compile(r"\b(finlandais\w*|finlande)\b")),
    ("NZ", re.compile(r"\b(neo-zelandais\w*|nouvelle-zelande)\b")),
    ("PT", re.compile(r"\b(portugais\w*|portugal)\b")),
    ("TR", re.compile(r"\b(turc|turcs|turque\w*|turquie|ankara)\b")),
    ("JO", re.compile(r"\b(jordanien\w*)\b")),
    ("LB", re.compile(r"\b(libanais\w*)\b")),
    # the Syrian Democratic Forces are no state's forces (the codebook has no code for them)
    ("other", re.compile(r"\b(forces democratiques syriennes|fds|sdf)\b")),
    ("SY", re.compile(r"\b(syrien\w*|damas)\b")),
    ("RU", re.compile(r"\b(russe\w*|russie|moscou)\b")),
    ("IL", re.compile(r"\b(israelien\w*|israel|tsahal)\b")),
    ("SA", re.compile(r"\b(saoudien\w*)\b")),
    ("QA", re.compile(r"\b(qatari\w*)\b")),
    ("KW", re.compile(r"\b(koweitien\w*)\b")),
    ("AE", re.compile(r"\b(emirati\w*)\b")),
    ("EG", re.compile(r"\b(egyptien\w*)\b")),
    ("SK", re.compile(r"\b(slovaque\w*|slovaquie)\b")),
    ("SI", re.compile(r"\b(slovene\w*|slovenie)\b")),
    ("BG", re.compile(r"\b(bulgare\w*|bulgarie)\b")),
    ("GR", re.compile(r"\b(grec|grecs|grecque\w*|grece)\b")),
    ("LT", re.compile(r"\b(lituanien\w*|lituanie)\b")),
    ("LV", re.compile(r"\b(letton\w*|lettonie)\b")),
    ("EE", re.compile(r"\b(estonien\w*|estonie)\b")),
    ("AL", re.compile(r"\b(albanais\w*|albanie)\b")),
    ("MK", re.compile(r"\b(macedonien\w*|macedoine)\b")),
    ("NZ", re.compile(r"\b(neo-zelandais\w*|nouvelle-zelande)\b")),
    ("JP", re.compile(r"\b(japonais\w*|japon)\b")),
    ("KR", re.compile(r"\b(sud-coreen\w*|coree du sud)\b")),
    ("PH", re.compile(r"\b(philippin\w*|philippines)\b")),
    ("NP", re.compile(r"\b(nepalais\w*|nepal)\b")),
    ("IN", re.compile(r"\b(indien|indiens|indienne\w*|inde)\b")),
    ("PK", re.compile(r"\b(pakistanais\w*|pakistan)\b")),
    ("BD", re.compile(r"\b(bangladais\w*|bangladesh)\b")),
    ("FJ", re.compile(r"\b(fidjien\w*|fidji)\b")),
    ("UG", re.compile(r"\b(ougandais\w*|ouganda)\b")),
    ("KE", re.compile(r"\b(kenyan\w*|kenya)\b")),
    ("CN", re.compile(r"\b(chinois\w*|chine|pekin)\b")),
    ("UA", re.compile(r"\b(ukrainien\w*)\b")),
    ("AF", re.compile(r"\b(afghan|afghans|afghane\w*)\b")),
    (
        "PMF",
        re.compile(
            r"\b(hachd\w*|hached|hashd|(?:al-)?chaabi|mobilisation populaire|pmf|milices?|miliciens?|paramilitaires?|kata[ei]b hezbollah|"
            r"brigades du hezbollah|nujaba|nojaba|asa[iy]b|resistance islamique|factions? arme\w*|pro-iranien\w*|"
            r"groupes? arme\w* pro-iran\w*)\b"
        ),
    ),
    ("NATO", re.compile(r"\b(otan|nato|alliance atlantique|nmi)\b")),  # NMI: NATO Mission Iraq
    # « des soldats européens »: people of several member states together
    ("coalition", re.compile(r"\b(coalition|inherent resolve|allies|partenaires|europeens|europeennes)\b")),
    ("IR", re.compile(r"\b(iranien\w*|iran|teheran|gardiens de la revolution|pasdaran\w*|al-qods)\b")),
    ("IQ", re.compile(r"\b(irakien\w*|irak|iraq|bagdad|baghdad)\b")),
    ("KRG", re.compile(r"\b(kurdes?|peshmergas?|peshmerga)\b")),
    ("IS", re.compile(r"\b(daech|daesh|etat islamique|ei|eiil|oei|isis|jihadistes?|djihadistes?)\b")),
    ("civilians", re.compile(r"\b(civils?|civiles?|employes? civils?)\b")),
]


PARTY_PATTERNS = WordPatterns(PARTIES)  # see parties_in
STATES_ONLY_AS_SUBJECT = re.compile(
    r"^(washington|paris|londres|prague|berlin|rome|madrid|ottawa|canberra|ankara|"
    r"teheran|bagdad|baghdad)$"
)
NOT_COALITION = {"IQ", "IR", "SY", "RU", "LB", "PMF", "KRG", "IS", "civilians", "other"}
STATE_CODES = {code for code, _ in PARTIES} - {"PMF", "NATO", "coalition", "IS", "civilians", "KRG"}

# "d'Irak", "en Syrie", "à Bagdad": where, not who
LOCATIVE = re.compile(
    r"\b(?:en|d'|de|du|des|au|aux|a|vers|dans|depuis|hors d'|hors de|pres d'|pres de|sur|"
    r"a destination d'|a destination de|en direction d')\s*(?:l'|la |le |les )?"
    r"(?:irak|iraq|syrie|iran|koweit|jordanie|turquie|liban|qatar|afghanistan|mali|allemagne|"
    r"bagdad|baghdad|erbil|europe|etats-unis|kurdistan|pays|region|sol irakien|territoire)\b"
)


# « la frontière syrienne », « la capitale irakienne », « le désert jordanien »: a nationality adjective on a
# noun of place names where, not whose people
PLACE_ADJECTIVE = re.compile(
    r"\b(?:frontieres?|territoires?|sol|capitales?|villes?|provinces?|regions?|deserts?|villages?|"
    r"localites?|espace aerien|rive|littoral|"
    # « le nord-est syrien », « l'ouest irakien »: a country's part by its compass point
    r"(?:(?:le|l'|du|au|dans le|dans l')\s*)(?:extreme-)?(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest|"
    r"centre))\s+"
    r"(?:[a-z-]+(?:iens?|iennes?|ais|aises?|ains?|aines?|ois|oises?)|turcs?|turques?|grecs?|grecques?)\b"
)


_PARTY_RX = dict(PARTIES)


def _word_matches(rx: re.Pattern, need: frozenset[str] | None, s: str, starts: dict[str, list[int]]):
    """What ``rx.finditer(s)`` finds, the pattern tried only where a word of ``s`` starts with one of its words'
    first two letters (``need``, :func:`helpers.text.word_starts`): a long text holds few of them."""
    if need is None:
        yield from rx.finditer(s)
        return
    end = 0
    for pos in sorted(p for key in need.intersection(starts) for p in starts[key]):
        if pos >= end and (m := rx.match(s, pos)):
            end = m.end()
            yield m


@short_text_memo
def parties_in(folded: str) -> tuple[tuple[int, str], ...]:
    """(position, code) of every party named in ``folded`` (place phrases removed first); once per text (a
    sentence's is read for each of its figures)."""
    s = LOCATIVE.sub(lambda m: " " * len(m.group()), folded)
    s = PLACE_ADJECTIVE.sub(lambda m: " " * len(m.group()), s)
    found = []
    starts: dict[str, list[int]] = {}  # the words of the text by their first two letters
    for w in WORD_START.finditer(s):
        starts.setdefault(w.group(), []).append(w.start())
    for code, rx, need in PARTY_PATTERNS.items:
        for m in _word_matches(rx, need, s, starts):
            # (« l' ei », « ( ei ) »: the words of a parse joined by blanks)
            if code == "IS" and m.group() == "ei" and not re.search(r"\bl'\s?ei\b|\(\s?ei\s?\)", folded):
                continue
            found.append((m.start(), code))
    found.sort()
    # one name, one party: "brigades du hezbollah" is not also Iran's
    out, taken = [], []
    for pos, code in found:
        if any(a <= pos < b for a, b in taken):
            continue
        out.append((pos, code))
        m = _PARTY_RX[code].search(s, pos)
        taken.append((pos, m.end() if m else pos + 1))
    return tuple(out)


def head_wins(found: list[tuple[int, str]], folded: str) -> list[str]:
    """The codes of a phrase's party mentions, where a nationality that qualifies a force is that
    force (« milices irakiennes » PMF, « Kurdes irakiens » KRG, « groupes pro-iraniens » not Iran),
    and a civilian with a nationality is of that nation. Coordinated groups stay apart
    (« soldats irakiens et peshmergas »)."""
    out = []
    for n, (pos, code) in enumerate(found):
        if code in ("IQ", "IR") and re.search(r"pro-\s*$", folded[max(0, pos - 4) : pos]):
            continue
        near = [found[m] for m in (n - 1, n + 1) if 0 <= m < len(found) and found[m][1] in ("PMF", "KRG")]
        if code in ("IQ", "IR") and any(
            abs(pos - p) < 40 and not re.search(r"\bet\b|,|\bou\b", folded[min(pos, p) : max(pos, p)]) for p, _ in near
        ):
            continue  # « le groupe chiite irakien Kataeb Hezbollah », « milices irakiennes »
        out.append(code)
    if "civilians" in out and len(set(out)) > 1:
        out = [c for c in out if c != "civilians"]
    return out


def party_of(folded: str) -> str:
    """The party code of the first party a folded text names ('' if none)."""
    found = parties_in(folded)
    return found[0][1] if found else ""


def combine(codes: list[str]) -> str:
    """One party for a group: itself when all the same; ``coalition`` for several coalition
    members (« soldats américains et britanniques »); ``other`` when the group mixes others
    (« accompagnateurs irakiens et iraniens »)."""
    distinct = sorted(set(c for c in codes if c))
    if not distinct:
        return ""
    if len(distinct) == 1:
        return distinct[0]
    if all(c not in NOT_COALITION for c in distinct):
        return "coalition"
    return "other"


# --- predicates ------------------------------------------------------------------------------------

ER = r"(?:e|es|ee|ees|ent|er|a|ant|ait|aient|era|eront|erait|eraient|erent)"  # -er verb forms, folded
KILLED = re.compile(
    rf"^(?:tu{ER}|tuee?s?|morts?|mortes?|mourir|mouru\w*|mourr\w+|meur(?:t|ent)|meurtres?|"
    r"peri|perir|peris|perit|perirent|perissent|periront|perirai\w*|perissant|"
    rf"deced{ER}|deces|succomb{ER}|abattue?s?|abatt(?:re|ent|ant|it)|assassin{ER}|assassinats?|"
    rf"liquid{ER}|tuerie|elimin{ER}|neutralis{ER}|martyrs?)$"
)
WOUNDED = re.compile(
    rf"^(?:bless{ER}|blessures?|commotion(?:s|ne|nes|nee|nees)?|traumatis{ER}|traumatismes?|"
    rf"traumatiques?|hospitalis{ER}|hospitalisations?|lesions?|symptomes?|soign{ER}|brul{ER}|"
    r"brulures?|amputee?s?|touche(?:e|s|es))$"
)
BOTH = re.compile(r"^(?:victimes?|pertes?)$")
MOVED = re.compile(
    rf"^(?:redeploy{ER}|redeploie(?:nt|ment|ments)?|deplac{ER}|deplacements?|transfer{ER}|"
    rf"transferts?|repositionn{ER}|repositionnements?|relocalis{ER}|relocalisations?|reaffect{ER}|"
    rf"repli{ER}?|repli|replis|concentr(?:e|ee|es|ees|er|era|eront))$"
)
LEAVING = re.compile(
    rf"^(?:retir{ER}|retraits?|quitt{ER}|ramen{ER}|partent|partir|partira|partiront|partirait|partiraient|"
    rf"partis|partait|partaient|departs?|rapatri{ER}|rapatriements?|rentr{ER}|retours?|evacu{ER}|"
    rf"evacuations?|desengag{ER}|desengagements?|reduction|reduire|reduite?s?|reduis(?:ent|ait|aient|ant|it)|"
    rf"diminu{ER}|diminutions?|allegement|alleger|sortie?s?|sortir|sortiront|demobilis{ER})$"
)
ARRIVING = re.compile(
    rf"^(?:envoy{ER}|envoie|envoient|envois?|enverr\w+|depech{ER}|arriv{ER}|arrivees?|"
    rf"debarqu{ER}|achemin{ER}|acheminements?|supplementaires?|additionnels?|nouveaux|renforts?|"
    r"rejoindre|rejoindra|rejoindront|rejointe?s?|"
    # « un millier de soldats se sont succédé à X »: people who took turns there, counted as they came
    rf"succed{ER}|succede(?:e|s|es))$"
)
PRESENT = re.compile(
    rf"^(?:presents?|presentes?|presence|stationn{ER}|bas(?:e|es|ee|ees)|deploy{ER}|deploie|"
    rf"deploient|deploiements?|compt{ER}|rest{ER}|restants?|demeur{ER}|trouv{ER}|particip{ER}|"
    r"serv(?:ent|ir|ait|aient|ant|ira|iront)|engage(?:e|s|es)?|affecte(?:e|s|es)?|postes?|"
    r"maint(?:ien|enir|enu|enus|enue|enues|iennent|ient|iendra|iendront|enait|enaient)|"
    rf"abrit{ER}|accueill(?:e|ent|ir|ait|aient|ant|i|ie|is|ies|era)|heberg{ER}|"
    r"deten(?:ir|ait|aient|ant|u|us|ue|ues)|detien(?:t|nent)|totalis{ER}|eleve|elevent|elevait|"
    r"elevaient|eleva|montait|montaient|monte|montent|montant|atteint|atteignent|atteignait|"
    rf"comprend|comprennent|comprenait|rassembl{ER}|compose(?:e|s|es)?|composent|effectifs?|"
    rf"contingents?|dispos(?:e|ent|ait|aient|ant)|mobilise(?:e|s|es)?|cantonn{ER}|installe(?:e|s|es)?|"
    rf"sur place|avoir|ont|a|avait|avaient|aura|auront|forte?s?|depass{ER}|culmin{ER})$"
)
# a target level: "passeront à 3 000", "ramener à", "porter à", "plafonner à"
TARGET = re.compile(
    rf"^(?:pass{ER}|ramen{ER}|porte|porter|portera|porteront|porterait|abaiss{ER}|limit{ER}|"
    rf"plafonn{ER}|redui\w+|reduction|diminu{ER}|augment{ER}|ajust{ER}|objectifs?|cibles?|plafonds?)$"
)
CHANGE = re.compile(
    r"^(?:pass\w+|ramen\w+|port\w+|abaiss\w+|redui\w+|reduction|diminu\w+|augment\w+|"
    r"baiss\w+|hausse|chut\w+|croi\w+|grimp\w+|tomb\w+|recul\w+)$"
)
# a verb of plan or intent over an infinitive: the infinitive's level is planned
INTENT = re.compile(
    r"^(?:aller|va|vont|devoir|doi\w+|devr\w+|prevo\w+|prevu\w*|compt\w+|vouloir|veu\w+|voul\w+|"
    r"envisag\w+|projet\w+|entend\w+|souhait\w+|decid\w+|engag\w+|promi\w+|promet\w*|"
    r"propos\w+|planifi\w+|cherch\w+|intention|volonte|plan|objectif|projet|decision)$"
)
REPORT = re.compile(
    r"^(?:annonc\w+|declar\w+|affirm\w+|indiqu\w+|precis\w+|rapport\w+|confirm\w+|ajout\w+|"
    r"assur\w+|estim\w+|dire|dit|disent|souligne\w*|explique\w*|fait savoir|communiqu\w+|evoqu\w+|"
    r"mentionn\w+|signal\w+)$"
)

PERSON_UNITS = re.compile(
    r"^(?:soldats?|militaires?|miliciens?|paramilitaires?|peshmergas?|jihadistes?|djihadistes?|"
    r"insurges?|rebelles?|terroristes?|gardes-frontieres?|conseillers?|instructeurs?|formateurs?|entraineurs?|troupes|"
    r"soldates?|officieres?|sous-officieres?|aviatrices?|combattantes?|instructrices?|formatrices?|conseilleres?|"
    r"policieres?|gendarmes?|"
    r"personnels?|hommes?|combattants?|membres?|marines|marins?|aviateurs?|commandos?|"
    r"accompagnateurs?|gardes?|agents?|employes?|sous-traitants?|contractuels?|contractors?|"
    r"entrepreneurs?|civils?|policiers?|officiers?|sous-officiers?|experts?|personnes|"
    r"parachutistes?|legionnaires?|reservistes?|recrues?|effectifs|forces speciales|"
    r"morts?|tues?|blesses?|victimes?|chauffeurs?|gardes du corps|chefs?|commandants?|dirigeants?|"
    r"cadres?|responsables?|fideles?|partisans?|pelerins?|manifestants?|habitants?|enfants?|"
    r"femmes?|otages?|detenus?|prisonniers?|diplomates?|journalistes?|ressortissants?|interpretes?|traducteurs?|"
    r"fillettes?|garcons?|garconnets?|bebes?|nourrissons?|adolescents?|passagers?|voyageurs?|etudiants?|ecoliers?|"
    r"villageois|riverains?|martyrs?|agriculteurs?|paysans?|bergers?|ouvriers?|commercants?|medecins?|"
    r"infirmie\w+|secouristes?|touristes?|enseignants?|eleves?|fermiers?|pecheurs?|travailleurs?|passants?|"
    r"assaillants?|assaillantes?|attaquants?|agresseurs?|"
    # kin (« ses deux fils », « trois de ses frères »), guards of a prison or a site
    r"fils|freres|soeurs|epouses|cousins|neveux|proches|gardiens)$"
)
# nouns that count the people of a force (troop figures); the others count people only as victims
TROOP_UNITS = re.compile(
    r"^(?:soldats?|militaires?|miliciens?|paramilitaires?|peshmergas?|jihadistes?|djihadistes?|"
    r"conseillers?|instructeurs?|formateurs?|entraineurs?|troupes|"
    r"soldates?|officieres?|sous-officieres?|aviatrices?|combattantes?|instructrices?|formatrices?|conseilleres?|"
    r"personnels?|hommes|combattants?|membres?|marines|marins?|aviateurs?|commandos?|"
    r"accompagnateurs?|gardes?|agents?|sous-traitants?|contractuels?|contractors?|"
    r"officiers?|sous-officiers?|experts?|parachutistes?|legionnaires?|reservistes?|"
    r"effectifs|forces speciales)$"
)
# (a noun of rank has its feminine: « une soldate britannique », « une officière », « deux aviatrices »)
MILITARY_UNITS = re.compile(
    r"^(?:soldats?|militaires?|troupes|marines|marins?|aviateurs?|commandos?|officiers?|"
    r"soldates?|officieres?|sous-officieres?|aviatrices?|instructrices?|formatrices?|conseilleres?|reservistes?|"
    r"sous-officiers?|parachutistes?|legionnaires?|membres?|hommes|personnels?|conseillers?|"
    r"instructeurs?|formateurs?)$"
)
# people who are civilians by what they are (a nationality does not make them a party's)
CIVILIAN_UNITS = re.compile(
    r"^(?:civils?|civiles?|habitants?|enfants?|fillettes?|garcons?|garconnets?|bebes?|nourrissons?|adolescents?|"
    r"femmes?|passagers?|voyageurs?|pelerins?|fideles|manifestants?|etudiants?|ecoliers?|villageois|riverains?|"
    r"journalistes?|employes?|sous-traitants?|contractuels?|contractors?|entrepreneurs?|agriculteurs?|paysans?|"
    r"bergers?|ouvriers?|commercants?|medecins?|infirmie\w+|secouristes?|touristes?|enseignants?|eleves?|"
    r"fermiers?|pecheurs?|travailleurs?|passants?)$"
)
# the police and the gendarmerie are a state's forces at home: never an expeditionary force's people
POLICE_UNITS = re.compile(r"^(?:policiers?|policieres?|gendarmes?)$")
FORCE_CODES = ("IQ", "KRG", "PMF")  # the codebook's codes of forces (and government), not of nationals
HOST_FORCES = ("IQ", "KRG", "SY", "JO", "LB", "TR", "KW", "SA", "IR")
GENERIC_VICTIMS = re.compile(r"^(?:personnes?|morts?|tues?|blesses?|victimes?|gens|individus)$")
CASUALTY_NOUNS = {
    "martyrs": "killed",
    "martyr": "killed",
    "morts": "killed",
    "tues": "killed",
    "blesses": "wounded",
    "victimes": "killed_or_wounded",
    "mort": "killed",
    "tue": "killed",
    "blesse": "wounded",
    "victime": "killed_or_wounded",
}


def measure_word(word: str) -> str:
    """The measure a predicate word says (folded form or lemma), or ''."""
    w = fold(word)
    for name, rx in (
        ("killed", KILLED),
        ("wounded", WOUNDED),
        ("killed_or_wounded", BOTH),
        ("moved", MOVED),
        ("leaving", LEAVING),
        ("arriving", ARRIVING),
        ("present", PRESENT),
    ):
        if rx.match(w):
            return name
    return ""


CASUALTY_MEASURES = ("killed", "wounded", "killed_or_wounded")


def harm_named(tok, m: str) -> str:
    """The measure ``m`` of ``tok``, made precise when it is « victime(s) » or « pertes » and « de » names the harm
    right after it (« victimes de commotions cérébrales », « victimes de blessures » → wounded)."""
    if m != "killed_or_wounded":
        return m
    doc = tok.doc
    k = tok.i + 1
    if k >= len(doc) or fold(doc[k].text) not in ("de", "d'", "du", "des"):
        return m
    k += 1
    while k < len(doc) and k <= tok.i + 4 and (doc[k].pos_ in ("DET", "ADJ") and not measure_word(doc[k].text)):
        k += 1
    harm = measure_word(doc[k].text) if k < len(doc) else ""
    return harm if harm in ("killed", "wounded") else m


FLOWS = ("arriving", "leaving", "moved")
LEVELS = ("present", "planned")


# --- the parser ------------------------------------------------------------------------------------


def parser():
    """The French model with tagger, parser and lemmatizer (no NER), loaded once per process and shared
    with the event frames (see :mod:`helpers.extract.nlp`)."""
    return models.parser()


def _merge_spans(doc, merge: list[tuple[int, int]]) -> list:
    """The spans of ``doc`` to make one token each: those of ``merge`` covering two tokens or more, never
    overlapping."""
    spans, last = [], -1
    for a, b in sorted(merge):
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None and len(sp) > 1 and sp.start > last:
            spans.append(sp)
            last = sp.end - 1
    return spans


def _make_doc(nlp, text: str, merge: list[tuple[int, int]]):
    """(``text`` tokenized, whether a span of ``merge`` covers two tokens); when one does, every such span is
    made one token (otherwise the text parses as is, and its parse is shared: see :func:`parse_many`)."""
    doc = nlp.make_doc(_plain(text))
    spans = _merge_spans(doc, merge)
    if not spans:
        return doc, False
    with doc.retokenize() as r:
        for sp in spans:
            r.merge(sp)
    return doc, True


def _plain(text: str) -> str:
    # the model reads « l’armée » with a typographic apostrophe as a noun « l’ »: same length, so
    # every character offset still holds
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def parse_many(items: list[tuple[str, list[tuple[int, int]]]]) -> list:
    """The dependency parses of several sentences at once (a batch runs much faster than one
    sentence at a time), each span of its ``merge`` list (numbers) made one token. A sentence
    whose numbers are single tokens is parsed as its text: the Doc the event frames read when
    they parse the same text (:func:`helpers.extract.nlp.parse`). No sentence: nothing is parsed, and the
    model is not loaded (an article without figures needs none)."""
    if not items:
        return []
    nlp = parser()
    made: list = []
    for text, merge in items:
        # a text the event frames parsed already is read in that parse (the same tokens): not tokenized again
        done = models.shared_parse(_plain(text))
        made.append(
            (done, False) if done is not None and not _merge_spans(done, merge) else _make_doc(nlp, text, merge)
        )
    plain = [k for k, (_, m) in enumerate(made) if not m]
    merged = [k for k, (_, m) in enumerate(made) if m]
    docs: list = [None] * len(items)
    parsed, annotated = models.parse_and_annotate(  # one batch
        [_plain(items[k][0]) for k in plain], [made[k][0] for k in plain], [made[k][0] for k in merged]
    )
    for k, doc in zip(plain + merged, parsed + annotated):
        docs[k] = doc
    return docs


def parse(text: str, merge: list[tuple[int, int]]):
    """The dependency parse of ``text``, each span of ``merge`` (numbers) made one token."""
    return parse_many([(text, merge)])[0]


def token_at(doc, pos: int):
    """The token covering character ``pos`` (or the next one): the first whose end is past ``pos``, found by
    bisection on the Doc's token ends (kept in its ``user_data``: a sentence's figures each ask)."""
    ends = doc.user_data.get("token_ends")
    if ends is None:
        ends = doc.user_data["token_ends"] = [t.idx + len(t.text) for t in doc]
    i = bisect_right(ends, pos)
    if i < len(ends):
        return doc[i]
    return doc[-1] if len(doc) else None


FUTURE_FORM = re.compile(
    r"\w{3,}(?:era|eront|erait|eraient|ira|iront|irait|iraient|dra|dront|drait|draient|"
    r"ra|ront|rait|raient)$"
)


def misread_verb(h) -> bool:
    """A clause's head the tagger called an adverb (« que ses effectifs passeraient de … »: a rare conditional
    tagged ADV): an adverb never has a subject of its own."""
    return h.pos_ == "ADV" and any(c.dep_ in ("nsubj", "nsubj:pass") for c in h.children)


def _aux_future(verb) -> bool:
    # a passive « sera réduit » is often parsed as a copula and its participle: « sera » says its tense still
    # (in the future only: « seraient présents » is the conditional of a claim reported, not a plan)
    if any(c.dep_ == "cop" and "Fut" in c.morph.get("Tense") for c in verb.children):
        return True
    for t in [verb] + [c for c in verb.children if c.dep_.startswith("aux")]:
        if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
            return True
        # the tagger misreads rare forms (« maintiendra », « passeraient »)
        verbish = t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or misread_verb(t)
        if verbish and "Inf" not in t.morph.get("VerbForm") and FUTURE_FORM.fullmatch(fold(t.text)):
            return True  # "maintiendront": the tagger does not always mark the future
        if t.i != verb.i and fold(t.lemma_) in ("aller", "devoir"):
            return True
    return False


def _infinitive(verb) -> bool:
    """An infinitive, simple or compound: « réduire », and « être ramené », « avoir quitté » (a participle
    whose auxiliary is the infinitive)."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children
    )


def future(verb) -> bool:
    """A verb in the future or conditional (or after « va », « doit »), or an infinitive or a
    noun under a verb or noun of plan or intent (« compte réduire », « décidé de porter »)."""
    if _aux_future(verb):
        return True
    if (
        verb.dep_ == "conj"
        and verb.head.i != verb.i
        and _is_participle(verb)
        and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in verb.children)
    ):
        # « sera réduit de 20 en juillet, puis ramené à 45 »: a participle with no auxiliary of its own shares
        # the tense of the verb it is coordinated with
        return future(verb.head)
    if _infinitive(verb) and _intent_before_de(verb):
        return True
    h = verb
    for _ in range(3):
        if not (_infinitive(h) or h.pos_ == "NOUN") or h.head.i == h.i:
            return False
        up = h.head
        if INTENT.match(fold(up.lemma_)) or INTENT.match(fold(up.text)) or _aux_future(up):
            return True
        h = up
    return False


def _intent_before_de(verb) -> bool:
    """« prévoit de maintenir », « envisage d'envoyer »: the word right before the « de » that introduces an infinitive
    is a verb or noun of intent, as written (the parse of a sentence opened by « Selon X, » often hangs the infinitive
    on the subject, the verb of intent tagged as an adjective)."""
    i = verb.i - 1
    doc = verb.doc
    if i < 1 or fold(doc[i].text) not in ("de", "d'"):
        return False
    w = doc[i - 1]
    return w.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and bool(INTENT.match(fold(w.text)) or INTENT.match(fold(w.lemma_)))


# --- where ------------------------------------------------------------------------------------------

SCOPE_NAMES: list[tuple[str, re.Pattern]] = [
    ("Iraq", re.compile(r"\b(?:irak|iraq|sol irakien|territoire irakien|irak federal)\b")),
    ("Syria", re.compile(r"\bsyrie\b")),
    ("Kuwait", re.compile(r"\bkoweit\b")),
    ("Jordan", re.compile(r"\bjordanie\b")),
    ("Lebanon", re.compile(r"\bliban\b")),
    ("Qatar", re.compile(r"\bqatar\b")),
    ("Afghanistan", re.compile(r"\bafghanistan\b")),
    ("Mali", re.compile(r"\bmali\b")),
    ("Turkey", re.compile(r"\bturquie\b")),
    ("Iran", re.compile(r"\biran\b")),
    ("Germany", re.compile(r"\ballemagne\b")),
    ("United States", re.compile(r"\betats-unis\b")),
    ("United Arab Emirates", re.compile(r"\bemirats\b")),
    ("Bahrain", re.compile(r"\bbahrein\b")),
    ("Saudi Arabia", re.compile(r"\barabie saoudite\b")),
    ("Europe", re.compile(r"\beurope\b")),
    ("Middle East", re.compile(r"\b(?:moyen-orient|proche-orient|la region|golfe)\b")),
    ("Sahel", re.compile(r"\bsahel\b")),
    ("Israel", re.compile(r"\bisrael\b")),
    ("Chad", re.compile(r"\btchad\b")),
    ("Niger", re.compile(r"\bniger\b")),
    ("Libya", re.compile(r"\blibye\b")),
    ("Yemen", re.compile(r"\byemen\b")),
    ("Egypt", re.compile(r"\begypte\b")),
    ("Somalia", re.compile(r"\bsomalie\b")),
    ("Kosovo", re.compile(r"\bkosovo\b")),
    ("Djibouti", re.compile(r"\bdjibouti\b")),
    ("Cyprus", re.compile(r"\bchypre\b")),
    ("Estonia", re.compile(r"\bestonie\b")),
    ("Lithuania", re.compile(r"\blituanie\b")),
    ("Poland", re.compile(r"\bpologne\b")),
    ("Romania", re.compile(r"\broumanie\b")),
]
PLACE_PREP = re.compile(
    r"(?:\b(?:en|au|aux|a|dans|vers|depuis|de|d'|du|des|hors de|hors d'|pres de|pres d'|sur|"
    r"base de|base d'|camp de|aeroport de|aeroport d')\s*(?:l'|la |le |les )?)$"
)
SPECIFIC = {"base": 0, "airport": 0, "zone": 0, "city": 1, "region": 2, "country": 3}


def scope_label(place_id: str, kind: str) -> str:
    """How a figure's scope is written: a country's name, else the place id."""
    if kind == "country":
        return "Iraq" if place_id == "iraq" else place_id.replace("-", " ").title()
    return place_id


SCOPE_PATTERNS = WordPatterns(SCOPE_NAMES)


def _places(folded: str, gazetteer: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, int]]:
    """(start, end, scope label, specificity) of the place phrases of a sentence."""
    found = []
    for a, b, pid, kind in gazetteer:
        if PLACE_PREP.search(folded[max(0, a - 16) : a]) or kind in ("base", "airport", "zone"):
            found.append((a, b, scope_label(pid, kind), SPECIFIC.get(kind, 3)))
    for label, rx in SCOPE_PATTERNS.runnable(folded):
        for m in rx.finditer(folded):
            if any(a <= m.start() < b for a, b, *_ in found):
                continue
            if label == "Middle East" or PLACE_PREP.search(folded[max(0, m.start() - 16) : m.start()]):
                found.append((m.start(), m.end(), label, 3))
    return sorted(found)


def _path_len(a, b) -> int:
    """Edges between two tokens of a parse."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    idx = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(up_b):
        if t.i in idx:
            return idx[t.i] + n
    return 99


# --- the victims' side: whom the violence was aimed at --------------------------------------------------

# what introduces the object of violence, read on the lower-cased text as written (accents tell the
# participle « frappé » from the noun « frappe »)
STRUCK_AT = re.compile(
    r"\b(?:contre(?!\s+(?:\d|quelque|environ|plus|près|moins|seulement))|vis(?:ée?s?|ant|ait|aient|ent|er)|"
    r"cibl(?:ée?s?|ant|ait|aient|ent|er)|pris(?:es)? pour cibles?|frapp(?:ée?s?|ant|ait|aient|ent|er)|"
    r"bombard(?:ée?s?|ant|ait|aient|ent|er)|pilonn(?:ée?s?|ant|ait|aient|ent|er)|touch(?:ée?s?|ant|ait|aient)|"
    r"attaqu(?:ée?s?|ant|ait|aient|ent|er)|(?:abattu|tomb|tir|lanc|écras)\w* (?:sur|contre))\b"
)
# where the object ends: the toll, the source, the attacker (« par des drones américains »), another clause
STRUCK_END = re.compile(
    r"[;.:»«()]|\b(?:tuant|blessant|faisant|causant|provoquant|selon|d'apres|par|lors|apres|avant|en (?:riposte|represailles)|"
    r"qui (?:a|ont|avait|avaient|aurait|auraient) (?:fait|tue|blesse|cause|coute))\b|"
    r",(?!\s*(?:qui (?:abrit|accueill|heberg)|abritant|accueillant|hebergeant|ou (?:sont|se trouv|stationn|etaient)))"
)
STRUCK_PLACE = re.compile(r"\s*(?:a|au|aux|dans|pres d\w*|en|sur|vers)\s+[^,]*$")
STRUCK_OBJECT = re.compile(
    r"\s*(?:des|les|la|le|l'|un|une|plusieurs|ses|leurs|ces|deux|trois|quatre|cinq|au|aux|dans|pres d\w*)\b"
)
MIXED_FORCES = re.compile(r"\b(?:internationa\w+|etrangere?s?|multinationa\w+|occidenta\w+)\b")
CIVILIAN_PLACES = re.compile(
    r"\b(?:marches?|mosquees?|eglises?|ecoles?|hopita\w+|foules?|cortege|procession|pelerins|quartiers? (?!general)\w+|"
    r"quartiers?$|habitations?|maisons?|immeubles? d'habitation|residentiel\w*|cafes?|restaurants?|mariages?|"
    r"funerailles|autobus|minibus|bus|camps? de deplaces|villages?|marche|ceremonie|commemoration|rassemblement|"
    r"pelerinage|fete)\b"
)


BOMBING = re.compile(
    r"\b(?:attentats?(?:-suicides?)?|explosions?|kamikazes?|voitures? piegees?|bombes?|engins? explosifs?)\b"
)
CIVILIAN_CROWDS = re.compile(r"\b(?:ceremonie|commemoration|rassemblement|foule|cortege|procession|pelerinage|fete)\b")


# a violence noun and its own relative clause of harm, right before a toll: « l'attentat qui avait fait », « une explosion
# ayant tué »
TOLL_RELATIVE = re.compile(
    r"\b(?:attentats?(?:-suicides?)?|explosions?|voitures? piegees?|bombes?|attaques?|frappes?|bombardements?|tirs?)"
    r"\b[^;.,]{0,60}?\b(?:qui|ayant)\s+(?:[a-z]+\s+){0,2}?(?:fait|tue|blesse|cause|coute la vie a)\s*"
    r"(?:quelque|environ|pres de|plus de|au moins|moins de)?\s*$"
)
PASSIVE_AUX = re.compile(
    r"\b(?:ete|etre|est|sont|etait|etaient|fut|furent)\s+(?:[a-z]+ment\s+|deja\s+|encore\s+|de nouveau\s+|aussi\s+)?$"
)
STREETS = re.compile(
    r"\b(?:rues?|avenues?|boulevards?|arteres?|centre-ville|centres? commerci\w+|gares? routieres?|places? publiques?)\b"
)


def struck_party(text: str, agent=(), stop: int | None = None) -> tuple[bool, str]:
    """Whom the violence a sentence tells was aimed at, by the words of its object: (whether the
    sentence names an object of violence, the party of that object or '').

    « ont visé cinq positions des Brigades du Hezbollah en Irak » → PMF; « contre une base de la
    coalition » → coalition; « contre un marché » → civilians; « une base irakienne abritant des forces
    américaines et internationales » → '' (several: the victims are a mixed group); « contre la région
    d'al-Qaïm » → '' (a place, nobody's). ``agent``: codes of who did it, never the victims; ``stop``: where
    to stop reading (the toll's own position in the sentence)."""
    low = text.lower()
    folded = fold(text)
    rel = TOLL_RELATIVE.search(folded[:stop]) if stop is not None else None
    if rel and rel.start() > 0:
        # « …contre les positions kurdes, en représailles à l'attentat qui avait fait huit morts … »: a toll told in
        # the relative clause of another violence is that violence's (its own object, if it names one); a bombing
        # in a street is one of civilians; else the toll is nobody's in particular, not the main clause's target
        _, party = struck_party(text[rel.start() :], agent, stop - rel.start())
        where = re.split(r"[;.]|\bet qu|\bqu'|\bque\b", folded[stop:])[0]
        if (
            not party
            and BOMBING.match(folded, rel.start())
            and (CIVILIAN_PLACES.search(where) or STREETS.search(where))
        ):
            party = "civilians"
        return True, party
    named = False
    blast = BOMBING.search(folded[:stop] if stop is not None else folded)
    for m in STRUCK_AT.finditer(low):
        if stop is not None and m.start() >= stop:
            break
        aux = PASSIVE_AUX.search(folded[: m.start()]) if re.search(r"(?:é|ée|és|ées)$", m.group()) else None
        if aux:
            # « un dépôt du Hachd … a été touché par une explosion »: a passive's subject is what was struck
            clause = re.split(r"[;:.]", folded[: aux.start()])[-1]
            clause = re.sub(r"^\s*(?:selon|d'apres)[^,]*,", "", clause)
            codes = [c for c in head_wins(parties_in(clause), clause) if c not in agent]
            if MIXED_FORCES.search(clause):
                codes.append("coalition")
            if codes:
                party = combine(codes)
                return True, party if party != "other" else ""
        begin = m.end()
        for _ in range(3):
            end = STRUCK_END.search(folded, begin)
            b = min(end.start() if end else len(folded), m.end() + 140, stop if stop is not None else len(folded))
            span = folded[begin:b]
            # « ont visé à X, au sud de Y, des membres du groupe Z »: a place told first, between commas, is
            # where; the object comes after it (a span that names a side is the object: « visé dans la nuit des
            # positions du groupe Z, au sud de Y »)
            if not (
                STRUCK_PLACE.match(span)
                and end
                and folded[end.start()] == ","
                and end.end() < b + 2
                and not [c for c in parties_in(span) if c not in agent]
                and STRUCK_OBJECT.match(folded, end.end())
            ):
                break
            begin = end.end()
        if not span.strip():
            continue
        named = True
        codes = [c for c in head_wins(parties_in(span), span) if c not in agent]
        if MIXED_FORCES.search(span):
            codes.append("coalition")
        if not codes and CIVILIAN_PLACES.search(span):
            codes = ["civilians"]
        if codes:
            party = combine(codes)
            return True, party if party != "other" else ""
    if not named and blast:
        # « un double attentat a fait 84 morts lors d'une cérémonie »: a bombing of a crowd or a public place
        around = folded[max(0, blast.start() - 80) : blast.end() + 140]
        codes = [c for c in head_wins(parties_in(around), around) if c not in agent and c != "IS"]
        if CIVILIAN_PLACES.search(around) and not codes:
            return True, "civilians"
    return named, ""


# --- context: the force the article is talking about -------------------------------------------------


class Context:
    """Party mentions of an article in order, to resolve « ils », « ces militaires », a bare
    « 2 500 militaires » to the force last named (read on first use: most articles never ask)."""

    def __init__(self, text: str):
        self.text = text
        self._mentions: list[tuple[int, str]] | None = None

    @property
    def mentions(self) -> list[tuple[int, str]]:
        """(position, code) of every party the article names."""
        if self._mentions is None:
            self._mentions = parties_in(fold(self.text))
        return self._mentions

    def before(self, pos: int, exclude=("IS", "civilians")) -> str:
        """The code of the last party named before ``pos`` (not one of ``exclude``), or ''."""
        for p, code in reversed(self.mentions):
            if p < pos and code not in exclude:
                return code
        return ""

    def armed_group_before(self, pos: int) -> str:
        """The armed group of no state (the Islamic State, the Hachd's factions) last named before ``pos``, or '':
        what « l'organisation », « le groupe » stand for when the article never used that noun before."""
        return next((code for p, code in reversed(self.mentions) if p < pos and code in ARMED_GROUPS), "")


ARMED_GROUPS = ("IS", "PMF")
FOREIGN_ONLY = ("IS", "civilians", "IQ", "PMF", "IR", "KRG")
PRONOUN = re.compile(r"^(?:il|ils|elle|elles|on|celui-ci|celle-ci|ceux-ci|celles-ci|lui|eux)$")


# --- reading a sentence ----------------------------------------------------------------------------

_SKIP_NP = {
    "acl",
    "acl:relcl",
    "advcl",
    "appos",
    "obl",
    "obl:mod",
    "obl:arg",
    "obl:agent",
    "parataxis",
    "ccomp",
    "xcomp",
    "punct",
    "mark",
    "cc",
}
_LOC_CASE = {
    "en",
    "a",
    "au",
    "aux",
    "dans",
    "vers",
    "depuis",
    "pour",
    "par",
    "contre",
    "sur",
    "avec",
    "hors",
    "pres",
    "selon",
    "apres",
    "avant",
    "lors",
    "sous",
}


def np_party(tok) -> str:
    """The party a noun phrase names in its own words (« Des responsables de la coalition
    dirigée par les USA » → coalition: relative and participial clauses are not its own)."""
    keep = []

    def walk(t, depth):
        keep.append(t)
        if depth > 4:
            return
        for c in t.children:
            if c.dep_ in _SKIP_NP:
                continue
            if c.dep_ == "nmod" and any(fold(x.text) in _LOC_CASE for x in c.children if x.dep_ == "case"):
                continue
            walk(c, depth + 1)

    walk(tok, 0)
    keep.sort(key=lambda t: t.i)
    words = " ".join(fold(t.text) for t in keep)
    return combine(head_wins(parties_in(words), words))


NATIONALITY = re.compile(
    r"^(?:americain|francais|britannique|tcheque|allemand|italien|espagnol|canadien|australien|"
    r"neerlandais|danois|norvegien|roumain|croate|hongrois|polonais|belge|suedois|finlandais|"
    r"portugais|turc|turque|jordanien|iranien|irakien|kurde|syrien|libanais|russe|us|slovaque|"
    r"slovene|bulgare|grec|grecque|lituanien|letton|estonien|albanais|philippin|nepalais|"
    r"indien|pakistanais|japonais|chinois|fidjien|ougandais|kenyan|saoudien|qatari|koweitien|"
    r"emirati|egyptien|israelien)(?:ne|nes|e|s|es)?$"
)


def _is_participle(t) -> bool:
    """A past participle or an adjective of state (« blessés », « présents », « morts »); a finite verb
    the tagger knows is not one (« quitteront »)."""
    form = t.morph.get("VerbForm")
    if "Part" in form:
        return True
    if form or FUTURE_FORM.fullmatch(fold(t.text)):
        return False
    return (
        t.pos_ in ("ADJ", "VERB")
        and bool(re.search(r"(?:e|es|ee|ees|is|ies|us|ues|ts|t|nts?)$", fold(t.text)))
        and bool(measure_word(t.text))
    )


def _np_end(doc, i: int) -> int:
    """Index of the first token after the noun phrase whose head noun is token ``i``:
    adjectives, « US », « de la coalition », « de l'armée de l'air espagnole », « irakiens et
    iraniens »; a participle (a predicate), a verb, a place or a punctuation ends it."""
    j = i + 1
    in_de = False  # inside « du groupe chiite irakien X »: a tagger's noun there still qualifies
    while j < len(doc):
        t = doc[j]
        f = fold(t.text)
        if in_de and t.pos_ == "NOUN" and t.text[:1].islower() and not measure_word(f):
            j += 1
            continue
        if NATIONALITY.match(f):  # the tagger sometimes reads « danois » as a verb
            j += 1
            continue
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "NUM") or f in ("qui", "que", "dont", "ou"):
            break
        if t.pos_ in ("ADJ", "PROPN") or (
            party_of(f) and f not in ("irak", "iraq") and not LOCATIVE.search(fold(doc[j - 1].text) + " " + f)
        ):
            if _is_participle(t) and not party_of(f):
                break
            j += 1
            continue
        if f in ("de", "d'", "du", "des") and j + 1 < len(doc):
            k = j + 1
            while k < len(doc) and doc[k].pos_ == "DET":
                k += 1
            if (
                k < len(doc)
                and doc[k].pos_ in ("NOUN", "PROPN", "ADJ")
                and not SCOPE_NAMES[0][1].match(fold(doc[k].text))
            ):
                nxt = fold(doc[k].text)
                if any(rx.fullmatch(nxt) for _, rx in SCOPE_NAMES) and doc[k - 1].pos_ != "DET":
                    break  # "d'Afghanistan": from where
                j, in_de = k + 1, True
                continue
            break
        if (
            f == "et"
            and j + 1 < len(doc)
            and (
                NATIONALITY.match(fold(doc[j + 1].text))
                or (
                    party_of(fold(doc[j + 1].text))
                    and not any(rx.fullmatch(fold(doc[j + 1].text)) for _, rx in SCOPE_NAMES)
                )
            )
        ):
            j += 2
            continue
        break
    return j


def _own_predicates(doc, head, end: int) -> list[tuple[str, object]]:
    """(measure, token) said by the figure's own words: its noun (« morts »), adjectives
    (« supplémentaires »), participles and relative clause right after it (« blessés »,
    « présents en Irak », « qui seront retirés »), the participles the parse hangs on it."""
    out = []
    if head is not None:
        m = CASUALTY_NOUNS.get(fold(head.text))
        if m:
            out.append((m, head))
    for t in doc[head.i + 1 if head is not None else end : end]:
        m = measure_word(t.text)
        if m and t.pos_ in ("ADJ", "NOUN") and m != "present" or m == "arriving":
            out.append((m, t))
    j = end
    while j < len(doc) and j < end + 6:
        t = doc[j]
        f = fold(t.text)
        if (
            f in ("ou", "et")
            and j + 1 < len(doc)
            and (
                doc[j + 1].pos_ in ("DET", "NUM", "PRON", "PROPN")
                or fold(doc[j + 1].text).endswith("ant")
                or j + 2 < len(doc)
                and (doc[j + 2].pos_ in ("DET", "NUM", "PROPN") or doc[j + 2].like_num)
            )
        ):
            break  # "… et blessé un militaire", « … et blessé dix-huit personnes »: another verb, its own object
        if f in (
            "ou",
            "et",
            "autres",
            "ont",
            "sont",
            "ete",
            "etaient",
            "avaient",
            "deja",
            "encore",
            "toujours",
            "actuellement",
            "desormais",
            "aussi",
            "egalement",
            "qui",
            "seront",
            "restent",
            "y",
            "se",
            "s'",
            "legerement",
            "grievement",
            "gravement",
            "mortellement",
        ):
            j += 1
            continue
        m = measure_word(t.text) or measure_word(t.lemma_)
        gerund = fold(t.text).endswith("ant") and t.pos_ == "VERB"  # "et blessant quatre soldats": a new clause
        if m and t.pos_ in ("ADJ", "VERB", "NOUN") and not gerund:
            out.append((m, t))
            j += 1
            # past a participle, only a coordinated one (« tués ou blessés ») is still the figure's own:
            # « les 400 militaires encore présents quitteront le pays » — « quitteront » is the clause's verb
            k = j + 1 if j < len(doc) and fold(doc[j].text) in ("ou", "et") else j
            if out[-1][1].pos_ != "AUX" and (
                k >= len(doc) or not _is_participle(doc[k]) or not measure_word(doc[k].text)
            ):
                break
            continue
        break
    out = [(harm_named(t, m), t) for m, t in out]
    if head is not None:
        for c in head.children:
            if c.dep_ == "acl:relcl" and any(fold(x.text) == "dont" for x in c.subtree):
                continue  # "dont la plupart sont partis": said of a part, not of the figure
            if c.dep_ in ("acl", "acl:relcl", "amod") and c.i >= head.i:
                m = measure_word(c.lemma_) or measure_word(c.text)
                if m:
                    out.append((m, c))
                for g in list(c.children)[:6]:  # "ayant présenté des symptômes": the toll in its object
                    if c.dep_ == "amod" or g.dep_ not in ("obj", "obl", "obl:arg", "obl:mod", "nmod"):
                        continue
                    gm = measure_word(g.text)
                    if gm in CASUALTY_MEASURES:
                        out.append((gm, g))
    return out


MODAL = re.compile(
    r"^(?:aller|devoir|pouvoir|vouloir|commencer|continuer|cesser|finir|venir|sembler|paraitre|"
    r"compter|prevoir|esperer|souhaiter|envisager)$"
)


def predicate_after(doc, end: int) -> tuple[str, object]:
    """The verb that follows a subject noun phrase, past an apposition (« trois personnes, deux
    chefs … et leur chauffeur, ont péri »): for when the parse hangs the phrase elsewhere."""
    j = end
    listed = _list_end(doc, end)
    if listed is not None:
        j = listed  # « 40 de leurs combattants, 77 gardiens et employés … ainsi que 4 civils ont perdu la vie »
    elif j < len(doc) and doc[j].text == ",":
        k = j + 1
        while k < len(doc) and k < j + 25 and doc[k].text != ",":
            k += 1
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].pos_ in ("AUX", "VERB"):
            j = k + 1
        else:
            return "", None
    elif j < len(doc) and fold(doc[j].text) in ("et", "ou"):
        # « environ 100 soldats et six Bradley seront envoyés »: a subject of coordinated noun phrases shares the verb
        k = j + 1
        while (
            k < len(doc)
            and k < j + 8
            and (doc[k].pos_ in ("DET", "NUM", "NOUN", "PROPN", "ADJ") or fold(doc[k].text) in ("de", "d'"))
        ):
            k += 1
        if (
            k > j + 1
            and k < len(doc)
            and doc[k].pos_ in ("AUX", "VERB")
            and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            j = k
        else:
            return "", None
    while j < len(doc) and (
        doc[j].pos_ == "AUX"
        or fold(doc[j].text) in ("ont", "ete", "sont", "deja", "aussi", "egalement", "ne", "n'", "y")
    ):
        j += 1
    if j < len(doc):
        if _death_idiom(doc[j]):
            return "killed", doc[j]  # « ont perdu la vie »
        m = measure_word(doc[j].text) or measure_word(doc[j].lemma_)
        if m:
            return m, doc[j]
    return "", None


LIST_LINK = re.compile(r"^(?:,|et|ou|ainsi|que|qu'|de|d'|du|des)$")


def _list_end(doc, end: int):
    """Where the verb after a listed subject starts (« A, B et C ainsi que D ont perdu … »): from the end of the first
    noun phrase, only noun phrases of a number or a determiner, joined by commas, « et », « ou », « ainsi que »,
    up to a verb (or its auxiliary); None when something else comes first or no link follows the first phrase."""
    k = end
    if k >= len(doc) or fold(doc[k].text) not in (",", "et", "ou", "ainsi"):
        return None
    links = 0
    while k < len(doc) and k < end + 30:
        t = doc[k]
        f = fold(t.text)
        if LIST_LINK.match(f):
            links += f in (",", "et", "ou", "ainsi")
        elif t.pos_ in ("AUX", "VERB") and k > end and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            return k if links and t.pos_ == "AUX" or links and "Fin" in t.morph.get("VerbForm") else None
        elif t.pos_ in ("VERB", "AUX") or t.is_punct or t.pos_ in ("SCONJ", "PRON"):
            return None
        elif not (t.pos_ in ("DET", "NUM", "NOUN", "PROPN", "ADJ", "ADV") or t.like_num):
            return None
        k += 1
    return None


QUOTES = ("«", "»", '"', "“", "”")


def _governors(tok, limit: int = 6) -> list:
    """The words that govern ``tok`` up to and including its clause's verb (nouns of a chain of
    « de » complements first: « le retrait de 14 soldats » → retrait). A verb right before the
    figure governs it whatever the parse says (« tuant un sous-traitant et blessant quatre
    soldats »: the parser often hangs the second object on the first). A modal's infinitive
    (« vont partir ») is the content verb."""
    chain, t = [], tok
    doc = tok.doc
    j = tok.i - 1
    while j >= 0:
        f = fold(doc[j].text)
        if (
            doc[j].pos_ in ("DET", "NUM")
            or doc[j].like_num
            or f
            in (
                "au",
                "moins",
                "plus",
                "environ",
                "quelque",
                "pres",
                "seulement",
                "ses",
                "leurs",
                "les",
                "des",
                "quelques",
                "autres",
            )
        ):
            j -= 1
        elif (
            f in ("de", "d'")
            and j >= 1
            and (doc[j - 1].pos_ == "NUM" or fold(doc[j - 1].text) in ("moins", "plus", "pres"))
        ):
            j -= 1  # "quatre de leurs membres", "plus de 500"
        else:
            break
    if (
        j >= 0
        # (a present participle is a verb whatever the tagger says: « en blessant huit autres » tagged ADJ; so is a
        # word with a subject of its own: « l'Italie maintient moins de 400 » with « maintient » tagged ADV)
        and (
            doc[j].pos_ == "VERB"
            or misread_verb(doc[j])
            or re.fullmatch(r"[a-z]+ant", fold(doc[j].text))
            and measure_word(doc[j].text)
        )
        and doc[j].text not in QUOTES  # the tagger's guess for a quotation mark
        and not re.match(r"^(?:a|ont|avait|avaient)$", fold(doc[j].text))
    ):
        chain.append(doc[j])
        return chain + _modal_content(doc[j])
    # the preposition (« des » was passed over as a determiner above), then the noun past its own adjectives,
    # quoted or coordinated (« l'envoi « immédiat » de », « le retrait « total » et « rapide » des »)
    p = j if j >= 0 and fold(doc[j].text) in ("de", "d'", "du", "des") else j + 1
    k = p - 1
    while k >= 1 and k > p - 8 and (doc[k].pos_ == "ADJ" or doc[k].text in QUOTES or fold(doc[k].text) in ("et", ",")):
        k -= 1
    if (
        p < tok.i
        and k >= 0
        and fold(doc[p].text) in ("de", "d'", "du", "des")
        and doc[k].pos_ == "NOUN"
        and measure_word(doc[k].text)
    ):
        chain.append(doc[k])  # "la mort d'un employé", "le retrait de 500 soldats"
    for _ in range(limit):
        h = t.head
        if h.i == t.i:
            break
        if t.dep_ == "conj":  # a conjunct is governed as its first conjunct is
            t = h
            continue
        chain.append(h)
        if h.pos_ in ("VERB",) or (h.pos_ == "AUX" and h.dep_ == "ROOT") or misread_verb(h):
            chain += _modal_content(h)
            break
        if h.pos_ == "ADJ" and (_is_participle(h) or fold(h.text) in ("fort", "forte", "forts", "fortes")):
            break  # « la mission, forte de 500 personnes, … »: the adjective is the figure's own predicate
        t = h
    return chain


def _modal_content(verb) -> list:
    if MODAL.match(fold(verb.lemma_)):
        return [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return []


def _clause_verb(chain):
    """The verb of the clause in a chain of governors (a root the tagger missed counts as one)."""
    for h in chain:
        if (
            h.pos_ in ("VERB", "AUX")
            or _is_participle(h)
            or misread_verb(h)
            or (h.dep_ == "ROOT" and h.pos_ in ("ADV", "ADJ", "NOUN") and measure_word(h.text))
        ):
            return h
    return None


CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "acl:relcl", "conj", "parataxis", "xcomp")


def _measure_of(chain) -> tuple[str, object]:
    """The measure the first governor of a chain says, and that governor: a death idiom (« a coûté la vie à »),
    losing people (« a perdu 300 hommes »), crossing a border, a wound named as a verb's object, else the word's own
    measure; ('', None) when none says one."""
    for h in chain:
        if h.pos_ == "AUX":
            continue
        # a clause's head with a subject is its verb even when the tagger calls it a noun (« que 64 militaires
        # souffraient de … »: a rare form tagged NOUN)
        verbish = h.pos_ == "VERB" or (
            h.pos_ == "NOUN" and h.dep_ in CLAUSE_DEPS and any(c.dep_ in ("nsubj", "nsubj:pass") for c in h.children)
        )
        if verbish and _death_idiom(h):
            return "killed", h
        if h.pos_ == "VERB" and fold(h.lemma_) == "perdre":
            # « l'alliance dit avoir perdu plus de 11 000 combattants »: the people a force lost are its dead
            return "killed", h
        if _crossing(h):
            return "moved", h
        if verbish and not measure_word(h.lemma_) and not measure_word(h.text):
            # "avaient souffert de traumatismes crâniens", "ont subi des blessures": the wound is named
            complements = ("obj", "obl", "nmod") if h.pos_ == "NOUN" else ("obj", "obl")  # a noun's are nmod
            for c in h.children:
                if c.dep_.startswith(complements) and measure_word(c.text) in CASUALTY_MEASURES:
                    return measure_word(c.text), c
        w = fold(h.lemma_) if h.pos_ == "VERB" else fold(h.text)
        m = measure_word(w) or measure_word(h.text)
        if not m and h.pos_ == "VERB" and w == "revenir" and _causative(h):
            m = "leaving"  # « X a fait revenir 200 de ses soldats »: a state brings its own people home
        if m == "present" and h.pos_ == "VERB" and w in ("avoir",) and h.dep_ not in ("ROOT", "ccomp", "conj", "xcomp"):
            continue
        if m:
            return harm_named(h, m), h
    return "", None


# « a coûté la vie à », « ont perdu / laissé la vie », « ont trouvé la mort »: a verb whose object is the life lost
# or the death met says killed, whatever the verb says alone (« trouver » is also « se trouver », to be somewhere)
DEATH_IDIOMS = {"couter": "vie", "perdre": "vie", "laisser": "vie", "trouver": "mort"}


def _death_idiom(verb) -> bool:
    obj = DEATH_IDIOMS.get(fold(verb.lemma_)) or DEATH_IDIOMS.get(fold(verb.text))
    return obj is not None and any(
        fold(c.text) == obj and c.dep_ in ("obj", "obl", "obl:arg", "nsubj", "nsubj:pass") for c in verb.children
    )


def _crossing(verb) -> bool:
    """« franchissent la frontière », « ont traversé la frontière »: crossing a border is a move from one country
    to another (« franchir la barre des 1 000 » is a level reached, not a crossing)."""
    # (a headline's verb is often tagged an adjective: read by its form too)
    crossing = fold(verb.lemma_) in ("franchir", "traverser") or re.match(r"(?:franchi|travers)\w+$", fold(verb.text))
    return bool(crossing) and any(
        c.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and re.match(r"frontieres?$", fold(c.text))
        for c in verb.children
    )


def _causative(verb) -> bool:
    """« faire » right before the infinitive (« a fait revenir », « fera revenir »)."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    return prev is not None and fold(prev.lemma_) == "faire"


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            return c
    return misread_subject(verb)


def misread_subject(verb):
    """The noun a finite verb was hung on as if it qualified it (« Daech maintiendrait 3 000 combattants »
    parsed as a noun phrase, the verb its modifier): a finite verb qualifies a noun only through a relative
    pronoun, so with none, the noun that heads the sentence before it is its subject. None otherwise."""
    h = verb.head
    if (
        verb.dep_ != "acl"
        or verb.pos_ not in ("VERB", "AUX")
        or "Fin" not in verb.morph.get("VerbForm")
        or h.dep_ != "ROOT"
        or h.pos_ not in ("NOUN", "PROPN")
        or h.i > verb.i
    ):
        return None
    if any(c.i < verb.i and (c.dep_ in ("mark", "obj") or "Rel" in c.morph.get("PronType")) for c in verb.children):
        return None
    return h


def _misread_is(subj, verb) -> bool:
    m = misread_subject(verb)
    return m is not None and m.i == subj.i


def _verbs_up(tok):
    """Verbs above ``tok``, nearest first."""
    out = []
    for a in [tok] + list(tok.ancestors):
        if a.pos_ in ("VERB", "AUX") or _is_participle(a) or a.dep_ == "ROOT":
            out.append(a)
    return out


def _party_of_subject(subj, context: Context, sent_start: int, exclude=FOREIGN_ONLY) -> str:
    f = fold(subj.text)
    if subj.pos_ == "PRON" and PRONOUN.match(f):
        return context.before(sent_start + subj.idx, exclude=exclude)
    if subj.pos_ == "PRON" and f in ("qui",) and subj.head.head.i != subj.head.i:
        ante = subj.head.head
        if ante.pos_ in ("VERB", "AUX"):
            # a relative the parser hung on the verb: « qui » follows its antecedent, the noun phrase right
            # before it (« X dirige la mission de l'OTAN, qui compte … »: the mission, not X)
            before = [t for t in subj.doc[max(0, subj.i - 3) : subj.i] if t.pos_ in ("NOUN", "PROPN")]
            if before:
                ante = before[-1]
                while ante.dep_ == "nmod" and ante.head.pos_ in ("NOUN", "PROPN") and ante.head.i < ante.i:
                    ante = ante.head
        if np_party(ante):
            return np_party(ante)
        # « la fin de l'organisation, qui compte … »: the noun right before « qui » can be the antecedent too
        near = [t for t in subj.doc[max(0, subj.i - 3) : subj.i] if t.pos_ in ("NOUN", "PROPN")]
        return next((p for t in [ante] + near[-1:] if (p := _named_body(t, context, sent_start))), "")
    # « Le groupe compterait encore 2 000 combattants »: a body with no name of its own is the one named before
    return np_party(subj) or _leader_party(subj) or _named_body(subj, context, sent_start)


# heads of state and government, defence and foreign ministers of the years covered, by surnames no other word of a
# French article is: a leader as a subject stands for his state (« Donald Trump a ordonné le retrait de … soldats »)
LEADERS = [
    ("US", re.compile(r"\b(?:trump|biden|obama|pompeo|blinken|esper|mattis|hegseth|shanahan)\b")),
    ("FR", re.compile(r"\b(?:macron|hollande|le drian|lecornu)\b")),
    ("UK", re.compile(r"\b(?:boris johnson|sunak|starmer)\b")),
    ("CA", re.compile(r"\b(?:trudeau)\b")),
    ("IT", re.compile(r"\b(?:meloni|draghi)\b")),
    ("DE", re.compile(r"\b(?:merkel|scholz)\b")),
    ("IQ", re.compile(r"\b(?:kazimi|kadhimi|soudani|sudani|abdel[- ]mahdi)\b")),
    ("IR", re.compile(r"\b(?:khamenei|rohani|raissi|raisi|pezeshkian)\b")),
]


def _leader_party(subj) -> str:
    """The state a subject names by its leader's name (the name itself and its flat parts only)."""
    words = " ".join(fold(t.text) for t in subj.subtree if t.i == subj.i or t.dep_ in ("flat:name", "flat", "appos"))
    return next((code for code, rx in LEADERS if rx.search(words)), "")


BODY_NOUNS = re.compile(r"^(?:organisation|groupe|mouvement|milice)$")


def _named_body(noun, context: Context, sent_start: int) -> str:
    """« l'organisation », « le groupe » with no name of its own: the body the article last named with that noun
    (« l'organisation État islamique … la fin de l'organisation, qui compte … »)."""
    if noun.pos_ != "NOUN" or not BODY_NOUNS.match(fold(noun.text)):
        return ""
    if not any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in noun.children):
        return ""
    before = fold(context.text[: sent_start + noun.idx])
    told = list(re.finditer(r"\b" + fold(noun.text) + r"\b", before))
    for m in reversed(told):
        p = party_of(before[m.end() : m.end() + 40])
        if p:
            return p
    return "" if told else context.armed_group_before(sent_start + noun.idx)


def possessor(tok, context: Context, sent_start: int, harm_verb=None) -> tuple[str, str]:
    """Whose « ses »/« leurs »: the nearest subject up the tree that names a party and is not
    the one doing the harm (« les frappes américaines ont tué quatre de leurs membres »: not the
    Americans); a pronoun subject is passed over for a named one above it; else the force the
    article last named."""
    pronoun, disagreed = None, False
    # « ses », « son », « sa » have one owner: a plural subject (« Les alliés … porter ses effectifs ») is not it
    one_owner = any(c.dep_ == "det" and fold(c.text) in ("ses", "son", "sa") for c in tok.children)
    ups = _verbs_up(tok)
    # a parse that breaks the sentence in two leaves the main clause apart: its subject is the topic
    roots = [t for t in tok.doc if t.dep_ == "ROOT" and t.i < tok.i and all(t.i != u.i for u in ups)]
    for v in ups + roots[:1]:
        subj = _subject(v)
        if subj is None or tok in subj.subtree and not _misread_is(subj, v):
            continue
        if harm_verb is not None and v.i == harm_verb.i:
            continue
        if subj.pos_ == "PRON" and PRONOUN.match(fold(subj.text)):
            pronoun = pronoun or subj
            continue
        if one_owner and "Plur" in subj.morph.get("Number") and not any(c.dep_ == "conj" for c in subj.children):
            disagreed = True
            continue
        p = _party_of_subject(subj, context, sent_start, exclude=("IS", "civilians"))
        if p and p not in ("civilians",):
            return p, "possessor"
    if disagreed and pronoun is None:
        # the owner is the body the sentence before was about, its subject (« La NMI conseille … Les alliés ont
        # décidé de porter ses effectifs à 4 000 »)
        prev = re.split(r"(?<=[.!?])\s+", context.text[:sent_start].rstrip())[-1]
        doc = parse(prev, []) if prev else None
        subj = (
            next((t for t in doc if t.dep_ in ("nsubj", "nsubj:pass") and t.head.pos_ == "VERB"), None) if doc else None
        )
        p = np_party(subj) if subj is not None else ""
        if p and p not in ("civilians", "IS"):
            return p, "possessor (the topic before)"
    if pronoun is None and tok.left_edge.i == 0 and sent_start > 0:
        # « L'OEI n'a pas disparu. Ses combattants, quelques centaines, … »: a possessive opening a sentence with no
        # owner in it is the force the sentence before was about, a subject that is itself a force or a body
        prev = re.split(r"(?<=[.!?])\s+", context.text[:sent_start].rstrip())[-1]
        doc = parse(prev, []) if prev else None
        for subj in reversed([t for t in doc if t.dep_ in ("nsubj", "nsubj:pass")] if doc else []):
            if one_owner and "Plur" in subj.morph.get("Number"):
                continue
            # (a name: « Washington », « l'État islamique », « la Coalition »; not « le raid américain »)
            named = subj.pos_ == "PROPN" or subj.i > 0 and subj.text[:1].isupper()
            if named or party_of(fold(subj.text)) or FORCE_HEADS.match(fold(subj.text)):
                p = np_party(subj)
                if p and p != "civilians":
                    return p, "possessor (the topic before)"
    at = pronoun.idx if pronoun is not None else tok.idx
    return context.before(sent_start + at, exclude=("IS", "civilians")), "context"


# nouns that name a force or a body (its own name or nationality in its noun phrase)
FORCE_HEADS = re.compile(r"^(?:armee|forces?|mission|contingent|groupe|organisation|milices?|mouvement|coalition)$")


def frame_subject(tok, context: Context, sent_start: int) -> str:
    """The party of the clause that governs a troop figure: its subject (or its passive
    agent), climbing to the clause above when the subject names none or is a pronoun. Above a
    verb of saying, the speaker's own side (Iraq's spokesman) does not own foreign troops."""
    pronoun, reported = None, False
    for v in _verbs_up(tok):
        subj = _subject(v)
        cands = [subj] if subj is not None and (tok not in subj.subtree or _misread_is(subj, v)) else []
        cands += [c for c in v.children if c.dep_ == "obl:agent"]
        if REPORT.match(fold(v.lemma_)) and v.i != tok.i:
            reported = True
        for c in cands:
            if c.pos_ == "PRON" and PRONOUN.match(fold(c.text)):
                pronoun = pronoun or c
                continue
            p = _party_of_subject(c, context, sent_start)
            if p and not (reported and p in FOREIGN_ONLY):
                return p
    if pronoun is not None:
        return context.before(sent_start + pronoun.idx, exclude=FOREIGN_ONLY)
    return ""
