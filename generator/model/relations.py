"""Model: derived facts about a handbook, computed once so templates never re-derive them."""

from __future__ import annotations

import heapq
import math
import struct
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import ge, truediv

from .handbook import CareerPath, Competency, Handbook, PathStep, Role, Target
from .wordiff import same_words

NEARBY_COUNT = 3


@dataclass(frozen=True)
class LevelChange:
    competency: Competency
    before: int | None  # None: new in this step
    after: int | None  # None: no longer listed
    expects_before: str | None = None  # what each role says it expects (Markdown)
    expects_after: str | None = None

    @property
    def text_before(self) -> str | None:
        """What is expected before the step: the level's text, then the role's expectation."""
        return _expectation(self.competency, self.before, self.expects_before)

    @property
    def text_after(self) -> str | None:
        return _expectation(self.competency, self.after, self.expects_after)


@dataclass(frozen=True)
class StepChange:
    """What changes from one step of a career path to the next."""

    path: CareerPath
    index: int  # index of the higher step in path.steps
    before: Role
    after: Role
    step: PathStep
    raised: tuple[LevelChange, ...]
    lowered: tuple[LevelChange, ...]
    added: tuple[LevelChange, ...]
    dropped: tuple[LevelChange, ...]
    reworded: tuple[LevelChange, ...]  # the same level, but another expectation
    kept: tuple[LevelChange, ...]
    new_requirements: dict[str, tuple[str, ...]]
    experience_years: tuple[int | None, int | None]

    @property
    def id(self) -> str:
        """Stable id of the step, e.g. ``account-management-2`` (used for readiness sheets)."""
        return f"{self.path.id}-{self.index}"


@dataclass(frozen=True)
class PathPosition:
    path: CareerPath
    index: int
    previous: Role | None
    next: Role | None


@dataclass(frozen=True)
class Need:
    role: Role
    level: int
    expects: str | None = None


def relations_of(handbook: Handbook) -> Relations:
    """The one ``Relations`` of ``handbook``: validation's warnings, the render plan and the
    exports ask for the same facts (a tenth of a second at 1,000 roles)."""
    found = handbook.derived.get("relations")
    if not isinstance(found, Relations):
        found = handbook.derived["relations"] = Relations(handbook)
    return found


