"""What a stored result depends on, as a hash: the source of the stages that computed it and the
reference data. Per-article results (:mod:`helpers.store.results`) depend on the reading and
extraction code only, so a change to the charts or to the merge re-extracts nothing; the saved build
(:mod:`helpers.store.saved`) on every stage of the pipeline, not on the presentation."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ..read.files import digest

HELPERS_DIR = Path(__file__).resolve().parent.parent
# what a per-article result depends on: the reading and extraction code and what they import
EXTRACTION_CODE = ("read", "extract", "text.py", "vocabulary.py", "config.py")
# what a saved build depends on: every stage of the pipeline, not the presentation (charts, maps, report)
BUILD_CODE = EXTRACTION_CODE + ("across", "store", "tables.py", "build.py")


def code_fingerprint(reference_dir: str, parts: tuple[str, ...] = EXTRACTION_CODE) -> str:
    """A hash of the source of ``parts`` (folders or modules of ``helpers/``) and of every reference file:
    the key of what was computed with them. The reference files are hashed at every call (a few milliseconds):
    one edited while a notebook's kernel runs is seen by its next build; the code, as this process loaded it."""
    return hashlib.sha256(f"{_code(parts)}:{digest(Path(reference_dir))}".encode()).hexdigest()[:16]


@lru_cache(maxsize=16)
def _code(parts: tuple[str, ...]) -> str:
    """A hash of the source of ``parts`` (once per process: the code a process runs does not change)."""
    h = hashlib.sha256()
    files = []
    for part in parts:
        path = HELPERS_DIR / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    for p in files:
        h.update(p.relative_to(HELPERS_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()
