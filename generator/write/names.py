"""Write: which names of generated files stay inside the folder they are written to."""

from __future__ import annotations


def is_inside(name: str) -> bool:
    """A relative path of a file inside a folder, with forward slashes and no ``..``, ``.``
    or empty step (strings, not ``pathlib``: it is asked for every file of a tree)."""
    if not name or name[0] == "/" or "\\" in name:
        return False
    return not any(step in ("", ".", "..") for step in name.split("/"))
