"""What each level expects, in a real browser: shown on sheets for the level being chosen
(mouse, keyboard, touch), printed for the target, collapsed on role pages, and free of
serious accessibility violations (tests/fixtures/ladder-en and jobs-en)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, build_site, missing

SHEET = "sheets/senior-engineer/"
SHOWN_LEVELS = """
(id) => [...document.querySelectorAll(`#ch-item-${id} .ch-sheet-level-text`)]
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => Number(el.dataset.level))
"""


@pytest.fixture(scope="module")
def ladder_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURES / "ladder-en", tmp_path_factory.mktemp("ladder") / "site")


@pytest.fixture(scope="module")
def jobs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURES / "jobs-en", tmp_path_factory.mktemp("jobs") / "site")


@pytest.fixture(scope="module")
def ladder_url(ladder_site: Path, serve_site: Any) -> str:
    return str(serve_site(ladder_site))


def shown(page: Any, competency: str) -> list[int]:
    return list(page.evaluate(SHOWN_LEVELS, competency))


def test_pointing_at_a_box_shows_what_that_level_means(page: Any, ladder_url: str) -> None:
    """Assert that hovering a box shows its level's text, and only that one."""
    page.goto(ladder_url + SHEET)
    assert shown(page, "technical-judgement") == []
    page.hover("#ch-item-technical-judgement fieldset[data-rater=self] label:nth-of-type(4)")
    assert shown(page, "technical-judgement") == [4]
    text = page.locator("#ch-level-technical-judgement-4").inner_text()
    assert "Sets the technical direction that many teams follow." in text
    page.hover("#ch-item-technical-judgement fieldset[data-rater=self] label:nth-of-type(2)")
    assert shown(page, "technical-judgement") == [2]


def test_the_keyboard_shows_the_level_it_moves_to(page: Any, ladder_url: str) -> None:
    """Assert that arrowing through a rating row shows the text of the focused level, and
    that the chosen level's text stays once the focus leaves."""
    page.goto(ladder_url + SHEET)
    first = page.locator("#ch-item-technical-judgement input[name=self-technical-judgement]")
    first.nth(0).focus()
    page.keyboard.press("Space")
    assert shown(page, "technical-judgement") == [1]
    page.keyboard.press("ArrowRight")
    assert shown(page, "technical-judgement") == [2]
    page.keyboard.press("ArrowRight")  # the target, 3: its text is the expectation block's
    assert shown(page, "technical-judgement") == []
    expect = page.locator("#ch-item-technical-judgement .ch-sheet-expect")
    assert expect.get_attribute("id") == "ch-level-technical-judgement-3"
    assert "Makes decisions that affect several parts" in expect.inner_text()
    assert page.locator(".ch-sheet-level-text#ch-level-technical-judgement-3").count() == 0
    page.keyboard.press("ArrowRight")
    assert (
        page.locator("input[name=self-technical-judgement]:checked").get_attribute("value") == "4"
    )
    page.locator("#ch-note-technical-judgement").focus()
    assert shown(page, "technical-judgement") == [4]  # the chosen one


def test_tapping_a_box_shows_its_text(browser: Any, ladder_url: str) -> None:
    """Assert that on a touch screen the tapped (chosen) level's text shows."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(ladder_url + SHEET)
        box = "#ch-item-delivery fieldset[data-rater=self] label:nth-of-type(2)"
        phone.locator(box).scroll_into_view_if_needed()
        phone.tap(box)
        assert 2 in shown(phone, "delivery")
    finally:
        context.close()


def test_screen_readers_hear_the_level_text_with_each_box(page: Any, ladder_url: str) -> None:
    """Assert that each described box names its level's text as its description."""
    page.goto(ladder_url + SHEET)
    box = page.locator("input[name=self-technical-judgement][value='3']")
    described = box.get_attribute("aria-describedby")
    assert described == "ch-level-technical-judgement-3"
    assert "Makes decisions that affect" in page.locator(f"#{described}").inner_text()


def test_paper_shows_the_targets_text_not_the_others(page: Any, ladder_url: str) -> None:
    """Assert that in print the target's own words show and no other level's text does."""
    page.goto(ladder_url + SHEET)
    page.check("input[name=self-technical-judgement][value='1']")
    page.emulate_media(media="print")
    assert shown(page, "technical-judgement") == []
    expect = page.locator("#ch-item-delivery .ch-sheet-expect")
    assert expect.is_visible()
    assert "Plans and delivers work that takes several weeks" in expect.inner_text()
    target = page.locator("#ch-item-delivery").get_attribute("data-target")
    assert expect.inner_text().startswith(f"Expected at target {target}\n")


def test_long_expectations_are_collapsed_on_the_role_page(page: Any, ladder_url: str) -> None:
    """Assert that a long expectation shows the beginning of the role's own words (with the
    list they introduce) and opens without a script."""
    page.goto(ladder_url + "roles/senior-engineer/")
    details = page.locator("tr:has(a:text('Delivery')) + tr details.ch-expect")
    assert details.get_attribute("open") is None
    summary = details.locator("summary")
    assert summary.inner_text() == (
        "Expected here: Plans and delivers work that takes several weeks: "
        "breaks it into steps others can pick up; …"
    )
    assert not details.locator("li").first.is_visible()
    summary.click()
    assert details.locator("li").first.is_visible()


def test_a_role_without_targets_has_a_page_but_no_sheet(jobs_site: Path) -> None:
    """Assert that the head of data engineering has a page that says why, and no sheet."""
    page = (jobs_site / "roles" / "head-of-data-engineering" / "index.html").read_text("utf-8")
    assert "described in words" in page and "sheets/head-of-data-engineering" not in page
    assert not (jobs_site / "sheets" / "head-of-data-engineering").exists()


@pytest.mark.parametrize(
    "url",
    [
        "roles/senior-engineer/",
        "competencies/technical-judgement/",
        "paths/individual-contributor/",
        "pages/how-to-read/",
        "families/engineering/",
        SHEET,
        "sheets/individual-contributor/step-4/",
    ],
)
def test_no_serious_violations_on_the_new_parts(
    url: str, ladder_url: str, csp_free_page: Any
) -> None:
    """Assert that axe finds nothing serious on pages with level texts and expectations,
    with the collapsed ones opened and a level chosen."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        missing("axe-playwright-python")
    page = csp_free_page
    page.goto(ladder_url + url)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    boxes = page.locator(".ch-sheet-row > label")
    if boxes.count():
        boxes.nth(2).click()
    results = Axe().run(page)
    severe = [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not severe
