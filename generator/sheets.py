"""Which self-assessment and readiness sheets exist, and what each one shows.

A role sheet (``sheets/<role-id>.md``) lists every competency of the role with its target;
a readiness sheet (``sheets/<path-id>-step-<n>.md``) lists what changes at step ``n`` of a
career path. The views below are ready for the templates: boxes know whether they mark a
target, and the data for the page's script is serialised here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from markupsafe import Markup

from .i18n import STRINGS
from .model import Competency, CompetencyGroup, Handbook, Role
from .page import Page
from .relations import LevelChange, Relations, StepChange

SHEET_TEMPLATE = "sheet.md.j2"
READINESS_TEMPLATE = "readiness.md.j2"
STYLE_TEMPLATE = "sheet_style.css.j2"  # the printed footer's texts; CSP forbids inline styles
CSV_SEPARATOR = {"de": ";", "en": ","}  # what spreadsheet programs expect in each locale
SCRIPT_TEXT_KEYS = (
    "sheet_above",
    "sheet_at",
    "sheet_below",
    "sheet_unrated",
    "sheet_gap",
    "sheet_target_short",
    "sheet_self",
    "sheet_manager_row",
    "sheet_notes",
    "sheet_competency",
    "sheet_target_changed",
    "sheet_reset_confirm",
    "sheet_reset_done",
    "sheet_imported",
    "sheet_import_failed",
    "sheet_import_other_role",
    "sheet_chart_label",
)


def sheet_path(role_id: str) -> str:
    """Where the self-assessment sheet of a role goes (``sheets/<id>/`` on the site)."""
    return f"sheets/{role_id}.md"


def readiness_path(change: StepChange) -> str:
    """Where the readiness sheet of a step goes, e.g. ``sheets/account-management-step-2.md``."""
    return f"sheets/{change.path.id}-step-{change.index}.md"


def sheet_pages(handbook: Handbook, relations: Relations) -> frozenset[str]:
    """The path of every sheet page ``plan_sheets`` yields, without building the sheets."""
    roles = (sheet_path(role.id) for role in relations.roles_in_order)
    steps = (readiness_path(c) for p in handbook.paths for c in relations.step_changes[p.id])
    return frozenset((*roles, *steps))


def style_path(sheet_page: str) -> str:
    """The stylesheet beside a sheet with its footer texts: ``sheets/<name>.css``."""
    return sheet_page.removesuffix(".md") + ".css"


@dataclass(frozen=True)
class Box:
    """One box of a rating row: a level of the scale, perhaps a target."""

    level: int
    label: str | None  # the scale's label of this level
    is_target: bool  # the target of the sheet's role (readiness: of the higher role)
    is_previous: bool = False  # readiness sheets: the target of the lower role


@dataclass(frozen=True)
class SheetItem:
    """One competency on a sheet with its boxes."""

    competency: Competency
    target: int
    boxes: tuple[Box, ...]
    previous: int | None = None  # readiness sheets: target before the step (None: new)


@dataclass(frozen=True)
class SheetGroup:
    group: CompetencyGroup
    items: tuple[SheetItem, ...]


@dataclass(frozen=True)
class CompareOption:
    """An entry of the summary's "compare with" list."""

    role: Role
    is_own: bool
    is_next: bool  # the next step on one of the role's paths
    is_default: bool = False


@dataclass(frozen=True)
class RoleSheet:
    role: Role
    groups: tuple[SheetGroup, ...]
    compare: tuple[CompareOption, ...]  # "compare with" entries, the default one marked
    data: str  # JSON for sheet.js; reaches the page escaped like any text
    footer: Markup  # CSS custom properties for the printed footer (see css_string)


@dataclass(frozen=True)
class ReadinessSheet:
    change: StepChange
    groups: tuple[SheetGroup, ...]
    extras: tuple[tuple[str | None, str], ...]  # other new requirements: (label, text)
    footer: Markup


def css_string(value: str) -> Markup:
    """``value`` as a CSS string literal that is inert in HTML, Markdown and YAML alike.

    Every character but ASCII letters and digits becomes a six-digit CSS escape (spaces too:
    CSS swallows one space after an escape), so the result holds only ``[A-Za-z0-9\\"]``:
    no markup, no way out of the string.
    """
    body = "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06X}" for c in value)
    return Markup(f'"{body}"')


def footer_style(handbook: Handbook, subject: str) -> Markup:
    """CSS custom properties for the ``@page`` margin boxes: subject, edition, page n of m."""
    t = STRINGS[handbook.language]
    left = (
        subject if not handbook.version else f"{subject} · {t['sheet_edition']} {handbook.version}"
    )
    return Markup(
        f"--ch-sheet-footer: {css_string(left)}; "
        f"--ch-sheet-page: {css_string(t['sheet_page'] + ' ')}; "
        f"--ch-sheet-of: {css_string(' ' + t['sheet_of'] + ' ')};"
    )


