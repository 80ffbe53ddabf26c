"""Render: the Markdown fields as HTML (descriptions, level texts, expectations, scale level
descriptions, the organisation's pages).

Markdown as MkDocs renders it, with Material's admonitions (``!!! note``, collapsible
``??? note``), but raw HTML shown as text, unsafe link targets dropped and images shown as
their alternative text, except the organisation's own images on its pages. Links to the
catalogue by id (``[Senior Engineer](role:senior-engineer)``) become links to those pages.

The HTML is raw HTML of a generated page (or of a body of the theme), where the engines
read relative links differently, so its links lead from the site root behind ``urls.ROOT``,
which the theme makes relative to the page (``urls.py``): a field's HTML is the same on every
page. It holds no ``{`` (a character reference instead): on sheets it is part of a template
of the theme, where ``{{`` or ``{%`` would be read as Jinja (``library.py``). Characters
beyond Latin-1 are references too, as in all catalogue text (``text.latin1``).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markupsafe import Markup

from . import urls
from .text import latin1

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_CATALOGUE_LINK = re.compile(r"^(role|competency|path|family|page):([a-z0-9-]+)(?:#([\w-]+))?$")
_PAGES = {
    "role": urls.role_page,
    "competency": urls.competency_page,
    "path": urls.path_page,
    "family": urls.family_page,
    "page": urls.organisation_page,
}
# Classes the extensions write: admonition kinds (Material's and their aliases), details.
_CLASSES = frozenset(
    [
        "admonition",
        "admonition-title",
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
)
_ATTRIBUTES = {"href", "title", "src", "alt", "open", "class"}
IMAGES = "images/"


def is_safe_url(url: str) -> bool:
    """Relative links and http(s)/mailto/tel are fine; javascript:, data: and the like are not."""
    match = _SCHEME.match(url.replace("\x00", ""))
    return match is None or f"{match.group(1).lower()}:" in _SAFE_SCHEMES


def markdown_html(text: str | None, *, demote: int = 2, images: bool = False) -> Markup:
    """A Markdown field as HTML, the same for every page that shows it.

    Headings move ``demote`` levels down (a description sits under the page's own
    headings); ``images`` shows the organisation's images (its pages only).
    """
    if not text:
        return Markup("")
    return _converted(text, demote, images)


@lru_cache(maxsize=1 << 14)  # a level text shows on many pages
def _converted(text: str, demote: int, images: bool) -> Markup:
    body = plain_paragraphs(text)
    if body is None:
        converter = _converter()
        converter.demote, converter.images = demote, images  # type: ignore[attr-defined]
        body = converter.reset().convert(text).replace("{", "&#123;")
    return Markup(f'<div class="ch-prose">\n{latin1(body)}\n</div>')


def plain_text(text: str, *, item_end: str = "") -> str:
    """A Markdown field as the words a reader sees, on one line: the markup gone, raw HTML,
    entities and characters such as ``>`` or ``#`` as written (``&`` stays ``&``); each
    list item followed by ``item_end``."""
    if _PLAIN.fullmatch(text.strip("\n")) is not None:
        return " ".join(text.split())
    converted = str(_converted(text, 2, False))
    if item_end:
        converted = converted.replace("</li>", f"{item_end}</li>")
    words = " ".join(html.unescape(_TAG.sub(" ", converted)).split())
    return words.replace(f" {item_end}", item_end) if item_end else words


_TAG = re.compile(r"<[^>]*>")


# A line of plain prose: it starts with a letter (no list, heading, quote, table, code or
# admonition can), holds letters, digits, spaces and punctuation that Markdown and HTML do
# not read (no ``*_`[]<>&\\{``), and ends without a space (two make a line break).
_PUNCTUATION = re.escape(
    " .,;:?!'\"()%/+=-\u2013\u2014\u201e\u201c\u201d\u201a\u2018\u2019\u2026\u20ac\u00a7\u00b0"
)
_PLAIN_LINE = rf"[^\W\d_](?:[^\W_]|[{_PUNCTUATION}])*(?<! )"
_PLAIN = re.compile(rf"{_PLAIN_LINE}(?:\n(?:{_PLAIN_LINE})?)*")
_BLANK_LINES = re.compile(r"\n\n+")


def plain_paragraphs(text: str) -> str | None:
    """The HTML of a text that is only paragraphs of plain prose, as Python-Markdown writes
    it; None for any other text. Most fields are such prose, and Markdown's parser, its
    inline patterns and tree processors cost about 0.05 ms a field even then."""
    text = text.strip("\n")
    if _PLAIN.fullmatch(text) is None:
        return None
    return "\n".join(f"<p>{block}</p>" for block in _BLANK_LINES.split(text))


class _Sanitise(markdown.treeprocessors.Treeprocessor):
    """Links by id and page images made site URLs; unsafe links dropped, other images shown
    as their alt text, headings demoted, attributes only those the extensions write."""

    def run(self, root: etree.Element) -> None:
        md = self.md
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a":
                    _link(element)
                elif element.tag == "img" and not _image(element, md):
                    span = etree.Element("span")
                    span.text = element.get("alt", "")
                    span.tail = element.tail
                    parent.remove(element)
                    parent.insert(index, span)
                elif re.fullmatch(r"h[1-6]", element.tag):
                    level = int(element.tag[1]) + md.demote  # type: ignore[attr-defined]
                    element.tag = f"h{min(max(level, 2), 6)}"
                _clean_attributes(element)


def _link(element: etree.Element) -> None:
    href = element.get("href", "")
    found = _CATALOGUE_LINK.match(href)
    if found:
        kind, target, anchor = found.groups()
        element.set("href", urls.root_href(_PAGES[kind](target), anchor))
    elif not is_safe_url(href) or href.startswith((urls.ROOT, *(f"{k}:" for k in _PAGES))):
        # The mark of the site root is ours alone: the theme would anchor it at the page.
        element.attrib.pop("href", None)


def _image(element: etree.Element, md: markdown.Markdown) -> bool:
    """Point an image of the organisation's pages at its file; False if it may not show."""
    source = element.get("src", "")
    if not (md.images and source.startswith(IMAGES)):  # type: ignore[attr-defined]
        return False
    name = source.removeprefix(IMAGES)
    if "/" in name or not name:
        return False
    element.set("src", urls.ROOT + urls.page_image(name))
    return True


def _clean_attributes(element: etree.Element) -> None:
    for name in list(element.attrib):
        if name not in _ATTRIBUTES:
            element.attrib.pop(name)
    classes = [c for c in element.get("class", "").split() if c in _CLASSES]
    if classes:
        element.set("class", " ".join(classes))
    else:
        element.attrib.pop("class", None)
    if element.tag != "img":
        element.attrib.pop("src", None)
        element.attrib.pop("alt", None)


class _NoRawHtml(markdown.extensions.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.treeprocessors.register(_Sanitise(md), "sanitise", 0)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every field: setting one up costs more than a conversion."""
    return markdown.Markdown(
        extensions=[_NoRawHtml(), "sane_lists", "tables", "admonition", "pymdownx.details"]
    )
