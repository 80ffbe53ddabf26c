"""The generated tree builds with every engine we support: MkDocs 1.6, ProperDocs (the
maintained fork of MkDocs 1.6) and Zensical (Material's successor: reads mkdocs.yml, runs no
hooks, a subset of Jinja). Our own templates use only what all three support, and no copy
of a Material template is left in the overrides.

Slow (three whole builds): ``-m slow``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import FIXTURES
from site_html import html_pages, page_kind, parse, resolve

from generator.pipeline import generate
from generator.resources import OVERRIDES

BIN = Path(sys.executable).parent
ENGINES = {
    "mkdocs": ["mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
    "properdocs": ["properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
    "zensical": ["zensical", "build", "--strict", "-f", "mkdocs.yml"],
}
KINDS = {"home", "roles", "competencies", "families", "paths", "matrix", "sheets"}
OUR_TEMPLATES = {
    "main.html",
    "sheet.html",
    "body.html",
    "compare.html",
    "partials/csp.html",
    "partials/copyright.html",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated tree of the realistic German fixture catalogue."""
    out = tmp_path_factory.mktemp("engines") / "tree"
    generate(FIXTURES / "default", out)
    return out


@pytest.fixture(scope="module", params=sorted(ENGINES))
def built(request: pytest.FixtureRequest, tree: Path) -> tuple[str, Path]:
    """The tree built by one engine, in a copy of its own: (engine, site folder)."""
    engine = request.param
    copy = tree.parent / engine
    shutil.copytree(tree, copy)
    command = [str(BIN / ENGINES[engine][0]), *ENGINES[engine][1:]]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{engine} {version(engine)}:\n{result.stdout}{result.stderr}"
    return engine, copy / "site"


def test_every_page_kind_is_built(built: tuple[str, Path]) -> None:
    """Assert that the engine's site has every kind of page, sheets included, with our CSP."""
    engine, site = built
    pages = html_pages(site)
    assert {page_kind(site, page) for page in pages} >= KINDS, engine
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in home, engine
    assert "Beispiel GmbH" in home, f"{engine}: no imprint in the footer"


def test_sheets_load_their_styles_and_script(built: tuple[str, Path]) -> None:
    """Assert that a sheet links sheet.css, the sheets' margins stylesheet and the script,
    that each file is in the site, and that the sheet shows its own body (one of many in
    its file of bodies)."""
    engine, site = built
    sheet = site / "sheets" / "key-account-manager" / "index.html"
    parsed = parse(sheet)
    links = [e.attrs["href"] for e in parsed.find("link") if e.attrs.get("rel") == "stylesheet"]
    scripts = [e.attrs["src"] for e in parsed.find("script") if "src" in e.attrs]
    wanted = {
        "assets/sheet.css": links,
        "sheets/margins.css": links,
        "assets/sheet/main.js": scripts,
        "assets/handbook.js": scripts,
    }
    for name, refs in wanted.items():
        targets = [resolve(site, sheet, ref)[0] for ref in refs]
        assert site / name in targets, f"{engine}: {name} not linked from the sheet: {refs}"
        assert (site / name).is_file(), f"{engine}: {name} missing"
    radios = [e for e in parsed.find("input") if e.attrs.get("type") == "radio"]
    assert radios, f"{engine}: the sheet has no level to choose"
    data = next(e for e in parsed.find("script") if e.attrs.get("class") == "ch-sheet-data")
    assert json.loads(data.content)["sheet"] == "key-account-manager", f"{engine}: other body"


def test_theme_tags_leave_no_whitespace_behind(built: tuple[str, Path]) -> None:
    """Assert that with MkDocs and ProperDocs (which run the tree's one hook) a role page
    has no stretch of blank lines or indentation left by the theme's template tags (a third
    of its bytes were such whitespace); Zensical runs no hooks, and its page is whole."""
    engine, site = built
    page = (site / "roles" / "key-account-manager" / "index.html").read_text(encoding="utf-8")
    assert "Key Account Manager" in page and page.rstrip().endswith("</html>"), engine
    longest = max(len(run) for run in re.findall(r"\n[ \t\n]*\n", page))
    blank = sum(1 for line in page.splitlines() if not line.strip())
    compact = longest < 10 and blank < len(page.splitlines()) / 5
    assert compact == (engine != "zensical"), (engine, longest, blank)


def test_browser_title_shows_the_page_and_the_handbook(built: tuple[str, Path]) -> None:
    """Assert that a role page's <title> names the role and the handbook, escaped once, and
    the home page's names the handbook alone."""
    engine, site = built
    parsed = parse(site / "roles" / "account-manager" / "index.html")
    assert parsed.title.strip() == "Account Manager - Kompetenzhandbuch Vertrieb & Marketing"
    assert parse(site / "index.html").title.strip() == "Kompetenzhandbuch Vertrieb & Marketing"


def test_overrides_hold_only_our_own_templates() -> None:
    """Assert that no copy of a Material template is left among the theme overrides."""
    found = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    assert found == OUR_TEMPLATES
