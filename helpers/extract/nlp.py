"""The French spaCy model, loaded once per process, and one parse per sentence.

``fr_core_news_sm`` is loaded once (:func:`model`; about three seconds, most of it spaCy compiling the
French tokenizer's rules when it imports its French language) and serves every step that reads a
sentence's analysis:

- the event frames (:mod:`helpers.extract.frames`) and the figures' roles
  (:mod:`helpers.extract.figure_roles`) read the dependency parse: tok2vec, morphologizer, parser,
  attribute ruler (its copy rules as a table: :class:`PosTags`) and lemmatizer (:func:`parse`, :func:`annotate`);
- place discovery (:func:`helpers.extract.places.discover`) reads the named entities: the tokenizer and
  the NER component alone (:func:`entities`; NER has its own embedding layer and reads nothing the
  others write). The sentence recognizer (disabled in the model) is not loaded.

The model's matrix products go to NumPy's BLAS (OpenBLAS) rather than thinc's default (blis): thinc's own
extension point, a backend registered by name (:class:`BlasOps`, as thinc-apple-ops does for Apple's
Accelerate) that the model is built with. Measured on this machine (an AMD EPYC, 2 cores), the BLAS product
of a batch's embeddings is three times faster than blis's, which makes the embedding layer (two thirds of the
parse) twice as fast; on 100,000 tokens of news the parses, tags, lemmas and entities are identical
either way. BLAS runs on one thread in the process (:func:`one_thread`): the articles are spread over
worker processes, one per core, and a second thread in each would only contend for the same cores.

Inside :func:`shared_parses` (one article's extraction), a text given to :func:`parse` more than once is
parsed once: the frames and the figures' roles read the same Doc when they give the parser the same text
(a parse does not depend on the batch it is part of). The Docs are dropped when the block ends, so
memory does not grow with the corpus.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import hash_string
from thinc.api import NumpyOps, registry, use_ops

BATCH = 64  # sentences per nlp.pipe batch (batches across articles measured no faster)


@registry.ops("BlasOps")
class BlasOps(NumpyOps):
    """thinc's NumPy backend whose matrix product (``gemm``) is NumPy's, i.e. its BLAS library."""

    name = "numpy-blas"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        """``x @ y`` (each transposed when asked), into ``out`` when given: thinc's ``Ops.gemm``."""
        a, b = (x.T if trans1 else x), (y.T if trans2 else y)
        if out is None:
            return numpy.matmul(a, b)
        return numpy.matmul(a, b, out=out)


