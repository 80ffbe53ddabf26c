"""Write: files into a folder that is not ours alone (a catalogue, a folder of CSV files):
only files whose bytes change are written, each replaced atomically; files of ours that are
gone are removed; nothing else in the folder is touched.

Unlike ``writer.py`` (a folder that holds exactly the generated tree), the folder here may
hold anything else: a catalogue's own pages, images, a README, files under version control.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from .names import is_inside


@dataclass(frozen=True)
class FilesReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def update(folder: Path, files: Mapping[str, bytes], remove: Iterable[str] = ()) -> FilesReport:
    """Write each of ``files`` (relative paths) whose bytes differ, then remove ``remove``."""
    for name in [*files, *remove]:
        _check(name)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} exists and is not a folder")
    written = []
    for name, data in sorted(files.items()):
        path = folder / name
        if not _holds(path, data):
            _replace(path, data)
            written.append(name)
    removed = []
    for name in sorted(set(remove) - set(files)):
        path = folder / name
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(name)
    return FilesReport(tuple(written), tuple(removed), len(files) - len(written))


def _check(name: str) -> None:
    if not is_inside(name):
        raise OutputError(f"refusing to write outside the output folder: {name!r}")


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` through a file beside it, renamed over it: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise OutputError(f"{path} is a folder: cannot write a file there")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
