"""Event frames from a sentence's dependency parse: who did what to whom, and how it is told.

A *frame* is one predicate (a verb such as « remettre », « frapper », « se retirer », or an
event noun such as « retrait », « remise », « attaque ») with what the parse attaches to it:

- its **agent** (the subject of an active verb, « par X » of a passive or of a noun, the
  nationality adjective of a noun: « frappe américaine ») and its **target** or theme (the
  object, the subject of a passive, « contre X », « sur X »), each as party codes
  (see ``CODEBOOK.md``: ``US``, ``coalition``, ``IQ``, ``PMF``, ``IR``…);
- **negation** (« ne … pas », « aucun »), and the **modality** of the predicate: ``realized``,
  ``planned`` (future or conditional tense, « aller » / « devoir » + infinitive, governed by
  « prévoir », « décider », « plan », « calendrier »…), ``demanded`` (governed by « demander »,
  « exiger », « appeler à », « réclamer »), ``denied`` (« démentir », « nier », a negated
  predicate) or ``reported`` (a conditional that reports unconfirmed news: « ils quitteraient »);
- whether it is named only as the **cause** of another event (« en représailles à une attaque »).

The event type follows from the frame, after the codebook: violence by US or coalition forces
is a ``strike``, against them (or their bases, convoys, embassies) an ``attack``, the targeted
killing of a named leader a ``killing``; deaths and wounded in an attack are that attack; a
statement about a future move (planned, demanded, denied) is an ``announcement`` (``agreement``
when two parties decide it, ``vote`` when an assembly votes it), the move itself when it happens.

Only sentences that hold a candidate predicate (a cheap regular expression on folded text,
:data:`CANDIDATE`) are parsed, in one ``nlp.pipe`` batch per article, with the small French
model (the parser, morphology and lemmas; no NER).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import vocabulary
from ..text import WordPatterns, by_first_letter, fold, short_text_memo
from . import nlp as models
from .dates import CALENDAR_WORDS, MONTHS

# --- lexicons (lemmas, folded) ------------------------------------------------------------

# movement of forces
MOVE_VERBS = {
    "retirer": "withdrawal",
    "quitter": "withdrawal",
    "evacuer": "withdrawal",
    "rapatrier": "withdrawal",
    "partir": "withdrawal",
    "abandonner": "withdrawal",
    "desengager": "withdrawal",
    "replier": "redeployment",
    "remettre": "handover",
    "restituer": "handover",
    "retroceder": "handover",
    "ceder": "handover",
    "rendre": "handover",
    "livrer": "handover",
    "transferer": "handover",
    "recevoir": "handover",
    "redeployer": "redeployment",
    "repositionner": "redeployment",
    "relocaliser": "redeployment",
    "deplacer": "redeployment",
    "regrouper": "redeployment",
    "transporter": "redeployment",
    "deployer": "deployment",
    "envoyer": "deployment",
    "depecher": "deployment",
    "debarquer": "deployment",
    "arriver": "deployment",
    "lancer": "deployment",
    "reduire": "withdrawal",
    "diminuer": "withdrawal",
    "abaisser": "withdrawal",
    "ramener": "withdrawal",  # « ramener ses effectifs à 2 500 », « ramener les soldats au pays »
    "passer": "handover",  # « le Danemark a passé le relais à l'Italie à la tête de la mission »
    "revoir": "withdrawal",  # « revus à la baisse »
    "mettre": "withdrawal",  # « mettre fin à sa présence »
    "creer": "deployment",  # « la mission, créée en 2018 »
    "augmenter": "deployment",
    "accroitre": "deployment",
    "renforcer": "deployment",
    "porter": "deployment",  # « porter ses effectifs à 4 000 »
    "doubler": "deployment",
}
MOVE_NOUNS = {
    "retrait": "withdrawal",
    "depart": "withdrawal",
    "evacuation": "withdrawal",
    "rapatriement": "withdrawal",
    "desengagement": "withdrawal",
    "reduction": "withdrawal",
    "remise": "handover",
    "restitution": "handover",
    "retrocession": "handover",
    "passation": "handover",
    "transfert": "handover",
    "redeploiement": "redeployment",
    "repositionnement": "redeployment",
    "repli": "redeployment",
    "deplacement": "redeployment",
    "relocalisation": "redeployment",
    "deploiement": "deployment",
    "envoi": "deployment",
    "arrivee": "deployment",
}
# violence: predicates that are violence whatever their arguments
VIOLENCE_VERBS = {
    "attaquer",
    "frapper",
    "bombarder",
    "pilonner",
    "viser",
    "cibler",
    "assaillir",
    "agresser",
    "prendre pour cible",
    "incendier",
    "saccager",
}
VIOLENCE_NOUNS = {
    "attaque",
    "frappe",
    "raid",
    "bombardement",
    "tir",
    "attentat",
    "agression",
    "offensive",
    "salve",
    "barrage",
    "assaut",
    "embuscade",
    "explosion",
}
# verbs that are violence when a weapon is their subject or object (« des roquettes se sont abattues »)
IMPACT_VERBS = {
    "tomber",
    "abattre",
    "atterrir",
    "toucher",
    "atteindre",
    "tirer",
    "lancer",
    "ecraser",
    "exploser",
    "s'abattre",
    "s'ecraser",
    "intercepter",
    "heurter",
    "endommager",
    "detruire",
}
WEAPONS = re.compile(
    r"^(roquette|missile|drone|obus|projectile|mortier|katioucha|katyusha|engin|bombe|munition|"
    r"lance-roquette)s?$"
)
# « (attaque) à la roquette », « aux drones », « à l'explosif » right after a violence noun
WEAPON_AFTER = re.compile(r"^[\w-]+(?: \w+)?,? (?:a la|a l'|au|aux) ?([\w-]+)")
KILL_VERBS = {"assassiner", "eliminer", "liquider", "tuer", "abattre", "executer"}
KILL_NOUNS = {"assassinat", "elimination", "meurtre", "execution", "liquidation", "mort", "deces"}
DEATH_VERBS = {"tuer", "blesser", "mourir", "perir", "deceder", "succomber", "decimer"}
LEADER_TITLES = re.compile(
    r"\b(general|commandant|chef|dirigeant|leader|numero deux|lieutenant|emir|fondateur|"
    r"responsable|cadre|haut grade|colonel|comandant)s?\b"
)
# leaders counted among a toll (« dont plusieurs cadres », « parmi eux trois commandants »): not a person targeted
COUNTED_LEADERS = re.compile(
    r"\b(?:dont|parmi eux|parmi lesquels|parmi lesquelles) (?:plusieurs|des|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"quelques|nombreux|\d+|(?:des )?dizaines? de|centaines? de)\s+(?:\w+ )?(?:generaux|commandants|chefs|dirigeants|"
    r"leaders|lieutenants|emirs|responsables|cadres|colonels)\b"
)
# words of an organisation's name: « les Kataeb Hezbollah », « les Brigades du Hezbollah » are no person
ORG_WORDS = re.compile(
    r"\b(brigades?|kata[ei]b|hezbollah|hachd|hashd|forces?|groupes?|milices?|mouvement|organisation|etat|armee|"
    r"front|parti|asa[iy]b|nujaba|harakat|jaish|ansar|resistance|corps|gardiens|unites?|bataillons?|sites?|"
    r"positions?|depots?|entrepots?|installations?|cibles?|bases?|quartiers?)\b"
)
RANKS = re.compile(
    r"\b(soldat|militaire|sergent|caporal|marin|aviateur|employe|sous-traitant|contractuel|civil|"
    r"entrepreneur|adjudant|sous-officier|brigadier|matelot|legionnaire|parachutiste|sapeur|marsouin|"
    r"fantassin|commando)s?\b"
)

VOTE_VERBS = {"voter", "adopter", "approuver", "entériner", "enteriner"}
VOTE_NOUNS = {"vote", "scrutin", "resolution", "motion"}
AGREE_VERBS = {"signer", "conclure", "convenir", "accorder", "entendre", "parapher"}
AGREE_NOUNS = {"accord", "entente", "protocole", "memorandum"}
TALK_VERBS = {"negocier", "discuter", "rencontrer", "entretenir", "reunir", "examiner", "recevoir", "dialoguer"}
TALK_NOUNS = {
    "negociation",
    "pourparler",
    "dialogue",
    "discussion",
    "reunion",
    "rencontre",
    "entretien",
    "sommet",
    "visioconference",
    "consultation",
    "round",
    "comite",
    "conference",
}
# what a session, cycle or round is of when it is talks (not « la session du Parlement »)
ROUND_OF = re.compile(
    r"^\s*(?:de |du |des |d')(?:la |l')?(?:\w+ ){0,2}?(?:dialogue|negociations?|discussions?|pourparlers|"
    r"consultations?|commission|comite|entretiens|concertations?)\b"
)
# what makes « élus » the people elected (« des élus », « plusieurs élus »), not the act of electing
ELECTED_PEOPLE = frozenset(
    (
        "les",
        "des",
        "plusieurs",
        "certains",
        "certaines",
        "nombreux",
        "nombreuses",
        "ses",
        "leurs",
        "nos",
        "vos",
        "ces",
        "deux",
        "trois",
        "quelques",
        "d'",
        "de",
        "aux",
    )
)
# verbs that judge or comment what their object names (« défendre ce déploiement »), a thing already told
JUDGING_VERBS = frozenset(
    (
        "defendre",
        "justifier",
        "critiquer",
        "contester",
        "commenter",
        "regretter",
        "deplorer",
        "minimiser",
        "relativiser",
    )
)
# a body whose sessions are talks
TALKING_BODY = re.compile(r"\b(?:commission|comite|delegations?|groupes? de travail|negociateurs|dialogue)\b")
SUSPEND_VERBS = {"suspendre", "geler", "interrompre", "cesser", "stopper", "arreter"}
# « mise en veille », « mis en sommeil », « mise entre parenthèses »: paused
PAUSED = re.compile(r"^\w+ (?:en (?:veille|sommeil|suspens|pause)|entre parentheses|au ralenti|a l'arret)\b")
SUSPEND_NOUNS = {"suspension", "gel", "interruption", "arret", "pause"}
PROTEST_VERBS = {"manifester", "protester", "defiler", "rassembler"}
PROTEST_NOUNS = {"manifestation", "rassemblement", "sit-in", "marche", "protestation", "manifestant"}
APPOINT = frozenset({"nommer", "designer", "nomination", "designation"})
# a post someone is appointed to, or the appointee's title
OFFICE_WORDS = re.compile(
    r"\b(?:premier ministre|ministre|president|general|commandant|chef|ambassadeur|envoye|gouverneur|a la tete|"
    r"au poste|porte-parole|emissaire|successeur|directeur|conseiller|secretaire)\b"
)
OTHER_VERBS = {
    "visiter": "visit",
    "investir": "office",
    "succeder": "office",
    "demissionner": "office",
    "limoger": "office",
    "elire": "election",
    "inhumer": "funeral",
    "enterrer": "funeral",
}
OTHER_NOUNS = {
    "visite": "visit",
    "funerailles": "funeral",
    "obseques": "funeral",
    "enterrement": "funeral",
    "inhumation": "funeral",
    "investiture": "office",
    "demission": "office",
    "limogeage": "office",
    "election": "election",
    "elections": "election",
    "legislatives": "election",
    "presidentielle": "election",
    "crash": "crash",
    "ecrasement": "crash",
}
# what a court, a prosecutor or the police do to someone « pour » an act (the act is told, not done, there)
CHARGES = frozenset(
    {
        "mandat",
        "inculper",
        "inculpation",
        "poursuivre",
        "poursuite",
        "juger",
        "condamner",
        "condamnation",
        "accuser",
        "accusation",
        "arreter",
        "arrestation",
        "interpeller",
        "rechercher",
        "proces",
        "enquete",
        "enqueter",
        "detenir",
        "emprisonner",
        "incarcerer",
    }
)
# the sorts of `other` events told by a phrase rather than one word (folded text from the predicate on)
OFFICE_AFTER = re.compile(
    r"^\s*(?:au pouvoir|a la tete (?:du|de l'|de la|des) (?:gouvernement|pays|etat|executif|ministere)|"
    r"a la presidence|a la primature|aux commandes d(?:u|e l')(?:pays|gouvernement|etat))"
)
WARPLANES = re.compile(
    r"\b(avions? (?:de chasse|de combat|de guerre|militaires)|chasseurs?-bombardiers?|bombardiers?|"
    r"(?:f|a|b|ac|mq)-\d+\w*|apache|reaper|predator)\b"
)
# fighters the press names by their model (« un Rafale français », « un Typhoon de la RAF »)
FIGHTER_NAMES = re.compile(r"\b(?:rafale|typhoon|tornado|mirage|eurofighter|chasseurs?|avions?)\b")
OTHER_AIR_FORCES = re.compile(
    r"\b(russes?|turcs?|turques?|syrien\w*|iranien\w*|israelien\w*|jordanien\w*|saoudien\w*|emirati\w*|"
    r"egyptien\w*|irakien\w*|du regime|de damas|de moscou|d'ankara|de teheran)\b"
)
AIRCRAFT = re.compile(
    r"\b(avions?|appareils?|helicopteres?|aeronefs?|vol \d+|boeing|airbus|hercules|c-130|kc-135|black hawk|"
    r"chinook|osprey|pave hawk|f-\d+|mig-\d+)\b"
)
# a command passed to a person (« à son homologue italien », « à son successeur ») is a change of commander,
# not a site or command handed to another force
PERSON_RECIPIENT = re.compile(
    r"\ba (?:son|sa|leur) (?:homologue|successeur|remplacant|remplacante)\b|\ba (?:l'|la |le )?"
    r"(?:general|generale|amiral|colonel|commandant)\b"
)

# words whose complement is talked about, not done
PLAN_WORDS = {
    "prevoir",
    "envisager",
    "decider",
    "projeter",
    "compter",
    "vouloir",
    "entendre",
    "planifier",
    "souhaiter",
    "appreter",
    "engager",
    "promettre",
    "preparer",
    "programmer",
    "annoncer_fut",
    "plan",
    "projet",
    "calendrier",
    "intention",
    "volonte",
    "decision",
    "objectif",
    "perspective",
    "echeancier",
    "feuille",
    "programme",
    "possibilite",
    "option",
    "menace",
    "menacer",
    "proposition",
    "proposer",
    "pret",
    "prete",
    "disposer",
    "engagement",
    "promesse",
    "strategie",
    "processus",
    "horizon",
    "delai",
    "echeance",
    "preparatif",
    "scenario",
    "chercher",
    "tenter",
    "esperer",
    "crainte",  # « la crainte d'un désengagement »: feared, not done
    "craindre",
    "redouter",
    "risque",
    "peur",
    "spectre",
    "hypothese",
    "eventualite",
    "rumeur",
    "pouvoir",
    "devoir",
    "aller",
    "permettre",
    "necessiter",
    "falloir",
    "continuer",
    "poursuivre",
    "commencer_fut",
}
DEMAND_WORDS = {
    "demander",
    "exiger",
    "reclamer",
    "appeler",
    "sommer",
    "enjoindre",
    "plaider",
    "pousser",
    "presser",
    "demande",
    "exigence",
    "appel",
    "revendication",
    "reclamation",
    "injonction",
    "ultimatum",
    "insister",
    "militer",
    "inviter",
    "urger",
    "recommander",
    "preconiser",
    # a stance for a move (« a exprimé son soutien au retrait », « favorable à un départ »): advocated, not done
    "soutien",
    "appui",
    "soutenir",
    "appuyer",
    "favorable",
    "favorables",
}
DENY_WORDS = {"dementir", "nier", "refuter", "dementi", "rejeter", "contester", "refuser", "refus"}
TOPIC_WORDS = {
    "question",
    "debat",
    "sujet",
    "dossier",
    "discuter",
    "negocier",
    "negociation",
    "discussion",
    "pourparler",
    "dialogue",
    "examiner",
    "evoquer",
    "aborder",
    "modalite",
    "statut",
    "avenir",
    "etude",
    "porter",
}
SPEECH_VERBS = {
    "annoncer",
    "declarer",
    "affirmer",
    "indiquer",
    "confirmer",
    "preciser",
    "ajouter",
    "assurer",
    "expliquer",
    "souligner",
    "rapporter",
    "signaler",
    "estimer",
    "dire",
    "ecrire",
    "reconnaitre",
    "revendiquer",
    "reaffirmer",
    "avertir",
    "prevenir",
    "annoncer",
    "faire savoir",
    "faire part",
    "faire etat",
    "communiquer",
    "noter",
    "rappeler",
    "informer",
    "promettre",
    "jurer",
    "menacer",
    "condamner",
    "denoncer",
    "appeler",
    "exiger",
    "demander",
    "dementir",
    "nier",
    "reclamer",
    "tweeter",
    "publier",
    "saluer",
    "recommander",
    "preconiser",
    "proclamer",
    "admettre",
    "exprimer",
}
# the verbs and nouns by which a party states something as news (not « ajouter », « préciser », « noter »:
# they continue a statement already reported)
STATEMENT_WORDS = {
    "annoncer",
    "declarer",
    "affirmer",
    "indiquer",
    "confirmer",
    "assurer",
    "reaffirmer",
    "dire",
    "faire savoir",
    "faire part",
    "faire etat",
    "communiquer",
    "informer",
    "reconnaitre",
    "revendiquer",
    "avertir",
    "prevenir",
    "promettre",
    "jurer",
    "menacer",
    "annonce",
    "declaration",
    "communique",
    "tweeter",
    "ecrire",
    "publier",
    "estimer",
    "proclamer",
    "admettre",
    "exprimer",
}
SPEECH_NOUNS = {
    "annonce",
    "declaration",
    "communique",
    "bilan",
    "appel",
    "menace",
    "demande",
    "dementi",
    "avertissement",
    "condamnation",
}
# governors through which a complement's time is the future: a statement of intention
STATE_WORDS = PLAN_WORDS | DEMAND_WORDS | DENY_WORDS

FORCES = re.compile(
    r"\b(troupes?|forces?|soldats?|militaires?|contingents?|effectifs?|personnels?|hommes|"
    r"conseillers?|instructeurs?|formateurs?|unites?|bataillons?|brigades?|marines|membres|"
    r"coalition|mission|armee|detachement|batteries?|patriot|systemes?|elements?|personnes|"
    r"equipes?|moyens|avions|chasseurs|bombardiers|navires?|porte-avions|renforts?|"
    r"etat-major|quartier general|base|bases|site|sites|presence|empreinte|dispositif|operation)\b"
)
SITE_WORDS = re.compile(
    r"\b(bases?|camps?|aeroports?|ambassades?|installations?|sites?|convois?|positions?|"
    r"complexes?|quartiers? generaux|quartier general|qg|zone verte|caserne|avant-poste|"
    r"tour|aerodrome|base aerienne|garnison|consulat|centre|poste)\b"
)

# party codes from a phrase (folded); the order breaks no ties: every matching code is kept
PARTIES: list[tuple[str, re.Pattern]] = [
    (
        "US",
        re.compile(
            r"\b(etats-unis|etats unis|americaine?s?|us|usa|washington|pentagone|maison[- ]blanche|"
            r"centcom|trump|biden|obama|esper|austin|pompeo|blinken|hegseth|mckenzie|miller|"
            r"etatsunien\w*|marines|departement d'etat|secretaire d'etat)\b"
        ),
    ),
    (
        "coalition",
        re.compile(
            r"\b(coalition|inherent resolve|forces etrangeres|troupes etrangeres|occupant\w*|"
            r"occupation|forces internationales|troupes internationales|militaires etrangers|"
            # (« les alliés » of a Western story; « leurs alliés », « ses alliés » are the allies of whoever was named)
            r"soldats etrangers|(?<!leurs )(?<!ses )allies|(?<!affaires )etrangere?s?)\b"
        ),
    ),
    ("NATO", re.compile(r"\b(otan|nato|alliance atlantique|l'alliance|stoltenberg|rutte)\b")),
    (
        "FR",
        re.compile(
            r"\b(france|francaise?s?|paris|elysee|chammal|parly|macron|etat-major des armees(?! [a-z]+(?:ienne?s?|aise?s?|ande?s?|agnole?s?|aine?s?|ique?s?|ges?|oise?s?)\b))\b"
        ),
    ),
    ("UK", re.compile(r"\b(royaume-uni|britanniques?|londres|grande-bretagne)\b")),
    ("CZ", re.compile(r"\b(tcheques?|republique tcheque|prague)\b")),
    ("DE", re.compile(r"\b(allemagne|allemande?s?|berlin|bundeswehr)\b")),
    ("IT", re.compile(r"\b(italie|italien(?:ne)?s?|rome)\b")),
    ("ES", re.compile(r"\b(espagne|espagnole?s?|madrid)\b")),
    ("CA", re.compile(r"\b(canada|canadien(?:ne)?s?|ottawa)\b")),
    ("AU", re.compile(r"\b(australie|australien(?:ne)?s?|canberra)\b")),
    ("NL", re.compile(r"\b(pays-bas|neerlandaise?s?|hollandaise?s?)\b")),
    ("DK", re.compile(r"\b(danemark|danoise?s?)\b")),
    ("NO", re.compile(r"\b(norvege|norvegien(?:ne)?s?)\b")),
    ("RO", re.compile(r"\b(roumanie|roumaine?s?)\b")),
    ("HR", re.compile(r"\b(croatie|croate?s?)\b")),
    ("BE", re.compile(r"\b(belgique|belges?|bruxelles)\b")),
    ("PL", re.compile(r"\b(pologne|polonaise?s?|varsovie)\b")),
    ("FI", re.compile(r"\b(finlande|finlandaise?s?|helsinki)\b")),
    ("SE", re.compile(r"\b(suede|suedoise?s?|stockholm)\b")),
    ("NZ", re.compile(r"\b(nouvelle-zelande|neo-zelandaise?s?)\b")),
    ("PT", re.compile(r"\b(portugal|portugaise?s?|lisbonne)\b")),
    ("GR", re.compile(r"\b(grece|grecque?s?|athenes)\b")),
    ("SK", re.compile(r"\b(slovaquie|slovaque?s?)\b")),
    ("LT", re.compile(r"\b(lituanie|lituanien(?:ne)?s?)\b")),
    ("JO", re.compile(r"\b(jordanie|jordanien(?:ne)?s?|amman)\b")),
    ("KW", re.compile(r"\b(koweit|koweitien(?:ne)?s?)\b")),
    ("HU", re.compile(r"\b(hongrie|hongroise?s?)\b")),
    (
        "PMF",
        re.compile(
            r"\b(hachd|hached|hashd|mobilisation populaire|pmf|kata[ei]b|hezbollah|nujaba|nujaba|"
            r"nojaba|milices?|miliciens?|factions?|groupes? armes|resistance islamique|supplétifs|"
            r"suppletifs|asa[iy]b|paramilitaires?)\b"
        ),
    ),
    (
        "IR",
        re.compile(
            r"\b(iran|iranien(?:ne)?s?|teheran|gardiens de la revolution|cgri|pasdarans?|al-qods|"
            r"force qods|khamenei|soleimani)\b"
        ),
    ),
    ("KRG", re.compile(r"\b(kurdistan|kurdes?|peshmergas?|barzani|gouvernement regional)\b")),
    (
        "IQ",
        re.compile(
            r"\b(irak|iraq|irakien(?:ne)?s?|bagdad|baghdad|parlement|deputes|gouvernement irakien|"
            r"premier ministre irakien|kadhimi|kazimi|soudani|sudani|abdel[- ]mahdi|commandement des "
            r"operations conjointes)\b"
        ),
    ),
    ("IS", re.compile(r"\b(daech|daesh|etat islamique|isis|ei|eiil|jihadistes?|djihadistes?)\b")),
    ("SY", re.compile(r"\b(syrie|syrien(?:ne)?s?|damas)\b")),
    ("TR", re.compile(r"\b(turquie|turque?s?|ankara)\b")),
    ("IL", re.compile(r"\b(israel|israelien(?:ne)?s?)\b")),
]
LIGHT_VERBS = {
    "mener",
    "effectuer",
    "lancer",
    "conduire",
    "perpetrer",
    "commettre",
    "realiser",
    "operer",
    "ordonner",
    "revendiquer",
    "poursuivre",
    "intensifier",
    "multiplier",
    "entamer",
    "commencer",
    "achever",
    "terminer",
    "executer",
    "declencher",
    "organiser",
    "tenir",
    "annoncer",
    "decider",
    "approuver",
    "autoriser",
}
STRIKERS = {
    "US",
    "coalition",
    "NATO",
    "FR",
    "UK",
    "CZ",
    "DE",
    "IT",
    "ES",
    "CA",
    "AU",
    "NL",
    "DK",
    "NO",
    "RO",
    "HR",
    "HU",
    "BE",
    "PL",
    "FI",
    "SE",
    "NZ",
    "PT",
    "GR",
    "SK",
    "LT",
}
PARTY_NAMES = {
    "US": "les États-Unis",
    "coalition": "la coalition",
    "NATO": "l'OTAN",
    "FR": "la France",
    "UK": "le Royaume-Uni",
    "CZ": "la République tchèque",
    "DE": "l'Allemagne",
    "IT": "l'Italie",
    "ES": "l'Espagne",
    "CA": "le Canada",
    "AU": "l'Australie",
    "NL": "les Pays-Bas",
    "DK": "le Danemark",
    "NO": "la Norvège",
    "RO": "la Roumanie",
    "HR": "la Croatie",
    "BE": "la Belgique",
    "PL": "la Pologne",
    "FI": "la Finlande",
    "SE": "la Suède",
    "NZ": "la Nouvelle-Zélande",
    "PT": "le Portugal",
    "GR": "la Grèce",
    "SK": "la Slovaquie",
    "LT": "la Lituanie",
    "JO": "la Jordanie",
    "KW": "le Koweït",
    "HU": "la Hongrie",
    "PMF": "des milices pro-iraniennes",
    "IR": "l'Iran",
    "KRG": "le Kurdistan irakien",
    "IQ": "l'Irak",
    "IS": "l'État islamique",
    "SY": "la Syrie",
    "TR": "la Turquie",
    "IL": "Israël",
}


LOCATIVE = re.compile(
    r"\b(?:en|au|aux|d'|de l'|du|vers l'|vers la|hors d'|a travers l'|dans le pays)\s*"
    r"(?:irak|iraq|syrie|iran|jordanie|koweit|kurdistan(?: irakien)?|liban|turquie)\b"
)


PARTY_PATTERNS = WordPatterns(PARTIES)


def _named(folded: str) -> list[str]:
    """The codes of the parties whose pattern matches in ``folded``."""
    return [code for code, rx in PARTY_PATTERNS.runnable(folded) if rx.search(folded)]


@short_text_memo
def parties(folded: str) -> tuple[str, ...]:
    """Party codes named in a folded phrase, in the order of the codebook's list. A country named as where
    something is (« la Résistance islamique en Irak », « les forces américaines en Irak ») is no party when
    another party is named. Once per phrase (the same words are read by every frame and clause that holds them)."""
    out = _named(folded)
    if len(out) > 1:
        bare = LOCATIVE.sub(" ", folded)
        kept = _named(bare)
        if kept:
            out = [c for c in out if c in kept]
    if (
        "coalition" in out
        and "US" in out
        and re.search(r"coalition (?:\w+ )?(?:dirigee|menee|emmenee|conduite|sous)", folded)
    ):
        out.remove("US")  # « la coalition dirigée par les États-Unis » is the coalition
    return tuple(out)


# a sentence worth parsing holds one of these (folded text)
CANDIDATE = re.compile(
    r"\b(retir|retrait|quitt|evacu|rapatri|depart|parti(?:e?s?|r|ra|ront|rait|raient)\b|part(?:ent|ait|aient)\b|desengag|repli|remi[st]|remettr|remise|restitu|retroce|ced[ea]|"
    r"rend(?:u|ue|us|ra|re|ent)\b|livr|transf[ee]r|recu|recoi|redeploi|redeploy|repositionn|relocalis|deplac|"
    r"regroup|ramen|deploi|deploy|envo[iy]|depech|debarqu|arriv|lanc|cree|creat|session|cycle|redui|reduction|diminu|abaiss|"
    r"operations?\b[^.]{0,60}\bcontre|attaqu|frapp|bombard|pilonn|vis[eé]|cibl|assaill|agress|tir|attentat|offensive|salve|assaut|embuscade|"
    r"explos|represaille|roquett|missile|drone|obus|projectile|mortier|katiou|tomb|abatt|atterr|touch|atteint|"
    r"intercept|ecras|assassin|elimin|liquid|tu[eé]|tua|meurtre|execut|mort|deced|deces|peri|succomb|bless|"
    r"vot|scrutin|resolution|motion|adopt|approuv|sign|conclu|conven|accord|entente|protocole|patrouill|repri[st]|repren|"
    r"negoci|pourparler|dialogu|discut|discussion|rencontr|entretien|entreten|reuni|sommet|visioconf|comite|"
    r"suspen|gel|interromp|cess|arret|pause|veille|sommeil|entre parentheses|manifest|rassembl|sit-in|protest|defil|visit|"
    r"annon|declar|proclam|convoq|admet|affirm|indiqu|confirm|dement|ni[ea]|exig|demand|reclam|appel|menac|bilan|communiqu|"
    r"savoir|fait part|fait etat|reconn|revendiqu|avert|previen|promet|promi[st]|condamn|denon[cç]|"
    r"jur[ea]|assur|maint[ie]n|prolong|salu|recommand|precon|perd\w* la vie|funer|obseq|enterr|inhum|investi|serment|fonctions?\b|au pouvoir|"
    r"a la tete d|relais|flambeau|elu|elect|reelu|reelect|legislativ|presidentiel|crash|demission|limog|succed|commandement|nomm|designe|designation|"
    r"mandats? d'(?:arret|amener)|inculp|incendi|saccag|pri(?:s|se|t) fin|prend\w* fin|prendr\w* fin|command(?:e|ee|ees|es|ent|ait|aient)\b|"
    r"mett\w* (?:fin|un terme)|mis\w* fin|revu\w* a la baisse|augment|accroi|renforc|port\w* (?:ses|leurs|les|son|sa) (?:\w+ )?(?:effectifs|mission|contingent)|fai\w* passer)"
)


@dataclass
class Frame:
    """One predicate of a sentence and what is attached to it (character offsets are absolute)."""

    lemma: str
    kind: str  # withdrawal handover redeployment deployment violence death vote agreement talks suspension
    #            protest speech other
    start: int
    end: int
    span: tuple[int, int]  # the predicate's phrase (its subtree)
    pos: str = ""
    agent: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    agent_text: str = ""
    target_text: str = ""
    place_text: str = ""  # « vers le Koweït », « à Erbil »: where forces go
    negated: bool = False
    tense: str = ""  # past | present | future | conditional | ""
    aspect: str = ""  # the clause's time in the story: now (passé composé, présent) | before (plus-que-parfait,
    #                   imparfait) | "" (no finite verb: a title, a noun phrase)
    modality: str = "realized"
    governor: str = ""  # lemma of the word that governs the predicate (« annoncer », « prévoir »…)
    governed_by: int | None = None  # index (in the sentence's frames) of the frame that governs this one
    weapon: bool = False
    named_victim: bool = False  # a named person or a leader is the patient (killing)
    victims_ranks: bool = False  # soldiers, contractors… (deaths in an attack)
    joint: bool = False  # two or more parties act together (« l'Irak et les États-Unis ont convenu »)
    assembly: bool = False  # a parliament or assembly acts
    event_type: str | None = None
    depth: int = 0  # distance of the predicate from the sentence's root
    phrase: str = ""  # the predicate's phrase as written (its subtree)
    foreign: list = field(default_factory=list)  # spans of clauses modifying a noun, without the predicate
    weapon_subject: bool = False  # a weapon is the subject (« des roquettes se sont abattues »)
    destination: bool = False  # the move goes somewhere (« vers le Koweït », « pour se rendre en Irak »)
    content: list = field(default_factory=list)  # a statement's content: spans of what is said
    content_plan: bool = False  # what is said is to come: a future or conditional, a plan, a decision
    definite: bool = False  # an event noun with a definite or demonstrative article (« l'attaque », « ce retrait »)
    incise: bool = False  # a reporting clause after what it reports (« …, a indiqué l'armée »)
    state: bool = False  # a passive that tells a state (« les soldats sont déployés »), not an act
    generic: bool = False  # an indefinite plural after a preposition (« en plus de déploiements »): a kind of act
    at_site: bool = False  # a coalition site is named in the predicate's phrase (« l'attaque contre Harir »)
    speaker: str = ""  # who makes a statement, as written
    sort: str = ""  # of an `other` event: visit, funeral, office, election, crash, command, violence
    attempt: bool = False  # « tentative d'assassinat »: tried, not done
    own: list = field(default_factory=list)  # spans where the frame's own dates are (its phrase, see _date_spans)
    local: list = field(default_factory=list)  # spans of the clause it heads or that governs it
    clause: int = -1  # that clause's head (a character offset): frames of one clause share its dates
    attribute: bool = False  # a participle that qualifies a noun (« l'attentat revendiqué par Daech »)
    judged: bool = False  # a demonstrative object of a verb of judging (« a défendu ce déploiement »): told before
    halted: bool = False  # the object of a verb of pausing (« suspendre leurs attaques »): what stops, not an act
    occurred: list = field(default_factory=list)  # spans of a dated participle of occurring said of an event noun
    #                                               (« les discussions, ouvertes le 27 janvier, … »): its own date
    charged: bool = False  # what a court or a charge names (« un mandat d'arrêt pour le meurtre de X »): no new act
    described: bool = False  # a definite event noun, subject of a noun attribute (« L'accord est le fruit de
    #                          discussions… »): the event told before, described, not dated by what describes it
    unsaid: bool = False  # the object of a negated verb (« n'a pas annoncé de retrait », « il ne s'agit pas d'un
    #                       retrait »): nothing done nor said

    @property
    def parties(self) -> list[str]:
        """Every party of the frame, agents first, once each."""
        return list(dict.fromkeys(self.agent + self.target))


def _lemma(tok) -> str:
    return fold(tok.lemma_ or tok.text)


_ALL_VERBS = (
    set(MOVE_VERBS)
    | VIOLENCE_VERBS
    | KILL_VERBS
    | DEATH_VERBS
    | IMPACT_VERBS
    | VOTE_VERBS
    | AGREE_VERBS
    | TALK_VERBS
    | SUSPEND_VERBS
    | PROTEST_VERBS
    | SPEECH_VERBS
    | set(OTHER_VERBS)
    | {"fixer"}  # to set a date or timetable (see _sets_a_plan)
)


VERB_LEMMAS = frozenset(_ALL_VERBS)  # the verbs a frame can be made of


def _participle_lemma(low: str) -> str | None:
    """The verb of a past participle the tagger took for an adjective (« péri », « abattues », « tués »)."""
    for end, inf in (
        ("ees", "er"),
        ("ee", "er"),
        ("es", "er"),
        ("e", "er"),
        ("ies", "ir"),
        ("ie", "ir"),
        ("is", "ir"),
        ("i", "ir"),
        ("ues", "re"),
        ("ue", "re"),
        ("us", "re"),
        ("u", "re"),
    ):
        if low.endswith(end) and len(low) > len(end) + 2:
            cand = low[: -len(end)] + inf
            if cand in _ALL_VERBS:
                return cand
    return None


# verbs whose present tense the small model takes for a noun (« la Turquie lance une offensive », « Esper annonce le
# retrait »), beyond the event verbs: the verbs of launching, making known, crossing
PRESENT_VERBS = _ALL_VERBS | {"lancer", "franchir", "mener", "ordonner", "declencher", "effectuer"}


def _present_lemma(low: str) -> str | None:
    """The verb of a present indicative (third person) the tagger took for a noun (« lance », « annoncent »,
    « franchit »), among the verbs a frame can be made of."""
    for end, inf in (("ent", "er"), ("e", "er"), ("issent", "ir"), ("it", "ir")):
        if low.endswith(end) and len(low) > len(end) + 2 and low[: -len(end)] + inf in PRESENT_VERBS:
            return low[: -len(end)] + inf
    return None


def _verbs_taken_for_nouns(doc) -> None:
    """« Le 9 octobre, la Turquie lance une offensive… »: a word the tagger calls a noun that has no determiner, a
    subject before it and an object after it is a verb in the present (the narrative present of news stories):
    its part of speech, lemma and tense set right, so that the frames read it as the verb it is."""
    for tok in doc:
        if tok.pos_ != "NOUN" or any(c.dep_ in ("det", "case") for c in tok.children):
            continue
        if not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children):
            continue
        if not any(c.dep_ in ("obj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children):
            continue
        guess = _present_lemma(fold(tok.text))
        if guess:
            tok.pos_, tok.lemma_ = "VERB", guess
            tok.set_morph(
                f"Mood=Ind|Number={'Plur' if tok.text.endswith('nt') else 'Sing'}|Person=3|Tense=Pres|VerbForm=Fin"
            )


def _memo(doc, name: str) -> dict:
    """A memo of the Doc's tokens (by index) in its ``user_data``: what a token is read as is computed once per
    Doc, however many frames and clauses ask. The memos that read the sentence's text as written (``_folded``)
    are dropped with it when that text is set (:data:`TEXT_MEMOS`, :func:`frames_by_sentence`)."""
    memo = doc.user_data.get(name)
    if memo is None:
        memo = doc.user_data[name] = {}
    return memo


TEXT_MEMOS = ("other_sort", "kind")  # the memos that read the sentence's text (see _memo)


# unions of the lexicons above that _kind_of and _arguments ask about every token (built once)
_EVENT_NOUNS = frozenset(MOVE_NOUNS.keys() | VIOLENCE_NOUNS | KILL_NOUNS)
_PLURAL_NOUNS = frozenset(MOVE_NOUNS.keys() | VIOLENCE_NOUNS | TALK_NOUNS)
_NOT_WEAPON_NOUNS = frozenset(VIOLENCE_NOUNS | KILL_NOUNS | {"tirs", "frappes", "attaques"})

# parts of speech that never make a predicate: lemma_pos keeps them (it changes only a noun, an adjective or a
# verb, and « savoir » after « faire »), other_sort and _kind_of return nothing for them
_NO_PREDICATE = frozenset(("PUNCT", "DET", "ADP", "PRON", "NUM"))


def lemma_pos(tok) -> tuple[str, str]:
    """The predicate lemma and part of speech, with participles the tagger missed taken as verbs."""
    memo = _memo(tok.doc, "lemma_pos")
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _lemma_pos(tok)
    return got


def _lemma_pos(tok) -> tuple[str, str]:
    """:func:`lemma_pos`, computed."""
    lem, pos, low = _lemma(tok), tok.pos_, fold(tok.text)
    if lem == "savoir" and tok.i > 0 and _lemma(tok.doc[tok.i - 1]) == "faire":
        return "faire savoir", "VERB"  # the parse may hang « fait » on « savoir »
    if lem == "faire" and pos in ("VERB", "AUX"):
        # « faire savoir », « faire part de », « faire état de »: a statement
        for c in tok.children:
            w = fold(c.text)
            if w in ("savoir", "part", "etat") and c.i > tok.i:
                return f"faire {w}", "VERB"
    if (
        low in ("parti", "partis", "partie", "parties")
        and pos == "NOUN"
        and any(c.dep_ in ("cop", "aux", "aux:tense", "aux:pass") and _lemma(c) == "etre" for c in tok.children)
        and not any(c.dep_ == "det" for c in tok.children)
    ):
        return "partir", "VERB"  # « ils (en) sont partis »: partir's passé composé, not the noun « parti »
    if pos in ("ADJ", "NOUN", "VERB") and lem not in _ALL_VERBS:
        guess = _participle_lemma(low)
        if not guess:
            return lem, pos
        opening = tok.i == 0 and len(tok.doc) > 2 and tok.doc[1].pos_ == "ADP"  # « Lancée en 2014, l'opération… »
        doc = tok.doc
        # « La Belgique rapatrie ses F-16 »: a verb between a name and a determiner, whatever the tagger said
        verbal = 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i + 1].pos_ == "DET"
        # « l'échéance du 31 mars fixée en janvier »: a participle of setting after the noun it sets
        sets = guess in ("fixer", "arreter") and not any(c.dep_ == "det" for c in tok.children)
        if pos != "NOUN" or low[-1] not in "es" or opening or verbal or sets:
            return guess, "VERB"
    return lem, pos


def other_sort(tok) -> str:
    """The sort of an event of none of the codebook's other types that a token names: a visit, funerals,
    someone taking or leaving office (« investi », « a prêté serment », « son arrivée au pouvoir »,
    « entrée en fonctions »), an election (« les législatives », « élu par les députés »), an aircraft's
    crash (« un hélicoptère s'est écrasé ») — '' when none. The parse of these words is unreliable (« élu »,
    « Investi » taken for nouns): the words and their neighbours decide."""
    memo = _memo(tok.doc, "other_sort")
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _other_sort(tok)
    return got


def _other_sort(tok) -> str:
    """:func:`other_sort`, computed."""
    lem, pos = lemma_pos(tok)
    if pos in _NO_PREDICATE:
        return ""
    low = fold(tok.text)
    doc = tok.doc
    after = _folded(doc)[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 60]
    before = _folded(doc)[max(0, tok.idx - 30) : tok.idx]
    if lem in OTHER_NOUNS or low in OTHER_NOUNS:
        if (lem == "crash" or low in ("crash", "ecrasement")) and not AIRCRAFT.search(after[:40]):
            return ""
        return OTHER_NOUNS.get(lem) or OTHER_NOUNS[low]
    if lem in ("reprendre", "reprise") and _resumes(tok):
        return "resumption"  # « la coalition a repris ses activités de formation », « les vols ont repris »
    if low.startswith("patrouille") and pos == "NOUN" and _patrols_begun(tok):
        return "patrol"  # « ont entamé jeudi leurs premières patrouilles conjointes »: patrols begun or run
    if (lem in ("commander", "commande") or (lem == "diriger" and COMMANDED.search(after[:40]))) and (
        pos in ("VERB", "ADJ") and _command_span(tok)
    ):
        return "command"  # « le Danemark, qui commande depuis novembre 2020 la mission »: a command taken then
    if (lem == "mandat" or low == "mandats") and re.match(r"^\s*d'(?:arret|amener)\b", after):
        return "justice"  # « un tribunal a émis un mandat d'arrêt contre X »: a court's act
    if low.startswith("inculp"):
        return "justice"  # « X a été inculpé », « l'inculpation de X »
    if low in ("investi", "investie") or (lem == "investir" and not any(c.dep_ == "obj" for c in tok.children)):
        return "office"  # « Investi le 27 octobre » (not « investir des milliards »)
    if low in ("elu", "elue", "elus", "elues", "reelu", "reelue") or lem in ("elire", "reelire"):
        prev = fold(doc[tok.i - 1].text) if tok.i > 0 else ""
        if low in ("elus", "elues") and prev in ELECTED_PEOPLE:
            return ""  # « plusieurs élus démocrates », « les élus locaux »: representatives, no election
        return "election"
    if low == "serment" and re.search(r"\b(?:prete\w*|pret\w*|prestation de)\s*$", before):
        return "office"
    if low in ("entree", "prise") and re.match(r"^\s*(?:en|de) fonctions?\b", after):
        return "office"
    if lem == "prendre" and re.match(r"^\s*(?:ses|leurs|officiellement ses) fonctions\b", after):
        return "office"
    if lem in ("arrivee", "arriver", "accession", "acceder", "revenir", "retour") and OFFICE_AFTER.match(after):
        return "office"
    if low in ("ecrase", "ecrasee", "ecrases", "ecrasees", "ecraser") and (
        AIRCRAFT.search(_folded(doc)[max(0, tok.idx - 80) : tok.idx]) or AIRCRAFT.search(after[:30])
    ):
        return "crash"  # « un hélicoptère militaire s'est écrasé »: an accident, not violence
    if lem in OTHER_VERBS and pos in ("VERB", "AUX", "ADJ"):
        return OTHER_VERBS[lem]
    if (
        (lem in APPOINT or re.match(r"(?:nomme|designe|nomination|designation)(?:e|s|es)?$", low))
        and pos != "PROPN"
        and OFFICE_WORDS.search(before + " " + after)
        and not re.match(r"^\s*(?:«|\"|d'apres|selon)", after)
    ):
        return "office"  # « le général X, nommé le 9 janvier à la tête de… », « désigné Premier ministre »
    if lem in ("convoquer", "convocation") and ENVOY.search(after[:50]):
        return "summons"  # « a convoqué l'ambassadeur d'Iran »: a diplomatic act
    if pos in ("VERB", "AUX") and lem == "rendre" and _reflexive(tok):
        # « Il s'y était rendu le 26 décembre »: one person (a singular pronoun) going there visits it
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "expl:subj")]
        there = any(fold(c.text) == "y" for c in tok.children)
        if there and len(subj) == 1 and fold(subj[0].text) in ("il", "elle"):
            return "visit"
    if pos in ("VERB", "AUX") and (lem in ("arriver", "atterrir") or (lem == "rendre" and _reflexive(tok))):
        # « le vice-président est arrivé samedi sur la base », « le chef d'état-major s'est rendu à Erbil »: one
        # official going somewhere visits it (no forces move); « se rendre » needs a place (« ils se sont rendus »
        # alone is a surrender)
        subject = " ".join(fold(_subtree_text(c)[0]) for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass"))
        place = any(
            c.dep_ in ("obl", "obl:arg", "obl:mod") and _case(c) in ("a", "au", "en", "sur", "dans")
            for c in tok.children
        ) or any(fold(c.text) == "y" for c in tok.children)
        names = [t for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") for t in c.subtree]
        named = (  # « Donald Trump s'y est rendu » (the parse may take the first name for a noun)
            len(names) >= 2 and all(t.text[:1].isupper() for t in names) and any(t.pos_ == "PROPN" for t in names)
        )
        if (
            (PERSON_TITLE.search(subject) or named)
            and not FORCES.search(re.sub(r"\b(?:chef|chefs) d'etat-major\b", "", subject))
            and (lem != "rendre" or place)
            and "Plur" not in tok.morph.get("Number")
        ):
            return "visit"
    return ""


# what is resumed when « reprendre » tells activities starting again (not talks, violence, a town or control)
RESUMED = re.compile(
    r"^(?:operations?|entrainements?|formations?|cooperation|activites?|missions?|patrouilles?|vols?|livraisons?|"
    r"programmes?|travaux|exercices?)$"
)


def _resumes(tok) -> bool:
    """Whether « reprendre » / « reprise » tells activities starting again: « a repris ses activités de formation »
    (the object), « les vols ont repris » (the subject, no object), « la reprise des opérations »."""
    if tok.pos_ == "NOUN":
        return any(
            c.dep_ == "nmod" and _case(c) in ("de", "d", "du", "des") and RESUMED.match(_lemma(c)) for c in tok.children
        )
    objs = [c for c in tok.children if c.dep_ == "obj"]
    if objs:
        return bool(RESUMED.match(_lemma(objs[0])))
    return any(c.dep_ == "nsubj" and RESUMED.match(_lemma(c)) for c in tok.children)


# verbs that begin or run patrols (« entamer des patrouilles », « les patrouilles ont commencé »)
PATROL_VERBS = frozenset({"entamer", "commencer", "debuter", "lancer", "effectuer", "mener", "conduire", "reprendre"})


def _patrols_begun(tok) -> bool:
    """Whether the noun « patrouille(s) » is what a verb of beginning or running has as object (« ont entamé leurs
    premières patrouilles conjointes », « effectuaient des patrouilles séparées ») or as subject (« les patrouilles
    ont repris »), not a time (« lors d'une patrouille ») nor a thing attacked (« une patrouille a été visée »)."""
    h = tok.head
    if h.i != tok.i and h.pos_ in ("VERB", "AUX") and lemma_pos(h)[0] in PATROL_VERBS:
        return tok.dep_ == "obj" or (tok.dep_ == "nsubj" and lemma_pos(h)[0] in ("commencer", "debuter", "reprendre"))
    # a date between the verb and its object breaks the parse (« ont entamé jeudi 8 novembre leurs patrouilles »)
    return bool(PATROL_BEFORE.search(_folded(tok.doc)[max(0, tok.idx - 70) : tok.idx]))


PATROL_BEFORE = re.compile(
    r"\b(?:entam|commenc|debut|lanc|effectu|conduis|conduit|mene|menent|menai|repris|reprend)\w*"
    r"(?: [^,.;:]{0,40})? (?:des|les|leurs|ses|sa|leur|la|une|de|d') ?(?:\w+ )?$"
)


# what makes « un entretien » an interview given to the press, not talks
INTERVIEW = re.compile(
    r"^\s*(?:\w+ ){0,2}(?:accorde\w*|donne\w*|diffuse\w*|publie\w*|televise\w*|radiodiffuse\w*|exclusif)\b"
    r"|^\s*(?:\w+ ){0,2}(?:a|au|aux|avec) (?:la |le |l'|les )?(?:chaine|journal|quotidien|hebdomadaire|magazine|"
    r"television|tele|radio|agence|presse|site|media|medias|journaliste|journalistes)\b"
)


# an envoy a government summons (« l'ambassadeur d'Iran », « le chargé d'affaires américain »)
ENVOY = re.compile(
    r"^\s*(?:\w+ )?(?:l'|le |la |les |d'|de l'|du |des )?(?:ambassadeurs?|ambassadrices?|charges? d'affaires|"
    r"diplomates?|representants? diplomatiques?|envoyes?)\b"
)


# the head of a phrase naming one official (« le vice-président américain Mike Pence », « le chef d'état-major »)
PERSON_TITLE = re.compile(
    r"^(?:le |la |l')?(?:\w+ )?(?:president|presidente|vice-president|ministre|secretaire|chef|cheffe|general|"
    r"generale|amiral|emir|roi|prince|chancelier|chanceliere|senateur|senatrice|ambassadeur|ambassadrice|envoye|"
    r"envoyee|emissaire|conseiller|conseillere|commandant|commandante|premier ministre|premiere ministre|"
    r"patron|patronne|directeur|directrice|pape|souverain)\b"
)


def _kind(tok) -> str | None:
    """The kind of predicate a token is (move, violence, death, impact, vote, agreement, talks,
    suspension, protest, speech, other), from its lemma and part of speech, or None."""
    memo = _memo(tok.doc, "kind")
    i = tok.i
    if i in memo:
        return memo[i]
    got = memo[i] = _kind_of(tok)
    return got


def _kind_of(tok) -> str | None:
    """:func:`_kind`, computed."""
    if tok.pos_ in _NO_PREDICATE and _lemma(tok) != "savoir":
        return None  # most tokens of a sentence, at once (see _NO_PREDICATE)
    lem, pos = lemma_pos(tok)
    low = fold(tok.text)
    if low == "arret" and _folded(tok.doc)[max(0, tok.idx - 10) : tok.idx].endswith(("mandat d'", "mandats d'")):
        return None  # « un mandat d'arrêt »: a warrant, no pause
    if other_sort(tok):
        return "other"
    if pos in ("VERB", "AUX", "ADJ") or (
        pos == "NOUN" and low.endswith(("e", "es", "ee", "ees", "ant")) and lem not in _EVENT_NOUNS
    ):
        if lem == "recevoir" and (
            any(
                # whom one receives (« a reçu une délégation »; « Reçu jeudi à l'Élysée, le ministre … »: the
                # noun set off by the fronted participle)
                (c.dep_ == "obj" or (c.dep_ == "appos" and _bare_participle(tok)))
                and RECEIVED.search(fold(_subtree_text(c)[0]))
                for c in tok.children
            )
            or _received(tok) is not None
            # « (le Premier ministre,) qui avait été reçu lundi à la Maison-Blanche par le président Biden »: a
            # leader receiving someone, passive
            or (
                any(c.dep_ == "aux:pass" for c in tok.children)
                and any(c.dep_ == "obl:agent" and RECEIVED.search(fold(_subtree_text(c)[0])) for c in tok.children)
            )
        ):
            return "talks"  # « a reçu une délégation irakienne »
        if lem in ("lancer", "tirer", "envoyer") and _weapon_theme(tok):
            return "impact"  # « des roquettes ont été lancées contre la base », « lancer des drones »
        if lem == "viser" and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in tok.children):
            return None  # « une mesure qui vise à protéger les bases »: aiming to, no target struck
        if lem in ("perdre",) and any(fold(c.text) == "vie" and c.dep_ == "obj" for c in tok.children):
            return "death"  # « il a perdu la vie »
        if lem in ("rassembler", "reunir") and not _reflexive(tok):
            return None  # « qui rassemble 80 pays »: gathering others is no demonstration
        if lem == "appeler" and not any(
            _case(c) in ("a", "au", "aux") or fold(c.text) in ("a", "au", "aux") for c in tok.children
        ):
            return None  # « ce qu'on appelle l'opération X »: naming, not a call
        if lem == "prendre" and any(
            c.dep_ == "obj" and fold(c.text) == "fin" and not list(c.children) for c in tok.children
        ):
            # « la mission de combat a pris fin en décembre 2021 »: what ends is the subject
            subj = " ".join(fold(_subtree_text(c)[0]) for c in tok.children if c.dep_ == "nsubj")
            m = re.search(ENDED_WHAT, subj)
            if m is None:
                return None
            return "suspension" if m.group(0) in SUSPENDED_WORDS else "move"
        if lem == "mettre" and PAUSED.match(_folded(tok.doc)[tok.idx : tok.idx + 40]):
            return "suspension"
        if lem == "mettre":
            m = ENDED.match(_folded(tok.doc)[tok.idx : tok.idx + 120])
            if m is None:
                return None
            return "suspension" if m.group("what") in SUSPENDED_WORDS else "move"
        if lem in MOVE_VERBS:
            return "move"
        if lem in VIOLENCE_VERBS:
            return "violence"
        if lem in KILL_VERBS or lem in DEATH_VERBS:
            return "death"
        if lem in IMPACT_VERBS or lem.startswith("s'") and lem[2:] in IMPACT_VERBS:
            return "impact"
        if lem in VOTE_VERBS:
            return "vote"
        if lem in AGREE_VERBS and (
            lem not in ("entendre", "accorder")
            or (
                _reflexive(tok)
                # « se faire entendre » is causative (to make oneself heard): the « se » is faire's, no agreement
                and not any(_lemma(c) == "faire" for c in tok.children)
            )
        ):
            return "agreement"
        if lem in TALK_VERBS:
            return "talks"
        if lem == "arreter" and _arrests(tok):
            return None  # « faire arrêter des membres d'une milice »: an arrest, not a pause
        if lem == "arreter" and _halts(tok):
            return None  # « le convoi s'est arrêté à Erbil »: to stop moving, no suspension of operations
        if lem in ("arreter", "fixer") and _sets_a_plan(tok):
            return "agreement"  # « ont arrêté un calendrier », « fixent la date du retrait »: to set, not to stop
        if lem in SUSPEND_VERBS:
            return "suspension"
        if lem in PROTEST_VERBS:
            return "protest"
        if lem in SPEECH_VERBS:
            return "speech"
    if pos in ("NOUN", "PROPN", "VERB", "ADJ"):
        lem = lem[:-1] if lem.endswith("s") and lem[:-1] in _PLURAL_NOUNS else lem
        if lem in MOVE_NOUNS:
            return "move"
        if lem == "operation" and _operation_against(tok):
            return "violence"  # « des commandos ont mené l'une des opérations les plus importantes contre l'EI »
        if lem in VIOLENCE_NOUNS:
            return "violence"
        if lem in KILL_NOUNS:
            return "death"
        if lem in VOTE_NOUNS:
            return "vote"
        if lem in AGREE_NOUNS:
            return "agreement"
        if lem in ("session", "cycle", "tour", "seance") and ROUND_OF.match(
            _folded(tok.doc)[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 60]
        ):
            return "talks"  # « la deuxième session de la commission militaire », « un nouveau cycle de négociations »
        if lem in ("session", "seance", "cycle", "tour") and _lemma(tok.head) == "tenir" and tok.dep_ == "obj":
            held_by = " ".join(fold(_subtree_text(c)[0]) for c in tok.head.children if c.dep_ == "nsubj")
            if TALKING_BODY.search(held_by):
                return "talks"  # « cette commission avait tenu sa première session le 27 janvier »
        if lem in TALK_NOUNS:
            if lem == "conference" and any(fold(c.text) == "presse" for c in tok.children):
                return "speech"  # « lors d'une conférence de presse »: a statement, not talks
            if lem in ("entretien", "interview") and INTERVIEW.match(_folded(tok.doc)[tok.idx + len(tok.text) :]):
                return "speech"  # « dans un entretien diffusé par CBS », « accordé au Monde »: an interview
            return "talks"
        if lem in SUSPEND_NOUNS:
            return "suspension"
        if lem in PROTEST_NOUNS and not tok.text.lower().startswith("marché"):  # a market is no march
            return "protest"
        if lem in SPEECH_NOUNS:
            return "speech" if _said_noun(tok, lem) else None
    return None


