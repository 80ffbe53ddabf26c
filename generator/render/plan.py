"""Render: the render plan, every file of a handbook's tree gathered before anything is written.

As Pelican's ``run`` and MkDocs' ``build`` do, the plan knows every page first: which pages
exist, which template renders each and with which view (``views.py``, ``pathview.py``,
``sheets.py``). The CLI, the MkDocs hook, the live preview and the PDF printer all consume a
``RenderPlan``; none of them assembles the pipeline on its own.

Pages are rendered as they are asked for, so a writer holds one page at a time. The files
come in two independent parts of about the same work (the pages, the matrix and everything
else; the reference pages and the sheets), which a writer may stage side by side: one part
per core of a two-core CI runner (a third process only made both slower).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..contract import MAX_FILE_BYTES
from ..model.diff import ChangeReport, diff_handbooks
from ..model.handbook import Handbook
from ..model.relations import Relations, relations_of
from ..resources import TEMPLATES
from . import site, text, urls
from .changes import markdown_body, markdown_role_note
from .compareview import compare_view, has_compare
from .environment import environment
from .exports import export_files
from .familyview import family_view
from .guide import guide_view
from .library import part_pages
from .matrix import matrix_families
from .nav import NavItem, navigation
from .page import Body, Page, bodies_template
from .pathview import path_view
from .prose import markdown_html
from .roletables import RoleTables
from .sheets import plan_sheets
from .views import Views

Files = Iterator[tuple[str, str | bytes]]  # text pages, and the organisation's images


class RenderPlan:
    """Every page, sheet and download of one handbook, with its navigation and settings.

    ``previous`` (an earlier edition) adds the change page and, on every role whose
    expectations changed, a note saying what changed.
    """

    def __init__(
        self,
        handbook: Handbook,
        previous: Handbook | None = None,
        *,
        templates: Path = TEMPLATES,
    ) -> None:
        self.handbook = handbook
        self.relations = relations_of(handbook)
        self.changes: ChangeReport | None = (
            diff_handbooks(previous, handbook) if previous is not None else None
        )
        self.templates = templates

    @cached_property
    def nav(self) -> list[NavItem]:
        return navigation(self.handbook, self.relations, with_changes=self.changes is not None)

    @cached_property
    def settings(self) -> dict[str, Any]:
        """The MkDocs settings that follow the catalogue (title, language, nav, footer)."""
        return site.settings(self.handbook, self.nav)

    def pages(self) -> Iterator[Page]:
        """The home, family, role and other pages of the handbook, in a stable order (the
        matrix: ``matrix_pages()``; reference pages: ``reference_pages()``; sheets:
        ``sheets()``)."""
        return plan_pages(self.handbook, self.relations, self.changes)

    def matrix_pages(self) -> Iterator[Page]:
        return plan_matrix_pages(self.handbook, self.relations)

    def reference_pages(self) -> Iterator[Page]:
        return plan_reference_pages(self.handbook, self.relations)

    def sheets(self) -> Iterator[Page]:
        return plan_sheets(self.handbook, self.relations)

    def files(self) -> tuple[Files, ...]:
        """The generated files of the tree's ``docs/`` and ``overrides/`` folders (path in
        the tree, text), in two independent parts of about the same work, which a writer may
        stage side by side: the pages with the matrix and the downloads; the reference pages
        (competencies, paths) with the sheets (their pages in ``docs/``, bodies in
        ``overrides/``)."""
        self._prepare()

        def pages() -> Files:
            yield from self._rendered(chain(self.pages(), self.matrix_pages()))
            for name, data in export_files(self.handbook, self.relations).items():
                yield _docs(name), data
            for image in self.handbook.images:
                yield _docs(urls.page_image(image.name)), image.data

        return pages(), self._rendered(chain(self.reference_pages(), self.sheets()))

    def tree(self) -> tuple[Iterator[tuple[str, bytes]], ...]:
        """Every file of a standalone tree (``docs/``, ``overrides/``, ``hooks/``,
        ``mkdocs.yml``) that builds without the generator's hook, in the same parts as
        ``files``."""
        pages, *others = self.files()

        def first() -> Iterator[tuple[str, bytes]]:
            yield from _encoded(pages)
            yield from site.static_files().items()
            yield "mkdocs.yml", site.standalone_config(self.handbook, self.nav).encode("utf-8")

        return first(), *(_encoded(part) for part in others)

    def _prepare(self) -> None:
        """Derive what both parts need once, before a writer may fork for the second."""
        self.relations.positions, self.relations.step_changes  # noqa: B018 - cached here

    def _rendered(self, pages: Iterable[Page]) -> Files:
        env = environment(self.handbook, self.templates)
        common = {"handbook": self.handbook}
        bodies: dict[str, dict[str, str]] = {}  # file of bodies -> body id -> body
        for page in pages:
            context = {**common, **page.context, "page": page}
            if page.body is not None:
                body = text.for_theme(env.get_template(page.body).render(context))
                name, body_id = urls.page_body(page.path), urls.body_id(page.path)
                bodies.setdefault(name, {})[body_id] = body
                checksum = f"{zlib.crc32(body.encode('utf-8')):08x}"
                # paths of ids, as they are
                context["body"] = Body(Markup(name), Markup(body_id), checksum)
            rendered = env.get_template(page.template).render(context)
            if page.theme:
                yield f"{urls.THEME}/{page.path}", text.for_theme(rendered)
            else:
                yield _docs(page.path), rendered
        for name, bundled in bodies.items():
            yield f"{urls.THEME}/{name}", bodies_template(bundled)


def _docs(name: str) -> str:
    return f"{urls.DOCS}/{name}"


def _encoded(files: Files) -> Iterator[tuple[str, bytes]]:
    for name, body in files:
        yield name, body.encode("utf-8") if isinstance(body, str) else body


def plan_pages(
    handbook: Handbook, relations: Relations, changes: ChangeReport | None = None
) -> Iterator[Page]:
    """Every handbook page: no page lists the whole catalogue (the home page links families
    and competency groups, family pages their roles and paths, the competency catalogue its
    competencies by group, and the matrix has a page per family)."""
    views = Views(handbook, relations)
    t = views.t
    yield Page(urls.HOME, "home.md.j2", t["home"], {"view": views.home()})
    for own in handbook.pages:
        page = urls.organisation_page(own.id)
        body = markdown_html(own.body, demote=0, images=True)
        yield Page(page, "page.md.j2", own.title, {"title": own.title, "body": body})
    for family in handbook.families:
        context: dict[str, object] = {"view": family_view(views, family)}
        yield Page(urls.family_page(family.id), "family.md.j2", family.name, context)
    tables = RoleTables()
    for role in relations.roles_in_order:
        page = urls.role_page(role.id)
        context = {"role": role, "view": views.role(role), "tables": tables}
        context["change_note"] = markdown_role_note(changes, handbook, role.id, from_page=page)
        yield Page(page, "role.md.j2", role.title, context, body="role_body.html.j2")
    yield from part_pages(tables.library)
    if has_compare(handbook):
        context = {"view": compare_view(handbook, relations)}
        yield Page(urls.COMPARE, "compare.md.j2", t["compare_title"], context)
    context = {"view": guide_view(handbook, relations)}
    yield Page(urls.GUIDE, "guide.md.j2", t["guide_title"], context)
    limits = {"max_file_mb": MAX_FILE_BYTES // (1024 * 1024)}
    yield Page(urls.SECURITY, "security.md.j2", t["security"], limits)
    if changes is not None:
        body = markdown_body(changes, handbook, from_page=urls.CHANGES)
        yield Page(urls.CHANGES, "changes.md.j2", t["diff_title"], {"body": body})


def plan_reference_pages(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """The competency catalogue and a page per competency, and a page per career path."""
    views = Views(handbook, relations)
    context: dict[str, object] = {"groups": views.competency_catalogue()}
    yield Page(urls.COMPETENCIES, "competencies.md.j2", views.t["competency_catalogue"], context)
    for competency in handbook.competencies:
        context = {"view": views.competency(competency)}
        page = urls.competency_page(competency.id)
        yield Page(page, "competency.md.j2", competency.name, context)
    for path in handbook.paths:
        context = {"view": path_view(views, path)}
        yield Page(urls.path_page(path.id), "path.md.j2", path.title, context)


def plan_matrix_pages(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """The matrix: an overview and a page per family."""
    views = Views(handbook, relations)
    yield Page(urls.MATRIX, "matrix.md.j2", views.t["matrix"], {"view": views.matrix_index()})
    for family in matrix_families(handbook, relations):
        context = {"view": views.family_matrix(family)}
        page = urls.family_matrix_page(family.id)
        yield Page(page, "matrix_family.md.j2", family.name, context, body="matrix_body.html.j2")


def render(handbook: Handbook, previous: Handbook | None = None) -> dict[str, str | bytes]:
    """Every generated file of a (small) handbook, at once: by its path in the docs folder,
    or for the theme's (page bodies and the pieces they share) by its path in the tree
    (``overrides/…``)."""
    parts = RenderPlan(handbook, previous).files()
    return {name.removeprefix(f"{urls.DOCS}/"): data for name, data in chain(*parts)}
