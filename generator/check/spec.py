"""Check: a small declarative type system for catalogue files.

One spec serves two purposes: ``check`` turns a located YAML node into located Python values
(collecting every problem), and ``json_schema`` describes the same shape for editors. So the
JSON Schema can never drift from what the validator accepts.

A value that is not what its spec says raises ``Invalid``. A mapping or list keeps what is
well-formed in it and is marked ``partial`` when something was left out, so that the rules
across files still check the rest of a file while not reasoning about the whole of it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..contract import ID_PATTERN, as_id
from ..errors import Location, Problem, closest
from ..load.tree import Mapping, Node, Scalar, Sequence

T = TypeVar("T")
_INTEGER = re.compile(r"^[-+]?[0-9]+$")
_NUMBER = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_GROUPED = re.compile(r"^[0-9]{1,3}([.,][0-9]{3})+$")  # 30.000 or 1,500,000


@dataclass(frozen=True)
class V(Generic[T]):
    """A checked value with the position it came from; ``block`` marks text from a ``|`` or
    ``>`` scalar, which starts on the line after ``location``.

    ``partial`` marks a mapping or list that lacks something written in it (a field, an item
    or an entry's key, each already reported) or has too few or too many items: rules about
    it as a whole (required fields, how many distinct roles) must not run on it.
    """

    value: T
    location: Location
    block: bool = False
    indent: int = 0  # of a block scalar's lines
    partial: bool = False


class Invalid(Exception):
    """Raised inside ``check`` after the problem has been recorded."""


def _kind_of(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping (key: value)"
    if isinstance(node, Sequence):
        return "a list"
    if node.is_null:
        return "nothing"
    return f"text {node.text!r}" if not node.plain else f"{node.text!r}"


class Spec:
    """Base of all specs; ``what`` names the expected value in messages."""

    what = "a value"
    plural = "values"
    description = ""

    def check(self, node: Node, problems: list[Problem]) -> V[Any]:
        raise NotImplementedError  # pragma: no cover - abstract

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError  # pragma: no cover - abstract

    def key_schema(self) -> dict[str, Any]:
        """The JSON Schema of this spec used for mapping keys (always strings in JSON)."""
        return self.json_schema()

    def fail(self, node: Node, problems: list[Problem], message: str | None = None) -> Invalid:
        text = message or f"expected {self.what}, found {_kind_of(node)}"
        problems.append(Problem(node.location, text))
        return Invalid()

    def report(self, node: Node, problems: list[Problem], message: str) -> None:
        """Record a problem that leaves the rest of the value worth checking."""
        problems.append(Problem(node.location, message))

    def scalar(self, node: Node, problems: list[Problem]) -> Scalar:
        if not isinstance(node, Scalar) or node.is_null:
            raise self.fail(node, problems)
        return node


@dataclass(frozen=True)
class Text(Spec):
    """Any text, kept exactly as written (``no`` stays "no", ``2026.10`` stays "2026.10")."""

    description: str = ""
    nullable: bool = False
    what = "text"
    plural = "text"

    def check(self, node: Node, problems: list[Problem]) -> V[str | None]:
        if self.nullable and isinstance(node, Scalar) and node.is_null:
            return V(None, node.location)
        scalar = self.scalar(node, problems)
        text = scalar.text.strip()
        if not text:
            raise self.fail(node, problems, "expected text, found an empty string")
        return V(text, node.location, scalar.block, scalar.indent)

    def json_schema(self) -> dict[str, Any]:
        # Unquoted `2026.10` or `no` is text to the validator, so the schema accepts them too.
        types = ["string", "number", "boolean", *(["null"] if self.nullable else [])]
        return _described({"type": types}, self.description)


@dataclass(frozen=True)
class Id(Spec):
    """An id (own or a reference); references are resolved later, when all ids are known."""

    description: str = ""
    what = "an id (lowercase letters, digits and single hyphens, e.g. 'account-manager')"
    plural = "ids"

    def check(self, node: Node, problems: list[Problem]) -> V[str]:
        text = self.scalar(node, problems).text
        if not ID_PATTERN.match(text):
            written = as_id(text)
            example = f"{written!r}" if written else "'account-manager'"
            message = (
                f"{text!r} is not a valid id: expected lowercase letters, digits and single "
                f"hyphens (e.g. {example})"
            )
            raise self.fail(node, problems, message)
        return V(text, node.location)

    def json_schema(self) -> dict[str, Any]:
        return _described({"type": "string", "pattern": ID_PATTERN.pattern}, self.description)


@dataclass(frozen=True)
class Integer(Spec):
    minimum: int | None = None
    maximum: int | None = None
    description: str = ""
    what = "a whole number"
    plural = "whole numbers"

    def check(self, node: Node, problems: list[Problem]) -> V[int]:
        scalar = self.scalar(node, problems)
        if not scalar.plain or not _INTEGER.match(scalar.text):
            raise self.fail(node, problems)
        value = int(scalar.text)
        if self.minimum is not None and value < self.minimum:
            raise self.fail(
                node, problems, f"expected a whole number >= {self.minimum}, found {value}"
            )
        if self.maximum is not None and value > self.maximum:
            raise self.fail(
                node, problems, f"expected a whole number <= {self.maximum}, found {value}"
            )
        return V(value, node.location)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return _described(schema, self.description)

    def key_schema(self) -> dict[str, Any]:
        if self.minimum is not None and self.maximum is not None:
            return {"enum": [str(n) for n in range(self.minimum, self.maximum + 1)]}
        return {"pattern": r"^[-+]?[0-9]+$"}


@dataclass(frozen=True)
class Number(Spec):
    """A number; ``positive`` demands > 0, otherwise >= 0."""

    positive: bool = False
    description: str = ""
    money: bool = False  # an amount: "30.000" is a thousands separator, not thirty
    what = "a number"
    plural = "numbers"

    def check(self, node: Node, problems: list[Problem]) -> V[float]:
        scalar = self.scalar(node, problems)
        if self.money and scalar.plain and _GROUPED.match(scalar.text):
            digits = re.sub(r"[.,]", "", scalar.text)
            message = (
                f"expected an amount without thousands separators, found {scalar.text}: "
                f"write {digits}"
            )
            raise self.fail(node, problems, message)
        if not scalar.plain or not _NUMBER.match(scalar.text):
            raise self.fail(node, problems)
        value = float(scalar.text)
        if not math.isfinite(value):
            raise self.fail(node, problems, f"expected a number, found {scalar.text} (too large)")
        if value < 0 or (self.positive and value == 0):
            bound = "> 0" if self.positive else ">= 0"
            raise self.fail(node, problems, f"expected a number {bound}, found {scalar.text}")
        return V(int(value) if value.is_integer() else value, node.location)

    def json_schema(self) -> dict[str, Any]:
        key = "exclusiveMinimum" if self.positive else "minimum"
        return _described({"type": "number", key: 0}, self.description)


@dataclass(frozen=True)
class Choice(Spec):
    choices: tuple[str, ...] = ()
    description: str = ""

    @property
    def what(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(repr(c) for c in self.choices)

    def check(self, node: Node, problems: list[Problem]) -> V[str]:
        text = self.scalar(node, problems).text
        if text not in self.choices:
            raise self.fail(node, problems)
        return V(text, node.location)

    def json_schema(self) -> dict[str, Any]:
        return _described({"type": "string", "enum": list(self.choices)}, self.description)


@dataclass(frozen=True)
class ListOf(Spec):
    """A list; items that are not well-formed are reported and left out (``partial``).

    ``expected`` replaces "expected a list of …" and "expected at least n item(s)" where the
    number has a meaning (a term's singular and plural).
    """

    item: Spec = field(default_factory=Text)
    min_items: int = 0
    max_items: int | None = None
    description: str = ""
    expected: str = ""
    what = "a list"
    plural = "lists"

    def check(self, node: Node, problems: list[Problem]) -> V[list[V[Any]]]:
        if not isinstance(node, Sequence):
            expected = self.expected or f"expected a list of {self.item.plural}"
            raise self.fail(node, problems, f"{expected}, found {_kind_of(node)}")
        message = self._count_problem(len(node.items))
        if message:
            self.report(node, problems, message)
        items = [_attempt(self.item, item, problems) for item in node.items]
        checked = [item for item in items if item is not None]
        partial = bool(message) or len(checked) < len(items)
        return V(checked, node.location, partial=partial)

    def _count_problem(self, count: int) -> str | None:
        too_many = self.max_items is not None and count > self.max_items
        if count >= self.min_items and not too_many:
            return None
        if self.expected:
            found = {0: "none", 1: "1 item"}.get(count, f"{count} items")
            return f"{self.expected}, found {found}"
        if too_many:
            return f"expected at most {self.max_items} item(s), found {count}"
        return f"expected at least {self.min_items} item(s), found {count or 'none'}"

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        return _described(schema, self.description)


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping with free keys, e.g. ``competency-id: level``; order is kept.

    An entry whose key is not well-formed is left out (``partial``); one whose value is not
    keeps its key with the value None, so that the key is still checked (a target's
    competency, an anchor's level).
    """

    key: Spec = field(default_factory=Id)
    value: Spec = field(default_factory=Text)
    min_items: int = 0
    description: str = ""
    what = "a mapping (key: value)"
    plural = "mappings (key: value)"

    def check(self, node: Node, problems: list[Problem]) -> V[list[tuple[V[Any], V[Any] | None]]]:
        if not isinstance(node, Mapping):
            raise self.fail(node, problems)
        short = len(node.entries) < self.min_items
        if short:
            found = len(node.entries) or "none"
            entries = "entry" if self.min_items == 1 else "entries"
            self.report(
                node, problems, f"expected at least {self.min_items} {entries}, found {found}"
            )
        pairs = []
        for key_node, value_node in node.entries:
            key = _attempt(self.key, key_node, problems)
            value = _attempt(self.value, value_node, problems)
            if key is not None:
                pairs.append((key, value))
        return V(pairs, node.location, partial=short or len(pairs) < len(node.entries))

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "propertyNames": self.key.key_schema(),
            "additionalProperties": self.value.json_schema(),
        }
        if self.min_items:
            schema["minProperties"] = self.min_items
        return _described(schema, self.description)


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False


@dataclass(frozen=True)
class Record(Spec):
    """A mapping with named fields; unknown keys are errors with a "did you mean" hint.

    A field whose value is not well-formed is left out (``partial``); a missing required field
    is reported and absent, so whoever reads the fields must not assume it is there.
    """

    fields: MappingType[str, Field] = field(default_factory=dict)
    title: str = ""
    description: str = ""
    what = "a mapping (key: value)"
    plural = "mappings (key: value)"

    def check(self, node: Node, problems: list[Problem]) -> V[dict[str, V[Any]]]:
        if not isinstance(node, Mapping):
            raise self.fail(node, problems)
        values: dict[str, V[Any]] = {}
        present: set[str] = set()
        meant: set[str] = set()  # fields an unknown key is a misspelling of
        partial = False
        for key, value in node.entries:
            spec = self.fields.get(key.text)
            if spec is None:
                problems.append(Problem(key.location, self._unknown(key.text)))
                meant.update(self._close(key.text))
                continue
            present.add(key.text)
            if isinstance(value, Scalar) and value.is_null and not _accepts_null(spec.spec):
                if spec.required:
                    message = f"{key.text!r} needs a value: expected {spec.spec.what}"
                    if value.comment:  # `title: #1 Agent`
                        message += (
                            "; YAML reads text from a '#' after a space as a comment: put "
                            f"the text in quotes ({key.text}: '{_doubled(value.comment)}')"
                        )
                    problems.append(Problem(value.location, message))
                    partial = True
                continue  # an empty optional field counts as absent
            checked = _attempt(spec.spec, value, problems)
            if checked is None:
                partial = True
            else:
                values[key.text] = checked
        for name, spec in self.fields.items():
            # `titel:` is reported as unknown, with "did you mean 'title'?": not twice
            if spec.required and name not in present and name not in meant:
                problems.append(Problem(node.location, f"missing required field {name!r}"))
        return V(values, node.location, partial=partial)

    def _close(self, key: str) -> list[str]:
        close = closest(key, self.fields)
        return [close] if close else []

    def _unknown(self, key: str) -> str:
        message = f"unknown field {key!r}"
        close = self._close(key)
        if close:
            return f"{message}: did you mean {close[0]!r}?"
        return f"{message}: expected one of " + ", ".join(self.fields)

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {name: f.spec.json_schema() for name, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [name for name, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        if self.title:
            schema["title"] = self.title
        return _described(schema, self.description)


@dataclass(frozen=True)
class Either(Spec):
    """A short form for a scalar and a long form for a mapping or a list: a path step as a
    role id or a mapping, a target as a level or a mapping, one id or a list of ids."""

    short: Spec = field(default_factory=Id)
    long: Spec = field(default_factory=Record)
    description: str = ""

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"{self.short.what} or {self.long.what}"

    @property
    def plural(self) -> str:  # type: ignore[override]
        return f"{self.short.plural} or {self.long.plural}"

    def check(self, node: Node, problems: list[Problem]) -> V[Any]:
        if isinstance(node, Scalar):
            return self.short.check(node, problems)
        long_shape = Sequence if isinstance(self.long, ListOf) else Mapping
        if not isinstance(node, long_shape):
            raise self.fail(node, problems)
        return self.long.check(node, problems)

    def json_schema(self) -> dict[str, Any]:
        return _described(
            {"oneOf": [self.short.json_schema(), self.long.json_schema()]}, self.description
        )


def _attempt(spec: Spec, node: Node, problems: list[Problem]) -> V[Any] | None:
    try:
        return spec.check(node, problems)
    except Invalid:
        return None


def _accepts_null(spec: Spec) -> bool:
    if isinstance(spec, Either):
        return _accepts_null(spec.short)
    return isinstance(spec, Text) and spec.nullable


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    if description:
        schema["description"] = description
    return schema


def _doubled(text: str) -> str:
    """Text inside YAML's single quotes: an apostrophe is written twice."""
    return text.replace("'", "''")
