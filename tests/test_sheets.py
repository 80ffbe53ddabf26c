"""Self-assessment and readiness sheets as generated Markdown and built HTML (no browser).

The browser side (printing, storing, keyboard use) is in test_sheets_browser.py.
"""

from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_CATALOGUE, FIXTURES, build_site
from hypothesis import given
from hypothesis import strategies as st
from shown import CALL, IMPORT, MACRO, SECTIONS, bodies, library, shown
from site_html import Element, Parsed, parse, parse_fragment, resolve

from generator.model.handbook import Handbook
from generator.model.relations import Relations, StepChange
from generator.pipeline import load_handbook
from generator.render import urls
from generator.render.plan import render
from generator.render.sheets import css_string, plan_sheets
from generator.render.text import escape, script_json, script_json_joined
from generator.render.urls import sheet_page as sheet_path

_CSS_ESCAPE = re.compile(r"\\([0-9A-F]{6})")


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    return load_handbook(DEFAULT_CATALOGUE)


def rendered(handbook: Handbook) -> dict[str, Any]:
    """The generated files, each sheet's Markdown followed by its body (``shown.py``)."""
    return shown(render(handbook))


@pytest.fixture(scope="module")
def pages(handbook: Handbook) -> dict[str, str]:
    return rendered(handbook)


def _attribute_elements(html: str, tag: str, css_class: str) -> list[Element]:
    """Elements of one tag and class in a Markdown page's raw HTML."""
    parsed = parse_fragment(html)
    return [e for e in parsed.find(tag) if css_class in e.attrs.get("class", "").split()]


def _items(markdown: str) -> list[Element]:
    return _attribute_elements(markdown, "section", "ch-sheet-item")


def _target_boxes(markdown: str, css_class: str = "is-target") -> list[tuple[str, int]]:
    """(radio name, level) of every box carrying ``css_class``."""
    boxes = re.findall(
        rf'<label class="[^"]*\b{css_class}\b[^"]*"><input type="radio" '
        r'name="([^"]+)" value="(\d+)"[^>]*>',
        markdown,
    )
    return [(name.replace("&#45;", "-"), int(level)) for name, level in boxes]


def readiness_path(change: StepChange) -> str:
    return urls.readiness_page(change.path.id, change.index + 1)


def test_every_role_gets_a_sheet_and_every_step_a_readiness_sheet(handbook: Handbook) -> None:
    """Assert that sheets/<role>.md exists per role and sheets/<path>/step-<n>.md per step up."""
    relations = Relations(handbook)
    planned = {page.path for page in plan_sheets(handbook, relations)}
    for role in handbook.roles:
        assert sheet_path(role.id) in planned
    assert urls.SHEET_MARGINS in planned  # one stylesheet of printed margins for all sheets
    steps = [change for path in handbook.paths for change in relations.step_changes[path.id]]
    assert len(steps) == 5
    for change in steps:
        assert readiness_path(change) == f"sheets/{change.path.id}/step-{change.index + 1}.md"
        assert readiness_path(change) in planned
    assert "sheets/key-account-management/step-3.md" in planned


def test_role_sheet_lists_each_competency_with_one_target_per_row(
    handbook: Handbook, pages: dict[str, str]
) -> None:
    """Assert that each competency of a role appears once, its target box marked in both rows."""
    for role in handbook.roles:
        markdown = pages[sheet_path(role.id)]
        items = _items(markdown)
        assert [e.attrs["data-competency"] for e in items] == sorted(
            (t.competency_id for t in role.targets),
            key=[c.id for c in handbook.competencies].index,
        )
        expected = sorted(
            (f"{rater}-{t.competency_id}", t.level)
            for t in role.targets
            for rater in ("self", "manager")
        )
        assert sorted(_target_boxes(markdown)) == expected
        for target in role.targets:
            competency = handbook.competency(target.competency_id)
            for indicator in competency.indicators:
                assert f"<li>{_escaped(indicator)}</li>" in markdown


