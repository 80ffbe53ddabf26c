"""Diagnostics: one location type, one problem type, one exception hierarchy."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

SIMILAR = 0.6  # how alike a word must be to a known one for "did you mean"
MAX_LISTED = 12  # an unknown reference lists the known ids when there are at most this many


@dataclass(frozen=True, order=True)
class Location:
    """A position in a catalogue file; line and column count from 1.

    In a workbook (or a folder of CSV files) ``sheet`` names the sheet (the CSV file), line
    and column are a cell's row and column, and ``part`` names the catalogue file the cell
    stands for (``roles/account-manager.yaml``), so that a warning is matched to its file.
    """

    path: str
    sheet: str = field(default="", kw_only=True)
    line: int = 1
    column: int = 1
    part: str = field(default="", kw_only=True, compare=False)

    @property
    def file(self) -> str:
        """The catalogue file this position is in (for a cell, the file it stands for)."""
        return f"{self.path} › {self.part}" if self.part else self.path

    def __str__(self) -> str:
        if self.sheet:
            return f"{self.path} › {self.sheet}!{column_letters(self.column)}{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


def column_letters(column: int) -> str:
    """A spreadsheet's name of a column: 1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # says what was not checked and why; never fails a run


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about a catalogue, ready to print as ``PATH:LINE:COL: message``."""

    location: Location
    message: str
    severity: Severity = Severity.ERROR
    code: str | None = None  # a warning's stable code, e.g. "falling-target"

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity}: "
        suffix = f" [{self.code}]" if self.code else ""
        return f"{self.location}: {prefix}{self.message}{suffix}"


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word most like ``word``, if one is alike enough to be what was meant."""
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=SIMILAR)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = closest(word, known)
    return f": did you mean {close!r}?" if close else ""


def unknown(
    what: str, word: str, known: Iterable[str], where: str = "", *, listing: bool = True
) -> str:
    """``unknown role 'x' in steps``, with a "did you mean" hint, or (``listing``) the ids
    there are when they are few. The one wording of the checker, the workbook reader and
    the HR guide that quotes them."""
    known = set(known)
    hint = did_you_mean(word, known)
    if not hint and listing and known and len(known) <= MAX_LISTED:
        hint = ": expected one of " + ", ".join(sorted(known))
    elif not hint:
        hint = f": no {what} has this id"
    return f"unknown {what} {word!r}{where}{hint}"


class HandbookError(Exception):
    """Base class of every error this project raises on purpose."""


class CatalogueError(HandbookError):
    """The catalogue has errors; ``problems`` lists every one of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the catalogue")


class SpreadsheetError(HandbookError):
    """A catalogue that cannot be written as a workbook, or a workbook file that cannot be."""


class OutputError(HandbookError):
    """The output directory cannot be written safely."""


class BrowserNotFoundError(HandbookError):
    """No Chromium was found to print PDFs with."""
