"""Accessibility in Chromium: axe-core finds nothing serious, the sheet works by keyboard alone.

axe-core comes from the PyPI package axe-playwright-python. It runs on one page of every
type of the default catalogue (both kinds of sheet), once as loaded and once after use
(levels chosen, summary shown), and on the open search with results.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import missing
from site_html import representative_pages, url_of, use_page

SEVERE = ("serious", "critical")
MAX_TABS = 400


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        missing("axe-playwright-python")
    return Axe()


@pytest.fixture(scope="module")
def base_url(default_site: Path, serve_site: Any) -> str:
    return str(serve_site(default_site))


@pytest.fixture
def axe_page(csp_free_page: Any) -> Any:
    """A page whose CSP does not apply to the injected axe-core script (axe is not the site)."""
    return csp_free_page


def _severe(axe: Any, page: Any) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in SEVERE
    ]


def test_no_serious_violations_on_any_page_type(
    default_site: Path, base_url: str, axe_page: Any, axe: Any
) -> None:
    """Assert that axe finds no serious or critical violation on any page type, loaded or used."""
    found = {}
    for kind, path in sorted(representative_pages(default_site).items()):
        axe_page.goto(base_url + url_of(default_site, path))
        found[f"{kind} (loaded)"] = _severe(axe, axe_page)
        if use_page(axe_page):
            found[f"{kind} (used)"] = _severe(axe, axe_page)
    kinds = {k.split()[0] for k in found}
    wanted = ("home", "roles", "competencies", "families", "paths", "matrix", "sheets", "compare")
    assert set(wanted) <= kinds
    assert not {k: v for k, v in found.items() if v}


def test_no_serious_violations_in_search(base_url: str, axe_page: Any, axe: Any) -> None:
    """Assert that the open search with its results has no serious or critical violation."""
    axe_page.goto(base_url)
    axe_page.locator(".md-search__input").click()
    axe_page.locator(".md-search__input").press_sequentially("Kommunikation", delay=30)
    axe_page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert not _severe(axe, axe_page)


def _tab_through(page: Any, stop: str | None = None) -> list[dict[str, str]]:
    """Press Tab until focus wraps around (or ``stop`` matches); what was focused, in order."""
    seen: list[dict[str, str]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement;
            return e ? {tag: e.tagName, type: e.type || "", name: e.name || "",
                        id: e.id || "", text: (e.innerText || "").trim().slice(0, 60)} : null }"""
        )
        if focused is None or focused["tag"] == "BODY":
            break
        seen.append(focused)
        if stop and page.evaluate(f"document.activeElement.matches({stop!r})"):
            break
    return seen


def _sheet_url(site: Path) -> str:
    return url_of(site, representative_pages(site)["sheets"])


def test_every_sheet_control_is_reachable_by_keyboard(
    default_site: Path, base_url: str, page: Any
) -> None:
    """Assert that Tab reaches every field, rating group, note and button of a sheet."""
    page.goto(base_url + _sheet_url(default_site))
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(".ch-sheet[data-ch-ready]", state="attached")  # the script ran
    wanted = page.evaluate(
        """() => [...document.querySelectorAll(
              '.ch-sheet input, .ch-sheet select, .ch-sheet textarea, .ch-sheet button')]
            .filter(e => e.offsetParent !== null && !e.disabled)
            .map(e => e.type === "radio" ? "radio:" + e.name : (e.id || e.name || e.innerText))"""
    )
    reached = {
        f"radio:{f['name']}" if f["type"] == "radio" else (f["id"] or f["name"] or f["text"])
        for f in _tab_through(page)
    }
    assert wanted, "no controls found on the sheet"
    missing = sorted(set(wanted) - reached)
    assert not missing, f"not reachable with Tab: {missing}"


def test_a_level_is_chosen_and_announced_by_keyboard(
    default_site: Path, base_url: str, page: Any
) -> None:
    """Assert that arrow keys choose a level and the focused box names level and competency."""
    from playwright.sync_api import expect

    page.goto(base_url + _sheet_url(default_site))
    page.wait_for_load_state("networkidle")
    _tab_through(page, stop="input[type=radio]")
    focused = page.locator(":focus")
    assert focused.get_attribute("type") == "radio", "Tab never reached a rating box"
    group = focused.get_attribute("name")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    checked = page.locator(f"input[name='{group}']:checked")
    assert checked.count() == 1 and checked.get_attribute("value") == "2"
    expect(page.locator(":focus")).to_have_attribute("value", "2")
    expect(page.locator(":focus")).to_have_accessible_name(re.compile(r"^2\b"))
    row = page.locator(f"fieldset:has(input[name='{group}'])")
    competency = page.locator(
        f".ch-sheet-item:has(input[name='{group}']) .ch-sheet-name"
    ).inner_text()
    expect(row).to_have_accessible_name(re.compile(re.escape(competency.strip())))
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(f"input[name='{group}']:checked").get_attribute("value") == "2"


def test_summary_drawn_again_keeps_the_keyboard_focus(
    default_site: Path, base_url: str, page: Any
) -> None:
    """Assert that a focused link of the summary keeps the focus when the summary is drawn
    again (here after the window's width changes; likewise when catalogue.json arrives)."""
    page.goto(base_url + _sheet_url(default_site))
    page.wait_for_load_state("networkidle")
    link = page.locator(".ch-sheet-table tbody a").nth(2)
    href = link.get_attribute("href")
    link.focus()
    old = link.element_handle()
    page.set_viewport_size({"width": 900, "height": 800})  # the sheet redraws its summary
    page.wait_for_function("el => !el.isConnected", arg=old)  # the row is a new one now
    focused = page.evaluate(
        "() => [document.activeElement.closest('.ch-sheet-table tbody') !== null,"
        " document.activeElement.getAttribute('href')]"
    )
    assert focused == [True, href]
