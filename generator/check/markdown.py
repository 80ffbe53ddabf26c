"""Check: Markdown fields: links to the catalogue by id, images, and lists that need a blank line.

Markdown fields (descriptions, level texts, expectations, scale level descriptions, pages)
may link to the catalogue as ``[Senior Engineer](role:senior-engineer)``; a link to an id
that does not exist is an error at its line. A line starting with ``- `` right after a line
of text does not start a list in Markdown: that is a warning, ``list-needs-blank-line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..contract import IMAGE_SUFFIXES, LINK_KINDS
from ..errors import Location, Problem, Severity, closest
from .spec import V

_KINDS = "|".join(LINK_KINDS)
# [text](kind:id) and [label]: kind:id, with an optional #anchor
LINK = re.compile(
    rf"(?:\]\(\s*<?|^\s{{0,3}}\[[^\]]+\]:\s*<?)(?P<kind>{_KINDS}):(?P<id>[^\s)>#]*)",
    re.MULTILINE,
)
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>[^\s)>]+)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
IMAGES_PREFIX = "images/"
_FILE_NAME = re.compile(r"^[^/\\]*[^/\\.][^/\\]*$")  # one name, not "." or ".."


@dataclass(frozen=True)
class MarkdownField:
    """A Markdown text where it was written, and what it belongs to (for ``accept:``)."""

    text: str
    location: Location  # where the value starts
    block: bool = False  # a | or > scalar: the text starts on the next line, indented
    indent: int = 0
    first_line: int | None = None  # a page's body: the file line of the text's first line
    competency: str | None = None
    role: str | None = None
    images: bool = False  # pages may show their images (images/<file>)


@dataclass(frozen=True)
class Finding:
    """A warning with what an ``accept:`` entry may narrow it by."""

    problem: Problem
    competency: str | None = None
    role: str | None = None


def check_links(
    field: MarkdownField,
    known: Mapping[str, set[str] | None],
    images: set[str],
    unchecked: dict[str, list[V[str]]],
) -> Iterator[Problem]:
    """Every link to an unknown id; on pages, every image that is not one of theirs.

    Where a file's errors hide which ids of a kind exist (``known`` None), a link of that kind
    is not checked but added to ``unchecked``, for the note on that file.
    """
    for match in LINK.finditer(field.text):
        kind, target = match["kind"], match["id"]
        where = _location(field, match.start("kind"))
        ids = known[kind]
        if ids is None:
            unchecked.setdefault(kind, []).append(V(target, where))
        elif target not in ids:
            yield Problem(where, f"link to unknown {kind} {target!r}: no {kind} has this id")
    if not field.images:
        return  # other fields show an image's alternative text (render/text.py)
    for match in IMAGE.finditer(field.text):
        message = _image_problem(match["src"], images)
        if message:
            yield Problem(_location(field, match.start("src")), message)


def _image_problem(source: str, images: set[str]) -> str | None:
    """Why a page cannot show ``source``: not a file of pages/images/, a type that is not
    allowed, or no such file; None if it can."""
    name = source.removeprefix(IMAGES_PREFIX)
    if name in images and source.startswith(IMAGES_PREFIX):
        return None
    if not source.startswith(IMAGES_PREFIX) or not _FILE_NAME.match(name):
        base = source.rsplit("/", 1)[-1]
        hint = f": did you mean '{IMAGES_PREFIX}{base}'?" if base in images else ""
        return (
            f"image {source!r} is not a file of pages/images/: expected images/<file> for "
            f"a file in pages/images/{hint}"
        )
    if not name.lower().endswith(IMAGE_SUFFIXES):
        return f"image {source!r} has an unsupported type: expected a png, jpg or svg file"
    close = closest(name, images)
    hint = f": did you mean '{IMAGES_PREFIX}{close}'?" if close else ""
    return f"image {source!r} not found: expected a file {name!r} in pages/images/{hint}"


def list_warnings(field: MarkdownField) -> Iterator[Finding]:
    """Lines starting with ``- `` right after a line of text (outside code)."""
    lines = field.text.split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        before = lines[index - 1] if index else ""
        if fenced or not line.lstrip().startswith("- ") or not before.strip():
            continue
        if _ITEM.match(before) or before.startswith(("    ", "\t", "#", ">", "!!!", "???")):
            continue
        offset = sum(len(text) + 1 for text in lines[:index]) + len(line) - len(line.lstrip())
        message = (
            "this line starts with '- ' right after a line of text, so Markdown shows it as "
            "text, not as a list: add a blank line before the list"
        )
        problem = Problem(
            _location(field, offset), message, Severity.WARNING, "list-needs-blank-line"
        )
        yield Finding(problem, field.competency, field.role)


def _location(field: MarkdownField, offset: int) -> Location:
    """The file position of ``offset`` in the field's text, as near as YAML lets us tell."""
    if field.location.sheet:
        return field.location  # a workbook's cell: there is nothing finer to point at
    before = field.text[:offset]
    line = before.count("\n")
    column = offset - (before.rfind("\n") + 1)
    start = field.location
    if field.first_line is not None:
        return Location(start.path, field.first_line + line, column + 1)
    if field.block:
        return Location(start.path, start.line + 1 + line, field.indent + column + 1)
    if line == 0:
        return Location(start.path, start.line, start.column + column)
    return Location(start.path, start.line + line, 1)  # folded text: the line is a guess
