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
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..across.dating import ConstraintLog
from ..config import Paths
from ..read.corpus import MAX_SIDECAR_BYTES, SidecarRows, article_names, articles_table, file_key, read_sidecar
from ..read.files import NotRead, read_regular, real_name
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


class AnchorRef(NamedTuple):
    """What date reasoning reads of an anchor event (see :func:`helpers.across.dating.article_constraints`): a
    named tuple, made by the thousand when a rebuild reads the saved anchors of a common key."""

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
    that keeps both, or a permission fixed, is seen). A process that scanned the folder before hashes
    again only the files whose identity changed since (:func:`identity`'s, with the change time, which
    no program can set back: an edit that keeps the size and the modification time still changes it),
    and the files changed in the 2 s before it hashed them (:data:`SETTLED_NS`)."""
    taken = time.time_ns()
    data, digest = _sidecar_bytes(p)
    if data is not None:
        rows, notes = read_sidecar(p.sidecar, data)
    else:  # none, or one that is not read (a link, a pipe…: the reason is in the hash's place)
        rows, notes = SidecarRows(), ([f"{p.sidecar.name}: {digest}"] if digest else [])
    fp = code_fingerprint(str(p.reference.resolve()))
    out = {}
    articles = p.articles
    folder = str(articles.resolve())
    known, kept = _KEYS.get(folder, {}), {}
    base = str(articles)
    for rel in article_names(articles):
        path = os.path.join(base, real_name(rel))  # a string: a Path per file costs more than its stat
        meta = rows.get(rel, {})
        try:
            st = os.lstat(path)
            size, mtime = st.st_size, st.st_mtime_ns
            ident = (st.st_dev, st.st_ino, size, mtime, st.st_ctime_ns) if S_ISREG(st.st_mode) else None
        except OSError:
            size, mtime, ident = -1, -1, None
        got = known.get(rel)
        if ident is not None and got is not None and got[:3] == (ident, meta, fp):
            key = got[3]
        else:
            key = file_key(Path(path), rel, meta, fp)
        if ident is not None and key is not None and max(ident[3], ident[4]) < taken - SETTLED_NS:
            kept[rel] = (ident, dict(meta), fp, key)
        out[rel] = (size, mtime, key)
    _KEYS[folder] = kept
    return Inputs(out, digest, taken, rows, notes)


# the content keys this process computed, by articles folder and file: a file whose identity (device, inode,
# size, modification and change times) is the one it had when its bytes were hashed keeps its key
_KEYS: dict = {}
SETTLED_NS = 2_000_000_000  # only a file unchanged for this long before a scan: a write in the same clock
# tick as the one before it leaves the times as they were, but not one made 2 s later


def changed_since(p: Paths, inputs: Inputs) -> list[str]:
    """What changed in the inputs while the build ran (files added, removed or rewritten, the sidecar),
    one warning each: those changes are not in this build's tables and are read at the next run."""
    articles = p.articles
    base = str(articles)
    names = set(article_names(articles))
    out = []
    for rel in sorted(names | set(inputs.files)):
        if rel not in inputs.files:
            out.append(f"{rel}: added while the build ran; read at the next run")
            continue
        if rel not in names:
            out.append(f"{rel}: removed while the build ran; the next run takes it out")
            continue
        try:
            now = stat(os.path.join(base, real_name(rel)))
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

    def __init__(self, con: sqlite3.Connection | None, space: str, read: dict | None = None):
        self.con, self.space = con, space
        # the values read (None: known to be absent); ``read``: those this process knows of the saved build already
        self._read: dict = {} if read is None else read
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

    def saved(self) -> dict | None:
        """What this process knows of the space once :meth:`write`'s transaction is committed (the values read
        and the changes written), or None after a fill (the whole space: not kept, it may be large)."""
        if self.replaced:
            return None
        return self._read | self.changed

    def write(self, con: sqlite3.Connection) -> None:
        """Write the changes (or the whole space, after a fill) in ``con``'s transaction."""
        if self.replaced:
            con.execute("DELETE FROM kv WHERE space = ?", (self.space,))
        enc = _ENCODE[self.space]
        rows = (  # encoded as written: a full build's whole space is never held as text at once
            (self.space, _key(k), json.dumps(enc(v), ensure_ascii=False, separators=(",", ":")))
            for k, v in self.changed.items()
            if v is not None
        )
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
            known = _KNOWN.get(str(sb.path))
            if known is None or known["saved_ns"] != sb.state["saved_ns"]:  # not the build this process saved last
                files = {n: (s, m, k) for n, s, m, k in sb.con.execute("SELECT name, size, mtime, key FROM files")}
                known = _KNOWN[str(sb.path)] = dict(saved_ns=sb.state["saved_ns"], files=files, kv={})
            sb.files = dict(known["files"])
            sb.kv = {s: KV(sb.con, s, known["kv"].setdefault(s, {})) for s in SPACES}
            sb.frames()
        except (sqlite3.Error, codec.CodecError, KeyError, TypeError, OSError, ValueError) as exc:
            raise NotSaved(f"the saved build could not be read ({type(exc).__name__}: {exc})") from exc
        return sb

    def _read(self, tag: str, name: str) -> pd.DataFrame:
        return read_table(self.folder / f"{tag}.{name}.parquet")

    def frames(self) -> dict:
        """The growing tables: the base with the journal parts' rows put in place. A process that made them for
        an earlier state of the same base and journal (a live kernel's previous build) puts in only the parts
        written since (each part's rows after the rows of the same key, in place of the rows it replaces: what
        putting them all in at once gives)."""
        if self._frames is None:
            base, journal, replaced = self.state["base"], self.state["journal"], self.state.get("replaced", {})
            known = _FRAMES.get(str(self.path))
            if known is not None and _continues(known, base, journal, replaced, self.folder):
                frames = dict(known["frames"])
                for tag in journal[len(known["journal"]) :]:
                    for n, by in GROWING.items():
                        gone = replaced.get(tag, {}).get(n, ())
                        old = frames[n][~frames[n][by].isin(set(gone))] if gone else frames[n]
                        frames[n] = insert_sorted(old, self._read(tag, n), by)
            else:
                frames = self._from_files(base, journal, replaced)
            _FRAMES[str(self.path)] = dict(
                base=base, journal=list(journal), replaced={t: replaced[t] for t in journal if t in replaced},
                idents=_identities(self.folder, base, journal), frames={n: frames[n] for n in GROWING},
            )  # fmt: skip
            frames["chronology"] = self._read(self.state["tables"], "chronology")
            frames["places"] = self._read(self.state["tables"], "places")
            self._frames = frames
        return self._frames

    def _from_files(self, base: str, journal: list, replaced: dict) -> dict:
        """The growing tables from the base and every journal part."""
        frames = {n: self._read(base, n) for n in GROWING}
        for n, by in GROWING.items():
            parts = [self._read(tag, n) for tag in journal]
            later: set = set()  # the rows a later part replaces (by article, or by file for the corpus)
            for i in reversed(range(len(parts))):
                if later:
                    parts[i] = parts[i][~parts[i][by].isin(later)]
                later.update(replaced.get(journal[i], {}).get(n, ()))
            if later:
                frames[n] = frames[n][~frames[n][by].isin(later)]
            # a part written without rows adds nothing, nor the types of its columns (as when put in alone)
            parts = [part for tag, part in zip(journal, parts) if not self._empty(tag, n)]
            if parts:
                frames[n] = insert_sorted(frames[n], pd.concat(parts, ignore_index=True), by)
        return frames

    def _empty(self, tag: str, name: str) -> bool:
        """Was a table's part written without rows?"""
        return not len(self._read(tag, name))

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


