"""Deterministic synthetic corpora for the benchmark: press-style French articles of about 500 words
*after cleaning* (no line repeated within an article or across most of the corpus, so the cleaner removes
nothing but a source line), with the variety of real press: wire stories with a dateline and without,
analyses, short briefs and long features; news of attacks, strikes, withdrawals, handovers, votes,
talks and statements among background, quotes, politics, economy and regional context that holds no
event; figures of troops and tolls; dates written every way the press writes them.

Nothing is copied from a real article: the sentences are templates written for the benchmark, filled
from lists of places, parties, people and numbers. ``random.Random(seed)`` makes the same size give the
same files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
SITES = [
    "la base aérienne d'Aïn al-Assad", "la base al-Taji", "la base de Balad", "l'aéroport d'Erbil",
    "la base K1", "la base aérienne de Harir", "la base al-Qaïm", "la base de Qayyarah",
    "la base d'al-Habbaniyah", "la Zone verte", "l'aéroport international de Bagdad", "le camp Victory",
    "la base Victoria", "le camp Taji", "la base de Tal Afar",
]  # fmt: skip
TOWNS = [
    "Mossoul", "Kirkouk", "Bassora", "Falloujah", "Ramadi", "Tikrit", "Samarra", "Nadjaf", "Kerbala",
    "Erbil", "Souleimaniyeh", "Bakouba", "Hit", "Haditha", "Sinjar", "Tal Afar", "Jurf al-Sakhar", "Diyala",
]  # fmt: skip
PROVINCES = ["d'Anbar", "de Ninive", "de Salaheddine", "de Diyala", "de Babylone", "de Kirkouk", "de Bassora"]
PARTIES = [
    ("américains", "américaine", "Washington", "les États-Unis"),
    ("français", "française", "Paris", "la France"),
    ("britanniques", "britannique", "Londres", "le Royaume-Uni"),
    ("allemands", "allemande", "Berlin", "l'Allemagne"),
    ("italiens", "italienne", "Rome", "l'Italie"),
    ("canadiens", "canadienne", "Ottawa", "le Canada"),
    ("espagnols", "espagnole", "Madrid", "l'Espagne"),
    ("australiens", "australienne", "Canberra", "l'Australie"),
    ("danois", "danoise", "Copenhague", "le Danemark"),
    ("néerlandais", "néerlandaise", "La Haye", "les Pays-Bas"),
]  # fmt: skip
OUTLETS = [
    "AFP", "Reuters", "Le Monde", "France 24", "RFI", "Sputnik Afrique", "Press TV", "TRT Français",
    "L'Orient-Le Jour", "Le Figaro", "Anadolu", "Al Mayadeen", "Libération", "La Croix", "Ouest-France",
]  # fmt: skip
DATELINES = ["BAGDAD", "ERBIL", "WASHINGTON", "PARIS", "BEYROUTH", "AMMAN", "BASSORA", "MOSSOUL", "DUBAÏ"]
UNITS = ["soldats", "militaires", "conseillers", "instructeurs", "hommes", "membres du personnel"]
ARMED = [
    "les Brigades du Hezbollah", "Asaïb Ahl al-Haq", "la Résistance islamique en Irak", "des factions pro-iraniennes",
    "les Brigades Sayyed al-Chouhada", "un groupe armé jusqu'ici inconnu", "des combattants du groupe État islamique",
]  # fmt: skip
OFFICIALS = [
    ("le Premier ministre", "Mohammed Chia al-Soudani"), ("le porte-parole du gouvernement", "Bassem al-Awadi"),
    ("le ministre des Affaires étrangères", "Fouad Hussein"), ("le porte-parole de la coalition", "le colonel Wayne Marotto"),
    ("le chef du Pentagone", "Lloyd Austin"), ("le président du Parlement", "Mohammed al-Halboussi"),
    ("le commandant des opérations conjointes", "le général Abdel Amir al-Chammari"),
    ("un haut responsable américain", "s'exprimant sous couvert d'anonymat"),
    ("le Premier ministre de la région autonome", "Masrour Barzani"), ("l'ancien Premier ministre", "Moustafa al-Kazimi"),
]  # fmt: skip
ADJ = ["vive", "profonde", "certaine", "grande", "réelle", "forte", "nouvelle", "discrète", "lente"]
TOPICS = [
    "la reconstruction des zones libérées", "le budget fédéral", "les exportations de pétrole", "la crise de l'électricité",
    "le chômage des jeunes", "la corruption", "la loi électorale", "les relations avec Téhéran", "le partage des recettes",
    "le retour des déplacés", "la sécheresse", "les salaires des fonctionnaires", "la dette", "la réforme de l'armée",
]  # fmt: skip
NUMBER_WORDS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "quinze", "vingt"]


def _day(d: date, year: bool = True) -> str:
    s = f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]}"
    return f"{s} {d.year}" if year else s


def _n(n: int) -> str:
    """A number as the French press writes it (a thin space between thousands)."""
    return f"{n:,}".replace(",", "\u00a0")


class Article:
    """One synthetic article: its publication date, actors and sentence makers."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.pub = date(2019, 6, 1) + timedelta(days=rng.randrange(0, 6 * 365))
        self.nat, self.natf, self.capital, self.country = rng.choice(PARTIES)
        self.site, self.site2 = rng.sample(SITES, 2)
        self.town, self.town2 = rng.sample(TOWNS, 2)
        self.outlet = rng.choice(OUTLETS)
        self.armed = rng.choice(ARMED)
        self.official = rng.choice(OFFICIALS)

    def v(self, *words: str) -> str:
        """One of ``words``: the same thing said several ways."""
        return self.r.choice(words)

    def when(self) -> str:
        """The news's date, as the lead of an article writes it."""
        r, pub = self.r, self.pub
        back = pub - timedelta(days=r.choice([0, 0, 1, 1, 2, 3]))
        return r.choice(
            [
                f"ce {WEEKDAYS[back.weekday()]}", f"{WEEKDAYS[back.weekday()]}", f"le {_day(back, False)}",
                f"{WEEKDAYS[back.weekday()]} {_day(back, False)}", "dans la nuit de samedi à dimanche", "hier",
                f"le {_day(back)}", "en début de semaine", "tôt dans la matinée",
            ]
        )  # fmt: skip

    def past(self) -> str:
        """An earlier date: absolute, relative or vague."""
        r, pub = self.r, self.pub
        d = pub - timedelta(days=r.randrange(8, 700))
        return r.choice(
            [
                f"le {_day(d)}", f"en {MONTHS[d.month - 1]} {d.year}", f"en {MONTHS[d.month - 1]}", f"début {MONTHS[d.month - 1]}",
                f"fin {MONTHS[d.month - 1]} {d.year}", "le mois dernier", "l'an dernier", f"il y a {r.choice(NUMBER_WORDS)} semaines",
                f"à la mi-{MONTHS[d.month - 1]}", f"au printemps {d.year}", f"en {d.year}",
            ]
        )  # fmt: skip

    def future(self) -> str:
        """A date to come."""
        r, pub = self.r, self.pub
        d = pub + timedelta(days=r.randrange(20, 500))
        return r.choice(
            [
                "d'ici la fin de l'année", f"avant le {_day(d)}", f"d'ici {MONTHS[d.month - 1]} {d.year}", f"en {d.year}",
                "dans les prochains mois", f"au plus tard en septembre {d.year}", "d'ici à l'été", "avant la fin du mois",
            ]
        )  # fmt: skip

    def count(self) -> str:
        r = self.r
        return r.choice(
            [_n(r.choice([150, 200, 300, 450, 600, 800, 900])), _n(r.randrange(10, 60) * 100), r.choice(NUMBER_WORDS)]
        )

    # --- the news (one in the lead, sometimes a second further down) ---------------------------

    def news(self) -> list[str]:
        r, v = self.r, self.v
        kind = r.choice(
            [
                "attack",
                "attack",
                "strike",
                "withdrawal",
                "withdrawal",
                "handover",
                "vote",
                "talks",
                "statement",
                "agreement",
            ]
        )
        w, who = self.when(), self.official
        if kind == "attack":
            weapon = r.choice(["roquettes", "obus de mortier", "drones armés", "missiles", "engins explosifs"])
            toll = r.choice(
                ["sans faire de victimes", f"blessant {r.choice(NUMBER_WORDS)} {r.choice(UNITS)} {self.nat}",
                 "causant des dégâts matériels", f"tuant un sous-traitant {self.natf}", "sans faire de blessés selon un premier bilan"]
            )  # fmt: skip
            return [
                f"{r.randrange(2, 14)} {weapon} ont visé {w} {self.site}, qui abrite des troupes {self.nat}, {toll}, a indiqué {who[0]}.",
                r.choice(
                    [
                        f"L'attaque n'a pas été revendiquée, mais Washington accuse régulièrement {self.armed} de tels tirs.",
                        f"Elle a été revendiquée dans la soirée par {self.armed} sur une messagerie cryptée.",
                        f"Les systèmes de défense ont intercepté {v('une partie des', 'plusieurs', 'la plupart des')} projectiles, selon {v('une source sécuritaire', 'la coalition', self.outlet)}.",
                    ]
                ),  # fmt: skip
            ]
        if kind == "strike":
            return [
                f"Des frappes {self.natf}s ont visé {w} des positions de {self.armed} près de {self.town}, tuant "
                f"{r.choice(NUMBER_WORDS)} combattants, selon un responsable local.",
                f"{v('Le Pentagone', 'Washington', 'Le commandement central américain')} a présenté ces frappes comme une {v('riposte', 'réponse', 'mesure défensive')} aux attaques contre ses forces{v(' en Irak et en Syrie', ' dans la région', '')}.",
            ]
        if kind == "withdrawal":
            return [
                f"Les dernières troupes {self.nat} ont quitté {w} {self.site}, a annoncé {who[0]} {who[1]}.",
                f"Quelque {self.count()} {r.choice(UNITS)} ont été redéployés vers {r.choice(['le Koweït', 'la Jordanie', 'le Kurdistan', 'Erbil'])}, "
                f"a précisé un communiqué.",
            ]
        if kind == "handover":
            return [
                f"La coalition a remis {w} {self.site} aux forces irakiennes lors d'une cérémonie en présence de {who[0]}.",
                f"Il s'agit de la {r.choice(['troisième', 'quatrième', 'cinquième', 'sixième'])} emprise transférée aux Irakiens depuis le début de l'année.",
            ]
        if kind == "vote":
            return [
                f"Le Parlement irakien a adopté {w} une résolution demandant le départ des troupes étrangères, en l'absence des députés kurdes et sunnites.",
                f"Le texte, non contraignant, appelle le gouvernement à mettre fin à la mission de la coalition {self.future()}.",
            ]
        if kind == "talks":
            return [
                f"Des délégations irakienne et {self.natf} se sont réunies {w} à {r.choice(['Bagdad', 'Washington', 'Erbil'])} "
                f"pour un nouveau cycle du dialogue stratégique.",
                f"Les discussions ont porté sur {v('le calendrier du retrait', 'la transition', 'le nombre de conseillers')} et sur l'avenir de la coopération {v('sécuritaire', 'militaire', 'économique')}.",
            ]
        if kind == "agreement":
            return [
                f"Bagdad et {self.capital} ont convenu {w} d'un calendrier pour la fin de la mission militaire de la coalition {self.future()}.",
                f"L'accord prévoit une transition vers des relations bilatérales de sécurité, a déclaré {who[0]} {who[1]}.",
            ]
        return [
            f"{self.country[0].upper() + self.country[1:]} va réduire sa présence militaire en Irak {self.future()}, a annoncé {w} {who[0]}.",
            f"Environ {self.count()} {r.choice(UNITS)} {self.nat} sont encore déployés dans le pays, selon des chiffres officiels.",
        ]

    # --- what surrounds the news: background, context, quotes (mostly no event) ---------------

    def context(self) -> list[str]:
        r, p = self.r, self.past()
        v = self.v
        adj, topic, t2 = r.choice(ADJ), r.choice(TOPICS), r.choice(TOPICS)
        who, off2 = self.official, r.choice(OFFICIALS)
        n = r.randrange(2, 40)
        return [
            f"La coalition internationale {v('a été formée', 'avait été mise sur pied', 'est née')} en {v('2014', 'septembre 2014', 'août 2014')} pour {v('combattre', 'lutter contre', 'chasser')} le groupe État islamique, qui {v('contrôlait', 'tenait', 'occupait')} alors {v('un tiers', 'près d’un tiers', 'une large part')} du territoire{v('', ' irakien', ', dont Mossoul')}.",
            f"Depuis {v('le début de', 'la mi-', 'la fin de')}{MONTHS[r.randrange(12)]} {self.pub.year - r.randrange(1, 3)}, plus de {r.randrange(20, 180)} attaques ont visé des intérêts {self.nat} en Irak et en Syrie, selon un décompte du Pentagone.",
            f"Le sujet suscite une {adj} inquiétude parmi les partenaires de Bagdad, qui redoutent un retour des jihadistes.",
            f"« Nous ne voulons pas d'une présence permanente, mais d'un partenariat », a affirmé {who[0]} lors d'une conférence de presse.",
            f"Selon {off2[0]}, les forces irakiennes sont désormais capables d'assurer seules la sécurité des grandes villes.",
            f"Les débats sur {topic} occupent pourtant davantage les Irakiens que la question des troupes étrangères.",
            f"Dans la province {r.choice(PROVINCES)}, les habitants {v('s’inquiètent surtout pour', 'attendent surtout des réponses sur', 'parlent d’abord de')} {t2}.",
            f"Le gouvernement doit présenter son projet de loi sur {topic} devant les députés {self.future()}.",
            f"Les cellules du groupe État islamique {v('restent actives', 'demeurent présentes', 'continuent d’opérer')} dans {v('les zones désertiques', 'le désert d’Anbar', 'les monts Hamrin', 'la province ' + r.choice(PROVINCES)[3:] if False else 'les régions rurales')}, selon {v('les services de renseignement', 'un rapport de l’ONU', 'des responsables kurdes', self.outlet)}.",
            f"Des sources sécuritaires ont fait état d'un calme relatif à {self.town2} ces derniers jours.",
            f"L'assassinat du général iranien Qassem Soleimani {v('à Bagdad', 'près de l’aéroport de Bagdad', 'par une frappe de drone')} en janvier 2020 avait {v('ravivé', 'accru', 'relancé')} la pression sur la présence {v('américaine', 'des troupes étrangères', 'de la coalition')}.",
            f"{v('Les factions armées pro-iraniennes', self.armed[0].upper() + self.armed[1:], 'Plusieurs partis chiites')} {v('réclament', 'exigent', 'demandent')} depuis {v('des années', '2020', 'longtemps')} un départ {v('complet', 'total', 'rapide')} des forces étrangères.",
            f"Pour {r.choice(['un chercheur', 'une analyste', 'un diplomate occidental', 'un ancien officier'])} "
            f"interrogé par {self.outlet}, « le retrait est avant tout un geste politique ».",
            f"{v('Le Kurdistan irakien', 'Erbil', 'Le gouvernement régional kurde')} {v('souhaite', 'plaide pour', 'demande')} de son côté le maintien d'une présence {v('occidentale', 'américaine', 'de la coalition')} sur son sol.",
            f"Les échanges commerciaux entre l'Irak et {self.country} ont atteint {r.randrange(2, 19)} milliards de dollars l'an dernier.",
            f"La production pétrolière du pays dépasse {r.choice(['quatre millions de', 'quatre millions et demi de', 'trois millions huit cent mille', 'quatre millions deux cent mille'])} barils par jour.",
            f"La mission de l'OTAN en Irak, distincte de la coalition, {v('poursuit', 'maintient', 'étend')} ses activités de {v('conseil', 'formation', 'conseil et de formation')} {v('à Bagdad', 'auprès du ministère de la Défense', 'dans les écoles militaires')}.",
            f"{off2[0][0].upper() + off2[0][1:]} doit se rendre {self.future()} à {r.choice(['Washington', 'Téhéran', 'Ankara', 'Riyad', 'Paris'])}.",
            f"Les élections législatives, prévues {self.future()}, pourraient rebattre les cartes.",
            f"Au total, {n} civils ont été tués dans des violences au mois de {MONTHS[(self.pub.month - 2) % 12]}, selon un décompte de l'ONU.",
            f"{v('La Turquie', 'Ankara', 'L’armée turque')} mène {v('régulièrement', 'depuis des mois', 'chaque été')} des opérations contre les combattants kurdes {v('dans les montagnes du nord', 'près de Sinjar', 'dans la région de Duhok')}.",
            f"{self.capital} n'a pas souhaité commenter ces informations.",
            f"« {v('La situation est sous contrôle', 'Nous maîtrisons la situation', 'Il n’y a pas lieu de s’alarmer', 'La menace reste réelle')} », a {v('assuré', 'affirmé', 'déclaré')} un {v('officier', 'responsable', 'gradé')} irakien joint par {v('téléphone', self.outlet)}.",
            f"Plusieurs convois logistiques de la coalition ont été visés par des engins explosifs sur les routes du sud, {p}.",
            f"Le ministère {v('de la Défense', 'de l’Intérieur')} affirme avoir renforcé la surveillance autour {v('des installations sensibles', 'des ambassades', 'de l’aéroport de Bagdad', 'des bases')}{v('', ' depuis ' + p, ' après ces incidents')}.",
            f"Une commission {v('mixte', 'militaire conjointe', 'bilatérale')} doit évaluer {v('chaque trimestre', 'tous les six mois', 'régulièrement')} la menace que représentent encore les jihadistes{v('', ' en Irak', ' le long de la frontière syrienne')}.",
            f"Les députés {v('du bloc Fatah', 'sadristes', 'de la coalition Etat de droit')} ont dénoncé une « {v('occupation déguisée', 'présence illégale', 'tutelle étrangère')} » lors d'une séance {v('houleuse', 'tendue', 'agitée')} {p}.",
            f"Sur les réseaux sociaux, des {v('images', 'vidéos', 'photos')} {v('montrent', 'semblent montrer')} des {v('véhicules militaires', 'camions', 'blindés')} quittant {v(self.site2, 'une base', 'un camp')} sous escorte.",
            f"La population de {self.town} attend toujours la reconstruction des ponts détruits pendant la guerre.",
            f"Le Conseil de sécurité de l'ONU a {v('prolongé', 'renouvelé')} le mandat de sa mission d'assistance en Irak{v('', ' pour un an', ' jusqu’à fin ' + str(self.pub.year + 1))}.",
            f"Quelque {self.count()} {r.choice(UNITS)} de la coalition étaient présents dans le pays {p}, dont une majorité d'Américains.",
            f"{self.capital} avait annoncé {p} le retrait de {r.choice(NUMBER_WORDS)} cents {r.choice(UNITS)} d'ici la fin de l'année.",
            f"Le {_day(self.pub - timedelta(days=r.randrange(30, 400)))}, des roquettes avaient déjà visé {self.site2}, sans faire de victimes.",
        ]

    def dress(self, s: str) -> str:
        """A sentence of context as a story places it: a connector before it, who says it after it."""
        r, v = self.r, self.v
        if r.random() < 0.5 and not s.startswith("«"):
            s = v("Par ailleurs, ", "Dans le même temps, ", "De son côté, ", "Pour autant, ", "En outre, ", "Toutefois, ",
                  "Selon plusieurs observateurs, ", f"D'après {self.outlet}, ", "Sur le terrain, ", "À Bagdad, ",
                  f"À {r.choice(TOWNS)}, ", "Officiellement, ", "Dans les faits, ", "Pour l'heure, ") + s[0].lower() + s[1:]  # fmt: skip
        if r.random() < 0.5 and s.endswith("."):
            who = r.choice(OFFICIALS)
            s = s[:-1] + v(f", selon {who[0]}", f", a rappelé {who[0]}", f", a souligné {who[1]}", f", indique {self.outlet}",
                           f", selon un rapport publié {WEEKDAYS[r.randrange(7)]}", ", d'après des sources locales",
                           f", a-t-on appris de source {v('diplomatique', 'militaire', 'parlementaire', 'proche du dossier')}",
                           f", selon un diplomate en poste à {v('Bagdad', 'Erbil', 'Amman')}") + "."  # fmt: skip
        return s

    def body(self, target: int) -> list[list[str]]:
        """Paragraphs of about ``target`` words: the news, a second news item sometimes, then context."""
        r = self.r
        lead = self.news()
        rest = [self.dress(x) for x in self.context()]
        r.shuffle(rest)
        if r.random() < 0.35:
            rest.insert(r.randrange(2, 6), " ".join(self.news()))
        paras, words, para = [lead], sum(len(s.split()) for s in lead), []
        for s in rest:
            if words >= target:
                break
            para.append(s)
            words += len(s.split())
            if len(para) >= r.choice([1, 2, 2, 3, 3, 4]):
                paras.append(para)
                para = []
        if para:
            paras.append(para)
        return paras


def article(i: int, rng: random.Random) -> str:
    """The text of one article (title, optional dateline, paragraphs, a source line)."""
    a = Article(rng)
    target = max(250, min(900, int(rng.gauss(500, 120))))
    title = rng.choice(
        [
            f"Irak : nouvelle attaque contre {a.site}", f"Retrait des forces étrangères de {a.site}",
            f"Tensions autour de {a.site}", f"Irak : {a.capital} accélère son désengagement",
            "La coalition face aux factions armées", f"Irak : ce que change le départ des troupes {a.nat}",
            f"À {a.town}, l'après-coalition inquiète", f"Bagdad et {a.capital} discutent de l'avenir de la coalition",
        ]
    )  # fmt: skip
    paras = a.body(target)
    lines = [title, ""]
    if rng.random() < 0.7:
        paras[0][0] = f"{rng.choice(DATELINES)}, {_day(a.pub)} ({a.outlet}) - " + paras[0][0]
    for p in paras:
        lines += [" ".join(p), ""]
    lines.append(f"Source : {a.outlet}")
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
