"""The handbook pages' planning and views (render/plan.py, views.py, pathview.py,
matrix.py), the downloads (exports.py), the navigation (nav.py) and links (urls.py)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from shown import shown

from generator.model.handbook import Handbook
from generator.model.relations import Relations
from generator.pipeline import load_handbook
from generator.render import urls
from generator.render.exports import catalogue_json, matrix_csv, neutralise
from generator.render.matrix import HEAT_STEPS, build_family_matrix, build_matrix, heat
from generator.render.nav import navigation, path_family
from generator.render.pathview import path_view
from generator.render.plan import render
from generator.render.views import Views, search_keyword

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"


def handbook(name: str) -> Handbook:
    root = FIXTURES / name
    return load_handbook(root)


def views(name: str) -> Views:
    book = handbook(name)
    return Views(book, Relations(book))


def small_catalogue(**role_fields: Any) -> dict[str, Any]:
    """A valid catalogue with one role whose fields can be overridden."""
    role = {"title": "Agent", "family": "ops", "summary": "Answers.", "competencies": {"talk": 2}}
    role.update(role_fields)
    return {
        "handbook.yaml": {
            "title": "T",
            "language": "de",
            "scale": {1: "low", 2: None, 3: "high"},
            "families": [{"id": "ops", "name": "Ops"}],
        },
        "competencies/base.yaml": {
            "name": "Base",
            "competencies": [
                {"id": "talk", "name": "Talk", "summary": "talks", "indicators": ["speaks"]}
            ],
        },
        "roles/agent.yaml": role,
    }


def two_family_catalogue() -> dict[str, Any]:
    """Two families whose roles need different competencies; one group only sales needs."""

    def role(title: str, family: str, targets: dict[str, int]) -> dict[str, Any]:
        return {"title": title, "family": family, "summary": "Works.", "competencies": targets}

    def group(name: str, ids: list[str]) -> dict[str, Any]:
        competencies = [{"id": i, "name": i.title(), "summary": i, "indicators": [i]} for i in ids]
        return {"name": name, "competencies": competencies}

    return {
        "handbook.yaml": {
            "title": "T",
            "language": "en",
            "scale": {1: "low", 2: None, 3: "high"},
            "families": [{"id": "ops", "name": "Ops"}, {"id": "sales", "name": "Sales"}],
        },
        "competencies/base.yaml": group("Base", ["talk", "listen"]),
        "competencies/extra.yaml": group("Extra", ["sell"]),
        "roles/agent.yaml": role("Agent", "ops", {"talk": 2}),
        "roles/lead.yaml": role("Lead", "ops", {"talk": 3}),
        "roles/seller.yaml": role("Seller", "sales", {"sell": 3, "listen": 1, "talk": 1}),
    }


def large_catalogue(families: int, roles: int, paths_per_family: int) -> dict[str, Any]:
    """A catalogue with many roles and paths: ``roles`` per family, paths of two steps."""
    files: dict[str, Any] = {
        "handbook.yaml": {
            "title": "T",
            "language": "de",
            "scale": {1: "low", 2: None, 3: "high"},
            "families": [{"id": f"f{f}", "name": f"Family {f}"} for f in range(families)],
        },
    }
    for g in range(3):
        competencies = [
            {"id": f"c{g}-{c}", "name": f"C {g} {c}", "summary": "s", "indicators": ["i"]}
            for c in range(5)
        ]
        files[f"competencies/g{g}.yaml"] = {"name": f"Group {g}", "competencies": competencies}
    for f in range(families):
        for r in range(roles):
            files[f"roles/r{f}-{r}.yaml"] = {
                "title": f"Role {f} {r}",
                "family": f"f{f}",
                "rank": r + 1,
                "summary": "s",
                "competencies": {f"c{g}-{c}": 2 for g in range(3) for c in range(5)},
            }
        for p in range(paths_per_family):
            steps = [f"r{f}-{2 * p}", f"r{f}-{2 * p + 1}"]
            files[f"paths/p{f}-{p}.yaml"] = {"title": f"Path {f} {p}", "steps": steps}
    return files


def nav_lists(items: list[Any]) -> list[list[Any]]:
    """Every list of the nav, nested ones included."""
    found = [items]
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    found.extend(nav_lists(value))
    return found


def nav_entries(items: list[Any]) -> list[str]:
    """Every page the nav lists, in order."""
    found: list[str] = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        else:
            for value in item.values():
                found.extend(nav_entries(value) if isinstance(value, list) else [value])
    return found


# -- role views -----------------------------------------------------------------------------


def test_role_view_derives_report_lines() -> None:
    """Assert that a role view knows whom the role reports to and whom it leads, in rank order."""
    view = views("small-de")
    lead = view.role(view.handbook.role("teamleitung"))
    assert [r.href for r in lead.leads] == ["/@/roles/service-agent/", "/@/roles/senior-agent/"]
    assert lead.reports_to is None
    agent = view.role(view.handbook.role("senior-agent"))
    assert agent.reports_to is not None and agent.reports_to.href == "/@/roles/teamleitung/"
    assert [r.href for r in agent.previous_roles] == ["service-agent.md"]  # Markdown
    assert agent.experience == "2 Jahre"


def test_role_targets_are_grouped_by_competency_group() -> None:
    """Assert that a role's targets come grouped, in catalogue order, with scale labels."""
    view = views("small-de")
    groups = view.role(view.handbook.role("teamleitung")).groups
    assert [g.group.id for g in groups] == ["fuehrung", "kommunikation"]
    listening = groups[1].rows[0]
    assert listening.competency.href == "/@/competencies/zuhoeren/"  # the theme anchors it
    assert (listening.bar.level, listening.bar.label) == (4, "zeigt dies immer")
    assert listening.bar.maximum == 4
    assert listening.bar.alt == "Soll-Niveau 4 von 4"


