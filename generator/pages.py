"""Which handbook pages exist (home, families, roles, competencies, paths, matrix).

Each page gets a ready view object (``views.py``, ``pathview.py``, ``matrix.py``); the
templates in ``docs_templates/`` only present it.
"""

from __future__ import annotations

from collections.abc import Iterator

from .matrix import build_matrix
from .model import Handbook
from .page import Page
from .pathview import path_view
from .relations import Relations
from .sheets import plan_sheets
from .views import Views


def family_page(family_id: str) -> str:
    """A family page is an index page: MkDocs Material shows it as its nav section's page.

    Its URL is ``families/<id>/`` all the same (``use_directory_urls``).
    """
    return f"families/{family_id}/index.md"


def plan_pages(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """Every handbook page in a stable order; sheets are planned by ``sheets.py``."""
    views = Views(handbook, relations)
    t = views.t
    sheets = frozenset(page.path for page in plan_sheets(handbook, relations))
    yield Page("index.md", "home.md.j2", t["home"], {"view": views.home()})
    for family in handbook.families:
        context: dict[str, object] = {"view": views.family(family)}
        yield Page(family_page(family.id), "family.md.j2", family.name, context)
    for role in relations.roles_in_order:
        has_sheet = f"sheets/{role.id}.md" in sheets
        context = {"role": role, "view": views.role(role, has_sheet=has_sheet)}
        yield Page(f"roles/{role.id}.md", "role.md.j2", role.title, context)
    for competency in handbook.competencies:
        context = {"view": views.competency(competency)}
        yield Page(f"competencies/{competency.id}.md", "competency.md.j2", competency.name, context)
    for path in handbook.paths:
        context = {"view": path_view(views, path, sheets)}
        yield Page(f"paths/{path.id}.md", "path.md.j2", path.title, context)
    context = {"matrix": build_matrix(handbook, relations)}
    yield Page("matrix.md", "matrix.md.j2", t["matrix"], context)
