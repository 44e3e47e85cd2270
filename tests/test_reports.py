"""The report site as a reader meets it: notebooks that do not change when nothing changed."""
from __future__ import annotations

import shutil

from .conftest import ROOT


def test_two_report_runs_leave_the_notebooks_byte_identical(tmp_path, monkeypatch):
    from helpers import config
    from helpers.present.report import main

    monkeypatch.setenv("IRAQ_REPORTS_DIR", str(tmp_path / "reports"))  # restored after the test
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    nbs = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", nbs)
    args = ["--notebooks-dir", str(nbs), "--out", str(tmp_path / "reports")]
    assert main(args) == 0
    first = {p.name: p.read_bytes() for p in nbs.glob("*.ipynb")}
    assert main(args) == 0
    changed = [p.name for p in nbs.glob("*.ipynb") if p.read_bytes() != first[p.name]]
    assert not changed, f"a second `make report` with nothing changed rewrote {changed}"
