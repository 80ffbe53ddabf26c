"""Where the files that ship with the tool live: templates, the base MkDocs configuration,
theme overrides, assets and the starter content of ``handbook init``.

In a checkout (editable install) they are the repository's top-level folders
``docs_templates/`` and ``site_config/``; an installed wheel carries the same folders as
package data below ``generator/share/`` (see ``[tool.setuptools]`` in pyproject.toml).
Rendering, the MkDocs side and ``init`` read them from here only.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("generator")))
_SHARE = PACKAGE / "share"
_CHECKOUT = PACKAGE.parent


def _folder(name: str) -> Path:
    """A shipped folder: the wheel's copy if installed, else the checkout's own folder."""
    installed = _SHARE / name
    return installed if installed.is_dir() else _CHECKOUT / name


TEMPLATES = _folder("docs_templates")
SITE_CONFIG = _folder("site_config")
BASE_CONFIG = SITE_CONFIG / "base.yml"
STATIC_DOCS = SITE_CONFIG / "docs"
OVERRIDES = SITE_CONFIG / "overrides"
COMPACT_HOOK = SITE_CONFIG / "compact.py"  # a generated tree's one hook (its docstring)
STARTER = PACKAGE / "starter"
