"""Render: the catalogue as tables: a sheet per kind of thing (``tables.py``), each a header
and rows of values, ready to be written as a workbook or as CSV files (``spreadsheet.py``).

Everything of the catalogue's YAML files is there, so ``load/workbook.py`` reads back the
same catalogue: settings, scale, terms, families, groups and competencies (with their level
texts), roles with every field, targets as the role × competency matrix, expectations, paths
with their steps, and accepted warnings. Rows keep the catalogue's order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model.handbook import NOUNS, Acceptance, Handbook, Role
from ..model.relations import Relations
from ..tables import (
    ACCEPT,
    COMPETENCIES,
    EXPECTATIONS,
    FAMILIES,
    GROUPS,
    HANDBOOK,
    HANDBOOK_FIELDS,
    HANDBOOK_FILE,
    LEVEL_COLUMN,
    PATHS,
    README,
    ROLES,
    SCALE,
    STEPS,
    TARGETS,
    TERMS,
    Column,
    Holds,
    Sheet,
    catalogue_file,
)
from .workbook_readme import readme_rows

Value = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One sheet as written: its columns (those of ``tables.py``, and the ones that follow
    the catalogue), rows of values below the header, and how many rows stay on screen."""

    sheet: Sheet
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    frozen_rows: int = 1
    frozen_columns: int = 0


def tables(handbook: Handbook, relations: Relations, file_name: str) -> tuple[Table, ...]:
    """Every sheet of the workbook, the Read me first; ``file_name`` is named in it."""
    roles = relations.roles_in_order
    readme = readme_rows(handbook.language, handbook.title, file_name)
    return (
        Table(README, README.columns, tuple(readme), frozen_rows=0),
        Table(HANDBOOK, HANDBOOK.columns, _settings(handbook)),
        Table(SCALE, SCALE.columns, _scale(handbook)),
        Table(TERMS, TERMS.columns, _terms(handbook)),
        Table(
            FAMILIES,
            FAMILIES.columns,
            tuple((f.id, f.name, f.description) for f in handbook.families),
        ),
        Table(
            GROUPS,
            GROUPS.columns,
            tuple((g.id, g.name, g.rank, g.description) for g in handbook.groups),
        ),
        _competencies(handbook),
        Table(ROLES, ROLES.columns, tuple(_role(role) for role in roles), frozen_columns=2),
        _targets(handbook, roles),
        Table(EXPECTATIONS, EXPECTATIONS.columns, tuple(_expectations(handbook, roles))),
        Table(PATHS, PATHS.columns, tuple((p.id, p.title, p.description) for p in handbook.paths)),
        Table(STEPS, STEPS.columns, tuple(_steps(handbook))),
        Table(ACCEPT, ACCEPT.columns, tuple(_accepted(handbook))),
    )


def _settings(handbook: Handbook) -> tuple[tuple[Value, ...], ...]:
    values = (handbook.title, handbook.organisation, handbook.language, handbook.version)
    return tuple(zip(HANDBOOK_FIELDS, values, strict=True))


def _scale(handbook: Handbook) -> tuple[tuple[Value, ...], ...]:
    return tuple((s.value, s.label, s.description) for s in handbook.scale.levels)


def _terms(handbook: Handbook) -> tuple[tuple[Value, ...], ...]:
    rows: list[tuple[Value, ...]] = []
    for noun in NOUNS:
        words = getattr(handbook.terms, noun)
        rows.append((noun, *(words or (None, None))))
    return tuple(rows)


def _lines(items: tuple[str, ...]) -> str | None:
    """A list as the lines of one cell. An item written over several lines in YAML (plain
    text, which pages show as one line) becomes one line: a cell holds an item per line."""
    return "\n".join(" ".join(item.split()) for item in items) or None


def _competencies(handbook: Handbook) -> Table:
    levels = [level.value for level in handbook.scale.levels]
    level_columns = tuple(Column(LEVEL_COLUMN.format(n), Holds.MARKDOWN, 40) for n in levels)
    rows = tuple(
        (
            group.id,
            competency.id,
            competency.name,
            competency.summary,
            _lines(competency.indicators),
            *(competency.level_text(n) for n in levels),
        )
        for group in handbook.groups
        for competency in group.competencies
    )
    return Table(COMPETENCIES, COMPETENCIES.columns + level_columns, rows, frozen_columns=2)


def _role(role: Role) -> tuple[Value, ...]:
    requirements, salary = role.requirements, role.salary
    return (
        role.id,
        role.title,
        role.family_id,
        role.rank,
        _lines(role.synonyms),
        role.summary,
        role.description,
        _lines(role.responsibilities),
        _lines(requirements.education),
        requirements.experience_years,
        _lines(requirements.previous_roles),
        _lines(requirements.skills),
        _lines(requirements.tools),
        *(
            (salary.amount, salary.minimum, salary.maximum, salary.currency, salary.period)
            if salary
            else (None,) * 5
        ),
        salary.note if salary else None,
        role.reports_to,
    )


def _targets(handbook: Handbook, roles: tuple[Role, ...]) -> Table:
    role_columns = tuple(Column(role.id, Holds.LEVEL, max(8, len(role.id) + 2)) for role in roles)
    titles: tuple[Value, ...] = (None, None, *(role.title for role in roles))
    rows = tuple(
        (
            competency.id,
            competency.name,
            *(_level(role, competency.id) for role in roles),
        )
        for competency in handbook.competencies
    )
    return Table(
        TARGETS, TARGETS.columns + role_columns, (titles, *rows), frozen_rows=2, frozen_columns=2
    )


def _level(role: Role, competency_id: str) -> int | None:
    target = role.target(competency_id)
    return target.level if target else None


def _expectations(handbook: Handbook, roles: tuple[Role, ...]) -> Iterator[tuple[Value, ...]]:
    for role in roles:
        for competency in handbook.competencies:
            target = role.target(competency.id)
            if target is not None and target.expects is not None:
                yield role.id, competency.id, target.expects


def _steps(handbook: Handbook) -> Iterator[tuple[Value, ...]]:
    for path in handbook.paths:
        for step in path.steps:
            yield path.id, step.role_id, step.typical_years, step.note


def _accepted(handbook: Handbook) -> Iterator[tuple[Value, ...]]:
    files: list[tuple[str, tuple[Acceptance, ...]]] = [(HANDBOOK_FILE, handbook.accepted)]
    files += [(catalogue_file("group", g.id), g.accepted) for g in handbook.groups]
    files += [(catalogue_file("role", r.id), r.accepted) for r in handbook.roles]
    files += [(catalogue_file("path", p.id), p.accepted) for p in handbook.paths]
    for file, entries in files:
        for entry in entries:
            yield (
                file,
                entry.warning,
                _lines(entry.competencies),
                _lines(entry.roles),
                entry.reason,
            )
