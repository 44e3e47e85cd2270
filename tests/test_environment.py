"""environment.yml (conda) and requirements.txt (pip) pin the same packages and versions."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements() -> dict[str, str]:
    out = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            out[_norm(name)] = version
    return out


def environment() -> dict[str, str]:
    out = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        line = line.split("#")[0].strip()
        m = re.match(r"^-\s+([A-Za-z0-9_.-]+)\s*(==|=)\s*([0-9][^\s]*)$", line)
        if m and _norm(m.group(1)) != "python":
            out[_norm(m.group(1))] = m.group(3)
    return out


def test_same_packages_and_versions():
    req, env = requirements(), environment()
    assert req, "requirements.txt lists nothing"
    assert env == req, {
        "only pip": sorted(set(req) - set(env)),
        "only conda": sorted(set(env) - set(req)),
        "different": sorted(k for k in set(req) & set(env) if req[k] != env[k]),
    }


def test_every_requirement_pinned_in_constraints():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            pins[_norm(name)] = version
    for name, version in requirements().items():
        assert pins.get(name) == version, f"{name}: constraints.txt has {pins.get(name)}, requirements.txt {version}"


def test_python_version_declared():
    assert "python=3.11" in (ROOT / "environment.yml").read_text()
    assert 'requires-python = ">=3.11"' in (ROOT / "pyproject.toml").read_text()
