"""Check: the contract's rules across files (ids, references, levels, cycles) and
construction of the immutable model from the checked values.

The rules run over every part of a file that is well-formed, even when other parts are not,
so that one run names every defect; a rule about a whole (required fields, two distinct
roles) does not run where part of it is missing. The model is built only from files without
problems, and ``validate.py`` keeps it only when no error was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..contract import MAX_LEVELS
from ..errors import Location, Problem, Severity, unknown
from ..load.catalogue import Document, ImageFile
from ..model import handbook as m
from .accept import AcceptEntry, acceptances
from .fields import Fields, texts, value
from .images import check_image
from .markdown import MarkdownField
from .roles import reports_cycles, requirements, salary
from .schema import MIN_LEVELS
from .spec import V

Declared = dict[str, set[str] | None]


@dataclass(frozen=True)
class Checked:
    """A document with the fields that are well-formed; ``clean`` if its shape had no
    problem (only then can it become part of the model)."""

    document: Document
    fields: Fields
    clean: bool = True


@dataclass
class Gathered:
    """What the builder gathers for checks that need the whole model."""

    markdown: list[MarkdownField] = field(default_factory=list)
    accept: list[AcceptEntry] = field(default_factory=list)


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
        self.clean = all(item.clean for item in checked)
        self.by_kind: dict[str, list[Checked]] = {
            kind: [] for kind in ("handbook", "group", "role", "path", "page")
        }
        # A file with a valid name comes first, so a duplicate is reported in the other one.
        for item in sorted(checked, key=lambda item: not item.document.named):
            self.by_kind[item.document.kind].append(item)
        # Ids of every file, family and competency, valid or not, so one defect causes one
        # error; None: a file could not be read, so references of that kind are not checked.
        self.role_ids: set[str] = declared["role"] or set()
        self.declared = declared
        self.images = images
        self.unchecked: dict[str, list[V[Any]]] = {}  # references or levels not checked
        self.levels: int | None = None  # the scale's, when it is known for certain
        self.scale_at: Location | None = None  # a scale with errors
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

    def build(self) -> m.Handbook | None:
        """Check every cross-file rule; the model only when every file is clean."""
        item = self.by_kind["handbook"][0] if self.by_kind["handbook"] else None
        handbook = item.fields if item else {}
        scale = self._scale(handbook.get("scale"))
        families = self._families(value(handbook, "families", []))
        groups, competency_ids = self._groups()
        roles = [self._role(c, competency_ids) for c in self.by_kind["role"]]
        reporting = [c for c in self.by_kind["role"] if "reports_to" in c.fields]
        self.problems.extend(
            reports_cycles({c.document.id: c.fields["reports_to"] for c in reporting})
        )
        paths = [self._path(c) for c in self.by_kind["path"]]
        pages = [self._page(c) for c in self.by_kind["page"]]
        images = self._images()
        accepted = self.accepted(item) if item else ()
        if item is None or scale is None or not self.clean:
            return None
        return m.Handbook(
            title=handbook["title"].value,
            language=handbook["language"].value,
            scale=scale,
            families=families,
            groups=groups,
            roles=tuple(role for role in roles if role),
            paths=tuple(path for path in paths if path),
            organisation=value(handbook, "organisation"),
            version=value(handbook, "version"),
            terms=self._terms(handbook.get("terms")),
            pages=tuple(sorted((page for page in pages if page), key=_page_order)),
            images=images,
            accepted=accepted,
        )

    def _scale(self, scale: V[list[tuple[V[int], V[Any] | None]]] | None) -> m.Scale | None:
        """The scale; ``levels`` is set only when the scale's keys are all well-formed."""
        if scale is None:
            return None
        levels = []
        for key, level in scale.value:
            if level is not None and isinstance(level.value, dict):  # label and description
                description = self.markdown(level.value.get("description"))
                levels.append(m.ScaleLevel(key.value, value(level.value, "label"), description))
            elif level is not None:
                levels.append(m.ScaleLevel(key.value, level.value))
        if scale.partial:  # a level's number is malformed, or too few: reported already
            self.scale_at = scale.location
            return None
        for expected, (key, _label) in enumerate(scale.value, start=1):
            if key.value != expected:
                message = (
                    f"scale levels must be consecutive whole numbers from 1 (up to {MAX_LEVELS}): "
                    f"expected {expected}, found {key.value}"
                )
                self.error(key.location, message)
                self.scale_at = scale.location
                return None
        self.levels = len(scale.value)
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
        if self.levels is None:
            if level.value > MIN_LEVELS:  # levels up to MIN_LEVELS fit any scale
                self.unchecked.setdefault("level", []).append(level)
        elif level.value > self.levels:
            expected = f"expected a level from 1 to {self.levels}"
            self.error(level.location, f"{what} {level.value} is outside the scale: {expected}")

    def _families(self, items: list[V[Fields]]) -> tuple[m.Family, ...]:
        families = []
        seen: dict[str, Location] = {}
        for item in items:
            fields = item.value
            description = self.markdown(fields.get("description"))
            family_id = fields.get("id")
            if family_id is None:
                continue
            if family_id.value in seen:
                first = seen[family_id.value]
                message = f"duplicate family id {family_id.value!r}: first at line {first.line}"
                self.error(family_id.location, message)
                continue
            seen[family_id.value] = family_id.location
            if "name" in fields:
                families.append(m.Family(family_id.value, fields["name"].value, description))
        return tuple(families)

    def _groups(self) -> tuple[tuple[m.CompetencyGroup, ...], set[str]]:
        """The groups of clean files, and the id of every competency written well-formed."""
        groups = []
        seen: dict[str, Location] = {}
        for item in self.by_kind["group"]:
            competencies = [
                self._competency(entry.value, item.document.id, seen)
                for entry in value(item.fields, "competencies", [])
            ]
            description = self.markdown(item.fields.get("description"))
            accepted = self.accepted(item)
            if not item.clean:
                continue
            groups.append(
                m.CompetencyGroup(
                    id=item.document.id,
                    name=item.fields["name"].value,
                    competencies=tuple(c for c in competencies if c),
                    description=description,
                    rank=value(item.fields, "rank"),
                    accepted=accepted,
                )
            )
        return tuple(sorted(groups, key=_group_order)), set(seen)

    def _competency(
        self, fields: Fields, group_id: str, seen: dict[str, Location]
    ) -> m.Competency | None:
        competency_id = fields.get("id")
        anchors = []
        for key, text in value(fields, "levels", []):
            self._check_level(key, "level")
            if text is not None:
                self.markdown(text, competency=competency_id.value if competency_id else None)
                anchors.append(m.LevelAnchor(key.value, text.value))
        if competency_id is None:
            return None
        if competency_id.value in seen:
            first = seen[competency_id.value]
            self.error(
                competency_id.location,
                f"duplicate competency id {competency_id.value!r}: already defined at {first}",
            )
            return None
        seen[competency_id.value] = competency_id.location
        if "name" not in fields:
            return None
        return m.Competency(
            id=competency_id.value,
            name=fields["name"].value,
            summary=value(fields, "summary"),
            indicators=texts(fields, "indicators"),
            group_id=group_id,
            anchors=tuple(sorted(anchors, key=lambda a: a.level)),
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
        """One note per file whose errors hid the ids that references point to, or the
        scale that levels are checked against."""
        notes = []
        for kind, refs in sorted(self.unchecked.items()):
            where = self.scale_at if kind == "level" and self.scale_at else hiding.get(kind)
            if where is None:
                continue
            first = min(refs, key=lambda ref: ref.location)
            what = (
                f"level(s) above {MIN_LEVELS} were not checked against the scale"
                if kind == "level"
                else f"reference(s) to a {kind} were not checked"
            )
            message = (
                f"{len(refs)} {what} because this file has errors "
                f"(first: {first.value!r} at {first.location}); fix them first"
            )
            notes.append(Problem(where, message, Severity.NOTE))
        return notes

    def _role(self, item: Checked, competency_ids: set[str]) -> m.Role | None:
        fields = item.fields
        role_id = item.document.id
        family = fields.get("family")
        if family is not None:
            self._ref("family", family, set())
        targets = [
            self._target(key, target, role_id, competency_ids)
            for key, target in value(fields, "competencies", [])
        ]
        reports_to = fields.get("reports_to")
        if reports_to is not None:
            self._role_ref(reports_to, "reports_to")
        description = self.markdown(fields.get("description"), role=role_id)
        needs = requirements(fields.get("requirements"), self._role_ref)
        pay = salary(fields.get("salary"), self.problems)
        accepted = self.accepted(item)
        if not item.clean:
            return None
        return m.Role(
            id=role_id,
            title=fields["title"].value,
            family_id=fields["family"].value,
            summary=value(fields, "summary"),
            targets=tuple(target for target in targets if target),
            rank=value(fields, "rank"),
            synonyms=texts(fields, "synonyms"),
            description=description,
            responsibilities=texts(fields, "responsibilities"),
            requirements=needs,
            salary=pay,
            reports_to=value(fields, "reports_to"),
            accepted=accepted,
        )

    def _target(
        self, key: V[str], target: V[Any] | None, role_id: str, competency_ids: set[str]
    ) -> m.Target | None:
        self._ref("competency", key, competency_ids)
        if target is None:
            return None
        if isinstance(target.value, dict):  # the long form: level and expectation
            level = target.value.get("level")
            expects = target.value.get("expects")
            self.markdown(expects, competency=key.value, role=role_id)
        else:
            level, expects = target, None
        if level is None:
            return None
        self._check_level(level, "target level")
        return m.Target(key.value, level.value, expects.value if expects else None)

    def _path(self, item: Checked) -> m.CareerPath | None:
        listed = item.fields.get("steps")
        steps = []
        for step in listed.value if listed else []:
            fields: Fields = step.value if isinstance(step.value, dict) else {"role": step}
            if "role" in fields:
                self._role_ref(fields["role"], "steps")
                steps.append(
                    m.PathStep(
                        fields["role"].value, value(fields, "typical_years"), value(fields, "note")
                    )
                )
        # Steps left out for their errors might hold the second role.
        if listed is not None and not listed.partial and len(steps) == len(listed.value):
            self._check_distinct_roles(steps, listed.location)
        description = self.markdown(item.fields.get("description"))
        accepted = self.accepted(item)
        if not item.clean:
            return None
        return m.CareerPath(
            id=item.document.id,
            title=item.fields["title"].value,
            steps=tuple(steps),
            description=description,
            accepted=accepted,
        )

    def _check_distinct_roles(self, steps: list[m.PathStep], location: Location) -> None:
        distinct = sorted({s.role_id for s in steps})
        if len(distinct) < 2:
            found = f"only {distinct[0]!r}" if distinct else "none"
            self.error(location, f"a career path needs at least two distinct roles, found {found}")

    def _page(self, item: Checked) -> m.OrganisationPage | None:
        document = item.document
        self.gathered.markdown.append(
            MarkdownField(
                document.body, document.location, first_line=document.body_line, images=True
            )
        )
        accepted = self.accepted(item)
        if not item.clean:
            return None
        return m.OrganisationPage(
            id=document.id,
            title=item.fields["title"].value,
            body=document.body,
            rank=value(item.fields, "rank"),
            accepted=accepted,
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
