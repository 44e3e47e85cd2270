"""What researchers feed the tool: the bad-input corpus (tests/fixtures/bad/), a 20 MB file and a
hostile article go through the export and the whole report; every problem is reported, nothing
crashes, nothing executes, and data/raw is byte-identical afterwards.

The corpus also holds what an attacker or an unlucky user puts in a data folder (issue #18): links out
of it, link loops, a named pipe, file names with bytes that are not UTF-8, line breaks, terminal escapes
and bidirectional controls, cells a spreadsheet would evaluate, a sidecar with a quote left open, a
repeated row, an oversized cell and a name in another Unicode normalization, UTF-16 without a BOM, an
outlet matplotlib would read as mathtext. The other tests here reproduce the rest of the issue one by one:
pickles in interim/, inputs changed while a build runs, a file unreadable then fixed, an interrupted or
failing write of the tables, a read-only or foreign output folder, a failing notebook cell, and attacks
on several days told in one article."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
import unicodedata

import pandas as pd
import pytest

from .conftest import HOSTILE, ROOT, make_data_dir, tree_hash

BAD = ROOT / "tests" / "fixtures" / "bad"
SECRET = "aws_secret_access_key = AKIAEXAMPLEKEY0000SECRET"
# file names as the disk has them (bytes) -> as the tables and the summary show them
ODD_NAMES = {
    b"octets_\xe9t\xe9.txt": "octets_\\xe9t\\xe9.txt",  # Latin-1 bytes, not UTF-8
    b"ligne\nnouvelle.txt": "ligne\\u000anouvelle.txt",
    "bidi_\u202etxt.exe".encode(): "bidi_\\u202etxt.exe",  # shows as « bidi_exe.txt » in a terminal
    b"ansi_\x1b[2J\x1b[31mrouge.txt": "ansi_\\u001b[2J\\u001b[31mrouge.txt",
}
NFD_NAME = unicodedata.normalize("NFD", "Réaction NFD.txt")


def _odd_article(i: int) -> bytes:
    day = 20 + i
    return f"Attaque signalée\n\nLe {day} juin 2021, une roquette a visé la base de Balad, selon la police.\n".encode()


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    d = make_data_dir(tmp, seeds=True, extra={"hostile.txt": HOSTILE.encode("utf-8")})
    arts = d / "raw" / "articles"
    for p in (BAD / "articles").iterdir():
        shutil.copy(p, arts / p.name)
    shutil.copy(BAD / "articles.csv", d / "raw" / "articles.csv")
    para = "Les forces de la coalition ont quitté la base le 3 mars 2021 selon un porte-parole. " * 12 + "\n"
    with (arts / "enorme.txt").open("w", encoding="utf-8") as fh:
        while fh.tell() < 20_000_000:
            fh.write(para)
    # what is not a regular file inside raw/articles/: never followed, never opened for reading
    secret = tmp / "credentials.txt"  # outside the data folder
    secret.write_text(f"{SECRET}\n\nLe 3 mars 2021, des roquettes ont visé la base de Balad.\n", encoding="utf-8")
    os.symlink(secret, arts / "lien_externe.txt")
    os.symlink(tmp, arts / "dossier_externe")
    os.symlink("boucle_b.txt", arts / "boucle_a.txt")
    os.symlink("boucle_a.txt", arts / "boucle_b.txt")
    os.symlink("english.txt", arts / "lien_interne.txt")
    os.symlink(".", arts / "ici")
    os.mkfifo(arts / "tube.txt")  # reading it would block the build for ever
    for i, name in enumerate(ODD_NAMES):
        with open(os.path.join(os.fsencode(arts), name), "wb") as fh:
            fh.write(_odd_article(i))
    (arts / NFD_NAME).write_bytes(_odd_article(len(ODD_NAMES)))
    return d


@pytest.fixture(scope="module")
def exported(bad_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad_out")
    before = tree_hash(bad_dir / "raw")
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "export", "--data-dir", str(bad_dir), "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return r, out, before, time.perf_counter() - t0


def test_export_completes_in_bounded_time(exported):
    r, out, _, seconds = exported
    assert r.returncode == 0, r.stderr
    assert seconds < 120


def test_every_problem_is_reported(exported):
    r, out, _, _ = exported
    a = pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("file")
    assert a.loc["empty.txt", "status"] == "skipped" and "empty" in a.loc["empty.txt", "reason"]
    assert a.loc["whitespace.txt", "status"] == "skipped" and "whitespace" in a.loc["whitespace.txt", "reason"]
    assert a.loc["binary.dat", "status"] == "skipped" and "binary" in a.loc["binary.dat", "reason"]
    assert a.loc["enorme.txt", "status"] == "skipped" and "too large" in a.loc["enorme.txt", "reason"]
    dup = a.loc[["copie 1.txt", "copie 2 (doublon).txt"]]
    assert sorted(dup.status) == ["duplicate", "ok"] and dup.article_id.nunique() == 1
    # odd encodings and HTML read correctly
    assert a.loc["latin1_cp1252.txt", "status"] == "ok" and a.loc["latin1_cp1252.txt", "encoding"] == "cp1252"
    assert a.loc["bom_crlf.txt", "encoding"] == "utf-8-sig"
    html = a.loc["page sauvegardée.html"]
    assert html.status == "ok" and html.outlet == "L'Orient-Le Jour" and html.published == "2023-07-19"
    assert a.loc["english.txt", "language"] == "en" and a.loc["english.txt", "published"] == "2020-03-30"
    assert a.loc["sans date.txt", "published"] == "" and a.loc["sans date.txt", "published_precision"] == "unknown"
    assert a.loc["sans date.txt", "outlet"] == "Mediapart"  # from the sidecar
    assert a.loc["Réaction à Bagdad – été.txt", "published"] == "2020-07-05"
    # the sidecar's problems are warnings naming the file and row
    for words in (
        "unknown column(s) ignored: note",
        "(latin1_cp1252.txt): published '14/02/2022'",
        "(bom_crlf.txt): published '2021-02-31'",
        "'manquant.txt', but no such file",
    ):
        assert words in r.stdout, words
    for f in ("empty.txt", "binary.dat", "enorme.txt", "copie 2 (doublon).txt"):
        assert f in r.stdout
    text = (out / "events.csv").read_text() + (out / "places.csv").read_text()
    assert "Accueil" not in text and "Abonnez-vous" not in text


def test_raw_data_is_untouched(exported, bad_dir):
    _, _, before, _ = exported
    assert tree_hash(bad_dir / "raw") == before


def _articles(out) -> pd.DataFrame:
    return pd.read_csv(out / "articles.csv", keep_default_na=False).set_index("file")


def test_links_pipes_and_loops_are_listed_as_skipped_never_read(exported):
    r, out, _, _ = exported
    a = _articles(out)
    expect = {
        "lien_externe.txt": "symbolic link to a file outside raw/articles/",
        "dossier_externe": "symbolic link to a folder outside raw/articles/",
        "boucle_a.txt": "symbolic link in a loop",
        "boucle_b.txt": "symbolic link in a loop",
        "lien_interne.txt": "symbolic link to a file of raw/articles/",
        "ici": "symbolic link to a folder of raw/articles/",
        "tube.txt": "named pipe (FIFO)",
    }
    for name, why in expect.items():
        assert name in a.index, f"{name} is not listed in articles.csv"
        assert (a.loc[name, "status"], why in a.loc[name, "reason"]) == ("skipped", True), (name, a.loc[name].reason)
        assert f"skipped: {name}: {why}" in r.stdout, f"{name} is not in the summary with its reason"
    for f in out.iterdir():  # nothing from outside the data folder reached any table
        assert "AKIAEXAMPLEKEY" not in f.read_text(encoding="utf-8", errors="replace"), f.name
    assert not any("credentials" in name or "/" in name for name in a.index), "a file was read through a link"


def test_any_file_name_is_read_and_shown_escaped(exported):
    r, out, _, _ = exported
    a = _articles(out)
    for raw, shown in ODD_NAMES.items():
        assert shown in a.index, f"{raw!r} is not in articles.csv as {shown!r}: {sorted(a.index)}"
        assert a.loc[shown, "status"] == "ok", (shown, a.loc[shown, "reason"])
    for bad in ("\x1b", "\u202e", "\udce9"):
        assert bad not in r.stdout, f"the summary prints {bad!r} raw"
    assert all("\n" not in f for f in a.index)


def test_no_table_cell_is_a_formula_for_a_spreadsheet(exported):
    """OWASP CSV injection: a cell starting with = + - @ tab or CR gets a quote in front; the text stays."""
    _, out, _, _ = exported
    a = _articles(out)
    assert a.loc["formule.txt", "outlet"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert a.loc["formule.txt", "title"].startswith("'=HYPERLINK("), a.loc["formule.txt", "title"]
    assert a.loc["titre_moins.txt", "title"] == "'-2+3 tirs près de Balad"
    assert "'=SOMME(1;2).txt" in a.index, "a file name starting with = is neutralized too"
    bad = []
    for f in sorted(out.glob("*.csv")):
        table = pd.read_csv(f, dtype=str, keep_default_na=False)
        for c in table.columns:
            bad += [
                f"{f.name}:{c}: {v[:40]!r}"
                for v in table[c]
                if v.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
            ]
    assert not bad, bad


def test_the_sidecar_is_parsed_strictly_by_row(exported):
    r, out, _, _ = exported
    a = _articles(out)
    assert "articles.csv row 5: a quote is left open; row ignored" in r.stdout
    assert a.loc["sans date.txt", "outlet"] == "Mediapart", "the rows after an open quote are lost"
    assert "articles.csv row 10: a second row for 'english.txt', first in row 7" in r.stdout
    assert a.loc["english.txt", "outlet"] == "Premier média", "a repeated row overrode the first"
    assert "articles.csv row 12: the title cell has 6,400 characters (over 2,000); emptied" in r.stdout
    assert "Très long titre" not in a.loc["copie 1.txt", "title"]
    assert f"names the file {NFD_NAME!r} in another Unicode normalization (NFC/NFD); applied" in r.stdout
    assert a.loc[NFD_NAME, "outlet"] == "L'Orient-Le Jour" and a.loc[NFD_NAME, "published"] == "2021-05-20"


def test_utf16_without_a_byte_order_mark_is_read(exported):
    _, out, _, _ = exported
    a = _articles(out)
    assert (a.loc["utf16_sans_bom.txt", "status"], a.loc["utf16_sans_bom.txt", "encoding"]) == ("ok", "utf-16-le")
    assert a.loc["utf16_sans_bom.txt", "title"] == "Retrait de soldats de la base de Taji"


@pytest.mark.parametrize(
    "text, expect, applies",
    [
        ("file;outlet;title\na.txt;Le Monde;Titre\n", "read with ';' as the delimiter", "a.txt"),
        ("file\toutlet\na.txt\tLe Monde\n", "read with a tab as the delimiter", "a.txt"),
        ("file|outlet\na.txt|Le Monde\n", "the delimiter is not a comma, a semicolon or a tab", None),
        ('file,outlet\na.txt,"Le" Monde\nb.txt,Le Monde\n', "row 2: not valid CSV", "b.txt"),
        ("file,outlet,outlet\na.txt,Le Monde,Libé\n", "column 'outlet' appears twice", "a.txt"),
        ("file,outlet\na.txt,Le Monde,de trop\nb.txt,Le Monde\n", "row 2: 3 cells for 2 columns", "b.txt"),
    ],
)
def test_sidecar_delimiters_and_malformed_rows_are_said(tmp_path, text, expect, applies):
    from helpers.read.corpus import read_sidecar

    (tmp_path / "articles.csv").write_text(text, encoding="utf-8")
    rows, warnings = read_sidecar(tmp_path / "articles.csv")
    assert any(expect in w for w in warnings), warnings
    assert sorted(rows) == ([applies] if applies else []), rows
    if applies:
        assert rows.get(applies)["outlet"] == "Le Monde", rows


def test_a_sidecar_or_corrections_file_that_is_a_link_is_not_read(tmp_path):
    from helpers.corrections import Corrections
    from helpers.read.corpus import read_sidecar

    secret = tmp_path / "shadow"
    secret.write_text("root:$6$hash:19000:0:99999:7:::\n", encoding="utf-8")
    os.symlink(secret, tmp_path / "articles.csv")
    os.symlink(secret, tmp_path / "corrections.csv")
    rows, warnings = read_sidecar(tmp_path / "articles.csv")
    assert not rows and len(warnings) == 1 and "symbolic link" in warnings[0], warnings
    assert "root:" not in " ".join(warnings)
    c = Corrections.read(tmp_path / "corrections.csv")
    assert c.rows == [] and "symbolic link" in c.table().message[0]
    assert "root:" not in " ".join(c.summary_lines())


def test_corrections_are_parsed_strictly_by_row(tmp_path):
    from helpers.corrections import Corrections

    nfd = unicodedata.normalize("NFD", "été.txt")
    (tmp_path / "corrections.csv").write_text(
        "action,target,file,match,field,value,reason\n"
        'drop,event,a.txt,"une roquette,,,open quote\n'
        "drop,event,a.txt,un drone,,,false event\n"
        "drop,event,a.txt,un drone,,,the same again\n"
        f"set,article,{nfd},,outlet,Le Monde,NFD name\n",
        encoding="utf-8",
    )
    c = Corrections.read(tmp_path / "corrections.csv")
    t = c.table().set_index("row")
    assert t.loc[2, "status"] == "invalid" and "a quote is left open" in t.loc[2, "message"], t.loc[2].message
    assert [r.row for r in c.rows] == [3, 5], "the rows after an open quote are lost or a repeat applied"
    assert t.loc[4, "status"] == "invalid" and "repeats row 3" in t.loc[4, "message"]
    articles = pd.DataFrame({"file": ["été.txt"], "article_id": ["abc"]})
    c.apply_articles(articles)
    assert c.table().set_index("row").loc[5, "status"] == "applied", "an NFD name does not match its NFC file"


def test_an_outlet_or_name_with_dollars_is_drawn_as_written(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from helpers.present import charts

    articles = pd.DataFrame(
        {
            "file": ["a_$x$.txt", "b.txt"],
            "status": ["ok", "ok"],
            "outlet": ["$\\frac{1}{$ Presse", "Le $ Monde $x^2$"],
            "published": ["2021-03-01", "2021-04-02"],
            "published_end": ["2021-03-01", "2021-04-02"],
            "published_precision": ["day", "day"],
            "article_id": ["a", "b"],
            "title": ["$$", "x"],
            "published_basis": ["metadata", "metadata"],
        }
    )
    fig, data = charts.articles_over_time(articles)
    paths = charts.save(fig, "dollars", data, tmp_path)
    svg = paths[1].read_text(encoding="utf-8")
    assert "Le $ Monde $x^2$" in svg, "the outlet is not drawn as written"


def test_reports_build_and_show_hostile_text_literally(bad_dir, exported, tmp_path, request):
    """`make report`'s job on the bad corpus; then the rendered reports in headless Chromium."""
    out = tmp_path / "reports"
    before = tree_hash(bad_dir / "raw")
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "report", "--data-dir", str(bad_dir), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert tree_hash(bad_dir / "raw") == before
    pages = sorted(out.glob("0*.html")) + [out / "index.html", out / "figures" / "map_bases.html"]
    assert len(pages) == 6 and all(p.exists() for p in pages)
    for p in pages:
        raw = p.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in raw and "<img src=x onerror=alert(2)>" not in raw, p.name
    browser = request.getfixturevalue("browser")
    from .test_browser import open_page

    for p in pages:
        page, dialogs, errors, _ = open_page(browser, p)
        page.wait_for_timeout(500)
        assert dialogs == [], (p.name, dialogs)
        assert page.locator("img[src='x'], b[onmouseover]").count() == 0, p.name
        for frame in page.frames:
            assert frame.locator("img[src='x'], b[onmouseover]").count() == 0, p.name
        if p.name.startswith("01"):
            assert "<script>alert(1)</script>" in page.locator("body").inner_text()
        page.close()


