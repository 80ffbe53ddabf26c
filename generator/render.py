"""Stage 3: render a handbook into page texts with the Jinja2 templates of ``docs_templates/``.

``plan`` decides which pages exist and what each one is given; templates only present.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import i18n, text
from .diff import ChangeReport
from .exports import export_files
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
    env.filters["level_bar"] = _rendered_once(env, "level_bar", "bar", key=_bar_key)
    env.filters["target_row"] = _rendered_once(
        env, "target_row", "row", key=lambda row: (row.competency.id, *_bar_key(row.bar))
    )
    env.filters["need_row"] = _rendered_once(
        env, "need_row", "need", key=lambda need: (need.role.id, *_bar_key(need.bar))
    )
    heat_cell = _rendered_once(env, "heat_cell", "cell")
    env.filters["heat_cells"] = lambda cells: Markup("".join(map(heat_cell, cells)))
    env.globals["t"] = i18n.STRINGS[language]
    return env


def _bar_key(bar: LevelBar) -> tuple[int, str]:
    return bar.level, bar.alt  # the alternative text tells targets from plain levels


def _rendered_once(
    env: jinja2.Environment,
    name: str,
    variable: str,
    key: Callable[[Any], Hashable] = lambda value: value,
) -> Callable[[Any], Markup]:
    """A filter that renders ``partials/<name>.j2`` with ``variable`` set to its argument.

    For the small pieces a handbook repeats tens of thousands of times (a level bar, a table
    row, a matrix cell) with far fewer distinct values: each distinct one is rendered once.
    ``key`` says what makes a value distinct (by default the value, a frozen dataclass); a
    tuple of ids is much cheaper to hash than a dataclass.
    """
    template = env.get_template(f"partials/{name}.j2")
    rendered: dict[Hashable, Markup] = {}

    def render_once(value: Any) -> Markup:
        found = rendered.get(identity := key(value))
        if found is None:
            found = rendered[identity] = Markup(template.render({variable: value}))
        return found

    return render_once


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
