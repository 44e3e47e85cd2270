"""``python -m helpers report``: run notebooks 00–03 in order and build the report site.

Each notebook runs top to bottom in a fresh kernel, is saved executed in place, and is
exported to HTML under ``reports/``; ``reports/index.html`` links them with the one-line
finding of each, the corpus size, the articles' date range and the build date.
A ``--data-dir`` is passed to the notebooks' ``parameters`` cell (papermill style).
"""
from __future__ import annotations

import argparse
import html
import os
import sys
import time
from datetime import date
from pathlib import Path

import nbformat

from .. import config

NOTEBOOKS_DIR = config.REPO_DIR / "notebooks"


def notebooks(folder: Path | None = None) -> list[Path]:
    return sorted((folder or NOTEBOOKS_DIR).glob("[0-9][0-9]-*.ipynb"))


def inject_parameters(nb, data_dir: str | None) -> None:
    """Set ``data_dir`` in the cell tagged ``parameters`` (left as is when None)."""
    if data_dir is None:
        return
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = f"data_dir = {data_dir!r}"
            return


def run_notebook(path: Path, data_dir: str | None = None, save: bool = True):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, data_dir)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    if save:
        nbformat.write(nb, path)
    return nb


def export_html(nb, out: Path) -> None:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out.write_text(body, encoding="utf-8")


def finding(nb) -> str:
    """The first chart title or first markdown question of a notebook, as its one-line finding."""
    import re

    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            text = o.get("text", "") if o.get("output_type") == "stream" else ""
            if text.startswith("FINDING:"):
                return text[8:].strip()
    for cell in nb.cells:
        m = re.search(r"\*\*Question:\*\*\s*(.+)", cell.source) if cell.cell_type == "markdown" else None
        if m:
            return m.group(1).split("\n")[0]
    return ""


def build_index(entries: list[tuple[str, str, str]], data_dir: str | None) -> str:
    from ..build import build

    a = build(data_dir).articles  # the saved build, as the notebooks read it
    ok = a[a.status == "ok"]
    dates = sorted(d for d in ok.published if d)
    span = f"publiés entre {dates[0]} et {max(ok.published_end.max(), dates[-1])}" if dates else \
        "dates de publication inconnues"
    rows = "\n".join(f"<tr><td><a href='{html.escape(href)}'>{html.escape(title)}</a></td>"
                     f"<td>{html.escape(find)}</td></tr>" for href, title, find in entries)
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
<p><a href="figures/">Figures (PNG, SVG et CSV des données montrées)</a> ·
<a href="figures/map_bases.html">Carte interactive</a></p>
<p><small>Fonds de carte : Natural Earth (domaine public). Noms de lieux : GeoNames, CC BY 4.0.</small></p>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers report", description=__doc__)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--no-save", action="store_true", help="do not save executed notebooks in place")
    parser.add_argument("--out", default=None, help="report folder (default: reports/)")
    parser.add_argument("--notebooks-dir", default=None, help="run the notebooks of this folder (default: notebooks/)")
    args = parser.parse_args(argv)
    from tqdm import tqdm

    out = Path(args.out).resolve() if args.out else config.REPORTS_DIR
    os.environ["IRAQ_REPORTS_DIR"] = str(out)  # the notebooks' kernels inherit it
    config.REPORTS_DIR = out
    (out / "figures").mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    from .export import export

    summary = export(args.data_dir, progress=True)
    print(summary)
    entries = []
    paths = notebooks(Path(args.notebooks_dir) if args.notebooks_dir else None)
    for path in tqdm(paths, desc="notebooks", unit="nb"):
        try:
            nb = run_notebook(path, args.data_dir, save=not args.no_save and args.data_dir is None)
        except Exception as exc:  # report which notebook failed and why, then stop
            print(f"error: {path.name} failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
                  file=sys.stderr)
            return 1
        target = out / f"{path.stem}.html"
        export_html(nb, target)
        title = next((c.source.splitlines()[0].lstrip("# ") for c in nb.cells if c.cell_type == "markdown"), path.stem)
        entries.append((target.name, title, finding(nb)))
    (out / "index.html").write_text(build_index(entries, args.data_dir), encoding="utf-8")
    n_fig = len(list((out / "figures").glob("*.png")))
    shown = "reports" if out == config.REPO_DIR / "reports" else out.name
    print(f"report: {len(entries)} notebooks run and exported, {n_fig} figures, "
          f"{shown}/index.html written in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
