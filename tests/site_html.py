"""Reading a built site for whole-site and browser checks: pages, elements, links, text.

Used by test_injection.py, test_links.py and the browser tests. ``html.parser`` is stricter
than a browser in one useful way: it reads tags inside <title> and <textarea> as tags, so
catalogue text that reaches those elements unescaped is caught even where a browser would
show it as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

HIDDEN = frozenset({"script", "style", "template", "head"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "poster", "cite", "background",
     "xlink:href", "srcset", "ping", "manifest", "longdesc", "usemap"}
)  # fmt: skip
_SPACE = re.compile(r"\s+")


@dataclass
class Element:
    """One start tag: its name, attributes (decoded), line, and for scripts/styles the text."""

    tag: str
    attrs: dict[str, str]
    line: int
    content: str = ""
    text: str = ""  # the visible text inside it (filled for a few inline tags)


@dataclass
class Parsed:
    """A page as the tests see it."""

    path: Path
    elements: list[Element] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def text(self) -> str:
        """The text a reader sees in the body, whitespace collapsed."""
        return squash(" ".join(self.visible))

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs} | {
            e.attrs["name"] for e in self.elements if e.tag == "a" and "name" in e.attrs
        }

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


class _Parser(HTMLParser):
    def __init__(self, parsed: Parsed) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = parsed
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.parsed.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parsed.elements.append(Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        tags = [e.tag for e in self.stack]
        if self.stack and self.stack[-1].tag in ("script", "style"):
            self.stack[-1].content += data
        if "title" in tags and "svg" not in tags:
            self.parsed.title += data
        for element in self.stack:
            element.text += data
        if not HIDDEN.intersection(tags):
            self.parsed.visible.append(data)


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def parse(path: Path) -> Parsed:
    parsed = Parsed(path)
    parser = _Parser(parsed)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parsed.title = squash(parsed.title)
    return parsed


def parse_fragment(html: str) -> Parsed:
    """An HTML fragment (e.g. a search index entry) parsed like a page body."""
    parsed = Parsed(Path("fragment"))
    parser = _Parser(parsed)
    parser.feed(html)
    parser.close()
    return parsed


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, sorted."""
    return sorted(site.rglob("*.html"))


def url_of(site: Path, page: Path) -> str:
    """The site-relative URL of a page file: ``roles/x/`` for ``roles/x/index.html``."""
    relative = page.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def page_kind(site: Path, page: Path) -> str:
    """The page type by URL contract: home, roles, competencies, families, paths, sheets, …"""
    url = url_of(site, page)
    return url.split("/", 1)[0] if url else "home"


def one_page_per_kind(site: Path) -> dict[str, Path]:
    """The first page of each page type present in the built site."""
    kinds: dict[str, Path] = {}
    for page in html_pages(site):
        kinds.setdefault(page_kind(site, page), page)
    return kinds


def representative_pages(site: Path) -> dict[str, Path]:
    """One page per type; for sheets both a role sheet and a readiness sheet when present."""
    pages = one_page_per_kind(site)
    sheets = [p for p in html_pages(site) if url_of(site, p).startswith("sheets/")]
    for kind, is_readiness in (("sheets", False), ("readiness", True)):
        found = [p for p in sheets if ("/step-" in url_of(site, p)) == is_readiness]
        if found:
            pages[kind] = found[0]
    return pages


def resolve(site: Path, page: Path, url: str) -> tuple[Path | None, str]:
    """The file an internal link points to (None for other hosts/schemes) and its fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    if not parts.path:
        return page, unquote(parts.fragment)
    base = site if parts.path.startswith("/") else page.parent
    target = Path(_normalise(base / unquote(parts.path).lstrip("/")))
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src"}


def broken_links(site: Path) -> list[str]:
    """Every internal link, stylesheet, script and image of a built site that leads to no
    file of the site (climbing above its root counts: a site may be served below a path),
    or to no element of its #anchor."""
    broken = []
    ids = {path: parse(path).ids for path in html_pages(site)}
    for page in html_pages(site):
        for element in parse(page).elements:
            url = element.attrs.get(LINKING.get(element.tag, ""), "")
            if not url:
                continue
            target, fragment = resolve(site, page, url)
            where = f"{url_of(site, page) or 'home'}:{element.line} {element.tag} {url!r}"
            if target is None:
                continue  # another host or scheme: not ours to check here
            if not target.is_relative_to(site) or not target.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html" and fragment not in ids[target]:
                broken.append(f"{where}: no element with id {fragment!r}")
    return broken


def _normalise(path: Path) -> str:
    parts: list[str] = []
    for part in path.as_posix().split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/" + "/".join(parts)


def use_page(page: Any) -> bool:
    """Use a browser page the way a reader would: choose levels, pick every option of lists.

    Returns whether the page had anything to use.
    """
    radios = page.locator("input[type=radio]:visible")
    for index in range(min(radios.count(), 12)):
        radios.nth(index).check()
    selects = page.locator("select:visible")
    for index in range(selects.count()):
        options = selects.nth(index).locator("option")
        for value in options.evaluate_all("options => options.map(o => o.value)"):
            selects.nth(index).select_option(value)
    return bool(radios.count() or selects.count())
