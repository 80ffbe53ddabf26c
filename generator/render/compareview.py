"""Render: the compare page, two roles side by side (``compare/``, see ``urls.COMPARE``).

The page lists every role to choose from; the comparison itself is made in the browser
(``assets/sheet/comparepage.js``) from the site's ``catalogue.json``, so that any two of a
thousand roles can be compared without a page per pair. The choice is kept in the address
(``?from=<role>&to=<role>``): a link can be shared, and every role page links here with its
own role chosen. Without JavaScript the form still shows the roles and the page points to
the matrix, which has every target.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from ..model.handbook import Handbook
from ..model.relations import Relations
from . import urls
from .text import escape
from .urls import Link, PageLinks
from .words import Words

SCRIPT_TEXT_KEYS = (
    "compare_failed",
    "compare_same_role",
    "compare_summary",
    "compare_count_raised",
    "compare_count_lowered",
    "compare_count_added",
    "compare_count_dropped",
    "compare_count_reworded",
    "compare_count_same",
    "compare_no_expects",
    "compare_no_targets",
    "compare_raised",
    "compare_lowered",
    "compare_added",
    "compare_dropped",
    "compare_nothing",
    "competency",
    "level_alt",
    "no_level",
)


def has_compare(handbook: Handbook) -> bool:
    """The compare page, its navigation entry and the roles' links to it exist where there
    are two roles to compare."""
    return len(handbook.roles) > 1


@dataclass(frozen=True)
class RoleChoice:
    role_id: str
    title: str


@dataclass(frozen=True)
class FamilyChoices:
    name: str
    roles: tuple[RoleChoice, ...]


@dataclass(frozen=True)
class CompareView:
    families: tuple[FamilyChoices, ...]  # the roles to choose from, by family, in role order
    first: str  # chosen in "Rolle" until the address says otherwise
    second: str  # chosen in "vergleichen mit"
    matrix: Link  # for readers without JavaScript
    data: Markup  # JSON for the page's script, escaped like any text


def compare_view(handbook: Handbook, relations: Relations) -> CompareView:
    """The compare page: the roles by family, the first two preselected, the script's data."""
    roles = relations.roles_in_order
    by_family: dict[str, list[RoleChoice]] = {family.id: [] for family in handbook.families}
    for role in roles:
        by_family[role.family_id].append(RoleChoice(role.id, role.title))
    families = tuple(
        FamilyChoices(family.name, tuple(by_family[family.id]))
        for family in handbook.families
        if by_family[family.id]
    )
    return CompareView(
        families=families,
        first=roles[0].id,
        second=roles[1].id if len(roles) > 1 else roles[0].id,
        matrix=PageLinks(urls.COMPARE).to(urls.MATRIX, Words(handbook).t["matrix"]),
        data=_script_data(handbook),
    )


def _script_data(handbook: Handbook) -> Markup:
    """Where catalogue.json is, each competency's and role's page address, the scale's top
    level and the texts: what the script cannot read from the form."""
    t = Words(handbook).t
    data = {
        "catalogue": urls.CATALOGUE_JSON,
        "competencies": {
            c.id: urls.url_href(urls.COMPARE, urls.competency_page(c.id))
            for c in handbook.competencies
        },
        "roles": {r.id: urls.url_href(urls.COMPARE, urls.role_page(r.id)) for r in handbook.roles},
        "maximum": handbook.scale.maximum,
        "texts": {
            **{key.removeprefix("compare_"): t[key] for key in SCRIPT_TEXT_KEYS},
            "reworded": t["change_reworded"],  # the path page's heading for the same kind
        },
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return escape(text)
