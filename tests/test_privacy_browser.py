"""Privacy in Chromium: the handbook talks only to its own server, under a strict CSP.

Every page type of the default catalogue is opened, used (levels chosen, lists changed,
printed) and searched while every request and every Content-Security-Policy violation is
recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_html import html_pages, parse, representative_pages, url_of, use_page

PAGE_KINDS = ("home", "roles", "competencies", "families", "paths", "matrix", "sheets")
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@dataclass
class Recorder:
    """Every request and every CSP complaint of one browser page."""

    origin: str
    requests: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    complaints: list[str] = field(default_factory=list)

    @property
    def foreign(self) -> list[str]:
        """Requests that went anywhere but the local server (data: and blob: stay local)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url)._replace(path="", query="", fragment="").geturl() != self.origin
        ]

    def violations(self, page: Any) -> list[str]:
        return [*self.complaints, *(page.evaluate("window.__csp || []"))]


@pytest.fixture(scope="module")
def base_url(default_site: Path, serve_site: Any) -> str:
    return str(serve_site(default_site))


@pytest.fixture
def recorded(page: Any, base_url: str) -> Iterator[Recorder]:
    """The conftest page with its requests and CSP violations recorded."""
    recorder = Recorder(base_url.rstrip("/"))
    page.context.on("request", lambda request: recorder.requests.append(request.url))
    page.context.on("requestfinished", lambda request: recorder.answered.append(request.url))
    page.on(
        "console",
        lambda message: (
            recorder.complaints.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(WATCH_CSP)
    yield recorder


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_default_site_has_every_page_type(default_site: Path) -> None:
    """Assert that the default site has each page type the browser tests open."""
    assert set(PAGE_KINDS) <= set(representative_pages(default_site))


def test_every_page_type_talks_only_to_its_own_server(
    default_site: Path, base_url: str, page: Any, recorded: Recorder
) -> None:
    """Assert that opening, using and printing each page type requests nothing from other hosts."""
    for _kind, path in sorted(representative_pages(default_site).items()):
        _open(page, base_url + url_of(default_site, path))
        use_page(page)
        page.emulate_media(media="print")
        page.wait_for_timeout(50)
        page.emulate_media(media="screen")
        page.wait_for_load_state("networkidle")
        assert not recorded.violations(page), (path, recorded.violations(page))
    assert recorded.requests, "nothing was recorded"
    assert not recorded.foreign, recorded.foreign


def test_search_works_under_the_policy(base_url: str, page: Any, recorded: Recorder) -> None:
    """Assert that search finds pages, asks only the local server and breaks no CSP rule."""
    _open(page, base_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Kommunikation", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert any("search_index.json" in url for url in recorded.requests)
    assert not recorded.foreign, recorded.foreign
    assert not recorded.violations(page), recorded.violations(page)


def test_every_page_declares_the_policy(default_site: Path) -> None:
    """Assert that every built page carries a CSP meta tag that allows only its own origin."""
    for path in html_pages(default_site):
        metas = [
            e
            for e in parse(path).find("meta")
            if e.attrs.get("http-equiv", "").lower() == "content-security-policy"
        ]
        assert len(metas) == 1, path
        policy = {
            part.split()[0]: part.split()[1:]
            for part in metas[0].attrs["content"].split(";")
            if part.strip()
        }
        assert policy["default-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy["script-src"], path
        assert "'unsafe-eval'" not in policy["script-src"], path
        assert policy["object-src"] == ["'none'"], path
        for sources in policy.values():
            assert not [s for s in sources if "://" in s or s in ("*", "http:", "https:")], path


def test_policy_blocks_foreign_and_inline_code(
    base_url: str, page: Any, recorded: Recorder
) -> None:
    """Assert that the policy stops an inline script and an image from another host."""
    _open(page, base_url)
    page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.append(script);
        const image = document.createElement("img");
        image.src = "http://tracker.invalid/pixel.png";
        document.body.append(image);
    }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert "http://tracker.invalid/pixel.png" not in recorded.answered
    assert len(recorded.violations(page)) >= 2, recorded.violations(page)
