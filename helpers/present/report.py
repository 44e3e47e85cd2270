"""``python -m helpers report``: run notebooks 00–03 and build the report site.

The tables are built first (the export); then each notebook runs top to bottom in a fresh kernel, one kernel
per core at once (:func:`run_all`), is saved executed in place, and is
exported to HTML under ``reports/``; ``reports/index.html`` links them with the one-line
finding of each, the corpus size, the articles' date range and the build date.
A ``--data-dir`` is passed to the notebooks' ``parameters`` cell (papermill style).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

import nbformat

from .. import config

NOTEBOOKS_DIR = config.REPO_DIR / "notebooks"


def notebooks(folder: Path | None = None) -> list[Path]:
    """The numbered notebooks of ``folder`` (default: notebooks/), in order."""
    return sorted((folder or NOTEBOOKS_DIR).glob("[0-9][0-9]-*.ipynb"))


def inject_parameters(nb, data_dir: str | None) -> None:
    """Set ``data_dir`` in the cell tagged ``parameters`` (left as is when None)."""
    if data_dir is None:
        return
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = f"data_dir = {data_dir!r}"
            return


class NotebookFailed(Exception):
    """A notebook's cell raised: the message names the cell and the underlying error."""


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def cell_error(nb, exc) -> str:
    """One line for a failing cell: its number, its first line of code, the error and where it was raised."""
    number, source = "?", ""
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            number, source = str(i + 1), next((ln for ln in cell.source.splitlines() if ln.strip()), "")
            break
    ename = getattr(exc, "ename", "") or type(exc).__name__
    evalue = " ".join(str(getattr(exc, "evalue", "") or exc).split())
    frames = [ANSI.sub("", f) for f in getattr(exc, "traceback", None) or []]
    where = re.findall(r"File (\S+?):(\d+)", "\n".join(frames)) or re.findall(r"(\S+\.py):(\d+)", "\n".join(frames))
    at = f" (raised in {Path(where[-1][0]).name}, line {where[-1][1]})" if where else ""
    text = f"code cell {number} `{source.strip()[:80]}`: {ename}: {evalue[:300]}{at}"
    return "".join(c if c.isprintable() else " " for c in text)


def run_notebook(path: Path, data_dir: str | None = None, save: bool = True):
    """Run a notebook top to bottom in a fresh kernel (``data_dir`` injected); save it executed when ``save``.
    A failing cell raises :class:`NotebookFailed` naming the cell and the underlying error."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, data_dir)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        raise NotebookFailed(cell_error(nb, exc)) from None
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    if save:
        nbformat.write(nb, path)
    return nb


BACK = (
    "<nav style='font:14px sans-serif;padding:.5em 1em;background:#f4f4f4;border-bottom:1px solid #ddd'>"
    "<a href='{href}'>← Retour à l'index des rapports</a></nav>"
)


def export_html(nb, out: Path) -> None:
    """The notebook as a page of the report site: a link back to the index on top, and no script
    fetched from a CDN (nbconvert adds require.js and MathJax, which these notebooks do not use)."""
    import re

    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    body = re.sub(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", "", body)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + BACK.format(href="index.html"), body, count=1)
    body = body.replace(
        "<style",
        "<style>.jp-RenderedHTMLCommon table.chrono td,.jp-RenderedHTMLCommon "
        "table.chrono th,.jp-RenderedHTMLCommon table.bibliography td,.jp-RenderedHTMLCommon "
        "table.bibliography th{text-align:left}</style>\n<style",
        1,
    )
    out.write_text(body, encoding="utf-8")


PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:64em;margin:2em auto;line-height:1.4;padding:0 1em}}
td,th{{padding:.3em .8em;border-bottom:1px solid #ddd;vertical-align:top;text-align:left}}
table{{border-collapse:collapse}} img.thumb{{max-width:22em;max-height:14em;border:1px solid #ddd}}</style></head>
<body>{back}<h1>{title}</h1>
{body}
</body></html>
"""

