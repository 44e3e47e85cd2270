"""The researcher's corrections (``DATA/corrections.csv``), applied at every build.

No extraction is perfect. A researcher who finds a wrong type, a wrong party, a false event, a missed
event, a wrong site or two chronology rows that are one event writes a row in ``corrections.csv`` (input,
like ``raw/``: the tool never writes it). Each row names its target by words that survive a re-extraction
(the article's file and a short verbatim excerpt of the sentence, or a stable id), says what to do, and why:

====== ======= ==============================================================================================
action target  what it does
====== ======= ==============================================================================================
set    event   ``field`` = ``event_type``, ``date`` (``2020-03-19``, ``2020-03``, ``2020`` or ``A..B``),
               ``agent``, ``target`` (party codes, ``;``-separated), ``modality``, ``headline``, ``place_ids``
set    figure  ``field`` = ``kind``, ``party``, ``measure``, ``count`` (best, low and high at once),
               ``count_low``, ``count_high``, ``unit``, ``scope``, ``refers_to`` (a date as above)
set    place   ``field`` = ``place_id``: the mention is that place (an id of ``places.csv``/the gazetteer)
set    article ``field`` = ``outlet``, ``title``, ``url``, ``language``, ``published`` (as in the sidecar)
drop   event, figure, place: the extracted row is false; it is left out
add    event   ``match`` = the evidence (words that occur in the article), ``value`` =
               ``date=…; type=…`` (and optionally ``agent=…; target=…; modality=…; headline=…``)
add    figure  ``match`` = the evidence, ``value`` = ``count=…; kind=…; party=…`` (optionally ``measure``,
               ``count_low``, ``count_high``, ``unit``, ``scope``)
merge  event   the chronology row of this mention and the one of the mention in ``value`` are one event
               (``value`` = ``other-file.txt | excerpt``, an excerpt of the same article, or an event id)
split  event   this mention is an event of its own, out of the chronology row it was merged into
====== ======= ==============================================================================================

Columns: ``action, target, file, match, field, value, reason``; ``reason`` is required. ``match`` is an
excerpt of the sentence (compared without regard to case, spacing or the shape of apostrophes and quotes)
or an ``event_id``/``figure_id``; when several rows of the article hold the excerpt, the correction is not
applied and says so (give more words). Article corrections act like the sidecar (before extraction, so that
a corrected publication date re-anchors the article's relative dates); event, figure and place corrections
act on each article's extraction, before the articles are reasoned about together (dating rounds, merge);
merges and splits act on the merge. Every corrected row carries ``corrected = true`` and the reason.
A correction whose target no longer exists is reported by name with its reason (``orphaned``), a row that
cannot be read is reported with its row number (``invalid``); the rest applies.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from .read.files import NotRead, csv_lines, nfc, read_regular
from .vocabulary import EVENT_TYPES

COLUMNS = ["action", "target", "file", "match", "field", "value", "reason"]
ACTIONS = {
    "set": {"event", "figure", "place", "article"},
    "drop": {"event", "figure", "place"},
    "add": {"event", "figure"},
    "merge": {"event"},
    "split": {"event"},
}
FIELDS = {
    "event": {"event_type", "date", "agent", "target", "modality", "headline", "place_ids"},
    "figure": {"kind", "party", "measure", "count", "count_low", "count_high", "unit", "scope", "refers_to"},
    "place": {"place_id"},
    "article": {"outlet", "title", "url", "language", "published"},
}
ADD_KEYS = {
    "event": ({"date", "type"}, {"agent", "target", "modality", "headline"}),
    "figure": ({"count", "kind", "party"}, {"measure", "count_low", "count_high", "unit", "scope"}),
}
PARTIES = {"coalition", "NATO", "IQ", "KRG", "PMF", "KH", "IR", "IS", "ISIS", "civilians", "other"}
MODALITIES = {"realized", "planned", "demanded", "denied", "reported"}
FIGURE_KINDS = {"troops", "casualties", "other"}
MEASURES = {"present", "planned", "arriving", "leaving", "moved", "killed", "wounded", "killed_or_wounded"}
ID = re.compile(r"^[0-9a-f]{12}-(?:\d{3}[a-h]|f\d{5}c?)$")  # an event_id or a figure_id
MAX_BYTES = 2_000_000


class CorrectionError(ValueError):
    """A value that cannot be applied (the message says why)."""


@dataclass(frozen=True)
class Correction:
    """One row of ``corrections.csv`` (``row``: its line number in the file)."""

    row: int
    action: str
    target: str
    file: str
    match: str
    field: str
    value: str
    reason: str

    @property
    def label(self) -> str:
        """The correction as reported: its row, action, target, file and excerpt."""
        what = f"{self.action} {self.target}" + (f" {self.field}" if self.field else "")
        words = f" «{_short(self.match)}»" if self.match else ""
        return f"row {self.row}: {what} in {self.file}{words}"


@dataclass
class Outcome:
    """What became of a correction: ``applied``, ``orphaned`` (its target is gone), ``ambiguous`` (several
    targets hold its words) or ``invalid`` (the row cannot be read)."""

    status: str
    message: str = ""


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def norm(text: str) -> str:
    """Text as an excerpt is compared: NFC, one kind of apostrophe and quote, spaces collapsed, case folded."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2019\u2018\u02bc`´]", "'", text)
    text = re.sub(r"[«»\u201c\u201d„]", '"', text)
    return " ".join(text.split()).casefold()


