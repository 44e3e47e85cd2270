"""Shared fixtures: temporary data folders built from the repository's data/."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"
# an article written to attack the HTML outputs (scripts, handlers, quotes, template syntax)
HOSTILE = (
    "Attaque contre l'aéroport d'Erbil\n\n"
    "Le 3 mars 2021, des roquettes ont visé la base aérienne d'Aïn al-Assad <script>alert(1)</script> "
    "où l'on « cite » \"tout\" `ceci` ${alert(3)} <img src=x onerror=alert(2)>.\n\n"
    "Le 5 mars 2021, une attaque a visé l'aéroport d'Erbil, d'après l'armée <b onmouseover=alert(4)>x</b>.\n"
)


def tree_hash(folder: Path) -> str:
    """A hash of every file's relative path and bytes under ``folder``."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():  # a link is hashed as a link (where it points), never followed
            h.update(os.fsencode(p.relative_to(folder)) + b" -> " + os.fsencode(os.readlink(p)))
        elif p.is_file():
            h.update(os.fsencode(p.relative_to(folder)))
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


def copy_data_dir(tmp: Path) -> Path:
    """A copy of the repository's data folder (articles, sidecar, corrections, reference), without what the
    tool writes there: tests never write into the checkout."""
    d = tmp / "data"
    shutil.copytree(DATA, d, ignore=shutil.ignore_patterns("interim", "processed"))
    return d


@pytest.fixture(scope="session")
def seed_tables(tmp_path_factory):
    """The tables of the repository's data folder, built in a temporary copy of it."""
    from helpers.build import build

    return build(copy_data_dir(tmp_path_factory.mktemp("seeds")))


@pytest.fixture(scope="session")
def extended_tables(tmp_path_factory):
    """The seeds plus the articles of tests/fixtures/unseen/ (other outlets, styles, a language)."""
    from helpers.build import build

    extra = {p.name: p.read_bytes() for p in UNSEEN.glob("*.txt")}
    d = make_data_dir(tmp_path_factory.mktemp("extended"), extra=extra)
    return build(d)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _need(what: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required but {what}")
    pytest.skip(f"{what} (make test installs it)")


@pytest.fixture(scope="module")
def browser():
    chromium = _chromium()
    if chromium is None:
        _need("Debian's chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()