def test_every_role_with_targets_links_its_sheet() -> None:
    """Assert that a role page links its sheet, a page that exists."""
    book = handbook("small-de")
    files = render(book)
    assert 'href="/@/sheets/service-agent/"' in files["roles/service-agent.md"]
    assert "sheets/service-agent.md" in files


def test_nearby_roles_name_their_family_only_when_it_differs() -> None:
    """Assert that nearby roles from another family carry that family's name."""
    view = views("small-de")
    nearby = view.role(view.handbook.role("service-agent")).nearby
    families = {entry.role.href: entry.other_family for entry in nearby}
    assert families["senior-agent.md"] is None
    assert families["teamleitung.md"] == "Führung"


def test_years_are_counted_in_the_catalogue_language() -> None:
    """Assert that years read naturally: singular, plural and decimals without trailing zeros."""
    de, en = views("small-de").words, views("small-en").words
    assert (de.years(1), de.years(4), de.years(2.5)) == ("1 Jahr", "4 Jahre", "2,5 Jahre")
    assert (en.years(1), en.years(2.5)) == ("1 year", "2.5 years")


# -- path views -----------------------------------------------------------------------------


def test_step_changes_answer_what_is_missing() -> None:
    """Assert that each step lists rises (biggest first), new, lower and dropped competencies."""
    view = views("small-en")
    path = path_view(view, view.handbook.paths[0])
    first, second = path.steps
    assert first.title == "Step 1 → 2: Junior Engineer → Senior Engineer"
    raised = first.sections[0]
    assert raised.kind == "raised"
    assert [(r.competency.text, r.change) for r in raised.rows] == [
        ("Coding", "+2"),
        ("Testing", "+1"),
    ]
    assert [s.kind for s in second.sections] == ["raised", "added", "lowered", "dropped"]
    assert [r.change for s in second.sections for r in s.rows] == ["+1", "new", "−1", "dropped"]
    assert first.years == "Usually after about 2.5 years as Junior Engineer."
    assert first.experience == "0 → 4 years"
    assert [(t.kind, t.items) for t in first.lists] == [
        ("skills", ("Mentoring", "System design")),
        ("tools", ("Terraform",)),
    ]


def test_same_experience_is_said_to_stay() -> None:
    """Assert that equal experience years on both sides read "wie bisher"."""
    view = views("default")
    path = path_view(view, next(p for p in view.handbook.paths if p.id == "key-account-management"))
    assert path.steps[-1].experience == "4 Jahre, wie bisher"
    changes = [step.changes.href if step.changes else None for step in path.ladder]
    assert changes == [None, "#step-2", "#step-3", "#step-4"]