# --- nothing executed from the data folder ---------------------------------------------------------------

PAYLOAD_MARK = "pickle_ran.txt"


class _Payload:
    """Unpickling this runs code: it writes a file (a data folder received from someone else)."""

    def __init__(self, mark):
        self.mark = str(mark)

    def __reduce__(self):
        return (os.system, (f"touch {self.mark}",))


def test_pickles_in_interim_are_never_loaded_and_a_tampered_store_means_a_full_build(tmp_path):
    import pickle
    import sqlite3

    d = make_data_dir(tmp_path, seeds=False, extra={"a.txt": _odd_article(1)})
    out = tmp_path / "out"
    assert _export(d, out).returncode == 0
    mark = tmp_path / PAYLOAD_MARK
    blob = pickle.dumps(_Payload(mark))
    for name in ("state.pkl", "published.pkl", "cache/extract.pkl", "cache/read.pkl", "build/state.pkl"):
        (d / "interim" / name).parent.mkdir(parents=True, exist_ok=True)
        (d / "interim" / name).write_bytes(blob)
    with sqlite3.connect(d / "interim" / "build.sqlite") as con:  # the saved state, tampered
        con.execute("UPDATE meta SET value = ? WHERE name = 'state'", ('{"$dc": "Popen", "args": ["touch"]}',))
    with sqlite3.connect(d / "interim" / "results.sqlite") as con:  # a stored result, tampered
        con.execute("UPDATE results SET value = ?", (blob.hex(),))
    r = _export(d, out)
    assert r.returncode == 0, r.stderr
    assert not mark.exists(), "a pickle in the data folder was loaded"
    assert "build: full build (the saved build could not be read" in r.stdout, r.stdout
    assert _articles(out).loc["a.txt", "status"] == "ok"


