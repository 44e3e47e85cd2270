"""Per-article results, kept between runs in ``DATA/interim/results.sqlite``.

One SQLite table maps (kind, key) to a JSON value (see :mod:`helpers.store.codec`):

- ``read``: a file as the reading stage leaves it (text, title, outlet, its own publication date…),
  keyed by the file's bytes, its name, its sidecar row and the code;
- ``extract``: an article's extraction (:class:`helpers.extract.article.ArticleExtract`), keyed by its
  text, title, outlet, the publication window it was dated on and the code;
- ``dated``: an article's publication date under a given set of corpus constraints.

"The code" is :func:`helpers.store.cache.code_fingerprint`: the source of the reading and extraction
stages and every reference file, so a stale result is never served, and a change to the charts or the
merge re-extracts nothing. A value that cannot be read back is computed again; a store that cannot be
opened is replaced (the reason is in :attr:`ResultStore.notes`); a data folder that cannot be written
runs without a store.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable

from ..config import Paths
from ..extract.article import ArticleExtract
from ..extract.events import EventMention
from ..extract.places import Mention
from ..text import Sentence
from . import codec
from .fingerprint import code_fingerprint

CLASSES = {c.__name__: c for c in (ArticleExtract, EventMention, Mention, Sentence)}
SCHEMA_VERSION = 1
_MISSING = object()


class ResultStore:
    """(kind, key) -> value, in ``DATA/interim/results.sqlite``. Writes are batched: call :meth:`close`."""

    def __init__(self, paths: Paths):
        self.path = paths.interim / "results.sqlite"
        self.fingerprint = code_fingerprint(str(paths.reference.resolve()))
        self.notes: list[str] = []
        self.hits = self.misses = 0
        self._pending: list[tuple[str, str, str]] = []
        self.con = self._open()

    def _open(self) -> sqlite3.Connection:
        for attempt in (1, 2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(self.path, timeout=60)
                if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    con.execute("DROP TABLE IF EXISTS results")
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                con.execute(
                    "CREATE TABLE IF NOT EXISTS results (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))"
                    " WITHOUT ROWID"
                )
                con.commit()
                return con
            except sqlite3.DatabaseError as exc:  # not a database, or a damaged one: start anew
                if attempt == 1:
                    self.notes.append(f"{self.path.name} could not be read ({exc}); per-article results computed anew")
                    try:
                        self.path.unlink(missing_ok=True)
                    except OSError:
                        break
            except OSError as exc:
                self._cannot_write(exc)
                break
        return sqlite3.connect(":memory:")  # a read-only data folder: nothing kept between runs

    def key(self, *parts) -> str:
        """A key for ``parts`` (strings, or values with a stable ``repr``) under this store's code."""
        text = "\x1f".join([self.fingerprint] + [p if isinstance(p, str) else repr(p) for p in parts])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def get(self, kind: str, key: str, default=None):
        """The value stored under (kind, key), or ``default`` (also for a value that cannot be read back)."""
        try:
            row = self.con.execute("SELECT value FROM results WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            return default
        try:
            return codec.loads(row[0], CLASSES)
        except codec.CodecError:
            return default

    def put(self, kind: str, key: str, value) -> None:
        """Store ``value`` under (kind, key) (written at the next flush; an unstorable value is skipped)."""
        try:
            self._pending.append((kind, key, codec.dumps(value)))
        except codec.CodecError:
            return  # not storable: computed again next time
        if len(self._pending) >= 500:
            self.flush()

    def get_or_make(self, kind: str, key: str, make: Callable[[], object]):
        """The stored value, or ``make()`` (then stored)."""
        value = self.get(kind, key, _MISSING)
        if value is not _MISSING:
            self.hits += 1
            return value
        self.misses += 1
        value = make()
        self.put(kind, key, value)
        return value

    def get_or_make_many(self, kind: str, keys: list[str], make: Callable[[list[int]], Iterable]) -> list:
        """The stored values of ``keys``, in order; the missing ones made by ``make(indices)`` (an iterable
        of their values, in the order of ``indices``), then stored."""
        out = [self.get(kind, k, _MISSING) for k in keys]
        todo = [i for i, v in enumerate(out) if v is _MISSING]
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        if todo:
            for i, value in zip(todo, make(todo), strict=True):
                self.put(kind, keys[i], value)
                out[i] = value
        return out

    def flush(self) -> None:
        """Write the pending values in one transaction."""
        if not self._pending:
            return
        try:
            with self.con:
                self.con.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", self._pending)
        except sqlite3.Error as exc:  # a full disk, a read-only folder, a locked file: computed again next time
            self._cannot_write(exc)
            # this build still reads back what it made (a full build reads each extraction again for its tables)
            self.con = sqlite3.connect(":memory:")
            self.con.execute("CREATE TABLE results (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
            with self.con:
                self.con.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", self._pending)
        self._pending = []

    def _cannot_write(self, exc: Exception) -> None:
        """Say once that nothing is kept between runs, and why."""
        why = getattr(exc, "strerror", None) or str(exc)
        note = f"{self.path.parent}: per-article results cannot be kept there ({why}); they are computed at every run"
        if not any(n.startswith(f"{self.path.parent}: per-article results cannot be kept") for n in self.notes):
            self.notes.append(note)

    def close(self) -> None:
        """Flush and close the database."""
        self.flush()
        self.con.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
