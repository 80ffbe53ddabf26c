"""Render: how catalogue text reaches a page: escaped, so that it never becomes markup.

``escape`` turns every character that Markdown or HTML could read as syntax into a numeric
character reference. The result reads the same in Markdown text, in raw HTML blocks and in
attribute values, so one filter serves every place of a template. ``description`` fields are
the only Markdown: they are converted here with raw HTML, unsafe URLs and remote images off.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from typing import Any

import markdown
from markupsafe import Markup

_SPECIAL = "\\`*_{}[]()#+-.!|<>&\"'~^=:$%@;/"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_TABLE.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def escape(value: Any) -> Markup:
    """Catalogue text as inert page text; trusted ``Markup`` passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TABLE))


@lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> str:
    """Names and titles appear on many pages: each distinct text is translated once."""
    return value.translate(_TABLE)


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


def plain_html(value: str) -> str:
    """Text for places that take HTML but no Markdown (nav titles, site name)."""
    return html.escape(value, quote=True)


_READS_AS_MARKUP = re.compile(r'[<"]|&[#A-Za-z0-9]')


def reads_the_same_escaped_or_not(value: str) -> bool:
    """True if ``value`` shows the same in HTML text and attributes whether a template
    escapes it or not: no ``<``, no ``"``, no ``&`` that could start a character reference
    ("Vertrieb & Marketing" is fine). The site name must be such a text: the theme prints it
    escaped in some places and as is in others."""
    return _READS_AS_MARKUP.search(value) is None


def is_safe_url(url: str) -> bool:
    """Relative links and http(s)/mailto/tel are fine; javascript:, data: and the like are not."""
    match = _SCHEME.match(url.replace("\x00", ""))
    return match is None or f"{match.group(1).lower()}:" in _SAFE_SCHEMES


class _Sanitise(markdown.treeprocessors.Treeprocessor):
    """Drops unsafe link targets, replaces images by their alt text, demotes headings."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a" and not is_safe_url(element.get("href", "")):
                    element.attrib.pop("href", None)
                elif element.tag == "img":
                    span = etree.Element("span")
                    span.text = element.get("alt", "")
                    span.tail = element.tail
                    parent.remove(element)
                    parent.insert(index, span)
                elif re.fullmatch(r"h[1-6]", element.tag):
                    element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"
                for name in list(element.attrib):
                    if name not in ("href", "title", "align"):
                        element.attrib.pop(name)


class _NoRawHtml(markdown.extensions.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.treeprocessors.register(_Sanitise(md), "sanitise", 0)


def description(text: str | None) -> Markup:
    """A ``description`` field as HTML: Markdown allowed, raw HTML shown as text."""
    if not text:
        return Markup("")
    converter = _converter()
    html = converter.reset().convert(text)
    return Markup(f'<div class="ch-prose">\n{html}\n</div>')


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every description: setting one up costs more than a conversion."""
    return markdown.Markdown(extensions=[_NoRawHtml(), "sane_lists", "tables"])
