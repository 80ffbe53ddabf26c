"""Write: a folder assembled beside its place, put there in one step."""

from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_for(out: Path) -> Path:
    """Where the new content of ``out`` is assembled: beside it, on the same file system."""
    return out.with_name(f".{out.name}.handbook-new")


def retired_for(out: Path) -> Path:
    """Where the previous content of ``out`` goes until it is removed."""
    return out.with_name(f".{out.name}.handbook-old")


def clear_leftovers(out: Path) -> None:
    """Remove what a killed run left beside ``out``."""
    remove_tree(staging_for(out))
    remove_tree(retired_for(out))


def swap_in(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out`` in one step where the system allows it."""
    if not out.exists():
        os.rename(staging, out)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    exchange = getattr(libc, "renameat2", None)
    result = -1
    if exchange is not None:
        result = exchange(_AT_FDCWD, bytes(staging), _AT_FDCWD, bytes(out), _RENAME_EXCHANGE)
    retired = retired_for(out)
    if result == 0:
        os.rename(staging, retired)
    else:  # no atomic exchange here: two renames, with a very short gap
        os.rename(out, retired)
        os.rename(staging, out)
    remove_tree(retired)


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
