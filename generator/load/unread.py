"""Load: files and folders of a catalogue that nothing reads but that an author meant to be read.

Only ``handbook.yaml`` and the files directly in ``competencies/``, ``roles/``, ``paths/``
and ``pages/`` are read. A role saved beside ``handbook.yaml``, in ``role/``, in a folder
inside ``roles/`` or as ``Lead.YAML`` would vanish from the handbook without a word, so
each is an error that says where it belongs. Names starting with a dot, and files and
folders that are no YAML or Markdown and look like no catalogue folder, stay unread in
silence (a README, a ``schemas/`` folder).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..contract import KIND_FOLDERS, PAGE_SUFFIX, YAML_SUFFIXES
from ..errors import Location, Problem

Display = Callable[[Path], str]  # a path as messages show it
PAGES = "pages"
IMAGES = "images"
_FOLDERS = (*KIND_FOLDERS.values(), PAGES)


def unread(root: Path, display: Display) -> list[Problem]:
    return [
        Problem(Location(display(path)), message)
        for path, message in (*_in_root(root), *_in_folders(root))
    ]


def _in_root(root: Path) -> Iterator[tuple[Path, str]]:
    for path in _entries(root):
        if path.is_dir():
            if path.name not in _FOLDERS and (close := _close_folder(path.name)):
                yield path, f"folder '{path.name}' is not read: did you mean '{close}'?"
        elif _is_yaml(path) and path.name not in _handbooks():
            if path.stem.lower() == "handbook":
                fixed = f"handbook{path.suffix.lower()}"
                yield path, f"rename the file to '{fixed}': only that name is read"
            else:
                yield (
                    path,
                    (
                        "file is not read: only handbook.yaml is read here; a role, competency "
                        "group or career path belongs in roles/, competencies/ or paths/"
                    ),
                )


def _in_folders(root: Path) -> Iterator[tuple[Path, str]]:
    for name in _FOLDERS:
        folder = root / name
        if not folder.is_dir():
            continue
        suffixes = (PAGE_SUFFIX,) if name == PAGES else YAML_SUFFIXES
        for path in _entries(folder):
            if path.is_dir() and not (name == PAGES and path.name == IMAGES):
                if any(_is_read_kind(found, path, suffixes) for found in path.rglob("*")):
                    yield (
                        path,
                        (
                            f"folder '{path.name}' is not read: only files directly in {name}/ "
                            "are; move its files up into it"
                        ),
                    )
            elif path.suffix.lower() in suffixes and path.suffix not in suffixes:
                fixed = path.stem + path.suffix.lower()
                yield path, f"rename the file to '{fixed}': only lower-case endings are read"


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []  # reported where the folder is read


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in YAML_SUFFIXES


def _is_read_kind(path: Path, below: Path, suffixes: tuple[str, ...]) -> bool:
    """A file of the kind its folder reads, not inside a hidden folder below ``below``."""
    hidden = any(part.startswith(".") for part in path.relative_to(below).parts)
    return path.suffix.lower() in suffixes and not hidden


def _handbooks() -> tuple[str, ...]:
    return tuple(f"handbook{suffix}" for suffix in YAML_SUFFIXES)


def _close_folder(name: str) -> str | None:
    if name.lower() in _FOLDERS:
        return name.lower()
    close = difflib.get_close_matches(name.lower(), _FOLDERS, n=1, cutoff=0.7)
    return close[0] if close else None
