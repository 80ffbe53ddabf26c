"""MkDocs hook: the theme's templates render without the whitespace of their own tags.

Material indents every template tag and puts most on a line of their own; each of them left
its indentation and a line break in every page, so that two thirds of a role page's
navigation were blank (30 MB of a 1,000-role site). With Jinja's ``trim_blocks`` and
``lstrip_blocks`` a tag takes its line with it; what pages show is the same to the pixel.

Standalone: a generated tree lists this file under ``hooks`` (as ``hooks/compact.py``) and
the project's mkdocs.yml beside its own hook. Zensical runs no hooks and builds as before.
"""

from __future__ import annotations

from typing import Any

import jinja2


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    # Read when a template is compiled: before MkDocs renders the first page.
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
