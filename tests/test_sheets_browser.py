"""The sheets in Chromium: printing to A4, filling in, storing, exporting, keyboard use.

Every sheet of the default catalogue is printed to PDF and read back with poppler's
``pdftotext``; the marks are checked in the DOM under print media. The interactive tests
use the Key Account Manager sheet (35 competencies, 150 behaviours).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import DEFAULT_CATALOGUE, FIXTURES, build_site, missing, write_catalogue
from test_compare_browser import WORDS

from generator.model.handbook import Handbook
from generator.model.relations import Relations
from generator.pipeline import load_handbook
from generator.render.urls import readiness_page

KAM = "sheets/key-account-manager/"
A4 = (595, 842)  # points, rounded (ISO A4 is 595.28 x 841.89)
SITE_CHROME = ("Suche", "Startseite", "Karrierepfade", "Made with", "Material for MkDocs")

# What the print media shows of each competency block: the target boxes and their frames.
PRINT_MARKS = """
() => [...document.querySelectorAll('.ch-sheet-item')].map((item) => ({
  id: item.dataset.competency,
  target: Number(item.dataset.target),
  targetText: getComputedStyle(item.querySelector('.ch-sheet-target')).display === 'none'
    ? '' : item.querySelector('.ch-sheet-target').innerText,
  boxes: [...item.querySelectorAll('.ch-sheet-row > .is-target')].map((box) => ({
    level: Number(box.querySelector('input').value),
    border: parseFloat(getComputedStyle(box.querySelector(':scope > span')).borderTopWidth),
    visible: box.getBoundingClientRect().height > 0,
  })),
  previous: [...item.querySelectorAll('.ch-sheet-row > .is-previous')].map((box) => ({
    level: Number(box.querySelector('input').value),
    style: getComputedStyle(box.querySelector(':scope > span')).borderTopStyle,
  })),
}))
"""

# The smallest font size of any visible text inside the sheet article, in CSS pixels.
SMALLEST_TEXT = """
() => {
  const walker = document.createTreeWalker(
    document.querySelector('.ch-sheet-article'), NodeFilter.SHOW_TEXT);
  let smallest = Infinity;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent.getClientRects().length) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize));
  }
  return smallest;
}
"""

# Site chrome that is still laid out in print media.
VISIBLE_CHROME = """
() => ['.md-header', '.md-sidebar', '.md-footer', '.md-search', '.md-tabs', '.ch-sheet-tools']
  .filter((selector) => [...document.querySelectorAll(selector)]
    .some((el) => el.getClientRects().length > 0))
"""

STATE = """
() => [...document.querySelectorAll('.ch-sheet-item')].map((item) => {
  const level = (rater) => {
    const checked = item.querySelector(`input[name="${rater}-${item.dataset.competency}"]:checked`);
    return checked ? Number(checked.value) : null;
  };
  return [item.dataset.competency, level('self'), level('manager'),
          item.querySelector('textarea').value];
})
"""


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    return load_handbook(DEFAULT_CATALOGUE)


@pytest.fixture(scope="module")
def base_url(default_site: Path, serve_site: Any) -> str:
    return str(serve_site(default_site))


@pytest.fixture
def requests(page: Any) -> list[str]:
    """Every URL the page's context asks for."""
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture
def kam(page: Any, base_url: str, requests: list[str]) -> Iterator[Any]:
    """The Key Account Manager sheet, opened with JavaScript; checks no foreign request."""
    page.goto(base_url + KAM)
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    yield page
    origin = base_url.rstrip("/")
    foreign = [
        url
        for url in requests
        if urlsplit(url).scheme not in ("blob", "data")
        and not (url == origin or url.startswith(origin + "/"))
    ]
    assert not foreign, foreign


