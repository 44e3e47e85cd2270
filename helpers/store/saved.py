"""The last build, saved for the next run: ``DATA/interim/build.sqlite`` and ``DATA/interim/build/``.

What is saved, in data formats only (no executable deserialization):

- in ``build.sqlite`` (one transaction per save, so an interrupted save leaves the previous build whole; plain JSON values):
  ``meta`` (the state: code fingerprint, sidecar hash, rounds, warnings, what the dating rounds read, the
  names of the table files), ``files`` (each article file's size, time and content key, taken before the
  build read them) and ``kv``, three key-value spaces read on demand by a warm rebuild: ``anchors``
  (family, key) -> the dated events that bound other articles' dates; ``registry`` (family, key) ->
  the clusters registered under the key, in merge order; ``clusters`` founder -> (chronology id, family,
  keys, members in merge order);
- in ``build/``: the tables as Parquet files, those that only grow (corpus, events, figures,
  place_mentions, removed lines, unplaced names) as a base plus one journal part per patch (a part
  replaces the rows of the earlier articles the patch re-dated: ``replaced`` in the state).

Anything unreadable, from another version, or missing raises :class:`NotSaved` with the reason: the
caller then builds in full and says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..across.dating import ConstraintLog
from ..config import Paths
from ..read.corpus import MAX_SIDECAR_BYTES, SidecarRows, article_names, articles_table, file_key, read_sidecar
from ..read.files import NotRead, article_path, read_regular
from . import codec
from .fingerprint import BUILD_CODE, code_fingerprint

VERSION = 7  # 5: every file's key a hash of its bytes (never kept from its size and time); 6: plain JSON state;
# 7: the keys whose anchors changed between rounds saved with the articles that changed them
# the tables that a patch only adds rows to (a base plus journal parts), with the column they are sorted by
GROWING = {
    "corpus": "file",
    "events": "article_id",
    "figures": "article_id",
    "place_mentions": "article_id",
    "removed": "file",
    "unplaced": "article_id",
    "undated": "article_id",
}
JOURNAL_MAX = 16  # patches kept as journal parts before the base is written anew
SPACES = ("anchors", "registry", "clusters")
CORPUS_DROPPED = ("removed",)  # kept in the removed table; a list column has no place in the saved corpus


def log_state(log: ConstraintLog) -> dict:
    """What the next run needs of the dating rounds' log, as plain JSON lists (its anchor index is in
    ``kv``): (family, key[, month, day]) followed by the articles that read it."""
    return dict(
        summary_keys=[[*k, sorted(v)] for k, v in log.summary_keys.items()],
        day_keys=[[*k, sorted(v)] for k, v in log.day_keys.items()],
        unstable=[[*k, sorted(v)] for k, v in log.unstable.items()],
        converged=log.converged,
        redated=sorted(log.redated),
    )


def log_from_state(d: dict) -> ConstraintLog:
    """The dating rounds' log as :func:`log_state` saved it."""
    return ConstraintLog(
        summary_keys={tuple(r[:-1]): set(r[-1]) for r in d["summary_keys"]},
        day_keys={tuple(r[:-1]): set(r[-1]) for r in d["day_keys"]},
        unstable={tuple(r[:-1]): set(r[-1]) for r in d["unstable"]},
        converged=bool(d["converged"]),
        redated=set(d["redated"]),
    )


class NotSaved(Exception):
    """No usable saved build (the message says why)."""


@dataclass(frozen=True)
class AnchorRef:
    """What date reasoning reads of an anchor event (see :func:`helpers.across.dating.article_constraints`)."""

    article_id: str
    event_id: str
    event_type: str
    date_start: date
    date_end: date
    precision: str


def anchor(aid: str, e) -> tuple[str, AnchorRef]:
    """An anchor posting as saved: (article id, the event as :class:`AnchorRef`)."""
    return aid, AnchorRef(e.article_id, e.event_id, e.event_type, e.date_start, e.date_end, e.precision)


@dataclass(frozen=True)
class Inputs:
    """The corpus's files and sidecar as they were before the build read them: the build reads these
    files and these sidecar rows, and saves these fingerprints (a file changed meanwhile differs next run)."""

    files: dict  # relative name (as shown) -> (size, mtime_ns, content key or None for a file not read)
    sidecar: str  # hash of the sidecar's bytes
    taken_ns: int
    rows: dict = field(default_factory=dict)  # the sidecar's rows (read_sidecar), parsed from the bytes hashed
    notes: list = field(default_factory=list)  # and its warnings