def test_each_box_is_described_by_what_its_level_means(
    handbook: Handbook, pages: dict[str, str]
) -> None:
    """Assert that each box names its level and is described by the competency's text for
    that level or, where it has none, by the scale's entry atop the sheet; and that only the
    target's boxes say they are the target."""
    markdown = pages["sheets/key-account-manager.md"]
    parsed = parse_fragment(markdown)
    radios = [e for e in parsed.find("input") if e.attrs.get("name", "").startswith("self-")]
    radios += [e for e in parsed.find("input") if e.attrs.get("name", "").startswith("manager-")]
    assert radios and {e.attrs.get("aria-describedby") for e in radios} <= parsed.ids
    competency = handbook.competency("verbale-kommunikation")
    described = {
        e.attrs["value"]: e.attrs["aria-describedby"]
        for e in radios
        if e.attrs["name"] == "self-verbale-kommunikation"
    }
    for level in handbook.scale.levels:
        own = competency.level_text(level.value) or level.description
        expected = f"ch-level-verbale-kommunikation-{level.value}" if own else "ch-scale-"
        assert described[str(level.value)].startswith(expected)
    marks = markdown.count(f"({_escaped('Soll-Niveau')})</span>")
    assert marks == 2 * 35  # both rows of each of the role's 35 competencies


def test_the_targets_text_shows_once_and_describes_the_target(pages: dict[str, str]) -> None:
    """Assert that where a competency has words for the target level, the sheet shows them
    once: in the expectation block, which the target's boxes name as their description, and
    not again among the texts shown for the level being chosen."""
    parsed = parse_fragment(pages["sheets/key-account-manager.md"])
    blocks = [e for e in parsed.elements if "ch-sheet-expect" in e.attrs.get("class", "").split()]
    with_text = [e for e in blocks if "id" in e.attrs]
    assert with_text
    level_texts = {
        e.attrs["id"]
        for e in parsed.elements
        if "ch-sheet-level-text" in e.attrs.get("class", "").split()
    }
    radios = {
        (e.attrs["name"], e.attrs["value"]): e
        for e in parsed.find("input")
        if e.attrs.get("type") == "radio"
    }
    for block in with_text:
        competency, level = block.attrs["id"].removeprefix("ch-level-").rsplit("-", 1)
        assert block.attrs["id"] not in level_texts
        for rater in ("self", "manager"):
            box = radios[f"{rater}-{competency}", level]
            assert box.attrs["aria-describedby"] == block.attrs["id"]


def _escaped(text: str) -> str:
    return str(escape(text))


def test_kam_sheet_has_35_competencies_and_150_behaviours(pages: dict[str, str]) -> None:
    """Assert that the Key Account Manager sheet carries the whole model: 35 and 150."""
    markdown = pages["sheets/key-account-manager.md"]
    assert len(_items(markdown)) == 35
    body = markdown.split('<ul class="ch-sheet-indicators">')[1:]
    assert sum(part.split("</ul>")[0].count("<li>") for part in body) == 150


def test_sheet_header_has_fields_scale_and_end_matter(pages: dict[str, str]) -> None:
    """Assert that the German sheet has its four fields, the scale, three goals, two signatures."""
    markdown = pages["sheets/account-manager.md"]
    for label in ("Name", "Datum", "Führungskraft", "Gespräch am"):
        assert f'<span class="ch-sheet-field-label">{label}</span>' in markdown
    for label in ("bringt dies kaum ein", "bringt dies jederzeit ein"):
        assert f'<span class="ch-sheet-level-label">{label}</span>' in markdown
    assert "Ausgabe 2026&#46;1" in markdown
    assert markdown.count('name="goal-') == 3
    assert markdown.count('class="ch-sheet-signature"') == 2
    assert "Unterschrift Führungskraft" in markdown
    front_matter = markdown.split("---")[1]
    assert "template: sheet.html" in front_matter
    assert "search:\n  exclude: true" in front_matter


