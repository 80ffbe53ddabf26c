"""Render: the self-assessment and readiness sheets, and what each one shows.

A role sheet lists every competency of the role with its target; a readiness sheet lists
what rises or is new at one step of a career path (``urls.py`` names their pages). The
views below are ready for the templates: boxes know whether they mark a target, and the
data for the page's script is serialised here.

A sheet depends on its own role (or step) only: the page's data holds this role's targets,
and "compare with" lists the role and its next steps. Other roles' targets are read by
sheet.js from the site's ``catalogue.json``, so editing one role rewrites no other role's
sheet. The HTML of a competency block depends only on the competency, its target and the
target before (readiness), so ``SheetParts`` renders it once and reuses it across sheets.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import groupby

import jinja2
from markupsafe import Markup

from ..model.handbook import Competency, CompetencyGroup, Handbook, Role, Target
from ..model.relations import LevelChange, Relations, StepChange
from . import urls
from .expectations import Expectation, expectation, reworded_html
from .exports import csv_rules
from .fragments import Fragments
from .library import ITEMS, Library, part_pages
from .page import Page
from .prose import markdown_html
from .text import script_json, script_json_joined
from .words import Words

# A sheet is a page (front matter and title) and its body, a template of the theme that
# overrides/sheet.html includes (``Page.body``).
SHEET_TEMPLATE = "sheet.md.j2"
SHEET_BODY_TEMPLATE = "sheet_body.html.j2"
READINESS_TEMPLATE = "readiness.md.j2"
READINESS_BODY_TEMPLATE = "readiness_body.html.j2"
ITEM_TEMPLATE = "sheet_item.html.j2"  # one competency block, rendered once by SheetParts
BOX_TEMPLATE = "sheet_box.html.j2"  # what one box shows, rendered once by SheetParts
STYLE_TEMPLATE = "sheet_margins.css.j2"  # the printed margins' texts; CSP forbids inline styles
GROUP_TEMPLATE = "sheet_group.html.j2"  # a group's section around its items
_NOT_CSS_SAFE = re.compile(r"[^A-Za-z0-9]")
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
    "sheet_compare_failed",
    "sheet_target_other",
    "sheet_compared_own",
    "sheet_compared_other",
    "sheet_cleared",
    "sheet_name",
    "sheet_date",
    "sheet_manager",
    "sheet_meeting",
    "sheet_role",
    "sheet_goal",
    "sheet_goals",
    "sheet_edition",
    "sheet_print_person",
    "sheet_profile_label",
    "sheet_profile_target",
    "sheet_profile_compared",
)


def has_sheet(role: Role) -> bool:
    """A role gets a self-assessment sheet when it has targets to assess."""
    return bool(role.targets)


def has_readiness(change: StepChange) -> bool:
    """A step up a path gets a readiness sheet when its higher role has targets."""
    return has_sheet(change.after)


@dataclass(frozen=True)
class Box:
    """One box of a rating row: a level of the scale, perhaps a target."""

    level: int
    label: str | None  # the scale's label of this level
    is_target: bool  # the target of the sheet's role (readiness: of the higher role)
    is_previous: bool = False  # readiness sheets: the target of the lower role


@dataclass(frozen=True)
class SheetItem:
    """One competency on a sheet with its boxes, and what its levels mean in words."""

    competency: Competency
    target: int
    boxes: tuple[Box, ...]
    previous: int | None = None  # readiness sheets: target before the step (None: new)
    expectation: Expectation | None = None  # the target's text, printed with the item
    levels: tuple[LevelText, ...] = ()  # shown on screen for the level being chosen (not
    # the target's when the expectation block shows it)
    reworded: Markup = Markup("")  # readiness sheets: same level, other words

    @property
    def key(self) -> Markup:
        """The competency's id as the item's element ids and form names hold it."""
        return urls.element_id(self.competency.id)

    @property
    def shows_target_text(self) -> bool:
        """Whether the expectation block holds the target level's text: then it is that
        level's text for screen readers, and ``levels`` leaves it out (it shows once)."""
        return bool(self.expectation and self.expectation.level_text and not self.reworded)

    @property
    def described(self) -> frozenset[int]:
        """The levels that have a text (their boxes point to it for screen readers)."""
        own = {self.target} if self.shows_target_text else set()
        return frozenset(text.level for text in self.levels) | own