def _sidecar_bytes(p: Paths) -> tuple[bytes | None, str]:
    """The sidecar's bytes (None without one, or when it is not read) and their hash."""
    if not os.path.lexists(p.sidecar):
        return None, ""
    try:
        data = read_regular(p.sidecar, MAX_SIDECAR_BYTES)
    except NotRead as exc:
        return None, f"not read: {exc}"
    return data, hashlib.sha256(data).hexdigest()


def sidecar_hash(p: Paths) -> str:
    """A hash of the sidecar's bytes (empty without a sidecar)."""
    return _sidecar_bytes(p)[1]


def stat(path) -> tuple[int, int]:
    """A file's size and modification time (ns), of the entry itself (a link is not followed)."""
    st = os.lstat(path)
    return st.st_size, st.st_mtime_ns


def scan(p: Paths) -> Inputs:
    """Every article file's size, time and content key, and the sidecar, read before the build reads
    anything. Every key is a hash of the file's bytes (never trusted from a size and a time: an edit
    that keeps both, or a permission fixed, is seen)."""
    taken = time.time_ns()
    data, digest = _sidecar_bytes(p)
    if data is not None:
        rows, notes = read_sidecar(p.sidecar, data)
    else:  # none, or one that is not read (a link, a pipe…: the reason is in the hash's place)
        rows, notes = SidecarRows(), ([f"{p.sidecar.name}: {digest}"] if digest else [])
    fp = code_fingerprint(str(p.reference.resolve()))
    out = {}
    for rel in article_names(p.articles):
        path = article_path(p.articles, rel)
        try:
            size, mtime = stat(path)
        except OSError:
            size, mtime = -1, -1
        out[rel] = (size, mtime, file_key(path, rel, rows.get(rel, {}), fp))
    return Inputs(out, digest, taken, rows, notes)


def changed_since(p: Paths, inputs: Inputs) -> list[str]:
    """What changed in the inputs while the build ran (files added, removed or rewritten, the sidecar),
    one warning each: those changes are not in this build's tables and are read at the next run."""
    names = article_names(p.articles)
    out = []
    for rel in sorted(set(names) | set(inputs.files)):
        if rel not in inputs.files:
            out.append(f"{rel}: added while the build ran; read at the next run")
            continue
        if rel not in names:
            out.append(f"{rel}: removed while the build ran; the next run takes it out")
            continue
        try:
            now = stat(article_path(p.articles, rel))
        except OSError:
            now = (-1, -1)
        if now != tuple(inputs.files[rel][:2]):
            out.append(f"{rel}: changed while the build ran; read again at the next run")
    if sidecar_hash(p) != inputs.sidecar:
        out.append(f"{p.sidecar.name}: changed while the build ran; read again at the next run")
    return out


def _key(key) -> str:
    """A key of the kv table: a (family, key) pair joined by a unit separator, or a founder's event id."""
    return "\x1f".join(key) if isinstance(key, tuple) else key


def _iso(d: date) -> str:
    return d.isoformat()


_day = date.fromisoformat
# each space's values as plain JSON lists (read back without a per-object hook: fast for long postings)
_ENCODE = {
    "anchors": lambda v: [[aid, a.article_id, a.event_id, a.event_type, _iso(a.date_start), _iso(a.date_end),
                           a.precision] for aid, a in v],
    "registry": lambda v: [[t[0], _iso(t[1]), t[2], f] for t, f in v],
    "clusters": lambda v: [v[0], v[1], list(v[2]), [[*m[:3], _iso(m[3]), _iso(m[4]), m[5], m[6], list(m[7])]
                                                    for m in v[3]]],
}  # fmt: skip
_DECODE = {
    "anchors": lambda rows: [(r[0], AnchorRef(r[1], r[2], r[3], _day(r[4]), _day(r[5]), r[6])) for r in rows],
    "registry": lambda rows: [((r[0], _day(r[1]), r[2]), r[3]) for r in rows],
    "clusters": lambda v: (v[0], v[1], tuple(v[2]), tuple((*m[:3], _day(m[3]), _day(m[4]), m[5], m[6], tuple(m[7]))
                                                          for m in v[3])),
}  # fmt: skip


