"""Render: one file of the render plan: where it goes, which template renders it, with what."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """One generated page (or stylesheet): its docs path, template, title and context."""

    path: str  # relative to the docs folder, e.g. "roles/account-manager.md"
    template: str
    title: str  # plain text, for navigation
    context: Mapping[str, Any] = field(default_factory=dict)
