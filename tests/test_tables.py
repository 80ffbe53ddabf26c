"""The catalogue as tables (generator/tables.py): every field of the catalogue has a column."""

from __future__ import annotations

from typing import Any

import pytest

from generator.check.schema import ACCEPT, SPECS
from generator.check.spec import Either, ListOf, MapOf, Record
from generator.render.exports import FORMULA_PREFIX
from generator.tables import (
    ACCEPT as ACCEPT_SHEET,
)
from generator.tables import (
    COMPETENCIES,
    DATA_SHEETS,
    EXPECTATIONS,
    FAMILIES,
    GROUPS,
    HANDBOOK_FIELDS,
    PATHS,
    ROLES,
    SCALE,
    SHEETS,
    STEPS,
    TERMS,
    TEXT_MARK,
    catalogue_file,
)


def _fields(spec: Any, prefix: str = "") -> set[str]:
    """Every leaf field of a record, nested ones as ``outer.inner``."""
    names = set()
    for name, field in spec.fields.items():
        inner = field.spec
        if isinstance(inner, Record):
            names |= _fields(inner, f"{prefix}{name}.")
        else:
            names.add(prefix + name)
    return names


def _item(spec: Any) -> Record:
    """The record inside a list, a map or a long form."""
    while not isinstance(spec, Record):
        spec = spec.item if isinstance(spec, ListOf) else spec.long
    return spec


HANDBOOK = SPECS["handbook"]
ELSEWHERE = {"scale", "families", "terms", "accept", "competencies", "steps"}  # own sheets


@pytest.mark.parametrize(
    ("sheet", "spec", "besides"),
    [
        (ROLES, SPECS["role"], {"id"}),
        (GROUPS, SPECS["group"], {"id"}),
        (PATHS, SPECS["path"], {"id"}),
        (COMPETENCIES, _item(SPECS["group"].fields["competencies"].spec), {"group"}),
        (FAMILIES, _item(HANDBOOK.fields["families"].spec), set()),
        (STEPS, _item(SPECS["path"].fields["steps"].spec), {"path"}),
        (ACCEPT_SHEET, _item(ACCEPT), {"file"}),
    ],
    ids=lambda value: getattr(value, "name", ""),
)
def test_every_field_has_a_column(sheet: Any, spec: Record, besides: set[str]) -> None:
    """Assert that each field of a file kind has its column, and no column is made up
    (a field added to the schema fails here until the workbook has it too)."""
    fields = _fields(spec) - ELSEWHERE - {"levels"}  # level texts: a column per level
    assert set(sheet.names) - besides == fields


def test_handbook_settings_scale_and_terms_cover_handbook_yaml() -> None:
    """Assert that the Handbook sheet's rows, the Scale and the Terms sheet hold every field
    of handbook.yaml that has no sheet of its own."""
    assert set(HANDBOOK_FIELDS) == set(HANDBOOK.fields) - ELSEWHERE
    scale = HANDBOOK.fields["scale"].spec
    assert isinstance(scale, MapOf) and isinstance(scale.value, Either)
    assert set(SCALE.names) == {"level", *_fields(scale.value.long)}
    assert set(TERMS.column("noun").choices) == set(_fields(HANDBOOK.fields["terms"].spec))


def test_expectations_hold_the_long_form_of_a_target() -> None:
    """Assert that a target's long form (level and expects) is Targets plus Expectations."""
    target = SPECS["role"].fields["competencies"].spec
    assert isinstance(target, MapOf)
    assert _fields(target.value.long) == {"level", "expects"}  # type: ignore[attr-defined]
    assert "expects" in EXPECTATIONS.names


def test_sheet_and_file_names_are_distinct() -> None:
    """Assert that no two sheets share a name or a CSV file."""
    assert len({s.name for s in SHEETS}) == len({s.csv for s in SHEETS}) == len(SHEETS)
    assert SHEETS[0].name == "Read me" and SHEETS[0] not in DATA_SHEETS
    assert ACCEPT_SHEET.csv == "accepted-warnings.csv"


def test_the_csv_text_mark_is_the_one_exports_add() -> None:
    """Assert that the loader takes off the very mark matrix.csv and the CSV export add."""
    assert TEXT_MARK == FORMULA_PREFIX


def test_catalogue_files_follow_the_layout() -> None:
    """Assert that documents are named as the catalogue's files."""
    assert catalogue_file("handbook", "handbook") == "handbook.yaml"
    assert catalogue_file("group", "craft") == "competencies/craft.yaml"
    assert catalogue_file("role", "a") == "roles/a.yaml"
    assert catalogue_file("path", "p") == "paths/p.yaml"