class KV:
    """One space of ``build.sqlite``'s key-value table (anchors, registry or clusters): values read on
    demand (or prefetched), changes kept until saved."""

    def __init__(self, con: sqlite3.Connection | None, space: str):
        self.con, self.space = con, space
        self._read: dict = {}
        self.changed: dict = {}
        self.replaced = con is None  # a full build: the whole space is written anew

    def _decode(self, text: str):
        try:
            return _DECODE[self.space](json.loads(text))
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            raise codec.CodecError(f"{self.space}: {exc}") from exc

    def get(self, key, default=None):
        """The value of ``key`` (read from the database once), or ``default``."""
        if key in self.changed:
            value = self.changed[key]
        elif key in self._read or self.replaced:
            value = self._read.get(key)
        else:
            row = self.con.execute(
                "SELECT value FROM kv WHERE space = ? AND key = ?", (self.space, _key(key))
            ).fetchone()
            value = self._read[key] = self._decode(row[0]) if row else None
        return default if value is None else value

    def prefetch(self, keys) -> None:
        """Read the values of ``keys`` in a few queries (before many :meth:`get`)."""
        if self.replaced:
            return
        todo = {_key(k): k for k in keys if k not in self.changed and k not in self._read}
        names = list(todo)
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT key, value FROM kv WHERE space = ? AND key IN ({marks})"
            for k, v in self.con.execute(sql, (self.space, *chunk)):
                self._read[todo[k]] = self._decode(v)
        for k in todo.values():
            self._read.setdefault(k, None)

    def __setitem__(self, key, value) -> None:
        self.changed[key] = value

    def pop(self, key) -> None:
        """Remove ``key`` (at the next save)."""
        self.changed[key] = None

    def fill(self, items) -> None:
        """Replace the whole content (a full build)."""
        self.replaced, self._read, self.changed = True, {}, dict(items)

    def write(self, con: sqlite3.Connection) -> None:
        """Write the changes (or the whole space, after a fill) in ``con``'s transaction."""
        if self.replaced:
            con.execute("DELETE FROM kv WHERE space = ?", (self.space,))
        enc = _ENCODE[self.space]
        rows = [
            (self.space, _key(k), json.dumps(enc(v), ensure_ascii=False, separators=(",", ":")))
            for k, v in self.changed.items()
            if v is not None
        ]
        gone = [(self.space, _key(k)) for k, v in self.changed.items() if v is None]
        con.executemany("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", rows)
        con.executemany("DELETE FROM kv WHERE space = ? AND key = ?", gone)


def _connect(path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=60)
    con.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, key TEXT)")
    con.execute(
        "CREATE TABLE IF NOT EXISTS kv (space TEXT, key TEXT, value TEXT, PRIMARY KEY (space, key)) WITHOUT ROWID"
    )
    return con


class SavedBuild:
    """The saved build of a data folder, as :func:`save` left it."""

    def __init__(self, p: Paths):
        self.p = p
        self.path = p.interim / "build.sqlite"
        self.folder = p.interim / "build"
        self.state: dict = {}
        self.files: dict = {}
        self.con: sqlite3.Connection | None = None
        self._frames: dict | None = None
        self.kv = {s: KV(None, s) for s in SPACES}

    @classmethod
    def load(cls, p: Paths) -> SavedBuild:
        """The saved build, checked: raises :class:`NotSaved` when there is none that this code can use."""
        sb = cls(p)
        if not sb.path.exists():
            raise NotSaved("no saved build")
        try:
            sb.con = _connect(sb.path)
            row = sb.con.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()
            if row is None:
                raise NotSaved("no saved build")
            sb.state = json.loads(row[0])
            if not isinstance(sb.state, dict) or not isinstance(sb.state.get("version"), int):
                raise ValueError("its state is not a saved build's")
            if sb.state["version"] != VERSION:
                raise NotSaved("the saved build is from another version")
            if sb.state["fingerprint"] != code_fingerprint(str(p.reference.resolve()), BUILD_CODE):
                raise NotSaved("no saved build for this code and reference data")
            sb.files = {n: (s, m, k) for n, s, m, k in sb.con.execute("SELECT name, size, mtime, key FROM files")}
            sb.kv = {s: KV(sb.con, s) for s in SPACES}
            sb.frames()
        except (sqlite3.Error, codec.CodecError, KeyError, TypeError, OSError, ValueError) as exc:
            raise NotSaved(f"the saved build could not be read ({type(exc).__name__}: {exc})") from exc
        return sb

    def _read(self, tag: str, name: str) -> pd.DataFrame:
        return pd.read_parquet(self.folder / f"{tag}.{name}.parquet")

    def frames(self) -> dict:
        """The growing tables: the base with the journal parts' rows put in place."""
        if self._frames is None:
            frames = {n: self._read(self.state["base"], n) for n in GROWING}
            journal, replaced = self.state["journal"], self.state.get("replaced", {})
            for n, by in GROWING.items():
                parts = [self._read(tag, n) for tag in journal]
                later: set = set()  # the rows a later part replaces (by article, or by file for the corpus)
                for i in reversed(range(len(parts))):
                    if later:
                        parts[i] = parts[i][~parts[i][by].isin(later)]
                    later.update(replaced.get(journal[i], {}).get(n, ()))
                if later:
                    frames[n] = frames[n][~frames[n][by].isin(later)]
                if parts:
                    frames[n] = insert_sorted(frames[n], pd.concat(parts, ignore_index=True), by)
            frames["chronology"] = self._read(self.state["tables"], "chronology")
            frames["places"] = self._read(self.state["tables"], "places")
            self._frames = frames
        return self._frames

    def tables(self) -> dict:
        """The saved tables, as :class:`helpers.tables.Tables` holds them."""
        f = self.frames()
        return dict(
            articles=articles_table(f["corpus"]),
            events=f["events"],
            chronology=f["chronology"],
            places=f["places"],
            place_mentions=f["place_mentions"],
            figures=f["figures"],
            removed=f["removed"],
            unplaced=f["unplaced"],
            undated=f["undated"],
        )