# what one sets or settles (« arrêter un calendrier », « fixer la date du départ »): a decision, not a stop
SET_PLAN = re.compile(
    r"^(?:calendrier|date|echeance|echeancier|plan|modalite|programme|feuille|strategie|position|principe|"
    r"delai|terme|fin|cadre|conditions?|liste|budget|objectif)s?$"
)


def _bare_participle(tok) -> bool:
    """A past participle with no auxiliary (« Reçu jeudi à l'Élysée, le ministre … »): said of a noun, passive."""
    return "Part" in tok.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in tok.children)


DURATION_BEFORE = re.compile(r"\b(?:jours?|semaines?|mois|ans|annees?|heures?|lendemain|veille|peu|longtemps)\s*$")


def _time_of_what_comes(tok, dep: str) -> bool:
    """« Après le retrait des troupes, 80 soldats resteront »: an event noun that sets the time of its clause (an
    adverbial of « après », « avant », « lors de »…), not the anchor of a count (« un mois après le retrait »: a
    past fact counted from)."""
    if dep not in ("obl", "obl:mod") or _case(tok) not in ("apres", "avant", "lors", "pendant", "durant", "des"):
        return False
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return case is None or not DURATION_BEFORE.search(_folded(tok.doc)[max(0, case.idx - 20) : case.idx])


