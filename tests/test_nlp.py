"""One spaCy model per process, one parse per sentence: the event frames and the figures' roles share the
Doc of a sentence they both read, and NER runs alone on the same model. Sentences written for these tests."""

from types import SimpleNamespace

import pytest

ARTICLE = (
    "Irak : des roquettes visent une base\n\n"
    "BAGDAD, 3 mars 2021 (AFP) - Trois roquettes ont frappé mardi la base aérienne d'Aïn al-Assad, "
    "blessant deux soldats américains, a indiqué la coalition.\n"
    "Environ 2 500 militaires américains restent déployés en Irak, selon le Pentagone.\n"
    "Le Parlement avait demandé en janvier le départ des troupes étrangères.\n"
)


def _signature(doc) -> list:
    return [(t.text, t.idx, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in doc]


def test_a_text_parsed_twice_in_a_block_is_parsed_once():
    from helpers.extract import nlp

    text = "Les forces américaines ont quitté la base de Taji lundi."
    with nlp.shared_parses():
        first = nlp.parse([text])[0]
        again = nlp.parse([text, text])
    assert again[0] is first and again[1] is first, "the same text was parsed again inside shared_parses"
    assert nlp.parse([text])[0] is not first, "a Doc outlived its block: memory would grow with the corpus"


def test_a_shared_parse_is_the_parse_of_the_sentence_alone():
    from helpers.extract import nlp

    texts = ["Deux drones ont visé l'aéroport d'Erbil dans la nuit.", "Le retrait sera achevé en septembre."]
    with nlp.shared_parses():
        shared = nlp.parse(texts)
    alone = [nlp.parser()(t) for t in texts]
    for a, b in zip(shared, alone):
        assert _signature(a) == _signature(b), f"a batch changed the parse of {a.text!r}"


def test_frames_and_figures_parse_each_sentence_of_an_article_once(monkeypatch):
    from helpers.extract import nlp
    from helpers.extract.article import extract_article
    from helpers.extract.places import PlaceMatcher
    from tests.conftest import ROOT

    model = nlp.parser()
    parsed: list[tuple] = []  # the tokens of each text parsed (numbers made one token are another parse)

    class First:
        """The pipeline's first component, counting the Docs it reads."""

        def __init__(self, proc):
            self.proc = proc

        def pipe(self, docs, **kw):
            docs = list(docs)
            parsed.extend(tuple(t.text for t in d) for d in docs)
            return self.proc.pipe(docs, **kw)

    class Counting:
        """The model, counting the texts it parses (through ``pipe`` or component by component)."""

        def __getattr__(self, name):
            return getattr(model, name)

        @property
        def pipeline(self):
            (name, proc), *rest = model.pipeline
            return [(name, First(proc)), *rest]

        def pipe(self, texts, **kw):
            texts = list(texts)
            # a text, or a Doc tokenized already (nlp.parse with ``made``)
            parsed.extend(tuple(t.text for t in (model.make_doc(x) if isinstance(x, str) else x)) for x in texts)
            return model.pipe(texts, **kw)

    monkeypatch.setattr(nlp, "parser", lambda: Counting())
    row = SimpleNamespace(
        article_id="a1", text=ARTICLE, title="Irak : des roquettes visent une base", outlet="AFP",
        published="2021-03-03", published_end="2021-03-03", published_precision="day",
    )  # fmt: skip
    ex = extract_article(row, PlaceMatcher.load(ROOT / "data" / "reference"), use_ner=False)
    assert ex.events and ex.figures, "the test article should give events and figures"
    repeated = sorted({" ".join(t) for t in parsed if parsed.count(t) > 1})
    assert not repeated, f"parsed more than once in one article: {repeated}"


def test_texts_and_retokenized_docs_parsed_in_one_batch_parse_as_each_alone():
    from helpers.extract import nlp

    texts = ["Quelque 2 500 soldats restent déployés dans le pays.", "Le convoi a quitté la base mardi soir."]
    model = nlp.parser()
    merged = model.make_doc(texts[0])
    with merged.retokenize() as r:
        r.merge(merged[1:3])  # « 2 500 » one token, as the figures' roles read it
    with nlp.shared_parses():
        parsed, annotated = nlp.parse_and_annotate(texts[1:], [model.make_doc(texts[1])], [merged])
        assert nlp.parse(texts[1:])[0] is parsed[0], "a text parsed with a retokenized Doc was not shared"
    alone = model.make_doc(texts[0])
    with alone.retokenize() as r:
        r.merge(alone[1:3])
    assert _signature(annotated[0]) == _signature(nlp.annotate([alone])[0])
    assert _signature(parsed[0]) == _signature(model(texts[1]))


@pytest.mark.parametrize(
    "sentence",
    [
        "Des combattants ont été vus près de la localité de Jurf al-Sakhar, au sud de Bagdad.",
        "Le convoi a été attaqué à la frontière syrienne, près de la ville d'Al-Qaïm.",
        "Les soldats ont quitté le camp Taji pour la base de Harir, au nord d'Erbil.",
    ],
)
def test_ner_alone_finds_what_the_ner_pipeline_finds(sentence):
    import spacy

    from helpers.extract import nlp

    whole = spacy.load("fr_core_news_sm", exclude=["morphologizer", "parser", "attribute_ruler", "lemmatizer"])
    want = [(e.start_char, e.end_char, e.label_) for e in whole(sentence).ents]
    got = [(e.start_char, e.end_char, e.label_) for e in nlp.entities([sentence])[0].ents]
    assert got == want, f"NER run alone on the shared model differs from spaCy's NER pipeline: {got} != {want}"


def test_an_article_with_nothing_to_parse_does_not_load_the_model(monkeypatch):
    from helpers.extract import nlp
    from helpers.extract.article import extract_article
    from helpers.extract.places import PlaceMatcher
    from tests.conftest import ROOT

    asked: list[str] = []

    def refuse():
        asked.append("model")
        raise AssertionError("the spaCy model was asked for")

    monkeypatch.setattr(nlp, "model", refuse)
    monkeypatch.setattr(nlp, "parser", refuse)
    text = (
        "Le grand marché de Bagdad rouvre\n\n"
        "Les commerçants du grand marché de la capitale ont rouvert leurs échoppes.\n"
        "Les prix des légumes restent élevés, selon les habitants.\n"
    )
    row = SimpleNamespace(
        article_id="a2", text=text, title="Le grand marché de Bagdad rouvre", outlet="AFP",
        published="2024-03-03", published_end="2024-03-03", published_precision="day",
    )  # fmt: skip
    ex = extract_article(row, PlaceMatcher.load(ROOT / "data" / "reference"), use_ner=True)
    assert not ex.events and not ex.figures, "the test article should give no event and no figure"
    assert not asked, "an article with no sentence to parse loaded the spaCy model (about 3 s of a warm rebuild)"


def test_a_text_tokenized_already_is_parsed_in_its_own_doc_as_the_text_alone():
    from helpers.extract import nlp

    text = "Les soldats italiens quitteront la base d'Erbil en mars."
    made = nlp.parser().make_doc(text)
    with nlp.shared_parses():
        doc = nlp.parse([text], [made])[0]
        again = nlp.parse([text])[0]
    assert doc is made, "a Doc tokenized already was tokenized again"
    assert again is doc, "the parse of a Doc tokenized already was not shared with the same text"
    assert _signature(doc) == _signature(nlp.parser()(text)), "a Doc tokenized already parsed differently"


@pytest.mark.parametrize(
    "text",
    [
        "Deux roquettes sont tombées mardi près de la base de Balad, sans faire de victime.",
        "Le ministre a déclaré  :  « Nous partirons   en septembre »,\n\n selon un communiqué .",
        "Les forces\tkurdes ont repris le contrôle du poste-frontière\n après trois jours de combats.",
        " ",
        "",
    ],
)
def test_tags_parts_of_speech_and_morphology_are_those_of_the_attribute_ruler(text):
    import spacy
    from thinc.api import use_ops

    from helpers.extract import nlp

    with use_ops(nlp.BlasOps.name):
        shipped = spacy.load("fr_core_news_sm", exclude=["senter", "ner"])
    assert "attribute_ruler" in shipped.pipe_names and "attribute_ruler" not in nlp.parser().pipe_names

    def full(doc) -> list:
        return [(t.text, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.lemma_) for t in doc]

    assert full(nlp.parser()(text)) == full(shipped(text)), "the ruler's rules as a table changed an annotation"


def test_lemmas_are_those_of_spacys_french_lemmatizer_first_time_and_again():
    import spacy
    from thinc.api import use_ops

    from helpers.extract import nlp

    texts = [
        "Les soldats qu'il avait envoyés sont rentrés hier ; elles n'étaient pas parties.",
        "Nous partirons en septembre, a-t-il affirmé, et les Italiens auront quitté Taji.",
        "Des tirs de roquettes ont visé les bases où étaient stationnées des troupes étrangères.",
    ]
    with use_ops(nlp.BlasOps.name):
        shipped = spacy.load("fr_core_news_sm", exclude=["senter", "ner"])
    assert "lemmatizer" in shipped.pipe_names and "lemmatizer" not in nlp.parser().pipe_names
    for _ in range(2):  # the second time, every (word, part of speech) is known already
        for text in texts:
            got = [(t.text, t.pos_, t.lemma_) for t in nlp.parser()(text)]
            assert got == [(t.text, t.pos_, t.lemma_) for t in shipped(text)], f"a lemma differs in {text!r}"


@pytest.mark.parametrize(
    "text,name,role",
    [
        ("La Nouvelle-Zélande retirera ses formateurs de Taji.", "Nouvelle-Zélande", "nsubj"),
        ("Le Royaume-Uni a rapatrié ses instructeurs.", "Royaume-Uni", "nsubj"),
        ("Abou Mahdi al-Mouhandis a été tué dans la frappe.", "Abou Mahdi al-Mouhandis", "nsubj:pass"),
        ("La base d'Aïn al-Asad a été visée par des roquettes.", "Aïn al-Asad", "nmod"),
    ],
)
def test_a_hyphenated_name_is_one_token_and_the_clause_has_one_root(text, name, role):
    """Cut at its hyphen (« Nouvelle - Zélande »), a name parses as roots of their own and the clause falls apart."""
    from helpers.extract import nlp

    doc = nlp.parse([text])[0]
    assert [t.dep_ for t in doc if t.text == name] == [role], [(t.text, t.dep_) for t in doc]
    assert sum(t.dep_ == "ROOT" for t in doc) == 1, [(t.text, t.dep_) for t in doc]


def test_lowercase_compounds_and_inversions_are_left_as_the_tokenizer_cuts_them():
    from helpers.extract import nlp

    doc = nlp.parse(["Que va-t-il faire dans le nord-est du pays ?"])[0]
    assert "-t" in [t.text for t in doc] and "nord-est" in [t.text for t in doc], [t.text for t in doc]


LOCKSTEP_ARTICLES = [
    (
        "Des drones visent une base\n\n"
        "Deux drones ont visé jeudi la base de Harir, au nord d'Erbil, sans faire de victime, selon la coalition.\n"
        "Quelque 2 500 militaires américains restent stationnés dans le pays.\n"
    ),
    (
        "Le retrait se poursuit\n\n"
        "Les forces italiennes ont quitté lundi le camp de Taji, remis aux forces irakiennes.\n"
        "Un porte-parole a indiqué que 300 soldats rentreraient en Italie d'ici à la fin du mois.\n"
    ),
    (
        "Manifestation à Bagdad\n\n"
        "Des milliers de manifestants ont défilé vendredi dans la capitale pour exiger le départ des troupes.\n"
    ),
]


def _extract_one(text: str):
    from helpers.extract.article import extract_article
    from helpers.extract.places import PlaceMatcher
    from tests.conftest import ROOT

    row = SimpleNamespace(
        article_id=str(abs(hash(text)))[:8], text=text, title=text.split("\n")[0], outlet="AFP",
        published="2022-05-06", published_end="2022-05-06", published_precision="day",
    )  # fmt: skip
    ex = extract_article(row, PlaceMatcher.load(ROOT / "data" / "reference"), use_ner=True)
    return repr((ex.mentions, ex.events, ex.figures, ex.unplaced))


def test_articles_extracted_side_by_side_give_what_each_gives_alone_with_one_batch_per_step(monkeypatch):
    from helpers.extract import nlp

    alone = [_extract_one(t) for t in LOCKSTEP_ARTICLES]
    batches: list[tuple[str, int]] = []
    real = nlp._run_now

    def counted(kind, docs):
        batches.append((kind, len(docs)))
        return real(kind, docs)

    monkeypatch.setattr(nlp, "_run_now", counted)
    together = nlp.in_lockstep(_extract_one, LOCKSTEP_ARTICLES)
    side_by_side = len(batches)
    batches.clear()
    for t in LOCKSTEP_ARTICLES:
        _extract_one(t)
    assert together == alone, "an article extracted beside others differs from its extraction alone"
    assert side_by_side < len(batches), f"side by side, {side_by_side} batches; one by one, {len(batches)}"


def test_an_article_that_fails_beside_others_raises_and_does_not_hang():
    from helpers.extract import nlp

    def task(text):
        if text.startswith("Manifestation"):
            raise ValueError("this one fails")
        return _extract_one(text)

    with pytest.raises(ValueError, match="this one fails"):
        nlp.in_lockstep(task, LOCKSTEP_ARTICLES)
