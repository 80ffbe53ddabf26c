"""Render: the model as the catalogue's YAML files, written as a person would write them.

``handbook.yaml``, ``competencies/<group>.yaml``, ``roles/<role>.yaml`` and
``paths/<path>.yaml`` (``tables.catalogue_file``), each with its fields in the order of the
README and a comment where it helps. Text over several lines is a ``|`` block, a long line
is folded (``>``) to fit the width, and text that a YAML 1.1 or 1.2 reader would take for
something else (``no``, ``2026.10``, ``1e3``, ``~``, ``2026-01-01``) is quoted, so it stays
text for every tool. A role's targets follow the catalogue's order of competencies, so the
same catalogue always gives the same files.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

from ..model.handbook import (
    NOUNS,
    Acceptance,
    CareerPath,
    CompetencyGroup,
    Handbook,
    Role,
    Salary,
)
from ..tables import catalogue_file

LONG = 100  # a line of text longer than this is folded ...
WIDTH = 92  # ... into lines that end before this column
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
# what YAML 1.2's core schema reads as null, a boolean or a number
_YAML12 = re.compile(
    r"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
COMMENTS = {  # beside a key of a file kind
    "en": {
        ("handbook", "scale"): "level: its label, or label and description",
        ("role", "competencies"): "competency id: target level, or level and expects",
        ("path", "steps"): "lowest first",
    },
    "de": {
        ("handbook", "scale"): "Niveau: Bezeichnung, oder Bezeichnung (label) und Beschreibung",
        ("role", "competencies"): "Kompetenz-Kennung: Soll-Niveau, oder level und expects",
        ("path", "steps"): "die niedrigste Stufe zuerst",
    },
}


class Comment(str):
    """A key that is a comment line (``# Communication``) before the keys that follow."""


def catalogue_files(handbook: Handbook) -> dict[str, str]:
    """Relative path -> text of every YAML file of the catalogue (not its pages)."""
    notes = COMMENTS[handbook.language]

    def comments(kind: str) -> dict[str, str]:
        return {key: text for (of, key), text in notes.items() if of == kind}

    files = {
        catalogue_file("handbook", "handbook"): dump(_handbook(handbook), comments("handbook"))
    }
    for group in handbook.groups:
        files[catalogue_file("group", group.id)] = dump(_group(group))
    for role in handbook.roles:
        files[catalogue_file("role", role.id)] = dump(_role(role, handbook), comments("role"))
    for path in handbook.paths:
        files[catalogue_file("path", path.id)] = dump(_path(path), comments("path"))
    return files


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """Absent optional fields left out (``None``, empty lists)."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != ()}


def _handbook(handbook: Handbook) -> dict[str, Any]:
    scale = {
        level.value: (
            level.label
            if level.description is None
            else {"label": level.label, "description": level.description}
        )
        for level in handbook.scale.levels
    }
    terms = {
        noun: list(words) for noun in NOUNS if (words := getattr(handbook.terms, noun)) is not None
    }
    families = [
        _pruned({"id": f.id, "name": f.name, "description": f.description})
        for f in handbook.families
    ]
    return _pruned(
        {
            "title": handbook.title,
            "organisation": handbook.organisation,
            "language": handbook.language,
            "version": handbook.version,
            "scale": scale,
            "families": families,
            "terms": terms or None,
            "accept": _accepted(handbook.accepted),
        }
    )


def _group(group: CompetencyGroup) -> dict[str, Any]:
    competencies = [
        _pruned(
            {
                "id": c.id,
                "name": c.name,
                "summary": c.summary,
                "indicators": list(c.indicators),
                "levels": {a.level: a.text for a in c.anchors} or None,
            }
        )
        for c in group.competencies
    ]
    return _pruned(
        {
            "name": group.name,
            "rank": group.rank,
            "description": group.description,
            "competencies": competencies,
            "accept": _accepted(group.accepted),
        }
    )


def _role(role: Role, handbook: Handbook) -> dict[str, Any]:
    requirements = role.requirements
    return _pruned(
        {
            "title": role.title,
            "family": role.family_id,
            "rank": role.rank,
            "synonyms": list(role.synonyms),
            "summary": role.summary,
            "description": role.description,
            "responsibilities": list(role.responsibilities),
            "requirements": _pruned(
                {
                    "education": list(requirements.education),
                    "experience_years": requirements.experience_years,
                    "previous_roles": list(requirements.previous_roles),
                    "skills": list(requirements.skills),
                    "tools": list(requirements.tools),
                }
            )
            or None,
            "salary": _salary(role.salary) if role.salary else None,
            "reports_to": role.reports_to,
            "competencies": _targets(role, handbook),
            "accept": _accepted(role.accepted),
        }
    )


def _targets(role: Role, handbook: Handbook) -> dict[str, Any]:
    """A role's targets in the catalogue's order, each group's under its name."""
    targets: dict[str, Any] = {}
    for group in handbook.groups:
        ours = [t for c in group.competencies if (t := role.target(c.id)) is not None]
        if ours:
            targets[Comment(group.name)] = None
        for t in ours:
            targets[t.competency_id] = (
                t.level if t.expects is None else {"level": t.level, "expects": t.expects}
            )
    return targets


def _salary(salary: Salary) -> dict[str, Any]:
    return _pruned(
        {
            "amount": salary.amount,
            "min": salary.minimum,
            "max": salary.maximum,
            "currency": salary.currency,
            "period": salary.period,
            "note": salary.note,
        }
    )


def _path(path: CareerPath) -> dict[str, Any]:
    steps = [
        step.role_id
        if step.typical_years is None and step.note is None
        else _pruned({"role": step.role_id, "typical_years": step.typical_years, "note": step.note})
        for step in path.steps
    ]
    return _pruned(
        {
            "title": path.title,
            "description": path.description,
            "steps": steps,
            "accept": _accepted(path.accepted),
        }
    )


def _accepted(entries: tuple[Acceptance, ...]) -> list[dict[str, Any]] | None:
    return [
        _pruned(
            {
                "warning": a.warning,
                "competency": _one_or_list(a.competencies),
                "role": _one_or_list(a.roles),
                "reason": a.reason,
            }
        )
        for a in entries
    ] or None


def _one_or_list(ids: tuple[str, ...]) -> str | list[str] | None:
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else list(ids)


def dump(data: dict[str, Any], comments: dict[str, str] | None = None) -> str:
    """A mapping as block YAML; ``comments`` go beside top-level keys."""
    return "\n".join(_mapping(data, 0, comments or {})) + "\n"


def _mapping(data: dict[Any, Any], indent: int, comments: dict[str, str]) -> list[str]:
    lines = []
    for key, value in data.items():
        if isinstance(key, Comment):
            lines.append(" " * indent + "# " + " ".join(key.split()))
            continue
        head = " " * indent + (str(key) if isinstance(key, int) else inline(key)) + ":"
        comment = f"  # {comments[key]}" if key in comments else ""
        lines += _value(head, value, indent, comment)
    return lines


def _value(head: str, value: Any, indent: int, comment: str = "") -> list[str]:
    if isinstance(value, dict):
        if not value:
            return [f"{head} {{}}{comment}"]
        return [head + comment, *_mapping(value, indent + 2, {})]
    if isinstance(value, list):
        return [head + comment, *_sequence(value, indent + 2)]
    return scalar_lines(head, value, indent + 2, comment)


def _sequence(items: list[Any], indent: int) -> list[str]:
    lines = []
    for item in items:
        if isinstance(item, dict):
            inner = _mapping(item, indent + 2, {})
            lines += [" " * indent + "- " + inner[0][indent + 2 :], *inner[1:]]
        else:
            lines += scalar_lines(" " * indent + "-", item, indent + 2)
    return lines


def scalar_lines(head: str, value: Any, indent: int, comment: str = "") -> list[str]:
    """``head`` with a value: inline, or as a block whose lines are indented by ``indent``."""
    if value is None:
        return [f"{head} ~{comment}"]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [f"{head} {number(value)}{comment}"]
    text = str(value)
    analysis = _analysis(text)
    block = analysis.allow_block and not text.startswith((" ", "\t")) and _only_newlines(text)
    if analysis.multiline and block:
        body = [" " * indent + line if line else "" for line in text.split("\n")]
        return [f"{head} |{comment}", *body]
    if block and len(head) + len(text) + 1 > LONG and _foldable(text):
        return [f"{head} >{comment}", *(" " * indent + line for line in _fold(text, indent))]
    return [f"{head} {inline(text)}{comment}"]


def inline(text: str) -> str:
    """Text on one line: plain where every YAML reader takes it for this text, else quoted."""
    analysis = _analysis(text)
    resolved = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if analysis.allow_block_plain and resolved == _STR and not _YAML12.match(text):
        return text
    if analysis.allow_single_quoted and not analysis.multiline and _only_newlines(text):
        return "'" + text.replace("'", "''") + "'"
    quoted: str = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=10**9)
    return quoted.rstrip("\n").removesuffix("\n...")


def inline_in_flow(text: str) -> str:
    """Text as an item of a flow list (``[Skill, Skills]``): as ``inline``, and quoted also
    where a comma or bracket would end the item."""
    written = inline(text)
    if written != text or _analysis(text).allow_flow_plain:
        return written
    return "'" + text.replace("'", "''") + "'"


def _analysis(text: str) -> Any:
    """What PyYAML's emitter finds in ``text``: which styles may write it exactly."""
    return yaml.emitter.Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)


def number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _only_newlines(text: str) -> bool:
    return not any(mark in text for mark in _OTHER_BREAKS)


def _foldable(text: str) -> bool:
    """Whether folding at spaces gives back exactly ``text`` (single spaces, no tabs)."""
    return "  " not in text and "\t" not in text and text == text.strip()


def _fold(text: str, indent: int) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and indent + len(lines[-1]) + 1 + len(word) < WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
