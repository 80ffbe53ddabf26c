"""Load: a workbook (or a folder of CSV files) -> the documents a catalogue folder gives.

The result is the ``LoadResult`` of ``catalogue.py``: ``check/validate.py`` checks a workbook
by the very rules of a YAML catalogue, and its messages point at cells, because every node
carries the cell it came from (a ``Location`` with a sheet) and the catalogue file that cell
stands for (``part``, so that ``accept:`` entries match their file as in YAML).

What a folder says by its files, a workbook says by rows, and this module checks it: ids of
groups, roles and paths (file names in a folder), rows given twice (duplicate keys), and
which row or column another sheet refers to (a role's column in Targets, a path's steps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..contract import ID_PATTERN
from ..errors import Location, Problem
from ..tables import (
    ACCEPT,
    COMPETENCIES,
    EXPECTATIONS,
    FAMILIES,
    GROUPS,
    HANDBOOK,
    HANDBOOK_FILE,
    LEVEL_HEADER,
    PATHS,
    ROLES,
    SCALE,
    STEPS,
    TARGETS,
    TARGETS_TITLE_ROW,
    TERMS,
    YAML_SUFFIX,
    Sheet,
    catalogue_file,
)
from .catalogue import PAGES_FOLDER, Document, LoadResult, load
from .grid import Cell, Grids, read_csv_folder, read_xlsx
from .rows import Row, fields, key, located, mapping, node, rows, scalar, unknown
from .tree import Mapping, Node, Scalar, Sequence

REQUIRED_SHEETS = (HANDBOOK, SCALE, FAMILIES)
Entry = tuple[Scalar, Node]


def load_workbook(path: Path, shown: str | None = None) -> LoadResult:
    """The documents of a workbook file; positions name ``shown`` (default: ``path``)."""
    return documents(read_xlsx(path, str(path) if shown is None else shown))


def load_csv(folder: Path, shown: str | None = None) -> LoadResult:
    """The documents of a folder of CSV files, one per sheet."""
    return documents(read_csv_folder(folder, str(folder) if shown is None else shown))


def documents(grids: Grids) -> LoadResult:
    reader = _Reader(grids)
    found = reader.read()
    return LoadResult(tuple(found), tuple(reader.problems))


def with_pages(loaded: LoadResult, root: Path, shown: str) -> LoadResult:
    """``loaded`` with the organisation's pages (and their images) of the catalogue at
    ``root``: the workbook does not hold them, and Markdown may link to them."""
    if not root.is_dir():
        return loaded
    folder = load(root, shown)
    prefix = f"{shown.rstrip('/')}/{PAGES_FOLDER}/" if shown not in ("", ".") else "pages/"
    pages = tuple(d for d in folder.documents if d.kind == "page")
    problems = tuple(p for p in folder.problems if p.location.path.startswith(prefix))
    return LoadResult(loaded.documents + pages, loaded.problems + problems, folder.images)


@dataclass
class _Targets:
    """A role's targets as the Targets and Expectations sheets give them."""

    location: Location | None = None  # the role's column in Targets
    cells: dict[str, tuple[Cell, Cell]] = field(default_factory=dict)  # id -> (id, level)
    expects: dict[str, Cell] = field(default_factory=dict)