@dataclass(frozen=True)
class LevelText:
    """What one level of a competency means (its own text, else the scale's)."""

    level: int
    label: str | None
    html: Markup

    @property
    def anchor(self) -> Markup:
        return scale_anchor(self.level)


def scale_anchor(level: int) -> Markup:
    """The id of a level's entry in the scale atop a sheet."""
    return Markup(f"ch-scale-{int(level)}")


@dataclass(frozen=True)
class SheetGroup:
    group: CompetencyGroup
    items: tuple[SheetItem, ...]


class SheetParts:
    """What the sheets of one handbook share, made once: items and HTML fragments.

    The HTML of a competency block depends only on the competency, its target, the target
    before (readiness sheets) and the kind of sheet; the head, tools and end of a sheet only
    on the handbook and a few texts. At 1,000 roles of 40 competencies each recurs hundreds
    of times, so it is rendered once by its template (its output escaped like any other)
    and reused. One instance serves the sheets of one handbook.

    With a ``library`` the sheets are written for the site: each shared piece goes into the
    library once and a sheet calls it (``library.py``); without, a sheet holds its pieces
    (the PDF print of ``handbook sheets``).
    """

    def __init__(self, handbook: Handbook, library: Library | None = None) -> None:
        self.handbook = handbook
        self.library = library
        self.words = Words(handbook)
        self._items: dict[tuple[Target, Target | None], SheetItem] = {}
        self._boxes: dict[tuple[int, int | None], tuple[Box, ...]] = {}
        self._fragments = Fragments()

    @cached_property
    def places(self) -> dict[str, tuple[int, int]]:
        """Competency id -> (index of its group, index in the group): the catalogue order."""
        return {
            competency.id: (group_index, index)
            for group_index, group in enumerate(self.handbook.groups)
            for index, competency in enumerate(group.competencies)
        }

    @cached_property
    def _footer_words(self) -> str:
        t = self.words.t
        return (
            f"--ch-sheet-page: {css_string(t['sheet_page'] + ' ')}; "
            f"--ch-sheet-of: {css_string(' ' + t['sheet_of'] + ' ')};"
        )

    @cached_property
    def _header_words(self) -> str:
        return header_words(self.handbook)

    @property
    def margin_words(self) -> Markup:
        """CSS custom properties for the ``@page`` margin boxes of every sheet: the scale's
        legend atop, page n of m below (sheet.js adds the person's name)."""
        return Markup(f"{self._footer_words} {self._header_words}")

    def footer(self, subject: str) -> Markup:
        """The printed footer of one sheet, a CSS string: subject and edition."""
        return Markup(css_string(self.words.footer(subject)))

    @cached_property
    def script_common(self) -> Markup:
        """The part of every sheet's data that is the same on all (``_script_data``): the
        handbook, the UI texts sheet.js shows, where the other roles are, CSV rules."""
        handbook, t = self.handbook, self.words.t
        return script_json(
            {
                "handbook": handbook.title,
                "edition": handbook.version or "",
                "catalogue": urls.CATALOGUE_JSON,  # at the site root: every role, to compare
                "csv": csv_rules(handbook.language),
                "texts": {key.removeprefix("sheet_"): t[key] for key in SCRIPT_TEXT_KEYS},
            }
        )

    def item(self, target: Target, before: Target | None = None) -> SheetItem:
        """The item of a target, the same on every sheet (readiness sheets: with the target
        ``before`` the step; None for a competency new at the step)."""
        previous = before.level if before else None
        key = (target, before)
        item = self._items.get(key)
        if item is None:
            competency = self.handbook.competency(target.competency_id)
            reworded = Markup("")
            if before is not None and before.level == target.level:  # the level's text is
                reworded = reworded_html(before.expects, target.expects)  # among the levels
            expected = expectation(
                competency, target.level, target.expects, self.words.t["expects_in_role"]
            )
            item = SheetItem(
                competency,
                target.level,
                self._boxes_of(target.level, previous),
                previous,
                expected or None,
                self._level_texts(competency),
                reworded,
            )
            if item.shows_target_text:  # then the target's words show there only
                levels = tuple(text for text in item.levels if text.level != item.target)
                item = replace(item, levels=levels)
            self._items[key] = item
        return item

    def _level_texts(self, competency: Competency) -> tuple[LevelText, ...]:
        texts = []
        for level in self.handbook.scale.levels:
            source = competency.level_text(level.value) or level.description
            if source:
                html = markdown_html(source, demote=3)
                texts.append(LevelText(level.value, level.label, html))
        return tuple(texts)

    def _boxes_of(self, target: int, previous: int | None) -> tuple[Box, ...]:
        found = self._boxes.get((target, previous))
        if found is None:
            found = self._boxes[target, previous] = boxes(self.handbook, target, previous)
        return found

    @property
    def prelude(self) -> Markup:
        """What a sheet's body starts with (written for the site: the library's import)."""
        return Markup("") if self.library is None else self.library.prelude

    @jinja2.pass_environment
    def groups_html(
        self, env: jinja2.Environment, groups: Iterable[SheetGroup], readiness: bool
    ) -> Markup:
        """The section of each group (``sheet_group.html.j2``) with its items' blocks
        (``sheet_item.html.j2``)."""
        template = env.get_template(GROUP_TEMPLATE)
        if self.library is None:
            return Markup("").join(
                Markup(template.render(group=g.group, items=self._blocks(env, g, readiness)))
                for g in groups
            )
        return self.library.sections(
            (
                g.group.id,
                self._fragments.render(env, GROUP_TEMPLATE, g.group.id, group=g.group, items=ITEMS),
                [self._item_html(env, item, readiness) for item in g.items],
            )
            for g in groups
        )

    def _blocks(self, env: jinja2.Environment, group: SheetGroup, readiness: bool) -> Markup:
        return Markup("").join(self._item_html(env, item, readiness) for item in group.items)

    @jinja2.pass_environment
    def fragment(self, env: jinja2.Environment, template: str, **context: Hashable) -> Markup:
        """A part that many sheets share (head, tools, end), rendered with ``handbook``."""
        key = tuple(sorted(context.items()))
        html = self._fragments.render(
            env, template, key, handbook=self.handbook, edition=self.words.edition, **context
        )
        return html if self.library is None else self.library.call(html)

    def scale(self) -> tuple[LevelText, ...]:
        """The scale for a sheet's legend: each level, its label and what it means."""
        return tuple(
            LevelText(level.value, level.label, markdown_html(level.description, demote=3))
            for level in self.handbook.scale.levels
        )

    def _item_html(self, env: jinja2.Environment, item: SheetItem, readiness: bool) -> Markup:
        key = (id(item), readiness)  # items are made once per target (``item``) and kept
        return self._fragments.render_with(
            env,
            ITEM_TEMPLATE,
            key,
            lambda: {
                "item": item,
                "readiness": readiness,
                "boxes": tuple(
                    (box, self._face(env, box), self._described_by(item, box.level))
                    for box in item.boxes
                ),
            },
        )

    def _described_by(self, item: SheetItem, level: int) -> Markup | None:
        """What tells a screen reader what a box's level means: the competency's own text
        for it (on the sheet, shown for the chosen box), else the scale's entry in the
        sheet's head, if the scale says anything about the level."""
        if level in item.described:
            return Markup(f"ch-level-{item.key}-{int(level)}")
        if level in self._legend_levels:
            return scale_anchor(level)
        return None

    @cached_property
    def _legend_levels(self) -> frozenset[int]:
        levels = self.handbook.scale.levels
        return frozenset(level.value for level in levels if level.label or level.description)

    def _face(self, env: jinja2.Environment, box: Box) -> Markup:
        """What a box shows (``sheet_box.html.j2``): the same in every item and both rows."""
        return self._fragments.render(env, BOX_TEMPLATE, box, box=box)


