"""Hostile catalogue text never becomes markup: over the built HTML, the downloads and in Chromium.

tests/fixtures/hostile puts <script>, onerror, {{ }}, {% %}, javascript: links and images,
entities, raw HTML, a </title> breakout and spreadsheet formulas in every text field. The
built site must show all of it as text and contain no tag, attribute or URL the catalogue
controls; a browser must run none of it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, build_site
from site_html import (
    URL_ATTRIBUTES,
    Element,
    Parsed,
    html_pages,
    page_kind,
    parse,
    parse_fragment,
    resolve,
    squash,
    url_of,
    use_page,
)

HOSTILE = FIXTURES / "hostile"
MARKERS = ("alert(", "evil.example", "__pwned", "7*7", "onerror", "javascript:")
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet", "svg:script"}
INDEX_TAGS = {"code", "p", "em", "strong", "ul", "ol", "li", "mark", "pre", "table", "thead",
              "tbody", "tr", "th", "td", "dl", "dt", "dd", "blockquote"}  # fmt: skip
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# Fields that hold a reference, a choice or Markdown rather than plain text.
NOT_PLAIN = {"id", "family", "role", "steps", "language", "period", "previous_roles"}
NOT_PLAIN |= {"description", "levels", "expects"}  # Markdown (edition 2)


def _texts(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every text value of a YAML tree, with the field it belongs to."""
    if isinstance(node, dict):
        for name, value in node.items():
            if key != "competencies" or not isinstance(value, int):
                yield from _texts(value, str(name) if not isinstance(name, int) else key)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item, key)
    elif isinstance(node, str):
        yield key, node