def parse_period(value: str) -> tuple[date, date, str]:
    """``2020-03-19`` (day), ``2020-03`` (month), ``2020`` (year) or ``A..B`` (a span of any two of these):
    first day, last day and precision."""
    from .extract.dates import precision_of

    value = value.strip()
    if ".." in value:
        a, b = (x.strip() for x in value.split("..", 1))
        start, end = _period(a)[0], _period(b)[1]
        if end < start:
            raise CorrectionError(f"{value!r}: the span ends before it starts")
        return start, end, precision_of(start, end)
    return _period(value)


def _period(value: str) -> tuple[date, date, str]:
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not m:
        raise CorrectionError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY or A..B)")
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = date(y, int(mo), int(d))
            return day, day, "day"
        if mo:
            first = date(y, int(mo), 1)
            return first, date(y + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1), "month"
        return date(y, 1, 1), date(y, 12, 31), "year"
    except ValueError:
        raise CorrectionError(f"{value!r} is not a calendar date") from None


def _codes(value: str) -> list[str]:
    return [x.strip() for x in re.split(r"[;,]", value) if x.strip()]


def _count(value: str) -> int:
    v = value.replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if not v.isdigit():
        raise CorrectionError(f"{value!r} is not a whole number")
    return int(v)


def parse_pairs(value: str) -> dict[str, str]:
    """``key=value; key=value`` (an ``add``'s value)."""
    out = {}
    for part in value.split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise CorrectionError(f"{part.strip()!r} is not key=value")
        k, v = part.split("=", 1)
        out[k.strip().lower()] = v.strip()
    return out


def check_value(c: Correction) -> None:
    """Raise :class:`CorrectionError` when a row's value cannot be what its field needs."""
    if c.action == "set":
        _check_field(c.target, c.field, c.value)
    elif c.action == "add":
        pairs = parse_pairs(c.value)
        required, optional = ADD_KEYS[c.target]
        missing, unknown = required - pairs.keys(), pairs.keys() - required - optional
        if missing:
            raise CorrectionError(f"value needs {', '.join(sorted(missing))} (key=value; key=value)")
        if unknown:
            raise CorrectionError(f"unknown key(s) {', '.join(sorted(unknown))}")
        names = {"type": "event_type"}
        for k, v in pairs.items():
            if k != "date" or c.target != "event":
                _check_field(c.target, names.get(k, k), v)
        if c.target == "event":
            parse_period(pairs["date"])
    elif c.action == "merge" and not c.value.strip():
        raise CorrectionError("value must name the other mention (other-file.txt | excerpt, or an event id)")


