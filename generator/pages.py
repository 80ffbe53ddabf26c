"""Which handbook pages exist (home, families, roles, competencies, paths, matrix).

No page lists the whole catalogue: the home page links the families and competency groups,
family pages list their roles and paths, ``competencies/index.md`` lists the competencies by
group, and the matrix has one page per family (``matrix/<family-id>.md``) under an overview.

Each page gets a ready view object (``views.py``, ``pathview.py``, ``matrix.py``); the
templates in ``docs_templates/`` only present it.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .diff import ChangeReport
from .diff_render import markdown_body, markdown_role_note
from .load import MAX_FILE_BYTES
from .matrix import matrix_families
from .model import Family, Handbook
from .page import Page
from .pathview import path_view
from .relations import Relations
from .sheets import sheet_pages
from .views import Views


def family_page(family_id: str) -> str:
    """A family page is an index page: MkDocs Material shows it as its nav section's page.

    Its URL is ``families/<id>/`` all the same (``use_directory_urls``).
    """
    return f"families/{family_id}/index.md"


def matrix_page(family_id: str) -> str:
    """The matrix of one family's roles, at ``matrix/<id>/``."""
    return f"matrix/{family_id}.md"


GUIDE, SECURITY, CHANGES = "guide.md", "security.md", "changes.md"
MATRIX, COMPETENCIES = "matrix/index.md", "competencies/index.md"


def plan_pages(
    handbook: Handbook, relations: Relations, changes: ChangeReport | None = None
) -> Iterator[Page]:
    """Every handbook page in a stable order; sheets are planned by ``sheets.py``.

    ``changes`` compares this edition with an earlier one: it adds the change page and a
    note on every role whose expectations changed.
    """
    views = Views(handbook, relations)
    t = views.t
    sheets = sheet_pages(handbook, relations)
    with_matrix = matrix_families(handbook, relations)
    known = _page_paths(handbook, sheets, with_matrix)
    known |= {CHANGES} if changes else set()
    yield Page("index.md", "home.md.j2", t["home"], {"view": views.home()})
    for family in handbook.families:
        context: dict[str, object] = {"view": views.family(family)}
        yield Page(family_page(family.id), "family.md.j2", family.name, context)
    for role in relations.roles_in_order:
        has_sheet = f"sheets/{role.id}.md" in sheets
        context = {"role": role, "view": views.role(role, has_sheet=has_sheet)}
        context["change_note"] = _role_note(changes, role.id, known)
        yield Page(f"roles/{role.id}.md", "role.md.j2", role.title, context)
    context = {"groups": views.group_summaries()}
    yield Page(COMPETENCIES, "competencies.md.j2", t["competency_catalogue"], context)
    for competency in handbook.competencies:
        context = {"view": views.competency(competency)}
        yield Page(f"competencies/{competency.id}.md", "competency.md.j2", competency.name, context)
    for path in handbook.paths:
        context = {"view": path_view(views, path, sheets)}
        yield Page(f"paths/{path.id}.md", "path.md.j2", path.title, context)
    yield Page(MATRIX, "matrix.md.j2", t["matrix"], {"view": views.matrix_index()})
    for family in with_matrix:
        context = {"view": views.family_matrix(family)}
        yield Page(matrix_page(family.id), "matrix_family.md.j2", family.name, context)
    yield Page(GUIDE, "guide.md.j2", t["guide_title"])
    limits = {"max_file_mb": MAX_FILE_BYTES // (1024 * 1024)}
    yield Page(SECURITY, "security.md.j2", t["security"], limits)
    if changes is not None:
        body = markdown_body(changes, pages=known, from_page=CHANGES)
        yield Page(CHANGES, "changes.md.j2", t["diff_title"], {"body": body})


def _page_paths(
    handbook: Handbook, sheets: frozenset[str], matrix_families: tuple[Family, ...]
) -> set[str]:
    """The paths of every page, for links that must only point at existing pages."""
    return {
        "index.md",
        MATRIX,
        COMPETENCIES,
        GUIDE,
        SECURITY,
        *(family_page(f.id) for f in handbook.families),
        *(matrix_page(f.id) for f in matrix_families),
        *(f"roles/{r.id}.md" for r in handbook.roles),
        *(f"competencies/{c.id}.md" for c in handbook.competencies),
        *(f"paths/{p.id}.md" for p in handbook.paths),
        *sheets,
    }


def _role_note(changes: ChangeReport | None, role_id: str, known: set[str]) -> Markup:
    if changes is None:
        return Markup("")
    return markdown_role_note(changes, role_id, pages=known, from_page=f"roles/{role_id}.md")
