"""Stage 1: read a catalogue root into located YAML trees.

YAML is read as a stream of parser events, never constructed by PyYAML: every scalar stays
the text the author wrote (no YAML 1.1 booleans, numbers or dates), anchors, aliases and tags
are refused before anything could expand or run, and every node keeps its position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Location, Problem

try:  # libyaml's parser is about ten times faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAGS = "tag:yaml.org,2002:"
_STR_TAG = _STANDARD_TAGS + "str"


@dataclass(frozen=True)
class Scalar:
    """A scalar as written; ``plain`` is False for quoted and block scalars."""

    text: str
    plain: bool
    location: Location

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in _NULLS


@dataclass(frozen=True)
class Mapping:
    entries: tuple[tuple[Scalar, Node], ...]
    location: Location


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    location: Location


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class Document:
    """One catalogue file: its kind (handbook, group, role, path), its id and its tree.

    ``readable`` is False when the file could not be read or parsed (the problem is already
    reported); its id still exists, so references to it are not reported as unknown.
    """

    kind: str
    id: str
    location: Location
    root: Node | None
    readable: bool = True


@dataclass(frozen=True)
class LoadResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


class _YamlProblem(Exception):
    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


KIND_FOLDERS = {"group": "competencies", "role": "roles", "path": "paths"}


def load(root: Path, display_root: str | None = None) -> LoadResult:
    """Read every catalogue file below ``root``; report paths as below ``display_root``."""
    shown = display_root if display_root is not None else str(root)
    problems: list[Problem] = []
    documents: list[Document] = []
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        message = f"the catalogue root {what}: expected a folder with a handbook.yaml"
        problem = Problem(Location(shown), message)
        return LoadResult((), (problem,))
    for kind, path, doc_id in _catalogue_files(root, shown, problems):
        documents.append(
            _load_file(root, path, kind, doc_id, _display(shown, root, path), problems)
        )
    return LoadResult(tuple(documents), tuple(problems))


def _display(shown: str, root: Path, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    return relative if shown in ("", ".") else f"{shown.rstrip('/')}/{relative}"


def _catalogue_files(
    root: Path, shown: str, problems: list[Problem]
) -> Iterator[tuple[str, Path, str]]:
    handbooks = [root / f"handbook{suffix}" for suffix in YAML_SUFFIXES]
    present = [p for p in handbooks if p.exists() or p.is_symlink()]
    if not present:
        location = Location(_display(shown, root, root / "handbook.yaml"))
        problems.append(Problem(location, "missing file: every catalogue needs a handbook.yaml"))
    for path in present:
        yield "handbook", path, "handbook"
    if len(present) > 1:
        location = Location(_display(shown, root, present[1]))
        problems.append(Problem(location, "duplicate file: use handbook.yaml or .yml, not both"))
    for kind, folder in KIND_FOLDERS.items():
        yield from _folder_files(root, root / folder, kind, shown, problems)


def _folder_files(
    root: Path, folder: Path, kind: str, shown: str, problems: list[Problem]
) -> Iterator[tuple[str, Path, str]]:
    if not folder.exists():
        return
    if not folder.is_dir():
        problems.append(Problem(Location(_display(shown, root, folder)), "expected a folder"))
        return
    seen: dict[str, Path] = {}
    try:
        paths = sorted(folder.iterdir())
    except OSError as error:
        location = Location(_display(shown, root, folder))
        problems.append(Problem(location, f"cannot read folder: {error.strerror}"))
        return
    for path in paths:
        if path.name.startswith(".") or path.suffix not in YAML_SUFFIXES:
            continue
        location = Location(_display(shown, root, path))
        if not ID_PATTERN.match(path.stem):
            message = (
                f"file name {path.stem!r} is not a valid id: use lowercase letters, digits "
                "and single hyphens (e.g. 'account-manager')"
            )
            problems.append(Problem(location, message))
            continue
        if path.stem in seen:
            message = (
                f"duplicate id {path.stem!r}: {seen[path.stem].name} has the same id; "
                "keep one of the two files"
            )
            problems.append(Problem(location, message))
            continue
        seen[path.stem] = path
        yield kind, path, path.stem


def _load_file(
    root: Path, path: Path, kind: str, doc_id: str, shown: str, problems: list[Problem]
) -> Document:
    location = Location(shown)
    try:
        text = _read_text(root, path, location)
        tree = _TreeBuilder(shown, problems).parse(text)
    except _YamlProblem as problem:
        problems.append(Problem(problem.location, problem.message))
        return Document(kind, doc_id, location, None, readable=False)
    return Document(kind, doc_id, location, tree)


def _read_text(root: Path, path: Path, shown_location: Location) -> str:
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(root.resolve()):
            raise _YamlProblem(shown_location, "refusing a link that points outside the catalogue")
        if real.is_dir():
            raise _YamlProblem(shown_location, "expected a YAML file, found a folder")
        if not real.is_file():  # a pipe or device could block or never end
            raise _YamlProblem(shown_location, "expected a YAML file, found a special file")
        if real.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise _YamlProblem(shown_location, f"file is larger than {limit} MB")
        data = real.read_bytes()
    except OSError as error:
        raise _YamlProblem(shown_location, f"cannot read file: {error.strerror}") from error
    return _decode(data, shown_location)


def _decode(data: bytes, location: Location) -> str:
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM is accepted and is no character
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        message = "file is not valid UTF-8 text: save it as UTF-8"
        raise _YamlProblem(Location(location.path, line, column), message) from error
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise _YamlProblem(Location(location.path, line, column), "file contains binary data")
    return text.replace("\r\n", "\n")


class _TreeBuilder:
    """Builds one file's tree from parser events; fatal problems raise, others collect."""

    def __init__(self, shown: str, problems: list[Problem]) -> None:
        self.shown = shown
        self.problems = problems

    def parse(self, text: str) -> Node | None:
        events = self._events(text)
        next(events)  # StreamStart
        if isinstance(next(events), yaml.StreamEndEvent):
            return None
        tree = self._node(events, next(events), 0)
        next(events)  # DocumentEnd
        event = next(events)
        if not isinstance(event, yaml.StreamEndEvent):
            raise _YamlProblem(self._where(event), "expected one YAML document, found several")
        return tree

    def _events(self, text: str) -> Iterator[yaml.Event]:
        try:
            yield from yaml.parse(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            message = f"invalid YAML: {error.problem or error.context}"
            raise _YamlProblem(Location(self.shown, line, column), message) from error
        except yaml.YAMLError as error:
            raise _YamlProblem(Location(self.shown), f"invalid YAML: {error}") from error

    def _where(self, event: yaml.Event) -> Location:
        mark = event.start_mark
        return (
            Location(self.shown, mark.line + 1, mark.column + 1) if mark else Location(self.shown)
        )

    def _node(self, events: Iterator[yaml.Event], event: yaml.Event, depth: int) -> Node:
        location = self._where(event)
        _refuse_expansion(event, location)
        if depth > MAX_DEPTH:
            raise _YamlProblem(location, f"nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(event, yaml.ScalarEvent):
            plain = event.style in (None, "") and event.tag is None
            return Scalar(event.value, plain, location)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(event := next(events), yaml.SequenceEndEvent):
                items.append(self._node(events, event, depth + 1))
            return Sequence(tuple(items), location)
        return self._mapping(events, location, depth)

    def _mapping(self, events: Iterator[yaml.Event], location: Location, depth: int) -> Mapping:
        entries: list[tuple[Scalar, Node]] = []
        seen: dict[str, Location] = {}
        while not isinstance(event := next(events), yaml.MappingEndEvent):
            key = self._node(events, event, depth + 1)
            value = self._node(events, next(events), depth + 1)
            if not isinstance(key, Scalar):
                raise _YamlProblem(key.location, "a key must be plain text, not a list or mapping")
            if key.text in seen:
                message = f"duplicate key {key.text!r} (first at line {seen[key.text].line})"
                self.problems.append(Problem(key.location, message))
                continue
            seen[key.text] = key.location
            entries.append((key, value))
        return Mapping(tuple(entries), location)


def _refuse_expansion(event: yaml.Event, location: Location) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise _YamlProblem(location, "YAML aliases (*name) are not allowed: write the value out")
    if getattr(event, "anchor", None):
        raise _YamlProblem(location, "YAML anchors (&name) are not allowed: write the value out")
    tag = getattr(event, "tag", None)
    if tag is not None and not (tag == _STR_TAG and isinstance(event, yaml.ScalarEvent)):
        shown = "!!" + tag.removeprefix(_STANDARD_TAGS) if tag.startswith(_STANDARD_TAGS) else tag
        raise _YamlProblem(location, f"YAML tags ({shown}) are not allowed: write plain values")
