"""A headline per event, in French, from its frame: agent, action, object, place.

« La coalition remet la base d'al-Qaïm aux forces irakiennes », « Attaque à la roquette contre la
base d'Aïn al-Asad », « L'Espagne annonce le retrait de son contingent ». The agent is named from
its party code (the reader's words, not the article's), the object is the article's own noun
phrase cut to its head (no relative clause, no apposition), the place is the gazetteer's name.
The verbatim sentence stays the evidence; the headline only says what happened.
"""

from __future__ import annotations

import re

from ..text import fold

# party code -> (subject as written at the start of a headline, plural?)
SUBJECTS = {
    "US": ("Les États-Unis", True),
    "coalition": ("La coalition", False),
    "NATO": ("L'OTAN", False),
    "FR": ("La France", False),
    "UK": ("Le Royaume-Uni", False),
    "CZ": ("La République tchèque", False),
    "DE": ("L'Allemagne", False),
    "IT": ("L'Italie", False),
    "ES": ("L'Espagne", False),
    "CA": ("Le Canada", False),
    "AU": ("L'Australie", False),
    "NL": ("Les Pays-Bas", True),
    "DK": ("Le Danemark", False),
    "NO": ("La Norvège", False),
    "RO": ("La Roumanie", False),
    "HR": ("La Croatie", False),
    "HU": ("La Hongrie", False),
    "PMF": ("Des milices pro-iraniennes", True),
    "IR": ("L'Iran", False),
    "KRG": ("Le Kurdistan irakien", False),
    "IQ": ("L'Irak", False),
    "IS": ("L'État islamique", False),
    "SY": ("La Syrie", False),
    "TR": ("La Turquie", False),
    "IL": ("Israël", False),
    "BE": ("La Belgique", False),
    "PL": ("La Pologne", False),
    "FI": ("La Finlande", False),
    "SE": ("La Suède", False),
    "NZ": ("La Nouvelle-Zélande", False),
    "PT": ("Le Portugal", False),
    "GR": ("La Grèce", False),
    "SK": ("La Slovaquie", False),
    "LT": ("La Lituanie", False),
    "JO": ("La Jordanie", False),
    "KW": ("Le Koweït", False),
}
# the same as a complement after « de » / « entre »
COMPLEMENTS = {
    "US": "des États-Unis",
    "coalition": "de la coalition",
    "NATO": "de l'OTAN",
    "FR": "de la France",
    "UK": "du Royaume-Uni",
    "CZ": "de la République tchèque",
    "DE": "de l'Allemagne",
    "IT": "de l'Italie",
    "ES": "de l'Espagne",
    "CA": "du Canada",
    "AU": "de l'Australie",
    "NL": "des Pays-Bas",
    "DK": "du Danemark",
    "NO": "de la Norvège",
    "RO": "de la Roumanie",
    "HR": "de la Croatie",
    "HU": "de la Hongrie",
    "PMF": "de milices pro-iraniennes",
    "IR": "de l'Iran",
    "KRG": "du Kurdistan irakien",
    "IQ": "de l'Irak",
    "IS": "de l'État islamique",
    "SY": "de la Syrie",
    "TR": "de la Turquie",
    "IL": "d'Israël",
    "BE": "de la Belgique",
    "PL": "de la Pologne",
    "FI": "de la Finlande",
    "SE": "de la Suède",
    "NZ": "de la Nouvelle-Zélande",
    "PT": "du Portugal",
    "GR": "de la Grèce",
    "SK": "de la Slovaquie",
    "LT": "de la Lituanie",
    "JO": "de la Jordanie",
    "KW": "du Koweït",
}
BARE = {
    "US": "les États-Unis",
    "coalition": "la coalition",
    "NATO": "l'OTAN",
    "IQ": "l'Irak",
    "IR": "l'Iran",
    "KRG": "le Kurdistan irakien",
    "FR": "la France",
    "UK": "le Royaume-Uni",
    "PMF": "des milices pro-iraniennes",
    "ES": "l'Espagne",
    "DE": "l'Allemagne",
    "IT": "l'Italie",
    "CA": "le Canada",
    "CZ": "la République tchèque",
}
# type -> (verb singular, verb plural, noun phrase when the agent is unknown)
VERBS = {
    "withdrawal": ("se retire", "se retirent", "Retrait de forces étrangères"),
    "handover": ("remet", "remettent", "Remise d'un site aux forces irakiennes"),
    "redeployment": ("redéploie des forces", "redéploient des forces", "Redéploiement de forces étrangères"),
    "deployment": ("déploie", "déploient", "Déploiement de forces"),
    "attack": ("attaque", "attaquent", "Attaque"),
    "strike": ("frappe", "frappent", "Frappe"),
    "suspension": ("suspend", "suspendent", "Suspension"),
    "protest": ("manifeste", "manifestent", "Manifestation"),
}
SAY = {
    "planned": ("annonce", "annoncent"),
    "demanded": ("demande", "demandent"),
    "denied": ("dément", "démentent"),
    "reported": ("annonce", "annoncent"),
    "realized": ("annonce", "annoncent"),
}
MOVE_NOUN = {
    "withdrawal": "le retrait",
    "handover": "la remise",
    "redeployment": "le redéploiement",
    "deployment": "le déploiement",
    "suspension": "la suspension",
    "attack": "des attaques",
    "strike": "des frappes",
    "agreement": "un accord",
    "vote": "un vote",
    "talks": "des négociations",
}
# the headline noun of each sort of `other` event (see frames.other_sort)
OTHER_SORTS = {
    "funeral": "Funérailles",
    "office": "Prise de fonctions",
    "election": "Élections",
    "crash": "Accident d'un appareil militaire",
    "command": "Passation de commandement",
    "violence": "Attaque",
    "summons": "Convocation d'un diplomate",
    "justice": "Acte judiciaire",
    "victory": "Victoire proclamée",
    "repatriation": "Rapatriement de civils",
    "patrol": "Patrouilles",
    "resumption": "Reprise des activités",
}
WEAPON_KIND = {
    "roquette": " à la roquette",
    "missile": " aux missiles",
    "drone": " de drone",
    "obus": " à l'obus",
    "mortier": " au mortier",
}
_CUT = re.compile(
    r"\s*(?:,|;|:|\(|«|»|\"| qui | que | qu'| dont | où | lorsqu| alors | afin | pour | après | avant | "
    r"selon | a annonc| a indiqu| a déclar)"
)
_LEAD_ART = re.compile(r"^(?:le|la|les|l'|un|une|des|du|de|d')\s*", re.I)


