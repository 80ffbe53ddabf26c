"""Load: a sheet's rows by column name, and its cells as the located nodes of ``tree.py``.

Row 1 names the columns; a column this sheet does not have is reported (with a "did you
mean"), as are a column named twice and a row with values but no key. A cell becomes a
``Scalar`` with the cell as its location: empty is nothing (like ``title:`` in YAML), any
other text is the text as written, and a list cell (one item per line) a ``Sequence``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .. import errors
from ..errors import Location, Problem, closest
from ..tables import Holds, Sheet
from .grid import Cell, Grid
from .tree import Mapping, Node, Scalar, Sequence


@dataclass(frozen=True)
class Row:
    """One row of a sheet: its cells by column name, and the columns that follow the
    catalogue (``level 3``, a role's id in Targets) in ``extra``."""

    cells: dict[str, Cell]
    extra: dict[str, Cell]
    key: Cell  # the cell of the sheet's key column
    number: int

    def cell(self, name: str) -> Cell:
        """The cell of column ``name``; an empty one where the sheet has no such column."""
        return self.cells.get(name) or Cell("", self.key.location)

    def text(self, name: str) -> str:
        return self.cell(name).text


def rows(
    grid: Grid | None,
    sheet: Sheet,
    problems: list[Problem],
    *,
    extra: Callable[[str], object] = lambda name: False,
    skip: Callable[[Row], bool] = lambda row: False,
) -> list[Row]:
    """The rows of ``grid`` below its header that hold anything; [] without the key column.

    ``extra`` tells which other column names belong to the sheet; ``skip`` passes over rows
    that are for reading only.
    """
    if grid is None or not grid.rows:
        return []
    columns, extras = _header(grid, sheet, problems, extra)
    if sheet.key not in columns:
        expected = ", ".join(sheet.names)
        message = f"no column {sheet.key!r} in row 1: expected the columns {expected}"
        problems.append(Problem(grid.location, message))
        return []
    found = []
    for number, cells in enumerate(grid.rows[1:], 2):
        if not any(cell.text for cell in cells):
            continue
        row = Row(
            {name: _at(cells, index, number, grid) for name, index in columns.items()},
            {name: _at(cells, index, number, grid) for name, index in extras.items()},
            _at(cells, columns[sheet.key], number, grid),
            number,
        )
        if skip(row):
            continue
        if not row.key.text:
            message = f"this row has values but no {sheet.key!r}: fill it in, or empty the row"
            problems.append(Problem(row.key.location, message))
            continue
        found.append(row)
    return found


def _header(
    grid: Grid, sheet: Sheet, problems: list[Problem], extra: Callable[[str], object]
) -> tuple[dict[str, int], dict[str, int]]:
    columns: dict[str, int] = {}
    extras: dict[str, int] = {}
    for index, cell in enumerate(grid.rows[0]):
        name = cell.text
        if not name:
            if any(len(row) > index and row[index].text for row in grid.rows[1:]):
                message = "this column has values but no name in row 1"
                problems.append(Problem(cell.location, message))
            continue
        if name in columns or name in extras:
            problems.append(Problem(cell.location, f"column {name!r} is there twice"))
        elif name in sheet.names:
            columns[name] = index
        elif extra(name):
            extras[name] = index
        else:
            problems.append(Problem(cell.location, _unknown_column(name, sheet)))
    return columns, extras


def _unknown_column(name: str, sheet: Sheet) -> str:
    close = closest(name, sheet.names)
    if close:
        return f"unknown column {name!r}: did you mean {close!r}?"
    return f"unknown column {name!r}: expected one of " + ", ".join(sheet.names)


def _at(cells: tuple[Cell, ...], index: int, number: int, grid: Grid) -> Cell:
    """The cell at ``index`` of a row; an empty one where the row ends before it."""
    if index < len(cells):
        return cells[index]
    return Cell("", replace(grid.location, line=number, column=index + 1))


def located(cell: Cell, part: str) -> Location:
    """The cell's location, as belonging to the catalogue file ``part``."""
    return replace(cell.location, part=part)


def scalar(cell: Cell, part: str, text: str | None = None) -> Scalar:
    """A cell as a scalar: empty is nothing, anything else the text as written."""
    value = cell.text if text is None else text
    location = located(cell, part)
    node = Scalar(value, True, location)
    return Scalar(value, False, location) if value and node.is_null else node


def node(cell: Cell, holds: Holds, part: str) -> Node:
    """A cell as the node its column holds: a list cell is one item per line."""
    if holds is not Holds.LIST or not cell.text:
        return scalar(cell, part)
    items = [line.strip() for line in cell.text.split("\n") if line.strip()]
    return Sequence(tuple(scalar(cell, part, item) for item in items), located(cell, part))


def key(name: str, cell: Cell, part: str) -> Scalar:
    return Scalar(name, True, located(cell, part))


def is_nothing(value: Node) -> bool:
    return isinstance(value, Scalar) and value.is_null


def fields(row: Row, sheet: Sheet, names: Iterable[str], part: str) -> list[tuple[Scalar, Node]]:
    """Mapping entries of a row's columns; ``salary.min`` goes into a ``salary`` mapping,
    which is left out when all its cells are empty."""
    entries: list[tuple[Scalar, Node]] = []
    nested: dict[str, list[tuple[Scalar, Node]]] = {}
    for name in names:
        if name not in row.cells:
            continue  # the sheet has no such column: the field is absent
        cell = row.cells[name]
        value = node(cell, sheet.column(name).holds, part)
        outer, _, inner = name.partition(".")
        if inner:
            nested.setdefault(outer, []).append((key(inner, cell, part), value))
        else:
            entries.append((key(name, cell, part), value))
    for outer, inner_entries in nested.items():
        filled = [value for _, value in inner_entries if not is_nothing(value)]
        if filled:
            where_ = filled[0].location
            entries.append((Scalar(outer, True, where_), Mapping(tuple(inner_entries), where_)))
    return entries


def mapping(entries: Iterable[tuple[Scalar, Node]], location: Location) -> Mapping:
    return Mapping(tuple(entries), location)


def unknown(what: str, word: str, known: Iterable[str]) -> str:
    """``unknown role 'x': did you mean 'y'?`` for a reference between sheets."""
    return errors.unknown(what, word, known, listing=False)
