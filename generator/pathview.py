"""The career path page: the ladder of steps and, for each step up, what changes.

This answers "what am I missing for the next step?": per step, the competencies whose target
rises (from → to, biggest gap first), the new ones, the lower ones and the ones no longer
listed, with typical years, the step's note and the new requirements.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import CareerPath, Competency, Family, Role
from .relations import LevelChange, StepChange
from .views import LevelBar, TextList, Views, step_anchor

KINDS = ("raised", "added", "lowered", "dropped")


@dataclass(frozen=True)
class LadderStep:
    number: int  # 1-based
    role: Role
    anchor: str | None  # the "what changes" section that leads to this step
    years: str | None  # "nach ca. 2 Jahren": usual years in the step before


@dataclass(frozen=True)
class ChangeRow:
    competency: Competency
    before: LevelBar | None  # None: new in this step
    after: LevelBar | None  # None: no longer listed
    change: str  # "+2", "−1", "neu", "entfällt"


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
    before: Role
    after: Role
    years: str | None
    note: str | None
    summary: str  # "15 Kompetenzen steigen · 10 kommen neu hinzu · …"
    sections: tuple[ChangeSection, ...]  # only kinds with rows
    kept: tuple[Competency, ...]
    kept_title: str
    lists: tuple[TextList, ...]  # requirement texts the higher role adds
    experience: str | None  # "2 → 4 Jahre"
    readiness: str | None  # id of the step's readiness sheet (sheets/<id>.md), if planned

    @property
    def has_requirements(self) -> bool:
        return bool(self.lists or self.experience)


@dataclass(frozen=True)
class PathView:
    path: CareerPath
    families: tuple[Family, ...]
    ladder: tuple[LadderStep, ...]
    steps: tuple[StepView, ...]
    scale_text: str


def readiness_id(change: StepChange) -> str:
    """The id of a step's readiness sheet, as ``sheets.py`` names it."""
    return f"{change.path.id}-step-{change.index}"


def path_view(views: Views, path: CareerPath, sheets: frozenset[str] = frozenset()) -> PathView:
    """The path page; ``sheets`` are the planned sheet pages (a step links its own)."""
    handbook = views.handbook
    roles = [handbook.role(step.role_id) for step in path.steps]
    family_ids = dict.fromkeys(role.family_id for role in roles)
    ladder = tuple(
        LadderStep(
            number=index + 1,
            role=role,
            anchor=step_anchor(index + 1) if index else None,
            years=_ladder_years(views, path.steps[index].typical_years) if index else None,
        )
        for index, role in enumerate(roles)
    )
    return PathView(
        path=path,
        families=tuple(handbook.family(f) for f in family_ids),
        ladder=ladder,
        steps=tuple(
            step_view(views, c, f"sheets/{readiness_id(c)}.md" in sheets)
            for c in views.relations.step_changes[path.id]
        ),
        scale_text=views.scale_text,
    )


def _ladder_years(views: Views, years: float | None) -> str | None:
    return None if years is None else views.count("ladder_years", years)


def step_view(views: Views, change: StepChange, has_readiness: bool = False) -> StepView:
    t = views.t
    number = change.index + 1
    years = change.step.typical_years
    return StepView(
        number=number,
        anchor=step_anchor(number),
        title=t["step_title"].format(
            previous=number - 1, step=number, before=change.before.title, after=change.after.title
        ),
        before=change.before,
        after=change.after,
        years=None
        if years is None
        else views.count("typical_years", years, role=change.before.title),
        note=change.step.note,
        summary=_summary(views, change),
        sections=_sections(views, change),
        kept=tuple(c.competency for c in change.kept),
        kept_title=t["change_kept"].format(n=len(change.kept)),
        lists=views.text_lists(change.new_requirements),
        experience=_experience(views, *change.experience_years),
        readiness=readiness_id(change) if has_readiness else None,
    )


def _summary(views: Views, change: StepChange) -> str:
    parts = [
        views.count(kind, len(getattr(change, kind)))
        for kind in (*KINDS, "kept")
        if getattr(change, kind)
    ]
    return " · ".join(parts)


def _sections(views: Views, change: StepChange) -> tuple[ChangeSection, ...]:
    raised = sorted(change.raised, key=lambda c: -_delta(c))  # stable: catalogue order next
    ordered = {
        "raised": raised,
        "added": change.added,
        "lowered": change.lowered,
        "dropped": change.dropped,
    }
    sections = []
    for kind in KINDS:
        rows = tuple(_row(views, kind, c) for c in ordered[kind])
        if rows:
            title = views.t[f"change_{kind}"].format(n=len(rows))
            sections.append(ChangeSection(kind, title, rows))
    return tuple(sections)


def _row(views: Views, kind: str, change: LevelChange) -> ChangeRow:
    before = views.bar(change.before) if change.before is not None else None
    after = views.bar(change.after) if change.after is not None else None
    if kind in ("raised", "lowered"):
        delta = _delta(change)
        label = f"+{delta}" if delta > 0 else f"\u2212{-delta}"
    else:
        label = views.t[f"badge_{kind}"]
    return ChangeRow(change.competency, before, after, label)


def _delta(change: LevelChange) -> int:
    return (change.after or 0) - (change.before or 0)


def _experience(views: Views, before: int | None, after: int | None) -> str | None:
    """``2 → 4 Jahre``; the same years say so; no years in the higher role: nothing."""
    if after is None:
        return None
    if before is None:
        return views.years(after)
    if before == after:
        return views.t["experience_same"].format(years=views.years(after))
    return f"{before} \u2192 {views.years(after)}"