_TABLES: dict = {}  # path -> (identity of the file, the frame read from it): what this process read
# build.sqlite's path -> the growing tables this process made last (SavedBuild.frames), with the base, journal and
# replaced rows they were made of and the identities of their files
_FRAMES: dict = {}


def _identities(folder: Path, base: str, journal: list) -> list:
    """The identities of the growing tables' files of a base and its journal (None for a file missing)."""
    out = []
    for tag in [base, *journal]:
        for n in GROWING:
            try:
                out.append(identity(folder / f"{tag}.{n}.parquet"))
            except OSError:
                out.append(None)
    return out


def _continues(known: dict, base: str, journal: list, replaced: dict, folder: Path) -> bool:
    """Are the growing tables ``known`` those of the start of this base and journal, from the same files?"""
    done = known["journal"]
    return (
        known["base"] == base
        and journal[: len(done)] == done
        and all(replaced.get(t) == known["replaced"].get(t) for t in done)
        and _identities(folder, base, done) == known["idents"]
    )


# build.sqlite's path -> what this process knows of the saved build there, while it is the one of ``saved_ns`` (the
# build this process read or saved last): its files and the kv values read or written (a live kernel's next build
# reads and decodes again only the values it did not meet)
_KNOWN: dict = {}
TABLES_KEPT = 64  # table files kept in memory (a base and its journal parts: every growing table, 16 patches)