_LEAD_PREP = re.compile(r"^(?:contre|sur|vers|à|au|aux|dans|en|par|pour|près de|près d')\s+", re.I)
_LEAD_DATE = re.compile(
    r"^(?:(?:ce |le )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*)?(?:\d{1,2}(?:er)?\s+"
    r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s*(?:\d{4})?)?,?\s*",
    re.I,
)
_LEAD_DET = re.compile(
    r"^(?:Le|La|Les|L'|Un|Une|Des|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Plusieurs|Ses|Son|Sa|Leur|Leurs)\b"
)


def short(phrase: str, words: int = 8) -> str:
    """An article's noun phrase cut to its core: no relative clause, apposition or quote; a few words;
    no leading preposition (« contre la base » is « la base »), a sentence's capital dropped (« Deux
    soldats » is « deux soldats »)."""
    p = " ".join(phrase.split())
    p = _LEAD_PREP.sub("", p)
    p = _LEAD_DATE.sub("", p)
    if _LEAD_DET.match(p):
        p = p[0].lower() + p[1:]
    m = _CUT.search(p)
    if m and m.start() > 0:
        p = p[: m.start()]
    ws = p.split()
    if len(ws) > words:
        ws = ws[:words]
        # do not end on a function word
        while ws and fold(ws[-1]) in (
            "de",
            "du",
            "des",
            "d'",
            "la",
            "le",
            "les",
            "l'",
            "a",
            "au",
            "aux",
            "et",
            "en",
            "sur",
            "dans",
            "par",
            "contre",
            "un",
            "une",
            "son",
            "sa",
            "ses",
            "leur",
            "pres",
            "vers",
            "pour",
            "avec",
        ):
            ws.pop()
    while ws and fold(ws[-1]) in ("pres", "vers", "pour", "avec", "de", "du", "des", "d'", "a", "au", "aux", "et"):
        ws.pop()
    return " ".join(ws).strip(" ,.;:")


