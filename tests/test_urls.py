"""urls.py: links for raw HTML, from the site root or as final URLs, as MkDocs serves the pages."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.contract import ID_PATTERN
from generator.render import urls
from generator.resources import OVERRIDES


@pytest.mark.parametrize(
    ("page", "url"),
    [
        ("index.md", ""),
        ("families/x/index.md", "families/x/"),
        ("roles/a.md", "roles/a/"),
        ("sheets/p/step-2.md", "sheets/p/step-2/"),
        ("catalogue.json", "catalogue.json"),
    ],
)
def test_pages_are_served_at_directory_urls(page: str, url: str) -> None:
    """Assert that a docs path maps to the URL MkDocs serves it at (use_directory_urls)."""
    assert urls.page_url(page) == url


@pytest.mark.parametrize(
    ("from_page", "target", "anchor", "link"),
    [
        ("families/x/index.md", "roles/a.md", None, "../../roles/a/"),
        ("families/x/index.md", "index.md", None, "../../"),
        ("families/x/index.md", "families/x/index.md", "map", "./#map"),
        ("families/x/index.md", "catalogue.json", None, "../../catalogue.json"),
        ("index.md", "roles/a.md", None, "roles/a/"),
        ("index.md", "index.md", None, "./"),
        ("roles/a.md", "roles/b.md", "paths", "../b/#paths"),
        ("sheets/p/step-2.md", "paths/p.md", None, "../../../paths/p/"),
    ],
)
def test_url_links_are_relative_to_the_served_page(
    from_page: str, target: str, anchor: str | None, link: str
) -> None:
    """Assert that a URL link leads from the page's URL to the target's URL."""
    assert urls.url_href(from_page, target, anchor) == link


def test_url_links_refuse_unsafe_targets() -> None:
    """Assert that a URL link is made of ids and path signs only."""
    with pytest.raises(ValueError):
        urls.url_href("index.md", 'roles/"x.md')


@pytest.mark.parametrize(
    ("target", "anchor", "link"),
    [
        ("roles/a.md", None, "/@/roles/a/"),
        ("paths/p.md", "step-2", "/@/paths/p/#step-2"),
        ("index.md", None, "/@/"),
        ("pages/images/x.png", None, "/@/pages/images/x.png"),
    ],
)
def test_raw_html_links_lead_from_the_site_root(target: str, anchor: str | None, link: str) -> None:
    """Assert that a link for raw HTML leads from the site root behind the mark the theme
    replaces, whichever page shows it, and refuses what is not a path of ids."""
    assert urls.root_href(target, anchor) == link
    assert urls.HtmlLinks("roles/b.md").href(target, anchor) == link
    with pytest.raises(ValueError):
        urls.root_href('roles/"x.md')


def test_the_theme_anchors_the_site_roots_mark() -> None:
    """Assert that each template of the theme that shows raw HTML replaces the mark that
    urls.py puts before its links (else they would lead to the host's root)."""
    for name in ("main.html", "body.html", "sheet.html"):
        template = (OVERRIDES / name).read_text(encoding="utf-8")
        assert f"""replace('="{urls.ROOT}', '="' ~ base_url ~ '/')""" in template, name


def test_anchors_of_a_family_pages_role_groups_are_ids() -> None:
    """Assert that a path's group of roles has an anchor of its id, distinct from "other"."""
    assert urls.roles_on_path_anchor("ic") == "roles-ic"
    assert urls.roles_on_path_anchor("other") != urls.OTHER_ROLES
    with pytest.raises(ValueError):
        urls.roles_on_path_anchor("Not An Id")


_PART = st.sampled_from(["roles", "sheets", "a", "b", "x-1", "index.md", "step-2.md"])
_PATH = st.lists(_PART, max_size=4).map("/".join)


@given(target=_PATH, folder=_PATH, slash=st.booleans())
def test_relative_links_are_those_posixpath_makes(target: str, folder: str, slash: bool) -> None:
    """Assert that the fast relative path agrees with posixpath.relpath on the site's paths."""
    target = f"{target}/" if slash and target else target
    assert urls.relative(target, folder) == posixpath.relpath(target or ".", folder or ".")


_PAGE = st.lists(_PART, min_size=1, max_size=4).map("/".join).map(lambda p: f"{p}.md")


@given(from_page=_PAGE, target=_PAGE | st.just("catalogue.json"))
def test_url_links_lead_where_posixpath_says(from_page: str, target: str) -> None:
    """Assert that a URL link (cached by the depth it climbs where the two pages share no
    folder) is what posixpath makes of the two served URLs."""
    here, there = urls.page_url(from_page), urls.page_url(target)
    folder = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    expected = posixpath.relpath(there or ".", folder or ".")
    if there.endswith("/") or not there:
        expected = "./" if expected == "." else f"{expected}/"
    assert urls.url_href(from_page, target) == expected


# -- ids as page names: ``slug`` ------------------------------------------------------------------

_ID = st.from_regex(r"[a-z0-9]{1,3}(-[a-z0-9]{1,3}){0,2}", fullmatch=True) | st.sampled_from(
    ["index", "index-page", "readme", "step-2", "images", "margins"]
)
_PAGES_OF_AN_ID = (
    urls.role_page,
    urls.competency_page,
    urls.path_page,
    urls.family_matrix_page,
    urls.sheet_page,
    urls.organisation_page,
)
_OVERVIEWS = {urls.HOME, urls.COMPETENCIES, urls.MATRIX}


@given(first=_ID, second=_ID)
def test_distinct_ids_have_distinct_slugs(first: str, second: str) -> None:
    """Assert that the slug of an id never equals another id's (nor another id)."""
    assert (urls.slug(first) == urls.slug(second)) == (first == second)
    assert urls.slug(first) == first or not ID_PATTERN.match(urls.slug(first))


@given(value=_ID)
def test_no_id_takes_a_folders_own_page(value: str) -> None:
    """Assert that no page of an id is a file the engines read as a folder's own page
    (``index.md``, ``README.md``), nor an overview page, whatever the id."""
    for page in (*(kind(value) for kind in _PAGES_OF_AN_ID), urls.readiness_page(value, 2)):
        assert posixpath.basename(page) not in ("index.md", "README.md"), page
        assert page not in _OVERVIEWS
    assert urls.family_page(value) == f"families/{urls.slug(value)}/index.md"


@pytest.mark.parametrize(
    ("page", "path", "url"),
    [
        (urls.role_page, "roles/index-.md", "roles/index-/"),
        (urls.competency_page, "competencies/index-.md", "competencies/index-/"),
        (urls.path_page, "paths/index-.md", "paths/index-/"),
        (urls.family_page, "families/index-/index.md", "families/index-/"),
        (urls.family_matrix_page, "matrix/index-.md", "matrix/index-/"),
        (urls.sheet_page, "sheets/index-.md", "sheets/index-/"),
        (urls.organisation_page, "pages/index-.md", "pages/index-/"),
    ],
)
def test_the_id_index_has_a_page_of_its_own(
    page: Callable[[str], str], path: str, url: str
) -> None:
    """Assert that a thing called ``index`` has its page at ``<folder>/index-/``, and the
    links to it lead there, never to the folder's own page."""
    assert page("index") == path
    assert urls.page_url(path) == url
    assert urls.root_href(path) == f"/@/{url}"
    assert urls.href("index.md", path) == path
    assert urls.readiness_page("index", 2) == "sheets/index-/step-2.md"


def test_ids_stay_ids_outside_page_paths() -> None:
    """Assert that anchors, element ids and the compare page's choice keep the id itself."""
    assert urls.group_anchor("index") == "group-index"
    assert urls.roles_on_path_anchor("index") == "roles-index"
    assert urls.element_id("index") == "index"
    assert urls.PageLinks("index.md").compare("index", "x").href == "compare.md?from=index"
