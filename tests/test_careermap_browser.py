"""The career map in a built site and in Chromium: links, phone width, print, accessibility.

Uses tests/fixtures/fork-en, whose Engineering family forks after three shared roles into an
individual-contributor track and a manager track in another family.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, build_site, missing
from site_html import parse, resolve

FAMILY = "families/engineering/"
ROLES = 7
PHONE = {"width": 390, "height": 844}
MIN_FONT_PX = 11
SEVERE = ("serious", "critical")


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURES / "fork-en", tmp_path_factory.mktemp("fork") / "site")


@pytest.fixture(scope="module")
def base_url(fork_site: Path, serve_site: Any) -> str:
    return str(serve_site(fork_site))


def test_every_role_on_the_map_links_its_page(fork_site: Path) -> None:
    """Assert that each box of the map is a link to the page of the role it names."""
    page = fork_site / FAMILY / "index.html"
    parsed = parse(page)
    svg_links = [
        e for e in parsed.elements if e.tag == "a" and "ch-map__role" in e.attrs.get("class", "")
    ]
    assert len(svg_links) == ROLES
    for link in svg_links:
        target, fragment = resolve(fork_site, page, link.attrs["href"])
        assert target is not None and target.is_file() and not fragment, link.attrs
        title = link.attrs["aria-label"].split(" (")[0]
        assert parse(target).title.startswith(title), (link.attrs, parse(target).title)


def test_map_roles_are_links_that_navigate(base_url: str, page: Any) -> None:
    """Assert that the map is visible, each role on it is a focusable link, and a click on
    one opens that role's page."""
    from playwright.sync_api import expect

    page.goto(base_url + FAMILY)
    svg = page.locator("svg.ch-map__svg")
    expect(svg).to_be_visible()
    expect(svg).to_have_accessible_name("Career map: Engineering")
    links = svg.get_by_role("link")
    expect(links).to_have_count(ROLES)
    for index in range(ROLES):
        links.nth(index).focus()
        expect(links.nth(index)).to_be_focused()
    staff = svg.get_by_role("link", name="Staff Engineer", exact=True)
    expect(staff).to_be_visible()
    staff.click()
    expect(page).to_have_url(re.compile(r"/roles/staff-engineer/$"))
    expect(page.locator("h1")).to_contain_text("Staff Engineer")


def test_map_fits_a_phone_with_readable_text(base_url: str, browser: Any) -> None:
    """Assert that at 390 px the page does not scroll sideways, the map fits the viewport,
    its text is at least 11 px and each line stays inside its box."""
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(base_url + FAMILY)
        found = tab.evaluate(
            """() => {
              const svg = document.querySelector("svg.ch-map__svg");
              const box = svg.getBoundingClientRect();
              const texts = [...svg.querySelectorAll("text")].map(t => {
                const rect = t.closest("a").querySelector("rect");
                const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
                return {text: t.textContent, px: size, width: t.getComputedTextLength(),
                        room: rect.width.baseVal.value};
              });
              return {scroll: document.documentElement.scrollWidth, left: box.left,
                      right: box.right, viewport: innerWidth, texts};
            }"""
        )
    finally:
        context.close()
    assert found["scroll"] <= PHONE["width"], "the page scrolls sideways"
    assert found["left"] >= 0 and found["right"] <= found["viewport"]
    assert found["texts"]
    for text in found["texts"]:
        assert text["px"] >= MIN_FONT_PX, text
        assert text["width"] <= text["room"], f"text wider than its box: {text}"


def test_a_map_too_wide_for_a_phone_scrolls_at_full_size(
    tmp_path: Path, serve_site: Any, browser: Any
) -> None:
    """Assert that a map with six roles side by side keeps its text size on a phone and
    scrolls within its figure, while the page itself does not scroll sideways."""
    root = tmp_path / "wide"
    shutil.copytree(FIXTURES / "fork-en", root)
    for index in range(4):
        role = (root / "roles" / "staff-engineer.yaml").read_text(encoding="utf-8")
        (root / "roles" / f"track-{index}.yaml").write_text(role, encoding="utf-8")
        steps = f"title: Track {index}\nsteps: [senior-engineer, track-{index}]\n"
        (root / "paths" / f"track-{index}.yaml").write_text(steps, encoding="utf-8")
    url = serve_site(build_site(root, tmp_path / "site")) + FAMILY
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(url)
        found = tab.evaluate(
            """() => {
              const figure = document.querySelector("figure.ch-map");
              const text = figure.querySelector("text");
              return {wide: figure.classList.contains("ch-map--wide"),
                      scrolls: figure.scrollWidth > figure.clientWidth,
                      page: document.documentElement.scrollWidth,
                      px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a};
            }"""
        )
    finally:
        context.close()
    assert found["wide"] and found["scrolls"], found
    assert found["page"] <= PHONE["width"], found
    assert found["px"] >= MIN_FONT_PX, found


def test_map_prints_in_black_and_white_with_dashed_other_family(base_url: str, page: Any) -> None:
    """Assert that in print the boxes are black outlines, another family's dashed."""
    page.emulate_media(media="print")
    page.goto(base_url + FAMILY)
    styles = page.evaluate(
        """() => [...document.querySelectorAll("svg.ch-map__svg a")].map(a => {
             const style = getComputedStyle(a.querySelector("rect"));
             return {other: a.classList.contains("ch-map__role--other"), stroke: style.stroke,
                     dash: style.strokeDasharray,
                     fill: getComputedStyle(a.querySelector("text")).fill};
           })"""
    )
    assert {s["other"] for s in styles} == {True, False}
    for style in styles:
        assert style["stroke"] == style["fill"] == "rgb(0, 0, 0)", style
        assert (style["dash"] != "none") == style["other"], style


def test_map_page_breaks_no_content_security_rule(base_url: str, page: Any) -> None:
    """Assert that the page with the map loads without a Content-Security-Policy violation."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(base_url + FAMILY)
    page.wait_for_load_state("networkidle")
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_no_serious_accessibility_violations_on_a_family_page_with_a_map(
    base_url: str, csp_free_page: Any
) -> None:
    """Assert that axe finds no serious or critical violation on a family page with a map."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        missing("axe-playwright-python")
    csp_free_page.goto(base_url + FAMILY)
    results = Axe().run(csp_free_page)
    severe = [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in SEVERE
    ]
    assert not severe