def tidy(text: str) -> str:
    """French contractions a headline built from parts needs (« de le » is « du », « à le » is « au »), one
    space between words, a capital first."""
    t = " ".join(text.split())
    for a, b in (
        (" de le ", " du "),
        (" de les ", " des "),
        (" à le ", " au "),
        (" à les ", " aux "),
        (" de un ", " d'un "),
        (" de une ", " d'une "),
    ):
        t = t.replace(a, b)
    t = re.sub(r"\bde ([aeiouyâéèêîïôûh])", r"d'\1", t)
    return t[:1].upper() + t[1:]


def subject(codes: list[str]) -> tuple[str, bool]:
    """The subject of a headline from party codes, and whether it is plural."""
    codes = [c for c in codes if c in SUBJECTS]
    if not codes:
        return "", False
    if len(codes) >= 2 and "coalition" not in codes[:1]:
        a, b = SUBJECTS[codes[0]][0], BARE.get(codes[1], SUBJECTS[codes[1]][0].lower())
        return f"{a} et {b}", True
    return SUBJECTS[codes[0]]


def _verb(v: tuple[str, str], plural: bool) -> str:
    return v[1] if plural else v[0]


COUNTRIES = {
    "irak": ("en Irak", "d'Irak"),
    "iraq": ("en Irak", "d'Irak"),
    "syrie": ("en Syrie", "de Syrie"),
    "koweit": ("au Koweït", "du Koweït"),
    "jordanie": ("en Jordanie", "de Jordanie"),
    "iran": ("en Iran", "d'Iran"),
    "turquie": ("en Turquie", "de Turquie"),
    "liban": ("au Liban", "du Liban"),
    "qatar": ("au Qatar", "du Qatar"),
    "kurdistan": ("au Kurdistan", "du Kurdistan"),
    "afghanistan": ("en Afghanistan", "d'Afghanistan"),
    "israel": ("en Israël", "d'Israël"),
    "arabie saoudite": ("en Arabie saoudite", "d'Arabie saoudite"),
    "bahrein": ("à Bahreïn", "de Bahreïn"),
}
_COMMON = re.compile(
    r"^(base|camp|aéroport|aeroport|zone|ambassade|quartier|complexe|installation|site|tour|"
    r"avant-poste|caserne|ville|province|région|region|gouvernorat)\b",
    re.I,
)
_FEM = re.compile(r"^(base|zone|ambassade|installation|tour|caserne|ville|province|région|region)\b", re.I)
_VOWEL = re.compile(r"^[AEIOUYÂÉÈÊÎÏÔÛaeiouyâéèêîïôûh]")


