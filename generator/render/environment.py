"""Render: the one Jinja2 environment, over the templates of ``docs_templates/``.

Strict (a typo in a template is an error) and escaping: every ``{{ … }}`` output that is not
trusted Markup goes through ``text.finalize``. Filters only present: Markdown fields
(``prose.py``), and pieces that repeat thousands of times, each rendered once
(``fragments.py``).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model.handbook import Handbook
from ..resources import TEMPLATES
from . import text
from .fragments import Fragments
from .prose import markdown_html
from .views import LevelBar
from .words import Words


def environment(handbook: Handbook, templates: Path = TEMPLATES) -> jinja2.Environment:
    """The Jinja2 environment of a handbook: its language, and its words for the nouns."""
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
    env.filters["markdown"] = _markdown
    once = Fragments()
    env.filters["level_bar"] = lambda bar: once.render(
        env, "partials/level_bar.j2", _bar_key(bar), bar=bar
    )
    env.filters["heat_cells"] = lambda cells: Markup(
        "".join(once.render(env, "partials/heat_cell.j2", c, cell=c) for c in cells)
    )
    env.globals["t"] = Words(handbook).t
    return env


def _markdown(value: str | None) -> Markup:
    """A Markdown field (a description) as HTML."""
    return markdown_html(value)


def _bar_key(bar: LevelBar) -> tuple[int, str]:
    return bar.level, bar.alt  # the alternative text tells targets from plain levels
