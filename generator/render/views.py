"""Render: what each handbook page shows, decided in Python (home, role, competency,
competency catalogue, matrix; the family and path pages have modules of their own).

Templates receive these frozen objects and only present them: every text made from UI
strings comes from ``words.py``, every link from ``urls.py``. Catalogue text is passed on
unchanged and escaped when a template prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model.handbook import Competency, CompetencyGroup, Family, Handbook, Role
from ..model.relations import PathPosition, Relations
from . import urls
from .compareview import has_compare
from .expectations import Expectation, expectation
from .matrix import Cell, LegendEntry, Matrix, build_family_matrix, legend, matrix_families
from .prose import markdown_html
from .sheets import has_sheet
from .urls import HtmlLinks, Link, PageLinks
from .words import Words


@dataclass(frozen=True)
class LevelBar:
    """A target level drawn as one cell per scale level, the first ``level`` cells filled."""

    level: int
    maximum: int
    label: str | None  # the scale's label of this level (catalogue text)
    alt: str  # text alternative, e.g. "Soll-Niveau 4 von 5"


@dataclass(frozen=True)
class TargetRow:
    competency: Link
    bar: LevelBar
    expectation: Expectation


@dataclass(frozen=True)
class ScaleEntry:
    """A level of the scale as a legend shows it: number, label and what it means."""

    level: int
    label: str | None
    description: Markup  # rendered Markdown, or empty


@dataclass(frozen=True)
class GroupTargets:
    group: CompetencyGroup
    anchor: str
    rows: tuple[TargetRow, ...]


@dataclass(frozen=True)
class TextList:
    """A labelled list of catalogue texts (education, skills, tools)."""

    kind: str  # "education", "skills" or "tools"
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class PositionView:
    """Where a role stands on one career path."""

    path: Link
    where: str  # "Stufe 2 von 3"
    previous: Link | None
    next: Link | None
    next_changes: Link | None  # the path page's section on what changes at the next step


@dataclass(frozen=True)
class NearbyRole:
    role: Link
    other_family: str | None  # the role's family, if it differs from the page's


@dataclass(frozen=True)
class RoleView:
    """A role's page. Its facts, targets, positions and sheet button are raw HTML (links
    from ``HtmlLinks``); the previous roles and nearby roles are Markdown (``PageLinks``)."""

    role: Role
    family: Link
    reports_to: Link | None
    leads: tuple[Link, ...]
    salary: str | None
    sheet: Link | None  # the role's self-assessment sheet
    compare: Link | None  # the compare page with this role chosen (none with one role)
    has_requirements: bool
    experience: str | None
    previous_roles: tuple[Link, ...]  # Markdown
    lists: tuple[TextList, ...]
    scale_text: str
    scale: tuple[ScaleEntry, ...]  # the levels, when the scale describes them
    groups: tuple[GroupTargets, ...]
    positions: tuple[PositionView, ...]
    nearby: tuple[NearbyRole, ...]  # Markdown
    keywords: tuple[Markup, ...]  # the synonyms as search keywords (see search_keyword)


@dataclass(frozen=True)
class LevelRole:
    """A role that targets a competency at one level, with its own words for it."""

    role: Link
    family: str
    expects: Markup  # rendered Markdown, or empty


@dataclass(frozen=True)
class LevelStep:
    """One level of a competency's ladder: what it looks like, and who needs it there."""

    bar: LevelBar
    label: str | None
    meaning: Markup  # the scale's description of the level
    text: Markup  # the competency's own text for the level
    roles: tuple[LevelRole, ...]


@dataclass(frozen=True)
class CompetencyView:
    competency: Competency
    group: str
    ladder: tuple[LevelStep, ...]  # every level of the scale, from the lowest up
    has_roles: bool


@dataclass(frozen=True)
class Summary:
    """An entry of an overview list: a link, then counts ("6 Rollen · 2 Karrierepfade")."""

    link: Link
    counts: str


