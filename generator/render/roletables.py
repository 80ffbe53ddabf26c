"""Render: the competency tables of the role pages, written for the theme to include.

A role page's Markdown ends with the heading of its competencies; the tables, a section per
competency group with a row per target, are its body (``Page.body``): a template of the
theme that ``overrides/body.html`` includes below the Markdown, so that MkDocs does not
parse forty rows of HTML per role as Markdown. A row depends on the competency, the level
and what the role expects, so it recurs on many role pages: each distinct row is rendered
once (``partials/target_row.j2``) and written once into the pieces that role pages share
(``library.py``), as is each group's section around its rows (``partials/target_group.j2``).
"""

from __future__ import annotations

from collections.abc import Iterable

import jinja2
from markupsafe import Markup

from . import urls
from .fragments import Fragments
from .library import ITEMS, Library
from .views import GroupTargets, TargetRow

ROW_TEMPLATE = "partials/target_row.j2"
GROUP_TEMPLATE = "partials/target_group.j2"


class RoleTables:
    """The tables of the role pages of one handbook, and the rows they share."""

    def __init__(self) -> None:
        self.library = Library(urls.ROLES)
        self._fragments = Fragments()

    @property
    def prelude(self) -> Markup:
        """What a role's body starts with: the import of the shared rows."""
        return self.library.prelude

    @jinja2.pass_environment
    def html(self, env: jinja2.Environment, groups: Iterable[GroupTargets]) -> Markup:
        """A role's tables: one call that shows them (after ``prelude``)."""
        sections = (
            (entry.group.id, self._section(env, entry), [self._row(env, r) for r in entry.rows])
            for entry in groups
        )
        return self.library.sections(sections)

    def _section(self, env: jinja2.Environment, entry: GroupTargets) -> Markup:
        return self._fragments.render(env, GROUP_TEMPLATE, entry.group.id, entry=entry, items=ITEMS)

    def _row(self, env: jinja2.Environment, row: TargetRow) -> Markup:
        key = (row.competency, row.expectation, row.bar.level, row.bar.alt)
        return self._fragments.render(env, ROW_TEMPLATE, key, row=row)