FIGURE_TITLES = {  # what each saved figure shows, for the figures page
    "articles_over_time": ("Articles par date de publication et par média", "00-explore-corpus.html"),
    "timeline": ("Chronologie : ce qui s'est passé, quand, selon combien de médias", "01-build-chronology.html"),
    "map_bases": ("Carte statique des sites et de leur dernier statut", "02-map-bases.html"),
    "troops": ("Effectifs de troupes cités, par pays", "03-chart-troop-figures.html"),
    "casualties": ("Bilans de victimes cités", "03-chart-troop-figures.html"),
}


def figures_page(out: Path) -> str:
    """A page listing every saved figure: picture, PNG, SVG, the CSV of the data it shows, its report."""
    rows = []
    for png in sorted((out / "figures").glob("*.png")):
        name = png.stem
        title, report = FIGURE_TITLES.get(name, (name.replace("_", " "), ""))
        links = " · ".join(
            f"<a href='{html.escape(name)}.{ext}'>{ext.upper()}</a>"
            for ext in ("png", "svg", "csv")
            if (out / "figures" / f"{name}.{ext}").exists()
        )
        rep = f"<br><a href='../{html.escape(report)}'>dans le rapport</a>" if report else ""
        rows.append(
            f"<tr><td><a href='{html.escape(name)}.png'><img class='thumb' src='{html.escape(name)}.png' "
            f"alt='{html.escape(title)}'></a></td><td><b>{html.escape(title)}</b><br>{links}{rep}</td></tr>"
        )
    if (out / "figures" / "map_bases.html").exists():
        rows.append(
            "<tr><td></td><td><b>Carte interactive des sites</b> (fonctionne hors ligne)<br>"
            "<a href='map_bases.html'>HTML</a> · <a href='../02-map-bases.html'>dans le rapport</a></td></tr>"
        )
    body = (
        "<p>Chaque figure est enregistrée en PNG et SVG, à côté du CSV des données exactes qu'elle montre.</p>"
        "<table><tr><th>Aperçu</th><th>Figure et fichiers</th></tr>" + "".join(rows) + "</table>"
    )
    return PAGE.format(title="Figures", back=BACK.format(href="../index.html"), body=body)


def bibliography_page(articles) -> str:
    """The report site's bibliography page."""
    from .facts import bibliography_html

    body = (
        "<p>Les articles du corpus : média, titre, date de publication, adresse (des métadonnées, de la page "
        "ou de son pied de page) et fichier. Un article dont le média n'est pas identifié est nommé par son "
        "titre ou son fichier.</p>" + bibliography_html(articles)
    )
    return PAGE.format(title="Bibliographie du corpus", back=BACK.format(href="index.html"), body=body)


def finding(nb) -> str:
    """The first chart title or first markdown question of a notebook, as its one-line finding."""
    import re

    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            text = o.get("text", "") if o.get("output_type") == "stream" else ""
            if text.startswith("FINDING:"):
                return text[8:].strip()
    for cell in nb.cells:
        m = re.search(r"\*\*Question ?:\*\*\s*(.+)", cell.source) if cell.cell_type == "markdown" else None
        if m:
            return m.group(1).split("\n")[0]
    return ""


