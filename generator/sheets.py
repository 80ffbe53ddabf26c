"""Which self-assessment and readiness sheets exist."""

from __future__ import annotations

from collections.abc import Iterator

from .model import Handbook
from .relations import Relations
from .page import Page


def plan_sheets(handbook: Handbook, relations: Relations) -> Iterator[Page]:
    yield from ()