def boxes(handbook: Handbook, target: int, previous: int | None = None) -> tuple[Box, ...]:
    return tuple(
        Box(level.value, level.label, level.value == target, level.value == previous)
        for level in handbook.scale.levels
    )


def _grouped(handbook: Handbook, items: Iterable[SheetItem]) -> tuple[SheetGroup, ...]:
    """Items in catalogue order, grouped by competency group; empty groups left out."""
    by_id = {item.competency.id: item for item in items}
    groups = []
    for group in handbook.groups:
        members = tuple(by_id[c.id] for c in group.competencies if c.id in by_id)
        if members:
            groups.append(SheetGroup(group, members))
    return tuple(groups)


def _compare_options(relations: Relations, role: Role) -> tuple[CompareOption, ...]:
    next_ids = {p.next.id for p in relations.positions.get(role.id, ()) if p.next is not None}
    own = CompareOption(role, is_own=True, is_next=False)
    others = [
        CompareOption(other, is_own=False, is_next=other.id in next_ids)
        for other in relations.roles_in_order
        if other.id != role.id
    ]
    others.sort(key=lambda option: not option.is_next)  # next steps first, then role order
    return (own, *others)


def _script_data(handbook: Handbook, relations: Relations, role: Role) -> str:
    """What sheet.js needs and cannot read from the form: other roles' targets, texts."""
    t = STRINGS[handbook.language]
    own = relations.targets(role)
    others = {r.id: relations.targets(r) for r in relations.roles_in_order}
    extra = sorted({c for targets in others.values() for c in targets} - set(own))
    data = {
        "handbook": handbook.title,
        "role": role.id,
        "edition": handbook.version or "",
        "targets": others,
        "names": {c: handbook.competency(c).name for c in extra},
        "separator": CSV_SEPARATOR[handbook.language],
        "texts": {key.removeprefix("sheet_"): t[key] for key in SCRIPT_TEXT_KEYS},
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def role_sheet(handbook: Handbook, relations: Relations, role: Role) -> RoleSheet:
    """The self-assessment sheet of one role."""
    items = [
        SheetItem(handbook.competency(t.competency_id), t.level, boxes(handbook, t.level))
        for t in role.targets
    ]
    options = _compare_options(relations, role)
    default = next((o.role.id for o in options if o.is_next), role.id)
    compare = tuple(replace(o, is_default=o.role.id == default) for o in options)
    return RoleSheet(
        role=role,
        groups=_grouped(handbook, items),
        compare=compare,
        data=_script_data(handbook, relations, role),
        footer=footer_style(handbook, role.title),
    )


def _readiness_item(handbook: Handbook, change: LevelChange) -> SheetItem:
    assert change.after is not None
    return SheetItem(
        change.competency,
        change.after,
        boxes(handbook, change.after, change.before),
        previous=change.before,
    )


def readiness_sheet(handbook: Handbook, change: StepChange) -> ReadinessSheet:
    """What rises or is new from one step of a path to the next, as a conversation sheet."""
    items = [_readiness_item(handbook, c) for c in (*change.raised, *change.added)]
    subject = f"{change.before.title} → {change.after.title}"
    return ReadinessSheet(
        change,
        _grouped(handbook, items),
        _extras(handbook, change),
        footer_style(handbook, subject),
    )


def _extras(handbook: Handbook, change: StepChange) -> tuple[tuple[str | None, str], ...]:
    """Requirements besides competencies that the higher role adds, as (label, text) lines."""
    t = STRINGS[handbook.language]
    lines: list[tuple[str | None, str]] = []
    before_years, after_years = change.experience_years
    if after_years is not None and after_years != before_years:
        lines.append((None, t["readiness_experience"].format(years=after_years)))
    for kind, texts in change.new_requirements.items():
        lines.append((t[f"readiness_{kind}"], ", ".join(texts)))
    return tuple(lines)


def _with_style(path: str, template: str, title: str, sheet: object) -> Iterator[Page]:
    """A sheet page and the small stylesheet beside it that names it in the printed footer."""
    yield Page(path, template, title, {"sheet": sheet})
    yield Page(style_path(path), STYLE_TEMPLATE, title, {"sheet": sheet})


def plan_sheets(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """A self-assessment sheet per role, then a readiness sheet per step of every path.

    Each sheet ``sheets/<name>.md`` comes with ``sheets/<name>.css`` (not a page: a static
    file MkDocs copies), because the site's Content-Security-Policy allows no inline style.
    """
    t = STRINGS[handbook.language]
    for role in relations.roles_in_order:
        title = f"{t['sheet']}: {role.title}"
        own = role_sheet(handbook, relations, role)
        yield from _with_style(sheet_path(role.id), SHEET_TEMPLATE, title, own)
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            title = f"{t['readiness']}: {change.before.title} → {change.after.title}"
            step = readiness_sheet(handbook, change)
            yield from _with_style(readiness_path(change), READINESS_TEMPLATE, title, step)
