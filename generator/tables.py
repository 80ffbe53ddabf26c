"""The catalogue as tables: the sheets of a workbook (or the files of a CSV folder), their
columns and what each column holds. ``render/workbook.py`` writes them, ``load/workbook.py``
reads them back into the documents the YAML loader makes.

Row 1 of a sheet names its columns with the catalogue's field names (``salary.min`` for a
field inside another); columns may stand in any order, empty rows are skipped. Two sheets
have columns that follow the catalogue: ``Competencies`` a ``level N`` column per scale
level, ``Targets`` a column per role (row 1 its id, row 2 its title, for reading only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .contract import KIND_FOLDERS, WARNINGS

HANDBOOK_FILE = "handbook.yaml"
YAML_SUFFIX = ".yaml"
LEVEL_COLUMN = "level {}"  # the Competencies sheet's column of a level's text
LEVEL_HEADER = re.compile(r"^level ([0-9]+)$")
TEXT_MARK = "'"  # a CSV text cell that would run as a formula starts with it (exports.py)
HANDBOOK_FIELDS = ("title", "organisation", "language", "version")  # rows of the Handbook sheet


class Holds(StrEnum):
    """What a column's cells hold."""

    TEXT = "text"  # a line of text
    MARKDOWN = "markdown"  # Markdown, often several lines
    LIST = "list"  # a list: one item per line of the cell
    ID = "id"
    INTEGER = "integer"
    NUMBER = "number"
    LEVEL = "level"  # a level of the scale


@dataclass(frozen=True)
class Column:
    """One column: its header, what it holds, how wide it is shown (characters), and where
    its drop-down takes its values from (the ids of another sheet, or fixed choices)."""

    name: str
    holds: Holds = Holds.TEXT
    width: int = 24
    refers: str = ""  # "family", "group", "competency", "role" or "path"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """A sheet: its name (also its CSV file's name), its columns, and the column that says
    what a row is about (its ``key``)."""

    name: str
    columns: tuple[Column, ...]
    key: str = "id"

    @property
    def csv(self) -> str:
        """This sheet's file in a CSV folder: ``Accepted warnings`` -> ``accepted-warnings.csv``."""
        return self.name.lower().replace(" ", "-") + ".csv"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


def _id(name: str = "id", refers: str = "", width: int = 26) -> Column:
    return Column(name, Holds.ID, width, refers)


_MD = Holds.MARKDOWN
_LIST = Holds.LIST

README = Sheet("Read me", (Column("sheet", width=22), Column("column", width=30),
                           Column("meaning", width=90)), key="sheet")  # fmt: skip
HANDBOOK = Sheet("Handbook", (Column("field", Holds.ID, 16), Column("value", width=60)), "field")
SCALE = Sheet(
    "Scale",
    (Column("level", Holds.LEVEL, 8), Column("label", width=30), Column("description", _MD, 70)),
    key="level",
)
TERMS = Sheet(
    "Terms",
    (
        Column("noun", Holds.ID, 14, choices=("role", "competency", "family", "path", "level")),
        Column("singular", width=26),
        Column("plural", width=26),
    ),
    key="noun",
)
FAMILIES = Sheet("Families", (_id(), Column("name", width=30), Column("description", _MD, 70)))
GROUPS = Sheet(
    "Groups",
    (
        _id(),
        Column("name", width=30),
        Column("rank", Holds.INTEGER, 8),
        Column("description", _MD, 60),
    ),
)
COMPETENCIES = Sheet(
    "Competencies",
    (
        _id("group", "group", 20),
        _id(),
        Column("name", width=30),
        Column("summary", width=40),
        Column("indicators", _LIST, 60),
    ),
)
ROLES = Sheet(
    "Roles",
    (
        _id(),
        Column("title", width=30),
        _id("family", "family", 22),
        Column("rank", Holds.INTEGER, 8),
        Column("synonyms", _LIST, 30),
        Column("summary", width=50),
        Column("description", _MD, 60),
        Column("responsibilities", _LIST, 60),
        Column("requirements.education", _LIST, 40),
        Column("requirements.experience_years", Holds.INTEGER, 14),
        Column("requirements.previous_roles", _LIST, 26),
        Column("requirements.skills", _LIST, 30),
        Column("requirements.tools", _LIST, 30),
        Column("salary.amount", Holds.NUMBER, 12),
        Column("salary.min", Holds.NUMBER, 12),
        Column("salary.max", Holds.NUMBER, 12),
        Column("salary.currency", width=10),
        Column("salary.period", width=10, choices=("year", "month")),
        Column("salary.note", width=30),
        _id("reports_to", "role"),
    ),
)
TARGETS = Sheet(
    "Targets", (_id("competency", "competency"), Column("name", width=30)), key="competency"
)
EXPECTATIONS = Sheet(
    "Expectations",
    (_id("role", "role"), _id("competency", "competency"), Column("expects", _MD, 80)),
    key="role",
)
PATHS = Sheet("Paths", (_id(), Column("title", width=30), Column("description", _MD, 70)))
STEPS = Sheet(
    "Steps",
    (
        _id("path", "path"),
        _id("role", "role"),
        Column("typical_years", Holds.NUMBER, 14),
        Column("note", width=50),
    ),
    key="path",
)
ACCEPT = Sheet(
    "Accepted warnings",
    (
        Column("file", width=36),
        Column("warning", Holds.ID, 24, choices=tuple(WARNINGS)),
        Column("competency", _LIST, 26),
        Column("role", _LIST, 26),
        Column("reason", width=60),
    ),
    key="file",
)

SHEETS = (
    README,
    HANDBOOK,
    SCALE,
    TERMS,
    FAMILIES,
    GROUPS,
    COMPETENCIES,
    ROLES,
    TARGETS,
    EXPECTATIONS,
    PATHS,
    STEPS,
    ACCEPT,
)
DATA_SHEETS = SHEETS[1:]  # the Read me explains; it is not read back
TARGETS_TITLE_ROW = 2  # the Targets sheet's second row: the roles' titles, for reading only


def catalogue_file(kind: str, item_id: str) -> str:
    """The catalogue file a document of ``kind`` is: ``roles/account-manager.yaml``."""
    if kind == "handbook":
        return HANDBOOK_FILE
    return f"{KIND_FOLDERS[kind]}/{item_id}{YAML_SUFFIX}"
