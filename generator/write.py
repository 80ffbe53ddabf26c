"""Stage 4: the only code that touches the output folder.

The new tree is assembled beside the output folder (unchanged files hard-linked, changed
files written) and then swapped in with one atomic exchange, so a generation that is killed
midway leaves the previous output or the new one, complete, never a mix. A manifest records
which files are ours: files someone else put there are carried over untouched, our stale
files disappear, and a run that changes nothing writes nothing.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import OutputError

MANIFEST = ".handbook-manifest.json"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def write(files: dict[str, bytes], out: Path) -> WriteReport:
    """Make ``out`` hold exactly ``files`` (plus any files that are not ours)."""
    _check_paths(files)
    out = out.absolute()
    old = _manifest(out)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    written = tuple(sorted(n for n in files if old.get(n) != digests[n] or not (out / n).is_file()))
    removed = tuple(sorted(n for n in old if n not in files))
    foreign = [n for n in written if n not in old and (out / n).exists()]
    if foreign:
        raise OutputError(f"refusing to overwrite a file that 'handbook generate' did not write: {foreign[0]}")
    if out.exists() and not written and not removed:
        return WriteReport((), (), len(files))
    staging = out.with_name(f".{out.name}.handbook-new")
    _remove_tree(staging)
    _remove_tree(out.with_name(f".{out.name}.handbook-old"))
    staging.mkdir(parents=True)
    _carry_over(out, staging, skip={MANIFEST, *written, *removed})
    for name in written:
        _write_file(staging / name, files[name])
    _write_file(staging / MANIFEST, json.dumps(digests, indent=1, sort_keys=True).encode())
    _swap(staging, out)
    return WriteReport(written, removed, len(files) - len(written))


def _check_paths(files: dict[str, bytes]) -> None:
    for name in files:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or "\\" in name or not path.parts:
            raise OutputError(f"refusing to write outside the output folder: {name!r}")


def _manifest(out: Path) -> dict[str, str]:
    if not out.exists():
        return {}
    if not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    manifest = out / MANIFEST
    if not manifest.is_file():
        if any(out.iterdir()):
            raise OutputError(
                f"{out} is not empty and was not made by 'handbook generate': "
                "choose an empty or new folder"
            )
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(f"cannot read {manifest}: {error}") from error
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _carry_over(out: Path, staging: Path, skip: set[str]) -> None:
    """Hard-link every existing file into the new tree, except the ones named in ``skip``."""
    if not out.exists():
        return
    for folder, _dirs, names in os.walk(out):
        relative = Path(folder).relative_to(out)
        (staging / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            if (relative / name).as_posix() not in skip:
                os.link(Path(folder) / name, staging / relative / name, follow_symlinks=False)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out`` in one step where the system allows it."""
    if not out.exists():
        os.rename(staging, out)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    exchange = getattr(libc, "renameat2", None)
    result = -1
    if exchange is not None:
        result = exchange(_AT_FDCWD, bytes(staging), _AT_FDCWD, bytes(out), _RENAME_EXCHANGE)
    retired = out.with_name(f".{out.name}.handbook-old")
    if result == 0:
        os.rename(staging, retired)
    else:  # no atomic exchange here: two renames, with a very short gap
        os.rename(out, retired)
        os.rename(staging, out)
    _remove_tree(retired)


def _remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