def test_english_handbook_gets_english_labels() -> None:
    """Assert that a handbook in English labels the fields and rows in English."""
    handbook = load_handbook(FIXTURES / "small-en")
    role = handbook.roles[0]
    sheet = rendered(handbook)[sheet_path(role.id)]
    for label in ("Name", "Date", "Manager", "Meeting on", "Self", "Development goals", "Notes"):
        assert label in sheet
    assert "Führungskraft" not in sheet and "Datum" not in sheet


def test_compare_defaults_to_the_role_itself(handbook: Handbook, pages: dict[str, str]) -> None:
    """Assert that "compare with" preselects the role itself, so that the summary's targets are
    the ones its items show; the next step is offered, not chosen."""

    def selected(role_id: str) -> str:
        match = re.search(r'<option value="([^"]+)"[^>]* selected>', pages[sheet_path(role_id)])
        assert match is not None
        return match.group(1).replace("&#45;", "-")

    for role_id in ("key-account-manager", "account-representative", "account-supervisor"):
        assert selected(role_id) == role_id


def _script_data(markdown: str) -> dict[str, Any]:
    element = _attribute_elements(markdown, "script", "ch-sheet-data")[0]
    assert element.attrs["type"] == "application/json"  # data, never run
    data: dict[str, Any] = json.loads(element.content)
    return data


def _compare_options(markdown: str) -> list[tuple[str, str]]:
    """(value, text) of each option the page itself lists under "compare with"."""
    select = markdown.split('<select name="compare">')[1].split("</select>")[0]
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)
    return [(html.unescape(value), html.unescape(text)) for value, text in options]


def test_script_data_holds_only_this_roles_targets(
    handbook: Handbook, pages: dict[str, str]
) -> None:
    """Assert that the page data (for the summary) has this role's targets and the texts only."""
    relations = Relations(handbook)
    data = _script_data(pages["sheets/account-manager.md"])
    assert data["role"] == "account-manager"
    assert data["edition"] == "2026.1"
    assert data["handbook"] == handbook.title
    assert data["targets"] == relations.targets(handbook.role("account-manager"))
    assert data["catalogue"] == "catalogue.json"
    assert data["csv"] == {"separator": ";", "formula_start": "=+-@\t\r", "prefix": "'"}
    assert data["texts"]["below"] == "unter Soll"
    assert "Die anderen Rollen konnten nicht geladen werden" in data["texts"]["compare_failed"]
    assert data["sheet"] == "account-manager" and data["kind"] == "role"
    assert data["subject"] == "Account Manager"
    assert set(data) == {
        "handbook", "role", "sheet", "kind", "subject", "edition", "targets", "catalogue",
        "csv", "texts"
    }  # fmt: skip


def test_compare_lists_the_role_and_its_next_steps_only(pages: dict[str, str]) -> None:
    """Assert that the page offers to compare with the role and its next steps (JS adds more)."""
    assert _compare_options(pages["sheets/key-account-manager.md"]) == [
        ("key-account-manager", "Ihr eigenes Soll"),
        ("account-supervisor", "Account Supervisor (nächster Schritt)"),
    ]
    assert _compare_options(pages["sheets/account-supervisor.md"]) == [
        ("account-supervisor", "Ihr eigenes Soll"),
    ]


def test_a_next_step_without_targets_is_not_offered_for_comparison() -> None:
    """Assert that a sheet does not offer its next step when that role is described only in
    words (it sets no target to compare with)."""
    jobs = rendered(load_handbook(FIXTURES / "jobs-en"))
    assert _compare_options(jobs["sheets/lead-data-engineer.md"]) == [
        ("lead-data-engineer", "Your own targets"),
    ]


