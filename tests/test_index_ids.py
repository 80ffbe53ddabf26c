"""The id ``index`` for every kind of thing: an id like any other (the contract allows it).

``index.md`` is a folder's own page to MkDocs, ProperDocs and Zensical; a role, competency or
page called ``index`` still gets its own page at its own address, with its own title, and
the overview pages (home, the competency catalogue, the matrix) stay where they are and link
to them. Built with each engine: whole builds, so ``slow``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_catalogue
from site_html import broken_links, parse, resolve

from generator.pipeline import build_site as mkdocs_build
from generator.pipeline import check, generate
from generator.render import urls

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
OTHER_ENGINES = {
    "properdocs": ["properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
    "zensical": ["zensical", "build", "--strict", "-f", "mkdocs.yml"],
}
CATALOGUE = {
    "handbook.yaml": """\
title: Index Handbook
language: en
scale:
  1: rarely
  2: ~
  3: always
families:
  - id: index
    name: Index family
  - id: team
    name: Team family
""",
    "competencies/index.yaml": """\
name: Index group
competencies:
  - id: index
    name: Index competency
    summary: the competency called index
    indicators: [does index things]
  - id: speak
    name: Speaking
    summary: speaks
    indicators: [speaks clearly]
""",
    "roles/index.yaml": """\
title: Index role
family: index
summary: the role called index
description: >-
  Links by id: [the page](page:index), [the path](path:index),
  [the family](family:index) and [the competency](competency:index).
competencies:
  index: 3
  speak: 2
""",
    "roles/junior.yaml": """\
title: Junior
family: index
summary: learns
competencies:
  index: 1
  speak: 1
""",
    "roles/lead.yaml": """\
title: Lead
family: team
summary: leads
reports_to: index
competencies:
  index: 3
  speak: 3
accept:
  - warning: role-not-on-path
    reason: a role of its own