def catalogue_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted(HOSTILE.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts.extend((f"{path.stem}.{field}", text) for field, text in _texts(data))
    return texts


PLAIN_TEXTS = sorted(
    {text for field, text in catalogue_texts() if field.split(".")[-1] not in NOT_PLAIN}
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML site of the hostile fixture catalogue."""
    return build_site(HOSTILE, tmp_path_factory.mktemp("hostile") / "site")


@pytest.fixture(scope="module")
def pages(hostile_site: Path) -> dict[str, Parsed]:
    """Every HTML page of the hostile site, parsed, by site-relative URL."""
    return {url_of(hostile_site, p): parse(p) for p in html_pages(hostile_site)}


def _where(parsed: Parsed, element: Element) -> str:
    return f"{parsed.path.name}:{element.line} <{element.tag} {element.attrs}>"


def test_hostile_site_has_every_page_type(hostile_site: Path) -> None:
    """Assert that the hostile site has each page type the checks below go through."""
    kinds = {page_kind(hostile_site, p) for p in html_pages(hostile_site)}
    for kind in ("home", "roles", "competencies", "families", "paths", "matrix", "sheets"):
        assert kind in kinds, f"no {kind} page in the hostile site"


def test_scripts_are_the_sites_own(hostile_site: Path, pages: dict[str, Parsed]) -> None:
    """Assert that every <script> loads a file of the site's assets or is catalogue-free."""
    for parsed in pages.values():
        for script in parsed.find("script"):
            where = _where(parsed, script)
            if "src" in script.attrs:
                target, _ = resolve(hostile_site, parsed.path, script.attrs["src"])
                assert target is not None, f"script from another host: {where}"
                assert target.is_file(), f"script file missing: {where}"
                assert target.relative_to(hostile_site).parts[0] == "assets", where
                assert not script.content.strip(), where
            elif script.attrs.get("type") in DATA_SCRIPT_TYPES:
                json.loads(script.content)
                assert "<" not in script.content, f"data block could end the script: {where}"
            else:
                found = [m for m in MARKERS if m in script.content]
                assert not found, f"catalogue text in an inline script: {where}"


def test_no_catalogue_controlled_attributes(hostile_site: Path, pages: dict[str, Parsed]) -> None:
    """Assert that no element has an event handler, a script URL or a reference to evil.example."""
    for parsed in pages.values():
        for element in parsed.elements:
            where = _where(parsed, element)
            assert element.tag not in FORBIDDEN_TAGS, where
            for name, value in element.attrs.items():
                assert not name.startswith("on"), f"event handler attribute: {where}"
                assert name not in ("srcdoc", "formaction"), where
                if name in URL_ATTRIBUTES:
                    url = re.sub(r"[\x00-\x20]", "", value)
                    assert not BAD_SCHEMES.match(url), f"{name}={value!r}: {where}"
                    assert "evil.example" not in url, f"{name}={value!r}: {where}"
            if element.tag == "meta":
                assert element.attrs.get("http-equiv", "").lower() != "refresh", where


def test_no_catalogue_controlled_elements(hostile_site: Path, pages: dict[str, Parsed]) -> None:
    """Assert that raw HTML of the catalogue (<b>, <img src=x>, <svg>) never becomes an element."""
    for parsed in pages.values():
        for element in parsed.elements:
            where = _where(parsed, element)
            assert not (element.tag == "b" and "fett" in element.text), where
            assert not (element.tag == "img" and element.attrs.get("src") in ("x", "")), where
            if element.tag == "img":
                target, _ = resolve(hostile_site, parsed.path, element.attrs["src"])
                is_data = element.attrs["src"].startswith("data:image/")
                assert is_data or target is not None, f"remote image: {where}"
        assert not parsed.find("textarea") or all(
            "__pwned" not in e.text for e in parsed.find("textarea")
        ), parsed.path


def test_payload_shows_as_text_on_every_page(pages: dict[str, Parsed]) -> None:
    """Assert that wherever the payload appears, {{ }} and {% %} are shown, never evaluated
    (or cut short with "…", as a long title in a box of the career map)."""
    payload = " {{ 7*7 }} {% if 1 %}j{% endif %}"
    for url, parsed in pages.items():
        text = parsed.text
        for match in re.finditer(re.escape("onerror=alert(1)>"), text):
            after = text[match.end() : match.end() + 40]
            shortened = "…" in after and payload.startswith(after.split("…")[0])
            assert after.startswith(payload) or shortened, (url, after)
        assert "&lt;script" not in text, f"double-escaped text on {url}"
        assert "&amp;lt;" not in text, f"double-escaped text on {url}"


@pytest.mark.parametrize("text", PLAIN_TEXTS, ids=lambda t: t[:30])
def test_every_text_field_appears_as_written(pages: dict[str, Parsed], text: str) -> None:
    """Assert that each plain text field of the catalogue is shown literally on some page."""
    wanted = squash(text)
    assert any(wanted in parsed.text for parsed in pages.values()), wanted


def _yaml(name: str) -> Any:
    return yaml.safe_load((HOSTILE / name).read_text(encoding="utf-8"))


def test_titles_show_as_written(pages: dict[str, Parsed]) -> None:
    """Assert that each page's heading and browser title show its catalogue title literally."""
    handbook = _yaml("handbook.yaml")
    expected = {
        "": handbook["title"],
        "roles/rolle-a/": _yaml("roles/rolle-a.yaml")["title"],
        "families/fam/": handbook["families"][0]["name"],
        "competencies/komp/": _yaml("competencies/grp.yaml")["competencies"][0]["name"],
        "paths/pfad/": _yaml("paths/pfad.yaml")["title"],
    }
    for url, title in expected.items():
        parsed = pages[url]
        assert squash(title) in parsed.text, url
        assert squash(title) in parsed.title, f"<title> of {url}: {parsed.title[:200]}"


def test_attribute_texts_show_as_written(pages: dict[str, Parsed]) -> None:
    """Assert that catalogue text in tooltips and labels (title, aria-label) is escaped once."""
    for url, parsed in pages.items():
        for element in parsed.elements:
            for name in ("title", "aria-label", "alt", "placeholder", "content", "value"):
                value = element.attrs.get(name, "")
                if "onerror=alert(1)" in value:
                    assert "<img src=x onerror=alert(1)>" in value, (url, _where(parsed, element))
                assert "&lt;script" not in value and "&amp;lt;" not in value, (
                    url,
                    _where(parsed, element),
                )


def test_search_index_holds_text_not_markup(hostile_site: Path) -> None:
    """Assert that the search index holds the catalogue texts as text, with no markup of theirs."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    assert docs
    decoded = []
    for doc in docs:
        for value in (doc.get("title", ""), doc.get("text", "")):
            fragment = parse_fragment(value)
            for element in fragment.elements:
                where = (doc["location"], element.tag, element.attrs)
                assert element.tag in INDEX_TAGS and not element.attrs, where
            decoded.append(fragment.text)
    everything = " ".join(decoded)
    assert squash(_yaml("roles/rolle-a.yaml")["title"]) in everything
    assert "{{ 7*7 }}" in everything


def test_catalogue_json_holds_texts_exactly(hostile_site: Path) -> None:
    """Assert that catalogue.json holds every catalogue text exactly as written."""
    data = json.loads((hostile_site / "catalogue.json").read_text(encoding="utf-8"))
    strings: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            strings.update(k for k in node if isinstance(k, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            strings.add(node)

    walk(data)
    missing = [text for _, text in catalogue_texts() if text not in strings]
    assert not missing, missing[:3]


def _csv_cells(hostile_site: Path) -> list[list[str]]:
    raw = (hostile_site / "matrix.csv").read_text(encoding="utf-8-sig")
    delimiter = ";" if raw.split("\n", 1)[0].count(";") else ","
    return list(csv.reader(io.StringIO(raw), delimiter=delimiter))


def test_matrix_csv_neutralises_formulas(hostile_site: Path) -> None:
    """Assert that no matrix.csv cell starts like a spreadsheet formula (= + - @, tab, CR)."""
    rows = _csv_cells(hostile_site)
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        if cell and not re.fullmatch(r"\d+", cell):
            assert cell[0] not in "=+-@\t\r", f"formula cell in matrix.csv: {cell!r}"
    assert "'=cmd|' /C calc'!A0" in cells
    assert "'-Rolle B =1+1" in cells


# ------------------------------------------------------------------------------------------
# In Chromium: no dialog, no script of the catalogue runs (CSP bypassed: escaping alone).


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path, serve_site: Any) -> str:
    return str(serve_site(hostile_site))


@pytest.fixture
def bare_page(csp_free_page: Any) -> Any:
    """A page that ignores the Content-Security-Policy, so only escaping can stop a payload."""
    return csp_free_page


def test_no_dialog_and_no_script_runs_in_chromium(
    hostile_site: Path, hostile_url: str, bare_page: Any
) -> None:
    """Assert that opening and using every hostile page fires no dialog and runs no payload."""
    dialogs: list[str] = []
    bare_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    bare_page.on("pageerror", lambda error: errors.append(str(error)))
    visited = []
    for path in html_pages(hostile_site):
        url = hostile_url + url_of(hostile_site, path)
        bare_page.goto(url)
        bare_page.wait_for_load_state("load")
        use_page(bare_page)
        bare_page.wait_for_timeout(50)
        assert bare_page.evaluate("window.__pwned") is None, f"a payload ran on {url}"
        assert not bare_page.locator("img[src='x'], a[href^='javascript']").count(), url
        visited.append(page_kind(hostile_site, path))
    assert not dialogs, dialogs
    assert not errors, errors
    assert {"home", "roles", "competencies", "families", "paths", "matrix", "sheets"} <= set(
        visited
    )


def test_search_results_show_payload_as_text(hostile_url: str, bare_page: Any) -> None:
    """Assert that search results show hostile titles as text and run nothing."""
    dialogs: list[str] = []
    bare_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    bare_page.goto(hostile_url)
    bare_page.locator(".md-search__input").click()
    bare_page.locator(".md-search__input").press_sequentially("Rolle", delay=30)
    results = bare_page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    shown = bare_page.locator(".md-search-result").inner_text()
    assert '<script>alert("x")</script>' in shown
    assert not bare_page.locator(".md-search-result img, .md-search-result script").count()
    bare_page.wait_for_timeout(100)
    assert bare_page.evaluate("window.__pwned") is None
    assert not dialogs, dialogs


def test_sheet_csv_export_neutralises_formulas(
    hostile_site: Path, hostile_url: str, bare_page: Any
) -> None:
    """Assert that a sheet's CSV export keeps catalogue text and notes from running as formulas."""
    bare_page.goto(hostile_url + "sheets/rolle-a/")
    bare_page.locator("textarea[name^='note-']").first.fill("=SUMME(A1)")
    bare_page.locator("input[type=radio]").first.check()
    with bare_page.expect_download() as download:
        bare_page.locator("[data-action='export-csv']").click()
    raw = Path(download.value.path()).read_text(encoding="utf-8-sig")
    delimiter = ";" if raw.split("\n", 1)[0].count(";") else ","
    cells = [cell for row in csv.reader(io.StringIO(raw), delimiter=delimiter) for cell in row]
    for cell in cells:
        if cell and not re.fullmatch(r"[-+]?\d+", cell):
            assert cell[0] not in "=+-@\t\r", f"formula cell in the sheet's CSV: {cell!r}"
    assert "'=cmd|' /C calc'!A0" in cells
    assert "'=SUMME(A1)" in cells
