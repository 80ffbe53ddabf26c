"""Render: the MkDocs side of a handbook: settings that follow the catalogue, a standalone tree.

The same settings are applied by the MkDocs hook (``mkdocs build``/``serve`` at the project
root) and written into the ``mkdocs.yml`` of a generated tree, which builds without that hook
(plain ``mkdocs build -f OUT/mkdocs.yml``, or MkDocs-compatible tools that run no hooks). Its
only hook, ``hooks/compact.py``, trims the whitespace of the theme's template tags.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model.handbook import Handbook
from ..resources import BASE_CONFIG, COMPACT_HOOK, OVERRIDES, STATIC_DOCS
from . import text
from .words import Words


def settings(handbook: Handbook, nav: list[Any]) -> dict[str, Any]:
    """MkDocs settings that depend on the catalogue (title, language, nav, edition).

    Nav titles arrive HTML-escaped: the theme prints them as they are. The site name is
    printed both escaped and as is, so it is the title only where that reads the same either
    way, else a generic name; the exact title goes to ``extra.handbook_title`` for our own
    templates (the browser title).
    """
    return {
        "site_name": _site_name(handbook),
        "nav": nav,
        "language": handbook.language,
        "extra": {
            "handbook_title": text.plain_html(handbook.title),
            "handbook_imprint": text.plain_html(_imprint(handbook)),
        },
    }


def _site_name(handbook: Handbook) -> str:
    """The title, with typographic quotes for straight ones ('Das „neue“ Handbuch'); a
    generic name only where the title would read as markup (the exact title is in
    ``extra.handbook_title``)."""
    opening, closing = _QUOTES[handbook.language]
    parts = handbook.title.split('"')
    quoted = "".join(
        part + (opening if index % 2 == 0 else closing) for index, part in enumerate(parts[:-1])
    )
    title = quoted + parts[-1]
    if text.reads_the_same_escaped_or_not(title):
        return title
    return str(Words(handbook).t["site_name_fallback"])


_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


def _imprint(handbook: Handbook) -> str:
    """The footer line: "Beispiel GmbH · Ausgabe 2026.1" (either part may be missing)."""
    words = Words(handbook)
    return words.joined(handbook.organisation, words.edition)


def standalone_config(handbook: Handbook, nav: list[Any]) -> str:
    """The ``mkdocs.yml`` of a generated tree: the project's config, made self-contained."""
    config = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
    values = settings(handbook, nav)
    config["hooks"] = [COMPACT_HOOK_IN_TREE]
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["site_name"] = values["site_name"]
    config["nav"] = values["nav"]
    config["theme"]["language"] = values["language"]
    config["theme"]["custom_dir"] = "overrides"
    config.setdefault("extra", {}).update(values["extra"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin:
            plugin["search"]["lang"] = values["language"]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the nav can be long
    return yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False)


COMPACT_HOOK_IN_TREE = "hooks/compact.py"


def static_files() -> dict[str, bytes]:
    """The project's own assets, theme overrides and whitespace hook, as files of a
    generated tree."""
    files = {COMPACT_HOOK_IN_TREE: COMPACT_HOOK.read_bytes()}
    for folder, prefix in ((STATIC_DOCS, "docs"), (OVERRIDES, "overrides")):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return files
