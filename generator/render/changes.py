"""Render: a ``ChangeReport`` as terminal text or as Markdown, in the handbook's language.

Both formats walk the report the same way; a style decides how names, word diffs, headings
and items look. In Markdown every catalogue text goes through ``text.escape``, so a change
report never turns catalogue text into markup, on GitHub, GitLab or the handbook site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from markupsafe import Markup

from ..model.diff import (
    Change,
    ChangeReport,
    FieldChange,
    PathChange,
    Ref,
    RoleChange,
    Section,
    Value,
)
from ..model.handbook import Handbook, Salary
from ..model.wordiff import Kind, Run, as_text, word_diff
from . import urls
from .text import escape
from .words import Words

FORMATS = ("text", "md")

Linker = Callable[[str, str], str | None]
"""(folder, id) -> link target of that page (e.g. ``("roles", "agent")``), or None."""


def page_linker(handbook: Handbook, from_page: str) -> Linker:
    """Links from the page ``from_page`` to the pages of ``handbook`` (things without a page
    in this edition, a removed role say, get no link)."""
    pages: dict[str, tuple[Callable[[str], str], set[str]]] = {
        "roles": (urls.role_page, {r.id for r in handbook.roles}),
        "competencies": (urls.competency_page, {c.id for c in handbook.competencies}),
        "paths": (urls.path_page, {p.id for p in handbook.paths}),
        "families": (urls.family_page, {f.id for f in handbook.families}),
        "pages": (urls.organisation_page, {p.id for p in handbook.pages}),
    }

    def link(folder: str, entity_id: str) -> str | None:
        page, known = pages[folder]
        return urls.href(from_page, page(entity_id)) if entity_id in known else None

    return link


class _Style(Protocol):
    def text(self, value: str) -> str: ...
    def ref(self, ref: Ref, folder: str | None) -> str: ...
    def runs(self, runs: tuple[Run, ...]) -> str: ...
    def heading(self, title: str, depth: int) -> list[str]: ...
    def item(self, depth: int, label: str, body: str) -> str: ...


class _Text:
    def text(self, value: str) -> str:
        return value

    def ref(self, ref: Ref, folder: str | None) -> str:
        return f"{ref.name} ({ref.id})"

    def runs(self, runs: tuple[Run, ...]) -> str:
        return as_text(runs)

    def heading(self, title: str, depth: int) -> list[str]:
        return [title, ""] if depth == 0 else ["", "  " * (depth - 1) + title]

    def item(self, depth: int, label: str, body: str) -> str:
        return "  " * depth + f"{label}: {body}"


@dataclass(frozen=True)
class _Markdown:
    """``html``: for the handbook's pages (``<del>``/``<ins>``, text escaped as on every
    page); else a report to read raw as well as rendered (a CI log, a merge request)."""

    level: int  # heading level of depth 1
    links: Linker | None  # None: no links
    html: bool

    def text(self, value: str) -> str:
        return str(escape(value)) if self.html else markdown_text(value)

    def ref(self, ref: Ref, folder: str | None) -> str:
        name = self.text(ref.name)
        target = self.links(folder, ref.id) if self.links and folder else None
        return f"{name} (`{ref.id}`)" if target is None else f"[{name}]({target})"

    def runs(self, runs: tuple[Run, ...]) -> str:
        removed, added = ("<del>{}</del>", "<ins>{}</ins>") if self.html else ("~~{}~~", "**{}**")
        marks = {Kind.REMOVED: removed, Kind.ADDED: added}
        return " ".join(marks.get(run.kind, "{}").format(self.text(run.text)) for run in runs)

    def heading(self, title: str, depth: int) -> list[str]:
        return ["", "#" * (self.level + depth - 1) + f" {title}", ""]

    def item(self, depth: int, label: str, body: str) -> str:
        return f"- {label}: {body}"


_INLINE = re.compile(r"([\\`*_\[\]~|#!])")  # what Markdown reads inside a line
_ENTITY = re.compile(r"&(?=#?\w+;)")  # an & that would start a character reference


def markdown_text(value: str) -> str:
    """Catalogue text inside a line of a Markdown report, readable raw: characters Markdown
    reads inside a line backslash-escaped, ``<`` and an ``&`` that starts a reference as
    entities, line breaks as spaces. It never becomes markup; ``.`` or ``-`` mean nothing
    here, as no text starts a line."""
    text = _ENTITY.sub("&amp;", " ".join(value.splitlines())).replace("<", "&lt;")
    return _INLINE.sub(r"\\\1", text.replace("\t", " "))


def render_text(report: ChangeReport, handbook: Handbook) -> str:
    """The report for a terminal, with git-style word diffs ``[-old-]{+new+}``."""
    return _join(_report(report, _Text(), Words(handbook)))


def render_markdown(
    report: ChangeReport,
    handbook: Handbook,
    *,
    heading_level: int = 2,
    title: bool = True,
    links: Linker | None = None,
    html: bool = False,
) -> str:
    """The report as Markdown, word diffs as ``~~old~~ **new**`` (``<del>``/``<ins>`` with html).

    ``heading_level`` is the level of the title (sections one below it; without ``title``
    the sections take that level). ``links`` (see ``page_linker``) links names to pages.
    """
    level = heading_level + (1 if title else 0)
    style = _Markdown(level, links, html)
    lines = list(_report(report, style, Words(handbook), title=title))
    if title:
        lines[0:1] = ["#" * heading_level + " " + lines[0]]
    return _join(lines)


def markdown_body(report: ChangeReport, handbook: Handbook, *, from_page: str) -> Markup:
    """The body of the handbook's change page at ``from_page`` (of edition ``handbook``):
    sections at level 2, names linked to their pages, word changes as ``<del>``/``<ins>``.

    The text is Markdown in which every catalogue text is escaped, so it is safe as Markup.
    """
    links = page_linker(handbook, from_page)
    return Markup(
        render_markdown(report, handbook, heading_level=2, title=False, links=links, html=True)
    )


def markdown_role_note(
    report: ChangeReport | None, handbook: Handbook, role_id: str, *, from_page: str
) -> Markup:
    """The target changes of one role as a Markdown list, for its page at ``from_page``;
    empty without a report or when the role's expectations did not change."""
    change = report.role_change(role_id) if report is not None else None
    if report is None or change is None or not change.expectations_changed:
        return Markup("")
    style = _Markdown(2, page_linker(handbook, from_page), html=True)
    lines = _targets(change, style, Words(handbook).t, 0)
    return Markup("\n".join(lines) + "\n")


