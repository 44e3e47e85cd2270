"""Values to JSON and back, for everything the store keeps: no executable format on disk.

Plain JSON values stay as they are; dates, tuples and sets are tagged (``{"$date": "2020-01-03"}``,
``{"$tuple": [...]}``, ``{"$set": [...]}``, sorted), and a dataclass is tagged with its class name and
holds its fields (``{"$dc": "EventMention", "article_id": ..., ...}``). Only the classes the caller
names can come back: an unknown tag or a field a class does not have is a :class:`CodecError`, and the
caller treats the entry as absent. Adding a field to a dataclass needs nothing here: it is written
with the others, and an older entry without it gets the field's default.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import date


class CodecError(ValueError):
    """A stored value that cannot be read back (corrupt, or written by other code)."""


SHARED = 80  # characters: a text this long met more than once in a value (a sentence quoted by every row) is kept once


def _count(value, seen: Counter) -> None:
    """Count the long texts of ``value`` (at any depth)."""
    if isinstance(value, str):
        if len(value) >= SHARED:
            seen[value] += 1
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _count(v, seen)
    elif isinstance(value, dict):
        for v in value.values():
            _count(v, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.init:
                _count(getattr(value, f.name), seen)


def _plain(value, shared: dict[str, int] | None = None):
    """``value`` with dates, tuples, sets and dataclasses replaced by tagged JSON objects (and the texts of
    ``shared`` by ``{"$s": index}``)."""
    if isinstance(value, str):
        return {"$s": shared[value]} if shared and value in shared else value
    if value is None or isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_plain(v, shared) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [_plain(v, shared) for v in value]}
    if isinstance(value, (set, frozenset)):
        items = [_plain(v) for v in value]
        return {"$set": sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))}
    if isinstance(value, dict):
        if any(not isinstance(k, str) or k.startswith("$") for k in value):
            raise CodecError(f"dict keys must be strings not starting with $: {list(value)[:3]}")
        return {k: _plain(v, shared) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"$dc": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.init:
                out[f.name] = _plain(getattr(value, f.name), shared)
        return out
    raise CodecError(f"cannot store a {type(value).__name__}")


def dumps(value) -> str:
    """``value`` as compact JSON text (deterministic: same value, same text). A long text met several times
    (the sentence every event and figure of it quotes) is written once, in a first line ``S[...]``, and
    referred to by its index: what is stored grows with the text, not with the rows times their sentence."""
    seen: Counter = Counter()
    _count(value, seen)
    texts = [t for t, n in seen.items() if n > 1]
    body = json.dumps(_plain(value, {t: i for i, t in enumerate(texts)}), ensure_ascii=False, separators=(",", ":"))
    if not texts:
        return body
    return "S" + json.dumps(texts, ensure_ascii=False, separators=(",", ":")) + "\n" + body


def loads(text: str, classes: dict[str, type]):
    """The value :func:`dumps` wrote; dataclasses only of ``classes`` (name -> class)."""
    texts: list = []
    if text.startswith("S"):  # the long texts written once (JSON text has no raw line break)
        head, _, text = text.partition("\n")
        try:
            texts = json.loads(head[1:])
        except ValueError as exc:
            raise CodecError(str(exc)) from exc
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise CodecError("shared texts are not a list of texts")

    def hook(obj: dict):
        """One JSON object back as the value it stands for."""
        if "$dc" in obj:
            cls = classes.get(obj.pop("$dc"))
            if cls is None:
                raise CodecError("unknown class in stored value")
            try:
                return cls(**obj)
            except TypeError as exc:
                raise CodecError(str(exc)) from exc
        if len(obj) == 1:
            ((tag, v),) = obj.items()
            if tag == "$date":
                return date.fromisoformat(v)
            if tag == "$tuple":
                return tuple(v)
            if tag == "$set":
                return set(v)
            if tag == "$s":
                if not isinstance(v, int) or not 0 <= v < len(texts):
                    raise CodecError("a reference to no shared text")
                return texts[v]
        return obj

    try:
        return json.loads(text, object_hook=hook)
    except (ValueError, TypeError, AttributeError) as exc:  # json's and the hook's errors
        raise CodecError(str(exc)) from exc
