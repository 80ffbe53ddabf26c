"""Stage 2: check loaded documents against the contract and build the immutable model.

Every problem of the whole catalogue is collected; the model exists only when there is
no error. Quality warnings (the linter) live in ``lint.py``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import model as m
from .errors import Location, Problem, Severity
from .lint import Sources, lint
from .load import Document, LoadResult, Mapping, Scalar, Sequence
from .schema import MAX_LEVELS, SPECS
from .spec import Invalid, V

Fields = dict[str, V[Any]]


@dataclass(frozen=True)
class Validation:
    handbook: m.Handbook | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def validate(loaded: LoadResult) -> Validation:
    """Check every rule of the catalogue contract; return the model only if all hold."""
    problems = list(loaded.problems)
    checked = _check_shapes(loaded.documents, problems)
    handbook = _Builder(checked, _declared_ids(loaded.documents), problems).build()
    if handbook is not None and not any(p.severity is Severity.ERROR for p in problems):
        problems.extend(lint(handbook, _sources(checked)))
        return Validation(handbook, tuple(sorted(problems)))
    return Validation(None, tuple(sorted(problems)))


@dataclass(frozen=True)
class _Checked:
    document: Document
    fields: Fields


def _check_shapes(documents: Iterable[Document], problems: list[Problem]) -> list[_Checked]:
    checked = []
    for document in documents:
        if not document.readable:
            continue
        if document.root is None:
            problems.append(Problem(document.location, "the file is empty: expected a mapping"))
            continue
        try:
            fields = SPECS[document.kind].check(document.root, problems).value
        except Invalid:
            continue
        checked.append(_Checked(document, fields))
    return checked


def _declared_ids(documents: Iterable[Document]) -> dict[str, set[str]]:
    """Role ids (file names) and competency ids as written, even in files with errors."""
    declared: dict[str, set[str]] = {"role": set(), "competency": set()}
    for document in documents:
        if document.kind == "role":
            declared["role"].add(document.id)
        elif document.kind == "group" and isinstance(document.root, Mapping):
            for key, value in document.root.entries:
                if key.text == "competencies" and isinstance(value, Sequence):
                    declared["competency"].update(_item_ids(value))
    return declared


def _item_ids(items: Sequence) -> Iterator[str]:
    for item in items.items:
        if isinstance(item, Mapping):
            yield from (v.text for k, v in item.entries if k.text == "id" and isinstance(v, Scalar))


def _sources(checked: list[_Checked]) -> Sources:
    """Where roles, competencies, indicators and path steps were written, for the linter."""
    sources: Sources = {}
    for item in checked:
        kind, fields = item.document.kind, item.fields
        if kind == "role":
            sources[("role", item.document.id, 0)] = item.document.location
        elif kind == "path":
            for index, step in enumerate(fields["steps"].value):
                sources[("step", item.document.id, index)] = step.location
        elif kind == "group":
            for entry in fields["competencies"].value:
                competency_id = entry.value["id"].value
                sources[("competency", competency_id, 0)] = entry.value["id"].location
                for index, indicator in enumerate(entry.value["indicators"].value):
                    sources[("indicator", competency_id, index)] = indicator.location
    return sources


def _value(fields: Fields, name: str, default: Any = None) -> Any:
    return fields[name].value if name in fields else default


def _texts(fields: Fields, name: str) -> tuple[str, ...]:
    return tuple(item.value for item in _value(fields, name, []))


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ""


class _Builder:
    """Cross-file rules (ids, references, levels, cycles) and construction of the model."""

    def __init__(
        self, checked: list[_Checked], declared: dict[str, set[str]], problems: list[Problem]
    ) -> None:
        self.problems = problems
        self.by_kind: dict[str, list[_Checked]] = {"handbook": [], "group": [], "role": [], "path": []}
        for item in checked:
            self.by_kind[item.document.kind].append(item)
        # Ids of every file and competency, valid or not, so one defect causes one error.
        self.role_ids = declared["role"]
        self.declared_competencies = declared["competency"]
        self.levels: int | None = None

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def build(self) -> m.Handbook | None:
        if not self.by_kind["handbook"]:
            return None
        fields = self.by_kind["handbook"][0].fields
        scale = self._scale(fields["scale"])
        families = self._families(fields["families"].value)
        groups = self._groups()
        competency_ids = {c.id for g in groups for c in g.competencies}
        roles = tuple(self._role(c, {f.id for f in families}, competency_ids) for c in self.by_kind["role"])
        self._check_reports_cycles(roles)
        paths = tuple(self._path(c) for c in self.by_kind["path"])
        if scale is None:
            return None
        return m.Handbook(
            title=fields["title"].value,
            language=fields["language"].value,
            scale=scale,
            families=families,
            groups=groups,
            roles=roles,
            paths=paths,
            organisation=_value(fields, "organisation"),
            version=_value(fields, "version"),
        )

    def _scale(self, scale: V[list[tuple[V[int], V[str | None]]]]) -> m.Scale | None:
        levels = [m.ScaleLevel(key.value, label.value) for key, label in scale.value]
        for expected, (key, _label) in enumerate(scale.value, start=1):
            if key.value != expected:
                message = (
                    f"scale levels must be consecutive whole numbers from 1 (up to {MAX_LEVELS}): "
                    f"expected {expected}, found {key.value}"
                )
                self.error(key.location, message)
                return None
        self.levels = len(levels)
        return m.Scale(tuple(levels))

    def _check_level(self, level: V[int], what: str) -> None:
        if self.levels is not None and level.value > self.levels:
            self.error(
                level.location,
                f"{what} {level.value} is outside the scale: expected a level from 1 to {self.levels}",
            )

    def _families(self, items: list[V[Fields]]) -> tuple[m.Family, ...]:
        families = []
        seen: set[str] = set()
        for item in items:
            family_id = item.value["id"]
            if family_id.value in seen:
                self.error(family_id.location, f"duplicate family id {family_id.value!r}")
                continue
            seen.add(family_id.value)
            fields = item.value
            families.append(
                m.Family(family_id.value, fields["name"].value, _value(fields, "description"))
            )
        return tuple(families)

    def _groups(self) -> tuple[m.CompetencyGroup, ...]:
        groups = []
        seen: dict[str, Location] = {}
        for item in self.by_kind["group"]:
            competencies = []
            for entry in item.fields["competencies"].value:
                competency = self._competency(entry.value, item.document.id, seen)
                if competency is not None:
                    competencies.append(competency)
            groups.append(
                m.CompetencyGroup(
                    id=item.document.id,
                    name=item.fields["name"].value,
                    competencies=tuple(competencies),
                    description=_value(item.fields, "description"),
                )
            )
        return tuple(groups)

    def _competency(self, fields: Fields, group_id: str, seen: dict[str, Location]) -> m.Competency | None:
        competency_id = fields["id"]
        if competency_id.value in seen:
            first = seen[competency_id.value]
            self.error(
                competency_id.location,
                f"duplicate competency id {competency_id.value!r}: already defined at {first}",
            )
            return None
        seen[competency_id.value] = competency_id.location
        anchors = []
        for key, text in _value(fields, "levels", []):
            self._check_level(key, "level")
            anchors.append(m.LevelAnchor(key.value, text.value))
        return m.Competency(
            id=competency_id.value,
            name=fields["name"].value,
            summary=fields["summary"].value,
            indicators=_texts(fields, "indicators"),
            group_id=group_id,
            anchors=tuple(sorted(anchors, key=lambda a: a.level)),
        )

    def _role_ref(self, ref: V[str], what: str) -> None:
        if ref.value not in self.role_ids:
            hint = _did_you_mean(ref.value, self.role_ids)
            self.error(ref.location, f"unknown role {ref.value!r} in {what}{hint}")

    def _role(self, item: _Checked, family_ids: set[str], competency_ids: set[str]) -> m.Role:
        fields = item.fields
        family = fields["family"]
        if family.value not in family_ids:
            hint = _did_you_mean(family.value, family_ids) or (
                ": expected one of " + ", ".join(sorted(family_ids))
            )
            self.error(family.location, f"unknown family {family.value!r}{hint}")
        targets = []
        for key, level in fields["competencies"].value:
            if key.value not in competency_ids and key.value not in self.declared_competencies:
                hint = _did_you_mean(key.value, competency_ids)
                self.error(key.location, f"unknown competency {key.value!r}{hint}")
            self._check_level(level, "target level")
            targets.append(m.Target(key.value, level.value))
        reports_to = fields.get("reports_to")
        if reports_to is not None:
            self._role_ref(reports_to, "reports_to")
        return m.Role(
            id=item.document.id,
            title=fields["title"].value,
            family_id=family.value,
            summary=fields["summary"].value,
            targets=tuple(targets),
            rank=_value(fields, "rank"),
            synonyms=_texts(fields, "synonyms"),
            description=_value(fields, "description"),
            responsibilities=_texts(fields, "responsibilities"),
            requirements=self._requirements(fields.get("requirements")),
            salary=self._salary(fields.get("salary")),
            reports_to=_value(fields, "reports_to"),
        )

    def _requirements(self, requirements: V[Fields] | None) -> m.Requirements:
        if requirements is None:
            return m.Requirements()
        fields = requirements.value
        for ref in _value(fields, "previous_roles", []):
            self._role_ref(ref, "previous_roles")
        return m.Requirements(
            education=_texts(fields, "education"),
            experience_years=_value(fields, "experience_years"),
            previous_roles=_texts(fields, "previous_roles"),
            skills=_texts(fields, "skills"),
            tools=_texts(fields, "tools"),
        )

    def _salary(self, salary: V[Fields] | None) -> m.Salary | None:
        if salary is None:
            return None
        fields = salary.value
        has_range = "min" in fields or "max" in fields
        if ("amount" in fields) == has_range or (has_range and not ("min" in fields and "max" in fields)):
            self.error(salary.location, "salary needs either 'amount', or both 'min' and 'max'")
        elif has_range and fields["min"].value > fields["max"].value:
            self.error(fields["min"].location, "salary 'min' is larger than 'max'")
        return m.Salary(
            currency=fields["currency"].value,
            period=fields["period"].value,
            amount=_value(fields, "amount"),
            minimum=_value(fields, "min"),
            maximum=_value(fields, "max"),
            note=_value(fields, "note"),
        )

    def _check_reports_cycles(self, roles: tuple[m.Role, ...]) -> None:
        valid = {r.id for r in roles}
        boss = {r.id: r.reports_to for r in roles if r.reports_to in valid}
        locations = {
            c.document.id: c.fields["reports_to"].location
            for c in self.by_kind["role"]
            if "reports_to" in c.fields
        }
        reported: set[str] = set()
        for start in sorted(boss):
            chain = [start]
            while (nxt := boss.get(chain[-1])) is not None and nxt not in chain:
                chain.append(nxt)
            if nxt is None or nxt in reported:
                continue
            cycle = chain[chain.index(nxt):]
            reported.update(cycle)
            text = " -> ".join([*cycle, nxt])
            self.error(locations[min(cycle)], f"reports_to forms a cycle: {text}")

    def _path(self, item: _Checked) -> m.CareerPath:
        steps = []
        for step in item.fields["steps"].value:
            fields: Fields = step.value if isinstance(step.value, dict) else {"role": step}
            self._role_ref(fields["role"], "steps")
            steps.append(
                m.PathStep(fields["role"].value, _value(fields, "typical_years"), _value(fields, "note"))
            )
        if len({s.role_id for s in steps}) < 2:
            self.error(
                item.fields["steps"].location,
                "a career path needs at least two distinct roles",
            )
        return m.CareerPath(
            id=item.document.id,
            title=item.fields["title"].value,
            steps=tuple(steps),
            description=_value(item.fields, "description"),
        )
