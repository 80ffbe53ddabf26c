"""Render: the one owner of page paths and links (as MkDocs' ``File`` or Pelican's URL settings).

Every page, sheet and download has its path here, relative to the docs folder as MkDocs sees
it (``roles/account-manager.md``), and every link between them is made here. A template
never puts a link together: views hand it ready ``Link``s. With MkDocs' ``use_directory_urls``
the page ``roles/x.md`` is served at ``roles/x/``; links between pages name the Markdown
files, and every engine turns them into URLs (MkDocs checks that each target exists).

Raw HTML (``HtmlLinks``, the Markdown fields of ``prose.py``) links from the site root,
behind the mark ``ROOT``: ``/@/roles/x/``. The engines read a relative link in a page's raw
HTML differently: MkDocs leaves it alone, as a final URL, and Zensical reads it as relative
to the Markdown file, as in a Markdown link (on ``roles/x.md``, served one folder deeper,
``../y/`` becomes ``../../y/``). A path from the root is left alone by both, and the theme
(``main.html``, ``body.html``, ``sheet.html``) puts the page's ``base_url`` in its place.
Final URLs relative to a page (``url_href``) remain for a page's data for its script and
for the career map of a family's page, an ``index.md`` served from its own folder, where
both readings agree.

An id becomes a page's file or folder name through ``slug``, here and nowhere else: the id
itself, except for a name that the engines read as more than a name. ``index.md`` is a
folder's own page to MkDocs, ProperDocs and Zensical, so the role ``index`` would be
published at ``roles/``, the competency ``index`` would be the competency catalogue
(``competencies/index.md``). Such an id gets a hyphen appended (``roles/index-.md``, served
at ``roles/index-/``): no id ends with a hyphen, so no other id's page can have that name,
and a slug is still made of the id's characters, as the paths of ids that page bodies and
sheets are named by (``body_id``, ``sheet_key``).
"""

from __future__ import annotations

import posixpath
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..contract import ID_PATTERN
from ..model.handbook import CareerPath, Competency, CompetencyGroup, Family, Role

HOME = "index.md"
GUIDE = "guide.md"
SECURITY = "security.md"
CHANGES = "changes.md"
MATRIX = "matrix/index.md"
COMPETENCIES = "competencies/index.md"
COMPARE = "compare.md"  # two roles side by side, computed in the browser from catalogue.json
CATALOGUE_JSON = "catalogue.json"
MATRIX_CSV = "matrix.csv"
ROLES = "roles"  # the folder of the role pages
SHEETS = "sheets"  # the folder of every sheet, out of the navigation (``not_in_nav``)
DOCS = "docs"  # the folders of a generated tree: the pages (MkDocs' docs_dir) and
THEME = "overrides"  # the theme's own templates (custom_dir), page bodies among them

_SAFE_TARGET = re.compile(r"^[a-z0-9./_-]*(#[a-z0-9_-]+)?$")
ROOT = "/@/"  # the site root in raw HTML; no page path has "@" (slugs are [a-z0-9-])


@lru_cache(maxsize=1 << 14)  # checked for every link: each id once
def _id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"not an id, cannot be part of a page path: {value!r}")
    return value


# The names the engines read as more than a page's name: ``index.md`` is its folder's own
# page (``README.md`` too, which no id can be: ids are lower case). See the module.
ENGINE_NAMES = frozenset({"index"})
ESCAPE = "-"  # appended to such an id in page paths: no id ends with it


@lru_cache(maxsize=1 << 14)
def slug(value: str) -> str:
    """An id as the name of its page's file or folder, in page paths and so in URLs: the id
    as it is (``account-manager``), ``index-`` for ``index``. Distinct ids, distinct slugs.

    Only for paths: anchors, element ids and the ids in a page's data stay ids.
    """
    value = _id(value)
    return value + ESCAPE if value in ENGINE_NAMES else value


def role_page(role_id: str) -> str:
    return f"{ROLES}/{slug(role_id)}.md"


def competency_page(competency_id: str) -> str:
    return f"competencies/{slug(competency_id)}.md"


def family_page(family_id: str) -> str:
    """An index page, so that Material shows it as its navigation section's own page."""
    return f"families/{slug(family_id)}/index.md"


def path_page(path_id: str) -> str:
    return f"paths/{slug(path_id)}.md"


def family_matrix_page(family_id: str) -> str:
    return f"matrix/{slug(family_id)}.md"


def sheet_page(role_id: str) -> str:
    """A role's self-assessment sheet, ``sheets/<role>/`` on the site."""
    return f"{SHEETS}/{slug(role_id)}.md"