# « l'annonce (par M. Trump) du … »: what follows is what was announced
ANNOUNCEMENT_OF = re.compile(r"\bannonces? (?:(?:par|de) [^,;()]{1,40}? )?(?:du|de la|de l'|des|d')\s*$")


def _announced_decision(tok, fr: Frame) -> bool:
    """« Trump a annoncé le retrait des 2 000 soldats », « Paris annonce le rapatriement de ses militaires »: a move
    noun as what is announced is a decision made known, the move to come; not a base left (« a annoncé son retrait
    officiel de la base »: the handover told) nor a move told done (« achevé », « terminé »)."""
    if fr.pos != "NOUN" or fr.kind not in ("withdrawal", "deployment", "redeployment") or fr.at_site:
        return False
    phrase = fold(fr.phrase)
    return not re.search(r"\b(bases?|camps?|aeroport|officiel\w*|effectif|acheve\w*|termine\w*|complet\w*)\b", phrase)


def _appositive_participle(tok) -> bool:
    """A past participle (or one the tagger took for a noun: « investi par le Parlement ») set off by a comma after
    the noun it describes."""
    participle = _bare_participle(tok) or (
        tok.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "obl:agent" for c in tok.children)
    )
    if participle and tok.i > 0 and tok.doc[tok.i - 1].text == "," and tok.head.i < tok.i:
        return True
    # fronted, before the noun it describes (« Remise aux forces irakiennes le 3 mars, la base doit… »): a word with
    # no determiner opening the sentence, its phrase closed by a comma before its head
    return (
        tok.i == 0
        and tok.head.i > tok.i
        and not any(c.dep_ == "det" for c in tok.children)
        and any(t.text == "," for t in tok.doc[max(t.i for t in tok.subtree) + 1 : tok.head.i + 1])
        and (participle or PARTICIPLE_SHAPE.search(fold(tok.text)) is not None)
    )


PARTICIPLE_SHAPE = re.compile(r"(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|ise|ises|it|ite|its|ites)$")


RECEIVED = re.compile(r"\b(delegation|ministre|president|homologue|envoye|emissaire|chef)")


def _received(tok):
    """The noun a fronted participle of « recevoir » is said of, when it names a leader or an envoy (« Reçu
    jeudi à la Maison Blanche, le Premier ministre … »: the noun phrase after the participle's phrase), else
    None."""
    if not _bare_participle(tok):
        return None
    if tok.dep_ in ("advcl", "acl") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        return tok.head if RECEIVED.match(fold(tok.head.text)) else None
    if tok.i != 0:
        return None
    comma = next((t.i for t in tok.doc if t.text == ","), None)
    if comma is None:
        return None
    j = comma + 1
    while j < len(tok.doc) and tok.doc[j].pos_ in ("DET", "ADJ"):
        j += 1
    if j < len(tok.doc) and tok.doc[j].pos_ == "NOUN" and RECEIVED.match(fold(tok.doc[j].text)):
        return tok.doc[j]
    return None


def _plan_word(t) -> bool:
    return bool(SET_PLAN.match(fold(t.lemma_ or t.text)) or SET_PLAN.match(fold(t.text)))


def _sets_a_plan(tok) -> bool:
    """Whether « arrêter » / « fixer » has a plan, date or terms as its object (to set, to settle); a bare
    participle said of such a noun sets it too (« le calendrier, arrêté en juillet par les deux pays »,
    « l'échéance du 31 mars fixée en janvier »), however the parse hung the participle on it."""
    if any(c.dep_ in ("obj", "nsubj:pass") and _plan_word(c) for c in tok.children):
        return True
    if any(c.dep_.startswith("aux") for c in tok.children) or not (
        "Part" in tok.morph.get("VerbForm") or tok.pos_ in ("NOUN", "ADJ")  # (a participle tagged as a noun)
    ):
        return False
    h = tok
    for _ in range(4):  # up the noun phrase the participle follows (« l'échéance du 31 mars fixée … »)
        if h.head.i == h.i or h.head.i > tok.i or h.head.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        h = h.head
        if h.pos_ == "NOUN" and _plan_word(h):
            return True
    # a participle the parse made the sentence's head (« Le calendrier, arrêté en juillet, prévoit … »)
    return any(
        c.i < tok.i and c.pos_ == "NOUN" and c.dep_ in ("nsubj", "nsubj:pass", "obl:mod", "obl") and _plan_word(c)
        for c in tok.children
    )


def _setting_participle(tok) -> bool:
    """A bare participle of « arrêter » / « fixer » said of the plan or date it sets (« le calendrier arrêté en
    juillet », « l'échéance fixée en mai par X et Y »): the act of setting it, done, with its own date."""
    return (
        lemma_pos(tok)[0] in ("arreter", "fixer")
        and _sets_a_plan(tok)
        and not any(c.dep_.startswith("aux") or c.dep_ in ("obj", "nsubj") for c in tok.children)
    )


def _participle_phrase(tok) -> set[int]:
    """The words of a bare participle's phrase up to the next punctuation or verb (« fixée en mai par X et Y »),
    however the parse hung them: its own date and agent are there."""
    out = {t.i for t in tok.subtree}
    for t in tok.doc[tok.i + 1 :]:
        if t.pos_ in ("PUNCT", "VERB", "AUX") or fold(t.text) in ("qui", "que", "qu'", "dont"):
            break
        out.add(t.i)
    return out


# « par Bagdad et Washington », « par les deux gouvernements »: the parties who set a plan
BY_PARTIES = re.compile(r"\bpar ((?:les |la |le |l')?[^,;.]+)")


# people one arrests (« arrêter des membres », « un suspect a été arrêté »): « arrêter » then stops no activity
ARRESTED = re.compile(
    r"\b(membres?|suspects?|personnes?|hommes|individus|combattants?|miliciens?|militants?|commandants?|chefs?|"
    r"responsables?|dirigeants?|auteurs?|partisans?|manifestants?|jihadistes?|djihadistes?|terroristes?)\b"
)


# what stops when « s'arrêter » is a suspension (« les frappes se sont arrêtées », « la mission s'arrête »)
ACTIVITIES = re.compile(
    r"^(operations?|frappes?|bombardements?|combats?|mission|missions|travaux|entrainements?|formations?|"
    r"cooperation|activites?|tirs?|attaques?|raids?|discussions?|negociations?|pourparlers|dialogue|programmes?|"
    r"livraisons?|vols?|patrouilles?|aide|soutien|assistance|retrait|deploiement|engagement|hostilites|offensive|"
    r"campagne|guerre|violences?|manifestations?|protestations?|sit-in|greve|processus|projet|cela|ca|tout)$"
)


def _halts(tok) -> bool:
    """Whether « s'arrêter » tells something that stops moving (a convoy, soldiers, a vehicle), not an activity
    that stops: the pronominal verb whose subject is no activity."""
    if not any(fold(c.text) in ("se", "s'") for c in tok.children):
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if subj and subj[0].pos_ == "PRON" and tok.dep_ == "acl:relcl":
        subj = [tok.head]  # « le convoi, qui s'est arrêté »
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN") and not ACTIVITIES.match(_lemma(subj[0]))


def _arrests(tok) -> bool:
    """Whether « arrêter » has people as its object (or passive subject): to arrest them."""
    return any(
        (c.dep_ in ("obj", "nsubj:pass") or (c.dep_ == "nmod" and c.i > tok.i))  # (« des » taken for « de »)
        and (ARRESTED.match(fold(c.text)) or c.pos_ == "PROPN")
        for c in tok.children
    )


# the raid of the soldiers the clause counts (« blessés lors d'un raid », « au cours d'une opération héliportée »)
OWN_RAID = re.compile(
    r"\b(?:lors|au cours|pendant) d'(?:un|une) (?:raid|assaut|operation (?:heliportee|terrestre|commando|speciale|"
    r"antiterroriste|conjointe|contre))\b"
)
# verbs of condemning what happened: no decision, plan, demand, denial, claim or toll (a tribute, « saluer », may be
# the news of a lead)
JUDGING_SPEECH = frozenset(
    {
        "denoncer",
        "condamner",
        "fustiger",
        "deplorer",
        "critiquer",
        "denonciation",
        "condamnation",
    }
)
# a crowd (« la foule », « des manifestants »): its violence is a riot
CROWD = re.compile(r"\b(?:foules?|manifestants?|protestataires?|emeutiers?|contestataires?)\b")
# a time ahead in a sentence (a deadline, « prochain », « à terme »)
TIME_AHEAD = re.compile(r"\b(?:d'ici|prochaine?s?|a terme|a l'avenir|a partir d[eu']|au plus tard)\b")
# a victory or a defeat declared (« proclamer la victoire sur l'EI », « annoncer la chute de Baghouz », « déclarer
# la fin du califat »): the codebook's `other` (a victory declared), not a mere statement
VICTORY_SAYING = frozenset({"proclamer", "declarer", "annoncer", "celebrer", "feter", "revendiquer"})
VICTORY = re.compile(
    r"^(?:la |l'|sa |leur )?(?:\w+ )?(?:victoire|defaite|elimination|liberation|chute|reprise|fin)\b"
    r"(?=.*\b(?:califat|daech|ei|etat islamique|jihadistes?|djihadistes?|groupe|organisation|village|ville|"
    r"bastion|reduit|poche|sur)\b)"
)


def _declares_victory(tok) -> bool:
    """Whether a verb of saying has a victory or defeat as its object (« ont proclamé ce samedi la totale
    élimination du califat »)."""
    if _lemma(tok) not in VICTORY_SAYING:
        return False
    objs = [c for c in tok.children if c.dep_ == "obj"]
    return any(VICTORY.match(re.sub(r"[«»\"]", "", fold(_subtree_text(c)[0])).replace("  ", " ").strip()) for c in objs)


COMMANDED = re.compile(
    r"^\s*(?:\w+ ){0,3}?(?:la |l'|le )(?:mission|coalition|operation|commandement|force|contingent)\b"
)


def _command_span(tok) -> bool:
    """Whether « commander » is dated as the start or the end of a command (« qui commande depuis novembre 2020
    la mission », « commandée jusqu'en novembre 2019 par le général X »), not a command at some time."""
    for c in tok.children:
        if c.dep_ not in ("obl", "obl:mod", "obl:arg", "advmod", "nmod"):
            continue
        words = [fold(t.text) for t in c.subtree]
        if (
            words
            and words[0] in ("depuis", "jusqu'en", "jusqu'au", "jusqu'a", "jusqu'", "jusqu", "jusque")
            and (any(w in CALENDAR_WORDS for w in words) or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words))
        ):
            return True
    return False


def _cleft(tok) -> bool:
    """Whether a noun is the focus of a cleft (« c'est la base K1, près de Kirkouk, qui a été visée »)."""
    return any(c.dep_ == "expl:subj" and fold(c.text) in ("c'", "ce") for c in tok.children) and any(
        c.dep_ == "cop" for c in tok.children
    )


