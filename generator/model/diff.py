"""Model: what changed between two editions of a handbook, as data in a stable order.

``diff_handbooks(old, new)`` compares two validated handbooks and returns a ``ChangeReport``
of values as the catalogue holds them (texts, numbers, salaries); ``render/changes.py`` shows
it as terminal text or Markdown. Everything is sorted by id, so the same two editions always
give the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Generic, TypeVar

from .handbook import NOUNS, CareerPath, Competency, Handbook, Role, Salary, Target
from .wordiff import same_words, similarity

EDIT_SIMILARITY = 0.5  # list items at least this alike count as one edited item
T = TypeVar("T")
Value = str | float | Salary  # a field's value as the catalogue holds it


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    RAISED = "raised"
    LOWERED = "lowered"
    REWORDED = "reworded"  # a target at the same level, with other words (``expects``)


@dataclass(frozen=True)
class Ref:
    """Something a report names: its id and its display name."""

    id: str
    name: str


@dataclass(frozen=True)
class FieldChange:
    """One text of an entity that changed; ``before``/``after`` is None for a new/gone item.

    ``field`` is a key such as ``summary`` or ``responsibilities``; ``qualifier`` says which
    one where a field repeats (the level of an anchor, the role of a path step).
    """

    field: str
    before: Value | None
    after: Value | None
    qualifier: str | None = None

    @property
    def kind(self) -> Change:
        if self.before is None:
            return Change.ADDED
        return Change.REMOVED if self.after is None else Change.CHANGED


TARGET_ORDER = (Change.RAISED, Change.LOWERED, Change.REWORDED, Change.ADDED, Change.REMOVED)


@dataclass(frozen=True)
class TargetChange:
    """A role's target for one competency: raised, lowered, reworded (what the role
    expects), new in the role or dropped.

    A role lists its target changes in ``TARGET_ORDER``, each kind by competency id.
    """

    competency: Ref
    before: int | None
    after: int | None
    expects_before: str | None = None
    expects_after: str | None = None

    @property
    def kind(self) -> Change:
        if self.before is None:
            return Change.ADDED
        if self.after is None:
            return Change.REMOVED
        if self.after == self.before:
            return Change.REWORDED
        return Change.RAISED if self.after > self.before else Change.LOWERED


@dataclass(frozen=True)
class EntityChange:
    """A family, competency group or competency present in both editions, with changes."""

    ref: Ref
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RoleChange:
    ref: Ref
    fields: tuple[FieldChange, ...]
    targets: tuple[TargetChange, ...]

    @property
    def expectations_changed(self) -> bool:
        return bool(self.targets)


@dataclass(frozen=True)
class PathChange:
    """A career path in both editions; ``order_*`` hold every step when the order changed."""

    ref: Ref
    fields: tuple[FieldChange, ...]
    steps_added: tuple[Ref, ...] = ()
    steps_removed: tuple[Ref, ...] = ()
    order_before: tuple[Ref, ...] = ()
    order_after: tuple[Ref, ...] = ()

    @property
    def reordered(self) -> bool:
        return bool(self.order_before)


@dataclass(frozen=True)
class Section(Generic[T]):
    """One kind of thing: what was added, removed and changed, each sorted by id."""

    added: tuple[Ref, ...] = ()
    removed: tuple[Ref, ...] = ()
    changed: tuple[T, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class ChangeReport:
    """Everything that differs between two editions, in a stable order."""

    language: str
    old_version: str | None
    new_version: str | None
    handbook: tuple[FieldChange, ...] = ()
    families: Section[EntityChange] = field(default_factory=Section)
    groups: Section[EntityChange] = field(default_factory=Section)
    competencies: Section[EntityChange] = field(default_factory=Section)
    roles: Section[RoleChange] = field(default_factory=Section)
    paths: Section[PathChange] = field(default_factory=Section)
    pages: Section[EntityChange] = field(default_factory=Section)

    @property
    def is_empty(self) -> bool:
        sections = (
            self.families,
            self.groups,
            self.competencies,
            self.roles,
            self.paths,
            self.pages,
        )
        return not (self.handbook or any(sections))

    def roles_changed_expectations(self) -> frozenset[str]:
        """Ids of the roles (in both editions) whose competency targets changed."""
        return frozenset(c.ref.id for c in self.roles.changed if c.expectations_changed)

    def role_change(self, role_id: str) -> RoleChange | None:
        return next((c for c in self.roles.changed if c.ref.id == role_id), None)


def _named_section(old: Sequence[Any], new: Sequence[Any]) -> Any:
    """Families and groups: items with an id, a name and a description."""
    return _section(
        {item.id: item for item in old},
        {item.id: item for item in new},
        lambda item: item.name,
        lambda a, b: _entity(
            b.id,
            b.name,
            _text("name", a.name, b.name) + _text("description", a.description, b.description),
        ),
    )


def diff_handbooks(old: Handbook, new: Handbook) -> ChangeReport:
    """Compare two editions of a handbook."""
    return ChangeReport(
        language=new.language,
        old_version=old.version,
        new_version=new.version,
        handbook=_handbook_fields(old, new),
        families=_named_section(old.families, new.families),
        groups=_named_section(old.groups, new.groups),
        competencies=_section(
            {c.id: c for c in old.competencies},
            {c.id: c for c in new.competencies},
            lambda c: c.name,
            lambda a, b: _entity(b.id, b.name, _competency_fields(old, new, a, b)),
        ),
        roles=_section(
            {r.id: r for r in old.roles},
            {r.id: r for r in new.roles},
            lambda r: r.title,
            lambda a, b: _role(old, new, a, b),
        ),
        paths=_section(
            {p.id: p for p in old.paths},
            {p.id: p for p in new.paths},
            lambda p: p.title,
            lambda a, b: _path(old, new, a, b),
        ),
        pages=_section(
            {p.id: p for p in old.pages},
            {p.id: p for p in new.pages},
            lambda p: p.title,
            lambda a, b: _entity(
                b.id, b.title, _text("title", a.title, b.title) + _text("body", a.body, b.body)
            ),
        ),
    )


E = TypeVar("E")


def _section(
    old: dict[str, E],
    new: dict[str, E],
    name: Callable[[E], str],
    compare: Callable[[E, E], T | None],
) -> Section[T]:
    changed = (compare(old[key], new[key]) for key in sorted(old.keys() & new.keys()))
    return Section(
        added=tuple(Ref(key, name(new[key])) for key in sorted(new.keys() - old.keys())),
        removed=tuple(Ref(key, name(old[key])) for key in sorted(old.keys() - new.keys())),
        changed=tuple(change for change in changed if change is not None),
    )


def _entity(entity_id: str, name: str, fields: list[FieldChange]) -> EntityChange | None:
    return EntityChange(Ref(entity_id, name), tuple(fields)) if fields else None


def _text(
    key: str, before: Value | None, after: Value | None, qualifier: str | None = None
) -> list[FieldChange]:
    return [] if before == after else [FieldChange(key, before, after, qualifier)]


def _items(key: str, before: Sequence[str], after: Sequence[str]) -> list[FieldChange]:
    """Items removed from and added to a list; a removed item much like an added one is
    reported as that item edited. An item is plain text: wrapped onto other lines, it is
    the same item."""
    before_words = {tuple(item.split()) for item in before}
    after_words = {tuple(item.split()) for item in after}
    removed = [item for item in before if tuple(item.split()) not in after_words]
    added = [item for item in after if tuple(item.split()) not in before_words]
    changes = []
    for item in removed:
        match = max(added, key=lambda other: similarity(item, other), default=None)
        if match is not None and similarity(item, match) >= EDIT_SIMILARITY:
            added.remove(match)
            changes.append(FieldChange(key, item, match))
        else:
            changes.append(FieldChange(key, item, None))
    return changes + [FieldChange(key, None, item) for item in added]


def _handbook_fields(old: Handbook, new: Handbook) -> tuple[FieldChange, ...]:
    shared = range(1, min(old.scale.maximum, new.scale.maximum) + 1)
    labels = [
        change
        for level in shared
        for change in _text(
            "scale_label", old.scale.label(level), new.scale.label(level), str(level)
        )
        + _text(
            "scale_description",
            old.scale.description(level),
            new.scale.description(level),
            str(level),
        )
    ]
    return tuple(
        _text("title", old.title, new.title)
        + _text("organisation", old.organisation, new.organisation)
        + _text("language", old.language, new.language)
        + _text("scale_levels", old.scale.maximum, new.scale.maximum)
        + labels
        + _text("terms", _terms(old), _terms(new))
    )


def _terms(handbook: Handbook) -> str | None:
    """The organisation's words as one line: "role: Job level / Job levels; …"."""
    terms = handbook.terms
    given = [
        f"{noun}: {words[0]} / {words[1]}"
        for noun in NOUNS
        if (words := getattr(terms, noun)) is not None
    ]
    return "; ".join(given) or None


