"""Render: pieces that a handbook repeats thousands of times, each rendered only once.

A level bar, a table row, a matrix cell or a sheet's competency block depends on a few
values (a level, a competency id, a target) and recurs on hundreds of pages. ``Fragments``
renders each distinct piece by its template once and hands out the same Markup afterwards.
The template's output is escaped like any other (``finalize``), so the Markup is trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup


class Fragments:
    """A cache of rendered templates, keyed by environment, template and a caller's key."""

    def __init__(self) -> None:
        self._html: dict[Hashable, Markup] = {}

    def render(
        self, env: jinja2.Environment, template: str, key: Hashable, **context: Any
    ) -> Markup:
        """``template`` rendered with ``context``; ``key`` names what makes it distinct.

        A tuple of ids and numbers is a much cheaper key than the context's dataclasses.
        """
        return self.render_with(env, template, key, lambda: context)

    def render_with(
        self,
        env: jinja2.Environment,
        template: str,
        key: Hashable,
        context: Callable[[], Mapping[str, Any]],
    ) -> Markup:
        """Like ``render``, with the context made only when the piece is new."""
        identity = (id(env), template, key)
        html = self._html.get(identity)
        if html is None:
            html = Markup(env.get_template(template).render(**context()))
            self._html[identity] = html
        return html
