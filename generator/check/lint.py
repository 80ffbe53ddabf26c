"""Check: quality warnings of a valid catalogue, each with a stable code.

Warnings fail a run only with ``--strict``; an ``accept:`` entry in the file a warning names
takes it back on purpose (``accept.py``). Each warning says what it is about (a competency,
a role) so that an entry can be narrowed to it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..errors import Location, Problem, Severity
from ..model.handbook import Handbook
from ..model.relations import Relations, relations_of
from .markdown import Finding

MAX_RISE = 2
NEAR_DUPLICATE = 0.8  # share of words in common
NEAR_DUPLICATE_TEXT = 0.9  # similarity of the normalised texts (difflib ratio)
_WORD = re.compile(r"\w+")


Sources = dict[tuple[str, str, int], Location]
"""Where things were written: ("role", id, 0), ("targets", role id, 0), ("competency", id, 0),
("indicator", id, n), ("step", path id, n)."""


def lint(handbook: Handbook, sources: Sources) -> list[Finding]:
    """Every quality warning of a handbook, pointing at the line concerned."""
    relations = relations_of(handbook)
    return [
        *_unused_competencies(handbook, relations, sources),
        *_undescribed_competencies(handbook, relations, sources),
        *_roles_on_no_path(handbook, relations, sources),
        *_roles_without_targets(handbook, sources),
        *_path_steps(handbook, relations, sources),
        *_near_duplicate_indicators(handbook, sources),
    ]


def _warning(
    location: Location,
    code: str,
    message: str,
    *,
    competency: str | None = None,
    role: str | None = None,
) -> Finding:
    return Finding(Problem(location, message, Severity.WARNING, code), competency, role)


def _unused_competencies(
    handbook: Handbook, relations: Relations, sources: Sources
) -> Iterator[Finding]:
    for competency in handbook.competencies:
        if competency.id not in relations.needs:
            yield _warning(
                sources[("competency", competency.id, 0)],
                "unused-competency",
                f"competency {competency.id!r} is not needed by any role",
                competency=competency.id,
            )


def _undescribed_competencies(
    handbook: Handbook, relations: Relations, sources: Sources
) -> Iterator[Finding]:
    """Neither behaviours nor level texts, and some role that targets it says nothing more."""
    for competency in handbook.competencies:
        if competency.indicators or competency.anchors:
            continue
        needs = relations.needs.get(competency.id, ())
        if all(need.expects for need in needs):
            continue
        yield _warning(
            sources[("competency", competency.id, 0)],
            "undescribed-competency",
            f"competency {competency.id!r} has neither indicators nor levels, and not every "
            "role that targets it says what it expects",
            competency=competency.id,
        )


def _roles_on_no_path(
    handbook: Handbook, relations: Relations, sources: Sources
) -> Iterator[Finding]:
    for role in handbook.roles:
        if role.id not in relations.positions:
            yield _warning(
                sources[("role", role.id, 0)],
                "role-not-on-path",
                f"role {role.id!r} is on no career path",
                role=role.id,
            )


def _roles_without_targets(handbook: Handbook, sources: Sources) -> Iterator[Finding]:
    for role in handbook.roles:
        if not role.targets:
            yield _warning(
                sources[("targets", role.id, 0)],
                "no-targets",
                f"role {role.id!r} has no targets: its page describes it, but it gets no "
                "self-assessment sheet",
                role=role.id,
            )


def _path_steps(handbook: Handbook, relations: Relations, sources: Sources) -> Iterator[Finding]:
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            location = sources[("step", path.id, change.index)]
            step = f"{change.before.id} -> {change.after.id}"
            for item in change.lowered:
                yield _warning(
                    location,
                    "falling-target",
                    f"target of {item.competency.id!r} falls from {item.before} to {item.after} "
                    f"along path {path.id!r} ({step})",
                    competency=item.competency.id,
                    role=change.after.id,
                )
            for item in change.raised:
                if item.after - item.before > MAX_RISE:  # type: ignore[operator]
                    yield _warning(
                        location,
                        "target-jump",
                        f"target of {item.competency.id!r} jumps from {item.before} to "
                        f"{item.after} in one step of path {path.id!r} ({step}): at most "
                        f"{MAX_RISE} levels",
                        competency=item.competency.id,
                        role=change.after.id,
                    )


def _near_duplicate_indicators(handbook: Handbook, sources: Sources) -> Iterator[Finding]:
    for competency in handbook.competencies:
        words = [_WORD.findall(i.casefold()) for i in competency.indicators]
        for later in range(len(words)):
            earlier = next((e for e in range(later) if _similar(words[e], words[later])), None)
            if earlier is not None:
                yield _warning(
                    sources[("indicator", competency.id, later)],
                    "similar-indicators",
                    f"indicators {earlier + 1} and {later + 1} of {competency.id!r} are nearly "
                    f"the same: {competency.indicators[later]!r}",
                    competency=competency.id,
                )


def _similar(first: list[str], second: list[str]) -> bool:
    """Mostly the same words, or the same words with small changes (a word more, a typo)."""
    union = set(first) | set(second)
    overlap = len(set(first) & set(second)) / len(union) if union else 1.0
    if overlap >= NEAR_DUPLICATE:
        return True
    a, b = " ".join(first), " ".join(second)
    # Upper bounds of ratio() rule out most pairs cheaply: the lengths (difflib's
    # real_quick_ratio, before the matcher indexes ``b``), then the characters in common.
    if 2 * min(len(a), len(b)) < NEAR_DUPLICATE_TEXT * (len(a) + len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return all(ratio() >= NEAR_DUPLICATE_TEXT for ratio in (matcher.quick_ratio, matcher.ratio))
