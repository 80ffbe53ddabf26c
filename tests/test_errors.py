"""Positions in messages: a line and column of a YAML file, or a cell of a workbook."""

from __future__ import annotations

from generator.errors import Location, Problem, column_letters


def test_yaml_positions_print_as_before() -> None:
    """Assert that a file position prints as PATH:LINE:COLUMN."""
    assert str(Location("roles/a.yaml", 3, 7)) == "roles/a.yaml:3:7"
    assert str(Problem(Location("handbook.yaml"), "missing")) == "handbook.yaml:1:1: missing"


def test_cells_print_as_workbook_sheet_and_cell() -> None:
    """Assert that a cell prints as FILE › Sheet!D14, whatever catalogue file it stands for."""
    cell = Location("roles.xlsx", 14, 4, sheet="Targets", part="roles/a.yaml")
    assert str(cell) == "roles.xlsx › Targets!D14"
    problem = Problem(cell, "unknown competency 'x'")
    assert str(problem) == "roles.xlsx › Targets!D14: unknown competency 'x'"


def test_column_letters_count_like_spreadsheets() -> None:
    """Assert that columns are named A..Z, AA.. as spreadsheets name them."""
    assert [column_letters(n) for n in (1, 4, 26, 27, 52, 703)] == [
        "A",
        "D",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]


def test_a_cell_belongs_to_its_catalogue_file() -> None:
    """Assert that a cell's file names the workbook and the catalogue file it stands for,
    so that warnings are matched to accept entries per file, as in YAML."""
    cell = Location("x.xlsx", 2, 1, sheet="Roles", part="roles/a.yaml")
    assert cell.file == "x.xlsx › roles/a.yaml"
    assert Location("roles/a.yaml", 2, 1).file == "roles/a.yaml"


def test_cells_sort_by_sheet_then_row_and_column() -> None:
    """Assert that problems of a workbook come sheet by sheet, in reading order."""
    cells = [
        Location("x.xlsx", 2, 3, sheet="Targets"),
        Location("x.xlsx", 9, 1, sheet="Roles"),
        Location("x.xlsx", 2, 1, sheet="Targets"),
    ]
    assert [str(c) for c in sorted(cells)] == [
        "x.xlsx › Roles!A9",
        "x.xlsx › Targets!A2",
        "x.xlsx › Targets!C2",
    ]