# Four roles in two families; alpha's next step is bravo. Only charlie and delta need "qxfern".
_FOUR_ROLES: dict[str, Any] = {
    "handbook.yaml": {
        "title": "Vier Rollen",
        "language": "de",
        "scale": {1: "eins", 2: None, 3: None, 4: "vier"},
        "families": [{"id": "front", "name": "Vorne"}, {"id": "back", "name": "Hinten"}],
    },
    "competencies/g.yaml": {
        "name": "Gruppe",
        "competencies": [
            {"id": cid, "name": name, "summary": f"{name} kurz", "indicators": [f"{name} tut"]}
            for cid, name in (
                ("qxnah", "Nahkompetenz"),
                ("qxmittel", "Mittelkompetenz"),
                ("qxweit", "Weitkompetenz"),
                ("qxfern", "Fernkompetenz"),
            )
        ],
    },
    "roles/alpha.yaml": {
        "title": "Alphatitel",
        "family": "front",
        "summary": "s",
        "competencies": {"qxnah": 2, "qxmittel": 3},
    },
    "roles/bravo.yaml": {
        "title": "Bravotitel",
        "family": "front",
        "summary": "s",
        "competencies": {"qxnah": 3, "qxmittel": 3, "qxweit": 2},
    },
    "roles/charlie.yaml": {
        "title": "Charlietitel",
        "family": "back",
        "summary": "s",
        "competencies": {"qxnah": 1, "qxweit": 4, "qxfern": 4},
    },
    "roles/delta.yaml": {
        "title": "Deltatitel",
        "family": "back",
        "summary": "s",
        "competencies": {"qxfern": 1},
    },
    "paths/p.yaml": {"title": "Pfad", "steps": ["alpha", "bravo"]},
}


def _sheet_files(root: Path) -> dict[str, str]:
    return {k: v for k, v in rendered(load_handbook(root)).items() if k.startswith("sheets/")}


