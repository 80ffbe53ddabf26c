"""Render: the role × competency matrix: the whole grid for ``matrix.csv``, one grid per family for
the matrix pages.

Columns are the roles in role order, grouped by family; rows are the competencies, grouped
by competency group. A cell holds a role's target level or nothing. A family's grid keeps
only the competencies at least one of its roles needs, so its size follows the family, not
the catalogue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.handbook import Competency, CompetencyGroup, Family, Handbook, Role
from ..model.relations import Relations

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


def matrix_families(handbook: Handbook, relations: Relations) -> tuple[Family, ...]:
    """The families with columns in the matrix, and so with a matrix page: those with roles."""
    return tuple(f for f in handbook.families if relations.roles_by_family[f.id])


def build_matrix(handbook: Handbook, relations: Relations) -> Matrix:
    """The grid of every role's targets; families without roles get no columns."""
    column_groups = tuple(
        ColumnGroup(family, relations.roles_by_family[family.id])
        for family in matrix_families(handbook, relations)
    )
    return _grid(handbook, relations, column_groups, needed_only=False)


def build_family_matrix(handbook: Handbook, relations: Relations, family: Family) -> Matrix:
    """The grid of one family's roles, with only the competencies one of them needs.

    Competency groups without such a competency are left out.
    """
    column_groups = (ColumnGroup(family, relations.roles_by_family[family.id]),)
    return _grid(handbook, relations, column_groups, needed_only=True)


def legend(handbook: Handbook) -> tuple[LegendEntry, ...]:
    """Each level of the scale with its label and shade."""
    maximum = handbook.scale.maximum
    return tuple(
        LegendEntry(level.value, level.label, heat(level.value, maximum))
        for level in handbook.scale.levels
    )


def _grid(
    handbook: Handbook,
    relations: Relations,
    column_groups: tuple[ColumnGroup, ...],
    *,
    needed_only: bool,
) -> Matrix:
    roles = [role for group in column_groups for role in group.roles]
    targets = [relations.targets(role) for role in roles]
    maximum = handbook.scale.maximum
    cells = {lv: Cell(lv, heat(lv, maximum)) for lv in (None, *range(1, maximum + 1))}
    row_groups = []
    for group in handbook.groups:
        rows = []
        for competency in group.competencies:
            levels = [target.get(competency.id) for target in targets]
            if needed_only and levels.count(None) == len(levels):
                continue
            rows.append(Row(competency, tuple(map(cells.__getitem__, levels))))
        if rows or not needed_only:
            row_groups.append(RowGroup(group, tuple(rows)))
    return Matrix(column_groups, tuple(row_groups), legend(handbook))
