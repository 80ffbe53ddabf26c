"""Shared fixtures: catalogues from dicts, built sites, a local web server, headless Chromium.

Browser tests skip when no Chromium is found, unless HANDBOOK_REQUIRE_BROWSER=1 (set by
.ci/run), which turns a missing browser into a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
# A frozen copy of the shipped catalogue (catalogues/ as of edition 2026.1): the realistic
# German catalogue that page, sheet and path tests rely on. HR may change catalogues/ at
# will; tests/test_shipped_catalogue.py only checks that it validates strictly and builds.
DEFAULT_CATALOGUE = FIXTURES / "default"
SHIPPED_CATALOGUE = PROJECT / "catalogues"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


BROWSER_FIXTURES = {"browser", "page", "csp_free_page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium as ``browser`` (``make test-fast`` skips them)."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def git(repo: Path, *args: str) -> None:
    """Run git in ``repo`` with a fixed identity (tests make their own repositories)."""
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "-C", str(repo), *identity, *args], check=True, capture_output=True)


def write_catalogue(root: Path, files: dict[str, Any]) -> Path:
    """Write a catalogue root: values are YAML data (dumped) or raw text/bytes (as is)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return root


@pytest.fixture
def catalogue(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """A factory writing a small catalogue below tmp_path/cat from a dict of files."""
    return lambda files: write_catalogue(tmp_path / "cat", files)


def build_site(root: Path, site: Path) -> Path:
    """Generate and strictly build the site of a catalogue root (raises on any error)."""
    from generator.pipeline import build_site as mkdocs_build
    from generator.pipeline import generate

    tree = site.parent / f"{site.name}-tree"
    generate(root, tree)
    mkdocs_build(tree, site)
    return site


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML site of the default catalogue (built once per test session)."""
    return build_site(DEFAULT_CATALOGUE, tmp_path_factory.mktemp("default") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def serve_site() -> Iterator[Callable[[Path], str]]:
    """Serve a built site folder on 127.0.0.1; returns its base URL (ending in /)."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def missing(what: str) -> None:
    """Skip a test for lack of a tool, or fail it where CI demands the whole browser kit
    (HANDBOOK_REQUIRE_BROWSER=1: Chromium, Playwright, axe-core, poppler)."""
    if os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required (HANDBOOK_REQUIRE_BROWSER=1) but was not found")
    pytest.skip(f"{what} is not installed")


def find_chromium() -> str | None:
    configured = os.environ.get("HANDBOOK_CHROMIUM")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless system Chromium driven by Playwright."""
    executable = find_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        missing("Chromium (Debian's 'chromium') with Playwright")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page (own context, so storage does not leak between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def csp_free_page(browser: Any) -> Iterator[Any]:
    """A fresh page that ignores the site's Content-Security-Policy.

    For checks that must not rely on the policy (escaping alone has to stop a payload) and
    for injected test scripts such as axe-core, which the policy would block.
    """
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def default_url(default_site: Path, serve_site: Callable[[Path], str]) -> str:
    """The base URL of the served default site."""
    return serve_site(default_site)


@pytest.fixture(scope="session")
def default_handbook() -> Any:
    """The default catalogue's model."""
    from generator.pipeline import load_handbook

    return load_handbook(DEFAULT_CATALOGUE)
