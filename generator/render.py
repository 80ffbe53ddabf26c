"""Stage 3: render a handbook into page texts with the Jinja2 templates of ``docs_templates/``.

``plan`` decides which pages exist and what each one is given; templates only present.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2

from . import i18n, text
from .diff import ChangeReport
from .exports import export_files
from .model import Handbook
from .page import Page
from .pages import plan_pages
from .relations import Relations
from .sheets import plan_sheets
from .views import ref

TEMPLATES = Path(__file__).resolve().parent.parent / "docs_templates"


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
        auto_reload=False,  # templates do not change during a run: no stat() per include
    )
    env.filters["description"] = text.description
    env.filters["number"] = lambda value: i18n.format_number(value, language)
    env.filters["salary"] = lambda salary: i18n.format_salary(salary, language)
    env.filters["ref"] = ref  # an id in a link target, checked against the id pattern
    env.globals["t"] = i18n.STRINGS[language]
    return env


def plan(
    handbook: Handbook, relations: Relations, changes: ChangeReport | None = None
) -> Iterator[Page]:
    """Every page of the handbook, in a stable order."""
    yield from plan_pages(handbook, relations, changes)
    yield from plan_sheets(handbook, relations)


def render_files(
    handbook: Handbook,
    relations: Relations,
    templates: Path = TEMPLATES,
    *,
    changes: ChangeReport | None = None,
) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every generated page and download, one at a time.

    A generator, so that a large handbook never has to be held in memory as a whole.
    """
    env = environment(handbook.language, templates)
    common = {"handbook": handbook, "relations": relations}
    for page in plan(handbook, relations, changes):
        yield page.path, env.get_template(page.template).render(**common, **page.context, page=page)
    yield from export_files(handbook, relations).items()


def render(
    handbook: Handbook, templates: Path = TEMPLATES, *, changes: ChangeReport | None = None
) -> dict[str, str]:
    """Relative path -> text of every generated page and download (``exports.py``).

    ``changes`` (this edition against an earlier one) adds the change page and role notes.
    """
    return dict(render_files(handbook, Relations(handbook), templates, changes=changes))
