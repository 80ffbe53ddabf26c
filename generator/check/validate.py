"""Check: loaded documents against the contract: the shape of each file, the rules across
files (``build.py``), Markdown fields (``markdown.py``), then warnings (``lint.py``) less
those accepted on purpose (``accept.py``).

Every problem of the whole catalogue is collected: a file with errors is still checked
against the other files as far as it is well-formed. The model exists only when there is
no error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Location, Problem, Severity
from ..load.catalogue import Document, LoadResult
from ..load.tree import Mapping, Node, Scalar, Sequence
from ..model import handbook as m
from .accept import settle
from .build import Checked, Declared, Gathered, ModelBuilder
from .lint import Sources, lint
from .markdown import check_links, list_warnings
from .schema import SPECS
from .spec import Invalid


@dataclass(frozen=True)
class Validation:
    handbook: m.Handbook | None
    problems: tuple[Problem, ...]
    accepted: tuple[Problem, ...] = ()  # warnings accepted on purpose (``accept:``)

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
    declared = _declared_ids(loaded.documents)
    builder = ModelBuilder(checked, declared, problems, loaded.images)
    handbook = builder.build()
    images = {image.name for image in loaded.images}
    for field in builder.gathered.markdown:
        problems.extend(check_links(field, declared, images, builder.unchecked))
    problems.extend(builder.unchecked_notes(_hiding_files(loaded.documents)))
    if handbook is None or any(p.severity is Severity.ERROR for p in problems):
        return Validation(None, tuple(sorted(problems)))
    return _with_warnings(handbook, problems, builder.gathered, _sources(checked))


def _with_warnings(
    handbook: m.Handbook, problems: list[Problem], gathered: Gathered, sources: Sources
) -> Validation:
    findings = lint(handbook, sources)
    findings += [f for field in gathered.markdown for f in list_warnings(field)]
    settled = settle(findings, gathered.accept)
    problems += [*settled.kept, *settled.stale]
    return Validation(handbook, tuple(sorted(problems)), tuple(sorted(settled.accepted)))


def _check_shapes(documents: Iterable[Document], problems: list[Problem]) -> list[Checked]:
    """Every readable document with its well-formed fields (none if it is no mapping, so that
    a page's text is still checked); clean if this found no problem."""
    checked = []
    for document in documents:
        if not document.readable:
            continue
        if document.root is None:
            problems.append(
                Problem(
                    document.location,
                    "the file is empty: expected its fields, one 'key: value' per line",
                )
            )
            checked.append(Checked(document, {}, clean=False))
            continue
        before = len(problems)
        try:
            fields = SPECS[document.kind].check(document.root, problems).value
        except Invalid:
            fields = {}
        checked.append(Checked(document, fields, clean=len(problems) == before))
    return checked


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
        "role": {d.id for d in documents if d.kind == "role" and d.named},
        "family": families,
        "competency": competencies,
        "path": {d.id for d in documents if d.kind == "path" and d.named},
        "page": {d.id for d in documents if d.kind == "page" and d.named},
    }


def _hiding_files(documents: Iterable[Document]) -> dict[str, Location]:
    """Kind -> the file too broken to tell its ids (where ``_declared_ids`` gives None);
    levels -> handbook.yaml, whose scale they are checked against."""
    hiding: dict[str, Location] = {}
    for document in documents:
        if document.kind == "handbook":
            hiding.setdefault("level", document.location)
        if document.kind == "handbook" and _item_ids(document.root, "families") is None:
            hiding.setdefault("family", document.location)
        elif document.kind == "group" and _item_ids(document.root, "competencies") is None:
            hiding.setdefault("competency", document.location)
    return hiding


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


def _sources(checked: list[Checked]) -> Sources:
    """Where roles, competencies, indicators and path steps were written, for the linter."""
    sources: Sources = {}
    for item in checked:
        kind, fields = item.document.kind, item.fields
        if kind == "role":
            sources[("role", item.document.id, 0)] = item.document.location
            sources[("targets", item.document.id, 0)] = fields["competencies"].location
        elif kind == "path":
            for index, step in enumerate(fields["steps"].value):
                sources[("step", item.document.id, index)] = step.location
        elif kind == "group":
            for entry in fields["competencies"].value:
                competency_id = entry.value["id"].value
                sources[("competency", competency_id, 0)] = entry.value["id"].location
                indicators = entry.value.get("indicators")
                for index, indicator in enumerate(indicators.value if indicators else []):
                    sources[("indicator", competency_id, index)] = indicator.location
    return sources