@lru_cache(maxsize=1)
def one_thread() -> None:
    """BLAS on one thread in this process (see the module's note)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class PosTags:
    """The model's attribute ruler, its one-token rules « POS X: TAG X » done as a table lookup per token.

    ``fr_core_news_sm``'s ruler holds 23 rules: 20 of them copy a token's part of speech into its tag, the 3
    last ones mend whitespace tokens. Run by spaCy's Matcher, the 20 copies cost a match per token and rule
    (about a tenth of the parse's CPU: 2.8 ms of CPU per synthetic article against 0.2 ms here) for what is a
    lookup. Here the leading copy rules (``[[{"POS": p}]]`` setting ``{"TAG": t}`` only) are read off the ruler
    into a table; the rules after them run in a ruler of their own, in their order, as before, on a Doc holding
    a token they may match (whitespace, or the part of speech they ask): they read no tag, and a later rule
    overrides an earlier one as in the whole ruler, so every tag, part of speech, morphology and dependency
    label is what the whole ruler gives (:func:`fast_tags`; tests/test_nlp.py)."""

    def __init__(self, ruler, n_copies: int, table: dict[int, int], rest, needs: list | None = None):
        self.ruler, self.n_copies, self.table, self.rest = ruler, n_copies, table, rest
        # what a token must be for a later rule to match it (a part of speech, or whitespace), when every later
        # rule says: a Doc with no such token is left as it is without running them
        self._needs_pos = frozenset(v for k, v in needs or () if k == "POS")
        self._needs_space = any(k == "IS_SPACE" for k, _ in needs or ())
        self._always = rest is not None and needs is None

    def __call__(self, doc):
        table, needs_pos, needs_space = self.table, self._needs_pos, self._needs_space
        later = self._always
        for t in doc:
            p = t.pos
            tag = table.get(p)
            if tag is not None:
                t.tag = tag
            if not later and (p in needs_pos or (needs_space and t.is_space)):
                later = True
        return self.rest(doc) if later and self.rest is not None else doc


@Language.factory("pos_tags")
def _pos_tags(nlp, name):
    return PosTags(None, 0, {}, None)


def fast_tags(nlp) -> None:
    """``nlp``'s attribute ruler replaced by :class:`PosTags` when its leading rules are copies of the part of
    speech into the tag and no later rule reads a tag (else the ruler stays as it is)."""
    from spacy.parts_of_speech import IDS

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    rules = ruler.patterns
    table: dict[int, int] = {}
    n = 0
    for r in rules:
        pats, attrs = r["patterns"], r["attrs"]
        if not (len(pats) == 1 and len(pats[0]) == 1 and list(pats[0][0]) == ["POS"] and list(attrs) == ["TAG"]):
            break
        pos = pats[0][0]["POS"]
        if not isinstance(pos, str) or pos not in IDS or r.get("index", 0) not in (0, -1) or IDS[pos] in table:
            return
        table[IDS[pos]] = nlp.vocab.strings.add(attrs["TAG"])
        n += 1
    rest_rules = rules[n:]
    if not table or any("TAG" in str(r["patterns"]) for r in rest_rules):
        return
    rest, needs = None, []
    if rest_rules:
        from spacy.pipeline import AttributeRuler

        rest = AttributeRuler(nlp.vocab, name="attribute_ruler_rest")
        rest.add_patterns(rest_rules)
        for r in rest_rules:
            for pat in r["patterns"]:
                spec = pat[0] if len(pat) == 1 and isinstance(pat[0], dict) else {}
                if isinstance(spec.get("POS"), str) and spec["POS"] in IDS:
                    needs.append(("POS", IDS[spec["POS"]]))
                elif spec.get("IS_SPACE") is True:
                    needs.append(("IS_SPACE", True))
                else:
                    needs = None  # a rule that may match any token: the later rules run on every Doc
                    break
            if needs is None:
                break
    nlp.add_pipe("pos_tags", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    comp = nlp.get_pipe("pos_tags")
    comp.__init__(ruler, n, table, rest, needs)


class Lemmas:
    """The model's French lemmatizer (rule mode), each (word, part of speech) lemmatized once per process.

    spaCy's ``FrenchLemmatizer`` computes a token's lemma from its text and its part of speech only (its rules
    and tables by part of speech, else its lookup table) and keeps the result by (word, part of speech), but still
    goes through its whole call for every token (about 1.5 µs a token here); the lemma's string hash is kept here
    by the same key, and set as it sets it (a token that has a lemma already keeps it, unless the lemmatizer
    overwrites): every lemma is the lemmatizer's (:func:`fast_lemmas`; tests/test_nlp.py)."""

    MAX = 500_000  # pairs kept at most (then forgotten at once: memory stays bounded whatever the corpus)

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int], int] = {}

    def __call__(self, doc):
        known, lemmatize, overwrite = self.known, self.lemmatizer.lemmatize, self.lemmatizer.overwrite
        if len(known) > self.MAX:
            known.clear()
        strings = doc.vocab.strings
        for t in doc:
            if overwrite or t.lemma == 0:
                key = (t.orth, t.pos)
                h = known.get(key)
                if h is None:
                    h = known[key] = strings.add(lemmatize(t)[0])
                t.lemma = h
        return doc


@Language.factory("lemmas")
def _lemmas(nlp, name):
    return Lemmas(None)


