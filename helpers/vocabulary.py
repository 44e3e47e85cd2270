"""The project's vocabulary in one place: event types and their families, labels and priority;
date precisions; place kinds; parties and actors. Every other module imports these names from here."""

from __future__ import annotations

# --- event types ---------------------------------------------------------------------------------
EVENT_TYPES = [
    "withdrawal",
    "handover",
    "redeployment",
    "deployment",
    "attack",
    "strike",
    "killing",
    "vote",
    "agreement",
    "talks",
    "announcement",
    "suspension",
    "protest",
    "other",
]
# types that can name one event ("a base handed over is a base the forces left"); other types are their own family
FAMILY = {
    "withdrawal": "withdrawal",
    "handover": "withdrawal",
    "redeployment": "withdrawal",
    "killing": "killing",
    "strike": "strike",
    "attack": "attack",
}
# the order in which a clause's type is chosen: the most consequential realized action first
PRIORITY = [
    "killing",
    "strike",
    "attack",
    "handover",
    "withdrawal",
    "redeployment",
    "deployment",
    "suspension",
    "vote",
    "agreement",
    "protest",
    "talks",
    "announcement",
]
PRIORITY_INDEX = {t: i for i, t in enumerate(PRIORITY + ["other"])}
TYPE_LABELS = {
    "withdrawal": "Retrait",
    "handover": "Remise d'une base",
    "redeployment": "Redéploiement",
    "deployment": "Déploiement",
    "attack": "Attaque contre la coalition",
    "strike": "Frappe de la coalition / des États-Unis",
    "killing": "Assassinat",
    "vote": "Vote",
    "agreement": "Accord",
    "talks": "Négociations",
    "announcement": "Annonce",
    "suspension": "Suspension",
    "protest": "Manifestation",
    "other": "Autre",
}
# the same, short and lower-case, for chart legends
TYPE_LABELS_SHORT = {
    "withdrawal": "retrait",
    "handover": "remise de base",
    "redeployment": "redéploiement",
    "deployment": "déploiement",
    "attack": "attaque (contre)",
    "strike": "frappe (US/coalition)",
    "killing": "assassinat",
    "vote": "vote",
    "agreement": "accord",
    "talks": "négociations",
    "announcement": "annonce",
    "suspension": "suspension",
    "protest": "manifestation",
    "other": "autre",
}


def family(event_type: str) -> str:
    """The type family of an event type (see :data:`FAMILY`)."""
    return FAMILY.get(event_type, event_type)


# --- dates ---------------------------------------------------------------------------------------
PRECISIONS = ("day", "week", "month", "season", "year")
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}  # the most precise first

# --- places --------------------------------------------------------------------------------------
SITE_KINDS = ("base", "airport", "zone")  # military sites (the map's markers); other kinds are towns and areas
PLACE_KINDS = SITE_KINDS + ("city", "region", "country")
KIND_RANK = {"base": 0, "airport": 0, "zone": 0, "city": 1, "region": 2, "country": 3}  # sites first
# a site's status from the event types of the chronology rows at it, the first in SITE_STATUS_ORDER winning
SITE_STATUS = {
    "handover": "remise aux forces irakiennes",
    "withdrawal": "évacuée par les forces étrangères",
    "redeployment": "forces redéployées",
    "deployment": "forces étrangères présentes",
    "attack": "attaquée",
    "strike": "frappée",
}
SITE_STATUS_ORDER = ["handover", "withdrawal", "redeployment", "deployment", "attack", "strike"]
# the same, short, for the map's legend and popups; "mentioned": a site with no dated event
SITE_STATUS_SHORT = {
    "handover": "remise aux forces irakiennes",
    "withdrawal": "évacuée",
    "redeployment": "redéploiement",
    "deployment": "présence de forces étrangères",
    "attack": "attaquée",
    "strike": "frappée",
    "mentioned": "citée, sans événement daté",
}
# place kinds in French
KIND_LABELS = {
    "base": "base",
    "airport": "aéroport",
    "zone": "zone",
    "city": "ville",
    "region": "région",
    "country": "pays",
}

# --- parties (figures) and actors (events) -------------------------------------------------------
PARTY_NAMES = {
    "US": "États-Unis",
    "FR": "France",
    "UK": "Royaume-Uni",
    "CZ": "Rép. tchèque",
    "DE": "Allemagne",
    "IT": "Italie",
    "ES": "Espagne",
    "CA": "Canada",
    "AU": "Australie",
    "NL": "Pays-Bas",
    "DK": "Danemark",
    "NO": "Norvège",
    "coalition": "Coalition",
    "NATO": "OTAN",
    "IQ": "Irak",
    "PMF": "Hachd al-Chaabi",
    "KH": "Kataeb Hezbollah",
    "IR": "Iran",
    "KRG": "Kurdistan",
    "ISIS": "Daech",
    "IS": "Daech",
    "RO": "Roumanie",
    "HR": "Croatie",
    "HU": "Hongrie",
    "PL": "Pologne",
    "BE": "Belgique",
    "SE": "Suède",
    "FI": "Finlande",
    "NZ": "Nouvelle-Zélande",
    "PT": "Portugal",
    "TR": "Turquie",
    "JO": "Jordanie",
    "civilians": "civils",
    "other": "autres ou mêlés",
    "": "non attribué",
}
# actors that take part in too many events to tell two apart
GENERIC_ACTORS = {"États-Unis", "Irak", "Coalition internationale", "Daech"}
# states: a shared state tells two precisely dated mentions apart, but is too weak to date an article
COUNTRY_ACTORS = {
    "États-Unis",
    "Irak",
    "France",
    "Royaume-Uni",
    "République tchèque",
    "Allemagne",
    "Italie",
    "Espagne",
    "Canada",
    "Australie",
    "Iran",
    "Turquie",
    "Syrie",
    "Israël",
}
