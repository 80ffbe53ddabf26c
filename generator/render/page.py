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
    # A template for the page's HTML body, written as a template of the theme that the
    # page's own template includes (``urls.page_body``): sheets, role tables and matrices,
    # large HTML that MkDocs then never parses as Markdown. The page's template gets
    # ``body`` (``Body``).
    body: str | None = None
    theme: bool = False  # a template of the theme itself (``overrides/``), not a page


@dataclass(frozen=True)
class Body:
    """Where a page's HTML body is, for its front matter: the theme template's name, and a
    checksum of its text, so that the page's Markdown changes whenever its body does (MkDocs'
    dirty build rebuilds only pages whose Markdown changed)."""

    template: str
    checksum: str
