"""Diagnostics: one location type, one problem type, one exception hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, order=True)
class Location:
    """A position in a catalogue file; line and column count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


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


class HandbookError(Exception):
    """Base class of every error this project raises on purpose."""


class CatalogueError(HandbookError):
    """The catalogue has errors; ``problems`` lists every one of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the catalogue")


class OutputError(HandbookError):
    """The output directory cannot be written safely."""


class BrowserNotFoundError(HandbookError):
    """No Chromium was found to print PDFs with."""