def fast_lemmas(nlp) -> None:
    """``nlp``'s lemmatizer replaced by :class:`Lemmas` when it is spaCy's French one in rule mode (else it stays)."""
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    if type(lem) is not FrenchLemmatizer or lem.mode != "rule":
        return
    lem(nlp.make_doc("le"))  # its tables checked, as at its first call
    nlp.add_pipe("lemmas", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.get_pipe("lemmas").lemmatizer = lem


_HYPHEN = hash_string("-")  # the word « - » in a Doc's array of words (ORTH)
# the particles of Arabic names written with a hyphen (« al-Asad », « el-Sissi », « ad-Dawla »)
_PARTICLES = frozenset(("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "ben", "bin", "abou", "abu"))


def _joins(a, h, b) -> bool:
    """Whether the tokens ``a``, ``h``, ``b`` are one hyphenated name cut by the tokenizer (« Nouvelle - Zélande »,
    « al - Mouhandis »): a hyphen written tight between two words, the second capitalized, the first too or a
    particle."""
    return (
        h.text == "-"
        and not a.whitespace_
        and not h.whitespace_
        and a.is_alpha
        and b.is_alpha
        and b.text[:1].isupper()
        and (a.text[:1].isupper() or a.lower_ in _PARTICLES)
    )


class HyphenNames:
    """The pipeline's first component: :func:`hyphen_names` on each Doc (one by one or by batch)."""

    def __call__(self, doc):
        return hyphen_names(doc)

    def pipe(self, docs, batch_size: int = BATCH):
        """Each Doc of ``docs`` with its names joined, in order (``batch_size`` is spaCy's, unused)."""
        for doc in docs:
            yield hyphen_names(doc)


def _name_word(t) -> bool:
    """A capitalized word that may begin an Arabic name (« Hachd », « Aïn », « Abou »), not a capitalized
    article or preposition opening the sentence (« Le », « Selon »)."""
    return t.is_alpha and t.text[:1].isupper() and not t.is_stop and bool(t.whitespace_)


@Language.factory("hyphen_names")
def _hyphen_names(nlp, name):
    return HyphenNames()


def hyphen_names(doc):
    """One token for each hyphenated proper name the French tokenizer cut in three (« Nouvelle-Zélande »,
    « Royaume-Uni », « Pays-Bas », « Aïn al-Asad », « Abou Mahdi al-Mouhandis »): cut, the name parses as
    several sentences' roots and the clause around it falls apart. Names it keeps whole (« États-Unis »,
    « Grande-Bretagne ») and lowercase compounds (« nord-est », « a-t-il ») are left as they are."""
    spans, i, n = [], 0, len(doc)
    # only a hyphen's neighbours can be joined: the hyphens found in the Doc's array of words, no token read
    # elsewhere (most sentences have none)
    for h in numpy.flatnonzero(doc.to_array(ORTH) == _HYPHEN).tolist():
        if h - 1 < i or h - 1 >= n - 2 or not _joins(doc[h - 1], doc[h], doc[h + 1]):
            continue
        i = h - 1
        j = i + 2
        while j < n - 2 and _joins(doc[j], doc[j + 1], doc[j + 2]):
            j += 2
        k = i
        if doc[i].lower_ in _PARTICLES:
            # « Hachd al-Chaabi », « Aïn al-Asad », « Abou Mahdi al-Mouhandis »: the names before the particle
            # are the same name
            last = spans[-1].end if spans else 0
            while k - 1 >= last and k > i - 3 and _name_word(doc[k - 1]):
                k -= 1
        spans.append(doc[k : j + 1])
        i = j + 1
    if spans:
        with doc.retokenize() as r:
            for sp in spans:
                r.merge(sp)
    return doc


_LOADING = threading.Lock()  # extractions side by side (in_lockstep) asking for the model at once load it once


def model():
    """The small French model, loaded once per process, built on :class:`BlasOps`: the parsing components
    enabled, NER loaded but disabled (run alone by :func:`entities`), the sentence recognizer not loaded.
    ``model.cache_clear()`` lets it go (loaded again when next asked)."""
    with _LOADING:
        return _load()


@lru_cache(maxsize=1)
def _load():
    """:func:`model`, loaded."""
    import spacy

    one_thread()
    with use_ops(BlasOps.name):
        nlp = spacy.load("fr_core_news_sm", exclude=["senter"])
    nlp.disable_pipe("ner")
    fast_tags(nlp)
    fast_lemmas(nlp)
    nlp.add_pipe("hyphen_names", first=True)
    return nlp


model.cache_clear = _load.cache_clear


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


def parse(texts: list[str], made: list | None = None) -> list:
    """The parses of ``texts`` (each as given to the tokenizer), in one batch; inside
    :func:`shared_parses`, a text already parsed in the block is not parsed again. ``made``: the same texts
    already tokenized by the model (``make_doc``), parsed as they are instead of being tokenized again."""
    share = _shared.get()
    if share is None:
        return annotate(made if made is not None else [parser().make_doc(t) for t in texts])
    todo: dict = {}
    for k, t in enumerate(texts):
        if t not in share and t not in todo:
            todo[t] = parser().make_doc(t) if made is None else made[k]
    for t, doc in zip(todo, annotate(list(todo.values()))):
        share[t] = doc
    return [share[t] for t in texts]


def shared_parse(text: str):
    """The parse of ``text`` made earlier inside the current :func:`shared_parses` block, or None."""
    share = _shared.get()
    return None if share is None else share.get(text)


def annotate(docs: list) -> list:
    """The parses of Docs already tokenized (and perhaps retokenized by the caller), in one batch (with the other
    articles' in :func:`in_lockstep`)."""
    return _run("parse", list(docs))


def parse_and_annotate(texts: list[str], made: list, docs: list) -> tuple[list, list]:
    """:func:`parse` of ``texts`` (``made``: each already tokenized) and :func:`annotate` of ``docs``, in one
    batch: (the parses of ``texts``, those of ``docs``). A batch costs about a millisecond whatever its size (each
    layer of the model called once for all its sentences), and a parse does not depend on the batch it is part of."""
    share = _shared.get()
    if share is None:
        out = annotate(list(made) + list(docs))
        return out[: len(made)], out[len(made) :]
    todo: dict = {}
    for k, t in enumerate(texts):
        if t not in share and t not in todo:
            todo[t] = made[k]
    out = annotate(list(todo.values()) + list(docs))
    for t, doc in zip(todo, out):
        share[t] = doc
    return [share[t] for t in texts], out[len(todo) :]


def entities(texts: list[str]) -> list:
    """``texts`` tokenized and read by the NER component alone (its own embedding layer), in one batch (with the
    other articles' in :func:`in_lockstep`)."""
    nlp = model()
    return _run("ner", [nlp.make_doc(t) for t in texts])


def _run_now(kind: str, docs: list) -> list:
    """``docs`` through the parsing pipeline (``kind`` "parse") or the NER component ("ner"), in one batch."""
    if kind == "ner":
        return list(model().get_pipe("ner").pipe(docs, batch_size=BATCH))
    for _, proc in parser().pipeline:
        docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


# --- several articles' parses in one batch ---------------------------------------------------------------


class _Request:
    __slots__ = ("kind", "docs", "out", "error", "done")

    def __init__(self, kind: str, docs: list):
        self.kind, self.docs, self.out, self.error, self.done = kind, docs, None, None, False


class Lockstep:
    """The model's batches of several extractions run side by side (:func:`in_lockstep`): each asks for its parses
    (:func:`_run`) and waits; when every one still running waits, the parses they all asked for are made in one
    batch per kind (parsing pipeline, NER), and each goes on with its own. The extractions take turns (one thread
    runs at a time, and none while a batch runs), so what each computes is what it computes alone."""

    def __init__(self, n: int):
        self.cond = threading.Condition()
        self.running = n  # the extractions neither waiting nor finished
        self.pending: list[_Request] = []

    def submit(self, kind: str, docs: list) -> list:
        """The parses of ``docs`` (``kind``: see :func:`_run_now`), made with the other extractions' when they all
        wait."""
        req = _Request(kind, docs)
        with self.cond:
            self.pending.append(req)
            self.running -= 1
            if self.running == 0:
                self._flush()
            while not req.done:
                self.cond.wait()
        if req.error is not None:
            raise req.error
        return req.out

    def leave(self) -> None:
        """One extraction finished: the others' parses are made if they all wait."""
        with self.cond:
            self.running -= 1
            if self.running == 0 and self.pending:
                self._flush()

    def _flush(self) -> None:
        """Every request pending, one batch per kind (the lock held, every other extraction waiting)."""
        reqs, self.pending = self.pending, []
        for kind in ("parse", "ner"):
            group = [r for r in reqs if r.kind == kind]
            if not group:
                continue
            try:
                out = _run_now(kind, [d for r in group for d in r.docs])
            except Exception as exc:  # every extraction of the batch fails with it, none waits forever
                for r in group:
                    r.error = exc
                continue
            at = 0
            for r in group:
                r.out, at = out[at : at + len(r.docs)], at + len(r.docs)
        for r in reqs:
            r.done = True
        self.running += len(reqs)
        self.cond.notify_all()


_lockstep: ContextVar[Lockstep | None] = ContextVar("lockstep", default=None)


def _run(kind: str, docs: list) -> list:
    """:func:`_run_now`, or with the other extractions' parses inside :func:`in_lockstep`."""
    if not docs:
        return []
    step = _lockstep.get()
    return _run_now(kind, docs) if step is None else step.submit(kind, docs)


def in_lockstep(task: Callable, items: list) -> list:
    """``task`` over ``items``, each in a thread of its own, their parses made together (:class:`Lockstep`): one
    batch of the model for all the items' sentences instead of one per item and step. The results are in the items'
    order and are what ``task`` gives each item alone (a parse does not depend on its batch); the first item's
    exception that fails is raised."""
    if len(items) < 2:
        return [task(x) for x in items]
    step = Lockstep(len(items))
    out: list = [None] * len(items)
    errors: list = [None] * len(items)

    def run(i: int) -> None:
        _lockstep.set(step)  # this thread's own context
        try:
            out[i] = task(items[i])
        except BaseException as exc:  # raised below, in the caller's thread
            errors[i] = exc
        finally:
            step.leave()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(items))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in errors:
        if e is not None:
            raise e
    return out
