"""Stage 3: render a handbook into page texts with the Jinja2 templates of ``docs_templates/``.

``pages.py`` and ``sheets.py`` plan which pages exist and what each one is given; templates
only present.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import i18n, text
from .diff import ChangeReport
from .exports import export_files
from .fragments import Fragments
from .model import Handbook
from .page import Page
from .pages import plan_pages
from .relations import Relations
from .sheets import plan_sheets
from .views import LevelBar, ref

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
    once = Fragments()
    env.filters["level_bar"] = lambda bar: once.render(
        env, "partials/level_bar.j2", _bar_key(bar), bar=bar
    )
    env.filters["target_row"] = lambda row: once.render(
        env, "partials/target_row.j2", (row.competency.id, *_bar_key(row.bar)), row=row
    )
    env.filters["need_row"] = lambda need: once.render(
        env, "partials/need_row.j2", (need.role.id, *_bar_key(need.bar)), need=need
    )
    env.filters["heat_cells"] = lambda cells: Markup(
        "".join(once.render(env, "partials/heat_cell.j2", c, cell=c) for c in cells)
    )
    env.globals["t"] = i18n.STRINGS[language]
    return env


def _bar_key(bar: LevelBar) -> tuple[int, str]:
    return bar.level, bar.alt  # the alternative text tells targets from plain levels


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
    yield from render_pages(handbook, relations, templates, changes=changes)
    yield from render_sheets(handbook, relations, templates)


def render_pages(
    handbook: Handbook,
    relations: Relations,
    templates: Path = TEMPLATES,
    *,
    changes: ChangeReport | None = None,
) -> Iterator[tuple[str, str]]:
    """The handbook pages and downloads, without the sheets."""
    env = environment(handbook.language, templates)
    yield from _rendered(env, handbook, relations, plan_pages(handbook, relations, changes))
    yield from export_files(handbook, relations).items()


def render_sheets(
    handbook: Handbook, relations: Relations, templates: Path = TEMPLATES
) -> Iterator[tuple[str, str]]:
    """The self-assessment and readiness sheets (independent of the other pages)."""
    env = environment(handbook.language, templates)
    yield from _rendered(env, handbook, relations, plan_sheets(handbook, relations))


def _rendered(
    env: jinja2.Environment, handbook: Handbook, relations: Relations, pages: Iterable[Page]
) -> Iterator[tuple[str, str]]:
    common = {"handbook": handbook, "relations": relations}
    for page in pages:
        yield page.path, env.get_template(page.template).render(**common, **page.context, page=page)


def render(
    handbook: Handbook, templates: Path = TEMPLATES, *, changes: ChangeReport | None = None
) -> dict[str, str]:
    """Relative path -> text of every generated page and download (``exports.py``).

    ``changes`` (this edition against an earlier one) adds the change page and role notes.
    """
    return dict(render_files(handbook, Relations(handbook), templates, changes=changes))
