"""The French spaCy model, loaded once per process, and one parse per sentence.

``fr_core_news_sm`` is loaded once (:func:`model`; about three seconds, most of it spaCy compiling the
French tokenizer's rules when it imports its French language) and serves every step that reads a
sentence's analysis:

- the event frames (:mod:`helpers.extract.frames`) and the figures' roles
  (:mod:`helpers.extract.figure_roles`) read the dependency parse: tok2vec, morphologizer, parser,
  attribute ruler and lemmatizer (:func:`parse`, :func:`annotate`);
- place discovery (:func:`helpers.extract.places.discover`) reads the named entities: the tokenizer and
  the NER component alone (:func:`entities`; NER has its own embedding layer and reads nothing the
  others write). The sentence recognizer (disabled in the model) is not loaded.

Inside :func:`shared_parses` (one article's extraction), a text given to :func:`parse` more than once is
parsed once: the frames and the figures' roles read the same Doc when they give the parser the same text
(a parse does not depend on the batch it is part of). The Docs are dropped when the block ends, so
memory does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

BATCH = 64  # sentences per nlp.pipe batch (batches across articles measured no faster)


@lru_cache(maxsize=1)
def model():
    """The small French model, loaded once per process: the parsing components enabled, NER loaded but
    disabled (run alone by :func:`entities`), the sentence recognizer not loaded."""
    import spacy

    nlp = spacy.load("fr_core_news_sm", exclude=["senter"])
    nlp.disable_pipe("ner")
    return nlp


def parser():
    """The parsing pipeline (tagger, parser, morphology and lemmas; no NER): :func:`model`."""
    return model()


_shared: ContextVar[dict | None] = ContextVar("shared_parses", default=None)


@contextmanager
def shared_parses() -> Iterator[None]:
    """Within the block, :func:`parse` parses each distinct text once and returns the same Doc to every
    caller (read-only use; ``Doc.user_data`` is the callers' own memo and each sets what it reads)."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def parse(texts: list[str]) -> list:
    """The parses of ``texts`` (each as given to the tokenizer), in one batch; inside
    :func:`shared_parses`, a text already parsed in the block is not parsed again."""
    share = _shared.get()
    if share is None:
        return list(parser().pipe(texts, batch_size=BATCH))
    todo = [t for t in dict.fromkeys(texts) if t not in share]
    for t, doc in zip(todo, parser().pipe(todo, batch_size=BATCH)):
        share[t] = doc
    return [share[t] for t in texts]


def annotate(docs: list) -> list:
    """The parses of Docs already tokenized (and perhaps retokenized by the caller), in one batch."""
    for _, proc in parser().pipeline:
        docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def entities(texts: list[str]) -> list:
    """``texts`` tokenized and read by the NER component alone (its own embedding layer), in one batch."""
    nlp = model()
    return list(nlp.get_pipe("ner").pipe((nlp.make_doc(t) for t in texts), batch_size=BATCH))
