"""Check: problems shown as terminal text, JSON, GitHub annotations or GitLab Code Quality."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..errors import Problem, Severity

FORMATS = ("text", "json", "github", "gitlab")


def _count(problems: Sequence[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)


def summary(problems: Sequence[Problem], *, strict: bool, accepted: int = 0) -> str:
    """ "2 errors, 1 warning, 3 accepted …": what the run found, in one line."""
    errors, warnings = _count(problems, Severity.ERROR), _count(problems, Severity.WARNING)
    if not problems:
        return f"no problems found ({accepted} accepted)" if accepted else "no problems found"
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    if errors and not warnings:  # the catalogue's warnings are looked for only without errors
        return f"{parts[0]} (warnings are checked once there are no errors)"
    if accepted:
        parts.append(f"{accepted} accepted")
    note = ""
    if warnings:
        note = (
            " (--strict: warnings fail the run)"
            if strict
            else " (warnings fail only with --strict)"
        )
    return ", ".join(parts) + note


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def _github(problem: Problem) -> str:
    level = _GITHUB_LEVELS[problem.severity]
    where = problem.location
    file = _escape_github(where.path, property_value=True)
    message = _escape_github(problem.message + (f" [{problem.code}]" if problem.code else ""))
    title = f",title={_escape_github(problem.code, property_value=True)}" if problem.code else ""
    return f"::{level} file={file},line={where.line},col={where.column}{title}::{message}"


def _as_dict(problem: Problem) -> dict[str, object]:
    where = problem.location
    return {
        "path": where.path,
        "line": where.line,
        "column": where.column,
        "severity": problem.severity.value,
        "code": problem.code,
        "message": problem.message,
    }


def _gitlab(problem: Problem) -> dict[str, object]:
    where = problem.location
    fingerprint = hashlib.sha256(f"{where}:{problem.message}".encode()).hexdigest()
    return {
        "description": problem.message,
        "check_name": problem.code or "handbook-validate",
        "fingerprint": fingerprint,
        "severity": _GITLAB_SEVERITIES[problem.severity],
        "location": {
            "path": where.path,
            "positions": {"begin": {"line": where.line, "column": where.column}},
        },
    }


def format_problems(
    problems: Sequence[Problem],
    fmt: str,
    *,
    strict: bool,
    accepted: Sequence[Problem] = (),
) -> str:
    """All problems in one of ``FORMATS``; text ends with a summary line that also counts the
    warnings accepted on purpose (``accepted``, listed in JSON only)."""
    line = summary(problems, strict=strict, accepted=len(accepted))
    if fmt == "json":
        body = {
            "problems": [_as_dict(p) for p in problems],
            "accepted": [_as_dict(p) for p in accepted],
            "summary": line,
        }
        return json.dumps(body, indent=2, ensure_ascii=False)
    if fmt == "gitlab":
        return json.dumps([_gitlab(p) for p in problems], indent=2, ensure_ascii=False)
    lines = [_github(p) if fmt == "github" else str(p) for p in problems]
    return "\n".join([*lines, line])
