"""Where the files that ship with the tool live: templates, the MkDocs configuration, theme
overrides and assets. Rendering and the MkDocs side read them from here only."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT / "docs_templates"
BASE_CONFIG = PROJECT / "mkdocs.yml"
SITE_CONFIG = PROJECT / "site_config"
STATIC_DOCS = SITE_CONFIG / "docs"
OVERRIDES = SITE_CONFIG / "overrides"
