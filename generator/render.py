"""Stage 3: render a handbook into page texts with the Jinja2 templates of ``docs_templates/``.

``plan`` decides which pages exist and what each one is given; templates only present.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import i18n, text
from .model import Handbook
from .relations import Relations

TEMPLATES = Path(__file__).resolve().parent.parent / "docs_templates"


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template renders it, with what."""

    path: str  # relative to the docs folder, e.g. "roles/account-manager.md"
    template: str
    title: str  # plain text, for navigation
    context: Mapping[str, Any] = field(default_factory=dict)


def environment(language: str, templates: Path = TEMPLATES) -> jinja2.Environment:
    """The one Jinja2 environment: strict, every output escaped unless marked safe."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        finalize=text.finalize,
        autoescape=False,  # ``finalize`` escapes for Markdown and HTML alike
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["description"] = text.description
    env.filters["number"] = lambda value: i18n.format_number(value, language)
    env.filters["salary"] = lambda salary: i18n.format_salary(salary, language)
    env.globals["t"] = i18n.STRINGS[language]
    return env


def plan(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """Every page of the handbook, in a stable order."""
    yield Page("index.md", "home.md.j2", i18n.STRINGS[handbook.language]["home"])
    for role in relations.roles_in_order:
        yield Page(f"roles/{role.id}.md", "role.md.j2", role.title, {"role": role})


def render(handbook: Handbook, templates: Path = TEMPLATES) -> dict[str, str]:
    """Relative path -> text of every generated page."""
    relations = Relations(handbook)
    env = environment(handbook.language, templates)
    common = {"handbook": handbook, "relations": relations}
    return {
        page.path: env.get_template(page.template).render(**common, **page.context, page=page)
        for page in plan(handbook, relations)
    }
