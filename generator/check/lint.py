"""Check: quality warnings of a valid catalogue; they fail a run only with ``--strict``."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..errors import Location, Problem, Severity
from ..model.handbook import Handbook
from ..model.relations import Relations

MAX_RISE = 2
NEAR_DUPLICATE = 0.8  # share of words in common
NEAR_DUPLICATE_TEXT = 0.9  # similarity of the normalised texts (difflib ratio)
_WORD = re.compile(r"\w+")


Sources = dict[tuple[str, str, int], Location]
"""Where things were written: ("role", id, 0), ("competency", id, 0), ("indicator", id, n),
("step", path id, n)."""


def lint(handbook: Handbook, sources: Sources) -> list[Problem]:
    """Every quality warning of a handbook, pointing at the line concerned."""
    relations = Relations(handbook)
    problems = [
        *_unused_competencies(handbook, relations, sources),
        *_roles_on_no_path(handbook, relations, sources),
        *_path_steps(handbook, relations, sources),
        *_near_duplicate_indicators(handbook, sources),
    ]
    return [Problem(p.location, p.message, Severity.WARNING) for p in problems]


def _unused_competencies(
    handbook: Handbook, relations: Relations, sources: Sources
) -> Iterator[Problem]:
    for competency in handbook.competencies:
        if competency.id not in relations.needs:
            location = sources[("competency", competency.id, 0)]
            yield Problem(location, f"competency {competency.id!r} is not needed by any role")


def _roles_on_no_path(
    handbook: Handbook, relations: Relations, sources: Sources
) -> Iterator[Problem]:
    for role in handbook.roles:
        if role.id not in relations.positions:
            yield Problem(sources[("role", role.id, 0)], f"role {role.id!r} is on no career path")


def _path_steps(handbook: Handbook, relations: Relations, sources: Sources) -> Iterator[Problem]:
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            location = sources[("step", path.id, change.index)]
            step = f"{change.before.id} -> {change.after.id}"
            for item in change.lowered:
                yield Problem(
                    location,
                    f"target of {item.competency.id!r} falls from {item.before} to {item.after} "
                    f"along path {path.id!r} ({step})",
                )
            for item in change.raised:
                if item.after - item.before > MAX_RISE:  # type: ignore[operator]
                    rise = f"jumps from {item.before} to {item.after}"
                    yield Problem(
                        location,
                        f"target of {item.competency.id!r} {rise} in one step of path "
                        f"{path.id!r} ({step}): at most {MAX_RISE} levels",
                    )


def _near_duplicate_indicators(handbook: Handbook, sources: Sources) -> Iterator[Problem]:
    for competency in handbook.competencies:
        words = [_WORD.findall(i.casefold()) for i in competency.indicators]
        for later in range(len(words)):
            earlier = next((e for e in range(later) if _similar(words[e], words[later])), None)
            if earlier is not None:
                yield Problem(
                    sources[("indicator", competency.id, later)],
                    f"indicators {earlier + 1} and {later + 1} of {competency.id!r} are nearly "
                    f"the same: {competency.indicators[later]!r}",
                )


def _similar(first: list[str], second: list[str]) -> bool:
    """Mostly the same words, or the same words with small changes (a word more, a typo)."""
    union = set(first) | set(second)
    overlap = len(set(first) & set(second)) / len(union) if union else 1.0
    if overlap >= NEAR_DUPLICATE:
        return True
    matcher = difflib.SequenceMatcher(None, " ".join(first), " ".join(second))
    # the quick ratios are upper bounds of ratio(): most pairs are ruled out without it
    return all(
        ratio() >= NEAR_DUPLICATE_TEXT
        for ratio in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio)
    )
