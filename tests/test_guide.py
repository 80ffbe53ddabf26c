"""The guide for HR (docs_templates/guide.md.j2): both languages, and examples that are true."""

from __future__ import annotations

import dataclasses
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from generator.check.report import format_problems
from generator.model.relations import Relations
from generator.pipeline import check, load_handbook
from generator.render.environment import environment
from generator.render.page import Page

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_CATALOGUE = PROJECT / "tests" / "fixtures" / "default"
SECTIONS = {
    "de": [
        "Mit einer Tabelle beginnen",
        "Eine Rolle anlegen",
        "Ein Soll-Niveau ändern",
        "Eine Kompetenz hinzufügen",
        "Beschreiben, was ein Niveau erwartet",
        "Die eigenen Wörter",
        "Eigene Seiten",
        "Warnungen bewusst annehmen",
        "Lokal ansehen",
        "Einen Merge Request öffnen",
        "Fehlermeldungen lesen",
        "Veröffentlichen",
    ],
    "en": [
        "Start from a spreadsheet",
        "Add a role",
        "Change a target level",
        "Add a competency",
        "Describe what a level expects",
        "Your organisation's words",
        "Pages of your own",
        "Accept a warning on purpose",
        "Preview locally",
        "Open a merge request",
        "Read the errors",
        "Publish",
    ],
}


def render_guide(language: str) -> str:
    handbook = dataclasses.replace(load_handbook(DEFAULT_CATALOGUE), language=language)
    template = environment(handbook).get_template("guide.md.j2")
    page = Page("guide.md", "guide.md.j2", "guide")
    return template.render(handbook=handbook, relations=Relations(handbook), page=page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_guide_covers_every_task_in_the_handbook_language(language: str) -> None:
    """Assert that the guide has a section per HR task, in the handbook's language."""
    text = render_guide(language)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[1:] == SECTIONS[language]
    assert "make serve" in text and "make validate" in text
    assert ("Diese Ausgabe: 2026&#46;1." if language == "de" else "edition: 2026&#46;1.") in text


def test_guide_examples_use_ids_of_the_default_catalogue() -> None:
    """Assert that the roles, competencies and files the guide names exist in the catalogue."""
    handbook = load_handbook(DEFAULT_CATALOGUE)
    text = render_guide("de")
    for role_id in ("account-manager", "account-supervisor"):
        assert handbook.role(role_id)
    for competency_id in ("verbale-kommunikation", "kundenbeziehungen", "ms-office"):
        assert handbook.competency(competency_id)
    assert "verbale-kommunikation: 4" in (
        DEFAULT_CATALOGUE / "roles" / "account-manager.yaml"
    ).read_text(encoding="utf-8")
    for name in (
        "roles/account-manager.yaml",
        "paths/account-management.yaml",
        "competencies/kommunikation.yaml",
    ):
        assert (DEFAULT_CATALOGUE / name).is_file()
        assert name.split("/")[-1] in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_guide_terms_example_is_a_valid_catalogue(language: str, tmp_path: Path) -> None:
    """Assert that the guide's `terms` example, put into handbook.yaml, validates and renames
    the nouns."""
    guide = render_guide(language)
    example = guide.split("    # catalogues/handbook.yaml\n", 1)[1].split("\n\n", 1)[0]
    root = tmp_path / "catalogues"
    shutil.copytree(DEFAULT_CATALOGUE, root)
    with (root / "handbook.yaml").open("a", encoding="utf-8") as handbook:
        handbook.write(textwrap.dedent(example) + "\n")
    assert check(root, "catalogues").problems == ()
    terms = load_handbook(root).terms
    assert terms.competency == ("Skill", "Skills")


def test_guide_shows_the_errors_the_validator_really_prints(tmp_path: Path) -> None:
    """Assert that the guide's error lines are what `handbook validate` prints for that typo."""
    root = tmp_path / "catalogues"
    shutil.copytree(DEFAULT_CATALOGUE, root)
    role = root / "roles" / "account-manager.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(
        text.replace("  verbale-kommunikation: 4\n", "  verbale-komunikation: 6\n"),
        encoding="utf-8",
    )
    printed = format_problems(check(root, "catalogues").problems, "text", strict=True)
    for language in ("de", "en"):
        guide = render_guide(language)
        shown = [
            line.strip() for line in guide.splitlines() if line.startswith("    catalogues/roles/")
        ]
        assert "\n    2 errors, 0 warnings\n" in guide
        shown += ["2 errors, 0 warnings"]
        assert shown == printed.splitlines()


def test_guide_shows_the_error_import_really_prints(tmp_path: Path) -> None:
    """Assert that the guide's workbook error is what `handbook import` prints for that typo."""
    from spreadsheets import cell, change, exported

    from generator.commands.spreadsheet import check_workbook
    from generator.load.workbook import load_workbook

    for language, name in (("de", "katalog.xlsx"), ("en", "catalogue.xlsx")):
        workbook = exported(DEFAULT_CATALOGUE, tmp_path / name)
        where = cell(workbook, "Targets", "verbale-kommunikation", "competency")
        change(workbook, "Targets", where, "verbale-komunikation")
        [error] = check_workbook(load_workbook(workbook, name)).errors
        assert f"\n        {error}\n" in render_guide(language)