def test_role_sheet_holds_nothing_of_other_roles(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a sheet names no other role but its next step, and no foreign competency."""
    markdown = _sheet_files(catalogue(_FOUR_ROLES))["sheets/alpha.md"]
    for text in ("charlie", "Charlietitel", "delta", "Deltatitel", "qxfern", "Fernkompetenz"):
        assert text not in markdown, text
    assert "Weitkompetenz" not in markdown and "qxweit" not in markdown  # bravo's, not alpha's
    assert markdown.count("bravo") == 1 and markdown.count("Bravotitel") == 2  # the option
    assert _compare_options(markdown)[1] == ("bravo", "Bravotitel (nächster Schritt)")
    assert _script_data(markdown)["targets"] == {"qxnah": 2, "qxmittel": 3}


def test_editing_a_role_rewrites_only_its_own_sheets(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a changed target changes that role's sheet and its steps' sheets, no other."""
    before = _sheet_files(catalogue(_FOUR_ROLES))
    edited = copy.deepcopy(_FOUR_ROLES)
    edited["roles/charlie.yaml"]["competencies"]["qxweit"] = 3
    after = _sheet_files(catalogue(edited))
    assert {name for name in before if before[name] != after[name]} == {"sheets/charlie.md"}
    edited["roles/bravo.yaml"]["competencies"]["qxweit"] = 3  # alpha's next step
    after = _sheet_files(catalogue(edited))
    assert {name for name in before if before[name] != after[name]} == {
        "sheets/charlie.md",
        "sheets/bravo.md",
        "sheets/p/step-2.md",
    }
    assert after["sheets/alpha.md"] == before["sheets/alpha.md"]


def test_a_sheets_body_is_a_template_of_the_theme_that_calls_shared_pieces(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a sheet's Markdown is only its front matter and title; that its body is a
    template of the theme whose only Jinja is its calls of the pieces sheets share, each
    piece written once as raw text with no `{` (catalogue text cannot open a Jinja tag), its
    JSON data too; and that the Markdown changes with the body, so that a dirty build
    rebuilds the page."""
    files = copy.deepcopy(_FOUR_ROLES)
    files["competencies/g.yaml"]["competencies"][0]["levels"] = {2: "Nah {{ 7*7 }} {% if 1 %}"}
    files["roles/alpha.yaml"]["title"] = "Alpha {{ 7*7 }} {# x #} </script>"
    before = render(load_handbook(catalogue(files)))
    markdown = before["sheets/alpha.md"]
    body = bodies(dict(before))["sheets/alpha"]
    assert f"body: {urls.page_body('sheets/alpha.md')}\nbody_id: sheets/alpha\n" in markdown
    assert "<" not in markdown
    data = re.search(r'<script type="application/json" class="ch-sheet-data">(.*?)</script>', body)
    assert data is not None and not re.search(r"\{[{%#]|<", data.group(1))
    assert json.loads(data.group(1))["subject"] == "Alpha {{ 7*7 }} {# x #} </script>"
    body_html = body.replace(data.group(0), "")
    assert "{" not in SECTIONS.sub("", CALL.sub("", IMPORT.sub("", body_html)))
    parts = "".join(text for name, text in before.items() if "sheets/_shared/" in name)
    pieces = {k: v for k, v in library(dict(before), "sheets").items() if " " not in k}
    assert len(pieces) == len(MACRO.findall(parts)) and "{" not in "".join(pieces.values())
    assert "Nah &#123;&#123; 7*7 }} &#123;% if 1 %}" in parts
    assert max(map(ord, body + parts)) < 256  # Latin-1: one byte a character once loaded
    calls = CALL.findall(body)
    assert calls and set(calls) <= set(pieces)
    files["roles/alpha.yaml"]["competencies"]["qxnah"] = 1
    after = render(load_handbook(catalogue(files)))
    assert bodies(dict(after))["sheets/alpha"] != body
    assert after["sheets/alpha.md"] != markdown


def test_sheets_are_not_in_the_search_index(default_site: Path) -> None:
    """Assert that neither role sheets nor readiness sheets are in the built search index."""
    index = json.loads((default_site / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("roles/") for location in locations)
    assert not [location for location in locations if location.startswith("sheets/")]


def test_readiness_sheet_lists_only_what_rises_or_is_new(
    handbook: Handbook, pages: dict[str, str]
) -> None:
    """Assert that a readiness sheet shows raised and added competencies with both targets."""
    relations = Relations(handbook)
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            markdown = pages[readiness_path(change)]
            shown = {e.attrs["data-competency"] for e in _items(markdown)}
            expected = {c.competency.id for c in (*change.raised, *change.added)}
            assert shown == expected, readiness_path(change)
            after = {(f"self-{c.competency.id}", c.after) for c in (*change.raised, *change.added)}
            before = {(f"self-{c.competency.id}", c.before) for c in change.raised}
            assert {b for b in _target_boxes(markdown) if b[0].startswith("self-")} == after
            assert {
                b for b in _target_boxes(markdown, "is-previous") if b[0].startswith("self-")
            } == before


def test_readiness_sheet_of_kam_step_names_both_roles(pages: dict[str, str]) -> None:
    """Assert that the step to Key Account Manager names both roles and the new requirements."""
    markdown = pages["sheets/key-account-management/step-3.md"]
    assert "# Bereitschaftsbogen: Senior Account Executive &#8594; Key Account Manager" in markdown
    assert "Soll als Key Account Manager" in markdown
    assert "Soll als Senior Account Executive &#40;heute&#41;" in markdown
    assert 'class="ch-sheet-new"' in markdown  # competencies new at this step
    assert "search:\n  exclude: true" in markdown.split("---")[1]


def margin_rules(css: str) -> dict[str, dict[str, str]]:
    """The rules of the sheets' margins stylesheet: selector -> property -> decoded value."""
    rules = re.findall(r"^(:root[^{]*)\{(.*?)\}", css, re.M | re.S)
    return {
        selector.strip(): {
            name: _css_decode(value)
            for name, value in re.findall(r'(--ch-sheet-[a-z]+): ("[^"]*")', body)
        }
        for selector, body in rules
    }


def test_margins_stylesheet_names_each_sheet_and_edition(pages: dict[str, str]) -> None:
    """Assert that the one stylesheet of printed margins gives every sheet its footer (role
    or step, and edition) and all of them the page words."""
    rules = margin_rules(pages[urls.SHEET_MARGINS])
    assert rules[":root"]["--ch-sheet-page"] == "Seite "
    assert rules[":root"]["--ch-sheet-of"] == " von "
    assert "--ch-sheet-footer" not in rules[":root"]
    own = rules[':root:has([data-ch-footer="sheets/key-account-manager"])']
    assert own == {"--ch-sheet-footer": "Key Account Manager · Ausgabe 2026.1"}
    step = rules[':root:has([data-ch-footer="sheets/key-account-management/step-3"])']
    footer = "Senior Account Executive → Key Account Manager · Ausgabe 2026.1"
    assert step == {"--ch-sheet-footer": footer}
    sheets = [name for name in pages if name.startswith("sheets/") and name.endswith(".md")]
    assert len(rules) == len(sheets) + 1  # one rule per sheet, and the words they share
    assert "sheet: sheets/key-account-manager\n" in pages["sheets/key-account-manager.md"]


def _css_decode(literal: str) -> str:
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), literal[1:-1])


