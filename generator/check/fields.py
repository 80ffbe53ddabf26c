"""Check: reading a file's checked fields."""

from __future__ import annotations

from typing import Any

from .spec import V

Fields = dict[str, V[Any]]


def value(fields: Fields, name: str, default: Any = None) -> Any:
    return fields[name].value if name in fields else default


def texts(fields: Fields, name: str) -> tuple[str, ...]:
    return tuple(item.value for item in value(fields, name, []))
