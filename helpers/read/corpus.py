"""Load the article files and normalize them: one row per input file.

Reading never writes anything under ``data/raw``. Every problem becomes a ``status``
(``ok``, ``duplicate``, ``skipped``) with a ``reason``; nothing raises for a bad file.

Normalization is a list of general line rules (:data:`LINE_RULES`): share prompts,
captions and credits, teasers, source footers, site debris and lines in another
script are removed, and what was removed is kept per article (``removed``). Web addresses in the
removed footer lines ("source : http://…", a share link, a bare link) are kept as ``source_urls``
and, when the sidecar and the page give none, the first that names a page (not a site's home)
as the article's ``url`` (``url_basis`` says which).
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from .. import config
from ..text import fold, n_words, normalize_spaces
from .files import NotRead, article_path, csv_lines, digest, list_names, nfc, printable, read_regular

ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "status",
    "reason",
    "outlet",
    "title",
    "language",
    "published",
    "published_precision",
    "published_basis",
    "published_evidence",
    "n_words",
]
SIDECAR_COLUMNS = ["file", "outlet", "url", "published", "title", "language"]
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


# --- reading ---------------------------------------------------------------------------


@dataclass
class RawText:
    text: str | None
    encoding: str = ""
    reason: str = ""
    html_meta: dict = field(default_factory=dict)


def read_file(path: Path, max_bytes: int = config.MAX_FILE_BYTES, data: bytes | None = None, root=None) -> RawText:
    """Read one article file as text, or say why it cannot be read (only a regular file is read, see
    :mod:`helpers.read.files`). ``data``: the file's bytes, when the caller has read them already."""
    if data is None:
        try:
            data = read_regular(path, max_bytes, root)
        except NotRead as exc:
            return RawText(None, reason=str(exc))
    text, encoding, reason = decode_bytes(data)
    if text is None:
        return RawText(None, reason=reason)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        return _from_html(text, encoding)
    if not text.strip():
        return RawText(None, encoding, reason="no text (whitespace only)")
    return RawText(text, encoding)


def decode_bytes(data: bytes) -> tuple[str | None, str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], "utf-8-sig"
    else:
        bom = ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError:
            return None, "", "unreadable: UTF-16 byte-order mark but invalid UTF-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data or _control_ratio(data) > 0.05:
        return None, "", "binary content (not text)"
    try:
        return data.decode("utf-8"), bom or "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252", ""
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", ""


