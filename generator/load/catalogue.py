"""Load: the files of a catalogue folder -> documents (kind, id, located tree).

Every file is read, whatever is wrong with others; problems are collected, never raised.
The organisation's pages (``pages/<id>.md``) are documents too: their front matter is the
tree and their Markdown the ``body``; the images beside them are read as bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..contract import (
    ID_PATTERN,
    IMAGE_SUFFIXES,
    KIND_FOLDERS,
    MAX_FILE_BYTES,
    PAGE_SUFFIX,
    YAML_SUFFIXES,
)
from ..errors import Location, Problem
from .tree import Node, YamlProblem, decode, parse
from .unread import unread


@dataclass(frozen=True)
class Document:
    """One catalogue file: its kind (handbook, group, role, path), its id and its tree.

    ``readable`` is False when the file could not be read or parsed (the problem is already
    reported); its id still exists, so references to it are not reported as unknown.
    ``named`` is False when the file name is no valid id (reported): its content is checked
    all the same, but it declares no id.
    """

    kind: str
    id: str
    location: Location
    root: Node | None
    readable: bool = True
    body: str = ""  # a page's Markdown, after its front matter
    body_line: int = 1  # the line of the file where ``body`` starts
    named: bool = True


@dataclass(frozen=True)
class ImageFile:
    """An image beside the organisation's pages, as the file holds it."""

    name: str
    data: bytes
    location: Location


@dataclass(frozen=True)
class LoadResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    images: tuple[ImageFile, ...] = ()


PAGES_FOLDER = "pages"
IMAGES_FOLDER = "images"
READ_FOLDERS = (*KIND_FOLDERS.values(), PAGES_FOLDER)  # every folder files are read from
_IMAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)$")


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
        document = _load_file(root, path, kind, doc_id, _display(shown, root, path), problems)
        documents.append(replace(document, named=bool(ID_PATTERN.match(doc_id))))
    images = tuple(_images(root, shown, problems))
    problems.extend(unread(root, lambda path: _display(shown, root, path)))
    return LoadResult(tuple(documents), tuple(problems), images)


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
    yield from _folder_files(root, root / PAGES_FOLDER, "page", shown, problems, (PAGE_SUFFIX,))


def _folder_files(
    root: Path,
    folder: Path,
    kind: str,
    shown: str,
    problems: list[Problem],
    suffixes: tuple[str, ...] = YAML_SUFFIXES,
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
        if path.name.startswith(".") or path.suffix not in suffixes:
            continue
        location = Location(_display(shown, root, path))
        if not ID_PATTERN.match(path.stem):
            message = (
                f"file name {path.stem!r} is not a valid id: use lowercase letters, digits "
                "and single hyphens (e.g. 'account-manager')"
            )
            problems.append(Problem(location, message))
            if path.stem not in seen:  # its content is still checked (see Document.named)
                seen[path.stem] = path
                yield kind, path, path.stem
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
        text = decode(_read_bytes(root, path, location), location)
        if kind == "page":
            return _page(text, doc_id, location, problems)
        tree = parse(text, shown, problems)
    except YamlProblem as problem:
        problems.append(Problem(problem.location, problem.message))
        return Document(kind, doc_id, location, None, readable=False)
    return Document(kind, doc_id, location, tree)


def _page(text: str, page_id: str, location: Location, problems: list[Problem]) -> Document:
    """A page: YAML front matter between two ``---`` lines, then Markdown."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
    if lines[0].rstrip() != "---" or end is None:
        message = "expected front matter first: a line '---', 'title: …', then a line '---'"
        raise YamlProblem(location, message)
    front = "\n" + "\n".join(lines[1:end])  # the leading line keeps line numbers as in the file
    tree = parse(front, location.path, problems)
    body = "\n".join(lines[end + 1 :])
    return Document("page", page_id, location, tree, body=body, body_line=end + 2)


def _images(root: Path, shown: str, problems: list[Problem]) -> Iterator[ImageFile]:
    """The images in ``pages/images/``: png, jpg or svg, with names safe in a URL."""
    folder = root / PAGES_FOLDER / IMAGES_FOLDER
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        location = Location(_display(shown, root, path))
        if path.name.startswith("."):
            continue
        if path.suffix.lower() not in IMAGE_SUFFIXES or not _IMAGE_NAME.match(path.name):
            message = (
                "expected an image named with letters, digits, '-' or '_' and ending in "
                + ", ".join(IMAGE_SUFFIXES)
            )
            problems.append(Problem(location, message))
            continue
        try:
            yield ImageFile(path.name, _read_bytes(root, path, location), location)
        except YamlProblem as problem:
            problems.append(Problem(problem.location, problem.message))


def _read_bytes(root: Path, path: Path, shown_location: Location) -> bytes:
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(root.resolve()):
            raise YamlProblem(shown_location, "refusing a link that points outside the catalogue")
        if real.is_dir():
            raise YamlProblem(shown_location, "expected a YAML file, found a folder")
        if not real.is_file():  # a pipe or device could block or never end
            raise YamlProblem(shown_location, "expected a YAML file, found a special file")
        if real.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise YamlProblem(shown_location, f"file is larger than {limit} MB")
        data = real.read_bytes()
    except OSError as error:
        raise YamlProblem(shown_location, f"cannot read file: {error.strerror}") from error
    return data
