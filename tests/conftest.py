"""Shared fixtures: temporary data folders built from the repository's data/."""
import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


def tree_hash(folder: Path) -> str:
    """A hash of every file's relative path and bytes under ``folder``."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def make_data_dir(tmp: Path, seeds: bool = True, extra: dict[str, bytes] | None = None) -> Path:
    """A data folder with the reference layers, the seed articles (optional) and extra files."""
    d = tmp / "data"
    shutil.copytree(DATA / "reference", d / "reference")
    (d / "raw" / "articles").mkdir(parents=True)
    if seeds:
        for p in (DATA / "raw" / "articles").glob("*.txt"):
            shutil.copy(p, d / "raw" / "articles" / p.name)
    for name, content in (extra or {}).items():
        (d / "raw" / "articles" / name).write_bytes(content)
    return d


@pytest.fixture(scope="session")
def seed_tables():
    from helpers.export import make_tables

    return make_tables(DATA)


@pytest.fixture(scope="session")
def extended_tables(tmp_path_factory):
    """The seeds plus the articles of tests/fixtures/unseen/ (other outlets, styles, a language)."""
    from helpers.export import make_tables

    extra = {p.name: p.read_bytes() for p in UNSEEN.glob("*.txt")}
    d = make_data_dir(tmp_path_factory.mktemp("extended"), extra=extra)
    return make_tables(d)