def _utf16_without_bom(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools): mostly-Latin text has a NUL byte
    in every other position, on the odd ones (little-endian) or the even ones (big-endian)."""
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even = sum(1 for b in sample[0 : 2 * half : 2] if b == 0) / half
    odd = sum(1 for b in sample[1 : 2 * half : 2] if b == 0) / half
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.3 and other < 0.05:
            try:
                text = data[: len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            if _control_ratio(text[:65536].encode("utf-8", "replace")) > 0.05:
                return None
            return text, codec, ""
    return None


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(len(sample), 1)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def _from_html(html: str, encoding: str) -> RawText:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        body = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=True
        )
        meta = trafilatura.extract_metadata(html)
    if not body or not body.strip():
        return RawText(None, encoding, reason="HTML page with no article text found")
    info = {}
    if meta is not None:
        info = {
            "title": meta.title or "",
            "sitename": meta.sitename or "",
            "date": meta.date or "",
            "url": meta.url or "",
        }
    title = info.get("title", "")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return RawText(text, encoding + "+html", html_meta=info)


# --- boilerplate -------------------------------------------------------------------------


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# a byline's date before its outlet (« 09.11.2023 — Sputnik Afrique », « mercredi 7 février 2024 - Le Monde »)
BYLINE_DATE = re.compile(
    r"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),? )?(?:le )?"
    r"(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{1,2}(?:er)? [a-z]+\.? \d{4})(?:,? (?:a )?\d{1,2}\s*[h:]\s*\d{2})?\s[-|–]\s"
)
# (label, test on the folded, stripped line). Order matters only for the label recorded.
LINE_RULES: list[tuple[str, re.Pattern]] = [
    (
        "share or subscribe prompt",
        _rx(
            r"^(partager|partagez|share|s'abonner|abonnez-vous|abonnez vous|suivez-nous|suivez nous|"
            r"follow us|imprimer|envoyer par e-?mail|tweeter|recevez notre newsletter|newsletter)\b.{0,120}$"
        ),
    ),
    ("photo credit", _rx(r"(^|\s)(©|\(c\)\s|copyright\b)|\bcredit(s)? photo\b|\bphoto ?: |\bphoto credit\b")),
    (
        "photo caption",
        _rx(
            r"\((afp|reuters|ap|aa|archive|illustration)?\s*(photo|image)s?( d'archives?| d'illustration)?\)\s*$|"
            r"\(photo[^)]{0,60}\)\s*$|^photo d'(illustration|archives?)\b|\bgetty images\b"
        ),
    ),
    (
        "teaser",
        _rx(
            r"^(pour en savoir plus|lire aussi|a lire aussi|voir aussi|lire egalement|a voir aussi|"
            r"sur le meme sujet|read more|related)\b"
        ),
    ),
    (
        "source footer",
        _rx(
            r"^(source|sources)\s*:|lire l'article complet\b|"
            r"^(avec|d'apres|selon) (l')?(afp|reuters|ap|aa|anadolu|agences?)\b.{0,20}$"
        ),
    ),
    (
        "site debris",
        _rx(
            r"^(fil d'actu|loader|chat|commentaires?|commenter|reagir|laisser un commentaire|0|\d{1,3}|"
            r"tags?\s*:.*|mots-cles\s*:.*|publicite|advertisement|menu|accueil|rechercher|"
            r"pour participer aux discussions.*|connectez-vous.*|identifiez-vous.*|"
            r"cet article a ete .{0,40}|vos commentaires.*|\*.{0,200})$"
        ),
    ),
    ("link only", _rx(r"^(https?://|www\.)\S+$")),
]


@dataclass
class Cleaned:
    text: str
    removed: list[tuple[str, str]]  # (rule, line as written)
    title: str
    title_basis: str


URL_RX = re.compile(r"\bhttps?://[^\s<>\"'«»()\[\]]+", re.IGNORECASE)
# the removed lines whose addresses name the article or its source (not a photo credit's agency page)
URL_RULES = ("source footer", "link only", "share or subscribe prompt")


def footer_urls(removed: list[tuple[str, str]]) -> list[str]:
    """The web addresses stated in the footer lines normalization removed, in order, once each."""
    urls = [m.group(0).rstrip(".,;:!?") for rule, line in removed if rule in URL_RULES for m in URL_RX.finditer(line)]
    return list(dict.fromkeys(urls))


def _non_latin_ratio(line: str, folded: str | None = None) -> float:
    """The share of the line's letters (folded: ``folded``, when the caller has it) outside a-z."""
    folded = fold(line) if folded is None else folded
    if folded.isascii() and folded.lower() == folded:
        return 0.0  # every letter is one of a-z (most lines: folding leaves French in ASCII)
    letters = [c for c in folded if c.isalpha()]
    if not letters:
        return 0.0
    other = sum(1 for c in letters if not ("a" <= c <= "z"))
    return other / len(letters)


def clean_text(raw: str, outlets: OutletRegistry | None = None) -> Cleaned:
    """Normalize spaces and line ends and drop boilerplate lines, recording each."""
    outlets = outlets or OutletRegistry.load()
    text = normalize_spaces(raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [ln.strip() for ln in text.split("\n")]
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    seen: set[str] = set()
    after_caption = False
    for i, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        folded = fold(line)
        f = folded.strip()
        label = None
        for name, rx in LINE_RULES:
            if rx.search(f):
                label = name
                break
        if label is None and outlets.caption_rx.search(f) and not BYLINE_DATE.match(f):
            label = "photo caption"  # (« 09.11.2023 — Sputnik Afrique » is the byline's stamp: kept)
        if label is None and outlets.standalone(f):
            label = "source footer"
        if label is None and _non_latin_ratio(line, folded) > 0.5:
            label = "line in another script"
        if label is None and f in seen:
            label = "repeated line"
        if label is None and after_caption and _is_headline(line):
            label = "teaser"  # a related-article title placed under a photo caption
        if (
            label is None
            and not any(kept)
            and len(f.split()) <= 2
            and not re.search(r"[.!?]$", f)
            and not STAMP_LINE.search(f)
        ):
            label = "site debris"  # logo text or a menu word above the headline (not a date stamp: the dating needs it)
        after_caption = label in ("photo caption", "photo credit") or (after_caption and label is not None)
        if label:
            removed.append((label, line))
            continue
        seen.add(f)
        kept.append(line)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    title, basis = detect_title(body)
    return Cleaned(body, removed, title, basis)


# a date stamp of a site's header (« 24/04/2025 10:35 », « Mercredi, 16:40 »): kept for the publication date
STAMP_LINE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[:h]\d{2}\b|^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
)