def _after_pour_autant(tok) -> bool:
    """Whether the parse hung an object on the adverb « pour autant » (« ne signifie pas pour autant le départ
    des troupes », read as « pour … le départ »): the noun is the verb's object."""
    return tok.dep_ == "obl:mod" and any(
        c.dep_ == "case" and fold(c.text) == "pour" and any(fold(f.text) == "autant" for f in c.children)
        for c in tok.children
    )


def _hypothetical(tok) -> bool:
    """Whether a predicate is only a case considered: a noun after « en cas de » (« un prix très lourd en cas
    d'attaque »), a verb after « si » or « au cas où » (« si l'Iran attaquait ») — not « même si », which grants."""
    h = tok.head
    if tok.pos_ == "NOUN" and _lemma(h) == "cas" and any(fold(c.text) == "en" and c.dep_ == "case" for c in h.children):
        return True
    if tok.pos_ in ("VERB", "AUX"):
        for c in tok.children:
            if c.dep_ == "mark" and fold(c.text) in ("si", "s'"):
                # « si » with a passé composé or passé simple opposes two facts (« Si les deux premières roquettes
                # ont visé la Zone verte, la troisième est tombée à Balad »): no case considered
                prev = fold(tok.doc[c.i - 1].text) if c.i > 0 else ""
                told = any(a.dep_.startswith("aux") and "Pres" in a.morph.get("Tense") for a in tok.children) or (
                    "Fin" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")
                )
                return prev != "meme" and not told
            if c.dep_ == "mark" and fold(c.text) == "ou" and c.i >= 2 and fold(tok.doc[c.i - 1].text) == "cas":
                return True
    return False


def _dated_participle(tok) -> bool:
    """A past participle describing a noun with a date of its own (« l'accord conclu le 26 juillet », « la
    résolution adoptée en janvier 2020 »): the act it tells is done, whatever the clause around the noun plans."""
    if tok.dep_ != "acl" or "Part" not in tok.morph.get("VerbForm") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_.startswith("aux") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod"):
            continue
        words = [fold(t.text) for t in c.subtree]
        if any(w in CALENDAR_WORDS for w in words) or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words):
            return True
    return False


# participles of occurring the tagger reads as adjectives (« les négociations, ouvertes en février »)
OCCURRED = re.compile(r"^(?:r?ouvert|r?elance|lance|entame|tenu|engage)e?s?$")


def _dated_occurrence(c) -> bool:
    """A dated bare participle of occurring said of the noun it follows (« lancés le 14 mars », « ouvertes en
    février », « tenue le 2 mars »)."""
    if c.dep_ not in ("acl", "amod") or c.i < c.head.i or any(x.dep_.startswith("aux") for x in c.children):
        return False
    return bool(lemma_pos(c)[0] in HAPPEN_VERBS or OCCURRED.match(fold(c.text))) and _dated_phrase(c)


# a relative date as a predicate's complement: « il y a huit jours », « hier », « la veille »
RELATIVE_DATE = re.compile(r"^(?:il y a\b|(?:d')?hier\b|avant-hier\b|(?:la )?veille\b)")


def _dated_phrase(c) -> bool:
    """Whether a predicate has a date among its complements (« en février », « le 14 mars », « en 2019 », « il y
    a huit jours »)."""
    for x in c.children:
        if x.dep_ in ("obl", "obl:mod", "obl:arg", "nmod", "advmod"):
            words = [fold(t.text) for t in x.subtree]
            if any(w in CALENDAR_WORDS for w in words) or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words):
                return True
            if RELATIVE_DATE.match(" ".join(words)):
                return True
    return False


STATED_BY = {
    "annoncer",
    "decider",
    "ordonner",
    "prevoir",
    "programmer",
    "promettre",
    "envisager",
    "planifier",
    "exiger",
    "reclamer",
    "demander",
    "souhaiter",
}


def _stated_by_participle(tok):
    """The dated bare participle of a statement, plan or demand said of a move noun (« le retrait, annoncé en
    janvier par Rome, … », « le départ décidé l'an dernier »), unless the clause tells the move under way
    (« le retrait annoncé en janvier a commencé »); else None."""
    if tok.pos_ != "NOUN":
        return None
    if tok.dep_ in ("nsubj", "nsubj:pass") and lemma_pos(tok.head)[0] in HAPPEN_VERBS and not _negated(tok.head):
        return None
    cands = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.i > tok.i]
    cands += [
        # « première étape du retrait ordonné par Trump il y a huit jours »: the participle right after the noun,
        # agreeing with it, that the parse hung on the noun before it
        c
        for c in tok.head.children
        if tok.dep_ == "nmod"
        and c.dep_ in ("acl", "amod")
        and c.i == tok.i + 1
        and c.morph.get("Gender") == tok.morph.get("Gender")
        and c.morph.get("Number") == tok.morph.get("Number")
    ]
    if tok.dep_ == "nsubj" and tok.head.i > tok.i and "Part" in tok.head.morph.get("VerbForm"):
        cands.append(tok.head)  # the participle the parse made the sentence's head (« Le retrait, annoncé en … »)
    for c in cands:
        if lemma_pos(c)[0] in STATED_BY and not any(x.dep_.startswith("aux") for x in c.children) and _dated_phrase(c):
            return c
    return None


def _said_noun(tok, lem: str) -> bool:
    """A noun of saying that names a statement (« sa menace de se retirer », « les menaces iraniennes », « un
    appel au départ »), not a circumstance (« une recrudescence des menaces »: a danger; « à la demande de
    Bagdad », « à l'appel de X »: on someone's request)."""
    before = _folded(tok.doc)[max(0, tok.idx - 8) : tok.idx]
    if lem in ("demande", "appel") and re.search(r"\b(?:a|sur) (?:la |l')?$", before):
        return False
    if lem == "menace":
        return any(
            _case(c) in ("de", "d")
            or (c.dep_ == "det" and "Poss=Yes" in str(c.morph))
            or (c.dep_ in ("amod", "nmod") and parties(fold(c.text)))
            for c in tok.children
        )
    return True


def _weapon_theme(tok) -> bool:
    """A launch verb whose object (or passive subject) is a weapon: « lancer des drones », « des roquettes
    ont été tirées », « deux drones lancés contre une base »."""
    if (
        tok.i > 0
        and tok.pos_ in ("VERB", "ADJ")
        and "Part" in tok.morph.get("VerbForm")
        or fold(tok.text).endswith(("e", "es", "ee", "ees", "s"))
    ):
        # a participle right after its noun (« deux drones piégés lancés contre… ») when the parse lost it
        if any(WEAPONS.match(fold(t.text)) for t in tok.doc[max(0, tok.i - 5) : tok.i]):
            return True
    h = tok
    while h.dep_ in ("acl", "amod", "conj") and h.head.i != h.i:  # « deux drones piégés lancés contre… »
        h = h.head
        if WEAPONS.match(_lemma(h)) or WEAPONS.match(fold(h.text)):
            return True
    for c in tok.children:
        if c.dep_ in ("obj", "nsubj:pass", "nsubj") and (
            WEAPONS.match(_lemma(c))
            or WEAPONS.match(fold(c.text))
            or any(
                cc.dep_ in ("nmod", "conj") and (WEAPONS.match(_lemma(cc)) or WEAPONS.match(fold(cc.text)))
                for cc in c.children
            )
        ):
            return True
    return False


def _subtree_text(tok, exclude=()) -> tuple[str, int, int]:
    toks = [t for t in tok.subtree if not any(t.i in ex for ex in exclude)] if exclude else list(tok.subtree)
    if not toks:
        return "", tok.idx, tok.idx
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _doc_slice(tok.doc, a, b), a, b


def _doc_slice(doc, a: int, b: int) -> str:
    return _text(doc)[a:b]


def _text(doc) -> str:
    """The sentence's text (``Doc.text`` builds every token anew on each call: kept once per doc)."""
    t = doc.user_data.get("text")
    if t is None:
        t = doc.user_data["text"] = doc.text
    return t


def _folded(doc) -> str:
    t = doc.user_data.get("folded")
    if t is None:
        t = doc.user_data["folded"] = fold(_text(doc))
    return t


def _case(tok) -> str:
    """The preposition of a nominal (« contre », « par », « de »…), folded; '' when none."""
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "fixed" and c.i < tok.i):
            return fold(c.text).rstrip("'")
    return ""


# the words that make « ne » a negation; alone (« avant que les Brigades n'annoncent », « plus tôt qu'on ne le
# pensait ») or with « que » (« n'a retiré que 200 soldats »: only) it is expletive or restrictive
NEGATORS = frozenset("pas plus jamais rien aucun aucune personne guere point nullement ni nul nulle aucunement".split())


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ in ("advmod", "det", "advmod:neg") and fold(c.text) in ("ne", "n'"):
            window = tok.doc[max(0, c.i - 8) : min(len(tok.doc), tok.i + 6)]
            # (« n'a cessé de », « ne saurait », « n'ose », « ne peut » deny without « pas », in written French)
            if any(fold(t.text) in NEGATORS for t in window) or _lemma(tok) in ("cesser", "savoir", "oser", "pouvoir"):
                return True
            continue
        if c.dep_ in ("advmod", "det", "advmod:neg") and fold(c.text) in (
            "pas",
            "jamais",
            "aucun",
            "aucune",
            "nullement",
            "guere",
        ):
            return True
        if c.dep_ == "det" and fold(c.text) in ("aucun", "aucune", "nul", "nulle"):
            return True
        if c.dep_ in ("mark", "case") and fold(c.text) == "sans" and "Inf" in tok.morph.get("VerbForm"):
            return True  # « sans rencontrer le moindre responsable »: not met
    return False


_FUT = re.compile(r"(?:er|ir|r)(?:ai|as|a|ons|ez|ont)$")
_CND = re.compile(r"(?:r)(?:ais|ait|ions|iez|aient)$")


def _reflexive(tok) -> bool:
    """A verb with its reflexive pronoun (« s'engager », « se rendre », « nous nous engageons »)."""
    return any(
        c.dep_ == "expl:comp"
        or fold(c.text) in ("se", "s'")
        or (
            c.i < tok.i
            and fold(c.text).rstrip("'’") in ("me", "m", "te", "t", "nous", "vous")
            and c.dep_ in ("expl", "expl:pv", "obj", "iobj")
        )
        for c in tok.children
    )


def _tense(tok) -> str:
    """past | present | future | conditional, from the verb and its auxiliaries."""
    forms = [tok] + [c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    for t in forms:
        m = t.morph
        low = fold(t.text)
        if "Cnd" in m.get("Mood") or (_CND.search(low) and len(low) > 5 and t.pos_ in ("VERB", "AUX")):
            return "conditional"
        if "Fut" in m.get("Tense") or (
            t.pos_ in ("VERB", "AUX")
            and len(low) > 4
            and _FUT.search(low)
            and "Past" not in m.get("Tense")
            and not low.endswith(("aient", "ait"))
            and low not in ("ont", "sont", "font", "vont")
        ):
            return "future"
    for t in forms:
        if t.dep_.startswith("aux") and _lemma(t) in ("avoir", "etre"):
            if "Imp" in t.morph.get("Tense") and tok.pos_ == "VERB" and _lemma(t) == "avoir":
                return "past"
            return "past"
    if "Past" in tok.morph.get("Tense") or "Imp" in tok.morph.get("Tense"):
        return "past"
    if tok.pos_ in ("VERB", "AUX"):
        return "present"
    return ""


# the verbs whose compound tenses take « être » (« sont arrivés », « étaient repartis »): no passive, no state
ETRE_VERBS = frozenset(
    (
        "arriver",
        "partir",
        "repartir",
        "venir",
        "revenir",
        "parvenir",
        "rentrer",
        "retourner",
        "entrer",
        "sortir",
        "tomber",
        "mourir",
        "deceder",
        "naitre",
        "rester",
        "demeurer",
        "descendre",
        "monter",
        "redescendre",
        "remonter",
        "devenir",
        "intervenir",
        "survenir",
        "decoller",
        "atterrir",
    )
)
_IMPERFECT = re.compile(r"(?:ais|ait|aient|ions|iez)$")


def _aspect(tok) -> str:
    """Where a predicate stands in the story the article tells: ``now`` (passé composé, passé simple,
    présent: the news) or ``before`` (plus-que-parfait, imparfait: what came before the news, or a
    state); for a noun, the verb that governs it; '' when no finite verb governs it (a title)."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            break
        cop = [c for c in t.children if c.dep_ == "cop"]
        if cop:  # « la base avait été le site de fréquentes attaques »: the copula's tense
            aux = [c for c in t.children if c.dep_ in ("aux", "aux:tense")]
            a = (aux or cop)[0]
            return "before" if "Imp" in a.morph.get("Tense") or _IMPERFECT.search(fold(a.text)) else "now"
        if t.head.i == t.i:
            return ""
        t = t.head
    else:
        return ""
    if t.pos_ not in ("VERB", "AUX"):
        return ""
    aux = [
        c
        for c in t.children
        if (c.dep_ in ("aux", "aux:tense") or (c.dep_ == "aux:pass" and _lemma(t) in ETRE_VERBS))
        and _lemma(c) in ("avoir", "etre")
    ]
    if aux:
        a = aux[0]
        return "before" if "Imp" in a.morph.get("Tense") or _IMPERFECT.search(fold(a.text)) else "now"
    low = fold(t.text)
    if "Part" in t.morph.get("VerbForm") or "Inf" in t.morph.get("VerbForm"):
        return _aspect(t.head) if t.head.i != t.i and t.dep_ in ("xcomp", "ccomp", "conj") else ""
    if _IMPERFECT.search(low) and not _CND.search(low):
        return "before"
    return "now"


def _chain(tok, n: int = 4):
    """The governors of ``tok``, nearest first (at most ``n``), through nominal and clausal links."""
    out = []
    t = tok
    for _ in range(n):
        if t.head.i == t.i:
            break
        out.append((t.dep_, t.head))
        t = t.head
    return out


def _parties_of(tok, frame_tokens=()) -> tuple[list[str], str]:
    text, a, b = _subtree_text(tok)
    f = fold(text)
    return parties(f), text


# verbs by which a clause modifying an event noun tells that very event (« l'accord conclu le 27 septembre »,
# « l'attaque menée mardi », « le dialogue tenu en avril », « l'attentat revendiqué le 3 janvier »): its date
# is the event's
HAPPEN_VERBS = {
    "conclure",
    "signer",
    "trouver",
    "tenir",
    "organiser",
    "mener",
    "perpetrer",
    "survenir",
    "intervenir",
    "effectuer",
    "realiser",
    "commettre",
    "lancer",
    "produire",
    "derouler",
    "avoir",
    "operer",
    "executer",
    "entamer",
    "commencer",
    "debuter",
    "achever",
    "terminer",
    "declencher",
    "revendiquer",
    "dater",
    "remonter",
    "adopter",
    "voter",
    "approuver",
    "sceller",
    "parapher",
    "obtenir",
    "arracher",
    "celebrer",
    "ouvrir",
    "rouvrir",
    "relancer",
    "faire",  # « l'attaque qui a fait trois morts »
    "causer",
    "provoquer",
    "couter",
}
# dependents that open a clause of their own (a verb's), whose dates are that clause's
CLAUSE_DEPS = ("acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "conj", "parataxis")


def _runs(doc, idxs, base: int) -> list[tuple[int, int]]:
    """Character spans (absolute) of the runs of consecutive token indices."""
    out: list[tuple[int, int]] = []
    prev = -2
    spans = _token_spans(doc)
    for i in sorted(idxs):
        a, b = spans[i]
        a, b = base + a, base + b
        if out and i == prev + 1:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        prev = i
    return out


def _token_spans(doc) -> list[tuple[int, int]]:
    """Each token's character span in the sentence, kept in the Doc's ``user_data`` (a token made from the Doc
    for each offset asked costs more than the offset)."""
    spans = doc.user_data.get("token_spans")
    if spans is None:
        spans = doc.user_data["token_spans"] = [(t.idx, t.idx + len(t.text)) for t in doc]
    return spans


def _clause_tokens(h) -> set[int]:
    """The tokens of the clause a verb heads, without the clauses nested in it (a relative, a
    participle, a subordinate, a coordinated verb): the words whose dates are that verb's."""
    out, stack = set(), [h]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and (c.pos_ in ("VERB", "AUX") or "Part" in c.morph.get("VerbForm")):
                continue
            stack.append(c)
    return out


def _same_event_clause(mod_head, tok) -> bool:
    """A clause modifying the event noun ``tok`` that tells the same event: a verb of occurring
    (« conclu », « menée », « tenu ») or an event predicate of its own (« l'attentat qui a frappé… »),
    not a statement about it (« le retrait annoncé mardi »)."""
    if mod_head.head.i != tok.i or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lem = lemma_pos(mod_head)[0]
    if lem in HAPPEN_VERBS:
        return True
    k = _kind(mod_head) if lem not in SPEECH_VERBS else None
    return k is not None and k not in ("speech",)


def _date_spans(tok, fr: Frame, mods_tok: list, base: int) -> None:
    """Where a frame's own dates may be: its phrase (with the clauses that tell the same event, without
    the others modifying a noun in it), then the clause of the verb that governs it (for a noun) or it
    heads (for a verb); which clause that is (``fr.clause``)."""
    doc = tok.doc
    verb = tok.pos_ in ("VERB", "AUX") or fr.pos == "VERB"
    h = tok
    if not verb:
        for _ in range(8):
            if h.head.i == h.i:
                break
            h = h.head
            if h.pos_ in ("VERB", "AUX"):
                break
    local = _clause_tokens(h) if (verb or h.pos_ in ("VERB", "AUX")) else {t.i for t in h.subtree}
    if verb:
        own = local
        if _setting_participle(tok):
            own = local = local | _participle_phrase(tok)
    else:
        own = {t.i for t in tok.subtree}
        for m, sub in mods_tok:
            if not _same_event_clause(m, tok) and not (sub[0] <= tok.i <= sub[-1]):
                own -= set(range(sub[0], sub[-1] + 1))
    fr.own = _runs(doc, own, base)
    fr.local = _runs(doc, local, base)
    fr.clause = base + h.idx


def frames_of(doc, base: int = 0) -> list[Frame]:
    """Every frame of one parsed sentence (``base``: the sentence's offset in the article)."""
    frames: list[Frame] = []
    index: dict[int, int] = {}
    # clauses that modify a noun (« la coalition formée en 2014 », « qui avait été visée mardi »):
    # their dates are theirs, not the sentence's other predicates'
    mods, mods_tok = [], []
    for t in doc:
        if t.dep_ in ("acl", "acl:relcl") and t.head.pos_ in ("NOUN", "PROPN"):
            sub = list(t.subtree)
            mods.append((sub[0].i, sub[-1].i, base + sub[0].idx, base + sub[-1].idx + len(sub[-1].text)))
            mods_tok.append((t, (sub[0].i, sub[-1].i)))
    for tok in doc:
        k = _kind(tok)
        if k is None:
            continue
        lem, pos = lemma_pos(tok)
        sub = list(tok.subtree)
        span = (base + sub[0].idx, base + sub[-1].idx + len(sub[-1].text))
        fr = Frame(lem, k, base + tok.idx, base + tok.idx + len(tok.text), span, pos)
        fr.depth = len(_chain(tok, 12))
        fr.attribute = tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and "Part" in tok.morph.get("VerbForm")
        fr.phrase = _text(doc)[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
        fr.foreign = [
            (a, b)
            for (i, j, a, b), (m, _) in zip(mods, mods_tok)
            if not i <= tok.i <= j and not _same_event_clause(m, tok)
        ]
        _date_spans(tok, fr, mods_tok, base)
        after = _folded(doc)[tok.idx : tok.idx + 90]
        fr.destination = bool(
            re.search(
                r"\b(?:vers|pour (?:se rendre|rejoindre|se repositionner|s'installer)|"
                r"en direction d)",
                after,
            )
        )
        _arguments(tok, fr)
        if k in ("violence", "impact") and pos == "NOUN" and not fr.weapon:
            # « une attaque à la roquette », « un attentat à la voiture piégée »: the weapon « à » names, however
            # the parse hung it
            w = WEAPON_AFTER.match(after)
            fr.weapon = bool(w and WEAPONS.match(w.group(1)))
        if k == "agreement" and not fr.agent and _setting_participle(tok):
            phrase = " ".join(doc[i].text for i in sorted(_participle_phrase(tok)))
            m = BY_PARTIES.search(fold(phrase))
            if m:
                fr.agent_text, fr.agent = m.group(1), parties(m.group(1))
                fr.joint = fr.joint or len(fr.agent) >= 2 or bool(re.search(r"\b(?:et|les deux)\b", m.group(1)))
        if k == "speech":
            _content(tok, fr, base)
            if _declares_victory(tok):
                k = fr.kind = "other"
                fr.sort = "victory"  # « les FDS ont proclamé la totale élimination du califat »: a victory declared
        if k == "death" and fr.weapon_subject and lem in IMPACT_VERBS:
            k = "impact"  # « des roquettes se sont abattues »
        if k == "impact" and not fr.weapon and fr.lemma in ("lancer", "tirer", "envoyer") and _weapon_theme(tok):
            fr.weapon = True
        if k == "impact" and not fr.weapon:
            continue  # « toucher », « tomber » without a weapon: no violence
        if k == "impact":
            fr.kind = "violence"
        if k == "other" and not fr.sort:
            fr.sort = other_sort(tok)
        fr.attempt = bool(re.search(r"\btentatives? d(?:e|')\s*$", _folded(doc)[max(0, tok.idx - 14) : tok.idx]))
        if k == "move":
            fr.kind = (
                MOVE_VERBS.get(lem) or MOVE_NOUNS.get(lem[:-1] if lem.endswith("s") else lem) or MOVE_NOUNS.get(lem)
            )
            if not _is_forces_move(tok, fr):
                continue
            if fr.kind == "handover" and _command_to_person(tok):
                fr.kind, fr.sort = "other", "command"  # « a cédé le commandement de la mission à son homologue »
        index[tok.i] = len(frames)
        frames.append(fr)
    # governors: a frame whose head chain reaches another frame's predicate is governed by it
    for tok in doc:
        if tok.i not in index:
            continue
        fr = frames[index[tok.i]]
        _modality(tok, fr, index, frames)
    return frames


_INCISE_AUX = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aurait",
    "auraient",
    "a-t-il",
    "a-t-elle",
    "ont-ils",
    "ont-elles",
    "-t-il",
    "-t-elle",
    "t",
    "il",
    "elle",
    "ils",
    "elles",
    "-il",
    "-elle",
    "-ils",
    "a-t",
    "'",
    "ont-t",
}
_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles"}
CONTENT_DEPS = ("ccomp", "xcomp", "obj", "csubj", "parataxis", "nmod", "acl")
# words of what is said that make it a statement about what is to come (« l'intention de », « le maintien
# de », « prête à », « a décidé de porter à 4 000 »): lemmas, folded
PLAN_SAID = {
    "intention",
    "volonte",
    "decision",
    "decider",
    "projet",
    "plan",
    "calendrier",
    "prolongation",
    "prolonger",
    "maintien",
    "maintenir",
    "pret",
    "prete",
    "prevoir",
    "envisager",
    "compter",
    "souhaiter",
    "vouloir",
    "engagement",
    "engager",
    "promettre",
    "promesse",
    "objectif",
    "echeance",
    "echeancier",
    "perspective",
}


def _content(tok, fr: Frame, base: int) -> None:
    """What a statement says (the spans of its clause or object) and whether it is to come."""
    said = []
    for c in tok.children:
        if c.dep_ not in CONTENT_DEPS or (c.dep_ == "nmod" and _case(c) == "par"):
            continue
        if fold(c.text) in DATE_WORDS:
            # « a annoncé jeudi que… » parsed with « jeudi » as the object: the date is the statement's,
            # what is said is the clause hanging on it
            said += [cc for cc in c.children if cc.pos_ in ("VERB", "AUX")]
            continue
        said.append(c)
    if (
        tok.dep_ in ("parataxis", "ccomp")
        and tok.head.i != tok.i
        and tok.i > tok.head.i
        and not any(c.dep_ == "mark" for c in tok.children)  # « … alors que Bagdad a proclamé »: no incise
    ):
        said.append(tok.head)  # « « … », a-t-il déclaré » / « Des roquettes …, a indiqué l'armée »: the head is said
    spans, words = [], []
    for c in said:
        toks = [t for t in c.subtree] if c is not tok.head else [t for t in c.subtree if t not in tok.subtree]
        toks = [t for t in toks if t.i != tok.i]
        if not toks:
            continue
        spans.append((base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)))
        words += toks
    # the parse often misses how a reporting clause hangs on what it reports; French word order tells:
    # « CONTENT, a indiqué X » (an inverted incise reports what comes before it) and « X a annoncé
    # (mardi) que CONTENT » (what follows « que »)
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and fold(doc[i].text) in _INCISE_AUX:
        if fold(doc[i].text) in _SUBJECT_PRONOUNS and fold(doc[i + 1].text) in _INCISE_AUX - _SUBJECT_PRONOUNS:
            i = -1  # « Dimanche, elle a annoncé… »: a subject before its auxiliary, no inversion, no incise
            break
        i -= 1
    if i > 0 and doc[i].text in (",", "»", '"', "”") and tok.pos_ in ("VERB", "AUX"):
        first = doc[0]
        spans.append((base + first.idx, base + doc[i].idx))
        words += [t for t in doc[:i] if t not in words]
        fr.incise = True
        after = [t for t in doc[tok.i + 1 :]]
        stop = next((k for k, t in enumerate(after) if t.text in (",", ".", ";")), len(after))
        fr.speaker = " ".join(t.text for t in after[:stop])
    else:
        fr.speaker = fr.agent_text
        for t in doc[tok.i + 1 : tok.i + 14]:
            if fold(t.text) in ("que", "qu'", ":", "«") or t.text == '"':
                spans.append((base + t.idx, base + doc[-1].idx + len(doc[-1].text)))
                words += [w for w in doc[t.i :] if w not in words]
                break
            if t.pos_ == "VERB" and t.dep_ not in ("acl", "amod"):
                break
    fr.content = spans
    heads = {c.i for c in said}
    for t in words:
        lem = _lemma(t)
        # a plan word heads what is said (« son intention de… », « le maintien de… »), or is its verb
        # (« a décidé de porter… »); not a word deep inside it (« fait partie d'un plan… »)
        describes = t.dep_ in ("acl", "amod") and t.head.pos_ in ("NOUN", "PROPN")  # « les F-16 engagés contre… »
        if (
            lem in PLAN_SAID
            and not describes
            and (t.pos_ in ("VERB", "ADJ") or t.i in heads or t.head.i in heads and t.dep_ == "obj")
        ):
            fr.content_plan = True
            break
        if t.pos_ in ("VERB", "AUX") and _tense(t) in ("future", "conditional") and lem not in ("pouvoir",):
            fr.content_plan = True
            break
        if (
            lem == "devoir" and t.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("aux") for c in t.children)
        ):  # « les troupes devaient se retirer »: an obligation still to meet (not « ont dû »)
            fr.content_plan = True
            break


