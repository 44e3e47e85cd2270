"""Compiled regular expressions kept on disk, for the spaCy French model's load.

Loading ``fr_core_news_sm`` spends about two of its three seconds compiling one regular
expression (the French tokenizer's ``TOKEN_MATCH``, a few hundred alternatives each with a
large Unicode class). Python keeps compiled patterns only in memory, so every process pays
it again. :func:`compiled_on_disk` records what ``re`` builds for large patterns (the
program ``re._compiler`` hands to ``_sre.compile``) and, in the next processes, hands the
recorded program to ``_sre.compile`` directly: the same pattern object, without the work.

The record's key is the pattern, its flags, the Python version and ``_sre.MAGIC`` (the
format of compiled programs), so a record is never used by another interpreter. Anything
unexpected (no cache folder, a corrupt file, another Python) falls back to compiling.
"""
from __future__ import annotations

import contextlib
import hashlib
import pickle
import re
import sys
from pathlib import Path

import _sre
from re import _compiler

MIN_LENGTH = 2000  # smaller patterns compile in well under a millisecond


def _key(pattern: str, flags: int) -> str:
    return hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{flags}|{pattern}".encode("utf-8")).hexdigest()


@contextlib.contextmanager
def compiled_on_disk(path: Path):
    """Within the block, large ``str`` patterns are compiled from/recorded into ``path``."""
    try:
        with path.open("rb") as fh:
            store = pickle.load(fh)
        if not isinstance(store, dict):
            store = {}
    except Exception:
        store = {}
    new: dict = {}
    original = _compiler.compile

    def compile(p, flags=0):
        if not isinstance(p, str) or len(p) < MIN_LENGTH or flags & re.LOCALE:
            return original(p, flags)
        key = _key(p, flags)
        if key in store:
            try:
                return _sre.compile(*store[key])
            except Exception:
                pass
        seen = {}
        real = _compiler._sre.compile

        def record(*args):
            seen["args"] = args
            return real(*args)

        _compiler._sre.compile = record
        try:
            out = original(p, flags)
        finally:
            _compiler._sre.compile = real
        if "args" in seen:
            a = seen["args"]
            new[key] = (a[0], a[1], [int(c) for c in a[2]], a[3], dict(a[4]), tuple(a[5]))
        return out

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = original
        if new:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                with tmp.open("wb") as fh:
                    pickle.dump(store | new, fh, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(path)
            except OSError:
                pass
