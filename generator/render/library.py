"""Render: the pieces that many pages share, written once as macros of the theme's Jinja.

A sheet's body, and a role page's competency tables, are a template of the theme that the
page's template includes (``Page.body``). The competency blocks, heads, ends and table rows
that hundreds of pages repeat go into a few more templates of the theme, in a folder of
their own (``urls.shared_part``): a part per competency group with its pieces and its
section around them, and a part for the rest. Each piece is there once, as a macro named
after a digest of its HTML (``p`` and 16 hex digits). A body imports the rest's part
(``shared``), calls its pieces and, once, ``shared.sections`` with each group it shows and
the names of that group's pieces, run together:

    {% import "sheets/_shared/_page.html" as shared %}
    … {{ shared.p0123456789abcdef() }} …
    {{ shared.sections(["communication", "p0123456789abcdefp1123456789abcdef", …]) }}

MkDocs then loads each piece once and keeps it, where it would load every page's own copy
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
from collections.abc import Iterable, Iterator

from markupsafe import Markup

from . import urls
from .page import Page

TEMPLATE = "shared_part.html.j2"

REST = "_page"  # the part of the pieces that are not a group's (no group id has "_")
_NAME = 17  # characters of a piece's name
# What a group's section shows between its head and its end (see ``sections``).
ITEMS = Markup(
    f"{{% for at in range(0, names | length, {_NAME}) %}}"
    f"{{{{ pieces[names[at:at + {_NAME}]]() }}}}{{% endfor %}}"
)
_SECTIONS = (
    "{{% macro sections(groups) %}}{{% for at in range(0, groups | length, 2) %}}"
    '{{% import "{folder}/" ~ groups[at] ~ ".html" as group %}}'
    "{{{{ group.section(groups[at + 1]) }}}}{{% endfor %}}{{% endmacro %}}"
)

Section = tuple[str, Markup, Iterable[Markup]]  # part (group id), section around ITEMS, pieces


class Library:
    """The shared pieces of one kind of page (``urls.SHEETS``, ``urls.ROLES``), gathered
    while the pages are rendered."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._pieces: dict[str, dict[str, Markup]] = {REST: {}}  # part -> name -> piece
        self._sections: dict[str, Markup] = {}  # part -> its section around ITEMS
        self._names: dict[int, str] = {}  # id of a piece (each is rendered once) -> name

    @property
    def prelude(self) -> Markup:
        """What a body starts with: the import of the part that is not a group's."""
        return Markup(f'{{% import "{urls.shared_part(self.kind, REST)}" as shared %}}')

    def call(self, html: Markup) -> Markup:
        """A call of the piece ``html`` (the same object each time it recurs)."""
        return Markup(f"{{{{ shared.{self._name(REST, html)}() }}}}")

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
        if part == REST:
            lines.append(_SECTIONS.format(folder=urls.shared_folder(self.kind)))
        else:
            named = ", ".join(f'"{name}": {name}' for name, _ in pieces)
            lines.append(f"{{% set pieces = {{{named}}} %}}")
            lines.append(f"{{% macro section(names) %}}{self._sections[part]}{{% endmacro %}}")
        return Markup("\n".join(lines))


def part_pages(library: Library) -> Iterator[Page]:
    """The parts of ``library`` as templates of the theme. They come after the pages that
    call them: a writer renders each page as it comes, so every page has put its pieces in."""
    for part in library.parts:
        context = {"library": library, "part": part}
        yield Page(urls.shared_part(library.kind, part), TEMPLATE, "", context, theme=True)