def _join(lines: Iterable[str]) -> str:
    """Lines as one text, without runs of blank lines."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


def render(report: ChangeReport, handbook: Handbook, fmt: str) -> str:
    """The report in ``FORMATS``; ``handbook`` is the newer edition."""
    return render_markdown(report, handbook) if fmt == "md" else render_text(report, handbook)


def _report(
    report: ChangeReport, style: _Style, words: Words, *, title: bool = True
) -> Iterator[str]:
    t = words.t
    if title:
        yield t["diff_title"]
        yield ""
    if report.old_version or report.new_version:
        old, new = report.old_version or "–", report.new_version or "–"
        key = "diff_edition_same" if old == new else "diff_edition"
        yield t[key].format(old=style.text(old), new=style.text(new))
    if report.is_empty:
        yield ""
        yield t["diff_nothing"]
        return
    yield from _section(style, words, t["diff_roles"], "roles", report.roles)
    yield from _section(style, words, t["diff_competencies"], "competencies", report.competencies)
    yield from _section(style, words, t["diff_paths"], "paths", report.paths)
    yield from _section(style, words, t["diff_groups"], None, report.groups)
    yield from _section(style, words, t["diff_families"], "families", report.families)
    yield from _section(style, words, t["diff_pages"], "pages", report.pages)
    if report.handbook:
        yield from style.heading(t["diff_handbook"], 1)
        yield from (_field(c, style, words, 1) for c in report.handbook)


def _section(
    style: _Style, words: Words, title: str, folder: str | None, section: Section[Any]
) -> Iterator[str]:
    if not section:
        return
    t = words.t
    yield from style.heading(title, 1)
    for ref in section.added:
        yield style.item(1, t["diff_added"], style.ref(ref, folder))
    for ref in section.removed:
        yield style.item(1, t["diff_removed"], style.ref(ref, None))
    for change in section.changed:
        yield from style.heading(style.ref(change.ref, folder), 2)
        if isinstance(change, RoleChange):
            yield from _targets(change, style, t, 2)
        if isinstance(change, PathChange):
            yield from _steps(change, style, t)
        yield from (_field(c, style, words, 2) for c in change.fields)


def _targets(change: RoleChange, style: _Style, t: dict[str, str], depth: int) -> list[str]:
    lines = []
    for target in change.targets:
        name = style.ref(target.competency, "competencies")
        if target.kind is Change.ADDED:
            body = f"{name}: {t['diff_level'].format(level=target.after)}"
        elif target.kind is Change.REMOVED:
            body = f"{name}: {t['diff_was'].format(level=target.before)}"
        elif target.kind is Change.REWORDED:
            runs = word_diff(target.expects_before, target.expects_after)
            body = f"{name}: {style.runs(runs)}"
        else:
            body = f"{name}: {target.before} → {target.after}"
        lines.append(style.item(depth, t[f"diff_target_{target.kind.value}"], body))
    return lines


def _steps(change: PathChange, style: _Style, t: dict[str, str]) -> Iterator[str]:
    for ref in change.steps_added:
        yield style.item(2, t["diff_step_added"], style.ref(ref, "roles"))
    for ref in change.steps_removed:
        yield style.item(2, t["diff_step_removed"], style.ref(ref, None))
    if change.reordered:
        for key, refs in (("before", change.order_before), ("after", change.order_after)):
            order = " → ".join(style.text(ref.name) for ref in refs)
            yield style.item(2, t[f"diff_order_{key}"], order)


def _field(change: FieldChange, style: _Style, words: Words, depth: int) -> str:
    qualifier = style.text(change.qualifier or "")
    label = words.t[f"diff_field_{change.field}"].format(qualifier=qualifier)
    before, after = _shown(change.before, words), _shown(change.after, words)
    if before is not None and after is not None and _is_value(change):
        return style.item(depth, label, f"{style.text(before)} → {style.text(after)}")
    return style.item(depth, label, style.runs(word_diff(before, after)))


def _is_value(change: FieldChange) -> bool:
    """Numbers, years and salaries change as "before → after"; a text field always shows the
    words removed and added, however short, so that one kind of change reads one way."""
    return not isinstance(change.before, str) and not isinstance(change.after, str)


def _shown(value: Value | None, words: Words) -> str | None:
    """A field's value as text: numbers and salaries as the handbook's pages show them."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Salary):
        return words.salary(value)
    return words.number(value)
