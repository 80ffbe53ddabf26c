"""urls.py: links for raw HTML, from the site root or as final URLs, as MkDocs serves the pages."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