def _write(folder, tag: str, frames: dict) -> None:
    for name, df in frames.items():
        if name == "corpus":
            df = df.drop(columns=[c for c in CORPUS_DROPPED if c in df.columns])
        df.to_parquet(folder / f"{tag}.{name}.parquet", index=False, compression=None)  # reads 4x faster


def save(
    p: Paths,
    inputs: Inputs,
    tables: dict,
    corpus: pd.DataFrame,
    state: dict,
    kv: dict,
    prev: SavedBuild | None = None,
    adds: dict | None = None,
    replaced: dict | None = None,
) -> None:
    """Save a build (never raises: without a writable interim folder, every run is a full build).

    ``tables``: the build's tables; ``corpus``: its corpus frame; ``state``: what the next run checks and
    reads (rounds, warnings, the dating log); ``kv``: the anchors, registry and clusters spaces (filled
    anew after a full build; the previous build's, changed, after a patch, with ``prev`` and ``adds``, the
    rows the patch added to the growing tables, saved as a journal part, in place of the rows of
    ``replaced``: table -> the keys, by its sort column, of the earlier articles the patch re-dated)."""
    folder = p.interim / "build"
    path = p.interim / "build.sqlite"
    tag = f"{time.time_ns():x}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        gone: dict = {}
        if prev is not None and adds is not None and len(prev.state["journal"]) < JOURNAL_MAX:
            base, journal = prev.state["base"], prev.state["journal"] + [tag]
            gone = {t: v for t, v in prev.state.get("replaced", {}).items() if t in journal}
            if replaced and any(replaced.values()):
                gone[tag] = {n: v for n, v in replaced.items() if v}
            _write(folder, tag, adds)
        else:
            base, journal = tag, []
            _write(folder, tag, {n: corpus if n == "corpus" else tables[n] for n in GROWING})
        _write(folder, tag, {"chronology": tables["chronology"], "places": tables["places"]})
        state = dict(
            state,
            version=VERSION,
            fingerprint=code_fingerprint(str(p.reference.resolve()), BUILD_CODE),
            sidecar=inputs.sidecar,
            saved_ns=inputs.taken_ns,
            base=base,
            journal=journal,
            replaced=gone,
            tables=tag,
        )
        con = prev.con if prev is not None else _connect(path)
        with con:
            con.execute("BEGIN IMMEDIATE")
            if prev is not None:  # another run saved since this one read the saved build: keep that one
                row = con.execute("SELECT value FROM meta WHERE name = 'saved_ns'").fetchone()
                if row is None or int(row[0]) != prev.state["saved_ns"]:
                    raise sqlite3.OperationalError("saved build changed meanwhile")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('state', ?)", (json.dumps(state, ensure_ascii=False),))
            con.execute("INSERT OR REPLACE INTO meta VALUES ('saved_ns', ?)", (str(state["saved_ns"]),))
            con.execute("DELETE FROM files")
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?)", [(n, *v) for n, v in sorted(inputs.files.items())])
            for space in kv.values():
                space.write(con)
        keep = {base, *journal, tag}
        for f in folder.glob("*.parquet"):
            if f.name.split(".")[0] not in keep:
                f.unlink(missing_ok=True)
    except (OSError, sqlite3.Error, codec.CodecError):
        pass


def insert_sorted(old: pd.DataFrame, add: pd.DataFrame, by: str) -> pd.DataFrame:
    """``old`` (sorted by ``by``) with the rows of ``add`` put in place, after the equal ones:
    what a stable sort of both gives, without reordering the big table."""
    if not len(add):
        return old.reset_index(drop=True)
    add = add.iloc[add[by].argsort(kind="stable")]
    keys = old[by].to_numpy()
    pos = keys.searchsorted(add[by].to_numpy(), side="right")
    parts, last = [], 0
    for p_ in sorted(set(pos)):
        parts += [old.iloc[last:p_], add[pos == p_]]
        last = p_
    parts.append(old.iloc[last:])
    return pd.concat(parts, ignore_index=True)
