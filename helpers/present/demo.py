"""A demonstration corpus: the seed articles plus the articles of ``data/demo/``.

``data/demo/`` holds articles written for the project, not press (its sidecar names their outlet
« Article de démonstration »). Each shows kinds of figure the seed corpus lacks — troops arriving,
leaving or moved, a part of a level, a planned level, a level at one site — so that notebook 03
can show every kind as what it is. They never enter the research corpus (``data/raw/``, read-only):
the notebook charts them apart, under titles that say so. The corpus is assembled under
``data/interim/demo/``, a cache folder rebuilt from its sources on every call.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from .. import config
from ..read.corpus import read_sidecar
from ..read.files import NotRead, read_regular

SIDECAR_COLUMNS = ["file", "outlet", "url", "published", "title", "language"]


def demo_data_dir(data_dir: str | Path | None = None) -> Path:
    """A data folder with the reference layers, the seed articles and the demonstration articles
    (with both sidecars' rows); ``build()`` reads it like any other."""
    p = config.paths(data_dir)
    demo = p.data_dir / "demo"
    out = p.interim / "demo"
    for sub in ("raw", "reference"):
        shutil.rmtree(out / sub, ignore_errors=True)
    shutil.copytree(p.reference, out / "reference")
    arts = out / "raw" / "articles"
    arts.mkdir(parents=True)
    rows: list[dict] = []
    for src, sidecar in ((p.articles, p.sidecar), (demo / "articles", demo / "articles.csv")):
        names = sorted(f.name for f in src.glob("*.txt"))
        for name in names:
            try:  # only regular files, read without following a link (see helpers/read/files.py)
                (arts / name).write_bytes(read_regular(src / name, config.MAX_FILE_BYTES, src))
            except NotRead:
                continue
        rows += [{c: r.get(c, "") for c in SIDECAR_COLUMNS} for r in read_sidecar(sidecar)[0].values()]
    with (out / "raw" / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=SIDECAR_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return out
