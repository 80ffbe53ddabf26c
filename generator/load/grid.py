"""Load: a workbook (``.xlsx``) or a folder of CSV files -> sheets of located cell texts.

Cells are read as the file stores them and never computed: a formula is an error (its text
is kept, so one mistake gives one message), and so is an error value such as ``#REF!``.
A number becomes the text a person would type (``3``, ``1.5``), a date its ISO form. A CSV
text cell that starts with ``'`` had it added so that a spreadsheet would not run it as a
formula (``render/workbook.py``): the mark is taken off again.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Location, Problem
from ..tables import DATA_SHEETS, README, TEXT_MARK

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what the workbook's zip may unpack to
CSV_SEPARATORS = (";", ",")
_KNOWN = {sheet.name: sheet for sheet in (README, *DATA_SHEETS)}


@dataclass(frozen=True)
class Cell:
    text: str  # "" when empty; line ends are "\n"
    location: Location


@dataclass(frozen=True)
class Grid:
    """One sheet's cells, row by row from row 1 (a row may be shorter than others)."""

    name: str  # the sheet of ``tables.py`` it is (for a CSV file: the sheet it stands for)
    rows: tuple[tuple[Cell, ...], ...]
    location: Location  # the sheet as a whole: its cell A1


@dataclass(frozen=True)
class Grids:
    """The sheets read (by name), what is wrong with the file, and how it is shown."""

    grids: dict[str, Grid]
    problems: tuple[Problem, ...]
    path: str
    csv: bool = False  # a folder of CSV files, one per sheet


def read_xlsx(path: Path, shown: str) -> Grids:
    """The sheets of a workbook that ``tables.py`` knows, and what is wrong with the file."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    where = Location(shown)
    try:
        _check_size(path, where)
        workbook = openpyxl.load_workbook(path, data_only=False, keep_links=False)
    except _Unreadable as error:
        return Grids({}, (Problem(where, str(error)),), shown)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        message = f"cannot read the workbook: {error}; expected an .xlsx file"
        return Grids({}, (Problem(where, message),), shown)
    problems: list[Problem] = []
    grids = {}
    for name in _sheets(workbook.sheetnames, where, problems):
        grids[name] = _grid(workbook[name], name, shown, problems)
    return Grids(grids, tuple(problems), shown)


class _Unreadable(Exception):
    """A workbook this loader refuses before opening it."""


def _check_size(path: Path, where: Location) -> None:
    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        raise _Unreadable(f"the workbook is larger than {MAX_WORKBOOK_BYTES // 2**20} MB")
    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise _Unreadable(f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")


def _sheets(names: list[str], where: Location, problems: list[Problem]) -> list[str]:
    """The sheets to read (not the Read me); a name nearly a known one's is reported."""
    known = []
    for name in names:
        if name in _KNOWN:
            if name != README.name and name != README.csv:
                known.append(name)
            continue
        close = difflib.get_close_matches(name, [n for n in _KNOWN if n not in names], 1, 0.75)
        if close:
            message = f"unknown sheet {name!r}: did you mean {close[0]!r}?"
            problems.append(Problem(Location(where.path, sheet=name), message))
    return known


def _grid(sheet: Any, name: str, shown: str, problems: list[Problem]) -> Grid:
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            location = Location(shown, cell.row, cell.column, sheet=name)
            cells.append(Cell(_cell_text(cell, location, problems), location))
        rows.append(tuple(cells))
    return Grid(name, tuple(rows), Location(shown, sheet=name))


def _cell_text(cell: Any, location: Location, problems: list[Problem]) -> str:
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        text = str(getattr(value, "text", None) or value)
        message = (
            f"this cell holds a formula ({text}): formulas are not computed; write the value itself"
        )
        problems.append(Problem(location, message))
        return text
    if cell.data_type == "e":
        problems.append(Problem(location, f"this cell holds the error value {value}"))
        return ""
    return _normalised(_value_text(value))


def _value_text(value: Any) -> str:
    """A cell's value as the text a person would type."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_csv_folder(folder: Path, shown: str) -> Grids:
    """The CSV files of a folder that stand for sheets of ``tables.py``, one per sheet."""
    where = Location(shown)
    if not folder.is_dir():
        return Grids({}, (Problem(where, "expected a folder of CSV files"),), shown, csv=True)
    files = {sheet.csv: sheet.name for sheet in _KNOWN.values()}
    present = sorted(path.name for path in folder.iterdir() if path.suffix == ".csv")
    problems: list[Problem] = []
    grids = {}
    for file_name in present:
        if file_name not in files:
            _unknown_csv(file_name, present, files, where, problems)
            continue
        if file_name == README.csv:
            continue
        name = files[file_name]
        grids[name] = _csv_grid(folder / file_name, name, file_name, shown, problems)
    return Grids(grids, tuple(problems), shown, csv=True)


def _unknown_csv(
    file_name: str,
    present: list[str],
    files: dict[str, str],
    where: Location,
    problems: list[Problem],
) -> None:
    missing = [name for name in files if name not in present]
    close = difflib.get_close_matches(file_name, missing, 1, 0.75)
    if close:
        message = f"unknown file {file_name!r}: did you mean {close[0]!r}?"
        problems.append(Problem(Location(where.path, sheet=file_name), message))


def _csv_grid(path: Path, name: str, file_name: str, shown: str, problems: list[Problem]) -> Grid:
    sheet_location = Location(shown, sheet=file_name)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(sheet_location, "file is not valid UTF-8 text: save it as UTF-8"))
        return Grid(name, (), sheet_location)
    except OSError as error:
        problems.append(Problem(sheet_location, f"cannot read file: {error.strerror}"))
        return Grid(name, (), sheet_location)
    first = text.split("\n", 1)[0]
    separator = max(CSV_SEPARATORS, key=first.count)
    rows = []
    for number, record in enumerate(csv.reader(io.StringIO(text), delimiter=separator), 1):
        rows.append(
            tuple(
                Cell(
                    _normalised(_unmarked(value)),
                    Location(shown, number, column, sheet=file_name),
                )
                for column, value in enumerate(record, 1)
            )
        )
    return Grid(name, tuple(rows), sheet_location)


def _unmarked(value: str) -> str:
    return value.removeprefix(TEXT_MARK)