def identity(path) -> tuple:
    """What tells a file from any other version of it: device, inode, size, and modification and change
    times (the change time cannot be set back by a program: a file rewritten, even to its old size and
    time, differs)."""
    st = os.stat(path)
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def read_table(path) -> pd.DataFrame:
    """A saved table file's frame, read once per process while the file stays the same (a live notebook
    kernel that builds again reads only the table files the last build wrote). The tool never rewrites a
    table file (each save writes files of a new name); one rewritten by anything else has another identity
    and is read again. The frame is the one read (copy on write: a caller's change never reaches it)."""
    key = str(path)
    try:
        ident = identity(path)
    except OSError:
        ident = None
    got = _TABLES.get(key)
    if ident is not None and got is not None and got[0] == ident:
        return got[1].copy(deep=False)
    df = pd.read_parquet(path)
    if ident is not None:
        _TABLES.pop(key, None)
        _TABLES[key] = (ident, df)
        while len(_TABLES) > TABLES_KEPT:
            _TABLES.pop(next(iter(_TABLES)))
    return df.copy(deep=False)


def _remember(path, df: pd.DataFrame) -> None:
    """What :func:`read_table` gives of a table file this process has just written from ``df`` (written without
    its index: the file holds its values, types and columns, which a read gives back)."""
    _TABLES.pop(str(path), None)
    _TABLES[str(path)] = (identity(path), df.reset_index(drop=True))
    while len(_TABLES) > TABLES_KEPT:
        _TABLES.pop(next(iter(_TABLES)))


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
        whole = {"chronology": tables["chronology"], "places": tables["places"]}  # written anew at each save
        _write(folder, tag, whole)
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
            if prev is not None:  # the rows of the files that changed
                gone_files = [(n,) for n in sorted(set(prev.files) - set(inputs.files))]
                con.executemany("DELETE FROM files WHERE name = ?", gone_files)
                rows = [(n, *v) for n, v in sorted(inputs.files.items()) if prev.files.get(n) != tuple(v)]
                con.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)
            else:
                con.execute("DELETE FROM files")
                con.executemany(
                    "INSERT INTO files VALUES (?, ?, ?, ?)", [(n, *v) for n, v in sorted(inputs.files.items())]
                )
            for space in kv.values():
                space.write(con)
        known = {s: space.saved() for s, space in kv.items()}
        _KNOWN[str(path)] = dict(
            saved_ns=state["saved_ns"],
            files={n: tuple(v) for n, v in inputs.files.items()},
            kv={s: v for s, v in known.items() if v is not None},
        )
        for name, df in whole.items():  # the next build of this process reads them from here, not from the file
            _remember(folder / f"{tag}.{name}.parquet", df)
        keep = {base, *journal, tag}
        for f in folder.glob("*.parquet"):
            if f.name.split(".")[0] not in keep:
                f.unlink(missing_ok=True)
                _TABLES.pop(str(f), None)
    except (OSError, sqlite3.Error, codec.CodecError):
        pass


def rows_where(df: pd.DataFrame, mask) -> pd.DataFrame:
    """``df[mask]``, the same frame (values, index, types), made of slices of ``df`` when the rows kept
    form a few runs (a big table less a few rows, or a few rows of it): a boolean filter copies every
    value of every column, where a slice copies none."""
    keep = np.asarray(mask, dtype=bool)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], keep, [False])).astype(np.int8)))
    if len(edges) > 2 * SLICES_MAX:
        return df[keep]
    if len(edges) == 2 and edges[0] == 0 and edges[1] == len(df):
        return df.copy(deep=False)
    if not len(edges):
        return df.iloc[0:0]
    return pd.concat([df.iloc[a:b] for a, b in zip(edges[::2], edges[1::2])])


SLICES_MAX = 64  # runs of rows put together from slices (beyond, a filter is as quick)


def insert_sorted(old: pd.DataFrame, add: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """``old`` (sorted by ``by``, a column or a list of columns) with the rows of ``add`` put in place, after the
    equal ones: what a stable sort of both gives, without reordering the big table."""
    if not len(add):
        return old.reset_index(drop=True)
    if isinstance(by, str):
        add = add.iloc[add[by].argsort(kind="stable")]
        pos = old[by].to_numpy().searchsorted(add[by].to_numpy(), side="right")
    else:  # each row's place found by bisection: a few cells of the big table read, not its columns converted
        add = add.sort_values(by, kind="stable")
        cols = [old[c].array for c in by]
        at = range(len(old))
        pos = np.array(
            [bisect_right(at, row, key=lambda i: tuple(c[i] for c in cols)) for row in zip(*(add[c] for c in by))],
            dtype=np.int64,
        )
    parts, last = [], 0
    for p_ in sorted(set(pos)):
        parts += [old.iloc[last:p_], add[pos == p_]]
        last = p_
    parts.append(old.iloc[last:])
    return pd.concat(parts, ignore_index=True)
