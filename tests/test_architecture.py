"""The package's shape: stages as subpackages, imports only downstream, no cycle, every
module documented where a reader looks first."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT / "generator"

# What each part may import (besides itself): the pipeline's order, nothing upstream.
ALLOWED = {
    "errors": set(),
    "contract": set(),
    "resources": set(),
    "tables": {"contract"},  # the catalogue as tables: read by load/, written by render/
    "model": {"errors", "contract"},
    "load": {"errors", "contract", "tables"},
    "check": {"errors", "contract", "load", "model"},
    "render": {"errors", "contract", "model", "resources", "tables"},
    "write": {"errors"},
    "pipeline": {"errors", "load", "check", "model", "render", "write"},
    "commands": {
        "errors",
        "contract",
        "resources",
        "tables",
        "load",
        "check",
        "model",
        "render",
        "write",
        "pipeline",
    },
    "cli": {"errors", "check", "commands", "pipeline", "load"},
    "__main__": {"cli"},
}
STAGE_WORDS = {
    "load": "Load:",
    "check": "Check:",
    "model": "Model:",
    "render": "Render:",
    "write": "Write:",
    "commands": "Command",
}


def modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PROJECT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in it (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = modules()
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = node.module or ""
            target = f"{base}.{module}".strip(".") if node.level else module
            for alias in node.names:  # ``from . import urls`` names a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def part(name: str) -> str:
    """``generator.render.views`` -> ``render``; ``generator.cli`` -> ``cli``."""
    return name.split(".")[1] if "." in name else "package"


GRAPH = {name: imports(name, path) for name, path in modules().items()}


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_imports_follow_the_pipeline(name: str) -> None:
    """Assert that a module imports only its own part and the parts before it."""
    own = part(name)
    if own == "package":
        return
    wrong = {m for m in GRAPH[name] if part(m) not in ALLOWED[own] | {own, "package"}}
    assert not wrong, f"{name} imports {sorted(wrong)} (upstream of {own}, or beside it)"


def test_no_import_cycle() -> None:
    """Assert that no chain of imports (module level or inside functions) leads back."""
    done: set[str] = set()

    def visit(name: str, chain: list[str]) -> None:
        if name in chain:
            cycle = chain[chain.index(name) :] + [name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for other in sorted(GRAPH[name]):
            visit(other, [*chain, name])
        done.add(name)

    for name in sorted(GRAPH):
        visit(name, [])


@pytest.mark.parametrize("name", sorted(n for n in GRAPH if part(n) in STAGE_WORDS))
def test_first_line_names_the_stage(name: str) -> None:
    """Assert that a stage module's docstring starts by naming its stage."""
    docstring = ast.get_docstring(ast.parse(modules()[name].read_text(encoding="utf-8")))
    assert docstring, f"{name} has no docstring"
    if not name.endswith("__init__") and modules()[name].name != "__init__.py":
        assert docstring.startswith(STAGE_WORDS[part(name)]), docstring.splitlines()[0]


def test_readme_design_names_every_module() -> None:
    """Assert that the README's design section names every module of the package."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    design = readme[readme.index("## Design") :]
    design = design[: design.index("\n## ", 1)]
    missing = [
        path.relative_to(PACKAGE).as_posix()
        for path in modules().values()
        if path.name not in ("__init__.py", "__main__.py")
        and path.relative_to(PACKAGE).as_posix() not in design
    ]
    assert not missing, f"not in the README's design section: {missing}"
