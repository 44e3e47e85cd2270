"""Places: a gazetteer built from the reference layers, and place mentions in text.

The gazetteer (``data/reference/gazetteer.csv``, rebuilt by ``python -m helpers gazetteer``)
holds the coalition sites of ``coalition_sites.csv`` plus Iraqi and nearby cities
(GeoNames, Natural Earth), Iraqi governorates and the countries of the region.

Matching is tolerant of transliteration by rule, not by listing spellings: every name
and every candidate in the text is reduced to :func:`helpers.text.name_key` (accents,
al-/el-/l'/d', Q/K, doubled letters, -ah/-a/-at endings, vowels). Context decides
between a town and the base near it: ``base (aérienne|militaire) de X``, ``camp X`` and
``aéroport de X`` name the site; ``la localité de X``, ``la ville de X`` the town.
"""

from __future__ import annotations

import csv
import heapq
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import config
from ..read.files import digest
from ..text import ByStart, fold, name_key
from ..vocabulary import KIND_RANK, SITE_KINDS
from . import nlp as models
from .actors import actors_of

GAZETTEER_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "latitude",
    "longitude",
    "source",
    "names",
    "shared_with",
    "capital",
    "context_names",
]

# generic words stripped from site names to get the name the press uses alone
_GENERIC = re.compile(
    r"\b(joint base|air base|airbase|airfield|base aerienne|base|camp|aeroport international|aeroport|"
    r"international airport|airport|complex|west|de|d'|du|l')\b",
    re.I,
)


@lru_cache(maxsize=8)
def stopwords(reference_dir: str, version: str = "") -> frozenset[str]:
    """French function words (spaCy's list, copied to REFERENCE/stopwords_fr.txt) and common
    capitalized nouns of the domain: never place names (``version``: the folder's digest, read again when it
    changes)."""
    path = Path(reference_dir) / "stopwords_fr.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return frozenset(
        {fold(w) for w in words}
        | {
            "coalition",
            "daech",
            "etat",
            "etats",
            "unis",
            "parlement",
            "gouvernement",
            "armee",
            "forces",
            "ministere",
            "conseil",
            "premier",
            "general",
            "president",
            "commandement",
            "resistance",
        }
    )


