"""Render: one file of the render plan: where it goes, which template renders it, with what."""

from __future__ import annotations

import re
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
    """Where a page's HTML body is, for its front matter: the theme template's name and the
    body's name in it (``urls.page_body``), and a checksum of its text, so that the page's
    Markdown changes whenever its body does (MkDocs' dirty build rebuilds only pages whose
    Markdown changed)."""

    template: str
    id: str
    checksum: str


_BODY_ID = re.compile(r"[a-z0-9][a-z0-9/-]*")


def bodies_template(bodies: Mapping[str, str]) -> str:
    """One file of page bodies (``urls.page_body``): a template of the theme that shows the
    body the including page names in its front matter (``body_id``)."""
    branches = []
    for number, (name, body) in enumerate(sorted(bodies.items())):
        assert _BODY_ID.fullmatch(name), name  # a path of ids: safe in a Jinja string
        keyword = "elif" if number else "if"
        branches.append(f'{{% {keyword} page.meta.body_id == "{name}" %}}{body}')
    return "".join(branches) + "{% endif %}\n"
