"""The code's layout keeps the pipeline visible: each stage imports only from the stages before it, no
import cycle, every public function (and every long one) says what it does, nothing is pickled."""

import ast
from pathlib import Path

import pytest

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
# the stages in order; a module may import from its own stage and the ones before it
STAGE = {
    "config": 0,
    "vocabulary": 0,
    "text": 0,
    "read": 1,
    "extract": 2,
    "across": 3,
    "corrections": 3,
    "store": 4,
    "tables": 5,
    "build": 6,
    "workers": 6,
    "present": 7,
    "evaluate": 7,
    "timeml": 7,
    "__main__": 8,
}
LONG = 30  # lines: a function this long says what it does, public or not


def _modules() -> dict[str, Path]:
    out = {}
    for f in sorted(HELPERS.rglob("*.py")):
        parts = f.relative_to(HELPERS.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = f
    return out


def _imports(name: str, path: Path, modules: dict) -> set[str]:
    """The helpers modules ``name`` imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            full = f"{base}.{node.module}" if node.module else base
        elif node.module and node.module.split(".")[0] == "helpers":
            full = node.module
        else:
            continue
        for alias in node.names:
            out.add(f"{full}.{alias.name}" if f"{full}.{alias.name}" in modules else full)
    return {m for m in out if m in modules and m not in (name, "helpers")}


def _stage(name: str) -> int | None:
    parts = name.split(".")
    return STAGE.get(parts[1]) if len(parts) > 1 else None


def test_every_module_has_a_stage():
    unknown = [m for m in _modules() if m != "helpers" and _stage(m) is None]
    assert not unknown, f"modules outside the stages of tests/test_layout.py (add them to STAGE): {unknown}"


def test_imports_go_only_to_earlier_stages():
    modules = _modules()
    upward = [
        f"{m} imports {d}"
        for m, path in modules.items()
        for d in sorted(_imports(m, path, modules))
        if _stage(m) is not None and _stage(d) is not None and _stage(d) > _stage(m)
    ]
    assert not upward, "a stage imports a later one: " + "; ".join(upward)


def test_no_import_cycle():
    modules = _modules()
    graph = {m: _imports(m, p, modules) for m, p in modules.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(path[path.index(d) :] + [d])
            elif d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def _undocumented(path: Path) -> list[str]:
    out = []

    def visit(node, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = child.end_lineno - child.lineno + 1
                public = not nested and not child.name.startswith("_")
                if ast.get_docstring(child) is None and (public or lines > LONG):
                    out.append(f"{path.relative_to(HELPERS.parent)}:{child.lineno} {child.name} ({lines} lines)")
                visit(child, True)
            else:
                visit(child, nested)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return out


@pytest.mark.parametrize("name", sorted(_modules()))
def test_public_and_long_functions_have_a_docstring(name):
    missing = _undocumented(_modules()[name])
    assert not missing, f"functions without a docstring (public, or over {LONG} lines): {missing}"


def test_nothing_is_pickled():
    users = [
        str(p.relative_to(HELPERS.parent))
        for p in HELPERS.rglob("*.py")
        if any(
            isinstance(n, (ast.Import, ast.ImportFrom))
            and any(a.name.split(".")[0] in ("pickle", "marshal", "shelve", "dill") for a in n.names)
            or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in ("pickle", "marshal", "shelve"))
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert not users, f"modules that can deserialize code from disk (use a data format): {users}"