def slug(text: str) -> str:
    """An id made of the folded name's letters and digits."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).replace("'", "")).strip("-")


# --- building the gazetteer --------------------------------------------------------------


def build_gazetteer(reference_dir: str | Path | None = None) -> pd.DataFrame:
    """Build the gazetteer table from the reference layers (deterministic)."""
    import geopandas as gpd

    ref = Path(reference_dir) if reference_dir else config.paths().reference
    rows: list[dict] = []
    sites = pd.read_csv(ref / "coalition_sites.csv", dtype=str, keep_default_na=False)
    for s in sites.itertuples():
        names = [s.name, s.name_fr] + [a.strip() for a in s.aliases.split(";") if a.strip()]
        cores = [_GENERIC.sub(" ", fold(n)).strip(" -") for n in names]
        explicit = {_bare(n) for n in names}
        # a one-word name left after removing "base", "camp", "airbase"… ("Al Asad Airbase" → Asad) may
        # also be a person's name ("le régime d'Assad"): it names the site only after a place word
        context = sorted(
            {
                c
                for c in cores
                if len(c) >= 2 and c not in names and _bare(c) not in explicit and len(_bare(c).split()) == 1
            }
        )
        names += [c for c in cores if len(c) >= 2 and c not in context]
        rows.append(
            dict(
                place_id=s.site_id,
                name=s.name_fr or s.name,
                kind=s.kind,
                latitude=float(s.latitude),
                longitude=float(s.longitude),
                source=f"coalition_sites.csv ({s.coord_source})",
                names=names,
                context_names=context,
            )
        )
    gn = pd.read_csv(
        ref / "geonames_iraq_populated_places.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE
    )
    seen_geonames = set()
    for g in gn.itertuples():
        alts = [a for a in g.alternatenames.split(",") if _latin(a) and len(a) >= 4 and not a.isupper()]
        rows.append(
            dict(
                place_id=slug(g.asciiname),
                name=g.name,
                kind="city",
                latitude=float(g.latitude),
                longitude=float(g.longitude),
                source=f"GeoNames {g.geonameid} (CC BY 4.0)",
                names=[g.name, g.asciiname] + alts,
                capital=g.feature_code == "PPLC",
            )
        )
        seen_geonames.add(g.geonameid)
    pp = gpd.read_file(ref / "ne_10m_populated_places_iraq_region.geojson")
    for p in pp.itertuples():
        if str(p.GEONAMEID) in seen_geonames:
            continue
        names = [n for n in (p.NAME, p.NAMEASCII, p.NAME_EN, p.NAME_FR) if isinstance(n, str) and n]
        names += [n for n in str(p.NAMEALT or "").split("|") if _latin(n) and len(n) >= 4]
        rows.append(
            dict(
                place_id=slug(p.NAMEASCII),
                name=_s(p.NAME_FR) or p.NAME,
                kind="city",
                latitude=round(float(p.LATITUDE), 5),
                longitude=round(float(p.LONGITUDE), 5),
                source="Natural Earth populated places 4.0.0",
                names=names,
            )
        )
    gov = gpd.read_file(ref / "ne_10m_iraq_governorates.geojson")
    for g in gov.itertuples():
        names = [n for n in (g.name, g.name_en, g.name_fr) if isinstance(n, str) and n]
        names += [n for n in str(g.name_alt or "").split("|") if _latin(n) and len(n) >= 4 and "¡" not in n]
        rows.append(
            dict(
                place_id="gouvernorat-" + slug(g.name_en),
                name=_s(g.name_fr) or g.name_en,
                kind="region",
                latitude=float(g.latitude),
                longitude=float(g.longitude),
                source="Natural Earth admin-1 5.1 (label point)",
                names=names,
            )
        )
    # regions made of governorates (Natural Earth's `region` column: Kurdistan)
    for region, grp in gov[gov.region != "Iraq"].groupby("region"):
        rows.append(
            dict(
                place_id=slug(region),
                name=region,
                kind="region",
                latitude=round(float(grp.latitude.mean()), 5),
                longitude=round(float(grp.longitude.mean()), 5),
                source="Natural Earth admin-1 5.1 (mean of its governorates' label points)",
                names=[region, "Kurdistan irakien" if region == "Kurdistan" else region],
            )
        )
    countries = gpd.read_file(ref / "ne_10m_countries_iraq_region.geojson")
    for c in countries.itertuples():
        names = [n for n in (c.NAME, c.NAME_LONG, c.NAME_EN, c.NAME_FR) if isinstance(n, str) and n]
        lat, lon, how = c.LABEL_Y, c.LABEL_X, "label point"
        if pd.isna(lat) or pd.isna(lon):  # Northern Cyprus has no label point: a point inside the polygon
            pt = c.geometry.representative_point()
            lat, lon, how = round(pt.y, 5), round(pt.x, 5), "a point inside the polygon"
        rows.append(
            dict(
                place_id=slug(_s(c.NAME_EN) or c.NAME),
                name=_s(c.NAME_FR) or c.NAME,
                kind="country",
                latitude=float(lat),
                longitude=float(lon),
                source=f"Natural Earth admin-0 5.1.1 ({how})",
                names=names,
            )
        )
    df = pd.DataFrame(rows)
    df["capital"] = df.get("capital", False)
    df["capital"] = df["capital"].fillna(False).astype(bool)
    # unique ids: a town that shares its site's slug becomes <slug>-city
    site_ids = set(df.loc[df.kind.isin(SITE_KINDS), "place_id"])
    df.loc[(df.kind == "city") & df.place_id.isin(site_ids), "place_id"] += "-city"
    df = df.drop_duplicates("place_id", keep="first").reset_index(drop=True)
    # sites whose name the press also uses for a town: they need a context word
    city_keys = {name_key(n): pid for pid, k, ns in zip(df.place_id, df.kind, df.names) if k == "city" for n in ns}
    shared = []
    for r in df.itertuples():
        own = list(r.names) + (list(r.context_names) if isinstance(r.context_names, list) else [])
        hit = sorted({city_keys[name_key(n)] for n in own if r.kind in SITE_KINDS and name_key(n) in city_keys})
        shared.append(";".join(hit))
    df["shared_with"] = shared
    df["names"] = [";".join(dict.fromkeys(n.strip() for n in ns if n.strip())) for ns in df.names]
    df["context_names"] = [";".join(c) if isinstance(c, list) else "" for c in df.get("context_names", "")]
    return df[GAZETTEER_COLUMNS]


def _s(v) -> str:
    return v if isinstance(v, str) else ""


def _latin(s: str) -> bool:
    return bool(s) and all(("a" <= fold(c) <= "z") or not c.isalpha() for c in s)


def write_gazetteer(reference_dir: str | Path | None = None) -> Path:
    """Rebuild ``reference/gazetteer.csv`` from the reference layers; returns its path."""
    ref = Path(reference_dir) if reference_dir else config.paths().reference
    out = ref / "gazetteer.csv"
    build_gazetteer(ref).to_csv(out, index=False, float_format="%.6f", lineterminator="\n")
    return out


def load_gazetteer(reference_dir: str | Path | None = None) -> pd.DataFrame:
    """The gazetteer table (built from the layers when gazetteer.csv is missing)."""
    ref = Path(reference_dir) if reference_dir else config.paths().reference
    path = ref / "gazetteer.csv"
    if not path.exists():
        return build_gazetteer(ref)
    df = pd.read_csv(
        path, dtype={"place_id": str, "names": str, "shared_with": str, "context_names": str}, keep_default_na=False
    )
    df["capital"] = df["capital"].astype(str).str.lower().eq("true")
    df["latitude"] = pd.to_numeric(df["latitude"])
    df["longitude"] = pd.to_numeric(df["longitude"])
    return df


# --- matching ----------------------------------------------------------------------------------

CONTEXT_BASE = re.compile(
    r"(?:\bbases?|\bcamp|\bcantonnement|\bgarnison|\binstallations?)"
    r"(?: (?:aerienne|militaire|aeronavale|americaine|us|irakienne|de la coalition))*"
    r"(?: (?:de|d'|du|des|a|dite))?(?: l')? ?$"
)
CONTEXT_AIRPORT = re.compile(r"\baeroport(?: international| militaire)?(?: (?:de|d'|du))? ?$")
CONTEXT_TOWN = re.compile(
    r"\b(?:localite|ville|village|bourgade|cite|agglomeration|quartier)(?: frontaliere| voisine)?"
    r"(?: (?:de|d'|du))? ?$"
)
CONTEXT_REGION = re.compile(r"\b(?:province|gouvernorat|region)(?: (?:de|d'|du))? ?(?:l')?$")
TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_ARTICLE = re.compile(r"^(?:[dl]['’])?(?:(?:al|el|ad|as|ar|at|az|an)-)?", re.I)


_TITLES = {
    "general",
    "generale",
    "president",
    "ministre",
    "m",
    "mme",
    "cheikh",
    "sheikh",
    "commandant",
    "colonel",
    "chef",
    "porte-parole",
    "imam",
    "ayatollah",
    "lieutenant-general",
    "secretaire",
    "conseiller",
    "emir",
    "dr",
    "martyr",
    "defunt",
    "feu",
    "ayatollah",
    "hojatoleslam",
    "mollah",
}
# words after which a bare surname is a person's (« la mort de Soleimani », « l'assassinat d'al-Mouhandis »,
# « en hommage à Soleimani »), not a town's
PERSON_BEFORE = re.compile(
    r"\b(?:mort|assassinat|elimination|meurtre|execution|funerailles|obseques|enterrement|hommage|portraits?|"
    r"successeur|veuve|fils|fille|frere|partisans|heritage|vengeance|venger) (?:de |d'|du |a |au )?$"
)
_LOWER_OK = {"al", "el"}


def _context(before: str) -> str:
    """The place word right before a name (folded text): airport, base, town, region or none."""
    if CONTEXT_AIRPORT.search(before):
        return "airport"
    if CONTEXT_BASE.search(before):
        return "base"
    if CONTEXT_TOWN.search(before):
        return "town"
    if CONTEXT_REGION.search(before):
        return "region"
    return ""


@lru_cache(maxsize=32768)
def _bare(name: str) -> str:
    """Folded name without a leading article or elision: 'd'al-Qaëm' -> 'qaem' (kept for the last 32,768 names
    asked: the matcher asks for every capitalized word and its neighbours)."""
    f = fold(name).strip()
    prev = None
    while prev != f:
        prev = f
        f = re.sub(r"^(?:al|el|ad|ar|as|at|az|an)[\s-]+|^(?:l|d)'", "", f)
    return re.sub(r"\s+", " ", f)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" «\"“(")
    return not before or before[-1] in ".!?\n:"


@dataclass
class Mention:
    place_id: str
    surface: str
    start: int
    end: int
    context: str  # base | airport | town | region | ""


class PlaceMatcher:
    """Find gazetteer places in text. Build once (``PlaceMatcher.load``), use for every article."""

    def __init__(self, gazetteer: pd.DataFrame, stop: frozenset[str] = frozenset()):
        """Index the gazetteer's names: exact folded names (without article), transliteration keys
        (:func:`helpers.text.name_key`), multi-word phrases, and names valid only after a place word;
        ambiguous names list their sites first."""
        self.stop = stop  # words that are never place names (see :func:`stopwords`)
        self._candidates: dict[str, bool] = {}  # word -> may it start a name (see find), for every article
        self.gaz = gazetteer.set_index("place_id", drop=False)
        self.by_key: dict[str, list[str]] = {}
        self.phrases: dict[str, str] = {}  # folded multi-word name -> place_id
        self.exact: dict[str, list[str]] = {}  # folded name without article -> place_ids
        for r in gazetteer.itertuples():
            for n in str(r.names).split(";"):
                e = _bare(n)
                if len(e) >= 3 or (len(e) == 2 and any(ch.isdigit() for ch in e)):  # "K1"
                    ids = self.exact.setdefault(e, [])
                    if r.place_id not in ids:
                        ids.append(r.place_id)
                k = name_key(n)
                if len(k) >= 3 or (len(k) >= 2 and any(ch.isdigit() for ch in k)):
                    ids = self.by_key.setdefault(k, [])
                    if r.place_id not in ids:
                        ids.append(r.place_id)
                f = fold(n).strip()
                # a phrase of 8 letters or more, or one with a number (« Tour 22 », « Union 3 »): a word and a
                # number together are a name, however short
                if " " in f and (len(f) >= 8 or (len(f) >= 5 and any(ch.isdigit() for ch in f))):
                    self.phrases.setdefault(f, r.place_id)
        self._kind = dict(zip(gazetteer.place_id, gazetteer.kind))
        # each place's name, asked for every headline that names a place (a lookup in the gazetteer's frame costs
        # about 14 µs); by the frame when two rows share an id, as before
        self._name = dict(zip(gazetteer.place_id, gazetteer.name)) if self.gaz.index.is_unique else None
        self._shared = dict(zip(gazetteer.place_id, gazetteer.shared_with.fillna("")))
        self._capital = dict(zip(gazetteer.place_id, gazetteer.capital.astype(bool)))
        self.context_keys: dict[str, list[str]] = {}  # names valid only after a place word
        for r in gazetteer.itertuples():
            for n in str(getattr(r, "context_names", "") or "").split(";"):
                if n.strip():
                    for k in {name_key(n), _bare(n)}:
                        if k and k not in self.by_key and k not in self.exact:
                            self.context_keys.setdefault(k, []).append(r.place_id)
        for ids in list(self.by_key.values()) + list(self.exact.values()):
            ids.sort(key=lambda pid: KIND_RANK.get(self._kind[pid], 9))
        words = sorted(self.phrases, key=len, reverse=True)
        # the longest first; grouped by their first letter (« a(?:eroport…|…)|b(?:…) »), in the same order within a
        # group: at a position only the phrases of its letter are tried, so the same phrase matches as in one flat
        # list of them all, ten times faster (the text's every position tried against every phrase)
        by_first: dict[str, list[str]] = {}
        for w in words:
            by_first.setdefault(w[0], []).append(w[1:])
        alts = "|".join(re.escape(c) + "(?:" + "|".join(map(re.escape, rest)) + ")" for c, rest in by_first.items())
        self.phrase_rx = re.compile(r"(?<![a-z])(?:" + alts + r")(?![a-z])") if words else None

    @classmethod
    def load(cls, reference_dir: str | Path | None = None) -> PlaceMatcher:
        """The matcher of a reference folder (built once per process and gazetteer version)."""
        ref = Path(reference_dir) if reference_dir else config.paths().reference
        return _matcher_cached(str(ref.resolve()), digest(ref))

    def name(self, pid: str) -> str:
        """The gazetteer's name of a place."""
        return self._name[pid] if self._name is not None else self.gaz.at[pid, "name"]

    def kind(self, pid: str) -> str:
        """The kind of a place (base, airport, zone, city, region, country)."""
        return self._kind[pid]

    def site_towns(self) -> dict[str, str]:
        """Sites named like a town (a base called after the town it is in): site id -> the town's id."""
        return {pid: s.split(";")[0] for pid, s in sorted(self._shared.items()) if s}

    def generic(self, pid: str) -> bool:
        """Countries, governorates and capitals: too wide to tell two events apart."""
        return self._kind[pid] in ("country", "region") or self._capital[pid]

    def find(self, text: str) -> list[Mention]:
        """Every place named in ``text``, as :class:`Mention` spans: multi-word names first, then single
        tokens (exact or by transliteration key) that look like names in their context; a name that
        several places share is resolved by the word before it (base, airport, town, province)."""
        folded = fold(text)
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        if self.phrase_rx is not None:
            for m in self.phrase_rx.finditer(folded):
                pid = self.phrases[m.group()]
                out.append(
                    Mention(
                        pid,
                        text[m.start() : m.end()],
                        m.start(),
                        m.end(),
                        _context(folded[max(0, m.start() - 45) : m.start()]),
                    )
                )
                taken.append(m.span())
        toks = list(TOKEN.finditer(text))
        stop = self.stop
        mask = bytearray(len(text) + 1)
        for a, b in taken:
            mask[a:b] = b"\x01" * (b - a)
        cand_cache = self._candidates
        if len(cand_cache) > 100_000:  # bounded, whatever the corpus
            cand_cache.clear()
        before = _LastBefore()
        i = 0
        while i < len(toks):
            t = toks[i]
            word = t.group()
            ok = cand_cache.get(word)
            if ok is None:
                ok = cand_cache[word] = self._candidate(word, stop)
            if mask[t.start()] or not ok:
                i += 1
                continue
            hit = None
            for n in (3, 2, 1):
                if i + n > len(toks):
                    continue
                s, e = t.start(), toks[i + n - 1].end()
                if "\n" in text[s:e] or (n > 1 and not all(self._part_ok(x.group()) for x in toks[i + 1 : i + n])):
                    continue
                b = _bare(text[s:e])
                if b in self.exact:
                    hit = (s, e, b, n, self.exact)
                    break
                k = name_key(text[s:e])
                if k in self.by_key and (len(k) >= 4 or (len(k) == 3 and self._short_ok(text, folded, s))):
                    hit = (s, e, k, n, self.by_key)
                    break
            if hit is None and self.context_keys:
                for n in (2, 1):
                    if i + n > len(toks):
                        continue
                    s, e = t.start(), toks[i + n - 1].end()
                    for k in (_bare(text[s:e]), name_key(text[s:e])):
                        if k in self.context_keys and self._short_ok(text, folded, s, article=False):
                            hit = (s, e, k, n, self.context_keys)
                            break
                    if hit:
                        break
            if hit is not None and self._in_person_name(text, toks, i, hit[3]):
                i += hit[3]
                continue
            if hit is None and "-" in t.group():  # "Qaëm-AlBoukamal": try the parts
                for part in re.finditer(r"[^-]+", t.group()):
                    k = name_key(part.group())
                    if (
                        part.group()[:1].isupper()
                        and k in self.by_key
                        and (len(k) >= 4 or self._short_ok(text, folded, t.start()))
                    ):
                        s = t.start() + part.start()
                        out.append(self._resolve(text, folded, s, s + len(part.group()), k, self.by_key))
                i += 1
                continue
            if hit is None:
                i += 1
                continue
            s, e, k, n, index = hit
            prev = before.last(out, s)
            inherit = (
                prev.context
                if prev is not None
                and prev.context in ("base", "airport")
                and re.fullmatch(r"\s*(?:et|,|ou)\s*(?:de |d'|du |la |le |l')?", folded[prev.end : s])
                else ""
            )
            out.append(self._resolve(text, folded, s, e, k, index, inherit))
            taken.append((s, e))
            i += n
        out = [m for m in out if m.place_id]
        out.sort(key=lambda m: m.start)
        return out

    def _candidate(self, tok: str, stop: set[str]) -> bool:
        if re.match(r"^[^dDlL]['’]|^[A-Za-z]{2,}['’]", tok):  # c'est, qu'il, jusqu'à
            return False
        core = _ARTICLE.sub("", tok)
        if not core or not (core[0].isupper() or core[0].isdigit()):
            return False
        if core[0].isdigit() and not re.match(r"^[A-Z]", tok):
            return False
        return fold(core) not in stop and len(core) >= 2

    @staticmethod
    def _part_ok(tok: str) -> bool:
        return tok[:1].isupper() or tok.lower() in ("al", "el", "ad", "as") or bool(_ARTICLE.match(tok).group())

    @staticmethod
    def _short_ok(text: str, folded: str, s: int, article: bool = True) -> bool:
        """A three-letter key ("Qaëm" → kam) is too loose alone: it needs an Arabic article on the
        name (al-Qaëm) or a place word before it (base, camp, localité…)."""
        if article and re.match(r"(?:[dl]['’])?(?:al|el)[- ]", folded[s : s + 6]):
            return True
        before = folded[max(0, s - 45) : s]
        return bool(
            CONTEXT_BASE.search(before)
            or CONTEXT_AIRPORT.search(before)
            or CONTEXT_TOWN.search(before)
            or CONTEXT_REGION.search(before)
        )

    def _in_person_name(self, text: str, toks: list, i: int, n: int) -> bool:
        """Part of a longer proper name ("Qassem Soleimani") or after a title ("général X")."""
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + n] if i + n < len(toks) else None

        def joined(a, b):
            """Are two tokens separated by one space only?"""
            return a is not None and b is not None and text[a.end() : b.start()] == " "

        def proper(t):
            """Is the token a capitalized word that is not itself a place or a function word?"""
            return (
                t is not None
                and t.group()[:1].isupper()
                and _bare(t.group()) not in self.exact
                and fold(t.group()) not in self.stop
            )

        if nxt is not None and joined(toks[i + n - 1], nxt) and proper(nxt) and fold(nxt.group()) not in _LOWER_OK:
            return True
        if prev is not None and joined(prev, toks[i]) and proper(prev) and not _sentence_start(text, prev.start()):
            return True
        if prev is not None and fold(prev.group()) in _TITLES:
            return True
        return bool(PERSON_BEFORE.search(fold(text[max(0, toks[i].start() - 30) : toks[i].start()])))

    def _resolve(self, text: str, folded: str, s: int, e: int, k: str, index: dict, inherit: str = "") -> Mention:
        """The place a name at ``s``..``e`` stands for (its key ``k`` in ``index``): by the place word
        before it (or the one a coordinated name ``inherit``s), else sites first among places that share it."""
        ids = index[k]
        before = folded[max(0, s - 45) : s]
        ctx = ""
        # "les bases d'Aïn al-Assad et d'Erbil": the place word governs both names
        ctx = inherit or _context(before)
        kinds = {pid: self.kind(pid) for pid in ids}
        pick = None
        if ctx in ("base", "airport"):
            # a base context accepts an air base at an airport (Erbil), preferring a base
            want = ("base", "zone", "airport") if ctx == "base" else ("airport",)
            pick = next((p for w in want for p in ids if kinds[p] == w), None)
            if pick is None:  # a site named after a town: the site sharing that town
                towns = [p for p in ids if kinds[p] == "city"]
                for w in want:
                    for sid in sorted(self._shared):
                        if self._kind[sid] == w and any(t in self._shared[sid].split(";") for t in towns):
                            pick = sid
                            break
                    if pick:
                        break
            if pick is None:
                pick = next((p for p in ids if kinds[p] == "city"), ids[0])
                ctx = ctx + "-unlisted"
        elif ctx == "town":
            pick = next((p for p in ids if kinds[p] == "city"), ids[0])
        elif ctx == "region":
            pick = next((p for p in ids if kinds[p] == "region"), ids[0])
        else:
            sites = [p for p in ids if kinds[p] in SITE_KINDS and not self._shared[p]]
            others = [p for p in ids if kinds[p] not in SITE_KINDS]
            pick = (sites or others or ids)[0]
        return Mention(pick, text[s:e], s, e, ctx)