@dataclass(frozen=True)
class CompareOption:
    """An entry of the summary's "compare with" list (sheet.js adds the other roles)."""

    role_id: str
    label: str  # "Soll-Niveau dieser Rolle", "Account Supervisor (nächster Schritt)"
    title: str  # the role's title, for the summary's column heading
    is_default: bool = False


@dataclass(frozen=True)
class RoleSheet:
    role: Role
    groups: tuple[SheetGroup, ...]
    compare: tuple[CompareOption, ...]  # the role and its next steps, the default one marked
    data: Markup  # JSON for sheet.js, for its data element (see _script_data)
    footer: Markup  # the printed footer, a CSS string (see css_string)
    scale: tuple[LevelText, ...]  # the legend: each level and what it means
    parts: SheetParts = field(compare=False, repr=False)


@dataclass(frozen=True)
class ReadinessSheet:
    change: StepChange
    title: str  # "Account Representative → Account Manager"
    legend: tuple[tuple[str, str], ...]  # (kind of box, what it means)
    intro: str  # what the sheet holds, and when the step usually comes
    groups: tuple[SheetGroup, ...]
    extras: tuple[tuple[str | None, str], ...]  # other new requirements: (label, text)
    data: Markup  # JSON for sheet.js, as a role sheet's (kind "readiness")
    footer: Markup
    scale: tuple[LevelText, ...]
    parts: SheetParts = field(compare=False, repr=False)


