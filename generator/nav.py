"""The site navigation: grouped by family and competency group, never one flat list."""

from __future__ import annotations

from typing import Any

from . import text
from .i18n import STRINGS
from .model import Handbook
from .pages import family_page
from .relations import Relations

NavItem = dict[str, Any] | str


def _entry(title: str, path: str) -> NavItem:
    return {text.plain_html(title): path}


def navigation(
    handbook: Handbook, relations: Relations, *, with_changes: bool = False
) -> list[NavItem]:
    """The MkDocs ``nav``: home, roles by family, paths, competencies by group, matrix.

    Each family is a section whose index page is the family page (``navigation.indexes``);
    with ``navigation.prune`` a page carries only the entries of its own section.
    """
    t = STRINGS[handbook.language]
    roles: list[NavItem] = []
    for family in handbook.families:
        members = [
            _entry(r.title, f"roles/{r.id}.md") for r in relations.roles_by_family[family.id]
        ]
        roles.append({text.plain_html(family.name): [family_page(family.id), *members]})
    paths = [_entry(p.title, f"paths/{p.id}.md") for p in handbook.paths]
    groups: list[NavItem] = []
    for group in handbook.groups:
        members = [_entry(c.name, f"competencies/{c.id}.md") for c in group.competencies]
        groups.append({text.plain_html(group.name): members})
    nav: list[NavItem] = [_entry(t["home"], "index.md"), {t["roles"]: roles}]
    if paths:
        nav.append({t["paths"]: paths})
    nav.append({t["competencies"]: groups})
    nav.append(_entry(t["matrix"], "matrix.md"))
    if with_changes:
        nav.append(_entry(t["diff_title"], "changes.md"))
    nav.append(
        {t["about"]: [_entry(t["guide_title"], "guide.md"), _entry(t["security"], "security.md")]}
    )
    return nav