def _operation_against(tok) -> bool:
    """« mener / conduire / lancer une opération contre X » (also « l'une des opérations … contre X »): an armed
    action against someone, told as done; a named operation (« l'opération Chammal ») is not one."""
    if not any(c.dep_ in ("nmod", "obl", "obl:arg") and _case(c) == "contre" for c in tok.children):
        return False
    if any(c.pos_ == "PROPN" and c.i == tok.i + 1 for c in tok.doc[tok.i + 1 : tok.i + 2]):
        return False
    h = tok.head
    if h.pos_ == "PRON" and h.i < tok.i:  # « l'une des opérations »
        h = h.head
    return _lemma(h) in ("mener", "conduire", "effectuer", "lancer", "realiser", "declencher")


def _command_to_person(tok) -> bool:
    """A command handed from one commander to another (« a cédé le commandement de la mission à son
    homologue », « passation de commandement entre deux généraux »): the same force keeps it."""
    phrase = fold(_subtree_text(tok)[0])
    if not re.search(r"\b(commandement|direction|tete)\b", phrase):
        return False
    return bool(
        PERSON_RECIPIENT.search(phrase) or re.search(r"\bentre (?:les |deux )?(?:generaux|commandants)\b", phrase)
    )


# « mettre fin à sa présence », « mettre un terme à sa participation »: forces leave; to its activities: a pause
# what is ended (« mettre fin à sa présence », « la mission a pris fin »)
_ENDED_WORDS = (
    r"presence|mission|participation|engagement|deploiement|contingent|operations?|activites|"
    r"cooperation|formation|entrainement|patrouilles"
)
ENDED_WHAT = rf"\b(?:{_ENDED_WORDS})\b"
ENDED = re.compile(
    r"^\w+ (?:\w+ )?(?:fin|un terme) (?:a|au|aux) (?:(?:la|l'|le|les|sa|son|ses|leur|leurs|toute|cette|ce|cet) ?)?"
    rf"(?:\w+ ){{0,2}}?(?P<what>{_ENDED_WORDS})\b"
)
SUSPENDED_WORDS = {"activites", "cooperation", "formation", "entrainement", "patrouilles", "operations", "operation"}
# a body counted in people (« sa mission de formation … à 4 000 membres »): raised or cut as forces are
MANNED = re.compile(r"\b(mission|contingent|coalition|force)\b")
PEOPLE_TO = re.compile(
    r"\ba (?:\w+ )?\d[\d  .]*\s*(?:membres|hommes|soldats|militaires|instructeurs|formateurs|conseillers|personnels?)\b"
)
FROM_TO = re.compile(r"\bde (\d[\d  .]*?)\s*(?:[a-z]+ )?a (?:[a-z]+ )?(\d[\d  .]*\d|\d)")
RAISED_FORCES = re.compile(
    r"\b(effectifs|troupes|presence militaire|contingents?|forces|dispositif militaire|soldats|militaires|"
    r"deploiement|nombre de (?:soldats|militaires))\b"
)


def _inherited_subject(tok) -> list:
    """The subject a verb shares with the verb it depends on when it has none of its own (« … affectés à
    l'opération, sera transférée au Koweït », « ses activités ont été suspendues, puis réduites »)."""
    if tok.head.i == tok.i or tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    # an auxiliary the parse took for the main verb (« les troupes avaient une première fois été déplacées »)
    aux_head = _lemma(tok.head) in ("avoir", "etre") and tok.dep_ in ("ccomp", "xcomp", "conj")
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in tok.children) and not aux_head:
        return []
    if tok.dep_ not in ("conj", "advcl", "xcomp") and not aux_head:
        return []
    return [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]


# who may leave a place or withdraw without being forces: crowds, supporters, candidates, parties
def _civilians_only(words: str) -> bool:
    """Whether a phrase (folded) names no forces (« personnes », which FORCES counts for « 500 personnes » of a
    contingent, is no forces word here)."""
    return not FORCES.search(re.sub(r"\bpersonnes\b", "", words))


# people a state brings home who are not its forces
BROUGHT_HOME = re.compile(r"\b(ressortissants?|meres|epouses|veuves|orphelins|detenus|prisonniers|diplomates)\b")
CIVILIAN_MOVERS = re.compile(
    r"\b(manifestants?|protestataires?|partisans?|foules?|emeutiers?|contestataires?|sympathisants?|"
    r"candidats?|deputes?|elus?|partis?|blocs?|listes?|fideles|pelerins?|habitants?|civils|familles|personnes|"
    r"refugies|deplaces|femmes|enfants|touristes|etudiants|journalistes)\b"
)


SITE_THEME = re.compile(r"\b(bases?|sites?|camps?|controle|installations?|aeroport|commandement|qg|responsabilite)\b")


# « arrivé en tête », « arrivée deuxième »: a rank in an election or a race
RANKED = re.compile(
    r"\s+(?:\w+ )?(?:en tete|premiere?s?|deuxiemes?|troisiemes?|seconde?s?|derniere?s?)"
    r"(?:\s*[,.;]|\s+(?:des|du|de la|de l'|aux|avec)\s*(?:[\w'-]+ ){0,2}?(?:legislatives|elections?|scrutin|vote|"
    r"presidentielle|municipales|sondages?|suffrages|voix|sieges|course|classement|resultats|depouillement|"
    r"\d))"
)
# « retiré X de la liste (noire) des… », « de sa liste des organisations terroristes »: struck off a list
OFF_A_LIST = re.compile(r"^[^.;:]{0,80}?\b(?:de|d') ?(?:la|sa|leur|cette) (?:\w+ )?(?:liste|registre)\b")


