"""Downloads beside the pages: ``catalogue.json`` (the whole catalogue) and ``matrix.csv``.

``catalogue.json`` mirrors the catalogue format (same field names; absent optional fields
left out), lists in catalogue order but ``roles`` in the handbook's role order (family order
of handbook.yaml, then rank, then title, then id: ``Relations.roles_in_order``, which the
sheets' "compare with" list keeps as it is), object keys sorted, text exactly as written.
``matrix.csv`` is the role × competency matrix for spreadsheets: UTF-8 with a byte order mark
(so Excel reads umlauts), ``;`` as separator in German (Excel's default there), ``,`` in
English, and every text cell that a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .i18n import STRINGS
from .matrix import Matrix, build_matrix
from .model import CareerPath, CompetencyGroup, Handbook, Role, Salary
from .relations import Relations

CATALOGUE_JSON = "catalogue.json"
MATRIX_CSV = "matrix.csv"
# A text cell starting with one of these runs as a formula in a spreadsheet; FORMULA_PREFIX
# before it keeps it text. The sheets' CSV export reads both from the page (generator/sheets.py).
FORMULA_START = "=+-@\t\r"
FORMULA_PREFIX = "'"


def export_files(handbook: Handbook, relations: Relations) -> dict[str, str]:
    """Relative path -> text of every download file."""
    return {
        CATALOGUE_JSON: catalogue_json(handbook, relations),
        MATRIX_CSV: matrix_csv(handbook, build_matrix(handbook, relations)),
    }


def catalogue_json(handbook: Handbook, relations: Relations | None = None) -> str:
    roles = (relations or Relations(handbook)).roles_in_order
    data = _prune(
        {
            "title": handbook.title,
            "organisation": handbook.organisation,
            "language": handbook.language,
            "version": handbook.version,
            "scale": [{"level": s.value, "label": s.label} for s in handbook.scale.levels],
            "families": [
                {"id": f.id, "name": f.name, "description": f.description}
                for f in handbook.families
            ],
            "competency_groups": [_group(g) for g in handbook.groups],
            "roles": [_role(r) for r in roles],
            "paths": [_path(p) for p in handbook.paths],
        }
    )
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
                "indicators": list(c.indicators),
                "levels": {str(a.level): a.text for a in c.anchors} or None,
            }
            for c in group.competencies
        ],
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
        "competencies": {t.competency_id: t.level for t in role.targets},
    }


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
    t = STRINGS[handbook.language]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if handbook.language == "de" else ",")
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