def header_words(handbook: Handbook) -> str:
    """CSS custom properties for the top of every printed page: the scale's compact legend,
    and a line to write the name on (sheet.js puts in the name once it is typed in)."""
    words = Words(handbook)
    legend = css_string(words.print_legend(handbook.scale))
    person = css_string(words.t["sheet_print_person"].format(name="_" * 24))
    return f"--ch-sheet-legend: {legend}; --ch-sheet-person: {person};"


def css_string(value: str) -> Markup:
    """``value`` as a CSS string literal that is inert in HTML, Markdown and YAML alike.

    Every character but ASCII letters and digits becomes a six-digit CSS escape (spaces too:
    CSS swallows one space after an escape), so the result holds only ``[A-Za-z0-9\\"]``:
    no markup, no way out of the string.
    """
    body = _NOT_CSS_SAFE.sub(lambda match: f"\\{ord(match.group()):06X}", value)
    return Markup(f'"{body}"')


def boxes(handbook: Handbook, target: int, previous: int | None = None) -> tuple[Box, ...]:
    return tuple(
        Box(level.value, level.label, level.value == target, level.value == previous)
        for level in handbook.scale.levels
    )


def _grouped(parts: SheetParts, items: Iterable[SheetItem]) -> tuple[SheetGroup, ...]:
    """Items in catalogue order, grouped by competency group; empty groups left out."""
    place = parts.places
    ranked = sorted(items, key=lambda item: place[item.competency.id])
    groups = parts.handbook.groups
    return tuple(
        SheetGroup(groups[index], tuple(members))
        for index, members in groupby(ranked, key=lambda item: place[item.competency.id][0])
    )


def _compare_options(
    relations: Relations, role: Role, t: dict[str, str]
) -> tuple[CompareOption, ...]:
    """The role itself (the default: an item's target and the summary's agree), then its
    next steps (path order) that set targets: one described only in words has none to
    compare with.

    Only these are on the page; sheet.js adds every other such role from ``catalogue.json``.
    """
    following = (p.next for p in relations.positions.get(role.id, ()) if p.next is not None)
    next_roles = list({r.id: r for r in following if r.id != role.id and r.targets}.values())
    if len(next_roles) > 1:
        next_roles.sort(key=relations.roles_in_order.index)
    own = CompareOption(role.id, t["sheet_compare_own"], role.title, is_default=True)
    steps = (
        CompareOption(r.id, f"{r.title} ({t['sheet_compare_next']})", r.title) for r in next_roles
    )
    return (own, *steps)


def _script_data(
    parts: SheetParts, role: Role, targets: dict[str, int], sheet: str, title: str
) -> Markup:
    """What sheet.js needs and cannot read from the form: the sheet (its id keys what the
    browser keeps: a role's id, or ``<path>/step-<n>``; its title names exports), the role's
    targets; with what all sheets share (``SheetParts.script_common``). JSON for the sheet's
    data element (``text.script_json``): no character of it is a character reference, as
    each would be in an attribute.
    """
    data = {
        "role": role.id,
        "sheet": sheet,
        "kind": "role" if sheet == role.id else "readiness",
        "subject": title,  # the role's title, or "A → B"
        "targets": targets,
    }
    return script_json_joined(parts.script_common, data)


def role_sheet(
    handbook: Handbook, relations: Relations, role: Role, parts: SheetParts | None = None
) -> RoleSheet:
    """The self-assessment sheet of one role (``parts``: shared with the handbook's sheets)."""
    parts = parts or SheetParts(handbook)
    items = [parts.item(target) for target in role.targets]
    return RoleSheet(
        role=role,
        groups=_grouped(parts, items),
        compare=_compare_options(relations, role, parts.words.t),
        data=_script_data(parts, role, relations.targets(role), role.id, role.title),
        footer=parts.footer(role.title),
        scale=parts.scale(),
        parts=parts,
    )