def place_phrase(name: str, prep: str = "à") -> str:
    """A place as a complement: « en Irak », « à la base aérienne d'Aïn al-Asad », « du camp de Taji »,
    « d'Erbil », « vers le Koweït »."""
    key = fold(name)
    if key not in COUNTRIES and key.split(" ")[0] in COUNTRIES and " " in key:
        # « Kurdistan irakien »: the country's preposition, the rest as written
        at, frm = COUNTRIES[key.split(" ")[0]]
        rest = name.split(" ", 1)[1]
        return f"{frm if prep == 'de' else at} {rest}" if prep in ("de", "à") else f"{prep} {name}"
    if key in COUNTRIES:
        at, frm = COUNTRIES[key]
        if prep == "de":
            return frm
        if prep == "vers":
            bare = at.split(" ", 1)[1]
            if at.startswith("en "):
                return "vers l'" + bare if _VOWEL.match(bare) else "vers la " + bare
            return "vers le " + bare
        return at
    if _COMMON.match(name):
        name = name[0].lower() + name[1:]
        if _VOWEL.match(name):
            art = "l'"
        else:
            art = "la " if _FEM.match(name) else "le "
        if prep == "de":
            return ("du " if art == "le " else "de " + art) + name
        if prep == "à":
            return ("au " if art == "le " else "à " + art) + name
        return f"{prep} {art}{name}"
    if prep == "de":
        return ("d'" if _VOWEL.match(name) else "de ") + name
    return f"{prep} {name}"


def _place(place_names: list[str], prep: str = "à") -> str:
    if not place_names:
        return ""
    return " " + place_phrase(place_names[0], prep)


def headline(*args, **kwargs) -> str:
    """The headline of one event (see the module's docstring)."""
    return tidy(_headline(*args, **kwargs))