@dataclass(frozen=True)
class HomeView:
    """The home page: ways in and counts, never a list of every role, path or competency."""

    imprint: str  # "Beispiel GmbH · Ausgabe 2026.1", or ""
    counts: str  # "6 Rollen · 35 Kompetenzen · 2 Karrierepfade"
    roles: Link  # the home page's own list of families
    paths: Link | None
    catalogue: Link
    matrix: Link
    families: tuple[Summary, ...]
    groups: tuple[Summary, ...]
    matrix_csv: Markup
    catalogue_json: Markup
    pages: tuple[Link, ...]  # the organisation's own pages
    guide: Link
    security: Link


@dataclass(frozen=True)
class CatalogueEntry:
    competency: Link
    summary: str | None


@dataclass(frozen=True)
class CatalogueGroup:
    group: CompetencyGroup
    anchor: str
    count: str  # "6 Kompetenzen"
    competencies: tuple[CatalogueEntry, ...]


@dataclass(frozen=True)
class MatrixIndexView:
    """The matrix overview: the legend, the downloads and the families with a matrix page."""

    legend: tuple[LegendEntry, ...]
    matrix_csv: Markup
    catalogue_json: Markup
    families: tuple[Summary, ...]


@dataclass(frozen=True)
class MatrixColumns:
    family: str
    roles: tuple[Link, ...]

    @property
    def span(self) -> int:
        return len(self.roles)


@dataclass(frozen=True)
class MatrixRow:
    competency: Link
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class MatrixRows:
    group: str
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class FamilyMatrixView:
    title: str  # "Kompetenzmatrix: Vertrieb & Marketing"
    family: Link
    overview: Link
    legend: tuple[LegendEntry, ...]
    columns: tuple[MatrixColumns, ...]
    rows: tuple[MatrixRows, ...]
    width: int  # columns of the table