def _competency_fields(
    old: Handbook, new: Handbook, a: Competency, b: Competency
) -> list[FieldChange]:
    anchors_a = {anchor.level: anchor.text for anchor in a.anchors}
    anchors_b = {anchor.level: anchor.text for anchor in b.anchors}
    anchors = [
        change
        for level in sorted(anchors_a.keys() | anchors_b.keys())
        for change in _text("anchor", anchors_a.get(level), anchors_b.get(level), str(level))
    ]
    group = (
        []
        if a.group_id == b.group_id
        else _text("group", old.group(a.group_id).name, new.group(b.group_id).name)
    )
    return (
        _text("name", a.name, b.name)
        + group
        + _text("summary", a.summary, b.summary)
        + _items("indicators", a.indicators, b.indicators)
        + anchors
    )


def _role_titles(handbook: Handbook, ids: Sequence[str]) -> list[str]:
    return [handbook.role(role_id).title for role_id in ids]


def _role_fields(old: Handbook, new: Handbook, a: Role, b: Role) -> list[FieldChange]:
    ra, rb = a.requirements, b.requirements
    family = (
        []
        if a.family_id == b.family_id
        else _text("family", old.family(a.family_id).name, new.family(b.family_id).name)
    )
    reports = (
        []
        if a.reports_to == b.reports_to
        else _text(
            "reports_to",
            old.role(a.reports_to).title if a.reports_to else None,
            new.role(b.reports_to).title if b.reports_to else None,
        )
    )
    previous_removed = [r for r in ra.previous_roles if r not in rb.previous_roles]
    previous_added = [r for r in rb.previous_roles if r not in ra.previous_roles]
    salary_a = replace(a.salary, note=None) if a.salary else None  # the note is its own field
    salary_b = replace(b.salary, note=None) if b.salary else None
    return (
        _text("title", a.title, b.title)
        + family
        + _text("rank", a.rank, b.rank)
        + _items("synonyms", a.synonyms, b.synonyms)
        + _text("summary", a.summary, b.summary)
        + _text("description", a.description, b.description)
        + _items("responsibilities", a.responsibilities, b.responsibilities)
        + _items("education", ra.education, rb.education)
        + _text("experience_years", ra.experience_years, rb.experience_years)
        + [FieldChange("previous_roles", t, None) for t in _role_titles(old, previous_removed)]
        + [FieldChange("previous_roles", None, t) for t in _role_titles(new, previous_added)]
        + _items("skills", ra.skills, rb.skills)
        + _items("tools", ra.tools, rb.tools)
        + _text("salary", salary_a, salary_b)
        + _text(
            "salary_note", a.salary.note if a.salary else None, b.salary.note if b.salary else None
        )
        + reports
    )


