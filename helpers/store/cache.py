"""Per-article extraction cache under ``DATA/interim/extracts/``.

The key of an article's entry hashes everything its extraction depends on: the
normalized text and title, the publication window it was dated on, the source code of
the reading and extraction stages, and every reference file. Change any
of them and the key changes, so a stale result is never served; adding one article to a
large corpus re-extracts only that article (and those whose dates it changes).
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from ..config import Paths

HELPERS_DIR = Path(__file__).resolve().parent.parent
# what a per-article result depends on: the reading and extraction code and what they import
EXTRACTION_CODE = ("read", "extract", "text.py", "vocabulary.py", "config.py")
# what a saved build depends on: every stage of the pipeline, not the presentation (charts, maps, report)
BUILD_CODE = EXTRACTION_CODE + ("across", "store", "tables.py", "build.py")


@lru_cache(maxsize=16)
def code_fingerprint(reference_dir: str, parts: tuple[str, ...] = EXTRACTION_CODE) -> str:
    """A hash of the source of ``parts`` (folders or modules of ``helpers/``) and of every reference file:
    the key of what was computed with them."""
    h = hashlib.sha256()
    files = []
    for part in parts:
        path = HELPERS_DIR / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    for p in files:
        h.update(p.relative_to(HELPERS_DIR).as_posix().encode())
        h.update(p.read_bytes())
    for f in sorted(Path(reference_dir).glob("*")):
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


class ExtractCache:
    """A folder of pickles under ``DATA/interim/<kind>/``, one per key."""

    def __init__(self, paths: Paths, enabled: bool = True, kind: str = "extracts"):
        self.dir = paths.interim / kind
        self.enabled = enabled
        self.fingerprint = code_fingerprint(str(paths.reference.resolve()))
        self.hits = 0
        self.misses = 0

    def key(self, row) -> str:
        parts = [
            self.fingerprint,
            row.article_id,
            row.text,
            row.title,
            row.outlet or "",
            row.published or "",
            row.published_end or "",
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]

    def get_or_make(self, row, make, key: str | None = None):
        if not self.enabled:
            return make()
        path = self.dir / f"{key or self.key(row)}.pkl"
        if path.exists():
            try:
                with path.open("rb") as fh:
                    value = pickle.load(fh)
                self.hits += 1
                return value
            except Exception:  # a corrupt or incompatible entry is rebuilt, never trusted
                pass
        value = make()
        self.misses += 1
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only data folder: run without caching
        return value
