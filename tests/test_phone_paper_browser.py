"""What employees, managers and HR hit on phones, on paper and in daily use (issue 14).

Chromium at 390 px (a phone) and 1280 px, print media and A4 PDFs read back with poppler.
Each test names the defect it guards against.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_CATALOGUE, FIXTURES, build_site
from site_html import html_pages, url_of
from test_sheets_browser import STATE, _download, _fill, _pdf_text, _squash

KAM = "sheets/key-account-manager/"
READINESS = "sheets/key-account-management/step-2/"
PHONE = {"width": 390, "height": 844}

# Every word of 6+ letters in the content that the browser laid out on more than one line.
CUT_WORDS = """
() => {
  const found = [];
  const root = document.querySelector('.md-content') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.getClientRects().length) continue;
    if (parent.closest('.ch-sheet-sr, script, style, svg, select, textarea, code')) continue;
    const pattern = /[^\\s\\u00ad\\-–—/]{6,}/g;
    for (let match; (match = pattern.exec(node.textContent)); ) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()]
        .filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) found.push(match[0]);
    }
  }
  return found;
}
"""


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A fresh page as wide as a phone."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def _open_sheet(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")


# ---- 1, 9: phones -----------------------------------------------------------------------


def test_no_page_is_wider_than_a_phone(phone: Any, default_url: str, default_site: Path) -> None:
    """Assert that at 390 px no page scrolls sideways and no word is cut without a hyphen
    (#1: the KAM sheet was 560 px wide; #9: "Kommunikationsfähigk|eiten")."""
    wide, cut = {}, {}
    for page in html_pages(default_site):
        url = url_of(default_site, page)
        if url.startswith(("search/", "404")):
            continue
        phone.goto(default_url + url)
        if url.startswith("sheets/"):
            phone.wait_for_selector(".ch-sheet-tools:not([hidden])")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[url] = width
        words = phone.evaluate(CUT_WORDS)
        if words:
            cut[url] = words
    assert not wide, wide
    assert not cut, cut


def test_sheet_title_and_summary_fit_a_phone(phone: Any, default_url: str) -> None:
    """Assert that the sheet's title is not cut and every summary column is on the screen."""
    _open_sheet(phone, default_url + KAM)
    title = phone.locator("h1.ch-sheet-title")
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth")
    phone.locator(".ch-sheet-evaluation").scroll_into_view_if_needed()
    heads = phone.locator(".ch-sheet-table thead th")
    assert heads.count() == 5
    for index in range(5):
        box = heads.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, index
    scroller = phone.locator(".ch-sheet-scroll")
    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth")


def test_path_page_shows_every_column_on_a_phone(phone: Any, default_url: str) -> None:
    """Assert that the path page's change column is on the screen at 390 px (#1)."""
    phone.goto(default_url + "paths/key-account-management/")
    tables = phone.locator("table.ch-changes")
    assert tables.count() >= 2
    for index in range(tables.count()):
        table = tables.nth(index)
        table.scroll_into_view_if_needed()
        for cell in table.locator("thead th").all():
            box = cell.bounding_box()
            assert box is not None and box["width"] > 0
            assert box["x"] + box["width"] <= 390 + 0.5, cell.inner_text()
        badge = table.locator(".ch-badge").first
        assert badge.is_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_code_lines_of_the_guide_are_not_cut(browser: Any, default_url: str, width: int) -> None:
    """Assert that no line of a code example in the HR guide runs out of its box (#10)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(default_url + "guide/")
    blocks = page.locator("pre > code")
    assert blocks.count() > 0
    cut = blocks.evaluate_all(
        "blocks => blocks.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.innerText)"
    )
    context.close()
    assert cut == []


# ---- 7, 10: links and boxes ---------------------------------------------------------------


def _below_header(page: Any, selector: str) -> None:
    header = page.locator(".md-header").bounding_box()
    target = page.locator(selector).bounding_box()
    assert header is not None and target is not None
    assert target["y"] >= header["y"] + header["height"] - 1, (selector, target, header)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_jump_links_land_below_the_sticky_header(
    browser: Any, default_url: str, viewport: dict[str, int]
) -> None:
    """Assert that "Zur Auswertung" and a summary link show their target below the header (#7)."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        _open_sheet(page, default_url + KAM)
        page.locator('a[href="#ch-sheet-evaluation"]').click()
        page.wait_for_timeout(300)
        _below_header(page, "#ch-sheet-evaluation h2")
        link = page.locator(".ch-sheet-table tbody a").nth(5)
        target = link.get_attribute("href")
        link.click()
        page.wait_for_timeout(300)
        _below_header(page, f"{target} .ch-sheet-name")
    finally:
        context.close()


def test_summary_links_look_like_links(page: Any, default_url: str) -> None:
    """Assert that the summary's competency names are underlined links (#10)."""
    _open_sheet(page, default_url + KAM)
    decoration = page.locator(".ch-sheet-table tbody a").first.evaluate(
        "a => getComputedStyle(a).textDecorationLine"
    )
    assert "underline" in decoration


def test_matrix_is_no_scroll_box_of_its_own(page: Any, default_url: str) -> None:
    """Assert that the matrix grows with the page instead of scrolling in a 760 px box (#10)."""
    page.goto(default_url + "matrix/vertrieb-marketing/")
    box = page.locator(".ch-matrix")
    assert box.evaluate("e => getComputedStyle(e).maxHeight") == "none"
    assert box.evaluate("e => e.scrollHeight <= e.clientHeight + 1")


# ---- 2: the summary compares with the own role ----------------------------------------------


def test_summary_compares_with_the_own_role_unless_told(page: Any, default_url: str) -> None:
    """Assert that the summary uses the role's own targets by default, and that comparing with
    another role says so in the column heading and beside the counts (#2)."""
    _open_sheet(page, default_url + KAM)
    page.locator(".ch-sheet-evaluation").scroll_into_view_if_needed()
    page.wait_for_selector('.ch-sheet[data-ch-others="loaded"]')
    assert page.input_value('select[name="compare"]') == "key-account-manager"
    head = page.locator(".ch-sheet-target-head")
    assert head.inner_text() == "Soll"
    assert (
        "Ihrem eigenen Soll (Key Account Manager)"
        in page.locator(".ch-sheet-compared").inner_text()
    )
    item = page.locator("#ch-item-kundenbeziehungen")
    item_target = item.get_attribute("data-target")
    row = page.locator(".ch-sheet-table tbody tr", has_text="Kundenbeziehungen")
    assert row.locator("td").nth(1).inner_text() == item_target
    page.select_option('select[name="compare"]', "account-supervisor")
    assert head.inner_text() == "Soll Account Supervisor"
    compared = page.locator(".ch-sheet-compared").inner_text()
    assert "dem Soll von Account Supervisor, nicht Ihrem eigenen" in compared
    label = page.locator(".ch-sheet-chart").get_attribute("aria-label")
    assert "Account Supervisor" in label


# ---- 5: clearing a rating -------------------------------------------------------------------


def test_a_choice_is_cleared_by_clicking_it_again_or_by_delete(page: Any, default_url: str) -> None:
    """Assert that clicking the chosen box again, or Delete/Backspace on a row, clears it, keeps
    that after a reload and tells screen readers (#5)."""
    _open_sheet(page, default_url + KAM)
    item = page.locator("#ch-item-praesentationen")
    boxes = item.locator('fieldset[data-rater="self"] label')
    boxes.nth(2).click()
    assert item.locator('input[name="self-praesentationen"]:checked').count() == 1
    boxes.nth(2).click()
    assert item.locator('input[name="self-praesentationen"]:checked').count() == 0
    status = page.locator(".ch-sheet-status")
    assert status.get_attribute("role") == "status"
    assert "gelöscht" in status.inner_text() and "Präsentationen" in status.inner_text()
    manager = item.locator('fieldset[data-rater="manager"] label')
    manager.nth(3).click()
    boxes.nth(1).click()
    page.locator('input[name="manager-praesentationen"][value="4"]').focus()
    page.keyboard.press("Delete")
    assert item.locator('input[name="manager-praesentationen"]:checked').count() == 0
    page.locator('input[name="self-praesentationen"][value="2"]').focus()
    page.keyboard.press("Backspace")
    assert item.locator("input:checked").count() == 0
    assert "Selbst" in status.inner_text()
    page.reload()
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    assert page.locator("#ch-item-praesentationen input:checked").count() == 0
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('praesentationen'))")
    assert stored == []


# ---- 3, 8: keeping and exporting ---------------------------------------------------------


def test_readiness_sheet_keeps_ticks_and_names_and_exports(
    page: Any, default_url: str, tmp_path: Path
) -> None:
    """Assert that a readiness sheet remembers levels and fields after a reload, exports JSON and
    CSV, and imports its JSON again (#3)."""
    _open_sheet(page, default_url + READINESS)
    _fill(page)
    state = page.evaluate(STATE)
    page.reload()
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    assert page.evaluate(STATE) == state
    assert page.input_value('input[name="field-name"]') == "Erika Mustermann"
    exported = _download(page, "export-json")
    data = json.loads(exported)
    assert data["sheet"] == "key-account-management/step-2" and data["version"] == 2
    rows = list(csv.reader(io.StringIO(_download(page, "export-csv")), delimiter=";"))
    assert ["Name", "Erika Mustermann"] in rows
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('button[data-action="reset"]')
    assert all(row[1:] == [None, None, ""] for row in page.evaluate(STATE))
    file = tmp_path / "readiness.json"
    file.write_text(exported, encoding="utf-8")
    page.set_input_files(".ch-sheet-file", str(file))
    page.locator(".ch-sheet-status", has_text=re.compile("übernommen|Kompetenz")).wait_for()
    assert page.evaluate(STATE) == state
    other = page.context.new_page()
    _open_sheet(other, default_url + "sheets/account-supervisor/")
    assert all(row[1:] == [None, None, ""] for row in other.evaluate(STATE))  # kept apart


def _download_named(page: Any, action: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(f'button[data-action="{action}"]')
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8-sig")


def test_exports_carry_person_dates_and_goals_and_are_named_after_them(
    page: Any, default_url: str, tmp_path: Path
) -> None:
    """Assert that CSV and JSON hold name, date, manager, meeting and goals, that the files are
    named after role, person and date, and that a version 1 file still imports (#8)."""
    _open_sheet(page, default_url + KAM)
    _fill(page)
    page.fill('input[name="field-date"]', "3.2.2026")
    page.fill('input[name="field-manager"]', "Max Müller")
    page.fill('input[name="field-meeting"]', "10.2.2026")
    name, text = _download_named(page, "export-csv")
    assert name == "key-account-manager_erika-mustermann_2026-02-03.csv"
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[:6] == [
        ["Rolle", "Key Account Manager"],
        ["Ausgabe", "2026.1"],
        ["Name", "Erika Mustermann"],
        ["Datum", "3.2.2026"],
        ["Führungskraft", "Max Müller"],
        ["Gespräch am", "10.2.2026"],
    ]
    assert ["Ziel 1", "Präsentationstraining"] in rows
    name, text = _download_named(page, "export-json")
    assert name == "key-account-manager_erika-mustermann_2026-02-03.json"
    data = json.loads(text)
    assert data["fields"] == {
        "name": "Erika Mustermann",
        "date": "3.2.2026",
        "manager": "Max Müller",
        "meeting": "10.2.2026",
    }
    assert data["goals"][0] == "Präsentationstraining"
    state = page.evaluate(STATE)
    old = {k: v for k, v in data.items() if k not in ("sheet", "title", "exported")}
    old["version"] = 1
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('button[data-action="reset"]')
    file = tmp_path / "v1.json"
    file.write_text(json.dumps(old), encoding="utf-8")
    page.set_input_files(".ch-sheet-file", str(file))
    page.locator(".ch-sheet-status", has_text=re.compile("Kompetenz")).wait_for()
    assert page.evaluate(STATE) == state
    assert page.input_value('input[name="field-manager"]') == "Max Müller"


# ---- 4: every printed page ----------------------------------------------------------------


LEGEND = "Skala: 1 bringt dies kaum ein · 2 bringt dies selten ein"


@pytest.mark.parametrize("url", [KAM, READINESS])
def test_every_printed_page_has_legend_sheet_page_and_person(
    page: Any, default_url: str, tmp_path: Path, url: str
) -> None:
    """Assert that each printed page carries the scale's legend, the sheet, the edition, page n
    of m, and the name once typed in (a line to write it on before) (#4)."""
    _open_sheet(page, default_url + url)
    page.emulate_media(media="print")
    blank = _pdf_text(page.pdf(prefer_css_page_size=True), tmp_path)
    page.emulate_media(media="screen")
    page.fill('input[name="field-name"]', "Erika Mustermann")
    page.emulate_media(media="print")
    filled = _pdf_text(page.pdf(prefer_css_page_size=True), tmp_path)
    assert len(blank) >= 2 and len(filled) >= 2
    for number, text in enumerate(filled, start=1):
        flat = _squash(text)
        assert LEGEND in flat, number
        assert "dick umrandet: Soll" in flat, number
        assert "Name: Erika Mustermann" in flat, number
        assert "Ausgabe 2026.1" in flat and f"Seite {number} von {len(filled)}" in flat, number
    for number, text in enumerate(blank, start=1):
        assert "Name: ____" in _squash(text), number


# ---- the profile chart ---------------------------------------------------------------------


def test_profile_chart_shows_the_whole_profile_and_prints_black_on_white(
    page: Any, default_url: str, tmp_path: Path
) -> None:
    """Assert that the summary draws target, self, manager and a compared role as an SVG with
    a text equivalent, and that it prints in black with lines told apart by dash and mark."""
    _open_sheet(page, default_url + KAM)
    _fill(page)
    page.locator(".ch-sheet-evaluation").scroll_into_view_if_needed()
    page.wait_for_selector('.ch-sheet[data-ch-others="loaded"]')
    chart = page.locator("svg.ch-sheet-profile-chart")
    assert chart.get_attribute("role") == "img"
    label = chart.get_attribute("aria-label")
    assert "35 Kompetenzen" in label and "Selbst" in label and "Führungskraft" in label
    series = chart.locator("[data-series]")
    assert sorted(series.evaluate_all("gs => gs.map(g => g.dataset.series)")) == [
        "manager",
        "self",
        "target",
    ]
    assert chart.locator(".ch-profile-self circle").count() == 4
    page.select_option('select[name="compare"]', "account-supervisor")
    assert chart.locator('[data-series="compared"]').count() == 1
    legend = page.locator(".ch-sheet-profile-legend").inner_text()
    assert "Soll Account Supervisor" in legend
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    strokes = page.evaluate(
        """() => [...document.querySelectorAll('.ch-sheet-profile-chart g path')]
            .map((p) => getComputedStyle(p).stroke)"""
    )
    assert set(strokes) <= {"rgb(0, 0, 0)", "rgb(85, 85, 85)"}, strokes
    assert page.locator(".ch-sheet-profile-chart").is_visible()
    assert not page.locator(".ch-sheet-table").is_visible()
    text = _squash(" ".join(_pdf_text(page.pdf(prefer_css_page_size=True), tmp_path)))
    assert "Profil auf einen Blick" in text


@pytest.fixture(scope="module")
def changes_url(tmp_path_factory: pytest.TempPathFactory, serve_site: Any) -> str:
    """The default site with a change page against the 2025.2 edition (tests/fixtures/diff)."""
    from generator.pipeline import build_site, generate

    folder = tmp_path_factory.mktemp("changes")
    since = str(FIXTURES / "diff" / "default-2025.2")
    generate(DEFAULT_CATALOGUE, folder / "tree", changes_since=since)
    build_site(folder / "tree", folder / "site")
    return str(serve_site(folder / "site"))


def test_the_change_page_writes_one_kind_of_change_one_way(page: Any, changes_url: str) -> None:
    """Assert that every changed salary note on the change page shows removed and added words,
    none "before → after" (#10: short notes were written one way, long ones the other)."""
    page.goto(changes_url + "changes/")
    notes = page.locator("li", has_text="Hinweis zum Gehalt")
    assert notes.count() >= 3
    for index in range(notes.count()):
        note = notes.nth(index)
        assert "→" not in note.inner_text(), note.inner_text()
        assert note.locator("del, ins").count() >= 1, note.inner_text()


LONG_WORD = (
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnungs"
    "änderungsentwurfsbegründungsanhangsverzeichnisseite"
)
LONG_URL = "https://intranet.example/" + "/".join(["handbuch-der-vertriebsorganisation"] * 4)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_word_longer_than_the_column_breaks_instead_of_widening_the_page(
    browser: Any, tmp_path: Path, serve_site: Any, width: int
) -> None:
    """Assert that an indicator holding a word or URL longer than the column does not make
    the sheet, the role page or the competency page scroll sideways (the sheet was 1,405 px
    wide at 1,280)."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "small-de", root)
    group = root / "competencies" / "kommunikation.yaml"
    text = group.read_text(encoding="utf-8")
    group.write_text(
        text.replace("- stellt offene Fragen", f"- stellt {LONG_WORD} {LONG_URL}"),
        encoding="utf-8",
    )
    url = serve_site(build_site(root, tmp_path / "site"))
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    wide = {}
    for path in ("sheets/service-agent/", "competencies/zuhoeren/", "roles/service-agent/"):
        page.goto(url + path)
        assert path.startswith("roles/") or LONG_WORD in page.inner_text("article")
        if (scrolled := page.evaluate("document.documentElement.scrollWidth")) > width:
            wide[path] = scrolled
    context.close()
    assert not wide, wide


def test_a_long_scale_is_laid_out_in_even_rows(
    browser: Any, tmp_path: Path, serve_site: Any
) -> None:
    """Assert that a seven-level scale on a sheet is shown in rows of four and three (it was
    six and one), each level's label before its meaning."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "small-en", root)
    handbook = root / "handbook.yaml"
    scale = "scale:\n" + "".join(f"  {n}: level {n}\n" for n in range(4, 8))
    text = handbook.read_text(encoding="utf-8")
    handbook.write_text(
        text.replace("  3: leading\n", "  3: leading\n" + scale[7:]), encoding="utf-8"
    )
    url = serve_site(build_site(root, tmp_path / "site"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "sheets/senior-engineer/")
    tops = page.eval_on_selector_all(
        ".ch-sheet-levels > li",
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))",
    )
    context.close()
    assert len(tops) == 7
    assert [tops.count(top) for top in sorted(set(tops))] == [4, 3]


def test_a_right_to_left_name_does_not_reorder_the_words_around_it(
    browser: Any, tmp_path: Path, serve_site: Any
) -> None:
    """Assert that a family named in Arabic keeps the count after it on the home page where
    it is written: the name's direction pulled ": 1" in front of it ("1 :أطباء")."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "small-de", root)
    handbook = root / "handbook.yaml"
    text = handbook.read_text(encoding="utf-8")
    handbook.write_text(text.replace("name: Kundenservice", "name: أطباء"), encoding="utf-8")
    url = serve_site(build_site(root, tmp_path / "site"))
    page = browser.new_page()
    page.goto(url)
    link = page.locator("article li a", has_text="أطباء").first
    after = link.evaluate(
        """(a) => {
          const rest = a.closest('strong') ? a.closest('strong').nextSibling : a.nextSibling;
          const range = document.createRange();
          range.setStart(rest, 0);
          range.setEnd(rest, 1);
          return [a.getBoundingClientRect().right, range.getBoundingClientRect().left];
        }"""
    )
    page.close()
    assert after[1] >= after[0] - 1, after  # the ":" right of the name, as written