class Views:
    """Builds the view objects of one handbook's pages in its language."""

    def __init__(self, handbook: Handbook, relations: Relations) -> None:
        self.handbook = handbook
        self.relations = relations
        self.words = Words(handbook)
        self.t = self.words.t
        self._bars: dict[tuple[int, bool], LevelBar] = {}
        # (competency id, level, expects) -> the row every role page shows for that target
        self._target_rows: dict[tuple[str, int, str | None], TargetRow] = {}

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

    def scale_entries(self) -> tuple[ScaleEntry, ...]:
        """The scale's levels with their meaning, when at least one level is described."""
        levels = self.handbook.scale.levels
        if not any(level.description for level in levels):
            return ()
        return tuple(
            ScaleEntry(level.value, level.label, markdown_html(level.description, demote=3))
            for level in levels
        )

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

    # -- pages -------------------------------------------------------------------------------

    def role(self, role: Role) -> RoleView:
        handbook, relations = self.handbook, self.relations
        page = urls.role_page(role.id)
        links, html = PageLinks(page), HtmlLinks(page)
        requirements = role.requirements
        experience = None
        if requirements.experience_years is not None:
            experience = (
                self.words.years(requirements.experience_years)
                if requirements.experience_years
                else self.t["no_experience"]
            )
        return RoleView(
            role=role,
            family=html.family(handbook.family(role.family_id)),
            reports_to=html.role(handbook.role(role.reports_to)) if role.reports_to else None,
            leads=tuple(map(html.role, relations.reports.get(role.id, ()))),
            salary=self.words.salary(role.salary) if role.salary else None,
            sheet=html.to(urls.sheet_page(role.id), self.t["open_sheet"])
            if has_sheet(role)
            else None,
            compare=html.compare(role.id, self.t["compare_with"])
            if has_compare(handbook)
            else None,
            has_requirements=not requirements.is_empty,
            experience=experience,
            previous_roles=tuple(links.role(handbook.role(r)) for r in requirements.previous_roles),
            lists=self.text_lists(
                {
                    "education": requirements.education,
                    "skills": requirements.skills,
                    "tools": requirements.tools,
                }
            ),
            scale_text=self.scale_text,
            scale=self.scale_entries(),
            groups=self._role_targets(role, html),
            positions=tuple(self._position(p, html) for p in relations.positions.get(role.id, ())),
            nearby=tuple(
                NearbyRole(
                    links.role(r),
                    None if r.family_id == role.family_id else handbook.family(r.family_id).name,
                )
                for r in relations.nearby[role.id]
            ),
            keywords=tuple(k for k in map(search_keyword, role.synonyms) if k),
        )

    def _role_targets(self, role: Role, links: HtmlLinks) -> tuple[GroupTargets, ...]:
        """The role's targets grouped by competency group, in catalogue order."""
        targets = self.relations.target_of(role)
        result = []
        for group in self.handbook.groups:
            rows = tuple(
                self._target_row(c, targets[c.id].level, targets[c.id].expects, links)
                for c in group.competencies
                if c.id in targets
            )
            if rows:
                result.append(GroupTargets(group, urls.group_anchor(group.id), rows))
        return tuple(result)

    def _target_row(
        self, competency: Competency, level: int, expects: str | None, links: HtmlLinks
    ) -> TargetRow:
        """A role page's row of one target: made once for all role pages (its links lead
        from the site root, ``HtmlLinks``)."""
        key = (competency.id, level, expects)
        row = self._target_rows.get(key)
        if row is None:
            row = self._target_rows[key] = TargetRow(
                links.competency(competency),
                self.bar(level),
                expectation(competency, level, expects, self.t["expects_in_role"]),
            )
        return row

    def _position(self, position: PathPosition, links: PageLinks) -> PositionView:
        number = position.index + 1
        path = position.path
        return PositionView(
            path=links.path(path),
            where=self.t["step_of"].format(step=number, steps=len(path.steps)),
            previous=links.role(position.previous) if position.previous else None,
            next=links.role(position.next) if position.next else None,
            next_changes=links.to(
                urls.path_page(path.id), self.t["what_changes_next"], urls.step_anchor(number + 1)
            )
            if position.next
            else None,
        )

    def competency(self, competency: Competency) -> CompetencyView:
        handbook = self.handbook
        page = urls.competency_page(competency.id)
        links = HtmlLinks(page)  # the ladder is raw HTML
        needs = self.relations.needs.get(competency.id, ())
        ladder = []
        for level in handbook.scale.levels:
            roles = tuple(
                LevelRole(
                    links.role(n.role),
                    handbook.family(n.role.family_id).name,
                    markdown_html(n.expects, demote=3),
                )
                for n in needs
                if n.level == level.value
            )
            text = markdown_html(competency.level_text(level.value), demote=3)
            meaning = markdown_html(level.description, demote=3)
            bar = self.bar(level.value, target=False)
            ladder.append(LevelStep(bar, level.label, meaning, text, roles))
        return CompetencyView(
            competency=competency,
            group=handbook.group(competency.group_id).name,
            ladder=tuple(ladder),
            has_roles=bool(needs),
        )

    def competency_catalogue(self) -> tuple[CatalogueGroup, ...]:
        links = PageLinks(urls.COMPETENCIES)
        return tuple(
            CatalogueGroup(
                group,
                urls.group_anchor(group.id),
                self.words.count("competencies", len(group.competencies)),
                tuple(CatalogueEntry(links.competency(c), c.summary) for c in group.competencies),
            )
            for group in self.handbook.groups
        )

    def _family_counts(self, family: Family, *, with_paths: bool) -> str:
        """ "6 Rollen", and with ``with_paths`` " · 2 Karrierepfade" when it has paths."""
        counts = [self.words.count("roles", len(self.relations.roles_by_family[family.id]))]
        paths = len(self.relations.paths_by_family[family.id])
        if with_paths and paths:
            counts.append(self.words.count("paths", paths))
        return self.words.joined(*counts)

    def home(self) -> HomeView:
        handbook, t, words = self.handbook, self.t, self.words
        links = PageLinks(urls.HOME)
        counts = [
            words.count("roles", len(handbook.roles)),
            words.count("competencies", len(handbook.competencies)),
            words.count("paths", len(handbook.paths)) if handbook.paths else None,
        ]
        return HomeView(
            imprint=words.joined(handbook.organisation, words.edition),
            counts=words.joined(*counts),
            roles=links.here("roles", t["roles_by_family"]),
            paths=links.here("roles", t["paths"]) if handbook.paths else None,
            catalogue=links.to(urls.COMPETENCIES, t["competency_catalogue"]),
            matrix=links.to(urls.MATRIX, t["matrix"]),
            families=tuple(
                Summary(links.family(f), self._family_counts(f, with_paths=True))
                for f in handbook.families
            ),
            groups=tuple(
                Summary(links.group(g), words.count("competencies", len(g.competencies)))
                for g in handbook.groups
            ),
            matrix_csv=urls.href(urls.HOME, urls.MATRIX_CSV),
            catalogue_json=urls.href(urls.HOME, urls.CATALOGUE_JSON),
            pages=tuple(
                links.to(urls.organisation_page(page.id), page.title) for page in handbook.pages
            ),
            guide=links.to(urls.GUIDE, t["guide_title"]),
            security=links.to(urls.SECURITY, t["security"]),
        )

    def matrix_index(self) -> MatrixIndexView:
        links = PageLinks(urls.MATRIX)
        families = matrix_families(self.handbook, self.relations)
        return MatrixIndexView(
            legend=legend(self.handbook),
            matrix_csv=urls.href(urls.MATRIX, urls.MATRIX_CSV),
            catalogue_json=urls.href(urls.MATRIX, urls.CATALOGUE_JSON),
            families=tuple(
                Summary(links.family_matrix(f), self._family_counts(f, with_paths=False))
                for f in families
            ),
        )

    def family_matrix(self, family: Family) -> FamilyMatrixView:
        links = HtmlLinks(urls.family_matrix_page(family.id))  # the page is raw HTML
        matrix: Matrix = build_family_matrix(self.handbook, self.relations, family)
        return FamilyMatrixView(
            title=self.t["matrix_family_title"].format(family=family.name),
            family=links.family(family),
            overview=links.to(urls.MATRIX, self.t["matrix_all_families"]),
            legend=matrix.legend,
            columns=tuple(
                MatrixColumns(g.family.name, tuple(map(links.role, g.roles)))
                for g in matrix.column_groups
            ),
            rows=tuple(
                MatrixRows(
                    g.group.name,
                    tuple(MatrixRow(links.competency(r.competency), r.cells) for r in g.rows),
                )
                for g in matrix.row_groups
            ),
            width=matrix.width,
        )


_NOT_KEYWORD = re.compile(r"[^\w\s.,;:!?+#/()'%&*-]")


def search_keyword(text: str) -> Markup:
    """A synonym as a search keyword in a page's front matter (``tags``).

    MkDocs Material indexes page tags with the weight we give titles, so a role is the first
    hit for each of its other titles, and shows them as chips in its search result. Letters,
    digits, spaces and punctuation that can make no markup are kept ("C++ Entwickler",
    "2026.10", "(m/w/d)", "Kundenberater*in", "R&D"); anything else (``<>"\\{}[]|`` …)
    becomes a space, so the value is inert in a quoted YAML string and in HTML. On the page
    itself synonyms appear escaped as usual.
    """
    return Markup(" ".join(_NOT_KEYWORD.sub(" ", text).split()))


def _with_label(level: int, label: str | None) -> str:
    return f"{level} ({label})" if label else str(level)
