"""JSON Schemas for editors: generated from the validator's spec, committed, referenced by files.

A tiny checker for the JSON Schema keywords the generator uses lets the tests check YAML
documents against the committed schemas without a new dependency.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check.schema import SCHEMA_FILES, SPECS, json_schema_text
from generator.check.validate import validate
from generator.load.catalogue import load

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = PROJECT / "schemas"
CATALOGUE = PROJECT / "tests" / "fixtures" / "default"
FIXTURE = PROJECT / "tests" / "fixtures" / "small-de"
FOLDERS = {"group": "competencies", "role": "roles", "path": "paths"}
REFRESH = "run `make schemas` (handbook schema --out schemas) and commit the result"
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")

Catalogue = Callable[[dict[str, Any]], Path]


# --- a minimal JSON Schema checker (only the keywords the generator emits) --------------------

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_KNOWN = {
    "$schema", "title", "description", "type", "enum", "properties", "additionalProperties",
    "required", "items", "minItems", "minProperties", "propertyNames", "pattern", "minimum",
    "maximum", "exclusiveMinimum", "oneOf",
}  # fmt: skip


def schema_errors(schema: dict[str, Any], value: Any, where: str = "$") -> list[str]:
    """Every violation of ``schema`` by ``value``; fails on keywords it does not know."""
    assert set(schema) <= _KNOWN, f"checker does not know {set(schema) - _KNOWN}"
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in allowed):
            return [f"{where}: {value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if _TYPES["number"](value):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append(f"{where}: {value} <= {schema['exclusiveMinimum']}")
    if isinstance(value, list):
        errors += _array_errors(schema, value, where)
    if isinstance(value, dict):
        errors += _object_errors(schema, value, where)
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not schema_errors(s, value, where)]
        if len(passing) != 1:
            errors.append(f"{where}: matches {len(passing)} of oneOf, expected exactly 1")
    return errors


def _array_errors(schema: dict[str, Any], value: list[Any], where: str) -> list[str]:
    errors = []
    if len(value) < schema.get("minItems", 0):
        errors.append(f"{where}: fewer than {schema['minItems']} items")
    for index, item in enumerate(value):
        errors += schema_errors(schema.get("items", {}), item, f"{where}[{index}]")
    return errors


def _object_errors(schema: dict[str, Any], value: dict[str, Any], where: str) -> list[str]:
    errors = [
        f"{where}: missing {name!r}" for name in schema.get("required", []) if name not in value
    ]
    if len(value) < schema.get("minProperties", 0):
        errors.append(f"{where}: fewer than {schema['minProperties']} entries")
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        errors += schema_errors(schema.get("propertyNames", {}), key, f"{where} key")
        if key in properties:
            errors += schema_errors(properties[key], item, f"{where}.{key}")
        elif extra is False:
            errors.append(f"{where}: unexpected key {key!r}")
        elif isinstance(extra, dict):
            errors += schema_errors(extra, item, f"{where}.{key}")
    return errors


def as_json(value: Any) -> Any:
    """What an editor's YAML parser hands the schema: string keys, dates as their text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def committed(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


def catalogue_files(root: Path) -> list[tuple[str, Path]]:
    files = [("handbook", root / "handbook.yaml")]
    for kind, folder in FOLDERS.items():
        files += [(kind, path) for path in sorted((root / folder).glob("*.y*ml"))]
    return files


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    """Assert that schemas/ holds exactly what `handbook schema --out schemas` writes now."""
    path = SCHEMAS / SCHEMA_FILES[kind]
    assert path.is_file(), f"{path} is missing: {REFRESH}"
    assert path.read_text(encoding="utf-8") == json_schema_text(kind), f"{path} is stale: {REFRESH}"


def test_no_stray_schema_files() -> None:
    """Assert that schemas/ holds no schema of a file kind that no longer exists."""
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(SCHEMA_FILES.values()), REFRESH


@pytest.mark.parametrize(("kind", "path"), catalogue_files(CATALOGUE), ids=lambda x: str(x)[-40:])
def test_catalogue_files_point_editors_to_their_schema(kind: str, path: Path) -> None:
    """Assert that each default catalogue file starts with its yaml-language-server line."""
    match = HEADER.match(path.read_text(encoding="utf-8"))
    assert match, f"{path} must start with '# yaml-language-server: $schema=...'"
    target = (path.parent / match.group(1)).resolve()
    assert target == (SCHEMAS / SCHEMA_FILES[kind]).resolve()
    assert target.is_file()


@pytest.mark.parametrize("root", [CATALOGUE, FIXTURE], ids=["default", "small-de"])
def test_valid_catalogues_satisfy_the_schemas(root: Path) -> None:
    """Assert that catalogues the validator accepts also pass the committed JSON Schemas."""
    assert validate(load(root)).errors == ()
    for kind, path in catalogue_files(root):
        document = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert schema_errors(committed(kind), document) == [], path


ROLE = "title: J\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"


@pytest.mark.parametrize(
    "role",
    [
        ROLE + "titel: x\n",
        ROLE.replace("title: J\n", ""),
        ROLE.replace("speak: 1", "speak: '1'"),
        ROLE.replace("speak: 1", "speak: 11"),
        ROLE.replace("family: team", "family: Team"),
        ROLE + "salary:\n  amount: 5\n  min: 1\n  max: 9\n  currency: EUR\n  period: year\n",
        ROLE + "salary:\n  min: 1\n  currency: EUR\n  period: year\n",
        ROLE + "salary:\n  amount: 0\n  currency: EUR\n  period: week\n",
        ROLE + "rank: '2'\n",
    ],
    ids=["unknown", "missing", "quoted", "high", "id", "both", "min", "zero", "rank"],
)
def test_schema_and_validator_agree_on_errors(catalogue: Catalogue, role: str) -> None:
    """Assert that role files the validator refuses are refused by the schema as well."""
    handbook = "title: H\nlanguage: en\nscale: {1: a, 2: b}\nfamilies:\n  - id: team\n    name: T\n"
    group = (
        "name: G\ncompetencies:\n  - id: speak\n    name: S\n    summary: s\n    indicators: [a]\n"
    )
    root = catalogue(
        {"handbook.yaml": handbook, "competencies/g.yaml": group, "roles/j.yaml": role}
    )
    assert validate(load(root)).errors != ()
    assert schema_errors(committed("role"), as_json(yaml.safe_load(role))) != []


def test_schema_accepts_yaml_1_1_text_like_the_validator() -> None:
    """Assert that unquoted text that looks like a number or boolean passes the schema too."""
    handbook = {
        "title": "H",
        "language": "en",
        "version": 2026.10,
        "organisation": False,
        "scale": {"1": None, "2": "b"},
        "families": [{"id": "team", "name": "T"}],
    }
    assert schema_errors(committed("handbook"), handbook) == []
    too_long = dict(handbook, scale={str(n): None for n in range(1, 12)})
    assert schema_errors(committed("handbook"), too_long) != []


def test_path_steps_short_and_long_form() -> None:
    """Assert that the path schema accepts role ids and step mappings, and needs two steps."""
    path = {"title": "P", "steps": ["a", {"role": "b", "typical_years": 2, "note": "n"}]}
    assert schema_errors(committed("path"), path) == []
    assert schema_errors(committed("path"), dict(path, steps=["a"])) != []
    assert schema_errors(committed("path"), dict(path, steps=["a", {"rolle": "b"}])) != []
