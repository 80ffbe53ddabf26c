"""View objects for the handbook pages: everything a page shows, decided in Python.

Templates receive these frozen objects and only present them. Texts made here (counts,
"4 Jahre", "Soll-Niveau 4 von 5") come from the UI strings of ``i18n.py``; catalogue text is
passed through unchanged and escaped when a template prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from . import i18n
from .load import ID_PATTERN
from .matrix import LegendEntry, Matrix, build_family_matrix, legend, matrix_families
from .model import CareerPath, Competency, CompetencyGroup, Family, Handbook, Role
from .relations import PathPosition, Relations


@dataclass(frozen=True)
class LevelBar:
    """A target level drawn as one cell per scale level, the first ``level`` cells filled."""

    level: int
    maximum: int
    label: str | None  # the scale's label of this level (catalogue text)
    alt: str  # text alternative, e.g. "Soll-Niveau 4 von 5"

    @property
    def cells(self) -> tuple[bool, ...]:
        return tuple(index < self.level for index in range(self.maximum))


@dataclass(frozen=True)
class TargetRow:
    competency: Competency
    bar: LevelBar


@dataclass(frozen=True)
class GroupTargets:
    group: CompetencyGroup
    rows: tuple[TargetRow, ...]


@dataclass(frozen=True)
class TextList:
    """A labelled list of catalogue texts (education, skills, tools)."""

    kind: str  # "education", "skills" or "tools"
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class PathSummary:
    path: CareerPath
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class PositionView:
    """Where a role stands on one career path."""

    path: CareerPath
    where: str  # "Stufe 2 von 3"
    previous: Role | None
    next: Role | None
    next_anchor: str | None  # anchor on the path page: what changes at the next step


@dataclass(frozen=True)
class RoleLink:
    role: Role
    other_family: Family | None  # the role's family, if it differs from the page's


@dataclass(frozen=True)
class RoleView:
    role: Role
    family: Family
    reports_to: Role | None
    leads: tuple[Role, ...]
    previous_roles: tuple[Role, ...]
    experience: str | None
    lists: tuple[TextList, ...]
    scale_text: str
    groups: tuple[GroupTargets, ...]
    positions: tuple[PositionView, ...]
    nearby: tuple[RoleLink, ...]
    has_sheet: bool  # the role's self-assessment sheet (sheets/<id>.md) is planned
    keywords: tuple[Markup, ...]  # the synonyms as search keywords (see search_keyword)


@dataclass(frozen=True)
class AnchorRow:
    bar: LevelBar
    text: str


@dataclass(frozen=True)
class NeedRow:
    role: Role
    family: Family
    bar: LevelBar


@dataclass(frozen=True)
class CompetencyView:
    competency: Competency
    group: CompetencyGroup
    anchors: tuple[AnchorRow, ...]
    needs: tuple[NeedRow, ...]
    scale_text: str


@dataclass(frozen=True)
class FamilyView:
    family: Family
    roles: tuple[Role, ...]
    paths: tuple[PathSummary, ...]
    has_matrix: bool  # the family has roles, so it has a matrix page


@dataclass(frozen=True)
class FamilySummary:
    """A family as an entry of a list: its name links to its page, the counts follow."""

    family: Family
    counts: str  # "6 Rollen · 2 Karrierepfade"


@dataclass(frozen=True)
class GroupSummary:
    group: CompetencyGroup
    count: str  # "6 Kompetenzen"


@dataclass(frozen=True)
class HomeView:
    """The home page: ways in and counts, never a list of every role, path or competency."""

    edition: str | None
    families: tuple[FamilySummary, ...]
    has_paths: bool
    groups: tuple[GroupSummary, ...]
    counts: str  # "6 Rollen · 35 Kompetenzen · 2 Karrierepfade"


@dataclass(frozen=True)
class MatrixIndexView:
    """The matrix overview: the legend and the families that have a matrix page."""

    legend: tuple[LegendEntry, ...]
    families: tuple[FamilySummary, ...]


@dataclass(frozen=True)
class FamilyMatrixView:
    family: Family
    title: str  # "Kompetenzmatrix: Vertrieb & Marketing"
    matrix: Matrix


class Views:
    """Builds the view objects of one handbook in its language."""

    def __init__(self, handbook: Handbook, relations: Relations) -> None:
        self.handbook = handbook
        self.relations = relations
        self.language = handbook.language
        self.t = i18n.STRINGS[handbook.language]
        self._bars: dict[tuple[int, bool], LevelBar] = {}

    # -- small texts -----------------------------------------------------------------------

    def count(self, key: str, number: float, **values: str) -> str:
        """``count("roles", 6)`` -> "6 Rollen", from ``count_roles_one``/``count_roles_other``."""
        template = self.t[f"count_{key}_one" if number == 1 else f"count_{key}_other"]
        return template.format(n=self.number(number), **values)

    def number(self, value: float) -> str:
        """A count or a number of years: ``2.5`` -> "2,5" (de), no trailing zeros."""
        text = i18n.format_number(value, self.language)
        if not float(value).is_integer():
            text = text.rstrip("0")
        return text

    def years(self, number: float) -> str:
        return self.count("years", number)

    def bar(self, level: int, *, target: bool = True) -> LevelBar:
        """A level bar; ``target=False`` for a plain level (a level anchor, not a target).

        There are only a few distinct bars; each is made once and shared.
        """
        bar = self._bars.get((level, target))
        if bar is None:
            maximum = self.handbook.scale.maximum
            alt = self.t["level_alt" if target else "level_alt_plain"].format(
                level=level, maximum=maximum
            )
            bar = LevelBar(level, maximum, self.handbook.scale.label(level), alt)
            self._bars[(level, target)] = bar
        return bar

    @property
    def scale_text(self) -> str:
        """How to read the level bars: "Skala von 1 (…) bis 5 (…)"."""
        scale = self.handbook.scale
        low, high = scale.levels[0], scale.levels[-1]
        return self.t["scale_text"].format(
            low=_with_label(low.value, low.label), high=_with_label(high.value, high.label)
        )

    def text_lists(self, lists: dict[str, tuple[str, ...]]) -> tuple[TextList, ...]:
        return tuple(
            TextList(kind, self.t[f"requirement_{kind}"], items)
            for kind, items in lists.items()
            if items
        )

    def path_summary(self, path: CareerPath) -> PathSummary:
        return PathSummary(path, tuple(self.handbook.role(s.role_id) for s in path.steps))

    # -- pages -------------------------------------------------------------------------------

    def role(self, role: Role, *, has_sheet: bool) -> RoleView:
        handbook, relations = self.handbook, self.relations
        requirements = role.requirements
        experience = None
        if requirements.experience_years is not None:
            experience = (
                self.years(requirements.experience_years)
                if requirements.experience_years
                else self.t["no_experience"]
            )
        return RoleView(
            role=role,
            family=handbook.family(role.family_id),
            reports_to=handbook.role(role.reports_to) if role.reports_to else None,
            leads=relations.reports.get(role.id, ()),
            previous_roles=tuple(handbook.role(r) for r in requirements.previous_roles),
            experience=experience,
            lists=self.text_lists(
                {
                    "education": requirements.education,
                    "skills": requirements.skills,
                    "tools": requirements.tools,
                }
            ),
            scale_text=self.scale_text,
            groups=self.role_targets(role),
            positions=tuple(self.position(p) for p in relations.positions.get(role.id, ())),
            nearby=tuple(
                RoleLink(r, None if r.family_id == role.family_id else handbook.family(r.family_id))
                for r in relations.nearby[role.id]
            ),
            has_sheet=has_sheet,
            keywords=tuple(k for k in map(search_keyword, role.synonyms) if k),
        )

    def role_targets(self, role: Role) -> tuple[GroupTargets, ...]:
        """The role's targets grouped by competency group, in catalogue order."""
        targets = self.relations.targets(role)
        result = []
        for group in self.handbook.groups:
            rows = tuple(
                TargetRow(c, self.bar(targets[c.id])) for c in group.competencies if c.id in targets
            )
            if rows:
                result.append(GroupTargets(group, rows))
        return tuple(result)

    def position(self, position: PathPosition) -> PositionView:
        steps = len(position.path.steps)
        number = position.index + 1
        return PositionView(
            path=position.path,
            where=self.t["step_of"].format(step=number, steps=steps),
            previous=position.previous,
            next=position.next,
            next_anchor=step_anchor(number + 1) if position.next else None,
        )

    def competency(self, competency: Competency) -> CompetencyView:
        handbook = self.handbook
        return CompetencyView(
            competency=competency,
            group=handbook.group(competency.group_id),
            anchors=tuple(
                AnchorRow(self.bar(a.level, target=False), a.text) for a in competency.anchors
            ),
            needs=tuple(
                NeedRow(n.role, handbook.family(n.role.family_id), self.bar(n.level))
                for n in self.relations.needs.get(competency.id, ())
            ),
            scale_text=self.scale_text,
        )

    def family(self, family: Family) -> FamilyView:
        roles = self.relations.roles_by_family[family.id]
        return FamilyView(
            family=family,
            roles=roles,
            paths=tuple(self.path_summary(p) for p in self.relations.paths_by_family[family.id]),
            has_matrix=bool(roles),
        )

    def family_summary(self, family: Family, *, with_paths: bool) -> FamilySummary:
        """``with_paths`` adds the number of the family's paths, when it has any."""
        counts = [self.count("roles", len(self.relations.roles_by_family[family.id]))]
        paths = len(self.relations.paths_by_family[family.id])
        if with_paths and paths:
            counts.append(self.count("paths", paths))
        return FamilySummary(family, " · ".join(counts))

    def group_summaries(self) -> tuple[GroupSummary, ...]:
        return tuple(
            GroupSummary(g, self.count("competencies", len(g.competencies)))
            for g in self.handbook.groups
        )

    def home(self) -> HomeView:
        handbook = self.handbook
        counts = [self.count("roles", len(handbook.roles))]
        counts.append(self.count("competencies", len(handbook.competencies)))
        if handbook.paths:
            counts.append(self.count("paths", len(handbook.paths)))
        edition = handbook.version and self.t["edition"].format(version=handbook.version)
        return HomeView(
            edition=edition or None,
            families=tuple(self.family_summary(f, with_paths=True) for f in handbook.families),
            has_paths=bool(handbook.paths),
            groups=self.group_summaries(),
            counts=" · ".join(counts),
        )

    def matrix_index(self) -> MatrixIndexView:
        families = matrix_families(self.handbook, self.relations)
        return MatrixIndexView(
            legend=legend(self.handbook),
            families=tuple(self.family_summary(f, with_paths=False) for f in families),
        )

    def family_matrix(self, family: Family) -> FamilyMatrixView:
        return FamilyMatrixView(
            family=family,
            title=self.t["matrix_family_title"].format(family=family.name),
            matrix=build_family_matrix(self.handbook, self.relations, family),
        )


def ref(value: str) -> Markup:
    """An id as a link target (``roles/{{ role.id | ref }}.md``), shown as written.

    Escaping would turn ``-`` into ``&#45;`` and break the link; an id is safe as it is
    because it matches the id pattern, which this checks.
    """
    if not ID_PATTERN.fullmatch(value):
        raise ValueError(f"not an id, cannot be a link target: {value!r}")
    return Markup(value)


_NOT_KEYWORD = re.compile(r"[^\w\s-]|_")


def search_keyword(text: str) -> Markup:
    """A synonym as a search keyword in a page's front matter (``tags``).

    MkDocs Material indexes page tags with the weight we give titles, so a role is the first
    hit for each of its other titles. Only letters, digits, spaces and hyphens are kept
    (anything else becomes a space), so the value is inert in YAML, HTML and Markdown; it is
    never shown as text on the page, where the synonyms appear escaped as usual.
    """
    return Markup(" ".join(_NOT_KEYWORD.sub(" ", text).split()))


def step_anchor(number: int) -> str:
    """The anchor of step ``number`` (1-based) on a path page, e.g. ``step-2``."""
    return f"step-{number}"


def _with_label(level: int, label: str | None) -> str:
    return f"{level} ({label})" if label else str(level)