@lru_cache(maxsize=4)
def _matcher_cached(ref: str, version: str) -> PlaceMatcher:
    """The matcher of ``ref`` as its files are (``version``: their :func:`digest`; an edited file is read again)."""
    return PlaceMatcher(load_gazetteer(ref), stopwords(ref, version))


class _LastBefore:
    """The mention of a growing list that ends last at or before a position that only moves forward (the first
    such in the list on a tie), in O(log n) per question: a text naming 50,000 places costs in proportion."""

    def __init__(self):
        self.heap: list[tuple[int, int]] = []
        self.seen = 0
        self.best: tuple[int, int] | None = None  # (end, -index)

    def last(self, out: list, pos: int):
        """The mention of ``out`` with the greatest end <= ``pos``, or None."""
        for j in range(self.seen, len(out)):
            heapq.heappush(self.heap, (out[j].end, j))
        self.seen = len(out)
        while self.heap and self.heap[0][0] <= pos:
            end, j = heapq.heappop(self.heap)
            if self.best is None or (end, -j) > self.best:
                self.best = (end, -j)
        return out[-self.best[1]] if self.best is not None else None


# --- unlisted sites ("la base Phosphate située dans la localité de X") -------------------------


_UNLISTED_NAME = re.compile(r"[A-Z0-9][\w-]*(?: [A-Z][\w-]+)?")


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans merged where they overlap, sorted."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        elif a < b:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _inside(union: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of the spans of ``union`` (see :func:`_union`)?"""
    i = bisect_right(union, (pos, float("inf"))) - 1
    return i >= 0 and union[i][0] <= pos < union[i][1]