""",
    "paths/index.yaml": "title: Index path\nsteps:\n  - junior\n  - index\n",
    "pages/index.md": "---\ntitle: Index page\n---\nCalled index: [the role](role:index).\n",
}
# Each page of a thing called ``index``: its address and the title it shows.
OWN_PAGES = {
    "families/index-/": "Index family",
    "competencies/index-/": "Index competency",
    "roles/index-/": "Index role",
    "paths/index-/": "Index path",
    "pages/index-/": "Index page",
    "matrix/index-/": "Index family",
    "sheets/index-/": "Self-assessment sheet: Index role",
    "sheets/index-/step-2/": "Readiness sheet: Junior → Index role",
}
OVERVIEWS = {"": "Index Handbook", "competencies/": "Competency catalogue"}
OVERVIEWS["matrix/"] = "Competency matrix"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_catalogue(tmp_path_factory.mktemp("index-ids") / "cat", CATALOGUE)


@pytest.fixture(scope="module")
def tree(root: Path) -> Path:
    out = root.parent / "tree"
    generate(root, out, strict=True)
    return out


@pytest.fixture(scope="module")
def mkdocs_site(tree: Path) -> Path:
    """The tree built strictly by MkDocs, as ``handbook build`` does."""
    site = tree.parent / "mkdocs-site"
    mkdocs_build(tree, site)
    return site


@pytest.fixture(scope="module", params=sorted(OTHER_ENGINES))
def other_site(request: pytest.FixtureRequest, tree: Path) -> tuple[str, Path]:
    """The tree built strictly by ProperDocs or Zensical, in a copy of its own."""
    engine = request.param
    copy = tree.parent / engine
    shutil.copytree(tree, copy)
    command = [str(BIN / OTHER_ENGINES[engine][0]), *OTHER_ENGINES[engine][1:]]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{engine}:\n{result.stdout}{result.stderr}"
    return engine, copy / "site"


def _page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def _title(site: Path, url: str) -> str:
    return parse(_page(site, url)).title.rsplit(" - ", 1)[0]


def _links(site: Path, url: str) -> set[Path]:
    """The files the links of a page lead to."""
    page = _page(site, url)
    found = (resolve(site, page, a.attrs.get("href", ""))[0] for a in parse(page).find("a"))
    return {target for target in found if target is not None}


def test_index_is_a_valid_id_of_every_kind(root: Path) -> None:
    """Assert that a family, group, competency, role, path and page called ``index``
    validate without a problem, warnings included."""
    validation = check(root)
    assert [str(problem) for problem in validation.problems] == []
    book = validation.handbook
    assert book is not None
    ids = [book.families, book.groups, book.competencies, book.roles, book.paths, book.pages]
    assert all("index" in {thing.id for thing in things} for things in ids)


def test_slugs_of_ids_are_distinct_and_never_a_folders_own_page() -> None:
    """Assert that ``index`` gets a slug no valid id has, and every other id keeps its own."""
    assert urls.slug("index") == "index-"
    assert urls.slug("index-page") == "index-page"
    assert urls.slug("readme") == "readme"
    assert urls.role_page("index") == "roles/index-.md"
    assert urls.competency_page("index") != urls.COMPETENCIES
    assert urls.family_matrix_page("index") != urls.MATRIX
    assert urls.organisation_page("index") == "pages/index-.md"


def test_each_thing_called_index_has_its_own_page(mkdocs_site: Path) -> None:
    """Assert that each page of a thing called ``index`` is at its own address with its own
    title, and that the overview pages stay where they are with theirs."""
    site = mkdocs_site
    assert {url: _title(site, url) for url in OWN_PAGES} == OWN_PAGES
    assert {url: _title(site, url) for url in OVERVIEWS} == OVERVIEWS
    for folder in ("families", "roles", "paths", "pages", "sheets"):
        assert not (site / folder / "index.html").exists(), f"a page took {folder}/"


def test_overview_pages_link_the_pages_called_index(mkdocs_site: Path) -> None:
    """Assert that the home page, the competency catalogue, the matrix, the family page, the
    role and path pages lead to the pages called ``index`` (not to an overview)."""
    site = mkdocs_site
    expected = {
        "": ["families/index-/"],
        "competencies/": ["competencies/index-/"],
        "matrix/": ["matrix/index-/"],
        "families/index-/": ["roles/index-/", "paths/index-/"],
        "roles/index-/": ["sheets/index-/", "pages/index-/", "paths/index-/"],
        "roles/lead/": ["roles/index-/"],
        "paths/index-/": ["roles/index-/", "sheets/index-/step-2/"],
        "pages/index-/": ["roles/index-/"],
    }
    for url, targets in expected.items():
        links = _links(site, url)
        assert {t for t in targets if _page(site, t) not in links} == set(), url
    catalogue = parse(_page(site, "competencies/"))
    assert "group-index" in catalogue.ids


def test_compare_page_and_search_lead_to_the_pages_called_index(mkdocs_site: Path) -> None:
    """Assert that the compare page's data for its script and the search index name the
    pages' own addresses."""
    site = mkdocs_site
    page = _page(site, "compare/")
    form = next(e for e in parse(page).find("form") if "data-ch-compare" in e.attrs)
    data = json.loads(form.attrs["data-ch-compare"])
    assert resolve(site, page, data["roles"]["index"])[0] == _page(site, "roles/index-/")
    competency = data["competencies"]["index"]
    assert resolve(site, page, competency)[0] == _page(site, "competencies/index-/")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"roles/index-/", "competencies/index-/", "paths/index-/"} <= locations


def test_no_link_is_broken(mkdocs_site: Path) -> None:
    """Assert that every internal link and anchor of the MkDocs site resolves."""
    assert broken_links(mkdocs_site) == []


def test_other_engines_build_the_same_pages(other_site: tuple[str, Path]) -> None:
    """Assert that ProperDocs and Zensical publish each page called ``index`` at its own
    address with its own title, keep the overviews, and leave no link broken."""
    engine, site = other_site
    assert {url: _title(site, url) for url in OWN_PAGES} == OWN_PAGES, engine
    assert {url: _title(site, url) for url in OVERVIEWS} == OVERVIEWS, engine
    assert broken_links(site) == [], engine
