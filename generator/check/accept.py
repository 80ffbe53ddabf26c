"""Check: warnings accepted on purpose (``accept:``), and entries that accept nothing.

An entry in the file that carries a warning accepts every warning of its code there that
fits its narrowing fields (``competency``, ``role``). Accepted warnings no longer count; an
entry that matches no warning is itself a warning (``stale-accept``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..contract import STALE_ACCEPT, WARNINGS
from ..errors import Location, Problem, Severity
from ..load.catalogue import Document
from ..model.handbook import Acceptance
from .markdown import Finding
from .spec import V

_KIND_NAMES = {"handbook": "handbook.yaml", "group": "competency group files",
               "role": "role files", "path": "path files", "page": "pages"}  # fmt: skip


@dataclass(frozen=True)
class AcceptEntry:
    acceptance: Acceptance
    file: str  # the file its warnings name (``Location.file``)
    location: Location  # where the entry starts


@dataclass(frozen=True)
class Settlement:
    kept: tuple[Problem, ...]  # warnings that still count
    accepted: tuple[Problem, ...]
    stale: tuple[Problem, ...]  # entries that matched nothing


def acceptances(
    field: V[list[V[dict[str, V[Any]]]]] | None, document: Document, problems: list[Problem]
) -> list[AcceptEntry]:
    """The entries of one file's ``accept:`` list; entries that can never match are errors."""
    entries = []
    for item in field.value if field else []:
        fields = item.value
        code = fields.get("warning")
        problem = _wrong_code(code, document.kind) if code else None
        if code and problem:
            problems.append(Problem(code.location, problem))
            continue
        if code is None or "reason" not in fields:
            continue  # the missing or malformed field is reported already
        acceptance = Acceptance(
            warning=code.value,
            reason=fields["reason"].value,
            competencies=_ids(fields.get("competency")),
            roles=_ids(fields.get("role")),
        )
        entries.append(AcceptEntry(acceptance, document.location.file, item.location))
    return entries


def _wrong_code(code: V[str], kind: str) -> str | None:
    if code.value == STALE_ACCEPT:
        return f"'{STALE_ACCEPT}' cannot be accepted: remove the entry that matches nothing"
    if code.value not in WARNINGS:
        known = ", ".join(WARNINGS)
        return f"unknown warning code {code.value!r}: expected one of {known}"
    carrier = WARNINGS[code.value]
    if carrier not in ("markdown", kind):
        return (
            f"{code.value!r} is a warning of {_KIND_NAMES[carrier]}: accept it there, "
            "in the file the warning names"
        )
    return None


def _ids(field: V[Any] | None) -> tuple[str, ...]:
    if field is None:
        return ()
    if isinstance(field.value, list):
        return tuple(item.value for item in field.value)
    return (field.value,)


def settle(findings: list[Finding], entries: list[AcceptEntry]) -> Settlement:
    """Which warnings the entries accept, which still count, and which entries are stale."""
    used: set[int] = set()
    kept, accepted = [], []
    for finding in findings:
        match = next((i for i, e in enumerate(entries) if _accepts(e, finding)), None)
        if match is None:
            kept.append(finding.problem)
        else:
            used.add(match)
            accepted.append(finding.problem)
    for index, entry in enumerate(entries):  # an entry used by any finding is not stale
        if index not in used and any(_accepts(entry, f) for f in findings):
            used.add(index)
    stale = [
        Problem(
            entry.location,
            f"this accept entry for {entry.acceptance.warning!r} matches no warning: "
            "remove it, or correct its competency or role",
            Severity.WARNING,
            STALE_ACCEPT,
        )
        for index, entry in enumerate(entries)
        if index not in used
    ]
    return Settlement(tuple(kept), tuple(accepted), tuple(stale))


def _accepts(entry: AcceptEntry, finding: Finding) -> bool:
    acceptance, problem = entry.acceptance, finding.problem
    return (
        problem.code == acceptance.warning
        and problem.location.file == entry.file
        and (not acceptance.competencies or finding.competency in acceptance.competencies)
        and (not acceptance.roles or finding.role in acceptance.roles)
    )