def _is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 25 and not re.search(r"[.!?:»\"]$", line)


def _stamp_only(line: str) -> bool:
    """A line of at most four words holding a date stamp (« 24/04/2025 10:35 », « Mercredi, 16:40 »)."""
    f = fold(line).strip()
    return len(f.split()) <= 4 and bool(STAMP_LINE.search(f))


def detect_title(body: str) -> tuple[str, str]:
    """The headline (first short line without final punctuation) or the first sentence."""
    # (a short date stamp kept above the headline is not the headline)
    first = next((ln for ln in body.split("\n") if ln.strip() and not _stamp_only(ln)), "")
    if first and _is_headline(first) and "\n" in body:
        return first.strip(), "headline"
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) > 110:
        sentence = sentence[:107].rsplit(" ", 1)[0] + "…"
    return sentence, "first sentence"


# --- outlets -----------------------------------------------------------------------------


@dataclass
class OutletRegistry:
    rows: list[tuple[str, re.Pattern, str]]
    caption_rx: re.Pattern

    @classmethod
    def load(cls, reference_dir: Path | None = None) -> OutletRegistry:
        """The registry of ``reference_dir/outlets.csv`` (read again only when its bytes change)."""
        path = (reference_dir or config.paths().reference) / "outlets.csv"
        key = (path, digest(path))
        cache = _REGISTRY_CACHE.get(key)
        if cache is not None:
            return cache
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        rows = [(r.outlet, re.compile(r.patterns), r.kind) for r in df.itertuples()]
        names = "|".join(r.patterns for r in df.itertuples())
        caption = re.compile(rf"\s[-|–]\s(?:{names})\s*$")
        reg = cls(rows, caption)
        _REGISTRY_CACHE[key] = reg
        return reg

    def find(self, folded: str) -> list[tuple[str, str]]:
        """(outlet, kind) for every outlet named in ``folded``, in registry order."""
        return [(name, kind) for name, rx, kind in self.rows if rx.search(folded)]

    def standalone(self, folded_line: str) -> bool:
        """A short line made only of outlet or agency names: a signature or byline
        ("AA", "TRT FR", "Le Monde avec AFP et Reuters", "L'Orient-Le Jour / AFP")."""
        s = folded_line.strip(" .-|")
        if len(s) > 70 or len(s.split()) > 10:
            return False
        parts = [p.strip(" .-") for p in re.split(r"\s*(?:/|\||,|\bavec\b|\bet\b|\bpar\b|\bpour\b)\s*", s)]
        parts = [p for p in parts if p]
        return bool(parts) and all(
            any(rx.fullmatch(p) or rx.fullmatch(p.replace(" ", "")) for _, rx, _ in self.rows) for p in parts
        )


_REGISTRY_CACHE: dict[tuple[Path, str], OutletRegistry] = {}


def detect_outlet(removed: list[tuple[str, str]], body: str, outlets: OutletRegistry) -> tuple[str, str, str]:
    """Outlet, original source (agency or first publisher) and the words it rests on.

    Looks only where outlets sign: footers, captions, credits and signature lines that
    normalization removed, and a dateline "(AFP)" at the start. An outlet quoted in the
    body ("cité par Reuters") is not the publisher.
    """
    found: list[tuple[str, str, str]] = []  # (name, kind, evidence)
    footers_all: list[tuple[str, str, str]] = []
    for label, line in removed:
        if label in ("source footer", "photo caption", "photo credit", "share or subscribe prompt", "link only"):
            for name, kind in outlets.find(fold(line)):
                found.append((name, kind, line))
                if label == "source footer":
                    footers_all.append((name, kind, line))
    head = fold(body[:300])
    m = re.search(r"\((afp|reuters|ap|aa|anadolu|xinhua|irna)\)", head)
    if m:
        for name, kind in outlets.find(m.group(0)):
            found.append((name, kind, body[m.start() : m.end()]))
            footers_all.append(found[-1])
    if not found:
        return "", "", ""
    publishers = [f for f in found if f[1] == "outlet"]
    # "Lire l'article complet de X" and "SOURCE: X" name the publisher; a "source : url" of
    # another outlet names the original: the last footer is the publisher.
    footer = [f for f in publishers if re.search(r"article complet|^source\s*:\s*[a-z]", fold(f[2]))]
    main = footer[-1] if footer else (publishers or found)[0]
    # the original publisher or agency: named in a footer, never in a photo credit
    origins = sorted({f[0] for f in found if f[0] != main[0] and f in footers_all})
    evidence = "; ".join(dict.fromkeys(f[2] for f in found))
    return main[0], "; ".join(origins), evidence


