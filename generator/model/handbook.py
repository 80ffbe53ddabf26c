"""Model: the immutable handbook that every stage after validation works on.

Objects refer to each other by id; ``Handbook`` offers the lookups, and
``relations`` computes the derived facts (reports, paths of a role, step changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Language = str  # "de" or "en"


@dataclass(frozen=True)
class Acceptance:
    """A warning accepted on purpose (``accept:`` in the file that carries it)."""

    warning: str  # the warning's code
    reason: str
    competencies: tuple[str, ...] = ()  # narrows the entry to these competencies
    roles: tuple[str, ...] = ()  # ... and these roles


@dataclass(frozen=True)
class ScaleLevel:
    value: int
    label: str | None
    description: str | None = None  # Markdown: what the level means


@dataclass(frozen=True)
class Scale:
    levels: tuple[ScaleLevel, ...]

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def label(self, value: int) -> str | None:
        return self.levels[value - 1].label

    def description(self, value: int) -> str | None:
        return self.levels[value - 1].description


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class LevelAnchor:
    """What a competency looks like at one level of the scale (Markdown)."""

    level: int
    text: str


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    summary: str | None
    indicators: tuple[str, ...]
    group_id: str
    anchors: tuple[LevelAnchor, ...] = ()

    def level_text(self, level: int) -> str | None:
        """What the competency looks like at ``level``, if the catalogue says."""
        return next((a.text for a in self.anchors if a.level == level), None)


@dataclass(frozen=True)
class CompetencyGroup:
    id: str
    name: str
    competencies: tuple[Competency, ...]
    description: str | None = None
    rank: int | None = None  # display order among groups; unranked groups come last
    accepted: tuple[Acceptance, ...] = ()


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
    expects: str | None = None  # Markdown: what this role is expected to do


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    family_id: str
    summary: str | None
    targets: tuple[Target, ...]
    rank: int | None = None
    synonyms: tuple[str, ...] = ()
    description: str | None = None
    responsibilities: tuple[str, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    salary: Salary | None = None
    reports_to: str | None = None
    accepted: tuple[Acceptance, ...] = ()

    def target(self, competency_id: str) -> Target | None:
        return next((t for t in self.targets if t.competency_id == competency_id), None)


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
    accepted: tuple[Acceptance, ...] = ()


@dataclass(frozen=True)
class OrganisationPage:
    """One of the organisation's own pages (``pages/<id>.md``)."""

    id: str
    title: str
    body: str  # Markdown
    rank: int | None = None
    accepted: tuple[Acceptance, ...] = ()


@dataclass(frozen=True)
class PageImage:
    """An image the organisation's pages show (``pages/images/<name>``)."""

    name: str
    data: bytes = field(repr=False)


NOUNS = ("role", "competency", "family", "path", "level")


@dataclass(frozen=True)
class Terms:
    """The organisation's words for the site's nouns: (singular, plural), or None where
    the language's own word is used."""

    role: tuple[str, str] | None = None
    competency: tuple[str, str] | None = None
    family: tuple[str, str] | None = None
    path: tuple[str, str] | None = None
    level: tuple[str, str] | None = None


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
    terms: Terms = field(default_factory=Terms)
    pages: tuple[OrganisationPage, ...] = ()
    images: tuple[PageImage, ...] = ()
    accepted: tuple[Acceptance, ...] = ()

    _roles: dict[str, Role] = field(init=False, repr=False, compare=False)
    _families: dict[str, Family] = field(init=False, repr=False, compare=False)
    _groups: dict[str, CompetencyGroup] = field(init=False, repr=False, compare=False)
    _competencies: dict[str, Competency] = field(init=False, repr=False, compare=False)
    # Facts derived from the handbook once for all who ask (``relations.relations_of``).
    derived: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {
            "_roles": {r.id: r for r in self.roles},
            "_families": {f.id: f for f in self.families},
            "_groups": {g.id: g for g in self.groups},
            "_competencies": {c.id: c for g in self.groups for c in g.competencies},
            "derived": {},
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
