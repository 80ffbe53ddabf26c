"""The pipeline in one place: load -> check -> model -> render plan -> write, then MkDocs.

Every entry point (the ``handbook`` commands, the MkDocs hook, the live preview, the PDF
printer) goes through these functions; none assembles the stages on its own. Nothing here
decides content: each stage lives in its own subpackage.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any

from .check.validate import Validation, validate
from .errors import CatalogueError, Severity
from .load.catalogue import READ_FOLDERS, load
from .load.edition import edition_at
from .model.handbook import Handbook
from .render import urls
from .render.plan import RenderPlan
from .write.site import check_site_folder, replace_site
from .write.writer import WriteReport, write


def check(root: Path, display_root: str | None = None) -> Validation:
    """Load and check a catalogue root; never raises for bad input."""
    return validate(load(root, display_root))


def checked(root: Path, display_root: str | None = None, *, strict: bool = False) -> Validation:
    """A catalogue that holds: its model, with the warnings it has (and those accepted).

    Raises ``CatalogueError`` listing every problem when there are errors (or, ``strict``,
    warnings).
    """
    result = check(root, display_root)
    failing = [p for p in result.problems if strict or p.severity is Severity.ERROR]
    if failing or result.handbook is None:
        raise CatalogueError(failing or list(result.problems))
    return result


def load_handbook(root: Path, display_root: str | None = None, *, strict: bool = False) -> Handbook:
    """The validated handbook, or ``CatalogueError`` listing every problem."""
    handbook = checked(root, display_root, strict=strict).handbook
    assert handbook is not None  # checked() raises otherwise
    return handbook


def earlier_edition(source: str | None, root: Path, *, base: Path | None = None) -> Handbook | None:
    """The edition to compare with: a catalogue folder (relative to ``base``, default the
    working directory) or a git revision of ``root``; None without a ``source``.

    Raises ``CatalogueError`` when that edition has errors, ``EditionError`` when it cannot
    be read.
    """
    if not source:
        return None
    folder = (base or Path.cwd()) / source
    if folder.is_dir():
        return load_handbook(folder, source)
    with edition_at(source, root) as (path, shown):
        return load_handbook(path, shown)


def plan(
    root: Path,
    *,
    display_root: str | None = None,
    strict: bool = False,
    changes_since: str | None = None,
) -> RenderPlan:
    """The render plan of the catalogue at ``root`` (``CatalogueError`` if it has errors).

    ``changes_since`` names an earlier edition (folder or git revision) for the change page.
    """
    return _planned(checked(root, display_root, strict=strict), root, changes_since)


def _planned(validation: Validation, root: Path, changes_since: str | None) -> RenderPlan:
    assert validation.handbook is not None  # checked() raises otherwise
    return RenderPlan(validation.handbook, earlier_edition(changes_since, root))


@dataclass(frozen=True)
class Generated:
    """What a generation wrote, and the catalogue's warnings (to report them)."""

    report: WriteReport
    validation: Validation


def generate(
    root: Path,
    out: Path,
    *,
    display_root: str | None = None,
    strict: bool = False,
    changes_since: str | None = None,
) -> Generated:
    """Check ``root`` and write its standalone tree to ``out``; nothing is written on any
    error, and only changed files are rewritten."""
    with without_cyclic_gc():
        validation = checked(root, display_root, strict=strict)
        render_plan = _planned(validation, root, changes_since)
        return Generated(write_tree(render_plan, out), validation)


@dataclass(frozen=True)
class InMemory:
    """The files of a plan for the MkDocs hook, which never writes them: the docs folder's
    pages (by their path in it) and the theme's templates: page bodies and the pieces they
    share (by name)."""

    docs: dict[str, str | bytes]
    theme: dict[str, str]


def in_memory(render_plan: RenderPlan) -> InMemory:
    docs: dict[str, str | bytes] = {}
    theme: dict[str, str] = {}
    for name, data in chain(*render_plan.files()):
        folder, _, path = name.partition("/")
        if folder == urls.THEME:
            assert isinstance(data, str)
            theme[path] = data
        else:
            docs[path] = data
    return InMemory(docs, theme)


def write_tree(render_plan: RenderPlan, out: Path) -> WriteReport:
    """Write the standalone tree of a plan to ``out`` (its parts side by side if possible)."""
    first, *others = render_plan.tree()
    return write(first, out, alongside=others)


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


def publish_site(tree: Path, site: Path, root: Path, *, site_url: str | None = None) -> None:
    """``build_site`` for ``handbook build``: built beside ``site`` and swapped in when
    complete, so that a failed build keeps the previous site; ``site`` may only be a new or
    empty folder or a site built before, neither be nor hold ``tree`` or the catalogue
    ``root``, and not lie in a folder the catalogue is read from. ``site_url``: where the
    site will be published (its 404 page and sitemap need it)."""
    build = partial(build_site, tree, site_url=site_url)
    replace_site(site, build, keep=_kept(root, tree), not_inside=_read_folders(root))


def check_site(site: Path, root: Path, *, tree: Path | None = None) -> None:
    """Raise ``OutputError`` when ``publish_site`` would refuse ``site`` for the catalogue
    ``root``: before a build spends its time on generating."""
    check_site_folder(site, _kept(root, tree), _read_folders(root))


def _kept(root: Path, tree: Path | None) -> tuple[Path, ...]:
    return (root, tree) if tree else (root,)


def _read_folders(root: Path) -> tuple[Path, ...]:
    """The catalogue's folders whose files it is read from: a site in one would be read."""
    return tuple(root / folder for folder in READ_FOLDERS)


def build_site(
    tree: Path,
    site: Path,
    *,
    serve_url: str | None = None,
    dirty: bool = False,
    site_url: str | None = None,
) -> None:
    """A strict MkDocs build of a generated tree into ``site``, for ``site_url`` if given
    (MkDocs' 404 page links from there: served below a path, it needs to know which).

    ``serve_url`` (``http://127.0.0.1:PORT/``) builds for the live preview instead: not
    strict, and with ``dirty`` only the pages whose Markdown changed since the last build.
    """
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    options: dict[str, Any] = {"site_dir": str(site.absolute()), "strict": serve_url is None}
    if site_url:
        options["site_url"] = site_url
    if serve_url is not None:
        options.update(site_url=serve_url, dev_addr=urlsplit(serve_url).netloc)
    config = load_config(str(tree / "mkdocs.yml"), **options)
    cwd = Path.cwd()
    try:
        os.chdir(tree)
        build(config, serve_url=serve_url, dirty=dirty)
    finally:
        os.chdir(cwd)