def readiness_page(path_id: str, step: int) -> str:
    """The readiness sheet of step ``step`` (2 or more) of a path, ``sheets/<path>/step-<n>/``.

    In a folder of its own, so that no role's sheet can have the same name.
    """
    return f"{SHEETS}/{slug(path_id)}/step-{step}.md"


def organisation_page(page_id: str) -> str:
    """One of the organisation's own pages (``pages/<id>.md`` in the catalogue), published
    at ``pages/<id>/`` (``pages/index-/`` for ``index``, ``slug``)."""
    return f"pages/{slug(page_id)}.md"


def page_image(name: str) -> str:
    """An image of the organisation's pages, at the same place as in the catalogue."""
    return f"pages/images/{name}"


BODY_FILES = 32  # the files that hold the bodies of one kind of page


def page_body(page: str) -> str:
    """The template of the theme that holds the HTML body of a page (a sheet, a role's
    competency tables, a family's matrix), which the page's template includes: MkDocs leaves
    it alone instead of parsing it as Markdown. The bodies of a kind of page are spread over
    a few files (``sheets/_bodies/07.html`` below ``overrides/``), each page's by its
    ``body_id``: creating thousands of small files was most of a generation's time."""
    name = body_id(page)
    number = zlib.crc32(name.encode("utf-8")) % BODY_FILES
    return f"{name.split('/', 1)[0]}/_bodies/{number:02d}.html"


def body_id(page: str) -> str:
    """What names a page's body in its file (``page_body``): the page's path, a path of
    slugs (``sheets/account-manager``)."""
    return page.removesuffix(".md")


def shared_folder(kind: str) -> str:
    """The folder of the pieces that the pages of a kind share (``sheets``, ``roles``):
    templates of the theme (``library.py``). No role's or path's slug has "_"."""
    return f"{kind}/_shared"


def shared_part(kind: str, part: str) -> str:
    """A part of the pieces that the pages of a kind share: those of one competency group
    (``part`` its id), or the rest (``_page``)."""
    return f"{shared_folder(kind)}/{part}.html"


SHEET_MARGINS = "sheets/margins.css"  # the texts every sheet prints in its page margins


def sheet_key(page: str) -> Markup:
    """A sheet's name in ``SHEET_MARGINS`` and on its page (``sheets/<role>``,
    ``sheets/<path>/step-<n>``): its page's path, made of slugs."""
    return Markup(page.removesuffix(".md"))


def element_id(value: str) -> Markup:
    """A catalogue id as part of an element id or form name, as it is (ids are safe)."""
    return Markup(_id(value))


def group_anchor(group_id: str) -> Markup:
    """A competency group's section (on the catalogue and role pages); safe as an id."""
    return Markup(f"group-{_id(group_id)}")


def step_anchor(number: int) -> Markup:
    """The section of a path page on what changes at step ``number`` (1-based)."""
    return Markup(f"step-{int(number)}")


OTHER_ROLES = Markup("other-roles")  # a family's roles on none of its paths


def roles_on_path_anchor(path_id: str) -> Markup:
    """The section of a family page that lists the roles of one of its paths."""
    return Markup(f"roles-{_id(path_id)}")


def href(from_page: str, target: str, anchor: str | None = None) -> Markup:
    """A link from the page ``from_page`` to ``target`` (both docs paths), ready for Markdown.

    Safe in Markdown link targets, HTML attributes and YAML alike: paths are made of ids.
    """
    return _href(posixpath.dirname(from_page), target, anchor)


