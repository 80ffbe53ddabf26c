"""Model: the immutable handbook that every stage after validation works on.

Objects refer to each other by id; ``Handbook`` offers the lookups, and
``relations`` computes the derived facts (reports, paths of a role, step changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Language = str  # "de" or "en"


@dataclass(frozen=True)
class ScaleLevel:
    value: int
    label: str | None


@dataclass(frozen=True)
class Scale:
    levels: tuple[ScaleLevel, ...]

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def label(self, value: int) -> str | None:
        return self.levels[value - 1].label


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class LevelAnchor:
    """What a competency looks like at one level of the scale."""

    level: int
    text: str


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    summary: str
    indicators: tuple[str, ...]
    group_id: str
    anchors: tuple[LevelAnchor, ...] = ()


@dataclass(frozen=True)
class CompetencyGroup:
    id: str
    name: str
    competencies: tuple[Competency, ...]
    description: str | None = None
    rank: int | None = None  # display order among groups; unranked groups come last


@dataclass(frozen=True)
class Requirements:
    education: tuple[str, ...] = ()
    experience_years: int | None = None
    previous_roles: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (
            self.education
            or self.experience_years is not None
            or self.previous_roles
            or self.skills
            or self.tools
        )


@dataclass(frozen=True)
class Salary:
    currency: str
    period: str  # "year" or "month"
    amount: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    note: str | None = None


@dataclass(frozen=True)
class Target:
    competency_id: str
    level: int


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    family_id: str
    summary: str
    targets: tuple[Target, ...]
    rank: int | None = None
    synonyms: tuple[str, ...] = ()
    description: str | None = None
    responsibilities: tuple[str, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    salary: Salary | None = None
    reports_to: str | None = None

    def target(self, competency_id: str) -> int | None:
        for target in self.targets:
            if target.competency_id == competency_id:
                return target.level
        return None


@dataclass(frozen=True)
class PathStep:
    role_id: str
    typical_years: float | None = None
    note: str | None = None


@dataclass(frozen=True)
class CareerPath:
    id: str
    title: str
    steps: tuple[PathStep, ...]
    description: str | None = None


@dataclass(frozen=True)
class Handbook:
    """A validated catalogue. Sequences keep the catalogue's order (files sorted by id)."""

    title: str
    language: Language
    scale: Scale
    families: tuple[Family, ...]
    groups: tuple[CompetencyGroup, ...]
    roles: tuple[Role, ...]
    paths: tuple[CareerPath, ...]
    organisation: str | None = None
    version: str | None = None

    _roles: dict[str, Role] = field(init=False, repr=False, compare=False)
    _families: dict[str, Family] = field(init=False, repr=False, compare=False)
    _groups: dict[str, CompetencyGroup] = field(init=False, repr=False, compare=False)
    _competencies: dict[str, Competency] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {
            "_roles": {r.id: r for r in self.roles},
            "_families": {f.id: f for f in self.families},
            "_groups": {g.id: g for g in self.groups},
            "_competencies": {c.id: c for g in self.groups for c in g.competencies},
        }
        for name, mapping in index.items():
            object.__setattr__(self, name, mapping)

    @property
    def competencies(self) -> tuple[Competency, ...]:
        """Every competency, in group order then file order."""
        return tuple(self._competencies.values())

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def family(self, family_id: str) -> Family:
        return self._families[family_id]

    def group(self, group_id: str) -> CompetencyGroup:
        return self._groups[group_id]

    def competency(self, competency_id: str) -> Competency:
        return self._competencies[competency_id]