class _Reader:
    def __init__(self, grids: Grids) -> None:
        self.grids = grids
        self.problems: list[Problem] = list(grids.problems)
        self.accept: dict[str, list[Node]] = {}  # accept entries by the file they are for

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def rows(
        self,
        sheet: Sheet,
        extra: Callable[[str], object] = lambda name: False,
        skip: Callable[[Row], bool] = lambda row: False,
    ) -> list[Row]:
        grid = self.grids.grids.get(sheet.name)
        return rows(grid, sheet, self.problems, extra=extra, skip=skip)

    def read(self) -> list[Document]:
        groups = self._items(GROUPS, "group")
        roles = self._items(ROLES, "role")
        paths = self._items(PATHS, "path")
        parts = {HANDBOOK_FILE} | {
            catalogue_file(kind, item)
            for kind, items in (("group", groups), ("role", roles), ("path", paths))
            for item in items
        }
        self.accept = self._accept(parts)
        return [
            self._handbook(),
            *self._groups(groups),
            *self._roles(roles),
            *self._paths(paths),
        ]

    def _items(self, sheet: Sheet, kind: str) -> dict[str, Row]:
        """The rows of a sheet of files (groups, roles, paths) by id, sorted as files are."""
        items: dict[str, Row] = {}
        for row in self.rows(sheet):
            item_id = row.key.text
            if not ID_PATTERN.match(item_id):
                message = (
                    f"{item_id!r} is not a valid {kind} id: use lowercase letters, digits and "
                    "single hyphens (e.g. 'account-manager')"
                )
                self.error(row.key.location, message)
            elif item_id in items:
                first = items[item_id].number
                self.error(
                    row.key.location, f"duplicate {kind} id {item_id!r} (first in row {first})"
                )
            else:
                items[item_id] = row
        return dict(sorted(items.items(), key=lambda item: item[0] + YAML_SUFFIX))

    def _accept(self, parts: set[str]) -> dict[str, list[Node]]:
        """The ``accept:`` entries of every file, by the file they are written for."""
        entries: dict[str, list[Node]] = {}
        names = [c.name for c in ACCEPT.columns if c.name != ACCEPT.key]
        for row in self.rows(ACCEPT):
            part = row.key.text
            if part not in parts:
                self.error(row.key.location, unknown("file", part, parts))
                continue
            location = located(row.key, part)
            entries.setdefault(part, []).append(mapping(fields(row, ACCEPT, names, part), location))
        return entries

    def _accepted(self, part: str, where_: Location) -> list[Entry]:
        if part not in self.accept:
            return []
        items = self.accept[part]
        return [(Scalar("accept", True, where_), Sequence(tuple(items), items[0].location))]

    def _handbook(self) -> Document:
        part = HANDBOOK_FILE
        missing = [s.name for s in REQUIRED_SHEETS if s.name not in self.grids.grids]
        home = self.grids.grids.get(HANDBOOK.name)
        location = Location(self.grids.path, part=part)
        if home is not None:
            location = located(Cell("", home.location), part)
        unreadable = not self.grids.grids and self.grids.problems  # reported already
        for name in [] if unreadable else missing:
            what = f"{name.lower()}.csv" if self.grids.csv else f"sheet {name!r}"
            self.error(Location(self.grids.path), f"missing {what}: see the Read me")
        if missing:
            return Document("handbook", "handbook", location, None, readable=False)
        entries = self._settings(part)
        entries.append(self._scale(part))
        entries.extend(self._terms(part))
        entries.append(self._families(part))
        entries.extend(self._accepted(part, location))
        return Document("handbook", "handbook", location, mapping(entries, location))

    def _settings(self, part: str) -> list[Entry]:
        entries: list[Entry] = []
        seen: dict[str, int] = {}
        for row in self.rows(HANDBOOK):
            name = row.key.text
            if name in seen:
                self.error(
                    row.key.location, f"duplicate field {name!r} (first in row {seen[name]})"
                )
                continue
            seen[name] = row.number
            entries.append((scalar(row.key, part), scalar(row.cell("value"), part)))
        return entries

    def _sheet_key(self, sheet: Sheet, name: str, part: str) -> tuple[Scalar, Location]:
        location = located(Cell("", self.grids.grids[sheet.name].location), part)
        return Scalar(name, True, location), location

    def _scale(self, part: str) -> Entry:
        name, location = self._sheet_key(SCALE, "scale", part)
        levels: list[Entry] = []
        for level, row in self._unique(self.rows(SCALE), "level"):
            label, description = row.cell("label"), row.cell("description")
            value: Node = scalar(label, part)
            if description.text:
                long_form = [
                    (key("label", label, part), value),
                    (key("description", description, part), scalar(description, part)),
                ]
                value = mapping(long_form, located(label, part))
            levels.append((scalar(level, part), value))
        return name, mapping(levels, location)

    def _terms(self, part: str) -> list[Entry]:
        nouns: list[Entry] = []
        for noun, row in self._unique(self.rows(TERMS), "noun"):
            words = (row.cell("singular"), row.cell("plural"))
            if any(word.text for word in words):
                items = tuple(scalar(word, part) for word in words)
                nouns.append((scalar(noun, part), Sequence(items, located(words[0], part))))
        if not nouns:
            return []
        name, location = self._sheet_key(TERMS, "terms", part)
        return [(name, mapping(nouns, location))]

    def _families(self, part: str) -> Entry:
        name, location = self._sheet_key(FAMILIES, "families", part)
        items = tuple(
            mapping(fields(row, FAMILIES, FAMILIES.names, part), located(row.key, part))
            for row in self.rows(FAMILIES)
        )
        return name, Sequence(items, location)

    def _unique(self, found: Iterable[Row], what: str) -> list[tuple[Cell, Row]]:
        """(key cell, row) of each row whose key was not given before; repeats reported."""
        seen: dict[str, int] = {}
        unique = []
        for row in found:
            if row.key.text in seen:
                message = f"duplicate {what} {row.key.text!r} (first in row {seen[row.key.text]})"
                self.error(row.key.location, message)
                continue
            seen[row.key.text] = row.number
            unique.append((row.key, row))
        return unique

    def _belonging(
        self, found: Iterable[Row], column: str, kind: str, known: Iterable[str]
    ) -> dict[str, list[Row]]:
        """Rows by the item of ``kind`` their ``column`` names; unknown items reported."""
        known = set(known)
        by_item: dict[str, list[Row]] = {item: [] for item in known}
        for row in found:
            cell = row.cell(column)
            if not cell.text:
                self.error(cell.location, f"{column!r} is empty: expected the id of a {kind}")
            elif cell.text not in known:
                self.error(cell.location, unknown(kind, cell.text, known))
            else:
                by_item[cell.text].append(row)
        return by_item

    def _groups(self, groups: dict[str, Row]) -> list[Document]:
        found = self.rows(COMPETENCIES, extra=LEVEL_HEADER.match)
        by_group = self._belonging(found, "group", "group", groups)
        names = [n for n in COMPETENCIES.names if n != "group"]
        documents = []
        for group_id, row in groups.items():
            part = catalogue_file("group", group_id)
            entries = fields(row, GROUPS, ("name", "rank", "description"), part)
            items = tuple(self._competency(item, names, part) for item in by_group[group_id])
            if items:
                entries.append(
                    (key("competencies", row.key, part), Sequence(items, items[0].location))
                )
            location = located(row.key, part)
            entries.extend(self._accepted(part, location))
            documents.append(Document("group", group_id, location, mapping(entries, location)))
        return documents

    def _competency(self, row: Row, names: list[str], part: str) -> Mapping:
        entries = fields(row, COMPETENCIES, names, part)
        levels = [
            (scalar(cell, part, LEVEL_HEADER.match(name)[1]), scalar(cell, part))  # type: ignore[index]
            for name, cell in row.extra.items()
            if cell.text
        ]
        if levels:
            entries.append(
                (
                    Scalar("levels", True, levels[0][0].location),
                    mapping(levels, levels[0][0].location),
                )
            )
        return mapping(entries, located(row.cell("id"), part))

    def _roles(self, roles: dict[str, Row]) -> list[Document]:
        targets = self._targets(roles)
        self._expectations(targets)
        names = [n for n in ROLES.names if n != "id"]
        documents = []
        for role_id, row in roles.items():
            part = catalogue_file("role", role_id)
            location = located(row.key, part)
            entries = fields(row, ROLES, names, part)
            entries.append(self._role_targets(targets[role_id], part, location))
            entries.extend(self._accepted(part, location))
            documents.append(Document("role", role_id, location, mapping(entries, location)))
        return documents

    def _targets(self, roles: dict[str, Row]) -> dict[str, _Targets]:
        targets = {role_id: _Targets() for role_id in roles}
        grid = self.grids.grids.get(TARGETS.name)
        found = self.rows(
            TARGETS,
            extra=lambda name: True,
            skip=lambda row: row.number == TARGETS_TITLE_ROW and not row.key.text,
        )
        for competency, row in self._unique(found, "competency"):
            for role_id, cell in row.extra.items():
                if role_id in targets and cell.text:
                    targets[role_id].cells[competency.text] = (competency, cell)
        if grid is not None and grid.rows:
            self._target_columns(grid.rows[0], targets)
        return targets

    def _target_columns(self, header: tuple[Cell, ...], targets: dict[str, _Targets]) -> None:
        for cell in header:
            if not cell.text or cell.text in TARGETS.names:
                continue
            if cell.text in targets:
                targets[cell.text].location = cell.location
            else:
                self.error(cell.location, unknown("role", cell.text, targets))

    def _expectations(self, targets: dict[str, _Targets]) -> None:
        seen: dict[tuple[str, str], int] = {}
        for row in self.rows(EXPECTATIONS):
            role, competency = row.cell("role"), row.cell("competency")
            if role.text not in targets:
                self.error(role.location, unknown("role", role.text, targets))
                continue
            if not competency.text:
                self.error(competency.location, "'competency' is empty: expected a competency id")
                continue
            pair = (role.text, competency.text)
            if pair in seen:
                message = (
                    f"duplicate expectation of {role.text!r} for {competency.text!r} "
                    f"(first in row {seen[pair]})"
                )
                self.error(role.location, message)
                continue
            seen[pair] = row.number
            if competency.text not in targets[role.text].cells:
                message = (
                    f"role {role.text!r} has no target level for {competency.text!r} on the "
                    f"Targets sheet: an expectation needs a level there"
                )
                self.error(competency.location, message)
                continue
            targets[role.text].expects[competency.text] = row.cell("expects")

    def _role_targets(self, targets: _Targets, part: str, role: Location) -> Entry:
        location = role if targets.location is None else replace(targets.location, part=part)
        entries: list[Entry] = []
        for competency, (name, level) in targets.cells.items():
            target_key = scalar(name, part)  # a wrong id is reported once, where it is written
            value: Node = scalar(level, part)
            if competency in targets.expects:
                expects = targets.expects[competency]
                long_form = [
                    (key("level", level, part), value),
                    (key("expects", expects, part), scalar(expects, part)),
                ]
                value = mapping(long_form, located(level, part))
            entries.append((target_key, value))
        return Scalar("competencies", True, location), mapping(entries, location)

    def _paths(self, paths: dict[str, Row]) -> list[Document]:
        by_path = self._belonging(self.rows(STEPS), "path", "path", paths)
        documents = []
        for path_id, row in paths.items():
            part = catalogue_file("path", path_id)
            location = located(row.key, part)
            entries = fields(row, PATHS, ("title", "description"), part)
            steps = tuple(self._step(step, part) for step in by_path[path_id])
            if steps:
                entries.append((key("steps", row.key, part), Sequence(steps, steps[0].location)))
            entries.extend(self._accepted(part, location))
            documents.append(Document("path", path_id, location, mapping(entries, location)))
        return documents

    def _step(self, row: Row, part: str) -> Node:
        if not row.text("typical_years") and not row.text("note"):
            return node(row.cell("role"), STEPS.column("role").holds, part)
        return mapping(
            fields(row, STEPS, ("role", "typical_years", "note"), part),
            located(row.cell("role"), part),
        )