def relative(target: str, folder: str) -> str:
    """``posixpath.relpath(target or ".", folder or ".")`` for paths of the site, which are
    made of ids (no ``.``, ``..`` or empty parts): the same result without the absolute
    paths that ``relpath`` makes of both, a tenth of the time (links are made by the hundred
    thousand at 1,000 roles)."""
    there = [part for part in target.split("/") if part]
    here = [part for part in folder.split("/") if part]
    common = 0
    for a, b in zip(there, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


@lru_cache(maxsize=1 << 16)  # the pages of one folder share their links: each is made once
def _href(folder: str, target: str, anchor: str | None) -> Markup:
    link = "" if target == "" else relative(target, folder)
    link = f"{link}#{anchor}" if anchor else link
    if not _SAFE_TARGET.match(link):
        raise ValueError(f"unsafe link target: {link!r}")
    return Markup(link)


@lru_cache(maxsize=1 << 16)  # asked for each link's target
def page_url(page: str) -> str:
    """The site URL of a docs path, as MkDocs serves it with ``use_directory_urls: true``.

    ``index.md`` -> ``""``, ``families/x/index.md`` -> ``families/x/``, ``roles/x.md`` ->
    ``roles/x/``; a file that is not a page (``catalogue.json``) keeps its path.
    """
    if page == HOME or page.endswith("/" + HOME):
        return page.removesuffix(HOME)
    if page.endswith(".md"):
        return page.removesuffix(".md") + "/"
    return page


def url_href(from_page: str, target: str, anchor: str | None = None) -> Markup:
    """A link from the page ``from_page`` to ``target`` (both docs paths) as a final URL.

    For the links of a page's data for its script, and the career map's SVG on a family's
    ``index.md`` (where MkDocs and Zensical read it alike; other raw HTML uses
    ``root_href``). From ``families/x/index.md`` (served at ``families/x/``) to
    ``roles/y.md`` this is ``../../roles/y/``.
    """
    folder, root = _folders(from_page)
    there = page_url(target)
    if root and there.partition("/")[0] != folder.partition("/")[0]:
        folder = root  # no folder in common: the link climbs to the root, only depth counts
    return _url_href(folder, there, anchor)


@lru_cache(maxsize=1 << 14)
def _folders(page: str) -> tuple[str, str]:
    """The folder a page is served from, and one as deep made of ``..`` (never an id), so
    that all the links of a depth that climb to the root share one ``_url_href`` entry."""
    here = page_url(page)
    folder = here.removesuffix("/") if here.endswith("/") else posixpath.dirname(here)
    return folder, "/".join([".."] * (folder.count("/") + 1)) if folder else ""


@lru_cache(maxsize=1 << 16)
def _url_href(folder: str, there: str, anchor: str | None) -> Markup:
    link = relative(there, folder)
    if there.endswith("/") or not there:  # a page: its folder, with the slash MkDocs serves
        link = "./" if link == "." else f"{link}/"
    link = f"{link}#{anchor}" if anchor else link
    if not _SAFE_TARGET.match(link):
        raise ValueError(f"unsafe link target: {link!r}")
    return Markup(link)


@lru_cache(maxsize=1 << 14)
def root_href(target: str, anchor: str | None = None) -> Markup:
    """A link to ``target`` (a docs path) from the site root, for raw HTML: ``/@/roles/x/``.

    The same on every page; the theme makes it relative to the page (see the module).
    """
    link = page_url(target) + (f"#{anchor}" if anchor else "")
    if not _SAFE_TARGET.match(link):
        raise ValueError(f"unsafe link target: {link!r}")
    return Markup(ROOT + link)


@dataclass(frozen=True)
class Link:
    """A link as a page shows it: its text (escaped when shown) and its target."""

    text: str
    href: Markup


class PageLinks:
    """Links from one page to the handbook's pages: ``PageLinks("index.md").role(role)``.

    Their targets name Markdown files, as every engine rewrites them in a page's Markdown;
    links inside raw HTML come from ``HtmlLinks``.
    """

    def __init__(self, page: str) -> None:
        self.page = page

    def href(self, target: str, anchor: str | None = None) -> Markup:
        return href(self.page, target, anchor)

    def to(self, target: str, text: str, anchor: str | None = None) -> Link:
        return Link(text, self.href(target, anchor))

    def here(self, anchor: str, text: str) -> Link:
        """A section of this page."""
        return Link(text, href(self.page, "", anchor))

    def role(self, role: Role, anchor: str | None = None) -> Link:
        return self.to(role_page(role.id), role.title, anchor)

    def competency(self, competency: Competency) -> Link:
        return self.to(competency_page(competency.id), competency.name)

    def group(self, group: CompetencyGroup) -> Link:
        return self.to(COMPETENCIES, group.name, group_anchor(group.id))

    def family(self, family: Family) -> Link:
        return self.to(family_page(family.id), family.name)

    def path(self, path: CareerPath, anchor: str | None = None) -> Link:
        return self.to(path_page(path.id), path.title, anchor)

    def family_matrix(self, family: Family) -> Link:
        return self.to(family_matrix_page(family.id), family.name)

    def compare(self, role_id: str, text: str) -> Link:
        """The compare page with ``role_id`` chosen first (``compare/?from=<role>``)."""
        return Link(text, Markup(f"{self.href(COMPARE)}?from={_id(role_id)}"))


class HtmlLinks(PageLinks):
    """Links for raw HTML, in a page's Markdown or in a body of the theme: from the site
    root (``root_href``)."""

    def href(self, target: str, anchor: str | None = None) -> Markup:
        return root_href(target, anchor)
