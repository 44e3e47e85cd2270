"""The French spaCy model, loaded once per process and shared by every extraction step that parses.

Loading ``fr_core_news_sm`` takes about three seconds (most of it compiling the tokenizer's rules):
the event frames (:mod:`helpers.extract.frames`) and the figures' roles
(:mod:`helpers.extract.figure_roles`) use the same pipeline, so they share one load. Place discovery
(:func:`helpers.extract.places.discover`) loads the NER pipeline only when a sentence needs it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def parser():
    """The small French model with tagger, parser, morphology and lemmas (no NER)."""
    import spacy

    return spacy.load("fr_core_news_sm", exclude=["ner"])
