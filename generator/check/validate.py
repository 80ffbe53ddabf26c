"""Check: loaded documents against the contract, and construction of the immutable model.

Every problem of the whole catalogue is collected; the model exists only when there is
no error. Quality warnings (the linter) live in ``lint.py``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..contract import MAX_LEVELS, RESERVED_IDS
from ..errors import Location, Problem, Severity
from ..load.catalogue import Document, LoadResult
from ..load.tree import Mapping, Node, Scalar, Sequence
from ..model import handbook as m
from .lint import Sources, lint
from .schema import SPECS
from .spec import Invalid, V

Fields = dict[str, V[Any]]
MAX_LISTED = 12  # an unknown reference lists the known ids when there are at most this many


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
    builder = _Builder(checked, _declared_ids(loaded.documents), problems)
    handbook = builder.build(_scale_alone(loaded.documents))
    problems.extend(builder.unchecked_notes(_hiding_files(loaded.documents)))
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


Declared = dict[str, set[str] | None]


def _group_order(group: m.CompetencyGroup) -> tuple[bool, int, str]:
    """Ranked groups first, by rank; then the others; file name breaks ties."""
    return (group.rank is None, group.rank or 0, group.id)


def _declared_ids(documents: Iterable[Document]) -> Declared:
    """Ids of roles (file names), families and competencies as written, even in files with
    errors; None where a file is too broken to tell, so references to them are not checked."""
    documents = list(documents)
    handbook = next((d for d in documents if d.kind == "handbook"), None)
    families = _item_ids(handbook.root, "families") if handbook else None
    competencies: set[str] | None = set()
    for group in (d for d in documents if d.kind == "group"):
        ids = _item_ids(group.root, "competencies")
        competencies = None if ids is None or competencies is None else competencies | ids
    return {
        "role": {d.id for d in documents if d.kind == "role"},
        "family": families,
        "competency": competencies,
    }


def _hiding_files(documents: Iterable[Document]) -> dict[str, Location]:
    """Kind -> the file too broken to tell its ids (where ``_declared_ids`` gives None)."""
    hiding: dict[str, Location] = {}
    for document in documents:
        if document.kind == "handbook" and _item_ids(document.root, "families") is None:
            hiding.setdefault("family", document.location)
        elif document.kind == "group" and _item_ids(document.root, "competencies") is None:
            hiding.setdefault("competency", document.location)
    return hiding


def _scale_alone(documents: Iterable[Document]) -> V[Any] | None:
    """The scale of a handbook.yaml that has errors elsewhere, so levels are still checked."""
    handbook = next((d for d in documents if d.kind == "handbook"), None)
    if handbook is None or not isinstance(handbook.root, Mapping):
        return None
    for key, value in handbook.root.entries:
        if key.text == "scale":
            try:  # problems of the scale itself are reported by the full check already
                return SPECS["handbook"].fields["scale"].spec.check(value, [])
            except Invalid:
                return None
    return None


def _item_ids(root: Node | None, list_key: str) -> set[str] | None:
    """The ``id`` of every mapping in the list under ``list_key``; None if there is no list."""
    lists = [v for k, v in root.entries if k.text == list_key] if isinstance(root, Mapping) else []
    if not lists or not isinstance(lists[0], Sequence):
        return None
    items = [item for item in lists[0].items if isinstance(item, Mapping)]
    return {
        v.text
        for item in items
        for k, v in item.entries
        if k.text == "id" and isinstance(v, Scalar)
    }


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


def _unknown(what: str, word: str, known: set[str], where: str = "") -> str:
    """``unknown role 'x' in steps``, with a "did you mean" hint or the ids there are."""
    hint = _did_you_mean(word, known)
    if not hint and known and len(known) <= MAX_LISTED:
        hint = ": expected one of " + ", ".join(sorted(known))
    elif not hint:
        hint = f": no {what} has this id"
    return f"unknown {what} {word!r}{where}{hint}"


class _Builder:
    """Cross-file rules (ids, references, levels, cycles) and construction of the model."""

    def __init__(
        self, checked: list[_Checked], declared: Declared, problems: list[Problem]
    ) -> None:
        self.problems = problems
        self.by_kind: dict[str, list[_Checked]] = {
            "handbook": [],
            "group": [],
            "role": [],
            "path": [],
        }
        for item in checked:
            self.by_kind[item.document.kind].append(item)
        # Ids of every file, family and competency, valid or not, so one defect causes one
        # error; None: a file could not be read, so references of that kind are not checked.
        self.role_ids: set[str] = declared["role"] or set()
        self.declared = declared
        self.unchecked: dict[str, list[V[str]]] = {}  # references not checked, by kind
        self.levels: int | None = None

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def build(self, scale_alone: V[Any] | None = None) -> m.Handbook | None:
        """Check every cross-file rule; the model only when handbook.yaml itself is valid.

        ``scale_alone`` is the scale of a handbook.yaml with other errors, to check levels by.
        """
        handbook = self.by_kind["handbook"][0].fields if self.by_kind["handbook"] else None
        scale_field = handbook["scale"] if handbook else scale_alone
        scale = self._scale(scale_field) if scale_field else None
        families = self._families(handbook["families"].value) if handbook else ()
        groups = self._groups()
        competency_ids = {c.id for g in groups for c in g.competencies}
        roles = tuple(self._role(c, competency_ids) for c in self.by_kind["role"])
        self._check_reports_cycles(roles)
        paths = tuple(self._path(c) for c in self.by_kind["path"])
        if handbook is None or scale is None:
            return None
        fields = handbook
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
            expected = f"expected a level from 1 to {self.levels}"
            self.error(level.location, f"{what} {level.value} is outside the scale: {expected}")

    def _families(self, items: list[V[Fields]]) -> tuple[m.Family, ...]:
        families = []
        seen: dict[str, Location] = {}
        for item in items:
            family_id = item.value["id"]
            if family_id.value in seen:
                first = seen[family_id.value]
                message = f"duplicate family id {family_id.value!r}: first at line {first.line}"
                self.error(family_id.location, message)
                continue
            seen[family_id.value] = family_id.location
            self._check_not_reserved(family_id, "family")
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
                    rank=_value(item.fields, "rank"),
                )
            )
        return tuple(sorted(groups, key=_group_order))

    def _competency(
        self, fields: Fields, group_id: str, seen: dict[str, Location]
    ) -> m.Competency | None:
        competency_id = fields["id"]
        if competency_id.value in seen:
            first = seen[competency_id.value]
            self.error(
                competency_id.location,
                f"duplicate competency id {competency_id.value!r}: already defined at {first}",
            )
            return None
        seen[competency_id.value] = competency_id.location
        self._check_not_reserved(competency_id, "competency")
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

    def _check_not_reserved(self, item_id: V[str], kind: str) -> None:
        """``index`` names a folder's own page (the competency catalogue, the matrix)."""
        if item_id.value in RESERVED_IDS:
            self.error(
                item_id.location,
                f"{item_id.value!r} cannot be a {kind} id: it is reserved for overview pages; "
                "choose another id",
            )

    def _role_ref(self, ref: V[str], what: str) -> None:
        if ref.value not in self.role_ids:
            self.error(ref.location, _unknown("role", ref.value, self.role_ids, f" in {what}"))

    def _ref(self, kind: str, ref: V[str], valid: set[str]) -> None:
        """Report a reference to an unknown family or competency (if all of them are known)."""
        declared = self.declared[kind]
        known = ref.value in valid or ref.value in (declared or ())
        if declared is not None and not known:
            self.error(ref.location, _unknown(kind, ref.value, valid or declared))
        elif not known:
            self.unchecked.setdefault(kind, []).append(ref)

    def unchecked_notes(self, hiding: dict[str, Location]) -> list[Problem]:
        """One note per file whose errors hid the ids that references point to."""
        notes = []
        for kind, refs in sorted(self.unchecked.items()):
            if kind in hiding:
                first = min(refs, key=lambda ref: ref.location)
                message = (
                    f"{len(refs)} reference(s) to a {kind} were not checked because this file "
                    f"has errors (first: {first.value!r} at {first.location}); fix them first"
                )
                notes.append(Problem(hiding[kind], message, Severity.NOTE))
        return notes

    def _role(self, item: _Checked, competency_ids: set[str]) -> m.Role:
        fields = item.fields
        family = fields["family"]
        self._ref("family", family, set())
        targets = []
        for key, level in fields["competencies"].value:
            self._ref("competency", key, competency_ids)
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
        if ("amount" in fields) == has_range or (
            has_range and not ("min" in fields and "max" in fields)
        ):
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
            cycle = chain[chain.index(nxt) :]
            reported.update(cycle)
            text = " -> ".join([*cycle, nxt])
            self.error(locations[min(cycle)], f"reports_to forms a cycle: {text}")

    def _path(self, item: _Checked) -> m.CareerPath:
        steps = []
        for step in item.fields["steps"].value:
            fields: Fields = step.value if isinstance(step.value, dict) else {"role": step}
            self._role_ref(fields["role"], "steps")
            steps.append(
                m.PathStep(
                    fields["role"].value, _value(fields, "typical_years"), _value(fields, "note")
                )
            )
        distinct = sorted({s.role_id for s in steps})
        if len(distinct) < 2:
            found = f"only {distinct[0]!r}" if distinct else "none"
            self.error(
                item.fields["steps"].location,
                f"a career path needs at least two distinct roles, found {found}",
            )
        return m.CareerPath(
            id=item.document.id,
            title=item.fields["title"].value,
            steps=tuple(steps),
            description=_value(item.fields, "description"),
        )
