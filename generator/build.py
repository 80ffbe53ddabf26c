"""Orchestration: load -> validate -> render -> write, and the MkDocs build on top.

Nothing here decides content; each stage lives in its own module.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diff import diff_handbooks
from .edition import load_edition
from .errors import CatalogueError, Severity
from .load import load
from .model import Handbook
from .nav import NavItem, navigation
from .relations import Relations
from .render import render_files, render_pages, render_sheets
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
    with without_cyclic_gc():
        pages = dict(render_files(handbook, relations, changes=changes))
    return Generated(pages, nav)


def earlier_edition(source: str | None, root: Path) -> Handbook | None:
    """The edition to compare with: a catalogue folder or a git revision of ``root``."""
    return load_edition(source, root) if source else None


def tree_files(handbook: Handbook, previous: Handbook | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of a standalone generated tree (docs/, overrides/, mkdocs.yml), one by one.

    Pages are rendered as they are asked for, so ``write`` holds one page at a time.
    """
    pages, sheets = tree_parts(handbook, previous)
    yield from pages
    yield from sheets


def tree_parts(
    handbook: Handbook, previous: Handbook | None = None
) -> tuple[Iterator[tuple[str, bytes]], Iterator[tuple[str, bytes]]]:
    """The files of the tree in two independent parts: everything but the sheets, and the
    sheets. ``write`` stages the second in a forked process while this one renders the first.
    """
    relations = Relations(handbook)
    relations.positions, relations.step_changes  # noqa: B018 - computed once, before a fork
    changes = diff_handbooks(previous, handbook) if previous is not None else None

    def pages() -> Iterator[tuple[str, bytes]]:
        for name, body in render_pages(handbook, relations, changes=changes):
            yield f"docs/{name}", body.encode("utf-8")
        yield from static_files().items()
        nav = navigation(handbook, relations, with_changes=changes is not None)
        yield "mkdocs.yml", standalone_config(handbook, nav).encode("utf-8")

    def sheets() -> Iterator[tuple[str, bytes]]:
        for name, body in render_sheets(handbook, relations):
            yield f"docs/{name}", body.encode("utf-8")

    return pages(), sheets()


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a handbook is generated.

    The model and pages are acyclic and freed by reference counting; the collector would only
    rescan the growing model again and again (a third of the run time at 1,000 roles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(
    root: Path,
    out: Path,
    *,
    display_root: str | None = None,
    strict: bool = False,
    changes_since: str | None = None,
    parallel: bool = True,
) -> WriteReport:
    """Validate ``root`` and write its tree to ``out``; nothing is written on any error.

    ``changes_since`` names an earlier edition (folder or git revision) for the change page.
    ``parallel`` renders the sheets in a forked process (not from a threaded server).
    """
    with without_cyclic_gc():
        handbook = load_handbook(root, display_root, strict=strict)
        previous = earlier_edition(changes_since, root)
        if not parallel:
            return write(tree_files(handbook, previous), out)
        pages, sheets = tree_parts(handbook, previous)
        return write(pages, out, alongside=[sheets])


def build_site(
    tree: Path, site: Path, *, serve_url: str | None = None, dirty: bool = False
) -> None:
    """A strict MkDocs build of a generated tree into ``site``.

    ``serve_url`` (``http://127.0.0.1:PORT/``) builds for the live preview instead: not
    strict, and with ``dirty`` only the pages whose Markdown changed since the last build.
    """
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    options: dict[str, Any] = {"site_dir": str(site.absolute()), "strict": serve_url is None}
    if serve_url is not None:
        options.update(site_url=serve_url, dev_addr=urlsplit(serve_url).netloc)
    config = load_config(str(tree / "mkdocs.yml"), **options)
    cwd = Path.cwd()
    try:
        os.chdir(tree)
        build(config, serve_url=serve_url, dirty=dirty)
    finally:
        os.chdir(cwd)