def find_unlisted_sites(
    text: str, mentions: list[Mention], matcher: PlaceMatcher
) -> list[tuple[str, int, int, str | None]]:
    """Base names the gazetteer lacks: (surface, start, end, place_id of the place it lies at, if said)."""
    out = []
    folded = fold(text)
    placed = ByStart(mentions)  # by bisection: a text naming 50,000 bases costs in proportion
    covered = _union([(x.start, x.end) for x in mentions])
    for m in re.finditer(r"\bbase(?: aerienne| militaire)? (?:de |d'|du |dite )?(?:l')?", folded):
        s = m.end()
        name = _UNLISTED_NAME.match(text, s)
        if not name or _inside(covered, s):
            continue
        if fold(name.group()).split()[0] in matcher.stop:
            continue
        e = name.end()
        tail = folded[e : e + 110].split(".")[0]
        at = None
        loc = re.search(r"\b(situee?|installee?|implantee?|pres|non loin|a proximite)\b", tail)
        if loc:
            near = placed.between(e + loc.start(), e + len(tail) + 1)
            if near:
                at = near[0].place_id
        out.append((text[s:e], s, e, at))
    return out


# --- discovery with the NER model ---------------------------------------------------------------

CUE = re.compile(
    r"\b(base|camp|aeroport|province|localite|ville|quartier|region|frontiere|pres de|au nord|au sud|"
    r"a l'est|a l'ouest)\b"
)