# --- language ------------------------------------------------------------------------------

_STOPWORDS = {
    "fr": "le la les des du de et est une un dans pour que qui sur avec par ont ses leur aux au pas ce cette été a il elle".split(),
    "en": "the of and to in is that for on with as by was were has have it its from this are at be an".split(),
    "es": "el la los las de y en que por con para una un del se su al es fue".split(),
    "de": "der die das und ist nicht mit den von zu ein eine im auf dem des sich".split(),
}


_STOPWORD_SETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}  # built once, not per word
_ARABIC = re.compile("[\u0600-\u06ff]")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language from its function words ('' when unsure)."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    if len(_ARABIC.findall(text)) > len(text) * 0.3:
        return "ar"
    if not words:
        return ""
    scores = {lang: sum(1 for w in words if w in sw) / len(words) for lang, sw in _STOPWORD_SETS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0.05 else ""


# --- the corpus ----------------------------------------------------------------------------


def article_id(normalized_text: str) -> str:
    """Stable id: the same normalized text gives the same id whatever the file name."""
    key = re.sub(r"\s+", " ", fold(normalized_text)).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


class SidecarRows(dict):
    """The sidecar's rows by file name, compared in NFC (a name typed on one system, a file saved on macOS);
    ``origin``: for each name, the sidecar's line number and the name as written there."""

    def __init__(self):
        super().__init__()
        self.origin: dict[str, tuple[int, str]] = {}

    def get(self, name, default=None):
        """The row of the file ``name`` (compared in NFC), or ``default``."""
        return super().get(nfc(name), default)

    def __contains__(self, name) -> bool:
        return super().__contains__(nfc(name))


MAX_SIDECAR_BYTES = 50_000_000


def read_sidecar(path: Path, data: bytes | None = None) -> tuple[SidecarRows, list[str]]:
    """Read ``articles.csv`` strictly: {file: row} and a warning for each problem, by row, with what was
    done (never raises). One row per line; a bad row is skipped and the others apply (see
    :func:`helpers.read.files.csv_lines`); a second row for the same file is reported and ignored (the
    first applies). ``data``: the file's bytes, when the caller has read them."""
    warnings_: list[str] = []
    out = SidecarRows()
    if data is None:
        if not os.path.lexists(path):
            return out, warnings_
        try:
            data = read_regular(path, MAX_SIDECAR_BYTES)
        except NotRead as exc:
            if str(exc).startswith("empty"):
                return out, warnings_
            return out, [f"{path.name}: not read ({exc})"]
    text, _, reason = decode_bytes(data)
    if text is None:
        return out, [f"{path.name}: not read ({reason})"]
    header, rows, warnings_ = csv_lines(text, path.name, "file")
    if not header:
        return out, warnings_
    unknown = [c for c in header if c and c not in SIDECAR_COLUMNS]
    if unknown:
        shown_cols = ", ".join(printable(c[:40]) for c in unknown[:10])
        warnings_.append(f"{path.name}: unknown column(s) ignored: {shown_cols}")
    index = {c: i for i, c in enumerate(header) if c in SIDECAR_COLUMNS}
    for n, cells in rows:
        clean = {c: (cells[i].strip() if i < len(cells) else "") for c, i in index.items()}
        clean.update({c: "" for c in SIDECAR_COLUMNS if c not in clean})
        name = clean["file"]
        if not name:
            warnings_.append(f"{path.name} row {n}: no file name; row ignored")
            continue
        key = nfc(name)
        if key in out.origin:
            first_row, first_name = out.origin[key]
            same = "" if first_name == name else " (the same name in another Unicode normalization)"
            warnings_.append(
                f"{path.name} row {n}: a second row for {printable(name)!r}{same}, first in row {first_row}; "
                "this row is ignored, the first applies"
            )
            continue
        if clean["published"]:
            parsed = parse_iso_date(clean["published"])
            if parsed is None:
                warnings_.append(
                    f"{path.name} row {n} ({printable(name)}): published {printable(clean['published'])!r} is not a "
                    "valid ISO date (YYYY-MM-DD, YYYY-MM or YYYY); ignored, the date is inferred instead"
                )
                clean["published"] = ""
        out[key] = clean
        out.origin[key] = (n, name)
    return out, warnings_


def parse_iso_date(value: str) -> tuple[date, str] | None:
    """'2024-01-25' → (date, 'day'); '2024-01' → month; '2024' → year; else None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return date(y, int(mo), int(d)), "day"
        if mo:
            return date(y, int(mo), 1), "month"
        return date(y, 1, 1), "year"
    except ValueError:
        return None


def list_article_files(articles_dir: Path) -> list[Path]:
    """Every entry under ``articles_dir`` (any depth; names starting with a dot are left out), in
    the order of their relative paths (only the regular files among them are read)."""
    return [article_path(articles_dir, rel) for rel in article_names(articles_dir)]


def article_names(articles_dir: Path) -> list[str]:
    """The relative paths (as shown, see :func:`helpers.read.files.shown`) of every entry under
    ``articles_dir``, sorted: regular files, and the links, pipes and devices that are listed as skipped."""
    return list_names(articles_dir)


def load_corpus(
    data_dir: str | Path | None = None,
    *,
    read=None,
    read_many=None,
    overrides: dict[str, dict] | None = None,
    names: list[str] | None = None,
    sidecar: tuple[dict, list[str]] | None = None,
) -> pd.DataFrame:
    """One row per file of ``DATA/raw/articles/``: the contract's ``articles.csv`` columns, plus ``text``
    (normalized), ``removed`` (what normalization took out), ``encoding``, ``url``, ``origin`` (agency /
    first publisher) and evidence columns; the same text under a second name is flagged ``duplicate``.

    ``read(path, rel, meta)`` reads one file (default :func:`load_one`); ``read_many(items)``, when given,
    reads them all (a list of (path, rel, meta), rows in the same order: the build passes one that keeps
    results, reads on every core and adds the article's own publication date). ``overrides`` (``{file: {column: value}}``,
    the researcher's corrections of articles) take precedence over the sidecar's values. ``names`` and
    ``sidecar`` (its rows and warnings): the files and the sidecar as the build fingerprinted them before
    reading (default: listed and read now). Warnings about the sidecar are in ``df.attrs["warnings"]``."""
    p = config.paths(data_dir)
    if read is None:
        outlets = OutletRegistry.load(p.reference)

        def read(path, rel, meta):
            """One file read with the outlets of this data folder, no store."""
            return load_one(path, rel, meta, outlets)

    rows, notes = sidecar if sidecar is not None else read_sidecar(p.sidecar)
    notes = list(notes)
    names = article_names(p.articles) if names is None else names
    notes += sidecar_notes(rows, names, p)
    overrides = {nfc(k): v for k, v in (overrides or {}).items()}
    items = [
        (article_path(p.articles, rel), rel, {**rows.get(rel, {}), **overrides.get(nfc(rel), {})}) for rel in names
    ]
    df = pd.DataFrame(read_many(items) if read_many is not None else [read(*item) for item in items])
    if df.empty:
        df = pd.DataFrame(columns=ARTICLE_COLUMNS + ["text", "removed", "encoding", "url", "origin"])
    flag_duplicates(df)
    df.attrs["warnings"] = notes
    return df


def sidecar_notes(sidecar: dict, names: list[str], p: config.Paths) -> list[str]:
    """A warning for each sidecar row naming no file of the corpus, and for each naming its file in another
    Unicode normalization than the disk's (applied all the same)."""
    present = {nfc(n): n for n in names}
    origin = getattr(sidecar, "origin", {})
    out = []
    for key in sidecar:
        row, written = origin.get(key, (0, key))
        where = f"{p.sidecar.name} row {row}" if row else p.sidecar.name
        if key not in present:
            out.append(f"{where}: row for {printable(written)!r}, but no such file in {p.articles.name}/; ignored")
        elif present[key] != written:
            out.append(
                f"{where}: {printable(written)!r} names the file {present[key]!r} in another Unicode "
                "normalization (NFC/NFD); applied to it"
            )
    return out


def content_key(data: bytes, rel: str, meta: dict, fingerprint: str) -> str:
    """The key of what reading one file gives: its bytes, its name, its sidecar row and the code."""
    h = hashlib.sha256(data)
    h.update(("\x1f".join([fingerprint, rel] + [f"{k}={meta[k]}" for k in sorted(meta)])).encode())
    return h.hexdigest()[:24]


def file_key(path: Path, rel: str, meta: dict, fingerprint: str) -> str | None:
    """:func:`content_key` of the file at ``path`` (None for a file that is not read: empty, too large,
    unreadable, or not a regular file)."""
    try:
        data = read_regular(path, config.MAX_FILE_BYTES)
    except NotRead:
        return None
    return content_key(data, rel, meta, fingerprint)


def _root(path: Path, rel: str) -> Path:
    """The articles folder of a file, from its relative name."""
    return path.parents[rel.count("/")]


def load_one(path: Path, rel: str, meta: dict, outlets: OutletRegistry, data: bytes | None = None) -> dict:
    """One file read and normalized: its row of the corpus table (status, reason, text, title, outlet…).
    ``data``: the file's bytes, when the caller has read them (and keyed a result by them)."""
    row = {c: "" for c in ARTICLE_COLUMNS}
    row.update(published_precision="unknown", published_end="", published_settled=False)
    row.update(
        file=rel,
        text="",
        removed=[],
        encoding="",
        url=meta.get("url", ""),
        url_basis="metadata" if meta.get("url") else "",
        source_urls="",
        origin="",
        outlet_evidence="",
        title_basis="",
        n_words=0,
        meta_published=meta.get("published", ""),
    )
    raw = read_file(path, data=data, root=_root(path, rel))
    if raw.text is None:
        row.update(status="skipped", reason=raw.reason, article_id="", encoding=raw.encoding)
        return row
    cleaned = clean_text(raw.text, outlets)
    if not cleaned.text.strip():
        row.update(
            status="skipped",
            reason="no article text left after removing boilerplate",
            removed=cleaned.removed,
            encoding=raw.encoding,
        )
        return row
    outlet, origin, evidence = detect_outlet(cleaned.removed, cleaned.text, outlets)
    hm = raw.html_meta
    if not outlet and hm.get("sitename"):
        outlet, evidence = hm["sitename"], "HTML page metadata"
    title, basis = cleaned.title, cleaned.title_basis
    if hm.get("title"):
        title, basis = hm["title"], "HTML page metadata"
    if meta.get("title"):
        title, basis = meta["title"], "metadata"
    if meta.get("outlet"):
        outlet, evidence = meta["outlet"], "metadata"
    stated = footer_urls(cleaned.removed)
    url, url_basis = meta.get("url", ""), "metadata"
    if not url and hm.get("url"):
        url, url_basis = hm["url"], "HTML page metadata"
    pages = [u for u in stated if urlsplit(u).path.strip("/")]  # a page, not a site's home
    if not url and pages:
        url, url_basis = pages[0], "footer"
    row.update(
        article_id=article_id(cleaned.text),
        status="ok",
        reason="",
        outlet=outlet,
        origin=origin,
        outlet_evidence=evidence,
        title=title,
        title_basis=basis,
        language=meta.get("language") or detect_language(cleaned.text),
        text=cleaned.text,
        removed=cleaned.removed,
        encoding=raw.encoding,
        n_words=n_words(cleaned.text),
        url=url,
        url_basis=url_basis if url else "",
        source_urls=";".join(stated),
        html_date=hm.get("date", ""),
    )
    return row


def flag_duplicates(df: pd.DataFrame, first: dict[str, str] | None = None) -> None:
    """Flag as ``duplicate`` each ok row whose text (article id) an earlier row already has, naming that
    file. ``first`` (article id -> file) holds the texts seen before these rows (a saved build's); updated."""
    first = {} if first is None else first
    status, reason = list(df["status"]), list(df["reason"])
    for i, (aid, file) in enumerate(zip(df["article_id"], df["file"])):
        if status[i] != "ok":
            continue
        if aid in first:
            status[i], reason[i] = "duplicate", f"same text as {first[aid]}"
        else:
            first[aid] = file
    df["status"], df["reason"] = status, reason


def articles_table(df: pd.DataFrame) -> pd.DataFrame:
    """The contract's ``articles.csv`` (plus a few documented extra columns)."""
    extra = ["published_end", "outlet_evidence", "origin", "title_basis", "encoding", "url", "url_basis", "source_urls"]
    cols = ARTICLE_COLUMNS + [c for c in extra if c in df.columns]
    return df.reindex(columns=cols).fillna("")


def removed_table(df: pd.DataFrame) -> pd.DataFrame:
    """One row per line that normalization removed: file, rule, line as written."""
    rows = [
        {"file": r.file, "article_id": r.article_id, "rule": rule, "line": line}
        for r in df.itertuples()
        for rule, line in (r.removed or [])
    ]
    return pd.DataFrame(rows, columns=["file", "article_id", "rule", "line"])
