"""Render: the pieces that many sheets share, written once as macros of the theme's Jinja.

A sheet's body is a template of the theme that its page's template includes (``Page.body``).
The competency blocks, heads and ends that hundreds of sheets repeat go into a few more
templates of the theme (``urls.sheet_library``): a part per competency group with its
blocks and its section around them, and a part for the rest. Each piece is there once, as
a macro named after a digest of its HTML (``p`` and 16 hex digits). A body imports the
rest's part (``shared``), calls its pieces and, once, ``shared.sections`` with each group
it shows and the names of that group's pieces, run together:

    {% import "sheets/_shared/_sheet.html" as shared %}
    … {{ shared.p0123456789abcdef() }} …
    {{ shared.sections(["communication", "p0123456789abcdefp1123456789abcdef", …]) }}

MkDocs then loads each piece once and keeps it, where it would load every sheet's own copy
and keep them all until the end of a build; the generated tree holds each piece once; and a
body has only a handful of Jinja expressions and literals, which MkDocs' Jinja compiles
slowly (about a tenth of a millisecond each).

A piece is written inside ``{% raw %}`` with every ``{`` a character reference, so that the
theme's Jinja takes it as plain text that nothing can end. The imports and calls are the
only Jinja in a body: catalogue text reaches it escaped (``text.escape``) and Markdown
fields as HTML without a ``{`` (``prose.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from markupsafe import Markup

from . import urls

SHEET = "_sheet"  # the part of the pieces that are not a group's (no group id has "_")
_NAME = 17  # characters of a piece's name
# What a group's section shows between its head and its end (see ``sections``).
ITEMS = Markup(
    f"{{% for at in range(0, names | length, {_NAME}) %}}"
    f"{{{{ pieces[names[at:at + {_NAME}]]() }}}}{{% endfor %}}"
)
_SECTIONS = (
    "{% macro sections(groups) %}{% for at in range(0, groups | length, 2) %}"
    f'{{% import "{urls.SHEET_LIBRARY}/" ~ groups[at] ~ ".html" as group %}}'
    "{{ group.section(groups[at + 1]) }}{% endfor %}{% endmacro %}"
)

Section = tuple[str, Markup, Iterable[Markup]]  # part (group id), section around ITEMS, pieces


class SheetLibrary:
    """The shared pieces of one handbook's sheets, gathered while the sheets are rendered."""

    def __init__(self) -> None:
        self._pieces: dict[str, dict[str, Markup]] = {SHEET: {}}  # part -> name -> piece
        self._sections: dict[str, Markup] = {}  # part -> its section around ITEMS
        self._names: dict[int, str] = {}  # id of a piece (each is rendered once) -> name

    @property
    def prelude(self) -> Markup:
        """What a body starts with: the import of the part that is not a group's."""
        return Markup(f'{{% import "{urls.sheet_library(SHEET)}" as shared %}}')

    def call(self, html: Markup) -> Markup:
        """A call of the piece ``html`` (the same object each time it recurs)."""
        return Markup(f"{{{{ shared.{self._name(SHEET, html)}() }}}}")

    def sections(self, sections: Iterable[Section]) -> Markup:
        """One call that shows the sections of a sheet's groups, each with its pieces."""
        listed = []
        for part, section, pieces in sections:
            self._sections.setdefault(part, section)
            listed.append(f'"{part}", "{"".join(self._name(part, html) for html in pieces)}"')
        return Markup(f"{{{{ shared.sections([{', '.join(listed)}]) }}}}")

    def _name(self, part: str, html: Markup) -> str:
        name = self._names.get(id(html))
        if name is None:
            name = "p" + hashlib.blake2b(html.encode("utf-8"), digest_size=8).hexdigest()
            assert len(name) == _NAME
            self._pieces.setdefault(part, {})[name] = html  # keeps ``html``, and so its id
            self._names[id(html)] = name
        return name

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(sorted(self._pieces))

    def template(self, part: str) -> Markup:
        """One part of the library: its pieces as macros, in the order of their names, then
        the rest's ``sections`` or a group's ``section`` with the dictionary it looks in."""
        pieces = sorted(self._pieces[part].items())
        lines = [
            f"{{% macro {name}() %}}{{% raw %}}{html.replace('{', '&#123;')}{{% endraw %}}"
            "{% endmacro %}"
            for name, html in pieces
        ]
        if part == SHEET:
            lines.append(_SECTIONS)
        else:
            named = ", ".join(f'"{name}": {name}' for name, _ in pieces)
            lines.append(f"{{% set pieces = {{{named}}} %}}")
            lines.append(f"{{% macro section(names) %}}{self._sections[part]}{{% endmacro %}}")
        return Markup("\n".join(lines))
