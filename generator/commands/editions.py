"""Command ``handbook diff``: what changed between two editions of a catalogue."""

from __future__ import annotations

from pathlib import Path

from ..load.edition import edition_at
from ..model.diff import diff_handbooks
from ..pipeline import load_handbook
from ..render.changes import render


def between(old_root: str, new_root: str, fmt: str) -> str:
    """The change report from the catalogue at ``old_root`` to the one at ``new_root``."""
    old = load_handbook(Path(old_root), old_root)
    new = load_handbook(Path(new_root), new_root)
    return render(diff_handbooks(old, new), new, fmt)


def since(revision: str, root: str, fmt: str) -> str:
    """The change report of the catalogue at ``root`` since git ``revision``.

    Raises ``EditionError`` when that revision cannot be read.
    """
    new = load_handbook(Path(root), root)
    with edition_at(revision, Path(root)) as (folder, shown):
        old = load_handbook(folder, shown)
    return render(diff_handbooks(old, new), new, fmt)
