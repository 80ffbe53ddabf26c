"""Render: the career path page: the ladder of steps and, for each step up, what changes.

This answers "what am I missing for the next step?": per step, the competencies whose target
rises (from → to, biggest gap first), the new ones, the lower ones and the ones no longer
listed, with typical years, the step's note and the new requirements.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.handbook import CareerPath
from ..model.relations import LevelChange, StepChange
from . import urls
from .expectations import Expectation, expectation, reworded_expectation
from .sheets import has_readiness
from .urls import HtmlLinks, Link, PageLinks
from .views import LevelBar, TextList, Views

KINDS = ("raised", "added", "reworded", "lowered", "dropped")


@dataclass(frozen=True)
class LadderStep:
    number: int  # 1-based
    role: Link
    changes: Link | None  # the "what changes" section that leads to this step
    years: str | None  # "nach ca. 2 Jahren": usual years in the step before


@dataclass(frozen=True)
class ChangeRow:
    competency: Link
    before: LevelBar | None  # None: new in this step
    after: LevelBar | None  # None: no longer listed
    change: str  # "+2", "−1", "neu", "entfällt", "anders"
    expectation: Expectation | None  # what the higher role expects, in words (reworded:
    # the level's text, then the roles' own words, what changed word by word)


@dataclass(frozen=True)
class ChangeSection:
    kind: str  # one of KINDS (also the CSS modifier)
    title: str  # "Höheres Soll-Niveau (15)"
    rows: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class StepView:
    number: int  # the number of the higher step
    anchor: str
    title: str  # "Schritt 2: Account Representative → Account Manager"
    before: Link
    after: Link
    years: str | None
    note: str | None
    summary: str  # "15 Kompetenzen steigen · 10 kommen neu hinzu · …"
    sections: tuple[ChangeSection, ...]  # only kinds with rows
    kept: tuple[Link, ...]
    kept_title: str
    lists: tuple[TextList, ...]  # requirement texts the higher role adds
    experience: str | None  # "2 → 4 Jahre"
    readiness: Link | None  # the step's readiness sheet

    @property
    def has_requirements(self) -> bool:
        return bool(self.lists or self.experience)


@dataclass(frozen=True)
class PathView:
    path: CareerPath
    ladder: tuple[LadderStep, ...]
    steps: tuple[StepView, ...]
    scale_text: str


def path_view(views: Views, path: CareerPath) -> PathView:
    """The page of one career path."""
    links = HtmlLinks(urls.path_page(path.id))  # the page's links are all in raw HTML
    roles = [views.handbook.role(step.role_id) for step in path.steps]
    ladder = tuple(
        LadderStep(
            number=index + 1,
            role=links.role(role),
            changes=links.here(urls.step_anchor(index + 1), views.t["what_changes"])
            if index
            else None,
            years=_ladder_years(views, path.steps[index].typical_years) if index else None,
        )
        for index, role in enumerate(roles)
    )
    return PathView(
        path=path,
        ladder=ladder,
        steps=tuple(step_view(views, c, links) for c in views.relations.step_changes[path.id]),
        scale_text=views.scale_text,
    )


def _ladder_years(views: Views, years: float | None) -> str | None:
    return None if years is None else views.words.count("ladder_years", years)


def step_view(views: Views, change: StepChange, links: PageLinks) -> StepView:
    t = views.t
    number = change.index + 1
    years = change.step.typical_years
    readiness = urls.readiness_page(change.path.id, number)
    return StepView(
        number=number,
        anchor=urls.step_anchor(number),
        title=t["step_title"].format(
            previous=number - 1, step=number, before=change.before.title, after=change.after.title
        ),
        before=links.role(change.before),
        after=links.role(change.after),
        years=None
        if years is None
        else views.words.count("typical_years", years, role=change.before.title),
        note=change.step.note,
        summary=_summary(views, change),
        sections=_sections(views, change, links) if change.after.targets else (),
        kept=tuple(links.competency(c.competency) for c in change.kept),
        kept_title=t["change_kept"].format(n=len(change.kept)),
        lists=views.text_lists(change.new_requirements),
        experience=_experience(views, *change.experience_years),
        readiness=links.to(readiness, t["open_readiness"]) if has_readiness(change) else None,
    )


def _summary(views: Views, change: StepChange) -> str:
    if not change.after.targets:  # not "every competency falls away": none is set
        return views.t["step_no_targets"].format(role=change.after.title)
    parts = [
        views.words.count(kind, len(getattr(change, kind)))
        for kind in (*KINDS, "kept")
        if getattr(change, kind)
    ]
    return " · ".join(parts)


def _sections(views: Views, change: StepChange, links: PageLinks) -> tuple[ChangeSection, ...]:
    raised = sorted(change.raised, key=lambda c: -_delta(c))  # stable: catalogue order next
    ordered = {
        "raised": raised,
        "added": change.added,
        "reworded": change.reworded,
        "lowered": change.lowered,
        "dropped": change.dropped,
    }
    sections = []
    for kind in KINDS:
        roles = (change.before.title, change.after.title)
        rows = tuple(_row(views, kind, c, links, roles) for c in ordered[kind])
        if rows:
            title = views.t[f"change_{kind}"].format(n=len(rows))
            sections.append(ChangeSection(kind, title, rows))
    return tuple(sections)


def _row(
    views: Views, kind: str, change: LevelChange, links: PageLinks, roles: tuple[str, str]
) -> ChangeRow:
    before = views.bar(change.before) if change.before is not None else None
    after = views.bar(change.after) if change.after is not None else None
    if kind in ("raised", "lowered"):
        delta = _delta(change)
        label = f"+{delta}" if delta > 0 else f"\u2212{-delta}"
    else:
        label = views.t[f"badge_{kind}"]
    expected = None
    if kind == "reworded" and change.after is not None:
        as_roles = views.t["reworded_as"].format(before=roles[0], after=roles[1])
        expected = reworded_expectation(
            change.competency, change.after, change.expects_before, change.expects_after, as_roles
        )
    elif change.after is not None:
        as_role = views.t["expects_as"].format(role=roles[1])
        expected = expectation(change.competency, change.after, change.expects_after, as_role)
    competency = links.competency(change.competency)
    return ChangeRow(competency, before, after, label, expected or None)


def _delta(change: LevelChange) -> int:
    return (change.after or 0) - (change.before or 0)


def _experience(views: Views, before: int | None, after: int | None) -> str | None:
    """``2 → 4 Jahre``; the same years say so; no years in the higher role: nothing."""
    if after is None:
        return None
    if before is None:
        return views.words.years(after)
    if before == after:
        return views.t["experience_same"].format(years=views.words.years(after))
    return f"{views.words.number(before)} \u2192 {views.words.years(after)}"
