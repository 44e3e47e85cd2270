"""Loading and normalizing articles: encodings, HTML, boilerplate, outlets, ids, duplicates."""

from helpers.read.corpus import clean_text, decode_bytes, detect_language, load_corpus
from helpers.text import name_key, split_sentences

from .conftest import DATA, make_data_dir, tree_hash

ARTICLE = (
    "Les forces françaises ont quitté la base, a déclaré mercredi le porte-parole de l'armée irakienne.\n"
    "Cette information n'a pas été confirmée de source française. Les soldats sont partis vers le Koweït.\n"
)


def test_seeds_load_with_outlets_and_titles(seed_tables):
    a = seed_tables.articles.set_index(seed_tables.articles.file.str[:3])
    assert (a.status == "ok").all()
    assert a.loc["000", "outlet"] == "Réseau International" and "Al-Manar" in a.loc["000", "origin"]
    assert a.loc["001", "outlet"] == "TRT Français" and "Anadolu" in a.loc["001", "origin"]
    assert a.loc["002", "outlet"] == "Press TV"
    assert a.loc["003", "outlet"] == ""  # nothing in the text names it
    assert a.loc["004", "outlet"] == "Sputnik Afrique"
    assert a.loc["001", "title"].startswith("L’Irak annonce la fin de la mission de combat")
    assert set(a.language) == {"fr"}


def test_boilerplate_removed_and_recorded(seed_tables):
    r = seed_tables.removed
    rules = set(r.rule)
    assert {
        "photo credit",
        "photo caption",
        "teaser",
        "source footer",
        "site debris",
        "share or subscribe prompt",
        "line in another script",
        "repeated line",
    } <= rules
    lines = " ".join(r.line)
    for junk in (
        "© AFP 2023",
        "(AFP photo)",
        "Crédit photo",
        "Pour en savoir plus",
        "SOURCE: FRENCH PRESS TV",
        "Lire l'article complet",
        "Fil d’actu",
        "loader",
        "Заголовок",
    ):
        assert junk in lines, junk
    text = " ".join(load_corpus(DATA).text)
    for junk in ("© AFP", "S'abonner", "Partager", "identifiez-vous", "Заголовок", "SOURCE:"):
        assert junk not in text, junk


def test_general_rules_fit_other_outlets():
    raw = (
        "Accueil\nIrak : nouvelle attaque contre une base de la coalition\n"
        "Des soldats américains à Bagdad. (Photo d'archives)\nPhoto : Reuters/Thaier al-Sudani\n"
        + ARTICLE
        + "Lire aussi : L'Irak et les États-Unis entament des pourparlers\n"
        "Partagez sur Twitter\nAvec AFP\nTags : Irak, Coalition\n"
    )
    c = clean_text(raw)
    assert c.title == "Irak : nouvelle attaque contre une base de la coalition"
    assert "Lire aussi" not in c.text and "Photo" not in c.text and "Avec AFP" not in c.text
    assert "Tags" not in c.text and "Partagez" not in c.text
    assert "Les forces françaises ont quitté la base" in c.text
    assert {rule for rule, _ in c.removed} >= {"teaser", "photo credit", "share or subscribe prompt"}


def test_spaces_and_quotes_normalized_but_quotes_kept():
    c = clean_text("Titre\u00a0: « Nous partons », a dit l\u2019officier\u202fmercredi.\r\nFin du texte ici.")
    assert "\u00a0" not in c.text and "\u202f" not in c.text and "\r" not in c.text
    assert "«" in c.text and "l\u2019officier" in c.text  # verbatim for readers


