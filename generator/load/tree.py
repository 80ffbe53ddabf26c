"""Load: YAML text -> a located tree of scalars, mappings and lists.

YAML is read as a stream of parser events, never constructed by PyYAML: every scalar stays
the text the author wrote (no YAML 1.1 booleans, numbers or dates) and every node keeps its
position. Anchors, aliases and tags are refused, each where it stands, but the file is still
read as if the values were written out (an alias shares its anchor's node, a tag is dropped),
so the file's other problems show in the same run; aliases that would expand beyond
``MAX_EXPANSION`` nodes (a billion-laughs document) stop the file at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import yaml

from ..contract import MAX_DEPTH
from ..errors import Location, Problem
from .syntax import explain, quote_hint

try:  # libyaml's parser is about ten times faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAGS = "tag:yaml.org,2002:"
_STR_TAG = _STANDARD_TAGS + "str"
MAX_EXPANSION = 10_000  # nodes that aliases may stand for in one file, all aliases together


@dataclass(frozen=True)
class Scalar:
    """A scalar as written; ``plain`` is False for quoted and block scalars.

    ``block`` marks ``|`` and ``>`` scalars, whose text starts on the line after
    ``location``, indented by ``indent`` spaces (so a position inside the text can be told).
    """

    text: str
    plain: bool
    location: Location
    block: bool = False
    indent: int = 0
    comment: str = ""  # for an empty value: a comment written where the value would be

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
Events = Callable[[], yaml.Event]  # the parser's next event


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all; the position says where."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


def decode(data: bytes, location: Location) -> str:
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM is accepted and is no character
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        message = "file is not valid UTF-8 text: save it as UTF-8"
        raise YamlProblem(Location(location.path, line, column), message) from error
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise YamlProblem(Location(location.path, line, column), "file contains binary data")
    return text.replace("\r\n", "\n")


class _TreeBuilder:
    """Builds one file's tree from parser events; fatal problems raise, others collect."""

    def __init__(self, shown: str, problems: list[Problem]) -> None:
        self.shown = shown
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.sizes: dict[int, int] = {}  # id(node) -> nodes in it, for anchored nodes' parts
        self.expanded = 0

    def parse(self, text: str) -> Node | None:
        self.lines = text.split("\n")
        loader = _Loader(text)
        try:
            # get_event() gives None only after the stream's end, where reading stops
            return self._document(cast(Events, loader.get_event))
        except yaml.MarkedYAMLError as error:
            hint = explain(error, text)
            location = Location(self.shown, hint.line, hint.column)
            raise YamlProblem(location, hint.message) from error
        except yaml.YAMLError as error:
            raise YamlProblem(Location(self.shown), f"invalid YAML: {error}") from error
        finally:
            loader.dispose()

    def _document(self, events: Events) -> Node | None:
        """The one document of the stream; ``events`` gives the parser's next event (called
        directly: a generator around it cost a fifth of the loading time)."""
        events()  # StreamStart
        if isinstance(events(), yaml.StreamEndEvent):  # else DocumentStart
            return None
        tree = self._node(events, events(), 0)
        events()  # DocumentEnd
        event = events()
        if not isinstance(event, yaml.StreamEndEvent):
            raise YamlProblem(self._where(event), "expected one YAML document, found several")
        return tree

    def _indent(self, line: int) -> int:
        """The indentation of a block scalar whose indicator is on ``line`` (1-based)."""
        for text in self.lines[line:]:
            if text.strip():
                return len(text) - len(text.lstrip(" "))
        return 0

    def _where(self, event: yaml.Event) -> Location:
        mark = event.start_mark
        return (
            Location(self.shown, mark.line + 1, mark.column + 1) if mark else Location(self.shown)
        )

    def _node(self, events: Events, event: yaml.Event, depth: int) -> Node:
        location = self._where(event)
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event.anchor or "", location)
        tagged = self._refused_tag(event, location)
        if depth > MAX_DEPTH:
            raise YamlProblem(location, f"nesting is deeper than {MAX_DEPTH} levels")
        node: Node
        if isinstance(event, yaml.ScalarEvent):
            plain = event.style in (None, "") and (event.tag is None or tagged)
            if plain and not event.value:
                node = Scalar("", plain, location, comment=self._comment_at(location))
            elif event.style not in ("|", ">"):
                node = Scalar(event.value, plain, location)
            else:
                node = Scalar(event.value, plain, location, True, self._indent(location.line))
        elif isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(item := events(), yaml.SequenceEndEvent):
                items.append(self._node(events, item, depth + 1))
            node = Sequence(tuple(items), location)
        else:
            node = self._mapping(events, location, depth)
        anchor = getattr(event, "anchor", None)
        if anchor:
            message = "YAML anchors (&name) are not allowed: write the value out"
            if isinstance(node, Scalar) and node.plain and " " in node.text:
                message += quote_hint("&")  # `- &more than 20 calls`: '&' meant as text
            self.problems.append(Problem(location, message))
            self.anchors[anchor] = node
        return node

    def _comment_at(self, location: Location) -> str:
        """``#1 Agent`` of ``title: #1 Agent``: text YAML read as a comment, not a value."""
        if not 0 < location.line <= len(self.lines):  # an empty value at the end of a flow
            return ""
        rest = self.lines[location.line - 1][location.column - 1 :].strip()
        if not rest.startswith("#") or not rest.removeprefix("#").strip():
            return ""
        return rest

    def _alias(self, name: str, location: Location) -> Node:
        """The anchored node an alias stands for, reported; fatal where it is unknown or
        the aliases of the file would expand too far."""
        message = "YAML aliases (*name) are not allowed: write the value out"
        node = self.anchors.get(name)
        if not self.anchors:  # no anchor at all: the '*' must have been meant as text
            message += quote_hint("*")
        if node is None:
            raise YamlProblem(location, message)
        self.expanded += _size(node, self.sizes)
        if self.expanded > MAX_EXPANSION:
            raise YamlProblem(location, f"{message} (they expand to over {MAX_EXPANSION} values)")
        self.problems.append(Problem(location, message))
        return node

    def _refused_tag(self, event: yaml.Event, location: Location) -> bool:
        """Report a tag other than ``!!str`` on text; True if there was one (it is dropped:
        the value reads as if written without it)."""
        tag = getattr(event, "tag", None)
        if tag is None or (tag == _STR_TAG and isinstance(event, yaml.ScalarEvent)):
            return False
        shown = "!!" + tag.removeprefix(_STANDARD_TAGS) if tag.startswith(_STANDARD_TAGS) else tag
        message = f"YAML tags ({shown}) are not allowed: write plain values"
        self.problems.append(Problem(location, message))
        return True

    def _mapping(self, events: Events, location: Location, depth: int) -> Mapping:
        entries: list[tuple[Scalar, Node]] = []
        seen: dict[str, Location] = {}
        while not isinstance(event := events(), yaml.MappingEndEvent):
            key = self._node(events, event, depth + 1)
            value = self._node(events, events(), depth + 1)
            if not isinstance(key, Scalar):
                raise YamlProblem(key.location, "a key must be plain text, not a list or mapping")
            if key.text in seen:
                message = f"duplicate key {key.text!r} (first at line {seen[key.text].line})"
                self.problems.append(Problem(key.location, message))
                continue
            seen[key.text] = key.location
            entries.append((key, value))
        return Mapping(tuple(entries), location)


def _size(node: Node, sizes: dict[int, int]) -> int:
    """How many nodes ``node`` holds, aliased parts counted as often as they appear."""
    if isinstance(node, Scalar):
        return 1
    known = sizes.get(id(node))
    if known is None:
        parts = node.items if isinstance(node, Sequence) else [v for _, v in node.entries]
        known = sizes[id(node)] = 1 + sum(_size(part, sizes) for part in parts)
    return known


def parse(text: str, shown: str, problems: list[Problem]) -> Node | None:
    """The tree of one YAML document (None if empty); duplicate keys go to ``problems``.

    Raises ``YamlProblem`` when the text is not YAML at all or its aliases expand too far.
    """
    return _TreeBuilder(shown, problems).parse(text)
