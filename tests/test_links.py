"""Links: every internal link and #anchor of a built site resolves; every page can be reached.

A crawler over the built HTML of the default catalogue and the fixture catalogues, plus a
check that the strict MkDocs build itself refuses a broken link or anchor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, build_site
from mkdocs.exceptions import Abort
from site_html import broken_links, html_pages, parse, resolve, url_of

from generator.pipeline import build_site as mkdocs_build
from generator.pipeline import generate

# Crawls every page of a built site: part of `make test`, not of `make test-fast`.
pytestmark = pytest.mark.slow

NOT_CRAWLED = ("search/", "sitemap")


@pytest.fixture(scope="module")
def sites(default_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built sites: the default catalogue and each fixture catalogue."""
    built = {"default": default_site}
    for name in ("small-de", "hostile"):
        built[name] = build_site(FIXTURES / name, tmp_path_factory.mktemp(name) / "site")
    return built


@pytest.mark.parametrize("name", ["default", "small-de", "hostile"])
def test_every_internal_link_resolves(sites: dict[str, Path], name: str) -> None:
    """Assert that every internal link, stylesheet, script and image of a site exists."""
    assert not broken_links(sites[name])


@pytest.mark.parametrize("name", ["default", "small-de", "hostile"])
def test_every_page_is_reachable_from_home(sites: dict[str, Path], name: str) -> None:
    """Assert that following links from the home page reaches every page of the site."""
    site = sites[name]
    seen, queue = {site / "index.html"}, [site / "index.html"]
    while queue:
        page = queue.pop()
        for element in parse(page).find("a"):
            target, _ = resolve(site, page, element.attrs.get("href", ""))
            if target and target.suffix == ".html" and target.is_file() and target not in seen:
                seen.add(target)
                queue.append(target)
    pages = {p for p in html_pages(site) if p.name != "404.html"}
    unreachable = sorted(url_of(site, p) for p in pages - seen)
    assert not unreachable


def _content_links(site: Path, page: Path) -> set[Path]:
    """The pages the content of ``page`` links to: its article, not the nav or the footer."""
    elements = parse(page).elements
    start = next(i for i, e in enumerate(elements) if e.tag == "article")
    end = next(i for i, e in enumerate(elements) if e.tag == "footer" and i > start)
    targets = {resolve(site, page, e.attrs.get("href", ""))[0] for e in elements[start:end]}
    return {t for t in targets if t is not None and t.suffix == ".html"}


@pytest.mark.parametrize("name", ["default", "small-de"])
def test_every_role_path_and_competency_is_two_clicks_from_home(
    sites: dict[str, Path], name: str
) -> None:
    """Assert that each role, path and competency page is linked from the home page's text
    or from a page it links (family pages, the competency catalogue), without the nav."""
    site = sites[name]
    first = _content_links(site, site / "index.html")
    second = set().union(*(_content_links(site, page) for page in first if page.is_file()))
    wanted = {
        page
        for page in html_pages(site)
        if url_of(site, page).split("/")[0] in ("roles", "paths", "competencies")
    }
    assert not sorted(url_of(site, page) for page in wanted - first - second)
    assert not any(url_of(site, page).startswith("roles/") for page in first)


def test_crawler_finds_a_broken_link(sites: dict[str, Path], tmp_path: Path) -> None:
    """Assert that the crawler reports a link to a missing page, to a missing anchor and one
    that climbs above the site's root (which a browser forgives only at a host's root)."""
    site = tmp_path / "site"
    (site / "roles" / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="roles/nope/">x</a><a href="#gone">y</a><a id="here" href="#here">z</a>',
        encoding="utf-8",
    )
    (site / "roles" / "a" / "index.html").write_text(
        '<a href="../../">home</a><a href="../../../roles/a/">climbs</a>', encoding="utf-8"
    )
    broken = broken_links(site)
    assert len(broken) == 3 and "no such file" in broken[0] and "'gone'" in broken[1]
    assert "'../../../roles/a/'" in broken[2]


@pytest.mark.parametrize(
    "link", ["[kaputt](../roles/gibt-es-nicht.md)", "[kaputt](../index.md#gibt-es-nicht)"]
)
def test_strict_build_refuses_a_broken_link(tmp_path: Path, link: str) -> None:
    """Assert that the strict MkDocs build fails on a broken link or anchor in a page."""
    tree = tmp_path / "tree"
    generate(FIXTURES / "small-de", tree)
    page = tree / "docs" / "matrix" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    with pytest.raises(Abort):
        mkdocs_build(tree, tmp_path / "site")
