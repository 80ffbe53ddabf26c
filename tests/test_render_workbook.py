"""The catalogue as a workbook (render/workbook.py, render/spreadsheet.py,
render/workbook_readme.py): sheets people can read and edit, text that never runs."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.model.handbook import Handbook
from generator.model.relations import Relations
from generator.pipeline import load_handbook
from generator.render.spreadsheet import csv_files, xlsx
from generator.render.workbook import tables
from generator.tables import SHEETS

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT = PROJECT / "catalogues"
EVERY_FIELD = PROJECT / "tests" / "fixtures" / "every-field-en"


def workbook_bytes(handbook: Handbook) -> bytes:
    return xlsx(tables(handbook, Relations(handbook), "k.xlsx"), handbook.scale.maximum)


def opened(handbook: Handbook) -> Any:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(handbook)))


@pytest.fixture(scope="module")
def default() -> Handbook:
    return load_handbook(DEFAULT)


@pytest.fixture(scope="module")
def every_field() -> Handbook:
    return load_handbook(EVERY_FIELD)


def validations(sheet: Any) -> dict[str, str]:
    """Cell range -> what its drop-down offers."""
    return {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}


def test_a_sheet_per_kind_with_the_read_me_first(default: Handbook) -> None:
    """Assert that the workbook has the sheets of tables.py in order, each with its header
    in bold and kept on screen."""
    book = opened(default)
    assert book.sheetnames == [sheet.name for sheet in SHEETS]
    roles = book["Roles"]
    assert [c.value for c in roles[1]][:4] == ["id", "title", "family", "rank"]
    assert roles["A1"].font.bold
    assert (roles.freeze_panes, book["Targets"].freeze_panes, book["Scale"].freeze_panes) == (
        "C2",
        "C3",
        "A2",
    )
    assert roles.column_dimensions["G"].width == 60  # the description
    assert roles["G2"].alignment.wrap_text


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "der Katalog als Arbeitsmappe"), ("en", "the catalogue as a workbook")],
)
def test_the_read_me_speaks_the_catalogue_language(
    default: Handbook, language: str, words: str
) -> None:
    """Assert that the Read me is in the catalogue's language and explains every sheet."""
    readme = opened(dataclasses.replace(default, language=language))["Read me"]
    texts = [row[0].value for row in readme.iter_rows()]
    assert texts[0] == f"{default.title}: {words}"
    assert "handbook import k.xlsx --out" in " ".join(str(t) for t in texts)
    assert {sheet.name for sheet in SHEETS[1:]} <= set(texts)


def test_targets_read_like_the_matrix(default: Handbook) -> None:
    """Assert that Targets has a row per competency and a column per role (id above its
    title), with the target level in the cell, shaded by level."""
    sheet = opened(default)["Targets"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    roles = Relations(default).roles_in_order
    assert rows[0] == ["competency", "name", *(r.id for r in roles)]
    assert rows[1] == [None, None, *(r.title for r in roles)]
    assert [row[0] for row in rows[2:]] == [c.id for c in default.competencies]
    manager = rows[0].index("account-manager")
    row = next(r for r in rows if r[0] == "verbale-kommunikation")
    assert row[manager] == default.role("account-manager").target("verbale-kommunikation").level  # type: ignore[union-attr]
    assert sheet.conditional_formatting


def test_drop_downs_offer_ids_levels_and_words(every_field: Handbook) -> None:
    """Assert that cells taking an id of another sheet, a level or a fixed word have a
    drop-down with exactly those."""
    book = opened(every_field)
    roles = validations(book["Roles"])
    assert roles["C2"] == "'Families'!$A$2:$A$1003"  # family
    assert roles["T2"] == "'Roles'!$A$2:$A$1004"  # reports_to
    assert roles["R2"] == '"year,month"'
    assert validations(book["Targets"])["C3"] == '"1,2,3,4"'
    expectations = validations(book["Expectations"])
    assert expectations["A2"] == "'Roles'!$A$2:$A$1004"
    assert expectations["B2"] == "'Competencies'!$B$2:$B$1007"
    assert validations(book["Steps"])["A2"] == "'Paths'!$A$2:$A$1003"
    assert validations(book["Competencies"])["A2"] == "'Groups'!$A$2:$A$1004"
    assert validations(book["Handbook"])["B4"] == '"de,en"'
    assert validations(book["Accepted warnings"])["B2"].startswith('"falling-target,')


def test_text_is_stored_as_text_never_as_a_formula(every_field: Handbook) -> None:
    """Assert that a text starting with '=' or '-' is a text cell marked as such, and is
    read back as the same text."""
    sheet = opened(every_field)["Competencies"]
    cells = {c.value.split("\n")[0]: c for row in sheet.iter_rows() for c in row if c.value}
    formula_like = cells["=SUM(A1:A3) is text, not a formula"]
    assert formula_like.data_type == "s" and formula_like.quotePrefix
    archive = zipfile.ZipFile(io.BytesIO(workbook_bytes(every_field)))
    assert not any(b"<f>" in archive.read(name) for name in archive.namelist())


def test_the_same_catalogue_gives_the_same_bytes(default: Handbook) -> None:
    """Assert that the workbook holds no time: exporting twice gives the same file."""
    first, second = workbook_bytes(default), workbook_bytes(default)
    assert first == second
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml")
    assert b"dcterms:modified" not in core


def test_csv_files_one_per_sheet(default: Handbook, every_field: Handbook) -> None:
    """Assert that CSV files follow matrix.csv: a byte order mark, ';' in German, ',' in
    English, and a text that would run as a formula marked with a leading apostrophe."""
    german = csv_files(tables(default, Relations(default), "k.xlsx"), "de")
    assert sorted(german) == sorted(sheet.csv for sheet in SHEETS)
    assert german["roles.csv"].startswith("\ufeffid;title;family;".encode())
    english = csv_files(tables(every_field, Relations(every_field), "k.xlsx"), "en")
    roles = english["roles.csv"].decode("utf-8-sig")
    assert roles.startswith("id,title,family,") and "\"'- fixes bugs with a test" in roles


def test_a_list_item_over_several_lines_is_one_line_of_its_cell(every_field: Handbook) -> None:
    """Assert that a list item with line breaks (a YAML block; pages show it as one line)
    is one line of its cell, not split into two items and not refused."""
    role = every_field.role("senior")
    broken = dataclasses.replace(role, responsibilities=("designs\nlarger changes", "reviews"))
    roles = tuple(broken if r.id == "senior" else r for r in every_field.roles)
    handbook = dataclasses.replace(every_field, roles=roles)
    cells = [
        value
        for table in tables(handbook, Relations(handbook), "k.xlsx")
        for row in table.rows
        if row and row[0] == "senior"
        for value in row
    ]
    assert "designs larger changes\nreviews" in cells
