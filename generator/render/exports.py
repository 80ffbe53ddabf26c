"""Render: the downloads beside the pages, ``catalogue.json`` and ``matrix.csv``.

``catalogue.json`` mirrors the catalogue format (same field names; absent optional fields
left out), lists in catalogue order (roles in the handbook's role order: by family, then
rank, then title), object keys sorted, text exactly as written. The sheets' script reads it
for "compare with" and keeps that order.
``matrix.csv`` is the role × competency matrix for spreadsheets: UTF-8 with a byte order mark
(so Excel reads umlauts), ``;`` as separator in German (Excel's default there), ``,`` in
English, and every text cell that a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model.handbook import (
    NOUNS,
    Acceptance,
    CareerPath,
    CompetencyGroup,
    Handbook,
    Role,
    Salary,
    Target,
)
from ..model.relations import Relations
from .matrix import Matrix, build_matrix
from .urls import CATALOGUE_JSON, MATRIX_CSV
from .words import Words

CSV_SEPARATOR = {"de": ";", "en": ","}  # what spreadsheet programs expect in each locale
FORMULA_START = "=+-@\t\r"  # a text cell starting so would run as a formula: prefixed
FORMULA_PREFIX = "'"


def export_files(handbook: Handbook, relations: Relations) -> dict[str, str]:
    """Relative path -> text of every download file."""
    return {
        CATALOGUE_JSON: catalogue_json(handbook, relations),
        MATRIX_CSV: matrix_csv(handbook, build_matrix(handbook, relations)),
    }


def csv_rules(language: str) -> dict[str, str]:
    """How CSV files of this language are written, for the sheets' script to follow."""
    return {
        "separator": CSV_SEPARATOR[language],
        "formula_start": FORMULA_START,
        "prefix": FORMULA_PREFIX,
    }


def catalogue_json(handbook: Handbook, relations: Relations) -> str:
    data = _prune(
        {
            "title": handbook.title,
            "organisation": handbook.organisation,
            "language": handbook.language,
            "version": handbook.version,
            "scale": [
                {"level": s.value, "label": s.label, "description": s.description}
                for s in handbook.scale.levels
            ],
            "terms": {
                noun: list(words)
                for noun in NOUNS
                if (words := getattr(handbook.terms, noun)) is not None
            }
            or None,
            "families": [
                {"id": f.id, "name": f.name, "description": f.description}
                for f in handbook.families
            ],
            "competency_groups": [_group(g) for g in handbook.groups],
            "roles": [_role(r) for r in relations.roles_in_order],
            "paths": [_path(p) for p in handbook.paths],
            "pages": [
                {
                    "id": p.id,
                    "title": p.title,
                    "rank": p.rank,
                    "body": p.body,
                    "accept": _accepted(p.accepted),
                }
                for p in handbook.pages
            ]
            or None,
            "accept": _accepted(handbook.accepted),
        }
    )
    # Compact: json's C encoder does not indent, and the file is data for scripts and tools.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _group(group: CompetencyGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "rank": group.rank,
        "description": group.description,
        "competencies": [
            {
                "id": c.id,
                "name": c.name,
                "summary": c.summary,
                "indicators": list(c.indicators) or None,
                "levels": {str(a.level): a.text for a in c.anchors} or None,
            }
            for c in group.competencies
        ],
        "accept": _accepted(group.accepted),
    }


def _role(role: Role) -> dict[str, Any]:
    requirements = role.requirements
    return {
        "id": role.id,
        "title": role.title,
        "family": role.family_id,
        "rank": role.rank,
        "synonyms": list(role.synonyms) or None,
        "summary": role.summary,
        "description": role.description,
        "responsibilities": list(role.responsibilities) or None,
        "requirements": None
        if requirements.is_empty
        else {
            "education": list(requirements.education) or None,
            "experience_years": requirements.experience_years,
            "previous_roles": list(requirements.previous_roles) or None,
            "skills": list(requirements.skills) or None,
            "tools": list(requirements.tools) or None,
        },
        "salary": _salary(role.salary) if role.salary else None,
        "reports_to": role.reports_to,
        "competencies": {t.competency_id: _target(t) for t in role.targets},
        "accept": _accepted(role.accepted),
    }


def _target(target: Target) -> int | dict[str, Any]:
    """A level, or the level with the role's words, as the catalogue has it."""
    if target.expects is None:
        return target.level
    return {"level": target.level, "expects": target.expects}


def _accepted(entries: tuple[Acceptance, ...]) -> list[dict[str, Any]] | None:
    return [
        {
            "warning": a.warning,
            "competency": list(a.competencies) or None,
            "role": list(a.roles) or None,
            "reason": a.reason,
        }
        for a in entries
    ] or None


def _salary(salary: Salary) -> dict[str, Any]:
    return {
        "amount": _number(salary.amount),
        "min": _number(salary.minimum),
        "max": _number(salary.maximum),
        "currency": salary.currency,
        "period": salary.period,
        "note": salary.note,
    }


def _path(path: CareerPath) -> dict[str, Any]:
    return {
        "id": path.id,
        "title": path.title,
        "description": path.description,
        "steps": [
            {"role": s.role_id, "typical_years": _number(s.typical_years), "note": s.note}
            for s in path.steps
        ],
        "accept": _accepted(path.accepted),
    }


def _number(value: float | None) -> float | int | None:
    """Whole numbers as integers (``91500``, not ``91500.0``)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _prune(value: Any) -> Any:
    """Leave out absent optional fields (``None``), as a catalogue author would."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    return value


def matrix_csv(handbook: Handbook, matrix: Matrix) -> str:
    t = Words(handbook).t
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR[handbook.language])
    writer.writerow(
        [neutralise(t["competency_group"]), neutralise(t["competency"])]
        + [neutralise(role.title) for role in matrix.roles]
    )
    for row_group in matrix.row_groups:
        for row in row_group.rows:
            writer.writerow(
                [neutralise(row_group.group.name), neutralise(row.competency.name)]
                + ["" if cell.level is None else str(cell.level) for cell in row.cells]
            )
    return "\ufeff" + buffer.getvalue()


def neutralise(cell: str) -> str:
    """A text cell that starts like a formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``."""
    return FORMULA_PREFIX + cell if cell.startswith(tuple(FORMULA_START)) else cell