def _unexplained(sentence: str, matcher: PlaceMatcher) -> bool:
    """A capitalized word inside the sentence that the gazetteer does not place: worth the NER model."""
    placed = [(m.start, m.end) for m in matcher.find(sentence)]
    stop = matcher.stop

    for m in re.finditer(r"(?<=[\s'’(-])[A-ZÀ-Ý][\w-]{2,}", sentence):
        w = m.group()
        if any(a <= m.start() < b for a, b in placed) or fold(w) in stop or w.isupper() or actors_of(fold(w)):
            continue  # placed, a function word, an acronym or agency code, or a known actor
        return True
    return False


def discover(sentences: list[str], matcher: PlaceMatcher) -> list[tuple[int, str]]:
    """Location names the NER model finds in cue sentences and the gazetteer does not place.

    Returns (sentence index, name). Only sentences with a place cue are read, to keep the
    model's cost where it pays.
    """
    idx = [i for i, s in enumerate(sentences) if CUE.search(fold(s)) and _unexplained(s, matcher)]
    if not idx:
        return []
    out = []
    stop = matcher.stop
    for i, doc in zip(idx, models.entities([sentences[i] for i in idx])):
        for ent in doc.ents:
            if ent.label_ not in ("LOC", "GPE"):
                continue
            name = ent.text.strip(" ,.;:«»\"'")
            if len(name) < 3 or fold(name) in stop or not name[:1].isupper():
                continue
            if matcher.find(name):
                continue
            out.append((i, name))
    return out