def _export(d, out):
    return subprocess.run(
        [sys.executable, "-m", "helpers", "export", "--data-dir", str(d), "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


# --- nothing lost: the inputs as they were before the build read them -------------------------------------


def _small(tmp_path, n: int = 2):
    """A small data folder whose files were last written long ago (their times cannot tell an edit)."""
    d = make_data_dir(tmp_path, seeds=False, extra={f"{chr(97 + i)}.txt": _odd_article(i) for i in range(n)})
    for p in (d / "raw" / "articles").iterdir():
        os.utime(p, (1_500_000_000, 1_500_000_000))
    return d


def test_a_file_added_while_the_build_runs_is_read_once_at_the_next_run(tmp_path, monkeypatch):
    from helpers import build as b

    d = _small(tmp_path)
    real = b.Steps.__init__

    def steps_then_add(self, *args, **kwargs):
        real(self, *args, **kwargs)  # the build has fingerprinted its inputs, and reads now
        (d / "raw" / "articles" / "c.txt").write_bytes(_odd_article(5))

    monkeypatch.setattr(b.Steps, "__init__", steps_then_add)
    first = b.build(d)
    monkeypatch.undo()
    assert "c.txt: added while the build ran; read at the next run" in first.warnings, first.warnings
    second = b.build(d)
    files = list(second.articles.file)
    assert files.count("c.txt") == 1 and set(second.articles.status) == {"ok"}, second.articles[["file", "status"]]
    third = b.build(d)
    assert list(third.articles.file) == files, "the saved build holds the file twice"


def test_a_sidecar_row_written_while_the_build_runs_applies_at_the_next_run(tmp_path, monkeypatch):
    from helpers import build as b

    d = _small(tmp_path)
    real = b.Steps.__init__

    def steps_then_write(self, *args, **kwargs):
        real(self, *args, **kwargs)
        (d / "raw" / "articles.csv").write_text("file,outlet\nb.txt,Le Monde\n", encoding="utf-8")

    monkeypatch.setattr(b.Steps, "__init__", steps_then_write)
    first = b.build(d)
    monkeypatch.undo()
    assert "articles.csv: changed while the build ran; read again at the next run" in first.warnings
    second = b.build(d)
    assert second.articles.set_index("file").loc["b.txt", "outlet"] == "Le Monde", second.how


def test_a_file_edited_in_place_with_its_size_and_time_kept_is_seen(tmp_path):
    """The bytes decide, never the size and the time: an edit that keeps both is read at the next run."""
    from helpers.build import build

    d = _small(tmp_path)
    build(d)
    victim = d / "raw" / "articles" / "a.txt"
    st = victim.stat()
    victim.write_bytes(victim.read_bytes().replace(b"Balad", b"Taji!"))
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    t = build(d)
    assert t.how.startswith("full build (a.txt was edited"), t.how
    assert "Taji!" in t.events.evidence.str.cat(), "the edit is not in the tables"


def test_a_file_unreadable_then_fixed_is_read(tmp_path, monkeypatch):
    """« unreadable file » must not stick once the permission is fixed (as root, chmod cannot show it)."""
    import pathlib

    from helpers.build import build

    d = _small(tmp_path)
    victim = str(d / "raw" / "articles" / "a.txt")
    real_open, real_read = os.open, pathlib.Path.read_bytes

    def no_open(path, *args, **kwargs):
        if os.fspath(path) == victim:
            raise PermissionError(errno.EACCES, "Permission denied", victim)
        return real_open(path, *args, **kwargs)

    def no_read(self):
        if str(self) == victim:
            raise PermissionError(errno.EACCES, "Permission denied", victim)
        return real_read(self)

    monkeypatch.setattr(os, "open", no_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", no_read)
    first = build(d)
    monkeypatch.undo()
    assert "unreadable" in first.articles.set_index("file").loc["a.txt", "reason"]
    t = build(d)
    assert t.articles.set_index("file").loc["a.txt", "status"] == "ok", t.how


# --- the tables: written together or not at all, errors in one line, before the extraction -----------------


def _digest(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("failure", ["full disk", "killed"])
def test_an_interrupted_write_leaves_the_previous_tables_whole(tmp_path, monkeypatch, failure):
    from helpers.build import InputError
    from helpers.present.export import export

    d = _small(tmp_path)
    out = tmp_path / "out"
    export(d, out)
    before = _digest(out)
    (d / "raw" / "articles" / "c.txt").write_bytes(_odd_article(7))
    real, calls = pd.DataFrame.to_csv, []

    def fail_on_the_fourth(self, path=None, *args, **kwargs):
        calls.append(path)
        if len(calls) == 4:
            if failure == "killed":
                raise KeyboardInterrupt
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail_on_the_fourth)
    with pytest.raises(InputError if failure == "full disk" else KeyboardInterrupt) as exc:
        export(d, out)
    monkeypatch.undo()
    assert _digest(out) == before, "a mix of old and new tables"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == [], "a temporary folder is left"
    if failure == "full disk":
        msg = str(exc.value)
        assert "\n" not in msg and str(out) in msg and "No space left on device" in msg, msg
    export(d, out)
    assert "c.txt" in pd.read_csv(out / "articles.csv").file.values


def test_an_output_folder_that_cannot_be_written_is_said_before_the_extraction(tmp_path, monkeypatch):
    from helpers.build import InputError
    from helpers.present import export as ex

    d = _small(tmp_path)
    out = tmp_path / "ro" / "out"
    real = os.mkdir

    def read_only(path, *args, **kwargs):
        if str(tmp_path / "ro") in os.fspath(path):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
        return real(path, *args, **kwargs)

    def no_build(*args, **kwargs):
        raise AssertionError("the extraction ran before the output folder was checked")

    monkeypatch.setattr(os, "mkdir", read_only)
    monkeypatch.setattr(ex, "build", no_build)
    with pytest.raises(InputError) as exc:
        ex.export(d, out)
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(str(out)) and "Read-only file system" in msg, msg


def test_an_output_folder_holding_other_files_is_refused_and_left_alone(tmp_path):
    d = _small(tmp_path)
    before = tree_hash(d)
    r = _export(d, d)  # --out the data folder itself: replacing it would delete the articles
    assert r.returncode == 2 and "holds files the export did not write" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert tree_hash(d) == before


# --- make report: a failing cell says why ---------------------------------------------------------------


def test_a_failing_notebook_cell_prints_the_underlying_error(tmp_path):
    import nbformat

    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("data_dir = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("x = 1\nraise ValueError('la cause du problème')"),
    ]
    nbformat.write(nb, folder / "00-echec.ipynb")
    d = _small(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "report", "--data-dir", str(d), "--out", str(tmp_path / "reports"),
         "--notebooks-dir", str(folder), "--no-save"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert r.returncode == 1
    err = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(err) == 1 and "00-echec.ipynb" in err[0], r.stderr[-2000:]
    assert "ValueError: la cause du problème" in err[0] and "code cell 2 `x = 1`" in err[0], err[0]


def test_reference_data_edited_while_the_process_runs_is_used_at_the_next_build(tmp_path):
    """A notebook's kernel builds, the researcher adds an outlet to reference/outlets.csv, builds again."""
    from helpers.build import build

    d = make_data_dir(tmp_path, seeds=False)
    (d / "raw" / "articles" / "a.txt").write_text(
        "Attaque contre la base de Balad\n\nLe 3 juin 2021, une roquette a visé la base de Balad, selon la police.\n"
        "\nSource : Le Courrier du Tigre\n",
        encoding="utf-8",
    )
    assert build(d).articles.outlet[0] == ""
    with (d / "reference" / "outlets.csv").open("a", encoding="utf-8") as fh:
        fh.write("Le Courrier du Tigre,le courrier du tigre,outlet\n")
    t = build(d)
    assert t.articles.outlet[0] == "Le Courrier du Tigre", f"stale reference data ({t.how})"


# --- cost in proportion to the input: a 2 MB article of any content (make bench measures the time) ----------


def _pathological(name: str, size: int) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from pathological import CASES
    finally:
        sys.path.pop(0)
    return CASES[name](size)


@pytest.mark.parametrize("name", ["numbers", "dates", "places", "no_end"])
def test_a_run_without_sentence_end_is_cut_into_bounded_sentences(name):
    from helpers.text import MAX_SENTENCE, split_sentences

    text = _pathological(name, 30_000)
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE, "a sentence longer than the limit"
    assert all(text[s.start : s.end] == s.text for s in sentences), "a piece is not verbatim"
    assert "".join(text.split()) == "".join("".join(s.text for s in sentences).split()), "text lost between pieces"
    real = "Le 3 mars 2021, des roquettes ont visé la base de Balad, selon un porte-parole. " * 3
    assert [s.text for s in split_sentences(real)] == [real.split(". ")[0] + "."] * 3


def test_evidence_is_stored_once_per_sentence(tmp_path):
    """A sentence of a thousand figures: each figure quotes its sentence, the store keeps it once."""
    import sqlite3

    from helpers.build import build
    from helpers.text import MAX_SENTENCE

    text = _pathological("numbers", 20_000)
    d = make_data_dir(tmp_path, seeds=False, extra={"chiffres.txt": text.encode()})
    t = build(d)
    assert len(t.figures) > 500 and t.figures.evidence.str.len().max() <= MAX_SENTENCE
    with sqlite3.connect(d / "interim" / "results.sqlite") as con:
        (stored,) = con.execute("SELECT value FROM results WHERE kind = 'extract'").fetchone()
    sentence = t.figures.evidence[0]
    assert stored.count(sentence) == 1, f"the sentence is stored {stored.count(sentence)} times"


def test_spans_and_last_mention_structures_agree_with_a_plain_scan():
    """The structures that keep dates and places linear give what the scans they replace gave."""
    import random

    from helpers.extract.dates import _Spans
    from helpers.extract.places import _LastBefore

    rng = random.Random(18)
    for _ in range(200):
        spans, kept = _Spans(), []
        for _ in range(40):
            s = rng.randrange(0, 300)
            e = s + rng.randrange(0, 12)
            plain = any(s < te and ts < e for ts, te in kept)
            assert spans.overlaps(s, e) == plain, (s, e, kept)
            if not plain:
                spans.add(s, e)
                kept.append((s, e))

    class M:
        def __init__(self, end):
            self.end = end

    for _ in range(200):
        out, last, pos = [], _LastBefore(), 0
        for _ in range(60):
            out.append(M(rng.randrange(0, 400)))
            pos += rng.randrange(0, 10)
            plain = max((m for m in out if m.end <= pos), key=lambda m: m.end, default=None)
            assert last.last(out, pos) is plain


# --- one article, several occurrences -------------------------------------------------------------------

THREE_DAYS = (
    "Trois jours d'attaques contre la coalition\n\n"
    "Le 4 janvier 2020, des roquettes ont visé la base aérienne d'Aïn al-Assad, selon un porte-parole de la "
    "coalition. Le 5 janvier, une nouvelle attaque a visé la base d'Aïn al-Assad. Le 6 janvier, des roquettes ont "
    "encore visé la base d'Aïn al-Assad, a précisé le porte-parole.\n"
)
ONE_NIGHT = (
    "Roquettes sur Aïn al-Assad\n\n"
    "Dans la nuit du 4 au 5 janvier 2020, des roquettes ont visé la base aérienne d'Aïn al-Assad, selon un "
    "porte-parole de la coalition. Le 5 janvier au matin, l'attaque contre la base d'Aïn al-Assad n'avait fait "
    "aucune victime, a précisé le porte-parole.\n"
)


def test_attacks_on_three_days_told_in_one_article_stay_three_events(tmp_path):
    from helpers.build import build

    d = make_data_dir(tmp_path, seeds=False, extra={"trois_jours.txt": THREE_DAYS.encode()})
    (d / "raw" / "articles.csv").write_text("file,published\ntrois_jours.txt,2020-01-07\n", encoding="utf-8")
    t = build(d)
    days = sorted(t.events[t.events.event_type == "attack"].date_start)
    assert days == ["2020-01-04", "2020-01-05", "2020-01-06"], t.events[["date_start", "clause"]].to_string()
    assert len(t.chronology) == 3, t.chronology[["date_start", "event_ids"]].to_string()


def test_a_night_told_over_two_days_stays_one_event(tmp_path):
    from helpers.build import build

    d = make_data_dir(tmp_path, seeds=False, extra={"nuit.txt": ONE_NIGHT.encode()})
    (d / "raw" / "articles.csv").write_text("file,published\nnuit.txt,2020-01-07\n", encoding="utf-8")
    t = build(d)
    attacks = t.events[t.events.event_type == "attack"]
    assert len(attacks) == 1, attacks[["date_start", "date_end", "clause"]].to_string()


def test_the_chronology_gives_no_day_of_slack_within_one_article():
    from datetime import date

    from helpers.across.merge import MergeMention, cluster

    def m(eid, aid, day):
        d = date(2020, 1, day)
        return MergeMention(eid, aid, "attack", d, d, "day", "", {"place:ain-al-asad", "roquettes"})

    same = cluster([m("a-e1", "a", 4), m("a-e2", "a", 5)])
    assert len(same.clusters) == 2, "one article's attacks of the 4th and the 5th became one row"
    other = cluster([m("a-e1", "a", 4), m("b-e1", "b", 5)])
    assert len(other.clusters) == 1, "two articles dating one attack a day apart are no longer one row"


def test_a_store_whose_writes_fail_still_gives_back_what_this_run_made(tmp_path):
    """A write to the result store that fails (a full disk, a file turned read-only): the run says so once and
    still reads back the values it put (a full build reads each extraction again for its tables)."""
    import sqlite3

    from helpers import config
    from helpers.store.results import ResultStore

    with ResultStore(config.paths(tmp_path)) as store:
        store.con.close()
        store.con = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)  # every write now fails
        store.put("extract", "k", {"made": 1})
        store.flush()
        assert store.get("extract", "k") == {"made": 1}, "a value put in this run is lost when the store cannot write"
        assert sum("cannot be kept" in n for n in store.notes) == 1, store.notes
