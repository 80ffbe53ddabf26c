"""Command ``handbook export`` and ``handbook import``: a catalogue as a workbook (or a folder
of CSV files) for people who keep competency models in spreadsheets, and back.

Import checks the workbook by the catalogue's own rules (``check/validate.py`` on the
documents ``load/workbook.py`` makes), with the organisation's pages of the target folder,
and writes nothing unless there is no error. Into an existing catalogue it rewrites only the
files whose content changed (a file with the same content keeps its comments and layout),
removes the group, role and path files the workbook no longer has, and touches nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..check.validate import Validation, validate
from ..contract import ID_PATTERN, KIND_FOLDERS, YAML_SUFFIXES
from ..errors import CatalogueError
from ..load.catalogue import LoadResult
from ..load.workbook import load_csv, load_workbook, with_pages
from ..model.relations import relations_of
from ..pipeline import check, checked
from ..render.catalogue_yaml import catalogue_files
from ..render.spreadsheet import csv_files, xlsx
from ..render.workbook import tables
from ..write.files import FilesReport, update

__all__ = ["Done", "FilesReport", "check_workbook", "export", "import_catalogue"]
SCHEMA_LINE = "# yaml-language-server:"  # an editor's schema line, kept where a file has one


@dataclass(frozen=True)
class Done:
    """What a command wrote, and the catalogue's check (its warnings)."""

    report: FilesReport
    validation: Validation


def export(
    root: Path,
    *,
    workbook: Path | None = None,
    csv_folder: Path | None = None,
    display_root: str | None = None,
) -> Done:
    """Write the catalogue at ``root`` as a workbook, or as CSV files into ``csv_folder``.

    Raises ``CatalogueError`` when the catalogue has errors.
    """
    validation = checked(root, display_root)
    handbook = validation.handbook
    assert handbook is not None  # checked() raises otherwise
    file_name = workbook.name if workbook is not None else "<file>.xlsx"
    sheets = tables(handbook, relations_of(handbook), file_name)
    if workbook is not None:
        data = xlsx(sheets, handbook.scale.maximum)
        return Done(update(workbook.parent, {workbook.name: data}), validation)
    assert csv_folder is not None
    return Done(update(csv_folder, csv_files(sheets, handbook.language)), validation)


def import_catalogue(
    source: Path,
    out: Path,
    *,
    csv: bool = False,
    shown: str | None = None,
    out_shown: str | None = None,
) -> Done:
    """Turn a workbook (or a folder of CSV files, ``csv``) into the catalogue at ``out``.

    Raises ``CatalogueError`` listing every problem, each at its sheet and cell; then
    nothing is written.
    """
    loaded = load_csv(source, shown) if csv else load_workbook(source, shown)
    out_name = str(out) if out_shown is None else out_shown
    validation = check_workbook(with_pages(loaded, out, out_name))
    if validation.errors or validation.handbook is None:
        raise CatalogueError(list(validation.errors or validation.problems))
    files = catalogue_files(validation.handbook)
    present = _catalogue_files(out)
    unchanged = _same_content(out, out_name, files)
    writes = {}
    for name, text in files.items():
        target = present.get(_stem(name), name)
        if name in unchanged and (out / target).is_file():
            continue
        writes[target] = _with_schema_line(out / target, text).encode("utf-8")
    gone = [path for stem, path in present.items() if stem not in {_stem(n) for n in files}]
    report = update(out, writes, gone)
    counted = FilesReport(report.written, report.removed, len(files) - len(report.written))
    return Done(counted, validation)


def check_workbook(loaded: LoadResult) -> Validation:
    """The catalogue's check of a workbook's documents, each problem once: a wrong id in
    the Targets sheet is one mistake, at its cell, however many roles have a level there."""
    validation = validate(loaded)
    return replace(validation, problems=tuple(dict.fromkeys(validation.problems)))


def _stem(name: str) -> str:
    """``roles/x.yaml`` and ``roles/x.yml`` are the same file of the catalogue."""
    for suffix in YAML_SUFFIXES:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def _catalogue_files(out: Path) -> dict[str, str]:
    """The YAML files of the catalogue at ``out`` (none when it is no catalogue), by stem."""
    files = [
        f"handbook{suffix}" for suffix in YAML_SUFFIXES if (out / f"handbook{suffix}").is_file()
    ]
    if not files:
        return {}
    for folder in KIND_FOLDERS.values():
        if (out / folder).is_dir():
            files += [
                f"{folder}/{path.name}"
                for path in sorted((out / folder).iterdir())
                if path.suffix in YAML_SUFFIXES and ID_PATTERN.match(path.stem) and path.is_file()
            ]
    return {_stem(name): name for name in files}


def _same_content(out: Path, out_name: str, files: dict[str, str]) -> set[str]:
    """The files whose content the catalogue at ``out`` already has, however written."""
    if not any((out / f"handbook{suffix}").is_file() for suffix in YAML_SUFFIXES):
        return set()
    old = check(out, out_name)
    if old.handbook is None or old.errors:
        return set()
    before = catalogue_files(old.handbook)
    return {name for name, text in files.items() if before.get(name) == text}


def _with_schema_line(path: Path, text: str) -> str:
    """``text`` with the editor's schema line the file at ``path`` starts with, if any."""
    try:
        first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return text
    return f"{first.rstrip()}\n{text}" if first.startswith(SCHEMA_LINE) else text