def _is_forces_move(tok, fr: Frame) -> bool:
    """A movement predicate moves forces, a base or a command (not « lancer un appel », « rendre hommage »)."""
    lem = fr.lemma
    objs = [
        c
        for c in tok.children
        if c.dep_ in ("obj", "nsubj:pass", "nmod", "obl:arg", "obl", "nsubj", "obl:mod")
        or (c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN"))
    ]
    objs += _inherited_subject(tok)
    words = " ".join(fold(_subtree_text(c)[0]) for c in objs)
    after = _folded(tok.doc)[tok.idx : tok.idx + 120]
    if lem in ("rapatrier", "rapatriement", "evacuer", "evacuation"):
        # « seize enfants et six mères détenus à Roj ont été rapatriés », « l'évacuation des ressortissants »:
        # people brought home, no forces leaving
        moved = " ".join(
            fold(_subtree_text(c)[0])
            for c in tok.children
            if c.dep_ in ("obj", "nsubj:pass") or (c.dep_ == "nmod" and _case(c) in ("de", "d", "du", "des"))
        )
        if (CIVILIAN_MOVERS.search(moved) or BROUGHT_HOME.search(moved)) and _civilians_only(moved):
            fr.kind, fr.sort = "other", "repatriation"
            return True
    if lem == "mettre":
        return bool(ENDED.match(after)) and ENDED.match(after).group("what") not in SUSPENDED_WORDS
    if lem == "prendre":
        fr.kind = "withdrawal"  # « la mission de combat a pris fin » (the kind checked in _kind_of)
        return True
    if lem == "revoir":
        return bool(re.match(r"^\w+ a la baisse", after)) and bool(RAISED_FORCES.search(words))
    if lem in ("augmenter", "accroitre", "renforcer", "porter", "doubler"):
        # forces added (« porter ses effectifs à 4 000 », « renforcer sa présence militaire »), not « renforcer
        # la sécurité »: what is raised is the forces, as the object
        heads = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass")]
        heads += [c for c in _inherited_subject(tok) if c.dep_ == "nsubj:pass"]
        # the head noun with its adjectives (« sa présence militaire »), not « le moral des troupes »
        theme = " ".join(fold(" ".join([c.text] + [a.text for a in c.children if a.dep_ == "amod"])) for c in heads)
        if lem == "porter" and not re.search(r"\ba (?:\w+ )?\d", after):
            return False
        return bool(RAISED_FORCES.search(theme) or (MANNED.search(theme) and PEOPLE_TO.search(after)))
    if lem == "passer" and (_lemma(tok.head) == "faire" or any(_lemma(c) == "faire" for c in tok.children)):
        # « faire passer sa mission de 500 à 4 000 membres »: forces raised or cut, by the two numbers
        theme = " ".join(fold(c.text) for c in tok.children if c.dep_ == "obj")
        m = FROM_TO.search(after)
        if m and (RAISED_FORCES.search(theme) or (MANNED.search(theme) and PEOPLE_TO.search(after))):
            a, b = (int(re.sub(r"\D", "", g)) for g in m.groups())
            fr.kind = "deployment" if b > a else "withdrawal"
            return a != b
    if tok.dep_ in ("acl", "amod", "appos", "acl:relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        words += " " + fold(tok.head.text)  # « la base …, remise aux forces irakiennes »
    own = fold(tok.text)
    if lem in ("creer",):
        # a mission or an operation created (« la mission, créée en 2018 »): forces sent, not a body founded
        phrase = words + " " + fold(tok.head.text if tok.dep_ in ("acl", "amod", "appos") else "")
        return bool(re.search(r"\b(mission|operation)\b", phrase)) and not re.search(r"\b(comite|commission)\b", phrase)
    if lem in ("lancer",):
        if not words.strip() or not any(c.dep_ == "obj" for c in tok.children):
            # « Lancée en septembre 2014, l'opération X… », « l'opération X lancée en 2014 »: what was launched
            # is the noun the participle describes, before or after it
            doc = tok.doc
            words += (
                " "
                + fold(doc[max(0, tok.i - 3) : tok.i].text)
                + " "
                + fold(
                    _text(doc)[tok.idx : tok.idx + 90].split(",", 2)[1]
                    if _text(doc)[tok.idx : tok.idx + 90].count(",")
                    else ""
                )
            )
        if any(_lemma(c) == "operation" and c.i > tok.i and _operation_against(c) for c in tok.children):
            return False  # « a lancé une opération contre les forces kurdes »: the operation is the violence told
        return bool(re.search(r"\b(operation|mission|campagne)\b", words)) and not re.search(
            r"\b(roquette|missile|drone|appel|attaque|offensive)\b", words
        )
    if lem in ("rendre",):
        if _reflexive(tok):
            return False  # « se rendre à Erbil »: going somewhere
        return (
            bool(
                re.search(
                    r"\b(bases?|sites?|camps?|controle|installations?|aeroport|centre|qg|quartiers?|locaux)\b", words
                )
            )
            and "visite" not in words
        )
    if lem in (
        "recevoir",
        "ceder",
        "livrer",
        "transferer",
        "transfert",
        "remettre",
        "remise",
        "restituer",
        "restitution",
        "retroceder",
        "retrocession",
        "passation",
    ):
        theme = " ".join(
            fold(_subtree_text(c)[0])
            for c in list(tok.children) + _inherited_subject(tok)
            if c.dep_ in ("obj", "nsubj:pass") or (c.dep_ == "nmod" and _case(c) in ("de", "d", "du", "des"))
        )
        if lem in ("transferer", "transfert") and FORCES.search(theme) and not SITE_THEME.search(theme):
            fr.kind = "redeployment"  # « d'autres unités ont été transférées à la base de Harir »: forces moved
            return True
        if re.search(
            r"\b(bases?|sites?|camps?|controle|installations?|aeroports?|commandement|qg|quartiers?|"
            r"responsabilite|cle|cles|equipements?|batiments?)\b",
            words,
        ) or (
            lem not in ("recevoir", "transferer", "transfert")
            and re.search(r"\ba(?:ux)? (?:l')?(?:forces|armee|autorites|troupes|irakiens|gouvernement)\b", words)
        ):
            fr.kind = "handover"
            return True
        if lem in ("transferer", "transfert") and FORCES.search(words):
            fr.kind = "redeployment"
            return True
        return lem in ("remise", "passation", "retrocession", "restitution") and not words.strip() == ""
    if lem == "passer":
        # « passer le relais / le flambeau / le commandement à l'Italie »: a command passing to another force (not to a
        # commander's successor, see _command_to_person)
        after = _folded(tok.doc)[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 40]
        if re.match(r"\s*(?:\w+ ){0,2}?(?:le |les )(?:relais|flambeau|temoin|commandement|renes)\b", after):
            fr.kind = "handover"
            return not _command_to_person(tok)
        return False
    if (
        lem in ("reduire", "diminuer", "abaisser", "reduction")
        and re.search(r"\b(activites|operations|formation|entrainement|patrouilles|cooperation)\b", words)
        and not RAISED_FORCES.search(words)
    ):
        fr.kind = "suspension"  # « réduire ses activités au minimum »: a pause, not forces leaving
        return True
    if lem in ("reduire", "diminuer", "abaisser", "reduction", "ramener"):
        return bool(
            re.search(
                r"\b(troupes|forces|effectifs|presence|contingent|soldats|militaires|nombre|niveau|"
                r"empreinte|mission|dispositif)\b",
                words,
            )
        )
    if lem in (
        "arriver",
        "arrivee",
        "partir",
        "depart",
        "envoyer",
        "envoi",
        "deplacer",
        "deplacement",
        "transporter",
        "abandonner",
        "quitter",
        "evacuer",
        "evacuation",
    ):
        subject = " ".join(fold(_subtree_text(c)[0]) for c in tok.children if c.dep_ == "nsubj")
        if lem == "arriver" and RANKED.match(after, len(tok.text)):
            return False  # « la liste est arrivée en tête des législatives »: a rank in a race, no one moves
        if lem in ("quitter", "partir") and CIVILIAN_MOVERS.search(subject) and _civilians_only(subject):
            return False  # « 60 000 personnes ont quitté la poche de Baghouz »: people fleeing, no forces
        if lem in ("quitter", "evacuer", "evacuation", "abandonner"):
            return bool(
                FORCES.search(fold(_subtree_text(tok)[0]))
                or SITE_WORDS.search(words)
                or re.search(r"\b(irak|pays|syrie|region|ville|zone|capitale)\b", words)
                or fr.agent
            )
        return bool(FORCES.search(words) or FORCES.search(fold(fr.agent_text)))
    movers, h = [c for c in tok.children if c.dep_ == "nsubj"], tok
    for _ in range(3):  # « …, incendiant un poste avant de se retirer »: the subject of the clause it hangs on
        if movers or h.dep_ not in ("conj", "advcl", "xcomp") or h.head.i == h.i:
            break
        h = h.head
        movers = [c for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not movers and h is not tok:  # a parse that lost the subject: what comes before that clause's verb
        movers = [t for t in tok.doc[: h.i] if t.pos_ in ("NOUN", "PROPN") and t.head.i == h.i]
    if (own.startswith("retir") or lem == "retirer") and CIVILIAN_MOVERS.search(
        " ".join(fold(_subtree_text(c)[0]) for c in movers) + " " + fold(fr.agent_text)
    ):
        return False  # « les manifestants se sont retirés », « le candidat se retire »: no forces leave
    if (own.startswith("retir") or lem == "retirer") and OFF_A_LIST.search(after):
        return False  # « le Conseil a retiré X de la liste des personnes sanctionnées »: a name struck off, no move
    if own.startswith("retir") or lem == "retirer":
        return bool(
            FORCES.search(words + " " + fold(fr.agent_text))
            or any(c.dep_ == "expl:comp" for c in tok.children)
            or SITE_WORDS.search(words)
        )
    return True


# participles of carrying out violence (« menées », « ordonnées », « lancées », « revendiquée »): their « par »
# is the violence's author, their « contre » its target
CONDUCT_PARTICIPLES = {
    "mener",
    "conduire",
    "lancer",
    "ordonner",
    "effectuer",
    "realiser",
    "operer",
    "perpetrer",
    "commettre",
    "executer",
    "revendiquer",
    "decider",
    "autoriser",
}


def _arguments(tok, fr: Frame) -> None:
    """Agent, target, weapon, victims of a frame from the predicate's dependents."""
    if fold(tok.text) in ("cible", "cibles") and tok.head.i != tok.i and _lemma(tok.head) == "prendre":
        tok = tok.head  # « la base avait été prise pour cible », « ont pris pour cible la base »: prendre's dependents
    passive = (
        any(c.dep_ == "aux:pass" for c in tok.children)
        or "Pass" in tok.morph.get("Voice")
        or (_lemma(tok) in KILL_VERBS | DEATH_VERBS and any(fold(c.text) == "ete" for c in tok.children))
    )
    agent_toks, target_toks = [], []
    # an active verb with its subject has no agent in « par » (« des F-15 ont bombardé un entrepôt utilisé par les
    # Gardiens »: the parse may hang the participle's « par » on the verb)
    active_subject = (
        not passive
        and tok.pos_ in ("VERB", "AUX")
        and not _bare_participle(tok)  # (« Le calendrier, arrêté en février par les deux pays »: passive)
        and any(c.dep_ == "nsubj" for c in tok.children)
    )
    for c in tok.children:
        d, case = c.dep_, _case(c)
        cf = fold(c.text)
        if d == "nsubj" and not passive:
            agent_toks.append(c)
        elif d in ("nsubj:pass",) or (d == "nsubj" and passive):
            target_toks.append(c)
        elif (
            d == "obl:agent" or (case == "par" and d in ("obl", "obl:arg", "obl:mod", "nmod"))
        ) and not active_subject:
            agent_toks.append(c)
        elif d == "obj":
            target_toks.append(c)
        elif case in ("contre", "sur", "vers") and d in ("obl", "obl:arg", "obl:mod", "nmod"):
            if fr.kind == "move" and case == "vers":
                fr.place_text = _subtree_text(c)[0]
            else:
                target_toks.append(c)
        elif (
            case in ("a", "au", "aux", "en", "dans")
            and d in ("obl", "obl:arg", "obl:mod", "nmod")
            and fr.kind == "move"
        ):
            if not fr.place_text:
                fr.place_text = _subtree_text(c)[0]
            if _lemma(tok) in MOVE_VERBS and MOVE_VERBS[_lemma(tok)] == "handover":
                target_toks.append(c)  # « remise aux forces irakiennes »: the recipient
        elif case in ("de", "d", "du", "des") and d in ("nmod",) and tok.pos_ == "NOUN":
            # « retrait des troupes américaines » (theme), « attaque de l'Iran » (agent), « mort de X » (patient)
            if fr.kind in ("death",):
                target_toks.append(c)
            elif fr.kind == "move":
                agent_toks.append(c)
            elif fr.kind == "violence":
                if WEAPONS.match(_lemma(c)) or WEAPONS.match(cf):
                    fr.weapon = True
                    # « une frappe de drone américaine »: the weapon's nationality is its user
                    agent_toks += [a for a in c.children if a.dep_ == "amod" and parties(fold(a.text))]
                elif parties(fold(_subtree_text(c)[0])) and not SITE_WORDS.search(fold(c.text)):
                    agent_toks.append(c)
                else:
                    target_toks.append(c)
            else:
                agent_toks.append(c)
        elif d == "amod" and tok.pos_ == "NOUN":
            p = parties(cf)
            if p and fr.kind in ("violence", "move", "death", "vote", "suspension", "speech"):
                agent_toks.append(c)
        elif d in ("det",) and fold(c.text) in ("leur", "leurs", "son", "sa", "ses"):
            pass
        elif d == "nsubj" and passive:
            target_toks.append(c)
        if d == "conj" and fr.kind in ("agreement", "talks"):
            fr.joint = True

    if tok.pos_ == "VERB" and not passive and not any(c.dep_ == "obj" for c in tok.children):
        target_toks += _object_after_date(tok)
    if fr.lemma == "recevoir" and _bare_participle(tok):
        # « Reçu jeudi à l'Élysée, le ministre irakien, … »: the noun the fronted participle is said of
        target_toks = [t for t in target_toks if fold(t.text) not in DATE_WORDS]
        target_toks = target_toks or [c for c in tok.children if c.dep_ == "appos"][:1]
        r = _received(tok)
        if r is not None and not any(t is r for t in target_toks):
            target_toks.append(r)

    if not target_toks and fr.kind in ("violence", "move") and _bare_participle(tok) and _appositive_participle(tok):
        # « Attaquée à la roquette le 2 janvier, la base… », « la base, visée mardi, … »: a passive participle set off
        # by commas is said of its noun, its patient
        if tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            target_toks.append(tok.head)
        elif tok.head.i > tok.i:
            target_toks += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")][:1]

    # an active subject that is a weapon: violence with an unknown agent
    def _is_weapon(t) -> bool:  # « des roquettes », « une douzaine de missiles », « deux drones armés »
        return bool(
            WEAPONS.match(_lemma(t))
            or WEAPONS.match(fold(t.text))
            or any(
                c.dep_ == "nmod"
                and _case(c) in ("de", "d")
                and (WEAPONS.match(_lemma(c)) or WEAPONS.match(fold(c.text)))
                for c in t.children
                if t.pos_ in ("NOUN", "NUM", "PRON") and _lemma(t) not in _NOT_WEAPON_NOUNS
            )
        )

    weapon_subj = [t for t in agent_toks + target_toks if _is_weapon(t)]
    if weapon_subj:
        fr.weapon = True
        fr.weapon_subject = any(t.dep_ in ("nsubj", "nsubj:pass") for t in weapon_subj)
        for t in weapon_subj:
            # « des roquettes tirées par X » keeps X
            for c in t.children:
                if c.dep_ == "acl":
                    for cc in c.children:
                        if cc.dep_ == "obl:agent" or _case(cc) == "par":
                            agent_toks.append(cc)
        # « un drone américain », « des missiles iraniens »: the weapon's nationality is its user
        for t in weapon_subj:
            adj = " ".join(c.text for c in t.children if c.dep_ == "amod")
            if t in agent_toks and parties(fold(adj)):
                fr.agent_text = adj
        agent_toks = [t for t in agent_toks if t not in weapon_subj]
        target_toks = [t for t in target_toks if t not in weapon_subj]
    cut: set[int] = set()  # words of a target the parse hung inside the agent's phrase
    if fr.kind == "violence" and tok.pos_ == "NOUN":
        # a bare participle of conducting said of the violence noun (« les frappes ordonnées par X contre Y »,
        # « l'attaque menée par X », « le raid revendiqué par X »): its agent and target are the noun's
        for c in tok.children:
            if (
                c.dep_ == "acl"
                and c.i > tok.i
                and "Part" in c.morph.get("VerbForm")
                and _lemma(c) in CONDUCT_PARTICIPLES
                and not any(x.dep_.startswith("aux") for x in c.children)
            ):
                for cc in c.children:
                    case = _case(cc)
                    if cc.dep_ == "obl:agent" or (case == "par" and cc.dep_.startswith(("obl", "nmod"))):
                        agent_toks.append(cc)
                        # « par l'armée américaine contre des dépôts » with « contre » hung on the agent
                        for t in cc.subtree:
                            if t is not cc and t.dep_ == "nmod" and _case(t) in ("contre", "sur"):
                                target_toks.append(t)
                                cut |= {x.i for x in t.subtree}
                    elif case in ("contre", "sur") and cc.dep_.startswith(("obl", "nmod")):
                        target_toks.append(cc)
    # a participle or adjective modifying a noun: the noun is its patient (« les missiles tirés par l'Iran »)
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        h = tok.head
        if WEAPONS.match(_lemma(h)) or WEAPONS.match(fold(h.text)):
            fr.weapon = True
        elif (passive or tok.dep_ == "acl") and not (_lemma(tok) in ("lancer", "tirer") and _weapon_theme(tok)):
            target_toks.append(h) if not any(t is h for t in target_toks) else None
    if (
        tok.dep_ == "nmod"
        and tok.head.pos_ == "NOUN"
        and (WEAPONS.match(_lemma(tok.head)) or WEAPONS.match(fold(tok.head.text)))
    ):
        fr.weapon = True  # « tirs de roquettes »
    for c in tok.children:
        if c.dep_ == "nmod" and (WEAPONS.match(_lemma(c)) or WEAPONS.match(fold(c.text))):
            fr.weapon = True
    recipients = []
    if fr.kind == "move":
        # forces move themselves: the subject of a passive or pronominal verb is the mover
        # (« les soldats ont été rapatriés », « le contingent s'est retiré »); the object is the theme
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")] or _inherited_subject(tok)
        theme = [t for t in target_toks if t not in subj and t.dep_ in ("obj", "nmod", "nsubj:pass")]
        recipients = [
            c for c in tok.children if _case(c) in ("a", "au", "aux") and c.dep_ in ("obl", "obl:arg", "nmod")
        ]
        agent_toks = [t for t in agent_toks if t not in theme] + [t for t in subj if t not in agent_toks]
        theme_parties = parties(fold(" ".join(_subtree_text(t)[0] for t in theme)))
        target_toks = theme
        if not parties(fold(" ".join(_subtree_text(t)[0] for t in agent_toks))) and theme_parties:
            agent_toks = agent_toks + theme
    # a date is no agent; « Jeudi, un caporal a perdu la vie » parsed with « Jeudi » as the subject: the
    # apposition after it is
    agent_toks = [
        a
        for t in agent_toks
        for a in (
            [c for c in t.children if c.dep_ == "appos"]
            if re.match(r"^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d+)$", fold(t.text))
            else [t]
        )
    ]
    if (
        fr.kind in ("death", "violence")
        and not target_toks
        and "Part" in tok.morph.get("VerbForm")
        and tok.i > 1
        and tok.doc[tok.i - 1].text == ","
        and tok.dep_ in ("advcl", "acl", "conj", "parataxis")
    ):
        # a participle set off after a noun phrase is said of it (« des portraits de X et d'Y, tués le 3
        # janvier par une frappe »): the words before the comma, back to the verb, are the patient
        run = []
        for t in reversed(tok.doc[: tok.i - 1]):
            if t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "PRON") and fold(t.text) not in ("-",):
                break
            run.append(t)
        ids = {t.i for t in run}
        target_toks = [t for t in run if t.head.i not in ids] if run else []
    if fr.kind == "death" and passive and not target_toks and tok.i > 0:
        # a long subject the parser split off (« Le commandant X, chef de …, a été tué »): the words before the verb
        first_aux = min([c.i for c in tok.children if c.dep_.startswith("aux")] or [tok.i])
        start = 0
        for t in reversed(tok.doc[:first_aux]):
            if fold(t.text) in (";", ":") or (t.pos_ in ("VERB",) and t.dep_ not in ("acl", "amod")):
                start = t.i + 1
                break
        target_toks = [
            t for t in tok.doc[start:first_aux] if t.head.i < start or t.head.i >= first_aux or t.head.i == t.i
        ]
    if fr.kind == "death" and fr.lemma == "perdre":
        target_toks, agent_toks = agent_toks, []  # « un caporal a perdu la vie »: who lost it, not « la vie »
    if fr.kind == "death" and fr.lemma in ("mourir", "perir", "deceder", "succomber"):
        target_toks, agent_toks = target_toks + agent_toks, []  # who dies is the patient
    infinitive = "Inf" in tok.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in tok.children
    )
    gerund = (
        "Part" in tok.morph.get("VerbForm")
        and "Pres" in tok.morph.get("Tense")
        and any(fold(c.text) == "en" and c.dep_ == "mark" for c in tok.children)
    )
    if gerund and not agent_toks and tok.head.i != tok.i and not any(c.dep_ == "aux:pass" for c in tok.head.children):
        # « Les États-Unis avaient riposté le 26 octobre en frappant deux installations »: the gerund's subject is
        # its clause's
        agent_toks = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if tok.pos_ in ("VERB", "AUX") and infinitive and not agent_toks:
        # control: « le Pentagone a annoncé avoir frappé… », « la coalition a décidé de se retirer »
        h = tok.head
        for _ in range(3):
            if h.i == tok.i:
                break
            subj = [c for c in h.children if c.dep_ == "nsubj"] if h.pos_ in ("VERB", "AUX") else []
            if subj:
                agent_toks = subj
                break
            if h.head.i == h.i:
                break
            h = h.head
    if tok.pos_ == "NOUN" and not agent_toks and fr.kind in ("violence", "move", "suspension", "talks"):
        # « les États-Unis ont mené des frappes »: the agent of a light verb's event noun
        h, prev = tok.head, tok
        for _ in range(5):
            if h.i == prev.i:
                break
            if h.pos_ in ("VERB", "AUX") and _lemma(h) in LIGHT_VERBS:
                # the event noun is the light verb's object (« mener des frappes », « une série de frappes »),
                # not a complement of another word (« évaluer sa réponse à l'attaque »)
                if prev.dep_ == "obj":
                    agent_toks = [c for c in h.children if c.dep_ == "nsubj"]
                break
            if prev.dep_ not in ("nmod", "conj", "obj") or h.pos_ in ("VERB", "AUX"):
                break
            prev, h = h, h.head
        if not agent_toks:
            # a date between the verb and its object throws the parse (« ont mené jeudi 20 mai des frappes »):
            # the light verb just before the noun, with only a date, articles or adverbs between
            j = tok.i - 1
            while j >= 0 and (
                tok.doc[j].pos_ in ("NUM", "DET", "ADV", "PUNCT")
                or fold(tok.doc[j].text) in DATE_WORDS
                or (tok.doc[j].pos_ == "ADP" and fold(tok.doc[j].text) in ("des", "de", "d'", "du"))
            ):
                j -= 1
            if j >= 0 and j < tok.i - 1 and tok.doc[j].pos_ in ("VERB", "AUX") and _lemma(tok.doc[j]) in LIGHT_VERBS:
                agent_toks = [c for c in tok.doc[j].children if c.dep_ == "nsubj"]
    if fr.kind == "violence" and tok.pos_ == "NOUN" and _lemma(tok.head) == "prendre" and tok.head.i != tok.i:
        # « prendre d'assaut l'ambassade »: the verb's subject storms, its (other) object is stormed
        h = tok.head
        agent_toks = agent_toks or [c for c in h.children if c.dep_ == "nsubj"] or _inherited_subject(h)
        target_toks = target_toks or [c for c in h.children if c.dep_ in ("obj", "nsubj:pass") and c.i != tok.i]
    if fr.kind == "violence" and tok.pos_ == "NOUN" and not target_toks:
        # « des frappes aériennes contre des dépôts… » when the parse hung the complement elsewhere
        j = tok.i + 1
        while j < len(tok.doc) and tok.doc[j].pos_ == "ADJ":
            j += 1
        if j < len(tok.doc) and fold(tok.doc[j].text) in ("contre", "sur") and tok.doc[j].head.i != tok.i:
            target_toks = [tok.doc[j].head]
    if not agent_toks and fr.lemma.startswith("faire ") and tok.i > 0:
        # « la Belgique a fait savoir »: the subject may hang on « fait »
        agent_toks = [c for c in tok.doc[tok.i - 1].children if c.dep_ == "nsubj"]
    relative: set[int] = set()  # « le ministre, qui s'est entretenu avec… »: « qui » stands for its antecedent
    h = tok.head
    if tok.dep_ == "acl:relcl" and h.pos_ in ("NOUN", "PROPN") and not (_kind(h) or _is_weapon(h)):
        # (not an event noun: « la frappe qui a tué X » tells one event, typed by what it did)
        # (a pronoun far from the noun the parse gave it, past other nouns, may stand for another: left alone)
        rel = [
            t
            for t in agent_toks + target_toks
            if t.pos_ == "PRON" and "Rel" in t.morph.get("PronType") and (0 < t.i - h.i <= 8 or _cleft(h))
        ]
        if rel:
            # the antecedent's words, without the relative clause nor, when the noun heads the sentence (« Jeudi
            # déjà, c'est la base K1 … qui »), the clause around it
            relative = {x.i for x in tok.subtree} | {
                x.i
                for c in h.children
                if c.dep_
                in ("obl:mod", "obl", "expl:subj", "nsubj", "cop", "advmod", "punct", "parataxis", "conj", "cc")
                for x in c.subtree
            }
            agent_toks = [h if t in rel else t for t in agent_toks]
            target_toks = [h if t in rel else t for t in target_toks]
    # what a target is accused of is not who it is (« les Brigades du Hezbollah, accusées de tirs contre des intérêts
    # américains »)
    accused = {
        x.i
        for t in target_toks + agent_toks
        for d in t.subtree
        for c in d.children
        if c.dep_ in ("acl", "amod") and _lemma(c) in ("accuser", "soupconner", "suspecter", "inculper")
        for x in c.subtree
    }
    a_text = " ".join(_subtree_text(t, exclude=(cut, relative, accused))[0] for t in agent_toks) or fr.agent_text
    t_text = " ".join(_subtree_text(t, exclude=(relative, accused))[0] for t in target_toks)
    fr.agent_text, fr.target_text = a_text, t_text
    fr.agent, fr.target = parties(fold(a_text)), parties(fold(t_text))
    if recipients:
        fr.target = parties(fold(" ".join(_subtree_text(t)[0] for t in recipients)))
    for t in agent_toks:
        if any(c.dep_ == "conj" for c in t.children):
            fr.joint = True
        if re.search(r"\b(parlement|deputes|assemblee|senat|congres|chambre)\b", fold(t.text)):
            fr.assembly = True
    if re.search(r"\b(les deux (?:pays|parties|gouvernements|camps|delegations|allies))\b", fold(a_text)):
        fr.joint = True
    if len(fr.agent) >= 2 and fr.kind in ("agreement", "talks"):
        fr.joint = True
    tf = fold(t_text)
    victims = [t for t in target_toks]
    if fr.kind in ("death", "violence"):
        names = [
            t
            for t in _flat(target_toks)
            if t.pos_ == "PROPN" and not parties(fold(t.text)) and not SITE_WORDS.search(fold(t.text))
        ]
        # a person: a title (« le général », « un commandant »), or a name of two words or more (« Qassem
        # Soleimani », « Abou Baqir al-Saadi »), that is no organisation's (« les Kataeb Hezbollah »)
        names = [
            t
            for t in _flat(target_toks)
            if t.pos_ == "PROPN" and not SITE_WORDS.search(fold(t.text)) and not ORG_WORDS.search(fold(t.text))
        ]
        # « quinze jihadistes tués, dont plusieurs cadres »: leaders counted among the dead are no one targeted
        led = COUNTED_LEADERS.sub(" ", tf)
        if LEADER_TITLES.search(led) or (
            len(names) >= 2 and not RANKS.search(tf) and not ORG_WORDS.search(tf) and not SITE_WORDS.search(tf)
        ):
            fr.named_victim = True
        if RANKS.search(tf) and not LEADER_TITLES.search(tf):
            fr.victims_ranks = True
    del victims


def _object_after_date(verb) -> list:
    """The object of ``verb`` when a date set off by commas stands between them (« qui a tué, le 4 mai, un
    commandant »): the parser hangs the noun phrase after the date on the date; it is the verb's object."""
    out = []
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("obl:mod", "obl", "nmod") or _case(c):
            continue
        if not (c.pos_ == "NUM" or fold(c.text) in DATE_WORDS):
            continue
        first = min([c.i] + [t.i for t in c.children if t.dep_ == "det" and t.i < c.i])  # « le » of « le 4 mai »
        if first == 0 or verb.doc[first - 1].text != ",":
            continue
        close = c.i + 1  # past the date's words (« 4 mai 2024 », « jeudi 4 »)
        while close < len(verb.doc) and (verb.doc[close].pos_ == "NUM" or fold(verb.doc[close].text) in DATE_WORDS):
            close += 1
        if close >= len(verb.doc) or verb.doc[close].text != ",":
            continue
        out += [
            n
            for n in c.children
            if n.left_edge.i == close + 1 and n.pos_ in ("NOUN", "PROPN") and n.dep_ in ("nmod", "appos", "obj")
        ][:1]
    return out


def _flat(toks):
    for t in toks:
        yield from t.subtree


def _causative(tok):
    """The verb that carries the tense of an infinitive after « faire » (« avait fait savoir », « fera savoir »:
    the infinitive has none of its own), else ``tok``."""
    if "Inf" not in tok.morph.get("VerbForm"):
        return tok
    for c in tok.children:
        if _lemma(c) == "faire" and c.i < tok.i:
            return (
                c if c.morph.get("VerbForm") != ["Part"] or any(a.dep_.startswith("aux") for a in c.children) else tok
            )
    if _lemma(tok.head) == "faire" and tok.dep_ == "xcomp":
        return tok.head
    return tok


def _modality(tok, fr: Frame, index: dict[int, int], frames: list[Frame]) -> None:
    """Negation, tense, and the governor that makes a predicate planned, demanded, denied or reported."""
    fr.negated = _negated(tok)
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ == "obj"
        and _lemma(tok.head) in JUDGING_VERBS
        and any(c.dep_ == "det" and fold(c.text) in ("ce", "cet", "cette", "ces") for c in tok.children)
    ):
        fr.judged = True  # « a défendu ce déploiement », « critique cette décision »: the event told before
    h = tok.head
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ == "nsubj"
        and h.pos_ == "NOUN"
        and _kind(h) is None
        and any(c.dep_ == "cop" for c in h.children)
        and any(
            c.dep_ == "det" and fold(c.text) in ("le", "la", "l'", "les", "ce", "cet", "cette", "ces")
            for c in tok.children
        )
    ):
        fr.described = True  # « L'accord est l'aboutissement des travaux d'une commission dont… »
    if (
        fr.kind == "death"
        and tok.dep_ in ("acl", "amod")
        and h.pos_ == "NOUN"
        and any(fold(c.text) in ("premier", "premiers", "premiere", "premieres", "seul", "seuls") for c in h.children)
        and any(c.dep_ == "cop" for c in h.children)
    ):
        # « Ce sont les premiers militaires américains tués au combat cette année »: a rank among the dead told
        # already, no death of its own
        fr.described = True
    if tok.pos_ == "NOUN" and (
        (_case(tok) == "pour" and _lemma(h) in CHARGES)
        or (_case(tok) in ("de", "d") and _lemma(h) in ("accuser", "soupconner", "inculper", "suspecter"))
    ):
        fr.charged = True  # « un mandat d'arrêt contre X pour le meurtre de Y », « inculpé pour l'attentat »
    if fr.kind == "violence" and tok.pos_ == "NOUN":
        # « annonçaient suspendre « sous conditions » leurs attaques »: the attacks are what is paused, however the
        # parse hung them (a verb of pausing a few words before, nothing but quotes and adverbs between)
        for t in reversed(tok.doc[max(0, tok.i - 8) : tok.i]):
            if t.text in (",", ";", ":", ".") or fold(t.text) in ("et", "mais", "qui", "que"):
                break
            if _lemma(t) in SUSPEND_VERBS | {"cesser", "stopper"} and t.pos_ in ("VERB", "AUX"):
                fr.halted = True
                break
    # (a participle the parser reads as an adjective keeps the tense of its copula: « seraient redéployés »)
    copula = tok.pos_ == "ADJ" and any(c.dep_ == "cop" for c in tok.children)
    fr.tense = _tense(_causative(tok)) if tok.pos_ in ("VERB", "AUX") or fr.pos == "VERB" or copula else ""
    fr.aspect = _aspect(tok)
    # a passive with a present or imperfect « être » and no « avoir »: a state (« sont déployés »,
    # « étaient stationnés »), not the act (« ont été déployés »)
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    fr.state = (
        (
            any(c.dep_ == "aux:pass" and _lemma(c) == "etre" and "Past" not in c.morph.get("Tense") for c in aux)
            and _lemma(tok) not in ETRE_VERBS  # « sont arrivés » is a passé composé, not a passive
            and not any(_lemma(c) == "avoir" for c in aux)
        )
        or (fr.pos == "NOUN" and any(fold(c.text) in ("toujours", "actuellement", "encore") for c in tok.children))
        # « ses effectifs déployés en Irak », « les troupes stationnées »: a participle that describes
        or (tok.dep_ in ("acl", "amod") and not aux and tok.head.pos_ in ("NOUN", "PROPN") and tok.i > tok.head.i)
        # « restent déployés », « demeurent stationnés »: where forces are, not a move
        or (tok.dep_ in ("xcomp", "acl") and _lemma(tok.head) in ("rester", "demeurer"))
    )
    if tok.pos_ in ("NOUN", "PROPN"):
        base = fr.start - tok.idx
        fr.occurred = [
            (base + c.left_edge.idx, base + c.right_edge.idx + len(c.right_edge.text))
            for c in tok.children
            if _dated_occurrence(c)
        ]
    chain = _chain(tok, 5)
    # what « depuis » governs has happened, whatever the clause around it plans, demands or denies; so has
    # what a dated past participle tells (« conformément à l'accord conclu en septembre 2024 »)
    since = (
        any(c.dep_ == "case" and c.lower_ == "depuis" for c in tok.children)
        or _dated_participle(tok)
        or (fr.kind == "agreement" and _setting_participle(tok))
        # an event noun with a dated participle of occurring (« les pourparlers, lancés le 14 mars, doivent
        # reprendre »): the event took place that day, whatever the clause around the noun plans
        or bool(fr.occurred)
    )
    mod = "realized"
    if _hypothetical(tok):
        mod = "planned"  # « en cas d'attaque », « si l'Iran attaquait »: a case considered, not an act
        fr.governor = fr.governor or "cas"
    elif tok.pos_ == "NOUN" and _case(tok) == "pour" and not fr.charged and not _after_pour_autant(tok):
        mod = (
            "planned"  # « le rappel de son ambassadeur pour consultations », « à Bagdad pour des négociations »: an aim
        )
        fr.governor = fr.governor or "pour"
    elif fr.tense == "future":
        mod = "planned"
    elif (
        fr.tense == "conditional"
        and fr.kind in MOVES
        and tok.pos_ == "VERB"
        and not any(c.dep_.startswith("aux") for c in tok.children)
        and TIME_AHEAD.search(_folded(tok.doc))
    ):
        # a simple conditional with a time ahead tells a move to come (« la présence de la coalition prendrait fin en
        # deux temps : … d'ici septembre 2025 »); otherwise it reports (« depuis trois nuits, les militaires
        # abandonneraient leur quartier général »), as the compound one does (« auraient quitté »)
        mod = "planned"
    elif fr.tense == "conditional":
        mod = "reported"
    stated = _stated_by_participle(tok) if fr.kind in MOVES and not since else None
    if stated is not None:
        # « le retrait, annoncé en janvier par Rome, … »: the move is what a dated statement said, not done
        mod = "demanded" if _lemma(stated) in DEMAND_WORDS else "planned"
        fr.governor = _lemma(stated)
        base = fr.start - tok.idx
        fr.own = _runs(tok.doc, {t.i for t in stated.subtree}, base)
        at = base + stated.idx
        fr.foreign = [(a, b) for a, b in fr.foreign if not a <= at < b]
    if fr.kind in MOVES and tok.pos_ == "NOUN" and _case(tok) == "sur":
        # « des pourparlers avec Bagdad sur un retrait »: the move is what the talks are about, however the parse
        # hung « sur »
        topic = next((t for t in reversed(tok.doc[max(0, tok.i - 8) : tok.i]) if _lemma(t) in TOPIC_WORDS), None)
        if topic is not None:
            mod = "planned"
            fr.governor = fr.governor or _lemma(topic)
    # infinitive or noun governed by a plan, demand, denial, topic, or a speech in the future
    for depth, (dep, h) in enumerate(chain):
        # (the verb the tagger's lemma misses: « réclame » lemmatized as the noun)
        hl = lemma_pos(h)[0] if h.pos_ in ("VERB", "AUX", "ADJ") else _lemma(h)
        if h.i in index and fr.governed_by is None and dep not in ("conj", "parataxis", "advcl", "obl:mod"):
            fr.governed_by = index[h.i]
            fr.governor = hl
        if dep in ("conj", "parataxis") and depth == 0:
            break
        if (
            depth == 0
            and dep == "advcl"
            and any(c.dep_ == "mark" for c in tok.children)
            and ("Fin" in tok.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in tok.children))
        ):
            # « Même si les soldats ont quitté la base, les tirs continuent », « parce que la coalition s'est
            # retirée, … »: a finite clause of its own conjunction is no complement of its head's plan or demand
            break
        below = chain[depth - 1][1] if depth else tok
        if (
            # (a relative the parse hung as a bare « acl »: « cette exigence qu'avait formalisée le vote »)
            (
                dep == "acl:relcl"
                or (dep in ("acl", "ccomp") and any("Rel" in c.morph.get("PronType") for c in below.children))
            )
            and below.pos_ in ("VERB", "AUX")
            and _tense(below) == "past"
            # (not a passive in the present, a state: « les bases dans lesquelles elles sont déployées »)
            and not any(c.dep_ == "aux:pass" and "Pres" in c.morph.get("Tense") for c in below.children)
        ):
            # « Le président, qui s'est entretenu avec son homologue (qui a ordonné des frappes), a plaidé
            # pour… »: a relative clause in a past tense tells a fact of its own, whatever the clause around its
            # noun asks or plans (in the present, « les militaires qu'elle déploie », it describes what the main
            # clause is about)
            break
        if depth == 0 and since:
            break  # « ils réclament le départ des troupes depuis l'assassinat de X »: X is a past fact
        if depth == 0 and (dep in ("acl", "amod", "appos", "nmod") or tok.i == 0) and _appositive_participle(tok):
            # « M. X, investi par le Parlement le 27 octobre, doit son poste… », « la base, remise aux Irakiens en
            # mars, devra accueillir… »: a participle set off by commas describes its noun with a past fact, whatever
            # the clause around the noun plans or asks
            break
        if depth == 0 and fr.pos == "NOUN" and dep == "obj" and hl == "exclure" and _negated(h):
            # « n'a pas exclu un retrait »: a move held possible, said (at most a statement), not done
            mod = "planned"
            fr.governor = fr.governor or hl
            break
        if (
            depth == 0
            and fr.pos == "NOUN"
            and (dep in ("obj", "obl:arg") or _after_pour_autant(tok))
            and h.pos_ in ("VERB", "AUX")
            and _negated(h)
            and hl not in NEGATION_ASSERTS
        ):
            # the object of a negated verb is in the negation's scope (« n'a pas annoncé de retrait », « il ne
            # s'agit pas d'un retrait », « n'envisage aucun départ »): no such act is told, nor any statement
            mod = "denied"
            fr.governor = fr.governor or hl
            fr.unsaid = True
            break
        if hl in ("rejeter", "refuser", "repousser") and fr.kind == "vote" and _assembly_acts(h):
            # « la Chambre a rejeté une résolution », « la motion a été rejetée par le Sénat »: an assembly voting a
            # text down has voted (the codebook's vote), nothing is denied
            fr.governor = fr.governor or hl
            fr.assembly = True
            break
        if hl in DENY_WORDS:
            mod = "denied"
            fr.governor = fr.governor or hl
            break
        if hl in DEMAND_WORDS:
            mod = "demanded"
            fr.governor = fr.governor or hl
            break
        if hl == "entendre" and any(_lemma(c) == "faire" for c in h.children):
            pass  # « se faire entendre » (to make oneself heard) is no intention
        elif (
            hl in PLAN_WORDS
            or hl in TOPIC_WORDS
            # « un plan qui vise à retirer les troupes »: aimed at (the parse may take « vise » for a noun)
            or (dep == "xcomp" and (hl == "viser" or fold(h.text) in ("vise", "visent", "visait", "visaient")))
            or (hl in ("arreter", "fixer") and _sets_a_plan(h))
            # « un accord (de principe) sur le retrait »: the move is what is agreed, not done
            or (hl in AGREE_NOUNS and depth == 0 and fr.pos == "NOUN" and dep == "nmod" and fr.kind in MOVES)
        ):
            if hl in ("aller",) and "Inf" not in tok.morph.get("VerbForm") and fr.pos == "VERB" and depth == 0:
                pass
            elif hl == "decider" and fr.kind == "suspension":
                pass  # a suspension decided is a suspension
            elif hl == "engager" and h.pos_ in ("VERB", "AUX") and not _reflexive(h):
                pass  # « engager des négociations » opens them; only « s'engager à » pledges
            elif hl in ("continuer", "poursuivre") and h.i in index:
                pass
            else:
                mod = "planned"
                fr.governor = fr.governor or hl
                break
        if (
            depth == 0
            and (dep == "obj" or (dep == "nmod" and _case(tok) in ("de", "d", "du", "des")))
            and h.pos_ not in ("VERB", "AUX")
            and fold(h.text) in ("annonce", "annoncent")
            and _announced_decision(tok, fr)
        ):
            # (and the noun: « une semaine après l'annonce par M. Trump du retrait des troupes »)
            # « Esper annonce le retrait de… »: a verb the tagger took for the noun (it has an object)
            mod, fr.governor = "planned", fr.governor or "annoncer"
            break
        if h.pos_ in ("VERB", "AUX") and dep in ("ccomp", "xcomp", "obj", "csubj"):
            ht = _tense(h)
            if ht == "future" and mod == "realized":
                mod = "planned"
            if ht == "conditional" and mod == "realized" and hl not in SPEECH_VERBS:
                mod = "reported"
            if hl in SPEECH_VERBS:
                fr.governor = fr.governor or hl
                if fr.tense == "conditional":
                    mod = "planned"  # « il a dit que la coalition se retirerait »: future in the past
                if depth == 0 and dep == "obj" and hl == "annoncer" and _announced_decision(tok, fr):
                    mod = "planned"
                break
        if (
            depth == 0
            and fr.pos == "NOUN"
            and fr.kind in MOVES
            and dep == "nsubj:pass"
            and hl in STATED_BY
            and not _negated(h)
        ):
            # « Le retrait avait été ordonné dimanche par Esper », « le départ a été décidé en janvier »: the move is
            # what the order or decision says, not done
            mod = "demanded" if hl in DEMAND_WORDS else "planned"
            fr.governor = fr.governor or hl
            break
        if (
            depth == 0
            and fr.pos == "NOUN"
            and h.pos_ in ("VERB", "AUX")
            and (
                dep in ("nsubj", "obj", "nsubj:pass")
                # « Après le retrait des troupes, 80 soldats resteront »: the time of what is to come is ahead too
                or _time_of_what_comes(tok, dep)
            )
        ):
            ht = _tense(h)  # « le retrait se fera en deux temps », « poursuivra son retrait »
            if ht == "future" and mod == "realized":
                mod = "planned"
            elif (
                ht == "conditional"
                and mod == "realized"
                and hl not in SPEECH_VERBS
                and not _time_of_what_comes(tok, dep)
            ):
                mod = "reported"
        if dep in ("advcl", "obl:mod", "parataxis") and depth > 0:
            break
    if (
        mod == "realized"
        and tok.pos_ == "NOUN"
        and ANNOUNCEMENT_OF.search(_folded(tok.doc)[max(0, tok.idx - 60) : tok.idx])
        and _announced_decision(tok, fr)
    ):
        mod, fr.governor = "planned", "annonce"  # « l'annonce par M. Trump du retrait des troupes »
    if mod == "realized" and (fr.governor == "" or fr.governor in SPEECH_VERBS) and fr.kind in MOVES + ("suspension",):
        # a parse that missed the link: a plan, demand or agreement word just before the predicate
        # (« prévoit le retrait », « appelant au départ », « calendrier de retrait », « d'accord sur un retrait »)
        doc = tok.doc
        for t in reversed(doc[max(0, tok.i - 4) : tok.i]):
            if t.text == '"':
                continue  # « n'avait « aucune intention » de réduire »: the quotation marks apart
            if t.pos_ in ("PUNCT", "CCONJ") or fold(t.text) in ("qui", "que", "qu'", "et", "mais", "dont", "puis"):
                break  # (« puis » is no form of « pouvoir »)
            tl = _lemma(t)
            if tl in DENY_WORDS:
                mod, fr.governor = "denied", tl
                break
            if tl in DEMAND_WORDS:
                mod, fr.governor = "demanded", tl
                break
            if tl in PLAN_WORDS or tl in AGREE_NOUNS:
                mod, fr.governor = "planned", tl
                break
    # « aller » / « devoir » / « pouvoir » as the predicate's auxiliary-like head
    for c in tok.children:
        if c.dep_ in ("aux", "aux:tense") and _lemma(c) in ("aller", "devoir", "pouvoir"):
            mod = "planned"
    if mod == "reported":
        # a conditional in what a past statement says is the future of that past (« Biden a déclaré que les
        # États-Unis cesseraient… »), and so is one that follows a plan (« selon le plan, ils déplaceraient… »)
        for i, f in enumerate(frames):
            if (
                f is not fr
                and f.kind == "speech"
                and f.tense == "past"
                and any(p <= fr.start < q for p, q in f.content)
            ):
                mod, fr.governor = "planned", fr.governor or f.lemma
                break
        if re.search(
            r"\bselon (?:le|ce|un|cet|leur|son) (?:plan|projet|calendrier|accord|programme|feuille de route)",
            _folded(tok.doc),
        ):
            mod = "planned"
    if mod == "realized" and tok.pos_ in ("NOUN", "PROPN") and re.search(r"\bd'ici\b", fold(fr.phrase)):
        mod = "planned"  # « le retrait d'ici fin août »: a deadline is ahead
    if mod == "realized" and tok.pos_ in ("NOUN", "PROPN"):
        # « le prochain retrait », « la prochaine étape est le retrait de… », « un éventuel départ »
        near = [tok] + ([c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "ROOT" else [])
        near += [c for c in tok.children if c.dep_ == "nsubj"]
        if any(fold(c.text) in TO_COME for t in near for c in t.children if c.dep_ == "amod"):
            mod = "planned"
    if (
        mod == "realized"
        and tok.dep_ == "conj"
        and tok.head.i in index
        and not any(c.dep_ in ("nsubj", "nsubj:pass") or c.dep_.startswith("aux") for c in tok.children)
    ):
        # a predicate coordinated without a subject or auxiliary of its own shares its partner's mood (« devrait
        # avoir été retirée ou redéployée », « n'ont été ni retirés ni redéployés »)
        head = frames[index[tok.head.i]]
        if head.modality != "realized":
            mod = head.modality
            fr.governor = fr.governor or head.governor
    if fr.negated and mod == "realized":
        mod = "denied"
    fr.modality = mod
    # a singular one: « ces redéploiements » sums up several occurrences
    fr.definite = (
        tok.pos_ in ("NOUN", "PROPN")
        and "Plur" not in tok.morph.get("Number")
        and any(c.dep_ == "det" and fold(c.text) in DEFINITE - {"les", "ces"} for c in tok.children)
    )
    # « en plus de déploiements maritimes », « face à des attaques »: an indefinite plural after a
    # preposition names a kind of act, not one the story tells
    fr.generic = (
        tok.pos_ == "NOUN"
        and "Plur" in tok.morph.get("Number")
        and tok.dep_ in ("nmod", "obl", "obl:mod", "obl:arg")
        and not fr.definite
        and not any(c.pos_ == "NUM" for c in tok.children)
    )


DATE_WORDS = CALENDAR_WORDS | {
    "soir",
    "matin",
    "nuit",
    "apres-midi",
    "dernier",
    "derniere",
    "hier",
    "aujourd'hui",
    "1er",
}
# verbs whose negation asserts, or leaves standing, what their object tells (« n'a pas empêché le retrait »,
# « n'exclut pas un retrait », « n'a pas caché », « n'a pas cessé »)
NEGATION_ASSERTS = {"empecher", "exclure", "cacher", "cesser", "manquer", "eviter", "oublier", "ignorer"}
TO_COME = {
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
    "futur",
    "future",
    "futurs",
    "futures",
    "eventuel",
    "eventuelle",
    "prevu",
    "prevue",
    "programme",
    "programmee",
    "envisage",
    "envisagee",
    "promis",
    "promise",
}
DEFINITE = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces"}

# --- from frames to event types ------------------------------------------------------------

MOVES = ("withdrawal", "handover", "redeployment", "deployment")
EXECUTIVE = re.compile(
    r"\b(gouvernement|conseil des ministres|cabinet|ministres?|executif|presidence|otan|alliance|allies|commission "
    r"europeenne|pays membres|etats membres)\b"
)
ASSEMBLY = re.compile(r"\b(parlement|deputes|assemblee|senat|senateurs|congres|elus|chambre)\b")


def _assembly_acts(verb) -> bool:
    """Whether an assembly is the subject (or the passive's agent) of ``verb``: « la Chambre a rejeté… », « rejetée
    par le Sénat »."""
    who = " ".join(fold(_subtree_text(c)[0]) for c in verb.children if c.dep_ == "nsubj")
    return bool(ASSEMBLY.search(who) or BY_ASSEMBLY.search(fold(_subtree_text(verb)[0])))


BY_ASSEMBLY = re.compile(
    r"\bpar (?:le |la |l'|les )?(?:\w+ )?(?:parlement|deputes|assemblee|senat|senateurs|congres|chambre)\b"
)
# what violence hits when it is not the coalition's forces: homes, oil and gas sites, crowds, civil aircraft
CIVIL_TARGET = re.compile(
    r"\b(residences?|domiciles?|maisons?|habitations?|champs? (?:petroliers?|gaziers?)|gisements?|raffinerie\w*|"
    r"installations? (?:petrolieres?|gazieres?)|puits|oleoducs?|gazoducs?|marches?|mosquees?|eglises?|"
    r"ceremonies?|commemorations?|cortege|foules?|pelerins?|civils|fideles|manifestants|avions? de ligne|"
    r"vols? (?:commercial|civil|\d+)|hopital|ecoles?|journalistes?)\b"
)
HOSTILE = {"IR", "PMF", "IS"}
# a bombing: a suicide attack, a car bomb, an explosion
BOMBING = re.compile(
    r"\b(?:attentats?(?:-suicides?)?|kamikazes?|fait\w* exploser|voitures? piegees?|explosions?|bombes?|"
    r"engins? explosifs?|ceintures? d'explosifs)\b"
)
# what shoots down a drone or a missile on the ground: an attack foiled, no strike of its own
AIR_DEFENSE = re.compile(r"\b(defenses?|systemes?|c-ram|batteries?|antiaerien\w*|bouclier)\b")
DESTINATION = re.compile(
    r"\b(?:vers|pour se rendre|pour rejoindre|en direction d[eu']|au koweit|en jordanie|"
    r"a erbil|au kurdistan|jusqu'a)\b"
)
KILLING_WORDS = {
    "assassiner",
    "assassinat",
    "eliminer",
    "elimination",
    "liquider",
    "liquidation",
    "meurtre",
    "tuer",
    "mort",
    "deces",
    "executer",
    "execution",
}


# verbs of saying that go on with a statement already told (« a ajouté », « a-t-il poursuivi »)
CONTINUED = {"ajouter", "poursuivre", "rencherir", "completer", "enchainer"}
# a statement two or more parties make together: what it states as decided is agreed (CODEBOOK: agreement)
JOINT_STATEMENT = re.compile(
    r"\b(?:declarations?|communiques?|annonces?|textes?|lettres?) (?:communs?|communes?|conjointe?s?)\b"
    r"|\bconjointement\b|\bd'un commun accord\b"
)


def _joint(fr: Frame, sentence_folded: str) -> bool:
    """Whether two or more parties act together: the parse's agents, or a joint statement in the sentence."""
    return fr.joint or bool(JOINT_STATEMENT.search(sentence_folded))


def frame_type(fr: Frame, frames: list[Frame], sentence_folded: str = "") -> str | None:
    """The codebook type of one frame (None: no event of the codebook). An attempt on someone's life
    (« une tentative d'assassinat contre le Premier ministre ») is an attack when it targets the coalition's
    people, else an event of its own (`other`)."""
    t = _frame_type(fr, frames, sentence_folded)
    if t == "killing" and fr.attempt:
        if set(fr.target) & STRIKERS:
            return "attack"
        fr.sort = "violence"
        return "other"
    return t


_INSTITUTION = re.compile(r"(?:^|\b)(?:le |la |l')(?:\w+ )?(?:parlement|assemblee|senat|congres|chambre)\b")


_WITH_ANOTHER = re.compile(
    r"\b(?:parlement|assemblee|senat|congres|chambre)\b[^,.;]{0,40}?\b(?:et|ainsi que|avec) (?:le|la|les|l')"
)


def _assembly_demand(fr: Frame | None, frames: list[Frame]) -> bool:
    """An assembly as a body demanded something, in the past (« le Parlement a réclamé le départ des troupes »): an
    assembly speaks by resolution, so its demand is a vote. Members (« des députés ont exigé ») are no assembly, and
    a demand told in the phrase of a vote noun (« le vote par lequel le Parlement a demandé … ») is that vote's
    content, not a vote of its own."""
    return (
        fr is not None
        and not any(f.kind == "vote" and f is not fr and f.span[0] <= fr.start < f.span[1] for f in frames)
        and fr.kind == "speech"
        and fr.lemma in DEMAND_WORDS
        and fr.pos == "VERB"
        and fr.tense == "past"
        and not fr.negated
        # « le Parlement et le gouvernement ont demandé »: not the assembly's act alone
        and not fr.joint
        and not re.search(r"\b(?:et|ainsi que)\b", fold(fr.agent_text))
        and not _WITH_ANOTHER.search(fold(fr.phrase))
        and bool(_INSTITUTION.search(fold(fr.agent_text)))
    )


def _frame_type(fr: Frame, frames: list[Frame], sentence_folded: str = "") -> str | None:
    """The codebook type of one frame, attempts apart (see :func:`frame_type`)."""
    k = fr.kind
    gov = frames[fr.governed_by] if fr.governed_by is not None else None
    if fr.described or fr.charged:
        return None
    if k in MOVES:
        if fr.judged:
            return None  # « avait défendu ce déploiement lors d'une visite »: the move told before, judged, not new
        if k == "deployment" and fr.state:
            return None  # « 600 soldats sont déployés en Irak »: a presence (a figure), not an event
        if fr.unsaid:
            return None  # « n'a pas annoncé de retrait », « n'envisage pas de départ »: nothing done nor said
        if fr.modality in ("planned", "demanded", "denied"):
            if not fr.governor and gov is None and not any(f.kind == "speech" for f in frames) and fr.pos == "NOUN":
                return None  # « avec le retrait d'ici fin août, … »: a move to come that no one states here
            if any(
                f.kind == "speech" and f.lemma in CONTINUED and any(p <= fr.start < q for p, q in f.content)
                for f in frames
            ):
                return None  # « le communiqué a ajouté que … »: more of a statement already told, not a new one
            if gov is not None and gov.kind == "agreement" or fr.governor in AGREE_VERBS | AGREE_NOUNS:
                return "agreement" if (gov is not None and gov.joint) or _joint(fr, sentence_folded) else "announcement"
            if fr.modality == "planned" and JOINT_STATEMENT.search(sentence_folded):
                return "agreement"  # a plan two parties state together (« dans un communiqué conjoint ») is agreed
            if gov is not None and gov.kind == "vote" and gov.modality == "realized":
                return "vote"
            if fr.modality == "demanded" and _assembly_demand(gov, frames):
                return "vote"
            return "announcement"
        if (
            k == "withdrawal"
            and (DESTINATION.search(fold(fr.place_text)) or fr.destination)
            and fr.lemma not in ("rapatrier", "rapatriement")
        ):
            return "redeployment"  # leaving one place for another (« … pour se rendre au Koweït »)
        return k
    if k == "violence":
        if fr.halted:
            return None  # « suspendre ses attaques »: the suspension is the event
        if fr.modality in ("planned", "demanded"):
            return None  # a threat to strike is said, not done: the speech frame says it
        if fr.lemma in ("intercepter", "neutraliser") and fr.weapon:
            return "attack"
        if fr.lemma == "abattre" and fr.weapon and AIR_DEFENSE.search(fold(fr.agent_text)):
            return "attack"  # « un missile a été abattu par les batteries antiaériennes »: an attack foiled  # « l'engin a été intercepté par les défenses de la coalition »: an attack, foiled
        if CROWD.search(fold(fr.agent_text)) and not set(fr.agent) & (STRIKERS | HOSTILE):
            return "protest"  # « le consulat a été incendié par la foule »: a crowd's violence is a riot, a protest
        # warplanes of no named country (« deux F-15 ont bombardé un entrepôt », « des chasseurs-bombardiers ont
        # frappé »): militias and Iran strike with rockets, drones and missiles, not jets; the air power over
        # Iraq and Syria that the press leaves unnamed is the coalition's
        jets = (
            not fr.agent and WARPLANES.search(fold(fr.agent_text)) and not OTHER_AIR_FORCES.search(fold(fr.agent_text))
        )
        if (set(fr.agent) & STRIKERS and not set(fr.agent) & HOSTILE) or jets:
            if fr.named_victim and fr.lemma in KILLING_WORDS:
                return "killing"
            return "strike"
        tf = fold(fr.target_text)
        civil, site = CIVIL_TARGET.search(tf), SITE_WORDS.search(tf)
        if not set(fr.target) & STRIKERS and (
            # what is hit first: « la résidence du premier ministre, dans la zone verte » is a home, « l'aéroport
            # d'Erbil, blessant deux sous-traitants civils » an airport
            (civil and (not site or civil.start() < site.start()))
            or (
                not fr.target_text
                and not fr.at_site
                and CIVIL_TARGET.search(fold(fr.phrase))
                and not set(parties(fold(fr.phrase))) & STRIKERS
            )
        ):
            # violence against a residence, oil fields, a crowd, an airliner…, by anyone but the coalition:
            # no attack on coalition or foreign forces (the codebook's attack), an event of its own
            fr.sort = "violence"
            return "other"
        if (set(fr.target) & HOSTILE or fr.named_victim) and not set(fr.target) & STRIKERS and not fr.agent:
            # violence of unnamed authors against militias, Iran's forces or their leaders is no attack on
            # the coalition (the codebook's attack): the strike that killed them, or the killing of a leader
            return "killing" if fr.named_victim and fr.lemma in KILLING_WORDS else "strike"
        if (
            fr.modality == "realized"
            and not fr.negated
            and (set(fr.agent) - STRIKERS - HOSTILE - {"civilians", "other"})
            and not set(fr.target) & STRIKERS
            and not set(fr.agent) & HOSTILE
            and not fr.weapon
            and not fr.at_site
            and not fr.named_victim
        ):
            # a state's forces at war with others than the coalition (« l'armée turque a lancé une offensive contre
            # les FDS », « les forces irakiennes ont bombardé des positions de l'EI »): violence the chronology keeps,
            # no attack on the coalition nor a strike of its own
            fr.sort = "violence"
            return "other"
        if set(fr.target) & STRIKERS or SITE_WORDS.search(tf) or fr.weapon or set(fr.agent) & HOSTILE or fr.at_site:
            return "attack"
        if fr.named_victim:
            return "killing"
        return None
    if k == "death":
        shot = fold(fr.target_text).split(" ", 1)[-1] if fr.target_text else ""
        if fr.lemma == "abattre" and (
            re.match(r"^(missile|drone|engin|projectile)", shot) or (fr.weapon and not fr.weapon_subject)
        ):
            if fr.modality != "realized" or fr.negated or any(f is not fr and f.kind == "violence" for f in frames):
                return None  # (« deux drones lancés contre la base ont été abattus »: the launch tells the attack)
            # « deux drones chargés d'explosifs ont été abattus au-dessus de l'aéroport », by air defences or soldiers on
            # the ground: an attack foiled; the coalition's aircraft shooting one down (« un F-15 américain a abattu un
            # drone ») strike
            aircraft = WARPLANES.search(fold(fr.agent_text)) or FIGHTER_NAMES.search(fold(fr.agent_text))
            return "strike" if set(fr.agent) & STRIKERS and aircraft else "attack"
        if re.match(r"^(roquette|missile|drone|obus|projectile|engin|avion|appareil)", shot):
            return None  # « abattre un avion »: shooting down, not a death
        if WEAPONS.match(fold(fr.target_text).split(" ")[-1] if fr.target_text else ""):
            return None
        if fr.modality in ("planned", "demanded", "denied") or (fr.negated and fr.pos == "VERB"):
            return None  # « aucun soldat n'a été blessé »: no one hurt, no event
        if (
            fr.lemma in ("tuer", "blesser")
            and fr.modality == "realized"
            and not fr.negated
            and not set(fr.target) & STRIKERS
            and not fr.victims_ranks
            and not set(fr.agent) & STRIKERS
            and BOMBING.search(sentence_folded)
            and (CIVIL_TARGET.search(fold(fr.target_text)) or re.search(r"\bpersonnes\b", fold(fr.target_text)))
        ):
            # « deux kamikazes se sont fait exploser dans un marché, tuant 32 personnes »: a bombing of civilians, no
            # attack on the coalition, an event of its own
            fr.sort = "violence"
            return "other"
        if fr.named_victim and not fr.victims_ranks and fr.lemma in KILLING_WORDS:
            return "killing"
        if fr.lemma in ("assassinat", "assassiner", "liquidation") and not fr.victims_ranks:
            return "killing"  # an assassination targets someone, whether the parse found whom or not
        accident = re.search(
            r"\b(accident|exercice|entrainement|malaise|crise cardiaque|maladie|noyade|circulation|"
            r"(?<!-)suicide|covid|coronavirus|virus|crash|ecrasement|s'est ecrase\w*)\b",
            sentence_folded,
        )
        if fr.lemma in ("mourir", "deceder", "perir", "succomber", "deces", "mort", "perdre"):
            # who died: in an accident, an event of its own; in an attack the sentence tells, that attack;
            # a death with no cause given is neither
            if accident and fr.pos == "VERB":
                return "other"
            violent = any(f.kind == "violence" for f in frames if f is not fr) or re.search(
                r"\b(contre (?:la|les|une|des|l') ?(?:base|camp|convoi|position|ambassade|troupes|forces)|roquettes?|"
                r"missiles?|drones?|obus|explosi\w+|engins?|tirs?|attaques?|attentats?|embuscade|combats?)\b",
                sentence_folded,
            )
            if (fr.victims_ranks or set(fr.target) & STRIKERS) and violent:
                return "attack" if set(fr.target) & STRIKERS and fr.pos == "VERB" else None
            return None
        if (
            fr.lemma in ("tuer", "blesser")
            and accident
            and not any(f.kind == "violence" for f in frames if f is not fr)
            and fr.pos == "VERB"
        ):
            return "other"  # « cinq soldats tués dans le crash d'un hélicoptère »: an accident
        if (
            fr.lemma in ("tuer", "blesser")
            and (set(fr.target) & STRIKERS or fr.victims_ranks)
            and not set(fr.agent) & STRIKERS
        ):
            if OWN_RAID.search(sentence_folded) and not set(fr.agent) & HOSTILE:
                # « quatre militaires américains ont été blessés lors d'un raid héliporté »: armies raid, militias
                # fire; soldiers hurt in their own raid are no attack on them
                return "strike"
            return "attack"
        if (
            fr.lemma in KILL_VERBS
            and fr.pos == "VERB"
            and set(fr.agent) & STRIKERS
            and not set(fr.agent) & HOSTILE
            and not set(fr.target) & STRIKERS
            and not accident
            and not fr.weapon
            # (« tué 37 jihadistes lors de deux frappes », « abattu deux drones lancés contre la base »: the violence
            # told beside is the event)
            and not any(f is not fr and f.kind == "violence" and f.lemma != "raid" for f in frames)
            and fr.modality == "realized"
            and not fr.negated
        ):
            # « les forces américaines ont tué vendredi, lors d'un raid…, un haut responsable de l'EI »: the coalition
            # killing is its strike (a targeted killing when the victim is named)
            return "killing" if fr.named_victim else "strike"
        return None
    if k == "vote":
        if fr.lemma == "scrutin" and not ASSEMBLY.search(sentence_folded):
            fr.sort = "election"  # « le scrutin du 10 octobre »: an election, not an assembly's vote
            return "other" if fr.modality == "realized" and not fr.negated else None
        if fr.modality == "realized" and (
            fr.assembly
            or fr.lemma in VOTE_VERBS | {"vote", "scrutin"}
            or re.search(r"\b(parlement|deputes|assemblee)\b", sentence_folded)
        ):
            if (
                fr.lemma in ("resolution", "motion")
                and not re.search(r"\b(vot|adopt|approuv)", sentence_folded)
                and not (fr.assembly and fr.governor in ("rejeter", "refuser", "repousser"))
            ):
                return None
            if fr.lemma in ("adopter", "approuver", "enteriner") and EXECUTIVE.search(fold(fr.agent_text)):
                # « le gouvernement a adopté le projet », « les ministres de l'OTAN ont approuvé »: a decision,
                # jointly taken by several parties or announced by one, not an assembly's vote
                return (
                    "agreement"
                    if fr.joint or re.search(r"\b(ministres|allies|membres|pays)\b", fold(fr.agent_text))
                    else "announcement"
                )
            return "vote"
        return None
    if k == "agreement":
        if fr.negated:
            return None
        if fr.modality == "realized" and fr.lemma in ("arreter", "fixer") and not _joint(fr, sentence_folded):
            return "announcement"  # one side sets a timetable: its decision, stated (no agreement of two)
        if fr.modality in ("realized", "reported"):
            return "agreement"  # (« ils seraient parvenus à un accord »: a reported agreement is an agreement)
        return "announcement" if fr.modality == "planned" and fr.pos == "VERB" else None
    if k == "talks":
        if (
            fr.pos == "VERB"
            and re.search(r"\b(soldats|troupes|militaires|marins|commandants|blesses)\b", fold(fr.phrase))
            and not re.search(
                r"\b(ministres?|delegation|president|"
                r"chef d'etat|homologue)",
                fold(fr.phrase),
            )
        ):
            return None  # « il s'est entretenu avec des soldats »: a visit to the troops
        if fr.modality in ("realized", "reported") and not fr.negated:
            if fr.lemma in ("recevoir", "examiner") and not re.search(
                r"\b(delegation|ministre|president|chef|"
                r"responsable|homologue|envoye)\b",
                fold(fr.target_text + " " + fr.agent_text),
            ):
                return None
            return "talks"
        return None
    if k == "suspension":
        if fr.modality in ("realized", "reported") and not fr.negated:
            return "suspension"
        return "announcement" if fr.modality in ("planned", "demanded") else None
    if k == "protest":
        if fold(fr.phrase).startswith(("pour ", "afin de ")):
            return None  # « a convoqué l'ambassadeur pour protester contre… »: the aim of another act, no demonstration
        return "protest" if fr.modality in ("realized", "reported") and not fr.negated else None
    if k == "speech":
        content = [f for f in frames if f.governed_by is not None and frames[f.governed_by] is fr]
        if fr.negated and content and all(c.unsaid for c in content):
            return None  # « X n'a pas annoncé de retrait »: no statement made
        if fr.negated and fr.pos == "VERB" and fr.lemma in ("confirmer", "dementir", "commenter", "preciser"):
            return None  # « Washington n'a ni confirmé ni démenti ce chiffre »: nothing stated
        if fr.pos == "NOUN" and (
            (gov is not None and gov.kind == "speech" and gov.negated)
            or (
                fr.governor in ("dementir", "dementi", "confirmer", "confirme")
                and any(f.kind == "speech" and f.negated for f in frames)
            )
        ):
            return None  # (nor the toll it neither confirmed nor denied)
        if fr.lemma in JUDGING_SPEECH and not any(c.modality in ("planned", "demanded") for c in content):
            return None  # « Bagdad a dénoncé une violation de sa souveraineté »: a judgement, no decision or claim
        if _assembly_demand(fr, frames):
            return "vote"
        planned = any(c.modality == "planned" and c.kind in MOVES + ("suspension",) for c in content)
        if (
            (planned or (fr.content_plan and fr.lemma in STATEMENT_WORDS))
            and not fr.negated
            and JOINT_STATEMENT.search(sentence_folded)
        ):
            return "agreement"  # « dans un communiqué conjoint, X et Y annoncent que la mission prendra fin »
        if any(
            c.modality in ("planned", "demanded", "denied") and c.kind in MOVES + ("suspension", "violence")
            for c in content
        ):
            return "announcement"
        if fr.content_plan and not fr.negated and fr.lemma in STATEMENT_WORDS:
            return "announcement"  # « la France a fait savoir qu'elle maintiendrait sa force »
        if fr.lemma == "saluer" and TRIBUTE.search(fold(fr.phrase)):
            return None  # « X a salué la mémoire / le courage du soldat »: a tribute states nothing decided
        if fr.lemma in DEMAND_WORDS | DENY_WORDS | {
            "menacer",
            "menace",
            "condamner",
            "condamnation",
            "saluer",
            "jurer",
            "avertir",
            "avertissement",
            "promettre",
            "bilan",
        }:
            return "announcement"
        if (
            fr.lemma == "revendiquer"
            and not fr.negated
            and not fr.attribute
            and any(c.kind == "violence" and c.definite for c in content)
        ):
            # the claim of an attack the article has told (« l'attaque a été revendiquée par X »), as a clause of
            # its own: news of its own (the codebook's claim). « aucun groupe n'a revendiqué » is no claim,
            # « l'attentat revendiqué par X » names the attack, and « X a revendiqué deux attaques » tells attacks
            return "announcement"
        if fr.lemma == "denoncer" and not fr.negated and not fr.attribute:
            return "announcement"  # a condemnation, as « condamner »
        return None
    if k == "other":
        if fr.modality != "realized" or fr.negated:
            return None
        if fr.sort == "election" and (fr.assembly or ASSEMBLY.search(fold(fr.agent_text))):
            return "vote"  # « élu par les députés »: the assembly votes
        return "other"
    return None


# what a tribute hails (« saluer la mémoire, le courage, le sacrifice de »)
TRIBUTE = re.compile(
    r"\bsalu\w* (?:[^,;.]{0,30} )?(?:la |le |l')?(?:memoire|courage|sacrifice|bravoure|heroisme|engagement|"
    r"professionnalisme|devouement)\b"
)


def modality_of(fr: Frame, frames: list[Frame]) -> str:
    """Whether a frame's event happened, is planned, demanded or denied (a speech frame takes its content's)."""
    if fr.kind == "speech":
        content = [f for f in frames if f.governed_by is not None and frames[f.governed_by] is fr]
        for c in content:
            if c.modality in ("planned", "demanded", "denied"):
                return c.modality
        if fr.lemma in DEMAND_WORDS:
            return "demanded"
        if fr.lemma in DENY_WORDS:
            return "denied"
        if fr.content_plan:
            return "planned"
        return "planned" if fr.lemma in ("menacer", "menace", "promettre", "jurer") else "realized"
    return fr.modality


# --- a sentence's frames, and the ones that make its events --------------------------------

_ARABIC_HYPHEN = re.compile(
    r"(?<![\w-])((?:[Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]sh|[Aa]z|[Aa]n|[Aa]bou|[Aa]bu|[Ii]bn|[Bb]in|[Bb]en|K))-(?=\w)"
)
# a noun and the word that qualifies it (« attentat-suicide », « voiture-piégée », « drone-kamikaze »): read as
# a noun and its adjective (a space for the hyphen), else the parser splits it and hangs what follows on the hyphen
_COMPOUND = re.compile(r"(?<=[a-zà-ÿ]{3})-(?=(?:suicides?|kamikazes?|pi[ée]g[ée]e?s?)\b)", re.I)
# the parser knows « l' » but not « l’ », and takes French quotation marks inside a sentence for words (« n'avait
# « aucune intention » de » parsed with « as the verb): the ASCII forms, one character each, so offsets hold
_APOS = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"'}
)
# the vocabulary's order, except that a clause typed other (something told that is not the coalition's
# business) outranks an announcement: the telling of an act is not the saying of it
PRIORITY = [t for t in vocabulary.PRIORITY if t != "announcement"] + ["other", "announcement"]
# « depuis mai 2021 », « après le 3 janvier »: what follows is a time, not a cause
TIME_NOT_CAUSE = re.compile(r"(?:depuis|apres) (?:le |la |l'|fin |debut |mi-)?(?:\d|(?:" + "|".join(MONTHS) + r")\b)")
CAUSE_BEFORE = re.compile(
    r"\b(en raison d(?:e|u|es|')|suite a|a la suite d(?:e|u|es|')|en reponse a|"
    r"en represailles? (?:a|aux|contre)|en riposte a|pour riposter a|face a|apres|"
    r"au lendemain d(?:e|u|es|')|sur fond de|depuis|endeuille\w* par|consecutive? a|"
    r"provoque\w* par|declenche\w* par|responsables? d(?:e|u|es|'))\s*(?:\S+\s+){0,7}\S*$"
)


