"""Check: the contract's rules across files (ids, references, levels, cycles) and
construction of the immutable model from the checked values.

The builder reports every problem it finds and builds what it can, so that one run names
every defect; ``validate.py`` keeps the model only when no error was found.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..contract import MAX_LEVELS, RESERVED_IDS
from ..errors import Location, Problem, Severity
from ..load.catalogue import Document, ImageFile
from ..model import handbook as m
from .accept import AcceptEntry, acceptances
from .images import check_image
from .markdown import MarkdownField
from .spec import V

Fields = dict[str, V[Any]]
Declared = dict[str, set[str] | None]
MAX_LISTED = 12  # an unknown reference lists the known ids when there are at most this many


@dataclass(frozen=True)
class Checked:
    """A document whose shape is right, with its checked values."""

    document: Document
    fields: Fields


@dataclass
class Gathered:
    """What the builder gathers for checks that need the whole model."""

    markdown: list[MarkdownField] = field(default_factory=list)
    accept: list[AcceptEntry] = field(default_factory=list)


def value(fields: Fields, name: str, default: Any = None) -> Any:
    return fields[name].value if name in fields else default


def texts(fields: Fields, name: str) -> tuple[str, ...]:
    return tuple(item.value for item in value(fields, name, []))


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ""


def unknown(what: str, word: str, known: set[str], where: str = "") -> str:
    """``unknown role 'x' in steps``, with a "did you mean" hint or the ids there are."""
    hint = did_you_mean(word, known)
    if not hint and known and len(known) <= MAX_LISTED:
        hint = ": expected one of " + ", ".join(sorted(known))
    elif not hint:
        hint = f": no {what} has this id"
    return f"unknown {what} {word!r}{where}{hint}"


def _group_order(group: m.CompetencyGroup) -> tuple[bool, int, str]:
    """Ranked groups first, by rank; then the others; file name breaks ties."""
    return (group.rank is None, group.rank or 0, group.id)


def _page_order(page: m.OrganisationPage) -> tuple[bool, int, str]:
    return (page.rank is None, page.rank or 0, page.id)


class ModelBuilder:
    """Cross-file rules and construction of the model."""

    def __init__(
        self,
        checked: list[Checked],
        declared: Declared,
        problems: list[Problem],
        images: tuple[ImageFile, ...] = (),
    ) -> None:
        self.problems = problems
        self.by_kind: dict[str, list[Checked]] = {
            kind: [] for kind in ("handbook", "group", "role", "path", "page")
        }
        for item in checked:
            self.by_kind[item.document.kind].append(item)
        # Ids of every file, family and competency, valid or not, so one defect causes one
        # error; None: a file could not be read, so references of that kind are not checked.
        self.role_ids: set[str] = declared["role"] or set()
        self.declared = declared
        self.images = images
        self.unchecked: dict[str, list[V[str]]] = {}  # references not checked, by kind
        self.levels: int | None = None
        self.gathered = Gathered()

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Problem(location, message))

    def markdown(self, text: V[str] | None, **subjects: Any) -> str | None:
        """A Markdown field's text, kept for the checks that need every id."""
        if text is None:
            return None
        self.gathered.markdown.append(
            MarkdownField(text.value, text.location, text.block, text.indent, **subjects)
        )
        return text.value

    def accepted(self, item: Checked) -> tuple[m.Acceptance, ...]:
        entries = acceptances(item.fields.get("accept"), item.document, self.problems)
        self.gathered.accept.extend(entries)
        return tuple(entry.acceptance for entry in entries)

    def build(self, scale_alone: V[Any] | None = None) -> m.Handbook | None:
        """Check every cross-file rule; the model only when handbook.yaml itself is valid.

        ``scale_alone`` is the scale of a handbook.yaml with other errors, to check levels by.
        """
        item = self.by_kind["handbook"][0] if self.by_kind["handbook"] else None
        handbook = item.fields if item else None
        scale_field = handbook["scale"] if handbook else scale_alone
        scale = self._scale(scale_field) if scale_field else None
        families = self._families(handbook["families"].value) if handbook else ()
        groups = self._groups()
        competency_ids = {c.id for g in groups for c in g.competencies}
        roles = tuple(self._role(c, competency_ids) for c in self.by_kind["role"])
        self._check_reports_cycles(roles)
        paths = tuple(self._path(c) for c in self.by_kind["path"])
        pages = tuple(sorted(map(self._page, self.by_kind["page"]), key=_page_order))
        images = self._images()
        if item is None or handbook is None or scale is None:
            return None
        return m.Handbook(
            title=handbook["title"].value,
            language=handbook["language"].value,
            scale=scale,
            families=families,
            groups=groups,
            roles=roles,
            paths=paths,
            organisation=value(handbook, "organisation"),
            version=value(handbook, "version"),
            terms=self._terms(handbook.get("terms")),
            pages=pages,
            images=images,
            accepted=self.accepted(item),
        )

    def _scale(self, scale: V[list[tuple[V[int], V[Any]]]]) -> m.Scale | None:
        levels = []
        for key, level in scale.value:
            if isinstance(level.value, dict):  # the long form: label and description
                label = level.value["label"].value
                description = self.markdown(level.value.get("description"))
                levels.append(m.ScaleLevel(key.value, label, description))
            else:
                levels.append(m.ScaleLevel(key.value, level.value))
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

    def _terms(self, terms: V[Fields] | None) -> m.Terms:
        if terms is None:
            return m.Terms()
        nouns = {
            noun: (words.value[0].value, words.value[1].value)
            for noun, words in terms.value.items()
        }
        return m.Terms(**nouns)

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
            description = self.markdown(fields.get("description"))
            families.append(m.Family(family_id.value, fields["name"].value, description))
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
                    description=self.markdown(item.fields.get("description")),
                    rank=value(item.fields, "rank"),
                    accepted=self.accepted(item),
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
        for key, text in value(fields, "levels", []):
            self._check_level(key, "level")
            self.markdown(text, competency=competency_id.value)
            anchors.append(m.LevelAnchor(key.value, text.value))
        return m.Competency(
            id=competency_id.value,
            name=fields["name"].value,
            summary=value(fields, "summary"),
            indicators=texts(fields, "indicators"),
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
            self.error(ref.location, unknown("role", ref.value, self.role_ids, f" in {what}"))

    def _ref(self, kind: str, ref: V[str], valid: set[str]) -> None:
        """Report a reference to an unknown family or competency (if all of them are known)."""
        declared = self.declared[kind]
        known = ref.value in valid or ref.value in (declared or ())
        if declared is not None and not known:
            self.error(ref.location, unknown(kind, ref.value, valid or declared))
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

    def _role(self, item: Checked, competency_ids: set[str]) -> m.Role:
        fields = item.fields
        role_id = item.document.id
        family = fields["family"]
        self._ref("family", family, set())
        targets = []
        for key, target in fields["competencies"].value:
            self._ref("competency", key, competency_ids)
            if isinstance(target.value, dict):  # the long form: level and expectation
                level = target.value["level"]
                expects = target.value.get("expects")
                self.markdown(expects, competency=key.value, role=role_id)
            else:
                level, expects = target, None
            self._check_level(level, "target level")
            targets.append(m.Target(key.value, level.value, expects.value if expects else None))
        reports_to = fields.get("reports_to")
        if reports_to is not None:
            self._role_ref(reports_to, "reports_to")
        return m.Role(
            id=role_id,
            title=fields["title"].value,
            family_id=family.value,
            summary=value(fields, "summary"),
            targets=tuple(targets),
            rank=value(fields, "rank"),
            synonyms=texts(fields, "synonyms"),
            description=self.markdown(fields.get("description"), role=role_id),
            responsibilities=texts(fields, "responsibilities"),
            requirements=self._requirements(fields.get("requirements")),
            salary=self._salary(fields.get("salary")),
            reports_to=value(fields, "reports_to"),
            accepted=self.accepted(item),
        )

    def _requirements(self, requirements: V[Fields] | None) -> m.Requirements:
        if requirements is None:
            return m.Requirements()
        fields = requirements.value
        for ref in value(fields, "previous_roles", []):
            self._role_ref(ref, "previous_roles")
        return m.Requirements(
            education=texts(fields, "education"),
            experience_years=value(fields, "experience_years"),
            previous_roles=texts(fields, "previous_roles"),
            skills=texts(fields, "skills"),
            tools=texts(fields, "tools"),
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
            amount=value(fields, "amount"),
            minimum=value(fields, "min"),
            maximum=value(fields, "max"),
            note=value(fields, "note"),
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

    def _path(self, item: Checked) -> m.CareerPath:
        steps = []
        for step in item.fields["steps"].value:
            fields: Fields = step.value if isinstance(step.value, dict) else {"role": step}
            self._role_ref(fields["role"], "steps")
            steps.append(
                m.PathStep(
                    fields["role"].value, value(fields, "typical_years"), value(fields, "note")
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
            description=self.markdown(item.fields.get("description")),
            accepted=self.accepted(item),
        )

    def _page(self, item: Checked) -> m.OrganisationPage:
        document = item.document
        self.gathered.markdown.append(
            MarkdownField(
                document.body, document.location, first_line=document.body_line, images=True
            )
        )
        return m.OrganisationPage(
            id=document.id,
            title=item.fields["title"].value,
            body=document.body,
            rank=value(item.fields, "rank"),
            accepted=self.accepted(item),
        )

    def _images(self) -> tuple[m.PageImage, ...]:
        images = []
        for image in self.images:
            problem = check_image(image)
            if problem is not None:
                self.problems.append(problem)
            else:
                images.append(m.PageImage(image.name, image.data))
        return tuple(images)