def _targets(old: Handbook, new: Handbook, a: Role, b: Role) -> tuple[TargetChange, ...]:
    before = {t.competency_id: t for t in a.targets}
    after = {t.competency_id: t for t in b.targets}

    def name(competency_id: str) -> str:
        source = new if competency_id in after else old
        return source.competency(competency_id).name

    changes = [
        TargetChange(
            Ref(key, name(key)),
            _level(before.get(key)),
            _level(after.get(key)),
            _expects(before.get(key)),
            _expects(after.get(key)),
        )
        for key in sorted(before.keys() | after.keys())
        if _level(before.get(key)) != _level(after.get(key))
        or not same_words(_expects(before.get(key)), _expects(after.get(key)))
    ]
    return tuple(sorted(changes, key=lambda change: TARGET_ORDER.index(change.kind)))


def _level(target: Target | None) -> int | None:
    return target.level if target else None


def _expects(target: Target | None) -> str | None:
    return target.expects if target else None


def _role(old: Handbook, new: Handbook, a: Role, b: Role) -> RoleChange | None:
    fields, targets = tuple(_role_fields(old, new, a, b)), _targets(old, new, a, b)
    return RoleChange(Ref(b.id, b.title), fields, targets) if fields or targets else None


def _path(old: Handbook, new: Handbook, a: CareerPath, b: CareerPath) -> PathChange | None:
    steps_a, steps_b = {s.role_id: s for s in a.steps}, {s.role_id: s for s in b.steps}
    kept = [s.role_id for s in b.steps if s.role_id in steps_a]
    reordered = [s.role_id for s in a.steps if s.role_id in steps_b] != kept
    fields = _text("title", a.title, b.title) + _text("description", a.description, b.description)
    for role_id in kept:
        step_a, step_b, title = steps_a[role_id], steps_b[role_id], new.role(role_id).title
        fields += _text("typical_years", step_a.typical_years, step_b.typical_years, title)
        fields += _text("note", step_a.note, step_b.note, title)
    change = PathChange(
        Ref(b.id, b.title),
        tuple(fields),
        steps_added=_step_refs(new, [s.role_id for s in b.steps if s.role_id not in steps_a]),
        steps_removed=_step_refs(old, [s.role_id for s in a.steps if s.role_id not in steps_b]),
        order_before=_step_refs(old, [s.role_id for s in a.steps]) if reordered else (),
        order_after=_step_refs(new, [s.role_id for s in b.steps]) if reordered else (),
    )
    unchanged = not (fields or change.steps_added or change.steps_removed or reordered)
    return None if unchanged else change


def _step_refs(handbook: Handbook, role_ids: Sequence[str]) -> tuple[Ref, ...]:
    return tuple(Ref(role_id, handbook.role(role_id).title) for role_id in role_ids)
