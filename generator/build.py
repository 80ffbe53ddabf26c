"""Orchestration: load -> validate -> render -> write, and the MkDocs build on top.

Nothing here decides content; each stage lives in its own module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diff import diff_handbooks
from .edition import load_edition
from .errors import CatalogueError, Severity
from .load import load
from .model import Handbook
from .nav import NavItem, navigation
from .relations import Relations
from .render import render
from .site import standalone_config, static_files
from .validate import Validation, validate
from .write import WriteReport, write


def check(root: Path, display_root: str | None = None) -> Validation:
    """Load and validate a catalogue root; never raises for bad input."""
    return validate(load(root, display_root))


def load_handbook(root: Path, display_root: str | None = None, *, strict: bool = False) -> Handbook:
    """The validated handbook, or ``CatalogueError`` listing every problem."""
    result = check(root, display_root)
    failing = [p for p in result.problems if strict or p.severity is Severity.ERROR]
    if failing or result.handbook is None:
        raise CatalogueError(failing or list(result.problems))
    return result.handbook


@dataclass(frozen=True)
class Generated:
    """A handbook rendered in memory: Markdown and data files, and the navigation."""

    pages: dict[str, str]
    nav: list[NavItem]


def generate_pages(handbook: Handbook, previous: Handbook | None = None) -> Generated:
    """Render every page; with ``previous`` (an earlier edition) also what changed since."""
    relations = Relations(handbook)
    changes = diff_handbooks(previous, handbook) if previous is not None else None
    nav = navigation(handbook, relations, with_changes=changes is not None)
    return Generated(render(handbook, changes=changes), nav)


def earlier_edition(source: str | None, root: Path) -> Handbook | None:
    """The edition to compare with: a catalogue folder or a git revision of ``root``."""
    return load_edition(source, root) if source else None


def tree_files(handbook: Handbook, previous: Handbook | None = None) -> dict[str, bytes]:
    """Every file of a standalone generated tree (docs/, overrides/, mkdocs.yml)."""
    generated = generate_pages(handbook, previous)
    files = {f"docs/{name}": body.encode("utf-8") for name, body in generated.pages.items()}
    files.update(static_files())
    files["mkdocs.yml"] = standalone_config(handbook, generated.nav).encode("utf-8")
    return files


def generate(
    root: Path,
    out: Path,
    *,
    display_root: str | None = None,
    strict: bool = False,
    changes_since: str | None = None,
) -> WriteReport:
    """Validate ``root`` and write its tree to ``out``; nothing is written on any error.

    ``changes_since`` names an earlier edition (folder or git revision) for the change page.
    """
    handbook = load_handbook(root, display_root, strict=strict)
    return write(tree_files(handbook, earlier_edition(changes_since, root)), out)


def build_site(tree: Path, site: Path) -> None:
    """A strict MkDocs build of a generated tree into ``site``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(tree / "mkdocs.yml"), site_dir=str(site.absolute()), strict=True)
    cwd = Path.cwd()
    try:
        os.chdir(tree)
        build(config)
    finally:
        os.chdir(cwd)