def build_index(entries: list[tuple[str, str, str]], data_dir: str | None, articles=None) -> str:
    """The report site's index page: corpus size, date range and one line per notebook."""
    from ..build import build

    a = articles if articles is not None else build(data_dir).articles  # the saved build, as the notebooks read it
    ok = a[a.status == "ok"]
    dates = sorted(d for d in ok.published if d)
    span = (
        f"publiés entre {dates[0]} et {max(ok.published_end.max(), dates[-1])}"
        if dates
        else "dates de publication inconnues"
    )
    rows = "\n".join(
        f"<tr><td><a href='{html.escape(href)}'>{html.escape(title)}</a></td><td>{html.escape(find)}</td></tr>"
        for href, title, find in entries
    )
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Retrait de la coalition d'Irak — rapports</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}}
td{{padding:.3em .8em;border-bottom:1px solid #ddd;vertical-align:top}}</style></head>
<body><h1>Le retrait de la coalition d'Irak selon la presse francophone</h1>
<p>Corpus : {len(ok)} articles lus sur {len(a)} fichiers ; {html.escape(span)}.
Construit le {date.today().isoformat()}.</p>
<table><tr><th>Rapport</th><th>Ce qu'il montre</th></tr>
{rows}
</table>
<p><a href="figures/index.html">Figures (PNG, SVG et CSV des données montrées)</a> ·
<a href="figures/map_bases.html">Carte interactive</a> (hors ligne) ·
<a href="bibliography.html">Bibliographie du corpus</a></p>
<p><small>Fonds de carte : Natural Earth (domaine public). Noms de lieux : GeoNames, CC BY 4.0.</small></p>
</body></html>
"""


def _run_and_export(path: Path, data_dir: str | None, save: bool, out: Path) -> tuple[str, str, str] | str:
    """One notebook run and exported as a page of the report site: its index entry (page, title, finding),
    or, when it fails, what failed (the cell and its error, or what happened to the kernel)."""
    try:
        nb = run_notebook(path, data_dir, save=save)
    except NotebookFailed as exc:
        return f" at {exc}"
    except Exception as exc:  # the kernel itself (timeout, dead kernel…)
        first = " ".join(str(exc).split())[:300]
        return f": {type(exc).__name__}: {first}"
    target = out / f"{path.stem}.html"
    export_html(nb, target)
    title = next((c.source.splitlines()[0].lstrip("# ") for c in nb.cells if c.cell_type == "markdown"), path.stem)
    return target.name, title, finding(nb)


def run_all(paths: list[Path], data_dir: str | None, save: bool, out: Path, jobs: int | None = None) -> list:
    """Each notebook run and exported (:func:`_run_and_export`), in order of ``paths``, on ``jobs`` kernels at
    once (default: one per core). They can run at once: the export just built the tables, so each notebook's
    ``build`` reads the saved build, writes nothing, and each writes only its own files (pages, figures,
    the demonstration folder of notebook 03 alone); each runs in its own kernel, so its outputs are what it
    would give alone. The last start first: here the heaviest (notebook 03 builds a second corpus, the
    demonstration's, and draws four charts), so that the others run beside it."""
    from concurrent.futures import ThreadPoolExecutor

    from tqdm import tqdm

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths) or 1))
    with ThreadPoolExecutor(jobs) as pool, tqdm(total=len(paths), desc="notebooks", unit="nb") as bar:

        def one(path: Path):
            try:
                return _run_and_export(path, data_dir, save, out)
            finally:
                bar.update()

        futures = {path: pool.submit(one, path) for path in reversed(paths)}
        return [futures[path].result() for path in paths]


def main(argv: list[str] | None = None) -> int:
    """Build the tables, run the notebooks, export them as HTML and write the report site's index."""
    parser = argparse.ArgumentParser(prog="python -m helpers report", description=__doc__)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--no-save", action="store_true", help="do not save executed notebooks in place")
    parser.add_argument("--out", default=None, help="report folder (default: reports/)")
    parser.add_argument("--notebooks-dir", default=None, help="run the notebooks of this folder (default: notebooks/)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve() if args.out else config.REPORTS_DIR
    os.environ["IRAQ_REPORTS_DIR"] = str(out)  # the notebooks' kernels inherit it (config.REPORTS_DIR there)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    from ..build import InputError
    from .export import export

    try:
        summary = export(args.data_dir, progress=True)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary)
    paths = notebooks(Path(args.notebooks_dir) if args.notebooks_dir else None)
    save = not args.no_save and args.data_dir is None
    entries = []
    for path, got in zip(paths, run_all(paths, args.data_dir, save, out)):
        if isinstance(got, str):  # which notebook, which cell or what of the kernel, and the error; then stop
            print(f"error: {path.name} failed{got}", file=sys.stderr)
            return 1
        entries.append(got)
    from ..build import build

    articles = build(args.data_dir).articles  # the saved build, as the notebooks read it
    (out / "index.html").write_text(build_index(entries, args.data_dir, articles), encoding="utf-8")
    (out / "bibliography.html").write_text(bibliography_page(articles), encoding="utf-8")
    (out / "figures" / "index.html").write_text(figures_page(out), encoding="utf-8")
    n_fig = len(list((out / "figures").glob("*.png")))
    shown = "reports" if out == config.REPO_DIR / "reports" else out.name
    print(
        f"report: {len(entries)} notebooks run and exported, {n_fig} figures, "
        f"{shown}/index.html written in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