STATEMENT_CANDIDATE = re.compile(
    r"(?:annon|declar|affirm|indiqu|confirm|dement|ni[ea]|exig|demand|reclam|appel|menac|bilan|communiqu|"
    r"savoir|fait part|fait etat|reconn|revendiqu|avert|previen|promet|promi[st]|condamn|denon[cç]|"
    r"jur[ea]|assur|maint[ie]n|prolong|salu|recommand|precon)"
)
# what a statement says that makes it an event without a date of its own: a plan, a future, a demand
PLAN_CUE = re.compile(
    r"\b(?:\w{3,}(?:ra|ront|rait|raient)|intention|volonte|decid\w*|decision|projet|plan|calendrier|prolong\w*|"
    r"maint\w*|pret|prete|prevoi\w*|envisag\w*|compte|souhait\w*|veu[tl]\w*|vouloir|engag\w*|promet\w*|promesse|"
    r"objectif|echeanc\w*|dev\w*|doi[tv]\w*|exig\w*|demand\w*|reclam\w*|appel\w*|menac\w*|dement\w*|ni[ea]\w*|"
    r"bilan|revendiqu\w*|reconn\w*|recommand\w*|precon\w*|promi[st]\w*)\b"
)


_CANDIDATE_FAST = by_first_letter(CANDIDATE)  # the same matches, its words tried by their first letter


