"""The project's vocabulary in one place: event types and their labels."""
from __future__ import annotations

TYPE_LABELS = {
    "withdrawal": "Retrait", "handover": "Remise d'une base", "redeployment": "Redéploiement",
    "deployment": "Déploiement", "attack": "Attaque contre la coalition", "strike": "Frappe de la coalition / des États-Unis",
    "killing": "Assassinat", "vote": "Vote", "agreement": "Accord", "talks": "Négociations",
    "announcement": "Annonce", "suspension": "Suspension", "protest": "Manifestation", "other": "Autre",
}
