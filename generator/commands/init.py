"""Command: ``handbook init DIR``: a content repository of its own, ready for HR.

An organisation keeps its catalogue in its own repository and installs the tool from the
package index; nothing of the tool's source is copied. ``init`` writes an example catalogue
in the chosen language (valid with ``--strict``), a README for HR, GitHub and GitLab
pipelines and a pre-commit hook that install this very version of the tool, editor settings,
and the JSON Schemas the YAML files name in their first line.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..check import schema
from ..errors import HandbookError
from ..resources import STARTER

LANGUAGES = ("de", "en")
DISTRIBUTION = "competency-handbook"
# Shipped starter file -> where it goes in the new repository (language-neutral files).
PLACES = {
    "github-handbook.yml": ".github/workflows/handbook.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "editorconfig": ".editorconfig",
    "gitignore": ".gitignore",
}


class FolderNotEmptyError(HandbookError):
    """``init`` never writes into a folder that holds anything."""

    def __init__(self, *, folder: Path) -> None:
        super().__init__(f"{folder} is not empty: give a new or empty folder (nothing written)")
        self.folder = folder


def tool_version() -> str:
    """The installed version of the tool, which the new repository's pipelines pin."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError as error:  # only when run from a source tree never installed
        raise HandbookError(f"{DISTRIBUTION} is not installed: pip install -e .") from error


def starter_files(language: str, tool: str) -> dict[str, str]:
    """Every file of a new content repository: relative path -> text."""
    files = {
        target: (STARTER / source).read_text(encoding="utf-8") for source, target in PLACES.items()
    }
    files["README.md"] = (STARTER / f"README.{language}.md").read_text(encoding="utf-8")
    example = STARTER / language
    for path in sorted(example.rglob("*.yaml")):
        name = f"catalogues/{path.relative_to(example).as_posix()}"
        files[name] = path.read_text(encoding="utf-8")
    for kind, name in schema.SCHEMA_FILES.items():
        files[f"schemas/{name}"] = schema.json_schema_text(kind)
    return {name: text.replace("@VERSION@", tool) for name, text in files.items()}


def init(folder: Path, *, language: str) -> list[str]:
    """Write a new content repository into ``folder`` (new or empty); the files written."""
    if folder.exists() and not folder.is_dir():
        raise HandbookError(f"{folder} is a file: give a new or empty folder (nothing written)")
    if folder.exists() and any(folder.iterdir()):
        raise FolderNotEmptyError(folder=folder)
    files = starter_files(language, tool_version())
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)
