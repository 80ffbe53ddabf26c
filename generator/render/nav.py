"""Render: the site navigation, nested so that no page's sidebar grows with the catalogue.

With ``navigation.prune`` (and without ``navigation.sections``) MkDocs Material renders only
the top level, the entries of the sections the current page lies in and, for every other
section, a single link. So a section holds at most one family's roles, one family's paths,
one group's competencies or the families themselves, never a whole catalogue list.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model.handbook import CareerPath, Family, Handbook
from ..model.relations import Relations
from . import text, urls
from .compareview import has_compare
from .matrix import matrix_families
from .words import Words

NavItem = dict[str, Any] | str


def _entry(title: str, path: str) -> NavItem:
    return {text.plain_html(title): path}


def _section(title: str, items: list[NavItem]) -> NavItem:
    """A section of the nav: MkDocs shows its title as HTML, so catalogue text is escaped
    (section titles hold the catalogue's own nouns, ``terms``)."""
    return {text.plain_html(title): items}


def path_family(handbook: Handbook, path: CareerPath) -> str:
    """The one family a path is filed under in the nav: the family of most of its steps.

    A tie goes to the family reached first along the path. (Family pages list a path under
    every family it touches, ``Relations.paths_by_family``; the nav lists each page once.)
    """
    families = [handbook.role(step.role_id).family_id for step in path.steps]
    counts = Counter(families)
    return max(families, key=lambda family_id: (counts[family_id], -families.index(family_id)))


def _roles(handbook: Handbook, relations: Relations) -> list[NavItem]:
    """A section per family: its page (the section's index), then its roles by rank."""
    sections: list[NavItem] = []
    for family in handbook.families:
        members = [
            _entry(r.title, urls.role_page(r.id)) for r in relations.roles_by_family[family.id]
        ]
        sections.append(_section(family.name, [urls.family_page(family.id), *members]))
    return sections


def _paths(handbook: Handbook) -> list[NavItem]:
    """A section per family with paths (see ``path_family``), in family order."""
    by_family: dict[str, list[NavItem]] = {f.id: [] for f in handbook.families}
    for path in handbook.paths:
        by_family[path_family(handbook, path)].append(_entry(path.title, urls.path_page(path.id)))
    return [
        _section(family.name, by_family[family.id])
        for family in handbook.families
        if by_family[family.id]
    ]


def _competencies(handbook: Handbook) -> list[NavItem]:
    """The catalogue page (the section's index), then a section per competency group."""
    groups: list[NavItem] = [urls.COMPETENCIES]
    for group in handbook.groups:
        members = [_entry(c.name, urls.competency_page(c.id)) for c in group.competencies]
        if members:
            groups.append(_section(group.name, members))
    return groups


def _matrix(families: tuple[Family, ...]) -> list[NavItem]:
    """The matrix overview (the section's index), then a page per family with roles."""
    return [urls.MATRIX, *(_entry(f.name, urls.family_matrix_page(f.id)) for f in families)]


def navigation(
    handbook: Handbook, relations: Relations, *, with_changes: bool = False
) -> list[NavItem]:
    """The MkDocs ``nav``: home, the organisation's own pages, roles by family, paths by
    family, competencies by group, the matrix by family, the compare page, the change page,
    and the pages about the handbook.

    Sections whose first entry is an index page (family, competency catalogue, matrix) show
    that page as their own (``navigation.indexes``).
    """
    t = Words(handbook).t
    nav: list[NavItem] = [_entry(t["home"], urls.HOME)]
    nav += [_entry(page.title, urls.organisation_page(page.id)) for page in handbook.pages]
    nav.append(_section(t["roles"], _roles(handbook, relations)))
    paths = _paths(handbook)
    if paths:
        nav.append(_section(t["paths"], paths))
    nav.append(_section(t["competencies"], _competencies(handbook)))
    nav.append(_section(t["matrix"], _matrix(matrix_families(handbook, relations))))
    if has_compare(handbook):
        nav.append(_entry(t["compare_title"], urls.COMPARE))
    if with_changes:
        nav.append(_entry(t["diff_title"], urls.CHANGES))
    about = [_entry(t["guide_title"], urls.GUIDE), _entry(t["security"], urls.SECURITY)]
    nav.append(_section(t["about"], about))
    return nav
