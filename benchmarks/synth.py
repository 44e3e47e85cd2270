"""Deterministic synthetic corpora for the benchmark: press-style French articles of about
500 words built from sentence templates with varied dates, places, parties and numbers.

They are not copies of the seeds: the templates are written for the benchmark, and the
random choices come from ``random.Random(seed)`` so the same size gives the same files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

MONTHS = [
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
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
SITES = [
    "la base aérienne d'Aïn al-Assad",
    "la base al-Taji",
    "la base de Balad",
    "l'aéroport d'Erbil",
    "la base K1",
    "la base aérienne de Harir",
    "la base al-Qaïm",
    "la base de Qayyarah",
    "la base d'al-Habbaniyah",
    "la Zone verte",
    "l'aéroport international de Bagdad",
    "le camp Victory",
]
TOWNS = ["Mossoul", "Kirkouk", "Bassora", "Falloujah", "Ramadi", "Tikrit", "Samarra", "Nadjaf", "Kerbala", "Erbil"]
PARTIES = [
    ("américains", "Washington"),
    ("français", "Paris"),
    ("britanniques", "Londres"),
    ("allemands", "Berlin"),
    ("italiens", "Rome"),
    ("tchèques", "Prague"),
    ("canadiens", "Ottawa"),
]
OUTLETS = ["AFP", "Reuters", "Le Monde", "France 24", "RFI", "Sputnik Afrique", "Press TV", "TRT Français"]
UNITS = ["soldats", "militaires", "conseillers", "instructeurs"]


def _d(d: date, rng: random.Random, with_year: bool) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    s = f"{day} {MONTHS[d.month - 1]}"
    return f"{s} {d.year}" if with_year else s


def article(i: int, rng: random.Random) -> str:
    pub = date(2019, 6, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    past = lambda n: pub - timedelta(days=rng.randrange(1, n))  # noqa: E731
    nat, capital = rng.choice(PARTIES)
    site, site2, town = rng.choice(SITES), rng.choice(SITES), rng.choice(TOWNS)
    outlet = rng.choice(OUTLETS)
    n = rng.choice([30, 80, 120, 200, 450, 800, 1200, 2500, 3000, 5200])
    unit = rng.choice(UNITS)
    wd = WEEKDAYS[pub.weekday()]
    title = f"Irak : {rng.choice(['nouvelle attaque contre', 'retrait des forces étrangères de', 'tensions autour de'])} {site}"
    lines = [title, ""]
    dateline = f"BAGDAD, {_d(pub, rng, True)} ({outlet}) - " if rng.random() < 0.8 else ""
    body = [
        f"Les forces {nat} ont quitté {site} ce {wd} {_d(pub, rng, False)}, a annoncé un porte-parole de la coalition internationale.",
        f"Selon un communiqué, environ {n:,} {unit} {nat} restent déployés dans le pays.".replace(",", "\u00a0", 1)
        if n >= 1000
        else f"Selon un communiqué, environ {n} {unit} {nat} restent déployés dans le pays.",
        f"Le {_d(past(200), rng, True)}, des roquettes avaient visé {site2}, sans faire de victimes.",
        f"Depuis {rng.choice(MONTHS)} {pub.year - 1}, plus de {rng.randrange(10, 90)} attaques ont visé des intérêts étrangers.",
        f"{capital} avait annoncé le mois dernier le retrait de {rng.choice(['deux', 'trois', 'cinq'])} cents {unit} d'ici la fin de l'année.",
        f"Dans la nuit du {rng.randrange(1, 14)} au {rng.randrange(15, 28)} {rng.choice(MONTHS)}, un drone a frappé un convoi près de {town}, tuant {rng.randrange(2, 12)} combattants.",
        f"Le Parlement irakien avait voté en {rng.choice(MONTHS)} {pub.year - 1} une résolution demandant le départ des troupes étrangères.",
        f"Début {rng.choice(MONTHS)}, des négociations se sont tenues à Bagdad entre les deux pays.",
        f"La semaine passée, {rng.choice(['une', 'deux', 'trois'])} attaques à la roquette ont eu lieu contre {rng.choice(SITES)}.",
        f"Quelque {rng.randrange(2, 9)} 000 soldats de la coalition étaient présents dans le pays en {pub.year - 2}, dont {rng.randrange(1, 3)} 500 Américains.",
    ]
    filler = [
        "Les responsables irakiens insistent sur la souveraineté du pays et sur la capacité des forces de sécurité à assurer la protection du territoire.",
        "Plusieurs factions armées ont menacé de poursuivre leurs opérations tant que des troupes étrangères resteront sur le sol irakien.",
        "Les analystes soulignent que la présence militaire étrangère reste un sujet de débat intense au sein de la classe politique.",
        "Le gouvernement a réaffirmé sa volonté de maintenir une coopération dans le domaine de la formation et du conseil.",
        "Des sources sécuritaires ont indiqué que la situation restait calme dans la plupart des provinces du pays.",
        "Les discussions portent sur un calendrier de retrait progressif et sur l'avenir de la mission de conseil.",
    ]
    rng.shuffle(body)
    words = 0
    text = []
    k = 0
    while words < 470:
        s = body[k] if k < len(body) else rng.choice(filler)
        text.append(s)
        words += len(s.split())
        k += 1
    lines.append(dateline + " ".join(text[:3]))
    lines.extend(text[3:])
    lines += ["", f"Source : {outlet}"]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 2020, start: int = 0) -> list[Path]:
    """Write ``n`` articles into ``folder/raw/articles/`` (plus ``reference/`` must be copied by the caller)."""
    rng = random.Random(seed)
    out = folder / "raw" / "articles"
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start + n):
        text = article(i, rng)
        if i < start:
            continue
        p = out / f"synthetic_{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
