"""What a stored result depends on, as a hash: the source of the code that computed it (the module
that computes it and every helpers module it imports, at any depth) and the reference data.
Per-article results (:mod:`helpers.store.results`) depend on the per-article step
(``extract/article.py``) and what it imports, so a change to the charts, the merge or the naming of
sources re-extracts nothing; the saved build (:mod:`helpers.store.saved`) on ``build.py`` and what it
imports: every stage of the pipeline, not the presentation."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ..read.files import digest

HELPERS_DIR = Path(__file__).resolve().parent.parent
EXTRACTION_CODE = ("extract/article.py",)  # the per-article step
BUILD_CODE = ("build.py",)  # the whole pipeline


def _module_file(name: str) -> Path | None:
    """The file of a helpers module given as a dotted name relative to ``helpers`` ("" for the package)."""
    base = HELPERS_DIR.joinpath(*name.split(".")) if name else HELPERS_DIR
    for f in (base.with_suffix(".py"), base / "__init__.py"):
        if f.is_file():
            return f
    return None


# a relative import, at any indentation: "from ..read.corpus import a, b" or "from . import (x, y)"
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)", re.MULTILINE)


def closure(roots: tuple[str, ...]) -> list[Path]:
    """The files of ``roots`` (paths under ``helpers/``) and of every helpers module they import, at any
    depth (imports inside functions included), sorted. Imports are read by a regular expression (an
    import in a string counts too, which only makes the key stricter), fast enough for every run."""
    todo = [HELPERS_DIR / r for r in roots]
    seen: set[Path] = set()
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        package = f.relative_to(HELPERS_DIR).parts[:-1]
        for dots, module, names in _IMPORT.findall(f.read_text(encoding="utf-8")):
            level = len(dots)
            base = list(package[: len(package) - (level - 1)] if level > 1 else package)
            mod = ".".join(base + (module.split(".") if module else []))
            for name in names.strip("() \n").replace("\n", " ").split(","):
                name = name.split(" as ")[0].strip()
                if not name:
                    continue
                found = _module_file(f"{mod}.{name}" if mod else name) or _module_file(mod)
                if found is not None:
                    todo.append(found)
    return sorted(seen)


def code_fingerprint(reference_dir: str, roots: tuple[str, ...] = EXTRACTION_CODE) -> str:
    """A hash of the source that ``roots`` run (see :func:`closure`) and of every reference file: the key of
    what was computed with them. The reference files are hashed at every call (a few milliseconds): one
    edited while a notebook's kernel runs is seen by its next build; the code, as this process loaded it."""
    return hashlib.sha256(f"{_code(roots)}:{digest(Path(reference_dir))}".encode()).hexdigest()[:16]


@lru_cache(maxsize=16)
def _code(roots: tuple[str, ...]) -> str:
    """A hash of the source that ``roots`` run (once per process: the code a process runs does not change)."""
    h = hashlib.sha256()
    for p in closure(roots):
        h.update(p.relative_to(HELPERS_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()
