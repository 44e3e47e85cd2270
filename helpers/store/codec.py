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
from datetime import date


class CodecError(ValueError):
    """A stored value that cannot be read back (corrupt, or written by other code)."""


def _plain(value):
    """``value`` with dates, tuples, sets and dataclasses replaced by tagged JSON objects."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [_plain(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        items = [_plain(v) for v in value]
        return {"$set": sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))}
    if isinstance(value, dict):
        if any(not isinstance(k, str) or k.startswith("$") for k in value):
            raise CodecError(f"dict keys must be strings not starting with $: {list(value)[:3]}")
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"$dc": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.init:
                out[f.name] = _plain(getattr(value, f.name))
        return out
    raise CodecError(f"cannot store a {type(value).__name__}")


def dumps(value) -> str:
    """``value`` as compact JSON text (deterministic: same value, same text)."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str, classes: dict[str, type]):
    """The value :func:`dumps` wrote; dataclasses only of ``classes`` (name -> class)."""

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
        return obj

    try:
        return json.loads(text, object_hook=hook)
    except (ValueError, TypeError, AttributeError) as exc:  # json's and the hook's errors
        raise CodecError(str(exc)) from exc
