"""The cross-article dating rounds (helpers.across.dating) settle: an article's dates do not swing
from one round to the next, and a corpus whose rounds settled is patched when an article is added."""

from datetime import date

from helpers.across import dating
from helpers.build import build

from .conftest import make_data_dir

# An agency dispatch dated by its dateline: a withdrawal on Friday 12 May 2023, announced by a minister.
ANCHOR = (
    "Retrait danois de la base d'Aïn al-Assad\n\n"
    "BAGDAD, 13 mai 2023 (AFP) - Les dernières troupes danoises ont quitté ce vendredi la base aérienne "
    "d'Aïn al-Assad, a annoncé le ministre irakien des Affaires étrangères Fouad Hussein. Une vingtaine de "
    "soldats ont été redéployés vers le Koweït, a précisé un communiqué de l'état-major.\n\n"
    "La coalition internationale avait été formée en septembre 2014 pour combattre le groupe État islamique.\n\n"
    "Source : AFP\n"
)
# Another, a year later: a withdrawal on Tuesday 14 May 2024 announced by the same minister.
ANCHOR_2024 = (
    "Les Italiens quittent la base de Balad\n\n"
    "BAGDAD, 15 mai 2024 (AFP) - Les derniers soldats italiens ont quitté mardi la base de Balad, a annoncé "
    "le ministre irakien des Affaires étrangères Fouad Hussein, au terme d'un accord conclu avec Rome.\n\n"
    "Source : AFP\n"
)
# An undated article of another year: its own text puts it in May 2022 ("jeudi 12 mai" is a Thursday in
# 2022), and it tells of another withdrawal "le 13 mai" announced by the same minister. A day and month
# match the dispatches' withdrawals (±1 day) only in another year: it must not date this article.
UNDATED = (
    "Les Britanniques quittent l'aéroport de Bagdad\n\n"
    "Les dernières troupes britanniques ont quitté le 13 mai l'aéroport international de Bagdad, a annoncé "
    "le ministre irakien des Affaires étrangères Fouad Hussein. Quelque deux cents conseillers ont été "
    "redéployés vers le Kurdistan, a précisé un communiqué.\n\n"
    "Des frappes britanniques ont visé jeudi 12 mai des positions du groupe État islamique près de Tal Afar, "
    "tuant neuf combattants, selon un responsable local.\n\n"
    "Le 7 février 2022, des roquettes avaient déjà visé la base al-Taji, sans faire de victimes, d'après "
    "des sources locales.\n\n"
    "Source : Le Monde\n"
)
# A later dispatch, added to the corpus after its first build.
ADDED = (
    "Attaque contre la base de Balad\n\n"
    "BAGDAD, 3 juin 2023 (AFP) - Deux roquettes se sont abattues vendredi soir sur la base de Balad, sans "
    "faire de victimes, selon une source sécuritaire irakienne.\n\n"
    "Source : AFP\n"
)


def _data(tmp_path):
    return make_data_dir(
        tmp_path,
        seeds=False,
        extra={
            n: s.encode()
            for n, s in (("a_2023.txt", ANCHOR), ("a_2024.txt", ANCHOR_2024), ("b_sans_date.txt", UNDATED))
        },
    )


def test_a_day_and_month_of_another_year_neither_dates_an_article_nor_swings_the_rounds(tmp_path, monkeypatch):
    windows = []
    infer = dating.PubMemo.infer

    def record(self, local, cons):
        new = infer(self, local, cons)
        row = new[new.file == "b_sans_date.txt"].iloc[0]
        windows.append((row.published, row.published_end))
        return new

    monkeypatch.setattr(dating.PubMemo, "infer", record)
    t = build(_data(tmp_path), warm=False)
    assert len(windows) < dating.MAX_ROUNDS, f"the dating rounds did not settle: the article's windows {windows}"
    row = t.articles[t.articles.file == "b_sans_date.txt"].iloc[0]
    lo, hi = date.fromisoformat(row.published), date.fromisoformat(row.published_end)
    assert lo <= date(2022, 5, 13) <= hi, (
        f"the undated article is put in {lo}…{hi}, not in the May 2022 its own text gives: {row.published_evidence}"
    )


def test_a_corpus_whose_rounds_settled_is_patched_when_an_article_is_added(tmp_path):
    data = _data(tmp_path)
    first = build(data)
    assert first.how.startswith("full build"), first.how
    (data / "raw" / "articles" / "c_depeche.txt").write_bytes(ADDED.encode())
    t = build(data)
    assert t.how.startswith("the saved build patched"), f"adding one article rebuilt everything: {t.how}"
