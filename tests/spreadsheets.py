"""Helpers for tests of workbooks: export a catalogue, find and change cells as a person
would in a spreadsheet program."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from generator.commands.spreadsheet import export


def exported(root: Path, workbook: Path) -> Path:
    """The workbook ``handbook export`` writes for the catalogue at ``root``."""
    export(root, workbook=workbook)
    return workbook


def cell(workbook: Path, sheet: str, key: str, column: str) -> str:
    """The coordinate (``D14``) of the cell in the row whose first column is ``key`` and
    the column whose header is ``column``."""
    book = openpyxl.load_workbook(workbook)
    rows = list(book[sheet].iter_rows())
    header = [c.value for c in rows[0]]
    key_index = 0 if sheet != "Competencies" else header.index("id")
    row = next(r for r in rows[1:] if r[key_index].value == key)
    return str(row[header.index(column)].coordinate)


def change(
    workbook: Path, sheet: str, coordinate: str, value: Any, *, formula: bool = False
) -> None:
    """Set one cell, as text (or number) or, with ``formula``, as a formula."""
    book = openpyxl.load_workbook(workbook)
    target = book[sheet][coordinate]
    target.value = value
    if isinstance(value, str) and not formula:
        target.data_type = "s"
    book.save(workbook)


def append(workbook: Path, sheet: str, row: list[Any]) -> int:
    """Add a row below the last; its number."""
    book = openpyxl.load_workbook(workbook)
    book[sheet].append(row)
    book.save(workbook)
    return int(book[sheet].max_row)


def values(workbook: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(workbook)
    return [[c.value for c in row] for row in book[sheet].iter_rows()]
