"""Load a workbook (load/workbook.py, load/rows.py, load/grid.py): the documents of a
catalogue folder, checked by the same validator, with every problem at its sheet and cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spreadsheets import append, cell, change, exported

from generator.check.validate import Validation, validate
from generator.commands.spreadsheet import check_workbook
from generator.errors import Severity
from generator.load.workbook import load_csv, load_workbook

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT = PROJECT / "catalogues"
EVERY_FIELD = PROJECT / "tests" / "fixtures" / "every-field-en"


def checked(workbook: Path) -> Validation:
    return check_workbook(load_workbook(workbook, workbook.name))


def messages(validation: Validation) -> list[str]:
    return [str(p) for p in validation.errors]


@pytest.fixture(scope="module")
def default_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return exported(DEFAULT, tmp_path_factory.mktemp("default") / "katalog.xlsx")


@pytest.fixture
def workbook(default_workbook: Path, tmp_path: Path) -> Path:
    """A fresh copy of the default catalogue's workbook, to change."""
    return Path(shutil.copy(default_workbook, tmp_path / "katalog.xlsx"))


def test_an_exported_workbook_loads_as_the_catalogue(default_workbook: Path) -> None:
    """Assert that the workbook of the default catalogue gives its documents, without
    a problem: a handbook, seven groups, six roles, two paths."""
    loaded = load_workbook(default_workbook)
    assert not loaded.problems
    kinds = [d.kind for d in loaded.documents]
    assert kinds.count("group") == 7 and kinds.count("role") == 6 and kinds.count("path") == 2
    assert checked(default_workbook).handbook is not None


def test_a_wrong_id_names_the_sheet_and_the_cell(workbook: Path) -> None:
    """Assert that a misspelt competency in the targets matrix is one error, at the cell
    where it is written, with the id it was meant to be."""
    where = cell(workbook, "Targets", "verbale-kommunikation", "competency")
    change(workbook, "Targets", where, "verbale-komunikation")
    assert messages(checked(workbook)) == [
        f"katalog.xlsx › Targets!{where}: unknown competency 'verbale-komunikation': "
        "did you mean 'verbale-kommunikation'?"
    ]


def test_every_mistake_is_reported_at_once_at_its_cell(workbook: Path) -> None:
    """Assert that mistakes on several sheets are reported together, each at its cell:
    the same rules as for YAML (family, level, salary) and the workbook's own (ids of rows,
    columns)."""
    family = cell(workbook, "Roles", "account-manager", "family")
    change(workbook, "Roles", family, "vertrieb")
    level = cell(workbook, "Targets", "kundenbeziehungen", "account-manager")
    change(workbook, "Targets", level, 6)
    period = cell(workbook, "Roles", "key-account-manager", "salary.period")
    change(workbook, "Roles", period, "week")
    row = append(workbook, "Roles", ["Key Account", "Key Account Lead", "vertrieb-marketing"])
    found = messages(checked(workbook))
    expected = {
        family: "unknown family 'vertrieb': did you mean 'vertrieb-marketing'?",
        period: "expected one of 'year', 'month', found 'week'",
        f"A{row}": "'Key Account' is not a valid role id: use lowercase letters, digits and "
        "single hyphens (e.g. 'account-manager')",
    }
    assert found == [
        *(
            f"katalog.xlsx › Roles!{where}: {expected[where]}"
            for where in sorted(expected, key=_row)
        ),
        f"katalog.xlsx › Targets!{level}: target level 6 is outside the scale: expected a "
        "level from 1 to 5",
    ]


def _row(coordinate: str) -> tuple[int, int]:
    letters = coordinate.rstrip("0123456789")
    return int(coordinate[len(letters) :]), len(letters) * 100 + ord(letters[-1])


def test_a_formula_is_an_error_and_never_computed(workbook: Path) -> None:
    """Assert that a cell holding a formula is reported with its formula, not its result."""
    summary = cell(workbook, "Roles", "account-manager", "summary")
    change(workbook, "Roles", summary, "=1+1", formula=True)
    assert messages(checked(workbook)) == [
        f"katalog.xlsx › Roles!{summary}: this cell holds a formula (=1+1): formulas are not "
        "computed; write the value itself"
    ]


def test_text_that_starts_like_a_formula_is_text(workbook: Path) -> None:
    """Assert that a text cell starting with '=' or '-' is read as that text."""
    summary = cell(workbook, "Roles", "account-manager", "summary")
    change(workbook, "Roles", summary, "=SUM(A1) is text here")
    validation = checked(workbook)
    assert validation.handbook is not None
    assert validation.handbook.role("account-manager").summary == "=SUM(A1) is text here"


def test_cells_keep_the_text_written(workbook: Path) -> None:
    """Assert that a number in a text column is its text, a level written as text is a
    level, and '~' or 'no' in a text cell stay text (not nothing, not false)."""
    change(workbook, "Roles", cell(workbook, "Roles", "account-manager", "title"), 2026.1)
    level = cell(workbook, "Targets", "kundenbeziehungen", "account-manager")
    change(workbook, "Targets", level, "3")
    change(workbook, "Roles", cell(workbook, "Roles", "account-manager", "summary"), "~")
    change(workbook, "Handbook", "B5", "no")  # the version
    handbook = checked(workbook).handbook
    assert handbook is not None
    role = handbook.role("account-manager")
    assert (role.title, role.summary, handbook.version) == ("2026.1", "~", "no")
    assert role.target("kundenbeziehungen").level == 3  # type: ignore[union-attr]