@given(st.text())
def test_css_string_is_inert_and_lossless(value: str) -> None:
    """Assert that css_string leaves only letters, digits and escapes, and decodes back."""
    literal = str(css_string(value))
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9A-F]{6})*"', literal)
    assert _css_decode(literal) == value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site whose competency name, indicator and role title try to become markup."""
    from conftest import write_catalogue

    root = write_catalogue(
        tmp_path_factory.mktemp("hostile") / "cat",
        {
            "handbook.yaml": {
                "title": "T</title><script>alert(1)</script>",
                "language": "de",
                "version": '2026"; } body { color: red',
                "scale": {1: "<b>eins</b>", 2: None, 3: "drei"},
                "families": [{"id": "f", "name": "F"}],
            },
            "competencies/g.yaml": {
                "name": "G",
                "competencies": [
                    {
                        "id": "c",
                        "name": "<img src=x onerror=alert(1)>",
                        "summary": "{{ 7*7 }} [x](javascript:alert(1))",
                        "indicators": ["</textarea><script>alert(2)</script>"],
                    }
                ],
            },
            "roles/r.yaml": {
                "title": '"><svg onload=alert(3)>',
                "family": "f",
                "summary": "s",
                "competencies": {"c": 2},
            },
        },
    )
    return build_site(root, tmp_path_factory.mktemp("hostile-site") / "site")


def test_catalogue_text_stays_text_on_the_built_sheet(hostile_site: Path) -> None:
    """Assert that markup in catalogue text shows as text on the sheet and makes no element."""
    page: Parsed = parse(hostile_site / "sheets" / "r" / "index.html")
    assert not [
        e for e in page.elements if e.tag in ("img", "svg", "script") and "alert" in str(e.attrs)
    ]
    runnable = [e for e in page.find("script") if e.attrs.get("type") != "application/json"]
    assert not [e for e in runnable if "alert" in e.content]
    text = page.text
    assert "<img src=x onerror=alert(1)>" in text
    assert "</textarea><script>alert(2)</script>" in text
    assert '"><svg onload=alert(3)>' in text
    data = json.loads(
        next(e for e in page.find("script") if "ch-sheet-data" in str(e.attrs)).content
    )
    assert data["handbook"] == "T</title><script>alert(1)</script>"


def test_hostile_footer_stylesheet_cannot_break_out(hostile_site: Path) -> None:
    """Assert that the footer stylesheet holds catalogue text only inside escaped strings."""
    css = (hostile_site / "sheets" / "margins.css").read_text(encoding="utf-8")
    code = re.sub(r'"[^"]*"', '""', css.split("*/", 1)[1])  # what is not inside a string
    assert "<" not in code and "color: red" not in code
    assert code.count("{") == code.count("}") == len(margin_rules(css))
    own = margin_rules(css)[':root:has([data-ch-footer="sheets/r"])']
    assert (
        own["--ch-sheet-footer"] == '"><svg onload=alert(3)> · Ausgabe 2026"; } body { color: red'
    )


def test_built_sheet_is_outside_material_typography(default_site: Path) -> None:
    """Assert that the built sheet page uses its own article, styles and script, not md-typeset."""
    path = default_site / "sheets" / "key-account-manager" / "index.html"
    page = parse(path)
    articles = page.find("article")
    assert len(articles) == 1
    assert "ch-sheet-article" in articles[0].attrs["class"]
    assert "md-typeset" not in articles[0].attrs["class"]
    links = [e.attrs["href"] for e in page.find("link") if e.attrs.get("rel") == "stylesheet"]
    styles = {resolve(default_site, path, href)[0] for href in links}
    assert default_site / "assets" / "sheet.css" in styles
    assert default_site / "sheets" / "margins.css" in styles
    assert (default_site / "sheets" / "margins.css").is_file()
    assert articles[0].attrs["data-ch-footer"] == "sheets/key-account-manager"
    scripts = [e.attrs.get("src", "") for e in page.find("script")]
    assert "../../assets/sheet/main.js" in scripts
    module = next(e for e in page.find("script") if e.attrs.get("src", "").endswith("/main.js"))
    assert module.attrs.get("type") == "module"
    assert page.title.startswith("Selbsteinschätzungsbogen: Key Account Manager")
    sheet = next(e for e in page.elements if "ch-sheet" in e.attrs.get("class", "").split())
    assert "data-search-exclude" in sheet.attrs


def test_sheet_assets_load_only_on_sheet_pages(default_site: Path) -> None:
    """Assert that role pages do not load the sheet's stylesheet and script."""
    page = parse(default_site / "roles" / "key-account-manager" / "index.html")
    sources = [e.attrs.get("href", "") for e in page.find("link")]
    sources += [e.attrs.get("src", "") for e in page.find("script")]
    assert not [s for s in sources if s.endswith("/sheet.css") or "/assets/sheet/" in s]


