"""The generated tree builds with every engine we support: MkDocs 1.6, ProperDocs (the
maintained fork of MkDocs 1.6) and Zensical (Material's successor: reads mkdocs.yml, runs no
hooks, a subset of Jinja). Our own templates use only what all three support, and no copy
of a Material template is left in the overrides.

Each engine reads links in a page's raw HTML its own way (MkDocs leaves them alone, Zensical
reads them as relative to the Markdown file): every link of each site must reach its file.

Slow (whole builds with each engine): ``-m slow``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from site_html import (
    broken_links,
    html_pages,
    page_kind,
    parse,
    representative_pages,
    resolve,
    url_of,
    use_page,
)

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


# Links by id in every kind of Markdown field (role, path and scale descriptions, level
# texts; every-field-en), and an organisation's page with links by id and an image (ladder-en).
LINKED = ("every-field-en", "ladder-en")


def _build(engine: str, tree: Path, copy: Path) -> Path:
    """The tree built by one engine, in a copy of its own: the site folder."""
    shutil.copytree(tree, copy)
    command = [str(BIN / ENGINES[engine][0]), *ENGINES[engine][1:]]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{engine} {version(engine)}:\n{result.stdout}{result.stderr}"
    return copy / "site"


@pytest.fixture(scope="module", params=sorted(ENGINES))
def built(request: pytest.FixtureRequest, tree: Path) -> tuple[str, Path]:
    """The tree built by one engine: (engine, site folder)."""
    engine = request.param
    return engine, _build(engine, tree, tree.parent / engine)


@pytest.fixture(
    scope="module", params=[(c, e) for c in LINKED for e in sorted(ENGINES)], ids="-".join
)
def linked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str, Path]:
    """A fixture catalogue with links by id and page images, built by one engine:
    (catalogue, engine, site folder)."""
    name, engine = request.param
    tree = tmp_path_factory.mktemp(f"{name}-{engine}") / "tree"
    generate(FIXTURES / name, tree)
    return name, engine, _build(engine, tree, tree.parent / "built")


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


def test_every_internal_link_resolves(built: tuple[str, Path]) -> None:
    """Assert that every internal link, stylesheet, script and image of the engine's site
    leads to a file of the site, without climbing above its root."""
    engine, site = built
    broken = broken_links(site)
    assert not broken, (engine, len(broken), broken[:10])


def test_links_by_id_and_page_images_resolve(linked: tuple[str, str, Path]) -> None:
    """Assert that every link and image of a site whose Markdown fields link by id and whose
    organisation's page shows an image resolves, with each engine, and that those links and
    the image lead where they should."""
    name, engine, site = linked
    broken = broken_links(site)
    assert not broken, (name, engine, len(broken), broken[:10])
    wanted = {
        "every-field-en": [
            ("roles/junior", "a", "paths/builder"),  # the role's description
            ("paths/builder", "a", "roles/junior"),  # the path's description
            ("competencies/delivery", "a", "roles/senior"),  # the scale's description
        ],
        "ladder-en": [
            ("pages/how-to-read", "img", "pages/images/tracks.svg"),
            ("pages/how-to-read", "a", "roles/staff-engineer"),
            ("paths/management", "a", "roles/senior-engineer"),  # the path's description
        ],
    }[name]
    for url, tag, target in wanted:
        page = site / url / "index.html"
        attribute = "src" if tag == "img" else "href"
        links = [e.attrs.get(attribute, "") for e in parse(page).find(tag)]
        found = {resolve(site, page, link)[0] for link in links if link}
        file = site / target if "." in target else site / target / "index.html"
        assert file in found, (engine, url, tag, target)


def _policy(page: Path) -> dict[str, list[str]]:
    """The Content-Security-Policy of a built page: directive -> sources."""
    parsed = parse(page)
    meta = next(
        e
        for e in parsed.find("meta")
        if e.attrs.get("http-equiv", "").lower() == "content-security-policy"
    )
    parts = [part.split() for part in meta.attrs["content"].split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_policy_allows_exactly_the_engines_inline_scripts(built: tuple[str, Path]) -> None:
    """Assert that each engine's pages allow, by hash, every inline script that follows the
    policy (one in <head> runs before it) and no other, and no inline style but by hash:
    none with MkDocs and ProperDocs, Zensical's search dialog's (checked in Chromium)."""
    engine, site = built
    for page in representative_pages(site).values():
        policy = _policy(page)
        text = page.read_text(encoding="utf-8")
        after = text[text.index('http-equiv="Content-Security-Policy"') :]
        scripts = re.findall(r"<script>(.*?)</script>", after, flags=re.DOTALL)
        hashes = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in scripts
        }
        allowed = {source for source in policy["script-src"] if source.startswith("'sha256-")}
        assert hashes == allowed, (engine, url_of(site, page))
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"], engine
        assert all(s == "'self'" or s.startswith("'sha256-") for s in policy["style-src"])
        if engine != "zensical":
            assert policy["style-src"] == ["'self'"], engine


def test_pages_run_without_policy_violations(
    built: tuple[str, Path], page: Any, serve_site: Callable[[Path], str]
) -> None:
    """Assert that each kind of page of the engine's site, used and searched, breaks no rule
    of its Content-Security-Policy (Zensical's theme has an inline script of its own and
    styles its search dialog with an inline style element)."""
    engine, site = built
    base = serve_site(site)
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in representative_pages(site).values():
        page.goto(base + url_of(site, path))
        page.wait_for_load_state("networkidle")
        use_page(page)
    page.goto(base)
    page.keyboard.press("/")  # the search shortcut of both themes
    page.keyboard.type("ab", delay=30)
    page.wait_for_timeout(500)
    assert not violations, (engine, violations)


def test_overrides_hold_only_our_own_templates() -> None:
    """Assert that no copy of a Material template is left among the theme overrides."""
    found = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    assert found == OUR_TEMPLATES