def _check_field(target: str, name: str, value: str) -> None:
    if name == "event_type" and value not in EVENT_TYPES:
        raise CorrectionError(f"event_type {value!r} is not one of {', '.join(EVENT_TYPES)}")
    if name == "modality" and value not in MODALITIES:
        raise CorrectionError(f"modality {value!r} is not one of {', '.join(sorted(MODALITIES))}")
    if name == "kind" and value not in FIGURE_KINDS:
        raise CorrectionError(f"kind {value!r} is not one of {', '.join(sorted(FIGURE_KINDS))}")
    if name == "measure" and value and value not in MEASURES:
        raise CorrectionError(f"measure {value!r} is not one of {', '.join(sorted(MEASURES))}")
    if name == "party" and value and value not in PARTIES and not re.fullmatch(r"[A-Z]{2}", value):
        raise CorrectionError(
            f"party {value!r} is not a code of the codebook (US, FR, …, coalition, NATO, IQ, KRG, "
            "PMF, IR, IS, civilians, other)"
        )
    if name in ("count", "count_low") or (name == "count_high" and value):
        _count(value)
    if name in ("date", "refers_to"):
        parse_period(value)
    if name == "published" and value and (".." in value or not re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", value)):
        raise CorrectionError(f"published {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY (as in the sidecar)")
    if name == "published" and value:
        parse_period(value)
    if name in ("place_id", "headline", "title") and not value.strip():
        raise CorrectionError(f"{name} needs a value")


class Corrections:
    """The rows of a corrections file and what became of each (see the module's docstring)."""

    def __init__(self, rows: list[Correction], invalid: list[tuple[Correction, str]], fingerprint: str = ""):
        self.rows = rows
        self.fingerprint = fingerprint
        self.outcomes: dict[int, tuple[Correction, Outcome]] = {
            c.row: (c, Outcome("invalid", why)) for c, why in invalid
        }
        self.marks: dict[tuple[str, str], list[str]] = {}  # (kind, id) -> reasons of the corrections applied to it

    @classmethod
    def read(cls, path: Path) -> Corrections:
        """Read ``path`` (absent: no correction) strictly, one row per line. Never raises: a file that cannot
        be read (a link, not a regular file, too large, not text, no header) is reported; a row that cannot
        be read (a quote left open, too many cells, an oversized cell, a repeated correction) is reported
        with its line number and skipped; the other rows apply."""
        import os

        if not os.path.lexists(path):
            return cls([], [])
        blank = Correction(0, "", "", "", "", "", "", "")
        try:
            data = read_regular(path, MAX_BYTES)
        except NotRead as exc:
            if str(exc).startswith("empty"):
                return cls([], [])
            return cls([], [(blank, f"{path.name}: not read ({exc})")], "unread")
        fp = hashlib.sha256(data).hexdigest()[:16]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return cls([], [(blank, f"{path.name}: not UTF-8; not read")], fp)
        header, lines, problems = csv_lines(text, path.name, "action")
        invalid = [(blank, p) for p in problems if " row " not in p and "as the delimiter" not in p]
        invalid += [(Correction(_row_of(p), *([""] * 7)), p.split(": ", 1)[1]) for p in problems if " row " in p]
        if not header:
            return cls([], invalid, fp)
        missing = [c for c in ("action", "target", "file", "reason") if c not in header]
        if missing:
            return cls(
                [],
                invalid + [(blank, f"{path.name}: no column {', '.join(missing)} (columns: {', '.join(COLUMNS)})")],
                fp,
            )
        rows, first = [], {}
        for n, cells in lines:
            if not any(x.strip() for x in cells):
                continue
            d = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header) if h}
            c = Correction(
                n,
                d.get("action", "").lower(),
                d.get("target", "").lower(),
                d.get("file", ""),
                d.get("match", ""),
                d.get("field", "").lower(),
                d.get("value", ""),
                d.get("reason", ""),
            )
            why = _row_problem(c)
            same = (c.action, c.target, nfc(c.file), norm(c.match), c.field)
            same += (c.value,) if c.action in ("add", "merge") else ()
            if not why and same in first:
                why = f"repeats row {first[same]} (same action, target, file, excerpt and field); the first applies"
            if why:
                invalid.append((c, why))
            else:
                first[same] = n
                rows.append(c)
        return cls(rows, invalid, fp)

    # --- bookkeeping ---------------------------------------------------------------------------

    def _done(self, c: Correction, status: str, message: str = "") -> None:
        self.outcomes[c.row] = (c, Outcome(status, message))

    def _mark(self, kind: str, key: str, c: Correction) -> None:
        reasons = self.marks.setdefault((kind, key), [])
        if c.reason not in reasons:
            reasons.append(c.reason)

    def reasons(self, kind: str, key: str) -> str:
        """The reasons of the corrections applied to a row ("" when none)."""
        return " | ".join(self.marks.get((kind, key), []))

    def begin(self) -> None:
        """Forget what the last build did (a build applies every correction anew)."""
        self.outcomes = {r: v for r, v in self.outcomes.items() if v[1].status == "invalid"}
        self.marks = {}

    # --- articles: like the sidecar ------------------------------------------------------------

    def article_overrides(self) -> dict[str, dict[str, tuple[str, Correction]]]:
        """``{file: {field: (value, correction)}}`` for the article corrections (one per field: a repeated one is invalid)."""
        out: dict[str, dict] = {}
        for c in self.rows:
            if c.target == "article":
                out.setdefault(c.file, {})[c.field] = (c.value, c)
        return out

    def apply_articles(self, articles: pd.DataFrame) -> None:
        """Record which article corrections found their file (their values went in with the sidecar's)."""
        present = {nfc(f): a for f, a in zip(articles.file, articles.article_id)}
        for c in self.rows:
            if c.target != "article":
                continue
            if nfc(c.file) in present:
                self._done(c, "applied")
                self._mark("article", present[nfc(c.file)], c)
            else:
                self._done(c, "orphaned", "no such article in raw/articles/ (removed or renamed?)")

    def orphan_missing_files(self, files: set[str]) -> None:
        """Corrections of articles that are not (or no longer) in the corpus, or not readable."""
        files = {nfc(f) for f in files}
        for c in self.rows:
            if c.target != "article" and nfc(c.file) not in files:
                self._done(c, "orphaned", "no such article among the readable files of raw/articles/")

    # --- one article's extraction --------------------------------------------------------------

    def for_file(self, file: str) -> list[Correction]:
        """The event, figure and place corrections (set, drop, add) of one article file."""
        return [
            c
            for c in self.rows
            if nfc(c.file) == nfc(file)
            and c.target in ("event", "figure", "place")
            and c.action in ("set", "drop", "add")
        ]

    def apply_extract(self, file: str, text: str, extract):
        """A copy of one article's extraction with its corrections applied (the cached one is untouched)."""
        mine = self.for_file(file)
        if not mine:
            return extract
        ex = replace(
            extract,
            events=list(extract.events),
            figures=[dict(f) for f in extract.figures],
            mentions=list(extract.mentions),
        )
        for c in mine:
            try:
                getattr(self, f"_{c.action}_{c.target}")(c, ex, text)
            except CorrectionError as exc:
                self._done(c, "invalid", str(exc))
        return ex

    def _find(self, c: Correction, rows: list, texts, ids=None) -> int | None:
        """The index of the one row whose id ``c.match`` is, or whose texts hold it (``texts(row)``: the
        texts to look in, narrowest first: a row found in its narrowest text wins over rows found only in
        a wider one); None, with the outcome recorded, when there is none or several."""
        want = norm(c.match)
        if ids is not None and ID.match(c.match.strip()):
            hits = [i for i, r in enumerate(rows) if ids(r) == c.match.strip()]
        else:
            hits = []
            for level in range(max((len(texts(r)) for r in rows), default=0)):
                hits = [i for i, r in enumerate(rows) if want and any(want in norm(t) for t in texts(r)[: level + 1])]
                if hits:
                    break
        if len(hits) == 1:
            return hits[0]
        if not hits:
            self._done(
                c, "orphaned", f"no {c.target} of this article holds these words (the text or the extraction changed?)"
            )
        else:
            self._done(c, "ambiguous", f"{len(hits)} {c.target}s of this article hold these words; give more")
        return None

    @staticmethod
    def _event_texts(e) -> list[str]:
        """Where an event's excerpt is looked for, narrowest first: its clause (and the other mentions of
        the same occurrence), then the whole sentence."""
        return [" ".join([e.clause] + [t for _, t in getattr(e, "also", [])]), e.evidence]

    def _set_event(self, c: Correction, ex, text: str) -> None:
        i = self._find(c, ex.events, self._event_texts, lambda e: e.event_id)
        if i is None:
            return
        e = ex.events[i]
        if c.field == "date":
            start, end, prec = parse_period(c.value)
            e = replace(e, date_start=start, date_end=end, precision=prec, date_basis="correction", qualifier="")
        elif c.field in ("agent", "target", "place_ids"):
            e = self._set_attr(e, c.field, _codes(c.value))
        else:
            e = self._set_attr(e, c.field, c.value)
        ex.events[i] = e
        self._done(c, "applied")
        self._mark("event", e.event_id, c)

    @staticmethod
    def _set_attr(obj, name: str, value):
        if not (is_dataclass(obj) and name in {f.name for f in fields(obj)}):
            raise CorrectionError(f"events have no field {name!r} in this version of the tool")
        return replace(obj, **{name: value})

    def _drop_event(self, c: Correction, ex, text: str) -> None:
        i = self._find(c, ex.events, self._event_texts, lambda e: e.event_id)
        if i is not None:
            e = ex.events.pop(i)
            self._done(c, "applied")
            self._mark("event", e.event_id, c)

    def _add_event(self, c: Correction, ex, text: str) -> None:
        """Add the event a researcher says the extraction missed: in the sentence the excerpt names, with
        the date and type (and optionally agent, target, modality, headline) of its ``value``."""
        from .extract.events import EventMention, key_terms

        pairs = parse_pairs(c.value)
        s = self._sentence(c, ex)
        if s is None:
            return
        used = {e.segment for e in ex.events if e.sentence_index == s.index}
        free = [k for k in range(7, -1, -1) if k not in used]
        if not free:
            raise CorrectionError("that sentence holds too many events already")
        start, end, prec = parse_period(pairs["date"])
        places = list(dict.fromkeys(m.place_id for m in ex.mentions if s.start <= m.start < s.end))
        e = EventMention(
            article_id=ex.article_id,
            sentence_index=s.index,
            segment=free[0],
            event_type=pairs["type"],
            evidence=s.text,
            clause=s.text,
            date_start=start,
            date_end=end,
            precision=prec,
            date_basis="correction",
            place_ids=places,
            keys=key_terms(s.text) | {f"place:{p}" for p in places},
        )
        for k in ("agent", "target"):
            if k in pairs:
                e = self._set_attr(e, k, _codes(pairs[k]))
        for k in ("modality", "headline"):
            if k in pairs:
                e = self._set_attr(e, k, pairs[k])
        ex.events.append(e)
        ex.events.sort(key=lambda x: (x.sentence_index, x.segment))
        self._done(c, "applied")
        self._mark("event", e.event_id, c)

    def _sentence(self, c: Correction, ex):
        want = norm(c.match)
        hits = [s for s in ex.sentences if want and want in norm(s.text)]
        if not hits:
            self._done(c, "orphaned", "these words are not in the article's text (the text changed?)")
            return None
        return hits[0]

    @staticmethod
    def _figure_texts(f: dict) -> list[str]:
        return [f.get("evidence", "")]

    def _find_figure(self, c: Correction, ex) -> int | None:
        """A figure by id, or by excerpt; several figures of one sentence are told apart by their number
        being written in the excerpt."""
        if ID.match(c.match.strip()):
            return self._find(c, ex.figures, self._figure_texts, lambda f: f["figure_id"])
        want = norm(c.match)
        hits = [i for i, f in enumerate(ex.figures) if want and want in norm(f.get("evidence", ""))]
        if len(hits) > 1:
            narrowed = [i for i in hits if norm(str(ex.figures[i].get("surface", ""))) in want]
            hits = narrowed or hits
        if len(hits) == 1:
            return hits[0]
        return self._find(c, [ex.figures[i] for i in hits] if hits else [], self._figure_texts)

    def _set_figure(self, c: Correction, ex, text: str) -> None:
        i = self._find_figure(c, ex)
        if i is None:
            return
        f = ex.figures[i]
        _apply_figure_field(f, c.field, c.value)
        self._done(c, "applied")
        self._mark("figure", f["figure_id"], c)

    def _drop_figure(self, c: Correction, ex, text: str) -> None:
        i = self._find_figure(c, ex)
        if i is not None:
            f = ex.figures.pop(i)
            self._done(c, "applied")
            self._mark("figure", f["figure_id"], c)

    def _add_figure(self, c: Correction, ex, text: str) -> None:
        pairs = parse_pairs(c.value)
        s = self._sentence(c, ex)
        if s is None:
            return
        at = norm(text).find(norm(c.match))
        template = next((f for f in ex.figures), None)
        f = {k: "" for k in (template or {})}
        f.update(
            figure_id=f"{ex.article_id}-f{max(at, s.start):05d}c",
            article_id=ex.article_id,
            evidence=s.text,
            approximate=False,
            planned=False,
            surface=c.match,
            refers_basis="correction",
            refers_to="",
            refers_end="",
            refers_precision="",
            outlet=template.get("outlet", "") if template else "",
        )
        for k, v in pairs.items():
            _apply_figure_field(f, k, v)
        ex.figures.append(f)
        self._done(c, "applied")
        self._mark("figure", f["figure_id"], c)

    def _set_place(self, c: Correction, ex, text: str) -> None:
        i = self._find_place(c, ex, text)
        if i is None:
            return
        m = ex.mentions[i] = replace(ex.mentions[i], place_id=c.value.strip(), context="correction")
        self._done(c, "applied")
        self._mark("place", f"{ex.article_id}|{m.place_id}|{m.surface}", c)

    def _drop_place(self, c: Correction, ex, text: str) -> None:
        i = self._find_place(c, ex, text)
        if i is not None:
            m = ex.mentions.pop(i)
            self._done(c, "applied")
            self._mark("place", f"{ex.article_id}|{m.place_id}|{m.surface}", c)

    def _find_place(self, c: Correction, ex, text: str) -> int | None:
        """A place mention by its surface (``match`` holds it) or by the sentence it is in (then the
        mention whose surface is written in ``match``)."""
        want = norm(c.match)

        def sentence_of(m) -> str:
            return next((s.text for s in ex.sentences if s.start <= m.start < s.end), "")

        hits = [i for i, m in enumerate(ex.mentions) if want and want == norm(m.surface)]
        if not hits:
            hits = [
                i
                for i, m in enumerate(ex.mentions)
                if want and want in norm(sentence_of(m)) and norm(m.surface) in want
            ]
        if len(hits) == 1:
            return hits[0]
        return self._find(c, [ex.mentions[i] for i in hits], lambda m: [m.surface])

    # --- the merge -----------------------------------------------------------------------------

    def links(self) -> list[Correction]:
        """The corrections that act on the merge (merge, split)."""
        return [c for c in self.rows if c.action in ("merge", "split")]

    def mention_of(self, c: Correction, spec: str, file: str, files: dict[str, str], extracts: dict) -> str | None:
        """The event id a merge or split names (``spec``: an excerpt of ``file``'s events, ``other.txt |
        excerpt``, or an event id)."""
        spec = spec.strip()
        if "|" in spec:
            file, spec = (x.strip() for x in spec.split("|", 1))
        if ID.match(spec):
            return spec if any(e.event_id == spec for ex in extracts.values() for e in ex.events) else None
        aid = files.get(file) or {nfc(f): a for f, a in files.items()}.get(nfc(file))
        ex = extracts.get(aid) if aid else None
        if ex is None:
            return None
        dated = [e for e in ex.events if e.date_start is not None]
        probe = Correction(c.row, c.action, c.target, file, spec, "", "", c.reason)
        i = self._find(probe, dated, self._event_texts)
        return dated[i].event_id if i is not None else None

    def apply_links(self, greedy, files: dict[str, str], extracts: dict) -> None:
        """Merge and split chronology rows (the clusters of the merge) as the corrections say."""
        from .across.merge import Cluster, Greedy

        for c in self.links():
            a = self.mention_of(c, c.match, c.file, files, extracts)
            if a is None:
                if c.row not in self.outcomes:
                    self._done(c, "orphaned", "no dated event of this article holds these words")
                continue
            where = {m.eid: f for f, cl in greedy.clusters.items() for m in cl.members}
            if c.action == "split":
                founder = where[a]
                moved = next(m for m in greedy.clusters[founder].members if m.eid == a)
                rest = sorted((m for m in greedy.clusters[founder].members if m.eid != a), key=lambda m: m.skey)
                if rest:
                    del greedy.clusters[founder]
                    greedy.clusters[rest[0].eid] = _rebuilt(rest, Cluster, Greedy)
                    greedy.clusters[moved.eid] = Cluster(moved)
                self._done(c, "applied", "" if rest else "already a row of its own")
                self._mark("event", a, c)
                continue
            b = self.mention_of(c, c.value, c.file, files, extracts)
            if b is None:
                found = self.outcomes.get(c.row, (c, Outcome("orphaned", "not a dated event any more")))[1]
                self._done(c, found.status, f"the other mention ({_short(c.value)}): {found.message}")
                continue
            fa, fb = where[a], where[b]
            if fa == fb:
                self._done(c, "applied", "already one row")
            else:
                members = greedy.clusters.pop(fa).members + greedy.clusters.pop(fb).members
                members.sort(key=lambda m: m.skey)
                greedy.clusters[members[0].eid] = _rebuilt(members, Cluster, Greedy)
                self._done(c, "applied")
            self._mark("event", a, c)
            self._mark("event", b, c)

    # --- what became of them -------------------------------------------------------------------

    def table(self) -> pd.DataFrame:
        """One row per correction: the row as written, its status and why (``processed/corrections.csv``)."""
        rows = []
        for n in sorted(self.outcomes):
            c, o = self.outcomes[n]
            rows.append(
                dict(
                    row=n,
                    action=c.action,
                    target=c.target,
                    file=c.file,
                    match=c.match,
                    field=c.field,
                    value=c.value,
                    reason=c.reason,
                    status=o.status,
                    message=o.message,
                )
            )
        for c in self.rows:
            if c.row not in self.outcomes:
                rows.append(
                    dict(
                        row=c.row,
                        action=c.action,
                        target=c.target,
                        file=c.file,
                        match=c.match,
                        field=c.field,
                        value=c.value,
                        reason=c.reason,
                        status="orphaned",
                        message="its article was not extracted (skipped or duplicate)",
                    )
                )
        cols = ["row", "action", "target", "file", "match", "field", "value", "reason", "status", "message"]
        return pd.DataFrame(rows, columns=cols).sort_values("row").reset_index(drop=True)

    def summary_lines(self) -> list[str]:
        """For the export's summary: the counts, then every correction that did not apply, by name."""
        t = self.table()
        if t.empty:
            return []
        counts = t.status.value_counts()
        head = "corrections: " + ", ".join(
            f"{counts.get(s, 0)} {s}" for s in ("applied", "orphaned", "ambiguous", "invalid") if counts.get(s, 0)
        )
        lines = [head]
        for r in t[t.status != "applied"].itertuples():
            what = f"{r.action} {r.target}" + (f" {r.field}" if r.field else "")
            where = f" in {r.file}" if r.file else ""
            lines.append(
                f"  correction row {r.row} ({what}{where}; reason: {r.reason or '-'}): {r.status}: {r.message}"
            )
        return lines


