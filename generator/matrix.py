"""The role × competency matrix: one grid for the matrix page and for ``matrix.csv``.

Columns are the roles in role order, grouped by family; rows are the competencies, grouped
by competency group. A cell holds a role's target level or nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Competency, CompetencyGroup, Family, Handbook, Role
from .relations import Relations

HEAT_STEPS = 10  # cells are shaded in tenths of the scale, so every level has its own shade


@dataclass(frozen=True)
class ColumnGroup:
    family: Family
    roles: tuple[Role, ...]

    @property
    def span(self) -> int:
        return len(self.roles)


@dataclass(frozen=True)
class Cell:
    level: int | None
    heat: int  # 0 (no target), else 1 .. HEAT_STEPS (the top of the scale)


@dataclass(frozen=True)
class Row:
    competency: Competency
    cells: tuple[Cell, ...]  # one per role, in column order


@dataclass(frozen=True)
class RowGroup:
    group: CompetencyGroup
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class LegendEntry:
    level: int
    label: str | None
    heat: int


@dataclass(frozen=True)
class Matrix:
    column_groups: tuple[ColumnGroup, ...]
    row_groups: tuple[RowGroup, ...]
    legend: tuple[LegendEntry, ...]

    @property
    def roles(self) -> tuple[Role, ...]:
        return tuple(role for group in self.column_groups for role in group.roles)

    @property
    def width(self) -> int:
        """Columns of the table: the competency column and one per role."""
        return 1 + len(self.roles)


def heat(level: int | None, maximum: int) -> int:
    """Shade of a level in tenths of the scale: level 3 of 5 -> 6; no target -> 0.

    Scales have at most 10 levels, so different levels never share a shade.
    """
    if level is None:
        return 0
    return math.floor(level * HEAT_STEPS / maximum + 0.5)


def build_matrix(handbook: Handbook, relations: Relations) -> Matrix:
    """The grid of every role's targets; families without roles get no columns."""
    column_groups = tuple(
        ColumnGroup(family, relations.roles_by_family[family.id])
        for family in handbook.families
        if relations.roles_by_family[family.id]
    )
    roles = [role for group in column_groups for role in group.roles]
    maximum = handbook.scale.maximum
    row_groups = []
    for group in handbook.groups:
        rows = []
        for competency in group.competencies:
            levels = [relations.targets(role).get(competency.id) for role in roles]
            rows.append(Row(competency, tuple(Cell(lv, heat(lv, maximum)) for lv in levels)))
        row_groups.append(RowGroup(group, tuple(rows)))
    legend = tuple(
        LegendEntry(level.value, level.label, heat(level.value, maximum))
        for level in handbook.scale.levels
    )
    return Matrix(column_groups, tuple(row_groups), legend)