def _worth_parsing(folded: str, a: int, b: int, dated: set | None, index: int) -> bool:
    """A sentence that may hold an event: a candidate predicate other than a verb of saying, or a statement
    that can be news of its own (it carries a date, or says what is to come, a demand, a denial)."""
    found = False
    for m in _CANDIDATE_FAST.finditer(folded, a, b):
        if not STATEMENT_CANDIDATE.match(m.group()):
            return True
        found = True
    if not found:
        return False
    return dated is None or index in dated or bool(PLAN_CUE.search(folded, a, b))


def frames_by_sentence(
    text: str, sentences, folded: str | None = None, dated: set[int] | None = None
) -> dict[int, list[Frame]]:
    """The frames of every sentence that may hold an event (see :func:`_worth_parsing`; ``dated``: the
    sentences with a date of their own), parsed in one batch."""
    folded = fold(text) if folded is None else folded
    todo = [s for s in sentences if _worth_parsing(folded, s.start, s.end, dated, s.index)]
    if not todo:
        return {}
    out = {}
    # the tokenizer knows « l' » but not « l’ »: same length, so offsets hold
    # and Arabic names (« al-Zaidi », « Abou-Mahdi ») stay one token: a hyphen the parser splits on breaks
    # the sentence into pieces
    texts = [_COMPOUND.sub(" ", _ARABIC_HYPHEN.sub(r"\1_", s.text.translate(_APOS))) for s in todo]
    for s, doc in zip(
        todo, models.parse(texts, [_clauses_at_colons(t) for t in texts])
    ):  # a Doc the figures' roles may read too (nlp.shared_parses)
        doc.user_data["text"] = s.text  # as written (the changes above keep every offset)
        _verbs_taken_for_nouns(doc)
        doc.user_data.pop("folded", None)  # two sentences may differ only by what the changes above replace
        for name in TEXT_MEMOS:
            doc.user_data.pop(name, None)
        out[s.index] = frames_of(doc, s.start)
    _demonstrative_antecedents(out, folded)
    return out


def _clauses_at_colons(text: str):
    """``text`` tokenized, a colon that opens a clause of its own (« un mouvement amorcé en début d'année : depuis
    mars, la coalition a rétrocédé… ») made a boundary the parser keeps: what follows is not a complement of the
    words before it. Not a colon before a quotation (what is said stays the verb's) nor one ending the text."""
    doc = models.parser().make_doc(text)
    if ":" not in text:  # no colon: no token read
        return doc
    for t in doc[1:-2]:
        if t.text == ":" and doc[t.i + 1].text not in ('"', "«", "'") and doc[t.i + 1].is_alpha:
            doc[t.i + 1].is_sent_start = True
    return doc


DEMONSTRATIVE_BEFORE = re.compile(r"\b(?:ce|cet|cette|ces)\s+(?:[\w-]+\s+)?$")


def _demonstrative_antecedents(by_sentence: dict[int, list[Frame]], folded: str) -> None:
    """« Ces frappes avaient tué… », « cette attaque a été revendiquée… »: a violence noun after a demonstrative
    names the violence an earlier sentence told with the same noun; with no author or target of its own it has
    that one's (who struck whom), so it is typed as it was."""
    seen: list[Frame] = []
    for i in sorted(by_sentence):
        frames = by_sentence[i]
        for fr in frames:
            if (
                fr.kind == "violence"
                and fr.pos == "NOUN"
                and not (fr.agent or fr.target or fr.weapon or fr.named_victim or fr.at_site)
                and DEMONSTRATIVE_BEFORE.search(folded[max(0, fr.start - 20) : fr.start])
            ):
                ante = next(
                    (p for p in reversed(seen) if p.lemma == fr.lemma and (p.agent or p.target or p.weapon)), None
                )
                if ante is not None:
                    fr.agent, fr.target = list(ante.agent), list(ante.target)
                    fr.agent_text, fr.target_text, fr.weapon = ante.agent_text, ante.target_text, ante.weapon
        seen += [fr for fr in frames if fr.kind == "violence"]


def _kills_by(strike: Frame, x: tuple[Frame, str], folded: str) -> bool:
    """``x`` is a killing told by a relative clause of the ``strike`` noun (« la frappe de drone qui a tué un
    commandant »): one event, the killing."""
    return (
        x[1] == "killing"
        and x[0] is not strike
        and strike.span[0] <= x[0].start < strike.span[1]
        and bool(re.search(r"^[^,;.]{0,40}\bqui (?:\w+ )?$", folded[strike.end : x[0].start]))
    )


def choose_frames(
    frames: list[Frame], a: int, b: int, folded: str, referred: bool = False, sentence_folded: str = ""
) -> tuple[tuple[Frame, str] | None, list[tuple[Frame, str]], list[tuple[Frame, str]]]:
    """The frame that makes the event of the clause [a, b) with its type, the frames named only
    as its cause (with their types), and the clause's other typed frames (with theirs)."""
    typed, causes = [], []
    for fr in frames:
        if not a <= fr.start < b:
            continue
        t = frame_type(fr, frames, sentence_folded)
        if t is None:
            continue
        before = folded[max(a, fr.start - 70) : fr.start]
        cause = CAUSE_BEFORE.search(before)
        if (
            not referred
            and cause
            # « depuis mai 2021 », « après le 3 janvier »: a time, not a cause
            and not TIME_NOT_CAUSE.match(cause.group())
            and len(folded[a : fr.start].split()) > 3
            and t != "announcement"
        ):
            causes.append((fr, t))
            continue
        typed.append((fr, t))
    # the same: a strike named as a cause with the relative clause that tells whom it killed, the killing
    causes = [
        x for x in causes if x[1] not in ("attack", "strike") or not any(_kills_by(x[0], k, folded) for k in causes)
    ]
    if not typed:
        return None, causes, []
    done = [x for x in typed if x[1] != "announcement"]
    pool = done or typed
    # a command held since or until a date, told in passing (« le Portugal, qui commande depuis mai la mission, y
    # a déployé 200 militaires »), is an event beside the clause's, not the clause's own
    pool = [
        x
        for x in pool
        if not (x[0].sort == "command" and (x[0].depth > 0 or folded[max(0, x[0].start - 4) : x[0].start] == "qui "))
    ] or pool
    best = min(pool, key=lambda x: (x[0].depth, PRIORITY.index(x[1]), x[0].start))
    # a death told with its cause in one clause (« tué par une frappe américaine »): the most specific type
    same = [x for x in pool if x[0].depth <= best[0].depth + 1]
    if best[1] in ("attack", "strike"):
        k = [x for x in same if x[1] == "killing"]
        # « la frappe de drone qui a tué un commandant »: the strike's relative clause tells whom it killed,
        # however deep the parse put it (and though « après » before it made it a cause)
        k = k or [x for x in typed + causes if _kills_by(best[0], x, folded)]
        if k:
            best = k[0]
            causes = [x for x in causes if x[0] is not best[0]]
    if best[1] == "withdrawal":
        h = [x for x in pool if x[1] == "handover"]
        if h:
            best = h[0]
    return best, causes, [x for x in typed if x[0] is not best[0]]