def _headline(
    etype: str,
    modality: str,
    agent: list[str],
    target: list[str],
    object_text: str = "",
    place_names: list[str] | None = None,
    content_type: str = "",
    weapon: str = "",
    victim: str = "",
) -> str:
    """The headline's words by type: who did what to whom, where; an announcement says what it announces."""
    places = place_names or []
    subj, plural = subject(agent)
    said = etype == "announcement" and fold(object_text or "").startswith("qu")
    obj = short(object_text, 12 if said else 8) if object_text else ""
    # a place the object already names is not said twice (« 200 soldats à Erbil à Erbil »)
    fresh = [p for p in places if fold(p.split()[-1]) not in fold(obj)] if obj else places
    if etype == "announcement":
        what = MOVE_NOUN.get(content_type, "")
        say = SAY.get(modality, SAY["planned"])
        if (
            obj
            and content_type in MOVE_NOUN
            and not fold(obj).startswith(
                ("le ", "la ", "les ", "l'", "un ", "une ", "des ", "son ", "sa ", "ses ", "leur")
            )
        ):
            obj = ""
        if said and obj:
            return f"{subj} {_verb(say, plural)} {obj}" if subj else f"Annonce {obj}"
        thing = obj or (what + _place(places, "de") if what else "")
        if subj:
            return (
                f"{subj} {_verb(say, plural)} {thing}".strip()
                if thing
                else f"Déclaration {COMPLEMENTS.get(agent[0], '')}".strip()
            )
        return f"Annonce : {thing}" if thing else "Annonce"
    if etype == "killing":
        who = victim or obj
        if re.match(r"(général|commandant|chef|dirigeant|leader|colonel)\b", who):
            who = "le " + who  # « l'assassinat du général… »
        return (f"Assassinat de {who}" if who else "Assassinat") + _place(fresh)
    if etype == "vote":
        body = "Vote du Parlement irakien" if ("IQ" in agent or not agent) else f"Vote {COMPLEMENTS.get(agent[0], '')}"
        return body + (f" : {obj}" if obj and len(obj.split()) > 1 else "")
    if etype in ("agreement", "talks"):
        noun = "Accord" if etype == "agreement" else "Négociations"
        who = [c for c in dict.fromkeys(agent + target) if c in COMPLEMENTS][:2]
        if len(who) == 2:
            pair = f" entre {BARE.get(who[0], SUBJECTS[who[0]][0].lower())} et {BARE.get(who[1], SUBJECTS[who[1]][0].lower())}"
        elif who:
            pair = f" {COMPLEMENTS[who[0]]}"
        else:
            pair = ""
        return noun + pair + _place(places)
    if etype == "other":
        if content_type == "death":
            return (f"Mort de {obj}" if obj else "Mort d'un militaire") + _place(fresh)
        if content_type in ("other", "visit"):
            return (f"Visite {COMPLEMENTS[agent[0]]}" if subj else "Visite") + _place(places)
        if content_type in OTHER_SORTS:
            noun = OTHER_SORTS[content_type]
            if content_type == "violence":
                kind = WEAPON_KIND.get(weapon, "")
                return f"{noun}{kind}" + (f" contre {obj}" if obj else "") + _place(fresh)
            if content_type == "command":
                return noun + (f" {COMPLEMENTS[agent[0]]}" if subj else "") + _place(places)
            return noun + (f" de {victim}" if victim else "") + _place(places)
        return (
            f"{subj} : {obj}" if subj and obj else obj[:1].upper() + obj[1:] if obj else "Autre événement"
        ) + _place(fresh)
    v = VERBS.get(etype)
    if v is None:
        return etype
    if etype == "attack":
        kind = WEAPON_KIND.get(weapon, "")
        tgt = obj if obj and not re.match(r"^(?:roquette|missile|drone)", fold(obj)) else ""
        if not tgt and places:
            if fold(places[0]) in COUNTRIES or fold(places[0]).split(" ")[0] in COUNTRIES:
                return f"Attaque{kind} " + place_phrase(places[0], "à")  # « Attaque de drone en Irak »
            tgt = place_phrase(places[0], "").strip()
        elif tgt and fresh:
            tgt += _place(fresh)
        if subj and set(agent) & {"IR", "PMF", "IS"}:
            return f"{subj} {_verb(v[:2], plural)} {tgt}".strip() if tgt else f"Attaque{kind} {COMPLEMENTS[agent[0]]}"
        return f"Attaque{kind}" + (f" contre {tgt}" if tgt else "")
    if etype == "strike":
        tgt = obj
        if subj:
            return (
                f"{subj} {_verb(v[:2], plural)} {tgt}".strip() + _place(fresh)
                if tgt
                else f"Frappe {COMPLEMENTS.get(agent[0], '')}".strip() + _place(places)
            )
        return "Frappe" + (f" contre {tgt}" if tgt else "") + _place(fresh)
    if etype == "handover":
        recipient = (
            " aux forces irakiennes"
            if ("IQ" in target or not target)
            else (" aux forces kurdes" if "KRG" in target else "")
        )
        site = ""
        if places:
            name = places[0]
            site = place_phrase(name, "").strip() if _COMMON.match(name) else f"la base {place_phrase(name, 'de')}"
        elif obj:
            site = obj
        else:
            site = "un site"
        if subj and not set(agent) <= {"IQ", "KRG"}:  # Iraq does not hand a base over to itself
            return f"{subj} {_verb(v[:2], plural)} {site}{recipient}"
        return f"Remise de {site}{recipient}"
    if etype == "withdrawal":
        if subj:
            return f"{subj} {_verb(v[:2], plural)}" + (_place(places, "de") if places else " d'Irak" * 0)
        return v[2] + _place(places, "de")
    if etype in ("redeployment", "deployment"):
        what = obj if etype == "deployment" and obj else ""
        prep = "vers" if etype == "redeployment" else "à"
        if subj:
            verb = _verb(v[:2], plural) + (f" {what}" if what else (" des forces" if etype == "deployment" else ""))
            return f"{subj} {verb}" + _place(fresh if what else places, prep)
        return v[2] + _place(places, prep)
    if etype == "suspension":
        if subj:
            return f"{subj} {_verb(v[:2], plural)} {obj}".strip() if obj else f"Suspension {COMPLEMENTS[agent[0]]}"
        return "Suspension" + (f" : {obj}" if obj else "")
    if etype == "protest":
        return "Manifestation" + _place(places)
    return etype