def test_raised_competencies_come_biggest_gap_first() -> None:
    """Assert that, in the default catalogue, rises are sorted by the size of the gap."""
    view = views("default")
    for path in view.handbook.paths:
        for step in path_view(view, path).steps:
            gaps = [int(row.change) for row in step.sections[0].rows]
            assert gaps == sorted(gaps, reverse=True)


# -- matrix and downloads ----------------------------------------------------------------------


@pytest.mark.parametrize("maximum", range(2, 11))
def test_every_level_has_its_own_shade(maximum: int) -> None:
    """Assert that heat shades differ for all levels of any scale and span up to the top."""
    shades = [heat(level, maximum) for level in range(1, maximum + 1)]
    assert len(set(shades)) == maximum
    assert shades == sorted(shades) and shades[-1] == HEAT_STEPS and shades[0] >= 1
    assert heat(None, maximum) == 0


def test_matrix_groups_columns_by_family_and_rows_by_group() -> None:
    """Assert that the matrix columns follow families and the rows follow competency groups."""
    book = handbook("small-de")
    matrix = build_matrix(book, Relations(book))
    assert [(g.family.id, g.span) for g in matrix.column_groups] == [
        ("service", 2),
        ("fuehrung", 1),
    ]
    assert [r.competency.id for g in matrix.row_groups for r in g.rows] == [
        "coaching",
        "zuhoeren",
        "schreiben",
    ]
    assert [c.level for c in matrix.row_groups[0].rows[0].cells] == [None, 1, 3]