class Relations:
    """Lookups over a handbook; each property is computed on first use and kept."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook

    def _role_order(self, role: Role) -> tuple[int, float, str, str]:
        family_index = self._family_index[role.family_id]
        rank = role.rank if role.rank is not None else math.inf
        return (family_index, rank, role.title.casefold(), role.id)

    @cached_property
    def _family_index(self) -> dict[str, int]:
        return {family.id: index for index, family in enumerate(self.handbook.families)}

    @cached_property
    def _catalogue_order(self) -> dict[str, int]:
        """Competency id -> its place in the catalogue (groups in order, then as written)."""
        return {c.id: index for index, c in enumerate(self.handbook.competencies)}

    @cached_property
    def roles_in_order(self) -> tuple[Role, ...]:
        """Roles by family (handbook order), then rank, then title."""
        return tuple(sorted(self.handbook.roles, key=self._role_order))

    @cached_property
    def roles_by_family(self) -> dict[str, tuple[Role, ...]]:
        grouped: dict[str, list[Role]] = {f.id: [] for f in self.handbook.families}
        for role in self.roles_in_order:
            grouped[role.family_id].append(role)
        return {family_id: tuple(roles) for family_id, roles in grouped.items()}

    @cached_property
    def reports(self) -> dict[str, tuple[Role, ...]]:
        """Role id -> the roles that report to it, in role order."""
        grouped: dict[str, list[Role]] = defaultdict(list)
        for role in self.roles_in_order:
            if role.reports_to is not None:
                grouped[role.reports_to].append(role)
        return {role_id: tuple(roles) for role_id, roles in grouped.items()}

    @cached_property
    def needs(self) -> dict[str, tuple[Need, ...]]:
        """Competency id -> every role that needs it, with the target, in role order."""
        grouped: dict[str, list[Need]] = defaultdict(list)
        for role in self.roles_in_order:
            for target in role.targets:
                grouped[target.competency_id].append(Need(role, target.level, target.expects))
        return {competency_id: tuple(needs) for competency_id, needs in grouped.items()}

    @cached_property
    def positions(self) -> dict[str, tuple[PathPosition, ...]]:
        """Role id -> where the role stands on each path that contains it."""
        grouped: dict[str, list[PathPosition]] = defaultdict(list)
        for path in self.handbook.paths:
            roles = [self.handbook.role(step.role_id) for step in path.steps]
            for index, role in enumerate(roles):
                previous = roles[index - 1] if index > 0 else None
                following = roles[index + 1] if index + 1 < len(roles) else None
                grouped[role.id].append(PathPosition(path, index, previous, following))
        return {role_id: tuple(items) for role_id, items in grouped.items()}

    @cached_property
    def paths_by_family(self) -> dict[str, tuple[CareerPath, ...]]:
        """Family id -> the paths with at least one step in the family."""
        grouped: dict[str, list[CareerPath]] = {f.id: [] for f in self.handbook.families}
        for path in self.handbook.paths:
            families = {self.handbook.role(s.role_id).family_id for s in path.steps}
            for family_id in sorted(families):
                grouped[family_id].append(path)
        return {family_id: tuple(paths) for family_id, paths in grouped.items()}

    @cached_property
    def step_changes(self) -> dict[str, tuple[StepChange, ...]]:
        """Path id -> the change at each step up (one fewer than the steps)."""
        return {
            path.id: tuple(self._step_change(path, index) for index in range(1, len(path.steps)))
            for path in self.handbook.paths
        }

    def step_change(self, path_id: str, index: int) -> StepChange:
        return self.step_changes[path_id][index - 1]

    def _step_change(self, path: CareerPath, index: int) -> StepChange:
        before = self.handbook.role(path.steps[index - 1].role_id)
        after = self.handbook.role(path.steps[index].role_id)
        old, new = self.target_of(before), self.target_of(after)
        involved = sorted(old.keys() | new.keys(), key=self._catalogue_order.__getitem__)
        changes = [
            _level_change(self.handbook.competency(c), old.get(c), new.get(c)) for c in involved
        ]
        return StepChange(
            path=path,
            index=index,
            before=before,
            after=after,
            step=path.steps[index],
            raised=tuple(c for c in changes if _delta(c) > 0),
            lowered=tuple(c for c in changes if _delta(c) < 0),
            added=tuple(c for c in changes if c.before is None),
            dropped=tuple(c for c in changes if c.after is None),
            reworded=tuple(c for c in changes if _same_level(c) and _reworded(c)),
            kept=tuple(c for c in changes if _same_level(c) and not _reworded(c)),
            new_requirements=_new_requirements(before, after),
            experience_years=(
                before.requirements.experience_years,
                after.requirements.experience_years,
            ),
        )

    def targets(self, role: Role) -> dict[str, int]:
        """Competency id -> target level of one role."""
        return self._targets[role.id]

    @cached_property
    def _targets(self) -> dict[str, dict[str, int]]:
        return {r.id: {t.competency_id: t.level for t in r.targets} for r in self.handbook.roles}

    def target_of(self, role: Role) -> dict[str, Target]:
        """Competency id -> the target of one role, with what the role expects."""
        return {t.competency_id: t for t in role.targets}

    @cached_property
    def nearby(self) -> dict[str, tuple[Role, ...]]:
        """Role id -> the roles with the most similar target profiles (cosine similarity).

        Ties go to the role that comes first in role order; roles that share no competency
        are never nearby. The dot products of one role with all others are computed at once
        (see ``_dot_products``), which keeps this linear enough for thousands of roles.
        """
        roles = self.roles_in_order
        norms = [math.sqrt(sum(t.level**2 for t in role.targets)) for role in roles]
        dots = _dot_products(roles, self.handbook.scale.maximum)
        result = {}
        for index, role in enumerate(roles):
            products = dots(role)
            products[index] = 0  # a role is not near itself
            scales = [norms[index] * norm or 1.0 for norm in norms]  # no targets: no neighbour
            cosines = list(map(truediv, products, scales))
            result[role.id] = tuple(roles[i] for i in _top(cosines, NEARBY_COUNT))
        return result


def _top(values: list[float], count: int) -> list[int]:
    """Indexes of the ``count`` largest positive values; of equal values the lowest index."""
    if not values:
        return []
    threshold = max(heapq.nlargest(count, values)[-1], math.ulp(0))
    candidates = compress(range(len(values)), map(ge, values, repeat(threshold)))
    return sorted(candidates, key=lambda i: -values[i])[:count]


def _dot_products(roles: tuple[Role, ...], maximum: int) -> Callable[[Role], list[int]]:
    """A function: role -> its target dot product with every role, in the order of ``roles``.

    Each competency's column of targets is packed into one integer, a fixed-width field per
    role, so adding a role's weighted columns computes all its dot products in one pass of
    integer arithmetic; the fields are wide enough that no sum can carry into the next one.
    """
    largest = max((len(role.targets) for role in roles), default=0) * maximum * maximum
    size, code = next(
        (s, c) for s, c in ((1, "B"), (2, "H"), (4, "I"), (8, "Q")) if largest < 256**s
    )
    columns: dict[str, int] = defaultdict(int)
    for index, role in enumerate(roles):
        for target in role.targets:
            columns[target.competency_id] |= target.level << (index * size * 8)
    unpack = struct.Struct(f"<{len(roles)}{code}").unpack

    def products(role: Role) -> list[int]:
        packed = sum(target.level * columns[target.competency_id] for target in role.targets)
        return list(unpack(packed.to_bytes(size * len(roles), "little")))

    return products


def _level_change(competency: Competency, old: Target | None, new: Target | None) -> LevelChange:
    return LevelChange(
        competency,
        old.level if old else None,
        new.level if new else None,
        old.expects if old else None,
        new.expects if new else None,
    )


def _expectation(competency: Competency, level: int | None, expects: str | None) -> str | None:
    if level is None:
        return None
    parts = [text for text in (competency.level_text(level), expects) if text]
    return "\n\n".join(parts) or None


def _same_level(change: LevelChange) -> bool:
    return change.before is not None and change.before == change.after


def _reworded(change: LevelChange) -> bool:
    return not same_words(change.expects_before, change.expects_after)


def _delta(change: LevelChange) -> int:
    if change.before is None or change.after is None:
        return 0
    return change.after - change.before


def _new_requirements(before: Role, after: Role) -> dict[str, tuple[str, ...]]:
    """Requirement texts the higher role lists and the lower one does not, by kind."""
    result = {}
    for kind in ("education", "skills", "tools"):
        old = set(getattr(before.requirements, kind))
        new = tuple(t for t in getattr(after.requirements, kind) if t not in old)
        if new:
            result[kind] = new
    return result
