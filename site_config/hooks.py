"""MkDocs hook: runs the generator so that plain `mkdocs build` and `mkdocs serve` work.

Pages are added in memory (never written into docs_dir, which would loop `serve`).
The catalogue root is $HANDBOOK_CATALOGUE, else ./catalogues beside mkdocs.yml;
$HANDBOOK_CHANGES_SINCE (a folder or git revision) adds the change page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator.build import earlier_edition, generate_pages, load_handbook
from generator.errors import CatalogueError, HandbookError
from generator.site import settings


def _catalogue_root(config: Any) -> Path:
    base = Path(config.config_file_path).parent
    return base / os.environ.get("HANDBOOK_CATALOGUE", "catalogues")


@event_priority(100)  # before the search plugin reads the language
def on_config(config: Any) -> Any:
    root = _catalogue_root(config)
    try:
        handbook = load_handbook(root, os.environ.get("HANDBOOK_CATALOGUE", "catalogues"))
        previous = earlier_edition(os.environ.get("HANDBOOK_CHANGES_SINCE"), root)
    except CatalogueError as error:
        raise PluginError("\n".join(map(str, error.problems))) from None
    except HandbookError as error:
        raise PluginError(str(error)) from None
    generated = generate_pages(handbook, previous)
    values = settings(handbook, generated.nav)
    config.site_name = values["site_name"]
    config.nav = values["nav"]
    config.theme["language"] = values["language"]
    config.extra.update(values["extra"])
    config["handbook_pages"] = generated.pages
    return config


def on_files(files: Files, config: Any) -> Files:
    for name, body in config["handbook_pages"].items():
        files.append(File.generated(config, name, content=body))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_catalogue_root(config)))
    return server