def test_an_empty_required_cell_is_reported_at_that_cell(workbook: Path) -> None:
    """Assert that an empty title is reported where the title belongs."""
    title = cell(workbook, "Roles", "account-manager", "title")
    change(workbook, "Roles", title, None)
    assert messages(checked(workbook)) == [
        f"katalog.xlsx › Roles!{title}: 'title' needs a value: expected text"
    ]


def test_workbook_structure_mistakes(workbook: Path) -> None:
    """Assert that an unknown column (with a hint), a role column of no role, a row given
    twice and an expectation without a target level are reported at their cells."""
    change(workbook, "Roles", "B1", "titel")
    change(workbook, "Targets", "C1", "account-manger")
    first = cell(workbook, "Targets", "kundenbeziehungen", "competency")
    row = append(workbook, "Targets", ["kundenbeziehungen", "again"])
    expectation = append(workbook, "Expectations", ["account-manager", "fuehrung", "Leads."])
    found = messages(checked(workbook))
    assert "katalog.xlsx › Roles!B1: unknown column 'titel': did you mean 'title'?" in found
    assert (
        "katalog.xlsx › Targets!C1: unknown role 'account-manger': did you mean "
        "'account-manager'?" in found
    )
    assert (
        f"katalog.xlsx › Targets!A{row}: duplicate competency 'kundenbeziehungen' "
        f"(first in row {first[1:]})" in found
    )
    assert (
        f"katalog.xlsx › Expectations!B{expectation}: role 'account-manager' has no target "
        "level for 'fuehrung' on the Targets sheet: an expectation needs a level there" in found
    )


def test_markdown_in_a_cell_is_checked_at_its_cell(tmp_path: Path) -> None:
    """Assert that a link to an unknown id on the third line of a cell names that cell."""
    workbook = exported(EVERY_FIELD, tmp_path / "every.xlsx")
    expects = cell(workbook, "Expectations", "junior", "expects")
    change(workbook, "Expectations", expects, "Carries the pager.\n\nSee [x](role:nobody).")
    assert messages(checked(workbook)) == [
        f"every.xlsx › Expectations!{expects}: link to unknown role 'nobody': no role has this id"
    ]


def test_accepted_warnings_belong_to_their_row(tmp_path: Path) -> None:
    """Assert that an accept entry accepts the warnings of its own file only, as in YAML:
    a second role without targets keeps its warning, at its row."""
    workbook = exported(EVERY_FIELD, tmp_path / "every.xlsx")
    row = append(workbook, "Roles", ["advisor", "Advisor", "people"])
    validation = checked(workbook)
    assert not validation.errors
    warnings = sorted((str(p.location), p.code) for p in validation.warnings)
    assert warnings == [
        (f"every.xlsx › Roles!A{row}", "no-targets"),
        (f"every.xlsx › Roles!A{row}", "role-not-on-path"),
    ]
    assert len(validation.accepted) == 8


def test_missing_sheets_are_named(tmp_path: Path, workbook: Path) -> None:
    """Assert that a workbook without its Scale sheet says so, and a sheet whose name is
    nearly a known one gets a hint."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    book["Scale"].title = "Scales"
    book.save(workbook)
    assert messages(checked(workbook)) == [
        "katalog.xlsx:1:1: missing sheet 'Scale': see the Read me",
        "katalog.xlsx › Scales!A1: unknown sheet 'Scales': did you mean 'Scale'?",
    ]


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    """Assert that a file that is not an .xlsx workbook is one clear error."""
    path = tmp_path / "roles.xlsx"
    path.write_text("id,title\n", encoding="utf-8")
    [problem] = load_workbook(path, "roles.xlsx").problems
    assert str(problem).startswith("roles.xlsx:1:1: cannot read the workbook")
    assert problem.severity is Severity.ERROR


def test_csv_files_load_like_the_workbook(tmp_path: Path) -> None:
    """Assert that the CSV folder of a catalogue gives the same documents' checks, that
    cells are named by file and cell, and that the mark against formulas is taken off."""
    from generator.commands.spreadsheet import export

    folder = tmp_path / "csv"
    export(EVERY_FIELD, csv_folder=folder)
    text = (folder / "competencies.csv").read_text(encoding="utf-8-sig")
    assert ",\"'=SUM(A1:A3) is text, not a formula\n" in text  # a cell that starts so
    assert "\n- starts with a dash\n" in text  # a line inside a cell runs nothing
    validation = validate(load_csv(folder, "csv"))
    assert validation.handbook is not None and not validation.problems
    delivery = validation.handbook.competency("delivery")
    assert "=SUM(A1:A3) is text, not a formula" in delivery.indicators
    assert "'quoted' on purpose" in delivery.indicators
    roles = (folder / "roles.csv").read_text(encoding="utf-8-sig")
    (folder / "roles.csv").write_text(roles.replace(",craft,", ",kraft,", 1), encoding="utf-8")
    [problem] = validate(load_csv(folder, "csv")).errors
    assert str(problem) == "csv › roles.csv!C2: unknown family 'kraft': did you mean 'craft'?"
