"""MkDocs hook: runs the generator so that plain `mkdocs build` and `mkdocs serve` work.

A thin adapter: the pipeline makes the render plan, the hook hands its pages to MkDocs in
memory (never written into docs_dir, which would loop `serve`), the page bodies (sheets,
role tables, matrices) to the theme's template loader, and applies its settings.
The catalogue root is $HANDBOOK_CATALOGUE, else ./catalogues beside mkdocs.yml;
$HANDBOOK_CHANGES_SINCE (a folder or git revision) adds the change page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator import pipeline
from generator.errors import CatalogueError, HandbookError


def _catalogue_root(config: Any) -> Path:
    base = Path(config.config_file_path).parent
    return base / os.environ.get("HANDBOOK_CATALOGUE", "catalogues")


@event_priority(100)  # before the search plugin reads the language
def on_config(config: Any) -> Any:
    try:
        plan = pipeline.plan(
            _catalogue_root(config),
            display_root=os.environ.get("HANDBOOK_CATALOGUE", "catalogues"),
            changes_since=os.environ.get("HANDBOOK_CHANGES_SINCE"),
        )
    except CatalogueError as error:
        raise PluginError("\n".join(map(str, error.problems))) from None
    except HandbookError as error:
        raise PluginError(str(error)) from None
    values = plan.settings
    config.site_name = values["site_name"]
    config.nav = values["nav"]
    config.theme["language"] = values["language"]
    config.extra.update(values["extra"])
    config["handbook_files"] = pipeline.in_memory(plan)
    return config


def on_files(files: Files, config: Any) -> Files:
    for name, body in config["handbook_files"].docs.items():
        files.append(File.generated(config, name, content=body))
    return files


def on_env(env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
    bodies = jinja2.DictLoader(config["handbook_files"].theme)
    env.loader = jinja2.ChoiceLoader([env.loader, bodies])
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_catalogue_root(config)))
    return server