def _readiness_item(parts: SheetParts, change: LevelChange) -> SheetItem:
    assert change.after is not None
    after = Target(change.competency.id, change.after, change.expects_after)
    before = None
    if change.before is not None:
        before = Target(change.competency.id, change.before, change.expects_before)
    return parts.item(after, before)


def readiness_sheet(
    handbook: Handbook, change: StepChange, parts: SheetParts | None = None
) -> ReadinessSheet:
    """What rises or is new from one step of a path to the next, as a conversation sheet."""
    parts = parts or SheetParts(handbook)
    words, t = parts.words, parts.words.t
    steps = (*change.raised, *change.added, *change.reworded)
    items = [_readiness_item(parts, c) for c in steps]
    before, after = change.before.title, change.after.title
    intro = t["readiness_intro"].format(before=before, after=after)
    if change.step.typical_years is not None:
        intro += " " + words.count("readiness_typical_years", change.step.typical_years)
    title = f"{before} → {after}"
    sheet_id = f"{change.path.id}/step-{change.index + 1}"  # like its page, by id: <path>/step-<n>
    targets = {item.competency.id: item.target for item in items}
    return ReadinessSheet(
        change,
        title=title,
        legend=(
            ("target", t["readiness_legend_after"].format(role=after)),
            ("previous", t["readiness_legend_before"].format(role=before)),
            ("choice", t["sheet_legend_choice"]),
        ),
        intro=intro,
        groups=_grouped(parts, items),
        extras=_extras(words, change),
        data=_script_data(parts, change.after, targets, sheet_id, title),
        footer=parts.footer(title),
        scale=parts.scale(),
        parts=parts,
    )


def _extras(words: Words, change: StepChange) -> tuple[tuple[str | None, str], ...]:
    """Requirements besides competencies that the higher role adds, as (label, text) lines."""
    t = words.t
    lines: list[tuple[str | None, str]] = []
    before_years, after_years = change.experience_years
    if after_years is not None and after_years != before_years:
        lines.append((None, t["readiness_experience"].format(years=words.years(after_years))))
    for kind, texts in change.new_requirements.items():
        lines.append((t[f"readiness_{kind}"], ", ".join(texts)))
    return tuple(lines)


def _sheet_page(
    page: str, templates: tuple[str, str], title: str, sheet: RoleSheet | ReadinessSheet
) -> Page:
    """A sheet page: its Markdown, its HTML body and the name its footer goes by."""
    # Paths of ids (safe in YAML and HTML), written as they are: an entity-escaped path works
    # in MkDocs' href but not through Zensical's `url` filter.
    context = {
        "sheet": sheet,
        "stylesheet": Markup(urls.SHEET_MARGINS),
        "key": urls.sheet_key(page),
    }
    template, body = templates
    return Page(page, template, title, context, body=body)


def plan_sheets(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    """A self-assessment sheet per role, then a readiness sheet per step of every path.

    One stylesheet (not a page: a static file MkDocs copies) holds what every sheet prints
    in its page margins, its own footer by the sheet's name, because the site's
    Content-Security-Policy allows no inline style. It comes last, with the pieces the sheets
    share, the library their bodies call (``library.py``).
    """
    library = Library(urls.SHEETS)
    parts = SheetParts(handbook, library)
    t = parts.words.t
    footers: list[tuple[Markup, Markup]] = []  # (sheet's key, its footer)
    for role in relations.roles_in_order:
        if has_sheet(role):
            own = role_sheet(handbook, relations, role, parts)
            title = f"{t['sheet']}: {role.title}"
            page = urls.sheet_page(role.id)
            yield _sheet_page(page, (SHEET_TEMPLATE, SHEET_BODY_TEMPLATE), title, own)
            footers.append((urls.sheet_key(page), own.footer))
    for path in handbook.paths:
        for change in relations.step_changes[path.id]:
            if has_readiness(change):
                step = readiness_sheet(handbook, change, parts)
                page = urls.readiness_page(path.id, change.index + 1)
                title = f"{t['readiness']}: {step.title}"
                templates = (READINESS_TEMPLATE, READINESS_BODY_TEMPLATE)
                yield _sheet_page(page, templates, title, step)
                footers.append((urls.sheet_key(page), step.footer))
    if footers:
        context = {"words": parts.margin_words, "footers": footers}
        yield Page(urls.SHEET_MARGINS, STYLE_TEMPLATE, "", context)
    yield from part_pages(library)