def test_years_read_the_same_on_the_path_page_and_the_readiness_sheet(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that typical years read "2,5 Jahren" and "1 Jahr" on every page that says them."""
    files = copy.deepcopy(_FOUR_ROLES)
    files["paths/p.yaml"]["steps"] = [
        "alpha",
        {"role": "bravo", "typical_years": 2.5},
        {"role": "charlie", "typical_years": 1},
    ]
    files["roles/charlie.yaml"]["family"] = "front"
    files["roles/bravo.yaml"]["requirements"] = {"experience_years": 1}
    files["roles/charlie.yaml"]["requirements"] = {"experience_years": 3}
    pages = rendered(load_handbook(catalogue(files)))
    path = pages["paths/p.md"]
    assert "nach ca&#46; 2,5 Jahren" in path and "nach ca&#46; 1 Jahr<" in path
    assert "Üblich nach etwa 2,5 Jahren als Alphatitel" in path
    assert "Üblich nach etwa 1 Jahr als Bravotitel" in path
    assert "Üblicher Zeitpunkt&#58; nach 2,5 Jahren&#46;" in pages["sheets/p/step-2.md"]
    assert "Üblicher Zeitpunkt&#58; nach 1 Jahr&#46;" in pages["sheets/p/step-3.md"]
    assert "Berufserfahrung&#58; 1 Jahr<" in pages["sheets/p/step-2.md"]
    assert "Berufserfahrung&#58; 3 Jahre<" in pages["sheets/p/step-3.md"]


def test_sheet_data_joins_what_all_sheets_share_with_its_own() -> None:
    """Assert that a sheet's data, joined from the part every sheet shares (encoded once)
    and its own, is one JSON object with both, and stays inert in a script element and in
    a template of the theme."""
    shared = script_json({"handbook": "H </script> {% if x %}", "texts": {"a": "{{ b }}"}})
    joined = script_json_joined(shared, {"role": "r", "targets": {"c": 2}})
    assert json.loads(joined) == {
        "handbook": "H </script> {% if x %}",
        "texts": {"a": "{{ b }}"},
        "role": "r",
        "targets": {"c": 2},
    }
    assert "<" not in joined and not re.search(r"\{[{%#]", joined)
    assert script_json_joined(shared, {}) == shared