def _pdf_text(pdf: bytes, folder: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        missing("pdftotext (poppler-utils)")
    path = folder / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _page_sizes(pdf: bytes) -> set[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return {(round(float(w)), round(float(h))) for w, h in boxes}


def _sheet_urls(handbook: Handbook) -> list[tuple[str, str, int]]:
    """(url, footer title, most pages) of every role sheet and readiness sheet."""
    relations = Relations(handbook)
    urls = [(f"sheets/{r.id}/", r.title, 12) for r in relations.roles_in_order]
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            url = readiness_page(path.id, change.index + 1).removesuffix(".md") + "/"
            urls.append((url, f"{change.before.title} → {change.after.title}", 12))
    return urls


def test_every_sheet_prints_on_a4_with_names_marks_and_footer(
    page: Any, base_url: str, handbook: Handbook, tmp_path: Path
) -> None:
    """Assert that each sheet prints on few A4 pages with every name, mark and footer, no chrome."""
    counts = {}
    for url, title, most in _sheet_urls(handbook):
        page.goto(base_url + url)
        page.emulate_media(media="print")
        marks = page.evaluate(PRINT_MARKS)
        assert page.evaluate(VISIBLE_CHROME) == [], url
        assert page.evaluate(SMALLEST_TEXT) >= 12, url  # 9 pt = 12 CSS px
        for item in marks:
            assert [box["level"] for box in item["boxes"]] == [item["target"]] * 2, (url, item)
            assert all(box["border"] >= 2.5 and box["visible"] for box in item["boxes"]), item
            assert item["targetText"].endswith(f" {item['target']}"), item
        pdf = page.pdf(prefer_css_page_size=True)  # (print media, as a browser prints)
        page.emulate_media(media="null")
        assert _page_sizes(pdf) == {A4}, url
        pages = _pdf_text(pdf, tmp_path)
        counts[url] = len(pages)
        assert 1 <= len(pages) <= most, (url, len(pages))
        text = _squash(" ".join(pages))
        for item in marks:
            assert _squash(handbook.competency(item["id"]).name) in text, (url, item["id"])
        assert re.findall(r"(?<!bei )\bSoll (\d+)\b", text) == [str(i["target"]) for i in marks], (
            url
        )
        for number, page_text in enumerate(pages, start=1):
            assert f"{title} · Ausgabe 2026.1" in _squash(page_text), (url, number)
            assert f"Seite {number} von {len(pages)}" in page_text, (url, number)
        for chrome in SITE_CHROME:
            assert chrome not in text, (url, chrome)
    assert counts[KAM] <= 12
    print("pages per sheet:", counts)


def test_readiness_sheet_marks_both_targets_in_print(
    page: Any, base_url: str, handbook: Handbook
) -> None:
    """Assert that a readiness sheet frames today's target dashed and the next one heavy."""
    relations = Relations(handbook)
    change = relations.step_change("key-account-management", 2)
    page.goto(base_url + readiness_page(change.path.id, change.index + 1).removesuffix(".md") + "/")
    page.emulate_media(media="print")
    marks = {item["id"]: item for item in page.evaluate(PRINT_MARKS)}
    assert set(marks) == {c.competency.id for c in (*change.raised, *change.added)}
    for raised in change.raised:
        item = marks[raised.competency.id]
        assert [p["level"] for p in item["previous"]] == [raised.before] * 2
        assert {p["style"] for p in item["previous"]} == {"dashed"}
        assert [b["level"] for b in item["boxes"]] == [raised.after] * 2
    for added in change.added:
        assert marks[added.competency.id]["previous"] == []
        assert "neu" in marks[added.competency.id]["targetText"].lower()


def test_sheet_without_javascript_is_a_complete_blank_form(
    browser: Any, base_url: str, tmp_path: Path
) -> None:
    """Assert that with JavaScript off the sheet still shows and prints every box, no buttons."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + KAM)
        assert page.locator(".ch-sheet-item").count() == 35
        assert page.locator(".ch-sheet-item input[type=radio]").count() == 35 * 2 * 5
        assert not page.locator(".ch-sheet-tools").is_visible()
        assert not page.locator(".ch-sheet-evaluation").is_visible()
        page.locator('input[name="self-kundenbeziehungen"][value="4"]').check()
        pages = _pdf_text(page.pdf(prefer_css_page_size=True), tmp_path)
        assert len(pages) <= 12
        assert "Entwicklungsziele" in pages[-1] and "Unterschrift Führungskraft" in pages[-1]
    finally:
        context.close()


def _fill(page: Any) -> None:
    """Choose levels and write notes on the first four competencies and the header."""
    items = page.locator(".ch-sheet-item")
    for index in range(4):
        item = items.nth(index)
        item.locator('fieldset[data-rater="self"] label').nth(index).click()
        if index % 2 == 0:
            item.locator('fieldset[data-rater="manager"] label').nth(4 - index).click()
        item.locator("textarea").fill(f"Notiz {index}")
    page.fill('input[name="field-name"]', "Erika Mustermann")
    page.fill('textarea[name="goal-1"]', "Präsentationstraining")


def test_choices_and_notes_survive_a_reload(kam: Any) -> None:
    """Assert that levels, notes and header fields are still there after reloading the page."""
    _fill(kam)
    before = kam.evaluate(STATE)
    assert before[0][1:] == [1, 5, "Notiz 0"]
    kam.reload()
    kam.wait_for_selector(".ch-sheet-tools:not([hidden])")
    assert kam.evaluate(STATE) == before
    assert kam.input_value('input[name="field-name"]') == "Erika Mustermann"
    assert kam.input_value('textarea[name="goal-1"]') == "Präsentationstraining"
    keys = kam.evaluate("Object.keys(localStorage)")
    assert any(
        "Kompetenzhandbuch Vertrieb & Marketing" in key
        and "key-account-manager" in key
        and key.endswith(before[0][0])
        for key in keys
    ), keys
    assert "nur in diesem Browser" in kam.locator(".ch-sheet-storage").inner_text()


def _download(page: Any, action: str) -> str:
    with page.expect_download() as info:
        page.click(f'button[data-action="{action}"]')
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8-sig")


def test_export_reset_import_restores_everything(kam: Any, tmp_path: Path) -> None:
    """Assert that exporting, resetting and importing the JSON gives back the same sheet."""
    _fill(kam)
    exported = _download(kam, "export-json")
    state = kam.evaluate(STATE)
    kam.once("dialog", lambda dialog: dialog.accept())
    kam.click('button[data-action="reset"]')
    assert all(row[1:] == [None, None, ""] for row in kam.evaluate(STATE))
    assert kam.evaluate("Object.keys(localStorage).length") == 0
    assert kam.input_value('input[name="field-name"]') == ""
    file = tmp_path / "export.json"
    file.write_text(exported, encoding="utf-8")
    kam.set_input_files(".ch-sheet-file", str(file))
    # the reset's message is there already: wait for the import's (no eval under CSP)
    kam.locator(".ch-sheet-status", has_text="Kompetenzen übernommen").wait_for()
    assert kam.evaluate(STATE) == state
    assert kam.input_value('input[name="field-name"]') == "Erika Mustermann"
    assert json.loads(_download(kam, "export-json")) == json.loads(exported)
    assert "4 Kompetenzen" in kam.locator(".ch-sheet-status").inner_text()


def test_import_refuses_another_roles_file(kam: Any, tmp_path: Path) -> None:
    """Assert that a file exported for another role is refused and changes nothing."""
    _fill(kam)
    state = kam.evaluate(STATE)
    exported = json.loads(_download(kam, "export-json"))
    exported["role"] = exported["sheet"] = "account-manager"
    exported["title"] = "Account Manager"
    file = tmp_path / "other.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    kam.set_input_files(".ch-sheet-file", str(file))
    # wait for the refusal itself, not any message (no eval under CSP)
    kam.locator(".ch-sheet-status", has_text="nicht zu diesem Bogen").wait_for()
    assert (
        "„Account Manager“, nicht zu diesem Bogen" in kam.locator(".ch-sheet-status").inner_text()
    )
    assert kam.evaluate(STATE) == state


def test_csv_has_one_row_per_competency(kam: Any, handbook: Handbook) -> None:
    """Assert that the CSV lists each competency with target, self, manager and gap, safely."""
    _fill(kam)
    kam.locator(".ch-sheet-item textarea").nth(1).fill('=HYPERLINK("x")')
    lines = list(csv.reader(io.StringIO(_download(kam, "export-csv")), delimiter=";"))
    rows = lines[lines.index([]) + 1 :]  # after who and what: the table, then the goals
    rows = rows[: rows.index([])]
    assert rows[0][:5] == ["Kompetenz", "Soll", "Selbst", "Führungskraft", "Abweichung"]
    role = handbook.role("key-account-manager")
    assert len(rows) == 1 + len(role.targets) == 36
    by_name = {row[0]: row for row in rows[1:]}
    for competency_id, self_level, manager, _note in kam.evaluate(STATE):
        name = handbook.competency(competency_id).name
        found = role.target(competency_id)
        assert found is not None
        target = found.level
        row = by_name[name]
        assert row[1] == str(target)
        assert row[2] == ("" if self_level is None else str(self_level))
        assert row[3] == ("" if manager is None else str(manager))
        assert row[4] == ("" if self_level is None else str(self_level - target))
    assert rows[2][5] == '\'=HYPERLINK("x")'


def test_every_level_can_be_chosen_with_tab_and_arrow_keys(kam: Any) -> None:
    """Assert that Tab reaches every rating row in order and Space/arrows choose every level."""
    kam.locator('a[href="#ch-sheet-evaluation"]').focus()
    ids = kam.evaluate(
        "[...document.querySelectorAll('.ch-sheet-item')].map(i => i.dataset.competency)"
    )
    for competency_id in ids:
        for rater in ("self", "manager"):
            kam.keyboard.press("Tab")
            name = f"{rater}-{competency_id}"
            assert kam.evaluate("document.activeElement.name") == name
            kam.keyboard.press("Space")
            chosen = [kam.evaluate("document.activeElement.value")]
            for _ in range(4):
                kam.keyboard.press("ArrowRight")
                chosen.append(kam.evaluate("document.activeElement.value"))
            assert chosen == ["1", "2", "3", "4", "5"], name
        kam.keyboard.press("Tab")
        assert kam.evaluate("document.activeElement.name") == f"note-{competency_id}"
    assert all(row[1:3] == [5, 5] for row in kam.evaluate(STATE))


def test_new_edition_keeps_choices_and_marks_changed_targets(kam: Any) -> None:
    """Assert that a stored choice survives an edition, and a changed target is pointed out."""
    prefix = kam.evaluate(
        "['competency-handbook', 'Kompetenzhandbuch Vertrieb & Marketing',"
        " 'key-account-manager'].join('\\u001f') + '\\u001f'"
    )
    old = {"self": 3, "manager": None, "note": "aus 2025", "target": 3}
    same = {"self": 2, "manager": 4, "note": "", "target": 4}  # praesentationen: target 4
    kam.evaluate(
        """([prefix, old, same]) => {
          localStorage.setItem(prefix + 'verbale-kommunikation', JSON.stringify(old));
          localStorage.setItem(prefix + 'praesentationen', JSON.stringify(same));
          localStorage.setItem(prefix + 'gibt-es-nicht-mehr', JSON.stringify(old));
        }""",
        [prefix, old, same],
    )
    kam.reload()
    kam.wait_for_selector(".ch-sheet-tools:not([hidden])")
    state = {row[0]: row[1:] for row in kam.evaluate(STATE)}
    assert state["verbale-kommunikation"] == [3, None, "aus 2025"]
    assert state["praesentationen"] == [2, 4, ""]
    changed = kam.locator(".ch-sheet-item.is-changed")
    assert changed.count() == 1
    assert changed.get_attribute("data-competency") == "verbale-kommunikation"
    assert "bisher 3, jetzt 5" in changed.locator(".ch-sheet-changed").inner_text()
    kam.locator('#ch-item-verbale-kommunikation fieldset[data-rater="self"] label').nth(4).click()
    assert kam.locator(".ch-sheet-item.is-changed").count() == 0
    stored = kam.evaluate(f"localStorage.getItem({json.dumps(prefix + 'verbale-kommunikation')})")
    assert json.loads(stored)["target"] == 5


def _show_summary(page: Any, state: str = "loaded") -> None:
    """Scroll to the summary, which loads the other roles, and wait until that is done."""
    page.locator(".ch-sheet-evaluation").scroll_into_view_if_needed()
    page.wait_for_selector(f'.ch-sheet[data-ch-others="{state}"]')


def _rate_all_at_target(page: Any) -> None:
    page.evaluate(
        "() => document.querySelectorAll('.ch-sheet-item').forEach((item) => "
        "item.querySelector('fieldset[data-rater=self] .is-target input').click())"
    )


def _summary_targets(page: Any) -> dict[str, str]:
    """Competency name -> the target the summary table shows."""
    cells = page.evaluate(
        "[...document.querySelectorAll('.ch-sheet-table tbody tr')]"
        ".map((row) => [row.cells[0].querySelector('a').innerText, row.cells[1].innerText])"
    )
    return dict(cells)


def test_summary_counts_gaps_against_own_or_next_role(kam: Any, handbook: Handbook) -> None:
    """Assert that the summary counts above/at/below and redraws for the compared role."""
    relations = Relations(handbook)
    _rate_all_at_target(kam)
    _show_summary(kam)
    assert kam.input_value('select[name="compare"]') == "key-account-manager"
    kam.select_option('select[name="compare"]', "account-supervisor")

    def counts() -> dict[str, str]:
        legend = kam.locator(".ch-sheet-count").all()
        return {c.get_attribute("data-kind"): c.locator("strong").inner_text() for c in legend}

    own = relations.targets(handbook.role("key-account-manager"))
    nxt = relations.targets(handbook.role("account-supervisor"))
    shared = [c for c in own if c in nxt]
    assert counts() == {
        "above": str(sum(own[c] > nxt[c] for c in shared)),
        "at": str(sum(own[c] == nxt[c] for c in shared)),
        "below": str(sum(own[c] < nxt[c] for c in shared)),
        "unrated": "0",
    }
    kam.select_option('select[name="compare"]', "key-account-manager")
    assert counts() == {"above": "0", "at": "35", "below": "0", "unrated": "0"}
    assert kam.locator(".ch-sheet-evaluation svg.ch-sheet-chart rect").count() == 1
    kam.check('input[name="basis"][value="manager"]')
    assert counts()["unrated"] == "35"
    rows = kam.locator(".ch-sheet-table tbody tr")
    assert rows.count() == 35


def test_compare_lists_what_the_other_role_adds(
    page: Any, base_url: str, handbook: Handbook
) -> None:
    """Assert that comparing with a role that needs more lists those extra competencies."""
    relations = Relations(handbook)
    page.goto(base_url + "sheets/account-representative/")
    page.wait_for_selector(".ch-sheet-evaluation:not([hidden])")
    _show_summary(page)
    page.select_option('select[name="compare"]', "account-manager")
    own = relations.targets(handbook.role("account-representative"))
    nxt = relations.targets(handbook.role("account-manager"))
    extra = sorted(handbook.competency(c).name for c in nxt if c not in own)
    assert extra, "the default catalogue's next step adds competencies"
    listed = page.locator(".ch-sheet-extra li").all_inner_texts()
    assert sorted(text.split(" – ")[0] for text in listed) == extra


def test_compare_with_any_role_of_the_catalogue(
    kam: Any, base_url: str, handbook: Handbook, requests: list[str]
) -> None:
    """Assert that the other roles come from catalogue.json, grouped by family, with targets."""
    relations = Relations(handbook)
    assert not [url for url in requests if url.endswith("/catalogue.json")]  # not before needed
    _rate_all_at_target(kam)
    _show_summary(kam)
    groups = kam.evaluate(
        """() => [...document.querySelectorAll('select[name=compare] optgroup')].map((group) =>
          [group.label, [...group.querySelectorAll('option')].map((option) => option.value)])"""
    )
    listed = {"key-account-manager", "account-supervisor"}  # the role and its next step
    others = [r.id for r in relations.roles_in_order if r.id not in listed]
    assert groups == [["Vertrieb & Marketing", others]]
    kam.select_option('select[name="compare"]', "account-representative")
    chosen = relations.targets(handbook.role("account-representative"))
    own = relations.targets(handbook.role("key-account-manager"))
    expected = {handbook.competency(c).name: str(chosen[c]) if c in chosen else "–" for c in own}
    assert _summary_targets(kam) == expected
    assert kam.locator(".ch-sheet-count[data-kind=below] strong").inner_text() == "0"
    assert [url for url in requests if url.endswith("/catalogue.json")] == [
        base_url + "catalogue.json"
    ]  # fetched once, from the site root


@pytest.fixture(scope="module")
def small_url(tmp_path_factory: pytest.TempPathFactory, serve_site: Any) -> str:
    """The served site of tests/fixtures/small-de: two families, one path across both."""
    site = build_site(FIXTURES / "small-de", tmp_path_factory.mktemp("small") / "site")
    return str(serve_site(site))


def test_compare_with_a_role_of_another_family_lists_its_extra_competencies(
    page: Any, small_url: str
) -> None:
    """Assert that a role from another family is offered and its extra competencies are named."""
    page.goto(small_url + "sheets/service-agent/")
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    _show_summary(page)
    labels = page.evaluate(
        "[...document.querySelectorAll('select[name=compare] optgroup')].map((g) => g.label)"
    )
    assert labels == ["Führung"]  # the service family's other role is the listed next step
    page.select_option('select[name="compare"]', "teamleitung")
    assert _summary_targets(page) == {"Aktives Zuhören": "4", "Schriftlicher Ausdruck": "3"}
    extra = page.locator(".ch-sheet-extra li").all_inner_texts()
    assert extra == ["Coaching – Soll 3"]  # needed by Teamleitung, not on this sheet


def test_without_catalogue_json_the_own_role_is_compared(
    page: Any, base_url: str, handbook: Handbook
) -> None:
    """Assert that without catalogue.json the summary uses the own role and says so."""
    page.route("**/catalogue.json", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(base_url + KAM)
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    _rate_all_at_target(page)
    _show_summary(page, "failed")
    assert page.input_value('select[name="compare"]') == "key-account-manager"
    assert page.locator('select[name="compare"] option[value="account-supervisor"]').is_disabled()
    assert page.locator('select[name="compare"] optgroup').count() == 0
    status = page.locator(".ch-sheet-status").inner_text()
    assert "anderen Rollen konnten nicht geladen werden" in status
    note = page.locator(".ch-sheet-compare-note")
    assert note.is_visible() and "anderen Rollen konnten nicht geladen werden" in note.inner_text()
    counts = page.locator(".ch-sheet-count[data-kind=at] strong").inner_text()
    assert counts == str(len(handbook.role("key-account-manager").targets)) == "35"


def test_filled_sheet_prints_the_ticks(kam: Any, tmp_path: Path) -> None:
    """Assert that after filling in, print media crosses the chosen boxes and prints the notes."""
    _fill(kam)
    kam.emulate_media(media="print")
    crosses = kam.evaluate(
        """() => [...document.querySelectorAll('.ch-sheet-row > label > input:checked + span')]
          .map((face) => parseFloat(getComputedStyle(face, '::before').borderLeftWidth))"""
    )
    assert len(crosses) == 6 and all(width >= 2 for width in crosses)
    text = _squash(" ".join(_pdf_text(kam.pdf(prefer_css_page_size=True), tmp_path)))
    assert "Notiz 0" in text and "Erika Mustermann" in text and "Präsentationstraining" in text


@pytest.fixture(scope="module")
def words_url(tmp_path_factory: pytest.TempPathFactory, serve_site: Any) -> str:
    """The served site of test_compare_browser's ``WORDS``: expectations in words, and a
    Director described in words only, the next step after the Engineering Manager."""
    root = write_catalogue(tmp_path_factory.mktemp("words") / "catalogue", WORDS)
    return str(serve_site(build_site(root, root.parent / "site")))


def _options(page: Any) -> list[str]:
    return list(
        page.locator('select[name="compare"] option').evaluate_all("os => os.map(o => o.value)")
    )


def test_a_role_without_targets_is_not_offered_to_compare_with(page: Any, words_url: str) -> None:
    """Assert that a role described in words only (no targets, no sheet) is not offered in
    "compare with": neither as the next step the page lists nor among the roles the script
    adds."""
    page.goto(words_url + "sheets/engineering-manager/")
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    assert _options(page) == ["engineering-manager"]  # as generated: its next step is director
    _show_summary(page)
    assert _options(page) == ["engineering-manager", "senior-engineer"]
    assert page.input_value('select[name="compare"]') == "engineering-manager"
    assert page.locator(".ch-sheet-compared").inner_text().startswith("Compared with your own")
    assert page.locator(".ch-sheet-count[data-kind=unrated] strong").inner_text() == "4"


def test_compare_with_names_the_same_targets_with_other_words(page: Any, words_url: str) -> None:
    """Assert that comparing with a role that targets a competency at the sheet's level but
    expects something else in words lists it, with what that role expects; the same level
    with the same words is not listed."""
    page.goto(words_url + "sheets/senior-engineer/")
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    _show_summary(page)
    box = page.locator(".ch-sheet-samelevel")
    assert not box.is_visible()
    page.select_option('select[name="compare"]', "engineering-manager")
    assert box.is_visible()
    assert box.locator("h3").inner_text() == "Other expectation at the same target (1)"
    items = box.locator("li[data-competency]")
    assert items.count() == 1  # mentoring: the same level and the same words
    item = items.first
    assert item.get_attribute("data-competency") == "system-design"
    assert item.locator("a").get_attribute("href") == "#ch-item-system-design"
    text = _squash(item.text_content())  # as written; shown in capitals by sheet.css
    assert text == "System Design – Target 4As Engineering ManagerNo expectation of its own"
    page.select_option('select[name="compare"]', "senior-engineer")
    assert not box.is_visible()
    page.goto(words_url + "sheets/engineering-manager/")
    page.wait_for_selector(".ch-sheet-tools:not([hidden])")
    _show_summary(page)
    page.select_option('select[name="compare"]', "senior-engineer")
    words = box.locator('li[data-competency="system-design"] .ch-sheet-samelevel-words')
    assert words.inner_text() == (
        "Writes the design doc for every new service, with sign-off from the manager."
    )


def test_the_printed_profile_names_every_number_of_its_axis(kam: Any, tmp_path: Path) -> None:
    """Assert that on paper the profile chart's numbers are explained: the chart prints a key
    (number and name of every competency) and the competency blocks carry the same numbers,
    as the summary's rows do on screen, where the key is not shown twice."""
    names = kam.locator(".ch-sheet-item .ch-sheet-name").all_inner_texts()
    assert len(names) == 35
    key = kam.locator(".ch-sheet-profile-key")
    assert key.count() == 1 and not key.is_visible()  # on screen the table is the key
    kam.emulate_media(media="print")
    assert key.is_visible()
    assert key.locator("li").all_inner_texts() == [
        f"{number}. {name}" for number, name in enumerate(names, start=1)
    ]
    assert kam.locator(".ch-sheet-table").is_visible() is False
    ticks = kam.locator(".ch-sheet-profile-chart text.ch-profile-axis").all_text_contents()
    assert ticks[-1] == "35"
    text = _squash(" ".join(_pdf_text(kam.pdf(prefer_css_page_size=True), tmp_path)))
    for number, name in enumerate(names, start=1):
        assert text.count(f"{number}. {_squash(name)}") >= 2, (number, name)  # block, key
