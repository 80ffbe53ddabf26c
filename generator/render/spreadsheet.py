"""Render: the catalogue's tables (``workbook.py``) as an ``.xlsx`` workbook or CSV files.

The workbook is made for people: a bold header row that stays on screen (and the first
columns where rows are long), column widths, wrapped text where cells hold lists or Markdown,
drop-downs wherever a cell takes an id of another sheet, a level or a fixed word, and the
matrix of targets shaded by level. Text is always stored as text, never as a formula: a cell
that starts like one (``=``, ``+``, ``-``, ``@``) is marked as text, as Excel's leading
apostrophe does. CSV files follow ``matrix.csv`` (UTF-8 with a byte order mark, ``;`` in
German, ``,`` in English) and prefix such text with ``'``, which the loader takes off.

The same catalogue gives the same bytes: no timestamps in the workbook.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from typing import Any

from ..contract import LANGUAGES
from ..errors import SpreadsheetError, column_letters
from ..tables import (
    COMPETENCIES,
    FAMILIES,
    GROUPS,
    HANDBOOK,
    HANDBOOK_FIELDS,
    PATHS,
    README,
    ROLES,
    SCALE,
    Holds,
    Sheet,
)
from .exports import CSV_SEPARATOR, FORMULA_PREFIX, FORMULA_START
from .workbook import Table, Value

VALIDATED_ROWS = 1000  # drop-downs reach this many rows below the last one, for new rows
REFERRED = {"family": FAMILIES, "group": GROUPS, "competency": COMPETENCIES, "role": ROLES,
            "path": PATHS}  # fmt: skip
HEADER_FILL = "DDE4EE"
SHADE_LOW, SHADE_HIGH = "FFFFFF", "7FA7D1"
MAX_CELL_CHARACTERS = 32767  # what a cell of Excel holds
README_LINE_HEIGHT = 15  # points: a line of the Read me's introduction
_TIMESTAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def csv_files(tables: tuple[Table, ...], language: str) -> dict[str, bytes]:
    """File name -> content of every sheet as a CSV file."""
    return {table.sheet.csv: _csv(table, CSV_SEPARATOR[language]) for table in tables}


def _csv(table: Table, separator: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([protect(column.name) for column in table.columns])
    for row in table.rows:
        writer.writerow(["" if value is None else _csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_value(value: Value) -> str:
    if isinstance(value, str):
        return protect(value)
    return number_text(value)


def protect(text: str) -> str:
    """A text a spreadsheet would run as a formula gets a leading ``'`` (``exports.neutralise``),
    and so does a text that has one already, so that the loader takes off only what we add."""
    return FORMULA_PREFIX + text if text.startswith((*FORMULA_START, FORMULA_PREFIX)) else text


def number_text(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def xlsx(tables: tuple[Table, ...], levels: int) -> bytes:
    """The tables as an ``.xlsx`` workbook; ``levels`` is the size of the scale."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "competency-handbook"
    sizes = {table.sheet.name: len(table.rows) for table in tables}
    for table in tables:
        sheet = workbook.create_sheet(table.sheet.name)
        try:
            _fill(sheet, table)
        except IllegalCharacterError as error:
            raise SpreadsheetError(
                f"sheet {table.sheet.name!r}: a text holds a control character that a "
                "workbook cannot store"
            ) from error
        _layout(sheet, table)
        _validate(sheet, table, sizes, levels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _without_timestamps(buffer.getvalue())


def _fill(sheet: Any, table: Table) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    wrapped = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    wraps = [c.holds in (Holds.MARKDOWN, Holds.LIST) or c.width >= 50 for c in table.columns]
    header_rows = 0 if table.sheet is README else 1
    for index, column in enumerate(table.columns, 1):
        if header_rows:
            cell = _put(sheet, 1, index, column.name)
            cell.font, cell.fill = bold, fill
    for number, row in enumerate(table.rows, header_rows + 1):
        for index, value in enumerate(row, 1):
            if value is None:
                continue
            cell = _put(sheet, number, index, value)
            cell.alignment = wrapped if wraps[index - 1] or table.sheet is README else top
    if table.frozen_rows == 2:  # the Targets' titles: for reading
        for index in range(1, len(table.columns) + 1):
            sheet.cell(row=2, column=index).font = Font(italic=True)


def _put(sheet: Any, row: int, column: int, value: Value) -> Any:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARACTERS:
            raise SpreadsheetError(
                f"sheet {sheet.title!r}, cell {cell.coordinate}: a text of {len(value)} "
                f"characters is longer than a cell holds ({MAX_CELL_CHARACTERS})"
            )
        cell.data_type = "s"  # text, never a formula
        if value.startswith(tuple(FORMULA_START)):
            cell.quotePrefix = True  # Excel and LibreOffice keep it text when it is edited
    return cell


def _layout(sheet: Any, table: Table) -> None:
    for index, column in enumerate(table.columns, 1):
        sheet.column_dimensions[column_letters(index)].width = column.width
    if table.sheet is README:
        _readme(sheet, table)
        return
    frozen = f"{column_letters(table.frozen_columns + 1)}{table.frozen_rows + 1}"
    sheet.freeze_panes = frozen


def _readme(sheet: Any, table: Table) -> None:
    """The Read me: its introduction across the sheet's width, a title, a table's header."""
    from openpyxl.styles import Font, PatternFill

    width = sum(column.width for column in table.columns)
    intro = next(n for n, row in enumerate(table.rows) if not any(row))  # the empty row
    for number, (text, *_) in enumerate(table.rows[:intro], 1):
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=3)
        lines = -(-len(str(text)) // width)  # rounded up
        sheet.row_dimensions[number].height = README_LINE_HEIGHT * lines + 4
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    header = intro + 2
    for column in range(1, len(table.columns) + 1):
        cell = sheet.cell(row=header, column=column)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for number, row in enumerate(table.rows[intro + 2 :], header + 1):
        if not row[1]:  # a sheet's own row, above its columns
            sheet.cell(row=number, column=1).font = Font(bold=True)


def _validate(sheet: Any, table: Table, sizes: dict[str, int], levels: int) -> None:
    """Drop-downs: ids of the sheet a column refers to, fixed words, levels of the scale."""
    from openpyxl.worksheet.datavalidation import DataValidation

    first = table.frozen_rows + 1
    last = first + len(table.rows) + VALIDATED_ROWS
    level_list = '"' + ",".join(str(n) for n in range(1, levels + 1)) + '"'
    level_columns = []
    for index, column in enumerate(table.columns, 1):
        formula = None
        if column.refers:
            formula = _id_range(REFERRED[column.refers], sizes)
        elif column.choices:
            formula = '"' + ",".join(column.choices) + '"'
        elif column.holds is Holds.LEVEL and table.sheet is not SCALE:
            formula = level_list
            level_columns.append(index)
        if formula is not None:
            letter = column_letters(index)
            validation = DataValidation(
                type="list", formula1=formula, allow_blank=True, errorStyle="warning"
            )
            validation.add(f"{letter}{first}:{letter}{last}")
            sheet.add_data_validation(validation)
    if table.sheet is HANDBOOK:
        validation = DataValidation(type="list", formula1=f'"{",".join(LANGUAGES)}"')
        validation.add(f"B{HANDBOOK_FIELDS.index('language') + 2}")  # the language's row
        sheet.add_data_validation(validation)
    if level_columns:
        _shade(sheet, level_columns, first, first + len(table.rows), levels)


def _id_range(sheet: Sheet, sizes: dict[str, int]) -> str:
    letter = column_letters(sheet.names.index("id") + 1)
    last = 1 + sizes.get(sheet.name, 0) + VALIDATED_ROWS
    return f"'{sheet.name}'!${letter}$2:${letter}${last}"


def _shade(sheet: Any, columns: list[int], first: int, last: int, levels: int) -> None:
    """The matrix of targets shaded by level, from white to blue."""
    from openpyxl.formatting.rule import ColorScaleRule

    rule = ColorScaleRule(  # type: ignore[no-untyped-call]
        start_type="num", start_value=1, start_color=SHADE_LOW,
        end_type="num", end_value=levels, end_color=SHADE_HIGH,
    )  # fmt: skip
    cells = f"{column_letters(columns[0])}{first}:{column_letters(columns[-1])}{max(first, last)}"
    sheet.conditional_formatting.add(cells, rule)


def _without_timestamps(data: bytes) -> bytes:
    """The same workbook with no time in it: the same catalogue gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _TIMESTAMP.sub(b"", content)
            target.writestr(
                zipfile.ZipInfo(info.filename, _FIXED_TIME), content, zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()
