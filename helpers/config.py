"""Paths and settings in one place.

Every path the project uses is derived from ``DATA_DIR`` (the repository's ``data/``)
or from a ``data_dir`` argument, so a notebook or the export command can be pointed
at another corpus without editing code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"
# where reports and figures go; `python -m helpers report --out DIR` sets it for the notebooks it runs
REPORTS_DIR = Path(os.environ.get("IRAQ_REPORTS_DIR") or REPO_DIR / "reports")

# Files larger than this are skipped with a reason rather than read (a news article is
# tens of kilobytes; a multi-megabyte "article" is a scrape gone wrong).
MAX_FILE_BYTES = 2_000_000

# The period the corpus is about (the coalition's withdrawal, 2019–2025, and its aftermath). Used only as
# a last resort, to choose between candidate years when nothing in the text or the corpus decides.
STUDY_START_YEAR = 2019
STUDY_END_YEAR = 2026
# The earliest year a weekday-dated publication is looked for (the coalition was formed in 2014).
EARLIEST_YEAR = 2014


@dataclass(frozen=True)
class Paths:
    """The folders and files of one data directory (see data/README.md)."""

    data_dir: Path

    @property
    def raw(self) -> Path:
        """The input folder (never written)."""
        return self.data_dir / "raw"

    @property
    def articles(self) -> Path:
        """The article files."""
        return self.raw / "articles"

    @property
    def sidecar(self) -> Path:
        """The optional metadata sidecar."""
        return self.raw / "articles.csv"

    @property
    def corrections(self) -> Path:
        """The researcher's corrections (input, never written by the tool; see helpers/corrections.py)."""
        return self.data_dir / "corrections.csv"

    @property
    def reference(self) -> Path:
        """The reference layers, gazetteer, outlets and stop words."""
        return self.data_dir / "reference"

    @property
    def interim(self) -> Path:
        """What the tool keeps between runs (per-article results, the saved build); safe to delete."""
        return self.data_dir / "interim"

    @property
    def processed(self) -> Path:
        """The exported tables."""
        return self.data_dir / "processed"


def paths(data_dir: str | Path | None = None) -> Paths:
    """Return the :class:`Paths` of ``data_dir`` (default: the repository's ``data/``)."""
    return Paths(Path(data_dir) if data_dir is not None else DATA_DIR)
