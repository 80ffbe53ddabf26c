"""Which handbook pages exist (home, roles, competencies, families, paths, matrix)."""

from __future__ import annotations

from collections.abc import Iterator

from .i18n import STRINGS
from .model import Handbook
from .relations import Relations
from .page import Page


def plan_pages(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    yield Page("index.md", "home.md.j2", STRINGS[handbook.language]["home"])
    for role in relations.roles_in_order:
        yield Page(f"roles/{role.id}.md", "role.md.j2", role.title, {"role": role})