def _row_of(problem: str) -> int:
    """The line number a problem of :func:`helpers.read.files.csv_lines` names."""
    m = re.search(r" row (\d+)", problem)
    return int(m.group(1)) if m else 0


def _row_problem(c: Correction) -> str:
    """Why a row cannot be applied, or ""."""
    if c.action not in ACTIONS:
        return f"action {c.action!r} is not one of {', '.join(ACTIONS)}"
    if c.target not in ACTIONS[c.action]:
        return f"{c.action} applies to {', '.join(sorted(ACTIONS[c.action]))}, not {c.target!r}"
    if not c.file:
        return "no file"
    if not c.reason:
        return "no reason (every correction says why)"
    if c.action in ("set", "drop", "add", "merge", "split") and c.target != "article" and not c.match:
        return "no match (an excerpt of the sentence, or an id)"
    if c.action == "set" and c.field not in FIELDS[c.target]:
        return f"field {c.field!r} cannot be set on a {c.target} ({', '.join(sorted(FIELDS[c.target]))})"
    try:
        check_value(c)
    except CorrectionError as exc:
        return str(exc)
    return ""


def _apply_figure_field(f: dict, name: str, value: str) -> None:
    if name == "count":
        n = _count(value)
        f.update(count_best=n, count_low=n, count_high=n, approximate=False)
    elif name == "count_low":
        f["count_low"] = _count(value)
    elif name == "count_high":
        f["count_high"] = _count(value) if value.strip() else None
    elif name == "refers_to":
        start, end, prec = parse_period(value)
        f.update(
            refers_to=start.isoformat(), refers_end=end.isoformat(), refers_precision=prec, refers_basis="correction"
        )
    else:
        f[name] = value


def _rebuilt(members: list, Cluster, Greedy):
    """A cluster of ``members`` as the merge leaves it (its founder first, the others joined in order)."""
    c = Cluster(members[0])
    for m in members[1:]:
        Greedy._join(c, m)
    return c