def test_family_matrix_keeps_only_its_roles_and_the_competencies_they_need(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a family's matrix has its roles only, and only competencies they need."""
    book = load_handbook(catalogue(two_family_catalogue()))
    relations = Relations(book)
    ops = build_family_matrix(book, relations, book.family("ops"))
    assert [r.id for r in ops.roles] == ["agent", "lead"]
    assert [(g.group.id, [r.competency.id for r in g.rows]) for g in ops.row_groups] == [
        ("base", ["talk"])
    ]
    assert [c.level for c in ops.row_groups[0].rows[0].cells] == [2, 3]
    sales = build_family_matrix(book, relations, book.family("sales"))
    assert [r.competency.id for g in sales.row_groups for r in g.rows] == [
        "talk",
        "listen",
        "sell",
    ]
    page = shown(render(book))["matrix/ops.md"]  # the page with its table, a body
    assert 'href="/@/roles/agent/"' in page and 'href="/@/roles/lead/"' in page
    assert "roles/seller" not in page
    assert 'href="/@/competencies/talk/"' in page and "competencies/sell" not in page
    assert "Extra" not in page and "search:\n  exclude: true" in page


def test_matrix_csv_keeps_the_whole_grid(catalogue: Callable[[dict[str, Any]], Path]) -> None:
    """Assert that matrix.csv still holds every role and competency of all families."""
    files = render(load_handbook(catalogue(two_family_catalogue())))
    rows = list(csv.reader(io.StringIO(files["matrix.csv"].removeprefix("\ufeff"))))
    assert rows[0] == ["Competency group", "Competency", "Agent", "Lead", "Seller"]
    assert [row[1] for row in rows[1:]] == ["Talk", "Listen", "Sell"]


def test_a_target_change_rewrites_only_its_family_matrix(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that changing a role's target changes its family's matrix page, no other
    matrix page, the matrix overview, the home page or the family and catalogue pages."""
    files = two_family_catalogue()
    before = render(load_handbook(catalogue(files)))
    files["roles/agent.yaml"]["competencies"] = {"talk": 1, "listen": 2}
    after = render(load_handbook(catalogue(files)))
    changed = {name for name in before if before[name] != after[name]}
    overview = {"index.md", "matrix/index.md", "competencies/index.md", "families/ops/index.md"}
    assert "matrix/ops.md" in changed and "matrix/sales.md" not in changed
    assert not changed & overview


def test_matrix_overview_links_each_family_page_and_the_downloads(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that the matrix overview links each family's matrix and the root downloads."""
    files = render(load_handbook(catalogue(two_family_catalogue())))
    page = files["matrix/index.md"]
    assert "](ops.md)**: 2 roles" in page and "](sales.md)**: 1 role" in page
    assert "](../matrix.csv)" in page and "](../catalogue.json)" in page
    assert "<table" not in page and "roles/" not in page
    assert "](../../matrix/ops.md)" in files["families/ops/index.md"]


@pytest.mark.parametrize("text", ["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_neutralised(text: str) -> None:
    """Assert that a cell a spreadsheet would run as a formula gets a leading quote."""
    assert neutralise(text) == f"'{text}"


def test_matrix_csv_neutralises_catalogue_text(catalogue: Callable[[dict[str, Any]], Path]) -> None:
    """Assert that a role title starting with '=' reaches the CSV as inert text."""
    book = load_handbook(catalogue(small_catalogue(title='=HYPERLINK("http://x")')))
    text = matrix_csv(book, build_matrix(book, Relations(book)))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [
        ["Kompetenzgruppe", "Kompetenz", '\'=HYPERLINK("http://x")'],
        ["Base", "Talk", "2"],
    ]


def test_english_csv_uses_commas() -> None:
    """Assert that the English matrix.csv is comma-separated with one row per competency."""
    book = handbook("small-en")
    text = matrix_csv(book, build_matrix(book, Relations(book)))
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["Competency group", "Competency", "Junior Engineer"]
    assert len(rows) == 6


def test_catalogue_json_keeps_text_as_written() -> None:
    """Assert that catalogue.json holds the catalogue's text exactly (not as \\u escapes),
    compact, with sorted keys."""
    book = handbook("small-de")
    text = catalogue_json(book, Relations(book))
    data = json.loads(text)
    compact = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert text == compact + "\n"
    assert data["version"] == "2026.10"
    assert data["competency_groups"][1]["competencies"][0]["indicators"][-1] == "no"
    agent = next(r for r in data["roles"] if r["id"] == "service-agent")
    assert agent["salary"] == {"currency": "EUR", "max": 3200, "min": 2800, "period": "month"}
    assert [s["level"] for s in data["scale"]] == [1, 2, 3, 4]
    assert "label" not in data["scale"][1]


@pytest.mark.parametrize("name", ["small-de", "small-en", "default"])
def test_catalogue_json_lists_roles_in_role_order(name: str) -> None:
    """Assert that catalogue.json lists roles by family, rank, title, id (sheet.js keeps it)."""
    book = handbook(name)
    data = json.loads(catalogue_json(book, Relations(book)))
    assert [r["id"] for r in data["roles"]] == [r.id for r in Relations(book).roles_in_order]


def test_catalogue_json_keeps_markup_characters(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that markup in catalogue text reaches the JSON unescaped and unchanged."""
    summary = "<b>{{ x }}</b> & [x](javascript:alert(1))"
    book = load_handbook(catalogue(small_catalogue(summary=summary)))
    data = json.loads(catalogue_json(book, Relations(book)))
    assert data["roles"][0]["summary"] == summary


# -- escaping and link targets --------------------------------------------------------------------


def test_markup_in_catalogue_text_stays_text(catalogue: Callable[[dict[str, Any]], Path]) -> None:
    """Assert that markup in titles, synonyms and summaries never reaches a page as markup."""
    book = load_handbook(
        catalogue(
            small_catalogue(
                title="<script>alert(1)</script>",
                synonyms=["{{ 7 * 7 }}", '"quoted" <b>'],
                summary="[x](javascript:alert(1)) *em* | pipe",
            )
        )
    )
    page = render(book)["roles/agent.md"]
    assert "<script" not in page and "<b>" not in page
    assert "](javascript" not in page and "*em*" not in page and "| pipe" not in page
    assert "{{" not in page and "49" not in page
    front_matter = page.split("---")[1]
    assert front_matter.endswith('\ntags:\n  - "7 * 7"\n  - "quoted b"\n')


def test_page_paths_accept_only_ids() -> None:
    """Assert that a page path is made of an id only: anything else fails the build."""
    assert urls.role_page("account-manager") == "roles/account-manager.md"
    for bad in ("Account", "a b", "../x", "x.md", "a--b", ""):
        with pytest.raises(ValueError):
            urls.role_page(bad)


def test_links_are_relative_to_the_page_that_holds_them() -> None:
    """Assert that a link names the target's Markdown file relative to the linking page."""
    assert urls.href("roles/a.md", "roles/b.md") == "b.md"
    assert urls.href("families/x/index.md", "roles/b.md") == "../../roles/b.md"
    assert urls.href("index.md", "competencies/index.md", "group-g") == (
        "competencies/index.md#group-g"
    )
    assert urls.href("paths/p.md", "", "step-2") == "#step-2"


def test_search_keywords_keep_only_inert_characters() -> None:
    """Assert that search keywords keep letters, digits, spaces and inert punctuation only."""
    assert search_keyword('Tech Lead <Backend> "x" \\ y {{ z }}') == "Tech Lead Backend x y z"
    assert search_keyword("Head of Sales (m/w/d)") == "Head of Sales (m/w/d)"
    assert search_keyword("C++ Entwickler, C# 2026.10") == "C++ Entwickler, C# 2026.10"
    assert (
        search_keyword("Kundenberater*in, R&D, Key_Account") == "Kundenberater*in, R&D, Key_Account"
    )
    assert search_keyword("Überzeugungs `x` [y] {z}") == "Überzeugungs x y z"


def test_texts_left_out_leave_no_dangling_colon(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a competency or a role without a summary is listed by its name alone
    (no "Talk:" with nothing after it) in the catalogue and on the family page."""
    files = small_catalogue()
    del files["roles/agent.yaml"]["summary"]
    del files["competencies/base.yaml"]["competencies"][0]["summary"]
    pages = render(load_handbook(catalogue(files)))
    assert pages["competencies/index.md"].rstrip().endswith("- **[Talk](talk.md)**")
    assert "**[Agent](../../roles/agent.md)**</li>" in pages["families/ops/index.md"]


# -- navigation ---------------------------------------------------------------------------------


# -- home and overview pages ----------------------------------------------------------------------


def test_home_page_links_families_and_groups_but_no_role(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that the home page links every family and group with counts, but no role page."""
    page = render(load_handbook(catalogue(two_family_catalogue())))["index.md"]
    assert "- **[Ops](families/ops/index.md)**: 2 roles" in page
    assert "- **[Sales](families/sales/index.md)**: 1 role" in page
    assert "- **[Base](competencies/index.md#group-base)**: 2 competencies" in page
    assert "](matrix/index.md)" in page and "](guide.md)" in page
    assert "roles/" not in page and "paths/" not in page
    assert "competencies/talk.md" not in page


def test_competency_catalogue_lists_every_competency_by_group() -> None:
    """Assert that competencies/index.md lists each group with all of its competencies."""
    book = handbook("default")
    page = render(book)["competencies/index.md"]
    for group in book.groups:
        assert f"{{ #group-{group.id} }}" in page
        for competency in group.competencies:
            assert f"]({competency.id}.md)" in page


# -- navigation ---------------------------------------------------------------------------------


def test_navigation_groups_roles_by_family_and_competencies_by_group() -> None:
    """Assert that the nav never lists every role flat: families and groups are sections."""
    book = handbook("small-de")
    nav: list[Any] = navigation(book, Relations(book))
    assert nav[0] == {"Startseite": "index.md"}
    roles = nav[1]["Rollen"]
    assert roles == [
        {
            "Kundenservice": [
                "families/service/index.md",
                {"Service Agent": "roles/service-agent.md"},
                {"Senior Service Agent": "roles/senior-agent.md"},
            ]
        },
        {
            "Führung": [
                "families/fuehrung/index.md",
                {"Teamleitung Service": "roles/teamleitung.md"},
            ]
        },
    ]
    assert nav[2] == {
        "Karrierepfade": [{"Kundenservice": [{"Laufbahn Service": "paths/service.md"}]}]
    }
    competencies = nav[3]["Kompetenzen"]
    assert competencies[0] == "competencies/index.md"
    assert [list(group) for group in competencies[1:]] == [["Führung"], ["Kommunikation"]]
    assert nav[4] == {
        "Kompetenzmatrix": [
            "matrix/index.md",
            {"Kundenservice": "matrix/service.md"},
            {"Führung": "matrix/fuehrung.md"},
        ]
    }
    assert nav[-1] == {
        "Über dieses Handbuch": [
            {"Anleitung für HR": "guide.md"},
            {"Sicherheit &amp; Datenschutz": "security.md"},  # Material does not escape
        ]
    }


def test_navigation_lists_the_change_page_only_when_there_are_changes() -> None:
    """Assert that the 'Änderungen' entry appears only with an earlier edition to compare."""
    book = handbook("small-de")
    assert {"Änderungen": "changes.md"} not in navigation(book, Relations(book))
    with_changes = navigation(book, Relations(book), with_changes=True)
    assert {"Änderungen": "changes.md"} in with_changes


def test_every_nav_entry_is_a_planned_page() -> None:
    """Assert that the nav points only at pages the generator plans (no dangling entries)."""
    book = handbook("default")
    planned = set(render(book))
    listed = nav_entries(navigation(book, Relations(book)))
    assert listed and set(listed) <= planned
    assert len(listed) == len(set(listed))


def test_no_nav_list_grows_with_the_whole_catalogue(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that no nav list is longer than the families or one family's roles, with
    many more roles and paths than that, and that every page but the sheets is listed."""
    book = load_handbook(catalogue(large_catalogue(families=6, roles=8, paths_per_family=3)))
    nav = navigation(book, Relations(book))
    longest = max(len(items) for items in nav_lists(nav))
    assert longest <= 9  # 8 roles and the family page; 6 families, 3 groups, 5 per group
    assert len(book.roles) == 48 and len(book.paths) == 18
    pages = {name for name in render(book) if name.endswith(".md")}
    assert set(nav_entries(nav)) == {name for name in pages if not name.startswith("sheets/")}


def test_a_path_is_filed_under_the_family_of_most_of_its_steps() -> None:
    """Assert that a path spanning two families sits in the nav under the family of most steps."""
    book = handbook("small-de")
    assert path_family(book, book.paths[0]) == "service"  # 2 steps in service, 1 in Führung


def test_a_step_to_a_role_without_targets_says_so_instead_of_dropping_everything() -> None:
    """Assert that the step up to a role described only in words does not list every
    competency as falling away, but says why and links the role's page."""
    page = render(handbook("jobs-en"))["paths/data-engineer.md"]
    step = page[page.index("{ #step-5 }") :]
    assert "Head of data engineering is described in words and sets no target" in step
    assert '<a href="/@/roles/head-of-data-engineering/">Head of data engineering</a>' in step
    assert "Falls away" not in step and "ch-changes" not in step


def test_the_same_words_wrapped_otherwise_are_no_change_of_expectation(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that a path step whose roles expect the same words, one wrapped onto two
    lines, keeps the competency as unchanged (not "another expectation")."""
    files = small_catalogue(competencies={"talk": {"level": 2, "expects": "Speaks\nclearly."}})
    files["roles/lead.yaml"] = {
        **files["roles/agent.yaml"],
        "title": "Lead",
        "competencies": {"talk": {"level": 2, "expects": "Speaks clearly."}},
    }
    files["paths/up.yaml"] = {"title": "Up", "steps": ["agent", "lead"]}
    book = load_handbook(catalogue(files))
    (change,) = Relations(book).step_changes["up"]
    assert not change.reworded and [c.competency.id for c in change.kept] == ["talk"]


def test_competency_page_shows_every_level_of_the_scale() -> None:
    """Assert that a competency's page shows each level of the scale, as the contract says,
    also one without text and without any role at it (such levels were left out)."""
    book = handbook("small-en")
    competency = book.competency("mentoring")
    needed = {n.level for n in Relations(book).needs.get("mentoring", ())}
    described = {anchor.level for anchor in competency.anchors}
    empty = [s for s in book.scale.levels if s.value not in needed | described]
    assert empty, "the fixture needs a level with neither text nor role"
    page = render(book)[urls.competency_page("mentoring")]
    assert page.count('<li class="ch-ladder-level">') == len(book.scale.levels)
    for level in empty:
        assert f'<span class="ch-ladder-level__label">{level.label}</span>' in page


def test_a_catalogue_without_paths_and_with_one_role_offers_neither() -> None:
    """Assert that the home page of a catalogue without career paths does not speak of paths
    (it said "… and the paths that join them"), and that with a single role there is no
    compare page, no navigation entry and no link to it (it could only ask for two roles)."""
    book = handbook("small-en")
    single = dataclasses.replace(book, roles=book.roles[:1], paths=())
    pages = render(single)
    home = pages[urls.HOME]
    assert "describes our roles and the competencies they need" in home
    assert "path" not in home.lower()
    assert urls.COMPARE not in pages
    assert not any("compare/" in text for name, text in pages.items() if name.endswith(".md"))
    titles = json.dumps(navigation(single, Relations(single)))
    assert "Compare" not in titles
    both = render(book)
    assert urls.COMPARE in both
    assert "Compare with" in both[urls.COMPARE]