def test_encodings():
    text = "Les forces françaises ont quitté l'Irak en février."
    for data, enc in [
        (text.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig"),
        (text.encode("cp1252"), "cp1252"),
        (text.encode("utf-16"), "utf-16"),
    ]:
        decoded, used, reason = decode_bytes(data)
        assert decoded == text and used == enc, (enc, used, reason)
    assert decode_bytes(b"\x00\x01\x02binary\x00")[0] is None


def test_bad_files_skipped_with_reason_and_raw_untouched(tmp_path):
    html = (
        "<html><head><title>Retrait de la coalition</title><meta property='og:site_name' content='Le Monde'>"
        "</head><body><nav>Menu Accueil</nav><article><h1>Retrait de la coalition</h1><p>"
        + ARTICLE * 3
        + "</p></article><footer>Abonnez-vous</footer></body></html>"
    )
    d = make_data_dir(
        tmp_path,
        seeds=False,
        extra={
            "empty.txt": b"",
            "blank.txt": b"   \n\t\n",
            "binary.bin": bytes(range(256)) * 20,
            "latin1.txt": ARTICLE.encode("cp1252"),
            "bom_crlf.txt": b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode(),
            "page.html": html.encode("utf-8"),
            "copie de l'article é.txt": ARTICLE.encode("utf-8"),
        },
    )
    before = tree_hash(d / "raw")
    a = load_corpus(d).set_index("file")
    assert tree_hash(d / "raw") == before
    assert a.loc["empty.txt", "status"] == "skipped" and "empty" in a.loc["empty.txt", "reason"]
    assert a.loc["blank.txt", "status"] == "skipped" and "whitespace" in a.loc["blank.txt", "reason"]
    assert a.loc["binary.bin", "status"] == "skipped" and "binary" in a.loc["binary.bin", "reason"]
    assert "françaises" in a.loc["latin1.txt", "text"]  # read correctly (and a duplicate of bom_crlf.txt)
    assert a.loc["latin1.txt", "encoding"] == "cp1252"
    assert a.loc["page.html", "status"] == "ok" and "Les forces françaises" in a.loc["page.html", "text"]
    assert "Menu" not in a.loc["page.html", "text"]
    # same text, three files: one ok, the others duplicates naming the first
    same = a.loc[["bom_crlf.txt", "copie de l'article é.txt", "latin1.txt"]]
    assert same.article_id.nunique() == 1
    assert sorted(same.status) == ["duplicate", "duplicate", "ok"]
    assert same[same.status == "duplicate"].reason.str.startswith("same text as").all()


def test_article_id_ignores_file_name(tmp_path):
    d = make_data_dir(tmp_path, seeds=False, extra={"a.txt": ARTICLE.encode(), "zz b.txt": ARTICLE.encode()})
    a = load_corpus(d)
    assert a.article_id.nunique() == 1


def test_sidecar_problems_are_warnings(tmp_path):
    d = make_data_dir(tmp_path, seeds=False, extra={"a.txt": ARTICLE.encode(), "b.txt": (ARTICLE + "x").encode()})
    (d / "raw" / "articles.csv").write_text(
        "file,outlet,url,published,title,language,remarks\n"
        "a.txt,Le Monde,,25/03/2020,,fr,x\nb.txt,,,2021-02-31,,,\nmissing.txt,,,2020-01-01,,,\n",
        encoding="utf-8",
    )
    a = load_corpus(d)
    w = " ".join(a.attrs["warnings"])
    assert "unknown column" in w and "remarks" in w
    assert "'25/03/2020' is not a valid ISO date" in w and "'2021-02-31'" in w
    assert "missing.txt" in w
    assert a.set_index("file").loc["a.txt", "outlet"] == "Le Monde"


def test_sidecar_date_is_used(tmp_path):
    from helpers.build import build

    d = make_data_dir(tmp_path, seeds=False, extra={"a.txt": ARTICLE.encode()})
    (d / "raw" / "articles.csv").write_text("file,outlet,url,published,title,language\na.txt,,,2020-03-25,,\n")
    r = build(d).articles.iloc[0]
    assert (r.published, r.published_precision, r.published_basis) == ("2020-03-25", "day", "metadata")


def test_language():
    assert detect_language(ARTICLE) == "fr"
    assert detect_language("The last US troops left the base on Thursday, officials said in a statement.") == "en"


def test_sentences_keep_abbreviations():
    s = split_sentences("M. Sahhaf a parlé. Le gén. Parker est venu le 3 janv. 2020 à Bagdad. Fin.")
    assert [x.text for x in s] == ["M. Sahhaf a parlé.", "Le gén. Parker est venu le 3 janv. 2020 à Bagdad.", "Fin."]


def test_name_keys_tolerate_transliteration():
    groups = [
        ["Qaëm", "al-Qaïm", "Qaim", "d'al-Qaëm"],
        ["Qayyarah", "al-Kayyarat", "Qayyara"],
        ["Habbaniyah", "al-Habaniyat"],
        ["Soleimani", "Souleimani"],
        ["Erbil", "Irbil", "Arbil"],
        ["Bagdad", "Baghdad"],
        ["Falloujah", "Fallujah"],
    ]
    for g in groups:
        assert len({name_key(n) for n in g}) == 1, g
    assert name_key("Taji") != name_key("Balad")


def test_word_starts_reads_a_word_pattern_and_declines_any_other():
    """text.word_starts gives the first two letters of a word pattern's words, and None for a pattern whose
    matches may start otherwise (an optional letter, an elision, no word boundary): such a pattern always runs."""
    import re

    from helpers.text import text_starts, word_starts

    assert word_starts(re.compile(r"\b(kurdes?|peshmergas?|kata[ei]b hezbollah)\b")) == {"ku", "pe", "ka"}
    assert word_starts(re.compile(r"\bcoalition\b")) == {"co"}
    assert word_starts(re.compile(r"\b(?:moyen-orient|la region)\b")) == {"mo", "la"}
    assert word_starts(re.compile(r"\b(?:otan)|(?:xotan)\b")) is None, "two groups, not one: no start to require"
    assert word_starts(re.compile(r"\b(a?b|otan)\b")) is None, "an optional first letter: no start to require"
    assert word_starts(re.compile(r"\b(l'alliance|otan)\b")) is None, "an elision is no two-letter start"
    assert word_starts(re.compile(r"(otan|nato)")) is None, "without word boundaries a match may start anywhere"
    assert word_starts(re.compile(r"\b(otan|nato)\b", re.I)) is None, "ignoring case, « OTAN » starts otherwise"
    assert text_starts("les peshmergas, l'EI") == {"le", "pe", "EI"}


def test_words_grouped_by_first_letter_match_what_the_word_list_matches():
    """text.by_first_letter: a pattern of words tried letter by letter finds the same matches, in the same order and
    with the same groups (the first word of a letter that matches at a position, as in the flat list); a pattern of
    another form is left as it is."""
    import re

    from helpers.text import by_first_letter

    flat = re.compile(r"\b(retir|retrait|rapatri|tir|tu[eé]|tua|attaqu|operations?\b[^.]{0,30}\bcontre|a la tete d|t)")
    grouped = by_first_letter(flat)
    assert grouped is not flat and grouped.pattern.count("|") < flat.pattern.count("|") + 6
    text = (
        "les troupes se sont retirées ; le retrait, un tir, trois soldats tués, une attaque, des opérations menées "
        "contre l'EI, a la tete de la mission, tua, t, retraite, rapatriés"
    ).replace("é", "e")
    assert [(m.span(), m.group(1)) for m in grouped.finditer(text)] == [
        (m.span(), m.group(1)) for m in flat.finditer(text)
    ]
    assert [m.group() for m in grouped.finditer("le retrait")] == ["retrait"]
    for other in (r"\b(?:\w{3,}ra|plan)", r"\b(a|b(c)|d)x", r"\b(?:ab|[x]y)z", r"(?:ab|ac)", r"\b(?:a?b|c)"):
        rx = re.compile(other)
        assert by_first_letter(rx) is rx, f"{other} should be left as it is"
    assert by_first_letter(re.compile(r"\b(ab|ac)", re.I)).pattern == r"\b(ab|ac)", "case folded: left as it is"


def test_a_short_text_memo_computes_a_short_text_once_and_never_shares_its_list():
    """text.short_text_memo: a short text is computed once; each call gets its own list (a caller may change it);
    a text longer than MEMO_LEN is computed every time (not kept)."""
    from helpers.text import MEMO_LEN, short_text_memo

    calls = []

    @short_text_memo
    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    first = words("les forces américaines")
    first.append("changé")
    assert words("les forces américaines") == ["les", "forces", "américaines"], "a caller's change reached the memo"
    assert calls == ["les forces américaines"], f"a short text computed more than once: {calls}"
    long = "mot " * (MEMO_LEN // 4 + 1)
    words(long), words(long)
    assert calls.count(long) == 2, "a text longer than MEMO_LEN was kept"


def test_a_bylines_date_before_its_outlet_is_kept_a_captions_credit_is_not():
    """« 12.03.2021 — Sputnik Afrique » is the byline's stamp (the publication date reads it); « Des soldats à
    Erbil - AFP » under a photo is a caption."""
    text = (
        "Les attaques reprennent\n12.03.2021 — Sputnik Afrique\nDes roquettes ont visé la base.\n"
        "Des soldats américains à Erbil - AFP\nLa coalition n'a pas commenté.\n"
    )
    c = clean_text(text)
    removed = [line for _, line in c.removed]
    assert "12.03.2021 — Sputnik Afrique" not in removed, c.removed
    assert "Des soldats américains à Erbil - AFP" in removed, c.removed


def test_a_date_stamp_above_the_headline_is_kept_and_is_no_title():
    """A site's header stamp of two words (« 14/03/2022 09:12 », « Jeudi, 18:05 ») is the publication's date, not
    site debris; the headline below it is the title."""
    for stamp in ("14/03/2022 09:12", "Jeudi, 18:05"):
        raw = f"Radio Exemple\nMonde\n{stamp}\nIrak : une base visée par des roquettes\nLe texte de l'article.\n"
        c = clean_text(raw)
        assert stamp in c.text, f"the stamp {stamp!r} was dropped: {c.removed}"
        assert c.title == "Irak : une base visée par des roquettes", c.title
        assert ("site debris", "Monde") in c.removed, c.removed
