"""Render: how catalogue text reaches a page: escaped, so that it never becomes markup.

``escape`` turns every character that Markdown or HTML could read as syntax into a numeric
character reference. The result reads the same in Markdown text, in raw HTML blocks and in
attribute values, so one filter serves every place of a template. The Markdown fields are
converted by ``prose.py``.

Characters beyond Latin-1 become references too (``latin1``): Python holds a text in two or
four bytes per character if a single one of them needs it, and MkDocs keeps every page's
Markdown and HTML until the end of a build; one "…" or "€" doubled a role page's share.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from markupsafe import Markup

_SPECIAL = "\\`*_{}[]()#+-.!|<>&\"'~^=:$%@;/"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_TABLE.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})


def escape(value: Any) -> Markup:
    """Catalogue text as inert page text; trusted ``Markup`` passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(latin1(str(value).translate(_TABLE)))


@lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> str:
    """Names and titles appear on many pages: each distinct text is translated once."""
    return latin1(value.translate(_TABLE))


def latin1(html: str) -> str:
    """HTML (or Markdown) with every character beyond Latin-1 a character reference, which
    reads as the character in text and attribute values alike (not in script or style
    elements)."""
    if html.isascii():
        return html
    return html.encode("latin-1", "xmlcharrefreplace").decode("latin-1")


def finalize(value: Any) -> str:
    """Jinja ``finalize`` hook: every ``{{ … }}`` output is escaped unless it is Markup.

    Called for every output of every page, so plain text takes the shortest way.
    """
    kind = type(value)
    if kind is str:
        return _escaped(value)
    if kind is int:
        return str(value)
    if value is None:
        return ""
    return escape(value)


def for_theme(template: str) -> str:
    """A template of the theme that the generator writes (a sheet's body, the pieces sheets
    share) in Latin-1 (``latin1``), so that Python holds it in one byte per character once
    MkDocs has loaded it: MkDocs keeps loaded templates until the end of a build. These
    templates hold no script or style element."""
    return latin1(template)


_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_JINJA_OPENING = re.compile(r"\{(?=[{%#])")


def script_json(data: object) -> Markup:
    """``data`` as JSON for a ``<script type="application/json">`` element, as Django's
    ``json_script`` writes it: ``<``, ``>`` and ``&`` as ``\\u`` escapes, so that no text
    can end the element, and ASCII only (``latin1`` leaves it alone). Safe in a template of
    the theme too: a ``{`` that would open a Jinja tag is only ever inside a string (JSON's
    own braces are followed by ``"`` or ``}``), where it becomes ``\\u007b``."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return Markup(_JINJA_OPENING.sub(r"\\u007b", text.translate(_SCRIPT_UNSAFE)))


def script_json_joined(shared: Markup, data: Mapping[str, object]) -> Markup:
    """One JSON object of ``shared`` (``script_json`` of an object, made once for many
    pages) and ``data`` (keys of its own): the shared part is not encoded again for each."""
    own = script_json(data)
    return shared if own == "{}" else Markup(f"{shared[:-1]},{own[1:]}")


def plain_html(value: str) -> str:
    """Text for places that take HTML but no Markdown (nav titles, site name)."""
    return html.escape(value, quote=True)


_TAG_START = re.compile(r"<[A-Za-z/!?]")


def reads_the_same_escaped_or_not(value: str) -> bool:
    """True if ``value`` shows the same in HTML text and attributes whether a template
    escapes it or not: no ``"``, no ``<`` that starts a tag, no ``&`` that a browser reads
    as a character reference ("R&D", "Vertrieb & Marketing" and "A < B" are fine). The site
    name must be such a text: the theme prints it escaped in some places and as is in
    others."""
    return '"' not in value and not _TAG_START.search(value) and html.unescape(value) == value
